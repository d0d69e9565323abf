"""SQL both backends share word for word (their dialects differ only elsewhere)."""

from __future__ import annotations

KEY_COLUMNS = "id, tenant_id, created_at, revoked_at"
TENANT_SELECT = (
    "SELECT t.id, t.created_at, s.consent, s.policy, s.consent_changed_at"
    " FROM tenants t LEFT JOIN tenant_settings s ON s.tenant_id = t.id"
)
