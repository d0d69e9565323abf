from __future__ import annotations

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
