"""References to the text-bearing strings of an OpenAI body, and the checks walkers share.

A `TextField` is a path into a parsed JSON body (`("messages", 2, "content")`) whose value is a
string. `json_string` marks strings that are themselves JSON (tool-call arguments): their string
leaves are what carries text, and whatever is written back must stay valid JSON.
Errors name the path of a field, never its value.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import orjson

from proxy.errors import InvalidRequest, PolicyBlocked
from proxy.policy import MediaAction

JsonPath = tuple[str | int, ...]


def label(path: JsonPath) -> str:
    """`messages[2].content` for `("messages", 2, "content")`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


@dataclass(frozen=True, slots=True)
class TextField:
    """One string at `path` in a body."""

    path: JsonPath
    json_string: bool = False

    def get(self, body: Any) -> str:
        node = body
        for part in self.path:
            node = node[part]
        if not isinstance(node, str):
            raise TypeError("not a string")
        return node

    def set(self, body: Any, value: str) -> None:
        node = body
        for part in self.path[:-1]:
            node = node[part]
        node[self.path[-1]] = value


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
        """Every string anywhere inside `value` (e.g. metadata values) is walked."""
        if isinstance(value, str):
            self.text(value, path)
        elif isinstance(value, dict):
            for key, item in value.items():
                self.texts(item, (*path, key))
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


def carries_text(value: Any) -> bool:
    """Whether any string hides anywhere inside `value`."""
    if isinstance(value, str):
        return True
    if isinstance(value, dict):
        return any(carries_text(item) for item in value.values())
    if isinstance(value, list):
        return any(carries_text(item) for item in value)
    return False


def refuse_unknown(obj: dict[str, Any], known: frozenset[str], path: JsonPath) -> None:
    """A field the proxy does not know, if it carries any string, is refused (never passed)."""
    for key, value in obj.items():
        if key not in known and carries_text(value):
            where = label((*path, key))
            raise InvalidRequest(
                f"Unknown field '{where}' carries text the proxy cannot vouch for; "
                "it is refused rather than sent unredacted.",
                param=where,
            )


def json_leaves(value: Any, path: JsonPath = ()) -> list[JsonPath]:
    """Paths of the string and integer values inside parsed JSON (keys are schema, not text).

    Integers count because a phone or ID number is often written as one in tool arguments.
    """
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return [path]
    if isinstance(value, dict):
        return [leaf for key, item in value.items() for leaf in json_leaves(item, (*path, key))]
    if isinstance(value, list):
        return [leaf for i, item in enumerate(value) for leaf in json_leaves(item, (*path, i))]
    return []


def _at(doc: Any, path: JsonPath) -> Any:
    for part in path:
        doc = doc[part]
    return doc


class TextSlots:
    """The texts of one body in walk order, JSON-string fields opened into their string leaves.

    `texts` is what the detector sees; `write` puts new texts back, re-serialising a JSON string
    only if one of its leaves changed (so it stays valid JSON whatever the values contain). An
    integer leaf that changed becomes a string (`"[PHONE_1]"`).
    """

    def __init__(self, body: Any, fields: list[TextField]) -> None:
        self._body = body
        self.texts: list[str] = []
        # (field, parsed document or None, leaf paths, index of the first text)
        self._slots: list[tuple[TextField, Any, list[JsonPath], int]] = []
        for text_field in fields:
            raw = text_field.get(body)
            doc: Any = None
            leaves: list[JsonPath] = []
            if text_field.json_string:
                try:
                    doc = orjson.loads(raw)
                except orjson.JSONDecodeError:
                    doc = None  # not JSON after all: walked as one plain text
                if isinstance(doc, dict | list):
                    leaves = json_leaves(doc)
                else:
                    doc = None
            self._slots.append((text_field, doc, leaves, len(self.texts)))
            if doc is None:
                self.texts.append(raw)
            else:
                self.texts.extend(str(_at(doc, leaf)) for leaf in leaves)

    def write(self, new_texts: list[str]) -> None:
        """Set every changed text back into the body."""
        for text_field, doc, leaves, first in self._slots:
            if doc is None:
                if new_texts[first] != self.texts[first]:
                    text_field.set(self._body, new_texts[first])
                continue
            changed = False
            for offset, leaf in enumerate(leaves):
                if new_texts[first + offset] != self.texts[first + offset]:
                    TextField(leaf).set(doc, new_texts[first + offset])
                    changed = True
            if changed:
                text_field.set(self._body, orjson.dumps(doc).decode())
