"""Console sessions: random ids, CSRF tokens, expiry, login rotation and the caps."""

from __future__ import annotations

from proxy.admin.session import ANONYMOUS_IDLE_SECONDS, SessionStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_new_session_has_random_id_and_csrf_token() -> None:
    store = SessionStore(idle_seconds=60)
    first, second = store.anonymous(), store.anonymous()

    assert first.id != second.id
    assert first.csrf_token != second.csrf_token
    assert 43 <= len(first.id)  # 32 random bytes, url-safe base64


def test_the_csrf_token_must_match_exactly() -> None:
    session = SessionStore(idle_seconds=60).anonymous()

    assert session.csrf_matches(session.csrf_token)
    assert not session.csrf_matches(session.csrf_token[:-1])
    assert not session.csrf_matches("")
    assert not session.csrf_matches(None)


def test_login_replaces_the_anonymous_session() -> None:
    store = SessionStore(idle_seconds=60)
    anonymous = store.anonymous()
    signed = store.login(anonymous, "Noa")

    assert (None, "Noa", True) == (store.get(anonymous.id), signed.actor, signed.authenticated)
    assert signed is store.get(signed.id)


def test_a_session_expires_after_the_idle_time_and_use_extends_it() -> None:
    clock = Clock()
    store = SessionStore(idle_seconds=600, clock=clock)
    session = store.login(None, "Noa")

    clock.now += 500
    assert session is store.get(session.id)
    clock.now += 500
    assert session is store.get(session.id)  # used 500 s ago, not 1000
    clock.now += 601
    assert store.get(session.id) is None


def test_a_session_ends_after_its_lifetime_even_when_used() -> None:
    clock = Clock()
    store = SessionStore(idle_seconds=600, lifetime_seconds=1000, clock=clock)
    session = store.login(None, "Noa")
    for _ in range(3):
        clock.now += 400
        store.get(session.id)

    assert store.get(session.id) is None


def test_an_anonymous_session_lives_at_most_ten_minutes_idle() -> None:
    clock = Clock()
    store = SessionStore(idle_seconds=3600, clock=clock)
    session = store.anonymous()
    clock.now += ANONYMOUS_IDLE_SECONDS + 1

    assert store.get(session.id) is None


def test_logout_ends_the_session() -> None:
    store = SessionStore(idle_seconds=60)
    session = store.login(None, "Noa")
    store.end(session.id)

    assert store.get(session.id) is None


def test_a_flood_of_anonymous_sessions_never_pushes_out_a_logged_in_admin() -> None:
    store = SessionStore(idle_seconds=60, cap=3)
    admin = store.login(None, "Noa")
    anonymous = [store.anonymous() for _ in range(10)]

    assert admin is store.get(admin.id)
    assert 4 == len(store)
    assert store.get(anonymous[0].id) is None


def test_a_flash_message_is_shown_once() -> None:
    session = SessionStore(idle_seconds=60).login(None, "Noa")
    session.notify("secret", "rp-x")

    assert [("secret", "rp-x")] == session.take_flash()
    assert [] == session.take_flash()
