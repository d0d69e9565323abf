"""Whole-text restore puts back only this request's values, tolerant of model alterations."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from proxy.restore import Restorer

MAPPING = {("PERSON", 1): "Dana Cohen", ("EMAIL", 1): "dana@acme.co.il"}


def test_known_placeholders_are_restored() -> None:
    restorer = Restorer(MAPPING)

    assert "Write to Dana Cohen at dana@acme.co.il." == restorer.restore(
        "Write to [PERSON_1] at [EMAIL_1]."
    )


def test_common_model_alterations_of_a_known_placeholder_are_restored() -> None:
    restorer = Restorer(MAPPING)

    assert "Dana Cohen, Dana Cohen, Dana Cohen, Dana Cohen's, Dana Cohen's, Dana Cohen" == (
        restorer.restore("[person_1], PERSON_1, [PERSON_1, [PERSON_1's], PERSON_1's, PERSON_1]")
    )


def test_a_possessive_after_the_brackets_is_kept() -> None:
    assert "Dana Cohen's deal" == Restorer(MAPPING).restore("[PERSON_1]'s deal")


def test_placeholders_this_request_did_not_issue_are_left_alone_and_counted() -> None:
    restorer = Restorer(MAPPING)

    text = "[PERSON_7] and [PERSON_12] and [PHONE_1]"

    assert text == restorer.restore(text)
    assert (0, 3) == (restorer.counts.restored, restorer.counts.unrestored)


def test_a_placeholder_glued_to_a_word_or_longer_number_is_not_restored() -> None:
    text = "XPERSON_1 PERSON_10 [REDACTED_CREDIT_CARD]"

    assert text == Restorer(MAPPING).restore(text)


def test_nothing_is_restored_when_the_request_issued_nothing() -> None:
    assert "[PERSON_1]" == Restorer({}).restore("[PERSON_1]")


@given(st.text(min_size=1))
def test_restored_json_strings_stay_valid_json(value: str) -> None:
    restorer = Restorer({("PERSON", 1): value})

    restored = restorer.restore('{"name": "[PERSON_1]", "note": "PERSON_1\'s"}', json_string=True)

    assert {"name": value, "note": value + "'s"} == json.loads(restored)


def test_json_string_restore_escapes_quotes_backslashes_newlines_and_keeps_non_ascii() -> None:
    restorer = Restorer({("PERSON", 1): 'דנה "ד" \\ כהן\n'})

    assert '{"a": "דנה \\"ד\\" \\\\ כהן\\n"}' == restorer.restore(
        '{"a": "[PERSON_1]"}', json_string=True
    )
