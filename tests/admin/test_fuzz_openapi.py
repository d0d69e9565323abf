"""Schemathesis against the admin API's own OpenAPI description, on a loopback server.

The proxy runs in a thread with its own event loop (schemathesis calls it synchronously),
on SQLite, with an admin token. Every operation gets up to 25 generated requests, valid
and invalid; schemathesis's checks must find no 5xx, no status code, content type or
body outside what `/admin/openapi.json` declares.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.schemas import OpenApiSchema

from proxy.app import build_app
from proxy.settings import Settings
from proxy.store import open_store

ADMIN_TOKEN = "admin-fuzz-token"
POLICIES = Path(__file__).resolve().parents[2] / "policies"


class ThreadedProxy:
    """A proxy served from a thread of its own, so synchronous clients can call it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.loop = asyncio.new_event_loop()
        self.ready = threading.Event()
        self.port = 0
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._stop: asyncio.Event | None = None

    def _run(self) -> None:
        self.loop.run_until_complete(self._serve())

    async def _serve(self) -> None:
        self._stop = asyncio.Event()
        store = open_store(self.settings.database_url)
        await store.open()
        await store.create_key(tenant_id="acme")
        runner = web.AppRunner(build_app(self.settings, store=store), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        self.port = runner.addresses[0][1]
        self.ready.set()
        try:
            await self._stop.wait()
        finally:
            await runner.cleanup()
            await store.close()

    def __enter__(self) -> ThreadedProxy:
        self._thread.start()
        if not self.ready.wait(15):
            raise RuntimeError("the proxy did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._stop is not None
        self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(15)
        self.loop.close()


@pytest.fixture(scope="module")
def admin_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OpenApiSchema]:
    database = tmp_path_factory.mktemp("admin-fuzz") / "proxy.db"
    settings = Settings(
        upstream_url="http://127.0.0.1:9/v1",
        upstream_api_key="sk-unused",
        database_url=f"sqlite:///{database}",
        admin_token=ADMIN_TOKEN,
        policy_dir=POLICIES,
    )
    with ThreadedProxy(settings) as proxy:
        base = f"http://127.0.0.1:{proxy.port}"
        loaded = schemathesis.openapi.from_url(f"{base}/admin/openapi.json")
        loaded.config.update(base_url=base)
        yield loaded


def test_the_admin_api_keeps_to_its_openapi_description(
    admin_schema: OpenApiSchema,
) -> None:
    # One hypothesis run per operation (schemathesis's own pytest plugin does not load
    # under pytest 9); every failure is collected so one run reports them all.
    failures: dict[str, str] = {}
    operations = [result.ok() for result in admin_schema.get_all_operations()]

    for operation in operations:

        @given(operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(headers={"Authorization": f"Bearer {ADMIN_TOKEN}"})

        try:
            check()
        except (Exception, BaseExceptionGroup) as failure:  # a group of check failures
            failures[operation.label] = str(failure)[:2000]

    assert len(operations) >= 11
    assert {} == failures, "\n\n".join(f"{k}: {v}" for k, v in failures.items())
