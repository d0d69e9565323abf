"""Japanese names written in kanji, by a common surname and what is written around it.

A Japanese surname opens a run of kanji, and the run or the text right after it says it is a
person: an honorific or a title (佐藤様, 高橋さん, 田中部長, 山本先生), a self-introduction
(…の高橋です, 高橋と申します) or a given name after a space (高橋 美咲). Only the common
surnames are looked for: a run of kanji alone is as often a word as a name. Honorifics and
titles are never part of the name.
"""

from __future__ import annotations

import re

from proxy.detect.wordlists import read_sections

_LISTS = read_sections("cjk_words.txt")
_SURNAMES = _LISTS["japanese_surnames"]
_TITLES = tuple(sorted(_LISTS["japanese_titles"], key=len, reverse=True))
# The honorifics a full name also takes (高橋美咲様); titles follow a surname alone.
_AFTER_FULL_NAME = frozenset(["様", "氏", "殿", "君", "先生"])
KANA_HONORIFICS = ("さん", "さま", "くん", "ちゃん")
_AFTER_SPACE = (*KANA_HONORIFICS, *_TITLES)
_SELF_INTRODUCTIONS = ("です", "でございます", "と申します", "と申し")
_SPACES = " \u3000"
# Every word that may follow a name and is not part of it.
TITLES = frozenset([*_TITLES, *KANA_HONORIFICS])
# Kanji and the repetition mark (佐々木).
_RUN = re.compile(r"[\u4e00-\u9fff々]+")
_GIVEN_AFTER_SPACE = re.compile(r"[ \u3000]([\u4e00-\u9fff々]{1,3})(?![\u4e00-\u9fff々])")
# A word after a surname that ends so is a place, a department, a title, a school or a
# company named after the family, not a given name (田中 部長, 山田 営業部, 千葉県, 山口大学,
# 高橋工業さん, 鈴木商事, 山田屋).
_NOT_GIVEN_ENDS = frozenset(
    "部課室社店市区町村県都府駅局所会係長様業事設機産輸刷薬院科屋堂組学校館園"
)


def find_japanese_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Japanese names: a common surname that an honorific, a title, a
    self-introduction or a given name after a space marks as a person."""
    found: list[tuple[int, int]] = []
    for m in _RUN.finditer(text):
        start, end = m.span()
        for size in (3, 2, 1):
            if end - start >= size and text[start : start + size] in _SURNAMES:
                name_end = _name_end(text, start, end, size)
                if name_end:
                    found.append((start, name_end))
                    break
    return found


def _name_end(text: str, start: int, end: int, size: int) -> int:
    """Where the name that the surname at `start` opens ends, or 0 when nothing marks a
    person; `end` is the end of its run of kanji."""
    rest = text[start + size : end]
    after = text[end : end + 6]
    if not rest:
        if after.startswith(KANA_HONORIFICS) or (
            after[:1] in _SPACES and after[1:].startswith(_AFTER_SPACE)
        ):
            return end
        if _introduces(text, start, after, size):
            return end
        spaced = _GIVEN_AFTER_SPACE.match(text, end)
        if spaced is not None and _given_name(spaced.group(1)):
            return spaced.end()
        return 0
    if rest.startswith(_TITLES):
        return start + size
    for length in (1, 2):
        given, tail = rest[:length], rest[length:]
        if len(given) < length or not _given_name(given):
            break
        if tail in _AFTER_FULL_NAME or (
            not tail
            and (after.startswith(KANA_HONORIFICS) or _introduces(text, start, after, size))
        ):
            return start + size + length
    return 0


def _introduces(text: str, start: int, after: str, size: int) -> bool:
    """True when `after` introduces the writer by the name at `start`: "高橋と申します", or
    "高橋です" after "の" or at the start of a line or sentence (not "出身は千葉です", where
    a place is meant); a one-character surname before です is as often a word (東, 森)."""
    if after.startswith("と申し"):
        return True
    if not after.startswith(_SELF_INTRODUCTIONS) or size < 2:
        return False
    before = text[start - 1] if start else ""
    return before == "の" or not before.isalnum()


def _given_name(word: str) -> bool:
    return word[-1] not in _NOT_GIVEN_ENDS and not word.startswith(_TITLES)
