"""Redaction policies: what to do with each entity type, per tenant.

The model lives here; loading and validating `policies/*.yaml` lives here too (pure:
file reading and YAML parsing, no network).
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from proxy.detect.spans import EntityType


class Action(StrEnum):
    """What happens to an entity on its way upstream."""

    PSEUDONYMIZE = "pseudonymize"  # replaced by a placeholder, restored in the reply
    REDACT = "redact"  # replaced irreversibly, never restored
    BLOCK = "block"  # the whole request is refused, naming the type
    ALLOW = "allow"  # sent as it is


class MediaAction(StrEnum):
    """What happens to content the proxy cannot inspect (images, audio, files)."""

    BLOCK = "block"
    ALLOW = "allow"


DEFAULT_ACTIONS: dict[EntityType, Action] = {
    EntityType.PERSON: Action.PSEUDONYMIZE,
    EntityType.EMAIL: Action.PSEUDONYMIZE,
    EntityType.PHONE: Action.PSEUDONYMIZE,
    EntityType.ADDRESS: Action.PSEUDONYMIZE,
    EntityType.IP_ADDRESS: Action.PSEUDONYMIZE,
    EntityType.CUSTOM: Action.PSEUDONYMIZE,
    EntityType.CREDIT_CARD: Action.REDACT,
    EntityType.IBAN: Action.REDACT,
    EntityType.IL_ID: Action.REDACT,
    EntityType.US_SSN: Action.REDACT,
    EntityType.SECRET: Action.REDACT,
}


class CustomPattern(BaseModel):
    """A tenant-specific identifier: a regex plus an optional named validator."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    regex: str
    validator: str | None = None  # e.g. "luhn", "mod97", "il_id"
    action: Action = Action.PSEUDONYMIZE


class Policy(BaseModel):
    """One named policy, as loaded from `policies/<name>.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "default"
    description: str = ""
    actions: dict[EntityType, Action] = Field(default_factory=lambda: dict(DEFAULT_ACTIONS))
    allow_terms: list[str] = Field(default_factory=list)
    always_redact_terms: list[str] = Field(default_factory=list)
    custom_patterns: list[CustomPattern] = Field(default_factory=list)
    media: MediaAction = MediaAction.BLOCK
    endpoints: list[str] = Field(
        default_factory=lambda: [
            "chat/completions",
            "responses",
            "completions",
            "embeddings",
            "models",
        ]
    )

    def action_for(self, entity: EntityType) -> Action:
        """The action for an entity type; types a policy leaves out use the defaults."""
        return self.actions.get(entity, DEFAULT_ACTIONS.get(entity, Action.PSEUDONYMIZE))
