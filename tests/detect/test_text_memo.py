from __future__ import annotations

from proxy.detect.spans import EntityType, Span
from proxy.detect.text_memo import TextFindings, TextMemo


def _findings(n: int = 1) -> TextFindings:
    spans = tuple(Span(i, i + 1, EntityType.EMAIL, 1.0, "email") for i in range(n))
    return TextFindings(spans, frozenset({(0, 4)}), normalised=False)


def test_a_text_put_back_is_found_again() -> None:
    memo = TextMemo()
    digest, found = memo.get("Met Dana Levi at dana@acme.io")
    assert found is None
    memo.put(digest, _findings())
    assert memo.get("Met Dana Levi at dana@acme.io") == (digest, _findings())
    assert memo.get("Met Dana Levi at dana@acme.io ")[1] is None


def test_the_memo_holds_no_text() -> None:
    memo = TextMemo()
    text = "Met Dana Levi at dana@acme.io"
    digest, _ = memo.get(text)
    memo.put(digest, _findings())
    held = repr(memo._entries)
    assert "Dana" not in held
    assert "acme" not in held


def test_digests_are_keyed_per_memo() -> None:
    assert TextMemo().get("Dana Levi")[0] != TextMemo().get("Dana Levi")[0]


def test_the_least_recently_used_text_goes_first() -> None:
    memo = TextMemo(max_texts=2)
    for text in ("one", "two"):
        memo.put(memo.get(text)[0], _findings())
    memo.get("one")  # used: "two" is now the oldest
    memo.put(memo.get("three")[0], _findings())
    assert memo.get("one")[1] is not None
    assert memo.get("two")[1] is None
    assert len(memo) == 2


def test_the_memo_is_bounded_by_the_spans_it_holds() -> None:
    memo = TextMemo(max_texts=100, max_spans=30)
    for text in ("a", "b", "c"):
        memo.put(memo.get(text)[0], _findings(9))  # 11 items each
    assert len(memo) == 2
    memo.put(memo.get("huge")[0], _findings(50))  # larger than the whole memo: not kept
    assert memo.get("huge")[1] is None
    assert len(memo) == 2


def test_a_memo_of_no_texts_keeps_nothing() -> None:
    memo = TextMemo(max_texts=0)
    memo.put(memo.get("Dana")[0], _findings())
    assert not memo.enabled
    assert len(memo) == 0
