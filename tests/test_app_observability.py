"""Every request leaves one access line, moves the metrics, and carries its request id."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import aiohttp
import openai
import orjson
import pytest

from proxy.access_log import ACCESS_LOGGER, WhitelistFormatter
from tests.conftest import RunningProxy, StartProxy


class AccessLines(logging.Handler):
    """Access lines exactly as the JSON formatter writes them in production."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(WhitelistFormatter("json"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))

    def parsed(self) -> list[dict[str, object]]:
        return [orjson.loads(line) for line in self.lines]


@pytest.fixture
def access() -> Iterator[AccessLines]:
    """Capture the access lines written during the test."""
    handler = AccessLines()
    logger = logging.getLogger(ACCESS_LOGGER)
    logger.addHandler(handler)
    old = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old)


def _client(proxy: RunningProxy) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


async def _metrics(proxy: RunningProxy, path: str = "/metrics", **headers: str) -> str:
    async with (
        aiohttp.ClientSession() as session,
        session.get(proxy.base_url.removesuffix("/v1") + path, headers=headers) as response,
    ):
        assert response.status == 200
        return await response.text()


def _sample(text: str, name: str, **labels: str) -> float:
    """The value of one sample, 0 when absent."""
    want = ",".join(f'{k}="{v}"' for k, v in sorted(labels.items()))
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        metric, _, value = line.rpartition(" ")
        head, _, rest = metric.partition("{")
        got = ",".join(sorted(rest.rstrip("}").split(","))) if rest else ""
        if head == name and got == want:
            return float(value)
    return 0.0


async def test_the_request_id_header_matches_the_access_line(
    proxy: RunningProxy, access: AccessLines
) -> None:

    raw = await _client(proxy).chat.completions.with_raw_response.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "hello there"}]
    )

    [line] = access.parsed()
    assert raw.headers["x-request-id"] == line["request_id"]
    assert {
        "event": "access",
        "tenant": "acme",
        "key_id": proxy.tenant_key_id,
        "endpoint": "/v1/chat/completions",
        "model": "gpt-4o-mini",
        "streamed": False,
        "status": 200,
    }.items() <= line.items()
    assert line["usage"] is not None
    assert "hello there" not in access.lines[0]


async def test_a_streamed_call_is_logged_as_streamed_with_its_usage(
    proxy: RunningProxy, access: AccessLines
) -> None:

    stream = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "stream me"}],
        stream=True,
        stream_options={"include_usage": True},
    )
    async for _ in stream:
        pass

    [line] = access.parsed()
    assert (True, 200) == (line["streamed"], line["status"])
    assert isinstance(line["upstream_ms"], float)


async def test_refusals_are_answered_with_an_id_and_counted_by_reason(proxy: RunningProxy) -> None:
    client = openai.AsyncOpenAI(base_url=proxy.base_url, api_key="rp-wrong", max_retries=0)

    with pytest.raises(openai.AuthenticationError) as caught:
        await client.models.list()

    assert caught.value.response.headers.get("x-request-id")
    text = await _metrics(proxy)
    assert 1.0 == _sample(text, "redaction_proxy_refusals_total", reason="auth")
    assert 1.0 == _sample(
        text,
        "redaction_proxy_requests_total",
        route="/v1/models",
        status="401",
        streamed="false",
    )


async def test_unknown_paths_are_counted_under_other_never_the_raw_path(
    proxy: RunningProxy,
) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            proxy.base_url + "/dana.levi@example.com/secret",
            headers={"Authorization": f"Bearer {proxy.tenant_secret}"},
            json={},
        ) as response,
    ):
        assert response.status == 404

    text = await _metrics(proxy)
    assert "dana.levi" not in text
    assert 1.0 == _sample(
        text, "redaction_proxy_requests_total", route="other", status="404", streamed="false"
    )


async def test_upstream_server_errors_are_counted_by_cause(proxy: RunningProxy) -> None:
    proxy.upstream.fail_with(503)

    with pytest.raises(openai.InternalServerError):
        await _client(proxy).models.list()

    text = await _metrics(proxy)
    assert 1.0 == _sample(text, "redaction_proxy_upstream_errors_total", cause="status_5xx")


async def test_no_stream_is_left_counted_in_flight_after_it_ends(proxy: RunningProxy) -> None:
    stream = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": "count me"}], stream=True
    )
    async for _ in stream:
        pass

    text = await _metrics(proxy)
    assert 0.0 == _sample(text, "redaction_proxy_streams_in_flight")
    assert 1.0 == _sample(
        text,
        "redaction_proxy_requests_total",
        route="/v1/chat/completions",
        status="200",
        streamed="true",
    )


async def test_metrics_behind_a_token_refuse_callers_without_it(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(metrics_token="scrape-me")
    url = proxy.base_url.removesuffix("/v1") + "/metrics"

    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            refused = (response.status, (await response.json())["error"]["code"])
        text = await _metrics(proxy, Authorization="Bearer scrape-me")

    assert (401, "invalid_api_key") == refused
    assert "redaction_proxy_requests_total" in text


async def test_metrics_on_their_own_port_leave_the_public_port_without_them(
    start_proxy: StartProxy, unused_tcp_port: int
) -> None:
    proxy = await start_proxy(metrics_port=unused_tcp_port)

    async with aiohttp.ClientSession() as session:
        async with session.get(proxy.base_url.removesuffix("/v1") + "/metrics") as response:
            public_status = response.status
        async with session.get(f"http://127.0.0.1:{unused_tcp_port}/metrics") as response:
            internal = (response.status, await response.text())

    assert 404 == public_status
    assert 200 == internal[0]
    assert "redaction_proxy_requests_total" in internal[1]


async def test_readyz_names_what_is_not_ready(start_proxy: StartProxy) -> None:
    ready = await start_proxy()
    unconfigured = await start_proxy(upstream_api_key=None)

    async with aiohttp.ClientSession() as session:
        async with session.get(ready.base_url.removesuffix("/v1") + "/readyz") as response:
            ok = (response.status, await response.json())
        async with session.get(unconfigured.base_url.removesuffix("/v1") + "/readyz") as response:
            not_ok = (response.status, await response.json())

    assert (200, "ready") == (ok[0], ok[1]["status"])
    assert (503, {"upstream_configured": False, "policies_loaded": True, "store": True}) == (
        not_ok[0],
        not_ok[1]["checks"],
    )
