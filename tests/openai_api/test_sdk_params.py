"""Every request parameter the official openai SDK can send is known to its endpoint walker.

A parameter missing here would make the proxy refuse a valid SDK call (or, worse, pass text
unexamined), so a new SDK release that adds one fails this test until it is classified.
"""

from __future__ import annotations

import pytest
from openai.types import completion_create_params, embedding_create_params
from openai.types.chat import completion_create_params as chat_create_params
from openai.types.responses import response_create_params

from proxy.openai_api import chat, completions, embeddings, responses


@pytest.mark.parametrize(
    ("params", "known"),
    [
        (chat_create_params.CompletionCreateParamsBase, chat.KNOWN_FIELDS),
        (response_create_params.ResponseCreateParamsBase, responses.KNOWN_FIELDS),
        (completion_create_params.CompletionCreateParamsBase, completions.KNOWN_FIELDS),
        (embedding_create_params.EmbeddingCreateParams, embeddings.KNOWN_FIELDS),
    ],
)
def test_every_sdk_parameter_is_walked_or_known_schema(params: type, known: frozenset[str]) -> None:
    assert set() == set(params.__annotations__) - known
