"""The OpenAPI 3.1 description of the admin API, served at /admin/openapi.json."""

from __future__ import annotations

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


_TENANT_PARAM: Json = {
    "name": "tenant",
    "in": "path",
    "required": True,
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"},
}
_LIMIT: Json = {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 0}}
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
                {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}},
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
                        "reason": {"type": "string", "minLength": 1, "maxLength": 500},
                        "actor": {"type": "string", "maxLength": 100},
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
                    "properties": {"tenant": {"type": "string"}, "service": {"type": "boolean"}},
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
                    "properties": {"tenant": {"type": "string"}, "text": {"type": "string"}},
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
