"""Real `redaction-proxy serve` processes: consent across two replicas, reload on SIGHUP."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import openai
import pytest
from openai import AsyncOpenAI

from proxy.store import open_store
from tests.conftest import UPSTREAM_KEY
from tests.fakes.openai_upstream import FakeOpenAI
from tests.processes import free_port, wait_until_healthy

TOKEN = "admin-token-for-replicas"
REPO_POLICIES = Path(__file__).resolve().parents[2] / "policies"


@dataclass
class Replica:
    """One proxy process."""

    process: subprocess.Popen[bytes]
    root: str
    log: Path

    @property
    def base_url(self) -> str:
        return f"{self.root}/v1"


def _spawn(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """`redaction-proxy ARGS` as installed next to this interpreter, output to `log`."""
    script = Path(sys.executable).parent / "redaction-proxy"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "proxy"]
    with log.open("wb") as sink:
        return subprocess.Popen([*command, *args], env=env, stdout=sink, stderr=subprocess.STDOUT)


StartReplica = Callable[..., Awaitable[Replica]]


@pytest.fixture
async def start_replica(tmp_path: Path, fake_upstream: FakeOpenAI) -> AsyncIterator[StartReplica]:
    started: list[Replica] = []

    async def start(database_url: str, policy_dir: Path = REPO_POLICIES) -> Replica:
        port = free_port()
        env = {
            **os.environ,
            "PROXY_DATABASE_URL": database_url,
            "PROXY_UPSTREAM_URL": fake_upstream.url,
            "PROXY_UPSTREAM_API_KEY": UPSTREAM_KEY,
            "PROXY_ADMIN_TOKEN": TOKEN,
            "PROXY_POLICY_DIR": str(policy_dir),
            "PROXY_LOG_LEVEL": "INFO",
        }
        log = tmp_path / f"proxy-{port}.log"
        process = _spawn(["serve", "--port", str(port)], env, log)
        replica = Replica(process, f"http://127.0.0.1:{port}", log)
        started.append(replica)
        await wait_until_healthy(
            replica.root,
            exited=lambda: (
                None if replica.process.poll() is None else replica.log.read_text()[-2000:]
            ),
        )
        return replica

    yield start
    for replica in started:
        replica.process.terminate()
    for replica in started:
        try:
            replica.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            replica.process.kill()
            replica.process.wait()


async def _admin(root: str, method: str, path: str, body: Any = None) -> Any:
    async with (
        aiohttp.ClientSession() as http,
        http.request(
            method, root + path, json=body, headers={"Authorization": f"Bearer {TOKEN}"}
        ) as reply,
    ):
        assert 200 == reply.status, await reply.text()
        return await reply.json()


async def _issue_keys(database_url: str, *tenants: str) -> dict[str, str]:
    store = open_store(database_url)
    await store.open()
    try:
        return {t: (await store.create_key(tenant_id=t)).secret for t in tenants}
    finally:
        await store.close()


def _sent_for(upstream: FakeOpenAI, marker: str) -> int:
    return sum(1 for r in upstream.requests if marker in str(r.body))


async def test_a_withdrawal_on_one_replica_refuses_on_the_other_within_a_second(
    start_replica: StartReplica, postgres_dsn: str, fake_upstream: FakeOpenAI
) -> None:
    secrets = await _issue_keys(postgres_dsn, "acme", "globex")
    replica_a, replica_b = await start_replica(postgres_dsn), await start_replica(postgres_dsn)
    acme_on_b = AsyncOpenAI(base_url=replica_b.base_url, api_key=secrets["acme"], max_retries=0)
    globex_on_b = AsyncOpenAI(base_url=replica_b.base_url, api_key=secrets["globex"], max_retries=0)
    acme_message = [{"role": "user", "content": "for acme: call Dana"}]
    await acme_on_b.chat.completions.create(model="gpt-echo", messages=acme_message)  # type: ignore[arg-type]

    await _admin(
        replica_a.root,
        "PUT",
        "/admin/tenants/acme/consent",
        {"state": "withdrawn", "reason": "DPO request", "actor": "dana"},
    )
    changed_at, sent_before = time.monotonic(), _sent_for(fake_upstream, "for acme")
    refused_after = None
    while time.monotonic() - changed_at < 1.0:
        try:
            await acme_on_b.chat.completions.create(model="gpt-echo", messages=acme_message)  # type: ignore[arg-type]
        except openai.PermissionDeniedError as error:
            assert "tenant_ai_consent_withdrawn" == error.code
            refused_after = time.monotonic() - changed_at
            break
        await asyncio.sleep(0.02)
    await globex_on_b.models.list()  # replica B still serves other tenants
    history = await _admin(replica_b.root, "GET", "/admin/tenants/acme/consent/history")

    assert refused_after is not None, "replica B still forwarded acme 1 s after the change"
    assert sent_before == _sent_for(fake_upstream, "for acme")
    assert [("withdrawn", "dana", "DPO request")] == [
        (c["state"], c["actor"], c["reason"]) for c in history["history"]
    ]


async def test_a_grant_by_the_cli_reaches_a_running_replica(
    start_replica: StartReplica, postgres_dsn: str, tmp_path: Path
) -> None:
    secrets = await _issue_keys(postgres_dsn, "acme")
    replica = await start_replica(postgres_dsn)
    await _admin(
        replica.root, "PUT", "/admin/tenants/acme/consent", {"state": "withdrawn", "reason": "x"}
    )
    acme = AsyncOpenAI(base_url=replica.base_url, api_key=secrets["acme"], max_retries=0)
    with pytest.raises(openai.PermissionDeniedError):
        await acme.models.list()

    env = {**os.environ, "PROXY_DATABASE_URL": postgres_dsn}
    cli = _spawn(["consent", "set", "acme", "granted", "--reason", "DPA"], env, tmp_path / "cli")
    assert 0 == await asyncio.to_thread(cli.wait, 30)
    for _ in range(100):
        try:
            await acme.models.list()
            break
        except openai.PermissionDeniedError:
            await asyncio.sleep(0.02)
    else:
        pytest.fail("the replica never saw the CLI's grant")


async def test_sighup_reloads_policies_and_a_broken_file_keeps_the_last_good_set(
    start_replica: StartReplica, sqlite_url: str, tmp_path: Path
) -> None:
    policy_dir = tmp_path / "policies"
    shutil.copytree(REPO_POLICIES, policy_dir)
    replica = await start_replica(sqlite_url, policy_dir)

    (policy_dir / "extra.yaml").write_text((policy_dir / "lenient.yaml").read_text())
    os.kill(replica.process.pid, signal.SIGHUP)
    reloaded = await _poll_policies(replica, lambda p: "extra" in p["policies"])
    (policy_dir / "broken.yaml").write_text("actions:\n  PERSON: vaporize\n")
    os.kill(replica.process.pid, signal.SIGHUP)
    kept = await _poll_policies(replica, lambda p: p["last_error"] is not None)

    assert ["default", "extra", "lenient", "strict"] == reloaded["policies"] == kept["policies"]
    assert "broken.yaml:2" in kept["last_error"]
    assert "policy reload failed" in replica.log.read_text()
    assert replica.process.poll() is None


async def _poll_policies(replica: Replica, done: Callable[[Any], bool]) -> Any:
    for _ in range(200):
        policies = await _admin(replica.root, "GET", "/admin/policies")
        if done(policies):
            return policies
        await asyncio.sleep(0.05)
    pytest.fail("the reload never showed")
