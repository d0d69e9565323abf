"""Embeddings (`POST /v1/embeddings`): `input` strings are walked, token-id input is refused.

Replies are vectors: nothing comes back to restore.
"""

from __future__ import annotations

from proxy.openai_api.completions import string_or_strings
from proxy.openai_api.fields import TextField, Walk, refuse_unknown
from proxy.openai_api.streaming import JsonObject, StreamKey
from proxy.policy import MediaAction

_SCHEMA_FIELDS = frozenset({"model", "dimensions", "encoding_format"})
_WALKED_FIELDS = frozenset({"input", "user"})
KNOWN_FIELDS = _SCHEMA_FIELDS | _WALKED_FIELDS
"""Every top-level field this endpoint accepts; others carrying text are refused."""


def request_fields(body: JsonObject, media: MediaAction = MediaAction.BLOCK) -> list[TextField]:
    """The input strings and `user`; refuses token ids and unknown text-bearing fields."""
    refuse_unknown(body, KNOWN_FIELDS, ())
    walk = Walk(media)
    string_or_strings(walk, body.get("input"), ("input",))
    walk.optional_text(body, "user", ())
    return walk.fields


def response_fields(body: JsonObject) -> list[TextField]:
    """Embedding replies carry no text."""
    return []


class EmbeddingsStream:
    """Embeddings do not stream; every event passes as it is."""

    def deltas(self, event: JsonObject) -> list[tuple[StreamKey, TextField]]:
        return []

    def wholes(self, event: JsonObject) -> list[TextField]:
        return []

    def closes(self, event: JsonObject, key: StreamKey) -> bool:
        return True

    def flush_event(self, template: JsonObject, key: StreamKey, text: str) -> JsonObject:
        return template
