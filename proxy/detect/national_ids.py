"""National identifiers: Israeli ID (check digit) and US SSN (issuance rules)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.checksums import il_id_valid
from proxy.detect.spans import EntityType, Span

# A comma on either side is a CSV field boundary: nine digits are never one group of a
# thousands-grouped number ("050-7718234,952224970" is a phone cell, then an ID cell).
IL_ID = re.compile(r"\d(?<![\w./-]\d)(?:\d{7}-?\d|\d{8})(?!\w|[./-]\d)")
# A comma next to it is a CSV cell's edge unless digits group around it ("1,234-56-7890").
SSN = re.compile(
    r"\d(?<![\w./-]\d)(?<!\d,\d)\d\d(?<!000)(?<!666)(?<!9\d\d)([- ])(?!00)\d{2}\1(?!0000)\d{4}"
    r"(?![\w]|[./-]\d|,\d{3}(?!\d))"
)
SSN_BARE = re.compile(
    r"(?i)(?:ssn|social security(?: number| no\.?)?)\W{0,4}"
    r"((?!000|666|9\d\d)\d{3}(?!00)\d{2}(?!0000)\d{4})(?!\d)"
)
# Words right before a number that make it an order/invoice/ticket number, not an ID.
_NOT_ID = re.compile(
    r"(?i)(?:order|invoice|inv|sku|ticket|ref|po|quote|deal|case|tracking|account|acct|"
    r"#|no\.?|id:?\s*#|הזמנה|חשבונית|فاتورة|طلب)\W{0,3}$"
)
# The cue may be a word or two before the number ("ת.ז. לחשבונית 0996...", "ID for invoice").
_ID_CUE = re.compile(
    r"(?i)(?:\bt\.?z\.?|teudat|ת[.״\"׳']?ז|תעודת זהות|\bid\b|identity|هوية)"
    r"(?:\W{1,3}[^\W\d]{1,10}){0,2}\W{0,12}$"
)


def find_il_ids(text: str) -> Iterator[Span]:
    """9-digit numbers with a valid Israeli check digit (not after order/invoice words)."""
    for m in IL_ID.finditer(text):
        before = text[max(0, m.start() - 36) : m.start()]
        if _NOT_ID.search(before) and not _ID_CUE.search(before):
            continue
        if il_id_valid(m.group()):
            yield Span(m.start(), m.end(), EntityType.IL_ID, 1.0, "il_id")


def find_ssns(text: str) -> Iterator[Span]:
    """SSNs written 123-45-6789 / 123 45 6789, or bare 9 digits after an SSN cue."""
    for m in SSN.finditer(text):
        yield Span(m.start(), m.end(), EntityType.US_SSN, 1.0, "ssn")
    cued = any(
        cue in text
        for cue in ("SSN", "ssn", "Ssn", "ocial security", "ocial Security", "OCIAL SECURITY")
    )
    for m in SSN_BARE.finditer(text) if cued else ():
        yield Span(m.start(1), m.end(1), EntityType.US_SSN, 1.0, "ssn")
