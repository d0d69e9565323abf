"""Who may use the console: login with the admin token, the session cookie, and the
guard every console page passes (a session for reading, a session plus its CSRF token
for any change).

The cookie is HttpOnly, SameSite=Strict, scoped to the console's path, and Secure when
the request came over TLS. A forged POST (no session, or no matching synchroniser
token) is answered 403 before its form is acted on.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable

from aiohttp import web

from proxy.admin.rendering import BASE, redirect, render
from proxy.admin.session import Session, SessionStore
from proxy.errors import ProxyError
from proxy.web.keys import SETTINGS

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

COOKIE = "rp_console"
CSRF_FIELD = "csrf_token"
MAX_ACTOR = 100
DEFAULT_ACTOR = "admin-console"
SESSIONS = web.AppKey("console_sessions", SessionStore)
SESSION = web.RequestKey("console_session", Session)


def admin_token(request: web.Request) -> str | None:
    """The configured admin token, or None when the console cannot be logged into."""
    token = request.app[SETTINGS].admin_token
    value = token.get_secret_value() if token is not None else ""
    return value or None


def current_session(request: web.Request) -> Session | None:
    """The live session named by the request's cookie, if any."""
    return request.app[SESSIONS].get(request.cookies.get(COOKIE))


def set_session_cookie(
    request: web.Request, response: web.StreamResponse, session: Session
) -> None:
    response.set_cookie(
        COOKIE,
        session.id,
        path=BASE,
        httponly=True,
        samesite="Strict",
        secure=request.secure,
    )


def refused(message: str) -> web.Response:
    """The 403 page of a state change that is not proven to come from the console."""
    return render("error.html", status=403, title="Refused", message=message, session=None)


def error_page(error: ProxyError, session: Session | None) -> web.Response:
    """A proxy error as a page (its message is the proxy's own, never caller content)."""
    title = "Not found" if error.status == 404 else "Something went wrong"
    return render(
        "error.html", status=error.status, title=title, message=error.message, session=session
    )


def signed_in(handler: Handler) -> Handler:
    """The handler behind a logged-in session; a POST must also carry the CSRF token."""

    async def guarded(request: web.Request) -> web.StreamResponse:
        session = current_session(request)
        if request.method == "POST":
            form = await request.post()
            token = form.get(CSRF_FIELD)
            if session is None or not session.authenticated:
                return refused("Your session has ended. Log in again, then repeat the change.")
            if not session.csrf_matches(token if isinstance(token, str) else None):
                return refused("This form is out of date or did not come from the console.")
        elif session is None or not session.authenticated:
            return redirect(f"{BASE}/login")
        request[SESSION] = session
        try:
            return await handler(request)
        except ProxyError as error:
            return error_page(error, session)

    return guarded


# -- login and logout --------------------------------------------------------------------


async def login_page(request: web.Request) -> web.StreamResponse:
    session = current_session(request)
    if session is not None and session.authenticated:
        return redirect(f"{BASE}/tenants")
    return _login_form(request, session)


def _login_form(
    request: web.Request,
    session: Session | None,
    *,
    error: str = "",
    status: int = 200,
    actor: str = "",
) -> web.Response:
    configured = admin_token(request) is not None
    if session is None or session.authenticated:
        session = request.app[SESSIONS].anonymous()
    response = render(
        "login.html",
        status=status,
        configured=configured,
        error=error,
        csrf_token=session.csrf_token,
        actor=actor,
        session=None,
    )
    set_session_cookie(request, response, session)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    session = current_session(request)
    expected = admin_token(request)
    if expected is None:
        return _login_form(request, session, status=503)
    token = form.get(CSRF_FIELD)
    if session is None or not session.csrf_matches(token if isinstance(token, str) else None):
        return _login_form(
            request, None, error="The login form expired. Please try again.", status=403
        )
    given = form.get("token")
    given_text = given if isinstance(given, str) else ""
    name = form.get("actor")
    actor = name.strip()[:MAX_ACTOR] if isinstance(name, str) else ""
    if not hmac.compare_digest(given_text.strip().encode(), expected.encode()):
        return _login_form(
            request, session, error="That admin token is not right.", status=401, actor=actor
        )
    signed = request.app[SESSIONS].login(session, actor or DEFAULT_ACTOR)
    response = redirect(f"{BASE}/tenants")
    set_session_cookie(request, response, signed)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    request.app[SESSIONS].end(request[SESSION].id)
    response = redirect(f"{BASE}/login")
    response.del_cookie(COOKIE, path=BASE)
    return response
