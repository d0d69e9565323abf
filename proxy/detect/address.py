"""Street addresses: English, German, French, Hebrew, Arabic and UAE styles, and PO boxes.

An address is anchored on a street word (Street, Ave, straße, rue, רחוב, شارع...) next to a
house number, then extended over the unit, city and postcode that follow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from proxy.detect.gates import CueGates, LeadFinder, matches_at
from proxy.detect.spans import EntityType, Span

_CAP = r"(?:[A-Z\u00c0-\u024f][\w'’.-]*|\d+(?:st|nd|rd|th))"
_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Row|Circle|Cir|Trail|"
    r"Mews|Gardens|Grove|Hill|Walk|Parade|Esplanade|Quay|Wharf|Alley|Broadway"
)
_UNIT = (
    r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Level|Office|Bldg|Building|#)"
    r"\.?\s*#?[\w-]{1,6})"
)
_CITY_TAIL = (
    r"(?:,\s*(?:[A-Z][a-z\u00e0-\u024f'’-]+(?:[ -][A-Z][a-z\u00e0-\u024f'’-]+){0,2}))?"
    r"(?:,?\s*(?:[A-Z]{2,3}\s+)?(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}))?"
    r"(?:,\s*(?:USA|US|UK|United States|United Kingdom|Australia|Germany|France|Israel|UAE|"
    r"United Arab Emirates|Canada|Ireland|India|Nigeria))?"
)
ENGLISH = re.compile(
    rf"\d(?<![A-Za-z0-9_-]\d)\d{{0,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+(?:{_CAP}\s+){{1,4}}(?:{_SUFFIX})\b\.?"
    rf"(?:\s+(?:North|South|East|West|NW|NE|SW|SE|N|S|E|W)\b)?{_UNIT}?{_CITY_TAIL}"
)
# Name first, number after ("Rothschild Blvd 22, Tel Aviv", "Herzl St. 15"): found from the
# suffix + number, then extended back over up to three capitalised words.
NUMBER_AFTER = re.compile(
    rf"(?:{_SUFFIX})\.?\s+\d{{1,4}}[A-Za-z]?\b{_UNIT}?"
    r"(?:,\s*[A-Z][a-z\u00e0-\u024f'’-]+(?:[ -][A-Z][a-z\u00e0-\u024f'’-]+){0,2})?"
    r"(?:,?\s*\d{4,7})?"
)
_NAME_BEFORE = re.compile(r"(?:[A-Z\u00c0-\u024f][\w'’.-]*\s+){1,3}$")
# German street words are compounds ("Hauptstraße 12"): found from the suffix + number, then
# extended back to the start of the capitalised word.
GERMAN = re.compile(
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer)"
    r"\s+\d{1,4}\s?[a-z]?\b(?:,?\s*\d{5}\s+[A-ZÄÖÜ][\wäöüß-]+)?"
)
_WORD_BEFORE = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*$")
FRENCH = re.compile(
    r"\d(?<![A-Za-z0-9_]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Bb]oulevard|"
    r"[Bb]d|[Pp]lace|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Rr]oute|[Cc]ours)\s+(?:(?:de|du|des|la|le|l'|d')\s*)?[\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){0,3}"
    r"(?:,?\s*\d{5}\s+[A-ZÉ][\w'’-]+)?"
)
# HEBREW and ARABIC start at the street word itself, so `re` skips ahead to its first letters
# instead of trying the pattern at every position; the optional lead (a Hebrew prefix letter,
# an Arabic villa/flat number) is added back by `_HEBREW_LEAD` / `_ARABIC_LEAD`.
HEBREW = re.compile(
    r"(?:רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|כיכר)\s+"
    r"[\u0590-\u05ff\"'׳״-]+(?:\s+[\u0590-\u05ff\"'׳״-]+){0,2}?\s*\d{1,4}[א-ת]?"
    r"(?:\s*,?\s*(?:דירה|קומה)\s*\d+)*"
    r"(?:\s*,\s*[\u0590-\u05ff\"'׳״-]+(?:[ -][\u0590-\u05ff]+){0,2})?"
)
_HEBREW_LEAD = "בלמ"
_ARABIC_LEAD = re.compile(r"(?:فيلا|شقة|مبنى|بناية|عمارة)\s+(?:رقم\s+)?\d+\s*[،,]?\s*$")
ARABIC = re.compile(
    r"(?:شارع|طريق|حي|منطقة)\s+(?:رقم\s+)?[\u0600-\u06ff\d]+(?:\s+[\u0600-\u06ff]+){0,2}"
    r"(?:\s*(?:رقم\s*)?\d{1,5})?(?:\s*[،,]\s*[\u0600-\u06ff]+(?:\s+[\u0600-\u06ff]+){0,2})?"
)
UAE = re.compile(
    r"(?:Villa|Flat|Apartment|Apt|Office|Unit|Shop|Building|Bldg|Plot)\s+(?:No\.?\s*)?"
    r"[\w-]{1,5},\s*(?:Street|St|Road|Rd)\.?\s+\d{1,4}[A-Z]?"
    r"(?:,\s*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}){0,3}"
)
PO_BOX = re.compile(
    r"(?:P\.?\s?O\.?\s?(?:Box|BOX|box)|Post Office Box|PMB|ת\.?\s?ד\.?|ص\.?\s?ب\.?|صندوق بريد)"
    r"\s*:?\s*\d{1,7}(?:,?\s*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})?"
)


_UNIT_BEFORE = re.compile(r"(?:Suite|Apt|Unit|Flat|Level)\s*\w{1,5},?\s+$")
# Substrings without which a pattern cannot match: a substring test is far cheaper than a scan.
# ENGLISH starts with a digit, which `re` already skips to quickly; FRENCH does too, but its
# street words are rarer than digits, so a substring test on them pays for itself.
_GATES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (ENGLISH, ("",)),
    (NUMBER_AFTER, ("",)),
    (
        FRENCH,
        (
            *("rue", "avenue", "av.", "boulevard", "bd", "place", "chemin", "allée"),
            *("impasse", "quai", "route", "cours"),
        ),
    ),
    (
        GERMAN,
        tuple(
            ["straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm", "ufer"]
        ),
    ),
    (HEBREW, tuple(["רחוב", "רח'", "רח׳", "שדרות", "שד'", "שד׳", "דרך", "סמטת", "כיכר"])),
    (ARABIC, tuple(["شارع", "طريق", "حي", "منطقة"])),
    (
        UAE,
        tuple(
            [
                "villa",
                "flat",
                "apartment",
                "apt",
                "office",
                "unit",
                "shop",
                "building",
                "bldg",
                "plot",
            ]
        ),
    ),
    (PO_BOX, tuple(["box", "pmb", "ת.ד", "תד", "ص.ب", "صب", "صندوق"])),
)


_DIGIT = re.compile(r"\d")
_OPEN = CueGates([cues for _, cues in _GATES])
# These patterns start with one of their cues (in some letter case): they are tried only where
# one occurs, rather than at every position whose letter could begin one.
_STARTS_WITH_CUE = frozenset([GERMAN, HEBREW, ARABIC, UAE])
_CUES = LeadFinder([tuple(c for c in cues if c) for _, cues in _GATES])


def _glued_before(text: str, start: int) -> bool:
    """True when a word runs into `start`; a Hebrew prefix letter ("ב60 Kings Road") does not."""
    before = text[start - 1] if start else " "
    return before.isalnum() and not "\u0590" <= before <= "\u05ff"


def find_addresses(text: str) -> Iterator[Span]:
    """Street addresses and PO boxes in the supported styles."""
    lowered = text.lower()
    # Where each group's cues occur (offsets of the text, unless lower case changed its length).
    cued = _CUES.starts(lowered) if len(lowered) == len(text) else None
    gates = _OPEN.open(lowered) if cued is None else set()
    digits = _DIGIT.search(text) is not None  # every pattern but ARABIC needs a house number
    for index, (rx, cues) in enumerate(_GATES):
        if not (digits or rx is ARABIC):
            continue
        matches: Iterable[re.Match[str]]
        if cued is None:
            matches = rx.finditer(text) if index in gates else ()
        elif "" in cues:
            matches = rx.finditer(text)
        elif rx in _STARTS_WITH_CUE:
            matches = matches_at(rx, text, cued[index])
        else:
            matches = rx.finditer(text) if cued[index] else ()
        for m in matches:
            start = m.start()
            if rx is HEBREW:
                if start and text[start - 1] in _HEBREW_LEAD:
                    start -= 1
            elif rx is ARABIC:
                lead = _ARABIC_LEAD.search(text, max(0, start - 40), start)
                start = lead.start() if lead else start
            glued = _glued_before(text, start)
            if glued and rx not in (ENGLISH, NUMBER_AFTER, GERMAN):
                continue
            value = m.group().rstrip(" ,.،")
            if rx is ENGLISH:
                unit = _UNIT_BEFORE.search(text, max(0, start - 24), start)
                start = unit.start() if unit else start
            elif rx is GERMAN:
                word = _WORD_BEFORE.search(text, max(0, start - 40), start)
                if word is None or _glued_before(text, word.start()):
                    continue
                start = word.start()
            elif rx is NUMBER_AFTER:
                if glued:
                    continue
                name = _NAME_BEFORE.search(text, max(0, start - 60), start)
                if name is None:
                    continue
                start = name.start()
            if any(ch.isdigit() for ch in value) or rx is ARABIC:
                yield Span(start, m.start() + len(value), EntityType.ADDRESS, 1.0, "address")
