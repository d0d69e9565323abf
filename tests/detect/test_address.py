from __future__ import annotations

import pytest

from proxy.detect.address import find_addresses


@pytest.mark.parametrize(
    "address",
    [
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        "221B Baker Street, London NW1 6XE",
        "Suite 400, 55 Collins St, Melbourne VIC 3000",
        "Hauptstraße 12, 10115 Berlin",
        "12 rue de la Paix, 75002 Paris",
        "רחוב הרצל 15, תל אביב",
        "شارع الشيخ زايد 12، دبي",
        "Villa 12, Street 5, Al Barsha, Dubai",
        "PO Box 12345, Dubai",
        "Rothschild Blvd 22, Tel Aviv",
        "Herzl St. 15, Haifa",
    ],
)
def test_street_addresses_in_each_style(address: str) -> None:
    text = f"Address: {address}. Thanks"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_numbers_next_to_ordinary_words_are_not_addresses() -> None:
    assert [] == list(find_addresses("We sold 12 seats on Monday and 3 licences in March"))
