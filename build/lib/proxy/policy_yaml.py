"""YAML documents read with the line of every key, so config errors can point at it.

PyYAML's `safe_load` forgets where things were. Here the document is composed into
its node tree (safe tags only) and turned into plain data while every mapping key
and list item records its 1-based line under its path, e.g.
`("custom_patterns", 0, "regex") -> 12`. Duplicate keys, which `safe_load` would
silently collapse to the last one, are reported instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path = tuple[str | int, ...]


class YamlProblem(Exception):
    """The text is not a YAML document this loader accepts; carries a 1-based line."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class LinedDocument:
    """Plain data (dicts, lists, scalars) plus the line of every key and item."""

    data: Any
    lines: dict[Path, int] = field(default_factory=dict)

    def line_of(self, path: Path) -> int:
        """The line of `path`, or of its nearest ancestor the document knows; 1 at worst."""
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1


def load_lined(text: str) -> LinedDocument:
    """Parse one YAML document; raises YamlProblem on syntax errors and duplicate keys."""
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return LinedDocument(None)
        lines: dict[Path, int] = {}
        data = _to_data(loader, root, (), lines)
        return LinedDocument(data, lines)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = error.problem or error.context or "not valid YAML"
        raise YamlProblem(
            line,
            f"YAML syntax error: {problem}; check the indentation and quoting on this "
            "line and the one before",
        ) from None
    except yaml.YAMLError:
        raise YamlProblem(1, "YAML syntax error: not a single valid document") from None
    finally:
        loader.dispose()


_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _to_data(loader: yaml.SafeLoader, node: yaml.Node, path: Path, lines: dict[Path, int]) -> Any:
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_TAGS:
        # Scalars go through the safe constructor, which refuses unknown tags itself.
        raise YamlProblem(
            node.start_mark.line + 1, "YAML tags such as !!python/... are not allowed; remove it"
        )
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(line, "a mapping key must be a plain word, not a list or mapping")
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | bool | float) and key is not None:
                raise YamlProblem(line, "a mapping key must be a plain word")
            if key in result:
                raise YamlProblem(line, f"duplicate key {str(key)[:40]!r}; keep only one of them")
            child = (*path, key if isinstance(key, str | int) else str(key))
            lines[child] = line
            result[key] = _to_data(loader, value_node, child, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        items: list[Any] = []
        for index, item_node in enumerate(node.value):
            child = (*path, index)
            lines[child] = item_node.start_mark.line + 1
            items.append(_to_data(loader, item_node, child, lines))
        return items
    return loader.construct_object(node, deep=True)
