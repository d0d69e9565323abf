# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool O: 150 hand-written sales-CRM records, 10 each of calendar invites, support tickets, LinkedIn outreach drafts, CSV exports, quotes/invoices, call-QA scorecards, onboarding forms, WhatsApp exports, emails with signatures, enrichment JSON/tool calls, deal-desk requests, audit logs, survey responses, YAML/XML payloads and psql-style SQL results; 60 in English, 38 in Hebrew, 37 in Arabic (Najdi and Hijazi Saudi, Emirati and other Gulf, Omani, Levantine, Syrian, Palestinian, Jordanian, Egyptian, Iraqi, Moroccan Darija, Algerian, Tunisian, Libyan, Sudanese, Yemeni and formal MSA) and 15 in other languages or mixes (French, Spanish, Portuguese, German, Turkish, Hinglish, Russian, Lebanese Arabizi, Persian, Indonesian, Hebrew/English code-switching, Greek, Swahili, Urdu, Tagalog); the people come from Israeli communities (Mizrahi, Ashkenazi, Ethiopian-Israeli, Russian-speaking, Haredi, Druze, Bedouin, Arab-Israeli), the Gulf, the Levant, Egypt, the Maghreb, Sudan, Somalia, West, East and Southern Africa, South Asia, East and South-East Asia, Turkey, Iran, the Caucasus, Europe and the Americas, and their names appear with particles (bin, bint, Al, El, ben, van der, de la, da Silva, s/o), kunyas, nicknames, initials, Hebrew geresh, ALL CAPS, lower case, handles, user ids and JSON/XML/CSV/SQL cells; identifiers follow local conventions (valid national phone numbering in local or international format, Luhn-valid cards, mod-97 IBANs for IL/AE/SA/QA/GB/DE, check-digit-valid Israeli IDs, in-range SSNs, IPv4 and IPv6, API keys, bearer tokens, webhook secrets and passwords); controls are deliberately hard: companies, shops, streets, towns, malls, mosques, products and meeting rooms named after people (Majid Al Futtaim, Rami Levy, מאפיית אבוהב, مطعم أبو شقرة, Sheikh Zayed Road, Magazine Luiza, Tim Hortons, Kiryat Bialik, Isa Town), the same surname as a contact's, job titles, plans, weekdays and months, Gregorian, Hebrew and Hijri dates, holidays, amounts in many currencies, percentages, ticket/invoice/deal numbers, versions, lone towns and countries, and name-like ordinary words (أمل hope, חן charm, grace period, will, nour as electricity, baraka as blessing, كريم generous).
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "calendar_invite",
        "en/AE-Emirati",
        "Subject: QBR – {{Majid Al Futtaim}} retail pilot\nWhen: {{Tuesday}}, {{14 October}}, 10:00–11:00 GST\nWhere: meeting room \"{{Ibn Battuta}}\", [[ADDRESS|Office 1204, Al Saqr Business Tower, Sheikh Zayed Road, Dubai]]\nOrganizer: [[PERSON|Hamad Al Mazrouei]] <[[EMAIL|hamad.almazrouei@gulfbridge.ae]]>\nRequired: [[PERSON|Noura bint Rashid Al Nuaimi]], [[PERSON|Karthikeyan Subramanian]], [[PERSON|Sophie van der Berg]]\nOptional: [[PERSON|abdulla.h]] (ops)\n\nAgenda\n1. Recap of {{Q3}} – {{AED 1.2M}} weighted pipeline, win rate {{18%}}\n2. [[PERSON|Noura]] walks through the loyalty hook into the {{SHARE}} app\n3. [[PERSON|Karthik]] – rollout plan for the {{Khalifa City}} and {{Al Ain}} stores\n\nDial-in: [[PHONE|+971 4 558 2190]], PIN 66120#\nIf [[PERSON|Sophie]] can't make it, [[PERSON|Hamad]] will record the session. [[PERSON|Hamad]]'s mobile for day-of changes: [[PHONE|+971 50 617 3342]]\nAI summary: decision maker is [[PERSON|Noura]]; [[PERSON|Karthik]] is the champion; risk = budget freeze until after {{National Day}}.",
    ),
    (
        "calendar_invite",
        "en/US-AfricanAmerican",
        "Invitation: Discovery call – Piedmont Family Clinics rollout\n{{Thursday}}, {{March 6}} · 2:30 – 3:15pm Eastern\nLocation: Zoom (link below) or in person at [[ADDRESS|4410 Beatties Ford Rd, Suite 210, Charlotte, NC 28216]]\n\nGuests\n- [[PERSON|Marcus Washington]] (organizer) – [[EMAIL|mwashington@brightpathhealth.io]]\n- [[PERSON|DeShawn Ellis-Carter]] – {{Director of Revenue Cycle}}, [[PHONE|(704) 391-2278]]\n- [[PERSON|Charlotte Nwosu]] – clinical lead\n- [[PERSON|Tyler Brooks]] (AE, notetaker)\n\nNotes from [[PERSON|Marcus]]: [[PERSON|DeShawn]] wants a side-by-side with {{Epic}} and the {{Cerner}} add-on before {{Easter}}. Budget is roughly {{$180,000}} for year one. [[PERSON|Charlotte]] is based in {{Greensboro}}, not in {{Charlotte}}, so she'll dial in. Parking validation is at the {{Martin Luther King Jr. Blvd}} garage – ask the front desk.",
    ),
    (
        "calendar_invite",
        "en/IN-Tamil",
        "Meeting: Pricing walkthrough with {{Murugappa}} group procurement\nDate: {{Monday}}, {{12 January}} ({{Pongal}} week – expect thin attendance on the 14th)\nTime: 11:00 IST / 09:30 GST\nVenue: [[ADDRESS|No. 18, 2nd Cross Street, Kasturba Nagar, Adyar, Chennai 600020]]\n\nAttendees\n• [[PERSON|Karthikeyan Subramanian]] – host, [[PHONE|+91 98410 27735]]\n• [[PERSON|Venkata Ramana Reddy]] – procurement head\n• [[PERSON|Sai Pranavi Kotha]] – legal, [[EMAIL|pranavi.kotha@murugappa-procure.in]]\n• [[PERSON|R. Meenakshi]] – finance\n• [[PERSON|Anoop Varghese]] – our SE, travelling from {{Kochi}}\n\nPrep notes: [[PERSON|Pranavi]] wants the {{Enterprise Plus}} redlines before the call. [[PERSON|Ramana]] garu prefers Telugu small talk; keep the deck under 12 slides. Target is {{INR 42 lakh}} ARR. Office is two signals past the {{Anna Salai}} junction.",
    ),
    (
        "calendar_invite",
        "en/NG-Yoruba",
        "Workshop: Field-sales app training – Lagos cohort\n{{Wednesday}} {{9 April}}, 09:00–13:00 WAT\nVenue: [[ADDRESS|Plot 14, Adeola Odeku Street, Victoria Island, Lagos 101241]]\nHost: [[PERSON|Babajide Adeyemi]] ([[PHONE|0803 412 7790]])\nTrainers: [[PERSON|Chiamaka Okonkwo]] and [[PERSON|Kwame Asante-Boateng]] (flying in from {{Accra}}, [[PHONE|+233 24 318 5527]])\nParticipants: reps from the {{Dangote}} distributor network and {{Chi Limited}} trade marketing.\n\nLogistics\n- Shuttle leaves the hotel on {{Victoria Island}} at 08:15.\n- [[PERSON|Funmilayo Adebayo-Ojo]] (everyone calls her [[PERSON|Funmi]]) handles badges; email [[EMAIL|funmi.ojo@lagosfieldforce.ng]].\n- Lunch is from {{Mama Cass}}; vegetarian options on request.\n- [[PERSON|Babajide]] asked that [[PERSON|Chiamaka]] demo the offline mode for the {{Kano}} reps.\nPrize for best role-play: {{₦250,000}} voucher.",
    ),
    (
        "calendar_invite",
        "he/IL-Mizrahi",
        "זימון: פגישת היכרות – רשת {{מאפיית אבוהב}}\nמתי: {{יום שלישי}}, {{כ\"ג בחשוון}} ({{13 בנובמבר}}), 10:30–11:30\nאיפה: במשרדי הרשת, [[ADDRESS|רחוב הרצל 112, קומה 2, באר שבע 8424320]]\nמארגן: [[PERSON|אבי בוזגלו]] – [[PHONE|052-6614398]]\nמשתתפים: [[PERSON|סיגל אוחיון]] ({{סמנכ\"לית תפעול}}), [[PERSON|שמעון אבוהב]] (הבעלים), [[PERSON|ז'קי אלמליח]], [[PERSON|רויטל צרפתי]] מהנהלת חשבונות\n\nהערות מהשיחה הקודמת:\n[[PERSON|שמעון]] רוצה לראות איך המערכת מנהלת הזמנות לסניפים ב{{דימונה}} וב{{ירוחם}}. [[PERSON|סיגל]] ביקשה הצעת מחיר ל{{חבילת Pro}} – מדברים על בערך {{₪36,000}} לשנה. ל[[PERSON|ז'קי]] יש {{חן}} של מוכר אמיתי, כדאי שהוא יציג את הדמו.\nאם יש שינוי – להתקשר ל[[PERSON|רויטל]] במשרד: [[PHONE|08-6273451]]",
    ),
    (
        "calendar_invite",
        "he/IL-Haredi",
        "נושא: הדגמת מערכת הזמנות לרשת חנויות ספרי קודש\nמועד: {{יום ראשון}}, {{ערב ראש חודש אדר}}, 14:00 (לא אחרי 15:30 בגלל מנחה)\nמקום: [[ADDRESS|רחוב רבי עקיבא 87, קומה 3, בני ברק 5120102]]\nמארגנת: [[PERSON|שיינדי וייס]] – [[PHONE|053-3127784]] (טלפון כשר, רק שיחות)\nמשתתפים: הרב [[PERSON|יהודה לייב גרוסמן]] (מנכ\"ל), [[PERSON|חיה רבקה פרידלנדר]], [[PERSON|מנחם מענדל שטרנבוך]] ({{מנהל רכש}})\n\nרקע: הם עובדים היום עם אקסל ומוכרים גם דרך {{אושר עד}}. [[PERSON|מנחם מענדל]] ביקש לוודא שאין גישה לאינטרנט פתוח – להציג את {{מסלול כשר}} של האפליקציה. תקציב משוער {{₪18,500}} לפני {{פסח}}.\n[[PERSON|חיה רבקה]] תגיע רק לחצי הראשון. חניה: ברחוב {{ז'בוטינסקי}}, לא ב{{רבי עקיבא}} עצמו.\nפקס למשלוח חומרים: [[PHONE|03-5791284]]",
    ),
    (
        "calendar_invite",
        "he/IL-Ethiopian",
        "זימון: מפגש לקוחות – מיזם יזמות קהילתי בקריית גת\nתאריך: {{יום חמישי}}, {{כ\"ט בחשוון}} – יום {{סיגד}}, לכן מתחילים מאוחר: 17:00\nמיקום: מרכז הקהילה, [[ADDRESS|שדרות לכיש 41, קריית גת 8202114]]\nמארחים: [[PERSON|אברהם טקלה]] ([[PHONE|054-8823107]]) ו[[PERSON|צגה מלאקו]], {{רכזת קהילה}}\nמוזמנים: [[PERSON|ירדן אדמסו]], [[PERSON|איילת זודה]], [[PERSON|וורקו מנגיסטו]], ומהצד שלנו [[PERSON|נועה רוזנבלום]]\n\nסדר יום:\n1. [[PERSON|אברהם]] מציג את העסקים המשתתפים – בית קלייה {{ג'בנה}} ומאפיית {{אנג'ל}} המקומית\n2. [[PERSON|נועה]] מציגה את מסלול {{Starter}} ב־{{₪9,800}} לשנה\n3. שאלות ותשובות\nמייל לאישור הגעה: [[EMAIL|worku.m@kiryatgat-biz.org.il]]. החניה מול {{שדרות בן גוריון}}.",
    ),
    (
        "calendar_invite",
        "ar/SA-Najdi",
        "دعوة اجتماع: عرض منصة المبيعات لوكالة {{عبد اللطيف جميل}}\nالموعد: {{الأحد}} {{١٢ رجب ١٤٤٦هـ}} الموافق {{12 يناير 2025}}، الساعة 10:00 صباحاً\nالمكان: [[ADDRESS|مبنى 7421، طريق الأمير محمد بن عبدالعزيز، حي العليا، الرياض 12241]]\nالمنظم: المهندس [[PERSON|عبدالرحمن القحطاني]] – جوال [[PHONE|0553817264]]\nالحضور: [[PERSON|ريما الدوسري]] ({{مديرة المشتريات}})، [[PERSON|نواف الشمري]]، [[PERSON|أبو فيصل]] من فريق التوزيع، و[[PERSON|تركي الحربي]] من طرفنا\n\nملاحظات:\n- [[PERSON|ريما]] تبي عرض سعر للباقة {{Enterprise}} بحدود {{٣٥٠ ألف ريال}} سنوياً.\n- [[PERSON|نواف]] يفضّل الاجتماع يكون قبل {{رمضان}}، وعندنا {{أمل}} نقفل الصفقة قبلها.\n- الغداء بعد الاجتماع في مطعم على {{طريق الملك فهد}}.\nللتأكيد راسلوا [[EMAIL|t.alharbi@salesnajd.sa]]",
    ),
    (
        "calendar_invite",
        "ar/EG-Egyptian",
        "دعوة: اجتماع متابعة مع شركة التوزيع – القاهرة\nالميعاد: يوم {{الخميس}} {{٢٠ مارس}}، الساعة ١٢ الضهر، وبعدها غدا في {{مطعم أبو شقرة}}\nالمكان: [[ADDRESS|٢٣ شارع جامعة الدول العربية، الدور الرابع، شقة ٨، المهندسين، الجيزة]]\nالمنظم: [[PERSON|محمود عبد الغفار]]\nالحضور: [[PERSON|ياسمين السيد]] ({{مدير المبيعات الإقليمي}})، [[PERSON|شريف نبيل]]، [[PERSON|مي عزت]]، و[[PERSON|عمرو فتحي]] (بيقولوله [[PERSON|حودة]])\n\nملاحظات [[PERSON|محمود]]:\n[[PERSON|شريف]] عايز يعرف الفرق بين {{باقة Business}} والباقة الأعلى، والميزانية حوالي {{٤٥٠ ألف جنيه}}. [[PERSON|ياسمين]] مسافرة بعد {{عيد الفطر}} فلازم نخلص قبلها. لو الطريق زحمة على {{شارع صلاح سالم}} هنبدأ متأخر شوية.",
    ),
    (
        "calendar_invite",
        "fr/MA-Maghrebi",
        "Objet : Atelier de cadrage – déploiement CRM chez {{Marjane}}\nQuand : {{jeudi 27 février}}, 15h00–16h30 (heure de Casablanca)\nLieu : [[ADDRESS|Immeuble Zénith, 8e étage, 290 boulevard Abdelmoumen, 20360 Casablanca]]\nOrganisateur : [[PERSON|Youssef Benjelloun]] – [[PHONE|+212 661-348215]] – [[EMAIL|y.benjelloun@atlas-conseil.ma]]\nParticipants : [[PERSON|Khadija El Idrissi]] ({{Directrice commerciale}}), [[PERSON|Amine Bouzid]], [[PERSON|Meriem Ben Salah]] (depuis Tunis, [[PHONE|+216 98 412 337]]), [[PERSON|Pierre-Louis Dubois]]\n\nOrdre du jour\n1. [[PERSON|Khadija]] : périmètre des 38 magasins, budget {{600 000 MAD}}\n2. [[PERSON|Amine]] : migration depuis l'ancien outil\n3. Calendrier – attention, le {{Ramadan}} commence début mars, réunions courtes\nNote IA : [[PERSON|Pierre-Louis]] confond souvent le site du {{boulevard Mohammed V}} avec celui de {{Tanger}}; vérifier l'adresse avant l'envoi.",
    ),
    (
        "support_ticket",
        "en/US-Latino",
        'Ticket {{#48213}} · Priority: High · Channel: email\nRequester: [[PERSON|Guadalupe Reyes-Tran]] <[[EMAIL|lupe.reyestran@gulfcoastdental.com]]>\nAccount: Gulf Coast Dental Group ({{Pro Plan}}, 14 seats, renews {{June 30}})\nAssignee: [[PERSON|Kevin O\'Hara]]\n\nCustomer message:\n"Hi, our office manager [[PERSON|Jesús Villarreal]] tried to add a new hygienist, [[PERSON|Ngoc Anh Pham]], and the import failed after the {{v5.2.0}} update. He pasted her SSN [[US_SSN|512-48-7736]] into the notes field by mistake – please scrub it. Billing address on file is [[ADDRESS|9807 Bellaire Blvd, Ste 120, Houston, TX 77036]]. Call me at [[PHONE|(713) 284-5519]] if you need anything. – [[PERSON|Lupe]]"\n\nInternal note ([[PERSON|Kevin]]): redacted the SSN from the contact record. Import bug is known (JIRA {{CRM-7712}}). Offered a {{$349}} credit since they lost a {{Friday}} of scheduling. [[PERSON|Ngoc Anh]] prefers to be called [[PERSON|Annie]]. Escalate to [[PERSON|Priyanka]] in Tier 2 if it recurs.',
    ),
    (
        "support_ticket",
        "en/GB-BritishAsian",
        "TKT-20931 | Integration failing since Bank Holiday\nOpened by: [[PERSON|Siobhan O'Connell]] ([[EMAIL|siobhan.oconnell@northmarsh-retail.co.uk]], [[PHONE|07412 558 903]])\nOrg: Northmarsh Retail – supplier to {{Sainsbury's}} and {{Marks & Spencer}}\nPlan: {{Growth}} · SDK {{v3.8.2}}\n\nDescription:\nSince {{Bank Holiday Monday}} the webhook returns 401. Our developer [[PERSON|Priya Raghunathan]] rotated the key but I think [[PERSON|Tom]] pasted the old one into your chat widget – it was [[SECRET|sk_live_51Mx9QzK2aLpR8vT3nY7bWc4dHf6gJ0sQe]]. Requests come from [[IP_ADDRESS|81.134.22.197]].\n\nAgent reply ([[PERSON|Oluwaseun Bakare]]):\nThanks [[PERSON|Siobhan]]. I've revoked that key. [[PERSON|Priya]], please regenerate under Settings → API. The 401s started at 09:14 BST; our logs show the old key still in use. Goodwill credit of {{£1,200}} applied. I'll loop in [[PERSON|Harriet Ashworth-Lyle]] from Solutions if it persists past {{Thursday}}.",
    ),
    (
        "support_ticket",
        "en/PH-Filipino",
        "Case 00731552 – Agent pasted card in chat transcript (PCI)\nAccount: {{Villanueva Logistics Inc.}} (BGC warehouse)\nReported by: [[PERSON|Maria Cristina Dela Cruz]], team lead, Makati\nCustomer: [[PERSON|Jomar Villanueva]] (contact on file)\n\nSummary:\nDuring a renewal chat, agent [[PERSON|Rhea Mae Bautista]] asked for payment details and the customer typed the full card [[CREDIT_CARD|4847 3353 8614 0833]] exp 09/27. [[PERSON|Bong]] (the customer's assistant, [[PERSON|Reynaldo Santos]]) then confirmed the amount {{₱45,000}} for the {{Business Annual}} plan.\n\nAction items:\n- [[PERSON|Tin]] from compliance to purge transcript lines 14–18.\n- Remind team: never take card numbers in chat; send the {{PayMongo}} link instead.\n- Office is beside {{SM Megamall}}, not {{Ayala Avenue}} – update the account.\n- Follow-up after {{Holy Week}}; [[PERSON|Cristina]] owns it.",
    ),
    (
        "support_ticket",
        "en/KE-Somali",
        'Ticket #KE-55190 – M-Pesa payments not syncing to invoices\nFrom: [[PERSON|Hodan Abdi Warsame]] <[[EMAIL|hodan.warsame@eastleighwholesale.co.ke]]>\nPhone: [[PHONE|0722 418 905]]\nBusiness: wholesale textiles, {{Eastleigh}}, Nairobi – shop at [[ADDRESS|Amal Plaza, 3rd Floor, Shop F12, First Avenue Eastleigh, Nairobi]]\n\nMessage:\nSince {{Jamhuri Day}} the {{M-Pesa}} till payments show as unpaid. My brother [[PERSON|Abdirahman Farah]] manages the {{Safaricom}} account and he sees the money arriving. Total affected is {{KES 85,000}}. Please call him on [[PHONE|+254 711 903 442]] not me – I am travelling to {{Garissa}}.\n\nAgent notes ([[PERSON|Wanjiru Kamau]]):\nSpoke to [[PERSON|Abdirahman]]. Confirmed the till number mapping broke when [[PERSON|Hodan]] renamed the branch to "{{Kenyatta Avenue}}". Fixed mapping; re-sync running. Informed [[PERSON|Otieno]] from billing. Customer calls [[PERSON|Hodan]] "[[PERSON|Hoodo]]" – use that on calls.',
    ),
    (
        "support_ticket",
        "he/IL-RussianSpeaking",
        "פנייה 77120 – לקוח לא מצליח להתחבר לפורטל\nפותח הפנייה: [[PERSON|דמיטרי וולקוב]] ([[PERSON|דימה]]), [[PHONE|054-3381926]]\nחברה: {{וולקוב הובלות בע\"מ}}, {{נתניה}}\nנציגה: [[PERSON|יוליה שפירו]]\n\nתיאור:\n[[PERSON|דימה]] מנסה להיכנס מ{{יום רביעי}} ומקבל הודעת שגיאה אחרי עדכון {{גרסה 4.2}}. לצורך אימות הוא שלח בצ'אט את מספר תעודת הזהות שלו – [[IL_ID|371924770]] – למרות שלא ביקשנו. הוא גם ביקש שנעדכן את איש הקשר השני, [[PERSON|יבגני רבינוביץ']] ([[EMAIL|zhenya.rabinovich@volkov-hovalot.co.il]]).\n\nטיפול:\n[[PERSON|יוליה]] מחקה את ת\"ז מההיסטוריה ואיפסה סיסמה. החיוב החודשי {{₪1,450}} עובר מ{{בנק מזרחי טפחות}} – לא לשנות. [[PERSON|אנסטסיה]] ממחלקת הגבייה תחזור אליו עד {{יום ראשון}}. ביקש שנדבר איתו ברוסית אם אפשר.",
    ),
    (
        "support_ticket",
        "he/IL-Druze",
        "קריאה מס' {{TCK-30418}} | עדיפות בינונית\nלקוח: [[PERSON|סלמאן חלבי]] – רשת חנויות תבלינים ב{{דליית אל-כרמל}} וב{{עוספיא}}\nטלפון: [[PHONE|04-8391172]] | נייד: [[PHONE|050-7724318]]\nנציג מטפל: [[PERSON|פאדי קאסם]]\n\nתקציר:\nהלקוח מדווח שהסנכרון עם הקופות נפל לפני {{חג נבי שועייב}} ולא חזר. בתו [[PERSON|ריים]] מנהלת את החשבון בפועל, והיא ביקשה שכל ההודעות יעברו אליה: [[EMAIL|reem.halabi@tavlinei-hacarmel.co.il]]. [[PERSON|רג'א כייר]] מהנהלת החשבונות טוענת שחויבו פעמיים – {{₪2,300}} בכל פעם.\n\nפעולות:\n1. [[PERSON|פאדי]] בדק – חיוב כפול אכן קרה, זיכוי יצא.\n2. להציע ל[[PERSON|סלמאן]] את {{מסלול פרימיום}} עם תמיכה בערבית.\n3. [[PERSON|ריים]] ביקשה פגישה ב{{יום שני}} הבא.",
    ),
    (
        "support_ticket",
        "he/IL-Ashkenazi",
        'פנייה #91877 – ייבוא אנשי קשר שכפל רשומות\nמאת: [[PERSON|מיכל גלברט]] <[[EMAIL|michal@gelbart-consulting.co.il]]>\nארגון: {{גלברט ייעוץ}} ({{תוכנית Business}}), לקוח מאז {{2021}}\nמטפל: [[PERSON|יואב קפלינסקי]]\n\nההודעה של הלקוחה:\n"שלום [[PERSON|יואב]], אחרי הייבוא של {{יום שלישי}} יש לנו כפילויות בכל אנשי הקשר מ{{שטראוס}} ומ{{רמי לוי}}. למשל [[PERSON|תמר וייסברג]] מופיעה שלוש פעמים, פעם אחת בתור [[PERSON|tamar.w]] ופעם בתור [[PERSON|TAMAR WEISSBERG]]. גם [[PERSON|אורי]] מהמשרד שלי ראה את זה. דחוף לנו לפני {{ראש השנה}}."\n\nתגובת המערכת (AI): זוהו 412 כפילויות. הצעה: מיזוג לפי מייל. [[PERSON|יואב]] אישר מיזוג ידני לאנשי הקשר הרגישים ותיאם שיחה ב־[[PHONE|03-6097715]].',
    ),
    (
        "support_ticket",
        "ar/AE-Emirati",
        "تذكرة دعم رقم {{DXB-66204}} – مشكلة في الفواتير\nالعميل: [[PERSON|شمة الفلاسي]] – مديرة فرع شركة الأزياء في {{مول ابن بطوطة}}\nالبريد: [[EMAIL|shamma.alfalasi@lamsat-fashion.ae]]\nالهاتف: [[PHONE|+971 56 208 7731]]\nالموظف المسؤول: [[PERSON|خليفة الكتبي]]\n\nوصف المشكلة:\nالفاتورة الأخيرة طلعت بمبلغ {{٢٥٠٠ درهم}} بدل {{١٨٠٠ درهم}}، وعنوان الشحن غلط. العنوان الصحيح: [[ADDRESS|فيلا 27، شارع 15ب، الصفا 2، دبي]]. زميلتها [[PERSON|مريم الشامسي]] حاولت تعدّل العنوان من التطبيق وما زبط.\n\nملاحظات [[PERSON|خليفة]]:\nتواصلت مع [[PERSON|شمة]] و[[PERSON|مريم]]، وصححنا العنوان. المكتب الرئيسي على {{شارع الشيخ زايد}}، لا ترسلوا له شيء. العميلة مسافرة على {{طيران الإمارات}} قبل {{عيد الأضحى}}، نتابع بعد العيد.",
    ),
    (
        "support_ticket",
        "ar/IQ-Iraqi",
        "تكت رقم {{BGD-1029}} – التطبيق ما يفتح على أجهزة المندوبين\nالعميل: شركة الرافدين للأدوية – بغداد\nصاحب الطلب: [[PERSON|مصطفى الجبوري]] – موبايل [[PHONE|0770 418 2265]]\nالموظف: [[PERSON|زينب العبيدي]]\n\nالتفاصيل:\nعدهم ١٢ مندوب بالمحافظات، والتطبيق ديوقف بعد تحديث {{الإصدار 2.9}}. المندوب [[PERSON|حيدر كاظم]] بالبصرة والمندوبة [[PERSON|بان الساعدي]] بأربيل نفس المشكلة. مكتبهم بـ[[ADDRESS|عمارة ٤، زقاق ١٢، محلة ٩٠٥، شارع فلسطين، بغداد]]، قريب من {{شارع أبو نؤاس}}.\n[[PERSON|مصطفى]] يكول الاشتراك {{٣ مليون دينار}} ومو مستعد يدفع إذا ما يتصلح قبل {{عاشوراء}}.\n\nملاحظة [[PERSON|زينب]]: حولت التكت للفريق التقني ([[PERSON|أبو علي]])، ورقم الشبكة اللي يستخدمونه {{زين العراق}}. رقم [[PERSON|حيدر]] للمتابعة: [[PHONE|0781 223 9054]].",
    ),
    (
        "support_ticket",
        "es/MX-Mexican",
        'Ticket {{MX-22871}} – Error al sincronizar pedidos\nCliente: Distribuidora del Bajío (cliente de {{Farmacias Guadalajara}})\nContacto: [[PERSON|Diego Hernández Ruiz]] – [[PHONE|+52 33 1784 2290]] – [[EMAIL|dhernandez@distbajio.mx]]\nAgente: [[PERSON|José María de la Fuente]]\n\nMensaje del cliente:\n"Buenas tardes. Desde el {{Día de Muertos}} los pedidos de la sucursal de {{Benito Juárez}} no aparecen en el {{Plan Pro}}. Nuestra gerente, [[PERSON|Guadalupe Martínez]] ([[PERSON|Lupita]]), ya reinstaló la app dos veces. Urge: tenemos cierre con {{Santander}} el {{viernes}}."\n\nNotas internas:\n[[PERSON|Chema]] ([[PERSON|José María]]) confirmó que el webhook apuntaba al servidor viejo de {{Monterrey}}. Se corrigió. Se ofreció un descuento de {{MXN 18,500}}. [[PERSON|Diego]] pidió que la próxima llamada sea con [[PERSON|Lupita]] directamente.',
    ),
    (
        "linkedin_outreach",
        "en/KR-Korean",
        "[AI draft – InMail, step 2 of 4]\nTo: [[PERSON|Park Ji-hoon]] ({{VP, Retail Partnerships}} at a {{Lotte}} supplier) – linkedin.com/in/[[PERSON|jihoon-park]]-4b2a91\nFrom: [[PERSON|Daniel Cho]]\n\nHi [[PERSON|Ji-hoon]],\n[[PERSON|Kim Seo-yeon]] mentioned you're rebuilding the B2B ordering flow before {{Chuseok}}. We helped a {{Hyundai Department Store}} vendor cut order errors by {{27%}} in one quarter. Would a 20-minute call on {{Thursday}} work? I'm in Seoul that week.\n\nIf it's easier, text me on [[PHONE|+82 10-7734-2081]] or reply to [[EMAIL|daniel.cho@bridgeline.kr]].\nBest, [[PERSON|Daniel]]\n\n---\nLead insight: mutual connection [[PERSON|Takahashi Haruka]] (Tokyo) endorsed [[PERSON|Park]] for \"channel strategy\". [[PERSON|Seo-yeon]] is the warmer path; [[PERSON|Ji-hoon]] ignored step 1. Suggested plan: {{Starter}} pilot at {{KRW 18,000,000}}.",
    ),
    (
        "linkedin_outreach",
        "en/DE-TurkishGerman",
        'Sequence "DACH Manufacturing Q2" – message 1 (generated)\nProspect: [[PERSON|Ayşe Demir-Schulz]], {{Head of Sales Operations}}, mid-size supplier to {{Porsche}} and {{Bosch}}\nConnection note:\n"Hallo [[PERSON|Ayşe]] – I saw your post about CPQ chaos after the {{Siemens}} framework deal. We work with three suppliers around {{Stuttgart}}; happy to share what worked. – [[PERSON|Lena Hoffmann]]"\n\nFollow-up if accepted:\n"Thanks for connecting! [[PERSON|Klaus Müller-Brandt]] from your procurement team said budget opens after {{Oktoberfest}}. Our {{Scale}} tier starts at {{€45,000}}/year. Would you or [[PERSON|Klaus]] have time next {{Tuesday}}?"\n\nCRM notes: [[PERSON|Ayşe]] previously worked with [[PERSON|Mehmet Yılmaz]] at a {{Hamburg}} logistics firm; [[PERSON|Mehmet]] is now a customer of ours – ask [[PERSON|Lena]] to request an intro. Avoid calling [[PERSON|Ayşe]] before 10:00.',
    ),
    (
        "linkedin_outreach",
        "en/CA-Punjabi",
        'LinkedIn outreach – GTA franchise owners\nTarget: [[PERSON|Harpreet Kaur Sandhu]], owner of six {{Tim Hortons}} franchises in {{Brampton}} and {{Mississauga}}\nSender: [[PERSON|Usman Qureshi]] (AE)\n\nDraft:\n"Sat Sri Akal [[PERSON|Harpreet]] ji – congrats on the new store opening before {{Vaisakhi}}! I work with multi-unit operators who juggle staffing and supplier orders across locations. [[PERSON|Gurjit Singh Dhillon]] (your cousin, I believe?) uses our scheduling module at his {{Shoppers Drug Mart}} stores. Could I show you a 15-min demo? Reach me at [[PHONE|(905) 452-8816]] or [[EMAIL|usman.q@northpeakretail.ca]]."\n\nAI research summary:\n- [[PERSON|Harpreet]] posts mostly in Punjabi; prefers WhatsApp.\n- Her operations manager is [[PERSON|Jaspreet]] ("[[PERSON|Jas]]") [[PERSON|Grewal]].\n- Budget estimate: {{CAD 60,000}}; decision likely after {{Diwali}}.\n- Don\'t confuse with [[PERSON|Harpreet Sandhu]] in {{Surrey}} – different person.',
    ),
    (
        "linkedin_outreach",
        "en/VN-Vietnamese",
        'Outreach plan – SEA FMCG distributors\n1) [[PERSON|Nguyễn Thị Thu Hà]] – Commercial Director, {{Ho Chi Minh City}}; supplier to {{Vinamilk}}\n   Message: "Chào chị [[PERSON|Hà]] – we helped a {{Masan}} distributor automate route planning before {{Tết}}. Worth a chat?"\n2) [[PERSON|Trần Minh Quân]] – {{Head of Trade Marketing}}, {{Hanoi}}; reply expected to [[EMAIL|quan.tran@mekongtrade.vn]]\n3) [[PERSON|Somchai Wongsakul]] – regional lead, {{Bangkok}} – [[PHONE|+66 81 624 3907]]\n   Note: [[PERSON|Somchai]] is away for {{Songkran}}; schedule after 20 April.\n4) [[PERSON|Pimchanok Srisuk]] ("[[PERSON|Ploy]]") – procurement; [[PERSON|Ploy]] accepted the connection request yesterday.\n\nOwner: [[PERSON|Jessica Nguyen-Harper]]. Deal size if all three close: {{VND 1.2 billion}} + {{THB 900,000}}.\nReminder from [[PERSON|Jessica]]: address [[PERSON|Hà]] as "chị", not by surname.',
    ),
    (
        "linkedin_outreach",
        "he/IL-ArabIsraeli",
        'טיוטת הודעה – פנייה ראשונה (נוצר ע"י העוזר החכם)\nאל: [[PERSON|רמי ג\'בארין]], {{מנכ"ל}} רשת חנויות חשמל ב{{נצרת}} וב{{אום אל-פחם}}\nמאת: [[PERSON|עדי שמואלי]]\n\n"היי [[PERSON|רמי]], ראיתי את הפוסט שלך על פתיחת הסניף החדש – מזל טוב! אנחנו עובדים עם כמה רשתות קמעונאות בצפון, בין היתר עם הצוות של [[PERSON|לובנא מחאג\'נה]], ועזרנו להם לקצר את זמן הטיפול בהזמנות ב־{{35%}}. אשמח לשיחה קצרה אחרי {{רמדאן}}. אפשר לתפוס אותי ב־[[PHONE|052-4471938]]."\n\nהערות CRM:\n- [[PERSON|סאמר גאנם]], {{סמנכ"ל הכספים}}, הוא מקבל ההחלטות בפועל.\n- החשבון שלהם ב{{בנק לאומי}}; תקציב משוער {{₪140,000}}.\n- [[PERSON|לובנא]] מוכנה לתת המלצה – לתאם דרך [[EMAIL|lubna.m@galil-tech.co.il]].\n- [[PERSON|רמי]] מעדיף הודעות בערבית; [[PERSON|עדי]] תעביר ל[[PERSON|נסרין]] לתרגום.',
    ),
    (
        "linkedin_outreach",
        "he/IL-Bedouin",
        'רצף פניות "יזמים בנגב" – הודעה 3\nנמען: [[PERSON|סולימאן אבו רקייק]], בעלים של חברת הסעות ב{{רהט}}\nשולחת: [[PERSON|מאיה פרידמן]]\n\n"שלום [[PERSON|סולימאן]], ראיתי שזכיתם ב{{מענק רשות החדשנות}} – כל הכבוד! אחת הלקוחות שלנו, [[PERSON|חדרה אלהוזייל]] מ{{חורה}}, משתמשת במערכת כדי לנהל 40 נהגים. היא אמרה שאתה מכיר אותה. נוכל להיפגש אחרי {{עיד אל-פיטר}}?"\n\nתובנות מהפרופיל:\n• [[PERSON|סולימאן]] למד ב{{אוניברסיטת בן-גוריון}}; השותף שלו הוא [[PERSON|אבו סאלם]] (שם מלא: [[PERSON|סאלם אבו עג\'אג\']]).\n• כתובת המשרד: [[ADDRESS|שכונה 12, מבנה 7, רהט 8535700]].\n• תקציב אפשרי {{₪120,000}}; עובדים עם {{מועצה אזורית נווה מדבר}}.\n• מעדיף פגישה פיזית ולא זום.',
    ),
    (
        "linkedin_outreach",
        "he/IL-Ashkenazi",
        '[טיוטה] הודעת LinkedIn ל[[PERSON|ליאור גולדשטיין]]\nתפקיד: {{ראש צוות מכירות}} בחברת סייבר, משרדים על {{אבן גבירול}}\n\n"היי [[PERSON|ליאור]], ראיתי שגייסתם 6 אנשי SDR חדשים החודש. אצלנו [[PERSON|אורנה קליין]] ו[[PERSON|איתמר ברגר]] בנו playbook למצב בדיוק כזה. בא לך קפה ב{{לנדוור}} ליד המשרד ב{{יום רביעי}}?"\n\nהערות פנימיות:\n[[PERSON|ליאור]] היה בעבר ב{{ויקטורי}} בתפקיד IT. [[PERSON|אורנה]] מכירה אותו מהמילואים. מטרה: פיילוט {{Growth}} עד ה{{אביב}}, בערך {{₪85,000}}. אם לא עונה – [[PERSON|איתמר]] ינסה דרך [[PERSON|ירון]] מ{{שטראוס}}.',
    ),
    (
        "linkedin_outreach",
        "ar/LB-Levantine",
        'مسودة رسالة LinkedIn – حملة "مطاعم بيروت"\nإلى: [[PERSON|رانيا حداد]]، {{مديرة التسويق}} في مجموعة مطاعم بشارع {{الحمرا}}\nمن: [[PERSON|كريم نصار]]\n\n"مرحبا [[PERSON|رانيا]]، كيفك؟ شفت إنو افتتحتوا فرع جديد قبل {{عيد مار مارون}}، مبروك! نحنا منشتغل مع {{مجموعة فتال}} على نظام الطلبيات، وفيني فرجيكي كيف وفّرنا عليهن {{٢٠٪}} من الوقت. إذا بيناسبك، منحكي {{الجمعة}}؟ رقمي [[PHONE|+961 3 418 227]]."\n\nملاحظات الـCRM:\n- زميلها [[PERSON|إيلي خوري]] هو يلي بيقرر بالميزانية (تقريباً {{٤٠ ألف دولار}}).\n- [[PERSON|جمانة صفير]] من {{بنك عودة}} عرّفتنا عليها.\n- [[PERSON|رانيا]] بتحب الرسائل القصيرة؛ [[PERSON|كريم]] يتابع بعد أسبوع إذا ما ردّت.\n- إيميلها الشغل: [[EMAIL|rania.haddad@hamra-dining.com.lb]]',
    ),
    (
        "linkedin_outreach",
        "ar/PS-Palestinian",
        'رسالة تواصل – حملة شركات التوزيع في الضفة\nإلى: [[PERSON|ربى التميمي]]، {{مديرة المبيعات}} في شركة توزيع مواد غذائية – رام الله\nمن: [[PERSON|ديما جابر]]\n\n"مرحبا [[PERSON|ربى]]، شفت منشورك عن توسعكم لـ{{نابلس}} و{{الخليل}}. إحنا ساعدنا [[PERSON|عودة القواسمي]] بالخليل ينظّم طلبيات ٣٠٠ محل. بتحبي نحكي ١٥ دقيقة الأسبوع الجاي؟"\n\nملاحظات:\n- [[PERSON|عودة]] (بيحبوا ينادوه [[PERSON|أبو يزن]]) جاهز يحكي معها كمرجع.\n- التمويل غالباً عن طريق {{بنك فلسطين}}، والميزانية حوالي {{١٥ ألف دولار}}.\n- مكتبهم جنب {{شارع ركب}}، قريب من {{دوار المنارة}}.\n- [[PERSON|ديما]] بتتابع على الواتساب، والجوال التاني على {{جوال}}.',
    ),
    (
        "linkedin_outreach",
        "pt/BR-Brazilian",
        'Rascunho de InMail – campanha Varejo SP\nPara: [[PERSON|Luiza da Silva Oliveira]], {{Gerente de Vendas}} numa fornecedora do {{Magazine Luiza}}\nDe: [[PERSON|João Pedro Albuquerque]]\n\n"Oi [[PERSON|Luiza]], tudo bem? Vi que vocês abriram um centro de distribuição perto da {{Avenida Paulista}}. Ajudamos um fornecedor da {{Natura}} a reduzir rupturas em {{22%}}. Topa um café depois do {{Carnaval}}? Meu WhatsApp: [[PHONE|+55 11 98743-2106]]."\n\nNotas do CRM:\n- A diretora comercial é [[PERSON|Maria Eduarda Fonseca]] ([[PERSON|Duda]]); quem indicou foi [[PERSON|Rafael Nakamura]].\n- [[PERSON|Luiza]] prefere ser chamada de [[PERSON|Lu]] e responde mais rápido por e-mail: [[EMAIL|luiza.oliveira@varejosul.com.br]].\n- Orçamento estimado: {{R$ 80 mil}}/ano, decisão em {{março}}.\n- [[PERSON|João Pedro]] já falou com [[PERSON|Duda]] num evento em {{São Paulo}}.',
    ),
    (
        "csv_export",
        "en/US-Mixed",
        '# export: benefits_leads_2024Q4.csv (requested by [[PERSON|Brandon Kowalski]] for the AI dedupe job)\nlead_id,full_name,employer,city,phone,email,stage,notes\nL-10441,[[PERSON|Aaliyah Robinson]],{{Johnson & Johnson}},{{Austin}},[[PHONE|(512) 738-4410]],[[EMAIL|aaliyah.robinson@gmail.com]],Qualified,"referred by [[PERSON|Connor]]"\nL-10442,[[PERSON|Yesenia Ortiz]],{{Wells Fargo}},{{Madison}},[[PHONE|(608) 291-7735]],[[EMAIL|yortiz88@outlook.com]],Demo booked,"SSN on enrollment form: [[US_SSN|428-61-3097]] – REMOVE"\nL-10443,[[PERSON|Hiroshi Tanaka-Wells]],{{Ford}},{{Tyler}},[[PHONE|(903) 566-1208]],,Nurture,"prefers [[PERSON|Hiro]]"\nL-10444,[[PERSON|Connor McAllister]],{{Hilton}},{{Charlotte}},[[PHONE|(980) 224-6391]],[[EMAIL|cmcallister@hiltonfranchise-nc.com]],Closed Won,"$12,400 ACV"\nL-10445,[[PERSON|Mariama Jallow]],{{Dell}},{{Round Rock}},,[[EMAIL|mjallow@proton.me]],Qualified,"Gambian; call after Tobaski"\n\nSummary for [[PERSON|Brandon]]: 5 rows, 1 row contains a Social Security number in the notes column – do not sync that field to {{HubSpot}}.',
    ),
    (
        "csv_export",
        "en/IN-Gujarati",
        '"Lead Name","Company","City","Mobile","Email","Owner","Deal Value","Next Step"\n"[[PERSON|Hetal Bhavesh Patel]]","{{Tata Motors}} dealer – {{Patel Auto Hub}}","{{Surat}}","[[PHONE|+91 98250 41736]]","[[EMAIL|hetal.patel@patelautohub.in]]","[[PERSON|Anoop Varghese]]","INR 18,00,000","Demo Friday"\n"[[PERSON|Shuvo Chowdhury]]","{{Godrej}} Interio franchise","{{Kolkata}}","[[PHONE|+91 90073 28814]]","","[[PERSON|Anoop Varghese]]","INR 6,50,000","Send quote"\n"[[PERSON|TANUSHREE BANERJEE]]","{{Bajaj}} Finserv channel","{{Kolkata}}","[[PHONE|+91 98310 66257]]","[[EMAIL|tanushree.b@bajajchannel.co.in]]","[[PERSON|Nimmy Thomas]]","INR 9,20,000","After {{Durga Puja}}"\n"[[PERSON|Jignesh Mehta]]","{{Mahindra}} tractors","{{Rajkot}}","[[PHONE|+91 94262 18830]]","","[[PERSON|Nimmy Thomas]]","INR 4,00,000","Call back"\n"[[PERSON|Anil Kumar Pillai]]","Kerala Spices Co.","{{Kochi}}","","[[EMAIL|anil.pillai@keralaspices.in]]","[[PERSON|Anoop Varghese]]","INR 2,75,000","Intro via [[PERSON|Nimmy]]"\nAI note: "{{Patel Auto Hub}}" is the dealership\'s trading name; [[PERSON|Hetal]] is the buyer.',
    ),
    (
        "csv_export",
        "en/AE-SouthAsianExpat",
        "customer,company,emirate,mobile,card_on_file,plan,mrr_aed,csm\n[[PERSON|Muhammad Bilal Chaudhry]],{{Al-Futtaim}} Motors sub-dealer,{{Sharjah}},[[PHONE|+971 55 381 9027]],,Pro,2400,[[PERSON|Reshma]]\n[[PERSON|Rokeya Begum]],Dhaka Tailors LLC,{{Deira}},[[PHONE|+971 52 904 1186]],[[CREDIT_CARD|5326 2512 3937 0450]],Starter,650,[[PERSON|Reshma]]\n[[PERSON|Imran Siddiqui]],supplier to {{Lulu Hypermarket}},{{Abu Dhabi}},[[PHONE|+971 50 774 2316]],,Pro,2400,[[PERSON|Joel]]\n[[PERSON|Joseph Thekkumkattil]],Malabar Gold reseller,{{Al Ain}},[[PHONE|+971 4 337 9021]],,Enterprise,9800,[[PERSON|Joel]]\n[[PERSON|Fatima-Zahra Ait Lahcen]],{{Emirates NBD}} vendor,{{Dubai}},[[PHONE|+971 58 611 4530]],,Starter,650,[[PERSON|Reshma]]\n\nCSM legend: [[PERSON|Reshma]] = [[PERSON|Reshma Nair]], [[PERSON|Joel]] = [[PERSON|Joel D'Souza]]. Row 2 holds a full card number in card_on_file – mask before sharing with finance.",
    ),
    (
        "csv_export",
        "en/ET-Pan-African",
        "id;contact;company;country;phone;email;segment\n901;[[PERSON|Tsion Bekele]];{{Ethiopian Airlines}} catering vendor;{{Ethiopia}};[[PHONE|+251 91 134 5872]];[[EMAIL|tsion.bekele@addiscatering.et]];Mid-market\n902;[[PERSON|Kwabena Owusu-Ansah]];Kumasi Agro;{{Ghana}};[[PHONE|+233 20 448 1193]];;SMB\n903;[[PERSON|Thandiwe Mokoena]];{{Shoprite}} supplier;{{South Africa}};[[PHONE|+27 82 551 3094]];[[EMAIL|thandi@mokoenafoods.co.za]];Enterprise\n904;[[PERSON|Ibrahim Abubakar Sani]];{{Dangote Cement}} distributor;{{Nigeria}};[[PHONE|+234 803 771 2045]];;Mid-market\n905;[[PERSON|Neema Mushi]];Kilimanjaro Coffee Ltd;{{Tanzania}};[[PHONE|+255 754 218 390]];[[EMAIL|neema.mushi@kilicoffee.co.tz]];SMB\n906;[[PERSON|Abebe Girma]];Selam Printing;{{Ethiopia}};[[PHONE|+251 92 610 4478]];;SMB\n# exported by [[PERSON|Chinonso Eze]] – {{Addis Ababa}} row 906 duplicates 901 (same office)",
    ),
    (
        "csv_export",
        "he/IL-Mixed",
        'שם מלא,ת.ז.,חברה,עיר,טלפון,סטטוס\n[[PERSON|מורן אלבז]],[[IL_ID|756714127]],{{יוחננוף}} – ספק ירקות,{{שלומי}},[[PHONE|050-2276419]],ליד חם\n[[PERSON|יבגניה קוגן]],,{{אושר עד}} סניף {{ערד}},{{ערד}},[[PHONE|058-6613027]],הצעת מחיר\n[[PERSON|אלי בן שושן]],,{{מאפיית אנג\'ל}},{{ירושלים}},[[PHONE|02-6431187]],לקוח\n[[PERSON|טליה ורדי]],,מועדון ספורט,{{דימונה}},[[PHONE|054-9902185]],לא רלוונטי\n[[PERSON|עומר חביב]],,{{שטראוס}} – מפיץ,{{חיפה}},[[PHONE|052-3318470]],ליד חם\n\n# הערת מערכת: השדה ת.ז. יוצא רק לשורה של [[PERSON|מורן]] כי [[PERSON|אורטל]] ממחלקת הגבייה הזינה אותו בטעות. "{{שלומי}}" הוא שם היישוב, לא שם של איש קשר.',
    ),
    (
        "csv_export",
        "he/IL-HarediEthiopian",
        'מזהה,שם,טלפון,דוא"ל,מוצר,הערות\n5501,[[PERSON|ברוך בער הלברשטאם]],[[PHONE|053-3149920]],,{{מסלול כשר}},"מעדיף שיחה אחרי {{תשעה באב}}"\n5502,[[PERSON|רחל לאה גולדפרב]],[[PHONE|052-7658123]],[[EMAIL|office@goldfarb-sforim.co.il]],{{חבילת בסיס}},"החנות ב{{רחוב חזון איש}}"\n5503,[[PERSON|אדיסו וורקו]],[[PHONE|054-7283316]],[[EMAIL|adisu.worku@gmail.com]],{{Pro}},"הפנה את [[PERSON|טספאיה]]"\n5504,[[PERSON|טספאיה מולו]],[[PHONE|050-8814729]],,{{Pro}},"ליצור קשר לפני {{סיגד}}"\n5505,[[PERSON|ש. פרידמן]],[[PHONE|02-5381476]],,{{חבילת בסיס}},"לשאול על {{₪4,200}}"\n\nסיכום AI: 5 לידים, שניים מ{{בית שמש}} ושלושה מ{{רחובות}}. [[PERSON|אדיסו]] הוא ממליץ פעיל. אחראית: [[PERSON|שני אלקיים]].',
    ),
    (
        "csv_export",
        "he/IL-DruzeArab",
        "שם,כפר/עיר,כתובת,נייד,מייל,ערך עסקה\n[[PERSON|וג'די זהר א-דין]],{{בית ג'ן}},[[ADDRESS|רחוב 5 מס' 12, בית ג'ן 2499000]],[[PHONE|050-6624071]],[[EMAIL|wajdi.zd@zaharlogistics.co.il]],{{₪48,000}}\n[[PERSON|אמל חסון]],{{ירכא}},,[[PHONE|052-8891340]],,₪12,500\n[[PERSON|נזיה אבו סאלח]],{{מג'דל שמס}},,[[PHONE|054-4016628]],[[EMAIL|naziha.as@golanapples.co.il]],{{₪30,000}}\n[[PERSON|לובנא מחאג'נה]],{{אום אל-פחם}},,[[PHONE|04-6312274]],,₪9,000\n[[PERSON|איימן דאהר]],{{שפרעם}},,[[PHONE|053-7745502]],,{{₪22,000}}\n\nהערות: [[PERSON|אמל]] הוא איש הקשר, שם פרטי של גבר; הלקוח מ{{ירכא}} אמר שיש \"{{אמל}}\" (תקווה) לסגור לפני {{חג הקורבן}}.",
    ),
    (
        "csv_export",
        "ar/SA-Hijazi",
        "الاسم,الجهة,المدينة,الجوال,البريد,المرحلة,القيمة\n[[PERSON|عبدالله الغامدي]],مورد لـ{{مصرف الراجحي}},{{جدة}},[[PHONE|0504418273]],[[EMAIL|a.alghamdi@hijazsupply.sa]],عرض سعر,{{١٢٠ ألف ريال}}\n[[PERSON|هيا الزهراني]],{{مجموعة الحكير}},{{الرياض}},[[PHONE|0561239804]],,تفاوض,٨٥ ألف ريال\n[[PERSON|فهد بن سعد العتيبي]],{{شركة الزامل}},{{الدمام}},[[PHONE|0537720915]],[[EMAIL|fahad.otaibi@zamil-partners.sa]],مؤهل,{{٢٠٠ ألف ريال}}\n[[PERSON|نوف القرشي]],{{مكتبة جرير}} – فرع,{{أبها}},[[PHONE|0598814036]],,جديد,-\n[[PERSON|أم عبدالعزيز]],مشغل خياطة,{{مكة}},[[PHONE|0552376140]],,جديد,-\nملاحظة [[PERSON|سلطان]]: [[PERSON|هيا]] طلبت التواصل بعد {{اليوم الوطني}}.",
    ),
    (
        "csv_export",
        "ar/DZ-Maghrebi",
        'رقم,الاسم,الشركة,المدينة,الهاتف,الملاحظة\n1,[[PERSON|كريم بوعلام]],موزع مواد بناء,{{وهران}},[[PHONE|+213 661 42 87 19]],"يحب يشوف الديمو نهار {{الثلاثاء}}"\n2,[[PERSON|سلمى بن عمر]],{{مطاحن بن عمر}},{{قسنطينة}},[[PHONE|+213 771 30 56 84]],"مديرة المشتريات"\n3,[[PERSON|يوسف الشابي]],شركة زيت زيتون,{{صفاقس}},[[PHONE|+216 55 219 840]],"قال {{إن شاء الله}} بعد {{المولد النبوي}}"\n4,[[PERSON|نعيمة أوحدو]],تعاونية أركان,{{أكادير}},[[PHONE|+212 670-118342]],"ترسل البريد: [[EMAIL|naima.ouhaddou@argan-coop.ma]]"\n5,[[PERSON|الطاهر زروقي]],,{{تلمسان}},[[PHONE|+213 551 28 44 07]],"يعرف [[PERSON|كريم]]"\n\nتعليق المساعد: الميزانية الإجمالية حوالي {{٢ مليون دينار جزائري}}. [[PERSON|سلمى]] هي صاحبة القرار.',
    ),
    (
        "csv_export",
        "de/DE-Mixed",
        'Kunde;Firma;Ort;Telefon;E-Mail;Betreuer;Umsatz\n[[PERSON|Ayşe Korkmaz]];Zulieferer für {{Porsche}};{{Essen}};[[PHONE|0201 8473920]];[[EMAIL|a.korkmaz@rheinteile.de]];[[PERSON|Jonas]];{{€ 84.000}}\n[[PERSON|Agnieszka Nowak-Schreiber]];{{Müller Milch}} Logistikpartner;{{Hamm}};[[PHONE|+49 2381 5527140]];;[[PERSON|Jonas]];€ 31.500\n[[PERSON|Wladimir Becker]];Händler für {{Dr. Oetker}};{{Bielefeld}};[[PHONE|0521 9386412]];[[EMAIL|w.becker@ostwest-handel.de]];[[PERSON|Svenja]];€ 12.800\n[[PERSON|Emine Yıldız]];{{Aldi}} Regionallieferant;{{Köln}};[[PHONE|0176 21849035]];;[[PERSON|Svenja]];{{€ 56.000}}\nHinweis: [[PERSON|Jonas Weber]] übernimmt ab {{Montag}}. "{{Essen}}" ist die Stadt, nicht das Wort Essen.',
    ),
    (
        "quote_or_invoice",
        "en/GB-British",
        "INVOICE {{INV-2025-0412}}\nBill to: Aerospace Components Procurement (supplier code RR-5531, {{Rolls-Royce}} framework)\nAttn: [[PERSON|Eleanor Whitfield-Okafor]], {{Procurement Manager}}\n[[ADDRESS|Unit 4, Kingsway Business Park, Oldgate Lane, Derby DE24 8BJ]]\n\nDescription                                   Qty   Amount\n{{Pro Plan}} licences (annual)                 25    {{£15,625.00}}\nOnboarding workshop – delivered by [[PERSON|Rhys Pritchard]]   1     {{£3,125.00}}\nSubtotal {{£18,750.00}} · VAT {{20%}} · Total due {{£22,500.00}}\nTerms: {{Net 30}}\n\nRemit to: Brightline Software Ltd, [[IBAN|GB44 NWBK 6016 1305 0443 57]]\nQueries: [[PERSON|Sunil Gupta]], accounts receivable – [[EMAIL|sunil.gupta@brightline.co.uk]] / [[PHONE|020 7946 0321]]\n\nAI check: PO number missing. [[PERSON|Eleanor]] said in the last call that [[PERSON|Marcus Hale]] approves anything over £10k; suggest cc'ing [[PERSON|Marcus]] and [[PERSON|Rhys]] on the reminder.",
    ),
    (
        "quote_or_invoice",
        "en/US-Mixed",
        "QUOTE {{Q-88213}} · valid until {{November 28}} (the day after {{Thanksgiving}})\nPrepared for: [[PERSON|Brianna Sullivan]], {{COO}}, Bayview Specialty Grocers (supplier to {{Trader Joe's}})\nPrepared by: [[PERSON|Raúl Castillo]]\n\nLine items\n- {{Enterprise}} tier, 60 seats × 12 months ........ {{$54,000}}\n- Multi-entity add-on .................................. {{$6,000}}\n- Discount ({{10%}}, approved by [[PERSON|Mei-Ling Chow]]) ...... –{{$6,000}}\nTotal: $54,000\n\nDeposit authorization (customer typed this into the quote portal):\nCard: [[CREDIT_CARD|3714 924741 16670]] · Name on card: [[PERSON|BRIANNA K SULLIVAN]] · Billing ZIP 95112\nShip licences to warehouse at [[ADDRESS|1870 Little Orchard St, San Jose, CA 95125]]\n\nNote from [[PERSON|Raúl]]: [[PERSON|Brianna]]'s colleague [[PERSON|José Ibarra]] runs the {{San Jose}} site; [[PERSON|Pepe]] (that's [[PERSON|José]]) wants a separate invoice.",
    ),
    (
        "quote_or_invoice",
        "en/MY-Malay",
        "Quotation QT/KL/2025/118\nTo: [[PERSON|Nur Aisyah binti Kamaruddin]], Head of Sales, Teras Niaga Sdn Bhd\nAddress: [[ADDRESS|Level 12, Menara Kencana, 165 Jalan Ampang, 50450 Kuala Lumpur]]\nCc: [[PERSON|Ahmad Faizal bin Yusof]] (finance), [[PERSON|Tan Wei Ling]] (Singapore office, {{Raffles Place}})\n\nItem                               Price\n{{Growth}} plan, 30 users, 1 yr     {{MYR 54,000}}\nSG entity add-on                    {{SGD 6,200}}\nImplementation ([[PERSON|Rajesh]] s/o [[PERSON|Muthusamy]])   {{MYR 8,500}}\n\nPayment: 50% upfront, balance after go-live (target: before {{Hari Raya Puasa}}).\nContact: [[PERSON|Aisyah]] – [[PHONE|+60 12-338 4172]]; [[PERSON|Wei Ling]] – [[PHONE|+65 9123 4876]]\nSales rep: [[PERSON|Kavitha Ramasamy]] <[[EMAIL|kavitha.r@lantern-crm.asia]]>\nNote: office closed for {{Deepavali}}; shipments via {{Jalan Sultan Ismail}} loading bay.",
    ),
    (
        "quote_or_invoice",
        "en/IL-Mizrahi",
        "TAX INVOICE {{INV-IL-2291}}\nSupplier: Kodkod Analytics Ltd., {{Herzliya}}\nCustomer: {{Azulay Events}} – Attn: [[PERSON|Shimrit Azulay]]\nDate: {{24 December}} (first night of {{Hanukkah}})\n\nServices\nAnnual {{Insights}} licence – 12 seats          {{₪36,000}}\nCustom dashboard (built by [[PERSON|Evgeny Kogan]])    {{₪6,300}}\nVAT {{18%}}                                        ₪7,614\nTotal                                            ₪49,914\n\nBank transfer to [[IBAN|IL75 0108 0010 7246 3823 897]] ({{Bank Mizrahi-Tefahot}}, branch 800)\nContact for billing: [[PERSON|Yossi Elmaliach]] – [[PHONE|+972 54-771-2093]], [[EMAIL|yossi@kodkod-analytics.co.il]]\nOffice: [[ADDRESS|Maskit St 10, 3rd floor, Herzliya 4673310]]; invoices for the Tel Aviv team go to the {{Rothschild Blvd}} office.\nAI reminder: [[PERSON|Shimrit]] asked to split the invoice between her and her partner [[PERSON|Liron Dahan]].",
    ),
    (
        "quote_or_invoice",
        "he/IL-Mixed",
        'חשבונית מס / קבלה {{40921}}\nלכבוד: [[PERSON|רונית בן חמו]], {{מנהלת רכש}}, {{חומוס אבו חסן}} – סניף יפו\nתאריך: {{ג\' בטבת תשפ"ה}} ({{3 בינואר}})\n\nפירוט:\nמנוי {{Pro}} ל־5 משתמשים – {{₪11,000}}\nהדרכה (ניתנה ע"י [[PERSON|שגיא רביבו]]) – ₪1,500\nמע"מ {{18%}}\nסה"כ לתשלום: {{₪14,750}}\n\nאמצעי תשלום: כרטיס אשראי [[CREDIT_CARD|4580-6209-6654-2875]], בעל הכרטיס [[PERSON|אברהם בן חמו]], 3 תשלומים\nלשאלות: [[PERSON|שגיא]] – [[PHONE|052-3317602]]\n\nהערה: [[PERSON|רונית]] ביקשה שהחשבונית תישלח גם ל[[PERSON|מוטי]] ב־[[EMAIL|moti.benhamo@gmail.com]]. לא לבלבל עם הסניף של {{אבו חסן}} ברחוב {{דולפין}}.',
    ),
    (
        "quote_or_invoice",
        "he/IL-Haredi",
        "הצעת מחיר מס' {{HZ-7731}}\nעבור: {{ספרי ליקוטי אמרים}} – חנות ספרי קודש\nלידי: [[PERSON|אליעזר זלמן טייכמן]] ו[[PERSON|מרים הינדא טייכמן]]\nכתובת: [[ADDRESS|רחוב סורוצקין 14 דירה 6, ירושלים 9446214]]\n\nפריטים:\n1. מערכת קופה + מלאי – {{₪8,900}}\n2. {{מסלול כשר}} (ללא דפדפן) – {{₪1,200}} לשנה\n3. התקנה ביום {{רביעי}}, לא ב{{בין הזמנים}}\n\nתוקף ההצעה: עד {{ראש חודש ניסן}}\nאיש מכירות: [[PERSON|שמואל גרינפלד]], [[PHONE|02-5373318]]\nהערת AI: [[PERSON|אליעזר זלמן]] ביקש שכל התכתובת תעבור דרך בנו [[PERSON|יענקי]] ([[PHONE|055-6761409]]), כי [[PERSON|מרים הינדא]] לא משתמשת בדוא\"ל.",
    ),
    (
        "quote_or_invoice",
        "he/IL-Ethiopian",
        'הצעת מחיר – {{Q-2025-219}}\nלקוח: {{קפה אבבה}} בע"מ, {{רחובות}}\nאיש קשר: [[PERSON|טספאיה אדמסו]], {{מנכ"ל}}; שותפה: [[PERSON|מזל מלקו]]\nנציגת מכירות: [[PERSON|הדס ויינשטיין]] <[[EMAIL|hadas.w@kodkod-analytics.co.il]]>\n\nפירוט:\n- חבילת {{Starter}} לשלוש נקודות מכירה – {{₪7,800}}\n- אינטגרציה עם {{קופת רמי לוי}}? לא רלוונטי – הוסר\n- הנחה לעסק חברתי – {{15%}}\n\nלתשלום בהעברה בנקאית: [[IBAN|IL05 0126 1262 7113 4860 469]] (על שם המשווק)\nהערת [[PERSON|הדס]]: [[PERSON|טספאיה]] מבקש לפצל ל־10 תשלומים. בחשבונית הקודמת השם של [[PERSON|מזל]] הודפס בטעות כ"{{מזל טוב}}" – לתקן. טלפון: [[PHONE|054-6209834]].',
    ),
    (
        "quote_or_invoice",
        "ar/SA-Najdi",
        "فاتورة ضريبية مبسطة رقم {{INV-RUH-00982}}\nالبائع: شركة حلول المبيعات الذكية – الرقم الضريبي 310122884500003\nالمشتري: [[PERSON|سلطان بن ناصر العتيبي]] – مؤسسة تجارية، موزّع لأسواق {{العثيم}}\nالتاريخ: {{٢ ذو القعدة ١٤٤٦هـ}}\n\nالبند                          المبلغ\nاشتراك {{الباقة الذهبية}} سنوي      {{٤٠,٠٠٠ ريال}}\nتدريب الفريق (المدربة [[PERSON|هيفاء الدوسري]])   {{٦,٠٠٠ ريال}}\n{{ضريبة القيمة المضافة ١٥٪}}          ٦,٩٠٠ ريال\nالإجمالي                        ٥٢,٩٠٠ ريال\n\nطريقة الدفع: بطاقة مدى [[CREDIT_CARD|4464 1600 8699 3469]] – حاملها [[PERSON|سلطان العتيبي]]\nللاستفسار: [[PERSON|ماجد الشهري]] – [[PHONE|0541187620]]\nملاحظة: [[PERSON|أبو ناصر]] طلب نسخة للمحاسب [[PERSON|بدر]] على [[EMAIL|badr.acc@otaibi-trading.sa]].",
    ),
    (
        "quote_or_invoice",
        "ar/JO-Levantine",
        "عرض سعر رقم {{AMM-2025-044}}\nإلى: السيد [[PERSON|معاذ الخصاونة]]، {{مدير العمليات}} – محلات {{حلويات حبيبة}} (موزّع معتمد)\nالعنوان: [[ADDRESS|عمارة ١٩، شارع مكة، الطابق الثالث، عمّان ١١١٩٥]]\n\nالبنود:\n• نظام إدارة الطلبيات لـ٦ فروع – {{٣٠٠٠ دينار}}\n• تطبيق المندوبين – {{٩٠٠ دينار}}\n• دعم فني سنة – مجاناً حتى {{عيد الاستقلال}}\n\nملاحظات:\n- أعدّ العرض: [[PERSON|لينا أبو خليل]]\n- الموافقة من [[PERSON|سامي العجلوني]] وزوجته [[PERSON|أم فراس]] (شريكة بالمحل)\n- العميل طلب تمييز العرض عن عرض {{شركة حبيب وأولاده}}، ما في علاقة بينا وبينهم\n- [[PERSON|لينا]] بتتابع يوم {{الأحد}}.",
    ),
    (
        "quote_or_invoice",
        "tr/TR-Turkish",
        "TEKLİF No: {{TK-2025-1187}}\nMüşteri: {{Öztürk Tekstil A.Ş.}}\nİlgili kişi: [[PERSON|Elif Yıldırım]], {{Satın Alma Müdürü}}\nAdres: [[ADDRESS|Atatürk Cad. No:48 Kat:3, 16050 Nilüfer/Bursa]]\n\nKalemler:\n- {{Kurumsal}} paket, 40 kullanıcı – {{₺480.000}}\n- Entegrasyon (uygulayan: [[PERSON|Burak Öztürk]]) – {{₺65.000}}\n- {{KDV %20}} – ₺109.000\nToplam: {{₺654.000}}\n\nNotlar:\n[[PERSON|Elif]] Hanım teklifin {{Kurban Bayramı}} öncesi onaylanmasını istiyor. [[PERSON|Burak]] Bey şirketin sahibi [[PERSON|Mustafa Öztürk]] ile akraba değil. İletişim: [[PHONE|+90 532 418 27 65]], [[EMAIL|elif.yildirim@ozturktekstil.com.tr]]",
    ),
    (
        "call_qa_scorecard",
        "en/US-Mixed",
        "QA Scorecard – Call #C-774120 (renewal, 14m 32s)\nAgent: [[PERSON|Keisha Brown]] · Reviewer: [[PERSON|Megan O'Brien]] · Customer: Dr. [[PERSON|Anand Krishnamurthy]], Lakeside Pediatrics\n\n| Criterion                   | Score | Notes |\n| Greeting & verification     | 4/5   | Verified via callback number on file |\n| Needs discovery             | 5/5   | Asked about the {{Einstein}} add-on usage |\n| Compliance (PCI)            | 1/5   | Customer read card [[CREDIT_CARD|5412 0528 5596 6547]] aloud; [[PERSON|Keisha]] repeated it back instead of pausing recording |\n| Objection handling          | 4/5   | Handled price concern on {{Premier Support}} ({{$2,400}}/yr) |\n| Close                       | 3/5   | Didn't confirm the {{Q4}} start date |\n\nOverall: {{68%}} – coaching required.\nCoaching note from [[PERSON|Megan]]: great rapport – [[PERSON|Anand]] even asked for [[PERSON|Keisha]] by name next time. But never repeat card digits; transfer to the IVR. Office manager [[PERSON|Trish Delgado]] will call back after {{Columbus Day}}. Recording flagged for [[PERSON|Luis]] in compliance.",
    ),
    (
        "call_qa_scorecard",
        "en/GB-Irish",
        'Call review – outbound upsell, agent [[PERSON|Niamh Gallagher]]\nCustomer: [[PERSON|Olumide Adeyemi-Clarke]], owner of a boutique that supplies {{Harrods}} concessions\nReviewed by: [[PERSON|Declan Murphy]] on {{Monday 6 January}}\n\nScores\nOpening ............ 5\nDiscovery .......... 3 – didn\'t ask about the second shop in {{Brighton}}\nProduct knowledge .. 4 – explained the {{Retail Plus}} bundle ({{£89}}/month) well\nCompliance ......... 5 – read the call-recording notice\nNext steps ......... 4\nTotal: {{84%}}\n\nTranscript highlight:\n[[PERSON|Olumide]]: "My wife [[PERSON|Funke]] handles the books – I\'ll give you her email after the call."\n[[PERSON|Niamh]]: "Grand, I\'ll send it after {{Boxing Day}}. And you said [[PERSON|Tunde]] runs the Brighton shop?"\nAI insight: [[PERSON|Tunde]] may be the real decision maker; [[PERSON|Declan]] suggests a 3-way call.',
    ),
    (
        "call_qa_scorecard",
        "en/PK-Pakistani",
        'Scorecard: inbound lead, Karachi team\nAgent: [[PERSON|Hamza Malik]] | QA: [[PERSON|Sana Iqbal]] | Lead: [[PERSON|Ayesha Siddiqui]], distributor for {{Daraz}} sellers\n\n1. Greeting (Urdu/English switch handled well) – 5/5\n2. Verification – 2/5: agent asked for CNIC; customer refused; fine, but should not ask at all\n3. Pitch – 4/5: explained {{Growth}} plan at {{PKR 45,000}}/month\n4. Next steps – 4/5: demo set for {{Thursday}} after {{Eid ul-Adha}}\n\nQuotes:\n"[[PERSON|Ayesha]] baji, I\'ll WhatsApp you the deck on [[PHONE|0300 418 7726]]."\n"Please also add my partner [[PERSON|Faisal Rana]], he sits in our {{Lahore}} office – [[PHONE|+92 321 4478019]]."\n\nQA comments ([[PERSON|Sana]]): warm tone. Mentioned the {{Jinnah International Airport}} cargo office correctly. [[PERSON|Hamza]] should not call customers "baji" in English-only calls. Score {{76%}}.',
    ),
    (
        "call_qa_scorecard",
        "en/AU-Filipino",
        "QA form – Manila BPO for AU retail client\nAgent: [[PERSON|Jaycee Ocampo]] · Team lead: [[PERSON|Arnel Dimaculangan]]\nCustomer: [[PERSON|Bronwyn McKenzie]], {{Adelaide}} hardware store (stocks {{Bunnings}}-type lines)\n\nCall flow\n✔ Identified customer via mobile [[PHONE|0412 387 519]]\n✘ PCI: customer gave card [[CREDIT_CARD|4039 2513 7790 4434]] over the phone; agent typed it into the notes field\n✔ Offered {{Annual Saver}} ({{AUD 1,950}})\n✔ Mentioned {{ANZAC Day}} closure\nScore: {{71%}}\n\nEvaluator notes ([[PERSON|Arnel]]): [[PERSON|Jaycee]] confused {{Darwin}} (the city) with a contact called [[PERSON|Darwin Reyes]] from our own team – funny but fix the CRM tag. [[PERSON|Bronwyn]] asked that invoices go to her son [[PERSON|Lachlan]] at [[EMAIL|lachlan@mckenziehardware.com.au]]. Card notes purged by [[PERSON|Ma. Lourdes Tan]] from security.",
    ),
    (
        "call_qa_scorecard",
        "he/IL-Mixed",
        'טופס בקרת איכות – שיחת מכירה יוצאת\nנציגה: [[PERSON|ליטל אזולאי]] | בודק: [[PERSON|עמית בר-און]] | לקוח: [[PERSON|שלמה ביטון]] מ{{קריית שמונה}}\n\nציונים:\nפתיחה – 5\nאימות זהות – 2: הלקוח הקריא ת"ז [[IL_ID|768490591]] והנציגה הקלידה אותה לשדה ההערות\nהצגת {{חבילת Business}} – 4 (מחיר {{₪299}} לחודש)\nטיפול בהתנגדויות – 3: לא ענתה על ההשוואה ל{{בזק}}\nסגירה – 4: נקבעה פגישה ל{{יום שני}}\nציון כולל: {{72}}\n\nציטוט: "[[PERSON|שלמה]], אם נוח לך, אשלח את ההצעה גם לבת שלך [[PERSON|אורטל]]"\nהערות [[PERSON|עמית]]: טון מצוין. אסור להקליד ת"ז בהערות – [[PERSON|ליטל]] תעבור רענון נהלים עם [[PERSON|קרן]] ב{{יום חמישי}}.',
    ),
    (
        "call_qa_scorecard",
        "he/IL-RussianSpeaking",
        'הערכת שיחה – מוקד שירות ברוסית\nנציג: [[PERSON|איגור פלדמן]] | מעריכה: [[PERSON|נטליה גורביץ\']]\nלקוחה: [[PERSON|אנסטסיה רבינוביץ\']] ([[PERSON|נסטיה]]), בעלת מספרה ב{{אשדוד}}\n\n1. פתיחה בשפת הלקוחה – 5\n2. הבנת הצורך – 4: רוצה תזכורות SMS לתורים\n3. הסבר על {{מודול יומן}} – 3: התבלבל בין {{Basic}} ל־{{Pro}}\n4. ציות – 5: לא ביקש פרטי אשראי\n5. המשך טיפול – 4\nציון: {{84}}\n\nציטוט מתורגם: "[[PERSON|נסטיה]] ביקשה שנתקשר לבעלה [[PERSON|ולדימיר]] אחרי {{ט"ו בשבט}}."\nהמלצת [[PERSON|נטליה]]: לשלוח סיכום גם ל[[PERSON|איגור]] וגם ל[[PERSON|סבטה]] מהמכירות. הלקוחה אמרה שהמספרה נקראת "{{סלון נטשה}}" – זה שם העסק.',
    ),
    (
        "call_qa_scorecard",
        "he/IL-ArabIsraeli",
        'בקרת שיחה – מוקד מכירות דו-לשוני\nנציג: [[PERSON|סאמר ח\'טיב]] | בקרה: [[PERSON|דנה לוי]]\nלקוח: [[PERSON|מוחמד עואודה]] ([[PERSON|אבו אחמד]]), בעל מוסך ב{{טייבה}}\n\nסעיפים:\n• פתיחה בערבית ומעבר לעברית לפי בקשת הלקוח – 5\n• איסוף צרכים – 4 (3 מוסכים, 12 עובדים)\n• הצגת {{חבילת Fleet}} ב־{{₪540}} לחודש – 4\n• ציות – 5\n• סיכום ותיאום – 3: לא אישר את הכתובת [[ADDRESS|רחוב אל-ג\'זאלי 18, טייבה 4040000]]\nציון: {{82}}\n\nהערות [[PERSON|דנה]]: [[PERSON|סאמר]] אמר "{{אנשאללה}}" בסוף – בסדר גמור. הלקוח ביקש לדבר בפעם הבאה עם [[PERSON|ראמי]], ושהחשבונית תצא על שם העסק "{{מוסך אבו אחמד}}".',
    ),
    (
        "call_qa_scorecard",
        "ar/EG-Egyptian",
        "تقييم جودة مكالمة – فريق المبيعات بالقاهرة\nالموظف: [[PERSON|أحمد عبد الحميد]] | المقيّم: [[PERSON|نهى الشريف]]\nالعميلة: [[PERSON|هبة مصطفى]]، صاحبة سلسلة صيدليات في {{مدينة نصر}}\n\nالبنود:\n- الترحيب: ٥/٥\n- فهم الاحتياج: ٤/٥ – سألها عن عدد الفروع (٧ فروع)\n- عرض {{الباقة الفضية}} بسعر {{٣٥٠٠ جنيه}} شهرياً: ٤/٥\n- الالتزام: ٢/٥ – العميلة قالت رقم الكارت [[CREDIT_CARD|5188 7365 3268 0867]] و[[PERSON|أحمد]] كتبه في الملاحظات\n- الإغلاق: ٣/٥\nالإجمالي: {{٧٢٪}}\n\nملاحظات [[PERSON|نهى]]: [[PERSON|هبة]] طلبت إن الفاتورة تروح لجوزها [[PERSON|كريم الشاذلي]]، وقالت إن الخصم كان {{كريم}} أكتر من عرض {{صيدليات العزبي}}. ياريت [[PERSON|أحمد]] يتابع بعد {{شم النسيم}}.",
    ),
    (
        "call_qa_scorecard",
        "ar/KW-Gulf",
        "نموذج تقييم مكالمة – مبيعات الكويت\nالموظفة: [[PERSON|دانة العنزي]] | المشرف: [[PERSON|يعقوب الرشيدي]]\nالعميل: [[PERSON|بدر الصباحي]] – مدير مشتريات لشركة موردة لـ{{جمعية الروضة}}\n\n١. الافتتاح: ممتاز\n٢. التحقق: جيد – تأكدت من الرقم [[PHONE|+965 9904 3127]]\n٣. العرض: شرحت {{باقة الأعمال}} بسعر {{٤٥٠ دينار كويتي}} سنوياً\n٤. الاعتراضات: مقبول – العميل قارن مع {{الشايع}}\n٥. الإغلاق: موعد عرض يوم {{الأربعاء}}\nالنتيجة: {{٨٠٪}}\n\nملاحظات [[PERSON|يعقوب]]: [[PERSON|دانة]] كانت لبقة، بس لازم ترسل الإيميل لـ[[EMAIL|bader.sabahi@rawda-supply.com.kw]] خلال ساعة. العميل قال إن زميله [[PERSON|أبو خالد]] يتولى الموضوع إذا سافر قبل {{القرقيعان}}.",
    ),
    (
        "call_qa_scorecard",
        "hi/IN-Hinglish",
        'Call QA रिपोर्ट – inbound lead, Pune team\nAgent: [[PERSON|Rohit Deshpande]] | QA: [[PERSON|Sneha Kulkarni]] | Customer: [[PERSON|Gurpreet Kaur Bhatia]]\n\n1. Greeting – 5/5: "नमस्ते [[PERSON|Gurpreet]] जी, मैं [[PERSON|Rohit]] बोल रहा हूँ"\n2. Need analysis – 4/5: उनकी {{Haldiram\'s}} distributorship के लिए 20 users चाहिए\n3. Pricing – 3/5: {{Growth}} plan {{₹1,80,000}} बताया, पर annual discount {{12%}} miss किया\n4. Compliance – 5/5\n5. Close – 4/5: demo {{सोमवार}} को, {{होली}} के बाद\n\nCustomer quote: "मेरे husband [[PERSON|Harjeet]] भी join करेंगे, उनका number [[PHONE|+91 98140 55283]] है।"\nQA note ([[PERSON|Sneha]]): [[PERSON|Rohit]] ने अच्छा rapport बनाया। Email follow-up [[EMAIL|gurpreet.bhatia@bhatiafoods.in]] पर भेजो, cc [[PERSON|Vikram]] sir. Score {{82%}}.',
    ),
    (
        "onboarding_form",
        "en/US-Latino",
        "NEW CUSTOMER ONBOARDING – Sole proprietor (credit check required)\nBusiness name: {{Gutiérrez Catering LLC}} (caters for two {{Wendy's}} franchise events a month)\nOwner: [[PERSON|Tomás Gutiérrez-Blanco]]\nSSN (for credit check only): [[US_SSN|233-71-5594]]\nBusiness address: [[ADDRESS|2291 W 11th Ave, Apt 3B, Eugene, OR 97402]]\nMobile: [[PHONE|(541) 606-4418]]\nEmail: [[EMAIL|tomas@gutierrezcatering.com]]\nSecondary contact: [[PERSON|Ashley Nguyen]] ({{Operations Manager}})\nReferred by: [[PERSON|Brad Lindqvist]]\nPlan: {{Starter}} – {{$199/mo}}, billing starts after {{Labor Day}}\nTerritory: {{Eugene}} and {{Springfield}}\n\nSales notes ([[PERSON|Kayla Morrison]]): [[PERSON|Tomás]] asked that the SSN be deleted after approval. [[PERSON|Ashley]] will be the day-to-day admin; she goes by [[PERSON|Ash]]. His daughter [[PERSON|Marisol]] may also need a seat in {{Q2}}.",
    ),
    (
        "onboarding_form",
        "en/DE-GhanaianGerman",
        "Onboarding checklist – Kente & Kraut GmbH (Berlin)\n☑ Legal entity: GmbH, HRB 228417\n☑ Primary admin: [[PERSON|Akosua Mensah-Richter]] – [[EMAIL|akosua@kenteundkraut.de]] – [[PHONE|+49 30 48820917]]\n☑ Finance contact: [[PERSON|Dariush Karimi]] – [[PHONE|+49 176 44871205]]\n☑ Direct debit (SEPA): [[IBAN|DE98 3704 0044 7057 5752 21]], account holder [[PERSON|Akosua Mensah-Richter]]\n☑ Invoice address: [[ADDRESS|Oranienstraße 185, Hinterhaus 2. OG, 10999 Berlin]]\n☐ Users to invite: [[PERSON|Lukas Brandt]], [[PERSON|Yaa Asantewaa Boateng]], [[PERSON|Dariush]]\nPlan: {{Team}} at {{€2,900}}/year; go-live before {{Christmas}}.\n\nKickoff notes: [[PERSON|Akosua]] sells to {{Zalando}} and a {{Mercedes-Benz}} staff canteen. [[PERSON|Dariush]] wants German invoices. CSM assigned: [[PERSON|Friederike Lang]]. They're moving from {{Kreuzberg}} to {{Neukölln}} in {{April}}.",
    ),
    (
        "onboarding_form",
        "en/US-Somali",
        "Fleet customer intake form\nCompany: Juba Express Trucking LLC, {{Minneapolis}}\nOwner: [[PERSON|Abdikadir Hassan Omar]]  Phone: [[PHONE|(612) 874-3306]]\nDispatcher: [[PERSON|Ifrah Jama]]  Email: [[EMAIL|ifrah.jama@jubaexpress.us]]\nDrivers to add: [[PERSON|Khadar Ali]], [[PERSON|Mohamed Yusuf]] (goes by [[PERSON|Moe]]), [[PERSON|Ubah Warsame]]\nPlan: {{Fleet Pro}}, 9 trucks, {{$540}}/month\nCard for monthly billing: [[CREDIT_CARD|6011 1793 7541 8825]] exp 04/28, name [[PERSON|ABDIKADIR H OMAR]]\nService area: {{Minnesota}}, {{North Dakota}}, {{South Dakota}}\n\nRep notes: [[PERSON|Ifrah]] asked us not to schedule calls during {{Ramadan}} afternoons. [[PERSON|Abdikadir]] mostly delivers to {{Target}} DCs. Customer office is in {{Cedar-Riverside}}.",
    ),
    (
        "onboarding_form",
        "en/AE-Caucasus",
        "Client onboarding – Silk Route Trading FZCO (JLT, Dubai)\nFounders: [[PERSON|Nino Beridze]] (Georgia) and [[PERSON|Armen Sargsyan]] (Armenia)\nOperations lead: [[PERSON|Günel Mammadova]] – [[EMAIL|gunel.m@silkroute-fzco.ae]]\nPhone: [[PHONE|+971 54 330 8271]]\nRegistered office: [[ADDRESS|Unit 2407, Cluster X, Jumeirah Bay Tower X3, Jumeirah Lake Towers, Dubai]]\nBilling IBAN: [[IBAN|AE63 0332 5633 5714 8334 402]] ({{Emirates NBD}})\nPlan: {{Professional}} – {{AED 14,000}}/year\nLanguages: English, Georgian, Armenian, Azerbaijani\n\nNotes from CSM [[PERSON|Rashid Al Suwaidi]]: [[PERSON|Nino]] and [[PERSON|Armen]] split their time between {{Dubai Marina}} and {{Tbilisi}}; schedule training after {{Nowruz}} because [[PERSON|Günel]] is off. [[PERSON|Armen]]'s assistant [[PERSON|Lusine]] handles invoices.",
    ),
    (
        "onboarding_form",
        "he/IL-Mizrahi",
        'טופס הצטרפות לקוח עסקי\nשם העסק: {{מספרת שושנה}} (על שם הסבתא)\nבעל/ת העסק: [[PERSON|אורית דהן]]\nמספר ת"ז: [[IL_ID|125739748]]\nכתובת העסק: [[ADDRESS|רחוב ז\'בוטינסקי 33, דירה 2, אשקלון 7841016]]\nטלפון: [[PHONE|050-4618837]] | דוא"ל: [[EMAIL|orit.dahan77@gmail.com]]\nחשבון לחיוב: [[IBAN|IL63 0205 7862 4207 0578 622]]\nמסלול: {{Pro}} – {{₪249}} לחודש, חיוב ראשון ב{{1 בספטמבר}}\nמשתמשים נוספים: [[PERSON|עדן אוחנה]], [[PERSON|שושנה דהן]] (מנהלת המספרה)\n\nהערות נציג ([[PERSON|אליאור טובול]]): [[PERSON|אורית]] ביקשה שהחשבוניות ייצאו על שם העסק. [[PERSON|עדן]] מטפלת בתורים. פגישת הדרכה נקבעה אחרי {{ראש השנה}}, ביום {{שלישי}}.',
    ),
    (
        "onboarding_form",
        "he/IL-Haredi",
        'טופס פתיחת לקוח – מוסדות חינוך\nשם המוסד: {{תלמוד תורה אהבת חסד}}\nמורשה חתימה: [[PERSON|ישראל מאיר קלוגר]], ת"ז [[IL_ID|671914042]]\nמורשה חתימה נוסף: [[PERSON|אברהם יצחק שפירא]], ת"ז [[IL_ID|866445877]]\nטלפון המוסד: [[PHONE|08-9745126]] | פקס: [[PHONE|08-9745127]]\nכתובת: [[ADDRESS|רחוב חזון איש 22, מודיעין עילית 7181522]]\nמסלול: {{מסלול כשר}} + {{מודול גבייה}}, {{₪6,400}} לשנה\nאיש קשר לתשלומים: [[PERSON|פערל זילברשטיין]]\n\nהערות: המוסד סגור ב{{בין הזמנים}} וב{{ספירת העומר}} יש שעות מקוצרות. [[PERSON|ישראל מאיר]] ביקש שהחשבוניות יהיו בעברית בלבד, ו[[PERSON|פערל]] תקבל אותן בדואר. אחראי תיק: [[PERSON|נחום]].',
    ),
    (
        "onboarding_form",
        "he/IL-Druze",
        "טופס הצטרפות – סוכנות נסיעות\nשם העסק: {{סוכנות אבו ריש לתיירות}}, {{עוספיא}}\nאיש קשר ראשי: [[PERSON|נבאל אבו ריש]] – [[PHONE|054-2213386]]\nמנהלת חשבונות: [[PERSON|סוהא חלבי]] – [[EMAIL|suha.halabi@aburish-travel.co.il]]\nסוכנים: [[PERSON|ג'מאל ת'אבת]], [[PERSON|האדי עזאם]], [[PERSON|וורוד חסון]]\nמסלול: {{Business}} ל־5 משתמשים, {{₪4,800}} לשנה\nשפה מועדפת: עברית וערבית\n\nהערות [[PERSON|שירן ברק]] (מכירות): [[PERSON|נבאל]] עמוס לפני {{חג נבי שועייב}} ובעונת {{סוכות}}. [[PERSON|סוהא]] ביקשה לחבר את המערכת ל{{בנק הפועלים}}. [[PERSON|ג'מאל]] הוא המנהל בפועל בסניף {{דליית אל-כרמל}}.",
    ),
    (
        "onboarding_form",
        "ar/QA-Gulf",
        "نموذج تسجيل عميل جديد\nاسم الشركة: مؤسسة الريان للتجهيزات – فرع {{مدينة حمد}} (البحرين) والمقر الرئيسي في {{الدوحة}}\nالمفوّض بالتوقيع: [[PERSON|جاسم بن حمد الكواري]]\nمسؤولة العمليات: [[PERSON|مريم المهندي]] – [[EMAIL|mariam.almohannadi@rayyan-equip.qa]]\nالجوال: [[PHONE|+974 5528 1904]] | فرع البحرين: [[PHONE|+973 3619 4402]]\nالحساب البنكي: [[IBAN|QA32 DOHB 9432 7725 9513 8071 7109 5]]\nالباقة: {{الاحترافية}} – {{٨٠٠٠ ريال قطري}} سنوياً\nالمستخدمون: [[PERSON|جاسم]]، [[PERSON|مريم]]، [[PERSON|حمد الخليفي]]، [[PERSON|أبو عبدالله]] (مسؤول المخزن)\n\nملاحظات المندوبة [[PERSON|لطيفة السليطي]]: التدريب بعد {{اليوم الوطني}}، والعميل طلب فواتير باسم الشركة فقط. العميل يتعامل مع {{مصرف قطر الإسلامي}} للفرع الثاني.",
    ),
    (
        "onboarding_form",
        "ar/SD-Sudanese",
        "استمارة تسجيل عميل – شركة توزيع\nالشركة: النيلين للتجارة العامة – {{أم درمان}} ومكتب في {{بورتسودان}}\nالمدير العام: [[PERSON|محمد عثمان الأمين]]\nالمسؤولة المالية: [[PERSON|سارة بابكر]] – [[PHONE|+249 91 234 7785]]\nمدير المبيعات: [[PERSON|طارق عبد الرحيم]] – [[EMAIL|tarig.abdelrahim@nilain-trading.sd]]\nالعنوان: [[ADDRESS|مربع ٣٢، شارع الأربعين، حي الملازمين، أم درمان]]\nالباقة: {{الأساسية}} – {{١٢٠٠ دولار}} سنوياً\nالمندوبين: [[PERSON|عوض الكريم]]، [[PERSON|مواهب]]، [[PERSON|ود الحاج]]\n\nملاحظات: [[PERSON|سارة]] طلبت تأجيل الدفع لبعد {{عيد الاستقلال}}. الحساب مع {{بنك الخرطوم}}. [[PERSON|طارق]] قال المندوبين يستخدمو شبكة {{زين}}.",
    ),
    (
        "onboarding_form",
        "ru/IL-RussianSpeaking",
        "Анкета нового клиента\nКомпания: {{Гольдман Ремонт}}, {{Ришон-ле-Цион}}\nВладелец: [[PERSON|Арсений Гольдман]]\nТелефон: [[PHONE|052-6683019]]\nE-mail: [[EMAIL|arseniy.goldman@gmail.com]]\nБухгалтер: [[PERSON|Марина Лившиц]] – [[PHONE|03-9518824]]\nТариф: {{тариф Pro}}, {{₪3 200}} в год\nОплата: {{Банк Апоалим}}, постоянное поручение\nПользователи: [[PERSON|Арсений]], [[PERSON|Марина]], [[PERSON|Денис Коротков]] ([[PERSON|Дэн]])\n\nКомментарий менеджера [[PERSON|Алины Вайнер]]: клиент просит всё на русском. Обучение после {{Песаха}}, в {{воскресенье}}. Второй офис в {{Хайфе}}, там работает [[PERSON|Денис]].",
    ),
    (
        "whatsapp_export",
        "en/NG-Igbo",
        "WhatsApp chat export – \"Lagos Trade Sales 🔥\"\n[03/04/2025, 08:12] [[PERSON|Tunde Bakare]]: Morning team. {{Shoprite}} {{Ikeja}} wants 40 more cartons of {{Indomie}} before {{Sallah}}\n[03/04/2025, 08:15] [[PERSON|Ngozi Eze]]: I'll call their buyer. Is it still Aunty [[PERSON|Bisi]] or the new guy?\n[03/04/2025, 08:16] [[PERSON|Tunde Bakare]]: New guy – [[PERSON|Emeka Nwachukwu]]. His line is [[PHONE|0806 214 9937]]\n[03/04/2025, 08:40] [[PHONE|+234 813 550 7721]]: Good morning, this is [[PERSON|Chidinma]] from {{Peak Milk}} distribution, [[PERSON|Ngozi]] added me\n[03/04/2025, 08:41] [[PERSON|Ngozi Eze]]: Welcome [[PERSON|Chidi]] 🙏\n[03/04/2025, 09:02] [[PERSON|Tunde Bakare]]: Target for April is {{₦1.8m}}. Let's not disappoint Oga [[PERSON|Femi]] again 😅\n[03/04/2025, 09:05] [[PERSON|Ngozi Eze]]: Lol. AI summary of yesterday's calls attached\n<Media omitted>\n[03/04/2025, 09:07] [[PERSON|Tunde Bakare]]: Also {{Mama Put}} on {{Allen Avenue}} wants to become a stockist, I said {{Friday}}",
    ),
    (
        "whatsapp_export",
        "en/IN-Telugu",
        "[14/01/25, 10:21 am] [[PERSON|Srinivas Rao Gade]]: Team, {{Sankranti}} holidays from tomorrow. Pending quotes pls close today\n[14/01/25, 10:23 am] [[PERSON|Moumita Sen]]: Done for the {{Hitech City}} account. [[PERSON|Lakshmi]] approved {{₹2.4L}}\n[14/01/25, 10:25 am] [[PERSON|Srinivas Rao Gade]]: Super. What about [[PERSON|Prasad]] garu from the pharma distributor?\n[14/01/25, 10:31 am] [[PERSON|Moumita Sen]]: He wants a call on his personal number [[PHONE|+91 99490 31872]], not office\n[14/01/25, 10:32 am] [[PERSON|Faizan Hyder]]: I'll take it. Lunch at {{Paradise Biryani}} after? 😋\n[14/01/25, 10:40 am] [[PERSON|Srinivas Rao Gade]]: 😂 ok. Also send the {{Q3}} deck to [[EMAIL|lakshmi.narayanan@deccanpharma.in]]\n[14/01/25, 11:02 am] [[PERSON|Moumita Sen]]: Sent. cc'd [[PERSON|Bhaskar]] also\n[14/01/25, 11:05 am] [[PERSON|Faizan Hyder]]: Copilot summary: 3 deals in {{Commit}}, 1 at risk ({{Godavari Traders}})",
    ),
    (
        "whatsapp_export",
        "en/SG-Chinese",
        "Group: SEA Channel Partners\n12/02/2025, 14:03 - [[PERSON|Chen Jiahao]]: Hi all, {{Lee Kum Kee}} distributor in {{Jakarta}} finally signed 🎉\n12/02/2025, 14:05 - [[PERSON|Dewi Lestari Wibowo]]: Congrats! [[PERSON|Bagus]] did most of the demos\n12/02/2025, 14:06 - [[PERSON|Bagus Pratama]]: Thanks Mbak [[PERSON|Dewi]] 🙏 the integration key for their sandbox is Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwYXJ0bmVyLTQ0MSJ9.Qm9vZ2llV29vZ2llMjAyNQ]]\n12/02/2025, 14:07 - [[PERSON|Liu Yiting]]: [[PERSON|Bagus]] please don't paste tokens here, rotate it\n12/02/2025, 14:09 - [[PERSON|Bagus Pratama]]: Sorry!! rotating now\n12/02/2025, 14:15 - [[PERSON|Chen Jiahao]]: Deal is {{SGD 9,000}} ARR, they go live after {{Chinese New Year}} on {{v2.3}}\n12/02/2025, 14:20 - [[PERSON|Liu Yiting]]: I'll brief [[PERSON|Ah Hock]] from finance. Meeting at {{Changi}} office {{Thursday}}?",
    ),
    (
        "whatsapp_export",
        "en/JP-Japanese",
        "[2025/04/22 9:14] [[PERSON|Sato Kenji]]: Morning. {{Toyota}} tier-2 supplier asked for the quote again\n[2025/04/22 9:16] [[PERSON|Mike Brennan]]: Which one – the {{Nagoya}} plant or {{Shinjuku}} HQ?\n[2025/04/22 9:17] [[PERSON|Sato Kenji]]: Nagoya. Contact is [[PERSON|Yamamoto Aiko]]-san, procurement\n[2025/04/22 9:20] [[PERSON|Mike Brennan]]: Ok. I'll send {{¥2.4M}} option + the {{Honda}} case study\n[2025/04/22 9:21] [[PERSON|Sato Kenji]]: Please wait until after {{Golden Week}}, [[PERSON|Aiko]]-san is off 29th to 6th\n[2025/04/22 9:33] [[PERSON|Hoang Thi Mai]]: FYI I translated the deck to Japanese, [[PERSON|Kenji]]-san can you check p.4?\n[2025/04/22 9:35] [[PERSON|Sato Kenji]]: 了解 👍\n[2025/04/22 9:50] [[PERSON|Mike Brennan]]: AI lead score jumped to {{87}} after her email reply. Her direct: [[PHONE|+81 90-4418-2375]]",
    ),
    (
        "whatsapp_export",
        "he/IL-Mixed",
        'ייצוא צ\'אט – "צוות מכירות מרכז"\n[10.3.2025, 08:01] [[PERSON|מוטי אלקבץ]]: בוקר טוב. מי לוקח את הפגישה ב{{עזריאלי}} ב־11?\n[10.3.2025, 08:03] [[PERSON|שירלי כהן-זרחי]]: אני. זה הלקוח של [[PERSON|צחי]]?\n[10.3.2025, 08:04] [[PERSON|צחי לנגר]]: כן, [[PERSON|אפרת גולן]] מ{{קפה גרג}} הזכיינות, היא מחכה לנו בלובי\n[10.3.2025, 08:10] [[PERSON|מוטי אלקבץ]]: מעולה. תזכירו לה שההנחה של {{15%}} בתוקף רק עד {{פורים}}\n[10.3.2025, 08:15] [[PERSON|שירלי כהן-זרחי]]: 👍 ואחרי זה ארוחת צהריים ב{{סיבוס}}?\n[10.3.2025, 08:16] [[PERSON|צחי לנגר]]: רק אם [[PERSON|מוטי]] משלם 😂\n[10.3.2025, 08:40] [[PERSON|מוטי אלקבץ]]: סיכום AI מהשיחה של אתמול: הלקוח רוצה {{חבילת Pro}} ב־{{₪1,200}} לחודש',
    ),
    (
        "whatsapp_export",
        "he/IL-Mizrahi",
        "[02/06/2025, 19:44] [[PERSON|סימה אבוטבול]]: [[PERSON|ירין]] מאמי, תשלח ללקוח את הכתובת של המחסן החדש\n[02/06/2025, 19:46] [[PERSON|ירין אבוטבול]]: איזה לקוח? של {{ממתקי אבוטבול}}?\n[02/06/2025, 19:47] [[PERSON|סימה אבוטבול]]: כן, [[PERSON|ג'קי]] מהסופר ב{{נתיבות}}\n[02/06/2025, 19:50] [[PERSON|ירין אבוטבול]]: שלחתי: [[ADDRESS|רחוב בעלי המלאכה 9, אזור תעשייה, אופקים 8765511]]\n[02/06/2025, 19:52] [[PHONE|+972 50-662-1843]]: תודה [[PERSON|ירין]], זה [[PERSON|ז'קי עמר]]. מגיע {{יום ראשון}} בבוקר\n[02/06/2025, 19:53] [[PERSON|ירין אבוטבול]]: מעולה. תביא צ'ק של {{₪6,800}} לפי ההזמנה\n[02/06/2025, 20:10] [[PERSON|שרית אבוטבול]]: [[PERSON|ירין]] אל תשכח שב{{שבועות}} סגור\n[02/06/2025, 20:11] [[PERSON|ירין אבוטבול]]: יודע אחותי ❤️ ותעדכני את ה־CRM ש{{אופקים}} זה הסניף הראשי עכשיו",
    ),
    (
        "whatsapp_export",
        "he/IL-EthiopianRussian",
        "קבוצה: משלוחים דרום 🚚\n[21/11/2024, 07:30] [[PERSON|ברהנו טקה]]: בוקר. 14 משלוחים היום, רובם ל{{באר שבע}}\n[21/11/2024, 07:32] [[PERSON|ולרי קוזלוב]]: אני לוקח את {{ערד}} ו{{דימונה}}\n[21/11/2024, 07:35] [[PERSON|ברהנו טקה]]: [[PERSON|ולרי]] תשים לב, הלקוחה ב{{דימונה}} זה [[PERSON|פנינה ואסה]], היא ביקשה להתקשר לפני: [[PHONE|054-7739152]]\n[21/11/2024, 07:36] [[PERSON|ולרי קוזלוב]]: ok 👌\n[21/11/2024, 08:02] [[PERSON|אלמז יגזאו]]: מחר {{סיגד}}, אני לא עובדת. [[PERSON|ברהנו]] תחליף אותי?\n[21/11/2024, 08:05] [[PERSON|ברהנו טקה]]: בטח. [[PERSON|אלמז]] חג שמח 🙏\n[21/11/2024, 08:30] [[PERSON|ולרי קוזלוב]]: המערכת מראה שחייבים {{₪2,150}} מהחודש הקודם ל{{טמבור}}, מי מטפל?",
    ),
    (
        "whatsapp_export",
        "ar/SA-Najdi",
        "محادثة: فريق مبيعات الرياض\n[١٥/٢/٢٠٢٥ ٩:٠٢ ص] [[PERSON|عبدالمجيد السبيعي]]: صباح الخير يا شباب، عميل {{نانا}} يبي عرض جديد قبل {{يوم التأسيس}}\n[١٥/٢/٢٠٢٥ ٩:٠٥ ص] [[PERSON|نوف الحربي]]: أنا أتواصل معه. هو نفسه [[PERSON|أبو فهد]]؟\n[١٥/٢/٢٠٢٥ ٩:٠٦ ص] [[PERSON|عبدالمجيد السبيعي]]: إيه، رقمه عندك بالـCRM\n[١٥/٢/٢٠٢٥ ٩:١٥ ص] [[PERSON|نوف الحربي]]: تمام، وبقوله إن الدفع ممكن عن طريق {{تمارا}} على أقساط\n[١٥/٢/٢٠٢٥ ٩:١٦ ص] [[PERSON|سعود القحطاني]]: لا تنسون إن القيمة {{٢٣٠ ألف ريال}}، والموافقة عند [[PERSON|تمارا العنزي]] في المالية 😅\n[١٥/٢/٢٠٢٥ ٩:١٨ ص] [[PERSON|نوف الحربي]]: هههه {{تمارا}} الشركة غير [[PERSON|تمارا]] حقتنا\n[١٥/٢/٢٠٢٥ ٩:٣٠ ص] [[PERSON|عبدالمجيد السبيعي]]: الاجتماع في مكتبهم بـ{{الرياض بارك}} الساعة ١١",
    ),
    (
        "whatsapp_export",
        "ar/YE-Yemeni",
        "مجموعة: وكلاء التوزيع – عدن وتعز\n[٠٣/٠٦/٢٠٢٥، ١٠:٠٥] [[PERSON|عبدالله الأهدل]]: السلام عليكم، الدفعة وصلت {{عدن}} أمس والحمد لله\n[٠٣/٠٦/٢٠٢٥، ١٠:٠٨] [[PERSON|أفراح صالح]]: وعليكم السلام، والتحويل لـ{{تعز}} متى؟ الوكيل [[PERSON|وليد الشرعبي]] يسأل\n[٠٣/٠٦/٢٠٢٥، ١٠:١٠] [[PERSON|عبدالله الأهدل]]: حولناه عبر {{بنك الكريمي}}، {{١٥٠٠ دولار}}\n[٠٣/٠٦/٢٠٢٥، ١٠:١٢] [[PHONE|+967 771 245 809]]: معكم [[PERSON|وليد]]، استلمت الإشعار، مشكورين\n[٠٣/٠٦/٢٠٢٥، ١٠:٢٠] [[PERSON|أفراح صالح]]: ممتاز. [[PERSON|أبو صقر]] يقول النظام الجديد سجّل الطلبية مرتين\n[٠٣/٠٦/٢٠٢٥، ١٠:٢٥] [[PERSON|عبدالله الأهدل]]: بكلم [[PERSON|هاني]] من الدعم الفني يشوف السبب\n[٠٣/٠٦/٢٠٢٥، ١٠:٣٠] [[PERSON|أفراح صالح]]: الله يعطيكم العافية، وكل عام وأنتم بخير قبل {{عيد الأضحى}} 🌙 الناس في {{فرح}} بالتخفيضات",
    ),
    (
        "whatsapp_export",
        "ar-latn/LB-Arabizi",
        "Chat: Beirut Sales 🇱🇧\n[5/6/25, 11:02] [[PERSON|Rami Haddad]]: Sabah el khair shabeb. Ba3atet el quote la {{ABC Achrafieh}}?\n[5/6/25, 11:04] [[PERSON|Nour Khalil]]: La2 ba3d, el {{nour}} ma2tou3 men l sob7 😩 ra7 eb3ato ba3d ma yerja3 l generator\n[5/6/25, 11:05] [[PERSON|Rami Haddad]]: Ok. Kamen [[PERSON|Joëlle]] men {{Fattal}} talbit demo, 3atyit ra2ma: [[PHONE|+961 71 284 339]]\n[5/6/25, 11:10] [[PERSON|Tony Abi Saab]]: Ana bekhedha. Shu l budget?\n[5/6/25, 11:11] [[PERSON|Rami Haddad]]: {{$2,500}} bel shahr, bas [[PERSON|Jojo]] 2alet ba3d {{Eid el Adha}}\n[5/6/25, 11:15] [[PERSON|Nour Khalil]]: Ma3leh. Ana 3end {{Zaatar w Zeit}} {{Hamra}} la2 el ghada ma3 [[PERSON|Maya]], fi 7ada baddo shi?\n[5/6/25, 11:16] [[PERSON|Tony Abi Saab]]: Manoushe 😋 w khabberi [[PERSON|Maya]] tb3atli el contract 3al [[EMAIL|tony.abisaab@cedarflow.com.lb]]",
    ),
    (
        "email_with_signature",
        "en/US-AfricanAmerican",
        "From: [[PERSON|Jennifer Okafor-Hayes]] <[[EMAIL|jokaforhayes@meridianwealth.com]]>\nTo: [[PERSON|Ryan Caldwell]]\nSubject: Re: Renewal terms before Juneteenth\n\nHi [[PERSON|Ryan]],\n\nThanks for the revised proposal. Our compliance lead, [[PERSON|Darnell Price]], still needs the SOC 2 letter before we can sign. Several of our advisors came over from {{Goldman Sachs}} and {{Morgan Stanley}} and they're used to tighter audit trails. We're comfortable at {{$96,000}} for the {{Enterprise}} tier if the audit export is included.\n\nAlso – please stop emailing [[PERSON|Latoya]]; she moved to our {{Houston}} office and [[PERSON|Marcus Greene]] now owns vendor management. We're closed on {{Juneteenth}}, so aim for {{Friday}} the 20th.\n\nBest,\n[[PERSON|Jen]]\n\n[[PERSON|Jennifer Okafor-Hayes]]\n{{Senior Director, Partnerships}}\nMeridian Wealth Advisors\n[[PHONE|(404) 817-2296]] direct | [[PHONE|(470) 339-0152]] mobile",
    ),
    (
        "email_with_signature",
        "en/GB-BritishBangladeshi",
        "---------- Forwarded message ---------\nFrom: [[PERSON|Aisha Rahman]] <[[EMAIL|aisha.rahman@midlandsconfectionery.co.uk]]>\nSubject: Category review – shortlist\n\n[[PERSON|Oliver]], see below. [[PERSON|Gareth]] thinks we should bring your team in before {{Easter}}.\n\n> From: [[PERSON|Gareth Llewellyn]]\n> We're re-tendering the planning tool for the {{Cadbury}} and {{Bournville}} lines. Budget is around {{£42k}}. [[PERSON|Aisha]], can you ask [[PERSON|Oliver Pemberton]] for references in {{Birmingham}}?\n\nKind regards,\n[[PERSON|Aisha]]\n\n--\n[[PERSON|Aisha Rahman]] | {{Head of Category}}\nMidlands Confectionery Ltd\n[[ADDRESS|Unit 7, Bournbrook Industrial Estate, Dale Road, Birmingham B29 6AG]]\nT: [[PHONE|0121 496 0732]] · M: [[PHONE|07823 114 670]]\nPlease consider the environment before printing. Proud sponsor of the {{Mary Seacole}} nursing awards.",
    ),
    (
        "email_with_signature",
        "en/AU-Korean",
        'From: [[PERSON|Grace Kim]] <[[EMAIL|grace.kim@harbourfreshgroup.com.au]]>\nTo: accounts@ourcrm.io\nCc: [[PERSON|Lee Jun-seo]]\nSubject: Invoice 88123 – asking for a grace period\n\nHello,\n\nWe supply {{Harris Farm}} and a few independents around {{Sydney}}. Our payment run was delayed by the {{Australia Day}} long weekend, so could we get a two-week {{grace period}} on the {{AUD 30,000}} invoice? [[PERSON|Jun-seo]] in finance will confirm the {{Westpac}} transfer reference once it clears.\n\nIf you need anything, [[PERSON|Mia Tanaka]] covers for me while I\'m in {{Seoul}} next week.\n\nWarm regards,\n[[PERSON|Grace]]\n\n[[PERSON|Grace Kim]]\n{{Finance Director}} · {{Harbour Fresh Group}}\n[[PHONE|+61 412 559 038]] · [[EMAIL|grace.kim@harbourfreshgroup.com.au]]\n"Freshness is a promise." – our founder, [[PERSON|Bill Harbour]]',
    ),
    (
        "email_with_signature",
        "en/OM-Omani",
        "From: [[PERSON|Salim Al Balushi]] <[[EMAIL|salim.albalushi@qurum-logistics.om]]>\nSubject: Follow-up – field sales app trial\n\nDear [[PERSON|Priyanka]],\n\nThank you for the demo on {{Sunday}}. My colleague [[PERSON|Aisha Al Harthy]] and our IT lead [[PERSON|Yousuf Al Rawahi]] were impressed. We would like to extend the trial until after {{Renaissance Day}} and include the drivers who work out of our {{Sohar}} depot.\n\nOn pricing, {{OMR 12,000}} per year is within budget if SIM-based tracking works on {{Omantel}}. Please send the contract to [[PERSON|Aisha]] directly.\n\nBest regards,\n[[PERSON|Salim]]\n\n[[PERSON|Salim Al Balushi]]\n{{Commercial Manager}}\nQurum Logistics LLC\n[[ADDRESS|Building 1284, Way 3019, Al Khuwair, Muscat 133]] (next to {{Sultan Qaboos Street}})\nTel: [[PHONE|+968 2448 1937]] | Mob: [[PHONE|+968 9921 4406]]",
    ),
    (
        "email_with_signature",
        "he/IL-Ashkenazi",
        "מאת: [[PERSON|גלית שטרנברג]] <[[EMAIL|galit.s@nirlat-dist.co.il]]>\nאל: [[PERSON|עומרי]]\nנושא: חידוש הסכם – שאלות אחרונות\n\nהיי [[PERSON|עומרי]],\nתודה על ההצעה. [[PERSON|אבנר]] מהכספים אישר עקרונית {{₪58,000}} לשנה, אבל הוא רוצה לוודא שהמודול של {{אסם}} ו{{תנובה}} כלול. חוץ מזה, אנחנו סגורים ב{{חול המועד}} – אפשר לחתום רק אחרי החג.\nבנוסף, [[PERSON|רונה פיינגולד]] מהצוות שלי תהיה איש הקשר שלכם מעכשיו. מבקשת להפסיק לשלוח ל[[PERSON|יוסי]].\n\nתודה,\n[[PERSON|גלית]]\n\n--\n[[PERSON|גלית שטרנברג]]\n{{מנהלת שיווק}} | נירלט הפצה\nטל': [[PHONE|03-5614478]] | נייד: [[PHONE|054-2907731]]\nהמשרד החדש שלנו: ליד {{דרך מנחם בגין}}",
    ),
    (
        "email_with_signature",
        "he/IL-Mizrahi",
        'מאת: [[PERSON|אליאור מימון]]\nאל: צוות הלקוחות\nנושא: פגישה עם {{מאפיית אבוהב}} – סיכום\n\nשלום לכולם,\nנפגשנו היום עם [[PERSON|מאיר אבוהב]] ועם [[PERSON|שלומית]], מנהלת הסניף ב{{קריית מלאכי}}. הם רוצים להרחיב את {{חבילת Pro}} לשמונה סניפים עד {{ל"ג בעומר}}. [[PERSON|מאיר]] ביקש שנדבר עם הבן שלו [[PERSON|אוראל]] לגבי האינטגרציה.\n[[PERSON|בתיה]] – תוכלי להכין הצעה של {{₪72,000}}?\n\nבברכה,\n[[PERSON|אליאור מימון]]\n{{מנהל לקוחות אסטרטגיים}}\n[[PHONE|050-9173624]] | [[EMAIL|elior.maimon@kodkod-analytics.co.il]]\n[[ADDRESS|רחוב הברזל 34, קומה 5, תל אביב-יפו 6971053]]',
    ),
    (
        "email_with_signature",
        "ar/SA-MSA",
        "من: [[PERSON|ماجد بن عبدالله الشهراني]] <[[EMAIL|m.alshahrani@nokhba-eng.com.sa]]>\nإلى: [[PERSON|هند الفارس]]\nالموضوع: طلب عرض سعر محدّث – منصة إدارة العملاء\n\nالأستاذة [[PERSON|هند]] المحترمة،\nالسلام عليكم ورحمة الله وبركاته،\n\nبالإشارة إلى اجتماعنا الأخير، نود إفادتكم بأن الإدارة وافقت مبدئياً على ميزانية قدرها {{٩٥٠ ألف ريال}}، على أن يشمل العرض التكامل مع أنظمة مورّدينا في {{أرامكو}} و{{سابك}}. كما نرجو التنسيق مع الزميل [[PERSON|فيصل العمري]] بخصوص تدريب فريق فرع {{الخبر}}.\n\nعلماً بأن الإجازة تبدأ من {{٢٩ رمضان}} وتنتهي في {{٥ شوال}}، لذا نأمل استلام العرض قبلها.\nكما أبلغنا المهندس [[PERSON|تركي الزهراني]] أنه سيتولى الملف في غياب [[PERSON|فيصل]].\n\nوتقبلوا خالص التحية،\n[[PERSON|ماجد الشهراني]]\n{{مدير تطوير الأعمال}} – شركة النخبة للهندسة\nجوال: [[PHONE|0501927734]] | هاتف: [[PHONE|013 882 4410]]\nخريج {{جامعة الملك سعود}}",
    ),
    (
        "email_with_signature",
        "ar/TN-Maghrebi",
        "من: [[PERSON|منية بن عاشور]] <[[EMAIL|mounia.benachour@carthage-distribution.tn]]>\nإلى: [[PERSON|كريم]]\nالموضوع: متابعة العرض التجريبي\n\nسلام [[PERSON|كريم]]،\nشكراً على العرض التجريبي يوم {{الخميس}}. زميلي [[PERSON|سفيان الطرابلسي]] مدير المبيعات و[[PERSON|إيناس الماجري]] من المالية حضروا معي، وعجبهم موضوع تتبّع المندوبين في {{صفاقس}} و{{سوسة}}.\nبالنسبة للسعر، نحبّو نبقاو تحت {{٨٠ ألف دينار}} في العام الأول. نحبّو زادة نبداو قبل {{عيد الشغل}}.\n[[PERSON|سفيان]] باش يبعثلك قائمة المستخدمين، ولو في سؤال تقني كلّم [[PERSON|وائل]].\n\nمع التحية،\n[[PERSON|منية بن عاشور]]\n{{مديرة العمليات}}\nقرطاج للتوزيع\n[[ADDRESS|٤٥ شارع الحبيب بورقيبة، الطابق الثاني، ١٠٠١ تونس]]\nالهاتف: [[PHONE|+216 71 334 902]] | الجوال: [[PHONE|+216 22 519 608]]",
    ),
    (
        "email_with_signature",
        "ar/BH-Gulf",
        "من: [[PERSON|عيسى بن خليفة الدوسري]]\nإلى: فريق المبيعات\nالموضوع: عميل جديد – معرض سيارات في {{مدينة عيسى}}\n\nمرحباً جميعاً،\nتم الاتفاق مع [[PERSON|حسين المحروس]] صاحب معرض السيارات على تجربة النظام لمدة شهر. المعرض قريب من {{مجمع السيف}}، ومعظم عملائهم من السعودية عبر {{جسر الملك فهد}}.\nالميزانية المبدئية {{٥٠٠٠ دينار بحريني}}، والدفع عبر {{بنك البحرين الوطني}}. الرجاء من [[PERSON|زهراء]] تجهيز العقد، ومن [[PERSON|أبو جاسم]] ترتيب التدريب بعد {{اليوم الوطني}}.\nملاحظة: [[PERSON|حسين]] يفضّل التواصل عبر الواتساب فقط.\n\nتحياتي،\n[[PERSON|عيسى الدوسري]]\n{{مدير المبيعات الإقليمي}}\n[[PHONE|+973 3944 1207]]\n[[EMAIL|essa.aldosari@pearlcrm.bh]]",
    ),
    (
        "email_with_signature",
        "fa/IR-Persian",
        "از: [[PERSON|شیرین رحیمی]] <[[EMAIL|shirin.rahimi@parsian-trade.ir]]>\nبه: [[PERSON|آرش محمدی]]\nموضوع: پیشنهاد قیمت – نسخه نهایی\n\nسلام آقای [[PERSON|محمدی]]،\nممنون از جلسه‌ی دیروز. همکارم [[PERSON|مهدی کاظمی]] فهرست کاربران شعبه‌ی {{اصفهان}} را فرستاد. ما می‌خواهیم قبل از {{نوروز}} سیستم راه‌اندازی شود، چون بعد از تعطیلات فروش ما در {{دیجی‌کالا}} بالا می‌رود.\nدرباره‌ی تخفیف {{۲۰٪}}، خانم [[PERSON|نگار سلطانی]] از بخش مالی باید تأیید کند.\nلطفاً نسخه‌ی قرارداد را برای [[PERSON|مهدی]] هم بفرستید.\n\nبا احترام،\n[[PERSON|شیرین رحیمی]]\n{{مدیر فروش}} – شرکت بازرگانی پارسیان\nتلفن: [[PHONE|021 8876 4412]] | همراه: [[PHONE|0912 418 3307]]\nدفتر: نزدیک {{خیابان ولیعصر}}، {{تهران}}",
    ),
    (
        "enrichment_json",
        "en/US-Nigerian",
        'Tool call: enrich_lead(email="[[EMAIL|o.ogunleye@jci-partners.com]]")\nResponse:\n{\n  "person": {\n    "full_name": "[[PERSON|Olamide Ogunleye]]",\n    "preferred_name": "[[PERSON|Lami]]",\n    "title": "{{VP Procurement}}",\n    "employer": "{{Johnson Controls}} (channel partner)",\n    "location": "{{Milwaukee}}, WI",\n    "phone": "[[PHONE|(414) 982-7361]]"\n  },\n  "company": {\n    "tech_stack": ["{{Salesforce}}", "{{Einstein}}", "{{Marketo}}"],\n    "revenue_band": "{{$1B+}}"\n  },\n  "web_activity": {\n    "last_visit_ip": "[[IP_ADDRESS|73.152.44.219]]",\n    "pages": ["/pricing", "/case-studies/{{kohler}}"]\n  },\n  "colleagues": ["[[PERSON|Rebecca Schultz]]", "[[PERSON|Amadou Diop]]", "[[PERSON|Kenji Watanabe]]"],\n  "insight": "[[PERSON|Lami]] reports to [[PERSON|Rebecca]]; [[PERSON|Amadou]] previously evaluated us at a {{Kohler}} plant."\n}',
    ),
    (
        "enrichment_json",
        "en/BR-Brazilian",
        'POST /v2/enrich HTTP/1.1\nAuthorization: Bearer [[SECRET|sk-proj-Q7vN2xLk9pR4tW8mZc3HbY6aJf1sDe5G0uIoP]]\nBody: { "domain": "sorvetesdobem.com.br", "requested_by": "[[PERSON|mateus.costa]]" }\n\n200 OK\n{\n  "company": "Sorvetes do Bem Ltda",\n  "distributes": ["{{Ben & Jerry\'s}}", "{{Kibon}}"],\n  "hq_city": "{{Curitiba}}",\n  "contacts": [\n    { "name": "[[PERSON|Priscila Andrade]]", "role": "{{Diretora Comercial}}", "email": null },\n    { "name": "[[PERSON|Thiago Nascimento]]", "role": "{{Gerente de Trade}}", "email": null },\n    { "name": "[[PERSON|Ana Beatriz Ferreira]]", "role": "CFO", "email": null }\n  ],\n  "notes": "[[PERSON|Priscila]] spoke at {{Expo Sorvete}} in {{July}}; [[PERSON|Bia]] ([[PERSON|Ana Beatriz]]) signs contracts above {{R$ 200 mil}}."\n}',
    ),
    (
        "enrichment_json",
        "en/ZA-Zulu",
        '{\n  "lead_id": "ZA-30817",\n  "source": "webinar_signup",\n  "person": {\n    "name": "[[PERSON|Sipho Ndlovu]]",\n    "title": "{{Regional Franchise Manager}}",\n    "company": "{{Nando\'s}} franchisee group",\n    "city": "{{Johannesburg}}"\n  },\n  "related_people": [\n    { "name": "[[PERSON|Zanele Khumalo]]", "relation": "operations" },\n    { "name": "[[PERSON|Pieter van der Merwe]]", "relation": "finance" },\n    { "name": "[[PERSON|Thabo]]", "relation": "store manager, {{Soweto}}" }\n  ],\n  "ai_summary": "[[PERSON|Sipho]] runs 11 stores. [[PERSON|Zanele]] asked about the {{Multi-site}} plan ({{ZAR 240,000}}). Avoid outreach on {{Heritage Day}}. [[PERSON|Pieter]] prefers Afrikaans."\n}',
    ),
    (
        "enrichment_json",
        "en/IL-Ashkenazi",
        'enrichment.result = {\n  "input": "[[PERSON|yarden ben-ami]] check point",\n  "match_confidence": 0.91,\n  "person": {\n    "name": "[[PERSON|Yarden Ben-Ami]]",\n    "headline": "{{Director of Revenue Operations}}",\n    "previous": ["{{Check Point}}", "{{Wix}}"],\n    "city": "{{Ra\'anana}}"\n  },\n  "team": ["[[PERSON|Shira Kaplan]]", "[[PERSON|Nadav Oren]]", "[[PERSON|Ilana Grinberg-Shalev]]"],\n  "signals": [\n    "hiring 3 SDRs before {{Rosh Hashanah}}",\n    "Series B {{$38M}}",\n    "[[PERSON|Shira]] liked our post about {{Q4}} forecasting"\n  ],\n  "next_best_action": "Ask [[PERSON|Nadav]] for an intro to [[PERSON|Yarden]]."\n}',
    ),
    (
        "enrichment_json",
        "he/IL-Mixed",
        '{\n  "מקור": "טופס אתר",\n  "איש_קשר": {\n    "שם": "[[PERSON|רעות שושני]]",\n    "תפקיד": "{{מנהלת מוצר}}",\n    "חברה": "{{אלקטרה}} – חטיבת מזגנים",\n    "עיר": "{{נשר}}"\n  },\n  "אנשים_קשורים": [\n    "[[PERSON|אביטל רוזן]]",\n    "[[PERSON|מוחמד חיר]]",\n    "[[PERSON|גיל בן דוד]]"\n  ],\n  "תובנה": "[[PERSON|רעות]] ביקרה בעמוד התמחור 4 פעמים. [[PERSON|גיל]] עבד איתנו ב{{בנק דיסקונט}}. מומלץ להציע {{מסלול Enterprise}} ב־{{₪96,000}} לפני {{סוף הרבעון}}.",\n  "הערה": "המשרד של [[PERSON|רעות]] נמצא ב{{נשר}}, ליד המפעל; פגישה פרונטלית עדיפה"\n}',
    ),
    (
        "enrichment_json",
        "he/IL-Haredi",
        '{\n  "lead": "חנות תשמישי קדושה",\n  "owner_handle": "@[[PERSON|yossi.klein]]",\n  "owner_name": "[[PERSON|יוסף קליין]]",\n  "known_as": "[[PERSON|יוסל\'ה]]",\n  "area": "{{רמות}}, {{ירושלים}}",\n  "family_business": true,\n  "partners": ["[[PERSON|חיים דוד ברקוביץ]]", "[[PERSON|לאה קליין]]"],\n  "preferred_channel": "טלפון קווי בלבד",\n  "landline": "[[PHONE|02-5867731]]",\n  "season": "עומס לפני {{סוכות}} ({{ארבעת המינים}})",\n  "recommendation": "להציע {{מסלול כשר}} ב־{{₪150}} לחודש. לא להתקשר ב{{יום שישי}} אחרי 12:00. [[PERSON|לאה]] מנהלת את החשבונות."\n}',
    ),
    (
        "enrichment_json",
        "ar/AE-Emirati",
        '{\n  "المصدر": "معرض {{جيتكس}}",\n  "الشخص": {\n    "الاسم": "[[PERSON|عائشة بنت سعيد الكعبي]]",\n    "المسمى": "{{مديرة التحول الرقمي}}",\n    "الجهة": "شركة تابعة لـ{{مجموعة الفطيم}}",\n    "المدينة": "{{العين}}"\n  },\n  "فريق_العمل": ["[[PERSON|سالم المنصوري]]", "[[PERSON|ميثاء الظاهري]]", "[[PERSON|راجيش مينون]]"],\n  "ملخص": "[[PERSON|عائشة]] مهتمة بباقة {{المؤسسات}} بقيمة {{٢٢٠ ألف درهم}}. [[PERSON|سالم]] هو صاحب القرار المالي. يفضّل التواصل بعد {{عيد الاتحاد}}.",\n  "ملاحظة": "العنوان المسجّل خاطئ؛ المكتب على {{شارع خليفة}} وليس {{شارع حمدان}}"\n}',
    ),
    (
        "enrichment_json",
        "ar/EG-Egyptian",
        '{\n  "lead_source": "LinkedIn",\n  "الاسم": "[[PERSON|عمرو الشناوي]]",\n  "الوظيفة": "{{مدير المبيعات}}",\n  "الشركة": "مقاول من الباطن لمجموعة {{طلعت مصطفى}}",\n  "المدينة": "{{القاهرة الجديدة}}",\n  "زملاء": ["[[PERSON|رانيا عبد المنعم]]", "[[PERSON|محمد صلاح الدين حسن]]", "[[PERSON|أبو حميد]]"],\n  "تحليل": "[[PERSON|عمرو]] بيشتكي من إدارة المندوبين في {{مدينتي}}. [[PERSON|رانيا]] بتوافق على أي صرف فوق {{٢٠٠ ألف جنيه}}. الأفضل نكلمهم بعد {{رمضان}}.",\n  "تنبيه": "{{طلعت مصطفى}} اسم الشركة مش اسم جهة الاتصال"\n}',
    ),
    (
        "enrichment_json",
        "ar/SY-Levantine",
        '{\n  "المصدر": "نموذج الموقع",\n  "جهة_الاتصال": {\n    "الاسم": "[[PERSON|رهف الحمصي]]",\n    "المنصب": "{{مسؤولة المشتريات}}",\n    "الشركة": "موزّع لـ{{بوظة بكداش}}",\n    "المدينة": "{{دمشق}}"\n  },\n  "أشخاص_مرتبطون": [\n    "[[PERSON|غياث السمان]]",\n    "[[PERSON|لمى درويش]]",\n    "[[PERSON|أبو عمر]]"\n  ],\n  "إشارات": [\n    "فتحوا فرع جديد بـ{{حلب}}",\n    "[[PERSON|غياث]] طلب عرض سعر بـ{{١٢ ألف دولار}}"\n  ],\n  "توصية": "منتواصل مع [[PERSON|رهف]] بعد {{عيد الفطر}}؛ [[PERSON|لمى]] بتحكي إنكليزي.",\n  "ملاحظة": "المستودع قريب من {{سوق الحميدية}}، و[[PERSON|أبو عمر]] هو اللي بيستلم البضاعة"\n}',
    ),
    (
        "enrichment_json",
        "id/ID-Indonesian",
        '{\n  "sumber": "pameran dagang {{Jakarta}}",\n  "kontak": {\n    "nama": "[[PERSON|Siti Rahmawati]]",\n    "jabatan": "{{Manajer Penjualan}}",\n    "perusahaan": "mitra distribusi {{Kopi Kenangan}}",\n    "kantor": "dekat {{Jalan Sudirman}}"\n  },\n  "tim": ["[[PERSON|Agus Santoso]]", "[[PERSON|I Made Wirawan]]", "[[PERSON|Putu Ayu Lestari]]"],\n  "ringkasan_ai": "Bu [[PERSON|Siti]] butuh aplikasi sales untuk 40 outlet. Pak [[PERSON|Agus]] pegang anggaran {{Rp 450 juta}}. [[PERSON|Made]] di {{Denpasar}} pakai {{Gojek}} untuk pengiriman. Jangan hubungi saat {{Lebaran}}."\n}',
    ),
    (
        "deal_desk_request",
        "en/US-Mixed",
        "DEAL DESK REQUEST #DD-2291\nSubmitted by: [[PERSON|Kyle Brennan]] (AE) · Manager: [[PERSON|Samantha Ruiz]]\nAccount: Lakeshore Hospitality Group – franchisee of 14 {{Marriott}} and {{Hilton}} properties\nEconomic buyer: [[PERSON|Victor Okonjo]], {{Chief Revenue Officer}}\nChampion: [[PERSON|Danielle Whitaker]]\n\nAsk:\n- {{32%}} discount on {{Enterprise Plus}} (list {{$412,000}})\n- {{Net 60}} payment terms\n- Signature deadline {{December 31}}\n\nJustification ([[PERSON|Kyle]]): [[PERSON|Victor]] has a competing offer from {{HubSpot}}. [[PERSON|Danielle]] says the board meets the week after {{Thanksgiving}}.\nApprovals needed: [[PERSON|Samantha]] (≤20%), [[PERSON|Rajiv Menon]] (Finance, >20%), [[PERSON|Hannah Goldberg]] (Legal, payment terms)\nAI risk score: medium – [[PERSON|Danielle]] went quiet for 9 days in {{October}}.",
    ),
    (
        "deal_desk_request",
        "en/IN-Bengali",
        "Deal desk – multi-year exception\nRep: [[PERSON|Arindam Mukherjee]] | Region: India South\nCustomer: an IT-services vendor to {{Infosys}} and {{Reliance}}, HQ {{Bengaluru}}\nContacts: [[PERSON|Lakshmi Priya Venkatesan]] (procurement), [[PERSON|Mohammed Irfan Shaikh]] (CIO)\n\nRequest\n1. 3-year commit at {{INR 1.1 crore}} total, {{18%}} off list\n2. Price lock through {{FY2028}}\n3. Right to swap 50 seats between entities\n\nContext from [[PERSON|Arindam]]: [[PERSON|Irfan]] sahab will sign before {{Ugadi}} if the price lock is approved. [[PERSON|Lakshmi Priya]] flagged that [[PERSON|Ravi]] from their legal team wants Indian jurisdiction ({{Karnataka}}).\nReviewer: [[PERSON|Deborah Chan]] – approved items 1 & 3, sent item 2 to [[PERSON|Marco Bianchi]] (CFO).",
    ),
    (
        "deal_desk_request",
        "en/GB-Nigerian",
        "Deal Desk ticket DD-UK-0783 – prepayment exception\nAE: [[PERSON|Chukwuemeka Obi]] · Customer: boutique distributor supplying {{Harvey Nichols}} and {{Boots}}\nBuyer: [[PERSON|Imogen Fairbairn]] ({{Finance Director}})\n\nCustomer wants to prepay 12 months by card to unlock the {{£88,000}} price before {{Boxing Day}}. [[PERSON|Imogen]] sent the card details by email (should have used the payment link):\n[[CREDIT_CARD|5243 5129 2212 1959]] – cardholder [[PERSON|IMOGEN FAIRBAIRN]], billing address [[ADDRESS|Flat 3, 27 Elgin Crescent, London W11 2JD]]\n\nAsks: 5% prepayment discount; card surcharge waived.\nNotes: [[PERSON|Emeka]] has deleted the email; [[PERSON|Sophie Marchetti]] in RevOps to process via {{Stripe}}. Her colleague [[PERSON|Tobias]] is the day-to-day admin. Approver: [[PERSON|Naledi Dube]].",
    ),
    (
        "deal_desk_request",
        "en/SA-Saudi",
        "Deal desk request – refund & re-paper (KSA)\nOwner: [[PERSON|Fahad Al-Mutairi]] · Customer: contractor working on {{NEOM}} and {{Red Sea Global}} sites, HQ {{Jeddah}}\nCustomer signatory: [[PERSON|Abdulaziz bin Saad Al-Harthi]]\nFinance contact: [[PERSON|Lamya Al-Sudairy]]\n\nRequest:\n(a) Refund {{SAR 140,000}} overpaid in {{Q1}} to the customer's IBAN [[IBAN|SA47 8099 7066 2848 0978 7102]]\n(b) Re-paper the remaining {{SAR 1.4M}} contract under the new entity\n(c) Deadline: before {{Founding Day}} (22 Feb)\n\nComments: [[PERSON|Lamya]] confirmed the IBAN on a recorded call with [[PERSON|Fahad]]. The old entity was a JV with {{Abdul Latif Jameel}} – legal ([[PERSON|Noor Haidari]]) to check assignment clause. [[PERSON|Abu Saad]] (the customer's GM) will countersign.",
    ),
    (
        "deal_desk_request",
        "he/IL-Mizrahi",
        'בקשת חריגה – מחלקת Deal Desk\nמגיש: [[PERSON|אלירן חזן]] | ראש צוות: [[PERSON|מירב אשכנזי]]\nלקוח: רשת ספקים של {{רמי לוי}} ו{{שופרסל}}\nמקבל החלטות: [[PERSON|דוד בוסקילה]], {{סמנכ"ל מכירות}}\n\nהבקשה:\n• הנחה של {{25%}} על עסקה של {{₪310,000}}\n• תנאי תשלום {{שוטף+60}}\n• חתימה עד {{ט"ו באב}}\n\nנימוק: [[PERSON|דוד]] קיבל הצעה מתחרה. [[PERSON|אלירן]] מעריך שאם לא נגיע ל־25% נאבד את העסקה. [[PERSON|מירב]] ממליצה לאשר 20% + חודשיים חינם.\nמאשרים: [[PERSON|אבישי רגב]] (כספים), [[PERSON|טל אזולאי]] (משפטית).\nהערה: [[PERSON|דוד]] מכיר את [[PERSON|מירב]] מהתקופה שלה ב{{שטראוס}}.',
    ),
    (
        "deal_desk_request",
        "he/IL-ArabIsraeli",
        "בקשה לאישור תנאים מיוחדים\nנציג: [[PERSON|וסים עבד אל-חלים]]\nלקוח: רשת מרכולים ב{{סח'נין}}, {{עראבה}} ו{{כפר כנא}}\nבעלים: [[PERSON|ח'אלד יאסין]] ובנו [[PERSON|מחמוד]]\nמנהלת כספים: [[PERSON|ריהאם אבו ריא]]\n\nמבוקש:\n1. תשלום ב־{{12 תשלומים}} ללא ריבית\n2. הדרכה בערבית לכל הסניפים\n3. הקפאת חיוב במהלך {{רמדאן}}\n\nנימוק [[PERSON|וסים]]: הלקוח משתמש היום ב{{פריוריטי}}, ו[[PERSON|ח'אלד]] מוכן לעבור אם נעמוד בתנאים. שווי עסקה {{₪145,000}}.\nהחלטה ([[PERSON|יעל מזרחי]]): סעיפים 1–2 אושרו; סעיף 3 יידון עם [[PERSON|ריהאם]] בשיחה שתתקיים אחרי החג, ו[[PERSON|וסים]] יעדכן את הסטטוס במערכת.",
    ),
    (
        "deal_desk_request",
        "ar/AE-MSA",
        "طلب استثناء – مكتب الصفقات\nمقدّم الطلب: [[PERSON|محمد الحمادي]]\nالعميل: مطوّر عقاري متعاقد مع {{إعمار}}، مكاتبه قرب {{دبي مول}}\nصاحب القرار: [[PERSON|خالد بن سلطان المهيري]]\nالمسؤولة القانونية: [[PERSON|هالة يوسف]]\n\nالبنود المطلوبة:\n١- خصم {{٢٠٪}} على عقد بقيمة {{١٫٢ مليون درهم}}\n٢- ربط الأسعار لمدة سنتين\n٣- الدفع ربع سنوي بدءاً من {{الربع الرابع}}\n\nالمبرّرات: [[PERSON|خالد]] يقارن عرضنا مع مزوّد آخر. [[PERSON|هالة]] تشترط أن تكون الاستضافة داخل الدولة.\nالقرار: وافق [[PERSON|بيتر هوفمان]] على البند ١ و٣، وأحال البند ٢ إلى [[PERSON|أمل الزعابي]] في المالية. عندنا {{أمل}} نغلق الصفقة قبل {{عيد الاتحاد}}.",
    ),
    (
        "deal_desk_request",
        "ar/IQ-Iraqi",
        "طلب موافقة خاصة – صفقة أربيل\nالمندوب: [[PERSON|علي حسين الربيعي]]\nالعميل: شركة توزيع أدوية بـ{{أربيل}} و{{السليمانية}}\nالمدير: [[PERSON|كاروان عبدالله]]، والمحاسبة [[PERSON|شيلان رشيد]]\n\nشنو نريد:\n- تخفيض {{١٥٪}} لأن العميل يدفع كاش بالدولار\n- فترة تجربة شهرين بدل شهر\n- الفواتير تطلع بالعربي والكردي\n\nتعليق [[PERSON|علي]]: [[PERSON|كاروان]] گال إذا ما نوافق يروح لشركة ثانية من {{بغداد}}. قيمة العقد {{٦٠ ألف دولار}}. [[PERSON|شيلان]] تريد تحچي ويه [[PERSON|أبو مصطفى]] من عدنا قبل {{نوروز}}.\nالموافقة: [[PERSON|سرمد الخفاجي]] – وافق على البند الأول والثالث.",
    ),
    (
        "deal_desk_request",
        "ar/MA-Darija",
        "طلب استثناء – صفقة طنجة\nالمكلف: [[PERSON|أنس الوزاني]]\nالزبون: شركة ديال اللوجستيك كتخدم مع {{مرجان}} و{{أسواق السلام}}\nالمدير ديالهم: [[PERSON|رشيد بنكيران]]\nالمسؤولة المالية: [[PERSON|حنان العلوي]]\n\nالطلب:\n١. تخفيض {{٢٠٪}} على {{٤٥٠ ألف درهم}}\n٢. الخلاص على ٤ دفعات\n٣. التكوين بالدارجة والفرنسية\n\nملاحظة [[PERSON|أنس]]: [[PERSON|رشيد]] قال غادي يسني قبل {{عيد العرش}} إلا وافقنا. [[PERSON|حنان]] بغات الفاتورة باسم الشركة ماشي باسم [[PERSON|رشيد]]. المكتب ديالهم قريب من {{شارع محمد الخامس}}.\nالقرار: [[PERSON|إلياس المريني]] وافق على ١ و٣.",
    ),
    (
        "deal_desk_request",
        "he-en/IL-CodeSwitch",
        'Deal desk – בקשה דחופה 🚨\nAE: [[PERSON|Noam Peretz]] | Manager: [[PERSON|Hila Ben-Shimon]]\nCustomer: fintech ב{{Herzliya Pituach}}, VP Sales שלהם [[PERSON|Gilad Sasson]]\n\nהבקשה:\n- {{30%}} off על ה־{{Scale}} plan (list {{$120K}})\n- opt-out אחרי 6 חודשים\n- closing עד {{end of Q3}}, לפני {{Rosh Hashana}}\n\n[[PERSON|Noam]]: "[[PERSON|Gilad]] אמר שאם אין opt-out הוא הולך ל{{Salesforce}}. ה־champion שלנו זה [[PERSON|Maya Levinson]], היא חזקה מול ה־CFO [[PERSON|Eitan]]."\n[[PERSON|Hila]]: approve עד 22%, את ה־opt-out צריך [[PERSON|Ronen]] מ־legal. [[PERSON|Noam]] תעדכן את ה־forecast ב־CRM.',
    ),
    (
        "audit_log",
        "en/US-Mixed",
        '# audit_log export · tenant: northwind-sales · range {{2025-03-14}} → {{2025-03-15}}\n2025-03-14T09:12:44Z user=[[PERSON|m.okafor]] role={{Sales Manager}} action=LOGIN ip=[[IP_ADDRESS|98.207.114.36]] ua="Chrome 122 / macOS"\n2025-03-14T09:15:02Z user=[[PERSON|m.okafor]] action=VIEW_CONTACT target="[[PERSON|Rosa Delgado-Pinto]]" account="{{Ford}} Fleet Renewal"\n2025-03-14T09:17:31Z user=[[PERSON|priya.raman]] action=EXPORT_REPORT report="{{Q1 Pipeline by Region}}" rows=1,284 ip=[[IP_ADDRESS|98.207.114.36]]\n2025-03-14T11:02:10Z user=[[PERSON|j.whitehorse]] action=UPDATE_DEAL deal="{{Johnson Controls}} – HVAC retrofit" field=amount old={{$84,000}} new={{$96,500}}\n2025-03-14T11:02:11Z system=ai-assistant action=SUMMARY_GENERATED for_user=[[PERSON|j.whitehorse]] mentions=["[[PERSON|Rosa Delgado-Pinto]]","[[PERSON|Tom Achebe]]"]\n2025-03-15T02:47:55Z user=[[PERSON|priya.raman]] action=LOGIN_FAILED ip=[[IP_ADDRESS|185.220.101.47]] reason=geo_block country={{Netherlands}}\n2025-03-15T08:00:00Z system=scheduler action=PLAN_CHANGE tenant_plan={{Enterprise}} → {{Enterprise Plus}} approved_by=[[PERSON|Dana Whitfield]]\nnote: [[PERSON|Jesse Whitehorse]] ([[PERSON|j.whitehorse]]) is on PTO until {{Monday}}.',
    ),
    (
        "audit_log",
        "en/GB-Pakistani",
        "[security-audit] severity=HIGH rule=SECRET_IN_URL\ntime=2025-01-08 16:22:09 UTC\nactor=[[PERSON|zainab.qureshi]]@tenant-7731 (role {{Integration Admin}})\nsource_ip=[[IP_ADDRESS|2a02:c7c:9a2e:4100:8d1f:3b22:61e0:19c4]]\nrequest=GET /api/v1/sync?customer=greenfield-foods&password=[[SECRET|Summer2024!Leeds]]\naction_taken=token_revoked, alert sent to [[EMAIL|security@greenfieldfoods.co.uk]]\n\nfollow-up log\n16:25 [[PERSON|Hassan Mirza]] (SecOps) acknowledged\n16:31 [[PERSON|Hassan Mirza]] called [[PERSON|Zainab]] on [[PHONE|07958 331 204]] – she was testing the {{Sage}} connector\n16:40 [[PERSON|Zainab Qureshi]] rotated credentials; new vault entry owner [[PERSON|Callum Fraser]]\n16:45 ticket {{SEC-4410}} closed by [[PERSON|Hassan]]\nCustomer context: Greenfield Foods supplies {{Waitrose}} and {{Morrisons}} in {{Leeds}}; account plan {{Business}}.",
    ),
    (
        "audit_log",
        "en/CA-Mixed",
        "Field history – Contact #C-559210\n| when (UTC)          | changed by         | field        | old value                          | new value |\n| 2024-11-02 14:03    | [[PERSON|lucas.tremblay]]     | first_name   | [[PERSON|Marie-Eve]]                          | [[PERSON|Marie-Ève]] |\n| 2024-11-02 14:03    | [[PERSON|lucas.tremblay]]     | email        | [[EMAIL|me.gagnon@videotron.ca]]             | [[EMAIL|marie-eve.gagnon@boulangeriestdenis.ca]] |\n| 2024-11-02 14:05    | [[PERSON|lucas.tremblay]]     | phone        | [[PHONE|(514) 274-8819]]                   | [[PHONE|(438) 660-3127]] |\n| 2024-11-04 09:11    | ai-enrichment      | company      | (blank)                            | {{Tim Hortons}} franchisee |\n| 2024-11-04 09:11    | ai-enrichment      | city         | (blank)                            | {{Laval}} |\n| 2024-11-05 17:40    | [[PERSON|aditi.bhatt]]        | owner        | [[PERSON|Lucas Tremblay]]                     | [[PERSON|Aditi Bhatt]] |\n| 2024-11-05 17:41    | [[PERSON|aditi.bhatt]]        | stage        | {{Discovery}}                        | {{Proposal}} |\nNote: the bakery is on {{rue Saint-Denis}}; deal value {{CAD 18,000}}; follow-up after {{Remembrance Day}}.",
    ),
    (
        "audit_log",
        "en/EU-GDPR",
        'GDPR erasure log – request DSR-2025-0117\nreceived: {{2025-02-03}} via privacy@ form, submitter ip [[IP_ADDRESS|91.64.173.208]]\ndata subject: [[PERSON|Katarzyna Wiśniewska-Brandt]] ([[EMAIL|k.wisniewska@posteo.de]])\nverified by: [[PERSON|Elena Papadopoulou]] (Privacy Ops)\n\nobjects deleted:\n- contact record + 3 notes written by [[PERSON|Felix Hartmann]] and [[PERSON|Mehdi Benali]]\n- 2 call recordings (agent [[PERSON|Joana Sousa]])\n- enrichment cache (employer: {{Siemens Healthineers}}, city: {{Erlangen}})\nobjects retained (legal hold): invoice {{INV-DE-7781}} ({{€4,200}}), retained until {{2031}}\ncompleted: {{2025-02-17}} by [[PERSON|Elena]]; confirmation emailed to the data subject\nreviewer comment: [[PERSON|Kasia]] had two records because [[PERSON|Felix]] typed her name as "[[PERSON|Katarzyna Wisniewska]]". Both removed. Reference process: {{Art. 17 GDPR}}.',
    ),
    (
        "audit_log",
        "he/IL-Mixed",
        'יומן ביקורת – ייצוא נתונים\n{{14/05/2025}} 10:21 | משתמש: [[PERSON|נועה.שטרן]] | פעולה: ייצוא 450 אנשי קשר לקובץ CSV | כתובת IP: [[IP_ADDRESS|79.181.32.204]]\n{{14/05/2025}} 10:22 | מערכת: התראת DLP – הקובץ כולל שדה ת"ז\n{{14/05/2025}} 10:30 | משתמש: [[PERSON|אבי_מלכה]] ({{מנהל אבטחת מידע}}) | פעולה: חסימת הקובץ\n{{14/05/2025}} 10:41 | משתמש: [[PERSON|אבי_מלכה]] | פעולה: שיחה עם [[PERSON|נועה שטרן]] – הסבירה שהייצוא נועד לקמפיין {{יום העצמאות}}\n{{14/05/2025}} 11:05 | משתמש: [[PERSON|רונן ביטון]] | פעולה: אישור ייצוא מחדש ללא ת"ז, ללקוחות {{תוכנית Pro}} בלבד\n{{14/05/2025}} 11:06 | עוזר AI | סיכום: הייצוא כלל אנשי קשר של {{בנק הפועלים}} ושל {{אסם}}; אין אירוע דליפה\nהערה: [[PERSON|נועה]] תעבור הדרכה אצל [[PERSON|אבי]] ב{{יום ראשון}}.',
    ),
    (
        "audit_log",
        "he/IL-RussianSpeaking",
        'יומן שינויי הרשאות – ארגון {{קומפני 7}}\n2025-06-01 08:14 | [[PERSON|אלכסנדר פרנקל]] ({{מנהל מערכת}}) הוסיף את [[PERSON|ויקטוריה סגל]] לקבוצה "{{מכירות צפון}}"\n2025-06-01 08:15 | [[PERSON|אלכסנדר פרנקל]] העניק ל[[PERSON|ויקטוריה סגל]] הרשאת "צפייה בכל העסקאות"\n2025-06-01 09:40 | [[PERSON|ויקה]] ייצאה דו"ח "{{עסקאות Q2}}" (212 שורות)\n2025-06-02 13:02 | [[PERSON|מקסים ליברמן]] שינה את הבעלים של העסקה "{{ויקטורי – סניף חדרה}}" מ[[PERSON|ויקטוריה סגל]] ל[[PERSON|דניאל אוחיון]]\n2025-06-02 13:05 | מערכת AI: העסקה מתייחסת לרשת {{ויקטורי}}, לא ל[[PERSON|ויקטוריה סגל]]\n2025-06-03 07:55 | [[PERSON|אלכסנדר]] ביטל את ההרשאה הרחבה אחרי בדיקה עם [[PERSON|ליאורה]] מהציות',
    ),
    (
        "audit_log",
        "ar/OM-Omani",
        'سجل التدقيق – حساب شركة الباطنة للتجارة\n{{٢٠٢٥/٠٤/٠٩}} ٠٨:٣٠ | المستخدم: [[PERSON|said.alhinai]] | تسجيل دخول | العنوان: [[IP_ADDRESS|5.36.214.90]]\n{{٢٠٢٥/٠٤/٠٩}} ٠٨:٤٢ | المستخدم: [[PERSON|سعيد الهنائي]] | تعديل جهة اتصال: [[PERSON|موزة البلوشية]] | الحقل: الجوال | من [[PHONE|+968 9712 4480]] إلى [[PHONE|+968 7215 3390]]\n{{٢٠٢٥/٠٤/٠٩}} ٠٩:١٠ | المستخدم: [[PERSON|ريا الرواحية]] | تصدير تقرير "{{مبيعات صحار}}"\n{{٢٠٢٥/٠٤/٠٩}} ٠٩:١١ | المساعد الذكي | تنبيه: التقرير يحتوي على أرقام جوالات العملاء\n{{٢٠٢٥/٠٤/٠٩}} ٠٩:٢٠ | المستخدم: [[PERSON|أحمد المعمري]] ({{مدير النظام}}) | إلغاء صلاحية التصدير لـ[[PERSON|ريا]]\n{{٢٠٢٥/٠٤/١٠}} ١٠:٠٥ | المستخدم: [[PERSON|سعيد الهنائي]] | ترقية الباقة إلى {{الأعمال}} – {{١٨٠٠ ريال عماني}}\nملاحظة: العميل مقرّه قرب {{جامع السلطان قابوس الأكبر}}.',
    ),
    (
        "audit_log",
        "ar/PS-Palestinian",
        'سجل عمليات المستخدمين – مكتب الخليل\n2025-03-02 09:14 | [[PERSON|hamza.qawasmi]] | دخول للنظام | [[IP_ADDRESS|213.6.115.42]]\n2025-03-02 09:20 | [[PERSON|حمزة القواسمي]] | أضاف عميل جديد: [[PERSON|سماح أبو سنينة]] – مصنع زجاج، {{الخليل}}\n2025-03-02 09:21 | [[PERSON|حمزة القواسمي]] | أضاف ملاحظة: "[[PERSON|سماح]] بدها عرض سعر قبل {{رمضان}}"\n2025-03-02 11:47 | [[PERSON|رزان دويك]] | عدّلت قيمة الصفقة من {{٨ آلاف دولار}} إلى {{١١ ألف دولار}}\n2025-03-02 11:48 | المساعد الذكي | اقترح ربط الصفقة بحساب "{{زجاج أبو سنينة}}" الموجود مسبقاً\n2025-03-02 12:03 | [[PERSON|رزان دويك]] | رفضت الاقتراح: الحساب القديم لعائلة ثانية\n2025-03-03 08:15 | [[PERSON|أبو حمزة]] ({{مدير الفرع}}) | وافق على الخصم {{١٠٪}}\n2025-03-03 08:16 | النظام | تم إشعار [[PERSON|حمزة]] و[[PERSON|رزان]] عبر البريد',
    ),
    (
        "audit_log",
        "ar/LY-Maghrebi",
        "سجل التدقيق الأمني – طرابلس\n[2025-05-11 22:41:07] تنبيه: محاولات دخول فاشلة متكررة للمستخدم [[PERSON|khaled.elmagrahi]] من العنوان [[IP_ADDRESS|41.208.72.15]]\n[2025-05-11 22:43:30] النظام: قفل الحساب مؤقتاً\n[2025-05-12 08:05:12] [[PERSON|خالد المقرحي]] اتصل بالدعم وطلب فتح الحساب\n[2025-05-12 08:09:40] الموظفة [[PERSON|نجلاء الفيتوري]] تحققت من الهوية وفتحت الحساب\n[2025-05-12 08:10:02] [[PERSON|نجلاء]]: المحاولات كانت من جهاز ابن أخيه [[PERSON|معتز]]\n[2025-05-12 09:30:45] [[PERSON|خالد]] صدّر قائمة عملاء {{بنغازي}} ({{٢٣٠}} سجل)\n[2025-05-12 09:31:00] المساعد الذكي: لا يوجد تصدير غير اعتيادي مقارنة بشهر {{أبريل}}\n[2025-05-12 10:00:00] [[PERSON|عبدالسلام الزوي]] ({{مسؤول الأمن}}) أغلق التنبيه – الحالة: {{SEC-221}}\nملاحظة: العميل الرئيسي في هذا الحساب هو {{شركة المدار}}، والباقة {{الذهبية}}.",
    ),
    (
        "audit_log",
        "el/GR-Greek",
        'Αρχείο ελέγχου – λογαριασμός Aegean Foods Α.Ε.\n{{2025-02-20}} 09:02 χρήστης=[[PERSON|g.papadakis]] ενέργεια=ΣΥΝΔΕΣΗ ip=[[IP_ADDRESS|94.66.57.183]]\n2025-02-20 09:10 χρήστης=[[PERSON|Γιώργος Παπαδάκης]] ενέργεια=ΕΞΑΓΩΓΗ αναφοράς "{{Πωλήσεις Θεσσαλονίκης}}"\n2025-02-20 09:15 χρήστης=[[PERSON|Ελένη Κωνσταντινίδου]] ενέργεια=ΑΛΛΑΓΗ_ΙΔΙΟΚΤΗΤΗ πελάτης="[[PERSON|Νίκος Αλεξίου]]" νέος ιδιοκτήτης=[[PERSON|Μαρία Βλάχου]]\n2025-02-20 10:40 σύστημα=AI σύνοψη: ο [[PERSON|Νίκος]] ζήτησε προσφορά {{€18.000}} για το πακέτο {{Professional}} πριν από την {{Καθαρά Δευτέρα}}\n2025-02-20 11:05 χρήστης=[[PERSON|m.vlachou]] ενέργεια=ΕΝΗΜΕΡΩΣΗ email πελάτη → [[EMAIL|n.alexiou@aegeanfoods.gr]]\n{{2025-02-21}} 08:30 χρήστης=[[PERSON|Γιώργος]] ενέργεια=ΔΙΑΓΡΑΦΗ σημείωσης\nΣημείωση: ο πελάτης προμηθεύει τα σούπερ μάρκετ {{Σκλαβενίτης}} και {{Μασούτης}} (βασικοί πελάτες στη {{Θεσσαλονίκη}}).',
    ),
    (
        "survey_response",
        "en/US-Mixed",
        'NPS survey – Q2 responses (auto-tagged by AI)\n#1 Score 10 – "[[PERSON|Alyssa]] on the support team is a rockstar. She fixed our {{Shopify}} sync in a day." – [[PERSON|Brent Kowalczyk]], {{Tulsa}}\n#2 Score 4 – "Renewal price jumped {{18%}}. I asked [[PERSON|Derek Huang]] twice for a call and heard nothing." – [[PERSON|Imani Jefferson]], {{Jefferson Family Dental}}\n#3 Score 8 – "Good product. Wish the mobile app worked offline in rural {{Montana}}." – anonymous\n#4 Score 9 – "[[PERSON|Sofía]] and [[PERSON|Raj]] ran a great onboarding. Please keep [[PERSON|Sofía]] as our CSM!" – [[PERSON|Tyler Oduya]]\n#5 Score 6 – "Reports are slow since {{v8.1}}. Happy to share details on a call." – [[PERSON|Wes Lautner]]\n#6 Score 7 – "We will renew, but the {{Pro Plan}} is missing SSO. {{Will}} there be a roadmap update before {{Memorial Day}}?" – [[PERSON|Will Castellanos]]\nAI themes: support praise (named: [[PERSON|Alyssa]], [[PERSON|Sofía]]), pricing concern (escalate to [[PERSON|Derek]]\'s manager), performance.',
    ),
    (
        "survey_response",
        "en/GB-Mixed",
        'Post-onboarding CSAT – free-text answers\nQ: What went well?\n- "Our trainer [[PERSON|Priyanka Desai]] explained everything twice without making anyone feel silly." ([[PERSON|Morag Sinclair]], {{Aberdeen}})\n- "[[PERSON|Kwabena]] stayed late to migrate our {{Sage}} data. Legend." ([[PERSON|Dafydd Rees]])\nQ: What could be better?\n- "Calendar sync with {{Outlook}} broke twice. Also the invoice said {{£1,450}} instead of {{£1,250}}." ([[PERSON|Hyun-woo Cho]], {{Manchester}})\n- "Please don\'t schedule training on {{St Andrew\'s Day}} – half of our team is off." ([[PERSON|Morag Sinclair]])\nQ: Anything else?\n- "Happy to be a reference any time." ([[PERSON|Abimbola Ogunbiyi]])\n- "The {{Rose}} room at your {{Leeds}} office was freezing 😂" ([[PERSON|Dafydd Rees]])\nOverall CSAT: {{4.4/5}} (n=38)',
    ),
    (
        "survey_response",
        "en/AU-Mixed",
        'Win/loss interview – LOST to competitor\nInterviewee: [[PERSON|Siobhan Kearney]], {{Head of Sales Ops}}, a {{Woolworths}} supplier in {{Adelaide}}\nInterviewer: [[PERSON|Marcus Tanaka]]\n\nQ1. Why did you choose the other vendor?\n"Honestly? Price. Your rep [[PERSON|Jordan]] was lovely, but the quote was {{AUD 41,000}} and they came in at 30."\nQ2. How was the evaluation?\n"[[PERSON|Jordan Whitlock]] and [[PERSON|Aroha Ngata]] ran a tight demo. My CFO [[PERSON|Greg Pappas]] loved the forecasting, though."\nQ3. Would you consider us again?\n"Maybe after {{June}}, when our contract with them hits the break clause. Ring me then, or email [[EMAIL|skearney@coastfresh.com.au]]."\nQ4. Anything else?\n"Tell [[PERSON|Aroha]] thanks – she remembered my daughter [[PERSON|Ella]] was sick. That matters."\nAI tags: price, champion = [[PERSON|Greg]], re-engage {{Q3}}.',
    ),
    (
        "survey_response",
        "en/IN-Malayali",
        'Webinar feedback – "AI forecasting for distributors" ({{12 March}})\nRespondent 1: [[PERSON|Jisha Mathew]], {{Kochi}} – 5/5 – "Speaker [[PERSON|Arjun Nambiar]] was excellent. Please share the {{Milma}} case study."\nRespondent 2: [[PERSON|Syed Ameer Basha]], {{Chennai}} – 3/5 – "Audio cut out when [[PERSON|Neha]] was talking about {{Pro Plan}} pricing."\nRespondent 3: [[PERSON|Deepa K. Menon]], {{Dubai}} – 4/5 – "Can you do a session before {{Onam}}? My boss [[PERSON|Thomas Kurian]] wants to attend."\nRespondent 4: [[PERSON|Manpreet Gill]], {{Ludhiana}} – 2/5 – "Too much theory. Call me: [[PHONE|+91 98726 41830]]"\nRespondent 5: [[PERSON|Rosy]], no company – 5/5 – "Loved it!!"\nSummary: avg {{3.8}}; follow up with [[PERSON|Manpreet]] and [[PERSON|Deepa]].',
    ),
    (
        "survey_response",
        "he/IL-Mixed",
        'סקר שביעות רצון – תשובות פתוחות (רבעון 2)\n1. "[[PERSON|הילה]] מהתמיכה פשוט מלאך. פתרה לנו בעיה עם {{חשבונית ירוקה}} תוך שעה." – [[PERSON|שמעון פרץ]], {{נתיבות}}\n2. "המחיר עלה ב־{{12%}} בלי הודעה מוקדמת. ביקשתי מ[[PERSON|עידו]] לחזור אליי ולא קיבלתי תשובה." – [[PERSON|אורנה בירנבאום]]\n3. "המערכת מעולה, אבל האפליקציה נתקעת ב{{שבת}} כשהעדכונים רצים." – [[PERSON|חנה צ\'רניאק]]\n4. "ההדרכה של [[PERSON|מלאכו]] הייתה ברורה ובגובה העיניים. תודה!" – [[PERSON|יוסף אדמסו]], {{קריית מלאכי}}\n5. "חסרה תמיכה בערבית. הצוות שלי ב{{טמרה}} מתקשה." – [[PERSON|מוחמד דיאב]]\n6. "יש לכם {{חן}} בשירות, תמשיכו ככה 🙂" – אנונימי\nסיכום AI: 4 חיוביים, 2 שליליים. להעביר ל[[PERSON|עידו]] את תשובה 2.',
    ),
    (
        "survey_response",
        "he/IL-Haredi",
        'משוב לקוחות – {{מסלול כשר}} (סקר טלפוני, הוקלד ע"י [[PERSON|רבקי גולדשמידט]])\nשאלה 1: האם תמליץ עלינו לחבר? (0–10)\n• 9 – "השירות טוב. [[PERSON|אהרן]] מהתמיכה תמיד עונה בסבלנות." – [[PERSON|משה יוסף ליכטנשטיין]], {{בני ברק}}\n• 6 – "קשה להשיג אתכם ב{{ערב שבת}}. ביקשתי שיחזרו אליי ולא חזרו." – [[PERSON|צירל הורוביץ]]\n• 10 – "מצוין, בזכות [[PERSON|אהרן]] ו[[PERSON|שלומי]]." – [[PERSON|יעקב דוד וולף]], {{ביתר עילית}}\nשאלה 2: מה היה חסר?\n• "דו"חות ביידיש 🙂" – [[PERSON|צירל הורוביץ]]\n• "הנחה לפני {{פסח}}, כמו שקיבלנו ב{{תשפ"ד}}" – [[PERSON|יעקב דוד וולף]]\n• "שהקו של {{שלומי}} (המשרד בצפון) יהיה פתוח גם בערב" – [[PERSON|משה יוסף ליכטנשטיין]]\nסיכום: ממוצע {{8.3}}; [[PERSON|רבקי]] תעביר את הבקשה לגבי {{₪200}} הנחה ל[[PERSON|נחמיה]].',
    ),
    (
        "survey_response",
        "ar/JO-Levantine",
        'استبيان رضا العملاء – إجابات مفتوحة\n١. "الشب [[PERSON|مهند]] من الدعم كتير محترم، حلّ المشكلة بنفس اليوم." – [[PERSON|سلام الخطيب]]، {{إربد}}\n٢. "الأسعار غليت {{١٠٪}} وما حدا خبّرنا. حكيت مع [[PERSON|رزان]] مرتين." – [[PERSON|عمر البطاينة]]\n٣. "بتمنى يكون في تدريب بعد {{عيد الأضحى}}، الموظفين الجداد ما بعرفوا يستخدموا النظام." – [[PERSON|أم يزن]]\n٤. "التطبيق ممتاز، بس الفواتير لازم تطلع بالدينار مش بالدولار." – [[PERSON|فراس الزعبي]]، {{الزرقاء}}\n٥. "شكراً لـ[[PERSON|مهند]] و[[PERSON|دانا]]، عندي {{أمل}} إنكم تضلوا هيك." – [[PERSON|سلام الخطيب]]\n٦. "مكتبنا على {{شارع وصفي التل}}، الفني تأخر ساعتين." – مجهول\nالملخص: متوسط التقييم {{٤٫١}}، متابعة مع [[PERSON|عمر]] بخصوص الأسعار.',
    ),
    (
        "survey_response",
        "ar/SD-Sudanese",
        'استبيان بعد التدريب – فريق الخرطوم وبورتسودان\nس١: كيف كان التدريب؟\n- "المدرّب [[PERSON|أسامة الطيب]] شرح كويس شديد، بس الوقت كان قصير." – [[PERSON|آمنة حسن]]\n- "[[PERSON|أسامة]] صبور، والعرض كان واضح." – [[PERSON|محمد الفاتح عوض]]\nس٢: شنو المشكلة الأساسية؟\n- "الشبكة في {{بورتسودان}} و{{نيالا}} ضعيفة، والتطبيق بيقيف." – [[PERSON|إشراقة عبدالله]]\n- "محتاجين نسخة عربية كاملة قبل {{رمضان}}." – [[PERSON|آمنة حسن]]\nس٣: تقترح شنو؟\n- "تدريب تاني في {{أم درمان}} لـ[[PERSON|ود النور]] والجماعة." – [[PERSON|محمد الفاتح عوض]]\n- "سعر {{الباقة الأساسية}} ({{١٢٠٠ دولار}}) كويس." – مجهول\nملاحظة [[PERSON|سارة]] ({{مديرة الحساب}}): أتابع مع [[PERSON|إشراقة]] على الرقم [[PHONE|+249 912 338 401]].',
    ),
    (
        "survey_response",
        "ar/EG-Egyptian",
        'استطلاع NPS – عملاء القاهرة والإسكندرية\n• ٩ – "[[PERSON|منة]] في خدمة العملاء جدعة جداً، ربنا يخليها." – [[PERSON|حسام الدين فاروق]]، {{الإسكندرية}}\n• ٥ – "البرنامج حلو بس غالي، والدعم بيرد متأخر." – [[PERSON|نرمين عاطف]]\n• ١٠ – "من ساعة ما [[PERSON|كريم]] عمل لنا الإعداد والمبيعات زادت {{٢٠٪}}." – الحاج [[PERSON|عبد الرؤوف السيد]]\n• ٧ – "عايزين تكامل مع {{فوري}}." – [[PERSON|شيماء]]\n• ٨ – "اتعاملنا قبل كده مع شركة {{حسن علام}} وأنتم أحسن." – [[PERSON|مروان الجمال]]، {{المعادي}}\nالملخص: متوسط {{٧٫٨}}. متابعة [[PERSON|نرمين]] بعد {{شم النسيم}}.',
    ),
    (
        "survey_response",
        "sw/KE-Swahili",
        'Utafiti wa kuridhika kwa wateja – majibu (Nairobi na Mombasa)\n1. "Huduma ni nzuri sana. [[PERSON|Wanjiku]] wa support alitusaidia haraka." – [[PERSON|Kamau Njoroge]], {{Thika}}\n2. "Bei ya {{Mpango wa Pro}} ni juu kidogo, {{KSh 12,000}} kwa mwezi." – [[PERSON|Amina Said Omar]], {{Mombasa}}\n3. "Tafadhali ongezeni malipo kupitia {{M-Pesa}}. Asanteni." – [[PERSON|Otieno Odhiambo]]\n4. "Mafunzo ya [[PERSON|Baraka]] yalikuwa mazuri, lakini tunahitaji tena baada ya {{Madaraka Day}}." – [[PERSON|Zawadi Mwangi]]\n5. "{{Baraka}} tele kwenu wote!" – bila jina\n6. "App inakwama tukiwa {{Kisumu}}." – [[PERSON|Otieno Odhiambo]]\nMuhtasari wa AI: wastani {{8.1}}; [[PERSON|Wanjiku]] na [[PERSON|Baraka]] wanasifiwa.',
    ),
    (
        "yaml_or_xml_payload",
        "en/US-Mixed",
        '# workflows/renewal-escalation.yaml (committed by [[PERSON|tnguyen]])\nname: renewal-escalation\ntrigger:\n  object: opportunity\n  when: "days_to_renewal <= 45 and health_score < 60"\nowners:\n  primary: [[PERSON|Thao Nguyen]]\n  backup: [[PERSON|Carlos Mendoza-Reyes]]\nescalate_to:\n  - name: [[PERSON|Rachel Abernathy]]\n    title: {{VP Customer Success}}\n  - name: [[PERSON|Obinna Chukwu]]\n    title: {{Regional Director}}\nexclude_accounts:\n  - "{{McDonald\'s}} franchise co-ops"\n  - "{{Walgreens}} pilot"\nwebhook:\n  url: https://hooks.internal.example/renewals\n  signing_secret: "[[SECRET|whsec_9fK2mQ7xLp4Rt8ZvB3nW6yHc1DjE5aGs]]"\nschedule: "every {{Monday}} 08:00 CT"\nnotes: >\n  [[PERSON|Thao]] owns accounts in {{Chicago}} and {{Springfield}}. Skip {{Labor Day}} week.\n  [[PERSON|Carlos]] covers {{Enterprise}} accounts.',
    ),
    (
        "yaml_or_xml_payload",
        "en/CA-Mixed",
        '<?xml version="1.0" encoding="UTF-8"?>\n<webFormLead source="pricing-page" received="{{2025-04-07}}T14:22:10-04:00">\n  <contact>\n    <firstName>[[PERSON|Amrit]]</firstName>\n    <lastName>[[PERSON|Sandhu-Lévesque]]</lastName>\n    <email>[[EMAIL|amrit.sl@maplegrovefarms.ca]]</email>\n    <phone>[[PHONE|+1 604 873 2291]]</phone>\n    <title>{{Director of Operations}}</title>\n  </contact>\n  <company name="Maple Grove Farms" city="{{Abbotsford}}" supplier-to="{{Loblaws}}"/>\n  <interest plan="{{Growth}}" seats="25" budget="{{CAD 30,000}}"/>\n  <referrer>[[PERSON|Marie-Claude Bouchard]]</referrer>\n  <assistantNote>Lead mentions colleague [[PERSON|Daljit]] ([[PERSON|Dal]]) and owner [[PERSON|Harold Van Dusen]]. Avoid calls on {{Canada Day}}.</assistantNote>\n  <assignedRep>[[PERSON|Brittany Lau]]</assignedRep>\n</webFormLead>',
    ),
    (
        "yaml_or_xml_payload",
        "en/IE-Mixed",
        '# agents/lead-summarizer.yaml\nagent:\n  name: lead-summarizer\n  model: gpt-4o-mini\n  tools:\n    - name: crm_search\n      auth:\n        api_key: [[SECRET|sk-live-crm-7Hq2Vd9LmX4pZ8Rk3TbW1nYf6Gc0Ja5e]]\n    - name: calendar\n  notify:\n    - [[EMAIL|ciara.obrien@emeraldsaas.ie]]\n    - [[EMAIL|fionn.gallagher@emeraldsaas.ie]]\n  test_prompts:\n    - "Summarise the last 3 calls with [[PERSON|Aoife Ní Bhriain]] at {{Guinness}} Storehouse catering"\n    - "Did [[PERSON|Seán]] promise a discount to [[PERSON|Wojciech Kamiński]]?"\n    - "Draft follow-up to Dr. [[PERSON|Chidi Okeke]]"\n  guardrails:\n    redact: [phone, email, iban]\n    blocked_phrases: ["{{St. Patrick\'s Day}} promo"]\nowner: [[PERSON|Ciara O\'Brien]]\nreviewers:\n  - [[PERSON|Fionn]]\n  - [[PERSON|Róisín]]\nbudget_eur: {{€1,200}}/month\nregion: {{Dublin}}\nplan: {{Scale}}\nlaunch: after {{Easter Monday}}',
    ),
    (
        "yaml_or_xml_payload",
        "en/NL-Mixed",
        '<?xml version="1.0" encoding="UTF-8"?>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n  <ID>{{INV-NL-2025-3318}}</ID>\n  <IssueDate>{{2025-05-05}}</IssueDate>\n  <Note>Liberation Day ({{Bevrijdingsdag}}) – payment due next business day</Note>\n  <AccountingSupplierParty><Party><PartyName><Name>Tulip CRM B.V.</Name></PartyName>\n    <Contact><Name>[[PERSON|Sanne de Vries]]</Name><ElectronicMail>[[EMAIL|sanne@tulipcrm.nl]]</ElectronicMail></Contact>\n  </Party></AccountingSupplierParty>\n  <AccountingCustomerParty><Party><PartyName><Name>{{Albert Heijn}} franchise – Zaandam</Name></PartyName>\n    <PostalAddress><StreetName>[[ADDRESS|Westzijde 148-2, 1506 EK Zaandam]]</StreetName></PostalAddress>\n    <Contact><Name>[[PERSON|Youssef El Amrani]]</Name><Telephone>[[PHONE|+31 6 48213907]]</Telephone></Contact>\n  </Party></AccountingCustomerParty>\n  <LegalMonetaryTotal><PayableAmount currencyID="EUR">{{4,840.00}}</PayableAmount></LegalMonetaryTotal>\n  <InvoiceLine><Note>{{Pro}} plan, 8 seats; onboarding by [[PERSON|Pieter-Jan van der Linden]]</Note></InvoiceLine>\n  <!-- approved by [[PERSON|Bram]] after call with [[PERSON|Youssef]]; cc [[PERSON|Fatma Yıldız]] -->\n</Invoice>',
    ),
    (
        "yaml_or_xml_payload",
        "he/IL-Mixed",
        "# routing/leads_il.yaml – ניתוב לידים לפי אזור\nregions:\n  - אזור: צפון\n    ערים: [{{חיפה}}, {{כרמיאל}}, {{שלומי}}]\n    נציג: [[PERSON|עדי ח'ורי]]\n    גיבוי: [[PERSON|יונתן רבינוביץ]]\n  - אזור: מרכז\n    ערים: [{{רמת גן}}, {{פתח תקווה}}]\n    נציג: [[PERSON|שני אוחיון]]\n  - אזור: דרום\n    ערים: [{{באר שבע}}, {{אופקים}}]\n    נציג: [[PERSON|מסגנו אברה]]\nescalation:\n  מנהלת: [[PERSON|ליאת ברגמן]]\nexceptions:\n  - לקוחות של {{רמי לוי}} – תמיד ל[[PERSON|שני]]\n  - לידים שנכנסו ב{{ערב חג}} – להשהות עד למחרת\ncomment: \"[[PERSON|עדי]] בחופשה עד {{ל' בתשרי}}; [[PERSON|יונתן]] מחליף\"",
    ),
    (
        "yaml_or_xml_payload",
        "he/IL-Ethiopian",
        '<contact id="C-88412" updated="2025-02-11">\n  <name lang="he">[[PERSON|אביבה טספאי]]</name>\n  <name lang="en">[[PERSON|Aviva Tesfay]]</name>\n  <role>{{מנהלת רכש}}</role>\n  <company>{{סופר אבבה}} – {{נתניה}}</company>\n  <email>[[EMAIL|aviva.tesfay@abeba-market.co.il]]</email>\n  <mobile>[[PHONE|050-7318824]]</mobile>\n  <notes>\n    [[PERSON|אביבה]] הכירה אותנו דרך [[PERSON|גטה וורקנה]]. היא מעדיפה אמהרית בשיחות עם אמה, [[PERSON|אלמז]], שהיא הבעלים.\n    רוצה הצעה ל{{חבילת Starter}} לפני {{סיגד}}. תקציב: {{₪6,000}}.\n  </notes>\n  <owner>[[PERSON|רועי שטרן]]</owner>\n</contact>',
    ),
    (
        "yaml_or_xml_payload",
        "ar/IQ-Iraqi",
        '# config/field_team_basra.yaml\nفريق: مندوبي البصرة\nمدير_الفريق: [[PERSON|علي عبد الزهرة]]\nالمندوبين:\n  - الاسم: [[PERSON|مرتضى جاسم]]\n    المنطقة: {{العشار}}\n  - الاسم: [[PERSON|نور الهدى كريم]]\n    المنطقة: {{الزبير}}\n  - الاسم: [[PERSON|أبو سجاد]]\n    المنطقة: {{شط العرب}}\nالهدف_الشهري: {{٧٥ مليون دينار}}\nتنبيهات:\n  - لا زيارات بـ{{الأربعين}}\n  - [[PERSON|نور الهدى]] تستلم طلبيات {{صيدلية ابن سينا}}\nالتواصل: عبر مجموعة الواتساب\nملاحظة: "[[PERSON|مرتضى]] يغطي مكان [[PERSON|أبو سجاد]] إذا سافر، والتقرير الأسبوعي يوصل لـ[[PERSON|علي]] كل خميس"',
    ),
    (
        "yaml_or_xml_payload",
        "ar/YE-Yemeni",
        '<lead source="معرض صنعاء" date="{{٢٠٢٥/٠١/١٤}}">\n  <name>[[PERSON|فاطمة عبدالرحمن الحضرمي]]</name>\n  <company>مؤسسة تجارية – وكيل لمجموعة {{هائل سعيد أنعم}}</company>\n  <city>{{المكلا}}</city>\n  <mobile>[[PHONE|+967 733 418 205]]</mobile>\n  <interest>{{الباقة المتوسطة}}</interest>\n  <budget currency="USD">{{٤٠٠٠}}</budget>\n  <contacts>\n    <person role="المدير">[[PERSON|سالم باوزير]]</person>\n    <person role="المحاسب">[[PERSON|عمر بن شيخان]]</person>\n  </contacts>\n  <ai_note>[[PERSON|فاطمة]] تفضّل التواصل بعد {{رمضان}}؛ [[PERSON|سالم]] يسافر إلى {{جدة}} كثيراً. المرجع: [[PERSON|أبو أحمد]].</ai_note>\n</lead>',
    ),
    (
        "yaml_or_xml_payload",
        "ar/MA-Darija",
        "# pipelines/morocco.yaml\npipeline: المغرب – الشمال\nowner: [[PERSON|زكرياء العمراني]]\nstages:\n  - {{تواصل أول}}\n  - {{عرض تجريبي}}\n  - {{تفاوض}}\ndeals:\n  - client: موزع كيخدم مع {{أسواق السلام}}\n    contact: [[PERSON|سعيد الإدريسي]]\n    value: {{٣٢٠ ألف درهم}}\n  - client: فندق فـ{{شفشاون}}\n    contact: لالة [[PERSON|فاطمة الزهراء]]\n    value: {{٩٠ ألف درهم}}\nnotes: |\n  [[PERSON|سعيد]] قال غادي يجاوب من بعد {{عيد الأضحى}}.\n  [[PERSON|زكرياء]] خاصو يصيفط العرض قبل الجمعة.\n  [[PERSON|ياسين]] غادي يعاونو فـ{{طنجة}}.",
    ),
    (
        "yaml_or_xml_payload",
        "ur/PK-Urdu",
        '# integrations/whatsapp_bot.yaml\nbot:\n  نام: لیڈ اسسٹنٹ\n  زبان: اردو\n  مالک: [[PERSON|عمران بٹ]]\n  api_token: "[[SECRET|EAAGm0PX4ZCpsBAKq9Lz7vR2tYw8nHf3]]"\n  ٹیم:\n    - [[PERSON|صبا نقوی]] – {{سیلز مینیجر}}\n    - [[PERSON|کاشف محمود]] – {{لاہور}}\n    - [[PERSON|رابعہ خان]] – {{کراچی}}\n  خوش_آمدید_پیغام: "السلام علیکم! میں [[PERSON|صبا]] کی ٹیم سے ہوں۔ {{عید الفطر}} آفر: {{15%}} رعایت"\n  ایسکلیشن:\n    فون: "[[PHONE|0321 4478 902]]"\n    ای_میل: "[[EMAIL|imran.butt@lahoretextiles.pk]]"\n  نوٹ: "[[PERSON|کاشف]] کے کلائنٹس {{گلبرگ}} اور {{ماڈل ٹاؤن}} میں ہیں؛ [[PERSON|رابعہ]] {{PKR 250,000}} سے زیادہ کی ڈیل خود منظور نہیں کر سکتی"',
    ),
    (
        "sql_result",
        "en/US-Mixed",
        "crm=> SELECT id, full_name, ssn, employer, city, stage FROM loan_leads WHERE stage = 'Underwriting' LIMIT 4;\n  id  |      full_name      |     ssn     |      employer       |    city     |    stage\n------+---------------------+-------------+---------------------+-------------+--------------\n 8812 | [[PERSON|Latisha Monroe]]      | [[US_SSN|601-38-2294]] | {{Dollar General}}      | {{Jackson}}     | {{Underwriting}}\n 8815 | [[PERSON|Nguyen Van Long]]     |             | {{Tyson Foods}}         | {{Fort Smith}}  | {{Underwriting}}\n 8820 | [[PERSON|Ezekiel Oyelaran]]    |             | {{Baylor Scott & White}} | {{Waco}}       | {{Underwriting}}\n 8821 | [[PERSON|Gabriela Sánchez Ortiz]] |          | {{Walmart}}             | {{Bentonville}} | {{Underwriting}}\n(4 rows)\n\n-- assistant: row 8812 exposes a full SSN; [[PERSON|Latisha]]'s loan officer is [[PERSON|Brett Dawson]]. Ask [[PERSON|Priya Natarajan]] (data eng) to tokenize the ssn column.",
    ),
    (
        "sql_result",
        "en/GB-Mixed",
        "analytics=# SELECT o.name AS opportunity, u.full_name AS owner, o.amount, o.close_date FROM opportunities o JOIN users u ON u.id = o.owner_id WHERE o.stage = 'Commit';\n        opportunity          |       owner          |  amount   | close_date\n-----------------------------+----------------------+-----------+------------\n {{Sainsbury's}} – Store Ops     | [[PERSON|Harriet Ashworth-Lyle]] | {{£120,000}}  | {{2025-06-30}}\n {{John Lewis}} – Click & Collect | [[PERSON|Kwame Mensah]]         | {{£84,500}}   | {{2025-06-27}}\n {{Morrisons}} – Supplier Portal | [[PERSON|Aleksandra Nowicka]]   | £61,000   | 2025-07-15\n {{Greggs}} – Field Sales        | [[PERSON|Harriet Ashworth-Lyle]] | £39,900   | 2025-06-30\n(4 rows)\n\n-- AI note: [[PERSON|Harriet]] carries 2 of 4 commits. [[PERSON|Kwame]]'s champion at {{John Lewis}} is [[PERSON|Rosie Thornbury]]; [[PERSON|Aleksandra]] is waiting on [[PERSON|Gordon]] in procurement.",
    ),
    (
        "sql_result",
        "en/US-PCI",
        "payments=> SELECT txn_id, customer_name, card_number, amount, status FROM raw_payments WHERE created_at::date = '2025-02-14';\n txn_id  |   customer_name    |     card_number     |  amount  | status\n---------+--------------------+---------------------+----------+---------\n T-90411 | [[PERSON|Valentina Rossi-Hart]] | ************1881    | {{$249.00}}  | {{settled}}\n T-90412 | [[PERSON|Omar Farouk Diallo]]   | [[CREDIT_CARD|2223-2598-7471-7423]] | {{$1,190.00}} | {{failed}}\n T-90413 | [[PERSON|Haruto Ishikawa]]      | ************4402    | {{$249.00}}  | {{settled}}\n(3 rows)\n\n-- PCI finding: T-90412 stored an unmasked PAN (legacy {{Valentine's Day}} promo form, {{v1.9}}).\n-- Owner of the fix: [[PERSON|Stephanie Kowalski]]; customer [[PERSON|Omar]] notified by [[PERSON|Jamal Whitfield]].",
    ),
    (
        "sql_result",
        "en/CA-Mixed",
        "crm=> \\x\nExpanded display is on.\ncrm=> SELECT * FROM activities WHERE account = '{{Hudson Outfitters}}' ORDER BY ts DESC LIMIT 2;\n-[ RECORD 1 ]----------------------------------------------------------\nid        | 441902\nts        | {{2025-03-03}} 15:10\nrep       | [[PERSON|Mathieu Gagné]]\ncontact   | [[PERSON|Priyanka Bhattacharya]]\ntype      | call\nnotes     | [[PERSON|Priyanka]] wants pricing for the {{Hudson's Bay}} concession stores; her boss [[PERSON|Graham Whitecloud]] signs. Call back on [[PHONE|(416) 538-2207]].\n-[ RECORD 2 ]----------------------------------------------------------\nid        | 441877\nts        | {{2025-02-27}} 10:02\nrep       | [[PERSON|Mathieu Gagné]]\ncontact   | [[PERSON|Graham Whitecloud]]\ntype      | email\nnotes     | Sent {{Growth}} deck, {{CAD 54,000}}. [[PERSON|Graham]] is out for {{Family Day}}.",
    ),
    (
        "sql_result",
        "he/IL-Mixed",
        "crm=> SELECT id, שם, ת_ז, עיר, סוכן, סטטוס FROM לקוחות_פרטיים WHERE סטטוס = 'בבדיקה';\n id  |       שם        |    ת_ז    |    עיר     |     סוכן      |  סטטוס\n-----+-----------------+-----------+------------+---------------+---------\n 301 | [[PERSON|שרון אלמוג]]      | [[IL_ID|387106016]] | {{הרצליה}}    | [[PERSON|גיא פרידמן]]    | {{בבדיקה}}\n 302 | [[PERSON|פנינה יאסו]]      |           | {{חדרה}}      | [[PERSON|גיא פרידמן]]    | {{בבדיקה}}\n 307 | [[PERSON|ג'ורג' עבוד]]     | [[IL_ID|907353262]] | {{נצרת}}      | [[PERSON|לילך ששון]]    | {{בבדיקה}}\n 311 | [[PERSON|אולגה ברנשטיין]]  |           | {{קריית ביאליק}} | [[PERSON|לילך ששון]]    | {{בבדיקה}}\n(4 rows)\n\n-- הערת עוזר: בשתי שורות נשמרו מספרי ת\"ז בטקסט גלוי. [[PERSON|לילך]] – נא לעדכן את [[PERSON|אושרת]] מאבטחת מידע. הלקוחה [[PERSON|אולגה]] עברה לאחרונה ל{{קריית ביאליק}}.",
    ),
    (
        "sql_result",
        "he/IL-Haredi",
        'crm=> SELECT ticket_no, לקוח, נושא, נפתח_ע"י, עדיפות FROM פניות WHERE נפתח >= \'2025-03-01\' LIMIT 4;\n ticket_no |        לקוח         |            נושא             |   נפתח_ע"י    | עדיפות\n-----------+---------------------+-----------------------------+---------------+--------\n {{TCK-51201}} | [[PERSON|מרדכי שווארץ]]        | חיוב כפול {{₪340}}               | [[PERSON|חני ברגר]]      | גבוהה\n {{TCK-51207}} | [[PERSON|גיטי לנדאו]]          | ביטול לפני {{פסח}}              | [[PERSON|חני ברגר]]      | רגילה\n {{TCK-51214}} | [[PERSON|אלימלך פישר]]         | {{מסלול כשר}} לא נטען            | [[PERSON|שמואל קרליבך]]  | גבוהה\n {{TCK-51220}} | [[PERSON|ר. פולק]]             | עדכון כתובת למשלוח               | [[PERSON|שמואל קרליבך]]  | רגילה\n(4 rows)\n\n-- סיכום AI: שתי פניות בעדיפות גבוהה. [[PERSON|חני]] מטפלת בחיובים; [[PERSON|אלימלך]] ביקש שיחזרו אליו אחרי {{ל"ג בעומר}}.',
    ),
    (
        "sql_result",
        "ar/LB-Levantine",
        "crm=> SELECT الاسم, الشركة, المدينة, الهاتف, آخر_تواصل FROM جهات_الاتصال WHERE المالك = '[[PERSON|nadine.azar]]' ORDER BY آخر_تواصل DESC;\n       الاسم        |        الشركة         |  المدينة  |      الهاتف       | آخر_تواصل\n--------------------+-----------------------+-----------+-------------------+------------\n [[PERSON|جورج أبي نادر]]       | {{مجموعة فتال}}          | {{بيروت}}    | [[PHONE|+961 3 772 905]]    | {{2025-05-02}}\n [[PERSON|ريتا معلوف]]         | {{بنك عودة}}             | {{جونية}}    | [[PHONE|+961 76 118 442]]   | 2025-04-28\n [[PERSON|حسن بزي]]            | {{صيدليات مازن}}          | {{صور}}      |                   | 2025-04-15\n [[PERSON|أم جاد]]             | محل حلويات            | {{طرابلس}}   | [[PHONE|+961 6 431 220]]    | 2025-03-30\n(4 rows)\n\n-- ملاحظة المساعد: المالكة [[PERSON|nadine.azar]] ([[PERSON|نادين عازار]]) ما تواصلت مع [[PERSON|حسن]] من شهر. [[PERSON|ريتا]] طلبت عرض قبل {{عيد السيدة}}.",
    ),
    (
        "sql_result",
        "ar/SA-MSA",
        "crm=> SELECT رقم_الصفقة, العميل, المسؤول, القيمة, المرحلة FROM الصفقات WHERE المنطقة = 'الشرقية';\n رقم_الصفقة |          العميل           |      المسؤول       |     القيمة      |  المرحلة\n------------+---------------------------+--------------------+-----------------+-----------\n {{D-7731}}     | مورد لـ{{شركة الزامل}}        | [[PERSON|بندر العنزي]]        | {{٤٢٠ ألف ريال}}   | {{تفاوض}}\n {{D-7740}}     | مستشفى في {{الخبر}}           | [[PERSON|شهد الغامدي]]        | {{١٫١ مليون ريال}} | {{عرض سعر}}\n {{D-7745}}     | {{مكتب عبدالإله السهلي للمحاماة}} | [[PERSON|بندر العنزي]]        | ٩٠ ألف ريال     | مؤهل\n D-7752     | وكيل {{تويوتا}}               | [[PERSON|شهد الغامدي]]        | ٣٠٠ ألف ريال    | تفاوض\n(4 rows)\n\n-- تحليل: [[PERSON|بندر]] لديه صفقتان في مرحلة التفاوض. ينبغي التواصل مع [[PERSON|عبدالإله]] قبل إجازة {{اليوم الوطني}}.",
    ),
    (
        "sql_result",
        "ar/AE-Emirati",
        "crm=> SELECT id, customer, contact, email, plan, mrr_aed FROM subscriptions WHERE emirate = 'Abu Dhabi' LIMIT 4;\n id  |         customer          |        contact         |                email                 |   plan     | mrr_aed\n-----+---------------------------+------------------------+--------------------------------------+------------+---------\n 611 | مطعم على {{شارع حمدان}}      | [[PERSON|سيف الشامسي]]          | [[EMAIL|saif.alshamsi@hamdanbites.ae]]         | {{Pro}}        | 1,200\n 614 | صالون في {{مدينة خليفة}}     | [[PERSON|ليلى بن حيدر]]        | [[EMAIL|layla@bloomsalon.ae]]                  | {{Starter}}    | 450\n 619 | مكتب عقارات {{الريم}}       | [[PERSON|Arjun Pillai]]       |                                      | {{Enterprise}} | 6,800\n 620 | متجر قرب {{جامع الشيخ زايد}} | [[PERSON|أم راشد]]             |                                      | Starter    | 450\n(4 rows)\n\n-- ملاحظة: [[PERSON|سيف]] و[[PERSON|Arjun]] يحتاجون تجديد قبل {{عيد الاتحاد}}.",
    ),
    (
        "sql_result",
        "tl/PH-Filipino",
        "crm=> SELECT lead, kumpanya, lungsod, numero, ahente FROM leads WHERE status = 'Bago';\n        lead           |        kumpanya          |   lungsod    |      numero       |     ahente\n-----------------------+--------------------------+--------------+-------------------+----------------\n [[PERSON|Ma. Teresa Dimaguiba]]  | supplier ng {{Jollibee}}     | {{Quezon City}}  | [[PHONE|0917 628 4410]]     | [[PERSON|Jun-Jun Castro]]\n [[PERSON|Rodel Macaraeg]]        | {{Puregold}} franchise       | {{Lapu-Lapu}}    | [[PHONE|0928 335 7162]]     | [[PERSON|Jun-Jun Castro]]\n [[PERSON|Angelica Soriano]] ([[PERSON|Gel]]) | {{Max's}} Restaurant branch   | {{Davao}}        |                   | [[PERSON|Kristine Uy]]\n [[PERSON|Ferdinand Balagtas]]    | sari-sari wholesaler     | {{General Santos}} |                 | [[PERSON|Kristine Uy]]\n(4 rows)\n\n-- Buod ng AI: Si [[PERSON|Rodel]] ay gustong mag-demo bago ang {{Sinulog}}. Tawagan si [[PERSON|Gel]] pagkatapos ng {{Araw ng Kagitingan}}.",
    ),
]
