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


def test_a_lower_case_word_after_a_name_part_never_makes_it_a_business() -> None:
    # "signs" is a trade ("Logan Signs") but here a verb: Logan is the person.
    assert ["Logan"] == _spread("Logan Bennett", "Megan handles procurement; Logan signs.")
    assert [] == _spread("Logan Bennett", "Order from Logan Signs arrived.")


def test_any_character_outside_a_word_separates_a_name_part() -> None:
    finder = Propagator(name_parts(["Dana Levi"], load_lexicon()))
    text = "(Dana)_Levi\u00b7dana\u2014Levi\u00e9 Dana\u3000"
    assert ["Dana", "Levi", "dana", "Dana"] == [text[s:e] for s, e in finder.find(text)]


def _spread(name: str, text: str) -> list[str]:
    finder = Propagator(name_parts([name], load_lexicon()))
    return [text[s:e] for s, e in finder.find(text)]


def test_a_name_part_after_the_word_a_business_opens_with_is_not_the_person() -> None:
    assert ["אבוטבול"] == _spread("שלום אבוטבול", "מוסך אבוטבול - איש קשר אבוטבול")
    assert [] == _spread("Claire Dubois", "customer's CRM (Atelier Dubois) without consent")
    assert ["נסים"] == _spread("נסים בוכריס", "מישהו דיבר עם נסים מאלקטרוניקה בוכריס?")
    assert ["المزروعي"] == _spread("خليفة المزروعي", "مجموعة المزروعي للضيافة، المزروعي وافق")


def test_in_a_caseless_script_only_the_next_word_can_make_a_business() -> None:
    # "הובלות" (haulage) ends a business's name only right after it.
    assert ["כהן"] == _spread("דני כהן", "דיברתי עם כהן על הובלות")
    assert [] == _spread("דני כהן", "הזמנו מכהן הובלות")


def test_a_lower_case_part_that_is_a_word_counts_only_with_what_a_person_has_after_it() -> None:
    text = "- will = Commercial Director\n- we will send hunter's cell and Will's number"
    assert ["will", "Will"] == _spread("Will Ashworth", text)
    assert ["hunter"] == _spread("Hunter Blake", text)


def test_a_lower_case_part_that_is_a_word_counts_after_a_greeting_or_a_contact_verb() -> None:
    assert ["dawn"] == _spread("Dawn Kowalczyk", '"hi dawn this is bill over at summit ridge')
    assert ["rose"] == _spread("Rose Delacroix", "spoke w/ rose (ops mgr). the rose bouquet SKU")
    assert [] == _spread("Will Ashworth", "hi, will do that. thanks will do")


def test_a_name_with_a_possessive_before_a_trade_word_is_the_business() -> None:
    assert ["Rahim"] == _spread("Rahim Uddin", "Rahim's Kitchen is closing for Eid, ask Rahim")


def test_indic_vowel_signs_are_inside_a_name_part() -> None:
    # "्" and "ा" are marks, not word characters: "शर्मा" must not be cut at them.
    text = "शर्मा जी और शर कल"
    assert [] == [p for p in _spread("अंकित शर्मा", text) if p not in ("शर्मा", "अंकित")]
