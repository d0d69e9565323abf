"""`redaction-proxy serve`: run the proxy until interrupted."""

from __future__ import annotations

import argparse
import logging
from typing import Any

from proxy.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="Run the proxy (settings from PROXY_* env).")
    parser.add_argument("--host", help="Override PROXY_HOST.")
    parser.add_argument("--port", type=int, help="Override PROXY_PORT.")
    parser.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    from aiohttp import web

    from proxy.access_log import configure_logging
    from proxy.app import build_app

    settings = Settings()
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    configure_logging(settings.log_level, settings.log_format)
    try:
        import uvloop  # type: ignore[import-not-found, unused-ignore]

        uvloop.install()
    except ImportError:
        pass
    web.run_app(
        build_app(settings),
        host=host,
        port=port,
        shutdown_timeout=settings.shutdown_grace_seconds,
        # A caller that hangs up cancels its handler, which closes the upstream call at once.
        handler_cancellation=True,
        # aiohttp's access log would print paths and query strings; ours is access_log.py.
        access_log=None,
        print=lambda message: logging.getLogger("proxy.serve").info("%s", message),
    )
    return 0
