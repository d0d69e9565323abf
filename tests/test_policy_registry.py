"""The registry loads a directory, requires `default`, and keeps the last good set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from proxy.detect.spans import EntityType
from proxy.errors import ConfigError, PolicyNotFound
from proxy.policy import Action
from proxy.policy_registry import PolicyRegistry

SHIPPED = Path(__file__).resolve().parent.parent / "policies"


@pytest.fixture
def policy_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "policies"
    shutil.copytree(SHIPPED, directory)
    return directory


def test_loads_every_shipped_policy(policy_dir: Path) -> None:
    registry = PolicyRegistry(policy_dir)

    assert ["default", "lenient", "strict"] == registry.names()
    assert ("default", "strict") == (registry.default.name, registry.get("strict").name)


def test_resolve_without_an_assignment_is_the_default(policy_dir: Path) -> None:
    assert "default" == PolicyRegistry(policy_dir).resolve(None).name


def test_an_unknown_policy_name_is_refused_not_replaced_by_default(policy_dir: Path) -> None:
    with pytest.raises(PolicyNotFound) as caught:
        PolicyRegistry(policy_dir).get("gone")

    assert 503 == caught.value.status


def test_start_up_without_default_names_the_missing_file(policy_dir: Path) -> None:
    (policy_dir / "default.yaml").unlink()

    with pytest.raises(ConfigError, match=r"policies/default\.yaml: \(file\): missing"):
        PolicyRegistry(policy_dir)


def test_start_up_with_a_missing_directory_says_which_setting(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PROXY_POLICY_DIR"):
        PolicyRegistry(tmp_path / "nowhere")


def test_start_up_with_a_broken_file_names_file_line_and_field(policy_dir: Path) -> None:
    (policy_dir / "eu.yaml").write_text("media: block\nactions:\n  PHONE: hide\n")

    with pytest.raises(ConfigError) as caught:
        PolicyRegistry(policy_dir)

    assert f"{policy_dir}/eu.yaml:3: actions.PHONE: 'hide' is not one of" in str(caught.value)


def test_all_broken_files_are_reported_at_once(policy_dir: Path) -> None:
    (policy_dir / "a.yaml").write_text("bogus: 1\n")
    (policy_dir / "b.yaml").write_text("media: [\n")

    with pytest.raises(ConfigError) as caught:
        PolicyRegistry(policy_dir)

    assert ["a.yaml:1", "b.yaml:2"] == [
        line.split("/")[-1].split(": ")[0] for line in str(caught.value).splitlines()
    ]


def test_a_yml_file_is_not_silently_ignored(policy_dir: Path) -> None:
    (policy_dir / "eu.yml").write_text("media: allow\n")

    with pytest.raises(ConfigError, match=r"eu\.yml:1: \(file name\): only \*\.yaml files"):
        PolicyRegistry(policy_dir)


def test_reload_picks_up_a_changed_file(policy_dir: Path) -> None:
    registry = PolicyRegistry(policy_dir)
    (policy_dir / "eu.yaml").write_text("actions:\n  PERSON: block\n")

    result = registry.reload()

    assert (True, None, None) == (result.ok, result.error, registry.last_error)
    assert Action.BLOCK == registry.get("eu").action_for(EntityType.PERSON)
    assert result.at == registry.last_reload_at


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actions:\n  PERSON: [redact\n", "strict.yaml:3: (syntax): YAML syntax error"),
        ("media: block\nshout: true\n", "strict.yaml:2: shout: unknown field"),
        ("actions:\n  PERSON: hide\n", "strict.yaml:2: actions.PERSON: 'hide' is not one of"),
        (
            "custom_patterns:\n  - name: x\n    regex: '(['\n",
            "strict.yaml:3: custom_patterns[0].regex: the regex does not compile",
        ),
        (
            "custom_patterns:\n  - name: x\n    regex: 'X\\d+'\n    validator: md5\n",
            "strict.yaml:4: custom_patterns[0].validator: 'md5' is not one of",
        ),
    ],
    ids=["syntax", "unknown-field", "bad-action", "bad-regex", "unknown-validator"],
)
def test_a_broken_reload_keeps_the_last_good_set_and_reports_why(
    policy_dir: Path, text: str, expected: str
) -> None:
    registry = PolicyRegistry(policy_dir)
    before = registry.get("strict")
    (policy_dir / "strict.yaml").write_text(text)

    result = registry.reload()

    assert (False, ("default", "lenient", "strict")) == (result.ok, result.names)
    assert before is registry.get("strict")
    assert result.error is not None and expected in result.error
    assert result.error == registry.last_error


def test_a_reload_that_loses_default_keeps_the_last_good_set(policy_dir: Path) -> None:
    registry = PolicyRegistry(policy_dir)
    (policy_dir / "default.yaml").unlink()

    result = registry.reload()

    assert (False, "default") == (result.ok, registry.default.name)
    assert result.error is not None and "default.yaml: (file): missing" in result.error


def test_a_good_reload_after_a_broken_one_clears_the_error(policy_dir: Path) -> None:
    registry = PolicyRegistry(policy_dir)
    (policy_dir / "strict.yaml").write_text("media: maybe\n")
    registry.reload()
    (policy_dir / "strict.yaml").write_text("media: allow\n")

    result = registry.reload()

    assert (True, None) == (result.ok, registry.last_error)


def test_a_reload_error_does_not_carry_secret_looking_values(policy_dir: Path) -> None:
    registry = PolicyRegistry(policy_dir)
    secret = "sk-live-" + "Zq9Xw8Vu7" * 5
    (policy_dir / "strict.yaml").write_text(f"media: {secret}\n")

    result = registry.reload()

    assert result.error is not None and "strict.yaml:1: media: the value is not" in result.error
    assert "Zq9Xw8Vu7" not in result.error
