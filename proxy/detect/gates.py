"""Where a pattern may match: its literal leads found in one pass, the pattern tried only there.

A recognizer whose pattern cannot match without one of its lead words (a street word, a key
prefix) need not scan the whole text: one Aho-Corasick pass finds where every group's leads
occur (`LeadFinder`), and `matches_at` tries the pattern there only, giving exactly the
matches a full scan gives. `gated_matches` does the same for a cheap gate regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from proxy.detect.automaton import Automaton


class LeadFinder:
    """Groups of literal leads; where in a text each group's leads occur, in one pass."""

    def __init__(self, groups: Sequence[Sequence[str]]) -> None:
        self._count = len(groups)
        owners: dict[str, set[int]] = {}
        for i, group in enumerate(groups):
            for lead in group:
                owners.setdefault(lead, set()).add(i)
        self._automaton = Automaton(
            (lead, tuple(sorted(indexes))) for lead, indexes in owners.items()
        )

    def starts(self, text: str) -> list[list[int]]:
        """For each group, the sorted offsets where one of its leads starts."""
        found: list[set[int]] = [set() for _ in range(self._count)]
        owners = self._automaton.values
        for key, start, _ in self._automaton.find(text):
            for i in owners[key]:
                found[i].add(start)
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
