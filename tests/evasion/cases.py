"""The evasion set: personal values hidden from the detector by seven techniques.

Each case is a Chat Completions message list carrying one hidden value (a name in Latin,
Hebrew or Arabic script, an email, or an IL/AE/US/GB mobile number) and the fragments
that must not reach the upstream: name parts and email local-part words are compared as
letters, phone numbers as their national digits, after `probe.fold` undoes every technique
in what the upstream received. The `control` cases send each value plainly, so a detection
gap and an evasion are told apart.

The techniques: zero-width and bidi characters; full-width and look-alike characters;
combining marks; percent-encoding; JSON `\\u` escapes inside a tool result; values split
across messages; values spelled with separators.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

Message = dict[str, Any]

TECHNIQUES = (
    "zero_width_bidi",
    "fullwidth_lookalike",
    "combining_marks",
    "percent_encoding",
    "json_escape",
    "split_messages",
    "separators",
)
KNOWN_GAPS_FILE = Path(__file__).with_name("known_gaps.txt")


@dataclass(frozen=True)
class Value:
    """One personal value, where it comes from, and its fragments (what must not leak)."""

    kind: str  # name | email | phone
    culture: str  # latin | hebrew | arabic | IL | AE | US | GB
    text: str
    fragments: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    """One request hiding one value by one technique."""

    id: str
    technique: str
    culture: str
    messages: list[Message]
    fragments: tuple[str, ...]


NAMES = (
    Value("name", "latin", "John Smith", ("john", "smith")),
    Value("name", "latin", "Emily Clarke", ("emily", "clarke")),
    Value("name", "latin", "Omar Haddad", ("omar", "haddad")),
    Value("name", "hebrew", "דנה לוי", ("דנה", "לוי")),
    Value("name", "hebrew", "יוסי כהן", ("יוסי", "כהן")),
    Value("name", "arabic", "محمد الحداد", ("محمد", "الحداد")),
    Value("name", "arabic", "فاطمة الزهراء", ("فاطمة", "الزهراء")),
)
EMAILS = (
    Value("email", "latin", "john.smith@gmail.com", ("john", "smith")),
    Value("email", "IL", "dana.levi@example.co.il", ("dana", "levi")),
    Value("email", "AE", "omar.haddad@company.ae", ("omar", "haddad")),
)
PHONES = (
    Value("phone", "IL", "+972 54 123 4567", ("541234567",)),
    Value("phone", "AE", "+971 50 765 4321", ("507654321",)),
    Value("phone", "US", "+1 212 555 0147", ("2125550147",)),
    Value("phone", "GB", "+44 20 7946 0958", ("2079460958",)),
)
VALUES = (*NAMES, *EMAILS, *PHONES)


def sentence(value: Value, shown: str) -> str:
    """`shown` (the value, disguised) in an everyday CRM request in the value's language."""
    if value.culture == "hebrew":
        return f"נא לשלוח הצעת מחיר אל {shown} מחר בבוקר."
    if value.culture == "arabic":
        return f"يرجى إرسال عرض السعر إلى {shown} صباح الغد."
    if value.kind == "phone":
        return f"Please call the lead back on {shown} this afternoon."
    if value.kind == "email":
        return f"Send the quote to {shown} before Friday."
    return f"Please draft a follow-up note to {shown} about the renewal."


def user(text: str) -> list[Message]:
    return [{"role": "user", "content": text}]


# -- character-level disguises ----------------------------------------------------------

ZW = "\u200b"


def between(text: str, mark: str) -> str:
    """`mark` between every two characters except around spaces."""
    out = []
    for index, char in enumerate(text):
        out.append(char)
        if index + 1 < len(text) and char != " " and text[index + 1] != " ":
            out.append(mark)
    return "".join(out)


FULLWIDTH = {c: chr(ord(c) + 0xFEE0) for c in map(chr, range(0x21, 0x7F))}
CYRILLIC = str.maketrans("aceopxyiAEOPCXHKMT", "асеорхуіАЕОРСХНКМТ")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
BOLD = {c: chr(0x1D400 + ord(c) - ord("A")) for c in map(chr, range(65, 91))} | {
    c: chr(0x1D41A + ord(c) - ord("a")) for c in map(chr, range(97, 123))
}


def fullwidth(text: str) -> str:
    return "".join(FULLWIDTH.get(c, "\u3000" if c == " " else c) for c in text)


def mathbold(text: str) -> str:
    return "".join(BOLD.get(c, c) for c in text)


def marks_on_letters(text: str, mark: str) -> str:
    return "".join(c + mark if c.isalpha() else c for c in text)


def niqqud(text: str) -> str:
    return "".join(c + "\u05b8" if "\u05d0" <= c <= "\u05ea" else c for c in text)


def harakat(text: str) -> str:
    return "".join(c + "\u064e" if "\u0621" <= c <= "\u064a" else c for c in text)


def tatweel(text: str) -> str:
    return "".join(c + "\u0640\u0640" if "\u0628" <= c <= "\u064a" else c for c in text)


def percent_all(text: str) -> str:
    return "".join(f"%{b:02X}" for b in text.encode())


def json_escaped(text: str) -> str:
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else c for c in text)


def tool_result(value: Value, raw_json: str) -> list[Message]:
    """A CRM lookup tool's result, a JSON text whose string was written with `\\u` escapes."""
    return [
        {"role": "user", "content": "Look up the contact for the renewal and draft a note."},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_lookup1",
                    "type": "function",
                    "function": {"name": "crm_lookup", "arguments": '{"deal": "renewal"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_lookup1", "content": raw_json},
    ]


# -- the cases, technique by technique -----------------------------------------------------

Build = Callable[[Value], list[Message]]


def _char_cases(
    technique: str, variants: dict[str, tuple[tuple[Value, ...], Build]]
) -> Iterator[Case]:
    for variant, (values, build) in variants.items():
        for value in values:
            yield Case(
                f"{technique}-{variant}-{value.culture}-{value.kind}{VALUES.index(value)}",
                technique,
                value.culture,
                build(value),
                value.fragments,
            )


def _disguise(how: Callable[[str], str]) -> Build:
    return lambda value: user(sentence(value, how(value.text)))


LATIN_NAMES = tuple(v for v in NAMES if v.culture == "latin")
HEBREW_NAMES = tuple(v for v in NAMES if v.culture == "hebrew")
ARABIC_NAMES = tuple(v for v in NAMES if v.culture == "arabic")


def _zero_width() -> Iterator[Case]:
    yield from _char_cases(
        "zero_width_bidi",
        {
            "zwsp": (VALUES, _disguise(lambda t: between(t, ZW))),
            "zwj": ((*NAMES[::2], EMAILS[1], PHONES[1]), _disguise(lambda t: between(t, "\u200d"))),
            "soft-hyphen": (
                (NAMES[0], EMAILS[0], PHONES[2]),
                _disguise(lambda t: between(t, "\u00ad")),
            ),
            "rlo": (
                (NAMES[1], EMAILS[2], PHONES[0]),
                _disguise(lambda t: f"\u202e{t[::-1]}\u202c"),
            ),
            "lrm": ((NAMES[3], NAMES[5], PHONES[3]), _disguise(lambda t: between(t, "\u200e"))),
            "isolate": ((NAMES[2], EMAILS[1]), _disguise(lambda t: f"\u2067{t}\u2069")),
        },
    )


def _fullwidth() -> Iterator[Case]:
    yield from _char_cases(
        "fullwidth_lookalike",
        {
            "fullwidth": ((*LATIN_NAMES, *EMAILS, *PHONES), _disguise(fullwidth)),
            "fullwidth-ascii-space": (
                PHONES,
                _disguise(lambda t: fullwidth(t).replace("\u3000", " ")),
            ),
            "cyrillic": ((*LATIN_NAMES, *EMAILS), _disguise(lambda t: t.translate(CYRILLIC))),
            "math-bold": ((LATIN_NAMES[0], EMAILS[1]), _disguise(mathbold)),
            "arabic-indic": (PHONES, _disguise(lambda t: t.translate(ARABIC_INDIC))),
            "persian-digits": ((PHONES[1],), _disguise(lambda t: t.translate(PERSIAN))),
        },
    )


def _combining() -> Iterator[Case]:
    yield from _char_cases(
        "combining_marks",
        {
            "acute": ((*LATIN_NAMES, *EMAILS), _disguise(lambda t: marks_on_letters(t, "\u0301"))),
            "strike": (
                (LATIN_NAMES[0], EMAILS[0]),
                _disguise(lambda t: marks_on_letters(t, "\u0336")),
            ),
            "niqqud": (HEBREW_NAMES, _disguise(niqqud)),
            "harakat": (ARABIC_NAMES, _disguise(harakat)),
            "enclosing": (
                (PHONES[0], PHONES[2]),
                _disguise(lambda t: "".join(c + "\u20e3" if c.isdigit() else c for c in t)),
            ),
        },
    )


def _percent() -> Iterator[Case]:
    yield from _char_cases(
        "percent_encoding",
        {
            "all": ((*EMAILS, NAMES[0], NAMES[3], NAMES[5], PHONES[0]), _disguise(percent_all)),
            "reserved": (
                (*EMAILS, *PHONES, *LATIN_NAMES, HEBREW_NAMES[1], ARABIC_NAMES[1]),
                _disguise(lambda t: quote(t, safe="")),
            ),
        },
    )


def _json() -> Iterator[Case]:
    def escaped(value: Value) -> list[Message]:
        return tool_result(
            value, '{"contact": "' + json_escaped(value.text) + '", "stage": "renewal"}'
        )

    def mixed(value: Value) -> list[Message]:
        half = len(value.text) // 2
        shown = json.dumps(value.text[:half], ensure_ascii=False)[1:-1] + json_escaped(
            value.text[half:]
        )
        return tool_result(value, '{"contact": "' + shown + '"}')

    def ascii_only(value: Value) -> list[Message]:
        return tool_result(value, json.dumps({"contact": value.text}, ensure_ascii=True))

    yield from _char_cases(
        "json_escape",
        {
            "all": (VALUES, escaped),
            "half": ((NAMES[0], EMAILS[0], PHONES[3]), mixed),
            "ensure-ascii": ((*HEBREW_NAMES, *ARABIC_NAMES), ascii_only),
        },
    )


def _split() -> Iterator[Case]:
    def halves(value: Value) -> list[Message]:
        if value.kind == "email":
            local, _, domain = value.text.partition("@")
            return [
                {"role": "user", "content": f"The contact's mailbox name is {local}."},
                {"role": "assistant", "content": "Noted. And the domain?"},
                {"role": "user", "content": f"The domain is {domain}. Send the quote there."},
            ]
        if value.kind == "phone":
            cut = len(value.text) // 2
            return [
                {"role": "user", "content": f"The lead's number starts {value.text[:cut]}"},
                {"role": "user", "content": f"and ends {value.text[cut:]}. Call this afternoon."},
            ]
        first, _, last = value.text.partition(" ")
        return [
            {"role": "user", "content": sentence(value, first)},
            {"role": "assistant", "content": "Noted."},
            {"role": "user", "content": last},
        ]

    def system_and_user(value: Value) -> list[Message]:
        first, _, last = value.text.partition(" ")
        if value.kind != "name":
            cut = len(value.text) // 2
            first, last = value.text[:cut], value.text[cut:]
        return [
            {"role": "system", "content": f"Reference fragment A: {first}"},
            {"role": "user", "content": f"Fragment B: {last}. Join A and B and draft a note."},
        ]

    def letters(value: Value) -> list[Message]:
        return [{"role": "user", "content": char} for char in value.text if char != " "] + user(
            "Join the letters above and write to that person."
        )

    yield from _char_cases(
        "split_messages",
        {
            "halves": (VALUES, halves),
            "system-user": ((NAMES[0], NAMES[4], NAMES[6], EMAILS[2], PHONES[1]), system_and_user),
            "one-per-message": ((NAMES[1], EMAILS[0]), letters),
        },
    )


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def spelled_email(value: str, at: str, dot: str) -> str:
    return value.replace("@", at).replace(".", dot)


def _separators() -> Iterator[Case]:
    def words(text: str) -> str:
        return " ".join(NUMBER_WORDS[int(c)] if c.isdigit() else "plus" for c in text if c != " ")

    yield from _char_cases(
        "separators",
        {
            "dot-at": (EMAILS, _disguise(lambda t: spelled_email(t, " at ", " dot "))),
            "bracket": (EMAILS, _disguise(lambda t: spelled_email(t, " [at] ", " [dot] "))),
            "paren": ((EMAILS[1],), _disguise(lambda t: spelled_email(t, "(at)", "(dot)"))),
            "spaced": (
                (*LATIN_NAMES, EMAILS[0], HEBREW_NAMES[0], ARABIC_NAMES[0]),
                _disguise(lambda t: " ".join(t.replace(" ", ""))),
            ),
            "dotted-digits": (
                (PHONES[0], PHONES[2]),
                _disguise(lambda t: ".".join(t.replace(" ", "").removeprefix("+"))),
            ),
            "digit-words": ((PHONES[0], PHONES[3]), _disguise(words)),
            "tatweel": (ARABIC_NAMES, _disguise(tatweel)),
            "hyphens": ((NAMES[0], PHONES[1]), _disguise(lambda t: "-".join(t.replace(" ", "")))),
        },
    )


def controls() -> list[Case]:
    """Each value sent plainly: what the detector misses without any disguise."""
    return [
        Case(
            f"control-{v.culture}-{v.kind}{i}",
            "control",
            v.culture,
            user(sentence(v, v.text)),
            v.fragments,
        )
        for i, v in enumerate(VALUES)
    ]


def evasion_cases() -> list[Case]:
    """Every evasion case (controls excluded), ids unique."""
    cases: list[Case] = []
    for make in (_zero_width, _fullwidth, _combining, _percent, _json, _split, _separators):
        cases.extend(make())
    seen: dict[str, int] = {}
    unique = []
    for case in cases:
        count = seen.get(case.id, 0)
        seen[case.id] = count + 1
        unique.append(
            case
            if not count
            else Case(
                f"{case.id}-{count}", case.technique, case.culture, case.messages, case.fragments
            )
        )
    return unique


def known_gaps() -> set[str]:
    """Ids of cases known to reach the upstream (one per line; `#` starts a comment)."""
    if not KNOWN_GAPS_FILE.exists():
        return set()
    lines = (line.split("#")[0].strip() for line in KNOWN_GAPS_FILE.read_text().splitlines())
    return {line for line in lines if line}
