"""Forwarding one call: the tenant's policy opens the endpoint, the body goes through the
exchange (THE SEAM where redaction plugs in), the reply comes back through it, whole or as
SSE events relayed as they arrive."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import orjson
from aiohttp import web

from proxy.errors import ClientTooSlow, EndpointNotAllowed, LimitExceeded, ProxyError
from proxy.exchange import Exchange, JsonObject, Passthrough
from proxy.limits import (
    Limits,
    StreamEventGuard,
    check_content_encoding,
    parse_body,
)
from proxy.request_context import RequestContext
from proxy.request_trace import TracedExchange
from proxy.settings import Settings
from proxy.sse_relay import SseRelay
from proxy.upstream import Upstream, response_headers
from proxy.web.errors import INTERNAL, log_unexpected, stream_error_event
from proxy.web.keys import (
    CALLER,
    EXCHANGE_FACTORY,
    METRICS,
    POLICIES,
    SETTINGS,
    TRACE,
    UPSTREAM,
    Handler,
)


async def read_json_body(request: web.Request, settings: Settings) -> JsonObject:
    """The request body as a JSON object within the limits (proxy/limits.py), or a 4xx."""
    if request.content_length is not None and request.content_length > settings.max_body_bytes:
        raise LimitExceeded("The request body is too large (PROXY_MAX_BODY_BYTES).")
    check_content_encoding(request.headers.get("Content-Encoding"))
    try:
        async with asyncio.timeout(settings.client_body_timeout):
            raw = await request.read()
    except TimeoutError:
        raise ClientTooSlow(
            "The request body did not arrive in time (PROXY_CLIENT_BODY_TIMEOUT)."
        ) from None
    return parse_body(raw, Limits.from_settings(settings))


def _upstream_path(request: web.Request) -> str:
    # The raw (still percent-encoded) path, so ids with reserved characters survive.
    return request.rel_url.raw_path.removeprefix("/v1/")


def open_endpoint(request: web.Request, endpoint: str | None) -> None:
    """Refuse (404) an endpoint the caller's policy does not open; None marks a path the
    operator opened with PROXY_EXTRA_ALLOWED_PATHS, which no policy lists."""
    caller = request[CALLER]
    policy = request.app[POLICIES].resolve(caller.policy)
    request[TRACE].policy = policy.name
    if endpoint is not None and endpoint not in policy.endpoints:
        raise EndpointNotAllowed(f"The policy '{policy.name}' does not open this endpoint.")


def forwarder(endpoint: str | None) -> Handler:
    """The handler of one route, for an endpoint family ("chat/completions", "models")."""

    async def handler(request: web.Request) -> web.StreamResponse:
        return await forward(request, endpoint)

    return handler


async def forward(request: web.Request, endpoint: str | None) -> web.StreamResponse:
    """Relay one call: body through the exchange, reply back through it."""
    app = request.app
    upstream = app[UPSTREAM]
    trace = request[TRACE]
    path = _upstream_path(request)
    exchange: TracedExchange | None = None
    body: bytes | None = None
    open_endpoint(request, endpoint)
    if request.method == "POST" and endpoint is not None:
        parsed = await read_json_body(request, app[SETTINGS])
        caller = request[CALLER]
        ctx = RequestContext(
            endpoint=endpoint,
            tenant_id=caller.tenant_id,
            key_id=caller.key_id,
            policy=caller.policy,
        )
        exchange = TracedExchange(app[EXCHANGE_FACTORY](ctx), trace)
        body = orjson.dumps(exchange.request(parsed))  # what leaves the building
    started = time.perf_counter()
    try:
        async with upstream.send(
            request.method, path, request.query_string, request.headers, body
        ) as reply:
            trace.upstream_status(reply.status)
            content_type = reply.headers.get("Content-Type", "")
            if reply.status < 400 and content_type.startswith("text/event-stream"):
                trace.streamed = True
                return await relay_stream(request, upstream, reply, exchange or Passthrough())
            raw = await upstream.read(reply)
    finally:
        trace.upstream_seconds = time.perf_counter() - started
    return _json_reply(reply, raw, exchange)


def _json_reply(
    reply: aiohttp.ClientResponse, raw: bytes, exchange: Exchange | None
) -> web.Response:
    """A whole (non-streamed) upstream reply for the caller; successes go through the exchange."""
    content_type = reply.headers.get("Content-Type", "")
    if exchange is not None and reply.status < 400 and content_type.startswith("application/json"):
        raw = transform_json_reply(raw, exchange)
    return web.Response(status=reply.status, body=raw, headers=response_headers(reply.headers))


def transform_json_reply(raw: bytes, exchange: Exchange) -> bytes:
    """A successful JSON reply through `exchange.response`; non-objects pass unchanged."""
    try:
        parsed = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return raw
    if not isinstance(parsed, dict):
        return raw
    return orjson.dumps(exchange.response(parsed))


async def relay_stream(
    request: web.Request,
    upstream: Upstream,
    reply: aiohttp.ClientResponse,
    exchange: Exchange,
) -> web.StreamResponse:
    """Relay SSE as it arrives: each upstream chunk becomes one write (with backpressure)."""
    response = web.StreamResponse(status=reply.status, headers=response_headers(reply.headers))
    with request.app[METRICS].stream_in_flight():
        await response.prepare(request)
        await _relay_events(request, upstream, reply, response, SseRelay(exchange))
    return response


async def _relay_events(
    request: web.Request,
    upstream: Upstream,
    reply: aiohttp.ClientResponse,
    response: web.StreamResponse,
    relay: SseRelay,
) -> None:
    guard = StreamEventGuard(request.app[SETTINGS].max_stream_event_bytes)
    write_timeout = request.app[SETTINGS].client_write_timeout

    async def write(data: bytes) -> None:
        # A caller that stops reading would otherwise hold this handler and its upstream
        # connection for as long as it likes (the upstream timeouts only run while reading).
        async with asyncio.timeout(write_timeout):
            await response.write(data)

    try:
        while True:
            try:
                chunk = await upstream.next_chunk(reply)
                guard.feed(chunk)
                out = relay.feed(chunk) if chunk else relay.finish()
            except ProxyError as error:
                request[TRACE].failed(error, mid_stream=True)
                reply.close()
                await write(stream_error_event(error))
                break
            except Exception as exc:
                reply.close()
                log_unexpected(exc, request)
                await write(stream_error_event(INTERNAL))
                break
            if out:
                await write(out)
            if not chunk:
                break
        async with asyncio.timeout(write_timeout):
            await response.write_eof()
    except ConnectionResetError:
        # The caller hung up: stop reading upstream now (send() closes the connection).
        reply.close()
    except TimeoutError:
        # The caller stopped reading (upstream timeouts arrive as ProxyError, not here).
        reply.close()
        if request.transport is not None:
            request.transport.abort()
