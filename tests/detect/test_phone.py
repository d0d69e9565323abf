from __future__ import annotations

import pytest

from proxy.detect.phone import find_phones


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_phones(text)]


@pytest.mark.parametrize(
    "number",
    [
        "+972 54-123-4567",
        "054-7654321",
        "+971 50 123 4567",
        "(212) 555-0147",
        "+44 7911 123456",
        "+49 151 23456789",
        "+33 6 12 34 56 78",
        "+91 98765 43210",
        "+234 803 123 4567",
        "0412 345 678",
    ],
)
def test_phone_numbers_in_national_and_international_formats(number: str) -> None:
    assert [number] == _found(f"call {number} today")


@pytest.mark.parametrize(
    "text",
    [
        "signed on 12/05/2024",
        "total $1,250.00",
        "Order #2125551234",
        "upgrade to v10.2.3.4",
        "server 10.0.0.1",
        "fiscal 2024-2025",
        "invoice 1234567890",
        # Dubai's Makani building locator, ten digits.
        "Makani 31758 94520",
        "Makani No. 3175894520",
        "رقم مكاني: ٣٠٥٧٦ ٩٤٥٢١",
        "(رقم مكاني 2687391054)",
        # Offer, enforcement-case and establishment numbers shaped like mobiles.
        "رقم العرض 050-2025-118، والفاتورة",
        'תיק הוצל"פ: 512034-08-25 (לשכת חיפה)',
        "רשום בתיק 0525123456",
        "رقم المنشأة ٢٠/٤٨٧٢١٥",
        "Tender 0501234567 closes Sunday",
    ],
)
def test_dates_amounts_orders_versions_ips_and_locators_are_not_phones(text: str) -> None:
    assert [] == _found(text)


def test_a_postcode_next_to_a_phone_stays_a_postcode() -> None:
    assert ["03-6123456"] == _found("tel 03-6123456, מיקוד 6688218")


def test_a_phone_after_a_hebrew_prefix_letter_is_found() -> None:
    assert ["058-3533014"] == _found("ולהתקשר ל-058-3533014 מחר")


@pytest.mark.parametrize("name", ["Mohammed Al-Rashid", "Zaid", "Majid"])
def test_a_phone_right_after_a_name_ending_in_a_keyword_is_found(name: str) -> None:
    # "Rashid" ends in "id", which only counts as a reference keyword as a whole word.
    assert ["+971 50 123 4567"] == _found(f"{name} +971 50 123 4567")


@pytest.mark.parametrize(
    "row, phone",
    [
        ("Renata Oliveira,renata@sabor.com.br,+55 11 91234-5678,8400", "+55 11 91234-5678"),
        ("Ingrid Johansson,ingrid@nordkap.se,+46 70 123 45 67,12000", "+46 70 123 45 67"),
    ],
)
def test_a_phone_in_a_csv_row_is_found_whole_before_the_next_numeric_field(
    row: str, phone: str
) -> None:
    assert [phone] == [row[s.start : s.end] for s in find_phones(row)]


def test_a_bare_digit_run_before_a_decimal_comma_is_still_an_amount() -> None:
    assert [] == list(find_phones("total 5551234567,89 EUR"))


def test_an_extension_goes_with_the_number() -> None:
    text = "phone 0541234567x12 or 415-555-2671x204, office 03-6129874 ext. 214 (Dana)"
    assert ["0541234567x12", "415-555-2671x204", "03-6129874 ext. 214"] == [
        text[s.start : s.end] for s in find_phones(text)
    ]


def test_a_chinese_mobile_in_its_national_format() -> None:
    text = '{"手机": "138 1047 2298"}'
    assert ["138 1047 2298"] == [text[s.start : s.end] for s in find_phones(text)]


def test_a_date_and_time_is_not_a_phone() -> None:
    assert [] == list(find_phones("Meeting 25.06.2024 14:00 and 18/05/2025 21:47 at the office"))


def test_a_hijri_date_and_time_of_a_log_line_is_not_a_phone() -> None:
    assert [] == _found("1446/08/04 - 09:20 - رهف: مكالمة\n1446/08/06 - 14:35 - عرض")


def test_a_country_code_in_parentheses_and_a_spaced_dash() -> None:
    text = "call 054 - 123 4567 or (+972) 54-1234567; pages 12 - 345 67, 2 - 3 weeks"
    assert ["054 - 123 4567", "(+972) 54-1234567"] == [
        text[s.start : s.end] for s in find_phones(text)
    ]


def test_a_phone_cell_followed_by_a_numeric_cell_is_whole() -> None:
    text = "נביה עאמר,ג'וליס,050-7718234,952224970,פעיל"
    assert "050-7718234" in [text[s.start : s.end] for s in find_phones(text)]
    assert [] == list(find_phones("Total 1234567,50 EUR"))  # a decimal comma still ends it


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # A label glued to the number with a colon: a vCard line, a Chinese signature.
        ("TEL;CELL:052-6612048", "052-6612048"),
        ("手机：139 2071 5538", "139 2071 5538"),
        # Portuguese "no" (on the) is not "No." (a reference number).
        ("me liga no +55 21 99731-4408 amanhã", "+55 21 99731-4408"),
        # A Brazilian mobile in its national format.
        ("Celular (21) 99731-4408", "(21) 99731-4408"),
    ],
)
def test_labels_glued_by_a_colon_and_more_national_formats(text: str, phone: str) -> None:
    assert [phone] == _found(text)


def test_a_reference_number_after_no_dot_is_not_a_phone() -> None:
    assert [] == _found("Ref no. 0526612048 in the ledger")


def test_a_number_with_its_country_code_after_no_dot_is_a_phone() -> None:
    assert ["+44 7700 900123"] == _found("her brother decides, his no. +44 7700 900123")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # Outside the regions tried first, a national number written in groups after a trunk
        # "0" is valid in its own country: Dublin, Addis Ababa.
        ("Rich's desk (01) 892 3167 for invoices", "(01) 892 3167"),
        ("ask for Fikir at 092 747 0075 after 5", "092 747 0075"),
    ],
)
def test_a_grouped_national_number_from_elsewhere_is_found(text: str, phone: str) -> None:
    assert [phone] == _found(text)


def test_a_bare_digit_run_with_a_trunk_zero_is_not_tried_everywhere() -> None:
    # Valid in Dublin as "(01) 892 3167", but unwritten as a phone it is as often an ID.
    assert [] == _found("record 018923167 archived")


@pytest.mark.parametrize(
    ("text", "phone"),
    [
        # An Amharic prefix letter ("በ", at) and a Chinese label written onto the number.
        ("ፍቅር በ0912345678 ሊያገኟት", "0912345678"),
        ("电话13920715538", "13920715538"),
    ],
)
def test_a_letter_of_a_script_without_digits_in_words_is_not_glue(text: str, phone: str) -> None:
    assert [phone] == _found(text)


def test_a_latin_letter_still_glues_a_code() -> None:
    assert [] == _found("SKU0541234567 restocked")


def test_a_phone_and_a_fax_side_by_side_in_a_csv_row() -> None:
    # ",02" after the first number is the next number's area code, not decimal cents.
    assert ["02-5387741", "02-5387742"] == _found('מנהל,02-5387741,02-5387742,"רחוב"')
    assert [] == _found("Total 1234567,50 EUR")


def test_a_phone_after_a_word_that_ends_like_a_case_label_is_found() -> None:
    # "ותיק" is a veteran, not "and the case file".
    assert ["054-1234567"] == _found("לקוח ותיק 054-1234567 שלח")
