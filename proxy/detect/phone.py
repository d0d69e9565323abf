"""Phone numbers, international and national, validated by `phonenumbers`.

A cheap regex finds digit runs shaped like phone numbers and throws out dates, amounts,
versions, IPs and order numbers before the (slow) library is asked; its verdicts are cached.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from proxy.detect.spans import EntityType, Span

# Regions tried, in order, for numbers written without a country code.
REGIONS = (
    *("IL", "AE", "US", "GB", "DE", "FR", "IN", "NG", "AU", "SA", "CA"),
    *("EG", "JO", "LB", "KW", "QA", "BH", "OM", "TR", "KE", "ZA", "CN"),
    *("BR", "MX", "ES", "IT", "PK", "PH", "MA"),
)
# A country code may be written in parentheses ("(+972) 54-1234567") and a separator spaced
# ("054 - 123 4567"). A comma and digits after a number written with "+" or separators is a
# field boundary
# ("+46 70 123 45 67,12000" in a CSV row); after a bare digit run it may be a decimal comma.
# Without this, the regex backed off to a shorter prefix and the last digits leaked. An
# extension glued on ("0541234567x12") ends the number too.
CANDIDATE = re.compile(
    r"(?:\(\+\d{1,4}\)[ .-]?|\+|00)?(?:\(\d{1,5}\)[ .-]?)?"
    r"\d(?:(?:[ .\-/]| - )?\(?\d\)?|\) ?\d){5,17}"
    r"(?!(?!x\d{1,5}\b)[\w/]|\.\d|-\d|(?<=\d{6}),\d{1,2}(?![\d./-]))"
)
_GLUED = "_+./:#$€£₪-"
_EXTENSION = re.compile(
    r",?[ \t]*(?:ext\.?|extn\.?|extension|x|#|שלוחה|تحويلة|داخلي)[ \t]*:?[ \t]*\d{1,5}(?!\d)",
    re.IGNORECASE,
)
_LINK_LEADS = ("wa.me/", "tel:", "tel://", "callto:", "sms:", "phone=", "phone:")


def _glued(text: str, start: int) -> bool:
    """True when the digits continue a word or a number. Only a Latin, Greek or Cyrillic
    letter makes a code of them ("SKU0541234567"); in scripts whose words never hold ASCII
    digits, a letter before is a prefix or a glued label ("ל-", "ב", Amharic "በ", "手机")."""
    before = text[start - 1]
    if text[max(0, start - 7) : start].lower().endswith(_LINK_LEADS):
        return False  # "wa.me/972...", "tel:+972..."
    if before >= "\u0590" and before.isalpha():
        return False
    if before == "-" and start > 1 and "\u05d0" <= text[start - 2] <= "\u05ea":
        return False
    if before == ":" and start > 1 and text[start - 2].isalpha():
        return False  # a label ("TEL;CELL:053...", "手机：138...", "Mob:+971...")
    return before.isalnum() or before in _GLUED


# A date, alone or followed by a time ("25.06.2024 14" of "25.06.2024 14:00", "1446/08/04 - 09"
# of an activity log's "1446/08/04 - 09:20").
_DATE = re.compile(
    r"^\d{1,4}([./-])\d{1,2}\1\d{1,4}(?:\s(?:-\s)?\d{1,2})?$|^\d{4}\s?[-/]\s?\d{2,4}$"
)
_DECIMAL = re.compile(r"^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$|^\d+\.\d{1,2}$")
# The context patterns run on lower-cased slices without IGNORECASE: a case-insensitive
# alternation tried at every position of the slice is several times slower.
_NOT_PHONE_BEFORE = re.compile(
    # A Latin keyword must start a word ("Rashid " does not end in "id"); Hebrew and Arabic
    # ones may carry a prefix letter ("בהזמנה").
    r"(?:(?<![a-z])(?:order|invoice|inv|sku|ticket|ref|po|quote|deal|case|tracking|account|acct|serial|"
    r"version|ver|build|id|#|no[.:]|[$€£₪]|usd|eur|ils|aed|nis|gbp|zip|postcode|postal code|plz|"
    r"מיקוד|הזמנה|חשבונית|ח\.?פ\.?|ח\"פ|ע\.?מ\.?|ע\"מ|vat|trn|tax id|cr no\.?|"
    r"الرمز البريدي|فاتورة|طلب|السجل التجاري|الرقم الضريبي|"
    # Business references: a case, contract, policy, tender or offer number, and a company's
    # establishment number in the UAE ("رقم المنشأة ٢٠/٤٨٧٢١٥"). Not a licence or permit: those
    # may be a person's own.
    r"policy|claim|contract|tender|(?<![\u05d0-\u05ea])[בהל]?תיק|הוצל\"פ|הוצל״פ|פוליסה|חוזה|"
    r"מכרז|אסמכתא|العرض|المنشأة|المنشاة|القضية|العقد|المناقصة|البوليصة|المرجع|"
    # Dubai's Makani building locator: ten digits, often written 5 + 5, a place not a line.
    r"makani(?: number| no\.?)?|مكاني(?: رقم)?))"
    r"[\s:#.]{0,3}$"
)
_NOT_PHONE_AFTER = re.compile(
    r"^\s?(?:%|usd|eur|ils|aed|nis|gbp|k\b|m\b|₪|€|\$|units|users|seats)", re.I
)
_PHONE_CUE = re.compile(r"(?:tel|phone|mobile|mob|cell|whatsapp|call|fax|טל|נייד|هاتف|جوال|واتس)")


_PUNCTUATION = str.maketrans("", "", "+()./ -")


def _digits(value: str) -> int:
    """Digits in a candidate, which holds only digits and the phone punctuation "+()./ -"."""
    return len(value.translate(_PUNCTUATION))


@lru_cache(maxsize=4096)
def _is_phone(candidate: str, cued: bool) -> bool:
    digits = _digits(candidate)
    if not 7 <= digits <= 15:
        return False
    if candidate.startswith("(+"):
        candidate = candidate[1:].replace(")", "", 1)  # "(+972) 54-1234567"
    international = candidate.startswith(("+", "00"))
    if not international and digits < 8 and not cued:
        return False  # 7 digits alone are as often a postcode or a reference
    regions: tuple[str | None, ...] = (None,) if international else REGIONS
    value = "+" + candidate[2:] if candidate.startswith("00") else candidate
    # Written with a country code, a possible number is enough: test and fake numbers
    # outside allocated ranges are still somebody's data in the prompt.
    if _a_number_of(value, regions, possible=international or cued):
        return True
    if not international and _TRUNK_GROUPED.match(value) and 9 <= digits <= 12:
        return _a_number_of(value, _OTHER_REGIONS, possible=False)
    return False


def _a_number_of(value: str, regions: tuple[str | None, ...], *, possible: bool) -> bool:
    """True when `value` parses as a valid number of one of the `regions` (or, with
    `possible`, as a possible one)."""
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
        if possible and phonenumbers.is_possible_number(number):
            return True
    return False


# A national number written as one: a trunk "0", an area or mobile prefix, then groups
# ("(01) 892 3167" in Dublin, "092 747 0075" in Addis Ababa). Shaped like that and valid in
# some country outside `REGIONS`, it is a phone; a bare digit run is as often an ID.
_TRUNK_GROUPED = re.compile(r"\(?0\d{1,4}\)?[ .-]\d{2,4}[ .-]\d{2,4}(?:[ .-]\d{2,4})?$")
_OTHER_REGIONS: tuple[str | None, ...] = tuple(
    sorted(phonenumbers.SUPPORTED_REGIONS - set(REGIONS))
)


# Runs of digits and phone punctuation: one cheap scan; the candidate regex only runs in them.
ISLAND = re.compile(r"[+(\d][\d \-.()/+]{6,24}")


def _candidates(text: str) -> Iterator[re.Match[str]]:
    for island in ISLAND.finditer(text):
        pos, end = island.start(), island.end()
        while pos < end:
            m = CANDIDATE.match(text, pos)
            if m is None:
                pos += 1
                continue
            yield m
            pos = m.end()


def find_phones(text: str) -> Iterator[Span]:
    """Valid phone numbers; dates, amounts, versions and order numbers are skipped."""
    for m in _candidates(text):
        if m.start() and _glued(text, m.start()):
            continue
        value = m.group().rstrip(" .-/")
        while value.endswith(")") and value.count(")") > value.count("("):
            value = value[:-1].rstrip(" .-/")
        if not 7 <= _digits(value) <= 15 or _DATE.match(value) or _DECIMAL.match(value):
            continue
        before = text[max(0, m.start() - 16) : m.start()].lower()
        # A country code is a phone's own mark: "his no. +91 90004 71825" is his number, while
        # order, invoice and reference numbers never open with "+".
        not_before = not value.startswith("+") and _NOT_PHONE_BEFORE.search(before) is not None
        if not_before or _NOT_PHONE_AFTER.match(text, m.end()):
            continue
        if value.count(".") >= 3 and " " not in value:
            continue  # dotted quads and versions
        cued = _PHONE_CUE.search(text[max(0, m.start() - 24) : m.start()].lower()) is not None
        if _is_phone(value, cued):
            end = m.start() + len(value)
            ext = _EXTENSION.match(text, end)  # "ext. 214" reaches the person: it goes too
            yield Span(m.start(), ext.end() if ext else end, EntityType.PHONE, 1.0, "phone")
