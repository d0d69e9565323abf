"""Chinese, Japanese and Korean names written in their own script.

Han and Hangul have no spaces or capitals; a name is found by its surname from a list of
common ones and by its shape (see `chinese_names` and `korean_names`). In a CRM written in
English, Hebrew or Arabic, a run of Han or Hangul that has exactly that shape is a name. A
text without Han or Hangul (nearly every one) costs one search.
"""

from __future__ import annotations

import re

from proxy.detect import chinese_names, korean_names

_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


def find_cjk_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Chinese and Korean names in the text."""
    first = _HAN_OR_HANGUL.search(text)
    if first is None:
        return []
    found: list[tuple[int, int]] = []
    if first.group() <= "\u9fff" or _HAN.search(text, first.end()) is not None:
        found += chinese_names.find_full_names(text)
    if first.group() >= "\uac00" or _HANGUL.search(text, first.end()) is not None:
        found += korean_names.find_korean_names(text)
    return found
