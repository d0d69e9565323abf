"""Consent enforced in the request path, on both backends, with the openai SDK as client."""

from __future__ import annotations

import asyncio

import aiohttp
import openai
import pytest
from openai import AsyncOpenAI

from proxy.cli import main
from proxy.consent import ConsentState
from proxy.store.postgres import PostgresStore
from proxy.store.sqlite import SqliteStore
from tests.conftest import RunningProxy, StartProxy

HELLO = [{"role": "user", "content": "Hello Dana Levi"}]


def client(proxy: RunningProxy) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


@pytest.fixture
async def any_proxy(start_proxy: StartProxy, store_url: str) -> RunningProxy:
    """A proxy on each backend."""
    return await start_proxy(database_url=store_url)


async def test_a_granted_tenant_is_forwarded(any_proxy: RunningProxy) -> None:
    reply = await client(any_proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert "Hello Dana Levi" == reply.choices[0].message.content


async def test_a_withdrawn_tenant_gets_403_and_the_upstream_sees_nothing(
    any_proxy: RunningProxy,
) -> None:
    await any_proxy.store.set_consent("acme", ConsentState.WITHDRAWN, actor="t", reason="t")

    with pytest.raises(openai.PermissionDeniedError) as caught:
        await client(any_proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert "tenant_ai_consent_withdrawn" == caught.value.code
    assert [] == any_proxy.upstream.requests


async def test_consent_is_checked_before_the_body_is_parsed(any_proxy: RunningProxy) -> None:
    await any_proxy.store.set_consent("acme", ConsentState.WITHDRAWN, actor="t", reason="t")

    async with (
        aiohttp.ClientSession() as http,
        http.post(
            f"{any_proxy.base_url}/chat/completions",
            data=b"{not json",
            headers={"Authorization": f"Bearer {any_proxy.tenant_secret}"},
        ) as reply,
    ):
        status, body = reply.status, await reply.json()

    assert (403, "tenant_ai_consent_withdrawn") == (status, body["error"]["code"])


async def test_a_service_key_is_refused_for_a_withdrawn_tenant_only(
    any_proxy: RunningProxy,
) -> None:
    await any_proxy.store.set_consent("globex", ConsentState.WITHDRAWN, actor="t", reason="t")

    def service(tenant: str) -> AsyncOpenAI:
        return AsyncOpenAI(
            base_url=any_proxy.base_url,
            api_key=any_proxy.service_secret,
            max_retries=0,
            default_headers={"X-Tenant-ID": tenant},
        )

    reply = await service("acme").models.list()
    with pytest.raises(openai.PermissionDeniedError):
        await service("globex").models.list()

    assert reply.data
    assert 1 == len(any_proxy.upstream.requests)


async def test_opt_in_refuses_tenants_without_a_recorded_grant(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(unknown_tenant_consent="withdrawn")

    with pytest.raises(openai.PermissionDeniedError):
        await client(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert [] == proxy.upstream.requests


async def test_an_unreadable_consent_store_answers_503_and_sends_nothing(
    any_proxy: RunningProxy,
) -> None:
    store = any_proxy.store
    if isinstance(store, SqliteStore):
        await store._conn.execute("DROP TABLE tenant_settings")
        await store._conn.commit()
    elif isinstance(store, PostgresStore):
        await store._db.execute("DROP TABLE tenant_settings")

    with pytest.raises(openai.InternalServerError) as caught:
        await client(any_proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert (503, "store_unavailable") == (caught.value.status_code, caught.value.code)
    assert [] == any_proxy.upstream.requests


async def test_a_dead_postgres_answers_503_never_a_pass(start_proxy: StartProxy) -> None:
    proxy = await start_proxy()
    # Keys still authenticate; the consent read goes to a Postgres that is not there.
    dead = PostgresStore("postgresql://nobody@127.0.0.1:1/none")
    proxy.store.get_tenant = dead.get_tenant  # type: ignore[method-assign]

    with pytest.raises(openai.InternalServerError) as caught:
        await client(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]

    assert "store_unavailable" == caught.value.code
    assert [] == proxy.upstream.requests


async def test_a_withdrawal_by_the_cli_on_its_own_connection_applies_to_the_next_request(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROXY_DATABASE_URL", proxy.settings.database_url)
    await client(proxy).models.list()

    code = await asyncio.to_thread(
        main, ["consent", "set", "acme", "withdrawn", "--reason", "DPO request"]
    )

    assert 0 == code
    with pytest.raises(openai.PermissionDeniedError):
        await client(proxy).models.list()
