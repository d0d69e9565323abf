"""Other written forms of a name token, mapped to the form the lexicon holds.

The lexicon holds one spelling per name; text writes others: accents the list spells plain
("Íñigo" for inigo), Russian case endings ("Дмитрием" for Дмитрий), and Arabic particles
written together with the name ("بنعلي" for بن علي).
"""

from __future__ import annotations

import re
import unicodedata

from proxy.detect.lexicon import AMBIGUOUS, GIVEN, SURNAME, NameLexicon

# Russian names change their ending with the case ("с Дмитрием Ивановым", "Ольгой"): the
# lexicon holds the nominative, so a declined form is looked up as ending -> nominative.
_RUSSIAN_ENDINGS = (
    ("ием", "ий"),
    ("ией", "ия"),
    ("ии", "ия"),
    ("ию", "ия"),
    ("ого", ""),
    ("ому", ""),
    ("ым", ""),
    ("ом", ""),
    ("ой", "а"),
    ("ой", "ая"),
    ("ою", "а"),
    ("ем", "ь"),
    ("ем", "й"),
    ("ей", "я"),
    ("ей", "ь"),
    ("ым", "ый"),
    ("ой", "ой"),
    ("ы", "а"),
    ("и", "я"),
    ("и", "а"),
    ("е", "а"),
    ("е", "я"),
    ("у", "а"),
    ("ю", "я"),
    ("а", ""),
    ("я", "й"),
    ("я", "ь"),
    ("у", ""),
    ("е", ""),
)


def russian_nominative_flags(lex: NameLexicon, low: str) -> int:
    """Flags of the nominative of a declined Russian name, or 0."""
    for ending, nominative in _RUSSIAN_ENDINGS:
        if low.endswith(ending):
            flags = lex.flags.get(low[: -len(ending)] + nominative, 0)
            if flags:
                return flags
    return 0


_FOLD = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def fold_accents(low: str) -> str:
    """The token without accents, for a lexicon that may hold only the plain spelling."""
    plain = unicodedata.normalize("NFKD", low.translate(_FOLD))
    return "".join(c for c in plain if not unicodedata.combining(c))


def fold_accents_but_tilde(low: str) -> str:
    """The token without accents except "ñ", which Spanish names keep in the lexicon too
    ("Íñigo" is listed as "iñigo")."""
    return fold_accents(low.replace("ñ", "\0")).replace("\0", "ñ")


_ATTACHED = ("عبد", "بن", "ابن", "أبو", "ابو", "بو", "آل")


def attached_particle_name(lex: NameLexicon, low: str) -> bool:
    """True for an Arabic particle written together with a known name ("بنعلي", "أبوزيد")."""
    for lead in _ATTACHED:
        rest = low[len(lead) :]
        # A rest that opens with a bare alef is a word (بناية, building), not a name.
        if low.startswith(lead) and len(rest) >= 3 and rest[0] != "ا":
            flags = lex.flags.get(rest, 0)
            if flags & (GIVEN | SURNAME) and not flags & AMBIGUOUS:
                return True
    return False


# Arabizi (Arabic in Latin letters, digits for the sounds Latin lacks): "3ali", "mo7ammad",
# "7amad al ka3bi". Each digit's readings in the spellings name lists use.
_ARABIZI_DIGITS = {"2": ("", "a"), "3": ("", "a"), "5": ("kh",), "6": ("t",), "7": ("h",)}
_ARABIZI_DIGITS |= {"8": ("gh",), "9": ("s",)}
ARABIZI_WORD = re.compile(r"[a-z]*[235-9][a-z235-9]*")
# Words of endearment and kinship that read as names once spelled out.
_ARABIZI_NOT_NAMES = frozenset(
    [
        *("7ayati", "7abibi", "7abibti", "3ammi", "3ammo", "2albi", "3omri", "7ayete"),
        *("ya3ni", "se3r", "ma3na", "hala2", "halla2", "hala2a", "2day", "2moro", "2nite"),
    ]
)


def arabizi_flags(lex: NameLexicon, word: str) -> int:
    """Lexicon flags of an Arabizi word read in Latin letters ("3ali" -> "ali"); 0 for a word
    that is not Arabizi, is a term of endearment, or reads as no name."""
    if (
        len(word) < 4
        or ARABIZI_WORD.fullmatch(word) is None
        or sum(c.isalpha() for c in word) < 2
        or word in _ARABIZI_NOT_NAMES
    ):
        return 0
    readings = [""]
    for char in word:
        options = _ARABIZI_DIGITS.get(char, (char,))
        readings = [r + o for r in readings for o in options]
    for reading in readings:
        flags = lex.flags.get(reading, 0)
        if flags and len(reading) >= 3 and reading not in lex.common:
            return flags
    return 0


# Arabic names written in Hebrew letters (the usual spelling of Arab-Israeli names): a geresh
# marks the Arabic sounds Hebrew lacks (ח'ליל Khalil, ג'מאל Jamal, צ'אהר Dhaher). Letter by
# letter, such a word maps back onto its Arabic spelling, which the lexicon knows.
_HEBREW_TO_ARABIC = {
    "א": "ا", "ב": "ب", "ג": "ج", "ד": "د", "ה": "ه", "ו": "و", "ז": "ز", "ח": "ح", "ט": "ط",
    "י": "ي", "כ": "ك", "ך": "ك", "ל": "ل", "מ": "م", "ם": "م", "נ": "ن", "ן": "ن", "ס": "س",
    "ע": "ع", "פ": "ف", "ף": "ف", "צ": "ص", "ץ": "ص", "ק": "ق", "ר": "ر", "ש": "ش", "ת": "ت",
}  # fmt: skip
_HEBREW_GERESH_TO_ARABIC = {
    "ג": "ج", "ח": "خ", "ד": "ذ", "ת": "ث", "ט": "ظ", "צ": "ض", "ע": "غ", "ז": "ج",
}  # fmt: skip
_GERESHES = "'׳’"


def hebrew_arabic_flags(lex: NameLexicon, low: str) -> int:
    """The lexicon flags of the Arabic name a Hebrew-lettered word with a geresh spells
    ("ח'ליל" is خليل), trying it also without the vowel letters Hebrew adds (סוהיל, سهيل);
    0 when none is known."""
    out: list[str] = []
    for i, ch in enumerate(low):
        if ch in _GERESHES:
            continue
        marked = i + 1 < len(low) and low[i + 1] in _GERESHES
        mapped = (_HEBREW_GERESH_TO_ARABIC if marked else _HEBREW_TO_ARABIC).get(ch)
        if mapped is None:
            return 0
        out.append(mapped)
    arabic = "".join(out)
    flags = lex.flags.get(arabic, 0)
    if not flags and len(arabic) > 3:
        # A vowel letter inside the word ("סוהיל", "ג'מאל" -> جمال keeps its alif).
        inner = arabic[0] + arabic[1:-1].replace("و", "").replace("ي", "") + arabic[-1]
        flags = lex.flags.get(inner, 0)
    return flags
