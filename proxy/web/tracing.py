"""One access line and the metrics of every request, and its id in every answer."""

from __future__ import annotations

import secrets
from typing import Any

from aiohttp import web

from proxy.request_trace import RequestTrace
from proxy.web.keys import METRICS, TRACE, Handler


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
