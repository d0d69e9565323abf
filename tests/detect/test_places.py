from __future__ import annotations

from proxy.detect.places import ADDRESS_WORDS, PLACES


def test_the_gazetteer_holds_cities_and_countries_in_each_script() -> None:
    assert {"dubai", "tel aviv", "riyadh", "united arab emirates"} <= PLACES
    assert any("\u0590" <= p[0] <= "\u05ff" for p in PLACES)
    assert any("\u0600" <= p[0] <= "\u06ff" for p in PLACES)
    assert "not_street_words" in ADDRESS_WORDS
