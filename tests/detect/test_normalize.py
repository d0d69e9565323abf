from __future__ import annotations

from proxy.detect.normalize import normalize


def _original(text: str, needle: str) -> str:
    view = normalize(text)
    start = view.text.index(needle)
    s, e = view.to_original(start, start + len(needle))
    return text[s:e]


def test_plain_text_is_returned_unchanged() -> None:
    view = normalize("Call Dana on Monday")
    assert "Call Dana on Monday" == view.text
    assert [] == view.edits


def test_zero_width_characters_are_removed_and_offsets_cover_them() -> None:
    text = "mail da\u200bna@example.com now"
    assert "da\u200bna@example.com" == _original(text, "dana@example.com")


def test_full_width_digits_fold_to_ascii_with_exact_offsets() -> None:
    text = "tel \uff10\uff15\uff14-\uff11\uff12\uff13\uff14\uff15\uff16\uff17 ok"
    view = normalize(text)
    assert "tel 054-1234567 ok" == view.text
    assert "\uff10\uff15\uff14-\uff11\uff12\uff13\uff14\uff15\uff16\uff17" == _original(
        text, "054-1234567"
    )


def test_json_unicode_escapes_are_decoded_and_map_back_to_the_escape() -> None:
    text = '{"contact": "J\\u00fcrgen M\\u00fcller"}'
    assert '{"contact": "Jürgen Müller"}' == normalize(text).text
    assert "J\\u00fcrgen M\\u00fcller" == _original(text, "Jürgen Müller")


def test_cyrillic_look_alikes_inside_latin_words_become_latin() -> None:
    assert "John Smith" == normalize("J\u043ehn Smith").text


def test_percent_encoded_at_sign_is_decoded() -> None:
    text = "dana%40example.com"
    assert "dana@example.com" == normalize(text).text
    assert text == _original(text, "dana@example.com")


def test_pure_cyrillic_words_are_left_alone() -> None:
    assert "Иван Петров" == normalize("Иван Петров").text


def test_combining_marks_and_tatweel_are_dropped_with_offsets_covering_them() -> None:
    niqqud = "שָׁלוֹם דָּנָה"
    assert "דָּנָה" == _original(niqqud, "דנה")
    harakat = "مُحَمَّد"
    assert harakat == _original(harakat, "محمد")
    tatweel = "مـــحمد"
    assert tatweel == _original(tatweel, "محمد")
    accents = "J\u0301o\u0301h\u0301n\u0301"
    assert accents == _original(accents, "John")


def test_every_unicode_space_separator_is_a_space() -> None:
    text = "+972\u300054\u00a0123\u2009 4567"
    assert "+972 54 123  4567" == normalize(text).text


def test_a_fully_percent_encoded_value_is_decoded() -> None:
    text = "to %4A%6F%68%6E%20%53%6D%69%74%68 now"
    assert "to John Smith now" == normalize(text).text
    assert "%4A%6F%68%6E%20%53%6D%69%74%68" == _original(text, "John Smith")


def test_bytes_that_are_not_utf8_stay_encoded() -> None:
    assert "a %FF%FE b" == normalize("a %FF%FE b").text


def test_text_inside_a_right_to_left_override_is_read_as_displayed() -> None:
    text = "note to \u202ehtimS nhoJ\u202c today"
    assert "note to John Smith today" == normalize(text).text


def test_spelled_values_map_back_through_earlier_edits() -> None:
    text = "mail jo\u200bhn dot smith at gmail dot com now"
    view = normalize(text)
    assert "mail john.smith@gmail.com now" == view.text
    assert "jo\u200bhn dot smith at gmail dot com" == _original(text, "john.smith@gmail.com")


def test_plain_ascii_prose_is_left_alone() -> None:
    view = normalize("Call me at 5 about the Q4 plan; a b c is fine.")
    assert [] == view.edits


def test_combining_marks_behind_escapes_are_dropped_too() -> None:
    assert "Garcia and Garcia" == normalize("Garci\\u0301a and Garci%CC%81a").text


def test_look_alikes_are_read_after_other_normalised_characters() -> None:
    text = "a\u00a0b da\u200bna J\u043ehn \uff08x\uff09"
    assert "a b dana John (x)" == normalize(text).text


def test_non_ascii_text_with_nothing_to_undo_is_left_alone() -> None:
    view = normalize("Thaís, Đặng and שרה: Иван Петров")
    assert [] == view.edits


def test_letters_folded_one_for_one_in_place_do_not_move_offsets() -> None:
    assert not normalize("plain text").moves_offsets
    assert not normalize("(x\uff09 J\u043ehn").moves_offsets
    assert normalize("da\u200bna").moves_offsets
    assert normalize("J\\u00fcrgen").moves_offsets


def test_escaped_line_breaks_become_line_breaks_and_map_back() -> None:
    text = '{"body": "Saludos,\\nTomás\\n+56 9 8741 2260"}'
    view = normalize(text)
    assert "Saludos,\nTomás\n+56 9 8741 2260" in view.text
    start = view.text.index("+56")
    assert view.to_original(start, start + 15) == (text.index("+56"), text.index("+56") + 15)
