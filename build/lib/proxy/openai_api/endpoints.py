"""The endpoint families the proxy redacts, by the path they are served under."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from proxy.openai_api import chat, completions, embeddings, responses
from proxy.openai_api.fields import TextField
from proxy.openai_api.streaming import JsonObject, StreamShape
from proxy.policy import MediaAction


@dataclass(frozen=True, slots=True)
class Endpoint:
    """Where one endpoint family carries text: requests, replies and stream events."""

    request_fields: Callable[[JsonObject, MediaAction], list[TextField]]
    response_fields: Callable[[JsonObject], list[TextField]]
    stream: StreamShape


ENDPOINTS: dict[str, Endpoint] = {
    "chat/completions": Endpoint(chat.request_fields, chat.response_fields, chat.ChatStream()),
    "responses": Endpoint(
        responses.request_fields, responses.response_fields, responses.ResponsesStream()
    ),
    "completions": Endpoint(
        completions.request_fields, completions.response_fields, completions.CompletionsStream()
    ),
    "embeddings": Endpoint(
        embeddings.request_fields, embeddings.response_fields, embeddings.EmbeddingsStream()
    ),
}


def endpoint_for(path: str) -> Endpoint | None:
    """The family served at `path` (`/v1/chat/completions` or `chat/completions`), if any."""
    name = path.strip("/")
    name = name.removeprefix("v1/")
    return ENDPOINTS.get(name)
