"""AI consent per tenant: the state enum and the gate every forwarded request passes first.

The gate runs right after authentication, before the body is read: a withdrawn tenant
gets `ConsentWithdrawn` (403), a store that cannot be read gets `StoreUnavailable` (503),
never a pass. It reads the store on every request unless the store can say cheaply that
nothing changed (SQLite: `change_marker()`, its data_version, which every commit of any
process moves) or a change feed (Postgres LISTEN/NOTIFY) is healthy and has switched caching
on; when the feed drops, caching is switched off and the cache cleared, so a lost
notification can never keep a stale grant.
No aiohttp here: app.py calls `check()` from its auth step.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from proxy.errors import ConsentWithdrawn

if TYPE_CHECKING:
    from proxy.store.base import Store, Tenant

_CACHE_CAP = 50_000


class ConsentState(StrEnum):
    """The two consent states a change can set."""

    GRANTED = "granted"
    WITHDRAWN = "withdrawn"


class ConsentGate:
    """Decides, per request, whether a tenant's data may go to the AI provider."""

    def __init__(
        self,
        store: Store,
        unknown_tenant: ConsentState | str = ConsentState.GRANTED,
    ) -> None:
        self._store = store
        self.unknown_tenant = ConsentState(unknown_tenant)
        self._cache: dict[str, Tenant | None] = {}
        self._caching = False
        # Bumped by every invalidation: a read that started before one must not be cached.
        self._generation = 0
        self._marker: int | None = None  # the store's change marker the cache belongs to

    @property
    def caching(self) -> bool:
        """True only while a healthy change feed promises to invalidate this cache."""
        return self._caching

    def feed_up(self) -> None:
        """The change feed is listening: start from an empty cache, then cache reads."""
        self.invalidate()
        self._caching = True

    def feed_down(self) -> None:
        """The change feed is down: read the store on every request until it is back."""
        self._caching = False
        self.invalidate()

    def tenant_changed(self, tenant_id: str | None) -> None:
        """A change notification (from the feed, or from this process's own admin API)."""
        self.invalidate(tenant_id)

    def invalidate(self, tenant_id: str | None = None) -> None:
        """Forget one tenant (a change notification), or every tenant when None."""
        self._generation += 1
        if tenant_id is None:
            self._cache.clear()
        else:
            self._cache.pop(tenant_id, None)

    def state_of(self, tenant: Tenant | None) -> ConsentState:
        """The effective state: the recorded one, else the unknown-tenant setting."""
        if tenant is None or tenant.consent is None:
            return self.unknown_tenant
        return ConsentState(tenant.consent)

    async def check(self, tenant_id: str) -> Tenant | None:
        """The tenant's record if its data may be processed; raises ConsentWithdrawn or
        StoreUnavailable otherwise (nothing has been read from the request yet). Refusals
        are counted where every refusal is: in the request's trace."""
        tenant = await self._lookup(tenant_id)
        if self.state_of(tenant) is ConsentState.WITHDRAWN:
            raise ConsentWithdrawn("This tenant has withdrawn consent to AI processing.")
        return tenant

    async def _lookup(self, tenant_id: str) -> Tenant | None:
        # A store that reports a change marker (SQLite's data_version) makes the cache exact
        # without a feed: any commit by any process moves the marker and empties the cache.
        marker = self._store.change_marker()
        if marker is not None and marker != self._marker:
            self.invalidate()
            self._marker = marker
        caching = self._caching or marker is not None
        if caching and tenant_id in self._cache:
            return self._cache[tenant_id]
        generation = self._generation
        tenant = await self._store.get_tenant(tenant_id)
        if caching and generation == self._generation:
            if len(self._cache) >= _CACHE_CAP:
                self._cache.clear()
            self._cache[tenant_id] = tenant
        return tenant
