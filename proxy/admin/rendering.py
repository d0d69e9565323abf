"""How the console answers: Jinja2 pages (autoescaped), its two static files, and the
security headers every console response carries.

Jinja2 rather than `string.Template`: the pages need loops and conditionals, and
autoescaping in the engine means no value reaches the page unescaped by a forgotten
call. Templates and static files ship inside the package; nothing comes from a CDN.
"""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources
from typing import Any
from urllib.parse import quote

from aiohttp import web
from jinja2 import Environment, PackageLoader, StrictUndefined

BASE = "/admin/ui"

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; "
        "form-action 'self'; base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_STATIC_TYPES = {"console.css": "text/css", "console.js": "text/javascript"}
_STATIC_DIR = resources.files("proxy.admin") / "static"
_STATIC: dict[str, bytes] = {name: (_STATIC_DIR / name).read_bytes() for name in _STATIC_TYPES}


def when(value: datetime | None) -> str:
    """A stored time as `2026-11-24 23:05 UTC` (blank when there is none)."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def tenant_url(tenant_id: str, suffix: str = "") -> str:
    """The console URL of a tenant's page (the id percent-encoded as one path segment)."""
    return f"{BASE}/tenants/{quote(tenant_id, safe='')}{suffix}"


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("proxy.admin", "templates"),
        autoescape=True,  # every template, whatever its name
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = when
    env.globals["tenant_url"] = tenant_url
    env.globals["base"] = BASE
    return env


ENVIRONMENT = _environment()


def secure(response: web.StreamResponse) -> web.StreamResponse:
    """Add the console's security headers to a response."""
    response.headers.update(SECURITY_HEADERS)
    return response


def render(template: str, *, status: int = 200, **context: Any) -> web.Response:
    """A rendered page with the security headers."""
    html = ENVIRONMENT.get_template(template).render(**context)
    response = web.Response(status=status, text=html, content_type="text/html", charset="utf-8")
    secure(response)
    return response


def redirect(location: str) -> web.Response:
    """A 303 See Other (a POST is answered by a GET of `location`)."""
    response = web.Response(status=303, headers={"Location": location})
    secure(response)
    return response


async def static_file(request: web.Request) -> web.Response:
    """One of the console's own static files, from the package (never from the disk path)."""
    name = request.match_info["name"]
    body = _STATIC.get(name)
    if body is None:
        raise web.HTTPNotFound()
    response = web.Response(body=body, content_type=_STATIC_TYPES[name], charset="utf-8")
    secure(response)
    return response
