"""The typed result of detection: a span of the original text and what it is."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntityType(StrEnum):
    """Kinds of personal data the detector reports; policies key their actions on these."""

    PERSON = "PERSON"
    EMAIL = "EMAIL"
    PHONE = "PHONE"
    ADDRESS = "ADDRESS"
    CREDIT_CARD = "CREDIT_CARD"
    IBAN = "IBAN"
    IL_ID = "IL_ID"
    US_SSN = "US_SSN"
    IP_ADDRESS = "IP_ADDRESS"
    SECRET = "SECRET"
    CUSTOM = "CUSTOM"


@dataclass(frozen=True, slots=True)
class Span:
    """`text[start:end]` of the original (not normalised) text is an entity of `type`."""

    start: int
    end: int
    type: EntityType
    score: float = 1.0
    source: str = ""


class Detector:
    """Finds entities in all texts of one request together, so a name found in one
    text is found in every other (propagation). Implemented by `proxy.detect.engine`."""

    def detect_all(self, texts: list[str]) -> list[list[Span]]:
        """Spans for each text, in the same order; spans within a text do not overlap."""
        raise NotImplementedError
