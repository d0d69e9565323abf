"""A fake OpenAI upstream that really serves HTTP on loopback, for tests and benchmarks.

It records every request it receives and answers in OpenAI's shapes (see
`openai_replies`), plain or streamed. Each test steers it through attributes: a forced
status and body (or one that echoes the request), a fixed reply text instead of the
echo, a delay before the headers, a delay between events, a hang, a pause after the
first event, an abort mid-stream, a reset before the headers, an endless stream, or raw
bytes as the stream body (for malformed SSE). It notices when its client hangs up.

Standalone: `python -m tests.fakes.openai_upstream --port 9000 [--event-delay 0.01]`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web
from multidict import CIMultiDict

from tests.fakes import openai_replies as replies

Json = dict[str, Any]


@dataclass(frozen=True)
class RecordedRequest:
    """One request as the fake upstream received it."""

    method: str
    path: str
    headers: CIMultiDict[str]
    body: Any


@dataclass
class FakeOpenAI:
    """The fake upstream's state and controls; `start()` serves it on 127.0.0.1."""

    expected_key: str | None = None  # when set, other bearer keys get OpenAI's 401
    chunk_size: int = 3
    event_delay: float = 0.0
    delay_before_headers: float = 0.0
    hang: bool = False
    forced_status: int | None = None
    forced_body: Json | None = None
    abort_after_events: int | None = None
    reply_text: str | None = None  # the model's answer instead of the echo
    pause_after_first_event: asyncio.Event | None = None
    reset_before_headers: bool = False
    endless_stream: bool = False  # repeat the events forever (event_delay apart)
    raw_stream: list[bytes] | None = None  # sent as-is, one write each, as the stream body
    error_echoes_request: bool = False  # a forced status answers with the request inside
    requests: list[RecordedRequest] = field(default_factory=list)
    client_disconnected: asyncio.Event = field(default_factory=asyncio.Event)
    stream_completed: asyncio.Event = field(default_factory=asyncio.Event)
    url: str = ""
    _runner: web.AppRunner | None = None

    def fail_with(self, status: int, body: Json | None = None) -> None:
        """Answer every request with `status` and an OpenAI-shaped (or given) error body."""
        self.forced_status = status
        self.forced_body = body

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/v1/{path:.*}", self.handle)
        return app

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on loopback; returns the base URL ending in /v1."""
        # handler_cancellation: a hung-up client cancels the handler, which is how
        # the fake observes the disconnect while it waits.
        self._runner = web.AppRunner(self.app(), handler_cancellation=True, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0][1]
        self.url = f"http://{host}:{bound}/v1"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def last(self) -> RecordedRequest:
        return self.requests[-1]

    async def handle(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        body = orjson.loads(raw) if raw else None
        path = request.match_info["path"]
        self.requests.append(
            RecordedRequest(request.method, request.path, CIMultiDict(request.headers), body)
        )
        try:
            if self.hang:
                await asyncio.Event().wait()
            if self.delay_before_headers:
                await asyncio.sleep(self.delay_before_headers)
        except asyncio.CancelledError:
            self.client_disconnected.set()
            raise
        if self.reset_before_headers:
            assert request.transport is not None
            request.transport.abort()
            return web.Response()
        wanted = f"Bearer {self.expected_key}"
        if self.expected_key is not None and request.headers.get("Authorization") != wanted:
            return _error(
                401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
            )
        if self.forced_status is not None:
            if self.error_echoes_request:
                message = "Could not parse the request: " + raw.decode("utf-8", "replace")
                return _error(self.forced_status, message, "invalid_request_error", "echo")
            if self.forced_body is not None:
                return web.json_response(self.forced_body, status=self.forced_status)
            return _error(self.forced_status, "Forced failure.", "api_error", "forced")
        if self.raw_stream is not None:
            return await self._raw(request, self.raw_stream)
        return await self._answer(request, path, body if isinstance(body, dict) else {})

    async def _raw(self, request: web.Request, chunks: list[bytes]) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        for chunk in chunks:
            await response.write(chunk)
        await response.write_eof()
        return response

    async def _answer(self, request: web.Request, path: str, body: Json) -> web.StreamResponse:
        if path == "models":
            return web.json_response(replies.models())
        if path.startswith("models/"):
            model = path.removeprefix("models/")
            return web.json_response(
                {"id": model, "object": "model", "created": 1700000000, "owned_by": "fake"}
            )
        if path == "embeddings":
            return web.json_response(replies.embeddings(body))
        text = self.reply_text if self.reply_text is not None else replies.answer_text(path, body)
        stream = bool(body.get("stream"))
        if path == "chat/completions":
            if stream:
                events = replies.chat_chunks(body, text, self.chunk_size)
                return await self._stream(request, events, named=False)
            return web.json_response(replies.chat_completion(body, text))
        if path == "responses":
            if stream:
                events = replies.response_events(body, text, self.chunk_size)
                return await self._stream(request, events, named=True)
            return web.json_response(replies.response(body, text))
        if path == "completions":
            if stream:
                events = replies.completion_chunks(body, text, self.chunk_size)
                return await self._stream(request, events, named=False)
            return web.json_response(replies.completion(body, text))
        return _error(404, "Unknown request URL.", "invalid_request_error", "unknown_url")

    async def _stream(
        self, request: web.Request, events: Any, *, named: bool
    ) -> web.StreamResponse:
        """Chat/completions end with `data: [DONE]`; Responses events carry `event:` names."""
        response = web.StreamResponse(
            headers={
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
            }
        )
        await response.prepare(request)
        if self.endless_stream:
            events = itertools.cycle(list(events))
        try:
            for number, event in enumerate(events):
                if self.abort_after_events is not None and number >= self.abort_after_events:
                    assert request.transport is not None
                    request.transport.abort()
                    return response
                data = orjson.dumps(event)
                head = b"event: " + event["type"].encode() + b"\n" if named else b""
                await response.write(head + b"data: " + data + b"\n\n")
                if number == 0 and self.pause_after_first_event is not None:
                    await self.pause_after_first_event.wait()
                if self.event_delay:
                    await asyncio.sleep(self.event_delay)
            if not named:
                await response.write(b"data: [DONE]\n\n")
            await response.write_eof()
        except (asyncio.CancelledError, ConnectionResetError):
            self.client_disconnected.set()
            raise
        self.stream_completed.set()
        return response


def _error(status: int, message: str, error_type: str, code: str) -> web.Response:
    body = {"error": {"message": message, "type": error_type, "param": None, "code": code}}
    return web.json_response(body, status=status)


def main() -> None:
    parser = argparse.ArgumentParser(description="Fake OpenAI upstream (echo model).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--event-delay", type=float, default=0.0)
    parser.add_argument("--chunk-size", type=int, default=3)
    args = parser.parse_args()
    fake = FakeOpenAI(chunk_size=args.chunk_size, event_delay=args.event_delay)
    # Standalone runs serve benchmarks for a long time: do not keep every request.
    fake.requests = _Discard()
    web.run_app(
        fake.app(), host=args.host, port=args.port, access_log=None, handler_cancellation=True
    )


class _Discard(list[RecordedRequest]):
    def append(self, item: RecordedRequest) -> None:
        pass


if __name__ == "__main__":
    main()
