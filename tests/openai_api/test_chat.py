"""Chat Completions: every text field is walked; unknown text-bearing shapes are refused."""

from __future__ import annotations

from typing import Any

import pytest

from proxy.errors import InvalidRequest, PolicyBlocked
from proxy.openai_api.chat import (
    REPLY_KINDS,
    ChatStream,
    json_reply,
    request_fields,
    response_fields,
)
from proxy.policy import MediaAction


def paths(body: dict[str, Any], media: MediaAction = MediaAction.BLOCK) -> list[tuple[Any, ...]]:
    return [field.path for field in request_fields(body, media)]


def test_all_message_roles_parts_names_tool_arguments_and_user_are_walked() -> None:
    body = {
        "model": "gpt-4o",
        "temperature": 0.2,
        "tools": [{"type": "function", "function": {"name": "crm", "parameters": {}}}],
        "messages": [
            {"role": "system", "content": "sys"},
            {"role": "developer", "content": [{"type": "text", "text": "dev"}]},
            {"role": "user", "name": "dana", "content": "hi"},
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {"id": "c1", "type": "function", "function": {"name": "f", "arguments": "{}"}}
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "result"},
        ],
        "user": "crm-user-7",
    }

    assert [
        ("messages", 0, "content"),
        ("messages", 1, "content", 0, "text"),
        ("messages", 2, "content"),
        ("messages", 2, "name"),
        ("messages", 3, "tool_calls", 0, "function", "arguments"),
        ("messages", 4, "content"),
        ("user",),
    ] == paths(body)


def test_tool_call_arguments_are_marked_as_json_strings() -> None:
    body = {
        "messages": [
            {"role": "assistant", "tool_calls": [{"function": {"name": "f", "arguments": "{}"}}]}
        ]
    }

    assert [True] == [field.json_string for field in request_fields(body)]


def test_an_unknown_top_level_field_carrying_text_is_refused_by_path_not_value() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"messages": [], "notes": {"x": "Dana Cohen"}})

    assert ("<unknown key>", False) == (caught.value.param, "Dana" in caught.value.message)


def test_an_unknown_top_level_key_is_not_echoed_in_the_error() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"messages": [], "dana.levi@example.com": "x"})

    assert ("<unknown key>", False) == (caught.value.param, "dana" in caught.value.message)


def test_an_unknown_field_without_text_passes() -> None:
    assert [] == paths({"messages": [], "future_knob": 3})


def test_an_unknown_message_field_is_refused_naming_its_parent_path() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"messages": [{"role": "user", "content": "hi", "extra": "Dana"}]})

    assert "messages[0].<unknown key>" == caught.value.param


def test_an_unknown_content_part_type_is_refused() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"messages": [{"role": "user", "content": [{"type": "video", "v": "x"}]}]})

    assert "messages[0].content[0].type" == caught.value.param


def test_images_are_blocked_by_default_naming_the_content_kind() -> None:
    body = {"messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {}}]}]}

    with pytest.raises(PolicyBlocked) as caught:
        request_fields(body)

    assert "image" in caught.value.message


def test_media_passes_uninspected_when_the_policy_allows_it() -> None:
    body = {
        "messages": [
            {
                "role": "user",
                "content": [
                    {"type": "input_audio", "input_audio": {"data": "AAA", "format": "wav"}},
                    {"type": "text", "text": "what is this"},
                ],
            }
        ]
    }

    assert [("messages", 0, "content", 1, "text")] == paths(body, MediaAction.ALLOW)


def test_reply_content_refusal_and_tool_arguments_are_restorable() -> None:
    reply = {
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": "x",
                    "refusal": None,
                    "tool_calls": [{"id": "c", "function": {"name": "f", "arguments": "{}"}}],
                },
            }
        ]
    }

    assert [
        (("choices", 0, "message", "content"), False),
        (("choices", 0, "message", "tool_calls", 0, "function", "arguments"), True),
    ] == [(field.path, field.json_string) for field in response_fields(reply)]


def test_chunks_key_deltas_per_choice_and_tool_and_close_on_finish_reason() -> None:
    chunk = {
        "id": "c",
        "choices": [
            {"index": 1, "delta": {"content": "a"}, "finish_reason": None},
            {
                "index": 0,
                "delta": {"tool_calls": [{"index": 2, "function": {"arguments": "{"}}]},
                "finish_reason": "tool_calls",
            },
        ],
    }
    shape = ChatStream()

    assert [("content", 1, None), ("arguments", 0, 2)] == [key for key, _ in shape.deltas(chunk)]
    assert (False, True) == (
        shape.closes(chunk, ("content", 1, None)),
        shape.closes(chunk, ("arguments", 0, 2)),
    )


def test_an_assistant_reply_appended_as_the_sdk_dumps_it_is_accepted() -> None:
    message = {
        "role": "assistant",
        "content": "Sure.",
        "refusal": None,
        "annotations": [{"type": "url_citation", "url_citation": {"url": "https://x.io"}}],
        "audio": None,
        "function_call": None,
        "tool_calls": None,
    }

    assert [("messages", 0, "content")] == paths({"messages": [message]})


def test_tool_definitions_response_format_and_stop_values_are_walked_but_not_keywords() -> None:
    parameters = {
        "type": "object",
        "description": "owner d",
        "properties": {
            "owner": {
                "type": "string",
                "title": "owner t",
                "enum": ["Dana Levi", "Avi Cohen"],
                "default": {"name": "Dana Levi"},
                "examples": [972501234567],
            }
        },
        "required": ["owner"],
    }
    body = {
        "messages": [],
        "tools": [
            {
                "type": "function",
                "function": {"name": "f", "description": "d", "parameters": parameters},
            }
        ],
        "response_format": {
            "type": "json_schema",
            "json_schema": {"name": "s", "description": "rf", "schema": {"const": "Dana"}},
        },
        "stop": ["Dana Levi:"],
    }
    tool = ("tools", 0, "function")
    owner = (*tool, "parameters", "properties", "owner")

    assert [
        (*tool, "description"),
        (*tool, "parameters", "description"),
        (*owner, "title"),
        (*owner, "enum", 0),
        (*owner, "enum", 1),
        (*owner, "default", "name"),
        (*owner, "default", "name"),
        (*owner, "examples", 0),
        ("response_format", "json_schema", "description"),
        ("response_format", "json_schema", "schema", "const"),
        ("stop", 0),
    ] == paths(body)


def test_annotations_of_an_appended_reply_are_emptied_before_leaving() -> None:
    message = {
        "role": "assistant",
        "content": "See the profile.",
        "annotations": [
            {
                "type": "url_citation",
                "url_citation": {"title": "Dana Levi", "url": "https://x.io/dana"},
            }
        ],
    }
    body = {"messages": [message]}
    request_fields(body)

    assert [] == body["messages"][0]["annotations"]


def test_custom_tool_call_input_in_a_reply_is_restorable() -> None:
    call = {"id": "c", "type": "custom", "custom": {"name": "t", "input": "x"}}
    reply = {"choices": [{"index": 0, "message": {"role": "assistant", "tool_calls": [call]}}]}

    assert [(("choices", 0, "message", "tool_calls", 0, "custom", "input"), False)] == [
        (field.path, field.json_string) for field in response_fields(reply)
    ]


def test_streamed_custom_tool_input_and_audio_transcript_are_keyed_and_flushed() -> None:
    delta = {
        "tool_calls": [{"index": 1, "custom": {"input": "a"}}],
        "audio": {"transcript": "b"},
    }
    chunk = {"id": "c", "choices": [{"index": 0, "delta": delta, "finish_reason": None}]}
    shape = ChatStream()

    assert [("audio", 0, None), ("custom", 0, 1)] == [key for key, _ in shape.deltas(chunk)]
    assert {"tool_calls": [{"index": 1, "custom": {"input": "z"}}]} == shape.flush_event(
        chunk, ("custom", 0, 1), "z"
    )["choices"][0]["delta"]


@pytest.mark.parametrize("kind", REPLY_KINDS)
def test_every_reply_text_is_restorable_both_whole_and_streamed(kind: str) -> None:
    shape = ChatStream()
    template = {"id": "c", "choices": [{"index": 0, "delta": {}, "finish_reason": None}]}
    tool = 3 if kind in ("arguments", "custom") else None
    event = shape.flush_event(template, (kind, 0, tool), "x")
    reply = {"choices": [{"index": 0, "message": event["choices"][0]["delta"]}]}

    assert [(kind, 0, tool)] == [key for key, _ in shape.deltas(event)]
    assert ["x"] == [field.get(reply) for field in response_fields(reply)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"response_format": {"type": "json_object"}}, True),
        ({"response_format": {"type": "json_schema", "json_schema": {"name": "s"}}}, True),
        ({"response_format": {"type": "text"}}, False),
        ({"response_format": None}, False),
        ({"text": {"format": {"type": "json_object"}}}, False),  # the Responses spelling
        ({}, False),
    ],
)
def test_a_json_reply_is_asked_by_a_json_response_format(
    body: dict[str, Any], expected: bool
) -> None:
    assert expected is json_reply({"messages": [], **body})


def test_only_the_content_is_answer_text_whole_and_streamed() -> None:
    message = {
        "content": "{}",
        "refusal": "no",
        "audio": {"transcript": "t"},
        "function_call": {"arguments": "{}"},
        "tool_calls": [
            {"index": 0, "function": {"arguments": "{}"}},
            {"index": 1, "custom": {"input": "i"}},
        ],
    }
    reply = {"choices": [{"index": 0, "message": message}]}
    chunk = {"id": "c", "choices": [{"index": 0, "delta": message, "finish_reason": None}]}
    streamed = [field for _, field in ChatStream().deltas(chunk)]

    for fields in (response_fields(reply), streamed):
        assert [
            ("content", True, False),
            ("refusal", False, False),
            ("transcript", False, False),
            ("arguments", False, True),
            ("arguments", False, True),
            ("input", False, False),
        ] == [(field.path[-1], field.answer, field.json_string) for field in fields]
