"""The SSE decoder yields whole events from arbitrary chunks; the encoder round-trips."""

from __future__ import annotations

from proxy.sse import SseDecoder, SseEvent, encode_event, encode_json_data


def test_events_split_across_chunks_are_completed_by_later_chunks() -> None:
    decoder = SseDecoder()

    first = decoder.feed(b'data: {"a":')
    second = decoder.feed(b" 1}\n\ndata: [DO")
    third = decoder.feed(b"NE]\n\n")

    assert ([], [SseEvent('{"a": 1}')], [SseEvent("[DONE]")]) == (first, second, third)


def test_crlf_line_ends_split_between_cr_and_lf_are_understood() -> None:
    decoder = SseDecoder()

    events = decoder.feed(b"event: response.created\r") + decoder.feed(b"\ndata: x\r\n\r\n")

    assert [SseEvent("x", event="response.created")] == events


def test_multi_line_data_is_joined_with_newlines_and_comments_are_dropped() -> None:
    decoder = SseDecoder()

    events = decoder.feed(b": keep-alive\n\ndata: one\ndata:two\nid: 7\nretry: 10\n\n")

    assert [SseEvent("one\ntwo", id="7")] == events


def test_multibyte_characters_cut_between_chunks_survive() -> None:
    encoded = "data: שלום مرحبا\n\n".encode()
    decoder = SseDecoder()

    events = decoder.feed(encoded[:9]) + decoder.feed(encoded[9:])

    assert [SseEvent("שלום مرحبا")] == events


def test_flush_dispatches_an_event_left_without_its_blank_line() -> None:
    decoder = SseDecoder()
    decoder.feed(b"data: tail")

    assert [SseEvent("tail")] == decoder.flush()


def test_encoded_events_decode_to_themselves() -> None:
    event = SseEvent("line one\nline two", event="response.output_text.delta", id="3")

    assert [event] == SseDecoder().feed(encode_event(event))


def test_json_fast_path_matches_the_general_encoder() -> None:
    assert encode_event(SseEvent('{"x":1}', event="e")) == encode_json_data(b'{"x":1}', "e")
