"""Propagation: every mention of a name found anywhere in a request, in every text.

Name parts found in one text (and name parts of email local parts) become one regex for the
whole request, so a lone first name three messages later is found too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from proxy.detect.context import NEVER_NAMES, PARTICLES
from proxy.detect.lexicon import AMBIGUOUS, NameLexicon

_SPLIT = re.compile(r"[^\w'’-]+")
_HE = re.compile(r"[\u0590-\u05ff]")
_AR = re.compile(r"[\u0600-\u06ff]")


def name_parts(names: Iterable[str], lex: NameLexicon) -> tuple[set[str], set[str]]:
    """(case-insensitive terms, case-sensitive terms) to look for in every text."""
    loose: set[str] = set()
    exact: set[str] = set()
    for name in names:
        for part in _SPLIT.split(name):
            part = part.strip("'’-")
            low = part.casefold()
            if len(part) < 2 or low in PARTICLES or low in NEVER_NAMES:
                continue
            if lex.flags.get(low, 0) & AMBIGUOUS or low in lex.common:
                exact.add(part if not part.islower() else part.title())
            else:
                loose.add(low)
    return loose, exact


def compile_propagation(loose: set[str], exact: set[str]) -> re.Pattern[str] | None:
    """One regex for all terms; Hebrew/Arabic terms may carry a one-letter prefix."""
    alternatives: list[str] = []
    for term in sorted(loose, key=len, reverse=True):
        body = re.escape(term)
        if _HE.match(term):
            alternatives.append(rf"(?<![\w\u0590-\u05ff])(?:[והבלמשכ]{{1,2}})?(?P<t{len(alternatives)}>{body})")
        elif _AR.match(term):
            alternatives.append(rf"(?<![\w])(?:[وبلف])?(?P<t{len(alternatives)}>{body})")
        else:
            alternatives.append(rf"(?<![\w'’-])(?i:{body})")
    for term in sorted(exact, key=len, reverse=True):
        alternatives.append(rf"(?<![\w'’-]){re.escape(term)}")
    if not alternatives:
        return None
    return re.compile(r"(?:" + "|".join(alternatives) + r")(?![\w])")


def find_mentions(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Spans of the name parts (a Hebrew/Arabic prefix letter is left out)."""
    out: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        start = m.start()
        if m.lastgroup:
            start = m.start(m.lastgroup)
        out.append((start, m.end()))
    return out
