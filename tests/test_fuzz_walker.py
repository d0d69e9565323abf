"""Fuzzing the request walker with the real detection engine and the default policy.

Any JSON-ish body, for every endpoint, is either redacted or refused with a clean client
error (never another exception, never a fail-closed 500). Bodies with personal values from
a labelled generator (names in Latin, Hebrew and Arabic script, emails, IL/AE/US/GB
mobiles, card numbers) put none of them upstream, and the upstream's echo restores to
exactly the original (cards, which the policy redacts for good, excepted).
"""

from __future__ import annotations

import copy
import json
import os
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from proxy.detect.engine import DetectionEngine
from proxy.errors import ClientError
from proxy.policy_registry import PolicyRegistry
from proxy.redaction import RedactingExchange
from tests.test_canaries import POLICIES

ENGINE = DetectionEngine()
POLICY = PolicyRegistry(POLICIES).resolve(None)
ENDPOINTS = ("chat/completions", "responses", "completions", "embeddings")
# FUZZ_EXAMPLES=1000 for a longer hunt; the default keeps the suite fast.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# -- arbitrary bodies ----------------------------------------------------------------------

KEYS = st.sampled_from(
    ["model", "messages", "input", "instructions", "prompt", "tools", "tool_choice", "role",
     "content", "type", "text", "function", "arguments", "name", "output", "call_id",
     "tool_calls", "id", "stream", "user", "image_url", "file", "summary", "x"]
)  # fmt: skip
WORDS = st.sampled_from(
    ["user", "assistant", "system", "developer", "tool", "function", "text", "input_text",
     "output_text", "message", "function_call", "function_call_output", "image_url",
     "input_image", "refusal", "Dana Levi", "dana@acme.co.il", "{\"a\": \"Dana\"}", ""]
)  # fmt: skip
SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12) | WORDS
JSONISH = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(KEYS, children, max_size=4),
    max_leaves=16,
)
BODIES = st.dictionaries(KEYS, JSONISH, max_size=5)


@FUZZ
@given(st.sampled_from(ENDPOINTS), BODIES)
def test_any_body_is_redacted_or_refused_as_a_client_error(
    endpoint: str, body: dict[str, Any]
) -> None:
    exchange = RedactingExchange(endpoint, ENGINE, POLICY)

    try:
        sent = exchange.request(copy.deepcopy(body))
    except ClientError as error:
        assert 400 <= error.status < 500
        return
    assert isinstance(sent, dict)


# -- labelled personal values ------------------------------------------------------------

FIRST = ["Dana", "Yossi", "Omar", "Emily", "John", "Fatima", "דנה", "יוסי", "محمد", "فاطمة"]
LAST = ["Levi", "Cohen", "Haddad", "Clarke", "Smith", "Mansour", "לוי", "כהן", "الحداد", "منصور"]
LATIN_FIRST = [n for n in FIRST if n.isascii()]
LATIN_LAST = [n for n in LAST if n.isascii()]


@st.composite
def names(draw: st.DrawFn) -> tuple[str, str]:
    script = draw(st.sampled_from(["latin", "hebrew", "arabic"]))
    pick = {"latin": (0, 6), "hebrew": (6, 8), "arabic": (8, 10)}[script]
    first = draw(st.sampled_from(FIRST[pick[0] : pick[1]]))
    last = draw(st.sampled_from(LAST[pick[0] : pick[1]]))
    return "name", f"{first} {last}"


@st.composite
def emails(draw: st.DrawFn) -> tuple[str, str]:
    local = draw(st.sampled_from(LATIN_FIRST)).lower()
    if draw(st.booleans()):
        local += "." + draw(st.sampled_from(LATIN_LAST)).lower()
    domain = draw(st.sampled_from(["example.com", "acme.co.il", "company.ae", "mail.co.uk"]))
    return "email", f"{local}@{domain}"


@st.composite
def phones(draw: st.DrawFn) -> tuple[str, str]:
    digits = draw(st.text("0123456789", min_size=7, max_size=7))
    country = draw(st.sampled_from(["IL", "AE", "US", "GB"]))
    if country == "IL":
        return "phone", f"+972 5{draw(st.sampled_from('02458'))} {digits[:3]} {digits[3:]}"
    if country == "AE":
        return "phone", f"+971 5{draw(st.sampled_from('0256'))} {digits[:3]} {digits[3:]}"
    if country == "US":
        return "phone", f"+1 212 {draw(st.sampled_from('23456789'))}{digits[:2]} {digits[2:6]}"
    return "phone", f"+44 7{draw(st.sampled_from('4579'))}{digits[:2]} {digits[2:]}"


def luhn_complete(prefix: str) -> str:
    total = 0
    for index, char in enumerate(reversed(prefix)):
        digit = int(char)
        if index % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return prefix + str((10 - total % 10) % 10)


@st.composite
def cards(draw: st.DrawFn) -> tuple[str, str]:
    start = draw(st.sampled_from(["4111", "4580", "5500", "5105"]))
    digits = luhn_complete(start + draw(st.text("0123456789", min_size=11, max_size=11)))
    return "card", " ".join(digits[i : i + 4] for i in range(0, 16, 4))


TEMPLATES = {
    "name": ["Please call {} about the renewal.", "Meeting notes: {} asked for a demo."],
    "email": ["Send the quote to {} today.", "Her email is {}."],
    "phone": ["Her mobile is {}.", "Call the lead on {} after lunch."],
    "card": ["The card on file is {}.", "Charge card {} for the invoice."],
}
LABELLED = st.one_of(names(), emails(), phones(), cards())


@st.composite
def labelled_texts(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, str]]]:
    """A few texts, each one template around one labelled value, and the labels."""
    texts, labels = [], []
    for _ in range(draw(st.integers(1, 4))):
        kind, value = draw(LABELLED)
        texts.append(draw(st.sampled_from(TEMPLATES[kind])).format(value))
        labels.append((kind, value))
    return texts, labels


def body_for(endpoint: str, texts: list[str]) -> dict[str, Any]:
    if endpoint == "chat/completions":
        messages = [{"role": "user", "content": text} for text in texts]
        return {"model": "gpt-4o-mini", "messages": messages}
    items = [{"role": "user", "content": [{"type": "input_text", "text": t}]} for t in texts]
    return {"model": "gpt-4o-mini", "input": items}


def sent_texts(endpoint: str, sent: dict[str, Any]) -> list[str]:
    if endpoint == "chat/completions":
        return [m["content"] for m in sent["messages"]]
    return [item["content"][0]["text"] for item in sent["input"]]


def echo(endpoint: str, text: str) -> dict[str, Any]:
    """The upstream's reply whose text is `text`."""
    if endpoint == "chat/completions":
        return {"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}
    content = [{"type": "output_text", "text": text, "annotations": []}]
    return {"output": [{"type": "message", "role": "assistant", "content": content}]}


def reply_text(endpoint: str, reply: dict[str, Any]) -> str:
    if endpoint == "chat/completions":
        return str(reply["choices"][0]["message"]["content"])
    return str(reply["output"][0]["content"][0]["text"])


@FUZZ
@given(st.sampled_from(["chat/completions", "responses"]), labelled_texts())
def test_no_labelled_value_goes_upstream_and_the_echo_restores_exactly(
    endpoint: str, given_texts: tuple[list[str], list[tuple[str, str]]]
) -> None:
    texts, labels = given_texts
    exchange = RedactingExchange(endpoint, ENGINE, POLICY)

    sent = exchange.request(body_for(endpoint, texts))
    upstream = sent_texts(endpoint, sent)
    restored = reply_text(endpoint, exchange.response(echo(endpoint, "\n".join(upstream))))

    dumped = json.dumps(sent, ensure_ascii=False)
    for _, value in labels:
        assert value not in dumped
    expected = "\n".join(texts)
    for kind, value in labels:
        if kind == "card":
            expected = expected.replace(value, "[REDACTED_CREDIT_CARD]")
    assert expected == restored
