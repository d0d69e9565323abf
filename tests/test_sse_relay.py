"""The relay passes every event through the exchange and flushes it exactly once."""

from __future__ import annotations

from proxy.exchange import JsonObject, Passthrough
from proxy.sse_relay import SseRelay


class Flushing(Passthrough):
    def __init__(self) -> None:
        super().__init__()
        self.ends = 0

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        return [{**event, "seen": True}]

    def stream_end(self) -> list[JsonObject]:
        self.ends += 1
        return [{"flush": self.ends}]


def test_done_follows_the_flushed_events_and_flush_happens_once() -> None:
    exchange = Flushing()
    relay = SseRelay(exchange)

    out = relay.feed(b'data: {"a":1}\n\ndata: [DONE]\n\n') + relay.finish()

    assert b'data: {"a":1,"seen":true}\n\ndata: {"flush":1}\n\ndata: [DONE]\n\n' == out
    assert 1 == exchange.ends


def test_a_stream_without_done_is_still_flushed_at_the_end() -> None:
    relay = SseRelay(Flushing())

    out = relay.feed(b'data: {"a":1}\n\ndata: {"b"') + relay.feed(b":2}") + relay.finish()

    assert b'data: {"a":1,"seen":true}\n\ndata: {"b":2,"seen":true}\n\ndata: {"flush":1}\n\n' == (
        out
    )


def test_named_events_take_their_name_from_the_returned_type() -> None:
    class Renaming(Passthrough):
        def stream_event(self, event: JsonObject) -> list[JsonObject]:
            return [{"type": "response.output_text.done"}]

    out = SseRelay(Renaming()).feed(b'event: response.output_text.delta\ndata: {"x":1}\n\n')

    assert b'event: response.output_text.done\ndata: {"type":"response.output_text.done"}\n\n' == (
        out
    )


def test_data_that_is_not_a_json_object_passes_unchanged() -> None:
    out = SseRelay(Flushing()).feed(b"data: hello\n\ndata: [1,2]\n\n")

    assert b"data: hello\n\ndata: [1,2]\n\n" == out
