"""The loaded set of policies, swapped whole on reload; a broken reload keeps the last good set.

Pure apart from reading `policies/*.yaml`: the web layer calls `reload()` on SIGHUP
and from the admin API, and counts the result in metrics.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from proxy.errors import ConfigError, PolicyInvalid, PolicyNotFound
from proxy.policy import Policy, load_policies

DEFAULT_POLICY = "default"


@dataclass(frozen=True, slots=True)
class ReloadResult:
    """What one reload did: `ok` with the names now loaded, or the error and the kept names."""

    ok: bool
    names: tuple[str, ...]
    error: str | None
    at: datetime


class PolicyRegistry:
    """Policies by name, with a required `default`; reads are lock-free dict lookups."""

    def __init__(self, directory: Path, *, clock: Callable[[], datetime] | None = None) -> None:
        """Load every policy in `directory`; raises ConfigError if any is broken or
        `default.yaml` is missing, so a bad start-up stops the process."""
        self._directory = directory
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self._policies = self._load()
        self.last_reload_at: datetime = self._clock()
        self.last_error: str | None = None

    @property
    def directory(self) -> Path:
        """The folder the policies are read from."""
        return self._directory

    @property
    def default(self) -> Policy:
        """The policy of every tenant without an assigned one."""
        return self._policies[DEFAULT_POLICY]

    def get(self, name: str) -> Policy:
        """The named policy; raises PolicyNotFound (a 503: refuse rather than guess)."""
        policy = self._policies.get(name)
        if policy is None:
            raise PolicyNotFound("The policy assigned to this tenant is not loaded.")
        return policy

    def resolve(self, name: str | None) -> Policy:
        """The tenant's policy: `default` when none is assigned, else `get(name)`."""
        return self.default if name is None else self.get(name)

    def names(self) -> list[str]:
        """Names of the loaded policies, sorted."""
        return sorted(self._policies)

    def __contains__(self, name: object) -> bool:
        return name in self._policies

    def reload(self) -> ReloadResult:
        """Read the directory again; on any error keep the current set and record why."""
        with self._lock:
            at = self._clock()
            self.last_reload_at = at
            try:
                policies = self._load()
            except ConfigError as error:
                self.last_error = str(error)
                return ReloadResult(False, tuple(self.names()), self.last_error, at)
            self._policies = policies
            self.last_error = None
            return ReloadResult(True, tuple(self.names()), None, at)

    def _load(self) -> Mapping[str, Policy]:
        policies = load_policies(self._directory)
        if DEFAULT_POLICY not in policies:
            raise PolicyInvalid(
                f"{self._directory / (DEFAULT_POLICY + '.yaml')}: (file): missing; every "
                "tenant without an assigned policy uses the policy named 'default', so "
                "add this file (copy the shipped policies/default.yaml)"
            )
        return dict(policies)
