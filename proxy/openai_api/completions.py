"""Legacy Completions (`POST /v1/completions`): `prompt`, `suffix`, `user` and `stop` carry text.

Token-id prompts (ints or lists of ints) cannot be inspected and are refused.
"""

from __future__ import annotations

from typing import Any

from proxy.errors import InvalidRequest
from proxy.openai_api.fields import JsonPath, TextField, Walk, refuse_unknown
from proxy.openai_api.schema import walk_schema
from proxy.openai_api.streaming import JsonObject, StreamKey, choice_finishes
from proxy.policy import MediaAction

_SCHEMA_FIELDS = frozenset(
    {
        "model", "best_of", "echo", "frequency_penalty", "logit_bias", "logprobs", "max_tokens",
        "n", "presence_penalty", "seed", "stream", "stream_options", "temperature", "top_p",
    }
)  # fmt: skip
_WALKED_FIELDS = frozenset({"prompt", "suffix", "user", "stop"})
KNOWN_FIELDS = _SCHEMA_FIELDS | _WALKED_FIELDS
"""Every top-level field this endpoint accepts; others carrying text are refused."""


def string_or_strings(walk: Walk, value: Any, path: JsonPath) -> None:
    """A string or a list of strings is walked; token ids are refused (shared with embeddings)."""
    if isinstance(value, str):
        walk.text(value, path)
        return
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        for index, item in enumerate(value):
            walk.text(item, (*path, index))
        return
    where = path[0]
    raise InvalidRequest(
        f"'{where}' must be a string or a list of strings; token-id input cannot be inspected "
        "for personal data and is refused.",
        param=str(where),
    )


def request_fields(body: JsonObject, media: MediaAction = MediaAction.BLOCK) -> list[TextField]:
    """Every text field of a completions request; refuses unknown text-bearing fields."""
    refuse_unknown(body, KNOWN_FIELDS, ())
    walk = Walk(media)
    string_or_strings(walk, body.get("prompt"), ("prompt",))
    walk.optional_text(body, "suffix", ())
    walk.optional_text(body, "user", ())
    if body.get("stop") is not None:
        walk_schema(walk, body["stop"], ("stop",))
    return walk.fields


def response_fields(body: JsonObject) -> list[TextField]:
    """`choices[i].text` of a non-streamed reply."""
    return [
        TextField(("choices", index, "text"))
        for index, choice in enumerate(body.get("choices") or [])
        if isinstance(choice, dict) and isinstance(choice.get("text"), str)
    ]


class CompletionsStream:
    """Chunks carry `choices[i].text`; one key per choice index."""

    def deltas(self, event: JsonObject) -> list[tuple[StreamKey, TextField]]:
        return [
            (("text", choice.get("index", position)), TextField(("choices", position, "text")))
            for position, choice in enumerate(event.get("choices") or [])
            if isinstance(choice, dict) and isinstance(choice.get("text"), str)
        ]

    def wholes(self, event: JsonObject) -> list[TextField]:
        return []

    def closes(self, event: JsonObject, key: StreamKey) -> bool:
        return choice_finishes(event, key)

    def flush_event(self, template: JsonObject, key: StreamKey, text: str) -> JsonObject:
        event = {k: v for k, v in template.items() if k not in ("choices", "usage")}
        event["choices"] = [
            {"index": key[1], "text": text, "finish_reason": None, "logprobs": None}
        ]
        return event
