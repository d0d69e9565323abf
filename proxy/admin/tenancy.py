"""Wires per-tenant state into the app: the consent gate with its change feed, and the
policy registry with reload on SIGHUP.

`install_tenancy(app)` is called once by `build_app`, after the store's cleanup context,
so the gate is built on the opened store.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from collections.abc import AsyncIterator

from aiohttp import web

from proxy.consent import ConsentGate
from proxy.policy_registry import PolicyRegistry, ReloadResult
from proxy.web.keys import CONSENT_GATE, METRICS, POLICIES, SETTINGS, STORE

log = logging.getLogger("proxy.tenancy")


def install_tenancy(app: web.Application) -> None:
    """Load the policies now (a broken set stops start-up) and add the cleanup contexts."""
    if POLICIES not in app:
        app[POLICIES] = PolicyRegistry(app[SETTINGS].policy_dir)
    app.cleanup_ctx.append(consent_ctx)
    app.cleanup_ctx.append(sighup_ctx)


async def consent_ctx(app: web.Application) -> AsyncIterator[None]:
    """The gate, and for a shared store the feed that lets it cache safely."""
    store = app[STORE]
    gate = ConsentGate(store, app[SETTINGS].unknown_tenant_consent)
    app[CONSENT_GATE] = gate
    feed = store.tenant_feed(gate)
    if feed is not None:
        await feed.start()
    try:
        yield
    finally:
        if feed is not None:
            await feed.stop()


def reload_policies(app: web.Application) -> ReloadResult:
    """Reload `policies/`; a broken set is kept out, logged (file:line: field) and counted."""
    result = app[POLICIES].reload()
    app[METRICS].policy_reload(result.ok)
    if result.ok:
        log.info("policies reloaded: %s", ", ".join(result.names))
    else:
        # PolicyInvalid messages name file, line and field and never echo values.
        log.error("policy reload failed; keeping %s\n%s", ", ".join(result.names), result.error)
    return result


async def sighup_ctx(app: web.Application) -> AsyncIterator[None]:
    """SIGHUP reloads the policies (only where signals can be handled: the main thread)."""
    loop = asyncio.get_running_loop()
    installed = False
    if threading.current_thread() is threading.main_thread():
        try:
            loop.add_signal_handler(signal.SIGHUP, reload_policies, app)
            installed = True
        except (NotImplementedError, RuntimeError, AttributeError):
            log.warning("SIGHUP reload unavailable on this platform")
    try:
        yield
    finally:
        if installed:
            loop.remove_signal_handler(signal.SIGHUP)
