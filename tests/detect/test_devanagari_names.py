from __future__ import annotations

import pytest

from proxy.detect.devanagari_names import find_devanagari_names, readings
from proxy.detect.lexicon import load_lexicon


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_devanagari_names(text, load_lexicon())]


@pytest.mark.parametrize(
    ("word", "spelt"),
    [
        ("शर्मा", "sharma"),  # a virama joins r and m; the long a at the end stays
        ("अंकित", "ankit"),  # the anusvara, and the silent inherent vowel at the end
        ("राजपूत", "rajput"),  # a silent inherent vowel inside the word
        ("पूजा", "pooja"),  # the long u spelt as Indian names often spell it
        ("सिंह", "singh"),
        ("अग्रवाल", "agrawal"),
    ],
)
def test_a_word_is_read_the_way_indian_names_are_spelt(word: str, spelt: str) -> None:
    assert spelt in readings(word)


def test_two_names_in_a_row_ending_in_a_surname_are_a_name() -> None:
    text = "ग्राहक: अंकित शर्मा, जयपुर। मेरी पार्टनर पूजा अग्रवाल को भी यही error आ रहा है।"
    assert ["अंकित शर्मा", "पूजा अग्रवाल"] == _found(text)


def test_one_name_needs_an_honorific_before_or_ji_after_it() -> None:
    assert ["विक्रम", "अंकित"] == _found("श्री विक्रम ने कहा कि अंकित जी को भेजें")
    assert [] == _found("विक्रम ने कहा")


def test_hindi_words_that_read_as_names_are_not_names() -> None:
    # "कर रहा" reads kar raha, both in the name lexicon; "पूजा" alone is worship.
    assert [] == _found("हम काम कर रहा है, दिवाली की पूजा के बाद")


def test_a_text_without_devanagari_finds_nothing() -> None:
    assert [] == _found("Ankit Sharma called")
