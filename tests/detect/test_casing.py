from __future__ import annotations

from proxy.detect import casing
from proxy.detect.casing import lower_same_length
from proxy.detect.engine import DetectionEngine


def test_lower_case_keeps_every_offset() -> None:
    text = "İstanbul Office, ẞtraße, DANA"
    low = lower_same_length(text)
    assert len(low) == len(text)
    assert low.startswith("istanbul office")
    assert low.endswith("dana")


def test_the_same_text_is_lowered_once_and_forgotten_on_request() -> None:
    text = "Spoke with DANA LEVI about the renewal"
    first = lower_same_length(text)
    assert lower_same_length(text) is first
    assert lower_same_length("Another Text") == "another text"
    casing.forget()
    assert lower_same_length(text) is not first
    assert lower_same_length(text) == first


def test_no_text_outlives_a_detection_in_the_kept_lower_case() -> None:
    text = "Call notes: spoke with Dana Levi about the Growth plan."
    DetectionEngine(memo_texts=0).detect_all([text])
    assert casing._last == ("", "")
