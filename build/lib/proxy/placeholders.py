"""The placeholder format: how a pseudonym is written, recognised and reserved.

`[PERSON_1]`, `[EMAIL_2]`: an upper-case entity type and a number in square brackets. Models copy
this shape faithfully (it reads like a template slot), it is JSON-safe (no quotes or
backslashes), and it survives tokenisation well. The tolerant pattern also accepts what models
commonly do to it: another case, a missing bracket, and a possessive inside the brackets
(`[PERSON_1's]`). It never matches when glued to a preceding word character, so `XPERSON_1`
is left alone. Whether a match is restored is decided by the request's own mapping: only
placeholders the request issued are known.
"""

from __future__ import annotations

import re

from proxy.detect.spans import EntityType

PlaceholderKey = tuple[str, int]  # (entity type name, number)

# Longest names first so the alternation never stops on a shorter name.
_TYPE_NAMES: tuple[str, ...] = tuple(
    sorted((entity.value for entity in EntityType), key=len, reverse=True)
)
_TYPES = "|".join(_TYPE_NAMES)
MAX_DIGITS = 6

TOLERANT = re.compile(
    rf"(?:\[|(?<![A-Za-z0-9_]))(?P<type>{_TYPES})_(?P<num>\d{{1,{MAX_DIGITS}}})(?!\d)"
    r"(?P<poss>['’]s)?\]?",
    re.IGNORECASE | re.ASCII,
)
"""A placeholder as a model may write it back; group `poss` is a possessive to keep."""

# Reservation is deliberately looser than TOLERANT (no boundary checks): any number that could
# ever be read back out of caller text, even after a neighbouring span is replaced, is taken.
_RESERVE = re.compile(rf"(?:{_TYPES})_\d+", re.IGNORECASE | re.ASCII)

_TAIL = re.compile(rf"\d{{1,{MAX_DIGITS}}}(?:['’][sS]?)?")
_HEADS: tuple[str, ...] = tuple(f"{name}_" for name in _TYPE_NAMES)
MAX_PREFIX = 1 + max(len(head) for head in _HEADS) + MAX_DIGITS + 2
"""No text longer than this can still become a placeholder."""

START_CHARS = frozenset("[" + "".join(h[0] + h[0].lower() for h in _HEADS))
"""Characters a placeholder can begin with; nothing else needs a closer look."""

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")


def format_placeholder(key: PlaceholderKey) -> str:
    """The canonical written form of a placeholder, e.g. `[PERSON_1]`."""
    return f"[{key[0]}_{key[1]}]"


def key_of(match: re.Match[str]) -> PlaceholderKey:
    """The mapping key a tolerant match refers to (case and leading zeros normalised)."""
    return (match["type"].upper(), int(match["num"]))


def reserved_in(text: str, into: set[PlaceholderKey]) -> None:
    """Add every placeholder number that already appears in caller text, so it is never issued.

    For `PERSON_123` this reserves 1, 12 and 123: replacing a following span could cut the digits.
    """
    if "_" not in text:
        return
    for match in _RESERVE.finditer(text):
        name, _, digits = match.group().upper().rpartition("_")
        for width in range(1, min(len(digits), MAX_DIGITS) + 1):
            into.add((name, int(digits[:width])))
            # `IP_ADDRESS_1` also reads as `ADDRESS_1` when the boundary moves.
            if "_" in name:
                for index, char in enumerate(name):
                    if char == "_":
                        into.add((name[index + 1 :], int(digits[:width])))


def could_continue(text: str, start: int) -> bool:
    """Whether `text[start:]` is the start of a placeholder that more text could complete.

    True for `[`, `[PERS`, `PERSON_1` (more digits or a bracket may follow) or `[PERSON_1's`;
    false for a finished `[PERSON_1]` or anything that can no longer become one.
    """
    index = start
    if text[index] == "[":
        index += 1
    elif start > 0 and text[start - 1] in _WORD:
        return False
    rest = text[index:].upper()
    if not rest:
        return True
    for head in _HEADS:
        if len(rest) <= len(head):
            if head.startswith(rest):
                return True
        elif rest.startswith(head) and _TAIL.fullmatch(rest, len(head)):
            return True
    return False
