"""Request limits, checked before any deeper work on a body: pure, no I/O.

Every refusal is a `ProxyError` whose message names the limit and its setting and
never quotes the request. Order of work on one body:

    check_content_encoding   the header alone: compressed bodies are refused (415)
    parse_body               orjson (C, refuses nesting past 1024 by itself), then
    check_body               list lengths first (O(1)), then one iterative walk for
                             nesting depth and the length of every single string

Compressed request bodies are refused rather than inflated under a cap: OpenAI's SDKs
never compress requests, and refusing costs nothing, while inflating means trusting
a ratio an attacker picks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import orjson

from proxy.errors import (
    HeadersTooLarge,
    InvalidRequest,
    LimitExceeded,
    UnsupportedEncoding,
    UpstreamUnavailable,
)
from proxy.exchange import JsonObject
from proxy.settings import Settings

# An SSE event ends at a blank line; lines end in "\n" or "\r\n".
_BLANK_LINE = re.compile(rb"\n\r?\n")

# Top-level fields that carry the list of messages / input items of each endpoint family.
LIST_FIELDS: tuple[str, ...] = ("messages", "input", "prompt")


@dataclass(frozen=True, slots=True)
class Limits:
    """The body limits of one process, taken from its settings."""

    max_json_depth: int
    max_messages: int
    max_text_chars: int

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.max_json_depth, settings.max_messages, settings.max_text_chars)


def check_content_encoding(value: str | None) -> None:
    """Refuse any request Content-Encoding other than identity."""
    if value is None or value.strip().lower() in ("", "identity"):
        return
    raise UnsupportedEncoding(
        "Compressed request bodies are not accepted; send the body uncompressed "
        "(Content-Encoding: identity)."
    )


def check_header_block(raw_headers: Iterable[tuple[bytes, bytes]], max_bytes: int) -> None:
    """Refuse a header block larger than `max_bytes` (name, value, ': ' and CRLF each)."""
    total = 0
    for name, value in raw_headers:
        total += len(name) + len(value) + 4
    if total > max_bytes:
        raise HeadersTooLarge(
            f"The request headers are larger than {max_bytes} bytes (PROXY_MAX_HEADER_BYTES)."
        )


def _too_deep(limits: Limits) -> LimitExceeded:
    return LimitExceeded(
        f"The request body is nested deeper than {limits.max_json_depth} levels "
        "(PROXY_MAX_JSON_DEPTH).",
        code="json_too_deep",
    )


def parse_body(raw: bytes, limits: Limits) -> JsonObject:
    """The body as a JSON object within `limits`, or a clean 400/413."""
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        # orjson's own ceiling (1024 levels) is above any sane setting: still a depth refusal.
        if "depth" in str(exc) or "recursion" in str(exc):
            raise _too_deep(limits) from None
        raise InvalidRequest("The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("The request body must be a JSON object.", code="invalid_json")
    check_body(body, limits)
    return body


def check_body(body: JsonObject, limits: Limits) -> None:
    """Raise `LimitExceeded` when `body` breaks a count, depth or text-length limit."""
    for field in LIST_FIELDS:
        items = body.get(field)
        if isinstance(items, list) and len(items) > limits.max_messages:
            raise LimitExceeded(
                f"'{field}' has more than {limits.max_messages} items (PROXY_MAX_MESSAGES).",
                code="too_many_messages",
                param=field,
            )
    # Iterative, so a deep body cannot exhaust the Python stack; stops at the first breach.
    stack: list[tuple[Any, int]] = [(body, 1)]
    max_depth = limits.max_json_depth
    max_chars = limits.max_text_chars
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            if len(value) > max_chars:
                raise LimitExceeded(
                    f"A text in the request is longer than {max_chars} characters "
                    "(PROXY_MAX_TEXT_CHARS).",
                    code="text_too_long",
                )
            continue
        if isinstance(value, dict):
            children: Iterable[Any] = value.values()
            for key in value:
                if len(key) > max_chars:
                    raise LimitExceeded(
                        f"A key in the request is longer than {max_chars} characters "
                        "(PROXY_MAX_TEXT_CHARS).",
                        code="text_too_long",
                    )
        elif isinstance(value, list):
            children = value
        else:
            continue
        if depth > max_depth:
            raise _too_deep(limits)
        stack.extend((child, depth + 1) for child in children)


class StreamEventGuard:
    """Bounds how many bytes of an upstream SSE stream may arrive without an event ending.

    Fed the same chunks as the relay, before it: an upstream that sends one endless
    line or event would otherwise grow the decoder's buffer without bound.
    """

    __slots__ = ("_max", "_pending", "_tail")

    def __init__(self, max_event_bytes: int) -> None:
        self._max = max_event_bytes
        self._pending = 0
        self._tail = b""

    def feed(self, chunk: bytes) -> None:
        """Raise `UpstreamUnavailable` once an event (finished or not) is over the cap."""
        # The tail (last two bytes seen) joins a blank line split across chunks.
        window = self._tail + chunk
        start = len(self._tail)
        pending = self._pending
        for blank in _BLANK_LINE.finditer(window):
            pending += max(0, blank.start() - start)
            if pending > self._max:
                raise self._too_large()
            pending = 0
            start = max(blank.end(), start)
        pending += len(window) - start
        if pending > self._max:
            raise self._too_large()
        self._pending = pending
        self._tail = window[-2:]

    def _too_large(self) -> UpstreamUnavailable:
        return UpstreamUnavailable(
            f"The upstream sent a stream event larger than {self._max} bytes "
            "(PROXY_MAX_STREAM_EVENT_BYTES)."
        )
