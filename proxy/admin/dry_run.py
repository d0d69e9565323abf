"""The admin dry run: what one text would look like upstream, and what was changed where.

Pure (no aiohttp, no I/O): the text goes through the same exchange the proxy builds for
a chat request of that tenant; the changes are found by diffing the input with what the
exchange would send, so this works with any exchange (passthrough finds none).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from proxy.detect.spans import EntityType
from proxy.errors import ProxyError, RedactionFailed
from proxy.exchange import Exchange
from proxy.request_context import RequestContext

DRY_RUN_ENDPOINT = "chat/completions"
DRY_RUN_KEY_ID = "admin-dry-run"
_TYPE_NAMES = "|".join(sorted((e.value for e in EntityType), key=len, reverse=True))
_PLACEHOLDER = re.compile(rf"\[(?:{_TYPE_NAMES})_\d+\]")
_TYPE_IN_REPLACEMENT = re.compile(rf"(?<![A-Za-z])({_TYPE_NAMES})(?![A-Za-z])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Change:
    """One region of the input that would not go upstream as it is."""

    start: int  # offsets in the input text, end exclusive
    end: int
    replacement: str
    entity_type: str | None  # read from the placeholder when it names one

    def as_json(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "replacement": self.replacement,
            "entity_type": self.entity_type,
        }


@dataclass(frozen=True, slots=True)
class DryRun:
    """The text as it would be sent, and each change made to it."""

    sent: str
    changes: tuple[Change, ...]


def changes_between(original: str, sent: str) -> tuple[Change, ...]:
    """The regions of `original` that differ in `sent`, with what replaced them.

    A character diff may split one replacement where a placeholder happens to share a
    character with the value (`050-1234` -> `[PHONE_1]` shares the `1`): pieces that
    touch the same placeholder are merged back into one change.
    """
    matcher = SequenceMatcher(None, original, sent, autojunk=False)
    pieces = [op[1:] for op in matcher.get_opcodes() if op[0] != "equal"]
    merged: list[list[int]] = []
    for i1, i2, j1, j2 in pieces:
        for placeholder in _PLACEHOLDER.finditer(sent):
            if placeholder.start() < max(j2, j1 + 1) and j1 < placeholder.end():
                j1, j2 = min(j1, placeholder.start()), max(j2, placeholder.end())
        if merged and j1 <= merged[-1][3]:
            last = merged[-1]
            last[1], last[3] = max(last[1], i2), max(last[3], j2)
        else:
            merged.append([i1, i2, j1, j2])
    changes = []
    for i1, i2, j1, j2 in merged:
        replacement = sent[j1:j2]
        named = _TYPE_IN_REPLACEMENT.search(replacement)
        changes.append(Change(i1, i2, replacement, named.group(1).upper() if named else None))
    return tuple(changes)


def dry_run(
    factory: Callable[[RequestContext], Exchange],
    tenant_id: str,
    text: str,
    *,
    policy: str | None = None,
) -> DryRun:
    """Run `text` through the exchange the tenant's requests get (its assigned `policy`)
    as one chat message; nothing is sent."""
    ctx = RequestContext(
        endpoint=DRY_RUN_ENDPOINT,
        tenant_id=tenant_id,
        key_id=DRY_RUN_KEY_ID,
        policy=policy,
    )
    body = {"model": "dry-run", "messages": [{"role": "user", "content": text}]}
    out = factory(ctx).request(body)
    try:
        sent = out["messages"][0]["content"]
    except (KeyError, IndexError, TypeError):
        raise RedactionFailed("The exchange returned a body the dry run cannot read.") from None
    if not isinstance(sent, str):
        raise ProxyError("The exchange returned a non-text message.")
    return DryRun(sent=sent, changes=changes_between(text, sent))
