"""Secrets: provider API keys, bearer tokens, JWTs, AWS keys, assigned and told passwords.

A password may be assigned (`password=...`, "סיסמה: ...") or told in prose, in English, Hebrew
and Arabic ("the temporary password we sent, X", "الباسوورد تبعي X").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.casing import lower_same_length
from proxy.detect.gates import LeadFinder, matches_at
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
    # A JWT: its header always opens "eyJ"; an encrypted or opaque payload need not.
    r"eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}",
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----",
    r"SG\.[A-Za-z0-9_\-]{16,32}\.[A-Za-z0-9_\-]{30,64}",
    r"hf_[A-Za-z0-9]{30,}",
    r"(?:npm|pypi)_[A-Za-z0-9]{30,}|pypi-[A-Za-z0-9_\-]{50,}",
    r"whsec_[A-Za-z0-9]{24,}",
    r"xapp-[A-Za-z0-9-]{20,}",
    r"ya29\.[A-Za-z0-9_\-]{20,}",
    # CRM platforms' own: HubSpot private-app tokens, Zoho OAuth tokens.
    r"pat-(?:na|eu|ap)\d-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
    r"1000\.[0-9a-f]{32}\.[0-9a-f]{32}",
    # Meta (Facebook, WhatsApp Cloud API) access tokens.
    r"EAA[A-Za-z0-9]{80,}",
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
    "pat-",
    "1000.",
    "EAA",
)
KEYED = re.compile("|".join(_KEYED))  # no leading look-behind: re can then skip ahead fast
# BEARER and ASSIGNED run on the lower-cased text (no IGNORECASE: much faster scans).
BEARER = re.compile(r"(?:bearer|token)\s+([a-z0-9_\-.~+/]{16,}=*)")
ASSIGNED = re.compile(
    r"(?:password|passwd|pwd|pass|passcode|secret|client_secret|api[_-]?key|apikey|token|"
    r"access[_-]?token|auth[_-]?token|refresh[_-]?token|private[_-]?key|aws_secret_access_key|"
    r"secret[_-]?access[_-]?key|"
    r"סי?סמ[הא]|كلمة (?:ال)?مرور|كلمة (?:ال)?سر)"
    r"[\"']?\s*(?:[:=]|is|היא|هي)\s*[\"']?([^\s\"',;}{]{4,200})"
)
# A key word followed by a long value with no separator ("secret wJalrXUtn/K7MDENG..."): a
# secret only when the value mixes letters with digits or symbols (checked as written).
SPACED = re.compile(
    r"(?:password|passwd|secret|api[_ -]?key|access[_ -]?key|token|סי?סמ[הא])\s+"
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
PROSE_PASSWORD = re.compile(  # on the lower-cased text
    r"(?:pass(?:word|wd|code|phrase)?|pwd?|סי?סמ[הא]|كلمة (?:ال)?(?:مرور|سر))(?![a-z])"
)
# A told password: a token of 6-64 characters mixing lower-case letters, digits and symbols.
# Bounded look-aheads: unbounded ones rescanned the whole run at every try (quadratic on
# "pwd:pwd:pwd:...").
_TOLD_TOKEN = (
    r"(?=[^\s,;\"']{0,63}[a-z])(?=[^\s,;\"']{0,63}\d)(?=[^\s,;\"']{0,63}[!@#$%^&*?+=~])"
    r"[^\s,;\"']{6,64}"
)
# A chat line asking for a password ("what's the password for the demo?") and the next line
# answering it with a mixed token after the speaker's name ("Dor Klein: Demo!2025#Sales").
# The speaker may carry the time after the name ("מיכאל טקלה 10:06: ...").
_ANSWER_LINE = re.compile(
    rf"[^\S\n]*(?:\[[^\]\n]{{0,40}}\][^\S\n]*)?[^:\n]{{1,40}}(?::\d\d(?::\d\d)?)?:"
    rf"[^\S\n]*(?P<value>{_TOLD_TOKEN})"
)
# Incoming-webhook URLs carry their secret in the path: the path after the host is the key.
WEBHOOK = re.compile(
    r"(?:hooks\.slack\.com/services/|discord(?:app)?\.com/api/webhooks/)"
    r"([A-Za-z0-9]{6,}/[A-Za-z0-9]{6,}/[A-Za-z0-9]{16,}|\d{10,}/[A-Za-z0-9_\-]{30,})"
)
# A provider's prefix and an underscore, then a long run of letters and digits ("rdst_9c4e...",
# "shpat_...", "key_live_..."): the shape of most API keys, found by its underscore.
PREFIXED_KEY = re.compile(r"_[A-Za-z0-9]{16,200}(?![\w-])")
# A prefix that names the key's environment ("ps_live_", "acme_test_") marks a key of 16 or
# more characters; any other prefix one of 24 or more.
_ENVIRONMENT = ("_live", "_test", "_prod", "_sandbox", "_dev")
_PREFIX_BEFORE = re.compile(r"(?<![\w-])[a-z]{2,8}(?:_[a-z]{2,8})?$")
# A key or token told in prose ("here's the key we use: pat-na1-7f3c...", "a chave de API
# rdst_..."): on the key word's line, within a few words, a long token mixing letters and
# digits (read on the lower-cased text).
PROSE_KEY = re.compile(
    r"(?:key|token|chave|clave|clé|schlüssel|מפתח|مفتاح)(?![a-z])[^\n]{0,40}?"
    r"(?<![\w+/=-])([a-z0-9][a-z0-9_\-]{19,200})(?![\w+/=-])"
)
_LETTER_AND_DIGITS = re.compile(r"(?=[^\n]*[a-z])(?=(?:[^\n]*\d){4})")
# Twilio account and API key SIDs: a two-letter lead and 32 lower-case hex digits.
TWILIO_SID = re.compile(r"(?:AC|SK)[0-9a-f]{32}(?![0-9A-Za-z])")
_PROSE_VALUE = re.compile(rf"[^.\n]{{0,40}}?[\s,:]({_TOLD_TOKEN})(?<![.!?])")
# A password told in Hebrew or Arabic speech: the key word (also colloquial: "الباسوورد",
# "الرقم السري" the PIN, "ססמה"), whose ("تبعي", "حقي", "مالي" mine; "שלי") or which ("الجديدة",
# "החדשה" the new one), maybe "is" or a colon, then a token in neither script:
# "الباسوورد تبعي Noor_8812", "הסיסמה שלי היא Dana2024". Read on the lower-cased text.
_OWNER = (
    r"تبعي|تبعتي|تبعو|تبعه|تبعها|تبعك|حقي|حقه|حقها|حقك|مالي|ماله|مالها|مالك|ديالي|"
    r"الخاصة بي|الخاص بي|الجديدة|الجديده|الجديد|المؤقتة|المؤقت|"
    r"שלי|שלו|שלה|שלך|שלנו|שלכם|שלהם|החדשה|החדש|הזמנית|הזמני|"
    # whose, by name: "הסיסמה של המנהל הייתה ...", "الباسوورد تبع المدير ..."
    r"של [\u05d0-\u05ea]+|(?:تبع|حق|مال|ديال) [\u0621-\u064a]+"
)
TOLD_PASSWORD = re.compile(
    r"(?:סי?סמ[הא]|باسو{1,2}رد|رقم (?:ال)?سري|كلمة (?:ال)?(?:سر|مرور))"
    rf"(?:[ \t]+(?:{_OWNER})){{0,2}}"
    r"(?P<said>[ \t]*[:=]|[ \t]+و?(?:היא|הוא|זה|זו|הייתה|هي|هو|كانت|كان|صارت|صار)"
    # a few words on what it opens, then a colon: "סיסמה זמנית לסביבת הבדיקה: ..."
    r"|(?:[ \t]+[\u05d0-\u05ea\u0621-\u064a]+){1,3}[ \t]*:)?[ \t]*"
    r"[\"'«]?(?P<value>[^\s\"',;}{«»\u0590-\u065f\u066a-\u06ef\u06fa-\u06ff]{4,64})"
)
# What may stand before the key word: a prefix ("ו", "וה"; "ال", "وال") after a non-letter.
_TOLD_PREFIX = re.compile(r"(?:^|[^\w])(?:[והשבלמכ]{0,2}|[وبفل]?(?:ال|ل)?)$")
_DIGIT_OR_SYMBOL = re.compile(r"[\d!@#$%^&*?+=~_]")
_YEAR = re.compile(r"(?:19|20)\d\d")
# A URL with a password in it: scheme://user:password@host/...
# The whole URL is the secret: user, password and host together say whose database it is.
URL_PASSWORD = re.compile(r"(://[^\s:/@]+:[^\s@/]{3,}@[^\s\"'<>,;)]+)")
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*$")


# The patterns read on the lower-cased text, each with the leads every match of it starts with.
_GATES: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (BEARER, ("bearer", "token")),
    (
        ASSIGNED,
        (
            *("pass", "pwd", "secret", "client_secret", "api", "access", "auth", "refresh"),
            "token",
            *("private", "aws_secret_access_key", "סיסמ", "ססמ", "كلمة "),
        ),
    ),
    (URL_PASSWORD, ("://",)),
    (SPACED, ("pass", "secret", "api", "access", "token", "סיסמ", "ססמ")),
)
# One pass over the lower-cased text finds where a match may start: each pattern is then tried
# only there (led by alternations of common letters, `re` would try them at most positions).
# Groups: the key formats, the patterns above, then AWS_PAIR (read as written: case tells a
# key from a word) and PROSE_PASSWORD.
_STARTS = LeadFinder(
    [
        tuple({lead.lower() for lead in _KEY_LEADS}),
        *(leads for _, leads in _GATES),
        ("akia", "asia"),
        ("pass", "pw", "סיסמ", "ססמ", "كلمة "),
        ("סיסמ", "ססמ", "باسو", "رقم سري", "رقم السري", "كلمة "),  # TOLD_PASSWORD
        ("key", "token", "chave", "clave", "clé", "schlüssel", "מפתח", "مفتاح"),  # PROSE_KEY
    ]
)


def find_secrets(text: str) -> Iterator[Span]:
    """Known key formats anywhere, and values assigned to password/key/token names; a value
    that several patterns find ("סיסמה: X" is assigned and told) once."""
    seen: set[tuple[int, int]] = set()
    for span in _all_secrets(text):
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            yield span


def _token_like(value: str) -> bool:
    """A value long enough and with a digit to be a token rather than a word."""
    return len(value) >= 16 and any(c.isdigit() for c in value)


def _runs_into(char: str) -> bool:
    """True when `char` before a key makes it part of a longer token; a Hebrew or Arabic
    letter does not ("והמפתח: וsk-proj-...", a prefix letter glued to the key)."""
    return (char.isalnum() and not "\u0590" <= char <= "\u06ff") or char in "_-"


def _answered(text: str, at: int) -> re.Match[str] | None:
    """The answer on the next line when the line holding `at` asks a question."""
    line_end = text.find("\n", at)
    if line_end < 0 or "?" not in text[at:line_end]:
        return None
    return _ANSWER_LINE.match(text, line_end + 1)


def _all_secrets(text: str) -> Iterator[Span]:
    lowered = lower_same_length(text)
    starts = _STARTS.starts(lowered)
    keyed = matches_at(KEYED, text, starts[0])
    assigned = [matches_at(rx, lowered, starts[i]) for i, (rx, _) in enumerate(_GATES, 1)]
    aws = matches_at(AWS_PAIR, text, starts[len(_GATES) + 1])
    prose = list(matches_at(PROSE_PASSWORD, lowered, starts[len(_GATES) + 2]))
    told = list(matches_at(TOLD_PASSWORD, lowered, starts[len(_GATES) + 3]))
    for m in matches_at(PROSE_KEY, lowered, starts[len(_GATES) + 4]):
        if _LETTER_AND_DIGITS.match(m.group(1)):
            yield Span(m.start(1), m.end(1), EntityType.SECRET, 1.0, "told")
    for m in WEBHOOK.finditer(text) if "/services/" in text or "/webhooks/" in text else ():
        yield Span(m.start(1), m.end(1), EntityType.SECRET, 1.0, "key")
    for m in PREFIXED_KEY.finditer(text) if "_" in text else ():
        prefix = _PREFIX_BEFORE.search(text, max(0, m.start() - 17), m.start())
        if prefix is None or not (len(m.group()) > 24 or prefix.group().endswith(_ENVIRONMENT)):
            continue
        if _LETTER_AND_DIGITS.match(m.group()[1:].lower()):
            yield Span(prefix.start(), m.end(), EntityType.SECRET, 1.0, "key")
    for m in keyed:
        if m.start() and _runs_into(text[m.start() - 1]):
            continue
        yield Span(m.start(), m.end(), EntityType.SECRET, 1.0, "key")
    for (rx, _), matches in zip(_GATES, assigned, strict=True):
        for m in matches:
            if rx is not URL_PASSWORD and m.start() and lowered[m.start() - 1].isalnum():
                continue
            if rx is SPACED and not _MIXED.match(text, m.start(1)):
                continue
            if rx is ASSIGNED and lowered.startswith("token", m.start()) and not _token_like(m[1]):
                continue  # "token: none", "token is valid": words, not a token
            start = m.start(1)
            if rx is URL_PASSWORD:
                scheme = _SCHEME.search(lowered, max(0, start - 20), start)
                start = scheme.start() if scheme else start
            yield Span(start, m.end(1), EntityType.SECRET, 1.0, "assigned")
    for m in aws:
        yield Span(m.start(1), m.end(1), EntityType.SECRET, 1.0, "assigned")
    for m in (*prose, *told):
        answer = _answered(text, m.end())
        if answer is not None:
            yield Span(answer.start("value"), answer.end("value"), EntityType.SECRET, 1.0, "told")
    for m in TWILIO_SID.finditer(text) if "AC" in text or "SK" in text else ():
        if not (m.start() and text[m.start() - 1].isalnum()):
            yield Span(m.start(), m.end(), EntityType.SECRET, 1.0, "key")
    for m in prose:
        value = _PROSE_VALUE.match(text, m.end())
        if value is not None:
            end = value.end(1)
            if text[end - 1] == ")" and "(" not in value.group(1):
                end -= 1  # the parenthesis the value was written in, not part of it
            yield Span(value.start(1), end, EntityType.SECRET, 1.0, "assigned")
    for m in told:
        if not _TOLD_PREFIX.search(lowered[max(0, m.start() - 4) : m.start()]):
            continue  # the key word ends a longer word
        told_value = text[m.start("value") : m.end("value")].rstrip(".!?)")
        if told_value.endswith(":"):
            continue  # "הסיסמה שניסיתי: pwd: X": a label; X is found after it
        if len(told_value) < 4 or not (
            m.group("said")
            or (_DIGIT_OR_SYMBOL.search(told_value) and not _YEAR.fullmatch(told_value))
        ):
            continue  # "הסיסמה שלי Gmail לא עובדת" names where, not what
        start = m.start("value")
        yield Span(start, start + len(told_value), EntityType.SECRET, 1.0, "assigned")
