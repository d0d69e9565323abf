"""A normalised view of a text for detection, with exact offsets back into the original.

Tricks that hide personal data from patterns are undone here: zero-width and bidi controls
are dropped, full-width and other compatibility forms are folded (NFKC), Cyrillic and Greek
look-alike letters inside Latin words become Latin, JSON `\\uXXXX` escapes are decoded and the
percent-escapes that hide an email or phone (`%40`, `%2B`...) are decoded. Texts with none of
these (the common case) cost a single regex search and are returned as they are.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_LATIN_MIX = "A-Za-z\u0370-\u03ff\u0400-\u04ff"
# One pattern per trick, each led by a literal or a character class so `re` skips ahead fast;
# the escape and percent patterns only run when their lead character occurs at all.
_SPECIALS = (
    ("inv", "", re.compile(rf"[{_INVISIBLE}]+")),
    ("esc", "\\u", re.compile(r"(?:\\u[0-9a-fA-F]{4})+")),
    ("pct", "%", re.compile(r"(?:%(?:40|2[bBeEdD0]|5[fF]))+")),
    ("wide", "", re.compile(r"[\uff01-\uff5e\U0001d400-\U0001d7ff\u2070-\u209f\u2460-\u24ff]+")),
)
# Only run where Greek or Cyrillic letters occur at all (a Latin-only text skips it).
_LOOKALIKE_RUN = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]+")
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MIX_LETTERS = re.compile(rf"[{_LATIN_MIX}]*")


def _mixed_words(text: str) -> list[tuple[int, int, str]]:
    """Words mixing Latin with Greek/Cyrillic letters (pure Cyrillic words are left alone)."""
    out: list[tuple[int, int, str]] = []
    for m in _LOOKALIKE_RUN.finditer(text):
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if before not in _LATIN_LETTERS and after not in _LATIN_LETTERS:
            continue
        start = m.start()
        while start and text[start - 1] in _LATIN_LETTERS:
            start -= 1
        end = _MIX_LETTERS.match(text, m.end()).end()  # type: ignore[union-attr]
        if out and start < out[-1][1]:
            continue
        out.append((start, end, "mix"))
    return out


# Look-alike letters that render as Latin ones (Unicode confusables, the common subset).
_HOMOGLYPHS = str.maketrans(
    "АВЕКМНОРСТХЅІЈаеорсхуѕіјԁһӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοιυνκρτ",
    "ABEKMHOPCTXSIJaeopcxysijdhlABEZHIKMNOPTYXaoiuvkpt",
)


@dataclass(slots=True)
class NormalizedText:
    """`text` is what detectors see; `to_original` maps its offsets back."""

    original: str
    text: str
    # Each edit: (norm_start, norm_end, orig_start, orig_end), sorted; identity elsewhere.
    edits: list[tuple[int, int, int, int]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised `[start, end)`."""
        if not self.edits:
            return start, end
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, pos: int, *, is_end: bool) -> int:
        i = bisect_right(self._starts, pos - 1 if is_end else pos) - 1
        if i < 0:
            return pos
        n0, n1, o0, o1 = self.edits[i]
        if is_end and n0 < pos <= n1:
            return o1
        if not is_end and n0 <= pos < n1:
            return o0
        return o1 + (pos - n1)


def _decode_escapes(run: str) -> str:
    units = [int(run[i + 2 : i + 6], 16) for i in range(0, len(run), 6)]
    raw = b"".join(u.to_bytes(2, "big") for u in units)
    return raw.decode("utf-16-be", errors="replace")


def _replacement(kind: str, chunk: str) -> str:
    if kind == "inv":
        return ""
    if kind == "esc":
        return _decode_escapes(chunk)
    if kind == "pct":
        return bytes(int(chunk[i + 1 : i + 3], 16) for i in range(0, len(chunk), 3)).decode()
    if kind == "wide":
        return unicodedata.normalize("NFKC", chunk)
    return chunk.translate(_HOMOGLYPHS)


def normalize(text: str) -> NormalizedText:
    """The detection view of `text`; identical (and free) when nothing needs undoing."""
    if text.isascii() and "\\u" not in text and "%" not in text:
        return NormalizedText(text, text)
    found = [
        (m.start(), m.end(), kind)
        for kind, lead, rx in _SPECIALS
        if lead in text
        for m in rx.finditer(text)
    ]
    if _LOOKALIKE_RUN.search(text):
        found += _mixed_words(text)
    found.sort()
    if not found:
        return NormalizedText(text, text)
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = 0
    npos = 0
    for start, end, kind in found:
        if start < pos:
            continue
        chunk = text[start:end]
        new = _replacement(kind, chunk)
        if new == chunk:
            continue
        parts.append(text[pos:start])
        npos += start - pos
        if kind == "mix" or (kind == "wide" and len(new) == len(chunk)):
            # One letter for one letter: keep per-character offsets exact.
            edits.extend(
                (npos + k, npos + k + 1, start + k, start + k + 1) for k in range(len(new))
            )
        else:
            edits.append((npos, npos + len(new), start, end))
        parts.append(new)
        npos += len(new)
        pos = end
    parts.append(text[pos:])
    out = NormalizedText(text, "".join(parts), edits)
    out._starts = [e[0] for e in edits]
    return out
