"""Gated and lead-led scans give exactly the matches a full scan gives."""

from __future__ import annotations

import random

from proxy.detect.gates import gated_matches, matches_at
from proxy.detect.ip import _V4_GATE, _V6_GATE, IPV4, IPV6
from proxy.detect.secrets import (
    _GATES,
    _STARTS,
    AWS_PAIR,
    KEYED,
    PROSE_KEY,
    PROSE_PASSWORD,
    TOLD_PASSWORD,
)


def test_gated_matches_are_the_matches_finditer_gives() -> None:
    # Addresses and near misses packed together: glued, overlapping, cut short.
    alphabet = [
        "1",
        "25",
        "255",
        "0",
        "10.",
        "192.168.",
        "a",
        "fe",
        "db8",
        ":",
        "::",
        ".",
        " ",
        "x",
        "/24",
        "و",
        "ב",
        "٣",
    ]
    rnd = random.Random(7)
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 40)))
        for rx, gate, reach in ((IPV4, _V4_GATE, 3), (IPV6, _V6_GATE, 4)):
            expected = [m.span() for m in rx.finditer(text)]
            assert expected == [m.span() for m in gated_matches(rx, gate, text, reach)], text


def test_secret_patterns_tried_at_their_leads_give_finditer_matches() -> None:
    pieces = ["password", "pwd", "api-key", "apikey", "client_secret", "token", "bearer", "://u"]
    pieces += [":", "=", " is ", " ", "x", "hunter22", "abcdefghijklmnopq", "@h", "sk-", "AKIA"]
    pieces += ["secret ", "Passcode", "Ab1!x9Zq", "AKIAF7UUMRX47Z68ZQY9 ", "a" * 40]
    pieces += ["הסיסמה", "ססמה", " שלי", " היא ", "الباسوورد", "باسورد", " تبعي", "الرقم السري"]
    pieces += ["رقم سري", "كلمة السر", "كلمة ", " هي ", "Noor_8812", "ו"]
    pieces += ["key", "chave ", "מפתח", "pat-na1-7f3c9b2e-41d8-4a6f", "rdst_9c4e7a1f0b3d8e62a5c9"]
    rnd = random.Random(11)
    # As find_secrets runs them: key formats on the text as written, the rest lower-cased.
    cased = [True, *(False for _ in _GATES), True, False, False, False]
    patterns = [KEYED, *(rx for rx, _ in _GATES), AWS_PAIR, PROSE_PASSWORD, TOLD_PASSWORD]
    patterns.append(PROSE_KEY)
    for _ in range(2000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 12)))
        lowered = text.lower()
        starts = _STARTS.starts(lowered)
        for rx, at, as_written in zip(patterns, starts, cased, strict=True):
            subject = text if as_written else lowered
            assert [m.span() for m in rx.finditer(subject)] == [
                m.span() for m in matches_at(rx, subject, at)
            ], text
