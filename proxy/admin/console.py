"""The admin console under /admin/ui: a small server-rendered site for the people who
switch tenants' AI consent, assign policies, issue keys and try the redaction.

    /admin/ui/login            admin token -> session cookie (console_auth)
    /admin/ui/tenants          list with search, consent, policy, last change, recent requests
    /admin/ui/tenants/{id}     consent (reason + confirm step), history, policy, keys
    /admin/ui/try              what a text would look like upstream (console_try)
    /admin/ui/policies         loaded policies, last reload and error, reload (console_policies)
    /admin/ui/static/{name}    the console's CSS and JS, from the package

`Settings.admin_ui_enabled = false` adds none of these routes: the console is a 404.
Pages are Jinja2 with autoescape; every response carries a strict CSP (rendering.py).
"""

from __future__ import annotations

from aiohttp import web

from proxy.admin import console_auth, console_policies, console_tenants, console_try
from proxy.admin.console_auth import SESSIONS, signed_in
from proxy.admin.console_tenants import RECENT_REQUESTS
from proxy.admin.rendering import BASE, redirect, static_file
from proxy.admin.request_counts import RecentRequests
from proxy.admin.session import SessionStore
from proxy.web.keys import SETTINGS, TRACE, Handler


async def count_tenant_request(request: web.Request, response: web.StreamResponse) -> None:
    """Count each answered request of an authenticated tenant (refusals included)."""
    if TRACE in request:
        tenant = request[TRACE].tenant
        if tenant is not None:
            request.app[RECENT_REQUESTS].count(tenant)


async def index(request: web.Request) -> web.StreamResponse:
    return redirect(f"{BASE}/tenants")


def add_console_routes(app: web.Application) -> None:
    """Add the console's routes and state to `app`, unless the settings switch it off."""
    settings = app[SETTINGS]
    if not settings.admin_ui_enabled:
        return
    app[SESSIONS] = SessionStore(idle_seconds=settings.admin_ui_session_minutes * 60)
    app[RECENT_REQUESTS] = RecentRequests()
    app.on_response_prepare.append(count_tenant_request)

    tenant = f"{BASE}/tenants/{{tenant}}"
    routes: list[tuple[str, str, Handler]] = [
        ("GET", BASE, index),
        ("GET", f"{BASE}/", index),
        ("GET", f"{BASE}/static/{{name}}", static_file),
        ("GET", f"{BASE}/login", console_auth.login_page),
        ("POST", f"{BASE}/login", console_auth.login),
        ("POST", f"{BASE}/logout", signed_in(console_auth.logout)),
        ("GET", f"{BASE}/tenants", signed_in(console_tenants.tenant_list)),
        ("GET", tenant, signed_in(console_tenants.tenant_page)),
        ("POST", f"{tenant}/consent", signed_in(console_tenants.consent_step)),
        ("POST", f"{tenant}/consent/confirm", signed_in(console_tenants.consent_confirm)),
        ("POST", f"{tenant}/policy", signed_in(console_tenants.assign_policy)),
        ("POST", f"{tenant}/keys", signed_in(console_tenants.create_key)),
        ("POST", f"{tenant}/keys/{{key_id}}/revoke", signed_in(console_tenants.revoke_key)),
        ("GET", f"{BASE}/try", signed_in(console_try.try_page)),
        ("POST", f"{BASE}/try", signed_in(console_try.try_run)),
        ("GET", f"{BASE}/policies", signed_in(console_policies.policies_page)),
        ("POST", f"{BASE}/policies/reload", signed_in(console_policies.reload)),
    ]
    for method, path, handler in routes:
        app.router.add_route(method, path, handler)
