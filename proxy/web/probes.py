"""Probes for operators: liveness, readiness and the Prometheus metrics."""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Callable

import orjson
from aiohttp import web

from proxy.errors import AuthenticationFailed, ProxyError
from proxy.web.errors import errors_middleware
from proxy.web.keys import METRICS, POLICIES, SETTINGS, STORE, UPSTREAM, Handler


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
