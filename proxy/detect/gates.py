"""Cue gates: which groups of cue substrings occur in a text, found in one pass.

A recognizer whose pattern cannot match without one of its cue words (a street word, a key
prefix) is skipped when none occurs. Testing each cue with `in` costs a scan of the text per
cue (dozens of scans, slower still on Hebrew/Arabic text); one Aho-Corasick pass finds every
group's cues at once and stops as soon as every group is known to be open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import ahocorasick


class CueGates:
    """Groups of cue substrings; a group holding "" is always open."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._count = len(groups)
        self._always = frozenset(i for i, group in enumerate(groups) if "" in group)
        owners: dict[str, set[int]] = {}
        for i, group in enumerate(groups):
            for cue in group:
                if cue:
                    owners.setdefault(cue, set()).add(i)
        self._automaton = ahocorasick.Automaton()
        for cue, indexes in owners.items():
            self._automaton.add_word(cue, frozenset(indexes))
        self._empty = not owners
        if owners:
            self._automaton.make_automaton()

    def open(self, text: str) -> set[int]:
        """Indexes of the groups with at least one cue in `text` (plus the always-open ones)."""
        found = set(self._always)
        if self._empty or len(found) == self._count:
            return found
        for _, indexes in self._automaton.iter(text):
            found |= indexes
            if len(found) == self._count:
                break
        return found


class LeadFinder:
    """Groups of literal leads; where in a text each group's leads occur, in one pass."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._count = len(groups)
        owners: dict[str, set[int]] = {}
        for i, group in enumerate(groups):
            for lead in group:
                owners.setdefault(lead, set()).add(i)
        self._automaton = ahocorasick.Automaton()
        for lead, indexes in owners.items():
            self._automaton.add_word(lead, (len(lead), tuple(sorted(indexes))))
        self._automaton.make_automaton()

    def starts(self, text: str) -> list[list[int]]:
        """For each group, the sorted offsets where one of its leads starts."""
        found: list[set[int]] = [set() for _ in range(self._count)]
        for last, (length, indexes) in self._automaton.iter(text):
            for i in indexes:
                found[i].add(last + 1 - length)
        return [sorted(starts) for starts in found]


def gated_matches(
    rx: re.Pattern[str], gate: re.Pattern[str], text: str, reach: int
) -> Iterator[re.Match[str]]:
    """The matches `rx.finditer(text)` gives, found by trying `rx` only at the positions from
    `reach` characters before each match of `gate` up to it.

    For a pattern `re` cannot skip through fast (one led by a look-behind or a repeat) when
    every match of it has a match of a cheap, literal-led `gate` (a rare character, its
    context in a look-ahead) starting at most `reach` characters after its own start. The
    positions are tried in increasing order from the end of the last match, as `finditer`
    does, so the matches are the same. `rx` must not match the empty string."""
    pos = 0  # end of the last match: no match starts before it
    for g in gate.finditer(text):
        hit = g.start()
        start = max(hit - reach, pos)
        while start <= hit:
            m = rx.match(text, start)
            if m is None:
                start += 1
                continue
            yield m
            start = pos = m.end()
        pos = max(pos, hit + 1)  # every position up to the hit has been tried


def matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """The matches `rx.finditer(text)` gives, when every one of them starts at one of the
    sorted `starts` (its literal lead's occurrences): `rx` is tried there only, from the end
    of the last match on. `rx` must not match the empty string."""
    pos = 0
    for start in starts:
        if start < pos:
            continue
        m = rx.match(text, start)
        if m is not None:
            yield m
            pos = m.end()
