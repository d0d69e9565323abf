"""Pure detection of personal data: recognizers, one concept per file, and the engine."""

from __future__ import annotations

from proxy.detect.spans import Detector, EntityType, Span

__all__ = ["Detector", "EntityType", "Span"]
