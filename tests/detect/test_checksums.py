from __future__ import annotations

from proxy.detect.checksums import il_id_valid, luhn_valid, mod97_valid


def test_luhn_accepts_a_valid_card_number_and_rejects_one_digit_off() -> None:
    assert True is luhn_valid("4111 1111 1111 1111")
    assert False is luhn_valid("4111 1111 1111 1112")


def test_mod97_accepts_a_valid_iban_and_rejects_a_wrong_check_digit() -> None:
    assert True is mod97_valid("GB82 WEST 1234 5698 7654 32")
    assert False is mod97_valid("GB83 WEST 1234 5698 7654 32")


def test_israeli_id_check_digit() -> None:
    assert True is il_id_valid("123456782")
    assert False is il_id_valid("123456789")
    assert False is il_id_valid("000000000")
