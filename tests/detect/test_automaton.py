from __future__ import annotations

import pytest

from proxy.detect.automaton import Automaton

KEYS = [("with", "w"), ("spoke with", "s"), ("דנה", "d"), ("דנה לוי", "dl"), ("levi", "l")]


@pytest.mark.parametrize("for_one_request", [False, True])
def test_every_occurrence_with_character_offsets_in_order_of_their_ends(
    for_one_request: bool,
) -> None:
    automaton = Automaton(KEYS, for_one_request=for_one_request)
    text = "spoke with דנה לוי and levi"
    found = [(automaton.key(i), automaton.values[i], text[s:e]) for i, s, e in automaton.find(text)]
    assert found == [
        ("spoke with", "s", "spoke with"),
        ("with", "w", "with"),
        ("דנה", "d", "דנה"),
        ("דנה לוי", "dl", "דנה לוי"),
        ("levi", "l", "levi"),
    ]


@pytest.mark.parametrize("for_one_request", [False, True])
def test_presence_and_an_empty_key_set(for_one_request: bool) -> None:
    automaton = Automaton(KEYS, for_one_request=for_one_request)
    assert automaton.occurs_in("call levi")
    assert not automaton.occurs_in("call dana")
    empty: Automaton[str] = Automaton([], for_one_request=for_one_request)
    assert len(empty) == 0
    assert empty.find("spoke with dana") == []
    assert not empty.occurs_in("spoke with dana")


def test_a_key_given_twice_keeps_its_last_value() -> None:
    automaton = Automaton([("dana", 1), ("dana", 2)])
    assert len(automaton) == 1
    assert [automaton.values[i] for i, _, _ in automaton.find("dana")] == [2]
