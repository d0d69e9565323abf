"""`redaction-proxy consent` and `tenants`: set, show and audit a tenant's AI consent.

Works on whichever store PROXY_DATABASE_URL names. On Postgres the change NOTIFYs every
running replica in its own transaction; on SQLite the proxy reads the file per request,
so either way the next request sees it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any, TypeVar

from proxy.cli.store_access import with_store
from proxy.consent import ConsentState
from proxy.request_context import is_valid_tenant_id
from proxy.settings import Settings

T = TypeVar("T")


def register(subparsers: Any) -> None:
    consent = subparsers.add_parser("consent", help="Set, show and audit a tenant's AI consent.")
    actions = consent.add_subparsers(dest="consent_command", required=True)

    setter = actions.add_parser("set", help="Grant or withdraw consent (recorded in history).")
    setter.add_argument("tenant")
    setter.add_argument("state", choices=[s.value for s in ConsentState])
    setter.add_argument("--reason", required=True, help="Why (kept in the history).")
    setter.add_argument("--actor", help="Who (default: the OS user).")
    setter.set_defaults(handler=set_consent)

    show = actions.add_parser("show", help="The tenant's effective consent and policy.")
    show.add_argument("tenant")
    show.set_defaults(handler=show_consent)

    history = actions.add_parser("history", help="Consent changes, newest first.")
    history.add_argument("tenant")
    history.add_argument("--limit", type=int, default=100)
    history.set_defaults(handler=consent_history)

    tenants = subparsers.add_parser("tenants", help="List tenants the proxy knows.")
    listing = tenants.add_subparsers(dest="tenants_command", required=True)
    ls = listing.add_parser("list", help="Tenants, oldest first.")
    ls.add_argument("--search")
    ls.add_argument("--limit", type=int, default=100)
    ls.add_argument("--offset", type=int, default=0)
    ls.set_defaults(handler=list_tenants)


def _valid(tenant: str) -> bool:
    if is_valid_tenant_id(tenant):
        return True
    print("error: a tenant id is 1-128 letters, digits and ._:@-", file=sys.stderr)
    return False


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def set_consent(args: argparse.Namespace) -> int:
    if not _valid(args.tenant):
        return 2
    reason = args.reason.strip()
    if not reason:
        print("error: --reason must not be empty", file=sys.stderr)
        return 2
    actor = (args.actor or "").strip() or _os_user()
    state = ConsentState(args.state)
    change = with_store(
        lambda store: store.set_consent(args.tenant, state, actor=actor, reason=reason)
    )
    print(f"{change.tenant_id}: consent {change.state.value} by {change.actor} at {change.at}")
    return 0


def show_consent(args: argparse.Namespace) -> int:
    if not _valid(args.tenant):
        return 2
    settings = Settings()
    tenant = with_store(lambda store: store.get_tenant(args.tenant))
    recorded = None if tenant is None else tenant.consent
    effective = recorded or ConsentState(settings.unknown_tenant_consent)
    source = "recorded" if recorded else "default for unknown tenants"
    print(f"tenant:  {args.tenant}{'' if tenant else ' (never seen)'}")
    print(f"consent: {effective.value} ({source})")
    print(f"policy:  {(tenant.policy if tenant else None) or 'default'}")
    if tenant is not None and tenant.consent_changed_at is not None:
        print(f"changed: {tenant.consent_changed_at.isoformat()}")
    return 0


def consent_history(args: argparse.Namespace) -> int:
    if not _valid(args.tenant):
        return 2
    changes = with_store(lambda store: store.consent_history(args.tenant, limit=args.limit))
    print(f"{'AT (UTC)':<26} {'STATE':<10} {'ACTOR':<20} REASON")
    for change in changes:
        at = change.at.strftime("%Y-%m-%d %H:%M:%S.%f")
        print(f"{at:<26} {change.state.value:<10} {change.actor:<20} {change.reason}")
    return 0


def list_tenants(args: argparse.Namespace) -> int:
    settings = Settings()
    tenants = with_store(
        lambda store: store.list_tenants(search=args.search, limit=args.limit, offset=args.offset)
    )
    print(f"{'TENANT':<30} {'CONSENT':<10} POLICY")
    for tenant in tenants:
        consent = (tenant.consent or ConsentState(settings.unknown_tenant_consent)).value
        print(f"{tenant.id:<30} {consent:<10} {tenant.policy or 'default'}")
    return 0
