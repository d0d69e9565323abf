# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool L: 150 hand-written CRM prompt records (10 each of 15 kinds: lead summaries, call notes, email drafts, chat histories with tool turns, JSON records, CSV exports, \\u-escaped tool results, transcripts, support tickets, insights prompts over lead/deal tables, WhatsApp exports, web-form dumps, deal reviews, system prompts and handover notes) for a sales CRM serving Israel, the Gulf and beyond. About 40 % English, 25 % Hebrew, 25 % Arabic (Gulf, Levantine, Egyptian, Iraqi, Maghrebi, Sudanese, Yemeni and MSA) and 10 % other (Russian, French, Spanish, Portuguese, Turkish, Persian, Urdu, Hindi, Tagalog, Arabizi, Hebrew+English and Arabic+English code-switching), naming people of many origins (Mizrahi, Ashkenazi, Ethiopian, Russian-speaking, Druze, Bedouin, Arab-Israeli and Haredi Israelis, olim, Gulf Arabs, Levantines, North and East Africans, South and East Asians, Europeans, Latin Americans and others). Written blind, without reading the detector, its tests or other corpora. Conventions: every mention of a person is marked, including repeats, lower-case and nickname forms, speaker labels, JSON values and CSV cells; titles (Mr., Dr., Eng., ד"ר, הרב, أ., م., الحاج, Sir) and Hebrew/Arabic one-letter prefixes stay outside the mark; names joined by quotes or parentheses are marked piece by piece; streets named after people are inside ADDRESS marks, while companies, towns, streets and products named after people, plus dates, holidays, amounts, IDs, versions, job titles and software names, are controls. Phones were validated with phonenumbers, and IL IDs, IBANs, cards and SSNs were checksum-computed; in tool_result records non-ASCII text is \\uXXXX-escaped and the marks hold the escaped form.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "lead_summary",
        "en/emirati-filipino",
        "Lead summary — [[PERSON|Mahra Al Ketbi]] (Head of Procurement, {{Al Ketbi Hospitality Group}})\nSource: {{GITEX Global 2024}} badge scan, qualified by [[PERSON|Joy Dimaculangan]] (our Dubai SDR)\n\n- wants {{Enterprise plan}} for ~140 seats, budget approx {{AED 310,000}}/yr\n- currently on {{HubSpot Sales Hub}}, renewal {{31 March}}, unhappy w/ arabic RTL support\n- mobile [[PHONE|+971 50 418 2273]], EA is [[PERSON|Precious Bautista]] <[[EMAIL|precious.b@alketbihg.ae]]>\n- office: [[ADDRESS|Office 1904, Al Moosa Tower 2, Sheikh Zayed Rd, Dubai]]\n- IP location on form fill: {{Abu Dhabi}} ([[IP_ADDRESS|94.200.113.41]])\n\nnext step: demo {{Tuesday}} 10:00 GST. [[PERSON|Mahra]] said she'll loop in her CFO but [[PERSON|Joy]] thinks the real decision maker is the GM, [[PERSON|Khalifa bin Suhail]]. Avoid {{Ramadan}} for contract signing pls.",
    ),
    (
        "lead_summary",
        "en/nigerian-ghanaian",
        "LEAD: [[PERSON|Grace Okonkwo-Mensah]] ??? -> NO wait, 2 people, fixing:\n\n1) [[PERSON|Grace Okonkwo]] — {{VP Sales Operations}} @ {{Mensah & Daughters Freight}} (Accra + Lagos)\n2) [[PERSON|Kwabena Asante-Boateng]] — IT lead, same co\n\n[[PERSON|Grace]] found us via {{G2}} review, downloaded the {{2025 Pipeline Benchmark}} PDF. IP [[IP_ADDRESS|41.190.12.207]] → {{Lagos}}, NG.\nPhones: [[PERSON|Grace]] [[PHONE|0803 614 2290]] (NG), [[PERSON|Kwabena]] [[PHONE|+233 24 318 7765]]\nEmails: [[EMAIL|g.okonkwo@mensahfreight.com]], [[EMAIL|kwabena.ab@mensahfreight.com]]\n\nPain: 3 regional teams on spreadsheets + {{Pipedrive}}. They lost a {{USD 1.2M}} tender last {{November}} bc nobody followed up. [[PERSON|Kwabena]] asked about SSO w/ {{Azure AD}} and data residency.\nFit score {{82/100}}. Owner: [[PERSON|Hunter Mills]]. [[PERSON|Hunter]] — pls don't pitch the {{Starter}} tier, [[PERSON|Grace]] was clear they need {{Growth}} minimum.",
    ),
    (
        "lead_summary",
        "en/korean-american",
        "quick summary for the AE (auto-generated from call + emails, pls sanity check)\n\nContact: [[PERSON|Min-jun]] \"[[PERSON|Mike]]\" [[PERSON|Seo]], Director of Partnerships, {{Hanbit Biologics}}\nAlt contact: [[PERSON|Summer Whitfield]] (his ops manager) — [[EMAIL|summer.w@hanbitbio.com]]\n[[PERSON|Mike]]'s cell: [[PHONE|(617) 555-2048]]\nHQ: [[ADDRESS|200 Cambridgepark Dr, Suite 410, Cambridge, MA 02140]]\n\nThey're expanding into Tel Aviv and Abu Dhabi in {{Q3}}, want one CRM for US+ME. Mentioned evaluating {{Salesforce}} vs us, price anchor {{$48k}} ARR. [[PERSON|Summer]] will run the pilot over the {{Summer}} (lol) — target start {{July 7}}.\nRisk: [[PERSON|Mike]]'s boss Dr. [[PERSON|Yoon]] hmm actually it's [[PERSON|Yoon Seo-yeon]], no relation, is pro-Salesforce.\nDiscount asked: {{15%}} multi-year.",
    ),
    (
        "lead_summary",
        "en/south-indian-sri-lankan",
        '### Lead snapshot\n| field | value |\n|---|---|\n| name | [[PERSON|Venkatesh Raghunathan]] |\n| title | {{Regional Sales Director, MENA}} |\n| company | {{Raghunathan Textiles LLC}} |\n| email | [[EMAIL|venkat.r@rtextiles.ae]] |\n| mobile | [[PHONE|055 731 4408]] |\n| landline | [[PHONE|+971 6 554 2180]] ext 214 |\n| address | [[ADDRESS|Warehouse 17, Industrial Area 4, Sharjah]] |\n| referred by | [[PERSON|Dilani Wickramasinghe]] (existing customer, {{Ceylon Spice Traders}}) |\n| stage | {{Discovery}} |\n\nNotes: [[PERSON|Venkat]] goes by "[[PERSON|Venky]]". [[PERSON|Venky]] wants WhatsApp integration + {{Tally ERP}} sync. Decision after {{Diwali}}. [[PERSON|Dilani]] gets the referral credit ({{AED 1,500}}).',
    ),
    (
        "lead_summary",
        "he/mizrahi-ethiopian",
        'סיכום ליד: [[PERSON|אושר טגניה]] – מנהלת רכש ב{{עמר אחזקות}}, {{קריית גת}}\nהגיעה מקמפיין {{בלאק פריידי}} בפייסבוק, מילאה טופס מ-IP [[IP_ADDRESS|85.64.201.17]] (מיקום: {{אשקלון}})\nנייד: [[PHONE|052-7719034]]\nמייל: [[EMAIL|osher.tegenie@amar-holdings.co.il]]\n\nמה חשוב לה: חיבור ל{{פריוריטי}}, דוחות לפי סניף, ותמיכה בעברית מלאה. כרגע עובדים עם אקסל + {{מאנדיי}}.\nתקציב: בסביבות {{₪4,500}} לחודש.\nהמנכ"ל הוא [[PERSON|שלום עמר]] – [[PERSON|אושר]] אמרה ש[[PERSON|שלום]] "סוגר הכל לבד" אז צריך פגישה איתו ישירות. מי שמטפל: [[PERSON|נועם]] מצוות המכירות.\nלא לקבוע בשבוע של {{סוכות}}.',
    ),
    (
        "lead_summary",
        "he/druze-russian",
        "ליד חם 🔥\nשם: [[PERSON|ראמי חלבי]] (דרוזי, מ{{דאלית אל-כרמל}}), סמנכ\"ל שיווק ב{{חלבי תיירות ונופש}}\nטל' במשרד: [[PHONE|04-8391562]] | נייד: [[PHONE|054 662 1873]]\nכתובת: [[ADDRESS|רח' הגפן 14, עוספיא]]\nשותף: [[PERSON|דמיטרי קוזלוב]] ([[EMAIL|dima.k@halabi-tours.co.il]]), ש[[PERSON|דימה]] הוא זה שמחליט על התוכנה\n\nרוצים חבילת {{Pro}} ל-12 משתמשים, שאלו על הנחה ל{{שנתי}}. מתחרה: {{Zoho CRM}}.\nהערה: [[PERSON|ראמי]] ביקש לא להתקשר ביום {{שישי}}. [[PERSON|ראמי]] גם ציין שעונת {{חנוכה}} זה השיא שלהם אז צריך להטמיע לפני {{נובמבר}}.",
    ),
    (
        "lead_summary",
        "he/haredi-anglo",
        "סיכום מהיר לליד מכנס {{Cybertech}}:\nהרב [[PERSON|יעקב מאיר גרינוולד]] – בעלים של {{גרינוולד את בניו הוצאה לאור}}, {{בני ברק}}\nאיש קשר טכני: [[PERSON|Shira Lieberman]] (עלתה מ{{ניו ג'רזי}}), [[EMAIL|shira@gruenwald-books.co.il]], [[PHONE|053-3148827]]\nכתובת למשלוח חוזה: [[ADDRESS|רחוב רבי עקיבא 88, בני ברק]]\n\nחשוב: מספר כשר בלבד לרב – [[PHONE|055-6781234]]... לא, זה הישן. המעודכן: [[PHONE|052-7604419]]\nמעוניינים במודול הזמנות + סליקה דרך {{קארדקום}}. 30 משתמשים. כ-{{₪60,000}} בשנה.\n[[PERSON|שירה]] אמרה שר' [[PERSON|יעקב]] לא עונה למיילים, רק טלפון, ולא ב{{ערב שבת}}. פגישה הבאה אחרי {{פסח}}.",
    ),
    (
        "lead_summary",
        "ar/saudi-sudanese",
        'ملخص العميل المحتمل\n\nالاسم: [[PERSON|فرح بنت عبدالرحمن القحطاني]]\nالمسمى: {{مديرة تطوير الأعمال}} – {{مؤسسة القحطاني للتجارة والمقاولات}}\nالجوال: [[PHONE|0551 873 402]]\nالإيميل: [[EMAIL|farah.q@qahtani-est.sa]]\nالعنوان: [[ADDRESS|حي الملقا، طريق أنس بن مالك، مبنى 3127، الرياض 13521]]\n\nجات عن طريق معرض {{LEAP 2025}}. تبغى نظام يربط مع {{SAP Business One}} ويدعم الفوترة الإلكترونية ({{فاتورة}}). فريقها 25 بائع.\nزميلها [[PERSON|أمين عثمان الطيب]] (سوداني، مدير تقنية المعلومات) طلب عرض تقني يوم {{الأحد}}.\nالميزانية تقريباً {{180,000 ريال}} سنوياً. [[PERSON|فرح]] قالت "عندنا فرح بالمكتب الأسبوع الجاي" فخلوا الاجتماع بعد {{اليوم الوطني}}.',
    ),
    (
        "lead_summary",
        "ar/lebanese-syrian",
        "Lead: [[PERSON|نبيل حداد]] — {{حداد وشركاه للمحاسبة}}، بيروت\nرقمو: [[PHONE|+961 3 482 117]] / مكتب [[PHONE|01 335 482]]\nالإيميل: [[EMAIL|nabil@haddad-partners.com.lb]]\n\nملاحظات من [[PERSON|سلمى]] (SDR):\n- بدّن CRM للـ20 موظف، عندن فرع بـ{{دبي}} كمان\n- عم يستعملوا {{Odoo}} هلق بس مش مرتاحين\n- شريكو [[PERSON|جمال الأتاسي]] (سوري، مقيم بـ{{الشارقة}}) هو يلي بيقرر عالميزانية، جواله [[PHONE|+971 56 204 9318]]\n- الميزانية حوالي {{$900}} بالشهر\n- IP تبع الفورم: [[IP_ADDRESS|178.135.92.44]] ({{بيروت}})\n\n[[PERSON|نبيل]] طلب نأجّل لبعد {{عيد الفطر}}. [[PERSON|جمال]] بدو demo بالإنكليزي.",
    ),
    (
        "lead_summary",
        "ru/russian-israeli",
        "Резюме по лиду (для [[PERSON|Авивы]], она берёт клиента)\n\nКонтакт: [[PERSON|Ефим Шапиро]], {{коммерческий директор}} в {{Шапиро и Ко Логистика}}, {{Ашдод}}\nМобильный: [[PHONE|054-9170346]]\nПочта: [[EMAIL|efim.shapiro@shapiro-log.co.il]]\nАдрес склада: [[ADDRESS|ул. ха-Таасия 9, Ашдод]]\n\nНашёл нас через {{Google Ads}}, IP [[IP_ADDRESS|212.179.40.118]] ({{Тель-Авив}}). Сейчас работают в {{Priority}} + бумажки. Хотят {{тариф Business}} на 18 пользователей, бюджет около {{₪7,000}} в месяц.\nЕго зам — [[PERSON|Лариса Вайнберг]], она будет админом системы.\n[[PERSON|Ефим]] просил звонить только после 16:00, в {{пятницу}} не беспокоить. Решение ждут до {{1 сентября}}.",
    ),
    (
        "call_notes",
        "en/irish-scottish",
        'Call notes {{14/05}} — disco call w/ [[PERSON|Siobhán Ní Bhriain]] ({{Head of Revenue}}, {{Gallagher & Reid Recruitment}}, Dublin)\nalso on: [[PERSON|Callum McTavish]] (their Glasgow office), [[PERSON|Reed Thornton]] (our SE)\n\n* 45 min, went well imo\n* they run {{Bullhorn}} as ATS, want us on top for the BD side\n* [[PERSON|Siobhán]]: "we\'ve 60 consultants and half of them hate every tool we buy"\n* [[PERSON|Callum]] asked re GDPR / DPA / EU hosting -> sent {{Trust Center}} link\n* quoted {{€42/user/mo}} on {{Growth}}, she pushed for {{€35}}\n* [[PERSON|Reed]] to send API docs ({{v3.2}}) by {{Fri}}\n\nmobiles: [[PERSON|Siobhán]] [[PHONE|087 214 6630]], [[PERSON|Callum]] [[PHONE|+44 7700 183442]]\nAction: book tech deep-dive wk of {{9 June}}. NB {{Gallagher & Reid}} is just the firm name, nobody on the account is called that.',
    ),
    (
        "call_notes",
        "en/mexican-american",
        'call w/ [[PERSON|frank delgado]] - {{Delgado Bros HVAC}} san antonio tx\n\n[[PERSON|frank delgado]] = owner, [[PERSON|rosa]] = his daughter, runs dispatch\n\n-> 22 techs, 4 office\n-> using {{ServiceTitan}} for jobs but quotes live in gmail lol\n-> [[PERSON|frank]] wants follow up reminders + txt msgs to homeowners\n-> [[PERSON|rosa]] asked if we do spanish UI (yes, {{v4.1}}+)\n-> budget "under {{$1,000}} a month or forget it"\n-> busy season starts {{May}}, needs go-live before {{Memorial Day}}\n\n[[PERSON|frank]] cell [[PHONE|(210) 384-7712]]\n[[PERSON|rosa]] [[EMAIL|rosa@delgadobroshvac.com]]\nshop addr [[ADDRESS|4418 Fredericksburg Rd, San Antonio, TX 78201]]\n\ntodo: send {{Starter}} vs {{Growth}} comparison + case study from {{Hope Plumbing}} (the company, not a person 🙂). asked for [[PERSON|frank]]s permission to record next call - he said ok.',
    ),
    (
        "call_notes",
        "en/kenyan-ethiopian",
        "Call Notes — Renewal risk\nAccount: {{Savanna Agro Exports}} (Nairobi) | ARR {{KES 4.2M}} | renews {{30 Sep}}\nSpoke with: [[PERSON|Wanjiru Kamau]] (COO) and [[PERSON|Tsegaye Bekele]] (Finance, joins from Addis)\n\n1. [[PERSON|Wanjiru]] says adoption dropped after their champion [[PERSON|Brian Otieno]] left in {{March}}\n2. [[PERSON|Tsegaye]] flagged double billing on invoice {{INV-2024-08813}}\n3. they want {{M-Pesa}} payment option, not card\n4. competitor {{Freshsales}} offered {{40%}} off y1\n\nContacts\n- [[PERSON|Wanjiru]]: [[PHONE|+254 712 408 339]], [[EMAIL|wkamau@savanna-agro.co.ke]]\n- [[PERSON|Tsegaye]]: [[PHONE|091 164 2287]] (ET mobile), [[EMAIL|tsegaye.b@savanna-agro.co.ke]]\n\nMy read: salvageable if we fix billing this week + give 2 free training sessions. [[PERSON|Brian]]'s replacement is [[PERSON|Faith Njeri]], need intro asap.",
    ),
    (
        "call_notes",
        "en/polish-ukrainian",
        'notes from onboarding call #2 ({{Wednesday}})\nclient: {{Kowalski & Nowak Sp. z o.o.}} — it\'s just the brand name, no founder on the call\nattendees: [[PERSON|Agnieszka Wróblewska]] (admin), [[PERSON|Oleksandr]] "[[PERSON|Sasha]]" [[PERSON|Hrytsenko]] (dev), me\n\n- imported 3,400 contacts from {{Pipedrive}}, 212 dupes flagged\n- [[PERSON|Sasha]] wants webhook to their {{Comarch ERP}}, shared test secret in chat: [[SECRET|whsec_7Qm2vLx9Tr4pKz8NwY3bHc6D]] (⚠ rotate after go-live!!)\n- [[PERSON|Agnieszka]] asked to set default currency {{PLN}}, fiscal yr starts {{January}}\n- SSO via {{Google Workspace}}\n\nphones: [[PERSON|Agnieszka]] [[PHONE|+48 512 883 204]], [[PERSON|Sasha]] [[PHONE|+380 67 431 2890]]\nnext: training session {{Thu 13:00 CET}}, [[PERSON|Agnieszka]] will invite 8 reps.',
    ),
    (
        "call_notes",
        "he/ashkenazi-mizrahi",
        "סיכום שיחה – {{יום ג'}}\nעם: [[PERSON|יובל רוזנברג]] (סמנכ\"ל מכירות, {{רוזנברג מערכות מיזוג}}) + [[PERSON|מעיין אלמוג]] (מנהלת תפעול)\n\n• כרגע עובדים עם {{Salesforce}} ומשלמים בערך {{$2,300}} לחודש, רוצים לחסוך\n• ל[[PERSON|יובל]] חשוב שיהיה אפליקציה לטכנאים בשטח\n• [[PERSON|מעיין]] ביקשה דמו של מודול הצעות מחיר + חתימה דיגיטלית\n• 45 משתמשים, סניפים ב{{חיפה}} וב{{באר שבע}}\n• הם רוצים לעלות לאוויר לפני {{ראש השנה}}\n\nפרטים:\n[[PERSON|יובל]] – [[PHONE|050-4471902]], [[EMAIL|yuval@rosenberg-ac.co.il]]\n[[PERSON|מעיין]] – [[PHONE|02-6742318]] שלוחה 5\nמשרד ראשי: [[ADDRESS|דרך מנחם בגין 132, קומה 18, תל אביב]]\n\nהערה: יש להם סניף ב{{רמת ישי}}, לא להתבלבל עם הלקוח רמת ישי שלנו. המשך טיפול: אני + [[PERSON|צור]] מצוות הפריסייל.",
    ),
    (
        "call_notes",
        "he/bedouin-ethiopian",
        'שיחה עם [[PERSON|סלימאן אבו רביעה]] מ{{רהט}} – בעל {{אבו רביעה הובלות ושינוע}}\nהשיחה הייתה בעברית וקצת ערבית. הוא מנהל 14 משאיות.\n\n- רוצה לעקוב אחרי הזמנות ולקוחות, היום הכל בווטסאפ\n- הבן שלו [[PERSON|מוחמד]] עושה את החשבונות, ביקש שנדבר איתו על חשבוניות\n- הנהגת החדשה במשרד – [[PERSON|אביבה וורקנה]] – תהיה המשתמשת העיקרית\n- מחיר: הצעתי {{₪890}} לחודש על {{Basic}}, אמר "יקר, תעשה {{₪700}}"\n\nנייד של [[PERSON|סלימאן]]: [[PHONE|058-6230417]]\nת.ז. לחוזה (ביקש שנכין מראש): [[IL_ID|620966549]]\nמשרד: [[ADDRESS|אזור התעשייה רהט, מבנה 12]]\n\nלחזור אליו אחרי {{עיד אל-אדחא}}, הוא בחופש. [[PERSON|אביבה]] ביקשה הדרכה ביום {{ראשון}}.',
    ),
    (
        "call_notes",
        "ar/emirati",
        "ملاحظات المكالمة – {{الخميس}} 3:15 م\nالعميل: [[PERSON|حمدان سعيد المزروعي]]، {{المدير التنفيذي}} – {{مجموعة المزروعي للسيارات}}\nحضر معاه: [[PERSON|شمّا]] من قسم التسويق\n\n- عندهم 6 معارض (دبي، {{العين}}، {{مدينة زايد}}...) ويبون كل الليدز في مكان واحد\n- [[PERSON|حمدان]] يقول إن فريق المبيعات يستخدم إكسل و{{واتساب}} بس\n- طلب تكامل مع {{Google Ads}} و{{Meta Lead Ads}}\n- السعر المبدئي: {{AED 95,000}} سنة أولى، طلب خصم {{10%}}\n- [[PERSON|شمّا]] بترسل قائمة المستخدمين (38 مستخدم)\n\nأرقام: [[PERSON|حمدان]] [[PHONE|050 922 4417]] / المكتب [[PHONE|04 339 1820]]\nإيميل [[PERSON|شمّا]]: [[EMAIL|shamma.k@mazrouei-auto.ae]]\nالمكتب الرئيسي: [[ADDRESS|شارع الشيخ زايد، برج الصقر، الطابق 22، دبي]]\n\nالمتابعة: زيارة للمعرض في {{الخوانيج}} الأسبوع الجاي.",
    ),
    (
        "call_notes",
        "ar/egyptian",
        'نوتس المكالمة مع أ. [[PERSON|منير عبد الحميد]] – {{مؤسسة عبد الحميد للأجهزة الطبية}}، مدينة نصر\n\n- الراجل عايز سيستم يتابع المناديب بتوعه (18 مندوب) في القاهرة والإسكندرية\n- قال إنهم جربوا {{Zoho}} قبل كده و"ماكنش مريح خالص"\n- المسؤول التقني: م. [[PERSON|رجاء فتحي]] – [[PHONE|010 2284 7731]]\n- موبايل أ. [[PERSON|منير]]: [[PHONE|+20 122 418 3096]]\n- الميل: [[EMAIL|mounir@abdelhamid-med.com.eg]]\n- العنوان: [[ADDRESS|12 شارع عباس العقاد، الدور الرابع، مدينة نصر، القاهرة]]\n\nالميزانية: حوالي {{EGP 45,000}} في الشهر. [[PERSON|رجاء]] طلبت نسخة تجريبية {{14 يوم}}.\nملحوظة: [[PERSON|منير]] بيقول "عندي [[PERSON|منير]] تاني في الشغل" – يقصد [[PERSON|منير صبحي]] مدير المبيعات، لازم نفرق بينهم. الاجتماع الجاي بعد {{شم النسيم}}.',
    ),
    (
        "call_notes",
        "ar/iraqi",
        "ملخص الاتصال ويه [[PERSON|علي كاظم الربيعي]] – شركة {{الربيعي لتجارة المواد الانشائية}}، بغداد\n\n• [[PERSON|علي]] يريد نظام للمبيعات لأن عدهم فرعين، {{الكرادة}} و{{المنصور}}\n• هسه كلشي على دفاتر، المحاسب [[PERSON|أبو زينب]] هو الي يمسك الحسابات\n• سأل إذا النظام يشتغل بالدينار العراقي وياخذ {{IQD}} – كتله إي\n• السعر: عرضنا {{$650}} بالشهر للـ{{Pro}}\n• طلب يجي ابن عمه [[PERSON|حيدر الربيعي]] للعرض التقديمي يوم {{السبت}}\n\nالأرقام:\n[[PERSON|علي]] [[PHONE|0790 341 2287]]\n[[PERSON|حيدر]] [[PHONE|+964 771 580 4432]]\nالإيميل [[EMAIL|ali.k@rubaie-build.iq]]\nالعنوان: [[ADDRESS|شارع 14 رمضان، المنصور، بغداد]]\n\nملاحظة: النت عدهم ضعيف، يفضل نسوي الديمو بالموبايل.",
    ),
    (
        "call_notes",
        "he+en/french-oleh",
        "Call notes – [[PERSON|Yohann Benchetrit]] (עלה מ{{פריז}} לפני 3 שנים), CEO @ {{Benchetrit Immobilier Israël}}, נתניה\n\n- מדבר עברית בסדר אבל העדיף French/English mix, ok\n- 9 סוכני נדל\"ן, רובם דוברי צרפתית, רוצים UI בצרפתית → אמרתי שזה ב-roadmap ל-{{Q4}}\n- Lead sources: {{Yad2}}, {{Facebook}}, {{Madlan}}\n- שאל על אינטגרציה עם {{Google Calendar}}, yes\n- Budget ~{{₪3,200}}/month\n- אשתו [[PERSON|Déborah]] עושה את ה-back office, she'll be admin\n\nContact:\n[[PERSON|Yohann]] [[PHONE|054-3310928]] / FR line [[PHONE|+33 6 12 48 77 30]]\n[[EMAIL|yohann@benchetrit-immo.co.il]]\nOffice: [[ADDRESS|שדרות בן גוריון 21, נתניה]]\n\nNext: demo ביום {{רביעי}}, אחרי זה [[PERSON|Déborah]] רוצה trial של {{30 days}}. לא לשכוח – הם סגורים בין {{Rosh Hashana}} ל{{Sukkot}}.",
    ),
    (
        "email_draft",
        "en/british-pakistani",
        "Draft a friendly follow-up to this, keep it short, mention the {{Spring Bundle}} ends {{30 April}}:\n\n---\nFrom: [[PERSON|Imran Qureshi]] <[[EMAIL|imran.qureshi@qureshiandcole.co.uk]]>\nTo: [[PERSON|Lily Ashworth]] <[[EMAIL|lily.a@ourcrm.io]]>\nSubject: RE: proposal v2\n\nHi [[PERSON|Lily]],\n\nThanks for the revised proposal. [[PERSON|Bill]] (our FD, [[PERSON|Bill Hargreaves]]) is still sitting on it — he's away till {{Monday}}. The {{£18,400}} figure is fine in principle but we'd want quarterly billing.\n\nAlso can you confirm the data stays in the UK region?\n\nCheers,\n[[PERSON|Imran]]\n--\n[[PERSON|Imran Qureshi]] | {{Managing Partner}} | {{Qureshi & Cole Solicitors}}\nM: [[PHONE|07824 551 903]] | T: [[PHONE|+44 161 832 7745]]\n[[ADDRESS|3rd Floor, 55 King Street, Manchester M2 4LQ]]\n---\n\nsign it from [[PERSON|Lily]], cc [[PERSON|Mason]] from finance.",
    ),
    (
        "email_draft",
        "en/australian-chinese",
        "write an email to [[PERSON|Amber Zhao]] at {{Harbour & Hill Realty}} (Sydney) confirming her onboarding slot. tone: upbeat, aussie-friendly but not cringe. include:\n- session {{Thu 12 June}}, {{10am AEST}}, trainer is [[PERSON|Victor Chen]]\n- she needs to invite her 2 admins [[PERSON|Brook Lawson]] and [[PERSON|Zhang Wei]] (goes by \"[[PERSON|David]]\")\n- reminder that the {{Pro Annual}} invoice ({{INV-AU-55102}}, {{AUD 14,280}} inc GST) is due in 14 days\n- her direct line is [[PHONE|+61 2 9374 4410]], mobile [[PHONE|0412 884 517]] — put mobile in the CRM record, not in the email\n- [[PERSON|Amber]]'s email: [[EMAIL|amber.zhao@harbourhill.com.au]]\n\nHer office is [[ADDRESS|Level 7, 88 Pitt St, Sydney NSW 2000]] — mention we'll courier the welcome pack there. Also [[PERSON|Victor]] is off for {{Chinese New Year}} so any follow-up after that goes to [[PERSON|Brook]]… wait no, [[PERSON|Brook]] is THEIR admin. Follow-up goes to [[PERSON|Autumn Reyes]] on our side.",
    ),
    (
        "email_draft",
        "en/greek-italian",
        'Please polish this draft (grammar + make it sound less desperate):\n\n"Dear Mr. [[PERSON|Papadopoulos]],\n\nfollowing our meeting at {{Posidonia 2024}} I wanted to circle back regarding the fleet CRM for {{Aegean Star Shipping}}. I spoke with your colleague Ms. [[PERSON|Chiara Bellandi]] from the Genoa office and she mentioned that you are reviewing vendors until end of {{October}}.\n\nWe can offer the {{Enterprise}} tier at {{€28,000}} for the first year ({{12%}} below list). I attach the security questionnaire ({{SOC 2 Type II}}) and the reference letter from {{Costa Cruises}}.\n\nKind regards\n[[PERSON|Frank]]"\n\nmy sig block:\n[[PERSON|Frank Moretti]], {{Senior Account Executive}} — EMEA\n[[EMAIL|frank.moretti@ourcrm.io]] · [[PHONE|+39 347 112 9084]]\n\nfyi his full name is [[PERSON|Konstantinos Papadopoulos]], mobile [[PHONE|+30 694 418 2270]] — don\'t put the mobile in the email.',
    ),
    (
        "email_draft",
        "en/qatari-indian",
        'Compose a payment reminder email. Keep it polite, Gulf business tone.\n\nTo: [[PERSON|Hamad Al-Kuwari]]? no — send to the finance contact [[PERSON|Rajesh Nair]] <[[EMAIL|rajesh.nair@dohapearl-trading.qa]]>\nCC: [[PERSON|Noora Al-Kuwari]] ({{Procurement Manager}})\nCompany: {{Al Kuwari Brothers Trading W.L.L.}}\n\nDetails:\n- invoice {{INV-QA-2291}} for {{QAR 62,500}} overdue since {{15 January}}\n- our bank: {{QNB}}, IBAN [[IBAN|QA33QNBAKSVIJJL8AHR1CQEQQU29F]]\n- [[PERSON|Rajesh]] said last call the payment was "in the system", ask for the transfer ref\n- his mobile [[PHONE|+974 5518 2290]], office [[PHONE|+974 4431 7702]]\n\nAlso mention our new office: [[ADDRESS|Office 302, Building 18, Lusail Marina District, Lusail]]. Sign off as [[PERSON|Anand Pillai]], {{Collections Lead}}. Don\'t mention {{Eid}} holidays as an excuse, [[PERSON|Noora]] hates that.',
    ),
    (
        "email_draft",
        "he/ashkenazi-yemenite",
        "תנסח מייל תודה אחרי הפגישה, בעברית, קצר ולעניין:\n\nאל: [[PERSON|ליאור צדוק]] <[[EMAIL|lior.tzadok@tzadok-energy.co.il]]>\nמשתתפים בפגישה: [[PERSON|ליאור]], [[PERSON|הדר קפלן]] (מנהלת כספים), [[PERSON|אלון ברגר]] (אצלנו)\n\nנקודות:\n1. ל[[PERSON|ליאור]] חשוב לסגור לפני סוף {{דצמבר}} בגלל תקציב\n2. [[PERSON|הדר]] ביקשה את ההצעה על {{Enterprise}} – {{₪118,000}} לשנה, כולל הטמעה\n3. יש להם 3 אתרים: {{חדרה}}, {{יקנעם}} ו{{קריית שמונה}}\n4. החוזה יישלח לכתובת [[ADDRESS|רח' ז'בוטינסקי 7, בית אמות, רמת גן]]\n\nבסוף המייל להוסיף חתימה של [[PERSON|אלון]]: מנהל לקוחות, [[PHONE|052-3380716]]\nלא לציין את הנייד של [[PERSON|הדר]] ([[PHONE|054-7206631]]) במייל!",
    ),
    (
        "email_draft",
        "he/arab-israeli",
        "צריך טיוטה למייל בעברית ל[[PERSON|ג'מיל ח'ורי]] מ{{ח'ורי את עודה סחר}} ב{{נצרת}}.\n\nרקע: [[PERSON|ג'מיל]] ביקש להעביר את החשבון מ{{Pipedrive}} אלינו. השותפה שלו, [[PERSON|סמאח עודה]], רוצה הדרכה בערבית. אני מציע שהיא תעבור הדרכה עם [[PERSON|רנא]] מצוות ההצלחה.\n\nלכלול במייל:\n* מחיר מסוכם: {{₪2,150}} לחודש, {{חבילת Pro}}, 20 משתמשים\n* מועד עלייה לאוויר: {{15 באוקטובר}}\n* שהחשבונית תצא על שם החברה לכתובת [[ADDRESS|שדרות פאולוס השישי 41, נצרת]]\n* לבקש ממנו ת.ז. של מורשה חתימה – הוא שלח בוואטסאפ: [[IL_ID|287072292]]\n\nטלפון משרד שלהם [[PHONE|04-6402219]], הנייד של [[PERSON|סמאח]]: [[PHONE|050-8812736]]\nחתימה: [[PERSON|עידו]], צוות מכירות צפון",
    ),
    (
        "email_draft",
        "he/russian-yemenite",
        'תכתוב לי מייל המשך ללקוחה, שיהיה חם אבל מקצועי 🙏\n\nהלקוחה: [[PERSON|אלינה גולדשטיין]], מנהלת מכירות ב{{נחום את אלינה קוסמטיקה}} (כן, השם של החברה ככה, [[PERSON|נחום]] זה הסבא שלה)\nמייל: [[EMAIL|alina@nahum-cosmetics.co.il]]\nטלפון: [[PHONE|03-6091448]]\n\nמה היה: הדגמנו לה את {{מודול הקמפיינים}} ביום {{חמישי}}. היא אהבה אבל אמרה שה{{CFO}} שלה, [[PERSON|שגיא מזרחי]], חושב ש{{₪1,400}} לחודש זה יותר מדי.\nרוצה להציע לה {{20%}} הנחה לשנה הראשונה אם חותמים עד {{ט"ו בשבט}}.\nלהזכיר שהלקוח שלנו {{יונה שיווק ישיר}} עבר מאותה מערכת.\n\nחתימה: [[PERSON|טליה סעדה]] | [[EMAIL|talia.s@ourcrm.co.il]]',
    ),
    (
        "email_draft",
        "ar/jordanian-palestinian",
        "صيغلي إيميل رسمي بالعربي للعميل، بدي يكون مختصر:\n\nإلى: السيد [[PERSON|زياد أبو غزالة]] – {{مدير المبيعات الإقليمي}}، {{أبو غزالة إخوان للأدوية}}\nالإيميل: [[EMAIL|ziad@aboughazaleh-pharma.jo]]\n\nالمحتوى:\n- شكر على الاجتماع في عمّان يوم {{الثلاثاء}}\n- تأكيد العرض: {{باقة الأعمال}} لـ35 مستخدم بـ{{JOD 9,800}} سنوياً\n- زميلته [[PERSON|رنا الخطيب]] من فرع رام الله طلبت حساب تجريبي، رقمها [[PHONE|+970 599 283 114]]\n- التحويل البنكي على الحساب [[IBAN|JO64CBJO9385000069139547578779]]\n- العنوان للفاتورة: [[ADDRESS|مجمع الحسيني التجاري، شارع وصفي التل 118، عمّان]]\n\nوقّع باسم [[PERSON|هبة]] من فريق المبيعات، وضيف رقم [[PERSON|زياد]] المباشر بالـCRM مش بالإيميل: [[PHONE|0795143308]]",
    ),
    (
        "email_draft",
        "ar/kuwaiti-omani",
        "اكتب رد على الإيميل هذا:\n\n> من: [[PERSON|عبدالله الصباح]]... لا، المرسل [[PERSON|بدر يوسف العنزي]] <[[EMAIL|bader.alanezi@anezi-group.com.kw]]>\n> الموضوع: استفسار عن الأسعار\n>\n> الأخ [[PERSON|سعيد]]، السلام عليكم\n> نبي نعرف سعر الباقة المتقدمة لـ50 مستخدم، وهل تدعمون الربط مع {{Oracle NetSuite}}؟ عندنا فرع جديد في مسقط يديره الأخ [[PERSON|سالم بن حمد البلوشي]] وأبيه يكون معانا من البداية.\n> تحياتي\n> [[PERSON|بدر]] | {{مجموعة العنزي القابضة}} | [[PHONE|+965 9944 1872]]\n\nالرد لازم يذكر:\n- السعر {{KWD 4,200}} سنوياً، خصم {{8%}} لو دفع مقدم\n- نعم ندعم {{NetSuite}} عن طريق {{Zapier}}\n- نقترح اجتماع مع [[PERSON|سالم]] على [[PHONE|+968 9912 0437]]\n- التوقيع: [[PERSON|سعيد الهاشمي]]، مدير حسابات الخليج",
    ),
    (
        "email_draft",
        "fr/moroccan-french",
        "Rédige un mail de relance en français, ton cordial mais ferme :\n\nDestinataire : M. [[PERSON|Youssef Benjelloun]], {{Directeur Commercial}} chez {{Benjelloun Frères Distribution}} (Casablanca)\nEmail : [[EMAIL|y.benjelloun@bfdistribution.ma]]\nTél : [[PHONE|+212 661-274893]] / fixe [[PHONE|05 22 48 71 30]]\n\nContexte :\n- devis {{DV-2025-0417}} envoyé le {{3 mars}}, montant {{MAD 184 000}} HT\n- son adjointe Mme [[PERSON|Salma El Idrissi]] avait dit « on signe après le {{Ramadan}} »\n- maintenant c'est après l'{{Aïd}} et toujours rien\n- leur DSI, [[PERSON|Karim]], voulait la doc {{API v2}}\n\nAdresse pour l'envoi du contrat : [[ADDRESS|27, boulevard Zerktouni, 4e étage, Casablanca 20250]]\n\nSigne : [[PERSON|Mathilde Roux]], Account Manager Afrique du Nord. Mentionne qu'on sera au salon {{VivaTech}} en juin si [[PERSON|Youssef]] veut passer.",
    ),
    (
        "chat_history",
        "en/canadian-vietnamese",
        'user: who\'s the contact at {{Maple Leaf Dental Supply}} again? the toronto one\nassistant: Let me look that up.\ntool(crm.search_contacts): {"results": [{"name": "[[PERSON|Nguyen Thi Thu Trang]]", "title": "{{Purchasing Manager}}", "email": "[[EMAIL|trang.nguyen@mapleleafdental.ca]]", "phone": "[[PHONE|+1 416 839 2217]]"}, {"name": "[[PERSON|Grant MacLeod]]", "title": "{{Owner}}", "phone": "[[PHONE|604-218-7730]]"}]}\nassistant: The Toronto contact is [[PERSON|Nguyen Thi Thu Trang]] ({{Purchasing Manager}}). [[PERSON|Grant MacLeod]] is the owner, based in Vancouver.\nuser: ok and what did [[PERSON|trang]] say last time abt the {{Q2}} order\nassistant: Per the last note ({{Apr 22}}), [[PERSON|Trang]] confirmed interest in the {{Clinic Pro}} bundle at {{CAD 11,900}} but wanted [[PERSON|Grant]]\'s sign-off first.\nuser: draft a txt to [[PERSON|trang]] pls, short',
    ),
    (
        "chat_history",
        "en/south-african",
        'user: summarise the last 3 activities on the {{Protea Solar}} deal\nassistant: Sure. Fetching activities.\ntool(activities.list): [{"date": "{{2025-03-02}}", "by": "[[PERSON|Thandiwe Dlamini]]", "note": "site visit Stellenbosch, spoke w/ [[PERSON|Pieter van der Merwe]], wants 40kW quote"}, {"date": "{{2025-03-05}}", "by": "[[PERSON|Thandiwe Dlamini]]", "note": "sent quote {{Q-7781}} {{ZAR 612,000}}"}, {"date": "{{2025-03-11}}", "by": "[[PERSON|Hope Nkosi]]", "note": "[[PERSON|Pieter]] called back from [[PHONE|021 418 2276]], asked about load-shedding backup"}]\nassistant: 1) {{2 Mar}}: [[PERSON|Thandiwe]] did a site visit and met [[PERSON|Pieter van der Merwe]] (40kW). 2) {{5 Mar}}: quote {{Q-7781}} sent for {{ZAR 612,000}}. 3) {{11 Mar}}: [[PERSON|Pieter]] called [[PERSON|Hope]] asking about battery backup.\nuser: is there hope we close this month?\nassistant: Likely, if the battery add-on is priced before {{Human Rights Day}}. [[PERSON|Pieter]]\'s mobile [[PHONE|+27 82 614 3390]] is on file.',
    ),
    (
        "chat_history",
        "en/argentinian-colombian",
        'user: hey can u check why [[PERSON|Valentina]] hasn\'t replied? [[PERSON|valentina restrepo]] from {{Grupo Restrepo Andino}}\nassistant: I found 2 contacts named [[PERSON|Valentina]]. Do you mean [[PERSON|Valentina Restrepo Uribe]] ({{Head of Marketing}}, Medellín) or [[PERSON|Valentina Gómez]] (Buenos Aires)?\nuser: the medellin one obv\nassistant: [[PERSON|Valentina Restrepo Uribe]] last opened an email on {{Tuesday}}. She clicked the {{pricing page}} twice. Her assistant [[PERSON|Juan Pablo]] "[[PERSON|JP]]" [[PERSON|Ossa]] replied on her behalf on {{May 2}}: "she\'s travelling until after {{Semana Santa}}".\nuser: ok. whats her whatsapp\nassistant: Mobile on file: [[PHONE|+57 310 448 2217]]. Note she asked to be contacted via email only ([[EMAIL|vrestrepo@grupoandino.co]]).\nuser: fine. and [[PERSON|martín]] in BA? [[PERSON|Martín Sosa]]\nassistant: [[PERSON|Martín Sosa]], [[PHONE|+54 9 11 4832-1907]], is waiting on a {{USD 7,200}} quote.',
    ),
    (
        "chat_history",
        "en/bangladeshi-nepali",
        'system: You are the CRM copilot. Be concise.\nuser: list overdue tasks for my accounts\ntool(tasks.overdue): {"owner": "[[PERSON|Rahim Chowdhury]]", "items": [{"task": "call [[PERSON|Sunita Gurung]] re renewal", "due": "{{2025-06-03}}", "account": "{{Himalayan Treks Pvt Ltd}}"}, {"task": "send contract to [[PERSON|Tanvir Ahmed]]", "due": "{{2025-06-01}}", "account": "{{Ahmed Jute Mills}}"}]}\nassistant: You have 2 overdue tasks:\n- Call [[PERSON|Sunita Gurung]] ({{Himalayan Treks Pvt Ltd}}) about the renewal — due {{3 Jun}}\n- Send contract to [[PERSON|Tanvir Ahmed]] ({{Ahmed Jute Mills}}) — due {{1 Jun}}\nuser: [[PERSON|sunita]]\'s num?\nassistant: [[PERSON|Sunita]]: [[PHONE|+977 984-1203377]]\nuser: and [[PERSON|tanvir]], also is he the owner? the company has his name\nassistant: [[PERSON|Tanvir]]\'s mobile is [[PHONE|01712408335]]. He\'s {{Operations Head}}; the mill is named after his grandfather, not owned by him.',
    ),
    (
        "chat_history",
        "he/ashkenazi-mizrahi",
        'user: תביא לי את כל הלידים מ{{כנס אקספו תל אביב}} שלא קיבלו מענה\nassistant: מחפש...\ntool(leads.query): {"source": "{{Expo TLV 2025}}", "status": "new", "rows": [{"name": "[[PERSON|שחר אלמליח]]", "company": "{{אלמליח ובניו יזמות}}", "phone": "[[PHONE|050-7731289]]"}, {"name": "[[PERSON|גל פרידמן]]", "company": "{{פרידמן אופטיקה}}", "phone": "[[PHONE|09-7418320]]"}]}\nassistant: נמצאו 2 לידים ללא מענה:\n1. [[PERSON|שחר אלמליח]] – {{אלמליח ובניו יזמות}}\n2. [[PERSON|גל פרידמן]] – {{פרידמן אופטיקה}}, {{כפר סבא}}\nuser: מי זה [[PERSON|גל]]? גבר או אישה\nassistant: לפי הכרטיס [[PERSON|גל]] היא {{מנהלת סניף}}. היא השאירה הערה: "להתקשר רק אחרי {{שבועות}}".\nuser: סבבה, תזמן ל[[PERSON|שחר]] שיחה ליום {{שני}} ב-10',
    ),
    (
        "chat_history",
        "he/ethiopian-mizrahi",
        'user: תכין לי סיכום על הלקוח {{אדמסו שירותי ניקיון}}\nassistant: רגע, שולף את הכרטיס.\ntool(accounts.get): {"account": "{{אדמסו שירותי ניקיון בע\\"מ}}", "owner": "[[PERSON|מלקמו אדמסו]]", "contacts": ["[[PERSON|טגסט ביטאו]]", "[[PERSON|רון אברג\'יל]]"], "plan": "{{Growth}}", "mrr": "{{₪1,980}}", "address": "[[ADDRESS|רחוב הרב קוק 19, נתניה]]"}\nassistant: {{אדמסו שירותי ניקיון}} – בעלים: [[PERSON|מלקמו אדמסו]]. אנשי קשר: [[PERSON|טגסט ביטאו]] (משרד) ו[[PERSON|רון אברג\'יל]] (מנהל עבודה). חבילת {{Growth}}, {{₪1,980}} לחודש.\nuser: ומה עם [[PERSON|רון]]? הוא עדיין שם?\nassistant: לפי הפעילות האחרונה ({{12.2}}) כן. הנייד שלו: [[PHONE|053-9120447]].\nuser: תשלח ל[[PERSON|טגסט]] תזכורת על החידוש ב{{אפריל}}',
    ),
    (
        "chat_history",
        "ar/saudi",
        'user: وش آخر شي صار مع [[PERSON|عبدالعزيز الشمري]]؟\nassistant: أبحث لك في السجل...\ntool(crm.timeline): {"contact": "[[PERSON|عبدالعزيز بن فهد الشمري]]", "company": "{{الشمري للتقنية}}", "events": ["{{2025-02-18}} اجتماع في الرياض مع [[PERSON|نوف العتيبي]]", "{{2025-02-20}} أرسلنا عرض سعر {{SAR 240,000}}", "{{2025-03-01}} طلب تأجيل لبعد {{رمضان}}"]}\nassistant: آخر تحديث: [[PERSON|عبدالعزيز]] طلب تأجيل القرار لبعد {{رمضان}}. العرض المرسل {{SAR 240,000}} واجتمع معه [[PERSON|نوف العتيبي]] في {{18 فبراير}}.\nuser: طيب عطني رقمه ورقم المكتب\nassistant: جواله [[PHONE|0548 112 907]] والمكتب [[PHONE|+966 11 482 0093]].\nuser: خل [[PERSON|نوف]] تتابع معه بعد العيد، وذكرها إن {{LEAP}} الجاي فرصة نقابله.',
    ),
    (
        "chat_history",
        "ar/moroccan-algerian",
        'user: عطيني المعلومات ديال [[PERSON|سعاد]] من {{شركة بنسودة للنسيج}}\nassistant: لقيت [[PERSON|سعاد بنسودة]]، {{مديرة المشتريات}} ف{{فاس}}.\ntool(contacts.get): {"name": "[[PERSON|سعاد بنسودة]]", "mobile": "[[PHONE|+212 6 70 38 21 94]]", "email": "[[EMAIL|souad.bensouda@bensouda-textile.ma]]", "note": "كتعرف [[PERSON|رياض]] من الجزائر"}\nassistant: النمرة ديالها [[PHONE|+212 6 70 38 21 94]] والإيميل [[EMAIL|souad.bensouda@bensouda-textile.ma]]. كاينة ملاحظة بلي كتعرف [[PERSON|رياض]].\nuser: شكون [[PERSON|رياض]]؟\nassistant: [[PERSON|رياض بن عمار]]، عميل عندنا ف{{وهران}} ({{مؤسسة بن عمار للاستيراد}}). نمرتو [[PHONE|+213 550 41 87 23]].\nuser: مزيان، دير لي تذكير نعيط ل[[PERSON|سعاد]] نهار {{الاثنين}} على العرض ديال {{MAD 75 000}}',
    ),
    (
        "chat_history",
        "ar/sudanese",
        'user: يا زول ورّيني الليدز الجديدة من الخرطوم\nassistant: حاضر.\ntool(leads.list): {"region": "SD", "leads": [{"name": "[[PERSON|مزمل عثمان]]", "org": "{{مؤسسة أمين للصادرات}}", "mobile": "[[PHONE|+249 91 234 5678]]"}, {"name": "[[PERSON|إسراء الطيب]]", "org": "{{النيلين للصمغ العربي}}", "mobile": "[[PHONE|+249 123 405 118]]"}]}\nassistant: في اتنين ليدز جداد: [[PERSON|مزمل عثمان]] من {{مؤسسة أمين للصادرات}} و[[PERSON|إسراء الطيب]] من {{النيلين للصمغ العربي}}.\nuser: المؤسسة دي صاحبها منو؟\nassistant: المؤسسة اسمها على اسم الجد، والمدير الحالي [[PERSON|مزمل]].\nuser: تمام. رتّب لي مكالمة مع [[PERSON|إسراء]] يوم {{الأربعاء}} وقول ليها العرض {{USD 3,400}} بالسنة.',
    ),
    (
        "chat_history",
        "arabizi/lebanese-emirati",
        'user: shu sar ma3 [[PERSON|rami]]? [[PERSON|rami el khoury]] men {{Khoury Home Furniture}}\nassistant: Last note: [[PERSON|Rami El Khoury]] asked for a revised quote on {{Tuesday}}.\ntool(deals.get): {"deal": "{{D-30418}}", "contact": "[[PERSON|Rami El Khoury]]", "amount": "{{AED 58,000}}", "mobile": "[[PHONE|+961 71 482 903]]", "uae_mobile": "[[PHONE|050 6627 118]]"}\nuser: tayeb w [[PERSON|mariam]]? hiye btosta3mel el system aw la2\nassistant: [[PERSON|Mariam Al Shamsi]] (their Dubai {{Store Manager}}) logged in 3 times this week.\nuser: 3afaak ib3atli ra2ama, badde e7kiya ba3d el {{Eid}}\nassistant: [[PERSON|Mariam]]\'s mobile: [[PHONE|+971 52 903 7741]].\nuser: yalla shukran. w 2ello la [[PERSON|rami]] eno el {{Winter Sale}} offer {{15%}} bi5las {{akher December}}',
    ),
    (
        "json_record",
        "en/american",
        'Summarize this partner record for the payout review. Flag anything missing.\n\n{\n  "partner_id": "{{PRT-00912}}",\n  "partner_name": "[[PERSON|Chase Whitaker]]",\n  "company": "{{Whitaker & Sons Consulting LLC}}",\n  "tier": "{{Silver Referral}}",\n  "tax": {"type": "{{W-9}}", "ssn": "[[US_SSN|412-38-1483]]"},\n  "email": "[[EMAIL|chase@whitakerconsult.com]]",\n  "phone": "[[PHONE|(512) 740-3318]]",\n  "mailing_address": "[[ADDRESS|1207 W 6th St, Apt 3B, Austin, TX 78703]]",\n  "referrals_2024": 7,\n  "payout_due": "{{$4,850.00}}",\n  "payout_date": "{{2025-01-31}}",\n  "notes": "referred by [[PERSON|Grace Whitaker]] (wife, not a partner). [[PERSON|Chase]] wants ACH not check."\n}',
    ),
    (
        "json_record",
        "en/indonesian-malaysian",
        'Convert this record into a short bio for the account plan:\n{"id":"{{LD-448120}}","first_name":"[[PERSON|Dewi]]","last_name":"[[PERSON|Kusumawardhani]]","nickname":"[[PERSON|Wiwi]]","title":"{{Head of E-commerce}}","company":"{{Sinar Jaya Batik}}","city":"{{Yogyakarta}}","mobile":"[[PHONE|+62 812-3390-4471]]","email":"[[EMAIL|dewi.k@sinarjayabatik.co.id]]","secondary_contact":{"name":"[[PERSON|Ahmad Faizal bin Roslan]]","role":"{{Regional Distributor}}","country":"MY","mobile":"[[PHONE|+60 12-408 7731]]"},"last_ip":"[[IP_ADDRESS|103.47.133.218]]","ip_location":"{{Jakarta}}","plan_interest":"{{Growth}}","budget":"{{IDR 85,000,000}}","next_event":"{{Lebaran}}","tags":["batik","export","{{Shopee}}","{{Tokopedia}}"]}',
    ),
    (
        "json_record",
        "en/japanese-thai",
        'Given this CRM object, write the next-best-action:\n```json\n{\n  "deal": {"id": "{{DL-2025-0331}}", "name": "{{Sakura Precision x Siam Auto Parts}}", "stage": "{{Negotiation}}", "value": "{{JPY 14,000,000}}"},\n  "contacts": [\n    {"name": "[[PERSON|Takahashi Haruto]]", "role": "{{General Manager}}", "mobile": "[[PHONE|+81 90-4417-2280]]", "email": "[[EMAIL|h.takahashi@sakura-precision.jp]]"},\n    {"name": "[[PERSON|Ploy Srisuwan]]", "nickname": "[[PERSON|Ploy]]", "role": "{{Buyer}}", "mobile": "[[PHONE|+66 81 774 2039]]"}\n  ],\n  "blockers": ["legal review in Osaka", "[[PERSON|Haruto]] on leave during {{Golden Week}}"],\n  "competitor": "{{SAP Sales Cloud}}",\n  "close_target": "{{2025-05-30}}"\n}\n```',
    ),
    (
        "json_record",
        "en/irish-newzealander",
        'debug pls — the webhook payload below failed validation, which field is wrong? (dont log the token lol)\n\n{"event":"contact.updated","ts":"{{2025-02-14T09:12:44Z}}","api_version":"{{2024-10}}","auth":"Bearer [[SECRET|crm_live_9fK2xQ7pLm4RvT8wZs1Nb6Hd3Yc0]]","data":{"contact":{"full_name":"[[PERSON|Aoife Brennan-Tahu]]","preferred":"[[PERSON|Eef]]","email":"[[EMAIL|aoife.bt@kiwicoast-tours.co.nz]]","mobile_nz":"[[PHONE|021 447 3390]]","mobile_ie":"[[PHONE|+353 86 219 4470]]","company":"{{Kiwi Coast Tours}}","address":"[[ADDRESS|14 Marine Parade, Napier 4110]]","owner":"[[PERSON|Rose Harrington]]","source_ip":"[[IP_ADDRESS|2406:e001:4a1c:7b00::2f]]","lifecycle":"{{Customer}}","renewal":"{{Waitangi Day}} promo"} } }',
    ),
    (
        "json_record",
        "he/russian-israeli",
        'תכתוב סיכום בעברית של הרשומה הזאת ותגיד אם חסר משהו לפתיחת לקוח:\n{\n  "lead_id": "{{IL-77120}}",\n  "שם_מלא": "[[PERSON|ולדימיר קרסנוב]] ([[PERSON|וולודיה]])",\n  "חברה": "{{קרסנוב ייבוא ושיווק בע״מ}}",\n  "תפקיד": "{{מנכ״ל}}",\n  "ת_ז": "[[IL_ID|710282252]]",\n  "נייד": "[[PHONE|054-4491207]]",\n  "מייל": "[[EMAIL|volodya@krasnov-import.co.il]]",\n  "כתובת": "[[ADDRESS|רח׳ העצמאות 52, דירה 7, אשדוד]]",\n  "חשבון_בנק": "[[IBAN|IL520544105285625016337]]",\n  "חבילה": "{{Pro שנתי}}",\n  "סכום": "{{₪16,800}}",\n  "איש_קשר_נוסף": "[[PERSON|סבטלנה]]"\n}',
    ),
    (
        "json_record",
        "he/druze",
        'הנה JSON מה-API, תוציא ממנו רשימת משימות:\n{"contact":{"name":"[[PERSON|נביה קבלאן]]","village":"{{בית ג׳ן}}","company":"{{קבלאן אבן ושיש}}","role":"{{בעלים}}","phone":"[[PHONE|04-9887215]]","mobile":"[[PHONE|052-6617490]]","il_id":"[[IL_ID|123937047]]"},"deal":{"title":"{{מערכת הצעות מחיר}}","amount":"{{₪24,000}}","stage":"{{הצעה נשלחה}}"},"tasks_raw":"להתקשר ל[[PERSON|נביה]] אחרי {{חג הנביא שועייב}}; לשלוח ל[[PERSON|ואיל]] (הבן) חשבונית; לבדוק כתובת למשלוח: [[ADDRESS|רחוב ראשי 3, בית ג׳ן]]","owner":"[[PERSON|עדן לוי]]"}',
    ),
    (
        "json_record",
        "he/iraqi-jewish-anglo",
        'תבדוק את הרשומה ותנסח הודעת וואטסאפ קצרה ללקוח:\n{\n  "name": "[[PERSON|ששון עזרא]]",\n  "name_en": "[[PERSON|Sasson Ezra]]",\n  "company": "{{עזרא את חביב אופנה}}",\n  "branch": "{{קניון עזריאלי}}",\n  "phone": "[[PHONE|077-4402981]]",\n  "mobile": "[[PHONE|050 555 1234]]",\n  "email": "[[EMAIL|sasson.ezra@ezra-haviv.co.il]]",\n  "assistant": "[[PERSON|Ruth Goldberg-Haviv]]",\n  "card_on_file": "[[CREDIT_CARD|4770504435770574]]",\n  "plan": "{{Basic}}",\n  "upgrade_offer": "{{Pro}} בהנחה של {{25%}} עד {{ל״ג בעומר}}",\n  "last_seen_ip": "[[IP_ADDRESS|79.176.44.203]]",\n  "ip_city": "{{ירושלים}}"\n}',
    ),
    (
        "json_record",
        "ar/omani-bahraini",
        'لخص هذا السجل بالعربي الفصيح:\n{"العميل":"[[PERSON|سالم بن خلفان الحارثي]]","الشركة":"{{مؤسسة الحارثي للتجارة}}","المدينة":"{{صحار}}","الهاتف":"[[PHONE|+968 9133 2407]]","البريد":"[[EMAIL|salim.harthi@harthi-trading.om]]","الشريك":{"الاسم":"[[PERSON|جاسم محمد الدوسري]]","البلد":"البحرين","الهاتف":"[[PHONE|+973 3644 1982]]","العنوان":"[[ADDRESS|مبنى 2217، طريق 2835، مجمع 428، السيف، المنامة]]"},"الباقة":"{{باقة المؤسسات}}","القيمة":"{{OMR 6,300}}","الحساب_البنكي":"[[IBAN|BH48NBOB37997202652221]]","ملاحظات":"[[PERSON|سالم]] يفضل الاتصال بعد صلاة العصر، و[[PERSON|جاسم]] مسافر خلال {{الفورمولا 1}}"}',
    ),
    (
        "json_record",
        "ar/tunisian",
        'Here is the JSON, give me the key risks in Arabic:\n{\n  "opportunity": "{{تجهيز نظام المبيعات – الساحل}}",\n  "value_tnd": "{{TND 38,500}}",\n  "decision_maker": {"name": "[[PERSON|منير الطرابلسي]]", "title": "{{المدير العام}}", "mobile": "[[PHONE|+216 98 441 207]]"},\n  "champion": {"name": "[[PERSON|ريم بن صالح]]", "title": "{{مسؤولة التسويق}}", "office": "[[PHONE|+216 71 842 330]]", "email": "[[EMAIL|rim.bensalah@sahel-distrib.tn]]"},\n  "office_address": "[[ADDRESS|نهج الحبيب ثامر 17، سوسة 4000]]",\n  "iban": "[[IBAN|TN3346497825475062230185]]",\n  "competitors": ["{{Odoo}}", "{{Sage}}"],\n  "notes": "[[PERSON|منير]] يحب يشوف demo في {{المنستير}} موش في تونس العاصمة"\n}',
    ),
    (
        "json_record",
        "es/spanish-mexican",
        'Resume este registro en español y sugiere el siguiente paso:\n{\n  "cliente": "{{Distribuidora Hermanos Ibarra S.A. de C.V.}}",\n  "contacto_principal": "[[PERSON|Guadalupe]] \\"[[PERSON|Lupita]]\\" [[PERSON|Ibarra Montes]]",\n  "cargo": "{{Directora de Ventas}}",\n  "celular": "[[PHONE|+52 55 4182 3307]]",\n  "oficina_mty": "[[PHONE|+52 81 8344 2190]]",\n  "correo": "[[EMAIL|lupita.ibarra@hnosibarra.mx]]",\n  "contacto_espana": {"nombre": "[[PERSON|Íñigo Aguirre Etxeberria]]", "movil": "[[PHONE|+34 612 448 190]]", "iban": "[[IBAN|ES9476888765101974721218]]"},\n  "plan": "{{Empresarial}}",\n  "monto": "{{MXN 420,000}}",\n  "fecha_cierre": "{{15 de noviembre}}",\n  "nota": "[[PERSON|Lupita]] no contesta durante {{Día de Muertos}}"\n}',
    ),
    (
        "csv_export",
        "en/emirati-filipino-south-asian",
        'Below is the export from the Dubai pipeline. Which leads should [[PERSON|Joy]] call first? Rank by value and recency.\n\nlead_name,email,mobile,company,title,stage,value_aed,last_touch\n[[PERSON|Maitha Al Falasi]],[[EMAIL|maitha@falasi-interiors.ae]],[[PHONE|+971501123987]],{{Al Falasi Interiors}},{{Owner}},{{Proposal}},{{120000}},{{2025-04-28}}\n[[PERSON|Jericho Manalo]],[[EMAIL|jmanalo@gulfcoolhvac.com]],[[PHONE|+971 55 640 2219]],{{Gulf Cool HVAC}},{{Ops Manager}},{{Discovery}},{{45000}},{{2025-05-02}}\n"[[PERSON|Pillai, Ramesh]]",[[EMAIL|ramesh.pillai@keralagold.ae]],[[PHONE|+91 70451 88236]],{{Kerala Gold Jewellers}},{{GM}},{{Negotiation}},{{310000}},{{2025-04-11}}\n[[PERSON|Usman Tariq]],[[EMAIL|usman@tariqbros.pk]],[[PHONE|+92 300 4417 892]],{{Tariq Brothers Logistics}},{{Director}},{{Qualified}},{{88000}},{{2025-05-06}}\n[[PERSON|Nadeesha Perera]],,[[PHONE|+94 77 318 2046]],{{Perera & Fonseka Tea}},{{Buyer}},{{New}},,\n\nnote: the {{Perera & Fonseka Tea}} row is missing email, [[PERSON|Nadeesha]] only gave her number at {{Gulfood}}.',
    ),
    (
        "csv_export",
        "en/american-canadian",
        'finance sent this failed-payments csv, write a polite dunning sequence for each customer (3 emails). DO NOT paste card numbers back into the emails.\n\ncustomer,contact,email,phone,card_number,exp,amount_usd,invoice,fail_reason\n{{Brightwater Dental}},[[PERSON|Autumn Kowalczyk]],[[EMAIL|autumn@brightwaterdental.com]],[[PHONE|(646) 382-7190]],[[CREDIT_CARD|4575221494700494]],{{08/27}},{{1,188.00}},{{INV-10441}},insufficient_funds\n{{Mason & Pike Roofing}},[[PERSON|Derek Pike]],[[EMAIL|dpike@masonpike.com]],[[PHONE|312.447.9021]],[[CREDIT_CARD|5355094327725951]],{{01/26}},{{594.00}},{{INV-10457}},expired_card\n{{True North Fitness}},[[PERSON|Geneviève Tremblay]],[[EMAIL|gen@truenorthfit.ca]],[[PHONE|+1 (905) 771-0348]],[[CREDIT_CARD|378738710601906]],{{11/25}},{{2,376.00}},{{INV-10462}},do_not_honor\n\nfyi "{{Mason & Pike}}" — it\'s a brand name only, the owner is [[PERSON|Derek]]. [[PERSON|Geneviève]] prefers French.',
    ),
    (
        "csv_export",
        "en/nigerian-kenyan-ghanaian",
        'Clean up this CSV (fix casing, split names into first/last, normalise phones to E.164) and return it as CSV:\n\nName;Company;Phone;Email;Region;Owner\n[[PERSON|CHIDINMA EZE-NWOSU]];{{Eze Foods Ltd}};[[PHONE|+234 809 331 7720]];[[EMAIL|CHIDINMA@EZEFOODS.NG]];{{Lagos}};[[PERSON|frank o.]]\n[[PERSON|ochieng, kevin]];{{Lake Basin Motors}};[[PHONE|+254 733 810 442]];[[EMAIL|k.ochieng@lakebasinmotors.co.ke]];{{Kisumu}};[[PERSON|Frank Osei]]\n[[PERSON|Ama Serwaa Boakye]];{{Serwaa Cocoa Co-op}};[[PHONE|+233 20 774 1109]];;{{Kumasi}};[[PERSON|Frank Osei]]\n[[PERSON|Blessing]];{{Blessing Supermarket}};;;{{Abuja}};[[PERSON|Amara]]\n\nNote row 4: "[[PERSON|Blessing]]" is both the contact\'s first name and the shop name ({{Blessing Supermarket}}), keep the shop as is. Owner [[PERSON|Amara]] = [[PERSON|Amara Nwachukwu]] on our team.',
    ),
    (
        "csv_export",
        "en/chinese-korean-filipino",
        'Analyse win rate by owner from this export and give 3 coaching tips. Table:\n\n"deal_id","deal","owner","contact","contact_phone","amount","status","closed"\n"{{D-8801}}","{{Golden Lotus Restaurants POS}}","[[PERSON|Li Mei]]","[[PERSON|Chen Jianguo]]","[[PHONE|+86 139 1776 0452]]","{{USD 22,000}}","won","{{2025-01-09}}"\n"{{D-8805}}","{{Hanriver Cosmetics CRM}}","[[PERSON|Park Ji-hoon]]","[[PERSON|Kim Soo-ah]]","[[PHONE|+82 10-4471-2290]]","{{USD 15,500}}","lost","{{2025-01-22}}"\n"{{D-8810}}","{{Manila Bay Realty}}","[[PERSON|Li Mei]]","[[PERSON|Ma. Lourdes]] ""[[PERSON|Lulu]]"" [[PERSON|Santos]]","[[PHONE|+63 917 552 0184]]","{{USD 9,900}}","won","{{2025-02-14}}"\n"{{D-8812}}","{{Cebu Pacific Freight}}","[[PERSON|Park Ji-hoon]]","[[PERSON|Angelito Cruz]]","[[PHONE|+63 2 8817 4420]]","{{USD 31,000}}","open",""\n\n[[PERSON|Ji-hoon]] lost {{D-8805}} on price before {{Chuseok}}.',
    ),
    (
        "csv_export",
        "he/mixed-israeli",
        'תנתח את הייצוא הזה ותגיד לי איזה לידים תקועים יותר מ-30 יום:\n\nשם,טלפון,מייל,חברה,עיר,שלב,סכום,תאריך_עדכון\n[[PERSON|שקד בן חמו]],[[PHONE|0528120943]],[[EMAIL|shaked.bh@benhamo-build.co.il]],{{בן חמו בנייה}},{{אופקים}},{{הצעת מחיר}},{{₪38,000}},{{01/03/2025}}\n[[PERSON|טל וקנין]],[[PHONE|+972-54-8813702]],[[EMAIL|tal@vaknin-law.co.il]],{{משרד וקנין ושות\'}},{{רחובות}},{{פגישה}},{{₪12,500}},{{19/03/2025}}\n[[PERSON|אריה לייב פולק]],[[PHONE|03-9661728]],,{{פולק ספרים}},{{בני ברק}},{{ליד חדש}},,{{02/02/2025}}\n[[PERSON|ענבר אסולין]],[[PHONE|+972 52 440 1187]],[[EMAIL|inbar.a@gmail.com]],{{מלון נוף הכנרת}},{{טבריה}},{{משא ומתן}},{{₪96,000}},{{27/03/2025}}\n\nשים לב: "{{בן חמו בנייה}}" זה שם החברה, ה{{מנכ"ל}} שם הוא בכלל [[PERSON|דור מימון]]. ו[[PERSON|ענבר]] ביקשה לא להתקשר ב{{שבת}} ו{{חול המועד}}.',
    ),
    (
        "csv_export",
        "he/arab-israeli-druze",
        "הייצוא מהמערכת הישנה, תמפה את השדות לפורמט שלנו (first_name, last_name, phone, email, city):\n\nשם מלא|נייד|דוא\"ל|יישוב|הערות\n[[PERSON|פאדי ג'ובראן]]|[[PHONE|050-2269384]]|[[EMAIL|fadi.j@jubran-tiles.co.il]]|{{כפר יאסיף}}|לקוח VIP\n[[PERSON|ואפא אבו ריש]]|[[PHONE|04-6543321]]|[[EMAIL|wafa@aburish-clinic.co.il]]|{{אום אל-פחם}}|רוצה דמו\n[[PERSON|נזיה חסון]]|[[PHONE|052-4487360]]||{{עספיא}}|הכירה דרך [[PERSON|פאדי]]\n[[PERSON|אמיר סלאמה]]|[[PHONE|+972 58 771 2490]]|[[EMAIL|amir.salameh@salameh-motors.co.il]]|{{טייבה}}|{{סלאמה מוטורס}} – סוכנות\n\nהערה: יש לקוח אחר עם שם חברה דומה, לא לאחד. הכל לפני {{עיד אל-פיטר}}.",
    ),
    (
        "csv_export",
        "ar/emirati-saudi",
        'هذا تصدير الصفقات من النظام، أبغى ملخص حسب المرحلة:\n\nالاسم,الجوال,الشركة,المدينة,المرحلة,القيمة\n[[PERSON|ميثاء راشد الكعبي]],[[PHONE|+971 50 773 1204]],{{مجموعة الكعبي العقارية}},{{العين}},{{عرض سعر}},{{AED 210,000}}\n[[PERSON|تركي بن سعود الدوسري]],[[PHONE|+966 50 219 8834]],{{الدوسري للمقاولات}},{{الخبر}},{{تفاوض}},{{SAR 175,000}}\n[[PERSON|هند القرشي]],[[PHONE|0566 402 119]],{{متاجر ورد}},{{جدة}},{{مؤهل}},{{SAR 64,000}}\n[[PERSON|أم خالد]],[[PHONE|+971 4 887 2290]],{{مطابخ أم خالد}},{{دبي}},{{جديد}},\n\nملاحظة: "{{مطابخ أم خالد}}" اسم محل، وصاحبته فعلاً تنادى [[PERSON|أم خالد]] بس اسمها الرسمي [[PERSON|فاطمة سالم]]. و{{متاجر ورد}} مجرد اسم تجاري.',
    ),
    (
        "csv_export",
        "ar/egyptian-sudanese",
        "ده إكسبورت المناديب، عايز أعرف مين أحسن واحد في {{الربع الأول}}:\n\nمندوب,عميل,تليفون العميل,المنتج,القيمة,الحالة\n[[PERSON|كريم سعيد]],[[PERSON|جمال عبد الناصر حسن]],[[PHONE|+20 100 772 4418]],{{باقة الشركات}},{{EGP 120,000}},مقفول\n[[PERSON|كريم سعيد]],[[PERSON|سماح فؤاد]],[[PHONE|011 5530 2291]],{{باقة أساسية}},{{EGP 35,000}},مفتوح\n[[PERSON|نجلاء الشريف]],[[PERSON|عوض الكريم الفاضل]],[[PHONE|+249 99 801 2257]],{{باقة الشركات}},{{USD 4,000}},مقفول\n[[PERSON|نجلاء الشريف]],[[PERSON|هدى منصور]],[[PHONE|+20 3 482 1193]],{{باقة أساسية}},{{EGP 28,000}},خسرناه\n\nخلي بالك: العميل اسمه [[PERSON|جمال عبد الناصر حسن]] – ده شخص عادي مش الرئيس 😂، ومكتبه في {{شارع جمال عبد الناصر}} في {{إسكندرية}}.",
    ),
    (
        "csv_export",
        "ar/levantine",
        'فيك ترتبلي هالجدول وتشيل التكرار؟\n\nالاسم,الهاتف,الإيميل,البلد,الشركة\n[[PERSON|لين الخطيب]],[[PHONE|+962 78 601 4422]],[[EMAIL|leen.k@khatib-design.jo]],{{الأردن}},{{الخطيب للتصميم}}\n[[PERSON|لين خطيب]],[[PHONE|+962 78 601 4422]],[[EMAIL|leen.k@khatib-design.jo]],{{الأردن}},{{الخطيب للتصميم}}\n[[PERSON|مازن حمّود]],[[PHONE|+963 944 218 307]],[[EMAIL|mazen.hammoud@hammoud-pharma.sy]],{{سوريا}},{{حمود فارما}}\n[[PERSON|سلام برغوثي]],[[PHONE|+970 597 441 902]],,{{فلسطين}},{{مخابز السلام}}\n[[PERSON|طوني سركيس]],[[PHONE|+961 76 331 028]],[[EMAIL|tony@sarkis-wines.com.lb]],{{لبنان}},{{نبيذ سركيس}}\n\nانتبه: "{{مخابز السلام}}" شركة، و[[PERSON|سلام]] اسم الشخص. الاجتماع مع [[PERSON|طوني]] بعد {{عيد الميلاد}}.',
    ),
    (
        "csv_export",
        "pt/brazilian-portuguese",
        'Oi! segue o export do funil de SP e Lisboa, me ajuda a priorizar?\n\nnome;celular;email;empresa;cidade;etapa;valor\n[[PERSON|João Pedro Albuquerque]];[[PHONE|+55 11 98234-7710]];[[EMAIL|jp.albuquerque@albuquerqueimoveis.com.br]];{{Albuquerque Imóveis}};{{São Paulo}};{{Proposta}};{{R$ 48.000}}\n[[PERSON|Luana]] "[[PERSON|Lu]]" [[PERSON|Ferreira]];[[PHONE|(21) 99718-4402]];[[EMAIL|luana@ferreiramodas.com.br]];{{Ferreira Modas}};{{Rio de Janeiro}};{{Qualificado}};{{R$ 19.900}}\n[[PERSON|Tiago Magalhães]];[[PHONE|+351 912 448 307]];[[EMAIL|tiago.m@magalhaes-vinhos.pt]];{{Magalhães & Filhos Vinhos}};{{Lisboa}};{{Negociação}};{{€ 22.000}}\n[[PERSON|Graça Nogueira]];[[PHONE|+55 31 3221-4490]];;{{Padaria Santa Graça}};{{Belo Horizonte}};{{Novo}};\n\nobs: a [[PERSON|Graça]] é dona da {{Padaria Santa Graça}} (nome da padaria vem da santa, não dela kkk). Fechar antes do {{Carnaval}}!',
    ),
    (
        "tool_result",
        "en/polish-romanian",
        'tool_result crm.get_deal:\n{"ok":true,"deal":{"id":"{{DL-55871}}","title":"{{Wi\\u015bniewska Pharma \\u2013 EU rollout}}","amount":{"value":96000,"currency":"EUR"},"stage":"{{Contract Sent}}","owner":{"name":"[[PERSON|Grace Holloway]]","email":"[[EMAIL|grace.h@ourcrm.io]]"},"contacts":[{"name":"[[PERSON|Ma\\u0142gorzata Wi\\u015bniewska]]","role":"{{CEO}}","mobile":"[[PHONE|+48 601 774 218]]","note":"prefers \\u201c[[PERSON|Gosia]]\\u201d"},{"name":"[[PERSON|\\u0218tefan Popescu]]","role":"{{IT Director}}","mobile":"[[PHONE|+40 722 418 339]]","email":"[[EMAIL|stefan.popescu@wisniewska-pharma.eu]]"}],"next_step":"legal review after {{Easter}} \\u2013 [[PERSON|\\u0218tefan]] on leave until {{22 April}}","updated_at":"{{2025-04-09T11:02:17Z}}"} }',
    ),
    (
        "tool_result",
        "en/vietnamese-thai",
        'tool_result search_leads(query="hotel chains SEA", limit=2):\n{"total":2,"items":[{"lead":"[[PERSON|Tr\\u1ea7n Minh \\u0110\\u1ee9c]]","company":"{{S\\u00f4ng H\\u00e0n Hospitality}}","city":"{{\\u0110\\u00e0 N\\u1eb5ng}}","phone":"[[PHONE|+84 903 418 227]]","email":"[[EMAIL|duc.tran@songhan-hotels.vn]]","score":77,"last_ip":"[[IP_ADDRESS|113.161.72.19]]","ip_city":"{{H\\u1ed3 Ch\\u00ed Minh City}}"},{"lead":"[[PERSON|Siriporn]] \\u201c[[PERSON|Pim]]\\u201d [[PERSON|Chaiyaporn]]","company":"{{Chao Phraya Resorts}}","city":"{{Bangkok}}","phone":"[[PHONE|+66 2 118 4470]]","score":64,"tags":["{{Songkran}} promo","{{Enterprise}}"]}],"generated":"{{2025-03-30}}"}',
    ),
    (
        "tool_result",
        "en/spanish-brazilian",
        'tool_result enrich_contact:\n{"input":{"email":"[[EMAIL|jangel.nunez@nunez-calatrava.es]]"},"match":{"full_name":"[[PERSON|Jos\\u00e9 \\u00c1ngel N\\u00fa\\u00f1ez Calatrava]]","title":"{{Director Comercial}}","company":"{{N\\u00fa\\u00f1ez & Calatrava Arquitectos}}","office_phone":"[[PHONE|+34 91 448 2190]]","linkedin_headline":"Arquitectura \\u00b7 Madrid \\u00b7 Salvador de Bahia","associates":[{"name":"[[PERSON|Concei\\u00e7\\u00e3o Brand\\u00e3o]]","mobile":"[[PHONE|+55 71 99812-3307]]","company":"{{Brand\\u00e3o Engenharia}}"}],"address":"[[ADDRESS|Calle de Vel\\u00e1zquez 57, 3\\u00ba izq., 28001 Madrid]]","confidence":0.91},"credits_used":1,"provider":"{{Clearbit}}"}',
    ),
    (
        "tool_result",
        "en/emirati-indian",
        'tool_result whatsapp.fetch_contact:\n{"wa_id":"[[PHONE|971561184402]]","profile":{"name":"[[PERSON|Hessa Al Suwaidi]]","name_ar":"[[PERSON|\\u062d\\u0635\\u0629 \\u0627\\u0644\\u0633\\u0648\\u064a\\u062f\\u064a]]","about":"{{Al Suwaidi Perfumes}} \\ud83c\\udf38","phone":"[[PHONE|+971 56 118 4402]]"},"crm_link":{"contact_id":"{{C-90412}}","account":"{{Al Suwaidi Perfumes LLC}}","owner":"[[PERSON|Arjun Menon]]","owner_phone":"[[PHONE|+91 80 4718 2290]]"},"last_message":"Can [[PERSON|Arjun]] send the {{Eid}} bundle price list? \\u2014 [[PERSON|\\u062d\\u0635\\u0629]]","opt_in":true,"last_seen":"{{2025-03-27 21:14}}"}',
    ),
    (
        "tool_result",
        "he/mizrahi",
        'tool_result get_contact:\n{"id":"{{C-3318}}","name":"[[PERSON|\\u05de\\u05d6\\u05dc \\u05d1\\u05d9\\u05d8\\u05d5\\u05df]]","company":"{{\\u05d1\\u05d9\\u05d8\\u05d5\\u05df \\u05e4\\u05e8\\u05d7\\u05d9\\u05dd}}","city":"{{\\u05d3\\u05d9\\u05de\\u05d5\\u05e0\\u05d4}}","mobile":"[[PHONE|050-6314478]]","office":"[[PHONE|08-6271904]]","plan":"{{Basic}}","note":"[[PERSON|\\u05de\\u05d6\\u05dc]] \\u05d1\\u05d9\\u05e7\\u05e9\\u05d4 \\u05d4\\u05e6\\u05e2\\u05d4 \\u05dc\\u05e4\\u05e0\\u05d9 {{\\u05e4\\u05d5\\u05e8\\u05d9\\u05dd}}","owner":"[[PERSON|\\u05d0\\u05d1\\u05d9\\u05d1]]"}',
    ),
    (
        "tool_result",
        "he/ethiopian-israeli",
        'tool_result get_lead:\n{"lead":"[[PERSON|\\u05d9\\u05d8\\u05d0\\u05d9\\u05d9\\u05e9 \\u05de\\u05dc\\u05e1\\u05d4]]","title":"{{\\u05e8\\u05db\\u05d6\\u05ea \\u05d2\\u05d9\\u05d5\\u05e1}}","org":"{{\\u05e2\\u05de\\u05d5\\u05ea\\u05ea \\u05d2\\u05e9\\u05e8 \\u05dc\\u05e2\\u05ea\\u05d9\\u05d3}}","phone":"[[PHONE|052-9904113]]","email":"[[EMAIL|yitayish.m@gesher-future.org.il]]","il_id":"[[IL_ID|505285593]]","address":"[[ADDRESS|\\u05e8\\u05d7\' \\u05d4\\u05e0\\u05e9\\u05d9\\u05d0 18, \\u05e8\\u05d7\\u05d5\\u05d1\\u05d5\\u05ea]]","source":"{{Facebook}}","created":"{{2025-01-12}}"}',
    ),
    (
        "tool_result",
        "he/russian-israeli",
        'tool_result billing.get_customer:\n{"customer":"{{\\u05d0\\u05d5\\u05e8\\u05dc\\u05d5\\u05d1 \\u05d4\\u05e0\\u05d3\\u05e1\\u05d4}}","contact":"[[PERSON|\\u05d9\\u05d1\\u05d2\\u05e0\\u05d9\\u05d4 \\u05d0\\u05d5\\u05e8\\u05dc\\u05d5\\u05d1]]","mobile":"[[PHONE|054-2218760]]","iban":"[[IBAN|IL550417029172096089610]]","invoice":"{{INV-7714}}","amount":"{{\\u20aa3,480}}","status":"overdue","due":"{{15/04/2025}}","plan":"{{Pro}}","cc":"[[PERSON|\\u05d6\'\\u05e0\\u05d9\\u05d4]]","note":"\\u05dc\\u05e9\\u05dc\\u05d5\\u05d7 \\u05dc[[PERSON|\\u05d6\'\\u05e0\\u05d9\\u05d4]] \\u05ea\\u05d6\\u05db\\u05d5\\u05e8\\u05ea \\u05dc\\u05e4\\u05e0\\u05d9 {{\\u05e4\\u05e1\\u05d7}}"}',
    ),
    (
        "tool_result",
        "ar/qatari",
        'tool_result crm.lookup:\n{"contact":"[[PERSON|\\u062d\\u0645\\u062f \\u0628\\u0646 \\u062c\\u0627\\u0633\\u0645 \\u0627\\u0644\\u0645\\u0631\\u064a]]","company":"{{\\u0645\\u062c\\u0645\\u0648\\u0639\\u0629 \\u0627\\u0644\\u0645\\u0631\\u064a \\u0627\\u0644\\u0642\\u0627\\u0628\\u0636\\u0629}}","city":"{{\\u0627\\u0644\\u0648\\u0643\\u0631\\u0629}}","mobile":"[[PHONE|+974 3311 7420]]","alt":"[[PHONE|+974 6650 2218]]","deal":"{{QAR 410,000}}","note":"[[PERSON|\\u062d\\u0645\\u062f]] \\u0645\\u0633\\u0627\\u0641\\u0631 \\u0628\\u0639\\u062f {{\\u0627\\u0644\\u064a\\u0648\\u0645 \\u0627\\u0644\\u0648\\u0637\\u0646\\u064a}}"}',
    ),
    (
        "tool_result",
        "ar/algerian",
        'tool_result get_account:\n{"account":"{{\\u0645\\u0624\\u0633\\u0633\\u0629 \\u0628\\u0648\\u0632\\u064a\\u062f \\u0644\\u0644\\u0623\\u0634\\u063a\\u0627\\u0644}}","manager":"[[PERSON|\\u064a\\u0627\\u0633\\u064a\\u0646 \\u0628\\u0648\\u0632\\u064a\\u062f]]","phone":"[[PHONE|+213 661 20 44 87]]","fixe":"[[PHONE|+213 21 74 18 22]]","email":"[[EMAIL|yacine.bouzid@bouzid-travaux.dz]]","city":"{{\\u0648\\u0647\\u0631\\u0627\\u0646}}","plan":"{{Pro}}","renewal":"{{2025-09-01}}"}',
    ),
    (
        "tool_result",
        "tr/turkish",
        'tool_result crm.get_contact:\n{"ad_soyad":"[[PERSON|\\u015e\\u00fckr\\u00fc Y\\u0131lmazo\\u011flu]]","\\u015firket":"{{Y\\u0131lmazo\\u011flu Tekstil A.\\u015e.}}","unvan":"{{Sat\\u0131\\u015f M\\u00fcd\\u00fcr\\u00fc}}","cep":"[[PHONE|+90 532 418 77 20]]","sabit":"[[PHONE|0212 344 18 90]]","eposta":"[[EMAIL|sukru@yilmazoglu-tekstil.com.tr]]","adres":"[[ADDRESS|Halaskargazi Cad. No:214 D:6, \\u015ei\\u015fli, \\u0130stanbul]]","asistan":"[[PERSON|G\\u00fcl\\u015fen Ayd\\u0131n]]","iban":"[[IBAN|TR528072407311241392907347]]","not":"[[PERSON|\\u015e\\u00fckr\\u00fc]] Bey {{Kurban Bayram\\u0131}} sonras\\u0131 d\\u00f6necek","paket":"{{Growth}}"}',
    ),
    (
        "transcript",
        "en/american-british",
        "Summarize this call transcript into 5 bullets + next steps.\n\n[00:00:04] [[PERSON|Hunter Mills]]: Hey [[PERSON|Victoria]], thanks for jumping on. Is [[PERSON|Reggie]] joining?\n[00:00:09] [[PERSON|Victoria Ashby-Clarke]]: He's running late, start without him.\n[00:00:15] [[PERSON|Hunter Mills]]: Cool. So last time you said the {{Salesforce}} renewal is {{$212k}} and the board wants it under {{$150k}}.\n[00:00:31] [[PERSON|Victoria Ashby-Clarke]]: Right, and honestly our reps live in {{Outlook}}, so whatever we pick has to sit there.\n[00:01:02] [[PERSON|Reginald Okafor]]: Sorry sorry — train from Reading. Where are we?\n[00:01:06] [[PERSON|Hunter Mills]]: Just starting on the Outlook add-in, [[PERSON|Reggie]].\n[00:02:40] [[PERSON|Reginald Okafor]]: Look, if you can do SSO and the {{ISO 27001}} paperwork by {{end of June}}, we've got a deal. My direct line's [[PHONE|(415) 872-3304]], the switchboard is [[PHONE|+1 415 872 3304 ext. 212]] but don't use that.\n[00:03:05] [[PERSON|Victoria Ashby-Clarke]]: And send the MSA to me, not legal — [[EMAIL|v.ashbyclarke@northgate-capital.com]].",
    ),
    (
        "transcript",
        "en/australian-indian",
        "auto transcript (speech-to-text, may contain errors) — {{Otter.ai}} export\n\nspeaker 1 ([[PERSON|will]]): ok so [[PERSON|mason]] can you hear me\nspeaker 2 ([[PERSON|mason]]): yep loud and clear [[PERSON|will]]\nspeaker 1 ([[PERSON|will]]): great so i've got [[PERSON|priya]] from {{sundaram and co accountants}} on the line too\nspeaker 3 ([[PERSON|priya sundaram]]): hi both. so we're a twelve person practice in parramatta and we want something for client onboarding before {{eofy}}\nspeaker 2 ([[PERSON|mason]]): sure, the {{practice pro}} plan is {{a$89}} a seat\nspeaker 3 ([[PERSON|priya sundaram]]): my dad [[PERSON|venkat]] started the firm, he'll want to see it, his mobile is oh four two one three three seven nine oh eight — [[PHONE|0421 337 908]]\nspeaker 1 ([[PERSON|will]]): i'll note that. and your email\nspeaker 3 ([[PERSON|priya sundaram]]): [[EMAIL|priya@sundaramco.com.au]]\n\n(note: \"[[PERSON|mason]]\" in line 1 = [[PERSON|Mason Clarke]], our AE. \"[[PERSON|will]]\" = [[PERSON|William Tan]])",
    ),
    (
        "transcript",
        "en/ghanaian-scottish",
        "Meeting: {{QBR}} — {{Highland Spirits Distribution}} x us\nDate: {{Thursday 6 March}}\nParticipants: [[PERSON|Kofi Mensah]] (CSM), [[PERSON|Morag Fraser]] (client, {{Commercial Director}}), [[PERSON|Ewan Campbell]] (client, {{Sales Ops}})\n\n[[PERSON|KOFI MENSAH]]: Usage is up {{34%}} since {{Burns Night}} campaign. Nice work.\n[[PERSON|MORAG FRASER]]: Aye, [[PERSON|Ewan]] built the dashboards himself.\n[[PERSON|EWAN CAMPBELL]]: Only cos the {{Looker}} connector kept breaking, mind.\n[[PERSON|KOFI MENSAH]]: Noted, that's fixed in {{v5.0.3}}. Any seats to add?\n[[PERSON|MORAG FRASER]]: Ten for the Aberdeen team. Bill to [[ADDRESS|Unit 4, Riverside Business Park, 22 Dock Street, Leith, Edinburgh EH6 6EY]].\n[[PERSON|EWAN CAMPBELL]]: And ring me on [[PHONE|+44 131 554 2281]] if the invoice is over {{£6,000}}.\n[[PERSON|KOFI MENSAH]]: Will do. I'm in Accra next week, my Ghana number is [[PHONE|+233 54 418 2207]].",
    ),
    (
        "transcript",
        "en/filipino-emirati",
        "Support call transcript — ticket {{#CS-40917}}, recorded for QA\n\nAgent ([[PERSON|Marites]]): Thank you for calling, this is [[PERSON|Marites]]. May I have your full name?\nCaller: It's [[PERSON|Khalid Obaid Al Naqbi]], [[PERSON|N-A-Q-B-I]].\nAgent ([[PERSON|Marites]]): Thank you Mr. [[PERSON|Al Naqbi]]. And the account?\nCaller: {{Naqbi Marine Services}}. Our admin [[PERSON|Dexter]] locked himself out after the {{2FA}} update.\nAgent ([[PERSON|Marites]]): I see [[PERSON|Dexter Villanueva]] on the account. Can you confirm the registered mobile?\nCaller: Mine is [[PHONE|055 204 7716]], office [[PHONE|+971 2 448 1920]]. [[PERSON|Dexter]]'s is a Philippine number, [[PHONE|0917 884 2031]].\nAgent ([[PERSON|Marites]]): Perfect. I'll send a reset link to [[EMAIL|dexter.v@naqbimarine.ae]]. Anything else?\nCaller: Yes, the office moved to [[ADDRESS|Warehouse 9, Mina Zayed, Abu Dhabi]]. Update that before the {{Q3}} invoice.",
    ),
    (
        "transcript",
        "he/ashkenazi-mizrahi",
        'תמלול שיחה (אוטומטי) – לקוח: {{פלדמן את דהן הנדסה}}\n\nנציג – [[PERSON|ליאור]]: שלום, מדבר [[PERSON|ליאור]] מ{{צוות ההטמעה}}, עם מי אני מדבר?\n[[PERSON|אבי דהן]]: היי, זה [[PERSON|אבי]], [[PERSON|אבי דהן]]. ה{{סמנכ"ל תפעול}}.\n[[PERSON|ליאור]]: מעולה [[PERSON|אבי]]. ראיתי שביקשתם להוסיף את [[PERSON|רותם פלדמן]] כמנהלת מערכת.\n[[PERSON|אבי דהן]]: כן, [[PERSON|רותם]] זאת הבת של השותף. המייל שלה [[EMAIL|rotem@feldman-dahan.co.il]]\n[[PERSON|ליאור]]: ומספר נייד?\n[[PERSON|אבי דהן]]: [[PHONE|052-8843017]]. ואם אין תשובה תתקשר למשרד [[PHONE|03-5271190]]\n[[PERSON|ליאור]]: רשמתי. ההדרכה ב{{יום רביעי}} ב-{{14:00}}, בסדר?\n[[PERSON|אבי דהן]]: רק לא ב{{ערב יום העצמאות}}.',
    ),
    (
        "transcript",
        "he/haredi-russian",
        "תמלול פגישת זום – {{03/12}}\nמשתתפים: [[PERSON|מנחם מענדל שוורץ]], [[PERSON|אולגה פטרנקו]], [[PERSON|נתנאל]] (אנחנו)\n\n[[PERSON|נתנאל]]: ר' [[PERSON|מנחם מענדל]], שמעתם אותי?\n[[PERSON|מנחם מענדל שוורץ]]: כן כן. אני רוצה שהמערכת לא תשלח הודעות ב{{שבת}}, זה הכי חשוב.\n[[PERSON|נתנאל]]: אפשר להגדיר את זה. [[PERSON|אולגה]], את מנהלת החשבונות?\n[[PERSON|אולגה פטרנקו]]: כן. אנחנו צריכים שהחשבוניות יתחברו ל{{חשבשבת}}. והכתובת לחשבונית: [[ADDRESS|רחוב חזון איש 44, קומה ב', בני ברק]]\n[[PERSON|מנחם מענדל שוורץ]]: והמחיר – {{₪1,150}} לחודש, לא יותר.\n[[PERSON|נתנאל]]: מקובל. [[PERSON|מנחם מענדל]], מה הטלפון הכשר שלך לאישור?\n[[PERSON|מנחם מענדל שוורץ]]: [[PHONE|02-5004417]]. ול[[PERSON|אולגה]] תשלח הודעה ל-[[PHONE|054-8471122]].",
    ),
    (
        "transcript",
        "ar/egyptian",
        "تفريغ المكالمة – {{مكالمة متابعة}} – {{الأحد}}\n\n[[PERSON|ياسمين]] (مبيعات): ألو، أستاذ [[PERSON|شريف]]؟ معاك [[PERSON|ياسمين]] من الشركة.\n[[PERSON|شريف الدمرداش]]: أهلاً يا [[PERSON|ياسمين]]، إزيك.\n[[PERSON|ياسمين]]: الحمد لله. كنت عايزة أتأكد إن العرض بتاع {{باقة Pro}} وصل لحضرتك.\n[[PERSON|شريف الدمرداش]]: وصل، بس الحاج [[PERSON|فتحي]] – أبويا – عايز خصم، بيقول {{EGP 18,000}} كتير.\n[[PERSON|ياسمين]]: ممكن نعمل {{10%}} لو دفعتوا سنوي. ممكن رقم الحاج عشان أكلمه؟\n[[PERSON|شريف الدمرداش]]: [[PHONE|+20 106 331 7742]]، والمكتب [[PHONE|02 2736 4418]]. المكتب في [[ADDRESS|١٤ شارع مصدق، الدقي، الجيزة]].\n[[PERSON|ياسمين]]: تمام، هكلمه بعد {{رمضان}} إن شاء الله.",
    ),
    (
        "transcript",
        "ar/kuwaiti",
        "نص الاجتماع (تسجيل تيمز) – {{مجموعة الفهد للأثاث}}\n\n[[PERSON|مشاري الفهد]]: هلا والله، معاكم [[PERSON|مشاري]].\n[[PERSON|دانة الرشيد]] (مديرة الحساب): هلا [[PERSON|مشاري]]، معاي [[PERSON|عادل]] من الدعم الفني.\n[[PERSON|عادل الكندري]]: مساء الخير. شفنا إن عندكم 3 فروع، {{السالمية}} و{{الري}} و{{الجهراء}}.\n[[PERSON|مشاري الفهد]]: صح، ونبي نفتح الرابع في {{صباح السالم}} بعد {{العيد الوطني}}.\n[[PERSON|دانة الرشيد]]: ممتاز. الباقة لـ40 مستخدم تطلع {{KWD 5,600}} بالسنة.\n[[PERSON|مشاري الفهد]]: أوكي، بس كلموا [[PERSON|أبو فيصل]] قبل، هو المدير المالي. رقمه [[PHONE|+965 6620 4471]].\n[[PERSON|عادل الكندري]]: والمكتب؟\n[[PERSON|مشاري الفهد]]: [[PHONE|2244 1870]].",
    ),
    (
        "transcript",
        "ar/syrian-palestinian",
        "تفريغ مكالمة – ديمو\n\n[[PERSON|رامي]]: مرحبا أستاذة [[PERSON|رجاء]]، معك [[PERSON|رامي]] من فريق المبيعات.\n[[PERSON|رجاء الحلبي]]: أهلين [[PERSON|رامي]]. عنا مشغل خياطة بـ{{حلب}} ومعرض بـ{{رام الله}}، وبدنا نظام واحد للطلبيات.\n[[PERSON|رامي]]: أكيد. مين بيدير معرض رام الله؟\n[[PERSON|رجاء الحلبي]]: ابن أختي [[PERSON|يزن عوّاد]]، رقمه [[PHONE|+970 568 220 913]]. أنا رقمي [[PHONE|+963 933 741 208]].\n[[PERSON|رامي]]: تمام. الباقة الأساسية {{$45}} للمستخدم بالشهر، وفي خصم {{15%}} للسنوي.\n[[PERSON|رجاء الحلبي]]: منيح. بس بعد {{عيد الأضحى}}، هلق الشغل كتير.\n[[PERSON|رامي]]: ولا يهمك. بعتلك العرض على [[EMAIL|raja.halabi@halabi-tailoring.com]].",
    ),
    (
        "transcript",
        "ar+en/emirati-lebanese",
        "Call recording transcript — {{Dubai Marina}} branch onboarding\n\n[[PERSON|Karim Saade]]: Hi [[PERSON|Alia]], marhaba, is this a good time?\n[[PERSON|Alia Al Mansoori]]: Ahlan [[PERSON|Karim]], yes yalla. بس عندي meeting بعد نص ساعة.\n[[PERSON|Karim Saade]]: No problem. So the {{Enterprise}} licences — 25 seats, {{AED 7,500}} a month, متل ما اتفقنا.\n[[PERSON|Alia Al Mansoori]]: Ok. Who's the admin on your side? لأنو [[PERSON|Hessa]] left.\n[[PERSON|Karim Saade]]: That's me now, or [[PERSON|Nour]] from support. My mobile is [[PHONE|+961 81 402 337]] — بس أنا بدبي هلق.\n[[PERSON|Alia Al Mansoori]]: Khalas, send the contract to [[EMAIL|alia.m@mansoori-realestate.ae]]. والعنوان: [[ADDRESS|Marina Plaza, Office 2403, Dubai Marina, Dubai]].\n[[PERSON|Karim Saade]]: Done. We'll go live before {{GITEX}} inshallah.",
    ),
    (
        "support_ticket",
        "en/american",
        "Ticket {{#SUP-118204}} | Priority: {{P2}} | Product: {{Public API v3}}\nSubject: 401s on every call since this morning???\n\nFrom: [[PERSON|Brooke Sandoval]] <[[EMAIL|brooke@sandovalroofing.com]]>\n\nhi team, our {{Zapier}} zap stopped working at like 7am MT. heres the key we use in case that helps: [[SECRET|sk_live_4eC9xTq2Lm8VbN1rZ6pW0sKdYh]]\nrequests come from our office IP [[IP_ADDRESS|73.229.14.186]] (Denver). my colleague [[PERSON|Dawn]] also tried from home ([[IP_ADDRESS|2601:282:8301:4a70:d1c4:5e2b:90aa:7f13]]) same thing.\n\nwe have a {{Black Friday}} campaign going out {{Thursday}} so this is urgent!!\n\nthx\n[[PERSON|Brooke]]\n{{Sandoval Roofing & Solar}} | [[PHONE|+1 (720) 441-8093]]\n\n--- internal note ([[PERSON|Raj]], L2) ---\nkey was rotated by [[PERSON|Dawn Mercer]] (their admin) on {{Oct 28}}, customer is using the old one. Also pls revoke the key above, it's now in the ticket history.",
    ),
    (
        "support_ticket",
        "en/ukrainian-greek",
        "[GDPR] Request to delete personal data — {{TKT-55210}}\nChannel: email | Queue: {{Privacy}} | SLA: {{30 days}}\n\nDear Support,\n\nI, [[PERSON|Eleni Tsakalidou]], request erasure of all my personal data under {{Article 17 GDPR}}. I was entered into your system by {{Karras & Partners Law}} (Athens) as a lead in {{2023}} without my consent.\nMy details for identification: [[EMAIL|eleni.tsak@gmail.com]], [[PHONE|+30 210 722 4418]].\n\nPlease also delete my husband [[PERSON|Bohdan Kravets]] ([[PHONE|+380 93 417 2280]]).\n\nRegards,\n[[PERSON|E. Tsakalidou]]\n\n> Agent reply draft ([[PERSON|Sophie]]): Hi [[PERSON|Eleni]], thanks for reaching out. Your record lives in the workspace of our customer {{Karras & Partners}}, who is the controller…\n\nPlease rewrite the agent reply so it's clearer and mentions the {{DPA}} v{{2.1}}.",
    ),
    (
        "support_ticket",
        "en/nigerian-british",
        "ticket: {{CS-90331}} — billing dispute\nopened by: [[PERSON|Olumide Adeyemi-Clarke]] ([[EMAIL|olumide@adeyemiclarke.co.uk]])\nplan: {{Growth annual}} | amount: {{£2,940.00}} | charged twice on {{14 Feb}}\n\ncustomer msg:\n\"Hello, I've been charged twice on my company card [[CREDIT_CARD|4161 2482 9211 2481]], see attached statement. Please refund one of the charges ASAP. You can reach me on [[PHONE|07456 219880]] or my PA [[PERSON|Precious Eze]] on [[PHONE|+234 803 551 2097]] (she's in Lagos this week).\nAlso the invoice address is wrong, it should be [[ADDRESS|Flat 12, 40 Clapham Road, London SW9 0JQ]]\n— [[PERSON|Olu]]\"\n\nnotes from [[PERSON|Frankie]] (billing): confirmed duplicate via {{Stripe}}, refund {{ch_3Ox..}} pending. [[PERSON|Olumide]] also asked for {{Valentine's Day}} discount lol, ignore.\n\nTask: write the reply confirming refund in 5–7 business days.",
    ),
    (
        "support_ticket",
        "en/malaysian-chinese",
        'JIRA {{INT-2291}} — Customer sync failing ({{PostgreSQL}} connector)\nReporter: [[PERSON|Tan Wei Ling]] (Customer Success, KL)\nCustomer: {{Lim Brothers Hardware Sdn Bhd}}\nEnv: prod | connector {{v2.8.4}}\n\nError log pasted by customer:\n```\n2025-03-03T02:14:55Z ERROR sync: could not connect to postgres://lim_admin:[[SECRET|Hw4rd#2025!kl]]@db.limbros.com.my:5432/crm\n2025-03-03T02:14:55Z WARN client ip [[IP_ADDRESS|175.139.42.6]]\n```\nCustomer contact: [[PERSON|Lim Kok Seng]] ("[[PERSON|Ah Seng]]"), [[PHONE|+60 3-2141 8870]], [[EMAIL|kokseng@limbros.com.my]]\nSG office contact: [[PERSON|Nurul Aisyah binti Hassan]] [[PHONE|+65 9147 2286]]\n\n[[PERSON|Wei Ling]]: pls reply to Mr [[PERSON|Lim]] explaining the password got exposed in the log and he should rotate it before {{Hari Raya}} freeze.',
    ),
    (
        "support_ticket",
        "he/mizrahi",
        'קריאה {{#45120}} | דחיפות: גבוהה | מוצר: {{אפליקציית מובייל}}\nנושא: לא מצליחה להתחבר מאז העדכון\n\nמאת: [[PERSON|מורן אזולאי]] ([[EMAIL|moran.azulay@azulay-ins.co.il]])\nחברה: {{אזולאי סוכנות לביטוח}}\n\nהיי, מאז שעדכנתי לגרסה {{4.12.0}} אני מקבלת "שגיאת אימות". ניסיתי מהמשרד וגם מהבית.\nה-IP של המשרד: [[IP_ADDRESS|31.154.87.220]], מהבית: [[IP_ADDRESS|109.67.193.4]]\nהסיסמה שניסיתי: pwd: [[SECRET|Moran1987!!]] (אולי זה יעזור?)\nטלפון: [[PHONE|054-6602173]]\n\nתודה, [[PERSON|מורן]]\n\n---\nהערת נציג ([[PERSON|עדי]]): צריך לבקש ממנה לשנות סיסמה מיד. בנוסף [[PERSON|יצחק אזולאי]] (בעל הסוכנות) ביקש שנחזור אליו למשרד [[PHONE|03-7604455]] עד יום {{חמישי}}.',
    ),
    (
        "support_ticket",
        "he/anglo-oleh",
        'פנייה לשירות – {{חיוב כפול}}\nמספר פנייה: {{TCK-8830}}\nלקוח: [[PERSON|Jonathan]] "[[PERSON|Yoni]]" [[PERSON|Adler]] / [[PERSON|יונתן אדלר]]\nחברה: {{אדלר את שות\' רואי חשבון}}\n\nהלקוח כתב (חצי אנגלית חצי עברית):\n"Hi, חויבתי פעמיים על {{חבילת Pro}} בחודש {{מרץ}}. Please refund לחשבון הזה: [[IBAN|IL550785414924657607598]]. ת.ז. שלי לאימות [[IL_ID|665425989]]. תודה, [[PERSON|Yoni]]"\n\nפרטי קשר: [[PHONE|058-4412097]], משרד [[PHONE|+972 2 623 1184]]\nכתובת: [[ADDRESS|רחוב עמק רפאים 31, ירושלים]]\n\nהערה פנימית: [[PERSON|שני]] מהנה"ח בדקה – יש חיוב כפול של {{₪890}}. לזכות עד {{10.4}}. לא לשלוח את ה-IBAN חזרה במייל!',
    ),
    (
        "support_ticket",
        "he/yemenite-russian",
        'כרטיס תמיכה {{SUP-20917}} – ייבוא אנשי קשר נכשל\n\nפותח הקריאה: [[PERSON|הדס צנעני]] (מנהלת מערכת ב{{צנעני תכשיטים}})\nנציג מטפל: [[PERSON|מקסים לוין]]\n\nתיאור: ניסיתי לייבא קובץ אקסל של 2,300 אנשי קשר מ{{Priority}} והמערכת נתקעה ב-{{67%}}.\nדוגמה לשורה שנכשלה (מהקובץ):\n[[PERSON|עדן שרעבי]], [[PHONE|050-9137742]], [[EMAIL|eden.sharabi@gmail.com]], {{ראש העין}}\n\n[[PERSON|מקסים]]: השורה נכשלת כי יש תו נסתר אחרי המייל. [[PERSON|הדס]] – תנסי לשמור כ-CSV UTF-8.\n[[PERSON|הדס]]: ניסיתי, עדיין לא. אני צריכה את זה לפני מבצע {{ט"ו באב}}!!\n\nבקשה: תכתוב תשובה ל[[PERSON|הדס]] עם הוראות צעד-אחר-צעד.',
    ),
    (
        "support_ticket",
        "ar/saudi",
        "تذكرة دعم رقم {{#TK-7741}} – مشكلة في الفوترة\nالأولوية: عالية\n\nمن: [[PERSON|ريم الزهراني]] <[[EMAIL|reem.z@zahrani-clinics.sa]]>\nالجهة: {{مجمع الزهراني الطبي}}\n\nالسلام عليكم، انخصم مني مبلغ {{SAR 3,450}} مرتين على البطاقة [[CREDIT_CARD|5138 0717 1095 6587]] يوم {{12 مارس}}. أبي استرجاع المبلغ بأسرع وقت.\nجوالي: [[PHONE|+966 55 731 0428]]\nهاتف المجمع: [[PHONE|012 661 4907]]\nالعنوان: [[ADDRESS|حي الروضة، شارع الأمير سلطان، جدة 23435]]\n\nملاحظة: المدير المالي أ. [[PERSON|بندر الغامدي]] يبي نسخة من الفاتورة {{INV-SA-0093}}.\n\nرد الموظف ([[PERSON|لمى]]): تم رفع الطلب لقسم المالية، المبلغ يرجع خلال {{7 أيام عمل}}.",
    ),
    (
        "support_ticket",
        "ar/moroccan-msa",
        "بلاغ رقم {{SR-3382}} – تعذّر تصدير التقارير\nالمنتج: {{وحدة التقارير}} الإصدار {{3.4.1}}\n\nنص البلاغ:\nالسادة الكرام، نحن في {{شركة العلوي للتوزيع}} لا نستطيع تصدير تقارير المبيعات منذ يوم {{الجمعة}}. قمنا بتجربة الواجهة البرمجية بالمفتاح التالي: [[SECRET|ak_prod_Zr7Kp2Wq9Xm4Tn6Lb1Vc8Hd]] دون نتيجة.\nالمسؤول التقني: المهندس [[PERSON|عمر العلوي]] – [[PHONE|+212 7 61 44 82 09]]\nالمديرة: السيدة [[PERSON|زهرة بناني]] – [[PHONE|+212 5 37 72 18 40]] – [[EMAIL|zahra.bennani@alaoui-distribution.ma]]\nعنوان الشركة: [[ADDRESS|45 شارع محمد الخامس، الطابق 3، الرباط]]\n\nمع الشكر، [[PERSON|عمر]]\n\nتعليق داخلي: يجب إبلاغ [[PERSON|زهرة]] بإلغاء المفتاح فوراً لأنه ظهر في البلاغ.",
    ),
    (
        "support_ticket",
        "hi/north-indian",
        'टिकट {{#IN-66102}} – लॉगिन समस्या\nग्राहक: [[PERSON|अंकित शर्मा]], {{शर्मा एंड संस प्रॉपर्टीज़}}, जयपुर\nईमेल: [[EMAIL|ankit.sharma@sharmasons.in]]\nमोबाइल: [[PHONE|+91 98110 47235]] | ऑफिस: [[PHONE|+91 141 272 4419]]\n\nग्राहक का संदेश:\n"नमस्ते, {{दिवाली}} ऑफर के बाद से हमारी टीम लॉगिन नहीं कर पा रही। मेरी पार्टनर [[PERSON|पूजा अग्रवाल]] को भी यही error आ रहा है। हमारे ऑफिस का IP [[IP_ADDRESS|49.36.127.90]] है। please जल्दी fix करें, {{31 अक्टूबर}} तक {{₹2,40,000}} की deals close करनी हैं।"\n\nएजेंट नोट ([[PERSON|Rohit]]): IP whitelist में नहीं था। [[PERSON|अंकित]] जी को {{Admin Console}} से जोड़ने के steps भेजने हैं।',
    ),
    (
        "insights_prompt",
        "en/israeli-emirati-mixed",
        'You are a sales analyst. Using the table below, identify (1) which deals are at risk of slipping past {{Q3}}, (2) which rep needs help, (3) one sentence per deal on next action. Be blunt.\n\n| Deal | Account | Contact | Rep | Amount | Stage | Last activity |\n|---|---|---|---|---|---|---|\n| {{D-2041}} | {{Levinson Brothers Optics}} | [[PERSON|Eden Levinson]] | [[PERSON|Roni]] | {{$84,000}} | {{Legal}} | {{Aug 2}} |\n| {{D-2047}} | {{Al Habtoor Fit-Out}} | [[PERSON|Sultan Al Habtoor]]?? (check, might be [[PERSON|Saeed]]) | [[PERSON|Roni]] | {{AED 260,000}} | {{Proposal}} | {{Jul 14}} |\n| {{D-2052}} | {{Tzur Water Tech}} | [[PERSON|Tzur Biton]] | [[PERSON|Amber Knight]] | {{$41,500}} | {{Demo}} | {{Aug 9}} |\n| {{D-2058}} | {{Jumeirah Beach Clinics}} | Dr. [[PERSON|Lina Farouk]] | [[PERSON|Amber Knight]] | {{$120,000}} | {{Negotiation}} | {{Jun 30}} |\n\nContext: [[PERSON|Roni]] is new (started {{June}}). [[PERSON|Amber]] is our top rep but overloaded. Note "[[PERSON|Tzur]]" is both the contact\'s first name and the company name.',
    ),
    (
        "insights_prompt",
        "en/african-european",
        "Prompt: Given these open opportunities, write a forecast commentary (max 150 words) for the {{EMEA}} leadership call on {{Monday}}. Mention top 2 risks.\n\nopp | contact | phone | owner | amount | close | prob\n{{Cape Vineyards Group}} | [[PERSON|Lerato Mokoena]] | [[PHONE|+27 83 227 4411]] | [[PERSON|Bill Foster]] | {{€65k}} | {{Sep 30}} | {{60%}}\n{{Lagos Fintech Hub}} | [[PERSON|Chukwuemeka Obi]] | [[PHONE|+234 803 551 2097]] | [[PERSON|Bill Foster]] | {{€140k}} | {{Oct 15}} | {{40%}}\n{{Maison Durand Hôtels}} | [[PERSON|Amélie Durand]] | [[PHONE|+33 6 71 22 48 90]] | [[PERSON|Niamh O'Sullivan]] | {{€52k}} | {{Sep 12}} | {{80%}}\n{{Brennan Freight}} | [[PERSON|Sean Brennan]] | [[PHONE|+44 7824 660 193]] | [[PERSON|Niamh O'Sullivan]] | {{€33k}} | {{Nov 1}} | {{30%}}\n\nnb: [[PERSON|Amélie]] is going on mat leave in {{October}}, her deputy is [[PERSON|Hugo]]. and \"{{Maison Durand}}\" the brand predates her, she married into the family.",
    ),
    (
        "insights_prompt",
        "en/aus-nz-south-asian",
        "Analyse churn risk for these accounts and output JSON {account, risk: low|med|high, reason}. Use only the data given.\n\n| Account | Champion | Email | Seats used | NPS | Renewal | Notes |\n|---|---|---|---|---|---|---|\n| {{Kowhai Tours}} | [[PERSON|Aroha Ngata]] | [[EMAIL|aroha@kowhaitours.nz]] | 4/20 | {{6}} | {{2025-10-01}} | [[PERSON|Aroha]] mentioned budget cuts |\n| {{Dhillon Transport}} | [[PERSON|Harpreet Dhillon]] | [[EMAIL|harpreet@dhillontransport.com.au]] | 38/40 | {{9}} | {{2025-12-15}} | loves {{Fleet add-on}} |\n| {{Summer Hill Dental}} | Dr. [[PERSON|Priyanka Rao]] | [[EMAIL|p.rao@summerhilldental.com.au]] | 7/15 | {{7}} | {{2025-09-20}} | champion leaving in {{Sept}}, replacement [[PERSON|Summer Lee]] |\n| {{Fraser Island Kayaks}} | [[PERSON|Jake Fraser]] | [[EMAIL|jake@fikayaks.com.au]] | 2/5 | {{3}} | {{2025-08-30}} | complained about {{v6.2}} bugs, mobile [[PHONE|+61 412 339 805]] |\n\nNote: {{Summer Hill}} is a suburb in Sydney; [[PERSON|Summer Lee]] is a person.",
    ),
    (
        "insights_prompt",
        "en/gulf-levant-mixed",
        'Score these inbound leads 1–10 for fit with our {{Enterprise}} ICP (≥200 employees, GCC HQ, uses {{SAP}} or {{Oracle}}). Flag any where IP location doesn\'t match stated HQ.\n\nname | company | employees | HQ | IP | IP location | ERP\n[[PERSON|Abdulrahman Al Qasimi]] | {{Qasimi Ports & Logistics}} | 1,200 | {{Sharjah}} | [[IP_ADDRESS|94.203.77.12]] | {{Sharjah}} | {{SAP S/4HANA}}\n[[PERSON|Layal Nassar]] | {{Nassar Cosmetics}} | 85 | {{Dubai}} | [[IP_ADDRESS|185.84.108.30]] | {{Beirut}} | none\n[[PERSON|Faisal bin Nasser Al Otaibi]] | {{Otaibi Holding}} | 640 | {{Riyadh}} | [[IP_ADDRESS|2a02:9b0:4023:11::1c7]] | {{Riyadh}} | {{Oracle EBS}}\n[[PERSON|Mark Jansen]] | {{Desert Rose Hotels}} | 310 | {{Abu Dhabi}} | [[IP_ADDRESS|82.178.201.66]] | {{Muscat}} | {{Opera PMS}}\n\n[[PERSON|Layal]] wrote in the form: "pls call me on [[PHONE|+971 58 990 1734]]". [[PERSON|Mark]] is the {{Director of Sales}}; note {{Desert Rose}} is the hotel brand, not a person.',
    ),
    (
        "insights_prompt",
        "he/mixed-israeli",
        'אתה אנליסט מכירות. לפי הטבלה, תגיד לי איזה 2 עסקאות הכי כדאי לדחוף עד סוף {{הרבעון}}, ולמה. תענה בעברית, בנקודות.\n\n| עסקה | לקוח | איש קשר | טלפון | נציג | סכום | שלב |\n|---|---|---|---|---|---|---|\n| {{מערכת לוגיסטיקה}} | {{שטראוס-לוי הפצה}} | [[PERSON|לביא שטראוס]] | [[PHONE|050-3328417]] | [[PERSON|מעיין]] | {{₪210,000}} | {{משא ומתן}} |\n| {{הרחבת רישיונות}} | {{קבוצת עמית}} | [[PERSON|אורנה עמית]] | [[PHONE|052-2207754]] | [[PERSON|יובל כהן]] | {{₪48,000}} | {{הצעה}} |\n| {{פיילוט}} | {{מלון הרצל}} | [[PERSON|ניסים טרבלסי]] | [[PHONE|053-4482217]] | [[PERSON|מעיין]] | {{₪15,000}} | {{דמו}} |\n| {{חידוש}} | {{גבעת שמואל מטבחים}} | [[PERSON|נוי בן שושן]] | [[PHONE|054-9913006]] | [[PERSON|יובל כהן]] | {{₪72,000}} | {{חוזה}} |\n\nהערה: "{{מלון הרצל}}" זה שם של מלון ב{{הרצליה}}. [[PERSON|לביא]] ביקש הנחה של {{12%}}.',
    ),
    (
        "insights_prompt",
        "he/druze-bedouin-ethiopian",
        "תסכם לי את ביצועי צוות הצפון והדרום ב{{פברואר}} לפי הנתונים, ותציע 3 פעולות:\n\nנציג,לידים,פגישות,עסקאות שנסגרו,הכנסה\n[[PERSON|סאמר חלבי]],42,11,4,{{₪64,000}}\n[[PERSON|עמית טספאי]],35,9,2,{{₪27,500}}\n[[PERSON|חוסיין אלעטאונה]],51,14,6,{{₪91,200}}\n[[PERSON|שלום ולדה]],19,3,0,{{₪0}}\n\nהקשר:\n- [[PERSON|שלום]] היה במילואים רוב החודש\n- [[PERSON|חוסיין]] סגר את {{חוסיין חומרי בניין}} (לא קשור אליו, צירוף מקרים 🙂) ב{{רהט}}\n- [[PERSON|סאמר]] עובד בעיקר מול {{דלית אל-כרמל}} ו{{עוספיא}}\n- יעד חודשי לנציג: {{₪50,000}}\n\nתכתוב בטון חיובי, בלי להשוות בצורה משפילה.",
    ),
    (
        "insights_prompt",
        "ar/gulf-mixed",
        'أنت محلل مبيعات. حلّل الجدول التالي وقلّي أي الصفقات متأخرة وليش، وش الخطوة الجاية لكل وحدة:\n\n| الصفقة | العميل | الشخص المسؤول | الجوال | المندوب | القيمة | آخر تواصل |\n|---|---|---|---|---|---|---|\n| {{DL-771}} | {{مؤسسة بن لادن للتوريدات}} | [[PERSON|منيرة السبيعي]] | [[PHONE|+966 53 118 4420]] | [[PERSON|ناصر]] | {{SAR 95,000}} | {{2 يونيو}} |\n| {{DL-774}} | {{فنادق الخليج}} | [[PERSON|عبدالله المهيري]] | [[PHONE|+971 50 228 4176]] | [[PERSON|نبيل]] | {{AED 140,000}} | {{20 مايو}} |\n| {{DL-779}} | {{مجموعة جمال للتجارة}} | [[PERSON|جمال الهاجري]] | [[PHONE|+965 9944 1872]] | [[PERSON|ناصر]] | {{KWD 8,000}} | {{28 مايو}} |\n\nملاحظة: {{مؤسسة بن لادن للتوريدات}} اسم تجاري ما له علاقة بالعائلة المعروفة. و"{{مجموعة جمال}}" صاحبها فعلاً [[PERSON|جمال]].',
    ),
    (
        "insights_prompt",
        "ar/egyptian-levantine",
        "عايزك تحلل الداتا دي وتطلعلي أكتر 3 أسباب للخسارة:\n\nالعميل | جهة الاتصال | سبب الخسارة | القيمة | المنافس\n{{صيدليات العزبي}} | د. [[PERSON|أمل حسني]] | السعر عالي | {{EGP 220,000}} | {{Zoho}}\n{{مطاعم أبو شقرة}} | [[PERSON|حسن أبو شقرة]] | مفيش دعم عربي كويس | {{EGP 90,000}} | {{Odoo}}\n{{ملحمة الأمين}} | [[PERSON|وفاء الأمين]] | اتأخرنا في الرد | {{JOD 4,500}} | {{HubSpot}}\n{{حلويات نفيسة}} | [[PERSON|بشرى الصباغ]] | السعر | {{EGP 60,000}} | {{Bitrix24}}\n\nملحوظات:\n- [[PERSON|أمل]] قالت إن عندها أمل نرجع نتكلم بعد {{العيد}}\n- رقم [[PERSON|حسن]]: [[PHONE|+20 111 448 2093]]\n- [[PERSON|وفاء]] في عمّان مش القاهرة",
    ),
    (
        "insights_prompt",
        "ar/iraqi-msa",
        "المطلوب: استخدم البيانات أدناه لإعداد تقرير موجز عن أداء فريق مبيعات العراق خلال {{الربع الثاني}}، مع توصيات.\n\n| المندوب | المحافظة | العملاء الجدد | الإيرادات | أبرز عميل |\n|---|---|---|---|---|\n| [[PERSON|مصطفى جبار]] | {{بغداد}} | 14 | {{IQD 96,000,000}} | [[PERSON|نور الهدى كريم]] ({{مستشفى الحياة}}) |\n| [[PERSON|سرى عبد الأمير]] | {{البصرة}} | 9 | {{IQD 71,500,000}} | [[PERSON|أبو حسين]] ({{شركة الفيحاء للنقل}}) |\n| [[PERSON|ئاكام عمر]] | {{أربيل}} | 11 | {{IQD 88,200,000}} | [[PERSON|Dilan Aziz]] ({{Zagros Steel}}) |\n\nمعلومات إضافية: رقم [[PERSON|ئاكام]] للتنسيق [[PHONE|+964 750 441 8822]]. [[PERSON|سرى]] كانت في إجازة خلال {{عاشوراء}}. الهدف الفصلي لكل مندوب {{IQD 80,000,000}}.",
    ),
    (
        "insights_prompt",
        "fa/iranian",
        "لطفاً بر اساس جدول زیر، یک تحلیل کوتاه از قیف فروش بنویس و بگو کدام سرنخ‌ها اولویت دارند:\n\n| نام | شرکت | تلفن | شهر | مرحله | مبلغ |\n|---|---|---|---|---|---|\n| [[PERSON|مهسا رضایی]] | {{رضایی فرش}} | [[PHONE|+98 912 448 3307]] | {{تهران}} | {{جلسه}} | {{€18,000}} |\n| [[PERSON|بهرام نیک‌پور]] | {{نیک‌پور صنعت}} | [[PHONE|021 8844 1927]] | {{تهران}} | {{پیشنهاد}} | {{€42,000}} |\n| [[PERSON|شیرین]] ([[PERSON|شیری]]) [[PERSON|کاظمی]] | {{کاظمی و شرکا}} | [[PHONE|+98 935 227 1049]] | {{شیراز}} | {{سرنخ جدید}} | — |\n| [[PERSON|Darius Farahani]] | {{Farahani Trading}} | [[PHONE|+971 55 318 2204]] | {{Dubai}} | {{مذاکره}} | {{AED 90,000}} |\n\nنکته: [[PERSON|بهرام]] بعد از {{نوروز}} جواب می‌دهد. [[PERSON|داریوش]] ([[PERSON|Darius]]) شریک [[PERSON|مهسا]] در دبی است.",
    ),
    (
        "whatsapp_export",
        "en/indian-emirati",
        "Extract action items + any prices agreed from this WhatsApp export:\n\n[{{03/02/2025}}, 09:14:22] [[PERSON|Arjun Menon]]: Good morning [[PERSON|Hessa]] 🙏 did u get a chance to check the {{Eid}} bundle quote?\n[{{03/02/2025}}, 09:40:05] [[PERSON|Hessa Al Suwaidi]]: Morning! Yes. {{AED 18,900}} is too high habibi 😅\n[{{03/02/2025}}, 09:41:12] [[PERSON|Hessa Al Suwaidi]]: <Media omitted>\n[{{03/02/2025}}, 09:45:30] [[PERSON|Arjun Menon]]: Let me check with [[PERSON|Sreeja]] in finance. Can do {{AED 16,500}} if annual\n[{{03/02/2025}}, 10:02:51] [[PHONE|+971 50 671 3392]]: Hi this is [[PERSON|Maryam]], [[PERSON|Hessa]]'s sister, pls add me to the account also\n[{{03/02/2025}}, 10:03:10] [[PERSON|Hessa Al Suwaidi]]: yes add [[PERSON|Maryam]] she handles {{Al Suwaidi Perfumes}} Deira branch\n[{{03/02/2025}}, 10:20:44] [[PERSON|Arjun Menon]]: Done ✅ invoice goes to [[ADDRESS|Shop 14, Gold Souk Extension, Deira, Dubai]] right?\n[{{03/02/2025}}, 10:21:02] [[PERSON|Hessa Al Suwaidi]]: yes 👍 sign on {{Sunday}}\n[{{03/02/2025}}, 10:21:40] [[PERSON|Arjun Menon]]: 👍 my India no. if UAE one is off: [[PHONE|+91 94472 18830]]",
    ),
    (
        "whatsapp_export",
        "en/nigerian-british",
        "summarise this chat for the CRM timeline (3 lines max):\n\n12/01/25, 18:02 - [[PERSON|Tunde Bakare]]: Evening Ms. [[PERSON|Harriet]]! Quick one re the {{Premium}} plan\n12/01/25, 18:03 - [[PERSON|Tunde Bakare]]: my partner [[PERSON|Ifeoma]] says we need 15 seats not 10\n12/01/25, 18:10 - [[PERSON|Harriet Lowe]]: Hi [[PERSON|Tunde]] 👋 no problem, 15 seats = {{£675/mo}}\n12/01/25, 18:11 - [[PERSON|Harriet Lowe]]: I'll need [[PERSON|Ifeoma]]'s email for admin access\n12/01/25, 18:15 - [[PERSON|Tunde Bakare]]: [[EMAIL|ifeoma.n@bakarenwosu.com]] and her line [[PHONE|+234 816 402 7719]]\n12/01/25, 18:16 - [[PERSON|Tunde Bakare]]: This message was deleted\n12/01/25, 18:20 - [[PERSON|Harriet Lowe]]: Perfect. Contract for {{Bakare & Nwosu Estates}} coming tmrw\n12/01/25, 18:21 - [[PERSON|Tunde Bakare]]: 🙌🏾 lol ur like my fav sales rep [[PERSON|Harriet]]\n12/01/25, 18:22 - [[PERSON|Harriet Lowe]]: haha. you can also reach me on [[PHONE|+44 7456 331 208]] while I'm travelling for {{MWC}}",
    ),
    (
        "whatsapp_export",
        "en/american-greek",
        "Pls pull out the customer's objections from this thread and suggest replies:\n\n[5/14/25, 2:31:07 PM] [[PERSON|Nick Alexopoulos]]: yo [[PERSON|Jess]] its [[PERSON|nick]] from {{Alexopoulos Bakery Supply}}\n[5/14/25, 2:31:40 PM] [[PERSON|Nick Alexopoulos]]: my cousin [[PERSON|Dimitra]] says ur CRM is too complicated for our drivers lol\n[5/14/25, 2:45:12 PM] [[PERSON|Jessica Reyes-Hunter]]: Hey [[PERSON|Nick]]! Totally hear you. The {{Field App}} is like 3 taps, can I show [[PERSON|Dimitra]] a quick 10 min demo?\n[5/14/25, 2:47:55 PM] [[PERSON|Nick Alexopoulos]]: she's in Athens till {{Orthodox Easter}}, her # is [[PHONE|+30 697 228 4410]]\n[5/14/25, 2:48:20 PM] [[PERSON|Nick Alexopoulos]]: also $39 a user is steep, the {{Hunter Foods}} guys said they pay $25\n[5/14/25, 2:50:02 PM] [[PERSON|Jessica Reyes-Hunter]]: lol no relation to me 😂 {{Hunter Foods}} is on a legacy plan\n[5/14/25, 2:50:30 PM] [[PERSON|Jessica Reyes-Hunter]]: I can do {{$32}} on annual. cell is [[PHONE|+1 (929) 448-2017]] if easier\n[5/14/25, 2:52:00 PM] [[PERSON|Nick Alexopoulos]]: 👍 lemme talk to my dad [[PERSON|Stavros]]",
    ),
    (
        "whatsapp_export",
        "en/pakistani-saudi",
        "Chat export below. Q: did the customer agree to the price? and who is the decision maker?\n\n[{{21/09/2024}}, 11:02] [[PERSON|Faraz Siddiqui]]: Assalam o alaikum [[PERSON|Abu Saud]], hope you're well\n[{{21/09/2024}}, 11:30] [[PHONE|+966 56 772 0418]]: وعليكم السلام. Who is this?\n[{{21/09/2024}}, 11:31] [[PERSON|Faraz Siddiqui]]: [[PERSON|Faraz]] from the CRM company, we met at {{Big 5 Saudi}} 🙂\n[{{21/09/2024}}, 11:35] [[PHONE|+966 56 772 0418]]: Ah yes. I am [[PERSON|Saud bin Majed Al Harbi]], the owner of {{Al Harbi Steel Works}}. Send me the price\n[{{21/09/2024}}, 11:40] [[PERSON|Faraz Siddiqui]]: {{SAR 42,000}}/yr for 20 users, incl. onboarding in Arabic\n[{{21/09/2024}}, 11:52] [[PHONE|+966 56 772 0418]]: ok fine, talk to my son [[PERSON|Majed]] he will sign. [[PHONE|+966 59 441 2208]]\n[{{21/09/2024}}, 11:53] [[PERSON|Faraz Siddiqui]]: JazakAllah! Will call [[PERSON|Majed]] after {{Saudi National Day}}\n[{{21/09/2024}}, 12:10] [[PERSON|Faraz Siddiqui]]: btw my Pakistan WhatsApp is [[PHONE|+92 321 448 7702]]",
    ),
    (
        "whatsapp_export",
        "he/mizrahi",
        "תסכם את הצ'אט ותגיד מה סוכם:\n\n[{{14.1.2025}}, 08:12:40] [[PERSON|שרון אבוטבול]]: בוקר טוב [[PERSON|ליאור]] 🌞 קיבלתי את ההצעה\n[{{14.1.2025}}, 08:13:02] [[PERSON|שרון אבוטבול]]: {{₪1,890}} לחודש זה הרבה לנו\n[{{14.1.2025}}, 08:30:11] [[PERSON|ליאור]] (מכירות): היי [[PERSON|שרון]]! אפשר לרדת ל-{{₪1,650}} אם חותמים על שנתי\n[{{14.1.2025}}, 08:31:45] [[PERSON|שרון אבוטבול]]: צריכה לשאול את [[PERSON|מאיר]] (בעלי)\n[{{14.1.2025}}, 09:05:20] [[PHONE|+972 50-774-2291]]: שלום, זה [[PERSON|מאיר אבוטבול]]. מאשר. תשלחו חוזה ל{{אבוטבול קייטרינג}}\n[{{14.1.2025}}, 09:06:00] [[PERSON|ליאור]] (מכירות): מעולה 🙏 לאיזה כתובת?\n[{{14.1.2025}}, 09:07:33] [[PHONE|+972 50-774-2291]]: [[ADDRESS|רחוב הרצל 112, ראשון לציון]]\n[{{14.1.2025}}, 09:08:02] [[PERSON|שרון אבוטבול]]: ‏<המדיה לא נכללה>\n[{{14.1.2025}}, 09:10:18] [[PERSON|ליאור]] (מכירות): קיבלתי. נדבר אחרי {{ט\"ו בשבט}}",
    ),
    (
        "whatsapp_export",
        "he/russian-israeli",
        "הנה ייצוא מהוואטסאפ עם הלקוח, תוציא משימות פתוחות:\n\n03/03/2025, 19:44 - [[PERSON|Алекс Фридман]]: ערב טוב, זה [[PERSON|אלכס]] מ{{פרידמן גז ושירותים}}\n03/03/2025, 19:45 - [[PERSON|Алекс Фридман]]: [[PERSON|Таня]] שלחה לכם את רשימת הטכנאים?\n03/03/2025, 20:01 - [[PERSON|אושרת]] (CSM): היי [[PERSON|אלכס]], עוד לא 🙈 אפשר לשלוח שוב?\n03/03/2025, 20:03 - [[PERSON|Алекс Фридман]]: כן. המספר של [[PERSON|טניה]]: [[PHONE|052-6671408]]\n03/03/2025, 20:04 - [[PERSON|Алекс Фридман]]: ותזכירי לה שה{{חיבור לפריוריטי}} צריך להיות מוכן עד {{1 באפריל}}\n03/03/2025, 20:10 - [[PERSON|אושרת]] (CSM): רשמתי ✅ ועוד דבר – את המבצע של {{פסח}} אתם רוצים ב{{SMS}} או בוואטסאפ?\n03/03/2025, 20:12 - [[PERSON|Алекс Фридман]]: וואטסאפ. ותוסיפי את [[PERSON|ולדי]] לקבוצה: [[PHONE|+972 54-208-3371]]",
    ),
    (
        "whatsapp_export",
        "he/ethiopian-anglo",
        "צ'אט עם לקוח – תכין לי תקציר לכרטיס:\n\n[{{22/06/2025}}, 13:02] [[PERSON|Rachel Teferi]]: Hi! זאת [[PERSON|רחל]] מ{{טפרי אירועים}}, we met at the {{Eco Expo}}\n[{{22/06/2025}}, 13:05] [[PERSON|גיא]] (מכירות): היי [[PERSON|רחל]]! כמובן 😊\n[{{22/06/2025}}, 13:07] [[PERSON|Rachel Teferi]]: I need the CRM for 6 people. My partner [[PERSON|אברהם]] ([[PERSON|אבי]]) [[PERSON|ווביט]] will be the admin\n[{{22/06/2025}}, 13:08] [[PERSON|Rachel Teferi]]: הטלפון שלו [[PHONE|053-7714420]]\n[{{22/06/2025}}, 13:15] [[PERSON|גיא]] (מכירות): מעולה. {{Starter}} זה {{₪49}} למשתמש. רוצה ניסיון של {{14 יום}}?\n[{{22/06/2025}}, 13:16] [[PERSON|Rachel Teferi]]: yes please, send to [[EMAIL|rachel@teferi-events.co.il]]\n[{{22/06/2025}}, 13:20] [[PERSON|Rachel Teferi]]: btw we're closed for {{Sigd}} 🙏",
    ),
    (
        "whatsapp_export",
        "ar/emirati",
        "هذي محادثة واتساب مع عميل، لخصها في نقاط:\n\n[{{10/04/2025}}، 4:12 م] [[PERSON|شما المهيري]]: مساء الخير [[PERSON|أمين]]، شفت العرض\n[{{10/04/2025}}، 4:15 م] [[PERSON|أمين القاسم]]: مساء النور أستاذة [[PERSON|شما]] 🌷 شو رايج؟\n[{{10/04/2025}}، 4:20 م] [[PERSON|شما المهيري]]: زين بس نبا نضيف فرع {{خورفكان}}\n[{{10/04/2025}}، 4:22 م] [[PERSON|أمين القاسم]]: أكيد، يصير المجموع {{AED 52,000}} سنوياً\n[{{10/04/2025}}، 4:30 م] [[PHONE|+971 56 992 7410]]: السلام عليكم، معك [[PERSON|راشد]] أخو [[PERSON|شما]]، أنا المسؤول عن الفلوس\n[{{10/04/2025}}، 4:31 م] [[PHONE|+971 56 992 7410]]: أبي الفاتورة على {{مؤسسة راشد المهيري للتجارة}}\n[{{10/04/2025}}، 4:35 م] [[PERSON|أمين القاسم]]: تم 👍 وين نرسل العقد؟\n[{{10/04/2025}}، 4:40 م] [[PERSON|شما المهيري]]: [[ADDRESS|فيلا 22، شارع 19، حي الرفاعة، الشارقة]]",
    ),
    (
        "whatsapp_export",
        "ar/yemeni-saudi",
        "حلل المحادثة وقل لي هل العميل جاهز للشراء:\n\n{{5/2/25}}، 21:03 - [[PERSON|عبدالملك الحضرمي]]: مساء الخير، أنا [[PERSON|عبدالملك]] من {{بن محفوظ للعسل الحضرمي}}\n{{5/2/25}}، 21:04 - [[PERSON|عبدالملك الحضرمي]]: عندنا توزيع في {{جدة}} و{{المكلا}} ونبغى نظام للطلبات\n{{5/2/25}}، 21:10 - [[PERSON|هالة]] (المبيعات): أهلاً أستاذ [[PERSON|عبدالملك]]، كم عدد المستخدمين؟\n{{5/2/25}}، 21:12 - [[PERSON|عبدالملك الحضرمي]]: 12 تقريباً. وشريكي [[PERSON|صالح بن محفوظ]] يبي يجرب قبل\n{{5/2/25}}، 21:13 - [[PERSON|عبدالملك الحضرمي]]: رقمه اليمني [[PHONE|+967 77 341 8820]]\n{{5/2/25}}، 21:20 - [[PERSON|هالة]] (المبيعات): ممتاز، نرسل له تجربة {{14 يوم}}. السعر {{SAR 1,100}} شهرياً\n{{5/2/25}}، 21:25 - [[PERSON|عبدالملك الحضرمي]]: طيب بعد {{رمضان}} إن شاء الله 🍯",
    ),
    (
        "whatsapp_export",
        "tl/filipino",
        "Paki-summarize itong chat at ilista ang next steps:\n\n[{{08/08/2025}}, 10:02 AM] [[PERSON|Maricel Dela Cruz]]: Hi Sir [[PERSON|Jun]]! Si [[PERSON|Maricel]] po ito from {{Dela Cruz Trading}} 😊\n[{{08/08/2025}}, 10:05 AM] [[PERSON|Jun Reyes]]: Hello Ma'am [[PERSON|Maricel]]! Kumusta po? Natanggap niyo ba yung quote?\n[{{08/08/2025}}, 10:07 AM] [[PERSON|Maricel Dela Cruz]]: Opo, pero medyo mahal po yung {{PHP 185,000}} per year 😅\n[{{08/08/2025}}, 10:10 AM] [[PERSON|Jun Reyes]]: Kaya ko pong ibaba to {{PHP 160,000}} kung annual. Sino po ang mag-a-approve?\n[{{08/08/2025}}, 10:12 AM] [[PERSON|Maricel Dela Cruz]]: Si Boss [[PERSON|Tonyo]] po, [[PERSON|Antonio Dela Cruz]]. Number niya [[PHONE|+63 998 771 4025]]\n[{{08/08/2025}}, 10:13 AM] [[PERSON|Maricel Dela Cruz]]: Nasa Dubai po siya ngayon, [[PHONE|+971 52 418 7730]]\n[{{08/08/2025}}, 10:15 AM] [[PERSON|Jun Reyes]]: Sige po, tatawagan ko siya bago mag-{{Undas}}. Salamat po! 🙏",
    ),
    (
        "web_form",
        "en/american",
        "New form submission — \"{{Book a Demo}}\" ({{landing-page-v7}})\n-----------------------------------\nfirst_name: [[PERSON|Autumn]]\nlast_name: [[PERSON|Blackfeather-Ruiz]]\nwork_email: [[EMAIL|autumn.br@cedarpeakhealth.org]]\nphone: [[PHONE|(303) 918-4472]]\ncompany: {{Cedar Peak Health Partners}}\njob_title: {{Director, Patient Access}}\nteam_size: 51-200\ncurrent_crm: {{Salesforce Health Cloud}}\nmessage: hi, our {{Salesforce}} contract ends {{Dec 31}}. I'm evaluating options w/ my colleague [[PERSON|Reed Castellanos]] (IT). pls don't call before 9am MT!!\nhow_did_you_hear: podcast ({{SaaStr}})\nconsent_marketing: yes\n--- hidden ---\nutm_source: linkedin | utm_campaign: {{q4-healthcare-abm}}\nip: [[IP_ADDRESS|67.174.220.31]] | geo: {{Denver}}, US\nuser_agent: Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) {{Chrome/124.0}}\nsubmitted_at: {{2024-11-05 15:42:10 UTC}}",
    ),
    (
        "web_form",
        "en/american-indian",
        "Partner Program application (US) — please check completeness and summarise risk flags\n\nLegal name: [[PERSON|Rohan Vikram Desai]]\nPreferred name: [[PERSON|Ro]]\nBusiness: {{Desai Digital Consulting LLC}} (DBA {{Frank & Co Growth}})\nSSN / ITIN (for 1099): [[US_SSN|277-53-3820]]\nEmail: [[EMAIL|rohan@desaidigital.com]]\nMobile: [[PHONE|+1-919-448-2073]]\nAddress: [[ADDRESS|4410 Glenwood Ave, Suite 220, Raleigh, NC 27612]]\nPayout bank: ACH routing {{021000021}} / acct ending 7731\nReferences:\n 1. [[PERSON|Frank Liu]], {{VP Sales}}, {{Triangle Solar}}\n 2. [[PERSON|Meera Iyer]], former manager at {{Deloitte}}\nExpected referrals/yr: 10–15\nAgreed to {{Partner Terms v3.4}}: ✔\nSubmitted from IP [[IP_ADDRESS|2600:1700:5a0:8f20:6c1e:3b9d:aa02:4e71]] ({{Raleigh}})\n\nnote: the DBA is just a brand name; [[PERSON|Frank Liu]] (reference) is unrelated to it.",
    ),
    (
        "web_form",
        "en/ghanaian-canadian",
        'Contact Us form → route to right team\n\nName: [[PERSON|Abena Owusu-Ansah]]\nEmail: [[EMAIL|abena.oa@maplecocoa.ca]]\nPhone: [[PHONE|+1 514 448 2290]]\nAlt phone (Ghana office): [[PHONE|+233 30 277 4418]]\nCompany: {{Maple & Cocoa Imports Inc.}}\nCountry: Canada\nTopic: Sales inquiry\nMessage:\n"Hello, we import cocoa from Ghana into Montreal and Toronto. My brother [[PERSON|Kwame]] runs the Accra side. We currently use {{Zoho CRM}} + {{QuickBooks}} and need French + English. Budget ~{{CAD 800}}/month. Can someone call after {{Canada Day}}? Ask for [[PERSON|Abena]] or [[PERSON|Kwame Owusu-Ansah]]."\nPreferred language: EN\nGDPR/CASL consent: ✅\nIP: [[IP_ADDRESS|142.169.78.204]] (loc: {{Montréal}}, QC)',
    ),
    (
        "web_form",
        "en/emirati-british",
        '=== {{GITEX Global 2025}} VIP Meeting Registration ===\nSubmission ID: {{REG-77102}}\n\nFull name: [[PERSON|Latifa Al Daheri]]? → (corrected by attendee) [[PERSON|Latifa Saeed Al Dhaheri]]\nTitle: {{Chief Digital Officer}}\nOrganisation: {{Dhaheri Investments}}\nMobile: [[PHONE|050 418 9920]]\nEmail: [[EMAIL|latifa.dhaheri@dhaheri-inv.ae]]\nPA: [[PERSON|Charlotte Pembroke]], [[EMAIL|c.pembroke@dhaheri-inv.ae]], [[PHONE|+44 20 7183 4410]]\nPreferred slot: {{Tue 14 Oct}}, 11:00–11:30, {{Hall 7}}\nPayment (meeting room deposit {{AED 1,250}}): card [[CREDIT_CARD|4401 8771 8033 7386]] exp {{09/28}}\nDietary: none\nIP: [[IP_ADDRESS|86.96.204.117]] — {{Abu Dhabi}}\nNotes from attendee: "Please ensure [[PERSON|Charlotte]] is copied on everything."',
    ),
    (
        "web_form",
        "he/mizrahi",
        'טופס "צור קשר" חדש מהאתר (עמוד {{מחירון}})\n\nשם מלא: [[PERSON|חן אוחיון]]\nטלפון: [[PHONE|0547712093]]\nאימייל: [[EMAIL|chen.ohayon@ohayon-garage.co.il]]\nשם העסק: {{מוסך אוחיון ובניו}}\nעיר: {{קריית מוצקין}}\nמספר עובדים: 8\nתוכן הפנייה: היי, אני רוצה לשמוע על {{חבילת Basic}}. יש לנו מוסך ב{{קריית מוצקין}} ואנחנו רוצים לשלוח תזכורות ל{{טסט}} ללקוחות. אבא שלי [[PERSON|שמעון]] הוא הבעלים אבל אני מנהל את זה. אפשר לדבר ב{{יום ראשון}}?\nאישור דיוור: כן\n----\nIP: [[IP_ADDRESS|147.235.192.58]] | מיקום: {{חיפה}}\nUTM: google / cpc / {{crm-garages-north}}\nנשלח: {{12/05/2025 21:17}}',
    ),
    (
        "web_form",
        "he/arab-israeli",
        'הרשמה לוובינר: "{{איך לנהל צוות מכירות בוואטסאפ}}" – {{יום שלישי}} 11:00\n\nשם פרטי: [[PERSON|רנין]]\nשם משפחה: [[PERSON|מסארווה]]\nתפקיד: {{מנהלת שיווק}}\nחברה: {{מסארווה פרמה}}\nיישוב: {{טייבה}}\nנייד: [[PHONE|052-3441908]]\nטלפון במשרד: [[PHONE|09-8614432]]\nמייל: [[EMAIL|raneen.m@masarwa-pharma.co.il]]\nאיך שמעת עלינו: חברה המליצה – [[PERSON|דנה גבאי]]\nשאלה למרצה: האם אפשר לחבר את המערכת ל{{WhatsApp Business API}} ול{{חשבונית ירוקה}}?\nת.ז. (לקבלת תעודה): [[IL_ID|747174290]]\n---\nip_address: [[IP_ADDRESS|5.29.14.231]]\ngeo: {{פתח תקווה}}, IL',
    ),
    (
        "web_form",
        "ar/saudi",
        "طلب عرض سعر جديد من الموقع\n================\nالاسم الكامل: [[PERSON|نواف بن عبدالله العتيبي]]\nالمنصب: {{مدير المبيعات}}\nالشركة: {{شركة العتيبي للأغذية}}\nالمدينة: {{الدمام}}\nالجوال: [[PHONE|0501947736]]\nالهاتف: [[PHONE|+966 13 882 4410]]\nالبريد: [[EMAIL|nawaf.otaibi@otaibi-foods.sa]]\nعدد المستخدمين: 40\nالباقة المطلوبة: {{باقة المؤسسات}}\nالرسالة: نبغى نظام يتكامل مع {{SAP}} ويطلع فواتير متوافقة مع {{هيئة الزكاة والضريبة}}. الأفضل التواصل مع زميلي [[PERSON|منصور]] ([[EMAIL|mansour@otaibi-foods.sa]]) بعد {{موسم الرياض}}.\n----\nIP: [[IP_ADDRESS|2001:16a2:c0a1:3e44::9]] | الموقع: {{الخبر}}\nالمصدر: {{Google Ads}}",
    ),
    (
        "web_form",
        "ar/egyptian",
        'فورم "اطلب ديمو" – إدخال جديد\n\nالاسم: [[PERSON|سعاد عبد الرازق]]\nالموبايل: [[PHONE|+20 127 771 4408]]\nالإيميل: [[EMAIL|souad.abdelrazek@nile-furniture.com.eg]]\nالشركة: {{نايل للأثاث}}\nالمحافظة: {{دمياط}}\nالوظيفة: {{مديرة المبيعات}}\nعدد المناديب: 25\nرسالة: محتاجين سيستم نتابع بيه المعارض بتاعتنا في دمياط و{{التجمع الخامس}}. المدير العام أ. [[PERSON|نبيل رزق]] هيحضر الديمو، ياريت يكون بعد {{عيد الأضحى}}. العنوان لو هتبعتوا حد: [[ADDRESS|٧ شارع الجلاء، الدور التاني، دمياط الجديدة]]\nموافقة على الشروط: نعم\n----\nip: [[IP_ADDRESS|156.197.41.88]] – {{القاهرة}}\nutm_campaign: {{ramadan_offer_2025}}',
    ),
    (
        "web_form",
        "ar/qatari-jordanian",
        "Form: {{Enterprise Inquiry}} (AR)\n\nالاسم: [[PERSON|جواهر آل ثاني]]\nالجهة: {{مجموعة الريان للضيافة}}\nالمسمى: {{رئيسة قسم تجربة العملاء}}\nالجوال: [[PHONE|+974 7011 4429]]\nالبريد: [[EMAIL|jawaher@rayyan-hospitality.qa]]\nجهة اتصال بديلة: [[PERSON|محمد الزعبي]] (أردني، مدير تقنية المعلومات) – [[PHONE|+962 79 881 4402]]\nالرسالة: نبحث عن نظام CRM يدعم العربية والإنجليزية لفنادقنا في {{الدوحة}} و{{الوكرة}}، ويتكامل مع {{Opera PMS}}. نريد عرضاً قبل {{اليوم الوطني القطري}}.\nالميزانية: {{QAR 300,000 – 450,000}}\nIBAN للاسترداد (إن وجد): [[IBAN|QA65QNBA6FZ3PZ8VZXBCGWEE1K5MG]]\n----\nIP: [[IP_ADDRESS|89.211.160.42]] ({{Doha}})",
    ),
    (
        "web_form",
        "ur/pakistani",
        'ویب فارم جمع کرایا گیا — "{{مفت ٹرائل}}"\n\nنام: [[PERSON|عائشہ ملک]]\nکمپنی: {{ملک ٹیکسٹائل ملز}}\nعہدہ: {{سیلز منیجر}}\nموبائل: [[PHONE|0300 4471188]]\nدفتر: [[PHONE|+92 42 3571 4420]]\nای میل: [[EMAIL|ayesha.malik@maliktextile.pk]]\nپتہ: [[ADDRESS|پلاٹ 44، قائد اعظم انڈسٹریل اسٹیٹ، کوٹ لکھپت، لاہور]]\nپیغام: السلام علیکم، ہمیں {{واٹس ایپ}} کے ساتھ CRM چاہیے۔ میرے بھائی [[PERSON|بلال ملک]] ([[PHONE|+92 333 218 7704]]) فیصلہ کریں گے۔ {{عید الفطر}} کے بعد رابطہ کریں۔ بجٹ تقریباً {{PKR 150,000}} ماہانہ۔\n----\nIP: [[IP_ADDRESS|39.41.208.117]] | مقام: {{لاہور}}',
    ),
    (
        "deal_review",
        "en/israeli-american",
        "## Deal review — {{Goldfarb Medical Devices}} ({{DL-6620}})\n**ACV:** {{$186,000}} | **Stage:** {{Commit}} | **Close:** {{Sept 30}} | **Owner:** [[PERSON|Noa Ben-Ami]]\n\n**Metrics:** cut lead response from 3 days → same day; 400 reps on {{HubSpot}} today\n**Economic buyer:** [[PERSON|Ira Goldfarb]] (CEO; yes, son of the founder — company is named after his grandfather)\n**Decision criteria:** HIPAA, {{SOC 2}}, Hebrew UI for the Petah Tikva R&D team\n**Decision process:** [[PERSON|Ira]] → board on {{Sept 18}}\n**Paper process:** legal = [[PERSON|Grace Whitfield-Osei]], slow, wants our {{DPA v2.3}}\n**Pain:** lost {{$2M}} tender last year; [[PERSON|Ira]] still mad about it\n**Champion:** [[PERSON|Yaniv Shaked]] ({{VP Sales}}), [[PHONE|+1 (212) 604-3318]], IL mobile [[PHONE|052-4419087]]\n**Competition:** {{Salesforce}} (incumbent at parent co)\n\nRisks: [[PERSON|Yaniv]] is going on paternity leave in {{October}}; {{Rosh Hashanah}} + {{Yom Kippur}} fall right around close. [[PERSON|Noa]] to ask for signature before {{Sept 22}}.",
    ),
    (
        "deal_review",
        "en/saudi-british",
        "Deal Review — Pipeline call {{Wed}}\nAccount: {{Al Rajhi & Whitmore Engineering JV}}\nOpportunity: {{Field Sales Suite}}, 220 users, {{SAR 1.4M}} over 3 yrs\nRep: [[PERSON|Oliver Brennan]] | SE: [[PERSON|Hamza Qureshi]]\n\nStakeholders:\n- Eng. [[PERSON|Tariq Al Mutairi]] — {{GM}}, economic buyer. Met him at {{LEAP}}. mobile [[PHONE|+966 50 448 1270]]\n- [[PERSON|Harriet Whitmore]] — UK side CFO, skeptical, wants GBP pricing. [[PHONE|+44 7700 118 442]]\n- [[PERSON|Lulwa]] — PMO, our unofficial champion\n\nWhat's changed since last review:\n1. [[PERSON|Tariq]] verbally approved on {{12 Feb}}\n2. [[PERSON|Harriet]] asked for {{GBP}} invoicing + {{IFRS 15}} rev-rec letter\n3. {{Vision 2030}} localisation clause — need Arabic contract\n\nAsk from leadership: approve {{18%}} discount + {{90-day}} payment terms. Next meeting after {{Founding Day}}.\n[[PERSON|Oliver]]'s view: 70% to close this quarter.",
    ),
    (
        "deal_review",
        "en/italian-spanish",
        "DEAL REVIEW / {{Rossi & Ferrero Alimentari}} → {{EU expansion}}\n\nsummary: 3 countries (IT, ES, PT), {{€210k}} yr1, we're in {{Proposal}} stage, competitor {{Microsoft Dynamics 365}} has a partner onsite in Milan\n\nppl:\n• [[PERSON|Giulia Ferrero]] – {{COO}} – likes us, [[PHONE|+39 02 8744 2109]]\n• [[PERSON|Marco Rossi]] – {{CFO}}, not family (the founder was [[PERSON|Giovanni Rossi]], d. 1998)\n• [[PERSON|Álvaro Gutiérrez-Prieto]] – Spain country mgr, mobile [[PHONE|+34 655 418 227]], wants Spanish UI + SII tax integration\n• [[PERSON|Vicky]] ([[PERSON|Marco]]'s EA) – gatekeeper lol\n\nrisks:\n- [[PERSON|Marco]] wants {{Ferragosto}} freeze respected, nothing signed {{Aug 10–25}}\n- [[PERSON|Álvaro]] pushing {{Holded}} for Spain only\n\nplan: exec sponsor call ([[PERSON|Frank]] our CRO) w/ [[PERSON|Giulia]] before {{July 31}}.",
    ),
    (
        "deal_review",
        "en/omani-indian-nepali",
        "**Weekly deal review — {{Muscat Pearl Logistics}}**\nAmount: {{OMR 38,000}} | Prob: {{55%}} | Stage: {{Technical validation}}\nOwner: [[PERSON|Sanjay Krishnamurthy]] | Manager: [[PERSON|Hope Adeyemi]]\n\nContacts:\n| name | role | phone |\n|---|---|---|\n| [[PERSON|Said bin Hamed Al Busaidi]] | {{Managing Director}} | [[PHONE|+968 2449 1180]] |\n| [[PERSON|Bikash Thapa]] | {{Warehouse Supervisor}} | [[PHONE|+977 985-1022418]] |\n| [[PERSON|Amira Al Lawati]] | {{IT Manager}} | [[PHONE|+968 7188 4420]] |\n\nUpdates: [[PERSON|Amira]] ran the API tests, all green except {{Oracle}} sync. [[PERSON|Bikash]] is the daily user, loves the barcode app. [[PERSON|Said]] travelling to Salalah for {{Khareef}} season, back mid-{{August}}.\nBlockers: data residency — they want Oman-hosted; we only have {{AWS me-central-1}} (UAE).\n[[PERSON|Hope]]: escalate residency question to product by {{Thursday}}.",
    ),
    (
        "deal_review",
        "he/ashkenazi",
        'סקירת עסקה – {{ברגמן אלקטרוניקה}}\nשווי: {{₪340,000}} | שלב: {{מו"מ}} | סגירה צפויה: {{סוף יוני}} | אחראי: [[PERSON|רון שטרן]]\n\nמקבלי החלטות:\n- ד"ר [[PERSON|מיכל ברגמן]] – מנכ"לית, הבת של המייסד. בעד.\n- [[PERSON|עמוס וייס]] – סמנכ"ל כספים, נגד. טוען ש{{Monday.com}} מספיק להם. [[PHONE|03-6884120]]\n- [[PERSON|נטע]] – מנהלת תפעול, השפעה גבוהה, [[PHONE|050-7119245]]\n\nמה השתנה:\n1. [[PERSON|מיכל]] אישרה פיילוט ב{{מחסן מודיעין}}\n2. [[PERSON|עמוס]] ביקש השוואת TCO ל-3 שנים\n3. המתחרה הציע {{20%}} הנחה\n\nבקשה מההנהלה: לאשר {{15%}} + {{חודשיים חינם}}.\nהערכה של [[PERSON|רון]]: 60% סיכוי, הסיכון העיקרי – [[PERSON|עמוס]].',
    ),
    (
        "deal_review",
        "he/mizrahi-druze",
        "Deal review – {{חברת נסים שחר הובלות}} (כן, זה שם החברה, לא של איש קשר)\n\n📊 {{₪96,000}} לשנה | {{40 משתמשים}} | {{שלב: הצעה}}\n👤 אחראית: [[PERSON|יעל]] | מלווה: [[PERSON|ג'אבר ח'יר]]\n\nאנשי קשר:\n• [[PERSON|אליהו]] ([[PERSON|אלי]]) [[PERSON|בוזגלו]] – מנכ\"ל, [[PHONE|04-9537711]]\n• [[PERSON|ואאל קיוף]] – מנהל צי, מ{{ירכא}}, [[PHONE|054-3928810]]\n• [[PERSON|אפרת]] – הנה\"ח\n\nמה קרה השבוע:\n- [[PERSON|ואאל]] השתתף בדמו וביקש חיבור ל{{Waze for Fleets}}\n- [[PERSON|אלי]] שאל על הנחה אם משלמים מראש\n- [[PERSON|אפרת]] שלחה את טופס הספק\n\nסיכונים: הם עובדים עם {{Priority}} ולא בטוח שהאינטגרציה מוכנה. [[PERSON|ג'אבר]] בודק עד {{יום חמישי}}.",
    ),
    (
        "deal_review",
        "he/french-yemenite",
        "סקירת הזדמנות: {{מלונות לב הים}} – חידוש + הרחבה\nשווי: {{€48,000}} + {{₪60,000}} | סגירה: {{לפני סוכות}}\n\nצוות לקוח:\n1. [[PERSON|Élodie Sebbag]] ([[PERSON|אלודי סבג]]) – סמנכ\"לית שיווק, עלתה מ{{ליון}}. משתמשת ב{{Brevo}}, רוצה חיבור.\n2. [[PERSON|עובדיה צאלח]] – בעלים. אוהב לדבר בטלפון בלבד: [[PHONE|+972 52-771-0934]]\n3. [[PERSON|הדר]] – מנהלת מכירות בסניף {{אילת}}\n\nהתקדמות: [[PERSON|עובדיה]] אישר בעל-פה בטלפון ב{{ה' באלול}}. [[PERSON|Élodie]] מבקשת מסלול ב{{יורו}} כי חלק מהלקוחות מצרפת.\nסיכון: התקציב עובר דרך {{לב הים החזקות}} והחשב [[PERSON|שמואל דאהרי]] איטי.\nמה צריך: חוזה דו-לשוני עד {{15.9}}.",
    ),
    (
        "deal_review",
        "ar/emirati-egyptian",
        "مراجعة الصفقة – {{مجموعة النابودة للضيافة}}\nالقيمة: {{AED 420,000}} | المرحلة: {{التفاوض}} | الإغلاق المتوقع: {{نهاية الربع الثالث}}\nالمسؤول: [[PERSON|عمرو الشناوي]]\n\nأصحاب القرار:\n• [[PERSON|خليفة النابودة]] – الرئيس التنفيذي – [[PHONE|+971 4 331 8847]]\n• [[PERSON|منى عبد الفتاح]] – مديرة المشتريات – [[PHONE|+20 100 448 3316]] (مقيمة في القاهرة حالياً)\n• [[PERSON|راشد]] – مدير تقنية المعلومات، يحب {{Microsoft Dynamics}}\n\nآخر المستجدات:\n- [[PERSON|خليفة]] طلب دراسة عائد استثمار\n- [[PERSON|منى]] تبغى دفع على 4 أقساط\n- [[PERSON|راشد]] عنده مخاوف من الاستضافة خارج الإمارات\n\nالخطة: [[PERSON|عمرو]] يرتب زيارة لمكتبهم في {{البرشاء}} بعد {{معرض سوق السفر العربي}}.",
    ),
    (
        "deal_review",
        "ar/palestinian-jordanian",
        "مراجعة صفقة: {{شركة أبو خضر للإلكترونيات}}\nالقيمة: {{JOD 28,000}} سنوياً – {{ILS 42,000}} لفرع رام الله\nالمرحلة: {{عرض سعر}} | الاحتمال: {{50%}}\n\nالأشخاص:\n- [[PERSON|سمير أبو خضر]] – المدير العام، عمّان، [[PHONE|+962 6 552 1847]]\n- [[PERSON|ديما أبو خضر]] – بنته، مسؤولة فرع رام الله، [[PHONE|+970 599 771 452]]\n- [[PERSON|أبو العبد]] – المحاسب القديم، بيأثر على القرار\n\nالتحديثات:\n١. [[PERSON|ديما]] عملت trial وعجبها الـ{{mobile app}}\n٢. [[PERSON|سمير]] قلقان من السعر بالدينار\n٣. المحاسب بدّو يضل على {{Excel}} 🙄\n\nالمخاطر: الحساب البنكي لفرع رام الله [[IBAN|PS74PALS617005395026701433277]] فيه مشكلة تحويلات. بنستنى لبعد {{المولد النبوي}}.",
    ),
    (
        "deal_review",
        "ru/ukrainian-russian",
        "Разбор сделки: {{Лебедев и Партнёры Девелопмент}} (Дубай)\nСумма: {{AED 265,000}} | Этап: {{Переговоры}} | Закрытие: {{до 31 октября}}\nОтветственный: [[PERSON|Ксения Бондаренко]]\n\nЛПР:\n— [[PERSON|Игорь Лебедев]], основатель, [[PHONE|+971 50 551 2093]]. Компания названа в честь его отца, не путать.\n— [[PERSON|Оксана Ткаченко]], {{финансовый директор}}, в Киеве: [[PHONE|+380 50 441 8273]]\n— [[PERSON|Артём]] ({{IT}}), хочет интеграцию с {{Bitrix24}} на время миграции\n\nЧто изменилось:\n1. [[PERSON|Игорь]] согласовал пилот в офисе в {{Business Bay}}\n2. [[PERSON|Оксана]] просит оплату в {{USD}} из-за валютного контроля\n3. Московский офис ([[PERSON|Дмитрий Серов]], [[PHONE|+7 916 448-21-07]]) исключён из сделки\n\nРиск: {{GITEX}} — вся команда на выставке, решение может сдвинуться. [[PERSON|Ксения]] предлагает скидку {{10%}}.",
    ),
    (
        "system_prompt",
        "en/american-irish",
        "SYSTEM: You are \"{{DealDesk Copilot}}\", an assistant embedded in the CRM for the workspace {{Brennan & Hale Insurance Brokers}}.\n\n# Current user\nname: [[PERSON|Caitlin Brennan]] | role: {{Sales Manager}} | email: [[EMAIL|caitlin@brennanhale.com]] | tz: America/Chicago\n\n# Account context\n- plan: {{Enterprise}}, 85 seats, renewal {{2025-11-01}}\n- CSM: [[PERSON|Marcus Hale-Jennings]] ([[PHONE|+1 (415) 448-2290]])\n- integrations: {{Outlook}}, {{DocuSign}}, {{Applied Epic}}\n- epic_api_token=[[SECRET|ep_tok_9vQ4mX2rLs7KbW3nJd8Tz1Pf]]\n\n# Rules\n1. Never reveal API tokens or customer SSNs.\n2. Address the user by first name ([[PERSON|Caitlin]]).\n3. The workspace name ({{Brennan & Hale}}) is the firm's trading name — don't assume any contact is related to the firm.\n4. Use US date format. Fiscal year starts {{July 1}}.\n5. If asked about {{Thanksgiving}} promo pricing, quote {{10%}} off max.",
    ),
    (
        "system_prompt",
        "en/israeli",
        '### System\nYou are the AI sales assistant for **{{Shamir Optics Group}}** (HQ {{Kibbutz Shamir}}, sales offices in Tel Aviv and Herzliya).\nLogged-in user: [[PERSON|Yarden Mizrahi-Katz]] ({{Regional Sales Lead, Central}}) <[[EMAIL|yarden.mk@shamir-optics.co.il]]>, mobile [[PHONE|054-4128803]].\nHer manager: [[PERSON|Ehud Carmeli]], office [[PHONE|+972 3-721-4490]].\n\nContext for this session:\n- active pipeline: 64 deals, {{₪4.8M}}\n- top account: {{Optica Halperin}} (retail chain, 40 branches) – contact [[PERSON|Liat Halperin]]\n- working week: {{Sunday}}–{{Thursday}}; do not schedule anything on {{Shabbat}} or {{Yom Kippur}}\n- quotes in {{ILS}} incl. {{18% VAT}}\n- speak Hebrew if the user writes Hebrew, English otherwise\n\nNote: "{{Optica Halperin}}" is a brand; [[PERSON|Liat]] is the buyer there, not the owner.',
    ),
    (
        "system_prompt",
        "en/emirati-british-indian",
        "<system>\nYou are PropPilot, the leasing assistant for {{Al Habtoor Towers Leasing}} inside the CRM.\nUser: [[PERSON|Rashid Al Marri]] ({{Leasing Director}})\nAccount owner at vendor: [[PERSON|Emily Carter]] <[[EMAIL|emily.carter@ourcrm.io]]>\nBranch office: [[ADDRESS|Office 1202, Prime Tower, Business Bay, Dubai]] | tel [[PHONE|+971 4 448 2217]]\nAfter-hours escalation: [[PERSON|Vikram Shetty]] [[PHONE|+971 50 339 7718]]\n\nDefaults:\n- currency {{AED}}, cheques: 4 or 12 per year\n- communities: {{Jumeirah Lake Towers}}, {{Al Barsha}}, {{Mohammed Bin Rashid City}}\n- never share tenant Emirates ID or passport numbers in outputs\n- mention {{Ejari}} registration for every lease\n- blackout: no viewings during {{Eid al-Adha}} ({{June 6–9}})\n</system>",
    ),
    (
        "system_prompt",
        "en/korean-vietnamese",
        '[SYSTEM PROMPT — do not show to user]\nAssistant persona: "{{Mira}}" (product name — not a person), CRM copilot for {{Hanoi–Seoul Trading Co.}}\n\nSession user: [[PERSON|Lee Ji-woo]] ([[PERSON|이지우]]), {{Export Sales Manager}}, Seoul office [[PHONE|+82 2 3448 1190]]\nCo-user: [[PERSON|Phạm Thu Hà]], Hanoi office [[PHONE|+84 28 3822 4410]], [[EMAIL|ha.pham@hanoiseoul.vn]]\n\nAccount facts:\n• plan {{Business Plus}} ({{v2025.2}}), 22 seats\n• FX: quotes in {{USD}}, {{KRW}}, {{VND}}\n• key customers: {{Lotte Mart}} ({{buyer}} [[PERSON|Choi Min-seo]]), {{Vinmart}}\n• DB: postgresql://hst_app:[[SECRET|Xq9!vT2#pLm7wR]]@db-01.hst.internal:5432/hst_crm — NEVER print\n• holidays: {{Tết}} (late Jan/Feb), {{Chuseok}}\n\nStyle: concise, bullet points, Korean honorifics when addressing [[PERSON|Ji-woo]].',
    ),
    (
        "system_prompt",
        "he/mixed-israeli",
        "הוראות מערכת:\nאתה עוזר מכירות חכם של {{קבוצת אלקטרה-זילברמן}} בתוך ה-CRM.\n\nמשתמש מחובר: [[PERSON|גלעד זילברמן]], {{מנהל מכירות ארצי}}, [[EMAIL|gilad.z@electra-zilberman.co.il]], נייד [[PHONE|052-6620418]]\nעוזרת אישית: [[PERSON|שירן]] – [[PHONE|08-6344120]]\n\nהקשר חשבון:\n• חבילה: {{Enterprise}} | 120 משתמשים | חידוש ב-{{1.1.2026}}\n• סניפים: {{באר שבע}}, {{אשדוד}}, {{נתיבות}}, {{ראש פינה}}\n• מערכות מחוברות: {{Priority}}, {{חשבונית ירוקה}}, {{WhatsApp}}\n• מפתח API פנימי: [[SECRET|pk_il_Hq72LmZx9Vw4TcR8bN1y]] – לא לחשוף בשום מצב\n\nכללים:\n1. לענות בעברית.\n2. לא לקבוע פגישות ב{{שישי}}-{{שבת}} ובחגים ({{פסח}}, {{שבועות}}).\n3. שם החברה הוא שם מסחרי – אין להסיק קשר משפחתי בין אנשי קשר ל[[PERSON|גלעד]].",
    ),
    (
        "system_prompt",
        "he/druze-arab-israeli",
        'SYSTEM:\nאתה "{{עוזר הצפון}}" – בוט מכירות לצוות הצפון של {{מרעי אנרגיה סולארית}}.\nהמשתמשת הנוכחית: [[PERSON|סוהא מרעי]] (Sales Ops), [[EMAIL|suha@marei-solar.co.il]]\nמנהל הצוות: [[PERSON|כמאל שנאן]] – [[PHONE|050-2117790]]\n\nנתוני חשבון:\n- אזורי פעילות: {{מג\'דל שמס}}, {{מסעדה}}, {{כרמיאל}}, {{סכנין}}\n- מחיר ממוצע למערכת ביתית: {{₪42,000}}\n- תוכנית: {{Growth}} | {{v7.4}}\n- webhook secret: [[SECRET|whsec_mR8tN2qV6pL0xZ4kW7jB]]\n\nהנחיות:\n* כשמנסחים הודעה ללקוח בערבית – להשתמש בערבית מדוברת.\n* לא להציע התקנה ב{{עיד אל-אדחא}} או ב{{זיארת נבי שועייב}}.\n* [[PERSON|סוהא]] מעדיפה סיכומים קצרים עם טבלה.',
    ),
    (
        "system_prompt",
        "ar/saudi",
        "تعليمات النظام:\nأنت مساعد المبيعات الذكي لشركة {{مجموعة الراجحي-العمودي للتقنية}}.\n\nالمستخدم الحالي: [[PERSON|لمى بنت سعد العمودي]] – {{مديرة تطوير الأعمال}} – [[EMAIL|lama.amoudi@rajhi-amoudi.sa]]\nمديرها المباشر: م. [[PERSON|فيصل الراجحي]]... تصحيح: م. [[PERSON|فيصل الحربي]] – [[PHONE|+966 55 448 3021]]\nمكتب جدة: [[PHONE|+966 12 661 8840]]\n\nسياق الحساب:\n- الباقة: {{باقة المؤسسات}}، 150 مستخدم\n- الربط: {{SAP}}، {{منصة فاتورة}}، {{Microsoft Teams}}\n- رمز الوصول: Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.crmSaRajhi.k8Tq2VmX9pLw4]]\n\nالقواعد:\n١. الرد بالعربية الفصحى المبسطة.\n٢. لا تحدد مواعيد يوم {{الجمعة}} أو خلال {{عيد الفطر}}.\n٣. اسم الشركة اسم تجاري ولا يعني صلة قرابة مع أي عميل.",
    ),
    (
        "system_prompt",
        "ar/egyptian",
        'System prompt:\nإنت "{{مساعد المبيعات}}" جوه الـCRM بتاع {{شركة منصور وسليمان للتوريدات}}.\n\nاليوزر اللي فاتح دلوقتي: [[PERSON|هبة سليمان]]، {{مديرة المبيعات}}، موبايل [[PHONE|+20 155 448 2031]]\nالمكتب الرئيسي: [[ADDRESS|٢٢ شارع عبد الخالق ثروت، وسط البلد، القاهرة]] – [[PHONE|+20 2 2528 4471]]\nمسؤول الحساب من عندنا: [[PERSON|كريم]]\n\nمعلومات مهمة:\n- الأسعار بالجنيه ({{EGP}}) وبتتضاف {{14%}} ضريبة\n- الفروع: {{المنصورة}}، {{طنطا}}، {{أسيوط}}\n- ممنوع تبعت رسايل للعملا يوم {{الجمعة}} أو في {{شم النسيم}}\n- لو حد سأل عن اسم الشركة، ده اسم المؤسسين الله يرحمهم، مش عملا\n\nخليك مختصر ودمك خفيف مع [[PERSON|هبة]].',
    ),
    (
        "system_prompt",
        "ar/iraqi-syrian-msa",
        '[تعليمات النظام]\nأنت مساعد ذكي لإدارة علاقات العملاء لدى {{شركة دجلة والفرات للتجارة العامة}}.\n\nالمستخدم: [[PERSON|زينب حسن الموسوي]] – {{مسؤولة المبيعات}} – البصرة – [[PHONE|+964 780 441 2287]]\nالشريك في دمشق: [[PERSON|غياث قباني]] – [[PHONE|+963 11 331 4420]] – [[EMAIL|ghiath.k@tigris-euphrates.com]]\n\nسياق الحساب:\n• العملات المدعومة: {{IQD}}، {{USD}}، {{SYP}}\n• الإصدار: {{v6.0.2}}\n• كلمة مرور حساب التكامل: password=[[SECRET|Basra#Dijla2024]]\n• أهم العملاء: {{مستشفى ابن سينا}}، {{معمل الجزيرة للأغذية}}\n\nالقواعد:\n- لا تكشف كلمات المرور أو المفاتيح.\n- تجنب المواعيد خلال {{الأربعينية}} و{{عيد الأضحى}}.\n- "{{ابن سينا}}" اسم مستشفى وليس جهة اتصال.',
    ),
    (
        "system_prompt",
        "fr/french-tunisian-lebanese",
        "INSTRUCTIONS SYSTÈME\nTu es l'assistant commercial IA de {{Cabinet Haddad-Lefèvre Conseil}} (Paris / Tunis / Beyrouth).\n\nUtilisateur connecté : [[PERSON|Inès Ben Ammar]], {{Responsable Grands Comptes}}, [[EMAIL|ines.benammar@haddad-lefevre.fr]], mobile TN [[PHONE|+216 22 448 190]]\nAssociée : Maître [[PERSON|Nadine Haddad]] — standard Paris [[PHONE|+33 1 42 68 53 00]], Beyrouth [[PHONE|+961 1 339 448]]\n\nContexte du compte :\n- offre {{Premium}} — 35 licences — {{€1 950}}/mois\n- intégrations : {{Pennylane}}, {{Google Workspace}}, {{Yousign}}\n- clé API : [[SECRET|hl_live_3Kp9Qz7WmR2xV5nT8cY4]] (ne jamais afficher)\n- adresse de facturation : [[ADDRESS|14 rue de Marignan, 75008 Paris]]\n\nRègles : vouvoyer les clients ; pas de relance pendant le {{Ramadan}} pour les clients tunisiens ni le {{15 août}} ; le nom du cabinet est une marque, pas un contact.",
    ),
    (
        "handover_note",
        "en/british-nigerian",
        "HANDOVER — [[PERSON|Rosie Abernathy]] → [[PERSON|Tobi Adewale]] (I'm off from {{Mon 4 Aug}} – {{Fri 22 Aug}}, mat cover after that TBC)\n\nHot accounts:\n1) {{Pemberton Lane Estates}} — contact [[PERSON|Giles Pemberton]], mob [[PHONE|+44 7418 220 913]]. Contract at legal, {{£36k}}. [[PERSON|Giles]] is not the founder, the firm is named for his great-uncle. Chase {{Wed}}.\n2) {{Okoro Pharma UK}} — Dr [[PERSON|Ngozi Okoro]] is the MD, her PA [[PERSON|Bunmi]] books everything: [[EMAIL|bunmi.a@okoropharma.co.uk]]. [[PERSON|Ngozi]]'s Lagos number [[PHONE|+234 705 448 2201]] — only for emergencies.\n3) {{Hope Street Dental}} — renewal {{1 Sept}}, low risk.\n\nLogins: the shared demo account is [[EMAIL|rosie.abernathy@ourcrm.io]] / pw: [[SECRET|Sunflower!2024demo]] (pls change after, [[PERSON|Tobi]])\n\nOther: [[PERSON|Frank]] in finance owes us an answer on the {{Q3}} discount matrix. Good luck xx [[PERSON|R.]]",
    ),
    (
        "handover_note",
        "en/american-filipino",
        'SDR territory handover: TX + OK → moving to [[PERSON|Angel]] ([[PERSON|Angelica Macaraeg]]) starting {{Monday}}\n\nfrom: [[PERSON|Cody Whitlock]]\n\n- sequences: "{{Q4 HVAC outbound}}" (412 contacts) + "{{Storm season}}" — both live in {{Outreach}}\n- warm leads to call first:\n   * [[PERSON|Marisol Treviño]] @ {{Treviño Family Roofing}}, [[PHONE|(214) 448-7730]] — wants demo after {{Labor Day}}\n   * [[PERSON|Dale]] "[[PERSON|Buck]]" [[PERSON|Hensley]] @ {{Hensley & Sons Plumbing}} — call him [[PERSON|Buck]], he hates [[PERSON|Dale]] lol. no number, only email [[EMAIL|buck@hensleyplumbing.com]]\n   * [[PERSON|Joy Bautista]] (Manila-based VA for {{Lone Star Garage Doors}}) [[PHONE|+63 918 220 4471]] — she screens for owner [[PERSON|Rusty Kemp]]\n- my {{ZoomInfo}} seat password is [[SECRET|Tx!Hvac#88zoom]], IT will reset it {{Friday}}\n\n[[PERSON|Angel]] — ping me on Slack if stuck. 🤠',
    ),
    (
        "handover_note",
        "en/south-african-indian",
        'Handover note (account transfer) — {{Durban region}}\nOutgoing AE: [[PERSON|Thabo Nkosi]] | Incoming AE: [[PERSON|Anjali Chaturvedi]]\nDate: {{31 March 2025}}\n\nAccount: {{Naidoo & Pillay Logistics}} ({{Growth}}, 60 seats, {{ZAR 38,400}}/mo)\nKey contacts:\n• [[PERSON|Kumaresan]] "[[PERSON|Kumi]]" [[PERSON|Naidoo]] — CEO — [[PHONE|+27 72 448 1903]]\n• [[PERSON|Lindiwe Zulu]] — ops — [[PHONE|+27 31 448 2210]] — prefers WhatsApp\n• [[PERSON|Rajiv Malhotra]] — their Delhi sourcing guy — [[PHONE|+91 99100 44871]]\n\nOpen items:\n- invoice {{INV-ZA-3319}} disputed (VAT calc)\n- [[PERSON|Kumi]] wants {{Power BI}} connector before {{Freedom Day}}\n- site visit address: [[ADDRESS|17 Solomon Mahlangu Drive, Umhlanga, Durban 4319]]\n\n[[PERSON|Anjali]] — [[PERSON|Lindiwe]] is the real power user, keep her happy. [[PERSON|Pillay]] left the company years ago; name stays on the door.',
    ),
    (
        "handover_note",
        "en/ethiopian-eritrean-kenyan",
        "handover - east africa book (from [[PERSON|Selam Haile]] to [[PERSON|Mark Otieno]])\n\n{{Addis Coffee Exporters}}\n  contact: [[PERSON|Dawit Gebremedhin]] (owner) [[PHONE|+251 91 448 2207]]\n  note: [[PERSON|Dawit]] prefers calls in Amharic, I usually translate. {{Enkutatash}} = slow month\n{{Asmara Textiles}}\n  contact: [[PERSON|Senait Tesfamariam]] [[PHONE|+291 7 144 820]] — connectivity bad, use email [[EMAIL|senait@asmaratextiles.com]]\n{{Rift Valley Flowers}}\n  contact: [[PERSON|Faith Wambui]] [[PHONE|+254 722 448 190]] — renewal {{June 30}}, {{KES 1.1M}}\n  her boss [[PERSON|Joseph Kiprotich]] signs\n\nmisc:\n - [[PERSON|Mark]], the {{Valentine's}} flower rush means [[PERSON|Faith]] won't answer in {{February}}\n - my notes are in the \"{{EA handover}}\" folder\n - API key for the {{Rift Valley}} integration: [[SECRET|rvf_sk_A7mQ2xL9pT4wZ8kN]] (they asked us to rotate in {{Q3}})",
    ),
    (
        "handover_note",
        "he/ashkenazi-russian",
        "מסירת תיק – [[PERSON|נועם]] ל[[PERSON|אולגה]] (אני יוצא לחל\"ת מ-{{1.9}})\n\nלקוחות פעילים:\n1. {{וולפסון מערכות מידע}} – איש קשר [[PERSON|אריאל וולפסון]] ({{CTO}}), [[PHONE|050-6649021]]. העסקה על {{₪150,000}} כמעט סגורה, חסרה חתימה של [[PERSON|פנינה]] מהכספים.\n2. {{פטרוב ובניו תעשיות}} – [[PERSON|סרגיי פטרוב]], [[PHONE|+972 54 771 4093]]. מדבר רק רוסית, [[PERSON|אולגה]] זה בדיוק בשבילך 😉\n3. {{בית הספר הרצוג}} – חידוש ב{{ינואר}}, בלי דחיפות.\n\nסיסמאות: הגישה לפורטל הספקים של {{וולפסון}} – משתמש sales07, pwd: [[SECRET|Wolf$on2025!]] (לבקש מהם להחליף)\n\nכתובת למשלוח מתנת {{ראש השנה}} ללקוחות: [[ADDRESS|רח' יגאל אלון 94, תל אביב]]\nבהצלחה! [[PERSON|נ.]]",
    ),
    (
        "handover_note",
        "he/mizrahi-bedouin",
        "העברת אחריות – אזור דרום\nמ: [[PERSON|אלירן טובול]] | אל: [[PERSON|רחמה אלקרינאוי]]\n\n• {{טובול חומרי בניין}} – לא קשור אליי 😅 – איש קשר [[PERSON|יוסי טובול]], [[PHONE|052-4402188]]\n• {{מועצה אזורית נווה מדבר}} – [[PERSON|עאטף אבו עג'אג']], רכש, [[PHONE|08-6512290]]. מכרז נסגר {{15/10}}\n• {{ספא ים המלח}} – [[PERSON|מעיין גבאי]], [[PHONE|054-6671532]], [[EMAIL|maayan@deadsea-spa.co.il]]\n\nמשימות פתוחות:\n- להכין הצעה ל[[PERSON|עאטף]] כולל ת.ז. של מורשה החתימה שלנו לצורך המכרז: [[IL_ID|247411663]]\n- [[PERSON|מעיין]] ביקשה הדרכה לפני {{חנוכה}}\n- לבדוק עם [[PERSON|יוסי]] אם הם רוצים גם את {{מודול המלאי}}\n\n[[PERSON|רחמה]], אם משהו לא ברור – אני זמין בוואטסאפ.",
    ),
    (
        "handover_note",
        "he/anglo-french",
        "Handover / מסירה – [[PERSON|Daniel Cohen-Levy]] ⟶ [[PERSON|אורית שמש]]\n\nחשבונות בצרפתית ובאנגלית:\n– {{Maison Attias}} (נתניה): [[PERSON|Sarah Attias]], נייד FR [[PHONE|+33 6 48 22 71 90]]. רוצה להגדיל ל-15 משתמשים. היא קוראת לי \"[[PERSON|Dan]]\" 😊\n– {{Levy & Associates}}: לא קשור אליי למרות השם! איש קשר [[PERSON|Michael Adler]], [[EMAIL|madler@levyassoc.co.il]]\n– {{Lev Hair Studio}}: החשבון בהקפאה עד {{אחרי פסח}}\n\nבנק: ההחזר ל-{{Maison Attias}} יוצא לחשבון [[IBAN|FR68257483138104B8TUK06OG23]]\nIP של המשרד שלהם בנתניה (לוויטליסט): [[IP_ADDRESS|62.219.88.140]]\n\n[[PERSON|אורית]], הם עובדים {{א'-ה'}}, ו[[PERSON|Sarah]] בצרפת כל {{אוגוסט}}.",
    ),
    (
        "handover_note",
        "ar/emirati-omani",
        "مذكرة تسليم – من [[PERSON|منصور الظاهري]] إلى [[PERSON|أسماء البلوشي]]\nالسبب: إجازة {{الحج}} (من {{1 يونيو}} إلى {{20 يونيو}})\n\nالعملاء:\n١. {{مجموعة الظاهري للعقارات}} – ما لها علاقة فيني 😄 – المسؤول [[PERSON|سيف الظاهري]] [[PHONE|+971 50 448 2716]]، العقد بقيمة {{AED 220,000}} عند القانونية\n٢. {{فنادق صلالة}} – [[PERSON|مريم بنت علي الرواحي]] [[PHONE|+968 9644 1182]]، تبي عرض قبل {{الخريف}}\n٣. {{مؤسسة نبيل للسيارات}} – المسؤول [[PERSON|نبيل حمدان]]، يرد بس على الإيميل [[EMAIL|nabeel@nabeel-motors.ae]]\n\nملاحظات:\n- كلمة سر حساب التجربة: [[SECRET|Dh@heri#Trial25]]\n- [[PERSON|أسماء]]، لا تنسين تجددين {{رخصة Salesforce}} الخاصة بالتكامل\n\nتحياتي، [[PERSON|منصور]]",
    ),
    (
        "handover_note",
        "ar/lebanese",
        "تسليم ملفات – [[PERSON|جورج]] ل[[PERSON|ريتا]] (أنا رايح على فرع دبي من {{أول تشرين}})\n\n• {{شركة فتّوش وأولاده}} – [[PERSON|إيلي فتّوش]]، موبايل [[PHONE|+961 3 771 284]]. بدّو discount {{12%}} ونحنا واقفين عند {{10%}}.\n• {{مطاعم أم نزيه}} – الست [[PERSON|أم نزيه]] نفسها بتحكي، رقمها [[PHONE|+961 70 448 219]]. المطعم بـ{{الأشرفية}}.\n• {{مدرسة الفرير}} – حساب ممتاز، ما في مشاكل.\n\nشغلات معلّقة:\n- فاتورة {{INV-LB-2207}} بالدولار، لازم تتأكدي إنو انحولت على [[IBAN|LB934046YLYO0L05BNGHTM4EG2BN]]\n- عنوان [[PERSON|إيلي]] للتسليم: [[ADDRESS|بناية الريحاني، شارع مار مخايل، الطابق 3، بيروت]]\n\n[[PERSON|ريتا]] إذا علقتي بشي، دقيلي. [[PERSON|جورج]]",
    ),
    (
        "handover_note",
        "es/colombian-argentinian",
        'Nota de traspaso — de [[PERSON|Camila Ospina]] a [[PERSON|Facundo Martínez]]\nMotivo: licencia de maternidad desde el {{15 de julio}}\n\nCuentas:\n1. {{Café Ospina Hermanos}} (no somos familia jaja) — contacto don [[PERSON|Hernán Gaviria]], [[PHONE|+57 315 448 2209]], fijo [[PHONE|+57 601 448 2290]]. Renovación {{COP 48.000.000}} en {{agosto}}.\n2. {{Bodega Los Andes}} (Mendoza) — [[PERSON|Luciana]] "[[PERSON|Lu]]" [[PERSON|Pereyra]], [[PHONE|+54 9 351 448-2271]], [[EMAIL|lpereyra@bodegalosandes.com.ar]]. Quiere integración con {{Tango Gestión}}.\n3. {{Distribuidora San Martín}} — cuenta tranquila, sin pendientes.\n\nPendientes:\n- enviar propuesta a [[PERSON|Luciana]] antes del {{Día de la Independencia}}\n- tarjeta corporativa para el viaje a Bogotá: [[CREDIT_CARD|5590 5912 5739 7466]] (pedile a [[PERSON|Vero]] de finanzas que la bloquee después)\n\n¡Suerte [[PERSON|Facu]]! 💛',
    ),
]
