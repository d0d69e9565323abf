"""The placeholder format: written form, reservation of caller numbers, possible prefixes."""

from __future__ import annotations

import pytest

from proxy.placeholders import MAX_PREFIX, could_continue, format_placeholder, reserved_in


def test_placeholders_are_written_typed_numbered_and_bracketed() -> None:
    assert "[IP_ADDRESS_12]" == format_placeholder(("IP_ADDRESS", 12))


def test_caller_numbers_are_reserved_with_every_digit_prefix_and_any_case() -> None:
    reserved: set[tuple[str, int]] = set()

    reserved_in("see person_123 and IP_ADDRESS_4", reserved)

    assert {
        ("PERSON", 1),
        ("PERSON", 12),
        ("PERSON", 123),
        ("IP_ADDRESS", 4),
        ("ADDRESS", 4),
    } == reserved


@pytest.mark.parametrize("tail", ["[", "[PE", "[person_", "PERSON_1", "[PERSON_12'", "[EMAIL_3's"])
def test_an_unfinished_placeholder_may_continue(tail: str) -> None:
    assert could_continue("x " + tail, 2)


@pytest.mark.parametrize("tail", ["[PERSON_1]", "[PX", "PERSON_1 ", "[[", "[PERSON_1234567"])
def test_finished_or_impossible_text_cannot_continue(tail: str) -> None:
    assert not could_continue("x " + tail, 2)


def test_a_bare_name_glued_to_a_word_cannot_start_a_placeholder() -> None:
    assert not could_continue("xPERSON_1", 1)


def test_no_possible_prefix_is_longer_than_the_hold_limit() -> None:
    assert MAX_PREFIX == len("[CREDIT_CARD_123456's")
