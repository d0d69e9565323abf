"""Names in structured data: JSON/YAML keys, CSV columns and `Name:` labels.

A value under a person key (first_name, contact, owner, שם, الاسم...) is a name whatever its
words are. Generic keys (`name`, `title`) only count when the value looks like a person and
not like a company (no Inc/Ltd/GmbH, not a known product or company word).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from functools import lru_cache

from proxy.detect.cjk_names import title_after_name
from proxy.detect.context import COMPANY_LEADS, COMPANY_WORDS, NEVER_NAMES, PARTICLES
from proxy.detect.spans import EntityType, Span

PERSON_KEYS = frozenset(
    [
        "first_name",
        "firstname",
        "first",
        "last_name",
        "lastname",
        "last",
        "surname",
        "family_name",
        "familyname",
        "given_name",
        "givenname",
        "middle_name",
        "full_name",
        "fullname",
        "fn",  # a vCard's formatted name
        "contact",
        "contact_name",
        "contactname",
        "owner",
        "owner_name",
        "ownername",
        "rep",
        "sales_rep",
        "salesrep",
        "account_manager",
        "assignee",
        "assigned_to",
        "assignedto",
        "customer_name",
        "client_name",
        "lead_name",
        "person",
        "person_name",
        "attendee",
        "attendees",
        "manager",
        "author",
        "created_by",
        "createdby",
        "signatory",
        "display_name",
        "displayname",
        "from_name",
        "to_name",
        "sender",
        "recipient",
        "participant",
        "participants",
        "invitees",
        "present",
        "attending",
        "absent",
        "apologies",
        "approver",
        "approved_by",
        "manager_approval",
        "member",
        "loyalty_member",
        "בן_זוג",
        "בת_זוג",
        "בעל_הכרטיס",
        "קשר_לחירום",
        "משתתפים",
        "נוכחים",
        "מוזמנים",
        "الحضور",
        "المشاركون",
        "speaker",
        "employee",
        "agent",
        "agent_name",
        "user_name",
        "buyer",
        "seller",
        "decision_maker",
        "champion",
        "spouse",
        "emergency_contact",
        "cardholder",
        "card_holder",
        "name_on_card",
        "holder_name",
        "account_holder",
        "requester",
        "requestor",
        "reporter",
        "guest",
        "guests",
        "nachname",
        "vorname",
        "ansprechpartner",
        "prénom",
        "prenom",
        "nom",
        "nom_de_famille",
        "apellido",
        "apellidos",
        "nombre",
        "nombre_completo",
        "cognome",
        "nome",
        "sobrenome",
        "nome_completo",
        "voornaam",
        "achternaam",
        "imię",
        "imie",
        "nazwisko",
        "soyad",
        "soyadı",
        "adı",
        "ad_soyad",
        "isim",
        "isim_soyisim",
        "soyisim",
        "pangalan",
        "buong_pangalan",
        "apelyido",
        "nama",
        "nama_lengkap",
        "nama_depan",
        "nama_belakang",
        "naam",
        "όνομα",
        "επώνυμο",
        "tên",
        "họ_tên",
        "họ_và_tên",
        "jina",
        "नाम",
        "фамилия",
        "имя",
        "отчество",
        "контакт",
        "שם",
        "שם_פרטי",
        "שם_משפחה",
        "איש_קשר",
        "איש_הקשר",
        "אשת_קשר",
        "אנשי_קשר",
        "אנשי_הקשר",
        "נשות_קשר",
        "جهات_الاتصال",
        "שם_מלא",
        "ליד",
        "הליד",
        "العميل_المحتمل",
        "الاسم_الكامل",
        "נציג",
        "לקוח",
        "الاسم",
        "اسم",
        "الاسم_الأول",
        "اسم_العائلة",
        "جهة_الاتصال",
        "العميل",
        "المسؤول",
        # Nicknames and the names people go by; organisers of a meeting.
        *("nickname", "nick_name", "known_as", "goes_by", "organizer", "organiser", "host_name"),
        # The rep and the customer as Hebrew and Arabic labels, both genders.
        *("הנציג", "הנציגה", "נציגה", "הלקוח", "הלקוחה", "לקוחה", "שם_הלקוח", "שם_הלקוחה"),
        *("العميلة", "المسؤولة", "المندوب", "المندوبة", "اسم_العميل"),
        # A partner, a colleague, a survey's respondent, whoever filled a form in.
        *("שותף", "שותפה", "משיב", "משיבה", "ממלא", "ממלאת", "ממלא_הטופס", "שם_הממלא"),
        *("respondent", "filled_by", "submitted_by"),
        # Chinese, Japanese and Korean: name, contact, the person in charge.
        *("姓名", "名字", "姓", "名", "联系人", "聯絡人", "聯繫人", "负责人", "負責人"),
        *("氏名", "名前", "お名前", "担当者", "担当", "ご担当者", "担当者名"),
        *("이름", "성명", "성함", "담당자", "담당", "담당자명", "고객명"),
        # Who owns, handles or referred a deal or a ticket, in English, Hebrew and Arabic.
        *("handled_by", "responsible", "account_owner", "deal_owner", "lead_owner", "poc"),
        *("point_of_contact", "referred_by", "referrer", "updated_by", "modified_by"),
        *("csm", "sdr", "bdr", "account_executive"),
        *("אחראי", "אחראית", "האחראי", "האחראית", "בעלים", "גורם_מטפל", "נציג_מכירות"),
        *("סוכן", "סוכנת", "הסוכן", "הסוכנת", "איש_מכירות", "אשת_מכירות", "מנהל_לקוח"),
        *("מנהלת_לקוח", "מנהל_תיק", "מנהלת_תיק", "נוצר_על_ידי", "הופנה_על_ידי", "מאת"),
        *("איש_קשר_ראשי", "הפונה", "مسؤول", "المالك", "مندوب", "مندوب_المبيعات"),
        *("مدير_الحساب", "الموظف_المسؤول", "أنشئ_بواسطة", "اسم_المسؤول", "المكلف"),
        *("صاحب_الطلب", "وكيل_المبيعات", "مقدم_الطلب"),
        # Who wrote a record down, who the contact is ("נרשם ע"י", "مسؤولة التواصل").
        *('נרשם_ע"י', "נרשם_ע״י", "נרשם_על_ידי", 'נוצר_ע"י', "נוצר_ע״י", 'ע"י', "ע״י"),
        *("مسؤولة", "المسؤولة", "مسؤول_التواصل", "مسؤولة_التواصل", "كتبها", "كتبه"),
        # The parties of a loan, a lease, a policy, a trust, a case or a trip: credit
        # applications, KYC reviews, collection notes, clinic leads and bookings ("Applicant:
        # ESPERANZA VILLASEÑOR-OCHOA", "חייב: שמואל בירנבאום", "الكفيل: نضال موسى النسور").
        *("applicant", "co_applicant", "coapplicant", "borrower", "co_borrower", "guarantor"),
        *("debtor", "landlord", "lessee", "insured", "policyholder", "policy_holder"),
        *("beneficiary", "patient", "candidate", "student", "guardian", "passenger"),
        *("traveler", "traveller", "visitor", "settlor", "trustee", "shareholder", "ubo"),
        *("חייב", "החייב", "חייבת", "ערב", "ערבה", "מבוטח", "מבוטחת", "המבוטח", "שוכר"),
        *("שוכרת", "משכיר", "משכירה", "מטופל", "מטופלת", "המטופל", "המטופלת", "מועמד"),
        *("מועמדת", "המועמד", "המועמדת", "מבקש", "מבקשת", "נוסע", "נוסעת", "מורשה_חתימה"),
        *("المدين", "الكفيل", "الكفيلة", "الضامن", "المستأجر", "المستأجرة"),
        *("المؤجر", "المؤمن_عليه", "المريض", "المريضة", "المرشح", "المرشحة", "المستفيد"),
        *("المستفيدة", "الطالب", "الطالبة", "المسافر", "المسافرة", "المفوض_بالتوقيع"),
    ]
)
# Values under a person key that name a team, a role or nobody ("contact": "sales team").
GROUP_WORDS = frozenset(
    [
        "team",
        "department",
        "dept",
        "desk",
        "group",
        "support",
        "sales",
        "finance",
        "billing",
        "accounts",
        "accounting",
        "office",
        "admin",
        "administrator",
        "operations",
        "procurement",
        "legal",
        "helpdesk",
        "unassigned",
        "nobody",
        "none",
        "n/a",
        "tbd",
        "tba",
        "unknown",
        "everyone",
        "null",
        *("anonymous", "anon", "אנונימי", "אנונימית", "מוסתר", "مجهول", "غير معروف"),
        *("אין", "ללא", "לא", "טרם", "لا", "لايوجد", "بدون", "-", "—", "–"),
    ]
)
# Generic keys: a calendar's "Required:"/"Optional:" attendees, a name's "given"/"family" parts.
GENERIC_KEYS = frozenset(
    {"name", "to", "from", "cc", "user", "username", "lead", "prospect"}
    # An email's header in Hebrew, Arabic, Urdu, Russian, Spanish, Portuguese, French, German.
    | {"אל", "העתק", "إلى", "الى", "من", "نسخة", "صارف", "кому", "от", "копия", "para", "de"}
    | {"à", "an", "von"}
    | {"required", "optional", "given", "family", "n"}
)
# Keys whose value lists several people, one per comma ("Attendees: Rafi Ohayon, Dana Lev").
_LIST_KEYS = frozenset(
    [
        *("attendees", "participants", "participant", "guests", "cc", "to", "invitees"),
        *("required", "optional"),
        *("present", "attending", "absent", "apologies"),
        *("משתתפים", "נוכחים", "מוזמנים", "الحضور", "المشاركون", "المدعوون", "участники"),
    ]
)
_LIST_ITEM = re.compile(
    r"[ \t]*(?P<value>[^,،;\n|<>{}\[\]\"]{2,60}?)[ \t]*(?=[,،;<]|$)", re.MULTILINE
)
_COMPANY = re.compile(
    r"(?i)\b(?:inc|ltd|llc|gmbh|corp|co|plc|ag|bv|pty|group|holdings|solutions|technologies|"
    r"systems|labs|software|consulting|partners|ventures|capital|bank|university|hospital|"
    r"plan|pro|enterprise|premium|basic|starter|edition|suite|package|bundle|license|fze|fzco|"
    r"fz-llc)\b|בע[\"״]?מ|[ذش]\.م\.م"
)
SEPARATOR = re.compile(r"[:=]")
_EMAIL_OR_DIGIT = re.compile(r"[@\d]")
# An email or a number marks a data row; a header may hold a lone digit ("SSN (W-9)", "Q3").
_EMAIL_OR_NUMBER = re.compile(r"@|\d\d")
# A field's value after its separator: quoted (a double-quoted one may hold an apostrophe or a
# Hebrew geresh, "רנין ח'ורי"), or bare up to the next separator (or a Chinese or Japanese
# full stop: full-width commas and semicolons are folded to ASCII before detection).
QUOTED_VALUE = re.compile(
    r"[ \t]*(?P<q>[\"'])(?P<value>[^\"\n]{1,80}?)(?P=q)[ \t]*(?=[,،;}\n\]<|]|$)", re.MULTILINE
)
# A value ends at a delimiter, a line's end, a tab or three spaces (a form's next field:
# "Applicant: ESPERANZA VILLASEÑOR-OCHOA   Years at address: 7").
VALUE_AFTER = re.compile(
    r"[ \t]*(?P<value>[^\"\n,،;。{}\[\]<>|]{1,80}?)[ \t]*(?=[,،;。}\n\]<|]|$|\t|   )",
    re.MULTILINE,
)


@lru_cache(maxsize=4096)
def _key_kind(key: str) -> int:
    """2: a person key; 1: a generic key (value must look like a person); 0: not a name key."""
    norm = _normal_key(key)
    if norm in PERSON_KEYS:
        return 2
    if norm in GENERIC_KEYS:
        return 1
    if norm.startswith(_CONTACT_FOR):
        return 2  # "איש קשר לתפעול:", the contact for operations
    if norm.endswith("name") and "company" not in norm:
        return 2 if any(w in norm for w in _PERSONISH) else 0
    if not norm.isascii() and _cjk_name_key(norm):
        return 2
    return 0


_CONTACT_FOR = ("איש_קשר_", "אשת_קשר_", "אנשי_קשר_", "contact_person_", "contact_for_")
_PERSONISH = ("contact", "owner", "person", "first", "last", "full", "rep", "preferred", "nick")
# Chinese, Japanese and Korean keys that end in "name" (客户姓名, 联系人姓名, 고객이름), unless
# they name a company, a product or a file (회사이름, 产品名字, 파일이름).
_CJK_NAME_KEY_ENDS = (
    *("姓名", "名字", "氏名", "名前", "이름", "성명", "성함"),
    # ... and keys that end in "contact" or "person in charge" (请联系人, 紧急联系人, 영업 담당자).
    *("联系人", "聯絡人", "聯繫人", "负责人", "負責人", "担当者", "담당자"),
)
_CJK_NOT_PERSON = (
    *("公司", "会社", "企业", "企業", "회사", "店", "品", "项目", "項目"),
    *("파일", "ファイル"),
)


def _cjk_name_key(key: str) -> bool:
    return key.endswith(_CJK_NAME_KEY_ENDS) and not any(w in key for w in _CJK_NOT_PERSON)


def _header_kind(cell: str) -> int:
    """`_key_kind` of a cell that may head a column. A long cell is a key only when it ends
    in "name": most cells tried are pieces of prose sentences, which this skips unparsed."""
    if len(cell) > 40 and cell[-4:].casefold() != "name":
        return 0
    # `_key_kind`'s normalisation without its regex, for the cells it would only look up.
    low = "_".join(cell.casefold().split()).replace("-", "_")
    if "__" in low or "name" in low or (not low.isascii() and _cjk_name_key(low)):
        return _key_kind(cell)
    return 2 if low in PERSON_KEYS else 1 if low in GENERIC_KEYS else 0


def _person_like(value: str, strict: bool, column: bool = False) -> bool:
    """True when a person key's value reads as a person's name. In a column of people
    ("נציג": דור, שני) a word that is also a weekday or a number word is a name too."""
    value = _cut(value)
    words = value.split()
    if not words or len(words) > 5 or _EMAIL_OR_DIGIT.search(value):
        return False
    # An organisation or a team is not a person, whatever the key says ("owner": "Gulf
    # Logistics", "contact": "finance team", "assignee": "unassigned").
    if _COMPANY.search(value) is not None or _is_company(words):
        return False
    if words[-1].strip(".,").casefold() in GROUP_WORDS or value.endswith(_CJK_GROUPS):
        return False  # "finance team", "Sales Dept", "unassigned", "영업팀"
    if words[0] in _GROUP_HEADS:
        return False  # "قسم الحسابات" (the accounts department), "צוות המכירות"
    if words[0].strip(".,!?،").casefold() in _REPLIES:
        return False  # a transcript's "العميل: أيوه، ..." (the customer: yes, ...)
    if len(words) == 1 and words[0].strip(".,!?،").casefold() in _PRONOUNS:
        return False  # "Attendees: Dana Levi, Jens Brandt, me."
    if not column and all(w.strip(".,").casefold() in NEVER_NAMES for w in words):
        return False  # "Days attending: Monday, Tuesday"
    if not strict:
        return True
    if not all(w[:1].isascii() for w in words):
        # No capitals tell a Hebrew or Arabic name after a generic key ("user:" of a chat
        # transcript) from a sentence: a name is short and has no sentence punctuation.
        return len(words) <= 3 and not any(c in value for c in _SENTENCE_MARKS)
    # "(Itzik)": a nickname's own capital; "J. P. du Toit": a particle stays lower-case.
    named = [w for w in words[:-1] if w not in PARTICLES] + words[-1:]
    initials = [w.lstrip("(")[:1] for w in named]
    return all(c.isupper() for c in initials)


_SENTENCE_MARKS = frozenset("?!,;،؟؛。")
# Hebrew, Arabic and Russian words that head a team's or a department's name ("مكتب", an office,
# is a company lead already).
_GROUP_HEADS = frozenset(
    [
        *("قسم", "إدارة", "ادارة", "فريق", "وحدة", "دائرة", "مركز", "خدمة", "الدعم"),
        *("צוות", "מחלקת", "מחלקה", "הנהלת", "מוקד", "שירות", "דסק", "отдел", "команда"),
    ]
)
# How teams and departments end in Chinese, Japanese and Korean (客服部门, 営業チーム, 영업팀).
_CJK_GROUPS = ("团队", "小组", "部门", "部門", "客服", "チーム", "窓口", "팀", "부서", "센터")
# A reply that opens a speaker's line, where a role key reads like a field.
_REPLIES = frozenset(
    [
        *("yes", "no", "ok", "okay", "sure", "hi", "hello", "thanks", "yeah", "yep", "right"),
        *("כן", "לא", "בסדר", "אוקיי", "היי", "שלום", "תודה", "נכון", "ברור", "רגע"),
        *("أيوه", "ايوه", "نعم", "لا", "أهلا", "اهلا", "تمام", "شكرا", "طيب", "اوكي", "أكيد"),
        *("صحيح", "اكيد", "مرحبا", "وعليكم", "السلام", "حاضر", "ماشي", "بالضبط"),
    ]
)


_PRONOUNS = frozenset(
    [
        *("me", "myself", "us", "you", "him", "her", "them", "i", "we"),
        *("אני", "אותי", "אנחנו", "אתה", "את", "أنا", "انا", "نحن", "إحنا", "احنا"),
    ]
)


def _is_company(words: list[str]) -> bool:
    """True when one of the words is a company word or a business lead ("وكيل تويوتا").

    A lead under a prefix letter is not one: "מרוואן מחברת Virtuzone" is Marwan of the
    company. (Normalisation drops the tatweel of "لـشركة" before this reads it.)"""
    return any(
        w.strip(".,").casefold() in COMPANY_WORDS or w.casefold() in COMPANY_LEADS for w in words
    )


def _cut(value: str) -> str:
    """The value up to an email in angle brackets, a parenthesis, a spaced dash or dot ("Dana
    (Gulf Logistics)", "مشاري العنزي – الكويت", "BRIANNA K SULLIVAN · ZIP 95112"); a one-word
    nickname between a given name and a surname stays ("אליהו (אלי) פרץ")."""
    nickname = _NICKNAME.search(value)
    if nickname is not None:
        value = value[: nickname.end()]
    for mark in (" (", " <", "(", "<", " – ", " — ", " - ", " · ", " • "):
        at = value.find(mark, nickname.end() if nickname else 0)
        if at > 0:
            return value[:at]
    return value


# A given name, a one-word nickname in parentheses (not a role: "(CFO)"), then a surname.
_NICKNAME = re.compile(r"^[^\W\d_]\S* \((?![A-Z]{2,}\))[^\W\d_][^\s()]*\) [^\W\d_][^\s(<]*")


def _value_spans(start: int, value: str) -> Iterator[tuple[int, int]]:
    """The value, cut at an email in angle brackets, a parenthesis or a spaced dash."""
    value = _cut(value)
    stripped = value.strip()
    if not stripped:
        return
    if not stripped.isascii():
        # A title after a name written in Han or Hangul is not part of it ("王经理").
        stripped = stripped[: len(stripped) - title_after_name(stripped)].rstrip()
    offset = start + value.index(stripped)
    yield offset, offset + len(stripped)


def find_structured_names(text: str) -> Iterator[tuple[int, int]]:
    """Spans of values that structure says are person names."""
    return iter(read_structure(text)[0])


def read_structure(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(person names, values holding no person) that structure says a text holds: values of
    person keys and columns, chat-export speakers; values of company, account, deal, place and
    job-title keys and columns, which hold no person whatever names they hold ("Company: Ege
    Marin", "city: Kfar Saba")."""
    people: list[tuple[int, int]] = []
    not_people: list[tuple[int, int]] = []
    if ":" in text or "=" in text:
        for sep in SEPARATOR.finditer(text):
            at = sep.start()
            key = _key_before(text, at)
            kind = _key_kind(key)
            # {"company": {"name": "Northbeam Solar"}}: the company's name, not a person's.
            thing = kind == 1 and _normal_key(key) == "name" and _inside_a_thing(text, at)
            if thing:
                kind = 0
            elif not kind and not _not_person_key(key):
                continue
            m = QUOTED_VALUE.match(text, at + 1) or VALUE_AFTER.match(text, at + 1)
            if m is None:
                continue
            if thing:
                not_people.append(m.span("value"))
            elif not kind:
                value = m.group("value")
                if (
                    _labels_a_field(text, at, key)
                    and len(value.split()) <= 6
                    and _EVENT_WORDS.search(value) is None
                ):
                    not_people.append(m.span("value"))
            elif _person_like(m.group("value"), strict=kind == 1):
                people.extend(_value_spans(m.start("value"), m.group("value")))
                if _normal_key(key) in _LIST_KEYS:
                    people.extend(_more_items(text, m.end("value"), strict=kind == 1))
    if "</" in text:
        for m in _XML_FIELD.finditer(text):
            key = _CAMEL.sub("_", m.group("key"))
            kind = _key_kind(key)
            value = m.group("value")
            if kind and _person_like(value, strict=kind == 1):
                people.extend(_value_spans(m.start("value"), value))
            elif not kind and _not_person_key(key) and value.strip():
                not_people.append(m.span("value"))
    if "," in text or "\t" in text or ";" in text or "|" in text:
        for start, end, organisation in _csv_cells(text):
            (not_people if organisation else people).append((start, end))
    if "] " in text or " - " in text or " (" in text:
        people.extend(_chat_speakers(text))
    return people, not_people


# An XML element holding a value ("<city>المكلا</city>", "<assignedRep>Brittany Lau</assignedRep>"),
# read as a key and its value; camelCase keys are split for the key lists ("assigned_rep").
_XML_FIELD = re.compile(
    r"<(?P<key>[^\W\d][\w.-]{0,40})(?:[ \t][^<>\n]{0,200})?>(?P<value>[^<>\n]{1,80})</(?P=key)>"
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


# Keys and headers whose values hold no person (casefolded, spaces as "_"): organisations and
# deals, places, job titles.
_NOT_PERSON_KEYS = frozenset(
    [
        *("city", "town", "region", "state", "province", "country", "location", "district"),
        *("area", "neighbourhood", "neighborhood", "hq", "headquarters", "ciudad", "cidade"),
        *("ville", "stadt", "città", "citta", "kota", "şehir", "sehir", "il", "город", "страна"),
        *("עיר", "יישוב", "ישוב", "מדינה", "אזור", "مدينة", "المدينة", "الدولة", "المنطقة"),
        *("البلد", "الحي"),
        # Emirates, governorates, counties and the like, and the German "Ort" (place).
        *("emirate", "governorate", "county", "suburb", "locality", "municipality", "commune"),
        *("ort", "wohnort", "standort", "gemeinde", "provincia", "estado", "municipio"),
        *("município", "comuna", "prefecture", "mahalle", "ilçe", "ilce", "semt", "barangay"),
        *("kabupaten", "kecamatan", "kota_kabupaten", "emirate_city", "מחוז", "כפר/עיר"),
        *("עיר/יישוב", "الإمارة", "الامارة", "إمارة", "المحافظة", "محافظة", "الولاية"),
        *("title", "job_title", "jobtitle", "position", "role", "designation", "occupation"),
        *("cargo", "puesto", "poste", "fonction", "funktion", "jabatan", "unvan", "chức_vụ"),
        *("должность", "תפקיד", "המשרה", "المسمى_الوظيفي", "الوظيفة", "المنصب", "المسمى"),
        *("company", "company_name", "organization", "organisation", "org", "employer"),
        *("account", "account_name", "business", "business_name", "firm", "vendor"),
        *("supplier", "deal", "deal_name", "opportunity", "opportunity_name", "customer_company"),
        *("firma", "société", "societe", "empresa", "unternehmen", "компания", "организация"),
        *("חברה", "שם_החברה", "שם_חברה", "עסקה", "ארגון", "עסק", "שם_העסק"),
        *("شركة", "الشركة", "اسم_الشركة", "الجهة", "جهة", "المؤسسة", "مؤسسة", "صفقة", "الصفقة"),
        *("profession", "job", "industry", "department", "dept", "workplace"),
        *("trabaho", "hanapbuhay", "posisyon", "kumpanya", "kompanya", "lungsod", "bayan"),
        *("pekerjaan", "perusahaan", "syarikat", "bandar", "şirket", "sirket", "meslek"),
        *("görev", "compañía", "compania", "ocupación", "profesión", "companhia", "profissão"),
        *("entreprise", "métier", "beruf", "azienda", "ruolo", "società"),
        *("профессия", "מקצוע", "עיסוק", "מחלקה", "مهنة", "المهنة", "القسم", "شغل", "سمت"),
        *("公司", "公司名称", "单位", "單位", "企业", "企業", "城市"),
        *("职位", "職位", "职务", "職務"),
        *("会社", "会社名", "企業名", "役職", "部署", "所属", "勤務先"),
        *("회사", "회사명", "상호", "직함", "직책", "직위", "부서", "소속", "도시"),
    ]
)


# "with" or a call to someone in a title ("title: פגישת kick-off עם Yossi", "להתקשר לאליהו
# מזרחי"): such a value is a calendar entry's or a task's, not a job title, a company or a
# place.
_EVENT_WORDS = re.compile(
    r"(?:^|\s)(?:with|w/|עם|مع|avec|call back|follow up|להתקשר|לחזור|לתאם|اتصال|الاتصال)(?=\s)",
    re.IGNORECASE,
)


def _labels_a_field(text: str, at: int, key: str) -> bool:
    """True when `key` is the whole label before the separator at `at`: it opens its line,
    list item or JSON member ("Company: ...", "\"company\": ..."), and does not end a longer
    heading ("עדכון עסקה: נפגשתי עם ...", a deal update, then prose)."""
    start = text.rfind(key, max(0, at - len(key) - 3), at)
    if start < 0:
        return False
    before = text[text.rfind("\n", 0, start) + 1 : start].rstrip(" \t\"'")
    return not before.strip(" \t-*•|>") or before[-1] in "{,["


def _normal_key(key: str) -> str:
    """A key as the key lists hold it: case folded, runs of spaces and dashes as one "_"."""
    return re.sub(r"[\s-]+", "_", key.strip().casefold())


@lru_cache(maxsize=4096)
def _not_person_key(key: str) -> bool:
    return len(key) < 40 and _normal_key(key) in _NOT_PERSON_KEYS


def _more_items(text: str, at: int, strict: bool) -> Iterator[tuple[int, int]]:
    """The further people of a list value, after its first ("..., Dana Lev"), to its line's end;
    an email in angle brackets after a name is stepped over ("Dana Lev <dana@acme.io>, ...")."""
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    pos = at
    line = text[text.rfind("\n", 0, at) + 1 : at]
    depth = line.count("(") - line.count(")")  # inside a note: "Morag Fraser (client, CFO)"
    while True:
        while pos < end and text[pos] in " \t\"'":
            pos += 1
        if text.startswith("<", pos):
            close = text.find(">", pos, end)
            pos = close + 1 if close > 0 else end
            continue
        if pos >= end or text[pos] not in ",،;":
            return
        item = _LIST_ITEM.match(text, pos + 1, end)
        if item is None:
            return
        value = item.group("value")
        inside, depth = depth > 0, max(0, depth + value.count("(") - value.count(")"))
        if not inside:
            if not _person_like(value, strict=strict):
                return
            yield from _value_spans(item.start("value"), value)
        pos = item.end("value")


# A chat export's message line: "[12/03/2025, 10:16] Name: text" (WhatsApp on iOS) or
# "12/03/2025, 10:16 - Name: text" (Android); the speaker is a person, in any script.
_CHAT_LINE = re.compile(
    r"^(?:\[[\d٠-٩/.,: \-apmAPMص]{8,30}\]|\[\d{1,2}:\d{2}(?::\d{2})?\]"
    r"|[\d٠-٩]{1,4}[/.][\d٠-٩]{1,2}[/.][\d٠-٩]{2,4},? "
    r"[\d٠-٩]{1,2}:[\d٠-٩]{2}(?: ?[apAP][mM])? -) (?P<name>[^:\n\d@]{2,40}?):[ \t]"
    # ... or a transcript's numbered speaker, named in any case: "Speaker 1 (Name):", a
    # speech-to-text export's "speaker 1 (will):", "[Speaker 2 - Dana Levi]:".
    r"|^[ \t]*\[?(?:(?i:speaker|spk|participant)|דובר|דוברת|المتحدث|متحدث) ?\d{1,2}[ \t]*"
    r"(?:\(|[-–][ \t]*)(?P<named>[^()\[\]\n:\d@]{2,40})\)?\]?[ \t]*:",
    re.MULTILINE,
)
CHAT_NOT_SPEAKERS = frozenset(
    [
        *("you", "אתה", "את", "أنت", "انت", "system", "messages", "bot", "manager"),
        *("менеджер", "поддержка", "מנהל", "מנהלת", "צוות", "שירות", "دعم", "فريق", "خدمة"),
    ]
)
# Roles and parties a transcript's speaker is named by when not by a name ("Speaker 3
# (customer):", "Interviewer:").
SPEAKER_ROLES = frozenset(
    [
        *("user", "assistant", "system", "bot", "ai", "agent", "rep", "customer", "client"),
        *("prospect", "lead", "buyer", "seller", "vendor", "sales", "support", "host", "guest"),
        *("moderator", "interviewer", "interviewee", "caller", "callee", "operator", "speaker"),
        *("participant", "unknown", "me", "us", "them", "we", "you", "q", "a", "re", "fw", "fwd"),
        *("note", "notes", "summary", "answer", "question", "reply", "response", "tool"),
        *("לקוח", "לקוחה", "נציג", "נציגה", "אני", "מערכת", "עוזר", "שאלה", "תשובה"),
        *("العميل", "عميل", "المندوب", "مندوب", "أنا", "انا", "النظام", "المساعد", "سؤال", "جواب"),
        *("клиент", "менеджер", "я", "вопрос", "ответ"),
    ]
)


def _chat_speakers(text: str) -> Iterator[tuple[int, int]]:
    for m in _CHAT_LINE.finditer(text):
        group = "name" if m.group("name") is not None else "named"
        name = m.group(group).strip()
        words = name.split()
        # A numbered speaker may be named by a role instead ("Speaker 3 (customer):").
        roles = SPEAKER_ROLES if group == "named" else frozenset()
        if (
            len(words) <= 4
            and not any(
                w.casefold() in CHAT_NOT_SPEAKERS
                or w.casefold() in GROUP_WORDS
                or w.casefold() in roles
                for w in words
            )
            and not _is_company(words)
        ):
            start = m.start(group) + m.group(group).index(name)
            yield start, start + len(name)


def _inside_a_thing(text: str, at: int) -> bool:
    """True when the separator at `at` is inside a JSON object whose own key names no person
    ("company", "account", "city"): its "name" is that thing's."""
    opened = text.rfind("{", max(0, at - 300), at)
    if opened < 0 or text.find("}", opened, at) >= 0:
        return False
    j = opened
    while j > 0 and text[j - 1] in " \t\n":
        j -= 1
    if j == 0 or text[j - 1] != ":":
        return False
    return _not_person_key(_key_before(text, j - 1))


def _in_key(text: str, i: int) -> bool:
    """True when text[i] belongs to a key's word: a letter, a digit, "_", "-", or Hebrew
    gershayim between two letters ('ע"י', by)."""
    c = text[i]
    if c.isalnum() or c in "_-":
        return True
    return (
        c in '"״'
        and 0 < i < len(text) - 1
        and "\u05d0" <= text[i - 1] <= "\u05ea"
        and "\u05d0" <= text[i + 1] <= "\u05ea"
    )


def _key_before(text: str, at: int) -> str:
    """The key (one to three words, unquoted) that ends right before the separator at `at`."""
    j = at
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    if j > 0 and text[j - 1] in "\"'":
        j -= 1
    k = j
    while k > 0 and j - k < 32 and _in_key(text, k - 1):
        k -= 1
    longer = k
    for _ in range(2):  # "contact person", "name on card": keys of two and three words
        if not (longer > 1 and text[longer - 1] == " " and text[longer - 2].isalnum()):
            break
        longer -= 1
        while longer > 0 and j - longer < 32 and _in_key(text, longer - 1):
            longer -= 1
        if _key_kind(text[longer:j]):
            return text[longer:j]
    return text[k:j]


def _csv_cells(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is an organisation) of the cells of CSV/TSV blocks whose header names a
    person field: those of the person columns, and of the company columns beside them."""
    lines = text.splitlines(keepends=True)
    pos = 0
    # (index, kind) of the person (kind 1, 2) and company (kind 3) columns of the block
    columns: list[tuple[int, int]] = []
    delim = ","
    width = 0  # the header's cells
    for line in lines:
        body = line.rstrip("\r\n")
        if not body.strip():
            columns = []
        elif columns:
            if not body.strip(" |:-+=\t"):
                pass  # a rule row ("|---|:--|", psql's "----+----") holds no cells
            elif body.count(delim) + 2 < width:
                # Two cells short: a line of prose under the table, its commas no row's
                # ("Follow-ups: Pieter wants pricing, budget ~R 85,000; Thandiwe to..."), or
                # the header of the next table (a query's "SELECT id, full_name, ..." over
                # psql's "id | full_name | ..."): the end, and maybe a new start.
                columns = []
            else:
                yield from _cells(body, pos, delim, columns)
        if (
            not columns
            and body.strip()
            and len(body) < 400
            and "{" not in body
            and '":' not in body
        ):
            for d in (",", "\t", ";", "|"):
                if body.count(d) >= 1:
                    header = [h.strip().strip('"') for h in body.split(d)]
                    found = [(i, k) for i, h in enumerate(header) if (k := _header_kind(h))]
                    if found and d == "|" and _key_value_row(header):
                        # "| Signatory | Yehonatan Kessler |": a key and its value, not a
                        # header whose column below would be read as names.
                        yield from _cells(body, pos, d, [(found[0][0] + 1, found[0][1])])
                        break
                    if found and not any(_EMAIL_OR_NUMBER.search(h) for h in header):
                        companies = [(i, 3) for i, h in enumerate(header) if _not_person_key(h)]
                        columns, delim = _accounts(header, found) + companies, d
                        width = len(header)
                        break
        pos += len(line)


# Words a header holds besides person keys ("Contact,Phone"): a row with one of them in the
# second cell is a header, not a key and its value.
_HEADER_WORDS = frozenset(
    [
        "phone",
        "mobile",
        "tel",
        "email",
        "e-mail",
        "company",
        "firma",
        "account",
        "stage",
        "status",
        "value",
        "amount",
        "deal",
        "city",
        "country",
        "region",
        "title",
        "role",
        "position",
        "date",
        "id",
        "notes",
        "note",
        "source",
        "type",
        "plan",
        "telefon",
        "ort",
        "umsatz",
    ]
)


def _key_value_row(cells: list[str]) -> bool:
    """Two non-empty cells, a person key then a value that is not another header word."""
    filled = [c for c in cells if c]
    if len(filled) != 2 or not _key_kind(filled[0]):
        return False
    value = filled[1].casefold()
    return not _key_kind(value) and value not in _HEADER_WORDS and "_" not in value


# A customer column beside a contact person's column holds the customer's business ("לקוח,איש
# קשר": Shufersal, then Moti Azulai), whose name is not a person's.
_CUSTOMER_HEADERS = frozenset(
    ["לקוח", "הלקוח", "לקוחה", "שם_הלקוח", "العميل", "اسم_العميل", "customer_name", "client_name"]
)
_CONTACT_HEADERS = frozenset(
    ["איש_קשר", "איש_הקשר", "אשת_קשר", "contact", "contact_name", "contact_person", "جهة_الاتصال"]
)


def _accounts(header: list[str], found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`found` with its customer columns read as organisations (kind 3) when a contact
    person's column is beside them."""
    keys = [_normal_key(header[i]) for i, _ in found]
    if not any(k in _CONTACT_HEADERS for k in keys):
        return found
    return [
        (i, 3 if k in _CUSTOMER_HEADERS else kind) for (i, kind), k in zip(found, keys, strict=True)
    ]


def _cells(
    body: str, pos: int, delim: str, columns: list[tuple[int, int]]
) -> Iterator[tuple[int, int, bool]]:
    cells = _row_cells(body, delim)  # offsets located in the raw line: they stay exact
    for index, kind in columns:
        if index >= len(cells):
            continue
        at, cell = cells[index]
        if kind == 3:
            if cell.strip():
                start = pos + at + len(cell) - len(cell.lstrip())
                yield start, pos + at + len(cell.rstrip()), True
        elif _person_like(cell, strict=kind == 1, column=True):
            yield from ((s, e, False) for s, e in _value_spans(pos + at, cell))


# Column headers of street addresses, as CRM exports write them (casefolded, spaces and dashes
# as "_").
_ADDRESS_HEADERS = frozenset(
    [
        *("address", "addr", "street", "street_address", "address_line_1", "address1"),
        *("home_address", "billing_address", "shipping_address", "mailing_address"),
        *("postal_address", "adresse", "anschrift", "dirección", "direccion", "endereço"),
        *("indirizzo", "adres", "адрес", "כתובת", "כתובת_מגורים", "כתובת_למשלוח"),
        *("العنوان", "عنوان", "العنوان_الوطني", "عنوان_السكن"),
    ]
)
# Pieces of those headers in the cases they are written in, found with `str.find` (a
# case-insensitive alternation scanned 100 KB of notes in 11 ms).
_ADDRESS_HEADER_PIECES = (
    *("ddr", "DDR", "treet", "TREET", "nschrift", "irecci", "ndere", "ndirizzo", "dres"),
    *("дрес", "ДРЕС", "כתובת", "عنوان"),
)


def find_column_addresses(text: str) -> Iterator[Span]:
    """The cells of CSV/TSV columns whose header names a street address. A row with more
    cells than its header whose address is the last column (an address with unquoted commas)
    gives the whole rest of the line."""
    done = 0  # where the last block read ended: header words inside it were seen
    for at in sorted(_occurrences(text, _ADDRESS_HEADER_PIECES)):
        if at < done:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = _line_end(text, start)
        done = end
        header = _address_column(text[start:end])
        if header is None:
            continue
        column, width, delim = header
        pos = end + 1
        while pos < len(text):
            end = _line_end(text, pos)
            body = text[pos:end].rstrip("\r")
            if not body.strip():
                break
            yield from _address_cell(body, pos, column, width, delim)
            pos = end + 1
        done = pos


def _occurrences(text: str, pieces: tuple[str, ...]) -> Iterator[int]:
    for piece in pieces:
        at = text.find(piece)
        while at >= 0:
            yield at
            at = text.find(piece, at + 1)


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _address_column(body: str) -> tuple[int, int, str] | None:
    """(column, number of columns, delimiter) when `body` is a header with an address column."""
    if len(body) >= 400:
        return None
    for d in (",", "\t", ";", "|"):
        if d in body:
            header = body.split(d)
            hits = [
                i
                for i, h in enumerate(header)
                if len(h) < 40 and _normal_key(h.strip().strip('"')) in _ADDRESS_HEADERS
            ]
            if hits:
                return hits[0], len(header), d
    return None


def _address_cell(body: str, pos: int, column: int, width: int, delim: str) -> Iterator[Span]:
    cells = _row_cells(body, delim)
    if column >= len(cells):
        return
    at, cell = cells[column]
    if column == width - 1 and len(cells) > width:
        cell = body[at:]
    if cell.strip() and (any(c.isdigit() for c in cell) or len(cell.split()) >= 2):
        start = pos + at + len(cell) - len(cell.lstrip())
        yield Span(start, pos + at + len(cell.rstrip()), EntityType.ADDRESS, 0.9, "csv")


def _row_cells(body: str, delim: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell of a delimited row."""
    row = next(csv.reader([body], delimiter=delim))
    out: list[tuple[int, str]] = []
    cursor = 0
    for cell in row:
        at = body.find(cell, cursor) if cell else cursor
        at = at if at >= 0 else cursor
        out.append((at, cell))
        cursor = at + len(cell)
    return out
