"""The access line has exactly the issue's fields; no free text reaches any log line."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from dataclasses import fields
from datetime import UTC, datetime

import orjson
import pytest

from proxy.access_log import (
    AccessRecord,
    ConsentDecision,
    TokenUsage,
    configure_logging,
    log_access,
    safe_model,
)
from proxy.detect.spans import EntityType
from proxy.policy import Action

CANARY = "CANARY Dana Levi 4111-1111-1111-1111 sk-canary0123456789"

FIELDS = [
    "request_id",
    "time",
    "tenant",
    "key_id",
    "endpoint",
    "model",
    "streamed",
    "status",
    "total_ms",
    "upstream_ms",
    "redaction_ms",
    "entities",
    "consent",
    "policy",
    "usage",
]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    configure_logging("DEBUG", "json", stream)
    yield stream
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in saved[0]:
        root.addHandler(handler)
    root.setLevel(saved[1])


def record(**overrides: object) -> AccessRecord:
    values: dict[str, object] = {
        "request_id": "req_01HX",
        "tenant": "acme",
        "key_id": "key_7",
        "endpoint": "/v1/chat/completions",
        "model": "gpt-4o-mini",
        "streamed": True,
        "status": 200,
        "total_ms": 812.4567,
        "upstream_ms": 790.0,
        "redaction_ms": 3.2,
        "entities": {
            (EntityType.PERSON, Action.PSEUDONYMIZE): 2,
            (EntityType.CREDIT_CARD, Action.REDACT): 1,
        },
        "consent": ConsentDecision.GRANTED,
        "policy": "default",
        "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
        "time": datetime(2026, 11, 24, 22, 0, tzinfo=UTC),
    }
    values.update(overrides)
    return AccessRecord.build(**values)  # type: ignore[arg-type]


def lines(stream: io.StringIO) -> list[dict[str, object]]:
    return [orjson.loads(line) for line in stream.getvalue().splitlines()]


def test_the_record_has_exactly_the_issue_fields() -> None:
    assert FIELDS == [item.name for item in fields(AccessRecord)]


def test_one_json_object_per_request_with_the_record_fields(captured: io.StringIO) -> None:
    log_access(record())

    (line,) = lines(captured)
    assert ["event", *FIELDS] == list(line)
    assert {
        "event": "access",
        "request_id": "req_01HX",
        "time": "2026-11-24T22:00:00.000+00:00",
        "tenant": "acme",
        "key_id": "key_7",
        "endpoint": "/v1/chat/completions",
        "model": "gpt-4o-mini",
        "streamed": True,
        "status": 200,
        "total_ms": 812.457,
        "upstream_ms": 790.0,
        "redaction_ms": 3.2,
        "entities": {"PERSON": {"pseudonymize": 2}, "CREDIT_CARD": {"redact": 1}},
        "consent": "granted",
        "policy": "default",
        "usage": {"prompt_tokens": 120, "completion_tokens": 30, "total_tokens": 150},
    } == line


def test_responses_api_usage_names_are_mapped() -> None:
    assert TokenUsage(10, 5, 15) == TokenUsage.from_upstream(
        {"input_tokens": 10, "output_tokens": 5, "total_tokens": 15, "note": CANARY}
    )


def test_a_model_name_that_is_not_a_model_name_becomes_other() -> None:
    assert ("gpt-4o-2024-08-06", "other", "other", "other") == (
        safe_model("gpt-4o-2024-08-06"),
        safe_model("gpt-4o please summarise Dana Levi"),
        safe_model("x" * 65),
        safe_model(None),
    )


def test_a_canary_in_any_free_text_attribute_does_not_appear(captured: io.StringIO) -> None:
    log_access(
        record(
            request_id=CANARY,
            tenant=CANARY,
            key_id=CANARY,
            endpoint=CANARY,
            model=CANARY,
            policy=CANARY,
            entities={(CANARY, CANARY): 1},
            usage={"prompt_tokens": CANARY, "total_tokens": 3},
        )
    )
    log = logging.getLogger("proxy.test")
    log.info("user wrote %s", CANARY)
    log.warning("upstream said %r", {"content": CANARY}, extra={"body": CANARY, "msg2": CANARY})
    try:
        raise ValueError(CANARY)
    except ValueError:
        log.exception("redaction failed")
    log.error("stack", stack_info=True)
    logging.getLogger("aiohttp.access").info(f'"POST /v1/chat/completions?q={CANARY}"')

    text = captured.getvalue()
    # The root logger is at DEBUG here: a record another library emits meanwhile (asyncio
    # collecting a previous test's loop) may add a line; count only the lines written above,
    # but look for the canary in every line.
    ours = [
        line
        for line in text.splitlines()
        if json.loads(line).get("logger") in ("proxy.test", "aiohttp.access")
        or json.loads(line).get("event") == "access"
    ]
    assert 5 == len(ours)
    for part in CANARY.split():
        assert part not in text


def test_other_records_show_the_template_level_and_exception_type(
    captured: io.StringIO,
) -> None:
    try:
        raise KeyError(CANARY)
    except KeyError:
        logging.getLogger("proxy.upstream").exception("upstream reply broken: %s")

    (line,) = lines(captured)
    assert ("ERROR", "proxy.upstream", "upstream reply broken: %s", "KeyError") == (
        line["level"],
        line["logger"],
        line["event"],
        line["exc_type"],
    )


def test_a_multi_line_template_stays_one_line(captured: io.StringIO) -> None:
    logging.getLogger("proxy.x").warning("first\nsecond")

    assert ["first second"] == [line["event"] for line in lines(captured)]


def test_readable_format_shows_the_same_fields_on_one_line() -> None:
    stream = io.StringIO()
    root = logging.getLogger()
    saved = list(root.handlers)
    try:
        configure_logging("INFO", "text", stream)
        log_access(record(model=CANARY))
        logging.getLogger("proxy.x").debug("hidden below INFO")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved:
            root.addHandler(handler)

    (line,) = stream.getvalue().splitlines()
    assert line.startswith("2026-11-24T22:00:00.000+00:00 ACCESS request_id=req_01HX tenant=acme")
    assert "model=other" in line and "CANARY" not in line
