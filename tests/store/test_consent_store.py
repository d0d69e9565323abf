"""Every backend keeps consent, its history and policy assignments the same way."""

from __future__ import annotations

import pytest

from proxy.consent import ConsentState
from proxy.errors import StoreUnavailable
from proxy.store import Store, open_store
from proxy.store.postgres import PostgresStore
from proxy.store.sqlite import SqliteStore


async def test_a_tenant_without_a_recorded_state_has_no_consent(store: Store) -> None:
    await store.ensure_tenant("acme")

    tenant = await store.get_tenant("acme")

    assert tenant is not None
    assert (None, None, None) == (tenant.consent, tenant.policy, tenant.consent_changed_at)


async def test_setting_consent_records_state_and_history_newest_first(store: Store) -> None:
    await store.set_consent("acme", ConsentState.WITHDRAWN, actor="dana", reason="asked by DPO")
    await store.set_consent("acme", ConsentState.GRANTED, actor="omar", reason="new DPA signed")

    tenant = await store.get_tenant("acme")
    history = await store.consent_history("acme")

    assert tenant is not None and ConsentState.GRANTED == tenant.consent
    assert [
        ("acme", ConsentState.GRANTED, "omar", "new DPA signed"),
        ("acme", ConsentState.WITHDRAWN, "dana", "asked by DPO"),
    ] == [(c.tenant_id, c.state, c.actor, c.reason) for c in history]
    assert history[0].at >= history[1].at
    assert history[0].at == tenant.consent_changed_at


async def test_consent_can_be_set_for_a_tenant_never_seen(store: Store) -> None:
    await store.set_consent("initech", ConsentState.WITHDRAWN, actor="a", reason="r")

    tenant = await store.get_tenant("initech")

    assert tenant is not None and ConsentState.WITHDRAWN == tenant.consent


async def test_history_is_per_tenant_and_limited(store: Store) -> None:
    for reason in ("one", "two", "three"):
        await store.set_consent("acme", ConsentState.GRANTED, actor="a", reason=reason)
    await store.set_consent("globex", ConsentState.WITHDRAWN, actor="a", reason="other")

    assert ["three", "two"] == [c.reason for c in await store.consent_history("acme", limit=2)]
    assert [] == await store.consent_history("nobody")


async def test_a_policy_assignment_is_kept_and_can_be_cleared(store: Store) -> None:
    await store.set_consent("acme", ConsentState.WITHDRAWN, actor="a", reason="r")
    await store.assign_policy("acme", "strict")
    assigned = await store.get_tenant("acme")
    await store.assign_policy("acme", None)
    cleared = await store.get_tenant("acme")

    assert assigned is not None and cleared is not None
    assert ("strict", ConsentState.WITHDRAWN) == (assigned.policy, assigned.consent)
    assert (None, ConsentState.WITHDRAWN) == (cleared.policy, cleared.consent)


async def test_tenants_are_listed_with_search_and_paging(store: Store) -> None:
    for tenant in ("acme", "acme-eu", "globex", "100%_real"):
        await store.ensure_tenant(tenant)

    assert ["acme", "acme-eu"] == [t.id for t in await store.list_tenants(search="ACME")]
    assert ["100%_real"] == [t.id for t in await store.list_tenants(search="%_")]
    assert 2 == len(await store.list_tenants(limit=2))
    assert 4 == len(
        await store.list_tenants(limit=2, offset=0) + await store.list_tenants(offset=2)
    )


async def test_a_failed_history_write_leaves_the_state_unchanged(store: Store) -> None:
    await store.set_consent("acme", ConsentState.GRANTED, actor="a", reason="start")
    await _drop_history_table(store)

    with pytest.raises(StoreUnavailable):
        await store.set_consent("acme", ConsentState.WITHDRAWN, actor="a", reason="lost")

    tenant = await store.get_tenant("acme")
    assert tenant is not None and ConsentState.GRANTED == tenant.consent


async def test_reopening_keeps_consent_and_history(store_url: str) -> None:
    first = open_store(store_url)
    await first.open()
    await first.set_consent("acme", ConsentState.WITHDRAWN, actor="a", reason="r")
    await first.close()
    second = open_store(store_url)
    await second.open()

    tenant = await second.get_tenant("acme")
    history = await second.consent_history("acme")
    await second.close()

    assert tenant is not None and ConsentState.WITHDRAWN == tenant.consent
    assert 1 == len(history)


async def _drop_history_table(store: Store) -> None:
    if isinstance(store, SqliteStore):
        await store._conn.execute("DROP TABLE consent_history")
        await store._conn.commit()
    elif isinstance(store, PostgresStore):
        await store._db.execute("DROP TABLE consent_history")
