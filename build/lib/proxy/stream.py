"""Incremental restore of one streamed field: release at once all that cannot be a placeholder.

Shaped like httpx's `LineDecoder`: a small stateful decoder with a partial buffer. `feed` returns
the restored text that is certain, holding back only a tail that may still grow into a
placeholder (at most `MAX_PREFIX` characters); `flush` releases the rest at the end. The
concatenated output is the same for every way of cutting the stream, down to one character per
event, and equals `Restorer.restore` of the whole text.
"""

from __future__ import annotations

from proxy.placeholders import MAX_PREFIX, START_CHARS, could_continue
from proxy.restore import Restorer


class StreamRestorer:
    """Restores one field's deltas (a message's content, one tool call's arguments)."""

    __slots__ = ("_context", "_json_string", "_pending", "_restorer")

    def __init__(self, restorer: Restorer, *, json_string: bool = False) -> None:
        self._restorer = restorer
        self._json_string = json_string
        self._context = ""  # the last released character: lookbehind needs it
        self._pending = ""

    @property
    def holding(self) -> bool:
        """Whether some text is held back."""
        return bool(self._pending)

    def feed(self, delta: str) -> str:
        """The restored text that no later delta can change."""
        if not delta:
            return ""
        text = self._context + self._pending + delta
        offset = len(self._context)
        hold = _hold_from(text, offset)
        released = self._restorer.restore_slice(text, offset, hold, json_string=self._json_string)
        self._pending = text[hold:]
        if hold > offset:
            self._context = text[hold - 1]
        return released

    def flush(self) -> str:
        """Whatever is still held back, restored; the stream has ended."""
        if not self._pending:
            return ""
        text = self._context + self._pending
        self._pending = ""
        released = self._restorer.restore_slice(
            text, len(self._context), len(text), json_string=self._json_string
        )
        self._context = text[-1]
        return released


def _hold_from(text: str, offset: int) -> int:
    """The earliest index from which the tail of `text` may still become a placeholder."""
    first = max(offset, len(text) - MAX_PREFIX)
    for index in range(first, len(text)):
        if text[index] in START_CHARS and could_continue(text, index):
            return index
    return len(text)
