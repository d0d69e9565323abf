"""The shared store for many replicas: PostgreSQL through an asyncpg pool."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import asyncpg

from proxy.errors import StoreUnavailable
from proxy.store.base import ClientKey, Store, Tenant

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
)

# Several replicas may start together: serialise schema creation with an advisory lock.
_SCHEMA_LOCK = 7_243_001

_KEY_COLUMNS = "id, tenant_id, created_at, revoked_at"


@contextmanager
def _store_errors() -> Iterator[None]:
    """Any database failure becomes StoreUnavailable, without the driver's message."""
    try:
        yield
    except (asyncpg.PostgresError, asyncpg.InterfaceError, OSError, TimeoutError):
        raise StoreUnavailable("The key store is unavailable.") from None


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
                f"SELECT {_KEY_COLUMNS} FROM client_keys ORDER BY created_at, id"
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
                f" RETURNING {_KEY_COLUMNS}",
                key_id,
                secret_hash,
                tenant_id,
            )
        return _key(row)

    async def _key_by_hash(self, secret_hash: str) -> ClientKey | None:
        with _store_errors():
            row = await self._db.fetchrow(
                f"SELECT {_KEY_COLUMNS} FROM client_keys WHERE secret_sha256 = $1", secret_hash
            )
        return None if row is None else _key(row)

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        with _store_errors():
            row = await self._db.fetchrow(
                "SELECT id, created_at FROM tenants WHERE id = $1", tenant_id
            )
        return None if row is None else Tenant(row["id"], row["created_at"])

    async def list_tenants(self) -> list[Tenant]:
        with _store_errors():
            rows = await self._db.fetch(
                "SELECT id, created_at FROM tenants ORDER BY created_at, id"
            )
        return [Tenant(row["id"], row["created_at"]) for row in rows]

    async def _insert_tenant(self, tenant_id: str) -> None:
        with _store_errors():
            await self._db.execute(
                "INSERT INTO tenants (id) VALUES ($1) ON CONFLICT (id) DO NOTHING", tenant_id
            )
