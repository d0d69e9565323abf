from __future__ import annotations

import pytest

from proxy.detect.ip import find_ips


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_ips(text)]


def test_ipv4_and_ipv6_addresses_are_found() -> None:
    assert ["192.168.10.4", "2001:db8::8a2e:370:7334"] == _found(
        "from 192.168.10.4 and 2001:db8::8a2e:370:7334."
    )


def test_out_of_range_octets_and_versions_are_not_ips() -> None:
    assert [] == _found("999.1.1.1 and release v1.2.3.4 and version 10.0.0.1")


def test_clock_times_are_not_ipv6() -> None:
    assert [] == _found("meet at 10:30:00 on Monday")


def test_zero_padded_octets_are_still_an_address() -> None:
    text = "login from 192.168.001.010, not 999.1.1.1"
    assert ["192.168.001.010"] == [text[s.start : s.end] for s in find_ips(text)]


def test_an_address_glued_to_a_hebrew_or_arabic_prefix_letter_is_found() -> None:
    # "and", "from", "in": one-letter words written onto the next word. IPv4 are found first.
    text = "من 94.200.17.62 وfe80::1c3a:9bff:fe4e:21d7. ו10.0.0.7 ב2001:db8::1"
    assert ["94.200.17.62", "10.0.0.7", "fe80::1c3a:9bff:fe4e:21d7", "2001:db8::1"] == _found(text)


def test_an_address_run_into_latin_letters_or_digits_is_not_found() -> None:
    assert [] == _found("x10.0.0.1 a2001:db8::1 é10.0.0.1 ٣10.0.0.1 build9.1.2.3")


@pytest.mark.parametrize(
    "text",
    [
        '{"action": "create_contact", "app_version": "10.4.2.7"}',
        '"client_version": "2.14.0.3"',
        "نسخة النظام 7.2.0.15.",
        "גרסה 7.2.0.15",
    ],
)
def test_a_version_labelled_by_a_key_or_in_hebrew_or_arabic_is_not_an_ip(text: str) -> None:
    assert [] == _found(text)


def test_an_address_after_a_word_that_only_starts_like_a_label_is_found() -> None:
    assert ["10.0.0.1"] == _found("build server 10.0.0.1 is down")
