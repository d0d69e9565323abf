"""The Postgres tenant feed reports committed changes and notices a lost connection."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import asyncpg
import pytest

from proxy.consent import ConsentState
from proxy.store.postgres import PostgresStore
from proxy.store.postgres_feed import APPLICATION_NAME, PostgresTenantFeed


class Recorder:
    """A feed listener that remembers what it was told."""

    def __init__(self) -> None:
        self.changed: list[str | None] = []
        self.ups = 0
        self.downs = 0
        self.event = asyncio.Event()

    def tenant_changed(self, tenant_id: str | None) -> None:
        self.changed.append(tenant_id)
        self.event.set()

    def feed_up(self) -> None:
        self.ups += 1
        self.event.set()

    def feed_down(self) -> None:
        self.downs += 1
        self.event.set()


async def _until(condition: object, recorder: Recorder, limit: int = 100) -> None:
    for _ in range(limit):
        if callable(condition) and condition():
            return
        recorder.event.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(recorder.event.wait(), 0.1)
    pytest.fail("the feed never reported")


@pytest.fixture
async def pg_store(postgres_dsn: str) -> AsyncIterator[PostgresStore]:
    store = PostgresStore(postgres_dsn, max_size=2)
    await store.open()
    yield store
    await store.close()


async def test_a_committed_change_is_reported_with_the_tenant_id(
    pg_store: PostgresStore,
) -> None:
    recorder = Recorder()
    feed = PostgresTenantFeed(pg_store.dsn, recorder)
    await feed.start()
    await _until(lambda: recorder.ups == 1, recorder)

    await pg_store.set_consent("acme", ConsentState.WITHDRAWN, actor="t", reason="t")
    await _until(lambda: "acme" in recorder.changed, recorder)
    await feed.stop()

    assert not feed.up


async def test_a_killed_listen_connection_is_reported_down_then_comes_back(
    pg_store: PostgresStore, postgres_dsn: str
) -> None:
    recorder = Recorder()
    feed = PostgresTenantFeed(pg_store.dsn, recorder, retry_delay=0.1)
    await feed.start()
    await _until(lambda: recorder.ups == 1, recorder)

    admin = await asyncpg.connect(postgres_dsn)
    await admin.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
        APPLICATION_NAME,
    )
    await admin.close()
    await _until(lambda: recorder.downs >= 1, recorder)
    await _until(lambda: recorder.ups >= 2, recorder)
    await feed.stop()

    assert feed.up is False
