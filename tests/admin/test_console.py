"""The admin console over HTTP: login, sessions, CSRF, escaping, headers, and each page's
changes taking effect (a real proxy on loopback, aiohttp as the browser)."""

from __future__ import annotations

import re
import shutil
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import openai
import pytest
from openai import AsyncOpenAI

from proxy.consent import ConsentState
from tests.conftest import RunningProxy, StartProxy

TOKEN = "console-admin-token-for-tests"
REPO_POLICIES = Path(__file__).resolve().parents[2] / "policies"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
EXPECTED_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; frame-ancestors 'none'; "
    "form-action 'self'; base-uri 'none'"
)


@dataclass
class Browser:
    """A cookie-keeping HTTP client on the console of a running proxy."""

    proxy: RunningProxy
    http: aiohttp.ClientSession
    root: str
    csrf: str = ""

    async def get(self, path: str) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.http.get(self.root + path, allow_redirects=False) as reply:
            text = await reply.text()
        if found := CSRF.search(text):
            self.csrf = found.group(1)
        return reply.status, text, reply

    async def post(
        self, path: str, form: dict[str, str], *, csrf: bool = True
    ) -> tuple[int, str, aiohttp.ClientResponse]:
        data = {"csrf_token": self.csrf, **form} if csrf else form
        async with self.http.post(self.root + path, data=data, allow_redirects=False) as reply:
            text = await reply.text()
        return reply.status, text, reply

    async def login(self, token: str = TOKEN, actor: str = "Noa") -> int:
        await self.get("/admin/ui/login")
        status, _, _ = await self.post("/admin/ui/login", {"token": token, "actor": actor})
        await self.get("/admin/ui/tenants")  # picks up the logged-in session's CSRF token
        return status


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    target = tmp_path / "policies"
    shutil.copytree(REPO_POLICIES, target)
    return target


async def _browser(proxy: RunningProxy) -> AsyncIterator[Browser]:
    # unsafe=True: the cookie jar otherwise refuses cookies from an IP address host.
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        yield Browser(proxy, http, proxy.base_url.removesuffix("/v1"))


@pytest.fixture
async def browser(start_proxy: StartProxy, policy_dir: Path) -> AsyncIterator[Browser]:
    proxy = await start_proxy(admin_token=TOKEN, policy_dir=policy_dir)
    async for opened in _browser(proxy):
        yield opened


@pytest.fixture
async def admin(browser: Browser) -> Browser:
    """A browser that is logged in."""
    assert 303 == await browser.login()
    return browser


# -- login and sessions --------------------------------------------------------------------


async def test_without_a_session_every_page_redirects_to_the_login(browser: Browser) -> None:
    for path in ("/admin/ui/tenants", "/admin/ui/tenants/acme", "/admin/ui/try", "/admin/ui/"):
        status, _, reply = await browser.get(path)
        location = reply.headers.get("Location")
        if path == "/admin/ui/":
            status, _, reply = await browser.get(location or "")
            location = reply.headers.get("Location")
        assert (303, "/admin/ui/login") == (status, location), path


async def test_a_wrong_token_is_refused_and_logs_nobody_in(browser: Browser) -> None:
    status = await browser.login(token=TOKEN[:-1])
    page_status, _, reply = await browser.get("/admin/ui/tenants")

    assert 401 == status
    assert (303, "/admin/ui/login") == (page_status, reply.headers.get("Location"))


async def test_the_right_token_opens_the_tenant_list(browser: Browser) -> None:
    await browser.get("/admin/ui/login")
    status, _, reply = await browser.post("/admin/ui/login", {"token": TOKEN, "actor": "Noa"})
    page_status, page, _ = await browser.get("/admin/ui/tenants")

    assert (303, "/admin/ui/tenants") == (status, reply.headers.get("Location"))
    assert 200 == page_status
    assert ">acme</a>" in page
    assert "Noa" in page


async def test_the_session_cookie_is_httponly_strict_and_scoped_to_the_console(
    browser: Browser,
) -> None:
    await browser.get("/admin/ui/login")
    _, _, reply = await browser.post("/admin/ui/login", {"token": TOKEN})
    cookie = reply.cookies["rp_console"]

    assert (True, "Strict", "/admin/ui") == (
        bool(cookie["httponly"]),
        cookie["samesite"],
        cookie["path"],
    )
    assert "" == cookie["secure"]  # plain HTTP here; over TLS the cookie is Secure
    assert TOKEN not in reply.headers.getall("Set-Cookie")[0]


async def test_logging_in_replaces_the_anonymous_session_id(browser: Browser) -> None:
    _, _, first = await browser.get("/admin/ui/login")
    _, _, second = await browser.post("/admin/ui/login", {"token": TOKEN})

    assert first.cookies["rp_console"].value != second.cookies["rp_console"].value


async def test_logout_ends_the_session(admin: Browser) -> None:
    await admin.post("/admin/ui/logout", {})
    status, _, reply = await admin.get("/admin/ui/tenants")

    assert (303, "/admin/ui/login") == (status, reply.headers.get("Location"))


async def test_without_an_admin_token_the_console_says_so_and_cannot_be_logged_into(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy()
    async for browser in _browser(proxy):
        _, page, _ = await browser.get("/admin/ui/login")
        status, _, _ = await browser.post("/admin/ui/login", {"token": ""})
        after, _, _ = await browser.get("/admin/ui/tenants")

        assert "no admin token is configured" in page
        assert 'name="token"' not in page
        assert 503 == status
        assert 303 == after


# -- CSRF ------------------------------------------------------------------------------------


@pytest.mark.parametrize("forged", [None, "not-the-token"])
async def test_a_post_without_the_sessions_csrf_token_is_403_and_changes_nothing(
    admin: Browser, forged: str | None
) -> None:
    form = {"state": "withdrawn", "reason": "forged"}
    if forged is not None:
        form["csrf_token"] = forged

    status, _, _ = await admin.post("/admin/ui/tenants/acme/consent/confirm", form, csrf=False)
    tenant = await admin.proxy.store.get_tenant("acme")

    assert 403 == status
    assert tenant is not None and tenant.consent is None


async def test_a_post_without_a_session_is_403(browser: Browser) -> None:
    await browser.get("/admin/ui/login")  # an anonymous session has a token, but no login

    status, _, _ = await browser.post("/admin/ui/tenants/acme/keys", {})

    assert 403 == status
    assert 1 == len([k for k in await browser.proxy.store.list_keys() if k.tenant_id == "acme"])


async def test_a_login_post_without_the_forms_token_is_refused(browser: Browser) -> None:
    status, _, _ = await browser.post("/admin/ui/login", {"token": TOKEN}, csrf=False)
    after, _, _ = await browser.get("/admin/ui/tenants")

    assert (403, 303) == (status, after)


# -- escaping and headers --------------------------------------------------------------------


async def test_html_in_a_tenant_id_and_a_reason_is_shown_as_text(admin: Browser) -> None:
    evil = '<img src=x onerror="alert(1)">'
    await admin.proxy.store.set_consent(evil, ConsentState.WITHDRAWN, actor=evil, reason=evil)

    _, listing, _ = await admin.get("/admin/ui/tenants")
    _, page, _ = await admin.get("/admin/ui/tenants/%3Cimg%20src%3Dx%20onerror%3D%22alert(1)%22%3E")

    for shown in (listing, page):
        assert "<img" not in shown
        assert "&lt;img src=x onerror=" in shown


async def test_html_in_a_reason_typed_in_the_console_is_escaped_on_the_confirm_page(
    admin: Browser,
) -> None:
    reason = "</blockquote><script>alert(1)</script>"
    status, page, _ = await admin.post(
        "/admin/ui/tenants/acme/consent", {"state": "withdrawn", "reason": reason}
    )

    assert 200 == status
    assert "<script>" not in page
    assert "&lt;/blockquote&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


async def test_an_unknown_tenant_in_the_url_is_a_404_page_without_the_markup(
    admin: Browser,
) -> None:
    status, page, _ = await admin.get("/admin/ui/tenants/%3Cb%3Ebold%3C%2Fb%3E")

    assert 404 == status
    assert "<b>bold</b>" not in page


@pytest.mark.parametrize(
    "path", ["/admin/ui/login", "/admin/ui/tenants", "/admin/ui/static/console.css", "/admin/ui/"]
)
async def test_console_responses_carry_the_security_headers(admin: Browser, path: str) -> None:
    _, _, reply = await admin.get(path)

    assert EXPECTED_CSP == reply.headers.get("Content-Security-Policy")
    assert ("nosniff", "no-referrer", "no-store") == (
        reply.headers.get("X-Content-Type-Options"),
        reply.headers.get("Referrer-Policy"),
        reply.headers.get("Cache-Control"),
    )


async def test_the_pages_have_no_inline_script_or_style(admin: Browser) -> None:
    for path in ("/admin/ui/tenants", "/admin/ui/tenants/acme", "/admin/ui/try"):
        _, page, _ = await admin.get(path)
        assert re.search(r"<script(?![^>]*\bsrc=)", page) is None, path
        assert " style=" not in page and "<style" not in page, path


async def test_a_disabled_console_is_a_404(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(admin_token=TOKEN, admin_ui_enabled=False)
    async for browser in _browser(proxy):
        statuses = [
            (await browser.get(path))[0]
            for path in ("/admin/ui/login", "/admin/ui/tenants", "/admin/ui/static/console.css")
        ]
        assert [404, 404, 404] == statuses


# -- what the pages change ---------------------------------------------------------------------


async def test_a_consent_change_needs_a_reason(admin: Browser) -> None:
    status, page, _ = await admin.post(
        "/admin/ui/tenants/acme/consent", {"state": "withdrawn", "reason": "  "}
    )

    assert 400 == status
    assert "Write a reason" in page


async def test_the_first_step_only_asks_and_the_confirmation_withdraws(admin: Browser) -> None:
    form = {"state": "withdrawn", "reason": "DPA not signed"}
    _, confirm, _ = await admin.post("/admin/ui/tenants/acme/consent", form)
    before = await admin.proxy.store.get_tenant("acme")
    status, _, reply = await admin.post("/admin/ui/tenants/acme/consent/confirm", form)
    history = await admin.proxy.store.consent_history("acme")

    assert "Yes, withdraw AI consent" in confirm
    assert before is not None and before.consent is None
    assert (303, "/admin/ui/tenants/acme") == (status, reply.headers.get("Location"))
    assert [("withdrawn", "Noa", "DPA not signed")] == [
        (c.state.value, c.actor, c.reason) for c in history
    ]
    client = AsyncOpenAI(
        base_url=admin.proxy.base_url, api_key=admin.proxy.tenant_secret, max_retries=0
    )
    with pytest.raises(openai.PermissionDeniedError) as caught:
        await client.chat.completions.create(
            model="gpt-echo", messages=[{"role": "user", "content": "hi"}]
        )
    assert "tenant_ai_consent_withdrawn" == caught.value.code


async def test_assigning_a_policy_is_stored(admin: Browser) -> None:
    status, _, _ = await admin.post("/admin/ui/tenants/acme/policy", {"policy": "strict"})
    tenant = await admin.proxy.store.get_tenant("acme")
    unknown, _, _ = await admin.post("/admin/ui/tenants/acme/policy", {"policy": "nope"})

    assert (303, "strict", 400) == (status, tenant and tenant.policy, unknown)


async def test_a_new_keys_secret_is_shown_once_and_it_works(admin: Browser) -> None:
    await admin.post("/admin/ui/tenants/acme/keys", {})
    _, first, _ = await admin.get("/admin/ui/tenants/acme")
    _, second, _ = await admin.get("/admin/ui/tenants/acme")
    found = re.search(r'id="new-secret"[^>]*value="(rp-[^"]+)"', first)

    assert found is not None
    assert found.group(1) not in second
    assert await admin.proxy.store.authenticate(found.group(1)) is not None


async def test_revoking_a_key_from_its_tenant_page(admin: Browser) -> None:
    key_id = admin.proxy.tenant_key_id
    status, _, _ = await admin.post(f"/admin/ui/tenants/acme/keys/{key_id}/revoke", {})

    assert 303 == status
    assert await admin.proxy.store.authenticate(admin.proxy.tenant_secret) is None


async def test_the_tenant_list_counts_recent_requests_and_searches(admin: Browser) -> None:
    client = AsyncOpenAI(
        base_url=admin.proxy.base_url, api_key=admin.proxy.tenant_secret, max_retries=0
    )
    await client.chat.completions.create(
        model="gpt-echo", messages=[{"role": "user", "content": "hi"}]
    )
    await admin.proxy.store.ensure_tenant("globex")

    _, listing, _ = await admin.get("/admin/ui/tenants?search=acm")
    row = listing.split(">acme</a>", 1)[1].split("</tr>", 1)[0]

    assert 'class="num">1</td>' in row
    assert "globex" not in listing


async def test_try_it_highlights_what_would_be_replaced_and_sends_nothing(
    admin: Browser,
) -> None:
    status, page, _ = await admin.post(
        "/admin/ui/try", {"tenant": "acme", "text": "Write to dana.levi@example.com today"}
    )

    assert 200 == status
    assert 'data-entity="EMAIL" title="EMAIL">dana.levi@example.com</mark>' in page
    assert re.search(r'data-entity="EMAIL" title="EMAIL">\[EMAIL_1\]</mark>', page)
    assert [] == admin.proxy.upstream.requests


async def test_the_policies_page_shows_a_failed_reload(admin: Browser, policy_dir: Path) -> None:
    (policy_dir / "broken.yaml").write_text("actions: [not, a, mapping]\n")
    status, _, _ = await admin.post("/admin/ui/policies/reload", {})
    _, page, _ = await admin.get("/admin/ui/policies")

    assert 303 == status
    assert "The reload failed" in page
    assert "broken.yaml" in page


async def test_try_it_uses_the_tenants_assigned_policy(admin: Browser) -> None:
    await admin.proxy.store.assign_policy("acme", "strict")  # strict blocks emails

    status, page, _ = await admin.post(
        "/admin/ui/try", {"tenant": "acme", "text": "Write to dana.levi@example.com today"}
    )

    assert 200 == status
    assert "The proxy would refuse this text" in page
    assert "dana.levi@example.com</mark>" not in page
