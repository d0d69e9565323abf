"""Redaction policies: what to do with each entity type, per tenant.

The model lives here; loading and validating `policies/*.yaml` lives here too (pure:
file reading and YAML parsing, no network). Every problem in a file is reported as
`FILE:LINE: FIELD: what is wrong; how to fix it`, all problems of a file at once.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
)

from proxy.detect.spans import EntityType
from proxy.errors import PolicyInvalid
from proxy.policy_yaml import LinedDocument, YamlProblem, load_lined


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

# Checksums a custom pattern may require of its matches (implemented in proxy.detect).
KNOWN_VALIDATORS: tuple[str, ...] = ("luhn", "mod97", "il_id")

# Endpoint families a policy may open; the web layer maps paths onto these names.
KNOWN_ENDPOINTS: tuple[str, ...] = (
    "chat/completions",
    "responses",
    "completions",
    "embeddings",
    "models",
)

POLICY_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def _endpoint_known(value: str) -> str:
    if value not in KNOWN_ENDPOINTS:
        raise ValueError(f"{_short(value)} is not one of {', '.join(KNOWN_ENDPOINTS)}")
    return value


def _term_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("the term is empty; remove this entry")
    return value


Endpoint = Annotated[str, AfterValidator(_endpoint_known)]
Term = Annotated[str, AfterValidator(_term_not_blank)]


class CustomPattern(BaseModel):
    """A tenant-specific identifier: a regex plus an optional named validator."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    regex: str
    validator: str | None = None  # e.g. "luhn", "mod97", "il_id"
    action: Action = Action.PSEUDONYMIZE

    @field_validator("regex")
    @classmethod
    def _regex_compiles(cls, value: str) -> str:
        try:
            compiled = re.compile(value)
        except re.error as error:
            raise ValueError(
                f"the regex does not compile ({error.msg} at position {error.pos}); "
                "quote it in single quotes and escape special characters"
            ) from None
        if compiled.fullmatch("") is not None:
            raise ValueError("the regex matches the empty string; require at least one character")
        return value

    @field_validator("validator")
    @classmethod
    def _validator_known(cls, value: str | None) -> str | None:
        if value is not None and value not in KNOWN_VALIDATORS:
            raise ValueError(f"{_short(value)} is not one of {', '.join(KNOWN_VALIDATORS)}")
        return value


class Policy(BaseModel):
    """One named policy, as loaded from `policies/<name>.yaml`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "default"
    description: str = ""
    actions: dict[EntityType, Action] = Field(default_factory=lambda: dict(DEFAULT_ACTIONS))
    allow_terms: list[Term] = Field(default_factory=list)
    always_redact_terms: list[Term] = Field(default_factory=list)
    custom_patterns: list[CustomPattern] = Field(default_factory=list)
    media: MediaAction = MediaAction.BLOCK
    endpoints: list[Endpoint] = Field(default_factory=lambda: list(KNOWN_ENDPOINTS))

    def action_for(self, entity: EntityType) -> Action:
        """The action for an entity type; types a policy leaves out use the defaults."""
        return self.actions.get(entity, DEFAULT_ACTIONS.get(entity, Action.PSEUDONYMIZE))


def load_policy(path: Path) -> Policy:
    """Read and validate one policy file; its name is the file's stem.

    Raises PolicyInvalid listing every problem as `FILE:LINE: FIELD: message`.
    """
    name = path.stem
    source = str(path)
    if not POLICY_NAME.fullmatch(name):
        raise PolicyInvalid(
            f"{source}:1: (file name): policy names are lower-case letters, digits, "
            "'-' and '_' (at most 64); rename the file"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise PolicyInvalid(f"{source}:1: (file): cannot be read: {reason}") from None
    return parse_policy(text, source=source, name=name)


def parse_policy(text: str, *, source: str, name: str) -> Policy:
    """Validate the text of one policy file; `source` is the file name used in errors."""
    try:
        document = load_lined(text)
    except YamlProblem as problem:
        raise PolicyInvalid(f"{source}:{problem.line}: (syntax): {problem.message}") from None
    if not isinstance(document.data, dict):
        raise PolicyInvalid(
            f"{source}:1: (document): a policy file is a mapping of fields "
            "(name, actions, allow_terms, ...), not a list or a single value"
        )
    data: dict[str, Any] = dict(document.data)
    problems: list[tuple[int, str]] = []
    if "name" in data and data["name"] != name:
        line = document.line_of(("name",))
        problems.append(
            (
                line,
                f"{source}:{line}: name: {_short(data['name'])} does not match the file "
                f"name {name!r}; remove the field or rename the file",
            )
        )
    data["name"] = name
    policy: Policy | None = None
    try:
        policy = Policy.model_validate(data)
    except ValidationError as error:
        problems.extend(_describe(error, document, source))
    if policy is not None:
        problems.extend(_term_conflicts(policy, document, source))
    if problems or policy is None:
        problems.sort(key=lambda pair: pair[0])
        raise PolicyInvalid("\n".join(text for _, text in problems))
    return policy


def load_policies(directory: Path) -> dict[str, Policy]:
    """Every `*.yaml` policy in a directory, by name; raises PolicyInvalid naming each
    broken file (all of them, so one run shows an admin everything to fix)."""
    if not directory.is_dir():
        raise PolicyInvalid(
            f"{directory}: (directory): not found; set PROXY_POLICY_DIR to the folder "
            "holding default.yaml"
        )
    policies: dict[str, Policy] = {}
    problems = [
        f"{path}:1: (file name): only *.yaml files are read; rename it to {path.stem}.yaml"
        for path in sorted(directory.glob("*.yml"))
    ]
    for path in sorted(directory.glob("*.yaml")):
        try:
            policy = load_policy(path)
        except PolicyInvalid as error:
            problems.append(str(error))
            continue
        policies[policy.name] = policy
    if problems:
        raise PolicyInvalid("\n".join(problems))
    return policies


def _term_conflicts(policy: Policy, document: LinedDocument, source: str) -> list[tuple[int, str]]:
    allowed = {term.casefold() for term in policy.allow_terms}
    found = []
    for index, term in enumerate(policy.always_redact_terms):
        if term.casefold() in allowed:
            line = document.line_of(("always_redact_terms", index))
            found.append(
                (
                    line,
                    f"{source}:{line}: always_redact_terms[{index}]: the term is also in "
                    "allow_terms; keep it in one list only",
                )
            )
    return found


def _describe(
    error: ValidationError, document: LinedDocument, source: str
) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for item in error.errors():
        loc = tuple(item["loc"])
        is_key = bool(loc) and loc[-1] == "[key]"
        path = loc[:-1] if is_key else loc
        line = document.line_of(path)
        found.append((line, f"{source}:{line}: {_field(path)}: {_message(item, path, is_key)}"))
    return found


def _field(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def _message(item: Any, path: tuple[Any, ...], is_key: bool) -> str:
    kind = item["type"]
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        choices = expected.replace("'", "").replace(" or ", ", ")
        what = "an entity type" if is_key else f"one of {choices}"
        if is_key:
            return f"{_short(item['input'])} is not {what}; use one of {choices}"
        return f"{_short(item['input'])} is not {what}"
    if kind == "extra_forbidden":
        model: type[BaseModel] = CustomPattern if path[:1] == ("custom_patterns",) else Policy
        known = ", ".join(model.model_fields)
        return f"unknown field; the fields are {known}"
    if kind == "missing":
        return "required field is missing; add it"
    if kind == "value_error":
        return str(item["msg"]).removeprefix("Value error, ")
    return f"{item['msg']}"


_ECHOABLE = re.compile(r"^[A-Za-z0-9 ./_-]{1,32}$")


def _short(value: object) -> str:
    """A value from the file, quoted, when it is a short plain word; otherwise "the
    value": errors end up in logs and the admin API, and a long odd string in a config
    file may be something that belongs in neither (a pasted key)."""
    text = str(value)
    return repr(text) if _ECHOABLE.fullmatch(text) else "the value"
