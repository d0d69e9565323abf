"""Every occurrence of many literal keys in one pass over a text, each with its value.

Two engines behind one typed interface, chosen by how long an automaton lives:
- built once for the process (cue words, known organisations, street, label and lead words,
  a tenant's contact list): `ahocorasick_rs`, the Rust `aho-corasick` crate, which scans 2.4
  times as fast as `pyahocorasick` on a 10 KB prompt and 3.7 times on a 100k-term list;
- built for one request (its name parts, its repeated identifiers): `pyahocorasick`, which
  builds a ten-key automaton in 3 us against the Rust one's 37 us, and so costs less in total
  up to a few tens of KB of text.
Both give character offsets into a `str` whatever its script, overlapping matches included.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Generic, TypeVar

import ahocorasick
from ahocorasick_rs import AhoCorasick

V = TypeVar("V")


class Automaton(Generic[V]):
    """Literal keys, each with a value; a key given twice keeps its last value.

    `for_one_request`: cheap to build rather than fast to scan."""

    def __init__(self, entries: Iterable[tuple[str, V]], *, for_one_request: bool = False) -> None:
        by_key = {key: value for key, value in entries if key}
        self.values: tuple[V, ...] = tuple(by_key.values())
        self._keys = tuple(by_key)
        self._scan: AhoCorasick | None = None
        self._quick: ahocorasick.Automaton | None = None
        if not by_key:
            return
        if for_one_request:
            self._quick = ahocorasick.Automaton()
            for index, key in enumerate(self._keys):
                self._quick.add_word(key, (index, len(key)))
            self._quick.make_automaton()
        else:
            self._scan = AhoCorasick(list(self._keys))

    def __len__(self) -> int:
        return len(self._keys)

    def find(self, text: str) -> list[tuple[int, int, int]]:
        """(key index, start, end) of every occurrence, overlapping ones included, in order of
        their ends (the longest first among those that end together); `values[index]` is the
        key's value."""
        if self._scan is not None:
            return self._scan.find_matches_as_indexes(text, overlapping=True)
        if self._quick is not None:
            return [(i, last + 1 - n, last + 1) for last, (i, n) in self._quick.iter(text)]
        return []

    def occurs_in(self, text: str) -> bool:
        """True when a key occurs in `text`."""
        if self._scan is not None:
            return bool(self._scan.find_matches_as_indexes(text))
        return self._quick is not None and next(self._quick.iter(text), None) is not None

    def key(self, index: int) -> str:
        """The key of a match's index."""
        return self._keys[index]
