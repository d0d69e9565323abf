"""Every occurrence of many literal keys in one pass over a text, each with its value.

A thin typed layer over `ahocorasick_rs` (the Rust `aho-corasick` crate): it finds the
overlapping matches of a fixed key set 2.4-3.7 times as fast as `pyahocorasick` on the
corpus texts, and gives character offsets into a `str` whatever its script. The detectors
scan each text with several automata (cue words, known organisations, street and label words,
the request's name parts, a tenant's contact list), so that pass is a large share of
detection time.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

from ahocorasick_rs import AhoCorasick

V = TypeVar("V")


class Automaton(Generic[V]):
    """Literal keys, each with a value; a key given twice keeps its last value."""

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        by_key = {key: value for key, value in entries if key}
        self.values: tuple[V, ...] = tuple(by_key.values())
        self._keys = tuple(by_key)
        self._automaton = AhoCorasick(list(self._keys)) if by_key else None

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(key index, start, end) of every occurrence, overlapping ones included, in order of
        their ends (the longest first among those that end together); `values[index]` is the
        key's value."""
        if self._automaton is None:
            return []
        return self._automaton.find_matches_as_indexes(text, overlapping=True)

    def occurs_in(self, text: str) -> bool:
        """True when a key occurs in `text`."""
        return self._automaton is not None and bool(self._automaton.find_matches_as_indexes(text))

    def key(self, index: int) -> str:
        """The key of a match's index."""
        return self._keys[index]
