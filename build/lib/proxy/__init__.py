"""redaction-proxy: an OpenAI-compatible reverse proxy that keeps personal data at home."""

from __future__ import annotations

__version__ = "0.1.0"
