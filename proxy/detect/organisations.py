"""Organisation names in Latin script, so the people finder can leave them alone.

A company word or legal form (Logistics, Holdings, LLC, FZE, S.A., Co., Ltd.) makes the
capitalised words right before it one organisation: in "Tariq from Falcon Freight Logistics
LLC", "Falcon" is part of a company name even though it is also a surname, and "Freight"
(an ordinary word) does not cut it off. The walk back stops at the first word that is not
capitalised, at punctuation, or after five words.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from proxy.detect.automaton import Automaton
from proxy.detect.casing import lower_same_length
from proxy.detect.context import (
    ARABIC_PREFIX_LETTERS,
    COMPANY_LEADS,
    HEBREW_PREFIX_LETTERS,
    HOLIDAYS,
    NAMED_PHRASES,
    ORGANISATIONS,
    PARTICLES,
    TITLES,
)
from proxy.detect.lexicon import GIVEN, NameLexicon

# Legal forms written with dots, which the word tokenizer splits into letters. Each starts
# with a capital letter, so `re` skips to those; the word boundary before it (not a word
# character or a dot) is checked in `legal_forms` (a leading look-behind would make `re` try
# the pattern at every position).
LEGAL_FORM = re.compile(
    r"S(?:\.[Aa]\.(?:[Ss]\.)?|\.[Rr]\.[Ll]\.|\.[Pp]\.[Aa]\.|\.L\.(?:U\.)?|dn\.? Bhd\.?"
    r"|p\. z o\.o\.)|B\.V\.|N\.V\.|L\.L\.C\.|P(?:\.L\.C\.|ty\.? Ltd\.?)|Co\.,? Ltd\.?|A\.Ş\."
)
_GLUED = re.compile(r"[\w.]")
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*)(?: | & )$")
MAX_WORDS = 5


def legal_forms(text: str) -> list[tuple[int, int]]:
    """Spans of dotted legal forms ("S.A.", "Co., Ltd.")."""
    if "." not in text:
        return []
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := LEGAL_FORM.search(text, pos)) is not None:
        start = m.start()
        if start and _GLUED.match(text, start - 1):
            pos = start + 1  # inside a word: try again from the next character
            continue
        spans.append(m.span())
        pos = m.end()
    return spans


_SAINT = re.compile(r"^(?:st\.? |saint )")


@lru_cache(maxsize=1)
def _known() -> Automaton[None]:
    names = set(ORGANISATIONS | NAMED_PHRASES | HOLIDAYS)
    # "St David's Day" is also "St. David's Day" and "Saint David's Day".
    for name in list(names):
        if _SAINT.match(name):
            names.update(_SAINT.sub(lead, name) for lead in ("st ", "st. ", "saint "))
    # "Valentine’s Day" is written with either apostrophe.
    curly = {name.replace("'", "’") for name in names if "'" in name}
    return Automaton((name, None) for name in names | curly)


_PREFIX_LETTERS = HEBREW_PREFIX_LETTERS + ARABIC_PREFIX_LETTERS


def opens_a_business(word: str) -> bool:
    """True when the lower-case `word` opens a business's name ("מוסך", "مجموعة", "maison"),
    also under one Hebrew or Arabic prefix letter ("מאלקטרוניקה", from the electronics shop)."""
    return word in COMPANY_LEADS or (word[:1] in _PREFIX_LETTERS and word[1:] in COMPANY_LEADS)


def _word_start(text: str, start: int) -> bool:
    """True when `start` begins a word, or follows one Hebrew/Arabic prefix letter ("בבני ברק",
    "والسلام")."""
    if not text[start - 1].isalnum():
        return True
    return text[start - 1] in _PREFIX_LETTERS and (start < 2 or not text[start - 2].isalnum())


def known_organisations(text: str) -> list[tuple[int, int]]:
    """Spans of well-known organisations named after people ("Morgan Stanley", "Marks &
    Spencer"), as whole words."""
    folded = lower_same_length(text)
    spans: list[tuple[int, int]] = []
    for _, start, end in _known().find(folded):
        if folded[end : end + 1].isalnum() or (start and not _word_start(folded, start)):
            continue
        spans.append((start, end))
    return spans


def organisation_spans(text: str, company_words: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of each organisation ending in one of the given company words."""
    spans: list[tuple[int, int]] = []
    for start, end in company_words:
        pos = start
        for _ in range(MAX_WORDS):
            m = _WORD_BEFORE.search(text, max(0, pos - 40), pos)
            if m is None:
                break
            pos = m.start()
        if pos < start:
            spans.append((pos, end))
    return spans


# "Gallagher & Reid" at the head of an organisation ("Gallagher & Reid Recruitment"), or alone.
_FIRM_HEAD = re.compile(r"([A-Z][\w'’-]*) & ([A-Z][\w'’-]*)")


def firm_repeats(text: str, orgs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Other mentions of a firm's "X & Y" head: once "Gallagher & Reid Recruitment" names a
    firm, "Gallagher & Reid" alone names it too, not two people. A mention run into another
    capitalised word ("Tom Gallagher & Reid Ltd") is something else."""
    spans: list[tuple[int, int]] = []
    for o0, o1 in orgs:
        m = _FIRM_HEAD.match(text, o0, o1)
        if m is None or m.end() == o1:
            continue
        head = m.group()
        at = text.find(head)
        while at >= 0:
            end = at + len(head)
            before = _WORD_BEFORE.search(text, max(0, at - 40), at)
            if (
                at != o0
                and not text[end : end + 1].isalnum()
                and not text[at - 1 : at].isalnum()
                and (before is None or before.group(1).isupper())  # "NB", not "Tom"
            ):
                spans.append((at, end))
            at = text.find(head, end)
    return spans


# A name before "& Sons" or "& Co" is a firm's whatever the name.
_FIRM_TAILS = frozenset(["Sons", "Son", "Co", "Partners", "Associates", "Brothers", "Daughters"])
_NAME_AFTER = re.compile(r" [A-Z][a-z]")


def ampersand_firms(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """Two capitalised words joined by "&" that name a firm ("Hartwell & Finch", "Cohen &
    Ohana", "Adebayo & Sons"). Two given names so joined are two people ("Dana & Moshe"), and
    so is a pair that a name runs into on either side ("Tom Gallagher & Reid", "Dana & Moshe
    Cohen")."""
    spans: list[tuple[int, int]] = []
    for m in _FIRM_HEAD.finditer(text):
        left, right = m.groups()
        if len(left) < 2 or len(right) < 2:
            continue  # "R & D", "Q & A"
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if before is not None and not before.group().endswith("& "):
            continue  # "Tom Gallagher & Reid": a person's name runs into it
        if right in _FIRM_TAILS:
            spans.append(m.span())
        elif left.casefold() in TITLES or _NAME_AFTER.match(text, m.end()):
            continue  # "Mr. & Mrs.", "Dana & Moshe Cohen"
        elif not all(lex.flags.get(word.casefold(), 0) & GIVEN for word in (left, right)):
            spans.append(m.span())
    return spans


def outside(
    text: str, hits: list[tuple[int, int]], orgs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The hits with organisations taken out: a hit inside one is dropped, a hit running into
    one ("Luca Bianchi di [Rossi & Bianchi S.r.l.]") is cut before it, particles and all."""
    kept: list[tuple[int, int]] = []
    # Only organisations overlapping a hit can touch it: found by bisection over their starts
    # (hits x organisations was quadratic), then visited in their given order as before.
    by_start = sorted(range(len(orgs)), key=lambda i: orgs[i][0])
    starts = [orgs[i][0] for i in by_start]
    longest = max((o1 - o0 for o0, o1 in orgs), default=0)
    for s, e in hits:
        lo = bisect_right(starts, s - longest)
        hi = bisect_left(starts, e)
        if lo >= hi:
            if e > s and text[s:e].strip():
                kept.append((s, e))
            continue
        near = [orgs[i] for i in sorted(by_start[lo:hi])]
        for o0, o1 in near:
            if o0 <= s < o1:
                tail = text[o1:e].lstrip()
                if tail and "\u0590" <= tail[0] <= "\u06ff":
                    # Without capitals a run goes on past a set phrase: "وسلام على حميد"
                    # (and greetings to Hamid) holds Hamid after the greeting.
                    s = e - len(tail)
                    continue
                e = s  # starts inside the organisation: not a person
                break
            if s < o0 < e:
                if o1 == e and _family_name(text[o0:o1]):
                    continue  # "Rashed Al Ghurair": a man of the family, not its group
                words = text[s:o0].split()
                while words and words[-1].casefold() in PARTICLES:
                    words.pop()
                e = s + len(" ".join(words)) if words else s
        # What is left must be more than the prefix letters glued to the organisation
        # ("ב" of "ברמי לוי", at Rami Levy).
        if e > s and text[s:e].strip() and text[s:e].strip(_PREFIX_LETTERS):
            kept.append((s, e))
    return kept


def _family_name(org: str) -> bool:
    """True for a group known by a family's name ("Al Ghurair", "آل الشيخ"): written after a
    given name, it is that person's surname."""
    words = org.split()
    return len(words) <= 3 and words[0].casefold() in PARTICLES


# A job title, then "at", "@" or a pipe, then capitalised words: the employer ("GM at
# Nusantara Logistik Surabaya", "Marketing Manager | Lojas Aurora", "(COO, Tbilisi Tea
# House)"). Led by the title's capital letter, so `re` skips to those.
_ORG_WORD = r"[A-Z][\w&'’-]*(?:\.[\w&'’-]+)*"  # dots inside ("S.A"), not a sentence's end
_EMPLOYER = re.compile(
    r"(?:CEO|CFO|COO|CTO|CIO|CMO|VP|SVP|EVP|GM|MD|Director|Manager|Head|Lead|Engineer|"
    r"Founder|Co-founder|Owner|Partner|Officer|President|Chair|Buyer|Coordinator|Specialist|"
    r"Administrator|Executive|Advisor|Consultant)(?: of [A-Z][\w&]*(?: [A-Z][\w&]*){0,2})?"
    r"(?: at | @ | \| |, (?=[^)\n]{0,60}\)))"
    rf"(?P<org>{_ORG_WORD}(?: (?:&|of|de|do|da)?(?: )?{_ORG_WORD}){{0,4}})"
)


def employer_spans(text: str) -> list[tuple[int, int]]:
    """Organisations named right after a job title ("Director of Sales Ops at Trivandrum
    Softworks"): the people finder leaves them alone."""
    return [m.span("org") for m in _EMPLOYER.finditer(text)]
