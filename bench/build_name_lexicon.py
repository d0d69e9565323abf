"""Build the compact name lexicon shipped in `proxy/detect/data/names.tsv.gz`.

Run once by a maintainer, not at run time:

    pip install names-dataset==3.3.1 wordfreq==3.1.1   # build-time only, in a scratch venv
    python bench/build_name_lexicon.py

Source: names-dataset 3.3.1 (MIT), first and last names ranked per country (105 countries).
We keep single-token names whose best per-country rank is within a cut-off, and mark a name
"ambiguous" when it is also a common word in English, Hebrew, Arabic, French, German or Spanish
(wordfreq zipf frequency), so the detector asks for a second signal before redacting it.
"""

from __future__ import annotations

import gzip
import pickle
import re
import sys
from pathlib import Path
from typing import Any

FIRST_RANK_CUTOFF = 2500
LAST_RANK_CUTOFF = 2500
COMMON_ZIPF_EN = 3.9  # "will", "mark", "grant", "chase", "hill" are above; "warren" is not
COMMON_ZIPF_OTHER = 4.3
VERY_COMMON_ZIPF_EN = 5.5  # so frequent as a word that no name popularity outweighs it
VERY_COMMON_ZIPF_OTHER = 5.6
OTHER_LANGS = ("he", "ar", "fr", "de", "es", "it", "pt", "nl", "ru")
TOP_GIVEN_RANK = 60  # so popular that the name reading wins over the word ("david", "محمد")
TOP_SURNAME_RANK = 150  # likewise for surnames ("cohen", "garcía", "müller")
# Popular given names that are first of all English words: these always need a second signal.
WORD_NAMES = {
    "will",
    "mark",
    "may",
    "grant",
    "chase",
    "bill",
    "rose",
    "hope",
    "faith",
    "joy",
    "sunny",
    "summer",
    "april",
    "june",
    "august",
    "art",
    "guy",
    "jack",
    "frank",
    "pat",
    "sue",
    "don",
    "ray",
    "rich",
    "gene",
    "max",
    "victor",
    "page",
    "lane",
    "dawn",
    "ivy",
    "iris",
    "lily",
    "amber",
    "crystal",
    "ruby",
    "pearl",
    "jade",
    "storm",
    "sky",
    "rocky",
    "bob",
    "sterling",
    "king",
    "prince",
    "major",
    "young",
    "long",
    "white",
    "black",
    "brown",
    "green",
    "price",
    "hunter",
    "cash",
    "bond",
    "miles",
    "mars",
    "star",
    "angel",
    "song",
    "paris",
    # Frequent English words that rank high as names somewhere (reviewed by hand from the
    # top 6,000 English words that were still unambiguous names).
    *"""line law car per oh post given win class low soon west baby de co gold al park cool
    parts la sales beat san sun bar none fan sit male winter pop queen lie hill cat gift nor wood
    lucky apple lovely rain im joke ca cook kitchen urban lay ah ma minor un bright solo wing hang
    bell ha kiss em el severe ban sing marine princess roman bc junior tone grey gross woods sand
    kit min na comfort bro pan sin roots sum arena precious favour edit sa candy butt cm huh pit
    hd ye burns er ai palm bin md patience villa cancel cherry dam est ski um horn ba ion wa ct si
    hammer knight mercy hunt ram grace wolf fox""".split(),  # noqa: SIM905 - a word list
}
# Caseless scripts: a popular name's frequency in its own language is mostly the name itself
# (محمد, משה, Александр are among the most frequent "words" because they are names), so there
# popularity wins whatever the frequency, except for these words that also rank as names
# (reviewed by hand from the popular Hebrew/Arabic/Cyrillic names with Zipf >= 4.3): function
# words, time words, greetings, places, nationalities and plain nouns.
NONLATIN_WORD_NAMES = set(
    """חיים ישראל שלום אלי שמש מלכה קדוש בוקר ערב
    أبو أم ال ام ابو الحياة الدين السلام الشيخ العربي العمر الله انا رجل على غير ولد مارس مايو
    يناير نفسي الخير الصباح صباح مساء الغد البحر البيضاء الجبل الزمن الزمان الشمس الصحراء الصغير
    الصمت الغريب الكامل الملك النيل حلب حمص فلسطين عدن عرب مجهول بالله لله السر السعودي المصري
    المغربي العراقي اليمني الليبي الجزائري السوداني حر شو عيد ميلاد صديق طالب سلام يا
    بحر حلم ساحل سحر سيف شمس ورد امي اجمل مسلم بو
    درهم الربع رمضان سعيد حبيت مفتاح ساري نصر عطيه جميل امل أمل كريم مبارك
    שרון נתי הדסה עומר הלן תיקי גני פורטל חן שלום מזל טוב
    Любовь Мая Роман Надежда Кот Ли Ким Хан Королева""".split()  # noqa: SIM905 - a word list
)
# In caseless scripts a given name this popular is a name unless it is a very frequent word
# (שרה, מרים, سارة, فاطمة are names; בני, يا, العالم are words).
CASELESS_GIVEN_RANK = 200
CASELESS_WORD_ZIPF = 5.0
SCRIPT_LANGS = {"he": ("he",), "ar": ("ar",), "ru": ("ru",)}
# Hebrew and Arabic names just past the cut-off: Russian-, Ethiopian- and Arab-Israeli names in
# Hebrew letters (ולדימיר, אדיסו, סמאח) rank 2,500-10,000 in Israel, and Gulf expatriates'
# names in Arabic letters rank as far. They are kept as names that need a second signal (a cue,
# another name part beside them), and only when they are not also words of their language.
CASELESS_EXTENDED_CUTOFF = {"he": 10000, "ar": 5000}
CASELESS_EXTENDED_MAX_ZIPF = 4.0
TOKEN = re.compile(r"^[^\W\d_]{2,}(?:['’-][^\W\d_]+)?$")
DATA = Path(__file__).resolve().parent.parent / "proxy" / "detect" / "data"
OUT = DATA / "names.tsv.gz"
COMMON_OUT = DATA / "common_words.txt.gz"
# How many of each language's most frequent words count as "common" (not a name on its own).
FUNCTION_TOP = 400
COMMON_TOP = {"en": 12000, "he": 5000, "ar": 5000, "fr": 2500, "de": 2500, "es": 2500, "ru": 2500}


def _load(path: Path) -> dict[str, Any]:
    with gzip.open(path) as fh:
        data: dict[str, Any] = pickle.load(fh)
        return data


def _keep(table: dict[str, Any], cutoff: int) -> dict[str, int]:
    """Name -> best rank in any country, for names within the cut-off."""
    kept: dict[str, int] = {}
    for name, info in table.items():
        ranks = info.get("rank") or {}
        if not ranks or min(ranks.values()) > cutoff or not TOKEN.match(name):
            continue
        kept[name] = min(ranks.values())
    return kept


def _caseless_script(name: str) -> str | None:
    """ "he", "ar" or "ru" for Hebrew, Arabic and Cyrillic names; None for the rest."""
    first = name[0]
    if "\u0590" <= first <= "\u05ff":
        return "he"
    if "\u0600" <= first <= "\u06ff" or "\u0750" <= first <= "\u077f":
        return "ar"
    if "\u0400" <= first <= "\u04ff":
        return "ru"
    return None


def _caseless_row(
    name: str, given: dict[str, int], surnames: dict[str, int], script: str, zipf: Any
) -> str:
    """The row of a Hebrew/Arabic/Cyrillic name: only its own script's languages are asked,
    and a popular name is a name however frequent it is (its frequency is its own)."""
    low = name.casefold()
    freq = max(zipf(low, lang) for lang in SCRIPT_LANGS[script])
    common = freq >= COMMON_ZIPF_OTHER
    rank = given.get(name, 10**9)
    popular = (
        rank <= TOP_GIVEN_RANK
        or surnames.get(name, 10**9) <= TOP_SURNAME_RANK
        or (rank <= CASELESS_GIVEN_RANK and freq < CASELESS_WORD_ZIPF)
    )
    flags = ("G" if name in given else "") + ("S" if name in surnames else "")
    if (common and not popular) or name in NONLATIN_WORD_NAMES:
        flags += "A"
    return f"{name}\t{flags}"


def _extended_rows(
    first_table: dict[str, Any], last_table: dict[str, Any], kept: set[str], zipf: Any
) -> list[str]:
    """Rows of the Hebrew and Arabic names between the cut-off and the extended one, each
    marked ambiguous and rare ("AX"): a second signal must confirm them."""
    widest = max(CASELESS_EXTENDED_CUTOFF.values())
    given = _keep(first_table, widest)
    surnames = _keep(last_table, widest)
    rows = []
    for name in sorted((given.keys() | surnames.keys()) - kept):
        script = _caseless_script(name)
        if script not in CASELESS_EXTENDED_CUTOFF or name in NONLATIN_WORD_NAMES:
            continue
        rank = min(given.get(name, 10**9), surnames.get(name, 10**9))
        if rank > CASELESS_EXTENDED_CUTOFF[script]:
            continue
        if zipf(name.casefold(), script) >= CASELESS_EXTENDED_MAX_ZIPF:
            continue
        flags = ("G" if name in given else "") + ("S" if name in surnames else "")
        rows.append(f"{name}\t{flags}AX")
    return rows


def main() -> int:
    import importlib.util

    from wordfreq import top_n_list, zipf_frequency  # type: ignore[import-not-found]

    spec = importlib.util.find_spec("names_dataset")  # not imported: it needs pycountry
    assert spec is not None and spec.origin is not None, "pip install names-dataset==3.3.1"
    base = Path(spec.origin).parent / "v3"
    first_table = _load(base / "first_names.pkl.gz")
    last_table = _load(base / "last_names.pkl.gz")
    given = _keep(first_table, FIRST_RANK_CUTOFF)
    surnames = _keep(last_table, LAST_RANK_CUTOFF)
    rows = []
    for name in sorted(given | surnames):
        low = name.casefold()
        script = _caseless_script(name)
        if script is not None:
            rows.append(_caseless_row(name, given, surnames, script, zipf_frequency))
            continue
        common = zipf_frequency(low, "en") >= COMMON_ZIPF_EN or any(
            zipf_frequency(low, lang) >= COMMON_ZIPF_OTHER for lang in OTHER_LANGS
        )
        very_common = zipf_frequency(low, "en") >= VERY_COMMON_ZIPF_EN or any(  # "we", "على"
            zipf_frequency(low, lang) >= VERY_COMMON_ZIPF_OTHER for lang in OTHER_LANGS
        )
        popular = (
            not very_common
            and (
                given.get(name, 10**9) <= TOP_GIVEN_RANK
                or surnames.get(name, 10**9) <= TOP_SURNAME_RANK
            )
            and low not in WORD_NAMES
        )
        flags = ("G" if name in given else "") + ("S" if name in surnames else "")
        if (common and not popular) or low in WORD_NAMES:
            flags += "A"
        rows.append(f"{name}\t{flags}")
    rows += _extended_rows(first_table, last_table, given.keys() | surnames.keys(), zipf_frequency)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(rows) + "\n")
    strong = {row.split("\t")[0].casefold() for row in rows if not row.endswith("A")}
    common = sorted(
        {w for lang, n in COMMON_TOP.items() for w in top_n_list(lang, n) if w.isalpha()} - strong
    )
    # The very top of each language (function words: "على", "with", "את") is marked "\tF".
    function = {w for lang in COMMON_TOP for w in top_n_list(lang, FUNCTION_TOP)}
    with gzip.open(COMMON_OUT, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(w + ("\tF" if w in function else "") for w in common) + "\n")
    print(f"{len(common)} common words -> {COMMON_OUT}")
    print(f"{len(rows)} names ({len(given)} given, {len(surnames)} surnames) -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
