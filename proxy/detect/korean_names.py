"""Korean names written in Hangul, by their surname.

A Korean name is a one-syllable surname from a short list and a two-syllable given name; a
run of exactly that shape is a name unless it is a known word.
"""

from __future__ import annotations

import re

from proxy.detect.wordlists import read_sections

_H = "\uac00-\ud7a3"
_LISTS = read_sections("cjk_words.txt")
_SURNAMES = _LISTS["korean_surnames"]
_NOT_NAMES = _LISTS["korean_not_names"]
# A word ending in a particle or an honorific is not a bare name.
_ENDINGS = frozenset("은는이가을를님요다에서도와과의로")
# Each pattern opens with its letter and checks the boundary after it, so `re` skips straight
# to Hangul instead of trying a look-behind at every position.
_BARE = re.compile(rf"[{_H}](?<![{_H}].)[{_H}]{{2}}(?![{_H}])")


def find_korean_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Korean names: full names standing alone."""
    found: list[tuple[int, int]] = []
    for m in _BARE.finditer(text):
        word = m.group()
        if word[0] in _SURNAMES and word not in _NOT_NAMES and word[-1] not in _ENDINGS:
            found.append(m.span())
    return found
