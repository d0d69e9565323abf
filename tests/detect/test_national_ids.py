from __future__ import annotations

from proxy.detect.national_ids import find_il_ids, find_ssns


def test_israeli_id_with_valid_check_digit_is_found() -> None:
    text = "ת.ז. 123456782 נשלחה"
    assert ["123456782"] == [text[s.start : s.end] for s in find_il_ids(text)]


def test_israeli_id_with_invalid_check_digit_is_ignored() -> None:
    assert [] == list(find_il_ids("id 123456789"))


def test_a_valid_nine_digit_number_after_order_is_an_order_number() -> None:
    assert [] == list(find_il_ids("order #123456782"))


def test_ssn_is_found_and_never_issued_areas_are_not() -> None:
    text = "SSN 123-45-6789; 666-12-3456; 912-12-3456; 123-00-4567"
    assert ["123-45-6789"] == [text[s.start : s.end] for s in find_ssns(text)]


def test_bare_nine_digit_ssn_needs_an_ssn_cue() -> None:
    assert ["123456789"] == ["SSN: 123456789"[s.start : s.end] for s in find_ssns("SSN: 123456789")]
    assert [] == list(find_ssns("ref 123456789"))


def test_an_id_in_a_csv_row_is_found_but_not_inside_grouped_thousands() -> None:
    text = "Moran Biton,517889150,0547712093\nAvi Cohen,076357672,250,Haifa\n1,234,567,890"
    assert ["517889150", "076357672"] == [text[s.start : s.end] for s in find_il_ids(text)]


def test_an_id_cell_after_a_cell_that_ends_in_a_digit() -> None:
    text = "נביה עאמר,ג'וליס,050-7718234,952224970,פעיל"
    assert ["952224970"] == [text[s.start : s.end] for s in find_il_ids(text)]


def test_an_id_cue_a_word_or_two_before_the_number_outweighs_an_invoice_word() -> None:
    text = "ת.ז. לחשבונית 099603086 בבקשה"
    assert ["099603086"] == [text[s.start : s.end] for s in find_il_ids(text)]
    assert [] == list(find_il_ids("חשבונית 099603086"))


def test_an_ssn_cell_between_csv_commas_is_found_but_not_grouped_thousands() -> None:
    text = "name,ssn,state,deals\nDe Shawn,412-67-3309,GA,4\nOther,1,234-56-7890,000"
    assert ["412-67-3309"] == [text[s.start : s.end] for s in find_ssns(text)]


def test_an_id_cue_with_gershayim_before_an_invoice_word() -> None:
    text = "ת״ז לחשבונית: 304647647"
    assert ["304647647"] == [text[s.start : s.end] for s in find_il_ids(text)]
