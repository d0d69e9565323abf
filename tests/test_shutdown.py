"""Graceful shutdown of a real `redaction-proxy serve` process on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path

import openai
import pytest
from openai import AsyncOpenAI

from proxy.store import open_store
from tests.conftest import UPSTREAM_KEY
from tests.fakes.openai_upstream import FakeOpenAI
from tests.processes import free_port, wait_until_healthy

TEXT = "Follow up with Dana Levi about the renewal of the Q3 enterprise deal, please."
MESSAGES = [{"role": "user", "content": TEXT}]


@dataclass
class Served:
    process: asyncio.subprocess.Process
    port: int
    secret: str

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"


StartServe = Callable[[float], Awaitable[Served]]


async def refuses_connections(port: int) -> bool:
    for _ in range(200):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except ConnectionRefusedError:
            return True
        writer.close()
        await asyncio.sleep(0.05)
    return False


@pytest.fixture
async def serve(fake_upstream: FakeOpenAI, tmp_path: Path) -> AsyncIterator[StartServe]:
    """Starts `redaction-proxy serve` with a given grace; kills it if a test left it running."""
    url = f"sqlite:///{tmp_path / 'proxy.db'}"
    store = open_store(url)
    await store.open()
    issued = await store.create_key(tenant_id="acme")
    await store.close()
    started: dict[str, Served] = {}

    async def start(grace: float) -> Served:
        port = free_port()
        env = {
            **os.environ,
            "PROXY_UPSTREAM_URL": fake_upstream.url,
            "PROXY_UPSTREAM_API_KEY": UPSTREAM_KEY,
            "PROXY_DATABASE_URL": url,
            "PROXY_SHUTDOWN_GRACE_SECONDS": str(grace),
            "PROXY_LOG_FORMAT": "text",
        }
        command = Path(sys.executable).parent / "redaction-proxy"
        process = await asyncio.create_subprocess_exec(
            str(command),
            "serve",
            "--port",
            str(port),
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        served = Served(process, port, issued.secret)
        started["proxy"] = served
        await wait_until_healthy(f"http://127.0.0.1:{port}")
        return served

    yield start
    for served in started.values():
        if served.process.returncode is None:
            served.process.kill()
            await served.process.wait()


async def test_sigterm_lets_a_running_stream_finish_refuses_new_connections_and_exits_0(
    serve: StartServe, fake_upstream: FakeOpenAI
) -> None:
    served: Served = await serve(20)
    fake_upstream.event_delay = 0.05
    api = AsyncOpenAI(base_url=served.base_url, api_key=served.secret, max_retries=0)
    stream = await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    chunks = stream.__aiter__()
    first = await asyncio.wait_for(chunks.__anext__(), timeout=10)

    served.process.send_signal(signal.SIGTERM)
    refused = await refuses_connections(served.port)
    rest = [chunk async for chunk in chunks]
    await api.close()
    code = await asyncio.wait_for(served.process.wait(), timeout=30)
    _, stderr = await served.process.communicate()

    text = "".join(c.choices[0].delta.content or "" for c in [first, *rest] if c.choices)
    assert TEXT == text
    assert refused is True
    assert 0 == code
    assert "Dana Levi" not in stderr.decode()


async def test_a_stream_still_running_at_the_end_of_the_grace_is_cut_and_the_process_exits_0(
    serve: StartServe, fake_upstream: FakeOpenAI
) -> None:
    served: Served = await serve(0.5)
    fake_upstream.pause_after_first_event = asyncio.Event()  # never released
    api = AsyncOpenAI(base_url=served.base_url, api_key=served.secret, max_retries=0)
    stream = await api.chat.completions.create(model="m", messages=MESSAGES, stream=True)  # type: ignore[arg-type]
    chunks = stream.__aiter__()
    await asyncio.wait_for(chunks.__anext__(), timeout=10)

    served.process.send_signal(signal.SIGTERM)
    with pytest.raises(openai.APIConnectionError):
        async for _ in chunks:
            pass
    await api.close()
    code = await asyncio.wait_for(served.process.wait(), timeout=30)

    assert 0 == code
    await asyncio.wait_for(fake_upstream.client_disconnected.wait(), timeout=10)
