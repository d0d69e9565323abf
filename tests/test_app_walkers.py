"""Through the running proxy (openai SDK client, echoing fake upstream): developer schema,
tool-call argument JSON, metadata keys and custom tool calls carry no personal value upstream,
and the caller gets the originals back."""

from __future__ import annotations

import json
from typing import Any

import openai
import orjson
import pytest

from tests.conftest import RunningProxy, StartProxy

NOTE = "Please update the lead Dana Levi (dana.levi@example.com, 972501234567) and Avi Cohen."
VALUES = ("Dana", "Levi", "dana.levi", "972501234567", "Avi Cohen")
OWNER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "description": "Assign to Dana Levi (dana.levi@example.com) unless told otherwise.",
    "properties": {
        "text": {"type": "string"},
        "owner": {
            "type": "string",
            "title": "Owner, e.g. Dana Levi",
            "enum": ["Dana Levi", "Avi Cohen"],
            "const": "Dana Levi",
            "default": "Dana Levi",
            "examples": ["dana.levi@example.com", 972501234567.0],
        },
    },
}


def _client(proxy: RunningProxy) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


def _sent(proxy: RunningProxy) -> str:
    return orjson.dumps(proxy.upstream.last.body).decode()


def _leaked(proxy: RunningProxy) -> list[str]:
    sent = _sent(proxy)
    return [value for value in VALUES if value in sent]


async def test_chat_tools_response_format_and_stop_leave_pseudonymized(
    proxy: RunningProxy,
) -> None:
    tools: Any = [
        {
            "type": "function",
            "function": {
                "name": "save_note",
                "description": "Saves a note for Dana Levi's accounts.",
                "parameters": OWNER_SCHEMA,
            },
        }
    ]
    response_format: Any = {
        "type": "json_schema",
        "json_schema": {"name": "note", "description": "About Avi Cohen", "schema": OWNER_SCHEMA},
    }
    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": NOTE}],
        tools=tools,
        response_format=response_format,
        stop=["Dana Levi:"],
    )

    [call] = reply.choices[0].message.tool_calls or []
    assert call.type == "function"
    assert {"text": NOTE} == json.loads(call.function.arguments)
    assert [] == _leaked(proxy)
    sent = proxy.upstream.last.body
    owner = sent["tools"][0]["function"]["parameters"]["properties"]["owner"]
    # The model sees the placeholders of the messages, and the schema keeps its shape.
    assert (["[PERSON_1]", "[PERSON_2]"], "string", "save_note") == (
        owner["enum"],
        owner["type"],
        sent["tools"][0]["function"]["name"],
    )
    assert ["[PERSON_1]:"] == sent["stop"]


async def test_responses_tools_and_text_format_leave_pseudonymized(proxy: RunningProxy) -> None:
    tools: Any = [
        {
            "type": "function",
            "name": "save_note",
            "description": "For Avi Cohen",
            "parameters": OWNER_SCHEMA,
        }
    ]
    text: Any = {"format": {"type": "json_schema", "name": "note", "schema": OWNER_SCHEMA}}

    reply = await _client(proxy).responses.create(
        model="gpt-4o-mini",
        input=NOTE,
        tools=tools,
        text=text,
        metadata={"dana.levi@example.com": "Avi Cohen"},
    )

    [item] = reply.output
    assert item.type == "function_call"
    assert {"text": NOTE} == json.loads(item.arguments)
    assert [] == _leaked(proxy)
    # The Response echoes the tools it was sent: they come back restored too.
    assert "For Avi Cohen" == reply.tools[0].description  # type: ignore[union-attr]
    assert {"dana.levi@example.com": "Avi Cohen"} == reply.metadata


HISTORY_ARGUMENTS = [
    '{"owner": "Dana Levi", "owner": "n/a"}',
    '{"dana.levi@example.com": true}',
    '{"phone": 972501234567.0}',
]


@pytest.mark.parametrize("arguments", HISTORY_ARGUMENTS, ids=["duplicate", "key", "float"])
async def test_tool_call_history_arguments_leave_as_inspected(
    proxy: RunningProxy, arguments: str
) -> None:
    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": "call_1",
                        "type": "function",
                        "function": {"name": "save_note", "arguments": arguments},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "call_1", "content": "saved"},
            {"role": "user", "content": NOTE},
        ],
        metadata={"dana.levi@example.com": "Avi Cohen"},
    )

    assert NOTE == reply.choices[0].message.content
    assert [] == _leaked(proxy)
    sent = proxy.upstream.last.body
    assert isinstance(
        json.loads(sent["messages"][0]["tool_calls"][0]["function"]["arguments"]), dict
    )
    assert {"[EMAIL_1]": "[PERSON_2]"} == sent["metadata"]


async def test_responses_function_call_arguments_leave_as_inspected(proxy: RunningProxy) -> None:
    history: Any = [
        {
            "type": "function_call",
            "call_id": "c1",
            "name": "save_note",
            "arguments": '{"dana.levi@example.com": 972501234567.0, "o": "x", "o": "Avi Cohen"}',
        },
        {"type": "function_call_output", "call_id": "c1", "output": "saved"},
        {"role": "user", "content": NOTE},
    ]

    reply = await _client(proxy).responses.create(model="gpt-4o-mini", input=history)

    assert NOTE == reply.output_text
    assert [] == _leaked(proxy)


def _custom_call(text: str) -> dict[str, Any]:
    return {"id": "call_c1", "type": "custom", "custom": {"name": "crm_cli", "input": text}}


async def test_a_chat_custom_tool_call_input_is_restored(proxy: RunningProxy) -> None:
    message = {
        "role": "assistant",
        "content": None,
        "tool_calls": [_custom_call("assign [PERSON_1]")],
    }
    proxy.upstream.fail_with(
        200,
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": 1,
            "model": "m",
            "choices": [{"index": 0, "message": message, "finish_reason": "tool_calls"}],
        },
    )

    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}]
    )

    [call] = reply.choices[0].message.tool_calls or []
    assert call.type == "custom"
    assert "assign Dana Levi" == call.custom.input
    assert [] == _leaked(proxy)


def _chunk(delta: dict[str, Any], finish: str | None = None) -> bytes:
    choice = {"index": 0, "delta": delta, "finish_reason": finish}
    event = {
        "id": "c",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "m",
        "choices": [choice],
    }
    return b"data: " + orjson.dumps(event) + b"\n\n"


async def test_a_streamed_chat_custom_tool_call_input_is_restored_across_cuts(
    proxy: RunningProxy,
) -> None:
    start = _custom_call("")
    pieces = ["assign [PER", "SON_1] and [EM", "AIL_1]"]
    proxy.upstream.raw_stream = [
        _chunk({"role": "assistant", "tool_calls": [{"index": 0, **start}]}),
        *(_chunk({"tool_calls": [{"index": 0, "custom": {"input": piece}}]}) for piece in pieces),
        _chunk({}, "tool_calls"),
        b"data: [DONE]\n\n",
    ]

    stream = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}], stream=True
    )
    received = ""
    async for chunk in stream:
        for call in chunk.choices[0].delta.tool_calls or [] if chunk.choices else []:
            custom = (call.model_extra or {}).get("custom") or {}
            received += custom.get("input") or ""

    assert "assign Dana Levi and dana.levi@example.com" == received
    assert [] == _leaked(proxy)


async def test_tool_arguments_nested_past_the_depth_limit_are_a_413_not_a_500(
    proxy: RunningProxy,
) -> None:
    deep = "[" * 990 + "]" * 990
    with pytest.raises(openai.APIStatusError) as caught:
        await _client(proxy).chat.completions.create(
            model="gpt-4o-mini",
            messages=[
                {
                    "role": "assistant",
                    "tool_calls": [
                        {
                            "id": "c",
                            "type": "function",
                            "function": {"name": "f", "arguments": deep},
                        }
                    ],
                }
            ],
        )

    assert (413, "json_too_deep") == (caught.value.status_code, caught.value.code)
    assert [] == proxy.upstream.requests


async def test_an_unknown_key_is_refused_without_being_echoed(proxy: RunningProxy) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        await _client(proxy).chat.completions.create(
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": "hi"}],
            extra_body={"dana.levi@example.com": "x"},
        )

    assert "dana" not in caught.value.response.text
    assert [] == proxy.upstream.requests


async def test_the_configured_json_depth_also_bounds_tool_call_arguments(
    start_proxy: StartProxy,
) -> None:
    proxy = await start_proxy(max_json_depth=8)
    nested: Any = "Dana Levi"
    for _ in range(10):
        nested = {"a": nested}
    history: Any = [
        {"role": "user", "content": "hi"},
        {
            "role": "assistant",
            "tool_calls": [
                {
                    "id": "c1",
                    "type": "function",
                    "function": {"name": "f", "arguments": json.dumps(nested)},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "c1", "content": "ok"},
    ]

    with pytest.raises(openai.APIStatusError) as caught:
        await _client(proxy).chat.completions.create(model="m", messages=history)

    assert (413, "json_too_deep") == (caught.value.status_code, caught.value.code)
    assert [] == proxy.upstream.requests
