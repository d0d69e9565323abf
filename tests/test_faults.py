"""Upstream faults against the loopback fake: each has one defined outcome for the caller,
leaves no task or connection behind, and puts nothing personal in any log line."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import openai
import orjson
import pytest
from openai import AsyncOpenAI

from proxy.web.keys import UPSTREAM
from tests.conftest import RunningProxy, StartProxy
from tests.processes import free_port

CANARY_NAME = "Dana Levi"
CANARY_EMAIL = "dana.levi@example.com"
MESSAGES = [{"role": "user", "content": f"Write to {CANARY_NAME} at {CANARY_EMAIL}"}]

# Short enough to keep the suite quick, long enough for a loaded 2-core machine.
FAST: dict[str, Any] = {
    "upstream_connect_timeout": 2.0,
    "upstream_first_byte_timeout": 0.5,
    "stream_idle_timeout": 1.0,
    "upstream_total_timeout": 3.0,
    "max_stream_event_bytes": 4096,
}

# Client-side libraries log the request they send at DEBUG; only the proxy's side counts.
CLIENT_LOGGERS = ("openai", "httpx", "httpcore")


@pytest.fixture
async def faulty(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture
) -> AsyncIterator[RunningProxy]:
    """A proxy with short timeouts; afterwards: no leaks, no canary in any proxy-side log."""
    caplog.set_level(logging.DEBUG)
    proxy = await start_proxy(**FAST)
    baseline = asyncio.all_tasks()
    yield proxy
    await assert_no_leaks(proxy, baseline)
    assert_nothing_personal_logged(caplog)


def assert_nothing_personal_logged(caplog: pytest.LogCaptureFixture) -> None:
    formatter = logging.Formatter("%(name)s %(message)s")  # exc_info and tracebacks included
    logged = "\n".join(
        formatter.format(record)
        for record in caplog.records
        if not record.name.startswith(CLIENT_LOGGERS)
    )
    assert CANARY_NAME not in logged
    assert CANARY_EMAIL not in logged


async def assert_no_leaks(proxy: RunningProxy, baseline: set[asyncio.Task[Any]]) -> None:
    """No upstream connection still in use, none left open upstream, no task left over."""
    assert proxy.runner is not None
    # The connector has no public count of connections in use; this is test-only peeking.
    connector = proxy.runner.app[UPSTREAM]._session.connector
    assert connector is not None
    in_use = await settle(lambda: len(connector._acquired))  # type: ignore[attr-defined]
    assert 0 == in_use
    # Idle keep-alive connections are legitimate; close them to see that nothing else is open.
    await connector.close()
    fake_server = proxy.upstream._runner.server if proxy.upstream._runner else None
    open_upstream = await settle(lambda: len(fake_server.connections) if fake_server else 0)
    assert 0 == open_upstream
    current = asyncio.current_task()
    left = await settle(lambda: len(asyncio.all_tasks() - baseline - {current}))
    assert 0 == left


async def settle(count: Any, rounds: int = 100) -> int:
    """Give the loop a moment for closes to land; the count once it reaches 0 (or gives up)."""
    value: int = count()
    for _ in range(rounds):
        if value == 0:
            break
        await asyncio.sleep(0.05)
        value = count()
    return value


def sdk(proxy: RunningProxy) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


async def raw_stream(proxy: RunningProxy) -> tuple[int, bytes]:
    """A streamed chat call with a plain HTTP client: status and every byte of the body."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{proxy.base_url}/chat/completions",
            json={"model": "gpt-echo", "messages": MESSAGES, "stream": True},
            headers={"Authorization": f"Bearer {proxy.tenant_secret}"},
        ) as response,
    ):
        return response.status, await response.read()


# -- before the reply started: a status ------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True])
async def test_connection_refused_gives_502_upstream_unavailable(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture, stream: bool
) -> None:
    caplog.set_level(logging.DEBUG)
    proxy = await start_proxy(upstream_url=f"http://127.0.0.1:{free_port()}/v1", **FAST)
    baseline = asyncio.all_tasks()

    async with sdk(proxy) as api:
        with pytest.raises(openai.APIStatusError) as caught:
            await api.chat.completions.create(model="m", messages=MESSAGES, stream=stream)  # type: ignore[call-overload]

    assert (502, "upstream_unavailable") == (caught.value.status_code, caught.value.code)
    await assert_no_leaks(proxy, baseline)
    assert_nothing_personal_logged(caplog)


@pytest.fixture
def unanswered_port() -> Iterator[int]:
    """A port whose accept queue is full: a new connection's SYN is never answered."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port: int = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    yield port
    for filler in fillers:
        filler.close()
    listener.close()


async def test_a_connect_that_never_completes_gives_504(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture, unanswered_port: int
) -> None:
    caplog.set_level(logging.DEBUG)
    overrides = {**FAST, "upstream_connect_timeout": 0.2, "upstream_first_byte_timeout": 5.0}
    proxy = await start_proxy(upstream_url=f"http://127.0.0.1:{unanswered_port}/v1", **overrides)
    baseline = asyncio.all_tasks()

    async with sdk(proxy) as api:
        with pytest.raises(openai.APIStatusError) as caught:
            await api.chat.completions.create(model="m", messages=MESSAGES)  # type: ignore[arg-type]

    assert (504, "upstream_timeout") == (caught.value.status_code, caught.value.code)
    await assert_no_leaks(proxy, baseline)
    assert_nothing_personal_logged(caplog)


async def test_a_reset_before_the_headers_gives_502(faulty: RunningProxy) -> None:
    faulty.upstream.reset_before_headers = True

    async with sdk(faulty) as api:
        with pytest.raises(openai.APIStatusError) as caught:
            await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]

    assert (502, "upstream_unavailable") == (caught.value.status_code, caught.value.code)


async def test_an_upstream_that_sends_no_byte_gives_504_and_is_hung_up_on(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.hang = True

    async with sdk(faulty) as api:
        with pytest.raises(openai.APIStatusError) as caught:
            await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]

    assert (504, "upstream_timeout") == (caught.value.status_code, caught.value.code)
    await asyncio.wait_for(faulty.upstream.client_disconnected.wait(), timeout=10)


@pytest.mark.parametrize("stream", [False, True])
async def test_a_5xx_that_echoes_the_request_passes_through_in_shape(
    faulty: RunningProxy, stream: bool
) -> None:
    # Passed through unchanged. Once redaction lands, what the upstream echoes is the
    # pseudonymized request, so this body holds placeholders only (restored or not).
    faulty.upstream.error_echoes_request = True
    faulty.upstream.fail_with(500)

    async with sdk(faulty) as api:
        with pytest.raises(openai.InternalServerError) as caught:
            await api.chat.completions.create(model="m", messages=MESSAGES, stream=stream)  # type: ignore[call-overload]

    assert (500, "echo") == (caught.value.status_code, caught.value.code)
    assert "Could not parse the request: {" in caught.value.message


# -- after the stream started: an SSE error event, then close --------------------------------


def error_event(message: str) -> bytes:
    body = {"error": {"message": message, "type": "api_error", "param": None, "code": None}}
    return orjson.dumps(body)


async def test_a_reset_mid_stream_ends_with_an_error_event_after_the_events_so_far(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.abort_after_events = 3

    status, body = await raw_stream(faulty)

    events = [e for e in body.split(b"\n\n") if e]
    assert 200 == status
    assert 4 == len(events)
    assert b'"code":"upstream_unavailable"' in events[-1]
    assert events[-1].startswith(b"data: {")


async def test_an_endless_stream_is_cut_at_the_total_timeout_with_an_error_event(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.endless_stream = True
    faulty.upstream.event_delay = 0.02

    status, body = await raw_stream(faulty)

    last = body.rstrip(b"\n").rsplit(b"\n\n", 1)[-1]
    assert 200 == status
    assert b'data: {"error":' in last
    assert b'"code":"upstream_timeout"' in last


async def test_a_trickle_slower_than_the_idle_timeout_ends_with_an_error_event(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.event_delay = 1.5  # each gap is over stream_idle_timeout (1.0)

    async with sdk(faulty) as api:
        stream = await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
        with pytest.raises(openai.APIError) as caught:
            async for _ in stream:
                pass

    assert "The upstream did not answer in time." == caught.value.message


async def test_a_slow_but_steady_trickle_completes(faulty: RunningProxy) -> None:
    faulty.upstream.event_delay = 0.05
    faulty.upstream.chunk_size = 8

    async with sdk(faulty) as api:
        stream = await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
        text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])

    assert MESSAGES[0]["content"] == text
    assert faulty.upstream.stream_completed.is_set()


async def test_malformed_sse_lines_are_dropped_and_non_json_data_passes_unchanged(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.raw_stream = [
        b"garbage without a colon\n",
        b"\x00\xff\xfe binary junk\n\n",
        b"data: not json at all\n\n",
        b": a comment\n\n",
        b'data: {"id":"c1","choices":[]}\n\n',
        b"data: [DONE]\n\n",
    ]

    status, body = await raw_stream(faulty)

    assert 200 == status
    assert (b'data: not json at all\n\ndata: {"id":"c1","choices":[]}\n\ndata: [DONE]\n\n') == body


async def test_an_event_over_the_size_cap_ends_the_stream_with_an_error_event(
    faulty: RunningProxy,
) -> None:
    faulty.upstream.raw_stream = [
        b'data: {"id":"c1","choices":[]}\n\n',
        b'data: {"big":"' + b"x" * 3000,
        b"x" * 3000 + b'"}\n\n',
        b"data: [DONE]\n\n",
    ]

    status, body = await raw_stream(faulty)

    # Events that shared a network chunk with the oversized one may be dropped with it.
    last = body.rstrip(b"\n").rsplit(b"\n\n", 1)[-1]
    assert 200 == status
    assert b"PROXY_MAX_STREAM_EVENT_BYTES" in last
    assert b"[DONE]" not in body
    assert b"xxxx" not in body


async def test_a_caller_that_stops_reading_is_dropped_after_the_write_timeout(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    proxy = await start_proxy(
        **{**FAST, "client_write_timeout": 0.3, "max_stream_event_bytes": 1 << 20}
    )
    baseline = asyncio.all_tasks()
    event = b"data: " + orjson.dumps({"id": "c1", "choices": [], "pad": "x" * 60_000}) + b"\n\n"
    proxy.upstream.raw_stream = [event] * 300  # ~18 MB: more than the socket buffers hold
    caller = socket.socket()
    caller.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    caller.setblocking(False)
    loop = asyncio.get_running_loop()
    await loop.sock_connect(caller, ("127.0.0.1", int(proxy.base_url.split(":")[2][:-3])))
    body = orjson.dumps({"model": "m", "messages": MESSAGES, "stream": True})
    await loop.sock_sendall(
        caller,
        b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        + f"Authorization: Bearer {proxy.tenant_secret}\r\n".encode()
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body,
    )
    first = await asyncio.wait_for(loop.sock_recv(caller, 1024), timeout=10)

    # The caller reads nothing more; the proxy must let go of both sides by itself.
    in_use = await settle(lambda: len(proxy.runner.app[UPSTREAM]._session.connector._acquired))  # type: ignore[union-attr]
    caller.close()

    assert first.startswith(b"HTTP/1.1 200")
    assert 0 == in_use
    await assert_no_leaks(proxy, baseline)
    assert_nothing_personal_logged(caplog)
