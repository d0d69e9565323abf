"""Payment card numbers: 13-19 digits in groups, Luhn-valid, with a known issuer prefix."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.checksums import digits_of, luhn_valid
from proxy.detect.spans import EntityType, Span

# Contiguous digits, or the printed groupings: 4-4-4-4(-3), 4-6-5 (Amex), 4-6-4 (Diners). A
# comma next to the number is a CSV field boundary. A grouped number right after a digit and a
# comma may be the end of a thousands-separated amount; 13 or more digits in a row never are
# (a CSV row's phone field, then the card: "...382-7190,4575221494700494").
CARD = re.compile(
    r"\d(?<![\w./+-]\d)"
    r"(?:\d{12,18}|(?<!\d,\d)(?:\d{3}([ -])\d{4}\1\d{4}\1\d{1,7}|\d{3}([ -])\d{6}\2\d{4,5}))"
    r"(?![\w/]|[.-]\d)"
)
_ISSUER = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|3[0689]|6[0-9]|35|62|8)")


def find_cards(text: str) -> Iterator[Span]:
    """Card numbers whose digits pass Luhn and start like an issuer's range."""
    for m in CARD.finditer(text):
        digits = digits_of(m.group())
        if 13 <= len(digits) <= 19 and _ISSUER.match(digits) and luhn_valid(digits):
            yield Span(m.start(), m.end(), EntityType.CREDIT_CARD, 1.0, "card")
