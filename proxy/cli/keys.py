"""`redaction-proxy keys`: create, list and revoke the keys callers use."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TypeVar

from proxy.cli.store_access import with_store
from proxy.request_context import is_valid_tenant_id

T = TypeVar("T")


def register(subparsers: Any) -> None:
    keys = subparsers.add_parser("keys", help="Manage caller keys (store from PROXY_DATABASE_URL).")
    actions = keys.add_subparsers(dest="keys_command", required=True)

    create = actions.add_parser("create", help="Issue a key; prints the secret once, last.")
    bound = create.add_mutually_exclusive_group(required=True)
    bound.add_argument("--tenant", help="Bind the key to this tenant.")
    bound.add_argument(
        "--service",
        action="store_true",
        help="A service key: acts for the tenant named in each request's X-Tenant-ID.",
    )
    create.set_defaults(handler=create_key)

    listing = actions.add_parser("list", help="List keys (never their secrets).")
    listing.set_defaults(handler=list_keys)

    revoke = actions.add_parser("revoke", help="Revoke a key by its id (key_…).")
    revoke.add_argument("key_id")
    revoke.set_defaults(handler=revoke_key)


def create_key(args: argparse.Namespace) -> int:
    tenant: str | None = None if args.service else args.tenant
    if tenant is not None and not is_valid_tenant_id(tenant):
        print("error: a tenant id is 1-128 letters, digits and ._:@-", file=sys.stderr)
        return 2
    issued = with_store(lambda store: store.create_key(tenant_id=tenant))
    print(f"id:     {issued.key.id}")
    print(f"tenant: {issued.key.tenant_id or '(service key: send X-Tenant-ID)'}")
    print("secret (shown once; only its hash is stored):")
    print(issued.secret)
    return 0


def list_keys(args: argparse.Namespace) -> int:
    keys = with_store(lambda store: store.list_keys())
    print(f"{'ID':<22} {'TENANT':<24} {'CREATED (UTC)':<20} STATUS")
    for key in keys:
        tenant = key.tenant_id or "(service)"
        created = key.created_at.strftime("%Y-%m-%d %H:%M:%S")
        status = "active" if key.is_active else "revoked"
        print(f"{key.id:<22} {tenant:<24} {created:<20} {status}")
    return 0


def revoke_key(args: argparse.Namespace) -> int:
    revoked = with_store(lambda store: store.revoke_key(args.key_id))
    if not revoked:
        print(f"error: no active key {args.key_id}", file=sys.stderr)
        return 1
    print(f"revoked {args.key_id}")
    return 0
