"""Korean names written in Hangul: a full name, a given name before 님 or 씨, a surname before
a title.

A Korean name is a one-syllable surname from a short list and a two-syllable given name; a
run of exactly that shape is a name unless it is a known word or ends like a team, a place or
a title (구매팀, 기획실, 이사장). Inside a sentence a name is found by what follows it: 님 or
씨 after a given name or a full name (민준 님, 서연씨, 김민준님께), and a job title after a
surname (김 과장님, 박대리). Titles and forms of address are never a name (팀장님, 고객님,
선생님), and never part of one.
"""

from __future__ import annotations

import re

from proxy.detect.wordlists import longest_first, read_sections

_H = "\uac00-\ud7a3"
_LISTS = read_sections("cjk_words.txt")
_SURNAMES = _LISTS["korean_surnames"]
_TITLES = _LISTS["korean_titles"]
_NOT_NAMES = _LISTS["korean_not_names"] | _TITLES
# Every word that may follow a name and is not part of it (a title may take 님 as well).
TITLES = _TITLES | {"님", "씨"}
# A word ending in a particle or an honorific is not a bare name.
_ENDINGS = frozenset("은는이가을를님씨요다에서도와과의로")
# Last syllables of titles, teams, offices, places and common nouns (팀장, 이사, 구매팀,
# 기획부, 연구실, 대리점, 연구소, 도서관, 이사회, 봉사단, 성남시, 강남구, 신제품, 전문적,
# 성장률, 수수료, 계약금액), which a given name rarely ends with.
_NOT_NAME_ENDINGS = frozenset("장사팀부실점소관회단시구군읍면품적률율료액량법증")
# Particles that may follow 님, 씨 or a title.
_PARTICLES = (
    "께서는|께서도|께서|에게는|에게도|에게|한테는|한테|께는|께도|께|이랑|랑|과는|과의|과|와"
    "|은|는|이|가|을|를|의|도|만|들|요|이에요|예요|입니다|이세요|세요"
)
# Surnames that are also words before a noun ("모 과장": a certain manager, "전 과장": the
# former one, "제 과장님": my manager): never read as a surname before a title.
_NEVER_BEFORE_TITLE = frozenset("모제전")
# Surnames that are also common words (이 this, 한 one, 안 not, 오 five...): before a spaced
# title they need 님 to be a person ("이 과장님", not "이 과장").
_WORD_SURNAMES = frozenset("이한안나오구육백천공소도주고마어은여연방신장차")

# Each pattern opens with its letter and checks the boundary after it, so `re` skips straight
# to Hangul instead of trying a look-behind at every position.
_BARE = re.compile(rf"[{_H}](?<![{_H}].)[{_H}]{{2}}(?![{_H}])")
_HONOURED = re.compile(
    rf"(?P<name>[{_H}](?<![{_H}].)[{_H}]{{1,2}}) ?(?:님|씨)(?:{_PARTICLES})?(?![{_H}])"
)
_TITLED = re.compile(
    rf"(?P<surname>[{_H}])(?<![{_H}].)(?P<space> ?)"
    rf"(?P<title>{longest_first(_TITLES)})"
    rf"(?P<nim>님)?(?:{_PARTICLES})?(?![{_H}])"
)


def find_korean_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Korean names: full names standing alone, given or full names before
    님 or 씨, surnames before a title."""
    found: list[tuple[int, int]] = []
    for m in _BARE.finditer(text):
        word = m.group()
        if _full_name(word) and word[-1] not in _ENDINGS:
            found.append(m.span())
    for m in _HONOURED.finditer(text):
        name = m.group("name")
        if _full_name(name) if len(name) == 3 else _given_name(name):
            found.append(m.span("name"))
    for m in _TITLED.finditer(text):
        surname = m.group("surname")
        if surname not in _SURNAMES or surname in _NEVER_BEFORE_TITLE:
            continue
        if m.group("space"):
            if surname in _WORD_SURNAMES and not m.group("nim"):
                continue
        elif surname + m.group("title") in _NOT_NAMES:
            continue  # 이사장: a title, not 이 + 사장
        found.append(m.span("surname"))
    return found


def _full_name(word: str) -> bool:
    """A surname and a two-syllable given name, not a word, a title or a surname and title."""
    return (
        word[0] in _SURNAMES
        and word not in _NOT_NAMES
        and word[1:] not in _TITLES
        and word[-1] not in _NOT_NAME_ENDINGS
    )


def _given_name(word: str) -> bool:
    return word not in _NOT_NAMES and word[-1] not in _NOT_NAME_ENDINGS
