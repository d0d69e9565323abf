"""The embedded store: one SQLite file through aiosqlite (one connection, WAL)."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import aiosqlite

from proxy.consent import ConsentState
from proxy.errors import StoreUnavailable
from proxy.store.base import ClientKey, ConsentChange, Store, Tenant, like_pattern
from proxy.store.sql import KEY_COLUMNS, TENANT_SELECT

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
    """CREATE TABLE IF NOT EXISTS tenant_settings (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants(id),
        consent TEXT CHECK (consent IN ('granted', 'withdrawn')),
        policy TEXT,
        consent_changed_at TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS consent_history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        tenant_id TEXT NOT NULL REFERENCES tenants(id),
        state TEXT NOT NULL CHECK (state IN ('granted', 'withdrawn')),
        actor TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS consent_history_tenant ON consent_history (tenant_id, id)",
)


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


def _tenant(row: Any) -> Tenant:
    return Tenant(
        id=row[0],
        created_at=datetime.fromisoformat(row[1]),
        consent=None if row[2] is None else ConsentState(row[2]),
        policy=row[3],
        consent_changed_at=_time(row[4]),
    )


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
        # A second, synchronous connection that only asks `PRAGMA data_version`: a few
        # microseconds on the event loop (WAL index in shared memory), where a query through
        # aiosqlite is a thread hop of ~150 us. It changes on every commit of any other
        # connection, ours and the CLI's alike, which is what the caches above it need.
        self._probe: sqlite3.Connection | None = None
        # One connection is shared by every coroutine: a write transaction must not
        # interleave with another coroutine's commit, so writes take turns.
        self._write_lock = asyncio.Lock()

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
            if self._path not in ("", ":memory:") and not self._path.startswith("file:"):
                self._probe = sqlite3.connect(
                    self._path, timeout=0, isolation_level=None, check_same_thread=False
                )

    def change_marker(self) -> int | None:
        probe = self._probe
        if probe is None:
            return None
        try:
            rows = probe.execute("PRAGMA data_version").fetchall()
        except sqlite3.Error:
            return None  # cannot tell: callers read the store instead
        return int(rows[0][0])

    async def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
            self._probe = None
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
            sql = f"SELECT {KEY_COLUMNS} FROM client_keys ORDER BY created_at, id"
            async with self._conn.execute(sql) as cursor:
                return [_key(row) for row in await cursor.fetchall()]

    async def revoke_key(self, key_id: str) -> bool:
        async with self._write_lock:
            revoked = await self._revoke_key(key_id)
        self._forget_keys()  # the marker moves too; this makes it independent of that
        return revoked

    async def _revoke_key(self, key_id: str) -> bool:
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
            async with self._write_lock:
                await self._conn.execute(
                    "INSERT INTO client_keys (id, secret_sha256, tenant_id, created_at)"
                    " VALUES (?, ?, ?, ?)",
                    (key_id, secret_hash, tenant_id, created),
                )
                await self._conn.commit()
        return ClientKey(key_id, tenant_id, datetime.fromisoformat(created))

    async def _key_by_hash(self, secret_hash: str) -> ClientKey | None:
        with _store_errors():
            sql = f"SELECT {KEY_COLUMNS} FROM client_keys WHERE secret_sha256 = ?"
            async with self._conn.execute(sql, (secret_hash,)) as cursor:
                row = await cursor.fetchone()
        return None if row is None else _key(row)

    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        with _store_errors():
            sql = f"{TENANT_SELECT} WHERE t.id = ?"
            async with self._conn.execute(sql, (tenant_id,)) as cursor:
                row = await cursor.fetchone()
        return None if row is None else _tenant(row)

    async def list_tenants(
        self, *, search: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Tenant]:
        where, params = "", list[object]()
        if search:
            where, params = " WHERE lower(t.id) LIKE ? ESCAPE '\\'", [like_pattern(search)]
        sql = f"{TENANT_SELECT}{where} ORDER BY t.created_at, t.id LIMIT ? OFFSET ?"
        with _store_errors():
            async with self._conn.execute(sql, (*params, limit, offset)) as cursor:
                rows = await cursor.fetchall()
        return [_tenant(row) for row in rows]

    async def _insert_tenant(self, tenant_id: str) -> None:
        with _store_errors():
            async with self._write_lock:
                await self._conn.execute(
                    "INSERT INTO tenants (id, created_at) VALUES (?, ?)"
                    " ON CONFLICT (id) DO NOTHING",
                    (tenant_id, _now()),
                )
                await self._conn.commit()

    async def consent_history(self, tenant_id: str, *, limit: int = 100) -> list[ConsentChange]:
        sql = (
            "SELECT tenant_id, state, actor, reason, at FROM consent_history"
            " WHERE tenant_id = ? ORDER BY id DESC LIMIT ?"
        )
        with _store_errors():
            async with self._conn.execute(sql, (tenant_id, limit)) as cursor:
                rows = await cursor.fetchall()
        return [
            ConsentChange(
                row[0], ConsentState(row[1]), row[2], row[3], datetime.fromisoformat(row[4])
            )
            for row in rows
        ]

    async def _write_consent(
        self, tenant_id: str, state: ConsentState, actor: str, reason: str
    ) -> ConsentChange:
        at = _now()
        with _store_errors():
            async with self._write_lock:
                try:
                    await self._conn.execute(
                        "INSERT INTO tenant_settings (tenant_id, consent, consent_changed_at)"
                        " VALUES (?, ?, ?) ON CONFLICT (tenant_id) DO UPDATE SET"
                        " consent = excluded.consent,"
                        " consent_changed_at = excluded.consent_changed_at",
                        (tenant_id, state.value, at),
                    )
                    await self._conn.execute(
                        "INSERT INTO consent_history (tenant_id, state, actor, reason, at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (tenant_id, state.value, actor, reason, at),
                    )
                    await self._conn.commit()
                except BaseException:
                    await self._conn.rollback()
                    raise
        return ConsentChange(tenant_id, state, actor, reason, datetime.fromisoformat(at))

    async def _write_policy(self, tenant_id: str, policy: str | None) -> None:
        with _store_errors():
            async with self._write_lock:
                await self._conn.execute(
                    "INSERT INTO tenant_settings (tenant_id, policy) VALUES (?, ?)"
                    " ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy",
                    (tenant_id, policy),
                )
                await self._conn.commit()
