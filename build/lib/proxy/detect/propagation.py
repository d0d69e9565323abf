"""Propagation: every mention of a name found anywhere in a request, in every text.

Name parts found in one text (and name parts of email local parts) go into one Aho-Corasick
automaton for the whole request, so a lone first name three messages later is found too, in
one pass per text whatever the number of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import ahocorasick

from proxy.detect.context import NEVER_NAMES, PARTICLES
from proxy.detect.lexicon import AMBIGUOUS, NameLexicon

_SPLIT = re.compile(r"[^\w'’-]+")
_HE_PREFIX = "והבלמשכ"
_AR_PREFIX = "وبلف"


def name_parts(names: Iterable[str], lex: NameLexicon) -> dict[str, bool]:
    """Name part (casefolded) -> True when it must match with its capital (ambiguous words)."""
    parts: dict[str, bool] = {}
    for name in names:
        for part in _SPLIT.split(name):
            part = part.strip("'’-")
            low = part.casefold()
            if len(part) < 2 or low in PARTICLES or low in NEVER_NAMES:
                continue
            exact = bool(lex.flags.get(low, 0) & AMBIGUOUS) or low in lex.common
            parts[low] = parts.get(low, True) and exact
    return parts


class Propagator:
    """Finds whole-word mentions of the request's name parts."""

    def __init__(self, parts: dict[str, bool]) -> None:
        self._exact = parts
        self._automaton = ahocorasick.Automaton()
        for term in parts:
            self._automaton.add_word(term, len(term))
        if parts:
            self._automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of name parts; a Hebrew/Arabic one- or two-letter prefix is left out."""
        if not self._exact:
            return []
        folded = (
            text.casefold() if text.isascii() or len(text.casefold()) == len(text) else text.lower()
        )
        if len(folded) != len(text):
            return []
        out: list[tuple[int, int]] = []
        for last, length in self._automaton.iter(folded):
            end = last + 1
            start = end - length
            if end < len(text) and text[end].isalnum():
                continue
            first = text[start]
            if self._exact[folded[start:end]] and first.islower():  # caseless scripts pass
                continue
            glued = start and (text[start - 1].isalnum() or text[start - 1] in "'’-")
            if glued and not _prefixed(text, start):
                continue
            out.append((start, end))
        return out


def _prefixed(text: str, start: int) -> bool:
    """True when only a Hebrew/Arabic prefix letter or two stands before a word."""
    i = start
    while i > 0 and start - i < 2 and (text[i - 1] in _HE_PREFIX or text[i - 1] in _AR_PREFIX):
        i -= 1
    return i < start and (i == 0 or not text[i - 1].isalnum())
