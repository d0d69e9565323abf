"""The HTTP server around the app: parser limits, slow clients, clean parse errors, shutdown.

Web layer (next to app.py): `ProxyRunner` is what `serve` and the tests run, so the
limits the tests prove are the ones production has.

- Header limits go to aiohttp's parser (`max_line_size`, `max_field_size`,
  `max_headers`); web/header_limits.py checks the whole block against the same budget.
- aiohttp answers a request it cannot parse itself, quoting the offending bytes
  (a header value may be a key or an e-mail address) in the body and in an ERROR
  log line with a traceback. `CleanErrorsHandler` answers in OpenAI's shape instead and
  logs the exception's class only.
- Slow headers: aiohttp's keep-alive timer also runs from the moment a connection
  opens and closes it if no complete request head arrived; `client_header_timeout`
  sets it. (The body has its own timeout in app.py.)
- Shutdown: `serve_until_signalled` stops listening on SIGTERM/SIGINT, lets in-flight
  requests and streams finish for up to `shutdown_grace_seconds`, then closes.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import Any

import orjson
from aiohttp import web
from aiohttp.http_exceptions import BadHttpMessage, LineTooLong
from aiohttp.web_protocol import RequestHandler
from aiohttp.web_request import BaseRequest

from proxy.errors import HeadersTooLarge, InvalidRequest, ProxyError
from proxy.settings import Settings

log = logging.getLogger("proxy.web.serving")


def _parse_error(exc: BaseException | None) -> ProxyError:
    if isinstance(exc, LineTooLong) or (
        isinstance(exc, BadHttpMessage) and "Too many headers" in exc.message
    ):
        return HeadersTooLarge(
            "The request line or headers are too large "
            "(PROXY_MAX_HEADER_BYTES, PROXY_MAX_HEADER_COUNT)."
        )
    if isinstance(exc, BadHttpMessage):
        return InvalidRequest("The request is not valid HTTP.", code="invalid_http")
    return ProxyError("Internal server error.")


class CleanErrorsHandler(RequestHandler):
    """aiohttp's connection handler, minus request bytes in error answers and logs."""

    def handle_error(
        self,
        request: BaseRequest,
        status: int = 500,
        exc: BaseException | None = None,
        message: str | None = None,
    ) -> web.StreamResponse:
        log.warning("refused a request aiohttp could not handle: %s", type(exc).__name__)
        if request.writer.output_size > 0:
            raise ConnectionError("Response is sent already, cannot send an error response")
        error = _parse_error(exc)
        response = web.Response(
            status=error.status, body=orjson.dumps(error.body()), content_type="application/json"
        )
        response.force_close()
        return response


class _CleanErrorsServer(web.Server):
    def __call__(self) -> RequestHandler:
        return CleanErrorsHandler(self, loop=self._loop, **self._kwargs)


def handler_args(settings: Settings) -> dict[str, Any]:
    """The aiohttp connection-handler settings that enforce the header limits and timeouts."""
    return {
        "max_line_size": settings.max_header_bytes,
        "max_field_size": settings.max_header_bytes,
        "max_headers": settings.max_header_count,
        "keepalive_timeout": settings.client_header_timeout,
        # A caller that hangs up cancels its handler, which closes the upstream call at once.
        "handler_cancellation": True,
        # aiohttp's access log would print query strings; the proxy writes its own.
        "access_log": None,
    }


class ProxyRunner(web.AppRunner):
    """An AppRunner whose connections use `CleanErrorsHandler` and the settings' limits."""

    def __init__(self, app: web.Application, settings: Settings) -> None:
        # aiohttp drains in two phases of `shutdown_timeout` each: it waits for the
        # handler, then "cancels" the request (which only stops a body still being read)
        # and waits again before cancelling the handler task. Half the grace each keeps
        # a stream's whole drain within the grace.
        super().__init__(
            app, shutdown_timeout=settings.shutdown_grace_seconds / 2, **handler_args(settings)
        )

    async def _make_server(self) -> web.Server:
        server = await super()._make_server()
        # Same handler, request factory and kwargs; only the connection class differs.
        return _CleanErrorsServer(
            server.request_handler,
            request_factory=server.request_factory,
            handler_cancellation=server.handler_cancellation,
            loop=server._loop,
            **server._kwargs,
        )


async def serve_until_signalled(
    app: web.Application, settings: Settings, host: str, port: int
) -> None:
    """Serve until SIGTERM or SIGINT, then drain for up to the shutdown grace and close."""
    runner = ProxyRunner(app, settings)
    await runner.setup()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        log.info("serving on %s", site.name)
        await stop.wait()
        log.info(
            "shutting down: no new connections, draining for up to %ss",
            settings.shutdown_grace_seconds,
        )
    finally:
        # Closes the listening socket first, then waits for in-flight handlers (streams
        # included) up to the grace, cancels what is left, and only then closes the
        # upstream session and the store (the app's cleanup_ctx).
        await runner.cleanup()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)
    log.info("stopped")
