"""Console rendering: autoescaping, the headers, URLs and times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from proxy.admin.rendering import SECURITY_HEADERS, render, tenant_url, when


def test_every_template_escapes_values() -> None:
    page = render("error.html", title="<b>t</b>", message="<script>x</script>", session=None)

    text = page.text or ""

    assert "<script>x" not in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text


def test_a_rendered_page_carries_the_security_headers() -> None:
    page = render("error.html", title="t", message="m", session=None)

    assert SECURITY_HEADERS == {k: page.headers[k] for k in SECURITY_HEADERS}


def test_a_tenant_url_keeps_the_id_in_one_path_segment() -> None:
    assert "/admin/ui/tenants/a%2Fb%3Cc%3E/consent" == tenant_url("a/b<c>", "/consent")


def test_times_are_shown_in_utc() -> None:
    israel = timezone(timedelta(hours=2))

    assert "2026-11-24 21:05 UTC" == when(datetime(2026, 11, 24, 23, 5, tzinfo=israel))
    assert "2026-11-24 23:05 UTC" == when(datetime(2026, 11, 24, 23, 5, tzinfo=UTC))
    assert "" == when(None)
