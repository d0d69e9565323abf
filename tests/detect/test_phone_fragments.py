from __future__ import annotations

import pytest

from proxy.detect.phone_fragments import find_phone_fragments


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phone_fragments(text)]


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("The lead's number starts +972 54 ", "+972 54"),
        ("Reference fragment A: +971 50 7", "+971 50 7"),
        ("first half: +1 212.", "+1 212"),
        ("+44 20 7", "+44 20 7"),
    ],
)
def test_a_message_ending_in_the_start_of_an_international_number(text: str, fragment: str) -> None:
    assert [fragment] == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "+972 54 then more words follow",
        "growth was +15%",
        "score +3 12",
        "+999 12 34",  # no such country code
    ],
)
def test_numbers_inside_a_text_or_without_a_country_code_are_not_fragments(text: str) -> None:
    assert [] == _found(text)
