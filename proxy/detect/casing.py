"""Lower case with offsets that still fit the text.

Several recognizers match their key words in a lower-cased copy and then read the text itself
at the same offsets, which only holds when lower-casing keeps the length. `str.lower` does not
always: "İ" (dotted capital I, Turkish) becomes two characters, and in Python's Unicode tables it
is the only such letter. It is lowered to "i" by one replace before one `str.lower` (a loop per
character took 270 ms per 100 KB of Turkish text); any other letter whose lower case is longer
is kept as written.

Five recognizers ask for the same text's lower case in turn: the last answer is kept until
`forget` (the engine calls it when a request's detection ends, so no text outlives it here).
Reusing the same string also lets the automata reuse its UTF-8 form.
"""

from __future__ import annotations

_last: tuple[str, str] = ("", "")


def lower_same_length(text: str) -> str:
    """`text.lower()`, one character for one character."""
    global _last
    seen, low = _last
    if text is seen:
        return low
    low = _lower(text)
    _last = (text, low)
    return low


def forget() -> None:
    """Drop the kept text and its lower case."""
    global _last
    _last = ("", "")


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    low = text.replace("İ", "I").lower()
    if len(low) == len(text):
        return low
    # A Unicode version with another such letter: the slow, exact way.
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.replace("İ", "I"))
