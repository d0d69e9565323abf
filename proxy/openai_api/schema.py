"""Developer schema (tools, response formats, `stop`): its texts are walked, its keywords are not.

A CRM writes its own data into tool definitions: a parameter's `enum` of contact names, a
`default` owner, a description naming the account. These strings are walked with the messages,
in the same detector run, so the model sees the same placeholders everywhere and the tool calls
it answers with restore right. What is left alone is structure that cannot be personal and must
not change: `type`, `format`, `$ref`, tool and schema `name`s (they must match the tool calls),
`required` and the property names themselves. Inside a data keyword (`enum`, `const`,
`default`, `examples`) everything is data: keys, strings and numbers are walked.
"""

from __future__ import annotations

from typing import Any

from proxy.openai_api.fields import JsonPath, Walk

# Keywords whose string values (or lists of strings) are structure.
_STRUCTURAL = frozenset(
    {
        "type", "format", "$ref", "$schema", "$id", "$anchor", "$dynamicRef", "$dynamicAnchor",
        "name", "required", "syntax", "strict", "namespace",
    }
)  # fmt: skip
# An MCP tool's credentials are meant for OpenAI to call the caller's MCP server with:
# redacting them would only break the tool, so they go as they are.
_MCP_CREDENTIALS = frozenset({"headers", "authorization"})
# Keywords whose values are data the caller supplies.
_DATA = frozenset({"enum", "const", "default", "examples", "example"})


def walk_schema(walk: Walk, value: Any, path: JsonPath) -> None:
    """Walk every text of a tool list, response format, text config or `stop` value."""
    # (node, path, whether it is data); children pushed in reverse pop in document order.
    stack: list[tuple[Any, JsonPath, bool]] = [(value, path, False)]
    while stack:
        node, where, data = stack.pop()
        if data:
            walk.texts(node, where)
        elif isinstance(node, str):
            walk.text(node, where)
        elif isinstance(node, list):
            stack.extend((item, (*where, i), False) for i, item in reversed(list(enumerate(node))))
        elif isinstance(node, dict):
            mcp = node.get("type") == "mcp"
            children = [
                (item, (*where, key), key in _DATA)
                for key, item in node.items()
                if not (key in _STRUCTURAL and _is_names(item))
                and not (mcp and key in _MCP_CREDENTIALS)
            ]
            stack.extend(reversed(children))


def _is_names(value: Any) -> bool:
    return isinstance(value, str | bool) or (
        isinstance(value, list) and all(isinstance(item, str) for item in value)
    )
