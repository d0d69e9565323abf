from __future__ import annotations

import pytest

from proxy.detect.lexicon import load_lexicon
from proxy.detect.passenger_names import find_passenger_names


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_passenger_names(text, load_lexicon())]


def test_surname_slash_given_names_as_bookings_write_them() -> None:
    text = (
        "Passengers:\n- GOLDSTEIN/YONATAN MR\n- BEN-ARI/MICHAL MS\n"
        "- DELA ROSA/MARIA CRISTINA MS\n- ALHASHIMI/NOOR MS (window)"
    )
    assert [
        "GOLDSTEIN/YONATAN",
        "BEN-ARI/MICHAL",
        "DELA ROSA/MARIA CRISTINA",
        "ALHASHIMI/NOOR",
    ] == _found(text)


@pytest.mark.parametrize(
    "text", ["AND/OR TCP/IP USD/AED CRM/ERP YES/NO", "SALES/MARKETING split", "a/b testing"]
)
def test_acronyms_and_words_either_side_of_a_slash_are_not_names(text: str) -> None:
    assert [] == _found(text)
