from __future__ import annotations

import pytest

from proxy.detect.lexicon import load_lexicon
from proxy.detect.organisations import (
    ampersand_firms,
    employer_spans,
    firm_repeats,
    known_organisations,
    legal_forms,
    organisation_spans,
    outside,
)


def test_capitalised_words_before_a_company_word_form_one_organisation() -> None:
    text = "approved by Falcon Freight Logistics LLC today"
    at = text.index("Logistics")
    spans = organisation_spans(text, [(at, at + len("Logistics"))])
    assert ["Falcon Freight Logistics"] == [text[s:e] for s, e in spans]


def test_the_walk_back_stops_at_a_lower_case_word_or_a_comma() -> None:
    text = "Omar Haddad and Haddad & Sons Trading, Dana, Acme Group"
    ends = [(text.index(w), text.index(w) + len(w)) for w in ("Trading", "Group")]
    spans = organisation_spans(text, ends)
    assert ["Haddad & Sons Trading", "Acme Group"] == [text[s:e] for s, e in spans]


def test_dotted_legal_forms_are_found() -> None:
    text = "Rossi & Bianchi S.r.l. and Saigon Tech Co., Ltd. and Bimbo S.A."
    assert ["S.r.l.", "Co., Ltd.", "S.A."] == [text[s:e] for s, e in legal_forms(text)]


def test_legal_forms_of_other_countries_are_found() -> None:
    text = "Nowak Sp. z o.o. and García S.L. and Pérez S.L.U. and Yılmaz A.Ş."
    assert ["Sp. z o.o.", "S.L.", "S.L.U.", "A.Ş."] == [text[s:e] for s, e in legal_forms(text)]


def test_a_firms_x_and_y_head_written_alone_is_the_firm() -> None:
    text = "Gallagher & Reid Recruitment (GR). Gallagher & Reid, and Tom Gallagher & Reid."
    org = (0, text.index(" ("))
    assert ["Gallagher & Reid"] == [text[s:e] for s, e in firm_repeats(text, [org])]
    assert [] == firm_repeats("Gallagher & Reid said hi", [(0, 16)])  # no trade behind it


def test_a_name_running_into_an_organisation_is_cut_before_it() -> None:
    text = "Luca Bianchi di Rossi & Bianchi S.r.l."
    org = (text.index("Rossi"), len(text))
    assert [(0, 12)] == outside(text, [(0, 21), (22, 27)], [org])


def test_a_prefix_letter_left_of_an_organisation_is_not_kept() -> None:
    text = "מנהל סניף ברמי לוי מודיעין"
    start = text.index("ברמי")
    assert [] == outside(text, [(start, start + len("ברמי לוי"))], known_organisations(text))


def test_the_employer_after_a_job_title_is_an_organisation() -> None:
    text = (
        "Ananya Krishnamurthy, Director of Sales Ops at Trivandrum Softworks. "
        "Thaís Carvalho | Marketing Manager | Lojas Aurora | +55. "
        "Giorgi Kapanadze (COO, Tbilisi Tea House)."
    )
    assert ["Trivandrum Softworks", "Lojas Aurora", "Tbilisi Tea House"] == [
        text[s:e] for s, e in employer_spans(text)
    ]


def test_holidays_and_towns_made_of_name_words_are_known_phrases() -> None:
    text = (
        "Since Labor Day; after Eid al-Adha; Ramazan Bayramı sonrası; עאמר מגבעת שמואל; غازي عنتاب"
    )
    found = [text[s:e] for s, e in known_organisations(text)]
    assert ["Labor Day", "Eid al-Adha", "Ramazan Bayramı", "גבעת שמואל", "غازي عنتاب"] == found


def test_a_place_that_is_also_a_full_name_is_not_a_known_phrase() -> None:
    # "ניר דוד" is a kibbutz and a man; "أم سعيد" a town and a woman called by her son's name.
    assert [] == known_organisations("נפגשתי עם ניר דוד ועם أم سعيد")


def test_muslim_holidays_in_hebrew_letters_are_known_phrases() -> None:
    text = "נחזור אחרי עיד אל-פיטר"
    assert ["עיד אל-פיטר"] == [text[s:e] for s, e in known_organisations(text)]


def test_festivals_of_many_cultures_are_known_phrases() -> None:
    text = (
        "before Durga Puja; on St David's Day; after Cinco de Mayo; "
        "עד הילולת בבא סאלי; بعد المولد النبوي; پیش از چهارشنبه سوری"
    )
    found = [text[s:e] for s, e in known_organisations(text)]
    assert [
        "Durga Puja",
        "St David's Day",
        "Cinco de Mayo",
        "הילולת בבא סאלי",
        "المولد النبوي",
        "چهارشنبه سوری",
    ] == found


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("the Hartwell & Finch account is down again", "Hartwell & Finch"),
        ("Invoice from Adebayo & Sons Provisions", "Adebayo & Sons"),
    ],
)
def test_surnames_joined_by_an_ampersand_are_a_firm(text: str, firm: str) -> None:
    assert [firm] == [text[s:e] for s, e in ampersand_firms(text, load_lexicon())]


@pytest.mark.parametrize(
    "text", ["Dana & Moshe came to the demo", "Dana & Moshe Cohen came", "Tom Gallagher & Reid"]
)
def test_given_names_or_a_full_name_joined_by_an_ampersand_are_people(text: str) -> None:
    assert [] == [text[s:e] for s, e in ampersand_firms(text, load_lexicon())]


def test_a_given_name_before_a_group_known_by_its_family_name_is_that_person() -> None:
    text = "co-sold with Rashed Al Ghurair, no relation to Al Ghurair Group"
    start = text.index("Rashed")
    hits = [(start, start + len("Rashed Al Ghurair")), (text.rindex("Al"), text.rindex("Al") + 10)]
    kept = outside(text, hits, known_organisations(text))
    assert ["Rashed Al Ghurair"] == [text[s:e] for s, e in kept]


def test_a_hebrew_or_arabic_name_after_a_set_phrase_in_the_same_run_is_kept() -> None:
    # "And greetings to Hamid": no capitals end the run at the greeting.
    text = "وسلام على حميد اللي عطانا"
    hit = [(1, text.index(" اللي"))]
    assert ["حميد"] == [text[s:e] for s, e in outside(text, hit, known_organisations(text))]


@pytest.mark.parametrize(
    "text",
    ["יש אור בקצה המנהרה", "ההצעה מצאה חן בעיני הלקוח", "עמית לעבודה שלה", "שביעות רצון"],
)
def test_hebrew_idioms_made_of_name_words_are_known_phrases(text: str) -> None:
    assert known_organisations(text)
