from __future__ import annotations

from proxy.detect.lexicon import AMBIGUOUS, GIVEN, SURNAME, load_lexicon
from proxy.detect.names import find_names


def _found(text: str) -> list[str]:
    return [text[h.start : h.end] for h in find_names(text, load_lexicon())]


def test_foreign_names_in_hebrew_and_arabic_letters_are_names() -> None:
    lex = load_lexicon()
    # "ديفيد" was an ordinary word by its newspaper frequency, "ג'ורג'" unknown.
    for name in ("ديفيد", "جورج", "سانجاي", "ג'ורג'", "ג׳ורג׳", "וולודיה"):
        assert lex.lookup(name) & GIVEN and not lex.lookup(name) & AMBIGUOUS, name
        assert not lex.is_common(name), name
    assert lex.lookup("ג'ונסון") & SURNAME


def test_a_foreign_name_that_is_also_a_word_needs_a_second_signal() -> None:
    lex = load_lexicon()
    assert lex.lookup("פול") & AMBIGUOUS  # beans
    assert [] == _found("פול עם חומוס")
    assert ["ديفيد كولر"] == _found("العميل ديفيد كولر من ألمانيا")
    assert ["ג׳ורג׳"] == _found("תתקשר לג׳ורג׳ מחר")


def test_thai_east_african_and_maori_names_are_names() -> None:
    lex = load_lexicon()
    for name in ("somchai", "pimchanok", "otieno", "wanjiku", "kiprop", "aroha", "enkhbayar"):
        assert lex.lookup(name) & GIVEN and not lex.lookup(name) & AMBIGUOUS, name
    assert lex.lookup("wongsakul") & SURNAME
    assert lex.lookup("furaha") & AMBIGUOUS  # Swahili joy
    assert lex.lookup("upendo") & AMBIGUOUS  # love
    assert ["Somchai Wongsakul", "Otieno Odhiambo"] == _found(
        "Intro from Somchai Wongsakul; Otieno Odhiambo replied."
    )


def test_french_names_of_north_african_jews_in_hebrew() -> None:
    assert ["ז'קי אלמליח", "ג'קי"] == _found("ל ז'קי אלמליח יש חן, וג'קי מהסופר יגיע")
