"""Payment card numbers: 13-19 digits in groups, Luhn-valid, with a known issuer prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.checksums import digits_of, luhn_valid
from proxy.detect.spans import EntityType, Span

# Contiguous digits, or the printed groupings: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners). A
# comma next to the number is a CSV field boundary. A grouped number right after a digit and a
# comma may be the end of a thousands-separated amount, unless it is a whole field of a CSV row
# ("...+971 52 904 1186,5326 2512 3937 0450,Starter"); 13 or more digits
# in a row never are (a CSV row's phone field, then the card: "...382-7190,4575221494700494").
CARD = re.compile(
    r"\d(?<![\w./+-]\d)"
    r"(?:\d{12,18}|(?P<grouped>\d{3}([ -])\d{4}\2\d{4}\2\d{1,7}|\d{3}([ -])\d{6}\3\d{4,5}))"
    r"(?![\w/]|[.-]\d)"
)
_AFTER_DIGIT_COMMA = re.compile(r"\d,$")
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|$)")
_ISSUER = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|6[0-9]|35|62|8)")


def find_cards(text: str) -> Iterator[Span]:
    """Card numbers whose digits pass Luhn and start like an issuer's range."""
    for m in CARD.finditer(text):
        if (
            m.group("grouped")
            and _AFTER_DIGIT_COMMA.search(text, max(0, m.start() - 2), m.start())
            and not _whole_field(text, m.start(), m.end())
        ):
            continue
        digits = digits_of(m.group())
        if 13 <= len(digits) <= 19 and _ISSUER.match(digits) and luhn_valid(digits):
            yield Span(m.start(), m.end(), EntityType.CREDIT_CARD, 1.0, "card")


def _whole_field(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a whole field of a CSV row: a comma follows it, or the
    line ends after it and holds three commas or more."""
    after = text[end : end + 1]
    if after == ",":
        return True
    if not _LINE_END.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return text.count(",", line_start, end) >= 3
