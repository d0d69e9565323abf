"""Person names without a model: lexicon, capitalisation, cues and signatures together.

Capitalised Latin words and Hebrew/Arabic/Cyrillic words are grouped into runs of adjacent
words. A run is a name when it holds a known, unambiguous name token, or when a cue (Mr.,
Dear, spoke with, עם, السيد...) comes right before it. Ordinary words split runs; ambiguous
tokens ("Will", "Chase") and unknown ones ("Xyzowski") only join a run that has another signal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from proxy.detect.context import NEVER_NAMES, PARTICLES
from proxy.detect.cues import cue_ends
from proxy.detect.lexicon import AMBIGUOUS, NameLexicon

_NONLATIN = "\u0400-\u04ff\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
CANDIDATE = re.compile(
    rf"(?<![\w'’-])(?:(?:al|el|ad|ad|as|ash|at|ar|an|az|ibn|abu|bin|d|de|di|da|du|o|van|von|le|la)['’-])?"
    rf"(?:[A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿ][^\W\d_]*(?:['’-][^\W\d_]+)*"
    rf"|[{_NONLATIN}][^\W\d_]*(?:['’׳-][^\W\d_]+)*)"
)
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_HE_PREFIX = "והבלמשכ"
_AR_PREFIX = "وبلف"
STRONG, AMBIG, UNKNOWN, COMMON, PARTICLE = range(5)
MAX_RUN = 5


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found at `[start, end)` of the normalised text."""

    start: int
    end: int


def _is_latin(token: str) -> bool:
    return token[0] < "\u0400" or token[0] >= "\u1e00"


def classify(lex: NameLexicon, token: str) -> tuple[int, int]:
    """(kind, prefix length) for one token; Hebrew/Arabic one-letter prefixes are peeled."""
    low = token.casefold()
    if low in PARTICLES or low.rstrip("-") in PARTICLES:
        return PARTICLE, 0
    if low in NEVER_NAMES:
        return COMMON, 0
    flags = lex.flags.get(low, 0)
    prefix = 0
    if not flags and len(token) > 3 and not _is_latin(token):
        first = token[0]
        if first in _HE_PREFIX or first in _AR_PREFIX:
            flags = lex.flags.get(low[1:], 0)
            prefix = 1 if flags else 0
    if not flags and ("-" in token or "'" in token or "’" in token):
        parts = [p for p in re.split(r"['’-]", low) if len(p) > 1 and p not in PARTICLES]
        part_flags = [lex.flags.get(p, 0) for p in parts]
        if parts and all(part_flags):
            flags = min(part_flags, key=lambda f: f & AMBIGUOUS)
        elif (parts and low[:3] in ("al-", "el-")) or low[:2] in ("o'", "d'"):
            return UNKNOWN, 0
    if flags:
        if flags & AMBIGUOUS:
            return AMBIG, prefix
        return STRONG, prefix
    if low in lex.common:
        return COMMON, 0
    return UNKNOWN, 0


def _joinable(gap: str) -> bool:
    if gap == " ":
        return True
    inner = gap.strip()
    return 0 < len(gap) <= 8 and gap[0] == " " and inner.rstrip("-").casefold() in PARTICLES


def find_names(text: str, lex: NameLexicon) -> list[NameHit]:
    """Name spans in `text` (already normalised)."""
    cues = cue_ends(text)
    hits: list[NameHit] = []
    run: list[tuple[int, int, int, bool]] = []  # (start, end, kind, latin)
    prev_end = -2
    for m in CANDIDATE.finditer(text):
        token = m.group()
        latin = _is_latin(token)
        if latin and (token.isupper() and len(token) > 1):
            kind, prefix = COMMON, 0  # acronyms: CRM, USA, PM
        else:
            cached = lex.cache.get(token)
            if cached is None:
                cached = lex.cache[token] = classify(lex, token)
            kind, prefix = cached
        if run and not _joinable(text[prev_end : m.start()]):
            _close(run, cues, hits)
            run = []
        run.append((m.start() + prefix, m.end(), kind, latin))
        prev_end = m.end()
    if run:
        _close(run, cues, hits)
    if len(lex.cache) > 200_000:
        lex.cache.clear()
    hits.extend(_lowercase_after_cue(text, lex, cues))
    return hits


def _close(
    run: list[tuple[int, int, int, bool]], cues: dict[int, bool], hits: list[NameHit]
) -> None:
    """Split a run at ordinary words and keep the parts that carry a name signal."""
    part: list[tuple[int, int, int, bool]] = []
    for tok in [*run, (0, 0, COMMON, True)]:
        if tok[2] != COMMON:
            part.append(tok)
            continue
        if part:
            _accept(part, cues, hits)
        part = []


def _accept(
    part: list[tuple[int, int, int, bool]], cues: dict[int, bool], hits: list[NameHit]
) -> None:
    while part and part[-1][2] == PARTICLE:
        part.pop()
    while part and part[0][2] == PARTICLE:
        part.pop(0)
    if not part:
        return
    cue = cues.get(part[0][0])
    kinds = [t[2] for t in part]
    strong = STRONG in kinds
    if not part[0][3]:
        # Hebrew/Arabic/Cyrillic: no capitals, so unknown words never ride along.
        keep = _nonlatin_keep(part, cue)
        for s, e in keep:
            hits.append(NameHit(s, e))
        return
    named = sum(k in (STRONG, AMBIG) for k in kinds)
    if strong or cue or (cue is False and named) or named >= 2:
        if cue is False and not strong and not named:
            return
        part = part[:MAX_RUN]
        hits.append(NameHit(part[0][0], part[-1][1]))


def _nonlatin_keep(
    part: list[tuple[int, int, int, bool]], cue: bool | None
) -> list[tuple[int, int]]:
    """Runs of lexicon tokens (with particles) in caseless scripts."""
    out: list[tuple[int, int]] = []
    group: list[tuple[int, int, int, bool]] = []
    for i, tok in enumerate([*part, (0, 0, COMMON, False)]):
        first_after_cue = i == 0 and cue is True
        if tok[2] in (STRONG, AMBIG, PARTICLE) or (first_after_cue and tok[2] == UNKNOWN):
            group.append(tok)
            continue
        while group and group[-1][2] == PARTICLE:
            group.pop()
        kinds = [t[2] for t in group]
        if group and (
            STRONG in kinds or len(kinds) >= 2 or (cue is not None and group[0] is part[0])
        ):
            out.append((group[0][0], group[-1][1]))
        group = []
    return out


def _lowercase_after_cue(text: str, lex: NameLexicon, cues: dict[int, bool]) -> list[NameHit]:
    """`spoke with dana levi`: lexicon names written in lower case right after a strong cue."""
    hits: list[NameHit] = []
    for pos, strong in cues.items():
        if not strong:
            continue
        end = pos
        while True:
            m = TOKEN.match(text, end)
            if m is None or not m.group()[0].islower():
                break
            low = m.group().casefold()
            if not lex.flags.get(low) or low in lex.common:
                break
            end = m.end()
            if text[end : end + 1] != " ":
                break
            end += 1
        end = end - 1 if text[end - 1 : end] == " " else end
        if end > pos:
            hits.append(NameHit(pos, end))
    return hits
