"""Chinese, Japanese and Korean names written in their own script.

Han, Kana and Hangul have no spaces or capitals; a name is found by its surname from a list
of common ones and by its shape or what is written around it (see `chinese_names`,
`japanese_names` and `korean_names`). A text without Han or Hangul (nearly every one) costs
one search.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from proxy.detect import chinese_names, japanese_names, korean_names

_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def find_cjk_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Chinese, Japanese and Korean names in the text."""
    first = _HAN_OR_HANGUL.search(text)
    if first is None:
        return []
    found: list[tuple[int, int]] = []
    if first.group() <= "\u9fff" or _HAN.search(text, first.end()) is not None:
        found += chinese_names.find_titled_names(text)
        found += japanese_names.find_japanese_names(text)
        # A run with a name's shape that holds one of those (王经理, 高橋様) is a surname and
        # its title: not a full name.
        starts = sorted(s for s, _ in found)
        for start, end in chinese_names.find_full_names(text):
            i = bisect_left(starts, start)
            if i == len(starts) or starts[i] >= end:
                found.append((start, end))
    if first.group() >= "\uac00" or _HANGUL.search(text, first.end()) is not None:
        found += korean_names.find_korean_names(text)
    return found
