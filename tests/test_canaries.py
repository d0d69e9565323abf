"""Canary values sent through every path never show up in a log, an error body or a metric.

Each test sends a request carrying canaries (a fake OpenAI-style key in a header and in the
text, a person's name, an email, a card number, a phone) along one path: success (plain and
streamed, Chat Completions and Responses), the 4xx refusals, an upstream 5xx that echoes the
request, an upstream timeout, a client that hangs up mid-stream and a detector that fails.
It captures every log record of every logger at DEBUG (raw message, arguments, extras and
exception text, and the lines `WhitelistFormatter` writes in json and text), every error
body the client got and the `/metrics` text, then greps them all for the canaries and for
the caller's own key. The upstream must never have received the caller's key, the card,
the name or the email. The metrics must have moved as that path should move them.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import openai
import orjson
import pytest
from prometheus_client.parser import text_string_to_metric_families

from proxy.access_log import WhitelistFormatter
from proxy.consent import ConsentState
from proxy.detect.spans import Span
from proxy.exchange_factory import ExchangeFactory
from proxy.policy import Policy
from proxy.policy_registry import PolicyRegistry
from tests.conftest import RunningProxy, StartProxy

FAKE_KEY = "sk-proj-CanaryKey0a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f"
NAME = "Dana Levi"
EMAIL = "dana.levi@canary-mail.com"
CARD = "4111 1111 1111 1111"
PHONE = "+972 54 123 4567"
CANARIES = (FAKE_KEY, NAME, EMAIL, CARD, "4111111111111111", PHONE, "541234567")
# What the upstream must never see; the fake key in the text as well (it is a SECRET), but
# not in its header: headers other than hop-by-hop ones and Authorization are the caller's.
NEVER_UPSTREAM = (NAME, EMAIL, CARD, "4111111111111111")
# The test's own client (the openai SDK over httpx) logs what it sends: not the proxy's logs.
CLIENT_LOGGERS = ("openai", "httpx", "httpcore", "httpx2", "httpcore2")
TEXT = (
    f"Please write to {NAME} at {EMAIL} about the renewal; her card is {CARD}, "
    f"her mobile {PHONE}, and the integration key is {FAKE_KEY}."
)
MODEL = "gpt-4o-mini"
POLICIES = Path(__file__).resolve().parents[1] / "policies"


class EveryRecord(logging.Handler):
    """Every record of every logger, raw and as the production formatter writes it."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.raw: list[str] = []
        self.json = WhitelistFormatter("json")
        self.text = WhitelistFormatter("text")

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in CLIENT_LOGGERS:
            return
        try:
            message = record.getMessage()
        except Exception:  # a broken template still shows its parts below
            message = repr(record.msg)
        parts = [message, repr(record.args), repr(record.__dict__)]
        if record.exc_info and record.exc_info[1] is not None:
            parts.append("".join(traceback.format_exception(record.exc_info[1])))
        if record.stack_info:
            parts.append(record.stack_info)
        parts += [self.json.format(record), self.text.format(record)]
        self.raw.append("\n".join(parts))


@pytest.fixture
def records() -> Iterator[EveryRecord]:
    """Every logger at DEBUG, all records into one handler on the root logger."""
    handler = EveryRecord()
    root = logging.getLogger()
    saved: dict[logging.Logger, int] = {root: root.level}
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger):
            saved[logger] = logger.level
            logger.setLevel(logging.DEBUG)
    root.setLevel(logging.DEBUG)
    root.addHandler(handler)
    yield handler
    root.removeHandler(handler)
    for logger, level in saved.items():
        logger.setLevel(level)


@dataclass
class CanaryRun:
    """One proxy, what its clients were answered, and the checks every path shares."""

    proxy: RunningProxy
    records: EveryRecord
    error_bodies: list[str] = field(default_factory=list)

    @property
    def root(self) -> str:
        return self.proxy.base_url.removesuffix("/v1")

    def client(self, key: str | None = None) -> openai.AsyncOpenAI:
        return openai.AsyncOpenAI(
            base_url=self.proxy.base_url,
            api_key=key or self.proxy.tenant_secret,
            max_retries=0,
            default_headers={"X-Integration-Key": FAKE_KEY},
        )

    def caught(self, error: openai.APIStatusError) -> None:
        self.error_bodies.append(error.response.text)

    async def post(self, path: str, data: bytes, key: str | None = None) -> tuple[int, str]:
        """A raw POST (for bodies the SDK would not send); its answer is kept as an error."""
        headers = {
            "Authorization": f"Bearer {key or self.proxy.tenant_secret}",
            "Content-Type": "application/json",
            "X-Integration-Key": FAKE_KEY,
        }
        async with (
            aiohttp.ClientSession() as http,
            http.post(f"{self.proxy.base_url}/{path}", data=data, headers=headers) as reply,
        ):
            text = await reply.text()
        self.error_bodies.append(text)
        return reply.status, text

    async def metrics(self) -> str:
        async with aiohttp.ClientSession() as http, http.get(f"{self.root}/metrics") as reply:
            return await reply.text()

    async def finished(self, count: int) -> None:
        """Wait until `count` requests have written their access line (streams end late)."""
        for _ in range(200):
            if sum('"event":"access"' in raw for raw in self.records.raw) >= count:
                return
            await asyncio.sleep(0.02)
        raise AssertionError("the proxy never finished the request")

    async def assert_clean(self) -> str:
        """No canary and no caller key in logs, error bodies or metrics; the upstream saw
        neither the caller's key nor the values it must not see. Returns the metrics."""
        metrics = await self.metrics()
        secret = self.proxy.tenant_secret
        places = {
            "log": "\n".join(self.records.raw),
            "error body": "\n".join(self.error_bodies),
            "metrics": metrics,
        }
        for place, text in places.items():
            for canary in (*CANARIES, secret):
                assert canary not in text, f"a canary is in the {place}"
        for request in self.proxy.upstream.requests:
            body = orjson.dumps(request.body).decode()
            assert secret not in repr(list(request.headers.items())) + body
            for value in (*NEVER_UPSTREAM, FAKE_KEY):
                assert value not in body, "a canary reached the upstream"
        return metrics


def sample(metrics: str, name: str, **labels: str) -> float:
    """One sample's value (0 when absent)."""
    for family in text_string_to_metric_families(metrics):
        for item in family.samples:
            if item.name == name and item.labels == labels:
                return float(item.value)
    return 0.0


def requests_total(metrics: str, route: str, status: int, streamed: bool = False) -> float:
    return sample(
        metrics,
        "redaction_proxy_requests_total",
        route=route,
        status=str(status),
        streamed=str(streamed).lower(),
    )


def refusals(metrics: str, reason: str) -> float:
    return sample(metrics, "redaction_proxy_refusals_total", reason=reason)


def entities(metrics: str, entity: str, action: str) -> float:
    return sample(metrics, "redaction_proxy_entities_total", type=entity, action=action)


@pytest.fixture
async def run(start_proxy: StartProxy, records: EveryRecord) -> CanaryRun:
    return CanaryRun(await start_proxy(upstream_first_byte_timeout=1.0), records)


CHAT = [{"role": "user", "content": TEXT}]


# -- success ------------------------------------------------------------------------------


async def test_a_plain_chat_call_leaks_no_canary_and_counts_what_it_redacted(
    run: CanaryRun,
) -> None:
    reply = await run.client().chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    assert (
        TEXT.replace(CARD, "[REDACTED_CREDIT_CARD]").replace(FAKE_KEY, "[REDACTED_SECRET]")
        == reply.choices[0].message.content
    )
    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 200)
    assert (1.0, 1.0, 1.0, 1.0, 1.0) == (
        entities(metrics, "PERSON", "pseudonymize"),
        entities(metrics, "EMAIL", "pseudonymize"),
        entities(metrics, "PHONE", "pseudonymize"),
        entities(metrics, "CREDIT_CARD", "redact"),
        entities(metrics, "SECRET", "redact"),
    )
    assert (3.0, 3.0, 0.0) == (
        sample(metrics, "redaction_proxy_placeholders_issued_total"),
        sample(metrics, "redaction_proxy_placeholders_restored_total"),
        sample(metrics, "redaction_proxy_placeholders_unrestored_total"),
    )


async def test_a_streamed_chat_call_leaks_no_canary(run: CanaryRun) -> None:
    stream = await run.client().chat.completions.create(model=MODEL, messages=CHAT, stream=True)  # type: ignore[arg-type]
    text = "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])

    assert NAME in text
    await run.finished(1)
    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 200, streamed=True)
    assert 3.0 == sample(metrics, "redaction_proxy_placeholders_restored_total")


async def test_a_plain_responses_call_leaks_no_canary(run: CanaryRun) -> None:
    reply = await run.client().responses.create(model=MODEL, input=TEXT)

    assert EMAIL in reply.output_text
    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/responses", 200)
    assert 1.0 == entities(metrics, "CREDIT_CARD", "redact")


async def test_a_streamed_responses_call_leaks_no_canary(run: CanaryRun) -> None:
    stream = await run.client().responses.create(model=MODEL, input=TEXT, stream=True)
    deltas = [event.delta async for event in stream if event.type == "response.output_text.delta"]

    assert PHONE in "".join(deltas)
    await run.finished(1)
    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/responses", 200, streamed=True)
    assert 3.0 == sample(metrics, "redaction_proxy_placeholders_issued_total")


# -- refusals -----------------------------------------------------------------------------


async def test_a_body_that_is_not_json_is_refused_without_echoing_it(run: CanaryRun) -> None:
    status, _ = await run.post("chat/completions", b'{"messages": "' + TEXT.encode() + b"")

    assert 400 == status
    metrics = await run.assert_clean()
    assert [] == run.proxy.upstream.requests
    assert 1.0 == refusals(metrics, "invalid_request")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 400)


async def test_an_unknown_role_or_part_type_made_of_canaries_is_not_quoted_back(
    run: CanaryRun,
) -> None:
    role = {"model": MODEL, "messages": [{"role": EMAIL, "content": TEXT}]}
    part = {"model": MODEL, "messages": [{"role": "user", "content": [{"type": NAME}]}]}

    statuses = [(await run.post("chat/completions", orjson.dumps(b)))[0] for b in (role, part)]

    assert [400, 400] == statuses
    metrics = await run.assert_clean()
    assert 2.0 == refusals(metrics, "invalid_request")


async def test_a_policy_block_names_the_type_never_the_value(run: CanaryRun) -> None:
    await run.proxy.store.assign_policy("acme", "strict")

    with pytest.raises(openai.BadRequestError) as caught:
        await run.client().chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    run.caught(caught.value)
    assert "blocked_by_policy" == caught.value.code
    metrics = await run.assert_clean()
    assert [] == run.proxy.upstream.requests
    assert 1.0 == refusals(metrics, "policy_block")
    assert (1.0, 1.0, 1.0) == (
        entities(metrics, "EMAIL", "block"),
        entities(metrics, "CREDIT_CARD", "block"),
        entities(metrics, "PERSON", "redact"),
    )


async def test_a_withdrawn_tenant_is_refused_without_a_trace_of_the_request(
    run: CanaryRun,
) -> None:
    await run.proxy.store.set_consent("acme", ConsentState.WITHDRAWN, actor="t", reason="t")

    with pytest.raises(openai.PermissionDeniedError) as caught:
        await run.client().responses.create(model=MODEL, input=TEXT)

    run.caught(caught.value)
    metrics = await run.assert_clean()
    assert [] == run.proxy.upstream.requests
    assert 1.0 == refusals(metrics, "consent")
    assert 1.0 == requests_total(metrics, "/v1/responses", 403)


async def test_a_bad_key_is_never_repeated_anywhere(run: CanaryRun) -> None:
    with pytest.raises(openai.AuthenticationError) as caught:
        await run.client(key=FAKE_KEY).chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    run.caught(caught.value)
    metrics = await run.assert_clean()
    assert [] == run.proxy.upstream.requests
    assert 1.0 == refusals(metrics, "auth")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 401)


# -- upstream failures --------------------------------------------------------------------


async def test_an_upstream_5xx_that_echoes_the_request_echoes_only_placeholders(
    run: CanaryRun,
) -> None:
    run.proxy.upstream.fail_with(500)
    run.proxy.upstream.error_echoes_request = True

    with pytest.raises(openai.InternalServerError) as caught:
        await run.client().chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    run.caught(caught.value)
    assert "[PERSON_1]" in caught.value.response.text  # the echo did reach the client
    metrics = await run.assert_clean()
    assert 1.0 == sample(metrics, "redaction_proxy_upstream_errors_total", cause="status_5xx")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 500)
    assert (3.0, 0.0) == (
        sample(metrics, "redaction_proxy_placeholders_issued_total"),
        sample(metrics, "redaction_proxy_placeholders_restored_total"),
    )


async def test_an_upstream_timeout_leaks_no_canary(run: CanaryRun) -> None:
    run.proxy.upstream.hang = True

    with pytest.raises(openai.APIStatusError) as caught:
        await run.client().chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    run.caught(caught.value)
    assert 504 == caught.value.status_code
    metrics = await run.assert_clean()
    assert 1.0 == sample(metrics, "redaction_proxy_upstream_errors_total", cause="timeout")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 504)


async def test_a_client_that_hangs_up_mid_stream_leaks_no_canary(run: CanaryRun) -> None:
    resume = asyncio.Event()
    run.proxy.upstream.pause_after_first_event = resume
    body = {"model": MODEL, "messages": CHAT, "stream": True}
    headers = {"Authorization": f"Bearer {run.proxy.tenant_secret}", "X-Integration-Key": FAKE_KEY}

    async with aiohttp.ClientSession() as http:
        reply = await http.post(
            f"{run.proxy.base_url}/chat/completions", json=body, headers=headers
        )
        await reply.content.readany()
        reply.close()  # hang up while the upstream is paused after its first event
    await asyncio.wait_for(run.proxy.upstream.client_disconnected.wait(), 5)
    resume.set()

    await run.finished(1)
    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 499, streamed=True)
    assert 0.0 == sample(metrics, "redaction_proxy_streams_in_flight")


# -- fail-closed --------------------------------------------------------------------------


class ExplodingDetector:
    """A detector that fails with the caller's text in its message."""

    def detect_all(self, texts: list[str]) -> list[list[Span]]:
        raise RuntimeError(f"cannot read {texts!r}")


class ExplodingFactory(ExchangeFactory):
    def detector_for(self, policy: Policy) -> Any:
        return ExplodingDetector()


async def test_a_failing_detector_fails_closed_and_its_message_goes_nowhere(
    start_proxy: StartProxy, records: EveryRecord
) -> None:
    factory = ExplodingFactory(PolicyRegistry(POLICIES))
    run = CanaryRun(await start_proxy(exchange_factory=factory), records)

    with pytest.raises(openai.InternalServerError) as caught:
        await run.client().chat.completions.create(model=MODEL, messages=CHAT)  # type: ignore[arg-type]

    run.caught(caught.value)
    assert "redaction_failed" == caught.value.code
    metrics = await run.assert_clean()
    assert [] == run.proxy.upstream.requests
    assert 1.0 == refusals(metrics, "redaction_failed")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 500)


async def test_an_upstream_that_drops_mid_stream_leaks_no_canary(run: CanaryRun) -> None:
    run.proxy.upstream.abort_after_events = 3
    body = {"model": MODEL, "messages": CHAT, "stream": True}
    headers = {"Authorization": f"Bearer {run.proxy.tenant_secret}", "X-Integration-Key": FAKE_KEY}

    async with (
        aiohttp.ClientSession() as http,
        http.post(f"{run.proxy.base_url}/chat/completions", json=body, headers=headers) as reply,
    ):
        events = [line for line in (await reply.text()).split("\n\n") if line]

    error = orjson.loads(events[-1].removeprefix("data: "))
    run.error_bodies.append(events[-1])
    assert "upstream_unavailable" == error["error"]["code"]
    await run.finished(1)
    metrics = await run.assert_clean()
    assert 1.0 == sample(metrics, "redaction_proxy_upstream_errors_total", cause="disconnect")
    assert 1.0 == requests_total(metrics, "/v1/chat/completions", 200, streamed=True)


async def test_a_canary_in_a_model_path_reaches_no_log_or_metric(run: CanaryRun) -> None:
    async with aiohttp.ClientSession() as http:
        url = f"{run.proxy.base_url}/models/{EMAIL}"
        headers = {"Authorization": f"Bearer {run.proxy.tenant_secret}"}
        async with http.get(url, headers=headers) as reply:
            assert 200 == reply.status  # the fake knows every model

    metrics = await run.assert_clean()
    assert 1.0 == requests_total(metrics, "/v1/models/{model}", 200)
