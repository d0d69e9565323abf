# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind evaluation pool Q for the CRM privacy proxy.

150 marked records, 10 for each of 15 kinds that a sales CRM sends to an LLM:
customer_success_qbr, churn_risk_alert, renewal_negotiation_email,
support_escalation_summary, lead_scoring_explanation, car_dealership_lead,
clinic_or_aesthetic_lead, bank_kyc_review, debt_collection_note,
recruiting_pipeline_update, ai_agent_tool_trace (JSON / function-call traces
of an agent using CRM tools), crm_dedup_merge_request,
sales_forecast_commentary, zoom_or_teams_chat_log and
uae_trade_license_and_visa.

Languages: 60 English, 38 Hebrew, 37 Arabic (MSA plus Emirati, Saudi,
Kuwaiti, Qatari, Bahraini, Omani, Levantine, Palestinian, Jordanian,
Egyptian, Iraqi, Moroccan, Algerian, Tunisian, Sudanese and Yemeni
registers) and 15 in other languages or mixes (German, Portuguese, French,
Hinglish, Spanish, Lebanese Arabizi, Russian, Turkish, Romanian, Taglish,
Italian, Greek, Swahili, Roman Urdu, Persian).

People come from many cultures: Ashkenazi, Mizrahi, Ethiopian-Israeli,
Russian-speaking Israeli, Druze, Bedouin, Arab-Israeli and Haredi Israelis;
Gulf Arabs, Levantines, Palestinians, Egyptians, Maghrebis, Sudanese,
Somalis, Yemenis, Iraqis; Yoruba, Igbo and Hausa Nigerians, Ghanaians,
Kenyans, South Africans; north and south Indians, Pakistanis,
Bangladeshis, Sri Lankans; Filipinos, Indonesians, Malaysians, Chinese,
Japanese, Koreans, Vietnamese, Thai; Turks, Iranians, Armenians, Slavs,
Western Europeans, Latin Americans, Anglo, Irish, Greek and Pacific
Islanders. Names appear with particles, hyphens, apostrophes, geresh,
initials, kunyas, nicknames, handles, ALL CAPS form fields, lower-case chat
mentions, inside emails, JSON, CSV and logs, and propagate (full name first,
lone first name or surname later).

Identifiers are valid: phones per libphonenumber (local and international,
some in Arabic-Indic digits), Luhn-valid cards, mod-97 IBANs, check-digit
Israeli IDs, in-range SSNs, IPv4/IPv6. Controls include look-alike numbers
(tickets, versions, SKUs, invoices, company licence numbers), companies,
streets and towns named after people, Gregorian, Hebrew and Hijri dates,
job titles, and ordinary words that are also given names.

The second field of each record is "language/culture tokens".

[[TYPE|value]] marks a personal value, {{value}} a control phrase.
"""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------------
    # customer_success_qbr
    # ------------------------------------------------------------------
    (
        "customer_success_qbr",
        "en/irish+samoan",
        """QBR prep: {{Harbourline Freight}} / {{Q3 FY25}}\nAttendees: [[PERSON|Siobhán Ní Bhriain]] ({{VP Operations}}), [[PERSON|Tavita Faleolo]] ({{Head of Procurement}}), our CSM [[PERSON|Ruairí Mac Giolla Phádraig]].\nWins: seat utilisation at {{87%}} across the {{Jebel Ali}} and {{Auckland}} depots; {{Route Optimizer}} add-on live since {{August}}.\nRisks: [[PERSON|Tavita]] says the SSO rollout slipped twice (ticket {{CS-40917}} still open). [[PERSON|Siobhán]] wants exec-sponsor time with [[PERSON|Gráinne O'Dwyer]] before the renewal date.\nCommercials: they asked for a 30-day {{grace}} period on the {{$46,800}} expansion invoice.\nFollow-up to [[EMAIL|siobhan.nibhriain@harbourline.co.nz]], cc [[EMAIL|t.faleolo@harbourline.co.nz]]; [[PERSON|Tavita]]'s mobile [[PHONE|+64 21 384 552]].""",
    ),
    (
        "customer_success_qbr",
        "en/yoruba+igbo+british",
        """Quarterly business review – {{Kudirail Payments}} (Lagos)\nCustomer side: [[PERSON|Olúwaseun Adébáyọ̀-Coker]] (COO), [[PERSON|Chidinma Okonkwo-Eze]] ({{Head of Merchant Success}}). Our side: [[PERSON|Hugh Pemberton-Ross]], [[PERSON|Tope]] from onboarding.\n- Active merchants up {{31%}} QoQ; churn down to {{2.4%}}.\n- {{WhatsApp Business API}} connector is their most-used feature; they want it in {{Abuja}} and {{Port Harcourt}} branches by {{January}}.\n- Open item: invoice {{INV-2025-08812}} for {{₦18,400,000}} disputed over VAT.\n[[PERSON|Chidinma]] asked that all QBR decks go to [[EMAIL|chidinma.okonkwo-eze@kudirail.ng]] and to ring her on [[PHONE|0803 614 2290]]. Office for the on-site: [[ADDRESS|14B Adeola Odeku Street, Victoria Island, Lagos 101241]].\nNext QBR: {{Thursday 12 February 2026}}.""",
    ),
    (
        "customer_success_qbr",
        "en/south_indian+emirati",
        """CSM notes, QBR with {{Al Naseem Hypermarkets}}\nPresent: [[PERSON|Venkatesh Raghunathan Iyer]] ({{IT Director}}), [[PERSON|Mariam Saif Al Suwaidi]] ({{Chief Customer Officer}}), [[PERSON|Venky]]'s deputy [[PERSON|K. Lakshmi Priya]].\nUsage: {{412}} active users, {{NPS 46}}; loyalty module adopted in {{Sharjah}} and {{Al Ain}} stores.\nThey want to {{chase}} the overdue {{v10.2.4.1}} hotfix and asked about {{Ramadan}} peak capacity.\nAdmin logins this quarter came mostly from [[IP_ADDRESS|94.200.17.163]] and one odd login from [[IP_ADDRESS|2a02:6b8:c0e:500:1:19:a1c:7]] which [[PERSON|Mariam]] confirmed was her in Moscow.\nAction: [[PERSON|Lakshmi]] to send the SKU list ({{SKU-AN-77301}}) to [[EMAIL|lakshmi.priya@alnaseem.ae]]; call [[PERSON|Mariam]] on [[PHONE|050 772 1934]] before {{Sunday}}.""",
    ),
    (
        "customer_success_qbr",
        "en/japanese+american+kenyan",
        """QBR summary — {{Tsujimoto Precision}} (customer since {{2021}})\nExec sponsor: [[PERSON|Haruka Tsujimoto]] (no relation to the founder family, she joked). Champion: [[PERSON|Wanjiru Kamau-Mbugua]], {{Revenue Operations Manager}}.\nWhat went well: forecast accuracy improved to {{92%}}, {{Pipeline Inspector}} used weekly.\nWhat didn't: {{bill}} run in {{September}} doubled charges; credit note {{CN-44120}} issued for {{$3,215.60}}.\nExpansion: {{Nairobi}} office wants {{35 seats}}; [[PERSON|Wanjiru]]'s number there is [[PHONE|+254 722 318 604]].\n[[PERSON|Haruka]] prefers email only: [[EMAIL|h.tsujimoto@tsujimoto-precision.jp]]. Her assistant [[PERSON|Mark Delacroix-Hume]] will book the room. We'll {{mark}} the account green if the SSO issue closes by {{Nov 14}}.""",
    ),
    (
        "customer_success_qbr",
        "he/haredi+ashkenazi",
        """סיכום QBR – {{אופטיקה הלפרין}} (רשת 9 סניפים)\nמשתתפים: [[PERSON|מנחם מענדל הלפרין]] ({{סמנכ"ל תפעול}}, בנו של המייסד), [[PERSON|שרה-לאה גרוסמן]] ({{מנהלת שירות לקוחות}}), ומצדנו [[PERSON|יענקל'ה]] ({{מנהל לקוח}}).\n- שימוש במערכת התורים עלה ל-{{78%}}; סניף {{בני ברק}} הכי פעיל.\n- ביקשו לסגור את המערכת לשליחת SMS ב{{שבת}} וב{{חול המועד סוכות}} באופן אוטומטי.\n- הזמנה {{054-000-1187}} וחשבונית {{7300456}} על {{₪12,480}} עדיין פתוחה.\nלהמשך: לשלוח מצגת ל-[[EMAIL|s.grossman@optika-halperin.co.il]]; [[PERSON|הלפרין]] ביקש שיחה בטלפון הכשר שלו [[PHONE|052-761-4408]] רק אחרי {{ט"ו בשבט תשפ"ו}}.\nכתובת המשרד הראשי: [[ADDRESS|רחוב רבי עקיבא 118, בני ברק 5126237]].""",
    ),
    (
        "customer_success_qbr",
        "he/ethiopian_israeli+russian_israeli",
        """QBR רבעוני – {{טכנו-פלסט בע"מ}}, {{Q2}}\nמצד הלקוח: [[PERSON|טגיסט וורקנה]] ({{מנהלת רכש}}) ו[[PERSON|אלכסנדר ברנובסקי]] ("[[PERSON|סשה]]", {{מהנדס מערכות}}).\nנקודות עיקריות:\n1. ניצול רישיונות {{64 מתוך 80}}.\n2. [[PERSON|סשה]] מבקש אינטגרציה עם {{Priority}} עד {{אוגוסט}}.\n3. תקלה {{#INC-20931}} פתוחה 19 יום – אסקלציה ל[[PERSON|ליאור אשכנזי-ביטון]].\n[[PERSON|טגיסט]] ביקשה הנחה של {{12%}} בחידוש. נייד שלה: [[PHONE|054-318-9027]], מייל [[EMAIL|tigist.w@techno-plast.co.il]].\nהפגישה הבאה במפעל ב{{קריית גת}}, יום {{שלישי}}.""",
    ),
    (
        "customer_success_qbr",
        "he/druze+mizrahi",
        """סיכום פגישת רבעון – {{חלבי הנדסה}}\nנכחו: [[PERSON|נג'יב חלבי]] ({{מנכ"ל}}), [[PERSON|אורטל אבוטבול]] ({{מנהלת כספים}}), [[PERSON|ווסים קבלאן]] ({{מנהל פרויקטים}}).\nהחברה בבעלות משפחת [[PERSON|חלבי]] מ{{דלית אל-כרמל}}, והם עובדים מול {{חברת חשמל}}.\n- מודול ההצעות יצא ל{{אור}} בסוף {{מרץ}}; ירידה של {{40%}} בזמן הכנת הצעת מחיר.\n- [[PERSON|אורטל]] ביקשה דוח חודשי בעברית ובערבית.\n- {{גיל}} המערכת אצלם כבר שלוש שנים, החוזה מסתיים ב{{31.12.2025}}.\nטלפון במשרד: [[PHONE|04-839-2716]], נייד [[PERSON|נג'יב]]: [[PHONE|+972 50-612-3381]]. מייל: [[EMAIL|najib@halabi-eng.co.il]].""",
    ),
    (
        "customer_success_qbr",
        "ar/emirati",
        """ملخص مراجعة الأعمال الفصلية – {{مجموعة الفطيم}} / قسم السيارات\nالحضور: [[PERSON|حمدة بنت سهيل المزروعي]] ({{مديرة تجربة العملاء}})، و[[PERSON|أبو راشد]] ([[PERSON|عبيد راشد الكتبي]]، {{رئيس المشتريات}})، ومن طرفنا [[PERSON|شما الفلاسي]].\n- نسبة استخدام النظام {{٨٢٪}} في فروع {{دبي}} و{{رأس الخيمة}}.\n- طلبوا ربط النظام مع {{بوابة تم}} قبل {{عيد الاتحاد}}.\n- التذكرة {{TKT-55120}} مفتوحة منذ {{١٢ ربيع الأول ١٤٤٧هـ}}.\nقالت [[PERSON|حمدة]] إن الميزانية تُعتمد في {{ديسمبر}}. للتواصل: [[PHONE|٠٥٠ ٤٤٧ ٢١٩٣]] و[[EMAIL|hamda.almazrouei@alfuttaim-demo.ae]].\nعنوان الاجتماع القادم: [[ADDRESS|مكتب ٣٠٤، برج الفطيم، شارع الاتحاد، ديرة، ص.ب ١٥٢، دبي]].""",
    ),
    (
        "customer_success_qbr",
        "ar/egyptian",
        """مراجعة ربع سنوية مع {{شركة الجمّال للمقاولات}}\nحضر من عندهم [[PERSON|شيرين عبد الفتاح الجمّال]] ({{مديرة المبيعات}}) و[[PERSON|محمد السيد]] اللي بيقولوله "[[PERSON|ميدو]]" ({{مسؤول IT}}).\n- الاستخدام طالع {{٢٣٪}} من أول {{يوليو}}، وفرع {{الإسكندرية}} أحسن فرع.\n- [[PERSON|ميدو]] اشتكى إن التقارير بتتأخر يوم {{الخميس}}.\n- عايزين خصم على باقة {{Enterprise Plus}} بقيمة {{١٨٠٬٠٠٠ جنيه}}.\nالعميل {{كريم}} جداً معانا في المواعيد، بس الدفع متأخر.\nرقم [[PERSON|شيرين]]: [[PHONE|0100 782 3416]]، والمكتب في [[ADDRESS|١٢ شارع مكرم عبيد، مدينة نصر، القاهرة ١١٧٦٥]].""",
    ),
    (
        "customer_success_qbr",
        "de/german+turkish",
        """QBR-Protokoll {{Bredow Logistik GmbH}}, {{Q3 2025}}\nTeilnehmende: [[PERSON|Annelie von Bredow-Hanstein]] ({{Geschäftsführerin}}), [[PERSON|Cem Yıldırımoğlu]] ({{Leiter Vertriebsinnendienst}}), von uns [[PERSON|Jörg Kießling]].\n- Nutzung: {{71 %}} der Lizenzen aktiv, Standort {{Duisburg}} am stärksten.\n- Wunsch: DATEV-Export bis {{1. Dezember}}; Ticket {{SUP-88213}}.\n- Rechnung {{RE-2025-0417}} über {{9.860,00 €}} noch offen.\nHerr [[PERSON|Yıldırımoğlu]] erreichbar unter [[PHONE|0151 23847719]], E-Mail [[EMAIL|cem.yildirimoglu@bredow-logistik.de]].\nNächster Termin vor Ort: [[ADDRESS|Hohenzollerndamm 152, 14199 Berlin]], {{Mittwoch}}, {{10:00 Uhr}}.""",
    ),
    # ------------------------------------------------------------------
    # churn_risk_alert
    # ------------------------------------------------------------------
    (
        "churn_risk_alert",
        "en/american+korean+mexican",
        """⚠️ CHURN RISK: HIGH ({{score 23/100}})\nAccount: {{Baek & Quintanilla Dental Group}}  |  ARR {{$61,200}}  |  Renewal {{2026-01-31}}\nSignals:\n• Champion [[PERSON|Ji-hoon \"Jay\" Baek]] ({{Practice Administrator}}) left the company on {{Oct 3}}; LinkedIn shows him at {{Aspen Dental}}.\n• Logins down {{64%}} over 30 days; last admin login from [[IP_ADDRESS|73.162.41.208]].\n• Auto-pay failed twice on card [[CREDIT_CARD|4757 5221 4947 0049]] (billing contact [[PERSON|Marisol Quintanilla-Reyes]]).\n• Support ticket {{ZD-771042}} marked \"angry\".\nSuggested play: exec outreach from [[PERSON|Bill Hargreaves]] ({{VP Customer Success}}) to Dr. [[PERSON|Quintanilla-Reyes]] at [[EMAIL|mquintanilla@bqdental.com]] / [[PHONE|(619) 482-7305]]; offer a {{bill}} deferral to {{March}}.""",
    ),
    (
        "churn_risk_alert",
        "en/ghanaian+british",
        """Churn watch – weekly digest, {{week 44}}\n1) {{Ansah-Brew Agro Exports}} — risk MEDIUM → HIGH.\n   Owner [[PERSON|Efua Ansah-Brew]] emailed: \"we are evaluating {{HubSpot}}\". Her ops lead [[PERSON|Kojo Mensah-Bonsu]] (\"[[PERSON|KJ]]\") stopped attending trainings after {{v4.18}} shipped.\n   Usage: {{9 of 25}} seats active. Outstanding: {{GH₵ 41,300}}.\n   Contact: [[PHONE|+233 24 418 2960]], [[EMAIL|efua@ansahbrew-agro.com.gh]].\n2) {{Hope Valley Foods}} (Leeds) — stable; [[PERSON|Nigel Thistlethwaite]] confirmed renewal; we still {{hope}} to upsell {{Forecasting Pro}}.\n   His direct line: [[PHONE|0113 496 0721]].\nCSM on both: [[PERSON|Abena Osei-Tutu]].""",
    ),
    (
        "churn_risk_alert",
        "en/pakistani+australian",
        """[Gainsight-style alert] {{Account Health dropped 71 → 38}}\nCustomer: {{Chaudhry Textiles Pty Ltd}}, {{Melbourne}} + {{Faisalabad}}\nPrimary contact: [[PERSON|Usman Rafiq Chaudhry]] ({{Managing Director}}) — note: company is named after his father [[PERSON|Rafiq Chaudhry]], who retired.\nWhy: contract owner changed to [[PERSON|Bronwyn McAlister]] ({{Finance Controller}}) who is \"cutting every SaaS line over {{AUD 20k}}\". Invoice {{#AU-00931}} ({{AUD 27,450}}) unpaid {{45 days}}.\nDetractor NPS comment from [[EMAIL|b.mcalister@chaudhrytextiles.com.au]]: \"too many clicks\".\nReach [[PERSON|Usman]] on [[PHONE|0412 733 918]] (AU) or [[PHONE|+92 300 8421576]] (PK). Mailing: [[ADDRESS|Unit 7, 42 Kororoit Creek Road, Williamstown North VIC 3016]].""",
    ),
    (
        "churn_risk_alert",
        "en/filipino+chinese",
        """Risk flag raised by CSM [[PERSON|Ma. Cristina \"Tinay\" Dimaculangan]]:\n{{Liang Wen Trading Corp.}} (Binondo) may not renew. [[PERSON|Liang Wenjie]], the owner's son, is pushing a local tool; his dad Mr. [[PERSON|Liang]]'s name is on the company but he's not involved day to day.\nData:\n- {{Renewal}}: {{PHP 1,240,000}} due {{Dec 15}}\n- {{Seats}}: 40 → 18 active\n- Last QBR cancelled twice ({{Tuesday}} and {{Friday}}).\n[[PERSON|Tinay]]'s note: \"[[PERSON|wenjie]] told me on Viber [[PHONE|0917 845 2309]] that they'd stay if we add {{Tagalog}} SMS templates.\"\nBilling email: [[EMAIL|accounts@liangwen-trading.ph]]. Office: [[ADDRESS|Unit 1203, 888 Ongpin Street, Binondo, Manila 1006]].""",
    ),
    (
        "churn_risk_alert",
        "he/arab_israeli+ashkenazi",
        """התראת נטישה – {{אינסטלציה ח'טיב ובניו}}\nציון בריאות: {{31}} (ירד מ-{{67}}).\nאיש קשר ראשי: [[PERSON|רנא ח'טיב]] ({{מנהלת משרד}}) מ{{נצרת}}. לפי השיחה אתמול, ה{{עמית}} שלה במשרד, [[PERSON|פאדי]], בודק מתחרה.\nאותות:\n• אף כניסה למודול הזמנות מאז {{ראש השנה}}.\n• חשבונית {{INV-3381}} בסך {{₪6,900}} לא שולמה.\n• הבעלים, [[PERSON|ג'מיל ח'טיב]], ביקש לדבר עם [[PERSON|דורית שטרנברג]] ({{מנהלת הצלחת לקוחות}}).\nטלפון [[PERSON|רנא]]: [[PHONE|050-749-3126]], מייל [[EMAIL|rana.khatib@khatib-plumbing.co.il]].\nהמלצה: שיחת הצלה עד יום {{רביעי}}.""",
    ),
    (
        "churn_risk_alert",
        "he/russian_israeli+bedouin",
        """🔴 סיכון נטישה גבוה: {{הובלות אבו-קרינאת}}\nהחשבון מנוהל ע"י [[PERSON|יבגניה קוזלובסקי]] ("[[PERSON|ז'ניה]]"). בעל החברה [[PERSON|סולימאן אבו-קרינאת]] מ{{רהט}} אמר שהמחיר של {{₪2,400}} לחודש \"לא מצדיק\".\nנתונים: {{11}} משאיות מחוברות מתוך {{30}}; אפליקציית הנהגים לא עודכנה מגרסה {{3.9.12}}.\nב{{מזל}}, הבן [[PERSON|מוחמד אבו-קרינאת]] דווקא אוהב את המערכת.\nלהתקשר ל[[PERSON|סולימאן]] עד {{סוף החודש}}: [[PHONE|052-384-7710]]. משרד: [[ADDRESS|שכונה 24, בית 17, רהט 8535700]].\nת"ז שמופיעה בחוזה (עוסק מורשה): [[IL_ID|620966549]].""",
    ),
    (
        "churn_risk_alert",
        "ar/saudi",
        """تنبيه: خطر إلغاء الاشتراك – {{شركة القحطاني للتجارة والمقاولات}}\nمؤشر الصحة: {{٢٨ من ١٠٠}}\nالمسؤول: [[PERSON|عبدالإله بن فهد القحطاني]] ({{مدير المشتريات}}). الأستاذ [[PERSON|عبدالإله]] أبلغنا أن الإدارة تدرس بديلاً محلياً متوافقاً مع {{الفوترة الإلكترونية}} من {{هيئة الزكاة والضريبة والجمارك}}.\n- آخر دخول للمشرف من [[IP_ADDRESS|185.93.244.17]] بتاريخ {{٥ جمادى الأولى ١٤٤٧هـ}}.\n- رقم العرض {{050-2025-118}}، والفاتورة {{٤٤٠١٨٢٢}} بمبلغ {{٣٨٬٥٠٠ ريال}} متأخرة.\nالجوال: [[PHONE|0551234987]]، البريد: [[EMAIL|a.alqahtani@qahtani-trading.sa]].\nالعنوان الوطني: [[ADDRESS|٧٢٤٦ شارع الأمير سلطان، حي المحمدية، جدة ٢٣٦١٧، الرقم الإضافي ٣١٤٥]].""",
    ),
    (
        "churn_risk_alert",
        "ar/kuwaiti",
        """تنبيه churn من النظام 🚩\nالعميل: {{مطاعم العنزي}} – {{الكويت}}\n[[PERSON|دانة يوسف العنزي]] (مديرة التسويق) كتبت بالشات: \"والله النظام صاير ثقيل، [[PERSON|بو فهد]] يبي يلغي قبل {{رمضان}}\".\n[[PERSON|بو فهد]] هو [[PERSON|فهد مشعل العنزي]]، صاحب المطاعم و{{رئيس مجلس الإدارة}}.\nالمؤشرات: انخفاض الطلبات عبر {{تطبيق التوصيل}} {{٤٠٪}}، وتذكرة {{KW-99012}} بدون رد من {{٩ أيام}}.\nالمبلغ السنوي: {{٤٬٢٠٠ د.ك}}.\nجوال [[PERSON|دانة]]: [[PHONE|+965 9874 3210]]، إيميل [[EMAIL|dana.alenezi@alenezi-rest.com.kw]].\nاقتراح: زيارة يوم {{الأحد}} من [[PERSON|سلام الرشيدي]] مع عرض شهر مجاني، وتوصيل {{سلام}} الإدارة لـ[[PERSON|بو فهد]].""",
    ),
    (
        "churn_risk_alert",
        "ar/moroccan",
        """ملاحظة churn – {{مجموعة الشرايبي للنسيج}}، {{الدار البيضاء}}\nسي [[PERSON|يوسف الشرايبي]] قال فالتيليفون: \"السيستيم مزيان ولكن غالي بزاف، و[[PERSON|خديجة]] ما بقاتش كتخدم بيه\".\n[[PERSON|خديجة بنسودة]] هي {{مسؤولة المبيعات}}، وهي اللي كانت champion ديالنا.\n- المستخدمين النشيطين: {{٦ من ٢٢}}\n- الفاتورة {{MA-2025-310}}: {{٤٨٬٠٠٠ درهم}}، ماتخلصاتش من {{شتنبر}}.\nالنمرة ديال [[PERSON|يوسف]]: [[PHONE|0661-482937]]، والإيميل [[EMAIL|y.chraibi@chraibi-textile.ma]]. الموعد الجاي نهار {{الثلاثاء}}.\nالعنوان: [[ADDRESS|٢٣ زنقة ابن بطوطة، المعاريف، الدار البيضاء ٢٠٣٣٠]].""",
    ),
    (
        "churn_risk_alert",
        "pt/brazilian",
        """🚨 Alerta de churn – {{Albuquerque Cosméticos Ltda.}}\nHealth score: {{19}} (era {{58}} em {{julho}}).\nContato principal: [[PERSON|Thaís Albuquerque dos Santos]] ({{Diretora Comercial}}). Ela comentou que o [[PERSON|Joãozinho]] ([[PERSON|João Pedro Vasconcelos]], {{analista de CRM}}) saiu da empresa e ninguém mais usa as automações.\nSinais: {{NPS 2}}, chamado {{#BR-55821}} reaberto 3 vezes, fatura {{NF 004.512}} de {{R$ 14.900,00}} vencida.\nWhatsApp da [[PERSON|Thaís]]: [[PHONE|+55 11 98274-6610]]; e-mail [[EMAIL|thais.santos@albuquerquecosmeticos.com.br]].\nEndereço para visita: [[ADDRESS|Rua Oscar Freire, 1987, conj. 42, Pinheiros, São Paulo - SP, 05409-011]].\nPróximo passo: ligação com [[PERSON|Renata Figueiredo]] na {{sexta-feira}}.""",
    ),
    # ------------------------------------------------------------------
    # renewal_negotiation_email
    # ------------------------------------------------------------------
    (
        "renewal_negotiation_email",
        "en/armenian+american",
        """Subject: Re: {{2026 renewal}} – {{Ter-Grigoryan Analytics}} order form {{OF-11873}}\n\nHi [[PERSON|Anahit]],\n\nThanks for the call with [[PERSON|Dale]] on {{Monday}}. To recap where we landed:\n- {{150 seats}} of {{Pipeline Cloud Enterprise}} at {{$38/seat/month}} (list {{$45}}), {{3-year}} term, {{4%}} annual uplift cap.\n- We can't do net-90; best is net-45.\n- Your CFO [[PERSON|Garo Petrosyan]] asked for a termination-for-convenience clause; legal ([[PERSON|Priyanka Venugopal]]) says no, but we can add a {{will}}-not-raise-price rider.\n\nIf you can countersign by {{December 19}}, I'll hold the {{$12,000}} onboarding credit.\n\nBest,\n[[PERSON|Dale R. Whitcombe]]\n{{Senior Account Executive}}\n[[PHONE|(650) 739-2148]] | [[EMAIL|dale.whitcombe@pipelinecloud.io]]\n[[ADDRESS|2250 Sand Hill Road, Suite 110, Menlo Park, CA 94025]]""",
    ),
    (
        "renewal_negotiation_email",
        "en/somali+british",
        """From: [[EMAIL|hodan.warsame@ridgewaylettings.co.uk]]\nTo: [[EMAIL|fenella.carrington-smythe@brightcrm.co.uk]]\nSubject: Renewal — we need movement on price\n\nDear [[PERSON|Fenella]],\n\nWe negotiated in good {{faith}} last year and accepted the {{7%}} uplift. This year our branch count fell from {{14}} to {{11}} ({{Croydon}}, {{Luton}} and {{Slough}} closed), so we're asking for a reduction to {{£21,600}}.\n\nMy colleague [[PERSON|Abdiweli Farah]] will join the call on {{Wednesday 5 November}}. Please send the revised quote (ref {{Q-RW-2026-03}}) before then.\n\nKind regards,\n[[PERSON|Hodan Abdirahman Warsame]]\n{{Operations Director}}, {{Ridgeway Lettings}}\nM: [[PHONE|07946 381 204]]\n[[ADDRESS|Flat 3, 19 Tooting High Street, London SW17 0RJ]]""",
    ),
    (
        "renewal_negotiation_email",
        "en/malaysian+indonesian",
        """Hi Kak [[PERSON|Nurul]], hi Mbak [[PERSON|Putu]],\n\nFollowing up on the {{FY2026}} renewal for {{Kamarudin Halal Logistics Sdn Bhd}}.\n\nOur final offer:\n• {{MYR 96,000}}/year for {{Malaysia}} + {{Indonesia}} instances\n• free {{Bahasa Indonesia}} localisation pack ({{SKU LP-ID-220}})\n• renewal signed by {{30 Jun 2026}}, otherwise list price applies\n\n[[PERSON|Nurul Izzah binti Kamarudin]], I know your board meets after {{Hari Raya Aidilfitri}}; can we pencil {{14 April}}?\n[[PERSON|Putu Ayu Wulandari]], your Jakarta team asked for invoices in {{IDR}}; that's fine.\n\nCall me any time: [[PHONE|+60 12-318 7754]].\n\nTerima kasih,\n[[PERSON|Jonathan Lim Wei Sheng]]\n[[EMAIL|jonathan.lim@apexcrm.my]]""",
    ),
    (
        "renewal_negotiation_email",
        "en/emirati+british",
        """Dear [[PERSON|Maitha]],\n\nFurther to our meeting at your office, please find the revised renewal for {{Al Ketbi Holding}}:\n\n1. Term: {{1 Jan 2026}} – {{31 Dec 2028}}\n2. Fee: {{AED 412,000}} p.a. (hosting costs {{rose}} {{9%}} but we are absorbing them)\n3. Data residency: {{UAE North}} region, per your {{DESC}} requirement.\n\nI understand Sheikh [[PERSON|Obaid]]'s office must sign; happy to courier originals to [[ADDRESS|Office 2104, Jumeirah Bay Tower X3, Cluster X, JLT, PO Box 337741, Dubai]].\n\nWarm regards,\n[[PERSON|Oliver Ashdown-Brooke]]\n{{Regional Director, GCC}}\nT [[PHONE|+971 4 438 2217]] | M [[PHONE|+971 56 914 3382]]\n\n> On {{Sun, 12 Oct}}, [[PERSON|Maitha Obaid Al Ketbi]] <[[EMAIL|maitha.alketbi@alketbiholding.ae]]> wrote:\n> We will not accept more than {{3%}} increase.""",
    ),
    (
        "renewal_negotiation_email",
        "he/ashkenazi+mizrahi",
        """נושא: חידוש הסכם {{2026}} – {{רמי לוי שיווק השקמה}}\n\nשלום [[PERSON|אפרת]],\n\nבהמשך לשיחה עם [[PERSON|צביקה רוזנצוויג]] ביום {{חמישי}}, מצורפת הצעת החידוש:\n• {{320 משתמשים}} ב-{{₪89}} למשתמש לחודש (במקום {{₪104}})\n• התחייבות ל-{{24 חודשים}}\n• הסבת נתונים מ{{SAP}} ללא עלות\n\nאני מבין ש[[PERSON|צביקה]] צריך אישור של ועדת רכש שמתכנסת ב{{ר"ח טבת}}. נשמח לקבל תשובה עד {{15.12.2025}}.\n\nבברכה,\n[[PERSON|גלעד מוסאי]]\n{{מנהל תיק לקוח בכיר}}\nנייד [[PHONE|058-472-1903]] | [[EMAIL|gilad.musai@crmplus.co.il]]\nהעתק: [[PERSON|אפרת לוי]], {{מנהלת רכש}}""",
    ),
    (
        "renewal_negotiation_email",
        "he/mizrahi+yemeni",
        """{{שלום}} [[PERSON|יחיאל]],\n\nתודה על הפגישה ב{{ראש העין}}. לגבי החידוש של {{צנעני תבלינים}}:\n\n1. מחיר שנתי {{₪54,000}} (במקום {{₪61,200}}); בקובץ הייצוא מהמערכת הישנה זה מופיע כ-{{054,000}}.\n2. [[PERSON|מזל צנעני]] ביקשה שהמערכת תתמוך בקופות בסניף {{שוק התקווה}}.\n3. מועד חתימה: עד {{כ"ה בכסלו תשפ"ו}} (נר ראשון של {{חנוכה}}).\n\nאם זה מתאים, [[PERSON|מזל]] יכולה לחתום דיגיטלית ואני אשלח חשבון עסקה.\nבהצלחה ו{{מזל}} טוב על הסניף החדש!\n\n[[PERSON|אסף גרמה]], {{מנהל מכירות}}\n[[PHONE|03-907-6614]] | [[EMAIL|asaf.grama@tavlin-crm.co.il]]""",
    ),
    (
        "renewal_negotiation_email",
        "he/haredi",
        """לכבוד\nהרב [[PERSON|חיים-דוד פרידלנדר]]\n{{רשת ספרי קודש פרידלנדר}}\n[[ADDRESS|רחוב נהר הירדן 7, בית שמש 9906107]]\n\nהנדון: חידוש רישיון מערכת ניהול לקוחות לשנת {{תשפ"ו}}\n\nבהמשך לבקשת ר' [[PERSON|אלימלך]] ממחלקת ההנהלה:\n• הגבלת שליחת הודעות בין {{ערב שבת}} ל{{מוצאי שבת}} תישאר ללא עלות.\n• {{12 עמדות}} ב-{{₪7,680}} לשנה, תשלום ב-{{10 תשלומים}}.\n• ניתן לשלם בהעברה לחשבון: [[IBAN|IL73 0114 8065 6709 0172 344]].\n\nלשאלות: [[PHONE|02-991-3785]], או במייל [[EMAIL|office@friedlander-books.co.il]].\n\nבכבוד רב,\n[[PERSON|נחמה וייספיש]]\n{{מחלקת חידושים}}""",
    ),
    (
        "renewal_negotiation_email",
        "ar/jordanian",
        """الموضوع: تجديد اشتراك {{شركة الحوراني للأدوية}} لعام {{٢٠٢٦}}\n\nحضرة المهندس [[PERSON|رامي الحوراني]] المحترم،\n\nتحية طيبة وبعد،\nبالإشارة إلى اجتماعنا في فرع {{شارع الملكة رانيا}}، نعرض عليكم:\n١. رسوم سنوية {{٩٬٨٠٠ دينار أردني}} بدلاً من {{١١٬٢٠٠}}.\n٢. تمديد الدعم الفني ليشمل يوم {{السبت}}.\n٣. دفع على {{أربعة أقساط}}.\nوقد أشارت السيدة [[PERSON|لانا عبد الرحيم]] إلى ضرورة موافقة {{المدير المالي}} قبل {{٣١ كانون الأول}}.\n\nللتواصل: [[PHONE|0795 418 362]] أو [[EMAIL|rami.hourani@hourani-pharma.jo]].\nعنوان المراسلات: [[ADDRESS|عمارة ٢٤، شارع وصفي التل، الجاردنز، عمّان ١١١٩٥]].\n\nمع الاحترام،\n[[PERSON|هبة القضاة]]""",
    ),
    (
        "renewal_negotiation_email",
        "ar/qatari",
        """[[PERSON|نورة]] مساء الخير،\n\nبخصوص تجديد عقد {{مجموعة الكواري للتجزئة}}: الإدارة وافقت في {{الربع الأول}} مبدئياً على {{٢٢٠٬٠٠٠ ريال قطري}} لثلاث سنوات، بشرط تفعيل {{اللغة العربية}} في بوابة العملاء قبل {{كأس الخليج}}.\n\nالأخ [[PERSON|خليفة بن جاسم الكواري]] طلب إرسال العقد النهائي إلى [[EMAIL|khalifa.alkuwari@kuwari-retail.qa]]، والدفعة الأولى تتحول من حساب [[IBAN|QA34 QNBA 7138 2437 5369 3697 7294 8]].\n\nالاجتماع يوم {{الأربعاء}} في {{لوسيل}}. رقمي: [[PHONE|+974 5531 2847]].\n\nتحياتي،\n[[PERSON|نور الهدى السليطي]]\n{{مديرة حسابات رئيسية}}""",
    ),
    (
        "renewal_negotiation_email",
        "fr/algerian+french",
        """Objet : Renouvellement {{2026}} – {{Bellil Distribution SARL}}\n\nBonjour Madame [[PERSON|Aït-Ouarab]],\n\nSuite à notre échange avec [[PERSON|Mohand-Saïd Bellil]], voici notre proposition :\n- {{48 licences}} à {{39 € HT}} par mois (au lieu de {{46 €}})\n- engagement {{24 mois}}, résiliable au {{1er juillet 2027}}\n- reprise des données de la boutique de la {{rue Victor-Hugo}} offerte\n\n[[PERSON|Lynda]], je sais que votre comité se réunit {{mardi}} ; n'hésitez pas à m'appeler au [[PHONE|06 71 42 85 39]].\n\nCordialement,\n[[PERSON|Thibault Marchand-Duvernoy]]\n{{Responsable grands comptes}}\n[[EMAIL|t.marchand-duvernoy@crm-atlas.fr]]\n[[ADDRESS|17 rue Jean-Jaurès, 69007 Lyon]]""",
    ),
    # ------------------------------------------------------------------
    # support_escalation_summary
    # ------------------------------------------------------------------
    (
        "support_escalation_summary",
        "en/hausa+irish",
        """ESCALATION SUMMARY — P1 — {{ESC-30418}}\nCustomer: {{Bichi Agro-Allied Ltd}} (Kano)  |  Plan: {{Growth}}  |  Opened: {{Tue 04 Nov 2025 08:12 WAT}}\nReporter: [[PERSON|Hauwa Lawan Bichi]] ({{Head of Sales Ops}}), [[EMAIL|hauwa.bichi@bichiagro.com.ng]], [[PHONE|+234 803 451 2276]]\nIssue: lead-import job fails at row {{18,402}}; error log shows their integration user pasting a live key: [[SECRET|sk_live_51Nq8ZrKf2LwYb7TqV0aXm3PdE9sHcJ4uR6gWn1tB]].\nActions: key revoked by [[PERSON|Cian O'Flaherty]] ({{Tier 3 Support Engineer}}); requests from [[IP_ADDRESS|105.112.44.193]] blocked for 1h.\n[[PERSON|Hauwa]] is upset that the {{SLA}} ({{4 hours}}) was missed by 90 minutes. [[PERSON|Cian]] promised an RCA by {{Friday}}. Fixed in build {{2025.11.2-hf3}}.""",
    ),
    (
        "support_escalation_summary",
        "en/vietnamese+american",
        """Escalation to {{Trust & Safety}}: PII in a customer import\nAccount: {{Saigon Pearl Nail Supply}} ({{Houston}}, TX)\nThe customer's admin [[PERSON|Nguyễn Thị Thu Hà]] uploaded {{leads_oct.csv}} that included SSNs. Example row as received:\n\"[[PERSON|Tran Quoc Bao]]\",\"[[EMAIL|bao.tran82@gmail.com]]\",\"[[PHONE|(832) 417-6093]]\",\"[[US_SSN|381-87-9094]]\",\"[[ADDRESS|10914 Bellaire Blvd Apt 218, Houston, TX 77072]]\"\nWe purged the column; job {{IMP-884120}} re-run without it.\nAlso: their {{Zapier}} webhook signing secret was shared in the ticket body: [[SECRET|whsec_9fK2mQ7xT4vLp8RzN3cY6bWd]]. Rotated.\n[[PERSON|Thu Hà]] asked that we talk to her manager [[PERSON|Kevin Lê]] only. Handled by [[PERSON|Grace Whitfield]]; ticket {{#552193}}, severity {{S2}}, closed {{10/21/2025}}.""",
    ),
    (
        "support_escalation_summary",
        "en/thai+australian",
        """Escalation recap ({{INC-7714}}) — GitHub sync broken for {{Wongsawat Digital}}\nTimeline ({{AEDT}}):\n- {{09:02}} [[PERSON|Nattapong \"Pong\" Wongsawat]] reports deals not syncing from repo issues.\n- {{09:40}} [[PERSON|Lachlan McGillivray]] (L2) finds expired token in connector config: [[SECRET|ghp_7Rk2xW9qLmB4tZ8vN1cH6yP3dF5sJ0aQeUo]].\n- {{10:15}} Customer generated a new PAT; sync resumed at version {{4.22.0}}.\n- {{11:30}} [[PERSON|Pong]]'s manager [[PERSON|Siriporn Thanasombat]] demanded a credit.\nOutcome: {{10%}} credit on invoice {{WD-2025-1103}} ({{AUD 1,180}}). Contact [[PERSON|Siriporn]] on [[PHONE|0422 817 364]] or [[EMAIL|siriporn@wongsawat.digital]].\nRoot cause: our UI never warned about token expiry — bug {{BUG-20931}}.""",
    ),
    (
        "support_escalation_summary",
        "en/sri_lankan+british",
        """Executive escalation – {{Ceylon Leaf Exporters (Pvt) Ltd}}\nRaised by: [[PERSON|Dilhani Wickramasinghe]], {{Chief Commercial Officer}}, via our CEO's inbox.\nProblem: the REST API returned 401 for 3 days. Their developer [[PERSON|Tharindu Senanayake-Perera]] sent us the failing curl, which contained:\nAuthorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ0c3AiLCJleHAiOjE3NjI5OTk5OTl9.Qk3v8XnLr2PzT0sWcY7mHfA1dJ9uE4bR6tGoKiLp]]\nCause: token minted for sandbox {{api-sbx}}; prod expects {{api-eu2}}.\nCustomer loss: {{312}} tea-auction leads missed around {{Deepavali}}.\nNext steps: [[PERSON|Rupert Hollingsworth]] ({{VP Support EMEA}}) to call [[PERSON|Dilhani]] on [[PHONE|+94 77 318 4602]] on {{Monday}}; written RCA to [[EMAIL|dilhani.w@ceylonleaf.lk]].""",
    ),
    (
        "support_escalation_summary",
        "he/russian_israeli+ashkenazi",
        """סיכום הסלמה – תקלה {{P1-9921}} אצל {{שפירו מערכות מיזוג}}\nפתח: [[PERSON|ולדימיר שפירו]] ("[[PERSON|וובה]]"), {{מנהל IT}}, בטלפון [[PHONE|054-611-2890]].\nהבעיה: הסנכרון ל-AWS נפל. בלוג שצירף [[PERSON|וובה]] הופיע מפתח גישה: [[SECRET|AKIAZ4QX7RMB2KD9WT5N]] יחד עם secret [[SECRET|tN8qV2xLr5+Kp0aYzH3cW9mJb7sFdE1gUoRi6PeQ]].\nפעולות: [[PERSON|רוני קליין]] ({{ראש צוות תמיכה}}) ביטל את המפתחות וחסם את [[IP_ADDRESS|212.143.91.58]].\nהלקוח דורש פיצוי של {{חודש חינם}}; ההנהלה אישרה {{50%}}.\nמועד סגירה צפוי: יום {{שני}}, {{3.11}}. גרסה מתוקנת {{6.14.2}}.\nמייל לעדכונים: [[EMAIL|v.shapiro@shapiro-hvac.co.il]].""",
    ),
    (
        "support_escalation_summary",
        "he/ethiopian_israeli+arab_israeli",
        """הסלמה למנהלת התמיכה – לקוח {{עמותת גשר לקהילה}}\nמדווחת: [[PERSON|מונא עבד אל-חלים]], {{רכזת מתנדבים}}, מ{{טייבה}}.\nהתקלה: טופס ההרשמה באתר שולח ל-CRM ת"ז בשדה "הערות". דוגמה מרשומה {{#58113}}: [[PERSON|יוסף ביינסאין]], ת"ז [[IL_ID|287072292]], טל' [[PHONE|053-420-7718]].\n[[PERSON|יוסף]] עצמו התקשר להתלונן שקיבל SMS עם מספר הזהות שלו.\nטיפול: [[PERSON|טל אזולאי]] מהצוות שלנו מחק את השדה וביטל את ה-cron השבועי. שדה {{גיל}} ושדה {{עיר}} נשארו.\nנדרש: מכתב התנצלות עד {{יום חמישי}}; מייל [[EMAIL|muna@gesher-kehila.org.il]]. חומרה {{גבוהה}}, {{SLA}} הופר.""",
    ),
    (
        "support_escalation_summary",
        "ar/bahraini",
        """ملخص تصعيد – {{بنك الجودر للتمويل}} (عميل {{Enterprise}})\nالمبلِّغة: [[PERSON|فاطمة عيسى الجودر]]، {{رئيسة العمليات الرقمية}}.\nالمشكلة: تعطل إرسال رسائل {{واتساب}} لعملاء فرع {{المنامة}} منذ {{الأحد}}.\nسجل الأحداث يُظهر محاولات دخول فاشلة من [[IP_ADDRESS|37.131.66.210]] باسم المستخدم [[PERSON|f.aljowder]].\nتولّى [[PERSON|حسين عبدالله المحروس]] ({{مهندس دعم أول}}) الحالة، وأكد أن السبب تحديث {{v8.3.11}}.\nطلبت [[PERSON|فاطمة]] تعويضاً بقيمة {{١٬٥٠٠ دينار بحريني}}.\nالتواصل: [[PHONE|3961 4827]] / [[EMAIL|f.aljowder@aljowder-finance.bh]].\nرقم التذكرة {{BH-ESC-0042}}.""",
    ),
    (
        "support_escalation_summary",
        "ar/iraqi",
        """تصعيد – {{شركة الساعدي للاتصالات}}، {{بغداد}}\n[[PERSON|حيدر كاظم الساعدي]] اتصل وكال: \"شلون صار هيج؟ كل العملاء اللي سجلناهم بـ{{محرم}} اختفوا!\"\nالسبب: موظف عدهم، [[PERSON|أبو زهراء]]، سوّى دمج (merge) غلط على {{٢٬٣٠٠}} سجل.\nالإجراء: استرجعنا نسخة {{٢٠٢٥-١٠-١٢}} من قبل [[PERSON|زينب الربيعي]] ({{مهندسة قواعد بيانات}}).\n[[PERSON|حيدر]] يريد تدريب لموظفيه يوم {{السبت}} بـ{{أربيل}}.\nموبايله: [[PHONE|0770 418 2936]]، إيميل: [[EMAIL|haider.alsaadi@saadi-telecom.iq]].\nالعنوان: [[ADDRESS|محلة ٩٠٣، زقاق ١٤، دار ٢٢، الكرادة، بغداد]].""",
    ),
    (
        "support_escalation_summary",
        "ar/sudanese",
        """تصعيد من العميل {{مطاحن الأمين}} – {{الخرطوم بحري}}\n[[PERSON|مزمل عثمان حاج الأمين]] (بيقولوا ليهو \"[[PERSON|ود الأمين]]\") اتصل زعلان شديد: \"النظام واقف من {{أمس}} والطلبيات ما بتتسجل\".\nالمهندس [[PERSON|سيف الدين عوض]] لقى إنو الشبكة عندهم بتطلع من [[IP_ADDRESS|41.95.114.77]] والـ{{firewall}} بتاعنا حاظرها.\nالحل: تمت إضافة العنوان للـ{{allowlist}}، والخدمة رجعت الساعة {{٣:٤٠ العصر}}.\n[[PERSON|مزمل]] طلب خصم {{١٠٪}} على فاتورة {{نوفمبر}}.\nتلفونه: [[PHONE|+249 91 234 5871]]، إيميله [[EMAIL|muzamil.alamin@amin-mills.sd]].\nالتذكرة: {{SD-1187}}.""",
    ),
    (
        "support_escalation_summary",
        "hi-en/north_indian+south_indian",
        """Escalation summary – {{Saxena Motors Pvt Ltd}}, {{Lucknow}}\n[[PERSON|Ankit Saxena]] ji ne call pe bola ki pichle {{3 din}} se dealership ke leads WhatsApp pe nahi aa rahe. Bahut gussa the, bole \"{{Diwali}} season mein yeh kya ho raha hai!\"\nDebug kiya toh [[PERSON|Pooja Deshmukh]] (hamari L2 engineer) ko config mein purana AWS key mila: [[SECRET|AKIA6RQXN2PMLV4TB8CZ]].\nNaya key rotate kar diya, aur {{v3.7.9}} deploy hua.\n[[PERSON|Ankit]] ke manager [[PERSON|Raghavan Subramaniam]] ne credit maanga: {{₹45,000}}. Approve karna hai {{Friday}} tak.\nContact: [[PHONE|+91 98390 41276]], [[EMAIL|ankit.saxena@saxenamotors.in]]\nTicket {{IN-ESC-4471}}, priority {{P1}}.""",
    ),
    # ------------------------------------------------------------------
    # lead_scoring_explanation
    # ------------------------------------------------------------------
    (
        "lead_scoring_explanation",
        "en/igbo+american",
        """Explain this lead score to the SDR in two sentences.\nLEAD #{{L-2025-774310}}\nFIRST NAME: [[PERSON|CHUKWUEMEKA]]\nLAST NAME: [[PERSON|NWOSU-IBE]]\nPREFERRED NAME: [[PERSON|Emeka]]\nEMAIL: [[EMAIL|emeka.nwosu-ibe@ndigbo-capital.com]]\nMOBILE: [[PHONE|+1 (470) 318-2957]]\nTITLE: {{Chief Investment Officer}}\nCOMPANY: {{Ndigbo Capital Partners}} ({{Atlanta}})\nIP GEO: [[IP_ADDRESS|108.82.17.244]] → {{Atlanta, GA}}\nSCORE: {{87}} (+25 title seniority, +20 visited pricing 4x, +15 downloaded {{2025 Benchmark Report}}, +10 company size {{51-200}}, -8 personal domain mismatch on 1st form)\nModel version: {{lsm-3.2.17}}. Owner: [[PERSON|Brooke Ashby-Lowell]].""",
    ),
    (
        "lead_scoring_explanation",
        "en/korean+canadian",
        """Score breakdown for [[PERSON|Seo-yeon Hwang]] ({{Director of Partnerships}}, {{Maple Leaf Kimchi Co.}})\n- Engagement: attended {{Tuesday}} webinar \"{{Forecasting for Food & Bev}}\" live, stayed {{52 min}} → +18\n- Fit: {{Toronto}} HQ, {{120 employees}}, uses {{Shopify Plus}} → +22\n- Intent: {{G2}} comparison page visits from [[IP_ADDRESS|2607:fea8:1d20:8a00:c4:51ff:fe2e:9b3]] → +12\n- Negative: replied \"not now, maybe in {{Q2}}\" to [[PERSON|Will Trudeau-Bastien]]'s sequence → -10\nFinal: {{72 / 100}} (MQL threshold {{65}}).\nNote: her colleague [[PERSON|Min-jun Oh]] also signed up with [[EMAIL|minjun.oh@mapleleafkimchi.ca]]; keep them linked. [[PERSON|Seo-yeon]]'s direct: [[PHONE|416-902-7735]].""",
    ),
    (
        "lead_scoring_explanation",
        "en/bangladeshi+british",
        """Why is this lead only 41?\nLead: [[PERSON|Md. Shahriar Kabir Chowdhury]] <[[EMAIL|shahriar.kabir.c@gmail.com]]>, [[PHONE|+880 1711-634928]]\nCompany entered: \"{{Kabir Garments}}\" ({{Gazipur}}). Our enrichment matched a different firm, {{Kabir Steel Re-Rolling Mills}}, so firmographic fit is uncertain (+6 instead of +20).\nBehaviour: 2 visits from [[IP_ADDRESS|103.112.53.8]] ({{Dhaka}}), no demo request (+9). Form said title \"{{Merchandiser}}\" (+4).\nPositive: referred by existing customer [[PERSON|Nusrat Jahan Mitu]] (+12).\nRecommendation: let [[PERSON|Harriet Pennington]] qualify by phone before {{Eid}}; re-score after {{14 days}}. Scoring rule set {{v2025.09}}.""",
    ),
    (
        "lead_scoring_explanation",
        "en/south_african+dutch",
        """Lead scoring rationale (auto-generated for {{Tuesday}} pipeline review)\nLead: [[PERSON|Pieter-Jan van der Merwe]] — {{Head of Fleet}}, {{Van der Merwe Vervoer (Pty) Ltd}}, {{Bloemfontein}}\nNote: the company is his uncle's; [[PERSON|Pieter-Jan]] joined in {{2023}}.\nScore {{91}}:\n• Budget confirmed ({{R 1.2m}}) in call with [[PERSON|Lerato Mahlangu]] → +30\n• Timeline: go-live before {{Heritage Day}} → +20\n• Authority: co-signer is [[PERSON|Sannie van der Merwe]] ({{CFO}}) → +15\n• Tech fit: uses {{Sage}} → +10\n• Web: 9 sessions from [[IP_ADDRESS|196.22.141.9]] → +16\nContact: [[PHONE|082 417 6630]], [[EMAIL|pj@vdmvervoer.co.za]].\nPhysical: [[ADDRESS|27 President Brand Street, Bloemfontein, 9301]].""",
    ),
    (
        "lead_scoring_explanation",
        "he/mizrahi+ashkenazi",
        """הסבר ציון ליד – {{82}}\nליד: [[PERSON|הילה אלמקייס]], {{סמנכ"לית שיווק}} ב{{גולדפרב נדל"ן}}.\nהערה: החברה נקראת על שם [[PERSON|רון גולדפרב]], הבעלים, שהוא גם מקבל ההחלטות.\nרכיבי הציון:\n+{{25}} תפקיד בכיר\n+{{20}} מילאה טופס "{{הדגמה}}" פעמיים ({{יום ראשון}} ו{{יום שלישי}})\n+{{15}} ביקורים מ-[[IP_ADDRESS|79.181.22.140]] ({{רמת גן}})\n+{{12}} גודל חברה {{50-100}}\n-{{5}} המייל הוא Gmail: [[EMAIL|hila.elmakayes@gmail.com]]\nהמלצה: [[PERSON|הילה]] להתקשר ב-[[PHONE|050-813-4472]] לפני {{פסח}}.""",
    ),
    (
        "lead_scoring_explanation",
        "he/haredi+russian_israeli",
        """למה הליד של [[PERSON|אסתר מלכה ויסברג]] קיבל ציון נמוך ({{34}})?\n1. הטופס מולא ב{{ערב שבת}} אחרי כניסת השבת – סבירות גבוהה שמדובר בהקלדה של מישהו אחר ({{-10}}).\n2. השם בטופס: "[[PERSON|א. מ. ויסברג]]", המייל [[EMAIL|malky.weisberg@gmail.com]] – לא דומיין עסקי ({{-8}}).\n3. החברה "{{ויסברג הפקות}}" – 3 עובדים בלבד ({{-6}}).\n4. מצד שני, הפניה מ[[PERSON|דמיטרי גורלובסקי]], לקוח קיים ({{+15}}).\n[[PERSON|מלכי]] ביקשה שיחה רק בשעות הבוקר, במספר [[PHONE|053-318-2764]].\nמודל {{v4.1}}, עודכן {{אלול תשפ"ה}}.""",
    ),
    (
        "lead_scoring_explanation",
        "he/arab_israeli+ethiopian_israeli",
        """ניתוח ליד – [[PERSON|סאמר ג'בארין]], {{אום אל-פחם}}\nציון {{77}}. פירוט:\n• חברה: {{ג'בארין חומרי בניין}} – {{40}} עובדים, {{3}} סניפים ({{+18}})\n• שיחה עם [[PERSON|אדיסו טספאיה]] מהמכירות: קיבלנו {{אור}} ירוק מהבעלים לבדוק מערכת ({{+20}})\n• הורדת מחירון {{2026}} ({{+9}})\n• כניסות מ-[[IP_ADDRESS|5.29.143.201]] ({{חדרה}})\nחסר: אימייל ישיר. יש רק [[EMAIL|info@jabareen-build.co.il]] וטלפון משרד [[PHONE|04-631-8825]].\n[[PERSON|אדיסו]] ממליץ להעביר ל[[PERSON|עמית סויסה]].""",
    ),
    (
        "lead_scoring_explanation",
        "ar/palestinian",
        """شرح تقييم العميل المحتمل\nالاسم: [[PERSON|رهف عيسى خوري]] – {{مديرة التسويق}} في {{مطبعة الخوري}}، {{رام الله}}\nملاحظة: لا علاقة لها بالسيد [[PERSON|إلياس خوري]] صاحب المطبعة الأخرى في {{بيت ساحور}}.\nالنقاط: {{٦٨}}\n- حضرت ورشة {{الخميس}} كاملة (+١٥)\n- طلبت عرض سعر لـ{{٢٥ مستخدم}} (+٢٠)\n- زيارات من [[IP_ADDRESS|213.244.92.17]] (+٨)\n- لم ترد على مكالمتين (-٥)\nالجوال: [[PHONE|+970 59 941 2783]]، الإيميل: [[EMAIL|rahaf.khoury@khoury-print.ps]]\nتوصية: [[PERSON|رهف]] جاهزة للعرض قبل {{عيد الميلاد}}.""",
    ),
    (
        "lead_scoring_explanation",
        "ar/omani",
        """لماذا حصل هذا العميل على {{٩٤}} نقطة؟\nالعميل: [[PERSON|سالم بن حمد الحارثي]]، {{الرئيس التنفيذي}} لشركة {{الحارثي للأسماك}}، {{صور}}.\n• الميزانية معتمدة: {{٨٬٠٠٠ ريال عماني}} (+٣٠)\n• موعد التشغيل قبل {{العيد الوطني}} (+٢٠)\n• طلب عرض توضيحي مع [[PERSON|مريم البلوشية]] (+١٥)\n• دخل من [[IP_ADDRESS|5.36.201.88]] ({{مسقط}}) ١١ مرة (+١٢)\n• ابن عمه [[PERSON|أبو هلال]] عميل حالي (+١٠)\nرقم [[PERSON|سالم]]: [[PHONE|9231 4876]]، البريد [[EMAIL|salim.alharthi@harthi-fish.om]]، والاتصال يوم {{السبت}}.\nالعنوان: [[ADDRESS|ص.ب ٤١٢، الرمز البريدي ٤١١، صور، سلطنة عمان]].""",
    ),
    (
        "lead_scoring_explanation",
        "es/colombian+mexican",
        """Explicación del puntaje del lead ({{modelo v5.0.3}})\nLead: [[PERSON|María José Restrepo Uribe]], {{Gerente de Compras}} en {{Restrepo & Cía. S.A.S.}} ({{Medellín}})\nPuntaje: {{79}}\n+22 cargo con poder de decisión\n+18 pidió demo en la feria {{Andicom}}\n+14 visitas desde [[IP_ADDRESS|181.52.144.36]]\n+10 referida por [[PERSON|Juan Pablo \"Juanpa\" Echeverri]]\n-5 correo personal [[EMAIL|majo.restrepo.u@hotmail.com]]\nDato: la empresa es de su familia; su tío don [[PERSON|Álvaro Restrepo]] firma los contratos; [[PERSON|Álvaro]] prefiere WhatsApp.\nCelular: [[PHONE|310 482 7316]]. Dirección: [[ADDRESS|Carrera 43A # 1 Sur-100, El Poblado, Medellín]].\nLlamar antes del {{puente festivo}} de {{noviembre}}.""",
    ),
    # ------------------------------------------------------------------
    # car_dealership_lead
    # ------------------------------------------------------------------
    (
        "car_dealership_lead",
        "en/emirati+south_indian",
        """New showroom lead – {{Al Habtoor Motors}} walk-in, {{Deira}} branch\nCustomer: [[PERSON|Rashid Khalfan Bin Dhaheri]] (prefers \"[[PERSON|Bu Khalfan]]\")\nInterest: {{Toyota Land Cruiser GR-Sport 2025}}, pearl white; trade-in {{2019 Nissan Patrol}} (chassis {{JN8AY2NY5K9001873}}, {{142,000 km}})\nBudget: {{AED 395,000}}, wants {{0%}} finance through {{Emirates NBD}}\nSales exec: [[PERSON|Mohammed Shafeeq Pallikkal]] — \"[[PERSON|Shafeeq]] to call back after {{Maghrib}}\"\nMobile: [[PHONE|050 318 7462]]; email [[EMAIL|rashid.bindhaheri@outlook.ae]]\nDelivery address: [[ADDRESS|Villa 27, Street 14B, Mirdif, Dubai]]\nTest drive booked {{Saturday 22 November}}, {{4:30 PM}}, stock no. {{LC-25-0418}}.""",
    ),
    (
        "car_dealership_lead",
        "en/mexican+american",
        """CREDIT APP – {{Sunrise Chevrolet of Tucson}} – deal #{{D-88214}}\nApplicant: [[PERSON|ESPERANZA VILLASEÑOR-OCHOA]]   Years at address: 7\nSSN: [[US_SSN|551-37-5106]]\nAddress: [[ADDRESS|3318 E Fort Lowell Rd, Apt 12, Tucson, AZ 85716]]\nCell: [[PHONE|(520) 731-4469]]   Email: [[EMAIL|espie.villasenor@yahoo.com]]\nEmployer: {{Banner Health}}, {{Registered Nurse}}, 6 yrs, {{$7,450}}/mo\nCo-applicant: [[PERSON|Rogelio Ochoa Jr.]] SSN [[US_SSN|505-97-5787]]\nVehicle: {{2025 Chevrolet Equinox LT}}, VIN {{3GNAXKEG1SL204117}}, MSRP {{$33,895}}\nNotes from [[PERSON|Chase Whitaker]] (F&I): [[PERSON|Espie]] wants payment under {{$520}}; {{chase}} lender approval by {{Friday}}.""",
    ),
    (
        "car_dealership_lead",
        "en/yoruba+british",
        """Lead from website chat → {{Pendleton Motor Group}}, {{Loughborough}}\nName: [[PERSON|Oluwakemi Adeyemi-Bakare]] (\"call me [[PERSON|Kemi]]\")\nLooking for: {{used}} {{Kia Niro EV 2022}}, under {{£19,000}}; has a {{2015 Ford Focus}} part-ex (reg {{LR15 XKT}})\nPhone: [[PHONE|07412 558 093]]   Email: [[EMAIL|kemi.adeyemi.bakare@btinternet.com]]\nAddress for finance quote: [[ADDRESS|42 Ashby Road, Loughborough LE11 3AA]]\nReserved with a {{£99}} holding deposit on card [[CREDIT_CARD|5309 7806 6874 1519]] (taken by [[PERSON|Callum Briggs]]).\nPreferred test drive: {{Saturday}} morning. Note: her husband [[PERSON|Tunde]] will come along.""",
    ),
    (
        "car_dealership_lead",
        "en/tongan+australian",
        """Lead summary for sales manager\nCustomer: [[PERSON|Sione Tuipulotu Fifita]] and partner [[PERSON|Mele Fifita]]\nSource: {{Facebook Marketplace}} ad → {{Mascot Toyota}} enquiry form, {{Tue 09:41}}\nVehicle: {{HiLux SR5 double cab}}, needs tow pack for church group trips\nBudget: {{$58k}} drive-away, finance through {{Toyota Finance}}\nPhone: [[PHONE|0433 917 208]]  |  Email: [[EMAIL|sione.fifita@bigpond.com]]\nAddress: [[ADDRESS|Unit 4, 18 Station Street, Mascot NSW 2020]]\nNotes from [[PERSON|Bradley O'Keeffe]]: [[PERSON|Sione]] works nights at the airport; call after {{2 pm}}. {{Christmas}} delivery would seal it. Stock {{HX-24-7781}} matches.""",
    ),
    (
        "car_dealership_lead",
        "he/russian_israeli+ashkenazi",
        """ליד חדש – {{שלמה סיקסט}} {{פתח תקווה}}\nשם: [[PERSON|אולגה פטרנקו]]\nמתעניינת ב: {{טויוטה קורולה קרוס היברידית}} {{2025}}, ליסינג פרטי {{36 חודשים}}\nטרייד-אין: {{מאזדה 3}} {{2018}}, מס' רישוי {{82-417-63}}\nנייד: [[PHONE|052-976-3148]] | מייל: [[EMAIL|olga.petrenko88@walla.co.il]]\nת"ז (לבדיקת אשראי): [[IL_ID|710282252]]\nהטופס נשלח מכתובת [[IP_ADDRESS|77.125.18.90]].\nנציג: [[PERSON|שלמה אורבך]] (לא קשור ל{{שלמה}} של החברה 🙂).\nהערות: בעלה [[PERSON|ז'ורה]] יגיע לנסיעת מבחן ביום {{שישי}}.""",
    ),
    (
        "car_dealership_lead",
        "he/bedouin+druze",
        """ליד מהאתר – {{מוטורס הנגב}}, {{באר שבע}}\nלקוח: [[PERSON|ח'אלד אלהוזייל]] מ{{חורה}}\nרוצה: {{איסוזו D-MAX}} {{4X4}} דאבל קבינה, לבן, כולל וו גרירה\nתקציב: {{₪215,000}}, מימון דרך {{בנק ירושלים}}\nטלפון: [[PHONE|054-912-3067]]\nכתובת למשלוח מסמכים: [[ADDRESS|ת.ד. 1142, חורה 8535000]]\nאיש מכירות: [[PERSON|סלמאן חסון]] מ{{עספיא}} – [[PERSON|סלמאן]] מבקש לתאם נסיעת מבחן אחרי {{עיד אל-אדחא}}.\nהערה: [[PERSON|ח'אלד]] ביקש שידברו עם אחיו [[PERSON|אבו-סאלח]] לגבי הטרייד-אין.""",
    ),
    (
        "car_dealership_lead",
        "he/mizrahi+ashkenazi",
        """סיכום ליד – {{קיה}} {{ראשון לציון}}\n[[PERSON|מורן דהאן-אלבז]] ("[[PERSON|קוקו]]" בוואטסאפ) שריינה {{Kia Sportage}} {{GT-Line}} בצבע אפור.\nמקדמה {{₪5,000}} בכרטיס [[CREDIT_CARD|4397-4671-9140-4866]], בוצע ע"י [[PERSON|יואב קרמר]].\nבעלה [[PERSON|אליאב אלבז]] רוצה להוסיף {{חבילת בטיחות}} – עוד {{₪3,900}}.\nנייד: [[PHONE|058-611-7429]]; מייל [[EMAIL|moran.dahan.elbaz@gmail.com]]\nמסירה משוערת: {{אחרי סוכות}}, {{כ"ב תשרי}}.\nכתובת לרישוי: [[ADDRESS|שדרות הרצל 88 דירה 14, ראשון לציון 7526017]].""",
    ),
    (
        "car_dealership_lead",
        "ar/saudi",
        """عميل محتمل – معرض {{عبداللطيف جميل}} – {{الرياض}}\nالاسم: [[PERSON|عبداللطيف بن نايف الشمري]]\nالطلب: {{تويوتا كامري ٢٠٢٥}}، لون {{جميل}} حسب وصفه (\"لؤلؤي\")، تمويل عبر {{باب رزق جميل}}.\nالراتب: {{١٨٬٥٠٠ ريال}}، جهة العمل: {{أرامكو السعودية}}، {{مهندس عمليات}}.\nالجوال: [[PHONE|٠٥٦ ٧٢٣ ٤٠٩١]]، البريد [[EMAIL|a.alshammari1990@hotmail.com]].\nالعنوان الوطني: [[ADDRESS|٣٩١٨ طريق الملك عبدالعزيز، حي الوادي، الرياض ١٣٣١٣، الرقم الإضافي ٧٢٤٠]].\nمسؤول المبيعات: [[PERSON|ماجد العتيبي]]. موعد التجربة: {{الأحد ٩ رجب ١٤٤٧}}.\n[[PERSON|أبو نايف]] يبغى الاستلام قبل {{رمضان}}.""",
    ),
    (
        "car_dealership_lead",
        "ar/tunisian",
        """ليد جديد – {{معرض بن رمضان للسيارات}}، {{صفاقس}}\nالحريف: [[PERSON|وسيم بن رمضان]] (موش من عايلة مولى المعرض، صدفة برك)\nيحب {{Peugeot 208}} {{2024}}، ديزل، ويسأل على {{الكريدي}} مع {{البنك الوطني الفلاحي}}.\nالميزانية: {{٥٢ ألف دينار}}.\nالبورتابل: [[PHONE|+216 98 417 263]]\nالإيميل: [[EMAIL|wassim.benramdhane@topnet.tn]]\nالعنوان: [[ADDRESS|١٤ نهج الحبيب ثامر، صفاقس ٣٠٠٠]]\n[[PERSON|سامية الغربي]] قالتلو يجي {{نهار السبت}} بعد {{رمضان}} باش يجرب الكرهبة.""",
    ),
    (
        "car_dealership_lead",
        "ar-latn/lebanese",
        """Lead mn el showroom {{Achrafieh}} - {{Bou Saab Motors}}\nEsmo [[PERSON|Rawad Abi Nader]], bado {{Range Rover Velar}} {{2023}} used, ma bado ydfa3 aktar mn {{$62,000}} cash.\n[[PERSON|Joëlle Bou Saab]] (bent sa7eb el showroom) 7ekyet ma3o, 2alet \"[[PERSON|rawad]] jiddé bas bado discount\".\nRa2mo: [[PHONE|+961 3 418 276]], w el email [[EMAIL|rawad.abinader@gmail.com]]\nAddress: [[ADDRESS|Bldg 14, 3rd floor, Rue Abdel Wahab El Inglizi, Achrafieh, Beirut]]\nTest drive {{nhar el tleta}}, ba3d {{Eid el Estiklel}}. Stock no. {{RRV-23-114}}, 45,000 km.""",
    ),
    # ------------------------------------------------------------------
    # clinic_or_aesthetic_lead
    # ------------------------------------------------------------------
    (
        "clinic_or_aesthetic_lead",
        "en/iranian+american",
        """New consult request — {{Rodeo Glow MedSpa}}, {{Beverly Hills}}\nName: [[PERSON|Shirin Ghasemzadeh-Yazdi]]\nInterested in: {{Botox (forehead + crow's feet)}}, {{lip filler 0.5 ml}}; asked about {{Morpheus8}}\nPreferred provider: Dr. [[PERSON|Armen Sarkissian-Lowe]]; Dr. [[PERSON|Sarkissian-Lowe]] wants photos first\nAvailability: {{Thursdays}} after {{5 pm}}; not during {{Nowruz}} week\nMobile: [[PHONE|(310) 844-2071]]  Email: [[EMAIL|shirin.gyazdi@icloud.com]]\nDeposit {{$150}} on card [[CREDIT_CARD|3777 291057 40954]] (Amex), refundable until {{48h}} prior.\nSource: {{Instagram}} ad \"{{Glow-Up Fall}}\"; referred by her sister [[PERSON|Nazanin]].\nCoordinator: [[PERSON|Kaylee Brandt]].""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "en/filipino+emirati",
        """Lead captured via WhatsApp – {{Hope Aesthetics Clinic}}, {{Jumeirah}}\nClient: [[PERSON|Shamma Hamad Al Nuaimi]]\nTreatment: {{HydraFacial Platinum}} x3 + {{laser hair removal}} (full legs), wants female practitioner only\nPackage quoted: {{AED 6,450}} (incl. {{5% VAT}})\nMobile: [[PHONE|+971 52 847 3016]]  |  Email: [[EMAIL|shamma.alnuaimi@gmail.com]]\nHandled by nurse [[PERSON|Ma. Lourdes \"Lulu\" Santiago]]; [[PERSON|Lulu]] noted client is a returning patient (file {{HA-2023-1187}}).\nPreferred slot: {{Sunday}} {{11:00}}, after {{Ramadan}}.\nHome visit address for aftercare kit: [[ADDRESS|Villa 9, 15C Street, Al Safa 2, Dubai]]\nWe {{hope}} to upsell the {{Glow Membership}}.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "en/north_indian+irish",
        """Enquiry – {{Ó Súilleabháin Dental}}, {{Ealing}}\nPatient: [[PERSON|Harpreet Kaur Sandhu]], {{Invisalign}} consultation\nNotes: asked if Dr. [[PERSON|Colm Ó Súilleabháin]] himself can see her (the practice is named after his father, Dr. [[PERSON|Pádraig Ó Súilleabháin]], retired).\nBudget: {{£4,200}}; interested in {{0% finance over 12 months}}.\nPhone: [[PHONE|07801 446 219]]  Email: [[EMAIL|harpreet.sandhu91@outlook.com]]\nAddress: [[ADDRESS|58 Northfield Avenue, London W13 9RR]]\nAvailability: not {{Gurpurab}} weekend; {{Tuesday}} or {{Wednesday}} evenings.\nTreatment coordinator: [[PERSON|Aoife Keane]]. Lead source: {{Google Ads}}, campaign {{ALN-Q4-07}}.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "en/kenyan",
        """Lead – {{Karen Smile Dental Centre}}, {{Nairobi}}\nPatient: [[PERSON|Njeri Wambui Kariuki]], 34\nRequest: {{dental implants}} (2 units) + {{whitening}}; quote {{KES 340,000}}\nPayment: {{M-Pesa}} instalments, first {{KES 50,000}} on booking\nPhone: [[PHONE|0712 684 309]]  |  Alt: [[PHONE|+254 733 902 417]] (husband [[PERSON|Otieno]])\nEmail: [[EMAIL|njeri.kariuki@yahoo.co.ke]]\nPostal: [[ADDRESS|P.O. Box 47562-00100, Nairobi]]\nFront desk ([[PERSON|Faith Chebet]]) says [[PERSON|Njeri]] keeps the {{faith}} in us after a bad experience elsewhere; book {{Saturday}} with Dr. [[PERSON|Kiprono]].\nNote: our clinic is in {{Karen}} (the suburb), not a person.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "he/ashkenazi+mizrahi",
        """ליד חדש – {{קליניקת אסתטיקה מרום}}, {{תל אביב}}\nשם: [[PERSON|נועה קירשנבאום]]\nמתעניינת: {{בוטוקס}} במצח + {{חומצה היאלורונית}} בשפתיים, "משהו עדין שמוסיף {{חן}}, לא מוגזם"\nמחיר שנמסר: {{₪2,350}}\nנייד: [[PHONE|054-203-8817]] | מייל: [[EMAIL|noa.kirschenbaum@gmail.com]]\nמקור: {{אינסטגרם}}, קמפיין {{סתיו 2025}}\nהיועצת [[PERSON|ליאת אלקובי]] הציעה תור ביום {{רביעי}} {{17:30}} אצל ד"ר [[PERSON|מרום]] (בעלת הקליניקה).\nהערה: [[PERSON|נועה]] בהריון? לבדוק לפני טיפול – לא לרשום בשדה פתוח.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "he/ethiopian_israeli",
        """פנייה – {{מרפאת שיניים ד"ר גולן}}, {{נתניה}}\nמטופלת: [[PERSON|אסנקה מקונן]]\nטיפול מבוקש: {{שתלים}} (3) + {{כתר}}\nהצעת מחיר: {{₪18,900}}, חלק דרך {{מכבי שיניים}}\nת"ז: [[IL_ID|123937047]]\nטלפון: [[PHONE|053-721-4496]], ובן הזוג [[PERSON|ברהנו]] [[PHONE|052-433-8190]]\nכתובת: [[ADDRESS|רחוב ויצמן 31 דירה 6, נתניה 4236420]]\nהמזכירה [[PERSON|אורית גולן]] (לא קשורה לד"ר [[PERSON|גולן]] 😉) קבעה בדיקה ל{{יום שני}} {{10:15}}, אחרי {{סיגד}}.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "he/arab_israeli+druze",
        """ליד – {{מרכז שחר לאסתטיקה}}, {{שפרעם}}\nשם: [[PERSON|רים נסאר]]\nמעוניינת ב: {{הסרת שיער בלייזר}} (פנים + בית שחי), {{6 טיפולים}}\nמחיר: {{₪1,980}} לחבילה\nוואטסאפ: [[PHONE|+972 54-661-2038]]\nמייל: [[EMAIL|reem.nassar@hotmail.co.il]]\nמטפלת: [[PERSON|סמאח קאסם]] מ{{ירכא}}\nהערה: [[PERSON|רים]] ביקשה לא להתקשר ב{{רמדאן}} לפני {{איפטאר}}; עדיף יום {{שבת}}.\nמקור: המלצה מ[[PERSON|נדין]], לקוחה מ{{כפר יאסיף}}.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "ar/lebanese",
        """عميلة جديدة – {{عيادة ناصيف للتجميل}}، {{جونيه}}\nالاسم: [[PERSON|ميرنا أبي خليل]]\nالإجراء المطلوب: {{تجميل الأنف}} (استشارة أولى) + {{فيلر}} للخدود\nالسعر المبدئي: {{٣٬٢٠٠ دولار}} نقداً\nرقم الخلوي: [[PHONE|71 418 392]]\nالبريد: [[EMAIL|myrna.abikhalil@hotmail.com]]\nالطبيب: الدكتور [[PERSON|جورج ناصيف]]، وسكرتيرته [[PERSON|ريتا صعب]] حددت موعد يوم {{الجمعة}} الساعة {{٣:٠٠}} قبل {{عيد الميلاد}}.\n[[PERSON|ميرنا]] جاءت عبر {{إنستغرام}}، حملة {{LB-Q4-12}}.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "ar/emirati",
        """عميلة محتملة – {{مركز الظاهري للجلدية}}، {{أبوظبي}}\nالاسم: [[PERSON|شيخة سعيد الظاهري]]\nالخدمة: {{علاج التصبغات}} + {{بيلنغ كيميائي}} ×٤ جلسات\nالسعر: {{٤٬٨٠٠ درهم}}\nالجوال: [[PHONE|٠٥٥ ٩١٣ ٤٢٠٧]]\nالبريد: [[EMAIL|shaikha.aldhaheri@outlook.com]]\nالعنوان: [[ADDRESS|فيلا ١٢، شارع ٢٨، الخالدية، أبوظبي]]\nملاحظة المنسقة [[PERSON|نورة المنصوري]]: العميلة راضية وتقول إن زوجها {{سعيد}} بالنتيجة الأولى، وتبغى موعد بعد {{العيد الوطني}}، يوم {{الثلاثاء}}.\nلا تربطها صلة بالدكتور [[PERSON|محمد الظاهري]] مؤسس المركز.""",
    ),
    (
        "clinic_or_aesthetic_lead",
        "ru/russian_israeli",
        """Новый лид – {{клиника «Белла Вита»}}, {{Хайфа}}\nКлиент: [[PERSON|Светлана Кацнельсон]] (в WhatsApp – «[[PERSON|Света К.]]»)\nИнтерес: {{ботокс}} + {{биоревитализация}}, пакет {{₪2 900}}\nТелефон: [[PHONE|054-730-1862]]\nEmail: [[EMAIL|sveta.katsnelson@mail.ru]]\nТеудат зеут (для рассрочки): [[IL_ID|505285593]]\nАдрес: [[ADDRESS|ул. Мория 74, кв. 9, Хайфа 3457613]]\nКоординатор [[PERSON|Инна Гольдштейн]] записала на {{вторник}}, {{18:00}}; после {{Песаха}} цены вырастут на {{10%}}.\nПримечание: муж [[PERSON|Аркадий]] оплатит картой при визите.""",
    ),
    # ------------------------------------------------------------------
    # bank_kyc_review
    # ------------------------------------------------------------------
    (
        "bank_kyc_review",
        "en/somali+emirati",
        """KYC REVIEW – CORPORATE ONBOARDING – case {{KYC-AE-2025-10447}}\nEntity: {{Hersi Global Remittance LLC}} (licence {{DED 1048872}}, {{Deira}})\nUBO: [[PERSON|ABDIRASHID MOHAMED HERSI]] ({{100%}}), Somali national, UAE resident since {{2012}}\nSecondary signatory: [[PERSON|Hamdi Abdullahi Guled]], {{Finance Manager}}\nSettlement account: [[IBAN|AE71 0265 8655 8047 1804 838]]\nRegistered office: [[ADDRESS|Office 412, Al Maktoum Building, Al Maktoum Road, PO Box 85213, Dubai]]\nContacts: [[PHONE|+971 4 227 9183]], [[EMAIL|a.hersi@hersiremit.ae]]\nRisk: HIGH (money services, corridor to {{Mogadishu}} and {{Hargeisa}}). Enhanced due diligence opened by analyst [[PERSON|Ruth Abernethy]]; adverse media search on [[PERSON|Hersi]] returned 0 hits.\nDecision due {{15 Dec 2025}}. Note: {{Al Maktoum Road}} is the street name, not a person in this file.""",
    ),
    (
        "bank_kyc_review",
        "en/chinese+british",
        """Periodic KYC refresh – retail customer ref {{RC-8830214}}, branch {{Soho}}, risk rating {{Low}}\nCustomer: [[PERSON|AU-YEUNG Ka-wai]] (prefers \"[[PERSON|Kelvin]]\")\nJoint holder: [[PERSON|Zhao Yuting]] (spouse)\nAccount: [[IBAN|GB25 BARC 1544 2894 9370 13]]\nDebit card on file: [[CREDIT_CARD|5492 5384 6241 0740]]\nAddress: [[ADDRESS|Flat 22, Crown Court, 41 Gerrard Street, London W1D 5QE]]\nMobile: [[PHONE|+44 7946 381 204]]; email [[EMAIL|kelvin.auyeung@protonmail.com]]\nSource of funds: sale of restaurant {{Golden Lotus Cantonese Kitchen}} ({{£640,000}}, completion {{3 March 2025}}).\nReviewer [[PERSON|Imogen Fairclough]]: documents satisfactory; [[PERSON|Ka-wai]] travels to {{Shenzhen}} monthly — no PEP match. Next review {{March 2028}}.""",
    ),
    (
        "bank_kyc_review",
        "en/german+american",
        """Private Client KYC memo — {{Hallberg Family Trust}}\nSettlor: [[PERSON|Friederike von Hallberg]], DOB 1961, US person (green card holder)\nTIN/SSN: [[US_SSN|083-85-9205]]\nTrustee: [[PERSON|Lorenz von Hallberg-Stiehl]] (son), SSN [[US_SSN|037-53-8762]]\nResidential: [[ADDRESS|1187 Lake Shore Drive, Apt 31C, Chicago, IL 60611]]\nForeign account declared: [[IBAN|DE31 8565 4347 9059 7825 57]] ({{Sparkasse}}, {{Dresden}})\nPhone: [[PHONE|(312) 640-8817]]; email [[EMAIL|f.vonhallberg@hallberg-trust.com]]\nSource of wealth: inheritance from {{Hallberg Maschinenbau AG}} (sold {{2008}}).\nFATCA: compliant; {{FBAR}} filed. Relationship manager: [[PERSON|Mark Zabrowski]]. Please {{mark}} file as reviewed before {{Q1 2026}}.""",
    ),
    (
        "bank_kyc_review",
        "en/south_indian+qatari",
        """KYC CHECKLIST – {{Doha Commercial Branch}} – new {{Salary Plus}} account, visa type {{Work Residence Permit}}\nName (as per passport): [[PERSON|ANAND PADMANABHAN NAIR]]\nEmployer: {{Al Kuwari Engineering W.L.L.}} ({{CR 48219}}), sponsor contact [[PERSON|Jassim Al Kuwari]]\nPosition: {{Senior Quantity Surveyor}}, salary {{QAR 18,500}}\nIBAN: [[IBAN|QA29 QNBA 6625 8714 0426 0746 1454 1]]\nAddress: [[ADDRESS|Building 17, Street 920, Zone 56, Ain Khaled, Doha]]\nMobile: [[PHONE|5512 3874]]\nEmail: [[EMAIL|anand.nair.qs@gmail.com]]\nIndia contact (mother): [[PHONE|+91 94471 28530]], [[ADDRESS|TC 14/1123, Vazhuthacaud, Thiruvananthapuram, Kerala 695014]]\nChecked by [[PERSON|Reshma Varghese]] on {{10 Jumada al-Awwal 1447}}.""",
    ),
    (
        "bank_kyc_review",
        "he/russian_israeli+haredi",
        """בדיקת הכר את הלקוח – חשבון עסקי {{חשבון 44-18203}}\nעוסק: {{זילברמן שיווק מוצרי חשמל}}\nבעלים: [[PERSON|מארק זילברמן]], ת"ז [[IL_ID|665425989]]\nמורשה חתימה נוסף: [[PERSON|יהודית (יוטי) ליבוביץ]], ת"ז [[IL_ID|747174290]]\nIBAN: [[IBAN|IL51 0313 3849 7733 2284 497]]\nכתובת: [[ADDRESS|רחוב סורוצקין 12 דירה 3, ירושלים 9446212]]\nטלפון: [[PHONE|02-537-1186]], נייד [[PHONE|052-716-9935]]\nמקור כספים: הכנסות מחנות ב{{רחוב יפו}} + הלוואה מ{{גמ"ח}}, סניף {{גאולה}}.\nהערת בודקת ([[PERSON|לודמילה ברק]]): [[PERSON|זילברמן]] עלה ב{{1991}}, לא PEP. סיכון {{נמוך}}. תוקף עד {{תשרי תשפ"ח}}.""",
    ),
    (
        "bank_kyc_review",
        "he/mizrahi+druze",
        """סקירת KYC – {{אבוטבול את חלבי בע"מ}} (ח.פ. {{515892046}})\nבעלי מניות:\n1. [[PERSON|שמעון אבוטבול]] – {{60%}}, ת"ז [[IL_ID|247411663]]\n2. [[PERSON|פואד חלבי]] – {{40%}}, ת"ז [[IL_ID|773731971]], תושב {{בית ג'ן}}\nחשבון: [[IBAN|IL58 0318 1295 4330 5987 501]]\nמשרד רשום: [[ADDRESS|רחוב העצמאות 45, קומה 2, אשדוד 7745244]]\nטלפון [[PERSON|פואד]]: [[PHONE|050-634-1192]]\nמייל: [[EMAIL|shimon@abutbul-halabi.co.il]]\nמחזור שנתי מוצהר {{₪14.2 מיליון}}; לקוחות ב{{מצרים}} וב{{ירדן}}.\nסטטוס: ממתין למסמך {{אישור ניהול ספרים}}. אנליסט: [[PERSON|עמית שגיא]].""",
    ),
    (
        "bank_kyc_review",
        "ar/saudi",
        """مراجعة اعرف عميلك – عميل أفراد مميز – الفرع: {{فرع التحلية}}، الشريحة: {{بلاتيني}}\nالاسم: [[PERSON|نوف بنت عبدالرحمن الدوسري]]\nالمهنة: {{استشارية أولى}} في {{مستشفى الملك فيصل التخصصي}}\nرقم الآيبان: [[IBAN|SA15 6591 9228 3122 3028 5877]]\nالجوال: [[PHONE|+966 50 418 7326]]\nالبريد: [[EMAIL|nouf.aldosari@kfsh-demo.sa]]\nالعنوان الوطني: [[ADDRESS|٢٨٤٧ شارع العليا العام، حي العليا، الرياض ١٢٢٤٤، الرقم الإضافي ٦٦١٩]]\nمصدر الدخل: راتب {{٤٢٬٠٠٠ ريال}} + إيجارات عقارية في {{الخبر}}.\nالمستفيد الإضافي: زوجها [[PERSON|تركي بن سعد العجمي]].\nالمراجِع: [[PERSON|بندر القرني]]، بتاريخ {{١٨ جمادى الآخرة ١٤٤٧هـ}}. التصنيف: {{منخفض المخاطر}}.""",
    ),
    (
        "bank_kyc_review",
        "ar/yemeni+emirati",
        """مراجعة KYC – منشأة تجارية – {{الشارقة}}\nالمنشأة: {{مؤسسة المخلافي لتجارة العسل}} (رخصة {{٧٤١٢٣٠}})\nالمالك: [[PERSON|عبدالرقيب سيف المخلافي]]، يمني، مقيم منذ {{٢٠٠٩}}\nالكنية: [[PERSON|أبو سيف]] (تُستخدم للمالك نفسه في المراسلات)\nالحساب: [[IBAN|AE10 0308 8631 5821 6949 979]]\nالعنوان: [[ADDRESS|محل رقم ٧، بناية الصالح، شارع الوحدة، المجاز ٢، ص.ب ٢٢٩١٨، الشارقة]]\nالهاتف: [[PHONE|06 554 2817]]، الجوال [[PHONE|+971 50 772 4190]]\nتحويلات شهرية إلى {{صنعاء}} و{{تعز}} بحوالي {{٨٥٬٠٠٠ درهم}} – تتطلب عناية واجبة معززة.\nملاحظة: {{بناية الصالح}} اسم مبنى وليس شخصاً. المحلل: [[PERSON|ريم الشامسي]]، {{مدير الامتثال}}، بتاريخ {{٣ شعبان ١٤٤٧}}.""",
    ),
    (
        "bank_kyc_review",
        "ar/kuwaiti",
        """مراجعة اعرف عميلك – حساب شركة – {{بنك الكويت الوطني}} – {{٢٠٢٥/١١/٠٢}}\nالشركة: {{شركة بوحمد للمقاولات العامة}} – {{الشويخ}}\nالمفوض بالتوقيع: [[PERSON|شيماء عادل بوحمد]]، {{المدير العام}}\nالمالك: والدها [[PERSON|عادل يعقوب بوحمد]]\nالحساب: [[IBAN|KW61 NBOK 9320 2125 2318 5438 9330 75]]\nالبطاقة الائتمانية للشركة: [[CREDIT_CARD|4024 7415 2597 0474]]\nالهاتف: [[PHONE|2245 8193]]، النقال [[PHONE|+965 6631 0427]]\nالبريد: [[EMAIL|shaimaa@bouhamad-contracting.com.kw]]\nالعنوان: [[ADDRESS|قطعة ١، شارع ٢٢، مبنى ٤١٥، الشويخ الصناعية، الكويت]]\nالملاحظات: عقود مع {{وزارة الأشغال العامة}} بقيمة {{١٫٢ مليون د.ك}}؛ المراجع [[PERSON|بو ناصر]] يوصي بالموافقة، التصنيف {{مخاطر متوسطة}}.""",
    ),
    (
        "bank_kyc_review",
        "tr/turkish+kurdish",
        """Müşterini Tanı (KYC) incelemesi – kurumsal hesap\nŞirket: {{Yıldırımoğlu Tekstil San. ve Tic. A.Ş.}} (vergi no {{9480217736}})\nYetkili: [[PERSON|Zeynep Yıldırımoğlu Aksoy]], {{Genel Müdür}}\nOrtak: [[PERSON|Rojhat Demirtaşlı]] ({{%30}})\nIBAN: [[IBAN|TR51 1946 2041 4283 9215 3290 23]]\nAdres: [[ADDRESS|Merkez Mah. Abide-i Hürriyet Cad. No:147 D:8, 34381 Şişli/İstanbul]]\nTelefon: [[PHONE|0532 418 27 96]]\nE-posta: [[EMAIL|zeynep.aksoy@yildirimoglutekstil.com.tr]]\nİhracat: {{Dubai}} ve {{Tel Aviv}}; yıllık ciro {{₺86 milyon}}.\nİnceleyen: [[PERSON|Burak Özdemir]]; [[PERSON|Rojhat]] Bey için ek belge istendi. Son tarih {{12 Aralık}}.""",
    ),
    # ------------------------------------------------------------------
    # debt_collection_note
    # ------------------------------------------------------------------
    (
        "debt_collection_note",
        "en/irish+american",
        """COLLECTIONS CALL LOG – acct {{COL-3318074}} – {{Mulcahy Plumbing Supply}} (sole prop.)\nDebtor: [[PERSON|Declan Mulcahy-Byrne]]\nBalance: {{$8,412.77}} ({{91+ days}}); original invoices {{INV-20931}}, {{INV-21004}}\nIdentity verified via SSN [[US_SSN|498-44-9255]] and ZIP.\n{{10/28}} 2:14pm – spoke w/ [[PERSON|Declan]]; says his wife [[PERSON|Róisín]] handles the books and was in {{Galway}} for a funeral.\n{{10/30}} – payment of {{$2,000}} taken on card [[CREDIT_CARD|4867 0517 8010 2981]], auth {{082264}}.\nPromise-to-pay: remaining {{$6,412.77}} in 3 instalments, first on {{Nov 15}}.\nCallback: [[PHONE|(617) 442-9038]]; mail: [[ADDRESS|74 Adams Street, Dorchester, MA 02122]].\nAgent: [[PERSON|Hope Castellano]]. Tone: cooperative. Do not call on {{Sunday}}.""",
    ),
    (
        "debt_collection_note",
        "en/pakistani+british",
        """Arrears note – {{Butt & Sons Cash & Carry Ltd}} (not the debtor personally)\nContact: [[PERSON|Saima Nawaz Butt]], {{Company Secretary}}\nOverdue: {{£12,960}} across {{6}} subscriptions; last payment {{14 July}}.\nPlan agreed with [[PERSON|Saima]]: {{£1,080}}/month by standing order from [[IBAN|GB76 BARC 1767 6593 8890 24]], starting {{1 December}}.\nHer brother [[PERSON|Faisal Butt]] (director) disputes {{£1,440}} for unused {{Bradford}} seats; escalated to [[PERSON|Rhiannon Pryce-Jones]] ({{Credit Control Lead}}).\nTel: [[PHONE|01274 733 918]] / [[PHONE|07412 880 356]]; email [[EMAIL|saima.butt@buttandsons.co.uk]]\nRegistered address: [[ADDRESS|Unit 9, Canal Road Industrial Estate, Bradford BD2 1AR]].\nNext action: letter before action if {{Dec}} instalment missed.""",
    ),
    (
        "debt_collection_note",
        "en/filipino+saudi",
        """Collection note – B2B installment plan, {{Riyadh}}\nCustomer: {{Macaraeg Manpower Services}}; owner [[PERSON|Rodelio \"Dodong\" Macaraeg]]\nOutstanding: {{SAR 21,750}} ({{3 missed}} monthly installments of {{SAR 7,250}})\n[[PERSON|Dodong]] said on WhatsApp [[PHONE|+966 55 832 1904]] that clients in {{Jubail}} haven't paid him since {{Rabi al-Thani}}.\nAlt contact in {{Pampanga}}: sister [[PERSON|Marites Macaraeg-Dizon]], [[PHONE|0918 734 2256]].\nOffered: {{50%}} now, rest after {{Eid al-Fitr}}. Collector [[PERSON|Abdulmajeed Al-Harbi]] to follow up {{Thursday}}.\nBilling email: [[EMAIL|dodong.macaraeg@macaraegmanpower.com]].\nRisk: moderate; legal action via {{Enforcement Court}} only after {{60 days}}.""",
    ),
    (
        "debt_collection_note",
        "en/greek+australian",
        """Debt recovery file {{DR-24-05531}} — {{Kalogeropoulos Fine Foods}}\nDirector: [[PERSON|Stavros Kalogeropoulos]] (\"[[PERSON|Steve]]\"), co-director [[PERSON|Eleni Kalogeropoulou]]\nDebt: {{AUD 14,380}} (software + hardware lease), default notice issued {{18 Sept}}.\nCall 1 – [[PERSON|Steve]] says the {{Oakleigh}} deli closed after a flood; asks for hardship.\nCall 2 – [[PERSON|Eleni]] provided card for part-payment: [[CREDIT_CARD|5316 6055 8098 2530]] → {{AUD 3,000}} approved.\nPayment plan: {{AUD 950}} fortnightly, direct debit, start {{Friday}}.\nPhone: [[PHONE|0425 638 117]]; email [[EMAIL|steve@kalofinefoods.com.au]]\nService address: [[ADDRESS|212 Atherton Road, Oakleigh VIC 3166]]\nCollector: [[PERSON|Grace Tuipulotu]]; hardship review {{grace}} period {{30 days}}.""",
    ),
    (
        "debt_collection_note",
        "he/ashkenazi",
        """הערת גבייה – לקוח {{בירנבאום הדפסות}}\nחייב: [[PERSON|שמואל בירנבאום]] ("[[PERSON|שמוליק]]"), ת"ז [[IL_ID|686335381]]\nיתרת חוב: {{₪23,840}}, כולל {{ריבית פיגורים}} מ-{{1.6.2025}}\nתיק הוצל"פ: {{512034-08-25}} (לשכת {{חיפה}}) – מספר תיק, לא ת"ז.\nשיחה {{2.11}}: [[PERSON|שמוליק]] טוען שהחוב שולם בצ'ק של בתו [[PERSON|רותי בירנבאום-גל]].\nהוסכם: {{6 תשלומים}} של {{₪3,973}} בהוראת קבע.\nטלפון: [[PHONE|04-824-6613]], נייד [[PHONE|050-418-7302]]\nכתובת למכתב התראה: [[ADDRESS|רחוב הרצל 112, חיפה 3303915]]\nגובה: [[PERSON|נתנאל אורן]]. לא להתקשר ב{{ערב יום כיפור}}.""",
    ),
    (
        "debt_collection_note",
        "he/ethiopian_israeli+mizrahi",
        """תיעוד שיחת גבייה\n{{שלום}}, מדבר [[PERSON|אליאור מלכה]] ממחלקת הגבייה של {{סלקום עסקים}}... (תמליל מקוצר)\nלקוח: [[PERSON|אבבה טפרה]], בעל {{מוסך טפרה}} ב{{קריית מלאכי}}\nחוב: {{₪4,612}} על {{12 קווים}}\n[[PERSON|אבבה]] ביקש לדבר עם הבן שלו [[PERSON|יוסי טפרה]] שמנהל את הכספים: [[PHONE|054-299-6184]].\nהוסכם על {{3 תשלומים}}, הראשון ב-{{10 לחודש}}.\nכרטיס לחיוב: [[CREDIT_CARD|4556-7914-0054-2894]]\nמייל לאישור: [[EMAIL|yossi.tefera@gmail.com]]\nהערה: הלקוח ביקש לא להתקשר ב{{סיגד}}.""",
    ),
    (
        "debt_collection_note",
        "he/arab_israeli",
        """הערת גבייה – {{עאמר מוצרי מזון}}, {{כפר קאסם}}\nאיש קשר: [[PERSON|עלאא עאמר]] ({{מנהל חשבונות}})\nחוב פתוח: {{₪9,300}} משלוש חשבוניות ({{40871}}, {{40912}}, {{41005}})\nשיחה יום {{ראשון}}: [[PERSON|עלאא]] אמר שהבוס, [[PERSON|אבו-ראמי]], בחו"ל עד אחרי {{עיד אל-פיטר}}.\n[[PERSON|אבו-ראמי]] = [[PERSON|חסן עאמר]], הבעלים; ת"ז שמופיעה בערבות האישית: [[IL_ID|614083160]].\nטלפון משרד: [[PHONE|03-937-2215]], נייד [[PERSON|עלאא]]: [[PHONE|052-647-3081]]\nסטטוס: מכתב דרישה נשלח ל-[[ADDRESS|רחוב אבן סינא 19, כפר קאסם 4881000]].\nמטפלת: [[PERSON|ליטל פרץ]].""",
    ),
    (
        "debt_collection_note",
        "ar/egyptian",
        """ملاحظة تحصيل – عميل {{الدمرداش للأدوات المنزلية}} (رقم العميل {{EG-44180}})\nاتكلمت مع الأستاذ [[PERSON|هاني شوقي الدمرداش]] النهارده، قال إن الفلوس \"هتتحول بعد {{المولد النبوي}} إن شاء الله\".\nالمديونية: {{٦٤٬٥٠٠ جنيه}} من {{أغسطس}}.\nاتفقنا يحوّل من حساب [[IBAN|EG13 3697 2279 2831 6974 5822 8873 2]] على دفعتين.\nمراته [[PERSON|نجلاء]] هي اللي بتمضي الشيكات.\nموبايله: [[PHONE|0122 418 3097]]، وتليفون المحل [[PHONE|02 2591 7734]]\nالعنوان: [[ADDRESS|٤٧ شارع عباس العقاد، مدينة نصر، القاهرة]] – ({{شارع عباس العقاد}} طويل، المحل جنب {{سيتي ستارز}}).\nالمحصّل: [[PERSON|كريم فتحي]]. المتابعة يوم {{الحد}}.""",
    ),
    (
        "debt_collection_note",
        "ar/algerian",
        """نوط تاع التحصيل – {{شركة بن عيسى للتوزيع}}، {{وهران}}\nهدرت مع [[PERSON|نسيمة بن عيسى]] ({{المحاسبة}})، قاتلي: \"الحاج راهو في {{العمرة}}، كي يولي نخلصوكم\".\nالحاج هو [[PERSON|عبد القادر بن عيسى]]، مول الشركة.\nالدين: {{٣٨٠٬٠٠٠ دج}}، الفاتورة {{DZ-2025-0712}}.\nالتيليفون تاع [[PERSON|نسيمة]]: [[PHONE|0550 41 82 37]]، تاع المكتب [[PHONE|041 33 72 18]]\nالإيميل: [[EMAIL|nassima.benaissa@benaissa-distribution.dz]]\nالعنوان: [[ADDRESS|١٢ شارع العربي بن مهيدي، وهران ٣١٠٠٠]]\nنعاودو نعيطو نهار {{الأحد}}، بعد {{المولد}}.""",
    ),
    (
        "debt_collection_note",
        "ro/romanian",
        """Notă recuperare creanțe – dosar {{RC-2025-1187}}\nClient: {{Dumitrescu & Fiii SRL}}, {{Cluj-Napoca}}\nAdministrator: [[PERSON|Ionuț-Cătălin Dumitrescu]]\nSold restant: {{18.420 lei}} (facturi {{FCT-0921}}, {{FCT-0977}})\nConvorbire {{marți}}: dl. [[PERSON|Dumitrescu]] spune că soția, [[PERSON|Mihaela Dumitrescu-Pop]], se ocupă de plăți.\nS-a convenit plata în {{3 rate}}, prima până pe {{1 decembrie}}, din contul [[IBAN|RO74 BTRL 9986 0586 2944 5842]].\nTelefon: [[PHONE|0744 518 263]]; e-mail [[EMAIL|ionut.dumitrescu@dumitrescusifiii.ro]]\nAdresă notificare: [[ADDRESS|Str. Avram Iancu nr. 27, ap. 4, 400089 Cluj-Napoca]]\nAgent: [[PERSON|Bianca Stoica]].""",
    ),
    # ------------------------------------------------------------------
    # recruiting_pipeline_update
    # ------------------------------------------------------------------
    (
        "recruiting_pipeline_update",
        "en/ghanaian+scandinavian",
        """Weekly recruiting update – {{Account Executive, West Africa}} (req {{REQ-2025-118}})\ncandidate,stage,phone,email,notes\n[[PERSON|Nana Akosua Boateng-Frimpong]],{{Final interview}},[[PHONE|+233 20 731 4586]],[[EMAIL|akosua.boateng.f@gmail.com]],ex-{{MTN}}; strong {{Accra}} network\n[[PERSON|Kwesi Appiah-Danquah]],{{Hiring manager screen}},[[PHONE|024 518 3927]],[[EMAIL|kwesi.ad@outlook.com]],wants {{GH₵ 22,000}}/month\n[[PERSON|Linnea Åkesson]],{{Offer}},[[PHONE|+46 70 418 2736]],[[EMAIL|linnea.akesson@live.se]],relocating from {{Malmö}}\nHiring manager [[PERSON|Olu Fadahunsi]] says [[PERSON|Akosua]] is first choice; [[PERSON|Linnea]] backup. Start date target {{January 5}}.""",
    ),
    (
        "recruiting_pipeline_update",
        "en/ukrainian+polish+american",
        """Pipeline — {{Senior SDR}} ({{Austin}} hub)\n1. [[PERSON|Oleksandra Havrylyshyn]] — onsite done {{Thu}}; panel ([[PERSON|Mark Ellison]], [[PERSON|Tamika Rhodes]]) scored {{4.3/5}}. Reference from her former boss [[PERSON|Bohdan Kravets]] pending: [[PHONE|+380 67 418 2937]].\n2. [[PERSON|Bartłomiej \"Bartek\" Wróblewski]] — take-home submitted; asked for {{$85k}} base + {{$40k}} OTE. LinkedIn: linkedin.com/in/[[PERSON|bartek-wroblewski]].\n3. [[PERSON|Jazmyn Okafor]] — withdrew (accepted at {{Gong}}).\nBackground check vendor {{Checkr}} needs [[PERSON|Oleksandra]]'s SSN: [[US_SSN|710-39-9053]] (sent via secure link, please delete from notes).\n[[PERSON|Bartek]]'s cell [[PHONE|(512) 608-3914]]. Decision meeting {{Monday 10 Nov}}.""",
    ),
    (
        "recruiting_pipeline_update",
        "en/egyptian+sudanese+emirati",
        """Recruiting sync — {{Dubai}} sales team, {{Q1}} hiring plan\n• [[PERSON|Mostafa El-Sherbiny]] ({{Key Account Manager}}): passed case study; current visa with {{Emaar}} cancels {{Feb 2026}}. [[PHONE|+971 58 219 4637]], [[EMAIL|mostafa.elsherbiny@gmail.com]].\n• [[PERSON|Tasneem Osman Babiker]] ({{Inside Sales}}): Arabic + English, ex-{{Zain Sudan}}; [[PHONE|055 417 2093]].\n• [[PERSON|Obaid Al Shamsi]] ({{Emiratisation}} track, {{Nafis}} eligible): interview with [[PERSON|Hessa]] on {{Sunday}}.\nHiring manager [[PERSON|Hessa Al Marri]] wants [[PERSON|Mostafa]] to start before {{Ramadan}}.\nComp bands: {{AED 22k–28k}} + commission. Recruiter: [[PERSON|Nadeem Qureshi]].""",
    ),
    (
        "recruiting_pipeline_update",
        "en/fijian+indian+nz",
        """APAC hiring update — {{Customer Success Manager}}, {{Auckland}}\nShortlist:\n- [[PERSON|Litia Naivalu]] — {{Suva}}-based, remote OK; ex-{{Vodafone Fiji}}. [[PHONE|+679 921 4738]]. Strong culture fit per [[PERSON|Harriet Kemp]].\n- [[PERSON|Ravneel Prasad]] — {{Lautoka}}, now in {{Auckland}}; [[PHONE|021 457 381]], [[EMAIL|ravneel.prasad@xtra.co.nz]].\n- [[PERSON|Mereana Tawhiri-Grant]] — internal referral from [[PERSON|Will Tāne]]; interviewing {{Wednesday}}.\nOffers: {{NZD 92,000}} base. [[PERSON|Litia]] asked to start after {{Fiji Day}} ({{10 October}}).\nRecruiter note: we {{will}} need a work visa check for [[PERSON|Ravneel]].""",
    ),
    (
        "recruiting_pipeline_update",
        "he/druze+ethiopian_israeli+ashkenazi",
        """עדכון גיוס – {{נציג/ת מכירות B2B}}, סניף {{חיפה}}\nמועמדים:\n1. [[PERSON|ראמז עאמר]] מ{{בית ג'ן}} – עבר ראיון שני עם [[PERSON|עמית רוזנטל]]; דובר עברית, ערבית ואנגלית. [[PHONE|050-921-7734]].\n2. [[PERSON|סלאם אדמסו]] – מועמדת מ{{עפולה}}, {{4 שנות ניסיון}} ב{{בזק}}; מבקשת {{₪14,000}} + עמלות. [[EMAIL|selam.admasu@gmail.com]].\n3. [[PERSON|יונתן פלדמן]] – נשר בשלב המבחן.\nה{{עמית}} של [[PERSON|סלאם]] לשעבר, [[PERSON|רוני]], נתן המלצה חמה.\nמנהל מגייס: [[PERSON|עמית]]. החלטה עד {{יום חמישי}}, תחילת עבודה {{1.1.2026}}.""",
    ),
    (
        "recruiting_pipeline_update",
        "he/haredi+russian_israeli",
        """סטטוס מועמדים – {{מוקד מכירות טלפוני}}, {{מודיעין עילית}}\nשם | {{גיל}} | טלפון | הערות\n[[PERSON|חיה-רבקה שטרן]] | 24 | [[PHONE|055-677-1842]] | רק משמרת בוקר, מסיימת ב-{{14:00}}\n[[PERSON|גיל פרידמן]] | 31 | [[PHONE|052-713-9026]] | {{מנהל צוות}} לשעבר ב{{פרטנר}}\n[[PERSON|אנה קוזמינה]] | 28 | [[PHONE|053-489-2175]] | דוברת רוסית, עברית, אנגלית\nהערות: [[PERSON|גיל]] ביקש שלא לעבוד ב{{ספירת העומר}} וביקש חופש ב{{שבועות}}.\nראיון קבוצתי ב{{יום שני}}; מראיינת [[PERSON|מרים גולדברג-לוי]].""",
    ),
    (
        "recruiting_pipeline_update",
        "ar/jordanian+palestinian",
        """تحديث التوظيف – {{مدير مبيعات إقليمي}} – {{عمّان}}\nالمرشحون:\n١. [[PERSON|لين أبو زيد]] – خبرة {{٨ سنوات}} في {{أرامكس}}، مقابلة نهائية يوم {{الأحد}}. الهاتف [[PHONE|0796 384 512]].\n٢. [[PERSON|يزن الطراونة]] – يطلب {{٢٬٤٠٠ دينار}} شهرياً، البريد [[EMAIL|yazan.tarawneh@gmail.com]].\n٣. [[PERSON|سماح عودة]] من {{نابلس}} – تحتاج تصريح عمل، رقمها [[PHONE|+970 56 721 4390]].\nمديرة التوظيف [[PERSON|دانا الفايز]] تفضّل [[PERSON|لين]]، لكن [[PERSON|يزن]] أقوى في {{السعودية}}.\nالقرار قبل {{عيد الاستقلال}}.""",
    ),
    (
        "recruiting_pipeline_update",
        "ar/emirati",
        """مستجدات التوطين – فريق المبيعات – {{أبوظبي}}\n- [[PERSON|ميثاء خليفة الرميثي]]: اجتازت المقابلة الثانية مع [[PERSON|بو سلطان]]، مرشحة لوظيفة {{أخصائي تطوير أعمال}} براتب {{٢٦٬٠٠٠ درهم}}.\n- [[PERSON|سلطان عبيد الكعبي]]: خريج {{جامعة خليفة}}، مسجل في برنامج {{نافس}}، موبايل [[PHONE|٠٥٦ ٧٤٠ ٣٢١٨]].\n- [[PERSON|حصة النيادي]]: اعتذرت بسبب عرض من {{أدنوك}}.\nملاحظة: [[PERSON|بو سلطان]] هو [[PERSON|سعيد المهيري]]، {{مدير المبيعات}}، وهو {{سعيد}} جداً بالمرشحين.\nالبريد: [[EMAIL|maitha.alromaithi@outlook.ae]]. الموعد القادم {{الخميس}}.""",
    ),
    (
        "recruiting_pipeline_update",
        "ar/syrian+turkish",
        """تحديث مسار التوظيف – {{ممثل مبيعات ناطق بالعربية والتركية}} – {{غازي عنتاب}}\nالمرشح الأول: [[PERSON|غيث الحلبي]] (ليس له علاقة بشركة {{حلبي للنسيج}})، ساكن بـ{{شاهين باي}}، رقمه التركي [[PHONE|+90 533 712 4086]] والسوري [[PHONE|+963 944 218 735]].\nالمرشحة الثانية: [[PERSON|نور الهدى قباني]]، خبرة بـ{{CRM}} و{{Excel}}، إيميلها [[EMAIL|nour.qabbani@hotmail.com]].\nالمقابلة مع [[PERSON|مراد أرسلان]] يوم {{الثلاثاء}}، والراتب المقترح {{٣٥٬٠٠٠ ليرة تركية}}.\nعنوان [[PERSON|غيث]]: [[ADDRESS|Şehitkamil, İbrahimli Mah. 81021 Sk. No:9 D:5, Gaziantep]].""",
    ),
    (
        "recruiting_pipeline_update",
        "tl-en/filipino",
        """Recruiting update guys! 🙌 Para sa {{Sales Development Rep}} role sa {{BGC}} office:\n1. [[PERSON|Jerome \"Jiro\" Bautista]] – galing {{Concentrix}}, ok yung mock call niya kay Ma'am [[PERSON|Tess]]. Number: [[PHONE|0927 318 4460]]\n2. [[PERSON|Kristine Joy Dela Cruz]] – fresh grad ng {{UST}}, sobrang galing sa English; email [[EMAIL|kjdelacruz@gmail.com]]\n3. [[PERSON|Rhea Mae Santillan-Ong]] – nag-decline, lumipat sa {{Cebu}}\nOffer: {{PHP 38,000}} + commission. [[PERSON|Jiro]] pwede mag-start after {{Undas}}.\nFinal interview with Sir [[PERSON|Benj]] (si [[PERSON|Benjamin Yap]], {{Head of Sales}}) sa {{Friday}}.""",
    ),
    # ------------------------------------------------------------------
    # ai_agent_tool_trace
    # ------------------------------------------------------------------
    (
        "ai_agent_tool_trace",
        "en/yoruba+american",
        """[agent run {{run_7f3a9c}} | model {{gpt-4.1}} | user: [[PERSON|kayode.ogunleye]]]\n→ tool_call crm.search_contacts {"query": "[[PERSON|Adaeze Onyekachi-Bright]]", "limit": 3}\n← result [{"id": "{{CON-448120}}", "name": "[[PERSON|Adaeze Onyekachi-Bright]]", "title": "{{VP Finance}}", "company": "{{Brightwater Logistics}}", "email": "[[EMAIL|adaeze.ob@brightwaterlogistics.com]]", "mobile": "[[PHONE|+1 404 813 2759]]"}]\n→ tool_call crm.update_deal {"deal_id": "{{DL-20931}}", "stage": "{{Negotiation}}", "amount": {{128400}}, "close_date": "{{2025-12-12}}", "owner": "[[PERSON|Kayode Ogunleye]]"}\n← result {"ok": true}\n→ tool_call email.send {"to": "[[EMAIL|adaeze.ob@brightwaterlogistics.com]]", "subject": "Revised quote {{Q-7781}}", "headers": {"X-Api-Key": "[[SECRET|sk-proj-Hq7vL2mX9pR4tN8wK1zB6cY3sD0fJ5gA]]"} }\n← result {"status": "queued", "message_id": "{{msg_01J9Z7}}"}\nassistant: Done. [[PERSON|Adaeze]]'s deal moved to {{Negotiation}} and the quote was sent.""",
    ),
    (
        "ai_agent_tool_trace",
        "en/emirati+british",
        """{"trace_id": "{{tr-2025-11-04-0192}}", "steps": [\n {"tool": "geo.ip_lookup", "input": {"ip": "[[IP_ADDRESS|86.98.45.117]]"}, "output": {"city": "{{Abu Dhabi}}", "country": "{{AE}}", "isp": "{{Etisalat}}"} },\n {"tool": "crm.get_lead", "input": {"lead_id": "{{LD-99120}}"}, "output": {"full_name": "[[PERSON|Sultan Hamad Al Mansoori]]", "email": "[[EMAIL|sultan.almansoori@mansoori-hospitality.ae]]", "phone": "[[PHONE|+971 2 641 7730]]", "company": "{{Mansoori Hospitality}}", "source": "{{GITEX 2025}}"} },\n {"tool": "crm.assign_owner", "input": {"lead_id": "{{LD-99120}}", "owner_email": "[[EMAIL|george.whitlock@gulfcrm.io]]"}, "output": {"ok": true} },\n {"tool": "tasks.create", "input": {"title": "Call [[PERSON|Sultan]] re: {{Yas Island}} hotels", "due": "{{2025-11-06}}", "assignee": "[[PERSON|George Whitlock]]"}, "output": {"task_id": "{{T-55102}}"} }\n], "final": "Lead routed to [[PERSON|George]]; {{SLA}} {{24h}}."}""",
    ),
    (
        "ai_agent_tool_trace",
        "en/chinese+indonesian",
        """### Agent trace (billing assistant)\nUser ([[PERSON|lim.meiling]]): \"charge the setup fee for {{Tjahjadi Furniture}} and log it\"\n```json\n{"name": "crm.find_account", "arguments": {"name": "{{Tjahjadi Furniture}}"} }\n{"result": {"account_id": "{{ACC-3318}}", "primary_contact": "[[PERSON|Budi Santoso Tjahjadi]]", "billing_email": "[[EMAIL|budi.tjahjadi@tjahjadifurniture.co.id]]", "phone": "[[PHONE|+62 812-3407-6619]]"} }\n{"name": "payments.create_charge", "arguments": {"account_id": "{{ACC-3318}}", "amount": {{1500.00}}, "currency": "{{USD}}", "card_number": "[[CREDIT_CARD|5590 2507 6643 7632]]", "cardholder": "[[PERSON|BUDI S TJAHJADI]]"} }\n{"result": {"status": "succeeded", "charge_id": "{{ch_3QxY82}}"} }\n{"name": "crm.add_note", "arguments": {"account_id": "{{ACC-3318}}", "text": "Setup fee charged by [[PERSON|Lim Mei Ling]] on {{4 Nov}}"} }\n```\nAssistant: Charged {{$1,500}} to [[PERSON|Budi]]'s card; note added.""",
    ),
    (
        "ai_agent_tool_trace",
        "en/japanese+brazilian",
        """tool_calls:\n- id: call_01\n  function: calendar.find_slots\n  arguments: {"attendees": ["[[EMAIL|t.matsumoto@kizuna-robotics.jp]]", "[[EMAIL|rafaela.quintino@vendas-pro.com.br]]"], "window": "{{2025-11-10/2025-11-14}}", "tz": "{{Asia/Tokyo}}"}\n- id: call_01.result\n  content: {"slots": ["{{2025-11-11T09:00+09:00}}", "{{2025-11-13T17:00+09:00}}"]}\n- id: call_02\n  function: calendar.create_event\n  arguments: {"title": "{{Kizuna Robotics}} x {{VendasPro}} – pilot scoping", "start": "{{2025-11-13T17:00+09:00}}", "attendees": [{"name": "[[PERSON|Takumi Matsumoto]]", "phone": "[[PHONE|090-4127-3856]]"}, {"name": "[[PERSON|Rafaela Quintino]]", "phone": "[[PHONE|+55 21 99418-2037]]"}], "webhook_secret": "[[SECRET|whsec_Lq82nVxT4kP9rZ0mC7bY3dWf]]"}\n- id: call_02.result\n  content: {"event_id": "{{evt_88Kp2}}"}\nassistant: Booked; [[PERSON|Matsumoto]]-san gets a {{Zoom}} link, [[PERSON|Rafaela]] a {{Google Meet}} fallback.""",
    ),
    (
        "ai_agent_tool_trace",
        "he/ashkenazi+mizrahi",
        """[סוכן AI – עדכון איש קשר]\n→ crm.search {"q": "[[PERSON|ברכה אוחיון]]", "org": "{{אוחיון אחזקות}}"}\n← [{"id": "{{C-7731}}", "name": "[[PERSON|ברכה אוחיון-רייכמן]]", "role": "{{סמנכ\\"לית כספים}}", "phone": "[[PHONE|054-883-2106]]", "email": "[[EMAIL|bracha@ohayon-holdings.co.il]]"}]\n→ crm.update_contact {"id": "{{C-7731}}", "fields": {"address": "[[ADDRESS|רחוב ז'בוטינסקי 7, קומה 18, רמת גן 5252007]]", "notes": "מעדיפה שיחות אחרי {{16:00}}"} }\n← {"ok": true}\n→ tasks.create {"title": "לשלוח ל[[PERSON|ברכה]] הצעת מחיר {{Q-2026-014}}", "due": "{{יום ראשון}}", "assignee": "[[PERSON|דניאל רייכמן]]"}\n← {"task_id": "{{T-9013}}"}\nסוכן: עדכנתי את הכתובת של [[PERSON|ברכה]] ויצרתי משימה ל[[PERSON|דניאל]].""",
    ),
    (
        "ai_agent_tool_trace",
        "he/russian_israeli+arab_israeli",
        """{"agent": "{{kyc-helper}}", "calls": [\n {"fn": "identity.verify_il_id", "args": {"id_number": "[[IL_ID|008699340]]", "full_name": "[[PERSON|ילנה סמירנוב]]"}, "ret": {"valid": true} },\n {"fn": "crm.create_contact", "args": {"first_name": "[[PERSON|ילנה]]", "last_name": "[[PERSON|סמירנוב]]", "mobile": "[[PHONE|+972-53-771-2048]]", "email": "[[EMAIL|elena.smirnov@bezeqint.net]]", "company": "{{סמירנוב תרגומים}}", "city": "{{בת ים}}", "segment": "{{לקוח עסקי קטן}}"}, "ret": {"id": "{{C-11820}}"} },\n {"fn": "crm.link_referrer", "args": {"contact_id": "{{C-11820}}", "referrer": "[[PERSON|סוהא ג'ובראן]]"}, "ret": {"ok": true} },\n {"fn": "audit.log", "args": {"ip": "[[IP_ADDRESS|2a01:6500:a04b:17::3f]]", "action": "{{create_contact}}", "app_version": "{{10.4.2.7}}"}, "ret": {"ok": true} }\n], "summary": "נוצר איש קשר חדש; הפניה מ[[PERSON|סוהא]]."}""",
    ),
    (
        "ai_agent_tool_trace",
        "he/haredi+ethiopian_israeli",
        """לוג סוכן – תיאום שיחת מכירה\nstep 1: calendar.check {"user": "[[EMAIL|yaakov.ginzburg@seforim-plus.co.il]]", "date": "{{2025-11-14}}"} → {"conflict": "{{ערב שבת}}, אין זמינות אחרי {{13:00}}"}\nstep 2: calendar.check {"user": "[[EMAIL|worku.b@crm-il.co.il]]", "date": "{{2025-11-16}}"} → {"free": ["{{10:00}}", "{{11:30}}"]}\nstep 3: calendar.book {"title": "דמו ל{{ספרים פלוס}}", "with": ["[[PERSON|יעקב גינזבורג]]", "[[PERSON|וורקו בלאי]]"], "when": "{{יום ראשון 16.11}} {{10:00}}", "dial_in": "[[PHONE|02-651-4487]]"}\nstep 4: sms.send {"to": "[[PHONE|055-678-4410]]", "text": "ר' [[PERSON|יעקב]], נקבעה פגישה ליום ראשון בעשר. [[PERSON|וורקו]]"}\nresult: ok (tokens used: {{1,842}})""",
    ),
    (
        "ai_agent_tool_trace",
        "ar/qatari",
        """سجل الوكيل الذكي – {{تشغيل رقم ٥٥٢}}\n→ crm.lookup {"الاسم": "[[PERSON|العنود بنت محمد المهندي]]"}\n← {"المعرف": "{{QA-C-2207}}", "الشركة": "{{المهندي للضيافة}}", "المدينة": "{{الدوحة}}", "الربع": "{{الربع الرابع}}", "الجوال": "[[PHONE|+974 6618 2745]]", "البريد": "[[EMAIL|alanoud.almohannadi@mohannadi-hosp.qa]]"}\n→ crm.update_deal {"الصفقة": "{{D-QA-880}}", "المرحلة": "{{عرض سعر}}", "القيمة": "{{٤٥٠٬٠٠٠ ر.ق}}"}\n← {"تم": true}\n→ billing.attach_iban {"الحساب": "[[IBAN|QA41QNBA413766479329519389267]]"}\n← {"تم": true}\nالوكيل: تم تحديث صفقة [[PERSON|العنود]] وإرفاق الحساب البنكي. الاجتماع مع [[PERSON|جميل الخاطر]] يوم {{الاثنين}}.""",
    ),
    (
        "ai_agent_tool_trace",
        "ar/saudi+yemeni",
        """{"run": "{{agt-9a1}}", "user": "[[PERSON|haitham.bawazir]]", "steps": [\n {"tool": "contacts.search", "args": {"q": "[[PERSON|باوزير]]"}, "result": [{"name": "[[PERSON|هيثم عمر باوزير]]", "role": "{{مدير التوريد}}", "company": "{{مؤسسة باوزير للتجارة}}", "mobile": "[[PHONE|0504127893]]"}, {"name": "[[PERSON|صالح باوزير]]", "company": "{{مخابز الصالح}}", "location": "{{المكلا}}", "mobile": "[[PHONE|+967 771 234 568]]"}]},\n {"tool": "address.validate", "args": {"address": "[[ADDRESS|٨٢٢٨ شارع الأمير ماجد، حي الصفا، جدة ٢٣٤٥٣، الرقم الإضافي ٢٢١٧]]"}, "result": {"valid": true, "city": "{{جدة}}"} },\n {"tool": "auth.rotate_key", "args": {"old": "[[SECRET|sk-ant-api03-Zx81Lq0Tn4VbR7mWc2Ys9Fd6]]"}, "result": {"ok": true, "client_version": "{{2.14.0.3}}"} }\n], "final": "تم التحقق من عنوان [[PERSON|هيثم]]، و{{صالح}} للاستخدام في الفاتورة."}""",
    ),
    (
        "ai_agent_tool_trace",
        "it/italian",
        """Traccia agente – assistente commerciale (versione {{3.8.0}}, sede {{Milano}}, trimestre {{Q1}})\n1) crm.cerca_contatto(nome=\"[[PERSON|Gianluca Dell'Acqua]]\")\n   → {\"id\": \"{{IT-C-4471}}\", \"azienda\": \"{{Dell'Acqua Arredamenti S.r.l.}}\", \"ruolo\": \"{{Direttore Acquisti}}\", \"cell\": \"[[PHONE|347 812 6039]]\", \"email\": \"[[EMAIL|g.dellacqua@dellacqua-arredamenti.it]]\"}\n2) crm.aggiorna_fatturazione(id=\"{{IT-C-4471}}\", iban=\"[[IBAN|IT56 X897 5900 3895 5723 6366 594]]\")\n   → {\"ok\": true}\n3) email.invia(a=\"[[EMAIL|mariachiara.desantis@dellacqua-arredamenti.it]]\", oggetto=\"Rinnovo {{2026}}\")\n   → {\"stato\": \"inviata\"}\nRisposta: Ho aggiornato l'IBAN di [[PERSON|Gianluca]] e scritto a [[PERSON|Maria Chiara De Santis]]; consegna prevista a [[ADDRESS|Via Giuseppe Garibaldi 48, 20121 Milano MI]] entro {{venerdì}}.""",
    ),
    # ------------------------------------------------------------------
    # crm_dedup_merge_request
    # ------------------------------------------------------------------
    (
        "crm_dedup_merge_request",
        "en/emirati",
        """Merge request {{MRG-20251104-07}} — possible duplicate contacts\nRecord A ({{CON-11820}}): [[PERSON|Abdulla Khamis Al Falasi]] | [[EMAIL|abdulla.alfalasi@falasi-marine.ae]] | [[PHONE|050 614 2873]] | {{Al Falasi Marine Services}} | created {{12 Mar 2023}}\nRecord B ({{CON-30417}}): [[PERSON|ABDULLAH ALFALASI]] | [[EMAIL|a.alfalasi@gmail.com]] | [[PHONE|+971506142873]] | {{Falasi Marine}} | created {{2 Sep 2025}} via {{Dubai Boat Show}} form\nRecord C ({{CON-30522}}): [[PERSON|Bu Khamis]] | — | [[PHONE|٠٥٠٦١٤٢٨٧٣]] | WhatsApp import\nEvidence: same mobile in three formats; B's IP [[IP_ADDRESS|94.204.118.26]] geolocates to {{Jumeirah}} like A's.\nProposed survivor: A. Keep B's gmail as secondary. Requested by [[PERSON|Priya Ramanathan]] ({{Sales Ops}}). Approver: [[PERSON|Khalid]].""",
    ),
    (
        "crm_dedup_merge_request",
        "en/chinese+american",
        """Dedup review — 3 records, confidence {{0.91}}\n| id | name | email | phone | company |\n| {{C-4410}} | [[PERSON|Xu Haoran]] | [[EMAIL|haoran.xu@qilin-semis.com]] | [[PHONE|+1 408-732-5519]] | {{Qilin Semiconductors}} |\n| {{C-5582}} | [[PERSON|Haoran Xu]] | [[EMAIL|hxu@qilin-semis.com]] | [[PHONE|(408) 732-5519]] | {{Qilin Semi}} |\n| {{C-7719}} | [[PERSON|Howard Xu]] | [[EMAIL|howard.xu88@gmail.com]] | [[PHONE|+86 138 1742 6630]] | {{Qilin Semiconductors (Shanghai)}} |\nNotes: {{C-4410}} uses surname-first order; \"[[PERSON|Howard]]\" is his English name per [[PERSON|Jenna Kowalczyk]]'s call notes from {{Oct 21}}.\nDo NOT merge with [[PERSON|Xu Haoyu]] ({{C-8803}}), his cousin at {{Haoyu Capital}}.\nAction: merge into {{C-4410}}, keep both phones.""",
    ),
    (
        "crm_dedup_merge_request",
        "en/scottish+irish",
        """Please merge — duplicates created by the {{Eventbrite}} sync ({{Isle of Skye}} {{Harris Tweed}} fair)\n1) [[PERSON|Catrìona NicLeòid]] <[[EMAIL|catriona.nicleoid@skyewool.scot]]>, [[PHONE|01478 612 874]], {{Skye Wool Company}}, {{Portree}}\n2) [[PERSON|Katrina McLeod]] <[[EMAIL|katrina@skyewool.scot]]>, [[PHONE|+44 1478 612874]], {{Skye Wool Co}}\nSame person: Gaelic vs English form of her name (confirmed by her colleague [[PERSON|Seán Ó Muircheartaigh]], who is himself also in the CRM as \"[[PERSON|Sean Moriarty]]\" — separate request {{MRG-4471}}).\nAddress on file: [[ADDRESS|Unit 3, Home Farm Business Park, Portree IV51 9LX]].\nNote: {{MacLeod's Tables}} (a hill) appears in the notes field as a tour venue; not a person.\nOwner: [[PERSON|Fiona Drummond]]. Target date: {{Friday 7 Nov}}.""",
    ),
    (
        "crm_dedup_merge_request",
        "en/south_indian",
        """DEDUP CANDIDATES (auto-detected, rule {{R-17 phone+company}})\nname,email,mobile,company,city\n\"[[PERSON|Subramanian Karthikeyan]]\",[[EMAIL|karthikeyan.s@vel-textiles.in]],[[PHONE|+91 98410 37265]],{{Vel Textiles Pvt Ltd}},{{Tiruppur}}\n\"[[PERSON|S. Karthik]]\",[[EMAIL|karthik.vel@gmail.com]],[[PHONE|098410 37265]],{{Vel Textiles}},{{Coimbatore}}\n\"[[PERSON|Karthikeyan S]]\",,[[PHONE|9841037265]],{{VEL TEX}},{{Tiruppur}}\nReviewer comment ([[PERSON|Deepa Menon]]): Tamil naming — the initial \"S.\" is his father's name [[PERSON|Subramanian]]; all three are the same man. Company is named after the deity {{Vel}}, not a person.\nMerge into first row. Also link to [[PERSON|Karthik]]'s assistant [[PERSON|Anbu Selvi]] ([[PHONE|0421 224 3167]]).""",
    ),
    (
        "crm_dedup_merge_request",
        "he/ethiopian_israeli",
        """בקשת מיזוג רשומות – {{MRG-3381}}\nרשומה 1: [[PERSON|ברהנו ג'מבר]], [[PHONE|054-317-2290]], [[EMAIL|berhanu.gember@gmail.com]], {{גמבר הובלות}}, {{אשקלון}}\nרשומה 2: [[PERSON|ברוך גמבר]], [[PHONE|+972 54 317 2290]], [[EMAIL|baruch@gember-hovalot.co.il]], {{גמבר הובלות בע"מ}}\nשתי הרשומות עם אותה ת"ז: [[IL_ID|673653267]].\nהסבר: "[[PERSON|ברוך]]" הוא השם העברי ש[[PERSON|ברהנו]] קיבל בעלייה ב{{מבצע שלמה}}; בחברה קוראים לו שניהם.\nלא למזג עם [[PERSON|אסתר גמבר]] (אחותו, {{מנהלת חשבונות}}).\nמבקש: [[PERSON|עידו שפר]], {{תפעול מכירות}}. תאריך: {{י"ג חשוון תשפ"ו}} ({{4.11.2025}}).""",
    ),
    (
        "crm_dedup_merge_request",
        "he/russian_israeli",
        """כפילות אנשי קשר – לבדיקה ע"י {{מחלקת שיווק}}, סניף {{תל אביב}}\nא. [[PERSON|יבגני רבינוביץ']] | [[EMAIL|evgeny.rabinovich@optima-soft.co.il]] | [[PHONE|052-471-3308]] | {{אופטימה סופט}}\nב. [[PERSON|Evgeny Rabinovich]] | [[EMAIL|zhenya.rab@gmail.com]] | [[PHONE|+972524713308]] | {{Optima Soft Ltd}}\nג. [[PERSON|Евгений Рабинович]] | — | [[PHONE|0524713308]] | יובא מ{{VK}}\nד. [[PERSON|ז'ניה]] | — | — | הערה בכרטיס של [[PERSON|לאה טננבאום]]\nכל הרשומות = אותו אדם (בדק [[PERSON|אורי בן-חיים]] מול כתובת [[ADDRESS|רחוב סוקולוב 40, חולון 5832318]]).\nמיזוג לתוך א', שמירת שם לועזי כ-alias. {{SLA}}: עד {{יום רביעי}}, ספרינט {{25.11}}.""",
    ),
    (
        "crm_dedup_merge_request",
        "ar/bahraini+kuwaiti",
        """طلب دمج سجلات مكررة – {{DUP-8830}}\nالسجل الأول: [[PERSON|عبدالله يوسف الذوادي]]، الهاتف [[PHONE|٣٦١٢٤٨٧٩]]، البريد [[EMAIL|abdulla.althawadi@thawadi-group.bh]]، الشركة {{مجموعة الذوادي}}، {{المنامة}}\nالسجل الثاني: [[PERSON|عبد الله الذوادي]]، الهاتف [[PHONE|+973 3612 4879]]، الشركة {{الذوادي القابضة}}، الفرع {{المحرق}}\nالسجل الثالث: \"[[PERSON|أبو يوسف]]\" – أضافه [[PERSON|فيصل الرشيد]] من {{الكويت}} مع رقم [[PHONE|+965 5501 2274]]\nالتحليل: الأول والثاني نفس الشخص (اختلاف الفراغ في \"[[PERSON|عبدالله]]\"). الثالث ابنه [[PERSON|يوسف عبدالله الذوادي]] على الأرجح – لا يُدمج.\nالموافقة من {{مدير عمليات المبيعات}} قبل {{١٥ جمادى الأولى}}.""",
    ),
    (
        "crm_dedup_merge_request",
        "ar/egyptian",
        """طلب دمج – العميل متسجل مرتين بالعربي والإنجليزي\n١) [[PERSON|محمد عبد الرحمن القاضي]] – [[PHONE|01014728365]] – {{القاضي للتوريدات}} – {{المنصورة}}\n٢) [[PERSON|Mohamed Abdelrahman El-Kady]] – [[PHONE|+20 10 1472 8365]] – [[EMAIL|m.elkady@elkady-supplies.com.eg]] – {{El Kady Supplies}}، {{مدير المشتريات}}، فرع {{طلخا}}\n٣) [[PERSON|حمادة القاضي]] – نفس الرقم – ده اسم الدلع بتاعه، [[PERSON|حمادة]] = [[PERSON|محمد]].\nالعنوان المعتمد: [[ADDRESS|٨ شارع جيهان السادات، المنصورة، الدقهلية ٣٥٥١١]]\nملحوظة: {{القاضي}} هنا اسم عيلة مش وظيفة، والشركة على اسم أبوه [[PERSON|عبد الرحمن القاضي]].\nطالب الدمج: [[PERSON|منة الله شريف]]، {{يوم الأحد}}. رقم الطلب {{EG-MRG-115}}.""",
    ),
    (
        "crm_dedup_merge_request",
        "ar/moroccan+french",
        """طلب توحيد سجلات – {{الرباط}}\nالسجل (أ): [[PERSON|وفاء الإدريسي]] – [[PHONE|0612-734918]] – {{الإدريسي للاستيراد}}\nالسجل (ب): [[PERSON|Ouafae El Idrissi]] – [[PHONE|+212 612 734 918]] – [[EMAIL|ouafae.elidrissi@idrissi-import.ma]] – {{Idrissi Import SARL}}\nالسجل (ج): Mme [[PERSON|El Idrissi W.]] – بدون إيميل، {{مديرة تجارية}} فرع {{الدار البيضاء}}.\nالعنوان: [[ADDRESS|٢١ زنقة الإمام مالك، أكدال، الرباط ١٠٠٩٠]]\nالملاحظة: هي بنت الحاج [[PERSON|أحمد الإدريسي]] مؤسس الشركة – ماشي نفس الشخص.\nالمُراجِع: [[PERSON|ياسين بنجلون]]. الآجال: قبل {{عيد الاستقلال}} (١٨ {{نونبر}})، نسخة النظام {{7.2.0.15}}.""",
    ),
    (
        "crm_dedup_merge_request",
        "el/greek",
        """Αίτημα συγχώνευσης επαφών – {{MRG-GR-0912}}\n1. [[PERSON|Παναγιώτης Χατζηδάκης]] – [[PHONE|694 712 3854]] – [[EMAIL|p.chatzidakis@kritiki-elaia.gr]] – {{Κρητική Ελαία Α.Ε.}}\n2. [[PERSON|Panagiotis Chatzidakis]] – [[PHONE|+30 694 712 3854]] – {{Kritiki Elaia SA}}, {{Διευθυντής Πωλήσεων}}, γραφείο {{Χανιά}}\n3. [[PERSON|Τάκης Χατζηδάκης]] – ίδιο κινητό – «[[PERSON|Τάκης]]» είναι υποκοριστικό του [[PERSON|Παναγιώτη]].\nΔιεύθυνση: [[ADDRESS|Λεωφόρος Κνωσού 112, 71409 Ηράκλειο]]\nΠροσοχή: η εταιρεία {{Χατζηδάκης Ελαιόλαδα}} ανήκει στον ξάδερφό του [[PERSON|Μανώλη Χατζηδάκη]] – όχι συγχώνευση.\nΑιτών: [[PERSON|Ελένη Σταυροπούλου]], {{Τρίτη}}, έκδοση {{4.9.1}}.""",
    ),
    # ------------------------------------------------------------------
    # sales_forecast_commentary
    # ------------------------------------------------------------------
    (
        "sales_forecast_commentary",
        "en/american+north_indian",
        """{{Q4 FY25}} forecast commentary — {{North America Enterprise}}\nCommit: {{$4.82M}} (vs {{$5.1M}} target, 94.5%). Best case: $5.6M.\nTop deals:\n• {{JPMorgan Chase}} expansion ({{$1.2M}}) — owner [[PERSON|Chase Holloway]]; procurement contact [[PERSON|Ritika Malhotra-Singh]] says legal redlines back by Dec 5. Confidence 70%.\n• {{Ben & Jerry's}} pilot → full rollout ($340k) — owner [[PERSON|Devansh Khurana]]; slipped from Q3 twice. I'd {{mark}} it best case only.\n• {{Johnson Controls}} ({{$610k}}) — [[PERSON|Marcy Johnson]] (no relation) is our champion; her mobile [[PHONE|(414) 731-2286]] if anyone needs to reach her over {{Thanksgiving}}.\nRisks: {{Hope Industries}} renewal may push; [[PERSON|Hope Abernathy]] leaving them {{Dec 31}}.\nSubmitted by [[PERSON|Kavita Bhargava]], {{RVP Sales}}.""",
    ),
    (
        "sales_forecast_commentary",
        "en/emirati+saudi+british",
        """GCC forecast call notes — week of {{16 Nov}}\nCommit {{AED 18.4M}}, upside AED 6.1M. {{Ramadan}} starts ~{{18 Feb}}, so anything not signed by mid-Feb moves to {{Q2}}.\n1) {{Al Tayer Group}} — {{AED 4.2M}}. Champion [[PERSON|Reem Khalid Al Tayer]] (yes, family member, but on the {{IT}} side). Owner [[PERSON|Thomas Wakeling]]. 90%.\n2) {{Abdul Latif Jameel}} — {{SAR 3.5M}}. Contact [[PERSON|Faisal bin Turki Al-Otaibi]], reachable on [[PHONE|+966 53 618 4270]]. Waiting on {{CST}} data-residency sign-off. 60%.\n3) {{Majid Al Futtaim}} — {{AED 2.9M}}, stalled; [[PERSON|Majid]] from their PMO (not the founder!) asked for another POC.\nCommentary by [[PERSON|Layla Haddad-Pearson]], {{Head of Sales, Gulf}}. Ping me at [[EMAIL|layla.haddadpearson@gulfcrm.io]].""",
    ),
    (
        "sales_forecast_commentary",
        "en/argentine+chilean+colombian",
        """LATAM forecast — {{November}} update\nBooked YTD: {{USD 7.3M}} (81% of plan). Q4 commit USD 2.4M.\n- {{Mercado Austral}} ({{Santiago}}): {{USD 880k}}, signed pending {{CFO}} approval. Contact [[PERSON|Ignacio Larraín Vial]] ([[PHONE|+56 9 6184 3027]]). Rep: [[PERSON|Florencia \"Flor\" Bianchi]].\n- {{Grupo Santo Domingo}}: {{USD 520k}}, upside. Contact [[PERSON|Valentina Ospina de la Torre]], [[EMAIL|vospina@gruposd-demo.co]].\n- {{Fravega}} ({{Buenos Aires}}): {{USD 310k}}; [[PERSON|Martín Echeverría]] says FX controls may delay payment to {{January}}.\nRisk note from [[PERSON|Flor]]: peso volatility; suggest pricing in {{USD}}. Next review {{Thursday}}.""",
    ),
    (
        "sales_forecast_commentary",
        "en/korean+japanese+thai",
        """APAC forecast narrative ({{FY26 Q1}})\nWe're calling {{USD 3.05M}} commit, {{USD 3.9M}} best case.\nKorea: {{Hanbit Logistics}} ({{USD 610k}}) — [[PERSON|Kang Ji-woo]] moved to {{CTO}}; new sponsor Ms. [[PERSON|Yoon Seo-hyun]] wants a {{Seoul}} data center. Rep [[PERSON|Daniel Ryu]].\nJapan: {{Morinaga Denki}} ({{JPY 82M}}) — decision after {{Golden Week}}; [[PERSON|Morinaga]]-san from sales is unrelated to the founding family.\nThailand: {{Siam Rattana Foods}} ({{THB 14M}}) — [[PERSON|Pimchanok \"Ploy\" Rattanakosin]] confirmed budget; call her at [[PHONE|+66 81 734 2956]].\nOverall confidence {{72%}}. Written by [[PERSON|Aiko Fujiwara-Grant]].""",
    ),
    (
        "sales_forecast_commentary",
        "he/ashkenazi+mizrahi",
        """תחזית מכירות – רבעון {{Q1 2026}} – ישראל\nCommit: {{₪11.8 מיליון}}, Best case: {{₪14.2 מיליון}}.\nעסקאות מרכזיות:\n• {{שטראוס גרופ}} – {{₪2.4 מיליון}}. איש הקשר [[PERSON|נטע שטראוס-גבאי]] (לא מהמשפחה המייסדת) אומרת שההחלטה אחרי {{פורים}}. אחראי: [[PERSON|אבי בוזגלו]].\n• {{שופרסל}} – {{₪1.9 מיליון}}, תקוע במכרז. [[PERSON|אבי]] מעריך {{40%}}.\n• {{אלביט מערכות}} – {{₪3.1 מיליון}}, צריך אישור ביטחוני; מנהלת הפרויקט [[PERSON|שירן אלמוג]].\nהערות: {{חגי תשרי}} דחו שלוש עסקאות. נכתב ע"י [[PERSON|רונית פרלמוטר]], {{סמנכ"לית מכירות}}.""",
    ),
    (
        "sales_forecast_commentary",
        "he/druze+arab_israeli+ashkenazi",
        """עדכון תחזית – אזור צפון\nסה"כ צפי לרבעון: {{₪4.6 מיליון}}.\n1. {{מפעלי מרעי}} ({{₪780,000}}) – [[PERSON|ואאל מרעי]] מ{{מג'דל שמס}} חתם על {{LOI}}; הבעלים הוא דודו, [[PERSON|סלים מרעי]]. נציג: [[PERSON|כמאל טרביה]].\n2. {{קבוצת עזריאלי}} ({{₪1.2 מיליון}}) – [[PERSON|גלית עזריאלי-כהן]] בצד הרכש; לא מהמשפחה. עסקה ב-{{70%}}.\n3. {{מוסך זועבי}} ({{₪95,000}}) – [[PERSON|נזאר זועבי]] ביקש להתקשר אחרי {{עיד אל-אדחא}}: [[PHONE|04-601-2287]].\nסיכון: ה{{שחר}} של העסקאות הגדולות עוד לא הגיע – הכל אחרי {{ינואר}}.\nכתב: [[PERSON|כמאל]].""",
    ),
    (
        "sales_forecast_commentary",
        "he/haredi+russian_israeli",
        """פרשנות תחזית – מגזר חרדי ודוברי רוסית\nמגזר חרדי: {{₪2.2 מיליון}} commit. העסקה הגדולה – {{רשת יש חסד}} ({{₪640,000}}), מול הרב [[PERSON|משה-צבי לנדאו]] ({{מנהל רכש}}); צריך אישור ועד רבנים לפני {{ראש חודש אדר}}.\nדוברי רוסית: {{₪1.4 מיליון}}. [[PERSON|ויקטוריה אברמוב]] סוגרת את {{רשת ויקטורי}} (שם דומה, אין קשר 😅).\nמנהל המכירות [[PERSON|דוד מלכיאל]] אומר שהסיכון העיקרי הוא {{בחירות}}.\nטלפון לתיאום: [[PHONE|03-579-1142]].""",
    ),
    (
        "sales_forecast_commentary",
        "ar/saudi+emirati",
        """تعليق على توقعات المبيعات – {{الربع الأول ٢٠٢٦}}\nالالتزام: {{٢٢٫٤ مليون ريال}}، أفضل حالة: {{٢٧ مليون}}.\n- {{مجموعة عبداللطيف جميل}}: {{٦٫١ مليون ريال}}. جهة الاتصال [[PERSON|جميلة عبداللطيف السبيعي]] – تشابه أسماء فقط. المسؤول: [[PERSON|تركي الزهراني]]. نسبة {{٨٠٪}}.\n- {{الطاير}} في {{دبي}}: {{٤٫٣ مليون درهم}} – [[PERSON|أبو محمد]] ([[PERSON|محمد جمعة الطاير]]) طلب عرضاً جديداً قبل {{رمضان}}.\n- {{نور}} للتقنية: {{٩٠٠ ألف}}، تأخرت بسبب {{موسم الرياض}}.\nالمخاطر: تأخر الميزانيات الحكومية. أعدّه [[PERSON|نواف الحربي]]، [[EMAIL|nawaf.alharbi@gulfcrm.sa]].""",
    ),
    (
        "sales_forecast_commentary",
        "ar/omani+qatari",
        """ملاحظات التوقعات – {{عُمان}} و{{قطر}}\n- {{مجموعة الزبير}}: {{٣٥٠ ألف ر.ع}}، جهة الاتصال [[PERSON|أمل بنت سالم الرواحية]]، متوقع التوقيع بعد {{العيد الوطني}}. و{{أمل}} الفريق كبير في هذه الصفقة.\n- {{الفردان}} في {{الدوحة}}: {{٢٫١ مليون ر.ق}}، [[PERSON|حمد الفردان]] من قسم المشتريات (ليس من الملاك). رقمه [[PHONE|+974 3317 6482]].\n- {{بنك مسقط}}: مؤجلة إلى {{الربع الثاني}}.\nالمندوب [[PERSON|فهد البلوشي]] يقدر الالتزام بـ{{٧٥٪}}. الاجتماع يوم {{الأربعاء}}.""",
    ),
    (
        "sales_forecast_commentary",
        "sw/kenyan+tanzanian",
        """Maoni ya utabiri wa mauzo – {{Afrika Mashariki}}, {{robo ya nne}}\nJumla ya ahadi: {{KES 64M}}; matumaini: {{KES 81M}}.\n• {{Safaricom}} ({{KES 22M}}) – mwasiliani [[PERSON|Mwanaisha Hamisi Juma]] anasema uamuzi utafanyika baada ya {{Jamhuri Day}}. Simu: [[PHONE|0722 418 395]].\n• {{Azam Group}} ({{TZS 410M}}) – [[PERSON|Baraka Otieno]] anafuatilia; Bw. [[PERSON|Said Azam]] wa manunuzi si mwanafamilia wa waanzilishi.\n• {{Equity Bank}} ({{KES 9M}}) – imeahirishwa hadi {{Januari}}.\nImeandikwa na [[PERSON|Wanjiku Njoroge]], [[EMAIL|wanjiku.njoroge@eacrm.co.ke]].""",
    ),
    # ------------------------------------------------------------------
    # zoom_or_teams_chat_log
    # ------------------------------------------------------------------
    (
        "zoom_or_teams_chat_log",
        "en/igbo+american",
        """Zoom chat — \"{{Northbeam}} x {{OkeyMart}} demo\" — {{Thu Nov 6, 2025}}\n10:02:11  From [[PERSON|Chiamaka Obi-Nwachukwu]] to Everyone: can u share the deck after? my email is [[EMAIL|chiamaka.obi@okeymart.ng]]\n10:02:40  From [[PERSON|Tyler Brandvold]] to Everyone: yes! also adding my cell [[PHONE|(612) 904-3378]]\n10:05:03  From [[PERSON|Chiamaka Obi-Nwachukwu]] to Everyone: @[[PERSON|emeka]] pls join, we're on the {{pricing}} slide\n10:05:30  From [[PERSON|Emeka Udeh]] to Everyone: joining from {{Enugu}}, network is bad\n10:09:47  From [[PERSON|Tyler Brandvold]] to Everyone: sandbox login is demo-okeymart / pw [[SECRET|N0rthb3am!Trial#2025]]\n10:10:02  From [[PERSON|Tyler Brandvold]] to Everyone: oops, wrong chat, pls ignore 🙈 will rotate\n10:12:18  From [[PERSON|Chiamaka Obi-Nwachukwu]] to Everyone: {{₦45M}} budget approved for {{FY26}}, {{Q1}} go-live\n10:14:55  From [[PERSON|Emeka Udeh]] to Everyone: ticket from last week is {{NB-20931}} fyi\nRecording saved to {{Zoom Cloud}}, {{52 min}}.""",
    ),
    (
        "zoom_or_teams_chat_log",
        "en/british+pakistani+irish",
        """[Teams] {{UK Sales}} › {{Monday standup}}\n[[PERSON|Niamh Fitzgerald]] 09:01  morning all ☕\n[[PERSON|Zain Mirza]] 09:02  @[[PERSON|niamh]] the {{Whitbread}} deal slipped again, procurement guy [[PERSON|Gareth]] is off till {{Wednesday}}\n[[PERSON|Niamh Fitzgerald]] 09:03  ugh. @[[PERSON|zain.m]] can you ping [[PERSON|Gareth Lloyd-Evans]] on [[PHONE|07700 163 842]]?\n[[PERSON|Zain Mirza]] 09:03  his number is actually [[PHONE|07834 216 905]], the other one was his PA [[PERSON|Bethan]]\n[[PERSON|Oisín Gallagher]] 09:05  fyi {{Marks & Spencer}} renewal is {{£180k}}, signed 🎉\n[[PERSON|Niamh Fitzgerald]] 09:06  amazing!! @[[PERSON|oisin]] send the PO ({{PO-778120}}) to finance\n[[PERSON|Zain Mirza]] 09:07  also {{Bank Holiday}} next week so forecast call moves to {{Tuesday}}""",
    ),
    (
        "zoom_or_teams_chat_log",
        "en/dutch+indonesian",
        """Teams meeting chat — {{Benelux + SEA pipeline review}}\n[14:30] [[PERSON|Joost van den Bosch]]: ok who's presenting {{Jakarta}}?\n[14:30] [[PERSON|Wulan Sari Hadiningrat]]: me 🙋‍♀️ sec, sharing\n[14:32] [[PERSON|Joost van den Bosch]]: @[[PERSON|wulan]] is {{Garuda Catering}} still in commit?\n[14:33] [[PERSON|Wulan Sari Hadiningrat]]: yes, {{IDR 2.1bn}}; their buyer Pak [[PERSON|Hendra Gunawan]] confirmed on WA [[PHONE|+62 811-1827-4630]]\n[14:35] [[PERSON|Maarten de Wit]]: dial-in for the customer if needed: [[PHONE|+31 20 794 2318]]\n[14:36] [[PERSON|Joost van den Bosch]]: 👍 and the {{Rotterdam}} port deal is moving to {{Q2}}\n[14:38] [[PERSON|Wulan Sari Hadiningrat]]: after {{Lebaran}} pls, office closed {{2 weeks}}\n[14:40] [[PERSON|Maarten de Wit]]: noted. recording id {{MTG-55201}}""",
    ),
    (
        "zoom_or_teams_chat_log",
        "en/emirati+filipino+south_indian",
        """Teams chat – {{Dubai}} inside sales\n[[PERSON|Grace Villanueva]] 11:14: guys the {{DEWA}} tender closes {{Thursday}}, who's on it?\n[[PERSON|Arjun Menon]] 11:15: me + [[PERSON|Hamad]]. [[PERSON|Hamad Al Shehhi]] has the relationship w/ their {{procurement head}}\n[[PERSON|Hamad Al Shehhi]] 11:16: yes, i {{will}} call him after {{Dhuhr}}. his mobile [[PHONE|+971 50 447 1823]] if anyone needs\n[[PERSON|Grace Villanueva]] 11:17: @[[PERSON|arjun]] pls share the RFP folder\n[[PERSON|Arjun Menon]] 11:18: sharepoint link: {{/sites/sales/RFP-2025-118}}\n[[PERSON|Grace Villanueva]] 11:20: also reminder: {{UAE National Day}} holiday {{Dec 1–3}}\n[[PERSON|Arjun Menon]] 11:21: and {{grace}} period on their last invoice ended yesterday lol\n[[PERSON|Grace Villanueva]] 11:21: 😂 not me""",
    ),
    (
        "zoom_or_teams_chat_log",
        "he/ashkenazi+mizrahi",
        """צ'אט מזום – "{{סקירת פייפליין שבועית}}"\n09:14 [[PERSON|אור שמעוני]]: בוקר טוב, [[PERSON|שני]] את מחוברת?\n09:15 [[PERSON|שני דהן]]: כן, רק בלי מצלמה\n09:16 [[PERSON|אור שמעוני]]: @[[PERSON|נדב]] מה עם {{אלקטרה}}?\n09:17 [[PERSON|נדב ויינשטיין]]: חתמו! {{₪420,000}}. יש {{אור}} בקצה המנהרה 😅\n09:18 [[PERSON|שני דהן]]: הטלפון של איש הקשר שלהם אם צריך: [[PHONE|03-924-7706]], [[PERSON|מוטי בן-עמי]]\n09:20 [[PERSON|אור שמעוני]]: מעולה. {{ערב חג}} ביום {{שני}} אז הפגישה הבאה ב{{רביעי}}\n09:21 [[PERSON|נדב ויינשטיין]]: 👍 הקלטה: {{zoom-rec-88120}}""",
    ),
    (
        "zoom_or_teams_chat_log",
        "he/ethiopian_israeli+druze+russian_israeli",
        """Teams – ערוץ {{מכירות דרום}}\n[[PERSON|מיכאל טקלה]] 10:02: מישהו דיבר עם {{קבוצת אבן}} ב{{באר שבע}}?\n[[PERSON|נסים אבו-ריש]] 10:03: אני. [[PERSON|פאדיה]] מהרכש ביקשה הצעה מעודכנת עד {{יום חמישי}}\n[[PERSON|מיכאל טקלה]] 10:04: @[[PERSON|נסים]] תשלח לי את המייל שלה\n[[PERSON|נסים אבו-ריש]] 10:04: [[EMAIL|fadia.halabi@even-group.co.il]]\n[[PERSON|אלינה ז'וקובה]] 10:06: רגע, מה הסיסמה ל{{פורטל הלקוחות}}?\n[[PERSON|מיכאל טקלה]] 10:06: [[SECRET|Even#Portal_2025!q]] – ותמחקי אחרי\n[[PERSON|אלינה ז'וקובה]] 10:07: תודה 🙏 ואגב, חג {{סיגד}} יוצא {{חמישי}} השנה\n[[PERSON|נסים אבו-ריש]] 10:08: גם {{זיארת נבי שועייב}} באפריל, לא לקבוע פגישות""",
    ),
    (
        "zoom_or_teams_chat_log",
        "ar/emirati+saudi",
        """دردشة Teams – فريق مبيعات {{الخليج}}\n[[PERSON|مهرة الكعبي]] ٩:٠٥: صباح الخير شباب، منو ماسك {{طيران ناس}}؟\n[[PERSON|عبدالعزيز الغامدي]] ٩:٠٦: أنا، كلمت [[PERSON|أبو ريان]] أمس، يبغون عرض قبل {{موسم الحج}}\n[[PERSON|مهرة الكعبي]] ٩:٠٧: @[[PERSON|عبدالعزيز]] عطني رقمه\n[[PERSON|عبدالعزيز الغامدي]] ٩:٠٧: [[PHONE|٠٥٠٣٨٤٢١٧٩]] – اسمه الكامل [[PERSON|ريان صالح الشهري]]... لا لحظة، هذا ولده. [[PERSON|أبو ريان]] = [[PERSON|صالح الشهري]]، {{مدير المشتريات}} في {{جدة}}\n[[PERSON|مهرة الكعبي]] ٩:٠٩: تمام. الصفقة كم؟\n[[PERSON|عبدالعزيز الغامدي]] ٩:٠٩: {{٢٫٤ مليون ريال}}، والقرار في {{شوال}}\n[[PERSON|مهرة الكعبي]] ٩:١٠: ممتاز، {{عيد}} سعيد مقدماً 😄""",
    ),
    (
        "zoom_or_teams_chat_log",
        "ar/palestinian+jordanian",
        """شات زوم – مراجعة الفرص – {{الأربعاء}}\n١٠:٠١ [[PERSON|تامر أبو صالح]]: مرحبا، [[PERSON|ربى]] معنا؟\n١٠:٠٢ [[PERSON|ربى النتشة]]: أه معكم، بس النت ضعيف ب{{الخليل}}\n١٠:٠٣ [[PERSON|تامر أبو صالح]]: @[[PERSON|ربى]] شو وضع {{مصانع الجنيدي}}؟\n١٠:٠٤ [[PERSON|ربى النتشة]]: بدهم {{٥٠ ترخيص}}، و[[PERSON|صالح الجنيدي]] {{المدير المالي}} طلب خصم {{١٥٪}}\n١٠:٠٥ [[PERSON|يزن خريسات]]: من {{عمّان}}: {{البنك العربي}} أجّلوا لبعد {{رأس السنة}}\n١٠:٠٦ [[PERSON|ربى النتشة]]: رقم [[PERSON|صالح]] إذا حدا بده: [[PHONE|+970 59 872 3146]]\n١٠:٠٧ [[PERSON|تامر أبو صالح]]: تمام، منتابع بكرا {{الساعة ١٢}}""",
    ),
    (
        "zoom_or_teams_chat_log",
        "ar/yemeni",
        """دردشة الاجتماع – فريق {{عدن}} و{{صنعاء}}\n[[PERSON|وضاح القرشي]]: السلام عليكم، الأخ [[PERSON|مجيب]] موجود؟\n[[PERSON|مجيب العبسي]]: وعليكم السلام، معاكم. النت قطّع من الصبح\n[[PERSON|وضاح القرشي]]: عميل {{مطاحن البحر الأحمر}} يشتي عرض سعر بـ{{الدولار}}، و[[PERSON|أبو أكرم]] قال بيدفع بعد {{رمضان}}\n[[PERSON|مجيب العبسي]]: تمام. رقم [[PERSON|أبو أكرم]] [[PHONE|+967 733 418 902]]\n[[PERSON|أروى الحكيمي]]: وأنا أرسلت الفاتورة {{INV-YE-3310}} على إيميله [[EMAIL|akram.alariqi@redsea-mills.com]]\n[[PERSON|وضاح القرشي]]: جزاك الله خير يا [[PERSON|أروى]]. الاجتماع الجاي {{الاثنين}} {{الساعة ١٠}}\n[[PERSON|أروى الحكيمي]]: إن شاء الله، وكل عام وأنتم بخير بمناسبة {{عيد الوحدة}}""",
    ),
    (
        "zoom_or_teams_chat_log",
        "ur-en/pakistani",
        """Zoom chat – {{Lahore}} team weekly\n[[PERSON|Bilal Ahmed Qureshi]]: Assalam o alaikum sab ko. [[PERSON|Ayesha]] aap aa gayi?\n[[PERSON|Ayesha Siddiqa Malik]]: ji haan, camera off hai, bijli ka masla 😅\n[[PERSON|Bilal Ahmed Qureshi]]: koi baat nahi. {{Packages Ltd}} wali deal ka kya scene hai?\n[[PERSON|Ayesha Siddiqa Malik]]: {{PKR 18 lakh}} pe agree ho gaye, [[PERSON|Usman]] sahab (matlab [[PERSON|Usman Tariq]]) sign karenge {{Monday}} ko\n[[PERSON|Faraz Hussain Shah]]: unka number [[PHONE|0321 4287615]] hai agar follow-up chahiye\n[[PERSON|Bilal Ahmed Qureshi]]: zabardast! aur {{Karachi}} wale {{Engro}} ka PO {{PO-55182}} aaya?\n[[PERSON|Faraz Hussain Shah]]: nahi bhai, {{Eid}} ke baad""",
    ),
    # ------------------------------------------------------------------
    # uae_trade_license_and_visa
    # ------------------------------------------------------------------
    (
        "uae_trade_license_and_visa",
        "en/british+emirati",
        """Lead: company setup – {{DMCC}} free zone\nApplicant: [[PERSON|Harriet Langford-Ames]], {{Founder & CEO}}, {{Langford Ames Commodities DMCC}} (proposed name)\nActivity: {{General Trading}} + {{Precious Metals Trading}}; license type {{DMCC Flexi Desk}}\nShareholders: [[PERSON|Harriet Langford-Ames]] {{70%}}, [[PERSON|Saeed Obaid Al Hammadi]] {{30%}}\nVisas requested: {{3}} investor + {{2}} employment (incl. her EA, [[PERSON|Joy Madrigal]])\nFees quoted: {{AED 48,750}}; paid by transfer from [[IBAN|AE26 0264 9691 0960 3639 410]]\nContact: [[PHONE|+44 7946 112 873]] / [[PHONE|+971 56 203 4418]], [[EMAIL|harriet@langfordames.com]]\nOffice: [[ADDRESS|Unit 1804, Almas Tower, Plot JLT-PH1-A0, Jumeirah Lakes Towers, PO Box 340921, Dubai]]\nPRO assigned: [[PERSON|Hamdan]]. Medical + {{Emirates ID}} biometrics booked for {{Tuesday}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "en/north_indian+bangladeshi",
        """Visa batch request — {{Gupta Steel Fabrication LLC}} (mainland, {{DED}} licence {{CN-2294817}})\nSponsor/manager: [[PERSON|Rohit Kumar Gupta]] ([[PHONE|+971 55 318 6247]], [[EMAIL|rohit.gupta@guptasteel.ae]])\nNew employment visas ({{Steel Fixer}} / {{Welder}}):\n1. [[PERSON|Md. Rafiqul Islam Sarker]] — home contact [[PHONE|+880 1819-427361]]\n2. [[PERSON|Shahidul Alam Bhuiyan]] — home contact [[PHONE|+880 1712-384906]]\n3. [[PERSON|Abul Kalam Azad Mondal]] — (lives off {{Abul Kalam Azad Road}}, {{Dhaka}}: a street named after a person, not him)\nQuota approved by {{MOHRE}}: {{12}}. Camp address: [[ADDRESS|Labour Accommodation Block C, Plot 597-1045, Al Quoz Industrial Area 4, Dubai]].\nTyping centre invoice {{TC-88120}}, {{AED 21,600}}. [[PERSON|Rohit]] wants all 3 stamped before {{Diwali}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "en/russian+kazakh",
        """New lead — relocation package, {{IFZA}} licence + {{Golden Visa}}\nClient: [[PERSON|Dmitriy Aleksandrovich Sokolovsky]] (\"[[PERSON|Dima]]\"), IT consultant; spouse [[PERSON|Aigerim Nurlanovna Sokolovskaya]]\nCompany: {{Sokol Data Solutions FZCO}} (proposed), activity {{IT Consultancy}}, {{1 visa}} package\nGolden Visa route: property in {{Dubai Hills}} ({{AED 2.1M}}), title deed {{DLD-2025-0447718}}\nContacts: [[PHONE|+7 916 482-37-15]], [[PHONE|+971 58 930 2276]], Telegram @[[PERSON|dima_sokol]]\nEmail: [[EMAIL|d.sokolovsky@sokoldata.io]]\nCurrent address: [[ADDRESS|Apartment 2207, Marina Gate 1, Dubai Marina, Dubai]]\nConsultant [[PERSON|Anastasia Volkova]] notes: [[PERSON|Aigerim]] needs a {{dependent visa}}; both want the {{Emirates ID}} before {{New Year}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "en/chinese+south_african+emirati",
        """Setup enquiry — {{Dragon Mart}} trading licence renewal + partner change\nCompany: {{Huang Fu Trading LLC}} ({{DET}} licence {{709218}}, renewal due {{14 Jan 2026}})\nOwner: [[PERSON|Huang Jianfeng]] (English name \"[[PERSON|Jeff]]\"), [[PHONE|+86 139 2418 7756]] / [[PHONE|052 617 4408]]\nIncoming partner: [[PERSON|Thabo Sithole-Naidoo]], {{Johannesburg}}, [[PHONE|+27 82 419 6650]], [[EMAIL|thabo.sn@sithole-imports.co.za]]\nNote: company is named after [[PERSON|Huang]]'s late father [[PERSON|Huang Fu]]; keep trade name.\nWarehouse: [[ADDRESS|Warehouse 14, Plot 6-A, Al Aweer, International City, PO Box 118472, Dubai]]\nNext: {{MOA amendment}} at notary on {{Monday}}; {{AED 12,900}} govt fees.""",
    ),
    (
        "uae_trade_license_and_visa",
        "he/ashkenazi",
        """ליד – הקמת חברה ב{{DMCC}} ({{דובאי}})\nיזם: [[PERSON|אביחי שטיינמץ]], {{מייסד}} של {{שטיינמץ טכנולוגיות}}\nת"ז: [[IL_ID|020872339]]\nשותפה: [[PERSON|נעמה ברקוביץ]] ({{30%}})\nסוג רישיון: {{שירותי תוכנה}} + {{ויזת משקיע}} ל-{{2}}\nנייד ישראלי: [[PHONE|050-782-1163]], נייד אמירתי: [[PHONE|+971 54 309 7712]]\nמייל: [[EMAIL|avichai@steinmetz-tech.com]]\nכתובת בישראל: [[ADDRESS|רחוב אחד העם 9, תל אביב-יפו 6525101]]\nהערות: [[PERSON|אביחי]] רוצה לסיים לפני {{חנוכה}}; בודקים חשבון בנק ב{{Mashreq}}. היועץ: [[PERSON|חמד אל-סויידי]].""",
    ),
    (
        "uae_trade_license_and_visa",
        "he/mizrahi+russian_israeli",
        """בקשה לחידוש ויזה – פרילנסרית ישראלית בדובאי\nשם: [[PERSON|סתיו אזולאי-קוגן]]\nסוג: {{Freelance Permit}} ב{{דובאי מדיה סיטי}}, תחום {{עיצוב גרפי}}\nתוקף הוויזה הנוכחית: עד {{3.2.2026}} ({{י"ד שבט תשפ"ו}})\nבן זוג: [[PERSON|מקסים קוגן]] – ויזת תלוי, {{AED 4,350}}\nטלפון: [[PHONE|+971 50 614 2290]], בישראל [[PHONE|054-226-9013]]\nמייל: [[EMAIL|stav.azoulay.kogan@gmail.com]]\nדירה: [[ADDRESS|Apartment 1103, Building 3, Greens, Al Thanayah 2, Dubai]]\nנציג: [[PERSON|מרוואן]] מחברת {{Virtuzone}}; [[PERSON|סתיו]] ביקשה בדיקה רפואית ביום {{ראשון}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "ar/emirati",
        """طلب ترخيص تجاري – {{دائرة الاقتصاد والسياحة}} – {{دبي}}\nالاسم التجاري: {{مطبخ أم حمدان للمأكولات الشعبية}}\nالنشاط: {{مطعم}} + {{خدمات التوصيل}}\nالمالكة: [[PERSON|موزة راشد بن حمودة]]، وتُعرف بين العملاء بـ\"[[PERSON|أم حمدان]]\"\nالمدير: [[PERSON|جاسم علي الشامسي]]\nرقم الرخصة المبدئية: {{١١٢٨٤٧٩}}\nالهاتف: [[PHONE|٠٤ ٣٤٤ ٨٢١٧]]، المتحرك [[PHONE|٠٥٠ ٦٢١ ٧٣٠٩]]\nالبريد: [[EMAIL|mozah.binhamooda@gmail.com]]\nالعنوان: [[ADDRESS|محل رقم ٣، مبنى ٤١، شارع ٢٠، الوصل، ص.ب ٧١٩٣٣، دبي]]\nملاحظة: {{أم حمدان}} هنا جزء من الاسم التجاري أيضاً. الإصدار المتوقع بعد {{عيد الاتحاد}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "ar/egyptian+jordanian",
        """طلب تأشيرات عمل – {{شركة النسور للمقاولات ذ.م.م}} – {{عجمان}}\nالكفيل: [[PERSON|نضال موسى النسور]] (أردني)، رقم المنشأة {{٢٠/٤٨٧٢١٥}}\nالعمال المطلوبون:\n١) [[PERSON|محمود عبد الغني شحاتة]] – {{نجار مسلح}} – هاتف أهله في {{سوهاج}}: [[PHONE|+20 115 284 3097]]\n٢) [[PERSON|سيد رمضان أبو العلا]] – {{مساعد بناء}}\n٣) [[PERSON|عمرو فتحي]] (\"[[PERSON|عمرو بيكا]]\") – {{سائق}}\nرسوم {{وزارة الموارد البشرية والتوطين}}: {{٩٬٣٠٠ درهم}}\nهاتف [[PERSON|نضال]]: [[PHONE|+971 50 912 3847]]، والأردني [[PHONE|0776 318 425]]\nالعنوان: [[ADDRESS|مكتب ٥٠٧، برج الصقر، شارع الشيخ خليفة بن زايد، عجمان]]\nالحالة: الفحص الطبي {{الخميس}}.""",
    ),
    (
        "uae_trade_license_and_visa",
        "ar/iraqi",
        """عميل محتمل – {{المنطقة الحرة بمطار الشارقة}} ({{سيف زون}})\nالاسم: [[PERSON|مصطفى جبار العبيدي]]، من {{البصرة}}، تاجر قطع غيار\nالمطلوب: رخصة {{تجارة عامة}} + {{٤ تأشيرات}}، ومكتب {{Q1-05}}\nالشريك: [[PERSON|كرار حسين الموسوي]] ({{٤٠٪}})\nالموبايل العراقي: [[PHONE|0780 412 3596]]، الإماراتي: [[PHONE|+971 56 714 0238]]\nالإيميل: [[EMAIL|mustafa.alobaidi@obaidi-parts.iq]]\nالدفع: تحويل {{٣٨٬٤٠٠ درهم}} من حساب [[IBAN|AE97 0308 5952 1987 5203 097]]\n[[PERSON|مصطفى]] يريد ينتهي قبل {{الأربعين}}، والمستشارة [[PERSON|هند السويدي]] ترتب الموعد.""",
    ),
    (
        "uae_trade_license_and_visa",
        "fa/iranian",
        """درخواست تمدید ویزا و مجوز تجاری – {{دبی}}\nمتقاضی: [[PERSON|فرشته صدری‌نژاد]]، مدیرعامل {{شرکت زعفران طلایی}} (مجوز {{DED 884219}})\nشریک: برادرش [[PERSON|بهرام صدری‌نژاد]] ({{۴۹٪}})\nتلفن ایران: [[PHONE|۰۹۱۲ ۴۸۷ ۳۱۶۵]]، موبایل امارات: [[PHONE|+971 55 409 2871]]\nایمیل: [[EMAIL|fereshteh.sadrinejad@golden-saffron.ae]]\nآدرس دفتر: [[ADDRESS|Office 602, Al Attar Business Tower, Sheikh Zayed Road, PO Box 71142, Dubai]]\nهزینه تمدید: {{۱۴٬۲۰۰ درهم}}؛ معاینه پزشکی روز {{شنبه}}.\nمشاور: [[PERSON|ژاله]] از دفتر {{دیره}}. [[PERSON|فرشته]] می‌خواهد قبل از {{نوروز}} تمام شود.""",
    ),
]
