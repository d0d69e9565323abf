from __future__ import annotations

from proxy.detect.iban import find_ibans


def test_valid_ibans_compact_and_grouped() -> None:
    text = "pay IL62 0108 0000 0009 9999 999 or DE89370400440532013000 today"
    assert ["IL62 0108 0000 0009 9999 999", "DE89370400440532013000"] == [
        text[s.start : s.end] for s in find_ibans(text)
    ]


def test_an_iban_with_a_wrong_check_is_ignored() -> None:
    assert [] == list(find_ibans("DE88370400440532013000"))
