"""Tenant change notifications from PostgreSQL: one LISTEN connection per replica.

The store NOTIFYs the id of every tenant whose consent or policy changed, inside the
transaction of the change. This feed tells its listener three things: a tenant changed
(drop it from the cache), the feed is up (LISTEN is active; the cache may be used,
starting empty), the feed is down (stop caching at once). A dead connection is noticed
by asyncpg's termination callback or, for a silent network, by a ping every
`ping_interval` seconds; then it reconnects with a short backoff.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import asyncpg

from proxy.store.base import TENANT_CHANNEL, TenantFeedListener

log = logging.getLogger("proxy.store.feed")

APPLICATION_NAME = "redaction-proxy-tenant-feed"


class PostgresTenantFeed:
    """Runs LISTEN in a background task until `stop()`."""

    def __init__(
        self,
        dsn: str,
        listener: TenantFeedListener,
        *,
        ping_interval: float = 1.0,
        retry_delay: float = 0.5,
    ) -> None:
        self._dsn = dsn
        self._listener = listener
        self._ping_interval = ping_interval
        self._retry_delay = retry_delay
        self._task: asyncio.Task[None] | None = None
        self._lost = asyncio.Event()
        self.up = False

    async def start(self) -> None:
        """Start listening in the background (the first connection is attempted at once)."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="tenant-feed")

    async def stop(self) -> None:
        if self._task is not None:
            task, self._task = self._task, None
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self._down()

    def _down(self) -> None:
        if self.up:
            self.up = False
            log.warning("tenant feed down: consent is read from the store on every request")
        self._listener.feed_down()

    def _on_notify(self, conn: Any, pid: int, channel: str, payload: str) -> None:
        self._listener.tenant_changed(payload or None)

    def _on_terminate(self, conn: Any) -> None:
        self._down()
        self._lost.set()

    async def _run(self) -> None:
        while True:
            conn: asyncpg.Connection | None = None
            try:
                conn = await asyncpg.connect(
                    self._dsn,
                    timeout=5,
                    server_settings={"application_name": APPLICATION_NAME},
                )
                self._lost.clear()
                conn.add_termination_listener(self._on_terminate)
                await conn.add_listener(TENANT_CHANNEL, self._on_notify)
                self.up = True
                self._listener.feed_up()
                log.info("tenant feed up: listening for consent and policy changes")
                await self._watch(conn)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # any failure: stop caching, then retry
                # Warn once per outage, not on every retry while the database is away.
                level = logging.WARNING if self.up else logging.DEBUG
                log.log(level, "tenant feed error: %s", type(exc).__name__)
            finally:
                self._down()
                if conn is not None and not conn.is_closed():
                    conn.terminate()
            await asyncio.sleep(self._retry_delay)

    async def _watch(self, conn: asyncpg.Connection) -> None:
        """Return when the connection is lost (callback) or stops answering pings."""
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._lost.wait(), self._ping_interval)
            if self._lost.is_set() or conn.is_closed():
                return
            await conn.fetchval("SELECT 1", timeout=self._ping_interval)
