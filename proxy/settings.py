"""Process settings, read from the environment with the prefix PROXY_.

This module imports nothing from `proxy`, so every layer may depend on it.
The names of the environment variables are a contract with tooling outside the repo.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything the proxy can be told from outside; README carries the same table."""

    model_config = SettingsConfigDict(env_prefix="PROXY_", extra="ignore", populate_by_name=True)

    # Serving
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    shutdown_grace_seconds: float = Field(default=30.0, ge=0)
    # Slow clients: the header timeout is also how long an idle keep-alive connection lives.
    client_header_timeout: float = Field(default=30.0, gt=0)
    client_body_timeout: float = Field(default=60.0, gt=0)
    client_write_timeout: float = Field(default=60.0, gt=0)

    # Upstream
    upstream_url: str = "https://api.openai.com/v1"
    upstream_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("PROXY_UPSTREAM_API_KEY", "OPENAI_API_KEY"),
    )
    upstream_connect_timeout: float = Field(default=10.0, gt=0)
    upstream_first_byte_timeout: float = Field(default=120.0, gt=0)
    upstream_total_timeout: float = Field(default=600.0, gt=0)
    stream_idle_timeout: float = Field(default=60.0, gt=0)
    upstream_pool_size: int = Field(default=100, ge=1)
    extra_allowed_paths: list[str] = Field(default_factory=list)
    # Caller headers forwarded upstream; any other caller header stays at the proxy.
    forwarded_headers: list[str] = Field(
        default_factory=lambda: ["Content-Type", "Accept", "OpenAI-Beta", "Idempotency-Key"]
    )

    # State
    database_url: str = "sqlite:///redaction-proxy.db"
    admin_token: SecretStr | None = None
    policy_dir: Path = Path("policies")
    unknown_tenant_consent: Literal["granted", "withdrawn"] = "granted"

    # Redaction (off only for benchmarks and passthrough comparisons)
    redaction_enabled: bool = True
    # Texts per policy whose findings are kept (offsets only), so a resent history is not
    # scanned again; 0 keeps none.
    detect_memo_texts: int = Field(default=4096, ge=0)

    # Limits
    max_body_bytes: int = Field(default=4 * 1024 * 1024, ge=1024)
    max_json_depth: int = Field(default=64, ge=4)
    max_messages: int = Field(default=2048, ge=1)
    max_text_chars: int = Field(default=1_000_000, ge=1)
    max_header_bytes: int = Field(default=16 * 1024, ge=1024)
    max_header_count: int = Field(default=100, ge=8)
    max_stream_event_bytes: int = Field(default=8 * 1024 * 1024, ge=1024)

    # Observability
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["json", "text"] = "json"
    metrics_port: int | None = Field(default=None, ge=0, le=65535)
    metrics_token: SecretStr | None = None
    metrics_tenant_labels: bool = False
    metrics_tenant_label_cap: int = Field(default=100, ge=1)

    # Admin console
    admin_ui_enabled: bool = True
    admin_ui_session_minutes: int = Field(default=30, ge=1, le=24 * 60)  # idle timeout
