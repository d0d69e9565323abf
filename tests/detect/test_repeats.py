from __future__ import annotations

from proxy.detect.repeats import repeats
from proxy.detect.spans import EntityType, Span


def test_a_value_found_once_is_found_wherever_else_it_is_written() -> None:
    texts = ["new password: Ba7ar$Blu3_2025", "Ba7ar$Blu3_2025 works; xBa7ar$Blu3_2025 is another"]
    found = [[Span(14, 29, EntityType.SECRET, 1.0, "assigned")], []]
    assert [[], [(0, 15)]] == [[(s.start, s.end) for s in spans] for spans in repeats(texts, found)]
    assert EntityType.SECRET is repeats(texts, found)[1][0].type


def test_short_values_and_names_are_not_repeated() -> None:
    texts = ["code 8812, Dana", "8812 and Dana"]
    found = [
        [
            Span(5, 9, EntityType.SECRET, 1.0, "assigned"),
            Span(11, 15, EntityType.PERSON, 1.0, "names"),
        ],
        [],
    ]
    assert [[], []] == repeats(texts, found)


def test_a_word_found_by_mistake_does_not_spread() -> None:
    texts = ["pass: Approved", "Status: Approved"]
    found = [[Span(6, 14, EntityType.SECRET, 1.0, "assigned")], []]
    assert [[], []] == repeats(texts, found)


def test_a_second_mention_in_the_same_text_is_found_but_not_the_first_again() -> None:
    texts = ["ID 039337423, again 039337423 and 0393374231"]
    found = [[Span(3, 12, EntityType.IL_ID, 1.0, "il_id")]]
    assert [[(20, 29)]] == [[(s.start, s.end) for s in spans] for spans in repeats(texts, found)]
