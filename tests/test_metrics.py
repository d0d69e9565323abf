"""Metrics move with each event, and no label value comes from the client."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families

from proxy.detect.spans import EntityType
from proxy.errors import (
    ConsentWithdrawn,
    PolicyBlocked,
    RedactionFailed,
    StoreUnavailable,
    UpstreamTimeout,
)
from proxy.metric_labels import FAIL_CLOSED_REASONS, refusal_reason_for
from proxy.metrics import ConsentState, ProxyMetrics, RefusalReason, UpstreamErrorCause
from proxy.policy import Action
from proxy.settings import Settings


def value(metrics: ProxyMetrics, name: str, **labels: str) -> float | None:
    return metrics.registry.get_sample_value(name, labels)


def label_values(metrics: ProxyMetrics) -> set[str]:
    body, _ = metrics.render()
    return {
        label
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
        for label in sample.labels.values()
    }


def test_a_request_moves_the_counter_and_the_histogram() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.observe_request("/v1/chat/completions", 200, True, 0.3)

    labels = {"route": "/v1/chat/completions", "status": "200", "streamed": "true"}
    assert 1.0 == value(metrics, "redaction_proxy_requests_total", **labels)
    assert 1.0 == value(metrics, "redaction_proxy_request_duration_seconds_count", **labels)
    assert 0.3 == value(metrics, "redaction_proxy_request_duration_seconds_sum", **labels)


def test_upstream_latency_errors_and_redaction_time_are_recorded() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.observe_upstream("/v1/responses", False, 1.5)
    metrics.upstream_error(UpstreamErrorCause.TIMEOUT)
    metrics.observe_redaction("/v1/responses", 0.002)

    assert (1.0, 1.0, 1.0) == (
        value(
            metrics,
            "redaction_proxy_upstream_duration_seconds_count",
            route="/v1/responses",
            streamed="false",
        ),
        value(metrics, "redaction_proxy_upstream_errors_total", cause="timeout"),
        value(metrics, "redaction_proxy_redaction_duration_seconds_count", route="/v1/responses"),
    )


def test_entities_are_counted_by_type_and_action() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.count_entities(
        {(EntityType.PERSON, Action.PSEUDONYMIZE): 3, (EntityType.CREDIT_CARD, Action.REDACT): 1}
    )

    assert (3.0, 1.0) == (
        value(metrics, "redaction_proxy_entities_total", type="PERSON", action="pseudonymize"),
        value(metrics, "redaction_proxy_entities_total", type="CREDIT_CARD", action="redact"),
    )


def test_refusals_placeholders_streams_consent_and_reloads_move() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.refusal(RefusalReason.CONSENT)
    metrics.placeholders(issued=4, restored=3, unrestored=1)
    with metrics.stream_in_flight():
        in_flight = value(metrics, "redaction_proxy_streams_in_flight")
    metrics.consent_change(ConsentState.WITHDRAWN)
    metrics.policy_reload(False)

    assert (1.0, 4.0, 3.0, 1.0, 1.0, 0.0, 1.0, 1.0) == (
        value(metrics, "redaction_proxy_refusals_total", reason="consent"),
        value(metrics, "redaction_proxy_placeholders_issued_total"),
        value(metrics, "redaction_proxy_placeholders_restored_total"),
        value(metrics, "redaction_proxy_placeholders_unrestored_total"),
        in_flight,
        value(metrics, "redaction_proxy_streams_in_flight"),
        value(metrics, "redaction_proxy_consent_changes_total", state="withdrawn"),
        value(metrics, "redaction_proxy_policy_reloads_total", result="failure"),
    )


def test_refusal_and_error_series_exist_at_zero_before_any_event() -> None:
    metrics = ProxyMetrics(Settings())

    assert (0.0, 0.0) == (
        value(metrics, "redaction_proxy_refusals_total", reason="store_unavailable"),
        value(metrics, "redaction_proxy_upstream_errors_total", cause="connect"),
    )


def test_two_instances_do_not_share_values() -> None:
    first, second = ProxyMetrics(Settings()), ProxyMetrics(Settings())

    first.refusal(RefusalReason.LIMITS)

    assert 0.0 == value(second, "redaction_proxy_refusals_total", reason="limits")


def test_raw_paths_and_odd_statuses_become_other() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.observe_request("/v1/chat/completions?user=dana@example.com", 99, False, 0.1)

    assert 1.0 == value(
        metrics, "redaction_proxy_requests_total", route="other", status="other", streamed="false"
    )


def test_no_arbitrary_string_becomes_a_label_value() -> None:
    canary = "CANARY-dana.levi@example.com"
    metrics = ProxyMetrics(Settings(metrics_tenant_labels=True))

    metrics.observe_request(f"/v1/{canary}", 200, False, 0.1, tenant=canary)
    metrics.observe_redaction(canary, 0.1)
    metrics.observe_upstream(canary, False, 0.1)
    metrics.upstream_error(canary)  # type: ignore[arg-type]
    metrics.refusal(canary, tenant="ok-tenant")  # type: ignore[arg-type]
    metrics.consent_change(canary)  # type: ignore[arg-type]
    metrics.count_entities({(canary, canary): 1})  # type: ignore[dict-item]

    assert canary not in metrics.render()[0].decode()
    assert {"other", "ok-tenant"} <= label_values(metrics)


def test_enum_values_given_as_strings_are_accepted() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.refusal("consent")  # type: ignore[arg-type]

    assert 1.0 == value(metrics, "redaction_proxy_refusals_total", reason="consent")


def test_tenant_labels_are_absent_unless_enabled() -> None:
    metrics = ProxyMetrics(Settings())

    metrics.observe_request("/v1/models", 200, False, 0.01, tenant="acme")

    assert "acme" not in label_values(metrics)


def test_a_tenant_beyond_the_cap_is_counted_as_other() -> None:
    metrics = ProxyMetrics(Settings(metrics_tenant_labels=True, metrics_tenant_label_cap=2))

    for tenant in ("acme", "globex", "initech", "acme"):
        metrics.refusal(RefusalReason.CONSENT, tenant=tenant)

    assert (2.0, 1.0, 1.0, None) == (
        value(metrics, "redaction_proxy_refusals_total", reason="consent", tenant="acme"),
        value(metrics, "redaction_proxy_refusals_total", reason="consent", tenant="globex"),
        value(metrics, "redaction_proxy_refusals_total", reason="consent", tenant="other"),
        value(metrics, "redaction_proxy_refusals_total", reason="consent", tenant="initech"),
    )


def test_render_gives_the_prometheus_text_format() -> None:
    body, content_type = ProxyMetrics(Settings()).render()

    assert content_type.startswith("text/plain; version=0.0.4")
    assert b"# TYPE redaction_proxy_requests_total counter" in body


def test_proxy_errors_map_to_refusal_reasons_and_fail_closed_ones_are_marked() -> None:
    reasons = [
        refusal_reason_for(error)
        for error in (
            ConsentWithdrawn("x"),
            PolicyBlocked("x"),
            StoreUnavailable("x"),
            RedactionFailed("x"),
            UpstreamTimeout("x"),
        )
    ]

    assert [
        RefusalReason.CONSENT,
        RefusalReason.POLICY_BLOCK,
        RefusalReason.STORE_UNAVAILABLE,
        RefusalReason.REDACTION_FAILED,
        None,
    ] == reasons
    assert {RefusalReason.STORE_UNAVAILABLE, RefusalReason.REDACTION_FAILED} <= FAIL_CLOSED_REASONS
    assert RefusalReason.CONSENT not in FAIL_CLOSED_REASONS
