from __future__ import annotations

from proxy.detect.lexicon import load_lexicon
from proxy.detect.propagation import Propagator, name_parts


def test_parts_of_a_found_name_are_found_alone_elsewhere() -> None:
    finder = Propagator(name_parts(["Dana Levi"], load_lexicon()))
    text = "later dana asked Levi's team; Danaher is a company"
    assert ["dana", "Levi"] == [text[s:e] for s, e in finder.find(text)]


def test_an_ambiguous_part_only_matches_with_its_capital() -> None:
    finder = Propagator(name_parts(["Will Thompson"], load_lexicon()))
    text = "we will ask Will"
    assert ["Will"] == [text[s:e] for s, e in finder.find(text)]


def test_hebrew_prefix_letters_stay_outside_the_span() -> None:
    finder = Propagator(name_parts(["דנה כהן"], load_lexicon()))
    text = "ודנה אמרה"
    assert ["דנה"] == [text[s:e] for s, e in finder.find(text)]


def test_hyphenated_parts_and_text_whose_case_folding_changes_length() -> None:
    finder = Propagator(name_parts(["Min-jun Zhang"], load_lexicon()))
    text = "Straße 5: Min-jun rief an"
    assert ["Min-jun"] == [text[s:e] for s, e in finder.find(text)]


def test_a_name_part_inside_a_company_name_is_not_the_person() -> None:
    finder = Propagator(name_parts(["Omar Haddad"], load_lexicon()))
    text = "Haddad Group signed; Haddad will call"
    assert [(21, 27)] == finder.find(text)


def test_any_character_outside_a_word_separates_a_name_part() -> None:
    finder = Propagator(name_parts(["Dana Levi"], load_lexicon()))
    text = "(Dana)_Levi\u00b7dana\u2014Levi\u00e9 Dana\u3000"
    assert ["Dana", "Levi", "dana", "Dana"] == [text[s:e] for s, e in finder.find(text)]
