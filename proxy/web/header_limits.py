"""The request's whole header block against PROXY_MAX_HEADER_BYTES, before anything else.

aiohttp's parser bounds each line and header (serving.py); this bounds their sum, and runs
before authentication, so an oversized request costs no key or consent lookup.
"""

from __future__ import annotations

from typing import Any

from aiohttp import web

from proxy.limits import check_header_block
from proxy.web.keys import Handler


def header_limits_middleware(max_bytes: int) -> Any:
    """Refuse (431) a header block larger than `max_bytes`, on every path."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        check_header_block(request.raw_headers, max_bytes)
        return await handler(request)

    return middleware
