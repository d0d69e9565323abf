"""Chat Completions (`POST /v1/chat/completions`): the text fields of requests, replies, chunks.

Shapes follow openai-python's `CompletionCreateParams`, `ChatCompletion` and
`ChatCompletionChunk`. Tool and function definitions, `response_format`, `stop` and
`web_search_options` are walked as developer schema (`proxy.openai_api.schema`); everything
else that carries a string is either walked or refused. `annotations` of an appended assistant
reply (url citations: titles and URLs the model was given) are emptied before the body leaves:
they are the model's own output echoed back, and their offsets would not survive redaction.
A reply's `content` is its answer: a JSON document when `response_format` asks for one.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from proxy.errors import InvalidRequest
from proxy.openai_api.fields import (
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
from proxy.openai_api.streaming import JsonObject, StreamKey, choice_finishes
from proxy.policy import MediaAction

_SCHEMA_FIELDS = frozenset(
    {
        "model", "audio", "frequency_penalty", "function_call", "logit_bias",
        "logprobs", "max_completion_tokens", "max_tokens", "modalities", "moderation", "n",
        "parallel_tool_calls", "presence_penalty", "prompt_cache_key", "prompt_cache_options",
        "prompt_cache_retention", "reasoning_effort", "seed", "service_tier", "store", "stream",
        "stream_options", "temperature", "tool_choice", "top_logprobs", "top_p", "verbosity",
    }
)  # fmt: skip
_DEVELOPER_SCHEMA = ("tools", "functions", "response_format", "stop", "web_search_options")
_WALKED_FIELDS = frozenset(
    {"messages", "user", "safety_identifier", "metadata", "prediction", *_DEVELOPER_SCHEMA}
)
KNOWN_FIELDS = _SCHEMA_FIELDS | _WALKED_FIELDS
"""Every top-level field this endpoint accepts; others carrying text are refused."""
_ROLES = frozenset({"system", "developer", "user", "assistant", "tool", "function"})
# `annotations` (url citations) and `audio` (an id) come back when a reply is appended as is.
_MESSAGE_FIELDS = frozenset(
    {
        "role", "content", "name", "tool_calls", "tool_call_id", "refusal", "function_call",
        "audio", "annotations",
    }
)  # fmt: skip
_MEDIA_PARTS = {"image_url": "image", "input_audio": "audio", "file": "file"}


def request_fields(body: JsonObject, media: MediaAction = MediaAction.BLOCK) -> list[TextField]:
    """Every text field of a chat request, in walk order; refuses unknown text-bearing shapes."""
    refuse_unknown(body, KNOWN_FIELDS, ())
    walk = Walk(media)
    messages = require_list(body.get("messages"), ("messages",))
    for index, raw in enumerate(messages):
        _message(walk, require_dict(raw, ("messages", index)), ("messages", index))
    for key in ("user", "safety_identifier"):
        walk.optional_text(body, key, ())
    if body.get("metadata") is not None:
        walk.texts(require_dict(body["metadata"], ("metadata",)), ("metadata",))
    for key in _DEVELOPER_SCHEMA:
        if body.get(key) is not None:
            walk_schema(walk, body[key], (key,))
    prediction = body.get("prediction")
    if prediction is not None:
        prediction = require_dict(prediction, ("prediction",))
        refuse_unknown(prediction, frozenset({"type", "content"}), ("prediction",))
        _content(walk, prediction.get("content"), ("prediction", "content"))
    return walk.fields


def json_reply(body: JsonObject) -> bool:
    """Whether the request asks for a JSON answer (`response_format` `json_object` or
    `json_schema`): the reply's `content` is then a JSON document."""
    return asks_for_json(body.get("response_format"))


def _message(walk: Walk, message: dict[str, Any], path: JsonPath) -> None:
    if message.get("role") not in _ROLES:
        where = label((*path, "role"))
        raise InvalidRequest(f"'{where}' is not a known message role.", param=where)
    refuse_unknown(message, _MESSAGE_FIELDS, path)
    if message.get("annotations"):
        message["annotations"] = []
    _content(walk, message.get("content"), (*path, "content"))
    walk.optional_text(message, "name", path)
    walk.optional_text(message, "refusal", path)
    for index, raw in enumerate(
        require_list(message.get("tool_calls") or [], (*path, "tool_calls"))
    ):
        call_path = (*path, "tool_calls", index)
        call = require_dict(raw, call_path)
        refuse_unknown(call, frozenset({"id", "type", "function", "custom"}), call_path)
        if call.get("function") is not None:
            _function_call(walk, call["function"], (*call_path, "function"))
        if call.get("custom") is not None:
            custom = require_dict(call["custom"], (*call_path, "custom"))
            refuse_unknown(custom, frozenset({"name", "input"}), (*call_path, "custom"))
            walk.optional_text(custom, "input", (*call_path, "custom"))
    if message.get("function_call") is not None:
        _function_call(walk, message["function_call"], (*path, "function_call"))


def _function_call(walk: Walk, raw: Any, path: JsonPath) -> None:
    function = require_dict(raw, path)
    refuse_unknown(function, frozenset({"name", "arguments"}), path)
    if function.get("arguments") is not None:
        walk.text(function["arguments"], (*path, "arguments"), json_string=True)


def _content(walk: Walk, content: Any, path: JsonPath) -> None:
    if content is None or isinstance(content, str):
        if content:
            walk.text(content, path)
        return
    for index, raw in enumerate(require_list(content, path)):
        part_path = (*path, index)
        part = require_dict(raw, part_path)
        kind = part.get("type")
        if kind in ("text", "refusal"):
            refuse_unknown(part, frozenset({"type", kind}), part_path)
            walk.text(part.get(kind), (*part_path, kind))
        elif kind in _MEDIA_PARTS:
            walk.media_part(_MEDIA_PARTS[kind], part_path)
        else:
            where = label((*part_path, "type"))
            raise InvalidRequest(f"'{where}' is not a known content part type.", param=where)


class _Text(NamedTuple):
    """One kind of reply text: its stream kind and where it sits in a message (or tool call)."""

    kind: str
    path: JsonPath
    json_string: bool = False
    answer: bool = False  # the answer: a JSON document when the request asked for one

    def field(self, prefix: JsonPath) -> TextField:
        return TextField((*prefix, *self.path), self.json_string, answer=self.answer)


# The reply texts, written once for both a whole reply (`choices[i].message`) and a stream
# (`choices[i].delta`). A text added here is restored in both, so the two can no longer drift
# apart. Only `content` is the answer; a refusal or a transcript is never the JSON asked for.
_MESSAGE_TEXTS: tuple[_Text, ...] = (
    _Text("content", ("content",), answer=True),
    _Text("refusal", ("refusal",)),
    _Text("audio", ("audio", "transcript")),
    _Text("function_call", ("function_call", "arguments"), json_string=True),
)
# The same, inside each of `message.tool_calls[j]`; streamed per tool index.
_TOOL_CALL_TEXTS: tuple[_Text, ...] = (
    _Text("arguments", ("function", "arguments"), json_string=True),
    _Text("custom", ("custom", "input")),
)
_TEXT_PATHS = {text.kind: text.path for text in _MESSAGE_TEXTS + _TOOL_CALL_TEXTS}
_TOOL_KINDS = frozenset(text.kind for text in _TOOL_CALL_TEXTS)
REPLY_KINDS: tuple[str, ...] = tuple(_TEXT_PATHS)
"""Every kind of reply text, restored alike in whole replies and in streams."""


def _is_text(obj: Any, path: JsonPath) -> bool:
    for part in path:
        if not isinstance(obj, dict):
            return False
        obj = obj.get(str(part))
    return isinstance(obj, str)


def _message_texts(message: dict[str, Any], prefix: JsonPath) -> list[tuple[str, Any, TextField]]:
    """(kind, tool index or None, field) of every text present in `message`, found at
    `prefix` in the body."""
    found: list[tuple[str, Any, TextField]] = [
        (text.kind, None, text.field(prefix))
        for text in _MESSAGE_TEXTS
        if _is_text(message, text.path)
    ]
    calls = message.get("tool_calls")
    for number, call in enumerate(calls if isinstance(calls, list) else []):
        if not isinstance(call, dict):
            continue
        for text in _TOOL_CALL_TEXTS:
            if _is_text(call, text.path):
                where: JsonPath = (*prefix, "tool_calls", number)
                found.append((text.kind, call.get("index", number), text.field(where)))
    return found


def _nest(path: JsonPath, text: str) -> dict[str, Any]:
    node: dict[str, Any] = {str(path[-1]): text}
    for part in reversed(path[:-1]):
        node = {str(part): node}
    return node


def response_fields(body: JsonObject) -> list[TextField]:
    """The texts of a non-streamed chat reply that may hold placeholders."""
    fields: list[TextField] = []
    for index, choice in enumerate(body.get("choices") or []):
        message = choice.get("message") if isinstance(choice, dict) else None
        if isinstance(message, dict):
            path: JsonPath = ("choices", index, "message")
            fields.extend(field for _, _, field in _message_texts(message, path))
    return fields


class ChatStream:
    """Chunks: the same texts as a reply, in `choices[i].delta`, one key per (kind, choice
    index, tool index)."""

    def deltas(self, event: JsonObject) -> list[tuple[StreamKey, TextField]]:
        found: list[tuple[StreamKey, TextField]] = []
        for position, choice in enumerate(event.get("choices") or []):
            delta = choice.get("delta") if isinstance(choice, dict) else None
            if not isinstance(delta, dict):
                continue
            index = choice.get("index", position)
            path: JsonPath = ("choices", position, "delta")
            found.extend(
                ((kind, index, tool), field) for kind, tool, field in _message_texts(delta, path)
            )
        return found

    def wholes(self, event: JsonObject) -> list[TextField]:
        return []

    def closes(self, event: JsonObject, key: StreamKey) -> bool:
        return choice_finishes(event, key)

    def flush_event(self, template: JsonObject, key: StreamKey, text: str) -> JsonObject:
        kind, index, tool = key
        delta = _nest(_TEXT_PATHS[kind], text)
        if kind in _TOOL_KINDS:
            delta = {"tool_calls": [{"index": tool, **delta}]}
        event = {k: v for k, v in template.items() if k not in ("choices", "usage")}
        event["choices"] = [{"index": index, "delta": delta, "finish_reason": None}]
        return event
