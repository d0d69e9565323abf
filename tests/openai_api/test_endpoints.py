"""The endpoint families: served paths, and which requests ask for a JSON answer."""

from __future__ import annotations

from typing import Any

import pytest

from proxy.openai_api.endpoints import ENDPOINTS, endpoint_for

EVERY_JSON_FORMAT: dict[str, Any] = {
    "response_format": {"type": "json_object"},
    "text": {"format": {"type": "json_object"}},
}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/v1/chat/completions", True),
        ("responses", True),
        ("completions", False),  # no structured output: answers stay plain text
        ("/v1/embeddings", False),
    ],
)
def test_only_chat_and_responses_requests_can_ask_for_a_json_answer(
    path: str, expected: bool
) -> None:
    endpoint = endpoint_for(path)

    assert endpoint is not None
    assert (expected, False) == (endpoint.json_reply(EVERY_JSON_FORMAT), endpoint.json_reply({}))


@pytest.mark.parametrize("name", list(ENDPOINTS))
def test_a_malformed_format_is_not_a_json_answer_nor_a_crash(name: str) -> None:
    malformed = {"response_format": [{"type": "json_object"}], "text": {"format": "json"}}

    assert False is ENDPOINTS[name].json_reply(malformed)
