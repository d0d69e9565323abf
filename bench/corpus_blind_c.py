# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool C: the formats the CRM's AI features really send (chat turns with tool results,
quoted email threads, forwarded headers, WhatsApp/Slack exports, transcripts, JSON and CSV exports,
lead scores, two-language notes, login/IP lines, deal prompts). Written without reading the detector
or the other corpora. [[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ---- multi-turn chat histories with tool turns -------------------------------------------
    (
        "chat_history",
        "anglo",
        "user: Who owns the {{Brightwater Logistics}} renewal and when did we last talk to them?\n"
        'tool (crm.lookup_deal): { "deal_id": "{{D-20418}}", "stage": "{{Negotiation}}", "owner": { "name": "[[PERSON|Imogen Threlfall]]", "email": "[[EMAIL|i.threlfall@ourteam.io]]" }, "contact": { "name": "[[PERSON|Desmond Okafor-Reilly]]", "mobile": "[[PHONE|+44 7823 405 619]]" }, "last_activity": "{{2026-10-02}}" }\n'
        "assistant: [[PERSON|Imogen]] owns it; the last touch was a call with [[PERSON|Desmond]] on {{2 October}}. Stage is {{Negotiation}}, value {{£48,500}}.\n"
        "user: draft a nudge for {{Monday}}",
    ),
    (
        "chat_history",
        "hebrew",
        "user: תסכם לי את הליד מ{{גוגל}} מהשבוע\n"
        'tool: { "lead": { "full_name": "[[PERSON|אביטל שטרנברג]]", "phone": "[[PHONE|054-7183926]]", "email": "[[EMAIL|avital.s@nofar-tech.co.il]]", "source": "{{Google Ads}}", "score": 82 } }\n'
        "assistant: [[PERSON|אביטל שטרנברג]] השאירה פרטים דרך {{Google Ads}} ביום {{שלישי}}, ציון {{82}}. מתעניינת בחבילת {{Business Plus}} ל-{{15 משתמשים}}.\n"
        "user: תקבע לה שיחה ליום {{חמישי}} ב-{{10:00}}",
    ),
    (
        "chat_history",
        "arabic",
        "المستخدم: ما هي آخر ملاحظة عن العميل في {{أبوظبي}}؟\n"
        'الأداة: { "contact": { "name": "[[PERSON|حمدان سالم الكتبي]]", "mobile": "[[PHONE|+971 50 318 2746]]", "company": "{{مجموعة الريم القابضة}}", "title": "{{مدير المشتريات}}" }, "notes": [ { "date": "{{2026-11-09}}", "text": "طلب عرض سعر لـ {{40 رخصة}}" } ] }\n'
        "المساعد: آخر ملاحظة بتاريخ {{9 نوفمبر}}: السيد [[PERSON|حمدان الكتبي]] طلب عرض سعر لـ {{40 رخصة}}. رقمه [[PHONE|+971 50 318 2746]].\n"
        "المستخدم: جهّز مسودة العرض بقيمة {{AED 62,000}}",
    ),
    (
        "chat_history",
        "european",
        "system: You are the deal assistant for the {{DACH}} team.\n"
        "user: Summarise the call with the Munich prospect\n"
        'tool (calls.get): {"call_id":"{{CL-77120}}","duration_min":34,"participants":["[[PERSON|Ludger Wiesenhöfer]]","[[PERSON|Friederike Albrecht-Nam]]"],"dial":"[[PHONE|+49 151 2384 7710]]","recording":false}\n'
        "assistant: 34-minute call ({{CL-77120}}). [[PERSON|Ludger Wiesenhöfer]] (Einkauf) wants {{SSO}} and an {{EU data residency}} addendum before {{Q1}}; [[PERSON|Friederike]] will circulate the {{DPA}}.",
    ),
    (
        "chat_history",
        "latam",
        "user: qual o telefone do contato da {{Natura}} que pediu demo?\n"
        'tool: {"results":[{"nome":"[[PERSON|Thaís Bittencourt Guimarães]]","celular":"[[PHONE|+55 11 98743-2216]]","cargo":"{{Gerente de Marketing}}","cidade":"{{São Paulo}}"}],"total":1}\n'
        "assistant: É a [[PERSON|Thaís Bittencourt Guimarães]], {{Gerente de Marketing}}: [[PHONE|+55 11 98743-2216]]. Pediu demo do {{Insights Pro}} para {{quarta-feira}}.",
    ),
    (
        "chat_history",
        "east_asian",
        "user: pull the APAC contacts for the {{Tokyo}} roadshow\n"
        'tool: [ { "name": "[[PERSON|Hirokazu Amemiya]]", "tel": "[[PHONE|090-4418-2273]]", "mail": "[[EMAIL|h.amemiya@kitanoseiki.jp]]" }, { "name": "[[PERSON|Seo-yeon Baek]]", "tel": "[[PHONE|+82 10-8821-3390]]", "mail": "[[EMAIL|sy.baek@hanbitsoft.kr]]" }, { "name": "[[PERSON|Trịnh Minh Khoa]]", "tel": "[[PHONE|+84 912 447 318]]", "mail": "[[EMAIL|khoa.tm@songhong-ind.vn]]" } ]\n'
        "assistant: Three contacts found. [[PERSON|Amemiya]]-san confirmed for {{November 28}}; [[PERSON|Seo-yeon]] and [[PERSON|Khoa]] are still pending.",
    ),
    (
        "tool_result",
        "french",
        'tool: {"contact":{"first":"[[PERSON|Ren\\u00e9e]]","last":"[[PERSON|Fourcade-L\\u00e9v\\u00eaque]]","display":"[[PERSON|Ren\\u00e9e Fourcade-L\\u00e9v\\u00eaque]]","email":"[[EMAIL|renee.fourcade@atelier-lumen.fr]]","phone":"[[PHONE|+33 7 81 52 90 36]]","plan":"{{Growth}}","mrr":"{{\\u20ac1,240}}"}}\n'
        "user: write her a thank-you note for upgrading to {{Growth}}",
    ),
    (
        "chat_history",
        "african",
        "user: Any open tickets for the Lagos distributor?\n"
        'tool (support.search): {"tickets":[{"id":"{{TCK-30952}}","status":"{{open}}","requester":"[[PERSON|Chukwuemeka Adebayo-Nwosu]]","callback":"[[PHONE|0803 417 2290]]","subject":"{{Invoice INV-55102 shows wrong VAT}}"}]}\n'
        "assistant: One open ticket, {{TCK-30952}}, from [[PERSON|Chukwuemeka Adebayo-Nwosu]] about {{INV-55102}}. He asked for a callback on [[PHONE|0803 417 2290]] before {{Friday}}.",
    ),
    (
        "chat_history",
        "persian",
        "user: remind me what [[PERSON|Shirin Ghasemzadeh]] said about budget\n"
        "assistant: In the {{October}} call [[PERSON|Shirin]] said the {{2027}} budget is frozen until the board meets; she suggested we email her deputy [[PERSON|Kourosh Nikbakht]] at [[EMAIL|k.nikbakht@pardis-hold.com]].\n"
        "user: ok, and her direct line?\n"
        'tool: {"phones":[{"type":"work","value":"[[PHONE|+971 4 339 8812]]"},{"type":"mobile","value":"[[PHONE|+971 56 771 2093]]"}]}',
    ),
    (
        "chat_history",
        "turkish",
        "user: İstanbul'daki bayi için son teklif neydi?\n"
        'tool: {"quote":"{{Q-2026-0193}}","total":"{{₺1.450.000}}","contact":"[[PERSON|Gülşen Karaağaçlı]]","gsm":"[[PHONE|+90 532 417 8820]]","valid_until":"{{15.12.2026}}"}\n'
        "assistant: Son teklif {{Q-2026-0193}}, toplam {{₺1.450.000}}, [[PERSON|Gülşen Karaağaçlı]] adına, {{15.12.2026}} tarihine kadar geçerli.",
    ),
    # ---- email threads with quoted replies and forwarded headers -----------------------------
    (
        "email_thread",
        "anglo",
        "Hi [[PERSON|Rowan]],\n\nThanks, {{Thursday}} works. I'll bring the {{v3.2}} roadmap.\n\n"
        "On {{Tue, 17 Nov 2026}} at {{09:14}}, [[PERSON|Rowan Achterberg]] <[[EMAIL|rowan@fennick-partners.com]]> wrote:\n"
        "> Could we push the pilot review to {{Thursday}}? [[PERSON|Maeve]] is out on {{Wednesday}}.\n"
        "> My cell is [[PHONE|(617) 384-2291]] if anything changes.\n"
        ">\n> [[PERSON|Rowan Achterberg]] | {{VP Operations}}",
    ),
    (
        "email_thread",
        "israeli",
        "---------- Forwarded message ---------\n"
        "From: [[PERSON|Yehonatan Bar-Lev]] <[[EMAIL|yoni.barlev@galilsystems.co.il]]>\n"
        "Date: {{Sun, 22 Nov 2026 16:02}}\n"
        "Subject: {{Re: Pricing for 200 seats}}\n"
        "To: [[PERSON|Orly Mizrachi]] <[[EMAIL|orly@ourcrm.io]]>\n"
        "Cc: [[EMAIL|finance@galilsystems.co.il]]\n\n"
        "[[PERSON|Orly]], we can sign at {{₪312,000}} if onboarding starts before {{January}}. Call me on [[PHONE|052-864-3107]].",
    ),
    (
        "email_thread",
        "arabic",
        "-------- الرسالة المحولة --------\n"
        "من: [[PERSON|ريم عبد الله الشمري]] <[[EMAIL|reem.alshammari@najd-trading.sa]]>\n"
        "إلى: [[EMAIL|sales-ksa@ourcrm.io]]\n"
        "التاريخ: {{الأحد 15 نوفمبر 2026}}\n"
        "الموضوع: {{طلب تجربة مجانية}}\n\n"
        "السلام عليكم، نرغب بتجربة باقة {{Enterprise}} لمدة {{30 يوماً}}. للتواصل: [[PHONE|+966 55 201 8834]].\n"
        "مع التحية، [[PERSON|ريم الشمري]]",
    ),
    (
        "email_thread",
        "european",
        "Dear Signora [[PERSON|Bellandi]],\n"
        "kindly find the revised quote {{QT-8830}} attached.\n\n"
        "> From: [[PERSON|Ottavia Bellandi]] [mailto:[[EMAIL|o.bellandi@vinicolasantoro.it]]]\n"
        "> Sent: {{Friday, November 13, 2026 11:40 AM}}\n"
        "> To: [[PERSON|Piet van der Molen]]\n"
        "> Subject: {{preventivo CRM}}\n"
        ">\n"
        "> Buongiorno, ci serve anche il modulo {{WhatsApp Inbox}}. Mi chiami pure al [[PHONE|+39 347 218 5530]].",
    ),
    (
        "email_thread",
        "nordic",
        "Re: {{Renewal 2027}}\n\n"
        "[[PERSON|Sigrún]], happy to hold the {{12%}} discount until {{December 4}}.\n\n"
        ">> On {{11/20/2026}}, [[PERSON|Sigrún Hafsteinsdóttir]] wrote:\n"
        ">> We need board approval. [[PERSON|Torbjørn Ellingsæter]] ([[EMAIL|torbjorn.e@nordlysfisk.no]]) signs off.\n"
        ">> Ring [[PERSON|Torbjørn]] at [[PHONE|+47 916 43 208]].\n"
        "> Noted, looping him in.",
    ),
    (
        "email_thread",
        "south_asian",
        "Begin forwarded message:\n\n"
        'From: "[[PERSON|Venkataraman Iyer]]" <[[EMAIL|v.iyer@kaveriagro.in]]>\n'
        "Subject: {{Fwd: PO 4500219873}}\n"
        "Date: {{23 November 2026 at 10:05:31 GMT+5:30}}\n"
        'To: "[[PERSON|Aparna Deshmukh]]" <[[EMAIL|aparna.d@ourcrm.io]]>\n\n'
        "PO {{4500219873}} released for {{₹18,40,000}}. Our accounts contact is [[PERSON|Gurpreet Sandhu]], [[PHONE|+91 98450 21736]].",
    ),
    (
        "email_thread",
        "french",
        "De : [[PERSON|Aurélien Marchetti-Dufour]] <[[EMAIL|aurelien.md@groupe-vauclair.fr]]>\n"
        "Envoyé : {{lundi 16 novembre 2026 08:12}}\n"
        "À : [[EMAIL|support@ourcrm.io]]\n"
        "Objet : {{Facture FA-2026-1187}}\n\n"
        "Bonjour, merci de mettre à jour l'adresse de facturation : [[ADDRESS|14 rue des Tanneurs, 67000 Strasbourg]]. "
        "Portable : [[PHONE|06 72 18 44 93]].",
    ),
    (
        "email_thread",
        "hebrew",
        "בתאריך {{יום ב׳, 23 בנוב׳ 2026}} ב-{{14:31}}, מאת [[PERSON|נועה קליין-אזולאי]] <[[EMAIL|noa.k@shaked-med.co.il]]>:\n"
        "> היי, אפשר לקבל הצעת מחיר עבור {{25 רישיונות}}?\n"
        "> הנייד שלי [[PHONE|050-613-2284]]\n\n"
        "היי [[PERSON|נועה]], מצרף הצעה {{PR-4471}} בסך {{₪18,900}} לשנה. אשמח לדבר ב{{יום רביעי}}.",
    ),
    (
        "email_thread",
        "african",
        "> -----Original Message-----\n"
        "> From: [[PERSON|Akosua Boateng-Mensah]] <[[EMAIL|akosua@volta-agritech.com.gh]]>\n"
        "> Cc: [[PERSON|Kwabena Asante]] <[[EMAIL|kwabena.asante@volta-agritech.com.gh]]>\n"
        "> Subject: {{Onboarding slot}}\n"
        "> Please send the invite to both of us; my WhatsApp is [[PHONE|+233 24 471 8820]].\n\n"
        "Hi [[PERSON|Akosua]], invite sent for {{Tuesday 1 December}}, {{14:00 GMT}}.",
    ),
    # ---- WhatsApp exports ----------------------------------------------------------------------
    (
        "whatsapp_export",
        "hebrew",
        "[{{12/11/2026}}, {{09:41:07}}] [[PERSON|שגיא פרלמוטר]]: בוקר טוב, קיבלתם את החוזה?\n"
        "[{{12/11/2026}}, {{09:43:55}}] {{Sales IL}}: כן, נשלח לחתימה ב{{DocuSign}}\n"
        "[{{12/11/2026}}, {{09:44:20}}] [[PERSON|שגיא פרלמוטר]]: מעולה. תעדכנו גם את [[PERSON|מיכל]] במייל [[EMAIL|michal.h@perlmutter-law.co.il]]\n"
        "[{{12/11/2026}}, {{09:45:02}}] [[PERSON|שגיא פרלמוטר]]: והטלפון שלה [[PHONE|058-7702419]]",
    ),
    (
        "whatsapp_export",
        "arabic",
        "{{11/18/26}}, {{8:02 PM}} - [[PERSON|عمر بن يوسف]]: مساء الخير، متى موعد العرض التجريبي؟\n"
        "{{11/18/26}}, {{8:05 PM}} - [[PERSON|ليلى حداد]]: يوم {{الخميس}} الساعة {{11}} صباحاً بتوقيت {{دبي}}\n"
        "{{11/18/26}}, {{8:06 PM}} - [[PERSON|عمر بن يوسف]]: تمام، أضيفي زميلي [[PERSON|طارق المنصوري]] [[PHONE|055 904 1187]]\n"
        "{{11/18/26}}, {{8:07 PM}} - [[PERSON|ليلى حداد]]: <Media omitted>",
    ),
    (
        "whatsapp_export",
        "south_asian",
        "{{21/11/2026}}, {{19:12}} - [[PERSON|Harpreet Kaur Gill]]: Sir the demo login is not working\n"
        "{{21/11/2026}}, {{19:13}} - [[PERSON|Harpreet Kaur Gill]]: using [[EMAIL|harpreet.gill@sunrisetextiles.in]]\n"
        "{{21/11/2026}}, {{19:20}} - Support: Please try again, reset link sent. Version {{4.11.2}}\n"
        "{{21/11/2026}}, {{19:24}} - [[PERSON|Harpreet Kaur Gill]]: Done thanks. Pls call on [[PHONE|076782 44190]] tmrw for the {{Gold}} plan pricing",
    ),
    (
        "whatsapp_export",
        "maghreb",
        "[{{05/11/2026 10:15}}] [[PERSON|Yassine El Amrani]]: Salam, on peut décaler la démo à {{mardi}} ?\n"
        "[{{05/11/2026 10:17}}] [[PERSON|Nadia Benslimane]]: Oui pas de souci, {{mardi 10h}}\n"
        "[{{05/11/2026 10:18}}] [[PERSON|Yassine El Amrani]]: Parfait. Mon fixe au bureau: [[PHONE|+212 522 47 81 09]]\n"
        "[{{05/11/2026 10:19}}] [[PERSON|Yassine El Amrani]]: Adresse: [[ADDRESS|Résidence Al Boustane, Imm. 4, Apt 12, Bd Zerktouni, Casablanca]]",
    ),
    (
        "whatsapp_export",
        "cyrillic",
        "{{17.11.2026}}, {{14:03}} - [[PERSON|Всеволод Куприянов]]: Добрый день! Пришлите счёт на {{240 000 ₽}}\n"
        "{{17.11.2026}}, {{14:05}} - Менеджер: Счёт {{СЧ-00981}} отправлен\n"
        "{{17.11.2026}}, {{14:09}} - [[PERSON|Всеволод Куприянов]]: Спасибо. Бухгалтер [[PERSON|Ангелина Тарасенко]], тел. [[PHONE|+7 916 482-31-07]]",
    ),
    (
        "whatsapp_export",
        "gulf",
        "[{{22/11/2026, 11:30:14}}] [[PERSON|Faisal Al Nuaimi]]: Bro send me the proposal again\n"
        "[{{22/11/2026, 11:30:40}}] [[PERSON|Faisal Al Nuaimi]]: my new email [[EMAIL|faisal.nuaimi@gulfstar-fm.ae]]\n"
        "[{{22/11/2026, 11:35:02}}] [[PERSON|Karan Malhotra]]: Sent ✅ {{AED 145k}} for {{3 years}}\n"
        "[{{22/11/2026, 11:36:19}}] [[PERSON|Faisal Al Nuaimi]]: ok will discuss with [[PERSON|Mariam]] on {{Sunday}}",
    ),
    # ---- Slack exports -------------------------------------------------------------------------
    (
        "slack_export",
        "anglo",
        "#deals-emea  {{Nov 19th}}\n"
        "[[PERSON|Bartholomew Quaye]]  {{10:02 AM}}\n"
        "heads up: {{Halvorsen Marine}} churn risk, their admin [[PERSON|Ingrid Solheim]] emailed from [[EMAIL|ingrid.solheim@gmail.com]] asking how to export everything\n"
        "[[PERSON|Priya Raghunathan]]  {{10:05 AM}}\n"
        "I'll call her, got [[PHONE|+47 412 77 309]] from the {{HubSpot}} import\n"
        ":eyes: 2",
    ),
    (
        "slack_export",
        "israeli",
        '[{"ts":"{{1732011122.004900}}","user_name":"[[PERSON|Tamar Ben-Haim]]","text":"מישהו דיבר עם [[PERSON|אלון גרינברג]]? הוא לא עונה ב-[[PHONE|053-441-9068]]"},'
        '{"ts":"{{1732011200.005100}}","user_name":"[[PERSON|Eyal Shpigel]]","text":"שלחתי לו מייל ל-[[EMAIL|alon@greenberg-cpa.co.il]] ביום {{ראשון}}, עדיין אין תשובה"}]',
    ),
    (
        "slack_export",
        "mixed",
        "[[PERSON|Mónica Arrieta]] {{3:47 PM}}: @[[PERSON|Duc Anh Vu]] can you check why the {{Zapier}} sync dropped the lead from {{Madrid}}?\n"
        "[[PERSON|Duc Anh Vu]] {{3:52 PM}}: webhook failed with 401, someone pasted the old key `[[SECRET|sk-live-9fQ2mX7tLw4RbZ1kHc8VnE3p]]` in the config\n"
        "[[PERSON|Mónica Arrieta]] {{3:53 PM}}: rotating now, thanks",
    ),
    (
        "slack_export",
        "arabic",
        "[[PERSON|سلمى الزعبي]] {{11:20}}\n"
        "العميل [[PERSON|باسل الخطيب]] من {{عمّان}} يطلب فاتورة باسم الشركة، رقمه [[PHONE|+962 79 514 2267]]\n"
        "[[PERSON|يوسف درويش]] {{11:24}}\n"
        "تم، الفاتورة {{INV-30411}} بمبلغ {{JOD 3,200}}",
    ),
    # ---- meeting transcripts -------------------------------------------------------------------
    (
        "meeting_transcript",
        "anglo",
        "{{00:00:04}} [[PERSON|Cassidy Moreau]]: Thanks for joining. Quick intros?\n"
        "{{00:00:09}} [[PERSON|Ekundayo Fashola]]: Sure, I run procurement at {{Kestrel Foods}}, been there since {{2019}}.\n"
        "{{00:00:21}} [[PERSON|Cassidy Moreau]]: And you're the one signing, [[PERSON|Ekundayo]]?\n"
        "{{00:00:25}} [[PERSON|Ekundayo Fashola]]: With our {{CFO}}, yes. Budget is around {{$90k}} for {{FY27}}.\n"
        "{{00:00:40}} [[PERSON|Cassidy Moreau]]: Great, I'll send the {{SOC 2}} report to [[EMAIL|e.fashola@kestrelfoods.com]].",
    ),
    (
        "meeting_transcript",
        "hebrew",
        "תמלול פגישה – {{סטטוס רבעוני}}\n"
        "[[PERSON|רונית אבוטבול]]: נתחיל מהעסקה של {{אלביט}}, איפה זה עומד?\n"
        "[[PERSON|דוד ליבוביץ]]: מחכים לחתימה, סכום {{₪1.2 מיליון}}, צפי סגירה {{דצמבר}}.\n"
        "[[PERSON|רונית אבוטבול]]: מי איש הקשר שם?\n"
        "[[PERSON|דוד ליבוביץ]]: [[PERSON|גלעד שושני]], הנייד שלו [[PHONE|054-992-0317]].",
    ),
    (
        "meeting_transcript",
        "levant",
        "SPEAKER 1 ([[PERSON|Rami Haddad]]): So the {{Beirut}} branch needs {{12 seats}} from {{January}}.\n"
        "SPEAKER 2 ([[PERSON|Nour Khoury]]): Plus {{Arabic}} UI, right?\n"
        "SPEAKER 1 ([[PERSON|Rami Haddad]]): Yes. Send the contract to our lawyer, Maître [[PERSON|Georges Sfeir]], [[EMAIL|gsfeir@sfeirlaw.com.lb]].",
    ),
    (
        "meeting_transcript",
        "arabic",
        "محضر اجتماع {{المبيعات الأسبوعي}} – {{الاثنين}}\n"
        "[[PERSON|خالد العتيبي]]: عندنا عرض لشركة {{أرامكو}}؟\n"
        "[[PERSON|منى الفارس]]: لا، هذا عرض لمكتب هندسي صغير، المسؤول [[PERSON|فهد بن ناصر القحطاني]].\n"
        "[[PERSON|خالد العتيبي]]: أرسلي له الإيميل على [[EMAIL|fahad.q@qahtani-eng.sa]] اليوم.",
    ),
    (
        "meeting_transcript",
        "european",
        "Zoom transcript — {{Kick-off}} {{Wed 25 Nov}}\n"
        "[[PERSON|Małgorzata Wiśniewska]] (host): Good morning from {{Warsaw}}.\n"
        "[[PERSON|Jannes de Groot]]: Morning. I've shared the import file, 4,200 rows.\n"
        "[[PERSON|Małgorzata Wiśniewska]]: Perfect. [[PERSON|Jannes]], whose number should go on the escalation sheet?\n"
        "[[PERSON|Jannes de Groot]]: Mine: [[PHONE|+31 6 4172 9038]].",
    ),
    # ---- CRM JSON exports (nested objects, arrays) ----------------------------------------------
    (
        "crm_json",
        "israeli",
        '{ "export": "{{contacts_2026-11-24}}", "records": [ { "id": 88123, "name": { "first": "[[PERSON|Hadas]]", "last": "[[PERSON|Tzafrir]]" }, "emails": [ "[[EMAIL|hadas.tzafrir@arbel-group.co.il]]", "[[EMAIL|htz1985@walla.co.il]]" ], "phones": [ { "label": "mobile", "number": "[[PHONE|+972-57-318-4402]]" } ], "id_number": "[[IL_ID|429239916]]", "tags": [ "{{VIP}}", "{{Q4-push}}" ] } ] }',
    ),
    (
        "crm_json",
        "gulf",
        '{"account":{"name":"{{Al Waha Facilities Management LLC}}","trn":"{{100384729100003}}","billing":{"iban":"[[IBAN|AE080331134400934483971]]","address":"[[ADDRESS|Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]]"},"primary_contact":{"name":"[[PERSON|Sultan Obaid Al Shamsi]]","mobile":"[[PHONE|+971-52-660-4173]]"}},"deals":[{"id":"{{DL-5521}}","amount":"{{AED 410,000}}","close":"{{2027-02-28}}"}]}',
    ),
    (
        "crm_json",
        "european",
        '{\n  "kontakt": {\n    "vorname": "[[PERSON|Jördis]]",\n    "nachname": "[[PERSON|Käßmann-Oyelaran]]",\n    "anschrift": { "strasse": "[[ADDRESS|Lindenstraße 47, 50674 Köln]]" },\n    "telefon": ["[[PHONE|0176 49203318]]", "[[PHONE|0221 9384 1120]]"],\n    "bank": { "iban": "[[IBAN|DE08 3704 0044 2110 0552 72]]" }\n  },\n  "segment": "{{Mittelstand}}",\n  "umsatz": "{{€2,4 Mio.}}"\n}',
    ),
    (
        "crm_json",
        "anglo",
        '[ { "lead_id": "{{L-99172}}", "owner": "[[PERSON|Tobias Wren]]", "contact": { "name": "[[PERSON|Marisol Vanterpool]]", "ssn": "[[US_SSN|412-58-3376]]", "home": "[[ADDRESS|2219 Larkspur Ct, Apt 4B, Boise, ID 83702]]", "phone": "[[PHONE|(208) 731-6640]]" }, "product": "{{Payroll Connect}}", "stage": "{{Qualified}}" } ]',
    ),
    (
        "crm_json",
        "hebrew",
        '{ "איש_קשר": { "שם": "[[PERSON|מרדכי אלמוג]]", "כינוי": "[[PERSON|מוטי]]", "כתובת": "[[ADDRESS|רחוב הנביאים 22, דירה 7, ירושלים]]", "נייד": "[[PHONE|052-7719034]]", "ת.ז.": "[[IL_ID|037660644]]" }, "עסקה": { "סכום": "{{₪84,500}}", "שלב": "{{הצעת מחיר}}", "מוצר": "{{CRM Pro}}" } }',
    ),
    (
        "crm_json",
        "african",
        '{"contacts":[{"full_name":"[[PERSON|Wanjiru Kamau-Otieno]]","phone":"[[PHONE|+254 722 418 903]]","city":"{{Nairobi}}"},{"full_name":"[[PERSON|Tesfaye Gebremedhin]]","phone":"[[PHONE|+251 911 62 4417]]","city":"{{Addis Ababa}}"},{"full_name":"[[PERSON|Lindiwe Dlamini]]","phone":"[[PHONE|082 613 4490]]","city":"{{Johannesburg}}"}],"campaign":"{{Africa Expansion Q1}}"}',
    ),
    (
        "crm_json",
        "east_asian",
        '{"客户": {"姓名": "[[PERSON|欧阳晓峰]]", "手机": "[[PHONE|138 1047 2298]]", "邮箱": "[[EMAIL|ouyang.xf@hengtai-elec.cn]]"}, "english_name": "[[PERSON|Xiaofeng Ouyang]]", "region": "{{Greater China}}", "deal_value_usd": "{{$215,000}}"}',
    ),
    (
        "crm_json",
        "hebrew",
        '{"result":{"name":"[[PERSON|\\u05e8\\u05d5\\u05ea\\u05dd \\u05e1\\u05d2\\u05dc]]","email":"[[EMAIL|rotem.segal@hadar-ins.co.il]]","city":"{{\\u05d7\\u05d9\\u05e4\\u05d4}}","plan":"{{Starter}}"}}',
    ),
    # ---- CSV exports ---------------------------------------------------------------------------
    (
        "csv_export",
        "mixed",
        "first_name,last_name,email,phone,country,plan,mrr\n"
        "[[PERSON|Oluwaseun]],[[PERSON|Adeyemi]],[[EMAIL|seun.adeyemi@lagoscraft.ng]],[[PHONE|+234 809 552 1187]],{{NG}},{{Starter}},{{$49}}\n"
        "[[PERSON|Anneliese]],[[PERSON|Vogelsang]],[[EMAIL|a.vogelsang@t-online.de]],[[PHONE|+49 160 9182 4473]],{{DE}},{{Growth}},{{$199}}\n"
        "[[PERSON|Mehmet Emin]],[[PERSON|Yıldırım]],[[EMAIL|m.yildirim@egeyazilim.com.tr]],[[PHONE|0532 884 1907]],{{TR}},{{Growth}},{{$199}}\n"
        "[[PERSON|Siobhán]],[[PERSON|Ní Bhriain]],[[EMAIL|siobhan.nibhriain@corrib.ie]],[[PHONE|+353 87 214 6630]],{{IE}},{{Enterprise}},{{$1,450}}",
    ),
    (
        "csv_export",
        "hebrew",
        "שם מלא;טלפון;עיר;סטטוס\n"
        "[[PERSON|אורטל בן שושן]];[[PHONE|054-3318820]];{{באר שבע}};{{ליד חם}}\n"
        "[[PERSON|ישראל יצחקי]];[[PHONE|02-6724411]];{{ירושלים}};{{לקוח}}\n"
        "[[PERSON|סהר דהן]];[[PHONE|+972 50 441 7726]];{{אשדוד}};{{ליד קר}}",
    ),
    (
        "csv_export",
        "arabic",
        "الاسم,الجوال,البريد,المدينة\n"
        '"[[PERSON|عائشة محمد الظاهري]]","[[PHONE|0501 827 364]]","[[EMAIL|aisha.dhaheri@emiratesbuild.ae]]","{{العين}}"\n'
        '"[[PERSON|سيف راشد الزعابي]]","[[PHONE|+971 2 447 1930]]","[[EMAIL|saif.z@zaabi-group.ae]]","{{أبوظبي}}"',
    ),
    (
        "csv_export",
        "anglo",
        "Invoice,Customer,Card,Amount,Date\n"
        "{{INV-71203}},[[PERSON|Gwendolyn Ashcroft]],[[CREDIT_CARD|4182 6618 2591 5730]],{{$2,340.00}},{{2026-11-02}}\n"
        "{{INV-71204}},[[PERSON|Ezekiel Brathwaite]],[[CREDIT_CARD|5140-0360-7993-2897]],{{$880.00}},{{2026-11-03}}\n"
        "{{INV-71205}},[[PERSON|Lucinda Pemberton-Hale]],[[CREDIT_CARD|370492105637749]],{{$12,000.00}},{{2026-11-05}}",
    ),
    (
        "csv_export",
        "latam",
        "nombre\tteléfono\tempresa\tetapa\n"
        "[[PERSON|Ximena Zavala Orozco]]\t[[PHONE|+52 55 1934 2287]]\t{{Grupo Tlaloc}}\t{{Propuesta}}\n"
        "[[PERSON|Rodrigo Echeverría]]\t[[PHONE|+56 9 8421 7735]]\t{{Viña Los Robles}}\t{{Cerrado ganado}}\n"
        "[[PERSON|Valentina Ospina]]\t[[PHONE|+57 310 448 2219]]\t{{Café Montaña}}\t{{Demo}}",
    ),
    (
        "csv_export",
        "south_asian",
        "Name|Mobile|Email|Lead Score\n"
        "[[PERSON|Mohammed Rafiq Chowdhury]]|[[PHONE|+880 1711-452093]]|[[EMAIL|rafiq.c@dhakaknit.com.bd]]|{{71/100}}\n"
        "[[PERSON|Sanjana Wickramasinghe]]|[[PHONE|+94 77 318 4420]]|[[EMAIL|sanjana.w@lankatea.lk]]|{{64/100}}\n"
        "[[PERSON|Farhan Qureshi]]|[[PHONE|0300 8841277]]|[[EMAIL|farhan.qureshi@indusmills.pk]]|{{88/100}}",
    ),
    # ---- lead-scoring summaries ----------------------------------------------------------------
    (
        "lead_summary",
        "anglo",
        "Lead score: {{87/100}} (↑ {{12}} since {{last week}})\n"
        "Contact: [[PERSON|Winifred Osei-Bonsu]], {{Head of Sales}} at {{Cobalt Ridge}}\n"
        "Signals: opened 6 emails, visited /pricing 3x, attended the {{Product Hunt}} webinar\n"
        "Reach: [[EMAIL|winnie.ob@cobaltridge.com]] / [[PHONE|+44 7946 118 203]]\n"
        "Recommended next step: book a demo of {{Forecast AI}} before {{December 10}}",
    ),
    (
        "lead_summary",
        "hebrew",
        "סיכום ליד: [[PERSON|יעל רוזנטל-עמר]] ({{מנהלת שיווק}}, {{סטודיו אורן}})\n"
        "ציון: {{74}} | מקור: {{פייסבוק}} | תקציב: {{₪5,000 לחודש}}\n"
        "נייד [[PHONE|053-2209174]], מייל [[EMAIL|yael.ra@oren-studio.co.il]]\n"
        "המלצה: לשלוח מצגת ולתאם פגישה ב{{תל אביב}}",
    ),
    (
        "lead_summary",
        "arabic",
        "ملخص العميل المحتمل\n"
        "الاسم: [[PERSON|نورة بنت سعد الدوسري]]\n"
        "المنصب: {{مديرة الموارد البشرية}}\n"
        "درجة التأهيل: {{68%}}\n"
        "الهاتف: [[PHONE|٠٥٥٣٢١٤٧٨٩]]\n"
        "الملاحظة: مهتمة بباقة {{Pro}} وتريد عرضاً قبل {{نهاية ديسمبر}}",
    ),
    (
        "lead_summary",
        "cyrillic",
        "Оценка лида: {{92}}. [[PERSON|Богдана Ковальчук]] ({{директор по продажам}}, {{Київ}}) — готова к пилоту на {{50 пользователей}}. "
        "Моб.: [[PHONE|+380 67 219 4488]], почта [[EMAIL|b.kovalchuk@dniprosoft.ua]]. Риск: конкурент {{Pipedrive}}.",
    ),
    (
        "lead_summary",
        "persian",
        "Lead #{{4417}} — [[PERSON|Darius Farahani]], {{CTO}} at {{Zagros Analytics}} ({{Toronto}}). Score {{59}}: strong fit, weak intent. "
        "Cousin referral via [[PERSON|Parisa Farahani-Moghadam]]. Best reached {{evenings}} at [[PHONE|+1 416 902 3318]].",
    ),
    (
        "lead_summary",
        "east_asian",
        "AI summary: [[PERSON|Nguyễn Thị Thanh Hương]] ({{Procurement Lead}}, {{Saigon Fresh}}) scored {{80}}. Spoke {{Thursday}} with [[PERSON|Kenji Matsumura]] from our {{Singapore}} team. "
        "Follow-up to [[EMAIL|huong.ntt@saigonfresh.vn]].",
    ),
    # ---- notes mixing two languages -----------------------------------------------------------
    (
        "call_notes",
        "israeli",
        "Call w/ [[PERSON|עידו וקנין]] ({{CTO}}) – הוא רוצה {{SSO}} עם {{Okta}} לפני ה-go-live ב{{ינואר}}. "
        "Budget approved, {{₪96K}}. Follow up with his PA [[PERSON|Shani Levkovitz]] [[PHONE|03-6129874 ext. 214]].",
    ),
    (
        "call_notes",
        "arabic",
        "Met [[PERSON|أحمد الحمادي]] at the {{GITEX}} booth. قال إن الشركة تبحث عن بديل لـ {{Zoho}} قبل {{مارس}}. "
        "Wants pricing in {{AED}}; WhatsApp [[PHONE|+971 58 209 3346]]. His colleague [[PERSON|Layla Al Suwaidi]] handles IT.",
    ),
    (
        "call_notes",
        "levant",
        "Notes (EN/AR): [[PERSON|Ziad Abu-Ghazaleh]] – {{Ramallah}} reseller. يريد خصم {{15%}} على {{50 رخصة}}. "
        "Sent deck to [[EMAIL|ziad@abughazaleh-it.ps]]. Call back {{Sunday}} on [[PHONE|+970 599 318 204]].",
    ),
    (
        "call_notes",
        "hebrew",
        "שיחה עם [[PERSON|Natalia Kovalenko]] מ{{מגדל ביטוח}}: she prefers English. "
        "ביקשה דמו של {{מודול התחזיות}} ביום {{ראשון}} הקרוב, טלפון [[PHONE|+972 54 612 8830]]. להעביר ל[[PERSON|Dror]].",
    ),
    (
        "call_notes",
        "cyrillic",
        "Звонок: [[PERSON|Ефим Шапиро]] (репатриант, говорит на иврите и русском). Интересуется тарифом {{Team}}, "
        "{{₪450}} в месяц. נייד: [[PHONE|055-661-2047]]. Перезвонить в {{среду}}.",
    ),
    (
        "call_notes",
        "maghreb",
        "RDV avec [[PERSON|Karim Boudiaf]] (Alger). يريد نسخة {{français/arabe}} من الواجهة. "
        "Devis {{DV-2026-311}} à envoyer à [[EMAIL|k.boudiaf@sonatel-dz.com]] avant {{vendredi}}. Tél: [[PHONE|+213 661 48 27 90]].",
    ),
    # ---- IP-location / login lines ---------------------------------------------------------------
    (
        "security_log",
        "israeli",
        "Login from [[IP_ADDRESS|85.130.214.77]], {{Tel Aviv}}, {{IL}} – user [[EMAIL|gal.oshri@ourcrm.io]] – {{Chrome 131}} on {{macOS}}\n"
        "Login from [[IP_ADDRESS|2a02:6680:1104:3b2::1f]], {{Netanya}}, {{IL}} – user [[EMAIL|gal.oshri@ourcrm.io]] – {{iOS app 8.3.0}}",
    ),
    (
        "security_log",
        "gulf",
        "⚠ Unusual sign-in for [[PERSON|Hessa Al Marri]] ([[EMAIL|hessa.almarri@qatarlink.qa]]): IP [[IP_ADDRESS|37.211.48.190]] ({{Doha}}, {{QA}}) "
        "then [[IP_ADDRESS|185.220.101.34]] ({{Frankfurt}}, {{DE}}) within {{8 minutes}}. Session {{s_8841af}} revoked.",
    ),
    (
        "security_log",
        "anglo",
        '{{2026-11-24T07:31:02Z}} auth.success uid={{u_2291}} ip=[[IP_ADDRESS|73.162.45.208]] geo="{{Denver, CO, US}}"\n'
        "{{2026-11-24T07:31:40Z}} auth.mfa uid={{u_2291}} phone=[[PHONE|+1 720 418 6637]]\n"
        "{{2026-11-24T09:02:11Z}} api.key.created uid={{u_2291}} key=[[SECRET|ghp_4Kq9XzT2vLm8RnB7wYc1DfH6sJp0aE3uGiV5]]",
    ),
    (
        "security_log",
        "arabic",
        "تسجيل دخول جديد إلى حساب [[PERSON|ماجد الشحي]] من العنوان [[IP_ADDRESS|94.200.17.62]] ({{دبي}}، {{الإمارات}}) عبر {{Safari}} يوم {{الثلاثاء}} الساعة {{23:14}}.",
    ),
    (
        "security_log",
        "hebrew",
        "התחברות חדשה: [[PERSON|ליאור חדד]], כתובת IP [[IP_ADDRESS|109.67.143.5]], {{חיפה}}, {{ישראל}}, דפדפן {{Firefox 132}}. אם זה לא אתה, פנה ל-{{IT}}.",
    ),
    (
        "security_log",
        "european",
        "Failed logins (5) for [[EMAIL|p.lindqvist@skargard-bygg.se]] from [[IP_ADDRESS|2001:67c:2e8:22::c100:68b]] ({{Stockholm}}, {{SE}}). Account {{locked}} per policy {{SEC-14}}.",
    ),
    # ---- deal-insight prompts --------------------------------------------------------------------
    (
        "deal_insight",
        "anglo",
        'Generate insights for deal {{#58213}} "{{Harrowgate Clinics – 300 seats}}": amount {{$186,000}}, expected close {{March 31, 2027}}, '
        "probability {{40%}}. Champion is Dr. [[PERSON|Philippa Nwachukwu]]; economic buyer [[PERSON|Cormac Delahunty]] ({{CFO}}). "
        'Last email from [[PERSON|Cormac]] on {{Nov 12}} said "not this quarter".',
    ),
    (
        "deal_insight",
        "hebrew",
        'תן תובנות על העסקה "{{רשת פארם – הרחבה}}": סכום {{₪640,000}}, תאריך סגירה צפוי {{31.01.2027}}, הסתברות {{65%}}. '
        "איש קשר: [[PERSON|אסף ברקוביץ']], {{סמנכ\"ל תפעול}}. מתחרה: {{Salesforce}}. הפגישה האחרונה הייתה ב{{יום שני}}.",
    ),
    (
        "deal_insight",
        "arabic",
        "حلل فرصة البيع {{OPP-7719}}: القيمة {{SAR 2,750,000}}، تاريخ الإغلاق المتوقع {{30 يونيو 2027}}، المرحلة {{التفاوض}}. "
        "صاحب القرار: المهندس [[PERSON|عبد الرحمن الغامدي]]، جواله [[PHONE|0548 371 926]]. المنافس: {{Microsoft Dynamics}}.",
    ),
    (
        "deal_insight",
        "european",
        "Deal {{SO-2026-4410}} ({{€74.300}}, close {{15/01/2027}}): why is it stalling? Contact [[PERSON|Guillermo Sáenz de Heredia]] "
        "hasn't replied since {{October}}; his assistant [[PERSON|Begoña Urkiza]] ([[PHONE|+34 612 47 88 31]]) said he is on leave until {{Monday 30}}.",
    ),
    (
        "deal_insight",
        "south_asian",
        "Forecast check: {{Q4}} pipeline {{₹3.2 Cr}}. Biggest risk is {{Tata Steel}} sub-deal owned by [[PERSON|Lakshmi Narayanan]]; "
        "buyer [[PERSON|Abhijeet Kulkarni]] ([[PHONE|+91-7021-883-415]]) asked for {{Net 60}} terms. Score {{0.62}}.",
    ),
    (
        "deal_insight",
        "greek",
        "Insight request: {{Aegean Ferries}} upsell ({{€38,900}}, {{12 months}}). Contact [[PERSON|Stavroula Papadimitriou-Kostaki]], "
        "[[EMAIL|s.papadimitriou@aegeanferries.gr]], mob: [[PHONE|+30 697 214 5508]]. Decision expected {{after Christmas}}.",
    ),
    # ---- calendar invites, signatures, tickets ---------------------------------------------------
    (
        "calendar_invite",
        "anglo",
        "BEGIN:VEVENT\n"
        "SUMMARY:{{Quarterly Business Review}} – {{Pinecrest Dental}}\n"
        "DTSTART:{{20261203T150000Z}}\n"
        "ORGANIZER;CN=[[PERSON|Harriet Lindgren-Moss]]:mailto:[[EMAIL|harriet.lm@ourcrm.io]]\n"
        "ATTENDEE;CN=[[PERSON|Augustine Ofori]]:mailto:[[EMAIL|aofori@pinecrestdental.com]]\n"
        "LOCATION:[[ADDRESS|1550 Wewatta St, Suite 300, Denver, CO 80202]]\n"
        "END:VEVENT",
    ),
    (
        "calendar_invite",
        "hebrew",
        "הזמנה: {{הדגמת מוצר}} – {{יום רביעי, 2 בדצמבר 2026}}, {{11:00-11:45}}\n"
        "מארגן: [[PERSON|עמרי גולדשטיין]]\n"
        "משתתפים: [[PERSON|הילה נחמיאס]], [[PERSON|ספיר אלקיים]]\n"
        "מיקום: [[ADDRESS|דרך מנחם בגין 132, קומה 24, תל אביב]]\n"
        "קישור: {{Google Meet}}",
    ),
    (
        "calendar_invite",
        "gulf",
        "Invitation: {{Site visit}} @ {{Sun Dec 6, 2026 10am – 12pm (GST)}}\n"
        "Where: [[ADDRESS|Villa 27, Street 14, Al Barsha 2, Dubai]]\n"
        "Who: [[PERSON|Shamma Bin Hammad]] (organizer), [[PERSON|Aditya Venugopal]]\n"
        "Notes: bring the {{Smart Gate}} brochure; gate code via [[PHONE|+971 54 728 1095]].",
    ),
    (
        "signature",
        "anglo",
        "Cheers,\n[[PERSON|Fergus MacAlister]]\n{{Regional Sales Manager}}, {{Scotland & North}}\n"
        "m. [[PHONE|07823 551 906]] | t. [[PHONE|0131 529 4410]]\n"
        "[[ADDRESS|Unit 5, Bonnington Mill, 72 Newhaven Road, Edinburgh EH6 5QG]]",
    ),
    (
        "signature",
        "arabic",
        "مع خالص التحيات،\n[[PERSON|هالة إبراهيم السويدي]]\n{{مديرة تطوير الأعمال}}\n"
        "جوال: [[PHONE|+971 56 204 7718]]\n"
        "العنوان: [[ADDRESS|ص.ب. 48213، أبوظبي]]",
    ),
    (
        "signature",
        "european",
        "Mit freundlichen Grüßen\n[[PERSON|Konstantin Rübsamen]]\n{{Leiter Vertrieb}}\n"
        "Tel.: [[PHONE|+49 (0)30 21987 455]] · Mobil: [[PHONE|0157 3390 1826]]\n"
        "[[ADDRESS|Schönhauser Allee 180, 10119 Berlin]]",
    ),
    (
        "signature",
        "hebrew",
        "בברכה,\n[[PERSON|שלומית אבן-חן]]\n{{מנהלת תיקי לקוחות}} | {{אזור הצפון}}\n"
        "טל׳ [[PHONE|04-8537120]] | נייד [[PHONE|0506 138 447]]\n"
        "[[ADDRESS|שדרות הנשיא 118, חיפה]]",
    ),
    (
        "support_ticket",
        "anglo",
        "Ticket {{#104882}} | Priority {{P2}} | Product {{Mobile App}} {{v5.0.3}}\n"
        "Requester: [[PERSON|Beatrix Okonkwo]] <[[EMAIL|beatrix@okonkwo-design.co.uk]]>\n"
        '"Since the {{Tuesday}} update the app logs me out. Account phone is [[PHONE|+44 20 3318 7742]]."\n'
        "Agent note: asked for screenshot; escalated to {{Tier 2}}.",
    ),
    (
        "support_ticket",
        "arabic",
        "تذكرة رقم {{SUP-66120}}\n"
        "العميل: [[PERSON|محمد الأمين ولد أحمد]]\n"
        "المشكلة: لا تصل رسائل {{SMS}} إلى الرقم [[PHONE|+222 46 71 20 38]]\n"
        "الأولوية: {{عالية}}",
    ),
    (
        "support_ticket",
        "israeli",
        "Zendesk {{#44791}} – [[PERSON|Inbar Shalev-Kaminski]] reports duplicate charges on card ending 4417 for {{INV-90022}} ({{₪1,180}}). "
        "Customer ID in billing: [[IL_ID|950626507]]. Please refund one charge.",
    ),
    # ---- secrets pasted into prompts ---------------------------------------------------------------
    (
        "config_paste",
        "anglo",
        "Why does the {{Salesforce}} sync fail? here's my .env:\n"
        "SF_USER=[[EMAIL|integration@brookfieldhvac.com]]\n"
        "SF_PASSWORD=[[SECRET|Wint3r!Garden#88]]\n"
        "OPENAI_API_KEY=[[SECRET|sk-proj-T7fLr2Qw9ZkM4xNb8VhYc1Ps6DjAe3Ug]]\n"
        "SYNC_INTERVAL={{300}}",
    ),
    (
        "config_paste",
        "european",
        "Connection string from the old {{PostgreSQL 14}} box, can the import tool use it?\n"
        "[[SECRET|postgresql://crm_admin:Fj8#pQz2!vL@db-internal.lindqvist.se:5432/crm_prod]]",
    ),
    (
        "config_paste",
        "mixed",
        "aws config that [[PERSON|Oğuz Tanrıverdi]] sent for the S3 export:\n"
        "aws_access_key_id = [[SECRET|AKIA4Z7QW2MRX9PLT3KD]]\n"
        "aws_secret_access_key = [[SECRET|q8Vz3Lr+T1mWc7Yk0PbN5hXj2Ds9Fa6Ue4Gi/RoQ]]\n"
        "region = {{eu-central-1}}",
    ),
    (
        "chat_history",
        "gulf",
        "user: the webhook returns 403, header is Authorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzQ0MTkiLCJyb2xlIjoic2FsZXMifQ.kT9vQ2xLmZ8rW4yN1bHc7pEs3Ja6Ud0Fg5Oi2Rt]]\n"
        "assistant: A 403 means the token is valid but lacks the {{deals:write}} scope. Ask your admin to regenerate it in {{Settings → API}}.",
    ),
    # ---- payment details ---------------------------------------------------------------------------
    (
        "email_draft",
        "israeli",
        "Draft a payment reminder to [[PERSON|Meirav Dahan-Shtrum]] for {{INV-2026-0714}} ({{₪27,300}}, due {{30 November}}). "
        "Our bank details: [[IBAN|IL69 0108 0048 3289 5935 731]], {{Bank Leumi}}, branch {{800}}.",
    ),
    (
        "email_draft",
        "french",
        "Écris un mail à Mme [[PERSON|Solène Garnier-Bakayoko]] : le prélèvement {{SEPA}} a échoué. "
        "IBAN enregistré : [[IBAN|FR97 3000 4008 2838 2173 7879 708]]. Montant : {{1 890,00 €}}.",
    ),
    (
        "email_draft",
        "anglo",
        "Write to [[PERSON|Percival Adeyinka]] confirming his card [[CREDIT_CARD|6011 8404 5972 4863]] was charged {{$4,120}} for the {{Annual Pro}} plan and the receipt {{RCPT-33801}} is attached. "
        "Send it to [[EMAIL|percy.adeyinka@hollowayfreight.com]].",
    ),
    (
        "email_draft",
        "arabic",
        "اكتب رسالة إلى السيد [[PERSON|وليد الجابري]] لتأكيد استلام التحويل على الحساب [[IBAN|AE47 0265 5580 1961 6697 360]] بقيمة {{AED 58,400}} عن الفاتورة {{INV-4482}}.",
    ),
    (
        "email_draft",
        "european",
        "Please draft a note to [[PERSON|Hester Wigmans]] that her refund of {{€650}} goes to [[IBAN|NL16RABO8502532924]] within {{5 business days}}. Ref: {{CR-1192}}.",
    ),
    (
        "email_draft",
        "gulf",
        "Compose a welcome email for [[PERSON|Abdulaziz Al Saud Al Harbi]] — KSA account, billing IBAN [[IBAN|SA6080540229594358727103]], "
        "mobile [[PHONE|+966 50 447 2918]], plan {{Enterprise}} ({{SAR 9,500/month}}).",
    ),
    (
        "email_draft",
        "turkish",
        "Sayın [[PERSON|Zeynep Akbulut]], {{Aralık}} ayı faturanız ({{FT-2026-1209}}) [[IBAN|TR68 0006 2021 1407 9617 0085 06]] numaralı hesaba ödenebilir. Tutar: {{₺42.800}}.",
    ),
    (
        "email_draft",
        "anglo",
        "Reply to [[PERSON|Sunniva Gallagher]]: we updated the billing address to [[ADDRESS|PO Box 4471, Anchorage, AK 99509]] and the card on file is now [[CREDIT_CARD|4473 0111 6851 9731]]. "
        "Her SSN [[US_SSN|538 24 1907]] should NOT be in the {{CRM}} notes, please remove before the {{December}} audit.",
    ),
    (
        "email_draft",
        "anglo",
        "Draft: Hi [[PERSON|Gideon]], per our call the wire goes to [[IBAN|GB77 NWBK 6016 1336 2989 09]] ({{NatWest}}). {{Purchase order}} {{PO-88-1041}} covers {{Phase 2}}.",
    ),
    (
        "intake_form",
        "hebrew",
        "טופס הצטרפות – {{מסלול עסקי}}\n"
        "שם: [[PERSON|רחל-לאה פרידמן]]\n"
        'ת"ז: [[IL_ID|601494339]]\n'
        "כתובת: [[ADDRESS|רח' ז'בוטינסקי 7, רמת גן]]\n"
        "כרטיס אשראי: [[CREDIT_CARD|4187-7886-4336-0008]]\n"
        "חשבון לזיכוי: [[IBAN|IL98 0126 3428 3336 3176 878]]",
    ),
    (
        "intake_form",
        "anglo",
        "New customer KYC (Jersey City office)\n"
        "Name: [[PERSON|Octavia Delacroix-Mbeki]]\nSSN: [[US_SSN|219-66-4083]]\nPhone: [[PHONE|(201) 448-3372 ext. 19]]\n"
        "Address: [[ADDRESS|88 Grand St, Apt 12C, Jersey City, NJ 07302]]\nCard: [[CREDIT_CARD|2243 9297 7332 9514]]\nPlan: {{Business}} · Start {{Jan 4, 2027}}",
    ),
    # ---- more cultures, addresses and control-only records ----------------------------------------
    (
        "chat_history",
        "australian",
        "user: who's the contact at the {{Brisbane}} franchise again?\n"
        'tool (crm.search_contacts): {"hits":2,"items":[{"name":"[[PERSON|Lachlan Hargreaves]]","mobile":"[[PHONE|0412 883 907]]","address":"[[ADDRESS|14/220 Boundary St, West End QLD 4101]]"},{"name":"[[PERSON|Aroha Tipene]]","mobile":"[[PHONE|+61 423 017 554]]","address":null}]}\n'
        'tool (crm.get_deal): {"deal":"{{AU-FR-0093}}","value":"{{A$62,000}}","stage":"{{Verbal yes}}"}\n'
        "assistant: [[PERSON|Lachlan Hargreaves]] is the franchisee; [[PERSON|Aroha Tipene]] is his ops manager. The deal ({{A$62,000}}) is at {{Verbal yes}}.",
    ),
    (
        "whatsapp_export",
        "african",
        "[{{24/11/2026}}, {{07:58}}] [[PERSON|Babajide Ogunleye]]: Good morning ma, the delivery address for the {{POS}} units is [[ADDRESS|Plot 17, Adeola Odeku Street, Victoria Island, Lagos]]\n"
        "[{{24/11/2026}}, {{08:01}}] [[PERSON|Ifeoma Chukwu]]: Noted sir. Who receives?\n"
        "[{{24/11/2026}}, {{08:03}}] [[PERSON|Babajide Ogunleye]]: My storekeeper [[PERSON|Musa Danjuma]], [[PHONE|0706-331-8024]]",
    ),
    (
        "email_thread",
        "cyrillic",
        "> {{20 нояб. 2026 г.}}, в {{16:45}}, [[PERSON|Мирослава Дьяченко]] <[[EMAIL|m.dyachenko@volgatrans.ru]]> написал(а):\n"
        "> Добрый день! Подтверждаю встречу в {{Дубае}} на выставке {{GITEX}}.\n"
        "> Мой номер для связи там: [[PHONE|+971 55 318 6620]]\n\n"
        "[[PERSON|Мирослава]], отлично, ждём вас на стенде {{H7-B21}}.",
    ),
    (
        "crm_json",
        "south_asian",
        '{ "company": "{{Shreeji Polymers Pvt Ltd}}", "gstin": "{{24AAGCS1234F1Z5}}", "contacts": [ { "name": "[[PERSON|Bhavesh Patel]]", "role": "{{Managing Director}}", "mobile": "[[PHONE|98250 61734]]" }, { "name": "[[PERSON|Nirali Joshi]]", "role": "{{Accounts}}", "mobile": "[[PHONE|+91 79 2656 3310]]" } ], "site": { "address": "[[ADDRESS|Plot 412, GIDC Phase 2, Vatva, Ahmedabad 382445]]" } }',
    ),
    (
        "call_notes",
        "arabic",
        "زيارة ميدانية: العنوان [[ADDRESS|شارع الأمير محمد بن عبدالعزيز، مبنى 3، الطابق الثاني، حي السليمانية، الرياض 12244]]. "
        "قابلت [[PERSON|تركي بن فهد المطيري]] و[[PERSON|جواهر القحطاني]]. الاهتمام بباقة {{Pro}} لـ{{20 مستخدماً}}.",
    ),
    (
        "lead_summary",
        "east_asian",
        "リード概要: [[PERSON|佐々木 美穂]]（{{営業部長}}、{{大阪}}）。スコア {{77}}。連絡先 [[EMAIL|m.sasaki@naniwa-trade.co.jp]]、[[PHONE|06-6341-2287]]。{{12月}}にデモ希望。",
    ),
    (
        "slack_export",
        "east_asian",
        "{{[9:14 AM]}} [[PERSON|Hyun-woo Jang]]: @channel {{Seoul}} pilot is live 🎉\n"
        "{{[9:15 AM]}} [[PERSON|Mei Ling Tan]]: congrats! did [[PERSON|Park Ji-hoon]] get his admin invite? I sent it to [[EMAIL|jihoon.park@daehan-mfg.co.kr]]\n"
        "{{[9:17 AM]}} [[PERSON|Hyun-woo Jang]]: yes, he logged in from [[IP_ADDRESS|211.234.118.52]]",
    ),
    (
        "deal_insight",
        "controls",
        "Pipeline review for {{May}}: {{Apple}} and {{Amazon}} renewals are safe; the {{Jordan}} market ({{Amman}} office) is at {{62%}} of target. "
        "{{Salesforce}} migration tool {{v2.4.1}} ships {{Wednesday}}; invoice {{INV-30018}} for {{$14,250}} is overdue. Ask the {{Head of Sales}} about {{June}} quotas.",
    ),
    (
        "lead_summary",
        "controls",
        "{{Dubai expo}} leads: {{148}} scanned, {{37}} qualified ({{25%}}). Top industries: {{Real Estate}}, {{Logistics}}. "
        "Most requested: {{Atlas Dashboard}} and the {{WhatsApp Inbox}} add-on. Follow-ups start {{Sunday 29 November}}; ticket {{OPS-5512}} tracks it.",
    ),
    (
        "call_notes",
        "hebrew",
        "סיכום: {{משרד תל אביב}} סגר {{11}} עסקאות ב{{נובמבר}}, {{₪1.9M}} בסך הכול. {{מנהל המכירות}} ביקש לדחוף את {{חבילת Premium}} לפני {{סוף השנה}}. גרסה {{3.8}} עולה ב{{יום חמישי}}.",
    ),
    (
        "crm_json",
        "anglo",
        '{"event":"{{contact.updated}}","changes":{"email":{"old":"[[EMAIL|t.mbatha@outlook.com]]","new":"[[EMAIL|thandeka.mbatha@kwezi-solar.co.za]]"},"phone":{"old":null,"new":"[[PHONE|+27 21 418 7790]]"}},"actor":"[[PERSON|Thandeka Mbatha]]","ip":"[[IP_ADDRESS|196.25.211.140]]","at":"{{2026-11-23T13:02:44+02:00}}"}',
    ),
    (
        "email_thread",
        "anglo",
        "Sent from my iPhone\n\n"
        "> On {{Nov 21, 2026}}, at {{6:12 PM}}, [[PERSON|Jacqueline Fontaine-Obi]] <[[EMAIL|jfo@riverbendlegal.com]]> wrote:\n"
        "> \n"
        "> Card for the deposit is [[CREDIT_CARD|3551 5276 9696 3445]], exp 09/28. Please don't email it around.\n"
        "> Office: [[ADDRESS|400 Capitol Mall, Suite 1800, Sacramento, CA 95814]]",
    ),
]
