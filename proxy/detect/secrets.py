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
# A URL's userinfo: scheme://user:password@host
URL_PASSWORD = re.compile(r"://[^\s:/@]+:([^\s@/]{3,})@")


_GATES = (
    (BEARER, ("bearer", "token")),
    (ASSIGNED, ("pass", "pwd", "secret", "key", "token", "סיסמ", "كلمة")),
    (URL_PASSWORD, ("://",)),
)
# Every match of BEARER, ASSIGNED and URL_PASSWORD starts with one of these (in the lower-cased
# text); every KEYED one with a key lead.
_MATCH_LEADS = (
    ("bearer", "token"),
    (
        *("pass", "pwd", "secret", "client_secret", "api", "access", "auth", "refresh"),
        *("private", "aws_secret_access_key", "סיסמ", "كلمة "),
    ),
    ("://",),
)


# One pass over the lower-cased text opens every gate; the key leads are looked for lower-cased
# too, which only opens their scan a little more often than needed (never less).
_OPEN = CueGates([tuple({lead.lower() for lead in _KEY_LEADS}), *(cues for _, cues in _GATES)])
# One pass over the lower-cased text finds where a match may start: each pattern is then tried
# only there. Led by alternations of common letters, `re` would try them at most positions.
_STARTS = LeadFinder([tuple({lead.lower() for lead in _KEY_LEADS}), *_MATCH_LEADS])


def find_secrets(text: str) -> Iterator[Span]:
    """Known key formats anywhere, and values assigned to password/key/token names."""
    lowered = text.lower()
    keyed: Iterable[re.Match[str]]
    assigned: list[Iterable[re.Match[str]]]
    if len(lowered) == len(text):
        starts = _STARTS.starts(lowered)
        keyed = matches_at(KEYED, text, starts[0])
        assigned = [matches_at(rx, lowered, starts[i]) for i, (rx, _) in enumerate(_GATES, 1)]
        low = lowered
    else:
        # Lower-casing changed the length (a rare letter): its offsets are not the text's,
        # so the patterns scan the text as written.
        gates = _OPEN.open(lowered)
        keyed = KEYED.finditer(text) if 0 in gates else ()
        assigned = [rx.finditer(text) if i in gates else () for i, (rx, _) in enumerate(_GATES, 1)]
        low = text
    for m in keyed:
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-"):
            continue
        yield Span(m.start(), m.end(), EntityType.SECRET, 1.0, "key")
    for (rx, _), matches in zip(_GATES, assigned, strict=True):
        for m in matches:
            if rx is not URL_PASSWORD and m.start() and low[m.start() - 1].isalnum():
                continue
            yield Span(m.start(1), m.end(1), EntityType.SECRET, 1.0, "assigned")
