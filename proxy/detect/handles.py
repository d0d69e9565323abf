"""Handles: logins, mailbox names and mentions made of a person's names.

Audit logs, exports and chats name people by their logins: `john.smith`, `m.okafor`,
`tamar.w`, `rafael-nogueira`, `@yuki.tanaka`, `אבי_מלכה`. Written anywhere, a handle is a
person's when its parts read as names: a given name and a name, an initial and a surname, a
given name and an initial.
After a login key (`user=`, `actor:`, `committed by`, `משתמש:`, `المستخدم:`) one name part is
enough, and a login glued from an initial and a surname (`tnguyen`) is read too; a service
account's login (`svc-sync`, `ai-assistant`, `admin`) is nobody.
"""

from __future__ import annotations

import re

from proxy.detect.casing import lower_same_length
from proxy.detect.lexicon import AMBIGUOUS, GIVEN, SURNAME, NameLexicon

# A handle or mailbox name written alone ("john.smith", "m.okafor"), not part of an address
# or of a dotted path ("os.path.join", "np.array(").
HANDLE = re.compile(r"(?<![\w.@-])([^\W\d_]+)(?P<glue>[._]|-(?=[a-z]))([^\W\d_]+)(?![\w@(-]|\.\w)")
# A dot, an underscore or a hyphen and a letter: the scan looks for that first (for a hyphen,
# a lower-case one: "rafael-nogueira", not "Al-Futtaim" or "follow-up", which no names make).
_HANDLE_GATE = re.compile(r"[._](?=[^\W\d_])|(?<=[a-z])-(?=[a-z])")
# A Slack-style mention ("@yuki.tanaka", "@priya"), read like a handle.
# Led by its "@" so `re` skips to those; the character before is checked in `_mentions`.
MENTION = re.compile(r"@([^\W\d_]{2,})(?:[._]([^\W\d_]+))?(?![\w@-]|\.\w)")
# Keys a login follows, found by `str.find` in the lower-cased text (an alternation of them in
# `re` costs ~0.7 ms per 10 KB: it is tried at every position). A key may follow one of its
# prefix letters or words ("for_user", "המשתמש", "למשתמש", "المستخدم", "للمستخدم").
_LOGIN_KEYS = {
    "user": ("for_",),
    "login": (),
    "actor": (),
    "משתמש": ("ה", "ל"),
    "لمستخدم": ("ا", "ل"),
    "χρήστης": (),
    "пользователь": (),
    "usuario": (),
    "utilisateur": (),
    "benutzer": (),
    "kullanıcı": (),
    "ed by": ("committ", "push", "export", "delet", "lock", "edit"),
    "ed_by": ("committ", "push", "export", "delet", "lock", "edit"),
}
_NEED_A_VERB = frozenset(["ed by", "ed_by"])
# What follows a key: the rest of it ("username"), a separator, then the login, whole (not
# the start of an id: "u_1234").
_AFTER_KEY = re.compile(
    r"(?:name|NAME|_name|_login)?(?![^\W\d_])[ \t]*(?P<sep>[:=]?)[ \t]*[\"']?"
    r"(?P<login>[^\W\d_]+(?:[._-][^\W\d_]+){0,2})(?![\w.-]*\w)"
)
# Logins of services and shared mailboxes: never a person's, whatever else they hold.
_SERVICE = frozenset(
    [
        *("admin", "administrator", "root", "system", "sys", "svc", "service", "api", "bot"),
        *("app", "ai", "assistant", "integration", "sync", "etl", "cron", "job", "scheduler"),
        *("webhook", "import", "export", "noreply", "no", "reply", "test", "demo", "guest"),
        *("support", "sales", "ops", "billing", "finance", "team", "crm", "dev", "qa", "prod"),
        *("staging", "backup", "monitor", "audit", "security", "helpdesk", "info", "default"),
        *("anonymous", "unknown", "null", "none", "user", "automation", "workflow", "zapier"),
        *("poc", "trial", "pilot", "temp", "shared", "generic", "sandbox", "training", "ip"),
    ]
)


def _is_letter(char: str) -> bool:
    """`[^\\W\\d_]` of `re` for one character: a letter (alphanumeric, not a decimal digit)."""
    return char.isalnum() and not char.isdecimal()


def _name_flags(lex: NameLexicon, part: str) -> int:
    return lex.flags.get(part.casefold(), 0)


def _names_a_person(lex: NameLexicon, first: str, second: str, glue: str) -> bool:
    """A handle written anywhere: a given name and a name ("john.smith"; a surname that is
    also a word after a given name that is not, "minji.kim"), an initial and a surname
    ("m.okafor"), or a given name and an initial ("tamar.w", "Arun_P")."""
    a, b = _name_flags(lex, first), _name_flags(lex, second)
    if len(first) >= 2 and len(second) >= 2:
        if not (a & GIVEN and b) or a & AMBIGUOUS or first.casefold() == second.casefold():
            return False  # "oleh-oleh": a word said twice (Indonesian), not Oleh Oleh
        if not b & AMBIGUOUS:
            return True
        # A mailbox's dot only: "geo_block", "sahel-solar" are a setting's and a slug's words.
        return glue == "." and len(first) >= 3 and bool(b & SURNAME)
    if glue == "_" and len(second) == 1 and len(first) >= 3:
        return bool(a & GIVEN) and not a & AMBIGUOUS  # an underscore never runs a sentence on
    if not (first + second).islower():
        return False  # "Dana.I think": a sentence run on, not a login
    if len(first) == 1:
        return len(second) >= 3 and bool(b & (GIVEN | SURNAME)) and not b & AMBIGUOUS
    return len(first) >= 3 and len(second) == 1 and bool(a & GIVEN) and not a & AMBIGUOUS


def _handles(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    # HANDLE starts with a look-behind, which makes `re` try it at every position; the scan
    # finds its dot or underscore, walks back over the letters before it and tries HANDLE
    # once there (its first word is that whole run).
    for gate in _HANDLE_GATE.finditer(text):
        start = gate.start()
        while start and _is_letter(text[start - 1]):
            start -= 1
        if start == gate.start():
            continue
        m = HANDLE.match(text, start)
        if m is not None and _names_a_person(lex, m.group(1), m.group(3), m.group("glue")):
            hits.append(m.span())
    return hits


def _login_of_a_person(lex: NameLexicon, login: str, sep: str) -> bool:
    """A login after a login key: a person's unless a service's; one name part is enough
    ("khaled.elmagrahi", "said.alhinai"), an initial and any word too ("j.whitehorse"). One
    word is when it is a name after "=" ("user=dana": after ":" it may open a chat turn,
    "user: tayeb w min..."), or an initial glued to a surname ("tnguyen")."""
    parts = re.split(r"[._-]", login.casefold())
    if any(p in _SERVICE for p in parts):
        return False
    if len(parts) > 1:
        if any(len(p) == 1 for p in parts) and any(len(p) >= 3 for p in parts):
            return True
        return any(len(p) >= 2 and _name_flags(lex, p) & (GIVEN | SURNAME) for p in parts)
    word = parts[0]
    flags = _name_flags(lex, word)
    if flags & (GIVEN | SURNAME):
        return sep == "=" and not flags & AMBIGUOUS and word not in lex.common
    glued = _name_flags(lex, word[1:])
    return len(word) >= 5 and login.islower() and bool(glued & SURNAME) and not glued & AMBIGUOUS


def _key_starts(folded: str, at: int, key: str, befores: tuple[str, ...]) -> bool:
    """True when the key found at `at` of the lower-cased text starts a word, or follows one
    of `befores` that does ("for_user", "למשתמש"; "committed by", "Pushed_by")."""
    for before in befores if key in _NEED_A_VERB else ("", *befores):
        start = at - len(before)
        if start < 0 or not folded.startswith(before, start):
            continue
        if start == 0 or not (folded[start - 1].isalnum() or folded[start - 1] in "_.-"):
            return True
    return False


def _logins(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    hits: list[tuple[int, int]] = []
    folded = lower_same_length(text)  # one character for one: offsets are the text's
    for key, befores in _LOGIN_KEYS.items():
        at = folded.find(key)
        while at >= 0:
            if _key_starts(folded, at, key, befores):
                m = _AFTER_KEY.match(text, at + len(key))
                if m is not None and _login_of_a_person(lex, m.group("login"), m.group("sep")):
                    hits.append(m.span("login"))
            at = folded.find(key, at + 1)
    return hits


def _mentions(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """`@yuki.tanaka`, `@dawn.p`, `@priya`: a mention whose first part is a given name. A
    second part, whatever it is (a surname, an initial), makes even a given name that is also
    a word a person's handle; alone, such a name is the word ("@will")."""
    hits: list[tuple[int, int]] = []
    for m in MENTION.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_.@"):
            continue  # the domain of an email, not a mention
        first = lex.flags.get(m.group(1).casefold(), 0)
        if first & GIVEN and (m.group(2) or not first & AMBIGUOUS):
            hits.append((m.start(1), m.end()))
    return hits


def find_handles(text: str, lex: NameLexicon) -> list[tuple[int, int]]:
    """Spans of the handles, logins and mentions in `text` that are a person's."""
    hits: list[tuple[int, int]] = []
    if _HANDLE_GATE.search(text):
        hits.extend(_handles(text, lex))
    if "@" in text:
        hits.extend(_mentions(text, lex))
    hits.extend(_logins(text, lex))
    return sorted(set(hits))  # a login after its key is a handle too
