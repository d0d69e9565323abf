"""Evaluate the detector on the labelled corpus: recall, precision, controls kept, speed.

    python bench/detect_eval.py            # both pools, plus throughput
    python bench/detect_eval.py --no-speed

Recall: share of labelled values no longer readable after redaction (every labelled span fully
covered by detected spans, whatever their type). Name tokens: the same, per word of a name.
Precision: share of detected spans that overlap some labelled value. Controls: share of
control phrases (products, dates, amounts, order numbers...) that no detected span touches,
each judged where the corpus marked it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from proxy.detect.engine import DetectionEngine
from proxy.detect.spans import Span

CORPUS = Path(__file__).resolve().parent / "corpus"
PROSE_KINDS = {"call_notes", "email_draft", "lead_summary", "chat_history"}
SCRIPTS = {"hebrew", "arabic", "cyrillic"}
POOLS = (
    "tune",
    "handwritten",
    "heldout",
    "fresh",
    "blind_a",
    "blind_b",
    "blind_c",
    "blind_d",
    "blind_e",
    "blind_f",
    "blind_g",
    "blind_h",
    "blind_i",
    "blind_j",
    "blind_k",
    "blind_l",
    "blind_m",
    "blind_n",
    "blind_o",
    "blind_p",
    "blind_q",
    "blind_r",
)


def _load(pool: str) -> list[dict[str, Any]]:
    path = CORPUS / f"{pool}.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _covered(spans: list[Span], start: int, end: int) -> bool:
    covered = start
    for s in spans:
        if s.start <= covered < s.end:
            covered = s.end
        if covered >= end:
            return True
    return covered >= end


def _word_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    for word in text[start:end].split():
        at = text.index(word, pos)
        out.append((at, at + len(word)))
        pos = at + len(word)
    return out


def _control_spans(rec: dict[str, Any]) -> list[tuple[int, int]]:
    """Where the record's control phrases are: the occurrences the corpus marked (a city
    marked in "IP location: {{Dubai}}" is not the "Dubai" inside an address above it), or, for
    a record without them, each phrase's first occurrence."""
    if "controls_at" in rec:
        return [(at, end) for at, end in rec["controls_at"]]
    found = ((rec["text"].find(p), len(p)) for p in rec.get("controls", []))
    return [(at, at + n) for at, n in found if at >= 0]


def evaluate(engine: DetectionEngine, records: list[dict[str, Any]]) -> dict[str, Any]:
    hit: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    det_ok: dict[str, int] = defaultdict(int)
    det_all: dict[str, int] = defaultdict(int)
    tokens = [0, 0]
    controls = [0, 0]
    misses: list[str] = []
    lost: list[str] = []
    for rec in records:
        text = rec["text"]
        spans = sorted(engine.detect_all([text])[0], key=lambda s: s.start)
        for ent in rec["entities"]:
            total[ent["type"]] += 1
            if _covered(spans, ent["start"], ent["end"]):
                hit[ent["type"]] += 1
            else:
                misses.append(
                    f"{ent['type']}: {text[ent['start'] : ent['end']]!r} "
                    f"[{rec['kind']}/{rec['culture']}]"
                )
            if ent["type"] == "PERSON":
                for ws, we in _word_spans(text, ent["start"], ent["end"]):
                    tokens[1] += 1
                    tokens[0] += _covered(spans, ws, we)
        for s in spans:
            det_all[s.type.value] += 1
            if any(s.start < e["end"] and e["start"] < s.end for e in rec["entities"]):
                det_ok[s.type.value] += 1
            else:
                misses.append(
                    f"FP {s.type.value}: {text[s.start : s.end]!r} [{rec['kind']}/{rec['culture']}]"
                )
        for at, end in _control_spans(rec):
            controls[1] += 1
            if all(s.end <= at or s.start >= end for s in spans):
                controls[0] += 1
            else:
                lost.append(f"{text[at:end]!r} in [{rec['kind']}/{rec['culture']}]")
    return {
        "recall": {t: (hit[t], total[t]) for t in sorted(total)},
        "precision": {t: (det_ok[t], det_all[t]) for t in sorted(det_all)},
        "name_tokens": tuple(tokens),
        "controls": tuple(controls),
        "misses": misses,
        "lost": lost,
    }


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:6.1f} % ({a}/{b})" if b else "     -"


def report(name: str, result: dict[str, Any], verbose: bool) -> None:
    print(f"\n== {name} ==")
    print(f"{'type':<12} {'recall':>22} {'precision':>22}")
    types = sorted(set(result["recall"]) | set(result["precision"]))
    for t in types:
        r = result["recall"].get(t, (0, 0))
        p = result["precision"].get(t, (0, 0))
        print(f"{t:<12} {_pct(*r):>22} {_pct(*p):>22}")
    tok = result["name_tokens"]
    ctl = result["controls"]
    print(f"name tokens missed: {_pct(tok[1] - tok[0], tok[1]).strip()}")
    print(f"controls lost:      {_pct(ctl[1] - ctl[0], ctl[1]).strip()}")
    if verbose:
        for line in result["misses"][:60] + result["lost"][:40]:
            print("  ", line)


def throughput(records: list[dict[str, Any]], label: str) -> None:
    # The same text is detected again and again: an engine that remembered it would measure
    # its memo, not detection.
    engine = DetectionEngine(memo_texts=0)
    blob = "\n\n".join(r["text"] for r in records)
    print(f"\n== throughput: {label} (one core, one text per call) ==")
    for size in (1_000, 10_000, 100_000):
        text = blob
        while len(text.encode()) < size:
            text += "\n" + blob
        text = text.encode()[:size].decode(errors="ignore")
        repeat = max(3, 2_000_000 // size)
        engine.detect_all([text])
        start = time.perf_counter()
        for _ in range(repeat):
            engine.detect_all([text])
        elapsed = time.perf_counter() - start
        mbs = size * repeat / elapsed / 1e6
        print(f"{size // 1000:>4} KB: {mbs:6.2f} MB/s  ({1000 * elapsed / repeat:.2f} ms per call)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--pool", choices=POOLS, action="append")
    args = parser.parse_args()
    engine = DetectionEngine()
    every: list[dict[str, Any]] = []
    for pool in args.pool or POOLS:
        records = _load(pool)
        if records:
            every += records
            report(f"{pool} ({len(records)} records)", evaluate(engine, records), args.verbose)
    if not args.no_speed:
        throughput(every, "whole corpus, all scripts, dense with identifiers")
        prose = [r for r in every if r["kind"] in PROSE_KINDS and r["culture"] not in SCRIPTS]
        throughput(prose, "English-script notes and emails")
    return 0


if __name__ == "__main__":
    sys.exit(main())
