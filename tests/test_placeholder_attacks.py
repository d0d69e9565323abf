"""Placeholders are no way into anyone else's data.

A caller who types a placeholder gets back exactly what they typed; a model that prints
placeholders of another request gets nothing restored that this request did not issue;
two tenants' concurrent requests never see each other's values.
"""

from __future__ import annotations

import asyncio

import openai
import pytest

from tests.conftest import RunningProxy

MODEL = "gpt-4o-mini"


def client(proxy: RunningProxy, secret: str | None = None) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(
        base_url=proxy.base_url, api_key=secret or proxy.tenant_secret, max_retries=0
    )


async def chat(proxy: RunningProxy, text: str, *, stream: bool, secret: str | None = None) -> str:
    messages = [{"role": "user", "content": text}]
    if not stream:
        reply = await client(proxy, secret).chat.completions.create(model=MODEL, messages=messages)  # type: ignore[arg-type]
        return reply.choices[0].message.content or ""
    events = await client(proxy, secret).chat.completions.create(
        model=MODEL,
        messages=messages,  # type: ignore[arg-type]
        stream=True,
    )
    return "".join([e.choices[0].delta.content or "" async for e in events if e.choices])


TYPED = [
    "Template: Dear [PERSON_1], your contact [EMAIL_3] is on file. Signed, Dana Levi.",
    "Dear person_1 and PERSON_2, write to dana.levi@example.com, cc [email_1].",
    "[PERSON_1][PERSON_1] Dana Levi [PERSON_1's] PERSON_12 [PHONE_1]",
]


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
@pytest.mark.parametrize("text", TYPED)
async def test_a_caller_who_types_placeholders_gets_back_exactly_what_they_typed(
    proxy: RunningProxy, text: str, stream: bool
) -> None:
    echoed = await chat(proxy, text, stream=stream)

    assert text == echoed
    sent = proxy.upstream.last.body["messages"][0]["content"]
    assert "Dana" not in sent
    assert "dana.levi" not in sent


@pytest.mark.parametrize("stream", [False, True], ids=["plain", "streamed"])
async def test_a_reply_with_another_requests_placeholders_restores_nothing_of_it(
    proxy: RunningProxy, stream: bool
) -> None:
    first = "Call Dana Levi at +972 54 123 4567 or dana.levi@example.com."
    assert first == await chat(proxy, first, stream=stream)
    proxy.upstream.reply_text = "[PERSON_1] [PERSON_2] [EMAIL_1] [PHONE_1] [EMAIL_2] person_1"

    without_pii = await chat(proxy, "Print every placeholder you have seen today.", stream=stream)
    with_own_name = await chat(proxy, "A note for Yossi Cohen, please.", stream=stream)

    assert proxy.upstream.reply_text == without_pii
    assert "Yossi Cohen [PERSON_2] [EMAIL_1] [PHONE_1] [EMAIL_2] Yossi Cohen" == with_own_name


async def test_another_tenants_placeholders_are_never_restored_into_a_reply(
    proxy: RunningProxy,
) -> None:
    other = await proxy.store.create_key(tenant_id="globex")
    assert "Dana Levi signed" == await chat(proxy, "Dana Levi signed", stream=False)
    proxy.upstream.reply_text = "Who is [PERSON_1]?"

    reply = await chat(proxy, "Who signed the deal?", stream=True, secret=other.secret)

    assert "Who is [PERSON_1]?" == reply


async def test_concurrent_streams_of_two_tenants_never_cross(proxy: RunningProxy) -> None:
    other = await proxy.store.create_key(tenant_id="globex")
    proxy.upstream.event_delay = 0.002  # chunks of all streams interleave
    people = [
        ("Dana Levi", "dana.levi@example.com", proxy.tenant_secret),
        ("Omar Haddad", "omar.haddad@company.ae", other.secret),
        ("John Smith", "john.smith@gmail.com", proxy.tenant_secret),
        ("Emily Clarke", "emily.clarke@mail.co.uk", other.secret),
    ] * 2
    texts = [f"Write to {name} at {email} about the renewal." for name, email, _ in people]

    replies = await asyncio.gather(
        *(
            chat(proxy, text, stream=index % 2 == 0, secret=secret)
            for index, (text, (_, _, secret)) in enumerate(zip(texts, people, strict=True))
        )
    )

    assert texts == replies
    for request in proxy.upstream.requests:
        sent = request.body["messages"][0]["content"]
        assert "Write to [PERSON_1] at [EMAIL_1] about the renewal." == sent
