# ruff: noqa: E501  (data tables: long template strings read better unbroken)
"""Hand-written free-form records. [[TYPE|value]] marks an entity, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "call_notes",
        "anglo",
        "Quick one: [[PERSON|Gareth]] from {{Acme}} wants to move the {{Q3}} review to {{Thursday}}. "
        "Will you send the {{May}} invoice ({{INV-8841}}) to [[EMAIL|gareth.h@acme-corp.co.uk]]?",
    ),
    (
        "call_notes",
        "anglo",
        "Mark the deal as won. {{Grant}} funding came through on {{June 3}}; [[PERSON|Rebecca Lindqvist]] "
        "confirmed by phone ([[PHONE|+44 20 7946 0958]]).",
    ),
    (
        "chat_history",
        "israeli",
        "user: did [[PERSON|Avi]] reply?\nassistant: Yes, [[PERSON|Avi Ben-Haim]] asked for the {{Enterprise}} "
        "price list and a {{20%}} discount.\nuser: tell [[PERSON|avi]] we can do {{15%}} until {{Friday}}.",
    ),
    (
        "email_draft",
        "arab",
        "Dear Sheikh [[PERSON|Abdullah bin Rashid Al Maktoum]],\nThank you for hosting us at "
        "[[ADDRESS|Villa 7, Street 12, Al Wasl, Dubai]]. Our {{Platinum}} offer stands at {{AED 240,000}}.\n"
        "Warm regards,\n[[PERSON|Hassan Abu Zaid]]",
    ),
    (
        "lead_summary",
        "south_asian",
        "Lead: [[PERSON|Venkatesh Subramanian]] ({{VP Sales}}, {{Infosys}}) wants {{SSO}} and {{SCIM}}. "
        "Reached via [[PHONE|+91 98450 12345]]; prefers {{WhatsApp}}. Renewal {{2025-01-31}}.",
    ),
    (
        "json_record",
        "east_asian",
        '{"id": "{{CRM-20931}}", "firstName": "[[PERSON|Xiu Ying]]", "lastName": "[[PERSON|Guo]]", '
        '"email": "[[EMAIL|xiuying.guo@example.cn]]", "segment": "{{Mid-Market}}", "arr": {{48000}}}',
    ),
    (
        "csv_records",
        "mixed",
        "owner,contact,stage,value\n[[PERSON|Tom Richter]],[[PERSON|Ngozi Eze]],{{Negotiation}},{{12000}}\n"
        "[[PERSON|Ana Souza]],[[PERSON|Pedro Alves]],{{Closed Won}},{{8500}}",
    ),
    (
        "hebrew",
        "hebrew",
        "היי, דיברתי עם [[PERSON|רונית אלמוג]] מ{{אלביט}}. היא רוצה את חבילת {{Pro}} עד {{יום חמישי}}. "
        "המספר שלה [[PHONE|052-7654321]] והכתובת [[ADDRESS|רחוב אבן גבירול 30, תל אביב]].",
    ),
    (
        "hebrew",
        "hebrew",
        "משימה: להתקשר ל[[PERSON|משה לוי]] בנוגע להזמנה {{45821}}. [[PERSON|משה]] ביקש חשבונית על סך {{₪12,000}}.",
    ),
    (
        "arabic",
        "arabic",
        "ملاحظات: اتصل [[PERSON|أحمد بن سالم]] بخصوص {{الباقة الذهبية}}. يريد [[PERSON|أحمد]] خصم {{10%}} "
        "قبل {{الخميس}}. رقمه [[PHONE|+971 50 765 4321]].",
    ),
    (
        "tool_result",
        "anglo",
        '{"tool":"search_contacts","matches":[{"name":"[[PERSON|Jessica O\'Neill]]","phone":"[[PHONE|(415) 555-0132]]",'
        '"ip":"[[IP_ADDRESS|203.0.113.54]]","plan":"{{Growth}}","version":"{{v3.2.0}}"}]}',
    ),
    (
        "secrets",
        "anglo",
        "Please rotate: password=[[SECRET|Winter2024!]] and Authorization: Bearer "
        "[[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U]]. "
        "Ticket {{#4471}}.",
    ),
    (
        "email_draft",
        "european",
        "Bonjour Mme [[PERSON|Dupont]],\nsuite à notre appel de {{mardi}}, voici le devis {{Q-2291}} pour {{Salesforce}}. "
        "Adresse de livraison: [[ADDRESS|14 rue du Faubourg Saint-Honoré, 75008 Paris]].\nCordialement,\n[[PERSON|Julien Marchand]]",
    ),
    (
        "call_notes",
        "african",
        "Met Mr. [[PERSON|Adebayo]] at the {{Lagos}} office on {{Monday}}. [[PERSON|Funmilayo Adebayo]] (his CFO) "
        "asked about invoicing in {{NGN}}. Mobile: [[PHONE|0803 555 1234]].",
    ),
    (
        "lead_summary",
        "latin_american",
        "Prospect [[PERSON|María José Hernández]] at {{Bancolombia}} ({{Medellín}}) – {{250}} seats, budget {{$90,000}}, "
        "deadline {{December 15}}. She uses {{HubSpot}} and {{Google Workspace}}.",
    ),
    (
        "precision",
        "none",
        "{{Monday}} standup: {{Pro plan}} churn is {{4.2%}}, {{Order #55821}} shipped, {{SKU-1120}} restocked, "
        "release {{v2.10.4}} went out {{2024-11-18}}, {{Microsoft}} and {{Google}} renewals due in {{March}}.",
    ),
    (
        "precision",
        "none",
        "Revenue grew {{18%}} to {{$1.2M}}; {{Salesforce}} sync fixed in {{build 2024.11.2}}; "
        "call volume {{1,240}}; {{Enterprise}} deals closed: {{12}}; dates {{03/04/2025}} and {{14.02.2025}}.",
    ),
    (
        "obfuscated",
        "anglo",
        "reach [[PERSON|Ka\u200bren Whitfield]] at [[EMAIL|karen\u200b.whitfield@example.org]] or "
        "[[PHONE|\uff0b\uff11 \uff12\uff10\uff12 \uff15\uff15\uff15 \uff10\uff11\uff17\uff18]]",
    ),
    (
        "tool_result_escaped",
        "european",
        '{"contact": "[[PERSON|J\\u00fcrgen M\\u00fcller]]", "city": "{{M\\u00fcnchen}}", "iban": "[[IBAN|DE89 3704 0044 0532 0130 00]]"}',
    ),
    (
        "il_id",
        "israeli",
        "ת.ז. [[IL_ID|123456782]] של [[PERSON|יעל שטרן]], כרטיס [[CREDIT_CARD|4580 1234 5678 9015]]? לא, זה {{מספר הזמנה 4580}}.",
    ),
]
