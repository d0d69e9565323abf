"""Words around names: particles, titles, places, company words and words that are never names.

The lists live in `data/context_words.txt` (one entry per line, `[section]` headers) so they
can be reviewed and extended without touching code; they are read once at import.
"""

from __future__ import annotations

from proxy.detect.wordlists import read_sections

_LISTS = read_sections("context_words.txt")

PARTICLES = _LISTS["particles"]
# Words that open a kunya and are no particles ("أم يوسف", Umm Yousef; Gulf "بو راشد").
KUNYA_OPENERS = frozenset(["أم", "ام", "بو", "אום"])
# Places and months: ambiguous when also a name (Santiago, Sofia, June, Jun): a second signal
# is needed; otherwise ordinary words.
# Brands, holidays and languages (Atlas, Philips, Ramadan, Bangla) are treated alike.
BRANDS = _LISTS["brands"]
MONTHS = _LISTS["months"]
PLACES = _LISTS["places"] | MONTHS | BRANDS
# Multi-word organisations named after people ("morgan stanley", "marks & spencer").
ORGANISATIONS = _LISTS["organisations"]
COUNTRIES = _LISTS["countries"]
CURRENCY_CODES = _LISTS["currency_codes"]
# Towns, villages and holidays from GeoNames and the holidays package (built by
# bench/build_gazetteer.py). Those of several words ("גבעת שמואל", "Labor Day") never hold a
# person; the one-word ones that are not names ("מגאר", "Diwali") are ordinary words.
_GAZETTEER = read_sections("gazetteer.txt.gz")
NAMED_PHRASES = _GAZETTEER["phrases"]
PLACE_WORDS = _GAZETTEER["words"]
# One-word Latin names of towns of 15,000 people or more: many are names too (Bradford,
# Victoria), so they only settle a lone word where a town is written ("in Bradford").
TOWNS = _GAZETTEER["cities"]
# Festivals and named days of many cultures ("Mawlid", "Durga Puja", "הילולת בבא סאלי"): those
# of several words never hold a person, the one-word ones are never names.
HOLIDAYS = frozenset(h for h in _LISTS["holidays"] if " " in h)
# Titles announce a name and are never part of it; the rest are never names on their own.
NEVER_NAMES = (
    _LISTS["titles"] | _LISTS["never"] | frozenset(h for h in _LISTS["holidays"] if " " not in h)
)
# One-letter prefixes glued to Hebrew and Arabic words (and, the, in, to, from, that, as / and,
# in, to, so): a name or a place keeps its identity behind them.
HEBREW_PREFIX_LETTERS = "והבלמשכ"
ARABIC_PREFIX_LETTERS = "وبلف"
# Words that make the capitalised words before them a company ("Blue Yonder Airlines").
COMPANY_WORDS = _LISTS["company"]
# Words that make the words right after them a company (شركة الحداد, חברת כהן).
COMPANY_LEADS = _LISTS["company_lead"]
# Hebrew and Arabic words before a town's or a community's name (עיריית, מועצה אזורית, بلدية)
# and before a street's name (רחוב, شارع): what follows them is a place, not a person.
INSTITUTION_LEADS = _LISTS["institution_lead"]
STREET_LEADS = _LISTS["street_lead"]
TITLES = _LISTS["titles"]
