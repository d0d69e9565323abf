"""Pseudonymization: one book per request, stable numbering, policy actions, exact round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from proxy.detect.spans import EntityType, Span
from proxy.errors import PolicyBlocked
from proxy.policy import Action, Policy
from proxy.pseudonymize import pseudonymize
from proxy.restore import Restorer
from tests.fakes.literal_detector import LiteralDetector

PEOPLE = {
    "Dana Cohen": EntityType.PERSON,
    "Avi Levi": EntityType.PERSON,
    "dana@acme.co.il": EntityType.EMAIL,
    "DANA@ACME.CO.IL": EntityType.EMAIL,
    "4111 1111 1111 1111": EntityType.CREDIT_CARD,
}


def run(texts: list[str], policy: Policy | None = None) -> list[str]:
    spans = LiteralDetector(PEOPLE).detect_all(texts)
    return pseudonymize(texts, spans, policy or Policy()).texts


def test_the_same_value_gets_the_same_placeholder_in_every_text() -> None:
    assert ["Call [PERSON_1].", "[PERSON_1] and [PERSON_2] met."] == run(
        ["Call Dana Cohen.", "Dana Cohen and Avi Levi met."]
    )


def test_placeholders_are_numbered_per_type_in_reading_order() -> None:
    assert ["[PERSON_1] [EMAIL_1] [PERSON_2]"] == run(["Dana Cohen dana@acme.co.il Avi Levi"])


def test_earlier_turns_keep_their_placeholders_when_a_turn_is_appended() -> None:
    first = run(["Dana Cohen wrote.", "Noted."])
    second = run(["Dana Cohen wrote.", "Noted.", "Avi Levi and Dana Cohen replied."])

    assert first == second[:2]


def test_emails_that_differ_only_in_case_share_a_placeholder() -> None:
    assert ["[EMAIL_1] / [EMAIL_1]"] == run(["dana@acme.co.il / DANA@ACME.CO.IL"])


def test_numbers_already_in_caller_text_are_never_issued() -> None:
    assert ["PERSON_1 and [person_2] are [PERSON_3]"] == run(
        ["PERSON_1 and [person_2] are Dana Cohen"]
    )


def test_redacted_values_are_replaced_irreversibly() -> None:
    texts = ["Card 4111 1111 1111 1111"]
    result = pseudonymize(texts, LiteralDetector(PEOPLE).detect_all(texts), Policy())

    assert (["Card [REDACTED_CREDIT_CARD]"], {}) == (result.texts, result.book.mapping)


def test_a_blocked_type_refuses_the_request_naming_the_type_not_the_value() -> None:
    policy = Policy(actions={EntityType.PERSON: Action.BLOCK})

    with pytest.raises(PolicyBlocked) as caught:
        run(["Hi Dana Cohen"], policy)

    assert "PERSON" in caught.value.message
    assert "Dana" not in caught.value.message


def test_allowed_types_are_sent_as_they_are() -> None:
    assert ["Hi Dana Cohen"] == run(
        ["Hi Dana Cohen"], Policy(actions={EntityType.PERSON: Action.ALLOW})
    )


def test_entity_counts_are_kept_per_type_and_action() -> None:
    texts = ["Dana Cohen, Dana Cohen, 4111 1111 1111 1111"]
    result = pseudonymize(texts, LiteralDetector(PEOPLE).detect_all(texts), Policy())

    assert {("PERSON", "pseudonymize"): 2, ("CREDIT_CARD", "redact"): 1} == dict(result.entities)


# Text is built from caller pieces (brackets, placeholder look-alikes) and entity values, so the
# spans are known exactly.
caller_pieces = st.one_of(
    st.text(max_size=8),
    st.sampled_from(["[", "]", "PERSON_1", "[PERSON_2]", "person_3's", "PHONE_", "1", "'s", "_"]),
)
values = st.one_of(
    st.text(min_size=1, max_size=8),
    st.sampled_from(["Dana", "דנה כהן", "PERSON_1", "1", "[x]", "s"]),
)
segments = st.lists(
    st.tuples(st.booleans(), caller_pieces, values, st.sampled_from(["PERSON", "PHONE"])),
    max_size=8,
)


@given(st.lists(segments, min_size=1, max_size=3))
def test_restore_of_pseudonymize_is_the_original_when_the_model_echoes(
    texts_segments: list[list[tuple[bool, str, str, str]]],
) -> None:
    texts: list[str] = []
    spans: list[list[Span]] = []
    for text_segments in texts_segments:
        text, text_spans = "", []
        for is_entity, caller, value, entity in text_segments:
            if is_entity:
                text_spans.append(Span(len(text), len(text) + len(value), EntityType(entity)))
                text += value
            else:
                text += caller
        texts.append(text)
        spans.append(text_spans)

    result = pseudonymize(texts, spans, Policy())
    restorer = Restorer(result.book.mapping)

    assert texts == [restorer.restore(text) for text in result.texts]


def test_texts_holding_a_nul_character_are_still_replaced_exactly() -> None:
    assert ["a\x00[PERSON_1]", "[PERSON_2]\x00b"] == run(["a\x00Dana Cohen", "Avi Levi\x00b"])


def test_a_span_outside_its_text_is_an_error_not_a_silent_pass() -> None:
    with pytest.raises(ValueError):
        pseudonymize(["short"], [[Span(2, 40, EntityType.PERSON)]], Policy())


def test_a_long_text_cut_into_several_presidio_calls_is_replaced_exactly_and_restored() -> None:
    # Far longer than one presidio stretch, with values right at and across every cut region.
    chunk = "Dana Cohen wrote to dana@acme.co.il and Avi Levi; " + "x" * 997 + " "
    texts = [chunk * 40, "Avi Levi again"]

    result = run(texts)

    expected = chunk.replace("Dana Cohen", "[PERSON_1]").replace("dana@acme.co.il", "[EMAIL_1]")
    expected = expected.replace("Avi Levi", "[PERSON_2]")
    assert [expected * 40, "[PERSON_2] again"] == result
