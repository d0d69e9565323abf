from __future__ import annotations

from proxy.detect.cjk_names import find_cjk_names


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_cjk_names(text)]


def test_chinese_and_korean_names_standing_alone() -> None:
    assert ["陈伟明", "欧阳娜娜", "김민준"] == _found(
        "Met 陈伟明, 欧阳娜娜 and 김민준 at the expo."
    )


def test_longer_runs_and_other_words_are_not_names() -> None:
    text = "我们的产品很好用, 上海, 金额: 5万元, 方案, 周一, 이메일 보냈습니다, 고객님, 오늘은 회의"
    assert [] == _found(text)
