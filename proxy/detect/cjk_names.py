"""Chinese and Korean names written in their own script, by their surname.

Han and Hangul have no spaces or capitals, but names have a tight shape: a Chinese name is a
surname from a short list (the hundred most common cover most people) and two given
characters (one-character given names are missed: two characters are as often a word); a
Korean name is a one-syllable surname and two syllables. In a CRM written in
English, Hebrew or Arabic, a run of Han or Hangul that has exactly that shape is a name.
"""

from __future__ import annotations

import re

from proxy.detect.wordlists import read_sections

_LISTS = read_sections("cjk_words.txt")
_HAN_SURNAMES = _LISTS["chinese_surnames"]
_HAN_COMPOUND = tuple(sorted(_LISTS["chinese_compound_surnames"]))
_HANGUL_SURNAMES = _LISTS["korean_surnames"]
# Ordinary words with a surname's shape (a Korean word ending in a particle or honorific is
# not a bare name either).
_NOT_NAMES = _LISTS["korean_not_names"]
_KOREAN_ENDINGS = frozenset("은는이가을를님요다에서도와과의로")
# Each run opens with its letter and checks the boundary after it, so `re` skips straight to
# Han or Hangul instead of trying a look-behind at every position.
_HAN_RUN = re.compile(
    r"[\u4e00-\u9fff](?<![\u4e00-\u9fff].)[\u4e00-\u9fff]{1,3}(?![\u4e00-\u9fff])"
)
_HANGUL_RUN = re.compile(
    r"[\uac00-\ud7a3](?<![\uac00-\ud7a3].)[\uac00-\ud7a3]{2}(?![\uac00-\ud7a3])"
)
_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")


def find_cjk_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Chinese and Korean names standing alone in the text."""
    if _HAN_OR_HANGUL.search(text) is None:
        return []
    found: list[tuple[int, int]] = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        compound = run.startswith(_HAN_COMPOUND)
        # Two characters are as often a word (金额, 方案, 周一) as a name: three, the common
        # shape of a full name, are required (four with a compound surname).
        if (run[0] in _HAN_SURNAMES and len(run) == 3) or (compound and len(run) >= 3):
            found.append(m.span())
    for m in _HANGUL_RUN.finditer(text):
        word = m.group()
        if (
            word[0] in _HANGUL_SURNAMES
            and word[-1] not in _KOREAN_ENDINGS
            and (word not in _NOT_NAMES)
        ):
            found.append(m.span())
    return found
