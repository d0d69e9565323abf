"""Text slots: JSON strings opened into keys, strings and numbers, and always re-serialised."""

from __future__ import annotations

import json

import orjson
import pytest

from proxy.errors import LimitExceeded
from proxy.openai_api.fields import TextField
from proxy.openai_api.slots import TextSlots

ARGS = [TextField(("args",), True)]


def test_json_string_fields_are_opened_into_their_keys_strings_and_numbers() -> None:
    body = {"args": json.dumps({"to": "Dana", "cc": ["Avi"], "phone": 972541234567, "ok": True})}

    assert ["to", "Dana", "cc", "Avi", "phone", "972541234567", "ok"] == TextSlots(body, ARGS).texts


def test_a_float_shows_its_digits_to_the_detector() -> None:
    body = {"args": '{"phone": 972501234567.0, "rate": 0.5}'}

    assert ["phone", "972501234567", "rate", "0.5"] == TextSlots(body, ARGS).texts


def test_changed_leaves_and_keys_are_written_back_as_valid_json() -> None:
    body = {"args": json.dumps({"to": "Dana", "phone": 972541234567, "dana@x.io": 2})}
    slots = TextSlots(body, ARGS)

    slots.write(["to", '[PERSON_1] "x" \\', "phone", "[PHONE_1]", "[EMAIL_1]", "2"])

    assert {"to": '[PERSON_1] "x" \\', "phone": "[PHONE_1]", "[EMAIL_1]": 2} == orjson.loads(
        body["args"]
    )


def test_duplicate_keys_leave_as_the_one_value_that_was_inspected() -> None:
    body = {"args": '{"owner": "Dana Levi", "owner": "n/a"}'}
    slots = TextSlots(body, ARGS)
    slots.write(list(slots.texts))

    assert ('{"owner":"n/a"}', ["owner", "n/a"]) == (body["args"], slots.texts)


def test_an_unchanged_json_string_is_still_sent_re_serialised() -> None:
    body = {"args": '{ "to" :  "x" }'}
    slots = TextSlots(body, ARGS)
    slots.write(list(slots.texts))

    assert '{"to":"x"}' == body["args"]


def test_a_json_string_field_that_is_not_json_is_walked_as_plain_text() -> None:
    body = {"args": '{"to": "Dana"'}
    slots = TextSlots(body, ARGS)
    slots.write(['{"to": "[PERSON_1]"'])

    assert ['{"to": "Dana"', '{"to": "[PERSON_1]"'] == [slots.texts[0], body["args"]]


@pytest.mark.parametrize("depth", [65, 990, 2000])
def test_a_json_string_nested_past_the_limit_is_refused_as_too_deep(depth: int) -> None:
    body = {"args": "[" * depth + "]" * depth}

    with pytest.raises(LimitExceeded) as caught:
        TextSlots(body, ARGS, max_depth=64)

    assert (413, "json_too_deep") == (caught.value.status, caught.value.code)


def test_a_json_string_at_the_limit_is_opened() -> None:
    body = {"args": "[" * 64 + '"x"' + "]" * 64}

    assert ["x"] == TextSlots(body, ARGS, max_depth=64).texts


def test_renamed_body_keys_and_their_values_are_both_written() -> None:
    body = {"m": {"dana@x.io": "Dana"}}
    fields = [TextField(("m", "dana@x.io")), TextField(("m", "dana@x.io"), kind="key")]
    slots = TextSlots(body, fields)
    slots.write(["[PERSON_1]", "[EMAIL_1]"])

    assert {"m": {"[EMAIL_1]": "[PERSON_1]"}} == body


def test_equal_texts_are_shown_once_and_written_back_everywhere() -> None:
    body = {"a": "Dana", "b": ["Dana", "x"], "args": '{"to": "Dana"}'}
    fields = [TextField(("a",)), TextField(("b", 0)), TextField(("b", 1)), *ARGS]
    slots = TextSlots(body, fields)
    slots.write([{"Dana": "[PERSON_1]"}.get(text, text) for text in slots.texts])

    assert (["Dana", "x", "to"], "[PERSON_1]", ["[PERSON_1]", "x"], '{"to":"[PERSON_1]"}') == (
        slots.texts,
        body["a"],
        body["b"],
        body["args"],
    )
