"""Recent requests per tenant, counted in this process for the console's tenant list.

Why not read the Prometheus metrics: tenant labels are off by default (and capped when
on), so the metrics cannot answer "how busy is this tenant" for every tenant. This is
a small in-process sliding window instead: per tenant, one counter per minute over the
last `window_minutes`. It counts this replica only and starts from zero on restart.
Pure (no aiohttp); the console feeds it from a response hook.
"""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from collections.abc import Callable

TENANT_CAP = 10_000
BUCKET_SECONDS = 60


class RecentRequests:
    """Requests per tenant in the last `window_minutes`, in one-minute buckets."""

    def __init__(
        self,
        *,
        window_minutes: int = 60,
        cap: int = TENANT_CAP,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.window_minutes = window_minutes
        self._cap = cap
        self._clock = clock
        # tenant -> buckets of [minute number, count], oldest first; tenants in order of use.
        self._tenants: OrderedDict[str, deque[list[int]]] = OrderedDict()

    def _minute(self) -> int:
        return int(self._clock() // BUCKET_SECONDS)

    def count(self, tenant_id: str) -> None:
        """Note one request of `tenant_id` now."""
        minute = self._minute()
        buckets = self._tenants.get(tenant_id)
        if buckets is None:
            if len(self._tenants) >= self._cap:
                self._tenants.popitem(last=False)  # the least recently active tenant
            buckets = self._tenants[tenant_id] = deque()
        else:
            self._tenants.move_to_end(tenant_id)
        if buckets and buckets[-1][0] == minute:
            buckets[-1][1] += 1
        else:
            buckets.append([minute, 1])
        self._drop_old(buckets, minute)

    def recent(self, tenant_id: str) -> int:
        """Requests of `tenant_id` in the window (0 for a tenant not seen in it)."""
        buckets = self._tenants.get(tenant_id)
        if buckets is None:
            return 0
        self._drop_old(buckets, self._minute())
        return sum(count for _, count in buckets)

    def _drop_old(self, buckets: deque[list[int]], minute: int) -> None:
        while buckets and buckets[0][0] <= minute - self.window_minutes:
            buckets.popleft()
