"""Responses (`POST /v1/responses`): text in `input`, `instructions`, replies and stream events.

Shapes follow openai-python's `ResponseCreateParams`, `ResponseInputItemParam`, `Response` and
the `response.*` stream events. Input items of kinds the proxy cannot vouch for (computer, shell,
MCP calls...) are refused with a 400 naming the item's `type`. `tools` and `text` (its
`format` schema) are walked as developer schema (`proxy.openai_api.schema`). `annotations` and
`logprobs` of an `output_text` part given back as input are emptied before the body leaves:
they are the model's own output echoed back (citation titles, URLs, file names, token strings).
A reply's `output_text` is its answer: a JSON document when `text.format` asks for one.
"""

from __future__ import annotations

from typing import Any

from proxy.errors import InvalidRequest
from proxy.openai_api.fields import (
    CallerKey,
    JsonPath,
    TextField,
    Walk,
    asks_for_json,
    label,
    refuse_unknown,
    require_dict,
    require_list,
)
from proxy.openai_api.schema import walk_schema
from proxy.openai_api.streaming import JsonObject, StreamKey
from proxy.policy import MediaAction

_SCHEMA_FIELDS = frozenset(
    {
        "model", "access_programs", "background", "background_options", "context_management",
        "conversation", "image", "include", "moderation", "prompt_cache_options",
        "max_output_tokens", "max_tool_calls", "parallel_tool_calls", "previous_response_id",
        "prompt_cache_key", "prompt_cache_retention", "reasoning", "service_tier", "store",
        "stream", "stream_options", "temperature", "tool_choice", "top_logprobs", "top_p",
        "truncation",
    }
)  # fmt: skip
_DEVELOPER_SCHEMA = ("tools", "text")
_WALKED_FIELDS = frozenset(
    {"input", "instructions", "metadata", "user", "safety_identifier", "prompt", *_DEVELOPER_SCHEMA}
)
KNOWN_FIELDS = _SCHEMA_FIELDS | _WALKED_FIELDS
"""Every top-level field this endpoint accepts; others carrying text are refused."""
_ITEM_IDS = frozenset({"type", "id", "status", "call_id", "name", "namespace", "caller"})
_MEDIA_PARTS = {"input_image": "image", "input_file": "file", "input_audio": "audio"}


def request_fields(body: JsonObject, media: MediaAction = MediaAction.BLOCK) -> list[TextField]:
    """Every text field of a Responses request, in walk order; refuses unknown shapes."""
    refuse_unknown(body, KNOWN_FIELDS, ())
    walk = Walk(media)
    walk.optional_text(body, "instructions", ())
    value = body.get("input")
    if isinstance(value, str):
        walk.text(value, ("input",))
    elif value is not None:
        for index, raw in enumerate(require_list(value, ("input",))):
            _item(walk, require_dict(raw, ("input", index)), ("input", index))
    for key in ("user", "safety_identifier"):
        walk.optional_text(body, key, ())
    if body.get("metadata") is not None:
        walk.texts(require_dict(body["metadata"], ("metadata",)), ("metadata",))
    for key in _DEVELOPER_SCHEMA:
        if body.get(key) is not None:
            walk_schema(walk, body[key], (key,))
    if body.get("prompt") is not None:
        prompt = require_dict(body["prompt"], ("prompt",))
        refuse_unknown(prompt, frozenset({"id", "version", "variables"}), ("prompt",))
        variables = require_dict(prompt.get("variables") or {}, ("prompt", "variables"))
        for name, variable in variables.items():
            path: JsonPath = ("prompt", "variables", CallerKey(name))
            if isinstance(variable, str):
                walk.text(variable, path)
            else:
                _part(walk, require_dict(variable, path), path)
    return walk.fields


def json_reply(body: JsonObject) -> bool:
    """Whether the request asks for a JSON answer (`text.format` `json_object` or
    `json_schema`): the reply's `output_text` is then a JSON document."""
    text = body.get("text")
    return isinstance(text, dict) and asks_for_json(text.get("format"))


def _item(walk: Walk, item: dict[str, Any], path: JsonPath) -> None:
    kind = item.get("type", "message" if "role" in item else None)
    if kind == "message":
        refuse_unknown(item, _ITEM_IDS | {"role", "content", "phase"}, path)
        _content(walk, item.get("content"), (*path, "content"))
    elif kind == "function_call":
        refuse_unknown(item, _ITEM_IDS | {"arguments"}, path)
        walk.text(item.get("arguments", ""), (*path, "arguments"), json_string=True)
    elif kind in ("function_call_output", "custom_tool_call_output"):
        refuse_unknown(item, _ITEM_IDS | {"output"}, path)
        _content(walk, item.get("output"), (*path, "output"))
    elif kind == "custom_tool_call":
        refuse_unknown(item, _ITEM_IDS | {"input"}, path)
        walk.optional_text(item, "input", path)
    elif kind == "reasoning":
        refuse_unknown(item, _ITEM_IDS | {"summary", "content", "encrypted_content"}, path)
        for key in ("summary", "content"):
            for index, raw in enumerate(require_list(item.get(key) or [], (*path, key))):
                part = require_dict(raw, (*path, key, index))
                refuse_unknown(part, frozenset({"type", "text"}), (*path, key, index))
                walk.optional_text(part, "text", (*path, key, index))
    elif kind == "item_reference":
        refuse_unknown(item, frozenset({"type", "id"}), path)
    else:
        where = label((*path, "type"))
        raise InvalidRequest(
            f"'{where}' is not an input item type the proxy can inspect.", param=where
        )


def _content(walk: Walk, content: Any, path: JsonPath) -> None:
    if content is None or isinstance(content, str):
        if content:
            walk.text(content, path)
        return
    for index, raw in enumerate(require_list(content, path)):
        _part(walk, require_dict(raw, (*path, index)), (*path, index))


def _part(walk: Walk, part: dict[str, Any], path: JsonPath) -> None:
    kind = part.get("type")
    if kind in ("input_text", "output_text"):
        refuse_unknown(part, frozenset({"type", "text", "annotations", "logprobs"}), path)
        for echoed in ("annotations", "logprobs"):
            if part.get(echoed):
                part[echoed] = []
        walk.text(part.get("text"), (*path, "text"))
    elif kind == "refusal":
        refuse_unknown(part, frozenset({"type", "refusal"}), path)
        walk.text(part.get("refusal"), (*path, "refusal"))
    elif kind in _MEDIA_PARTS:
        walk.media_part(_MEDIA_PARTS[kind], path)
    else:
        where = label((*path, "type"))
        raise InvalidRequest(f"'{where}' is not a known content part type.", param=where)


# The answer's name everywhere in a Response (the convenience field, the content part type, the
# stream kind): a JSON document when the request asked for one. Refusals, reasoning and
# summaries are plain text whatever the format.
_ANSWER = "output_text"


def response_fields(body: JsonObject, prefix: JsonPath = ()) -> list[TextField]:
    """The texts of a Response object (a reply, or the `response` of a stream event)."""
    fields: list[TextField] = []
    for key in ("instructions", "output_text"):
        if isinstance(body.get(key), str):
            fields.append(TextField((*prefix, key), answer=key == _ANSWER))
    for index, item in enumerate(body.get("output") or []):
        if isinstance(item, dict):
            fields.extend(_item_fields(item, (*prefix, "output", index)))
    for key in _ECHOED:
        if body.get(key) is not None:
            fields.extend(_echoed_fields(body[key], (*prefix, key)))
    return fields


# Request fields a Response object repeats; they went out pseudonymized and come back restored.
_ECHOED = ("tools", "text", "metadata", "prompt", "user", "safety_identifier")


def _echoed_fields(value: Any, path: JsonPath) -> list[TextField]:
    """Every string inside `value`, then every object key, deepest first: a key is renamed only
    once the fields under it are written."""
    fields: list[TextField] = []
    keys: list[TextField] = []
    stack: list[tuple[Any, JsonPath]] = [(value, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            fields.append(TextField(where))
        elif isinstance(node, list):
            stack.extend((item, (*where, i)) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, dict):
            for key in reversed(list(node)):
                stack.append((node[key], (*where, CallerKey(key))))
            keys.extend(TextField((*where, CallerKey(key)), kind="key") for key in node if key)
    return fields + sorted(keys, key=lambda field: -len(field.path))


def _item_fields(item: dict[str, Any], path: JsonPath) -> list[TextField]:
    fields: list[TextField] = []
    if isinstance(item.get("arguments"), str):
        fields.append(TextField((*path, "arguments"), True))
    if isinstance(item.get("input"), str):
        fields.append(TextField((*path, "input")))
    for key in ("content", "summary"):
        for index, part in enumerate(item.get(key) or []):
            if isinstance(part, dict):
                fields.extend(_part_fields(part, (*path, key, index)))
    return fields


def _part_fields(part: dict[str, Any], path: JsonPath) -> list[TextField]:
    """The text of a content part (the answer only in an `output_text` part, not in a
    reasoning or summary one), or its refusal."""
    answer = part.get("type") == _ANSWER
    return [
        TextField((*path, key), answer=answer and key == "text")
        for key in ("text", "refusal")
        if isinstance(part.get(key), str)
    ]


# delta event type -> (field kind, the index that tells parts apart, JSON string)
_DELTAS: dict[str, tuple[str, str | None, bool]] = {
    "response.output_text.delta": ("output_text", "content_index", False),
    "response.refusal.delta": ("refusal", "content_index", False),
    "response.function_call_arguments.delta": ("arguments", None, True),
    "response.reasoning_summary_text.delta": ("summary", "summary_index", False),
    "response.reasoning_text.delta": ("reasoning", "content_index", False),
    "response.custom_tool_call_input.delta": ("custom_input", None, False),
}
# done event type -> (field kind, the field holding the full text)
_DONES: dict[str, tuple[str, str]] = {
    "response.output_text.done": ("output_text", "text"),
    "response.refusal.done": ("refusal", "refusal"),
    "response.function_call_arguments.done": ("arguments", "arguments"),
    "response.reasoning_summary_text.done": ("summary", "text"),
    "response.reasoning_text.done": ("reasoning", "text"),
    "response.custom_tool_call_input.done": ("custom_input", "input"),
}
_FINISHED = frozenset({"response.completed", "response.incomplete", "response.failed"})
_SUB_INDEX = {kind: sub for kind, sub, _ in _DELTAS.values()}


def _key(kind: str, event: JsonObject) -> StreamKey:
    sub = _SUB_INDEX[kind]
    return (kind, event.get("item_id"), event.get("output_index"), event.get(sub) if sub else None)


class ResponsesStream:
    """`response.*` events: deltas keyed per (kind, item, output index, content index)."""

    def deltas(self, event: JsonObject) -> list[tuple[StreamKey, TextField]]:
        spec = _DELTAS.get(str(event.get("type")))
        if spec is None or not isinstance(event.get("delta"), str):
            return []
        return [(_key(spec[0], event), TextField(("delta",), spec[2], answer=spec[0] == _ANSWER))]

    def wholes(self, event: JsonObject) -> list[TextField]:
        kind = str(event.get("type"))
        done = _DONES.get(kind)
        if done is not None:
            if not isinstance(event.get(done[1]), str):
                return []
            return [TextField((done[1],), done[0] == "arguments", answer=done[0] == _ANSWER)]
        if kind.startswith(("response.content_part.", "response.reasoning_summary_part.")):
            part = event.get("part")
            return _part_fields(part, ("part",)) if isinstance(part, dict) else []
        if kind.startswith("response.output_item."):
            item = event.get("item")
            return _item_fields(item, ("item",)) if isinstance(item, dict) else []
        response = event.get("response")
        if isinstance(response, dict):
            return response_fields(response, ("response",))
        return []

    def closes(self, event: JsonObject, key: StreamKey) -> bool:
        kind = str(event.get("type"))
        done = _DONES.get(kind)
        if done is not None:
            return done[0] == key[0] and _key(done[0], event) == key
        if kind == "response.output_item.done":
            return bool(event.get("output_index") == key[2])
        return kind in _FINISHED

    def flush_event(self, template: JsonObject, key: StreamKey, text: str) -> JsonObject:
        event = dict(template)
        event["delta"] = text
        if "logprobs" in event:
            event["logprobs"] = []
        return event
