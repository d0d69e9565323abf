"""Generate the labelled detection corpus (bench/corpus/*.jsonl) from templates, reproducibly.

    python bench/make_corpus.py

Templates hold slots such as ⟦P⟧ (a person's full name), ⟦F⟧ (the same person's given name
alone, which tests propagation), ⟦E⟧ (email), ⟦PH⟧ (phone), ⟦A⟧ (address) and control slots
such as ⟦PROD⟧, ⟦AMT⟧, ⟦DATE⟧ whose values must survive. Two pools never share templates or
value lists: `tune` (used while building the detector) and `heldout` (only measured).
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_blind_a import RECORDS as BLIND_A
from corpus_blind_b import RECORDS as BLIND_B
from corpus_blind_c import RECORDS as BLIND_C
from corpus_blind_d import RECORDS as BLIND_D
from corpus_blind_e import RECORDS as BLIND_E
from corpus_blind_f import RECORDS as BLIND_F
from corpus_blind_g import RECORDS as BLIND_G
from corpus_blind_h import RECORDS as BLIND_H
from corpus_blind_i import RECORDS as BLIND_I
from corpus_blind_j import RECORDS as BLIND_J
from corpus_blind_k import RECORDS as BLIND_K
from corpus_blind_l import RECORDS as BLIND_L
from corpus_blind_m import RECORDS as BLIND_M
from corpus_blind_n import RECORDS as BLIND_N
from corpus_blind_o import RECORDS as BLIND_O
from corpus_blind_p import RECORDS as BLIND_P
from corpus_blind_q import RECORDS as BLIND_Q
from corpus_blind_r import RECORDS as BLIND_R
from corpus_handwritten import RECORDS as HANDWRITTEN
from corpus_templates import TEMPLATES
from corpus_values import COMPANIES, NAMES, PRODUCTS, SOFTWARE, STREETS

OUT = Path(__file__).resolve().parent / "corpus"
SEED = 20261124
PER_POOL = {"tune": 480, "heldout": 220, "fresh": 180}
SLOT = re.compile(r"⟦([A-Z0-9]+)⟧")
ENTITY_SLOTS = {
    "P": "PERSON",
    "P2": "PERSON",
    "F": "PERSON",
    "F2": "PERSON",
    "S": "PERSON",
    "E": "EMAIL",
    "E2": "EMAIL",
    "PH": "PHONE",
    "PH2": "PHONE",
    "A": "ADDRESS",
    "CARD": "CREDIT_CARD",
    "IBAN": "IBAN",
    "ILID": "IL_ID",
    "SSN": "US_SSN",
    "IP": "IP_ADDRESS",
    "IP6": "IP_ADDRESS",
    "SEC": "SECRET",
}
SCRIPT_CULTURES = {"hebrew", "arabic", "cyrillic"}


def _ascii(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if c.isascii() and c.isalnum())


def _luhn_complete(prefix: str, length: int, rng: random.Random) -> str:
    body = prefix + "".join(str(rng.randint(0, 9)) for _ in range(length - len(prefix) - 1))
    for check in "0123456789":
        digits = body + check
        total = sum(
            (d * 2 - 9 if d * 2 > 9 else d * 2) if i % 2 else d
            for i, d in enumerate(int(c) for c in reversed(digits))
        )
        if total % 10 == 0:
            return digits
    raise AssertionError


def _iban(country: str, bban: str) -> str:
    num = int("".join(str(int(c, 36)) for c in bban + country + "00"))
    raw = f"{country}{98 - num % 97:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def _il_id(rng: random.Random) -> str:
    body = "".join(str(rng.randint(0, 9)) for _ in range(8))
    for check in "0123456789":
        digits = body + check
        total = sum(
            (lambda d: d - 9 if d > 9 else d)(int(c) * (1 + i % 2)) for i, c in enumerate(digits)
        )
        if total % 10 == 0:
            return digits
    raise AssertionError


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(str(rng.randint(0, 9)) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"+972 5{rng.choice('02348')}-{d(3)}-{d(4)}",
            f"05{rng.choice('02348')}-{d(7)}",
            f"+971 5{rng.choice('0256')} {d(3)} {d(4)}",
            f"05{rng.choice('0256')} {d(3)} {d(4)}",
            f"({rng.choice(['212', '415', '646', '312'])}) {rng.randint(201, 989)}-{d(4)}",
            f"+1 {rng.choice(['617', '305', '206'])} {rng.randint(201, 989)} {d(4)}",
            f"+44 7{rng.choice('4579')}{d(2)} {d(6)}",
            f"07{rng.choice('4579')}{d(2)} {d(6)}",
            f"+49 15{rng.choice('1279')} {d(8)}",
            f"+33 6 {d(2)} {d(2)} {d(2)} {d(2)}",
            f"+91 9{d(4)} {d(5)}",
            f"+234 80{rng.choice('3679')} {d(3)} {d(4)}",
            f"+61 4{d(2)} {d(3)} {d(3)}",
            f"04{d(2)} {d(3)} {d(3)}",
        ]
    )


def _values(pool: str, rng: random.Random, culture: str) -> dict[str, str]:
    given, surnames = NAMES[pool][culture]
    f1, f2 = rng.sample(given, 2)
    s1, s2 = rng.sample(surnames, 2)
    company = rng.choice(COMPANIES[pool])
    domain = _ascii(company).lower()[:12] + rng.choice([".com", ".co.il", ".ae", ".io"])
    if culture in SCRIPT_CULTURES:
        email = f"client{rng.randint(10, 999)}@{domain}"
    else:
        email = (
            rng.choice([f"{_ascii(f1).lower()}.{_ascii(s1).lower()}", f"{_ascii(f1).lower()}"])
            + "@"
            + domain
        )
    _style, street = rng.choice(STREETS[pool])
    card = _luhn_complete(rng.choice(["4", "51", "55"]), 16, rng)
    return {
        "P": f"{f1} {s1}",
        "P2": f"{f2} {s2}",
        "F": f1,
        "F2": f2,
        "S": s1,
        "E": email,
        "E2": f"{_ascii(f2).lower() or 'sales'}{rng.randint(1, 99)}@{domain}",
        "PH": _phone(rng),
        "PH2": _phone(rng),
        "A": street.format(
            n=rng.randint(2, 240), u=rng.randint(1, 40), n5=rng.randint(1000, 99999)
        ),
        "CARD": " ".join(card[i : i + 4] for i in range(0, 16, 4)),
        "IBAN": rng.choice(
            [
                _iban(
                    "IL",
                    f"{rng.randint(10, 99)}0{rng.randint(100, 999)}"
                    f"{rng.randint(10**12, 10**13 - 1)}",
                ),
                _iban("AE", f"0{rng.randint(10, 99)}{rng.randint(10**15, 10**16 - 1)}"),
                _iban("DE", f"{rng.randint(10**17, 10**18 - 1)}"),
            ]
        ),
        "ILID": _il_id(rng),
        "SSN": f"{rng.randint(100, 665)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
        "IP": ".".join(
            str(v)
            for v in (
                rng.randint(11, 223),
                rng.randint(0, 255),
                rng.randint(0, 255),
                rng.randint(1, 254),
            )
        ),
        "IP6": f"2001:db8:{rng.randint(1, 0xFFFF):x}::{rng.randint(1, 0xFFFF):x}",
        "SEC": rng.choice(
            [
                "sk-proj-"
                + "".join(
                    rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789") for _ in range(32)
                ),
                "AKIA" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16)),
            ]
        ),
        "CO": company,
        "PROD": rng.choice(PRODUCTS[pool]),
        "SW": rng.choice(SOFTWARE[pool]),
        "DATE": rng.choice(["12/05/2024", "2025-03-14", "March 3, 2025", "14.02.2025", "Nov 18"]),
        "AMT": rng.choice(["$12,500", "€3,200.00", "₪45,000", "AED 18,000", "$1,250.99", "£7,800"]),
        "PCT": rng.choice(["15%", "7.5%", "20 %", "12%"]),
        "ORD": rng.choice(
            [
                f"Order #{rng.randint(10000, 99999)}",
                f"INV-2024-{rng.randint(1000, 9999)}",
                f"SKU-{rng.randint(10000, 99999)}",
                f"PO {rng.randint(100000, 999999)}",
            ]
        ),
        "VER": rng.choice(["v2.4.1", "version 3.12", "v10.0.3", "build 2024.11.2"]),
        "DAY": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        "MON": rng.choice(["January", "March", "June", "September", "December"]),
        "QTY": str(rng.choice([5, 12, 25, 40, 150])),
    }


def _obfuscate(values: dict[str, str]) -> dict[str, str]:
    """Unicode tricks: full-width digits, a zero-width space, Cyrillic look-alike letters."""
    out = dict(values)
    out["PH"] = "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in values["PH"])
    out["E"] = values["E"][:3] + "\u200b" + values["E"][3:]
    out["P"] = values["P"].replace("a", "\u0430").replace("o", "\u043e")
    return out


def _escape(value: str) -> str:
    return json.dumps(value, ensure_ascii=True)[1:-1]


def fill(template: str, values: dict[str, str], escape: bool) -> dict[str, Any]:
    """The text with slots replaced, its entity spans and its control phrases."""
    parts: list[str] = []
    entities: list[dict[str, Any]] = []
    controls: list[str] = []
    controls_at: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in SLOT.finditer(template):
        literal = template[pos : m.start()]
        parts.append(literal)
        length += len(literal)
        slot = m.group(1)
        value = values[slot]
        if escape:
            value = _escape(value)
        if slot in ENTITY_SLOTS:
            entities.append(
                {"type": ENTITY_SLOTS[slot], "start": length, "end": length + len(value)}
            )
        else:
            controls.append(value)
            controls_at.append((length, length + len(value)))
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(template[pos:])
    return {
        "text": "".join(parts),
        "entities": entities,
        "controls": controls,
        "controls_at": controls_at,
    }


def generate(pool: str, count: int, rng: random.Random) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    templates = TEMPLATES[pool]
    cultures = list(NAMES[pool])
    i = 0
    while len(records) < count:
        kind, script, template = templates[i % len(templates)]
        i += 1
        choices = [
            c for c in cultures if (c in ("hebrew", "arabic", "cyrillic")) == (script != "latin")
        ]
        if script in ("hebrew", "arabic", "cyrillic"):
            choices = [script]
        culture = rng.choice(choices)
        values = _values(pool, rng, culture)
        if kind == "obfuscated":
            values = _obfuscate(values)
        record = fill(template, values, escape=kind == "tool_result_escaped")
        record.update({"kind": kind, "culture": culture, "pool": pool})
        records.append(record)
    return records


MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]|\{\{(.+?)\}\}", re.DOTALL)  # values may span lines


def parse_marked(kind: str, culture: str, marked: str, pool: str = "handwritten") -> dict[str, Any]:
    """A hand-written record: [[TYPE|value]] entities and {{value}} controls."""
    parts: list[str] = []
    entities: list[dict[str, Any]] = []
    controls: list[str] = []
    controls_at: list[tuple[int, int]] = []
    pos = length = 0
    for m in MARK.finditer(marked):
        parts.append(marked[pos : m.start()])
        length += m.start() - pos
        value = m.group(2) if m.group(1) else m.group(3)
        if m.group(1):
            entities.append({"type": m.group(1), "start": length, "end": length + len(value)})
        else:
            controls.append(value)
            controls_at.append((length, length + len(value)))
        parts.append(value)
        length += len(value)
        pos = m.end()
    parts.append(marked[pos:])
    text = "".join(parts)
    return {
        "text": text,
        "entities": entities,
        "controls": controls,
        "controls_at": controls_at,
        "kind": kind,
        "culture": culture,
        "pool": pool,
    }


def main() -> int:
    rng = random.Random(SEED)
    OUT.mkdir(exist_ok=True)
    for pool, count in PER_POOL.items():
        rows = generate(pool, count, rng)
        with (OUT / f"{pool}.jsonl").open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(rows)} records -> {OUT / (pool + '.jsonl')}")
    with (OUT / "handwritten.jsonl").open("w", encoding="utf-8") as fh:
        for kind, culture, marked in HANDWRITTEN:
            fh.write(json.dumps(parse_marked(kind, culture, marked), ensure_ascii=False) + "\n")
    print(f"{len(HANDWRITTEN)} records -> {OUT / 'handwritten.jsonl'}")
    for pool, records in (
        ("blind_a", BLIND_A),
        ("blind_b", BLIND_B),
        ("blind_c", BLIND_C),
        ("blind_d", BLIND_D),
        ("blind_e", BLIND_E),
        ("blind_f", BLIND_F),
        ("blind_g", BLIND_G),
        ("blind_h", BLIND_H),
        ("blind_i", BLIND_I),
        ("blind_j", BLIND_J),
        ("blind_k", BLIND_K),
        ("blind_l", BLIND_L),
        ("blind_m", BLIND_M),
        ("blind_n", BLIND_N),
        ("blind_o", BLIND_O),
        ("blind_p", BLIND_P),
        ("blind_q", BLIND_Q),
        ("blind_r", BLIND_R),
    ):
        with (OUT / f"{pool}.jsonl").open("w", encoding="utf-8") as fh:
            for kind, culture, marked in records:
                row = parse_marked(kind, culture, marked, pool)
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(records)} records -> {OUT / (pool + '.jsonl')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
