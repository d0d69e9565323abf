# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool M: 150 hand-written sales-CRM records, 10 of each of 15 kinds (email threads with quoted replies and signatures, speaker-labelled meeting transcripts including lower-case speech-to-text, Slack channel exports, calendar invites and ICS events, timestamped activity and audit logs, LinkedIn-style and enrichment-API profile dumps, quotes/invoices/receipts, JSON CRM objects, CSV exports, JSON tool results, lead summaries, call notes, support tickets, WhatsApp exports and deal reviews). Languages: 60 English, 38 Hebrew, 37 Arabic (Gulf, Najdi, Hijazi, Levantine, Palestinian-Jordanian, Egyptian, Iraqi, Moroccan, Algerian, Tunisian, Sudanese, Omani and MSA) and 15 other (Russian, French, Spanish, Portuguese, Turkish, Persian, Urdu, Hindi, Amharic, Tagalog, German, Italian, Arabizi, Hebrew/English and Arabic/English code-switching). People are Mizrahi, Ashkenazi, Yemenite, Ethiopian-Israeli, Russian-speaking, Haredi, Druze, Bedouin and Arab-Israeli, Gulf Arabs (bin/bint, Al, Abu/Umm/Bu kunyas), Levantines, Egyptians, Maghrebis, Sudanese, Somali, Nigerian, Ghanaian and Kenyan, Indian, Pakistani, Bangladeshi, Sri Lankan, Filipino, Chinese, Korean, Japanese, Vietnamese, Singaporean, Malay, Indonesian, Turkish, Iranian, European, Latin American and Anglo, including names that are also words (Hope, Grace, Rich, Summer, Rose, Bill, Joy, Saeed, שקד, אור, נור, أمل, سعيد), which are controls where they are the word. Conventions: titles and honorifics (Mr., Ms., Dr., Sir, Ma'am, Don, Alhaji, Bey, הרב, ר', עו"ד, ד"ר, أ., د., م., الحاج, السيد, سي, صاحب, خانم, ወ/ሮ) and Hebrew/Arabic one-letter prefixes stay outside marks; kunyas and teknonyms (Abu Rashid, أم سالم, بوراشد, Mama Kiptoo) are whole PERSON marks; names broken by quotes or parentheses are marked piece by piece; @handles, login names and profile-URL slugs built from a person's name are PERSON (the @ stays outside); WhatsApp senders shown only as numbers are PHONE; a whole street address is one ADDRESS; companies, products, rooms, streets, towns and holidays named after people are controls; national-format phone numbers are valid in the region of the culture tag (the part after the slash) and foreign ones are written in international form; in tool_result records every non-ASCII character, inside marks too, is a \\uXXXX escape.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "email_thread",
        "en/IL-Ashkenazi",
        "From: [[PERSON|Noa Ben-Haim]] <[[EMAIL|noa.benhaim@tavorsys.co.il]]>\nTo: [[PERSON|Rashid Al Ketbi]] <[[EMAIL|r.alketbi@gulfmarine.ae]]>\nCc: [[PERSON|Eyal Shushan]]\nSubject: RE: {{Tavor Fleet Pro}} pilot - revised pricing\n\nHi [[PERSON|Rashid]],\n\nThanks for the quick turnaround. We can hold the {{12%}} discount on the {{Enterprise}} tier if the PO is signed before {{Eid al-Adha}}. [[PERSON|Eyal]] will send the updated quote ({{Q-2025-0418}}) by {{Thursday}}, and I've asked our {{Head of Customer Success}} to book the kickoff in {{Abu Dhabi}}.\n\nBest,\n[[PERSON|Noa Ben-Haim]]\n{{Regional Sales Director}}, {{Tavor Systems}}\nM: [[PHONE|+972 54-623-7781]] | O: [[PHONE|03-7615420]]\n\n> On {{Mon, 9 Jun 2025}} at 10:14, [[PERSON|Rashid Al Ketbi]] wrote:\n> Dear [[PERSON|Noa]],\n> Our board approved the pilot for {{40 vessels}}. Could you confirm the price of {{AED 186,000}} includes the {{AIS Gateway}} module? My colleague [[PERSON|Mariam bint Hamad]] will handle the paperwork; you can reach her on [[PHONE|+971 56 730 1184]].\n> Regards, [[PERSON|Rashid]]\n> {{Procurement Manager}} | {{Gulf Marine Services}}",
    ),
    (
        "email_thread",
        "en/AE-Indian",
        "From: [[PERSON|Priya Raghunathan]] <[[EMAIL|priya.r@desertcloud.ae]]>\nTo: [[PERSON|Chinedu Okafor]] <[[EMAIL|chinedu.okafor@lagosfreight.ng]]>\nSubject: Re: renewal + the {{grace period}} question\n\nHi [[PERSON|Chinedu]],\n\nQuick answer on the {{grace period}}: your contract ({{DC-CTR-20931}}) gives you {{30 days}} after {{31 July}}, so nothing gets switched off during {{Sallah}}. I copied [[PERSON|Grace Mensah]] from our {{Accra}} office since she owns {{West Africa}} billing now - [[PERSON|Grace]] can also fix the VAT line on invoice {{INV-77102}}.\n\nWarm regards,\n[[PERSON|Priya]]\n--\n[[PERSON|Priya Raghunathan]] | {{Senior Account Executive}}\n{{DesertCloud FZ-LLC}}, {{Dubai Internet City}}\n[[PHONE|+971 4 375 2281]] / [[PHONE|+971 52 914 6603]]\n\n-----Original Message-----\nFrom: [[PERSON|Chinedu Okafor]]\nSent: {{Tuesday, 15 July 2025}} 08:02\nHello [[PERSON|Priya]], before we renew the {{Growth plan}} for another year, can you confirm whether there's any {{grace period}} if payment from our {{Zenith Bank}} account clears late? Our CFO, Mrs. [[PERSON|Adaeze]] -- I mean [[PERSON|Adaeze Nwosu]] -- wants it in writing. Call me: [[PHONE|+234 803 461 2290]].",
    ),
    (
        "email_thread",
        "en/GB",
        "From: [[PERSON|Oliver Pennington]] <[[EMAIL|o.pennington@harrowanalytics.co.uk]]>\nTo: [[PERSON|Faisal Al-Harbi]] <[[EMAIL|faisal.harbi@najdretail.sa]]>\nSubject: Re: Data residency for the {{Riyadh}} rollout\n\nDear [[PERSON|Faisal]],\n\nFollowing our call, I have confirmed with [[PERSON|Siobhan]] in legal that {{Harrow Insight}} {{v4.2}} can be hosted in the {{Jeddah}} region from {{September}}. The uplift is {{£14,500}} per year ({{8%}} on the current {{Premium}} licence). Mr. [[PERSON|Harbi]], if you could ask [[PERSON|Abdulrahman]] to countersign {{SOW-0077}}, we can start before {{National Day}}.\n\nKind regards,\n[[PERSON|Oliver]]\n\n[[PERSON|Oliver Pennington]]\n{{Head of EMEA Partnerships}}\n{{Harrow Analytics Ltd}}\n[[ADDRESS|4th Floor, 21 Gresham Street, London EC2V 7JE]]\nT: [[PHONE|+44 20 7946 0381]]  M: [[PHONE|07723 481 902]]\n\nOn {{12 Aug 2025}}, [[PERSON|Faisal Al-Harbi]] <[[EMAIL|faisal.harbi@najdretail.sa]]> wrote:\n> [[PERSON|Oliver]], thank you. Our compliance officer [[PERSON|Abdulrahman Al-Dosari]] insists that customer data stays inside the Kingdom. Please advise.\n> [[PERSON|Faisal]] - [[PHONE|+966 55 318 4402]]",
    ),
    (
        "email_thread",
        "en/US",
        "From: [[PERSON|Bill Carraway]] <[[EMAIL|bill@carrawaylabs.com]]>\nTo: [[PERSON|Shira Katz-Oren]] <[[EMAIL|shira@medispark.io]]>\nSubject: Re: Re: Fwd: {{Carraway Labs}} - {{HIPAA}} addendum\n\n[[PERSON|Shira]] - we'd {{bill}} the {{onboarding fee}} ({{$9,800}}) in two installments, half at signature and half at go-live. [[PERSON|Rich]] from our security team (that's [[PERSON|Richard Oyelaran]], not [[PERSON|Rich Tanaka]] in support) will send the pen-test summary on {{Monday}}.\n\n-[[PERSON|Bill]]\n{{CEO}}, {{Carraway Labs}} | [[PHONE|(617) 408-2275]]\n\n> On {{Fri, Mar 14, 2025}}, [[PERSON|Shira Katz-Oren]] wrote:\n> Hi [[PERSON|Bill]], looping in our {{VP Engineering}}, [[PERSON|Daniel Mwangi]] ([[EMAIL|daniel.m@medispark.io]]). We're comparing you with {{Johnson Controls}} and {{Watson Health}}. Can you {{bill}} us in {{ILS}} or only {{USD}}? Also, does the {{Summer}} promo still apply?\n> [[PERSON|Shira]] | {{COO}}, {{MediSpark}} | [[PHONE|+972 52-806-1437]]\n>\n>> ---------- Forwarded message ---------\n>> From: [[PERSON|Daniel Mwangi]]\n>> [[PERSON|Shira]], fyi their SOC 2 report is dated {{January 2024}}.",
    ),
    (
        "email_thread",
        "he/IL-Mizrahi",
        "מאת: [[PERSON|אורטל מזרחי]] <[[EMAIL|ortal@shaked-pack.co.il]]>\nאל: [[PERSON|יעקב אבוטבול]]\nנושא: השב: הצעת מחיר {{HZ-5521}} - קרטונים ל{{חנוכה}}\n\nהיי [[PERSON|יענקל'ה]],\n\nמצרפת את ההצעה המעודכנת: {{12,000}} יחידות של {{קרטון שקד 40}} ב{{3.85 ₪}} ליחידה, כולל הובלה ל{{באר שבע}}. [[PERSON|שקד]] מהמחסן אמרה שאפשר לספק עד {{יום רביעי}} הבא. אם צריך חשבונית על שם {{אבוטבול ובניו בע\"מ}}, תגיד לי.\n\nבברכה,\n[[PERSON|אורטל מזרחי]]\n{{מנהלת לקוחות}} | {{שקד אריזות}}\n[[ADDRESS|רחוב הברזל 32, תל אביב]]\nנייד: [[PHONE|054-7719023]]\n\n----- הודעה מקורית -----\nמאת: [[PERSON|יעקב אבוטבול]]\nתאריך: {{17.11.2025}}\n[[PERSON|אורטל]] שלום, המחיר של {{4.10 ₪}} גבוה מדי, אצל {{כרמל אריזות}} קיבלנו {{6%}} פחות. תדברי עם [[PERSON|ציון]] אם צריך אישור. אני זמין ב[[PHONE|08-6231775]].\n[[PERSON|יעקב]]",
    ),
    (
        "email_thread",
        "he/IL-Haredi",
        "מאת: [[PERSON|חיה שטרן]] <[[EMAIL|chaya.s@orhatorah-print.co.il]]>\nאל: הרב [[PERSON|יהודה לייב גרוסמן]]\nנושא: RE: הזמנת סידורים לקראת {{ראש השנה}}\n\nכבוד הרב [[PERSON|גרוסמן]] שליט\"א,\n\nבהמשך לשיחה עם [[PERSON|מנחם מענדל]], מאשרים {{800}} סידורי {{עוז והדר}} בכריכה קשה, במחיר {{42 ₪}} ליחידה. המשלוח יגיע לישיבה ב{{בני ברק}} עד {{ט\"ו באלול}}. לתשלום בהעברה: בנק {{מזרחי טפחות}}, [[IBAN|IL590126900000004387612]].\n\nבכבוד רב,\n[[PERSON|חיה שטרן]], {{מחלקת הזמנות}}, {{דפוס אור התורה}}\nטל' [[PHONE|03-5781142]], פקס' [[PHONE|03-5781143]]\n\n> מאת: הרב [[PERSON|יהודה לייב גרוסמן]]\n> נא לתאם עם הגבאי, ר' [[PERSON|שמואל פרידמן]] ([[PHONE|052-7134460]]), שיהיה מישהו לקבל את הארגזים. לא לשלוח ב{{ערב שבת}}.\n> בברכה, [[PERSON|י.ל. גרוסמן]]",
    ),
    (
        "email_thread",
        "he/IL-Ethiopian",
        'מאת: [[PERSON|טספאיה ווסה]] <[[EMAIL|tesfaye.w@negev-solar.co.il]]>\nאל: [[PERSON|מירב אלמו]]\nעותק: [[PERSON|אבי נגוסה]]\nנושא: Re: התקנת פאנלים במתנ"ס {{קריית מלאכי}}\n\n[[PERSON|מירב]] שלום,\n\nתודה על העדכון. סיכמנו עם [[PERSON|אבי]] שההתקנה תתבצע אחרי {{סיגד}}, ב{{12 בנובמבר}}. הצוות של [[PERSON|ברוך טקלה]] יגיע עם {{24}} פאנלים מדגם {{SunPeak 450W}}. סה"כ להזמנה {{PO-88214}}: {{96,400 ₪}} לפני מע"מ.\n\n[[PERSON|טספאיה]]\n{{מנהל פרויקטים}}, {{נגב סולאר}}\n[[PHONE|050-6610382]]\n\n-----Original Message-----\nFrom: [[PERSON|מירב אלמו]]\nהיי [[PERSON|טספה]], ראש המועצה ביקש לסיים לפני החגים. אפשר להקדים? אם כן תעדכן את [[PERSON|עדי]] ממחלקת הרכש, [[EMAIL|adi.rechesh@kiryat-malachi.muni.il]].',
    ),
    (
        "email_thread",
        "ar/SA-Najdi",
        "من: [[PERSON|نورة العتيبي]] <[[EMAIL|noura.alotaibi@rawabi-tech.sa]]>\nإلى: [[PERSON|خالد بن سعيد القحطاني]]\nالموضوع: رد: عرض سعر نظام {{روابي HR}} - الإصدار {{3.1}}\n\nالأستاذ [[PERSON|خالد]] المحترم،\n\nالسلام عليكم ورحمة الله،\nبالإشارة إلى اتصالكم مع الزميل [[PERSON|فهد الشمري]]، نرفق لكم عرض السعر رقم {{QT-1447-092}} بقيمة {{148,000 ريال}} شاملة ضريبة القيمة المضافة {{15%}}. نأمل الرد قبل {{رمضان}} حتى نبدأ التركيب في فرع {{الدمام}}.\n\nمع خالص التحية،\nأ. [[PERSON|نورة العتيبي]]\n{{مديرة تطوير الأعمال}} - {{شركة روابي للتقنية}}\nجوال: [[PHONE|055 402 7718]] | هاتف: [[PHONE|011 462 9035]]\n\n-------- الرسالة الأصلية --------\nمن: [[PERSON|خالد القحطاني]]\nالأخت [[PERSON|نورة]]، نحتاج توضيح هل السعر يشمل التدريب لـ{{25 موظف}}؟ وأرجو التنسيق مع [[PERSON|أبو عبدالله]] مدير المشتريات على [[PHONE|+966 50 883 1276]].",
    ),
    (
        "email_thread",
        "ar/EG-Egyptian",
        "من: م. [[PERSON|هبة الشناوي]] <[[EMAIL|heba.elshenawy@nilebuild.com.eg]]>\nإلى: [[PERSON|محمود عبد الفتاح]]\nالموضوع: رد: رد: توريد خرسانة لمشروع {{التجمع الخامس}}\n\nأستاذ [[PERSON|محمود]]، صباح الخير\n\nزي ما اتفقنا في التليفون، الكمية {{1,200 متر مكعب}} بسعر {{2,350 جنيه}} للمتر، والتسليم يبدأ بعد {{شم النسيم}}. المهندس [[PERSON|كريم سعيد]] هيكون مسؤول الموقع، ورقمه [[PHONE|0100 482 7713]]. {{سعيد}} جدًا بالتعاون ده، ولو في أي تعديل كلم [[PERSON|سعيد]] في الحسابات.\n\nتحياتي،\n[[PERSON|هبة الشناوي]]\n{{مدير المبيعات}} - {{النيل للإنشاءات}}\n[[ADDRESS|15 شارع مصدق، الدقي، الجيزة]]\n[[PHONE|02 3761 4420]]\n\n> في {{الأحد 2 مارس 2025}}، كتب [[PERSON|محمود عبد الفتاح]]:\n> يا باشمهندسة، محتاجين فاتورة باسم {{شركة عبد الفتاح وشركاه}}، والدفع على حساب [[IBAN|EG380019000500000000263180002]].",
    ),
    (
        "email_thread",
        "fr/MA-Maghrebi",
        "De : [[PERSON|Youssef El Amrani]] <[[EMAIL|y.elamrani@atlaslogistique.ma]]>\nÀ : [[PERSON|Fatima-Zahra Benjelloun]]\nCc : [[PERSON|Karim Tazi]]\nObjet : RE: Devis {{DV-2025-311}} - entrepôt {{Tanger Med}}\n\nBonjour [[PERSON|Fatima-Zahra]],\n\nComme convenu avec [[PERSON|Karim]], nous maintenons le tarif de {{38 MAD}} par palette et par mois, soit une remise de {{10 %}} sur la grille {{2025}}. La mise en service est prévue après l'{{Aïd al-Fitr}}, le {{lundi 7 avril}}. Notre responsable de site, Mme [[PERSON|Naïma Chraïbi]], vous appellera depuis le [[PHONE|06 61 24 78 90]].\n\nBien cordialement,\n[[PERSON|Youssef El Amrani]]\n{{Directeur commercial}} - {{Atlas Logistique SARL}}\nTél. : [[PHONE|+212 5 22 48 17 63]]\n\n> Le {{24 mars 2025}}, [[PERSON|Fatima-Zahra Benjelloun]] a écrit :\n> Cher [[PERSON|Youssef]], pouvez-vous inclure l'assurance {{Saham}} dans le devis ? Notre DAF, M. [[PERSON|Bennani]], doit valider avant fin {{mars}}.",
    ),
    (
        "meeting_transcript",
        "en/AE-Gulf",
        "{{Zoom}} transcript - \"{{Al Nuaimi Holdings}} x {{Brightline}} discovery\" - {{3 March 2025}}\n\n[00:00:04] [[PERSON|Layla Haddad]]: Good morning everyone, thanks for joining from {{Ajman}}. I'm [[PERSON|Layla]], {{Account Director}} at {{Brightline}}. With me is [[PERSON|Ahmed Qureshi]], our solutions engineer.\n[00:00:19] [[PERSON|Sultan Al Nuaimi]]: Welcome, welcome. [[PERSON|Hessa]] is also dialing in, she runs our procurement.\n[00:00:27] [[PERSON|Hessa Al Suwaidi]]: Hi [[PERSON|Layla]], sorry, I'm on mobile, [[PHONE|+971 50 662 0148]] if we drop.\n[00:01:02] [[PERSON|Ahmed Qureshi]]: So on the integration - you're on {{SAP S/4HANA}} {{2022}}, right? Our connector supports it from {{release 7.3}}.\n[00:01:30] [[PERSON|Sultan Al Nuaimi]]: Yes. My cousin [[PERSON|Abu Rashid]] at {{Al Futtaim}} uses your product, he said the rollout took {{six weeks}}.\n[00:02:11] [[PERSON|Layla Haddad]]: That's right, [[PERSON|Sultan]]. For {{120 users}} we'd propose the {{Scale}} plan at {{AED 94 per user per month}}.\n[00:02:40] [[PERSON|Hessa Al Suwaidi]]: Send it to [[EMAIL|procurement@alnuaimiholdings.ae]] and cc me, [[EMAIL|hessa.s@alnuaimiholdings.ae]].\n[00:03:05] [[PERSON|Ahmed Qureshi]]: Will do. I'll also share the sandbox, it's at [[IP_ADDRESS|10.42.7.19]] behind your VPN.\n[00:03:22] [[PERSON|Sultan Al Nuaimi]]: Perfect. Let's reconvene after {{Ramadan}}.",
    ),
    (
        "meeting_transcript",
        "en/IL-Mizrahi",
        "auto-transcript ({{Otter}}) - weekly pipeline sync - {{sunday}}\n\n[[PERSON|dana levi]] -> speaker 1\n[[PERSON|dana levi]]: ok so let's start with the {{Cohen & Ohana}} deal, [[PERSON|moshe]] where are we\n[[PERSON|moshe ohayon]]: uh they signed the nda, [[PERSON|ohana]] himself wants a demo before {{passover}}\n[[PERSON|dana levi]]: which [[PERSON|ohana]], [[PERSON|eli]] or the son\n[[PERSON|moshe ohayon]]: the son, [[PERSON|nir ohana]], his cell is [[PHONE|052 839 1174]]\n[[PERSON|hope adeyemi]]: i can run the demo, i did the one for {{Strauss}} last month\n[[PERSON|dana levi]]: great thanks [[PERSON|hope]]. i {{hope}} we can close it in {{q2}}, it's like {{280k shekel}}\n[[PERSON|avi tzur]]: also the {{Ben Yehuda}} branch guy, [[PERSON|yossi]], called again about the {{Kosher Label}} module\n[[PERSON|moshe ohayon]]: that's [[PERSON|yossi dahan]], he emails from [[EMAIL|yossi.dahan@cafeshoshana.co.il]]\n[[PERSON|dana levi]]: ok [[PERSON|avi]] take it. anything on {{Rami Levy}}\n[[PERSON|avi tzur]]: no response since {{tu bishvat}}",
    ),
    (
        "meeting_transcript",
        "en/KE",
        "Transcript: {{Safari Mobility}} quarterly business review ({{Teams}}), {{Wednesday 9 April}}\n\n[[PERSON|Wanjiru Kamau]] ({{Safari Mobility}}): Okay, I think we're all here. [[PERSON|Kwame]], can you hear us?\n[[PERSON|Kwame Asante]] ({{Volta Fintech}}): Yes, loud and clear from {{Accra}}.\n[[PERSON|Wanjiru Kamau]]: Great. So [[PERSON|Otieno]] will walk through the numbers.\n[[PERSON|Brian Otieno]]: Thanks [[PERSON|Wanjiru]]. We processed {{1.4 million}} rides on the {{Volta Pay}} rail in {{Q1}}, failure rate down to {{0.6%}}. The remaining issue is the {{M-Pesa}} callback timeout; our logs show it from [[IP_ADDRESS|196.201.214.77]].\n[[PERSON|Kwame Asante]]: We saw that. [[PERSON|Efua]] on my team patched it in {{v2.8.1}}.\n[[PERSON|Efua Boateng]]: Yes, it's deployed since {{Friday}}. If anything breaks, ping me directly, [[PHONE|+233 24 418 3302]].\n[[PERSON|Wanjiru Kamau]]: Thank you [[PERSON|Efua]]. Commercially, we'd like to renew at {{KES 6.2 million}}, with the {{Kenyatta Day}} promo volume excluded from the cap.\n[[PERSON|Kwame Asante]]: Let me check with Mr. [[PERSON|Ofori]]-- sorry, with [[PERSON|Yaw Ofori]], our CFO.\n[[PERSON|Brian Otieno]]: My number for the follow-up is [[PHONE|0722 418 903]].",
    ),
    (
        "meeting_transcript",
        "en/US-Asian",
        "Meeting notes + transcript excerpt - {{Pacific Rim Foods}} / {{Kestrel CRM}} renewal call\nAttendees: [[PERSON|Ji-woo Park]], [[PERSON|Haruto Sato]], [[PERSON|Linh Nguyen]], [[PERSON|Marcus Bell]]\n\n[[PERSON|MARCUS BELL]]: Thanks for making time, I know it's late in {{Tokyo}}.\n[[PERSON|HARUTO SATO]]: No problem. [[PERSON|Park]]-san asked me to join because {{Osaka}} will be the second site.\n[[PERSON|JI-WOO PARK]]: Right. [[PERSON|Marcus]], our ask is simple: {{15%}} off list for {{three years}} and the {{Kestrel Voice}} add-on included.\n[[PERSON|MARCUS BELL]]: I can do {{11%}} with {{Voice}}, or {{15%}} without. [[PERSON|Linh]], can you confirm seats?\n[[PERSON|LINH NGUYEN]]: We're at {{312 seats}}, plus {{40}} for the {{Ho Chi Minh City}} team starting after {{Tet}}. I'm on [[PHONE|+84 90 318 2274]] there.\n[[PERSON|JI-WOO PARK]]: Also, please update billing contact to me, [[EMAIL|jiwoo.park@pacrimfoods.com]], mobile [[PHONE|+82 10-4417-2093]].\n[[PERSON|HARUTO SATO]]: And mine is [[PHONE|+81 90-3381-7720]] for the {{Osaka}} site.\n[[PERSON|MARCUS BELL]]: Got it. I'll send order form {{OF-55810}} by {{Thursday}}.\n\n(Speaker names above were auto-detected: [[PERSON|MARCUS BELL]], [[PERSON|HARUTO SATO]], [[PERSON|JI-WOO PARK]], [[PERSON|LINH NGUYEN]].)",
    ),
    (
        "meeting_transcript",
        "he/IL-Druze",
        "תמלול פגישה - {{כרמל טכנולוגיות}} מול {{דלית תבלינים}} - {{יום שני}}, {{14 באפריל}}\n\n[[PERSON|סאמר חלבי]]: שלום לכולם, תודה שבאתם ל{{דלית אל-כרמל}}. [[PERSON|נור]] תציג את הנתונים.\n[[PERSON|נור קבלאן]]: תודה [[PERSON|סאמר]]. ברבעון הקודם מכרנו {{18 טון}} זעתר, ו{{62%}} מההזמנות הגיעו מהאתר.\n[[PERSON|רונית אשכנזי]]: מעולה. המערכת שלנו, {{כרמל CRM}}, תחבר את האתר ל{{פריוריטי}}. [[PERSON|ווג'די]] מהצוות שלי יבנה את הממשק.\n[[PERSON|ווג'די ח'יר]]: נכון. אני צריך גישה לשרת, הכתובת [[IP_ADDRESS|192.168.40.12]], ומשתמש לקריאה בלבד.\n[[PERSON|סאמר חלבי]]: [[PERSON|נור]], תסדרי לו. ודבר נוסף - לפני {{חג הנביא שועייב}} העבודה נעצרת לשבוע.\n[[PERSON|רונית אשכנזי]]: אין בעיה. המחיר נשאר {{3,900 ₪}} לחודש, כולל {{20}} משתמשים.\n[[PERSON|נור קבלאן]]: אפשר לקבל את זה בכתב? המייל שלי [[EMAIL|noor@daliyat-spices.co.il]] והטלפון [[PHONE|04-8391227]].\n[[PERSON|ווג'די ח'יר]]: ואם צריך אותי דחוף - [[PHONE|050-2257619]].",
    ),
    (
        "meeting_transcript",
        "he/IL-Ashkenazi",
        'תמלול אוטומטי (ללא עריכה) - ישיבת מכירות שבועית\n\nדובר 1 [[PERSON|אור גולדברג]]: טוב אז נתחיל עם הליד של {{רוזנבלום השקעות}} [[PERSON|אור]] פה מדבר אהה [[PERSON|ליאת]] את איתנו\nדובר 2 [[PERSON|ליאת פרלמן]]: כן כן אני פה רק בלי מצלמה\nדובר 1 [[PERSON|אור גולדברג]]: אז ככה [[PERSON|רוזנבלום]] האבא רוצה הצעה עד {{סוף החודש}} על {{חבילת פרימיום}}\nדובר 3 [[PERSON|עמית וייס]]: רגע זה [[PERSON|מנחם רוזנבלום]] או הבת שלו [[PERSON|תמר]]\nדובר 2 [[PERSON|ליאת פרלמן]]: [[PERSON|תמר]] היא המנכ"לית עכשיו המספר שלה [[PHONE|054 661 9034]]\nדובר 1 [[PERSON|אור גולדברג]]: אוקיי יופי ויש גם את המשרד ב{{רחוב ויצמן}} שצריך לבדוק שם את ה{{אור}} בחדר השרתים כי התאורה נפלה\nדובר 3 [[PERSON|עמית וייס]]: אני אבדוק מול [[PERSON|שמוליק]] מ{{חשמל וייס}} זה הדוד שלי\nדובר 2 [[PERSON|ליאת פרלמן]]: סבבה ואת ההצעה אני שולחת מ{{מאנדיי}} עם סכום של {{46 אלף}} בערך',
    ),
    (
        "meeting_transcript",
        "ar/LB-Levantine",
        "محضر اجتماع مع تفريغ صوتي - {{شركة حداد وأولاده}} / {{Cedar Soft}}\nالتاريخ: {{الخميس 22 أيار}}\n\n[[PERSON|رامي حداد]]: أهلا وسهلا، منيح إنكن جيتو لعنا عـ{{الأشرفية}}. [[PERSON|جورج]] رح يشرحلكن شو المشكلة.\n[[PERSON|جورج حداد]]: بصراحة النظام القديم، {{Sage 50}}، ما عم يطلع تقارير المخزون صح.\n[[PERSON|ريما خوري]] ({{Cedar Soft}}): فهمت عليك. نحنا عنا موديول {{Cedar Stock}} بيحل هالشي. زميلي [[PERSON|وسام]] بيعرف التفاصيل.\n[[PERSON|وسام نصرالله]]: التسعير {{4,800 دولار}} بالسنة، وفي حسم {{10%}} إذا دفعتو قبل {{عيد مار مارون}}.\n[[PERSON|رامي حداد]]: طيب، بس لازم نحكي مع [[PERSON|أبو جورج]] الأول، هو صاحب القرار.\n[[PERSON|ريما خوري]]: أكيد. هيدا رقمي [[PHONE|03 417 882]] وإيميلي [[EMAIL|rima.khoury@cedarsoft.com.lb]].\n[[PERSON|وسام نصرالله]]: وأنا على [[PHONE|71 224 903]] إذا بدكن ديمو.",
    ),
    (
        "meeting_transcript",
        "ar/IQ-Iraqi",
        "تفريغ مكالمة فيديو - {{مجموعة الرافدين للتجارة}} - {{15 تشرين الأول}}\n\n[[PERSON|حيدر الجبوري]]: هلا بيكم، شلونكم؟ [[PERSON|زينب]] وياي هنا ب{{البصرة}}.\n[[PERSON|زينب الموسوي]]: هلو، آني مسؤولة المشتريات. نريد نعرف سعر {{الباقة الذهبية}}.\n[[PERSON|كريم ناصر]] (المورد): الباقة الذهبية {{12 مليون دينار}} بالسنة، وتشمل {{50}} مستخدم ودعم فني.\n[[PERSON|حيدر الجبوري]]: هواية غالي يا [[PERSON|كريم]]. [[PERSON|أبو علي]] بشركة {{آسيا سيل}} قال أخذوها بأقل.\n[[PERSON|كريم ناصر]]: ممكن نسوي خصم {{7%}} إذا وقعتوا قبل {{عيد الغدير}}.\n[[PERSON|زينب الموسوي]]: زين، دزلي العرض على [[EMAIL|zainab.musawi@rafidain-trade.iq]]، ورقمي [[PHONE|0770 412 8831]].\n[[PERSON|حيدر الجبوري]]: وآني رقمي [[PHONE|0780 155 2049]]، بس لا تتصل يوم {{الجمعة}}.",
    ),
    (
        "meeting_transcript",
        "ar/KW-Gulf",
        "نص الاجتماع (تفريغ آلي) - {{بيت التمويل الكويتي}} - فريق المبيعات - {{الأحد}}\n\nم. [[PERSON|عبدالله الصباح]]: صباح الخير يا جماعة. [[PERSON|أم سالم]] بتبدي بالأرقام.\n[[PERSON|أم سالم]]: صباح النور. حققنا {{87%}} من هدف {{الربع الثاني}}، وأكبر صفقة كانت مع {{مجموعة الشايع}}.\n[[PERSON|فيصل العنزي]]: الصفقة ذي قيمتها {{420 ألف دينار}}، ومسؤولها عندهم [[PERSON|طلال الشايع]].\nد. [[PERSON|أمل الرشيد]]: عندي سؤال، العميل طلب تمديد العقد حتى {{ديسمبر}}. عندنا {{أمل}} إنه يجدد لثلاث سنين.\nم. [[PERSON|عبدالله الصباح]]: [[PERSON|أمل]]، كلمي [[PERSON|طلال]] على [[PHONE|9941 2087]]، و[[PERSON|فيصل]] يجهز العرض.\n[[PERSON|فيصل العنزي]]: تمام. رقمي الجديد [[PHONE|+965 6603 1174]] وإيميلي [[EMAIL|f.alenezi@kfh-sales.com.kw]].",
    ),
    (
        "meeting_transcript",
        "ru/IL-RussianSpeaking",
        "Расшифровка созвона ({{Google Meet}}) - {{ООО «Негев Дейта»}} / {{Haifa Robotics}} - {{вторник, 4 февраля}}\n\n[[PERSON|Игорь Шапиро]]: Коллеги, всем привет. [[PERSON|Лена]], начнёшь?\n[[PERSON|Елена Кац]]: Да. Мы протестировали {{RoboDesk 5}}, в целом всё работает, но интеграция с {{1С}} падает.\n[[PERSON|Игорь Шапиро]]: [[PERSON|Дима]] это смотрел. [[PERSON|Дмитрий]], что там?\n[[PERSON|Дмитрий Гольдман]]: Проблема в версии {{8.3.24}}. Патч будет к {{Пуриму}}. Логи я выгрузил с сервера [[IP_ADDRESS|172.16.8.41]].\n[[PERSON|Анна Рабинович]] ({{Haifa Robotics}}): По цене: {{18 000 шекелей}} в год, скидка {{5%}}, если подпишете до {{конца марта}}.\n[[PERSON|Игорь Шапиро]]: Хорошо. [[PERSON|Анна]], пришлите договор на [[EMAIL|igor.shapiro@negevdata.co.il]].\n[[PERSON|Анна Рабинович]]: Пришлю. Мой мобильный [[PHONE|053-4471982]], звоните в любое время, кроме {{шаббата}}.",
    ),
    (
        "slack_export",
        "en/AE-Mixed",
        "#deals-gcc  |  export {{2025-05-18}}\n\n[08:41] [[PERSON|Omar Farouk]]: morning all - {{Emaar}} procurement finally replied, they want the {{Platinum}} SLA\n[08:43] [[PERSON|Sunita Pillai]]: nice!! @[[PERSON|omar.farouk]] did they accept the {{9%}} uplift?\n[08:44] [[PERSON|Omar Farouk]]: not yet. their contact is [[PERSON|Abdulla Belhoul]], he wants a call with our {{CTO}}\n[08:47] [[PERSON|Sunita Pillai]]: @[[PERSON|tomasz.w]] can you take it? [[PERSON|Tomasz]] is in {{Dubai}} till {{Thursday}}\n[08:52] [[PERSON|Tomasz Wiśniewski]]: sure. send me his number pls\n[08:53] [[PERSON|Omar Farouk]]: [[PHONE|+971 55 208 7716]] - he prefers whatsapp\n[09:10] [[PERSON|Sunita Pillai]]: also reminder: {{Sheikh Zayed Road}} office closed {{Sunday}} for maintenance\n[09:12] [[PERSON|Grace Liu]]: :thumbsup: fyi deal {{D-44871}} moved to {{Negotiation}} in {{Salesforce}}\n[09:15] {{CRM Bot}}: Stage change: {{D-44871}} ({{Emaar Hospitality}}) owner [[PERSON|Omar Farouk]], amount {{AED 1,240,000}}",
    ),
    (
        "slack_export",
        "en/US",
        "Channel: #support-escalations\n----\n[[PERSON|Marisol Vega]]  2:14 PM\n@[[PERSON|kevin.obrien]] the {{Hartwell & Finch}} account is down again, their admin [[PERSON|Tanisha Brooks]] is furious\n[[PERSON|Kevin O'Brien]]  2:16 PM\nlooking. their tenant is on {{v5.11.2}}, which had the webhook bug\n[[PERSON|Marisol Vega]]  2:17 PM\nshe says she tried [[EMAIL|tanisha.brooks@hartwellfinch.com]] password reset and got nothing\n[[PERSON|Kevin O'Brien]]  2:21 PM\nfound it. someone pasted the service key in the ticket, rotating now: [[SECRET|sk_live_9fQ2mZxT4aLr8WvY1bNc3KdE]]\n[[PERSON|Marisol Vega]]  2:22 PM\n:scream: ok. I'll tell [[PERSON|Tanisha]]. her direct line is [[PHONE|(312) 674-0147]]\n[[PERSON|Devendra Rao]]  2:30 PM\nfyi [[PERSON|Kevin]] I'll file the postmortem, [[PERSON|Marisol]] pls add timeline. {{Memorial Day}} on-call is me.",
    ),
    (
        "slack_export",
        "en/GB-Nordic",
        "[[PERSON|Astrid Lindqvist]] [10:02]\nAnyone know who owns {{Maersk}}? Lead came in via the {{Copenhagen}} webinar\n[[PERSON|Callum Fraser]] [10:05]\n@[[PERSON|astrid]] I think [[PERSON|Ingrid]] had them last year. @[[PERSON|ingrid.halvorsen]]?\n[[PERSON|Ingrid Halvorsen]] [10:11]\nyep mine. contact is [[PERSON|Søren Kjærgaard]], {{Head of Digital Procurement}}, [[EMAIL|soren.kjaergaard@maersk.com]], [[PHONE|+45 32 63 44 18]]\n[[PERSON|Callum Fraser]] [10:12]\nthanks [[PERSON|Ingrid]] :pray:\n[[PERSON|Astrid Lindqvist]] [10:20]\nBooked. Also {{Olsen Brothers}} want a quote for {{Fjord Analytics}} {{Team}} ({{25 seats}}), anyone has the {{2025}} price list?\n[[PERSON|Pieter de Vries]] [10:24]\npinned in #pricing. reminder that {{King's Day}} ({{27 April}}) NL office is closed",
    ),
    (
        "slack_export",
        "en/IN",
        "workspace: {{Zenvia Software}} | channel: #blr-sales | exported by @[[PERSON|ravi.iyer]]\n\n> [[PERSON|Ravi Iyer]] (11:02): Team, {{Reliance Retail}} RFP due {{Friday}}. @[[PERSON|ananya]] you're lead.\n> [[PERSON|Ananya Chatterjee]] (11:05): On it. Need the GST numbers and the {{Pune}} DC specs from [[PERSON|Harpreet]].\n> [[PERSON|Harpreet Singh Gill]] (11:09): sending. ps my new number is [[PHONE|+91 98140 27761]]\n> [[PERSON|Ravi Iyer]] (11:10): also who's covering {{Diwali}} week? [[PERSON|Lakshmi]] is on leave\n> [[PERSON|Lakshmi Venkatesan]] (11:14): yes, back on {{4 Nov}}. [[PERSON|Suresh]] has my accounts incl. {{Lakshmi Textiles}} :)\n> [[PERSON|Suresh Kumar]] (11:15): noted. for the record the pricing is {{₹42 lakh}} for {{Enterprise Plus}} with {{18% GST}}\n> [[PERSON|Ananya Chatterjee]] (11:20): client side contact Mr. [[PERSON|Deshpande]] wants the demo in {{Mumbai}} not online",
    ),
    (
        "slack_export",
        "he/IL-Mizrahi",
        'ערוץ: #מכירות-צפון | ייצוא {{יוני 2025}}\n\n[[PERSON|שירן אלמוג]] 09:12\nבוקר טוב! מי לוקח את הליד מ{{עפולה}}? [[PERSON|שמעון ביטון]] מ{{ביטון מערכות מיזוג}}\n[[PERSON|רפאל אוחיון]] 09:15\nאני. @[[PERSON|שירן]] יש טלפון?\n[[PERSON|שירן אלמוג]] 09:16\n[[PHONE|04-6527713]] במשרד, או לנייד של הבן שלו [[PERSON|אליאור]] [[PHONE|058-4421906]]\n[[PERSON|מורן דהן]] 09:30\nתזכורת: הדמו ל{{עיריית נצרת עילית}} עבר ל{{יום חמישי}}. [[PERSON|רפי]] אתה בא איתי?\n[[PERSON|רפאל אוחיון]] 09:31\nכן. ואחרי זה {{ל"ג בעומר}} אז לא לתאם כלום\n[[PERSON|מורן דהן]] 09:40\nסגרתי עם [[PERSON|ביטון]] על {{חבילת בסיס}} - {{1,450 ₪}} לחודש',
    ),
    (
        "slack_export",
        "he/IL-Ashkenazi",
        "#dev-crm (ייצוא אוטומטי)\n\n@[[PERSON|yoav.friedman]] ([[PERSON|יואב פרידמן]]) 14:02: מישהו דחף את ה-config לפרוד עם המפתח של {{Twilio}}? תראו בשורה 42\n@[[PERSON|noga.stern]] ([[PERSON|נוגה שטרן]]) 14:05: אוי. זה אני. הערך היה [[SECRET|AC7f3e91b2d04c58a6e1f0b9d8c7a6e5f4]] עם token [[SECRET|8b1d0e7fa9c24633b2e5f1a0c9d8e7f6]]\n@[[PERSON|yoav.friedman]] 14:06: מחליפים עכשיו. [[PERSON|נוגה]] תפתחי תקלה ב{{Jira}}\n@[[PERSON|tal.berkowitz]] ([[PERSON|טל ברקוביץ]]) 14:20: בינתיים הלקוח מ{{גרינברג ושות'}} שאל על גרסה {{4.7.0}}. מדברת איתו [[PERSON|מיכל]]\n@[[PERSON|michal.a]] ([[PERSON|מיכל אברמוביץ']]) 14:22: כן, [[PERSON|דוד גרינברג]] ביקש שנעלה לפני {{תשעה באב}}",
    ),
    (
        "slack_export",
        "he/IL-Ethiopian",
        "[[PERSON|אדיסו מקונן]]: חברים, הלקוח מ{{רחובות}} סגר! {{38}} רישיונות של {{Pro}} 🎉\n[[PERSON|גלית צגאי]]: מזל טוב [[PERSON|אדיסו]]! מי איש הקשר?\n[[PERSON|אדיסו מקונן]]: [[PERSON|יוסף בלאי]], מנהל תפעול. המייל [[EMAIL|yosef.belay@rehovot-agro.co.il]]\n[[PERSON|שלמה אינדלאו]]: @[[PERSON|galit]] תעדכני את זה ב{{HubSpot}}? עסקה {{HS-20117}}\n[[PERSON|גלית צגאי]]: עודכן. סכום {{71,820 ₪}} לשנה\n[[PERSON|אדיסו מקונן]]: ו[[PERSON|שלמה]], אל תשכח שב{{סיגד}} חצי צוות בחופש\n[[PERSON|שלמה אינדלאו]]: 👍 אני בטלפון [[PHONE|052-3318840]] אם צריך",
    ),
    (
        "slack_export",
        "ar/AE-Gulf",
        "قناة #مبيعات-الإمارات\n\n[[PERSON|ميثاء الكعبي]] - 10:05 ص\nصباح الخير، عميل جديد من {{رأس الخيمة}}: [[PERSON|سيف بن راشد الشامسي]]، يبغي عرض على {{نظام صقر للمخزون}}\n[[PERSON|محمد يوسف]] - 10:09 ص\n@[[PERSON|maitha]] أرسلي رقمه لو سمحتي\n[[PERSON|ميثاء الكعبي]] - 10:10 ص\n[[PHONE|050 773 4128]] وإيميله [[EMAIL|saif.shamsi@rak-cold.ae]]\n[[PERSON|محمد يوسف]] - 10:25 ص\nتمام، كلمت [[PERSON|بوراشد]] والاجتماع {{الثلاثاء}} في {{شارع الشيخ محمد بن زايد}} عند فرعهم\n[[PERSON|ريم المهيري]] - 11:02 ص\nانتبهوا، العرض لازم يكون قبل {{اليوم الوطني}}. الخصم {{12%}} ما يتعدى",
    ),
    (
        "slack_export",
        "ar/JO-Levantine",
        "#فريق-عمان | تصدير تلقائي\n\n[[PERSON|ليان الزعبي]] (09:31): يا جماعة مين ماسك حساب {{مستشفى الخالدي}}؟\n[[PERSON|عمر الحوراني]] (09:34): أنا. الدكتورة [[PERSON|سماح عبيدات]] ([[PHONE|079 440 3127]]) طلبت تجديد {{عقد الصيانة}} لـ{{سنتين}}\n[[PERSON|ليان الزعبي]] (09:35): ممتاز، بس في فاتورة مش مدفوعة {{INV-JO-2231}} بقيمة {{3,400 دينار}}\n[[PERSON|عمر الحوراني]] (09:40): بحكي مع [[PERSON|أبو خليل]] بالمالية عندهم، رقمه [[PHONE|079 614 2283]]\n[[PERSON|طارق المجالي]] (10:02): @[[PERSON|omar.hourani]] لا تنسى إنو الأحد عطلة {{عيد الاستقلال}}\n[[PERSON|عمر الحوراني]] (10:03): تمام [[PERSON|طارق]]، بحكيه {{الإثنين}}",
    ),
    (
        "slack_export",
        "he-en/IL-CodeSwitch",
        '#growth-team\n\n[[PERSON|Yarden Malka]] 16:40\nguys ה-lead מ-{{Wix}} עשה no-show שוב. @[[PERSON|itamar]] you talked to him?\n[[PERSON|Itamar Sasson]] 16:42\nyes, [[PERSON|Ben]] said he\'s "slammed" until after {{Shavuot}}. שלחתי לו follow-up\n[[PERSON|Yarden Malka]] 16:45\nok. btw [[PERSON|Ben]] זה [[PERSON|Ben Hadad]]? או [[PERSON|Ben Cohen]] מה-partnerships?\n[[PERSON|Itamar Sasson]] 16:46\n[[PERSON|Hadad]]. his mobile [[PHONE|+972-54-8862301]]\n[[PERSON|Shaked Biton]] 16:58\nfyi עדכנתי את ה-deck, slide 7 עם ה-ARR של {{$3.2M}} and the {{40%}} YoY. [[PERSON|Yarden]] תבדקי שה-logo של {{Check Point}} לא מתוח\n[[PERSON|Yarden Malka]] 17:01\nתודה [[PERSON|שקד]] ❤️',
    ),
    (
        "calendar_invite",
        "en/SA",
        "BEGIN:VEVENT\nSUMMARY:{{Aramco Digital}} x {{Loomis Data}} - solution workshop\nDTSTART;TZID=Asia/Riyadh:20250916T100000\nDTEND;TZID=Asia/Riyadh:20250916T123000\nLOCATION:[[ADDRESS|Building 3, King Abdullah Financial District, Al Aqiq, Riyadh 13519]]\nORGANIZER;CN=[[PERSON|Hannah Whitfield]]:mailto:[[EMAIL|hannah.whitfield@loomisdata.com]]\nATTENDEE;CN=[[PERSON|Turki Al-Mutairi]];ROLE=REQ-PARTICIPANT:mailto:[[EMAIL|turki.mutairi@aramcodigital.sa]]\nATTENDEE;CN=[[PERSON|Reem Bakhsh]];ROLE=OPT-PARTICIPANT:mailto:[[EMAIL|reem.bakhsh@aramcodigital.sa]]\nDESCRIPTION:Agenda: (1) {{Loomis Edge}} {{v6}} architecture, (2) data residency, (3) commercials ({{SAR 2.1M}} over {{3 years}}).\\nParking at gate B; call [[PERSON|Turki]] on [[PHONE|+966 54 220 9137]] on arrival.\\nNote: {{Saudi Founding Day}} week - confirm availability.\nEND:VEVENT",
    ),
    (
        "calendar_invite",
        "en/GB",
        'Invitation: {{Brompton & Vale}} quarterly review @ {{Tue 7 Oct 2025}} 14:00 - 15:00 (BST)\n\nOrganizer: [[PERSON|Eleanor Hughes]] ([[EMAIL|eleanor.hughes@bromptonvale.co.uk]])\nGuests:\n- [[PERSON|Rajesh Balakrishnan]] ({{Finance Director}})\n- [[PERSON|Aoife Gallagher]]\n- [[PERSON|Olusegun Adebayo]] - optional\n- [[EMAIL|accounts@bromptonvale.co.uk]]\n\nWhere: [[ADDRESS|2 Kingsway, Cardiff CF10 3FD]], room "{{Nelson}}" (ask reception for [[PERSON|Aoife]])\nDial-in: [[PHONE|+44 29 2018 4477]], PIN {{448 219#}}\n\nNotes from [[PERSON|Eleanor]]: we\'ll cover renewal of {{Vale Ledger}} ({{£62,000}}) and the {{Churchill}} upgrade path. [[PERSON|Olusegun]] ([[PHONE|+234 805 316 2270]]), please bring the {{Lloyds}} reconciliation numbers.',
    ),
    (
        "calendar_invite",
        "en/NG",
        "Meeting: Site visit - {{Dangote Refinery}} procurement team\nDate: {{Thursday, 13 November 2025}}\nTime: 10:30 WAT\nLocation: [[ADDRESS|Plot 12A, Admiralty Way, Lekki Phase 1, Lagos]]\nOrganiser: [[PERSON|Folake Adeyemi-Bello]] <[[EMAIL|folake.ab@harmattan-systems.com]]>\n\nAttendees:\n  [[PERSON|Emeka Eze]] ({{Harmattan Systems}}) [[PHONE|0803 552 1904]]\n  [[PERSON|Blessing Okonkwo]] ({{Harmattan Systems}})\n  Alhaji [[PERSON|Musa Danjuma]] (client)\n  [[PERSON|Chioma]] from client IT\n\nDescription:\nWalkthrough of {{HarmattanOps}} pilot. [[PERSON|Blessing]] will demo the {{Sahara}} dashboard. Please note [[PERSON|Danjuma]] prefers we call ahead: [[PHONE|+234 802 117 6658]]. Budget ceiling {{NGN 85,000,000}}.",
    ),
    (
        "calendar_invite",
        "en/AU",
        "You have been invited to: {{Kookaburra Health}} <> {{Tidewater CRM}} | contract walkthrough\n\nWhen: {{Mon 2 June}} 9:00am - 10:00am (AEST)\nWhere: {{Microsoft Teams}} meeting / in person at [[ADDRESS|Level 9, 120 Collins Street, Melbourne VIC 3000]]\nCalendar: [[EMAIL|mia.thompson@tidewatercrm.com.au]]\nWho:\n * [[PERSON|Mia Thompson]] - organiser\n * [[PERSON|Jack O'Connor]]\n * [[PERSON|Nguyen Thi Lan]]\n * Dr. [[PERSON|Summer Kaur]]\n\nJoin by phone: [[PHONE|+61 2 9055 3102]]\nMobile for day-of issues: [[PERSON|Jack]] [[PHONE|0412 558 903]]\n\nAgenda: {{Reconciliation Day}} closure, {{Tidewater Care}} {{v3.4}} licence count ({{180}}), {{Winter}} pricing vs {{Summer}} pricing.",
    ),
    (
        "calendar_invite",
        "he/IL-Mizrahi",
        'הזמנה: פגישת היכרות - {{אלבז נדל"ן}} / {{נווה CRM}}\nמתי: {{יום ראשון}}, {{7 בספטמבר 2025}}, 11:00-12:00\nאיפה: [[ADDRESS|שדרות רוטשילד 45, קומה 3, ראשון לציון]]\nמארגנת: [[PERSON|ספיר אלבז]] ([[EMAIL|sapir@elbaz-nadlan.co.il]])\nמשתתפים: [[PERSON|מאיר אלבז]], [[PERSON|רחל סויסה]], [[PERSON|גבריאל אזולאי]] (נווה CRM)\n\nתיאור:\n[[PERSON|גבריאל]] יציג את {{נווה CRM}} גרסה {{2.9}} ואת מודול {{ניהול נכסים}}. [[PERSON|מאיר]] ביקש להתמקד בייבוא לקוחות מ{{אקסל}}. חניה בחניון {{ויצמן סנטר}}.\nלבירורים: [[PERSON|רחל]] [[PHONE|03-9641558]] או [[PHONE|052-6607134]]\nשימו לב: אחרי {{ראש השנה}} המחירון מתעדכן ב-{{5%}}.',
    ),
    (
        "calendar_invite",
        "he/IL-Arab",
        'זימון: חתימה על הסכם הפצה - {{מטבחי חורי}}\nתאריך: {{יום שלישי}}, {{3.6.2025}}, בשעה 13:30\nמיקום: [[ADDRESS|רחוב פאולוס השישי 71, נצרת]]\nמארגן: [[PERSON|אליאס חורי]]\nמוזמנים: [[PERSON|רנא עודה]], [[PERSON|יונתן ברק]], עו"ד [[PERSON|סאלח מסארווה]]\n\nפרטים: חתימה על הסכם {{HS-2025-14}} בהיקף {{1.2 מיליון ₪}}. [[PERSON|רנא]] תביא עותקים מודפסים. עו"ד [[PERSON|מסארווה]] ביקש לקבל טיוטה למייל [[EMAIL|saleh@masarwa-law.co.il]] עד {{יום ראשון}}.\nטלפון בהגעה: [[PHONE|04-6012873]]',
    ),
    (
        "calendar_invite",
        "ar/AE-Gulf",
        "دعوة اجتماع: مراجعة عقد {{منصة واحة}} - {{هيئة كهرباء ومياه دبي}}\nالموعد: {{الأربعاء 8 أكتوبر 2025}}، 09:00 - 10:30\nالمكان: [[ADDRESS|برج الحبتور، الطابق 14، شارع الشيخ زايد، دبي]]\nالمنظم: [[PERSON|حمدان بن سالم المزروعي]]\nالحضور: [[PERSON|شما الفلاسي]]، م. [[PERSON|يوسف الحمادي]]، [[PERSON|أبو سلطان]]\n\nالوصف:\nمناقشة تجديد رخص {{واحة}} الإصدار {{5.2}} لعدد {{300}} مستخدم بقيمة {{1.8 مليون درهم}}. الرجاء من [[PERSON|شما]] تجهيز تقرير الأداء. للتواصل: [[PHONE|04 601 9935]] أو [[PHONE|056 418 2207]]\nتذكير: الاجتماع التالي بعد {{المولد النبوي}}.",
    ),
    (
        "calendar_invite",
        "ar/EG-Egyptian",
        "دعوة: ديمو نظام {{فرعون ERP}} لشركة {{الأهرام للأدوية}}\nاليوم: {{الاثنين 20 يناير}}\nالساعة: 12:00 ظهرًا بتوقيت القاهرة\nالمكان: [[ADDRESS|12 شارع التحرير، الدور الخامس، جاردن سيتي، القاهرة]]\nمنظم الاجتماع: [[PERSON|أحمد سمير]] ([[EMAIL|ahmed.samir@pharaoherp.com]])\nالمدعوين: د. [[PERSON|منى الجمال]]، [[PERSON|عمرو فتحي]]، [[PERSON|شيماء]]\n\nملاحظات: د. [[PERSON|منى]] عايزة تشوف موديول {{المخازن}} وتكامل {{فوري}}. السعر المبدئي {{450,000 جنيه}}. لو في تأخير كلموا [[PERSON|عمرو]] على [[PHONE|0122 904 5518]].",
    ),
    (
        "calendar_invite",
        "ar/MA-Maghrebi",
        "استدعاء لاجتماع: تقديم عرض {{مغرب تيليكوم}} للمقاولات الصغرى\nالتاريخ: {{الجمعة 14 مارس}} على الساعة 10:00\nالعنوان: [[ADDRESS|45 شارع الزرقطوني، الطابق 3، الدار البيضاء 20040]]\nالمنظمة: [[PERSON|سكينة بنعلي]]\nالحضور: [[PERSON|ياسين العلوي]]، [[PERSON|مريم الفاسي]]، السي [[PERSON|عبد الإله]]\n\nجدول الأعمال: عرض {{باقة بزنس برو}} بثمن {{2,900 درهم}} فالشهر، وخصم {{15%}} للسنة الأولى. [[PERSON|ياسين]] غادي يجيب الكونطرا. للتواصل: [[PHONE|0661 24 78 95]] أو [[PHONE|+212 6 63 18 42 90]]",
    ),
    (
        "calendar_invite",
        "de/DE",
        'Einladung: Vertragsgespräch {{Müller & Schmidt GmbH}} / {{Nordwind CRM}}\nWann: {{Donnerstag, 23. Oktober 2025}}, 10:00-11:30 (MESZ)\nWo: [[ADDRESS|Friedrichstraße 140, 10117 Berlin]], Raum „{{Goethe}}"\nOrganisator: [[PERSON|Katharina Böhm]] <[[EMAIL|k.boehm@nordwind-crm.de]]>\nTeilnehmer: [[PERSON|Jürgen Müller]], [[PERSON|Aylin Yıldız]], [[PERSON|Stefan Schmidt]]\n\nBeschreibung:\nBesprechung der Verlängerung ({{NW-2025-0871}}), {{Nordwind Pro}} {{Version 8.1}}, {{120}} Lizenzen zu {{39 €}} pro Monat. Frau [[PERSON|Yıldız]] bringt die Zahlen aus {{Hamburg}} mit.\nBei Verspätung bitte [[PERSON|Katharina]] anrufen: [[PHONE|+49 151 2845 7730]]\nHinweis: Am {{Tag der Deutschen Einheit}} ist das Büro geschlossen.',
    ),
    (
        "activity_log",
        "en/AE-Mixed",
        'Activity timeline - Account: {{Jumeirah Coastal Resorts}} (ACC-{{77120}})\n\n{{2025-02-03}} 09:14  Call logged by [[PERSON|Rania Saleh]] -> [[PERSON|Vikram Malhotra]] ([[PHONE|+971 50 391 2276]]), 12 min, outcome: interested\n{{2025-02-03}} 09:31  Email sent to [[EMAIL|vikram.malhotra@jcresorts.ae]]: "{{Horizon PMS}} pricing - {{Q1}}"\n{{2025-02-05}} 16:02  Stage changed {{Qualification}} -> {{Proposal}} by [[PERSON|Rania Saleh]]\n{{2025-02-06}} 11:45  Note by [[PERSON|Jonas Becker]]: [[PERSON|Vikram]] wants {{Oracle Opera}} migration included; asked for {{5%}} off\n{{2025-02-10}} 08:20  Login: user [[PERSON|rania.saleh]] from [[IP_ADDRESS|94.200.118.36]] ({{Dubai}})\n{{2025-02-10}} 08:22  Quote {{Q-88310}} created, amount {{AED 412,500}}\n{{2025-02-12}} 13:10  Meeting held at {{The Palm}} - attendees [[PERSON|Vikram Malhotra]], [[PERSON|Shaikha Al Marri]], [[PERSON|Rania Saleh]]\n{{2025-02-14}} 10:00  Task "send MSA redlines" assigned to [[PERSON|Jonas]] (due {{Feb 18}})',
    ),
    (
        "activity_log",
        "en/US-Latino",
        '[{{Mar 3}}, 08:02 CST] [[PERSON|Alejandro Ruiz]] created lead "[[PERSON|Guadalupe Treviño]] - {{Treviño Family Dental}}"\n[{{Mar 3}}, 08:05 CST] Phone added: [[PHONE|(210) 448-3391]] (office), [[PHONE|(210) 731-9024]] (mobile)\n[{{Mar 4}}, 14:40 CST] [[PERSON|Alejandro Ruiz]] logged call: spoke with office manager [[PERSON|Rosa]], Dr. [[PERSON|Treviño]] out until {{Cinco de Mayo}} week\n[{{Mar 4}}, 14:41 CST] Lead status -> {{Nurturing}}\n[{{Mar 11}}, 10:15 CST] Sequence "{{Dental Q2 Outreach}}" step 2 sent to [[EMAIL|gtrevino@trevinodental.com]]\n[{{Mar 11}}, 10:16 CST] Email bounced? No - opened 3x\n[{{Mar 18}}, 09:00 CST] [[PERSON|Maya Johnson]] reassigned lead to [[PERSON|Rose Delgado]] ({{Texas South}} territory)\n[{{Mar 19}}, 11:30 CST] [[PERSON|Rose Delgado]]: booked demo {{Mar 26}}, product {{SmileDesk Pro}}, est. {{$14,400}}/yr',
    ),
    (
        "activity_log",
        "en/GB-Irish",
        'AUDIT LOG | tenant {{northstar-uk}} | export {{01/09/2025}}\n\n01/09/2025 07:58:12  auth.login       user=[[EMAIL|ciaran.doyle@northstar.co.uk]] ip=[[IP_ADDRESS|81.157.22.140]] result=success\n01/09/2025 08:03:47  contact.update   by=[[PERSON|Ciarán Doyle]] contact=[[PERSON|Margaret O\'Sullivan]] field=phone old=[[PHONE|0117 928 3316]] new=[[PHONE|07824 900 442]]\n01/09/2025 08:04:10  contact.update   by=[[PERSON|Ciarán Doyle]] contact=[[PERSON|Margaret O\'Sullivan]] field=title new="{{Procurement Lead}}"\n01/09/2025 09:15:33  deal.create      by=[[PERSON|Niamh Byrne]] deal="{{Kerrygold}} renewal {{FY26}}" value={{£88,000}}\n01/09/2025 09:16:02  api.key.create   by=[[PERSON|Niamh Byrne]] key=[[SECRET|ns_pk_4Jr7Tq2WvX9pLc0eZb6Ym3Ka]]\n01/09/2025 10:41:55  auth.login       user=[[EMAIL|niamh.byrne@northstar.co.uk]] ip=[[IP_ADDRESS|2a02:c7c:5e21:9f00::1b]] result=success\n01/09/2025 11:02:08  export.csv       by=[[PERSON|Ciarán Doyle]] rows=412 object=contacts',
    ),
    (
        "activity_log",
        "en/IN-South",
        'Lead: [[PERSON|Karthik Subramanian]] | {{Chennai Petro Allied}} | owner: [[PERSON|Deepa Menon]]\n\n- {{12 Aug}} 10:02 - Web form: "{{Request a demo}}", phone [[PHONE|+91 94440 18273]], email [[EMAIL|karthik.s@cpallied.in]]\n- {{12 Aug}} 10:30 - Auto-assigned to [[PERSON|Deepa Menon]] (round robin, {{South India}} pod)\n- {{13 Aug}} 15:12 - [[PERSON|Deepa]] called, no answer; left voicemail\n- {{14 Aug}} 11:48 - [[PERSON|Karthik]] called back; interested in {{FieldForce Mobile}} for {{60}} technicians\n- {{16 Aug}} 17:05 - Note: decision maker is Mr. [[PERSON|Ramaswamy]] ({{GM Operations}}); wants onsite at {{Ennore}} plant after {{Onam}}\n- {{20 Aug}} 09:40 - Proposal {{PR-2025-1187}} sent, {{₹18.6 lakh}}, {{10%}} early-bird\n- {{22 Aug}} 12:00 - [[PERSON|Pooja Reddy]] ({{Presales}}) added as collaborator',
    ),
    (
        "activity_log",
        "he/IL-Mizrahi",
        'יומן פעילות - לקוח: {{דהן שיווק בע"מ}}\n\n{{02/03/2025}} 08:45 | [[PERSON|אביטל כהן]] | שיחה יוצאת ל[[PERSON|אלי דהן]] ([[PHONE|050-7234418]]) - ביקש הצעה ל-{{15}} משתמשים\n{{02/03/2025}} 09:10 | [[PERSON|אביטל כהן]] | נשלח מייל ל-[[EMAIL|eli@dahan-marketing.co.il]]\n{{04/03/2025}} 13:22 | מערכת | שלב עסקה שונה ל"{{משא ומתן}}"\n{{05/03/2025}} 10:05 | [[PERSON|רועי חדד]] | פגישה במשרדי הלקוח ב{{אשדוד}}, נכחו [[PERSON|אלי]] ו[[PERSON|סיגל דהן]]\n{{05/03/2025}} 10:50 | [[PERSON|רועי חדד]] | הערה: [[PERSON|סיגל]] רוצה אינטגרציה עם {{חשבשבת}}\n{{09/03/2025}} 16:40 | [[PERSON|אביטל כהן]] | הצעת מחיר {{HZ-2025-330}} בסך {{22,800 ₪}} נשלחה\n{{12/03/2025}} 11:00 | מערכת | תזכורת: מעקב אחרי {{פורים}}',
    ),
    (
        "activity_log",
        "he/IL-RussianSpeaking",
        'לוג פעילות משתמשים - {{מערכת אורן CRM}} - סניף {{חיפה}}\n\n[{{2025-06-01}} 07:55] כניסה: [[PERSON|ולדימיר קוגן]] מכתובת [[IP_ADDRESS|212.143.70.19]]\n[{{2025-06-01}} 08:02] [[PERSON|ולדימיר קוגן]] עדכן איש קשר: [[PERSON|סבטלנה מורוזוב]], טלפון חדש [[PHONE|053-7712045]]\n[{{2025-06-01}} 08:20] [[PERSON|יוליה גרינברג]] יצרה עסקה "{{פלדות הצפון}} - הרחבת רישוי" בסך {{64,000 ₪}}\n[{{2025-06-02}} 12:31] [[PERSON|יוליה גרינברג]] שינתה בעלים ל[[PERSON|ארטיום]]\n[{{2025-06-02}} 12:33] [[PERSON|ארטיום לוין]]: "דיברתי עם [[PERSON|סבטה]], מחכים לאישור מנכ"ל"\n[{{2025-06-03}} 09:10] ייצוא אנשי קשר ע"י [[PERSON|ולדימיר קוגן]] - {{218}} רשומות\n[{{2025-06-03}} 09:12] התראת אבטחה: ניסיון כניסה כושל מ-[[IP_ADDRESS|185.220.101.44]]',
    ),
    (
        "activity_log",
        "he/IL-Bedouin",
        "פעילות בכרטיס לקוח: {{אלעטאונה הובלות}} | אחראי: [[PERSON|עדי מלכה]]\n\n• {{יום א'}} {{12.1}} - [[PERSON|עדי מלכה]] התקשרה ל[[PERSON|סלימאן אלעטאונה]], [[PHONE|052-9917340]]. מתעניין במערכת מעקב {{GPS צי}} ל-{{22}} משאיות\n• {{יום ב'}} {{13.1}} - נשלחה הצעה ב{{וואטסאפ}} ל[[PERSON|סלימאן]]\n• {{יום ד'}} {{15.1}} - [[PERSON|איברהים אבו קף]] (מנהל הצי) ביקש פגישה ב{{חורה}}\n• {{יום ה'}} {{16.1}} - [[PERSON|עדי]] ו[[PERSON|נתנאל פרץ]] נסעו לפגישה. [[PERSON|אבו מוחמד]] הצטרף\n• {{יום א'}} {{19.1}} - סגירה! {{חוזה 2025-118}}, {{3,300 ₪}} לחודש, {{24}} חודשים",
    ),
    (
        "activity_log",
        "ar/SA-Hijazi",
        "سجل النشاط - العميل: {{مؤسسة باعشن التجارية}}\n\n{{1446/08/04}} - 09:20 - [[PERSON|رهف الزهراني]]: مكالمة مع [[PERSON|عبدالرحمن باعشن]] على [[PHONE|0553 218 907]]، طلب عرض {{باقة المؤسسات}}\n{{1446/08/04}} - 11:00 - النظام: إرسال بريد إلى [[EMAIL|a.baashen@baashen-trading.sa]]\n{{1446/08/06}} - 14:35 - [[PERSON|رهف الزهراني]]: اجتماع في {{جدة}}، حضر [[PERSON|أبو فيصل]] و[[PERSON|سلمان باعشن]]\n{{1446/08/07}} - 10:10 - [[PERSON|ماجد الغامدي]]: أنشأ عرض السعر {{QT-7734}} بقيمة {{96,600 ريال}}\n{{1446/08/10}} - 16:45 - النظام: تسجيل دخول [[PERSON|ماجد الغامدي]] من [[IP_ADDRESS|51.36.14.202]]\n{{1446/08/12}} - 08:30 - [[PERSON|رهف]]: العميل يطلب التأجيل إلى بعد {{عيد الفطر}}",
    ),
    (
        "activity_log",
        "ar/IL-Druze",
        'سجل نشاطات الصفقة {{D-3097}} - {{معصرة أبو ركن}}\n\n• {{01.11.2025}} 10:00 - [[PERSON|وئام أبو ركن]] طلبت عرض سعر لبرنامج {{زيتون+}}، هاتف [[PHONE|04-9533128]]\n• {{02.11.2025}} 12:45 - [[PERSON|مجدي حلبي]] أرسل عرض {{4,200 شيكل}} للسنة\n• {{04.11.2025}} 09:15 - ملاحظة من [[PERSON|مجدي]]: الشيخ [[PERSON|أبو فارس]] لازم يوافق أول\n• {{06.11.2025}} 17:20 - [[PERSON|وئام]] أكدت الموافقة عبر [[EMAIL|wiam@abu-rukun-oil.co.il]]\n• {{07.11.2025}} 08:00 - الصفقة انتقلت إلى "{{تم الفوز}}"، المسؤول [[PERSON|مجدي حلبي]]، موعد التركيب في {{عسفيا}}',
    ),
    (
        "activity_log",
        "es/MX",
        "Historial de actividad - Cuenta: {{Grupo Hernández Alimentos}}\n\n{{15/01/2025}} 09:12 - [[PERSON|Lucía Fernández]] registró llamada con Don [[PERSON|Ernesto Hernández]] ([[PHONE|55 4127 8830]]): interesado en {{Nube Ventas}} para {{80}} vendedores\n{{15/01/2025}} 09:40 - Correo enviado a [[EMAIL|ernesto.hdz@grupohernandez.mx]]\n{{20/01/2025}} 16:05 - [[PERSON|Lucía Fernández]]: reunión en {{Guadalajara}}; asistió su hija [[PERSON|Ximena]], {{Directora de Operaciones}}\n{{21/01/2025}} 10:30 - Cotización {{COT-2025-0092}} por {{MXN 1,150,000}}, descuento {{8 %}}\n{{03/02/2025}} 12:00 - Recordatorio: oficinas cerradas por el {{Día de la Constitución}}\n{{05/02/2025}} 11:22 - [[PERSON|Ximena Hernández]] pidió llamar a [[PERSON|Pepe]] de compras al [[PHONE|+52 33 1904 5572]]",
    ),
    (
        "profile_dump",
        "en/AE-Filipino",
        '[[PERSON|Maria Concepcion]] "[[PERSON|Connie]]" [[PERSON|Dela Cruz]]\n{{Senior Procurement Officer}} at {{Majid Al Futtaim Retail}}\n{{Dubai}}, {{United Arab Emirates}} · 500+ connections\n\nAbout\nSupply-chain professional with 12 years across {{Carrefour}} franchise operations in the GCC. Certified in {{SAP Ariba}} and {{CIPS Level 4}}.\n\nExperience\n- {{Senior Procurement Officer}}, {{Majid Al Futtaim Retail}} ({{Jan 2021}} - present)\n- {{Buyer}}, {{Lulu Hypermarket}}, {{Abu Dhabi}} ({{2016}} - {{2020}})\n- {{Purchasing Assistant}}, {{SM Supermalls}}, {{Manila}} ({{2012}} - {{2016}})\n\nEducation: {{University of Santo Tomas}}, BS Industrial Engineering\nContact (enriched): [[EMAIL|connie.delacruz@maf.ae]] · [[PHONE|+971 52 447 1908]] · personal [[PHONE|+63 917 552 0381]]\nRecommended by: [[PERSON|Joel Bautista]], [[PERSON|Khalid Al Shehhi]]',
    ),
    (
        "profile_dump",
        "en/US-Enrichment",
        '=== Enrichment API response (v2 /person/match) ===\nfull_name: [[PERSON|Hope Nakamura-Reyes]]\nfirst_name: [[PERSON|Hope]]\nlast_name: [[PERSON|Nakamura-Reyes]]\ntitle: {{VP, Revenue Operations}}\ncompany: {{Summit Peak Software}} (domain: summitpeak.io, employees: 1,200)\nlocation: {{Austin}}, {{Texas}}\nwork_email: [[EMAIL|hope.nr@summitpeak.io]] (confidence 0.94)\nmobile: [[PHONE|+1 512-608-4417]]\noffice: [[PHONE|+1 512-608-4400]] | direct_dial: [[PHONE|+1 737-201-5590]]\nlinkedin: linkedin.com/in/[[PERSON|hope-nakamura-reyes]]\nprevious: {{Salesforce}} ({{Senior Manager, RevOps}}, 2018-2022), {{Dell Technologies}} (2014-2018)\ntech_stack: {{HubSpot}}, {{Gong}}, {{Clari}}, {{Snowflake}}\nsignals: "raised {{Series C}} {{$85M}} in {{April}}", "hiring 14 AEs"\nnote: match based on name + domain; alt candidate [[PERSON|Hope Nakamura]] ({{Boston}}) rejected',
    ),
    (
        "profile_dump",
        "en/GB-Pakistani",
        "PROFILE SNAPSHOT - exported from {{Sales Navigator}} {{14/05/2025}}\n\nName: [[PERSON|Imran Siddiqui]] (he/him)\nHeadline: {{Head of Partnerships}} @ {{Khan & Patel Solicitors}} | ex-{{Deloitte}}\nLocation: {{Birmingham}}, {{England}}\nSummary: 15 years advising family-owned businesses across the UK and {{Pakistan}}. Trustee at {{Jinnah Foundation}}.\nCurrent: {{Khan & Patel Solicitors}} - founded by [[PERSON|Nadia Khan]] and [[PERSON|Ravi Patel]]\nPast: {{Deloitte}} ({{Manager}}), {{Habib Bank AG Zurich}} ({{Analyst}})\nLanguages: English, Urdu, Punjabi\nMutual connections: [[PERSON|Sophie Turner]], [[PERSON|Bilal Chaudhry]]\nContact info: [[EMAIL|imran.siddiqui@khanpatel.co.uk]] | [[PHONE|0121 496 0723]] | office: [[ADDRESS|8 Newhall Street, Birmingham B3 3PA]]",
    ),
    (
        "profile_dump",
        "en/GH",
        "Person: [[PERSON|Akosua Frimpong-Manso]]\nRole: {{Country Manager, Ghana}} - {{Kumasi Cocoa Exporters}}\nReports to: [[PERSON|Kofi Annan Mensah]] ({{CEO}})  [note: not the late UN Secretary-General]\nOffice: [[ADDRESS|14 Liberation Road, Airport Residential Area, Accra]]\nPhone: [[PHONE|+233 20 811 4472]] | WhatsApp: [[PHONE|+233 55 902 3318]]\nEmail: [[EMAIL|akosua.fm@kumasicocoa.com.gh]]\nBio: Joined {{Kumasi Cocoa Exporters}} in {{2019}} from {{Olam}}. Leads {{Fairtrade}} certification and exports to {{Rotterdam}} and {{Hamburg}}. Speaks at the {{Chocolate Day}} summit every {{February}}.\nAssistant: [[PERSON|Abena]] ([[PERSON|Abena Owusu]])\nLast enriched: {{2025-07-02}}",
    ),
    (
        "profile_dump",
        "he/IL-Yemenite",
        'פרופיל איש קשר (מועשר אוטומטית)\n\nשם: [[PERSON|זהבה צדוק]]\nתפקיד: {{סמנכ"לית שיווק}} ב{{שלום צדוק ובניו תעשיות מזון}}\nמיקום: {{ראש העין}}, {{ישראל}}\nותק בחברה: {{11 שנים}}; לפני כן {{מנהלת מותג}} ב{{אסם}}\nהשכלה: {{אוניברסיטת בר-אילן}}, תואר שני במנהל עסקים\nנייד: [[PHONE|054-9130278]] | משרד: [[PHONE|03-9384416]]\nדוא"ל: [[EMAIL|zehava@tzadok-food.co.il]]\nכתובת למשלוח: [[ADDRESS|רחוב העמל 9, אזור תעשייה אפק, ראש העין]]\nקשרים משותפים: [[PERSON|יגאל נהרי]], [[PERSON|שלום צדוק]] (אביה, מייסד החברה)\nתחומי עניין: מבצעי {{חנוכה}}, מבצעי {{סוף שנה}}, מוצרי {{לחוח}}',
    ),
    (
        "profile_dump",
        "he/IL-Haredi",
        "כרטיס ביקור דיגיטלי - נסרק ב{{אפליקציית CamCard}}\n\nהרב [[PERSON|אהרן יעקב וינברג]]\n{{מנהל רכש}} - {{מוסדות בית יעקב אלעד}}\n[[ADDRESS|רחוב רבי יהודה הנשיא 12, אלעד]]\nטל': [[PHONE|03-9076620]]  נייד: [[PHONE|052-7619084]]\nדוא\"ל: [[EMAIL|a.weinberg@bj-elad.org.il]]\n\nהערות נציג ([[PERSON|מוישי]]): לא ליצור קשר ב{{שבת}} ובחגים. מעדיף פקס או טלפון, לא וואטסאפ. העוזר שלו ר' [[PERSON|ברוך שפירא]] מטפל בהזמנות מעל {{10,000 ₪}}. התעניין ב{{מערכת נוכחות}} ל{{40}} גננות.",
    ),
    (
        "profile_dump",
        "ar/SA-Najdi",
        "ملف جهة الاتصال (لينكدإن)\n\nالاسم: [[PERSON|عبدالعزيز بن فهد آل سعود]]\nالمسمى: {{الرئيس التنفيذي}} - {{مجموعة الريان القابضة}}\nالموقع: {{الرياض}}، {{المملكة العربية السعودية}}\n\nنبذة: خبرة {{20 سنة}} في قطاع العقارات والضيافة. عضو مجلس إدارة {{غرفة الرياض}}.\nالخبرات السابقة:\n• {{نائب الرئيس}} - {{شركة عبداللطيف جميل}} ({{2010}}-{{2017}})\n• {{مستشار}} - {{ماكنزي}} ({{2006}}-{{2010}})\nالتعليم: {{جامعة الملك سعود}}\nسكرتير المكتب: [[PERSON|ريما الدوسري]] - [[PHONE|011 218 4470]] / [[PHONE|050 377 1928]]\nالبريد: [[EMAIL|office.ceo@alrayyan-holding.sa]]",
    ),
    (
        "profile_dump",
        "ar/SD-Sudanese",
        "بيانات العميل المحتمل (مصدر: معرض {{جيتكس}})\n\nالاسم الكامل: [[PERSON|عثمان محمد أحمد الطيب]]\nيُعرف بـ: [[PERSON|ود الطيب]]\nالوظيفة: {{مدير العمليات}} - {{شركة النيلين للصمغ العربي}}\nالمدينة: {{الخرطوم بحري}}، ويقيم حاليًا في {{دبي}}\nالهاتف (السودان): [[PHONE|+249 91 234 5687]]\nالهاتف (الإمارات): [[PHONE|+971 58 230 7714]]\nالبريد: [[EMAIL|osman.altayeb@nilein-gum.com]]\nملاحظات: تعرّف عليه [[PERSON|حسن عبدالرحيم]] في الجناح {{B-14}}. مهتم بنظام {{تتبع الشحنات}} للتصدير إلى {{هامبورغ}}. زوجته [[PERSON|أمل]] شريكة في الشركة.",
    ),
    (
        "profile_dump",
        "ar/DZ-Maghrebi",
        "ملف شخصي - {{Clearbit}} (نتيجة مطابقة)\n\nالاسم: [[PERSON|سفيان بن يوسف]]\nاللقب المهني: {{مدير تقنية المعلومات}}\nالشركة: {{سوناطراك}} - فرع {{وهران}}\nالهاتف: [[PHONE|+213 550 41 72 39]]\nالهاتف الثابت: [[PHONE|041 33 72 15]]\nالبريد: [[EMAIL|s.benyoucef@sonatrach.dz]]\nالعنوان: [[ADDRESS|12 شارع العربي بن مهيدي، وهران 31000]]\nالاهتمامات: {{الأمن السيبراني}}، {{أوراكل}}، {{الحوسبة السحابية}}\nزملاء: [[PERSON|نسيمة حداد]] ({{مديرة المشتريات}})، [[PERSON|كريم بلقاسم]]\nآخر نشاط: تعليق على منشور حول {{يناير}} ({{رأس السنة الأمازيغية}})",
    ),
    (
        "profile_dump",
        "pt/BR",
        "Perfil do contato - importado do {{LinkedIn}} em {{03/06/2025}}\n\nNome: [[PERSON|Ana Beatriz Conceição Oliveira]]\nCargo: {{Gerente de Compras}} na {{Natura &Co}}\nLocal: {{São Paulo}}, {{Brasil}}\nResumo: Mais de 10 anos em compras estratégicas; antes na {{Ambev}} e na {{Casas Bahia}}.\nTelefone: [[PHONE|+55 11 98765-2240]] / fixo [[PHONE|(11) 3847-5120]]\nE-mail corporativo: [[EMAIL|ana.oliveira@natura.net]]\nEndereço comercial: [[ADDRESS|Av. Alexandre Colares, 1188, Vila Jaguara, São Paulo - SP, 05106-000]]\nIndicada por: [[PERSON|João Pedro Santos]] ({{Diretor Comercial}}) e [[PERSON|Bia]] da equipe de {{Recife}}\nObservação: de férias no {{Carnaval}}; prefere reuniões na {{quarta-feira}}.",
    ),
    (
        "quote_invoice",
        "en/AE-Gulf",
        "TAX INVOICE                                  Invoice No: {{INV-2025-004417}}\n{{Falcon Edge Technologies LLC}}              Date: {{22/09/2025}}\nTRN {{100398251700003}}                       Due: {{Net 30}}\n\nBill to:\n[[PERSON|Khalifa bin Sultan Al Dhaheri]]\n{{Al Dhaheri Group}}\n[[ADDRESS|Villa 17, Street 24, Al Mushrif, Abu Dhabi]]\nAttn: [[PERSON|Sneha Kulkarni]], {{Accounts Payable}} - [[EMAIL|ap@aldhaherigroup.ae]]\n\nItem                                  Qty   Unit (AED)    Total\n{{FE-SKU-2201}} {{Falcon Guard}} licence  150   320.00        {{48,000.00}}\n{{FE-SKU-0910}} Onboarding (days)        6     3,500.00      {{21,000.00}}\nSubtotal {{69,000.00}} | VAT {{5%}} {{3,450.00}} | TOTAL {{AED 72,450.00}}\n\nPay to: {{Emirates NBD}}, IBAN [[IBAN|AE420330000010293847561]]\nQuestions: [[PERSON|Layan Fakhoury]], [[PHONE|+971 2 665 8120]]",
    ),
    (
        "quote_invoice",
        "en/US",
        "QUOTE #{{Q-31877}}  |  valid until {{June 30, 2025}}\nFrom: {{Ridgeway Analytics, Inc.}} - rep [[PERSON|Tyler McAllister]] ([[EMAIL|tyler.m@ridgewayanalytics.com]], [[PHONE|(646) 221-8093]])\nTo: {{Goldberg & Rosen LLP}}, attn. Ms. [[PERSON|Sarah Goldberg]], {{Managing Partner}}\nShip/Bill: [[ADDRESS|450 Lexington Ave, Suite 2100, New York, NY 10017]]\n\n1. {{Ridgeway Core}} - {{Enterprise}} edition, 75 seats x {{$89}}/mo x 12 ... {{$80,100}}\n2. {{Ridgeway Vault}} add-on (SKU {{RW-VLT-03}}) ....................... {{$12,000}}\n3. Premium support ({{24/7}}) ..................................... {{$9,600}}\nDiscount ({{Lincoln's Birthday}} promo, {{7%}}) ........................ -{{$7,119}}\nTOTAL ........................................................... {{$94,581}}\n\nCard on file for deposit: [[CREDIT_CARD|4580 5260 1815 9081]] (exp 08/27), cardholder [[PERSON|Sarah J. Goldberg]]\nAccepted by: ____________  ([[PERSON|David Rosen]], {{CFO}})",
    ),
    (
        "quote_invoice",
        "en/GB-Polish",
        "PRO-FORMA INVOICE {{PF/2025/0612}}\n\nSupplier: {{Kowalski & Nowak Engineering Ltd}}, [[ADDRESS|Unit 5, Riverside Park, Leeds LS10 1QB]]\nCustomer: {{Sheffield Tramworks}} c/o [[PERSON|Agnieszka Zielińska]]\nCustomer contact: [[PHONE|0114 496 0387]] / [[EMAIL|a.zielinska@sheffieldtram.co.uk]]\n\nDescription                                Net (GBP)\nBrake assembly retrofit, {{SKU KN-BR-4471}}   {{18,400.00}}\nLabour - [[PERSON|Piotr Kowalski]] & team, {{5 days}}   {{6,250.00}}\nVAT {{20%}}                                 {{4,930.00}}\nTotal due                                   {{£29,580.00}}\n\nPayment: {{Barclays}} {{Leeds}}, IBAN [[IBAN|GB29NWBK60161331926819]], ref {{PF0612}}\nSigned: [[PERSON|Marek Nowak]], {{Director}}. Note: works start after {{Easter Monday}}.",
    ),
    (
        "quote_invoice",
        "en/IL-Anglo",
        "Quote {{Q-IL-2025-211}}  -  {{Jerusalem Stone Interiors}}\nPrepared by: [[PERSON|Rachel Feldman-Adler]] | [[PHONE|02-5664390]] | [[EMAIL|rachel@jsinteriors.co.il]]\nPrepared for: [[PERSON|Jonathan]] and [[PERSON|Miriam Hirsch]]\nSite: [[ADDRESS|14 Emek Refaim St, Apt 6, Jerusalem 9314105]]\n\nItems:\n  - {{Meleke}} limestone cladding, 42 m2 ......... {{₪ 37,800}}\n  - Custom kitchen island ({{Hermon}} series) ........ {{₪ 24,500}}\n  - Installation ({{Sukkot}} closure excluded) ..... {{₪ 8,200}}\n  Total incl. {{18%}} VAT: {{₪ 83,142}}\n\nPayment terms: {{30%}} deposit. Card: [[CREDIT_CARD|5326-3016-6131-8608]] ([[PERSON|J. Hirsch]]).\nNote from [[PERSON|Rachel]]: [[PERSON|Miriam]], the {{Hermon}} island ships from {{Kiryat Gat}} - I'll confirm with [[PERSON|Yoni]] on {{Monday}}.",
    ),
    (
        "quote_invoice",
        "he/IL-Mizrahi",
        'חשבונית מס / קבלה מס\' {{30417}}\n{{אזולאי שירותי הנדסה}} | עוסק מורשה [[IL_ID|034128769]]\n[[ADDRESS|רחוב הנשיאים 8, דירה 3, נתיבות]]\nטל\' [[PHONE|08-9946213]] | נייד [[PHONE|050-3381977]]\n\nלכבוד: {{מעדני הדרום בע"מ}}, ח.פ. {{514782369}}\nלידי: [[PERSON|מרים בוזגלו]]\n\nפירוט:\n- תכנון מערכת קירור, {{מק"ט ENG-204}} ......... {{9,500 ₪}}\n- פיקוח באתר ({{3 ימים}}) ...................... {{4,200 ₪}}\nסה"כ לפני מע"מ: {{13,700 ₪}} | מע"מ {{18%}}: {{2,466 ₪}} | סה"כ: {{16,166 ₪}}\n\nהתשלום התקבל בהעברה בנקאית מ[[PERSON|שמעון בוזגלו]].\nחתימה: [[PERSON|יצחק]] ([[PERSON|איציק]]) [[PERSON|אזולאי]]',
    ),
    (
        "quote_invoice",
        "he/IL-Ashkenazi",
        'הצעת מחיר מס\' {{HM-7781}} | תוקף: עד {{30.11.2025}}\n\nמאת: {{קליין-רוזנטל פתרונות ענן בע"מ}}\nנציג: [[PERSON|עמרי קליין]], [[EMAIL|omri@kr-cloud.co.il]]\nאל: {{מכללת אורנים}} - לידי ד"ר [[PERSON|נעמה ברנשטיין]], {{ראש מערך המחשוב}}\n\n| פריט | כמות | מחיר |\n| רישיון {{KR Campus}} {{גרסה 6}} | {{1,200}} סטודנטים | {{₪ 54,000}} |\n| הטמעה והדרכה ל[[PERSON|נעמה]] ולצוות | {{5}} ימים | {{₪ 12,500}} |\n| תמיכה שנתית | - | {{₪ 9,800}} |\nסה"כ: {{₪ 76,300}} + מע"מ\n\nהערה: ההנחה של {{12%}} בתוקף רק אם ההזמנה תאושר לפני {{חנוכה}}. לשאלות: [[PHONE|077-5520184]]',
    ),
    (
        "quote_invoice",
        "he/IL-Ethiopian",
        "קבלה מס' {{1184}}\n{{אדמסו הפקות אירועים}} | [[PERSON|אדמסו טגניה]] | [[PHONE|052-8814307]]\n\nהתקבל מאת: [[PERSON|רחל ימר]]\nעבור: הגברה ותאורה לאירוע {{סיגד}} ב{{קריית גת}}, {{20.11.2025}}\nסכום: {{6,400 ₪}}\nאמצעי תשלום: כרטיס אשראי [[CREDIT_CARD|4111 0824 6281 9489]], {{3}} תשלומים\nת.ז. משלם: [[IL_ID|205743198]]\n\nהערות: [[PERSON|רחל]] ביקשה שגם [[PERSON|מולו]] ([[PERSON|מולוגטה ימר]]) יקבל עותק למייל [[EMAIL|mulu.yimer@gmail.com]].\nהציוד יוחזר למחסן ב{{אשקלון}} עד {{יום ראשון}}; אחראי לוגיסטיקה: [[PERSON|דסטה]], [[PHONE|054-6620915]].",
    ),
    (
        "quote_invoice",
        "ar/QA-Gulf",
        "فاتورة ضريبية رقم {{QA-INV-88102}}\nالتاريخ: {{12 نوفمبر 2025}}\n\nالمورّد: {{شركة المناعي للأنظمة الذكية}}\nالعميل: {{مجموعة آل ثاني للاستثمار}} - عناية السيد [[PERSON|ناصر بن علي آل ثاني]]\nالعنوان: [[ADDRESS|مبنى 45، شارع الكورنيش، الدفنة، الدوحة]]\n\nالبنود:\n١. نظام {{لؤلؤة CRM}} - {{80}} مستخدم - {{QAR 96,000}}\n٢. خدمة تكامل مع {{Microsoft Dynamics}} - {{QAR 22,500}}\nالإجمالي: {{QAR 118,500}}\n\nيرجى التحويل إلى: {{بنك قطر الوطني}}\nللاستفسار: [[PERSON|نورة المناعي]] [[PHONE|+974 5512 3098]] - [[EMAIL|noura@almannai-smart.qa]]",
    ),
    (
        "quote_invoice",
        "ar/JO-Levantine",
        "عرض سعر رقم {{JO-Q-2025-77}}\nمن: {{شركة الطراونة للبرمجيات}} - [[PERSON|هاني الطراونة]]\nإلى: {{صيدلية الحياة}} - الدكتورة [[PERSON|رُبى النابلسي]]\nالعنوان: [[ADDRESS|شارع الملكة رانيا العبدالله 120، عمّان]]\n\n- نظام صيدلية {{دواك}} (ترخيص {{3 فروع}}): {{2,700 دينار}}\n- ربط مع {{الضمان الاجتماعي}}: {{450 دينار}}\n- تدريب {{يومين}} لـ[[PERSON|رُبى]] والموظفين: {{300 دينار}}\nالمجموع: {{3,450 دينار}} غير شامل ضريبة المبيعات {{16%}}\n\nالدفع: [[IBAN|JO94CBJO0010000000000131000302]] - {{بنك القاهرة عمّان}}\nللاستفسار: [[PHONE|06 551 7790]] أو [[PHONE|078 902 4416]]",
    ),
    (
        "quote_invoice",
        "tr/TR",
        "FİYAT TEKLİFİ - No: {{TK-2025-0458}}\nTarih: {{18.04.2025}} | Geçerlilik: {{30 gün}}\n\nFirma: {{Yılmaz & Demir Lojistik A.Ş.}}\nYetkili: [[PERSON|Ayşe Yılmaz]], {{Satın Alma Müdürü}}\nAdres: [[ADDRESS|Atatürk Mah. Ertuğrul Gazi Sok. No:12/4, 34758 Ataşehir/İstanbul]]\nTel: [[PHONE|0532 418 77 90]] | E-posta: [[EMAIL|ayse.yilmaz@yd-lojistik.com.tr]]\n\nKalemler:\n1) {{Boğaziçi Filo}} yazılımı, {{45}} araç x {{₺1.250}} = {{₺56.250}}\n2) Kurulum ve eğitim ([[PERSON|Mehmet]] Bey ile koordineli) = {{₺12.000}}\nAra toplam: {{₺68.250}} | KDV {{%20}}: {{₺13.650}} | Genel toplam: {{₺81.900}}\n\nÖdeme: [[IBAN|TR330006100519786457841326]]\nHazırlayan: [[PERSON|Emre Kaya]] - {{Ramazan Bayramı}} sonrası kurulum planlanmıştır.",
    ),
    (
        "json_record",
        "en/US",
        '{\n  "object": "contact",\n  "id": "003Hs00002QkT9",\n  "first_name": "[[PERSON|Grace]]",\n  "last_name": "[[PERSON|Whitaker]]",\n  "email": "[[EMAIL|grace.whitaker@bluemesa.health]]",\n  "phone": "[[PHONE|+1 (505) 349-2281]]",\n  "title": "{{Director of Patient Access}}",\n  "account": {\n    "name": "{{Blue Mesa Health Partners}}",\n    "industry": "{{Healthcare}}",\n    "billing_city": "{{Albuquerque}}"\n  },\n  "owner": {"name": "[[PERSON|Derek Holloway]]", "email": "[[EMAIL|derek.h@claritymed.com]]"},\n  "custom": {\n    "ssn_for_background_check": "[[US_SSN|412-67-3390]]",\n    "renewal_date": "{{2026-01-31}}",\n    "grace_period_days": 15\n  },\n  "notes": "[[PERSON|Grace]] asked for the {{ClarityMed Intake}} {{v9}} demo after {{Thanksgiving}}. Assistant: [[PERSON|Tomás Rivera]]."\n}',
    ),
    (
        "json_record",
        "en/AE-Mixed",
        '{\n  "deal": {\n    "id": "DL-2025-11873",\n    "name": "{{Nakheel}} - {{Smart Gate}} rollout",\n    "amount": {"value": 2750000, "currency": "AED"},\n    "stage": "{{Contract Sent}}",\n    "close_date": "{{2025-12-15}}",\n    "owner": {\n      "name": "[[PERSON|Zainab Hussain]]",\n      "team": "{{Enterprise GCC}}"\n    },\n    "contacts": [\n      {"name": "[[PERSON|Saeed Al Ghurair]]", "role": "{{Economic Buyer}}", "mobile": "[[PHONE|+971 50 116 4829]]"},\n      {"name": "[[PERSON|Anjali Menon]]", "role": "{{Technical Evaluator}}", "email": "[[EMAIL|anjali.menon@nakheel.ae]]", "mobile": "[[PHONE|+971 52 308 4417]]"},\n      {"name": "[[PERSON|Pierre-Louis Garnier]]", "role": "{{Consultant}}", "company": "{{Garnier & Fils Conseil}}"}\n    ],\n    "notes": [\n      "[[PERSON|Saeed]] is the CFO; keep him on all threads",\n      "[[PERSON|Anjali]] wants SSO via {{Azure AD}} before {{UAE National Day}}"\n    ]\n  }\n}',
    ),
    (
        "json_record",
        "en/NG",
        '{\n  "type": "lead",\n  "lead_id": 448102,\n  "created_at": "2025-03-27T10:44:00+01:00",\n  "source": "{{Lagos Tech Fest}} booth",\n  "person": {\n    "full_name": "[[PERSON|Oluwaseun Babatunde-Lawal]]",\n    "preferred_name": "[[PERSON|Seun]]",\n    "phones": ["[[PHONE|+234 809 221 4476]]", "[[PHONE|0812 334 1907]]"],\n    "email": "[[EMAIL|seun.lawal@okadapay.ng]]"\n  },\n  "company": {"name": "{{OkadaPay}}", "size": "51-200", "hq": "{{Yaba}}, {{Lagos}}"},\n  "interest": ["{{Payouts API}}", "{{KYC Lite}}"],\n  "budget_ngn": 42000000,\n  "assigned_to": "[[PERSON|Ifeoma Chukwu]]",\n  "last_note": "[[PERSON|Seun]] said their CTO [[PERSON|Musa Ibrahim]] decides after {{Eid}}; follow up in {{May}}."\n}',
    ),
    (
        "json_record",
        "en/IL-Mixed",
        '{\n  "account": {\n    "name": "{{Elbit}} supplier - {{Peretz Precision Metals}}",\n    "tax_id": "{{515920344}}",\n    "address": "[[ADDRESS|HaMelacha St 21, Karmiel 2165201]]",\n    "primary_contact": {\n      "name": "[[PERSON|Amnon Peretz]]",\n      "id_number": "[[IL_ID|311986541]]",\n      "phone": "[[PHONE|04-9587712]]",\n      "mobile": "[[PHONE|054-4418026]]"\n    },\n    "secondary_contact": {\n      "name": "[[PERSON|Tsega Worku]]",\n      "title": "{{Quality Manager}}",\n      "email": "[[EMAIL|tsega@peretz-metals.co.il]]"\n    },\n    "open_deals": [\n      {"id": "{{OPP-5531}}", "product": "{{ShopFloor MES}} {{v11.2}}", "value_ils": 380000},\n      {"id": "{{OPP-5540}}", "product": "{{ShopFloor QA}}", "value_ils": 92000}\n    ],\n    "owner": "[[PERSON|Lior Ben-Shimon]]",\n    "comment": "[[PERSON|Amnon]]\'s son [[PERSON|Yonatan]] is taking over after {{Pesach}}"\n  }\n}',
    ),
    (
        "json_record",
        "he/IL-Mizrahi",
        '{\n  "סוג": "איש_קשר",\n  "שם_מלא": "[[PERSON|מזל עמר]]",\n  "כינוי": "[[PERSON|מזלי]]",\n  "טלפון": "[[PHONE|050-8823164]]",\n  "דוא\\"ל": "[[EMAIL|mazal.amar@netivot-bakery.co.il]]",\n  "חברה": {\n    "שם": "{{מאפיית עמר ובנותיה}}",\n    "עיר": "{{נתיבות}}",\n    "כתובת": "[[ADDRESS|רחוב בעלי המלאכה 4, נתיבות]]"\n  },\n  "אחראי_תיק": {"שם": "[[PERSON|אליאור שטרית]]", "צוות": "{{דרום}}"},\n  "עסקאות": [\n    {"מספר": "{{D-2291}}", "מוצר": "{{קופה חכמה Plus}}", "סכום": "{{14,400 ₪}}"}\n  ],\n  "הערות": "[[PERSON|מזל]] ביקשה שנתקשר רק אחרי {{הילולת בבא סאלי}}. הבת שלה [[PERSON|הודיה]] מנהלת את החשבונות."\n}',
    ),
    (
        "json_record",
        "he/IL-Russian",
        '{\n  "id": 90321,\n  "entity": "deal",\n  "title": "{{תעשיות קרמר}} - שדרוג {{מודול מלאי}}",\n  "value": 126500,\n  "currency": "ILS",\n  "stage": "{{הצעה נשלחה}}",\n  "owner": {\n    "name": "[[PERSON|אלכסנדר]] ([[PERSON|סשה]]) [[PERSON|פרידמן]]",\n    "email": "[[EMAIL|sasha.f@kramer-ind.co.il]]"\n  },\n  "participants": ["[[PERSON|מרינה קרמר]]", "[[PERSON|בוריס]]", "[[PERSON|טטיאנה ליבוביץ\']]"],\n  "activity": [\n    {"date": "{{2025-04-02}}", "text": "[[PERSON|מרינה]] ביקשה להוסיף {{10}} רישיונות"},\n    {"date": "{{2025-04-09}}", "text": "שיחה עם [[PERSON|בוריס]] - [[PHONE|053-2279014]]"}\n  ],\n  "security": {"last_login_ip": "[[IP_ADDRESS|62.219.44.151]]"}\n}',
    ),
    (
        "json_record",
        "ar/AE-Gulf",
        '{\n  "نوع_السجل": "عميل_محتمل",\n  "الاسم": "[[PERSON|شيخة بنت محمد الظاهري]]",\n  "المسمى_الوظيفي": "{{مديرة التحول الرقمي}}",\n  "الجهة": "{{دائرة التنمية الاقتصادية - أبوظبي}}",\n  "الهاتف": "[[PHONE|+971 2 815 6604]]",\n  "المتحرك": "[[PHONE|050 622 4193]]",\n  "البريد": "[[EMAIL|shaikha.aldhaheri@added.gov.ae]]",\n  "المسؤول": {"الاسم": "[[PERSON|سالم الكتبي]]", "الفريق": "{{القطاع الحكومي}}"},\n  "المنتج": "{{منصة سند}} الإصدار {{4.0}}",\n  "القيمة_التقديرية": "{{3.4 مليون درهم}}",\n  "ملاحظات": "طلبت [[PERSON|شيخة]] عرضًا تقديميًا في {{مدينة خليفة}} بعد {{عيد الاتحاد}}، وتريد مشاركة [[PERSON|أبو حمد]] من المالية."\n}',
    ),
    (
        "json_record",
        "ar/EG-Egyptian",
        '{\n  "contact": {\n    "name_ar": "[[PERSON|مصطفى إبراهيم الشريف]]",\n    "name_en": "[[PERSON|Mostafa Ibrahim El-Sherif]]",\n    "nickname": "[[PERSON|ميدو]]",\n    "mobile": "[[PHONE|0111 328 4409]]",\n    "company": "{{الشريف للمقاولات}}",\n    "city": "{{الإسكندرية}}",\n    "address": "[[ADDRESS|23 شارع فؤاد، محطة الرمل، الإسكندرية]]"\n  },\n  "deals": [\n    {"id": "{{EG-D-1190}}", "title": "توريد {{ألواح شمسية}}", "amount_egp": 1850000, "owner": "[[PERSON|نرمين عادل]]"}\n  ],\n  "notes": "[[PERSON|ميدو]] عايز الخصم {{10%}} زي ما اتعمل مع الحاج [[PERSON|سيد]]. المعاد بعد {{عيد الأضحى}}."\n}',
    ),
    (
        "json_record",
        "ar/MA-Maghrebi",
        '{\n  "record_type": "contact",\n  "full_name": "[[PERSON|حمزة الإدريسي]]",\n  "latin_name": "[[PERSON|Hamza El Idrissi]]",\n  "title": "{{مسؤول المبيعات}}",\n  "employer": "{{Marjane}}",\n  "city": "{{مراكش}}",\n  "phones": {"work": "[[PHONE|0524 43 18 77]]", "mobile": "[[PHONE|0662 71 40 58]]"},\n  "email": "[[EMAIL|h.elidrissi@marjane.ma]]",\n  "account_manager": "[[PERSON|لبنى الصقلي]]",\n  "tags": ["{{VIP}}", "{{رمضان 2025}}"],\n  "last_activity": "اتصل [[PERSON|حمزة]] يسول على عرض {{باقة التجار}}، وقال سي [[PERSON|محمد]] غادي يوقع"\n}',
    ),
    (
        "json_record",
        "it/IT",
        '{\n  "opportunita": {\n    "codice": "{{OPP-IT-2025-0342}}",\n    "cliente": "{{Ferrari & Rossi S.r.l.}}",\n    "referente": {\n      "nome": "[[PERSON|Giulia]]",\n      "cognome": "[[PERSON|Bianchi]]",\n      "ruolo": "{{Responsabile Acquisti}}",\n      "cellulare": "[[PHONE|+39 347 812 4409]]",\n      "email": "[[EMAIL|giulia.bianchi@ferrarirossi.it]]"\n    },\n    "sede": "[[ADDRESS|Via Giuseppe Garibaldi 18, 40121 Bologna BO]]",\n    "prodotto": "{{Gestionale Aurora}} {{v7}}",\n    "importo_eur": 48500,\n    "commerciale": "[[PERSON|Marco De Luca]]",\n    "nota": "[[PERSON|Giulia]] in ferie fino a {{Ferragosto}}; firma prevista dopo il {{San Petronio}}."\n  }\n}',
    ),
    (
        "csv_export",
        "en/AE-Mixed",
        "contact_id,full_name,company,title,city,mobile,email,plan\nC-1001,[[PERSON|Fatima Al Mansoori]],{{Etisalat Business}},{{IT Manager}},{{Abu Dhabi}},[[PHONE|+971 50 614 2290]],[[EMAIL|fatima.almansoori@eand.ae]],{{Enterprise}}\nC-1002,[[PERSON|Rajiv Menon]],{{Al Tayer Motors}},{{Fleet Supervisor}},{{Dubai}},[[PHONE|+971 55 902 1187]],[[EMAIL|rajiv.menon@altayer.com]],{{Growth}}\nC-1003,[[PERSON|Joy Abara]],{{Joy Abara Consulting}},{{Founder}},{{Sharjah}},[[PHONE|+971 56 330 4418]],[[EMAIL|joy@joyabara.co]],{{Starter}}\nC-1004,[[PERSON|Hamad bin Khalfan Al Shamsi]],{{Al Shamsi Trading}},{{Owner}},{{Al Ain}},[[PHONE|+971 50 227 8813]],,{{Growth}}\nC-1005,[[PERSON|Olga Petrenko]],{{Emirates Steel}},{{Procurement Lead}},{{Musaffah}},[[PHONE|+971 52 881 0934]],[[EMAIL|o.petrenko@emiratessteel.ae]],{{Enterprise}}\nC-1006,[[PERSON|Asif Mahmood]],{{Lulu Group}},{{Regional Buyer}},{{Umm Al Quwain}},[[PHONE|+971 54 716 3390]],[[EMAIL|asif.mahmood@lulugroup.ae]],{{Growth}}",
    ),
    (
        "csv_export",
        "en/US",
        '"Name","Company","Phone","Email","State","SSN (W-9 vendors only)","Deal Value"\n"[[PERSON|Rich Alvarez]]","{{Alvarez Roofing LLC}}","[[PHONE|(480) 392-7714]]","[[EMAIL|rich@alvarezroofing.com]]","{{AZ}}","[[US_SSN|527-18-4406]]","{{$18,500}}"\n"[[PERSON|Summer Okonkwo]]","{{Bright Harbor Media}}","[[PHONE|(503) 688-2190]]","[[EMAIL|summer.o@brightharbor.co]]","{{OR}}","","{{$7,200}}"\n"[[PERSON|Bao Tran]]","{{Pho Real Restaurants}}","[[PHONE|(713) 440-8821]]","[[EMAIL|bao@phoreal.us]]","{{TX}}","","{{$3,900}}"\n"[[PERSON|Hannah Lindgren]]","{{Lindgren & Sons Hardware}}","[[PHONE|(612) 905-3347]]","[[EMAIL|hannah@lindgrenhardware.com]]","{{MN}}","[[US_SSN|468-31-9902]]","{{$11,050}}"\n"[[PERSON|Malik Johnson]]","{{Rich Harvest Farms}}","[[PHONE|(404) 271-6683]]","[[EMAIL|malik.j@richharvest.farm]]","{{GA}}","","{{$24,000}}"',
    ),
    (
        "csv_export",
        "en/IN-Mixed",
        "Lead Name;Company;City;Phone;Source;Owner;Status\n[[PERSON|Aarav Sharma]];{{Sharma Textiles Pvt Ltd}};{{Jaipur}};[[PHONE|+91 98290 44712]];{{IndiaMART}};[[PERSON|Neha Gupta]];{{Qualified}}\n[[PERSON|Thenmozhi Rajendran]];{{Coimbatore Pumps}};{{Coimbatore}};[[PHONE|+91 94433 10285]];Webinar;[[PERSON|Neha Gupta]];{{New}}\n[[PERSON|Mohammed Rafiq]];{{Rafiq Exports}};{{Kochi}};[[PHONE|+91 97450 66219]];Referral;[[PERSON|Sandeep Nair]];{{Contacted}}\n[[PERSON|Gurpreet Kaur Bains]];{{Punjab Agro Tech}};{{Ludhiana}};[[PHONE|+91 98157 30948]];Trade show;[[PERSON|Sandeep Nair]];{{Qualified}}\n[[PERSON|Tenzin Norbu]];{{Himalayan Tea Co}};{{Darjeeling}};[[PHONE|+91 97330 12874]];Website;[[PERSON|Neha Gupta]];{{Nurturing}}\n[[PERSON|Farzana Begum]];{{Dhaka Knitwear}};{{Dhaka}};[[PHONE|+880 1712-448309]];LinkedIn;[[PERSON|Sandeep Nair]];{{New}}\n[[PERSON|Chaminda Perera]];{{Ceylon Spice House}};{{Colombo}};[[PHONE|+94 77 318 6640]];Referral;[[PERSON|Neha Gupta]];{{Contacted}}",
    ),
    (
        "csv_export",
        "en/GB-Mixed",
        'account,contact,role,phone,postcode_address,renewal,arr_gbp\n{{Marks & Spencer}},[[PERSON|Beatrice Okafor-Hale]],{{Category Manager}},[[PHONE|020 7946 0912]],"[[ADDRESS|Waterside House, 35 North Wharf Road, London W2 1NW]]",{{2026-03-31}},{{145000}}\n{{Greggs}},[[PERSON|Callum McKenzie]],{{IT Lead}},[[PHONE|0191 498 0277]],"[[ADDRESS|Fernwood House, Clayton Road, Newcastle upon Tyne NE2 1TL]]",{{2025-11-30}},{{38500}}\n{{Wagamama}},[[PERSON|Mei Ling Chow]],{{Ops Director}},[[PHONE|07824 553 108]],,{{2026-01-15}},{{61200}}\n{{John Lewis Partnership}},[[PERSON|Yusuf Demir]],{{Procurement}},[[PHONE|0118 496 0733]],,{{2025-12-01}},{{220000}}\n{{Nando\'s}},[[PERSON|Thandiwe Ndlovu]],{{Head of Digital}},[[PHONE|07946 218 559]],,{{2026-06-30}},{{47800}}',
    ),
    (
        "csv_export",
        "he/IL-Mixed",
        "שם,טלפון,עיר,חברה,סטטוס,נציג\n[[PERSON|אביגיל מלכה]],[[PHONE|052-6613048]],{{דימונה}},{{מלכה קוסמטיקה}},{{חם}},[[PERSON|דור]]\n[[PERSON|יוסי ביטון]],[[PHONE|054-3318721]],{{קריית שמונה}},{{ביטון מוסכים}},{{פושר}},[[PERSON|דור]]\n[[PERSON|שמחה גולדשטיין]],[[PHONE|02-5381902]],{{בית שמש}},{{גולדשטיין הוצאה לאור}},{{חם}},[[PERSON|הדס]]\n[[PERSON|אנה קרסיק]],[[PHONE|053-9921640]],{{אשקלון}},{{קרסיק ניקיון}},{{קר}},[[PERSON|הדס]]\n[[PERSON|מוחמד אבו גוש]],[[PHONE|050-4481127]],{{אבו גוש}},{{מסעדת אבו גוש}},{{חם}},[[PERSON|דור]]\n[[PERSON|נור אלדין זועבי]],[[PHONE|04-6459081]],{{נצרת}},{{זועבי הנדסה}},{{פושר}},[[PERSON|הדס]]\n[[PERSON|שקד רוזן]],[[PHONE|058-7710263]],{{כפר סבא}},{{שקד ורוזן שיווק}},{{חדש}},[[PERSON|דור]]",
    ),
    (
        "csv_export",
        "he/IL-Ethiopian",
        "מס' לקוח,שם פרטי,שם משפחה,ת.ז.,נייד,דוא\"ל,מסלול\n{{88201}},[[PERSON|ביניאם]],[[PERSON|טספאי]],[[IL_ID|056722317]],[[PHONE|052-4419827]],[[EMAIL|biniam.t@walla.co.il]],{{עסקי}}\n{{88202}},[[PERSON|אסתר]],[[PERSON|וורקנש]],[[IL_ID|293847562]],[[PHONE|054-7732016]],[[EMAIL|ester.work@gmail.com]],{{פרטי}}\n{{88203}},[[PERSON|מלקאמו]],[[PERSON|אדהנה]],[[IL_ID|340198274]],[[PHONE|050-9914387]],,{{עסקי}}\n{{88204}},[[PERSON|אלמז]],[[PERSON|ברהנו]],,[[PHONE|053-3306728]],[[EMAIL|almaz.b@negev-coop.org.il]],{{פרטי}}\n{{88205}},[[PERSON|גדעון]],[[PERSON|צגאי]],,[[PHONE|08-6478120]],,{{עסקי}}\n{{88206}},[[PERSON|יעל]],[[PERSON|נגוסה]],[[IL_ID|317420958]],[[PHONE|058-6627304]],[[EMAIL|yael.negussa@gmail.com]],{{פרטי}}\n{{88207}},[[PERSON|סלמון]],[[PERSON|מנגיסטו]],,[[PHONE|052-8830917]],[[EMAIL|salamon.m@kiryat-gat-sport.org.il]],{{עסקי}}",
    ),
    (
        "csv_export",
        "he/IL-Haredi",
        'מוסד,איש קשר,תפקיד,טלפון,פקס,כתובת,סכום תרומה שנתי\n{{תלמוד תורה אור החיים}},הרב [[PERSON|שלמה זלמן גולדפרב]],{{מנהל}},[[PHONE|02-5387741]],[[PHONE|02-5387742]],"[[ADDRESS|רחוב סורוצקין 14, ירושלים]]",{{48,000 ₪}}\n{{סמינר בית רבקה}},[[PERSON|מרים לאה הורוביץ]],{{מזכירה}},[[PHONE|08-9742230]],,"[[ADDRESS|רחוב רבי עקיבא 3, מודיעין עילית]]",{{12,500 ₪}}\n{{ישיבת קול תורה}},ר\' [[PERSON|אליעזר פישר]],{{גבאי}},[[PHONE|052-7160493]],,,{{30,000 ₪}}\n{{גמ"ח יד שרה}},[[PERSON|שרה בלומה קליין]],{{אחראית}},[[PHONE|03-6197725]],[[PHONE|03-6197726]],"[[ADDRESS|רחוב חזון איש 40, בני ברק]]",{{8,200 ₪}}',
    ),
    (
        "csv_export",
        "ar/SA-Mixed",
        "الاسم,الشركة,المدينة,الجوال,البريد,المرحلة,القيمة\n[[PERSON|تركي بن عبدالله الشهري]],{{شركة الشهري للمقاولات}},{{أبها}},[[PHONE|0504 117 328]],[[EMAIL|turki.alshehri@shehri-co.sa]],{{تفاوض}},{{240,000 ريال}}\n[[PERSON|منيرة القحطاني]],{{مستشفى الحمادي}},{{الرياض}},[[PHONE|0561 902 447]],[[EMAIL|m.alqahtani@alhammadi.sa]],{{عرض سعر}},{{510,000 ريال}}\n[[PERSON|أبو ياسر]],{{مخابز الخبز الذهبي}},{{الخبر}},[[PHONE|0538 446 219]],,{{مؤهل}},{{36,000 ريال}}\n[[PERSON|سعيد الغامدي]],{{سعيد وإخوانه للتجارة}},{{الطائف}},[[PHONE|0549 613 702]],[[EMAIL|saeed@saeedbros.sa]],{{جديد}},{{18,500 ريال}}\n[[PERSON|لمى باحارث]],{{جامعة الملك عبدالعزيز}},{{جدة}},[[PHONE|012 695 2041]],[[EMAIL|lbaharith@kau.edu.sa]],{{تفاوض}},{{1,200,000 ريال}}",
    ),
    (
        "csv_export",
        "ar/LB-Mixed",
        "id|name|company|phone|city|owner|notes\n301|[[PERSON|جوزيف عازار]]|{{عازار إخوان}}|[[PHONE|03 229 118]]|{{جونية}}|[[PERSON|ندى]]|بدو ديمو بعد {{عيد الفصح}}\n302|[[PERSON|لينا صعب]]|{{مستشفى أوتيل ديو}}|[[PHONE|01 615 300]]|{{بيروت}}|[[PERSON|ندى]]|\n303|[[PERSON|حسين فضل الله]]|{{فضل الله للأدوات الطبية}}|[[PHONE|76 884 215]]|{{صور}}|[[PERSON|كريم]]|عم يقارن مع {{Odoo}}\n304|[[PERSON|مايا الأسمر]]|{{Batroun Wines}}|[[PHONE|70 441 923]]|{{البترون}}|[[PERSON|كريم]]|طلبت خصم {{15%}}\n305|[[PERSON|أبو طوني]]|{{ملحمة أبو طوني}}|[[PHONE|09 218 447]]|{{جبيل}}|[[PERSON|ندى]]|بيدفع كاش بس",
    ),
    (
        "csv_export",
        "tl/AE-Filipino",
        'Pangalan,Trabaho,Kumpanya,Numero (UAE),Numero (PH),Email,Tala\n[[PERSON|Jericho Villanueva]],{{Nurse}},{{Mediclinic}},[[PHONE|+971 50 447 2188]],[[PHONE|+63 917 884 2210]],[[EMAIL|jericho.v@gmail.com]],Gusto ng {{Family Plan}} bago mag-{{Pasko}}\n[[PERSON|Rosario]] "[[PERSON|Charing]]" [[PERSON|Manalo]],{{Cashier}},{{Lulu Hypermarket}},[[PHONE|+971 55 318 9042]],,,Tawagan si [[PERSON|Charing]] pagkatapos ng shift\n[[PERSON|Mark Anthony Reyes]],{{Driver}},{{Careem}},[[PHONE|+971 52 660 3381]],[[PHONE|+63 928 551 7402]],[[EMAIL|markanthony.reyes@yahoo.com]],Remittance sa {{Cebu}}\n[[PERSON|Lourdes Pangilinan]],{{Accountant}},{{Emirates NBD}},[[PHONE|+971 56 904 2217]],,[[EMAIL|lpangilinan@outlook.com]],Kaibigan ni [[PERSON|Jericho]]\n[[PERSON|Joy Santos]],{{Chef}},{{Jollibee}} {{Deira}},[[PHONE|+971 50 338 7126]],[[PHONE|+63 905 772 1048]],,Masaya - "{{joy}}" talaga!',
    ),
    (
        "tool_result",
        "en/US-Mixed",
        '{"tool": "crm.search_contacts", "status": "ok", "query": "company:{{Mu\\u00f1oz Logistics}}", "count": 3, "results": [{"id": "c_81732", "name": "[[PERSON|Jos\\u00e9 Luis Mu\\u00f1oz]]", "title": "{{President}}", "phone": "[[PHONE|+1 915-402-7731]]", "email": "[[EMAIL|jl.munoz@munozlogistics.com]]"}, {"id": "c_81733", "name": "[[PERSON|Zo\\u00eb Castellanos]]", "title": "{{Dispatch Manager}}", "phone": "[[PHONE|+1 915-402-7740]]", "email": "[[EMAIL|zoe.c@munozlogistics.com]]"}, {"id": "c_81790", "name": "[[PERSON|\\u0110\\u1eb7ng Minh Khoa]]", "title": "{{IT Contractor}}", "phone": null, "email": "[[EMAIL|khoa.dang@pixelbridge.dev]]"}], "account": {"name": "{{Mu\\u00f1oz Logistics}}", "city": "{{El Paso}}", "arr": "{{$64,000}}", "owner": "[[PERSON|Brianna Kowalczyk]]"}, "next_page": null}',
    ),
    (
        "tool_result",
        "en/AE-Mixed",
        '{\n  "tool": "integrations.get_config",\n  "result": {\n    "integration": "{{WhatsApp Business API}}",\n    "account": "{{Al Ghurair Foods}}",\n    "webhook_url": "https://hooks.alghurairfoods.ae/wa",\n    "server_ip": "[[IP_ADDRESS|185.93.245.17]]",\n    "fallback_ip": "[[IP_ADDRESS|2a01:4f8:1c17:6b2e::2]]",\n    "access_token": "[[SECRET|EAAGm0PX4ZCpsBAKz7QdT9wLvU2rN8yHcJ1fS6eXbM3gR5]]",\n    "created_by": "[[PERSON|Karim Mansour]]",\n    "approved_by": "[[PERSON|Aisha Al Ghurair]]",\n    "support_contact": "[[PHONE|+971 4 220 9187]]",\n    "version": "{{v19.0}}"\n  },\n  "warnings": ["token visible to role {{Sales Manager}}; rotate after {{30 days}}"]\n}',
    ),
    (
        "tool_result",
        "en/GB-Mixed",
        '{"tool":"calendar.list_events","date":"{{2025-10-14}}","events":[{"title":"{{Hargreaves Lansdown}} renewal","start":"09:30","attendees":["[[PERSON|Fionnuala N\\u00ed Bhriain]]","[[PERSON|S\\u00f8ren Holm]]","[[EMAIL|d.okeke@hl.co.uk]]"],"location":"[[ADDRESS|1 College Square South, Anchor Road, Bristol BS1 5HL]]"},{"title":"Lunch w/ [[PERSON|Bj\\u00f6rn]]","start":"12:30","attendees":["[[PERSON|Bj\\u00f6rn \\u00c5kesson]]"],"location":"{{C\\u00f4te Brasserie}}"},{"title":"{{Diwali}} team call","start":"16:00","attendees":["[[PERSON|Priyanka Deshmukh]]","[[PERSON|Ren\\u00e9e Dubois]]"],"dial_in":"[[PHONE|+44 20 3936 4471]]"}],"tz":"Europe/London"}',
    ),
    (
        "tool_result",
        "en/KE-Mixed",
        '{\n  "tool": "enrich.person",\n  "input": {"email": "[[EMAIL|njeri.wambui@savannahagri.co.ke]]"},\n  "output": {\n    "name": "[[PERSON|Njeri Wambui]]",\n    "also_known_as": ["[[PERSON|Njeri W.]]", "[[PERSON|Mama Kiptoo]]"],\n    "title": "{{Head of Sales, East Africa}}",\n    "company": "{{Savannah Agri Ltd}}",\n    "location": "{{Nakuru}}, {{Kenya}}",\n    "phones": ["[[PHONE|+254 722 681 304]]", "[[PHONE|+255 754 210 993]]"],\n    "colleagues": [\n      {"name": "[[PERSON|Abdirahman Hassan Farah]]", "title": "{{Logistics Lead}}", "based_in": "{{Mombasa}}"},\n      {"name": "[[PERSON|Achieng Odhiambo]]", "title": "{{Finance}}"}\n    ],\n    "confidence": 0.88\n  }\n}',
    ),
    (
        "tool_result",
        "he/IL-Mixed",
        '{"tool": "crm.get_deal", "deal_id": "{{D-40771}}", "data": {"title": "{{\\u05d7\\u05d1\\u05e8\\u05ea \\u05d7\\u05e9\\u05de\\u05dc}} - {{\\u05de\\u05e2\\u05e8\\u05db\\u05ea \\u05d6\\u05d9\\u05de\\u05d5\\u05df \\u05ea\\u05d5\\u05e8\\u05d9\\u05dd}}", "stage": "{{\\u05de\\u05d5\\"\\u05de}}", "amount": "{{412,000 \\u20aa}}", "owner": {"name": "[[PERSON|\\u05e7\\u05e8\\u05df \\u05d0\\u05dc\\u05de\\u05d5\\u05d2-\\u05e9\\u05d7\\u05e8]]", "phone": "[[PHONE|054-6218833]]"}, "contacts": [{"name": "[[PERSON|\\u05d0\\u05d1\\u05d9\\u05e9\\u05d9 \\u05d8\\u05e0\\u05e0\\u05d1\\u05d0\\u05d5\\u05dd]]", "role": "{{\\u05de\\u05e0\\u05d4\\u05dc \\u05e8\\u05db\\u05e9}}", "email": "[[EMAIL|avishay.t@iec.co.il]]"}, {"name": "[[PERSON|\\u05d2\'\\u05d5\\u05d3\\u05d9 \\u05d7\'\\u05d5\\u05e8\\u05d9]]", "role": "{{\\u05d9\\u05d5\\u05e2\\u05e6\\u05ea \\u05de\\u05e9\\u05e4\\u05d8\\u05d9\\u05ea}}"}], "notes": "[[PERSON|\\u05d0\\u05d1\\u05d9\\u05e9\\u05d9]] \\u05d1\\u05d9\\u05e7\\u05e9 \\u05d4\\u05e0\\u05d7\\u05d4 \\u05e9\\u05dc {{8%}}; [[PERSON|\\u05e7\\u05e8\\u05df]] \\u05ea\\u05d7\\u05d6\\u05d5\\u05e8 \\u05d0\\u05dc\\u05d9\\u05d5 \\u05d0\\u05d7\\u05e8\\u05d9 {{\\u05d9\\u05d5\\u05dd \\u05d4\\u05e2\\u05e6\\u05de\\u05d0\\u05d5\\u05ea}}. \\u05d4\\u05e4\\u05d2\\u05d9\\u05e9\\u05d4 \\u05d4\\u05d1\\u05d0\\u05d4 \\u05d1[[ADDRESS|\\u05d3\\u05e8\\u05da \\u05de\\u05e0\\u05d7\\u05dd \\u05d1\\u05d2\\u05d9\\u05df 132, \\u05ea\\u05dc \\u05d0\\u05d1\\u05d9\\u05d1]]."}, "source": "crm-eu-1"}',
    ),
    (
        "tool_result",
        "he/IL-Druze",
        '{\n  "tool": "tickets.search",\n  "matches": [\n    {\n      "ticket": "{{T-88412}}",\n      "customer": "{{\\u05d4\\u05dc\\u05d1\\u05d9 \\u05de\\u05e2\\u05e8\\u05db\\u05d5\\u05ea \\u05e1\\u05d5\\u05dc\\u05d0\\u05e8\\u05d9\\u05d5\\u05ea}}",\n      "reported_by": "[[PERSON|\\u05e8\\u05d0\\u05de\\u05d9 \\u05d7\\u05dc\\u05d1\\u05d9]]",\n      "phone": "[[PHONE|052-4401739]]",\n      "summary": "\\u05d4\\u05de\\u05de\\u05d9\\u05e8 \\u05dc\\u05d0 \\u05de\\u05ea\\u05d7\\u05d1\\u05e8 \\u05dc\\u05e9\\u05e8\\u05ea [[IP_ADDRESS|10.0.14.7]] \\u05de\\u05d0\\u05d6 \\u05e2\\u05d3\\u05db\\u05d5\\u05df {{4.2.1}}",\n      "assignee": "[[PERSON|\\u05d4\\u05d3\\u05e8 \\u05d2\\u05d1\\u05d0\\u05d9]]"\n    },\n    {\n      "ticket": "{{T-88420}}",\n      "customer": "{{\\u05de\\u05d5\\u05e2\\u05e6\\u05d4 \\u05de\\u05e7\\u05d5\\u05de\\u05d9\\u05ea \\u05d2\'\\u05d5\\u05dc\\u05d9\\u05e1}}",\n      "reported_by": "[[PERSON|\\u05e1\\u05d5\\u05e2\\u05d0\\u05d3 \\u05e7\\u05d9\\u05d6\\u05dc]]",\n      "phone": "[[PHONE|04-9968102]]",\n      "summary": "\\u05d1\\u05e7\\u05e9\\u05d4 \\u05dc\\u05e9\\u05e0\\u05d5\\u05ea \\u05e1\\u05d9\\u05e1\\u05de\\u05ea \\u05de\\u05e0\\u05d4\\u05dc; \\u05d4\\u05e1\\u05d9\\u05e1\\u05de\\u05d4 \\u05d4\\u05e0\\u05d5\\u05db\\u05d7\\u05d9\\u05ea \\u05d4\\u05d9\\u05d0 [[SECRET|Julis#2025!sun]]",\n      "assignee": "[[PERSON|\\u05d4\\u05d3\\u05e8 \\u05d2\\u05d1\\u05d0\\u05d9]]"\n    }\n  ],\n  "total": 2\n}',
    ),
    (
        "tool_result",
        "ar/AE-Gulf",
        '{"tool": "crm.lookup_phone", "input": "[[PHONE|+971 50 884 3207]]", "found": true, "contact": {"name": "[[PERSON|\\u0631\\u0627\\u0634\\u062f \\u0628\\u0646 \\u062d\\u0645\\u064a\\u062f \\u0627\\u0644\\u0646\\u0639\\u064a\\u0645\\u064a]]", "kunya": "[[PERSON|\\u0623\\u0628\\u0648 \\u062d\\u0645\\u064a\\u062f]]", "company": "{{\\u0627\\u0644\\u0646\\u0639\\u064a\\u0645\\u064a \\u0644\\u0644\\u0639\\u0642\\u0627\\u0631\\u0627\\u062a}}", "emirate": "{{\\u0639\\u062c\\u0645\\u0627\\u0646}}", "email": "[[EMAIL|rashed@alnuaimi-re.ae]]", "owner": "[[PERSON|\\u0645\\u0631\\u064a\\u0645 \\u0627\\u0644\\u0634\\u062d\\u064a]]", "last_deal": {"id": "{{DL-7710}}", "product": "{{\\u0646\\u0638\\u0627\\u0645 \\u0625\\u064a\\u062c\\u0627\\u0631}}", "value": "{{185,000 \\u062f\\u0631\\u0647\\u0645}}"}, "note": "\\u064a\\u0641\\u0636\\u0644 \\u0627\\u0644\\u062a\\u0648\\u0627\\u0635\\u0644 \\u0628\\u0639\\u062f \\u0635\\u0644\\u0627\\u0629 \\u0627\\u0644\\u0639\\u0635\\u0631\\u060c \\u0648\\u0644\\u0627 \\u0627\\u062c\\u062a\\u0645\\u0627\\u0639\\u0627\\u062a \\u0641\\u064a {{\\u0631\\u0645\\u0636\\u0627\\u0646}}"}, "latency_ms": 212}',
    ),
    (
        "tool_result",
        "ar/IQ-Mixed",
        '{\n  "tool": "email.search",\n  "query": "from:[[EMAIL|ali.alkadhimi@zagrosoil.iq]]",\n  "results": [\n    {\n      "subject": "\\u0637\\u0644\\u0628 \\u0639\\u0631\\u0636 \\u0633\\u0639\\u0631 - {{\\u0645\\u0646\\u0638\\u0648\\u0645\\u0629 \\u0627\\u0644\\u0635\\u064a\\u0627\\u0646\\u0629 \\u0627\\u0644\\u0630\\u0643\\u064a\\u0629}}",\n      "from": "[[PERSON|\\u0639\\u0644\\u064a \\u0627\\u0644\\u0643\\u0627\\u0638\\u0645\\u064a]]",\n      "date": "{{2025-09-03}}",\n      "snippet": "\\u0623\\u0633\\u062a\\u0627\\u0630 [[PERSON|\\u0645\\u0635\\u0637\\u0641\\u0649]]\\u060c \\u0646\\u062d\\u062a\\u0627\\u062c \\u0627\\u0644\\u0639\\u0631\\u0636 \\u0642\\u0628\\u0644 {{\\u0627\\u0644\\u0623\\u0631\\u0628\\u0639\\u064a\\u0646\\u064a\\u0629}}. \\u0631\\u0642\\u0645\\u064a [[PHONE|0750 318 2246]]"\n    },\n    {\n      "subject": "\\u0631\\u062f: \\u0627\\u0644\\u0632\\u064a\\u0627\\u0631\\u0629 \\u0627\\u0644\\u0645\\u064a\\u062f\\u0627\\u0646\\u064a\\u0629 \\u0625\\u0644\\u0649 {{\\u0623\\u0631\\u0628\\u064a\\u0644}}",\n      "from": "[[PERSON|\\u0639\\u0644\\u064a \\u0627\\u0644\\u0643\\u0627\\u0638\\u0645\\u064a]]",\n      "date": "{{2025-09-10}}",\n      "snippet": "\\u062e\\u0644\\u064a [[PERSON|\\u0647\\u0627\\u0648\\u0643\\u0627\\u0631]] \\u0648\\u064a\\u0627\\u0643\\u0645\\u060c \\u0647\\u0648 \\u064a\\u0639\\u0631\\u0641 \\u0627\\u0644\\u0645\\u0648\\u0642\\u0639. \\u0627\\u0644\\u0633\\u064a\\u0631\\u0641\\u0631 \\u0639\\u0644\\u0649 [[IP_ADDRESS|37.236.11.80]]"\n    }\n  ],\n  "total": 2\n}',
    ),
    (
        "tool_result",
        "ar/TN-Maghrebi",
        '{"tool":"crm.create_note","ok":true,"note":{"id":"n_55102","account":"{{Poulina Group}}","author":"[[PERSON|\\u0623\\u0633\\u0645\\u0627\\u0621 \\u0627\\u0644\\u0637\\u0631\\u0627\\u0628\\u0644\\u0633\\u064a]]","body":"\\u062d\\u0643\\u064a\\u062a \\u0645\\u0639 \\u0633\\u064a [[PERSON|\\u0627\\u0644\\u0647\\u0627\\u062f\\u064a]] \\u062a\\u0648\\u0629\\u060c \\u064a\\u062d\\u0628 \\u0639\\u0631\\u0636 {{\\u0628\\u0627\\u0642\\u0629 \\u0628\\u0644\\u0627\\u062a\\u064a\\u0646\\u064a\\u0648\\u0645}} \\u0642\\u0628\\u0644 {{\\u0639\\u064a\\u062f \\u0627\\u0644\\u062c\\u0645\\u0647\\u0648\\u0631\\u064a\\u0629}}. \\u0642\\u0627\\u0644 [[PERSON|\\u0645\\u0646\\u064a\\u0631]] \\u0645\\u062a\\u0627\\u0639 \\u0627\\u0644\\u0645\\u0634\\u062a\\u0631\\u064a\\u0627\\u062a \\u064a\\u0643\\u0644\\u0645\\u0646\\u064a \\u0639\\u0644\\u0649 [[PHONE|+216 98 441 207]]. \\u0627\\u0644\\u0645\\u064a\\u0632\\u0627\\u0646\\u064a\\u0629 {{85,000 \\u062f\\u064a\\u0646\\u0627\\u0631}}.","mentions":["[[PERSON|\\u0627\\u0644\\u0647\\u0627\\u062f\\u064a \\u0628\\u0646 \\u0633\\u0627\\u0644\\u0645]]","[[PERSON|\\u0645\\u0646\\u064a\\u0631 \\u0627\\u0644\\u062c\\u0644\\u0627\\u0635\\u064a]]"],"created":"{{2025-07-18}}"},"status":201}',
    ),
    (
        "tool_result",
        "fa/AE-Iranian",
        '{\n  "tool": "crm.get_contact",\n  "contact": {\n    "\\u0646\\u0627\\u0645": "[[PERSON|\\u0645\\u0647\\u0633\\u0627 \\u0631\\u0636\\u0627\\u06cc\\u06cc]]",\n    "\\u0633\\u0645\\u062a": "{{\\u0645\\u062f\\u06cc\\u0631 \\u0641\\u0631\\u0648\\u0634}}",\n    "\\u0634\\u0631\\u06a9\\u062a": "{{\\u0628\\u0627\\u0632\\u0631\\u06af\\u0627\\u0646\\u06cc \\u067e\\u0627\\u0631\\u0633 \\u06af\\u0644\\u0641}}",\n    "\\u0634\\u0647\\u0631": "{{\\u062f\\u0628\\u06cc}}",\n    "\\u062a\\u0644\\u0641\\u0646": "[[PHONE|+971 55 612 0483]]",\n    "\\u062a\\u0644\\u0641\\u0646_\\u0627\\u06cc\\u0631\\u0627\\u0646": "[[PHONE|+98 912 448 3071]]",\n    "\\u0627\\u06cc\\u0645\\u06cc\\u0644": "[[EMAIL|mahsa.rezaei@parsgulf.ae]]",\n    "\\u06cc\\u0627\\u062f\\u062f\\u0627\\u0634\\u062a": "[[PERSON|\\u0645\\u0647\\u0633\\u0627]] \\u062e\\u0627\\u0646\\u0645 \\u06af\\u0641\\u062a \\u0628\\u0639\\u062f \\u0627\\u0632 {{\\u0646\\u0648\\u0631\\u0648\\u0632}} \\u062a\\u0635\\u0645\\u06cc\\u0645 \\u0645\\u06cc\\u200c\\u06af\\u06cc\\u0631\\u0646\\u062f. \\u0647\\u0645\\u06a9\\u0627\\u0631\\u0634 \\u0622\\u0642\\u0627\\u06cc [[PERSON|\\u06a9\\u0627\\u0645\\u0631\\u0627\\u0646 \\u062a\\u0647\\u0631\\u0627\\u0646\\u06cc]] \\u0642\\u0631\\u0627\\u0631\\u062f\\u0627\\u062f {{PG-2025-19}} \\u0631\\u0627 \\u0628\\u0631\\u0631\\u0633\\u06cc \\u0645\\u06cc\\u200c\\u06a9\\u0646\\u062f."\n  }\n}',
    ),
    (
        "lead_summary",
        "en/AE-Gulf",
        "LEAD SUMMARY - {{Bin Hendi Enterprises}}\n\nWho: [[PERSON|Abdullah Bin Hendi]] is the second-generation owner of {{Bin Hendi Enterprises}}, a {{Dubai}} luxury retail franchise group ({{Jaguar}} showrooms, {{Bin Hendi Avenue}} malls). Day-to-day, the evaluation is run by his chief of staff, [[PERSON|Lubna Qasim]], who found us through the {{GITEX}} booth.\nNeed: unify {{14}} POS systems into one loyalty CRM before {{Dubai Shopping Festival}} ({{December}}).\nBudget: indicated {{AED 600-750k}} first year.\nTimeline: pilot in {{Mall of the Emirates}} store in {{October}}.\nCompetition: {{Salesforce}} (incumbent at {{Chalhoub Group}}), {{Zoho}}.\nContacts: [[PERSON|Lubna]] - [[PHONE|+971 50 287 3316]], [[EMAIL|lubna.qasim@binhendi.ae]]; IT head [[PERSON|Prakash Iyengar]] - [[PHONE|+971 4 339 7720]].\nRisks: Mr. [[PERSON|Bin Hendi]] is traveling until after {{Mawlid}}; no signature before then.\nNext step: [[PERSON|Hugo Marchetti]] to send the {{Loyalty Cloud}} ROI deck by {{Sunday}}.",
    ),
    (
        "lead_summary",
        "en/US-Mixed",
        'Inbound lead qualified by [[PERSON|Kayla Brennan]] ({{SDR}}) on {{Oct 2}}:\n\nDr. [[PERSON|Amara Nwachukwu]], {{Chief Medical Officer}} at {{Lakeshore Pediatrics Network}} ({{Chicago}}, 11 clinics). She downloaded the "{{HIPAA-ready CRM}}" whitepaper twice and visited pricing 4x from [[IP_ADDRESS|73.45.190.22]]. On the call, [[PERSON|Amara]] said their current system ({{Epic}} add-on) is too expensive for outreach campaigns. Budget owner is their COO, [[PERSON|Glenn Hoffstetter]]; [[PERSON|Glenn]] wants a decision before {{Q1 FY26}}.\n\nFit: strong ({{250 seats}}, {{$120-150k ARR}}).\nTimeline: demo booked for {{Tuesday, Oct 14}}, 3pm CT.\nContact: [[EMAIL|anwachukwu@lakeshorepeds.org]], office [[PHONE|(773) 512-4408]].\nWatch-out: she mentioned a friend at {{Rush University}} who had a bad experience with {{MedReach}} - our previous brand name.',
    ),
    (
        "lead_summary",
        "en/IL-Mixed",
        "Lead brief - {{Galilee Biotech}} ({{Migdal HaEmek}})\n\nSource: referral from Dr. [[PERSON|Rivka Eshel]] at {{Rambam Health Care Campus}}.\nDecision maker: [[PERSON|Yusuf Mansour]], {{CEO}}, Arab-Israeli founder, ex-{{Teva}}. [[PERSON|Yusuf]] prefers English in writing, Hebrew on calls.\nChampion: [[PERSON|Orly Tzemach]], {{Lab Operations Manager}} - [[PHONE|050-7713042]], [[EMAIL|orly@galileebio.co.il]].\nOffice: [[ADDRESS|Tzela HaHar St 7, Migdal HaEmek 2310501]]\nNeed: sample-tracking + CRM for {{38}} pharma clients; today it's all in {{Excel}} and {{Priority}}.\nSize: {{ILS 210,000}} ARR potential; {{Israel Innovation Authority}} grant may cover {{40%}}.\nTiming: board meets after {{Eid al-Fitr}} and before {{Independence Day}}.\nOwner on our side: [[PERSON|Tamar Sela]]; SE support from [[PERSON|Khaled Abu Ahmad]].",
    ),
    (
        "lead_summary",
        "en/SG-Chinese",
        'Summary for AE handoff ([[PERSON|Wei Jie Tan]] -> [[PERSON|Priscilla Goh]])\n\nCompany: {{Lion City Freight Pte Ltd}}, {{Singapore}}, 300 staff, offices in {{Jakarta}} and {{Ho Chi Minh City}}.\nPrimary contact: [[PERSON|Lim Boon Huat]] ("[[PERSON|BH]]"), {{Managing Director}}. Very hands-on; answers WhatsApp faster than email. Mobile [[PHONE|+65 9128 4470]].\nOther stakeholders: [[PERSON|Siti Nurhaliza binti Ahmad]] ({{Finance Manager}}), [[PERSON|Budi Santoso]] ({{Jakarta}} branch, [[PHONE|+62 812-3391-0457]]).\nPain: manual quoting, {{3-day}} turnaround. Wants the {{QuoteFlow}} module.\nBudget: {{SGD 85k}}; approval threshold {{SGD 50k}} needs [[PERSON|BH]]\'s wife [[PERSON|Grace Lim]], who is {{CFO}}.\nTiming: nothing before {{Chinese New Year}}; target go-live {{March}}.\nLast touch: lunch at {{Raffles Hotel}}, {{12 Dec}}.',
    ),
    (
        "lead_summary",
        "he/IL-Mizrahi",
        'סיכום ליד - {{אוחנה ושות\' רואי חשבון}}\n\nמי: [[PERSON|משה אוחנה]], שותף מנהל במשרד רואי חשבון ב{{קריית אתא}} עם {{25}} עובדים. הבן שלו, [[PERSON|אלירן אוחנה]], אחראי על המחשוב והוא זה שפנה אלינו דרך האתר.\nצורך: ניהול לקוחות ותיקים, חיבור ל{{חשבשבת}} ול{{רשות המסים}}. היום הכול ב{{אקסל}} ובמגירות.\nתקציב: [[PERSON|משה]] אמר "עד {{2,000 ₪}} לחודש, לא שקל יותר".\nלוח זמנים: רוצים להתחיל אחרי {{עונת הדוחות}}, כלומר ב{{יוני}}.\nאנשי קשר: [[PERSON|אלירן]] - [[PHONE|052-3381907]]; המשרד - [[PHONE|04-8445620]]; כתובת: [[ADDRESS|שדרות ההסתדרות 22, קריית אתא]].\nהערה: [[PERSON|שלומית]] מהמשרד של [[PERSON|אוחנה]] המליצה עלינו בעבר ל{{משרד ברקוביץ}}.\nהבא בתור: [[PERSON|ליאור]] מתאם דמו ל{{יום שלישי}}.',
    ),
    (
        "lead_summary",
        "he/IL-Bedouin",
        "סיכום ליד חם - {{אבו רביעה חומרי בניין}}\n\n[[PERSON|עאמר אבו רביעה]] מנהל רשת של {{3}} חנויות חומרי בניין ב{{רהט}}, {{שגב שלום}} ו{{באר שבע}}. פנה בעקבות המלצה של [[PERSON|סלים אלהוזייל]], לקוח שלנו מ{{תל שבע}}.\nמה חשוב לו: ניהול אשראי ללקוחות קבלנים, תזכורות תשלום ב{{וואטסאפ}}, ודוחות ב{{ערבית}} ובעברית.\nהיקף: {{12}} משתמשים, בערך {{52,000 ₪}} בשנה.\nהחלטה: [[PERSON|עאמר]] מחליט לבד, אבל מתייעץ עם אבא שלו, [[PERSON|אבו עאמר]]. לא מתאמים פגישות ב{{רמדאן}} אחרי הצהריים.\nטלפון: [[PHONE|050-6627193]], החנות ב{{רהט}}: [[PHONE|08-9914302]]. מייל: [[EMAIL|amer.aburabia@gmail.com]]\nאחראית: [[PERSON|שני בן דוד]].",
    ),
    (
        "lead_summary",
        "he/IL-Haredi",
        'תקציר ליד - {{רשת קופות גמל "נאמנים"}}\n\nאיש קשר: הרב [[PERSON|יצחק מאיר לנדאו]], מנכ"ל. מדבר רק בטלפון הקווי [[PHONE|02-5009318]], לא שולח מיילים. מזכירה: [[PERSON|פייגי]] ([[PERSON|פייגא רוזנברג]]), [[PHONE|02-5009319]].\nמה רוצים: מערכת גביה וניהול תורמים עם כשרות תוכנה (סינון {{נטפרי}}).\nהיקף: {{4,800}} תורמים, {{6}} משתמשים. תקציב משוער {{18,000 ₪}} בשנה.\nהערות חשובות: לא לשלוח חומרים עם תמונות נשים. ההחלטה אחרי התייעצות עם הרב [[PERSON|אלימלך]] מ{{רמות}}.\nמועד: לפני {{ר"ח אלול}}.\nאצלנו: [[PERSON|נחמה טויטו]] מובילה, [[PERSON|בן ציון]] עוזר בהטמעה.',
    ),
    (
        "lead_summary",
        "ar/EG-Egyptian",
        "ملخص العميل المحتمل - {{مجموعة منصور للسيارات}}\n\nالعميل: [[PERSON|أشرف منصور]]، مدير المبيعات في {{مجموعة منصور}} فرع {{مدينة نصر}} (الشركة مش تبع عيلته رغم تشابه الاسم 🙂). اتعرفنا عليه عن طريق [[PERSON|رانيا فؤاد]] من {{أوتو إيجيبت}}.\nالمشكلة: المتابعة مع العملاء بعد التست درايف بتضيع، وعندهم {{40}} مندوب.\nالميزانية: حوالي {{900 ألف جنيه}} سنويًا.\nصاحب القرار: الأستاذ [[PERSON|شريف]] في الإدارة العامة (مكتبه [[PHONE|02 2405 6611]])، ومحتاجين موافقته قبل {{رأس السنة}}.\nالتواصل: [[PERSON|أشرف]] [[PHONE|0101 774 2308]] - [[EMAIL|ashraf.mansour.sales@gmail.com]]\nالمسؤول عندنا: [[PERSON|دينا عبد الرحمن]]، والخطوة الجاية ديمو في {{المعادي}} {{يوم الأربعاء}}.",
    ),
    (
        "lead_summary",
        "ar/SY-Levantine",
        "ملخص فرصة - {{مطاحن الشامي}} ({{حلب}} / {{دبي}})\n\n[[PERSON|نزار الشامي]] صاحب مطاحن {{الشامي}}، نقل الإدارة المالية على {{دبي}} من {{2022}}. ابنو [[PERSON|باسل]] هو اللي عم يتابع معنا. بدهن نظام يربط الطلبيات بين {{حلب}} و{{جبل علي}}.\nالأرقام: {{65 ألف دولار}} تقريباً، الدفع على دفعتين.\nالصعوبات: التحويلات البنكية، والاتصال بالمعمل بيقطع كتير.\nأرقام التواصل: [[PERSON|باسل]] [[PHONE|+971 52 601 9927]]، المعمل [[PHONE|+963 21 221 4478]].\nملاحظة: [[PERSON|أم باسل]] شريكة بالشركة وبتحضر الاجتماعات المهمة.\nالمسؤول: [[PERSON|هادي الخطيب]].",
    ),
    (
        "lead_summary",
        "hi/IN",
        "लीड सारांश - {{अग्रवाल स्वीट्स एंड नमकीन}}\n\nग्राहक: [[PERSON|राजेश अग्रवाल]], मालिक, {{इंदौर}} में {{9}} दुकानें। उनकी बेटी [[PERSON|निधि]] ([[PERSON|निधि अग्रवाल]]) ऑनलाइन ऑर्डर संभालती हैं और उन्होंने ही हमसे संपर्क किया।\nज़रूरत: {{दिवाली}} और {{रक्षाबंधन}} के सीज़न में बल्क ऑर्डर का हिसाब, {{WhatsApp}} से ऑर्डर कन्फ़र्मेशन।\nबजट: लगभग {{₹3.5 लाख}} सालाना।\nसंपर्क: [[PERSON|निधि]] - [[PHONE|+91 98261 44207]], [[EMAIL|nidhi@agrawalsweets.in]]; दुकान - [[PHONE|0731 254 7781]]\nपता: [[ADDRESS|56 एम.जी. रोड, सरवटे बस स्टैंड के पास, इंदौर 452001]]\nहमारी तरफ़ से: [[PERSON|अमित वर्मा]]; डेमो {{सोमवार}} को।",
    ),
    (
        "call_notes",
        "en/US-Mixed",
        'Call notes - {{Tue 11/18}} - discovery w/ {{Harbor & Pine Insurance}}\nOn the line: [[PERSON|Bill Whitman]] ({{VP Claims}}), [[PERSON|Esperanza]] "[[PERSON|Espe]]" [[PERSON|Ramírez]] ({{Claims Ops}}), me ([[PERSON|Noah Friedlander]])\n\n- [[PERSON|Bill]] opened by saying they got burned by {{Guidewire}} add-ons; wants fixed-fee.\n- [[PERSON|Espe]] runs 40 adjusters across {{Tampa}} and {{Orlando}}; the hurricane backlog after {{Milton}} is still 1,100 claims.\n- Pricing reaction: {{$210k}} felt high; [[PERSON|Bill]] floated {{$165k}} if we include the {{Claims Assist AI}} module.\n- Follow-ups: send SOC 2 report + case study from {{Pelican State Mutual}}; [[PERSON|Espe]] wants a sandbox by {{Friday}}.\n- Her cell (said OK to text): [[PHONE|(813) 624-0917]]. [[PERSON|Bill]]\'s assistant [[PERSON|Dolores]]: [[PHONE|(813) 624-0900]].\n- Next call: {{Dec 2}}, after {{Thanksgiving}}.',
    ),
    (
        "call_notes",
        "en/IL-Russian",
        "Quick notes from call with [[PERSON|Evgenia Ratner]] ({{Ratner Dental Clinics}}, {{Ashdod}}) - {{12 May}}\n\n[[PERSON|Zhenya]] (she prefers [[PERSON|Zhenya]]) wants to move 4 clinics from paper to {{SmileBook}}. Her partner Dr. [[PERSON|Arkady Ratner]] - no relation to the other [[PERSON|Ratner]] in {{Holon}} - signs anything over {{₪30,000}}.\nBudget: ~{{₪2,400}}/month. Start after {{Shavuot}}.\nShe read her card details for the setup fee over the phone: [[CREDIT_CARD|4847 6639 2332 1461]], exp 09/27. (Entered in the billing portal, do NOT keep in notes - [[PERSON|Gal]], please delete.)\nContact: [[PHONE|053-7718254]] / clinic [[PHONE|08-8561290]]\nMisc: her assistant [[PERSON|Olesya]] does scheduling; a colleague, [[PERSON|Shimon Peretz]], runs the {{Peretz Dental}} chain in {{Netanya}} and might be a referral.",
    ),
    (
        "call_notes",
        "en/GB-Nigerian",
        "Call log: [[PERSON|Temitope Adeleke]] -> [[PERSON|Charlotte Ashworth]], {{Ashworth & Daughters Bakeries}}, 14:05-14:37\n\nContext: renewal of {{Crumb POS}} ({{£9,600}}/yr), due {{1 Dec}}.\n- [[PERSON|Charlotte]] runs the business with her daughters [[PERSON|Poppy]] and [[PERSON|Rose]]; {{Rose}} is also the name of their flagship loaf, so the POS buttons say \"{{Rose}}\" - not a person, don't sync to contacts!\n- They're opening a 5th shop on {{Bath Road}} in {{Cheltenham}} before {{Christmas}}.\n- Asked about {{Bonfire Night}} promo pricing; offered {{10%}} if they upgrade to {{Crumb Plus}}.\n- [[PERSON|Poppy]] handles IT: [[EMAIL|poppy@ashworthbakeries.co.uk]], [[PHONE|07734 218 660]].\n- [[PERSON|Charlotte]]'s direct: [[PHONE|01242 574 309]].\nOutcome: verbal yes; paperwork to [[PERSON|Poppy]] by {{Wednesday}}.",
    ),
    (
        "call_notes",
        "en/AE-Pakistani",
        "CALL SUMMARY (auto-generated, reviewed by [[PERSON|Hira Baig]])\n\nCustomer: [[PERSON|Faisal Qureshi]] - {{Qureshi Textiles FZE}}, {{Ajman Free Zone}}\nDuration: 23 min | Direction: inbound from [[PHONE|+971 6 742 1198]]\nSummary: [[PERSON|Faisal]] called about login issues for his staff in {{Karachi}}; their IP [[IP_ADDRESS|119.160.97.42]] was blocked by our geo-rule. [[PERSON|Hira]] whitelisted it temporarily. He also asked about adding {{15}} seats of {{Trade Desk Pro}} ({{AED 45}} each) and paying via {{Bank Alfalah}}. He also read out his portal password on the call ([[SECRET|Qtex#Ajm2025]]) - reset requested.\nAction items:\n  1. [[PERSON|Hira]] to send quote {{Q-AJ-2217}} by {{EOD}}.\n  2. [[PERSON|Usman]] from support to call [[PERSON|Faisal]]'s cousin [[PERSON|Zeeshan Qureshi]] in {{Karachi}}: [[PHONE|+92 321 448 1907]].\nSentiment: positive.",
    ),
    (
        "call_notes",
        "he/IL-Ashkenazi",
        'סיכום שיחה - [[PERSON|מיכאל רוטמן]] מ{{רוטמן תעשיות פלסטיק}}, {{יום ד\'}} {{12.3}}\n\n• [[PERSON|מיכאל]] (ויש שם גם [[PERSON|מיכאל]] נוסף, מהרכש - [[PERSON|מיכאל שגיא]]) רוצה להחליף את {{SAP Business One}}.\n• הבעיה העיקרית: אין סנכרון בין המפעל ב{{ציפורית}} למשרד ב{{חיפה}}.\n• מבקש הצעה ל-{{30}} משתמשים עד {{סוף החודש}}; תקציב "בסביבות {{150 אלף}}".\n• ביקש שנדבר עם אשתו [[PERSON|דבורה רוטמן]], {{סמנכ"לית כספים}}, בטלפון [[PHONE|04-9931428]].\n• שלח סיסמה זמנית לסביבת הבדיקה: "[[SECRET|Rotman!Test2025]]" - לבקש להחליף.\n• אני ([[PERSON|אלונה]]) חוזרת אליו ב{{יום ראשון}}, לנייד [[PHONE|052-6640917]].',
    ),
    (
        "call_notes",
        "he/IL-Mizrahi",
        'שיחה עם [[PERSON|בת אל סויסה]], {{פיצה בת אל}} ({{בית שאן}}), 09:40\n\nהיא פתחה שתי סניפים חדשים, ב{{עפולה}} וב{{טבריה}}, וצריכה מערכת הזמנות אחת. אחיה [[PERSON|אלון]] מנהל את הסניף ב{{טבריה}} ([[PHONE|050-4472190]]).\nדיברנו על {{מסלול עסקי}} - {{349 ₪}} לחודש לסניף. ביקשה הנחה כי היא לקוחה מ-{{2019}}. אישרתי {{10%}} בתיאום עם [[PERSON|ירון]].\nהיא בחופש ב{{סוכות}}, אז ההתקנה אחרי {{שמחת תורה}}.\nפרטי קשר: [[PHONE|052-8817406]], [[EMAIL|batel.pizza@gmail.com]]\nלבדוק: האם [[PERSON|בת אל]] רוצה חשבונית על שם {{סויסה מזון בע"מ}}.',
    ),
    (
        "call_notes",
        "ar/AE-Gulf",
        "ملاحظات المكالمة - [[PERSON|سلطان بن خليفة الهاملي]] - {{الأحد}} 10:15\n\n• اتصل [[PERSON|بوخليفة]] من [[PHONE|+971 50 441 9026]] يسأل عن تجديد عقد {{منصة ريادة}} لشركة {{الهاملي للمقاولات}}.\n• قال إن المدير المالي، [[PERSON|ناصر الزعابي]]، يبي تقسيط على {{4}} دفعات.\n• طلب نسخة عربية من العقد، ويبي الاجتماع في {{العين}} مو في {{أبوظبي}}.\n• القيمة الحالية {{320,000 درهم}}؛ اقترحت زيادة {{5%}} مع إضافة {{20}} مستخدم.\n• المتابعة: [[PERSON|عائشة]] ترسل العرض على [[EMAIL|nasser.zaabi@alhameli-cont.ae]] قبل {{عيد الاتحاد}}. رقم [[PERSON|عائشة]] المباشر: [[PHONE|+971 2 633 1840]].",
    ),
    (
        "call_notes",
        "ar/IL-Arab",
        "ملخص مكالمة - {{مخابز عبد الحليم}}، {{أم الفحم}}\n\nتحدثت مع [[PERSON|محمود عبد الحليم]] وابنه [[PERSON|أحمد]]. المخبز عنده {{3}} فروع ({{أم الفحم}}، {{عرعرة}}، {{باقة الغربية}}) وبدهم نظام كاشير موحّد.\n• [[PERSON|أبو أحمد]] مش مقتنع بالدفع الشهري، بفضّل يدفع مرة وحدة.\n• السعر اللي عرضته: {{4,900 شيكل}} للسنة، وبعد {{عيد الأضحى}} ممكن نعطي خصم {{7%}}.\n• رقم [[PERSON|أحمد]]: [[PHONE|054-6618320]]. رقم المخبز: [[PHONE|04-6313509]].\n• عنوان الفرع الرئيسي: [[ADDRESS|شارع الجامع 18، أم الفحم]].\n• الخطوة القادمة: زيارة مع [[PERSON|رامي سلامة]] من الدعم الفني يوم {{الخميس}}.",
    ),
    (
        "call_notes",
        "ar/OM-Gulf",
        "ملاحظات اتصال هاتفي - {{شركة الحارثي للأسماك}} - {{مسقط}}\n\nالمتصل: [[PERSON|خالد بن سيف الحارثي]]، {{مدير المبيعات}}.\nالهاتف: [[PHONE|+968 9921 4307]]\nالموضوع: يحتاجون تطبيق طلبات للمطاعم في {{صلالة}} و{{صحار}}. قال إن أخوه [[PERSON|سعيد]] يشرف على فرع {{صلالة}} - وكان {{سعيد}} جدًا بتجربة النسخة التجريبية.\nالميزانية: {{8,500 ريال عماني}}.\nالملاحظات: لازم نرسل العرض قبل {{العيد الوطني}} ({{18 نوفمبر}}). التواصل مع [[PERSON|سعيد]] على [[PHONE|+968 7215 8804]].\nالمسؤول: [[PERSON|ليلى البلوشي]].",
    ),
    (
        "call_notes",
        "ur/AE-Pakistani",
        "کال نوٹس - [[PERSON|عمران چوہدری]]، {{چوہدری الیکٹرانکس}}، {{شارجہ}}\n\n• [[PERSON|عمران]] صاحب نے بتایا کہ ان کی تین دکانیں ہیں اور وہ {{CRM لائٹ}} پلان لینا چاہتے ہیں۔\n• ان کے بھائی [[PERSON|کامران]] {{لاہور}} میں اسٹاک سنبھالتے ہیں، ان کا نمبر [[PHONE|+92 300 441 8267]] ہے۔\n• قیمت {{AED 1,200}} ماہانہ بتائی، انہوں نے {{عید}} کے بعد فیصلہ کرنے کا کہا۔\n• [[PERSON|عمران]] صاحب کا نمبر: [[PHONE|+971 55 781 3096]]، ای میل [[EMAIL|imran.chaudhry@chaudhryelec.ae]]\n• اگلا قدم: [[PERSON|ثناء]] ڈیمو بھیجیں گی۔",
    ),
    (
        "support_ticket",
        "en/US-Mixed",
        "Ticket #{{SUP-204417}} | Priority: {{P1}} | Product: {{Beacon CRM}} {{v12.4.3}}\nRequester: [[PERSON|Marcus Oyelowo]] <[[EMAIL|marcus.oyelowo@redwoodpartners.com]]>\nAssignee: [[PERSON|Lin Feng]] ({{Tier 2}})\n\nDescription:\nSince the {{Labor Day}} release, our {{Zapier}} sync fails with 401. Our admin [[PERSON|Tracy Bloom]] regenerated the key, but it still fails. Here's the config we use (sorry if I shouldn't paste this):\n  API_KEY=[[SECRET|bcn_live_7Hq2Lx9VtR4mWz8KpN3dYc6F]]\n  BASE_URL=https://api.beaconcrm.com/v2\nCalls originate from [[IP_ADDRESS|52.14.203.88]] and [[IP_ADDRESS|52.14.203.91]].\n\n--- Internal note ([[PERSON|Lin Feng]]) ---\nKey above is now exposed; revoked and asked [[PERSON|Tracy]] to create a new one. Root cause: IP allowlist only had .88. Called [[PERSON|Marcus]] at [[PHONE|(415) 930-2276]] to confirm.\n--- Reply to customer ---\nHi [[PERSON|Marcus]], fixed - please use the new key [[PERSON|Tracy]] generated. - [[PERSON|Lin]]",
    ),
    (
        "support_ticket",
        "en/AE-Indian",
        "Subject: Cannot log in - account locked ({{Case 00918273}})\nFrom: [[PERSON|Sreeja Nambiar]] ([[EMAIL|sreeja.nambiar@gulfpharmadist.ae]])\nCompany: {{Gulf Pharma Distribution LLC}} - plan {{Business Plus}}\n\nHello team,\nI'm locked out after 5 attempts. My username is [[EMAIL|sreeja.nambiar@gulfpharmadist.ae]] and I'm pretty sure the password is [[SECRET|Sreeja@Dxb#77]] - maybe caps lock. Please unlock ASAP, we have {{month-end}} invoicing and our {{Finance Manager}}, Mr. [[PERSON|Thomas Kurian]], is waiting.\nMobile: [[PHONE|+971 52 773 0149]]\n\nAgent reply ([[PERSON|Yousef Al Hashimi]]):\nDear [[PERSON|Sreeja]], please never share your password by email - we have reset it and sent a link. The lockout came from [[IP_ADDRESS|5.195.226.14]], which is not your office IP ([[IP_ADDRESS|94.203.71.9]]). We recommend enabling {{2FA}}. Regards, [[PERSON|Yousef]] - {{Customer Support}}, {{Dubai}}",
    ),
    (
        "support_ticket",
        "en/GB-Mixed",
        "ZENDESK #58813 - \"Wrong delivery address on order {{ORD-66102}}\"\nStatus: {{Pending}} | Channel: web form | Tags: {{shipping}}, {{hardware}}\n\n[[PERSON|Gwen Llewellyn]] wrote ({{3 Feb}}, 09:12):\nThe barcode scanners ({{SKU SCN-2040}} x 6) went to our old office. Correct address is [[ADDRESS|Unit 3, Llanelli Gate Business Park, Dafen, Llanelli SA14 8LQ]]. Please reroute; our store opening on {{St David's Day}} depends on it.\n\n[[PERSON|Arjun Sethi]] ({{Logistics}}) replied ({{3 Feb}}, 10:40):\nHi [[PERSON|Gwen]], I've asked {{DPD}} to redirect. Could you confirm a phone number for the driver?\n\n[[PERSON|Gwen Llewellyn]] ({{3 Feb}}, 10:52):\nYes - mine is [[PHONE|07968 442 180]], or [[PERSON|Dafydd]] on reception [[PHONE|01554 772 905]].",
    ),
    (
        "support_ticket",
        "en/KE-Somali",
        'Ticket: {{HD-7731}} / {{Mobile app}} / Severity {{High}}\nOpened by: [[PERSON|Hodan Abdi Warsame]] ({{Dahabshiil}} partner desk, {{Nairobi}})\n\n"The agent app {{v3.9.0}} crashes when adding a new customer with a long name, e.g. [[PERSON|Abdirizak Mohamed Abdullahi Hassan]]. Also crashes on the name [[PERSON|Nasra]] if the phone field has +252. Example that fails: [[PHONE|+252 61 5412879]]. Devices: {{Samsung A14}}, {{Tecno Spark 10}}."\n\nTriage ([[PERSON|Peter Kiprotich]]): reproduced. The phone validator rejects Somali mobile formats. Logs from [[IP_ADDRESS|41.90.64.211]] attached. Workaround sent to [[PERSON|Hodan]] via SMS to [[PHONE|+254 711 602 438]].\nFix planned in {{v3.9.2}}, ETA {{Friday}}. Escalated to [[PERSON|Amina Yusuf]] ({{Engineering Manager}}).',
    ),
    (
        "support_ticket",
        "he/IL-Mizrahi",
        'קריאה מס\' {{45112}} | לקוח: {{מוסך אלמוג}} | עדיפות: {{גבוהה}}\n\nפותח הקריאה: [[PERSON|ניסים אלמוג]], [[PHONE|050-9824471]]\nתיאור: "מאתמול המערכת לא מדפיסה חשבוניות. הבן שלי [[PERSON|עידן]] ניסה להתקין מחדש ועכשיו זה מבקש סיסמה. הסיסמה של המנהל הייתה [[SECRET|almog1234]] ואולי הוא שינה."\nמחשב: שרת מקומי [[IP_ADDRESS|192.168.1.20]], {{Windows Server 2019}}\n\nטיפול - [[PERSON|מורן גבאי]] ({{תמיכה טכנית}}):\nהתחברתי מרחוק עם {{AnyDesk}}. הבעיה בדרייבר של המדפסת אחרי עדכון {{Windows}}. אפסתי את הסיסמה (ביקשתי מ[[PERSON|ניסים]] לא לשלוח סיסמאות בוואטסאפ). נבדק מול [[PERSON|עידן]] - עובד.\nסגירה: {{יום חמישי}}, 10:35.',
    ),
    (
        "support_ticket",
        "he/IL-Ashkenazi",
        'פנייה: בקשה למחיקת מידע אישי (GDPR / {{חוק הגנת הפרטיות}})\nמספר פנייה: {{PRV-2025-031}}\n\nמאת: [[PERSON|נטע וקסלר]] <[[EMAIL|neta.wexler@gmail.com]]>\n"שלום, הייתי לקוחה של {{סטודיו וקסלר}} (לא קשור אליי, רק אותו שם משפחה 🙂) וקיבלתי מכם דיוור. אבקש למחוק את כל הפרטים שלי: שם, טלפון [[PHONE|054-2201876]], כתובת [[ADDRESS|רחוב ביאליק 15, דירה 4, רמת גן]], ות.ז. [[IL_ID|029584166]] שמסרתי בהרשמה."\n\nטיפול: [[PERSON|יובל שטיינברג]] ({{ממונה הגנת פרטיות}})\n- אותרו {{2}} רשומות ב{{CRM}} ורשומה אחת ב{{Mailchimp}}.\n- נמחקו ב{{9.6.2025}}; אישור נשלח ל[[PERSON|נטע]].\n- הערה: יש איש קשר נוסף בשם [[PERSON|נטע ווקסלר]] ({{חולון}}) - לא נגעתי.',
    ),
    (
        "support_ticket",
        "he/IL-Druze",
        "תקלה מס' {{T-9904}} | מוצר: {{מערכת נוכחות BioClock}}\nלקוח: {{מועצה מקומית בית ג'אן}}\nמדווח: [[PERSON|פאדי חסון]], {{מנהל מערכות מידע}}, [[PHONE|04-9801352]]\n\nפירוט: שעון הנוכחות בכניסה לבניין לא מתחבר מאז ההפסקת חשמל. השעון בכתובת [[IP_ADDRESS|10.20.1.45]], השרת ב-[[IP_ADDRESS|10.20.1.2]].\n[[PERSON|פאדי]] ציין שהעובדת [[PERSON|ג'יהאן]] מהרווחה לא הצליחה להחתים כבר {{3}} ימים.\nטכנאי: [[PERSON|אסף לוי]] יגיע {{יום שני}} בבוקר. אם יש צורך, לתאם מול [[PERSON|אבו נאיף]] מהאחזקה: [[PHONE|050-6631027]].\nהערה: לא להגיע ב{{זיארת נבי סבלאן}}.\nגישה לממשק השעון: admin / pwd: [[SECRET|Bj@n-Cl0ck!77]] (להחליף אחרי הביקור).",
    ),
    (
        "support_ticket",
        "ar/SA-Mixed",
        'تذكرة دعم رقم: {{KSA-33107}}\nالعميل: {{مستوصف ابن سينا الطبي}} - {{الدمام}}\nمقدم الطلب: د. [[PERSON|هيفاء الخالدي]] - [[PHONE|013 834 2207]]\n\nالوصف: "لا نستطيع إرسال رسائل التذكير للمرضى منذ تحديث {{2.7}}. الموظف [[PERSON|ياسر]] جرّب مفتاح الربط الجديد [[SECRET|msg_prod_A8f3K2x9Lq7W0zR4tYb1]] ولم ينجح."\n\nرد الدعم ([[PERSON|عبدالإله المطيري]]):\nد. [[PERSON|هيفاء]]، تم إلغاء المفتاح لأنه أُرسل في نص مفتوح، وتم إصدار مفتاح جديد لـ[[PERSON|ياسر القرني]] عبر البوابة. سبب المشكلة كان حجب عنوان الخادم [[IP_ADDRESS|82.167.40.113]]. نعتذر عن الإزعاج قبل {{اليوم الوطني}}.',
    ),
    (
        "support_ticket",
        "ar/EG-Egyptian",
        'شكوى رقم {{CMP-5510}} - قناة: تليفون\n\nالعميلة: [[PERSON|سلمى عبد العزيز]] ({{صيدليات سلمى}} - {{المنصورة}})\nرقم التواصل: [[PHONE|0155 234 8817]]\nالشكوى: "الفاتورة بتاعة شهر {{أغسطس}} اتحسبت مرتين، {{3,200 جنيه}} زيادة. كلمت [[PERSON|أحمد]] من المبيعات وقاللي هيرجعلي ومحدش رجعلي."\n\nالمتابعة ([[PERSON|منة الله حسن]]):\n- راجعت مع [[PERSON|أحمد فاروق]]: فعلًا في خصم مكرر على الكارت المنتهي بـ{{4417}}.\n- تم عمل استرداد، ووصل إشعار على [[EMAIL|salma.pharmacies@yahoo.com]].\n- عنوان إرسال الفاتورة المعدلة: [[ADDRESS|42 شارع الجمهورية، المنصورة، الدقهلية]]',
    ),
    (
        "support_ticket",
        "am/IL-Ethiopian",
        'የድጋፍ ትኬት {{TK-1207}} - {{ኔጌቭ ሞባይል}}\n\nጠያቂ: ወ/ሮ [[PERSON|አልማዝ ደሳለኝ]] ({{ቤርሼቫ}})\nስልክ: [[PHONE|052-7419380]]\nችግር: "የ{{ክሬዲት ሞባይል}} መተግበሪያ ከ{{ስሪት 5.1}} በኋላ አይከፈትም። ልጄ [[PERSON|ዮናስ]] ሞክሮ ነበር።"\n\nየወኪል ማስታወሻ ([[PERSON|ሰለሞን ተስፋዬ]]): ደንበኛዋ ዕብራይስጥ ትንሽ ትናገራለች፣ በአማርኛ ተነጋገርን። መተግበሪያውን እንደገና ጫንን፤ ይሰራል። የሚቀጥለው ክፍያ {{89 ₪}} በ{{1 ጥር}} ነው። [[PERSON|አልማዝ]] ለ{{ሲግድ}} በዓል ምስጋና አቀረበች።\nተጨማሪ: [[PERSON|ዮናስ]] የመለያ ቅጽበታዊ ገጽ እይታ በ[[EMAIL|yonas.desalegn@gmail.com]] ላከ። የ{{ኔጌቭ ሞባይል}} {{ቤተሰብ ጥቅል}} ዋጋ {{129 ₪}} መሆኑን ነገርናት። ትኬቱ {{ማክሰኞ}} ተዘግቷል።',
    ),
    (
        "whatsapp_export",
        "en/AE-Mixed",
        "[14/09/2025, 10:02:11] [[PERSON|Arjun Khanna]]: Hi Mr. [[PERSON|Al Falasi]], this is [[PERSON|Arjun]] from {{Oasis Fleet Solutions}}. Sharing the quote for {{25}} trackers as discussed\n[14/09/2025, 10:02:15] [[PERSON|Arjun Khanna]]: <attached: 00000031-Quote_OFS-1190.pdf>\n[14/09/2025, 10:40:03] [[PERSON|Obaid Al Falasi]]: Thanks [[PERSON|Arjun]]. Price is ok but I need installation in {{Jebel Ali}} yard, not {{Al Quoz}}\n[14/09/2025, 10:41:20] [[PERSON|Arjun Khanna]]: No problem. Can you share the exact location?\n[14/09/2025, 10:45:52] [[PERSON|Obaid Al Falasi]]: Location: [[ADDRESS|Plot S30514, Jebel Ali Free Zone South, Dubai]]\n[14/09/2025, 10:46:30] [[PERSON|Obaid Al Falasi]]: Ask for [[PERSON|Ramesh]] the yard supervisor [[PHONE|+971 55 412 6630]]\n[14/09/2025, 11:05:12] [[PERSON|Arjun Khanna]]: 👍 Will send our technician [[PERSON|Jomon]] on {{Tuesday}}. Total {{AED 38,750}} incl. VAT\n[15/09/2025, 08:12:44] [[PERSON|Obaid Al Falasi]]: This message was deleted\n[15/09/2025, 08:13:10] [[PERSON|Obaid Al Falasi]]: Approved. Send invoice to [[EMAIL|accounts@alfalasitransport.ae]]",
    ),
    (
        "whatsapp_export",
        "en/NG",
        "22/06/2025, 19:04 - Messages and calls are end-to-end encrypted.\n22/06/2025, 19:04 - [[PHONE|+234 803 772 1409]]: Good evening, I got your number from [[PERSON|Tunde]] at {{Shoprite Ikeja}}. Is this {{Nairatrack}} sales?\n22/06/2025, 19:10 - [[PERSON|Chiamaka]] ({{Nairatrack}}): Good evening sir, yes! I'm [[PERSON|Chiamaka]]. Who am I speaking with?\n22/06/2025, 19:12 - [[PHONE|+234 803 772 1409]]: [[PERSON|Emmanuel Adebayo]], I run {{Adebayo & Sons Provisions}} in {{Ibadan}}. We need inventory software for 3 shops\n22/06/2025, 19:15 - [[PERSON|Chiamaka]] ({{Nairatrack}}): Wonderful. Our {{Shop Plus}} plan is {{₦45,000}} monthly. Can we do a demo on {{Monday}}?\n22/06/2025, 19:21 - [[PHONE|+234 803 772 1409]]: {{Monday}} is fine. My daughter [[PERSON|Blessing]] will join, she manages the {{Bodija}} shop. Her line is [[PHONE|0706 118 2254]]\n22/06/2025, 19:22 - [[PERSON|Chiamaka]] ({{Nairatrack}}): Noted 🙏 God bless you sir\n22/06/2025, 19:22 - [[PHONE|+234 803 772 1409]]: Amen. Bless you too",
    ),
    (
        "whatsapp_export",
        "en/IL-Anglo",
        "[3/2/25, 8:15:02 PM] [[PERSON|Shoshana Klein]]: Hi [[PERSON|Avi]], it's [[PERSON|Shoshana]] from {{Klein Kosher Catering}}. Are we still on for the tasting {{Thursday}}?\n[3/2/25, 8:20:41 PM] [[PERSON|Avi Goldfarb]]: Yes! {{Thursday}} at 7 works. Where again?\n[3/2/25, 8:21:10 PM] [[PERSON|Shoshana Klein]]: [[ADDRESS|22 HaPalmach St, Ra'anana]]. Park on {{Ahuza}}\n[3/2/25, 8:22:33 PM] [[PERSON|Avi Goldfarb]]: Great. My wife [[PERSON|Hope]] will come too, she's doing the seating for the bar mitzvah\n[3/2/25, 8:23:05 PM] [[PERSON|Shoshana Klein]]: Lovely! Tell [[PERSON|Hope]] I {{hope}} she likes spicy 😄 Menu {{B}} is {{₪185}} per head for {{120}} guests\n[3/2/25, 8:30:47 PM] [[PERSON|Avi Goldfarb]]: Can we pay half by card now? \u200e<This message was edited>\n[3/2/25, 8:31:15 PM] [[PERSON|Shoshana Klein]]: Sure, my husband [[PERSON|Mordechai]] handles payments, [[PHONE|054-6630217]]\n[3/2/25, 8:31:40 PM] [[PERSON|Avi Goldfarb]]: 👍 see you {{Thursday}}",
    ),
    (
        "whatsapp_export",
        "en/PH-Filipino",
        "[05/11/2025, 9:01:17 AM] [[PERSON|Rowena Dimaculangan]]: Good morning Sir [[PERSON|Kevin]]! Follow up lang po on the {{POS Lite}} quote for our 2 branches in {{Quezon City}} and {{Makati}}\n[05/11/2025, 9:15:40 AM] [[PERSON|Kevin Uy]]: Morning [[PERSON|Rowena]]! Yes, sending now. {{₱18,500}} per branch per year, with {{GCash}} integration\n[05/11/2025, 9:16:02 AM] [[PERSON|Kevin Uy]]: QUOTE-PH-3391.pdf • 2 pages <attached>\n[05/11/2025, 9:30:55 AM] [[PERSON|Rowena Dimaculangan]]: Thank you po! Our owner Ma'am [[PERSON|Lourdes]] wants a discount since we're opening a 3rd store before {{Christmas}}\n[05/11/2025, 9:35:20 AM] [[PERSON|Kevin Uy]]: Can do {{10%}} if signed before {{Undas}}. Please have Ma'am [[PERSON|Lourdes]] call me at [[PHONE|+63 917 330 4418]]\n[05/11/2025, 9:36:12 AM] [[PERSON|Rowena Dimaculangan]]: Noted po! Her number is [[PHONE|+63 998 551 2096]] if you want to call her instead",
    ),
    (
        "whatsapp_export",
        "he/IL-Mizrahi",
        "[21.3.2025, 11:02:45] [[PERSON|אסף]] מ CRM: היי [[PERSON|חני]], זה [[PERSON|אסף]] מ{{סמארט-ליד}}. רק מוודא שקיבלת את ההצעה?\n[21.3.2025, 11:10:12] [[PERSON|חני בוחבוט]]: קיבלתי תודה. [[PERSON|ששון]] בעלי רוצה לראות עוד פעם לפני שחותמים\n[21.3.2025, 11:11:03] [[PERSON|אסף]] מ CRM: בטח, אפשר לקבוע זום? או שאגיע ל{{קריית ביאליק}}\n[21.3.2025, 11:15:30] [[PERSON|חני בוחבוט]]: עדיף שתבוא. [[ADDRESS|רחוב דפנה 6, קריית ביאליק]], קומה 2\n[21.3.2025, 11:16:02] [[PERSON|חני בוחבוט]]: \u200f<המדיה לא נכללה>\n[21.3.2025, 11:20:44] [[PERSON|אסף]] מ CRM: מעולה. {{יום ראשון}} ב-10? אחרי {{פורים}} כבר יהיה לחוץ\n[21.3.2025, 11:22:10] [[PERSON|חני בוחבוט]]: סגור. אם [[PERSON|ששון]] לא עונה זה [[PHONE|052-7718340]]\n[21.3.2025, 11:22:51] [[PERSON|אסף]] מ CRM: 👍 נתראה",
    ),
    (
        "whatsapp_export",
        "he/IL-Ethiopian",
        "12/11/2025, 18:30 - [[PERSON|דני ג'מבר]]: ערב טוב [[PERSON|מסרט]], זה [[PERSON|דני]] מ{{קופת גמל ישיר}}. קיבלתי את הפנייה שלך באתר\n12/11/2025, 18:42 - [[PHONE|+972 53-220-9174]]: שלום [[PERSON|דני]], כן, רציתי לשאול על חיסכון לילדים\n12/11/2025, 18:43 - [[PHONE|+972 53-220-9174]]: אני [[PERSON|מסרט אבבה]], מ{{נתניה}}\n12/11/2025, 18:50 - [[PERSON|דני ג'מבר]]: נעים מאוד! המסלול שמתאים לך הוא {{חיסכון לכל ילד - מסלול מנייתי}}. אשלח לך טופס\n12/11/2025, 18:55 - [[PHONE|+972 53-220-9174]]: תודה. אחרי {{סיגד}} אני פנויה לשיחה\n12/11/2025, 18:56 - [[PERSON|דני ג'מבר]]: מעולה, אתקשר מהמשרד [[PHONE|09-8614470]]. חג שמח!",
    ),
    (
        "whatsapp_export",
        "ar/AE-Gulf",
        "[2025/04/02، 9:12 م] [[PERSON|حمد الكعبي]]: السلام عليكم أخوي [[PERSON|مازن]]، بغيت أسألك عن عرض {{نظام ضيافة}} للمجلس\n[2025/04/02، 9:20 م] [[PERSON|مازن حداد]]: وعليكم السلام [[PERSON|بو سيف]]، أكيد. السعر {{12,000 درهم}} بالسنة مع الصيانة\n[2025/04/02، 9:22 م] [[PERSON|حمد الكعبي]]: زين، بس أبي تركيب قبل {{العيد}}. الموقع: [[ADDRESS|فيلا 9، شارع 17، الخوانيج 2، دبي]]\n[2025/04/02، 9:25 م] [[PERSON|مازن حداد]]: إن شاء الله. بيتواصل معاك الفني [[PERSON|عمر]] على [[PHONE|056 223 8814]]\n[2025/04/02، 9:26 م] [[PERSON|حمد الكعبي]]: تمام. ولدي [[PERSON|سيف]] بيكون موجود، رقمه [[PHONE|050 998 1205]]\n[2025/04/02، 9:30 م] [[PERSON|مازن حداد]]: \u200fتم حذف هذه الرسالة\n[2025/04/02، 9:31 م] [[PERSON|مازن حداد]]: تسلم. بنرسل الفاتورة {{INV-DXB-4410}} باكر",
    ),
    (
        "whatsapp_export",
        "ar/EG-Egyptian",
        "5/10/25، 2:14 م - أ. [[PERSON|رضا]] - المبيعات: مساء الخير يا [[PERSON|أم يوسف]]، العرض جاهز\n5/10/25، 2:30 م - [[PHONE|+20 10 2847 5519]]: مساء النور يا أستاذ [[PERSON|رضا]]. الباقة كام؟\n5/10/25، 2:32 م - أ. [[PERSON|رضا]] - المبيعات: {{باقة المحلات}} بـ{{750 جنيه}} في الشهر، وأول شهر مجاني لحد {{المولد}}\n5/10/25، 2:40 م - [[PHONE|+20 10 2847 5519]]: طب حلو. [[PERSON|يوسف]] ابني هو اللي هيتعامل مع السيستم\n5/10/25، 2:41 م - [[PHONE|+20 10 2847 5519]]: ده رقمه [[PHONE|0112 905 3381]]\n5/10/25، 2:45 م - أ. [[PERSON|رضا]] - المبيعات: تمام، هكلم [[PERSON|يوسف]] النهارده. العنوان لسه [[ADDRESS|8 شارع عباس العقاد، مدينة نصر]]؟\n5/10/25، 2:47 م - [[PHONE|+20 10 2847 5519]]: أيوه 👍",
    ),
    (
        "whatsapp_export",
        "ar/JO-Palestinian",
        "[10/02/2025, 17:05:10] [[PERSON|سارة عودة]]: مرحبا [[PERSON|أبو رامي]]، معك [[PERSON|سارة]] من {{نبض للحلول}}. حابة أتأكد إنو وصلك العرض\n[10/02/2025, 17:30:44] [[PERSON|أبو رامي العتوم]]: أهلين، وصل. بس السعر عالي شوي، {{2,400 دينار}}\n[10/02/2025, 17:32:01] [[PERSON|سارة عودة]]: بقدر أعطيك {{10%}} إذا وقعنا قبل {{عيد الفطر}}\n[10/02/2025, 17:40:15] [[PERSON|أبو رامي العتوم]]: خلص تمام. احكي مع [[PERSON|رامي]] ابني، هو ماسك المحاسبة، [[PHONE|077 814 2290]]\n[10/02/2025, 17:41:02] [[PERSON|سارة عودة]]: \u200f<تم استبعاد الوسائط>\n[10/02/2025, 17:41:30] [[PERSON|سارة عودة]]: هاد العقد، وهاد رقمي المباشر [[PHONE|+962 79 552 1048]]\n[10/02/2025, 17:45:52] [[PERSON|أبو رامي العتوم]]: يعطيكي العافية",
    ),
    (
        "whatsapp_export",
        "arabizi/LB-Levantine",
        "[08/07/2025, 13:02:40] [[PERSON|Nadine Sfeir]]: hi [[PERSON|Elie]], ana [[PERSON|Nadine]] men {{Phoenicia Soft}}. shou sar bel demo?\n[08/07/2025, 13:10:05] [[PERSON|Elie Gemayel]]: hi [[PERSON|Nadine]] 🙂 3jbetna ktir, bas [[PERSON|abou Charbel]] baddo y7ke ma3ik 3al se3er\n[08/07/2025, 13:11:30] [[PERSON|Nadine Sfeir]]: akid, el se3er {{$3,600}} bel sene la {{10 users}}. fiye 23mello {{5%}} iza mna3mol el contract abel {{3id el sayde}}\n[08/07/2025, 13:20:12] [[PERSON|Elie Gemayel]]: tmem. hayda raamo [[PHONE|+961 3 884 127]], bi fadel tehkih ba3d el 4\n[08/07/2025, 13:21:00] [[PERSON|Nadine Sfeir]]: 7elo, merci [[PERSON|Elie]]. w l email tab3ak [[EMAIL|elie.gemayel@gemayelbros.com]] sa7?\n[08/07/2025, 13:22:45] [[PERSON|Elie Gemayel]]: eh sa7. w cc [[PERSON|Rita]] bel finance",
    ),
    (
        "deal_review",
        "en/AE-Mixed",
        "DEAL REVIEW - {{Aldar Properties}} / {{PropStack CRM}} - forecast call {{Week 38}}\n\nAmount: {{AED 2.35M}} (3 yrs) | Stage: {{Commit}} | Close: {{30 Sep}} | Owner: [[PERSON|Camille Fontaine]]\n\nWhat changed: [[PERSON|Camille]] met [[PERSON|Mohamed Khalfan Al Romaithi]] ({{CIO}}) on {{Monday}}; he confirmed budget but procurement ([[PERSON|Reem Al Hosani]]) wants {{payment terms 90 days}}.\nRisks: (1) {{Yardi}} is offering a free year; (2) the legal reviewer, [[PERSON|Nikhil Bhatia]] from {{Al Tamimi & Company}}, is out until after {{Mawlid}}.\nManager comments ([[PERSON|Stefan Kovač]]): I'm not comfortable calling this {{Commit}}. [[PERSON|Camille]], get [[PERSON|Reem]] on a call this week ([[PHONE|+971 2 810 5566]]) and ask [[PERSON|Mohamed]] directly whether {{Yardi}} is in the final round.\nSandbox creds shared with client (rotate after POC): user aldar_poc / pwd: [[SECRET|Pr0pSt@ck-Ald4r!]]\nDecision: move to {{Best Case}}, revisit {{Thursday}}.",
    ),
    (
        "deal_review",
        "en/US-Mixed",
        "Q3 Deal Review - {{Summit Orthopedics}} ({{OPP-77301}})\n\nRep: [[PERSON|Jasmine Carter]] | SE: [[PERSON|Arash Farahani]] | Manager: [[PERSON|Bill Novak]]\nACV {{$312,000}}, {{36-month}} term, {{18%}} discount requested (policy max {{15%}}).\n\nMEDDICC:\n- Metrics: reduce no-shows {{22%}} -> {{12%}}; Dr. [[PERSON|Olivia Grant]] owns this KPI.\n- Economic buyer: [[PERSON|Rich Palmieri]], {{CFO}}. [[PERSON|Rich]] is {{rich}} in opinions but light on time - 2 meetings cancelled. His EA: [[PHONE|(952) 417-3391]].\n- Decision criteria: {{Epic}} integration, {{HL7}} support, price.\n- Champion: [[PERSON|Olivia]] (strong). Mobile [[PHONE|(952) 417-3380]].\n- Competition: {{Phreesia}}, {{Luma Health}}.\n[[PERSON|Bill]]'s take: approve {{17%}} only if signed before {{Labor Day}}; [[PERSON|Jasmine]] to ask [[PERSON|Olivia]] for a 15-min slot with [[PERSON|Palmieri]].",
    ),
    (
        "deal_review",
        "en/GB-Mixed",
        "Pipeline review notes - {{Sainsbury's}} {{Store Ops}} expansion\n\nAttendees: [[PERSON|Hamish Gordon]] (RVP), [[PERSON|Adaeze Obi]] (AE), [[PERSON|Tobias Kessler]] (SE)\nValue: {{£780k}} TCV | Stage {{4 - Proposal}} | Close {{31 Jan 2026}}\n\n[[PERSON|Adaeze]]: we're in a bake-off with {{Zebra}}; pilot at the {{Holborn}} store scored {{4.6/5}}. Sponsor is [[PERSON|Priya Sharma-Jones]], {{Head of Store Technology}}; her boss [[PERSON|Giles Whitworth]] hasn't engaged.\n[[PERSON|Hamish]]: get [[PERSON|Giles]] before {{Christmas}} freeze. Use [[PERSON|Priya]] to set it up - her mobile is [[PHONE|07712 448 093]].\n[[PERSON|Tobias]]: pilot devices still report to [[IP_ADDRESS|10.120.8.33]]; need security sign-off from [[PERSON|Kwabena Mensah]].\nAction: [[PERSON|Adaeze]] to send exec summary to [[EMAIL|priya.sharmajones@sainsburys.co.uk]] by {{Friday}}.",
    ),
    (
        "deal_review",
        "en/IN-Mixed",
        "Deal Desk review #{{DD-4471}} - {{Tata Steel}} {{Kalinganagar}} plant\n\nRequested by: [[PERSON|Vivek Chandrasekaran]] | Approvers: [[PERSON|Meera Joshi]] (Finance), [[PERSON|Anthony D'Souza]] (Legal)\nDeal: {{PlantPulse IoT}} {{Enterprise}}, {{2,400}} sensors, {{₹4.8 crore}} over 3 years. Non-standard: {{120-day}} payment terms, unlimited liability for data breach.\n\n[[PERSON|Meera]]: {{120 days}} is fine if we invoice annually upfront. [[PERSON|Anthony]]: unlimited liability is a no; counter with {{2x}} annual fees.\nClient contacts: [[PERSON|S. Ramakrishnan]] ({{GM Procurement}}, [[PHONE|+91 94370 22815]]), [[PERSON|Ipsita Mohanty]] ({{Plant IT}}, [[PHONE|+91 94371 80442]]).\nNote: [[PERSON|Vivek]] says [[PERSON|Ramakrishnan]] retires after {{Durga Puja}}; successor unknown. Close before {{Oct 20}}.",
    ),
    (
        "deal_review",
        "he/IL-Mixed",
        'סקירת עסקה - {{שטראוס גרופ}} / {{מודול תחזית ביקושים}}\n\nסכום: {{1.6 מיליון ₪}} לשלוש שנים | שלב: {{הצעה}} | בעלים: [[PERSON|ענבל שרעבי]]\nמה קרה: [[PERSON|ענבל]] הציגה ל[[PERSON|גיל ברק]], {{סמנכ"ל שרשרת אספקה}}, והוא ביקש פיילוט ב{{מפעל נצרת עילית}}. [[PERSON|גיל]] רוצה שגם [[PERSON|סוהא עבאס]] מהדאטה תהיה מעורבת ([[PHONE|052-4489021]]).\nסיכונים: {{SAP IBP}} כבר מותקן אצלם; הרכש (ע"י [[PERSON|רונן]]) מבקש {{20%}} הנחה.\nהערת מנהל ([[PERSON|אליעזר פינטו]]): לא לתת יותר מ-{{12%}} בלי אישור סמנכ"ל. לתאם פגישה עם [[PERSON|גיל]] לפני {{ראש השנה}}; הטלפון שלו [[PHONE|054-3207718]].\nהחלטה: נשאר ב-{{Best Case}}.',
    ),
    (
        "deal_review",
        "he/IL-Russian",
        'ריביו עסקאות שבועי - צוות {{אנטרפרייז}}\n\n1) {{בנק הפועלים}} - {{CX Suite}} - {{2.2 מיליון ₪}}\nבעלים: [[PERSON|דמיטרי זילברמן]]. [[PERSON|דימה]] מדווח שהאחראית אצלם, [[PERSON|ויקטוריה לבדב]], עזבה. המחליף, [[PERSON|אהרון שושן]], עוד לא פגש אותנו.\nהחלטה: להוריד ל-{{Pipeline}} עד שנפגוש את [[PERSON|שושן]].\n\n2) {{אלקטרה}} - {{Field Service}} - {{640 אלף ₪}}\nבעלים: [[PERSON|מאיה קורן]]. סגירה צפויה לפני {{חנוכה}}. [[PERSON|מאיה]] צריכה חתימה של עו"ד [[PERSON|ליאורה בן חיים]] ([[PHONE|03-6842210]]).\nהערה: גישת POC ללקוח - משתמש electra_poc, password=[[SECRET|Elc!Fs2025#poc]] - להחליף מיד אחרי הדמו.',
    ),
    (
        "deal_review",
        "he/IL-Arab",
        "סקירת עסקה: {{עיריית טייבה}} - {{מערכת פניות ציבור}}\n\nהיקף: {{380,000 ₪}} | שלב: {{מכרז}} | תאריך הגשה: {{15.12.2025}}\nבעלים: [[PERSON|ח'אלד מסארווה]], [[PHONE|050-7731264]]\nרקע: ראש מחלקת המחשוב, [[PERSON|ראמי חאג' יחיא]], ביקש שהמערכת תתמוך ב{{ערבית}} ובעברית. [[PERSON|ח'אלד]] מכיר אותו מ{{אוניברסיטת חיפה}}.\nמתחרים: {{קומפיוטר ולדמן}}, {{אייבי-אם}}.\nדגשים מ[[PERSON|נועה שפירא]] ({{מנהלת מכירות}}): לצרף המלצה מ{{עיריית כפר קאסם}}; לוודא שהערבות הבנקאית מוכנה ב{{בנק לאומי}}.\nסיכון: [[PERSON|ראמי]] יוצא לחופש ב{{עיד אל-פיטר}}. טלפון: [[PHONE|09-7993120]].",
    ),
    (
        "deal_review",
        "ar/SA-Mixed",
        "مراجعة الصفقة - {{الشركة السعودية للكهرباء}} - {{منصة خدمة العملاء}}\n\nالقيمة: {{4.2 مليون ريال}} | المرحلة: {{التفاوض}} | المسؤول: [[PERSON|بندر العمري]] ([[PHONE|+966 55 720 3318]])\nالمستجدات: التقى [[PERSON|بندر]] بالمهندس [[PERSON|عبدالمجيد الزهراني]]، {{مدير التحول الرقمي}}، وطلب عرضًا مخفضًا بنسبة {{18%}}. [[PERSON|أبو ماجد]] (المدير المالي) يريد الدفع على {{4}} أقساط.\nالمنافسون: {{أوراكل}}، {{عِلم}}.\nتعليق المدير ([[PERSON|نوف السبيعي]]): لا نتجاوز {{12%}}، ونقترح إضافة التدريب مجانًا. التواصل مع [[PERSON|عبدالمجيد]] على [[PHONE|+966 50 914 2276]] قبل {{يوم التأسيس}}.\nالقرار: تبقى في {{الالتزام}}.",
    ),
    (
        "deal_review",
        "ar/MA-Maghrebi",
        "مراجعة صفقة - {{المكتب الشريف للفوسفاط}} - {{نظام تتبع الأسطول}}\n\nالمبلغ: {{3.1 مليون درهم}} | المسؤول: [[PERSON|أنس بنكيران]]\nالوضعية: [[PERSON|أنس]] دار العرض مع السيد [[PERSON|رشيد الوزاني]] في {{خريبكة}}، وقال ليه بلي القرار غادي يكون من بعد {{عيد العرش}}.\nالمخاطر: الشركة الفرنسية {{Geoloc Pro}} عطات ثمن أرخص بـ{{12%}}. [[PERSON|رشيد]] بغا يشوف مرجع عند {{مرسى المغرب}}.\nملاحظة المديرة ([[PERSON|كوثر العلمي]]): خاص [[PERSON|أنس]] يتصل بالحاج [[PERSON|عبد القادر]] في المشتريات: [[PHONE|0661 42 73 18]].",
    ),
    (
        "deal_review",
        "ar-en/AE-CodeSwitch",
        "Deal review - {{Emirates Islamic}} x {{FinServe Cloud}} - {{Q4}}\n\n[[PERSON|Yasmin]]: OK so the deal is {{AED 1.1M}}, stage {{Negotiation}}. الـ champion عندهم هو [[PERSON|Hamdan Al Marzooqi]], بس الـ economic buyer Dr. [[PERSON|Fatma]] مو مقتنعة بالـ pricing.\n[[PERSON|Rohan]]: we gave {{10%}} already. شو تبي زيادة؟\n[[PERSON|Yasmin]]: تبي {{15%}} و {{free onboarding}}. And she wants it signed قبل {{National Day}}.\n[[PERSON|Rohan]]: ما أقدر أعطي أكثر من {{12%}} بدون approval من [[PERSON|Georg]].\n[[PERSON|Georg Lindner]]: Fine, {{12%}} + onboarding. [[PERSON|Yasmin]], call [[PERSON|Hamdan]] today - رقمه [[PHONE|+971 50 229 7741]] - and ask him يرتب meeting مع [[PERSON|Fatma]].\n[[PERSON|Yasmin Haddad]]: تمام، will update {{Salesforce}} بعد الاجتماع.",
    ),
]
