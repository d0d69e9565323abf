"""The composition root: builds the aiohttp application and relays requests.

Reading order of one forwarded request:

    errors_middleware      ProxyError -> OpenAI-shaped JSON, anything else -> generic 500
    auth_middleware        Bearer key -> tenant (a service key names it in X-Tenant-ID)
    forward()              read + parse the body
        exchange = exchange_factory(RequestContext(...))       <- THE SEAM: redaction plugs in here
        exchange.request(body)                                 (pseudonymize on the way out)
        upstream.send(...)
        exchange.response(reply) / exchange.stream_event(evt)  (restore on the way back)

Only this module (and admin/) builds aiohttp.web objects.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from proxy.errors import (
    AuthenticationFailed,
    ClientTooSlow,
    EndpointNotAllowed,
    LimitExceeded,
    ProxyError,
)
from proxy.exchange import Exchange, JsonObject, Passthrough
from proxy.limits import (
    Limits,
    StreamEventGuard,
    check_content_encoding,
    check_header_block,
    parse_body,
)
from proxy.request_context import RequestContext, resolve_tenant
from proxy.settings import Settings
from proxy.sse import encode_json_data
from proxy.sse_relay import SseRelay
from proxy.store import Store, open_store
from proxy.upstream import Upstream, open_session, response_headers

log = logging.getLogger("proxy.app")

ExchangeFactory = Callable[[RequestContext], Exchange]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Endpoint families whose JSON bodies go through the exchange.
POST_ENDPOINTS: tuple[str, ...] = ("chat/completions", "responses", "completions", "embeddings")


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling, once authenticated."""

    tenant_id: str
    key_id: str


SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
UPSTREAM = web.AppKey("upstream", Upstream)
EXCHANGE_FACTORY: web.AppKey[ExchangeFactory] = web.AppKey("exchange_factory")
CALLER = web.RequestKey("caller", Caller)


def passthrough_factory(ctx: RequestContext) -> Exchange:
    """The default exchange: bodies go through unchanged."""
    return Passthrough()


# -- errors: the one translation to HTTP ------------------------------------------------


def error_response(
    status: int, message: str, error_type: str, code: str, *, headers: dict[str, str] | None = None
) -> web.Response:
    body = {"error": {"message": message, "type": error_type, "param": None, "code": code}}
    return web.Response(
        status=status, body=orjson.dumps(body), content_type="application/json", headers=headers
    )


def proxy_error_response(error: ProxyError) -> web.Response:
    return web.Response(
        status=error.status, body=orjson.dumps(error.body()), content_type="application/json"
    )


def _http_exception_response(exc: web.HTTPException) -> web.Response:
    if exc.status == 404:
        return proxy_error_response(EndpointNotAllowed("Unknown request URL."))
    if exc.status == 413:
        return proxy_error_response(
            LimitExceeded("The request body is too large (PROXY_MAX_BODY_BYTES).")
        )
    if exc.status == 405:
        allow = exc.headers.get("Allow")
        headers = {"Allow": allow} if allow else None
        return error_response(
            405,
            "Method not allowed.",
            "invalid_request_error",
            "method_not_allowed",
            headers=headers,
        )
    error_type = "invalid_request_error" if exc.status < 500 else "api_error"
    return error_response(exc.status, exc.reason, error_type, f"http_{exc.status}")


_INTERNAL = ProxyError("Internal server error.")


def _log_unexpected(exc: BaseException, request: web.Request) -> None:
    # Class name and code locations only: the message may carry caller content.
    log.error(
        "unhandled %s on %s %s\n%s",
        type(exc).__name__,
        request.method,
        request.path,
        "".join(traceback.format_tb(exc.__traceback__)),
    )


def errors_middleware() -> Any:
    """Answer every failure in OpenAI's error shape; never put content in logs or bodies."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        except ProxyError as error:
            return proxy_error_response(error)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return _http_exception_response(exc)
        except Exception as exc:
            _log_unexpected(exc, request)
            return proxy_error_response(_INTERNAL)

    return middleware


# -- authentication -----------------------------------------------------------------------


def auth_middleware(prefix: str = "/v1/") -> Any:
    """Bearer key -> Caller for every path under `prefix`; other paths pass untouched."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(prefix):
            request[CALLER] = await authenticate(request)
        return await handler(request)

    return middleware


async def authenticate(request: web.Request) -> Caller:
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise AuthenticationFailed("Missing API key. Send it as 'Authorization: Bearer <key>'.")
    store = request.app[STORE]
    key = await store.authenticate(secret)
    if key is None:
        raise AuthenticationFailed("Incorrect or revoked API key provided.")
    tenant_id = resolve_tenant(key.tenant_id, request.headers.get("X-Tenant-ID"))
    await store.ensure_tenant(tenant_id)
    return Caller(tenant_id=tenant_id, key_id=key.id)


# -- forwarding -----------------------------------------------------------------------------


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


async def forward(request: web.Request) -> web.StreamResponse:
    """Relay one call: body through the exchange, reply back through it."""
    app = request.app
    upstream = app[UPSTREAM]
    path = _upstream_path(request)
    exchange: Exchange | None = None
    body: bytes | None = None
    check_header_block(request.raw_headers, app[SETTINGS].max_header_bytes)
    if request.method == "POST":
        parsed = await read_json_body(request, app[SETTINGS])
        caller = request[CALLER]
        ctx = RequestContext(
            endpoint=path,  # POST routes are static: the path is the endpoint family
            tenant_id=caller.tenant_id,
            key_id=caller.key_id,
            request_id=secrets.token_hex(8),
        )
        exchange = app[EXCHANGE_FACTORY](ctx)
        body = orjson.dumps(exchange.request(parsed))  # what leaves the building
    async with upstream.send(
        request.method, path, request.query_string, request.headers, body
    ) as reply:
        content_type = reply.headers.get("Content-Type", "")
        if reply.status < 400 and content_type.startswith("text/event-stream"):
            return await relay_stream(request, upstream, reply, exchange or Passthrough())
        raw = await upstream.read(reply)
        if (
            exchange is not None
            and reply.status < 400
            and content_type.startswith("application/json")
        ):
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


def _stream_error_event(error: ProxyError) -> bytes:
    # After the headers went out the status cannot change: an `error` event is what the
    # openai SDK turns into an APIError mid-stream.
    return encode_json_data(orjson.dumps(error.body()))


async def relay_stream(
    request: web.Request,
    upstream: Upstream,
    reply: aiohttp.ClientResponse,
    exchange: Exchange,
) -> web.StreamResponse:
    """Relay SSE as it arrives: each upstream chunk becomes one write (with backpressure)."""
    response = web.StreamResponse(status=reply.status, headers=response_headers(reply.headers))
    await response.prepare(request)
    relay = SseRelay(exchange)
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
                reply.close()
                await write(_stream_error_event(error))
                break
            except Exception as exc:
                reply.close()
                _log_unexpected(exc, request)
                await write(_stream_error_event(_INTERNAL))
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
    return response


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process answers."""
    return web.Response(body=b'{"status":"ok"}', content_type="application/json")


# -- resources and assembly ---------------------------------------------------------------


def store_ctx(owned: Store | None) -> Callable[[web.Application], AsyncIterator[None]]:
    """Open the store from settings (or use the given one, which the caller owns)."""

    async def ctx(app: web.Application) -> AsyncIterator[None]:
        if owned is not None:
            app[STORE] = owned
            yield
            return
        store = open_store(app[SETTINGS].database_url)
        await store.open()
        app[STORE] = store
        try:
            yield
        finally:
            await store.close()

    return ctx


async def upstream_ctx(app: web.Application) -> AsyncIterator[None]:
    """One shared client session for the life of the app."""
    settings = app[SETTINGS]
    session = open_session(settings)
    app[UPSTREAM] = Upstream(settings, session)
    if not app[UPSTREAM].configured:
        log.warning(
            "no upstream API key set (PROXY_UPSTREAM_API_KEY or OPENAI_API_KEY): "
            "forwarded calls will answer 503 not_configured"
        )
    try:
        yield
    finally:
        await session.close()


def build_app(
    settings: Settings,
    *,
    store: Store | None = None,
    exchange_factory: ExchangeFactory | None = None,
) -> web.Application:
    """The proxy application; `store` and `exchange_factory` are for tests and composition."""
    app = web.Application(
        middlewares=[errors_middleware(), auth_middleware()],
        client_max_size=settings.max_body_bytes,
    )
    app[SETTINGS] = settings
    app[EXCHANGE_FACTORY] = exchange_factory or passthrough_factory
    app.cleanup_ctx.append(store_ctx(store))
    app.cleanup_ctx.append(upstream_ctx)

    app.router.add_get("/healthz", healthz)
    for endpoint in POST_ENDPOINTS:
        app.router.add_post(f"/v1/{endpoint}", forward)
    app.router.add_get("/v1/models", forward)
    app.router.add_get("/v1/models/{model}", forward)
    for extra in settings.extra_allowed_paths:
        path = "/v1/" + extra.strip("/").removeprefix("v1/")
        app.router.add_route("POST", path, forward)
        app.router.add_route("GET", path, forward)
    return app
