"""The shipped alert rules and dashboard are valid and use only metrics the proxy exports."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from proxy.metrics import ProxyMetrics
from proxy.settings import Settings

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
RULES = DEPLOY / "prometheus-rules.yml"
RULES_TESTS = DEPLOY / "prometheus-rules.test.yml"
DASHBOARD = DEPLOY / "grafana-dashboard.json"
METRIC_NAME = re.compile(r"\bredaction_proxy_[a-z0-9_]+")
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__range": "1h", "$__interval": "1m"}

promtool = shutil.which("promtool")
needs_promtool = pytest.mark.skipif(
    promtool is None, reason="promtool not on PATH (Debian: apt-get install prometheus)"
)


def exported_series_names() -> set[str]:
    names: set[str] = set()
    for family in ProxyMetrics(Settings()).registry.collect():
        suffixes = {
            "counter": ("_total",),
            "histogram": ("_bucket", "_count", "_sum"),
            "gauge": ("",),
        }[family.type]
        names.update(family.name + suffix for suffix in suffixes)
    return names


def rule_expressions() -> list[str]:
    document = yaml.safe_load(RULES.read_text())
    return [rule["expr"] for group in document["groups"] for rule in group["rules"]]


def dashboard_expressions() -> list[str]:
    dashboard = json.loads(DASHBOARD.read_text())
    return [target["expr"] for panel in dashboard["panels"] for target in panel["targets"]]


def as_prometheus(expr: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        expr = expr.replace(variable, value)
    return expr


def test_every_metric_in_the_rules_is_exported() -> None:
    used = {name for expr in rule_expressions() for name in METRIC_NAME.findall(expr)}

    assert set() == used - exported_series_names()
    assert len(used) >= 5


def test_every_metric_on_the_dashboard_is_exported() -> None:
    used = {name for expr in dashboard_expressions() for name in METRIC_NAME.findall(expr)}

    assert set() == used - exported_series_names()
    assert len(used) >= 10


def test_the_dashboard_covers_what_operators_watch() -> None:
    titles = " | ".join(p["title"] for p in json.loads(DASHBOARD.read_text())["panels"]).lower()

    for topic in ("traffic", "p99", "error rate", "redactions", "refusals", "restoration",
                  "streams in flight", "consent"):  # fmt: skip
        assert topic in titles


def test_the_alerts_cover_the_issue() -> None:
    alerts = {rule["alert"] for group in yaml.safe_load(RULES.read_text())["groups"]
              for rule in group["rules"]}  # fmt: skip

    assert {
        "RedactionProxyHighErrorRate",
        "RedactionProxyLatencySLO",
        "RedactionProxyFailClosed",
        "RedactionProxyRestorationMisses",
        "RedactionProxyConsentRefusalsSpike",
        "RedactionProxyUpstreamErrors",
    } <= alerts


@needs_promtool
def test_promtool_accepts_the_rules() -> None:
    result = subprocess.run(
        [str(promtool), "check", "rules", str(RULES)], capture_output=True, text=True, check=False
    )

    assert 0 == result.returncode, result.stdout + result.stderr


@needs_promtool
def test_the_alerts_fire_as_their_unit_tests_expect() -> None:
    result = subprocess.run(
        [str(promtool), "test", "rules", str(RULES_TESTS)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert 0 == result.returncode, result.stdout + result.stderr


@needs_promtool
def test_promtool_parses_every_dashboard_query(tmp_path: Path) -> None:
    rules = [
        {"record": f"dashboard:query_{index}", "expr": as_prometheus(expr)}
        for index, expr in enumerate(dashboard_expressions())
    ]
    path = tmp_path / "dashboard-queries.yml"
    path.write_text(yaml.safe_dump({"groups": [{"name": "dashboard", "rules": rules}]}))

    result = subprocess.run(
        [str(promtool), "check", "rules", str(path)], capture_output=True, text=True, check=False
    )

    assert 0 == result.returncode, result.stdout + result.stderr
