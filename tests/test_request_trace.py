"""The trace records metadata only, and maps errors to refusal reasons and upstream causes."""

from __future__ import annotations

from proxy.errors import ConsentWithdrawn, UpstreamTimeout, UpstreamUnavailable
from proxy.exchange import Passthrough
from proxy.metric_labels import RefusalReason, UpstreamErrorCause
from proxy.request_trace import RequestTrace, TracedExchange


def test_the_traced_exchange_notes_model_streaming_and_redaction_time() -> None:
    trace = RequestTrace(request_id="r1")
    exchange = TracedExchange(Passthrough(), trace)

    exchange.request({"model": "gpt-4o", "stream": True, "messages": []})

    assert ("gpt-4o", True) == (trace.model, trace.streamed)
    assert trace.redaction_seconds is not None


def test_usage_is_taken_from_chat_chunks_and_responses_completed_events() -> None:
    trace = RequestTrace(request_id="r1")
    exchange = TracedExchange(Passthrough(), trace)

    exchange.stream_event({"choices": [], "usage": {"total_tokens": 5}})
    chat_usage = trace.usage
    exchange.stream_event({"type": "response.completed", "response": {"usage": {"x": 1}}})

    assert ({"total_tokens": 5}, {"x": 1}) == (chat_usage, trace.usage)


def test_a_stream_event_without_usage_keeps_the_last_one() -> None:
    trace = RequestTrace(request_id="r1")
    exchange = TracedExchange(Passthrough(), trace)

    exchange.stream_event({"usage": {"total_tokens": 5}})
    exchange.stream_event({"choices": []})

    assert {"total_tokens": 5} == trace.usage


def test_errors_become_refusal_reasons_or_upstream_causes() -> None:
    refused, timed_out, cut, unreachable = (RequestTrace(request_id=str(i)) for i in range(4))

    refused.failed(ConsentWithdrawn("withdrawn"))
    timed_out.failed(UpstreamTimeout("late"))
    cut.failed(UpstreamUnavailable("gone"), mid_stream=True)
    unreachable.failed(UpstreamUnavailable("gone"))

    assert [RefusalReason.CONSENT, None, None, None] == [
        t.refusal for t in (refused, timed_out, cut, unreachable)
    ]
    assert [
        None,
        UpstreamErrorCause.TIMEOUT,
        UpstreamErrorCause.DISCONNECT,
        UpstreamErrorCause.CONNECT,
    ] == [t.upstream_error for t in (refused, timed_out, cut, unreachable)]


def test_upstream_statuses_map_to_causes_and_successes_to_none() -> None:
    causes = []
    for status in (200, 404, 429, 502):
        trace = RequestTrace(request_id="r")
        trace.upstream_status(status)
        causes.append(trace.upstream_error)

    assert [None, None, UpstreamErrorCause.STATUS_429, UpstreamErrorCause.STATUS_5XX] == causes
