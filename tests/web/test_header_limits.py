"""An oversized header block is refused before authentication, on every path."""

from __future__ import annotations

import aiohttp
import pytest

from tests.conftest import StartProxy


@pytest.mark.parametrize("path", ["/v1/models", "/admin/tenants"])
async def test_an_oversized_header_block_gets_431_before_any_key_is_checked(
    start_proxy: StartProxy, path: str
) -> None:
    proxy = await start_proxy(max_header_bytes=2048)
    root = proxy.base_url.removesuffix("/v1")
    # Each header fits the per-line limit; together they exceed the block budget.
    headers = {f"X-Filler-{i}": "x" * 500 for i in range(6)}

    async with aiohttp.ClientSession() as http, http.get(root + path, headers=headers) as reply:
        status, body = reply.status, await reply.json()

    assert (431, "headers_too_large") == (status, body["error"]["code"])
    assert [] == proxy.upstream.requests
