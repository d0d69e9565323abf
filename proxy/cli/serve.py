"""`redaction-proxy serve`: run the proxy until interrupted."""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from proxy.settings import Settings


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("serve", help="Run the proxy (settings from PROXY_* env).")
    parser.add_argument("--host", help="Override PROXY_HOST.")
    parser.add_argument("--port", type=int, help="Override PROXY_PORT.")
    parser.set_defaults(handler=serve)


def serve(args: argparse.Namespace) -> int:
    from proxy.access_log import configure_logging
    from proxy.app import build_app
    from proxy.web.serving import serve_until_signalled

    settings = Settings()
    host = args.host or settings.host
    port = settings.port if args.port is None else args.port
    configure_logging(settings.log_level, settings.log_format)
    try:
        import uvloop  # type: ignore[import-not-found, unused-ignore]

        uvloop.install()
    except ImportError:
        pass
    # SIGTERM: stop accepting, drain in-flight requests and streams, then close.
    asyncio.run(serve_until_signalled(build_app(settings), settings, host, port))
    return 0
