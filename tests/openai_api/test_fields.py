"""Text fields and slots: paths, JSON-string leaves, and writing back valid JSON."""

from __future__ import annotations

import json

import orjson

from proxy.openai_api.fields import TextField, TextSlots, label


def test_labels_name_the_field_path() -> None:
    assert "messages[2].content[0].text" == label(("messages", 2, "content", 0, "text"))


def test_json_string_fields_are_opened_into_their_string_and_integer_leaves() -> None:
    body = {"args": json.dumps({"to": "Dana", "cc": ["Avi"], "phone": 972541234567, "ok": True})}

    assert ["Dana", "Avi", "972541234567"] == TextSlots(body, [TextField(("args",), True)]).texts


def test_changed_leaves_are_written_back_as_valid_json() -> None:
    body = {"args": json.dumps({"to": "Dana", "phone": 972541234567, "n": 2})}
    slots = TextSlots(body, [TextField(("args",), True)])

    slots.write(['[PERSON_1] "x" \\', "[PHONE_1]", "2"])

    assert {"to": '[PERSON_1] "x" \\', "phone": "[PHONE_1]", "n": 2} == orjson.loads(body["args"])


def test_an_unchanged_json_string_keeps_its_exact_formatting() -> None:
    raw = '{ "to" :  "Dana" }'
    body = {"args": raw}
    slots = TextSlots(body, [TextField(("args",), True)])

    slots.write(list(slots.texts))

    assert raw == body["args"]


def test_a_json_string_field_that_is_not_json_is_walked_as_plain_text() -> None:
    body = {"args": '{"to": "Dana"'}
    slots = TextSlots(body, [TextField(("args",), True)])
    slots.write(['{"to": "[PERSON_1]"'])

    assert ['{"to": "Dana"', '{"to": "[PERSON_1]"'] == [slots.texts[0], body["args"]]
