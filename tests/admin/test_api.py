"""The admin API: token auth, tenants and consent, keys, policies, dry run, OpenAPI."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import openai
import pytest
from openai import AsyncOpenAI

from proxy.app import build_app
from proxy.exchange import JsonObject, Passthrough
from proxy.request_context import RequestContext
from proxy.settings import Settings
from tests.conftest import RunningProxy, StartProxy

TOKEN = "admin-token-for-tests"
REPO_POLICIES = Path(__file__).resolve().parents[2] / "policies"


@dataclass
class Admin:
    """A running proxy and an HTTP session to its admin API."""

    proxy: RunningProxy
    http: aiohttp.ClientSession
    root: str

    async def call(
        self, method: str, path: str, body: Any = None, *, token: str | None = TOKEN, **headers: str
    ) -> tuple[int, Any]:
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        async with self.http.request(method, self.root + path, json=body, headers=headers) as reply:
            return reply.status, await reply.json()


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    shutil.copytree(REPO_POLICIES, target)
    return target


@pytest.fixture
async def admin(start_proxy: StartProxy, store_url: str, policy_dir: Path) -> AsyncIterator[Admin]:
    proxy = await start_proxy(database_url=store_url, admin_token=TOKEN, policy_dir=policy_dir)
    async with aiohttp.ClientSession() as http:
        yield Admin(proxy, http, proxy.base_url.removesuffix("/v1"))


async def test_no_configured_token_turns_the_admin_api_off(start_proxy: StartProxy) -> None:
    proxy = await start_proxy()
    async with aiohttp.ClientSession() as http:
        root = proxy.base_url.removesuffix("/v1")
        async with http.get(f"{root}/admin/tenants", headers={"Authorization": "Bearer x"}) as r:
            status, body = r.status, await r.json()

    assert (503, "not_configured") == (status, body["error"]["code"])


@pytest.mark.parametrize("token", [None, "wrong-token", TOKEN[:-1]])
async def test_a_missing_or_wrong_token_is_401(admin: Admin, token: str | None) -> None:
    status, body = await admin.call("GET", "/admin/tenants", token=token)

    assert (401, "invalid_admin_token") == (status, body["error"]["code"])
    assert TOKEN not in str(body)


async def test_the_right_token_lists_tenants_with_their_consent(admin: Admin) -> None:
    status, body = await admin.call("GET", "/admin/tenants?search=acm")

    assert 200 == status
    assert [("acme", "granted", "default")] == [
        (t["id"], t["consent"], t["policy"]) for t in body["tenants"]
    ]


async def test_withdrawing_through_the_api_refuses_the_next_sdk_call(admin: Admin) -> None:
    sdk = AsyncOpenAI(
        base_url=admin.proxy.base_url, api_key=admin.proxy.tenant_secret, max_retries=0
    )
    await sdk.models.list()
    before = len(admin.proxy.upstream.requests)

    status, change = await admin.call(
        "PUT",
        "/admin/tenants/acme/consent",
        {"state": "withdrawn", "reason": "customer request #42"},
        **{"X-Admin-Actor": "dana@crm"},
    )

    assert (200, "withdrawn", "dana@crm") == (status, change["state"], change["actor"])
    with pytest.raises(openai.PermissionDeniedError):
        await sdk.models.list()
    assert before == len(admin.proxy.upstream.requests)


async def test_the_history_shows_every_change_newest_first(admin: Admin) -> None:
    await admin.call("PUT", "/admin/tenants/acme/consent", {"state": "withdrawn", "reason": "a"})
    await admin.call(
        "PUT",
        "/admin/tenants/acme/consent",
        {"state": "granted", "reason": "b", "actor": "omar"},
        **{"X-Admin-Actor": "ignored-when-body-names-one"},
    )

    _, history = await admin.call("GET", "/admin/tenants/acme/consent/history")
    _, tenant = await admin.call("GET", "/admin/tenants/acme")

    assert [("granted", "omar", "b"), ("withdrawn", "admin-api", "a")] == [
        (c["state"], c["actor"], c["reason"]) for c in history["history"]
    ]
    assert ("granted", "b") == (tenant["consent"], tenant["last_change"]["reason"])


@pytest.mark.parametrize(
    "body",
    [
        {"state": "withdrawn"},
        {"state": "withdrawn", "reason": "   "},
        {"state": "paused", "reason": "x"},
    ],
)
async def test_a_consent_change_needs_a_state_and_a_reason(admin: Admin, body: Any) -> None:
    status, reply = await admin.call("PUT", "/admin/tenants/acme/consent", body)
    _, history = await admin.call("GET", "/admin/tenants/acme/consent/history")

    assert 400 == status and "invalid_request_error" == reply["error"]["type"]
    assert [] == history["history"]


async def test_an_unknown_tenant_is_404(admin: Admin) -> None:
    status, body = await admin.call("GET", "/admin/tenants/nobody")

    assert (404, "not_found") == (status, body["error"]["code"])


async def test_a_policy_is_assigned_by_name_and_unknown_names_are_refused(admin: Admin) -> None:
    ok, assigned = await admin.call("PUT", "/admin/tenants/acme/policy", {"policy": "strict"})
    bad, refused = await admin.call("PUT", "/admin/tenants/acme/policy", {"policy": "nope"})
    _, tenant = await admin.call("GET", "/admin/tenants/acme")

    assert (200, 400) == (ok, bad)
    assert "strict" == tenant["policy"] == assigned["policy"]
    assert "unknown_policy" == refused["error"]["code"]
    assert "default, lenient, strict" in refused["error"]["message"]


async def test_keys_are_created_once_listed_without_secrets_and_revoked(admin: Admin) -> None:
    created_status, created = await admin.call("POST", "/admin/keys", {"tenant": "globex"})
    _, listed = await admin.call("GET", "/admin/keys")
    revoked_status, _ = await admin.call("DELETE", f"/admin/keys/{created['id']}")
    again_status, _ = await admin.call("DELETE", f"/admin/keys/{created['id']}")

    assert (201, 200, 404) == (created_status, revoked_status, again_status)
    assert created["secret"].startswith("rp-")
    assert created["secret"] not in str(listed)
    assert created["id"] in [k["id"] for k in listed["keys"]]
    assert await admin.proxy.store.authenticate(created["secret"]) is None


async def test_a_broken_policy_reload_keeps_the_last_good_set_and_says_where(
    admin: Admin, policy_dir: Path
) -> None:
    (policy_dir / "extra.yaml").write_text((policy_dir / "lenient.yaml").read_text())
    _, good = await admin.call("POST", "/admin/policies/reload")
    (policy_dir / "broken.yaml").write_text("actions:\n  PERSON: vaporize\n")

    _, bad = await admin.call("POST", "/admin/policies/reload")
    _, listed = await admin.call("GET", "/admin/policies")

    assert (True, False) == (good["ok"], bad["ok"])
    assert ["default", "extra", "lenient", "strict"] == bad["policies"] == listed["policies"]
    assert "broken.yaml:2" in bad["error"] and "PERSON" in bad["error"]
    assert bad["error"] == listed["last_error"]


async def test_the_openapi_description_lists_every_admin_route(admin: Admin) -> None:
    status, spec = await admin.call("GET", "/admin/openapi.json", token=None)

    assert (200, "3.1.0") == (status, spec["openapi"])
    assert {
        "/admin/tenants",
        "/admin/tenants/{tenant}",
        "/admin/tenants/{tenant}/consent",
        "/admin/tenants/{tenant}/consent/history",
        "/admin/tenants/{tenant}/policy",
        "/admin/keys",
        "/admin/keys/{key_id}",
        "/admin/policies",
        "/admin/policies/reload",
        "/admin/dry-run",
    } == set(spec["paths"])


class NameMasking(Passthrough):
    """A stand-in redacting exchange: replaces one known name with a placeholder."""

    def request(self, body: JsonObject) -> JsonObject:
        message = body["messages"][0]
        message["content"] = message["content"].replace("Dana Levi", "[PERSON_1]")
        return body


@dataclass
class DryRunApp:
    """An admin client over an app whose exchange factory records each context it gets."""

    http: Any
    seen: list[RequestContext]
    auth: dict[str, str]


@pytest.fixture
async def dry_run_app(
    aiohttp_client: Any, sqlite_url: str, policy_dir: Path, fake_upstream: Any
) -> DryRunApp:
    seen: list[RequestContext] = []

    def factory(ctx: RequestContext) -> NameMasking:
        seen.append(ctx)
        return NameMasking()

    settings = Settings(
        database_url=sqlite_url,
        admin_token=TOKEN,
        policy_dir=policy_dir,
        upstream_url=fake_upstream.url,
    )
    http = await aiohttp_client(build_app(settings, exchange_factory=factory))
    return DryRunApp(http, seen, {"Authorization": f"Bearer {TOKEN}"})


async def test_the_dry_run_uses_the_apps_exchange_and_sends_nothing(
    dry_run_app: DryRunApp, fake_upstream: Any
) -> None:
    reply = await dry_run_app.http.post(
        "/admin/dry-run",
        json={"tenant": "acme", "text": "Call Dana Levi today"},
        headers=dry_run_app.auth,
    )
    body = await reply.json()

    assert 200 == reply.status
    assert "Call [PERSON_1] today" == body["sent"]
    assert [{"start": 5, "end": 14, "replacement": "[PERSON_1]", "entity_type": "PERSON"}] == (
        body["entities"]
    )
    assert ["acme"] == [ctx.tenant_id for ctx in dry_run_app.seen]
    assert [] == fake_upstream.requests


async def test_the_dry_run_uses_the_tenants_assigned_policy(dry_run_app: DryRunApp) -> None:
    http, auth = dry_run_app.http, dry_run_app.auth
    assigned = await http.put("/admin/tenants/acme/policy", json={"policy": "strict"}, headers=auth)
    reply = await http.post(
        "/admin/dry-run", json={"tenant": "acme", "text": "Call Dana Levi"}, headers=auth
    )

    assert (200, 200) == (assigned.status, reply.status)
    assert ["strict"] == [ctx.policy for ctx in dry_run_app.seen]
