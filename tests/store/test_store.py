"""Every backend keeps keys and tenants the same way (run against SQLite and Postgres)."""

from __future__ import annotations

import pytest

from proxy.errors import ConfigError, StoreUnavailable
from proxy.store import Store, open_store
from proxy.store.base import hash_secret
from proxy.store.postgres import PostgresStore
from proxy.store.sqlite import SqliteStore


async def test_a_created_key_authenticates_to_its_tenant(store: Store) -> None:
    issued = await store.create_key(tenant_id="acme")

    key = await store.authenticate(issued.secret)

    assert key is not None
    assert ("acme", issued.key.id, False) == (key.tenant_id, key.id, key.is_service)


async def test_ids_and_secrets_have_their_public_shapes(store: Store) -> None:
    issued = await store.create_key(tenant_id=None)

    assert issued.key.id.startswith("key_")
    assert issued.secret.startswith("rp-")
    assert len(issued.secret) > 40


async def test_a_service_key_has_no_tenant(store: Store) -> None:
    issued = await store.create_key(tenant_id=None)

    key = await store.authenticate(issued.secret)

    assert key is not None and key.is_service


async def test_an_unknown_secret_does_not_authenticate(store: Store) -> None:
    await store.create_key(tenant_id="acme")

    assert await store.authenticate("rp-not-a-real-secret") is None


async def test_a_revoked_key_no_longer_authenticates(store: Store) -> None:
    issued = await store.create_key(tenant_id="acme")

    revoked = await store.revoke_key(issued.key.id)

    assert (True, None) == (revoked, await store.authenticate(issued.secret))


async def test_revoking_an_unknown_or_revoked_key_reports_false(store: Store) -> None:
    issued = await store.create_key(tenant_id="acme")
    await store.revoke_key(issued.key.id)

    assert (False, False) == (
        await store.revoke_key(issued.key.id),
        await store.revoke_key("key_missing"),
    )


async def test_list_shows_every_key_oldest_first_with_revocations(store: Store) -> None:
    first = await store.create_key(tenant_id="acme")
    second = await store.create_key(tenant_id=None)
    await store.revoke_key(first.key.id)

    listed = await store.list_keys()

    assert [(first.key.id, False), (second.key.id, True)] == [
        (key.id, key.is_active) for key in listed
    ]


async def test_only_the_hash_of_a_secret_is_stored(store: Store) -> None:
    issued = await store.create_key(tenant_id="acme")

    assert issued.secret not in repr(await store.list_keys())
    assert await store._key_by_hash(hash_secret(issued.secret)) is not None


async def test_tenants_are_recorded_once_on_first_sight(store: Store) -> None:
    await store.ensure_tenant("globex")
    await store.ensure_tenant("globex")
    await store.create_key(tenant_id="acme")

    assert ["acme", "globex"] == sorted(t.id for t in await store.list_tenants())
    assert await store.get_tenant("initech") is None


async def test_opening_an_existing_schema_again_keeps_the_data(sqlite_url: str) -> None:
    first = open_store(sqlite_url)
    await first.open()
    issued = await first.create_key(tenant_id="acme")
    await first.close()
    second = open_store(sqlite_url)
    await second.open()

    key = await second.authenticate(issued.secret)
    await second.close()

    assert key is not None and "acme" == key.tenant_id


async def test_postgres_schema_creation_is_idempotent(postgres_dsn: str) -> None:
    one, two = PostgresStore(postgres_dsn, max_size=1), PostgresStore(postgres_dsn, max_size=1)
    await one.open()
    await two.open()
    issued = await one.create_key(tenant_id="acme")

    key = await two.authenticate(issued.secret)
    await one.close()
    await two.close()

    assert key is not None


async def test_an_unreachable_database_raises_store_unavailable_without_details() -> None:
    unreachable = PostgresStore("postgresql://nobody:hunter2@127.0.0.1:1/none")

    with pytest.raises(StoreUnavailable) as caught:
        await unreachable.open()

    assert "hunter2" not in str(caught.value)


async def test_a_closed_store_raises_store_unavailable(sqlite_url: str) -> None:
    closed = open_store(sqlite_url)

    with pytest.raises(StoreUnavailable):
        await closed.authenticate("rp-x")


@pytest.mark.parametrize(
    ("url", "kind", "path"),
    [
        ("sqlite:///relative.db", SqliteStore, "relative.db"),
        ("sqlite:////abs/dir/proxy.db", SqliteStore, "/abs/dir/proxy.db"),
        ("postgresql://u@h/db", PostgresStore, None),
        ("postgres://u@h/db", PostgresStore, None),
    ],
)
def test_database_urls_select_the_backend(url: str, kind: type[Store], path: str | None) -> None:
    chosen = open_store(url)

    assert isinstance(chosen, kind)
    if path is not None:
        assert isinstance(chosen, SqliteStore) and path == chosen._path


def test_an_unknown_database_scheme_is_a_config_error_without_the_url() -> None:
    with pytest.raises(ConfigError) as caught:
        open_store("mysql://user:secret@host/db")

    assert "secret" not in str(caught.value)


async def test_a_key_revoked_by_another_process_is_refused_on_the_next_request(
    store: Store, store_url: str
) -> None:
    issued = await store.create_key(tenant_id="acme")
    assert await store.authenticate(issued.secret) is not None  # now cached where possible
    other = open_store(store_url)  # the CLI, on the same database
    await other.open()
    try:
        await other.revoke_key(issued.key.id)
    finally:
        await other.close()

    assert await store.authenticate(issued.secret) is None


async def test_sqlite_reads_a_known_key_once_until_something_is_committed(
    sqlite_url: str,
) -> None:
    store = open_store(sqlite_url)
    await store.open()
    try:
        issued = await store.create_key(tenant_id="acme")
        reads = 0
        read = store._key_by_hash

        async def counting(secret_hash: str) -> object:
            nonlocal reads
            reads += 1
            return await read(secret_hash)

        store._key_by_hash = counting  # type: ignore[method-assign,assignment]
        for _ in range(3):
            await store.authenticate(issued.secret)
        await store.ensure_tenant("another")  # a commit: the cached key is read again
        await store.authenticate(issued.secret)
    finally:
        await store.close()

    assert 2 == reads
