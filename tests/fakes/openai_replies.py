"""Reply bodies and stream events in OpenAI's real shapes, for the fake upstream.

The fake "model" echoes: its reply text is the text it was sent, so a redaction
round-trip can be checked end to end. With `tools` in the request it answers one
tool call whose arguments are `{"text": <echo>}`; asked for a JSON answer (chat
`response_format`, Responses `text.format`: `json_object` or `json_schema`) without tools, its
answer is the JSON document `{"text": <echo>}`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import orjson

Json = dict[str, Any]


def _texts(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            part.get("text", "") for part in content if isinstance(part, dict) and "text" in part
        )
    return ""


def echo_text(path: str, body: Json) -> str:
    """The text the fake model answers with for this request."""
    if path == "chat/completions":
        users = [m for m in body.get("messages", []) if m.get("role") == "user"]
        return _texts(users[-1].get("content")) if users else ""
    if path == "responses":
        given = body.get("input", "")
        if isinstance(given, list):
            items = [i for i in given if isinstance(i, dict) and i.get("role", "user") == "user"]
            return _texts(items[-1].get("content")) if items else ""
        return _texts(given)
    prompt = body.get("prompt", body.get("input", ""))
    return prompt[0] if isinstance(prompt, list) and prompt else _texts(prompt)


def wants_json(path: str, body: Json) -> bool:
    """Whether the request asks for a JSON answer."""
    if path == "chat/completions":
        given = body.get("response_format")
    elif path == "responses":
        text = body.get("text")
        given = text.get("format") if isinstance(text, dict) else None
    else:
        return False
    return isinstance(given, dict) and given.get("type") in ("json_object", "json_schema")


def answer_text(path: str, body: Json) -> str:
    """The fake model's answer: the echo, or a JSON document holding it when asked for JSON
    (a tool call already wraps it in its arguments)."""
    text = echo_text(path, body)
    if wants_json(path, body) and not tool_name(body):
        return orjson.dumps({"text": text}).decode()
    return text


def tool_name(body: Json) -> str | None:
    """The first tool's name, for chat (`function.name`) and Responses (`name`) shapes."""
    tools = body.get("tools") or []
    if not tools:
        return None
    first = tools[0]
    return str(first.get("function", {}).get("name") or first.get("name") or "tool")


def tool_arguments(text: str) -> str:
    return orjson.dumps({"text": text}).decode()


def pieces(text: str, size: int) -> list[str]:
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


def usage(text: str) -> Json:
    n = max(1, len(text) // 4)
    return {"prompt_tokens": n, "completion_tokens": n, "total_tokens": 2 * n}


# -- chat completions -----------------------------------------------------------------


def chat_completion(body: Json, text: str) -> Json:
    tool = tool_name(body)
    message: Json = {"role": "assistant", "content": text, "refusal": None}
    finish = "stop"
    if tool:
        message["content"] = None
        message["tool_calls"] = [
            {
                "id": "call_echo1",
                "type": "function",
                "function": {"name": tool, "arguments": tool_arguments(text)},
            }
        ]
        finish = "tool_calls"
    return {
        "id": "chatcmpl-echo1",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "echo"),
        "choices": [{"index": 0, "message": message, "logprobs": None, "finish_reason": finish}],
        "usage": usage(text),
    }


def chat_chunks(body: Json, text: str, size: int) -> Iterator[Json]:
    base = {
        "id": "chatcmpl-echo1",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": body.get("model", "echo"),
        "system_fingerprint": None,
    }

    def chunk(delta: Json, finish: str | None = None) -> Json:
        choice = {"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish}
        return {**base, "choices": [choice]}

    tool = tool_name(body)
    if tool:
        yield chunk(
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "index": 0,
                        "id": "call_echo1",
                        "type": "function",
                        "function": {"name": tool, "arguments": ""},
                    }
                ],
            }
        )
        for piece in pieces(tool_arguments(text), size):
            yield chunk({"tool_calls": [{"index": 0, "function": {"arguments": piece}}]})
        yield chunk({}, "tool_calls")
    else:
        yield chunk({"role": "assistant", "content": "", "refusal": None})
        for piece in pieces(text, size):
            yield chunk({"content": piece})
        yield chunk({}, "stop")
    yield {**base, "choices": [], "usage": usage(text)}


# -- completions and embeddings -------------------------------------------------------


def completion(body: Json, text: str) -> Json:
    return {
        "id": "cmpl-echo1",
        "object": "text_completion",
        "created": int(time.time()),
        "model": body.get("model", "echo"),
        "choices": [{"text": text, "index": 0, "logprobs": None, "finish_reason": "stop"}],
        "usage": usage(text),
    }


def completion_chunks(body: Json, text: str, size: int) -> Iterator[Json]:
    for piece in pieces(text, size):
        chunk = completion(body, piece)
        chunk["choices"][0]["finish_reason"] = None
        del chunk["usage"]
        yield chunk
    last = completion(body, "")
    yield last


def embeddings(body: Json) -> Json:
    given = body.get("input", "")
    inputs = given if isinstance(given, list) else [given]
    data = [
        {
            "object": "embedding",
            "index": i,
            "embedding": [float(len(str(item)) % 7), 0.5, -0.25, 1.0],
        }
        for i, item in enumerate(inputs)
    ]
    tokens = sum(len(str(item)) for item in inputs) // 4 + 1
    return {
        "object": "list",
        "data": data,
        "model": body.get("model", "echo-embed"),
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


def models() -> Json:
    return {
        "object": "list",
        "data": [
            {"id": "gpt-echo", "object": "model", "created": 1700000000, "owned_by": "fake"},
            {"id": "echo-embed", "object": "model", "created": 1700000000, "owned_by": "fake"},
        ],
    }


# -- Responses API --------------------------------------------------------------------


def _response(body: Json, status: str, output: list[Json], text: str | None) -> Json:
    reply: Json = {
        "id": "resp_echo1",
        "object": "response",
        "created_at": int(time.time()),
        "status": status,
        "error": None,
        "incomplete_details": None,
        "instructions": body.get("instructions"),
        "model": body.get("model", "echo"),
        "output": output,
        "parallel_tool_calls": True,
        "temperature": 1.0,
        "tool_choice": "auto",
        "tools": body.get("tools", []),
        "metadata": body.get("metadata", {}),
        "top_p": 1.0,
        "usage": None,
    }
    if text is not None:
        n = max(1, len(text) // 4)
        reply["usage"] = {
            "input_tokens": n,
            "input_tokens_details": {"cached_tokens": 0, "cache_write_tokens": 0},
            "output_tokens": n,
            "output_tokens_details": {"reasoning_tokens": 0},
            "total_tokens": 2 * n,
        }
    return reply


def _message_item(text: str, status: str) -> Json:
    content = [{"type": "output_text", "text": text, "annotations": [], "logprobs": []}]
    return {
        "id": "msg_echo1",
        "type": "message",
        "role": "assistant",
        "status": status,
        "content": content if status == "completed" else [],
    }


def _call_item(name: str, arguments: str, status: str) -> Json:
    return {
        "id": "fc_echo1",
        "type": "function_call",
        "call_id": "call_echo1",
        "name": name,
        "arguments": arguments,
        "status": status,
    }


def response(body: Json, text: str) -> Json:
    tool = tool_name(body)
    item = (
        _call_item(tool, tool_arguments(text), "completed")
        if tool
        else _message_item(text, "completed")
    )
    return _response(body, "completed", [item], text)


def response_events(body: Json, text: str, size: int) -> Iterator[Json]:
    """The Responses streaming sequence, `sequence_number` in order."""
    tool = tool_name(body)
    events: list[Json] = [
        {"type": "response.created", "response": _response(body, "in_progress", [], None)},
        {"type": "response.in_progress", "response": _response(body, "in_progress", [], None)},
    ]
    if tool:
        arguments = tool_arguments(text)
        item_id = "fc_echo1"
        events.append(
            {
                "type": "response.output_item.added",
                "output_index": 0,
                "item": _call_item(tool, "", "in_progress"),
            }
        )
        for piece in pieces(arguments, size):
            events.append(
                {
                    "type": "response.function_call_arguments.delta",
                    "item_id": item_id,
                    "output_index": 0,
                    "delta": piece,
                }
            )
        events.append(
            {
                "type": "response.function_call_arguments.done",
                "item_id": item_id,
                "output_index": 0,
                "arguments": arguments,
            }
        )
        done_item = _call_item(tool, arguments, "completed")
    else:
        item_id = "msg_echo1"
        where = {"item_id": item_id, "output_index": 0, "content_index": 0}
        events.append(
            {
                "type": "response.output_item.added",
                "output_index": 0,
                "item": _message_item("", "in_progress"),
            }
        )
        empty_part = {"type": "output_text", "text": "", "annotations": []}
        events.append({"type": "response.content_part.added", **where, "part": empty_part})
        for piece in pieces(text, size):
            events.append(
                {"type": "response.output_text.delta", **where, "delta": piece, "logprobs": []}
            )
        events.append({"type": "response.output_text.done", **where, "text": text, "logprobs": []})
        part = {"type": "output_text", "text": text, "annotations": []}
        events.append({"type": "response.content_part.done", **where, "part": part})
        done_item = _message_item(text, "completed")
    events.append({"type": "response.output_item.done", "output_index": 0, "item": done_item})
    events.append(
        {"type": "response.completed", "response": _response(body, "completed", [done_item], text)}
    )
    for number, event in enumerate(events):
        event["sequence_number"] = number
        yield event
