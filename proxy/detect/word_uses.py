"""Mentions spread by propagation that the words around them show to be the ordinary word.

Propagation finds every mention of a name found elsewhere in the request. When that name is
also a word, a month, a place or a brand ("June Halvorsen", "Sage Whitlock", "ירדן", "أمل"),
some of its other mentions are the word: "closes June 12", "migrating from Sage", "the
Hilton", "המשלוח לירדן", "عندنا أمل" (we have hope). Only positive evidence of the word drops
a mention; a bare lone mention stays a name, since a leaked first name is the worse error.
"""

from __future__ import annotations

import re

from proxy.detect.context import BRANDS, COUNTRIES, MONTHS, PLACES
from proxy.detect.lexicon import AMBIGUOUS, NameLexicon
from proxy.detect.organisations import known_organisations, outside
from proxy.detect.places import PLACES as ADDRESS_PLACES

# A day after a month ("June 12", "April 30th"), a day or "month" before it.
_DAY_AFTER = re.compile(r" \d{1,2}(?:st|nd|rd|th)?\b")
_DAY_BEFORE = re.compile(r"(?:\b\d{1,2}\.?|\bde|ב?חודש|شهر) $")
# The article or a preposition of place or means before a place, country or brand.
_THE_BEFORE = re.compile(r"\bthe $", re.IGNORECASE)
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|on|for|from|via|into|across|near|using|out of|based in|and)$", re.IGNORECASE
)
# A lower-case noun after a brand or place name ("Chase card", "Dell laptops", "Jordan office").
_NOUN_AFTER = re.compile(
    r" (?:office|offices|branch|team|laptops?|servers?|vans?|cars?|trucks?|fleet|software|"
    r"licen[cs]es?|subscription|market|border|airport|port|hotel|store|stores|app|platform|"
    r"bank|card|cards|account|accounts|gold|period|soap|products?|lines?)\b"
)
# Hebrew: "in" glued to the word ("באביב", in spring) or a construct noun before "of" ("שירה
# של ביאליק", Bialik's poetry). Names take neither. (The article, "הגיל", is evidence for any
# word: see `_word_use`.)
_HEBREW_WORD_PREFIXES = ("ב", "וב", "שב")
_OF_AFTER = re.compile(r" של ")
# Arabic: words after which a name that is also a word is that word ("عندنا أمل", we have
# hope; "رمضان كريم"; "عيد سعيد"; "مو راضي", not willing).
_ARABIC_WORD_BEFORE = re.compile(
    r"(?:^|[\s،,.])(?:عندنا|عندي|عنده|عندهم|على|كل|بكل|رمضان|عيد|جمعة) $"
)
# ... a currency before its country's adjective ("دينار بحريني", "ريال عماني"), and an
# indefinite noun that such adjectives describe ("يوم سعيد", a happy day; "راجل كريم", a
# generous man; "العرض صالح", the offer is valid).
_ARABIC_ADJECTIVE_BEFORE = re.compile(
    r"(?:^|[\s،,.\d])(?:مو|مش|مب|موب|غير|جدا|جداً|كتير|كثير|اكثر|أكثر|"
    r"دينار|دنانير|ريال|ريالات|درهم|دراهم|جنيه|ليرة|دولار|روبية|شلن|فرنك|تومان|"
    r"يوم|عام|سفر|حظ|راجل|رجل|شخص|انسان|إنسان|عرض|العرض|خبر|وقت|شي|شيء|لون|شكل|كلام|منظر|شغل) $"
)
# "Very" after an adjective (MSA "جداً", Egyptian "أوي"): never after a name. Not the words
# that also mean "a lot" or "once" ("كتير", "مرة"): "حكيت مع سعيد كتير" is Said.
_ARABIC_VERY_AFTER = re.compile(r" (?:جدا|جداً|جدًا|أوي|اوي)(?![\u0600-\u06ff])")


def drop_word_uses(
    text: str, found: list[tuple[int, int]], lex: NameLexicon
) -> list[tuple[int, int]]:
    """`found` (propagated mentions in `text`) without those that read as the word."""
    kept = [(s, e) for s, e in found if not _word_use(text, s, e, lex)]
    if not kept:
        return kept
    known = known_organisations(text)
    return outside(text, kept, known) if known else kept


def _word_use(text: str, start: int, end: int, lex: NameLexicon) -> bool:
    first = text[start]
    # Evidence whatever the word: Hebrew names never take the article ("היובל", the jubilee),
    # and Arabic negations and intensifiers only come before adjectives ("مو راضي").
    if "\u0590" <= first <= "\u05ff" and _glued_prefix(text, start).endswith("ה"):
        return True
    if "\u0600" <= first <= "\u06ff" and adjective(text, start, end):
        return True
    word = text[start:end].casefold()
    listed = word in PLACES or word in COUNTRIES or word in BRANDS
    if not listed and not lex.flags.get(word, 0) & AMBIGUOUS and word not in lex.common:
        return False
    if month_day(text, start, end):
        return True
    if "\u0590" <= first <= "\u05ff":
        glued = _glued_prefix(text, start)
        if glued and (word in PLACES or word in COUNTRIES or word in ADDRESS_PLACES):
            return True  # "לישראל", "בחיפה": to, in or from the place
        return glued in _HEBREW_WORD_PREFIXES or _OF_AFTER.match(text, end) is not None
    if "\u0600" <= first <= "\u06ff":
        return _ARABIC_WORD_BEFORE.search(text, max(0, start - 12), start) is not None
    before = text[max(0, start - 12) : start]
    if _THE_BEFORE.search(before) or _NOUN_AFTER.match(text, end):
        return True
    return listed and _PLACE_BEFORE.search(before.rstrip(" ")) is not None and before[-1:] == " "


def adjective(text: str, start: int, end: int) -> bool:
    """True when an Arabic negation, intensifier, currency or indefinite noun comes right
    before `start` ("مو راضي", not willing; "دينار بحريني", Bahraini dinar; "يوم سعيد", a
    happy day), or "very" right after `end` ("سعيد جداً", very happy): the word there is an
    adjective, whatever name it also is."""
    return (
        _ARABIC_ADJECTIVE_BEFORE.search(text, max(0, start - 10), start) is not None
        or _ARABIC_VERY_AFTER.match(text, end) is not None
    )


def _glued_prefix(text: str, start: int) -> str:
    """The Hebrew prefix letters written onto the word that starts (after them) at `start`."""
    k = start
    while k > 0 and "\u05d0" <= text[k - 1] <= "\u05ea":
        k -= 1
    return text[k:start]


def month_day(text: str, start: int, end: int) -> bool:
    """True when `text[start:end]` is a month name with a day after or before it ("June 12",
    "15 محرم", "3 Eylül sonuna"), or after the word "month" ("חודש ניסן", "شهر رجب")."""
    if text[start:end].casefold() not in MONTHS:
        return False
    return (
        _DAY_AFTER.match(text, end) is not None
        or _DAY_BEFORE.search(text, max(0, start - 8), start) is not None
    )
