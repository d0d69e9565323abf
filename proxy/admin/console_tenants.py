"""The console's tenant pages: the list, one tenant's page, and the changes made there
(consent with a reason and a confirm step, policy assignment, client keys).

Every change goes through the same store calls and cache invalidation as the JSON
admin API, so a withdrawal made here is refused by the proxy at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web

from proxy.admin.console_auth import SESSION
from proxy.admin.rendering import redirect, render, tenant_url
from proxy.admin.request_counts import RecentRequests
from proxy.consent import ConsentState
from proxy.errors import InvalidRequest, NotFound
from proxy.store.base import Tenant
from proxy.web.keys import CONSENT_GATE, METRICS, POLICIES, STORE

PAGE_SIZE = 50
HISTORY_SHOWN = 50
MAX_REASON = 500  # as in the JSON admin API
MAX_SEARCH = 128
RECENT_REQUESTS = web.AppKey("console_recent_requests", RecentRequests)


@dataclass(frozen=True, slots=True)
class TenantRow:
    """One line of the tenant list."""

    id: str
    consent: str
    recorded: bool  # False: never set, the unknown-tenant setting applies
    policy: str
    changed_at: datetime | None
    changed_by: str | None
    recent_requests: int


async def _row(request: web.Request, tenant: Tenant) -> TenantRow:
    history = await request.app[STORE].consent_history(tenant.id, limit=1)
    last = history[0] if history else None
    return TenantRow(
        id=tenant.id,
        consent=request.app[CONSENT_GATE].state_of(tenant).value,
        recorded=tenant.consent is not None,
        policy=tenant.policy or "default",
        changed_at=last.at if last else tenant.consent_changed_at,
        changed_by=last.actor if last else None,
        recent_requests=request.app[RECENT_REQUESTS].recent(tenant.id),
    )


def _offset(request: web.Request) -> int:
    raw = request.query.get("offset", "0")
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) < 10 else 0


async def tenant_list(request: web.Request) -> web.StreamResponse:
    search = request.query.get("search", "").strip()[:MAX_SEARCH]
    offset = _offset(request)
    # One more than a page tells whether there is a next page.
    tenants = await request.app[STORE].list_tenants(
        search=search or None, limit=PAGE_SIZE + 1, offset=offset
    )
    rows = [await _row(request, t) for t in tenants[:PAGE_SIZE]]
    return render(
        "tenants.html",
        session=request[SESSION],
        flash=request[SESSION].take_flash(),
        rows=rows,
        search=search,
        offset=offset,
        page_size=PAGE_SIZE,
        has_next=len(tenants) > PAGE_SIZE,
        window_minutes=request.app[RECENT_REQUESTS].window_minutes,
    )


async def _existing(request: web.Request) -> Tenant:
    tenant = await request.app[STORE].get_tenant(request.match_info["tenant"])
    if tenant is None:
        raise NotFound("There is no tenant with this id.")
    return tenant


async def _tenant_page(
    request: web.Request, tenant: Tenant, *, error: str = "", status: int = 200
) -> web.Response:
    store = request.app[STORE]
    keys = [k for k in await store.list_keys() if k.tenant_id == tenant.id]
    return render(
        "tenant.html",
        status=status,
        session=request[SESSION],
        flash=request[SESSION].take_flash(),
        error=error,
        row=await _row(request, tenant),
        history=await store.consent_history(tenant.id, limit=HISTORY_SHOWN),
        policies=request.app[POLICIES].names(),
        keys=sorted(keys, key=lambda k: (not k.is_active, k.created_at)),
        max_reason=MAX_REASON,
        window_minutes=request.app[RECENT_REQUESTS].window_minutes,
    )


async def tenant_page(request: web.Request) -> web.StreamResponse:
    return await _tenant_page(request, await _existing(request))


def _field(form: Mapping[str, object], name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


async def _consent_form(request: web.Request) -> tuple[ConsentState | None, str]:
    form = await request.post()
    raw_state = _field(form, "state")
    state = ConsentState(raw_state) if raw_state in tuple(ConsentState) else None
    return state, _field(form, "reason").strip()


async def consent_step(request: web.Request) -> web.StreamResponse:
    """Step one of a consent change: check the form, then ask for confirmation."""
    tenant = await _existing(request)
    state, reason = await _consent_form(request)
    if state is None:
        raise InvalidRequest("Choose 'granted' or 'withdrawn'.")
    if not reason:
        return await _tenant_page(
            request, tenant, status=400, error="Write a reason: it is kept in the history."
        )
    if len(reason) > MAX_REASON:
        return await _tenant_page(
            request, tenant, status=400, error=f"Keep the reason under {MAX_REASON} characters."
        )
    return render(
        "confirm.html",
        session=request[SESSION],
        row=await _row(request, tenant),
        state=state.value,
        reason=reason,
    )


async def consent_confirm(request: web.Request) -> web.StreamResponse:
    """Step two: record the change (with the logged-in actor) and take it into effect."""
    tenant = await _existing(request)
    state, reason = await _consent_form(request)
    if state is None or not reason or len(reason) > MAX_REASON:
        raise InvalidRequest("The confirmation form was incomplete; start again.")
    session = request[SESSION]
    await request.app[STORE].set_consent(tenant.id, state, actor=session.actor, reason=reason)
    request.app[CONSENT_GATE].tenant_changed(tenant.id)  # this replica now, others by feed
    request.app[METRICS].consent_change(state)
    verb = "restored" if state is ConsentState.GRANTED else "withdrawn"
    session.notify("ok", f"AI consent {verb}.")
    return redirect(tenant_url(tenant.id))


async def assign_policy(request: web.Request) -> web.StreamResponse:
    tenant = await _existing(request)
    name = _field(await request.post(), "policy")
    registry = request.app[POLICIES]
    if name not in registry:
        return await _tenant_page(request, tenant, status=400, error="That policy is not loaded.")
    await request.app[STORE].assign_policy(tenant.id, None if name == "default" else name)
    request.app[CONSENT_GATE].tenant_changed(tenant.id)
    request[SESSION].notify("ok", f"Policy set to {name}.")
    return redirect(tenant_url(tenant.id))


async def create_key(request: web.Request) -> web.StreamResponse:
    tenant = await _existing(request)
    issued = await request.app[STORE].create_key(tenant_id=tenant.id)
    # Kept in this session only until the next page shows it, once.
    request[SESSION].notify("secret", issued.secret)
    request[SESSION].notify("ok", f"Key {issued.key.id} created.")
    return redirect(tenant_url(tenant.id))


async def revoke_key(request: web.Request) -> web.StreamResponse:
    tenant = await _existing(request)
    key_id = request.match_info["key_id"]
    keys = {k.id: k for k in await request.app[STORE].list_keys() if k.tenant_id == tenant.id}
    if key_id not in keys or not await request.app[STORE].revoke_key(key_id):
        raise NotFound("This tenant has no active key with this id.")
    request[SESSION].notify("ok", f"Key {key_id} revoked.")
    return redirect(tenant_url(tenant.id))
