"""Embeddings: input strings are walked, token ids refused, vectors pass."""

from __future__ import annotations

import pytest

from proxy.errors import InvalidRequest
from proxy.openai_api.embeddings import request_fields


def test_string_and_list_inputs_are_walked() -> None:
    assert [("input",)] == [f.path for f in request_fields({"model": "m", "input": "x"})]
    assert [("input", 0), ("input", 1)] == [
        f.path for f in request_fields({"model": "m", "input": ["x", "y"], "dimensions": 8})
    ]


def test_token_id_input_is_refused() -> None:
    with pytest.raises(InvalidRequest) as caught:
        request_fields({"model": "m", "input": [[101, 102]]})

    assert "input" == caught.value.param


def test_an_unknown_text_field_is_refused() -> None:
    with pytest.raises(InvalidRequest):
        request_fields({"model": "m", "input": "x", "comment": "Dana"})
