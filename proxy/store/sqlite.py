"""The embedded store: one SQLite file through aiosqlite (one connection, WAL)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import aiosqlite

from proxy.errors import StoreUnavailable
from proxy.store.base import ClientKey, Store, Tenant

SCHEMA: tuple[str, ...] = (
    """CREATE TABLE IF NOT EXISTS tenants (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS client_keys (
        id TEXT PRIMARY KEY,
        secret_sha256 TEXT NOT NULL UNIQUE,
        tenant_id TEXT REFERENCES tenants(id),
        created_at TEXT NOT NULL,
        revoked_at TEXT
    )""",
)

_KEY_COLUMNS = "id, tenant_id, created_at, revoked_at"


@contextmanager
def _store_errors() -> Iterator[None]:
    """Any database failure becomes StoreUnavailable, without the driver's message."""
    try:
        yield
    except (sqlite3.Error, ValueError, OSError):
        raise StoreUnavailable("The key store is unavailable.") from None


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _key(row: Any) -> ClientKey:
    return ClientKey(
        id=row[0],
        tenant_id=row[1],
        created_at=datetime.fromisoformat(row[2]),
        revoked_at=_time(row[3]),
    )


class SqliteStore(Store):
    """Store on a local SQLite file; right for one replica."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self._path = path
        self._db: aiosqlite.Connection | None = None

    @property
    def _conn(self) -> aiosqlite.Connection:
        if self._db is None:
            raise StoreUnavailable("The key store is not open.")
        return self._db

    async def open(self) -> None:
        with _store_errors():
            self._db = await aiosqlite.connect(self._path)
            await self._db.execute("PRAGMA journal_mode=WAL")
            await self._db.execute("PRAGMA foreign_keys=ON")
            for statement in SCHEMA:
                await self._db.execute(statement)
            await self._db.commit()

    async def close(self) -> None:
        if self._db is not None:
            db, self._db = self._db, None
            with _store_errors():
                await db.close()

    async def ping(self) -> None:
        with _store_errors():
            async with self._conn.execute("SELECT 1") as cursor:
                await cursor.fetchone()

    async def list_keys(self) -> list[ClientKey]:
        with _store_errors():
            sql = f"SELECT {_KEY_COLUMNS} FROM client_keys ORDER BY created_at, id"
            async with self._conn.execute(sql) as cursor:
                return [_key(row) for row in await cursor.fetchall()]

    async def revoke_key(self, key_id: str) -> bool:
        with _store_errors():
            cursor = await self._conn.execute(
                "UPDATE client_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                (_now(), key_id),
            )
            await self._conn.commit()
            return cursor.rowcount == 1

    async def _insert_key(self, key_id: str, secret_hash: str, tenant_id: str | None) -> ClientKey:
        created = _now()
        with _store_errors():
            await self._conn.execute(
                "INSERT INTO client_keys (id, secret_sha256, tenant_id, created_at)"
                " VALUES (?, ?, ?, ?)",
                (key_id, secret_hash, tenant_id, created),
            )
            await self._conn.commit()
        return ClientKey(key_id, tenant_id, datetime.fromisoformat(created))

    async def _key_by_hash(self, secret_hash: str) -> ClientKey | None:
        with _store_errors():
            sql = f"SELECT {_KEY_COLUMNS} FROM client_keys WHERE secret_sha256 = ?"
            async with self._conn.execute(sql, (secret_hash,)) as cursor:
                row = await cursor.fetchone()
        return None if row is None else _key(row)

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        with _store_errors():
            sql = "SELECT id, created_at FROM tenants WHERE id = ?"
            async with self._conn.execute(sql, (tenant_id,)) as cursor:
                row = await cursor.fetchone()
        return None if row is None else Tenant(row[0], datetime.fromisoformat(row[1]))

    async def list_tenants(self) -> list[Tenant]:
        with _store_errors():
            sql = "SELECT id, created_at FROM tenants ORDER BY created_at, id"
            async with self._conn.execute(sql) as cursor:
                rows = await cursor.fetchall()
        return [Tenant(row[0], datetime.fromisoformat(row[1])) for row in rows]

    async def _insert_tenant(self, tenant_id: str) -> None:
        with _store_errors():
            await self._conn.execute(
                "INSERT INTO tenants (id, created_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                (tenant_id, _now()),
            )
            await self._conn.commit()
