"""Bounded label values for the proxy's metrics: fixed sets, everything else is "other".

Nothing a client sends becomes a label value: routes are templates from a fixed set,
statuses are numbers, reasons and causes are enum members, tenant ids are admitted
only when well-formed and under a cap.
"""

from __future__ import annotations

import re
import threading
from enum import StrEnum

from proxy.consent import ConsentState as ConsentState  # one definition, re-exported
from proxy.errors import (
    AuthenticationFailed,
    ConsentWithdrawn,
    EndpointNotAllowed,
    InvalidRequest,
    LimitExceeded,
    NotConfigured,
    PolicyBlocked,
    ProxyError,
    RedactionFailed,
    StoreUnavailable,
    TenantRequired,
)

OTHER = "other"

# Route templates the app serves; anything else is counted as "other", never raw.
ROUTES: frozenset[str] = frozenset(
    {
        "/v1/chat/completions",
        "/v1/responses",
        "/v1/completions",
        "/v1/embeddings",
        "/v1/models",
        "/v1/models/{model}",
    }
)

_TENANT = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")


class RefusalReason(StrEnum):
    """Why the proxy answered instead of the upstream; the fail-closed ones are marked."""

    CONSENT = "consent"
    POLICY_BLOCK = "policy_block"
    MEDIA_BLOCK = "media_block"
    ENDPOINT = "endpoint"
    LIMITS = "limits"
    AUTH = "auth"
    INVALID_REQUEST = "invalid_request"
    STORE_UNAVAILABLE = "store_unavailable"  # fail-closed
    REDACTION_FAILED = "redaction_failed"  # fail-closed
    NOT_CONFIGURED = "not_configured"  # fail-closed


FAIL_CLOSED_REASONS = frozenset(
    {RefusalReason.STORE_UNAVAILABLE, RefusalReason.REDACTION_FAILED, RefusalReason.NOT_CONFIGURED}
)

# Most specific first: the first class an error is an instance of wins.
_REASON_BY_ERROR: tuple[tuple[type[ProxyError], RefusalReason], ...] = (
    (ConsentWithdrawn, RefusalReason.CONSENT),
    (PolicyBlocked, RefusalReason.POLICY_BLOCK),
    (EndpointNotAllowed, RefusalReason.ENDPOINT),
    (LimitExceeded, RefusalReason.LIMITS),
    (AuthenticationFailed, RefusalReason.AUTH),
    (TenantRequired, RefusalReason.AUTH),
    (InvalidRequest, RefusalReason.INVALID_REQUEST),
    (StoreUnavailable, RefusalReason.STORE_UNAVAILABLE),
    (RedactionFailed, RefusalReason.REDACTION_FAILED),
    (NotConfigured, RefusalReason.NOT_CONFIGURED),
)


def refusal_reason_for(error: ProxyError) -> RefusalReason | None:
    """The refusal reason of a proxy error; None for upstream errors (counted apart)."""
    for kind, reason in _REASON_BY_ERROR:
        if isinstance(error, kind):
            return reason
    return None


class UpstreamErrorCause(StrEnum):
    """Why a call to the upstream failed."""

    CONNECT = "connect"  # refused, DNS, TLS
    TIMEOUT = "timeout"  # connect, first-byte, idle or total
    DISCONNECT = "disconnect"  # the upstream closed mid-reply
    PROTOCOL = "protocol"  # a reply the proxy could not parse
    STATUS_429 = "status_429"  # rate limited upstream
    STATUS_5XX = "status_5xx"  # the upstream answered with a server error


def member_label(kind: type[StrEnum], value: object) -> str:
    """The enum value for a member or its exact string value; "other" for anything else."""
    if isinstance(value, kind):
        return value.value
    try:
        return kind(value).value if isinstance(value, str) else OTHER
    except ValueError:
        return OTHER


def route_label(route: str) -> str:
    """A route template from the fixed set, else "other"."""
    return route if route in ROUTES else OTHER


def status_label(status: int) -> str:
    """An HTTP status code 100-599 as text, else "other"."""
    return str(status) if isinstance(status, int) and 100 <= status <= 599 else OTHER


class TenantLabels:
    """Admits the first `cap` well-formed tenant ids as label values; the rest are "other"."""

    def __init__(self, cap: int) -> None:
        self._cap = cap
        self._admitted: set[str] = set()
        self._lock = threading.Lock()

    def __call__(self, tenant: str | None) -> str:
        if tenant is None or not _TENANT.fullmatch(tenant):
            return OTHER
        if tenant in self._admitted:
            return tenant
        with self._lock:
            if tenant in self._admitted or len(self._admitted) < self._cap:
                self._admitted.add(tenant)
                return tenant
        return OTHER
