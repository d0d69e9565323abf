from __future__ import annotations

import pytest

from proxy.detect.lexicon import load_lexicon
from proxy.detect.word_uses import drop_word_uses, month_day


def _kept(text: str, word: str) -> list[str]:
    """Every whole mention of `word`, as propagation would give it, minus the word uses."""
    found = []
    at = text.find(word)
    while at >= 0:
        found.append((at, at + len(word)))
        at = text.find(word, at + 1)
    return [text[s:e] for s, e in drop_word_uses(text, found, load_lexicon())]


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("June Halvorsen moved the call to June 12.", "June", ["June"]),
        ("Migrating from Sage to us: Sage Whitlock signs.", "Sage", ["Sage"]),
        ("Is the Chase card on file Chase Monroe's?", "Chase", ["Chase"]),
        ("Lead for Jordan and Egypt, contact Jordan Achterberg.", "Jordan", ["Jordan"]),
        ("ask Grace, then Grace will sign", "Grace", ["Grace", "Grace"]),  # no evidence
    ],
)
def test_latin_mentions_that_read_as_the_word_are_dropped(
    text: str, word: str, kept: list[str]
) -> None:
    assert kept == _kept(text, word)


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("בגלל הברק אתמול השרת נפל, וברק אלמוג מבקש", "ברק", ["ברק"]),  # the lightning
        ("בכנס קראו שירה של ביאליק. דיברתי עם שירה", "שירה", ["שירה"]),  # poetry of
        ("وصلت باقة من أمل الحمادي. عندنا أمل نسكر الصفقة", "أمل", ["أمل"]),  # we have hope
        ("رمضان كريم. اتصل كريم عبد الفتاح", "كريم", ["كريم"]),  # a set phrase
        ("ישראל מהמחסן אמר שהמשלוח לישראל יצא", "ישראל", ["ישראל"]),  # to Israel
    ],
)
def test_hebrew_and_arabic_mentions_that_read_as_the_word_are_dropped(
    text: str, word: str, kept: list[str]
) -> None:
    assert kept == _kept(text, word)


def test_a_month_followed_by_a_day_is_a_date() -> None:
    text = "call June on June 12th"
    assert [False, True] == [month_day(text, 5, 9), month_day(text, 13, 17)]


@pytest.mark.parametrize(
    ("text", "word", "kept"),
    [
        ("سعيد الحارثي حضر. كان يوم سعيد والاجتماع إيجابي", "سعيد", ["سعيد"]),  # a happy day
        ("كريم العلي اتصل. عوض راجل كريم شديد", "كريم", ["كريم"]),  # a generous man
        ("صالح القحطاني: العرض صالح حتى نهاية الشهر", "صالح", ["صالح"]),  # the offer is valid
        ("بو سلطان هو سعيد المهيري، وهو سعيد جداً بالمرشحين", "سعيد", ["سعيد"]),  # very happy
        ("كريم الشاذلي قال إن الخصم كان كريم أوي", "كريم", ["كريم"]),  # very generous
        ("حكيت مع سعيد كتير عن سعيد الحارثي", "سعيد", ["سعيد", "سعيد"]),  # "a lot": still Said
    ],
)
def test_an_arabic_name_after_an_indefinite_noun_or_before_very_is_its_adjective(
    text: str, word: str, kept: list[str]
) -> None:
    assert kept == _kept(text, word)


def test_a_known_organisation_holds_no_mention_even_when_another_was_a_word() -> None:
    text = "يوم سعيد. المنافس مجموعة سهيل بهوان قدم خصم؛ سعيد بهوان عندنا"
    found = [(text.index("سعيد"), text.index("سعيد") + 4)]
    at = text.index("بهوان")
    found.append((at, at + 5))
    at2 = text.rindex("سعيد")
    found.append((at2, at2 + 4))
    kept = [text[s:e] for s, e in drop_word_uses(text, found, load_lexicon())]
    assert ["سعيد"] == kept
