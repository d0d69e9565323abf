# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool H: what sales reps in Israel and the Gulf type themselves, mostly in Hebrew and Arabic.

Written without reading the detector or the other corpora; Hebrew (Ashkenazi, Mizrahi, Yemeni,
Ethiopian, Russian- and French-speaking, Haredi), Druze, Bedouin, Arab-Israeli, Gulf, Levantine,
Egyptian, Maghrebi and Sudanese Arabic, Arabizi, and Gulf expatriates (South Asian, Filipino, British).
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "call_notes",
        "hebrew",
        'דיברתי עם [[PERSON|יוסי מזרחי]] ({{סמנכ"ל רכש}} ב{{שטראוס}}), מעוניין ב{{חבילת Pro}} ל-{{40 משתמשים}}. ביקש הצעת מחיר עד {{יום חמישי}}. נייד שלו [[PHONE|052-4817395]], אמר לא לשלוח למייל הכללי אלא ל[[EMAIL|yossi.mizrahi@gmail.com]]',
    ),
    (
        "assistant_request",
        "hebrew",
        "תסכם לי את הליד של [[PERSON|שני אברהם]] בבקשה, מה היה בשיחה האחרונה ומה הצעד הבא. היא ביקשה שנחזור אליה אחרי {{פסח}}",
    ),
    (
        "whatsapp",
        "hebrew",
        "אחי תקשיב, [[PERSON|אבי]] מ{{אלקטרה}} שוב לא עונה. תנסה אתה מהנייד שלך [[PHONE|054-6230918]], אולי מהמספר שלי הוא חוסם חח. אם לא עונה עד {{14:00}} תשאיר הודעה ל[[PERSON|מירב]] המזכירה שלו במשרד [[PHONE|03-6091122]]",
    ),
    (
        "handover_note",
        "hebrew",
        "העברת תיקים - [[PERSON|ליאת שושן]] עוזבת ב-{{31.3}}\n\n1. {{בנק הפועלים}} – איש קשר [[PERSON|עמית גולדברג]], {{מנהל IT}}. עסקה בשלב הצעת מחיר, {{₪86,000}} לשנה. רגיש למחיר, לא להתחיל עם הנחות.\n2. {{רשת מקס סטוק}} – [[PERSON|רונית בן חמו]], נייד [[PHONE|050-7741263]]. מחכה לחוזה מהלשכה המשפטית שלהם, לנדנד פעם בשבוע (לא ב{{יום שישי}}).\n3. {{עיריית חולון}} – מכרז, אחראית [[PERSON|אורלי]] מהרכש, טלפון [[PHONE|03-5027719]]. המסמכים בתיקייה המשותפת.\n\nמי שלוקח: [[PERSON|גיל]]. אם יש שאלות אני זמינה עד סוף {{אפריל}} במייל הפרטי [[EMAIL|liat.shushan84@walla.co.il]]",
    ),
    (
        "crm_note",
        "hebrew",
        "לקוח מתלונן שהחשבונית הגיעה על שם הלא נכון. צריך לתקן ל: [[PERSON|צדוק גמליאל]], ת.ז. [[IL_ID|226018158]], [[ADDRESS|רחוב הרצל 112 דירה 7, ראש העין]]. חשבונית {{INV-20931}} בסך {{₪4,350}}",
    ),
    (
        "contact_list",
        "hebrew",
        'אנשי קשר מהכנס באילת:\n[[PERSON|מרדכי (מוטי) פרלמן]] - [[PHONE|058-6612094]] - מנכ"ל {{פרלמן לוגיסטיקה}}\n[[PERSON|טגסט מלסה]] - [[PHONE|052-9931460]] - {{מנהלת תפעול}}\n[[PERSON|ולדימיר קוגן]] - [[PHONE|054-3380127]] - [[EMAIL|vova.kogan@gmail.com]] (לא בטוח בסיומת, לבדוק)\n[[PERSON|הדס ביטון]] - [[EMAIL|hadas@bitonfoods.co.il]]\n[[PERSON|שמעון אוחיון]] - אין טלפון, רק כרטיס ביקור, {{אחראי משמרת}}',
    ),
    (
        "meeting_summary",
        "hebrew",
        "סיכום פגישה {{12/02}} – {{מגדל עזריאלי}}\nנוכחים: [[PERSON|אלכסנדר (סשה) ברקוביץ']], [[PERSON|נועה פרידמן]], ואני.\n[[PERSON|סשה]] מוביל את הפרויקט מצידם. [[PERSON|נועה]] מהכספים, היא זו שתחתום בסוף. הם רוצים אינטגרציה עם {{Priority}} לפני שהם מתחייבים. יש להם כבר {{גל}} של לידים מהקמפיין של {{ינואר}} ואין להם איך לנהל את זה.\nהמשך: דמו טכני ב{{יום שלישי}} הבא ב-{{10:30}}.",
    ),
    (
        "complaint_ticket",
        "hebrew",
        "פנייה מס' {{48213}}\nשם הפונה: [[PERSON|חנה וולך]]\nטלפון: [[PHONE|02-6254411]]\nתיאור: הלקוחה טוענת שחויבה פעמיים על {{מנוי שנתי}}. 4 ספרות אחרונות של הכרטיס {{4417}}. מבקשת זיכוי מיידי ואיימה לפנות ל{{הרשות להגנת הצרכן}}. לחזור אליה לפני {{שבת}}, היא לא עונה אחרי {{16:00}} ב{{יום שישי}}.",
    ),
    (
        "email_draft",
        "hebrew",
        "היי [[PERSON|אור]],\n\nתודה על הפגישה אתמול, היה מאוד מעניין לשמוע על התכניות של {{סלקום}} לשנה הקרובה. כמו שסיכמנו, אני מצרף את ההצעה המעודכנת ל-{{120 רישיונות}} עם אינטגרציה ל-{{Salesforce}}.\n\nאם יש שאלות אני זמין בנייד [[PHONE|053-3318840]].\n\n{{חג שמח}},\n[[PERSON|דניאל]]",
    ),
    (
        "crm_note",
        "hebrew",
        "{{לאור}} השיחה עם {{מנהל המכירות}} שלהם, נראה שהעסקה תיסגר רק ברבעון הבא. אין כרגע איש קשר ישיר, רק המייל הכללי {{info@}} שלהם. לא לשלוח עכשיו הצעה, לחכות ל{{אחרי החגים}}.",
    ),
    (
        "assistant_request",
        "hebrew",
        'תכתוב לי מייל מנומס ל[[PERSON|ישראל אלימלך פרידמן]] (הוא חרדי, בלי תמונות ובלי סמיילים) שמזכיר לו שההצעה בתוקף עד {{ר"ח אדר}}. המייל שלו [[EMAIL|y0527612@okmail.co.il]] והוא ביקש שנעדכן גם את הבן שלו [[PERSON|שמוליק]]',
    ),
    (
        "whatsapp",
        "hebrew",
        "[[PERSON|מורן]] מה המצב?? יש לך את המספר של [[PERSON|ניסים]] מהמחסן באשדוד? צריכה לתאם משלוח ל{{יום ראשון}}. אגב הפגישה עם {{תנובה}} הצילה לי את ה{{חיים}}, סגרנו 😅",
    ),
    (
        "shipping_details",
        "hebrew",
        "פרטי משלוח להזמנה {{SO-7734}}:\nנמען: [[PERSON|גטהון ווסה]]\nכתובת: [[ADDRESS|שדרות ירושלים 45, קומה 3, אשדוד]]\nטלפון: [[PHONE|08-8564471]] / [[PHONE|052-7104485]]\nהערות: לתאם מראש, אין מעלית. משלוח עד {{15 במאי}}.",
    ),
    (
        "billing_details",
        "hebrew",
        "פרטי חשבון לזיכוי (התקבל מהלקוח בטלפון):\nבעל החשבון: [[PERSON|שרית אלמוג]]\nבנק לאומי סניף {{860}}\nIBAN: [[IBAN|IL16 0102 8600 0000 0440 268]]\nת.ז. [[IL_ID|083016618]]\nסכום לזיכוי: {{₪1,290}}",
    ),
    (
        "handover_note",
        "cyrillic",
        "[[PERSON|Света]] передаёт клиентов, תרשום:\n- [[PERSON|מרינה לבדב]] ({{קבוצת חבר}}) - מדברת רק רוסית, нужно звонить после {{17:00}}, נייד [[PHONE|054-2817733]]\n- [[PERSON|איגור שפירו]] – уже подписал, просто обслуживание, [[EMAIL|igor.shapiro@mail.ru]]\n- [[PERSON|ילנה]] מהכספים של {{דלתא}} – по счетам, לא לגבי המוצר\nאם יש בעיה пиши мне в вотсап",
    ),
    (
        "crm_note",
        "hebrew",
        "ליד חם מהאתר. [[PERSON|ברוך שמש]] מ{{שמש הנדסה}}, רוצה דמו. ה-IP שלו [[IP_ADDRESS|85.64.193.27]] מזוהה בפתח תקווה. עושה רושם שיש להם תקציב, ציין שעבדו עם {{monday.com}} ולא היו מרוצים.",
    ),
    (
        "task_list",
        "hebrew",
        "משימות לשבוע:\n☐ לחזור ל[[PERSON|אליאור]] לגבי החידוש\n☐ הצעת מחיר ל{{אושר עד}} (דרך [[PERSON|יעקב אושר]], טלפון [[PHONE|02-5818030]])\n☐ לשלוח חוזה ל[[PERSON|טל]] – מחכה מ{{יום רביעי}}\n☐ לעדכן מחירון {{Q3}}\n☐ ברכת {{שנה טובה}} לכל הלקוחות הפעילים לפני {{ראש השנה}}",
    ),
    (
        "meeting_summary",
        "hebrew",
        "פגישה עם {{מועצה אזורית מרום הגליל}}, {{8 בנובמבר}}.\nהשתתפו: [[PERSON|כמאל חלבי]] (ראש מחלקת מחשוב), [[PERSON|סלמאן ע'דיר]], [[PERSON|ורד]] מהגזברות.\n[[PERSON|כמאל]] מעוניין אבל צריך אישור של מליאת המועצה, הישיבה הבאה ב{{דצמבר}}. [[PERSON|ורד]] ביקשה פירוט עלויות לפי רבעון. נדבר אחרי {{חנוכה}}.",
    ),
    (
        "pasted_contact_card",
        "hebrew",
        "BEGIN:VCARD\nFN:[[PERSON|רחל לאה ויסברג]]\nTEL;CELL:[[PHONE|053-4178825]]\nEMAIL:[[EMAIL|rl.weisberg@gmail.com]]\nORG:{{ויסברג ספרים}}\nADR:;;[[ADDRESS|רחוב רבי עקיבא 88;בני ברק]];;;\nEND:VCARD",
    ),
    (
        "assistant_request",
        "arabic",
        "اكتب ايميل متابعة لـ[[PERSON|سيف بن راشد الكعبي]] بخصوص العرض اللي أرسلناه له {{الأحد}} الماضي. خلّيه رسمي شوي لأنه {{مدير المشتريات}} في {{مجموعة الفطيم}}، وذكّره إن الخصم {{15%}} ينتهي آخر {{مارس}}",
    ),
    (
        "call_notes",
        "arabic",
        "مكالمة مع الأخت [[PERSON|مريم بنت خليفة المهيري]]، مهتمة بباقة {{Enterprise}} لفريق {{25 موظف}}. طلبت نرسل العقد على ايميلها [[EMAIL|maryam.almheiri@outlook.com]] وما نتصل بعد {{الساعة 3}} العصر. رقمها [[PHONE|050 318 2246]]",
    ),
    (
        "whatsapp",
        "arabic",
        "هلا [[PERSON|بو خالد]]، العميل اللي كلمتك عنه اسمه [[PERSON|تركي الدوسري]]، رقمه [[PHONE|0553 471 920]]. يبي عرض سعر قبل {{رمضان}} لأن الميزانية تقفل. الله يعطيك العافية",
    ),
    (
        "crm_note",
        "arabic",
        "العميل [[PERSON|عبدالعزيز القحطاني]] من {{شركة المراعي}} طلب تأجيل الاجتماع لبعد {{عيد الفطر}}. قال إن {{الخميس}} و{{الجمعة}} ما يناسبونه أبدًا. {{رمضان كريم}} كتبها له في آخر رسالة، ردّ بشكل إيجابي.",
    ),
    (
        "email_draft",
        "arabic",
        "الأستاذ [[PERSON|أحمد عبد الفتاح]] المحترم،\n\nتحية طيبة وبعد،\n\nنشكركم على وقتكم في اجتماع {{الاثنين}}. كما اتفقنا، نرفق لكم عرض السعر الخاص بـ{{نظام إدارة العملاء}} لفرع {{القاهرة}}، بقيمة {{48,000 جنيه}} سنويًا.\n\nللتواصل المباشر: [[PHONE|01004573381]] أو عبر البريد [[EMAIL|a.abdelfattah@nileexports.com.eg]].\n\nمع خالص التحية،\n[[PERSON|شيماء حسن]]\n{{مديرة حسابات}}",
    ),
    (
        "handover_note",
        "arabic",
        "تسليم عملاء [[PERSON|نورة العتيبي]] (آخر يوم لها {{30 يونيو}}):\n- [[PERSON|فهد الشمري]] – {{الرياض}}، العقد يتجدد في {{سبتمبر}}، جواله [[PHONE|+966 50 418 3372]]\n- [[PERSON|أم عبدالله]] صاحبة {{مشاغل الورد}}، تتعامل فقط بالواتساب [[PHONE|0561 209 847]]\n- [[PERSON|سلطان]] من {{بنك الجزيرة}}، متعب شوي بس يدفع بالوقت\nكل الملفات موجودة في الدرايف المشترك",
    ),
    (
        "shipping_details",
        "arabic",
        "بيانات الشحن:\nالاسم: [[PERSON|سالم بن علي البلوشي]]\nالعنوان: [[ADDRESS|ص.ب. 1147، الرمز البريدي 112، روي، مسقط]]\nالهاتف: [[PHONE|+968 9234 5518]]\nرقم الطلب: {{ORD-55102}}\nموعد التسليم: قبل {{نهاية الشهر}}",
    ),
    (
        "complaint_ticket",
        "arabic",
        "تذكرة رقم {{TK-3391}}\nالعميل: [[PERSON|مشاري العنزي]] – {{الكويت}}\nالمشكلة: التقارير ما تطلع بالعربي، كل شي يطلع علامات استفهام. جرب من المتصفح ومن التطبيق نفس الشي.\nالتواصل: [[PHONE|+965 9978 4410]]\nالأولوية: عالية، العميل هدد يلغي الاشتراك {{الشهر الجاي}}",
    ),
    (
        "meeting_summary",
        "arabic",
        "ملخص اجتماع {{الثلاثاء}} مع {{أوريدو}} في {{الدوحة}}:\nحضر من طرفهم [[PERSON|ناصر الكواري]] و[[PERSON|هيا المري]]. [[PERSON|ناصر]] يبي تكامل مع الـERP عندهم، و[[PERSON|هيا]] مسؤولة عن الميزانية. اتفقنا على تجربة مجانية {{30 يوم}}. تابعت معاهم على الرقم [[PHONE|+974 5531 7624]] (جوال [[PERSON|هيا]]).\n{{على أمل}} نقفل الصفقة قبل {{الربع الرابع}}.",
    ),
    (
        "contact_list",
        "arabic",
        "أرقام من معرض جيتكس:\n[[PERSON|راجيش كومار]] - [[PHONE|055 407 1183]] - {{مدير تقنية}}\n[[PERSON|ماريا سانتوس]] - [[PHONE|052 639 0418]] - استقبال\n[[PERSON|محمد عارف]] - [[EMAIL|m.arif@gulfsteel.ae]]\n[[PERSON|حمدان الظاهري]] - [[PHONE|056 227 9914]]\n[[PERSON|بيمال شريستا]] - سائق الشركة، رقمه عند [[PERSON|حمدان]]",
    ),
    (
        "crm_note",
        "arabic",
        "{{نور}} الشمس ما يوصل للمستودع، والعميل يشتكي من الرطوبة 😂 ما علينا، المهم الطلبية راحت. المتابعة مع [[PERSON|نور الهدى]] من قسم المشتريات على [[PHONE|04 338 1290]].",
    ),
    (
        "call_notes",
        "arabic",
        "اتصلت على [[PERSON|كريم]] من {{فودافون مصر}}، قال إن المدير م. [[PERSON|هشام صبري]] في إجازة لحد {{شم النسيم}}. هيرجعلي {{الأسبوع الجاي}} إن شاء الله. الموبايل [[PHONE|01227719045]]",
    ),
    (
        "billing_details",
        "arabic",
        "بيانات التحويل:\nالمستفيد: [[PERSON|خالد يوسف الحمادي]]\nالبنك: {{بنك الإمارات دبي الوطني}}\nالآيبان: [[IBAN|AE95 0264 5957 1177 7741 215]]\nالمبلغ: {{AED 18,500}}\nملاحظة: رقم الفاتورة {{INV-2024-118}}",
    ),
    (
        "whatsapp",
        "arabic",
        "[[PERSON|منى]] حبيبتي، الزبونة اللي كلمتك عنها امبارح [[PERSON|ريتا حداد]] من {{بيروت}}، رقمها [[PHONE|+961 3 284 671]]. بدها عرض بالدولار مش بالليرة. وإذا ما ردّت جربي {{الخميس}} الصبح، هي بتكون بالمكتب",
    ),
    (
        "assistant_request",
        "arabic",
        "لخّص لي كل المراسلات مع [[PERSON|علي الجبوري]] من {{بغداد}} خلال {{شهر آب}}. أبغى أعرف ليش توقفت الصفقة وإيش آخر سعر عرضناه عليه",
    ),
    (
        "email_draft",
        "arabic",
        "عزيزي [[PERSON|جميل]]،\n\nكان لقاءً {{جميل}} فعلاً يوم {{السبت}}، وشكراً على الضيافة في {{عمّان}}. أرسل لك كما وعدت نسخة من العقد الإطاري، وإذا عندك أي ملاحظات ابعتها على [[EMAIL|jameel.obeidat@petra-trading.jo]] أو كلمني على [[PHONE|+962 79 551 8802]].\n\nتحياتي،\n[[PERSON|سامر]]",
    ),
    (
        "crm_note",
        "arabic",
        "طلب {{عرض سعر}} من السيدة [[PERSON|فاطمة الزهراء بنعلي]]، {{الدار البيضاء}}. تفضل التواصل بالفرنسية. هاتف المكتب [[PHONE|0522 47 81 30]]، المحمول [[PHONE|0661 48 22 90]]. عنوان الفوترة: [[ADDRESS|45 شارع الزرقطوني، الطابق الثالث، الدار البيضاء 20000]]",
    ),
    (
        "task_list",
        "arabic",
        'مهام {{الأسبوع}}:\n١. الاتصال بـ[[PERSON|أبو أحمد]] بخصوص الدفعة المتأخرة\n٢. إرسال الفاتورة لـ{{شركة الاتصالات السعودية}}\n٣. تجهيز عرض لـد. [[PERSON|هدى السويدي]] قبل {{الأربعاء}}\n٤. تهنئة العملاء بـ{{عيد الأضحى}}\n٥. مراجعة محتوى حملة "{{أمل}}" مع فريق التسويق',
    ),
    (
        "complaint_ticket",
        "arabic",
        "الاسم: [[PERSON|عثمان محمد أحمد]]\nالبلد: {{السودان}} / مقيم في {{جدة}}\nالجوال: [[PHONE|0547 812 306]]\nالشكوى: تم خصم المبلغ مرتين من البطاقة ورقمها [[CREDIT_CARD|4580 8718 0334 0185]] حسب ما كتب العميل في الإيميل (!!). يرجى عدم نسخ رقم البطاقة في أي مكان آخر.\nالمبلغ: {{SAR 2,400}}",
    ),
    (
        "call_notes",
        "mixed",
        "call w/ [[PERSON|Eitan]] from {{Wix}} – he's the {{Head of RevOps}}, wants the {{Growth plan}} but only if we do SSO. אמר שה-budget מאושר עד {{סוף Q2}}. his cell [[PHONE|+972-52-7790314]], prefers WhatsApp over calls",
    ),
    (
        "whatsapp",
        "mixed",
        "bro el client [[PERSON|Ahmad]] 3ayez el offer today 2abl el {{Friday prayer}}, e7na lessa ma ba3atnalosh 7aga. ekalemo 3ala [[PHONE|0109 824 1163]] w 2olo en el price {{EGP 60k}} final",
    ),
    (
        "crm_note",
        "mixed",
        "Lead from {{Dubai Silicon Oasis}}: [[PERSON|Aisha bint Saeed Al Falasi]], {{CFO}} at {{Falcon Logistics LLC}}. Met at {{GITEX}}, she asked for Arabic UI + {{VAT invoices}}. Email [[EMAIL|aisha.alfalasi@falconlog.ae]], office [[PHONE|04 885 2216]]. IP on the demo signup was [[IP_ADDRESS|94.200.117.46]] (Etisalat).",
    ),
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Priya]],\n\nGreat speaking with you and Mr. [[PERSON|Sharma]] on {{Wednesday}}. As promised, here's the summary of the {{Enterprise}} pricing for your Abu Dhabi and Riyadh offices — {{USD 42,000}} per year, billed quarterly.\n\nI've also cc'd [[PERSON|Hassan Al Marzouqi]] from our Gulf team; he'll handle the {{Arabic onboarding}} sessions. You can reach him directly on [[PHONE|+971 50 662 3017]].\n\nBest,\n[[PERSON|Noam]]",
    ),
    (
        "handover_note",
        "mixed",
        "Handover – [[PERSON|Yarden]]'s accounts (leaving {{Sept 1}})\n• {{Check Point}}: champion is [[PERSON|Shira Katz]], she's great. דחוף: renewal in {{October}}.\n• {{Mobileye}}: [[PERSON|Boaz]] left, new contact unknown. try the switchboard, אין לי את המספר המלא\n• {{Elbit}}: procurement only via portal, user [[EMAIL|yarden.levi@ourco.co.il]] / pw [[SECRET|Elb1t_Portal#22]] (I know, I know, change it after you log in)",
    ),
    (
        "complaint_ticket",
        "filipino",
        "Ticket {{#90412}} — Customer: [[PERSON|Ma. Cristina Dela Cruz]], based in {{Sharjah}}\nPhone: [[PHONE|+971 56 418 2290]]\nShe says the mobile app logs her out every {{5 minutes}} since the {{v4.12}} update. Also complains that her colleague [[PERSON|Jomar]] got her invoices by mistake. Escalate to {{Tier 2}}.",
    ),
    (
        "meeting_summary",
        "mixed",
        "Sync with {{Emaar}} team – {{Sunday 10am}}\n[[PERSON|Rashid]] (IT) + Ms. [[PERSON|Latifa Al Suwaidi]] (procurement) + [[PERSON|Deepak]] (consultant, Bangalore-based)\n- [[PERSON|Latifa]] wants everything in {{AED}}, no USD\n- [[PERSON|Rashid]] worried about data residency, asked if we host in {{UAE North}}\n- [[PERSON|Deepak]] pushing for {{annual}} not {{monthly}}\nnext: send DPA by {{Thursday}}, [[PERSON|Latifa]]'s email [[EMAIL|latifa.alsuwaidi@emaar-props.ae]]",
    ),
    (
        "assistant_request",
        "mixed",
        "Summarize the lead for [[PERSON|Omar Haddad]] (Lebanese, lives in {{Dubai}}), and draft a follow-up. Mention that his friend [[PERSON|Joëlle Khoury]] referred him. Keep it short, he hates long emails",
    ),
    (
        "whatsapp",
        "mixed",
        "yalla [[PERSON|Fadi]] 3ndak el number taba3 [[PERSON|Abu Rami]]? el client b Ramallah? ana 3ndi [[PHONE|059-8442713]] bs msh 3am yrod",
    ),
    (
        "crm_note",
        "south_asian",
        "Spoke to [[PERSON|Imran Qureshi]] ({{Operations Manager}}, {{Al Ghurair Foods}}), originally from Lahore. Needs 15 seats, asked about {{Urdu}} support (we don't have it). His PA [[PERSON|Shabana]] will send the PO. Direct line [[PHONE|+971 4 337 0981]], mobile [[PHONE|050 921 4476]].",
    ),
    (
        "shipping_details",
        "mixed",
        "Ship to:\n[[PERSON|Nasser Al-Habsi]]\n[[ADDRESS|Villa 27, Way 3015, Al Khuwair, Muscat]]\nMob: [[PHONE|+968 9811 2043]]\nOrder {{#A-44102}}, deliver after {{Eid}}",
    ),
    (
        "billing_details",
        "mixed",
        "Please update billing for {{Gulf Bridge Trading}}:\nContact: [[PERSON|Mohammed Abdulla Al Shamsi]]\nIBAN: [[IBAN|AE630334728038528084148]]\nTRN: {{100384756200003}}\nAddress: [[ADDRESS|Office 1402, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]]\nInvoice currency: {{AED}}",
    ),
    (
        "call_notes",
        "anglo",
        "Left voicemail for [[PERSON|James Whitfield]] (British, {{Head of Sales EMEA}} at {{Aramex}}). Second attempt. His EA [[PERSON|Grace]] said he's in London until {{Tuesday}}. Will try [[PHONE|+44 7700 918342]] then.",
    ),
    (
        "email_draft",
        "mixed",
        "Bonjour M. [[PERSON|Ben Salem]],\n\nSuite à notre échange de {{mardi}}, je vous confirme que l'offre {{Premium}} inclut l'interface en arabe et en français. Merci de m'envoyer le RIB de la société pour la facturation, et le contact de Mme [[PERSON|Trabelsi]] à la compta.\n\nشكراً وإلى اللقاء في {{تونس}} الشهر الجاي إن شاء الله.\n[[PERSON|Yassine]]\n[[PHONE|+216 22 481 337]]",
    ),
    (
        "crm_note",
        "mixed",
        "[[PERSON|Sara]] said \"{{hope}} to close by {{March}}\" – that's not a commit. She also mentioned [[PERSON|Hope]] from their finance team needs to sign off. [[PERSON|Hope]]'s email: [[EMAIL|hope.mensah@zenithdx.com]]",
    ),
    (
        "task_list",
        "mixed",
        "TODO\n- ping [[PERSON|Gal]] re: {{Teva}} renewal\n- fix the {{Noam}} tier (the cheap one) on pricing page\n- send [[PERSON|Amit]] the NDA\n- book room for {{Purim}} party\n- call [[PERSON|Rivka]] back [[PHONE|052-3361807]]",
    ),
    (
        "assistant_request",
        "mixed",
        "Can you draft a WhatsApp message in Gulf Arabic to [[PERSON|Abu Faisal]] reminding him about the meeting on {{Sunday}} at {{Jumeirah Emirates Towers}}? His number is [[PHONE|+971 55 781 2250]], don't include it in the message, just remind him",
    ),
    (
        "complaint_ticket",
        "mixed",
        'Customer: [[PERSON|Yehuda Zaken]]\nEmail: [[EMAIL|yzaken@netvision.net.il]]\nIssue: "the system logged me out and now asks for 2FA to a number I don\'t have anymore (old one [[PHONE|054-9138875]])". Please verify identity with ID [[IL_ID|118609130]] before changing the phone. Ticket {{#77120}}.',
    ),
    (
        "handover_note",
        "south_asian",
        "Leaving note from [[PERSON|Arjun]]:\nMy Saudi accounts go to [[PERSON|Faisal]]. Key people:\n- Eng. [[PERSON|Bandar Al-Otaibi]], {{SABIC}}, +966 prefix mobile [[PHONE|+966 56 730 4491]]\n- Ms. [[PERSON|Reem]], his deputy, very responsive on email [[EMAIL|reem.h@sabic-supply.sa]]\n- [[PERSON|Zubair Ahmed]] (Pakistani, driver/logistics guy at the Jubail site) – only for deliveries\nAlso: the shared mailbox password is [[SECRET|Jubail@2024]] – please rotate it",
    ),
    (
        "call_notes",
        "hebrew",
        "שיחה עם [[PERSON|ח'ליל אבו רקייק]] מרהט. בעל חברת הובלות, 12 משאיות. רוצה מערכת לניהול הזמנות, לא CRM מלא. הבן שלו [[PERSON|סלאמה]] מטפל במחשבים, לדבר איתו על הטכני: [[PHONE|050-9287714]]. אמר לא להתקשר ב{{רמדאן}} בשעות הצום.",
    ),
    (
        "whatsapp",
        "hebrew",
        "[[PERSON|שחר]] בוקר טוב, ב{{שחר}} כבר הייתי בדרך לחיפה 😴 הפגישה עם ד\"ר [[PERSON|גלית בירנבאום]] זזה ל{{11:15}}. תעדכן את [[PERSON|ז'רום]] שלא יגיע סתם",
    ),
    (
        "crm_note",
        "hebrew",
        "[[PERSON|ג'ולי אזולאי]], עולה מצרפת, בעלים של {{סטודיו לה פלור}} בנתניה. מדברת עברית בסיסית, עדיף צרפתית או אנגלית. מחפשת כלי לניהול לקוחות קטן, {{3 משתמשים}}. טלפון [[PHONE|09-8843310]], נייד [[PHONE|053-7262041]]. {{מזל}} שתפסתי אותה לפני שנסעה לפריז ל{{חודשיים}}.",
    ),
    (
        "assistant_request",
        "hebrew",
        "תכין לי טיוטת הצעת מחיר למר [[PERSON|עזרא יחיא]] מ{{יחיא ובניו}}, 8 רישיונות {{Basic}}, הנחה של {{10%}} אם חותמים עד {{סוף החודש}}. הכתובת למשלוח החוזה: [[ADDRESS|רחוב הרב קוק 14, קריית עקרון]]",
    ),
    (
        "handover_note",
        "hebrew",
        "[[PERSON|עדי]] היקרה, לפני שאני יוצא לחל\"ד הנה מה שפתוח אצלי:\n- [[PERSON|אבבה ורקו]] מ{{עמותת טבקה}} – מחכה לאישור תקציב מהוועד, הוא יחזור אלייך. מייל: [[EMAIL|abebe.w@tebeka.org.il]]\n- [[PERSON|מזל]] (כן, זה השם שלה 🙂) ממשרד רו\"ח {{דהן את שות'}}. היא רוצה הדרכה נוספת. [[PHONE|08-9341250]]\n- [[PERSON|ראניה ג'בארין]] מאום אל פחם – לקוחה חדשה, חתמה בשבוע שעבר, צריך לשלוח לה חשבונית. ת.ז. לחשבונית [[IL_ID|099603086]]\nבהצלחה!! \n[[PERSON|אלון]]",
    ),
    (
        "complaint_ticket",
        "hebrew",
        "נושא: חיוב כפול – דחוף\nמאת: [[PERSON|שמחה רוזנטל]]\nשלום רב, חויבתי פעמיים על חודש {{ניסן}}. אבקש החזר לחשבון [[IBAN|IL60 0124 7800 0000 0995 289]]. אפשר לחזור אליי בשעות הבוקר ל-[[PHONE|02-5379961]].\nבברכה ו{{שמחה}} לקראת החג",
    ),
    (
        "meeting_summary",
        "hebrew",
        "סיכום זום עם {{אוניברסיטת בן גוריון}}\nמשתתפים: פרופ' [[PERSON|ענבל שגיא]], [[PERSON|מאיר אלקבץ]] (מערכות מידע), [[PERSON|דנה]] מהרכש\n- [[PERSON|ענבל]] רוצה פיילוט במחלקה אחת לפני שנכנסים לכל הקמפוס\n- [[PERSON|מאיר]] שאל על SSO מול {{Azure AD}}\n- [[PERSON|דנה]]: כל רכישה מעל {{₪50,000}} עוברת ועדת מכרזים\nצעד הבא: לשלוח ל[[PERSON|דנה]] טפסי ספק עד {{יום ראשון}}",
    ),
    (
        "contact_list",
        "hebrew",
        "רשימת לקוחות באזור הצפון (ללא מייל):\n1. [[PERSON|עאמר חסון]], דלית אל כרמל – [[PHONE|04-8391174]]\n2. [[PERSON|ניזאר קבלאן]], בית ג'ן – [[PHONE|052-6410388]]\n3. [[PERSON|אמל טאפש]], ירכא – [[PHONE|054-4927731]]\n4. [[PERSON|סוהיל]] – מנהל חנות {{סופר אבו אחמד}}, [[PHONE|04-9969320]]\n5. [[PERSON|מוחמד עבד אל קאדר]], נצרת – בעלים של {{קפה אל בלד}}",
    ),
    (
        "email_draft",
        "hebrew",
        "[[PERSON|חיים]] שלום,\n\nבהמשך לשיחתנו, אני שמח לעדכן שההנהלה אישרה את ההנחה. כפי שסיכמנו, ההסכם יחל ב-{{1 ביולי}} ויחודש אוטומטית.\n\nאשמח אם תעביר את פרטי איש הקשר מהכספים. אם זה עדיין [[PERSON|פנינה]], תודה שתאשר את המייל שלה: [[EMAIL|pnina.h@ofek-systems.co.il]]\n\n{{שבוע טוב}} ו{{בריאות}},\n[[PERSON|אליהו טובי]]",
    ),
    (
        "crm_note",
        "hebrew",
        "לא לשכוח – [[PERSON|טל]] מ{{אגד}} עברה תפקיד, עכשיו היא {{מנהלת חדשנות}}. המחליף שלה [[PERSON|יגאל ברדוגו]], לא מכיר אותנו בכלל. לתאם היכרות. הנייד הישן של [[PERSON|טל]] [[PHONE|052-8806351]] עדיין פעיל.",
    ),
    (
        "task_list",
        "hebrew",
        "לעשות מחר:\n- לחזור ל[[PERSON|ששון]] מאבן יהודה\n- להוציא חשבונית ל{{נועם הפקות}} (החברה, לא לאדם!)\n- לבקש מ[[PERSON|שירה]] את הסיסמה לפורטל של {{שופרסל}} – היא שלחה בוואטסאפ: [[SECRET|Shufer$al2023]]\n- לסגור פגישה עם [[PERSON|איתי]] ו[[PERSON|גלית]] – לא, רק עם [[PERSON|גלית]], [[PERSON|איתי]] בחופשה",
    ),
    (
        "whatsapp",
        "hebrew",
        "[[PERSON|יענקי]] שלום, מה שלומך? רציתי לשאול אם אפשר לקבוע לפגישה אחרי {{שבועות}}. אם נוח לך אפשר גם בטלפון [[PHONE|077-4403321]]. כל טוב ו{{בשורות טובות}}",
    ),
    (
        "billing_details",
        "hebrew",
        'עדכון פרטי תשלום – {{גלובל סחר בע"מ}}\nאיש קשר לתשלומים: [[PERSON|אסנת דהן]]\nמייל לחשבוניות: [[EMAIL|osnat.dahan@global-sachar.co.il]]\nחשבון לזיכוי: [[IBAN|IL18 0117 7000 0000 0078 666]]\nמספר ח.פ. {{514287306}}\nכתובת לחשבונית: [[ADDRESS|דרך מנחם בגין 132, קומה 21, תל אביב]]',
    ),
    (
        "call_notes",
        "hebrew",
        "[[PERSON|ישראל]] מהמחסן אמר שהמשלוח ל{{ישראל}} יצא רק ב{{יום שני}}, לא ב{{יום ראשון}} כמו שהבטחנו. הלקוחה [[PERSON|שני]] לא מרוצה, ביקשה פיצוי. התקשרתי אליה ב-[[PHONE|054-7028813]], הצעתי חודש חינם, היא חושבת על זה.",
    ),
    (
        "crm_note",
        "hebrew",
        '{{אמל"ק}}: הלקוח לא מוכן לשלם יותר מ-{{₪2,000}} לחודש. [[PERSON|אורן]] חושב שאפשר למשוך אותו ל-{{₪2,400}} אם נוסיף את מודול הדיוור. אין טעם להתעקש עכשיו, חוזרים אליו ב{{אוגוסט}}.',
    ),
    (
        "shipping_details",
        "hebrew",
        "כתובת למשלוח הציוד:\n[[PERSON|צביקה הלוי]], [[ADDRESS|סמטת השקד 3, מושב בית שקמה]]\nטלפון בבית: [[PHONE|08-6725109]]\nהערה: הכלב נובח, לא להיבהל. לא להשאיר ליד השער אלא להתקשר. אם אין מענה – להשאיר אצל השכן [[PERSON|מוטי]].",
    ),
    (
        "assistant_request",
        "hebrew",
        "מה הסטטוס של הליד [[PERSON|ויקטוריה גורביץ']]? ראיתי שנכנסה לאתר מה-IP [[IP_ADDRESS|212.179.40.118]] שלוש פעמים השבוע, אולי כדאי להתקשר? תכתוב לי משפט פתיחה לשיחה",
    ),
    (
        "meeting_summary",
        "hebrew",
        "פגישה בבאר שבע עם {{חברת ים המלח}} – {{חמישי 14:00}}\n[[PERSON|סלים אלעטאונה]] – {{מהנדס ראשי}}, רוצה דשבורד אחד לכל האתרים\n[[PERSON|רות יוסף]] – מנהלת הפרויקט\nהם שאלו על גיבוי מקומי. הבטחתי תשובה עד {{יום ראשון}}. [[PERSON|סלים]] ביקש שנשלח לו ישירות ל-[[EMAIL|salim.atauna@dsw-minerals.co.il]] ולא דרך [[PERSON|רות]].",
    ),
    (
        "email_draft",
        "hebrew",
        'לכבוד\nהרב [[PERSON|שמואל אלימלך פרידמן]]\n[[ADDRESS|רחוב חזון איש 41, בני ברק]]\n\nהנדון: חידוש מנוי\n\nבהמשך לשיחתנו הטלפונית, מצ"ב טופס החידוש לשנת {{תשפ"ה}}. התשלום יבוצע ב-{{3 תשלומים}} כפי שביקשת.\n\nלכל שאלה ניתן לפנות אליי במספר [[PHONE|052-7612008]].\n\nבכבוד רב,\n[[PERSON|מנחם]]\n{{מחלקת שירות לקוחות}}',
    ),
    (
        "call_notes",
        "arabic",
        "كلمت [[PERSON|أم سعيد]] صاحبة محل العبايات في {{العين}}. {{عيد سعيد}} قالت لي أول ما رديت 😄 المهم تبي نظام نقاط بيع بسيط مش CRM. بنتها [[PERSON|شما]] هي اللي بتتابع، رقمها [[PHONE|050 774 3129]].",
    ),
    (
        "crm_note",
        "arabic",
        'الليد: [[PERSON|يوسف الطرابلسي]] – {{صفاقس}}، {{تونس}}\nشركة تصدير زيت زيتون، 40 موظف. يحكي بالفرنسي أكثر. قال إنو "{{le budget}} موجود بس لازم موافقة {{le PDG}}". الـPDG اسمو [[PERSON|منصف بن عمر]]. تليفون المكتب [[PHONE|+216 74 402 118]].',
    ),
    (
        "whatsapp",
        "arabic",
        "[[PERSON|فرح]] شو صار مع الزبون؟ أنا عندي {{فرح}} بنت خالتي {{السبت}} وما رح كون عالتلفون. إذا اتصل [[PERSON|أبو جورج]] قوليلو إني برجعلو {{الأحد}}.",
    ),
    (
        "email_draft",
        "arabic",
        "السيد [[PERSON|عمر المجالي]] المحترم،\n\nبالإشارة إلى اجتماعنا في مكاتبكم بـ{{عمّان}} يوم {{الأربعاء}} الموافق {{12 حزيران}}، يسعدنا أن نرسل لكم العرض النهائي لمنصة {{SalesHub}} بعدد {{60 مستخدم}}.\n\nيرجى توجيه أي استفسارات إلى زميلتي [[PERSON|لينا العبادي]] على [[EMAIL|lina.abbadi@saleshub-me.com]].\n\nوتفضلوا بقبول فائق الاحترام،\n[[PERSON|طارق حمدان]]",
    ),
    (
        "handover_note",
        "arabic",
        "ملاحظات تسليم من [[PERSON|بشرى]] (منتقلة لفرع {{الدمام}}):\nالعملاء في {{جدة}}:\n• م. [[PERSON|عبدالرحمن باعشن]] – {{مصنع باعشن للبلاستيك}}، جوال [[PHONE|0504 618 275]]، يفضل الاتصال بعد {{العصر}}\n• [[PERSON|هند الزهراني]] – مسؤولة المشتريات في {{مستشفى الصفا}}، إيميل [[EMAIL|hind.zahrani@alsafa-hosp.sa]]\n• [[PERSON|أبو ماجد]] – ما عنده إيميل أصلاً، فقط جوال [[PHONE|0555 902 164]]\nالاشتراكات كلها تتجدد في {{ذو القعدة}}.",
    ),
    (
        "complaint_ticket",
        "arabic",
        "رقم البلاغ: {{CS-10457}}\nاسم العميل: [[PERSON|جاسم محمد الكندري]]\nرقم الهاتف: [[PHONE|6652 1187]]\nالبريد: [[EMAIL|jassim.k@q8mail.com]]\nالوصف: النظام يرسل رسائل SMS للعملاء الساعة {{3 الفجر}}! العميل زعلان جداً، وطلب تعويض. يرجى الرد خلال {{24 ساعة}}.",
    ),
    (
        "assistant_request",
        "arabic",
        "ابغاك تكتب رسالة شكر للشيخ [[PERSON|حمد بن جاسم آل ثاني]]... لا لحظة، مو هو 😅 قصدي [[PERSON|حمد الكبيسي]] من {{شركة قطر للتأمين}}. شكره على الاجتماع وذكّره بموعد التوقيع {{الأحد}} الجاي",
    ),
    (
        "billing_details",
        "arabic",
        "معلومات الدفع للمورد:\nاسم صاحب الحساب: [[PERSON|نايف سعد القرني]]\nالبنك: {{مصرف الراجحي}}\nIBAN: [[IBAN|SA04 8026 5167 6122 2029 7299]]\nالمبلغ المستحق: {{SAR 36,750}}\nتاريخ الاستحقاق: {{15 محرم}}",
    ),
    (
        "meeting_summary",
        "arabic",
        "محضر اجتماع – {{الأحد 9 صباحاً}} – {{أبوظبي}}\nالحضور: [[PERSON|مطر سالم النعيمي]] ({{مدير تقنية المعلومات}})، [[PERSON|حصة]] من الموارد البشرية، [[PERSON|فيصل]] من فريقنا.\nالنقاط:\n- يحتاجون دعم اللغة العربية في التقارير\n- يبون الاستضافة داخل الدولة\n- حصة طلبت تدريب لـ{{15 موظف}}\nالخطوة القادمة: زيارة موقع {{الخميس}} على العنوان [[ADDRESS|مبنى 14، شارع الفلاح، حي الظفرة، أبوظبي]]",
    ),
    (
        "contact_list",
        "arabic",
        "أرقام مهمة – فرع {{الكويت}}\n[[PERSON|مشعل]]: [[PHONE|+965 5589 0032]]\n[[PERSON|دلال الرشيدي]]: [[PHONE|+965 9671 2248]] (واتساب فقط)\n[[PERSON|سانجاي]] المحاسب: [[EMAIL|sanjay.menon@alnaser-group.com.kw]]\n[[PERSON|ريما]]: مكتب [[PHONE|2245 7810]]",
    ),
    (
        "crm_note",
        "arabic",
        "{{كريم}} جداً العميل، عزمنا على غدا بعد الاجتماع 😂 بس بالنسبة للصفقة: [[PERSON|كريم عبد السلام]] ({{مدير فرع}} {{الإسكندرية}}) يقول لازم موافقة المركز الرئيسي. موبايله [[PHONE|01156230874]].",
    ),
    (
        "shipping_details",
        "arabic",
        "عنوان التوصيل:\n[[PERSON|سعيد بن حمد المعمري]]\n[[ADDRESS|فيلا 12، شارع 18، حي الراشدية، دبي]]\nهاتف: [[PHONE|+971 52 418 7706]]\nملاحظة: الاستلام من الحارس [[PERSON|رفيق]] إذا ما في أحد بالبيت. التوصيل بعد {{صلاة العصر}}.",
    ),
    (
        "call_notes",
        "arabic",
        "حكيت مع [[PERSON|جورج خوري]] من {{زحلة}}، بيشتغل بتوزيع النبيذ. مبسوط من التجربة المجانية بس بدو الفاتورة بالدولار ({{fresh dollars}} هيك قال). الخط الأرضي [[PHONE|08 812 340]]، الخلوي [[PHONE|71 552 304]].",
    ),
    (
        "task_list",
        "arabic",
        "قائمة {{الأسبوع الجاي}}:\n- تجديد عقد [[PERSON|أبو فهد]] (ينتهي {{1 رجب}})\n- الرد على ايميل [[PERSON|ضحى]] بخصوص الخصم\n- تحضير عرض {{Premium}} لـ{{هيئة كهرباء ومياه دبي}}\n- إرسال تهنئة {{المولد النبوي}} للعملاء\n- الاتصال بـ[[PERSON|رجب]] مندوب الشحن على [[PHONE|+20 12 7456 3302]]",
    ),
    (
        "email_draft",
        "arabic",
        "أستاذة [[PERSON|هبة]]، صباح الخير\n\nمرفق لحضرتك عقد الخدمة بعد التعديلات اللي طلبها أ. [[PERSON|محمود]]. ياريت التوقيع والرجوع قبل {{يوم الخميس}} علشان نلحق نفعّل الحسابات أول {{الشهر}}.\n\nلو في أي استفسار كلميني على [[PHONE|01098432715]].\nشكراً،\n[[PERSON|مصطفى]]",
    ),
    (
        "whatsapp",
        "arabic",
        "يا [[PERSON|حمود]] العميل العماني [[PERSON|سالم الحارثي]] يسأل عن الفاتورة، الإيميل حقه [[EMAIL|salim.harthy@omantel.net.om]]. أرسلها له قبل {{الظهر}} لو تكرمت",
    ),
    (
        "crm_note",
        "arabic",
        "ملاحظة: {{السعادة}} واضحة على العميل بعد العرض 😅 بس ما في شي رسمي. المسؤول عنده اسمه [[PERSON|أمل الحسيني]] – رجل مش امرأة، انتبهوا بالمراسلات. رقمه المباشر [[PHONE|+962 6 551 2390]].",
    ),
    (
        "complaint_ticket",
        "arabic",
        "التذكرة: {{#58831}}\nمن: [[PERSON|ياسمين الشريف]]، {{الرباط}}\nتقول إن الفاتورة فيها اسم شركة غلط وعنوان غلط. العنوان الصحيح: [[ADDRESS|12 زنقة الجزائر، حسان، الرباط]]. هاتف: [[PHONE|+212 661 305 842]]",
    ),
    (
        "crm_note",
        "hebrew",
        "ביקור בסניף באילת. ה{{ים}} מדהים אבל הלקוח פחות 😬 [[PERSON|ים כהן]] ({{מנהל הסניף}}) אומר שההנהלה בתל אביב מחליטה הכל. מספר של ההנהלה: [[PHONE|03-7719402]], לבקש את [[PERSON|רוני]].",
    ),
    (
        "whatsapp",
        "hebrew",
        "תגיד ל[[PERSON|נועם]] שהלקוח דיבר איתי ב{{נועם}} רק בגלל שהוא יודע שאנחנו מתחרים מול {{פריוריטי}} 😂 בקיצור צריך לשלוח הצעה עד {{מחר בבוקר}}",
    ),
    (
        "call_notes",
        "hebrew",
        "הלקוח ביקש שנחזור אחרי {{סוכות}}. כרגע כולם ב{{שמש}} באילת חח. איש הקשר: [[PERSON|אריאל שמש]], [[PHONE|054-8815036]]. מחליף שלו בזמן החופש: [[PERSON|אביטל]].",
    ),
    (
        "assistant_request",
        "mixed",
        "תבנה לי רשימה של כל הלידים ש-{{source = LinkedIn}} ונפתחו ב{{מרץ}}, ותוסיף את [[PERSON|גבריאלה רודריגס]] ידנית – היא הגיעה מהכנס ב{{Web Summit}} ולא נכנסה למערכת. המייל שלה [[EMAIL|gabriela.rod@nubank-partners.com]]",
    ),
    (
        "handover_note",
        "mixed",
        "העברה ל[[PERSON|מוחמד]] – הלקוחות הערביים שלי:\n1. [[PERSON|איאד מנסור]] מטייבה – בעל רשת {{מאפיות אלנור}}. مرة بيحكي عبري ومرة عربي, תלוי במצב רוח. [[PHONE|050-6618823]]\n2. [[PERSON|סמאח עודה]] – {{מנהלת כספים}} ב{{מרכז רפואי אלאמל}} בנצרת. ت.ز. לחשבוניות: [[IL_ID|146281944]]\n3. [[PERSON|אבו סאמר]] – לא לשכוח לברך אותו ב{{עיד אלאדחא}}, הוא מאוד מעריך את זה.",
    ),
    (
        "complaint_ticket",
        "hebrew",
        'קריאה {{#30218}}\nשם: [[PERSON|אולגה פטרנקו]]\nטלפון: [[PHONE|053-9014478]]\nמייל: [[EMAIL|olga.petrenko77@gmail.com]]\nתיאור: הלקוחה כתבה ברוסית ובעברית: "Я не могу войти в систему, כבר שבוע!!!". ניסיתי לאפס סיסמה, לא מגיע לה המייל. היא ביקשה לשלוח לבת שלה [[PERSON|אנה]] ל-[[EMAIL|anna.p@walla.com]]. לוודא זהות לפני.',
    ),
    (
        "billing_details",
        "hebrew",
        "ת.ז. [[IL_ID|119935187]] – [[PERSON|מלכה טובה שטרן]]\nכרטיס אשראי להוראת קבע: [[CREDIT_CARD|5326-7801-7598-9832]] תוקף {{09/27}}\nסכום חודשי: {{₪189}}\n*הלקוחה הקריאה את הפרטים בטלפון, למחוק מההערות אחרי שמזינים למערכת הסליקה*",
    ),
    (
        "meeting_summary",
        "hebrew",
        "פגישת צוות מכירות – {{יום א' 09:00}}\n- [[PERSON|עמית]] סגר את {{הראל}} 🎉 {{₪240K}} ARR\n- כל {{עמית}} לצוות שיש לו ליד תקוע מעל {{30 יום}} – להעביר ל[[PERSON|ענת]]\n- יעד {{רבעון 3}}: {{₪1.2M}}\n- [[PERSON|דודו]] בחופש עד {{ט\"ו באב}}",
    ),
    (
        "contact_list",
        "arabic",
        "قائمة عملاء {{الشارقة}} (مكتوبة بخط اليد وتم تصويرها):\n[[PERSON|محمد رفيق الإسلام]] – بنغالي، {{مدير مستودع}} – [[PHONE|055 214 8830]]\n[[PERSON|جوزيف فرنانديز]] – [[PHONE|06 556 2210]]\n[[PERSON|أنيل ثابا]] – نيبالي، أمن – ما عنده رقم\n[[PERSON|منى]] – المحاسبة – [[EMAIL|mona@sharjah-textiles.ae]]\n[[PERSON|عبدالله الشامسي]] – صاحب الشركة – عن طريق [[PERSON|منى]] فقط",
    ),
    (
        "email_draft",
        "arabic",
        "مرحبا [[PERSON|هدى]]،\n\nشكراً على الاجتماع الصباح. حبيت أأكد إنو الأسعار اللي ناقشناها صالحة لغاية {{31 كانون الأول}}. الأسعار بالدولار، وفي خصم {{5%}} إذا الدفع سنوي.\n\nبانتظار ردك،\n[[PERSON|وسيم]]\n{{مدير حسابات}} – {{سوريا ولبنان}}",
    ),
    (
        "crm_note",
        "arabic",
        'العميل قال: "{{منى}} عيني أشتغل معكم بس السعر عالي". المهم نرجع له بعد {{تشرين}}. رقم الشركة [[PHONE|+963 11 331 4470]]، اطلب [[PERSON|أبو وائل]].',
    ),
    (
        "whatsapp",
        "arabic",
        "[[PERSON|هدى]] صباح الخير، الله يهديهم، العميل غير رأيه للمرة الثالثة. خليني أكلم د.[[PERSON|حسام]]... قصدي {{مدير المبيعات}} عندهم، اسمه [[PERSON|حسام الدين]]. عندك رقمه؟",
    ),
    (
        "shipping_details",
        "arabic",
        "الشحنة رقم {{SHP-88014}}\nالمرسل إليه: [[PERSON|بدر بن ناصر السبيعي]]\nالعنوان: [[ADDRESS|طريق الملك فهد، حي العليا، مبنى 7321، الرياض 12214]]\nالجوال: [[PHONE|0598 330 417]]\nالدفع: {{عند الاستلام}}",
    ),
    (
        "assistant_request",
        "arabic",
        "ترجم لي ملاحظات الاجتماع مع [[PERSON|نوف الحربي]] للإنجليزي، وشيل أرقام الجوالات منها قبل ما ترسلها لـ[[PERSON|Mark]] في المركز الرئيسي. [[PERSON|نوف]] من {{نيوم}} وقالت إن المشروع يبدأ {{الربع الأول}}",
    ),
    (
        "call_notes",
        "arabic",
        "[[PERSON|أنس]] من {{البحرين}} اتصل. عنده 3 فروع ويبي عرض لكل فرع. ما عندي ايميله، رقمه [[PHONE|+973 3645 2219]]. قال اتصلوا بعد {{صلاة الجمعة}}.",
    ),
    (
        "handover_note",
        "hebrew",
        '[[PERSON|אסף]], אני יוצאת למילואים, אז הנה:\n- [[PERSON|בתיה]] מ{{ביטוח ישיר}} – חוזה אצל היועמ"ש, תזכורת ב{{יום שלישי}}\n- [[PERSON|יוחאי בן שושן]] – עסקה מתה, לא לבזבז זמן\n- [[PERSON|ורד]] מ{{ורד הגליל}} – רוצה הנחה של {{15%}}, לא לתת יותר מ-{{10%}}. [[PHONE|052-3074418]]\nהסיסמה לדשבורד של {{HubSpot}} של הצוות: [[SECRET|Tzevet!Mechirot24]]',
    ),
    (
        "crm_note",
        "hebrew",
        "[[PERSON|מולוגטה]] (קוראים לו [[PERSON|מולו]]) מ{{קבוצת פז}}, איש קשר חדש. אתיופי, מאוד נחמד, עושה עבודה רצינית. מבקש מצגת בעברית ולא באנגלית. קבענו ל{{יום ד'}} ב-{{13:00}}, [[ADDRESS|דרך השלום 53, גבעתיים]], קומה 8.",
    ),
    (
        "meeting_summary",
        "arabic",
        "اجتماع مع {{بنك مسقط}} – {{الإثنين}}\nالحاضرون: [[PERSON|خليل البلوشي]]، [[PERSON|زينب اللواتية]]، ومن طرفنا [[PERSON|راهول]]\n- البنك يبي تكامل مع نظامهم الداخلي\n- [[PERSON|زينب]] طلبت نسخة عربية من العقد\n- الموعد النهائي قبل {{العيد الوطني}}",
    ),
    (
        "whatsapp",
        "mixed",
        "[[PERSON|Hamad]] 7abibi, el client [[PERSON|Bu Saoud]] y9ol 3ndhom meeting {{bukra}} 9ba7, ana ma a9daq awasel {{Al Ain}} 9 el 9ob7 😩 t9dar trooo7 inta? raqmah [[PHONE|050 442 8761]]",
    ),
    (
        "whatsapp",
        "mixed",
        "Salam [[PERSON|Karim]], l client dyal {{Tanger}} bgha devis {{avant vendredi}}, smito [[PERSON|Hicham El Idrissi]], l numéro [[PHONE|06 61 77 42 18]]. 3afak sift lih {{l'offre Pro}} b dirham machi b euro",
    ),
    (
        "crm_note",
        "anglo",
        "Met [[PERSON|Dana Levi]] and [[PERSON|Moshe Ben-David]] at the {{Cybertech}} booth. [[PERSON|Moshe]] is {{VP Sales}}, [[PERSON|Dana]] runs {{SDR}} team (12 people). Pain: leads from Hebrew landing pages get mangled in their current tool. Follow-up in {{two weeks}}, after {{Yom Kippur}}.",
    ),
    (
        "tool_result",
        "mixed",
        '{"contacts": [{"name": "[[PERSON|Rawan Saleh]]", "title": "{{Marketing Director}}", "company": "{{Zain KSA}}", "mobile": "[[PHONE|+966 59 614 2087]]", "email": "[[EMAIL|rawan.saleh@zain-ksa-partners.com]]", "city": "{{Riyadh}}"}, {"name": "[[PERSON|Ahmed Nabil]]", "title": "{{Procurement Lead}}", "company": "{{Zain KSA}}", "mobile": "[[PHONE|+966 55 309 7718]]", "email": null, "city": "{{Jeddah}}", "last_ip": "[[IP_ADDRESS|188.48.221.9]]"}], "total": 2}',
    ),
    (
        "csv_export",
        "mixed",
        "full_name,company,phone,email,stage,owner\n[[PERSON|Osher Malka]],{{Malka Group}},[[PHONE|052-6631907]],[[EMAIL|osher@malkagroup.co.il]],{{Proposal}},[[PERSON|Liron]]\n[[PERSON|Dror Ashkenazi]],{{Ashkenazi Law}},[[PHONE|03-5471236]],[[EMAIL|dror@ashk-law.co.il]],{{Qualified}},[[PERSON|Liron]]\n[[PERSON|Tigist Bekele]],{{Bekele Catering}},[[PHONE|054-9327105]],,{{New}},[[PERSON|Yoni]]\n[[PERSON|Sergei Volkov]],{{Volkov Tech}},[[PHONE|+972-58-4470912]],[[EMAIL|s.volkov@volkovtech.io]],{{Closed Won}},[[PERSON|Yoni]]",
    ),
    (
        "email_draft",
        "south_asian",
        "Dear Mr. [[PERSON|Venkataraman]],\n\nThank you for your time on {{Thursday}}. I understand that {{Lulu Group}} is evaluating two other vendors and that the final decision rests with Ms. [[PERSON|Anjali Nair]] in the {{Kochi}} office.\n\nAttached is our proposal for {{200 seats}} across the GCC stores. If helpful, I can arrange a call with our Indian implementation partner, [[PERSON|Suresh Pillai]], who worked with {{Lulu}} on the previous rollout.\n\nKind regards,\n[[PERSON|Abdulrahman Al Mansoori]]\n{{Key Account Manager}}, {{UAE}}",
    ),
    (
        "call_notes",
        "filipino",
        "Talked to [[PERSON|Jhun-Jhun Reyes]] (front office, {{Rotana}} Dubai). He said the {{GM}}, Mr. [[PERSON|Patrick O'Neill]], approves anything above {{AED 10,000}}. [[PERSON|Jhun-Jhun]] gave me his personal Viber [[PHONE|+971 58 260 3419]], prefers chat. Tagalog is fine if I want, haha.",
    ),
    (
        "meeting_summary",
        "mixed",
        "Quarterly business review – {{Majid Al Futtaim}} – {{Tue 12 Nov}}\n\nAttendees (client): [[PERSON|Khalid bin Saif Al Nuaimi]] ({{Director, Digital}}), [[PERSON|Rania El Masry]] ({{Senior Manager, CRM}}), [[PERSON|Tom Barker]] (consultant)\nAttendees (us): [[PERSON|Neta]], [[PERSON|Ido]], [[PERSON|Sameer]]\n\n1. Adoption: {{78%}} weekly active users, up from {{61%}}. [[PERSON|Rania]]'s team in {{Cairo}} lags behind; she says it's the Arabic date pickers (Hijri vs Gregorian) and asked if we can default to Gregorian with Hijri in brackets.\n2. Expansion: [[PERSON|Khalid]] wants the {{Analytics add-on}} for the {{Saudi}} entity but needs a local invoice in {{SAR}}. Billing contact for KSA is [[PERSON|Lamia Al Saud]], [[EMAIL|lamia.alsaud@maf-ksa.com]]; [[PERSON|Tom]] will share her phone separately (don't put it in the notes, he said).\n3. Issues: two outages in {{September}} (see {{INC-2209}}, {{INC-2231}}). [[PERSON|Khalid]] was polite but clear: a third one before renewal and they go to tender.\n4. Renewal: current contract ends {{March 31}}. [[PERSON|Ido]] to prepare options: 2-year with {{8%}} uplift cap vs 1-year flat.\n5. Random: [[PERSON|Rania]] is moving to the {{Dubai}} office in {{January}}; her replacement in Cairo will be [[PERSON|Mahmoud Fathy]].\n\nAction items: [[PERSON|Neta]] – send recap by {{Thursday}}; [[PERSON|Sameer]] – Hijri date fix estimate; [[PERSON|Ido]] – renewal options by {{Nov 30}}.",
    ),
    (
        "crm_note",
        "mixed",
        "Inbound lead: Adv. [[PERSON|Yael Bar-On]] from {{Herzog Fox}} (not sure, maybe another firm). IP [[IP_ADDRESS|109.67.14.203]] resolves to Tel Aviv. Filled form at {{02:14}} AM 😅 phone on form: [[PHONE|054-2209163]]. תתקשר אליה אחרי {{10:00}}, לא לפני.",
    ),
    (
        "handover_note",
        "african",
        "Before I go on leave – Sudan/Egypt accounts:\n- [[PERSON|Osman Abdelrahim]] ({{Khartoum}} office closed, he's now in {{Cairo}}). New number [[PHONE|+20 10 2273 8841]], old Sudanese one [[PHONE|+249 91 234 5678]] doesn't work.\n- [[PERSON|Amna]], his partner in the business. She signs the contracts.\n- Mr. [[PERSON|Girgis]] – {{Alexandria}}, pays late every quarter, be patient.",
    ),
    (
        "tool_result",
        "mixed",
        'lead_lookup(id={{L-48812}}) →\nname: [[PERSON|Fatma Yilmaz-Haddad]]\ncountry: {{Israel}}\nphone: [[PHONE|+972 50 312 9048]]\nstage: {{Demo scheduled}}\nnotes: "Wants to see the Hebrew + Arabic UI side by side. Husband [[PERSON|Wael]] also in the meeting."\ncreated_by: [[PERSON|Moran B.]]',
    ),
    (
        "config_leak",
        "anglo",
        "hey can you check why the sync is failing? here's the .env from the Israeli tenant:\nDATABASE_URL=postgres://crm_admin:[[SECRET|Qw7!rTz9#Ahv]]@db.internal:5432/crm_il\nOPENAI_API_KEY=[[SECRET|sk-proj-4fJq8LmZtR2wXe9VbN1yKcD7pHsA0uGi]]\nSUPPORT_EMAIL={{support@ourcrm.co.il}}\nowner: [[PERSON|Ronen]]",
    ),
    (
        "crm_note",
        "anglo",
        'Pricing page update: rename "{{Grace}}" tier to "{{Essentials}}", keep "{{Hope}}" as the free plan for NGOs. Marketing wants it live by {{May 1}}. No customer impact.',
    ),
    (
        "pasted_contact_card",
        "mixed",
        "--\nEng. [[PERSON|Tariq Al-Zadjali]]\n{{Head of Infrastructure}} | {{Oman Broadband}}\nM: [[PHONE|+968 9955 0173]] | T: [[PHONE|+968 2412 8800]]\nE: [[EMAIL|tariq.zadjali@omanbroadband.om]]\n[[ADDRESS|P.O. Box 1720, PC 133, Al Khuwair, Muscat]]",
    ),
    (
        "whatsapp",
        "mixed",
        "ya [[PERSON|Rami]] shu sar m3 [[PERSON|Abu Elias]]? 2alli bado yfakker la ba3d {{Easter}}. 3tino {{20%}} w khalasna, ana 5alas ta3ban 😂 raqamo 3ndak: [[PHONE|+961 70 418 225]]",
    ),
    (
        "email_draft",
        "mixed",
        "Hi [[PERSON|Avi]],\n\nFollowing up on the {{Monday.com}} migration – [[PERSON|Sivan]] from your team mentioned that the import failed on the Hebrew columns. Could you export again as {{UTF-8}} and share it through the secure link (not email, it has ID numbers)?\n\nFor the record, the one row that failed was [[PERSON|Eliyahu Nagar]], ID [[IL_ID|090937863]] – the name was reversed (RTL issue).\n\nThanks,\n[[PERSON|Tamar]]",
    ),
    (
        "assistant_request",
        "mixed",
        "write a cold email to [[PERSON|Sheikha Al Mazrouei]] ({{Head of Procurement}}, {{ADNOC Distribution}}) — she liked our LinkedIn post about {{Arabic NLP}}. Tone: respectful, not pushy. Sign it as [[PERSON|Ahmed]] from the Dubai office",
    ),
    (
        "call_notes",
        "mixed",
        'שיחה עם [[PERSON|ג\'מאל אבו אחמד]] מכפר קאסם – בעל {{מוסך אלאמין}}. דיברנו חצי עברית חצי ערבית: "بدي نظام بسيط، مش كل هالشغلات". רוצה תזכורות SMS ללקוחות לטיפולים. [[PHONE|052-2841576]]. בן דוד שלו [[PERSON|עלי]] ב{{טירה}} גם אולי מעוניין. {{جميل}} מאוד, לחזור אליו אחרי {{العيد}}.',
    ),
]
