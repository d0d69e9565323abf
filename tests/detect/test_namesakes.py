from __future__ import annotations

import pytest

from proxy.detect.lexicon import load_lexicon
from proxy.detect.namesakes import namesake_spans


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in namesake_spans(text, load_lexicon())]


@pytest.mark.parametrize(
    ("text", "business"),
    [
        ("ملخص مكالمة - مخابز عبد الحليم، أم الفحم", "مخابز عبد الحليم"),
        ("حساب مطاعم أم نزيه في بيروت", "مطاعم أم نزيه"),
        ("التعليم: جامعة الملك سعود", "جامعة الملك سعود"),
        ("זימון: חתימה על הסכם הפצה - מטבחי חורי\n", "מטבחי חורי"),
        ("סיכום ליד - אבו רביעה חומרי בניין", "אבו רביעה חומרי"),
        ("חשבונית מס: אזולאי שירותי הנדסה | עוסק מורשה", "אזולאי שירותי"),
        ("ההצעה של פלדמן את דהן הנדסה התקבלה", "פלדמן את דהן הנדסה"),
        ("عسل من بن محفوظ للعسل الحضرمي", "بن محفوظ للعسل"),
    ],
)
def test_a_business_named_after_a_person_is_found_whole(text: str, business: str) -> None:
    assert business in _found(text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("עיריית כפר קאסם ביקשה הצעה", "עיריית כפר קאסם"),
        ("מועצה אזורית מרום הגליל", "מועצה אזורית מרום הגליל"),
        ("הזמנה של סמינר בית רבקה", "סמינר בית רבקה"),
        ("المكتب في شارع جمال عبد الناصر، الخرطوم", "شارع جمال عبد الناصر"),
        ("The office is on Sheikh Zayed Road near the mall", "Sheikh Zayed Road"),
        ("villa cluster off Sheikh Mohammed bin Rashid Boulevard", "Sheikh Mohammed bin Rashid"),
        ("not the office on Ahmadu Bello Way)", "Ahmadu Bello Way"),
        ("the branch near Kwame Nkrumah Circle", "Kwame Nkrumah Circle"),
        ("CD na Avenida Boa Viagem.", "Avenida Boa Viagem"),
    ],
)
def test_institutions_and_streets_take_their_whole_name(text: str, place: str) -> None:
    assert any(found.startswith(place) for found in _found(text))


@pytest.mark.parametrize(
    "text",
    [
        "שלחתי לדני חומרי שיווק",  # marketing materials sent to Dani
        "פגישה עם שרה כהן שיווק ומכירות",  # Sarah Cohen of marketing and sales
        "أرسلت العرض عن طريق أحمد الكعبي",  # by way of Ahmed, not a road
        "نلتقي في مقهى مع أحمد",  # a café, then a function word: no name in it
    ],
)
def test_no_namesake_swallows_a_person(text: str) -> None:
    found = " ".join(_found(text))
    assert not any(name in found for name in ("דני", "כהן", "أحمد"))


def test_a_person_after_a_schools_name_is_not_part_of_it() -> None:
    assert ["مدرسة الأمل بخصوص"] == _found("تواصلت مع مدرسة الأمل بخصوص أحمد")


def test_a_text_without_hebrew_or_arabic_letters_street_words_or_firms_has_none() -> None:
    assert [] == _found("Invoice from Lindgren Hardware, attn Erik Lindgren, on Monday.")


def test_a_hindi_business_named_after_its_owner() -> None:
    assert ["यादव ट्रैक्टर्स"] == _found("डीलर मीट: यादव ट्रैक्टर्स, झांसी")


def test_a_legal_form_makes_a_full_name_before_a_trade_a_business() -> None:
    text = 'תוכנית חשבון | ששון חכים יבוא ושיווק בע"מ | בעלת תיק'
    assert any("ששון חכים" in found for found in _found(text))


def test_a_name_under_the_prefix_that_after_a_lead_is_not_the_business() -> None:
    # "מספרת" is a barber's shop and "(she) tells": "she tells that Boris opened..."
    assert [] == _found("ז'ניה מספרת שבוריס פתח סניף שני")


def test_a_street_word_that_is_a_surname_needs_a_word_of_where_before_it() -> None:
    assert [] == _found("Diane Lane called. Spoke with Cameron Way today")
    assert ["Brick Lane"] == _found("Shapla Tandoori is on Brick Lane")


def test_a_street_word_before_the_name_ends_at_the_sentence() -> None:
    assert ["boulevard Mohammed V"] == _found("pas au dépôt du boulevard Mohammed V. Merci Khadija")


def test_a_street_named_after_a_person_does_not_reach_back_over_a_line() -> None:
    assert ["Sheikh Zayed Road"] == _found("Dana Levi\nSheikh Zayed Road traffic is bad today")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("العميل مقرّه قرب جامع السلطان قابوس الأكبر.", "جامع السلطان قابوس الأكبر"),
        ("عملائهم من السعودية عبر جسر الملك فهد.", "جسر الملك فهد"),
        ("مديرة فرع في مول ابن بطوطة", "مول ابن بطوطة"),
        ("صالون في مدينة خليفة | ليلى", "مدينة خليفة"),
    ],
)
def test_a_mosque_bridge_mall_or_city_named_after_a_person_is_a_place(
    text: str, place: str
) -> None:
    assert place in _found(text)
