"""Helpers for tests that run the proxy as a real process: a free port, and its first 200."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable

import aiohttp
import pytest


def free_port() -> int:
    """A loopback port nothing listens on (closed again: connecting to it is refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def wait_until_healthy(root: str, *, exited: Callable[[], str | None] = lambda: None) -> None:
    """Poll `root`/healthz until it answers 200; fail at once with `exited()`'s text when the
    process died, and after ~15 s when it never comes up."""
    async with aiohttp.ClientSession() as http:
        for _ in range(300):
            died = exited()
            if died is not None:
                pytest.fail(f"proxy exited: {died}")
            try:
                async with http.get(f"{root}/healthz") as reply:
                    if reply.status == 200:
                        return
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    pytest.fail("proxy never became healthy")
