# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool D: hard cases (short commands, names that are words, odd formats, dialects). Written without reading the detector or the other corpora.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # --- Latin script: short commands, lower case, names as the only content ---
    ("chat_history", "mixed", "call back [[PERSON|noa]] tmrw re the {{Pro plan}} renewal"),
    ("chat_history", "anglo", "[[PERSON|hope delacroix-ward]]"),
    ("chat_history", "anglo", "email [[PERSON|liam]] the {{Q4}} numbers"),
    (
        "chat_history",
        "arab_gulf",
        "remind me to call [[PERSON|mo]] at [[PHONE|+971 50 318 4472]] after {{Maghrib}}",
    ),
    ("chat_history", "mixed", "who is [[PERSON|Abdulrahman Al Mansoori]]"),
    ("chat_history", "anglo", "txt [[PERSON|dana]] the {{onboarding}} link"),
    ("chat_history", "anglo", "book demo w/ [[PERSON|ali hassan]] thu 3pm re {{Enterprise}} trial"),
    (
        "chat_history",
        "anglo",
        "pls snd the contarct to [[PERSON|racheal goldstien]] b4 fri, shes {{COO}} at {{Goldman Sachs}}",
    ),
    # --- names that are also ordinary words, brands or places ---
    (
        "call_notes",
        "anglo",
        "Spoke w/ [[PERSON|Grace Oyelaran]] - they {{hope}} to sign before {{Friday}}. The {{grace period}} on the {{Starter tier}} ends {{March 31}} and she wants {{10%}} off.",
    ),
    (
        "slack",
        "anglo",
        "@channel [[PERSON|Faith]] from {{Morgan Stanley}} wants the {{Q3 pipeline}} deck before the {{2pm}} call. {{keep the faith}} ppl",
    ),
    (
        "call_notes",
        "anglo",
        "[[PERSON|Rose]] re-ordered 12 {{rose gold}} cases ({{SKU-44817}}), ship to [[ADDRESS|1408 Larkspur Lane, Apt 2C, Tucson, AZ 85716]] before {{Nov 18}}",
    ),
    (
        "lead_summary",
        "anglo",
        "Lead: distributor for {{Jordan}} and {{Egypt}}, contact [[PERSON|Jordan Achterberg]] ({{VP Operations}}). Budget {{$42,000}}, decision {{next Tuesday}}. Best reached at [[EMAIL|j.achterberg@quillfield.io]] or [[PHONE|(415) 555-0187]].",
    ),
    (
        "email_draft",
        "anglo",
        "Subject: {{Paris}} expo follow-up\n\nHi [[PERSON|Paris]],\n\nGreat meeting you at the booth! As promised, the {{Enterprise}} pricing is attached ({{€18,400}}/yr). We're at the {{Hilton}} until {{Wednesday}} if you want to grab coffee.\n\nBest,\n[[PERSON|Tom Ferreira-Lund]]",
    ),
    (
        "chat_history",
        "anglo",
        "user: is the {{Chase}} card on file [[PERSON|Chase Monroe]]'s or his wife's?\nassistant: The card ending in {{4417}} is registered to the account holder.",
    ),
    (
        "call_notes",
        "anglo",
        "Fleet deal: 3 {{Mercedes}} {{Sprinter}} vans for [[PERSON|Mercedes Ibarra-Soto]]'s team, {{15%}} off list, delivery in {{June}}.",
    ),
    (
        "whatsapp_export",
        "south_asian",
        "[14/03/2025, 09:02] [[PERSON|Sunny Baskaran]]: {{sunny}} and 41 degrees in {{Dubai}} lol\n[14/03/2025, 09:03] [[PERSON|Sunny Baskaran]]: send the {{Growth plan}} quote to [[EMAIL|sunny.b@tidemark.ae]] pls",
    ),
    (
        "slack",
        "anglo",
        "[[PERSON|jasmine]] can u reorder the {{jasmine hand soap}} ({{SKU-20931}}) for the {{Abu Dhabi}} office, [[PERSON|kareem]] says we're out",
    ),
    (
        "call_notes",
        "anglo",
        "Left vm for [[PERSON|Will O'Neill]], {{will}} try again {{Thursday}} am. Direct line [[PHONE|+1 (617) 555-0142]] ext. 214, cell [[PHONE|617.555.0199]].",
    ),
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Bill]],\nthe {{bill}} for {{INV-2025-0388}} ({{$3,120.00}}) has been open since {{May 2}}. Could you ask [[PERSON|April Okafor]] in AP to look at it? Next cycle closes {{April 30}}.",
    ),
    (
        "call_notes",
        "anglo",
        "[[PERSON|June Halvorsen]] moved the renewal call to {{June 12}}. {{To be frank}}, [[PERSON|Frank]] on their side is blocking the {{Platinum}} upsell.",
    ),
    (
        "lead_summary",
        "anglo",
        "Migrating from {{Sage}} to us: [[PERSON|Sage Whitlock]] ({{Finance Director}}) and [[PERSON|Calvin Mbeki-Stone]]. Their shop sells {{Calvin Klein}} and {{Tommy Hilfiger}} lines, {{120}} stores.",
    ),
    # --- companies that contain person names, next to real people ---
    (
        "tool_result",
        "anglo",
        '{"tool": "crm.get_account", "result": {"account": "{{Ben & Jerry\'s}} franchise", "owner": "[[PERSON|Ben Adeyemi-Clarke]]", "stage": "{{Negotiation}}", "amount": {{18500}}, "currency": "{{USD}}"}}',
    ),
    (
        "signature",
        "anglo",
        "Thanks again,\n\n[[PERSON|Dawn McAllister-Reyes]]\n{{Head of Procurement}} | {{Brightwater Supply}} (ex-{{Johnson & Johnson}})\nM: [[PHONE|+44 7700 900418]]\nE: [[EMAIL|dawn.mcr@brightwater-supply.co.uk]]\n[[ADDRESS|Unit 4, 27 Ashby Road, Loughborough LE11 3TU]]",
    ),
    (
        "call_notes",
        "african",
        "Met [[PERSON|J.R. Okonkwo]] and [[PERSON|Chidinma Eze]] from {{Dangote}} procurement. They compared us with {{Procter & Gamble}}'s vendor portal. [[PERSON|Chidinma]]'s cell [[PHONE|+234 803 412 7750]]. Next step {{pilot}} in {{Lagos}}, {{Q2}}.",
    ),
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Hope]],\n\nFollowing up on {{Marks & Spencer}}'s RFP: {{McDonald's}} went with a competitor last year, so we have a shot. We'll demo on {{Dell}} laptops; can [[PERSON|Dell Ashworth]] join {{Tuesday}}'s call?\n\n[[PERSON|Priyanka]]",
    ),
    # --- transliterated, compound, hyphenated names and initials ---
    (
        "email_draft",
        "mixed",
        "Dear Mr. [[PERSON|Moshe Ben-David]],\n\nFollowing our call on {{Sunday}}, I attach the {{Team plan}} quote. [[PERSON|Tzipi]] from your office asked that the signed copy go to [[ADDRESS|12 HaBarzel St., Tel Aviv 6971018]].\n\nKind regards,\n[[PERSON|Yitzhak (Itzik) Shemesh]]\n{{Account Manager}}",
    ),
    (
        "call_notes",
        "arab_gulf",
        "Met [[PERSON|Khaled bin Saeed Al Ketbi]] and his brother [[PERSON|Sultan]] at {{GITEX}}. They run logistics out of {{Jebel Ali}}. Office: [[ADDRESS|Office 1204, Building 7, Dubai Silicon Oasis, Dubai]] ({{Makani 31758 94520}}). Post: [[ADDRESS|P.O. Box 55213, Dubai]].",
    ),
    (
        "call_notes",
        "south_asian",
        "Mtg w/ [[PERSON|Abdul Rehman Siddiqui]] ({{CFO}}, {{Karachi}}) + [[PERSON|A. K. Menon]]. Want {{annual billing}} for {{25 seats}}, GST invoice to [[ADDRESS|Plot 14, Sector 44, Gurugram, Haryana 122003]].",
    ),
    (
        "csv_export",
        "south_asian",
        "name,email,phone,city,plan\n[[PERSON|Priya D'Souza]],[[EMAIL|priya.dsouza@kestrelhr.in]],[[PHONE|+91 98201 44637]],{{Mumbai}},{{Growth}}\n[[PERSON|Rahul Venkataraman]],[[EMAIL|rahul.v@kestrelhr.in]],[[PHONE|+91 99452 10873]],{{Bengaluru}},{{Starter}}\n[[PERSON|Gurpreet Kaur Sandhu]],[[EMAIL|gks@sandhu-exports.com]],[[PHONE|098140 22917]],{{Ludhiana}},{{Enterprise}}",
    ),
    (
        "lead_summary",
        "east_asian",
        "Mr [[PERSON|Ng]] confirmed {{40}} seats on the {{Team plan}}; his deputy [[PERSON|Nguyễn Thị Lan]] will sign. Also cc [[PERSON|Wei-Ling Tan]] <[[EMAIL|weiling.tan@harbourline.sg]]>. Kickoff {{Monday}} {{9:30}} SGT.",
    ),
    (
        "call_notes",
        "european",
        "[[PERSON|Pieter van den Berg]] says invoice {{2025-0412}} was paid from [[IBAN|NL45 INGB 6173 2056 98]]. Update his delivery address to [[ADDRESS|Keizersgracht 482-III, 1017 EG Amsterdam]].",
    ),
    (
        "email_draft",
        "european",
        "Please update billing for [[PERSON|Jürgen Schäfer-Lindqvist]] ({{Managing Director}}): new address [[ADDRESS|Lindenstraße 42, 10969 Berlin]], IBAN [[IBAN|DE80 0249 8798 0227 9026 09]]. Plan stays {{Business Annual}}.",
    ),
    (
        "lead_summary",
        "european",
        "Contacts at {{Iberia Foods}}: [[PERSON|María José García de la Fuente]] ({{Head of IT}}) and [[PERSON|João Pedro dos Santos]]. Office [[ADDRESS|Calle de Serrano 61, 3º izq., 28006 Madrid]]. Refund to [[IBAN|FR27 5354 0456 9480 6223 3992 404]] for the {{Lyon}} subsidiary.",
    ),
    (
        "signature",
        "anglo",
        "--\n[[PERSON|Siobhán Mac Giolla Phádraig]] | {{Customer Success Lead}}\n[[PHONE|+353 1 855 4021]] | [[EMAIL|siobhan.mgp@fernleaf.ie]]\n[[ADDRESS|Unit 9, Sandyford Business Park, Dublin 18, D18 K2W7]]",
    ),
    (
        "email_draft",
        "anglo",
        '<p>Questions? Contact <a href="mailto:[[EMAIL|r.oshaughnessy@fernleaf.ie]]">[[PERSON|Róisín O\'Shaughnessy]]</a>, {{Account Executive}}, or call <a href="tel:[[PHONE|+35318554033]]">[[PHONE|+353 1 855 4033]]</a>. Offer valid until {{31 May 2025}}.</p>',
    ),
    (
        "chat_history",
        "anglo",
        "user: her email is [[EMAIL|tamsin.hale at northquay dot com]], add her to the {{Winter Webinar}} list and the {{EMEA}} newsletter",
    ),
    (
        "lead_summary",
        "anglo",
        "Onboarding packet for contractor [[PERSON|Marcus T. Bellweather]]: SSN [[US_SSN|512-44-9083]], W-9 received {{Jan 6}}. Rate {{$85/hr}}, {{Net 30}}.",
    ),
    (
        "chat_history",
        "anglo",
        "user: updating [[PERSON|dwayne]]'s payroll record, ssn [[US_SSN|287 65 4410]], start date {{2025-04-01}}, title {{Sales Engineer}}",
    ),
    # --- identifiers in unusual formats ---
    (
        "support_ticket",
        "european",
        "Ticket {{#88213}}: [[PERSON|D. Kowalczyk]] can't log in since the {{v4.2.0}} upgrade. Last logins from [[IP_ADDRESS|81.214.6.93]] and [[IP_ADDRESS|2a02:c7f:8e41:3b00::1f]]. Reset link went to <[[EMAIL|dkowalczyk@ferncliff.pl]]>.",
    ),
    (
        "support_ticket",
        "anglo",
        "Customer read the card over the phone for the {{Premium}} upgrade: [[CREDIT_CARD|4908-3742-0160-4919]] exp {{09/27}}. Charge {{$1,250.99}} and delete this note after. Backup card Amex [[CREDIT_CARD|3765 563064 09019]].",
    ),
    (
        "support_ticket",
        "anglo",
        "app crashes on boot after deploy {{3.18.2}}, here's my .env:\n\nNODE_ENV=production\nPORT={{8080}}\nDATABASE_URL=postgres://crm_app:[[SECRET|Xq7!vR2p#4Lm]]@db.internal:5432/crm\nOPENAI_API_KEY=[[SECRET|sk-proj-jLFw3qf0MLKfDBaU5YC2sMOn9RNtnvbKDZRHkhwprWbnfVdr]]\nSTRIPE_SECRET_KEY=[[SECRET|sk_live_V7ihfH3spYUMiQ7TaZuAUrp0]]\nAWS_ACCESS_KEY_ID=[[SECRET|AKIAH322MCTTBZKJBJUL]]\nAWS_SECRET_ACCESS_KEY=[[SECRET|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]]\nLOG_LEVEL=debug",
    ),
    (
        "chat_history",
        "anglo",
        "user: getting 401 from the webhook, request below\n\nPOST /v2/hooks/deal-updated HTTP/1.1\nHost: hooks.acme-crm.io\nAuthorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzU4MjEzIiwicm9sZSI6ImFnZW50IiwiZXhwIjoxNzY3MTM5MjAwfQ.WX0kw2im-O13nt2X0YWUCmedU2WrH3YBCqHRcXbxCju]]\nContent-Type: application/json\n\nassistant: That token expired; create a new one under {{Settings > API}}.",
    ),
    (
        "tool_result",
        "anglo",
        "audit_log:\n2025-03-14T08:12:55Z login ok user={{u_58213}} ip=[[IP_ADDRESS|2a02:6b8:c1f:3304:0:4d1a:9e2:17]] agent=Chrome/{{122.0.6261.94}}\n2025-03-14T08:13:40Z export ok user=u_58213 ip=[[IP_ADDRESS|10.24.7.181]] rows={{1200}}",
    ),
    (
        "slack",
        "anglo",
        "[[PERSON|Marguerite]] pls rotate the github token, it leaked in #dev: [[SECRET|ghp_p7h64OUNuFGLQJBnhcbQFiKRFY4Fz6Fdt8fO]] (and the slack bot one [[SECRET|xoxb-047400133303-8180660812708-xoTd4i7oClTcXOwYCMnpr6NI]]). Release {{v10.4}} is blocked till then.",
    ),
    (
        "tool_result",
        "mixed",
        '{"contact": {"name": "[[PERSON|\\u05e0\\u05d5\\u05e2\\u05d4 \\u05dc\\u05d5\\u05d9]]", "email": "[[EMAIL|noa.levi@shoham-logistics.co.il]]", "city": "{{Haifa}}", "tier": "{{Gold}}"}}',
    ),
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Grace]],\n\nYour {{Autumn}} order ({{Order #40291184}}) ships {{Monday}}. For the refund of {{£7,800}} we have [[IBAN|GB20 BARC 9888 5212 9291 27]] on file; reply if that changed.\n\nCheers,\n[[PERSON|Ewan McIntyre]]",
    ),
    (
        "call_notes",
        "anglo",
        "Delivered the {{demo kit}} to [[ADDRESS|Villa 14, Street 7b, Al Barsha 3, Dubai]]. [[PERSON|Sunil]] signed for it. His wife [[PERSON|Faith D'Costa]] handles {{Chase}} payments.",
    ),
    (
        "csv_export",
        "anglo",
        "id,contact,card,amount,date\n{{10442}},[[PERSON|Lena Marsh]],[[CREDIT_CARD|5123 7850 3596 2932]],{{149.00}},{{2025-02-11}}\n{{10443}},[[PERSON|Omar Farouk]],[[CREDIT_CARD|6011-7254-2995-5525]],{{89.50}},{{2025-02-12}}",
    ),
    (
        "chat_history",
        "arabizi",
        "user: ya [[PERSON|3abeer]] ib3atili el quote 3al email [[EMAIL|abeer.k@cedarline.com.lb]] w ana bkalem [[PERSON|mo7ammad]] {{bukra}}",
    ),
    (
        "call_notes",
        "anglo",
        "HR note: [[PERSON|Tyrone Abernathy-Kwan]] gave his SSN as [[US_SSN|601-38-2275]] for the background check ({{order BC-77120}}), results expected {{Wednesday}}.",
    ),
    (
        "tool_result",
        "anglo",
        '{"employee": {"first": "[[PERSON|Summer]]", "last": "[[PERSON|Quaye-Whitford]]", "ssn": "[[US_SSN|421558032]]", "dept": "{{Inside Sales}}", "quota": {{250000}}}}',
    ),
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Summer]],\n\nOur {{summer}} promo gives {{20%}} off the {{Growth plan}} until {{August 31}}. Want me to hold a slot with [[PERSON|Autumn Reyes-Nakamura]] for {{Thursday}}?\n\n[[PERSON|Ike]]",
    ),
    (
        "chat_history",
        "anglo",
        "{{Hope}} the {{Jordan}} shipment clears customs by {{Friday}}; {{Chase}} flagged the wire and {{Mercedes-Benz Financial}} wants the {{Q1}} report. {{Grace}} period ends {{May 15}}.",
    ),
    # --- Hebrew: short commands with prefix letters, names that are words ---
    ("chat_history", "hebrew", "תתקשר ל[[PERSON|נועה]] מחר בבוקר"),
    ("chat_history", "hebrew", "[[PERSON|ברק]] ביקש הצעת מחיר ל{{חבילת Pro}} עד {{יום חמישי}}"),
    ("chat_history", "hebrew", "שלח ל[[PERSON|אלי]] את המצגת של {{Q3}}"),
    ("chat_history", "hebrew", "מי זה [[PERSON|יהונתן רוזנבלום]]?"),
    ("chat_history", "hebrew", "[[PERSON|עומר]] ביטל את הפגישה, תקבע לו מחדש ל{{יום ראשון}}"),
    (
        "chat_history",
        "hebrew",
        "תזכורת: להחזיר ל[[PERSON|צחי]] ול[[PERSON|קובי]] לגבי {{ההנחה של 12%}}",
    ),
    (
        "call_notes",
        "hebrew",
        "בגלל ה{{ברק}} אתמול השרת נפל, ו[[PERSON|ברק אלמוג]] מהלקוח מבקש זיכוי של {{15%}} על חודש {{מרץ}}.",
    ),
    (
        "call_notes",
        "hebrew",
        'בכנס קראו {{שירה}} של ביאליק. דיברתי שם עם [[PERSON|שירה]] מ{{אחים כהן בע"מ}}, היא {{סמנכ"לית רכש}} ורוצה דמו ב{{יום ראשון}}.',
    ),
    (
        "call_notes",
        "hebrew",
        "קיבלנו {{אור ירוק}} מההנהלה. [[PERSON|אור]] מהכספים יחזור אלינו {{בשבוע הבא}} עם הזמנת רכש.",
    ),
    (
        "call_notes",
        "hebrew",
        "המשלוח ל{{ירדן}} מתעכב במעבר {{אלנבי}}. [[PERSON|ירדן]] מהלוגיסטיקה מטפלת ומבקשת לעדכן את [[PERSON|יוסי כהן]] עד {{15:00}}.",
    ),
    ("slack", "hebrew", "{{חן חן}} [[PERSON|חן]] על העזרה, ה{{דמו}} אצל {{שטראוס}} עבר מעולה"),
    (
        "lead_summary",
        "hebrew",
        "ה{{גיל}} הממוצע של המשתמשים אצלם {{34}}. איש קשר: [[PERSON|גיל נחמיאס]], {{מנהל מוצר}}. המשרד ב{{הדר יוסף}}, והבעלים [[PERSON|הדר]] רוצה פגישה {{בשבוע הבא}}.",
    ),
    (
        "call_notes",
        "hebrew",
        "ב{{אביב}} נשיק את {{גרסה 5.2}}. [[PERSON|אביב]] מ{{Wix}} ביקש גישה מוקדמת, המייל שלו [[EMAIL|aviv.s@wix-partners.co.il]].",
    ),
    (
        "call_notes",
        "hebrew",
        "[[PERSON|ורד]] הזמינה {{זר ורדים}} ללקוח אחרי החתימה, תקצוב {{₪350}} מתקציב {{שיווק}}.",
    ),
    (
        "chat_history",
        "hebrew",
        "[[PERSON|שקד]] שואלת אם ה{{חלב שקדים}} במטבחון נכלל בהזמנה {{558121}}",
    ),
    # --- Hebrew: companies that contain person names ---
    (
        "lead_summary",
        "hebrew",
        "ליד: [[PERSON|משה בן-דוד]], {{מנהל סניף}} ב{{רמי לוי}} {{מודיעין}}. ת.ז. [[IL_ID|03456781-8]], נייד [[PHONE|052 - 714 - 3390]]. מעוניין ב{{חבילת Business}}.",
    ),
    (
        "email_draft",
        "hebrew",
        "שלום [[PERSON|יעל]],\nהחוזה החתום יישלח ל[[ADDRESS|רחוב הרצל 118 דירה 7, רחובות]] עד {{יום שלישי}}. את העותק הדיגיטלי שלחי בבקשה ל-[[EMAIL|yael.shamir@galil-tech.co.il]].\nבברכה,\n[[PERSON|רונן אזולאי]]\n{{מנהל לקוחות}}",
    ),
    (
        "signature",
        "hebrew",
        "בברכה,\nד\"ר [[PERSON|ענבל קורן-שגיא]]\n{{מנהלת מחלקת IT}} | {{מכבי שירותי בריאות}}\nטל': [[PHONE|03-6091234]] שלוחה 112 | נייד: [[PHONE|054-8812047]]\n[[ADDRESS|שד' רוטשילד 45, קומה 3, תל אביב-יפו 6578403]]",
    ),
    (
        "support_ticket",
        "hebrew",
        "הלקוח מבקש לשלוח את הכרטיסים ל[[ADDRESS|ת.ד. 4417, חיפה 3104301]] ולא לכתובת שבמערכת. מספר פנייה {{#30218}}, נפתחה ב-{{12.03.2025}}.",
    ),
    (
        "call_notes",
        "hebrew",
        '[[PERSON|מוחמד אבו-ריא]] מ{{סכנין}} רוצה להעביר את החשבון לשם של אחיו. צריך צילום ת"ז: [[IL_ID|31188402-7]]. טלפון בבית [[PHONE|04-6742215]].',
    ),
    (
        "email_draft",
        "hebrew",
        "[[PERSON|דורית]], פרטי ההעברה לתשלום {{חשבונית 2025-118}}: IBAN [[IBAN|IL79 0105 2600 0001 8159 083]] על שם [[PERSON|דורית אלון]]. סכום: {{₪12,400}}, עד {{סוף החודש}}.",
    ),
    (
        "chat_history",
        "hebrew",
        "user: הסיסמה שלי לפורטל היא [[SECRET|Shaked!2024x]] ואני לא מצליח להיכנס, אפשר לאפס?\nassistant: אל תשלח סיסמאות בצ'אט. איפסתי את הגישה והקישור נשלח למייל הרשום.",
    ),
    (
        "support_ticket",
        "hebrew",
        "הסיסמא הזמנית שנתתי ל[[PERSON|ליאת]] בטלפון: [[SECRET|kf93ja#L]] , שתחליף אחרי הכניסה הראשונה. ה-API key של הסביבה: [[SECRET|sk-PTBhjQUXfcSU4jdQhxNp1jmrlVHNL8Nng9PW9myl5Bmt9CWl]]",
    ),
    (
        "support_ticket",
        "hebrew",
        "הלקוחה הקריאה בטלפון כרטיס אשראי [[CREDIT_CARD|5264 7892 6388 8511]] תוקף {{11/26}} לחידוש {{המנוי השנתי}}. לחייב {{₪4,680}} ב-{{3 תשלומים}}.",
    ),
    (
        "json_record",
        "hebrew",
        '{"שם": "[[PERSON|נועה ברקוביץ]]", "טלפון": "[[PHONE|050-2219874]]", "עיר": "{{באר שבע}}", "תפקיד": "{{מנהלת תפעול}}", "סטטוס": "{{ליד חם}}"}',
    ),
    (
        "csv_export",
        "hebrew",
        "שם,ת.ז.,טלפון,כתובת\n[[PERSON|אליהו (אלי) פרץ]],[[IL_ID|058733122]],[[PHONE|972528810344]],[[ADDRESS|שדרות בן גוריון 7 דירה 12 קריית מוצקין]]\n[[PERSON|תמר שושני]],[[IL_ID|204569313]],[[PHONE|077-4408821]],[[ADDRESS|הנביאים 12/3 ירושלים]]",
    ),
    (
        "email_draft",
        "hebrew",
        "ב-{{יום ב'}}, {{3 במרץ}} 2025, [[PERSON|ליאת מזרחי]] <[[EMAIL|liat@mizrahi-adv.co.il]]> כתבה:\n> היי, אפשר לקבל את {{הצעת המחיר}} מעודכנת? [[PERSON|גלעד]] אישר {{20 רישיונות}}.",
    ),
    (
        "tool_result",
        "hebrew",
        "תוצאת חיפוש במערכת: נמצא איש קשר [[PERSON|ג'ניפר או'קונל]], {{מנהלת שיווק}} ב{{בנק הפועלים}}. כניסה אחרונה מ-[[IP_ADDRESS|212.179.14.201]] ב-{{10:42}}.",
    ),
    (
        "whatsapp_export",
        "hebrew",
        "[12.03.2025, 10:14] [[PERSON|אבי טננבאום]]: הי, אפשר את החשבונית של {{הזמנה 558120}}?\n[12.03.2025, 10:16] [[PERSON|מיכל ש.]]: בטח, שולחת ל[[EMAIL|avi.t@tenenbaum-law.co.il]]\n[12.03.2025, 10:17] [[PERSON|אבי טננבאום]]: תודה! ותעדכני את הכתובת ל[[ADDRESS|רח' ז'בוטינסקי 33, רמת גן]]",
    ),
    (
        "chat_history",
        "mixed",
        "תזכיר ל[[PERSON|Tzipi]] לשלוח את ה-{{proposal}} ל-Mr. [[PERSON|Goldstein]] לפני ה-{{demo}} ב{{Monday.com}}",
    ),
    (
        "call_notes",
        "hebrew",
        "דיברתי עם [[PERSON|שרית]] מ{{אסם}}. היא עוברת מ{{Salesforce}} ורוצה הדרכה ל-{{8 משתמשים}} ב{{ינואר}}. המייל הפרטי שלה: [[EMAIL|sarit.d.1987@walla.co.il]]",
    ),
    (
        "lead_summary",
        "hebrew",
        "[[PERSON|אלכסנדר (סשה) וולקוב]] - {{סמנכ\"ל טכנולוגיות}}, מעדיף וואטסאפ [[PHONE|+972-54-3308127]]. הערה: עובד מ-{{ת\"א}} ימים {{א'-ג'}}.",
    ),
    (
        "call_notes",
        "hebrew",
        'ב{{ספירת העומר}} אין אירועים אצלם. [[PERSON|הילה]] ביקשה לדחות את ה{{השקה}} ל{{י"ח באייר}}, ולשלוח דוגמאות ל[[ADDRESS|מושב בני דרור, משק 47]].',
    ),
    (
        "chat_history",
        "hebrew",
        "תבדוק למה [[PERSON|דוד]] לא מקבל מיילים, אולי [[EMAIL|david@kfar-saba-plast.co.il]] חסום. הגרסה שלו {{2.7.1}}",
    ),
    (
        "slack",
        "hebrew",
        "@[[PERSON|נטע]] הלקוח מ{{אל על}} שלח תעודת זהות [[IL_ID|098037799]] במקום מספר חברה, תמחקי בבקשה",
    ),
    (
        "support_ticket",
        "hebrew",
        "לקוח מבקש לא לשמור את הכתובת [[ADDRESS|רחוב העצמאות 9, אשדוד]] ואת הטלפון [[PHONE|08-8523190]]. לעדכן ב{{Priority}} ולסגור את {{פנייה 77104}}.",
    ),
    (
        "call_notes",
        "hebrew",
        "[[PERSON|אביגיל]] לא ענתה, השארתי הודעה. לנסות שוב {{אחרי החגים}}, תקציב {{₪80,000}}, החלטה עד {{סוף הרבעון}}.",
    ),
    ("chat_history", "hebrew", "[[PERSON|רוני]]"),
    (
        "call_notes",
        "hebrew",
        "[[PERSON|יובל]] מהשיווק מבקש שב{{חגיגות היובל}} של החברה נחלק {{קופונים של 25%}}. ל[[PERSON|טליה]] יש את הרשימה.",
    ),
    (
        "chat_history",
        "hebrew",
        "תעדכן בכרטיס של [[PERSON|רעות]] את מספר תעודת הזהות [[IL_ID|27654318]] (בלי האפס בהתחלה)",
    ),
    (
        "email_draft",
        "hebrew",
        "[[PERSON|חנה לוינסון]] מבקשת להחליף את ה-IBAN ל-[[IBAN|IL53 0110 1600 0061 3186 091]] ולשלוח קבלה על {{₪2,350}} ל[[EMAIL|hana.lev@gmail.com]]. {{לקוחה VIP}}, {{חידוש בינואר}}.",
    ),
    (
        "slack",
        "hebrew",
        "{{שנה טובה}} לכולם! מחר צפויים {{ברקים}} ו{{גשם}}, עובדים מהבית. ה{{ספרינט}} נסגר {{ביום חמישי}} והגרסה {{4.1}} עולה ב{{יום ראשון}}.",
    ),
    # --- Arabic: commands with attached prefixes, Gulf and Levantine dialect ---
    ("chat_history", "arabic", "ابعت ل[[PERSON|أحمد]] العرض"),
    ("chat_history", "arab_gulf", "كلم [[PERSON|بو راشد]] باجر عن {{الباقة الذهبية}}"),
    ("chat_history", "arab_gulf", "ذكرني أكلم [[PERSON|مطر]] بعد {{صلاة العصر}}"),
    ("chat_history", "arab_gulf", "بسبب {{المطر}} تأجل اجتماع {{الأربعاء}} مع {{دائرة الاقتصاد}}"),
    ("chat_history", "arabic", "مين [[PERSON|بدر الشمري]]؟"),
    (
        "chat_history",
        "levantine",
        "[[PERSON|ريم]] بدها عرض سعر لـ{{٥٠}} مستخدم على {{باقة Pro}}، رقمها [[PHONE|079 552 1934]]",
    ),
    (
        "chat_history",
        "arabic",
        "{{صباح الخير}} [[PERSON|صباح]]، وصلني عرض {{الباقة الفضية}}، متى نقدر نبدأ؟",
    ),
    (
        "call_notes",
        "arab_gulf",
        "اجتماع مع [[PERSON|خالد بن سعيد الكتبي]] من {{مجموعة الفطيم}} يوم {{الأحد}}. يبون {{٢٠}} رخصة من {{الباقة المؤسسية}} وخصم {{١٠٪}}.",
    ),
    (
        "call_notes",
        "arabic",
        "وصلت باقة {{ورد}} للمكتب من [[PERSON|أمل الحمادي]] بمناسبة توقيع العقد. {{عندنا أمل}} نسكر صفقة {{الربع الثاني}} قبل {{رمضان}}.",
    ),
    (
        "call_notes",
        "arabic",
        "{{رمضان كريم}}. اتصل [[PERSON|كريم عبد الفتاح]] بخصوص تجديد الاشتراك، ويطلب فاتورة باسم {{شركة عبد اللطيف جميل}}. المسؤولة عنده [[PERSON|جميلة]].",
    ),
    (
        "whatsapp_export",
        "arabic",
        "[١٤/٣/٢٠٢٥ ١٠:٠٢ ص] [[PERSON|سعيد]]: {{عيد سعيد}} وكل عام وانتم بخير\n[١٤/٣/٢٠٢٥ ١٠:٠٥ ص] [[PERSON|هدى]]: وانت بخير، أرسلت لك {{الفاتورة رقم ٧٧٣١٢}}",
    ),
    (
        "whatsapp_export",
        "arab_gulf",
        "[٢٠٢٥/٣/١٤ ٩:١٥ م] [[PERSON|حمد]]: هذا رقمي الجديد [[PHONE|٠٥٠٤٤٧٢٩١٣]] سجله عندك\n[٢٠٢٥/٣/١٤ ٩:١٦ م] [[PERSON|مريم]]: تمام، وصلتك {{الفاتورة}}؟",
    ),
    (
        "signature",
        "arab_gulf",
        "مع التحية،\n[[PERSON|عبدالرحمن المنصوري]]\n{{مدير المبيعات}} - {{ماجد الفطيم}}\nهاتف: [[PHONE|+971-(0)4-339-2210]]\nمتحرك: [[PHONE|+٩٧١ ٥٥ ٣١٢ ٨٨٠٤]]\n[[ADDRESS|ص.ب 55213، دبي]]",
    ),
    (
        "email_draft",
        "arab_gulf",
        "الأخ [[PERSON|سلطان]] المحترم،\nيرجى توصيل الجهاز إلى [[ADDRESS|فيلا 23، شارع 15، البرشاء 2، دبي]] ({{رقم مكاني 2687391054}}) قبل {{الخميس}}، والتواصل مع [[PERSON|أم سلطان]] عند الوصول.",
    ),
    (
        "lead_summary",
        "arabic",
        "العميلة: [[PERSON|نورة بنت عبدالله القحطاني]]، {{مديرة الموارد البشرية}}. العنوان: [[ADDRESS|طريق الملك فهد، حي العليا، مبنى 4471، الرياض 12214]]. الجوال: [[PHONE|+966 55 481 2290]]. الآيبان: [[IBAN|SA74 9592 1893 3094 3989 2097]]",
    ),
    (
        "support_ticket",
        "arabic",
        "العميل أرسل رقم البطاقة في الدردشة: [[CREDIT_CARD|5590 7681 8979 7704]] وتاريخ الانتهاء {{08/27}}. يرجى حذف الرسالة وإرسال رابط دفع آمن. رقم الطلب {{ORD-660421}}.",
    ),
    (
        "chat_history",
        "arab_gulf",
        "user: كلمة السر حق الحساب [[SECRET|Dxb@2025!q]] بس مو راضي يدخل\nassistant: لا ترسل كلمة السر في المحادثة. أعدت تعيين الدخول وأرسلت رابطًا إلى بريدك.",
    ),
    (
        "chat_history",
        "levantine",
        "الباسوورد تبعي [[SECRET|Noor_8812]] بس ما عم يقبلها النظام، جربت كمان من {{الموبايل}}",
    ),
    (
        "email_draft",
        "arab_gulf",
        "السادة {{بنك الإمارات دبي الوطني}}،\nنرجو تحويل مبلغ {{١٨٬٠٠٠ درهم}} إلى الحساب [[IBAN|AE42 0330 0000 1029 3847 561]] باسم [[PERSON|فاطمة الزعابي]]، مرجع {{INV-2025-2231}}.",
    ),
    (
        "json_record",
        "arabic",
        '{"الاسم": "[[PERSON|ليلى حداد]]", "البريد": "[[EMAIL|layla.haddad@najmco.ae]]", "المدينة": "{{الشارقة}}", "المسمى": "{{مديرة مشتريات}}", "الباقة": "{{Business}}"}',
    ),
    (
        "csv_export",
        "arabic",
        "الاسم,الهاتف,العنوان,المبلغ\n[[PERSON|عبد الله الشمري]],[[PHONE|0551239087]],[[ADDRESS|حي النرجس، شارع 12، الرياض]],{{٤٥٬٠٠٠ ريال}}\n[[PERSON|هيا العتيبي]],[[PHONE|0562014478]],[[ADDRESS|حي الروضة، جدة 23435]],{{١٢٬٥٠٠ ريال}}",
    ),
    (
        "support_ticket",
        "arabic",
        "محاولات دخول مشبوهة لحساب [[PERSON|وليد منصور]] من [[IP_ADDRESS|94.200.17.62]] و[[IP_ADDRESS|fe80::1c3a:9bff:fe4e:21d7]]. تم قفل الحساب مؤقتًا حتى {{الساعة ٦ مساءً}}.",
    ),
    (
        "call_notes",
        "levantine",
        "حكيت مع [[PERSON|رامي خوري]] من {{عمّان}}، بدهم تحويل على [[IBAN|JO46 ARAB 8371 9388 3927 2784 1664 49]] وبدهم الفاتورة قبل {{آخر الشهر}}.",
    ),
    (
        "signature",
        "levantine",
        "[[PERSON|جورج الحاج]]\n{{مدير تطوير الأعمال}}\n[[PHONE|+961 3 418 207]]\n[[ADDRESS|بناية الصفا، الطابق الرابع، شارع الحمرا، بيروت]]",
    ),
    (
        "call_notes",
        "arabic",
        "كلمت الأستاذ [[PERSON|شريف]] في {{القاهرة}}، موافق على {{الباقة السنوية}}. موبايله [[PHONE|0100 234 7781]] والعنوان [[ADDRESS|١٢ شارع جامعة الدول العربية، المهندسين، الجيزة]].",
    ),
    (
        "chat_history",
        "arabic",
        "هذا التوكن اللي يستخدمه [[PERSON|فيصل]] للربط مع {{HubSpot}}: [[SECRET|glpat-8euQ3HJFKT2qVZ2Q9ctt]]، لازم نغيره {{اليوم}}",
    ),
    (
        "email_draft",
        "arabic",
        "من: [[PERSON|منى الصايغ]] <[[EMAIL|mona.alsayegh@khaleejfoods.com]]>\nالموضوع: تجديد {{عقد 2025}}\n\nأتمنى لكم {{عيد فطر سعيد}}. {{نتمنى}} أن نجدد قبل {{١٥ أبريل ٢٠٢٥}}.",
    ),
    (
        "lead_summary",
        "arab_gulf",
        "العميل [[PERSON|ديفيد كولر]] من {{ألمانيا}} يسكن في [[ADDRESS|Villa 9, Al Wasl Road, Umm Suqeim 2, Dubai]]، يحتاج عرض سعر بالإنجليزي لـ{{30 مستخدم}}.",
    ),
    (
        "call_notes",
        "arabic",
        "[[PERSON|أمل]] تقول إن {{الأمل}} كبير في صفقة {{أرامكو}}، والمتابعة مع م. [[PERSON|طارق العمري]] {{الأسبوع القادم}}.",
    ),
    (
        "call_notes",
        "arab_gulf",
        "[[PERSON|أبو فهد]] يبي يدفع بالبطاقة [[CREDIT_CARD|4330-3583-3052-6653]]، المبلغ {{AED 9,450}} عن {{١٢ شهر}}. مكتبه [[ADDRESS|مكتب 803، برج الفتان، دبي مارينا، دبي]].",
    ),
    (
        "chat_history",
        "levantine",
        "[[PERSON|نور]] بدها تعرف إذا {{النور}} رجع بالمكتب لأنو السيرفر طافي، وبعتتلي إيميلها [[EMAIL|nour.azar@beitlahem-tours.ps]]",
    ),
    ("chat_history", "arab_gulf", "وين [[PERSON|شما]]؟ {{الاجتماع}} بدأ وعميل {{أدنوك}} ينتظر"),
    (
        "email_draft",
        "arabic",
        "[[PERSON|فرح يوسف]] طلبت نقل الاشتراك إلى بريدها الجديد <[[EMAIL|farah.y@sahara-digital.com]]> قبل {{بداية الشهر}}، ورقمها الأرضي [[PHONE|+20 2 2735 9146]].",
    ),
    (
        "slack",
        "arab_gulf",
        "{{عيد مبارك}}! {{المكتب}} مغلق حتى {{الأحد}}. {{كل عام وأنتم بخير}}، وعرض {{الباقة الذهبية}} بخصم {{٢٥٪}} مستمر حتى {{نهاية الشهر}}.",
    ),
    # --- Arabizi ---
    (
        "chat_history",
        "arabizi",
        "kalemt [[PERSON|7amad al ka3bi]] 2al badon el {{Enterprise}} plan bas el se3r {{AED 18,000}} ktir 3alayhon",
    ),
    (
        "slack",
        "arabizi",
        "[[PERSON|Khalood]] 3endha meeting ma3 {{Emirates NBD}} {{el 5amees}} el sa3a {{3pm}}, ra2ama [[PHONE|+971 56 772 0913]]",
    ),
    (
        "whatsapp_export",
        "arabizi",
        "[[PERSON|3ali]]: ya 3ammi ba3atli el [[IBAN|AE91 0350 0000 1234 5098 765]] la7 7awel el {{deposit}}\n[[PERSON|Tarek]]: tamam ya [[PERSON|3ali]], {{inshallah}} {{bukra}}",
    ),
    (
        "chat_history",
        "arabizi",
        "call [[PERSON|mo7sen]] ba3d el {{lunch}}, ra2mo [[PHONE|+961 71 204 558]]",
    ),
    (
        "chat_history",
        "arabizi",
        "[[PERSON|lulwa]] ba3atet el password [[SECRET|Lulu#5521]] 3al group, ghayyrouh please",
    ),
    (
        "call_notes",
        "arabizi",
        "7akayt [[PERSON|Rana Abou Jaoude]], bado ysakker el deal {{abel el 3eed}} w ye3mal {{demo}} lal team bi {{Beirut}}",
    ),
]
