"""The redacting exchange: nothing personal goes upstream, the caller gets exactly the original.

A literal-value detector stands in for the real engine here (see tests/fakes/literal_detector).
Upstream replies are built by echoing what the exchange sent, cut into one-character events.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from openai.lib.streaming.chat import ChatCompletionStreamState
from openai.types.chat import ChatCompletionChunk
from openai.types.responses import ResponseStreamEvent
from pydantic import TypeAdapter

from proxy.detect.spans import EntityType
from proxy.errors import ClientError, EndpointNotAllowed, InvalidRequest, RedactionFailed
from proxy.exchange import Exchange
from proxy.openai_api.endpoints import endpoint_for
from proxy.policy import MediaAction, Policy
from proxy.redaction import RedactingExchange
from tests.fakes.literal_detector import FailingDetector, LiteralDetector

RESPONSE_EVENT: TypeAdapter[ResponseStreamEvent] = TypeAdapter(ResponseStreamEvent)
VALUES = {
    "Dana Cohen": EntityType.PERSON,
    'Avi "the rock" \\ Levi': EntityType.PERSON,
    "דנה כהן": EntityType.PERSON,
    "dana@acme.co.il": EntityType.EMAIL,
    "+972-54-123-4567": EntityType.PHONE,
    "Flat 4,\n221B Baker Street": EntityType.ADDRESS,
}
ORIGINAL = "Email Dana Cohen at dana@acme.co.il or call +972-54-123-4567; cc דנה כהן."
ARGUMENTS = json.dumps({"to": 'Avi "the rock" \\ Levi', "cc": ["Dana Cohen"], "n": 2})


def exchange(endpoint: str = "chat/completions") -> tuple[RedactingExchange, LiteralDetector]:
    detector = LiteralDetector(VALUES)
    return RedactingExchange(endpoint, detector, Policy()), detector


def assert_no_values(sent: Any) -> None:
    dumped = json.dumps(sent, ensure_ascii=False)
    for value in VALUES:
        assert value not in dumped
    assert "Levi" not in dumped


def chat_body() -> dict[str, Any]:
    return {
        "model": "gpt-4o",
        "messages": [
            {"role": "system", "content": "You help Dana Cohen."},
            {"role": "user", "content": [{"type": "text", "text": ORIGINAL}]},
            {
                "role": "assistant",
                "tool_calls": [
                    {
                        "id": "c1",
                        "type": "function",
                        "function": {"name": "mail", "arguments": ARGUMENTS},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": "sent to dana@acme.co.il"},
        ],
        "user": "dana@acme.co.il",
    }


def test_chat_request_goes_upstream_without_values_and_the_echo_comes_back_exact() -> None:
    ex, detector = exchange()
    sent = ex.request(chat_body())
    echoed_text = sent["messages"][1]["content"][0]["text"]
    echoed_args = sent["messages"][2]["tool_calls"][0]["function"]["arguments"]
    reply = {
        "choices": [
            {
                "index": 0,
                "message": {
                    "role": "assistant",
                    "content": echoed_text,
                    "tool_calls": [
                        {"id": "c2", "function": {"name": "mail", "arguments": echoed_args}}
                    ],
                },
                "finish_reason": "tool_calls",
            }
        ]
    }

    restored = ex.response(reply)["choices"][0]["message"]

    assert_no_values(sent)
    assert 1 == detector.calls
    assert ORIGINAL == restored["content"]
    assert json.loads(ARGUMENTS) == json.loads(restored["tool_calls"][0]["function"]["arguments"])


def test_tool_arguments_stay_valid_json_upstream() -> None:
    ex, _ = exchange()

    sent = ex.request(chat_body())

    assert {"to": "[PERSON_3]", "cc": ["[PERSON_1]"], "n": 2} == json.loads(
        sent["messages"][2]["tool_calls"][0]["function"]["arguments"]
    )


def test_stats_count_entities_and_placeholders_never_values() -> None:
    ex, _ = exchange()
    sent = ex.request(chat_body())
    ex.response({"choices": [{"index": 0, "message": {"content": sent["user"] + " [PERSON_9]"}}]})

    stats = ex.stats

    assert (5, 1, 1) == (stats.placeholders_issued, stats.restored, stats.unrestored)
    assert 3 == stats.entities[("EMAIL", "pseudonymize")]


def chunk(choices: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1",
        "object": "chat.completion.chunk",
        "created": 1,
        "model": "gpt-4o",
        "choices": choices,
    }


def test_a_chat_stream_cut_to_one_character_per_event_comes_back_exact() -> None:
    ex, _ = exchange()
    sent = ex.request(chat_body())
    text = sent["messages"][1]["content"][0]["text"]
    args = sent["messages"][2]["tool_calls"][0]["function"]["arguments"]
    events = [
        chunk(
            [
                {"index": 0, "delta": {"content": c}, "finish_reason": None},
                {"index": 1, "delta": {"content": c}, "finish_reason": None},
            ]
        )
        for c in text
    ]
    events += [
        chunk(
            [
                {
                    "index": 1,
                    "delta": {"tool_calls": [{"index": 0, "function": {"arguments": c}}]},
                    "finish_reason": None,
                }
            ]
        )
        for c in args
    ]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}]))
    events.append(chunk([{"index": 1, "delta": {}, "finish_reason": "tool_calls"}]))

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()

    content = {0: "", 1: ""}
    arguments = ""
    finished: set[int] = set()
    for event in out:
        ChatCompletionChunk.model_validate(event)  # flush chunks are shaped like real ones
        for choice in event["choices"]:
            assert choice["index"] not in finished  # nothing arrives after a finish_reason
            delta = choice["delta"]
            content[choice["index"]] += delta.get("content") or ""
            for call in delta.get("tool_calls") or []:
                arguments += call["function"]["arguments"]
            if choice["finish_reason"]:
                finished.add(choice["index"])
    assert {0: ORIGINAL, 1: ORIGINAL} == content
    assert json.loads(ARGUMENTS) == json.loads(arguments)


def test_the_sdk_stream_accumulator_builds_the_original_message_from_restored_chunks() -> None:
    ex, _ = exchange()
    sent = ex.request(chat_body())
    text = sent["messages"][1]["content"][0]["text"]
    args = sent["messages"][2]["tool_calls"][0]["function"]["arguments"]
    first_call = {"index": 0, "id": "call_1", "type": "function", "function": {"name": "mail"}}
    events = [chunk([{"index": 0, "delta": {"role": "assistant", "content": ""}}])]
    events += [chunk([{"index": 0, "delta": {"content": c}, "finish_reason": None}]) for c in text]
    events.append(
        chunk(
            [
                {
                    "index": 0,
                    "delta": {
                        "tool_calls": [
                            {**first_call, "function": {"name": "mail", "arguments": ""}}
                        ]
                    },
                    "finish_reason": None,
                }
            ]
        )
    )
    events += [
        chunk(
            [
                {
                    "index": 0,
                    "delta": {"tool_calls": [{"index": 0, "function": {"arguments": c}}]},
                    "finish_reason": None,
                }
            ]
        )
        for c in args
    ]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]))
    state = ChatCompletionStreamState()

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()
    for restored in out:
        state.handle_chunk(ChatCompletionChunk.model_validate(restored))

    message = state.get_final_completion().choices[0].message
    assert message.tool_calls is not None
    assert ORIGINAL == message.content
    assert json.loads(ARGUMENTS) == json.loads(message.tool_calls[0].function.arguments)


def test_held_text_is_flushed_at_stream_end_when_no_finish_reason_comes() -> None:
    ex, _ = exchange()
    ex.request({"model": "m", "messages": [{"role": "user", "content": "Dana Cohen"}]})

    first = ex.stream_event(
        chunk([{"index": 0, "delta": {"content": "Hi [PERSON_1"}, "finish_reason": None}])
    )
    last = ex.stream_end()

    assert "Hi " == first[0]["choices"][0]["delta"]["content"]
    assert ["Dana Cohen"] == [e["choices"][0]["delta"]["content"] for e in last]


def responses_events(text: str, args: str) -> list[dict[str, Any]]:
    base = {"item_id": "msg_1", "output_index": 0, "content_index": 0, "sequence_number": 1}
    events = [
        {"type": "response.output_text.delta", **base, "delta": c, "logprobs": []} for c in text
    ]
    events.append({"type": "response.output_text.done", **base, "text": text, "logprobs": []})
    call = {"item_id": "fc_1", "output_index": 1, "sequence_number": 2}
    events += [{"type": "response.function_call_arguments.delta", **call, "delta": c} for c in args]
    events.append({"type": "response.function_call_arguments.done", **call, "arguments": args})
    output = [
        {"type": "message", "id": "msg_1", "content": [{"type": "output_text", "text": text}]},
        {"type": "function_call", "id": "fc_1", "name": "mail", "arguments": args},
    ]
    events.append({"type": "response.completed", "response": {"output": copy.deepcopy(output)}})
    return events


def test_a_responses_stream_cut_to_one_character_per_event_comes_back_exact() -> None:
    ex, _ = exchange("responses")
    sent = ex.request(
        {
            "model": "gpt-4.1",
            "instructions": "Help Dana Cohen",
            "input": [
                {"role": "user", "content": ORIGINAL},
                {"type": "function_call", "call_id": "c", "name": "mail", "arguments": ARGUMENTS},
            ],
        }
    )
    assert_no_values(sent)

    out = [
        e
        for event in responses_events(sent["input"][0]["content"], sent["input"][1]["arguments"])
        for e in ex.stream_event(event)
    ] + ex.stream_end()

    for event in out[:-1]:  # every delta and done event, flushes included, is a valid event
        RESPONSE_EVENT.validate_python(event)
    text = "".join(e["delta"] for e in out if e["type"] == "response.output_text.delta")
    args = "".join(e["delta"] for e in out if e["type"] == "response.function_call_arguments.delta")
    done = next(e for e in out if e["type"] == "response.output_text.done")
    completed = out[-1]["response"]["output"]
    assert (ORIGINAL, ORIGINAL) == (text, done["text"])
    assert json.loads(ARGUMENTS) == json.loads(args)
    assert ORIGINAL == completed[0]["content"][0]["text"]
    assert json.loads(ARGUMENTS) == json.loads(completed[1]["arguments"])


def test_a_responses_reply_restores_output_items_output_text_and_instructions() -> None:
    ex, _ = exchange("responses")
    sent = ex.request({"model": "m", "instructions": "Help Dana Cohen", "input": ORIGINAL})
    reply = {
        "instructions": sent["instructions"],
        "output": [
            {"type": "message", "content": [{"type": "output_text", "text": sent["input"]}]}
        ],
        "output_text": sent["input"],
    }

    restored = ex.response(reply)

    assert ("Help Dana Cohen", ORIGINAL, ORIGINAL) == (
        restored["instructions"],
        restored["output"][0]["content"][0]["text"],
        restored["output_text"],
    )


def test_embedding_inputs_are_pseudonymized() -> None:
    ex, _ = exchange("embeddings")

    sent = ex.request({"model": "text-embedding-3-small", "input": [ORIGINAL, "Dana Cohen"]})

    assert "[PERSON_1]" == sent["input"][1]
    assert_no_values(sent)


def test_a_detector_failure_fails_closed_without_content_in_the_error() -> None:
    ex = RedactingExchange("chat/completions", FailingDetector(), Policy())

    with pytest.raises(RedactionFailed) as caught:
        ex.request({"model": "m", "messages": [{"role": "user", "content": "Dana Cohen"}]})

    assert "Dana" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_an_endpoint_the_proxy_does_not_redact_is_refused() -> None:
    with pytest.raises(EndpointNotAllowed):
        RedactingExchange("audio/speech", LiteralDetector({}), Policy())


def test_a_request_with_nothing_found_passes_and_replies_are_untouched() -> None:
    ex, _ = exchange()
    body = {"model": "m", "messages": [{"role": "user", "content": "hello [PERSON_1]"}]}

    assert body == ex.request(copy.deepcopy(body))
    assert [chunk([])] == ex.stream_event(chunk([]))


def test_a_streamed_placeholder_is_counted_once_though_done_events_repeat_it() -> None:
    ex, _ = exchange("responses")
    sent = ex.request({"model": "m", "input": "Dana Cohen"})
    for event in responses_events(sent["input"], "{}"):
        ex.stream_event(event)

    assert (1, 0) == (ex.stats.restored, ex.stats.unrestored)


def test_the_exchange_satisfies_the_exchange_protocol() -> None:
    ex: Exchange = exchange()[0]

    assert [] == ex.stream_end()


def test_held_responses_text_is_released_in_a_delta_before_its_done_event() -> None:
    ex, _ = exchange("responses")
    ex.request({"model": "m", "input": "Dana Cohen"})
    base = {"item_id": "m1", "output_index": 0, "content_index": 0, "sequence_number": 3}
    events = [
        {"type": "response.output_text.delta", **base, "delta": "Hi ", "logprobs": []},
        {"type": "response.output_text.delta", **base, "delta": "[PERSON_1", "logprobs": []},
        {"type": "response.output_text.done", **base, "text": "Hi [PERSON_1", "logprobs": []},
    ]

    out = [e for event in events for e in ex.stream_event(event)]

    assert [
        ("response.output_text.delta", "Hi "),
        ("response.output_text.delta", ""),
        ("response.output_text.delta", "Dana Cohen"),
        ("response.output_text.done", "Hi Dana Cohen"),
    ] == [(e["type"], e.get("delta", e.get("text"))) for e in out]


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.sampled_from(["user", "assistant", "text", "input_text", "message", "a b a"]),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["role", "content", "type", "text", "x"]), children, max_size=3
        )
    ),
    max_leaves=12,
)
bodies = st.dictionaries(
    st.sampled_from(["model", "messages", "input", "instructions", "prompt", "user", "tools", "x"]),
    json_values,
    max_size=4,
)


@given(st.sampled_from(["chat/completions", "responses", "completions", "embeddings"]), bodies)
def test_any_json_body_is_either_redacted_or_refused_as_a_client_error(
    endpoint: str, body: dict[str, Any]
) -> None:
    ex = RedactingExchange(endpoint, LiteralDetector({"a": EntityType.PERSON}), Policy())

    try:
        sent = ex.request(body)
    except ClientError:
        return
    shape = endpoint_for(endpoint)
    assert shape is not None
    for text_field in shape.request_fields(sent, MediaAction.BLOCK):
        if not text_field.json_string:
            assert "a" not in re.sub(r"\[PERSON_\d+\]", "", text_field.get(sent))


@pytest.mark.parametrize(
    "body",
    [
        {"messages": [{"role": ["user"], "content": "a"}]},
        {"messages": [{"role": "user", "content": [{"type": ["text"], "text": "a"}]}]},
    ],
)
def test_a_shape_the_walker_did_not_foresee_is_a_400_not_a_crash(body: dict[str, Any]) -> None:
    ex, _ = exchange()

    with pytest.raises(InvalidRequest):
        ex.request(body)


def test_a_legacy_completions_stream_with_two_choices_comes_back_exact() -> None:
    ex, _ = exchange("completions")
    sent = ex.request({"model": "gpt-3.5-turbo-instruct", "prompt": ORIGINAL, "n": 2})
    base = {"id": "cmpl-1", "object": "text_completion", "created": 1, "model": "m"}
    events = [
        {**base, "choices": [{"index": i, "text": c, "finish_reason": None, "logprobs": None}]}
        for c in sent["prompt"]
        for i in (0, 1)
    ]
    events += [
        {**base, "choices": [{"index": i, "text": "", "finish_reason": "stop", "logprobs": None}]}
        for i in (0, 1)
    ]

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()

    texts = {0: "", 1: ""}
    for event in out:
        for choice in event["choices"]:
            texts[choice["index"]] += choice["text"]
    assert {0: ORIGINAL, 1: ORIGINAL} == texts


def test_legacy_function_call_arguments_in_a_chat_stream_are_restored() -> None:
    ex, _ = exchange()
    ex.request({"model": "m", "messages": [{"role": "user", "content": "Dana Cohen"}]})
    events = [
        chunk(
            [{"index": 0, "delta": {"function_call": {"arguments": part}}, "finish_reason": None}]
        )
        for part in ['{"to": "[PERS', 'ON_1]"}']
    ]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "function_call"}]))

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()

    assert '{"to": "Dana Cohen"}' == "".join(
        e["choices"][0]["delta"].get("function_call", {}).get("arguments", "") for e in out
    )


# -- JSON-mode replies: the answer is a JSON document, restored values keep it valid ---------

# A quote, a backslash and a newline in the restored values: each breaks JSON unless escaped.
JSON_PROMPT = 'Deliver to Avi "the rock" \\ Levi, Flat 4,\n221B Baker Street; cc Dana Cohen.'


def json_answer(text: str) -> str:
    """What a model in JSON mode answers: a JSON document holding `text`."""
    return json.dumps({"note": text, "n": 1})


def test_a_json_mode_chat_reply_stays_valid_json_and_parses_to_the_original() -> None:
    ex, _ = exchange()
    sent = ex.request(
        {
            "model": "m",
            "messages": [{"role": "user", "content": JSON_PROMPT}],
            "response_format": {"type": "json_object"},
        }
    )
    echoed = sent["messages"][0]["content"]
    assert_no_values(sent)
    message = {"role": "assistant", "content": json_answer(echoed), "refusal": echoed}

    restored = ex.response({"choices": [{"index": 0, "message": message}]})

    restored_message = restored["choices"][0]["message"]
    assert {"note": JSON_PROMPT, "n": 1} == json.loads(restored_message["content"])
    assert JSON_PROMPT == restored_message["refusal"]  # a refusal is plain text: not escaped


def test_a_json_mode_chat_stream_cut_to_one_character_stays_valid_json() -> None:
    ex, _ = exchange()
    sent = ex.request(
        {
            "model": "m",
            "messages": [{"role": "user", "content": JSON_PROMPT}],
            "response_format": {"type": "json_schema", "json_schema": {"name": "s"}},
            "stream": True,
        }
    )
    answer = json_answer(sent["messages"][0]["content"])
    events = [chunk([{"index": 0, "delta": {"content": c}, "finish_reason": None}]) for c in answer]
    events.append(chunk([{"index": 0, "delta": {}, "finish_reason": "stop"}]))

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()

    content = "".join(e["choices"][0]["delta"].get("content") or "" for e in out)
    assert {"note": JSON_PROMPT, "n": 1} == json.loads(content)


def test_without_a_json_format_the_chat_answer_is_restored_as_plain_text() -> None:
    ex, _ = exchange()
    sent = ex.request(
        {
            "model": "m",
            "messages": [{"role": "user", "content": JSON_PROMPT}],
            "response_format": {"type": "text"},
        }
    )
    message = {"role": "assistant", "content": sent["messages"][0]["content"]}

    restored = ex.response({"choices": [{"index": 0, "message": message}]})

    assert JSON_PROMPT == restored["choices"][0]["message"]["content"]


def json_mode_responses_request() -> dict[str, Any]:
    return {
        "model": "m",
        "input": JSON_PROMPT,
        "text": {"format": {"type": "json_schema", "name": "note", "schema": {"type": "object"}}},
    }


def test_a_json_mode_responses_reply_keeps_output_text_json_and_the_rest_plain() -> None:
    ex, _ = exchange("responses")
    echoed = ex.request(json_mode_responses_request())["input"]
    answer = json_answer(echoed)
    reply = {
        "output": [
            {
                "type": "reasoning",
                "summary": [{"type": "summary_text", "text": echoed}],
            },
            {
                "type": "message",
                "content": [
                    {"type": "output_text", "text": answer},
                    {"type": "refusal", "refusal": echoed},
                ],
            },
        ],
        "output_text": answer,
    }

    restored = ex.response(reply)

    message = restored["output"][1]["content"]
    assert [{"note": JSON_PROMPT, "n": 1}] * 2 == [
        json.loads(message[0]["text"]),
        json.loads(restored["output_text"]),
    ]
    assert [JSON_PROMPT] * 2 == [
        restored["output"][0]["summary"][0]["text"],
        message[1]["refusal"],
    ]


def test_a_json_mode_responses_stream_stays_valid_json_in_every_event() -> None:
    ex, _ = exchange("responses")
    echoed = ex.request(json_mode_responses_request())["input"]
    answer = json_answer(echoed)
    where = {"item_id": "msg_1", "output_index": 0, "content_index": 0, "sequence_number": 1}
    part = {"type": "output_text", "text": answer, "annotations": []}
    item = {"type": "message", "id": "msg_1", "role": "assistant", "content": [part]}
    events: list[dict[str, Any]] = [
        {"type": "response.output_text.delta", **where, "delta": c, "logprobs": []} for c in answer
    ]
    events += [
        {"type": "response.output_text.done", **where, "text": answer, "logprobs": []},
        {"type": "response.content_part.done", **where, "part": copy.deepcopy(part)},
        {"type": "response.output_item.done", "output_index": 0, "item": copy.deepcopy(item)},
        {
            "type": "response.completed",
            "response": {"output": [copy.deepcopy(item)], "output_text": answer},
        },
    ]

    out = [e for event in events for e in ex.stream_event(event)] + ex.stream_end()

    by_type = {e["type"]: e for e in out}
    texts = [
        "".join(e["delta"] for e in out if e["type"] == "response.output_text.delta"),
        by_type["response.output_text.done"]["text"],
        by_type["response.content_part.done"]["part"]["text"],
        by_type["response.output_item.done"]["item"]["content"][0]["text"],
        by_type["response.completed"]["response"]["output"][0]["content"][0]["text"],
        by_type["response.completed"]["response"]["output_text"],
    ]
    assert [{"note": JSON_PROMPT, "n": 1}] * 6 == [json.loads(text) for text in texts]
