"""The console's policies view: what is loaded, when it was last reloaded, the last
load error, and a reload button (the same reload as SIGHUP and the admin API)."""

from __future__ import annotations

from aiohttp import web

from proxy.admin.console_auth import SESSION
from proxy.admin.rendering import BASE, redirect, render
from proxy.admin.tenancy import reload_policies
from proxy.policy import DEFAULT_ACTIONS
from proxy.web.keys import POLICIES


async def policies_page(request: web.Request) -> web.StreamResponse:
    registry = request.app[POLICIES]
    policies = [registry.get(name) for name in registry.names()]
    return render(
        "policies.html",
        session=request[SESSION],
        flash=request[SESSION].take_flash(),
        policies=policies,
        entity_types=list(DEFAULT_ACTIONS),
        directory=str(registry.directory),
        last_reload_at=registry.last_reload_at,
        last_error=registry.last_error,
    )


async def reload(request: web.Request) -> web.StreamResponse:
    result = reload_policies(request.app)
    if result.ok:
        request[SESSION].notify("ok", f"Reloaded: {', '.join(result.names)}.")
    else:
        request[SESSION].notify("error", "The reload failed; the policies before it stay in use.")
    return redirect(f"{BASE}/policies")
