"""The server around the app: header limits answered cleanly, slow headers cut off."""

from __future__ import annotations

import asyncio
import logging

import orjson
import pytest

from tests.conftest import RunningProxy, StartProxy

CANARY = "dana.levi@example.com"
NAME_CANARY = "DanaLevi"  # header names allow no "@"


def port_of(proxy: RunningProxy) -> int:
    return int(proxy.base_url.split(":")[2].split("/")[0])


async def raw_exchange(proxy: RunningProxy, request: bytes) -> tuple[bytes, bytes]:
    """Send raw bytes; the reply's head and body (the server closes after an error)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(proxy))
    writer.write(request)
    await writer.drain()
    # wait_for: a guard against a hang, not a timing assertion.
    reply = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()
    head, _, body = reply.partition(b"\r\n\r\n")
    return head, body


def get(headers: bytes) -> bytes:
    return b"GET /v1/models HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n"


@pytest.mark.parametrize(
    "headers",
    [
        b"Authorization: Bearer " + CANARY.encode() * 200 + b"\r\n",  # one value too long
        b"X-" + NAME_CANARY.encode() * 400 + b": v\r\n",  # one name too long
        b"".join(b"X-%d: %s\r\n" % (n, CANARY.encode()) for n in range(200)),  # too many
    ],
    ids=["long-value", "long-name", "too-many"],
)
async def test_oversized_headers_get_an_openai_shaped_431_that_quotes_nothing(
    start_proxy: StartProxy, caplog: pytest.LogCaptureFixture, headers: bytes
) -> None:
    caplog.set_level(logging.DEBUG)
    proxy = await start_proxy(max_header_bytes=2048, max_header_count=50)

    head, body = await raw_exchange(proxy, get(headers))

    assert b"431" == head.split(b" ")[1]
    assert "headers_too_large" == orjson.loads(body)["error"]["code"]
    assert CANARY.encode() not in body
    assert NAME_CANARY.encode() not in body
    assert CANARY not in caplog.text
    assert NAME_CANARY not in caplog.text
    assert [] == proxy.upstream.requests


async def test_a_malformed_request_gets_an_openai_shaped_400_that_quotes_nothing(
    proxy: RunningProxy, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    head, body = await raw_exchange(proxy, get(b"X-Bad\x01" + CANARY.encode() + b": v\r\n"))

    assert b"400" == head.split(b" ")[1]
    assert "invalid_http" == orjson.loads(body)["error"]["code"]
    assert CANARY.encode() not in body
    assert CANARY not in caplog.text


async def test_a_client_that_trickles_its_headers_is_disconnected(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(client_header_timeout=0.3)
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(proxy))
    writer.write(b"GET /v1/models HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
    await writer.drain()

    # EOF without an answer; the guard only stops a hang (no timing assertion).
    received = await asyncio.wait_for(reader.read(), timeout=10)
    writer.close()

    assert b"" == received
    assert [] == proxy.upstream.requests
