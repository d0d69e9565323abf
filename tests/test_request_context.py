"""Which tenant a request acts for."""

from __future__ import annotations

import pytest

from proxy.errors import ClientError, InvalidRequest, TenantRequired
from proxy.request_context import is_valid_tenant_id, resolve_tenant


def test_a_tenant_key_acts_for_its_own_tenant_with_or_without_the_header() -> None:
    assert ("acme", "acme") == (resolve_tenant("acme", None), resolve_tenant("acme", "acme"))


def test_a_tenant_key_naming_another_tenant_is_refused() -> None:
    with pytest.raises(InvalidRequest) as caught:
        resolve_tenant("acme", "globex")

    assert "tenant_mismatch" == caught.value.code


def test_a_service_key_acts_for_the_named_tenant_and_needs_one() -> None:
    assert "globex" == resolve_tenant(None, "globex")
    with pytest.raises(TenantRequired):
        resolve_tenant(None, None)


@pytest.mark.parametrize("tenant", ["", " acme", "a/b", "x" * 129, "name\n"])
def test_tenant_ids_outside_the_safe_alphabet_are_invalid(tenant: str) -> None:
    assert is_valid_tenant_id(tenant) is False
    with pytest.raises(ClientError):
        resolve_tenant(None, tenant)
