"""The exchange seam: every body and every event passes through it, and bad input is refused."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, ClassVar

import aiohttp
import pytest
from aiohttp import web
from openai import AsyncOpenAI

from proxy.app import build_app
from proxy.exchange import ExchangeStats, JsonObject
from proxy.request_context import RequestContext
from tests.conftest import RunningProxy, StartProxy


class Shouting:
    """A visible exchange: upper-cases text going out, tags text coming back."""

    contexts: ClassVar[list[RequestContext]] = []

    def __init__(self, ctx: RequestContext) -> None:
        self.contexts.append(ctx)
        self.stats = ExchangeStats()

    def request(self, body: JsonObject) -> JsonObject:
        for message in body.get("messages", []):
            message["content"] = message["content"].upper()
        return body

    def response(self, body: JsonObject) -> JsonObject:
        message = body["choices"][0]["message"]
        message["content"] = "<" + message["content"] + ">"
        return body

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        return [event, event] if event.get("choices") else [event]

    def stream_end(self) -> list[JsonObject]:
        return [{"choices": [{"index": 0, "delta": {"content": "!"}}], "object": "x"}]


@pytest.fixture
async def shouting_proxy(start_proxy: StartProxy) -> AsyncIterator[RunningProxy]:
    """A second app on the same store and upstream, built with the exchange under test."""
    proxy = await start_proxy()
    Shouting.contexts = []
    app = build_app(proxy.settings, store=proxy.store, exchange_factory=Shouting)
    runner = web.AppRunner(app, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    proxy.base_url = f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    yield proxy
    await runner.cleanup()


def _client(proxy: RunningProxy) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


async def test_the_exchange_changes_what_goes_upstream_and_what_comes_back(
    shouting_proxy: RunningProxy,
) -> None:
    reply = await _client(shouting_proxy).chat.completions.create(
        model="m", messages=[{"role": "user", "content": "hello"}]
    )

    assert "HELLO" == shouting_proxy.upstream.last.body["messages"][0]["content"]
    assert "<HELLO>" == reply.choices[0].message.content
    ctx = Shouting.contexts[-1]
    assert ("chat/completions", "acme") == (ctx.endpoint, ctx.tenant_id)


async def test_stream_events_and_the_final_flush_come_from_the_exchange(
    shouting_proxy: RunningProxy,
) -> None:
    stream = await _client(shouting_proxy).chat.completions.create(
        model="m", messages=[{"role": "user", "content": "abcdef"}], stream=True
    )
    text = ""
    async for chunk in stream:
        text += "".join(c.delta.content or "" for c in chunk.choices)

    # The fake cuts the text in pieces of 3; the exchange doubles each; the flush adds "!".
    assert "ABCABCDEFDEF!" == text


async def _post(proxy: RunningProxy, data: bytes, **headers: str) -> tuple[int, Any]:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{proxy.base_url}/chat/completions",
            data=data,
            headers={"Authorization": f"Bearer {proxy.tenant_secret}", **headers},
        ) as response,
    ):
        return response.status, await response.json()


async def test_a_body_that_is_not_json_gets_an_openai_shaped_400(proxy: RunningProxy) -> None:
    status, body = await _post(proxy, b"{not json")

    assert (400, "invalid_json") == (status, body["error"]["code"])
    assert [] == proxy.upstream.requests


async def test_a_body_over_the_limit_gets_413(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(max_body_bytes=1024)

    status, body = await _post(proxy, b'{"x": "' + b"a" * 2000 + b'"}')

    assert (413, "limit_exceeded") == (status, body["error"]["code"])


async def test_a_wrong_method_gets_an_openai_shaped_405(proxy: RunningProxy) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(
            f"{proxy.base_url}/chat/completions",
            headers={"Authorization": f"Bearer {proxy.tenant_secret}"},
        ) as response,
    ):
        body = await response.json()

    assert (405, "method_not_allowed") == (response.status, body["error"]["code"])


async def test_healthz_answers_without_a_key(proxy: RunningProxy) -> None:
    root = proxy.base_url.removesuffix("/v1")
    async with aiohttp.ClientSession() as session, session.get(f"{root}/healthz") as response:
        assert (200, {"status": "ok"}) == (response.status, await response.json())


class Exploding:
    """An exchange whose failure message carries caller content."""

    def __init__(self, ctx: RequestContext) -> None:
        self.stats = ExchangeStats()

    def request(self, body: JsonObject) -> JsonObject:
        raise ValueError(f"cannot handle {body['messages'][0]['content']}")


async def test_an_unexpected_failure_is_a_generic_500_logged_without_content(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture
) -> None:
    proxy = await start_proxy()
    app = build_app(proxy.settings, store=proxy.store, exchange_factory=Exploding)  # type: ignore[arg-type]
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    proxy.base_url = f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
    try:
        status, body = await _post(
            proxy, b'{"messages": [{"role": "user", "content": "Dana Levi"}]}'
        )
    finally:
        await runner.cleanup()

    assert (500, "internal_error") == (status, body["error"]["code"])
    assert "Dana Levi" not in str(body)
    assert "ValueError" in caplog.text
    assert "Dana Levi" not in caplog.text
    assert [] == proxy.upstream.requests


async def test_a_store_that_cannot_be_read_gives_503_not_a_pass(proxy: RunningProxy) -> None:
    await proxy.store.close()

    status, body = await _post(proxy, b'{"messages": []}')

    assert (503, "store_unavailable") == (status, body["error"]["code"])
    assert [] == proxy.upstream.requests
