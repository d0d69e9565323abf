"""Responses: input strings and items, instructions, replies and stream events."""

from __future__ import annotations

from typing import Any

import pytest

from proxy.errors import InvalidRequest, PolicyBlocked
from proxy.openai_api.responses import (
    ResponsesStream,
    json_reply,
    request_fields,
    response_fields,
)


def test_instructions_input_items_and_function_calls_are_walked() -> None:
    body = {
        "model": "gpt-4.1",
        "instructions": "be brief",
        "tools": [{"type": "function", "name": "crm", "parameters": {}}],
        "input": [
            {"role": "user", "content": "hi"},
            {"type": "message", "role": "user", "content": [{"type": "input_text", "text": "a"}]},
            {"type": "function_call", "call_id": "c", "name": "f", "arguments": "{}"},
            {"type": "function_call_output", "call_id": "c", "output": "done"},
            {"type": "item_reference", "id": "msg_1"},
        ],
    }

    assert [
        (("instructions",), False),
        (("input", 0, "content"), False),
        (("input", 1, "content", 0, "text"), False),
        (("input", 2, "arguments"), True),
        (("input", 3, "output"), False),
    ] == [(field.path, field.json_string) for field in request_fields(body)]


def test_a_string_input_is_walked() -> None:
    assert [("input",)] == [f.path for f in request_fields({"model": "m", "input": "hi"})]


def test_an_item_type_the_proxy_cannot_inspect_is_refused() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"input": [{"type": "computer_call", "action": {"text": "Dana"}}]})

    assert "input[0].type" == caught.value.param


def test_input_files_are_blocked_by_default() -> None:
    body = {"input": [{"role": "user", "content": [{"type": "input_file", "file_id": "f"}]}]}

    with pytest.raises(PolicyBlocked) as caught:
        request_fields(body)

    assert "file" in caught.value.message


def test_reply_output_text_items_and_instructions_are_restorable() -> None:
    reply = {
        "instructions": "x",
        "output": [
            {"type": "message", "content": [{"type": "output_text", "text": "t"}]},
            {"type": "function_call", "arguments": "{}"},
        ],
        "output_text": "t",
    }

    assert [
        ("instructions",),
        ("output_text",),
        ("output", 0, "content", 0, "text"),
        ("output", 1, "arguments"),
    ] == [field.path for field in response_fields(reply)]


def test_text_deltas_are_keyed_per_item_and_closed_by_their_done_event() -> None:
    shape = ResponsesStream()
    delta = {
        "type": "response.output_text.delta",
        "item_id": "m",
        "output_index": 0,
        "content_index": 0,
        "delta": "x",
    }
    done = {**delta, "type": "response.output_text.done", "text": "x"}
    [(key, _)] = shape.deltas(delta)

    assert (True, False) == (shape.closes(done, key), shape.closes({**done, "item_id": "o"}, key))
    assert [("text",)] == [field.path for field in shape.wholes(done)]


def test_tools_and_text_format_values_are_walked_but_not_names_or_types() -> None:
    body = {
        "input": "hi",
        "tools": [
            {
                "type": "function",
                "name": "f",
                "description": "d",
                "parameters": {"type": "object", "properties": {"o": {"enum": ["Dana"]}}},
            }
        ],
        "text": {"format": {"type": "json_schema", "name": "s", "schema": {"description": "x"}}},
    }

    assert [
        ("input",),
        ("tools", 0, "description"),
        ("tools", 0, "parameters", "properties", "o", "enum", 0),
        ("text", "format", "schema", "description"),
    ] == [field.path for field in request_fields(body)]


def test_annotations_and_logprobs_of_output_text_given_back_are_emptied() -> None:
    part = {
        "type": "output_text",
        "text": "t",
        "annotations": [{"type": "file_citation", "file_id": "f", "filename": "dana_levi.pdf"}],
        "logprobs": [{"token": "Dana", "bytes": [68], "logprob": -1.0, "top_logprobs": []}],
    }
    body = {"input": [{"type": "message", "role": "assistant", "content": [part]}]}
    request_fields(body)

    assert ([], []) == (part["annotations"], part["logprobs"])


def test_a_bad_prompt_variable_is_refused_without_naming_the_variable() -> None:
    body = {"prompt": {"id": "p", "variables": {"dana@x.io": {"type": "video"}}}}

    with pytest.raises(InvalidRequest) as caught:
        request_fields(body)

    assert ("prompt.variables.<key>.type", False) == (
        caught.value.param,
        "dana" in caught.value.message,
    )


def test_echoed_request_fields_are_restorable_values_before_keys() -> None:
    reply = {
        "output": [],
        "tools": [{"type": "function", "name": "f", "description": "For [PERSON_1]"}],
        "metadata": {"[EMAIL_1]": "[PERSON_1]"},
    }
    fields = response_fields(reply)

    assert [
        (("tools", 0, "type"), "value"),
        (("tools", 0, "name"), "value"),
        (("tools", 0, "description"), "value"),
        (("tools", 0, "type"), "key"),
        (("tools", 0, "name"), "key"),
        (("tools", 0, "description"), "key"),
        (("metadata", "[EMAIL_1]"), "value"),
        (("metadata", "[EMAIL_1]"), "key"),
    ] == [(field.path, field.kind) for field in fields]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"text": {"format": {"type": "json_object"}}}, True),
        ({"text": {"format": {"type": "json_schema", "name": "s", "schema": {}}}}, True),
        ({"text": {"format": {"type": "text"}}}, False),
        ({"text": {"verbosity": "low"}}, False),
        ({"text": "json_object"}, False),
        ({"response_format": {"type": "json_object"}}, False),  # the chat spelling
        ({}, False),
    ],
)
def test_a_json_reply_is_asked_by_a_json_text_format(body: dict[str, Any], expected: bool) -> None:
    assert expected is json_reply({"input": "hi", **body})


REASONING_ITEM = {
    "type": "reasoning",
    "summary": [{"type": "summary_text", "text": "s"}],
    "content": [{"type": "reasoning_text", "text": "r"}],
}
MESSAGE_ITEM = {
    "type": "message",
    "content": [{"type": "output_text", "text": "{}"}, {"type": "refusal", "refusal": "no"}],
}


def test_only_output_text_is_answer_text_in_a_reply() -> None:
    reply = {
        "instructions": "i",
        "output": [REASONING_ITEM, MESSAGE_ITEM, {"type": "function_call", "arguments": "{}"}],
        "output_text": "{}",
    }

    assert [("output_text",), ("output", 1, "content", 0, "text")] == [
        field.path for field in response_fields(reply) if field.answer
    ]


def answers(event: dict[str, Any]) -> list[bool]:
    shape = ResponsesStream()
    return [field.answer for _, field in shape.deltas(event)] + [
        field.answer for field in shape.wholes(event)
    ]


@pytest.mark.parametrize(
    ("event", "expected"),
    [
        ({"type": "response.output_text.delta", "delta": "{"}, [True]),
        ({"type": "response.output_text.done", "text": "{}"}, [True]),
        ({"type": "response.refusal.delta", "delta": "n"}, [False]),
        ({"type": "response.refusal.done", "refusal": "no"}, [False]),
        ({"type": "response.reasoning_text.delta", "delta": "r"}, [False]),
        ({"type": "response.reasoning_summary_text.done", "text": "s"}, [False]),
        ({"type": "response.function_call_arguments.delta", "delta": "{"}, [False]),
        (
            {"type": "response.content_part.done", "part": {"type": "output_text", "text": "{}"}},
            [True],
        ),
        (
            {"type": "response.content_part.done", "part": {"type": "refusal", "refusal": "n"}},
            [False],
        ),
        (
            {
                "type": "response.reasoning_summary_part.done",
                "part": {"type": "summary_text", "text": "s"},
            },
            [False],
        ),
        ({"type": "response.output_item.done", "item": MESSAGE_ITEM}, [True, False]),
        ({"type": "response.output_item.done", "item": REASONING_ITEM}, [False, False]),
        (
            {"type": "response.completed", "response": {"output": [MESSAGE_ITEM]}},
            [True, False],
        ),
    ],
    ids=lambda value: value.get("type", "") if isinstance(value, dict) else "",
)
def test_only_output_text_is_answer_text_in_stream_events(
    event: dict[str, Any], expected: list[bool]
) -> None:
    assert expected == answers({"item_id": "m", "output_index": 0, "content_index": 0, **event})
