"""Typed keys of the application and request state, and who is calling."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web

from proxy.consent import ConsentGate
from proxy.exchange import Exchange
from proxy.metrics import ProxyMetrics
from proxy.policy_registry import PolicyRegistry
from proxy.request_context import RequestContext
from proxy.request_trace import RequestTrace
from proxy.settings import Settings
from proxy.store import Store
from proxy.upstream import Upstream

# Builds the exchange of one request (pseudonymize out, restore in, or pass through).
MakeExchange = Callable[[RequestContext], Exchange]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass(frozen=True, slots=True)
class Caller:
    """Who is calling, once authenticated (and, past the consent gate, their policy)."""

    tenant_id: str
    key_id: str
    policy: str | None = None


SETTINGS = web.AppKey("settings", Settings)
STORE = web.AppKey("store", Store)
UPSTREAM = web.AppKey("upstream", Upstream)
EXCHANGE_FACTORY: web.AppKey[MakeExchange] = web.AppKey("exchange_factory")
METRICS = web.AppKey("metrics", ProxyMetrics)
CONSENT_GATE = web.AppKey("consent_gate", ConsentGate)
POLICIES = web.AppKey("policies", PolicyRegistry)
CALLER = web.RequestKey("caller", Caller)
TRACE = web.RequestKey("trace", RequestTrace)
