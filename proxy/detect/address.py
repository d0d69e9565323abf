"""Street addresses in many countries' styles, and PO boxes.

An address is found from an anchor, then stretched over the parts written around it.

Anchors:
- a street word next to a house number, in English order (221B Baker Street), number-after
  order (Herzl St. 15), with a leading street word (Via Roma 12, Calle de Alcalá 45,
  ul. Marszałkowska 10, Derech Begin 132), as a German/Dutch/Nordic compound
  (Friedrichstraße 43, Keizersgracht 123), in Hebrew (רחוב הרצל 12) or Arabic (شارع الملك فهد);
- a numbered part before a postcode and city (Am Kupfergraben 6, 10117 Berlin);
- a unit or villa number, or a street without a number, leading comma-separated parts that end
  in a known city or a postcode (Flat 402, Al Reem Tower, Al Reem Island, Abu Dhabi);
- a label or key (Address:, "shipping_address":, כתובת:, العنوان:), whose value is taken whole;
- PO boxes.

Stretching: back over unit and building parts ("Flat 3, ", "Prestige Towers, "), forward over
comma-separated district, city, state, postcode and country parts, and over a following
"City, ST 12345" line of a written address block. A part that reads as a date or weekday,
or as ordinary words, stops it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

import ahocorasick

from proxy.detect.gates import CueGates
from proxy.detect.spans import EntityType, Span

_CAP = r"(?:[A-Z\u00c0-\u024f][\w'’.-]*|\d+(?:st|nd|rd|th))"
_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Row|Circle|Cir|Trail|"
    r"Mews|Gardens|Grove|Hill|Walk|Parade|Esplanade|Quay|Wharf|Alley|Broadway|Loop|Heights|"
    r"Rise|Ridge|Expressway|Expy|Freeway|Fwy|Pike|Turnpike|Plaza|Marg|Nagar|Estate|Crossing|"
    r"Vale|Green|Gate|Path|Park"
)
_UNIT = (
    r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Level|Office|Bldg|Building|#)"
    r"\.?\s*#?[\w-]{1,6})"
)
_CITY_TAIL = (
    r"(?:,\s*(?:[A-Z][a-z\u00e0-\u024f'’-]+(?:[ -][A-Z][a-z\u00e0-\u024f'’-]+){0,2}))?"
    r"(?:,?\s*(?:[A-Z]{2,3}\s+)?(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}))?"
)
ENGLISH = re.compile(
    rf"\d(?<![A-Za-z0-9_-]\d)\d{{0,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+(?:{_CAP}\s+){{1,4}}(?:{_SUFFIX})\b\.?"
    rf"(?:\s+(?:North|South|East|West|NW|NE|SW|SE|N|S|E|W)\b)?{_UNIT}?{_CITY_TAIL}"
    r"(?:\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
)
# Name first, number after ("Rothschild Blvd 22, Tel Aviv", "Herzl St. 15"): found from the
# suffix + number, then extended back over up to three capitalised words.
NUMBER_AFTER = re.compile(
    rf"(?:{_SUFFIX})\.?\s+\d{{1,4}}[A-Za-z]?\b{_UNIT}?"
    r"(?:,\s*[A-Z][a-z\u00e0-\u024f'’-]+(?:[ -][A-Z][a-z\u00e0-\u024f'’-]+){0,2})?"
    r"(?:,?\s*\d{4,7})?"
)
_NAME_BEFORE = re.compile(r"(?:[A-Z\u00c0-\u024f][\w'’.-]*\s+){1,3}$")
# A leading street word (Romance, Slavic, transliterated Hebrew and Arabic...), then the
# street's name and its number. The words that are also ordinary English ("Via Zoom 2",
# "Plaza 3") only count when a city or postcode follows (`_WEAK_LEADS`).
_LEADS = (
    "Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|Calle|Carrer|Avenida|Avda\\.?|Av\\.|Paseo|"
    "Camino|Carretera|Rua|Travessa|Praça|Alameda|Estrada|Rodovia|ul\\.|ulica|al\\.|Aleja|"
    "Rehov|Rechov|Rehob|Derech|Sderot|Shderot|Sharia|Jalan|Jl\\.|Ulitsa|Prospekt|Strada|"
    "Bulevardul|Calea|Rue|Avenue"
)
_WEAK_LEADS = frozenset(
    [
        "via",
        "corso",
        "largo",
        "paseo",
        "camino",
        "plaza",
        "alameda",
        "estrada",
        "al.",
        "aleja",
        "strada",
        "calea",
        "avenue",
    ]
)
_ARTICLE = r"(?:de|del|della|delle|dei|degli|di|da|das|dos|do|du|la|las|los|le|des)"
PREFIX_STREET = re.compile(
    rf"(?P<lead>{_LEADS})\s+(?:{_ARTICLE}\s+)*"
    rf"[A-Z\u00c0-\u024f][\w'’.-]*(?:\s+(?:{_ARTICLE}\s+)?[A-Z\u00c0-\u024f\d][\w'’.-]*){{0,3}}?"
    r",?\s*(?:n[º°o]\.?\s*|No\.?\s*|#\s*)?\d{1,4}[A-Za-z]?(?:[-/]\d{1,4})?\b"
)
# German, Dutch and Nordic street words are compounds ("Hauptstraße 12", "Keizersgracht 123"):
# found from the suffix + number, then extended back to the start of the capitalised word.
GERMAN = re.compile(
    r"(?:straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|straat|gracht|"
    r"laan|plein|kade|singel|gatan|vägen|gade|vej|veien|gata)"
    r"\s+\d{1,4}\s?[a-z]?\b(?:,?\s*\d{4,5}(?:\s?[A-Z]{2})?\s+[A-ZÄÖÜ][\wäöüß-]+)?"
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
# A postcode and its city (DE/FR/IT/ES 5 digits, NL "1015 CJ", PL "00-590", PT "1100-053",
# AT/CH/BE/DK 4 digits): an address when a numbered street part and a comma come right before
# it. The pattern starts at that comma, a literal `re` skips to (digits are ten times as many).
POSTCODE_CITY = re.compile(
    r",[ \t]*\d(?:\d{4}|\d{3} ?[A-Z]{2}|\d-\d{3}|\d{3}-\d{3}|\d{3})"
    r"\s+[A-Z\u00c0-\u024f][\w'’-]+(?:[ -][A-Z\u00c0-\u024f][\w'’-]+)?"
)
_NUMBERED_PART = re.compile(
    r"(?:(?:[A-Z\u00c0-\u024f][\w'’.-]*|ul\.|al\.|pl\.|am|an|im|auf|unter|den|der|dem|"
    rf"{_ARTICLE}|van|ter|op)\s+){{1,5}}\d{{1,4}}\s?[A-Za-z]?\s*,\s*$"
)
# A unit, villa or plot number, or a street written without its number, leading parts that
# end in a known city or a postcode.
UNIT_CHAIN = re.compile(
    r"(?:Villa|Flat|Apartment|Apt|Office|Unit|Shop|Suite|Building|Bldg|Plot|Block|"
    r"House|Door)\.?\s*(?:No\.?\s*)?#?\d[\w/-]{0,6}(?=\s*,)"
)
STREET_CHAIN = re.compile(rf"(?:{_SUFFIX})\b\.?(?=[ \t]*,)")
# A label or key whose value is an address, taken whole up to the end of its line or quote.
LABEL = re.compile(
    r"(?:(?:home|work|office|billing|shipping|mailing|postal|delivery|street|"
    r"physical|business|residential|registered|site|pickup|return|correspondence|permanent|"
    r"current|company|customer|client)[ _-]?address(?:[ _-]?(?:line)?[ _-]?[123])?|"
    r"address(?:[ _-]?(?:line)?[ _-]?[123])?|addr|street[ _-]?address|street|"
    r"ship(?:ping)?[ _-]to|deliver(?:y)?[ _-]to|adresse|direcci[oó]n|indirizzo|endere[cç]o|"
    r"anschrift|כתובת(?: (?:מגורים|למשלוח|משלוח|העסק|המשרד|הלקוח))?|הכתובת|العنوان|عنوان)"
    r"[\"']?[ \t]*[:=][ \t]*(?P<q>[\"']?)"
)
_LABEL_WORDS = ahocorasick.Automaton()
for _word in (
    *("address", "addr", "street", "ship", "deliver", "adresse", "direcci", "indirizzo"),
    *("endere", "anschrift", "כתובת", "הכתובת", "العنوان", "عنوان"),
):
    _LABEL_WORDS.add_word(_word, len(_word))
_LABEL_WORDS.make_automaton()
_WORD_END = re.compile(r"\w+$")
_LABEL_VALUE = re.compile(r"[^\n\"|;\t{}\[\]<>\\]{4,160}")
# A full stop and a capital end a sentence, unless the word before is an abbreviation.
_FULL_STOP = re.compile(r"(\w+)\.\s+(?=[A-Z\u0590-\u06ff])")
_ABBREVIATIONS = frozenset(
    [
        "st",
        "rd",
        "ave",
        "dr",
        "no",
        "blvd",
        "ln",
        "ct",
        "apt",
        "ste",
        "mt",
        "ft",
        "fl",
        "bldg",
        "pl",
        "sq",
        "hwy",
        "pkwy",
        "cres",
        "av",
        "bd",
        "str",
        "ul",
        "al",
    ]
)
_NOT_AN_ADDRESS = re.compile(r"(?i)@|https?:|www\.|^(?:n/?a|none|null|tbd|unknown|same\b)")

_PART_WORD = r"(?:[A-Z\u00c0-\u024f][\w'’-]*|\d[\w-]*)"
_PART = rf"{_PART_WORD}(?:[ -](?:{_PART_WORD}|{_ARTICLE}|al|el|on|upon))*"
_TAIL_PART = re.compile(rf"(?:[ \t]*[,،]|[ \t]+[-–])[ \t]*({_PART})")
# The next line of a written address block; a JSON-escaped "\n" counts as a line break.
_NEXT_LINE = re.compile(
    rf"[ \t]*(?:\r?\n|\\n)[ \t]*({_PART}(?:[ \t]*,[ \t]*{_PART})*)[ \t]*(?=\r?\n|\\n|$|\")"
)
_POSTCODE = re.compile(
    r"(?:\d{4,6}(?:-\d{3,4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4} ?[A-Z]{2}|\d{2}-\d{3})$"
)
_BOUNDARY = frozenset(",.;:)\n\r|\"'،")
_LEFT_PART = re.compile(
    r"(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Level|Office|Bldg|Building|Villa|Shop|"
    r"Plot|Block|Blk|House|Room|Rm|Door|Tower|No)\.?\s*(?:No\.?\s*)?#?[\w/-]{1,8}|"
    r"[A-Z]-?\d{1,5}[A-Z]?|"
    r"(?:[A-Z\u00c0-\u024f][\w'’-]*\s+){0,3}(?:Tower|Towers|Building|Plaza|House|Court|"
    r"Centre|Center|Residence|Residences|Heights|Complex|Mall|Block|Estate|Gardens|"
    r"Apartments)(?:\s+\d{1,3})?)\s*,\s*$"
)
_UNIT_BEFORE = re.compile(r"(?:Suite|Apt|Unit|Flat|Level)\s*\w{1,5}(?:,?\s+|/)$")
_MAX_PARTS = 4


def _sections() -> dict[str, frozenset[str]]:
    text = resources.files("proxy.detect").joinpath("data", "address_words.txt").read_text("utf-8")
    sections: dict[str, set[str]] = {}
    current: set[str] = set()
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        else:
            current.add(line.casefold())
    return {name: frozenset(words) for name, words in sections.items()}


_WORDS = _sections()
PLACES = _WORDS["cities"] | _WORDS["countries"]
_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "q1",
        "q2",
        "q3",
        "q4",
    ]
)


@lru_cache(maxsize=4096)
def _names_place(part: str) -> bool:
    """True when the part is, or ends in, a known city or country ("Downtown Dubai")."""
    words = part.rstrip(".").casefold().split()
    return any(" ".join(words[i:]) in PLACES for i in range(len(words)))


def _placeish(part: str) -> bool:
    last = part.rstrip(".").split()[-1] if part.strip() else ""
    return (
        _names_place(part)
        or _POSTCODE.search(part.rstrip(".")) is not None
        or (last[:1].isdigit() and len(last) >= 4)
    )


def _tail(text: str, end: int) -> tuple[int, bool]:
    """The end of the address after `end` (its comma-separated parts), and whether the last
    part taken is a city, country or postcode."""
    placed = False
    for _ in range(_MAX_PARTS):
        m = _TAIL_PART.match(text, end)
        if m is None:
            break
        part = m.group(1)
        words = part.split()
        if len(words) > 5 or words[0].casefold().rstrip(".") in _CALENDAR:
            break
        after = text[m.end() : m.end() + 1]
        known = _placeish(part)
        if not known and after and after not in _BOUNDARY:
            break
        end, placed = m.end(), known
    m = _NEXT_LINE.match(text, end)
    if m is not None:
        line = m.group(1)
        last = line.split(",")[-1].strip()
        postcode = _POSTCODE.search(last.rstrip(".")) is not None
        if (postcode or ("," in line and _placeish(last))) and (
            line.split()[0].casefold() not in _CALENDAR
        ):
            end, placed = m.end(), True
    return end, placed


def _head(text: str, start: int) -> int:
    """The start of the address before `start`: unit and building parts ("Flat 3, ")."""
    for _ in range(3):
        m = _LEFT_PART.search(text, max(0, start - 60), start)
        if (
            m is None
            or _glued_before(text, m.start())
            or text[m.start() - 1 : m.start()] in ("-", "+")
        ):
            break
        start = m.start()
    return start


def _glued_before(text: str, start: int) -> bool:
    """True when a word runs into `start`; a Hebrew prefix letter ("ב60 Kings Road") does not."""
    before = text[start - 1] if start else " "
    return before.isalnum() and not "\u0590" <= before <= "\u05ff"


def _street_spans(text: str, rx: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of the numbered street anchors found by `rx`."""
    for m in rx.finditer(text):
        start = m.start()
        value = m.group().rstrip(" ,.،")
        if rx is HEBREW:
            if start and text[start - 1] in _HEBREW_LEAD:
                start -= 1
        elif rx is ARABIC:
            lead = _ARABIC_LEAD.search(text, max(0, start - 40), start)
            start = lead.start() if lead else start
        glued = _glued_before(text, start)
        if glued and rx not in (ENGLISH, NUMBER_AFTER, GERMAN):
            continue
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
        elif (
            rx is PREFIX_STREET
            and m.group("lead").casefold() in _WEAK_LEADS
            and not _tail(text, m.end())[1]
        ):
            continue
        if any(ch.isdigit() for ch in value) or rx is ARABIC:
            yield start, m.start() + len(value)


def _postcode_spans(text: str) -> Iterator[tuple[int, int]]:
    """A numbered street part, a comma, then a postcode and city ("Am Kupfergraben 6, 10117
    Berlin")."""
    for m in POSTCODE_CITY.finditer(text):
        part = _NUMBERED_PART.search(text, max(0, m.start() - 60), m.start() + 1)
        if part is None or _glued_before(text, part.start()):
            continue
        yield part.start(), m.end()


def _chain_spans(text: str, rx: re.Pattern[str], parts: int) -> Iterator[tuple[int, int]]:
    """Anchors without a house number: kept only when at least `parts` parts follow and the
    last is a known city, country or postcode."""
    for m in rx.finditer(text):
        start = m.start()
        if rx is STREET_CHAIN:
            if start and text[start - 1].isalnum():
                continue
            name = _NAME_BEFORE.search(text, max(0, start - 60), start)
            if name is None:
                continue
            start = name.start()
        if _glued_before(text, start) or text[start - 1 : start] == "-":
            continue
        end, placed = _tail(text, m.end())
        crossed = text.count(",", m.end(), end) + text.count("،", m.end(), end)
        if placed and crossed >= parts:
            yield start, end


def _label_spans(text: str, lowered: str | None = None) -> Iterator[tuple[int, int]]:
    """The whole value after an address label or key (`lowered`: the text in lower case)."""
    lowered = text.lower() if lowered is None else lowered
    if len(lowered) != len(text):
        lowered = text  # a letter whose lower case is longer: offsets must hold
    tried: set[int] = set()
    for last, length in _LABEL_WORDS.iter(lowered):
        at = last + 1 - length
        # The label may open one word earlier ("home address", "billing_address").
        word = _WORD_END.search(lowered, max(0, at - 16), max(0, at - 1))
        starts = (word.start(), at) if word and at and lowered[at - 1] in " _-" else (at,)
        m = next((m for m in map(lambda c: LABEL.match(lowered, c), starts) if m), None)
        if m is None or m.end() in tried or (m.start() and lowered[m.start() - 1].isalnum()):
            continue
        tried.add(m.end())
        v = _LABEL_VALUE.match(text, m.end())
        if v is None:
            continue
        value = v.group()
        if m.start() and lowered[m.start() - 1] in "?&":
            # A URL query parameter: its value ends at the next parameter or space.
            value = re.split(r"[&\s]", value, maxsplit=1)[0]
        elif m.group("q"):
            close = value.find(m.group("q"))
            value = value[:close] if close >= 0 else value
        else:
            for stop in _FULL_STOP.finditer(value):
                if stop.group(1).casefold() not in _ABBREVIATIONS:
                    value = value[: stop.end(1)]
                    break
        value = value.rstrip(" ,.،")
        if _NOT_AN_ADDRESS.search(value) or not (
            any(ch.isdigit() for ch in value) or "," in value or "،" in value
        ):
            continue
        yield m.end(), m.end() + len(value)


# Substrings without which a pattern cannot match: one Aho-Corasick pass tells which to run.
_STREET_GATES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (ENGLISH, ("",)),
    (NUMBER_AFTER, ("",)),
    (
        PREFIX_STREET,
        (*(w.replace("\\", "").casefold() for w in _LEADS.split("|") if "?" not in w), "avda"),
    ),
    (
        FRENCH,
        (
            *("rue", "avenue", "av.", "boulevard", "bd", "place", "chemin", "allée"),
            *("impasse", "quai", "route", "cours"),
        ),
    ),
    (
        GERMAN,
        (
            *("straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "ring", "damm"),
            *("ufer", "chaussee", "straat", "gracht", "laan", "plein", "kade", "singel"),
            *("gatan", "vägen", "gade", "vej", "veien", "gata"),
        ),
    ),
    (HEBREW, ("רחוב", "רח'", "רח׳", "שדרות", "שד'", "שד׳", "דרך", "סמטת", "כיכר")),
    (ARABIC, ("شارع", "طريق", "حي", "منطقة")),
    (UAE, ("villa", "flat", "apartment", "apt", "office", "unit", "shop", "building", "bldg")),
    (PO_BOX, ("box", "pmb", "ת.ד", "תד", "ص.ب", "صب", "صندوق")),
)
_OTHER_GATES: tuple[tuple[str, ...], ...] = (
    ("",),  # postcode + city
    (
        *("villa", "flat", "apartment", "apt", "office", "unit", "shop", "suite", "building"),
        *("bldg", "plot", "block", "house", "door"),
    ),
    ("",),  # street chain
    ("addr", "street", "ship", "deliver", "adresse", "direcci", "indirizzo", "endere"),
    ("anschrift", "כתובת", "عنوان"),
)
_OPEN = CueGates([cues for _, cues in _STREET_GATES] + list(_OTHER_GATES))
_DIGIT = re.compile(r"\d")


def find_addresses(text: str) -> Iterator[Span]:
    """Street addresses and PO boxes in the supported styles."""
    lowered = text.lower()
    gates = _OPEN.open(lowered)
    digits = _DIGIT.search(text) is not None  # only ARABIC and labels can do without one
    found: list[tuple[int, int]] = []
    for index, (rx, _) in enumerate(_STREET_GATES):
        if index in gates and (digits or rx is ARABIC):
            found.extend(_street_spans(text, rx))
    base = len(_STREET_GATES)
    if digits:
        found.extend(_postcode_spans(text))
        if base + 1 in gates:
            found.extend(_chain_spans(text, UNIT_CHAIN, 2))
    if "," in text or "،" in text:
        found.extend(_chain_spans(text, STREET_CHAIN, 1))
    if base + 3 in gates or base + 4 in gates:
        found.extend(_label_spans(text, lowered))
    stretched: list[tuple[int, int]] = []
    for start, end in found:
        end = _tail(text, end)[0]
        start = _head(text, start)
        while end > start and text[end - 1] in " ,.،":
            end -= 1
        stretched.append((start, end))
    # Two anchors of one address (its label and its street) become one span.
    merged: list[list[int]] = []
    for start, end in sorted(stretched):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield Span(start, end, EntityType.ADDRESS, 1.0, "address")
