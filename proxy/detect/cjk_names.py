"""Chinese and Korean names written in their own script, by their surname.

Han and Hangul have no spaces or capitals, but names have a tight shape: a Chinese name is a
surname from a short list (the hundred most common cover most people) and two given
characters (one-character given names are missed: two characters are as often a word); a
Korean name is a one-syllable surname and two syllables. In a CRM written in
English, Hebrew or Arabic, a run of Han or Hangul that has exactly that shape is a name.
"""

from __future__ import annotations

import re

# The most common Chinese surnames (simplified and traditional where they differ), and the
# compound ones.
_HAN_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮"
    "邓鄧曹彭曾肖萧蕭田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金"
    "石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴"
    "覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐"
)
_HAN_COMPOUND = ("欧阳", "歐陽", "司马", "司馬", "诸葛", "諸葛", "上官", "东方", "東方", "皇甫")
_HANGUL_SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용"
)
# Ordinary words with a surname's shape (a Korean word ending in a particle or honorific is
# not a bare name either).
_NOT_NAMES = frozenset(["이메일", "회의실", "대표님", "선생님", "고객님", "사장님", "부장님"])
_KOREAN_ENDINGS = frozenset("은는이가을를님요다에서도와과의로")
# Each run opens with its letter and checks the boundary after it, so `re` skips straight to
# Han or Hangul instead of trying a look-behind at every position.
_HAN_RUN = re.compile(
    r"[\u4e00-\u9fff](?<![\u4e00-\u9fff].)[\u4e00-\u9fff]{1,3}(?![\u4e00-\u9fff])"
)
_HANGUL_RUN = re.compile(
    r"[\uac00-\ud7a3](?<![\uac00-\ud7a3].)[\uac00-\ud7a3]{2}(?![\uac00-\ud7a3])"
)
_HAN_OR_HANGUL = re.compile(r"[\u4e00-\u9fff\uac00-\ud7a3]")


def find_cjk_names(text: str) -> list[tuple[int, int]]:
    """(start, end) of Chinese and Korean names standing alone in the text."""
    if _HAN_OR_HANGUL.search(text) is None:
        return []
    found: list[tuple[int, int]] = []
    for m in _HAN_RUN.finditer(text):
        run = m.group()
        compound = run.startswith(_HAN_COMPOUND)
        # Two characters are as often a word (金额, 方案, 周一) as a name: three, the common
        # shape of a full name, are required (four with a compound surname).
        if (run[0] in _HAN_SURNAMES and len(run) == 3) or (compound and len(run) >= 3):
            found.append(m.span())
    for m in _HANGUL_RUN.finditer(text):
        word = m.group()
        if (
            word[0] in _HANGUL_SURNAMES
            and word[-1] not in _KOREAN_ENDINGS
            and (word not in _NOT_NAMES)
        ):
            found.append(m.span())
    return found
