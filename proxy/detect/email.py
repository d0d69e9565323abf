"""Email addresses, and the name parts their local parts carry (dana.levi@ -> Dana, Levi)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from proxy.detect.spans import EntityType, Span

EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+%'-]{1,64}@(?:[^\W_](?:[\w-]{0,61}[^\W_])?\.)+[^\W\d_]{2,24}(?![\w@])"
)
_LOCAL_BEFORE = re.compile(r"[\w.+%'-]{1,64}$")
# A Hebrew or Arabic preposition glued with a hyphen to an address ("ל-dana@", "ب-ali@").
_GLUED_PREFIX = re.compile(r"[\u05d0-\u05ea\u0621-\u064a]{1,3}[-־](?=[A-Za-z0-9])")
_LOCAL_SPLIT = re.compile(r"[._+\-\d]+")
ROLE_MAILBOXES = frozenset(
    [
        "info",
        "sales",
        "support",
        "admin",
        "office",
        "contact",
        "hello",
        "team",
        "billing",
        "noreply",
        "no-reply",
        "help",
        "hr",
        "jobs",
        "careers",
        "marketing",
        "accounts",
        "finance",
        "press",
        "media",
        "service",
        "orders",
        "ops",
        "dev",
        "it",
        "security",
        "legal",
        "mail",
        "postmaster",
        "webmaster",
        "enquiries",
        "inquiries",
        "partners",
        "procurement",
        "reply",
        "news",
    ]
)


def find_emails(text: str) -> Iterator[Span]:
    """Every syntactically valid email address (label rules, TLD letters only)."""
    at = text.find("@")
    done = -1
    while at != -1:
        # Only the few places around an "@" are looked at, not the whole text.
        local = _LOCAL_BEFORE.search(text, max(0, at - 64, done), at)
        m = EMAIL.match(text, local.start()) if local else None
        at = text.find("@", at + 1)
        if m is None:
            continue
        done = m.end()
        start = m.start()
        glued = _GLUED_PREFIX.match(text, start)
        if glued is not None:
            start = glued.end()  # "ל-anna.p@...": the Hebrew "to" is not the address
        name = text[start : m.start() + m.group().index("@")]
        if not name or name.startswith(".") or name.endswith(".") or ".." in name:
            continue
        yield Span(start, m.end(), EntityType.EMAIL, 1.0, "email")


def local_part_names(address: str) -> list[str]:
    """Alphabetic parts of an address's local part that may be name parts."""
    local = address.split("@", 1)[0].casefold()
    if local in ROLE_MAILBOXES:
        return []
    return [p for p in _LOCAL_SPLIT.split(local) if len(p) >= 2 and p not in ROLE_MAILBOXES]
