from __future__ import annotations

from proxy.detect.lexicon import load_lexicon
from proxy.detect.name_forms import (
    arabizi_flags,
    attached_particle_name,
    fold_accents,
    fold_accents_but_tilde,
    russian_nominative_flags,
)


def test_accents_fold_to_the_plain_spelling() -> None:
    assert ["inigo", "sanjuan", "yilmaz", "lodz"] == [
        fold_accents(w) for w in ("íñigo", "sanjuán", "yılmaz", "łódź")
    ]


def test_a_declined_russian_name_has_its_nominatives_flags() -> None:
    lex = load_lexicon()
    assert russian_nominative_flags(lex, "дмитрием") == lex.flags["дмитрий"]
    assert russian_nominative_flags(lex, "ольгой") == lex.flags["ольга"]
    assert 0 == russian_nominative_flags(lex, "встречей")


def test_an_arabic_particle_written_together_with_a_name() -> None:
    lex = load_lexicon()
    assert attached_particle_name(lex, "بنعلي")
    assert not attached_particle_name(lex, "بناية")


def test_a_tilde_stays_when_the_lexicon_spells_the_name_with_it() -> None:
    assert "iñigo" == fold_accents_but_tilde("íñigo")
    assert "munoz" == fold_accents("muñoz")


def test_arabizi_names_read_in_latin_letters() -> None:
    lex = load_lexicon()
    assert all(arabizi_flags(lex, w) for w in ("3ali", "mo7ammad", "3abeer", "7amad", "ka3bi"))
    # Words, terms of endearment, and Latin words with digits are not names.
    assert not any(arabizi_flags(lex, w) for w in ("hala2", "7ayati", "ma3", "gr8", "sku123"))
