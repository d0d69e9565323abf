"""Chinese names written in Han, by their surname.

Han has no spaces or capitals, but names have a tight shape. A run of exactly three
characters that opens with a common surname (four with a compound one) is a full name; two
characters are as often a word (金额, 方案, 周一) as a name.
"""

from __future__ import annotations

import re

from proxy.detect.wordlists import read_sections

HAN = "\u4e00-\u9fff"
_LISTS = read_sections("cjk_words.txt")
_SURNAMES = _LISTS["chinese_surnames"]
_COMPOUNDS = tuple(sorted(_LISTS["chinese_compound_surnames"]))
# Each run opens with its letter and checks the boundary after it, so `re` skips straight to
# Han instead of trying a look-behind at every position.
_HAN_RUN = re.compile(rf"[{HAN}](?<![{HAN}].)[{HAN}]{{1,3}}(?![{HAN}])")


def find_full_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of runs of Han that are exactly a surname and a two-character given name."""
    found: list[tuple[int, int]] = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        # Two characters are as often a word (金额, 方案, 周一) as a name: three, the common
        # shape of a full name, are required (four with a compound surname).
        if (run[0] in _SURNAMES and len(run) == 3) or (
            len(run) >= 3 and run.startswith(_COMPOUNDS)
        ):
            found.append(m.span())
    return found
