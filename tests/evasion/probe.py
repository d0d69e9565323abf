"""Did a hidden value reach the upstream? Undo every disguise, then look for its fragments.

`fold` turns what the upstream received back into plain lower-case text: JSON `\\u`
escapes and percent-encoding decoded, right-to-left overrides read as displayed,
compatibility forms (full-width, mathematical) folded, look-alike Cyrillic letters
mapped to Latin, combining marks, format characters (zero-width, bidi) and Arabic
tatweel removed, digits of any script made ASCII and
spelled-out digits written as digits. A letter fragment is then looked for among the
letters of all texts joined (separators and message boundaries ignored), a digit
fragment among the digits.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import unquote

import aiohttp

from tests.evasion.cases import Case
from tests.fakes.openai_upstream import FakeOpenAI

_OVERRIDE = re.compile("\u202e([^\u202c]*)\u202c?")  # right-to-left override: shown reversed
_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_LOOKALIKE = str.maketrans("асеорхуіАЕОРСХНКМТ", "aceopxyiAEOPCXHKMT")
_NUMBER_WORDS = re.compile(r"\b(zero|one|two|three|four|five|six|seven|eight|nine)\b")
_DIGIT = {w: str(i) for i, w in enumerate(
    ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"))}  # fmt: skip


def fold(text: str) -> str:
    """`text` with every disguise of the evasion set undone, case-folded."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = unquote(text)
    text = _OVERRIDE.sub(lambda m: m.group(1)[::-1], text)
    text = unicodedata.normalize("NFKD", text)
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Cf") or char == "\u0640":
            continue
        if category == "Nd":
            char = str(unicodedata.decimal(char))
        kept.append(char)
    text = unicodedata.normalize("NFKC", "".join(kept).translate(_LOOKALIKE)).casefold()
    return _NUMBER_WORDS.sub(lambda m: _DIGIT[m.group(1)], text)


def texts_of(value: Any) -> list[str]:
    """Every string inside a JSON value, in order."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [text for item in value for text in texts_of(item)]
    if isinstance(value, dict):
        return [text for item in value.values() for text in texts_of(item)]
    return []


def leaked(fragments: tuple[str, ...], texts: list[str]) -> list[str]:
    """The fragments still readable in `texts` once every disguise is undone."""
    folded = fold("\n".join(texts))
    letters = "".join(c for c in folded if c.isalpha())
    digits = "".join(c for c in folded if c.isdigit())
    found = []
    for fragment in fragments:
        haystack = digits if fragment.isdigit() else letters
        if fold(fragment) in haystack:
            found.append(fragment)
    return found


async def reached_upstream(
    http: aiohttp.ClientSession, base_url: str, secret: str, upstream: FakeOpenAI, case: Case
) -> list[str]:
    """Send `case` through the proxy at `base_url`; the fragments the upstream received."""
    before = len(upstream.requests)
    body = {"model": "gpt-4o-mini", "messages": case.messages}
    headers = {"Authorization": f"Bearer {secret}"}
    async with http.post(f"{base_url}/chat/completions", json=body, headers=headers) as reply:
        await reply.read()
    if len(upstream.requests) == before:
        return []  # refused: nothing left the building
    sent = upstream.requests[-1].body
    return leaked(case.fragments, texts_of(sent.get("messages", [])))
