"""The shared store for many replicas: PostgreSQL through an asyncpg pool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg

from proxy.consent import ConsentState
from proxy.errors import StoreUnavailable
from proxy.store.base import (
    TENANT_CHANNEL,
    ClientKey,
    ConsentChange,
    Store,
    Tenant,
    TenantFeed,
    TenantFeedListener,
    like_pattern,
)
from proxy.store.sql import KEY_COLUMNS, TENANT_SELECT

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS tenants (
        id TEXT PRIMARY KEY,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""",
    """CREATE TABLE IF NOT EXISTS client_keys (
        id TEXT PRIMARY KEY,
        secret_sha256 TEXT NOT NULL UNIQUE,
        tenant_id TEXT REFERENCES tenants(id),
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        revoked_at TIMESTAMPTZ
    )""",
    """CREATE TABLE IF NOT EXISTS tenant_settings (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
        consent TEXT CHECK (consent IN ('granted', 'withdrawn')),
        policy TEXT,
        consent_changed_at TIMESTAMPTZ
    )""",
    """CREATE TABLE IF NOT EXISTS consent_history (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        state TEXT NOT NULL CHECK (state IN ('granted', 'withdrawn')),
        actor TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""",
    "CREATE INDEX IF NOT EXISTS consent_history_tenant ON consent_history (tenant_id, id)",
)

# Several replicas may start together: serialise schema creation with an advisory lock.
_SCHEMA_LOCK = 7_243_001


@contextmanager
def _store_errors() -> Iterator[None]:
    """Any database failure becomes StoreUnavailable, without the driver's message."""
    try:
        yield
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError):
        raise StoreUnavailable("The key store is unavailable.") from None


def _tenant(row: Any) -> Tenant:
    return Tenant(
        id=row["id"],
        created_at=row["created_at"],
        consent=None if row["consent"] is None else ConsentState(row["consent"]),
        policy=row["policy"],
        consent_changed_at=row["consent_changed_at"],
    )


def _change(row: Any) -> ConsentChange:
    return ConsentChange(
        row["tenant_id"], ConsentState(row["state"]), row["actor"], row["reason"], row["at"]
    )


def _key(row: Any) -> ClientKey:
    return ClientKey(
        id=row["id"],
        tenant_id=row["tenant_id"],
        created_at=row["created_at"],
        revoked_at=row["revoked_at"],
    )


class PostgresStore(Store):
    """Store on PostgreSQL; query parameters of the DSN (e.g. search_path) reach the server."""

    def __init__(self, dsn: str, *, min_size: int = 1, max_size: int = 10) -> None:
        super().__init__()
        self._dsn = dsn
        self._min_size = min_size
        self._max_size = max_size
        self._pool: asyncpg.Pool | None = None

    @property
    def _db(self) -> asyncpg.Pool:
        if self._pool is None:
            raise StoreUnavailable("The key store is not open.")
        return self._pool

    async def open(self) -> None:
        with _store_errors():
            self._pool = await asyncpg.create_pool(
                self._dsn, min_size=self._min_size, max_size=self._max_size, timeout=10
            )
            async with self._pool.acquire() as conn, conn.transaction():
                await conn.execute("SELECT pg_advisory_xact_lock($1)", _SCHEMA_LOCK)
                for statement in SCHEMA:
                    await conn.execute(statement)

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            with _store_errors():
                await pool.close()

    async def ping(self) -> None:
        with _store_errors():
            await self._db.fetchval("SELECT 1")

    async def list_keys(self) -> list[ClientKey]:
        with _store_errors():
            rows = await self._db.fetch(
                f"SELECT {KEY_COLUMNS} FROM client_keys ORDER BY created_at, id"
            )
        return [_key(row) for row in rows]

    async def revoke_key(self, key_id: str) -> bool:
        with _store_errors():
            status = await self._db.execute(
                "UPDATE client_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL",
                key_id,
            )
        return bool(status == "UPDATE 1")

    async def _insert_key(self, key_id: str, secret_hash: str, tenant_id: str | None) -> ClientKey:
        with _store_errors():
            row = await self._db.fetchrow(
                "INSERT INTO client_keys (id, secret_sha256, tenant_id) VALUES ($1, $2, $3)"
                f" RETURNING {KEY_COLUMNS}",
                key_id,
                secret_hash,
                tenant_id,
            )
        return _key(row)

    async def _key_by_hash(self, secret_hash: str) -> ClientKey | None:
        with _store_errors():
            row = await self._db.fetchrow(
                f"SELECT {KEY_COLUMNS} FROM client_keys WHERE secret_sha256 = $1", secret_hash
            )
        return None if row is None else _key(row)

    def tenant_feed(self, listener: TenantFeedListener) -> TenantFeed:
        """LISTEN/NOTIFY on a connection of its own, outside the pool."""
        from proxy.store.postgres_feed import PostgresTenantFeed

        return PostgresTenantFeed(self._dsn, listener)

    @property
    def dsn(self) -> str:
        """The connection string (the LISTEN connection of the tenant feed uses it too)."""
        return self._dsn

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        with _store_errors():
            row = await self._db.fetchrow(f"{TENANT_SELECT} WHERE t.id = $1", tenant_id)
        return None if row is None else _tenant(row)

    async def list_tenants(
        self, *, search: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Tenant]:
        with _store_errors():
            rows = await self._db.fetch(
                f"{TENANT_SELECT} WHERE ($1::text IS NULL OR lower(t.id) LIKE $1 ESCAPE '\\')"
                " ORDER BY t.created_at, t.id LIMIT $2 OFFSET $3",
                like_pattern(search) if search else None,
                limit,
                offset,
            )
        return [_tenant(row) for row in rows]

    async def _insert_tenant(self, tenant_id: str) -> None:
        with _store_errors():
            await self._db.execute(
                "INSERT INTO tenants (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", tenant_id
            )

    async def consent_history(self, tenant_id: str, *, limit: int = 100) -> list[ConsentChange]:
        with _store_errors():
            rows = await self._db.fetch(
                "SELECT tenant_id, state, actor, reason, at FROM consent_history"
                " WHERE tenant_id = $1 ORDER BY id DESC LIMIT $2",
                tenant_id,
                limit,
            )
        return [_change(row) for row in rows]

    async def _write_consent(
        self, tenant_id: str, state: ConsentState, actor: str, reason: str
    ) -> ConsentChange:
        # The NOTIFY is part of the transaction: replicas hear of the change only once
        # it is committed, and always when it is.
        with _store_errors():
            async with self._db.acquire() as conn, conn.transaction():
                # now() is the transaction's start: the state and its history row share it.
                await conn.execute(
                    "INSERT INTO tenant_settings (tenant_id, consent, consent_changed_at)"
                    " VALUES ($1, $2, now()) ON CONFLICT (tenant_id) DO UPDATE SET"
                    " consent = excluded.consent, consent_changed_at = excluded.consent_changed_at",
                    tenant_id,
                    state.value,
                )
                row = await conn.fetchrow(
                    "INSERT INTO consent_history (tenant_id, state, actor, reason, at)"
                    " VALUES ($1, $2, $3, $4, now()) RETURNING tenant_id, state, actor, reason, at",
                    tenant_id,
                    state.value,
                    actor,
                    reason,
                )
                await conn.execute("SELECT pg_notify($1, $2)", TENANT_CHANNEL, tenant_id)
        return _change(row)

    async def _write_policy(self, tenant_id: str, policy: str | None) -> None:
        with _store_errors():
            async with self._db.acquire() as conn, conn.transaction():
                await conn.execute(
                    "INSERT INTO tenant_settings (tenant_id, policy) VALUES ($1, $2)"
                    " ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy",
                    tenant_id,
                    policy,
                )
                await conn.execute("SELECT pg_notify($1, $2)", TENANT_CHANNEL, tenant_id)
