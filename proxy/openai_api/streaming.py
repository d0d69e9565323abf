"""What an endpoint family tells the exchange about its stream events.

Each streamed field (a choice's content, one tool call's arguments, one Responses output text)
has a key; the exchange keeps one incremental restorer per key. An endpoint says which deltas an
event carries, which complete texts it carries (restored whole), which keys it closes (their held
text must be released before the event goes out), and how to write an event that carries
released text on its own.
"""

from __future__ import annotations

from typing import Any, Protocol

from proxy.openai_api.fields import TextField

StreamKey = tuple[Any, ...]
JsonObject = dict[str, Any]


class StreamShape(Protocol):
    """The stream events of one endpoint family."""

    def deltas(self, event: JsonObject) -> list[tuple[StreamKey, TextField]]:
        """Incremental text in this event, with the key of the field it continues."""
        ...

    def wholes(self, event: JsonObject) -> list[TextField]:
        """Complete texts in this event (a `*.done` text, a finished response)."""
        ...

    def closes(self, event: JsonObject, key: StreamKey) -> bool:
        """Whether no more deltas for `key` can follow this event."""
        ...

    def flush_event(self, template: JsonObject, key: StreamKey, text: str) -> JsonObject:
        """An event shaped like `template` (the last delta event of `key`) carrying `text`."""
        ...


def choice_finishes(event: JsonObject, key: StreamKey) -> bool:
    """Whether `event` carries the `finish_reason` of choice `key[1]`: after it, no delta of that
    choice follows (chat and legacy completions streams)."""
    return any(
        isinstance(choice, dict)
        and choice.get("index") == key[1]
        and choice.get("finish_reason") is not None
        for choice in event.get("choices") or []
    )
