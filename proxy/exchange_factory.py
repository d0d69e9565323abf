"""Builds each request's exchange from its tenant's policy: the one place policy,
detector and redaction meet.

One detection engine is compiled per policy (its allow-list, always-personal terms and
custom patterns) and reused by every request under that policy; a reload that replaces
a policy object replaces its engine on first use. Pure: no aiohttp, no I/O.
"""

from __future__ import annotations

from proxy.detect.engine import DetectionEngine
from proxy.exchange import Exchange, Passthrough
from proxy.openai_api.slots import DEFAULT_MAX_DEPTH
from proxy.policy import Policy
from proxy.policy_registry import PolicyRegistry
from proxy.redaction import RedactingExchange
from proxy.request_context import RequestContext


class ExchangeFactory:
    """`factory(ctx)` -> the exchange for one request (which endpoints a policy opens is
    checked by the web layer, for every route, before any body is read)."""

    def __init__(
        self,
        registry: PolicyRegistry,
        *,
        redaction_enabled: bool = True,
        max_json_depth: int = DEFAULT_MAX_DEPTH,
        memo_texts: int = 4096,
    ) -> None:
        self._registry = registry
        self._redaction_enabled = redaction_enabled
        self._max_json_depth = max_json_depth
        self._memo_texts = memo_texts
        self._engines: dict[str, tuple[Policy, DetectionEngine]] = {}

    def policy_for(self, ctx: RequestContext) -> Policy:
        """The tenant's policy (the default one when none is assigned)."""
        return self._registry.resolve(ctx.policy)

    def detector_for(self, policy: Policy) -> DetectionEngine:
        """The compiled engine of `policy`, built once per policy object."""
        cached = self._engines.get(policy.name)
        if cached is not None and cached[0] is policy:
            return cached[1]
        engine = DetectionEngine(
            allow_terms=policy.allow_terms,
            always_personal_terms=policy.always_redact_terms,
            custom_patterns=policy.custom_patterns,
            memo_texts=self._memo_texts,
        )
        self._engines[policy.name] = (policy, engine)
        return engine

    def warm(self) -> None:
        """Build every loaded policy's engine and load the lexicon now, at start-up, so the
        first request does not pay for it."""
        if self._redaction_enabled:
            for name in self._registry.names():
                self.detector_for(self._registry.get(name)).detect_all(["Dana Levi"])

    def __call__(self, ctx: RequestContext) -> Exchange:
        policy = self.policy_for(ctx)
        if not self._redaction_enabled:
            return Passthrough()
        return RedactingExchange(
            ctx.endpoint,
            self.detector_for(policy),
            policy,
            max_json_depth=self._max_json_depth,  # for JSON inside strings (tool arguments)
        )
