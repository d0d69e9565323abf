from __future__ import annotations

import pytest

from proxy.detect.spans import EntityType
from proxy.detect.structured import find_column_addresses, find_structured_names, read_structure


def _found(text: str) -> list[str]:
    return [text[s:e] for s, e in find_structured_names(text)]


def test_json_person_keys_mark_their_values_whatever_the_words() -> None:
    text = '{"first_name": "Zorblax", "last_name": "Qwerty", "owner": "ng ka-wai", "stage": "Won"}'
    assert ["Zorblax", "Qwerty", "ng ka-wai"] == _found(text)


def test_a_company_under_a_generic_name_key_is_not_a_person() -> None:
    assert [] == _found('{"company": {"name": "Acme Ltd"}}')


def test_csv_columns_under_person_headers() -> None:
    text = (
        "name,email,plan\nDana Levi,dana@x.com,Pro\nOmar Haddad,o@x.ae,Basic\n"
        "\nproduct,price\nPro,10"
    )
    assert ["Dana Levi", "Omar Haddad"] == _found(text)


def test_a_lower_case_particle_does_not_stop_a_name_in_a_name_column() -> None:
    text = "#, Name, Company\n1, Thandiwe Nkosi, Nkosi Electrical\n2, J. P. du Toit, Du Toit Wines"
    assert ["Thandiwe Nkosi", "J. P. du Toit"] == _found(text)


def test_a_line_of_prose_under_a_table_is_no_row_of_it() -> None:
    text = (
        "#, Name, Company, Designation, Cell\n1, Thandiwe Nkosi, Nkosi Electrical, Director, 082\n"
        "Follow-ups: Pieter wants pricing, budget ~R 85,000; Thandiwe to intro her cousin."
    )
    people, not_people = read_structure(text)
    assert ["Thandiwe Nkosi"] == [text[s:e] for s, e in people]
    assert ["Nkosi Electrical", "Director"] == [text[s:e] for s, e in not_people]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("נושא: Fwd: הצעת מחיר\nאל: יונה גרמי <yona@garmi-events.co.il>", ["יונה גרמי"]),
        ("أُرسلت: الاثنين\nإلى: ثويني الرواحي\nالموضوع: طلب", ["ثويني الرواحي"]),
        ("De: Juan Pérez\nPara: Ana Gómez", ["Juan Pérez", "Ana Gómez"]),
        ('נרשם ע"י: וואיל קבלאן | 18.9.2025', ["וואיל קבלאן"]),
        ("مسؤولة التواصل: دعاء السيد، 02 3338 7104", ["دعاء السيد"]),
        ("من: مكتب المبيعات\nإلى: قسم الحسابات\nאל: צוות המכירות", []),
    ],
)
def test_email_headers_and_who_wrote_a_record_in_more_languages(
    text: str, names: list[str]
) -> None:
    assert names == _found(text)


def test_name_job_and_company_headers_in_more_languages() -> None:
    text = (
        "Pangalan,Trabaho,Kumpanya,Email\n"
        "Jericho Villanueva,Nurse,Jollibee Deira,jericho.v@gmail.com\n"
        "\nnama,pekerjaan,perusahaan\nSiti Rahmawati,Driver,Grab Jakarta"
    )
    people, not_people = read_structure(text)
    assert ["Jericho Villanueva", "Siti Rahmawati"] == [text[s:e] for s, e in people]
    found = [text[s:e] for s, e in not_people]
    assert ["Nurse", "Jollibee Deira", "Driver", "Grab Jakarta"] == found


def test_a_header_may_hold_a_lone_digit() -> None:
    text = (
        '"Name","Company","SSN (W-9 vendors only)"\n'
        '"Hannah Lindgren","Lindgren & Sons Hardware","468-31-9902"'
    )
    people, not_people = read_structure(text)
    assert ["Hannah Lindgren"] == [text[s:e] for s, e in people]
    assert ["Lindgren & Sons Hardware"] == [text[s:e] for s, e in not_people]


def test_labels_in_hebrew_and_english() -> None:
    assert ["Siobhan Kelly", "דנה כהן"] == _found("Name: Siobhan Kelly\nשם: דנה כהן\nStage: Won")


def test_an_organisation_under_a_person_key_is_not_a_person() -> None:
    assert [] == _found('{"owner": "Gulf Logistics", "contact": "Noor Trading FZE"}')


def test_a_value_is_cut_at_a_parenthesis() -> None:
    assert ["Dana Levi"] == _found("Contact: Dana Levi (Gulf Logistics)\n")


def test_a_value_is_cut_at_a_spaced_dash() -> None:
    assert ["مشعل الهاجري"] == _found("العميل: مشعل الهاجري – الكويت\n")
    assert ["Dana Levi"] == _found("Contact: Dana Levi - Gulf Logistics\n")


@pytest.mark.parametrize(
    "text",
    ['{"owner": "Sales Team"}', "Billing contact: finance team", '{"assignee": "unassigned"}'],
)
def test_a_team_or_nobody_under_a_person_key_is_not_a_name(text: str) -> None:
    assert [] == list(find_structured_names(text))


def test_a_key_value_table_row_is_not_a_header() -> None:
    text = "| Signatory | Yehonatan Kessler |\n| Teudat Zehut | 947449476 |\n| Address | x, y |"
    assert ["Yehonatan Kessler"] == [text[s:e] for s, e in find_structured_names(text)]


def test_person_keys_in_other_languages() -> None:
    text = "Nachname;Vorname;Firma\nMöllenkamp;Friederike;Hainbuch GmbH"
    assert ["Möllenkamp", "Friederike"] == [text[s:e] for s, e in find_structured_names(text)]


def test_who_owns_or_handles_a_deal_in_hebrew_arabic_and_english() -> None:
    # "ים" (the sea) and "cash" are names in a column of owners.
    text = (
        "| עסקה | אחראי | שלב |\n|---|---|---|\n| שטראוס | ים | משא ומתן |\n\n"
        '{"deal_owner": "cash", "المسؤول": "سعيد"}'
    )
    assert ["ים", "cash", "سعيد"] == sorted(_found(text), key=text.index)


def test_a_markdown_table_rule_row_is_not_a_name() -> None:
    text = "| Contact | Email |\n|---|:--|\n| Dana Levi | dana@example.com |"
    assert ["Dana Levi"] == [text[s:e] for s, e in find_structured_names(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Contact,Account Name\nnkem okoro,Acme\nbolaji adeyemi,Globex",
        "Contact;Deal Stage\nnkem okoro;Won\nbolaji adeyemi;Lost",
    ],
)
def test_a_two_column_header_is_still_a_header(text: str) -> None:
    assert ["nkem okoro", "bolaji adeyemi"] == [text[s:e] for s, e in find_structured_names(text)]


def test_only_a_last_word_naming_a_team_vetoes_a_value() -> None:
    text = '{"contact": "na yeon", "rep": "Ofer Hr", "owner": "finance team"}'
    assert ["na yeon", "Ofer Hr"] == [text[s:e] for s, e in find_structured_names(text)]


def test_a_nickname_between_given_name_and_surname_stays_in_the_name() -> None:
    text = "Name,Phone\nאליהו (אלי) פרץ,058-7331220\nDana (Gulf Logistics),054-1234567\n"
    assert ["אליהו (אלי) פרץ", "Dana"] == [text[s:e] for s, e in find_structured_names(text)]


def test_cells_of_an_address_column_are_addresses() -> None:
    text = (
        "שם,טלפון,כתובת\n"
        "תמר שושני,077-4408821,הנביאים 12/3 ירושלים\n"
        "\n"
        "Name,Email,Address\n"
        'Dana Levi,dana@x.io,"12 Main St, Springfield, IL 62704"\n'
        "Omar Haddad,o@x.ae,Villa 9, Al Wasl Road, Dubai\n"
        "Ann Lee,a@x.io,N/A\n"
    )
    found = [text[s.start : s.end] for s in find_column_addresses(text)]
    assert found == [
        "הנביאים 12/3 ירושלים",
        "12 Main St, Springfield, IL 62704",
        "Villa 9, Al Wasl Road, Dubai",  # unquoted commas in the last column
    ]
    assert all(s.type is EntityType.ADDRESS for s in find_column_addresses(text))
    assert [] == list(find_column_addresses("Name,Email\nDana Levi,dana@x.io\n"))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[١٤/٣/٢٠٢٥ ١٠:٠٢ ص] سعيد: عيد سعيد وكل عام", ["سعيد"]),
        ("[12.03.2025, 10:16] מיכל ש.: בטח, שולחת", ["מיכל ש."]),
        ("12/03/2025, 10:16 - Dana Levi: ok, sending", ["Dana Levi"]),
        ("[12/03/2025, 10:17] Sales IL: the quote is out", []),  # a team, not a person
    ],
)
def test_the_speaker_of_a_chat_export_line_is_a_person(text: str, names: list[str]) -> None:
    assert names == _found(text)


def test_company_and_deal_values_are_organisations_not_people() -> None:
    text = (
        "From: Burak Çelik\nCompany: Ege Marin\n"
        '{"contact": "סבטלנה פרידמן", "company": "בית מרקחת אופק"}\n'
        "עדכון עסקה: נפגשתי עם הילה לוינסון\n"  # a heading, then prose: no organisation
        "\nFull Name,Company,Country\nIfeoma Nwosu,Eko Payments,Nigeria\n"
    )
    people, organisations = read_structure(text)
    assert ["Burak Çelik", "סבטלנה פרידמן", "Ifeoma Nwosu"] == [text[s:e] for s, e in people]
    # A country column holds no person either.
    assert ["Ege Marin", "בית מרקחת אופק", "Eko Payments", "Nigeria"] == [
        text[s:e] for s, e in organisations
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("[00:00] Somchai: ok let's start\n[00:06] Kanokwan: she's off", ["Somchai", "Kanokwan"]),
        ("דובר 1 (טגיסט מלקו): אנחנו צריכים דוחות", ["טגיסט מלקו"]),
        ("משתתפים: רפי אוחיון, דנה לב", ["רפי אוחיון", "דנה לב"]),
        ("Attendees: Rafi Ohayon, Dana Lev, Sales Team", ["Rafi Ohayon", "Dana Lev"]),
        ("العميل المحتمل: عمران شيخ، مدير العمليات", ["عمران شيخ"]),
        ("Lead: Pimchanok Wongsawat (Procurement, Siam Group)", ["Pimchanok Wongsawat"]),
        ("العميل: أيوه، أنا مروان دبور", []),  # a transcript's speaker and a reply
    ],
)
def test_speakers_lists_and_leads(text: str, names: list[str]) -> None:
    assert names == _found(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "[09/04/24, 8:15 AM] Ma. Cristina Dela Cruz: Good morning sir!",
            ["Ma. Cristina Dela Cruz"],
        ),
        (
            "Present: Hannah Price, Callum Reid, Deepak Sharma",
            ["Hannah Price", "Callum Reid", "Deepak Sharma"],
        ),
        (
            "משתתפים: אסתר ויסמן <esther.w@alon.co.il>, איתי לוי <itay@orbit.co.il>",
            ["אסתר ויסמן", "איתי לוי"],
        ),
        ("Manager approval: Hannah Price", ["Hannah Price"]),
        ("Days attending: Monday, Tuesday", []),
    ],
)
def test_minutes_forms_and_exports(text: str, names: list[str]) -> None:
    assert names == _found(text)


def test_a_value_may_hold_an_apostrophe_or_a_geresh() -> None:
    assert ["רנין ח'ורי"] == _found("שם: רנין ח'ורי\nעיר: נצרת")
    assert ["ויאצ'סלב לוין"] == _found("בן/בת זוג: ויאצ'סלב לוין, ת.ז. 558940912")
    assert ["Dana O'Neil", "Omar"] == _found('{"name": "Dana O\'Neil", "owner": "Omar"}')
    assert ["Dana Levi"] == _found("name: 'Dana Levi'")


def test_a_vcard_formatted_name_is_a_person_field() -> None:
    assert ["Oksana Berezovska"] == _found("BEGIN:VCARD\nFN:Oksana Berezovska\nEND:VCARD")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            '{"name": {"given": "Tuan", "family": "Pham"}, "preferred_name": "Tony"}',
            ["Tuan", "Pham", "Tony"],
        ),
        ("Organizer: Mere Parata\nRequired: Sefa Tuilagi; Liam Hart\nOptional: Anahera", None),
        ("הנציגה: רוני (רונה) אלמוג, צוות דרום.", ["רוני (רונה) אלמוג"]),
        ("العميلة: هدى عبد الفتاح\nالشركة: مصنع النيل", ["هدى عبد الفتاح"]),
    ],
)
def test_more_keys_that_hold_people(text: str, names: list[str] | None) -> None:
    expected = names or ["Mere Parata", "Sefa Tuilagi", "Liam Hart", "Anahera"]
    assert all(name in _found(text) for name in expected)


def test_a_calendar_s_required_and_optional_flags_are_not_names() -> None:
    assert _found("Required: yes\nOptional: no") == []


def test_csv_columns_under_chinese_japanese_and_korean_name_headers() -> None:
    text = (
        "姓名,公司,电话\n宋洁,星河贸易,13812345678\n韩磊,东方物流,13987654321\n"
        "\n名前,会社\n藤田,ミドリ商事\n\n이름,회사\n윤아름,한빛상사"
    )
    assert ["宋洁", "韩磊", "藤田", "윤아름"] == _found(text)


def test_company_and_job_title_columns_beside_them_hold_no_person() -> None:
    text = "姓名,公司,职位\n宋洁,东方物流,高级经理"
    people, organisations = read_structure(text)
    assert ["宋洁"] == [text[s:e] for s, e in people]
    assert ["东方物流", "高级经理"] == [text[s:e] for s, e in organisations]


def test_labels_and_keys_that_name_a_person_in_chinese_japanese_and_korean() -> None:
    text = (
        "联系人: 梁静, 电话: 139 1234 5678\n担当者: 木村 陽子\n담당자: 한상우\n"
        '{"客户姓名": "邓超", "紧急联系人": "曹颖"}\n请联系人: 范冰。'
    )
    assert ["梁静", "木村 陽子", "한상우", "邓超", "曹颖", "范冰"] == _found(text)


def test_a_title_after_a_name_in_a_value_is_not_part_of_it() -> None:
    assert ["王", "高橋 美咲", "김민수"] == _found(
        "联系人: 王经理\n担当者: 高橋 美咲様\n담당자: 김민수 과장님"
    )


def test_a_team_under_a_person_key_or_a_company_name_key_is_not_a_person() -> None:
    assert [] == _found("담당: 영업팀\n联系人: 客服部门\n회사이름: 한빛모빌리티")


def test_a_partner_and_a_respondent_are_people_and_anonymous_is_nobody() -> None:
    assert ["סוהא חלבי"] == _found("- שותפה: סוהא חלבי\n- מקור: גוגל")
    assert ["Hope Carter"] == _found("Respondent: Hope Carter | Score: 9")
    assert [] == _found("משיב: אנונימי | ציון: 3")


@pytest.mark.parametrize(
    "text",
    [
        'title: "פגישת kick-off עם Yossi וNatasha"',
        "Title: Demo with Dana Levi",
        "title: w/ Omar",
        '"title": "להתקשר לאליהו מזרחי לגבי חידוש"',
    ],
)
def test_a_title_that_says_with_whom_is_an_events_not_a_job_title(text: str) -> None:
    assert [] == read_structure(text)[1]


def test_a_job_title_value_still_holds_no_person() -> None:
    text = "title: Head of Partnerships"
    assert ["Head of Partnerships"] == [text[s:e] for s, e in read_structure(text)[1]]


def test_a_customer_column_beside_a_contact_column_holds_businesses() -> None:
    text = "לקוח,איש קשר,נציג,סכום\nשופרסל,מוטי אזולאי,שני,₪78,900\nטבע,נטלי לוין,דור,₪310,000"
    people, organisations = read_structure(text)
    assert ["מוטי אזולאי", "שני", "נטלי לוין", "דור"] == [text[s:e] for s, e in people]
    assert ["שופרסל", "טבע"] == [text[s:e] for s, e in organisations]


def test_a_customer_column_alone_still_holds_people() -> None:
    text = "לקוח,טלפון\nמוטי אזולאי,050-1234567"
    assert ["מוטי אזולאי"] == _found(text)


def test_a_placeholder_in_a_column_of_people_names_nobody() -> None:
    assert ["דור"] == _found("נציג,סכום\nדור,₪120,000\nללא,₪45,500\n-,₪9,000")


def test_the_name_inside_a_company_object_is_the_company_not_a_person() -> None:
    text = '{"company": {"name": "Northbeam Solar", "size": 200}, "contact": {"name": "Dana Levi"}}'
    people, not_people = read_structure(text)
    assert ["Dana Levi"] == [text[s:e] for s, e in people]
    assert "Northbeam Solar" in [text[s:e] for s, e in not_people]


def test_a_numbered_speakers_name_in_any_case() -> None:
    # Speech-to-text exports name each numbered speaker: "will" there is Will, not a verb.
    text = (
        "speaker 1 (will): ok so mason can you hear me\n"
        "speaker 2 (mason): yep loud and clear\n"
        "Speaker 3 (customer): hi all\n"
        "[Speaker 4 - Dana Levi]: shalom"
    )
    assert ["will", "mason", "Dana Levi"] == sorted(_found(text), key=text.index)


def test_a_psql_rule_row_does_not_end_the_table() -> None:
    text = (
        " full_name   | email           | stage\n"
        "-------------+-----------------+-------\n"
        " Gitti Landau | g@example.co.il | won\n"
        " Mordechai Schwartz | m@example.co.il | lost\n"
        "(2 rows)"
    )
    assert ["Gitti Landau", "Mordechai Schwartz"] == _found(text)


def test_a_key_of_three_words_and_a_value_cut_at_a_spaced_dot() -> None:
    text = "Card: 3714 924741 16670 · Name on card: BRIANNA K SULLIVAN · Billing ZIP 95112"
    assert ["BRIANNA K SULLIVAN"] == _found(text)


def _not_people(text: str) -> list[str]:
    return [text[s:e] for s, e in read_structure(text)[1]]


def test_xml_elements_are_keys_and_values() -> None:
    text = (
        "<lead><contactName>Brittany Lau</contactName><city>المكلا</city>"
        "<company>Dana Levi Ltd</company><note>call Dana</note></lead>"
    )
    assert ["Brittany Lau"] == _found(text)
    assert ["المكلا", "Dana Levi Ltd"] == _not_people(text)


def test_a_psql_table_under_its_query_and_place_columns_by_other_names() -> None:
    text = (
        "crm=> SELECT id, full_name, employer, city FROM leads;\n"
        "  id  |   full_name    |   employer    |   city\n"
        "------+----------------+---------------+----------\n"
        " 8812 | Latisha Monroe | Dollar General | Jackson\n"
    )
    assert ["Latisha Monroe"] == _found(text)
    assert ["Dollar General", "Jackson"] == _not_people(text)
    german = "Ansprechpartner;Firma;Ort\nAgnieszka Nowak;Müller Milch Partner;Hamm\n"
    assert ["Müller Milch Partner", "Hamm"] == _not_people(german)


def test_a_dealer_or_a_supplier_under_a_person_column_is_not_a_person() -> None:
    text = "العميل | المسؤول\nوكيل تويوتا | شهد الغامدي\nمورد لـشركة الزامل | بندر العنزي\n"
    assert ["شهد الغامدي", "بندر العنزي"] == _found(text)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Participants: Kofi Mensah (CSM), Morag Fraser (client, Commercial Director), "
            "Ewan Campbell (client, Sales Ops)",
            ["Kofi Mensah", "Morag Fraser", "Ewan Campbell"],
        ),
        (
            "Attendees: Jens Brandt (their admin, Fjordline AS), Dana Levi, me.",
            ["Jens Brandt", "Dana Levi"],
        ),
    ],
)
def test_a_note_in_parentheses_and_a_pronoun_in_a_list_of_people_are_no_names(
    text: str, names: list[str]
) -> None:
    assert names == _found(text)
