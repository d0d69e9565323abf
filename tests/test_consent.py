"""The consent gate: withdrawn refuses, unreadable fails closed, caching only behind a feed."""

from __future__ import annotations

import pytest

from proxy.consent import ConsentGate, ConsentState
from proxy.errors import ConsentWithdrawn, StoreUnavailable
from proxy.store import Store
from proxy.store.postgres import PostgresStore
from proxy.store.sqlite import SqliteStore


async def _withdraw(store: Store, tenant: str = "acme") -> None:
    await store.set_consent(tenant, ConsentState.WITHDRAWN, actor="test", reason="test")


async def test_an_unknown_tenant_passes_by_default(store: Store) -> None:
    gate = ConsentGate(store)

    assert await gate.check("never-seen") is None


async def test_an_unknown_tenant_is_refused_when_the_setting_is_withdrawn(store: Store) -> None:
    gate = ConsentGate(store, "withdrawn")

    with pytest.raises(ConsentWithdrawn):
        await gate.check("never-seen")


async def test_a_recorded_grant_overrides_an_opt_in_default(store: Store) -> None:
    await store.set_consent("acme", ConsentState.GRANTED, actor="t", reason="t")
    gate = ConsentGate(store, "withdrawn")

    tenant = await gate.check("acme")

    assert tenant is not None and "acme" == tenant.id


async def test_a_withdrawn_tenant_is_refused(store: Store) -> None:
    gate = ConsentGate(store)
    await _withdraw(store)

    with pytest.raises(ConsentWithdrawn) as caught:
        await gate.check("acme")

    assert "tenant_ai_consent_withdrawn" == caught.value.code


async def test_an_unreadable_store_is_a_503_never_a_pass(store: Store) -> None:
    gate = ConsentGate(store)
    await _break_settings_table(store)

    with pytest.raises(StoreUnavailable):
        await gate.check("acme")


async def test_without_a_feed_every_check_reads_the_store(store: Store) -> None:
    gate = ConsentGate(store)
    await gate.check("acme")
    await _withdraw(store)  # as another process would: the gate is not told

    with pytest.raises(ConsentWithdrawn):
        await gate.check("acme")


async def test_with_a_healthy_feed_reads_are_cached_until_a_change_is_reported(
    store: Store,
) -> None:
    store.change_marker = lambda: None  # type: ignore[method-assign]  # the feed alone decides
    gate = ConsentGate(store)
    gate.feed_up()
    await gate.check("acme")
    await _withdraw(store)

    cached = await gate.check("acme")  # the feed has not reported yet
    gate.tenant_changed("acme")

    assert cached is None
    with pytest.raises(ConsentWithdrawn):
        await gate.check("acme")


async def test_when_the_feed_drops_the_cache_is_bypassed(store: Store) -> None:
    gate = ConsentGate(store)
    gate.feed_up()
    await gate.check("acme")
    await _withdraw(store)

    gate.feed_down()

    assert not gate.caching
    with pytest.raises(ConsentWithdrawn):
        await gate.check("acme")


async def test_a_read_overtaken_by_a_change_is_not_cached(store: Store) -> None:
    gate = ConsentGate(store)
    gate.feed_up()

    class Racing:
        """A store whose read is overtaken by a change notification."""

        async def get_tenant(self, tenant_id: str) -> None:
            gate.tenant_changed(tenant_id)

        def change_marker(self) -> None:
            return None

    gate._store = Racing()  # type: ignore[assignment]
    await gate.check("acme")
    gate._store = store
    await _withdraw(store)

    with pytest.raises(ConsentWithdrawn):
        await gate.check("acme")


async def _break_settings_table(store: Store) -> None:
    if isinstance(store, SqliteStore):
        await store._conn.execute("DROP TABLE tenant_settings")
        await store._conn.commit()
    elif isinstance(store, PostgresStore):
        await store._db.execute("DROP TABLE tenant_settings")


async def test_on_sqlite_a_change_by_another_process_is_seen_at_once(sqlite_url: str) -> None:
    store = SqliteStore(sqlite_url.removeprefix("sqlite:///"))
    cli = SqliteStore(sqlite_url.removeprefix("sqlite:///"))
    await store.open()
    await cli.open()
    try:
        gate = ConsentGate(store)
        await gate.check("acme")
        await gate.check("acme")  # served from the cache: nothing changed
        await _withdraw(cli)  # the CLI writes the file; nobody tells the gate

        with pytest.raises(ConsentWithdrawn):
            await gate.check("acme")
    finally:
        await cli.close()
        await store.close()


async def test_on_sqlite_an_unchanged_store_is_read_once(sqlite_url: str) -> None:
    store = SqliteStore(sqlite_url.removeprefix("sqlite:///"))
    await store.open()
    reads = 0
    read = store.get_tenant

    async def counting(tenant_id: str) -> object:
        nonlocal reads
        reads += 1
        return await read(tenant_id)

    store.get_tenant = counting  # type: ignore[method-assign,assignment]
    try:
        gate = ConsentGate(store)
        for _ in range(3):
            await gate.check("acme")
    finally:
        await store.close()

    assert 1 == reads
