"""`redaction-proxy redact`: show what a policy would send upstream, from stdin to stdout.

Plain mode reads the whole of stdin as one text and prints it pseudonymized. With
`--jsonl`, each input line is a JSON string and each output line is
`{"text": <redacted>, "entities": [{"type", "start", "end"}]}`, offsets into the input.
All lines of one run form one request, so a name found in one line is found in every
other (as in a chat history). For admins trying out a policy, and for outside tooling.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

import orjson

from proxy.errors import ConfigError, PolicyBlocked
from proxy.exchange_factory import ExchangeFactory
from proxy.policy_registry import PolicyRegistry
from proxy.pseudonymize import pseudonymize
from proxy.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "redact", help="Pseudonymize stdin with a policy (default: the default policy)."
    )
    parser.add_argument("--jsonl", action="store_true", help="One JSON string per line.")
    parser.add_argument("--policy", help="Policy name (a file in PROXY_POLICY_DIR).")
    parser.set_defaults(handler=redact)


def _read_jsonl(lines: list[str]) -> list[str]:
    texts: list[str] = []
    for number, line in enumerate(lines, start=1):
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError:
            value = None
        if not isinstance(value, str):
            # The line itself is never echoed: it may be personal data.
            raise ValueError(f"stdin line {number}: expected a JSON string")
        texts.append(value)
    return texts


def redact(args: argparse.Namespace) -> int:
    try:
        registry = PolicyRegistry(Settings().policy_dir)
    except ConfigError as error:
        print(f"redaction-proxy redact: {error}", file=sys.stderr)
        return 2
    if args.policy is not None and args.policy not in registry:
        known = ", ".join(registry.names())
        print(
            f"redaction-proxy redact: no policy '{args.policy}' (known: {known})", file=sys.stderr
        )
        return 2
    policy = registry.resolve(args.policy)
    raw = sys.stdin.read()
    try:
        texts = _read_jsonl([ln for ln in raw.splitlines() if ln.strip()]) if args.jsonl else [raw]
    except ValueError as error:
        print(f"redaction-proxy redact: {error}", file=sys.stderr)
        return 2
    detector = ExchangeFactory(registry).detector_for(policy)
    spans = detector.detect_all(texts)
    try:
        result = pseudonymize(texts, spans, policy)
    except PolicyBlocked as error:
        print(f"redaction-proxy redact: {error.message}", file=sys.stderr)
        return 3
    if not args.jsonl:
        sys.stdout.write(result.texts[0])
        return 0
    for text, found in zip(result.texts, spans, strict=True):
        entities = [{"type": s.type.value, "start": s.start, "end": s.end} for s in found]
        sys.stdout.write(orjson.dumps({"text": text, "entities": entities}).decode() + "\n")
    return 0
