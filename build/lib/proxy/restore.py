"""Whole-text restore: put the request's real values back where its placeholders came back.

Only placeholders this request issued are replaced; anything else that looks like one (a model
inventing `[PERSON_7]`, a caller's own literal text) is left exactly as it is. Inside JSON-string
fields (tool-call arguments) the restored value is JSON-escaped so the arguments stay valid JSON.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

from proxy.placeholders import TOLERANT, PlaceholderKey, key_of


def json_escape(value: str) -> str:
    """`value` as it must appear between the quotes of a JSON string."""
    return json.dumps(value, ensure_ascii=False)[1:-1]


@dataclass(slots=True)
class RestoreCounts:
    """How many placeholder-looking tokens came back, and how many were ours."""

    restored: int = 0
    unrestored: int = 0


class Restorer:
    """Restores one request's mapping into any number of texts; counts what it did."""

    __slots__ = ("_escaped", "_mapping", "counts")

    def __init__(self, mapping: Mapping[PlaceholderKey, str]) -> None:
        self._mapping = mapping
        self._escaped: dict[PlaceholderKey, str] = {}
        self.counts = RestoreCounts()

    @property
    def active(self) -> bool:
        """Whether there is anything to restore at all."""
        return bool(self._mapping)

    def restore(self, text: str, *, json_string: bool = False) -> str:
        """`text` with every known placeholder replaced by its value."""
        if not self._mapping or "_" not in text:
            return text
        return TOLERANT.sub(self._replace_escaped if json_string else self._replace, text)

    def restore_slice(self, text: str, start: int, end: int, *, json_string: bool = False) -> str:
        """`text[start:end]` restored, as if `text` ended at `end`; what precedes `start` is
        context only (it decides whether a bare `PERSON_1` follows a word character)."""
        if not self._mapping:
            return text[start:end]
        replace = self._replace_escaped if json_string else self._replace
        parts: list[str] = []
        last = start
        for match in TOLERANT.finditer(text, start, end):
            parts.append(text[last : match.start()])
            parts.append(replace(match))
            last = match.end()
        parts.append(text[last:end])
        return "".join(parts)

    def _value(self, match: re.Match[str]) -> str | None:
        value = self._mapping.get(key_of(match))
        if value is None:
            self.counts.unrestored += 1
            return None
        self.counts.restored += 1
        return value

    def _replace(self, match: re.Match[str]) -> str:
        value = self._value(match)
        if value is None:
            return match.group()
        return value + (match["poss"] or "")

    def _replace_escaped(self, match: re.Match[str]) -> str:
        key = key_of(match)
        value = self._value(match)
        if value is None:
            return match.group()
        escaped = self._escaped.get(key)
        if escaped is None:
            escaped = self._escaped[key] = json_escape(value)
        return escaped + (match["poss"] or "")
