"""Prometheus metrics: one `ProxyMetrics` per app, with its own registry.

Every label value comes from a fixed set (a route template, a status code, an enum
member) or is normalised to "other": nothing a client sends can become a label, so
neither content nor cardinality can leak through `/metrics`. Tenant labels exist only
when `Settings.metrics_tenant_labels` is on, and only for the first
`metrics_tenant_label_cap` tenants seen; later ones are counted as `tenant="other"`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)

from proxy.detect.spans import EntityType
from proxy.metric_labels import (
    ConsentState,
    RefusalReason,
    TenantLabels,
    UpstreamErrorCause,
    member_label,
    route_label,
    status_label,
)
from proxy.policy import Action
from proxy.settings import Settings

__all__ = [
    "ConsentState",
    "ProxyMetrics",
    "RefusalReason",
    "UpstreamErrorCause",
]

PREFIX = "redaction_proxy"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)
# The classic text format every Prometheus version scrapes; prometheus-client >= 0.22
# labels the same body "version=1.0.0", which older servers do not know.
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
REDACTION_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1)


class ProxyMetrics:
    """Every metric of the proxy, registered in a registry of its own."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.registry = CollectorRegistry(auto_describe=True)
        self.tenant_labels_enabled = settings.metrics_tenant_labels
        self._tenant = TenantLabels(settings.metrics_tenant_label_cap)
        tenant: tuple[str, ...] = ("tenant",) if self.tenant_labels_enabled else ()
        r = self.registry

        self.requests = Counter(
            f"{PREFIX}_requests",
            "Requests answered, by route template, status and streaming.",
            ("route", "status", "streamed", *tenant),
            registry=r,
        )
        self.request_duration = Histogram(
            f"{PREFIX}_request_duration_seconds",
            "Time from request received to last byte sent.",
            ("route", "status", "streamed"),
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.upstream_duration = Histogram(
            f"{PREFIX}_upstream_duration_seconds",
            "Time spent waiting on the upstream, first request byte to last reply byte.",
            ("route", "streamed"),
            buckets=LATENCY_BUCKETS,
            registry=r,
        )
        self.upstream_errors = Counter(
            f"{PREFIX}_upstream_errors", "Failed upstream calls, by cause.", ("cause",), registry=r
        )
        self.redaction_duration = Histogram(
            f"{PREFIX}_redaction_duration_seconds",
            "Time spent detecting and pseudonymizing one request body.",
            ("route",),
            buckets=REDACTION_BUCKETS,
            registry=r,
        )
        self.entities = Counter(
            f"{PREFIX}_entities",
            "Entities detected in requests, by type and the action taken.",
            ("type", "action", *tenant),
            registry=r,
        )
        self.refusals = Counter(
            f"{PREFIX}_refusals",
            "Requests the proxy refused instead of forwarding, by reason.",
            ("reason", *tenant),
            registry=r,
        )
        self.placeholders_issued = Counter(
            f"{PREFIX}_placeholders_issued", "Placeholders put into upstream requests.", registry=r
        )
        self.placeholders_restored = Counter(
            f"{PREFIX}_placeholders_restored",
            "Placeholders found in replies and restored to their values.",
            registry=r,
        )
        self.placeholders_unrestored = Counter(
            f"{PREFIX}_placeholders_unrestored",
            "Placeholders issued but not found in the reply (the model altered or dropped them).",
            registry=r,
        )
        self.streams_in_flight = Gauge(
            f"{PREFIX}_streams_in_flight", "Streamed replies currently open.", registry=r
        )
        self.consent_changes = Counter(
            f"{PREFIX}_consent_changes",
            "Consent changes recorded, by new state.",
            ("state",),
            registry=r,
        )
        self.policy_reloads = Counter(
            f"{PREFIX}_policy_reloads", "Policy reloads, by result.", ("result",), registry=r
        )
        for reason in RefusalReason:  # a zero series exists from start, so rate() works
            if not tenant:
                self.refusals.labels(reason.value)
        for cause in UpstreamErrorCause:
            self.upstream_errors.labels(cause.value)
        for result in ("success", "failure"):
            self.policy_reloads.labels(result)
        for state in ConsentState:
            self.consent_changes.labels(state.value)

    def _with_tenant(self, labels: tuple[str, ...], tenant: str | None) -> tuple[str, ...]:
        return (*labels, self._tenant(tenant)) if self.tenant_labels_enabled else labels

    def observe_request(
        self,
        route: str,
        status: int,
        streamed: bool,
        seconds: float,
        *,
        tenant: str | None = None,
    ) -> None:
        """One answered request (any status, including refusals)."""
        labels = (route_label(route), status_label(status), "true" if streamed is True else "false")
        self.requests.labels(*self._with_tenant(labels, tenant)).inc()
        self.request_duration.labels(*labels).observe(max(seconds, 0.0))

    def observe_upstream(self, route: str, streamed: bool, seconds: float) -> None:
        """One upstream call that got a reply (any status)."""
        labels = (route_label(route), "true" if streamed is True else "false")
        self.upstream_duration.labels(*labels).observe(max(seconds, 0.0))

    def upstream_error(self, cause: UpstreamErrorCause) -> None:
        """One failed upstream call."""
        self.upstream_errors.labels(member_label(UpstreamErrorCause, cause)).inc()

    def observe_redaction(self, route: str, seconds: float) -> None:
        """Detection plus pseudonymization time of one request body."""
        self.redaction_duration.labels(route_label(route)).observe(max(seconds, 0.0))

    def count_entities(
        self, counts: Mapping[tuple[EntityType, Action], int], *, tenant: str | None = None
    ) -> None:
        """Entities of one request, by (type, action)."""
        for (entity, action), count in counts.items():
            if count > 0:
                labels = (member_label(EntityType, entity), member_label(Action, action))
                self.entities.labels(*self._with_tenant(labels, tenant)).inc(count)

    def refusal(self, reason: RefusalReason, *, tenant: str | None = None) -> None:
        """One request the proxy answered itself instead of forwarding."""
        labels = (member_label(RefusalReason, reason),)
        self.refusals.labels(*self._with_tenant(labels, tenant)).inc()

    def placeholders(self, *, issued: int = 0, restored: int = 0, unrestored: int = 0) -> None:
        """Restoration figures of one exchange."""
        self.placeholders_issued.inc(max(issued, 0))
        self.placeholders_restored.inc(max(restored, 0))
        self.placeholders_unrestored.inc(max(unrestored, 0))

    @contextmanager
    def stream_in_flight(self) -> Iterator[None]:
        """Counts a streamed reply as open for the duration of the block."""
        self.streams_in_flight.inc()
        try:
            yield
        finally:
            self.streams_in_flight.dec()

    def consent_change(self, state: ConsentState) -> None:
        """One recorded consent change."""
        self.consent_changes.labels(member_label(ConsentState, state)).inc()

    def policy_reload(self, ok: bool) -> None:
        """One policy reload attempt."""
        self.policy_reloads.labels("success" if ok is True else "failure").inc()

    def render(self) -> tuple[bytes, str]:
        """The exposition text and its content type, for `/metrics`."""
        return generate_latest(self.registry), CONTENT_TYPE
