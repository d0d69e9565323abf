# ruff: noqa: E501  (data tables: long template strings read better unbroken)
"""Templates for the evaluation corpus: (kind, script, template) per pool.

`script` is "latin" (any Latin-script culture is drawn) or the one script the template is in.
"""

from __future__ import annotations

TEMPLATES: dict[str, list[tuple[str, str, str]]] = {
    "tune": [
        (
            "lead_summary",
            "latin",
            "Lead summary: ⟦P⟧ from ⟦CO⟧ is evaluating the ⟦PROD⟧. Budget ⟦AMT⟧, decision by ⟦DAY⟧ ⟦DATE⟧. "
            "Reach ⟦F⟧ at ⟦E⟧ or ⟦PH⟧.",
        ),
        (
            "lead_summary",
            "latin",
            "New inbound lead via ⟦SW⟧: ⟦P⟧ (⟦E⟧), ⟦QTY⟧ seats of the ⟦PROD⟧, asked for a ⟦PCT⟧ discount. "
            "Owner: ⟦P2⟧.",
        ),
        (
            "call_notes",
            "latin",
            "Call notes ⟦DATE⟧: spoke with ⟦P⟧ about ⟦ORD⟧. ⟦F⟧ said the ⟦PROD⟧ renewal is fine if we hold ⟦AMT⟧. "
            "Next call on ⟦DAY⟧. Mobile ⟦PH⟧.",
        ),
        (
            "call_notes",
            "latin",
            "Met with ⟦P⟧ and ⟦P2⟧ at ⟦A⟧. ⟦F2⟧ handles procurement; ⟦F⟧ signs. They use ⟦SW⟧ today, "
            "upgrade to ⟦VER⟧ planned for ⟦MON⟧.",
        ),
        (
            "email_draft",
            "latin",
            "Hi ⟦F⟧,\n\nThanks for your time on ⟦DAY⟧. As discussed, the ⟦PROD⟧ comes to ⟦AMT⟧ per year "
            "(⟦PCT⟧ off list). Invoice ⟦ORD⟧ will follow.\n\nBest regards,\n⟦P2⟧\n⟦PH2⟧",
        ),
        (
            "email_draft",
            "latin",
            "Dear ⟦P⟧,\nplease find the ⟦PROD⟧ quote attached. Our billing team will charge card ⟦CARD⟧ "
            "on ⟦DATE⟧ unless you prefer a transfer to ⟦IBAN⟧.\nKind regards, ⟦P2⟧",
        ),
        (
            "json_record",
            "latin",
            '{"first_name": "⟦F⟧", "last_name": "⟦S⟧", "email": "⟦E⟧", "phone": "⟦PH⟧", '
            '"company": "⟦CO⟧", "plan": "⟦PROD⟧", "stage": "Proposal", "amount": "⟦AMT⟧"}',
        ),
        (
            "json_record",
            "latin",
            '{"deal": {"name": "⟦PROD⟧ expansion", "owner": "⟦P2⟧", "contact": "⟦P⟧", "value": "⟦AMT⟧", '
            '"close_date": "⟦DATE⟧", "last_login_ip": "⟦IP⟧"}}',
        ),
        (
            "csv_records",
            "latin",
            "name,email,phone,plan,amount\n⟦P⟧,⟦E⟧,⟦PH⟧,⟦PROD⟧,⟦AMT⟧\n⟦P2⟧,⟦E2⟧,⟦PH2⟧,⟦PROD⟧,⟦PCT⟧",
        ),
        (
            "chat_history",
            "latin",
            "user: summarise my notes on ⟦P⟧\nassistant: ⟦F⟧ from ⟦CO⟧ wants the ⟦PROD⟧ by ⟦DAY⟧.\n"
            "user: draft a reply to ⟦F⟧ and cc ⟦E2⟧",
        ),
        (
            "tool_result",
            "latin",
            '{"tool": "crm_lookup", "result": {"contact_name": "⟦P⟧", "mobile": "⟦PH⟧", "address": "⟦A⟧", '
            '"ssn": "⟦SSN⟧", "created": "⟦DATE⟧"}}',
        ),
        (
            "tool_result_escaped",
            "latin",
            '{"results": [{"full_name": "⟦P⟧", "email": "⟦E⟧", "notes": "asked about ⟦PROD⟧ ⟦VER⟧"}]}',
        ),
        (
            "secrets",
            "latin",
            "Integration for ⟦CO⟧ failed; ⟦P⟧ pasted the key ⟦SEC⟧ into the ticket. Server ⟦IP⟧, "
            "fallback ⟦IP6⟧, ⟦ORD⟧ affected.",
        ),
        (
            "il_id",
            "latin",
            "KYC for ⟦P⟧: Israeli ID ⟦ILID⟧, address ⟦A⟧, phone ⟦PH⟧. Approved on ⟦DATE⟧ for ⟦AMT⟧.",
        ),
        (
            "hebrew",
            "hebrew",
            "סיכום שיחה: דיברתי עם ⟦P⟧ על חבילת ⟦PROD⟧. ⟦F⟧ ביקשה הנחה של ⟦PCT⟧ ותחזור אליי ביום ⟦DAY⟧. "
            "טלפון: ⟦PH⟧, מייל: ⟦E⟧.",
        ),
        (
            "hebrew",
            "hebrew",
            "ליד חדש מ-⟦CO⟧: ⟦P⟧, כתובת ⟦A⟧. תקציב ⟦AMT⟧, מספר הזמנה ⟦ORD⟧. נציג מטפל: ⟦P2⟧.",
        ),
        ("hebrew", "hebrew", "שלום ⟦F⟧,\nמצורפת הצעת המחיר עבור ⟦PROD⟧ בסך ⟦AMT⟧.\nבברכה,\n⟦P2⟧"),
        (
            "arabic",
            "arabic",
            "ملخص المكالمة: تحدثت مع ⟦P⟧ من ⟦CO⟧ حول ⟦PROD⟧. طلب ⟦F⟧ خصم ⟦PCT⟧. الهاتف ⟦PH⟧ والبريد ⟦E⟧.",
        ),
        (
            "arabic",
            "arabic",
            "عميل جديد: السيد ⟦P⟧، العنوان ⟦A⟧. الميزانية ⟦AMT⟧ والموعد يوم ⟦DAY⟧. المسؤول: ⟦P2⟧.",
        ),
        (
            "arabic",
            "arabic",
            "مرحبا ⟦F⟧،\nنرسل لك عرض السعر الخاص بـ ⟦PROD⟧ بقيمة ⟦AMT⟧.\nمع التحية،\n⟦P2⟧",
        ),
        (
            "cyrillic",
            "cyrillic",
            "Заметки: созвонились с ⟦P⟧ из ⟦CO⟧, обсудили ⟦PROD⟧. ⟦F⟧ ждёт счёт ⟦ORD⟧, телефон ⟦PH⟧.",
        ),
        (
            "obfuscated",
            "latin",
            "Contact ⟦P⟧ — reach them on ⟦PH⟧ or ⟦E⟧ before ⟦DAY⟧ about ⟦ORD⟧.",
        ),
    ],
    "heldout": [
        (
            "lead_summary",
            "latin",
            "Inbound from the webinar: ⟦P⟧ (⟦CO⟧) wants a ⟦PROD⟧ trial for ⟦QTY⟧ users; expected ACV ⟦AMT⟧. "
            "Best to text ⟦PH⟧ - ⟦F⟧ rarely reads ⟦E⟧.",
        ),
        (
            "call_notes",
            "latin",
            "Discovery call w/ ⟦P⟧ on ⟦DATE⟧. Pain: reporting in ⟦SW⟧. ⟦F⟧ loops in ⟦P2⟧ next ⟦DAY⟧; "
            "open item ⟦ORD⟧, target ⟦MON⟧ go-live on ⟦VER⟧.",
        ),
        (
            "email_draft",
            "latin",
            "Hello ⟦F⟧ —\nFollowing up on ⟦ORD⟧: the ⟦PROD⟧ renewal is ⟦AMT⟧ with ⟦PCT⟧ multi-year credit. "
            "Can we confirm by ⟦DAY⟧?\nCheers,\n⟦P2⟧ | ⟦CO⟧ | ⟦PH2⟧",
        ),
        (
            "json_record",
            "latin",
            '{"lead": {"contact_name": "⟦P⟧", "work_email": "⟦E⟧", "mobile": "⟦PH⟧", "account": "⟦CO⟧", '
            '"product": "⟦PROD⟧", "arr": "⟦AMT⟧", "assigned_to": "⟦P2⟧"}}',
        ),
        (
            "csv_records",
            "latin",
            "Full Name;Email;Mobile;Product\n⟦P⟧;⟦E⟧;⟦PH⟧;⟦PROD⟧\n⟦P2⟧;⟦E2⟧;⟦PH2⟧;⟦PROD⟧",
        ),
        (
            "chat_history",
            "latin",
            "[user] what did ⟦S⟧ say about pricing?\n[assistant] ⟦P⟧ said ⟦AMT⟧ is above their ⟦MON⟧ budget.\n"
            "[user] ok, ask ⟦F⟧ whether ⟦PCT⟧ off the ⟦PROD⟧ works",
        ),
        (
            "tool_result",
            "latin",
            '{"function": "get_contact", "output": {"owner": "⟦P2⟧", "person": "⟦P⟧", "billing_address": "⟦A⟧", '
            '"card_on_file": "⟦CARD⟧", "iban": "⟦IBAN⟧", "ip": "⟦IP⟧"}}',
        ),
        (
            "tool_result_escaped",
            "latin",
            '{"hits": [{"display_name": "⟦P⟧", "phone": "⟦PH⟧", "product": "⟦PROD⟧", "updated": "⟦DATE⟧"}]}',
        ),
        (
            "secrets",
            "latin",
            "⟦P⟧ shared config for ⟦SW⟧ sync: api_key=⟦SEC⟧ host ⟦IP⟧ (⟦VER⟧). SSN on file ⟦SSN⟧.",
        ),
        (
            "hebrew",
            "hebrew",
            "עדכון עסקה: נפגשתי עם ⟦P⟧ ב⟦A⟧. סוכם על ⟦PROD⟧ ב-⟦AMT⟧, חשבונית ⟦ORD⟧. ⟦F⟧ זמינה בנייד ⟦PH⟧.",
        ),
        (
            "hebrew",
            "hebrew",
            "לכבוד ⟦P⟧,\nבהמשך לשיחתנו ביום ⟦DAY⟧, ת.ז. ⟦ILID⟧ התקבלה. נשמח לקבוע הדגמה.\nתודה,\n⟦P2⟧",
        ),
        (
            "arabic",
            "arabic",
            "تحديث الصفقة: اجتمعت مع الأستاذ ⟦P⟧ في ⟦A⟧. تم الاتفاق على ⟦PROD⟧ بمبلغ ⟦AMT⟧، رقم الطلب ⟦ORD⟧. "
            "يمكن التواصل مع ⟦F⟧ على ⟦PH⟧.",
        ),
        (
            "arabic",
            "arabic",
            "عزيزي ⟦F⟧،\nشكرا على وقتك يوم ⟦DAY⟧. سنرسل الفاتورة إلى ⟦E⟧.\nتحياتي،\n⟦P2⟧",
        ),
        (
            "cyrillic",
            "cyrillic",
            "Клиент ⟦P⟧ (⟦CO⟧) подтвердил ⟦PROD⟧ на ⟦AMT⟧. Связаться с ⟦F⟧: ⟦PH⟧, ⟦E⟧.",
        ),
    ],
    "fresh": [
        (
            "lead_summary",
            "latin",
            "Warm intro from ⟦CO⟧ partner team - ⟦P⟧ runs RevOps and is comparing us with ⟦SW⟧. "
            "Needs ⟦PROD⟧ for ⟦QTY⟧ reps by end of ⟦MON⟧, budget ceiling ⟦AMT⟧. Direct line ⟦PH⟧.",
        ),
        (
            "call_notes",
            "latin",
            "Notes ⟦DATE⟧ | attendees: ⟦P⟧, ⟦P2⟧ (us). ⟦F⟧ pushed back on the ⟦PCT⟧ uplift; agreed to revisit "
            "⟦DAY⟧. Action: send ⟦ORD⟧ revised + SOC2 report to ⟦E⟧.",
        ),
        (
            "email_draft",
            "latin",
            "Subject: ⟦PROD⟧ proposal\n\nGood morning ⟦F⟧,\nAttached is the order form (⟦ORD⟧). Total ⟦AMT⟧, "
            "valid until ⟦DATE⟧.\nThanks,\n⟦P2⟧\nAccount Executive, ⟦CO⟧",
        ),
        (
            "json_record",
            "latin",
            '{"object": "contact", "properties": {"firstname": "⟦F⟧", "lastname": "⟦S⟧", "phone": "⟦PH⟧", '
            '"hs_lead_status": "OPEN", "product_interest": "⟦PROD⟧", "hubspot_owner": "⟦P2⟧"}}',
        ),
        (
            "csv_records",
            "latin",
            "Contact Name\tPhone\tEmail\tDeal Size\n⟦P⟧\t⟦PH⟧\t⟦E⟧\t⟦AMT⟧\n⟦P2⟧\t⟦PH2⟧\t⟦E2⟧\t⟦AMT⟧",
        ),
        (
            "chat_history",
            "latin",
            "User: Prep me for the ⟦DAY⟧ call with ⟦P⟧.\nAssistant: ⟦F⟧ is ⟦CO⟧'s procurement lead; last touch "
            "was ⟦DATE⟧ about ⟦ORD⟧.\nUser: and who else joins?\nAssistant: ⟦P2⟧ from finance.",
        ),
        (
            "tool_result",
            "latin",
            '{"name": "enrich_person", "content": {"person_name": "⟦P⟧", "company": "⟦CO⟧", "location_ip": "⟦IP⟧", '
            '"office": "⟦A⟧", "direct_dial": "⟦PH⟧"}}',
        ),
        (
            "hebrew",
            "hebrew",
            "תזכורת: פגישת המשך עם ⟦P⟧ ביום ⟦DAY⟧ בנושא ⟦PROD⟧. לשלוח ל⟦F⟧ את ⟦ORD⟧ למייל ⟦E⟧ ולהתקשר ל-⟦PH⟧.",
        ),
        ("hebrew", "hebrew", "איש קשר: ⟦P⟧\nטלפון: ⟦PH⟧\nכתובת: ⟦A⟧\nסטטוס: הצעה נשלחה, ⟦AMT⟧"),
        (
            "arabic",
            "arabic",
            "تذكير: متابعة مع ⟦P⟧ يوم ⟦DAY⟧ بخصوص ⟦PROD⟧. أرسل إلى ⟦F⟧ الفاتورة ⟦ORD⟧ على البريد ⟦E⟧.",
        ),
        (
            "arabic",
            "arabic",
            "الاسم: ⟦P⟧\nالجوال: ⟦PH⟧\nالعنوان: ⟦A⟧\nالحالة: تم إرسال العرض بقيمة ⟦AMT⟧",
        ),
        (
            "cyrillic",
            "cyrillic",
            "Встреча с ⟦P⟧ перенесена на ⟦DATE⟧. ⟦F⟧ просит скидку ⟦PCT⟧ на ⟦PROD⟧.",
        ),
    ],
}
