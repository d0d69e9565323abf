"""What the web layer knows about one request before its body is touched.

Pure: built by app.py after authentication and handed to the exchange factory, so a
redacting exchange can pick the tenant's policy and the endpoint's field walker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Tenant ids end up in logs, metric labels and database keys: keep them to a safe alphabet.
_TENANT_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}")


@dataclass(frozen=True, slots=True)
class RequestContext:
    """One authenticated request: which endpoint, for which tenant, with which key."""

    endpoint: str  # endpoint family, e.g. "chat/completions", "responses", "models"
    tenant_id: str
    key_id: str
    request_id: str


def is_valid_tenant_id(value: str) -> bool:
    """True when `value` is 1-128 characters of letters, digits and `._:@-`."""
    return _TENANT_ID.fullmatch(value) is not None
