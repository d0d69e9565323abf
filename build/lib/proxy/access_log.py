"""The one minimal-metadata log line per request, and the logging set-up of the app.

An `AccessRecord` holds exactly what issue 6 lists and nothing else: no content, no
placeholder mapping, no key. Its string fields are checked against conservative
patterns when the record is built, so even a client-chosen model name cannot carry
text into the log. The formatter is a whitelist: for an access record it writes the
record's fields; for any other log record it writes time, level, logger, the message
*template* and the exception type, never the arguments, extras or traceback text
(those are where content hides). Write log calls as templates:
`log.warning("upstream refused: %s", status)` shows "upstream refused: %s".
"""

from __future__ import annotations

import logging
import re
import sys
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import IO, Any, Literal

import orjson

ACCESS_LOGGER = "proxy.access"
OTHER = "other"
_MODEL = re.compile(r"^[A-Za-z0-9._:-]{1,64}$")
_TOKEN = re.compile(r"^[A-Za-z0-9._:/{}-]{1,128}$")
_RECORD_ATTR = "access_record"


class ConsentDecision(StrEnum):
    """What the consent check decided for the request."""

    GRANTED = "granted"
    WITHDRAWN = "withdrawn"
    UNAVAILABLE = "unavailable"  # store unreadable: refused, fail-closed
    NOT_CHECKED = "not_checked"  # refused before the check (auth, limits)


def safe_model(model: object) -> str:
    """The model name from a request when it looks like one, else "other"."""
    return model if isinstance(model, str) and _MODEL.fullmatch(model) else OTHER


def safe_token(value: object) -> str | None:
    """An id-like value (tenant, key id, request id, policy, route) or "other"; None stays."""
    if value is None:
        return None
    return value if isinstance(value, str) and _TOKEN.fullmatch(value) else OTHER


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


@dataclass(frozen=True, slots=True)
class TokenUsage:
    """Token counts the upstream reported; Responses API names are mapped onto these."""

    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    total_tokens: int | None = None

    @classmethod
    def from_upstream(cls, usage: object) -> TokenUsage | None:
        """Picks the integer counts out of an upstream `usage` object; None if there are none."""
        if not isinstance(usage, dict):
            return None
        prompt = _count(usage.get("prompt_tokens", usage.get("input_tokens")))
        completion = _count(usage.get("completion_tokens", usage.get("output_tokens")))
        total = _count(usage.get("total_tokens"))
        if prompt is None and completion is None and total is None:
            return None
        return cls(prompt, completion, total)


@dataclass(frozen=True, slots=True)
class AccessRecord:
    """One request, as the access log shows it. Build it with `AccessRecord.build`."""

    request_id: str
    time: str
    tenant: str | None
    key_id: str | None
    endpoint: str
    model: str
    streamed: bool
    status: int
    total_ms: float
    upstream_ms: float | None
    redaction_ms: float | None
    entities: dict[str, dict[str, int]] = field(default_factory=dict)
    consent: ConsentDecision = ConsentDecision.NOT_CHECKED
    policy: str | None = None
    usage: TokenUsage | None = None

    @classmethod
    def build(
        cls,
        *,
        request_id: str,
        tenant: str | None,
        key_id: str | None,
        endpoint: str,
        model: object,
        streamed: bool,
        status: int,
        total_ms: float,
        upstream_ms: float | None = None,
        redaction_ms: float | None = None,
        entities: dict[tuple[str, str], int] | None = None,
        consent: ConsentDecision = ConsentDecision.NOT_CHECKED,
        policy: str | None = None,
        usage: object = None,
        time: datetime | None = None,
    ) -> AccessRecord:
        """A record whose every string is checked: ids must look like ids, `model` like a
        model name, entity keys like enum values; anything else becomes "other"."""
        by_type: dict[str, dict[str, int]] = {}
        for (entity, action), count in (entities or {}).items():
            if _count(count):
                actions = by_type.setdefault(_upper_word(entity), {})
                actions[_lower_word(action)] = actions.get(_lower_word(action), 0) + count
        return cls(
            request_id=safe_token(request_id) or OTHER,
            time=(time or datetime.now(UTC)).isoformat(timespec="milliseconds"),
            tenant=safe_token(tenant),
            key_id=safe_token(key_id),
            endpoint=safe_token(endpoint) or OTHER,
            model=safe_model(model),
            streamed=streamed is True,
            status=status if isinstance(status, int) else 0,
            total_ms=round(float(total_ms), 3),
            upstream_ms=None if upstream_ms is None else round(float(upstream_ms), 3),
            redaction_ms=None if redaction_ms is None else round(float(redaction_ms), 3),
            entities=by_type,
            consent=ConsentDecision(consent),
            policy=safe_token(policy),
            usage=usage if isinstance(usage, TokenUsage) else TokenUsage.from_upstream(usage),
        )

    def as_dict(self) -> dict[str, Any]:
        """The record's fields only, as JSON-ready values."""
        out: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, TokenUsage):
                value = {usage.name: getattr(value, usage.name) for usage in fields(value)}
            out[item.name] = value
        return out


def _upper_word(value: object) -> str:
    text = str(value)
    return text if re.fullmatch(r"[A-Z_]{1,32}", text) else OTHER.upper()


def _lower_word(value: object) -> str:
    text = str(value)
    return text if re.fullmatch(r"[a-z_]{1,32}", text) else OTHER


def log_access(record: AccessRecord, logger: logging.Logger | None = None) -> None:
    """Writes the access line of one request."""
    (logger or logging.getLogger(ACCESS_LOGGER)).info("request", extra={_RECORD_ATTR: record})


class WhitelistFormatter(logging.Formatter):
    """Writes only whitelisted fields: an access record's own, or time, level, logger,
    message template and exception type for any other record."""

    def __init__(self, fmt: Literal["json", "text"] = "json") -> None:
        super().__init__()
        self.fmt = fmt

    def format(self, record: logging.LogRecord) -> str:
        access = getattr(record, _RECORD_ATTR, None)
        if isinstance(access, AccessRecord):
            payload: dict[str, Any] = {"event": "access", **access.as_dict()}
        else:
            payload = {
                "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                    timespec="milliseconds"
                ),
                "level": record.levelname,
                "logger": safe_token(record.name),
                "event": _template(record.msg),
            }
            if record.exc_info and record.exc_info[0] is not None:
                payload["exc_type"] = record.exc_info[0].__name__
        if self.fmt == "json":
            return orjson.dumps(payload).decode()
        return _readable(payload)


def _template(message: object) -> str:
    """The message as written in code, without its arguments, on one line."""
    if not isinstance(message, str):
        return type(message).__name__
    return " ".join(message.split())[:200]


def _readable(payload: dict[str, Any]) -> str:
    if payload.get("event") == "access":
        parts = [
            f"{key}={orjson.dumps(value).decode() if isinstance(value, dict) else value}"
            for key, value in payload.items()
            if key not in {"event", "time"} and value is not None
        ]
        return f"{payload['time']} ACCESS {' '.join(parts)}"
    tail = f" [{payload['exc_type']}]" if "exc_type" in payload else ""
    return f"{payload['time']} {payload['level']} {payload['logger']}: {payload['event']}{tail}"


class _DropLoggers(logging.Filter):
    """Drops records of loggers that pre-format request lines (aiohttp's access log)."""

    def __init__(self, names: tuple[str, ...]) -> None:
        super().__init__()
        self.names = names

    def filter(self, record: logging.LogRecord) -> bool:
        return not any(record.name == n or record.name.startswith(n + ".") for n in self.names)


def configure_logging(
    level: str = "INFO", fmt: Literal["json", "text"] = "json", stream: IO[str] | None = None
) -> logging.Handler:
    """Routes every log record of the process through one whitelisting handler.

    Replaces the root logger's handlers (calling it again replaces its own handler).
    aiohttp's access log is dropped: its lines carry the raw path and user agent, and
    the access record replaces them.
    """
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(WhitelistFormatter(fmt))
    handler.addFilter(_DropLoggers(("aiohttp.access",)))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return handler
