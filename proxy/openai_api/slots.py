"""The texts of one request body in walk order, JSON-string fields opened into their leaves.

A JSON-string field (tool-call arguments) is parsed and every object key, string and number in
it becomes a text of its own. What leaves is always the parsed document serialised again, never
the raw string: with duplicate keys the parser keeps the last value, so sending the raw string
would send values nobody inspected. The document is opened without recursion and within the
same depth limit as the body (PROXY_MAX_JSON_DEPTH), so a deep one is a 413, not a crash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import orjson

from proxy.errors import LimitExceeded
from proxy.openai_api.fields import TextField, is_number, number_text, rename_key
from proxy.settings import Settings

DEFAULT_MAX_DEPTH: int = Settings.model_fields["max_json_depth"].default


def too_deep(max_depth: int) -> LimitExceeded:
    """The refusal of a JSON-string field nested deeper than the limit."""
    return LimitExceeded(
        f"A JSON string in the request (tool-call arguments) is nested deeper than {max_depth} "
        "levels (PROXY_MAX_JSON_DEPTH).",
        code="json_too_deep",
    )


class _Leaf:
    """One key, string or number inside a parsed document, reached through its container."""

    __slots__ = ("container", "is_key", "key")

    def __init__(self, container: Any, key: Any, *, is_key: bool = False) -> None:
        self.container = container
        self.key = key
        self.is_key = is_key

    def text(self) -> str:
        if self.is_key:
            return str(self.key)
        value = self.container[self.key]
        return number_text(value) if is_number(value) else str(value)

    def write(self, text: str) -> None:
        if self.is_key:
            rename_key(self.container, self.key, text, ())
        else:
            self.container[self.key] = text


def open_document(raw: str, max_depth: int) -> tuple[Any, list[_Leaf]] | None:
    """`raw` parsed, with its leaves in document order; None if it is not a JSON object/array."""
    try:
        doc = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "depth" in str(exc) or "recursion" in str(exc):
            raise too_deep(max_depth) from None
        return None  # not JSON after all: walked as one plain text
    if not isinstance(doc, dict | list):
        return None
    leaves: list[_Leaf] = []
    # Children are pushed in reverse so they pop in document order.
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, _Leaf):
            leaves.append(node)
            continue
        if depth > max_depth:
            raise too_deep(max_depth)
        children: list[tuple[Any, int]] = []
        entries = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in entries:
            if isinstance(node, dict) and key:
                children.append((_Leaf(node, key, is_key=True), depth))
            if isinstance(value, str) or is_number(value):
                children.append((_Leaf(node, key), depth))
            elif isinstance(value, dict | list):
                children.append((value, depth + 1))
        stack.extend(reversed(children))
    return doc, leaves


class TextSlots:
    """The texts of one body in walk order; `write` puts the new texts back.

    `texts` is what the detector sees, each distinct text once (tool schemas repeat the same
    descriptions and enums; the detector and the pseudonymizer give equal texts equal results,
    so each is worked on once). Plain strings and numbers change only if their text did
    (a number that changed becomes a string, `"[PHONE_1]"`); JSON-string fields are always
    written back re-serialised; keys are renamed last, deepest first, so paths stay valid.
    """

    def __init__(
        self, body: Any, fields: list[TextField], *, max_depth: int = DEFAULT_MAX_DEPTH
    ) -> None:
        self._body = body
        self._all: list[str] = []  # one per slot leaf, in walk order
        # (field, parsed document or None, its leaves, index of the first text)
        self._slots: list[tuple[TextField, Any, list[_Leaf], int]] = []
        for text_field in fields:
            raw = text_field.get(body)
            opened = open_document(raw, max_depth) if text_field.json_string else None
            doc, leaves = opened if opened is not None else (None, [])
            self._slots.append((text_field, doc, leaves, len(self._all)))
            if opened is None:
                self._all.append(raw)
            else:
                self._all.extend(leaf.text() for leaf in leaves)
        unique: dict[str, int] = {}
        self._where = [unique.setdefault(text, len(unique)) for text in self._all]
        self.texts: list[str] = list(unique)

    def write(self, new_unique: list[str]) -> None:
        """Set every changed text back into the body (`new_unique` is parallel to `texts`)."""
        new_texts = [new_unique[index] for index in self._where]
        old_texts = self._all
        keys: list[tuple[TextField, str]] = []
        for text_field, doc, leaves, first in self._slots:
            if doc is not None:
                end = first + len(leaves)
                pairs = zip(leaves, old_texts[first:end], new_texts[first:end], strict=True)
                self._write_document(text_field, doc, pairs)
            elif new_texts[first] != old_texts[first]:
                if text_field.kind == "key":
                    keys.append((text_field, new_texts[first]))
                else:
                    text_field.set(self._body, new_texts[first])
        for text_field, text in sorted(keys, key=lambda item: -len(item[0].path)):
            text_field.set(self._body, text)

    def _write_document(
        self, text_field: TextField, doc: Any, pairs: Iterable[tuple[_Leaf, str, str]]
    ) -> None:
        changed_keys: list[tuple[_Leaf, str]] = []
        for leaf, old, new in pairs:
            if new == old:
                continue
            if leaf.is_key:
                changed_keys.append((leaf, new))
            else:
                leaf.write(new)
        for leaf, new in changed_keys:
            leaf.write(new)
        text_field.set(self._body, orjson.dumps(doc).decode())
