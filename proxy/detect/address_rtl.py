"""Hebrew and Arabic addresses, written as chains of typed parts in any order.

"حي النرجس، شارع الأمير محمد بن سعد، مبنى ٤٢١٧، الرياض ١٣٣٢٧", "האלון 3, כפר סבא",
"الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤": parts separated by "," or "،", each read whole as a
street, a unit or floor, a district, settlement or named building, a known city (with its
postcode), a postcode, a PO box, or a name and a number. `rtl_regions` says which lines hold
these scripts; `rtl_spans` finds the chains there. Used by `address.find_addresses`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from proxy.detect.automaton import Automaton
from proxy.detect.context import NAMED_PHRASES, PLACE_WORDS
from proxy.detect.lexicon import load_lexicon
from proxy.detect.places import ADDRESS_WORDS, PLACES

_MAX_PARTS = 6
_DIGIT = re.compile(r"\d")
# "عن طريق" / "على طريق" (by way of / on the road to): prose, not a street ("على شارع الحمرا",
# on Hamra Street, is one).
_NOT_A_STREET_BEFORE = re.compile(r"(?:عن|على)[ \t]+$")


def prose_way(text: str, start: int) -> bool:
    """True when the street word at `start` is "طريق" after "عن" or "على": a way, not a road."""
    return text.startswith("طريق", start) and (
        _NOT_A_STREET_BEFORE.search(text, max(0, start - 8), start) is not None
    )


# Hebrew and Arabic addresses are chains of typed parts separated by "," or "،", in any order
# ("حي النرجس، شارع الأمير محمد بن سعد، مبنى ٤٢١٧، الرياض ١٣٣٢٧", "האלון 3, כפר סבא",
# "الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤"). Each part is read whole as a street, a unit or
# floor, a district, settlement or named building, a known city (with its postcode), a
# postcode, a PO box, or a name and a number; an unknown name may sit between typed parts.
# `\d` takes the Arabic-Indic digits too. The first part may follow prose ("... على الشارقة،
# ...") and the last may run into prose ("... الجيزة بدل ..."): only their typed ends count.
_HE = "\u05d0-\u05ea"
_AR = "\u0621-\u063a\u0641-\u064a\u0671-\u06d3"
_AR_MARKS = "\u0640\u064b-\u065f\u0670"
# A Hebrew word's quote marks and dashes stand between its letters ("צה\"ל", "רמת-גן"), but
# for a final geresh ("ג'"); a quote after the last letter closes a JSON string or a quotation.
HE_WORD = rf"[{_HE}](?:[{_HE}]|[\"'׳״־-](?=[{_HE}]))*['׳]?"
_RTL_WORD = rf"(?:{HE_WORD}|[{_AR}][{_AR}{_AR_MARKS}]*)"
# A house number may carry a letter: "12א", "27ب".
_RTL_NUM = rf"\d{{1,5}}(?:[-/]\d{{1,4}})?(?:[{_HE}{_AR}](?![{_HE}{_AR}]))?"
# Street words; the ones that are also ordinary words ("דרך" way, "כיכר", "שביל", "מעלה",
# Tunisian "نهج", also an approach; Persian "میدان", also a field) are streets only with a
# house number, and "طريق" (way) only as a whole part or with one. Persian streets, alleys
# and boulevards: "خیابان", "کوچه", "بلوار"; Urdu lanes and roads: "گلی", "سڑک", "روڈ".
_RTL_STREET_WORD = (
    r"(?:[הבלמו]{0,2}(?:רחוב|רח['׳]|שדרות|שדרת|שד['׳]|סמטת|סמ['׳]|דרך|כיכר|ככר|שביל|טיילת|מעלה)|"
    r"[وبفل]?(?:ال)?(?:شارع|طريق|جادة|زقاق|سكة|زنقة|درب|نهج)|ش\.|"
    r"(?:خیابان|کوچه|بلوار|بزرگراه|میدان)|(?:گلی|سڑک|روڈ|سٹریٹ|اسٹریٹ))"
)
_RTL_WEAK_STREET = re.compile(r"(?:דרך|כיכר|ככר|שביל|מעלה|طريق|نهج|میدان)$")
_RTL_UNIT_WORD = (
    r"(?:[הבל]?(?:דירה|דירת|קומה|קומת|כניסה|בניין|בנין|מבנה|מגדל|אגף|משק|חדר|משרד|יחידה|חנות|"
    r"בית|מיקוד)|[وب]?(?:ال)?(?:فيلا|شقة|مبنى|بناية|عمارة|برج|طابق|دور|مكتب|محل|بلوك|قطعة|"
    r"مربع|منزل|وحدة|مجمع)|(?:پلاک|طبقه|واحد|ساختمان)|(?:مکان|پلاٹ|فلیٹ|دکان))"
)
_RTL_FLOOR_WORD = r"(?:[הב]?(?:קומה|קומת)|[وب]?(?:ال)?(?:طابق|دور))"
_RTL_ORDINAL = (
    r"(?:ה?(?:קרקע|ראשונה|שנייה|שניה|שלישית|רביעית|חמישית|שישית|שביעית|שמינית|תשיעית|עשירית|"
    r"ראשון|שני|שלישי|רביעי|חמישי|שישי|שביעי|שמיני|תשיעי|עשירי|עליונה|תחתונה)|"
    r"(?:ال)?(?:أول|اول|أولى|اولى|ثاني|ثانية|ثالث|ثالثة|رابع|رابعة|خامس|خامسة|سادس|سابع|ثامن|"
    r"تاسع|عاشر|أرضي|ارضي|أرضى|ارضى|ميزانين|علوي|سفلي))"
)
_RTL_UNIT_VALUE = (
    rf"(?:(?:رقم|نمبر|מס['׳]?)[ \t]*)?(?:\d[\w/-]{{0,6}}|[{_HE}]['׳]|[{_HE}](?![{_HE}\"'׳]))"
)
_RTL_DISTRICT_WORD = (
    r"(?:[בלו]?(?:שכונת|שכ['׳]|קריית|קרית|נווה|נוה|גבעת|רמת|מושב|קיבוץ|קבוץ|כפר|פארק|מתחם|"
    r"אזור התעשייה|אזה\"ת|א\.ת\.?|מגדל|בניין|בנין|קניון)|"
    r"[وب]?(?:ال)?(?:حي|منطقة|ضاحية|مدينة|قرية|مخيم|جزيرة|جبل|عمارة|برج|مجمع|بناية|مبنى)|"
    r"(?:محله|شهرک|منطقه))"
)
# "ת.ד.", "ת"ד", "ת ד", "תא דואר"; "ص.ب.", "ص. ب", "ص ب", "صندوق بريد".
_RTL_BOX = (
    r"(?:ת\.[ \t]?ד\.?|ת[\"״]ד|ת[ \t]ד\.?|תא[ \t]+דואר|ص\.[ \t]?ب\.?|ص[ \t]ب\.?|"
    r"صندوق[ \t]+(?:ال)?بريد)[ \t]*:?[ \t]*(?:(?:رقم|מס['׳]?)[ \t]*)?\d{1,7}"
)
# A prefix letter written onto a box word ("לת.ד. 4417" to PO box 4417, "وص.ب").
_RTL_BOX_PREFIX = r"(?:[ובלמה](?=ת)|[وبلف](?=ص))"
_RTL_NAME = rf"{_RTL_WORD}(?:[ \t]+{_RTL_WORD}){{0,3}}"
_RTL_STREET_PART = (
    rf"(?:{_RTL_NUM}[ \t]+)?{_RTL_STREET_WORD}(?:[ \t]+(?:رقم[ \t]*)?(?:{_RTL_WORD}|{_RTL_NUM}))"
    r"{1,7}"
)
_RTL_UNIT_PART = (
    rf"(?:{_RTL_UNIT_WORD}[ \t]*{_RTL_UNIT_VALUE}|{_RTL_FLOOR_WORD}[ \t]+{_RTL_ORDINAL})"
)
# A whole part, by kind (the groups' names).
_RTL_PART = re.compile(
    rf"(?P<street>{_RTL_STREET_PART}(?:[ \t]+{_RTL_UNIT_PART})*)|"
    rf"(?P<unit>{_RTL_UNIT_PART}(?:[ \t]+{_RTL_UNIT_PART})*)|"
    rf"(?P<box>{_RTL_BOX})|"
    r"(?P<postcode>(?:(?:מיקוד|الرمز البريدي|رمز بريدي)[ \t]*:?[ \t]*)?\d{5,7}|\d{4})|"
    rf"(?P<district>{_RTL_DISTRICT_WORD}(?:[ \t]+{_RTL_WORD}){{1,3}})|"
    rf"(?P<numbered>{_RTL_WORD}(?:[ \t]+{_RTL_WORD}){{0,2}}[ \t]+{_RTL_NUM})|"
    rf"(?P<name>{_RTL_NAME})"
)
# The typed part a prose part ends with (the first part of a chain), tried in this order.
# A house number may carry a prefix letter ("ف23 زنقة ...", at 23 ... street).
_RTL_LAST_STREET = re.compile(rf"(?:(?<!\S)|(?<=\s[وبفل])(?=\d)){_RTL_STREET_PART}$")
_RTL_LAST_UNIT = re.compile(rf"(?<!\S){_RTL_UNIT_PART}$")
_RTL_LAST_BOX = re.compile(rf"(?<![{_HE}{_AR}]){_RTL_BOX_PREFIX}?(?P<box>{_RTL_BOX})$")
_RTL_LAST_DISTRICT = re.compile(rf"(?<!\S){_RTL_DISTRICT_WORD}(?:[ \t]+{_RTL_WORD}){{1,2}}$")
_RTL_LAST_NUMBERED = re.compile(rf"(?<!\S){_RTL_WORD}(?:[ \t]+{_RTL_WORD})?[ \t]+{_RTL_NUM}$")
# The typed part a part running into prose starts with (the last part of a chain).
_RTL_FIRST = re.compile(
    rf"(?P<street>(?:{_RTL_NUM}[ \t]+)?{_RTL_STREET_WORD}(?:[ \t]+{_RTL_WORD}){{0,4}}[ \t]+"
    rf"(?:رقم[ \t]*)?{_RTL_NUM}(?:[ \t]+{_RTL_UNIT_PART})*)(?![\w'׳])|"
    rf"(?P<unit>{_RTL_UNIT_PART})(?![\w'׳])|"
    rf"(?P<box>{_RTL_BOX})(?!\w)"
)
# Where a part ends: a separator (group "sep"; not a thousands comma, "1,500", but a comma
# after four digits or more is: a postcode ends a CSV cell, "2499000,050-..."), a line or clause
# break, a full stop (not the dots of "ת.ד." or "ص.ب.", a prefix letter written on or not), a
# spaced dash, a quote that is not a Hebrew abbreviation's.
# Every branch opens with a definite character, which lets `re` skip ahead to it.
_RTL_STOP = re.compile(
    r"(?P<sep>\\[,،]|[,،](?:(?<!\d,)|(?!\d)|(?<=\d{4},)))[ \t]*|[\n\r;|\t()\[\]{}!?؟؛:<>=*•]|"
    rf"\.(?<![\s.][^\s.]\.)(?<![\s.][ובלמה]ת\.)(?<![\s.][وبلف]ص\.)(?=\s|$)|\"(?![{_HE}])|"
    r"[ \t][-–—][ \t]"
)
# A house, unit, box number or postcode ends a part after a word, not after other digits.
_RTL_NUMBER_BEFORE = re.compile(r"[^\d\s,،][ \t]+\d{1,7}(?:[-/]\d{1,4})?$")
# A separator with a Hebrew or Arabic letter on one side ("בני ציון, משק", "٣٣٢١، الخبر"),
# or an Arabic comma between numbers; a comma between Latin words or digits is not a seed.
# The pattern opens with the comma; the finer cases are told apart in `_rtl_spans`.
_RTL_SEED = re.compile(
    rf"[,،](?:(?<=[{_HE}{_AR}\d'׳].)|(?<=[{_HE}{_AR}\d'׳][ \t].))[ \t]*(?=[{_HE}{_AR}\d])"
)
# The street, unit, floor, district and box words (without their prefix letters), found by
# one automaton in a window of text: cheaper than the patterns' alternations at every place.
_STREET_CUES = (
    *("רחוב", "רח'", "רח׳", "שדרות", "שד'", "שד׳", "סמטת"),
    *("شارع", "طريق", "جادة", "زقاق", "سكة", "زنقة", "درب"),  # Omani and Moroccan ways
    *("نهج", "خیابان", "کوچه", "بلوار", "بزرگراه"),  # Tunisian and Persian
    *("گلی", "سڑک", "روڈ", "سٹریٹ", "اسٹریٹ"),  # Urdu
)
_RTL_STREETS = Automaton((word, None) for word in _STREET_CUES)
_RTL_KEYWORDS = Automaton(
    (word, None)
    for word in (
        *_STREET_CUES,
        *("סמ'", "סמ׳", "דרך", "כיכר", "ככר", "שביל", "טיילת", "מעלה", "ش."),
        *("דירה", "דירת", "קומה", "קומת", "כניסה", "בניין", "בנין", "מבנה", "מגדל", "אגף", "משק"),
        *("חדר", "משרד", "יחידה", "חנות", "בית", "מיקוד", "שכונת", "שכ'", "שכ׳", "קריית", "קרית"),
        *("נווה", "נוה", "גבעת", "רמת", "מושב", "קיבוץ", "קבוץ", "כפר", "פארק", "מתחם", "אזור"),
        *('אזה"ת', "א.ת", "קניון", "ת.ד", "ת. ד", 'ת"ד', "ת״ד", "ת ד", "תא דואר"),
        *("فيلا", "شقة", "مبنى", "بناية", "عمارة", "برج", "طابق", "دور", "مكتب", "محل", "بلوك"),
        *("قطعة", "مربع", "منزل", "وحدة", "مجمع", "حي", "منطقة", "ضاحية", "مدينة", "قرية", "مخيم"),
        *("جزيرة", "جبل", "ص.ب", "ص. ب", "ص ب", "صب", "صندوق"),
        *("میدان", "پلاک", "طبقه", "واحد", "ساختمان", "محله", "شهرک", "منطقه"),
        *("مکان", "پلاٹ", "فلیٹ", "دکان"),
    )
)


def _has(words: Automaton[None], text: str, start: int, end: int) -> bool:
    """True when one of the automaton's words lies in text[start:end]."""
    # A slice: the automaton reads the whole string it is given, whatever the bounds.
    return words.occurs_in(text[max(0, start) : end])


_RTL_TOKEN = re.compile(r"\S+")
_RTL_LAST_STOP = re.compile(rf"(?s:.*)(?:{_RTL_STOP.pattern})")
_RTL_ANY = re.compile(rf"[{_HE}{_AR}]")
_RTL_ENDS_IN_POSTCODE = re.compile(r"\d{5,7}$")
_RTL_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "־": " ", "-": " "})
_RTL_MARKS = re.compile(rf"[{_AR_MARKS}]")


def _rtl_fold(text: str) -> str:
    """A Hebrew or Arabic name as the gazetteer holds it."""
    return " ".join(_RTL_MARKS.sub("", text).translate(_RTL_FOLD).split())


# Words that open a "name number" part in prose rather than a street (months, prices...).
_RTL_NOT_STREET = frozenset(_rtl_fold(w) for w in ADDRESS_WORDS["not_street_words"])
# Cities and countries of the address gazetteer, and the towns and villages of Israel and
# the region from GeoNames (one-word ones that are not names, and those of several words).
_RTL_PLACES = frozenset(
    _rtl_fold(p) for p in PLACES | PLACE_WORDS | NAMED_PHRASES if _RTL_ANY.search(p)
)
_RTL_PLACE_WORDS = frozenset(word for place in _RTL_PLACES for word in place.split())


def _not_a_street_name(word: str) -> bool:
    """True for a word that opens a "name number" part in prose (a month, a price, a step),
    a prefix letter allowed."""
    word = _rtl_fold(word)
    return word in _RTL_NOT_STREET or word[1:] in _RTL_NOT_STREET


def rtl_place(words: list[str]) -> bool:
    """True when the words name a known city or country, a prefix letter (ב, ל, و...) allowed."""
    return bool(words) and _rtl_place_name(" ".join(words))


@lru_cache(maxsize=4096)
def _rtl_place_name(name: str) -> bool:
    name = _rtl_fold(name)
    return name in _RTL_PLACES or (name[:1] in "בלמוوبف" and name[1:] in _RTL_PLACES)


def _rtl_city(part: str) -> bool:
    """True for a known city or country, with a postcode before or after it."""
    words = part.split()
    # A postcode after the city may have four digits (Lebanon), and so may one before it
    # (Tunisia: "١٠٠١ تونس").
    if len(words) > 1 and words[-1].isdigit() and 4 <= len(words[-1]) <= 7:
        if len(words[-1]) == 7 and len(words) <= 4 and _settlement(words[:-1]):
            return True  # "בית ג'ן 2499000": an Israeli postcode names its settlement
        words.pop()
    elif len(words) > 1 and words[0].isdigit() and 4 <= len(words[0]) <= 7:
        words.pop(0)
    if len(words) > 1 and words[-1] in _PLACE_ADJECTIVES:
        words.pop()  # "دمياط الجديدة" (New Damietta), "נצרת עילית" (Upper Nazareth)
    return 0 < len(words) <= 5 and _rtl_place_word(words[-1]) and rtl_place(words)


def _settlement(words: list[str]) -> bool:
    """True for the words before an Israeli (seven-digit) postcode that may name a village the
    gazetteer lacks: Hebrew or Arabic words, not all of them common words ("בית ג'ן 2499000"
    is a village, "מספר הזמנה 2499000" an order number)."""
    common = load_lexicon().common
    return all(_RTL_ANY.match(w) for w in words) and not all(w in common for w in words)


# New, old, upper, lower, north, south, east, west: after a city, a town of its name.
_PLACE_ADJECTIVES = frozenset(
    [
        *("الجديدة", "الجديد", "القديمة", "القديم", "الشمالية", "الجنوبية", "الشرقية", "الغربية"),
        *("החדשה", "החדש", "העתיקה", "עילית", "תחתית", "הצפונית", "הדרומית", "המזרחית"),
    ]
)


@lru_cache(maxsize=4096)
def _rtl_place_word(word: str) -> bool:
    """True when the word (a prefix letter allowed) is a word of some known place's name: the
    cheap test before trying the words around it."""
    word = _rtl_fold(word)
    return word in _RTL_PLACE_WORDS or word[1:] in _RTL_PLACE_WORDS


def _rtl_classify(part: str) -> str | None:
    """The kind of a whole part, or None."""
    m = _RTL_PART.fullmatch(part)
    kind = m.lastgroup if m is not None else None
    if kind in (None, "name", "district", "numbered") and _rtl_city(part):
        return "city"
    if kind == "numbered" and _RTL_ENDS_IN_POSTCODE.search(part):
        # A district and the postcode after it ("حي الملقا 13521", Saudi national address).
        rest = part.rsplit(None, 1)[0]
        if (
            rest != part
            and _RTL_PART.fullmatch(rest) is not None
            and _rtl_classify(rest) == "district"
        ):
            return "district"
    if kind == "street" and not any(ch.isdigit() for ch in part):
        word = part.split()[0]
        if _RTL_WEAK_STREET.search(word) and word[-1] != "ق":
            return "name"  # "דרך", "כיכר"... without a number; "طريق" is a whole part here
    if kind == "numbered":
        # A house number has at most three digits: "הנחה 2025", "الدفعة الأولى ٥٠٠٠" are a
        # year and an amount; a month, a price word or a city first is prose.
        words = part.split()
        if sum(ch.isdigit() for ch in words[-1]) > 3 or rtl_place(words[:1]):
            return None
        if _not_a_street_name(words[0]):
            return None
    return kind


def _rtl_last(part: str) -> tuple[int, str] | None:
    """(offset, kind) of the typed part a prose part ends with: the first part of a chain."""
    # Without a street, unit, district or box word, a prose part can only end in a city or
    # in a name and a number.
    if _has(_RTL_KEYWORDS, part, 0, len(part)):
        for rx, kind in (
            (_RTL_LAST_STREET, "street"),
            (_RTL_LAST_BOX, "box"),
            (_RTL_LAST_UNIT, "unit"),
            (_RTL_LAST_DISTRICT, "district"),
        ):
            m = rx.search(part)
            if m is None:
                continue
            if kind == "street":
                # "عن طريق" (by way of), "على طريق" (on the road to) are prose; "דרך",
                # "כיכר"... are streets only with a number.
                if prose_way(part, m.start()):
                    continue
                word = m.group().split()[0]
                if (
                    _RTL_WEAK_STREET.search(word)
                    and word[-1] != "ق"
                    and not any(ch.isdigit() for ch in m.group())
                ):
                    continue
            return (m.start("box") if kind == "box" else m.start()), kind
    words = _RTL_TOKEN.findall(part)
    if words and _rtl_place_word(words[-1]):
        for size in (4, 3, 2, 1):
            if len(words) > size and rtl_place(words[-size:]):
                return [m.start() for m in _RTL_TOKEN.finditer(part)][-size], "city"
    if part[-1:].isdigit():
        m = _RTL_LAST_NUMBERED.search(part)
        if m is not None and _rtl_classify(m.group()) == "numbered":
            return m.start(), "numbered"
    return None


def _rtl_first(part: str) -> tuple[int, str] | None:
    """(length, kind) of the typed part a part running into prose starts with: the last part
    of a chain."""
    words = _RTL_TOKEN.findall(part)
    if words and _rtl_place_word(words[0]):
        for size in (4, 3, 2, 1):
            if len(words) > size and rtl_place(words[:size]):
                ends = [m.end() for m in _RTL_TOKEN.finditer(part)]
                postcode = words[size].isdigit() and 4 <= len(words[size]) <= 7
                return ends[size] if postcode else ends[size - 1], "city"
    m = _RTL_FIRST.match(part)
    if m is not None and m.lastgroup is not None:
        return m.end(), m.lastgroup
    return None


def _rtl_part_start(text: str, end: int) -> tuple[int, re.Match[str] | None]:
    """The start of the part ending at `end`, and the stop before it (found from the end:
    the greedy `.*` backs off one character at a time)."""
    m = _RTL_LAST_STOP.match(text, max(0, end - 72), end)
    if m is None:
        return max(0, end - 72), None
    return m.end(), m


def _rtl_chain(text: str, sep_start: int, sep_end: int) -> tuple[int, int] | None:
    """The chain of parts around the separator text[sep_start:sep_end], when it reads as an
    address."""
    parts: list[tuple[int, int, str]] = []
    end = sep_start
    for _ in range(_MAX_PARTS):
        start, stop = _rtl_part_start(text, end)
        part = text[start:end].strip()
        start = end - len(text[start:end].lstrip())
        kind = _rtl_classify(part) if part else None
        last = stop is None or stop.group("sep") is None
        if (
            kind is None
            or (kind == "postcode" and len(part) == 4)
            or (kind == "name" and (last or not parts))
        ):
            # Prose, or a few words that may end in a city ("על השארקה"): only its typed end.
            found = _rtl_last(part) if part else None
            if found is not None:
                parts.append((start + found[0], end, found[1]))
            elif not parts:
                # A chain is read from the separator after its first typed part.
                return None
            break
        parts.append((start, end, kind))
        if last or stop is None:
            break
        end = stop.start("sep")
    parts.reverse()
    if not parts:
        return None
    start = sep_end
    for _ in range(_MAX_PARTS):
        stop = _RTL_STOP.search(text, start, start + 100)
        end = stop.start() if stop is not None else min(len(text), start + 100)
        part = text[start:end].rstrip()
        kind = _rtl_classify(part) if part else None
        if (
            kind == "postcode"
            and len(part) == 4
            and not _RTL_ENDS_IN_POSTCODE.search(text, parts[-1][0], parts[-1][1])
        ):
            kind = None  # four digits alone: only a Saudi additional number after a postcode
        last = stop is None or stop.group("sep") is None
        if kind == "name" and last and _area_after_units(text, parts, part):
            parts.append((start, start + len(part), "district"))
            break
        if kind is None or (kind == "name" and last):
            # Prose, or a few words that may start with a city ("الجيزة بدل"): its typed start.
            found = _rtl_first(part) if part else None
            if found is not None:
                parts.append((start, start + found[0], found[1]))
            break
        parts.append((start, start + len(part), kind))
        if last or stop is None:
            break
        start = stop.end()
    while parts and parts[-1][2] == "name":
        parts.pop()
    while parts and parts[0][2] == "name":
        parts.pop(0)
    # Two typed parts at least, not only cities ("دبي، أبوظبي"), one of them a place (a street,
    # district, city, postcode or box: "קומה 3, חדר 4" is not), and a number somewhere unless
    # a street goes with a city, district or unit ("منطقة الخليج، الرياض" is a region).
    kinds = {kind for _, _, kind in parts}
    typed = sum(kind != "name" for _, _, kind in parts)
    if typed < 2 or kinds <= {"city", "postcode", "name"}:
        return None
    if not kinds & {"street", "district", "city", "postcode", "box"}:
        return None
    digits = any(ch.isdigit() for ch in text[parts[0][0] : parts[-1][1]])
    if not (digits or ("street" in kinds and kinds & {"city", "district", "unit"})):
        return None
    return parts[0][0], parts[-1][1]


def _area_after_units(text: str, parts: list[tuple[int, int, str]], part: str) -> bool:
    """True when `part`, a name of one or two words, ends a chain of three numbered parts or
    more, a road among them, that ends in a unit: the area of a Bahraini "flat, building,
    road, block" address ("شقة ٢٢، مبنى ١٤٥٨، طريق ٤٢٣١، مجمع ٣٤٢، الجفير")."""
    if len(part.split()) > 2 or len(parts) < 3 or parts[-1][2] != "unit":
        return False
    if not any(kind == "street" for _, _, kind in parts):
        return False
    return all(any(ch.isdigit() for ch in text[s:e]) for s, e, _ in parts[-3:])


_NEXT_WORDS = re.compile(r"[ \t]+(\S+)(?:[ \t]+(\S+))?(?:[ \t]+(\S+))?")


def city_after(text: str, end: int) -> int:
    """`end` moved over a known Hebrew or Arabic city (one to three words) written right after
    the street and its number without a comma; `end` itself when none follows."""
    m = _NEXT_WORDS.match(text, end)
    if m is None:
        return end
    for k in (3, 2, 1):
        words = [w for w in m.groups()[:k] if w]
        if len(words) == k and rtl_place([w.rstrip(".,،") for w in words]):
            return m.end(k) - (len(words[-1]) - len(words[-1].rstrip(".,،")))
    return end


# A street written without its street word, its number and its city after it, no comma
# between ("משרד באבן גבירול 88 תל אביב"): found from the number between words.
# (It opens with the digit, so that `re` skips to digits; the word before is checked after.)
_NUMBER_AMONG_WORDS = re.compile(
    rf"[0-9\u0660-\u0669\u06f0-\u06f9]{{1,3}}[{_HE}]?(?=[ \t]+[{_HE}{_AR}])"
)
_RTL_WORD_END = re.compile(rf"[{_HE}{_AR}'׳][ \t]")
_TWO_WORDS_BEFORE = re.compile(rf"(?:(?<!\S)(\S+)[ \t]+)?(?<!\S)({_RTL_WORD})[ \t]+$")


def _function_word(word: str) -> bool:
    """True for one of the few hundred most frequent words of its language."""
    return word.casefold() in load_lexicon().function_words


def rtl_numbered_streets(text: str, regions: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """A name of one or two words, a house number and a known city: a street without its
    street word. Not when the word before the number is a month, a price, a step or the like
    (`not_street_words`), a function word or a place ("יום 3 ירושלים" is a day's plan)."""
    for m in (m for lo, hi in regions for m in _NUMBER_AMONG_WORDS.finditer(text, lo, hi)):
        if m.start() < 2 or not _RTL_WORD_END.match(text, m.start() - 2):  # not after a digit
            continue
        end = city_after(text, m.end())
        if end == m.end():
            continue
        words = _TWO_WORDS_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if words is None:
            continue
        name = words.group(2)
        if _not_a_street_name(name) or rtl_place([name]):
            continue
        start = words.start(2)
        first = words.group(1)
        if first is not None and _RTL_ANY.match(first) and not _function_word(first):
            start = words.start(1)
        yield start, end


def rtl_regions(text: str) -> list[tuple[int, int]]:
    """The lines holding a Hebrew or Arabic letter, each with a margin into the next line
    (a street pattern may take a number or a city written after a line break)."""
    regions: list[tuple[int, int]] = []
    if text.isascii():
        return regions
    lo = 0
    for line in text.split("\n"):
        hi = lo + len(line)
        if not line.isascii() and _RTL_ANY.search(line) is not None:
            if regions and lo <= regions[-1][1]:
                regions[-1] = (regions[-1][0], min(len(text), hi + 40))
            else:
                regions.append((lo, min(len(text), hi + 40)))
        lo = hi + 1
    return regions


def _closed(text: str, start: int, end: int) -> bool:
    """True when no separator joins text[start:end] to a part before or after it (nor a
    postcode after it): a chain inside it is no longer than it."""
    after = text[end : end + 3].lstrip(" \t")[:1]
    before = text[max(0, start - 3) : start].rstrip(" \t")[-1:]
    return after not in (",", "،") and not after.isdigit() and before not in (",", "،")


def rtl_spans(
    text: str, regions: list[tuple[int, int]], anchors: list[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int]]:
    """Hebrew and Arabic addresses written as chains of parts, in the `regions` of the text
    that hold those scripts. A separator inside one of the street `anchors` that stands
    alone ("רחוב הרצל 142, חיפה".) is not read again."""
    reached = 0
    closed = sorted(span for span in anchors or () if _closed(text, *span))
    index = 0
    for seed in (seed for lo, hi in regions for seed in _RTL_SEED.finditer(text, lo, hi)):
        before, after = seed.start(), seed.end()
        if before < reached:
            continue
        while index < len(closed) and closed[index][1] <= before:
            index += 1
        if index < len(closed) and closed[index][0] <= before:
            continue
        if text[before - 1] in " \t":
            before -= 1
        b, a = text[before - 1], text[after]
        if not ("\u05d0" <= b <= "\u05ea" or "\u0621" <= b <= "\u06d3") and (
            # after a number or a geresh: a letter next, or an Arabic comma and a number
            a.isdigit() and text[seed.start()] == ","
        ):
            continue
        if b.isdigit() and _RTL_NUMBER_BEFORE.search(text, max(0, before - 24), before) is None:
            continue  # a phone, an amount or a date before the comma, not a part's number
        if _DIGIT.search(text, max(0, before - 80), after + 80) is None and not _has(
            _RTL_STREETS, text, before - 80, after + 80
        ):
            continue
        if b.isalpha():
            # A part ending in a word ends in a city, or holds a street, unit, floor or
            # district word; prose and names alone do not open a chain.
            word = text[text.rfind(" ", max(0, before - 30), before) + 1 : before]
            if not _rtl_place_word(word) and not _has(_RTL_KEYWORDS, text, before - 60, before):
                continue
        chain = _rtl_chain(text, before, after)
        if chain is not None:
            reached = chain[1]
            yield chain
