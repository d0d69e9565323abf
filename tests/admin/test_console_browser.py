"""The admin console end to end in headless Chromium (Debian's), driven by Playwright:
an admin withdraws a tenant's AI consent with a reason, and the openai SDK is refused.

Screenshots of every page land in test-artifacts/console/. Without chromium or the
playwright package the test is skipped, unless CI is set: then it must run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

import openai
import pytest
from openai import AsyncOpenAI

from tests.conftest import RunningProxy, StartProxy

if TYPE_CHECKING:
    from playwright.async_api import Browser, Page

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TOKEN = "console-browser-token"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "console"
REASON = "הלקוח ביקש לעצור עיבוד AI עד לחתימה על ה-DPA"  # Hebrew: shown right-to-left
HELLO = [{"role": "user", "content": "Hello Dana Levi"}]


def _chromium() -> str | None:
    return CHROMIUM if Path(CHROMIUM).exists() else shutil.which("chromium")


def _missing() -> str | None:
    if _chromium() is None:
        return f"{CHROMIUM} is not installed (Debian package 'chromium')"
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the 'playwright' Python package is not installed (pip install -e '.[dev]')"
    return None


@pytest.fixture
async def chromium() -> AsyncIterator[Browser]:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the browser test: {reason}")
        pytest.skip(reason)
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=_chromium(),
            args=CHROMIUM_ARGS,
        )
        try:
            yield browser
        finally:
            await browser.close()


async def _shot(page: Page, name: str) -> None:
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def _sdk(proxy: RunningProxy) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


async def test_an_admin_withdraws_consent_in_the_browser_and_the_sdk_is_refused(
    start_proxy: StartProxy, chromium: Browser, tmp_path: Path
) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    proxy = await start_proxy(admin_token=TOKEN)
    root = proxy.base_url.removesuffix("/v1")
    await proxy.store.ensure_tenant("globex")
    await _sdk(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]
    context = await chromium.new_context(viewport={"width": 1280, "height": 800})
    page = await context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)

    # No session: the console sends the admin to the login page.
    await page.goto(f"{root}/admin/ui/tenants")
    assert page.url.endswith("/admin/ui/login")
    await _shot(page, "01-login")
    await page.get_by_label("Admin token").fill(TOKEN)
    await page.get_by_label("Your name").fill("Noa Cohen")
    await page.get_by_label("Admin token").press("Enter")  # the keyboard is enough

    # Find the tenant.
    await page.get_by_label("Find a tenant").fill("acm")
    await page.get_by_role("button", name="Search").click()
    await page.get_by_role("link", name="acme", exact=True).wait_for()
    assert 0 == await page.get_by_role("link", name="globex").count()
    await _shot(page, "02-tenants")
    await page.get_by_role("link", name="acme", exact=True).click()
    await _shot(page, "03-tenant")

    # Withdraw with a reason, then confirm.
    await page.get_by_label("Reason").fill(REASON)
    await page.get_by_role("button", name="Withdraw AI consent…").click()
    await page.get_by_role("heading", name="Withdraw AI consent for acme?").wait_for()
    await _shot(page, "04-confirm")
    await page.get_by_role("button", name="Yes, withdraw AI consent").click()

    # The state and the history changed.
    await page.get_by_text("AI consent withdrawn.").wait_for()
    assert "AI withdrawn" in await page.locator(".summary .badge").inner_text()
    first_change = page.locator("section[aria-labelledby=history-title] tbody tr").first
    assert REASON in await first_change.inner_text()
    assert "Noa Cohen" in await first_change.inner_text()
    reason_cell = first_change.locator("td.reason [dir=auto]")
    assert "rtl" == await reason_cell.evaluate("e => getComputedStyle(e).direction")
    await _shot(page, "05-tenant-withdrawn")

    # The proxy refuses the tenant at once.
    with pytest.raises(openai.PermissionDeniedError) as caught:
        await _sdk(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]
    assert "tenant_ai_consent_withdrawn" == caught.value.code

    # The list shows the change and who made it.
    nav = page.get_by_role("navigation", name="Main")
    await nav.get_by_role("link", name="Tenants").click()
    acme_row = page.locator("tbody tr", has=page.get_by_role("link", name="acme", exact=True))
    assert "AI withdrawn" in await acme_row.inner_text()
    assert "Noa Cohen" in await acme_row.inner_text()

    # The other pages, for the screenshots (and the try-it highlights).
    await nav.get_by_role("link", name="Try it").click()
    await page.get_by_label("Tenant").select_option("globex")
    await page.get_by_label("Text").fill("Call Dana Levi on dana@example.com, שלום דנה")
    await page.get_by_role("button", name="Show what would be sent").click()
    assert 1 <= await page.locator("mark.entity[data-entity=EMAIL]").count()
    await _shot(page, "06-try-it")
    await nav.get_by_role("link", name="Policies").click()
    await page.get_by_role("heading", name="strict").wait_for()
    await _shot(page, "07-policies")
    await page.set_viewport_size({"width": 390, "height": 844})
    await page.goto(f"{root}/admin/ui/tenants/acme")
    await _shot(page, "08-tenant-narrow")
    await page.goto(f"{root}/admin/ui/tenants")
    await _shot(page, "09-tenants-narrow")
    assert 390 == await page.evaluate("document.documentElement.scrollWidth")

    # Restore, at the narrow width, and the tenant is served again.
    await page.get_by_role("link", name="acme", exact=True).click()
    await page.get_by_label("Reason").fill("DPA signed")
    await page.get_by_role("button", name="Restore AI consent…").click()
    await page.get_by_role("button", name="Yes, restore AI consent").click()
    await page.get_by_text("AI consent restored.").wait_for()
    reply = await _sdk(proxy).chat.completions.create(model="gpt-echo", messages=HELLO)  # type: ignore[arg-type]
    assert "Hello Dana Levi" == reply.choices[0].message.content

    assert [] == blocked
    await context.close()
