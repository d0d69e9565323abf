"""The evasion figure: how many disguised values reach the upstream, by technique.

    python bench/evasion_eval.py                # the figure per technique, and the total
    python bench/evasion_eval.py --list         # ... and the id of every case that got through
    python bench/evasion_eval.py --write-gaps   # ... and rewrite tests/evasion/known_gaps.txt

Every case of `tests/evasion/cases.py` goes through a real proxy (in this process, on
loopback, default policy) to the fake upstream; `tests/evasion/probe.py` undoes every
disguise in what the upstream received and looks for the value's fragments.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import aiohttp
from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from proxy.app import build_app
from proxy.settings import Settings
from proxy.store import open_store
from tests.evasion.cases import (
    KNOWN_GAPS_FILE,
    TECHNIQUES,
    Case,
    controls,
    evasion_cases,
)
from tests.evasion.probe import reached_upstream
from tests.fakes.openai_upstream import FakeOpenAI

UPSTREAM_KEY = "sk-upstream-bench"
POLICIES = Path(__file__).resolve().parents[1] / "policies"


async def run(cases: list[Case]) -> dict[str, list[str]]:
    """Case id -> the fragments that reached the upstream ([] when caught or refused)."""
    fake = FakeOpenAI(expected_key=UPSTREAM_KEY)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            upstream_url=fake.url,
            upstream_api_key=UPSTREAM_KEY,
            database_url=f"sqlite:///{tmp}/proxy.db",
            policy_dir=POLICIES,
        )
        store = open_store(settings.database_url)
        await store.open()
        issued = await store.create_key(tenant_id="evasion")
        runner = web.AppRunner(build_app(settings, store=store), access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        base_url = f"http://127.0.0.1:{runner.addresses[0][1]}/v1"
        try:
            async with aiohttp.ClientSession() as http:
                return {
                    case.id: await reached_upstream(http, base_url, issued.secret, fake, case)
                    for case in cases
                }
        finally:
            await runner.cleanup()
            await store.close()
            await fake.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the ids that got through")
    parser.add_argument("--write-gaps", action="store_true", help=f"rewrite {KNOWN_GAPS_FILE}")
    args = parser.parse_args()
    cases = evasion_cases()
    results = asyncio.run(run([*controls(), *cases]))
    by_technique: dict[str, list[Case]] = defaultdict(list)
    for case in [*controls(), *cases]:
        by_technique[case.technique].append(case)
    print(f"{'technique':<22} reached / cases")
    for technique in ("control", *TECHNIQUES):
        group = by_technique[technique]
        reached = [c for c in group if results[c.id]]
        print(f"{technique:<22} {len(reached):>3} of {len(group)}")
        if args.list:
            for case in reached:
                print(f"    {case.id}")
    total = sum(1 for c in cases if results[c.id])
    print(f"\n{total} of {len(cases)} hidden values reached the upstream (controls excluded)")
    if args.write_gaps:
        gaps = sorted(c.id for c in [*controls(), *cases] if results[c.id])
        header = (
            "# Evasion cases whose disguised value still reaches the upstream\n"
            "# (tests/test_evasion.py marks them xfail(strict)).\n"
            "# Regenerate with: python bench/evasion_eval.py --write-gaps\n"
        )
        KNOWN_GAPS_FILE.write_text(header + "".join(f"{gap}\n" for gap in gaps))


if __name__ == "__main__":
    main()
