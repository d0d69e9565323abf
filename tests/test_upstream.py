"""Header hygiene and error mapping on the upstream side."""

from __future__ import annotations

import aiohttp
import pytest

from proxy.errors import UpstreamTimeout, UpstreamUnavailable
from proxy.upstream import request_headers, response_headers, upstream_errors


def test_caller_credentials_cookies_and_hop_by_hop_headers_are_dropped() -> None:
    incoming = {
        "Authorization": "Bearer rp-caller-secret",
        "Cookie": "a=b",
        "X-Tenant-ID": "acme",
        "Host": "proxy.local",
        "Content-Length": "12",
        "Connection": "keep-alive, X-Private-Hop",
        "X-Private-Hop": "1",
        "Transfer-Encoding": "chunked",
        "Content-Type": "application/json",
        "OpenAI-Beta": "assistants=v2",
    }
    # Even named as forwarded, credentials, cookies and hop-by-hop headers stay behind.
    forwarded = frozenset(name.lower() for name in [*incoming, "openai-beta"])

    out = request_headers(incoming, "Bearer sk-upstream", forwarded)

    assert {
        "Content-Type": "application/json",
        "OpenAI-Beta": "assistants=v2",
        "Authorization": "Bearer sk-upstream",
    } == dict(out)


def test_caller_headers_not_named_as_forwarded_stay_at_the_proxy() -> None:
    incoming = {
        "Content-Type": "application/json",
        "X-Integration-Key": "crm-secret-123",
        "X-Contact-Email": "dana.levi@example.com",
        "User-Agent": "OpenAI/Python",
    }

    out = request_headers(incoming, "Bearer sk-upstream", frozenset({"content-type"}))

    assert {"Content-Type": "application/json", "Authorization": "Bearer sk-upstream"} == dict(out)


def test_reply_headers_keep_openai_metadata_but_not_cookies_or_framing() -> None:
    upstream = {
        "Content-Type": "application/json",
        "x-request-id": "req_1",
        "retry-after": "2",
        "Set-Cookie": "__cf_bm=x",
        "Content-Length": "10",
        "Content-Encoding": "gzip",
    }

    assert {"Content-Type": "application/json", "x-request-id": "req_1", "retry-after": "2"} == (
        dict(response_headers(upstream))
    )


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (TimeoutError(), UpstreamTimeout),
        (aiohttp.ServerTimeoutError("read"), UpstreamTimeout),
        (aiohttp.ClientConnectionError("refused"), UpstreamUnavailable),
        (aiohttp.ClientPayloadError("cut"), UpstreamUnavailable),
        (ConnectionResetError("reset"), UpstreamUnavailable),
    ],
)
def test_low_level_failures_map_to_upstream_errors_without_their_text(
    raised: Exception, expected: type[Exception]
) -> None:
    with pytest.raises(expected) as caught, upstream_errors():
        raise raised

    assert str(raised) not in str(caught.value) or not str(raised)
