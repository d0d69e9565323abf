"""Shared fixtures: the fake upstream, a store per backend, and a running proxy."""

from __future__ import annotations

import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiohttp import web
from hypothesis import settings as hypothesis_settings

from proxy.app import build_app
from proxy.settings import Settings
from proxy.store import Store, open_store
from proxy.store.postgres import PostgresStore
from proxy.web.keys import MakeExchange
from proxy.web.serving import ProxyRunner
from tests.fakes.openai_upstream import FakeOpenAI

# CI replays the same examples every run, so a land is never decided by the draw of a rare
# case; a developer's run (and FUZZ_EXAMPLES=1000) keeps exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

UPSTREAM_KEY = "sk-upstream-test-key"
DEFAULT_POSTGRES_URLS = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)


@pytest.fixture
async def fake_upstream() -> AsyncIterator[FakeOpenAI]:
    fake = FakeOpenAI(expected_key=UPSTREAM_KEY)
    await fake.start()
    yield fake
    await fake.stop()


# -- stores -------------------------------------------------------------------------------


async def _reachable_postgres() -> tuple[str | None, str]:
    given = os.environ.get("PROXY_TEST_POSTGRES_URL")
    candidates = (given,) if given else DEFAULT_POSTGRES_URLS
    reason = ""
    for dsn in candidates:
        try:
            conn = await asyncpg.connect(dsn, timeout=3)
        except (OSError, asyncpg.PostgresError, TimeoutError) as exc:
            reason = type(exc).__name__
            continue
        await conn.close()
        return dsn, ""
    return None, reason


@pytest.fixture
async def postgres_dsn() -> AsyncIterator[str]:
    """A DSN whose search_path is a fresh schema, dropped afterwards (runs never collide)."""
    dsn, reason = await _reachable_postgres()
    if dsn is None:
        message = f"PostgreSQL not reachable ({reason}); set PROXY_TEST_POSTGRES_URL"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    schema = "test_" + secrets.token_hex(6)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(f"CREATE SCHEMA {schema}")
        separator = "&" if "?" in dsn else "?"
        yield f"{dsn}{separator}search_path={schema}"
    finally:
        await conn.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        await conn.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'proxy.db'}"


@pytest.fixture(params=["sqlite", "postgres"])
def store_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    """The URL of an empty database of each backend."""
    if request.param == "sqlite":
        return sqlite_url
    dsn: str = request.getfixturevalue("postgres_dsn")
    return dsn


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    """An open store of each backend, empty."""
    url = store_url
    opened = open_store(url)
    if isinstance(opened, PostgresStore):
        opened = PostgresStore(url, max_size=2)
    await opened.open()
    yield opened
    await opened.close()


# -- a running proxy ----------------------------------------------------------------------


@dataclass
class RunningProxy:
    """A proxy serving on loopback in front of the fake upstream, with two keys issued."""

    base_url: str
    store: Store
    upstream: FakeOpenAI
    tenant_secret: str
    tenant_key_id: str
    service_secret: str
    settings: Settings
    runner: web.AppRunner | None = None


StartProxy = Callable[..., Awaitable[RunningProxy]]


@pytest.fixture
async def start_proxy(fake_upstream: FakeOpenAI, sqlite_url: str) -> AsyncIterator[StartProxy]:
    """Start a proxy with settings overrides: `await start_proxy(stream_idle_timeout=1)`;
    `exchange_factory=` replaces the policy-driven one (e.g. with a detector that fails)."""
    runners: list[web.AppRunner] = []
    stores: list[Store] = []

    async def start(exchange_factory: MakeExchange | None = None, **overrides: Any) -> RunningProxy:
        values: dict[str, Any] = {
            "upstream_url": fake_upstream.url,
            "upstream_api_key": UPSTREAM_KEY,
            "database_url": sqlite_url,
        }
        values.update(overrides)
        settings = Settings(**values)
        store = open_store(settings.database_url)
        await store.open()
        stores.append(store)
        tenant = await store.create_key(tenant_id="acme")
        service = await store.create_key(tenant_id=None)
        runner = ProxyRunner(
            build_app(settings, store=store, exchange_factory=exchange_factory), settings
        )
        await runner.setup()
        runners.append(runner)
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        return RunningProxy(
            base_url=f"http://127.0.0.1:{port}/v1",
            store=store,
            upstream=fake_upstream,
            tenant_secret=tenant.secret,
            tenant_key_id=tenant.key.id,
            service_secret=service.secret,
            settings=settings,
            runner=runner,
        )

    yield start
    for runner in runners:
        await runner.cleanup()
    for store in stores:
        await store.close()


@pytest.fixture
async def proxy(start_proxy: StartProxy) -> RunningProxy:
    """A proxy with default settings."""
    return await start_proxy()
