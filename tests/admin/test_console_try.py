"""The try-it panel's pieces: unchanged text and highlighted changes, on both sides."""

from __future__ import annotations

from proxy.admin.console_try import Segment, segments
from proxy.admin.dry_run import changes_between


def test_each_change_is_a_highlighted_piece_on_both_sides() -> None:
    original = "Dana Levi: dana@acme.io!"
    sent = "[PERSON_1]: [EMAIL_1]!"

    before, after = segments(original, sent, changes_between(original, sent))

    assert [
        Segment("Dana Levi", "PERSON"),
        Segment(": "),
        Segment("dana@acme.io", "EMAIL"),
        Segment("!"),
    ] == before
    assert [
        Segment("[PERSON_1]", "PERSON"),
        Segment(": "),
        Segment("[EMAIL_1]", "EMAIL"),
        Segment("!"),
    ] == after


def test_an_unchanged_text_is_one_plain_piece() -> None:
    assert ([Segment("שלום דנה")], [Segment("שלום דנה")]) == segments("שלום דנה", "שלום דנה", ())


def test_an_untyped_redaction_is_highlighted_as_changed() -> None:
    original, sent = "pin 4321.", "pin ████."

    before, _ = segments(original, sent, changes_between(original, sent))

    assert Segment("4321", "CHANGED") in before
