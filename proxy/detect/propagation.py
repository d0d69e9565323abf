"""Propagation: every mention of a name found anywhere in a request, in every text.

Name parts found in one text (and name parts of email local parts) go into one Aho-Corasick
automaton for the whole request, so a lone first name three messages later is found too, in
one pass per text whatever the number of names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from proxy.detect.automaton import Automaton
from proxy.detect.casing import lower_same_length
from proxy.detect.context import (
    ARABIC_PREFIX_LETTERS,
    COMPANY_WORDS,
    HEBREW_PREFIX_LETTERS,
    NEVER_NAMES,
    PARTICLES,
)
from proxy.detect.cues import PERSON_THINGS
from proxy.detect.lexicon import AMBIGUOUS, NameLexicon
from proxy.detect.organisations import opens_a_business

# Indic and Thai vowel signs and viramas are marks, not `\w`, but inside a word ("शर्मा").
_MARKED_SCRIPTS = "\u0900-\u0dff\u0e00-\u0eff"
_SPLIT = re.compile(rf"[^\w'’{_MARKED_SCRIPTS}-]+")
_WORD = r"(?: &)? ([^\W\d_][\w'’.\"״׳-]*)"
# The (up to) three words after a name part, in one match: none of them can give back
# characters to the next (a word never holds the space that starts the next one).
_NEXT_WORDS = re.compile(rf"{_WORD}(?:{_WORD}(?:{_WORD})?)?")
# What follows a name part written in lower case that only a person has or is ("what's
# hunter's cell", "will = Commercial Director"): then it is the name, not the word.
_LOWER_NAME_AFTER = re.compile(rf"(?:'s|’s) (?:{'|'.join(PERSON_THINGS)}|team)\b| = [A-Z]")
# A greeting, a contact verb or a title right before a name part written in lower case (a
# voicemail transcript's "hi dawn", "spoke w/ rose", "ma'am marites"): the name again. Not
# "thanks" nor a comma: "thanks will do", "hi, will do".
_LOWER_NAME_BEFORE = re.compile(
    r"(?:^|[^\w'’])(?:hi|hey|hello|dear|spoke w/|spoke with|spoke to|talked to|met with|"
    r"ask for|ma'am|ma’am|sir) $"
)
_POSSESSIVE = ("'s ", "’s ")
_HE_PREFIX = HEBREW_PREFIX_LETTERS
_AR_PREFIX = ARABIC_PREFIX_LETTERS


def name_parts(names: Iterable[str], lex: NameLexicon) -> dict[str, bool]:
    """Name part (casefolded) -> True when it must match with its capital (ambiguous words)."""
    parts: dict[str, bool] = {}
    for name in names:
        for part in _SPLIT.split(name):
            part = part.strip("'’-")
            low = part.casefold()
            # Exactness depends on the casefolded part alone: a part seen before (most of
            # them: "Khalid" of "Khalid Al Nuaimi" and of "Khalid") is settled already.
            if low in parts or len(part) < 2 or low in PARTICLES or low in NEVER_NAMES:
                continue
            parts[low] = bool(lex.flags.get(low, 0) & AMBIGUOUS) or low in lex.common
    return parts


# Word characters stay, everything else becomes a space (same length, so offsets hold); then
# " term " keys only ever match whole words.
_NON_WORD = re.compile(rf"[^\w{_MARKED_SCRIPTS}]|_")
# The same for a whole text in two cheap steps: the ASCII ones by one byte table over its
# UTF-8 (whose multi-byte letters hold no ASCII byte), then the few other ones by a scan that
# rarely matches. A substitution of every non-word character cost 5 times as much.
_ASCII_WORD_OR_SPACE = bytes(b if chr(b).isalnum() or b >= 0x80 else 0x20 for b in range(256))
_NON_ASCII_NON_WORD = re.compile(rf"[^\x00-\x7f\w{_MARKED_SCRIPTS}]")
_HE_PREFIXES = [
    *_HE_PREFIX,
    *(a + b for a in _HE_PREFIX for b in _HE_PREFIX),
    *("וכש", "ושמ", "ושל", "ושב", "ומש", "ולמ", "ושה", "כשה", "שכש", "ומה", "ולכ"),
]


_HE_ALLOWED = frozenset(["", *_HE_PREFIXES])
_AR_ALLOWED = frozenset(["", *_AR_PREFIX])
_NO_PREFIX: frozenset[str] = frozenset()


class Propagator:
    """Finds whole-word mentions of the request's name parts in one automaton pass."""

    def __init__(self, parts: dict[str, bool]) -> None:
        self._exact = parts
        keys: list[tuple[str, tuple[frozenset[str], int, bool]]] = []
        for term in parts:
            spaced = _NON_WORD.sub(" ", term)  # "min-jun" as the text reads
            if "\u0590" <= term[0] <= "\u05ff" or "\u0600" <= term[0] <= "\u06ff":
                # Hebrew and Arabic words carry prefix letters: the key is the word's end,
                # and the letters before it are checked on the match (one key per term: a
                # key per prefix made building the automaton a quarter of a short request).
                key = f"{spaced} "
                allowed = _HE_ALLOWED if term[0] <= "\u05ff" else _AR_ALLOWED
            else:
                key, allowed = f" {spaced} ", _NO_PREFIX
            keys.append((key, (allowed, len(term), parts[term])))
        self._automaton = Automaton(keys, for_one_request=True)

    def find(self, text: str) -> list[tuple[int, int]]:
        """Spans of name parts; a Hebrew/Arabic one- or two-letter prefix is left out."""
        if not self._exact:
            return []
        spaced = f" {_words_only(lower_same_length(text))} "
        out: list[tuple[int, int]] = []
        terms = self._automaton.values
        for key, at, _ in self._automaton.find(spaced):
            allowed, size, exact = terms[key]
            # `spaced` is `text` shifted by one: the key starts at `at`, and the term's first
            # letter is at `begin` in `spaced`, at `begin - 1` in `text`.
            begin = at + (allowed is _NO_PREFIX)
            if allowed is not _NO_PREFIX:
                word = spaced.rfind(" ", max(0, begin - 4), begin) + 1
                if not word or spaced[word:begin] not in allowed:
                    continue
            start = begin - 1
            end = start + size
            if (
                exact
                and text[start].islower()
                and not _LOWER_NAME_AFTER.match(text, end)
                and not _LOWER_NAME_BEFORE.search(text, max(0, start - 12), start)
            ):
                continue  # caseless scripts pass; "will" only as "will = Commercial Director"
            if text[end : end + 1] == " " and _names_a_company(text, end):
                continue
            if text.startswith(_POSSESSIVE, end) and _names_a_company(text, end + 2):
                continue  # "Rahim's Kitchen", "Zoe's Kitchen"
            if _after_company_lead(text, start):
                continue
            out.append((start, end))
        return out


def _words_only(text: str) -> str:
    """`text` with every non-word character (and "_") as a space: `_NON_WORD.sub(" ", text)`."""
    raw = text.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_OR_SPACE)
    spaced = raw.decode("utf-8", "surrogatepass")
    return spaced if text.isascii() else _NON_ASCII_NON_WORD.sub(" ", spaced)


def _names_a_company(text: str, end: int) -> bool:
    """True when the words right after `end` end in a company word ("Noor" of "Noor Trading
    FZE", "Haddad" of "Haddad Group"): a person's name used in an organisation's is not them.
    The caller has checked that a space follows `end` (every next word starts after one)."""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return False
    for word in m.groups():
        if word is None:
            return False
        word = word.rstrip(".")
        if word[0].islower():
            return False  # "Logan signs": a Latin business's trade word is capitalised
        if word.casefold() in COMPANY_WORDS or word.split('"')[0] in COMPANY_WORDS:
            return True
        if not word[0].isupper():
            return False  # lower case, or a caseless script: a trade comes right after
    return False


def _after_company_lead(text: str, start: int) -> bool:
    """True when the word right before `start` opens a business's name ("מוסך אבוטבול",
    "مجموعة المزروعي", "Maison Dubois"): a person's name used in a business's is not them."""
    before = text[max(0, start - 16) : start]
    if not before.endswith(" "):
        return False
    word = before[:-1].rsplit(None, 1)[-1] if before[:-1].strip() else ""
    return opens_a_business(word.lstrip("([\"'“«-–—").casefold())
