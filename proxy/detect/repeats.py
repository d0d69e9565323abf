"""Repeats: every other mention of an identifier found somewhere in the request.

A value is often recognised by its context once ("password: Ba7ar$Blu3_2025", "ID: 039337423")
and written again where nothing announces it ("Ba7ar$Blu3_2025 is the new one"). Each found
identifier's exact text is looked for in every text of the request in one automaton pass, so
the second mention is redacted too (with the same placeholder, since it is the same value).
"""

from __future__ import annotations

from proxy.detect.automaton import Automaton
from proxy.detect.spans import EntityType, Span

MIN_LENGTH = 6  # shorter values (a 4-digit passcode) would match inside ordinary numbers


def _identifier_like(value: str) -> bool:
    """Long enough and with a digit or symbol: a word found by mistake ("Approved" after
    "password is") must not spread to every other text."""
    return len(value) >= MIN_LENGTH and not value.isalpha()


def repeats(texts: list[str], found: list[list[Span]]) -> list[list[Span]]:
    """Per text, spans of whole-word occurrences of the identifiers in `found`, except those
    `found` already holds (most of them: the engine would only drop the copies again)."""
    values: dict[str, EntityType] = {}
    for text, spans in zip(texts, found, strict=True):
        for span in spans:
            value = text[span.start : span.end]
            if span.type is not EntityType.PERSON and _identifier_like(value):
                values.setdefault(value, span.type)
    if not values:
        return [[] for _ in texts]
    automaton = Automaton(values.items(), for_one_request=True)
    out: list[list[Span]] = []
    for text, spans in zip(texts, found, strict=True):
        known = {(span.start, span.end, span.type) for span in spans}
        hits: list[Span] = []
        for key, start, end in automaton.find(text):
            entity = automaton.values[key]
            if (start and text[start - 1].isalnum()) or text[end : end + 1].isalnum():
                continue
            if (start, end, entity) not in known:
                hits.append(Span(start, end, entity, 1.0, "repeat"))
        out.append(hits)
    return out
