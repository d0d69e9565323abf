"""The consent commands set, show and audit consent in the store named by the environment."""

from __future__ import annotations

import getpass

import pytest

from proxy.cli import main


@pytest.fixture(params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    url: str = request.getfixturevalue(
        "sqlite_url" if request.param == "sqlite" else "postgres_dsn"
    )
    monkeypatch.setenv("PROXY_DATABASE_URL", url)
    return url


def test_set_then_show_reports_the_recorded_state(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert 0 == main(["consent", "set", "acme", "withdrawn", "--reason", "DPO asked"])
    capsys.readouterr()

    main(["consent", "show", "acme"])

    assert "consent: withdrawn (recorded)" in capsys.readouterr().out


def test_show_of_a_tenant_never_seen_follows_the_default(
    database: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROXY_UNKNOWN_TENANT_CONSENT", "withdrawn")

    main(["consent", "show", "initech"])

    assert "consent: withdrawn (default for unknown tenants)" in capsys.readouterr().out


def test_history_lists_changes_newest_first_with_actor_and_reason(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["consent", "set", "acme", "withdrawn", "--reason", "first"])
    main(["consent", "set", "acme", "granted", "--reason", "second", "--actor", "omar"])
    capsys.readouterr()

    main(["consent", "history", "acme"])
    rows = capsys.readouterr().out.splitlines()[1:]

    assert 2 == len(rows)
    assert "granted" in rows[0] and "omar" in rows[0] and "second" in rows[0]
    assert "withdrawn" in rows[1] and getpass.getuser() in rows[1] and "first" in rows[1]


def test_a_reason_is_required_and_tenant_ids_are_checked(database: str) -> None:
    with pytest.raises(SystemExit):
        main(["consent", "set", "acme", "withdrawn"])

    assert 2 == main(["consent", "set", "acme", "withdrawn", "--reason", "  "])
    assert 2 == main(["consent", "set", "acme corp", "withdrawn", "--reason", "x"])


def test_tenants_list_shows_consent_and_policy(
    database: str, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["consent", "set", "acme", "withdrawn", "--reason", "x"])
    main(["consent", "set", "globex", "granted", "--reason", "x"])
    capsys.readouterr()

    main(["tenants", "list", "--search", "acm"])
    rows = capsys.readouterr().out.splitlines()[1:]

    assert [["acme", "withdrawn", "default"]] == [row.split() for row in rows]
