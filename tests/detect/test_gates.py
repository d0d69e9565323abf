"""Cue gates: a group opens when one of its cues occurs, and only then."""

from __future__ import annotations

from proxy.detect.gates import CueGates


def test_a_group_opens_only_when_one_of_its_cues_occurs() -> None:
    gates = CueGates([("street", "road"), ("רחוב",), ("box",)])

    assert {0, 1} == gates.open("the road to רחוב הרצל")


def test_a_group_with_an_empty_cue_is_always_open() -> None:
    gates = CueGates([("",), ("box",)])

    assert {0} == gates.open("nothing here")


def test_no_cue_in_the_text_opens_nothing() -> None:
    assert set() == CueGates([("street",)]).open("plain words only")
