"""Time the pure redaction core: request pseudonymization and stream restore.

Run: `.venv/bin/python bench/redaction_core.py`. Uses the literal stand-in detector so the
figures are the core's own cost (walk, presidio replacement, restore), not detection's.
"""

from __future__ import annotations

import copy
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from proxy.detect.spans import EntityType
from proxy.policy import Policy
from proxy.redaction import RedactingExchange
from tests.fakes.literal_detector import LiteralDetector

VALUES = {
    "Dana Cohen": EntityType.PERSON,
    "Avi Levi": EntityType.PERSON,
    "dana@acme.co.il": EntityType.EMAIL,
    "+972-54-123-4567": EntityType.PHONE,
}
TURN = (
    "Lead update: Dana Cohen (dana@acme.co.il, +972-54-123-4567) asked Avi Levi for a revised "
    "quote on the enterprise plan; follow up before the quarter closes and log the call. "
)


def chat_body() -> dict[str, Any]:
    messages: list[dict[str, Any]] = [{"role": "system", "content": "You are a CRM assistant."}]
    while len(str(messages)) < 2048:
        messages.append({"role": "user", "content": TURN})
        messages.append({"role": "assistant", "content": "Noted. " + TURN[:80]})
    return {"model": "gpt-4o", "messages": messages}


def per_call(function: Any, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        function()
    return (time.perf_counter() - start) / repeat * 1e3


def main() -> None:
    detector = LiteralDetector(VALUES)
    policy = Policy()
    body = chat_body()
    size = len(str(body))

    def request() -> RedactingExchange:
        exchange = RedactingExchange("chat/completions", detector, policy)
        exchange.request(copy.deepcopy(body))
        return exchange

    copy_only = per_call(lambda: copy.deepcopy(body), 500)
    print(f"chat request {size} chars: {per_call(request, 500) - copy_only:.3f} ms per request")

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
