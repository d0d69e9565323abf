"""Bytes of an upstream SSE stream in, bytes for the caller out, through an exchange.

Sans-io (no aiohttp): app.py feeds each chunk as it arrives and writes what comes
back at once, so nothing waits for the end of the stream. Every event whose data is
a JSON object goes through `exchange.stream_event`; `[DONE]` is passed on after the
events of `exchange.stream_end()`, which are also flushed when a stream ends without it.
"""

from __future__ import annotations

import orjson

from proxy.exchange import Exchange, JsonObject
from proxy.sse import SseDecoder, SseEvent, encode_event, encode_json_data


class SseRelay:
    """One stream's relay state: the decoder's partial buffer and whether it ended."""

    __slots__ = ("_decoder", "_ended", "_exchange")

    def __init__(self, exchange: Exchange) -> None:
        self._exchange = exchange
        self._decoder = SseDecoder()
        self._ended = False

    def feed(self, chunk: bytes) -> bytes:
        """What to write to the caller for this chunk (may be empty)."""
        return self._relay(self._decoder.feed(chunk))

    def finish(self) -> bytes:
        """What to write when the upstream stream has closed."""
        out = self._relay(self._decoder.flush())
        if not self._ended:
            self._ended = True
            out += self._encode(self._exchange.stream_end(), None)
        return out

    def _relay(self, events: list[SseEvent]) -> bytes:
        if not events:
            return b""
        out = bytearray()
        for event in events:
            if event.data == "[DONE]":
                if not self._ended:
                    self._ended = True
                    out += self._encode(self._exchange.stream_end(), None)
                out += encode_event(event)
                continue
            try:
                obj = orjson.loads(event.data)
            except orjson.JSONDecodeError:
                out += encode_event(event)
                continue
            if isinstance(obj, dict):
                out += self._encode(self._exchange.stream_event(obj), event.event)
            else:
                out += encode_event(event)
        return bytes(out)

    @staticmethod
    def _encode(objects: list[JsonObject], event_name: str | None) -> bytes:
        """Events keep the upstream's `event:` field; Responses events name it by `type`."""
        if not objects:
            return b""
        parts = []
        for obj in objects:
            name = event_name
            if name is not None:
                kind = obj.get("type")
                if isinstance(kind, str):
                    name = kind
            parts.append(encode_json_data(orjson.dumps(obj), name))
        return b"".join(parts)
