"""The redacting exchange: pseudonymize every request body, restore every reply and event.

Built per request. `request` walks every text field of the endpoint, runs the detector once over
all of them (so a name found in one message is found in every other), applies the policy and
keeps the mapping; `response`, `stream_event` and `stream_end` restore only what this request
issued. A request that asks for a JSON answer (structured output) gets its answer text restored
JSON-aware, like tool arguments: a value holding a quote or a newline keeps the JSON valid.
Fail closed: a detector or pseudonymizer error becomes `RedactionFailed` (no content in it) and
the body is never returned, so nothing goes upstream.
"""

from __future__ import annotations

from collections import Counter

from proxy.detect.spans import Detector
from proxy.errors import (
    EndpointNotAllowed,
    InvalidRequest,
    PolicyBlocked,
    ProxyError,
    RedactionFailed,
)
from proxy.exchange import ExchangeStats, JsonObject
from proxy.openai_api.endpoints import endpoint_for
from proxy.openai_api.slots import DEFAULT_MAX_DEPTH, TextSlots
from proxy.openai_api.streaming import StreamKey
from proxy.policy import Policy
from proxy.pseudonymize import pseudonymize
from proxy.restore import Restorer
from proxy.stream import StreamRestorer


class RedactingExchange:
    """Pseudonymize out, restore in, for one request to `endpoint` (e.g. `chat/completions`)."""

    def __init__(
        self,
        endpoint: str,
        detector: Detector,
        policy: Policy,
        *,
        max_json_depth: int = DEFAULT_MAX_DEPTH,
    ) -> None:
        shape = endpoint_for(endpoint)
        if shape is None:
            raise EndpointNotAllowed(f"The proxy does not redact '{endpoint}'.")
        self._endpoint = shape
        self._detector = detector
        self._policy = policy
        self._max_json_depth = max_json_depth
        self._restorer = Restorer({})
        self._replay = Restorer({})  # full texts repeated in stream events: not counted again
        self._streams: dict[StreamKey, StreamRestorer] = {}
        self._templates: dict[StreamKey, JsonObject] = {}
        self._stats = ExchangeStats()
        self._json_reply = False  # whether the answer text is a JSON document

    @property
    def stats(self) -> ExchangeStats:
        """Counts so far (restore counts grow as the reply comes back)."""
        self._stats.restored = self._restorer.counts.restored
        self._stats.unrestored = self._restorer.counts.unrestored
        return self._stats

    def request(self, body: JsonObject) -> JsonObject:
        """The body with every detected entity replaced according to the policy."""
        if not isinstance(body, dict):
            raise InvalidRequest("The request body must be a JSON object.")
        try:
            self._json_reply = self._endpoint.json_reply(body)
            fields = self._endpoint.request_fields(body, self._policy.media)
        except ProxyError:
            raise
        except Exception:  # a shape the walker did not foresee: refused, never forwarded
            raise InvalidRequest("The request body has a shape the proxy cannot read.") from None
        try:
            slots = TextSlots(body, fields, max_depth=self._max_json_depth)
            if not slots.texts:
                return body
            spans = self._detector.detect_all(slots.texts)
            try:
                result = pseudonymize(slots.texts, spans, self._policy)
            except PolicyBlocked:
                # A refused request still reports what it held (action "block"), or
                # entities_total{action="block"} and the access line would never show it.
                self._stats.entities = Counter(
                    (span.type, self._policy.action_for(span.type))
                    for text_spans in spans
                    for span in text_spans
                )
                raise
            slots.write(result.texts)
        except ProxyError:
            raise
        except Exception:
            raise RedactionFailed(
                "Personal data redaction failed; the request was not sent."
            ) from None
        self._restorer = Restorer(result.book.mapping)
        self._replay = Restorer(result.book.mapping)
        self._stats.entities = result.entities
        self._stats.placeholders_issued = len(result.book.mapping)
        return body

    def response(self, body: JsonObject) -> JsonObject:
        """The non-streamed reply with this request's placeholders restored."""
        if isinstance(body, dict) and self._restorer.active:
            for text_field in self._endpoint.response_fields(body):
                text = text_field.get(body)
                json_string = text_field.restored_as_json(self._json_reply)
                text_field.set(body, self._restorer.restore(text, json_string=json_string))
        return body

    def stream_event(self, event: JsonObject) -> list[JsonObject]:
        """The event restored; preceded by flush events for fields it closes, if any held text."""
        if not isinstance(event, dict) or not self._restorer.active:
            return [event]
        shape = self._endpoint.stream
        out: list[JsonObject] = []
        fed: dict[StreamKey, bool] = {}  # the fields this event carries -> whether it closes them
        for key, text_field in shape.deltas(event):
            stream = self._streams.get(key)
            if stream is None:
                json_string = text_field.restored_as_json(self._json_reply)
                stream = StreamRestorer(self._restorer, json_string=json_string)
                self._streams[key] = stream
            released = stream.feed(text_field.get(event))
            closes = fed[key] = shape.closes(event, key)
            if closes:
                released += stream.flush()  # in this very event: no separate flush needed
            text_field.set(event, released)
            self._templates[key] = event
        for key, stream in list(self._streams.items()):
            if not (fed[key] if key in fed else shape.closes(event, key)):
                continue
            held = "" if key in fed else stream.flush()
            if held:
                out.append(shape.flush_event(self._templates[key], key, held))
            del self._streams[key]
            del self._templates[key]
        for text_field in shape.wholes(event):
            text = text_field.get(event)
            json_string = text_field.restored_as_json(self._json_reply)
            text_field.set(event, self._replay.restore(text, json_string=json_string))
        out.append(event)
        return out

    def stream_end(self) -> list[JsonObject]:
        """Events carrying whatever is still held back; the stream is over."""
        out: list[JsonObject] = []
        for key, stream in self._streams.items():
            held = stream.flush()
            if held:
                out.append(self._endpoint.stream.flush_event(self._templates[key], key, held))
        self._streams.clear()
        self._templates.clear()
        return out
