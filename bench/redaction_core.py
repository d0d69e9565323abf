"""Time the pure redaction core: request pseudonymization and stream restore.

Run: `.venv/bin/python bench/redaction_core.py`. Uses the literal stand-in detector so the
figures are the core's own cost (walk, presidio replacement, restore), not detection's.
"""

from __future__ import annotations

import copy
import sys
import time
from bisect import bisect_right
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from proxy.detect.spans import EntityType
from proxy.policy import Policy
from proxy.pseudonymize import pseudonymize
from proxy.redaction import RedactingExchange
from proxy.restore import Restorer
from proxy.stream import StreamRestorer
from tests.fakes.literal_detector import LiteralDetector

VALUES = {
    "Dana Cohen": EntityType.PERSON,
    "Avi Levi": EntityType.PERSON,
    "dana@acme.co.il": EntityType.EMAIL,
    "+972-54-123-4567": EntityType.PHONE,
}
DENSE = (
    "Lead update: Dana Cohen (dana@acme.co.il, +972-54-123-4567) asked Avi Levi for a revised "
    "quote on the enterprise plan; follow up before the quarter closes and log the call. "
)
TYPICAL = (
    "Summarise the last three calls with the account and draft a short follow-up. The customer "
    "asked about pricing tiers, onboarding time and the SSO integration; our side promised a "
    "demo next week. Contact: Dana Cohen. Keep the tone friendly and under 120 words, please. "
)


def chat_body(turn: str) -> dict[str, Any]:
    messages: list[dict[str, Any]] = [{"role": "system", "content": "You are a CRM assistant."}]
    while len(str(messages)) < 2048:
        messages.append({"role": "user", "content": turn})
        messages.append({"role": "assistant", "content": "Noted. " + turn[:80]})
    return {"model": "gpt-4o", "messages": messages}


def _texts(body: dict[str, Any]) -> list[str]:
    return [str(message["content"]) for message in body["messages"]]


def per_call(function: Any, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1e3


def stream_holdback(chunk_chars: int = 3) -> dict[str, float]:
    """What the stream restorer held back at most, replaying a placeholder-dense reply.

    The reply is the redacted dense request echoed back in `chunk_chars`-character deltas (as
    the bench's fake upstream cuts it). Held text is what has been fed but not yet released;
    its age is counted in events, since wall time held is events x the upstream's gap.
    """
    texts = _texts(chat_body(DENSE))
    result = pseudonymize(texts, LiteralDetector(VALUES).detect_all(texts), Policy())
    reply = " ".join(result.texts)
    deltas = [reply[i : i + chunk_chars] for i in range(0, len(reply), chunk_chars)]
    stream = StreamRestorer(Restorer(result.book.mapping))
    ends: list[int] = []  # characters fed after each event
    max_chars = max_bytes = max_events = 0
    for index, delta in enumerate(deltas):
        stream.feed(delta)
        ends.append((ends[-1] if ends else 0) + len(delta))
        pending: str = stream._pending  # the held tail (bench-only peek)
        if pending:
            oldest = bisect_right(ends, ends[-1] - len(pending))  # event that fed it
            max_chars = max(max_chars, len(pending))
            max_bytes = max(max_bytes, len(pending.encode()))
            max_events = max(max_events, index - oldest)
    stream.flush()
    return {
        "events": float(len(deltas)),
        "max_held_chars": float(max_chars),
        "max_held_bytes": float(max_bytes),
        "max_held_events": float(max_events),
    }


def main() -> None:
    detector = LiteralDetector(VALUES)
    policy = Policy()
    for name, turn in (("typical", TYPICAL), ("dense", DENSE)):
        body = chat_body(turn)

        def request(body: dict[str, Any] = body) -> RedactingExchange:
            exchange = RedactingExchange("chat/completions", detector, policy)
            exchange.request(copy.deepcopy(body))
            return exchange

        entities = sum(request().stats.entities.values())
        copy_only = per_call(lambda body=body: copy.deepcopy(body), 500)
        detect = per_call(lambda body=body: detector.detect_all(_texts(body)), 500)
        total = per_call(request, 500) - copy_only
        print(
            f"{name} chat request, {len(str(body))} chars, {entities} entities: "
            f"{total:.3f} ms per request ({total - detect:.3f} ms without the stand-in detector)"
        )
    body = chat_body(DENSE)

    exchange = request()
    sent = exchange.request(copy.deepcopy(body))
    text = " ".join(m["content"] for m in sent["messages"])[:800]
    deltas = [text[i : i + 8] for i in range(0, 800, 8)]  # 100 events of 8 chars

    def stream() -> None:
        ex = request()
        for delta in deltas:
            ex.stream_event(
                {
                    "id": "c",
                    "choices": [{"index": 0, "delta": {"content": delta}, "finish_reason": None}],
                }
            )
        ex.stream_end()

    request_ms = per_call(request, 200)
    print(f"100 streamed chat events: {per_call(stream, 200) - request_ms:.3f} ms")


if __name__ == "__main__":
    main()
