"""Per-tenant exact terms: always-personal ones (a synced contact list) and allow-listed ones.

Always-personal terms are matched with an Aho-Corasick automaton (one pass over the text
whatever the number of terms, 100k contact names included) on the casefolded text, and kept
only on word boundaries. Automata are cached by their term set, so building an engine per
request costs a dictionary look-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from proxy.detect.automaton import Automaton


class TermDictionary:
    """Finds whole-word, case-insensitive occurrences of a fixed set of terms."""

    def __init__(self, terms: Iterable[str]) -> None:
        keys = (term.strip().casefold() for term in terms)
        self._automaton = Automaton((key, None) for key in keys if len(key) >= 2)
        self.size = len(self._automaton)

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each longest whole-word match; `text` offsets are kept because
        casefolding is only applied when it does not change the length."""
        if not self.size:
            return
        folded = text.casefold()
        if len(folded) != len(text):
            folded = text.lower() if len(text.lower()) == len(text) else text
        last_end = -1
        matches = sorted(
            ((start, end) for _, start, end in self._automaton.find(folded)),
            key=lambda se: (se[0], -se[1]),
        )
        for start, end in matches:
            if start < last_end:
                continue
            before = folded[start - 1] if start else " "
            after = folded[end] if end < len(folded) else " "
            if before.isalnum() or after.isalnum():
                continue
            last_end = end
            yield start, end


@lru_cache(maxsize=64)
def _cached(terms: frozenset[str]) -> TermDictionary:
    return TermDictionary(terms)


def term_dictionary(terms: Iterable[str]) -> TermDictionary:
    """A cached dictionary for this exact term set."""
    return _cached(frozenset(terms))
