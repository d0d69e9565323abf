"""The admin dry run: what one text would look like upstream, and what was changed where.

Pure (no aiohttp, no I/O): the text goes through the same exchange the proxy builds for
a chat request of that tenant; the changes are found by diffing the input with what the
exchange would send, so this works with any exchange (passthrough finds none).
"""

from __future__ import annotations

import re
import secrets
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
    """The regions of `original` that differ in `sent`, with what replaced them."""
    matcher = SequenceMatcher(None, original, sent, autojunk=False)
    found = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        replacement = sent[j1:j2]
        named = _TYPE_IN_REPLACEMENT.search(replacement)
        entity = named.group(1).upper() if named else None
        found.append(Change(i1, i2, replacement, entity))
    return tuple(found)


def dry_run(factory: Callable[[RequestContext], Exchange], tenant_id: str, text: str) -> DryRun:
    """Run `text` through the tenant's exchange as one chat message; nothing is sent."""
    ctx = RequestContext(
        endpoint=DRY_RUN_ENDPOINT,
        tenant_id=tenant_id,
        key_id=DRY_RUN_KEY_ID,
        request_id=secrets.token_hex(8),
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
