"""The name lexicon and common-word list, loaded once per process from `data/`."""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from proxy.detect.context import NEVER_NAMES, PLACE_WORDS, PLACES
from proxy.detect.wordlists import read_sections

GIVEN = 1
SURNAME = 2
AMBIGUOUS = 4  # also an ordinary word: a name only with a second signal
# A Hebrew or Arabic name past the main cut-off (ולדימיר, סמאח): less sure than a known name,
# surer than an unknown word; always AMBIGUOUS too.
RARE = 8


@dataclass(frozen=True, slots=True)
class NameLexicon:
    """Name tokens (casefolded) with their GIVEN/SURNAME/AMBIGUOUS flags."""

    flags: dict[str, int]
    common: frozenset[str]
    function_words: frozenset[str]  # the few hundred most frequent words of each language
    # token -> (kind, prefix) memo for the name finder; bounded by the finder.
    cache: dict[str, tuple[int, int, bool]] = field(default_factory=dict)

    def lookup(self, token: str) -> int:
        """Flags for `token`, or 0 when it is not a known name."""
        return self.flags.get(token.casefold(), 0)

    def is_common(self, token: str) -> bool:
        """True for ordinary words that are not names on their own."""
        return token.casefold() in self.common


def _read_lines(name: str) -> list[str]:
    data = resources.files("proxy.detect").joinpath("data", name).read_bytes()
    return gzip.decompress(data).decode("utf-8").splitlines()


def _add_regional(flags: dict[str, int]) -> None:
    """Names of cultures the ranked lists barely hold (Thai, East African, Maori, Mongolian),
    from `data/regional_names.txt`. A name the lexicon already has keeps its flags, but for
    the ambiguity the list knows of: a Swahili word is a word too ("baraka", a blessing)."""
    regional = read_sections("regional_names.txt")
    for section, value in (
        ("given", GIVEN),
        ("surnames", SURNAME),
        ("given_ambiguous", GIVEN | AMBIGUOUS),
    ):
        for name in regional[section]:
            if name not in flags:
                flags[name] = value
            elif section == "surnames" and flags[name] == GIVEN:
                flags[name] = GIVEN | SURNAME
            elif section == "given_ambiguous":
                flags[name] |= AMBIGUOUS


@lru_cache(maxsize=1)
def load_lexicon() -> NameLexicon:
    """The process-wide lexicon (about 250k names)."""
    flags: dict[str, int] = {}
    for line in _read_lines("names.tsv.gz"):
        name, _, kind = line.partition("\t")
        value = (GIVEN if "G" in kind else 0) | (SURNAME if "S" in kind else 0)
        value |= AMBIGUOUS if "A" in kind else 0
        value |= RARE | AMBIGUOUS if "X" in kind else 0
        key = name.casefold()
        flags[key] = flags.get(key, 0) | value
    foreign = read_sections("transliterated_names.txt")
    extra = {GIVEN: foreign["given"], SURNAME: foreign["surnames"]}
    extra[GIVEN | AMBIGUOUS] = foreign["given_ambiguous"]
    for value, names in extra.items():
        for name in names:
            for form in {name, name.replace("'", "\u05f3")}:  # either Hebrew geresh
                flags[form] = flags.get(form, 0) & ~(AMBIGUOUS | RARE) | value
    _add_regional(flags)
    for word in NEVER_NAMES:
        flags.pop(word, None)
    for place in PLACES:
        if place in flags:
            flags[place] |= AMBIGUOUS
    rows = [line.partition("\t") for line in _read_lines("common_words.txt.gz")]
    words = frozenset(w for w, _, _ in rows) - foreign["given"] - foreign["surnames"]
    common = words | NEVER_NAMES | (PLACES - flags.keys())
    common |= PLACE_WORDS - flags.keys()
    function_words = frozenset(w for w, _, mark in rows if mark == "F")
    return NameLexicon(flags, common, function_words)
