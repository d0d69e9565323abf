"""A stand-in detector that finds given literal values, until the real engine merges.

It honours the `Detector` contract (spans per text, in order, non-overlapping; a value found in
one text is found in every text) with none of the real recognizers, so redaction tests can say
exactly which strings are personal data. The lead switches functional tests to the real engine.
"""

from __future__ import annotations

from proxy.detect.spans import Detector, EntityType, Span


class LiteralDetector(Detector):
    """Finds every occurrence of each given value; longer values win where two overlap."""

    def __init__(self, values: dict[str, EntityType]) -> None:
        self._values = sorted(values.items(), key=lambda item: len(item[0]), reverse=True)
        self.calls = 0

    def detect_all(self, texts: list[str]) -> list[list[Span]]:
        self.calls += 1
        return [self._detect(text) for text in texts]

    def _detect(self, text: str) -> list[Span]:
        taken: list[Span] = []
        for value, entity in self._values:
            if not value:
                continue
            start = text.find(value)
            while start != -1:
                end = start + len(value)
                if all(end <= span.start or start >= span.end for span in taken):
                    taken.append(Span(start, end, entity, source="literal"))
                start = text.find(value, start + 1)
        return sorted(taken, key=lambda span: span.start)


class FailingDetector(Detector):
    """A detector that always raises, with personal data in its message (which must not leak)."""

    def detect_all(self, texts: list[str]) -> list[list[Span]]:
        raise RuntimeError(f"model crashed on {texts[0]!r}")
