# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool K: prompts that a sales CRM's AI features send to OpenAI for teams in Israel, the UAE
and beyond (lead summaries, call notes, email drafts, flattened chat histories, JSON records, CSV
exports, tool results with \\u-escaped text, meeting transcripts, support tickets, insights prompts
over lead/deal tables, WhatsApp exports, web forms, deal reviews, system prompts with account
context and handover notes), 10 records of each of those 15 kinds.

Written without reading the detector, its tests or the other corpora. About 40% English, 25% Hebrew,
25% Arabic (Gulf, Levantine, Egyptian, Iraqi, Maghrebi) and 10% other scripts or code-switching
(French, Russian, Spanish, Turkish, Persian, Hindi, Amharic, Arabizi, Hebrew+English,
Arabic+English). People are Israeli (Mizrahi, Ashkenazi, Ethiopian, Russian-speaking, Druze,
Bedouin, Arab-Israeli, Haredi, French-speaking olim), Emirati, Saudi, Qatari, Omani, Bahraini,
Iraqi, Iranian, Turkish, Egyptian, Sudanese, Levantine, Maghrebi, Indian, Pakistani, Bangladeshi,
Sri Lankan, Nepali, Filipino, Indonesian, Vietnamese, Thai, Chinese, Korean, Japanese, Nigerian,
Ghanaian, Kenyan, Ethiopian, South African, Greek, Polish, Italian, Spanish, Portuguese,
Brazilian, Mexican, Argentinian, British, Irish, American, Canadian and Australian. Many names are
also ordinary words (Faith, Chase, Drew, Pat, May, June, Dawn, Sunny, Rich, Guy, Ivy, Jade, Ruby,
Sky, Wade, Cash, Major; שחר, טל, ים, אור, חן, גל, שקד, נוי, אביב; أمل، نور، سعيد، كريم، هدى،
وفاء، فرح، سلام) and appear in lower case, with glued Hebrew/Arabic prefixes, honorifics,
possessives, kunyas, as transcript speakers, JSON values and CSV cells. Companies, streets and
places named after people are controls or sit inside addresses. Israeli IDs carry valid check
digits, IBANs valid mod-97 checksums, card numbers pass Luhn, SSNs use valid ranges and every phone
number passes phonenumbers.is_valid_number for its country. Secrets are invented random strings.
The culture field is "<language>/<origin of the people named>".
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- lead_summary
    (
        "lead_summary",
        "en/emirati-filipino",
        "Lead summary — source: {{GITEX Global}} booth scan, day 3\n• Contact: Sheikha [[PERSON|Mahra Al Ketbi]], {{Head of Procurement}}, {{Al Ketbi Holding}}\n• Mobile [[PHONE|+971 50 424 4478]] / office [[PHONE|04 864 5701]]\n• Email: [[EMAIL|mahra.alketbi@alketbi-holding.ae]]\n• Address: [[ADDRESS|Villa 14, Street 27b, Al Barsha 2, Dubai]]\n• IP geo: [[IP|94.200.141.17]] → Dubai\n\n[[PERSON|Mahra]] wants the {{Enterprise plan}} for ~{{120 seats}}; Arabic RTL UI is a must. Her EA [[PERSON|Joy Dizon]] handles scheduling (ping [[PERSON|Joy]] on WhatsApp, not email). Budget approved for {{Q1 2025}}. Competitor in play: {{Salesforce}}. Next step: demo on {{Tuesday}} 11:00 GST, bring the data-residency one-pager.",
    ),
    (
        "lead_summary",
        "en/nigerian-ghanaian-american",
        "LEAD SUMMARY\nCompany: {{Obiora & Sons Agro}} (founder's son runs sales)\nPrimary: [[PERSON|Chukwuemeka Obiora]] (goes by [[PERSON|Emeka]]), {{VP Sales}}, {{Lagos}}\nPhone: [[PHONE|0806 150 8602]] | alt [[PHONE|+234 813 783 4104]]\nEmail: [[EMAIL|emeka@obiorasons.ng]]\nHQ: [[ADDRESS|14 Adeola Odeku Street, Victoria Island, Lagos]]\n\nSummary: [[PERSON|Emeka]] came in through a referral from [[PERSON|Efua Mensah-Bonsu]] in {{Accra}}. They run 40 field reps across Nigeria and Ghana and want lead routing by state. Asked about {{Pro plan}} pricing in NGN vs USD; quoted {{$19/user/month}}. Risk: [[PERSON|Efua]]'s team already pilots {{Zoho CRM}}. Owner: [[PERSON|Wade Kessler]]. Follow up {{Thursday}}.",
    ),
    (
        "lead_summary",
        "en/canadian-nigerian-korean",
        "Summary for lead {{L-20931}}\nSubmitted by [[PERSON|chase whitfield]] (typed all lower case) — {{Director of RevOps}} at {{Hartwell Freight}}, {{Toronto}}.\nCell [[PHONE|(416) 845-8268]], desk [[PHONE|+1 604-268-4334]], [[EMAIL|cwhitfield@hartwellfreight.ca]]\nShip the hardware kit to: [[ADDRESS|2200 Yonge St, Suite 1700, Toronto, ON M4S 2C6]]\n\n[[PERSON|Chase]] says their CFO, [[PERSON|Faith Okafor-Lindqvist]], has final say; [[PERSON|Faith]] is skeptical after a bad rollout of {{HubSpot}}. They'd start on the {{Growth tier}} with 35 users. Our AE [[PERSON|Drew Castellanos]] runs the demo; [[PERSON|Sunny]] in SE preps the migration estimate. [[PERSON|Chase]] will push internally if we can go live before {{Canada Day}}.",
    ),
    (
        "lead_summary",
        "en/indian-south-srilankan",
        "Lead summary\n- Name: [[PERSON|Karthikeyan Subramaniam]] (“[[PERSON|Karthik]]”), {{CTO}}, {{Velachery Logistics}}, {{Chennai}}\n- Mob: [[PHONE|+91 98431 73983]]\n- Mail: [[EMAIL|karthik.s@velacherylogistics.in]]\n- Office: [[ADDRESS|No. 7, 2nd Cross Street, Taramani, Chennai 600113]]\n- Co-evaluator: [[PERSON|Nirosha Wickramasinghe]] (Colombo office, [[PHONE|+94 77 312 8700]])\n\n[[PERSON|Karthik]]'s team moved off {{Freshsales}} last year and wants WhatsApp logging plus Tamil/Sinhala name search. [[PERSON|Nirosha]] flagged data residency: needs an EU or India region. Deal size est. {{₹38 lakh}}/yr. Ask [[PERSON|Ruby]] (our SE) to confirm the {{v4.2}} release date before we promise anything.",
    ),
    (
        "lead_summary",
        "he/israeli-mizrahi",
        "סיכום ליד (נוצר אוטומטית)\nשם: [[PERSON|שקד אלמוזנינו]]\nתפקיד: {{סמנכ״לית שיווק}}, {{אופטיקה הלפרין}}\nנייד: [[PHONE|052-970-3506]]\nמייל: [[EMAIL|shaked.a@halperin-optic.co.il]]\nכתובת למשלוח: [[ADDRESS|שדרות רוטשילד 45, תל אביב]]\n\n[[PERSON|שקד]] פנתה אחרי הוובינר של {{יום שלישי}}. היא רוצה חבילת {{Business}} ל-60 משתמשים ושילוב עם {{Priority}}. הבוס שלה, [[PERSON|אביב חזות]], צריך לאשר — ל[[PERSON|אביב]] יש העדפה ל{{Monday.com}} אז כדאי להכין השוואה. בפגישה הבאה כדאי לצרף את [[PERSON|ים]] מהצוות הטכני. תקציב משוער {{₪85,000}} לשנה. סיכוי: בינוני-גבוה.",
    ),
    (
        "lead_summary",
        "he/ethiopian-israeli",
        "ליד חם מקמפיין {{Facebook}}\nשם: [[PERSON|בלינש מקונן]] – {{מנהלת תפעול}}, {{מקונן הסעות}} (העסק של אבא שלה, {{רחובות}})\nטל׳: [[PHONE|0549912491]]\nת״ז לחשבונית: [[IL_ID|304647647]]\nכתובת: [[ADDRESS|רחוב הרצל 112, רחובות]]\n\n[[PERSON|בלינש]] מנהלת צי של 30 מיניבוסים ורוצה לנהל לידים של בתי ספר ומתנ״סים. אחיה [[PERSON|יוסף ורקו]] אחראי על הרכש – ל[[PERSON|יוסף]] חשוב בעיקר המחיר. דודה שלה, [[PERSON|אלמז טספאיה]], עובדת איתם בהנהלת חשבונות ותרצה גישה לדוחות. הצעה: {{חבילת Pro}} ב-{{₪240}} לחודש. לחזור אליה אחרי {{פסח}}.",
    ),
    (
        "lead_summary",
        "he/druze",
        "ליד: [[PERSON|ניזאר חלבי]] מ{{דלית אל-כרמל}}, {{מנכ״ל}} {{חלבי שיווק ישיר}}.\nנייד [[PHONE|050-775-8474]], מייל [[EMAIL|nizar@halabi-direct.co.il]].\nכתובת העסק: [[ADDRESS|רחוב ראשי 18, דלית אל-כרמל]].\n\n[[PERSON|ניזאר]] ביקש שנדבר גם עם אשתו [[PERSON|רובא]] שמנהלת את הכספים, ועם הבן דוד [[PERSON|ודיע כבישי]] מ{{עספיא}}. הוא מתעניין ב{{מודול WhatsApp}} ובסנכרון יומן, וביקש הנחה של {{15%}}. [[PERSON|גל]] מהמכירות כבר דיבר איתו ב{{יום ראשון}} ואמר שהוא רציני. לפי ה-IP [[IP|5.29.144.18]] הוא נכנס מ{{חיפה}}.",
    ),
    (
        "lead_summary",
        "ar/saudi",
        "ملخص العميل المحتمل\nالاسم: المهندس [[PERSON|فيصل بن عبدالرحمن الدوسري]]\nالمسمى: {{مدير تقنية المعلومات}} – {{شركة نجد للتقنية}}\nالجوال: [[PHONE|055 137 7133]]\nالبريد: [[EMAIL|f.aldossary@najdtech.sa]]\nالعنوان الوطني: [[ADDRESS|مبنى 7421، طريق الملك فهد، حي العليا، الرياض 12333، رقم إضافي 3186]] (العنوان المختصر [[ADDRESS|RAOA7421]])\n\n[[PERSON|فيصل]] مهتم بباقة {{Enterprise}} ويريد ربطها مع نظام المحاسبة. زميله [[PERSON|سعيد القحطاني]] مسؤول المشتريات، و[[PERSON|سعيد]] يفضّل الدفع السنوي. الميزانية التقريبية {{450,000 ريال}}، والقرار قبل {{رمضان}}. الاجتماع القادم يوم {{الأحد}}.",
    ),
    (
        "lead_summary",
        "ar/egyptian",
        "ليد جديد من {{القاهرة}}\nالأستاذة [[PERSON|هدى عبد الفتاح]] – {{مديرة المبيعات}} في {{منصور للأدوات المنزلية}}\nموبايل: [[PHONE|010 77409639]] – واتساب: [[PHONE|+20 12 43973682]]\nالعنوان: [[ADDRESS|12 ش جامعة الدول العربية، المهندسين، الجيزة]]\n\n[[PERSON|هدى]] عايزة سيستم يربط المبيعات بالمخازن، وعندها فريق 25 مندوب شغالين على {{Odoo}} حالياً ومش مبسوطين. مديرها المباشر أ. [[PERSON|كريم منصور]]، و[[PERSON|كريم]] قال إن الميزانية مش هتتفتح قبل {{يوليو}}. عرضنا عليهم {{الباقة الاحترافية}} بخصم {{20%}} لو مضوا السنة دي. محتاجين نبعت عرض سعر بالجنيه.",
    ),
    (
        "lead_summary",
        "fr/french-israeli-olim",
        "Résumé du lead (CRM)\nContact : [[PERSON|Séverine Benhamou-Attias]], {{directrice commerciale}} chez {{Attias Immobilier}}\nPortable IL : [[PHONE|053-161-1223]] — portable FR : [[PHONE|+33 6 74 14 62 43]]\nE-mail : [[EMAIL|severine@attias-immo.co.il]]\nAdresse : [[ADDRESS|12 rue Smilansky, Netanya]]\n\n[[PERSON|Séverine]], arrivée de {{Lyon}} il y a six ans, gère 8 agents qui vendent des appartements aux Français qui font leur alya. Elle veut un CRM bilingue FR/HE avec relances WhatsApp. Son associé, [[PERSON|Guy Sebbag]], s'occupe du juridique ; [[PERSON|Guy]] veut d'abord voir le DPA. Proposition : {{Offre Pro}} à {{49 €}} par utilisateur, démarrage après {{Souccot}}.",
    ),
    # ---------------------------------------------------------------- call_notes
    (
        "call_notes",
        "en/irish-british-indian",
        "Call notes — {{Mon 3 Feb}}, 14:05 GMT, 32 min\nAttendees: [[PERSON|Siobhán Ní Bhriain]] ({{Head of Sales Ops}}, {{Kilmore Dairies}}), [[PERSON|Rich Penhaligon]] (their IT), me ([[PERSON|Priya Raghunathan]])\n\n- [[PERSON|Siobhán]] confirmed 60 users across Cork and Manchester\n- [[PERSON|Rich]] worried about SSO with {{Azure AD}}; wants SCIM. Send the security pack to [[EMAIL|rich.penhaligon@kilmoredairies.ie]]\n- They're locked into {{Pipedrive}} until {{31 March}}\n- [[PERSON|Siobhán]]'s mobile for follow-up: [[PHONE|+353 87 669 2720]]; [[PERSON|Rich]]'s desk [[PHONE|(01) 892 3167]]\n- UK subsidiary contact: [[PERSON|Ivy Carmichael]], [[PHONE|07825 643582]], [[ADDRESS|Unit 4, Trafford Park Rd, Manchester M17 1HG]]\n\nNext: proposal for the {{Scale plan}} by {{Friday}}.",
    ),
    (
        "call_notes",
        "en/filipino-indonesian",
        "📞 Call notes – discovery\nClient: {{Bayanihan Outsourcing}} ({{Cebu}}) + partner {{PT Sinar Nusantara}} (Jakarta)\nOn the line: [[PERSON|Maricel Dimaculangan]] ({{COO}}), [[PERSON|Bagus Prasetyo]], and [[PERSON|Jun-Jun]] ([[PERSON|Maricel]]'s nephew, intern 😅)\n\n• [[PERSON|Maricel]] runs 180 agents on {{Zendesk}}; wants leads auto-assigned by shift\n• [[PERSON|Bagus]] wants a Bahasa UI; his WA is [[PHONE|+62 813-4249-4303]]\n• [[PERSON|Maricel]] mobile [[PHONE|0917 400 7253]]\n• Billing entity: [[ADDRESS|Unit 1203, Cebu IT Tower 2, Archbishop Reyes Ave, Cebu City 6000]]\n• pain: duplicate leads from FB ads, ~30% dupes\n• Decision by end of {{Q2}}; [[PERSON|May]] from our finance to send the quote\n\nvibe: warm, [[PERSON|bagus]] more technical, asks good API questions.",
    ),
    (
        "call_notes",
        "en/qatari-bahraini",
        "Call notes — {{Sunday}}, Teams, 45 min\nSpoke with Eng. [[PERSON|Hamad Al Sulaiti]] ({{Doha}}) and [[PERSON|Fatema Bucheeri]] ({{Manama}} branch) of {{Bu Hindi Contracting}}.\n\n- [[PERSON|Hamad]] wants one pipeline for both countries, Arabic + English quotes\n- [[PERSON|Fatema]] owns the Bahrain P&L; she's cautious, wants a pilot first\n- Phones: [[PERSON|Hamad]] [[PHONE|+974 5779 4625]], [[PERSON|Fatema]] [[PHONE|+973 3840 9743]]\n- Bahrain entity address for the contract: [[ADDRESS|Flat 21, Building 2504, Road 2832, Block 428, Seef, Bahrain]]\n- First month by card: [[CREDIT_CARD|4766 0472 1247 6243]] (he read it out on the call 🙈 — delete after billing)\n- Target: {{Enterprise plan}}, ~{{QAR 62,000}}/yr; sign before {{Ramadan}}\nAction: send pilot SOW + Arabic quote template.",
    ),
    (
        "call_notes",
        "en/korean-japanese",
        "Call notes – APAC partner sync\nParticipants: [[PERSON|Kim Seo-yeon]] ({{Partner Success Manager}}, Seoul), [[PERSON|Hiroshi Takanashi]] (reseller, Tokyo), our [[PERSON|Pat Brennan]]\n\n1. [[PERSON|Seo-yeon]] says three Korean clients want {{Kakao}} notifications instead of WhatsApp. Her mobile: [[PHONE|010-9838-8761]]\n2. [[PERSON|Takanashi]]-san asked for {{LINE}} integration + Japanese name ordering (family name first!). Contact: [[PHONE|+81 90-7904-1486]], [[EMAIL|h.takanashi@kizuna-partners.jp]]\n3. Reseller office for the NDA: [[ADDRESS|3-12-1 Shibuya, Shibuya-ku, Tokyo 150-0002]]\n4. Commercials: {{¥4.2M}} minimum commit, 20% margin\n5. Nothing moves during {{Golden Week}} — restart mid-May\n[[PERSON|Pat]] to draft partner addendum.",
    ),
    (
        "call_notes",
        "he/haredi",
        "סיכום שיחה – {{יום רביעי}}, 10:30\nדיברתי עם הרב [[PERSON|יעקב ישראל פרלשטיין]], בעלים של {{פרלשטיין ספרי קודש}} (הפצה לחנויות בכל הארץ).\n\n• ביקש שנדבר עם אשתו [[PERSON|חיה שרה]] שמנהלת את החשבונות. הוא לא משתמש בוואטסאפ, רק בטלפון כשר: [[PHONE|052-720-1727]]\n• גב׳ [[PERSON|פרלשטיין]] זמינה רק בבוקר, במשרד: [[PHONE|03-225-0322]]\n• כתובת המחסן: [[ADDRESS|רחוב רבי עקיבא 88, בני ברק]]\n• הבן [[PERSON|שלוימי]] יעשה את ההדרכה לצוות; ל[[PERSON|שלוימי]] יש מחשב מסונן אז צריך לוודא שהדומיין שלנו פתוח אצל {{נטפרי}}\n• מתאים ל{{חבילת Basic}} – {{₪150}} לחודש, 4 משתמשים\n• לא לקבוע כלום לפני {{סוכות}}.",
    ),
    (
        "call_notes",
        "he/russian-israeli",
        "שיחת היכרות – [[PERSON|אולגה קרפובה]], {{מנהלת מכירות}} ב{{Nanoflow}} ({{אשדוד}})\nטלפון: [[PHONE|053-991-7538]] | [[EMAIL|olga.k@nanoflow.io]]\n\nעיקרי הדברים:\n1. [[PERSON|אולגה]] מנהלת 12 נציגים, חצי מהם דוברי רוסית – רוצים ממשק ברוסית.\n2. השותף שלה [[PERSON|דימה]] ([[PERSON|דמיטרי ליבשיץ]]) הוא ה-{{CTO}}, מודאג מ-API limits. ל[[PERSON|דימה]] נשלח תיעוד.\n3. כרגע עובדים עם {{Bitrix24}} ורוצים לעבור עד {{סוף מרץ}}.\n4. [[PERSON|ז׳ניה]] מהכספים תטפל בחוזה.\n\nהערה: בשיחה היא התחברה מ-IP [[IP|79.177.23.140]]. להמשיך ב{{יום חמישי}}.",
    ),
    (
        "call_notes",
        "ar/iraqi",
        "ملاحظات المكالمة – {{الخميس}}\nحچيت ويا الأستاذ [[PERSON|مصطفى الجبوري]]، {{مدير المبيعات}} بـ{{شركة الرافدين للتجهيزات}}.\n\n- [[PERSON|مصطفى]] يريد نظام يتابع المندوبين ببغداد و{{أربيل}}، عدهم 40 مندوب.\n- رقمه: [[PHONE|0780 286 0677]]، ورقم فرع أربيل (كاكه [[PERSON|هيمن]]): [[PHONE|+964 750 287 7157]]\n- عنوان الشركة: [[ADDRESS|حي المنصور، محلة 605، زقاق 12، دار 7، بغداد]]\n- مسؤولة الحسابات ست [[PERSON|زينب]]، بس القرار النهائي عند [[PERSON|أبو علي]] صاحب الشركة.\n- الميزانية بحدود {{12 مليون دينار}} سنوياً.\n- هسه يشتغلون على {{Excel}}، ماكو أي CRM.\nالخطوة الجاية: ديمو أونلاين الأسبوع الجاي.",
    ),
    (
        "call_notes",
        "ar/jordanian-palestinian",
        "ملاحظات مكالمة – حكيت مع [[PERSON|سلام حداد]] من {{حداد إخوان للتجارة}} ({{عمّان}})\n\n• [[PERSON|سلام]] هي {{مديرة التسويق}}، بدها تربط حملات {{Instagram}} بالـCRM.\n• موبايلها [[PHONE|07 9610 1681]]، وإيميلها [[EMAIL|salam.haddad@haddadbros.jo]]\n• عندهم فرع برام الله، المسؤول [[PERSON|منى الخطيب]] – رقمها [[PHONE|+970 597 101 384]]\n• عنوان المكتب الرئيسي: [[ADDRESS|شارع الملكة رانيا 215، الجبيهة، عمّان]]\n• طلبت استرجاع دفعة الشهر الماضي على الآيبان [[IBAN|JO54DXMC2545836087632106925297]]\n• هلق بفكروا بـ{{الباقة المتقدمة}} بس السعر عالي عليهم، لازم نحكي مع [[PERSON|منى]] كمان.\nالمتابعة: {{الأحد}}.",
    ),
    (
        "call_notes",
        "ar/omani",
        "ملخص المكالمة\nالعميل: الشيخ [[PERSON|سالم بن حمد الحارثي]] – {{رئيس مجلس الإدارة}}، {{مجموعة الحارثي}}\nالهاتف: [[PHONE|+968 9247 3915]]\nالعنوان: [[ADDRESS|ص.ب 1120، الرمز البريدي 112، روي، مسقط]]\n\nالشيخ [[PERSON|سالم]] طلب أن يكون التواصل اليومي مع ابنه [[PERSON|أبو حمد]] ([[PERSON|حمد الحارثي]]) ومع السكرتيرة [[PERSON|أمل البلوشية]]. رقم [[PERSON|أمل]]: [[PHONE|9006 7280]].\nالاحتياج: متابعة عروض الأسعار لقطاع الإنشاءات في {{مسقط}} و{{صلالة}}.\nالسعر المبدئي {{8,500 ريال عماني}} سنوياً، والتوقيع بعد {{عيد الفطر}}.",
    ),
    (
        "call_notes",
        "ru/russian-israeli",
        "Заметки по звонку — {{понедельник}}\nКлиент: [[PERSON|Вадим Штейнберг]], {{технический директор}}, {{Штейнберг Логистикс}} (Ашдод)\nМоб.: [[PHONE|+972 52-377-0962]], почта [[EMAIL|vadim@steinberg-log.co.il]]\nОфис: [[ADDRESS|ул. Жаботинского 7, Рамат-Ган]]\n\n— [[PERSON|Вадим]] хочет интеграцию с {{1С}} и интерфейс на русском и иврите.\n— Его жена [[PERSON|Света]] ведёт бухгалтерию, счета отправлять ей: [[EMAIL|sveta.s@steinberg-log.co.il]].\n— Решение вместе с партнёром, [[PERSON|Анатолием Гуревичем]]; позвонить [[PERSON|Толику]] до четверга.\n— Бюджет ~{{₪3 200}} в месяц, {{тариф Business}}.\nСледующий шаг: демо для [[PERSON|Жени]] из отдела продаж.",
    ),
    # ---------------------------------------------------------------- email_draft
    (
        "email_draft",
        "en/brazilian-portuguese-american",
        "Draft a follow-up email from these notes, friendly but short:\n\nSubject: Next steps — {{Lumen CRM}} for {{Casa Figueiredo}}\n\nHi [[PERSON|Leandro]],\n\nGreat speaking with you and [[PERSON|Maria da Graça Albuquerque]] yesterday. As promised, attached is the proposal for the {{Team plan}} ({{R$ 18.000}}/year, billed in BRL). [[PERSON|Graça]] asked about a Lisbon rollout — happy to loop in our EU team.\n\nCould you confirm the billing address ([[ADDRESS|Rua Oscar Freire 379, Jardins, São Paulo - SP, 01426-001]]) and the best number for onboarding? I have [[PHONE|(11) 97252-1722]] for you and [[PHONE|+351 917 602 648]] for [[PERSON|Graça]].\n\nWe'll pause scheduling over {{Carnaval}} and pick up right after.\n\nAbraços,\n[[PERSON|Cash Holloway]]\n{{Account Executive}}\n[[EMAIL|cash.holloway@lumencrm.com]]",
    ),
    (
        "email_draft",
        "en/south-african-kenyan-italian",
        "Subject: Your {{Pro}} trial + next steps\n\nDear Mr [[PERSON|Mthembu]],\n\nThank you for trialling {{Lumen CRM}} with the {{Johannesburg}} team. [[PERSON|Sipho]] mentioned you'd like to extend the trial to the Nairobi office, run by [[PERSON|Wanjiru Kamau]]. I've copied [[PERSON|Wanjiru]] here ([[EMAIL|wanjiru.kamau@ubuntu-logistics.co.ke]]).\n\nA couple of things we need before activation:\n1. Invoice address for Kenya — is it still [[ADDRESS|P.O. Box 30145-00100, Nairobi]]?\n2. M-Pesa or card? For M-Pesa we'll use [[PHONE|+254 722 877932]].\n3. A direct line for you — I only have the switchboard, [[PHONE|021 036 8896]]; is [[PHONE|082 828 9196]] your mobile?\n\nPricing stays at {{KES 1.2M}} for year one if signed before {{Heritage Day}}.\n\nKind regards,\n[[PERSON|Jade Marchetti]]\n{{Regional Sales Lead}}, Africa",
    ),
    (
        "email_draft",
        "en/pakistani-bangladeshi",
        "Rewrite this reply so it sounds more professional:\n\nSubject: Re: CSV import failing ({{ticket #48213}})\n\nhi [[PERSON|tahmina]], sorry abt this. the import breaks bc your file has the phone col as text w/ spaces. [[PERSON|Faraz]] checked it on {{v3.8.1}}, fix is in {{v3.9}}. pls try again with the attached template. also can u confirm office addr for the invoice: [[ADDRESS|House 42, Road 11, Banani, Dhaka 1213]]? and your number [[PHONE|01759-064371]] is ok for the callback?\nthx, [[PERSON|Zeeshan]]\n\n> On Tue, [[PERSON|Faraz Qureshi]] <[[EMAIL|faraz.qureshi@lumencrm.com]]> wrote:\n> [[PERSON|Tahmina Chowdhury]] from {{Meghna Textiles}} can't import 2,300 leads. She's in {{Dhaka}}, back-office in {{Karachi}} ([[PHONE|+92 321 6176740]]). She's out for {{Eid al-Adha}} next week so let's close this by {{Thursday}}.",
    ),
    (
        "email_draft",
        "en/greek-polish-italian",
        "Subject: Intro — {{Mediterraneo Foods}} ↔ {{Lumen CRM}}\n\nHi [[PERSON|Ria]],\n\n[[PERSON|Grzegorz Wiśniewski]] suggested I reach out — he said you're leading the CRM selection at {{Mediterraneo Foods}} (you're [[PERSON|Eleftheria Papadopoulou]] on LinkedIn, right?).\n\nWe already work with [[PERSON|Grzegorz]]'s team in Warsaw ([[ADDRESS|ul. Marszałkowska 84/92, 00-514 Warszawa]]) and with [[PERSON|Ludovica Ferrante]] in Naples. [[PERSON|Ludovica]] is happy to do a reference call: [[PHONE|+39 347 206 9806]].\n\nIf useful, I can hold a slot before {{Easter}}; your number [[PHONE|697 473 2817]] or email is fine. The {{SAP}} connector is included in the {{Business tier}} ({{€3,400}}/month for 80 users).\n\nBest,\n[[PERSON|Bella Okonjo]]\nSales, EMEA | [[PHONE|+44 20 7617 2065]]",
    ),
    (
        "email_draft",
        "he/israeli-ashkenazi",
        "נושא: הצעת מחיר – {{חבילת Enterprise}}\n\nהיי [[PERSON|נוי]],\n\nבהמשך לשיחה עם [[PERSON|יובל ברקוביץ]] ב{{יום שני}}, מצרף את הצעת המחיר: {{₪12,400}} לחודש ל-90 משתמשים, כולל הטמעה וחיבור ל{{Salesforce}} הקיים שלכם עד סוף המעבר.\n\n[[PERSON|יובל]] ביקש שהחשבונית תישלח ל[[ADDRESS|דרך מנחם בגין 132, קומה 28, תל אביב]] ולא לכתובת הישנה ב{{הרצליה פיתוח}}. לגבי ההדגמה – [[PERSON|שחר]] מהצוות שלנו פנוי ב{{יום חמישי}} ב-14:00; אם לא מתאים, תתאמי ישירות מולו: [[PHONE|052-808-8452]].\n\nתודה ושבוע טוב,\n[[PERSON|ליאור וקסמן]]\n{{מנהל לקוחות}}\n[[PHONE|09-790-4985]] | [[EMAIL|lior.w@lumencrm.co.il]]",
    ),
    (
        "email_draft",
        "he/arab-israeli",
        "כתוב טיוטת מייל בעברית ללקוח לפי הנקודות:\n\nנושא: תיאום הדגמה ל{{מנסור מוצרי בניין}}\n\nשלום [[PERSON|ראמי זועבי]],\n\nתודה על השיחה הנעימה. כפי שביקשת, נתאם הדגמה גם ל[[PERSON|וואפא אבו שקרה]] מ{{אום אל-פחם}}, שמנהלת אצלכם את הסניף. ל[[PERSON|וואפא]] שלחתי זימון ל{{יום ראשון}} ב-10:00.\n\nהכתובת שרשמנו לשליחת הציוד: [[ADDRESS|רחוב פאולוס השישי 60, נצרת]]. אם משהו השתנה, עדכן אותי או את [[PERSON|ג׳מיל]] מהצוות שלנו בטלפון [[PHONE|04-782-4622]].\n\nהמחיר שסיכמנו: {{₪4,900}} לשנה ל{{חבילת Team}}, כולל הדרכה בערבית.\n\nבברכה,\n[[PERSON|עדי שטרן]]\n{{מנהלת תיקי לקוחות}}",
    ),
    (
        "email_draft",
        "he/bedouin",
        "נושא: חידוש מנוי + עדכון פרטים\n\nשלום [[PERSON|סלימאן]],\n\nהמנוי של {{אלקרינאוי הובלות}} מסתיים ב-{{30 ביוני}}. קיבלנו ממך את הפרטים לחידוש:\nשם מלא: [[PERSON|סלימאן אלקרינאוי]]\nת.ז.: [[IL_ID|289792178]]\nכתובת: [[ADDRESS|שכונה 12, בית 40, רהט]]\nנייד: [[PHONE|050-443-4874]]\n\nגם אחיך [[PERSON|חוסיין]] ביקש גישה לאפליקציה – נוסיף אותו כמשתמש נוסף ב-{{₪39}} לחודש. החיוב יתבצע מהחשבון [[IBAN|IL10 1256 6234 5531 8585 081]], כמו בשנה שעברה.\n\nחג {{עיד אל-אדחא}} שמח מראש,\n[[PERSON|חן לוי-ביטון]]\n{{מחלקת שירות לקוחות}}, {{באר שבע}}",
    ),
    (
        "email_draft",
        "ar/emirati",
        "اكتب رسالة رسمية بناءً على التالي:\n\nالموضوع: عرض سعر – {{باقة المؤسسات}}\n\nالسيد/ [[PERSON|راشد بن سعيد المهيري]] المحترم،\n\nتحية طيبة وبعد،\nبالإشارة إلى اجتماعكم مع زميلتي [[PERSON|وفاء الشامسي]] يوم {{الأربعاء}}، يسعدنا تقديم عرض السعر لـ{{مجموعة المهيري القابضة}}: {{96,000 درهم}} سنوياً لعدد 150 مستخدماً، مع جلسة تدريب في {{سبتمبر}}.\n\nيرجى تأكيد عنوان الفوترة: [[ADDRESS|فيلا 9، شارع 14، المزهر 1، دبي – رقم مكاني 3251487120]] أو [[ADDRESS|ص.ب 121345، دبي]].\nالتحويل البنكي على الحساب [[IBAN|AE95 4298 6834 1319 3818 350]].\n\nللتواصل المباشر: [[PHONE|056 687 6121]].\n\nمع خالص التقدير،\n[[PERSON|وفاء الشامسي]]\n{{مديرة حسابات رئيسية}}",
    ),
    (
        "email_draft",
        "ar/moroccan-tunisian",
        "الموضوع: تأكيد موعد العرض التجريبي\n\nالسيد [[PERSON|أيوب الزموري]] المحترم،\n\nشكراً على اهتمامكم بـ{{منصة لومن}} لإدارة المبيعات. كما اتفقنا مع الآنسة [[PERSON|فرح بناني]]، سيكون العرض يوم {{الثلاثاء 14 ماي}} على الساعة العاشرة بتوقيت {{الدار البيضاء}}.\n\nسيحضر من جهتنا [[PERSON|نور الهدى بلقاسم]] ({{مديرة نجاح العملاء}})، ويمكنكم الاتصال بها على [[PHONE|+212 6 51 98 94 23]].\n\nنرجو تأكيد عنوان المقر: [[ADDRESS|45 شارع محمد الخامس، الطابق 3، الدار البيضاء 20250]].\nوبخصوص فرع {{تونس}}، طلب السيد [[PERSON|منتصر الطرابلسي]] إرسال عرض {{الباقة الذهبية}} إلى [[EMAIL|m.trabelsi@atlas-distrib.tn]].\n\nتحياتي،\n[[PERSON|سامي العلمي]]",
    ),
    (
        "email_draft",
        "es/mexican-argentinian",
        "Asunto: Propuesta para {{Grupo Villarreal}}\n\nHola [[PERSON|Ximena]]:\n\nGracias por la llamada de hoy con [[PERSON|Nahuel Etcheverry]] y contigo. Te resumo:\n- {{Plan Empresarial}} para 140 usuarios, {{USD 27.000}} al año.\n- Integración con WhatsApp Business para los equipos de Monterrey y CDMX.\n- [[PERSON|Nahuel]] pidió que la factura para Argentina salga a nombre de su oficina en [[ADDRESS|Av. Corrientes 1234, piso 8, C1043 CABA]].\n\nDirección fiscal en México: [[ADDRESS|Av. Presidente Masaryk 111, Polanco, 11560 Ciudad de México]]. Tu celular [[PHONE|+52 55 4330 3910]] y el de [[PERSON|Nahuel]] [[PHONE|+54 9 11 5272-7172]] ya quedaron en el CRM.\n\nDespués de {{Semana Santa}} agendamos el arranque.\n\nSaludos,\n[[PERSON|Lupita Ortega]]\n{{Gerente Comercial}}, {{Buenos Aires}}",
    ),
    # ---------------------------------------------------------------- chat_history
    (
        "chat_history",
        "en/australian-nigerian",
        "system: You are the {{Lumen CRM}} sales assistant. Be concise.\nuser: who owns the {{Brightwater Solar}} deal now that [[PERSON|June]] left?\nassistant: It was reassigned to [[PERSON|Sky Nakamura-Reid]] on {{12 August}}. Primary contact is [[PERSON|Major Adeyemi-Cole]] ({{Operations Director}}), mobile [[PHONE|0423 934 062]].\nuser: billing address?\nassistant: [[ADDRESS|Level 9, 120 Collins Street, Melbourne VIC 3000]]; invoices go to [[EMAIL|ap@brightwatersolar.com.au]].\nuser: ok draft a handover msg from [[PERSON|june tallis]] to [[PERSON|sky]], mention the renewal\nassistant: Draft:\n“Hi [[PERSON|Sky]] — handing over Brightwater. [[PERSON|Major]] is friendly but hates long emails, so call him on [[PHONE|+61 423 934 062]] rather than writing. Renewal is {{AUD 84,000}}, due {{30 September}}; his deputy [[PERSON|Dawn Whitely]] ([[PHONE|(03) 9487 6578]]) signs POs under 10k. Good luck! – [[PERSON|June]]”\nuser: perfect thx",
    ),
    (
        "chat_history",
        "en/vietnamese-thai-chinese",
        "user: summarize my last 3 conversations with the APAC distributors and tell me who I should chase first\nassistant: Here's a summary:\n1. **[[PERSON|Nguyễn Thị Thu Hà]]** ({{Saigon Home Appliances}}, {{Ho Chi Minh City}}) — wants 200 units before {{Tết}}; waiting on our price list. Mobile [[PHONE|0912 082 488]].\n2. **[[PERSON|Kittipong Srisuwan]]** (Bangkok) — paused until after {{Songkran}}; reach him at [[PHONE|+66 81 689 2103]].\n3. **[[PERSON|Liang Wenjun]]** (“[[PERSON|Wendy]]”), Shanghai — sent a PO for {{$6,500}}, needs delivery to [[ADDRESS|Room 1806, Tower B, 1000 Lujiazui Ring Rd, Pudong, Shanghai 200120]]. Phone/WeChat [[PHONE|+86 139 7905 8795]].\nPriority: Ms [[PERSON|Hà]] first (Tết deadline), then [[PERSON|Wendy]]'s delivery.\nuser: chase is a strong word lol. ok, draft a short note to [[PERSON|ha]] in english\nassistant: “Dear Ms [[PERSON|Hà]], please find our updated price list attached — distributors on the {{Starter plan}} get 12% off. Could we confirm volumes by Friday? Best regards.”",
    ),
    (
        "chat_history",
        "en/sudanese-ethiopian",
        "user: I'm onboarding the {{Nile Valley Feeds}} account, can you set up the contact cards?\nassistant: Sure — send me the details.\nuser: main contact [[PERSON|Mohamed Osman Elsheikh]], {{General Manager}}, [[PHONE|+249 91 532 0022]], [[EMAIL|m.elsheikh@nilevalleyfeeds.sd]]. Addis branch: [[PERSON|Tigist Alemu]], [[PHONE|+251 91 735 9442]], office [[ADDRESS|Bole Road, Friendship Building, 4th Floor, Addis Ababa]]. oh and here's our integration key so you can pull their old data: [[SECRET|sk-proj-XfEuzcrJaBnx7IfDH5mM_Ddwin86TkVYCM7l8GQlchbkE-R0Af7BOfjt]]\nassistant: I've created both contacts. Please don't paste API keys into chat — rotate that key under {{Settings → Integrations}}. Should [[PERSON|Tigist]] report to [[PERSON|Mohamed]] in the org chart?\nuser: yes. he goes by [[PERSON|Hamoudi]] with friends but keep it formal in emails. contract value {{$42,000}}, start {{1 October}}, HQ stays in {{Khartoum}}\nassistant: Done. I set the deal amount and start date, and addressed the welcome email to Mr [[PERSON|Elsheikh]].",
    ),
    (
        "chat_history",
        "en/israeli-american",
        "user: what do we know about [[PERSON|Tal Mizrahi-Golan]]?\nassistant: [[PERSON|Tal]] is the {{VP Business Development}} at {{Kedem Cyber}} ({{Herzliya}}). Last touch: a call with [[PERSON|Roni Ashkenazi]] on {{22 May}}. Mobile [[PHONE|+972-50-965-9808]], email [[EMAIL|tal.mg@kedemcyber.com]].\nuser: they're opening a US entity, the new signer is [[PERSON|Dawn Friedman]] in Austin\nassistant: Got it. Do you have her details?\nuser: [[PHONE|(512) 867-8820]], [[ADDRESS|1100 Congress Ave, Suite 400, Austin, TX 78701]]. she sent her W-9 too — SSN [[US_SSN|350-15-7046]], don't store that in notes pls\nassistant: Understood — I've added [[PERSON|Dawn]] as a contact and left the SSN out of the notes. Should I move the deal to {{Negotiation}}?\nuser: yes, and set amount to {{$128,000}}. cc [[PERSON|roni]] on the summary",
    ),
    (
        "chat_history",
        "he/israeli-mizrahi",
        "משתמש: תן לי סטטוס על הליד של [[PERSON|אור בן חמו]]\nעוזר: [[PERSON|אור בן חמו]] הוא {{מנהל רכש}} ב{{יוחננוף}}. השיחה האחרונה הייתה ב{{יום שלישי}} עם [[PERSON|טל]] מהצוות שלנו, והוא ביקש הצעה ל-{{40 רישיונות}}.\nמשתמש: מה המספר שלו?\nעוזר: נייד [[PHONE|+972 52 600 0938]], משרד [[PHONE|077-400-5280]].\nמשתמש: תנסח הודעה קצרה ל[[PERSON|אור]] ותגיד לו ש[[PERSON|טל]] ו[[PERSON|חן]] יגיעו לפגישה ב{{ראשון}}\nעוזר: “היי [[PERSON|אור]], מאשר פגישה ב{{יום ראשון}} ב-11:00. יגיעו [[PERSON|טל]] ו[[PERSON|חן]] מהצוות שלנו עם הצעת מחיר מעודכנת. שבוע טוב!”\nמשתמש: תוסיף שהכתובת היא [[ADDRESS|רחוב המלאכה 9, ראש העין]] ושיש חניה בחוץ\nעוזר: עודכן. להוסיף תזכורת ל[[PERSON|חן]] יום לפני?",
    ),
    (
        "chat_history",
        "he/israeli-yemenite",
        "משתמש: יש לי כפילויות בלידים, תבדוק את [[PERSON|יונית שרעבי]]\nעוזר: מצאתי שתי רשומות:\n1. [[PERSON|יונית שרעבי]] – [[EMAIL|yonit.sharabi@gmail.com]], [[PHONE|052-759-0940]]\n2. [[PERSON|יונית שרעבי-מדהלה]] – [[EMAIL|yonit@madhala-events.co.il]], {{מדהלה אירועים}}, {{ראש העין}}\nבשתיהן מופיע אותו מספר ת״ז: [[IL_ID|054986245]], כך שזו כנראה אותה לקוחה.\nמשתמש: כן זו היא, התחתנה עם [[PERSON|צדוק]] מ{{מדהלה אירועים}}. תעשה {{מיזוג רשומות}}\nעוזר: בוצע. שמרתי את המייל העסקי כראשי. הבעלים של הליד הוא [[PERSON|שירה]] – להעביר אליה?\nמשתמש: לא, תשאיר אצל [[PERSON|שירה]] ותוסיף הערה שהן מתעניינות ב{{חבילת Pro}} לקראת {{ינואר}}",
    ),
    (
        "chat_history",
        "ar/kuwaiti",
        "المستخدم: صباح الخير، أبي ملخص عن العميلة [[PERSON|صباح الرشيدي]]\nالمساعد: صباح النور! [[PERSON|صباح الرشيدي]] هي {{مديرة المشتريات}} في {{شركة الخليج للأغذية}} ({{الكويت}}). آخر تواصل كان مع زميلك [[PERSON|بدر]] يوم {{الاثنين}}، وطلبت عرض سعر لـ{{باقة الأعمال}}.\nالمستخدم: عطني رقمها\nالمساعد: [[PHONE|+965 6992 3391]]، والإيميل [[EMAIL|sabah.alrashidi@gulffoods.com.kw]]. عنوان الشركة: [[ADDRESS|قطعة 3، شارع 14، مبنى 22، الشويخ الصناعية، الكويت]].\nالمستخدم: تمام، اكتب لها رسالة إن [[PERSON|بدر]] بيزورها الأسبوع الجاي\nالمساعد: «أستاذة [[PERSON|صباح]]، تحية طيبة. يسعدنا إبلاغك بأن زميلنا [[PERSON|بدر العتيبي]] سيزوركم الأسبوع القادم لمناقشة العرض ({{3,200 دينار}} سنوياً). مع التحية.»",
    ),
    (
        "chat_history",
        "ar/lebanese",
        "المستخدم: مين مسؤول عن حساب {{مطاعم أبو جميل}}؟\nالمساعد: الحساب مع [[PERSON|ريتا نصرالله]] من فريق {{بيروت}}. جهة الاتصال عندهم [[PERSON|جميل عون]]، {{المدير المالي}} وابن صاحب المطاعم. رقمه [[PHONE|03 392 451]].\nالمستخدم: شو آخر شي صار معهم؟\nالمساعد: [[PERSON|جميل]] طلب تقسيط الدفع على 3 أشهر لـ{{الباقة الأساسية}}، وبعت رقم الحساب [[IBAN|LB05 2979 5125 7436 0730 4123 3709]]. [[PERSON|ريتا]] بانتظار موافقة الإدارة. القيمة {{4,800 دولار}}.\nالمستخدم: ذكّرني فيه {{الجمعة}}، وخلّي [[PERSON|ريتا]] تبعتلو العقد على [[ADDRESS|شارع الحمرا، بناية الصيفي، الطابق 2، بيروت]]\nالمساعد: تمّ. ضفت تذكير يوم الجمعة الساعة 10 وبعتت مهمة لـ[[PERSON|ريتا]].",
    ),
    (
        "chat_history",
        "ar/sudanese",
        "المستخدم: عاوز أعرف حالة صفقة {{شركة النيلين للصادرات}}\nالمساعد: الصفقة في مرحلة {{التفاوض}}. العميل الأستاذ [[PERSON|الطيب عبدالرحيم]] ({{مدير عام}})، ومعاه مديرة الحسابات [[PERSON|أمل الحاج]]. القيمة {{18,000 دولار}}.\nالمستخدم: والله عندي أمل نقفلها الأسبوع ده. أرقامهم شنو؟\nالمساعد: [[PERSON|الطيب]]: [[PHONE|012 813 6639]]، و[[PERSON|أمل]] في فرع جدة: [[PHONE|+966 50 737 7677]]. عنوان المكتب: [[ADDRESS|الخرطوم 2، شارع 15، منزل 23، الخرطوم]].\nالمستخدم: كويس، اكتب لي رسالة لـ[[PERSON|أمل]] أقول فيها إننا ممكن نعمل خصم لو وقعوا قبل {{الخميس}}\nالمساعد: «الأستاذة [[PERSON|أمل]]، تحية طيبة. يسعدنا تقديم خصم خاص لو تم التوقيع قبل يوم الخميس، وسنرتب الشحن عبر {{بورتسودان}}. مع التقدير.»",
    ),
    (
        "chat_history",
        "ar-latn/lebanese-emirati",
        "user: 3tini summary 3an el lead taba3 [[PERSON|ra2ed]] men {{Beirut Digital}}\nassistant: [[PERSON|Raed Khoury]] ({{Head of Growth}}) — mhtam bel {{Pro plan}}, budget {{$900/month}}. Akher call kenet ma3 [[PERSON|Lama]] nhar el {{tleteh}}. Mobile: [[PHONE|+961 71 332 848]].\nuser: tayeb w min el contact bi Dubai?\nassistant: [[PERSON|Sa3eed Al Marri]], byishteghel ma3on men {{Dubai Silicon Oasis}}. Ra2mo [[PHONE|00971 55 464 5116]], email [[EMAIL|saeed.marri@beirutdigital.ae]].\nuser: ana sa3eed ktir, yalla ktebli msg la [[PERSON|ra2ed]] eno [[PERSON|sa3eed]] w [[PERSON|lama]] ra7 yzourou el jem3a\nassistant: “Hi [[PERSON|Raed]]! [[PERSON|Lama]] w [[PERSON|Sa3eed]] ra7 yzourouk el jem3a l ne7ke bel {{annual plan}}. Shou el wa2t el monaseb?”",
    ),
    # ---------------------------------------------------------------- json_record
    (
        "json_record",
        "en/american-nigerian-chinese",
        'Summarize this contact for the AE in 3 bullets:\n{"record_type":"contact","id":"{{CON-88412}}","first_name":"[[PERSON|Frank]]","last_name":"[[PERSON|Delgado-Whitcomb]]","title":"{{Chief Revenue Officer}}","company":"{{Whitcomb Aerospace}}","phones":[{"type":"mobile","value":"[[PHONE|+1 415-246-8252]]"},{"type":"work","value":"[[PHONE|(617) 992-7795]]"}],"email":"[[EMAIL|frank@whitcombaero.com]]","mailing_address":"[[ADDRESS|77 Massachusetts Ave, Cambridge, MA 02139]]","decision_maker":"[[PERSON|Pat Okwuosa]]","bdr":"[[PERSON|cash]]","last_ip":"[[IP|2600:1700:3c40:9a10::1b]]","stage":"{{Proposal Sent}}","amount":"{{$215,000}}","close_date":"{{2025-03-31}}","notes":"[[PERSON|Frank]] prefers texts; [[PERSON|Pat]] signs anything over 100k. [[PERSON|Cash]] booked the intro via [[PERSON|Frank]]\'s EA, [[PERSON|Faith Liu]]."}',
    ),
    (
        "json_record",
        "en/indian-north",
        'Write a 2-line lead brief from this JSON:\n{"lead":{"name":"[[PERSON|Harpreet Kaur Sandhu]]","nickname":"[[PERSON|Preeti]]","designation":"{{Head of Inside Sales}}","org":"{{Sandhu Agritech}}","mobile":"[[PHONE|+91-97716-25265]]","whatsapp":"[[PHONE|098546 46802]]","email":"[[EMAIL|preeti.sandhu@sandhuagritech.in]]","office":"[[ADDRESS|B-14, Sector 62, Noida, Uttar Pradesh 201309]]","referred_by":"[[PERSON|Devendra Tripathi]]","poc_internal":"[[PERSON|Rohini Iyer]]"},\n"deal":{"value":"{{₹12,50,000}}","plan":"{{Growth}}","expected_close":"after {{Diwali}}","branches":["{{Lucknow}}","{{Jaipur}}"]},\n"comment":"[[PERSON|Dev]] says [[PERSON|Preeti]] decides fast if the Hindi UI is ready. [[PERSON|Rohini]] to demo."\n}',
    ),
    (
        "json_record",
        "en/british-irish-welsh",
        '[\n {"id":"{{C-1021}}","name":"[[PERSON|Victor Ashworth]]","role":"{{Finance Director}}","account":"{{Ashworth & Lyle}}","tel":"[[PHONE|020 7356 2356]]","addr":"[[ADDRESS|14 Gresham Street, London EC2V 7JE]]"},\n {"id":"C-1022","name":"[[PERSON|Dawn O\'Leary]]","role":"Procurement","account":"{{Ashworth & Lyle}}","tel":"[[PHONE|07700 078863]]","email":"[[EMAIL|dawn.oleary@ashworthlyle.co.uk]]"},\n {"id":"C-1023","name":"[[PERSON|Rhys Penrose-Atkins]]","role":"IT lead","account":"{{Ashworth & Lyle}}","tel":"[[PHONE|0161 729 5187]]","addr":"[[ADDRESS|Flat 3, 22 Deansgate, Manchester M3 1RH]]","assistant_for":"[[PERSON|Victor]]"}\n]\nQuestion: which of these contacts should get the {{GDPR}} renewal notice before {{1 April}}? [[PERSON|Dawn]] said [[PERSON|Victor]] is on leave until {{Easter Monday}}.',
    ),
    (
        "json_record",
        "en/german-spanish-basque",
        'Tool input for create_invoice():\n{"customer":"{{Hölzl Maschinenbau GmbH}}","billing_contact":"[[PERSON|Jürgen Hölzl]]","billing_email":"[[EMAIL|j.hoelzl@hoelzl-maschinenbau.de]]","billing_phone":"[[PHONE|+49 176 32010429]]","billing_address":"[[ADDRESS|Friedrichstraße 68, 10117 Berlin]]","iban":"[[IBAN|DE98796443271356288166]]","currency":"{{EUR}}","issue_date":"{{2025-02-01}}","lines":[{"sku":"{{LUM-ENT-50}}","qty":50,"price":"{{€62.00}}"}],"sales_rep":"[[PERSON|Itziar Etxeberria]]","rep_phone":"[[PHONE|+34 640 15 27 01]]","spain_entity":{"contact":"[[PERSON|Iñaki Zubizarreta]]","iban":"[[IBAN|ES39 3772 9057 3228 7294 3797]]"},"due":"{{30 days net}}","memo":"[[PERSON|Jürgen]] asked for a copy to his CFO [[PERSON|Ute Brandl]]"}',
    ),
    (
        "json_record",
        "he/israeli-moroccan",
        'תסכם את הרשומה הבאה בעברית, בשתי שורות:\n{"contact_name":"[[PERSON|ליאור אבוטבול]]","role":"{{סמנכ״ל כספים}}","company":"{{אבוטבול ובניו}}","city":"{{ירושלים}}","phones":["[[PHONE|02-198-6582]]","[[PHONE|+972-53-209-6654]]"],"email":"[[EMAIL|lior@abutbul-sons.co.il]]","address":"[[ADDRESS|רחוב יפו 97, ירושלים]]","owner":"[[PERSON|רון מלכה]]","assistant":"[[PERSON|נוי]]","stage":"{{הצעת מחיר}}","amount":"{{₪64,000}}","notes":"[[PERSON|ליאור]] רוצה לסגור לפני {{ראש השנה}}. ל[[PERSON|רון]] יש קשר אישי עם אבא שלו, [[PERSON|מכלוף]]."}',
    ),
    (
        "json_record",
        "he/arab-israeli-christian",
        '{"lead_id":"{{LD-5530}}","שם":"[[PERSON|ג׳ורג׳ ח׳ורי]]","תפקיד":"{{מנהל שיווק}}","חברה":"{{כרמל אופטיקס}}","טלפון":"[[PHONE|04-418-3813]]","נייד":"[[PHONE|0528707229]]","כתובת":"[[ADDRESS|שדרות בן גוריון 25, חיפה]]","מקור":"{{כנס Cyber Week}}","stage":"{{MQL}}","budget":"{{₪30K}}","ip":"[[IP|46.116.201.77]]","הערות":"[[PERSON|ג׳ורג׳]] מבקש שנדבר גם עם אחותו [[PERSON|ליאנה]] שאחראית על הדיגיטל. ל[[PERSON|ליאנה]] אפשר לכתוב ל-[[EMAIL|liana.k@carmel-optics.co.il]]"}\nהמשימה: כתוב מייל פתיחה קצר ל[[PERSON|ג׳ורג׳]].',
    ),
    (
        "json_record",
        "he/bukharan-israeli",
        'הנה הדיל מה-CRM, תגיד לי מה הסיכונים:\n{"deal":{"name":"{{אמינוב תכשיטים – הרחבה}}","owner":"[[PERSON|גל פישר]]","stage":"{{משא ומתן}}","value":"{{₪118,000}}","close":"{{15/11}}"},\n"contacts":[{"name":"[[PERSON|רפאל אמינוב]]","role":"בעלים","mobile":"[[PHONE|+972 55-710-2822]]"},{"name":"[[PERSON|זוהרה אמינוב]]","role":"הנהלת חשבונות","mobile":"[[PHONE|054-505-2855]]","id_number":"[[IL_ID|760475871]]"}],\n"billing":{"address":"[[ADDRESS|רחוב הרב קוק 12, אור יהודה]]","card_on_file":"[[CREDIT_CARD|5434-0080-5092-6268]]"},\n"last_note":"[[PERSON|רפאל]] אמר ל[[PERSON|גל]] שהוא מחכה לאישור של הבן, [[PERSON|יהודה]], שחוזר מ{{ניו יורק}} אחרי {{חנוכה}}."\n}',
    ),
    (
        "json_record",
        "ar/qatari",
        'لخّص هذا السجل في ثلاث نقاط:\n{"customer":"{{شركة الدوحة للضيافة}}","source":"{{معرض قطر للسياحة}}","contact":{"name":"[[PERSON|جاسم بن خليفة الكواري]]","title":"{{مدير العمليات}}","mobile":"[[PHONE|+974 3613 3858]]","email":"[[EMAIL|jassim.kuwari@dohahospitality.qa]]"\n},"address":"[[ADDRESS|مبنى 45، شارع 230، منطقة 66، الخليج الغربي، الدوحة]]","assistant":"[[PERSON|نور]]","account_manager":"[[PERSON|كريم الصافي]]","iban":"[[IBAN|QA68GEAA642576613953416748557]]","stage":"{{عرض مرسل}}","value":"{{QAR 145,000}}","note":"[[PERSON|بو حمد]] يفضّل الاجتماعات بعد {{العيد}}، والتواصل عن طريق [[PERSON|نور]] مديرة مكتبه. [[PERSON|كريم]] يتابع."}',
    ),
    (
        "json_record",
        "ar/algerian-tunisian",
        '{"lead":{"nom":"[[PERSON|ياسين بوعلام]]","poste":"{{مدير تجاري}}","société":"{{Cevital}}","ville":"{{وهران}}","tél":"[[PHONE|0551 48 88 23]]","email":"[[EMAIL|y.boualem@cevital-distrib.dz]]","adresse":"[[ADDRESS|12 شارع ديدوش مراد، الجزائر العاصمة 16000]]"},\n"commercial":"[[PERSON|سليمة بن شيخ]]","contact_tunis":{"nom":"[[PERSON|الهادي الجريبي]]","tél":"[[PHONE|+216 52 338 776]]"},\n"offre":"{{الباقة المهنية}}","devise":"{{دينار جزائري}}","rdv":"{{10 مارس}}",\n"notes":"[[PERSON|ياسين]] يريد عرضاً بالعربية والفرنسية؛ [[PERSON|سليمة]] ستتصل بسي [[PERSON|الهادي]] لتنسيق فرع تونس."\n}\nاكتب رداً مهذباً باسم [[PERSON|سليمة]].',
    ),
    (
        "json_record",
        "tr/turkish",
        'Bu müşteri kaydını özetle ve bir sonraki adımı öner:\n{"musteri":"{{Yıldız Tekstil A.Ş.}}","yetkili":"[[PERSON|Bahar Yıldız]]","unvan":"{{Satış Müdürü}}","sehir":"{{Bursa}}","cep":"[[PHONE|0532 288 49 54]]","is_tel":"[[PHONE|+90 542 328 14 16]]","eposta":"[[EMAIL|bahar@yildiztekstil.com.tr]]","adres":"[[ADDRESS|Atatürk Cad. No: 42 D: 5, Kadıköy, İstanbul]]","iban":"[[IBAN|TR89 5338 1075 4488 2674 5315 25]]","temsilci":"[[PERSON|Deniz Aksoy]]","paket":"{{Kurumsal Paket}}","tutar":"{{₺480.000}}","not":"[[PERSON|Bahar]] Hanım {{Ramazan Bayramı}} sonrası karar verecek. Muhasebeden [[PERSON|Umut Kaplan]] fatura detaylarını istedi; [[PERSON|Deniz]] takip ediyor."}',
    ),
    # ---------------------------------------------------------------- csv_export
    (
        "csv_export",
        "en/american-british-irish-australian",
        "Export from {{Lumen CRM}} — pipeline_owner_view_{{Q3}}.csv. Flag stalled deals (last_touch > 60 days) and suggest a next step per owner.\n\nfull_name,email,mobile,company,title,owner,stage,deal_value,last_touch\n[[PERSON|April Nwachukwu]],[[EMAIL|april.n@harborlinefreight.com]],[[PHONE|+1 305-941-7375]],{{Harborline Freight}},Logistics Manager,[[PERSON|Wade Kessler]],Discovery,$18000,2024-06-02\n[[PERSON|Ruby Tennant]],[[EMAIL|ruby@tennantandco.co.uk]],[[PHONE|07911 244951]],Tennant & Co,Founder,[[PERSON|Wade Kessler]],Qualified,£9500,2024-07-19\n[[PERSON|Declan Ó Murchú]],[[EMAIL|declan.omurchu@brightforge.ie]],[[PHONE|086 240 3337]],Brightforge,CTO,[[PERSON|Ivy Lam]],Demo,€22000,2024-05-30\n[[PERSON|Brodie McAllister]],[[EMAIL|brodie@southerncrossag.com.au]],[[PHONE|0412 975 087]],Southern Cross Ag,Ops Lead,[[PERSON|Ivy Lam]],Proposal,A$41000,2024-04-11\n[[PERSON|Chase Okoro]],[[EMAIL|c.okoro@maplegrid.ca]],[[PHONE|(604) 513-7821]],Maple Grid Energy,VP Sales,[[PERSON|Wade Kessler]],{{Negotiation}},$96000,2024-07-28\n[[PERSON|Summer Haddad-Price]],[[EMAIL|summer.hp@lakeshoredental.com]],[[PHONE|(312) 259-9452]],Lakeshore Dental Group,Practice Manager,[[PERSON|Rich Alvarez]],Discovery,$7200,2024-03-02\n[[PERSON|Hunter Bellamy]],[[EMAIL|hbellamy@bellamyroofing.com]],[[PHONE|+1 206-445-1599]],{{Bellamy Roofing}},Owner,[[PERSON|Rich Alvarez]],Closed Lost,$0,2024-02-14\n[[PERSON|Gráinne O'Dowd]],[[EMAIL|grainne@odowdpharma.ie]],[[PHONE|+353 86 892 5783]],O'Dowd Pharma,Head of Commercial,[[PERSON|Ivy Lam]],Demo,€31000,2024-07-02\n[[PERSON|Carmen Ruiz-Tagle]],[[EMAIL|cruiztagle@bayfrontrealty.com]],[[PHONE|(305) 851-1558]],Bayfront Realty,Broker,[[PERSON|Rich Alvarez]],Qualified,$12500,2024-05-21\n[[PERSON|Rowan Mbeki-Hart]],[[EMAIL|rowan@northernlightsolar.co.uk]],[[PHONE|+44 161 307 9535]],Northern Light Solar,MD,[[PERSON|Wade Kessler]],Proposal,£27000,2024-06-15\n\nNote from [[PERSON|Ivy]]: ignore the roofing row, [[PERSON|Hunter]] went with {{Salesforce}}. [[PERSON|Wade]] is out until the 12th so route his urgent ones to [[PERSON|Rich]].",
    ),
    (
        "csv_export",
        "en/nepali-srilankan-bangladeshi-pakistani-indian",
        'Clean up this CSV: normalise phones to {{E.164}}, keep names exactly as written, fill the missing city from the phone prefix.\n\nLead,Phone,City,Company,Owner,Next step\n[[PERSON|Sujata Shrestha]],[[PHONE|984-4592716]],{{Kathmandu}},{{Himalayan Java Traders}},[[PERSON|Dilshan Perera]],send quote\n[[PERSON|Prakash Gurung]],[[PHONE|+977 980-5019950]],Pokhara,Annapurna Treks Pvt Ltd,[[PERSON|Dilshan Perera]],demo Tue\n[[PERSON|Tharindu Jayasuriya]],[[PHONE|071 249 9638]],{{Colombo}},Ceylon Spice Co,[[PERSON|Farzana Akter]],call back\n[[PERSON|Nusrat Jahan Mim]],[[PHONE|01725-724464]],,Karnaphuli Garments,[[PERSON|Farzana Akter]],pricing sheet\n[[PERSON|Ahsan Iqbal Butt]],[[PHONE|0300 5737048]],{{Lahore}},Butt Surgical Works,[[PERSON|Hassan Raza]],waiting on PO\n[[PERSON|Lakshmi Narayanan]],[[PHONE|+91 97447 29856]],{{Kochi}},Malabar Coir Exports,[[PERSON|Hassan Raza]],intro call\n"[[PERSON|Venkatesh Rao]] ([[PERSON|Venky]])",[[PHONE|+91 97368 81943]],Hyderabad,Deccan Fintech,[[PERSON|Dilshan Perera]],security review\n[[PERSON|Anjali Deshmukh]],[[PHONE|088702 46244]],{{Pune}},Sahyadri Foods,[[PERSON|Farzana Akter]],contract sent\n[[PERSON|Gurpreet Singh Bhullar]],[[PHONE|+91 63599 62832]],,Bhullar Transport Co,[[PERSON|Hassan Raza]],no answer x3\n[[PERSON|Pasang Lhamu Sherpa]],[[PHONE|+977 980-9433520]],Kathmandu,Khumbu Gear,[[PERSON|Dilshan Perera]],follow up after Dashain\n\n(owners: [[PERSON|Dilshan]] = South Asia lead, [[PERSON|Farzana]] = BD/LK, [[PERSON|Hassan]] = PK/IN)',
    ),
    (
        "csv_export",
        "en/italian-spanish-portuguese-brazilian-greek-polish-mexican",
        "Here's the EU/LatAm direct-debit list (semicolon CSV from Excel). Which rows are missing a valid IBAN and who owns them?\n\nnome;cognome;email;telefono;azienda;responsabile;iban;valore\n[[PERSON|Gianmarco]];[[PERSON|Esposito-Rinaldi]];[[EMAIL|gm.esposito@rinaldivini.it]];[[PHONE|+39 333 025 8310]];{{Rinaldi Vini}};[[PERSON|Dario Conti]];[[IBAN|IT29G4595296188577399218338]];{{€14.500}}\n[[PERSON|Inmaculada]];[[PERSON|Cienfuegos]];[[EMAIL|inma@cienfuegoshermanos.es]];[[PHONE|677 11 37 52]];{{Cienfuegos Hermanos}};[[PERSON|Dario Conti]];;€8.900\n[[PERSON|João Pedro]];[[PERSON|Magalhães]];[[EMAIL|jp.magalhaes@padariaminho.pt]];[[PHONE|+351 965 526 761]];Padaria do Minho;[[PERSON|Leonor Vaz]];[[IBAN|PT50112104930103718546368]];€5.200\n[[PERSON|Thaís]];[[PERSON|Albuquerque Nogueira]];[[EMAIL|thais.an@verdemar.com.br]];[[PHONE|(21) 96838-9942]];Verdemar Cosméticos;[[PERSON|Leonor Vaz]];n/a (boleto);R$ 41.000\n[[PERSON|Konstantinos]];[[PERSON|Vlachos]];[[EMAIL|k.vlachos@aegeanmarine.gr]];[[PHONE|+30 694 459 6184]];{{Aegean Marine Supplies}};[[PERSON|Dario Conti]];[[IBAN|GR2815129383602972060022950]];€19.750\n[[PERSON|Agnieszka]];[[PERSON|Wróblewska]];[[EMAIL|a.wroblewska@wislalogistyka.pl]];[[PHONE|+48 508 770 215]];Wisła Logistyka;[[PERSON|Leonor Vaz]];[[IBAN|PL38119553875162408006504848]];€11.300\n[[PERSON|Dolores]];[[PERSON|Paz]];[[EMAIL|dolores.paz@cerveceriadelnorte.mx]];[[PHONE|81 1953 7282]];{{Cervecería del Norte}};[[PERSON|Leonor Vaz]];n/a;MXN 380.000\n[[PERSON|Amparo]];[[PERSON|Soler]];[[EMAIL|asoler@solerceramica.es]];[[PHONE|+34 915 98 12 28]];Soler Cerámica;[[PERSON|Dario Conti]];[[IBAN|ES72 5466 0512 8991 4832 5910]];€6.400\n\n[[PERSON|Leonor]] says the Mexican and Brazilian rows are card/boleto only, so skip them. Deadline for the SEPA batch: {{28 February}}.",
    ),
    (
        "csv_export",
        "en/nigerian-ghanaian-kenyan-southafrican-ethiopian",
        "TSV pasted from the Africa team sheet — group by owner and tell me who has the most hot leads:\n\nname\tphone\temail\tcity\towner\tstatus\n[[PERSON|Adaeze Nnamdi-Okafor]]\t[[PHONE|0813 077 7261]]\t[[EMAIL|adaeze@kanopayments.ng]]\t{{Lagos}}\t[[PERSON|Sunny Adebayo]]\thot\n[[PERSON|Blessing Chukwu]]\t[[PHONE|+234 705 708 0909]]\t[[EMAIL|blessing.c@ekofoods.ng]]\tAbuja\t[[PERSON|Sunny Adebayo]]\twarm\n[[PERSON|Kwabena Asante-Darko]]\t[[PHONE|024 382 5915]]\t[[EMAIL|kwabena@goldcoastcocoa.com.gh]]\t{{Accra}}\t[[PERSON|Faith Mwangi]]\thot\n[[PERSON|Akosua Boateng]]\t[[PHONE|+233 20 565 5853]]\t[[EMAIL|akosua.b@kumasitextiles.com.gh]]\tKumasi\t[[PERSON|Faith Mwangi]]\tcold\n[[PERSON|Wambui Njoroge]]\t[[PHONE|0712 518927]]\t[[EMAIL|wambui@savannahfresh.co.ke]]\t{{Nairobi}}\t[[PERSON|Faith Mwangi]]\thot\n[[PERSON|Godwin Otieno]]\t[[PHONE|+254 110 595683]]\t[[EMAIL|g.otieno@lakebasinfish.co.ke]]\tKisumu\t[[PERSON|Faith Mwangi]]\twarm\n[[PERSON|Precious Dlamini]]\t[[PHONE|072 105 1281]]\t[[EMAIL|precious@ubuntuhealth.co.za]]\tDurban\t[[PERSON|Lucky Mahlangu]]\thot\n[[PERSON|Thandeka Mokoena]]\t[[PHONE|+27 61 611 0445]]\t[[EMAIL|thandeka.m@karoowines.co.za]]\t{{Cape Town}}\t[[PERSON|Lucky Mahlangu]]\twarm\n[[PERSON|Selamawit Haile]]\t[[PHONE|+251 92 788 8603]]\t[[EMAIL|selam.haile@abyssiniacoffee.et]]\t{{Addis Ababa}}\t[[PERSON|Sunny Adebayo]]\thot\n[[PERSON|Yonas Tesfaye]]\t[[PHONE|091 551 9753]]\t[[EMAIL|yonas@entotoagro.et]]\tAddis Ababa\t[[PERSON|Lucky Mahlangu]]\tcold\n\nPS: [[PERSON|Lucky]] joined only in {{March}}, so don't compare him 1:1 with [[PERSON|Faith]] or [[PERSON|Sunny]].",
    ),
    (
        "csv_export",
        "he/israeli-mixed",
        'ייצוא לידים – {{כנס Sales Summit}}, {{אוקטובר}}. תמיין לפי סטטוס ותציע מי לתעדף:\n\nשם,טלפון,מייל,חברה,תפקיד,אחראי,סטטוס\n[[PERSON|שחר גבאי]],[[PHONE|050-4435770]],[[EMAIL|shahar.g@elal-cargo.co.il]],{{אל על}},מנהל לוגיסטיקה,[[PERSON|ליאור]],חם\n[[PERSON|אביב ששון]],[[PHONE|+972-58-614-0831]],[[EMAIL|aviv@sasson-law.co.il]],ששון ושות׳ עורכי דין,שותף,[[PERSON|טל]],פושר\n[[PERSON|שירה טסמה]],[[PHONE|053-708-6179]],[[EMAIL|shira.tesema@gmail.com]],עצמאית,יועצת שיווק,[[PERSON|ליאור]],חם\n[[PERSON|נוי דהן-פרידמן]],[[PHONE|0527541882]],[[EMAIL|noy.df@superpharm-b2b.co.il]],{{סופר-פארם}},רכש,[[PERSON|טל]],קר\n[[PERSON|ים קליין]],[[PHONE|+972 50 020 8723]],[[EMAIL|yam@kleinstudio.co.il]],קליין סטודיו,מעצב ראשי,[[PERSON|ליאור]],פושר\n[[PERSON|חן אלמליח]],[[PHONE|052-552-5137]],[[EMAIL|chen.elmalich@ashdodport.co.il]],{{נמל אשדוד}},{{מנהלת תפעול}},[[PERSON|טל]],חם\n"[[PERSON|מיכאל זלצמן]] ([[PERSON|מישה]])",[[PHONE|053-904-4351]],[[EMAIL|misha.z@zaltsman.dev]],זלצמן דב,CTO,[[PERSON|ליאור]],חם\n[[PERSON|גל אזולאי]],[[PHONE|055-292-2121]],[[EMAIL|gal.azoulay@tnuva-food.co.il]],{{תנובה}},מנהל מכירות,[[PERSON|טל]],קר\n\nהערה של [[PERSON|טל]]: [[PERSON|מישה]] ו[[PERSON|שירה]] ביקשו הדגמה כבר ב{{יום ראשון}}.',
    ),
    (
        "csv_export",
        "he/israeli-druze-haredi-bedouin-ethiopian-russian",
        'רשימת משתתפים בסדנת ההטמעה – להפקת חשבוניות. תבדוק שלכל אחד יש ת״ז וכתובת:\n\nשם מלא,ת.ז.,נייד,כתובת,סכום\n[[PERSON|ויסאם טריף]],[[IL_ID|617666755]],[[PHONE|058-510-7246]],"[[ADDRESS|רחוב הראשי 4, ג׳וליס]]",{{₪1170}}\n[[PERSON|פנינה גולדשמידט]],[[IL_ID|003522679]],[[PHONE|052-823-8976]],"[[ADDRESS|רחוב חזון איש 31, בני ברק]]",₪1170\n[[PERSON|אנה ברקוביץ׳]],[[IL_ID|151693926]],[[PHONE|+972 52 711 3486]],"[[ADDRESS|שדרות ירושלים 140, אשדוד]]",₪1170\n[[PERSON|עאישה אבו קף]],[[IL_ID|225144468]],[[PHONE|0520705786]],"[[ADDRESS|שכונה 5, בית 212, כסייפה]]",{{₪585}} (50% מלגה)\n[[PERSON|משה פיקדו]],[[IL_ID|194796868]],[[PHONE|052-225-6335]],"[[ADDRESS|רחוב הנביאים 17, קריית מלאכי]]",₪1170\n[[PERSON|ריטה כהן-ששון]],[[IL_ID|540674157]],[[PHONE|053-148-3344]],,₪1170\n[[PERSON|דורית ליבוביץ]],,[[PHONE|050-271-7625]],"[[ADDRESS|רחוב ויצמן 2, כפר סבא]]",₪1170\n\nהסדנה התקיימה ב{{יום חמישי}} במשרדי {{WeWork}} {{שרונה}}. [[PERSON|ריטה]] עוד לא שלחה כתובת, ול[[PERSON|דורית]] חסרה ת״ז – תנסח להן תזכורת. מנהלת הסדנה: [[PERSON|עדי בן שושן]].',
    ),
    (
        "csv_export",
        "ar/emirati-saudi-omani-bahraini",
        'صدّر لي قائمة العملاء المحتملين من معرض {{جيتكس}} ورتّبهم حسب المرحلة، واقترح خطوة تالية لكل واحد:\n\nالاسم,الجوال,البريد,الشركة,المدينة,المسؤول,المرحلة\n[[PERSON|منى الكعبي]],[[PHONE|050 346 2953]],[[EMAIL|mona.alkaabi@alaintech.ae]],العين للتقنية,{{العين}},[[PERSON|راشد]],عرض سعر\n[[PERSON|راضي الشمري]],[[PHONE|+966 54 653 0677]],[[EMAIL|radi.shammari@hailfarms.sa]],مزارع حائل,{{حائل}},[[PERSON|راشد]],اكتشاف\n[[PERSON|فرح المرزوقي]],[[PHONE|+971 55 612 8587]],[[EMAIL|farah@marzouqi-events.ae]],{{المرزوقي للفعاليات}},{{دبي}},[[PERSON|شمّا]],تفاوض\n[[PERSON|جميل باوزير]],[[PHONE|056 105 8202]],[[EMAIL|jamil.bawazir@bawazirgroup.sa]],مجموعة باوزير,جدة,[[PERSON|شمّا]],اكتشاف\n[[PERSON|هدى الرواحي]],[[PHONE|+968 9715 2826]],[[EMAIL|huda.rawahi@muscatlogistics.om]],مسقط للخدمات اللوجستية,{{مسقط}},[[PERSON|راشد]],عرض سعر\n[[PERSON|سلام الجودر]],[[PHONE|00973 3639 5023]],[[EMAIL|salam.jowder@pearlbank.bh]],بنك اللؤلؤ,المنامة,[[PERSON|شمّا]],مؤهل\n[[PERSON|وفاء العمودي]],[[PHONE|011 325 0883]],[[EMAIL|wafa.amoudi@najdmed.sa]],نجد الطبية,الرياض,[[PERSON|راشد]],تفاوض\n"[[PERSON|عبدالله الفلاسي]] ([[PERSON|بو راشد]])",[[PHONE|04 262 6683]],[[EMAIL|a.falasi@creekmarine.ae]],كريك مارين,دبي,[[PERSON|شمّا]],عرض سعر\n\nملاحظة: [[PERSON|شمّا]] في إجازة حتى {{الأحد}}، حوّل عملاءها مؤقتاً إلى [[PERSON|راشد]].',
    ),
    (
        "csv_export",
        "ar/egyptian",
        'حلل الشيت ده وقولي مين محتاج متابعة النهارده:\n\nالاسم,موبايل,الإيميل,الشركة,العنوان,المندوب,آخر تواصل\n[[PERSON|شريف عزت]],[[PHONE|01227355743]],[[EMAIL|sherif.ezzat@nileceramics.com.eg]],{{النيل للسيراميك}},"[[ADDRESS|15 ش عباس العقاد، مدينة نصر، القاهرة]]",[[PERSON|دينا]],{{2 نوفمبر}}\n[[PERSON|نرمين سامي]],[[PHONE|+20 11 8167 0845]],[[EMAIL|nermine.samy@deltafoods.eg]],دلتا فودز,"[[ADDRESS|22 طريق الحرية، رشدي، الإسكندرية]]",[[PERSON|دينا]],28 أكتوبر\n"[[PERSON|أحمد فؤاد]] ([[PERSON|حمو]])",[[PHONE|0109 788 6897]],[[EMAIL|hamo.fouad@gmail.com]],فؤاد للمقاولات,,[[PERSON|مصطفى]],15 أكتوبر\n[[PERSON|مينا جرجس]],[[PHONE|+201168312385]],[[EMAIL|mina.girgis@pharmaplus.eg]],{{فارما بلس}},"[[ADDRESS|فيلا 8، الحي السابع، التجمع الخامس، القاهرة الجديدة]]",[[PERSON|مصطفى]],1 نوفمبر\n[[PERSON|سعيد البنا]],[[PHONE|03-2309299]],[[EMAIL|s.elbanna@alexshipping.com]],الإسكندرية للشحن,,[[PERSON|دينا]],20 سبتمبر\n[[PERSON|دعاء الشاذلي]],[[PHONE|01153326909]],[[EMAIL|doaa.elshazly@mansouraedu.eg]],{{جامعة المنصورة}},,[[PERSON|مصطفى]],30 أكتوبر\n[[PERSON|هاني رزق]],[[PHONE|+20 12 4749 3856]],[[EMAIL|hany.rizk@rizkmotors.eg]],رزق موتورز,"[[ADDRESS|8 ش شهاب، المهندسين، الجيزة]]",[[PERSON|دينا]],3 نوفمبر\n\nالنهارده {{الأحد 3 نوفمبر}}. [[PERSON|سعيد]] و[[PERSON|حمو]] بقالهم كتير من غير متابعة. [[PERSON|دينا]] طالبة تقرير قبل اجتماع {{الساعة 2}}، والهدف الشهري {{1.5 مليون جنيه}}.',
    ),
    (
        "csv_export",
        "ar/moroccan-tunisian-jordanian-palestinian-algerian",
        "هاد الليست ديال الليدز من المغرب وتونس والأردن، بغيت ملخص لكل مسؤول وشكون خاصو يتعاود معاه الاتصال:\n\nالاسم,الهاتف,المدينة,الشركة,المسؤول,الحالة\n[[PERSON|كريمة الإدريسي]],[[PHONE|06 87 86 04 91]],{{فاس}},تعاونية الأطلس,[[PERSON|سلمى]],مهتمة\n[[PERSON|حمزة التازي]],[[PHONE|+212 7 82 83 12 83]],{{الدار البيضاء}},{{التازي للنسيج}},[[PERSON|سلمى]],عرض مرسل\n[[PERSON|سعاد بن عمار]],[[PHONE|+216 25 454 546]],{{صفاقس}},زيوت الساحل,[[PERSON|طارق بنعلي]],تفاوض\n[[PERSON|جود الأتاسي]],[[PHONE|07 7024 8335]],{{عمّان}},الأتاسي للتصميم,[[PERSON|طارق بنعلي]],مهتمة\n[[PERSON|يزن المصري]],[[PHONE|0568 370 072]],{{نابلس}},صابون نابلس الأصلي,[[PERSON|طارق بنعلي]],لا يرد\n[[PERSON|رهف عودة]],[[PHONE|+962 7 9568 9698]],إربد,مدارس الريادة,[[PERSON|سلمى]],عرض مرسل\n[[PERSON|نور الدين زروال]],[[PHONE|0674 03 04 32]],{{وهران}},زروال للتبريد,[[PERSON|طارق بنعلي]],مهتم\n[[PERSON|أسامة الحسني]],[[PHONE|07 07 83 85 07]],مراكش,رياض السعادة,[[PERSON|سلمى]],بارد\n\nملاحظة من [[PERSON|طارق]]: [[PERSON|يزن]] ما كيجاوبش من الشهر اللي فات، و[[PERSON|جود]] بغات العرض بالإنجليزية.",
    ),
    (
        "csv_export",
        "fa/iranian",
        "این لیست سرنخ‌ها را بر اساس وضعیت خلاصه کن و برای هر مسئول یک پیشنهاد بنویس:\n\nنام,موبایل,ایمیل,شرکت,شهر,مسئول,وضعیت\n[[PERSON|شیرین کاظمی]],[[PHONE|0912 214 2377]],[[EMAIL|shirin.kazemi@parsfood.ir]],پارس فود,{{تهران}},[[PERSON|امید فرهادی]],پیشنهاد قیمت\n[[PERSON|مهرداد نیک‌پور]],[[PHONE|+98 935 867 9844]],[[EMAIL|mehrdad@naghshtile.ir]],کاشی نقش جهان,{{اصفهان}},[[PERSON|امید فرهادی]],مذاکره\n[[PERSON|ستاره رضوانی]],[[PHONE|021 8412 4706]],[[EMAIL|setareh.r@alborzins.ir]],بیمه البرز,تهران,[[PERSON|آرزو]],جدید\n[[PERSON|بهار افشار]],[[PHONE|+971 50 129 5544]],[[EMAIL|bahar.afshar@persiancarpets.ae]],{{فرش افشار}},{{دبی}},[[PERSON|آرزو]],مذاکره\n[[PERSON|نسیم طباطبایی]],[[PHONE|0912 359 0729]],[[EMAIL|nasim.t@shirazwine-export.com]],صادرات زاگرس,{{شیراز}},[[PERSON|امید فرهادی]],جدید\n[[PERSON|کوروش بختیاری]],[[PHONE|+90 505 663 87 56]],[[EMAIL|kourosh@bakhtiari-logistics.com.tr]],بختیاری لجستیک,استانبول,[[PERSON|آرزو]],پیشنهاد قیمت\n[[PERSON|پگاه سلطانی]],[[PHONE|021 2888 0937]],[[EMAIL|pegah.soltani@digikala-b2b.ir]],دیجی‌کالا,تهران,[[PERSON|امید فرهادی]],بسته شد\n\nتوجه: [[PERSON|امید]] تا بعد از {{نوروز}} در مرخصی است؛ فعلاً [[PERSON|آرزو]] پیگیری کند. قیمت {{پکیج طلایی}} را برای [[PERSON|بهار]] به درهم بفرست.",
    ),
    # ---------------------------------------------------------------- tool_result
    (
        "tool_result",
        "en/portuguese-spanish-greek",
        '[tool:crm_search_contacts] status=200\n{"query":"account:{{Atl\\u00e2ntico Seguros}}","results":[{"id":"{{CT-30017}}","name":"[[PERSON|Jos\\u00e9 Mar\\u00eda Ib\\u00e1\\u00f1ez]]","title":"{{Director Comercial}}","email":"[[EMAIL|jm.ibanez@atlanticoseguros.pt]]","phone":"[[PHONE|+351 918 526 259]]","office":"{{Lisboa}}"},{"id":"CT-30018","name":"[[PERSON|Maria da Concei\\u00e7\\u00e3o Lobo]]","title":"Gestora de Contas","email":"[[EMAIL|conceicao.lobo@atlanticoseguros.pt]]","phone":"[[PHONE|+351 910 921 457]]","office":"{{Porto}}","assistant":"[[PERSON|Zo\\u00eb Papadakis]]"},{"id":"CT-30019","name":"[[PERSON|\\u00cd\\u00f1igo Uriarte]]","title":"CFO","email":"[[EMAIL|inigo.uriarte@atlanticoseguros.es]]","phone":"[[PHONE|+34 910 72 23 71]]","office":"Madrid"}],"total":3,"took_ms":41}\n\nuser: who should I call about the renewal due {{15 June}}? [[PERSON|Conceição]] said [[PERSON|Íñigo]] signs, but [[PERSON|José María]] owns the relationship.',
    ),
    (
        "tool_result",
        "en/chinese-american-mexican-japanese",
        'Function get_deal returned:\n{"deal_id":"{{D-77120}}","name":"{{Pacific Rim Foods \\u2013 Expansion}}","stage":"{{Contract Out}}","amount":{"value":"{{$310,000}}","currency":"USD"},"owner":{"name":"[[PERSON|Ivy Zhang]]","email":"[[EMAIL|ivy.zhang@lumencrm.com]]"},"contacts":[{"name":"[[PERSON|Jes\\u00fas Villalobos]]","nickname":"[[PERSON|Chuy]]","role":"VP Operations","phone":"[[PHONE|+52 81 3425 2502]]"},{"name":"[[PERSON|Drew Matsumoto]]","role":"General Counsel","phone":"[[PHONE|+1 206-830-9825]]","email":"[[EMAIL|dmatsumoto@pacificrimfoods.com]]"}],"integrations":{"webhook_url":"https://hooks.pacificrimfoods.com/crm","webhook_secret":"[[SECRET|whsec_Qm7Lr2VxT9pKd4Hs8NwB1cYe6ZuJ0aFg]]"},"last_login_ip":"[[IP|2607:fb90:a31c:4d2e:1c5a:7bff:fe02:9d11]]","close_date":"{{Q4}}"}\n\nSummarize the risks before Friday\'s forecast call. Note: [[PERSON|Chuy]] told [[PERSON|Ivy]] that legal ([[PERSON|Drew]]) is the bottleneck.',
    ),
    (
        "tool_result",
        "en/ghanaian-british",
        '<tool_result name="enrich_person">\n{"input":{"email":"[[EMAIL|kofi.ampofo-laryea@kumasigold.com]]"},"person":{"full_name":"[[PERSON|Kofi Ampofo-Laryea]]","given_name":"[[PERSON|Kofi]]","family_name":"[[PERSON|Ampofo-Laryea]]","employment":{"title":"{{Head of Procurement}}","company":"{{Kumasi Gold Refinery}}"},"phone":"[[PHONE|+233 24 283 2796]]","location":"{{Kumasi}}, Ghana","work_address":"[[ADDRESS|Plot 12, Harper Road, Adum, Kumasi]]"},"company":{"name":"{{Kumasi Gold Refinery}}","uk_office_contact":"[[PERSON|Penelope Ashcombe]]","uk_phone":"[[PHONE|+44 20 7064 9653]]"},"request_ip":"[[IP|41.215.171.36]]","api_key_used":"[[SECRET|ent_live_42830bca7398d44490847d489dc2b0f7f2f9714e]]","credits_remaining":4812}\n</tool_result>\nDraft a first-touch email to [[PERSON|Kofi]] that mentions our {{LBMA}} customers; cc [[PERSON|Penelope]] in London.',
    ),
    (
        "tool_result",
        "en/indian-australian-indonesian",
        'calendar.list_events →\n{"events":[{"title":"{{QBR}} \\u2013 {{Southern Star Mining}}","start":"{{2025-04-08T09:30:00+08:00}}","location":"[[ADDRESS|Level 31, 240 St Georges Terrace, Perth WA 6000]]","organizer":"[[EMAIL|matilda.oconnell@lumencrm.com]]","attendees":[{"name":"[[PERSON|Matilda O\\u2019Connell]]","role":"AE"},{"name":"[[PERSON|Srinivasan Venkataraman]]","email":"[[EMAIL|srini.v@southernstar.com.au]]","mobile":"[[PHONE|0412 449 996]]"},{"name":"[[PERSON|Brooke Tjandra]]","email":"[[EMAIL|brooke.tjandra@southernstar.com.au]]"}],"conference":"{{Zoom}}"},{"title":"Prep with [[PERSON|Ravi]]","start":"2025-04-07T16:00:00+08:00","attendees":[{"name":"[[PERSON|Ravi Teja Kondapalli]]","mobile":"[[PHONE|+91 88054 48816]]"}]}]}\n\nuser: move the prep so it doesn’t clash with {{Anzac Day}} travel and tell [[PERSON|Srini]] and [[PERSON|Brooke]] the QBR agenda.',
    ),
    (
        "tool_result",
        "he/israeli-mizrahi-ashkenazi",
        'tool_result (crm.get_lead):\n{"id":"{{L-44817}}","full_name":"[[PERSON|\\u05e9\\u05d7\\u05e8 \\u05d1\\u05d9\\u05d8\\u05d5\\u05df]]","title":"{{\\u05de\\u05e0\\u05d4\\u05dc\\u05ea \\u05e8\\u05db\\u05e9}}","company":"{{\\u05e8\\u05e9\\u05ea \\u05de\\u05d7\\u05e1\\u05e0\\u05d9 \\u05d7\\u05e9\\u05de\\u05dc}}","phone":"[[PHONE|+972-52-848-0978]]","email":"[[EMAIL|shahar.biton@mahsanei-hashmal.co.il]]","address":"[[ADDRESS|\\u05e8\\u05d7\\u05d5\\u05d1 \\u05d6\\u05f3\\u05d1\\u05d5\\u05d8\\u05d9\\u05e0\\u05e1\\u05e7\\u05d9 33, \\u05e4\\u05ea\\u05d7 \\u05ea\\u05e7\\u05d5\\u05d5\\u05d4]]","owner":"[[PERSON|\\u05d0\\u05d5\\u05e8\\u05d9 \\u05dc\\u05e0\\u05d3\\u05d0\\u05d5]]","stage":"{{SQL}}","value":"{{\\u20aa52,000}}","notes":"[[PERSON|\\u05e9\\u05d7\\u05e8]] \\u05d1\\u05d9\\u05e7\\u05e9\\u05d4 \\u05e9\\u05e0\\u05d7\\u05d6\\u05d5\\u05e8 \\u05d0\\u05dc\\u05d9\\u05d4 \\u05d0\\u05d7\\u05e8\\u05d9 {{\\u05e9\\u05d1\\u05d5\\u05e2\\u05d5\\u05ea}} \\ud83d\\ude4f"}\n\nהמשימה: נסח הודעת וואטסאפ קצרה ל[[PERSON|שחר]] בשם [[PERSON|אורי]], בלי להזכיר מחיר.',
    ),
    (
        "tool_result",
        "he/israeli-mixed",
        '[tool] tasks.list_open returned:\n{"source":"{{Lumen CRM}}","tasks":[{"id":"{{T-9031}}","title":"\\u05dc\\u05d4\\u05ea\\u05e7\\u05e9\\u05e8 \\u05dc[[PERSON|\\u05d0\\u05dc\\u05d9\\u05d4\\u05d5 \\u05de\\u05d6\\u05e8\\u05d7\\u05d9]] \\u05dc\\u05d2\\u05d1\\u05d9 {{\\u05d7\\u05d9\\u05d3\\u05d5\\u05e9 \\u05de\\u05e0\\u05d5\\u05d9}}","assignee":"[[PERSON|\\u05e0\\u05d5\\u05d9 \\u05db\\u05d4\\u05df]]","due":"{{\\u05d9\\u05d5\\u05dd \\u05e9\\u05e0\\u05d9}}"},{"id":"T-9032","title":"\\u05dc\\u05e9\\u05dc\\u05d5\\u05d7 \\u05d7\\u05d5\\u05d6\\u05d4 \\u05dc[[PERSON|\\u05e9\\u05e0\\u05d9 \\u05e4\\u05e8\\u05d9\\u05d3\\u05de\\u05df]] \\u2013 \\u05ea\\u05f4\\u05d6 [[IL_ID|929743474]]","assignee":"[[PERSON|\\u05e8\\u05d5\\u05df]]","due":"{{12/03}}"},{"id":"T-9033","title":"\\u05e4\\u05d2\\u05d9\\u05e9\\u05d4 \\u05e2\\u05dd [[PERSON|\\u05e2\\u05e0\\u05d1\\u05dc]] \\u05d5[[PERSON|\\u05d0\\u05d1\\u05d9\\u05e2\\u05d3]] \\u05d1[[ADDRESS|\\u05e8\\u05d7\\u05d5\\u05d1 \\u05d4\\u05d1\\u05e8\\u05d6\\u05dc 3, \\u05ea\\u05dc \\u05d0\\u05d1\\u05d9\\u05d1]]","assignee":"[[PERSON|\\u05e0\\u05d5\\u05d9 \\u05db\\u05d4\\u05df]]","due":"{{\\u05d9\\u05d5\\u05dd \\u05e8\\u05d1\\u05d9\\u05e2\\u05d9}}"}],"count":3}\n\nתסדר לי את המשימות לפי דחיפות ותכתוב ל[[PERSON|נוי]] סיכום קצר. את המשימה של [[PERSON|שני]] תעביר ל[[PERSON|רון]] אם הוא לא עונה.',
    ),
    (
        "tool_result",
        "he/israeli-moroccan",
        'tool whatsapp.send_message →\n{"status":"sent","channel":"{{WhatsApp Business API}}","account":"{{אלקיים נדל״ן}}","to":"[[PHONE|+972543664803]]","to_name":"[[PERSON|מרים אבוחצירה]]","template":"{{reminder_meeting_he}}","body":"שלום [[PERSON|מרים]], תזכורת לפגישה {{מחר ב-10:00}} עם [[PERSON|דור]] ב[[ADDRESS|רחוב הנשיא 40, באר שבע]]. לביטול השיבי 1.","message_id":"wamid.HBgMOTcyNTQzNjY0ODAzFQIAERgSRkE2","sent_by":"[[PERSON|דור אלקיים]]","cost":"{{$0.0147}}"}\n\nהלקוחה ענתה: "מי זה [[PERSON|דור]]? אני מכירה רק את [[PERSON|סיוון]]". תכין תשובה מנומסת שמסבירה ש[[PERSON|סיוון]] עברה למחלקה אחרת.',
    ),
    (
        "tool_result",
        "ar/saudi",
        '<tool_output tool="crm_lookup">\n{"lead":{"name":"[[PERSON|\\u0646\\u0648\\u0631\\u0629 \\u0628\\u0646\\u062a \\u0641\\u0647\\u062f \\u0627\\u0644\\u0639\\u062a\\u064a\\u0628\\u064a]]","title":"{{\\u0645\\u062f\\u064a\\u0631\\u0629 \\u0627\\u0644\\u0645\\u0648\\u0627\\u0631\\u062f \\u0627\\u0644\\u0628\\u0634\\u0631\\u064a\\u0629}}","company":"{{\\u0645\\u062c\\u0645\\u0648\\u0639\\u0629 \\u0627\\u0644\\u0641\\u064a\\u0635\\u0644\\u064a\\u0629}}","mobile":"[[PHONE|+966 59 531 8381]]","email":"[[EMAIL|noura.otaibi@faisaliah-hr.sa]]","national_address":"[[ADDRESS|3382 \\u0634\\u0627\\u0631\\u0639 \\u0627\\u0644\\u062a\\u062e\\u0635\\u0635\\u064a\\u060c \\u062d\\u064a \\u0627\\u0644\\u0645\\u0639\\u0630\\u0631\\u060c \\u0627\\u0644\\u0631\\u064a\\u0627\\u0636 12611\\u060c \\u0627\\u0644\\u0631\\u0645\\u0632 \\u0627\\u0644\\u0645\\u062e\\u062a\\u0635\\u0631 RHOA3382]]"},"owner":"[[PERSON|\\u0633\\u0644\\u0637\\u0627\\u0646 \\u0627\\u0644\\u0642\\u0631\\u0634\\u064a]]","stage":"{{\\u0639\\u0631\\u0636 \\u0633\\u0639\\u0631}}","last_activity":"\\u0645\\u0643\\u0627\\u0644\\u0645\\u0629 \\u0645\\u0639 [[PERSON|\\u0646\\u0648\\u0631\\u0629]] \\u064a\\u0648\\u0645 {{\\u0627\\u0644\\u0627\\u062b\\u0646\\u064a\\u0646}}","value":"{{SAR 220,000}}"\n}\n</tool_output>\nاكتب ملخصاً بالعربية لـ[[PERSON|سلطان]] مع اقتراح موعد المتابعة.',
    ),
    (
        "tool_result",
        "ar/jordanian-syrian",
        'نتيجة الأداة billing.get_invoice_status:\n{"invoice":"{{INV-2024-0931}}","plan":"{{الباقة المتقدمة}}","amount":"{{1,150 دينار}}","status":"{{مستحقة}}","due":"{{15 نيسان}}","customer":{"company":"{{شركة الحمصي للتجارة}}","contact":"[[PERSON|مجد الحمصي]]","phone":"[[PHONE|+962 7 9444 5254]]","email":"[[EMAIL|majd@homsi-trading.jo]]","billing_address":"[[ADDRESS|شارع وصفي التل 120، خلدا، عمّان 11953]]"},"payment":{"method":"card","card":"[[CREDIT_CARD|4598141431690074]]","fallback_iban":"[[IBAN|JO22 TKTT 8373 9993 2418 2358 5698 33]]"},"collector":"[[PERSON|لين الزعبي]]"}\n\nالمستخدم: الدفعة رجعت مرفوضة. اكتب رسالة لطيفة لـ[[PERSON|مجد]] من [[PERSON|لين]]، وما تذكر رقم البطاقة.',
    ),
    (
        "tool_result",
        "hi/indian-north",
        'टूल परिणाम (crm.get_lead):\n{"naam":"[[PERSON|\\u0938\\u0941\\u0928\\u0940\\u0924\\u093e \\u0930\\u093e\\u091c\\u092a\\u0942\\u0924]]","padnaam":"{{\\u092c\\u093f\\u0915\\u094d\\u0930\\u0940 \\u092a\\u094d\\u0930\\u092e\\u0941\\u0916}}","company":"{{\\u0930\\u093e\\u091c\\u092a\\u0942\\u0924 \\u091f\\u0947\\u0915\\u094d\\u0938\\u091f\\u093e\\u0907\\u0932\\u094d\\u0938}}","mobile":"[[PHONE|+91 63107 81403]]","email":"[[EMAIL|sunita.rajput@rajputtextiles.in]]","pata":"[[ADDRESS|\\u092a\\u094d\\u0932\\u0949\\u091f 22, \\u0938\\u0947\\u0915\\u094d\\u091f\\u0930 18, \\u0917\\u0941\\u0930\\u0941\\u0917\\u094d\\u0930\\u093e\\u092e, \\u0939\\u0930\\u093f\\u092f\\u093e\\u0923\\u093e 122015]]","owner":"[[PERSON|\\u0935\\u093f\\u0915\\u094d\\u0930\\u092e \\u092e\\u0932\\u094d\\u0939\\u094b\\u0924\\u094d\\u0930\\u093e]]","plan":"{{Growth \\u092a\\u094d\\u0932\\u093e\\u0928}}","note":"[[PERSON|\\u0938\\u0941\\u0928\\u0940\\u0924\\u093e]] \\u091c\\u0940 {{\\u0926\\u093f\\u0935\\u093e\\u0932\\u0940}} \\u0915\\u0947 \\u092c\\u093e\\u0926 \\u092b\\u0948\\u0938\\u0932\\u093e \\u0915\\u0930\\u0947\\u0902\\u0917\\u0940; \\u0909\\u0928\\u0915\\u0947 \\u092d\\u093e\\u0908 [[PERSON|\\u0905\\u092e\\u0930]] \\u092d\\u0940 \\u092e\\u0940\\u091f\\u093f\\u0902\\u0917 \\u092e\\u0947\\u0902 \\u0930\\u0939\\u0947\\u0902\\u0917\\u0947"}\n\nइस लीड का सारांश हिंदी में लिखो और [[PERSON|विक्रम]] के लिए अगला कदम सुझाओ। बजट {{₹8 लाख}} है।',
    ),
    # ---------------------------------------------------------------- meeting_transcript
    (
        "meeting_transcript",
        "en/thai-filipino-american",
        "Transcript — {{Zoom}} — {{Kasikorn Home}} × {{Lumen CRM}} pricing call ({{Wed 14 May}})\n[00:00:03] [[PERSON|Pat Calloway]]: Hi all, can everyone hear me? [[PERSON|Ploy]], you're on mute I think.\n[00:00:09] [[PERSON|Pimchanok Wattanasiri]]: Sorry! Yes. Hi [[PERSON|Pat]]. I have [[PERSON|Jericho]] with me from the Manila team.\n[00:00:14] [[PERSON|Jericho Manalastas]]: Hey guys, good morning from Manila.\n[00:00:20] [[PERSON|Pat Calloway]]: Great. So we looked at 85 seats on the {{Business tier}} and we can hold last year's rate.\n[00:01:02] [[PERSON|Pimchanok Wattanasiri]]: The number is OK but we need Thai language support. And the invoice must go to our Bangkok office, [[ADDRESS|88 Sukhumvit Soi 21, Khlong Toei Nuea, Watthana, Bangkok 10110]].\n[00:01:30] [[PERSON|Jericho Manalastas]]: For the Philippine side, onboarding calls can go to my cell, [[PHONE|0928 896 4322]].\n[00:01:41] [[PERSON|Pat Calloway]]: Noted. And [[PERSON|Ploy]], best number for you?\n[00:01:44] [[PERSON|Pimchanok Wattanasiri]]: [[PHONE|+66 89 347 6091]], LINE is the same.\n[00:02:10] [[PERSON|Pat Calloway]]: Perfect. I'll send the revised quote — {{฿1.9M}} per year — by tomorrow.",
    ),
    (
        "meeting_transcript",
        "en/american-irish-nigerian",
        "Gong call transcript (auto) — {{Redwood Analytics}} renewal\n[[PERSON|Guy Harrington]] (Redwood, {{VP Finance}}): So before we sign, I need to understand why the bill went up {{18%}}.\n[[PERSON|April Donnelly]] (Lumen, AM): Totally fair, [[PERSON|Guy]]. Most of it is seat growth — you went from 40 to 52 users in {{Q2}}.\n[[PERSON|Guy Harrington]]: Right, that was the guy from IT adding contractors. [[PERSON|Victor]], can you confirm?\n[[PERSON|Victor Oyelaran-Brandt]] (Redwood IT): Yeah, I added eleven people for the {{Salesforce}} migration. We can remove them after {{June 30}}.\n[[PERSON|April Donnelly]]: Then I can pro-rate. Where do I send the revised order form?\n[[PERSON|Guy Harrington]]: Email me at [[EMAIL|guy.harrington@redwoodanalytics.com]] and cc [[PERSON|Victor]]. Mail the signed copy to [[ADDRESS|500 Boylston St, 14th Floor, Boston, MA 02116]].\n[[PERSON|April Donnelly]]: Will do. I'll also loop in [[PERSON|Drew]] from billing — his direct line is [[PHONE|(617) 661-6278]] if anything looks off.\n[[PERSON|Guy Harrington]]: Great. Victory lap when this is done.",
    ),
    (
        "meeting_transcript",
        "en/emirati-pakistani",
        "Meeting transcript — {{Al Fardan Tower}} boardroom, {{Abu Dhabi}}\nAttendees: Eng. [[PERSON|Khalfan Al Romaithi]] (client), [[PERSON|Sana Mirza-Qureshi]] (our {{Regional Director}}), [[PERSON|Usman Chaudhry]] (SE)\n\n[[PERSON|Sana]]: Thank you for hosting us, Eng. [[PERSON|Khalfan]].\n[[PERSON|Khalfan]]: You're welcome. My team is 70 people across Abu Dhabi and {{Al Ain}}; we need Arabic dashboards.\n[[PERSON|Usman]]: We support full RTL. I can set up a sandbox today — which email should I use?\n[[PERSON|Khalfan]]: Use my assistant, [[PERSON|Mariam]]: [[EMAIL|mariam.hosani@romaithi-group.ae]]. Her number is [[PHONE|02 738 2598]].\n[[PERSON|Sana]]: And for the contract — same address as the trade licence?\n[[PERSON|Khalfan]]: No, use [[ADDRESS|Office 1204, Al Fardan Tower, Corniche Road, Abu Dhabi, PO Box 45821]].\n[[PERSON|Usman]]: For the sandbox I'll whitelist your office IP, [[IP|86.96.204.133]].\n[[PERSON|Khalfan]]: Good. Send the offer before {{National Day}}.",
    ),
    (
        "meeting_transcript",
        "en/nigerian-british",
        "Transcript: weekly pipeline review ({{Teams}}), {{Monday}}\n[[PERSON|Oluwaseun Bankole]]: Morning. [[PERSON|Seun]] here — sorry, camera's off. Let's go through the UK list.\n[[PERSON|Imogen Fairweather]]: Starting with {{Holloway Brewing}}. Their buyer, [[PERSON|Rupert Vance]], wants a call this week. Mobile [[PHONE|07825 478108]].\n[[PERSON|Oluwaseun Bankole]]: Cool. What about the Lagos deal?\n[[PERSON|Chiamaka Eze]]: Mr [[PERSON|Adewale]] from {{Zenith Cold Chain}} signed! {{₦45 million}}. His PA [[PERSON|Blessing]] will send the PO; her line is [[PHONE|0813 712 9691]].\n[[PERSON|Imogen Fairweather]]: Amazing, [[PERSON|Chi]]!\n[[PERSON|Oluwaseun Bankole]]: Brilliant. [[PERSON|Imogen]], send [[PERSON|Rupert]] the case study. Anything else?\n[[PERSON|Chiamaka Eze]]: The {{Leeds}} prospect asked us to post the contract to [[ADDRESS|22 Park Row, Leeds LS1 5JF]]. Who still posts things? 😂\n[[PERSON|Imogen Fairweather]]: Lawyers. Ok, bye all.",
    ),
    (
        "meeting_transcript",
        "he/israeli-ashkenazi-ethiopian",
        "תמלול פגישה – {{Google Meet}}, {{יום רביעי}} 15:00\nמשתתפים: [[PERSON|מיכל רוזנבלום]], [[PERSON|גל מנגיסטו]], [[PERSON|שחר]] (אנחנו)\n\n[[PERSON|מיכל]]: אוקיי, אז אנחנו רואים גל של ביטולים מאז {{ינואר}}, בעיקר אצל הלקוחות הקטנים.\n[[PERSON|גל]]: נכון, ומה שאני שומע מהשטח זה שהמחיר של {{חבילת Starter}} קפץ.\n[[PERSON|שחר]]: אפשר לתת להם הנחת שימור של {{10%}}. [[PERSON|גל]], תשלח לי את הרשימה?\n[[PERSON|גל]]: כן. הלקוח הכי גדול שם זה [[PERSON|אברהם אדמסו]], כדאי להתקשר אליו ישירות: [[PHONE|054-673-6532]]. הוא ביקש שהמכתב יישלח ל[[ADDRESS|שדרות לכיש 42, קריית גת]].\n[[PERSON|מיכל]]: ו[[PERSON|אבי]] הוא זה שהמליץ עלינו ל{{עיריית אשקלון}}, אז שווה לשמור עליו.\n[[PERSON|שחר]]: סגור. אני על זה עד {{סוף החודש}}.",
    ),
    (
        "meeting_transcript",
        "he/druze-israeli",
        "תמלול אוטומטי ({{Zoom}}) – פגישת הטמעה עם {{מעיינות הגליל}}\nמשתתפים: [[PERSON|סלמאן אבו רוקן]] ({{סמנכ״ל תפעול}}), [[PERSON|רים חסון]] (רכש), [[PERSON|ליאור]] (מנהל הטמעה שלנו)\n\n[[PERSON|סלמאן אבו רוקן]]: שלום לכולם. אני מדבר מהמפעל, אם יש רעש זה בגלל המכונות.\n[[PERSON|ליאור]]: אין בעיה. נתחיל מייבוא אנשי הקשר.\n[[PERSON|רים חסון]]: יש לנו קובץ {{Excel}} עם 3,000 לקוחות, כולל כפילויות.\n[[PERSON|סלמאן אבו רוקן]]: ואני רוצה שכל נציג יראה רק את הלקוחות שלו. [[PERSON|רים]] תהיה האדמין.\n[[PERSON|ליאור]]: מעולה. [[PERSON|רים]], מה המייל והנייד שלך?\n[[PERSON|רים חסון]]: [[EMAIL|reem.hasson@galilsprings.co.il]], ונייד [[PHONE|058-665-4259]]. הציוד צריך להגיע ל[[ADDRESS|אזור התעשייה בר-לב, מבנה 7, כרמיאל]].\n[[PERSON|סלמאן אבו רוקן]]: ואחרי זה נעשה הדרכה לצוות ב{{עוספייה}}.\n[[PERSON|ליאור]]: נקבע ל{{יום חמישי הבא}}.",
    ),
    (
        "meeting_transcript",
        "ar/emirati",
        "تفريغ اجتماع – {{Microsoft Teams}} – {{الخميس}}\n[[PERSON|حمدان الكتبي]] ({{المدير العام}}): السلام عليكم، حياكم الله.\n[[PERSON|ريم العوضي]] (مديرة الحسابات لدينا): وعليكم السلام أستاذ [[PERSON|حمدان]]، معي زميلي [[PERSON|كريم]] من فريق الدعم الفني.\n[[PERSON|كريم ناصر]]: مرحبا، تشرفنا.\n[[PERSON|حمدان الكتبي]]: الشركة عندنا فيها ثلاثين مندوب، نبا نظام يربط الواتساب ويطلع تقارير يومية.\n[[PERSON|ريم العوضي]]: أكيد، {{باقة Pro}} تغطي هالشي. السعر {{42,000 درهم}} سنوياً.\n[[PERSON|حمدان الكتبي]]: زين. تواصلوا مع [[PERSON|أم راشد]] مديرة المكتب على [[PHONE|+971 50 486 6445]]، وعنوانا [[ADDRESS|مكتب 1503، برج الكتبي، شارع الشيخ زايد، دبي]].\n[[PERSON|كريم ناصر]]: تمام، ونحتاج IP الشبكة عشان نفعّل الدخول الآمن.\n[[PERSON|حمدان الكتبي]]: [[IP|217.165.88.14]].\n[[PERSON|ريم العوضي]]: شكراً، بنرسل العرض قبل {{اليوم الوطني}}.",
    ),
    (
        "meeting_transcript",
        "ar/egyptian",
        "تفريغ مكالمة فيديو – {{Google Meet}}\n[[PERSON|كريم الشناوي]]: أهلاً يا جماعة، معاكم [[PERSON|كريم]] من {{Lumen}}.\n[[PERSON|سها المنياوي]] ({{دلتا أجرو}}): أهلاً يا [[PERSON|كريم]]. معايا عم [[PERSON|صابر]] مسؤول المخازن.\n[[PERSON|صابر عبدالحميد]]: إزيكم. إحنا عايزين نعرف السيستم هيشتغل من غير نت ولا لأ؟\n[[PERSON|كريم الشناوي]]: التطبيق بيشتغل أوفلاين وبيعمل sync أول ما النت يرجع.\n[[PERSON|سها المنياوي]]: طب والأسعار؟ إحنا شركة صغيرة.\n[[PERSON|كريم الشناوي]]: ربنا كريم، هنظبطلكم عرض. {{باقة الشركات الناشئة}} بـ{{3,500 جنيه}} في الشهر.\n[[PERSON|سها المنياوي]]: ابعتلي العرض على [[EMAIL|soha.elminyawy@delta-agro.com.eg]] أو واتساب [[PHONE|0115 553 5004]]. ولو هتبعتوا عقد ورقي، العنوان [[ADDRESS|عمارة 14، شارع 9، المعادي، القاهرة]].\n[[PERSON|كريم الشناوي]]: تمام يا أستاذة [[PERSON|سها]]، هبعته قبل {{الخميس}}.",
    ),
    (
        "meeting_transcript",
        "ar/syrian",
        "محضر اجتماع (تفريغ صوتي) – {{مصنع الشهباء للنسيج}}، {{غازي عنتاب}}\n[[PERSON|سلام قباني]] ({{مدير الفرع}}): سلام عليكم شباب.\n[[PERSON|وسيم دباغ]]: وعليكم السلام [[PERSON|سلام]]، كيفك؟\n[[PERSON|سلام قباني]]: الحمد لله. اليوم بدنا نحكي بموضوع فرع {{إسطنبول}}.\n[[PERSON|وسيم دباغ]]: [[PERSON|أبو سمير]] بدو كل الطلبيات تنسجل بالسيستم الجديد قبل {{رأس السنة}}.\n[[PERSON|هبة شامي]]: أنا حطيت أرقام المندوبين. [[PERSON|أبو سمير]] رقمه التركي [[PHONE|+90 542 713 73 46]].\n[[PERSON|سلام قباني]]: ممتاز. والفواتير لوين؟\n[[PERSON|هبة شامي]]: على عنوان المكتب [[ADDRESS|İncilipınar Mah. 3. Cad. No: 12, Şehitkamil, Gaziantep]]، والتحويل على الآيبان [[IBAN|TR02 2752 2097 5351 0975 2232 03]].\n[[PERSON|وسيم دباغ]]: تمام، و[[PERSON|هبة]] بتتابع مع {{Lumen}}.",
    ),
    (
        "meeting_transcript",
        "he-en/israeli",
        "Transcript – Zoom – {{Cyberion}} x Lumen, {{Sunday}}\n[[PERSON|יובל]]: ok אז ה-POC שלהם זה [[PERSON|Ofir Ben-David]], הוא ה-{{Head of RevOps}}.\n[[PERSON|Ofir Ben-David]]: Hey, כן, I'm here. סורי על האיחור.\n[[PERSON|Maya Goldfarb]]: No worries. [[PERSON|Ofir]], בוא נתחיל מה-use case: אתם רוצים sync ל-{{HubSpot}}?\n[[PERSON|Ofir Ben-David]]: בדיוק. וגם שה-AI summaries לא ישלחו PII ל-{{OpenAI}}, ה-legal אצלנו ממש על זה.\n[[PERSON|יובל]]: Makes sense. [[PERSON|Ofir]], תשלח את ה-DPA שלכם ל-[[EMAIL|yuval.shani@lumencrm.co.il]].\n[[PERSON|Ofir Ben-David]]: Sure. ואם צריך, ה-legal שלנו זו עו״ד [[PERSON|רוני אלבז]], [[PHONE|+972-54-619-7705]].\n[[PERSON|Maya Goldfarb]]: Perfect. נקבע follow-up ל-{{Tuesday}}?\n[[PERSON|יובל]]: יאללה, bye!",
    ),
    # ---------------------------------------------------------------- support_ticket
    (
        "support_ticket",
        "en/american-mexican-ghanaian",
        "Ticket {{SUP-58213}} · Priority: High · Channel: email\nCompany: {{Copperfield HVAC}}\nFrom: [[PERSON|Rosalind Whitaker]] (“[[PERSON|Roz]]”) <[[EMAIL|roz.whitaker@copperfieldhvac.com]]>\nSubject: charged twice for {{March}}!!\n\nHi, we were charged twice for the {{Team plan}} ({{$1,188}} each). Card on file is [[CREDIT_CARD|5265 7105 0353 6537]] — please refund one of them. Our controller [[PERSON|Joaquín Arreola]] spotted it on the statement; you can reach him at [[PHONE|(512) 524-0155]]. Billing address hasn't changed: [[ADDRESS|4100 Airport Blvd, Unit 210, Austin, TX 78722]].\n\nAlso our admin [[PERSON|Ruby]] can't log in since yesterday (her IP is [[IP|73.155.20.198]], if that helps).\n\nThanks, [[PERSON|Roz]]\n\n--- internal note ---\n[[PERSON|Kenji]] (T2): duplicate charge confirmed in {{Stripe}}, refund pending approval from [[PERSON|Frank Osei]].",
    ),
    (
        "support_ticket",
        "en/irish-british",
        "Support ticket #{{48877}} — Data subject request ({{GDPR Art. 17}})\nRequester: [[PERSON|Fionnuala Brennan-Hartley]], [[EMAIL|fionnuala.bh@protonmail.com]]\nShe says she was imported as a lead by our customer {{Marlow & Finch Recruitment}} without consent. Details she gave us to locate the record:\n- Phone: [[PHONE|+44 7825 627099]]\n- Previous address: [[ADDRESS|Flat 7, 31 Pembroke Road, Ballsbridge, Dublin 4, D04 X2P7]]\n- Current address: [[ADDRESS|19 Elm Grove, Brighton BN2 3ES]]\n- Maiden name: [[PERSON|Fionnuala Brennan]]\nShe also mentioned that her husband, [[PERSON|Tobias Hartley]], got three sales calls from a rep called [[PERSON|Jade]].\n\nSLA: respond within {{30 days}} (by {{12 December}}). Assigned to [[PERSON|Nia Pemberton]] ({{DPO}} team). [[PERSON|Nia]]: please check both spellings of her surname before confirming erasure.",
    ),
    (
        "support_ticket",
        "en/korean",
        "Ticket {{API-3321}} | Integration | from [[PERSON|Park Ji-hoon]] ([[EMAIL|jihoon.park@hanbit-logistics.kr]]), {{Hanbit Logistics}}\n\nHi team, our sync from {{Kakao Work}} to Lumen started returning 401 after the {{v2.14}} upgrade. Here is what we send (sorry, keys included, we will rotate):\n\ncurl -H “Authorization: Bearer [[SECRET|pat-na1-653aea52-6bc6-7942-b47a-44a7afe5a071]]” https://api.lumencrm.com/v2/contacts\n\nOur worker reads S3 with:\nAWS_ACCESS_KEY_ID=[[SECRET|AKIAVARAU2QKIDZCDVOS]]\nAWS_SECRET_ACCESS_KEY=[[SECRET|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]]\n\nServer egress IP: [[IP|211.234.118.52]]. My colleague [[PERSON|Lee Min-jung]] can join a call, mobile [[PHONE|+82 10-4322-4641]]. We are in {{Seoul}} (KST) — please reply before {{Chuseok}}.\n[[PERSON|Ji-hoon]]",
    ),
    (
        "support_ticket",
        "en/american",
        "Zendesk ticket {{#90412}} — URGENT: sensitive data in CRM\nRequester: [[PERSON|Marcus Delacroix-Bell]], {{Compliance Manager}}, {{Evergreen Home Loans}}\n\nOne of our loan officers, [[PERSON|Wade Pruitt]], pasted a borrower's SSN into the Notes custom field of lead {{L-55102}}: “[[PERSON|Loretta Simms]], SSN [[US_SSN|163-53-7192]], callback [[PHONE|(206) 295-7679]]”. A second lead has [[US_SSN|309-37-0413]] for [[PERSON|Desmond Achterberg]]. We need both purged from field history and backups.\nPlease address the incident letter to [[ADDRESS|1201 3rd Ave, Suite 2200, Seattle, WA 98101]] and call me at [[PHONE|+1 206-973-2378]] once done.\n— [[PERSON|Marcus]]\n\nInternal: escalate to Trust & Safety ({{SEV-2}}); [[PERSON|Sky]] from Legal is aware. Do NOT paste the SSNs into Jira.",
    ),
    (
        "support_ticket",
        "he/israeli-mizrahi",
        "פנייה {{#72210}} – חיוב כפול\nשם הפונה: [[PERSON|ורד אוחנה]]\nטלפון: [[PHONE|053-737-7319]]\nמייל: [[EMAIL|vered.ohana@walla.co.il]]\n\nשלום, חויבתי פעמיים על {{חבילת Pro}} בחודש {{פברואר}} ({{₪299}} כל פעם). הכרטיס שלי [[CREDIT_CARD|4387 0272 3319 4784]], ת״ז [[IL_ID|985898097]] לצורך אימות. בעלי, [[PERSON|אליעזר]], ניסה להתקשר למוקד ולא ענו לו. אשמח לזיכוי מהיר.\nתודה, [[PERSON|ורד]]\n\nהערה פנימית: [[PERSON|טל]] מהגבייה – לבדוק מול {{Cardcom}}. לחזור ל[[PERSON|ורד]] עד {{יום ראשון}}.",
    ),
    (
        "support_ticket",
        "he/french-israeli",
        "כרטיס תמיכה {{SUP-61877}} | אבטחה\nמאת: [[PERSON|ז׳רום אטלן]] ({{סמנכ״ל מכירות}}, {{אטלן נכסים}})\n\nהיי, קיבלתי התראה על כניסה לחשבון מ-IP [[IP|88.163.47.201]] בצרפת. זה לא אני – אני ב{{רעננה}}. אולי זו הגיסה שלי, [[PERSON|אודליה]], שעובדת אצלנו מ{{פריז}}? בכל מקרה תחסמו ותאפסו סיסמה. הסיסמה הישנה הייתה [[SECRET|Ohzqp2*aoqyrCG]], אז אל תאפשרו אותה שוב, ותפעילו לי {{2FA}}.\nנייד ישראלי: [[PHONE|053-686-3353]], צרפתי: [[PHONE|07 81 89 30 35]]\nכתובת המשרד: [[ADDRESS|רחוב אחוזה 120, רעננה]]\nמרסי, [[PERSON|ז׳רום]]",
    ),
    (
        "support_ticket",
        "he/haredi",
        "פנייה טלפונית (תומללה) – {{מוקד שירות}}\nהלקוח: הרב [[PERSON|שמואל גרינפלד]] מ{{ביתר עילית}}, {{גמ״ח אהבת חסד}}\nבקשה: לעדכן את מספר הטלפון הראשי מ-[[PHONE|02-685-0585]] ל-[[PHONE|+972 53 008 6993]] (טלפון כשר, בלי הודעות SMS).\nת״ז של בעל החשבון: [[IL_ID|079869418]].\nהקבלות יישלחו לבנו, [[PERSON|מנחם מענדל]], ל-[[EMAIL|mm.greenfeld@gmail.com]], כי להרב אין מייל. כתובת למשלוח בדואר: [[ADDRESS|רחוב המגיד ממזריטש 24, ביתר עילית]].\nביקש לא להתקשר בשבת ובחגים; המשרד סגור בכל {{חול המועד}}. נשאר על {{חבילת עמותות}} ב-{{₪99}} לחודש.\nנציגה: [[PERSON|חני]].",
    ),
    (
        "support_ticket",
        "ar/saudi",
        "تذكرة دعم {{#SA-20417}}\nالعميل: [[PERSON|تركي المطيري]] – {{شركة ركن الضيافة}}\nالجوال: [[PHONE|0534005428]]\nالبريد: [[EMAIL|turki.mutairi@rukn-hospitality.sa]]\n\nالسلام عليكم، ربط الواتساب متوقف من يوم {{الثلاثاء}} والرسائل ما توصل للعملاء. جرّبنا نعيد الربط بالتوكن هذا:\n[[SECRET|EAAGmikOB1eL682qfYpn1HX7IbRNCRMDNrVKqHCiJXVDIw7WEWpYGM3g4ie35PekMp43HiHLAWQsZbsylQx45MdeMmWGVqxi8jOXEwK2D9kvxRpnQrroNGLgUZESKiErPqD835ln7NtWbHDrb2xaX7yWiN]]\nوما زبط. الموظفة المسؤولة عندنا [[PERSON|هيفاء]] تقدر تعطيكم صلاحية، رقمها [[PHONE|+966 58 335 9489]]. عنوان المقر: [[ADDRESS|2841 شارع الأمير محمد بن عبدالعزيز، حي السليمانية، الرياض 12245]].\nنرجو الحل قبل {{موسم الرياض}}.\n\nملاحظة داخلية: [[PERSON|فهد]] من فريق التكامل يراجع سجل {{Meta}}.",
    ),
    (
        "support_ticket",
        "ar/tunisian",
        "تذكرة {{TK-8840}} – مشكل في الفاتورة\nمن: [[PERSON|أنيس الحمامي]]، {{شركة قرطاج للبرمجيات}}، {{تونس}}\n\nعسلامة، الفاتورة متاع شهر {{جانفي}} فيها غلطة في الأداء على القيمة المضافة (لازم {{19%}}). نحبو تعاودو تبعثوها باسم الشركة وبالعنوان الصحيح: [[ADDRESS|12 نهج الحبيب بورقيبة، المنزه 6، أريانة 2091]]. والتحويل يكون للحساب [[IBAN|TN14 1000 6945 8073 0215 7368]].\nزميلتي [[PERSON|إيناس بن سالم]] (المحاسبة) تنجم تتصل بيكم على [[PHONE|+216 50 675 652]] ولا [[EMAIL|ines.bensalem@carthage-soft.tn]].\nيعيشكم، [[PERSON|أنيس]]\n\nInternal: [[PERSON|Yasmine]] to reissue the invoice.",
    ),
    (
        "support_ticket",
        "am/ethiopian",
        "የድጋፍ ትኬት {{SUP-60114}}\nከ: [[PERSON|መሠረት ተስፋዬ]] ({{Abyssinia Coffee Export}})\nስልክ: [[PHONE|+251 91 468 3057]]\nኢሜይል: [[EMAIL|meseret.tesfaye@abyssiniacoffee.et]]\n\nሰላም፣ ከ{{መስከረም}} ጀምሮ የ{{Telegram}} ውህደት አይሰራም። ደንበኞቻችን መልእክት አይደርሳቸውም። የሥራ ባልደረባዬ [[PERSON|ፍቅር አለሙ]] ({{የሽያጭ ኃላፊ}}) በ[[PHONE|092 747 0075]] ሊያገኟት ትችላላችሁ። አድራሻችን: [[ADDRESS|ቦሌ ክፍለ ከተማ፣ ወረዳ 03፣ የቤት ቁጥር 1245፣ አዲስ አበባ]]።\n[[PERSON|ፍቅር]] ደግሞ የ{{Pro plan}} ክፍያ ({{ብር 12,000}}) ሁለት ጊዜ እንደተቆረጠ ትናገራለች።\nአመሰግናለሁ፣ [[PERSON|መሠረት]]",
    ),
    # ---------------------------------------------------------------- insights_prompt
    (
        "insights_prompt",
        "en/american-canadian-mixed",
        "You are {{Lumen Insights}}. Analyse the open pipeline below and give me: (1) top 3 deals at risk, (2) which owner needs help, (3) a forecast for {{Q3 FY25}}.\n\n| # | Deal | Contact | Owner | Stage | Amount | Close |\n|---|---|---|---|---|---|---|\n| 1 | {{Harlow Biotech}} – Platform | [[PERSON|Chase Van Buren]] | [[PERSON|Jade Whitmore]] | Negotiation | $184,000 | Sep 12 |\n| 2 | Keystone Dental – 40 seats | Dr. [[PERSON|Anika Sorensen]] | [[PERSON|Cash Ybarra]] | Proposal | $38,400 | Sep 30 |\n| 3 | Northwind Freight | [[PERSON|Faith Abernathy]] | [[PERSON|Frank Liang]] | Discovery | $72,000 | Oct 15 |\n| 4 | {{Pemberton & Shaw}} | [[PERSON|Rich Tolliver]] | [[PERSON|Jade Whitmore]] | Verbal | $51,500 | Aug 29 |\n| 5 | Bluegrass Credit Union | [[PERSON|Dawn Kettering]] | [[PERSON|Cash Ybarra]] | Negotiation | $96,000 | Sep 20 |\n| 6 | Alder & Finch | [[PERSON|Victor Nwosu]] | [[PERSON|Frank Liang]] | Proposal | $22,000 | Sep 05 |\n| 7 | Saguaro Solar | [[PERSON|Marisol Quintero]] | [[PERSON|Cash Ybarra]] | Discovery | $140,000 | Nov 01 |\n| 8 | Tidewater Marine | [[PERSON|Beau Thibodeaux]] | [[PERSON|Jade Whitmore]] | Proposal | $64,250 | Sep 18 |\n| 9 | Granite Peak Insurance | [[PERSON|Priya Venkatesan]] | [[PERSON|Frank Liang]] | Negotiation | $210,000 | Sep 27 |\n| 10 | Maple & Oak Realty | [[PERSON|Geneviève Tremblay]] | [[PERSON|Jade Whitmore]] | Discovery | C$45,000 | Oct 30 |\n| 11 | Sunbelt HVAC | [[PERSON|Major Dorsey]] | [[PERSON|Cash Ybarra]] | Verbal | $18,900 | Aug 30 |\n| 12 | Lakeside Schools | [[PERSON|June Albright]] | [[PERSON|Frank Liang]] | Proposal | $33,000 | Sep 15 |\n\nContext: [[PERSON|Frank]] is new (joined in {{July}}); [[PERSON|Jade]]'s deals slipped twice last quarter. [[PERSON|Chase]] at Harlow has gone quiet since {{Labor Day}}, and [[PERSON|Cash]] thinks [[PERSON|Major]] will sign this week. Keep the answer under 200 words.",
    ),
    (
        "insights_prompt",
        "en/filipino-indonesian-vietnamese-japanese-srilankan-bangladeshi-pakistani-thai-indian-nepali",
        "Insights request — partner pipeline. Group by owner, flag deals with no activity for 21+ days, and suggest one action per owner. Values in {{USD}}.\n\nDeal | Contact | Owner | Stage | Value | Last activity\n{{Manila Water Tech}} | [[PERSON|Ma. Cristina Lacson]] | [[PERSON|Meera Pillai]] | Proposal | 42,000 | 3 days ago\nJakarta Retail Group | [[PERSON|Dewi Lestari Hartono]] | [[PERSON|Meera Pillai]] | Discovery | 18,500 | 25 days ago\nHanoi EduTech | [[PERSON|Trần Minh Quân]] | [[PERSON|Haruto Ishikawa]] | Negotiation | 27,000 | 9 days ago\n{{Osaka Precision}} | [[PERSON|Fujimoto Aya]] | [[PERSON|Haruto Ishikawa]] | Verbal | 95,000 | 1 day ago\nColombo Tea Brokers | [[PERSON|Chamari Gunawardena]] | [[PERSON|Meera Pillai]] | Proposal | 12,800 | 30 days ago\nDhaka Pharma | [[PERSON|Rafiqul Islam Chowdhury]] | [[PERSON|Imran Siddiqui]] | Discovery | 60,000 | 22 days ago\n{{Karachi Ports Logistics}} | [[PERSON|Sadia Memon]] | [[PERSON|Imran Siddiqui]] | Negotiation | 75,000 | 4 days ago\nBangkok Beverage | [[PERSON|Nattapong Chaiyasit]] (“[[PERSON|Boss]]”) | [[PERSON|Haruto Ishikawa]] | Proposal | 33,000 | 15 days ago\nBengaluru SaaS Labs | [[PERSON|Shreyas Hegde]] | [[PERSON|Meera Pillai]] | Discovery | 21,000 | 40 days ago\nKathmandu Hydro | [[PERSON|Bishnu Prasad Adhikari]] | [[PERSON|Imran Siddiqui]] | Proposal | 48,000 | 12 days ago\n\nNotes: [[PERSON|Imran]] is on leave over {{Eid al-Fitr}}; [[PERSON|Haruto]] covers Japan and Thailand only. [[PERSON|Boss]] (yes, that's what he goes by) asked for a Thai-language contract. Output as a table, then 3 bullets for the boss — I mean our VP, not [[PERSON|Nattapong]] 🙂.",
    ),
    (
        "insights_prompt",
        "en/emirati-saudi",
        "Generate insights for the {{UAE}} & {{KSA}} enterprise pipeline: concentration risk, owner load, and what to push before {{Ramadan}}.\n\n```\nowner         | account                | decision maker            | stage       | ACV (AED)\n[[PERSON|Layla Farouk]]  | {{Lootah Group}}           | [[PERSON|Hessa Lootah]]              | negotiation | 420,000\n[[PERSON|Layla Farouk]]  | Gulf Crest Developers  | [[PERSON|Abdulla Al Marzooqi]]       | proposal    | 260,000\n[[PERSON|Layla Farouk]]  | Marina Clinics         | Dr. [[PERSON|Latifa Bin Hendi]]      | discovery   | 95,000\n[[PERSON|Layla Farouk]]  | Sharjah Paper Mills    | [[PERSON|Yousef Al Blooshi]]         | proposal    | 140,000\n[[PERSON|Rich Menon]]    | Najd Cement            | Eng. [[PERSON|Khalid Al Ghamdi]]     | verbal      | 610,000\n[[PERSON|Rich Menon]]    | Red Sea Resorts Co     | [[PERSON|Reem Al Harbi]]             | discovery   | 180,000\n[[PERSON|Rich Menon]]    | Eastern Province Steel | [[PERSON|Faisal Al Zahrani]]         | negotiation | 350,000\n[[PERSON|Rich Menon]]    | Jeddah Cold Stores     | [[PERSON|Salem Ba Wazir]]            | proposal    | 75,000\n[[PERSON|Omar Haddad]]   | Abu Dhabi Agri Hub     | [[PERSON|Moza Al Mansoori]]          | discovery   | 120,000\n[[PERSON|Omar Haddad]]   | {{Bukhatir Motors}}        | [[PERSON|Ahmed Bukhatir]]            | proposal    | 230,000\n[[PERSON|Omar Haddad]]   | Falcon Air Services    | [[PERSON|Maitha Al Shamsi]]          | negotiation | 300,000\n[[PERSON|Omar Haddad]]   | Qassim Dates Co-op     | [[PERSON|Nasser Al Hajri]]           | discovery   | 55,000\n[[PERSON|Omar Haddad]]   | Ajman Free Zone Tenants| [[PERSON|Amal Al Zaabi]]             | proposal    | 88,000\n[[PERSON|Layla Farouk]]  | Riyadh Fintech Hub     | [[PERSON|Turki Al Sudairi]]          | verbal      | 500,000\n[[PERSON|Rich Menon]]    | Fujairah Ports         | [[PERSON|Noura Al Suwaidi]]          | discovery   | 160,000\n```\n\n[[PERSON|Rich]] has 6 deals and just came back from leave; [[PERSON|Layla]] owns the two largest verbal/negotiation deals. Note [[PERSON|Amal]] asked to pause until after {{Eid}}. Answer in English, bullet points, max 250 words.",
    ),
    (
        "insights_prompt",
        "en/nigerian-kenyan-southafrican-ghanaian-greek-polish-italian-portuguese",
        "Weekly insights: which of these EMEA deals are most likely to close by {{31 October}}, and what's the single biggest risk per owner?\n\n- {{Eko Microfinance}} (Lagos) — contact [[PERSON|Olumide Fashola]], owner [[PERSON|Bella Okonjo]], {{€48,000}}, legal review; [[PERSON|Olumide]] wants NDPR clauses.\n- Savannah Fresh (Nairobi) — contact [[PERSON|Wanjiku Muriithi]], owner [[PERSON|Bella Okonjo]], €19,000, proposal; no reply since the demo.\n- Karoo Wines (Stellenbosch) — contact [[PERSON|Pieter van der Merwe]], owner [[PERSON|Tomasz Zieliński]], €27,500, negotiation; [[PERSON|Pieter]] asked for ZAR billing.\n- Gold Coast Cocoa (Accra) — contact [[PERSON|Esi Quansah]], owner [[PERSON|Bella Okonjo]], €33,000, verbal yes.\n- Aegean Yachting (Piraeus) — contact [[PERSON|Dimitra Karagianni]], owner [[PERSON|Tomasz Zieliński]], €61,000, proposal.\n- Wisła Foods (Kraków) — contact [[PERSON|Małgorzata Nowicka]], owner [[PERSON|Tomasz Zieliński]], €22,000, discovery; [[PERSON|Gosia]] is comparing us with {{Pipedrive}}.\n- Trattoria Group (Bologna) — contact [[PERSON|Matteo Bellini]], owner [[PERSON|Chiara Rinaldi]], €15,500, negotiation.\n- Douro Logística (Porto) — contact [[PERSON|Rui Sampaio]], owner [[PERSON|Chiara Rinaldi]], €40,000, proposal; [[PERSON|Rui]] is out until {{All Saints' Day}}.\n\n[[PERSON|Tomasz]] asked for help on the Greek deal. [[PERSON|Chiara]] starts maternity leave on {{15 October}}, so suggest who should take over her deals.",
    ),
    (
        "insights_prompt",
        "he/israeli-mixed",
        "תן לי תובנות על הפייפליין של {{רבעון 4}}: מי מהנציגים בסיכון לפספס יעד, ואילו עסקאות כדאי לדחוף לפני {{חנוכה}}. יעד לנציג: {{₪400,000}}.\n\n| עסקה | איש קשר | אחראי | שלב | סכום | סגירה צפויה |\n|---|---|---|---|---|---|\n| {{שטראוס}} – מחלקת מכירות | [[PERSON|אורנה בן דוד]] | [[PERSON|ים]] | משא ומתן | ₪210,000 | 20/11 |\n| מלונות ים המלח | [[PERSON|עמית שגב]] | [[PERSON|ים]] | הצעת מחיר | ₪85,000 | 05/12 |\n| רביבו שיווק | [[PERSON|שקד רביבו]] | [[PERSON|אביב]] | גילוי צרכים | ₪40,000 | 30/12 |\n| {{אלביט}} – פיילוט | [[PERSON|דניאל קורן]] | [[PERSON|אביב]] | פיילוט | ₪150,000 | 15/12 |\n| אזרזר הפקות | [[PERSON|ספיר אזרזר]] | [[PERSON|נוי]] | הצעת מחיר | ₪28,000 | 10/12 |\n| צור אחזקות | [[PERSON|אלון צור]] | [[PERSON|נוי]] | משא ומתן | ₪190,000 | 25/11 |\n| גרוס אדריכלים | [[PERSON|טליה גרוס]] | [[PERSON|ים]] | אישור בעל פה | ₪62,000 | 18/11 |\n| קבוצת אלפסי | [[PERSON|מור אלפסי]] | [[PERSON|אביב]] | הצעת מחיר | ₪74,000 | 12/12 |\n| עמותת אחים לדרך | [[PERSON|שי נגוסה]] | [[PERSON|נוי]] | גילוי צרכים | ₪18,000 | ינואר |\n| אברג׳יל נדל״ן | [[PERSON|יעל אברג׳יל]] | [[PERSON|ים]] | הצעת מחיר | ₪55,000 | 08/12 |\n\nרקע: [[PERSON|אביב]] חזר ממילואים רק לפני שבועיים. [[PERSON|נוי]] ביקשה עזרה עם [[PERSON|אלון]] מצור אחזקות. [[PERSON|דניאל]] מ{{אלביט}} לא עונה מאז {{סוכות}}. תענה בנקודות קצרות.",
    ),
    (
        "insights_prompt",
        "he/israeli-druze-bedouin-haredi-russian-ethiopian-arab",
        "תבצע scoring ללידים הבאים (0-100) לפי התאמה ל{{חבילת Business}} ותסביר בשורה אחת כל ציון. בסוף תגיד ל[[PERSON|שירה]] ול[[PERSON|עדי]] על מי להתמקד השבוע.\n\nשם | עיר | חברה | עובדים | מקור | אחראי\n[[PERSON|פאדי קבלאן]] | {{בית ג׳ן}} | קבלאן אנרגיה | 45 | כנס | [[PERSON|שירה]]\n[[PERSON|ח׳ליל אלעטאונה]] | חורה | אלעטאונה הובלות | 20 | גוגל | [[PERSON|עדי]]\n[[PERSON|יהודית רוזנטל]] | בני ברק | סמינר בית רבקה | 60 | הפניה | [[PERSON|שירה]]\n[[PERSON|ולנטינה קוגן]] | חיפה | קוגן תרגומים | 8 | פייסבוק | [[PERSON|עדי]]\n[[PERSON|טספאי אלמו]] | נתניה | אלמו קייטרינג | 15 | וואטסאפ | [[PERSON|שירה]]\n[[PERSON|מוחמד מסארווה]] | טייבה | מסארווה סחר | 120 | כנס | [[PERSON|עדי]]\n[[PERSON|אליזבט אזולאי]] | אשדוד | אזולאי נדל״ן | 12 | אתר | [[PERSON|שירה]]\n[[PERSON|נטע הורוביץ]] | {{רמת השרון}} | סטודיו נטע | 4 | אינסטגרם | [[PERSON|עדי]]\n[[PERSON|מאיר עמר]] | בית שמש | עמר חשמל | 35 | הפניה | [[PERSON|שירה]]\n[[PERSON|אורטל טל]] | מודיעין | {{טל ייעוץ מס}} | 9 | לינקדאין | [[PERSON|עדי]]\n[[PERSON|חן-לי יוסף]] | אילת | חן-לי צלילה | 25 | גוגל | [[PERSON|שירה]]\n[[PERSON|רון בן-עמי]] | הרצליה | {{בן-עמי לוגיסטיקה}} | 300 | כנס | [[PERSON|עדי]]\n\nהערות: [[PERSON|יהודית]] ביקשה שלא נתקשר אחרי {{שבת}} בערב; [[PERSON|מוחמד]] כבר עובד עם {{Zoho}}; [[PERSON|רון]] הוא הבן של המייסד.",
    ),
    (
        "insights_prompt",
        "ar/saudi",
        "حلّل الصفقات التالية واعطني: أكبر ثلاث مخاطر، وتوزيع العمل بين المسؤولين، وتوقع الإيرادات لـ{{الربع الثالث}}.\n\n| الصفقة | جهة الاتصال | المسؤول | المرحلة | القيمة (ريال) |\n|---|---|---|---|---|\n| {{المراعي}} – فرع الشرقية | [[PERSON|عبدالعزيز السبيعي]] | [[PERSON|سعيد]] | تفاوض | 480,000 |\n| مستشفى الحياة | د. [[PERSON|هالة الزهراني]] | [[PERSON|ريم]] | عرض سعر | 210,000 |\n| نجد للمقاولات | م. [[PERSON|ماجد العنزي]] | [[PERSON|سعيد]] | اكتشاف | 95,000 |\n| {{العثيم}} للتجزئة | [[PERSON|نوف العثيم]] | [[PERSON|ريم]] | موافقة مبدئية | 650,000 |\n| مدارس الرواد | [[PERSON|عبير القحطاني]] | [[PERSON|ريم]] | عرض سعر | 60,000 |\n| تبوك الزراعية | [[PERSON|بندر الشهري]] | [[PERSON|سعيد]] | تفاوض | 140,000 |\n| الجبيل للبتروكيماويات | م. [[PERSON|راضي الدوسري]] | [[PERSON|سعيد]] | اكتشاف | 320,000 |\n| أبها للسياحة | [[PERSON|وفاء عسيري]] | [[PERSON|ريم]] | عرض سعر | 45,000 |\n| مكة للخدمات اللوجستية | [[PERSON|هاني باخشب]] | [[PERSON|سعيد]] | تفاوض | 275,000 |\n| بنك الإنماء – فرع جدة | [[PERSON|جميلة الحربي]] | [[PERSON|ريم]] | اكتشاف | 180,000 |\n\nملاحظات: [[PERSON|سعيد]] عنده صفقات أكثر لكن [[PERSON|ريم]] عندها أكبر صفقة. [[PERSON|نوف]] طلبت تأجيل القرار لبعد {{اليوم الوطني}}. اكتب الرد بالعربية وبنقاط مختصرة، وخلّ الأرقام بـ{{الريال السعودي}}.",
    ),
    (
        "insights_prompt",
        "ar/egyptian-jordanian-lebanese-palestinian",
        "عايز insights سريعة على الليدز دي: مين الأقرب للإغلاق، ومين محتاج متابعة، وإيه الخطوة الجاية لكل مسؤول.\n\nالاسم | الشركة | البلد | المسؤول | الحالة | القيمة\n[[PERSON|منى الشريف]] | {{العربي جروب}} | مصر | [[PERSON|أحمد سامح]] | عرض سعر | 1.2 مليون جنيه\n[[PERSON|عمرو الدسوقي]] | دسوقي للأثاث | مصر | [[PERSON|أحمد سامح]] | تفاوض | 800 ألف جنيه\n[[PERSON|نور عبدالهادي]] | زين الأردن – مبيعات الشركات | الأردن | [[PERSON|رزان]] | اكتشاف | 35 ألف دينار\n[[PERSON|سامر الخوري]] | {{بنك بيبلوس}} | لبنان | [[PERSON|رزان]] | عرض سعر | 60 ألف دولار\n[[PERSON|فرح النابلسي]] | نابلسي للحلويات | فلسطين | [[PERSON|رزان]] | تفاوض | 22 ألف دولار\n[[PERSON|كريم عبدالعزيز]] | مدارس النيل | مصر | [[PERSON|أحمد سامح]] | اكتشاف | 450 ألف جنيه\n[[PERSON|هدى قعوار]] | قعوار للأدوية | الأردن | [[PERSON|رزان]] | موافقة مبدئية | 48 ألف دينار\n[[PERSON|سعيد حمدان]] | {{أرامكس}} – عمّان | الأردن | [[PERSON|أحمد سامح]] | عرض سعر | 90 ألف دينار\n[[PERSON|ريتا أبو جودة]] | أبو جودة للإعلان | لبنان | [[PERSON|رزان]] | بارد | 15 ألف دولار\n\nملاحظة: [[PERSON|رزان]] مسكة حسابات كتير، و[[PERSON|أحمد]] عنده تارجت {{5 مليون جنيه}} للربع ده. [[PERSON|منى]] قالت هترد بعد {{شم النسيم}}. اكتب الرد بالعامية المصرية.",
    ),
    (
        "insights_prompt",
        "ar/iraqi-kuwaiti-bahraini",
        "اريد تحليل لهذي الصفقات: منو المسؤول اللي عنده أعلى مخاطرة، وشنو لازم نسوي قبل {{نهاية السنة}}؟\n\n1. {{كورك تيليكوم}} – أربيل – جهة الاتصال كاك [[PERSON|دلشاد برزنجي]] – المسؤول [[PERSON|حيدر]] – تفاوض – {{180 مليون دينار عراقي}}\n2. مستشفى الكفيل – كربلاء – د. [[PERSON|زهراء الموسوي]] – [[PERSON|حيدر]] – عرض سعر – 95 مليون دينار\n3. شركة البصرة للنفط (مقاول) – م. [[PERSON|علي الأسدي]] – [[PERSON|سارة الجنابي]] – اكتشاف – 300 مليون دينار\n4. أسواق الأمير – بغداد – [[PERSON|أبو مصطفى]] ([[PERSON|كريم الربيعي]]) – [[PERSON|سارة الجنابي]] – موافقة مبدئية – 60 مليون دينار\n5. الكويتية للتموين – [[PERSON|دانة الرشيد]] – [[PERSON|بدر المطوع]] – تفاوض – 18,000 دينار كويتي\n6. بنك الخليج المتحد – المنامة – [[PERSON|فاطمة كانو]] – [[PERSON|بدر المطوع]] – عرض سعر – 40,000 دينار بحريني\n7. {{مطاعم الشامي}} – [[PERSON|رياض شامي]] – [[PERSON|حيدر]] – بارد – 25 مليون دينار\n8. جامعة الكوفة – د. [[PERSON|منتظر الحكيم]] – [[PERSON|سارة الجنابي]] – اكتشاف – 70 مليون دينار\n\nملاحظات: [[PERSON|حيدر]] عنده مشكلة بالتحصيل من أربيل. [[PERSON|بدر]] يغطي الخليج بس. [[PERSON|سارة]] جديدة من {{تشرين الأول}}. الجواب بالعربي وبجدول.",
    ),
    (
        "insights_prompt",
        "ar-en/lebanese-emirati-indian",
        "حلل الـ pipeline هيدا وقلّي شو الـ key insights للـ {{Q2}} review مع الـ management. Reply in English بس خلّي الأسامي بالعربي متل ما هني.\n\n| Deal | Contact | Owner | Stage | Value (USD) |\n|---|---|---|---|---|\n| {{Beirut Digital}} renewal | [[PERSON|رامي شمعون]] | [[PERSON|Lara Haddad]] | Negotiation | 36,000 |\n| Marina Yachts – CRM rollout | [[PERSON|خليفة المهيري]] | [[PERSON|Lara Haddad]] | Proposal | 72,000 |\n| Souk Online | [[PERSON|Nour Itani]] | [[PERSON|Vikram Nair]] | Discovery | 18,000 |\n| Zahle Dairy | [[PERSON|جورج سكاف]] | [[PERSON|Vikram Nair]] | Verbal | 24,500 |\n| {{Emirates NBD}} – SME desk | [[PERSON|Mariam Al Qubaisi]] | [[PERSON|Lara Haddad]] | Negotiation | 140,000 |\n| Sharjah Books | [[PERSON|أمل بن حيدر]] | [[PERSON|Vikram Nair]] | Proposal | 15,000 |\n| Tripoli Olive Co | [[PERSON|Jamil Karami]] | [[PERSON|Lara Haddad]] | Discovery | 9,800 |\n| Al Quoz Studios | [[PERSON|Sunny Kapoor]] | [[PERSON|Vikram Nair]] | Negotiation | 31,000 |\n\nملاحظات: [[PERSON|Lara]] عندها الـ biggest deals بس صفقة {{Emirates NBD}} stuck بالـ procurement من {{شباط}}. [[PERSON|Vikram]] بيقول إنو [[PERSON|Sunny]] ready to sign after {{Diwali}}. [[PERSON|رامي]] طلب discount 15%، شو رأيك؟",
    ),
    # ---------------------------------------------------------------- whatsapp_export
    (
        "whatsapp_export",
        "en/indian-south-british",
        "WhatsApp chat export — “{{Rao Textiles}} × Lumen” (pasted for summary)\n[14/08/2024, 09:12:04] [[PERSON|Ramya Rao]]: Good morning all 🙏 sharing the updated user list today\n[14/08/2024, 09:13:40] [[PERSON|Oliver Pennington]]: Morning [[PERSON|Ramya]]! Thanks. Can you also add [[PERSON|Sreekanth]] from the Coimbatore plant?\n[14/08/2024, 09:20:11] [[PERSON|Ramya Rao]]: Sure. His number is [[PHONE|+91 98251 22757]], email [[EMAIL|sreekanth.m@raotextiles.in]]\n[14/08/2024, 09:21:02] [[PHONE|+91 97530 96913]]: Hi this is [[PERSON|Sreekanth]], pls add me to group\n[14/08/2024, 09:25:47] [[PERSON|Oliver Pennington]]: Done ✅ Welcome [[PERSON|Sreekanth]]. [[PERSON|Ramya]], for the invoice, still [[ADDRESS|No. 14, Avinashi Road, Peelamedu, Coimbatore 641004]]?\n[14/08/2024, 09:31:15] [[PERSON|Ramya Rao]]: Yes. And pls raise the PO for {{₹4,20,000}} under the {{Growth plan}}\n[14/08/2024, 10:02:33] [[PERSON|Oliver Pennington]]: Will do. Onboarding on {{Monday 19 Aug}}, {{10:30 IST}}\n[14/08/2024, 10:03:01] [[PERSON|Ramya Rao]]: 👍\n<Media omitted>\n[14/08/2024, 11:47:09] [[PERSON|Harsha]] (Lumen): Sharing the {{Onboarding Checklist v3}} doc here",
    ),
    (
        "whatsapp_export",
        "en/australian-filipino-vietnamese",
        "WhatsApp export (Android) — chat with [[PERSON|Precious Mae Dela Cruz]]\n03/09/2024, 16:45 - [[PERSON|Kylie Brennan]]: hey [[PERSON|Precious]], can u send me the hot leads for {{Brisbane}} before my 5pm?\n03/09/2024, 16:52 - [[PERSON|Precious Mae Dela Cruz]]: Here po ma'am 😊\n1) [[PERSON|Trent Halvorsen]] – {{Halvorsen Plumbing}} – [[PHONE|0418 379 774]]\n2) [[PERSON|Sky Whitlam]] – Coral Coast Realty – [[PHONE|+61 432 791 048]] – she said call after 3\n3) [[PERSON|Dawn Mahoney]] – Mahoney Physio – [[PHONE|+61 470 768 199]]\n4) [[PERSON|Jayden Nguyen]] – Sunnybank Dental – [[PHONE|0419 808 821]] – wants pricing for {{Starter}}\n03/09/2024, 16:53 - [[PERSON|Kylie Brennan]]: legend ty. is [[PERSON|Sky]] the one from the {{Gold Coast}} expo?\n03/09/2024, 16:55 - [[PERSON|Precious Mae Dela Cruz]]: Yes ma'am. Also [[PERSON|Dawn]]'s office address for the brochure: [[ADDRESS|Level 2, 88 Ann Street, Brisbane City QLD 4000]]\n03/09/2024, 16:56 - [[PERSON|Kylie Brennan]]: 👍\n03/09/2024, 17:40 - [[PERSON|Kylie Brennan]]: btw I'm off {{Friday}} for the {{Ekka}} public holiday, pls hold calls\n03/09/2024, 17:41 - [[PERSON|Precious Mae Dela Cruz]]: Noted po. Enjoy!",
    ),
    (
        "whatsapp_export",
        "en/nigerian-kenyan",
        "[22/07/2024, 08:02:11] [[PERSON|Ngozi Adebanjo-Eze]]: Good morning team! Reminder: {{Q3}} pipeline review at 10 WAT\n[22/07/2024, 08:05:43] [[PERSON|Kamau Waweru]]: Morning [[PERSON|Ngozi]]. Nairobi side: {{Mara Fresh Produce}} signed 🎉 {{KES 2.4M}}\n[22/07/2024, 08:06:10] [[PERSON|Ngozi Adebanjo-Eze]]: 🔥🔥 well done [[PERSON|Kamau]]!\n[22/07/2024, 08:07:55] [[PHONE|+234 809 580 7141]]: Hello, this is [[PERSON|Tunde]] from Ikeja, [[PERSON|Ngozi]] told me to join\n[22/07/2024, 08:09:02] [[PERSON|Ngozi Adebanjo-Eze]]: Welcome [[PERSON|Tunde]]! Team, [[PERSON|Babatunde Alabi]] is our new SDR for Lagos mainland.\n[22/07/2024, 08:15:30] [[PERSON|Kamau Waweru]]: Karibu! [[PERSON|Tunde]] pls save my line [[PHONE|+254 733 242504]]\n[22/07/2024, 08:20:14] [[PERSON|Babatunde Alabi]]: Thanks all. The Ikeja prospect, Mrs [[PERSON|Folake Odunsi]] of {{Odunsi Pharmacy}}, wants a demo on {{Thursday}}. Her office: [[ADDRESS|23 Obafemi Awolowo Way, Ikeja, Lagos]]\n[22/07/2024, 08:21:40] [[PERSON|Ngozi Adebanjo-Eze]]: Perfect. Book it and put {{₦3.5m}} as the deal value.",
    ),
    (
        "whatsapp_export",
        "en/mexican-american",
        "WhatsApp chat with [[PERSON|Guadalupe Ríos]] — exported {{Oct 2}}\n9/30/24, 7:58 PM - [[PERSON|Guadalupe Ríos]]: Hi! it's [[PERSON|Lupe]] from {{Ríos Catering}} 🌮 we met at the {{Houston}} expo\n9/30/24, 8:03 PM - [[PERSON|Ben Castellano]]: Hey [[PERSON|Lupe]]! Great to hear from you\n9/30/24, 8:04 PM - [[PERSON|Guadalupe Ríos]]: my husband [[PERSON|Rich]] handles the books, can u text him the pricing? [[PHONE|+1 713-454-5644]]\n9/30/24, 8:10 PM - [[PERSON|Ben Castellano]]: Sure thing. The {{Starter plan}} is {{$49/user}}. I'll text [[PERSON|Rich]] now\n10/1/24, 10:22 AM - [[PERSON|Guadalupe Ríos]]: ok he says yes!! send contract to [[EMAIL|lupe@rioscatering.com]]. address is [[ADDRESS|2810 Navigation Blvd, Houston, TX 77003]]\n10/1/24, 10:25 AM - [[PERSON|Ben Castellano]]: Amazing 🙌 I'll need a card for the first month\n10/1/24, 10:31 AM - [[PERSON|Guadalupe Ríos]]: [[CREDIT_CARD|4819 2267 1508 8542]] exp 11/27\n10/1/24, 10:32 AM - [[PERSON|Ben Castellano]]: Got it — pls delete that msg for safety 🙏\n10/1/24, 10:33 AM - [[PERSON|Guadalupe Ríos]]: This message was deleted",
    ),
    (
        "whatsapp_export",
        "he/israeli-ashkenazi",
        "קבוצה: {{תבליני הגליל}} × לומן\n[12.2.2025, 09:14:03] [[PERSON|גל]] (לומן): בוקר טוב! מצרף את הסיכום מהפגישה אתמול 📎\n[12.2.2025, 09:20:40] [[PERSON|ענבר כהן-טל]]: תודה [[PERSON|גל]]! רק תיקון – ה{{מנכ״לית}} שלנו זו [[PERSON|שני ליבוביץ]], לא [[PERSON|שירה]] 😅 [[PERSON|שירה]] זו ה-CFO\n[12.2.2025, 09:21:05] [[PERSON|גל]] (לומן): אופס, מתקן 🙏\n[12.2.2025, 09:33:12] [[PHONE|+972 54-852-6388]]: היי זו [[PERSON|שירה]], תוסיפו אותי למייל [[EMAIL|shira.cfo@tavlinim-hagalil.co.il]]\n[12.2.2025, 09:35:50] [[PERSON|ענבר כהן-טל]]: ול[[PERSON|שני]] תשלחו ל-[[EMAIL|shani@tavlinim-hagalil.co.il]]\n[12.2.2025, 10:02:18] [[PERSON|גל]] (לומן): סגור. ההצעה: {{₪7,800}} לחודש, {{חבילת Business}}, התחלה ב-{{1.3}}\n[12.2.2025, 10:05:00] [[PERSON|ענבר כהן-טל]]: מעולה. החשבונית ל[[ADDRESS|רחוב התעשייה 14, ראש פינה]]\n[12.2.2025, 10:06:31] [[PERSON|גל]] (לומן): 👍 אחרי {{פורים}} נקבע הדרכה",
    ),
    (
        "whatsapp_export",
        "he/ethiopian-israeli",
        "ייצוא צ׳אט – [[PERSON|יעקב טגניה]]\n05/06/2024, 18:02 - [[PERSON|יעקב טגניה]]: ערב טוב [[PERSON|אור]], זה [[PERSON|יעקב]] מ{{טגניה ובניו שיפוצים}}\n05/06/2024, 18:05 - [[PERSON|אור שמעוני]]: היי [[PERSON|יעקב]], תודה שחזרת אליי!\n05/06/2024, 18:06 - [[PERSON|יעקב טגניה]]: אשתי [[PERSON|אסתר]] אמרה שאתם עושים גם אפליקציה לעובדים בשטח?\n05/06/2024, 18:09 - [[PERSON|אור שמעוני]]: כן, זה ב{{חבילת Field}}. כמה עובדים יש לכם?\n05/06/2024, 18:10 - [[PERSON|יעקב טגניה]]: 14. הנה הפרטים לחשבונית: ת״ז [[IL_ID|312189004]], [[ADDRESS|רחוב יוספטל 9, קריית מלאכי]]\n05/06/2024, 18:12 - [[PERSON|יעקב טגניה]]: והטלפון של [[PERSON|אסתר]] למקרה שאני בעבודה: [[PHONE|053-707-4782]]\n05/06/2024, 18:15 - [[PERSON|אור שמעוני]]: מעולה. אשלח הצעה עד {{יום חמישי}}. עלות: {{₪45}} למשתמש\n05/06/2024, 18:16 - [[PERSON|יעקב טגניה]]: 🙏🏾 וחג {{שבועות}} שמח",
    ),
    (
        "whatsapp_export",
        "he/russian-israeli",
        "קבוצה: {{Lumen CRM}} – {{נטקס ישראל}}\n[3/11/24, 21:14:55] [[PERSON|Лена Гольдман]]: ערב טוב [[PERSON|דביר]], סליחה על השעה 🙈\n[3/11/24, 21:16:02] [[PERSON|דביר אשכנזי]]: הכל טוב [[PERSON|לנה]], מה קורה?\n[3/11/24, 21:17:40] [[PERSON|Лена Гольдман]]: הבוס שלי, [[PERSON|סרגיי]], רוצה לראות דמו לפני שמחליטים. הוא מדבר עברית אבל מעדיף רוסית 😅\n[3/11/24, 21:18:15] [[PERSON|דביר אשכנזי]]: אין בעיה, [[PERSON|אנה]] מהצוות שלנו דוברת רוסית. אפשר ב{{יום שני}}?\n[3/11/24, 21:19:30] [[PERSON|Лена Гольдман]]: כן. המספר של [[PERSON|Серёжа]]: [[PHONE|058-376-2874]], והמשרד ב[[ADDRESS|רחוב הרצל 50, נתניה]]\n[3/11/24, 21:20:02] [[PERSON|דביר אשכנזי]]: מעולה. רק לוודא – אתם על {{Priority}} או {{SAP Business One}}?\n[3/11/24, 21:21:47] [[PERSON|Лена Гольдман]]: פריוריטי. ותודה!! спасибо 🙏",
    ),
    (
        "whatsapp_export",
        "ar/emirati-indian",
        "[10/01/2025, 11:02:15] [[PERSON|شمة المزروعي]]: صباح الخير أستاذ [[PERSON|أنيل]] 🌸 معك [[PERSON|شمة]] من {{المزروعي للخدمات اللوجستية}}\n[10/01/2025, 11:04:40] [[PERSON|Anil Menon]]: Good morning [[PERSON|Shamma]]! كيف الحال؟\n[10/01/2025, 11:05:20] [[PERSON|شمة المزروعي]]: الحمد لله. بغيت أسأل عن عرض {{باقة المؤسسات}}، المدير [[PERSON|أبو سلطان]] وافق مبدئياً\n[10/01/2025, 11:07:02] [[PERSON|Anil Menon]]: Excellent 👍 السعر {{78,000 درهم}} سنوياً والتشغيل في {{فبراير}}. محتاج رقم المدير المالي\n[10/01/2025, 11:08:30] [[PERSON|شمة المزروعي]]: [[PERSON|ماجد الحمادي]] [[PHONE|+971 56 502 5768]]، وإيميله [[EMAIL|majid.hammadi@mazroui-logistics.ae]]\n[10/01/2025, 11:10:10] [[PERSON|شمة المزروعي]]: والعنوان للعقد: [[ADDRESS|مستودع 22، المنطقة الصناعية مصفح 40، أبوظبي، ص.ب 94521]]\n[10/01/2025, 11:12:45] [[PERSON|Anil Menon]]: تمام، بنرسل العقد قبل {{الأحد}}. Thanks!\n[10/01/2025, 11:13:00] [[PERSON|شمة المزروعي]]: 🙏",
    ),
    (
        "whatsapp_export",
        "ar/egyptian",
        "١٥/٣/٢٠٢٥ ٩:٠٥ م - مدام [[PERSON|نادية الحلواني]]: مساء الخير يا [[PERSON|باسم]]، فاتورة {{مارس}} بتاعة {{حلويات الحلواني}} لسه موصلتش\n١٥/٣/٢٠٢٥ ٩:٠٧ م - [[PERSON|باسم جلال]]: مساء النور يا فندم، هبعتها حالاً. الإيميل لسه [[EMAIL|nadia.helwany@helwany-sweets.com]]؟\n١٥/٣/٢٠٢٥ ٩:٠٨ م - مدام [[PERSON|نادية الحلواني]]: لا ابعتها للمحاسب أستاذ [[PERSON|رمضان عبدالله]] على [[EMAIL|ramadan.acc@helwany-sweets.com]]، ورقمه [[PHONE|0122 676 5863]]\n١٥/٣/٢٠٢٥ ٩:١٠ م - [[PERSON|باسم جلال]]: تمام. وعنوان الفرع الجديد في إسكندرية عشان نضيفه على {{باقة المتاجر}}؟\n١٥/٣/٢٠٢٥ ٩:١٢ م - مدام [[PERSON|نادية الحلواني]]: [[ADDRESS|٣٥ شارع فؤاد، محطة الرمل، الإسكندرية]]\n١٥/٣/٢٠٢٥ ٩:١٣ م - [[PERSON|باسم جلال]]: تمام يا فندم، والقسط الجاي {{٤٬٥٠٠ جنيه}} بعد {{رمضان}} إن شاء الله. وسلميلي على أستاذ [[PERSON|رمضان]]\n١٥/٣/٢٠٢٥ ٩:١٥ م - مدام [[PERSON|نادية الحلواني]]: ماشي، وكل سنة وانت طيب 🌙",
    ),
    (
        "whatsapp_export",
        "ar-latn/emirati-lebanese",
        "[05/05/2025, 14:20:11] [[PERSON|Bu Khalid]]: hala [[PERSON|Jad]], shlonak? 3indi su2al 3an {{Lumen}} el {{Pro plan}}\n[05/05/2025, 14:22:40] [[PERSON|Jad Khoury]]: ahla [[PERSON|Bu Khalid]]! kello tamam, tfaddal\n[05/05/2025, 14:23:15] [[PERSON|Bu Khalid]]: el si3r {{AED 1,200}} bel shahar wala bel sana? 😅\n[05/05/2025, 14:24:02] [[PERSON|Jad Khoury]]: bel shahar ya 3ammi, bas iza btedfa3 sana fi {{15%}} discount\n[05/05/2025, 14:25:30] [[PERSON|Bu Khalid]]: zain. kallem wildi [[PERSON|Khalid]] 3ala [[PHONE|050 831 7084]], huwa yitabi3 el shighl\n[05/05/2025, 14:26:10] [[PERSON|Jad Khoury]]: 3ala rasi. w el invoice 3ala ayya 3enwan?\n[05/05/2025, 14:28:45] [[PERSON|Bu Khalid]]: [[ADDRESS|Warehouse 5, Al Qusais Industrial Area 2, Dubai]]\n[05/05/2025, 14:29:20] [[PERSON|Jad Khoury]]: tamam, bab3atlak el contract ba3d {{el 3eed}} inshallah\n[05/05/2025, 14:30:02] [[PERSON|Bu Khalid]]: inshallah. w sallem 3ala [[PERSON|Rasha]] 🙏",
    ),
    # ---------------------------------------------------------------- web_form
    (
        "web_form",
        "en/american-korean",
        "New form submission — “Talk to Sales” ({{lumencrm.com/demo}})\nFirst name: [[PERSON|Wade]]\nLast name: [[PERSON|Hollister]]\nWork email: [[EMAIL|wade.hollister@lonestarfleet.com]]\nPhone: [[PHONE|+1 512-665-7227]]\nCompany: {{Lone Star Fleet Services}}\nJob title: {{Director of Sales}}\nCompany size: 51-200\nCountry: United States\nHow did you hear about us?: podcast\nMessage: hi, my colleague [[PERSON|june park]] recommended you. we need CRM + route planning for 60 techs. HQ is [[ADDRESS|9600 Great Hills Trail, Suite 150W, Austin, TX 78759]]. pls call after 2pm CT and ask for [[PERSON|Wade]] or Mrs. [[PERSON|Bea Hollister]]\n---\nip: [[IP|99.62.143.21]]\nutm_source=google&utm_campaign={{fleet_q2_2025}}\nconsent_marketing: yes\nsubmitted_at: {{2025-05-14 15:02 CDT}}",
    ),
    (
        "web_form",
        "en/irish-scottish",
        "Event registration — {{Lumen Live London}} ({{18 September}})\nFull name: [[PERSON|Ciarán Mac Giolla Bhríde]]\nPreferred name: [[PERSON|Kieran]]\nEmail: [[EMAIL|ciaran.mgb@thistlecapital.co.uk]]\nMobile: [[PHONE|07536 029135]]\nOrganisation: {{Thistle Capital}}\nRole: {{Head of Partnerships}}\nDietary requirements: vegetarian\nAccessibility needs: none\nBringing a guest?: yes — [[PERSON|Pat Mulligan]] ([[EMAIL|pat.mulligan@thistlecapital.co.uk]])\nInvoice address (paid workshop): [[ADDRESS|3rd Floor, 40 Queen Street, Edinburgh EH2 3NH]]\nPO number: {{PO-77231}}\nHow did you hear about us?: [[PERSON|Rich]] from your team\nIP: [[IP|2a00:23c7:9d1e:4f01:8c3b:21ff:fe6a:77b2]]",
    ),
    (
        "web_form",
        "en/vietnamese-chinese-canadian",
        "Partner application form\nAgency name: {{Northern Pixel Media}}\nPrimary contact: [[PERSON|Thuy Tien Tran]]\nAlso known as: [[PERSON|Tina]]\nPhone: [[PHONE|(604) 350-8581]]\nEmail: [[EMAIL|tina.tran@northernpixel.ca]]\nBusiness address: [[ADDRESS|1055 W Georgia St, Suite 2400, Vancouver, BC V6E 3P3]]\nSecondary contact: [[PERSON|Zhou Wei]] ([[PHONE|+1 416-442-2240]])\nClients you'd bring: 12 SMBs in {{Richmond}} and {{Markham}}\nPayout details: Interac e-transfer to [[EMAIL|payouts@northernpixel.ca]]\nTell us about yourselves: [[PERSON|Tina]] and [[PERSON|Wei]] run a small agency; we've resold {{HubSpot}} since {{2019}}. Our biggest client is {{Golden Dragon Seafood}} and they'd move with us.",
    ),
    (
        "web_form",
        "en/southafrican-indian-zulu",
        "Request a quote\nName: [[PERSON|Kavitha Naidoo]]\nCompany: {{Naidoo & Moodley Attorneys}}\nRole: {{Practice Manager}}\nPhone: [[PHONE|+27 72 317 8740]]\nAlt phone: [[PHONE|072 846 1535]]\nEmail: [[EMAIL|kavitha@naidoomoodley.co.za]]\nAddress: [[ADDRESS|12 Florida Road, Morningside, Durban 4001]]\nSeats: 25\nCurrent tools: Excel + {{Sage}}\nIT contact: [[PERSON|Sibusiso Ndlovu]] – [[EMAIL|sbu@naidoomoodley.co.za]] (he goes by [[PERSON|Sbu]])\nMessage: We need POPIA-compliant hosting. Budget approx {{R18,000}}/month. Please don't call on {{Heritage Day}}.\nsubmitted from [[IP|41.13.250.77]]",
    ),
    (
        "web_form",
        "he/israeli-moroccan",
        "טופס ״צור קשר״ – דף נחיתה {{מבצע חגים}}\nשם פרטי: [[PERSON|טל]]\nשם משפחה: [[PERSON|אדרי]]\nנייד: [[PHONE|054-929-6489]]\nאימייל: [[EMAIL|tal.edri@gmail.com]]\nשם העסק: {{אדרי אינסטלציה}}\nעיר: {{אופקים}}\nמספר עובדים: 6\nהודעה: שלום, אני והשותף שלי [[PERSON|ליאור]] מחפשים מערכת לניהול לקוחות וקריאות שירות. ראיתי את הפרסומת שלכם ב{{אינסטגרם}}. אשמח שיחזרו אליי אחרי 16:00, או שתדברו עם אשתי [[PERSON|מורן]] ב-[[PHONE|050-583-6964]].\nכתובת לחשבונית: [[ADDRESS|רחוב הרצוג 7, אופקים]]\nאישור דיוור: כן\nנשלח: {{10/09/2025}}\nIP: [[IP|109.186.54.212]]",
    ),
    (
        "web_form",
        "he/bedouin-druze",
        "הרשמה לוובינר: ״{{בינה מלאכותית במכירות}}״ – {{יום שלישי 14.10}}\nשם מלא: [[PERSON|נור אלהודא אבו עמאר]]\nת.ז. (לתעודה): [[IL_ID|905929816]]\nטלפון: [[PHONE|053-886-3806]]\nמייל: [[EMAIL|nour.abuamar@gmail.com]]\nארגון: {{מרכז הצעירים לקייה}}\nתפקיד: {{רכזת תעסוקה}}\nמשתתף/ת נוסף/ת: [[PERSON|סמיר חלבי]] מ{{ירכא}}, [[PHONE|054-674-0877]]\nהערות: [[PERSON|סמיר]] צריך תרגום לערבית אם אפשר. אני מגיעה מ{{לקייה}} ואשמח לקבל גם את ההקלטה. אם יש שאלות אפשר לפנות גם לרכזת שלנו, [[PERSON|אמל]].",
    ),
    (
        "web_form",
        "ar/saudi",
        "نموذج التسجيل في التجربة المجانية\nالاسم الأول: [[PERSON|ريما]]\nاسم العائلة: [[PERSON|الشثري]]\nالبريد الإلكتروني للعمل: [[EMAIL|reema.alshathri@wafra-dev.sa]]\nالجوال: [[PHONE|+966 55 041 1114]]\nاسم الشركة: {{وفرة للتطوير العقاري}}\nالمسمى الوظيفي: {{مديرة التسويق}}\nالمدينة: {{الخبر}}\nالعنوان الوطني: [[ADDRESS|4521 طريق الملك فيصل، حي العقربية، الخبر 34445، الرمز المختصر DKBA4521]]\nعدد المستخدمين: 15\nكيف عرفت عنا؟: توصية من م. [[PERSON|عبدالله الغامدي]]\nملاحظات: نحتاج ربط مع {{سلة}} للمتجر الإلكتروني\nتاريخ التسجيل: {{1446/03/12}}\nعنوان IP: [[IP|188.48.17.203]]",
    ),
    (
        "web_form",
        "ar/qatari-omani-bahraini",
        "طلب عرض سعر – موقع {{Lumen}} (النسخة العربية)\nالاسم: [[PERSON|مريم عبدالله السليطي]]\nالجهة: {{مجموعة السليطي للتجارة}}\nالدولة: {{قطر}}\nالهاتف: [[PHONE|+974 5810 4549]]\nالبريد: [[EMAIL|maryam@sulaiti-trading.qa]]\nالعنوان: [[ADDRESS|مبنى 12، شارع 950، منطقة 56، أبو هامور، الدوحة]]\nفروع أخرى:\n- مسقط: [[PERSON|خالد الرواس]] – [[PHONE|+968 9049 6844]]\n- المنامة: [[PERSON|سلمان العريض]] – [[PHONE|+973 3388 3885]] – [[ADDRESS|شقة 4، مبنى 1120، طريق 3121، مجمع 331، المنامة]]\nالرسالة: نحتاج نظام موحد للفروع الثلاثة مع تقارير بالعربي. الميزانية حوالي {{90,000 ريال قطري}}. الأفضل التواصل بعد {{الجمعة}}، ويمكن التنسيق مع [[PERSON|خالد]] مباشرة.",
    ),
    (
        "web_form",
        "ar/jordanian-iraqi",
        "نموذج طلب وكالة\nاسم المتقدم: [[PERSON|يزن العبادي]]\nالشركة: {{حلول البتراء الرقمية}}\nالهاتف: [[PHONE|+962 7 9297 2694]]\nالبريد: [[EMAIL|yazan.abbadi@petra-solutions.jo]]\nالعنوان: [[ADDRESS|شارع مكة 180، مجمع الحسيني التجاري، الطابق 4، عمّان]]\nالشريك في العراق: [[PERSON|زيد الكبيسي]] – [[PHONE|0770 081 9943]] – [[EMAIL|zaid.kubaisi@rafidain-it.iq]]\nالأسواق المستهدفة: {{الأردن}}، {{العراق}}\nالحساب البنكي لاستلام العمولات: [[IBAN|JO84 ABNB 4273 7191 4075 4105 2652 91]]\nنبذة: نعمل منذ {{2016}} مع شركات التوزيع في {{عمّان}} و{{إربد}}. [[PERSON|زيد]] يغطي بغداد والبصرة.",
    ),
    (
        "web_form",
        "ru/russian-emirati",
        "Заявка с сайта (форма «Запросить демо»)\nИмя: [[PERSON|Ксения]]\nФамилия: [[PERSON|Воронцова]]\nТелефон (WhatsApp): [[PHONE|+971 55 812 4347]]\nДоп. телефон: [[PHONE|+7 985 866-89-26]]\nEmail: [[EMAIL|k.vorontsova@palmestate.ae]]\nКомпания: {{Palm Estate Realty}}\nДолжность: {{руководитель отдела продаж}}\nГород: {{Дубай}}\nАдрес офиса: [[ADDRESS|Office 2304, Marina Plaza, Dubai Marina, Dubai]]\nКомментарий: Нас 18 брокеров, работаем с клиентами из России и Казахстана. Нужна интеграция с {{Bayut}} и {{Property Finder}}. Мой партнёр [[PERSON|Артём Белов]] тоже будет на демо, [[PERSON|Артёму]] удобнее после 12:00 по Дубаю.\nIP: [[IP|5.195.44.120]]",
    ),
    # ---------------------------------------------------------------- deal_review
    (
        "deal_review",
        "en/american-nigerian-swedish",
        "Deal review — {{Brightline Health}} ({{$340K}} ACV) — {{MEDDICC}}\n\nMetrics: cut lead response time from 2 days to 2 hours; [[PERSON|Hope Lindgren]] (champion, {{Director of Patient Access}}) sized it at ~$1.1M/yr.\nEconomic buyer: [[PERSON|Marguerite Okafor]], CFO. Met once, on {{Aug 14}}; [[PERSON|Marguerite]] wants a 3-year term with an exit clause.\nDecision criteria: HIPAA BAA, Epic integration, SSO.\nDecision process: security review → legal → [[PERSON|Marguerite]]. Security lead is [[PERSON|Chase Adeyemi]] ([[EMAIL|chase.adeyemi@brightlinehealth.org]], [[PHONE|(312) 540-4716]]).\nPaper process: their counsel ([[PERSON|Dana Whitfield-Brooks]]) redlines slowly, ~2 weeks per round.\nPain: 30% of web leads never get a call back.\nChampion strength: medium — [[PERSON|Hope]] is new (joined in {{March}}) and hasn't sold anything internally yet.\nCompetition: {{Salesforce Health Cloud}}.\nRisks: [[PERSON|Chase]] flagged our SOC 2 bridge letter; BAA redlines pending.\nAsk for the review board: should we offer a 60-day out clause? Owner: [[PERSON|Jade Morrison]].",
    ),
    (
        "deal_review",
        "en/saudi-pakistani",
        "Deal review – {{Red Sea Hospitality Group}} – stage: {{Commit}}\nOwner: [[PERSON|Layla Farouk]] | SE: [[PERSON|Usman Chaudhry]]\n\nSummary: 400 seats across Jeddah and the {{NEOM}}-area resorts.\nContacts:\n• Eng. [[PERSON|Fahad Al Otaibi]] — {{CIO}}, economic buyer. Mobile [[PHONE|+966 53 727 5172]]\n• [[PERSON|Lujain Bakhsh]] — procurement, champion; [[PERSON|Lujain]] is pushing for signature before {{Ramadan}}\n• [[PERSON|Abu Faisal]] ([[PERSON|Saud Al Harthy]]) — owner's office, informal influencer\nCommercials: {{SAR 1.6M}} over 3 years, 12% discount requested. Billing to [[ADDRESS|Building 7712, Prince Sultan Road, Al Rawdah, Jeddah 23432]].\nRisks: data must stay in-Kingdom; [[PERSON|Fahad]] wants the {{KSA region}} live by go-live. [[PERSON|Usman]] to confirm with product.\nNext: exec sponsor call with our CRO, [[PERSON|Victor Aldana]], on {{Sunday}}.",
    ),
    (
        "deal_review",
        "en/japanese-korean-american",
        "Deal review notes — {{Kōyō Electronics}} expansion\nAccount owner: [[PERSON|Drew Kaplan]] | Region: {{APJ}}\nStakeholders:\n- [[PERSON|Watanabe Kenji]] ({{General Manager, Sales Planning}}) — economic buyer; prefers email in Japanese, CC his assistant Ms. [[PERSON|Ono]]\n- [[PERSON|Yoon Hae-won]] (Korea subsidiary) — champion; mobile [[PHONE|010-8825-1888]]; she wants the Korean UI before signing\n- [[PERSON|Brian Oshiro]] (US IT, Honolulu) — security reviewer\nValue: {{¥38M}}/yr + Korea {{₩120M}}\nStatus: legal approved; procurement is waiting for the new fiscal year ({{April 1}})\nRisks: [[PERSON|Watanabe]]-san retires in June and the successor is unknown. [[PERSON|Hae-won]] thinks it will be [[PERSON|Sato Mirei]].\nAsk: approval for a 5% multi-year discount. Ship the on-site kit to [[ADDRESS|2-7-1 Marunouchi, Chiyoda-ku, Tokyo 100-7090]].",
    ),
    (
        "deal_review",
        "en/kenyan-ethiopian-british",
        "Deal review – {{Safari Link Logistics}} (Nairobi + Addis)\nStage: Negotiation | Amount: {{USD 88,000}} | Owner: [[PERSON|Faith Wanjiru]]\nChampion: [[PERSON|Mekdes Girma]] (Addis ops) — strong; [[PERSON|Mekdes]] built the business case herself\nEconomic buyer: [[PERSON|Peter Kiprotich]], group MD — [[PHONE|+254 701 377904]]\nBlocker: [[PERSON|Nigel Ashby-Cole]] (UK board member) prefers {{Dynamics 365}}; [[PERSON|Nigel]] is in {{London}} until {{November}}\nPaper: they pay by bank transfer; refunds go to their UK account [[IBAN|GB25 FIWZ 1630 5995 6506 96]].\nSite visit address: [[ADDRESS|Mombasa Road, Sameer Business Park, Block C, Nairobi]]\nAsk: can we bundle the {{Field Sales add-on}} at 50% off to beat Dynamics? [[PERSON|Faith]] thinks yes; [[PERSON|Mekdes]] agrees.",
    ),
    (
        "deal_review",
        "he/israeli-ashkenazi-mizrahi",
        "סקירת עסקה – {{מגדלי הים התיכון}} (רשת דיור מוגן)\nאחראית: [[PERSON|ליאור]] | שלב: {{מו״מ}} | סכום: {{₪420,000}} לשנה\n\nאנשי מפתח:\n• [[PERSON|שושנה קרמר]] ([[PERSON|שושי]]), {{סמנכ״לית תפעול}} – האלופה שלנו. נייד [[PHONE|054-868-1139]]\n• [[PERSON|יגאל ששון]], מנכ״ל – מקבל ההחלטות. פגשנו אותו פעם אחת, ב{{ל״ג בעומר}}.\n• [[PERSON|אביב]] מה-IT – מודאג מאבטחת מידע; ל[[PERSON|אביב]] כבר שלחנו את דו״ח ה-SOC2.\nסיכונים: {{Salesforce}} הציעו 30% הנחה, ו[[PERSON|יגאל]] רגיש למחיר.\nהצעה: לתת חודשיים חינם במקום הנחה.\nכתובת המטה לשליחת החוזה: [[ADDRESS|רחוב הים 3, בת ים]]",
    ),
    (
        "deal_review",
        "he/arab-israeli-druze",
        "סקירת דיל שבועית\nלקוח: {{ג׳בארין מזון}} ({{אום אל-פחם}})\nאחראי: [[PERSON|עדי]] | סכום: {{₪96,000}} | שלב: הצעת מחיר\n\n• המנכ״ל, [[PERSON|סאמי ג׳בארין]], אוהב את המערכת אבל רוצה ממשק מלא בערבית.\n• הבת שלו, [[PERSON|לינא]], {{מנהלת שיווק}} – היא האלופה שלנו. לדבריה ההחלטה הסופית אצל [[PERSON|אבו ג׳מאל]], המייסד.\n• מתחרה: מערכת מקומית מ{{חיפה}}.\n• שותף הפצה, [[PERSON|ראבי עאמר]] מ{{מגאר}}, מביא עוד 3 חנויות; הטלפון שלו [[PHONE|050-357-1069]].\n• כתובת למשלוח החוזה: [[ADDRESS|רחוב אלפארוק 22, אום אל-פחם]]\nהמלצה: לאשר לוקליזציה לערבית כעלות חד-פעמית של {{₪8,000}}. [[PERSON|לינא]] תעזור בתרגום.",
    ),
    (
        "deal_review",
        "he/haredi-russian-israeli",
        "סקירת עסקה – {{אור החיים הפצה}}\nאחראית: [[PERSON|מרינה ליבנה]] | שלב: {{אישור בעל פה}} | {{₪58,000}}\n\n1. מי מחליט: ר׳ [[PERSON|אהרן ווייס]], הבעלים. לא עונה לוואטסאפ, רק לקו במשרד: [[PHONE|03-912-5739]].\n2. המנהלת בפועל: אשתו, [[PERSON|פייגי ווייס]] – היא זו שבאמת משתמשת. המייל שלה [[EMAIL|feigy.w@orhachaim-books.co.il]].\n3. הבן, [[PERSON|יוסף חיים]], יעשה את ההטמעה; הוא שאל אם יש גרסה בלי אינטרנט פתוח.\n4. חשש: הסינון של {{רימון}} חוסם את האפליקציה – [[PERSON|מרינה]] בודקת מול הצוות הטכני.\n5. משלוח: [[ADDRESS|רחוב רבי מאיר 17, בני ברק]]\nבקשה: אישור לפריסה ל-{{12 תשלומים}} ללא ריבית.",
    ),
    (
        "deal_review",
        "ar/emirati-egyptian",
        "مراجعة صفقة – {{مجموعة بن غليطة}} (تجزئة، 22 فرعاً)\nالمسؤول: [[PERSON|مصطفى الشربيني]] | المرحلة: {{تفاوض}} | القيمة: {{1.1 مليون درهم}}\n\n- صاحب القرار: [[PERSON|محمد بن غليطة]]، الرئيس التنفيذي؛ قابلناه مرة واحدة فقط.\n- البطل الداخلي: [[PERSON|أسماء الظاهري]]، {{مديرة التحول الرقمي}}، جوالها [[PHONE|+971 55 606 6924]].\n- المعترض: [[PERSON|جميل]] من المالية، يفضّل {{SAP}}.\n- المطلوب: خصم 15% ودعم باللغة العربية على مدار الساعة.\n- عنوان المقر للعقد: [[ADDRESS|برج بن غليطة، الطابق 18، شارع الشيخ زايد، دبي]]\nرأي [[PERSON|مصطفى]]: الصفقة ممكن تتقفل قبل {{نهاية الربع}} لو وافقنا على الخصم، و[[PERSON|أسماء]] جاهزة تدافع عنها داخلياً.",
    ),
    (
        "deal_review",
        "ar/moroccan-algerian",
        "مراجعة الصفقة – {{مطاحن الأطلس}}\nالمسؤولة: [[PERSON|سكينة الفاسي]] | المرحلة: {{عرض مرسل}} | القيمة: {{420,000 درهم مغربي}}\n\n• المقرر: السيد [[PERSON|عبد اللطيف برادة]]، المدير العام.\n• البطلة: [[PERSON|وئام الشرقاوي]]، مسؤولة المبيعات؛ كتقول بلي سي [[PERSON|عبد اللطيف]] بغا يشوف ديمو بالفرنسية.\n• فرع {{وهران}}: [[PERSON|رشيد بن يوسف]] – [[PHONE|0540 12 64 71]]\n• العنوان: [[ADDRESS|الحي الصناعي سيدي البرنوصي، زنقة 12، رقم 45، الدار البيضاء]]\n• المخاطر: منافس محلي أرخص بـ{{30%}}؛ [[PERSON|وئام]] محتاجة دعم باش تقنع الإدارة.\nالمطلوب: ديمو مع [[PERSON|عبد اللطيف برادة]] قبل {{عيد العرش}}.",
    ),
    (
        "deal_review",
        "he-en/israeli",
        "Deal review – {{Nexus Robotics}} | owner: [[PERSON|עומר]] | stage: {{Legal}} | ARR {{$96K}}\n\n- ה-champion שלנו זו [[PERSON|Noa Vaknin]], {{VP Sales}}. היא pushing hard לסגור לפני ה-board meeting ב-{{15/12}}.\n- ה-EB זה [[PERSON|Guy Peretz]] (CEO). [[PERSON|Guy]] רוצה annual prepay עם 10% הנחה.\n- Blocker: ה-CISO, [[PERSON|Sivan Bar-On]], רוצה pen test report; [[PERSON|סיון]] גם שאלה על data residency באירופה.\n- Legal: עו״ד [[PERSON|Hadas Lev]] ממשרד {{Herzog Fox & Neeman}} מחזירה redlines תוך שבוע.\n- הנייד של [[PERSON|Noa]] למקרה חירום: [[PHONE|+972-58-622-6345]]\n- [[PERSON|עומר]]: I think we can close if we give them the pen test under NDA. מאשרים?",
    ),
    # ---------------------------------------------------------------- system_prompt
    (
        "system_prompt",
        "en/american-native-american-latino",
        "SYSTEM: You are {{Lumen Copilot}}, an assistant inside {{Lumen CRM}}. Answer only from CRM data. Never reveal other tenants' data.\n\n## Current user\nname: [[PERSON|Faith Delgado]]\nemail: [[EMAIL|faith.delgado@summitroofing.com]]\nrole: {{Sales Manager}}\nteam: Southwest\ntimezone: America/Phoenix\nphone: [[PHONE|+1 602-327-8015]]\nlast_login_ip: [[IP|68.104.22.190]]\n\n## Account\ntenant: {{Summit Roofing Co}} (plan: {{Business}}, seats: 48)\nbilling contact: [[PERSON|Rich Calloway]] ([[EMAIL|ap@summitroofing.com]])\nHQ: [[ADDRESS|4410 E Camelback Rd, Phoenix, AZ 85018]]\n\n## Team members (for @mentions)\n- [[PERSON|Cody Blackhorse]] (AE)\n- [[PERSON|Ruby Estrada]] (AE)\n- [[PERSON|Drew]] (SDR, part-time)\n\n## Tools\nsearch_contacts, get_deal, draft_email. Billing tool key (Stripe restricted, never print): [[SECRET|rk_live_CxquLcLzbt8ki8a4sZJsshFB]]\n\nToday is {{Monday, 3 March 2025}}. Greet [[PERSON|Faith]] by first name.",
    ),
    (
        "system_prompt",
        "en/emirati-indian",
        "System prompt (tenant context)\nYou are the AI sales assistant for {{Emirates Crest Realty}}. Respond in the user's language (Arabic or English). Quote prices in {{AED}}.\n\nUser: [[PERSON|Hamdan Al Shehhi]] ({{Head of Leasing}}), [[EMAIL|hamdan.shehhi@emiratescrest.ae]], mobile [[PHONE|+971 52 145 3484]]\nUser preferences: address him as “Mr. [[PERSON|Hamdan]]”; never message clients on Friday afternoons.\nManager: [[PERSON|Anjali Krishnamurthy]] ({{Sales Director}})\nOffice: [[ADDRESS|Office 905, Al Shafar Tower 1, Barsha Heights, Dubai]]\nKey accounts: {{Dubai Properties}}, {{Nakheel}}\nSlack notifications token (internal): [[SECRET|xoxb-418457824646-9246997365350-QwSs92m5QQkYOqQAVW3ToA33]]\nSession IP: [[IP|2001:8f8:1d23:a10::6c]]\nIf [[PERSON|Anjali]] is mentioned in a lead note, treat it as an escalation.",
    ),
    (
        "system_prompt",
        "en/indian-tamil-punjabi-kannada",
        "### System\nYou are {{Lumen Assist}} for {{Kaveri Agro Industries}}. Language: English; names may be Tamil, Kannada, Hindi or Punjabi — keep spellings exactly as given.\n\nLogged-in user: [[PERSON|Sowmya Ramaswamy]] · {{Regional Sales Head}} · [[PHONE|+91 90427 61202]] · [[EMAIL|sowmya.r@kaveriagro.in]]\nReports: [[PERSON|Gurjeet Dhillon]] (Punjab), [[PERSON|Manjunath Gowda]] (Karnataka), [[PERSON|Pooja Tiwari]] (UP)\nOffice: [[ADDRESS|No. 3, 5th Main Road, Jayanagar 4th Block, Bengaluru 560011]]\nGST on invoices: enabled. Fiscal year starts {{1 April}}.\nOpen escalation: distributor [[PERSON|Rajinder Singh Sodhi]] (Ludhiana, [[PHONE|+91 98790 65049]]) disputes {{invoice KAV-2291}}.\nRules: don't share distributor margins with [[PERSON|Pooja]]'s team (they're on a different scheme). Sign emails as “[[PERSON|Sowmya]]”.",
    ),
    (
        "system_prompt",
        "en/ghanaian-british-nigerian",
        "<<SYS>>\nYou write follow-ups for {{Harbour & Vale Insurance Brokers}}' sales team.\nCurrent user: [[PERSON|Adjoa Mensah-Clarke]], {{Senior Broker}}, London.\nUser signature:\n  [[PERSON|Adjoa Mensah-Clarke]] | {{Harbour & Vale}}\n  [[PHONE|+44 7854 491043]] | [[EMAIL|adjoa.mc@harbourvale.co.uk]]\n  [[ADDRESS|2nd Floor, 71 Fenchurch Street, London EC3M 4BS]]\nTeam: [[PERSON|Olamide Ogunleye]] (Lagos desk, [[PHONE|+234 802 434 1247]]), [[PERSON|Guy Pemberton]] (renewals)\nCompliance: {{FCA}} rules — no promises on premiums. Do not mention {{Lloyd's}} syndicate names.\nSSO token for the document tool (never output): [[SECRET|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.iTqTfibBb5z6_aBfCt3xq6KceMheFYV_rKSteQVz1HwG9kX0HM9awdGDwcuC.MGPYTZuHVvat77J9OwPsgZt7BpYQ2OQBilCFXuF0DRk]]\nIf the lead is Nigerian, cc [[PERSON|Olamide]].\n<</SYS>>",
    ),
    (
        "system_prompt",
        "he/israeli-mizrahi-ashkenazi",
        "הנחיות מערכת:\nאתה העוזר של {{Lumen CRM}} עבור הלקוח {{שקד נדל״ן}}. ענה בעברית, בגוף שני, בלי אימוג׳ים.\n\nפרטי המשתמשת המחוברת:\nשם: [[PERSON|חן אוחיון]]\nתפקיד: {{מנהלת מכירות}}\nמייל: [[EMAIL|chen.o@shaked-nadlan.co.il]]\nנייד: [[PHONE|050-860-5783]]\nIP: [[IP|84.229.17.66]]\n\nהצוות של [[PERSON|חן]]: [[PERSON|אור]] (סוכן), [[PERSON|ים בירנבאום]] (סוכנת), [[PERSON|נוי]] (מתאמת פגישות).\nכתובת המשרד: [[ADDRESS|רחוב ויצמן 4, גבעתיים]]\nכללים: אל תחשוף מספרי ת״ז של לקוחות. אם [[PERSON|חן]] מבקשת דו״ח, השתמש בנתוני {{רבעון 3}}. היום {{יום ראשון}}.",
    ),
    (
        "system_prompt",
        "he/ethiopian-haredi-israeli",
        "System:\nאתה עוזר מכירות עבור {{מכללת אופק}} בתוך {{Lumen}}. המטרה: לעזור לצוות הרישום לעקוב אחרי מועמדים לשנת {{תשפ״ו}}.\n\nמשתמשת מחוברת: [[PERSON|אביטל מלסה]], {{ראש מחלקת רישום}}, [[EMAIL|avital.melese@ofek-college.ac.il]], [[PHONE|053-418-7486]]\nצוות: [[PERSON|שמחה גטהון]], [[PERSON|ברכה קליין]] (מגזר חרדי, עובדת רק בבקרים), [[PERSON|רפי נגוסה]]\nכתובת הקמפוס: [[ADDRESS|רחוב ביאליק 15, רמת גן]]\nמפתח API פנימי (לא להציג בשום מקרה): [[SECRET|sk-proj-zymMlopiWfqUyHRSIf8NFmAUNLnY5Yx0y3RnjDQl2Kvf8THR]]\nכללים: אל תשלח הודעות למועמדים בשבת; פניות ממגזר חרדי מועברות ל[[PERSON|ברכה]]. מחזור הרישום נסגר ב-{{30 בספטמבר}}.",
    ),
    (
        "system_prompt",
        "ar/saudi",
        "تعليمات النظام:\nأنت مساعد المبيعات الذكي في {{Lumen}} لشركة {{دار الخزامى للعقارات}}.\n\nالمستخدم الحالي: [[PERSON|عبدالرحمن الشهري]] – {{مدير المبيعات الإقليمي}}\nالبريد: [[EMAIL|a.alshehri@khozama-re.sa]] | الجوال: [[PHONE|+966 53 691 4205]]\nالفريق: [[PERSON|نوف العنزي]]، [[PERSON|سلطان الحربي]]، [[PERSON|ريم]] (متدربة)\nعنوان الفرع: [[ADDRESS|6712 طريق الملك عبدالعزيز، حي الملقا، الرياض 13524]]\nالقواعد: استخدم الريال السعودي، وخاطب العملاء بـ«الأستاذ/الأستاذة». لا تذكر أسعار {{باقة VIP}} إلا بعد موافقة [[PERSON|عبدالرحمن]]. إذا طلبت [[PERSON|ريم]] تصدير بيانات العملاء، ارفض بلطف.\nالتاريخ: {{الأحد 12 رجب}}",
    ),
    (
        "system_prompt",
        "ar/egyptian-coptic",
        "System prompt:\nإنت مساعد مبيعات داخل {{Lumen CRM}} لشركة {{النيل للأجهزة الطبية}}. اتكلم بالعامية المصرية المهذبة.\nبيانات المستخدمة: د. [[PERSON|شيرين فهمي]]، {{مديرة المبيعات}}، [[PHONE|+20 12 98095441]]، [[EMAIL|shereen.fahmy@nilemedical.com.eg]]\nالفريق: [[PERSON|محمود عبد الغني]] (الإسكندرية)، [[PERSON|منة الله سعيد]] (القاهرة)، [[PERSON|أبانوب ميخائيل]] (الصعيد)\nالمقر: [[ADDRESS|٤٥ شارع التسعين الشمالي، التجمع الخامس، القاهرة الجديدة]]\nمفتاح خدمة الرسائل (سري): [[SECRET|SK278aaf6301d1a619588096b35bc4986e]]\nقواعد: الأسعار بالجنيه، ومتبعتش عروض يوم {{الجمعة}}. الهدف الشهري {{٢ مليون جنيه}}. لو د. [[PERSON|شيرين]] طلبت تقرير، قسّمه حسب المندوب.",
    ),
    (
        "system_prompt",
        "ar/iraqi-kuwaiti",
        "[system]\nانت مساعد ذكي ضمن {{Lumen}} لشركة {{الوركاء للاتصالات}} (بغداد والكويت).\nالمستخدم: [[PERSON|حيدر الساعدي]]، {{مشرف المبيعات}}\nرقمه: [[PHONE|+964 790 522 9814]]، ايميله: [[EMAIL|haider.saadi@warka-tel.iq]]\nالفريق بالكويت: [[PERSON|دلال الكندري]] ([[PHONE|+965 9417 4290]])\nعنوان المكتب: [[ADDRESS|شارع فلسطين، مجمع الوركاء، الطابق 3، بغداد]]\nتوكن تكامل GitHub (لا تظهره): [[SECRET|ghp_NayviHzm5YdOnCqIz0Wiw8SE7diV3TMXVjM8]]\nالتعليمات: جاوب بالعربي، واستخدم الدينار العراقي للعملاء العراقيين والدينار الكويتي للكويت. إذا سأل [[PERSON|حيدر]] عن عمولة [[PERSON|دلال]] لا تجاوب. التاريخ: {{الاثنين}}، {{نهاية الربع الأول}}.",
    ),
    (
        "system_prompt",
        "fr/moroccan-tunisian-algerian",
        "[Système]\nTu es l'assistant commercial de {{Lumen CRM}} pour {{Atlas Distribution SARL}} ({{Casablanca}}).\nUtilisatrice connectée : [[PERSON|Khadija Benjelloun]], {{Directrice commerciale}}\nTél. : [[PHONE|+212 7 81 85 51 26]] — e-mail : [[EMAIL|k.benjelloun@atlas-distrib.ma]]\nÉquipe : [[PERSON|Mehdi Alaoui]] (Rabat), [[PERSON|Sana Trabelsi]] (Tunis, [[PHONE|+216 23 306 900]]), [[PERSON|Yanis]] (stagiaire, Alger)\nSiège : [[ADDRESS|27 boulevard Zerktouni, 20040 Casablanca]]\nRègles : réponds en français sauf si le client écrit en darija ; montants en MAD ou TND. Ne communique jamais l'IBAN de la société ([[IBAN|FR79 6273 0193 5509 5728 3906 348]]) dans les e-mails clients. Les leads tunisiens vont à [[PERSON|Sana]].\nDate : {{lundi 6 janvier}}.",
    ),
    # ---------------------------------------------------------------- handover_note
    (
        "handover_note",
        "en/american-canadian-nigerian",
        "Handover note — [[PERSON|Cash Ybarra]] → [[PERSON|Dawn Okeke]] (effective {{Nov 1}})\n\nI'm moving to the {{Enterprise team}}, so here are my open accounts:\n\n1. **{{Bluegrass Credit Union}}** — [[PERSON|Dawn Kettering]] (yes, another [[PERSON|Dawn]] 😄) is the buyer; very process-driven. Her cell: [[PHONE|+1 773-452-5183]]. Redlines are with their counsel, [[PERSON|Lyle Pruett]].\n2. **Sunbelt HVAC** — [[PERSON|Major Dorsey]] signed verbally; paperwork goes to [[ADDRESS|1850 Peachtree Industrial Blvd, Duluth, GA 30097]]. Don't let [[PERSON|Major]] renegotiate.\n3. **Saguaro Solar** — [[PERSON|Marisol Quintero]] loves us but her boss, [[PERSON|Wyatt Schuler]], doesn't. Budget decision in {{January}}.\n4. **Keystone Dental** — Dr. [[PERSON|Anika Sorensen]]; her office manager [[PERSON|Ivy]] ([[EMAIL|ivy@keystonedental.com]]) is the real gatekeeper.\n5. **Mont-Royal Movers** (Montréal) — [[PERSON|Gord Tremblay-Singh]], [[PHONE|(514) 987-8103]]; bilingual contract needed.\n\nPipeline total ~{{$310K}}. Ping me on {{Slack}} if you get stuck — [[PERSON|Cash]]",
    ),
    (
        "handover_note",
        "en/australian-indonesian-filipino",
        "Handover: [[PERSON|Kylie Brennan]] on parental leave from {{20 December}} — covering AE: [[PERSON|Jarrah Wilkinson]]\n\nKey contacts:\n- [[PERSON|Trent Halvorsen]] ({{Halvorsen Plumbing}}): ready to sign the {{Starter}} annual; call [[PHONE|+61 412 861 226]] (new number, the old one's dead).\n- [[PERSON|Sky Whitlam]] ({{Coral Coast Realty}}): wants a discount; max 10%. Office [[ADDRESS|Shop 3, 2 Cavill Avenue, Surfers Paradise QLD 4217]].\n- [[PERSON|Ketut Wirawan]] (Bali resort group, [[PHONE|+62 812-9012-5222]]) — inbound from the {{Bali}} roadshow; good English, prefers WhatsApp.\n- Our VA [[PERSON|Precious Mae Dela Cruz]] keeps the lead sheet updated; she's in Manila ([[PHONE|+63 917 191 2283]]).\nGotchas: [[PERSON|Trent]]'s business partner [[PERSON|Shaz]] ([[PERSON|Sharon Halvorsen]]) signs the cheques. Don't call anyone before 9 AEST.\nCheers, [[PERSON|Kylie]]",
    ),
    (
        "handover_note",
        "en/emirati-pakistani-bangladeshi-indian",
        "Handover note (UAE SMB book) from [[PERSON|Zeeshan Akhtar]] to [[PERSON|Rukhsana Begum]]\n\n- {{Al Qasr Perfumes}}: owner [[PERSON|Saif Al Kaabi]] speaks only Arabic — take [[PERSON|Omar]] to meetings. Renewal {{AED 24,000}} due {{15 Jan}}.\n- {{Karachi Darbar Restaurants}} (Dubai, 4 branches): Haji [[PERSON|Rafiq Memon]] decides; his son [[PERSON|Bilal]] ([[PHONE|+971 56 825 0549]]) runs the app day to day.\n- Dhaka Garments Trading (Deira): [[PERSON|Shamim Hossain]], [[PHONE|04 816 6385]], [[ADDRESS|Shop 12, Al Ras Building, Al Ras Street, Deira, Dubai]]. Pays late — always.\n- {{Emirates Auto Spares}}: [[PERSON|Joseph Varghese]] left; the new contact is [[PERSON|Nisha Pillai]] ([[EMAIL|nisha.p@eas-uae.com]]).\nThe card on file for Dhaka Garments failed twice; they'll add a new one via the portal — never accept card numbers on WhatsApp.\nAll the best, [[PERSON|Zeeshan]]",
    ),
    (
        "handover_note",
        "en/spanish-catalan-portuguese-brazilian-mexican",
        "Handover — Iberia & Brazil accounts\nFrom: [[PERSON|Leonor Vaz]] (leaving {{31 May}})\nTo: [[PERSON|Rocío Barrientos]]\n\n• {{Soler Cerámica}} — [[PERSON|Amparo Soler]] is lovely but slow; her son [[PERSON|Jordi]] ([[PHONE|+34 658 85 57 16]]) is the one to push. SEPA mandate on [[IBAN|ES69 5616 1301 5072 8076 9068]].\n• Padaria do Minho — [[PERSON|João Pedro Magalhães]]; invoices to [[ADDRESS|Rua de Santa Catarina 312, 4000-443 Porto]].\n• Verdemar Cosméticos (Rio) — [[PERSON|Thaís]] moved to marketing; the new buyer is [[PERSON|Caio Nascimento]], [[PHONE|(21) 97822-1557]]. Pays by boleto.\n• Cervecería del Norte (MX, covered by us for now) — [[PERSON|Dolores Paz]]; hand over to the LatAm team after {{Q2}}.\nOpen quote: {{€38.000}} for Soler multi-site.\nPasswords for the shared demo account are in {{1Password}}, not here. — [[PERSON|Leonor]]",
    ),
    (
        "handover_note",
        "he/israeli-mixed",
        "העברת תיק – [[PERSON|שחר]] ל[[PERSON|מאיה אלון]] (החל מ-{{1 בינואר}})\n\nלקוחות פתוחים:\n1. {{תבליני הגליל}} – המנכ״לית [[PERSON|שני ליבוביץ]] וה-CFO [[PERSON|שירה]] ([[EMAIL|shira.cfo@tavlinim-hagalil.co.il]]). ההדרכה נדחתה לאחרי {{פורים}}.\n2. {{יוחננוף}} – [[PERSON|אור בן חמו]]; מחכים שיחזור עם אישור תקציב. ל[[PERSON|אור]] לא שולחים הצעות בוואטסאפ, רק במייל.\n3. עמותת ״יד ביד״ – [[PERSON|רחל פרידמן-אבוטבול]], [[PHONE|053-409-5784]]. מבקשת {{חבילת עמותות}}.\n4. סטודיו קליין – [[PERSON|ים קליין]]; המשרד עבר ל[[ADDRESS|רחוב שינקין 40, תל אביב]].\nטיפ: [[PERSON|טל]] מהגבייה יודעת הכל על היסטוריית החשבוניות. בהצלחה! [[PERSON|שחר]]",
    ),
    (
        "handover_note",
        "he/druze-bedouin",
        "חפיפה – אזור צפון ודרום\nמ: [[PERSON|סלים חסון]] ({{מנהל אזור צפון}}), אל: [[PERSON|נועה שטרית]]\n\n• {{מעיינות הגליל}} – [[PERSON|סלמאן אבו רוקן]] ו[[PERSON|רים חסון]] (כן, בת דודה שלי 🙂). ההטמעה עברה טוב, צריך לסגור הרחבה ל-20 משתמשים.\n• חלבי שיווק ישיר – [[PERSON|ניזאר חלבי]]; אשתו [[PERSON|רובא]] מאשרת תשלומים. כתובת: [[ADDRESS|רחוב ראשי 18, דלית אל-כרמל]].\n• דרום: {{אלקרינאוי הובלות}} ב{{רהט}} – [[PERSON|סלימאן אלקרינאוי]] ואחיו [[PERSON|חוסיין]]. החיוב החודשי יורד מהחשבון [[IBAN|IL89 0126 0062 2415 4990 951]]; החזרים רק לחשבון הזה.\n• ליד חדש: [[PERSON|עאמר אבו סיאם]] מ{{שגב שלום}}, [[PHONE|053-289-7413]].\nלא לקבוע פגישות בתקופת {{עיד אל-פיטר}}. בהצלחה, [[PERSON|סלים]]",
    ),
    (
        "handover_note",
        "he/french-israeli",
        "העברת לקוחות – דוברי צרפתית\nמ[[PERSON|ז׳ולי אסולין]] ל[[PERSON|אליאור בן שושן]]\n\n1. {{אטלן נכסים}} – [[PERSON|ז׳רום אטלן]]. רגיש מאוד לאבטחה אחרי האירוע בחשבון שלו; תמיד לוודא ש-2FA פעיל. הגיסה שלו, [[PERSON|אודליה]], עובדת מפריז.\n2. {{Attias Immobilier}} – [[PERSON|סברין]] ([[PERSON|Séverine Benhamou-Attias]]) מעדיפה צרפתית; השותף [[PERSON|גיא סבג]] מטפל בחוזים.\n3. ליד חדש: [[PERSON|פרדריק אוחיון]], רופא שיניים מ{{אשדוד}}, [[PHONE|+33 6 86 72 12 65]] (עדיין עם מספר צרפתי), [[EMAIL|f.ohayon.dentiste@gmail.com]]. עלה לפני חודשיים; גר ב[[ADDRESS|רחוב רוגוזין 12, אשדוד]].\nשים לב: בתקופת {{החגים}} כולם בצרפת. המחירון בשקלים ובאירו ({{49 €}} למשתמש).",
    ),
    (
        "handover_note",
        "ar/saudi-omani",
        "مذكرة تسليم الحسابات\nمن: [[PERSON|سلطان القرشي]] إلى: [[PERSON|لمى الدخيل]]\nتاريخ السريان: {{1 محرم}}\n\n1) {{مجموعة الفيصلية}} – [[PERSON|نورة العتيبي]] (الموارد البشرية). العرض {{SAR 220,000}} بانتظار موافقتها، و[[PERSON|نورة]] تفضّل الاجتماعات الصباحية.\n2) {{شركة ركن الضيافة}} – [[PERSON|تركي المطيري]]؛ مشكلة ربط الواتساب انحلت، لكن تابعي مع [[PERSON|هيفاء]].\n3) عُمان: الشيخ [[PERSON|سالم الحارثي]] – التواصل اليومي مع ابنه [[PERSON|حمد]] على [[PHONE|+968 7615 0264]].\n4) عميلة جديدة: [[PERSON|ريما الشثري]] من {{وفرة للتطوير العقاري}}، سجّلت في التجربة المجانية؛ عنوانها المختصر [[ADDRESS|DKBA4521]].\nملاحظة: لا تشاركي أرقام العملاء خارج النظام. بالتوفيق، [[PERSON|سلطان]]",
    ),
    (
        "handover_note",
        "ar/jordanian-palestinian-lebanese",
        "تسليم ملفات – فريق بلاد الشام\nمن [[PERSON|رزان الطويل]] إلى [[PERSON|جاد خوري]]\n\n- {{قعوار للأدوية}} (عمّان): [[PERSON|هدى قعوار]] موافقة مبدئياً على {{48 ألف دينار}}؛ بدها العقد بالعربي والإنجليزي.\n- نابلسي للحلويات (نابلس): [[PERSON|فرح النابلسي]]، موبايلها [[PHONE|0597 056 058]]. الدفع بالشيكل أو بالدولار.\n- {{بنك بيبلوس}} (بيروت): [[PERSON|سامر الخوري]] — انتبه، مش قريبك 😄 — عنوان الفرع [[ADDRESS|شارع الجميزة، بناية عازار، الطابق 3، بيروت]].\n- أبو جودة للإعلان: [[PERSON|ريتا أبو جودة]] باردة، بس لا تسكّر الملف.\n- عميل جديد من رام الله: [[PERSON|مجدي الشوا]]، [[PHONE|+970 566 069 931]]، [[EMAIL|majdi.shawwa@ramallah-tech.ps]].\nاستعمل {{Lumen}} للتذكيرات، وما تبعت عروض يوم {{الجمعة}}.",
    ),
    (
        "handover_note",
        "fa/iranian",
        "یادداشت تحویل مشتریان\nاز: [[PERSON|امید فرهادی]] به: [[PERSON|آرزو کریمی]]\nاز تاریخ {{۱ فروردین}}\n\n۱. {{کاشی نقش جهان}} – [[PERSON|مهرداد نیک‌پور]] در مرحله مذاکره است؛ تخفیف بیشتر از ۱۰٪ ندهید. تلفن دفتر اصفهان: [[PHONE|+98 31 3627 4410]]\n۲. {{فرش افشار}} (دبی) – [[PERSON|بهار افشار]] قیمت {{پکیج طلایی}} را به درهم می‌خواهد. دفتر: [[ADDRESS|Shop 14, Al Fahidi Street, Bur Dubai, Dubai]]\n۳. [[PERSON|ستاره رضوانی]] (بیمه البرز) – جدید است و هنوز جلسه نگذاشته‌ایم.\n۴. مشتری تازه: دکتر [[PERSON|سیاوش تهرانی]]، کلینیک دندان‌پزشکی در [[ADDRESS|تهران، خیابان ولیعصر، بالاتر از پارک ساعی، پلاک ۲۱۴۰]]، تلفن [[PHONE|021 8505 2862]]\nنکته: [[PERSON|امید]] تا بعد از {{سیزده‌بدر}} در دسترس نیست. موفق باشی [[PERSON|آرزو]]!",
    ),
]
