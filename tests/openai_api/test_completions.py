"""Legacy completions: prompt strings are walked, token-id prompts are refused."""

from __future__ import annotations

import pytest

from proxy.errors import InvalidRequest
from proxy.openai_api.completions import request_fields, response_fields


def test_prompt_strings_suffix_and_user_are_walked() -> None:
    body = {"model": "m", "prompt": ["a", "b"], "suffix": "s", "user": "u", "max_tokens": 5}

    assert [("prompt", 0), ("prompt", 1), ("suffix",), ("user",)] == [
        field.path for field in request_fields(body)
    ]


@pytest.mark.parametrize("prompt", [[1, 2, 3], [[1, 2], [3]], 5])
def test_token_id_prompts_are_refused(prompt: object) -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"model": "m", "prompt": prompt})

    assert "prompt" == caught.value.param


def test_reply_choice_texts_are_restorable() -> None:
    assert [("choices", 0, "text")] == [
        field.path for field in response_fields({"choices": [{"index": 0, "text": "x"}]})
    ]


def test_stop_sequences_are_walked() -> None:
    body = {"model": "m", "prompt": "p", "stop": ["Dana Levi:", "\n"]}

    assert [("prompt",), ("stop", 0), ("stop", 1)] == [f.path for f in request_fields(body)]
