"""IBANs: country code, check digits, BBAN; accepted only when mod-97 holds."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.checksums import mod97_valid
from proxy.detect.spans import EntityType, Span

IBAN = re.compile(r"[A-Z](?<![\w][A-Z])[A-Z]\d{2}(?:[ ]?[A-Z0-9]){11,30}(?![\w])")


def find_ibans(text: str) -> Iterator[Span]:
    """IBANs, compact or in groups of four, that pass the mod-97 check."""
    for m in IBAN.finditer(text):
        value = m.group()
        # A trailing word after the IBAN may have been swallowed by the optional spaces.
        while value and not mod97_valid(value):
            cut = value.rfind(" ")
            if cut < 15:
                value = ""
                break
            value = value[:cut]
        if value:
            yield Span(m.start(), m.start() + len(value), EntityType.IBAN, 1.0, "iban")
