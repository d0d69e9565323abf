from __future__ import annotations

from proxy.detect.dictionary import term_dictionary


def test_terms_match_whole_words_case_insensitively() -> None:
    terms = term_dictionary(["Dana Levi", "Levi", "Project Falcon"])
    text = "Met dana levi re project falcon; Levis jeans; Levi."
    assert ["dana levi", "project falcon", "Levi"] == [text[s:e] for s, e in terms.find(text)]


def test_the_same_term_set_reuses_the_built_automaton() -> None:
    assert term_dictionary(["a1", "b2"]) is term_dictionary(["b2", "a1"])


def test_a_large_contact_list_is_one_automaton() -> None:
    terms = term_dictionary([f"Contact{i} Person{i}" for i in range(20_000)])
    text = "Call contact19999 person19999 today"
    assert ["contact19999 person19999"] == [text[s:e] for s, e in terms.find(text)]
