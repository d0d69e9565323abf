"""The factory builds each request's exchange from the tenant's policy, one engine per policy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from proxy.exchange import Passthrough
from proxy.exchange_factory import ExchangeFactory
from proxy.policy_registry import PolicyRegistry
from proxy.redaction import RedactingExchange
from proxy.request_context import RequestContext

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def registry(tmp_path: Path) -> PolicyRegistry:
    shutil.copytree(ROOT / "policies", tmp_path / "policies")
    return PolicyRegistry(tmp_path / "policies")


def _ctx(policy: str | None = None) -> RequestContext:
    return RequestContext(endpoint="chat/completions", tenant_id="acme", key_id="k", policy=policy)


def test_requests_under_one_policy_share_one_engine(registry: PolicyRegistry) -> None:
    factory = ExchangeFactory(registry)

    first = factory.detector_for(registry.get("strict"))
    second = factory.detector_for(registry.get("strict"))

    assert first is second
    assert first is not factory.detector_for(registry.get("default"))


@pytest.mark.parametrize(("memo_texts", "remembered"), [(4096, 2), (0, 0)])
def test_the_engine_remembers_as_many_texts_as_configured(
    registry: PolicyRegistry, memo_texts: int, remembered: int
) -> None:
    engine = ExchangeFactory(registry, memo_texts=memo_texts).detector_for(registry.get("default"))

    engine.detect_all(["Met Dana Levi.", "Call her on Monday."])

    assert engine.remembered_texts == remembered


def test_a_reload_that_replaces_a_policy_replaces_its_engine(registry: PolicyRegistry) -> None:
    factory = ExchangeFactory(registry)
    before = factory.detector_for(registry.get("default"))
    path = registry.directory / "default.yaml"
    path.write_text(path.read_text().replace("allow_terms:\n", "allow_terms:\n  - Dana\n"))

    assert registry.reload().ok
    after = factory.detector_for(registry.get("default"))

    assert before is not after
    assert (1, 0) == (
        len(before.detect("Ask Dana about it.")),
        len(after.detect("Ask Dana about it.")),
    )


def test_the_tenants_policy_decides_the_actions(registry: PolicyRegistry) -> None:
    body = {"model": "m", "messages": [{"role": "user", "content": "Mail dana.levi@acme.io"}]}
    factory = ExchangeFactory(registry)

    sent = factory(_ctx()).request(dict(body, messages=[dict(body["messages"][0])]))

    assert isinstance(factory(_ctx("strict")), RedactingExchange)
    assert "Mail [EMAIL_1]" == sent["messages"][0]["content"]


def test_with_redaction_off_every_exchange_passes_through(registry: PolicyRegistry) -> None:
    factory = ExchangeFactory(registry, redaction_enabled=False)

    assert isinstance(factory(_ctx("strict")), Passthrough)
