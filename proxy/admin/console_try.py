"""The console's try-it panel: a sample text through a tenant's exchange, shown as what
would go upstream, with each changed region highlighted on both sides. Nothing is sent.

It uses the proxy's own exchange factory with the tenant's assigned policy, so what the
panel shows is what a chat request of that tenant would send.
"""

from __future__ import annotations

from dataclasses import dataclass

from aiohttp import web

from proxy.admin.console_auth import SESSION
from proxy.admin.dry_run import Change, dry_run
from proxy.admin.rendering import render
from proxy.errors import ProxyError
from proxy.web.keys import EXCHANGE_FACTORY, STORE

MAX_TEXT_CHARS = 20_000
TENANTS_OFFERED = 500


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of text; `entity` names what it was found to be (None: unchanged)."""

    text: str
    entity: str | None = None

    @property
    def changed(self) -> bool:
        return self.entity is not None


def segments(
    original: str, sent: str, changes: tuple[Change, ...]
) -> tuple[list[Segment], list[Segment]]:
    """The input and the sent text, each cut into unchanged and changed pieces."""
    before: list[Segment] = []
    after: list[Segment] = []
    position = 0
    for change in changes:
        if change.start > position:
            same = original[position : change.start]
            before.append(Segment(same))
            after.append(Segment(same))
        label = change.entity_type or "CHANGED"
        if change.end > change.start:
            before.append(Segment(original[change.start : change.end], label))
        if change.replacement:
            after.append(Segment(change.replacement, label))
        position = change.end
    if position < len(original):
        before.append(Segment(original[position:]))
        after.append(Segment(original[position:]))
    if "".join(s.text for s in after) != sent:
        # The diff did not line up piece by piece: show the sent text as one piece.
        after = [Segment(sent)]
    return before, after


async def _tenant_ids(request: web.Request) -> list[str]:
    tenants = await request.app[STORE].list_tenants(limit=TENANTS_OFFERED)
    return [t.id for t in tenants]


async def try_page(request: web.Request) -> web.StreamResponse:
    return render(
        "try.html",
        session=request[SESSION],
        tenants=await _tenant_ids(request),
        chosen=request.query.get("tenant", ""),
        text="",
        result=None,
        error="",
        max_chars=MAX_TEXT_CHARS,
    )


async def try_run(request: web.Request) -> web.StreamResponse:
    form = await request.post()
    tenant_id = form.get("tenant")
    text = form.get("text")
    tenant_id = tenant_id if isinstance(tenant_id, str) else ""
    text = text.replace("\r\n", "\n") if isinstance(text, str) else ""
    error, result, status = "", None, 200
    tenant = await request.app[STORE].get_tenant(tenant_id) if tenant_id else None
    if tenant is None:
        error, status = "Pick a tenant from the list.", 400
    elif not text.strip():
        error, status = "Paste a text to try.", 400
    elif len(text) > MAX_TEXT_CHARS:
        error, status = f"Keep the text under {MAX_TEXT_CHARS} characters.", 400
    else:
        policy = tenant.policy
        try:
            run = dry_run(request.app[EXCHANGE_FACTORY], tenant.id, text, policy=policy)
        except ProxyError as refusal:
            # e.g. a policy that blocks the request: its message names a type, never a value.
            error, status = f"The proxy would refuse this text: {refusal.message}", 200
        else:
            original, sent = segments(text, run.sent, run.changes)
            result = {
                "original": original,
                "sent": sent,
                "count": len(run.changes),
                "policy": policy or "default",
            }
    return render(
        "try.html",
        status=status,
        session=request[SESSION],
        tenants=await _tenant_ids(request),
        chosen=tenant_id,
        text=text,
        result=result,
        error=error,
        max_chars=MAX_TEXT_CHARS,
    )
