"""Secrets: provider API keys, bearer tokens, JWTs, AWS keys and `password=`-style values."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from proxy.detect.gates import CueGates, LeadFinder, matches_at
from proxy.detect.spans import EntityType, Span

_KEYED = (
    r"sk-(?:proj-|live-|test-|ant-)?[A-Za-z0-9_\-]{16,}",
    r"(?:pk|rk|sk)_(?:live|test)_[A-Za-z0-9]{16,}",
    r"(?:AKIA|ASIA|AGPA|AIDA|AROA)[A-Z0-9]{16}",
    r"gh[pousr]_[A-Za-z0-9]{30,}",
    r"github_pat_[A-Za-z0-9_]{40,}",
    r"xox[abposr]-[A-Za-z0-9-]{10,}",
    r"AIza[0-9A-Za-z_\-]{35}",
    r"glpat-[A-Za-z0-9_\-]{20,}",
    r"eyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
    r"SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{30,64}",
    r"hf_[A-Za-z0-9]{30,}",
    r"(?:npm|pypi)_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_\-]{50,}",
    r"whsec_[A-Za-z0-9]{24,}",
    r"xapp-[A-Za-z0-9-]{20,}",
    r"ya29\.[A-Za-z0-9_\-]{20,}",
)
# Every key format above starts with one of these: a substring test is cheaper than a scan.
_KEY_LEADS = (
    "sk-",
    "pk_",
    "rk_",
    "sk_",
    "AKIA",
    "ASIA",
    "AGPA",
    "AIDA",
    "AROA",
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "xox",
    "AIza",
    "glpat-",
    "eyJ",
    "-----BEGIN",
    "SG.",
    "hf_",
    "npm_",
    "pypi",
    "whsec_",
    "xapp-",
    "ya29.",
)
KEYED = re.compile("|".join(_KEYED))  # no leading look-behind: re can then skip ahead fast
# BEARER and ASSIGNED run on the lower-cased text (no IGNORECASE: much faster scans).
BEARER = re.compile(r"(?:bearer|token)\s+([a-z0-9_\-.~+/]{16,}=*)")
ASSIGNED = re.compile(
    r"(?:password|passwd|pwd|pass|passcode|secret|client_secret|api[_-]?key|apikey|"
    r"access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?key|aws_secret_access_key|"
    r"סיסמה|סיסמא|كلمة المرور|كلمة السر)"
    r"[\"']?\s*(?:[:=]|is|היא|هي)\s*[\"']?([^\s\"',;}{]{4,200})"
)
# A key word followed by a long value with no separator ("secret wJalrXUtn/K7MDENG..."): a
# secret only when the value mixes letters with digits or symbols (checked as written).
SPACED = re.compile(
    r"(?:password|passwd|secret|api[_ -]?key|access[_ -]?key|token|סיסמה|סיסמא)\s+"
    r"([^\s\"',;}{]{16,200})"
)
_MIXED = re.compile(r"(?=\S{0,199}[A-Z])(?=\S{0,199}[a-z])(?=\S{0,199}[\d/+=])")
# The 40-character secret pasted right after an AWS key id ("AKIA... / wJalrXUtn...").
AWS_PAIR = re.compile(
    r"(?:AKIA|ASIA)[A-Z0-9]{16}[\s/:,;|]{1,5}([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])"
)
# A password told in prose ("the temporary password we sent, Brightwell!2024x"; "wifi pwd
# changed, it's Ikoyi#Fibre2024"): within a few words after the key word, a token mixing
# letters, digits and symbols.
PROSE_PASSWORD = re.compile(
    r"(?:pass(?:word|wd|code|phrase)|pwd|סיסמ[הא]|كلمة (?:المرور|السر))(?![a-z])"  # lower-cased
)
_PROSE_VALUE = re.compile(
    r"[^.\n]{0,40}?[\s,:]"
    # Bounded look-aheads: unbounded ones rescanned the whole run at every try (quadratic
    # on "pwd:pwd:pwd:...").
    r"((?=[^\s,;\"']{0,63}[a-z])(?=[^\s,;\"']{0,63}\d)(?=[^\s,;\"']{0,63}[!@#$%^&*?+=~])"
    r"[^\s,;\"']{6,64})"
    r"(?<![.!?])"
)
# A URL with a password in it: scheme://user:password@host/...
# The whole URL is the secret: user, password and host together say whose database it is.
URL_PASSWORD = re.compile(r"(://[^\s:/@]+:[^\s@/]{3,}@[^\s\"'<>,;)]+)")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*$")


_GATES = (
    (BEARER, ("bearer", "token")),
    (ASSIGNED, ("pass", "pwd", "secret", "key", "token", "סיסמ", "كلمة")),
    (URL_PASSWORD, ("://",)),
    (SPACED, ("pass", "secret", "key", "token", "סיסמ")),
)
# These two read the text as written: case tells a key from a word.
_CASED: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (AWS_PAIR, ("akia", "asia")),
    (PROSE_PASSWORD, ("pass", "pwd", "סיסמ", "كلمة ")),
)
# Every match of BEARER, ASSIGNED, URL_PASSWORD and SPACED starts with one of these (in the
# lower-cased text); every KEYED one with a key lead, and the two _CASED ones with their cues.
_MATCH_LEADS = (
    ("bearer", "token"),
    (
        *("pass", "pwd", "secret", "client_secret", "api", "access", "auth", "refresh"),
        *("private", "aws_secret_access_key", "סיסמ", "كلمة "),
    ),
    ("://",),
    ("pass", "secret", "api", "access", "token", "סיסמ"),
)


# One pass over the lower-cased text opens every gate; the key leads are looked for lower-cased
# too, which only opens their scan a little more often than needed (never less).
_OPEN = CueGates(
    [
        tuple({lead.lower() for lead in _KEY_LEADS}),
        *(cues for _, cues in _GATES),
        *(cues for _, cues in _CASED),
    ]
)
# One pass over the lower-cased text finds where a match may start: each pattern is then tried
# only there. Led by alternations of common letters, `re` would try them at most positions.
_STARTS = LeadFinder(
    [tuple({lead.lower() for lead in _KEY_LEADS}), *_MATCH_LEADS, *(c for _, c in _CASED)]
)


def find_secrets(text: str) -> Iterator[Span]:
    """Known key formats anywhere, and values assigned to password/key/token names."""
    lowered = text.replace("İ", "i").lower()  # the one letter whose lower case is longer
    keyed: Iterable[re.Match[str]]
    assigned: list[Iterable[re.Match[str]]]
    aws: Iterable[re.Match[str]]
    prose: Iterable[re.Match[str]] = ()
    if len(lowered) == len(text):
        starts = _STARTS.starts(lowered)
        keyed = matches_at(KEYED, text, starts[0])
        assigned = [matches_at(rx, lowered, starts[i]) for i, (rx, _) in enumerate(_GATES, 1)]
        aws = matches_at(AWS_PAIR, text, starts[len(_GATES) + 1])
        prose = matches_at(PROSE_PASSWORD, lowered, starts[len(_GATES) + 2])
        low = lowered
    else:
        # Lower-casing changed the length (a rare letter): its offsets are not the text's,
        # so the patterns scan the text as written.
        gates = _OPEN.open(lowered)
        keyed = KEYED.finditer(text) if 0 in gates else ()
        assigned = [rx.finditer(text) if i in gates else () for i, (rx, _) in enumerate(_GATES, 1)]
        aws = AWS_PAIR.finditer(text) if len(_GATES) + 1 in gates else ()
        low = text
    for m in keyed:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue
        yield Span(m.start(), m.end(), EntityType.SECRET, 1.0, "key")
    for (rx, _), matches in zip(_GATES, assigned, strict=True):
        for m in matches:
            if rx is not URL_PASSWORD and m.start() and low[m.start() - 1].isalnum():
                continue
            if rx is SPACED and not _MIXED.match(text, m.start(1)):
                continue
            start = m.start(1)
            if rx is URL_PASSWORD:
                scheme = _SCHEME.search(low, max(0, start - 20), start)
                start = scheme.start() if scheme else start
            yield Span(start, m.end(1), EntityType.SECRET, 1.0, "assigned")
    for m in aws:
        yield Span(m.start(1), m.end(1), EntityType.SECRET, 1.0, "assigned")
    for m in prose:
        value = _PROSE_VALUE.match(text, m.end())
        if value is not None:
            end = value.end(1)
            if text[end - 1] == ")" and "(" not in value.group(1):
                end -= 1  # the parenthesis the value was written in, not part of it
            yield Span(value.start(1), end, EntityType.SECRET, 1.0, "assigned")
