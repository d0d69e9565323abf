"""Recent requests per tenant: a sliding window of one-minute buckets, capped."""

from __future__ import annotations

from proxy.admin.request_counts import RecentRequests


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_requests_are_counted_per_tenant() -> None:
    counts = RecentRequests()
    for tenant in ("acme", "acme", "globex"):
        counts.count(tenant)

    assert (2, 1, 0) == (counts.recent("acme"), counts.recent("globex"), counts.recent("x"))


def test_requests_older_than_the_window_drop_out() -> None:
    clock = Clock()
    counts = RecentRequests(window_minutes=60, clock=clock)
    counts.count("acme")
    clock.now += 30 * 60
    counts.count("acme")

    assert 2 == counts.recent("acme")
    clock.now += 31 * 60
    assert 1 == counts.recent("acme")
    clock.now += 30 * 60
    assert 0 == counts.recent("acme")


def test_at_the_cap_the_least_recently_active_tenant_is_forgotten() -> None:
    counts = RecentRequests(cap=2)
    counts.count("a")
    counts.count("b")
    counts.count("a")
    counts.count("c")

    assert (2, 0, 1) == (counts.recent("a"), counts.recent("b"), counts.recent("c"))
