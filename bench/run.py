"""The cost of privacy, in one run: proxy with redaction on, off, and direct to upstream.

Starts the loopback fake upstream, two proxies (redaction on / off) and a separate
load-generator process, then prints every figure as a ratio or difference taken in
this same run with targets interleaved. Usage: `make bench` (or `python bench/run.py`).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.payloads import chat_body, typical_chat_body  # noqa: E402
from bench.redaction_core import stream_holdback  # noqa: E402

PROXY_CPU = "0"
SIDE_CPU = "1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(url: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not become ready")


def _pinned(cpu: str, argv: list[str]) -> list[str]:
    return ["taskset", "-c", cpu, *argv] if os.cpu_count() and os.cpu_count() > 1 else argv  # type: ignore[operator]


@contextmanager
def _process(
    argv: list[str], env: dict[str, str], ready_url: str
) -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        _wait_ready(ready_url)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) in MB, from /proc."""
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def _loadgen(job: dict[str, Any]) -> Any:
    argv = _pinned(SIDE_CPU, [sys.executable, str(ROOT / "bench" / "loadgen.py")])
    done = subprocess.run(argv, input=json.dumps(job).encode(), capture_output=True, check=True)
    return json.loads(done.stdout)


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.3f} ms"


def _stats(name: str, values: list[float]) -> dict[str, float]:
    return {"p50": _pct(values, 0.5), "p99": _pct(values, 0.99), "n": float(len(values))}


def detection_throughput() -> dict[str, dict[str, float]]:
    """MB/s of detection alone on one core, for 1 KB, 10 KB and 100 KB inputs, per payload;
    with the payload's entities per KB."""
    from proxy.detect.engine import DetectionEngine

    engine = DetectionEngine(memo_texts=0)  # the same text, again and again: no memo
    out: dict[str, dict[str, float]] = {}
    for name, make in PAYLOADS.items():
        figures: dict[str, float] = {}
        for size in (1_000, 10_000, 100_000):
            text = make(size)["messages"][1]["content"]
            spans = engine.detect_all([text])[0]  # also warms caches
            reps = max(3, 2_000_000 // size)
            start = time.process_time()
            for _ in range(reps):
                engine.detect_all([text])
            seconds = time.process_time() - start
            figures[f"{size // 1000} KB"] = len(text.encode()) * reps / seconds / 1e6
            figures["entities_per_kb"] = len(spans) / (len(text.encode()) / 1000)
        out[name] = figures
    return out


PAYLOADS = {"dense": chat_body, "typical": typical_chat_body}


def history_resend(turns: int = 12, repeats: int = 5) -> dict[str, float]:
    """A chat that sends its whole history on every turn (what CRM chat features do), each turn
    about 1 KB of new text: detection time for the whole conversation, with the engine's memo
    of seen texts and without it, interleaved; each conversation starts with an empty memo."""
    from proxy.detect.engine import DetectionEngine

    makers = (typical_chat_body, chat_body)
    history = [f"Turn {k}: " + makers[k % 2](1_000)["messages"][1]["content"] for k in range(turns)]
    system = chat_body(100)["messages"][0]["content"]
    best = {"memo": float("inf"), "none": float("inf")}
    last = {"memo": float("inf"), "none": float("inf")}
    for _ in range(repeats):
        for mode, size in (("memo", 4096), ("none", 0)):
            engine = DetectionEngine(memo_texts=size)
            total = 0.0
            for k in range(1, turns + 1):
                start = time.process_time()
                engine.detect_all([system, *history[:k]])
                took = time.process_time() - start
                total += took
            best[mode] = min(best[mode], total)
            last[mode] = min(last[mode], took)
    return {
        "turns": float(turns),
        "conversation_ms_memo": best["memo"] * 1000,
        "conversation_ms_none": best["none"] * 1000,
        "last_turn_ms_memo": last["memo"] * 1000,
        "last_turn_ms_none": last["none"] * 1000,
    }


def _event_loop() -> str:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio (uvloop not installed; pip install -e '.[fast]')"
    return "uvloop"


def _chat_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/v1/chat/completions"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer samples (a smoke run)")
    args = parser.parse_args()
    n = 60 if args.quick else 400
    # Many short windows, round-robin over the targets, median taken: a burst of load from
    # another job then spoils a few windows of every target, not a whole target.
    rounds, window = (2, 1.0) if args.quick else (10, 1.2)

    tmp = Path(tempfile.mkdtemp(prefix="rp-bench-"))
    upstream_port, on_port, off_port = _free_port(), _free_port(), _free_port()
    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("PROXY_", "OPENAI_"))}
    db_url = f"sqlite:///{tmp / 'bench.db'}"
    proxy_env = {
        **base_env,
        "PROXY_UPSTREAM_URL": f"http://127.0.0.1:{upstream_port}/v1",
        "PROXY_UPSTREAM_API_KEY": "sk-bench",
        "PROXY_DATABASE_URL": db_url,
        "PROXY_LOG_LEVEL": "WARNING",
    }
    cli = [sys.executable, "-m", "proxy"]
    created = subprocess.run(
        [*cli, "keys", "create", "--tenant", "bench"],
        env=proxy_env,
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
    )
    secret = created.stdout.strip().splitlines()[-1]

    upstream_argv = [sys.executable, "-m", "tests.fakes.openai_upstream", "--port"]
    with (
        _process(
            _pinned(SIDE_CPU, [*upstream_argv, str(upstream_port)]),
            base_env,
            f"http://127.0.0.1:{upstream_port}/v1/models",
        ),
        _process(
            _pinned(PROXY_CPU, [*cli, "serve", "--port", str(on_port)]),
            {**proxy_env, "PROXY_REDACTION_ENABLED": "true"},
            f"http://127.0.0.1:{on_port}/healthz",
        ) as proxy_on,
        _process(
            _pinned(PROXY_CPU, [*cli, "serve", "--port", str(off_port)]),
            {**proxy_env, "PROXY_REDACTION_ENABLED": "false"},
            f"http://127.0.0.1:{off_port}/healthz",
        ),
    ):
        rss_idle = _rss_mb(proxy_on.pid)[0]
        auth = {"Authorization": f"Bearer {secret}", "Content-Type": "application/json"}
        targets = [
            {
                "name": "direct",
                "url": f"http://127.0.0.1:{upstream_port}/v1/chat/completions",
                "headers": {"Authorization": "Bearer sk-bench", "Content-Type": "application/json"},
            },
            {
                "name": "off",
                "url": f"http://127.0.0.1:{off_port}/v1/chat/completions",
                "headers": auth,
            },
            {
                "name": "on",
                "url": f"http://127.0.0.1:{on_port}/v1/chat/completions",
                "headers": auth,
            },
        ]
        report: dict[str, Any] = {
            "cores": os.cpu_count(),
            "pinning": f"proxies on CPU {PROXY_CPU}, upstream and load generator on CPU {SIDE_CPU}",
        }
        for label, body in (
            ("2KB", chat_body(2_000)),
            ("10KB", chat_body(10_000)),
            ("2KB typical", typical_chat_body(2_000)),
        ):
            lat = _loadgen({"kind": "latency", "targets": targets, "body": body, "n": n})
            report[f"latency_{label}"] = {k: _stats(k, v) for k, v in lat.items()}
        # 100 events: the fake upstream cuts the echo into chunks of --chunk-size (3) chars.
        stream_body = chat_body(280, stream=True)
        stream_body["messages"] = stream_body["messages"][1:]
        st = _loadgen({"kind": "stream", "targets": targets, "body": stream_body, "n": n // 2})
        report["stream"] = {
            k: {m: statistics.median(vals) for m, vals in v.items()} for k, v in st.items()
        }
        for key, body in (
            ("throughput", chat_body(2_000)),
            ("throughput_typical", typical_chat_body(2_000)),
        ):
            tp = _loadgen(
                {
                    "kind": "throughput",
                    "targets": targets,
                    "body": body,
                    "concurrency": 32,
                    "seconds": window,
                    "rounds": rounds,
                }
            )
            report[key] = {k: statistics.median(v) for k, v in tp.items()}
        report["rss_mb"] = {"idle": rss_idle, "peak_under_load": _rss_mb(proxy_on.pid)[1]}
    report["detection_mb_s"] = detection_throughput()
    report["history"] = history_resend()
    report["holdback"] = stream_holdback()
    report["event_loop"] = _event_loop()
    _print(report)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps(report, indent=2))
    return 0


def _print(r: dict[str, Any]) -> None:
    det = r["detection_mb_s"]
    print(f"cores: {r['cores']} ({r['pinning']}); event loop: {r['event_loop']}")
    print(
        f"payloads: dense {det['dense']['entities_per_kb']:.1f} entities/KB,"
        f" typical {det['typical']['entities_per_kb']:.1f} entities/KB"
    )
    for size in ("2KB", "10KB", "2KB typical"):
        lat = r[f"latency_{size}"]
        d = lat["direct"]
        name = size if "typical" in size else f"{size} dense"
        for mode in ("off", "on"):
            m = lat[mode]
            print(
                f"added latency, {name} chat, redaction {mode:3}: "
                f"p50 {_ms(m['p50'] - d['p50'])}   p99 {_ms(m['p99'] - d['p99'])}"
            )
    s = r["stream"]
    direct = s["direct"]
    for mode in ("off", "on"):
        first, total = s[mode]["first"] - direct["first"], s[mode]["total"] - direct["total"]
        print(
            f"streaming, redaction {mode:3}: added first event {_ms(first)}"
            f"   added total {_ms(total)}   ({s[mode]['events']:.0f} events,"
            f" {total * 1000 * 100 / s[mode]['events']:.2f} ms per 100)"
        )
    h = r["holdback"]
    print(
        f"stream restorer held back at most {h['max_held_bytes']:.0f} bytes, for at most"
        f" {h['max_held_events']:.0f} events (x the upstream's gap between events),"
        f" over {h['events']:.0f} placeholder-dense events"
    )
    for key, name in (("throughput", "dense"), ("throughput_typical", "typical")):
        t = r[key]
        print(
            f"throughput @32, 2KB {name}: on/off = {t['on'] / t['off']:.2f}x"
            f"   off/direct = {t['off'] / t['direct']:.2f}x"
            f"   (on {t['on']:.0f}, off {t['off']:.0f}, direct {t['direct']:.0f} req/s)"
        )
    for name, figures in det.items():
        sizes = ", ".join(f"{k} {v:.1f}" for k, v in figures.items() if k.endswith("KB"))
        print(f"detection alone, {name}: {sizes} MB/s per core")
    h = r["history"]
    print(
        f"chat resending its history, {h['turns']:.0f} turns of ~1 KB: detection"
        f" {h['conversation_ms_memo']:.1f} ms per conversation with the memo,"
        f" {h['conversation_ms_none']:.1f} ms without"
        f" ({h['conversation_ms_none'] / h['conversation_ms_memo']:.1f}x); last turn"
        f" {h['last_turn_ms_memo']:.1f} / {h['last_turn_ms_none']:.1f} ms"
    )
    rss = r["rss_mb"]
    print(f"RSS: idle {rss['idle']:.0f} MB, peak under load {rss['peak_under_load']:.0f} MB")


if __name__ == "__main__":
    raise SystemExit(main())
