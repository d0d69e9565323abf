"""Load generator, run as its own process so it is never the proxy's bottleneck.

Reads one JSON job on stdin, prints one JSON result on stdout. Targets are measured
interleaved (round-robin, request by request or window by window) so that a noisy
machine shifts every target alike and the ratios stay honest.

Every request is a new prompt: its last message opens with a request number. The proxy keeps
what it found in texts it has seen (a resent chat history is not scanned again), so sending one
body over and over would measure that memo, not detection.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from collections.abc import Callable
from typing import Any

import aiohttp

_MARK = "@@request@@"
Bodies = Callable[[], bytes]


def _bodies(template: dict[str, Any]) -> Bodies:
    """A maker of request bodies: `template` with its last message numbered afresh each time."""
    body = json.loads(json.dumps(template))
    last = body["messages"][-1]
    last["content"] = f"{_MARK} {last['content']}"
    head, tail = json.dumps(body).encode().split(_MARK.encode())
    counter = itertools.count(1)
    return lambda: b"%sRequest %d." % (head, next(counter)) + tail


async def _one(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], bodies: Bodies
) -> float:
    body = bodies()
    start = time.perf_counter()
    async with session.post(url, data=body, headers=headers) as response:
        await response.read()
        if response.status != 200:
            raise RuntimeError(f"status {response.status} from {url}")
    return time.perf_counter() - start


async def _stream(
    session: aiohttp.ClientSession, url: str, headers: dict[str, str], bodies: Bodies
) -> tuple[float, float, int]:
    body = bodies()
    start = time.perf_counter()
    first = 0.0
    events = 0
    async with session.post(url, data=body, headers=headers) as response:
        if response.status != 200:
            raise RuntimeError(f"status {response.status} from {url}")
        async for line in response.content:
            if line.startswith(b"data:"):
                if not first:
                    first = time.perf_counter() - start
                events += 1
    return first, time.perf_counter() - start, events


async def latency(job: dict[str, Any]) -> dict[str, list[float]]:
    """Concurrency 1, targets interleaved request by request."""
    body = _bodies(job["body"])
    out: dict[str, list[float]] = {t["name"]: [] for t in job["targets"]}
    async with aiohttp.ClientSession() as session:
        for _ in range(job.get("warmup", 20)):
            for t in job["targets"]:
                await _one(session, t["url"], t["headers"], body)
        for _ in range(job["n"]):
            for t in job["targets"]:
                out[t["name"]].append(await _one(session, t["url"], t["headers"], body))
    return out


async def stream(job: dict[str, Any]) -> dict[str, dict[str, list[float]]]:
    """Streamed replies, concurrency 1, interleaved: time to first event and total."""
    body = _bodies(job["body"])
    out: dict[str, dict[str, list[float]]] = {
        t["name"]: {"first": [], "total": [], "events": []} for t in job["targets"]
    }
    async with aiohttp.ClientSession() as session:
        for _ in range(job.get("warmup", 5)):
            for t in job["targets"]:
                await _stream(session, t["url"], t["headers"], body)
        for _ in range(job["n"]):
            for t in job["targets"]:
                first, total, events = await _stream(session, t["url"], t["headers"], body)
                out[t["name"]]["first"].append(first)
                out[t["name"]]["total"].append(total)
                out[t["name"]]["events"].append(float(events))
    return out


async def _window(
    url: str, headers: dict[str, str], body: Bodies, concurrency: int, seconds: float
) -> float:
    """Requests per second over one window; requests still in flight at its end are waited
    for and the window's real length is used, so a slow target is not flattered."""
    done = 0
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(connector=connector) as session:
        # Open the connections before the clock starts: setup is not what is measured.
        await asyncio.gather(*(_one(session, url, headers, body) for _ in range(concurrency)))
        start = time.perf_counter()
        deadline = start + seconds

        async def worker() -> None:
            nonlocal done
            while time.perf_counter() < deadline:
                await _one(session, url, headers, body)
                done += 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - start
    return done / elapsed


async def throughput(job: dict[str, Any]) -> dict[str, list[float]]:
    """Requests per second at a fixed concurrency, in alternating windows per target."""
    body = _bodies(job["body"])
    seconds = float(job["seconds"])
    out: dict[str, list[float]] = {t["name"]: [] for t in job["targets"]}
    for _ in range(job["rounds"]):
        for t in job["targets"]:
            rate = await _window(t["url"], t["headers"], body, job["concurrency"], seconds)
            out[t["name"]].append(rate)
    return out


def main() -> None:
    job = json.load(sys.stdin)
    kinds = {"latency": latency, "stream": stream, "throughput": throughput}
    result = asyncio.run(kinds[job["kind"]](job))
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
