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
