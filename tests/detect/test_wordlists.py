from __future__ import annotations

from proxy.detect.wordlists import read_sections


def test_sections_hold_casefolded_entries_without_comments() -> None:
    sections = read_sections("context_words.txt")
    assert {"particles", "never", "places", "brands", "organisations"} <= set(sections)
    assert "bin" in sections["particles"]
    assert all(not w.startswith("#") and w == w.casefold() for w in sections["never"])


def test_a_gzip_list_is_read_like_a_plain_one() -> None:
    sections = read_sections("gazetteer.txt.gz")
    assert {"phrases", "words", "cities"} == set(sections)
    phrases = {"labor day", "eid al-adha", "גבעת שמואל", "غازي عنتاب", "sri lanka"}
    assert phrases <= sections["phrases"]
    assert {"bradford", "tanger"} <= sections["cities"]
