"""Names written in Devanagari (Hindi, Marathi, Nepali): "अंकित शर्मा", "श्री विक्रम".

The name lexicon is Latin. A Devanagari word is read the way Indian names are spelt in Latin
letters (अंकित ankit, शर्मा sharma, पूजा puja or pooja, अग्रवाल agraval or agrawal), and each
reading is looked up. Hindi's own frequent words read as names too ("कर" kar, "तक" tak), so a
list of them is never a name, and a word alone needs more: a name beside it, an honorific
before it (श्री, डॉ.) or "जी" after it. A text without Devanagari costs one search.
"""

from __future__ import annotations

import re
from itertools import product

from proxy.detect.lexicon import AMBIGUOUS, GIVEN, SURNAME, NameLexicon
from proxy.detect.wordlists import read_sections

_DEVANAGARI = re.compile(r"[\u0900-\u0963\u0966-\u097f]")
# A word: letters, vowel signs, the nukta and virama; not the danda (।) that ends a sentence.
_WORD = re.compile(r"[\u0900-\u0963\u0971-\u097f]+")
_WORDS = read_sections("devanagari_words.txt")
_COMMON = _WORDS["common"]
_AMBIGUOUS = _WORDS["ambiguous"]
_HONORIFICS = _WORDS["honorifics"]
_AFTER = _WORDS["after"]

# Consonants with their Latin spellings (the first is the plain one).
_CONSONANTS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("कक़", ("k",)),
    "ख": ("kh",),
    "ख़": ("kh",),
    "ग": ("g",),
    "ग़": ("g",),
    "घ": ("gh",),
    "ङ": ("n",),
    "च": ("ch",),
    "छ": ("chh", "ch"),
    "ज": ("j",),
    "ज़": ("z",),
    "झ": ("jh",),
    "ञ": ("n",),
    "ट": ("t",),
    "ठ": ("th",),
    "ड": ("d",),
    "ड़": ("r", "d"),
    "ढ": ("dh",),
    "ढ़": ("rh",),
    "ण": ("n",),
    "त": ("t",),
    "थ": ("th",),
    "द": ("d",),
    "ध": ("dh",),
    "न": ("n",),
    "प": ("p",),
    "फ": ("ph", "f"),
    "फ़": ("f",),
    "ब": ("b",),
    "भ": ("bh",),
    "म": ("m",),
    "य": ("y",),
    "र": ("r",),
    "ल": ("l",),
    "ळ": ("l",),
    "व": ("v", "w"),
    "श": ("sh",),
    "ष": ("sh",),
    "स": ("s",),
    "ह": ("h",),
}
_NUKTA = "\u093c"
_VIRAMA = "\u094d"
# Vowel signs after a consonant, and vowels written alone; long ones have a doubled spelling.
_SIGNS: dict[str, tuple[str, ...]] = {
    "ा": ("a", "aa"),
    "ि": ("i",),
    "ी": ("i", "ee"),
    "ु": ("u",),
    "ू": ("u", "oo"),
    "ृ": ("ri",),
    "े": ("e",),
    "ै": ("ai",),
    "ो": ("o",),
    "ौ": ("au",),
    "ॅ": ("e",),
    "ॉ": ("o",),
}
_VOWELS: dict[str, tuple[str, ...]] = {
    "अ": ("a",),
    "आ": ("a", "aa"),
    "इ": ("i",),
    "ई": ("i", "ee"),
    "उ": ("u",),
    "ऊ": ("u", "oo"),
    "ऋ": ("ri",),
    "ए": ("e",),
    "ऐ": ("ai",),
    "ओ": ("o",),
    "औ": ("au",),
    "ऍ": ("e",),
    "ऑ": ("o",),
}
_NASALS = {"ं": ("n", "m", "ng"), "ँ": ("n",), "ः": ("h",)}  # "सिंह" singh
_SCHWA = ("a",)  # a consonant's inherent vowel
_DELETED = ("",)
MAX_READINGS = 16


def _units(word: str) -> tuple[list[tuple[str, ...]], str] | None:
    """The word as a list of spelling choices, one per sound, and the kind of each: "C" a
    consonant, "S" its inherent vowel (its own unit, so that it can be dropped), "V" a vowel
    or a nasal. None when the word holds a letter without a reading."""
    units: list[tuple[str, ...]] = []
    kinds: list[str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if i + 1 < len(word) and word[i + 1] == _NUKTA:
            ch, i = ch + _NUKTA, i + 1
        if ch in _CONSONANTS:
            units.append(_CONSONANTS[ch])
            kinds.append("C")
            nxt = word[i + 1 : i + 2]
            if nxt == _VIRAMA:
                i += 1
            elif nxt in _SIGNS:
                units.append(_SIGNS[nxt])
                kinds.append("V")
                i += 1
            else:
                units.append(_SCHWA)
                kinds.append("S")
        elif ch in _VOWELS or ch in _NASALS:
            units.append(_VOWELS.get(ch) or _NASALS[ch])
            kinds.append("V")
        else:
            return None
        i += 1
    return units, "".join(kinds)


def _drop_schwas(units: list[tuple[str, ...]], kinds: str) -> list[tuple[str, ...]]:
    """Hindi's silent inherent vowels: the last one ("कमल" kamal), and one between a vowel
    and a consonant that has a vowel of its own ("राजपूत" rajput, "अग्रवाल" agrawal)."""
    out = list(units)
    marks = list(kinds)
    if len(out) > 2 and marks[-1] == "S":
        out[-1], marks[-1] = _DELETED, "-"
    for k in range(len(out) - 3, 1, -1):
        if marks[k] == "S" and marks[k - 2] in "SV" and marks[k + 1] == "C" and marks[k + 2] == "V":
            out[k], marks[k] = _DELETED, "-"
    return out


def readings(word: str) -> list[str]:
    """Latin spellings of a Devanagari word, the likeliest first ("शर्मा": sharma, sharmaa)."""
    read = _units(word)
    if read is None:
        return []
    units, kinds = read
    out: list[str] = []
    for choice in (_drop_schwas(units, kinds), units):
        for parts in product(*choice):
            spelt = "".join(parts)
            if spelt not in out:
                out.append(spelt)
            if len(out) >= MAX_READINGS:
                return out
    return out


def _flags(lex: NameLexicon, word: str) -> int:
    """The lexicon flags of the word's first reading that is a name and no English word."""
    if word in _COMMON or word in _HONORIFICS or word in _AFTER:
        return 0
    for spelt in readings(word):
        flags = lex.flags.get(spelt, 0)
        if flags and spelt not in lex.common:
            return flags | (AMBIGUOUS if word in _AMBIGUOUS else 0)
    return 0


def find_devanagari_names(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """(start, end) of names in Devanagari: two or more name words in a row, the last one a
    surname, or one name word after an honorific or before "जी"."""
    if _DEVANAGARI.search(text) is None:
        return []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    flags = [_flags(lex, w) for _, _, w in words]
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        if not flags[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(words) and flags[j + 1] and text[words[j][1] : words[j + 1][0]] == " ":
            j += 1
        start, end = words[i][0], words[j][1]
        before = words[i - 1][2] if i and text[words[i - 1][1] : start].strip(" .") == "" else ""
        after = words[j + 1][2] if j + 1 < len(words) and text[end : words[j + 1][0]] == " " else ""
        # A given name and a surname ("पूजा अग्रवाल": the word "पूजा" too), names that are
        # no words, or one named by an honorific.
        paired = j > i and (
            (flags[j] & SURNAME and flags[i] & GIVEN)
            or not any(f & AMBIGUOUS for f in flags[i : j + 1])
        )
        if paired or before in _HONORIFICS or after in _AFTER:
            found.append((start, end))
        i = j + 1
    return found
