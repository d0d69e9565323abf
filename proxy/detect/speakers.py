"""Transcript speakers: the labels that open line after line ("Otieno (Pipeline Pro): ...").

A meeting transcript or a pasted chat without timestamps is a run of lines "Label: what was
said". In a record the labels are field names, each once, before short values; in a transcript
a few labels come back in turns before sentences. A label that comes back like that and reads
as a name (a known name, or a word no dictionary holds as an ordinary word, in any script) is a
person, wherever in the text it labels a line.
"""

from __future__ import annotations

import re
from collections import Counter

from proxy.detect.context import NEVER_NAMES, PARTICLES
from proxy.detect.lexicon import AMBIGUOUS, GIVEN, NameLexicon
from proxy.detect.structured import CHAT_NOT_SPEAKERS, GROUP_WORDS, SPEAKER_ROLES

# "Name:", "Name (Company):", "- **Name:**", "> Name:", "Name 08:30:" at a line's start, then
# what was said.
_LINE = re.compile(
    r"[ \t]*(?:[-*•>][ \t]*)?(?:\*\*)?"
    r"(?P<label>[^\W\d_][^\W\d_ .'’-]*(?:[ ._'’-]{1,2}[^\W\d_]+){0,4})"
    r"(?P<aside>[ \t]*\([^()\n]{1,40}\))?(?P<time>[ \t]+\d{1,2}:\d{2}(?:[ \t]?[APap][Mm])?)?"
    r"(?:\*\*)?[ \t]*:(?:\*\*)?[ \t]+(?P<said>\S[^\n]*)"
)
# Who speaks when it is not a person: roles, parties and the words of chat logs and emails.
_NOT_SPEAKERS = CHAT_NOT_SPEAKERS | SPEAKER_ROLES


def find_speakers(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """(start, end) of the labels of a transcript's lines that name a person."""
    if text.count(":") < 3:
        return []
    # Each line is tried once, at its start, and only when a colon comes early in it: a scan
    # of the whole text would try the pattern at every position.
    names: list[tuple[int, re.Match[str]]] = []
    at = 0
    for line in text.split("\n"):
        if 0 < line.find(":", 0, 110):
            m = _LINE.match(line)
            if m is not None and _names_a_person(m.group("label"), lex):
                names.append((at, m))
        at += len(line) + 1
    counts = Counter(m.group("label") for _, m in names)
    # Turns: two or more people, one of them speaking again, most lines sentences.
    if len(counts) < 2 or max(counts.values()) < 2:
        return []
    spoken = sum(len(m.group("said").split()) >= 2 for _, m in names)
    if 3 * spoken < 2 * len(names):
        return []
    return [(at + m.start("label"), at + m.end("label")) for at, m in names]


def _names_a_person(label: str, lex: NameLexicon) -> bool:
    words = [w for w in re.split(r"[ '’_-]+", label.replace(".", " ")) if w]
    if not 1 <= len(words) <= 4:
        return False
    if label[0].islower():
        return _a_login(words, lex)
    named = False
    for word in words:
        folded = word.casefold()
        if folded in PARTICLES and len(words) > 1:
            continue
        if folded in _NOT_SPEAKERS or folded in GROUP_WORDS or folded in lex.function_words:
            return False  # "Sales:", "Summarize the call below:"
        cased = word[0].isupper() or word[0].islower()
        if cased and (word[0].islower() or (word.isupper() and len(word) > 1)):
            return False  # a cased script's name is capitalised, and not "INFO:" or "ARR:"
        if lex.flags.get(folded):
            named = True
        elif cased and folded not in lex.common and folded not in NEVER_NAMES:
            # A word no dictionary holds ("Otieno"); caseless scripts have no capital to
            # tell such a word from an ordinary one ("المبيعات"), so there only a known name
            # counts.
            named = True
    return named


def _a_login(words: list[str], lex: NameLexicon) -> bool:
    """A chat export's lower-case label is a login ("bohdan:", "noam.s:", "oksana.k:"): a
    person's when one part is a given name that is no word and the others are initials or
    names."""
    named = False
    for word in words:
        flags = lex.flags.get(word.casefold(), 0)
        if flags & GIVEN and not flags & AMBIGUOUS and word.casefold() not in lex.common:
            named = True
        elif len(word) > 1 and not flags:
            return False
    return named
