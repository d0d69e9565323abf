"""Reading the hand-written word lists in `data/`: `[section]` headers, one entry per line.

Entries are casefolded; blank lines and `#` comments are skipped. Read once, at import.
"""

from __future__ import annotations

import gzip
from importlib import resources


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
