"""References to the text-bearing strings of an OpenAI body, and the checks walkers share.

A `TextField` is a path into a parsed JSON body (`("messages", 2, "content")`) whose value is a
string. `json_string` marks strings that are themselves JSON (tool-call arguments): their keys,
string and number leaves are what carries text (see `proxy.openai_api.slots`). `answer` marks
the model's answer in a reply (chat `content`, Responses `output_text`): when the request asked
for a JSON reply (structured output) that text is a JSON document too, and is restored like
one. `kind` "key" points at an object key the caller chose (a metadata key), "number" at a
number whose digits may be an identifier. Errors name the path of a field, never its value, and
never a key the caller chose (`CallerKey` is written as `<key>`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from proxy.errors import InvalidRequest, PolicyBlocked
from proxy.policy import MediaAction

JsonPath = tuple[str | int, ...]
FieldKind = Literal["value", "key", "number"]
UNKNOWN_KEY = "<unknown key>"


class CallerKey(str):
    """An object key the caller chose (metadata, prompt variables): never shown in an error."""

    __slots__ = ()


def label(path: JsonPath) -> str:
    """`messages[2].content` for `("messages", 2, "content")`; caller keys become `<key>`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        name = "<key>" if isinstance(part, CallerKey) else part
        out += f".{name}" if out else name
    return out


def number_text(value: int | float) -> str:
    """The digits a number shows the detector: `972501234567.0` reads as `972501234567`."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def rename_key(obj: dict[str, Any], old: str, new: str, where: JsonPath) -> None:
    """Rename `old` to `new` in place, keeping the key order."""
    if new == old:
        return
    if new in obj:
        raise InvalidRequest(
            f"Two keys of '{label(where) or 'body'}' become the same once pseudonymized; "
            "rename one of them.",
            param=label(where),
        )
    items = [(new if key == old else key, value) for key, value in obj.items()]
    obj.clear()
    obj.update(items)


@dataclass(frozen=True, slots=True)
class TextField:
    """One string at `path` in a body (or the key at the end of `path`, or a number there)."""

    path: JsonPath
    json_string: bool = False
    kind: FieldKind = "value"
    answer: bool = False

    def restored_as_json(self, json_reply: bool) -> bool:
        """Whether a value restored here must be JSON-escaped: always inside a JSON string,
        and in the answer text when the request asked for a JSON reply."""
        return self.json_string or (self.answer and json_reply)

    def _parent(self, body: Any) -> Any:
        node = body
        for part in self.path[:-1]:
            node = node[part]
        return node

    def get(self, body: Any) -> str:
        parent = self._parent(body)
        if self.kind == "key":
            if self.path[-1] not in parent:
                raise KeyError("no such key")
            return str(self.path[-1])
        node = parent[self.path[-1]]
        if self.kind == "number" and is_number(node):
            return number_text(node)
        if not isinstance(node, str):
            raise TypeError("not a string")
        return node

    def set(self, body: Any, value: str) -> None:
        parent = self._parent(body)
        if self.kind == "key":
            rename_key(parent, str(self.path[-1]), value, self.path[:-1])
        else:
            parent[self.path[-1]] = value


class Walk:
    """Collects the text fields of one body; endpoint walkers call its checks as they go."""

    def __init__(self, media: MediaAction = MediaAction.BLOCK) -> None:
        self.media = media
        self.fields: list[TextField] = []

    def text(self, value: Any, path: JsonPath, *, json_string: bool = False) -> None:
        """`value` must be a string; it is walked."""
        if not isinstance(value, str):
            raise InvalidRequest(f"'{label(path)}' must be a string.", param=label(path))
        if value:
            self.fields.append(TextField(path, json_string))

    def optional_text(self, obj: dict[str, Any], key: str, path: JsonPath) -> None:
        """`obj[key]`, if present and not null, must be a string; it is walked."""
        value = obj.get(key)
        if value is not None:
            self.text(value, (*path, key))

    def texts(self, value: Any, path: JsonPath) -> None:
        """Every key, string and number anywhere inside `value` (metadata, schema data)."""
        if isinstance(value, str):
            self.text(value, path)
        elif is_number(value):
            self.fields.append(TextField(path, kind="number"))
        elif isinstance(value, dict):
            for key, item in value.items():
                self.texts(item, (*path, CallerKey(key)))
                if key:
                    self.fields.append(TextField((*path, CallerKey(key)), kind="key"))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                self.texts(item, (*path, index))

    def media_part(self, kind: str, path: JsonPath) -> None:
        """Content the proxy cannot inspect: refused unless the policy allows media."""
        if self.media != MediaAction.ALLOW:
            raise PolicyBlocked(
                f"'{label(path)}' is {kind} content, which the proxy cannot inspect; "
                "this tenant's policy blocks it.",
                param=label(path),
            )


def require_dict(value: Any, path: JsonPath) -> dict[str, Any]:
    """`value` as an object, or a 400 naming the path."""
    if not isinstance(value, dict):
        raise InvalidRequest(f"'{label(path) or 'body'}' must be an object.", param=label(path))
    return value


def require_list(value: Any, path: JsonPath) -> list[Any]:
    """`value` as an array, or a 400 naming the path."""
    if not isinstance(value, list):
        raise InvalidRequest(f"'{label(path)}' must be an array.", param=label(path))
    return value


# `response_format.type` (chat) and `text.format.type` (Responses) that ask for a JSON answer.
_JSON_FORMATS = frozenset({"json_object", "json_schema"})


def asks_for_json(response_format: Any) -> bool:
    """Whether a structured-output format (`{"type": "json_schema", ...}`) asks for a JSON
    answer; any other value (absent, `text`, a malformed one) does not."""
    if not isinstance(response_format, dict):
        return False
    kind = response_format.get("type")
    return isinstance(kind, str) and kind in _JSON_FORMATS


# An unknown key that is not lowercase snake_case (an email, a name, a number) is itself text.
_API_KEY = re.compile(r"[a-z][a-z0-9_]{0,63}")
# A number this long may be a phone or an ID: it counts as text in an unknown field.
_LONG_NUMBER = 1_000_000


def carries_text(value: Any) -> bool:
    """Whether any string, or any number long enough to identify someone, hides in `value`."""
    if isinstance(value, str):
        return True
    if is_number(value):
        return bool(abs(value) >= _LONG_NUMBER)
    if isinstance(value, dict):
        return any(not _API_KEY.fullmatch(key) or carries_text(item) for key, item in value.items())
    if isinstance(value, list):
        return any(carries_text(item) for item in value)
    return False


def refuse_unknown(obj: dict[str, Any], known: frozenset[str], path: JsonPath) -> None:
    """A field the proxy does not know, if it carries any text, is refused (never passed).

    Its key counts as text unless it is shaped like an API parameter. The error names the
    known parent and `<unknown key>`: the key itself is the caller's.
    """
    for key, value in obj.items():
        if key not in known and (not _API_KEY.fullmatch(key) or carries_text(value)):
            where = label((*path, UNKNOWN_KEY))
            raise InvalidRequest(
                f"An unknown field ('{where}') carries text the proxy cannot vouch for; "
                "it is refused rather than sent unredacted.",
                param=where,
            )
