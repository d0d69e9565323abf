"""Fuzzing the stream path end to end, below the web layer: exchange + SSE relay.

`test_stream.py` cuts the text a `StreamRestorer` sees; here the upstream's SSE *bytes*
are cut anywhere (inside a `data:` line, inside a JSON string, inside a multi-byte
character, between `\\r` and `\\n`) for Chat Completions and Responses streams, message
text and tool-call arguments, with the real detection engine and labelled personal
values. What the caller reads back must be the original exactly, in deltas and in the
Responses API's whole-text `done` events.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

import orjson
from hypothesis import given
from hypothesis import strategies as st

from proxy.redaction import RedactingExchange
from proxy.sse import SseDecoder
from proxy.sse_relay import SseRelay
from tests.fakes import openai_replies as replies
from tests.test_fuzz_walker import (
    ENGINE,
    FUZZ,
    POLICY,
    body_for,
    labelled_texts,
    sent_texts,
)


def upstream_bytes(endpoint: str, body: dict[str, Any], text: str, size: int, crlf: bool) -> bytes:
    """The fake model's stream for `body`, echoing `text`, as the bytes on the wire."""
    end = b"\r\n" if crlf else b"\n"
    out = b""
    if endpoint == "chat/completions":
        for event in replies.chat_chunks(body, text, size):
            out += b"data: " + orjson.dumps(event) + end + end
        return out + b"data: [DONE]" + end + end
    for event in replies.response_events(body, text, size):
        out += b"event: " + event["type"].encode() + end
        out += b"data: " + orjson.dumps(event) + end + end
    return out


def caller_reads(endpoint: str, raw: bytes) -> tuple[str, list[str]]:
    """The text the caller assembles from deltas, and any whole texts of `done` events."""
    deltas, wholes = [], []
    for event in SseDecoder().feed(raw + b"\n\n"):
        if event.data == "[DONE]":
            continue
        data = json.loads(event.data)
        if endpoint == "chat/completions":
            for choice in data["choices"]:
                delta = choice["delta"]
                deltas.append(delta.get("content") or "")
                for call in delta.get("tool_calls") or []:
                    deltas.append(call["function"].get("arguments") or "")
        elif data["type"] in (
            "response.output_text.delta",
            "response.function_call_arguments.delta",
        ):
            deltas.append(data["delta"])
        elif data["type"] == "response.output_text.done":
            wholes.append(data["text"])
        elif data["type"] == "response.function_call_arguments.done":
            wholes.append(data["arguments"])
    return "".join(deltas), wholes


@FUZZ
@given(
    st.sampled_from(["chat/completions", "responses"]),
    labelled_texts(),
    st.booleans(),
    st.integers(1, 9),
    st.lists(st.integers(0, 4000), max_size=30),
    st.booleans(),
)
def test_any_cut_of_the_upstream_bytes_gives_the_caller_the_original(
    endpoint: str,
    given_texts: tuple[list[str], list[tuple[str, str]]],
    with_tool: bool,
    size: int,
    cuts: list[int],
    crlf: bool,
) -> None:
    texts, labels = given_texts
    texts = [t for t, (kind, _) in zip(texts, labels, strict=True) if kind != "card"] or ["hi"]
    body = body_for(endpoint, texts)
    if with_tool:
        body["tools"] = [{"type": "function", "function": {"name": "crm_note"}}]
        if endpoint == "responses":
            body["tools"] = [{"type": "function", "name": "crm_note"}]
    exchange = RedactingExchange(endpoint, ENGINE, POLICY)
    sent = exchange.request(body)
    echoed = "\n".join(sent_texts(endpoint, sent))
    raw = upstream_bytes(endpoint, sent, echoed, size, crlf)
    bounds = [0, *sorted({cut for cut in cuts if cut < len(raw)}), len(raw)]
    relay = SseRelay(exchange)

    out = b"".join(relay.feed(raw[a:b]) for a, b in itertools.pairwise(bounds)) + relay.finish()

    text, wholes = caller_reads(endpoint, out)
    original = "\n".join(texts)
    expected = replies.tool_arguments(original) if with_tool else original
    if with_tool:
        assert original == json.loads(text)["text"]
        assert all(original == json.loads(whole)["text"] for whole in wholes)
    else:
        assert expected == text
        assert all(expected == whole for whole in wholes)
