"""Finding cue phrases fast: one Aho-Corasick pass instead of a large regex alternation."""

from __future__ import annotations

from functools import lru_cache

from proxy.detect.automaton import Automaton
from proxy.detect.casing import lower_same_length
from proxy.detect.context import ARABIC_PREFIX_LETTERS, HEBREW_PREFIX_LETTERS

# Greetings that are also words or names ("שלום" is a surname, "hi" and "hey" are words inside
# sentences) announce a name only where no word comes right before them.
GREETINGS = """
hi|hey|shalom|salaam|salam|שלום|היי|صباح الخير|مساء الخير|أهلا|اهلا
"""
STRONG_CUES = """
dear|hello|greetings|marhaba|לכבוד|عزيزي|عزيزتي|مرحبا|مرحباً|
thanks|thank you|spoke with|spoke to|
talked with|talked to|
speaking with|speaking to|met|met with|meeting with|call with|called with|calls from|
call from|call to|chat with|
chatted with|emailed|emailing|texted|ping|pinged|cc|attn|attention|assigned to|owned by|handled by|
introduced to|introduced me to|reached out to|follow up with|followed up with|following up with|
according to|signed by|approved by|contact person|sales rep|account manager|champion|decision maker|
prepared by|contact is|name is|reached|pointed me to|looping in|loop in|
speak to|speak with|escalated to|forwarded to|handed over to|
spoke w/|met w/|call w/|chat w/|talked w/|
איש קשר|אשת קשר|איש הקשר|אשת הקשר|
mr|mrs|ms|miss|mx|dr|doctor|prof|sir|madam|mme|mlle|herr|frau|sr|sra|srta|dott|dra|shri|smt|
sheikh|sheikha|eng|engr|atty|ma'am|maam|ma’am|mzee|alhaji|alhaja|dato|datuk|encik|puan|
ustaz|ustadh|capt|rabbi|rev|מר|גב'|גב׳|גברת|ד"ר|ד״ר|עו"ד|עו״ד|פרופ'|פרופ׳|הרב|
ר'|ר׳|רבי|הרבנית|רבנית|
דיברתי עם|שוחחתי עם|נפגשתי עם|שיחה עם|פגישה עם|שיחת טלפון עם|זום עם|
مكالمة مع|اجتماع مع|اتصلت على|اتصلت علي|تواصلت مع|pana|pani|panu|panem|panią|
pane|пан|пане|пані|пана|господин|госпожа|г-н|г-жа|κ.|κα|κυρία|κύριε|κύριο|κυρίου|
sr.|sra.|señor|señora|senhor|senhora|monsieur|signor|signora|madame|mademoiselle|
señorita|senhorita|sayın|sayin|
מדבר|מדברת|שמי|קוראים לי|היי זה|הי זה|שלום זה|זה אני|اسمي|معك|
السيد|السيدة|الأستاذ|الأستاذة|الاستاذ|الدكتور|الدكتورة|د.|المهندس|
المهندسة|الشيخ|الشيخة|الآنسة|تحدثت مع|اتصلت ب|اجتمعت مع|كلمت|أكلم|اكلم|بكلم|نكلم|كلم
"""
WEAK_CUES = """
from|by|with|and|for|per|via|يا|ask|asked|tell|told|contact|rep|owner|manager|lead|customer|
client|עם|אצל|מאת|את|אל|של|נציג|נציגה|مع|من|إلى|الى|المندوب|named|is called|referred by|
on behalf of|הלקוח|הלקוחה|הנציג|הנציגה|العميل|العميلة|المسؤول|المسؤولة|المسئول|المسئولة|w/|to|
call|call back|ring|email|e-mail|txt|text|msg|message|dm|whatsapp|remind|meet|update|updating|
ya|kalemt|kallamt|bkalem|bkallem|kalem|kallem|ma3|this is|it's|its|it is|the guy is|
the lady is|my assistant|my colleague|my boss|это|z. hd.|z.hd.|zu händen
"""
# Roles only a person holds: weak cues, and (in `names`) enough to make the unknown word
# after them a name ("my colleague Otieno", "הבוס שלה ולדימיר"). Client and customer are
# not here: a company follows them as often as a person.
PERSON_ROLES = (
    "colleague",
    "rep",
    "coworker",
    "co-worker",
    "boss",
    "assistant",
    "secretary",
    "wife",
    "husband",
    "הבוס",
    "העוזר",
    "העוזרת",
    "המזכיר",
    "המזכירה",
    "השותף",
    "השותפה",
    "אשתו",
    "בעלה",
    "زميلي",
    "زميلتي",
    "زميله",
    "زميلها",
    "زميلنا",
    "مساعده",
    "مساعدته",
    "مساعدي",
    "مساعدتي",
    "سكرتيرته",
    "السكرتيرة",
    "زوجته",
    "زوجها",
    "شريكه",
    "شريكها",
    "مديره",
    "مديرها",
    "مديري",
    # Family: a sibling, child, parent or spouse named after the word that says so ("אחותו
    # מזל", "خوه كريم", "جوزها جورج", "הבן שלי כרים").
    *("אחותו", "אחותה", "אחיו", "אחיה", "בנו", "בתו", "בתה", "אביו", "אביה", "אמו", "גיסו"),
    *("גיסה", "גיסתו", "נכדו", "נכדתו", "הבן", "הבת", "האחות", "אשתי", "אחותי"),
    *("خوه", "أخوه", "اخوه", "أخته", "اخته", "أخوها", "اخوها", "أختها", "اختها", "ابنه", "ابنها"),
    *("بنته", "بنتها", "ابني", "بنتي", "جوزها", "جوزي", "مرته", "مراته", "زوجتي", "زوجي"),
    *("أبوه", "ابوه", "عمه", "خاله", "ولده", "ولدها", "kuya"),
    # A job or family role owned by someone: "my manager Grace Whitlock", "his coordinator
    # Nurul Aini", "our lawyer, Francisca" (the role alone may head a company's name).
    *(
        f"{owner} {role}"
        for owner in ("my", "his", "her", "our", "their", "your")
        for role in (
            *("manager", "coordinator", "cofounder", "co-founder", "partner", "lawyer"),
            *("attorney", "accountant", "deputy", "supervisor", "counterpart", "contact"),
            *("intern", "engineer", "brother", "sister", "son", "daughter", "cousin", "friend"),
            *("sis", "bro", "mom", "mum", "dad", "father", "mother", "uncle", "aunt", "auntie"),
            *("nephew", "niece", "fiance", "fiancé", "fiancee", "boyfriend", "girlfriend"),
            *("admin", "associate", "rep", "account manager", "ae", "sdr", "csm"),
        )
    ),
    # The same in French ("Son associé, Guy Sebbag", "ma collègue Joy").
    *(
        f"{owner} {role}"
        for owner in ("mon", "ma", "son", "sa", "notre", "votre", "leur")
        for role in ("associé", "associée", "collègue", "assistant", "assistante", "commercial")
    ),
)
SIGN_OFFS = """
regards|best|thanks|thank you|cheers|sincerely|yours|warmly|kind regards|best regards|בברכה|תודה|
cordialement|bien à vous|saludos|atentamente|un saludo|mit freundlichen grüßen|viele grüße|
beste grüße|liebe grüße|groeten|met vriendelijke groet|atenciosamente|abraços|cordiali saluti|
distinti saluti|saluti|pozdrawiam|с уважением|תודה רבה|בהוקרה|
מع التحية|مع التحية|تحياتي|شكرا|شكراً|مع خالص التحيات|مع أطيب التحيات|خالص التحيات|
مع الشكر|وتفضلوا بقبول فائق الاحترام|בכבוד רב|תודה מראש
"""

# Verbs of asking and telling whose object is glued to a preposition letter, and that letter:
# "ביקשתי מברק" (I asked Barak), "תגידי ליהודה", "قلت لأحمد". The name starts after the letter.
_ADDRESSING_BY_LETTER = {
    "מ": "ביקשתי|ביקשנו|תבקש|תבקשי|שאלתי",
    "ל": "שלח|שלחי|תן|תני|תגיד|תגידי|אמרתי|אמרנו|שלחתי|שלחנו|תשלח|תשלחי|כתבתי|התקשרתי|"
    "תתקשר|תתקשרי|תזכיר|תזכירי|הזכרתי|עניתי|תענה|תעני|תעביר|תעבירי|העברתי|הודעתי|תודיע|תודיעי",
    "ل": "قلت|قول|قولي|ابعت|ابعث|ابعتي|أرسلت|ارسلت|هبعت|حبعت|هقول|حقول",
    "ب": "اتصلت|اتصل|اتصلي|هتصل|حتصل",
}
ADDRESSING = {
    verb: letter for letter, verbs in _ADDRESSING_BY_LETTER.items() for verb in verbs.split("|")
}

# Hebrew possessives written after the noun they own ("הלקוח שלנו", our client).
HEBREW_POSSESSIVES = ("שלי", "שלו", "שלה", "שלנו", "שלהם", "שלהן", "שלכם")
_POSSESSIVES = tuple(p + end for p in HEBREW_POSSESSIVES for end in (" ", ", "))
# What only a person has, after a name's possessive ("Grace's number", "hunter's cell"): the
# name is a person's, not the word it also is.
PERSON_THINGS = (
    *("number", "cell", "mobile", "phone", "email", "e-mail", "wife", "husband", "kids", "son"),
    *("daughter", "boss", "manager", "assistant", "plate", "calendar", "desk", "birthday"),
    *("contact details", "extension", "replacement", "availability", "out-of-office", "ooo"),
)


def _phrases(block: str) -> list[str]:
    return [p.strip() for p in block.replace("\n", "").split("|") if p.strip()]


@lru_cache(maxsize=1)
def _automaton() -> Automaton[int]:
    kinds: dict[str, int] = {}
    for phrase in (*_phrases(WEAK_CUES), *PERSON_ROLES):
        kinds[phrase] = kinds.get(phrase, 0) | 1
    for phrase in _phrases(STRONG_CUES):
        kinds[phrase] = kinds.get(phrase, 0) | 2
    for phrase in _phrases(SIGN_OFFS):
        kinds[phrase] = kinds.get(phrase, 0) | 4
    for phrase in _phrases(GREETINGS):
        kinds[phrase] = kinds.get(phrase, 0) | 8
    for phrase in ADDRESSING:
        kinds[phrase] = kinds.get(phrase, 0) | 16
    return Automaton(kinds.items())


# Not the article "ה": "העם" is the people, not "the with".
_PREFIX_LETTERS = HEBREW_PREFIX_LETTERS.replace("ה", "") + ARABIC_PREFIX_LETTERS


def _conjunction(folded: str, start: int) -> bool:
    """True when the letters before `start` are one or two Hebrew or Arabic prefix letters
    glued to the cue word ("ومساعدته", "והנציגה", "שאחותו": that his sister), themselves at
    the start of a word."""
    at = start - 1
    while at >= 0 and start - at <= 2 and folded[at] in _PREFIX_LETTERS:
        at -= 1
    return at < start - 1 and (at < 0 or not folded[at].isalnum())


def cue_ends(text: str) -> dict[int, bool]:
    """Offsets where a name may start after a cue -> True for strong cues (Mr., Dear, sign-offs)."""
    folded = lower_same_length(text)
    n = len(text)
    ends: dict[int, bool] = {}
    automaton = _automaton()
    kinds = automaton.values
    for key, start, j in automaton.find(folded):
        kind = kinds[key]
        if start and folded[start - 1].isalnum() and not _conjunction(folded, start):
            continue
        if kind & 8:
            # A greeting counts unless a word comes right before it ("ריקי שלום").
            before = text[max(0, start - 3) : start].rstrip(" \t")
            if before and before[-1].isalnum():
                kind &= ~8
            else:
                kind |= 2
        if j < n and folded[j].isalnum():
            continue
        if kind & 4:
            k = j
            while k < n and text[k] in ",!. \t":
                k += 1
            if k < n and text[k] == "\n":
                k += 1
                while k < n and text[k] in " \t-":
                    k += 1
                ends[k] = True
        if kind & 16:
            # The next word opens with the verb's preposition letter: the name follows it.
            k = j + 1 if j < n and text[j] == " " else n
            if k + 1 < n and text[k] == ADDRESSING[automaton.key(key)]:
                ends[k + 1] = True
        if not kind & 3:
            continue
        if j < n and text[j] == ".":
            j += 1
        while j < n and text[j] in ":,-":
            j += 1
        k = j
        while k < n and text[k] in " \t\n":
            k += 1
        if k > j:
            ends[k] = ends.get(k, False) or bool(kind & 2)
            if text.startswith(_POSSESSIVES, k):
                # "העוזרת שלי ספיר" (my assistant Sapir): the name follows the possessive.
                after = text.index(" ", k) + 1
                ends[after] = ends.get(after, False) or bool(kind & 2)
    return ends
