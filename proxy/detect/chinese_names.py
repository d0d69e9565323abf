"""Chinese names written in Han: a full name standing alone, or a surname before a title.

Han has no spaces or capitals, but names have a tight shape. A run of exactly three
characters that opens with a common surname (four with a compound one) is a full name; two
characters are as often a word (金额, 方案, 周一) as a name. Inside running text a name is
found by what follows it: a surname right before a job title (王经理, 陈总, 赵主任) is the
person, and so is a full name of two or three characters before a polite form of address
(刘芳女士, 陈建国先生). The title itself is never part of the name.
"""

from __future__ import annotations

import re

from proxy.detect.japanese_names import KANA_HONORIFICS
from proxy.detect.wordlists import longest_first, read_sections

HAN = "\u4e00-\u9fff"
_LISTS = read_sections("cjk_words.txt")
_SURNAMES = _LISTS["chinese_surnames"]
_COMPOUNDS = tuple(sorted(_LISTS["chinese_compound_surnames"]))
_HONORIFICS = _LISTS["chinese_honorifics"]
_TITLES = _LISTS["chinese_titles"]
_WORDS = _LISTS["chinese_words"]
# Every word that may follow a name and is not part of it.
TITLES = _TITLES | _HONORIFICS
# Characters after which a surname inside a run of Han may open a name: words that lead to a
# person (给, 和, 请, 的, 联系, 感谢, 我们), the end of an organisation's name (公司, 银行,
# 销售部) and of a time (今天, 下午). After any other character the surname's character is
# more often the end of a word (基金经理, 本周总结, 历史老师).
_OPENERS = frozenset(
    "给和与跟同及请向于问找是被让叫致的由把替帮约见谢派令诉告系访送烦们位司行部处科组厂院局店天午晚"
)
# Surnames that are also prepositions (请向经理汇报, 由于经理出差, 请于总经理审批后): inside a
# run of Han they are read as the preposition.
_PREPOSITIONS = frozenset("于向")
# Characters a given name never holds: particles, and the ends of places, departments and
# grades that come between a surname's character and a title (江苏区, 高级, 财务部).
_NOT_GIVEN = frozenset(
    "的了是和在有个这那把被给说会要对于与及等们级部司州区省市县镇厂院局处科组队务案业店场网站层端期末额式面法件融际"
)
# 总 and 董 alone are titles (王总, 李董), but also open words (本周总结, 资金总额, 董事会).
_ONE_CHARACTER_TITLES = frozenset("总總董")
_NOT_AFTER_ONE_CHARACTER_TITLE = frozenset(
    "额額结結计計部共之是体體数數量价價值和算归歸得账賬表览覽线線装裝站台机機署局则則纲綱括论論分成统統理务務督事"
)


# A surname (every alternative opens with its literal character, so `re` skips ahead to the
# next surname character), then a title or honorific right after it, or a given name of one
# or two characters and an honorific.
_TITLED = re.compile(
    rf"(?P<surname>{longest_first([*_SURNAMES, *_COMPOUNDS])})"
    rf"(?:(?P<title>{longest_first(_TITLES | _HONORIFICS)})"
    rf"|(?P<given>[{HAN}]{{1,2}}?)(?:{longest_first(_HONORIFICS)}))"
)
# Each run opens with its letter and checks the boundary after it, so `re` skips straight to
# Han instead of trying a look-behind at every position.
_HAN_RUN = re.compile(rf"[{HAN}](?<![{HAN}].)[{HAN}]{{1,3}}(?![{HAN}])")
_KANA = re.compile(r"[\u3040-\u30ff]")
# An email in brackets right after a name: "刘芳（liufang@huaxin.cn）" (full-width brackets are
# folded before detection).
_EMAIL_IN_BRACKETS = re.compile(r" ?[(（<][^()（）<>@\s]{1,64}@")


def find_titled_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of surnames before a title, and of full names before an honorific."""
    found: list[tuple[int, int]] = []
    pos = 0
    while (m := _TITLED.search(text, pos)) is not None:
        start = m.start()
        pos = start + 1  # a refused match may hide one that starts inside it (公司马经理)
        before = text[start - 1] if start else ""
        if "\u4e00" <= before <= "\u9fff" and (
            before not in _OPENERS or text[start] in _PREPOSITIONS
        ):
            continue
        title = m.group("title")
        if title is not None:
            if title in _ONE_CHARACTER_TITLES and (
                text[m.end() : m.end() + 1] in _NOT_AFTER_ONE_CHARACTER_TITLE
            ):
                continue
            found.append(m.span("surname"))
            pos = m.end()
            continue
        surname, given = m.group("surname"), m.group("given")
        if any(c in _NOT_GIVEN for c in given) or (surname + given)[:2] in _WORDS:
            continue
        found.append((start, m.end("given")))
        pos = m.end()
    return found


def find_full_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of runs of Han that are exactly a surname and a given name: two given
    characters, or one when an email follows in brackets (刘芳 (liufang@...))."""
    found: list[tuple[int, int]] = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        start, end = m.span()
        # Kana around kanji: a Japanese word (安全性を, 石川県の), unless an honorific follows
        # a Chinese name (陈伟明さん).
        kana = _KANA.match(text, end) or (start > 0 and _KANA.match(text, start - 1))
        if kana and not text.startswith(KANA_HONORIFICS, end):
            continue
        surname = run[0] in _SURNAMES
        # Two characters are as often a word (金额, 方案, 周一) as a name: three, the common
        # shape of a full name, are required (four with a compound surname), or two before
        # the person's email.
        if (
            (surname and len(run) == 3)
            or (len(run) >= 3 and run.startswith(_COMPOUNDS))
            or (surname and len(run) == 2 and _EMAIL_IN_BRACKETS.match(text, end) is not None)
        ) and run not in _WORDS:
            found.append((start, end))
    return found
