"""Persistent state behind one interface: `open_store(url)` picks the backend."""

from __future__ import annotations

from proxy.errors import ConfigError
from proxy.store.base import ClientKey, IssuedKey, Store, Tenant

__all__ = ["ClientKey", "IssuedKey", "Store", "Tenant", "open_store"]


def open_store(database_url: str) -> Store:
    """The store for `database_url` (not yet opened: call `await store.open()`).

    `sqlite:///relative.db`, `sqlite:////abs/path.db`, `sqlite:///:memory:` and
    `postgresql://…` (or `postgres://…`) are accepted.
    """
    if database_url.startswith("sqlite:///"):
        from proxy.store.sqlite import SqliteStore

        path = database_url.removeprefix("sqlite:///")
        if not path:
            raise ConfigError("PROXY_DATABASE_URL: sqlite URL has no file path")
        return SqliteStore(path)
    if database_url.startswith(("postgresql://", "postgres://")):
        from proxy.store.postgres import PostgresStore

        return PostgresStore(database_url)
    raise ConfigError(
        "PROXY_DATABASE_URL: expected sqlite:///file.db or postgresql://…"
        f" (got a URL with scheme {database_url.split(':', 1)[0]!r})"
    )
