"""Console login sessions and their CSRF tokens, held in this process's memory.

Pure (no aiohttp): the console sets the cookie; this module only decides. A session id
and its CSRF token are 256-bit random values. A visitor gets an anonymous session on the
login page (so the login form itself carries a CSRF token); logging in replaces it with
a new authenticated one (no session fixation). Sessions end after `idle` without use,
after `lifetime` at most, or at logout. Memory is capped: at the cap the least recently
used session of its kind is dropped. Replicas do not share sessions: a load balancer must
keep an admin on one replica (or the admin logs in again).
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

SESSION_CAP = 10_000
ANONYMOUS_IDLE_SECONDS = 600.0
DEFAULT_LIFETIME_SECONDS = 12 * 3600.0


@dataclass(slots=True)
class Session:
    """One browser's session: its CSRF token, who logged in, and a one-time notice."""

    id: str
    csrf_token: str
    created: float
    last_seen: float
    authenticated: bool = False
    actor: str = ""
    # Shown on the next page only, then dropped (e.g. a new key's secret, shown once).
    flash: list[tuple[str, str]] = field(default_factory=list)

    def csrf_matches(self, given: str | None) -> bool:
        """True when `given` is this session's CSRF token (constant-time compare)."""
        if not given:
            return False
        return hmac.compare_digest(given.encode(), self.csrf_token.encode())

    def notify(self, kind: str, message: str) -> None:
        """Keep a message for the next page this session sees."""
        self.flash.append((kind, message))

    def take_flash(self) -> list[tuple[str, str]]:
        """The pending messages; they are shown once."""
        messages, self.flash = self.flash, []
        return messages


class SessionStore:
    """Sessions by id, with idle and absolute expiry; ids are never reused.

    Anonymous and logged-in sessions are capped apart, so a flood of login-page visits
    can only push out other anonymous sessions, never an admin who is logged in.
    """

    def __init__(
        self,
        *,
        idle_seconds: float,
        lifetime_seconds: float = DEFAULT_LIFETIME_SECONDS,
        cap: int = SESSION_CAP,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._idle = idle_seconds
        self._lifetime = lifetime_seconds
        self._cap = cap
        self._clock = clock
        # Each kept in order of last use, oldest first.
        self._anonymous: OrderedDict[str, Session] = OrderedDict()
        self._authenticated: OrderedDict[str, Session] = OrderedDict()

    def __len__(self) -> int:
        return len(self._anonymous) + len(self._authenticated)

    def get(self, session_id: str | None) -> Session | None:
        """The live session with this id (touched), or None when unknown or expired."""
        if not session_id:
            return None
        for sessions in (self._authenticated, self._anonymous):
            session = sessions.get(session_id)
            if session is None:
                continue
            now = self._clock()
            if self._expired(session, now):
                del sessions[session_id]
                return None
            session.last_seen = now
            sessions.move_to_end(session_id)
            return session
        return None

    def anonymous(self) -> Session:
        """A new session that may only log in."""
        return self._new(self._anonymous, authenticated=False, actor="")

    def login(self, previous: Session | None, actor: str) -> Session:
        """A new authenticated session; the previous one (if any) ends."""
        if previous is not None:
            self.end(previous.id)
        return self._new(self._authenticated, authenticated=True, actor=actor)

    def end(self, session_id: str) -> None:
        """Forget a session (logout); unknown ids are ignored."""
        self._anonymous.pop(session_id, None)
        self._authenticated.pop(session_id, None)

    def _new(
        self, sessions: OrderedDict[str, Session], *, authenticated: bool, actor: str
    ) -> Session:
        now = self._clock()
        self._evict(sessions, now)
        session = Session(
            id=secrets.token_urlsafe(32),
            csrf_token=secrets.token_urlsafe(32),
            created=now,
            last_seen=now,
            authenticated=authenticated,
            actor=actor,
        )
        sessions[session.id] = session
        return session

    def _expired(self, session: Session, now: float) -> bool:
        idle = self._idle if session.authenticated else min(self._idle, ANONYMOUS_IDLE_SECONDS)
        return now - session.last_seen > idle or now - session.created > self._lifetime

    def _evict(self, sessions: OrderedDict[str, Session], now: float) -> None:
        while sessions:
            oldest = next(iter(sessions.values()))
            if len(sessions) < self._cap and not self._expired(oldest, now):
                return
            del sessions[oldest.id]
