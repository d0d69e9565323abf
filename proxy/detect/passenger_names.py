"""Passenger names as airlines and travel agents write them: "GOLDSTEIN/YONATAN MR".

A booking, a ticket or a boarding pass writes the surname, a slash and the given names, all in
capitals, often with a title after them ("DELA ROSA/MARIA CRISTINA MS", "BEN-ARI/MICHAL").
Such a pair is a person's when a given name comes after the slash (one that is also a word,
after a known surname); "AND/OR", "TCP/IP" and "USD/AED" have none.
"""

from __future__ import annotations

import re

from proxy.detect.lexicon import AMBIGUOUS, GIVEN, NameLexicon

# The slash between two capitalised words, found first: `re` skips to the literal "/".
_SLASH = re.compile(r"/(?=[A-Z][A-Z'-])")
_SURNAME_BEFORE = re.compile(r"(?<![\w/'-])[A-Z][A-Z'-]+(?: [A-Z][A-Z'-]+){0,2}$")
_TITLE = r"(?:MR|MRS|MS|MISS|MSTR|DR|CHD|INF)\b"
_GIVEN_AFTER = re.compile(rf"[A-Z][A-Z'-]+(?: (?!{_TITLE})[A-Z][A-Z'-]+){{0,2}}(?![\w/])")


def find_passenger_names(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """(start, end) of the "SURNAME/GIVEN" names in `text`."""
    hits: list[tuple[int, int]] = []
    for slash in _SLASH.finditer(text):
        at = slash.start()
        surname = _SURNAME_BEFORE.search(text, max(0, at - 40), at)
        given = _GIVEN_AFTER.match(text, at + 1)
        if surname is None or given is None:
            continue
        # Acronyms are two letters or three ("TCP/IP"): a name of three letters needs its
        # surname known ("LEE/ANN").
        givens = [lex.flags.get(w.casefold(), 0) for w in given.group().split() if len(w) > 2]
        known_surname = any(lex.flags.get(w.casefold()) for w in re.split(r"[ -]", surname.group()))
        # A given name that is no word; one that is also a word ("NOOR", light) after a
        # surname the lexicon knows.
        if any(f & GIVEN and (known_surname or not f & AMBIGUOUS) for f in givens):
            hits.append((surname.start(), given.end()))
    return hits
