"""Person names without a model: lexicon, capitalisation, cues and signatures together.

Capitalised Latin words and Hebrew/Arabic/Cyrillic words are grouped into runs of adjacent
words. A run is a name when it holds a known, unambiguous name token, or when a cue (Mr.,
Dear, spoke with, עם, السيد...) comes right before it. Ordinary words split runs; ambiguous
tokens ("Will", "Chase") and unknown ones ("Xyzowski") only join a run that has another signal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from heapq import merge
from operator import methodcaller

from proxy.detect.address_rtl import rtl_place
from proxy.detect.casing import lower_same_length
from proxy.detect.context import (
    ARABIC_PREFIX_LETTERS,
    BRANDS,
    COMPANY_WORDS,
    COUNTRIES,
    CURRENCY_CODES,
    HEBREW_PREFIX_LETTERS,
    KUNYA_OPENERS,
    NEVER_NAMES,
    PARTICLES,
    PLACE_WORDS,
    PLACES,
    TOWNS,
)
from proxy.detect.cues import HEBREW_POSSESSIVES, PERSON_ROLES, PERSON_THINGS, cue_ends
from proxy.detect.handles import find_handles
from proxy.detect.lexicon import AMBIGUOUS, GIVEN, SURNAME, NameLexicon
from proxy.detect.lexicon import RARE as RARE_FLAG
from proxy.detect.name_forms import (
    arabizi_flags,
    attached_particle_name,
    fold_accents,
    fold_accents_but_tilde,
    hebrew_arabic_flags,
    russian_nominative_flags,
)
from proxy.detect.namesakes import LEGAL_FORM_AFTER, sent_to, surname_after_given
from proxy.detect.organisations import (
    employer_spans,
    firm_repeats,
    known_organisations,
    legal_forms,
    opens_a_business,
    organisation_spans,
    outside,
)
from proxy.detect.passenger_names import find_passenger_names
from proxy.detect.places import PLACES as ADDRESS_PLACES
from proxy.detect.word_uses import adjective, month_day

# Cyrillic, Hebrew and Arabic letters; not the Arabic-Indic digits, which share the Arabic block
# ("راتب ٤٢٬٠٠٠", a salary of 42,000, is not "Rateb 4").
_NONLATIN = "\u0400-\u04ff\u0590-\u05ff\u0600-\u065f\u066a-\u06ef\u06fa-\u06ff\u0750-\u077f"
_CAPITALS = "A-ZÀ-ÖØ-ÞĀ-ɏḀ-ỿΆΈ-ΏΑ-Ϋ"  # Latin and Greek capitals (Greek names are cased)
_LATIN_REST = r"[^\W\d_]*(?:['’-][^\W\d_]+)*"
_NONLATIN_REST = rf"[^\W\d_]*(?:['’׳-][{_NONLATIN}][^\W\d_]*)*(?:['׳](?![^\W\d_]))?"
# The rest of a lower-case particle before a name ("al-", "d'", "van-", "ibn-"), once its first
# letter is read: al ad as ash at ar an az abu el ibn bin d de di da du o van von le la.
_PARTICLE_REST = (
    r"(?:(?<=a)(?:l|d|s|sh|t|r|n|z|bu)|(?<=e)l|(?<=i)bn|(?<=b)in|(?<=d)[eiau]?|(?<=o)"
    r"|(?<=v)[ao]n|(?<=l)[ea])"
)
# A word that may be a name: capitalised Latin, or Hebrew/Arabic/Cyrillic. The pattern opens
# with one set of first letters and checks the word boundary only after it: `re` then skips
# straight to those letters instead of trying the pattern (and a look-behind) at every
# position.
CANDIDATE = re.compile(
    rf"[{_CAPITALS}{_NONLATIN}](?<![\w'’-].)"
    rf"(?:(?<=[{_CAPITALS}]){_LATIN_REST}|(?<=[{_NONLATIN}]){_NONLATIN_REST})"
)
# Such a word after a lower-case particle, glued with a hyphen or an apostrophe ("al-Haddad",
# "d'Angelo", "bin-Zayed"): tried only where a hyphen or an apostrophe comes before a capital
# or a Hebrew/Arabic/Cyrillic letter (a scan for the particles' common first letters took as
# long as the rest of the word scan).
_PARTICLE_NAME = re.compile(
    rf"[adeiblov](?<![\w'’-].){_PARTICLE_REST}['’-]"
    rf"(?:[{_CAPITALS}]{_LATIN_REST}|[{_NONLATIN}]{_NONLATIN_REST})"
)
_GLUE = re.compile(rf"['’-](?=[{_CAPITALS}{_NONLATIN}])")
_LONGEST_PARTICLE = 3  # "abu", "ibn", "bin", "van", "von"
_START = methodcaller("start")


def _particle_names(text: str) -> list[re.Match[str]]:
    """The words a particle opens ("al-Haddad"), in order."""
    out: list[re.Match[str]] = []
    for glue in _GLUE.finditer(text):
        at = glue.start()
        if out and out[-1].end() > at:
            continue  # a hyphen inside the last one ("al-Haddad-Levi")
        for start in range(max(0, at - _LONGEST_PARTICLE), at):
            m = _PARTICLE_NAME.match(text, start)
            if m is not None:
                out.append(m)
                break
    return out


def candidates(text: str) -> Iterator[re.Match[str]]:
    """Words that may be names, in order: `CANDIDATE`'s, and those a particle opens."""
    glued = _particle_names(text) if "-" in text or "'" in text or "’" in text else []
    if not glued:
        return CANDIDATE.finditer(text)
    return merge(CANDIDATE.finditer(text), glued, key=_START)


# A lower-case word, or an Arabizi one ("3ali", "mo7ammad": digits for Arabic sounds).
_LOWER_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")
_DIGIT = re.compile(r"\d")
# Greetings with a word that is also a name ("Ramadan Kareem", "Eid Mubarak", "Mazal tov").
_HOLIDAY_GREETING = re.compile(
    r"\b(?:(?:Ramadan|Eid|RAMADAN|EID|ramadan|eid) (?:[Kk]areem|[Mm]ubarak)|[Mm]az[ae]l [Tt]ov)\b"
)
_ROLE = (
    r"(?:CEO|CFO|COO|CTO|CIO|CMO|CISO|VP|SVP|EVP|GM|Director|Manager|Head|Lead|Engineer|"
    r"Founder|Co-founder|Owner|Partner|Consultant|Analyst|Officer|President|Chair|Buyer|"
    r"Counsel|Controller|Accountant|Recruiter|Architect|Developer|Designer|Coordinator|"
    r"Specialist|Administrator|Assistant|Associate|Executive|Advisor|Rep|Representative|"
    r"SDR|BDR|AE|SE|CSM)"
)
# A verb only people do, right after an ambiguous name ("Rose confirmed", "Sofia asked"):
# the second signal a lone name that is also a word or a place needs.
_PERSON_VERB = re.compile(
    r"(?:'s|’s)? (?:asked|said|says|replied|responded|wrote|emailed|texted|messaged|mentioned|"
    r"told|thinks|thought|feels|felt|prefers|preferred|wants|wanted|promised|agreed|complained|"
    r"called|phoned|confirmed|signed|requested|suggested|explained|shared|joined|introduced|"
    r"needs|likes|loved|reports|reported|owns|approved|declined|ordered|reordered|re-ordered|"
    r"cancelled|canceled|booked|paid|bought|accepted|rejected|hopes|hoped|decided|insists|"
    r"insisted|is blocking|is out|is on leave|is travelling|is traveling)\b"
    # ... or a job title in parentheses or after a comma ("Sage Whitlock (Finance Director)"),
    # or the company a person is from ("Faith from Morgan Stanley").
    rf"|,? \((?:[\w&/-]+ ){{0,3}}(?i:{_ROLE})\b|, (?:the |our |their )?{_ROLE}\b"
    r"| from (?:the )?[A-Z]| from (?:our|your|their) (?!own\b)"
    # ... or what only a person has, after the possessive ("Grace's number", "Isla's plate"),
    # or a phone number in parentheses ("Jade (0113 244 9017)").
    rf"|(?:'s|’s) (?:{'|'.join(PERSON_THINGS)})\b"
    r"| \(\+?\d[\d .-]{6,16}\d\)"
)
# Particles that are also given names when they stand alone.
_GIVEN_PARTICLES = frozenset(["Ben", "Al", "Van", "Bin", "Del"])
# Particles that start a given name or a kunya when a name follows ("Abdul Rehman", "Abu Fahd").
_GIVEN_NAME_LEADS = frozenset(["abdul", "abd", "abdel", "abdal", "abu", "abou", "umm", "um"])
# Words that end an Arabic compound given name ("حسام الدين", "عبد الله").
_NAME_SUFFIXES = frozenset(["الدين", "الله", "الرحمن"])
# Words right after a lone name that say it is one ("אופיר מצוות ה-IT", "سارة من فريق").
# Also a verb only people do right after it ("ברק סגר את תנובה", "هالة أبو زيد طلبت").
_PERSON_AFTER = re.compile(
    # The verb may follow where the person is from ("ישראל מהמחסן אמר", "أنس من البحرين اتصل").
    r"(?: מ[\u05d0-\u05ea\"״]{2,}| מהצד של(?:הם|נו|הן)| من [\u0621-\u064a]{2,})?"
    r" (?:מצוות|ממחלקת|מהצוות|מהמחלקה|מטעם|מהכספים|מהמכירות|מהשיווק|מהתמיכה|מהגבייה|"
    r"מהרכש|מהנהלת|מהלוגיסטיקה|ממשאבי אנוש|מהפיתוח|מהמוצר|מהתפעול|מהמחלקה המשפטית|מהייעוץ המשפטי|"
    r"من فريق|من قسم|من إدارة|"
    r"אמר|אמרה|ביקש|ביקשה|שלח|שלחה|סגר|סגרה|אישר|אישרה|התקשר|התקשרה|כתב|כתבה|הודיע|"
    r"הודיעה|חזר|חזרה|יבדוק|תבדוק|יחזור|תחזור|ישלח|תשלח|ממשיך|ממשיכה|ממשיכות|ממשיכים|"
    r"מבקש|מבקשת|רוצה|מחכה|טוען|טוענת|עדכן|עדכנה|ביטל|ביטלה|שואל|שואלת|שאל|שאלה|הזמין|"
    r"הזמינה|שילם|שילמה|מטפל|מטפלת|חושב|חושבת|אומר|אומרת|סיפר|סיפרה|הבטיח|הבטיחה|הציע|הציעה|"
    r"החליט|החליטה|ענה|ענתה|עזב|עזבה|חתם|חתמה|פנה|פנתה|מתלונן|מתלוננת|בחופש|בחופשה|"
    r"במילואים|ניסה|ניסתה|"
    r"قال|قالت|طلب|طلبت|أرسل|أرسلت|ارسل|ارسلت|اتصل|اتصلت|وافق|وافقت|سأل|سألت|يريد|تريد|"
    r"أكد|أكدت|رد|ردت|يقول|تقول|ألغى|ألغت|الغى|الغت|دفع|دفعت|بعت|بعتت|سأل|تسأل|يسأل|"
    r"يفكر|تفكر|قرر|قررت|وعد|وعدت|اقترح|اقترحت|وقع|وقعت|اشتكى|اشتكت|حجز|حجزت)"
    r"(?![^\W\d_])"
)
# A Hebrew letter's opening "<name> שלום," ("חיים שלום,"): the words before it are a name,
# even ones that are also ordinary words.
_GREETED = re.compile(r" שלום(?: רב)?[ \t]*(?:[,!.]|\n|$)")
# A Hebrew possessive right after a word ("בן דוד שלו", his cousin): that word is a noun.
_OWNED = re.compile(rf" (?:{'|'.join(HEBREW_POSSESSIVES)})(?![\u05d0-\u05ea])")
# Roles only people hold ("my colleague", "הבוס"), looked up by length as suffixes of the
# lower-cased text: a regex search tried every role at each of 24 offsets before a name.
_PERSON_ROLE_SET = frozenset(role.lower() for role in PERSON_ROLES)
_PERSON_ROLE_LENGTHS = tuple(sorted({len(role) for role in _PERSON_ROLE_SET}))
_ROLE_OWNERS = tuple(f" {p}" for p in HEBREW_POSSESSIVES)
_ROLES_HE = (
    r"מנהל|מנהלת|סמנכ\"ל|סמנכ״ל|סמנכל|מנכ\"ל|מנכ״ל|מנכל|סמנכ\"לית|מנכ\"לית|בעלים|הבעלים|"
    r"בעל|בעלת|יו\"ר|יו״ר|יועץ|יועצת|רכז|רכזת|אחראי|אחראית|ראש|מהנדס|מהנדסת|רו\"ח|רואה|"
    r"עו\"ד|עו״ד|שותף|שותפה|מייסד|מייסדת|קניין|קניינית|סוכן|סוכנת|נציג|נציגה|מזכיר|מזכירה|"
    r"אחות|רופא|רופאה|מנמ\"ר|מנמ״ר|חשב|חשבת|ס\.|סגן|סגנית"
)
_ROLES_AR = (
    r"مدير|مديرة|المدير|المديرة|رئيس|رئيسة|مسؤول|مسؤولة|مسئول|مسئولة|صاحب|صاحبة|مالك|مالكة|"
    r"مؤسس|مهندس|مهندسة|محاسب|محاسبة|مستشار|مستشارة|مندوب|مندوبة|نائب|نائبة|"
    r"المسؤول|المسؤولة|الرئيس|مشرف|مشرفة|منسق|منسقة|أخصائي|أخصائية|سكرتير|سكرتيرة"
)


def _job_title_after(lead: str, latin_roles: str) -> re.Pattern[str]:
    """A job title after `lead`: up to three capitalised words and a Latin role, or a Hebrew
    or Arabic one."""
    return re.compile(
        rf"{lead}[ \t]*(?:(?:[A-Z][\w&/-]* ){{0,3}}{latin_roles}\b"
        rf"|(?:{_ROLES_HE}|{_ROLES_AR})(?![^\W\d_]))"
    )


# A job title right after a name, in apposition ("Otieno Ochieng, Senior Buyer", "סמר קבלאן,
# מנהלת פיתוח", "אדיסו טגניה – בעלים של", "جورج قعوار (مدير المشتريات)").
_ROLE_AFTER = _job_title_after(r"(?:,| [-–—]| ?\()", _ROLE)
# A job title in parentheses right after a lone name, in any case ("לעומר (Head of Sales
# בCyberArk)", "לדור (מנהל ה-IT)").
_ROLE_IN_PARENS = _job_title_after(r" ?\(", f"(?i:{_ROLE})")
# A phone number or an email right after a name: a contact line ("Otieno Ochieng +254 722...",
# "ماريا سانتوس، +973 ...", "Dana Levi <dana@...>").
_CONTACT = r"(?:\+\d|0\d{1,2}[- ]?\d{3}|[\w.+-]+@\w)"
_CONTACT_AFTER = re.compile(rf"[ \t]*[,،:(<–—-]?[ \t]*{_CONTACT}")


# A phone or email anywhere in a contact list's line, the separator after its name, and the
# opening of such a line (a list mark, words, the separator).
_CONTACT_IN = re.compile(rf"(?<![\w+]){_CONTACT}")
_LIST_SEP = re.compile(r"[ \t]*[,،][ \t]|[ \t]+[–—-][ \t]")
_LIST_MARK = r"[ \t]*(?:[-*•·▪]|\d{1,2}[.)])?[ \t]*"
_ROW_LEAD = re.compile(
    rf"{_LIST_MARK}[^\W\d_][^\n,،:–—\d@]{{0,40}}?(?:[ \t]*[,،]|[ \t]+[–—-])[ \t]"
)
# A list item that opens with a name, then a dash ("• שלמה בר-און – עסקה D-3390").
_ITEM_LEAD = re.compile(rf"{_LIST_MARK}$")
_ITEM_END = re.compile(r" [–—-] ")
# A version number after a word makes it a product ("Safari 17.4", "Ubuntu 22.04", "Edge v118").
_VERSION_AFTER = re.compile(r" v?\d+\.\d+(?:\.\d+)*\b| v\d+\b")
# A model year or trim code around a brand's run makes it a product ("2015 Ford Focus", "Kia
# Niro EV 2022", "Toyota Land Cruiser GR-Sport 2025"); a person is not written with a year.
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d $")
_MODEL_AFTER = re.compile(r"( [A-Z][A-Za-z0-9]{0,3}(?:-[A-Za-z]+)?)? (?:19|20)\d\d\b")
# A function or an institution "of" something: what follows is a department, a place or a
# patron ("Head of Merchant Success", "University of Santo Tomas", "Bank of Baroda").
_OF_AN_INSTITUTION = re.compile(
    r"\b(?:[Hh]ead|HEAD|VP|SVP|EVP|[Dd]irector|[Mm]anager|[Cc]hief|[Dd]ept\.?|[Dd]epartment|"
    r"[Mm]inistry|[Uu]niversity|[Bb]ank|[Cc]ity|[Ss]chool|[Cc]ollege|[Cc]ouncil|[Bb]oard|"
    r"[Ii]nstitute|[Cc]hamber|[Mm]useum|[Cc]hurch|[Pp]ort|[Gg]ulf|[Ss]trait|[Kk]ingdom|"
    r"[Rr]epublic|[Ss]tate|[Pp]rovince|[Ii]sle|[Cc]ounty) of (?:the )?$"
)
_SPEECH_VERB = re.compile(r"(?:'s|’s)? (?:asked|said|says|told|replied|wrote|emailed|texted)\b")
# A Hebrew or Arabic sign-off ending its line, and the line under it (a signature's name).
_RTL_SIGN_OFF_GATE = re.compile(r"בברכה|בכבוד רב|תודה רבה|בהוקרה|التحيات|التحية|تحياتي|مع الشكر")
_RTL_SIGNATURE = re.compile(
    r"(?:בברכה|בכבוד רב|תודה רבה|בהוקרה|مع خالص التحيات|مع أطيب التحيات|مع التحية|تحياتي|"
    r"مع الشكر)[ \t]*[,،!.]?[ \t]*\n[ \t]*(?P<line>[\u0590-\u05ff\u0600-\u06ff\"'׳״ \t-]{2,48})$",
    re.MULTILINE,
)
# Words of a team or a company signing, not a person.
_NOT_A_SIGNATURE = frozenset(
    ["צוות", "מחלקת", "שירות", "הנהלת", "חברת", "فريق", "قسم", "إدارة", "ادارة", "خدمة", "شركة"]
)
_HE_PREFIX = HEBREW_PREFIX_LETTERS
_AR_PREFIX = ARABIC_PREFIX_LETTERS
STRONG, AMBIG, UNKNOWN, COMMON, PARTICLE, WORDISH, COMPANY, LEAD, RARE = range(9)
# COMPANY ends a company name ("Gulf Logistics", "FZE"); LEAD starts one ("شركة", "חברת").
# WORDISH: an ambiguous name that is also one of the most frequent words ("على", "איתי").
# RARE: a Hebrew/Arabic name of the lexicon's rare tier ("ולדימיר"): it leads a known name,
# joins another rare one, or follows a cue, never stands alone.
MAX_RUN = 5


@dataclass(frozen=True, slots=True)
class NameHit:
    """A name found at `[start, end)` of the normalised text."""

    start: int
    end: int


def _token_class(lex: NameLexicon, token: str) -> tuple[int, int, bool]:
    """(kind, prefix length, is Latin) for one candidate token; memoised by the caller."""
    latin = _is_latin(token)
    if latin and token.isupper() and len(token) > 1:
        # Acronyms are ordinary words (CRM, USA, PM), except legal forms (LLC, FZE, GmbH). A
        # name in capitals ("RAMESH KRISHNAN NAIR" on a business card) is ambiguous: two in a
        # row, or a cue, make it a name.
        low = token.casefold()
        if low in COMPANY_WORDS:
            return COMPANY, 0, latin
        if low in CURRENCY_CODES:
            return COMMON, 0, latin  # "SAR 140,000", "OMR 1,800": a currency, not Sar or Omr
        flags = _folded_flags(lex, low)
        if not flags and "-" in low:
            # "CRUZ-VILLANUEVA": a double surname in capitals, a name when both parts are
            parts = [_folded_flags(lex, p) for p in low.split("-")]
            flags = min(parts) if all(parts) and len(parts) == 2 else 0
        if len(token) >= 3 and flags and not flags & AMBIGUOUS and low not in lex.common:
            return AMBIG, 0, latin
        return COMMON, 0, latin
    kind, prefix = classify(lex, token)
    return kind, prefix, latin


def _folded_flags(lex: NameLexicon, low: str) -> int:
    """Flags of a lower-cased Latin word, read without its accents when it has none as
    written ("villaseñor" is listed as "villasenor", "yılmaz" as "yilmaz")."""
    flags = lex.flags.get(low, 0)
    if not flags and not low.isascii():
        flags = lex.flags.get(fold_accents(low), 0)
        if not flags and "ñ" in low:
            flags = lex.flags.get(fold_accents_but_tilde(low), 0)
    return flags


def _is_latin(token: str) -> bool:
    return token[0] < "\u0400" or token[0] >= "\u1e00"


def classify(lex: NameLexicon, token: str) -> tuple[int, int]:
    """(kind, prefix length) for one token; Hebrew/Arabic one-letter prefixes are peeled."""
    low = token.casefold()
    if low in PARTICLES or low.rstrip("-") in PARTICLES:
        return PARTICLE, 0
    if low in COMPANY_WORDS:
        return COMPANY, 0
    if opens_a_business(low):
        return LEAD, 0
    if low in NEVER_NAMES:
        return COMMON, 0
    flags = lex.flags.get(low, 0)
    prefix = 0
    if not flags and len(token) > 3 and not _is_latin(token):
        first = token[0]
        # "ה" is the article: "היובל" is the jubilee, never "the Yuval".
        if (first in _HE_PREFIX and first != "ה") or first in _AR_PREFIX:
            flags = lex.flags.get(low[1:], 0)
            # A double vav opens a foreign name, a W or a V ("ווייס" is Weiss, as "וייס"),
            # more often than "and" before a word that opens with vav.
            prefix = 1 if flags and low[:2] != "וו" else 0
            if flags and not flags & GIVEN:
                # A surname under a prefix letter is as often a word that starts with that
                # letter ("מסעדה", a restaurant, is not "from Saada"): it needs a second signal.
                flags |= AMBIGUOUS
    if not flags and not low.isascii() and _is_latin(low) and low not in lex.common:
        flags = lex.flags.get(fold_accents(low), 0)  # "Sanjuán", "Yılmaz"
        if not flags and "ñ" in low:
            flags = lex.flags.get(fold_accents_but_tilde(low), 0)  # "Íñigo"
    if not flags and "\u05d0" <= low[0] <= "\u05ea" and ("'" in low or "׳" in low):
        flags = hebrew_arabic_flags(lex, low)  # "ח'ליל" is خليل, "ג'בארין" جبارين
    if not flags and len(low) > 4 and "\u0400" <= low[0] <= "\u04ff" and token[0].isupper():
        flags = russian_nominative_flags(lex, low)  # names are capitalised in Cyrillic
    greek = "\u0370" <= low[0] <= "\u03ff"
    if not flags and greek and len(low) > 3:
        flags = _greek_nominative_flags(lex, low)  # "του Παναγιώτη", "στον Γιώργο"
    if not flags and not _is_latin(low):
        kunya = _kunya(lex, low)
        if kunya is not None:
            return kunya
    arabic = "\u0600" <= low[0] <= "\u06ff"
    if not flags and len(low) > 4 and arabic and attached_particle_name(lex, low):
        return STRONG, 0  # "بنعلي", "أبوزيد", "عبدالرحمن" written as one word
    if not flags and ("-" in token or "'" in token or "’" in token):
        parts = [p for p in re.split(r"['’-]", low) if len(p) > 1 and p not in PARTICLES]
        part_flags = [lex.flags.get(p, 0) for p in parts]
        if parts and all(part_flags):
            flags = min(part_flags, key=lambda f: f & AMBIGUOUS)
        elif (parts and low[:3] in ("al-", "el-")) or low[:2] in ("o'", "d'"):
            return UNKNOWN, 0
    if flags & RARE_FLAG:
        return _rare(lex, low)
    if flags:
        if flags & AMBIGUOUS:
            if low in lex.function_words:
                # A function word that is only a surname ("אל", "to") never starts a name.
                return (WORDISH if flags & GIVEN else COMMON), prefix
            return AMBIG, prefix
        return STRONG, prefix
    if low in lex.common or _prefixed_common(lex, low):
        return COMMON, 0
    if len(low) > 4 and low[1] == "ה" and low[0] in "מבל" and low.isalpha():
        return COMMON, 0  # "מהמחסן" (from the warehouse): a name never takes the article
    if greek and len(low) > 5 and low.endswith(_GREEK_SURNAME_ENDINGS):
        return AMBIG, 0  # "Χατζηδάκη", "Σταυροπούλου": a surname's shape
    if (
        len(low) > 4
        and "\u05d0" <= low[0] <= "\u05ea"
        and (
            low.endswith(_SURNAME_ENDINGS)
            or (low.endswith(_OV) and len(low) > 5 and low[0] not in _VERB_OPENERS)
        )
        and low[0] != "ה"  # the article: "היומן", the diary (הופמן, הורוביץ are listed)
    ):
        # "טייכמן", "קיקנאדזה", "קלונטרוב": a surname's shape; a name beside it settles it
        return AMBIG, 0
    return UNKNOWN, 0


# Greek masculine names change their ending with their case: -ης and -ας drop the ς (του
# Παναγιώτη, τον Κώστα), -ος becomes -ου, -ο or -ε (του Γιώργου, τον Γιώργο, Γιώργο!).
# (Casefolded: the final ς is σ.)
_GREEK_CASES = (("η", ("ησ",)), ("α", ("ασ",)), ("ου", ("οσ",)), ("ο", ("οσ",)), ("ε", ("οσ",)))
# Greek surname shapes, in any case or gender: Cretan -άκης, -ίδης, -όπουλος/-οπούλου, -ίου.
_GREEK_SURNAME_ENDINGS = (
    *("άκησ", "άκη", "ακησ", "ακη", "ίδησ", "ίδη", "ιδησ", "ιδη", "ίδου", "ιδου"),
    *("όπουλοσ", "όπουλου", "όπουλο", "οπούλου", "οπουλοσ", "οπουλου", "ίου", "ιου", "άτοσ"),
)


def _greek_nominative_flags(lex: NameLexicon, low: str) -> int:
    """The flags of a Greek name written in another case, read from its nominative."""
    for ending, nominatives in _GREEK_CASES:
        if low.endswith(ending):
            stem = low[: len(low) - len(ending)]
            for nominative in nominatives:
                flags = lex.flags.get(stem + nominative, 0)
                if flags:
                    return flags
    return 0


# What opens a kunya ("father of", "mother of"): hyphenated to the name in Hebrew script
# ("אבו-עלי", "אום-כולתום"), and the words that a prefix letter may be glued to ("وأم يوسف",
# "لبو راشد"): the openers that are no particles, and the particles that are.
_KUNYA_HYPHENED = ("אבו-", "אום-", "أبو-", "ابو-")
_KUNYA_WORDS = KUNYA_OPENERS | {"أبو", "ابو", "אבו"}


def _kunya(lex: NameLexicon, low: str) -> tuple[int, int] | None:
    """(kind, prefix length) of a kunya's opener or of a whole hyphenated kunya, under an
    optional prefix letter (normalisation has dropped the tatweel of "لـبو"); None for other
    words.

    "אבו-עלי" is Abu Ali whatever "עלי" (on me) means: only a place so named ("אבו-גוש", in the
    common words) is not one."""
    prefixed = (low[0] in _HE_PREFIX and low[0] != "ה") or low[0] in _AR_PREFIX
    if prefixed and low[1:] in _KUNYA_WORDS:
        return (PARTICLE if low[1:] in PARTICLES else AMBIG), 1
    for k in (0, 1) if prefixed else (0,):
        rest = low[k:]
        if rest.startswith(_KUNYA_HYPHENED) and len(rest) > 5 and rest not in lex.common:
            return STRONG, k
    return None


# How surnames end in Hebrew script, written out past the lexicon's ranks: Ashkenazi (-man,
# -stein, -berg, -baum, -schmidt, -owitz, -bach, -sky), Georgian (-shvili, -dze), Bukharan and
# Russian (-yev; -ov below), Armenian (-yan) and Ukrainian (-enko, -chuk). Hebrew words end so
# too ("יומן", a diary; "העסקי", the business one): only unknown words that are not a prefixed
# common word get here, and they still need a second signal.
_SURNAME_ENDINGS = (
    *("מן", "שטיין", "שטין", "ברג", "בורג", "בוים", "באום", "שמידט", "בך", "בוך"),
    *("וביץ", "וביץ'", "וביץ׳", "וויץ", "ינסקי", "בסקי", "סקא"),
    *("שווילי", "דזה", "ייב", "יאן", "נקו", "צ'וק", "צ׳וק"),
)
# "-ov" too, past the verbs that end so ("תכתוב", you will write; "שנחשוב").
_OV = "וב"
_VERB_OPENERS = "תינאשול"


def _rare(lex: NameLexicon, low: str) -> tuple[int, int]:
    """A rare-tier name; when a prefix letter and a better-known name make it up ("לאלי" is
    "to Eli", "لأحمد" "to Ahmad"), that reading wins."""
    first = low[0]
    if len(low) > 3 and ((first in _HE_PREFIX and first != "ה") or first in _AR_PREFIX):
        rest = lex.flags.get(low[1:], 0)
        if rest and not rest & RARE_FLAG:
            return (AMBIG if rest & AMBIGUOUS or not rest & GIVEN else STRONG), 1
    if low in lex.common or low in lex.function_words:
        return COMMON, 0
    return RARE, 0


def _prefixed_common(lex: NameLexicon, low: str) -> bool:
    """A Hebrew/Arabic word made of prefix letters and a common word ("מהמשרד", "بالمكتب"):
    an ordinary word, not an unknown surname."""
    if _is_latin(low) or len(low) < 5:
        return False
    prefixes = _HE_PREFIX if "\u0590" <= low[0] <= "\u05ff" else _AR_PREFIX + "ا"
    for k in (1, 2, 3):
        if low[k - 1] not in prefixes:
            return False
        if len(low) - k >= 3 and low[k:] in lex.common:
            return True
    return False


def _joinable(gap: str) -> bool:
    """A gap between two name tokens that keeps them one name: a space, or particles
    ("bin", "van der", "ter")."""
    if gap == " ":
        return True
    words = gap.split()
    return (
        0 < len(gap) <= 14
        and gap[0] == " "
        and bool(words)
        and all(w.rstrip("-").casefold() in PARTICLES for w in words)
    )


def find_names(text: str, lex: NameLexicon) -> list[NameHit]:
    """Name spans in `text` (already normalised)."""
    cues = cue_ends(text)
    hits: list[NameHit] = []
    run: list[tuple[int, int, int, bool]] = []  # (start, end, kind, latin)
    maybe: list[tuple[int, int]] = []  # lone names that are also words, with no signal
    prev_end = -2
    cache = lex.cache
    companies = legal_forms(text)  # Latin company words and legal forms seen
    for m in candidates(text):
        token = m.group()
        start, end = m.span()
        if token[-2:] in ("'s", "’s") and len(token) > 3:
            token = token[:-2]  # possessive: "Dana's team" is about Dana
            end -= 2
        cached = cache.get(token)
        if cached is None:
            cached = cache[token] = _token_class(lex, token)
        kind, prefix, latin = cached
        if (
            prefix
            and start in cues
            and ((token[0] in "וو" and cues[start]) or lex.flags.get(token.casefold()))
        ):
            # "and" cannot follow "spoke with" or "Mr.": the letter is the name's own ("ואיל",
            # Wael), whatever the word without it would mean; and right after a cue a word
            # that is itself a name is read whole ("הבן שלי כרים", my son Karim, not "like
            # Rim"; "של ולדימיר", Vladimir's).
            kind, prefix = UNKNOWN, 0
        if token == "שלום" and _GREETED.match(text, start - 1):
            kind = COMMON  # "חיים שלום," greets Haim: the greeting, not his surname Shalom
        if kind == COMPANY and latin:
            companies.append((start, end))
        if not latin and run and not run[-1][3]:
            if run[-1][2] == PARTICLE and kind == COMMON:
                kind = UNKNOWN  # a particle takes the next word whatever it is ("عبد الفتاح")
            elif token in _NAME_SUFFIXES and run[-1][2] in (STRONG, AMBIG, PARTICLE):
                kind = STRONG  # "حسام الدين", "عبد الله"
            elif prefix:
                # "ליהודה שאביגיל": a prefix starts a new name
                _close(text, run, cues, hits, maybe, lex)
                run = []
        if kind == COMMON:
            # Ordinary words only split runs: close the open one and move on.
            if run:
                _close(text, run, cues, hits, maybe, lex)
                run = []
            continue
        if run:
            gap = text[prev_end:start]
            if run[-1][3] != latin or (gap != " " and not _joinable(gap)):
                _close(text, run, cues, hits, maybe, lex)
                run = []
        run.append((start + prefix, end, kind, latin))
        prev_end = m.end()
    if run:
        _close(text, run, cues, hits, maybe, lex)
    if maybe and hits:
        hits.extend(_listed_with_names(text, maybe, hits))
    if hits and ("areem" in text or "ubarak" in text or "l tov" in text or "l Tov" in text):
        greetings = [m.span() for m in _HOLIDAY_GREETING.finditer(text)]
        hits = [h for h in hits if not any(g0 <= h.start < g1 for g0, g1 in greetings)]
    # "مو راضي" (not willing): after a negation or an intensifier an Arabic name is the
    # adjective it also is.
    hits = [
        h
        for h in hits
        if not ("\u0600" <= text[h.start] <= "\u06ff" and adjective(text, h.start, h.end))
    ]
    known = known_organisations(text) + employer_spans(text) if hits else []
    if (companies or known) and hits:
        orgs = organisation_spans(text, companies) + known
        if " & " in text:
            orgs += firm_repeats(text, orgs)
        kept = outside(text, [(h.start, h.end) for h in hits], orgs)
        hits = [NameHit(s, e) for s, e in kept]
    if hits:
        hits = [h for h in hits if not _a_town(text, h.start, h.end)]
    if len(lex.cache) > 50_000:  # bounded memo: a few MB at most
        lex.cache.clear()
    hits.extend(_lowercase_after_cue(text, lex, cues))
    hits.extend(NameHit(start, end) for start, end in find_handles(text, lex))
    if "/" in text:
        hits.extend(NameHit(start, end) for start, end in find_passenger_names(text, lex))
    if _RTL_SIGN_OFF_GATE.search(text):
        hits.extend(_signature_names(text))
    if '"' in text or "“" in text:
        hits.extend(_quoted_nicknames(text, lex))
    hits.extend(_cued_nicknames(text))
    if "(" in text:
        hits.extend(_nickname_in_parentheses(text, lex))
        hits.extend(_short_forms(text, lex))
        if hits:
            hits.extend(_quoted_after_name(text, hits, lex))
    if ". " in text and hits:
        hits = [_with_abbreviated_given_name(text, h) for h in hits]
    return hits


# Where a town is written: after "in", "near", "based in" and the same in Spanish, French,
# Portuguese, Tagalog and Indonesian ("en", "à", "em", "na", "sa", "di"; Darija "dyal", of),
# or alone in parentheses after a company ("Crescent Motors in Bradford", "Pipeline Pro
# (Makati)", "otra sucursal en Guadalupe", "Panganiban Hardware sa Batangas").
_TOWN_BEFORE = re.compile(r"(?:\b(?:[Ii]n|[Nn]ear|[Bb]ased in|dyal|en|à|em|na|sa|di) |\()$")
# A site of a business after the town's name ("the depot by Victoria station").
_SITE_AFTER = re.compile(
    r" (?:station|depots?|branch|branches|plants?|warehouses?|stores?|sites?|campus|airport)\b"
)
# The same in Arabic and Persian: "في" (in), "مدينة" (city), "قرب" (near), "انبار" (depot).
_TOWN_BEFORE_RTL = re.compile(r"(?:^|[\s،,(])(?:في|فى|بمدينة|مدينة|قرب|بالقرب من|انبار|در) $")


def _a_town(text: str, start: int, end: int) -> bool:
    """True when the lone word text[start:end] is a town's name where a town is written."""
    folded = text[start:end].casefold()
    if "\u0600" <= text[start] <= "\u06ff":
        return (rtl_place([folded]) or folded in PLACE_WORDS) and bool(
            _TOWN_BEFORE_RTL.search(text, max(0, start - 14), start)
        )
    if folded not in TOWNS or not text[start].isupper():
        return False
    m = _TOWN_BEFORE.search(text, max(0, start - 9), start)
    if m is None:
        return _SITE_AFTER.match(text, end) is not None
    after = text[end : end + 2]
    return after[:1] == ")" if m.group() == "(" else after not in ("'s", "’s")


# A given name abbreviated before the rest of a name: Filipino "Ma." (Maria), South Asian and
# Malay "Md."/"Mohd." (Mohammed), old English "Wm." ("Ma. Cristina Dela Cruz").
_ABBREVIATED_GIVEN = ("Ma. ", "Md. ", "Mohd. ", "Muhd. ", "Mhd. ", "Wm. ")


def _with_abbreviated_given_name(text: str, hit: NameHit) -> NameHit:
    """`hit`, taking in the abbreviated given name right before it."""
    for abbreviation in _ABBREVIATED_GIVEN:
        start = hit.start - len(abbreviation)
        if (
            start >= 0
            and text.startswith(abbreviation, start)
            and (start == 0 or not text[start - 1].isalnum())
        ):
            return NameHit(start, hit.end)
    return hit


# A one-word nickname in parentheses between a Hebrew or Arabic given name and a surname
# ("מרדכי (מוטי) פרלמן", "אלכסנדר (סשה) וולקוב"): led by the parenthesis, so `re` skips to it.
_PAREN_NICKNAME = re.compile(r"\(([\u05d0-\u05ea\u0621-\u064a]{2,12})\) ")
_WORD_BEFORE_PAREN = re.compile(r"([\u05d0-\u05ea\u0621-\u064a]{2,14}) $")
_WORD_AFTER_PAREN = re.compile(r"[\u05d0-\u05ea\u0621-\u064a][\u05d0-\u05ea\u0621-\u064a'׳\"״-]+")


# A name's short form in parentheses after it, quoted or not ("Daljit (Dal)", 'Jaspreet ("Jas")'),
# found by its parenthesis (led by the literal " (", which `re` skips to); the name is the
# word before.
_SHORT_FORM = re.compile(r" \([\"“'‘]?([A-Z][a-z]{1,10})[\"”'’]?\)")
_NAME_BEFORE_SHORT_FORM = re.compile(r"(?<![\w'’-])[A-Z][a-z]{2,14}$")


def _short_forms(text: str, lex: NameLexicon) -> list[NameHit]:
    """The short form in parentheses after a known name that it begins ("Daljit (Dal)"): a
    nickname, whatever word it also is."""
    hits: list[NameHit] = []
    for m in _SHORT_FORM.finditer(text):
        before = _NAME_BEFORE_SHORT_FORM.search(text, max(0, m.start() - 16), m.start())
        if before is None:
            continue
        name, short = before.group().casefold(), m.group(1).casefold()
        if name.startswith(short) and lex.flags.get(name):
            hits.append(NameHit(m.start(1), m.end(1)))
    return hits


def _nickname_in_parentheses(text: str, lex: NameLexicon) -> list[NameHit]:
    """Given name, nickname and surname when the given name and the nickname are both known
    names: the word after the parenthesis is then the surname."""
    hits: list[NameHit] = []
    for m in _PAREN_NICKNAME.finditer(text):
        given = _WORD_BEFORE_PAREN.search(text, max(0, m.start() - 16), m.start())
        surname = _WORD_AFTER_PAREN.match(text, m.end())
        if given is None or surname is None:
            continue
        if lex.flags.get(given.group(1), 0) & GIVEN and lex.flags.get(m.group(1), 0) & GIVEN:
            hits.append(NameHit(given.start(1), surname.end()))
    return hits


# A nickname in quotes between a given name and a surname ('Richard "Rich" Youngblood', also
# JSON-escaped), found by its quotes; and a nickname after a word that says so ('(nickname
# "Ploy")', 'aka Bobby').
# Led by the quote, so `re` skips from one quote to the next; the space before it is checked
# after.
_QUOTED_NICKNAME = re.compile(r'["“][A-Z][\w\'’-]{1,15}\\?["”] [A-Z][\w\'’-]+')
_GIVEN_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]+ \\?$")
# Tried only where the lower-cased text holds a cue word (`str.find`): scanning the text with
# the alternation cost 30 ns a character. The word boundary before the cue is checked after
# ("Osaka: Tokyo" holds "aka: Tokyo").
_NICKNAME_CUE = re.compile(
    r"(?:[Nn]ickname[d]?|[Aa]\.?k\.?a\.?|[Gg]oes by|[Kk]nown as)[: ]+\\?[\"“'‘]?"
    r"(?P<nick>[A-Z][\w'’-]{1,15})"
)


_NICKNAME_CUE_WORDS = ("nickname", "aka", "a.k.a", "goes by", "known as")


# The capitalised word after a particle that ends a quoted-nickname match ("DELA CRUZ").
_CAPITALISED_AFTER = re.compile(r" [A-Z][\w'’-]+")


def _quoted_nicknames(text: str, lex: NameLexicon) -> list[NameHit]:
    """Names written with a nickname in quotes."""
    hits: list[NameHit] = []
    for m in _QUOTED_NICKNAME.finditer(text):
        given = _GIVEN_BEFORE.search(text, max(0, m.start() - 26), m.start())
        surname = m.group().rsplit(" ", 1)[-1].casefold()
        if given is None or not all(
            lex.flags.get(word) or word not in lex.common
            for word in (given.group().rstrip(" \\").casefold(), surname)
        ):
            continue  # 'Title "Sales" Director': ordinary words around a quoted one
        end = m.end()
        if surname in PARTICLES:
            after = _CAPITALISED_AFTER.match(text, end)  # '"TESS" DELA CRUZ-VILLANUEVA'
            end = after.end() if after is not None else end
        hits.append(NameHit(given.start(), end))
    return hits


# A quoted word or two in parentheses right after a name: its nickname ('Kojo Mensah-Bonsu
# ("KJ")', 'ולדימיר שפירו ("וובה")', 'מורן דהאן-אלבז ("קוקו" בוואטסאפ)').
_QUOTED_AFTER_NAME = re.compile(r' ?\(["“«]([^\W\d_][^"”»()\n\d]{0,18})["”»]')


def _quoted_after_name(text: str, hits: list[NameHit], lex: NameLexicon) -> list[NameHit]:
    """The nicknames quoted in parentheses right after the names found."""
    found: list[NameHit] = []
    starts = {h.start for h in hits}
    for hit in hits:
        m = _QUOTED_AFTER_NAME.match(text, hit.end)
        if m is None or m.start(1) in starts:
            continue
        words = m.group(1).split()
        if (
            len(words) > 2
            or any(w[0].islower() for w in words)
            or all(
                (lex.is_common(w) and not lex.lookup(w)) or w.casefold() in NEVER_NAMES
                for w in words
            )
        ):
            continue  # 'Dana Levi ("the boss")', 'Acme ("Client")'
        found.append(NameHit(m.start(1), m.end(1)))
    return found


def _cued_nicknames(text: str) -> list[NameHit]:
    """Nicknames named as such ("she goes by Ash", "aka Bobby"), quoted or not."""
    hits: list[NameHit] = []
    folded = lower_same_length(text)
    for cue in _NICKNAME_CUE_WORDS:
        at = folded.find(cue)
        while at >= 0:
            cued = _NICKNAME_CUE.match(text, at)
            before = text[at - 1 : at]
            if cued is not None and not (before.isalnum() or before == "_"):
                hits.append(NameHit(cued.start("nick"), cued.end("nick")))
            at = folded.find(cue, at + 1)
    return hits


def _signature_names(text: str) -> list[NameHit]:
    """The whole short Hebrew or Arabic line under a sign-off ("مع خالص التحيات،\nهالة إبراهيم
    السويدي"): a signature's name, even when its words are also ordinary words."""
    hits: list[NameHit] = []
    for m in _RTL_SIGNATURE.finditer(text):
        line = m.group("line").strip()
        words = line.split()
        if 1 <= len(words) <= 4 and not any(w in _NOT_A_SIGNATURE for w in words):
            start = m.start("line") + m.group("line").index(line)
            hits.append(NameHit(start, start + len(line)))
    return hits


def _close(
    text: str,
    run: list[tuple[int, int, int, bool]],
    cues: dict[int, bool],
    hits: list[NameHit],
    maybe: list[tuple[int, int]],
    lex: NameLexicon,
) -> None:
    """Split a run at ordinary words and keep the parts that carry a name signal; a lone
    Latin name that is also a word, with no signal, goes to `maybe`."""
    if len(run) == 1:
        # Most runs are one word: a known name is kept, and particles, company words and
        # company leads alone never are, without building the parts. Other words need the
        # signals `_accept` weighs (a cue, a verb after them, a list item...).
        start, end, kind, latin = run[0]
        if kind == STRONG:
            if (
                latin
                and cues.get(start) is not True
                and (_a_town_surname(text, run, lex) or _of_an_institution(text, start))
                and not _role_before(text, start, cues)
            ):
                return  # a town ("in Bradford") or what an institution is of ("Isle of Skye")
            if _VERSION_AFTER.match(text, end) is None:  # "Safari 17.4" is a browser
                hits.append(NameHit(start, end))
            return
        if kind == PARTICLE and latin and text[start:end] in _GIVEN_PARTICLES:
            # "Ben", "Al" and "Van" are given names too: alone, after a title, a role only
            # people hold or before a person's verb, they are one ("Kuya Ben", "Al said").
            if (
                cues.get(start) is True
                or _role_before(text, start, cues)
                or _PERSON_VERB.match(text, end) is not None
            ):
                hits.append(NameHit(start, end))
            return
        if kind in (PARTICLE, COMPANY, LEAD):
            return
        if latin and cues.get(start) is not True:
            # `_accept` for one Latin word: only an ambiguous name can be confirmed by what
            # follows it (a person's verb, a comma after it at the start of a line), or any
            # name-like word by a role only people hold before it ("my colleague Otieno").
            confirmed = kind == AMBIG and (_acts(text, run) or _vocative(text, run))
            if confirmed or (kind in (AMBIG, UNKNOWN) and _role_before(text, start, cues)):
                hits.append(NameHit(start, end))
            elif kind == AMBIG:
                maybe.append((start, end))
            return
    part: list[tuple[int, int, int, bool]] = []
    company = False  # inside a company name opened by a lead word ("شركة الحداد")
    caseless = not run[0][3]
    for tok in [*run, (0, 0, COMMON, True)]:
        if company and caseless and part:
            part, company = [], False  # in caseless scripts a lead takes one word only
        if tok[2] not in (COMMON, COMPANY, LEAD):
            part.append(tok)
            continue
        # "Blue Yonder Airlines" is a company, not a person: the part before COMPANY is
        # dropped, and so is the part after a LEAD. Caseless scripts have no capitals to end
        # a run, so there the company word takes only the one word before it
        # ("משה פרץ מחברת אלביט מערכות": Elbit Systems, not Moshe Peretz). Before a trade in
        # the construct form, a name written with "to" is who it goes to ("שלחתי לדני חומרי
        # שיווק", marketing materials to Dani), not the business.
        if tok[2] == COMPANY and caseless and part and not _person_before(text, part, tok, lex):
            part = part[:-1]
        if part and (tok[2] != COMPANY or caseless) and not company:
            _accept(text, part, cues, hits, lex)
        # After a lead, and after a company word in cased scripts ("Kano Agro Mills"), the
        # words that follow in the run are still the company's name.
        company = tok[2] == LEAD or (tok[2] == COMPANY and not caseless)
        part = []


# Verbs whose object is a person: "Call Hamm tomorrow", "ask Henderson" (not "from", "to" or
# "in", which a town follows as often).
_ADDRESSED = re.compile(
    r"\b(?:[Cc]all|[Ee]-?mail|[Aa]sk|[Tt]ell|[Pp]ing|[Tt]ext|[Mm]eet|[Rr]emind|[Mm]essage|[Cc]c) $"
)


def _a_town_surname(text: str, run: list[tuple[int, int, int, bool]], lex: NameLexicon) -> bool:
    """True when the lone word is a town's name that is a surname but no given name, with no
    person's verb after it ("the second shop in Bradford", "Hamm;", "Polanco"): a town of
    15,000 people or more, written alone, is that town far more often than a person called
    by the surname alone. A full name elsewhere in the request still spreads to it."""
    start, end = run[0][0], run[0][1]
    word = text[start:end]
    return (
        word.casefold() in TOWNS
        and not lex.lookup(word) & GIVEN
        and _PERSON_VERB.match(text, end) is None
        and not _ADDRESSED.search(text, max(0, start - 12), start)
    )


def _person_before(
    text: str,
    part: list[tuple[int, int, int, bool]],
    trade: tuple[int, int, int, bool],
    lex: NameLexicon,
) -> bool:
    """True when the name right before a trade word is a person's, not the business's: a
    surname after a given name ("שרה כהן שיווק ומכירות", Sarah Cohen of marketing and sales),
    or a name written with "to" before a trade in the construct form ("שלחתי לדני חומרי שיווק",
    marketing materials sent to Dani)."""
    start = part[-1][0]
    while start and text[start - 1].isalpha():
        start -= 1  # the word as written, with its prefix letter
    owner = text[start : part[-1][1]]
    trade_word = text[trade[0] : trade[1]]
    if len(part) > 1 and part[-2][2] != PARTICLE:
        given = text[part[-2][0] : part[-2][1]]
        if surname_after_given(given, owner, lex) and not LEGAL_FORM_AFTER.match(text, trade[1]):
            return True
    return sent_to(trade_word, owner, lex)


def _accept(
    text: str,
    part: list[tuple[int, int, int, bool]],
    cues: dict[int, bool],
    hits: list[NameHit],
    lex: NameLexicon,
) -> None:
    while part and part[-1][2] == PARTICLE:
        if part[-1][0] in cues and text[part[-1][0] : part[-1][1]] in _GIVEN_PARTICLES:
            break  # "Kuya Ben": the cue makes the particle a given name
        part.pop()
    while (
        part
        and part[0][2] == PARTICLE
        and not (len(part) > 1 and text[part[0][0] : part[0][1]].casefold() in _GIVEN_NAME_LEADS)
    ):
        cue = cues.get(part.pop(0)[0])
        if cue is not None and part and part[0][0] not in cues:
            cues[part[0][0]] = cue  # "Mr. Al Nuaimi": the cue reaches over the particle
    if len(part) > 1 and part[0][2] in (AMBIG, UNKNOWN) and part[1][0] in cues:
        part = part[1:]  # a capitalised cue word ("Met Dana Levi") is not part of the name
    if not part:
        return
    if not part[0][3]:
        # Caseless scripts: unknown words (verbs too) join a run, so a strong cue may fall
        # inside it ("ذكرني أكلم مطر"): the name signals are read from that cue on.
        cut = next((i for i in range(1, len(part)) if cues.get(part[i][0]) is True), 0)
        if cut:
            _accept(text, part[:cut], cues, hits, lex)
            _accept(text, part[cut:], cues, hits, lex)
            return
    if len(part) == 1 and month_day(text, part[0][0], part[0][1]):
        return  # "moved the call to June 12", "15 محرم": a date, whatever the cue before it
    cue = cues.get(part[0][0])
    kinds = [t[2] for t in part]
    strong = STRONG in kinds
    if cue is None and _vocative(text, part):
        cue = True
    if not part[0][3]:
        # Hebrew/Arabic/Cyrillic: no capitals, so unknown words never ride along.
        if cue is not True and _OWNED.match(text, part[-1][1]):
            part = part[:-1]  # the owned noun ends the run ("מירב המזכירה שלו")
            if not part:
                return
        if cue is None and len(part) <= 2 and _greeted(text, part):
            cue = True
        if (
            cue is None
            and len(part) >= 2
            and part[1][2] in (STRONG, RARE)
            and text[part[0][0] : part[0][1]] in _KUNYA_WORDS
        ):
            cue = True  # "لـأم جريس", Umm Jiris: the kunya's opener says a name follows
        if cue is not True:
            # A weak cue before ("שהלקוח", that the customer) does not hide a verb after a
            # known name; after a preposition an unknown word is more often a place's ("מאום
            # אל פחם ביקשה", from Umm al-Fahm, asked).
            # The last word a verb follows: "דוד מלכיאל אומר" is not David from "מלכיאל".
            acted = next(
                (i for i in range(len(part) - 1, -1, -1) if _PERSON_AFTER.match(text, part[i][1])),
                None,
            )
            if acted is not None and (
                cue is None or any(t[2] in (STRONG, AMBIG, RARE) for t in part[: acted + 1])
            ):
                part, cue = part[: acted + 1], True  # the verb ends the name
            elif cue is None and _list_item(text, part):
                cue = True
        if cue is not True:
            if _role_before(text, part[0][0], cues):
                cue = True
            elif 2 <= len(part) and _ROLE_AFTER.match(text, part[-1][1]):
                part, cue = part[-3:], True  # the name ends at the title
            elif (
                len(part) == 1
                and part[0][2] in (STRONG, AMBIG, RARE, WORDISH)
                and _ROLE_IN_PARENS.match(text, part[0][1])
            ):
                cue = True  # a known name, and the job it holds in parentheses
            elif len(part) <= 3 and _contact_line(text, part):
                cue = True
        keep = _nonlatin_keep(text, part, cue)
        for s, e in keep:
            hits.append(NameHit(s, e))
        return
    if cue is not True and (_a_model(text, part, lex) or _of_an_institution(text, part[0][0])):
        return
    named = sum(k in (STRONG, AMBIG, WORDISH) for k in kinds)
    if named >= 2 and not strong and cue is not True and _all_places(text, part):
        return  # "Hong Kong", "Addis Ababa", "Zain Jordan": places and brands together
    if (
        strong
        or cue is True
        or named >= 2
        or _acts(text, part)
        or _introduced(text, part, cues)
        or _given_then_surname(text, part, lex)
    ):
        part = part[:MAX_RUN]
        hits.append(NameHit(part[0][0], part[-1][1]))


# Between two items of a list of people: a comma, "and", "&" or a slash, after what the
# first item may carry in parentheses ("Cherry Lam (0161 832 4471), Jade").
_LIST_GAP = re.compile(r"(?: \([^()\n]{1,40}\))?(?:, ?| and | & | ?/ ?| \+ )")
_LISTED_END = re.compile(r"[ \t]*(?:[,.;)\n/+&]|$| and | \()")


def _listed_with_names(
    text: str, maybe: list[tuple[int, int]], hits: list[NameHit]
) -> list[NameHit]:
    """The lone names-that-are-words listed next to a name ("Team: Isla, Fraser, Hope
    Mackenzie"): in a list of people, "Isla" is one too. A word accepted so becomes a
    neighbour for the next ("Isla, Jade, Fraser")."""
    starts = {h.start for h in hits}
    after = {m.end() for h in hits if (m := _LIST_GAP.match(text, h.end)) is not None}
    found: list[NameHit] = []
    pending = maybe
    while pending:
        left: list[tuple[int, int]] = []
        for start, end in pending:
            gap = _LIST_GAP.match(text, end)
            if _a_place_or_brand(text[start:end]) or not _LISTED_END.match(text, end):
                continue  # "Dana Levi, Nairobi", "Dana Levi, Responsable Grands Comptes"
            if start in after or (gap is not None and gap.end() in starts):
                found.append(NameHit(start, end))
                starts.add(start)
                if gap is not None:
                    after.add(gap.end())
            else:
                left.append((start, end))
        if len(left) == len(pending):
            break
        pending = left
    return found


def _role_before(text: str, start: int, cues: dict[int, bool]) -> bool:
    """True when a role only people hold comes right before `start` ("my colleague", "הבוס
    שלה"); those roles are weak cues, so only a weak cue's end is looked at."""
    if start < 2 or cues.get(start) is not False or text[start - 1] != " ":
        return False
    folded = lower_same_length(text)
    low = max(0, start - 24)
    end = start - 1 - (folded[start - 2] == ",")
    ends = [end, *(end - len(o) for o in _ROLE_OWNERS if folded.endswith(o, low, end))]
    return any(
        folded[at - n : at] in _PERSON_ROLE_SET
        for at in ends
        for n in _PERSON_ROLE_LENGTHS
        if at - n >= low
    )


def _introduced(text: str, part: list[tuple[int, int, int, bool]], cues: dict[int, bool]) -> bool:
    """Capitalised words that are no known name, introduced as a person: a role only people
    hold before them, or (two or three words) a job title or a phone or email after them."""
    if _role_before(text, part[0][0], cues):
        return True
    if not 2 <= len(part) <= 3 or text[: part[0][0]].rstrip(" ").endswith((",", "|")):
        return False  # "Dana Levi, Ecobank Ghana, Head of...": the second item is her employer
    end = part[-1][1]
    return bool(_ROLE_AFTER.match(text, end) or _CONTACT_AFTER.match(text, end))


def _contact_line(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    """Words that open a line or list item of a contact list: a phone or an email follows
    them ("راجيش كومار - 055 407 1183", "הדס ביטון - hadas@..."), or a dash or comma does and
    the line, or a line next to it of the same shape, holds one ("ניזאר קבלאן, בית ג'ן –
    052-...", "أنيل ثابا – نيبالي، أمن" between two such lines)."""
    line = text.rfind("\n", 0, part[0][0]) + 1
    end = part[-1][1]
    if text[end : end + 2].strip().startswith(":"):
        return False  # a field's label ("التليفون الأرضي: 03 ..."), not a name
    if not _ITEM_LEAD.match(text, line, part[0][0]):
        return False
    if _CONTACT_AFTER.match(text, end):
        return len(part) >= 2
    if not _LIST_SEP.match(text, end) or any(
        text[t[0] : t[1]].casefold() in ADDRESS_PLACES for t in part
    ):
        return False  # "الشارقة، القاسمية – 06 ...": a branch list's places
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    contact = _CONTACT_IN.search(text, end, min(line_end, end + 60))
    if contact is not None:
        # Words between, not a date ("ב-יום ב', 3 במרץ 2025, ליאת <liat@...>" quotes an email).
        return not any(c.isdigit() for c in text[end : contact.start()])
    before = text.rfind("\n", 0, max(0, line - 1)) + 1
    after = text.find("\n", line_end + 1)
    after = len(text) if after < 0 else after
    return (line > 0 and _contact_row(text, before, line - 1)) or (
        line_end < len(text) and _contact_row(text, line_end + 1, after)
    )


def _contact_row(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is a contact list's line: words, a dash or comma, and a
    phone or an email."""
    return bool(_ROW_LEAD.match(text, start, end)) and bool(_CONTACT_IN.search(text, start, end))


def _greeted(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    """Words that open a line and are greeted after ("יענקי שלום,"): someone written to."""
    line = text.rfind("\n", 0, part[0][0]) + 1
    return not text[line : part[0][0]].strip(" \t") and bool(_GREETED.match(text, part[-1][1]))


def _vocative(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    """A name that opens a line and is followed by a comma ("רן, לפני החתימה", "Will, can
    you"): someone addressed."""
    if len(part) != 1 or part[0][2] != AMBIG:
        return False
    start, end = part[0][0], part[-1][1]
    line = text.rfind("\n", 0, start) + 1
    return text[end : end + 1] in (",", "،") and not text[line:start].strip(" \t-*>")


def _list_item(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    """A known name that opens a line or list item and is followed by a dash."""
    start = part[0][0]
    if part[0][2] not in (STRONG, AMBIG):
        return False
    line = text.rfind("\n", 0, start) + 1
    return bool(_ITEM_LEAD.match(text, line, start)) and (
        _ITEM_END.match(text, part[min(1, len(part) - 1)][1]) is not None
    )


# What follows a person's name in a list or an aside: a comma, a dash, a parenthesis.
_APPOSITION = re.compile(r"[ \t]*(?:[,(–—]|-[ \t])")
# ... or a pair that ends its clause after a label or a role that a person holds
# ("Relationship manager: Mark Zabrowski.", "opened by analyst Ruth Abernethy;").
_CLAUSE_END = re.compile(r"[.;]?(?:[ \t]*\n|[ \t]*$|[.;][ \t])")
_HOLDER_BEFORE = re.compile(
    r"(?::|\b(?:by|analyst|manager|officer|agent|rep|owner|consultant|advisor|adviser))[ \t]+$"
)


def _given_then_surname(
    text: str, part: list[tuple[int, int, int, bool]], lex: NameLexicon
) -> bool:
    """A given name that is also a word, then a capitalised word no list knows, set off as
    people are in lists and asides: "owner Bella Okonjo, €48,000", "2) Sky Whitlam – Coral
    Coast Realty". The unknown word reads as a surname. Without the comma or dash after it,
    such a pair is as often a title, a greeting or a product ("Leiter Vertrieb", "Beste
    Grüße", "Mercedes Sprinter vans")."""
    if len(part) != 2 or part[0][2] != AMBIG or part[1][2] != UNKNOWN:
        return False
    if _APPOSITION.match(text, part[1][1]) is None and not (
        _CLAUSE_END.match(text, part[1][1])
        and _HOLDER_BEFORE.search(text, max(0, part[0][0] - 16), part[0][0])
    ):
        return False
    given, other = text[part[0][0] : part[0][1]], text[part[1][0] : part[1][1]]
    return (
        given.istitle()
        and lex.flags.get(given.casefold(), 0) & GIVEN != 0
        and len(other) >= 3
        and other.isalpha()
        and other.istitle()
        and not other.endswith("ing")  # a feature's name: "Smart Routing, referred by ..."
        and not _a_place_or_brand(other)
        and not _a_place_or_brand(given)
    )


def _all_places(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    return all(t[2] == PARTICLE or text[t[0] : t[1]].casefold() in PLACES for t in part)


def _of_an_institution(text: str, start: int) -> bool:
    """True when "Head of", "University of" or the like comes right before `start`."""
    return text[start - 4 : start] in (" of ", "the ") and bool(
        _OF_AN_INSTITUTION.search(text, max(0, start - 24), start)
    )


def _a_model(text: str, part: list[tuple[int, int, int, bool]], lex: NameLexicon) -> bool:
    """True when the run opens with a brand and a model year stands before or after it. A
    surname after the brand ("In 2015 Kia Johnson joined") or a person's verb keeps the
    person."""
    start, end = part[0][0], part[-1][1]
    if text[start : part[0][1]].casefold() not in BRANDS or _PERSON_VERB.match(text, end):
        return False
    for s, e, _, _ in part[1:]:
        if lex.lookup(text[s:e]) & (GIVEN | SURNAME) == SURNAME:
            return False
    if _YEAR_BEFORE.search(text, max(0, start - 5), start):
        return True
    after = _MODEL_AFTER.match(text, end)
    # A brand that is also a given name (Kia, Mercedes) needs the trim code too: "Kia Johnson
    # 2022" may be a row of people.
    return after is not None and (
        after.group(1) is not None or not lex.lookup(text[start : part[0][1]]) & GIVEN
    )


def _a_place_or_brand(word: str) -> bool:
    folded = word.casefold()
    return folded in PLACES or folded in COUNTRIES or folded in BRANDS


def _acts(text: str, part: list[tuple[int, int, int, bool]]) -> bool:
    """True when a person's verb follows an ambiguous name ("Sofia asked"). Countries and
    brands never qualify; a place only with a verb of speech ("Dallas reported" is a city)."""
    if not any(t[2] == AMBIG for t in part):
        return False
    if _PERSON_VERB.match(text, part[-1][1]) is None:
        return False
    word = text[part[-1][0] : part[-1][1]].casefold()
    if word in COUNTRIES or word in BRANDS:
        return False
    return word not in PLACES or _SPEECH_VERB.match(text, part[-1][1]) is not None


def _nonlatin_keep(
    text: str, part: list[tuple[int, int, int, bool]], cue: bool | None
) -> list[tuple[int, int]]:
    """Runs of lexicon tokens (with particles) in caseless scripts."""
    out: list[tuple[int, int]] = []
    group: list[tuple[int, int, int, bool]] = []
    padded = [*part, (0, 0, COMMON, False)]
    for i, tok in enumerate(padded):
        # After a strong cue the next two words are the name; after a known name, one unknown
        # word is its surname (surnames outrun any lexicon). A name that is also a frequent
        # word only leads a known name ("דנה כהן"), never trails one ("... على").
        after_cue = i < 2 and cue is True
        after_name = bool(group) and group[-1][2] == STRONG and len(group) == 1
        # Hebrew given names are mostly words too ("איתי", "תמר"), so there an ambiguous
        # surname may follow; in Arabic and Cyrillic only a known name may.
        follows = padded[i + 1][2] if i + 1 < len(padded) else COMMON
        hebrew = "\u0590" <= text[tok[0] : tok[0] + 1] <= "\u05ff"
        leads = tok[2] == WORDISH and (follows == STRONG or (hebrew and follows == AMBIG))
        # A rare name leads a known one or another rare one ("סמאח זועבי", "דמיטרי קוגן").
        leads = leads or (tok[2] == RARE and follows in (STRONG, RARE))
        # A particle inside a name takes the next word whatever it is ("عبد الله", "بن زايد").
        after_particle = bool(group) and group[-1][2] == PARTICLE
        # A given name that is also a word stands between a known name and another name
        # ("יעקב ישראל פרלשטיין"): a middle name, and the word after it is the surname.
        middle = (
            tok[2] == WORDISH
            and len(group) == 1
            and group[0][2] in (STRONG, RARE)
            and follows in (STRONG, AMBIG, RARE, UNKNOWN)
        )
        after_name = after_name or (
            len(group) == 2 and group[0][2] in (STRONG, RARE) and group[1][2] == WORDISH
        )
        # In Hebrew a rare surname may follow a given name that is also a word, or a known
        # name and a middle name ("שמואל בירנבאום", "אסתר מלכה ויסברג").
        after_given = (
            hebrew
            and tok[2] == RARE
            and 1 <= len(group) <= 2
            and group[-1][2] in (STRONG, AMBIG)
            and all(t[2] in (STRONG, AMBIG) for t in group)
        )
        # A family name, a rare surname or an unknown Arabic word with the article, after a
        # given name and a father's ("حسين عبدالله المحروس", "أمل بنت سالم الرواحية").
        after_name = after_name or (
            1 < len(group) <= 4
            and group[-1][2] == STRONG
            and (tok[2] == RARE or (tok[2] == UNKNOWN and text.startswith("ال", tok[0])))
        )
        if (
            tok[2] in (STRONG, AMBIG, PARTICLE)
            or (tok[2] in (UNKNOWN, WORDISH) and after_particle)
            or (tok[2] in (UNKNOWN, RARE) and (after_cue or after_name))
            or (tok[2] == RARE and (leads or after_given or (bool(group) and group[-1][2] == RARE)))
            or (tok[2] == WORDISH and ((after_cue and i == 0) or leads or middle))
        ):
            group.append(tok)
            continue
        while group and group[-1][2] == PARTICLE:
            group.pop()
        kinds = [t[2] for t in group]
        # A weak cue ("من", from) before a lone ambiguous word that is a place: the place.
        cued = cue is True or (cue is False and not _all_places(text, group))
        if kinds and all(k in (RARE, PARTICLE) for k in kinds):
            # Rare names alone: two of them after a cue, or one after a strong cue.
            cued = cue is True or (cue is False and len(kinds) >= 2)
            if cued and group[0] == part[0]:
                out.append((group[0][0], group[-1][1]))
        elif group and (STRONG in kinds or len(kinds) >= 2 or (cued and group[0] == part[0])):
            out.append((group[0][0], group[-1][1]))
        group = []
    return out


def _lowercase_after_cue(text: str, lex: NameLexicon, cues: dict[int, bool]) -> list[NameHit]:
    """`spoke with dana levi`: lexicon names written in lower case right after a strong cue;
    after a weak one (`txt dana`, `call back noa`), only when the first is a given name that is
    no ordinary word."""
    hits: list[NameHit] = []
    for pos, strong in cues.items():
        first = text[pos : pos + 1]
        if not (first.islower() or first.isdigit()):
            continue  # a capital (found already), a Hebrew or Arabic letter, a mark
        end = named = pos
        while True:
            m = _LOWER_WORD.match(text, end)
            if m is None or not (m.group()[0].islower() or m.group()[0].isdigit()):
                break
            low = m.group().casefold()
            word_end = m.end()
            if low.endswith(("'s", "’s")):
                low, word_end = low[:-2], word_end - 2  # "updating dwayne's record"
            if low in PARTICLES and named > pos:
                end = m.end() + 1  # "7amad al ka3bi": a particle inside the name
                continue
            if strong and len(low) == 1 and text.startswith(". ", word_end):
                end = word_end + 2  # "mr. k. balasubramanian": an initial opens the name
                continue
            plain = _DIGIT.search(low) is None
            flags = lex.flags.get(low, 0) if plain else arabizi_flags(lex, low)
            # "call w/ frank delgado": a given name that is also a word is one before a
            # surname that is not ("frank" alone stays the word).
            paired = (
                named == pos
                and flags & GIVEN
                and len(low) > 2
                and low not in PARTICLES  # "from al ain" is a town
                and _plain_surname_at(text, word_end, lex)
            )
            if (not flags or low in lex.common) and not paired:
                break
            if (
                not strong
                and not paired
                and (flags & AMBIGUOUS or not flags & (SURNAME if named > pos else GIVEN))
            ):
                break  # after a weak cue: a given name, then surnames ("bukra" is tomorrow)
            end = named = word_end
            if text[end : end + 1] != " ":
                break
            end += 1
        if named > pos:
            hits.append(NameHit(pos, named))
    return hits


def _plain_surname_at(text: str, pos: int, lex: NameLexicon) -> bool:
    """True when a lower-case surname that is no ordinary word follows `pos` after one space
    ("delgado" after "frank ")."""
    m = _LOWER_WORD.match(text, pos + 1) if text[pos : pos + 1] == " " else None
    if m is not None and m.group() in PARTICLES and text[m.end() : m.end() + 1] == " ":
        m = _LOWER_WORD.match(text, m.end() + 1)  # "joy dela cruz": a particle before it
    if m is None or not m.group()[0].islower():
        return False
    low = m.group().casefold()
    flags = lex.flags.get(low, 0)
    return bool(flags & SURNAME) and not flags & AMBIGUOUS and low not in lex.common
