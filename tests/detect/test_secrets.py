from __future__ import annotations

import pytest

from proxy.detect.secrets import find_secrets


def _found(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_secrets(text)]


def test_provider_keys_and_jwts_are_found() -> None:
    jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N"
    text = f"key sk-proj-abcdefghijklmnop1234 aws AKIAIOSFODNN7EXAMPLE jwt {jwt}"
    assert ["sk-proj-abcdefghijklmnop1234", "AKIAIOSFODNN7EXAMPLE", jwt] == _found(text)


def test_values_assigned_to_password_and_api_key_are_found_but_not_the_name() -> None:
    assert ["Winter2024!", "abc123def456"] == _found("password=Winter2024! api_key: abc123def456")


def test_bearer_token_value_is_found() -> None:
    assert ["abcdefghijklmnop1234"] == _found("Authorization: Bearer abcdefghijklmnop1234")


def test_a_long_mixed_value_right_after_a_key_word_is_a_secret() -> None:
    text = "secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY; api key rotation-schedule-quarterly"
    assert ["wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"] == [
        text[s.start : s.end] for s in find_secrets(text)
    ]


def test_provider_keys_and_a_password_told_in_prose() -> None:
    text = (
        "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, "
        "hf_gCWBn1Bue6bsBu4RstbtSPrwfm74O5bFGE, AKIAF7UUMRX47Z68ZQY9 / "
        "NkJnsrUgBhcpqIuRhWlMkU6ag5t+Zj3aoeWqeHGw; the temporary password we sent, "
        "Brightwell!2024x, stopped working"
    )
    assert [
        "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",
        "hf_gCWBn1Bue6bsBu4RstbtSPrwfm74O5bFGE",
        "AKIAF7UUMRX47Z68ZQY9",
        "NkJnsrUgBhcpqIuRhWlMkU6ag5t+Zj3aoeWqeHGw",
        "Brightwell!2024x",
    ] == sorted((text[s.start : s.end] for s in find_secrets(text)), key=text.index)


def test_order_numbers_and_versions_near_password_are_not_secrets() -> None:
    text = "Password reset for INV-2024-00871 done; the password policy v2.1 requires 12 chars."
    assert [] == list(find_secrets(text))


def test_a_password_told_in_arabic_prose() -> None:
    text = "بيانات الدخول (اسم المستخدم admin_branch3، كلمة المرور Ba7ar$Blu3_2025). يجب تغييرها"
    assert ["Ba7ar$Blu3_2025"] == [text[s.start : s.end] for s in find_secrets(text)]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # Colloquial Arabic: "my password", "my PIN", "the new password is".
        ("الباسوورد تبعي Noor_8812 بس ما عم يقبلها", "Noor_8812"),
        ("الباسورد حقي: hello123 من امبارح", "hello123"),
        ("وباسوورد مالي Sami@2020.", "Sami@2020"),
        ("الرقم السري تبعي 4417 ما بيشتغل", "4417"),
        ("كلمة السر الجديدة هي sunshine", "sunshine"),
        # Hebrew, both spellings, with "mine", "the new one", "is".
        ("הסיסמה שלי היא Dana2024 אבל לא נכנס", "Dana2024"),
        ("והסיסמא שלי dana_77 לא עובדת", "dana_77"),
        ("ססמה: Xy7!abc", "Xy7!abc"),
        ("הסיסמה החדשה שלי Dana#5", "Dana#5"),
    ],
)
def test_a_password_told_in_colloquial_arabic_or_hebrew(text: str, secret: str) -> None:
    assert [secret] == [text[s.start : s.end] for s in find_secrets(text)]


@pytest.mark.parametrize(
    "text",
    [
        "הסיסמה שלי לא עובדת",  # my password does not work
        "הסיסמה שלי Gmail לא עובדת",  # which password, not the password
        "הסיסמה שלי Wi-Fi לא עובדת",
        "בסיסמה שלי 2024 יש בעיה",
        "الرقم السري غلط 3 مرات",
        "كلمة المرور 2024 انتهت",
        "الباسوورد تبعي ما عم يشتغل",
        "מעסיסמה שלי Dana2024",  # the key word inside a longer word
    ],
)
def test_talk_about_a_password_without_one_is_not_a_secret(text: str) -> None:
    assert [] == list(find_secrets(text))


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Marcus: user demo@acme-sandbox.io pw Tr0ub4dor&3-sbx\nJess: ty!", "Tr0ub4dor&3-sbx"),
        (
            "ענבל: מישהו יודע מה הסיסמה לחשבון ה-demo?\nדור קליין: Demo!2025#Sales אבל תחליפי",
            "Demo!2025#Sales",
        ),
        (
            "אלינה 10:06: רגע, מה הסיסמה לפורטל?\nמיכאל טקלה 10:06: Even#Portal_2025!q – ותמחקי",
            "Even#Portal_2025!q",
        ),
        ("عملت reset للباسوورد وصارت Petra@2025!x وما زبطت", "Petra@2025!x"),
        (
            "هذا الـ SID AC8bbd566c273899b5b9b4de9830313526 والـ token",
            "AC8bbd566c273899b5b9b4de9830313526",
        ),
    ],
)
def test_passwords_told_in_chat_and_twilio_sids(text: str, secret: str) -> None:
    assert [secret] == [text[s.start : s.end] for s in find_secrets(text)]


def test_a_question_about_passwords_answered_in_words_is_no_secret() -> None:
    assert [] == list(find_secrets("What is the password policy?\nDana: we rotate every 90 days"))
    assert [] == list(find_secrets("upward trend 2024!x"))


def test_a_key_glued_to_a_hebrew_or_arabic_letter_is_found() -> None:
    text = "המפתח הוא וsk-proj-AbCdEf1234567890XyZ12345"
    assert ["sk-proj-AbCdEf1234567890XyZ12345"] == [
        text[s.start : s.end] for s in find_secrets(text)
    ]
    assert [] == list(find_secrets("xsk-proj-AbCdEf1234567890XyZ12345"))  # a longer token


@pytest.mark.parametrize(
    ("text", "secrets"),
    [
        (
            "secret_access_key: +ohP46PbmT1TOkzfR1wKbPXTXx8TTx4XUMGmTtfc",
            ["+ohP46PbmT1TOkzfR1wKbPXTXx8TTx4XUMGmTtfc"],
        ),
        ("Faraz: user demo@orbitcrm.io pass Demo!2024Gulf", ["Demo!2024Gulf"]),
        (
            "  token: eyJhbGciOiJIUzI1NiJ9.YkWpmcxWZYdJlMP8fjx78V.1ipLUY",
            ["eyJhbGciOiJIUzI1NiJ9.YkWpmcxWZYdJlMP8fjx78V.1ipLUY"],
        ),
        ("csrf token: none", []),
        ("please pass the salt to Dana", []),
    ],
)
def test_config_keys_and_a_bare_pass(text: str, secrets: list[str]) -> None:
    assert secrets == [text[s.start : s.end] for s in find_secrets(text)]


_TOLD = "pat-eu1-5a1d7c3e-22b9-4c0e-9f31-7d2e8a4b6c10"
_PREFIXED = "zqrt_4b8e1a9c7d2f6e0b3a5c8d1f7e9b2a4c"
_HOOK = "T01ABCD2E/B09XYZ8W7V/a1B2c3D4e5F6g7H8i9J0kLmN"


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A key told in prose, of a format no list holds.
        (f"here's the key we use: {_TOLD}", _TOLD),
        (f"a chave de API {_PREFIXED} ainda vale", _PREFIXED),
        # A provider prefix and a long run of letters and digits, with no key word.
        (f"seen in the log: {_PREFIXED}.", _PREFIXED),
        # An incoming webhook's path.
        (f"https://hooks.slack.com/services/{_HOOK}", _HOOK),
    ],
)
def test_keys_by_their_shape_or_told_in_prose(text: str, secret: str) -> None:
    assert secret in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "the key account manager for order 20240101 is here",
        "set user_profile_settings_for_the_account_page in config",
        "token budget: 128000 tokens per minute",
    ],
)
def test_key_words_and_snake_case_names_are_not_keys(text: str) -> None:
    assert _found(text) == []


def test_environment_prefixed_keys_and_crm_platform_tokens() -> None:
    hubspot = "pat-na1-0b9c1d2e-3f4a-4b5c-8d6e-7f8091a2b3c4"
    zoho = "1000.9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b.1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"
    text = f"Pricing key (keep it internal): qx_live_7Hd2Kp9Wm4Rt6Yz1 hub {hubspot} zoho {zoho}"
    assert ["qx_live_7Hd2Kp9Wm4Rt6Yz1", hubspot, zoho] == _found(text)
    # Identifiers with a short prefix and no environment stay code.
    assert [] == _found("call build_report_for_quarter_2024 then snake_case_value_with_1234")


def test_a_jwt_whose_payload_is_not_json_text_is_whole() -> None:
    token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.iTqTfibBb5z6_aBfCt3xq6Kc.MGPYTZuHVvat77J9OwPs"
    assert token in _found(f"SSO token (never output): {token}\nthanks")


def test_a_meta_access_token() -> None:
    token = "EAAG" + "mikOB1eL682qfYpn1HX7IbRNCRMDNrVKqHCiJXVD" * 3
    assert [token] == _found(f"جرّبنا نعيد الربط بالتوكن هذا:\n{token}\nوما زبط")


def test_an_arabic_password_without_the_article_and_with_words_before_the_colon() -> None:
    assert ["Dh@heri#Trial25"] == _found("- كلمة سر حساب التجربة: Dh@heri#Trial25\n")


def test_a_hebrew_password_told_by_whose_it_is_or_what_it_opens() -> None:
    assert ["almog1234"] == _found("הסיסמה של המנהל הייתה almog1234 ואולי הוא שינה")
    assert ["Rotman!Test2025"] == _found('שלח סיסמה זמנית לסביבת הבדיקה: "Rotman!Test2025"')
    assert ["Noor_8812"] == _found("الباسوورد تبع المدير Noor_8812")
    # A label after the colon is not the password; the value after it is.
    found = _found("הסיסמה שניסיתי: pwd: Moran1987!! (אולי)")
    assert "Moran1987!!" in found and "pwd:" not in found
