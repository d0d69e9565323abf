"""What one request did, gathered as it goes, then written once as a log line and metrics.

The trace holds only metadata (ids, a route template, timings, counts); the caller's
text never enters it. `TracedExchange` wraps any exchange to time redaction and pick
up token usage and the model name without the web layer knowing the body shapes.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from proxy.access_log import AccessRecord, ConsentDecision, log_access
from proxy.errors import ProxyError, UpstreamTimeout, UpstreamUnavailable
from proxy.exchange import Exchange, ExchangeStats, JsonObject
from proxy.metric_labels import RefusalReason, UpstreamErrorCause, refusal_reason_for
from proxy.metrics import ProxyMetrics


@dataclass(slots=True)
class RequestTrace:
    """Metadata of one request; filled by middleware, handlers and the traced exchange."""

    request_id: str
    started: float = field(default_factory=time.perf_counter)
    route: str = "other"
    tenant: str | None = None
    key_id: str | None = None
    model: object = None
    streamed: bool = False
    upstream_seconds: float | None = None
    redaction_seconds: float | None = None
    consent: ConsentDecision = ConsentDecision.NOT_CHECKED
    policy: str | None = None
    usage: object = None
    refusal: RefusalReason | None = None
    upstream_error: UpstreamErrorCause | None = None
    exchange: Exchange | None = None  # read for its counts when the request finishes

    def failed(self, error: ProxyError, *, mid_stream: bool = False) -> None:
        """Note why the proxy answered instead of the upstream, or how the upstream failed."""
        if isinstance(error, UpstreamTimeout):
            self.upstream_error = UpstreamErrorCause.TIMEOUT
        elif isinstance(error, UpstreamUnavailable):
            self.upstream_error = (
                UpstreamErrorCause.DISCONNECT if mid_stream else UpstreamErrorCause.CONNECT
            )
        else:
            self.refusal = refusal_reason_for(error)

    def upstream_status(self, status: int) -> None:
        """Count an upstream error status as an upstream failure of its kind."""
        if status == 429:
            self.upstream_error = UpstreamErrorCause.STATUS_429
        elif status >= 500:
            self.upstream_error = UpstreamErrorCause.STATUS_5XX

    def finish(self, status: int, metrics: ProxyMetrics) -> None:
        """Write the access line and move the metrics: once per request."""
        total = time.perf_counter() - self.started
        stats = self.exchange.stats if self.exchange is not None else None
        metrics.observe_request(self.route, status, self.streamed, total, tenant=self.tenant)
        if self.upstream_seconds is not None:
            metrics.observe_upstream(self.route, self.streamed, self.upstream_seconds)
        if self.upstream_error is not None:
            metrics.upstream_error(self.upstream_error)
        if self.refusal is not None:
            metrics.refusal(self.refusal, tenant=self.tenant)
        if self.redaction_seconds is not None:
            metrics.observe_redaction(self.route, self.redaction_seconds)
        if stats is not None:
            metrics.count_entities(stats.entities, tenant=self.tenant)
            metrics.placeholders(
                issued=stats.placeholders_issued,
                restored=stats.restored,
                unrestored=stats.unrestored,
            )
        log_access(
            AccessRecord.build(
                request_id=self.request_id,
                tenant=self.tenant,
                key_id=self.key_id,
                endpoint=self.route,
                model=self.model,
                streamed=self.streamed,
                status=status,
                total_ms=total * 1000,
                upstream_ms=None if self.upstream_seconds is None else self.upstream_seconds * 1000,
                redaction_ms=None
                if self.redaction_seconds is None
                else self.redaction_seconds * 1000,
                entities={(e.value, a.value): n for (e, a), n in stats.entities.items()}
                if stats
                else None,
                consent=self.consent,
                policy=self.policy,
                usage=self.usage,
            )
        )


def _usage(obj: JsonObject) -> object:
    usage = obj.get("usage")
    if usage is None and isinstance(obj.get("response"), dict):
        usage = obj["response"].get("usage")  # Responses API: response.completed
    return usage


class TracedExchange:
    """An exchange that records timing, model, streaming and usage into a trace."""

    __slots__ = ("_inner", "_trace")

    def __init__(self, inner: Exchange, trace: RequestTrace) -> None:
        self._inner = inner
        self._trace = trace
        trace.exchange = inner

    @property
    def stats(self) -> ExchangeStats:
        return self._inner.stats

    def request(self, body: JsonObject) -> JsonObject:
        self._trace.model = body.get("model")
        self._trace.streamed = body.get("stream") is True
        started = time.perf_counter()
        try:
            return self._inner.request(body)
        finally:
            self._trace.redaction_seconds = time.perf_counter() - started

    def response(self, body: JsonObject) -> JsonObject:
        self._trace.usage = _usage(body)
        return self._inner.response(body)

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        usage = _usage(event)
        if usage is not None:
            self._trace.usage = usage
        return self._inner.stream_event(event)

    def stream_end(self) -> list[JsonObject]:
        return self._inner.stream_end()
