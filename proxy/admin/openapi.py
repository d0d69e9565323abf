"""The OpenAPI 3.1 description of the admin API, served at /admin/openapi.json."""

from __future__ import annotations

import copy
from typing import Any

Json = dict[str, Any]


def _ref(name: str) -> Json:
    return {"$ref": f"#/components/schemas/{name}"}


def _ok(schema: Json, description: str = "OK", status: str = "200") -> Json:
    return {
        status: {"description": description, "content": {"application/json": {"schema": schema}}},
        "400": {"$ref": "#/components/responses/Error"},
        "401": {"$ref": "#/components/responses/Error"},
        "503": {"$ref": "#/components/responses/Error"},
    }


def _body(schema: Json) -> Json:
    return {"required": True, "content": {"application/json": {"schema": schema}}}


_TENANT_ID: Json = {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"}
_TENANT_PARAM: Json = {"name": "tenant", "in": "path", "required": True, "schema": _TENANT_ID}
# A text api.py accepts: not blank once stripped. Python's strip() also removes
# \x1c-\x1f and \x85, which the \\s of JSON Schema's (ECMA-262) regexes does not cover.
_NOT_BLANK = "[^\\s\\x1c-\\x1f\\x85]"
# The same bounds api.py enforces (a schema-valid request must never be refused).
_LIMIT: Json = {
    "name": "limit",
    "in": "query",
    "schema": {"type": "integer", "minimum": 0, "maximum": 1000},
}
_STATE: Json = {"type": "string", "enum": ["granted", "withdrawn"]}
_TIME: Json = {"type": ["string", "null"], "format": "date-time"}

SCHEMAS: Json = {
    "Error": {
        "type": "object",
        "properties": {
            "error": {
                "type": "object",
                "properties": {
                    "message": {"type": "string"},
                    "type": {"type": "string"},
                    "param": {"type": ["string", "null"]},
                    "code": {"type": "string"},
                },
            }
        },
    },
    "Tenant": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "created_at": _TIME,
            "consent": _STATE,
            "consent_recorded": {
                "type": ["string", "null"],
                "enum": ["granted", "withdrawn", None],
            },
            "consent_changed_at": _TIME,
            "policy": {"type": "string"},
            "last_change": {"oneOf": [_ref("ConsentChange"), {"type": "null"}]},
        },
    },
    "ConsentChange": {
        "type": "object",
        "properties": {
            "tenant": {"type": "string"},
            "state": _STATE,
            "actor": {"type": "string"},
            "reason": {"type": "string"},
            "at": _TIME,
        },
    },
    "Key": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "tenant": {"type": ["string", "null"]},
            "service": {"type": "boolean"},
            "created_at": _TIME,
            "revoked_at": _TIME,
            "active": {"type": "boolean"},
            "secret": {"type": "string", "description": "Only in the reply to POST, once."},
        },
    },
    "ReloadResult": {
        "type": "object",
        "properties": {
            "ok": {"type": "boolean"},
            "policies": {"type": "array", "items": {"type": "string"}},
            "error": {"type": ["string", "null"]},
            "at": _TIME,
        },
    },
}

PATHS: Json = {
    "/admin/tenants": {
        "get": {
            "summary": "List tenants, oldest first",
            "parameters": [
                {"name": "search", "in": "query", "schema": {"type": "string"}},
                _LIMIT,
                {
                    "name": "offset",
                    "in": "query",
                    "schema": {"type": "integer", "minimum": 0, "maximum": 10**9},
                },
            ],
            "responses": _ok(
                {
                    "type": "object",
                    "properties": {"tenants": {"type": "array", "items": _ref("Tenant")}},
                }
            ),
        }
    },
    "/admin/tenants/{tenant}": {
        "get": {
            "summary": "One tenant: consent, policy, last change",
            "parameters": [_TENANT_PARAM],
            "responses": {**_ok(_ref("Tenant")), "404": {"$ref": "#/components/responses/Error"}},
        }
    },
    "/admin/tenants/{tenant}/consent": {
        "put": {
            "summary": "Set AI consent (recorded in the history)",
            "parameters": [
                _TENANT_PARAM,
                {"name": "X-Admin-Actor", "in": "header", "schema": {"type": "string"}},
            ],
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["state", "reason"],
                    "properties": {
                        "state": _STATE,
                        "reason": {"type": "string", "maxLength": 500, "pattern": _NOT_BLANK},
                        "actor": {"type": "string", "maxLength": 100, "pattern": _NOT_BLANK},
                    },
                }
            ),
            "responses": _ok(_ref("ConsentChange")),
        }
    },
    "/admin/tenants/{tenant}/consent/history": {
        "get": {
            "summary": "Consent changes, newest first",
            "parameters": [_TENANT_PARAM, _LIMIT],
            "responses": _ok(
                {
                    "type": "object",
                    "properties": {
                        "tenant": {"type": "string"},
                        "history": {"type": "array", "items": _ref("ConsentChange")},
                    },
                }
            ),
        }
    },
    "/admin/tenants/{tenant}/policy": {
        "put": {
            "summary": "Assign a loaded policy by name (null: back to default)",
            "parameters": [_TENANT_PARAM],
            "requestBody": _body(
                # `describe()` narrows the names to the policies loaded when it is served.
                {"type": "object", "properties": {"policy": {"type": ["string", "null"]}}}
            ),
            "responses": _ok({"type": "object"}),
        }
    },
    "/admin/keys": {
        "get": {
            "summary": "List client keys (never secrets)",
            "responses": _ok(
                {"type": "object", "properties": {"keys": {"type": "array", "items": _ref("Key")}}}
            ),
        },
        "post": {
            "summary": "Create a key; the secret is returned once",
            "requestBody": _body(
                {
                    "type": "object",
                    "properties": {"tenant": _TENANT_ID, "service": {"type": "boolean"}},
                    # A tenant's key names its tenant; a service key (service: true) none.
                    "anyOf": [
                        {"required": ["tenant"]},
                        {"required": ["service"], "properties": {"service": {"const": True}}},
                    ],
                }
            ),
            "responses": _ok(_ref("Key"), "Created", "201"),
        },
    },
    "/admin/keys/{key_id}": {
        "delete": {
            "summary": "Revoke a key",
            "parameters": [
                {"name": "key_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                **_ok({"type": "object"}),
                "404": {"$ref": "#/components/responses/Error"},
            },
        }
    },
    "/admin/policies": {
        "get": {
            "summary": "Loaded policies and the last reload error",
            "responses": _ok({"type": "object"}),
        }
    },
    "/admin/policies/reload": {
        "post": {
            "summary": "Reload policies/; a broken set keeps the last good one",
            "responses": _ok(_ref("ReloadResult")),
        }
    },
    "/admin/dry-run": {
        "post": {
            "summary": "What a text would look like upstream for a tenant (nothing is sent)",
            "requestBody": _body(
                {
                    "type": "object",
                    "required": ["tenant", "text"],
                    "properties": {
                        "tenant": _TENANT_ID,
                        "text": {"type": "string", "maxLength": 100_000},
                    },
                }
            ),
            "responses": _ok(
                {
                    "type": "object",
                    "properties": {
                        "sent": {"type": "string"},
                        "entities": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "start": {"type": "integer"},
                                    "end": {"type": "integer"},
                                    "replacement": {"type": "string"},
                                    "entity_type": {"type": ["string", "null"]},
                                },
                            },
                        },
                    },
                }
            ),
        }
    },
}

OPENAPI: Json = {
    "openapi": "3.1.0",
    "info": {"title": "redaction-proxy admin API", "version": "1"},
    "security": [{"adminToken": []}],
    "paths": PATHS,
    "components": {
        "schemas": SCHEMAS,
        "responses": {
            "Error": {
                "description": "OpenAI-shaped error",
                "content": {"application/json": {"schema": _ref("Error")}},
            }
        },
        "securitySchemes": {"adminToken": {"type": "http", "scheme": "bearer"}},
    },
}


def describe(policy_names: list[str]) -> Json:
    """The description as served: a policy can only be assigned by a loaded name."""
    described = copy.deepcopy(OPENAPI)
    body = described["paths"]["/admin/tenants/{tenant}/policy"]["put"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    schema["properties"]["policy"] = {"enum": [*policy_names, None]}
    return described
