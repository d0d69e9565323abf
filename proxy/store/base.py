"""The store interface and its records: client keys, tenants, consent and its history.

One abstract class, one implementation per backend (`sqlite.py`, `postgres.py`). Each
group of methods is one concern; a new concern (consent, history, policy assignment)
adds its records here, its abstract methods in a new section, and its tables to each
backend's schema list. Every backend raises `StoreUnavailable` (never with content)
when the database cannot be used, so callers fail closed.
"""

from __future__ import annotations

import hashlib
import secrets
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from proxy.consent import ConsentState

KEY_ID_PREFIX = "key_"
SECRET_PREFIX = "rp-"
_KNOWN_TENANTS_CAP = 10_000
_KEY_CACHE_CAP = 10_000
# Postgres NOTIFY channel carrying the id of a tenant whose consent or policy changed.
TENANT_CHANNEL = "redaction_proxy_tenant"


@dataclass(frozen=True, slots=True)
class ClientKey:
    """A caller's key as stored: never the secret, only what it may act for."""

    id: str
    tenant_id: str | None  # None: a service key, which names its tenant per request
    created_at: datetime
    revoked_at: datetime | None = None

    @property
    def is_service(self) -> bool:
        return self.tenant_id is None

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


@dataclass(frozen=True, slots=True)
class IssuedKey:
    """A new key and its secret; the secret exists only in this object, once."""

    key: ClientKey
    secret: str


@dataclass(frozen=True, slots=True)
class Tenant:
    """A tenant the proxy has seen (created on first use), with its consent and policy."""

    id: str
    created_at: datetime
    consent: ConsentState | None = None  # None: never set, the unknown-tenant setting applies
    policy: str | None = None  # None: the `default` policy
    consent_changed_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ConsentChange:
    """One recorded consent change: the proof of who changed what, when and why."""

    tenant_id: str
    state: ConsentState
    actor: str
    reason: str
    at: datetime


class TenantFeedListener(Protocol):
    """What a tenant change feed reports to (the consent gate)."""

    def tenant_changed(self, tenant_id: str | None) -> None:
        """A tenant's consent or policy changed (None: possibly any tenant)."""

    def feed_up(self) -> None:
        """The feed is listening: changes from now on will be reported."""

    def feed_down(self) -> None:
        """The feed stopped: changes may go unreported until `feed_up`."""


class TenantFeed(Protocol):
    """A background subscription to tenant changes made by any process."""

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


def new_key_id() -> str:
    """A public, non-secret key id like `key_3f9a…` (shown in lists and logs)."""
    return KEY_ID_PREFIX + secrets.token_hex(8)


def new_secret() -> str:
    """A 256-bit random secret like `rp-…`."""
    return SECRET_PREFIX + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    """The stored form of a secret.

    A plain SHA-256 is right here: the secrets are 256-bit random values, so there is
    nothing to brute-force and no need for a slow password hash (bcrypt/argon2), which
    would only add latency to every request.
    """
    return hashlib.sha256(secret.encode()).hexdigest()


class Store(ABC):
    """Async persistent state of the proxy. `open()` creates the schema idempotently."""

    def __init__(self) -> None:
        self._known_tenants: set[str] = set()
        # Active keys by secret hash, valid only while `change_marker()` keeps this value.
        self._keys: dict[str, ClientKey] = {}
        self._keys_marker: int | None = None

    # -- lifecycle ---------------------------------------------------------------------

    @abstractmethod
    async def open(self) -> None:
        """Connect and create missing tables; safe to call on an existing database."""

    @abstractmethod
    async def close(self) -> None:
        """Release connections; the store is unusable afterwards."""

    @abstractmethod
    async def ping(self) -> None:
        """A round trip to the database; raises StoreUnavailable when it cannot be read."""

    def tenant_feed(self, listener: TenantFeedListener) -> TenantFeed | None:
        """A feed of changes made by other processes, or None when there is none (SQLite:
        one replica, and the gate reads the file per request, so the CLI's writes count)."""
        return None

    def change_marker(self) -> int | None:
        """A value that changes whenever any connection of any process commits to the store,
        read without waiting on I/O; None when the store cannot tell (nothing is cached then).

        Reads cached under one marker are served only while the marker is unchanged, so a
        revocation or consent change written by the CLI or another process counts at once."""
        return None

    # -- client keys -------------------------------------------------------------------

    async def create_key(self, *, tenant_id: str | None) -> IssuedKey:
        """Issue a key bound to `tenant_id`, or a service key when it is None."""
        if tenant_id is not None:
            await self.ensure_tenant(tenant_id)
        secret = new_secret()
        key = await self._insert_key(new_key_id(), hash_secret(secret), tenant_id)
        return IssuedKey(key=key, secret=secret)

    async def authenticate(self, secret: str) -> ClientKey | None:
        """The active key with this secret, or None (unknown or revoked).

        Served from memory while the store's change marker is unchanged (no commit by anyone
        since the key was read); only active keys are kept."""
        digest = hash_secret(secret)
        marker = self.change_marker()
        if marker is None or marker != self._keys_marker:
            self._forget_keys(marker)
        elif (cached := self._keys.get(digest)) is not None:
            return cached
        key = await self._key_by_hash(digest)
        if key is None or not key.is_active:
            return None
        # A commit during the read (marker moved on) means the row may already be stale.
        if marker is not None and marker == self._keys_marker:
            if len(self._keys) >= _KEY_CACHE_CAP:
                self._keys.clear()
            self._keys[digest] = key
        return key

    def _forget_keys(self, marker: int | None = None) -> None:
        self._keys.clear()
        self._keys_marker = marker

    @abstractmethod
    async def list_keys(self) -> list[ClientKey]:
        """Every key, revoked ones included, oldest first."""

    @abstractmethod
    async def revoke_key(self, key_id: str) -> bool:
        """Revoke a key; False when no active key has this id."""

    @abstractmethod
    async def _insert_key(self, key_id: str, secret_hash: str, tenant_id: str | None) -> ClientKey:
        """Store a new key row and return it."""

    @abstractmethod
    async def _key_by_hash(self, secret_hash: str) -> ClientKey | None:
        """The key row with this secret hash, revoked or not."""

    # -- tenants -----------------------------------------------------------------------

    async def ensure_tenant(self, tenant_id: str) -> None:
        """Record a tenant on first sight; cheap (in-memory) on every later call."""
        if tenant_id in self._known_tenants:
            return
        await self._insert_tenant(tenant_id)
        if len(self._known_tenants) >= _KNOWN_TENANTS_CAP:
            self._known_tenants.clear()
        self._known_tenants.add(tenant_id)

    @abstractmethod
    async def get_tenant(self, tenant_id: str) -> Tenant | None:
        """The tenant, or None if never seen."""

    @abstractmethod
    async def list_tenants(
        self, *, search: str | None = None, limit: int = 100, offset: int = 0
    ) -> list[Tenant]:
        """Tenants oldest first; `search` keeps ids containing it (case-insensitive)."""

    @abstractmethod
    async def _insert_tenant(self, tenant_id: str) -> None:
        """Insert the tenant unless it exists (idempotent)."""

    # -- consent and policy assignment --------------------------------------------------

    async def set_consent(
        self, tenant_id: str, state: ConsentState, *, actor: str, reason: str
    ) -> ConsentChange:
        """Record a consent change and its history row in one transaction (and, on
        Postgres, notify every replica in that same transaction)."""
        await self.ensure_tenant(tenant_id)
        return await self._write_consent(tenant_id, ConsentState(state), actor, reason)

    async def assign_policy(self, tenant_id: str, policy: str | None) -> None:
        """Assign a policy by name (None: back to `default`); the caller validates the name."""
        await self.ensure_tenant(tenant_id)
        await self._write_policy(tenant_id, policy)

    @abstractmethod
    async def consent_history(self, tenant_id: str, *, limit: int = 100) -> list[ConsentChange]:
        """The tenant's consent changes, newest first."""

    @abstractmethod
    async def _write_consent(
        self, tenant_id: str, state: ConsentState, actor: str, reason: str
    ) -> ConsentChange:
        """Update the state and append the history row, atomically."""

    @abstractmethod
    async def _write_policy(self, tenant_id: str, policy: str | None) -> None:
        """Update the tenant's policy name."""


def like_pattern(search: str) -> str:
    """A LIKE pattern matching `search` anywhere, with `\\`, `%` and `_` taken literally."""
    escaped = search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"
