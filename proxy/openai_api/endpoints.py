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
    """Where one endpoint family carries text: requests, replies and stream events; and
    whether a request asks for its answer as JSON (its `answer` fields are then restored
    JSON-aware, like tool arguments)."""

    request_fields: Callable[[JsonObject, MediaAction], list[TextField]]
    response_fields: Callable[[JsonObject], list[TextField]]
    stream: StreamShape
    json_reply: Callable[[JsonObject], bool]


def _never_json(body: JsonObject) -> bool:
    """Legacy completions and embeddings have no structured output."""
    return False


ENDPOINTS: dict[str, Endpoint] = {
    "chat/completions": Endpoint(
        chat.request_fields, chat.response_fields, chat.ChatStream(), chat.json_reply
    ),
    "responses": Endpoint(
        responses.request_fields,
        responses.response_fields,
        responses.ResponsesStream(),
        responses.json_reply,
    ),
    "completions": Endpoint(
        completions.request_fields,
        completions.response_fields,
        completions.CompletionsStream(),
        _never_json,
    ),
    "embeddings": Endpoint(
        embeddings.request_fields,
        embeddings.response_fields,
        embeddings.EmbeddingsStream(),
        _never_json,
    ),
}


def endpoint_for(path: str) -> Endpoint | None:
    """The family served at `path` (`/v1/chat/completions` or `chat/completions`), if any."""
    name = path.strip("/")
    name = name.removeprefix("v1/")
    return ENDPOINTS.get(name)
