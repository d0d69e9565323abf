"""Policy files: the shipped ones load; broken ones name the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxy.detect.spans import EntityType
from proxy.errors import ConfigError
from proxy.policy import Action, MediaAction, Policy, load_policy, parse_policy

POLICIES = Path(__file__).resolve().parent.parent / "policies"


def problems_of(text: str, name: str = "strict") -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_policy(text, source=f"policies/{name}.yaml", name=name)
    return str(caught.value).splitlines()


def test_shipped_default_pseudonymizes_contacts_and_redacts_payment_data() -> None:
    policy = load_policy(POLICIES / "default.yaml")

    assert ("default", MediaAction.BLOCK) == (policy.name, policy.media)
    assert {
        EntityType.PERSON: Action.PSEUDONYMIZE,
        EntityType.EMAIL: Action.PSEUDONYMIZE,
        EntityType.PHONE: Action.PSEUDONYMIZE,
        EntityType.ADDRESS: Action.PSEUDONYMIZE,
        EntityType.IP_ADDRESS: Action.PSEUDONYMIZE,
        EntityType.CREDIT_CARD: Action.REDACT,
        EntityType.IBAN: Action.REDACT,
        EntityType.IL_ID: Action.REDACT,
        EntityType.US_SSN: Action.REDACT,
        EntityType.SECRET: Action.REDACT,
    } == {entity: policy.action_for(entity) for entity in EntityType if entity != "CUSTOM"}
    assert {"Lead", "Deal", "Opportunity", "Pipeline"} <= set(policy.allow_terms)
    assert ["chat/completions", "responses", "completions", "embeddings", "models"] == (
        policy.endpoints
    )


def test_shipped_strict_lets_no_name_or_contact_detail_through() -> None:
    policy = load_policy(POLICIES / "strict.yaml")

    for entity in (EntityType.PERSON, EntityType.EMAIL, EntityType.PHONE, EntityType.ADDRESS):
        assert policy.action_for(entity) in {Action.REDACT, Action.BLOCK}


def test_shipped_lenient_allows_media_and_still_redacts_secrets() -> None:
    policy = load_policy(POLICIES / "lenient.yaml")

    assert (MediaAction.ALLOW, Action.REDACT, Action.PSEUDONYMIZE) == (
        policy.media,
        policy.action_for(EntityType.SECRET),
        policy.action_for(EntityType.PERSON),
    )


def test_policy_name_is_the_file_stem() -> None:
    policy = parse_policy("media: allow\n", source="policies/sales-eu.yaml", name="sales-eu")

    assert "sales-eu" == policy.name


def test_types_left_out_of_a_file_use_the_defaults() -> None:
    policy = parse_policy("actions:\n  PERSON: block\n", source="p.yaml", name="p")

    assert (Action.BLOCK, Action.REDACT) == (
        policy.action_for(EntityType.PERSON),
        policy.action_for(EntityType.CREDIT_CARD),
    )


def test_a_bad_action_names_file_line_field_and_the_choices() -> None:
    text = "description: x\nactions:\n  PERSON: redact\n  EMAIL: hide\n"

    assert [
        "policies/strict.yaml:4: actions.EMAIL: 'hide' is not one of pseudonymize, redact, "
        "block, allow"
    ] == problems_of(text)


def test_an_unknown_entity_type_is_named_with_the_valid_ones() -> None:
    (problem,) = problems_of("actions:\n  EMAILS: redact\n")

    assert problem.startswith("policies/strict.yaml:2: actions.EMAILS: 'EMAILS' is not an entity")
    assert "PERSON, EMAIL, PHONE" in problem


def test_an_unknown_field_lists_the_known_fields() -> None:
    (problem,) = problems_of("media: block\nredact_everything: true\n")

    assert problem.startswith("policies/strict.yaml:2: redact_everything: unknown field;")
    assert "allow_terms" in problem


def test_a_regex_that_does_not_compile_points_at_its_line() -> None:
    text = "custom_patterns:\n  - name: contract\n    regex: 'CN-(\\d{8}'\n"

    (problem,) = problems_of(text)

    assert problem.startswith("policies/strict.yaml:3: custom_patterns[0].regex: the regex does")


def test_a_regex_matching_the_empty_string_is_refused() -> None:
    (problem,) = problems_of("custom_patterns:\n  - name: any\n    regex: '\\d*'\n")

    assert "policies/strict.yaml:3: custom_patterns[0].regex: the regex matches the empty" in (
        problem
    )


def test_an_unknown_validator_names_the_known_ones() -> None:
    text = "custom_patterns:\n  - name: acct\n    regex: 'A\\d+'\n    validator: crc32\n"

    assert [
        "policies/strict.yaml:4: custom_patterns[0].validator: 'crc32' is not one of luhn, "
        "mod97, il_id"
    ] == problems_of(text)


def test_an_unknown_endpoint_points_at_its_item() -> None:
    text = "endpoints:\n  - chat/completions\n  - images\n"

    assert [
        "policies/strict.yaml:3: endpoints[1]: 'images' is not one of chat/completions, "
        "responses, completions, embeddings, models"
    ] == problems_of(text)


def test_a_bad_media_action_is_refused() -> None:
    assert ["policies/strict.yaml:1: media: 'maybe' is not one of block, allow"] == problems_of(
        "media: maybe\n"
    )


def test_a_missing_required_field_points_at_the_list_item() -> None:
    (problem,) = problems_of("custom_patterns:\n  - name: acct\n")

    assert problem.startswith("policies/strict.yaml:2: custom_patterns[0].regex: required field")


def test_yaml_syntax_errors_name_the_line() -> None:
    (problem,) = problems_of("media: block\nactions:\n  PERSON: [redact\n")

    assert problem.startswith("policies/strict.yaml:4: (syntax): YAML syntax error:")


def test_duplicate_keys_are_refused_not_silently_collapsed() -> None:
    assert [
        "policies/strict.yaml:3: (syntax): duplicate key 'PERSON'; keep only one of them"
    ] == problems_of("actions:\n  PERSON: allow\n  PERSON: redact\n")


def test_a_name_field_that_disagrees_with_the_file_is_refused() -> None:
    (problem,) = problems_of("name: lenient\n")

    assert problem.startswith("policies/strict.yaml:1: name: 'lenient' does not match")


def test_a_document_that_is_not_a_mapping_is_refused() -> None:
    (problem,) = problems_of("- PERSON\n")

    assert problem.startswith("policies/strict.yaml:1: (document): a policy file is a mapping")


def test_every_problem_of_a_file_is_reported_in_line_order() -> None:
    problems = problems_of("media: maybe\nactions:\n  EMAIL: hide\nbogus: 1\n")

    assert ["1", "3", "4"] == [problem.split(":")[1] for problem in problems]


def test_python_tags_are_not_constructed() -> None:
    (problem,) = problems_of("description: !!python/object/apply:os.system ['true']\n")

    assert problem.startswith("policies/strict.yaml:1: (syntax): YAML tags such as")


def test_long_or_odd_values_are_not_echoed_in_errors() -> None:
    secret = "sk-proj-" + "A1b2C3d4" * 6

    (problem,) = problems_of(f"actions:\n  PERSON: {secret}\n")

    assert "policies/strict.yaml:2: actions.PERSON: the value is not one of pseudonymize" in (
        problem
    )
    assert "A1b2C3d4" not in problem


def test_a_term_in_both_lists_is_refused() -> None:
    text = "allow_terms: [Pipeline]\nalways_redact_terms:\n  - Falcon\n  - pipeline\n"

    assert [
        "policies/strict.yaml:4: always_redact_terms[1]: the term is also in allow_terms; "
        "keep it in one list only"
    ] == problems_of(text)


def test_policy_model_defaults_match_the_contract() -> None:
    assert Action.REDACT == Policy().action_for(EntityType.SECRET)
