"""Who is calling and whether their tenant's data may go out: key, tenant, then consent.

Both checks run before the body is read: a caller without a valid key or a tenant that
withdrew consent costs the proxy no parsing, no detection and no upstream call.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiohttp import web

from proxy.access_log import ConsentDecision
from proxy.errors import AuthenticationFailed, ConsentWithdrawn, StoreUnavailable
from proxy.request_context import resolve_tenant
from proxy.store.base import Tenant
from proxy.web.keys import CALLER, CONSENT_GATE, STORE, TRACE, Caller, Handler


def auth_middleware(prefix: str = "/v1/") -> Any:
    """Bearer key -> Caller for every path under `prefix`; other paths pass untouched."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path.startswith(prefix):
            caller = await authenticate(request)
            # Consent first: before the body is read, detected or sent anywhere.
            tenant = await check_consent(request, caller.tenant_id)
            request[CALLER] = replace(caller, policy=tenant.policy if tenant else None)
        return await handler(request)

    return middleware


async def check_consent(request: web.Request, tenant_id: str) -> Tenant | None:
    """The consent gate, with its decision noted in the request's trace."""
    trace = request[TRACE]
    try:
        tenant = await request.app[CONSENT_GATE].check(tenant_id)
    except ConsentWithdrawn:
        trace.consent = ConsentDecision.WITHDRAWN
        raise
    except StoreUnavailable:
        trace.consent = ConsentDecision.UNAVAILABLE
        raise
    trace.consent = ConsentDecision.GRANTED
    return tenant


async def authenticate(request: web.Request) -> Caller:
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    secret = secret.strip()
    if scheme.lower() != "bearer" or not secret:
        raise AuthenticationFailed("Missing API key. Send it as 'Authorization: Bearer <key>'.")
    store = request.app[STORE]
    key = await store.authenticate(secret)
    if key is None:
        raise AuthenticationFailed("Incorrect or revoked API key provided.")
    trace = request[TRACE]
    trace.key_id = key.id
    tenant_id = resolve_tenant(key.tenant_id, request.headers.get("X-Tenant-ID"))
    trace.tenant = tenant_id
    await store.ensure_tenant(tenant_id)
    return Caller(tenant_id=tenant_id, key_id=key.id)
