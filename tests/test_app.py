"""The proxy, driven by the official openai SDK against the fake upstream on loopback."""

from __future__ import annotations

import asyncio
from pathlib import Path

import openai
import pytest
from openai import AsyncOpenAI, OpenAI

from tests.conftest import UPSTREAM_KEY, RunningProxy, StartProxy

HELLO = [{"role": "user", "content": "Hello Dana Levi, דנה לוי"}]


def client(proxy: RunningProxy, **kwargs: object) -> AsyncOpenAI:
    return AsyncOpenAI(
        base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0, **kwargs
    )  # type: ignore[arg-type]


async def test_plain_chat_round_trips_through_the_sync_sdk(proxy: RunningProxy) -> None:
    def call() -> str | None:
        sync = OpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)
        reply = sync.chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]
        return reply.choices[0].message.content

    assert "Hello Dana Levi, דנה לוי" == await asyncio.to_thread(call)


async def test_streamed_chat_arrives_in_many_deltas_with_usage(proxy: RunningProxy) -> None:
    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        stream=True,  # type: ignore[arg-type]
    )
    deltas = []
    usage = None
    async for chunk in stream:
        deltas.extend(c.delta.content for c in chunk.choices if c.delta.content)
        usage = chunk.usage or usage

    assert "Hello Dana Levi, דנה לוי" == "".join(deltas)
    assert len(deltas) > 3
    assert usage is not None


async def test_streamed_chat_tool_call_arguments_echo_the_input(proxy: RunningProxy) -> None:
    tools = [{"type": "function", "function": {"name": "save", "parameters": {}}}]
    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        tools=tools,
        stream=True,  # type: ignore[arg-type]
    )
    arguments = ""
    async for chunk in stream:
        for choice in chunk.choices:
            for call in choice.delta.tool_calls or []:
                arguments += call.function.arguments or "" if call.function else ""

    assert '{"text":"Hello Dana Levi, דנה לוי"}' == arguments


async def test_responses_plain_and_streamed_give_the_same_text(proxy: RunningProxy) -> None:
    api = client(proxy)
    plain = await api.responses.create(model="gpt-echo", input="Call +972-50-123-4567")
    stream = await api.responses.create(
        model="gpt-echo", input="Call +972-50-123-4567", stream=True
    )
    kinds = []
    text = ""
    async for event in stream:
        kinds.append(event.type)
        if event.type == "response.output_text.delta":
            text += event.delta

    assert ("Call +972-50-123-4567", "Call +972-50-123-4567") == (plain.output_text, text)
    assert "response.completed" == kinds[-1]
    assert "response.created" == kinds[0]


async def test_responses_stream_keeps_its_event_names(proxy: RunningProxy) -> None:
    api = client(proxy)
    async with api.responses.with_streaming_response.create(
        model="gpt-echo", input="hi", stream=True
    ) as raw:
        body = (await raw.read()).decode()

    assert "event: response.created\ndata: " in body
    assert "event: response.output_text.delta\ndata: " in body


async def test_completions_and_embeddings_and_models_are_forwarded(proxy: RunningProxy) -> None:
    api = client(proxy)

    completion = await api.completions.create(model="gpt-echo", prompt="say this")
    embedding = await api.embeddings.create(model="echo-embed", input=["a", "bb"])
    models = await api.models.list()
    one = await api.models.retrieve("gpt-echo")

    assert "say this" == completion.choices[0].text
    assert 2 == len(embedding.data)
    assert ["gpt-echo", "echo-embed"] == [m.id for m in models.data]
    assert "gpt-echo" == one.id


async def test_the_first_event_reaches_the_client_before_the_upstream_finishes(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy()
    release = asyncio.Event()
    proxy.upstream.pause_after_first_event = release
    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        stream=True,  # type: ignore[arg-type]
    )
    iterator = stream.__aiter__()

    # A guard against a hang, not a timing assertion: a buffering proxy never delivers.
    first = await asyncio.wait_for(iterator.__anext__(), timeout=10)
    finished_before_release = proxy.upstream.stream_completed.is_set()
    release.set()
    rest = [chunk async for chunk in iterator]

    assert "assistant" == first.choices[0].delta.role
    assert finished_before_release is False
    assert rest


async def test_a_client_that_hangs_up_mid_stream_closes_the_upstream(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy()
    proxy.upstream.pause_after_first_event = asyncio.Event()  # never released
    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        stream=True,  # type: ignore[arg-type]
    )
    await asyncio.wait_for(stream.__aiter__().__anext__(), timeout=10)

    await stream.close()
    await asyncio.wait_for(proxy.upstream.client_disconnected.wait(), timeout=10)

    assert proxy.upstream.stream_completed.is_set() is False


async def test_the_callers_key_never_reaches_the_upstream(proxy: RunningProxy) -> None:
    await client(proxy, default_headers={"Cookie": "session=abc"}).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,  # type: ignore[arg-type]
    )
    headers = proxy.upstream.last.headers

    assert f"Bearer {UPSTREAM_KEY}" == headers["Authorization"]
    assert proxy.tenant_secret not in str(list(headers.items()))
    assert "Cookie" not in headers


async def test_custom_caller_headers_stay_at_the_proxy_unless_configured(
    start_proxy: StartProxy,
) -> None:
    default = await start_proxy()
    widened = await start_proxy(forwarded_headers=["Content-Type", "X-Trace"])
    custom = {"X-Contact-Email": "dana.levi@example.com", "X-Trace": "t-1"}

    for running in (default, widened):
        await client(running, default_headers=custom).chat.completions.create(
            model="gpt-echo",
            messages=HELLO,  # type: ignore[arg-type]
        )
    # Both proxies front the same fake upstream: one recorded request each, in order.
    default_sent, widened_sent = (request.headers for request in default.upstream.requests)

    assert (None, None) == (default_sent.get("X-Trace"), default_sent.get("X-Contact-Email"))
    assert ("t-1", None) == (widened_sent.get("X-Trace"), widened_sent.get("X-Contact-Email"))


async def test_a_service_key_acts_for_the_tenant_it_names(proxy: RunningProxy) -> None:
    api = AsyncOpenAI(
        base_url=proxy.base_url,
        api_key=proxy.service_secret,
        max_retries=0,
        default_headers={"X-Tenant-ID": "globex"},
    )

    await api.chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert await proxy.store.get_tenant("globex") is not None
    assert "X-Tenant-ID" not in proxy.upstream.last.headers


@pytest.mark.parametrize("secret", ["", "rp-wrong", "revoked"])
async def test_missing_bad_or_revoked_keys_get_an_openai_shaped_401(
    proxy: RunningProxy, secret: str
) -> None:
    if secret == "revoked":
        await proxy.store.revoke_key(proxy.tenant_key_id)
        secret = proxy.tenant_secret
    api = AsyncOpenAI(base_url=proxy.base_url, api_key=secret or "x", max_retries=0)
    if not secret:
        api = api.with_options(default_headers={"Authorization": ""})

    with pytest.raises(openai.AuthenticationError) as caught:
        await api.chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert (401, "invalid_api_key", "authentication_error") == (
        caught.value.status_code,
        caught.value.code,
        caught.value.type,
    )
    assert [] == proxy.upstream.requests


async def test_a_service_key_without_a_tenant_gets_400(proxy: RunningProxy) -> None:
    api = AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.service_secret, max_retries=0)

    with pytest.raises(openai.BadRequestError) as caught:
        await api.chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert "missing_tenant_id" == caught.value.code


async def test_an_unlisted_path_gets_an_openai_shaped_404(proxy: RunningProxy) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        await client(proxy).files.list()

    assert ("unknown_url", "invalid_request_error") == (caught.value.code, caught.value.type)


async def test_a_path_in_the_allow_list_is_forwarded(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(extra_allowed_paths=["files"])

    with pytest.raises(openai.NotFoundError) as caught:
        await client(proxy).files.list()

    # The fake upstream does not know /files: its own 404 came back, so it was forwarded.
    assert "/v1/files" == proxy.upstream.last.path
    assert "unknown_url" == caught.value.code


async def test_an_extra_path_is_never_forwarded_with_a_body(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(extra_allowed_paths=["moderations"])

    with pytest.raises(openai.APIStatusError) as caught:
        await client(proxy).moderations.create(input="Dana Levi, 054-555-0177")

    # A body of a shape the proxy cannot walk could not be redacted: it is not sent.
    assert 405 == caught.value.status_code
    assert [] == proxy.upstream.requests


async def test_a_policy_that_closes_models_refuses_them_before_the_upstream(
    start_proxy: StartProxy, tmp_path: Path
) -> None:
    (tmp_path / "default.yaml").write_text("endpoints:\n  - chat/completions\n")
    proxy = await start_proxy(policy_dir=tmp_path)

    with pytest.raises(openai.NotFoundError) as listing:
        await client(proxy).models.list()
    with pytest.raises(openai.NotFoundError) as one:
        await client(proxy).models.retrieve("gpt-4o")
    with pytest.raises(openai.NotFoundError):
        await client(proxy).embeddings.create(model="e", input="hello")

    assert ("unknown_url", "unknown_url") == (listing.value.code, one.value.code)
    assert [] == proxy.upstream.requests


@pytest.mark.parametrize(
    ("status", "exception"),
    [
        (400, openai.BadRequestError),
        (429, openai.RateLimitError),
        (500, openai.InternalServerError),
        (503, openai.InternalServerError),
    ],
)
async def test_upstream_errors_pass_through_with_status_and_body(
    proxy: RunningProxy, status: int, exception: type[openai.APIStatusError]
) -> None:
    body = {"error": {"message": "upstream says no", "type": "x_error", "param": None, "code": "x"}}
    proxy.upstream.fail_with(status, body)

    with pytest.raises(exception) as caught:
        await client(proxy).chat.completions.create(
            model="gpt-echo",
            messages=HELLO,
            stream=True,  # type: ignore[arg-type]
        )

    assert (status, body) == (caught.value.status_code, {"error": caught.value.body})


async def test_an_upstream_that_does_not_answer_in_time_gives_504(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(upstream_first_byte_timeout=0.2)
    proxy.upstream.hang = True

    with pytest.raises(openai.APIStatusError) as caught:
        await client(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert (504, "upstream_timeout") == (caught.value.status_code, caught.value.code)


async def test_an_unreachable_upstream_gives_502(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(upstream_url="http://127.0.0.1:1/v1")

    with pytest.raises(openai.APIStatusError) as caught:
        await client(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert (502, "upstream_unavailable") == (caught.value.status_code, caught.value.code)


async def test_a_stream_that_goes_idle_ends_with_an_error_event(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(stream_idle_timeout=0.2)
    proxy.upstream.pause_after_first_event = asyncio.Event()

    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        stream=True,  # type: ignore[arg-type]
    )
    with pytest.raises(openai.APIError) as caught:
        async for _ in stream:
            pass

    assert "The upstream did not answer in time." == caught.value.message


async def test_an_upstream_that_aborts_mid_stream_ends_with_an_error_event(
    proxy: RunningProxy,
) -> None:
    proxy.upstream.abort_after_events = 2

    stream = await client(proxy).chat.completions.create(
        model="gpt-echo",
        messages=HELLO,
        stream=True,  # type: ignore[arg-type]
    )
    with pytest.raises(openai.APIError) as caught:
        async for _ in stream:
            pass

    assert "The upstream could not be reached." == caught.value.message


async def test_without_an_upstream_key_forwarded_calls_get_503_not_configured(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(upstream_api_key=None)

    with pytest.raises(openai.APIStatusError) as caught:
        await client(proxy).models.list()

    assert (503, "not_configured") == (caught.value.status_code, caught.value.code)


async def test_the_sdk_stream_helpers_accumulate_the_fake_events_into_final_objects(
    proxy: RunningProxy,
) -> None:
    api = client(proxy)
    tools = [{"type": "function", "name": "save", "parameters": {"type": "object"}}]

    async with api.responses.stream(model="gpt-echo", input="Dana Levi") as text_stream:
        text_final = await text_stream.get_final_response()
    async with api.responses.stream(
        model="gpt-echo",
        input="Dana Levi",
        tools=tools,  # type: ignore[arg-type]
    ) as tool_stream:
        tool_final = await tool_stream.get_final_response()
    async with api.chat.completions.stream(
        model="gpt-echo",
        messages=HELLO,  # type: ignore[arg-type]
    ) as chat_stream:
        chat_final = await chat_stream.get_final_completion()

    assert "Dana Levi" == text_final.output_text
    assert '{"text":"Dana Levi"}' == tool_final.output[0].arguments  # type: ignore[union-attr]
    assert "Hello Dana Levi, דנה לוי" == chat_final.choices[0].message.content
