from __future__ import annotations

import pytest

from proxy.detect.lexicon import load_lexicon
from proxy.detect.speakers import find_speakers


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_speakers(text, load_lexicon())]


def test_speakers_that_take_turns_without_timestamps() -> None:
    text = (
        "Summarise this call:\n\n"
        "Wanjiru (Acme Sales): Thanks for making time, Mr. Mensah.\n"
        "Kofi Mensah: Happy to. Our depots run on spreadsheets today.\n"
        "Wanjiru (Acme Sales): Understood, I'll send a quote for 20 users.\n"
        "Abena Owusu: Please copy me on it."
    )
    assert _found(text) == ["Wanjiru", "Kofi Mensah", "Wanjiru", "Abena Owusu"]


@pytest.mark.parametrize(
    "text",
    [
        "גליה: בוקר טוב לכולם\nשמואל: בוקר אור, מתחילים?\nגליה: כן, בואו נתחיל",
        "- **Grace:** can you send it over?\n- **Tomás Ruiz:** sure, sending now\n"
        "- **Grace:** thanks a lot!",
    ],
)
def test_names_in_any_script_and_markdown(text: str) -> None:
    assert len(_found(text)) == 3


@pytest.mark.parametrize(
    "text",
    [
        # Records repeat field names, not people.
        "Status: open deal pending\nStage: Negotiation with procurement\nStatus: closed won",
        "INFO: started worker pool\nWARN: retry queue growing\nINFO: worker pool stopped",
        "User: summarize this lead please\nAssistant: Sure, here it is\nUser: thanks a lot",
        "Salesforce: synced all contacts\nHubSpot: failed to sync\nSalesforce: retry tonight",
        "הערות: הלקוח מעוניין בהצעה\nסטטוס: פתוח עד סוף החודש\nהערות: לחזור אליו ביום שני",
        # A party rather than a person, and an instruction that ends with a colon.
        "أم خالد: متى يوصل طلبي؟\nالمبيعات: الطلب بيوصل الأربعاء\nأم خالد: تمام، شكرا",
        "استخرج من النص التالي: القرار\nعائشة: مرحبا بكم\nسلطان: أهلا وسهلا\nعائشة: نبدأ الآن",
    ],
)
def test_field_names_roles_and_instructions_are_not_speakers(text: str) -> None:
    found = _found(text)
    assert not any(w in found for w in ("Status", "INFO", "User", "Salesforce", "הערות"))
    assert "المبيعات" not in found and "استخرج من النص التالي" not in found


def test_one_label_is_not_a_transcript() -> None:
    # Without a second speaker coming back, a lone "Name:" line is left to the other signals.
    assert _found("Kwabena: call back\nNotes: he wants a demo\nNext: send deck") == []


def test_speakers_with_a_time_before_the_colon() -> None:
    text = (
        "רוני 09:12: מישהו דיבר עם הלקוח?\nמאיה 09:20: כן, הוא מחכה להצעה\nרוני 09:21: מעולה, תודה"
    )
    assert ["רוני", "מאיה", "רוני"] == _found(text)


def test_lower_case_logins_labelling_a_chat_in_turns_are_people() -> None:
    text = (
        "bohdan: nice! I'll book the demo\n"
        "noam.s: I spoke with them yesterday\n"
        "bohdan: also Monobank asked for security docs\n"
        "רוני_ק: נועם שים לב שהם סגורים\n"
    )
    assert ["bohdan", "noam.s", "bohdan", "רוני_ק"] == _found(text)


def test_lower_case_labels_that_are_words_are_not_logins() -> None:
    text = "note: call back\nstatus: open\nnote: again tomorrow\nowner: sales team\n"
    assert [] == _found(text)
