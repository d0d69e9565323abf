"""The evasion set through the real proxy: no disguised value reaches the fake upstream.

Cases that are known to get through are listed in `tests/evasion/known_gaps.txt` and
marked xfail(strict): the day the detector catches one, its test fails until the line is
removed, so the list and README's figure stay true. `bench/evasion_eval.py` prints the
figure per technique.
"""

from __future__ import annotations

import aiohttp
import pytest

from tests.conftest import RunningProxy
from tests.evasion.cases import Case, controls, evasion_cases, known_gaps
from tests.evasion.probe import fold, leaked, reached_upstream

GAPS = known_gaps()


def _param(case: Case) -> object:
    marks = []
    if case.id in GAPS:
        reason = f"detection gap ({case.technique}): the disguised value reaches the upstream"
        marks.append(pytest.mark.xfail(strict=True, reason=reason))
    return pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in [*controls(), *evasion_cases()]])
async def test_a_disguised_value_does_not_reach_the_upstream(
    proxy: RunningProxy, case: Case
) -> None:
    async with aiohttp.ClientSession() as http:
        found = await reached_upstream(
            http, proxy.base_url, proxy.tenant_secret, proxy.upstream, case
        )

    assert [] == found


def test_the_set_is_large_and_covers_every_technique_and_culture() -> None:
    cases = evasion_cases()

    assert len(cases) >= 80
    assert len({c.id for c in cases}) == len(cases)
    assert {"latin", "hebrew", "arabic", "IL", "AE", "US", "GB"} <= {c.culture for c in cases}
    assert not GAPS - {c.id for c in [*controls(), *cases]}, "known_gaps.txt names no case"


def test_the_probe_sees_through_every_disguise() -> None:
    """Each case, sent unredacted, would count as reached: the probe is not blind."""
    for case in [*controls(), *evasion_cases()]:
        texts = [m["content"] for m in case.messages if isinstance(m.get("content"), str)]
        assert leaked(case.fragments, texts), case.id


def test_fold_undoes_escapes_encodings_marks_and_lookalikes() -> None:
    assert "dana.levi@exaмple.com 054" == fold("\\u0064ana%2Elevi@ex\u0430\u043cple.com ٠٥٤")


async def test_a_phone_right_after_a_hyphenated_name_does_not_reach_the_upstream(
    proxy: RunningProxy,
) -> None:
    case = Case(
        "plain-phone-after-hyphenated-name",
        "control",
        "AE",
        [{"role": "user", "content": "Lead: Mohammed Al-Rashid +971 50 123 4567, wants a demo."}],
        ("501234567", "mohammed", "rashid"),
    )

    async with aiohttp.ClientSession() as http:
        found = await reached_upstream(
            http, proxy.base_url, proxy.tenant_secret, proxy.upstream, case
        )

    assert [] == found
