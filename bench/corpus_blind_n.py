# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool N: 150 hand-written sales-CRM records, ten each of fifteen kinds (SMS dialer logs, auto-transcribed voicemails, lead web forms, meeting minutes, account plans, referral notes, order forms, event attendee lists, multi-level forwarded email chains, LLM system prompts with CRM context, JSON tool-call arguments, markdown deal tables, Notion-style personal notes, rep/assistant chat histories and JSON CRM tool results with every non-ASCII character as a \\uXXXX escape), about 60 in English, 38 in Hebrew, 37 in Arabic (Gulf, Najdi, Hijazi, Levantine, Palestinian, Egyptian, Iraqi, Moroccan, Algerian, Tunisian, Sudanese, Yemeni, MSA) and 15 in other languages or code-switched mixes (Russian, French, Spanish, German, Portuguese, Turkish, Persian, Hindi, Urdu, Tagalog, Swahili, Amharic, Arabizi, Hebrew/English, Arabic/English). People come from Mizrahi, Ashkenazi, Yemenite, Ethiopian-Israeli, Russian-speaking, Haredi, Druze, Bedouin and Arab-Israeli communities, the Gulf, the Levant, Egypt, the Maghreb, Sudan, Somalia, West and East Africa, South and East Asia, Turkey, Iran, the Caucasus, Europe and the Americas, written with particles (bin, bint, Al-, El, ben, ibn, van der, de la), kunyas, initials, hyphens, geresh, ALL CAPS, lower case, handles and email local parts, and as ordinary words elsewhere; phones, addresses and IDs follow each region's own conventions. Controls include companies, streets and towns named after people, brands, titles, products, plans, holidays, Hebrew and Hijri dates, amounts in many currencies, percentages and document numbers.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "sms_log",
        "en/IL-Ethiopian",
        "[2025-03-04 09:12:33] OUT -> [[PHONE|054-6721193]] (agent: [[PERSON|Yael Demissie]])\nHi [[PERSON|Worku]], it's [[PERSON|Yael]] from {{Shamir Optics}}. Still good for {{Thursday}} 10:30 demo of {{LensTrack Pro}} at the {{Kiryat Gat}} branch?\n[2025-03-04 09:40:02] IN <- [[PHONE|054-6721193]]\nyes ok. bring price for 3 branches. also add [[PERSON|Almaz]] she is office mgr [[PHONE|052-3318470]]\n[2025-03-04 09:41:15] OUT -> [[PHONE|052-3318470]]\nHi [[PERSON|Almaz]], [[PERSON|Yael]] from {{Shamir}} here, [[PERSON|Worku Tadesse]] asked me to loop you in on quote {{Q-2291}} ({{₪14,600}} + VAT)\n[2025-03-04 11:02:48] IN <- [[PHONE|052-3318470]]\nthx! send to [[EMAIL|almaz.b@optika-negev.co.il]] pls. we r closed on {{Sigd}} so not {{Wed}}\n[2025-03-04 11:03:10] SYS delivery OK | campaign {{SPRING-IL-07}}",
    ),
    (
        "sms_log",
        "en/AE-Indian",
        "Dialer export | line {{DXB-OUT-3}} | owner: [[PERSON|anoop.varghese]]\n12-Jan-2025 14:02 TO [[PHONE|+971 55 918 2047]]: Dear Mr. [[PERSON|Kuruvilla]], gentle reminder - {{Al Futtaim}} fleet renewal ({{32 units}}, {{Toyota Hilux}}) expires {{31 Jan}}. Shall I block {{Sunday}} 11am? - [[PERSON|Anoop]], {{Gulf Fleet Leasing}}\n12-Jan-2025 14:20 FROM [[PHONE|+971 55 918 2047]]: [[PERSON|Anoop]] pls call my PA [[PERSON|Rinku]] on [[PHONE|04 339 7712]], I am at {{Dubai Investments Park}} site till {{Pongal}} week\n12-Jan-2025 14:21 TO [[PHONE|04 339 7712]]: Hi [[PERSON|Rinku]], per [[PERSON|Thomas K.]] pls share a slot for the renewal call. Ref {{LSE-88310}}\n13-Jan-2025 09:05 FROM [[PHONE|+971 50 266 0419]]: This is [[PERSON|Rinku Abraham]], {{Tue}} 3pm ok for Sir. Email [[EMAIL|rinku.abraham@kuruvilla-group.ae]]\n13-Jan-2025 09:06 TO [[PHONE|+971 50 266 0419]]: Noted, invite sent. Regards, [[PERSON|Anoop V.]]",
    ),
    (
        "sms_log",
        "en/NG-Igbo",
        "SMS THREAD #48817 | Channel: Termii | Rep: [[PERSON|Chidinma Okafor-Eze]]\n[03/02/2025 08:15] OUT to [[PHONE|0803 412 7765]]: Good morning sir, this is [[PERSON|Chidinma]] from {{Nkemelu & Sons}} Logistics. Your quote for 2 x {{40ft}} containers {{Apapa}} to {{Onitsha}} is {{₦4,850,000}}. Valid till {{Friday}}.\n[03/02/2025 08:47] IN from [[PHONE|0803 412 7765]]: Morning. Who gave u my number? Anyway talk to my son [[PERSON|Ikenna]] [[PHONE|08139920461]]\n[03/02/2025 08:49] OUT to [[PHONE|08139920461]]: Hello [[PERSON|Ikenna]], [[PERSON|Chidinma]] here. Your dad Chief [[PERSON|Obiora Nwachukwu]] asked me to reach you re haulage quote {{QT-NG-0457}}. Can we talk today?\n[03/02/2025 10:02] IN from [[PHONE|08139920461]]: ok call after 2. Send the doc to [[EMAIL|ikenna.nwachukwu@obimart.ng]]. {{Will}} be in {{Enugu}} for {{Easter}} so next wk is bad\n[03/02/2025 10:03] NOTE ([[PERSON|C. Okafor-Eze]]): Mr [[PERSON|Nwachukwu]] = decision maker, [[PERSON|Ikenna]] runs ops. Follow up {{Tuesday}}.",
    ),
    (
        "sms_log",
        "en/KE",
        'africastalking_export.csv\nts,direction,msisdn,agent,body\n2025-05-19T07:58:11Z,OUT,[[PHONE|+254 712 448 903]],[[PERSON|wanjiru.kamau]],"Hi Mr. [[PERSON|Otieno]], {{SolarNova}} here. Your {{Home 300W}} kit install in {{Kisumu}} is set for {{Saturday 24 May}}. Reply YES to confirm."\n2025-05-19T08:03:40Z,IN,[[PHONE|+254 712 448 903]],,"YES. but my wife [[PERSON|Akinyi]] will be home not me. her line [[PHONE|0722 310 557]]"\n2025-05-19T08:04:02Z,OUT,[[PHONE|0722 310 557]],[[PERSON|wanjiru.kamau]],"Hello [[PERSON|Akinyi]], installer [[PERSON|Baraka Mwangi]] will come Sat 9am. Balance {{KES 18,500}} via {{M-Pesa}} paybill {{400200}}."\n2025-05-19T09:30:55Z,IN,[[PHONE|0722 310 557]],,"Sawa. Is it [[PERSON|Baraka]] from {{Kondele}}? Our gate is on {{Oginga Odinga Street}}, the blue one near {{Naivas}}"\n2025-05-19T09:31:20Z,OUT,[[PHONE|0722 310 557]],[[PERSON|wanjiru.kamau]],"Yes same one. Asante! - [[PERSON|Wanjiru]], SolarNova {{Kisumu}}"',
    ),
    (
        "sms_log",
        "he/IL-Mizrahi",
        "יומן SMS | נציגה: [[PERSON|מורן אבוטבול]] | קמפיין {{חידוש טסט 2025}}\n05/06/2025 10:14 יוצא ל-[[PHONE|050-7731294]]: שלום [[PERSON|שלמה]], כאן [[PERSON|מורן]] מ{{מוסך אבוטבול}}. הטסט ל{{מאזדה 3}} שלך יוצא ב-{{15.6}}, לקבוע תור ל{{יום ראשון}}?\n05/06/2025 10:52 נכנס מ-[[PHONE|050-7731294]]: תדברי עם אשתי [[PERSON|שולה]] היא מתאמת הכל [[PHONE|052-8840117]]\n05/06/2025 10:53 יוצא ל-[[PHONE|052-8840117]]: היי [[PERSON|שולה]], [[PERSON|שלמה דהאן]] ביקש שנתאם איתך. יש מקום ב{{יום ראשון}} 08:30, אנחנו ב[[ADDRESS|המלאכה 7, אשדוד]] ליד {{ביג פאשן}}\n05/06/2025 11:20 נכנס מ-[[PHONE|052-8840117]]: סבבה אבל רק אחרי {{שבועות}}. ותשלחי חשבונית ל[[EMAIL|shula.dahan1970@gmail.com]]\n05/06/2025 11:21 מערכת: נשלח | פנייה {{48213}} | סניף {{אשדוד}}",
    ),
    (
        "sms_log",
        "he/IL-Haredi",
        "SMS נכנסים | קו מכירות מוסדות | {{כ\"ב באדר תשפ\"ה}}\n09:02 מאת [[PHONE|052-7612093]]: שלום, כאן הרב [[PERSON|יעקב מאיר גולדשמידט]] מ{{ישיבת אור החיים}} ב{{בני ברק}}. צריך הצעה ל-{{40}} מכשירי {{נוקיה 105}} כשרים עם סינון {{רימון}}. לחזור אחרי {{מנחה}}.\n09:15 אל [[PHONE|052-7612093]] (נציג: [[PERSON|חיים פרידמן]]): כבוד הרב [[PERSON|גולדשמידט]], המחיר {{₪189}} ליחידה כולל {{מנוי כשר פלוס}}. לשלוח לגזבר?\n09:40 מאת [[PHONE|052-7612093]]: כן. הגזבר ר' [[PERSON|שמואל קרליבך]] [[PHONE|053-3107745]]. בלי מייל, רק פקס\n09:41 אל [[PHONE|053-3107745]]: ר' [[PERSON|שמואל]] שלום, הרב [[PERSON|יעקב מאיר]] ביקש להעביר אליך הצעה {{2025-0317}}. לאיזה פקס לשלוח? [[PERSON|חיים]]\n10:05 מאת [[PHONE|053-3107745]]: הפקס במשרד לא עובד, תביא ביד ל[[ADDRESS|רחוב רבי עקיבא 88, בני ברק]], קומה ב'. עד {{פורים}}",
    ),
    (
        "sms_log",
        "he/IL-Druze",
        "לוג הודעות | סוכנת: [[PERSON|ראידה חסון]] | מוצר: {{סולאר אדג' 10kW}}\n14/11/24 16:20 → [[PHONE|054-9127730]]: ערב טוב [[PERSON|סלמאן]], כאן [[PERSON|ראידה]] מ{{כרמל אנרגיה}}. הסוקר יגיע לבית ב{{עוספיה}} ב{{יום שלישי}}. הכתובת [[ADDRESS|רח' אבו רוקן 14, עוספיה]]?\n14/11/24 17:05 ← [[PHONE|054-9127730]]: כן נכון. אחי [[PERSON|נביה]] יהיה שם, אני ב{{מילואים}}. המספר שלו [[PHONE|050-6613482]]\n14/11/24 17:06 → [[PHONE|050-6613482]]: שלום [[PERSON|נביה]], אחיך [[PERSON|סלמאן חלבי]] ביקש לתאם סקר גג. מתאים {{יום שלישי}} 10:00? מחיר משוער {{₪38,500}}, החזר תוך {{6 שנים}}\n14/11/24 18:30 ← [[PHONE|050-6613482]]: מתאים. תתקשרי לפני, יש כלב בחצר. ותגידי ל[[PERSON|סלמאן]] שיחזיר לי את ה{{טויוטה}}\n14/11/24 18:31 → [[PHONE|050-6613482]]: 😂 אעביר. תודה [[PERSON|נביה]]",
    ),
    (
        "sms_log",
        "ar/SA-Najdi",
        "سجل الرسائل | المندوب: [[PERSON|فيصل بن عبدالرحمن العتيبي]] | الحملة: {{عروض رمضان 1446}}\n2025/03/02 21:14 صادر إلى [[PHONE|0551847203]]: مساك الله بالخير يا [[PERSON|أبو مشعل]]، معك [[PERSON|فيصل]] من {{مؤسسة الراجحي للتبريد}}. عرض {{جري سبليت 24 ألف}} بـ{{2,350 ريال}} شامل التركيب لين {{نهاية رمضان}}.\n2025/03/02 21:40 وارد من [[PHONE|0551847203]]: هلا [[PERSON|فيصل]]. كلم ولدي [[PERSON|مشعل]] هو اللي ماسك الاستراحة، رقمه [[PHONE|0503329174]]\n2025/03/02 21:42 صادر إلى [[PHONE|0503329174]]: السلام عليكم [[PERSON|مشعل]]، الوالد [[PERSON|سعد بن مطلق الدوسري]] طلب نتواصل معك بخصوص {{6}} مكيفات للاستراحة في {{حي الملقا}}.\n2025/03/03 13:05 وارد من [[PHONE|0503329174]]: وعليكم السلام. ارسل عرض السعر على [[EMAIL|mishal.aldosari@hotmail.com]] والموقع [[ADDRESS|طريق أنس بن مالك، حي الملقا 13521، الرياض]]\n2025/03/03 13:06 صادر إلى [[PHONE|0503329174]]: تم، عرض رقم {{RQ-7731}}. {{رمضان كريم}}",
    ),
    (
        "sms_log",
        "ar/EG-Egyptian",
        "رسايل واتساب بيزنس | {{خط المبيعات 2}} | {{شركة الطوخي للمقاولات}}\n[7/9/2025 10:02] [[PHONE|+20 100 482 1937]]: صباح الخير، أنا م. [[PERSON|هاني عبد المسيح]]، عايزين عرض سعر {{200}} طن {{أسمنت السويدي}} للموقع بتاعنا\n[7/9/2025 10:15] [[PERSON|نرمين]] (مبيعات): أهلاً يا باشمهندس [[PERSON|هاني]]، السعر {{4,150 جنيه}} للطن تسليم {{6 أكتوبر}}، والعرض ساري لحد {{المولد النبوي}}.\n[7/9/2025 10:31] [[PHONE|+20 100 482 1937]]: تمام. كلمي الأستاذ [[PERSON|رامي جرجس]] المحاسب على [[PHONE|01227719046]] عشان الدفع\n[7/9/2025 10:33] [[PERSON|نرمين]] (مبيعات): حاضر. أستاذ [[PERSON|رامي]]، عنوان الفاتورة [[ADDRESS|١٤ شارع السودان، المهندسين، الجيزة]] صح؟ والتسليم في المخزن اللي على {{شارع جمال عبد الناصر}}\n[7/9/2025 11:02] [[PHONE|01227719046]]: صح. وابعتي نسخة لـ [[EMAIL|rami.gerges@eltoukhy-co.com]] لو سمحتي",
    ),
    (
        "sms_log",
        "ru/IL-Russian",
        "СМС-лог | оператор: [[PERSON|Светлана Гринберг]] | кампания {{Партнер Бизнес}}\n12.02.2025 11:05 → [[PHONE|053-4418206]]: Добрый день, [[PERSON|Аркадий Львович]]! Это [[PERSON|Светлана]] из {{Партнер Коммуникейшнс}}. Ваш тариф {{Бизнес 500}} заканчивается {{28.02}}, продлеваем со скидкой {{15%}}?\n12.02.2025 11:30 ← [[PHONE|053-4418206]]: [[PERSON|Светочка]], я в {{Ашдоде}} до {{Пурима}}, пишите сыну [[PERSON|Диме]] [[PHONE|054-8802319]], он всё решает\n12.02.2025 11:32 → [[PHONE|054-8802319]]: [[PERSON|Дмитрий]], здравствуйте! Ваш папа [[PERSON|Аркадий Рабинович]] просил связаться. Счёт на {{₪1,240}} выслать на почту?\n12.02.2025 12:10 ← [[PHONE|054-8802319]]: да, [[EMAIL|dima.rabinovich@walla.co.il]]. и добавьте офис в {{Хайфе}}, ул. {{Герцль}}, там тоже 3 линии\n12.02.2025 12:11 → [[PHONE|054-8802319]]: Принято, спасибо! [[PERSON|С. Гринберг]]",
    ),
    (
        "voicemail_transcript",
        "en/US-Anglo",
        "VOICEMAIL vm-20250814-0932 | From: [[PHONE|(614) 382-7720]] | For: [[PERSON|Dawn Kowalczyk]] x{{214}} | 0:52 | auto-transcript ({{confidence 0.81}})\n\"hi [[PERSON|dawn]] this is [[PERSON|bill reardon]] over at {{summit ridge orthodontics}} um returning your call about the {{practice suite}} upgrade, we're we're still on version {{four point two}}. so [[PERSON|sandy]] our office manager she'd be the one to sit in on the demo but she's out till {{monday}}. you can get her direct at [[PHONE|614 382 7731]] or me on my cell [[PHONE|614 902 5518]]. we {{hope}} to decide before {{labor day}}, budget is around {{twelve grand}}. mostly we want the {{rich}} text reminders. oh and ask for [[PERSON|sandy novak]] not the front desk. thanks [[PERSON|dawn]] bye\"",
    ),
    (
        "voicemail_transcript",
        "en/GB-Yoruba",
        "New voicemail from [[PHONE|07956 213884]] · Thu {{6 March}} 16:42 · 1 min 10 s\nTranscript (beta): \"Hello good afternoon, my name is [[PERSON|Adebayo Ogunleye]], I'm the facilities manager at {{Whitworth Park Academy}} in {{Manchester}}. I was given your number by [[PERSON|Funmilayo]], sorry, [[PERSON|Funmi Adeyemi]], she came to your stand at {{BETT}}. We want to replace about {{sixty}} {{Dell}} laptops before the {{Easter}} holidays, maybe {{Chromebooks}}, I don't know yet. You can call me back on this number or the school office [[PHONE|0161 227 3045]] and ask for Mr [[PERSON|Ogunleye]]. Email is [[EMAIL|a.ogunleye@whitworthpark.org.uk]]. We're the building at the end of {{Whitworth Street}}. Thank you, bye bye.\"",
    ),
    (
        "voicemail_transcript",
        "en/AE-Filipino",
        "VM transcript - ring group {{Sales-DXB}} - {{2025-10-02}} 18:11 - caller ID [[PHONE|+971 52 774 3310]]\n\"hi ma'am good evening this is [[PERSON|joy dela cruz]], admin at {{al mansoori facilities}}, calling for sir [[PERSON|rommel]] about the {{hp laserjet}} lease. we are very {{happy}} with it but we need two more units for the {{jebel ali}} office, honestly it's a {{joy}} to deal with you guys. my boss engr. [[PERSON|marites bautista]] will sign the PO before {{national day}}. please call me back at [[PHONE|052 774 3310]] or email [[EMAIL|joy.delacruz@almansoorifm.ae]]. ah and sir [[PERSON|rommel]], ma'am [[PERSON|marites]] said the invoice {{INV-55102}} still has the old TRN. thank you so much, salamat po, bye\"",
    ),
    (
        "voicemail_transcript",
        "en/IN-Tamil",
        '[Exotel VM] {{22/07/2025}} 11:03 IST | from [[PHONE|+91 98401 55327]] | queue: {{Chennai inside sales}}\n"hello this is [[PERSON|senthil kumar ramasamy]] from {{sri venkateswara textiles}}, {{tiruppur}}. I had spoken to [[PERSON|priya]] from your team last week regarding the {{ERP Lite}} plan, she said {{eighteen thousand}} per month for {{ten users}}. my partner mr. [[PERSON|k. balasubramanian]] wants one more demo, but he is travelling till {{aadi perukku}}, so please call our landline [[PHONE|0421 242 6618]] after four. also tell [[PERSON|priya]] the GST number she has is wrong, I will whatsapp it. this is [[PERSON|senthil]], thank you, vanakkam"',
    ),
    (
        "voicemail_transcript",
        "he/IL-Yemenite",
        'תא קולי | מאת: [[PHONE|058-4470912]] | אל: [[PERSON|עדי]] (מכירות ציוד) | 00:41 | תמלול אוטומטי\n"{{שלום}} [[PERSON|עדי]] זה [[PERSON|צדוק שרעבי]] מ{{מאפיית מגדלי}} תקשיב אני צריך את התנור {{רציונל}} הגדול עד {{ראש השנה}} אחרת אני בבעיה יש לי הזמנות של {{חלות}} ו{{עוגיות שקד}} לכל {{ראש העין}} תדבר עם הבן שלי [[PERSON|אוהד]] הוא בטלפון [[PHONE|054-5561209]] או תבוא ישר ל[[ADDRESS|רחוב הרב קוק 23 ראש העין]] אנחנו פתוחים עד שתיים ו[[PERSON|אוהד]] אמר שדיברתם על {{שמונים אלף}} פלוס מע״מ אז תביא חוזה טוב ביי"',
    ),
    (
        "voicemail_transcript",
        "he/IL-Ashkenazi",
        "הודעה קולית חדשה\nמספר: [[PHONE|03-6091874]]\nמשך: 1:05\nתמלול: \"כן שלום זו [[PERSON|נועה ברקוביץ]] מ{{ברקוביץ ושות' עורכי דין}}, אני מתקשרת לגבי חידוש הרישיונות של {{Microsoft 365}}, יש לנו {{22}} משתמשים. אצלנו [[PERSON|אבי]] מה-IT עזב ו[[PERSON|טל]] עכשיו מטפלת בזה. תחזרי אליי לנייד [[PHONE|054-3378125]] או ל[[PERSON|טל]] במייל [[EMAIL|tal.s@berkowitz-law.co.il]]. חשוב, אנחנו עוברים ב{{אוגוסט}} ל{{מגדל עזריאלי}} ה{{שרונה}}, וב{{ט' באב}} המשרד סגור. תודה, [[PERSON|נועה]]\"",
    ),
    (
        "voicemail_transcript",
        "he/IL-ArabIsraeli",
        "VM | {{שלוחה 3 - שירות}} | {{27.12.2024}} 08:47\nמאת: [[PHONE|04-6563218]]\n\"בוקר טוב, מדבר [[PERSON|ג'ורג' חורי]] מ{{נצרת}}, יש לי חנות {{חורי אלקטריק}}. ה{{מקרר סמסונג}} שהזמנו לא הגיע ואני סגור מחר בגלל {{כריסמס}}. הבת שלי [[PERSON|רנין]] יכולה לקבל את המשלוח, הנייד שלה [[PHONE|052-4019936]], הכתובת [[ADDRESS|שכונת אל-בשארה 5, נצרת]], ליד {{כנסיית הבשורה}}. ההזמנה {{ORD-99812}}. תגידו לנהג לשאול על [[PERSON|רנין חורי]], לא עליי. תודה, [[PERSON|ג'ורג']]\"",
    ),
    (
        "voicemail_transcript",
        "ar/JO-Levantine",
        'بريد صوتي | من: [[PHONE|0795 318 204]] | إلى: [[PERSON|لينا الحوراني]] | المدة ٠:٥٨\nالتفريغ الآلي: "مرحبا ست [[PERSON|لينا]]، معك [[PERSON|أبو فراس]] من {{معارض الخطيب للسيارات}} بالـ{{شميساني}}. بدنا نجدد عقد {{النظام المحاسبي}} بس الأستاذ [[PERSON|فراس الخطيب]] مسافر لبعد {{عيد الفطر}}. المبلغ اللي حكينا فيه {{2,400 دينار}} مش {{2,800}}. إذا بدك شي كلمي المحاسبة [[PERSON|رزان]] على [[PHONE|0777 402 119]]، وابعتيلي العرض على الإيميل [[EMAIL|abufiras.khateeb@gmail.com]]. المعرض على {{شارع الملكة رانيا}} جنب {{تويوتا}}. يعطيكي العافية"',
    ),
    (
        "voicemail_transcript",
        "ar/AE-Gulf",
        'رسالة صوتية – {{03/04/2025}} – المتصل: [[PHONE|+971 50 811 4426]]\n"السلام عليكم، معاك [[PERSON|حمد بن سيف الكعبي]] من {{مجموعة الكعبي القابضة}}. بغيت أستفسر عن {{باقة المؤسسات}} لـ{{ثلاثين سيارة}} {{لاندكروزر}}. [[PERSON|بو سيف]] قال لي إنكم أحسن ناس. أنا برع الدولة لين {{نص أبريل}}، كلموا السكرتيرة [[PERSON|مريم]] على رقم المكتب [[PHONE|02 644 7180]]. والمجلس في [[ADDRESS|فيلا 27، شارع 19، البطين، أبوظبي]] قريب من {{شارع الشيخ زايد}} لو تبون تمرون. مع السلامة"',
    ),
    (
        "voicemail_transcript",
        "fr/MA-Moroccan",
        "Messagerie vocale – reçu le {{mardi 14 janvier}} à 17h20 – de [[PHONE|06 61 48 20 93]]\nTranscription : « Oui bonjour, c'est [[PERSON|Youssef Benjelloun]] de {{Benjelloun Frères}} à {{Casablanca}}. J'appelle pour Mme [[PERSON|Aït Ouahmane]] à propos du devis {{DV-2025-118}} pour les {{Renault Kangoo}}. Je serai à {{Marrakech}} jusqu'au {{Nouvel An amazigh}}, donc appelez plutôt mon associé [[PERSON|Hicham El Idrissi]] au [[PHONE|0522 47 31 08]]. La facture, c'est au [[ADDRESS|27, rue Ibn Batouta, Maârif, 20330 Casablanca]], pas au dépôt du {{boulevard Mohammed V}}. Merci [[PERSON|Khadija]], euh, madame [[PERSON|Aït Ouahmane]], bonne soirée. »",
    ),
    (
        "web_form",
        "en/US-Korean",
        '--- New submission: "Request a demo" (HubSpot form 7f3a) ---\nSubmitted: {{2025-04-11}} 22:48 UTC\nFirst name: [[PERSON|Ji-hoon]]\nLast name: [[PERSON|Park]]\nWork email: [[EMAIL|jihoon.park@hanbit-dental.com]]\nPhone: [[PHONE|(201) 944-3086]]\nCompany: {{Hanbit Dental Lab}}\nJob title: {{Operations Director}}\nCompany size: {{51-200}}\nState: {{New Jersey}}\nHow did you hear about us?: Referral - [[PERSON|Grace Yoon]] at {{Lee & Kim CPA}}\nMessage: hi, we have 3 labs ({{Fort Lee}}, {{Palisades Park}}, {{Flushing}}) and need scheduling + invoicing. current system is {{Dentrix G6}}. my colleague [[PERSON|Sun-mi Choi]] ([[EMAIL|sunmi@hanbit-dental.com]]) handles billing pls include her. available after {{Chuseok}}. thx [[PERSON|JH]]\nConsent: yes\nIP: [[IP_ADDRESS|73.194.22.108]]',
    ),
    (
        "web_form",
        "en/IN-Punjabi",
        "Lead form | page: /contact-rooftop | utm_source=google&utm_campaign={{rooftop_punjab}}\nname: [[PERSON|GURPREET SINGH DHILLON]]\nmobile: [[PHONE|98140 27763]]\nemail: [[EMAIL|gurpreet.dhillon1984@yahoo.co.in]]\ncity: {{Ludhiana}}\naddress: [[ADDRESS|#1147, Sector 32-A, Chandigarh Road, Ludhiana 141010]]\nproperty type: {{Factory shed}}\nmonthly bill (Rs): {{1,85,000}}\nmessage: Sat sri akal. Need {{100kW}} ongrid for our {{Dhillon Hosiery}} unit. My brother [[PERSON|Harjeet]] will visit your {{Mohali}} office after {{Baisakhi}}. Contact him [[PHONE|9876012458]]. Pls dont call before 10am. - [[PERSON|Gurpreet]]",
    ),
    (
        "web_form",
        "en/GH",
        'Form: "Partner with us" | Submitted {{Mon 3 Feb 2025}}, 09:14 GMT\nFull name: Mrs. [[PERSON|Akosua Boateng-Mensah]]\nOrganisation: {{Boateng & Daughters Pharmacy Ltd}}\nRole: {{Managing Pharmacist}}\nPhone (WhatsApp): [[PHONE|+233 24 415 9087]]\nAlt phone: [[PHONE|030 278 4412]]\nEmail: [[EMAIL|akosua@boatengpharma.com.gh]]\nAddress: [[ADDRESS|Plot 14, Adjei Kojo Street, Adabraka, Accra]]\nMessage: Good day. We have 4 branches ({{Accra}}, {{Kumasi}}, {{Takoradi}}, {{Tamale}}) and want to move to your {{PharmaPoint Cloud}} from our old {{Tally}} setup. Our IT guy [[PERSON|Kwesi]] (Mr [[PERSON|Kwesi Appiah-Danquah]], [[EMAIL|kwesi.ad@boatengpharma.com.gh]]) will coordinate. Our Accra branch is the one near {{Kwame Nkrumah Circle}}. Kindly note we close for {{Farmers\' Day}}.',
    ),
    (
        "web_form",
        "en/GB-Greek",
        "Typeform response - \"Get a quote\" - {{12/05/2025}}\n1. What's your name? -> [[PERSON|Konstantinos]] \"[[PERSON|Kostas]]\" [[PERSON|Papadopoulos-Wright]]\n2. Company -> {{Wright & Papadopoulos Architects}}\n3. Role -> {{Senior Partner}}\n4. Email -> [[EMAIL|kostas@wp-architects.co.uk]]\n5. Phone -> [[PHONE|020 8541 7730]]\n6. Office address -> [[ADDRESS|Unit 4, 17 Tanner Street, London SE1 3LD]]\n7. Which plan? -> {{Studio}} (up to {{10 seats}})\n8. Anything else? -> We're moving off {{AutoCAD LT}}. My co-founder [[PERSON|Eleni Wright]] is the budget holder, she's on leave until after {{Orthodox Easter}}. Please don't call [[PERSON|Kostas]]'s mobile, use the office line. Is the {{Summer}} discount still on? We {{will}} decide in {{June}}.",
    ),
    (
        "web_form",
        "he/IL-Russian",
        'טופס "השאירו פרטים" – {{אתר ראשי}} – {{3.9.2025}} 21:17\nשם מלא: [[PERSON|אולגה קפלן-זיסמן]]\nטלפון: [[PHONE|054-2290471]]\nדוא"ל: [[EMAIL|olga.kaplan.z@gmail.com]]\nעיר: {{כרמיאל}}\nתחום: {{קוסמטיקה}}\nמספר עובדים: {{1-5}}\nהודעה: שלום, יש לי קליניקה קטנה ב{{כרמיאל}} ואני צריכה מערכת תורים + SMS. ראיתי אצל חברה שלי [[PERSON|ז\'אנה]] (קליניקת {{ז\'אנה ביוטי}}) והיא ממליצה על {{חבילת בסיס}}. אני מדברת רוסית, עדיף נציג דובר רוסית. לא לפני {{ראש השנה}}. אפשר לדבר גם עם בעלי [[PERSON|ולדימיר]] [[PHONE|052-6703118]]. תודה, [[PERSON|אולגה]]\n☑ אני מאשר/ת קבלת דיוור מ{{יופי-טק}}',
    ),
    (
        "web_form",
        "he/IL-Mizrahi",
        'פנייה מטופס הצטרפות ל{{מועדון לקוחות עסקי}}\nשם פרטי: [[PERSON|אליהו]]\nשם משפחה: [[PERSON|בן שושן]]\nת.ז.: [[IL_ID|034188276]]\nשם העסק: {{אלי בן שושן הובלות בע"מ}}\nנייד: [[PHONE|050-9184476]]\nטלפון בעסק: [[PHONE|08-6271190]]\nכתובת: [[ADDRESS|רח\' יהודה הלוי 12 דירה 4, באר שבע]]\nאימייל: [[EMAIL|eli.benshushan@walla.com]]\nאיך שמעת עלינו: {{חבר מביא חבר}} – [[PERSON|משה אוחיון]]\nהערות: יש לי 3 משאיות {{איסוזו}}, מחפש ביטוח צי + {{ליסינג}}. אשתי [[PERSON|אורית]] מנהלת את החשבונות, תתקשרו אליה אחרי {{ל"ג בעומר}}. אני ב{{אילת}} כל השבוע עם משלוח.',
    ),
    (
        "web_form",
        "he/IL-Bedouin",
        'טופס "בקשת הצעת מחיר – {{מערכות סולאריות}}" | {{יום רביעי}} 11:02\nשם מלא: [[PERSON|עטאללה אלקרינאוי]]\nטלפון: [[PHONE|054-7730216]]\nישוב: {{רהט}}\nכתובת: [[ADDRESS|שכונה 9, בית 212, רהט]]\nמייל: [[EMAIL|attallah.krenawi@gmail.com]]\nסוג נכס: {{מבנה חקלאי}}\nגודל גג (מ"ר): {{450}}\nהודעה: שלום רב, יש לי לול ו{{חממה}} ליד {{להבים}}, רוצה מערכת {{50 קילו}}. אחי [[PERSON|חליל]] שותף איתי, הנייד שלו [[PHONE|052-3987105]]. אנחנו לא זמינים ב{{עיד אל-פיטר}}. [[PERSON|אבו נאיף]] מ{{תל שבע}} אמר שעשיתם לו עבודה טובה. תודה, [[PERSON|עטאללה]]',
    ),
    (
        "web_form",
        "ar/MA-Moroccan",
        "استمارة الاتصال – {{موقع الشركة}} – {{15/10/2025}}\nالاسم: [[PERSON|سكينة]]\nالنسب: [[PERSON|الوزاني]]\nالهاتف: [[PHONE|0661 23 87 45]]\nالبريد الإلكتروني: [[EMAIL|soukaina.ouazzani@gmail.com]]\nالمدينة: {{فاس}}\nالشركة: {{تعاونية الأطلس للزربية}}\nالعنوان: [[ADDRESS|رقم 12، درب الحرة، فاس المدينة 30110]]\nالرسالة: السلام عليكم، بغينا نديرو متجر إلكتروني ديال الزرابي ونبيعو ف{{أوروبا}}. خويا [[PERSON|أمين]] كيخدم معانا ف{{مكناس}}، النمرة ديالو [[PHONE|0670 45 12 98]]. ما نقدروش نبداو قبل {{عيد المولد}}، والميزانية حوالي {{30.000 درهم}}. بغينا {{باقة المتجر}} ماشي {{البريميوم}}. شكرا، [[PERSON|سكينة]]",
    ),
    (
        "web_form",
        "ar/KW-Gulf",
        "نموذج طلب عرض | {{الموقع - عربي}} | التاريخ: {{٢ رجب ١٤٤٦}}\nالاسم: [[PERSON|عبدالعزيز ناصر المطيري]]\nالجوال: [[PHONE|+965 9981 4420]]\nالبريد: [[EMAIL|a.almutairi@bukhamseen-trading.com]]\nالشركة: {{مجموعة بوخمسين التجارية}}\nالمسمى الوظيفي: {{مدير المشتريات}}\nعدد الفروع: {{٧}}\nالعنوان: [[ADDRESS|قطعة 3، شارع 14، منزل 22، الجابرية، الكويت]]\nالرسالة: نبي نظام نقاط بيع لسبع فروع في {{حولي}} و{{السالمية}}. تواصلوا مع مساعدي [[PERSON|بو يوسف]] أو الأخت [[PERSON|أمل]] من الحسابات على [[PHONE|2266 5081]]. {{أمل}} أن نبدأ قبل {{رمضان}}، و[[PERSON|عبدالعزيز]] هو صاحب القرار النهائي.",
    ),
    (
        "web_form",
        "es/MX",
        'Formulario "Contáctanos" – recibido {{14/08/2025}} 13:05\nNombre completo: [[PERSON|María Guadalupe de la Garza Treviño]]\nCorreo: [[EMAIL|lupita.delagarza@ferreteragarza.mx]]\nTeléfono: [[PHONE|81 8345 2290]]\nEmpresa: {{Ferretera Garza Hermanos}}\nPuesto: {{Gerente de Compras}}\nCiudad: {{Monterrey}}, {{Nuevo León}}\nDirección: [[ADDRESS|Av. Constitución 1420 Ote., Col. Centro, 64000 Monterrey, N.L.]]\nMensaje: Buenas tardes, nos interesa el plan {{Pyme Plus}} para {{12}} usuarios, tenemos otra sucursal en {{Guadalupe}}. Mi jefe, el Ing. [[PERSON|Rogelio Treviño Salinas]], quiere una demo antes del {{Día de Muertos}}. Pueden escribirme a mí ([[PERSON|Lupita]]) por WhatsApp al [[PHONE|+52 81 1922 4087]] o al Ing. [[PERSON|Treviño]] a [[EMAIL|rtrevino@ferreteragarza.mx]].',
    ),
    (
        "meeting_minutes",
        "en/IL-Ashkenazi",
        "Minutes - weekly pipeline review, {{Sun 9 Feb 2025}}, {{Room Carmel}} (3rd fl) + Zoom\nAttendees: [[PERSON|Dafna Rosenblum]] ({{VP Sales}}), [[PERSON|Itzik Feldman]], [[PERSON|Shira Katz-Levinson]], [[PERSON|Noam Ben-Ari]] (SE), [[PERSON|Ron]] from finance\nApologies: [[PERSON|Gil Shapira]] (miluim)\n\n1. {{Strauss Group}} renewal, {{₪640K}}, {{Q2}}. [[PERSON|Itzik]]: procurement contact changed, new one is [[PERSON|Liat Oren]] ([[EMAIL|liat.oren@strauss-group.com]]). Risk: they're evaluating {{Salesforce}}.\n2. {{Ariel University}}: [[PERSON|Ariel Ben-Haim]] (their CIO) asked for Hebrew UI; [[PERSON|Shira]] thinks {{v4.2}} covers it.\n3. Discount policy: [[PERSON|Dafna]] approved a {{12%}} cap, anything above goes to [[PERSON|Ron]].\n\nAction items\n- [[PERSON|Itzik]]: intro call with [[PERSON|Liat]] by {{13/02}}\n- [[PERSON|Noam B.]]: security pack ({{SOC 2}} + pen test summary) to {{Ariel}}\n- [[PERSON|Shira]]: confirm RTL with R&D\nNext meeting: {{Sunday}} after {{Tu BiShvat}}.",
    ),
    (
        "meeting_minutes",
        "en/SG-Chinese",
        "MEETING NOTES\nClient: {{Lim Brothers Hardware Pte Ltd}}\nDate: {{18 Jun 2025}}, 3pm SGT\nVenue: client office, [[ADDRESS|51 Ubi Avenue 1, #04-12, Singapore 408933]]\nPresent: [[PERSON|Lim Wei Ming]] ({{Managing Director}}), [[PERSON|Tan Hui Ling]] ({{Finance Manager}}); our side [[PERSON|Rajesh Pillai]] (AE), [[PERSON|Ng Kok Wah]] (SA)\n\nDiscussion\n- Mr [[PERSON|Lim]] confirmed they will leave {{Xero}} by end {{FY2025}}; shortlisting us vs {{NetSuite}}.\n- [[PERSON|Hui Ling]] needs multi-currency ({{SGD}}, {{MYR}}) and GST F5 export.\n- Budget indicated {{SGD 48,000}} / yr. [[PERSON|Wei Ming]] hinted it can stretch if go-live is before {{Deepavali}}.\nActions\n1. [[PERSON|Kok Wah]] to send sandbox login to [[EMAIL|huiling.tan@limbros.com.sg]] by Fri.\n2. [[PERSON|Rajesh]] to draft proposal {{PRP-0619}}; cc [[PERSON|Lim]]'s PA [[PERSON|Doris Seah]] ([[PHONE|+65 9123 8847]]).",
    ),
    (
        "meeting_minutes",
        "en/US-Vietnamese",
        "Discovery call - {{Nguyen Family Foods}} - {{Tue Oct 14}} - Google Meet\nUs: [[PERSON|Rich Delgado]] (AE), [[PERSON|Faith Okonkwo]] (CSM)\nThem: [[PERSON|Thao Nguyen]] ({{COO}}), [[PERSON|Bao Tran]] (IT), [[PERSON|Minh-Anh Pham]] ({{Controller}})\nNotes\n- 4 plants: {{San Jose}}, {{Houston}}, {{Garden Grove}}, {{New Orleans}}. ~260 users.\n- Pain: spreadsheets for lot tracking, {{QuickBooks Enterprise}} hitting limits.\n- [[PERSON|Thao]] wants {{rich}} dashboards for her dad, Mr. [[PERSON|Nguyen Van Hai]], the founder, who still signs everything over {{$50k}}.\n- [[PERSON|Bao]] asked about SSO with {{Okta}}; [[PERSON|Faith]] to confirm.\n- Timeline: decide after {{Tet}}, budget {{$180-220K}}.\n- We negotiated in good {{faith}} on last year's pilot, [[PERSON|Minh-Anh]] remembers that.\nNext steps: [[PERSON|Rich]] -> MSA draft to [[EMAIL|minhanh.pham@nguyenfamilyfoods.com]]; [[PERSON|Faith]] -> Okta doc; [[PERSON|Bao]]'s cell for IT questions [[PHONE|(713) 498-2261]].",
    ),
    (
        "meeting_minutes",
        "en/AE-Pakistani",
        "MoM | {{Gulf Rebar Industries}} QBR | {{Musaffah}} plant, {{Conference Room 2}} | {{27 Feb 2025}}\nAttendees\n Client: Mr. [[PERSON|Saeed Rashid Al Shamsi]] ({{GM}}), Eng. [[PERSON|Tariq Mehmood]] ({{Plant Manager}})\n Vendor: [[PERSON|Muhammad Usman Qureshi]] (KAM), [[PERSON|Ayesha Siddiqa]] (Solutions), [[PERSON|Faraz Haider]] (Support Lead)\nPoints\n1. Uptime {{99.2%}} vs SLA {{99.5%}}; [[PERSON|Faraz]] to share RCA for ticket {{INC-44871}}.\n2. {{SAP S/4HANA}} integration phase 2 approved in principle, value {{AED 1.2M}}. Mr [[PERSON|Al Shamsi]] wants it live before {{Eid Al Adha}}.\n3. [[PERSON|Tariq]] requested an on-site engineer during the {{Eid Al Fitr}} shutdown.\nActions: [[PERSON|Usman]] - commercial proposal; [[PERSON|Ayesha]] - solution doc to [[EMAIL|tariq.mehmood@gulfrebar.ae]]; next QBR {{May 2025}}.",
    ),
    (
        "meeting_minutes",
        "he/IL-Ethiopian",
        "סיכום ישיבת צוות מכירות – סניף {{נתניה}} – {{יום ג', 14.1.25}}\nנוכחים: [[PERSON|אדיסו מלסה]] (מנהל סניף), [[PERSON|יעלם ביאדגלין]], [[PERSON|טל גטהון]], [[PERSON|מזל אסרס]]\nלא נכח: [[PERSON|ימר]] (מחלה)\n1. לקוח {{מלונות דן}} – [[PERSON|יעלם]] נפגשה עם מנהלת הרכש [[PERSON|רונית שטרן]]. מבקשים הנחה של {{8%}} על {{חבילת Enterprise}}. [[PERSON|אדיסו]]: לא מעל {{5%}} בלי אישור.\n2. [[PERSON|טל]] סגר עסקה עם {{מאפיית אנג'ל}}, {{₪22,000}} לשנה. {{מזל}} טוב!\n3. ערב {{חג הסיגד}} – הסניף סגור חצי יום.\nמשימות:\n- [[PERSON|מזל]] – לשלוח ל[[PERSON|רונית]] הצעה מעודכנת עד {{יום חמישי}} ([[EMAIL|ronit.s@danhotels.co.il]])\n- [[PERSON|טל ג.]] – לעדכן CRM",
    ),
    (
        "meeting_minutes",
        "he/IL-Yemenite",
        'פרוטוקול פגישה | {{צנעני מערכות מיזוג בע"מ}} | {{כ"ה בטבת תשפ"ה}} ({{25.1.2025}})\nמשתתפים: [[PERSON|יחיאל צנעני]] (בעלים), [[PERSON|זכריה מדהלה]] (מנהל תפעול), [[PERSON|חן עוזרי]] (מאיתנו), [[PERSON|שמעון גמליאל]] (יועץ)\nעיקרי הדברים:\n• [[PERSON|יחיאל]] רוצה לעבור מ{{פריוריטי}} לענן.\n• [[PERSON|זכריה]]: 14 טכנאים בשטח, צריכים אפליקציה בעברית.\n• ההצעה מצאה {{חן}} בעיני הלקוח, אבל המחיר ({{₪96,000}}) גבוה. [[PERSON|שמעון]] ממליץ לפרוס ל-{{36 תשלומים}}.\nהחלטות: פיילוט ל-3 טכנאים החל מ-{{1.3}}.\nמשימות: [[PERSON|חן]] – הסכם פיילוט לחתימה ל[[EMAIL|yehiel@tsanani-ac.co.il]]; [[PERSON|מדהלה]] – רשימת טכנאים.\nפגישה הבאה אצלם, [[ADDRESS|רח\' המלאכה 19, ראש העין]].',
    ),
    (
        "meeting_minutes",
        "he/IL-Ashkenazi",
        'סיכום פגישת היכרות – {{גבעת ברנר מזון}} – {{2.6.25}}\nהשתתפו: [[PERSON|אורי גלבוע]] (מנכ"ל), [[PERSON|שקד רוזנטל]] (מנהלת כספים), [[PERSON|נעמה פרנקל]] (לוגיסטיקה); מצדנו [[PERSON|אלון]] ו[[PERSON|גלעד וינר]]\n- המפעל מעבד {{שקדים}} ו{{אבוקדו}} מהמטעים של {{קיבוץ גבעת ברנר}}, יצוא ל{{אירופה}}.\n- [[PERSON|שקד]] רוצה דוחות מט"ח ב{{אירו}} וב{{דולר}}; היום עובדים ב{{חשבשבת}}.\n- [[PERSON|אורי]]: ההחלטה אחרי {{שבועות}}, תקציב עד {{₪180K}}.\n- [[PERSON|נעמה]] מבקשת ממשק ל{{תנובה}} ו{{שופרסל}}.\nהמשך: [[PERSON|גלעד]] שולח הצעה ל[[EMAIL|shaked.r@gb-food.co.il]], [[PERSON|אלון]] מתאם דמו עם [[PERSON|נעמה]] ([[PHONE|052-6120938]]).',
    ),
    (
        "meeting_minutes",
        "ar/LB-Levantine",
        "محضر اجتماع مع {{مطاعم أبو جميل}} – {{الأشرفية}} – {{الخميس ٦ آذار ٢٠٢٥}}\nالحضور: [[PERSON|أبو جميل]] (صاحب المطاعم)، ابنه [[PERSON|جميل حداد]]، [[PERSON|ريتا عبود]] (مديرة العمليات)، ومن طرفنا [[PERSON|كريم نصرالله]] و[[PERSON|نادين]].\nالنقاط:\n- بدّن نظام {{POS Cloud}} لخمس فروع ({{الحمرا}}، {{جونية}}، {{زحلة}}).\n- [[PERSON|جميل]] طلب الأسعار بالدولار: عرضنا {{٣٬٢٠٠ دولار}} بالشهر، قال العرض {{كريم}} بس بدو يحكي مع البيّ.\n- [[PERSON|ريتا]] طلبت تدريب للموظفين قبل {{الفصح}}.\n- ملاحظة: [[PERSON|أبو جميل]] ما بيحب الإيميل، التواصل عبر [[PERSON|ريتا]] على [[PHONE|03 518 274]].\nالمهام: [[PERSON|كريم]] – عقد مبدئي؛ [[PERSON|نادين]] – جدول تدريب.",
    ),
    (
        "meeting_minutes",
        "ar/IQ-Iraqi",
        'محضر اجتماع | {{بغداد}} – {{الكرادة}} | {{١٢ تشرين الثاني ٢٠٢٤}}\nالحاضرون: الأستاذ [[PERSON|حيدر عبد الأمير الساعدي]] ({{مدير المشتريات}} – {{شركة الرافدين للأدوية}})، الدكتورة [[PERSON|زينب كاظم جواد]]، ومن فريقنا [[PERSON|مصطفى العبيدي]] و[[PERSON|سجاد]].\nالملخص:\n١. الشركة تريد {{٤٠}} لابتوب {{لينوفو}} ونظام مخازن، الميزانية {{١٢٠ مليون دينار}}.\n٢. [[PERSON|أبو علي]] (الأستاذ [[PERSON|حيدر]]) كال: "الشغل يتعطل بالزيارة"، فالتسليم بعد {{زيارة الأربعين}}.\n٣. الدكتورة [[PERSON|زينب]] تطلب الفاتورة باسم الشركة مو باسم شخص.\nالمهام: [[PERSON|مصطفى]] يرسل العرض على [[EMAIL|haider.alsaadi@rafidain-pharma.iq]] ويتصل على [[PHONE|0771 482 3390]]؛ [[PERSON|سجاد]] يحجز موعد بالمخزن بـ{{شارع الرشيد}}.',
    ),
    (
        "meeting_minutes",
        "de/DE-Turkish",
        "Protokoll – Jour fixe Vertrieb DACH – {{Mittwoch, 5. März 2025}} – Raum {{Zugspitze}}\nTeilnehmende: [[PERSON|Mehmet Yıldırım]] (Teamleitung), [[PERSON|Anna-Lena Schäfer]], [[PERSON|Jörg Bäumer]], [[PERSON|Ayşe Kaya-Hoffmann]]\nTOP 1 {{Müller Logistik GmbH}}: Herr [[PERSON|Bäumer]] berichtet, dass Frau Dr. [[PERSON|Sabine Müller]] den Rahmenvertrag über {{€ 86.000}} erst nach {{Ostern}} unterschreibt. Rechnungs-IBAN laut Kunde: [[IBAN|DE44 5001 0517 5407 3249 31]].\nTOP 2 Messe {{LogiMAT}} Stuttgart: [[PERSON|Ayşe]] koordiniert das Standpersonal; [[PERSON|Anna-Lena]] übernimmt {{Dienstag}}.\nTOP 3 Urlaub: [[PERSON|Mehmet]] ist zum {{Zuckerfest}} nicht erreichbar, Vertretung [[PERSON|Jörg]] ([[PHONE|0151 28476630]]).\nAufgaben: [[PERSON|J. Bäumer]] – Angebot {{AN-2025-044}} an [[EMAIL|s.mueller@mueller-logistik.de]]; [[PERSON|A. Kaya-Hoffmann]] – Hotel in der {{Konrad-Adenauer-Straße}} buchen.",
    ),
    (
        "account_plan",
        "en/GB-Anglo",
        'ACCOUNT PLAN FY26 - {{Hargreaves & Sons Builders Merchants}}\nAccount owner: [[PERSON|Tom Whitfield]] | Exec sponsor (ours): [[PERSON|Victoria Ashby-Cole]]\nTier: Strategic | ARR {{£312,000}} | Renewal {{31 March 2026}}\n\nOrg chart\n[[PERSON|Malcolm Hargreaves]] ({{Chairman}}) - economic buyer, old school, prefers phone\n  -> [[PERSON|Jonathan]] "[[PERSON|Jonny]]" [[PERSON|Hargreaves]] ({{Managing Director}})\n       -> [[PERSON|Priya Raman]] ({{Finance Director}}) - detractor, wants {{Sage 200}} consolidation\n       -> [[PERSON|Dawn Fairbairn]] ({{Operations Director}}) - champion, [[EMAIL|dawn.fairbairn@hargreaves-bm.co.uk]]\n\nWhitespace: 14 branches, we\'re live in 9. Next: {{Leeds}} + the depot by {{Victoria}} station.\nRisks: {{Travis Perkins}} poaching their trade accounts; [[PERSON|Priya]] on leave till {{Easter}}.\nBudget: {{£45k}} expansion in {{Q3}}, [[PERSON|Jonny]] signs up to {{£50k}}, above that [[PERSON|Malcolm]].\nPlan: [[PERSON|Tom]] to take [[PERSON|Dawn]] to the user conference; [[PERSON|Victoria]] to call [[PERSON|Malcolm]] on his mobile [[PHONE|07802 556193]].',
    ),
    (
        "account_plan",
        "en/IN-Bengali",
        "Account Plan: {{Sen & Mukherjee Pharma Pvt Ltd}} | Region: East | Owner: [[PERSON|Arnab Chatterjee]]\nRevenue FY 2024-25: {{₹1.6 crore}} | Target {{FY 2025-26}}: {{₹2.4 crore}}\nStakeholders\n1. Dr. [[PERSON|Subhashis Sen]] - Founder & {{MD}}. Decision maker. Meets only after 6pm.\n2. [[PERSON|Rituparna Mukherjee]] - {{Director, Operations}} - champion. [[EMAIL|rituparna.m@senmukherjee.in]], [[PHONE|+91 98300 41276]]\n3. [[PERSON|Sourav Banerjee]] - {{Head IT}} - neutral, prefers {{SAP B1}}\n4. [[PERSON|Tanushree Das]] - purchase, gatekeeper\nSites: HQ {{Salt Lake Sector V}}; plant in {{Howrah}}; depot near {{Rabindra Sarani}}.\nRisks: [[PERSON|Sourav]] pushing {{Tally Prime}} upgrade instead; freeze during {{Durga Puja}}.\nActions: [[PERSON|Arnab]] + [[PERSON|Rituparna]] workshop; invite Dr. [[PERSON|Sen]] to CXO dinner.",
    ),
    (
        "account_plan",
        "en/JP-Japanese",
        "Strategic Account Plan - {{Takahashi Seiki Co., Ltd.}}\nOwner: [[PERSON|Kenji Watanabe]] (Tokyo) / Global AM [[PERSON|Sarah Lindqvist]]\nFiscal year: {{April-March}} | Current spend {{¥38,000,000}}\nKey contacts (client uses family-name-first order)\n- [[PERSON|Takahashi Ichiro]] ([[PERSON|高橋一郎]]), {{President}}, 3rd generation owner\n- [[PERSON|Sato Yumi]], {{Purchasing Manager}}, [[EMAIL|sato.yumi@takahashi-seiki.co.jp]], [[PHONE|+81 52-961-4408]]\n- [[PERSON|Kobayashi Daisuke]], IT, wants {{Fanuc}} machine data integration\nNotes: [[PERSON|Takahashi]]-san will not decide before {{Golden Week}}; [[PERSON|Sato]]-san asked for Japanese invoices. Main customer is {{Toyota}} tier-1s around {{Nagoya}}.\nRisks: plant shutdown over {{Obon}}; [[PERSON|Kobayashi]]-san is leaving in {{October}}.\nNext: [[PERSON|Kenji]] to visit with [[PERSON|Sarah]] in {{week 23}}.",
    ),
    (
        "account_plan",
        "en/NG-Hausa",
        "ACCOUNT PLAN | {{Bello Agro Allied Ltd}} | {{Kano}} + {{Kaduna}} | owner [[PERSON|Tunde Bakare]]\nValue: {{₦120m}} pipeline ({{tractors}}, fleet telematics)\nPower map\n- Alhaji [[PERSON|Umar Sani Bello]] - {{Chairman}}; final say on anything above {{₦20m}}\n- Hajiya [[PERSON|Zainab Bello]] - {{Executive Director}}; runs the {{Kaduna}} farms\n- [[PERSON|Ibrahim Danjuma]] - {{CFO}}; [[EMAIL|i.danjuma@belloagro.com.ng]]; [[PHONE|0803 611 2094]]\n- [[PERSON|Aisha Garba-Yusuf]] - procurement; likes {{John Deere}} but price-sensitive\nMeeting venue: Chairman's house, [[ADDRESS|No. 14 Bompai Road, Nassarawa GRA, Kano]] (not the office on {{Ahmadu Bello Way}})\nRisks: FX; everything slows around {{Sallah}}. [[PERSON|Tunde]] to visit with [[PERSON|Aisha]] before {{Ramadan}}; Alhaji [[PERSON|Umar]] prefers Hausa so bring [[PERSON|Abdullahi]].",
    ),
    (
        "account_plan",
        "he/IL-Haredi",
        "תוכנית לקוח – {{רשת מעדני שטרן}} – שנת {{תשפ\"ו}}\nאחראי תיק: [[PERSON|מנחם מנדל רוזנברג]]\nמחזור שנתי אצלנו: {{₪1.2 מיליון}} | 11 סניפים ({{בני ברק}}, {{ביתר עילית}}, {{מודיעין עילית}})\nבעלי עניין:\n• הר' [[PERSON|אהרן שטרן]] – בעלים, מחליט על הכל. לא עונה ב{{בין הזמנים}}.\n• [[PERSON|יענקי שטרן]] (הבן) – מנהל תפעול, תומך בנו\n• [[PERSON|גיטי וייס]] – הנהלת חשבונות, [[EMAIL|gitti@stern-deli.co.il]]\n• ר' [[PERSON|שלמה זלמן ליפשיץ]] – משגיח, משפיע על בחירת ספקים\nסיכונים: {{קופות בר-טק}} מציעים {{15%}} פחות; עומס לפני {{פסח}}.\nיעד: הרחבה ל{{מערכת מלאי}} עד {{סוכות}}. פגישה במשרד, [[ADDRESS|רח' חזון איש 45, בני ברק]]. [[PERSON|מנחם מנדל]] מתאם עם [[PERSON|יענקי]].",
    ),
    (
        "account_plan",
        "he/IL-Iraqi",
        'תוכנית חשבון | {{ששון חכים יבוא ושיווק בע"מ}} | בעלת תיק: [[PERSON|נאוה שמאש]]\nתחום: יבוא מזון ותבלינים | מחזור אצלנו: {{₪3.4M}}\nמפת בעלי עניין:\n- [[PERSON|ששון חכים]] – מייסד, בן 74, עדיין חותם על צ\'קים\n- [[PERSON|רחמים חכים]] – מנכ"ל, קשה במו"מ, [[PHONE|054-3910276]]\n- [[PERSON|אילנה בצלאל]] – סמנכ"לית כספים, [[EMAIL|ilana.b@hakim-import.co.il]]\n- [[PERSON|עזרא]] מהמחסן ב{{רמת גן}} – משתמש מפתח\nהזדמנויות: מודול יבוא + ממשק ל{{אוסם}} ו{{שטראוס}}, {{Q3}}.\nסיכונים: [[PERSON|רחמים]] מתלבט מול מערכת של אחיינו. \nהערה: לפני {{פסח}} אין מה לדבר איתם, אחרי החג ב{{ששון}} ושמחה :) פגישה במחסן ליד {{רחוב ז\'בוטינסקי}}.',
    ),
    (
        "account_plan",
        "ar/AE-Gulf",
        "خطة الحساب – {{مجموعة بن سالمين للمقاولات}} – {{2025}}\nمدير الحساب: [[PERSON|خالد يوسف الحمادي]]\nالإيراد الحالي: {{٤٫٥ مليون درهم}} | الفرصة: {{مشروع إكسبو سيتي}}\nأصحاب القرار:\n- الشيخ [[PERSON|سلطان بن خليفة بن سالمين]] ([[PERSON|بو خليفة]]) – الرئيس، القرار النهائي\n- [[PERSON|شما بنت راشد المهيري]] – {{المديرة المالية}}، [[EMAIL|shamma.almheiri@binsalmeen.ae]]\n- [[PERSON|أحمد بن علي الظاهري]] – المشتريات، يميل لـ{{أوراكل}}\n- [[PERSON|راهول مينون]] – مدير التقنية، حليفنا\nالمخاطر: الميزانية تتأخر لين بعد {{اليوم الوطني}}. [[PERSON|أحمد]] يبي خصم {{١٠٪}}.\nالخطوات: [[PERSON|خالد]] يرتب زيارة لـ[[PERSON|بو خليفة]] في المكتب على {{شارع الشيخ زايد}}، [[PERSON|راهول]] يجهز عرض تقني.",
    ),
    (
        "account_plan",
        "ar/EG-Egyptian",
        "خطة الحساب: {{مستشفيات د. فكري حنا}} | المسؤول: [[PERSON|مينا رؤوف]]\nالحجم: 3 مستشفيات ({{التجمع الخامس}}، {{المنصورة}}، {{وسط البلد}} قرب {{ميدان طلعت حرب}})\nقيمة التعاقد المتوقعة: {{٩ مليون جنيه}} على 3 سنين\nالناس المهمة:\n- د. [[PERSON|فكري حنا]]: المؤسس، بيحب يقابل بنفسه\n- د. [[PERSON|مارينا فكري]]: بنته، المدير الطبي، متحمسة للنظام\n- أ. [[PERSON|شريف عبد الحميد]]: المدير المالي، [[EMAIL|sherif.abdelhamid@fikryhanna-hosp.com]]\n- م. [[PERSON|إسلام الشناوي]]: IT، شغال على {{أوراكل}} قديم\nمخاطر: أ. [[PERSON|شريف]] عايز تقسيط؛ الدنيا واقفة في {{عيد الميلاد المجيد}} و{{شم النسيم}}.\nالخطوة الجاية: [[PERSON|مينا]] يحدد ميعاد مع د. [[PERSON|مارينا]] على [[PHONE|0122 904 3316]].",
    ),
    (
        "account_plan",
        "ar/SA-Hijazi",
        'خطة حساب | {{مؤسسة باخشب للتجارة}} | {{جدة}} | المسؤول: [[PERSON|عمر باناجة]]\nالمبيعات السنوية معانا: {{٧٥٠ ألف ريال}}\nالأشخاص:\n- الشيخ [[PERSON|عبدالله باخشب]]: المالك، ما يرد إلا على الواتس [[PHONE|0505 661 302]]\n- [[PERSON|هتون باخشب]]: بنته، المديرة التنفيذية، هي اللي تقرر فعلياً\n- [[PERSON|ياسر قطان]]: المحاسب، [[EMAIL|yasser.qattan@bakhashab-trading.sa]]\nملاحظات: [[PERSON|هتون]] قالت "النظام القديم مرة بطيء، نبغى حاجة كدا سهلة". يبغوا يربطوا مع {{SAP}}.\nالمعرض على {{شارع التحلية}}، والمستودع جنوب {{الكورنيش}}.\nالمخاطر: كل شي يوقف في {{موسم جدة}} و{{اليوم الوطني السعودي}}.\nالهدف: توقيع قبل {{١٥ شوال ١٤٤٦}}. [[PERSON|عمر]] يزور الشيخ [[PERSON|عبدالله]] بعد العصر.',
    ),
    (
        "account_plan",
        "pt/BR",
        'Plano de Conta — {{Irmãos Albuquerque Distribuidora}} — {{FY25}}\nResponsável: [[PERSON|Juliana Prado]] | Região {{Nordeste}}\nFaturamento conosco: {{R$ 1,8 milhão}}/ano\nStakeholders\n- [[PERSON|Sebastião Albuquerque Neto]] — {{Diretor-Presidente}}, decide tudo\n- [[PERSON|Maria das Graças Oliveira]] ("[[PERSON|Gracinha]]") — {{Gerente Financeira}}, [[EMAIL|gracas.oliveira@irmaosalbuquerque.com.br]], [[PHONE|(81) 99812-4471]]\n- [[PERSON|Thiago Albuquerque]] — TI, quer migrar do {{TOTVS Protheus}}\nObservações: [[PERSON|Gracinha]] é nossa aliada, {{graças}} a ela renovamos em 2024. Sede em {{Recife}}, CD na {{Avenida Boa Viagem}}.\nRiscos: nada anda no {{Carnaval}} nem no {{São João}}. Seu [[PERSON|Sebastião]] quer desconto de {{8%}}.\nPróximo passo: [[PERSON|Juliana]] visita com o diretor em {{agosto}}.',
    ),
    (
        "referral_note",
        "en/US-Armenian",
        "Referral note - logged by [[PERSON|Lena Hovsepian]] ({{Partner Manager}}) on {{03/18/2025}}\nSource partner: {{Petrosyan & Kazarian LLP}} (accounting firm, {{Glendale}})\nIntroduced by: [[PERSON|Aram Petrosyan]], {{Managing Partner}}, [[EMAIL|aram@pk-cpa.com]]\nReferred contact: [[PERSON|Nairi Ter-Grigoryan]], owner of {{Ararat Bakery}} (3 locations: {{Burbank}}, {{Glendale}}, {{Pasadena}})\nPhone: [[PHONE|(818) 552-0947]] | Email: [[EMAIL|nairi@araratbakery.com]]\nContext: [[PERSON|Aram]] says [[PERSON|Nairi]] is unhappy with the {{Square}} payroll add-on and wants tip pooling. Her husband [[PERSON|Vartan]] does the books and will join the call. Don't call during {{Vardavar}} week, they're slammed.\nReferral fee: {{10%}} of first-year ACV per partner agreement {{PA-2023-017}}. [[PERSON|Lena H.]] to thank [[PERSON|Aram]] once [[PERSON|Mrs. Ter-Grigoryan]] books a demo.",
    ),
    (
        "referral_note",
        "en/PH",
        'REFERRAL - partner {{Villanueva-Reyes Realty}} | entered by [[PERSON|Mark Anthony Santos]] | {{Feb 20, 2025}}\nReferrer: [[PERSON|Ma. Cristina]] "[[PERSON|Tina]]" [[PERSON|Villanueva]], {{Broker-Owner}}, [[PHONE|0917 842 3306]]\nReferred: [[PERSON|Jose Rizalino]] "[[PERSON|Jun]]" [[PERSON|Dimaculangan Jr.]], president of a {{BPO}} with ~400 seats in {{Quezon City}}\n[[PERSON|Jun]]\'s office: [[ADDRESS|Unit 1203 Tower 2, 88 Kalayaan Ave, Diliman, Quezon City 1101]]\nNotes: [[PERSON|Tina]] sold them the building. [[PERSON|Jun]] wants a CRM for their real-estate leasing arm; budget around {{₱1.2M}}. His EA is [[PERSON|Baby Joy Manalo]] ([[EMAIL|babyjoy.manalo@dimaculangan-bpo.ph]]). Avoid {{Holy Week}}. He\'s a big {{Jollibee}} franchisee too (3 stores on {{Rizal Avenue}}), could be another deal.',
    ),
    (
        "referral_note",
        "en/GB-SriLankan",
        "Partner intro via {{Jayasuriya Consulting}} - note by [[PERSON|Oliver Brennan]], {{14 Nov 2024}}\n[[PERSON|Nirmala Jayasuriya]] (founder, {{Jayasuriya Consulting}}) introduced us to [[PERSON|Dilshan Wickramasinghe]], {{COO}} at {{Ceylon Spice Traders UK}} in {{Croydon}}.\n[[PERSON|Dilshan]]'s details: [[EMAIL|dilshan.w@ceylonspice.co.uk]], mobile [[PHONE|07723 449081]]\nWhat [[PERSON|Nirmala]] told me: they run {{Microsoft Dynamics}} NAV 2016, out of support, 25 users, budget ~{{£18k}}. [[PERSON|Dilshan]]'s deputy [[PERSON|Summer Ellis]] will run the project, she starts {{January}}. Their busy season is the {{summer}} wholesale push.\nNext: three-way call after {{Christmas}}; [[PERSON|Nirmala]] asked that we don't call [[PERSON|Summer]] before she starts. Owner: [[PERSON|O. Brennan]].",
    ),
    (
        "referral_note",
        "en/CA-Iranian",
        'Referral | {{North York}} | logged {{2025-03-10}} by [[PERSON|Kayla Fournier]]\nFrom: [[PERSON|Babak Rostami]] (existing client, {{Rostami Rugs}}), [[EMAIL|babak@rostamirugs.ca]]\nTo: his cousin [[PERSON|Shirin Tehrani]], who runs {{Golestan Catering}} on {{Yonge Street}}\n[[PERSON|Shirin]]: [[PHONE|(416) 739-2284]], [[EMAIL|shirin.tehrani@golestancatering.ca]]\n[[PERSON|Babak]] says [[PERSON|Shirin]] needs online ordering + invoicing before {{Nowruz}} (her busiest week). Budget {{CAD 64,000}} incl. {{Shopify Plus}} migration. Her partner [[PERSON|Farhad]] handles IT, "talk to [[PERSON|Farhad]] about the tech, to [[PERSON|Shirin]] about money".\nThank-you gift to [[PERSON|Babak]] per partner policy ({{$250}} card).',
    ),
    (
        "referral_note",
        "he/IL-Druze",
        'הפניה משותף – {{חלבי טכנולוגיות}} (שותף {{Gold}})\nנרשם ע"י: [[PERSON|וואיל קבלאן]] | {{18.9.2025}}\nממליץ: ד"ר [[PERSON|פואד חלבי]], מנכ"ל השותף, [[EMAIL|fuad@halabi-tech.co.il]]\nלקוח מופנה: [[PERSON|אמל טרביה]], בעלת רשת {{מתוקי הכרמל}} ({{דלית אל-כרמל}}, {{חיפה}})\nנייד: [[PHONE|052-6318804]]\nפרטים: לפי [[PERSON|פואד]], [[PERSON|אמל]] צריכה מערכת הזמנות לאירועים, תקציב בערך {{₪60,000}}. בעלה [[PERSON|ראמי]] מנהל את הסניף ב{{מת"ם}}. לא לקבוע סביב {{זיארת נבי שועייב}}.\nעמלת שותף {{10%}}. [[PERSON|וואיל]] יתאם פגישה ב{{יום שני}}.',
    ),
    (
        "referral_note",
        "he/IL-Mizrahi",
        "רשומת הפניה {{R-5521}}\nמפנה: [[PERSON|ז'קי אזולאי]] (לקוח קיים, {{אזולאי ציוד משרדי}})\nמופנה: [[PERSON|מרסל אבוקסיס]], בעל {{מרכולית מרסל}} ב{{קריית שמונה}}\nטלפון: [[PHONE|04-6950413]] | נייד: [[PHONE|050-2283619]]\nכתובת החנות: [[ADDRESS|רחוב תל חי 18, קריית שמונה]]\nהערות: [[PERSON|ז'קי]] מספר ש[[PERSON|מרסל]] ואשתו [[PERSON|סימי]] רוצים קופה + מלאי, ויש להם גם דוכן ב{{מימונה}} כל שנה. [[PERSON|סימי]] מנהלת ספקים (כמו {{טיב טעם}} ו{{תנובה}}). לדבר איתה לפני [[PERSON|מרסל]].\nבונוס הפניה ל[[PERSON|ז'קי]]: חודש חינם על {{חבילת עסק}}.",
    ),
    (
        "referral_note",
        "he/IL-Russian",
        "הערת הפניה – שותף: {{גורביץ' ייעוץ עסקי}}\nממליצה: [[PERSON|יבגניה]] ([[PERSON|ז'ניה]]) [[PERSON|גורביץ']], יועצת מס, [[EMAIL|zhenya@gurevich-consult.co.il]]\nמופנה: [[PERSON|בוריס שטיינברג]], בעלים של {{מאפיית מישה}} ב{{אשקלון}}, [[PHONE|053-7719420]]\n[[PERSON|ז'ניה]] מספרת ש[[PERSON|בוריס]] פתח סניף שני ליד {{קניון לב אשקלון}} וצריך מערכת משמרות ל-{{18}} עובדים. מדבר עברית בסיסית, עדיף רוסית ([[PERSON|אלה]] מהצוות שלנו).\nשימו לב: עמוס לפני {{נובי גוד}}, לא לפני {{10.1}}.\nמחיר שנדון: {{₪4,500}} לשנה.",
    ),
    (
        "referral_note",
        "ar/PS-Palestinian",
        "ملاحظة إحالة | {{رام الله}} | سجّلها: [[PERSON|لين عودة]]\nالمُحيل: [[PERSON|سامي النتشة]] من {{مطبعة النتشة}} في {{الخليل}}، [[EMAIL|sami@natsheh-print.ps]]\nالمُحال: [[PERSON|رنا طوقان]]، مديرة {{صابون طوقان}} في {{نابلس}}، جوال [[PHONE|0599 284 716]]\nالتفاصيل: [[PERSON|سامي]] بحكي إنو [[PERSON|رنا]] بدها نظام فواتير وتصدير للأردن، والميزانية حوالي {{١٨ ألف شيكل}}. أخوها [[PERSON|زيد]] بمسك الحسابات. عنوان المصنع [[ADDRESS|شارع فيصل 22، نابلس]].\nملاحظة: ما بيشتغلوا بـ{{عيد الأضحى}}. الدفع عن طريق {{البنك العربي}}. [[PERSON|لين]] تتابع بعد الزيارة الأولى.",
    ),
    (
        "referral_note",
        "ar/TN-Tunisian",
        "إحالة من الشريك {{مكتب بن عاشور للمحاسبة}} – {{صفاقس}}\nكتبها: [[PERSON|أسماء الطرابلسي]] في {{22/04/2025}}\nالمُحيل: الأستاذ [[PERSON|الشاذلي بن عاشور]]، خبير محاسب\nالحريف المُحال: [[PERSON|هيفاء بوزيان]]، صاحبة {{معمل الزيتونة للتصبير}} في {{سوسة}}، [[PHONE|+216 98 412 337]]، [[EMAIL|haifa.bouzayane@gmail.com]]\nشنوة قال: [[PERSON|هيفاء]] تحب برمجية فوترة مربوطة بالمحاسبة، عندها برشا فواتير تصدير، والميزانية تقريباً {{١٢ ألف دينار}}. ولدها [[PERSON|ياسين]] هو اللي يتبع الخدمة.\nنتصلو بعد {{عيد الفطر}}. المكتب متاعها قدام {{شارع الحبيب بورقيبة}}. باهي، [[PERSON|أسماء]] تتبع.",
    ),
    (
        "referral_note",
        "tr/TR",
        "Referans notu — {{Kaya Yapı}} üzerinden | giren: [[PERSON|Hatice Nur Özdemir]] | {{12.06.2025}}\nReferans veren: [[PERSON|Barış Aydın]], {{Kaya Yapı}} satın alma müdürü, [[PHONE|0532 418 77 21]]\nYönlendirilen: [[PERSON|Emre Çelik]], {{Çelik Mermer San. ve Tic.}} genel müdürü, [[EMAIL|emre.celik@celikmermer.com.tr]]\nNot: [[PERSON|Barış]] Bey'e göre [[PERSON|Emre]] Bey {{Logo Tiger}}'dan çıkmak istiyor; bütçe {{₺450.000}}. Fabrika [[ADDRESS|Atatürk Cad. No:112, Kemalpaşa, 35730 İzmir]]. Muhasebede [[PERSON|Gülşen]] Hanım var. {{Kurban Bayramı}} öncesi karar yok.\nReferans komisyonu {{%10}}, ödeme hesabı: [[IBAN|TR90 0001 2009 4510 0005 7318 42]]. İki firma arasında {{barış}} sağlandıysa iyi :)",
    ),
    (
        "order_form",
        "en/US-Irish",
        "ORDER FORM / CREDIT APPLICATION - {{Order No. SO-2025-10482}}\nVendor: {{Brightline Telecom Inc.}} | Sales rep: [[PERSON|Will Haskins]]\nCustomer: {{O'Malley & Daughters Plumbing LLC}}\nPlan: {{Business Voice Pro}} x 12 lines @ {{$34.99}}/line/mo, term {{36 months}}\nBilling contact: [[PERSON|Siobhan O'Malley]], [[EMAIL|siobhan@omalleyplumbing.com]], [[PHONE|(617) 288-4410]]\nBilling address: [[ADDRESS|1184 Dorchester Ave, Boston, MA 02125]]\nPersonal guarantor (accounts under 2 yrs): [[PERSON|Patrick J. O'Malley]], SSN [[US_SSN|412-73-5581]], DOB on file\nPayment method: card [[CREDIT_CARD|4147 9378 6579 7541]], exp 09/27 (autopay)\nCustomer {{will}} be billed on the 1st; first invoice prorated from {{April 2, 2025}}.\nAuthorized signature: /s/ [[PERSON|Patrick O'Malley]], {{Owner}}\nAccepted for Brightline: [[PERSON|W. Haskins]], {{Account Executive}}",
    ),
    (
        "order_form",
        "en/DE-Polish",
        "ORDER FORM - contract ref. {{CF-DE-2025-0031}}\nSupplier: {{Nordwind Software GmbH}}, {{Hamburg}}\nCustomer: {{Kowalski Spedition GmbH}}\nProducts: {{Fleet Tracker Enterprise}} (80 vehicles) at {{EUR 2.40}}/vehicle/month; {{Onboarding Package}} {{EUR 3,500}} one-off\nCustomer signatory: [[PERSON|Tomasz Kowalski]], {{Geschäftsführer}}\nFinance contact: [[PERSON|Agnieszka Wiśniewska-Bauer]], [[EMAIL|a.wisniewska@kowalski-spedition.de]], [[PHONE|+49 40 6094 3312]]\nInvoice address: [[ADDRESS|Billstraße 112, 20539 Hamburg]]\nSEPA direct debit mandate, account holder {{Kowalski Spedition GmbH}}, IBAN [[IBAN|DE85 2005 0550 0001 3847 29]]\nStart date {{01.07.2025}}; minimum term {{24 months}}.\nSigned in {{Hamburg}}: [[PERSON|T. Kowalski]] / for Nordwind: [[PERSON|Lars Petersen]]",
    ),
    (
        "order_form",
        "en/GB-Welsh",
        "Order Form UK-7781 | {{DentalCloud Practice}} | {{1 May 2025}}\nCustomer: {{Whitaker Dental Group Ltd}} (company no. on file)\nSignatory: Dr [[PERSON|Imogen Whitaker-Jones]], {{Clinical Director}}\nAccounts payable: [[PERSON|Gareth Pryce]], [[EMAIL|gareth.pryce@whitakerdental.co.uk]], [[PHONE|029 2034 7719]]\nRegistered address: [[ADDRESS|23 Cathedral Road, Cardiff CF11 9HA]]\nFees: 6 surgeries x {{£190}} = {{£1,140}} per month + {{VAT 20%}}\nPayment by BACS to customer refunds account: [[IBAN|GB91 BARC 2071 4583 9201 74]]\nGo-live targeted before {{St David's Day}}; training at the {{Cardiff}} and {{Swansea}} practices.\nSigned: [[PERSON|I. Whitaker-Jones]]  Date: ____  Witness: [[PERSON|Rhian Evans]]",
    ),
    (
        "order_form",
        "en/IN-Kannada",
        "PURCHASE ORDER / ORDER FORM\nPO No.: {{PO/KRS/2025/0912}} | Date: {{14-10-2025}}\nBuyer: {{Krishnamurthy Rao & Sons Textiles}}\nShip/bill to: [[ADDRESS|No. 42, 3rd Cross, Gandhi Bazaar, Basavanagudi, Bengaluru 560004]]\nContact: [[PERSON|Lakshmi Narayanan]], Accounts, [[PHONE|+91 80 2667 4150]], [[EMAIL|lakshmi.n@krsons.in]]\nItems: {{Zoho Books}} migration + 15 user licences, {{₹4,72,000}} + {{GST 18%}}\nDelivery before {{Lakshmi Puja}} please (store closed on {{Diwali}}). Second godown near {{Mahatma Gandhi Road}}.\nPayment: corporate card [[CREDIT_CARD|5189 2199 3518 1907]] in the name of [[PERSON|K. V. KRISHNAMURTHY RAO]]\nAuthorised signatory: [[PERSON|K. V. Krishnamurthy Rao]], {{Proprietor}}",
    ),
    (
        "order_form",
        "he/IL-Ashkenazi",
        'טופס הזמנה – מס\' {{2025-3317}}\nספק: {{פרי-טק מערכות בע"מ}} | נציג: [[PERSON|סהר אלמוג]]\nלקוח: [[PERSON|דוד-אריה קליין]] (עוסק מורשה)\nת.ז./ע.מ.: [[IL_ID|205774136]]\nכתובת לחיוב: [[ADDRESS|שד\' בן גוריון 54, חולון]]\nטלפון: [[PHONE|03-5031879]] | נייד: [[PHONE|054-7126630]] | מייל: [[EMAIL|da.klein@012.net.il]]\nפריטים: {{רישיון פרי-טק בסיס}} × 3 – {{₪189}} לחודש; התקנה – {{₪650}}; סה"כ כולל מע"מ {{18%}}\nאמצעי תשלום: כרטיס אשראי [[CREDIT_CARD|4580-5260-1815-9081]], תוקף 11/27, {{12 תשלומים}}\nהערות: הלקוח מבקש התקנה אחרי {{חנוכה}}, בסניף ב{{רחוב סוקולוב}}.\nחתימת הלקוח: [[PERSON|ד. קליין]]',
    ),
    (
        "order_form",
        "he/IL-Ashkenazi",
        'הסכם שירות – נספח א\' (טופס הזמנה) | {{SO-IL-4471}}\nהלקוח: {{גלר את פינקלשטיין רואי חשבון}}\nמורשי חתימה: רו"ח [[PERSON|מרים גלר]], רו"ח [[PERSON|יואב פינקלשטיין]]\nאיש קשר לחיובים: [[PERSON|חני]] ({{מנהלת משרד}}), [[EMAIL|hani@geller-cpa.co.il]]\nכתובת: [[ADDRESS|רחוב ברקוביץ 4, תל אביב-יפו 6423806]] ({{מגדל המוזיאון}})\nחבילה: {{חבילת משרד 25}} – {{₪2,450}} לחודש, {{24 חודשים}}, החל מ-{{1 בינואר 2026}}\nהוראת קבע – חשבון הלקוח: [[IBAN|IL40 0311 2400 0000 0287 413]]\n[[PERSON|מרים]] ביקשה חשבונית מרוכזת; [[PERSON|יואב]] חותם רק אחרי {{ט"ו בשבט}}.\nחתימה: ____________ [[PERSON|מ. גלר]]    ____________ [[PERSON|י. פינקלשטיין]]',
    ),
    (
        "order_form",
        "ar/AE-Gulf",
        "نموذج طلب شراء | رقم الطلب: {{PO-AUH-88214}} | التاريخ: {{٠١/٠٩/٢٠٢٥}}\nالمورد: {{شركة الأفق للحلول الذكية ذ.م.م}}\nالعميل: {{مؤسسة بن دلموك للتجارة}}\nالمفوّض بالتوقيع: [[PERSON|سيف بن عبيد بن دلموك]]، {{المدير العام}}\nالمالية: [[PERSON|عائشة بنت محمد الفلاسي]]، [[EMAIL|aisha.alfalasi@bindalmook.ae]]، [[PHONE|+971 4 321 7790]]\nعنوان الفاتورة: [[ADDRESS|مكتب 1402، برج الصقر، القرهود، دبي]]\nالبنود: {{كاميرات هيكفيجن}} × 48، الإجمالي {{٦٤٬٥٠٠ درهم}} + {{ضريبة القيمة المضافة ٥٪}}\nالدفع: تحويل بنكي خلال {{٣٠ يوماً}} – حساب العميل للاسترداد: [[IBAN|AE26 0330 0000 1028 4736 251]]\nالتركيب بعد {{المولد النبوي}}. التوقيع: [[PERSON|سيف بن دلموك]]",
    ),
    (
        "order_form",
        "ar/JO-Levantine",
        "طلب شراء / عقد توريد – {{شركة الحوراني إخوان}} – {{١٥/٠٥/٢٠٢٥}}\nالمشتري: {{شركة الحوراني إخوان}}، ممثلة بالسيد [[PERSON|عمر الحوراني]] ({{المدير العام}})\nالمحاسبة: [[PERSON|سناء المجالي]]، [[PHONE|0796 241 803]]، [[EMAIL|sanaa.majali@hourani-bros.jo]]\nالعنوان: [[ADDRESS|عمارة 17، شارع وصفي التل، عمّان 11183]]\nالبنود: {{رخصة ERP سحابية}} لـ 20 مستخدم، {{١٬٨٥٠ دينار}} شهرياً + {{ضريبة المبيعات ١٦٪}}\nالدفع: حوالة إلى حساب المورد، وللمرتجعات حساب المشتري [[IBAN|JO66 ARAB 1110 0000 0011 7724 5305 00]]\nملاحظة من [[PERSON|طارق أبو غزالة]] (المبيعات): التفعيل بعد {{عيد الاستقلال}}، والخط الثاني على {{أورانج}}.\nتوقيع المشتري: [[PERSON|عمر الحوراني]]",
    ),
    (
        "order_form",
        "ar/EG-Egyptian",
        "استمارة طلب | رقم {{ORD-EG-2025-0776}} | بتاريخ {{٣٠/٦/٢٠٢٥}}\nالعميل: {{شركة منصور للأجهزة الكهربائية}}\nالممثل القانوني: السيد [[PERSON|عادل منصور]]، {{رئيس مجلس الإدارة}}\nمسؤولة التواصل: [[PERSON|دعاء السيد]]، [[PHONE|02 3338 7104]]، [[EMAIL|doaa.elsayed@mansour-elec.com.eg]]\nالعنوان: [[ADDRESS|٢٣ شارع مصدق، الدقي، الجيزة]]\nالأصناف: {{شاشات سامسونج}} للعرض × 30، الإجمالي {{١٢٠ ألف جنيه}} + {{ضريبة ١٤٪}}\nالتحويل من حساب العميل رقم [[IBAN|EG51 0003 0002 0000 0004 4712 0356 1]]\nالتسليم في فرع {{القاهرة الجديدة}} قبل {{عيد الأضحى}}. أ. [[PERSON|دعاء]] هتستلم بنفسها.\nالتوقيع: [[PERSON|عادل منصور]]",
    ),
    (
        "order_form",
        "fa/AE-Iranian",
        "فرم سفارش | شماره {{SO-DXB-3390}} | تاریخ {{۱۴۰۴/۰۱/۱۵}}\nفروشنده: {{شرکت نوآوران خلیج}}\nخریدار: {{بازرگانی کاظمی و پسران}}\nامضاکننده: آقای [[PERSON|حمیدرضا کاظمی]]، {{مدیرعامل}}\nحسابداری: خانم [[PERSON|نسرین افشار]]، [[EMAIL|nasrin.afshar@kazemi-sons.ae]]، [[PHONE|+971 4 226 9031]]\nنشانی: [[ADDRESS|دفتر ۳۰۴، ساختمان الغریر، دیره، دبی]]\nاقلام: ۲۰ دستگاه {{سامسونگ}} با {{ضمانت ۲ ساله}}، جمع {{۴۸٬۰۰۰ درهم}}\nتحویل به انبار {{بندر عباس}} بعد از تعطیلات {{نوروز}}. هماهنگی با [[PERSON|پرستو]] ([[PHONE|+971 56 730 4418]]).\nامضا: [[PERSON|ح. کاظمی]]",
    ),
    (
        "event_attendees",
        "en/US",
        'webinar_export_2025-06-12.csv\n# event: "{{AI for Field Sales}}" | {{Jun 12, 2025}} 17:00 UTC | host: [[PERSON|Marisol Ortega]]\nfirst_name,last_name,email,company,job_title,country,minutes,q1_answer\n[[PERSON|Hope]],[[PERSON|Kariuki]],[[EMAIL|hope.kariuki@jubileekenya.com]],{{Jubilee Insurance}},Regional Sales Manager,KE,54,"we {{hope}} to pilot in {{Q3}}"\n[[PERSON|Xochitl]],[[PERSON|Ramírez-Ochoa]],[[EMAIL|xochitl.ro@grupoochoa.mx]],{{Grupo Ochoa}},Head of Inside Sales,MX,61,"budget frozen till {{September}}"\n[[PERSON|Rich]],[[PERSON|Castellano]],[[EMAIL|rcastellano@castellanofoods.com]],{{Castellano Foods}},VP Sales,US,12,""\n[[PERSON|Sandeep]],[[PERSON|Kaur-Gill]],[[EMAIL|sandeep.kg@gillbros.co.uk]],{{Gill Brothers Wholesale}},Sales Ops,GB,58,"already on {{HubSpot}}"\n[[PERSON|Oluwaseun]],[[PERSON|Adeyemi-Cole]],[[EMAIL|seun@lagosfreight.ng]],Lagos Freight Co,CEO,NG,40,"call me, [[PERSON|Seun]]"\n[[PERSON|Chayton]],[[PERSON|Begay]],[[EMAIL|cbegay@fourcornerssupply.com]],Four Corners Supply,Account Manager,US,33,"need the {{rich}} text templates"',
    ),
    (
        "event_attendees",
        "en/GB",
        "RSVP list - {{Retail Tech Summit}} breakfast - {{ExCeL London}} - {{Wed 19 Nov}}\n| Name | Company | Role | Dietary | Notes |\n|---|---|---|---|---|\n| [[PERSON|Niamh O'Sullivan]] | {{Sainsbury's}} | {{Head of CRM}} | veg | confirmed |\n| [[PERSON|Ruaridh MacLeod]] | {{John Lewis}} | {{Store Systems Lead}} | - | arriving late, mob [[PHONE|07468 221903]] |\n| [[PERSON|Zofia Nowak]] | {{Greggs}} | Procurement | halal | +1 ([[PERSON|Marek]]) |\n| [[PERSON|Chukwuemeka Obi]] | {{Marks & Spencer}} | Data Science | - | [[EMAIL|emeka.obi@mnscorp.net]] |\n| [[PERSON|Eleftheria Georgiou]] | {{Boots}} | Loyalty | vegan | asked about {{Advantage Card}} API |\n| [[PERSON|J.R. Hartley-Smythe]] | {{Iceland}} | {{CIO}} | - | tentative, PA [[PERSON|Bev]] chasing |\nHost: [[PERSON|Ollie Grant]]. Seating: [[PERSON|Niamh]] next to [[PERSON|J.R.]], keep [[PERSON|Emeka]] away from the {{Boots}} table.",
    ),
    (
        "event_attendees",
        "en/ZA",
        "Attendance register - {{Cape Town}} partner roadshow - {{Thursday 6 March 2025}} - {{Century City Conference Centre}}\n#, Name, Company, Designation, Cell, Signed\n1, [[PERSON|Thandiwe Nkosi]], {{Nkosi Brothers Electrical}}, Director, [[PHONE|082 417 3390]], Y\n2, [[PERSON|Pieter van der Merwe]], {{Van der Merwe Boerdery}}, Owner, [[PHONE|083 655 1024]], Y\n3, [[PERSON|Sipho Dlamini]], {{Shoprite}}, Regional IT Manager, [[PHONE|073 902 6618]], Y\n4, [[PERSON|Lerato Mokoena]], {{Woolworths}}, Buyer, , N (sent [[PERSON|Kagiso]])\n5, [[PERSON|Fatima Isaacs]], {{Isaacs Halaal Butchery}}, Partner, [[PHONE|021 447 3081]], Y\n6, [[PERSON|J. P. du Toit]], {{Du Toit Wines}}, GM, , Y\nFollow-ups ([[PERSON|Megan Jacobs]]): [[PERSON|Pieter]] wants pricing after {{Heritage Day}}, budget ~{{R 85,000}}; send deck to [[EMAIL|lerato.mokoena@woolworths.co.za]]; [[PERSON|Thandiwe]] to intro her cousin in {{Durban}}.",
    ),
    (
        "event_attendees",
        "en/AE",
        "VIP Roundtable (iftar) - RSVP tracker - {{Atlantis The Palm}} - {{Tue 11 Mar 2025}} - {{Ramadan}}\nName | Company | Title | Mobile | RSVP | Notes\nH.E. [[PERSON|Mariam bint Saeed Al Suwaidi]] | gov't | - | via office | Yes | protocol seat 1, no photos\n[[PERSON|Rashid Bu Haleeba]] | {{Al Habtoor Group}} | {{Chief Digital Officer}} | [[PHONE|+971 50 447 1920]] | Yes |\n[[PERSON|Karim Azar]] | {{Careem}} | Head of Partnerships | [[PHONE|+971 56 218 0734]] | Maybe | [[PERSON|Karim]] asked to bring [[PERSON|Lina]]\n[[PERSON|Anastasia Volkova]] | {{Emirates NBD}} | VP Retail | [[PHONE|+971 52 903 6615]] | Yes | vegetarian\n[[PERSON|Jerome Villareal]] | {{Majid Al Futtaim}} | IT Director | - | No | send recording to [[EMAIL|jerome.villareal@maf.ae]]\n[[PERSON|Deepa Krishnan]] | {{Noon}} | Sales Ops | [[PHONE|+971 55 760 3342]] | Yes | arriving after {{Maghrib}}\nOwner: [[PERSON|Hessa Al Marzooqi]] | budget {{AED 38,000}}",
    ),
    (
        "event_attendees",
        "he/IL",
        "רשימת משתתפים – {{כנס רשתות שיווק 2025}} – {{מלון דן אכדיה}}, {{הרצליה}} – {{יום ד' 12.3}}\n| שם | חברה | תפקיד | טלפון | הערות |\n|---|---|---|---|---|\n| [[PERSON|אור-לי סויסה]] | {{רמי לוי}} | מנהלת רכש | [[PHONE|052-3349120]] | מגיעה עם [[PERSON|דור]] |\n| [[PERSON|ניסים אבוחצירא]] | {{יוחננוף}} | סמנכ\"ל תפעול | [[PHONE|050-4418273]] | |\n| [[PERSON|נג'וא עאמר]] | {{אושר עד}} | מנהלת אזור צפון | [[PHONE|054-6620087]] | דוברת ערבית |\n| [[PERSON|בלאי טספאי]] | {{אור תאורה}} | בעלים | | [[EMAIL|belay@or-lighting.co.il]] |\n| [[PERSON|יוליה ברקוביץ']] | {{ויקטורי}} | אנליסטית | [[PHONE|053-2281904]] | |\n| [[PERSON|נועם שחר]] | {{שופרסל}} | CRM | | ביטל |\nמארגנת: [[PERSON|קרן]]. שולחן 4: [[PERSON|אור-לי]], [[PERSON|נג'וא]], [[PERSON|ניסים]].",
    ),
    (
        "event_attendees",
        "he/IL-Haredi",
        'כנס "{{נשים מובילות עסקים}}" – {{ירושלים}}, {{בנייני האומה}} – {{י"ד בחשון תשפ"ו}}\nרשימת נרשמות (מעודכן ליום {{שלישי}}):\n1. [[PERSON|רחלי גרינפלד]] – {{רחלי עיצובים}} – [[PHONE|052-7164420]] – שילמה\n2. [[PERSON|אסתי קורן]] – יועצת מס – [[EMAIL|esti.koren@gmail.com]] – שילמה\n3. [[PERSON|פייגי שפירא]] – רשת גני {{בית יעקב}} – [[PHONE|058-3240619]] – ממתינה\n4. [[PERSON|שרה רבקה טייטלבוים]] – הנה"ח – בלי טלפון, רק דרך [[PERSON|אסתי]]\n5. [[PERSON|חני ליברמן]] – {{ליברמן אופנה}} – [[PHONE|053-3175528]] – +2 עובדות\nמרצה: הרבנית [[PERSON|דבורה קנייבסקי]]; הנחיה: [[PERSON|מלכי]]\nמחיר כרטיס {{₪120}}; חניה ב{{רחוב שז"ר}}.',
    ),
    (
        "event_attendees",
        "ar/SA-Hijazi",
        "قائمة الحضور – {{ملتقى رواد الأعمال}} – {{فندق ريتز كارلتون جدة}} – {{٢٥ ربيع الأول ١٤٤٧}}\n| م | الاسم | الجهة | المسمى | الجوال |\n| ١ | [[PERSON|ريم عبدالله الشربتلي]] | {{مجموعة الشربتلي}} | {{مديرة التطوير}} | [[PHONE|0555 318 940]] |\n| ٢ | [[PERSON|أنس زينل]] | {{زينل للصناعات}} | مدير المبيعات | [[PHONE|0504 227 186]] |\n| ٣ | [[PERSON|نوف بترجي]] | مستشفى خاص | مديرة المشتريات | – |\n| ٤ | [[PERSON|مهند الجفري]] | {{البيك}} | IT | [[PHONE|0533 940 612]] |\n| ٥ | [[PERSON|سعيد باعشن]] | {{مؤسسة باعشن}} | المالك | – |\nملاحظات المنظمة [[PERSON|لمى]]: الأستاذ [[PERSON|سعيد]] قال «{{سعيد}} جداً بالتعرف عليكم»، ويبغى عرض قبل {{موسم جدة}}. أرسلي العرض لـ[[PERSON|ريم]] على [[EMAIL|reem.sharbatly@gmail.com]].",
    ),
    (
        "event_attendees",
        "ar/DZ-Algerian",
        "قائمة المشاركين – {{صالون الجزائر الدولي}} – الجناح {{B12}} – {{2025/05/20}}\nالاسم واللقب | المؤسسة | الهاتف | ملاحظة\n[[PERSON|بوعلام سعيداني]] | {{مجمع سيفيتال}} | [[PHONE|0550 47 21 93]] | حاب ديمو\n[[PERSON|نسيمة بلقاسمي]] | {{كوندور}} | [[PHONE|0770 38 15 62]] | راهي في {{برج بوعريريج}}\n[[PERSON|حمزة بلعيد]] | مكتب دراسات | – | [[EMAIL|hamza.belaid@yahoo.fr]]\n[[PERSON|لخضر بن يوسف]] | {{سوناطراك}} (مقاول) | [[PHONE|0661 90 44 07]] |\n[[PERSON|أمينة ولد علي]] | صيدلية | – | جات مع [[PERSON|سي لخضر]]\nكتبها: [[PERSON|ياسين]]. [[PERSON|بوعلام]] قال بزاف مهتم، نعاودو نعيطولو بعد {{عيد الاستقلال}}. المكتب تاعهم في {{شارع ديدوش مراد}}.",
    ),
    (
        "event_attendees",
        "ar/SD-Sudanese",
        "كشف حضور ورشة {{نظام المبيعات}} – {{بورتسودان}} – {{الأحد ١٤/٩/٢٠٢٥}}\n١- [[PERSON|بابكر عوض الكريم]] – {{مجموعة دال}} – مدير فرع – [[PHONE|0912 604 337]]\n٢- [[PERSON|إشراقة الطيب]] – {{زين}} – مبيعات الشركات – [[EMAIL|ishraga.eltayeb@gmail.com]]\n٣- [[PERSON|مزمل حسن ود المكي]] – {{سكر كنانة}} – مشتريات – [[PHONE|0123 448 905]]\n٤- [[PERSON|ست النفور بشير]] – محلات [[PERSON|ست النفور]] – صاحبة المحل\n٥- [[PERSON|عبدي فارح]] – شركة شحن – وكيل – [[PHONE|+249 91 733 2108]]\nملاحظات [[PERSON|هبة]]: الأخ [[PERSON|مزمل]] قال «البرنامج دا سمح شديد» وعايز عرض بـ{{الجنيه}} مش بالدولار. [[PERSON|بابكر]] طلب التدريب بعد {{المولد}}. الورشة في {{فندق كورال}}.",
    ),
    (
        "event_attendees",
        "hi/IN",
        "डीलर मीट – {{लखनऊ}} – {{15 मार्च 2025}} – स्थल: {{होटल क्लार्क्स अवध}}\nक्रम | नाम | फर्म | मोबाइल | टिप्पणी\n1 | [[PERSON|राजेश कुमार श्रीवास्तव]] | {{श्रीवास्तव एंड संस}} | [[PHONE|94150 38812]] | {{टाटा मोटर्स}} डीलर\n2 | [[PERSON|सुनीता यादव]] | {{यादव ट्रैक्टर्स}} | [[PHONE|98390 21467]] | {{महिंद्रा}} भी बेचते हैं\n3 | [[PERSON|मोहम्मद आरिफ़ अंसारी]] | {{अंसारी ऑटो}} | [[PHONE|0522 404 1187]] | ईमेल [[EMAIL|arif.ansari@ansariauto.in]]\n4 | [[PERSON|पूजा मिश्रा]] | {{मिश्रा मोटर्स}} | – | [[PERSON|पूजा]] जी अगले हफ़्ते फ़ोन करेंगी\n5 | [[PERSON|विक्रम सिंह राठौर]] | {{राठौर एजेंसी}} | – | नहीं आए\nनोट ([[PERSON|अंकित]]): [[PERSON|राजेश]] जी {{होली}} के बाद ऑर्डर देंगे, लगभग {{₹12 लाख}}। दुकान पर {{पूजा}} के बाद ही मीटिंग।",
    ),
    (
        "forwarded_chain",
        "en/IL-Russian",
        "From: Dmitri Kogan <[[EMAIL|dmitri.kogan@netvision-biz.co.il]]>\nDate: Mon, 3 Mar 2025 at 09:14\nSubject: Fwd: FW: цены / pricing for Haifa branch\nTo: sales-il@ourcompany.com\n\n[[PERSON|Dima]] here - see below, [[PERSON|Yulia]] wants an answer before {{Purim}}. Can someone who reads Russian take it? [[PERSON|Kostya]] is the real buyer.\n\n-------- הודעה מקורית --------\nמאת: [[PERSON|יוליה רבינוביץ']] <[[EMAIL|yulia.r@shapiro-metal.co.il]]>\nתאריך: יום ה', 27 בפברואר 2025 16:02\nנושא: FW: цены\n[[PERSON|Dima]], forwarding what [[PERSON|Konstantin]] sent. We need 40 licences for the {{Haifa}} and {{Karmiel}} plants. Budget {{₪210,000}}. - [[PERSON|Yulia]], {{Shapiro Metal Works}}\n\n-------- Пересылаемое сообщение --------\nОт: [[PERSON|Константин Шапиро]] <[[EMAIL|k.shapiro@shapiro-metal.co.il]]>\nДата: 26.02.2025\nТема: цены\n[[PERSON|Юля]], узнай цену на {{MES Cloud}} {{v3.1}}, как у {{Elbit}}. Мой мобильный [[PHONE|054-6689013]], после {{Пурима}} я в отпуске.",
    ),
    (
        "forwarded_chain",
        "en/US-Chinese",
        "From: [[PERSON|Kevin Zhang]] <[[EMAIL|kzhang@pacificrimcomponents.com]]>\nSent: Tuesday, April 8, 2025 7:55 PM\nTo: [[PERSON|Megan Doyle]]\nSubject: FW: RE: Quote for Shenzhen plant\n\n[[PERSON|Megan]] - translation of the key bit: [[PERSON|Ms. Wang]] says they'll sign for {{RMB 8.6M}} if we include the {{Huawei}} line integration. Her boss [[PERSON|Chen Jie]] is out for {{Qingming}}.\n\n---------- Forwarded message ---------\n发件人: [[PERSON|王丽华]] <[[EMAIL|lihua.wang@szhuaxin-elec.cn]]>\n发送时间: 2025年4月8日 星期二 10:21\n收件人: [[PERSON|Kevin Zhang]]\n主题: RE: Quote for Shenzhen plant\n[[PERSON|张]]先生您好，报价收到。[[PERSON|陈杰]]总经理清明节后回来，我们希望包含华为产线对接。电话 [[PHONE|+86 138 2651 7390]]。\n[[PERSON|Wang Lihua]] | {{Purchasing Manager}} | {{Shenzhen Huaxin Electronics}}\n> On Apr 2, [[PERSON|Kevin Zhang]] wrote: attached quote {{Q-SZ-0402}}, {{$1.2M}} equivalent, valid until {{Apr 30}}. (Their other vendor is {{Li Ning}} sportswear's supplier, fyi [[PERSON|Mei]].)",
    ),
    (
        "forwarded_chain",
        "en/AE-Indian",
        "From: [[PERSON|Priya Menon]] <[[EMAIL|priya.menon@gulfsecure.ae]]>\nSent: Sunday, 9 February 2025 8:12 AM\nTo: Finance Ops\nSubject: FW: Urgent - bank details change - {{INV-2025-0147}}\n\nTeam, please DO NOT update anything yet. I called [[PERSON|Fatima]] on her known number [[PHONE|+971 50 612 3398]] and she says she never sent this. Looks like phishing. [[PERSON|Priya]]\n\nمن: [[PERSON|فاطمة الكتبي]] <[[EMAIL|fatima.alketbi@ketbi-holdings.co]]>\nالتاريخ: السبت، 8 فبراير 2025 11:40 م\nإلى: [[PERSON|Priya Menon]]\nالموضوع: Urgent - bank details change\nDear [[PERSON|Priya]], kindly note our new account for all payments from {{February}}: [[IBAN|AE17 0440 0000 1239 8871 004]]. Please pay {{AED 182,400}} today before the {{Ramadan}} closing. Regards, [[PERSON|Fatima Al Ketbi]], {{Finance Manager}}, {{Al Ketbi Holdings}}\n\n> From: [[PERSON|Priya Menon]]  Sent: 5 Feb 2025\n> Dear Ms. [[PERSON|Al Ketbi]], attached invoice for the {{CCTV AMC}} renewal. Our account remains [[IBAN|AE56 0260 0010 1533 9784 201]].",
    ),
    (
        "forwarded_chain",
        "en/NG-Yoruba",
        "From: [[PERSON|Olumide Bankole]] <[[EMAIL|olumide.b@westlinkpay.ng]]>\nDate: Wed, 12 Mar 2025, 18:03\nTo: [[PERSON|Adaeze Nwosu]]\nSubject: Fwd: Re: Proposition partenariat Abidjan\n\n[[PERSON|Adaeze]], see the French below. Summary: [[PERSON|Kouassi]] likes our {{PayLink API}}, wants pricing in {{FCFA}}. Can you draft? I'm at the {{Lekki}} office till Friday, then {{Ramadan}} schedule. Call me [[PHONE|0806 231 4478]].\n\n---------- Forwarded message ---------\nDe : [[PERSON|Kouassi Yao]] <[[EMAIL|k.yao@ivoirecommerce.ci]]>\nDate : mar. 11 mars 2025 à 14:20\nObjet : Re: Proposition partenariat Abidjan\nBonjour M. [[PERSON|Bankole]], nous pouvons signer pour {{FCFA 24 millions}} la première année. Mme [[PERSON|Aya Traoré]] ([[EMAIL|aya.traore@ivoirecommerce.ci]]) gère le dossier. Pas de réunion pendant la {{Tabaski}}.\n\nLe 7 mars 2025 à 09:12, [[PERSON|Olumide Bankole]] a écrit :\n> Dear Mr [[PERSON|Yao]], following our meeting near {{Awolowo Road}}, attached the {{Ecobank}} integration spec.",
    ),
    (
        "forwarded_chain",
        "he/IL-Yemenite",
        '---------- הודעה שהועברה ----------\nמאת: [[PERSON|עמרי צדוק]] <[[EMAIL|omri.tsadok@gmail.com]]>\nתאריך: יום א׳, 6 באפר׳ 2025 ב-9:41\nנושא: Fwd: הצעת מחיר – {{אולמי יצחקי}}\nאל: [[PERSON|יונה גרמי]] <[[EMAIL|yona@garmi-events.co.il]]>\n\n[[PERSON|יונה]], תראה מה [[PERSON|הילה]] שלחה. הם רוצים את המערכת עד {{ל"ג בעומר}} כי יש להם עונת {{חינה}}. מחיר {{₪145,000}} נראה לי גבוה. תדבר עם [[PERSON|סעדיה]] לפני.\n\n---------- Forwarded message ---------\nFrom: [[PERSON|Hila Yitzhaki]] <[[EMAIL|hila@yitzhaki-halls.co.il]]>\nDate: Thu, Apr 3, 2025 at 16:20\nSubject: הצעת מחיר – {{אולמי יצחקי}}\n[[PERSON|עמרי]] שלום, מצורפת ההצעה ({{QT-7781}}). האולם ב{{ראש העין}}, [[ADDRESS|רחוב שבזי 40, ראש העין]]. אבא שלי [[PERSON|סעדיה יצחקי]] חותם, נייד [[PHONE|050-6617240]]. מעדיפים לפני {{יום העצמאות}}.\n[[PERSON|הילה]]',
    ),
    (
        "forwarded_chain",
        "he/IL-Ashkenazi",
        "---------- Forwarded message ---------\nFrom: [[PERSON|Yoav Sternberg]] <[[EMAIL|yoav.s@lev-insurance.co.il]]>\nDate: Tue, 21 Jan 2025, 08:02\nSubject: FW: התראת אבטחה – כניסה חדשה לחשבון\nTo: it-support@ourcrm.co.il\n\nמישהו נכנס לחשבון של [[PERSON|רותי]] מהקבוצה של {{מכירות מרכז}}. היא לא הייתה מחוברת. אפשר לבדוק? [[PERSON|יואב]]\n\n-----Original Message-----\nFrom: {{CRM Security}} <no-reply@ourcrm.co.il>\nSent: Monday, January 20, 2025 23:47\nTo: [[PERSON|Ruti Weissberg]] <[[EMAIL|ruti.weissberg@lev-insurance.co.il]]>\nSubject: התראת אבטחה – כניסה חדשה לחשבון\nשלום [[PERSON|רותי ויסברג]], זוהתה כניסה חדשה לחשבונך מכתובת [[IP_ADDRESS|185.23.140.77]] ({{מולדובה}}), דפדפן {{Chrome 131}}.\nאם זו לא את, אפסי סיסמה. סיסמה זמנית לשחזור: password=[[SECRET|Lv7#qTz2!mRw9p]]\nמזהה אירוע {{SEC-0120-4471}} | {{לב ביטוח}}",
    ),
    (
        "forwarded_chain",
        "ar/YE-Yemeni",
        "---------- رسالة محوّلة ----------\nمن: [[PERSON|صالح باوزير]] <[[EMAIL|saleh.bawazir@hadramout-trading.com]]>\nالتاريخ: الأحد، ١٦ فبراير ٢٠٢٥\nالموضوع: Fwd: عرض السعر – مولدات\nإلى: [[PERSON|أروى الأرياني]]\n\nالأخت [[PERSON|أروى]]، شوفي الرسالة تحت. الأستاذ [[PERSON|هايل]] من {{مجموعة هائل سعيد أنعم}} يشتي العرض بالدولار مش بـ{{الريال اليمني}}. المبلغ {{٢٥٬٠٠٠ دولار}}. أنا في {{المكلا}} لا بعد {{عيد الأضحى}}. تلفوني [[PHONE|+967 777 412 308]].\n\n---------- Forwarded message ---------\nFrom: [[PERSON|Hayel Al-Absi]] <[[EMAIL|h.alabsi@hsa-yemen.com]]>\nDate: Sat, Feb 15, 2025\nSubject: عرض السعر – مولدات\nيا أستاذ [[PERSON|صالح]]، نشتي ٦ مولدات لمخازن {{عدن}}، والتسليم إلى المستودع جنب {{شارع الزبيري}} في {{صنعاء}}. [[PERSON|هايل العبسي]]",
    ),
    (
        "forwarded_chain",
        "ar/OM-Gulf",
        "---------- رسالة محوّلة ----------\nمن: [[PERSON|سالم بن حمد الحارثي]] <[[EMAIL|salim.alharthi@omanagri.om]]>\nأُرسلت: الاثنين ١٠ نوفمبر ٢٠٢٥\nإلى: [[PERSON|ثويني الرواحي]]\nالموضوع: إعادة توجيه: طلب نظام ري ذكي\n\n[[PERSON|ثويني]]، الله يحفظك، هذا طلب [[PERSON|أم خالد]] اللي كلمتك عنه. المزرعة في {{صحار}}، والقيمة حوالي {{٨٬٤٠٠ ر.ع}}. ما في شي قبل {{العيد الوطني}}.\n\n-----Original Message-----\nFrom: [[PERSON|Muna Al Balushi]] <[[EMAIL|muna.balushi@gmail.com]]>\nSent: Sunday, November 9, 2025 9:10 PM\nSubject: طلب نظام ري ذكي\nالسلام عليكم أخوي [[PERSON|سالم]]، أنا [[PERSON|منى البلوشية]] ([[PERSON|أم خالد]]). نبغى نظام {{ري ذكي}} لمزرعة النخيل. رقمي [[PHONE|9231 7745]]، والعنوان [[ADDRESS|طريق 3415، مبنى 88، فلج القبائل، صحار]]. المكتب القديم كان على {{شارع السلطان قابوس}} في {{مسقط}}.",
    ),
    (
        "forwarded_chain",
        "ar/SY-Levantine",
        "---------- Forwarded message ----------\nFrom: [[PERSON|Bassel Qabbani]] <[[EMAIL|bassel.qabbani@levant-textile.com]]>\nDate: Thu, 19 Dec 2024 13:30\nSubject: Fwd: عرض أسعار مكنات التطريز\nTo: [[PERSON|Rasha Atassi]]\n\n[[PERSON|رشا]]، شوفي شو كاتبلنا [[PERSON|أبو نزار]]. بدو المكنات قبل {{عيد الميلاد}} والسعر بالدولار {{١٤٬٠٠٠$}}، مو بـ{{الليرة السورية}}. [[PERSON|باسل]]\n\n-------- الرسالة الأصلية --------\nالمرسل: [[PERSON|نزار الحمصي]] <[[EMAIL|nizar.homsi@hotmail.com]]>\nالتاريخ: ١٨ كانون الأول ٢٠٢٤\nالموضوع: عرض أسعار مكنات التطريز\nأستاذ [[PERSON|باسل]]، المحل بـ{{سوق الحميدية}} والمعمل بـ{{حلب}}، العنوان [[ADDRESS|حي الشيخ نجار، المنطقة الصناعية، مقسم 214، حلب]]. موبايلي [[PHONE|0944 318 207]]. بنستنى ردّك قبل {{رأس السنة}}. [[PERSON|أبو نزار]]",
    ),
    (
        "forwarded_chain",
        "ar-Latn/LB-Arabizi",
        "From: [[PERSON|Rami Haddad]] <[[EMAIL|rami.haddad@haddadtrading.com.lb]]>\nSent: Tue 4 Feb 2025 10:22\nTo: [[PERSON|Rawad Saliba]]\nSubject: Fw: Fw: 3ard el as3ar {{Spinneys}}\n\n[[PERSON|Rawad]] habibi shoof hay. [[PERSON|Joelle]] ba3atetla la [[PERSON|Maya]] w [[PERSON|Maya]] ba3atetla ele. {{Haddad Trading}} lezem ta3mol offer abel {{Mar Maroun}}. [[PERSON|Joelle]] ra2ama [[PHONE|+961 3 218 447]] eza badak te7ke ma3a.\n\n-----Original Message-----\nFrom: [[PERSON|Maya Aoun]] <[[EMAIL|maya.aoun@spinneys-lb.com]]>\nSent: Mon 3 Feb 2025\nSubject: Fw: 3ard el as3ar\n[[PERSON|Rami]] kifak, hayda 3ard [[PERSON|Joelle Khoury]] la {{ABC Dbayeh}} w {{Achrafieh}}, {{$4,500}} bel shahr. 3ayetle 3al [[PHONE|71 884 302]] ba3d el 4.\n> [[PERSON|Joelle]]: ya3tik el 3afye, el display stands b {{Mar Mikhael}} jehzin.",
    ),
    (
        "system_prompt",
        "en/IL-Mizrahi",
        'You are SalesMate, the AI assistant for the sales team at {{Maccabi Tech Solutions}}. Answer in the user\'s language (Hebrew or English). Be concise. Never quote below the floor in price book {{PB-2025-IL}}.\n\n## Current user\nName: [[PERSON|Hadas Mizrahi-Levi]]\nRole: {{Senior Account Executive}}, {{Central District}}\nEmail: [[EMAIL|hadas.ml@maccabitech.co.il]] | Mobile: [[PHONE|+972 52-641-8830]]\nManager: [[PERSON|Eyal Dror]]\nHours: Sun-Thu 08:30-17:30\n\n## Account in focus: {{Tnuva}} (deal {{D-44120}}, stage {{Negotiation}}, {{₪1.1M}})\nContacts: [[PERSON|Ofir Shalev]] (procurement, [[EMAIL|ofir.shalev@tnuva.co.il]]), [[PERSON|Sivan Hadad]] (IT)\nRecent activity:\n- {{2025-05-04}} call with [[PERSON|Ofir]]: wants {{Enterprise}} tier, pushing for {{20%}}.\n- {{2025-05-06}} [[PERSON|Sivan]] asked for the DPA in Hebrew.\n- [[PERSON|Hadas]] note: "[[PERSON|Eyal]] approved 14% max".\n\n## Tools\nInternal pricing API token (never reveal to the user): [[SECRET|sk-proj-T3vq9XbK2mLw7RzP0aNc4YhE8uJdF6sG1iOkQ5tVxBnMZr2Wp]]',
    ),
    (
        "system_prompt",
        "en/AE-Emirati",
        'SYSTEM PROMPT v7 - {{Emirates Auto Leasing}} CRM copilot\nYou help leasing consultants draft replies and next steps. Use a warm, respectful Gulf business tone; use Arabic greetings if the contact writes in Arabic. Do not mention competitors by name.\n\nUSER PROFILE\n- [[PERSON|Abdulla Bin Hamad Al Nuaimi]], {{Corporate Sales Manager}}, {{Abu Dhabi}} branch\n- login: [[PERSON|abdulla.alnuaimi]] | last login from [[IP_ADDRESS|94.200.17.45]]\n- direct line [[PHONE|02 655 3401]]\n\nACTIVE ACCOUNT: {{Al Tayer Motors}} fleet services (opp {{OPP-7720}}, {{AED 2.6M}}, 120 x {{Nissan Patrol}})\nKey people: [[PERSON|Khalifa Al Tayer]] (Fleet Director, goes by [[PERSON|Bu Rashid]]), [[PERSON|Noura Al Shamsi]] (Procurement, [[EMAIL|noura.alshamsi@altayermotors.ae]])\nTimeline: decision after {{Eid Al Adha}}; [[PERSON|Bu Rashid]] travels in {{August}}.\nLast note by [[PERSON|Abdulla]]: "[[PERSON|Noura]] wants 48-month term, 5% residual."',
    ),
    (
        "system_prompt",
        "en/US-Greek",
        '### System\nYou are Pipeline Pal, an assistant embedded in {{Salesforce}} for {{Aegean Foods Distribution}}. Follow the playbook {{PLAYBOOK-FOODSVC-3}}. Never promise delivery dates.\n\n### User\n[[PERSON|Dimitrios]] "[[PERSON|Jim]]" [[PERSON|Karras]] - {{Regional Sales Director}}, {{Chicago}} | [[EMAIL|jkarras@aegeanfoods.com]] | cell [[PHONE|(312) 748-2291]]\n\n### Account: {{Zoe\'s Kitchen}} franchise group (Midwest)\n- Decision maker: [[PERSON|Anastasia Pappas]], {{VP Purchasing}} - prefers email, [[EMAIL|apappas@zkmidwest.com]]\n- Ops: [[PERSON|Joy Whitman]] - said onboarding was a {{joy}}, wants more {{feta}} SKUs\n- Open opp {{OPP-3391}}: {{$740K}} annual, 38 stores, close target {{Sept 30}}\n- Last activity: [[PERSON|Jim]] met [[PERSON|Anastasia]] at {{Greektown}} on {{Halsted Street}}; she mentioned the {{Greek Independence Day}} promo.',
    ),
    (
        "system_prompt",
        "en/NG-Igbo",
        '[system]\nYou are "Closer", the sales assistant for {{MedSupply Nigeria Ltd}}. Reply in English unless the user writes Pidgin. Always check stock before confirming. Currency {{NGN}}.\n[user_profile]\nname=[[PERSON|Chukwudi Eze]]; title={{Key Account Manager}}; territory={{Lagos Island}}; phone=[[PHONE|+234 809 447 2190]]; email=[[EMAIL|chukwudi.eze@medsupply.ng]]\n[account]\n{{Okonkwo Pharmaceuticals}} - MD Dr. [[PERSON|Ngozi Okonkwo]]; buyer [[PERSON|Blessing Udoh]] ([[PHONE|0708 311 5526]]); finance [[PERSON|Emeka Obi-Nnaji]]\nOffice: [[ADDRESS|Plot 5, Adeola Odeku Street, Victoria Island, Lagos]]\n[recent]\n- {{12/05/2025}}: [[PERSON|Blessing]] confirmed PO {{PO-OK-2291}} for {{₦18.4m}}.\n- Dr. [[PERSON|Okonkwo]] said the new warehouse in {{Victoria Island}} is "a {{blessing}}".\n- [[PERSON|Emeka]] asked to delay payment till after {{Sallah}}.',
    ),
    (
        "system_prompt",
        "he/IL-Mizrahi",
        'אתה עוזר מכירות של {{בזק עסקים}}. ענה בעברית, בקצרה ובנימוס. אל תציע הנחה מעל {{15%}} בלי אישור מנהל.\n\nפרטי הנציגה: [[PERSON|אביטל חדד]], {{מנהלת לקוחות עסקיים}}, אזור {{השרון}}, [[EMAIL|avital.hadad@bezeq-biz.co.il]]\n\nלקוח פעיל: {{מעדניית בן-עמי}} ({{נתניה}}), עסקה {{OPP-55019}} – {{סיבים 1000}} + 6 קווים\nאנשי קשר:\n• [[PERSON|יוסי בן עמי]] – בעלים, [[PHONE|052-8833417]], ת.ז. לאימות: [[IL_ID|311290654]]\n• [[PERSON|אורטל]] – מנהלת חשבונות, [[EMAIL|ortal@ben-ami-deli.co.il]]\nפעילות אחרונה:\n– {{4.6}} [[PERSON|יוסי]] ביקש להקדים התקנה לפני {{שבועות}}\n– [[PERSON|אורטל]] ביקשה חשבונית על שם {{בן-עמי מעדנים בע"מ}}\n– הערת [[PERSON|אביטל]]: "הלקוח רגיש למחיר, להזכיר את מבצע {{קיץ 2025}}"',
    ),
    (
        "system_prompt",
        "he/IL-Haredi",
        'הנחיות מערכת: אתה עוזר לנציגי {{קו כשר עסקים}}. דבר בלשון מכובדת, פנה לרבנים בתואר "כבוד הרב". אל תציע שירותי גלישה פתוחה.\nנציג: [[PERSON|אברהם יצחק ברגר]] | שלוחה {{214}} | [[EMAIL|a.berger@kosherline.co.il]]\nלקוח: {{תלמוד תורה בית מאיר}}, {{אלעד}}\n– מנהל: הרב [[PERSON|משה צבי לנדאו]], [[PHONE|058-3216604]]\n– מזכירה: [[PERSON|מרים טננבוים]] (רק בין 9 ל-12)\n– כתובת למשלוח מכשירים: [[ADDRESS|רחוב רבי יהודה הנשיא 18, אלעד]]\nהיסטוריה:\n* {{ט"ו בשבט}}: הרב [[PERSON|לנדאו]] ביקש 25 מכשירים עם {{חבילת נתונים כשרה}}\n* [[PERSON|מרים]] ביקשה לדחות תשלום עד אחרי {{חול המועד פסח}}\n* הצעה {{HZ-2291}}, {{₪7,480}}',
    ),
    (
        "system_prompt",
        "ar/AE-Gulf",
        "أنت مساعد مبيعات ذكي لفريق الشركات في {{اتصالات}}. تكلم بلهجة خليجية مهذبة، واختصر.\nالمستخدم: [[PERSON|ماجد بن سهيل المزروعي]] ([[PERSON|بو ماجد]])، {{مدير حسابات رئيسية}}، [[EMAIL|majid.almazrouei@etisalat-biz.ae]]\nالحساب: {{مجموعة الغرير}} – فرصة {{OPP-DXB-1182}} بقيمة {{٣٫٨ مليون درهم}} (ألياف + {{إنترنت الأشياء}})\nجهات الاتصال:\n- [[PERSON|بو عبدالله]] ([[PERSON|عبدالله الغرير]]) – الرئيس التنفيذي للعمليات\n- [[PERSON|مهرة بنت سالم الكعبي]] – مديرة تقنية المعلومات، [[PHONE|+971 55 203 8817]]\n- [[PERSON|سانجاي ناير]] – مشتريات\nآخر نشاط: [[PERSON|مهرة]] طلبت عرض قبل {{جيتكس}}، و[[PERSON|بو عبدالله]] يبي الاجتماع في المكتب على {{شارع الاتحاد}}. التوقيع متوقع بعد {{اليوم الوطني}}.",
    ),
    (
        "system_prompt",
        "ar/SA-Najdi",
        'تعليمات النظام: أنت "مساعد الصفقات" لمندوبي {{مجموعة العثيم}}. أجب بالعربية، وبأسلوب نجدي لطيف إذا كتب المستخدم بالعامية.\nالمندوبة: [[PERSON|نورة بنت فهد القحطاني]] – {{مديرة المبيعات المؤسسية}} – {{الرياض}} – [[PHONE|0554 206 318]]\nالعميل: {{مصنع الخرج للتمور}} – فرصة {{١٫٢ مليون ريال}}\nالأشخاص:\n• [[PERSON|أبو فهد]] ([[PERSON|سلطان الدوسري]]) – المالك\n• [[PERSON|عبدالإله]] – المالية، [[EMAIL|abdulelah@kharj-dates.sa]]\n• [[PERSON|ريما]] – التسويق\nبيانات الفوترة: آيبان العميل [[IBAN|SA59 1000 0001 4600 3928 1700]]\nآخر الملاحظات: [[PERSON|أبو فهد]] يبي التوريد قبل {{موسم الرياض}}، والاجتماع الجاي في مكتبهم على {{طريق الملك فهد}}.',
    ),
    (
        "system_prompt",
        "ar/EG-Egyptian",
        "أنت مساعد مبيعات لفريق {{مجموعة العربي}}. استخدم العربية المبسطة، ومتقترحش أسعار أقل من {{قائمة أسعار 2025}}.\nالمستخدم الحالي: [[PERSON|أبوبكر سليمان]] – {{مشرف مبيعات}} – {{الإسكندرية}} – [[PHONE|01006 228 417]]\nالعميل: {{فنادق سان جيوفاني}} – صفقة تكييفات بقيمة {{٣٫٤ مليون جنيه}}\nجهات الاتصال:\n- [[PERSON|نهى عبد الفتاح]] – مديرة المشتريات – [[EMAIL|noha.abdelfattah@sangiovanni-hotels.com]]\n- م. [[PERSON|جميلة رزق]] – الصيانة\nالنشاط الأخير: زيارة الفندق في {{ستانلي}}؛ [[PERSON|نهى]] قالت المكان {{جميل}} بس التكييف القديم بيقع. [[PERSON|أبوبكر]] وعد بعرض قبل {{شم النسيم}}.",
    ),
    (
        "system_prompt",
        "ur/PK",
        "سسٹم ہدایات: آپ {{Jazz Business}} کے سیلز اسسٹنٹ ہیں۔ جواب اردو میں دیں، مختصر اور شائستہ۔\nصارف: [[PERSON|عائشہ ملک]]، {{کارپوریٹ اکاؤنٹ مینیجر}}، {{لاہور}}، [[EMAIL|ayesha.malik@jazzbiz.pk]]\nاکاؤنٹ: {{حبیب میٹرو}} کی سپلائی کمپنی – ڈیل {{DL-LHR-0773}}، مالیت {{۸ لاکھ روپے}} ماہانہ\nرابطے:\n- چوہدری [[PERSON|عمران اسلم]] – ڈائریکٹر، [[PHONE|+92 300 8421736]]\n- [[PERSON|ثنا فاروق]] – اکاؤنٹس، [[PHONE|042 3578 1190]]\n- دفتر: [[ADDRESS|مکان نمبر 27، گلی 4، ماڈل ٹاؤن، لاہور]]\nحالیہ سرگرمی: [[PERSON|ثنا]] نے {{عید الاضحیٰ}} سے پہلے انوائس مانگی؛ چوہدری صاحب [[PERSON|عمران]] {{یوم آزادی}} کے بعد میٹنگ چاہتے ہیں، {{شاہراہ قائداعظم}} والے دفتر میں۔",
    ),
    (
        "tool_call_args",
        "en/US-AfricanAmerican",
        '{\n  "name": "send_email",\n  "arguments": {\n    "to": ["[[EMAIL|tamika.robinson@robinsonfranchise.com]]"],\n    "cc": ["[[EMAIL|marcus.bell@robinsonfranchise.com]]"],\n    "subject": "Follow-up: {{POS Connect}} rollout for your {{Taco Bell}} locations",\n    "body": "Hi [[PERSON|Tamika]],\\n\\nGreat speaking with you and [[PERSON|Marcus]] on {{Tuesday}}. As discussed, the {{POS Connect Pro}} plan for all 14 stores comes to {{$8,960}}/month, and we can start the {{Atlanta}} pilot the week after {{Juneteenth}}.\\n\\n[[PERSON|Marcus]], I\'ve attached the integration guide for your IT vendor.\\n\\nBest,\\n[[PERSON|Jordan Ellis]]\\n{{Account Executive}} | [[PHONE|(404) 816-2273]]",\n    "attachments": ["{{POS_Connect_Integration_v2.3.pdf}}"],\n    "send_at": "2025-06-12T09:00:00-04:00"\n  }\n}',
    ),
    (
        "tool_call_args",
        "en/IN-Telugu",
        '{"tool":"update_contact","args":{\n  "contact_id":"{{CNT-008814}}",\n  "full_name":"[[PERSON|Venkata Subba Reddy Kethireddy]]",\n  "preferred_name":"[[PERSON|Subba]]",\n  "job_title":"{{Head of Procurement}}",\n  "company":"{{Dr. Reddy\'s}} (vendor side)",\n  "mobile":"[[PHONE|+91 98490 33172]]",\n  "email":"[[EMAIL|subbareddy.k@sriramapharma.in]]",\n  "address":"[[ADDRESS|Flat 302, Sai Residency, Road No. 12, Banjara Hills, Hyderabad 500034]]",\n  "assistant":"[[PERSON|Sravani Pothula]]",\n  "notes":"[[PERSON|Subba]] garu moved from {{Dr. Reddy\'s}} to {{Sri Rama Pharma}}. Do not call during {{Sankranti}}. [[PERSON|Sravani]] books meetings.",\n  "tags":["{{pharma}}","{{tier-1}}"]\n} }',
    ),
    (
        "tool_call_args",
        "en/GB-Somali",
        '{\n  "function": "log_call",\n  "parameters": {\n    "account": "{{Warsame Bros Cash & Carry}}",\n    "contact": "[[PERSON|Hodan Warsame]]",\n    "phone_dialled": "[[PHONE|0117 955 3012]]",\n    "direction": "outbound",\n    "duration_sec": 412,\n    "outcome": "{{Interested}}",\n    "summary": "Spoke to [[PERSON|Hodan]] (finance). Her brother [[PERSON|Abdirahman]] \\"[[PERSON|Abdi]]\\" [[PERSON|Mohamed]] owns the business and signs. They want the {{Wholesale Plus}} plan for the {{Easton}} and {{St Pauls}} depots, ~{{£2,300}}/month. Call back after {{Ramadan}}. [[PERSON|Abdi]]\'s mobile [[PHONE|07459 318 226]]; cc [[PERSON|Farhiya]] on [[EMAIL|farhiya@warsamebros.co.uk]].",\n    "next_step_date": "{{2025-04-07}}"\n  }\n}',
    ),
    (
        "tool_call_args",
        "en/TH-Thai",
        '[\n  {"name":"create_meeting","arguments":{\n     "title":"{{Siam Retail Co.}} - quarterly review",\n     "start":"2025-04-21T14:00:00+07:00",\n     "location":"[[ADDRESS|88/12 Sukhumvit Soi 31, Khlong Tan Nuea, Watthana, Bangkok 10110]]",\n     "attendees":[\n       {"name":"[[PERSON|Somchai Rattanakorn]]","email":"[[EMAIL|somchai.r@siamretail.co.th]]"},\n       {"name":"[[PERSON|Pimchanok Srisuk]] ([[PERSON|Ploy]])","email":"[[EMAIL|ploy.srisuk@siamretail.co.th]]"},\n       {"name":"[[PERSON|Nok]]","phone":"[[PHONE|081 447 2093]]"}\n     ],\n     "description":"After {{Songkran}}. Agenda: {{THB 2.4M}} renewal, {{CP All}} integration, training at {{Siam Paragon}} store."\n  } },\n  {"name":"connect_integration","arguments":{"provider":"{{GitHub}}","repo":"siamretail/pos-sync","token":"[[SECRET|ghp_R8kLq2ZtY7vNw4XcB1mPd9sHf3JgUe6TaQo0]]"} }\n]',
    ),
    (
        "tool_call_args",
        "he/IL",
        '{\n  "name": "create_task",\n  "arguments": {\n    "owner": "[[PERSON|ליאור אשכנזי]]",\n    "title": "להתקשר ל[[PERSON|שירה]] מ{{סופר יודה}} לגבי חידוש",\n    "due": "{{2025-09-18}}",\n    "priority": "{{גבוהה}}",\n    "related_deal": "{{DL-2291}}",\n    "description": "[[PERSON|שירה בן דוד]] (מנהלת רכש, [[PHONE|052-9904173]]) ביקשה הצעה מעודכנת ל{{חבילת פרימיום}} לפני {{ראש השנה}}. הבוס שלה [[PERSON|יהודה אלמליח]] רוצה {{10%}} הנחה. לשלוח גם ל-[[EMAIL|shira.bd@superyuda.co.il]]. לא לשכוח: {{שירה}} בציבור בכנס – הם נותני חסות."\n  }\n}',
    ),
    (
        "tool_call_args",
        "he/IL-Ethiopian",
        '{"name":"update_contact","arguments":{\n  "id":"{{C-77120}}",\n  "first_name":"[[PERSON|אבבה]]",\n  "last_name":"[[PERSON|וורקו]]",\n  "id_number":"[[IL_ID|058722463]]",\n  "mobile":"[[PHONE|054-3126609]]",\n  "email":"[[EMAIL|abebe.worku@gmail.com]]",\n  "address":"[[ADDRESS|רחוב הרימון 7 דירה 12, קריית מלאכי]]",\n  "company":"{{אבבה הובלות והתקנות}}",\n  "notes":"[[PERSON|אבבה]] ביקש לעדכן כתובת. אשתו [[PERSON|טיגסט מנגשה]] מטפלת בחשבונות. סגורים ב{{סיגד}}. המשאית חונה ב{{גדרה}}.",\n  "segment":"{{עסק קטן}}",\n  "source":"{{טופס אתר}}",\n  "stage":"{{לקוח פעיל}}"\n} }',
    ),
    (
        "tool_call_args",
        "ar/AE-Gulf",
        '{\n  "name": "send_whatsapp",\n  "arguments": {\n    "to": "[[PHONE|+971 50 339 8174]]",\n    "template": "{{renewal_reminder_ar}}",\n    "body": "مساء الخير [[PERSON|بو سلطان]]، معك [[PERSON|ريم]] من {{دو للأعمال}}. عقد {{باقة الأعمال بلس}} ينتهي {{٣١ ديسمبر}}، ونقدر نجدد بخصم {{١٥٪}}. الأخ [[PERSON|سلطان بن راشد النعيمي]] طلب نرسل التفاصيل للأخت [[PERSON|حصة]] على [[EMAIL|hessa.alnuaimi@nuaimi-group.ae]]. {{عيد اتحاد}} سعيد مقدماً 🇦🇪",\n    "language": "ar",\n    "tags": ["{{عجمان}}", "{{تجديد}}"]\n  }\n}',
    ),
    (
        "tool_call_args",
        "ar/QA-Gulf",
        '{"function":"create_invoice","arguments":{\n  "customer":"{{شركة المانع للتجارة}}",\n  "bill_to":"[[PERSON|جاسم بن حمد المانع]]",\n  "email":"[[EMAIL|jassim.almanaa@almanaa-trading.qa]]",\n  "phone":"[[PHONE|+974 5518 2204]]",\n  "address":"[[ADDRESS|مبنى 41، شارع 230، منطقة 25، الدوحة]]",\n  "lines":[\n    {"sku":"{{ERP-CLOUD-50}}","desc":"اشتراك سنوي","amount":"{{٩٦٬٠٠٠ ر.ق}}"}\n  ],\n  "currency":"{{QAR}}",\n  "due_date":"{{١٥/١٢/٢٠٢٥}}",\n  "project":"{{مشروع لوسيل}}",\n  "payment_iban":"[[IBAN|QA11 QNBA 0000 0000 0784 5120 3650 1]]",\n  "notes":"حسب طلب [[PERSON|أم جاسم]]، الفاتورة قبل {{اليوم الوطني}}. المحاسب [[PERSON|محمد علي]] يستلم."\n} }',
    ),
    (
        "tool_call_args",
        "ar/SA-MSA",
        '{\n  "name": "send_email",\n  "arguments": {\n    "to": ["[[EMAIL|dr.hind.alsubaie@ksu-hospital.sa]]"],\n    "subject": "عرض فني ومالي – {{منصة المواعيد الذكية}} – مرجع {{RFP-2025-318}}",\n    "body": "سعادة الدكتورة [[PERSON|هند بنت عبدالعزيز السبيعي]] المحترمة،\\n\\nالسلام عليكم ورحمة الله وبركاته،\\n\\nإشارةً إلى اجتماعنا يوم {{الأحد ١٢ رجب ١٤٤٦هـ}}، نرفق لكم العرض بقيمة {{٢٫٤ مليون ريال}} شاملة {{ضريبة القيمة المضافة}}. وقد أبدى الأستاذ [[PERSON|تركي العنزي]] ملاحظات على مرحلة التدريب تم أخذها بالاعتبار.\\n\\nللتواصل: [[PERSON|لمياء الزهراني]]، [[PHONE|0561 704 229]].\\n\\nوتفضلوا بقبول فائق الاحترام،\\n[[PERSON|عبدالمجيد الشهري]]\\n{{مدير الحسابات الحكومية}}"\n  }\n}',
    ),
    (
        "tool_call_args",
        "tl/PH",
        '{"name":"create_task","arguments":{\n  "assignee":"[[PERSON|Kristine Joy Macaraeg]]",\n  "title":"I-follow up si [[PERSON|Sir Bong]] re: {{Globe Business}} postpaid",\n  "due_date":"{{2025-12-15}}",\n  "details":"Tumawag si [[PERSON|Rodrigo \\"Bong\\" Panganiban]] kahapon, gusto niya ng 30 lines para sa {{Panganiban Hardware}} sa {{Batangas}}. Budget {{₱45,000}} kada buwan. Yung anak niya na si [[PERSON|Ella]] ang humahawak ng billing, number niya [[PHONE|0918 552 4031]], email [[EMAIL|ella.panganiban@gmail.com]]. Wag tawagan bago {{Pasko}}, busy sila. {{Maligayang}} bati daw kay [[PERSON|Ma\'am Joy]] hehe.",\n  "priority":"{{High}}"\n} }',
    ),
    (
        "markdown_table",
        "en/US",
        "## Q3 pipeline - Mountain West (owner: [[PERSON|Summer Nakamura]])\n\n| Deal | Account | Contact | Stage | Amount | Notes |\n|---|---|---|---|---|---|\n| {{D-3301}} | {{Wasatch Dental}} ({{Sandy}}, UT) | [[PERSON|Sandy Albright]] | Proposal | {{$48,000}} | [[PERSON|Sandy]] wants the fleet module for their two {{Ford}} vans |\n| {{D-3307}} | {{Kapoor & Lindgren}} | [[PERSON|Anjali Kapoor]] | Negotiation | {{$112,500}} | legal redlining MSA; her assistant [[PERSON|Tyler]] schedules |\n| {{D-3312}} | {{Hastings Motors}} | [[PERSON|Ford Hastings III]] | Discovery | TBD | yes his name is [[PERSON|Ford]] and he sells {{Chevy}}; cell [[PHONE|(801) 571-3390]] |\n| {{D-3318}} | {{Mendoza Farms}} | [[PERSON|Graciela Mendoza]] | Closed Won | {{$36,200}} | invoice to [[EMAIL|graciela@mendozafarms.com]] |\n\n**Next:** [[PERSON|Summer]] to review [[PERSON|Anjali]]'s redlines before the {{summer}} freeze.",
    ),
    (
        "markdown_table",
        "en/IL-Arab",
        "### Northern district leads - updated {{2025-07-01}} by [[PERSON|Wisam Abu Ahmad]]\n\n| # | Name | Business | Town | Phone | Status | Notes |\n|---|---|---|---|---|---|---|\n| 1 | [[PERSON|Rawan Mansour]] | pharmacy chain (3) | {{Tayibe}} | [[PHONE|054-8130277]] | hot | wants {{Pharma Suite}}, decision w/ husband [[PERSON|Nizar]] |\n| 2 | [[PERSON|Nizar Jabareen]] | {{Abu Shukri}} franchise | {{Umm al-Fahm}} | [[PHONE|050-2936614]] | warm | not related to [[PERSON|Rawan]]'s [[PERSON|Nizar]] lol |\n| 3 | [[PERSON|Samah Khatib]] | accounting office | {{Sakhnin}} | - | cold | email [[EMAIL|samah.khatib.cpa@gmail.com]] |\n| 4 | [[PERSON|Elias Bishara]] | {{Bishara Furniture}} | {{Shefa-Amr}} | [[PHONE|04-9861423]] | hot | closed until after {{Eid al-Adha}} |\n\nTotal potential: {{₪310K}}. [[PERSON|Abu Wisam]] (me) covering [[PERSON|Rawan]] + [[PERSON|Elias]].",
    ),
    (
        "markdown_table",
        "en/GB-Bangladeshi",
        "**East London restaurants - renewals {{2025}}** (owner [[PERSON|Tahmina Akter]])\n\n| Restaurant | Owner | Mobile | Renewal | Plan | Notes |\n|---|---|---|---|---|---|\n| {{Chowdhury Sweets}} | [[PERSON|Mohammed Abdul Kalam Chowdhury]] | [[PHONE|07951 402 668]] | {{14 Apr}} | {{Table Pro}} | wants {{Pohela Boishakh}} promo, son [[PERSON|Rafi]] does tech |\n| {{Shapla Tandoori}} | [[PERSON|Taslima Begum]] | [[PHONE|07388 217 905]] | {{1 May}} | {{Table Lite}} | on {{Brick Lane}}; [[PERSON|Taslima]] prefers Sylheti speaker |\n| {{Rahim's Kitchen}} | [[PERSON|Rahim Uddin]] | - | {{30 Jun}} | {{Table Pro}} | closing for {{Eid}}; email [[EMAIL|rahim.uddin@rahimskitchen.co.uk]] |\n\n[[PERSON|Mr Chowdhury]] asked for a home visit: [[ADDRESS|41 Varden Street, London E1 2AW]].",
    ),
    (
        "markdown_table",
        "en/HK-Chinese",
        "| Account | Key contact | Role | Phone | Deal | Comment |\n|---|---|---|---|---|---|\n| {{Li & Fung}} (sourcing arm) | [[PERSON|Winnie Cheung Wai-man]] | {{Procurement Lead}} | [[PHONE|9123 4871]] | {{HK$ 380,000}} | [[PERSON|Winnie]] back after {{Mid-Autumn}} |\n| {{Cathay Pacific}} cargo | [[PERSON|Leung Ka-ho]] | IT Manager | [[PHONE|2736 5092]] | {{HK$ 1.2M}} | [[PERSON|Ka-ho]] wants on-prem |\n| Tsim Sha Tsui shop | [[PERSON|Joy Lam]] | Owner | [[PHONE|6218 3340]] | {{HK$ 42,000}} | shop on {{Nathan Road}}; [[PERSON|Joy]] pays by FPS |\n\nOwner: [[PERSON|Gary Ho]]. [[PERSON|Ms Cheung]]'s email: [[EMAIL|winnie.cheung@lifung-sourcing.com.hk]].",
    ),
    (
        "markdown_table",
        "he/IL",
        "### לידים חמים – {{יולי 2025}} – אחראי: [[PERSON|עומרי שקד]]\n\n| שם | חברה | טלפון | מייל | סטטוס | הערות |\n|---|---|---|---|---|---|\n| [[PERSON|ז'ורז' אלמליח]] | {{אלמליח ייבוא}} | [[PHONE|052-7739014]] | [[EMAIL|georges@elmaliah-import.co.il]] | הצעה נשלחה | מייבא {{שקדים}} ופיצוחים מ{{קליפורניה}} |\n| [[PERSON|שקד פרלמן]] | {{מאפיית הכרם}} | [[PHONE|054-4021587]] | – | פגישה {{יום ב'}} | [[PERSON|שקד]] היא הבעלים, לא העובדת |\n| [[PERSON|צ'רלי אבוטבול]] | {{אבוטבול ובניו}} | [[PHONE|08-9412260]] | [[EMAIL|charlie@abutbul-sons.co.il]] | קר | לחזור אחרי {{תשעה באב}} |\n| [[PERSON|נועם גורדון]] | – | [[PHONE|053-6618492]] | – | חדש | הגיע מ{{פייסבוק}} |\n\nסה\"כ פוטנציאל: {{₪420,000}}. [[PERSON|עומרי]] – לתאם עם [[PERSON|צ'רלי]] דרך הבת שלו.",
    ),
    (
        "markdown_table",
        "he/IL-Druze",
        "| לקוח | איש קשר | ישוב | נייד | עסקה | הערות |\n|---|---|---|---|---|---|\n| {{חלבי בניה}} | [[PERSON|ג'מאל חלבי]] | {{דלית אל-כרמל}} | [[PHONE|054-6112730]] | {{₪85,000}} | [[PERSON|ג'מאל]] רוצה תשלומים |\n| {{מסעדת אבו סאלח}} | [[PERSON|סאלח קבלאן]] | {{בית ג'ן}} | [[PHONE|052-4908317]] | {{₪18,000}} | [[PERSON|אבו סאלח]] הבעלים, הבן [[PERSON|ריאד]] מנהל |\n| {{נופי הגליל}} | [[PERSON|סמירה טרביה]] | {{חורפיש}} | – | {{₪40,000}} | מייל [[EMAIL|samira.tarabieh@nofey-galil.co.il]] |\n| – | [[PERSON|אמל חסון]] | {{ירכא}} | [[PHONE|050-7263041]] | בבדיקה | {{אמל}} = \"תקווה\", היא ביקשה שנזכור :) |\n\nעדכון אחרון: [[PERSON|נהאד]], {{30.4.25}}.",
    ),
    (
        "markdown_table",
        "he/IL-Bukharan",
        '**מעקב עסקאות – חנויות תכשיטים** (עודכן ע"י [[PERSON|רפאל יוסופוב]])\n\n| עסק | בעלים | טלפון | סכום | שלב | הערה |\n|---|---|---|---|---|---|\n| {{יהלומי אמינוב}} | [[PERSON|מרים אמינוב]] | [[PHONE|03-5753318]] | {{₪26,000}} | חוזה | [[PERSON|מרים]] חותמת רק עם בעלה [[PERSON|בוריס]] |\n| {{זהב קליכוב}} | [[PERSON|יוסף קליכוב]] | [[PHONE|052-8301946]] | {{₪14,500}} | הצעה | בבורסה ב{{רמת גן}} |\n| {{פנינה תכשיטים}} | [[PERSON|פנינה ישועא]] | – | {{₪9,900}} | ליד | {{פנינה}} זה גם שם החנות, לא להתבלבל |\n| {{גולד סנטר}} | [[PERSON|דניאל פוזאילוב]] | [[PHONE|054-9237815]] | {{₪31,000}} | סגור | מייל [[EMAIL|daniel.p@goldcenter.co.il]] |\n\n[[PERSON|רפאל]] – לבדוק עם [[PERSON|יוסף]] אחרי {{סוכות}}.',
    ),
    (
        "markdown_table",
        "ar/MA-Moroccan",
        "| الشركة | المسؤول | الهاتف | المدينة | المرحلة | ملاحظات |\n|---|---|---|---|---|---|\n| {{مطاحن بنيس}} | [[PERSON|عبد اللطيف بنيس]] | [[PHONE|0661 74 20 58]] | {{فاس}} | عرض | السي [[PERSON|عبد اللطيف]] بغا خصم {{10%}} |\n| {{تعاونية أركان تافراوت}} | [[PERSON|فاطمة أيت باها]] | [[PHONE|0528 86 13 42]] | {{أكادير}} | ديمو | [[PERSON|فاطمة]] كتهضر غير بالشلحة والفرنسية |\n| {{فندق رياض السلام}} | [[PERSON|كريم التازي]] | – | {{مراكش}} | مغلقة | [[EMAIL|karim.tazi@riadsalam.ma]] |\n\nالمسؤول: [[PERSON|مهدي الفاسي]]. المجموع {{480.000 درهم}}. ما نتصلوش فـ{{عيد العرش}}.",
    ),
    (
        "markdown_table",
        "ar/PS-Palestinian",
        '### عملاء الضفة – تحديث {{آب ٢٠٢٥}} – [[PERSON|يزن دويك]]\n\n| العميل | الشخص | جوال | المبلغ | الحالة | ملاحظات |\n|---|---|---|---|---|---|\n| {{مخابز أبو سنينة}} | [[PERSON|محمود أبو سنينة]] | [[PHONE|0598 412 660]] | {{٢٢ ألف شيكل}} | عرض | [[PERSON|أبو محمود]] بدو تقسيط |\n| {{صيدلية الشوا}} | [[PERSON|نور الشوا]] | [[PHONE|0569 220 473]] | {{٨ آلاف شيكل}} | مغلقة | [[PERSON|نور]] ممتازة، الفاتورة على [[EMAIL|nour.shawa@gmail.com]] |\n| {{جوال}} – فرع {{بيت لحم}} | [[PERSON|جريس قمصية]] | – | {{٦٠ ألف شيكل}} | اجتماع | الاجتماع بعد {{عيد الميلاد}} |\n\nملاحظة: "{{نور}} الطريق" هو اسم حملتنا، مش اسم العميلة.',
    ),
    (
        "markdown_table",
        "sw/KE",
        "**Wateja wa {{Mombasa}} – robo ya 3** (msimamizi: [[PERSON|Zawadi Achieng]])\n\n| Mteja | Mawasiliano | Simu | Thamani | Hatua | Maelezo |\n|---|---|---|---|---|---|\n| {{Bahari Hardware}} | [[PERSON|Hamisi Juma Mwinyi]] | [[PHONE|0722 418 903]] | {{KES 640,000}} | Pendekezo | [[PERSON|Mzee Hamisi]] anataka malipo kwa {{M-Pesa}} |\n| {{Nyali Pharmacy}} | [[PERSON|Grace Wanjiku]] | [[PHONE|0733 205 118]] | {{KES 180,000}} | Onyesho | [[PERSON|Grace]] atarudi baada ya {{Idd}} |\n| {{Otieno & Sons Transport}} | [[PERSON|Peter Otieno Odhiambo]] | – | {{KES 1.1M}} | Imefungwa | barua pepe [[EMAIL|peter.odhiambo@otienotransport.co.ke]] |\n\nOfisi ya [[PERSON|Hamisi]]: [[ADDRESS|Nkrumah Road, Jengo la Bahari Plaza, Ghorofa ya 2, Mombasa]]. {{Zawadi}} kwa wateja ni kalenda ya {{2026}}.",
    ),
    (
        "notion_notes",
        "en/US",
        "# wk 37 - accts to chase\n- **{{Bloom & Wild Florists}}** - spoke w/ [[PERSON|rose]] (ops mgr, not owner!). [[PERSON|Rose Delacroix]] wants the {{rose}} bouquet SKU {{RB-12}} synced to {{Shopify}} before {{Mother's Day}}. ~{{$2.1k MRR}}\n  - owner = [[PERSON|Bill Tran]], only talks {{bill}} / pricing. cell [[PHONE|(503) 442-9187]]\n  - @[[PERSON|dawn.p]] can u check their {{Q3}} invoice?\n- **{{Harbor Freight}}** lead from [[PERSON|Jenna]] - prob junk\n- 1:1 w/ @[[PERSON|mira.feldstein]] thurs - ask re: quota relief, [[PERSON|Mira]] said maybe\n- TODO: send [[PERSON|Rose]] the {{v5.1}} release notes -> [[EMAIL|rose@bloomwildflorists.com]]",
    ),
    (
        "notion_notes",
        "en/IN-Malayali",
        "### Kochi trip notes ({{12-14 Aug}})\n- [[PERSON|Jijo Mathew]] @ {{Mathew Spices Export}} - big yes but wants {{₹18L}} split in 2 FYs. wife [[PERSON|Sreelakshmi]] is CFO (!!). [[PERSON|Sree]]'s no: [[PHONE|+91 94470 21863]]\n- meeting at their {{MG Road}} office, guest wifi password=[[SECRET|Gx9!tr7Kw2#pQ]]\n- everything stops for {{Onam}}, so PO only in Sept\n- [[PERSON|Fr. Thomas Kallarackal]] (school mgr) - intro via [[PERSON|Jijo]]; meet at {{Lulu Mall}} food court lol\n- @[[PERSON|anju.nair]] pls prep TCO sheet; cc [[PERSON|Deepu]]\n- flight back {{6E 6402}}",
    ),
    (
        "notion_notes",
        "en/SG-Malay",
        "**Sheng Siong pilot - scratch**\n- main POC: [[PERSON|Nurul Huda binte Rahmat]] ([[PERSON|Huda]]), Ops Excellence. hp [[PHONE|9734 2210]]\n- her boss [[PERSON|Muhammad Hafiz bin Osman]] - signs up to {{SGD 26k}}, above that -> CFO\n- [[PERSON|Siti]] from IT asked re: {{Grab}} delivery API. pls loop @[[PERSON|kelvin.tan]]\n- stores: {{Jurong East}}, {{Changi}}; HQ meeting at {{Raffles Place}} (not their office)\n- !! no meetings during {{Hari Raya Puasa}} week\n- follow-up email -> [[EMAIL|nurulhuda.rahmat@shengsiong.com.sg]]\n- [[PERSON|Hafiz]] mentioned competitor {{Oracle Retail}}",
    ),
    (
        "notion_notes",
        "en/AE-Nepali",
        "## FM accounts - Al Quoz cluster\n- {{Emaar}} staff accom contract: site mgr [[PERSON|Bishnu Prasad Adhikari]], supervisor [[PERSON|Pasang Sherpa]] ([[PHONE|+971 58 214 7702]])\n  - [[PERSON|Bishnu]] ji going home for {{Dashain}} -> [[PERSON|Pasang]] covers\n  - their firewall only allows [[IP_ADDRESS|10.44.7.212]] + our v6 [[IP_ADDRESS|2a02:ed0:5b41:1c00::1a7]] for the kiosk\n- new lead: {{Jumeirah}} villa cluster off {{Sheikh Mohammed bin Rashid Boulevard}}, {{AED 95k}}/yr\n- [[PERSON|Sunita Gurung]] (HR) wants Nepali-language app -> ask product\n- @[[PERSON|rahul.s]] send RFQ {{RFQ-2207}}",
    ),
    (
        "notion_notes",
        "he/IL",
        "## שבוע {{32}} – דברים לזכור\n- א' – @[[PERSON|roy.b]] דמו ל{{קבוצת עזריאלי}}, [[PERSON|חן]] מהרכש אמרה \"{{חן חן}} על הסבלנות\" 😅\n- ג' – פג' עם [[PERSON|דורית ששון]], סמנכ\"לית תפעול, ב{{מגדלי הים התיכון}}. היא רוצה {{API}} לשכר\n- ה' – לשלוח ל[[PERSON|דורית]] הצעה ({{₪78K}}), עם [[PERSON|יעל]] מהמשפטית\n- !! [[PERSON|חן]] – נייד [[PHONE|052-4472019]], לא לשכוח לעדכן ב-CRM\n- בקשה מ-@[[PERSON|noa.cohen]]: לבדוק למה {{גרסה 7.2}} שוברת RTL\n- {{ט\"ו באב}} – חופש",
    ),
    (
        "notion_notes",
        "he/IL-Yemenite",
        "רשימות – {{מוסך צברי}} + {{נגר את נגר}}\n• [[PERSON|יוסי צברי]] (בעלים) – מרוצה, אבל אחיו [[PERSON|רצון]] לא. [[PERSON|רצון]] אמר שאין שביעות {{רצון}} מהאפליקציה 🙄\n• לשאול את [[PERSON|אהובה נגר]] אם הם עוברים ל{{חבילת צי}} – [[PHONE|050-8862174]]\n• [[PERSON|אהובה]] אמרה ש[[PERSON|יונה]] מהחשבונות תשלח צ'ק עד {{ראש חודש אלול}}\n• מוסך ב[[ADDRESS|רחוב המסגר 14, ראש העין]], חניה ב{{רחוב שבזי}}\n• @[[PERSON|itay.m]] – לבדוק חיובים כפולים {{INV-3371}}, {{INV-3372}}",
    ),
    (
        "notion_notes",
        "he/IL-French",
        "✏️ הערות – לקוחות {{נתניה}}\n- [[PERSON|סטפן אטלן]] ({{אטלן נדל\"ן}}) – רוצה הכל בצרפתית, גם חשבוניות. בת הזוג [[PERSON|אורלי]] אחראית שיווק\n- [[PERSON|ג'ונתן כהן-סולאל]] – עורך דין, {{כיכר העצמאות}}, תקציב {{€9,000}} (!) בגלל לקוחות מ{{פריז}}\n- [[PERSON|ג'ונתן]] ביקש לא להתקשר ב{{שבת}} ולא לפני 10. מייל: [[EMAIL|jonathan@cohensolal-law.co.il]]\n- @[[PERSON|lea.d]] – תרגום של {{חוזה v3}} לצרפתית\n- [[PERSON|סטפן]] טס ל{{פסח}}, חוזר {{25.4}}",
    ),
    (
        "notion_notes",
        "ar/JO-Levantine",
        'ملاحظات – زيارات {{إربد}} ({{الأحد}})\n• [[PERSON|أبو يزن]] ({{محلات أبو يزن للأدوات}}) – بدو {{POS}} لفرعين، حكالي "ابعتلي العرض مع [[PERSON|يزن]]"\n• [[PERSON|يزن الزعبي]] – [[PHONE|0785 224 610]]، شب واعي، بفهم تكنولوجيا\n• [[PERSON|هديل العمري]] – مكتب محاسبة، بدها ربط مع {{جوفوترة}}؟ تتأكد\n• @[[PERSON|omar.t]] – جهّز عرض بـ{{٣٢٠ دينار}} شهري\n• [[PERSON|هديل]]: [[EMAIL|hadeel.omari@gmail.com]]\n• تذكير: {{عيد الاستقلال}} عطلة، ما في زيارات',
    ),
    (
        "notion_notes",
        "ar/SA-Najdi",
        '📝 ملاحظاتي – {{الأسبوع ٤٢}}\n- [[PERSON|أبو عبدالرحمن]] ([[PERSON|ناصر السبيعي]]) من {{مؤسسة السبيعي للمقاولات}}: يبي عرض قبل {{اليوم الوطني}}، قال "لا تطولون علي"\n- ولده [[PERSON|عبدالرحمن]] هو اللي يتابع: [[PHONE|0536 118 245]]\n- [[PERSON|نوف]] من المشتريات: تبي {{١٠٠}} جهاز {{هواوي}}، الميزانية {{٣٨٠ ألف ريال}}\n- @[[PERSON|fahad.q]] ترتب زيارة للموقع في {{حي النرجس}}\n- ملاحظة: [[PERSON|ناصر]] ما يحب الإيميل، واتس فقط',
    ),
    (
        "notion_notes",
        "ar-en/AE-Levantine",
        "### meeting notes – {{Dubai Hills}} account\n- call مع [[PERSON|Layla Haddad]] بكرا 10am، she's the new {{Head of Marketing}}\n- [[PERSON|Layla]] قالت إنو [[PERSON|Tarek]] (her boss, [[PERSON|Tarek Nassar]]) بدو ROI deck قبل {{Q4}} planning\n- budget حوالي {{AED 240k}}, بس ممكن يطلع أكتر إذا عملنا {{Arabic + English}} campaigns\n- [[PERSON|Tarek]]'s EA: [[PERSON|Mariel]] – [[EMAIL|mariel.santos@dubaihills-dev.ae]], [[PHONE|+971 54 390 2217]]\n- @[[PERSON|nadine.k]] please book {{Meeting Room Burj}} for Thu\n- reminder: {{Diwali}} event at their office – [[PERSON|Layla]] invited us 🎉",
    ),
    (
        "chat_history",
        "en/US-Latino",
        'User: can u clean this up and tell me who to call first? pasted from my notes\n[[PERSON|Yesenia Caballero-Ruiz]] - {{Caballero Roofing}} - [[PHONE|956 412 7720]] - wants quote before {{hurricane season}}\n[[PERSON|Hector]] "[[PERSON|Tito]]" [[PERSON|Villalobos]] - {{El Paso}} - [[EMAIL|tito@villaloboshvac.com]] - said maybe after {{Cinco de Mayo}}\n[[PERSON|Araceli Duarte]] - bookkeeper for both ^ - [[PHONE|915-331-0846]]\n\nAssistant: Here\'s the cleaned list, prioritised:\n1. [[PERSON|Yesenia Caballero-Ruiz]] ({{Caballero Roofing}}), [[PHONE|(956) 412-7720]]: time-sensitive, call today.\n2. [[PERSON|Araceli Duarte]], [[PHONE|(915) 331-0846]]: she handles the books for both accounts, so one call can move two deals.\n3. [[PERSON|Hector]] "[[PERSON|Tito]]" [[PERSON|Villalobos]], [[EMAIL|tito@villaloboshvac.com]]: follow up after {{Cinco de Mayo}}.\n\nUser: perfect. draft a text to [[PERSON|Yesenia]], mention the {{Storm Shield}} plan is {{$89/mo}}\n\nAssistant: "Hi [[PERSON|Yesenia]], it\'s [[PERSON|Danny]] from {{RoofLink}}. Before hurricane season hits, our {{Storm Shield}} plan ({{$89/mo}}) covers scheduling + crew tracking. Got 10 min {{Thursday}}?"',
    ),
    (
        "chat_history",
        "en/IE-Irish",
        "[rep] hey, the {{HubSpot}} sync keeps failing for the {{Dublin}} team. here's the env from [[PERSON|Ciarán]]'s laptop:\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=[[SECRET|AKIA4XQ7PLMN2RT8VWZ3]]\nAWS_SECRET_ACCESS_KEY=[[SECRET|q7Rz/Kp2LmX9vB4nT8yHc1WdF6sJ0aGeU3oIkZ5V]]\nSYNC_OWNER=[[EMAIL|ciaran.ofloinn@greenisle-sales.ie]]\n[assistant] Thanks. One thing first: you've pasted live AWS credentials. Please ask [[PERSON|Ciarán Ó Floinn]] to rotate that access key in IAM straight away. On the sync: error {{HS-429}} usually means the {{v3}} API rate limit; lowering batch size from 500 to 100 should fix it.\n[rep] grand. also [[PERSON|Saoirse]] in finance wants to know if {{Enterprise}} is 1,200 or 1,450 a month\n[assistant] List price for {{Enterprise}} is {{€1,450}}/month; {{€1,200}} was the {{St Patrick's Day}} promo, which ended on {{31 March}}. I can draft a note to [[PERSON|Saoirse]] if you give me her email.\n[rep] [[EMAIL|saoirse.nic.aodha@greenisle-sales.ie]], she's on [[PHONE|087 219 4406]] too",
    ),
    (
        "chat_history",
        "en/ET",
        "**Rep:** summarise my call with [[PERSON|Tigist Haile]] for the CRM. raw notes: met at their office on {{Churchill Avenue}}, [[PERSON|Tigist]] (COO, {{Abyssinia Coffee Exporters}}) wants 40 seats, budget {{ETB 1.8M}}, decision after {{Meskel}}. her deputy [[PERSON|Dawit Bekele]] [[PHONE|0911 482 905]] runs IT. they use {{Ethio telecom}} fibre. [[PERSON|Meron]] from their finance team needs invoice in birr.\n\n**Assistant:** Call summary:\n- Contact: [[PERSON|Tigist Haile]], {{COO}}, {{Abyssinia Coffee Exporters}}\n- Need: 40 seats; budget {{ETB 1.8M}}\n- Timing: decision after {{Meskel}}\n- Technical contact: [[PERSON|Dawit Bekele]] (IT), [[PHONE|0911 482 905]]\n- Finance: [[PERSON|Meron]] needs invoices in ETB\n- Next step: send proposal to [[PERSON|Tigist]] and schedule a technical call with [[PERSON|Dawit]].\n\n**Rep:** add that the warehouse is in {{Bole}} and we meet again before {{Timket}}\n\n**Assistant:** Added: warehouse in {{Bole}}; follow-up meeting before {{Timket}}.",
    ),
    (
        "chat_history",
        "en/CA-Punjabi",
        "USER: customer just gave me this over the phone, can you fill the order? [[PERSON|Harpreet Kaur Sandhu]], {{Sandhu Transport Ltd}}, {{Brampton}}. card [[CREDIT_CARD|5326 3016 6131 8608]]. 12 trucks on the {{Fleet Basic}} plan\nASSISTANT: I can set up the order, but please don't paste full card numbers into chat; enter the card in the secure payment form instead. Order draft:\n- Customer: [[PERSON|Harpreet Kaur Sandhu]], {{Sandhu Transport Ltd}}, {{Brampton}}\n- Plan: {{Fleet Basic}} x 12 trucks = {{CAD 18,400}}/yr\nUSER: ok sorry. her husband [[PERSON|Jaspal]] drives the {{Highway 407}} routes, add him as a user. his number [[PHONE|(905) 791-4428]]\nASSISTANT: Added [[PERSON|Jaspal Sandhu]] as a driver user with [[PHONE|(905) 791-4428]]. Want me to schedule onboarding? [[PERSON|Harpreet]] mentioned {{Vaisakhi}}, so I'd avoid mid-April.",
    ),
    (
        "chat_history",
        "he/IL",
        'משתמש: תכין לי סיכום ללקוחה הזו ותבדוק אם חסר משהו:\nשם: [[PERSON|ענבל שמש-אלון]]\nת"ז: [[IL_ID|326618907]]\nטלפון: [[PHONE|054-6630821]]\nעסק: {{שמש ייעוץ פנסיוני}}\nמעוניינת ב{{חבילת פרו}}, 5 משתמשים\nעוזר: סיכום: [[PERSON|ענבל שמש-אלון]], בעלת {{שמש ייעוץ פנסיוני}}, מעוניינת ב{{חבילת פרו}} ל-5 משתמשים ({{₪1,245}} לחודש). חסר: כתובת מייל ותאריך יעד. שים לב, אין צורך לשמור מספר ת"ז ב-CRM לצורך הצעת מחיר.\nמשתמש: צודק. המייל [[EMAIL|inbal@shemesh-pension.co.il]]. היא רוצה להתחיל אחרי {{סוכות}}. ובעלה [[PERSON|אלון]] שותף\nעוזר: עודכן: מייל [[EMAIL|inbal@shemesh-pension.co.il]], התחלה אחרי {{סוכות}}, שותף: [[PERSON|אלון]]. להוסיף את [[PERSON|אלון]] כמשתמש שישי? זה יעלה ל-{{₪1,494}}.',
    ),
    (
        "chat_history",
        "he/IL-Georgian",
        'נציג: יש לי שיחה עם [[PERSON|אלברט מיכאלשווילי]] מ{{מיכאלשווילי שיווק}} ב{{אשדוד}}. תזכיר לי מה היה בפעם הקודמת?\nAI: בשיחה האחרונה ({{12.3}}) [[PERSON|אלברט]] ביקש הצעה ל{{מערכת מלאי}} לשלושה מחסנים. הוא ציין שהבת שלו [[PERSON|נאנה]] מנהלת את המחסן ב{{רחוב הבנים}} ושהיא צריכה להיות בשיחה.\nנציג: נכון. יש לך את הטלפון של [[PERSON|נאנה]]?\nAI: ברשומה מופיע [[PHONE|052-3340197]] של [[PERSON|נאנה מיכאלשווילי]]. מייל: [[EMAIL|nana.m@michael-trade.co.il]].\nנציג: תכין טיוטה קצרה, הוא אוהב {{חצ\'אפורי}} אז תתחיל בנימוס 😄\nAI: "שלום [[PERSON|אלברט]], מקווה שהכול טוב ב{{אשדוד}}. מצורפת הצעה {{Q-2025-118}} ({{₪36,000}}). נשמח לקבוע שיחה עם [[PERSON|נאנה]] לפני {{פסח}}."',
    ),
    (
        "chat_history",
        "he/IL-ArabIsraeli",
        'USER: תעזור לי לכתוב מייל ל[[PERSON|נור ג\'בארין]], היא מנהלת את {{מרכז ג\'בארין לרפואת שיניים}} ב{{אום אל-פחם}}\nASSISTANT: בשמחה. מה המטרה של המייל?\nUSER: לקבוע דמו ל{{DentaPro}}, והיא ביקשה שנדבר גם עם ד"ר [[PERSON|מוחמד ג\'בארין]], אבא שלה. הנייד שלה [[PHONE|050-5428136]]\nASSISTANT: הנה טיוטה:\n"שלום [[PERSON|נור]], תודה על השיחה. נשמח להציג את {{DentaPro}} לך ולד"ר [[PERSON|ג\'בארין]] ב{{יום רביעי}} הקרוב. אם נוח, נגיע למרפאה. {{רמדאן כרים}}, [[PERSON|גיל]]"\nUSER: אבל זה כבר אחרי {{עיד אל-פיטר}}, תוריד את רמדאן\nASSISTANT: צודק: "...נגיע למרפאה. {{עיד מובארכ}} באיחור, [[PERSON|גיל]]"',
    ),
    (
        "chat_history",
        "ar/EG-Egyptian",
        'المستخدم: عايز أكتب رسالة لعميل اسمه [[PERSON|وليد الشربيني]] من {{مصانع الشربيني للبلاستيك}}، اتقابلنا في {{معرض القاهرة الدولي}}\nالمساعد: تمام. إيه أهم نقطة عايز توصلها؟\nالمستخدم: إن عرض {{باقة المصانع}} بـ{{١٨٠ ألف جنيه}} سنوي، وإن المهندسة [[PERSON|ياسمين فوزي]] بتاعتنا هتزورهم في {{العاشر من رمضان}}. رقمه [[PHONE|01114 726 390]]\nالمساعد: الرسالة: "أستاذ [[PERSON|وليد]]، أهلاً بحضرتك. سعدنا بمقابلتك في المعرض. عرض {{باقة المصانع}} بـ{{١٨٠ ألف جنيه}} سنوياً، والمهندسة [[PERSON|ياسمين]] هتزور المصنع في {{العاشر من رمضان}} الأسبوع الجاي. تحياتي، [[PERSON|كريم]]"\nالمستخدم: حلو، بس ابعتها كمان لمساعدته [[PERSON|سارة]] على [[EMAIL|sara.hosny@elsherbiny-plastic.com]]',
    ),
    (
        "chat_history",
        "ar/LY-Libyan",
        'المندوب: شن نكتب للحاج [[PERSON|سالم الورفلي]]؟ راهو زعلان من التأخير في توصيل {{مولدات بيركنز}}\nالمساعد: نبدأ باعتذار واضح ونحدد موعد جديد. شن الموعد الجديد؟\nالمندوب: الشحنة توصل {{ميناء مصراتة}} يوم {{الخميس}}، وولده [[PERSON|محمد]] هو اللي يستلم، رقمه [[PHONE|+218 91 447 2308]]\nالمساعد: الرسالة: "السلام عليكم حاج [[PERSON|سالم]]، نعتذروا على التأخير. الشحنة توصل {{ميناء مصراتة}} يوم {{الخميس}}، ونتواصلوا مع [[PERSON|محمد]] للاستلام. وعلى التأخير عطيناك خصم {{٥٪}} على فاتورة {{INV-LY-220}}. مع تحيات [[PERSON|عبدالحكيم المقريف]]، فرع {{طرابلس}}"\nالمندوب: باهي، زيد إن الخصم ما يشملش {{قطع الغيار}}',
    ),
    (
        "chat_history",
        "he-en/IL-Ashkenazi",
        "Rep: תסכם לי את ה-thread עם [[PERSON|Maya Goldfarb]] מ-{{Wix}}, אני צריכה לעדכן את [[PERSON|Roni]] לפני ה-{{QBR}}\nAI: בטח. Summary:\n- [[PERSON|Maya]] (Head of Partnerships ב-{{Wix}}) רוצה renewal ב-{{$240K}}, flat מהשנה שעברה\n- ה-CISO שלהם, [[PERSON|Yaniv Ben-Zvi]], ביקש audit log כי הייתה התחברות חשודה מ-[[IP_ADDRESS|141.226.88.19]]\n- deadline: לפני {{Rosh Hashana}}\nRep: add that [[PERSON|Yaniv]] wants a call with our {{CTO}} ו-[[PERSON|Maya]]'s cell is [[PHONE|054-7719302]]\nAI: Updated. Next steps: [[PERSON|Roni]] to set a call between [[PERSON|Yaniv Ben-Zvi]] and our {{CTO}}; [[PERSON|Maya Goldfarb]] reachable at [[PHONE|054-7719302]]. Want me to draft the email to [[EMAIL|mayag@wix.com]]?",
    ),
    (
        "tool_result",
        "en/US",
        '{\n  "ok": true,\n  "result": {\n    "object": "contact",\n    "id": "{{C-100482}}",\n    "name": "[[PERSON|Lorraine O\'Donnell-Baptiste]]",\n    "email": "[[EMAIL|lorraine.odb@baptistehomecare.com]]",\n    "phone": "[[PHONE|+1 504-827-3316]]",\n    "company": "{{Baptiste Home Care LLC}}",\n    "title": "{{Owner}}",\n    "mailing_address": "[[ADDRESS|2214 Esplanade Ave, New Orleans, LA 70119]]",\n    "credit_check": {\n      "guarantor": "[[PERSON|Lorraine O\'Donnell-Baptiste]]",\n      "ssn": "[[US_SSN|531-08-2247]]",\n      "score_band": "{{B+}}"\n    },\n    "owner": {"name": "[[PERSON|Hope Merriweather]]", "team": "{{SMB South}}"},\n    "notes": "Spoke with [[PERSON|Lorraine]] during {{Mardi Gras}} week, she wants the {{CareSchedule}} add-on. We {{hope}} to close by {{Q4}}. Her son [[PERSON|Andre]] handles payroll.",\n    "updated_at": "2025-09-30T15:02:11Z"\n  }\n}',
    ),
    (
        "tool_result",
        "en/US-Filipino",
        '{"query":"[[PERSON|bautista]]","total":3,"page":1,"results":[\n  {"id":"{{C-2210}}","name":"[[PERSON|Ma. Luisa Bautista-Reyes]]","company":"{{Bautista Travel & Tours}}","phone":"[[PHONE|(702) 433-1906]]","city":"{{Las Vegas}}","stage":"{{Customer}}"},\n  {"id":"{{C-2231}}","name":"[[PERSON|Jun-Jun Bautista]]","email":"[[EMAIL|junjun.bautista@gmail.com]]","ssn_on_file":"[[US_SSN|287-64-1093]]","note":"guarantor for [[PERSON|Luisa]]\'s loan app"},\n  {"id":"{{C-2307}}","name":"[[PERSON|Rizza Mae Dizon]]","company":"{{Dizon Bakeshop}}","email":"[[EMAIL|rizzamae@dizonbakeshop.com]]","tags":["{{Simbang Gabi}} promo","{{Henderson}}"]}\n],\n"took_ms":38}',
    ),
    (
        "tool_result",
        "en/GB-Polish",
        '{\n  "account": {\n    "id": "{{ACC-55120}}",\n    "name": "{{W\\u00f3jcik & Price Joinery Ltd}}",\n    "plan": "{{Trade Pro}}",\n    "mrr": "{{\\u00a3640}}",\n    "primary_contact": {\n      "name": "[[PERSON|Ma\\u0142gorzata W\\u00f3jcik-Price]]",\n      "preferred": "[[PERSON|Gosia]]",\n      "email": "[[EMAIL|gosia@wojcikprice.co.uk]]",\n      "mobile": "[[PHONE|07825 613 092]]"\n    },\n    "billing_contact": {"name": "[[PERSON|\\u0141ukasz Zieli\\u0144ski]]", "email": "[[EMAIL|lukasz.z@wojcikprice.co.uk]]"},\n    "site_address": "[[ADDRESS|Unit 7, 44 \\u017beromski Way, Ealing, London W5 3QJ]]",\n    "last_note": "[[PERSON|Gosia]] asked to move renewal after {{Wigilia}}; [[PERSON|\\u0141ukasz]] wants invoices in {{z\\u0142oty}} for the {{Krak\\u00f3w}} branch.",\n    "renewal_date": "{{2026-01-15}}"\n  }\n}',
    ),
    (
        "tool_result",
        "en/NG-Yoruba",
        '{\n  "request": {\n    "method": "GET",\n    "url": "/v2/accounts/{{ACC-8812}}/activities?limit=3",\n    "headers": {"Authorization": "Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyZXAtNDQxMiIsInRlbmFudCI6Im5nLWxhZ29zIn0.kX9vQ2mTb7LpR4wZc8YhN1sD6fJ3gUaE0oVyKi5tHqM]]"}\n  },\n  "data": [\n    {"type": "call", "with": "[[PERSON|Ad\\u00e9b\\u00e1y\\u1ecd\\u0300 \\u1eccl\\u00e1w\\u00e1l\\u00e9]]", "by": "[[PERSON|\\u00ccy\\u00e1b\\u1ecd\\u0300 Ad\\u00e9y\\u1eb9m\\u00ed]]", "summary": "Chief [[PERSON|\\u1eccl\\u00e1w\\u00e1l\\u00e9]] wants 3 more POS units for {{\\u1ecc\\u0300y\\u1ecd\\u0301 Foods}} before {{Ileya}}.", "date": "{{2025-05-28}}"},\n    {"type": "email", "to": "[[EMAIL|iyabo.adeyemi@oyofoods.ng]]", "subject": "Quote {{QT-2291}} ({{\\u20a63,450,000}})"},\n    {"type": "meeting", "location": "[[ADDRESS|12 \\u1eccb\\u00e1f\\u1eb9\\u0301mi Aw\\u00f3l\\u1ecd\\u0301w\\u1ecd\\u0300 Way, Ikeja, Lagos]]", "attendees": ["[[PERSON|Ad\\u00e9b\\u00e1y\\u1ecd\\u0300]]", "[[PERSON|T\\u00fand\\u00e9]]"], "phone": "[[PHONE|0802 331 7740]]"}\n  ]\n}',
    ),
    (
        "tool_result",
        "he/IL",
        '{\n  "contact": {\n    "id": "{{C-IL-30917}}",\n    "first_name": "[[PERSON|\\u05e8\\u05d5\\u05e0\\u05d9]]",\n    "last_name": "[[PERSON|\\u05d0\\u05d1\\u05df-\\u05d7\\u05df]]",\n    "id_number": "[[IL_ID|012944583]]",\n    "phone": "[[PHONE|052-6801374]]",\n    "email": "[[EMAIL|roni.evenchen@gmail.com]]",\n    "address": "[[ADDRESS|\\u05e8\\u05d7\\u05d5\\u05d1 \\u05e1\\u05d5\\u05e7\\u05d5\\u05dc\\u05d5\\u05d1 61, \\u05e8\\u05de\\u05ea \\u05d4\\u05e9\\u05e8\\u05d5\\u05df]]",\n    "company": "{{\\u05d0\\u05d1\\u05df-\\u05d7\\u05df \\u05d0\\u05d3\\u05e8\\u05d9\\u05db\\u05dc\\u05d9\\u05dd}}",\n    "plan": "{{\\u05d7\\u05d1\\u05d9\\u05dc\\u05ea \\u05e1\\u05d8\\u05d5\\u05d3\\u05d9\\u05d5}}",\n    "notes": "[[PERSON|\\u05e8\\u05d5\\u05e0\\u05d9]] \\u05d1\\u05d9\\u05e7\\u05e9 \\u05dc\\u05d4\\u05e2\\u05d1\\u05d9\\u05e8 \\u05d0\\u05ea \\u05d4\\u05d7\\u05e9\\u05d1\\u05d5\\u05df \\u05dc\\u05e9\\u05dd \\u05d4\\u05e9\\u05d5\\u05ea\\u05e4\\u05d4 [[PERSON|\\u05de\\u05d9\\u05db\\u05dc]] \\u05d0\\u05d7\\u05e8\\u05d9 {{\\u05d7\\u05e0\\u05d5\\u05db\\u05d4}}. \\u05d1\\u05ea\\u05e9\\u05dc\\u05d5\\u05dd {{\\u20aa420}} \\u05dc\\u05d7\\u05d5\\u05d3\\u05e9."\n  },\n  "meta": {"source": "{{priority-sync}}", "version": "{{2.14.0}}"}\n}',
    ),
    (
        "tool_result",
        "he/IL-Mizrahi",
        '{"deals":[\n  {"id":"{{DL-7781}}","title":"{{\\u05e9\\u05d5\\u05e4\\u05e8\\u05e1\\u05dc}} \\u05e1\\u05e0\\u05d9\\u05e3 {{\\u05e7\\u05e8\\u05d9\\u05ea \\u05d2\\u05ea}}","contact":"[[PERSON|\\u05d0\\u05dc\\u05d9 \\u05d0\\u05d5\\u05d7\\u05e0\\u05d4]]","phone":"[[PHONE|050-6624180]]","amount":"{{\\u20aa58,000}}","stage":"{{\\u05d4\\u05e6\\u05e2\\u05d4}}"},\n  {"id":"{{DL-7790}}","title":"{{\\u05de\\u05d0\\u05e4\\u05d9\\u05d9\\u05ea \\u05d0\\u05d5\\u05d7\\u05e0\\u05d4}}","contact":"[[PERSON|\\u05de\\u05e8\\u05d9\\u05dd \\u05d0\\u05d5\\u05d7\\u05e0\\u05d4]]","email":"[[EMAIL|miriam@ohana-bakery.co.il]]","amount":"{{\\u20aa12,400}}","note":"[[PERSON|\\u05de\\u05e8\\u05d9\\u05dd]] \\u05d0\\u05d7\\u05d5\\u05ea \\u05e9\\u05dc [[PERSON|\\u05d0\\u05dc\\u05d9]], \\u05dc\\u05d0 \\u05dc\\u05d1\\u05dc\\u05d1\\u05dc"},\n  {"id":"{{DL-7802}}","title":"\\u05d7\\u05d9\\u05d3\\u05d5\\u05e9 \\u2013 [[PERSON|\\u05e9\\u05de\\u05e2\\u05d5\\u05df \\u05d1\\u05d5\\u05d6\\u05d2\\u05dc\\u05d5]]","contact":"[[PERSON|\\u05e9\\u05de\\u05e2\\u05d5\\u05df]]","stage":"{{\\u05e0\\u05e1\\u05d2\\u05e8}}","closed":"{{\\u05dc\\"\\u05d2 \\u05d1\\u05e2\\u05d5\\u05de\\u05e8}}"}\n],\n"count":3}',
    ),
    (
        "tool_result",
        "ar/SA-Hijazi",
        '{\n  "status": "success",\n  "lead": {\n    "id": "{{LD-JED-4410}}",\n    "name": "[[PERSON|\\u0623\\u0633\\u0627\\u0645\\u0629 \\u0639\\u0628\\u062f\\u0627\\u0644\\u0631\\u062d\\u064a\\u0645 \\u0632\\u0642\\u0632\\u0648\\u0642]]",\n    "company": "{{\\u0645\\u0624\\u0633\\u0633\\u0629 \\u0632\\u0642\\u0632\\u0648\\u0642 \\u0644\\u0644\\u0639\\u0637\\u0648\\u0631}}",\n    "mobile": "[[PHONE|0559 304 187]]",\n    "email": "[[EMAIL|osama.zagzoog@zagzoog-perfumes.sa]]",\n    "address": "[[ADDRESS|\\u0634\\u0627\\u0631\\u0639 \\u0627\\u0644\\u0623\\u0645\\u064a\\u0631 \\u0633\\u0644\\u0637\\u0627\\u0646\\u060c \\u062d\\u064a \\u0627\\u0644\\u0632\\u0647\\u0631\\u0627\\u0621\\u060c \\u0645\\u0628\\u0646\\u0649 7714\\u060c \\u062c\\u062f\\u0629 23425]]",\n    "source": "{{\\u0645\\u0639\\u0631\\u0636 \\u062c\\u062f\\u0629 \\u0644\\u0644\\u0639\\u0637\\u0648\\u0631}}",\n    "notes": "[[PERSON|\\u0623\\u0633\\u0627\\u0645\\u0629]] \\u064a\\u0628\\u063a\\u0649 \\u0645\\u062a\\u062c\\u0631 \\u0625\\u0644\\u0643\\u062a\\u0631\\u0648\\u0646\\u064a \\u0642\\u0628\\u0644 {{\\u0631\\u0645\\u0636\\u0627\\u0646}}\\u060c \\u0648\\u0623\\u062e\\u0648\\u0647 [[PERSON|\\u0647\\u0634\\u0627\\u0645]] \\u0647\\u0648 \\u0627\\u0644\\u0644\\u064a \\u064a\\u0642\\u0631\\u0631. \\u0627\\u0644\\u0645\\u064a\\u0632\\u0627\\u0646\\u064a\\u0629 {{\\u0662\\u0662\\u0660 \\u0623\\u0644\\u0641 \\u0631\\u064a\\u0627\\u0644}}.",\n    "stage": "{{\\u0639\\u0645\\u064a\\u0644 \\u0645\\u062d\\u062a\\u0645\\u0644}}",\n    "created": "{{\\u0661\\u0664\\u0664\\u0667/\\u0660\\u0663/\\u0661\\u0662}}",\n    "owner": "[[PERSON|\\u0631\\u0647\\u0641 \\u0628\\u0627\\u0635\\u0628\\u0631\\u064a\\u0646]]"\n  }\n}',
    ),
    (
        "tool_result",
        "ar/TN-Tunisian",
        '{"ok":true,"items":[\n  {"type":"note","author":"[[PERSON|\\u0648\\u0644\\u064a\\u062f \\u0627\\u0644\\u062c\\u0631\\u064a\\u0628\\u064a]]","text":"[[PERSON|\\u0633\\u0646\\u064a\\u0629 \\u0628\\u0646 \\u0633\\u0627\\u0644\\u0645]] \\u062d\\u0628\\u0651\\u062a \\u0639\\u0631\\u0636 \\u0644\\u0640{{\\u0646\\u0632\\u0644 \\u0627\\u0644\\u064a\\u0627\\u0633\\u0645\\u064a\\u0646}} \\u0641\\u064a {{\\u0627\\u0644\\u062d\\u0645\\u0627\\u0645\\u0627\\u062a}}. \\u0642\\u0627\\u0644\\u062a \\u0627\\u0644\\u0645\\u064a\\u0632\\u0627\\u0646\\u064a\\u0629 {{\\u0664\\u0665 \\u0623\\u0644\\u0641 \\u062f\\u064a\\u0646\\u0627\\u0631}}.","date":"{{2025-06-03}}"},\n  {"type":"contact","name":"[[PERSON|\\u0633\\u0646\\u064a\\u0629 \\u0628\\u0646 \\u0633\\u0627\\u0644\\u0645]]","phone":"[[PHONE|+216 22 518 904]]","email":"[[EMAIL|sonia.bensalem@jasmin-hotel.tn]]"},\n  {"type":"task","title":"\\u0646\\u0643\\u0644\\u0645\\u0648 [[PERSON|\\u0633\\u064a \\u0627\\u0644\\u0647\\u0627\\u062f\\u064a]] \\u0628\\u0639\\u062f {{\\u0639\\u064a\\u062f \\u0627\\u0644\\u0623\\u0636\\u062d\\u0649}}","due":"{{2025-06-16}}"}\n]}',
    ),
    (
        "tool_result",
        "ar/AE-Gulf",
        '{\n  "user": {\n    "id": "{{U-2291}}",\n    "display_name": "[[PERSON|\\u0628\\u0648 \\u062e\\u0627\\u0644\\u062f]]",\n    "full_name": "[[PERSON|\\u0633\\u0639\\u064a\\u062f \\u0628\\u0646 \\u062e\\u0627\\u0644\\u062f \\u0628\\u0648 \\u062d\\u0644\\u064a\\u0628\\u0629]]",\n    "email": "[[EMAIL|saeed.buhaleeba@emirates-clean.ae]]",\n    "mobile": "[[PHONE|+971 50 772 1408]]",\n    "role": "{{\\u0645\\u062f\\u064a\\u0631 \\u0645\\u0628\\u064a\\u0639\\u0627\\u062a}}",\n    "last_login_ip": "[[IP_ADDRESS|94.205.188.21]]",\n    "team": "{{\\u0627\\u0644\\u0634\\u0627\\u0631\\u0642\\u0629}}"\n  },\n  "recent_accounts": [\n    {"name": "{{\\u0628\\u0644\\u062f\\u064a\\u0629 \\u0627\\u0644\\u0634\\u0627\\u0631\\u0642\\u0629}}", "value": "{{\\u0661\\u066b\\u0668 \\u0645\\u0644\\u064a\\u0648\\u0646 \\u062f\\u0631\\u0647\\u0645}}"},\n    {"name": "{{\\u0645\\u062c\\u0645\\u0648\\u0639\\u0629 \\u0628\\u0646 \\u062d\\u064a\\u062f\\u0631}}", "contact": "[[PERSON|\\u0623\\u0645 \\u0623\\u062d\\u0645\\u062f]]"}\n  ],\n  "note": "{{\\u0633\\u0639\\u064a\\u062f}} \\u0628\\u062e\\u062f\\u0645\\u062a\\u0643\\u0645 \\u062f\\u0627\\u0626\\u0645\\u0627\\u064b \\u2013 \\u062a\\u0648\\u0642\\u064a\\u0639 [[PERSON|\\u0633\\u0639\\u064a\\u062f]]"\n}',
    ),
    (
        "tool_result",
        "am/ET",
        '{\n  "customer": {\n    "id": "{{ET-CUS-0912}}",\n    "name": "[[PERSON|\\u1230\\u120b\\u121b\\u12ca\\u1275 \\u1308\\u1265\\u1228\\u1218\\u12f5\\u1205\\u1295]]",\n    "latin_name": "[[PERSON|Selamawit Gebremedhin]]",\n    "company": "{{\\u12a0\\u1262\\u1232\\u1292\\u12eb \\u1261\\u1293 \\u120b\\u12aa\\u12ce\\u127d}}",\n    "phone": "[[PHONE|+251 911 306 742]]",\n    "email": "[[EMAIL|selam.gm@abyssiniacoffee.et]]",\n    "address": "[[ADDRESS|\\u1266\\u120c \\u12ad\\u134d\\u1208 \\u12a8\\u1270\\u121b\\u1363 \\u12c8\\u1228\\u12f3 03\\u1363 \\u12e8\\u1264\\u1275 \\u1241\\u1325\\u122d 1187\\u1363 \\u12a0\\u12f2\\u1235 \\u12a0\\u1260\\u1263]]",\n    "notes": "[[PERSON|\\u1230\\u120b\\u121d]] \\u12a8{{\\u1218\\u1235\\u1240\\u120d}} \\u1260\\u128b\\u120b \\u12cd\\u120d \\u12ed\\u1348\\u122d\\u121b\\u1209\\u1362 \\u1263\\u1208\\u1264\\u1273\\u1278\\u12cd [[PERSON|\\u12f3\\u12ca\\u1275]] \\u12e8\\u134b\\u12ed\\u1293\\u1295\\u1235 \\u1283\\u120b\\u134a \\u1293\\u1278\\u12cd\\u1362 \\u12cb\\u130b {{\\u1265\\u122d 950,000}}\\u1362",\n    "plan": "{{Export Pro}}",\n    "currency": "{{ETB}}",\n    "region": "{{\\u12a0\\u12f2\\u1235 \\u12a0\\u1260\\u1263}}",\n    "created_at": "{{2025-10-02}}"\n  }\n}',
    ),
]
