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


@pytest.mark.parametrize(
    "address",
    [
        "Am Kupfergraben 6, 10117 Berlin",
        "Keizersgracht 123, 1015 CJ Amsterdam",
        "Via Roma 12, 00184 Roma",
        "Calle de Alcalá 45, 28014 Madrid",
        "Rua Augusta 100, 1100-053 Lisboa",
        "ul. Marszałkowska 10, 00-590 Warszawa",
        "Avenida Paulista, 1578 - Bela Vista, São Paulo",
        "Derech Menachem Begin 132, Tel Aviv-Yafo",
        "Flat 402, Al Reem Tower, Al Reem Island, Abu Dhabi",
        "Apartment 12, Building 5, Jumeirah Lakes Towers, Dubai",
        "Plot 23, Admiralty Way, Lekki Phase 1, Lagos",
        "B-204, Prestige Towers, MG Road, Bengaluru 560001",
        "King Fahd Road, Al Olaya, Riyadh 12211",
        "8 Chapel Lane, Little Snoring, Norfolk NR21 0AX",
        "1 Infinite Loop Cupertino CA 95014",
        "Unit 5/18 George St, Parramatta NSW 2150",
    ],
)
def test_addresses_of_more_countries_and_their_whole_tail(address: str) -> None:
    text = f"Please ship to {address}. Thanks"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Address: 44 Kings Road, Chelsea, London SW3 4ND. She wants Pro.", None),
        ('{"shipping_address": "Herzl 15, Haifa", "plan": "Pro"}', "Herzl 15, Haifa"),
        ("הכתובת: אבן גבירול 30 תל אביב", "אבן גבירול 30 תל אביב"),
        ("العنوان: عمارة 5، الحي الثالث، عمّان", "عمارة 5، الحي الثالث، عمّان"),
    ],
)
def test_a_labelled_value_is_taken_whole(text: str, address: str | None) -> None:
    expected = address or "44 Kings Road, Chelsea, London SW3 4ND"
    assert [expected] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_written_address_block_takes_its_city_line() -> None:
    text = "Ship to:\nDana Levi\n12 Main St\nSpringfield, IL 62701\nThanks"
    assert ["12 Main St\nSpringfield, IL 62701"] == [
        text[s.start : s.end] for s in find_addresses(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Via Zoom 2 people joined on Monday.",
        "Shipping address: same as billing",
        "Address: see the CRM record",
        "Renewal for 1200 Berlin seats, 2026 Paris launch",
        "Order 12345 Munich shipped on Tuesday",
    ],
)
def test_ordinary_text_is_not_an_address(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


def test_the_tail_stops_at_a_date() -> None:
    text = "Shipping from 12 Main St, Boston, Monday, June 3."
    assert ["12 Main St, Boston"] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_url_query_address_stops_at_the_next_parameter() -> None:
    text = "GET /geocode?address=12+Main+St%2C+Boston&key=abc → 403"
    assert ["12+Main+St%2C+Boston"] == [text[s.start : s.end] for s in find_addresses(text)]
    text = "GET /api?address=Dubai+Marina&key=AIzaSyQ9 → 403"
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]
