"""The stream restorer releases at once all that cannot be a placeholder, whatever the cuts."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from proxy.restore import Restorer
from proxy.stream import StreamRestorer

MAPPING = {("PERSON", 1): "Dana", ("EMAIL", 2): 'd"x\\@a.io', ("IP_ADDRESS", 1): "10.0.0.1"}

# Text made of the pieces placeholders are made of, so cuts fall inside them often.
pieces = st.sampled_from(
    ["[", "]", "PERSON", "person", "_", "1", "2", "12", "EMAIL", "IP_ADDRESS", "'s", "’s", " ",
     "x", "é", "\n", "[PERSON_1]", "[EMAIL_2]", "PERSON_1", "[PERSON_7]", "P", "E"]
)  # fmt: skip
stream_text = st.lists(pieces, max_size=40).map("".join)


def run(text: str, cuts: list[int], *, json_string: bool = False) -> str:
    stream = StreamRestorer(Restorer(MAPPING), json_string=json_string)
    bounds = [0, *sorted(set(cuts)), len(text)]
    out = [stream.feed(text[a:b]) for a, b in itertools.pairwise(bounds)]
    return "".join(out) + stream.flush()


@given(stream_text, st.lists(st.integers(min_value=0, max_value=400)), st.booleans())
def test_every_way_of_cutting_gives_the_whole_text_restore(
    text: str, cuts: list[int], json_string: bool
) -> None:
    cuts = [cut for cut in cuts if cut <= len(text)]

    assert Restorer(MAPPING).restore(text, json_string=json_string) == run(
        text, cuts, json_string=json_string
    )


@given(stream_text)
def test_one_character_per_event_gives_the_whole_text_restore(text: str) -> None:
    assert Restorer(MAPPING).restore(text) == run(text, list(range(len(text))))


def test_text_that_cannot_start_a_placeholder_is_released_at_once() -> None:
    stream = StreamRestorer(Restorer(MAPPING))

    assert ["Hello ", "", "", "Dana, ", "how are you"] == [
        stream.feed("Hello [PER"),
        stream.feed("SON"),
        stream.feed("_1"),
        stream.feed("], "),
        stream.feed("how are you"),
    ]


def test_a_possible_prefix_is_held_until_the_end_then_flushed() -> None:
    stream = StreamRestorer(Restorer(MAPPING))

    assert "Bye " == stream.feed("Bye PERSON_1")
    assert stream.holding
    assert "Dana" == stream.flush()
    assert not stream.holding


def test_an_unknown_placeholder_is_released_unchanged() -> None:
    stream = StreamRestorer(Restorer(MAPPING))

    assert "[PERSON_7] ok" == stream.feed("[PERSON_7] ok") + stream.flush()
