from __future__ import annotations

import pytest

from proxy.detect.cjk_names import find_cjk_names, title_after_name


def _found(text: str) -> list[str]:
    return sorted({text[s:e] for s, e in find_cjk_names(text)}, key=text.index)


def test_chinese_and_korean_names_standing_alone() -> None:
    assert ["陈伟明", "欧阳娜娜", "김민준"] == _found(
        "Met 陈伟明, 欧阳娜娜 and 김민준 at the expo."
    )


def test_longer_runs_and_other_words_are_not_names() -> None:
    text = "我们的产品很好用, 上海, 金额: 5万元, 方案, 周一, 이메일 보냈습니다, 고객님, 오늘은 회의"
    assert [] == _found(text)


# Chinese


def test_a_chinese_surname_before_a_job_title_is_the_person_not_the_title() -> None:
    text = "孙经理您好，请转告许总。今天下午罗主任会来，谢谢冯老板！给欧阳总监的邮件已发送。"
    assert ["孙", "许", "罗", "冯", "欧阳"] == _found(text)


def test_a_chinese_surname_before_a_polite_form_of_address() -> None:
    assert ["何", "郭", "梁"] == _found("我们和何女士约在周三。致：郭先生。梁小姐好")


def test_a_one_or_two_character_given_name_before_an_honorific() -> None:
    assert ["唐敏", "黄丽娟"] == _found("唐敏女士，您好。黄丽娟老师明天到。")


def test_a_two_character_name_before_its_email_in_brackets() -> None:
    assert ["邓洁"] == _found("合同请发给法务 邓洁（dengjie@xinghe-trade.cn）。")


@pytest.mark.parametrize(
    "text",
    [
        "本周总结如下，资金总额为 50 万元",  # 周 and 金 end words before 总
        "基金经理和高级经理都同意，董事总经理下周回复",  # a word before the title
        "历史老师和语文老师都来了，他是高中老师",
        "由于经理出差，请向经理汇报，请于总经理审批后付款",  # 于 and 向 as prepositions
        "董事会将讨论，江苏区经理负责华东市场",
        "安全 (security@xinghe.cn)",  # a word before an email is not a name
    ],
)
def test_chinese_words_before_titles_are_not_names(text: str) -> None:
    assert [] == _found(text)


def test_a_surname_inside_a_sentence_needs_a_word_that_leads_to_a_person() -> None:
    assert ["王", "马"] == _found("请向王经理汇报。公司马经理也来了。")


def test_kanji_words_between_kana_are_not_chinese_names() -> None:
    assert [] == _found("安全性を重視した方向性です。石川県の工場で生産。")
    assert ["陈伟明"] == _found("陈伟明さんと会いました")


# Japanese


def test_a_japanese_surname_before_an_honorific_or_a_title() -> None:
    text = "中村様\n小林さんに確認します。石井課長にご報告ください。森さんへ。藤田 様"
    assert ["中村", "小林", "石井", "森", "藤田"] == _found(text)


def test_a_japanese_full_name_before_an_honorific() -> None:
    assert ["山田太郎", "森健太"] == _found("山田太郎様、森健太さん")


def test_a_japanese_self_introduction() -> None:
    assert ["松本", "井上"] == _found("営業部の松本です。はじめまして、井上と申します。")


def test_a_japanese_surname_and_given_name_after_a_space() -> None:
    text = "担当：木村 陽子（大阪）、長谷川\u3000翔太"
    assert ["木村 陽子", "長谷川\u3000翔太"] == _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "部長と課長にも共有済みです。お客様各位、ご担当者様",
        "株式会社ミドリ商事でございます。来週の会議です。",
        "出身は千葉です。東京都です。山口大学です。",  # a place, not a self-introduction
        "高橋工業さん、鈴木商事様",  # a company named after a family
        "会場は上野駅です。森林保護。原則として返品不可。",
    ],
)
def test_japanese_words_are_not_names(text: str) -> None:
    assert [] == _found(text)


def test_a_title_after_a_japanese_surname_and_a_space_is_not_a_given_name() -> None:
    assert ["田中"] == _found("田中 部長")


# Korean


def test_a_korean_given_name_before_nim_or_ssi() -> None:
    text = "지현 님, 안녕하세요. 수빈씨가 보낸 메일을 김민수님께 전달했어요."
    assert ["지현", "수빈", "김민수"] == _found(text)


def test_a_korean_surname_before_a_title_is_the_person_not_the_title() -> None:
    assert ["최", "박", "이"] == _found(
        "최 부장님께 전달했고 박대리가 확인했어요. 이 과장님께 보고"
    )


@pytest.mark.parametrize(
    "text",
    [
        "팀장님, 과장님, 사장님, 고객님, 선생님, 대표님, 이사님, 이사장님 모두 참석합니다.",
        "구매팀 과장, 서울특별시 강남구, 월요일, 신제품, 기획실, 연구소",
        "아저씨, 아가씨, 마음씨가 좋네요. 호박씨와 하나님, 부모님",
        "이 과장은 휴가입니다. 모 과장이 그랬다고 합니다. 전 과장님은 퇴사하셨습니다.",
        "구독자님들께 감사드립니다. 직원님들 수고하셨습니다.",
    ],
)
def test_korean_titles_and_words_are_not_names(text: str) -> None:
    assert [] == _found(text)


# Titles after a name in a value


@pytest.mark.parametrize(
    ("value", "name"),
    [
        *(("王经理", "王"), ("高橋 美咲様", "高橋 美咲"), ("김민수 과장님", "김민수")),
        *(("经理", "经理"), ("王君", "王君")),  # a title alone; 君 is also a Chinese given name
    ],
)
def test_the_title_that_ends_a_value_after_a_name(value: str, name: str) -> None:
    assert name == value[: len(value) - title_after_name(value)].rstrip()
