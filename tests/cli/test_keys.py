"""The keys commands issue, list and revoke keys in the store named by the environment."""

from __future__ import annotations

import asyncio

import pytest

from proxy.cli import main
from proxy.store import open_store


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, sqlite_url: str) -> str:
    monkeypatch.setenv("PROXY_DATABASE_URL", sqlite_url)
    return sqlite_url


def _authenticate(url: str, secret: str) -> str | None:
    async def run() -> str | None:
        store = open_store(url)
        await store.open()
        try:
            key = await store.authenticate(secret)
            return None if key is None else (key.tenant_id or "(service)")
        finally:
            await store.close()

    return asyncio.run(run())


def test_create_prints_a_working_secret_as_the_last_line(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["keys", "create", "--tenant", "acme"])

    secret = capsys.readouterr().out.splitlines()[-1]

    assert secret.startswith("rp-")
    assert "acme" == _authenticate(database, secret)


def test_a_service_key_is_created_without_a_tenant(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["keys", "create", "--service"])

    assert "(service)" == _authenticate(database, capsys.readouterr().out.splitlines()[-1])


def test_list_shows_keys_but_never_secrets(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["keys", "create", "--tenant", "acme"])
    secret = capsys.readouterr().out.splitlines()[-1]

    main(["keys", "list"])
    listing = capsys.readouterr().out

    assert "acme" in listing and "active" in listing
    assert secret not in listing


def test_revoke_stops_the_key_and_reports_unknown_ids(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["keys", "create", "--tenant", "acme"])
    lines = capsys.readouterr().out.splitlines()
    key_id, secret = lines[0].split()[-1], lines[-1]

    assert (0, 1) == (main(["keys", "revoke", key_id]), main(["keys", "revoke", key_id]))
    assert _authenticate(database, secret) is None


def test_a_tenant_id_outside_the_safe_alphabet_is_refused(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 2 == main(["keys", "create", "--tenant", "acme corp; drop"])
