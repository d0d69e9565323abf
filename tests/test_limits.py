"""Request limits: the pure checks, and the OpenAI-shaped 4xx a caller gets for each."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import openai
import orjson
import pytest
from openai import AsyncOpenAI

from proxy.errors import (
    HeadersTooLarge,
    InvalidRequest,
    LimitExceeded,
    UnsupportedEncoding,
    UpstreamUnavailable,
)
from proxy.limits import (
    Limits,
    StreamEventGuard,
    check_body,
    check_content_encoding,
    check_header_block,
    parse_body,
)
from tests.conftest import RunningProxy, StartProxy

CANARY = "dana.levi@example.com"
LIMITS = Limits(max_json_depth=8, max_messages=3, max_text_chars=100)


def nested(depth: int) -> dict[str, Any]:
    """An object `depth` levels deep, built without recursion."""
    body: dict[str, Any] = {"content": CANARY}
    for _ in range(depth - 1):
        body = {"x": body}
    return body


def chat(messages: int = 1, text: str = CANARY) -> dict[str, Any]:
    return {"model": "m", "messages": [{"role": "user", "content": text}] * messages}


# -- pure checks ----------------------------------------------------------------------------


def test_a_body_within_every_limit_passes() -> None:
    body = chat(messages=3, text="a" * 100)

    assert body == parse_body(orjson.dumps(body), LIMITS)


def test_nesting_past_the_depth_limit_is_refused_naming_the_setting_not_the_content() -> None:
    with pytest.raises(LimitExceeded) as caught:
        check_body(nested(20), LIMITS)

    assert ("json_too_deep", 413) == (caught.value.code, caught.value.status)
    assert "PROXY_MAX_JSON_DEPTH" in caught.value.message
    assert CANARY not in str(caught.value.body())


def test_a_very_deep_parsed_body_is_walked_without_recursion() -> None:
    deep: list[Any] = []
    for _ in range(200_000):
        deep = [deep]
    generous = Limits(max_json_depth=300_000, max_messages=3, max_text_chars=100)

    check_body({"input": deep}, generous)  # a recursive walk would hit RecursionError
    with pytest.raises(LimitExceeded) as caught:
        check_body({"input": deep}, LIMITS)

    assert "json_too_deep" == caught.value.code


def test_a_json_bomb_past_the_parsers_own_ceiling_is_a_depth_refusal_not_a_syntax_error() -> None:
    raw = b'{"a":' + b"[" * 50_000 + b"]" * 50_000 + b"}"

    with pytest.raises(LimitExceeded) as caught:
        parse_body(raw, LIMITS)

    assert "json_too_deep" == caught.value.code


def test_broken_json_and_non_objects_are_400_invalid_json() -> None:
    for raw in (b"{nope", b"[1, 2]"):
        with pytest.raises(InvalidRequest) as caught:
            parse_body(raw, LIMITS)
        assert ("invalid_json", 400) == (caught.value.code, caught.value.status)


@pytest.mark.parametrize("field", ["messages", "input", "prompt"])
def test_too_many_messages_or_input_items_are_refused_naming_the_field(field: str) -> None:
    with pytest.raises(LimitExceeded) as caught:
        check_body({field: ["a"] * 4}, LIMITS)

    assert ("too_many_messages", field) == (caught.value.code, caught.value.param)
    assert "PROXY_MAX_MESSAGES" in caught.value.message


def test_a_single_text_over_the_limit_is_refused_without_quoting_it() -> None:
    long_text = CANARY + "x" * 100

    with pytest.raises(LimitExceeded) as caught:
        check_body(chat(text=long_text), LIMITS)

    assert "text_too_long" == caught.value.code
    assert "PROXY_MAX_TEXT_CHARS" in caught.value.message
    assert CANARY not in str(caught.value.body())


def test_many_texts_each_under_the_limit_pass() -> None:
    check_body({"input": ["a" * 100, "b" * 100, "c" * 100]}, LIMITS)


@pytest.mark.parametrize("value", ["gzip", "br", "deflate", "gzip, identity"])
def test_compressed_request_bodies_are_refused_with_415(value: str) -> None:
    with pytest.raises(UnsupportedEncoding) as caught:
        check_content_encoding(value)

    assert 415 == caught.value.status


@pytest.mark.parametrize("value", [None, "", "identity", " Identity "])
def test_an_identity_or_absent_content_encoding_passes(value: str | None) -> None:
    check_content_encoding(value)


def test_a_header_block_over_the_byte_budget_is_431() -> None:
    headers = [(b"X-A", b"a" * 500), (b"X-B", b"b" * 500)]

    check_header_block(headers, 1024)
    with pytest.raises(HeadersTooLarge) as caught:
        check_header_block([*headers, (b"X-C", b"c" * 100)], 1024)

    assert 431 == caught.value.status


def test_the_stream_guard_allows_events_split_across_chunks_and_stops_an_endless_one() -> None:
    guard = StreamEventGuard(max_event_bytes=64)
    event = b"data: " + b"x" * 40 + b"\n\n"
    for _ in range(10):  # many events, each under the cap, split mid-boundary
        guard.feed(event[:-1])
        guard.feed(event[-1:])

    with pytest.raises(UpstreamUnavailable) as caught:
        for _ in range(10):
            guard.feed(b"data: " + b"y" * 20)

    assert "PROXY_MAX_STREAM_EVENT_BYTES" in caught.value.message


def test_the_stream_guard_stops_a_large_event_even_when_its_end_arrives() -> None:
    guard = StreamEventGuard(max_event_bytes=64)
    guard.feed(b"data: " + b"x" * 50)

    with pytest.raises(UpstreamUnavailable):
        guard.feed(b"x" * 50 + b"\r\n\r\ndata: small\n\n")


# -- what a caller sees ---------------------------------------------------------------------


async def post(
    proxy: RunningProxy, data: bytes, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, Any]]:
    sent = {"Authorization": f"Bearer {proxy.tenant_secret}", "Content-Type": "application/json"}
    sent.update(headers or {})
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{proxy.base_url}/chat/completions", data=data, headers=sent) as response,
    ):
        return response.status, await response.json()


async def test_a_deep_body_gets_413_json_too_deep_and_nothing_goes_upstream(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(max_json_depth=8)

    status, body = await post(proxy, orjson.dumps(nested(20)))

    assert (413, "json_too_deep") == (status, body["error"]["code"])
    assert [] == proxy.upstream.requests


async def test_a_chunked_body_without_a_length_is_still_capped_at_413(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(max_body_bytes=1024)

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"model": "m", "messages": [{"role": "user", "content": "'
        for _ in range(20):
            yield b"a" * 100
        yield b'"}]}'

    status, body = await post(proxy, chunks())  # type: ignore[arg-type]

    assert (413, "limit_exceeded") == (status, body["error"]["code"])
    assert "PROXY_MAX_BODY_BYTES" in body["error"]["message"]
    assert [] == proxy.upstream.requests


async def test_a_gzip_body_gets_415_and_nothing_goes_upstream(proxy: RunningProxy) -> None:
    status, body = await post(
        proxy, gzip.compress(orjson.dumps(chat())), {"Content-Encoding": "gzip"}
    )

    assert (415, "unsupported_content_encoding") == (status, body["error"]["code"])
    assert [] == proxy.upstream.requests


async def test_the_sdk_sees_413_for_too_many_messages_and_for_a_long_text(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(max_messages=3, max_text_chars=100)
    api = AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)

    codes = []
    for body in (chat(messages=4), chat(text=CANARY * 10)):
        with pytest.raises(openai.APIStatusError) as caught:
            await api.chat.completions.create(**body)
        codes.append((caught.value.status_code, caught.value.code))
        assert CANARY not in caught.value.response.text

    assert [(413, "too_many_messages"), (413, "text_too_long")] == codes
    assert [] == proxy.upstream.requests


async def test_a_header_block_over_the_budget_gets_431(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(max_header_bytes=2048)
    # Each header is under the per-line limit; together they are over the block budget.
    many = {f"X-Note-{n}": CANARY * 8 for n in range(20)}

    status, body = await post(proxy, orjson.dumps(chat()), many)

    assert (431, "headers_too_large") == (status, body["error"]["code"])
    assert CANARY not in str(body)


async def test_a_body_that_trickles_in_is_cut_off_with_408(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(client_body_timeout=0.3)
    port = proxy.base_url.split(":")[2].split("/")[0]
    reader, writer = await asyncio.open_connection("127.0.0.1", int(port))
    writer.write(
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Bearer " + proxy.tenant_secret.encode() + b"\r\n"
        b'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"model":'
    )
    await writer.drain()

    # wait_for: a guard against a hang, not a timing assertion.
    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    payload = await reader.readexactly(length)
    writer.close()

    assert head.startswith(b"HTTP/1.1 408")
    assert "request_timeout" == orjson.loads(payload)["error"]["code"]
    assert [] == proxy.upstream.requests
