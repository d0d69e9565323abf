"""The first half of an international phone number left at the end of a message.

A number split across two messages ("... starts +972 54 1" / "and ends 23 4567") is never a
whole phone number in any one text. Its first half is still the identifying part (country,
operator and first digits), and a text ending in a `+` country code and a few digits is not
ordinary content, so that trailing fragment is reported as a PHONE; without it the second
half is a handful of digits that identify no one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import phonenumbers

from proxy.detect.spans import EntityType, Span

# `+`, a country code, then digits in groups, and nothing after but punctuation and spaces.
FRAGMENT = re.compile(r"(?<![\w+])\+\d(?:[ .-]?\d){3,10}(?=[ \t.,;:]*\Z)")


@lru_cache(maxsize=256)
def _known_country_code(digits: str) -> bool:
    """True when the digits open with an assigned country code and carry more after it."""
    return any(
        phonenumbers.region_code_for_country_code(int(digits[:n])) != "ZZ"
        for n in range(1, min(3, len(digits) - 1) + 1)
    )


def find_phone_fragments(text: str) -> Iterator[Span]:
    """A trailing `+CC ...` fragment of 4 to 11 digits whose country code exists."""
    if "+" not in text[-24:]:
        return
    m = FRAGMENT.search(text, max(0, len(text) - 24))
    if m is not None and _known_country_code("".join(c for c in m.group() if c.isdigit())):
        yield Span(m.start(), m.end(), EntityType.PHONE, 0.6, "phone_fragment")
