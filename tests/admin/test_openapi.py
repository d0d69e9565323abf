"""The served OpenAPI description is as strict as the API (what schemathesis found)."""

from __future__ import annotations

import re

from proxy.admin.openapi import OPENAPI, describe


def _body_schema(path: str, method: str, spec: dict[str, object] = OPENAPI) -> dict[str, object]:
    operation = spec["paths"][path][method]  # type: ignore[index]
    return operation["requestBody"]["content"]["application/json"]["schema"]  # type: ignore[no-any-return]


def test_a_policy_can_only_be_assigned_by_a_loaded_name_or_null() -> None:
    spec = describe(["default", "strict"])

    schema = _body_schema("/admin/tenants/{tenant}/policy", "put", spec)

    assert {"enum": ["default", "strict", None]} == schema["properties"]["policy"]  # type: ignore[index]
    assert {"type": ["string", "null"]} == _body_schema("/admin/tenants/{tenant}/policy", "put")[
        "properties"  # type: ignore[index]
    ]["policy"]


def test_limits_and_offsets_declare_the_bounds_the_api_enforces() -> None:
    tenants = OPENAPI["paths"]["/admin/tenants"]["get"]["parameters"]

    bounds = {p["name"]: p["schema"].get("maximum") for p in tenants if p["in"] == "query"}

    assert {"search": None, "limit": 1000, "offset": 10**9} == bounds


def test_a_blank_reason_or_actor_is_outside_the_description() -> None:
    schema = _body_schema("/admin/tenants/{tenant}/consent", "put")
    pattern = re.compile(schema["properties"]["reason"]["pattern"])  # type: ignore[index]

    assert [False, False, False, True] == [
        bool(pattern.search(text)) for text in ("", " \t", "\x1d\x85", " ok ")
    ]


def test_a_new_key_names_a_tenant_unless_it_is_a_service_key() -> None:
    schema = _body_schema("/admin/keys", "post")

    assert [
        {"required": ["tenant"]},
        {"required": ["service"], "properties": {"service": {"const": True}}},
    ] == schema["anyOf"]  # type: ignore[index]
