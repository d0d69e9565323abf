"""Values spelled out to dodge patterns, rewritten for detection.

`john dot smith at gmail dot com`, `john[at]acme[dot]com`, `j o h n`, `J-o-h-n`,
`9.7.2.5.4.1.2.3.4.5.6.7` and `nine seven two five ...` are each turned back into the value
they spell, so the ordinary recognizers (email, phone, names) see it. `spelled_edits` returns
the regions and their rewrites; `normalize` applies them with an offset map, so a span found
in the rewrite covers the whole spelled region of the original.
"""

from __future__ import annotations

import re

from proxy.detect.automaton import Automaton
from proxy.detect.lexicon import AMBIGUOUS, load_lexicon
from proxy.detect.wordlists import longest_first

_AT = r"(?:\s*[\[\(\{<]\s*at\s*[\]\)\}>]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[\(\{<]\s*dot\s*[\]\)\}>]\s*|\s+dot\s+|\s*\.\s*)"
# A spelled email ends in a known top-level domain, so "meet at noon" is never one.
_TLD = (
    r"(?:com|net|org|io|co|il|ae|uk|us|de|fr|in|ng|au|sa|ca|info|biz|me|ai|app|dev|edu|gov|"
    r"eu|es|it|nl|ru|jo|eg|lb|qa|kw|bh|om|tr|ch|at|be|se|no|dk|pl|br|mx|za|sg|hk|jp|kr|cn)"
)
SPELLED_EMAIL = re.compile(
    rf"(?i)(?<![\w.])[\w+'-]+(?:{_DOT}[\w+'-]+)*{_AT}[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}{_TLD}\b"
)
# What every SPELLED_EMAIL match holds from its "at" on, led by that literal so `re` skips ahead
# fast: where it occurs nowhere (prose that only says "anecdote"), the full pattern cannot match.
_SPELLED_EMAIL_TAIL = re.compile(
    rf"(?i)at\b(?:\s*[\]\)\}}>])?\s*[a-z0-9-]+(?:{_DOT}[a-z0-9-]+)*{_DOT}{_TLD}\b"
)
_SPELLED_SEP = re.compile(rf"(?i){_AT}|{_DOT}")
# Single letters or digits split by one space or hyphen ("j o h n", "J-o-h-n", "+-9-7-1"),
# or digits split by dots; at least four characters, so "a b c" and "1.2.3" stay as they are.
SPACED = re.compile(
    r"(?<![^\W_])(?:[^\W_]|[.@+])(?: (?:[^\W_]|[.@+])){3,}(?![^\W_])"
    r"|(?<![^\W_])(?:\+-)?(?:[^\W_]-){3,}[^\W_](?![^\W_])"
    r"|(?<![\w.])(?:\d\.){6,}\d(?![\w.])"
)
_CAMEL = re.compile(r"(?<=[^\W\d_])(?=[A-Z](?![A-Z]))|(?<=[a-z])(?=[A-Z])")
_DIGIT_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_DIGIT_OF = {w: str(i) for i, w in enumerate(_DIGIT_WORDS)} | {"oh": "0", "plus": "+"}
_WORD = "(?:" + "|".join((*_DIGIT_WORDS, "oh", "plus")) + ")"
# The digits read out in Hebrew and in Arabic (standard, Gulf, Levantine and Egyptian forms).
_RTL_DIGIT_OF = {
    **dict.fromkeys(("אפס", "صفر"), "0"),
    **dict.fromkeys(("אחת", "אחד", "واحد", "وحده"), "1"),
    **dict.fromkeys(("שתיים", "שתים", "שניים", "שנים", "اثنين", "اتنين", "إثنين", "اثنان"), "2"),
    **dict.fromkeys(("שלוש", "שלש", "שלושה", "ثلاثة", "تلاتة", "ثلاث", "تلات"), "3"),
    **dict.fromkeys(("ארבע", "ארבעה", "أربعة", "اربعة", "أربع", "اربع"), "4"),
    **dict.fromkeys(("חמש", "חמישה", "خمسة", "خمس"), "5"),
    **dict.fromkeys(("שש", "שישה", "ستة", "ست"), "6"),
    **dict.fromkeys(("שבע", "שבעה", "سبعة", "سبع"), "7"),
    **dict.fromkeys(("שמונה", "ثمانية", "تمانية", "ثمان", "تمان", "ثمنية"), "8"),
    **dict.fromkeys(("תשע", "תשעה", "تسعة", "تسع"), "9"),
}
_DIGIT_OF |= _RTL_DIGIT_OF
# Pairs read as numbers ("fifty three", "חמישים ושלוש", Arabic "ثلاثة وخمسين", three and
# fifty): the tens, and the digits with "and" written onto them ("ו", "و").
_TENS_OF = {
    **dict(
        zip(
            ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"),
            "23456789",
            strict=True,
        )
    ),
    **dict(
        zip(
            ("עשרים", "שלושים", "ארבעים", "חמישים", "שישים", "שבעים", "שמונים", "תשעים"),
            "23456789",
            strict=True,
        )
    ),
    **dict(
        zip(
            ("عشرين", "ثلاثين", "اربعين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"),
            "234456789",
            strict=True,
        )
    ),
}
_TENS_OF |= {"و" + w: d for w, d in _TENS_OF.items() if "\u0600" <= w[0] <= "\u06ff"}
_TEENS_OF = dict(
    zip(
        (
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ),
        range(10, 20),
        strict=True,
    )
)
_AND_DIGIT_OF = {
    ("ו" if "\u0590" <= w[0] <= "\u05ff" else "و") + w: d
    for w, d in _RTL_DIGIT_OF.items()
    if d != "0"
}
_RTL_WORD = f"(?:{longest_first((*_RTL_DIGIT_OF, *_AND_DIGIT_OF))})"
_NUMBER_WORD = f"(?:{longest_first((*_TENS_OF, *_TEENS_OF))})"
_WORD = f"(?:{_WORD}|{_RTL_WORD}|{_NUMBER_WORD})"
# Seven or more digit words in a row: a phone number read out.
DIGIT_WORDS = re.compile(rf"(?i)(?<![^\W\d_]){_WORD}(?:[\s,-]+{_WORD}){{6,}}(?![^\W\d_])")
# Cheap gates, each a literal-led pattern or substring test, so plain prose costs a few fast
# scans: only a text that has a spelled form at all pays for the full patterns.
_EMAIL_MARKS = ("dot", "DOT", "Dot", "at]", "at)", "at }", "at>", "at ]", "at )", "AT]", "AT)")
# One pattern per form: an alternation would make `re` try it at every position.
_SPACED_GATES = (
    re.compile(r" [^\W_] [^\W_] "),
    re.compile(r"-[^\W_]-[^\W_]-"),
    re.compile(r"\.\d\.\d\.\d\."),
)
# Every SPACED match holds one of these (two inner letters or symbols of four, the middle of
# a hyphenated run, dotted digits), and none crosses a line: SPACED only has to read the lines
# they occur on.
_SPACED_HINTS = (re.compile(r" [\w.@+] [\w.@+] "), *_SPACED_GATES[1:])
# The email marks and the digit words between spaces, found in one automaton pass (a
# pattern per mark and an alternation of the Hebrew and Arabic digit words took ten times as
# long): a spelled email needs a mark, a read-out phone two digit words in a row.
_EMAIL, _DIGIT = 1, 2
_MARKS = Automaton(
    [
        *((mark, _EMAIL) for mark in _EMAIL_MARKS),
        *((f" {word} ", _DIGIT) for word in (*_DIGIT_WORDS, "oh", *_RTL_DIGIT_OF)),
        *((f" {word} ", _DIGIT) for word in (*_TENS_OF, *_TEENS_OF, *_AND_DIGIT_OF)),
    ]
)


def _marks(text: str) -> tuple[bool, bool]:
    """Whether `text` holds an email mark, and two digit words in a row."""
    email = False
    digit_ends: set[int] = set()
    pairs = False
    kinds = _MARKS.values
    for key, start, end in _MARKS.find(text):
        if kinds[key] == _EMAIL:
            email = True
        else:
            pairs = pairs or start + 1 in digit_ends  # the space between them is shared
            digit_ends.add(end)
    return email, pairs


def _digits_read_out(words: list[str]) -> str:
    """The digits that words read out: one a digit word, two a pair ("fifty three",
    "חמישים ושלוש", "ثلاثة وخمسين", "fifteen"), a tens word alone its tens ("fifty": 50)."""
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        after = words[i + 1] if i + 1 < len(words) else ""
        if word in _TEENS_OF:
            out.append(str(_TEENS_OF[word]))
        elif word in _TENS_OF:
            # English says "fifty three"; Hebrew joins the digit with "ו" ("חמישים ושלוש").
            unit = _AND_DIGIT_OF.get(after) or (
                _DIGIT_OF.get(after) if word.isascii() and after != "oh" else None
            )
            out.append(_TENS_OF[word] + (unit if unit and unit != "0" else "0"))
            i += unit is not None and unit != "0"
        elif after in _TENS_OF and after.startswith("و") and word in _RTL_DIGIT_OF:
            out.append(_TENS_OF[after] + _RTL_DIGIT_OF[word])  # Arabic: the digit first
            i += 1
        else:
            out.append(_DIGIT_OF.get(word) or _AND_DIGIT_OF[word])
        i += 1
    return "".join(out)


def _unspace(chunk: str) -> str:
    joined = chunk.replace(" ", "").replace("-", "")
    if "." in joined and joined.replace(".", "").isdigit():
        return joined.replace(".", "")
    if any(c.islower() for c in joined):
        # "JohnSmith" -> "John Smith": the capitals were the word starts.
        return _CAMEL.sub(" ", joined).strip()
    if joined.isalpha() and not joined.isascii():
        return _split_names(joined)
    return joined


def _split_names(joined: str) -> str:
    """Hebrew/Arabic letters spelled one by one have no capitals to mark where the surname
    starts: split where both halves are known names, at least one of them unambiguous."""
    flags = load_lexicon().flags
    for cut in range(2, len(joined) - 1):
        first, second = flags.get(joined[:cut], 0), flags.get(joined[cut:], 0)
        if first and second and not (first & second & AMBIGUOUS):
            return f"{joined[:cut]} {joined[cut:]}"
    return joined


def spelled_edits(text: str) -> list[tuple[int, int, str]]:
    """(start, end, rewrite) of every spelled value in `text`, sorted, non-overlapping."""
    found: list[tuple[int, int, str]] = []
    email, digit_pairs = _marks(text)
    if email and _SPELLED_EMAIL_TAIL.search(text):
        for m in SPELLED_EMAIL.finditer(text):
            found.append((m.start(), m.end(), _SPELLED_SEP.sub(_sep, m.group())))
    if any(gate.search(text) for gate in _SPACED_GATES):
        for m in _spaced(text):
            found.append((m.start(), m.end(), _unspace(m.group())))
    if digit_pairs:
        for m in DIGIT_WORDS.finditer(text):
            words = re.split(r"[\s,-]+", m.group().casefold())
            found.append((m.start(), m.end(), _digits_read_out(words)))
    found.sort()
    out: list[tuple[int, int, str]] = []
    for start, end, new in found:
        if out and start < out[-1][1]:
            continue
        if new != text[start:end]:
            out.append((start, end, new))
    return out


def _spaced(text: str) -> list[re.Match[str]]:
    """Every SPACED match of `text`, reading only the lines that can hold one."""
    lines = {
        text.rfind("\n", 0, m.start()) + 1 for hint in _SPACED_HINTS for m in hint.finditer(text)
    }
    out: list[re.Match[str]] = []
    for start in sorted(lines):
        end = text.find("\n", start)
        # A line's ends read as the text's ends, as its newlines do: no match changes.
        out += SPACED.finditer(text, start, len(text) if end < 0 else end)
    return out


def _sep(m: re.Match[str]) -> str:
    return "@" if "at" in m.group().casefold() else "."
