"""The one translation of errors to HTTP: OpenAI-shaped bodies, never any content.

`ProxyError`s answer with their own status and body; aiohttp's HTTP exceptions (404, 405,
413) get the same shape; anything unexpected is logged as a class name and code locations
only, and answered with a generic 500. After a stream's headers have gone out, the same
body travels as an SSE `data:` event, which the openai SDK raises as an APIError.
"""

from __future__ import annotations

import logging
import traceback
from typing import Any

import orjson
from aiohttp import web

from proxy.errors import EndpointNotAllowed, LimitExceeded, ProxyError
from proxy.sse import encode_json_data
from proxy.web.keys import TRACE, Handler

log = logging.getLogger("proxy.app")


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


INTERNAL = ProxyError("Internal server error.")


def log_unexpected(exc: BaseException, request: web.Request) -> None:
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
            log_unexpected(exc, request)
            return proxy_error_response(INTERNAL)

    return middleware


def stream_error_event(error: ProxyError) -> bytes:
    # After the headers went out the status cannot change: an `error` event is what the
    # openai SDK turns into an APIError mid-stream.
    return encode_json_data(orjson.dumps(error.body()))
