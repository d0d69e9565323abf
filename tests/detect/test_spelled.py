from __future__ import annotations

import pytest

from proxy.detect.spelled import spelled_edits


def _rewrites(text: str) -> list[str]:
    return [new for _, _, new in spelled_edits(text)]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("send to john dot smith at gmail dot com today", "john.smith@gmail.com"),
        ("mail john[at]acme[dot]com", "john@acme.com"),
        ("write dana (at) example (dot) co (dot) il", "dana@example.co.il"),
        ("john (at) acme . com", "john@acme.com"),
    ],
)
def test_emails_spelled_with_separators_are_rewritten(text: str, email: str) -> None:
    assert [email] == _rewrites(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("draft to J o h n S m i t h now", "John Smith"),
        ("draft to J-o-h-n-S-m-i-t-h now", "John Smith"),
        ("j o h n . s m i t h @ g m a i l . c o m", "john.smith@gmail.com"),
        ("call 9.7.2.5.4.1.2.3.4.5.6.7 now", "972541234567"),
        ("call +-9-7-1-5-0-7-6-5-4-3-2-1 now", "+971507654321"),
        ("plus nine seven two five four one two three four five six seven", "+972541234567"),
    ],
)
def test_spaced_hyphenated_dotted_and_worded_values_are_joined(text: str, value: str) -> None:
    assert [value] == _rewrites(text)


@pytest.mark.parametrize(
    "text",
    [
        "meet at noon in the lobby",
        "contact us at acme.com",
        "upgrade to 1.2.3.4 and pick a b c",
        "one or two seats, maybe three",
        "the x-ray and e-mail teams",
    ],
)
def test_ordinary_text_is_not_rewritten(text: str) -> None:
    assert [] == spelled_edits(text)


def test_hebrew_and_arabic_letters_spelled_one_by_one_split_into_known_names() -> None:
    assert ["דנה לוי"] == _rewrites("אל ד נ ה ל ו י מחר")
    assert ["محمد الحداد"] == _rewrites("إلى م ح م د ا ل ح د ا د غدا")


def test_spaced_values_are_found_on_every_line_of_a_long_text() -> None:
    text = "É a Thaís today.\n" + "An ordinary line of notes.\n" * 50 + "mail j o h n now\nok"
    assert ["john"] == _rewrites(text)


def test_a_spaced_value_at_the_very_start_and_end_of_lines_is_found() -> None:
    assert ["abcd", "wxyz"] == _rewrites("a b c d\nw x y z")


def test_a_spelled_email_is_found_in_prose_that_also_says_dot_elsewhere() -> None:
    text = "an anecdote about dots.\nmail john dot smith at acme dot com today"
    assert ["john.smith@acme.com"] == _rewrites(text)


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        ("תחזור אליי למספר אפס חמש ארבע שבע שבע אחת שתיים אפס תשע שלוש או", "0547712093"),
        ("ورقمه صفر خمسة خمسة تسعة واحد اثنين ثلاثة أربعة ثمانية سبعة", "0559123487"),
        ("رقمه صفر واحد صفر واحد اتنين اربعة خمسة سبعة تمانية تسعة وعنده", "0101245789"),
    ],
)
def test_a_phone_read_out_in_hebrew_or_arabic_becomes_its_digits(text: str, digits: str) -> None:
    assert [digits] == [new for _, _, new in spelled_edits(text)]


@pytest.mark.parametrize(
    ("text", "digits"),
    [
        # Numbers read out in pairs: the tens, then the digit ("and three" in Hebrew, the
        # digit first in Arabic), or a teen.
        ("המספר שלו אפס חמישים ושלוש שש אחת שתיים שבע שמונה אפס ארבע תודה", "0536127804"),
        ("his cell is three one two five five five oh one eighty six ok", "3125550186"),
        ("رقمي صفر خمسة ثلاثة وخمسين واحد اثنين سبعة ثمانية صفر", "055312780"),
        ("call oh two oh seven nine four six fifteen twenty", "020794615" + "20"),
    ],
)
def test_phone_numbers_read_out_in_pairs(text: str, digits: str) -> None:
    assert [digits] == _rewrites(text)


def test_counts_in_prose_are_not_a_number_read_out() -> None:
    assert [] == spelled_edits("we had fifty three users and twenty seats")
