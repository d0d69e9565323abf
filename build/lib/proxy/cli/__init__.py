"""The `redaction-proxy` command line: one module per command group.

Each command module exposes `register(subparsers)`, which adds its sub-commands and
sets `handler` (a callable taking the parsed args, returning an exit code).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

# Command groups, in help order. Each is `proxy.cli.<name>`.
COMMAND_MODULES: tuple[str, ...] = ("serve", "keys", "consent", "redact")

Handler = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every command group registered."""
    parser = argparse.ArgumentParser(
        prog="redaction-proxy",
        description="OpenAI-compatible proxy that pseudonymizes personal data.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"proxy.cli.{name}")
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0
