"""Reading the hand-written word lists in `data/`: `[section]` headers, one entry per line.

Entries are casefolded; blank lines and `#` comments are skipped. Each file is read once per
process, however many modules ask for it.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


def longest_first(words: Iterable[str]) -> str:
    """A regex alternation of the literal `words`, the longest first, so that a longer word
    wins over its head ("总经理" over "总", "seventeen" over "seven")."""
    return "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))


@cache
def read_sections(name: str) -> dict[str, frozenset[str]]:
    """The sections of `data/<name>` (gzip when the name ends in `.gz`), each a set of
    casefolded entries."""
    data = resources.files("proxy.detect").joinpath("data", name).read_bytes()
    text = (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line.casefold())
    return {section: frozenset(words) for section, words in sections.items()}
