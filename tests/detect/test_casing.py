from __future__ import annotations

from proxy.detect.casing import lower_same_length


def test_lower_case_keeps_every_offset() -> None:
    text = "İstanbul Office, ẞtraße, DANA"
    low = lower_same_length(text)
    assert len(low) == len(text)
    assert low.startswith("istanbul office")
    assert low.endswith("dana")
