"""What the web layer knows about one request before its body is touched.

Pure: built by app.py after authentication and handed to the exchange factory, so a
redacting exchange can pick the tenant's policy and the endpoint's field walker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proxy.errors import InvalidRequest, TenantRequired

# Tenant ids end up in logs, metric labels and database keys: keep them to a safe alphabet.
_TENANT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}")


@dataclass(frozen=True, slots=True)
class RequestContext:
    """One authenticated request: which endpoint, for which tenant, with which key."""

    endpoint: str  # endpoint family, e.g. "chat/completions", "responses", "models"
    tenant_id: str
    key_id: str
    policy: str | None = None  # the tenant's assigned policy; None means "default"


def is_valid_tenant_id(value: str) -> bool:
    """True when `value` is 1-128 characters of letters, digits and `._:@-`."""
    return _TENANT_ID.fullmatch(value) is not None


def resolve_tenant(key_tenant: str | None, named: str | None) -> str:
    """The tenant a request acts for: the key's own, or for a service key the one named
    in X-Tenant-ID (required, and in the safe alphabet). A tenant key naming another
    tenant is refused rather than silently ignored."""
    if key_tenant is not None:
        if named and named != key_tenant:
            raise InvalidRequest(
                "X-Tenant-ID does not match the tenant of this key.", code="tenant_mismatch"
            )
        return key_tenant
    if not named:
        raise TenantRequired("A service key must name the tenant in the X-Tenant-ID header.")
    if not is_valid_tenant_id(named):
        raise InvalidRequest(
            "X-Tenant-ID must be 1-128 characters of letters, digits and ._:@-",
            code="invalid_tenant_id",
        )
    return named
