"""IPv4 and IPv6 addresses, validated by the standard library."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from proxy.detect.gates import gated_matches
from proxy.detect.spans import EntityType, Span

# A word character next to an address runs into it, unless it is a Hebrew or Arabic letter:
# those scripts glue one-letter words to what follows ("وfe80::1", "ב10.0.0.1").
_GLUED = r"[^\W\u0590-\u065f\u066a-\u06ef\u06fa-\u06ff]"
IPV4 = re.compile(
    rf"\d(?<!{_GLUED}\d)(?<!\.\d)\d{{0,2}}\.(?:\d{{1,3}}\.){{2}}\d{{1,3}}(?:/\d{{1,2}})?"
    rf"(?!{_GLUED}|\.\d)"
)
IPV6 = re.compile(
    rf"(?<!{_GLUED})(?<![:.])(?:[0-9A-Fa-f]{{0,4}}:){{2,7}}"
    rf"(?:[0-9A-Fa-f]{{1,4}}|(?:\d{{1,3}}\.){{3}}\d{{1,3}})?(?!{_GLUED}|:)"
)
_V6_HINT = re.compile(r"[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:")
# Both patterns make `re` try them at every digit (IPV4) or every position (IPV6). Their
# first dot (IPv4: after one to three digits) or first colon (IPv6: after up to four hex
# digits, and followed by another) is rare, so they are only tried just before one.
_V4_GATE = re.compile(r"\.(?=\d{1,3}\.\d)")
_V6_GATE = re.compile(r":(?=[0-9A-Fa-f]{0,4}:)")
# A version's label, as a word or a key's last part ("app_version": "10.4.2.7"), and in Hebrew
# and Arabic, where a noun may come between ("نسخة النظام 7.2.0.15", the system's version).
_VERSION = re.compile(
    r"(?i)(?:(?:\b|_)(?:v|version|ver\.?|release|build|firmware)[\"']?\s*[:=]?\s*[\"']?"
    r"|(?:גרסה|גרסת|גירסה|نسخة|النسخة|إصدار|الإصدار|اصدار|الاصدار)\s*:?\s*(?:\S+\s+)?)$"
)


def _valid_v4(value: str) -> bool:
    """Four octets up to 255 and an optional prefix up to 32. Zero-padded octets
    ("192.168.001.010", as some logs write them) are still an address, though `ipaddress`
    refuses them."""
    address, _, prefix = value.partition("/")
    if prefix and int(prefix) > 32:
        return False
    return all(int(octet) <= 255 for octet in address.split("."))


def find_ips(text: str) -> Iterator[Span]:
    """Valid IPv4 (not version strings like v1.2.3.4) and IPv6 addresses."""
    if "." in text:
        for m in gated_matches(IPV4, _V4_GATE, text, 3):
            if _VERSION.search(text[max(0, m.start() - 24) : m.start()]):
                continue
            if _valid_v4(m.group()):
                yield Span(m.start(), m.end(), EntityType.IP_ADDRESS, 1.0, "ipv4")
    if ":" in text and _V6_HINT.search(text):
        for m in gated_matches(IPV6, _V6_GATE, text, 4):
            value = m.group()
            if value.count(":") < 2 or len(value) < 3:
                continue
            try:
                ipaddress.IPv6Address(value)
            except ValueError:
                continue
            yield Span(m.start(), m.end(), EntityType.IP_ADDRESS, 1.0, "ipv6")
