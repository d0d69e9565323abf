from __future__ import annotations

from proxy.detect.cards import find_cards


def test_a_luhn_valid_card_in_groups_is_found() -> None:
    text = "card 4111 1111 1111 1111 exp 12/27"
    assert ["4111 1111 1111 1111"] == [text[s.start : s.end] for s in find_cards(text)]


def test_a_card_number_with_a_bad_check_digit_is_ignored() -> None:
    assert [] == list(find_cards("card 4111 1111 1111 1112"))


def test_a_phone_number_that_happens_to_pass_luhn_is_not_a_card() -> None:
    assert [] == list(find_cards("+49 151 40459798"))


def test_cards_in_csv_columns() -> None:
    text = "INV-1,Gwen Ash,4182 6618 2591 5730,$2,340.00\nINV-2,Ez Br,370492105637749,$880.00"
    assert ["4182 6618 2591 5730", "370492105637749"] == [
        text[s.start : s.end] for s in find_cards(text)
    ]


def test_a_card_in_a_csv_row_right_after_a_phone_field() -> None:
    text = "Brightwater Dental,(646) 382-7190,4575221494700494,08/27,188.00"
    assert ["4575221494700494"] == [text[s.start : s.end] for s in find_cards(text)]


def test_a_grouped_number_after_a_thousands_comma_is_no_card() -> None:
    assert [] == list(find_cards("Total 12,4111 1111 1111 1111"))


def test_a_grouped_card_that_is_a_whole_csv_field_after_a_number() -> None:
    text = (
        "Rokeya Begum,Deira,+971 52 904 1186,5326 2512 3937 0450,Starter,650\n"
        "A,B,1,5326 2512 3937 0450"
    )
    assert ["5326 2512 3937 0450", "5326 2512 3937 0450"] == [
        text[s.start : s.end] for s in find_cards(text)
    ]
