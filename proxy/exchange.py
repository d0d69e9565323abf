"""The seam between transport and content: what happens to one request's bodies.

The web layer parses every body to JSON and hands it here before anything goes
upstream; it hands every reply (whole JSON or one SSE event at a time) back
here before anything reaches the caller. Passthrough does nothing; redaction
(pseudonymize out, restore in) is another implementation of the same protocol.
This module is pure: no aiohttp, no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from proxy.detect.spans import EntityType
from proxy.policy import Action

JsonObject = dict[str, Any]


@dataclass(slots=True)
class ExchangeStats:
    """Counts of what an exchange did, for logs and metrics: never values, only numbers."""

    entities: Counter[tuple[EntityType, Action]] = field(default_factory=Counter)
    placeholders_issued: int = 0
    restored: int = 0  # placeholders put back (in a stream, counted once, from the deltas)
    unrestored: int = 0  # placeholder-looking tokens in replies this request did not issue


class Exchange(Protocol):
    """Transforms of one request/response pair. Built per request; holds its mapping."""

    @property
    def stats(self) -> ExchangeStats:
        """Counts so far; read once the reply is complete."""
        ...

    def request(self, body: JsonObject) -> JsonObject:
        """The body to send upstream. Raises a ProxyError to refuse (nothing is sent)."""
        ...

    def response(self, body: JsonObject) -> JsonObject:
        """The non-streamed JSON reply to give the caller."""
        ...

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        """One parsed SSE `data:` object in, zero or more out (a restorer may hold text back)."""
        ...

    def stream_end(self) -> list[JsonObject]:
        """Events that flush whatever was held back; called once before `[DONE]`/close."""
        ...


class Passthrough:
    """The identity exchange: used when redaction is switched off."""

    def __init__(self) -> None:
        self.stats = ExchangeStats()

    def request(self, body: JsonObject) -> JsonObject:
        return body

    def response(self, body: JsonObject) -> JsonObject:
        return body

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        return [event]

    def stream_end(self) -> list[JsonObject]:
        return []
