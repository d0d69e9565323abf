"""A normalised view of a text for detection, with exact offsets back into the original.

Tricks that hide personal data from patterns are undone here: zero-width and bidi controls
are dropped, text inside a right-to-left override is read as displayed, combining marks
(Latin accents, Hebrew niqqud, Arabic harakat) and Arabic tatweel are dropped, every Unicode
space separator becomes a space, full-width and other compatibility forms are folded (NFKC),
Cyrillic and Greek look-alike letters inside Latin words become Latin, JSON `\\uXXXX` escapes,
escaped line breaks and tabs and percent-encoded runs are decoded, and spelled values (`john
dot smith at gmail dot com`, `j o h n`) are rewritten (see `spelled`). Plain text (the common
case) costs a few scans and is returned as it is.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field

from proxy.detect.spelled import spelled_edits

_INVISIBLE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_LATIN_MIX = "A-Za-z\u0370-\u03ff\u0400-\u04ff"
# One pattern per trick, each led by a literal or a character class so `re` skips ahead fast;
# the escape and percent patterns only run when their lead character occurs at all.
_WIDE = "\uff01-\uff5e\U0001d400-\U0001d7ff\u2070-\u209f\u2460-\u24ff"
# Combining marks of Latin, Hebrew (niqqud, cantillation) and Arabic (harakat), the enclosing
# keycap and Arabic tatweel: decoration over letters, never part of a value. (Indic vowel signs
# are also Mn but carry the word, so they stay.)
_MARKS = (
    "\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a"
    "\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
)
# Unicode space separators (Zs) other than the ASCII space.
_SPACES = "\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_RLO = "\u202e"
_SPECIALS = (
    ("rlo", (_RLO,), re.compile(r"\u202e([^\u202c\n]*)\u202c?")),
    # Written to start with their literal ("\\u", "%"): `re` then jumps from one occurrence to
    # the next; a leading repeat or alternation made it try the pattern at every position.
    ("esc", ("\\u",), re.compile(r"\\u[0-9a-fA-F]{4}(?:\\u[0-9a-fA-F]{4})*")),
    # A JSON string's escaped line breaks and tabs, kept escaped inside a tool result: "\\n"
    # glued to a word ("Saludos,\\nTomás\\n+56 9 ...") hides it from every word boundary.
    ("brk", ("\\n", "\\t", "\\r"), re.compile(r"\\[nrt](?:\\[nrt])*")),
    # Any run of two or more escapes ("%4A%6F%68%6E"), or a lone escape of @ + . - _ space.
    ("pct", ("%",), re.compile(r"%(?:[0-9a-fA-F]{2}(?:%[0-9a-fA-F]{2})+|40|2[bBeEdD0]|5[fF])")),
)
_GREEK_CYRILLIC = "\u0370-\u03ff\u0400-\u04ff"
# Runs of characters to drop, to fold, and of Greek/Cyrillic letters (maybe look-alikes).
_INVISIBLE_RUN = re.compile(rf"[{_INVISIBLE}{_MARKS}]+")
_WIDE_RUN = re.compile(rf"[{_WIDE}{_SPACES}]+")
_LOOKALIKE_RUN = re.compile(rf"[{_GREEK_CYRILLIC}]+")
_INVISIBLE_OR_WIDE = re.compile(rf"[{_INVISIBLE}{_MARKS}{_WIDE}{_SPACES}]")
# UTF-8 lead bytes of U+0340-U+04FF, which holds all of U+0370-U+04FF.
_GREEK_CYRILLIC_LEADS = tuple(bytes([b]) for b in range(0xCD, 0xD4))
_MARK = re.compile(f"[{_MARKS}]")
_LATIN_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MIX_LETTERS = re.compile(rf"[{_LATIN_MIX}]*")


def _mixed_words(text: str, runs: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Words mixing Latin with Greek/Cyrillic letters (pure Cyrillic words are left alone),
    given the runs of Greek/Cyrillic letters."""
    out: list[tuple[int, int, str]] = []
    for run_start, run_end in runs:
        before = text[run_start - 1] if run_start else ""
        after = text[run_end] if run_end < len(text) else ""
        if before not in _LATIN_LETTERS and after not in _LATIN_LETTERS:
            continue
        start = run_start
        while start and text[start - 1] in _LATIN_LETTERS:
            start -= 1
        end = _MIX_LETTERS.match(text, run_end).end()  # type: ignore[union-attr]
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

    @property
    def moves_offsets(self) -> bool:
        """False when every offset maps to itself: no edits, or only letters folded one for
        one in place (a full-width bracket, a look-alike letter)."""
        return any(n0 != o0 or n1 != o1 for n0, n1, o0, o1 in self.edits)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering normalised `[start, end)`."""
        if not self.edits:
            return start, end
        return self._map(start, is_end=False), self._map(end, is_end=True)

    def _map(self, pos: int, *, is_end: bool) -> int:
        if is_end:
            # An end right before dropped characters (a trailing combining mark) covers them.
            j = bisect_right(self._starts, pos) - 1
            if j >= 0 and self.edits[j][0] == self.edits[j][1] == pos:
                return self.edits[j][3]
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
        return _MARK.sub("", _decode_escapes(chunk))  # marks may hide behind escapes too
    if kind == "brk":
        return chunk.replace("\\n", "\n").replace("\\t", "\t").replace("\\r", "\r")
    if kind == "pct":
        raw = bytes(int(chunk[i + 1 : i + 3], 16) for i in range(0, len(chunk), 3))
        try:
            return _MARK.sub("", raw.decode())
        except UnicodeDecodeError:
            return chunk  # not text: leave it be
    if kind == "rlo":
        return chunk.strip(f"{_RLO}\u202c")[::-1]
    if kind == "wide":
        return unicodedata.normalize("NFKC", chunk)
    return chunk.translate(_HOMOGLYPHS)


def normalize(text: str) -> NormalizedText:
    """The detection view of `text`; identical (and cheap) when nothing needs undoing."""
    view = _normalize_chars(text)
    edits = spelled_edits(view.text)
    if not edits:
        return view
    return _compose(view, _apply(view.text, [(s, e, "spelled", new) for s, e, new in edits]))


def _compose(first: NormalizedText, second: NormalizedText) -> NormalizedText:
    """`second` (a view of `first.text`) as a view of `first.original`."""
    if not first.edits:
        return NormalizedText(first.original, second.text, second.edits, second._starts)
    outer = [(n0, n1, *first.to_original(m0, m1)) for n0, n1, m0, m1 in second.edits]
    edits = _merge_maps(first, second, outer)
    return NormalizedText(first.original, second.text, edits, [e[0] for e in edits])


def _merge_maps(
    first: NormalizedText, second: NormalizedText, outer: list[tuple[int, int, int, int]]
) -> list[tuple[int, int, int, int]]:
    """Edits of the composed view: the second pass's own, plus the first pass's shifted into
    second-pass coordinates where the second pass left the text alone."""
    merged = list(outer)
    for f0, f1, o0, o1 in first.edits:
        n0 = _shift(second, f0)
        n1 = _shift(second, f1)
        if n0 is not None and n1 is not None:
            merged.append((n0, n1, o0, o1))
    merged.sort()
    return merged


def _shift(second: NormalizedText, pos: int) -> int | None:
    """Where position `pos` of the first view lands in the second, if outside its edits."""
    delta = 0
    for _n0, n1, m0, m1 in second.edits:
        if m1 <= pos:
            delta = n1 - m1
            continue
        if m0 < pos:
            return None
        break
    return pos + delta


def _normalize_chars(text: str) -> NormalizedText:
    if text.isascii() and "\\" not in text and "%" not in text:
        return NormalizedText(text, text)
    found = [
        (m.start(), m.end(), kind)
        for kind, leads, rx in _SPECIALS
        if any(lead in text for lead in leads)
        for m in rx.finditer(text)
    ]
    if not text.isascii():
        found += _char_runs(text)
    # At one start the longest wins (an override's whole run over its first control).
    found.sort(key=lambda f: (f[0], -f[1]))
    if not found:
        return NormalizedText(text, text)
    return _apply(text, [(s, e, kind, _replacement(kind, text[s:e])) for s, e, kind in found])


def _char_runs(text: str) -> list[tuple[int, int, str]]:
    """Runs to drop ("inv"), to fold ("wide") and mixed-script words ("mix"), in that order."""
    found: list[tuple[int, int, str]] = []
    first = _INVISIBLE_OR_WIDE.search(text)
    if first is not None:
        # No run starts before the first such character: both scans start there.
        pos = first.start()
        found += ((m.start(), m.end(), "inv") for m in _INVISIBLE_RUN.finditer(text, pos))
        found += ((m.start(), m.end(), "wide") for m in _WIDE_RUN.finditer(text, pos))
    # Greek and Cyrillic letters are the only ones whose UTF-8 starts with one of these bytes:
    # the byte test (an encode and a few `in`) is far cheaper than a character-class scan.
    encoded = text.encode("utf-8", "surrogatepass")
    if any(lead in encoded for lead in _GREEK_CYRILLIC_LEADS):
        found += _mixed_words(text, [m.span() for m in _LOOKALIKE_RUN.finditer(text)])
    return found


def _apply(text: str, found: list[tuple[int, int, str, str]]) -> NormalizedText:
    """`text` with each (start, end, kind, new) region rewritten, and the offset map."""
    parts: list[str] = []
    edits: list[tuple[int, int, int, int]] = []
    pos = 0
    npos = 0
    for start, end, kind, new in found:
        if start < pos:
            continue
        chunk = text[start:end]
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
