from __future__ import annotations

from proxy.detect.wordlists import read_sections


def test_sections_hold_casefolded_entries_without_comments() -> None:
    sections = read_sections("context_words.txt")
    assert {"particles", "never", "places", "brands", "organisations"} <= set(sections)
    assert "bin" in sections["particles"]
    assert all(not w.startswith("#") and w == w.casefold() for w in sections["never"])
