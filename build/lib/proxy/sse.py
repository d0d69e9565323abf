"""Server-sent events: an incremental decoder and an encoder, with no I/O.

The decoder is fed whatever bytes arrive from the network and returns the events
completed so far; a partial line or event waits in its buffer for the next chunk
(the shape of httpx's `LineDecoder`). Lines may end in `\\n` or `\\r\\n`; comment lines
(starting with `:`) and the `retry` field are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SseEvent:
    """One dispatched event; `data` joins multi-line data with `\\n`."""

    data: str
    event: str | None = None
    id: str | None = None


class SseDecoder:
    """Turns a byte stream into events, keeping what is not yet complete."""

    __slots__ = ("_data", "_event", "_id", "_partial")

    def __init__(self) -> None:
        self._partial = b""
        self._data: list[str] = []
        self._event: str | None = None
        self._id: str | None = None

    def feed(self, chunk: bytes) -> list[SseEvent]:
        """Events completed by `chunk` (possibly none)."""
        buffer = self._partial + chunk if self._partial else chunk
        # Splitting bytes on b"\n" is safe for UTF-8: the byte never occurs inside a character.
        lines = buffer.split(b"\n")
        self._partial = lines.pop()
        events: list[SseEvent] = []
        for raw in lines:
            if raw.endswith(b"\r"):
                raw = raw[:-1]
            if not raw:
                if self._data:
                    events.append(SseEvent("\n".join(self._data), self._event, self._id))
                self._data = []
                self._event = None
                continue
            self._field(raw.decode("utf-8", "replace"))
        return events

    def flush(self) -> list[SseEvent]:
        """Events left when the stream ends without a final blank line."""
        events = self.feed(b"\n\n") if self._partial or self._data else []
        self._partial = b""
        return events

    def _field(self, line: str) -> None:
        if line[0] == ":":
            return
        name, colon, value = line.partition(":")
        if colon and value[:1] == " ":
            value = value[1:]
        if name == "data":
            self._data.append(value)
        elif name == "event":
            self._event = value
        elif name == "id" and "\0" not in value:
            self._id = value


def encode_event(event: SseEvent) -> bytes:
    """The wire form of one event, ending with its blank line."""
    parts: list[str] = []
    if event.event is not None:
        parts.append(f"event: {event.event}\n")
    if event.id is not None:
        parts.append(f"id: {event.id}\n")
    for line in event.data.split("\n"):
        parts.append(f"data: {line}\n")
    parts.append("\n")
    return "".join(parts).encode()


def encode_json_data(data: bytes, event: str | None = None) -> bytes:
    """Fast path for one compact JSON document (no newlines, as orjson writes it)."""
    if event is None:
        return b"data: " + data + b"\n\n"
    return b"event: " + event.encode() + b"\ndata: " + data + b"\n\n"
