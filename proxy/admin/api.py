"""The admin API under /admin/: tenants, consent, keys, policies and a dry run (JSON).

Every route but `/admin/openapi.json` needs `Authorization: Bearer <PROXY_ADMIN_TOKEN>`,
compared in constant time; without a configured token the whole API answers 503
`not_configured`. Errors are the proxy's own (OpenAI-shaped, mapped in app.py). Nothing
here logs request content; the dry run returns its text to the admin who sent it.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

import orjson
from aiohttp import web

from proxy.admin.dry_run import dry_run
from proxy.admin.openapi import describe
from proxy.admin.tenancy import reload_policies
from proxy.consent import ConsentState
from proxy.errors import AuthenticationFailed, InvalidRequest, NotConfigured, NotFound
from proxy.request_context import is_valid_tenant_id
from proxy.store.base import ClientKey, ConsentChange, Tenant
from proxy.web.keys import CONSENT_GATE, EXCHANGE_FACTORY, METRICS, POLICIES, SETTINGS, STORE

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

DEFAULT_ACTOR = "admin-api"
MAX_REASON = 500
MAX_ACTOR = 100
MAX_DRY_RUN_CHARS = 100_000


# -- plumbing ---------------------------------------------------------------------------


def _json(data: Any, status: int = 200) -> web.Response:
    return web.Response(
        status=status,
        body=orjson.dumps(data),
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def _authorize(request: web.Request) -> None:
    token = request.app[SETTINGS].admin_token
    if token is None or not token.get_secret_value():
        raise NotConfigured("The admin API is off: set PROXY_ADMIN_TOKEN to enable it.")
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    expected = token.get_secret_value().encode()
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
        raise AuthenticationFailed(
            "Missing or wrong admin token. Send 'Authorization: Bearer <PROXY_ADMIN_TOKEN>'.",
            code="invalid_admin_token",
        )


def admin_only(handler: Handler) -> Handler:
    """The handler, behind the admin token."""

    async def guarded(request: web.Request) -> web.StreamResponse:
        _authorize(request)
        return await handler(request)

    return guarded


async def _body(request: web.Request) -> dict[str, Any]:
    try:
        body = orjson.loads(await request.read())
    except orjson.JSONDecodeError:
        raise InvalidRequest("The request body is not valid JSON.", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("The request body must be a JSON object.", code="invalid_json")
    return body


def _tenant_id(request: web.Request, value: object = None) -> str:
    tenant = request.match_info.get("tenant") if value is None else value
    if not isinstance(tenant, str) or not is_valid_tenant_id(tenant):
        raise InvalidRequest(
            "A tenant id is 1-128 letters, digits and ._:@-", code="invalid_tenant_id"
        )
    return tenant


def _text(body: dict[str, Any], field: str, limit: int, *, required: bool) -> str | None:
    value = body.get(field)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise InvalidRequest(f"'{field}' must be a non-empty string.", param=field)
    if len(value) > limit:
        raise InvalidRequest(f"'{field}' is longer than {limit} characters.", param=field)
    return value.strip()


def _int(request: web.Request, name: str, default: int, high: int) -> int:
    raw = request.query.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()) or not 0 <= int(raw) <= high:
        raise InvalidRequest(f"'{name}' must be an integer from 0 to {high}.", param=name)
    return int(raw)


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def change_json(change: ConsentChange) -> dict[str, Any]:
    return {
        "tenant": change.tenant_id,
        "state": change.state.value,
        "actor": change.actor,
        "reason": change.reason,
        "at": _time(change.at),
    }


def key_json(key: ClientKey) -> dict[str, Any]:
    return {
        "id": key.id,
        "tenant": key.tenant_id,
        "service": key.is_service,
        "created_at": _time(key.created_at),
        "revoked_at": _time(key.revoked_at),
        "active": key.is_active,
    }


def tenant_json(request: web.Request, tenant: Tenant) -> dict[str, Any]:
    gate = request.app[CONSENT_GATE]
    return {
        "id": tenant.id,
        "created_at": _time(tenant.created_at),
        "consent": gate.state_of(tenant).value,
        "consent_recorded": None if tenant.consent is None else tenant.consent.value,
        "consent_changed_at": _time(tenant.consent_changed_at),
        "policy": tenant.policy or "default",
    }


# -- tenants and consent ----------------------------------------------------------------


async def list_tenants(request: web.Request) -> web.Response:
    limit, offset = _int(request, "limit", 100, 1000), _int(request, "offset", 0, 10**9)
    search = request.query.get("search") or None
    tenants = await request.app[STORE].list_tenants(search=search, limit=limit, offset=offset)
    return _json(
        {
            "tenants": [tenant_json(request, t) for t in tenants],
            "limit": limit,
            "offset": offset,
        }
    )


async def _existing(request: web.Request, tenant_id: str) -> Tenant:
    tenant = await request.app[STORE].get_tenant(tenant_id)
    if tenant is None:
        raise NotFound("No such tenant.")
    return tenant


async def get_tenant(request: web.Request) -> web.Response:
    tenant_id = _tenant_id(request)
    tenant = await _existing(request, tenant_id)
    history = await request.app[STORE].consent_history(tenant_id, limit=1)
    data = tenant_json(request, tenant)
    data["last_change"] = change_json(history[0]) if history else None
    return _json(data)


async def set_consent(request: web.Request) -> web.Response:
    tenant_id = _tenant_id(request)
    body = await _body(request)
    raw_state = body.get("state")
    if raw_state not in tuple(ConsentState):
        raise InvalidRequest("'state' must be 'granted' or 'withdrawn'.", param="state")
    state = ConsentState(raw_state)
    reason = _text(body, "reason", MAX_REASON, required=True) or ""
    actor = (
        _text(body, "actor", MAX_ACTOR, required=False)
        or (request.headers.get("X-Admin-Actor", "").strip()[:MAX_ACTOR] or None)
        or DEFAULT_ACTOR
    )
    change = await request.app[STORE].set_consent(tenant_id, state, actor=actor, reason=reason)
    gate = request.app[CONSENT_GATE]
    gate.tenant_changed(tenant_id)  # this replica at once; others through the feed
    request.app[METRICS].consent_change(state)
    return _json(change_json(change))


async def consent_history(request: web.Request) -> web.Response:
    tenant_id = _tenant_id(request)
    limit = _int(request, "limit", 100, 1000)
    history = await request.app[STORE].consent_history(tenant_id, limit=limit)
    return _json({"tenant": tenant_id, "history": [change_json(c) for c in history]})


async def assign_policy(request: web.Request) -> web.Response:
    tenant_id = _tenant_id(request)
    body = await _body(request)
    name = body.get("policy")
    registry = request.app[POLICIES]
    if name is not None and (not isinstance(name, str) or name not in registry):
        raise InvalidRequest(
            f"Unknown policy. Known policies: {', '.join(registry.names())}.",
            param="policy",
            code="unknown_policy",
        )
    await request.app[STORE].assign_policy(tenant_id, name)
    request.app[CONSENT_GATE].tenant_changed(tenant_id)
    return _json({"tenant": tenant_id, "policy": name or "default"})


# -- keys ---------------------------------------------------------------------------------


async def list_keys(request: web.Request) -> web.Response:
    keys = await request.app[STORE].list_keys()
    return _json({"keys": [key_json(k) for k in keys]})


async def create_key(request: web.Request) -> web.Response:
    body = await _body(request)
    service = body.get("service") is True
    tenant = None if service else _tenant_id(request, body.get("tenant"))
    issued = await request.app[STORE].create_key(tenant_id=tenant)
    data = key_json(issued.key)
    data["secret"] = issued.secret  # shown once; only its hash is stored
    return _json(data, status=201)


async def revoke_key(request: web.Request) -> web.Response:
    key_id = request.match_info["key_id"]
    if not await request.app[STORE].revoke_key(key_id):
        raise NotFound("No active key with this id.")
    return _json({"id": key_id, "revoked": True})


# -- policies and dry run ---------------------------------------------------------------


async def list_policies(request: web.Request) -> web.Response:
    registry = request.app[POLICIES]
    return _json(
        {
            "policies": registry.names(),
            "last_reload_at": _time(registry.last_reload_at),
            "last_error": registry.last_error,
        }
    )


async def reload(request: web.Request) -> web.Response:
    result = reload_policies(request.app)
    return _json(
        {
            "ok": result.ok,
            "policies": list(result.names),
            "error": result.error,
            "at": _time(result.at),
        }
    )


async def dry_run_handler(request: web.Request) -> web.Response:
    body = await _body(request)
    tenant_id = _tenant_id(request, body.get("tenant"))
    text = body.get("text")
    if not isinstance(text, str) or len(text) > MAX_DRY_RUN_CHARS:
        raise InvalidRequest(
            f"'text' must be a string of at most {MAX_DRY_RUN_CHARS} characters.", param="text"
        )
    tenant = await request.app[STORE].get_tenant(tenant_id)
    policy = tenant.policy if tenant is not None else None
    result = dry_run(request.app[EXCHANGE_FACTORY], tenant_id, text, policy=policy)
    return _json(
        {
            "tenant": tenant_id,
            "sent": result.sent,
            "entities": [change.as_json() for change in result.changes],
        }
    )


async def openapi(request: web.Request) -> web.Response:
    return _json(describe(request.app[POLICIES].names()))


def add_admin_routes(app: web.Application) -> None:
    """Add every /admin/ route to `app`."""
    app.router.add_get("/admin/openapi.json", openapi)
    routes: list[tuple[str, str, Handler]] = [
        ("GET", "/admin/tenants", list_tenants),
        ("GET", "/admin/tenants/{tenant}", get_tenant),
        ("PUT", "/admin/tenants/{tenant}/consent", set_consent),
        ("GET", "/admin/tenants/{tenant}/consent/history", consent_history),
        ("PUT", "/admin/tenants/{tenant}/policy", assign_policy),
        ("GET", "/admin/keys", list_keys),
        ("POST", "/admin/keys", create_key),
        ("DELETE", "/admin/keys/{key_id}", revoke_key),
        ("GET", "/admin/policies", list_policies),
        ("POST", "/admin/policies/reload", reload),
        ("POST", "/admin/dry-run", dry_run_handler),
    ]
    for method, path, handler in routes:
        app.router.add_route(method, path, admin_only(handler))
