"""One store for one command: opened from PROXY_DATABASE_URL, closed when it is done."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TypeVar

from proxy.settings import Settings
from proxy.store import Store, open_store

T = TypeVar("T")


def with_store(action: Callable[[Store], Awaitable[T]]) -> T:
    """Run `action` against the configured store, in a loop of its own."""

    async def run() -> T:
        store = open_store(Settings().database_url)
        await store.open()
        try:
            return await action(store)
        finally:
            await store.close()

    return asyncio.run(run())
