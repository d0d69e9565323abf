"""The composition root: builds the aiohttp application from its parts.

Reading order of one forwarded request (each step in `proxy/web/`):

    tracing.trace_middleware   request id, timings -> one access line + metrics per request
    errors.errors_middleware   ProxyError -> OpenAI-shaped JSON, anything else -> generic 500
    header_limits              the whole header block within PROXY_MAX_HEADER_BYTES (431)
    auth.auth_middleware       Bearer key -> tenant (a service key names it in X-Tenant-ID),
                               then the consent gate (403 withdrawn, 503 store unreadable)
    forwarding.forward()       the tenant's policy opens the endpoint; read + parse the body
        exchange = exchange_factory(RequestContext(...))       <- THE SEAM: redaction plugs in here
        exchange.request(body)                                 (pseudonymize on the way out)
        upstream.send(...)
        exchange.response(reply) / exchange.stream_event(evt)  (restore on the way back)

Resources (the store, one shared upstream session, an internal metrics port) are opened
and closed here, in cleanup contexts.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable

from aiohttp import web

from proxy.admin.api import add_admin_routes
from proxy.admin.console import add_console_routes
from proxy.admin.tenancy import install_tenancy
from proxy.exchange_factory import ExchangeFactory
from proxy.metrics import ProxyMetrics
from proxy.openai_api.endpoints import ENDPOINTS
from proxy.policy_registry import PolicyRegistry
from proxy.settings import Settings
from proxy.store import Store, open_store
from proxy.upstream import Upstream, open_session
from proxy.web.auth import auth_middleware
from proxy.web.errors import errors_middleware
from proxy.web.forwarding import forwarder
from proxy.web.header_limits import header_limits_middleware
from proxy.web.keys import (
    EXCHANGE_FACTORY,
    METRICS,
    POLICIES,
    SETTINGS,
    STORE,
    UPSTREAM,
    MakeExchange,
)
from proxy.web.probes import healthz, metrics_handler, metrics_site_ctx, readyz
from proxy.web.tracing import add_request_id, trace_middleware

log = logging.getLogger("proxy.app")


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


async def _warm(factory: ExchangeFactory) -> None:
    await asyncio.to_thread(factory.warm)


def build_app(
    settings: Settings,
    *,
    store: Store | None = None,
    exchange_factory: MakeExchange | None = None,
    policies: PolicyRegistry | None = None,
) -> web.Application:
    """The proxy application; the keyword arguments replace parts, for tests and composition.

    Policies are loaded here, at start-up: a broken policy file stops the process with a
    ConfigError naming the file, the line and the field.
    """
    app = web.Application(
        middlewares=[
            trace_middleware(),
            errors_middleware(),
            header_limits_middleware(settings.max_header_bytes),
            auth_middleware(),
        ],
        client_max_size=settings.max_body_bytes,
    )
    app[SETTINGS] = settings
    app[METRICS] = ProxyMetrics(settings)
    app.on_response_prepare.append(add_request_id)
    app[POLICIES] = policies or PolicyRegistry(settings.policy_dir)
    if exchange_factory is None:
        factory = ExchangeFactory(
            app[POLICIES],
            redaction_enabled=settings.redaction_enabled,
            max_json_depth=settings.max_json_depth,
            memo_texts=settings.detect_memo_texts,
        )
        app.on_startup.append(lambda _: _warm(factory))
        exchange_factory = factory
    app[EXCHANGE_FACTORY] = exchange_factory
    app.cleanup_ctx.append(store_ctx(store))
    app.cleanup_ctx.append(upstream_ctx)
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
    for endpoint in ENDPOINTS:  # the families whose JSON bodies the exchange can walk
        app.router.add_post(f"/v1/{endpoint}", forwarder(endpoint))
    app.router.add_get("/v1/models", forwarder("models"))
    app.router.add_get("/v1/models/{model}", forwarder("models"))
    # Paths an operator opens are forwarded for GET only: a POST body of a shape the proxy
    # does not know could not be redacted, so it is never sent.
    for extra in settings.extra_allowed_paths:
        app.router.add_get("/v1/" + extra.strip("/").removeprefix("v1/"), forwarder(None))
    return app
