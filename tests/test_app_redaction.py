"""Through the running proxy, with the openai SDK as the client and the echoing fake upstream:
the upstream sees no personal value, and the caller gets exactly the original back, in every
mode (chat, chat stream, tool calls, Responses, Responses stream, embeddings)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openai
import orjson
import pytest

from proxy.detect.engine import DetectionEngine
from proxy.detect.spans import EntityType
from tests.conftest import RunningProxy, StartProxy

ROOT = Path(__file__).resolve().parent.parent

NOTE = (
    "Call notes: spoke with Dana Levi (dana.levi@orbitrade.co.il, +972 52-555-0143) about the "
    "Growth plan renewal. Then יוסי כהן called from 054-555-0177, and فاطمة الزهراء wrote from "
    "fatima.z@emirates-trade.ae. Follow up with Dana on Monday; invoice INV-20931 is open."
)
VALUES = (
    "Dana",
    "Levi",
    "dana.levi@orbitrade.co.il",
    "52-555-0143",
    "יוסי",
    "כהן",
    "054-555-0177",
    "فاطمة",
    "fatima.z@emirates-trade.ae",
)
CONTROLS = ("Growth plan", "Monday", "INV-20931")
TOOLS: list[Any] = [
    {
        "type": "function",
        "function": {
            "name": "save_note",
            "parameters": {"type": "object", "properties": {"text": {"type": "string"}}},
        },
    }
]


def _client(proxy: RunningProxy) -> openai.AsyncOpenAI:
    return openai.AsyncOpenAI(base_url=proxy.base_url, api_key=proxy.tenant_secret, max_retries=0)


def _assert_nothing_personal_went_upstream(proxy: RunningProxy) -> None:
    sent = orjson.dumps(proxy.upstream.last.body).decode()
    leaked = [value for value in VALUES if value in sent]
    assert [] == leaked
    assert all(control in sent for control in CONTROLS)


async def test_a_chat_reply_is_restored_and_the_upstream_saw_placeholders_only(
    proxy: RunningProxy,
) -> None:
    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}]
    )

    assert NOTE == reply.choices[0].message.content
    _assert_nothing_personal_went_upstream(proxy)
    assert "[PERSON_1]" in orjson.dumps(proxy.upstream.last.body).decode()


async def test_a_streamed_chat_reply_is_restored_across_event_cuts(proxy: RunningProxy) -> None:
    stream = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}], stream=True
    )
    parts = [chunk.choices[0].delta.content or "" async for chunk in stream if chunk.choices]

    assert NOTE == "".join(parts)
    assert len(parts) > 20  # still incremental, not one buffered event
    _assert_nothing_personal_went_upstream(proxy)


async def test_tool_call_arguments_are_restored_and_stay_valid_json(proxy: RunningProxy) -> None:
    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}], tools=TOOLS
    )

    [call] = reply.choices[0].message.tool_calls or []
    assert call.type == "function"
    assert {"text": NOTE} == json.loads(call.function.arguments)
    _assert_nothing_personal_went_upstream(proxy)


async def test_streamed_tool_call_arguments_are_restored(proxy: RunningProxy) -> None:
    stream = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": NOTE}],
        tools=TOOLS,
        stream=True,
    )
    arguments = ""
    async for chunk in stream:
        for call in (chunk.choices[0].delta.tool_calls or []) if chunk.choices else []:
            arguments += (call.function.arguments or "") if call.function else ""

    assert {"text": NOTE} == json.loads(arguments)
    _assert_nothing_personal_went_upstream(proxy)


async def test_tool_call_history_is_pseudonymized_on_the_way_out(proxy: RunningProxy) -> None:
    arguments = json.dumps({"contact": "Dana Levi", "email": "dana.levi@orbitrade.co.il"})
    await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "user", "content": NOTE},
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
            {"role": "tool", "tool_call_id": "call_1", "content": "Saved for Dana Levi."},
        ],
    )

    sent = proxy.upstream.last.body["messages"]
    assert "dana" not in json.dumps(sent).lower()
    assert {"contact", "email"} == set(
        json.loads(sent[1]["tool_calls"][0]["function"]["arguments"])
    )


async def test_a_responses_reply_is_restored(proxy: RunningProxy) -> None:
    reply = await _client(proxy).responses.create(model="gpt-4o-mini", input=NOTE)

    assert NOTE == reply.output_text
    _assert_nothing_personal_went_upstream(proxy)


async def test_a_streamed_responses_reply_is_restored_in_deltas_and_final_events(
    proxy: RunningProxy,
) -> None:
    stream = await _client(proxy).responses.create(model="gpt-4o-mini", input=NOTE, stream=True)
    deltas: list[str] = []
    done_text = completed_text = ""
    async for event in stream:
        if event.type == "response.output_text.delta":
            deltas.append(event.delta)
        elif event.type == "response.output_text.done":
            done_text = event.text
        elif event.type == "response.completed":
            completed_text = event.response.output_text

    assert (NOTE, NOTE, NOTE) == ("".join(deltas), done_text, completed_text)
    _assert_nothing_personal_went_upstream(proxy)


async def test_embeddings_input_is_pseudonymized(proxy: RunningProxy) -> None:
    reply = await _client(proxy).embeddings.create(
        model="text-embedding-3-small", input=[NOTE, "Dana Levi"]
    )

    assert 2 == len(reply.data)
    _assert_nothing_personal_went_upstream(proxy)


async def test_token_id_embeddings_input_is_refused_before_the_upstream(
    proxy: RunningProxy,
) -> None:
    with pytest.raises(openai.BadRequestError):
        await _client(proxy).embeddings.create(model="text-embedding-3-small", input=[[1, 2, 3]])

    assert [] == proxy.upstream.requests


async def test_a_card_number_is_redacted_for_good_under_the_default_policy(
    proxy: RunningProxy,
) -> None:
    reply = await _client(proxy).chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": "Card on file: 4111 1111 1111 1111, thanks."}],
    )

    assert "Card on file: [REDACTED_CREDIT_CARD], thanks." == reply.choices[0].message.content
    assert "4111" not in orjson.dumps(proxy.upstream.last.body).decode()


async def test_redaction_off_passes_bodies_through_unchanged(start_proxy: StartProxy) -> None:
    proxy = await start_proxy(redaction_enabled=False)

    await _client(proxy).chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": NOTE}]
    )

    assert NOTE == proxy.upstream.last.body["messages"][0]["content"]


# -- JSON-mode answers (structured output), in all four modes -------------------------------

# A tenant term with quotes and a backslash, and a two-line address the detector finds by
# itself: restored as they are, each would break the JSON document the caller parses.
VILLA = 'Villa "Rose" \\ 12'
JSON_PROMPT = (
    f"Deliver to {VILLA}, Jumeirah 1, Dubai, then to Flat 4,\n221B Baker Street,\n"
    "London NW1 6XE for Dana Levi."
)


@pytest.fixture
async def villa_proxy(start_proxy: StartProxy, tmp_path: Path) -> RunningProxy:
    """A proxy whose default policy lists the villa's name as always personal."""
    (tmp_path / "default.yaml").write_text(f"always_redact_terms:\n  - '{VILLA}'\n")
    return await start_proxy(policy_dir=tmp_path)


async def _json_mode_answers(client: openai.AsyncOpenAI, mode: str) -> list[str]:
    """Every form in which the caller gets the answer back in this mode."""
    messages: Any = [{"role": "user", "content": JSON_PROMPT}]
    json_object: Any = {"type": "json_object"}
    if mode == "chat":
        reply = await client.chat.completions.create(
            model="m", messages=messages, response_format=json_object
        )
        return [reply.choices[0].message.content or ""]
    if mode == "chat-stream":
        stream = await client.chat.completions.create(
            model="m", messages=messages, response_format=json_object, stream=True
        )
        parts = [c.choices[0].delta.content or "" async for c in stream if c.choices]
        assert len(parts) > 20  # cut into 3-character deltas: inside every placeholder
        return ["".join(parts)]
    text_format: Any = {"format": json_object}
    if mode == "responses":
        response = await client.responses.create(model="m", input=JSON_PROMPT, text=text_format)
        return [response.output_text]
    deltas: list[str] = []
    wholes: list[str] = []
    events = await client.responses.create(
        model="m", input=JSON_PROMPT, text=text_format, stream=True
    )
    async for event in events:
        if event.type == "response.output_text.delta":
            deltas.append(event.delta)
        elif event.type == "response.output_text.done":
            wholes.append(event.text)
        elif event.type == "response.content_part.done" and event.part.type == "output_text":
            wholes.append(event.part.text)
        elif event.type == "response.output_item.done" and event.item.type == "message":
            wholes += [part.text for part in event.item.content if part.type == "output_text"]
        elif event.type == "response.completed":
            wholes.append(event.response.output_text)
    assert len(deltas) > 20
    return ["".join(deltas), *wholes]


@pytest.mark.parametrize("mode", ["chat", "chat-stream", "responses", "responses-stream"])
async def test_a_json_mode_answer_stays_valid_json_and_parses_to_the_original(
    villa_proxy: RunningProxy, mode: str
) -> None:
    answers = await _json_mode_answers(_client(villa_proxy), mode)

    sent = orjson.dumps(villa_proxy.upstream.last.body).decode()
    assert "[PERSON_1]" in sent and "[ADDRESS_1]" in sent
    assert [] == [value for value in ("Villa", "Rose", "Baker", "Dana") if value in sent]
    assert len(answers) == (5 if mode == "responses-stream" else 1)
    assert [{"text": JSON_PROMPT}] * len(answers) == [json.loads(answer) for answer in answers]


# -- the labelled corpus, in all four modes --------------------------------------------------


def _corpus_sample() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = []
    for name, step in (("handwritten", 1), ("heldout", 11)):
        lines = (ROOT / "bench" / "corpus" / f"{name}.jsonl").read_text().splitlines()
        records += [json.loads(line) for line in lines[::step]]
    return records


CORPUS = _corpus_sample()


@pytest.fixture
async def pseudonymizing_proxy(start_proxy: StartProxy, tmp_path: Path) -> RunningProxy:
    """A proxy whose default policy pseudonymizes every type, so every value comes back."""
    actions = "\n".join(f"  {entity.value}: pseudonymize" for entity in EntityType)
    (tmp_path / "default.yaml").write_text(f"actions:\n{actions}\n")
    return await start_proxy(policy_dir=tmp_path)


async def _round_trip(client: openai.AsyncOpenAI, mode: str, text: str) -> str:
    messages: Any = [{"role": "user", "content": text}]
    if mode == "chat":
        reply = await client.chat.completions.create(model="m", messages=messages)
        return reply.choices[0].message.content or ""
    if mode == "chat-stream":
        stream = await client.chat.completions.create(model="m", messages=messages, stream=True)
        return "".join([c.choices[0].delta.content or "" async for c in stream if c.choices])
    if mode == "responses":
        return (await client.responses.create(model="m", input=text)).output_text
    stream_r = await client.responses.create(model="m", input=text, stream=True)
    return "".join([e.delta async for e in stream_r if e.type == "response.output_text.delta"])


def _found_values(detector: DetectionEngine, record: dict[str, Any]) -> set[str]:
    """Labelled values the detector covers in at least one of their mentions."""
    text = record["text"]
    spans = detector.detect_all([text])[0]
    return {
        text[e["start"] : e["end"]]
        for e in record["entities"]
        if any(s.start <= e["start"] and e["end"] <= s.end for s in spans)
    }


@pytest.mark.parametrize("mode", ["chat", "chat-stream", "responses", "responses-stream"])
async def test_labelled_crm_prompts_round_trip_exactly_and_found_values_never_leave(
    pseudonymizing_proxy: RunningProxy, mode: str
) -> None:
    proxy = pseudonymizing_proxy
    client = _client(proxy)
    detector = DetectionEngine()
    mismatched: list[int] = []
    leaked: list[tuple[int, str]] = []
    for index, record in enumerate(CORPUS):
        text = record["text"]
        if text != await _round_trip(client, mode, text):
            mismatched.append(index)
        sent_text = orjson.dumps(proxy.upstream.last.body).decode()
        # A value found in any of its mentions is gone from all of them (propagation).
        leaked += [(index, v) for v in _found_values(detector, record) if v in sent_text]

    assert len(CORPUS) >= 30
    assert [] == mismatched
    assert [] == leaked
