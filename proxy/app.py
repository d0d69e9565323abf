"""The composition root: builds the aiohttp application and relays requests.

Reading order of one forwarded request:

    trace_middleware       request id, timings -> one access line + metrics per request
    errors_middleware      ProxyError -> OpenAI-shaped JSON, anything else -> generic 500
    auth_middleware        Bearer key -> tenant (a service key names it in X-Tenant-ID),
                           then the consent gate (403 withdrawn, 503 store unreadable)
    forward()              read + parse the body
        exchange = exchange_factory(RequestContext(...))       <- THE SEAM: redaction plugs in here
        exchange.request(body)                                 (pseudonymize on the way out)
        upstream.send(...)
        exchange.response(reply) / exchange.stream_event(evt)  (restore on the way back)

Only this module (and admin/) builds aiohttp.web objects.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import secrets
import time
import traceback
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from typing import Any

import aiohttp
import orjson
from aiohttp import web

from proxy.access_log import ConsentDecision
from proxy.consent import ConsentGate
from proxy.errors import (
    AuthenticationFailed,
    ClientTooSlow,
    ConsentWithdrawn,
    EndpointNotAllowed,
    LimitExceeded,
    ProxyError,
    StoreUnavailable,
)
from proxy.exchange import Exchange, JsonObject, Passthrough
from proxy.exchange_factory import ExchangeFactory as PolicyExchangeFactory
from proxy.limits import (
    Limits,
    StreamEventGuard,
    check_content_encoding,
    check_header_block,
    parse_body,
)
from proxy.metrics import ProxyMetrics
from proxy.policy_registry import PolicyRegistry
from proxy.request_context import RequestContext, resolve_tenant
from proxy.request_trace import RequestTrace, TracedExchange
from proxy.settings import Settings
from proxy.sse import encode_json_data
from proxy.sse_relay import SseRelay
from proxy.store import Store, open_store
from proxy.store.base import Tenant
from proxy.upstream import Upstream, open_session, response_headers

log = logging.getLogger("proxy.app")

ExchangeFactory = Callable[[RequestContext], Exchange]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

# Endpoint families whose JSON bodies go through the exchange.
POST_ENDPOINTS: tuple[str, ...] = ("chat/completions", "responses", "completions", "embeddings")


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling, once authenticated (and, past the consent gate, their policy)."""

    tenant_id: str
    key_id: str
    policy: str | None = None


SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
UPSTREAM = web.AppKey("upstream", Upstream)
EXCHANGE_FACTORY: web.AppKey[ExchangeFactory] = web.AppKey("exchange_factory")
METRICS = web.AppKey("metrics", ProxyMetrics)
CONSENT_GATE = web.AppKey("consent_gate", ConsentGate)
POLICIES = web.AppKey("policies", PolicyRegistry)
CALLER = web.RequestKey("caller", Caller)
TRACE = web.RequestKey("trace", RequestTrace)


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
            if TRACE in request:
                request[TRACE].failed(error)
            return proxy_error_response(error)
        except web.HTTPException as exc:
            if exc.status < 400:
                raise
            return _http_exception_response(exc)
        except Exception as exc:
            _log_unexpected(exc, request)
            return proxy_error_response(_INTERNAL)

    return middleware


# -- tracing: one access line and the metrics of every request ---------------------------


def trace_middleware() -> Any:
    """Give each request an id and a trace; write the access line and metrics at the end."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        resource = request.match_info.route.resource
        trace = RequestTrace(
            request_id=secrets.token_hex(8),
            route=resource.canonical if resource is not None else "other",
        )
        request[TRACE] = trace
        status = 499  # the caller went away before an answer was complete
        try:
            response = await handler(request)
            status = response.status
            return response
        except web.HTTPException as exc:
            status = exc.status
            raise
        finally:
            trace.finish(status, request.app[METRICS])

    return middleware


async def add_request_id(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer carries the id of its access line, so callers can quote it."""
    if TRACE in request:
        response.headers["X-Request-ID"] = request[TRACE].request_id


# -- authentication -----------------------------------------------------------------------


def auth_middleware(prefix: str = "/v1/") -> Any:
    """Bearer key -> Caller for every path under `prefix`; other paths pass untouched."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(prefix):
            caller = await authenticate(request)
            # Consent first: before the body is read, detected or sent anywhere.
            tenant = await check_consent(request, caller.tenant_id)
            request[CALLER] = replace(caller, policy=tenant.policy if tenant else None)
        return await handler(request)

    return middleware


async def check_consent(request: web.Request, tenant_id: str) -> Tenant | None:
    """The consent gate, with its decision noted in the request's trace."""
    trace = request[TRACE]
    try:
        tenant = await request.app[CONSENT_GATE].check(tenant_id)
    except ConsentWithdrawn:
        trace.consent = ConsentDecision.WITHDRAWN
        raise
    except StoreUnavailable:
        trace.consent = ConsentDecision.UNAVAILABLE
        raise
    trace.consent = ConsentDecision.GRANTED
    return tenant


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
    trace = request[TRACE]
    trace.key_id = key.id
    tenant_id = resolve_tenant(key.tenant_id, request.headers.get("X-Tenant-ID"))
    trace.tenant = tenant_id
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
    trace = request[TRACE]
    path = _upstream_path(request)
    exchange: TracedExchange | None = None
    body: bytes | None = None
    check_header_block(request.raw_headers, app[SETTINGS].max_header_bytes)
    if request.method == "POST":
        parsed = await read_json_body(request, app[SETTINGS])
        caller = request[CALLER]
        ctx = RequestContext(
            endpoint=path,  # POST routes are static: the path is the endpoint family
            tenant_id=caller.tenant_id,
            key_id=caller.key_id,
            request_id=trace.request_id,
            policy=caller.policy,
        )
        trace.policy = ctx.policy or "default"
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


async def healthz(request: web.Request) -> web.Response:
    """Liveness: the process answers."""
    return web.Response(body=b'{"status":"ok"}', content_type="application/json")


async def readyz(request: web.Request) -> web.Response:
    """Readiness: the store answers and the upstream is configured; 503 names what is not."""
    app = request.app
    checks: dict[str, bool] = {
        "upstream_configured": app[UPSTREAM].configured,
        "policies_loaded": "default" in app[POLICIES],
    }
    try:
        await app[STORE].ping()
        checks["store"] = True
    except ProxyError:
        checks["store"] = False
    ready = all(checks.values())
    body = {"status": "ready" if ready else "not_ready", "checks": checks}
    return web.Response(
        status=200 if ready else 503, body=orjson.dumps(body), content_type="application/json"
    )


def metrics_handler(token: str | None) -> Handler:
    """`/metrics` in Prometheus text format, behind a bearer token when one is set."""
    expected = f"Bearer {token}".encode() if token else None

    async def handler(request: web.Request) -> web.StreamResponse:
        if expected is not None:
            given = request.headers.get("Authorization", "").encode()
            if not hmac.compare_digest(given, expected):
                raise AuthenticationFailed("A valid metrics token is required.")
        body, content_type = request.app[METRICS].render()
        return web.Response(body=body, headers={"Content-Type": content_type})

    return handler


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


def metrics_site_ctx(handler: Handler) -> Callable[[web.Application], AsyncIterator[None]]:
    """Serve `/metrics` on its own internal port, sharing the main app's metrics."""

    async def ctx(app: web.Application) -> AsyncIterator[None]:
        settings = app[SETTINGS]
        metrics_app = web.Application(middlewares=[errors_middleware()])
        metrics_app[METRICS] = app[METRICS]
        metrics_app.router.add_get("/metrics", handler)
        runner = web.AppRunner(metrics_app, access_log=None)
        await runner.setup()
        await web.TCPSite(runner, settings.host, settings.metrics_port).start()
        try:
            yield
        finally:
            await runner.cleanup()

    return ctx


def build_app(
    settings: Settings,
    *,
    store: Store | None = None,
    exchange_factory: ExchangeFactory | None = None,
    policies: PolicyRegistry | None = None,
) -> web.Application:
    """The proxy application; the keyword arguments replace parts, for tests and composition.

    Policies are loaded here, at start-up: a broken policy file stops the process with a
    ConfigError naming the file, the line and the field.
    """
    app = web.Application(
        middlewares=[trace_middleware(), errors_middleware(), auth_middleware()],
        client_max_size=settings.max_body_bytes,
    )
    app[SETTINGS] = settings
    app[METRICS] = ProxyMetrics(settings)
    app.on_response_prepare.append(add_request_id)
    app[POLICIES] = policies or PolicyRegistry(settings.policy_dir)
    app[EXCHANGE_FACTORY] = exchange_factory or PolicyExchangeFactory(
        app[POLICIES], redaction_enabled=settings.redaction_enabled
    )
    app.cleanup_ctx.append(store_ctx(store))
    app.cleanup_ctx.append(upstream_ctx)
    from proxy.admin.api import add_admin_routes  # admin imports this module's keys
    from proxy.admin.console import add_console_routes
    from proxy.admin.tenancy import install_tenancy

    install_tenancy(app)  # consent gate + change feed, policies + SIGHUP reload
    add_admin_routes(app)
    add_console_routes(app)  # /admin/ui, unless Settings.admin_ui_enabled is off

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    metrics_token = settings.metrics_token.get_secret_value() if settings.metrics_token else None
    if settings.metrics_port is None:
        app.router.add_get("/metrics", metrics_handler(metrics_token))
    else:
        app.cleanup_ctx.append(metrics_site_ctx(metrics_handler(metrics_token)))
    for endpoint in POST_ENDPOINTS:
        app.router.add_post(f"/v1/{endpoint}", forward)
    app.router.add_get("/v1/models", forward)
    app.router.add_get("/v1/models/{model}", forward)
    for extra in settings.extra_allowed_paths:
        path = "/v1/" + extra.strip("/").removeprefix("v1/")
        app.router.add_route("POST", path, forward)
        app.router.add_route("GET", path, forward)
    return app
