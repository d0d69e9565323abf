"""Businesses, institutions and streets named after people.

Hebrew, Arabic, Persian, Urdu and Devanagari have no capitals to end a business's name, so the
name finder only sets aside the one word next to a trade word. A business or a street named
after a person is not that person ("مخابز عبد الحليم" after "محمود عبد الحليم" was spoken
to), and neither the finder nor propagation may take the name inside it. This module gives
each such name's whole extent:

- a business lead (מטבחי, مطاعم, مستشفى) and the name after it, over kunyas, particles and
  titles ("مطاعم أم نزيه", "معصرة أبو ركن", "جامعة الملك سعود");
- an institution of a town or a community (עיריית, מועצה אזורית, بلدية, סמינר) and up to three
  words of its name ("עיריית כפר קאסם", "סמינר בית רבקה");
- a street's word (רחוב, شارع) and up to three words of its name, besides particles and
  titles ("شارع الشيخ محمد بن زايد");
- the name before a trade word, with a partner joined by "את", the Hebrew "&" of firm names
  ("אזולאי שירותי הנדסה", "פלדמן את דהן הנדסה", "بن محفوظ للعسل").

In Latin script a capitalised run before a street word is a street ("Sheikh Zayed Road"), and
two surnames joined by "&" are a firm ("Hartwell & Finch").
"""

from __future__ import annotations

import re
from functools import lru_cache

from proxy.detect.automaton import Automaton
from proxy.detect.context import (
    ARABIC_PREFIX_LETTERS,
    COMPANY_LEADS,
    COMPANY_WORDS,
    HEBREW_PREFIX_LETTERS,
    INSTITUTION_LEADS,
    KUNYA_OPENERS,
    PARTICLES,
    STREET_LEADS,
    TITLES,
)
from proxy.detect.lexicon import GIVEN, SURNAME, NameLexicon
from proxy.detect.organisations import ampersand_firms

_LETTER = "\u05d0-\u05ea\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0905-\u0939"
# Inside a word: Arabic vowel marks, Devanagari vowel signs and viramas, joiners, geresh.
_INSIDE = _LETTER + "\u064b-\u065f\u0670\u0900-\u0903\u093a-\u094f\u200c\u200d'׳\"״-"
_CASELESS = re.compile(f"[{_LETTER}]")
_WORD = f"[{_LETTER}](?:[{_INSIDE}]*[{_LETTER}'׳])?"
_NEXT = re.compile(f" ({_WORD})")
_PREVIOUS = re.compile(f"({_WORD}) $")
_PREFIXES = HEBREW_PREFIX_LETTERS + ARABIC_PREFIX_LETTERS
# Words inside a name that do not count as one of its words: particles, kunya openers, titles.
_OPENERS = PARTICLES | TITLES | KUNYA_OPENERS | {"الملك", "الأمير", "الامير", "רבי"}
_OPENERS |= {"السلطان", "الشيخ", "الشيخة", "الإمام", "الامام", "السيدة", "سيدي", "مولاي"}
_AND = "את"  # "פלדמן את דהן": Feldman & Dahan

LEAD, INSTITUTION, STREET, TRADE = range(4)


@lru_cache(maxsize=1)
def _triggers() -> Automaton[int]:
    entries: list[tuple[str, int]] = []
    kinds = [
        (COMPANY_WORDS, TRADE),
        (COMPANY_LEADS, LEAD),
        (INSTITUTION_LEADS, INSTITUTION),
        (STREET_LEADS, STREET),
    ]
    for words, kind in kinds:
        entries += [(w, kind) for w in words if _CASELESS.match(w)]
    return Automaton(entries)


def namesake_spans(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """(start, end) of every business, institution and street named after a person."""
    spans = _latin_streets(text) if _STREET_WORD_GATE.search(text) else []
    if " & " in text:
        spans += ampersand_firms(text, lex)
    if not _CASELESS.search(text):
        return spans
    triggers = _triggers()
    for index, start, end in triggers.find(text):
        if _LETTER_OR_MARK.match(text, end):
            continue  # inside a longer word
        kind = triggers.values[index]
        if kind == TRADE:
            if start and _LETTER_OR_MARK.match(text, start - 1):
                continue  # a trade word ends a name as it is, without a prefix letter
            first = _owner_before(text, start, text[start:end], lex)
            if first is not None:
                spans.append((first, end))
        elif _word_start(text, start) and not text.endswith(_VIA, 0, start):
            last = _name_after(text, end, kind, lex)
            if last > end:
                spans.append((start, last))
    return spans


_LETTER_OR_MARK = re.compile(f"[{_INSIDE}]")
# "عن طريق منى": by way of Mona, not a road. (`address_rtl.prose_way` also reads "على طريق" as
# prose, rightly for an address's anchor; here "على طريق الملك فهد" still names a road.)
_VIA = "عن "
# Words that open a town's or a community's name ("כפר קאסם", "בית רבקה", "دير الأسد"): some
# are function words elsewhere.
_PLACE_OPENERS = frozenset(
    (
        "בית",
        "בת",
        "בני",
        "כפר",
        "יד",
        "תל",
        "עין",
        "גבעת",
        "קריית",
        "נווה",
        "רמת",
        "ראש",
        "הר",
        "גן",
        "באר",
        "אבן",
        "מעלה",
        "מצפה",
        "טירת",
        "מגדל",
        "שדה",
        "נוף",
        "كفر",
        "بيت",
        "دير",
        "عين",
        "تل",
        "بني",
        "رأس",
        "راس",
        "جبل",
        "وادي",
        "مدينة",
        "قرية",
    )
)


def _word_start(text: str, start: int) -> bool:
    """True when `start` begins a word, or follows one Hebrew/Arabic prefix letter."""
    if start == 0 or not _LETTER_OR_MARK.match(text, start - 1):
        return True
    return text[start - 1] in _PREFIXES and (start < 2 or not text[start - 2].isalnum())


def _name_after(text: str, pos: int, kind: int, lex: NameLexicon) -> int:
    """End of the name after a lead ending at `pos` (`pos` itself when none follows).

    Openers (particles, kunyas, titles) ride along uncounted. After a business lead the name
    is one word, and a second one only when it is a name too ("מטבחי חורי"); after a town's,
    a community's or a street's word, up to three words."""
    words = 0
    end = pos
    opened = False  # the word before opens a place's name: a name may follow ("כפר קאסם")
    while (m := _NEXT.match(text, end)) is not None:
        word = m.group(1)
        if word in _OPENERS:
            end = m.end()
            continue
        if word[0] in "שולכ" and not lex.flags.get(word) and lex.flags.get(word[1:]):
            break  # "ז'ניה מספרת שבוריס": (she) tells that Boris, not a barber's named Boris
        if word in lex.function_words and (kind == LEAD or word not in _PLACE_OPENERS):
            break
        if kind == LEAD and words == 1 and not lex.flags.get(word):
            break
        if words and kind == INSTITUTION and lex.flags.get(word, 0) & GIVEN and not opened:
            break  # "مدرسة الأمل بخصوص أحمد": a person after the school's name
        opened = word in _PLACE_OPENERS
        words += 1
        end = m.end()
        if words == (2 if kind == LEAD else 3):
            break
    return end if words else pos


def _owner_before(text: str, trade: int, trade_word: str, lex: NameLexicon) -> int | None:
    """Start of the owner's name before a trade word at `trade`, over other trade words,
    particles and a partner joined by "את"; None when no name stands there."""
    pos = trade
    nearest = trade_word
    while (m := _PREVIOUS.search(text, max(0, pos - 40), pos)) is not None and (
        m.group(1) in COMPANY_WORDS
    ):
        pos = m.start()  # "מרקוביץ ושות' רואי חשבון", "حداد إخوان للتجارة"
        nearest = m.group(1)
    if m is None:
        return None
    owner = m.group(1)
    if owner in lex.function_words or owner in _OPENERS:
        return None
    if sent_to(nearest, owner, lex):
        return None  # "שלחתי לדני חומרי שיווק": marketing materials sent to Dani
    start = _with_openers(text, m.start())
    before = _PREVIOUS.search(text, max(0, start - 40), start)
    if before is None:
        return start
    if before.group(1) == _AND:
        other = _PREVIOUS.search(text, max(0, before.start() - 40), before.start())
        if other is not None and other.group(1) not in lex.function_words:
            start = _with_openers(text, other.start())
    elif surname_after_given(before.group(1), owner, lex):
        if not LEGAL_FORM_AFTER.match(text, trade + len(trade_word)):
            return None  # "שרה כהן שיווק ומכירות": a person and her department
        start = before.start()  # "ששון חכים יבוא ושיווק בע"מ": named with a full name
    return start


def sent_to(trade_word: str, owner: str, lex: NameLexicon) -> bool:
    """True when `owner`, before a Hebrew trade in the construct form ("חומרי", "שירותי":
    materials of, services of), is a name under the prefix "to": who the trade goes to, not
    the business ("שלחתי לדני חומרי שיווק", "ולרונית שירותי ייעוץ"; "לוי" is a name itself)."""
    if not trade_word.endswith("י"):
        return False
    if owner[:1] == "ו" and not lex.flags.get(owner):
        owner = owner[1:]
    return owner[:1] == "ל" and not lex.flags.get(owner) and bool(lex.flags.get(owner[1:]))


def surname_after_given(given: str, owner: str, lex: NameLexicon) -> bool:
    """True when `owner` before a trade word is a surname after a given name: a person and
    their department ("שרה כהן שיווק ומכירות"), not a business. The surname must be one
    as written: "צדוק ממדהלה אירועים" is Tzadok from Madhala Events."""
    return (
        bool(lex.flags.get(given, 0) & GIVEN)
        and given not in lex.common
        and bool(lex.flags.get(owner, 0) & SURNAME)
    )


def _with_openers(text: str, start: int) -> int:
    """`start`, moved back over the particles and kunya openers right before it."""
    while (m := _PREVIOUS.search(text, max(0, start - 12), start)) is not None and (
        m.group(1) in PARTICLES or m.group(1) in KUNYA_OPENERS
    ):
        start = m.start()
    return start


# A registered company's legal form within two words after its trade ("ששון חכים יבוא ושיווק
# בע"מ"): a business, even named with its owner's full name.
LEGAL_FORM_AFTER = re.compile(r"(?: \S+){0,2} בע[\"״]מ")

# Latin streets: a capitalised run of up to four words before a street word.
_STREET_WORDS = "Road|Rd|Street|Avenue|Ave|Boulevard|Blvd|Highway|Hwy|Parkway|Square|Drive|Corniche"
# Street words that are also surnames ("Diane Lane", "Cameron Way") or that end a town's name
# too: a street only after a word that says where ("on Brick Lane", "near Rabindra Sarani").
_WEAK_STREET_WORDS = "Lane|Way|Circle|Crescent|Terrace|Close|Sarani|Marg|Salai"
# Street words written before the name ("Avenida Boa Viagem", "boulevard Mohammed V").
_STREET_WORDS_BEFORE = (
    "Avenida|Av\\.|Rua|Rue|rue|Calle|Carrera|Jalan|Jl\\.|Viale|Corso|Piazza|Praça|Plaza|"
    "boulevard|avenue"
)
# Led by the words themselves, so `re` skips to their first letters; the boundary before is
# checked on each match, and which kind of word it is by the sets below (groups in the
# pattern made the scan six times slower).
_STREET_WORD_GATE = re.compile(
    rf"(?:{_STREET_WORDS}|{_WEAK_STREET_WORDS}|{_STREET_WORDS_BEFORE})(?:\b| )"
)
_WEAK = frozenset(_WEAK_STREET_WORDS.split("|"))
_BEFORE = frozenset(w.replace("\\", "") for w in _STREET_WORDS_BEFORE.split("|"))
# The name before a street word: capitalised words, with the particles of Arabic and European
# names inside it ("Sheikh Mohammed bin Rashid Boulevard", "Avenida de la Reforma").
_NAME_PARTICLES = "bin|bint|ibn|al|el|de|da|do|dos|del|la|las|los|van|von|di|du"
_CAPITALISED_BEFORE = re.compile(
    rf"[A-Z][\w'’.-]* (?:(?:[A-Z][\w'’.-]*|{_NAME_PARTICLES}) ){{0,4}}$"
)
# After a street word the words hold no dot: "boulevard Mohammed V. Merci Khadija" ends at V.
_CAPITALISED_AFTER = re.compile(
    rf"(?:(?:{_NAME_PARTICLES}) )*[A-Z][\w'’-]*(?: (?:(?:{_NAME_PARTICLES}) )*[A-Z][\w'’-]*){{0,3}}"
)
_WHERE_BEFORE = re.compile(r"\b(?:on|at|off|along|near|via|in|by|from|to|the) $")


def _latin_streets(text: str) -> list[tuple[int, int]]:
    """Streets named after people ("Sheikh Zayed Road", "Bin Hendi Avenue", "Avenida Boa
    Viagem", "the office on Ahmadu Bello Way")."""
    spans: list[tuple[int, int]] = []
    for m in _STREET_WORD_GATE.finditer(text):
        if m.start() and text[m.start() - 1].isalnum():
            continue  # inside a word ("Broadway")
        word = m.group().rstrip()
        if word in _BEFORE:
            # "Rue " ends at its boundary, "Av. " takes its space: the name starts after one.
            after = m.start() + len(word) + 1
            if text[after - 1 : after] != " ":
                continue
            name = _CAPITALISED_AFTER.match(text, after)
            if name is not None:
                spans.append((m.start(), name.end()))
            continue
        run = _CAPITALISED_BEFORE.search(text, max(0, m.start() - 60), m.start())
        if run is None:
            continue
        if word in _WEAK and not _WHERE_BEFORE.search(text, max(0, run.start() - 8), run.start()):
            continue
        spans.append((run.start(), m.end()))
    return spans
