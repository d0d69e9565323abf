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
from proxy.detect.wordlists import longest_first

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


# 君 is a Japanese honorific but also a common Chinese given name (王君): never cut from a value.
_ALL_TITLES = (chinese_names.TITLES | japanese_names.TITLES | korean_names.TITLES) - {"君"}
_LONGEST_TITLE = max(len(t) for t in _ALL_TITLES) + 2  # with a space before and 님 after
# A title or honorific that ends a value after a name written in Han, Kana or Hangul.
_TRAILING_TITLE = re.compile(
    r"(?<=[\u3040-\u30ff\u4e00-\u9fff々\uac00-\ud7a3]) ?(?:" + longest_first(_ALL_TITLES) + r")님?$"
)


def title_after_name(value: str) -> int:
    """Length of the title or honorific that ends `value` after a name ("王经理", "高橋様",
    "김민수 과장님"), 0 when there is none or the value is only a title."""
    if not value or not "\u3040" <= value[-1] <= "\ud7a3":
        return 0
    m = _TRAILING_TITLE.search(value, max(1, len(value) - _LONGEST_TITLE))
    return len(value) - m.start() if m is not None else 0
