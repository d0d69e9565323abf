from __future__ import annotations

import pytest

from proxy.detect.handles import find_handles
from proxy.detect.lexicon import load_lexicon


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in sorted(find_handles(text, load_lexicon()))]


@pytest.mark.parametrize(
    ("text", "handles"),
    [
        ("mailbox john.smith, or dana_levi; see index.html", ["john.smith", "dana_levi"]),
        ("the file went to m.okafor and g.papadakis", ["m.okafor", "g.papadakis"]),
        ("Optional: abdulla.h (ops), cc tamar.w", ["abdulla.h", "tamar.w"]),
        # GitHub logins with a hyphen; a surname that is also a word after a mailbox's dot; a
        # chat login with an underscore and a capital initial.
        ("opened by rafael-nogueira, then dvir-m", ["rafael-nogueira", "dvir-m"]),
        ("route to minji.kim or jihoon.park", ["minji.kim", "jihoon.park"]),
        ("Arun_P: guys the quote is ready", ["Arun_P"]),
    ],
)
def test_a_handle_of_names_or_of_a_name_and_an_initial_is_a_person(
    text: str, handles: list[str]
) -> None:
    assert handles == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "call os.path.join, np.array(x) and self.user; read config.yaml, e.g. at 5 p.m.",
        "I met Dana.I think she agreed",  # a sentence run on: capitals, not a login
        "the u.s. market, a.k.a. the old brand",
        "a follow-up e-mail with oleh-oleh for the long-term client",
        "set geo_block and the sahel-solar slug",
    ],
)
def test_dotted_code_abbreviations_and_run_on_sentences_are_not_handles(text: str) -> None:
    assert [] == _found(text)


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("2025-03-14T09:12:44Z user=j.whitehorse action=UPDATE_DEAL", "j.whitehorse"),
        ("actor=zainab.qureshi@tenant-7731 (role Integration Admin)", "zainab.qureshi"),
        ("14/05/2025 10:30 | משתמש: אבי_מלכה | פעולה: חסימה", "אבי_מלכה"),
        ("٠٨:٣٠ | المستخدم: said.alhinai | تسجيل دخول", "said.alhinai"),
        ("محاولات دخول فاشلة للمستخدم khaled.elmagrahi من العنوان", "khaled.elmagrahi"),
        ("# workflows/renewal.yaml (committed by tnguyen)", "tnguyen"),
        ("09:02 user=priya action=LOGIN", "priya"),
    ],
)
def test_a_login_after_a_login_key_is_a_person(text: str, login: str) -> None:
    assert [login] == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "user=root action=LOGIN; user=svc-sync; user=ai-assistant; username: admin",
        "משתמש electra_poc, password=...",  # a demo account
        "user: tayeb w min el contact bi Dubai?",  # a chat turn: a word, not a login
        "User IP 223.104.63.12",
        "المستخدمون: جاسم، مريم",  # the key's plural, then people the key does not read
        "user=u_1234 ip=10.0.0.1",
    ],
)
def test_service_logins_chat_turns_and_ids_are_not_logins(text: str) -> None:
    assert [] == _found(text)


def test_a_mention_of_a_handle_made_of_names_is_a_name() -> None:
    assert ["priya", "yuki.tanaka"] == sorted(
        _found("@yuki.tanaka can you take this? cc @priya @sales"), key=len
    )
