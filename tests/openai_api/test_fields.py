"""Text fields: paths, labels that never show a caller's key, key and number fields."""

from __future__ import annotations

import pytest

from proxy.errors import InvalidRequest
from proxy.openai_api.fields import (
    CallerKey,
    TextField,
    Walk,
    asks_for_json,
    label,
    refuse_unknown,
)


def test_labels_name_the_field_path() -> None:
    assert "messages[2].content[0].text" == label(("messages", 2, "content", 0, "text"))


def test_a_key_the_caller_chose_is_labelled_with_a_fixed_token() -> None:
    assert "prompt.variables.<key>" == label(("prompt", "variables", CallerKey("dana@x.io")))


@pytest.mark.parametrize(
    ("obj", "path"),
    [
        ({"dana.levi@example.com": "x"}, ()),
        ({"dana.levi@example.com": 1}, ()),
        ({"Dana Levi": None}, ("messages", 0)),
        ({"notes": 972501234567}, ()),
    ],
)
def test_an_unknown_key_is_refused_without_echoing_it(
    obj: dict[str, object], path: tuple[str | int, ...]
) -> None:
    with pytest.raises(InvalidRequest) as caught:
        refuse_unknown(obj, frozenset(), path)

    where = label((*path, "<unknown key>"))
    assert (where, False, False) == (
        caught.value.param,
        "dana" in caught.value.message.lower(),
        "972501234567" in caught.value.message,
    )


def test_an_unknown_api_shaped_field_without_text_passes() -> None:
    refuse_unknown({"future_knob": 3, "flag": True}, frozenset(), ())


def test_metadata_keys_strings_and_numbers_are_all_walked() -> None:
    walk = Walk()
    body = {"metadata": {"dana@x.io": "Dana", "n": 972501234567.0}}
    walk.texts(body["metadata"], ("metadata",))

    assert ["Dana", "dana@x.io", "972501234567", "n"] == [f.get(body) for f in walk.fields]


def test_a_key_field_renames_the_key_in_place_keeping_order() -> None:
    body = {"metadata": {"a": "1", "dana@x.io": "2", "z": "3"}}

    TextField(("metadata", CallerKey("dana@x.io")), kind="key").set(body, "[EMAIL_1]")

    assert ["a", "[EMAIL_1]", "z"] == list(body["metadata"])


def test_a_rename_onto_an_existing_key_is_refused_without_naming_either() -> None:
    body = {"metadata": {"[EMAIL_1]": "1", "dana@x.io": "2"}}

    with pytest.raises(InvalidRequest) as caught:
        TextField(("metadata", CallerKey("dana@x.io")), kind="key").set(body, "[EMAIL_1]")

    assert "dana" not in caught.value.message


@pytest.mark.parametrize(
    ("response_format", "expected"),
    [
        ({"type": "json_object"}, True),
        ({"type": "json_schema", "json_schema": {"name": "s", "schema": {}}}, True),
        ({"type": "text"}, False),
        ({"type": "grammar"}, False),
        ({"type": ["json_object"]}, False),
        ("json_object", False),
        (None, False),
    ],
)
def test_only_a_json_object_or_json_schema_format_asks_for_a_json_answer(
    response_format: object, expected: bool
) -> None:
    assert expected is asks_for_json(response_format)


def test_answer_text_is_restored_as_json_only_when_the_request_asked_for_json() -> None:
    answer = TextField(("content",), answer=True)
    plain = TextField(("refusal",))
    arguments = TextField(("arguments",), json_string=True)

    assert [(False, True), (False, False), (True, True)] == [
        (field.restored_as_json(False), field.restored_as_json(True))
        for field in (answer, plain, arguments)
    ]
