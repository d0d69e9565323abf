"""Developer schema: its texts and data are walked, its structure and MCP credentials are not."""

from __future__ import annotations

from typing import Any

from proxy.openai_api.fields import Walk
from proxy.openai_api.schema import walk_schema


def _walked(value: Any) -> list[tuple[Any, ...]]:
    walk = Walk()
    walk_schema(walk, value, ("tools",))
    return [tuple(field.path) for field in walk.fields]


def test_descriptions_and_enum_values_are_walked_but_types_and_names_are_not() -> None:
    tool = {
        "type": "function",
        "function": {
            "name": "assign_owner",
            "description": "Assign the deal to an owner, e.g. Dana Levi",
            "parameters": {
                "type": "object",
                "properties": {"owner": {"type": "string", "enum": ["Dana Levi", "Avi Cohen"]}},
                "required": ["owner"],
            },
        },
    }

    paths = _walked([tool])

    assert ("tools", 0, "function", "description") in paths
    enum = ("tools", 0, "function", "parameters", "properties", "owner", "enum")
    assert [(*enum, 0), (*enum, 1)] == [p for p in paths if p[: len(enum)] == enum]
    assert not any(p[-1] in {"name", "type", "required"} for p in paths)


def test_an_mcp_tools_credentials_are_not_walked_but_its_description_is() -> None:
    tool = {
        "type": "mcp",
        "server_label": "crm",
        "server_url": "https://mcp.example.com",
        "headers": {"Authorization": "Bearer secret-token"},
        "authorization": "secret-token",
        "server_description": "Contacts of Dana Levi's team",
    }

    paths = _walked([tool])

    assert not any(p[2] in {"headers", "authorization"} for p in paths)
    assert ("tools", 0, "server_description") in paths
