# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool J: prompts a sales CRM's AI features send for teams in Israel, the UAE and beyond
(lead summaries, call notes, email drafts, chat history, JSON records, CSV exports, tool results
as they arrive in OpenAI tool messages, meeting transcripts, tickets, Slack threads, calendar
invites, system prompts with account context, deal notes, WhatsApp exports and web forms).

Written without reading the detector, its tests or the other corpora. Roughly 40% English,
30% Hebrew, 25% Arabic (Gulf, Levantine, Egyptian, Maghrebi) and 5% code-switched
(Hebrew+English, Arabic+English, Arabizi). People are Israeli (Ashkenazi, Mizrahi, Ethiopian,
Russian-speaking, Druze, Arab-Israeli), Emirati, Saudi, Kuwaiti, Egyptian, Jordanian, Lebanese,
Palestinian, Moroccan, Algerian, Tunisian, Indian, Pakistani, Filipino, Nigerian, Kenyan,
Ghanaian, British, Irish, American, French, German, Brazilian, Chinese, Japanese and Ukrainian.
Many names double as ordinary words (שחר, טל, ים, אור, חן, שני, אלה; أمل، نور، سعيد، كريم، جميل;
Grace, Hope, Will, Bill, Mark, Rose, Summer, Hunter, Joy, Precious) and appear with glued
Hebrew/Arabic prefixes, possessives, honorifics, emoji, lower case and inside escaped JSON.
Israeli IDs carry valid check digits, IBANs valid mod-97 checksums, card numbers pass Luhn and
every phone number passes phonenumbers.is_valid_number for its country.
The culture field is "<language>/<origin of the people named>".
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------------ lead_summary
    (
        "lead_summary",
        "english/emirati",
        "Summarize this inbound lead in 4 bullets and suggest a next step.\n\nLead owner: [[PERSON|Rania Haddad]]\nContact: Sheikh [[PERSON|Hamdan bin Rashid Al Falasi]]\nTitle: {{Chairman}}\nCompany: {{Al Falasi Holding LLC}}\nOffice: [[ADDRESS|Office 1203, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]]\nMailing: [[ADDRESS|P.O. Box 118274, Dubai]]\nMobile: [[PHONE|+971 50 418 7723]]\nEA: [[PERSON|Mariam]] ([[EMAIL|mariam.k@alfalasiholding.ae]]), office [[PHONE|+971 4 329 6610]]\nIP location: {{Dubai}}, {{United Arab Emirates}} ([[IP|94.200.173.41]])\nInterest: {{Enterprise plan}}, 120 seats, {{Arabic RTL}} dashboards. Budget {{AED 450,000}}. Wants a demo before {{Eid al-Adha}}. [[PERSON|Mariam]] said the Sheikh prefers meetings on {{Sunday}} mornings.",
    ),
    (
        "lead_summary",
        "english/kenyan-nigerian",
        "lead: [[PERSON|Grace Wanjiru Kamau]] — {{Head of Growth}} @ {{Savanna Pay}} ({{Nairobi}})\nphone [[PHONE|+254 722 481 906]] | [[EMAIL|grace.kamau@savannapay.co.ke]]\nreferred by [[PERSON|Chukwuemeka Obi]] (ex-{{Paystack}}, now in the {{Lagos}} office, [[PHONE|+234 803 552 1987]])\n\nnotes: [[PERSON|grace]] has budget for {{Q1}} ({{KES 2.4M}}), compares us with {{HubSpot}} and {{Zoho CRM}}. her CFO [[PERSON|Hope Adeyemi]] must sign off; [[PERSON|Hope]] is in {{Lagos}} until {{Friday}}. we offered the {{Growth}} tier at {{$29}}/seat. invoice ref {{INV-2024-11873}}.\n\nTask: summarise the lead and rate it hot/warm/cold.",
    ),
    (
        "lead_summary",
        "english/american",
        "You are a sales assistant. Given the CRM record below, write a 60-word lead summary.\n\n| field | value |\n|---|---|\n| name | [[PERSON|Hunter Blake]] |\n| title | {{VP Sales Operations}} |\n| company | {{Redwood & Pine Outfitters}} |\n| hq | [[ADDRESS|4410 Oak Lawn Ave, Suite 300, Dallas, TX 75219]] |\n| phone | [[PHONE|(214) 867-3391]] |\n| email | [[EMAIL|hblake@redwoodpine.com]] |\n| champion | [[PERSON|Summer Nguyen]] ({{RevOps Manager}}) |\n| stage | {{Discovery}} |\n| amount | {{$86,400}} ARR |\n| close date | {{2025-03-31}} |\n\nContext: [[PERSON|Summer]] booked the call; [[PERSON|Hunter]] joined late and asked about {{Salesforce}} migration and {{SOC 2 Type II}}.",
    ),
    (
        "lead_summary",
        "english/indian",
        "Summarize for AE handoff:\nLead #{{L-558201}} created {{14/11/2024}} via {{website chat}}\nName: [[PERSON|Venkata Subramanian Iyer]] (prefers '[[PERSON|Venky]]')\nDesignation: {{Director – IT}}\nOrg: {{Shree Ganesh Textiles Pvt Ltd}}\nAddress: [[ADDRESS|Plot No. 42, 3rd Cross, Peenya Industrial Area, Bengaluru 560058]]\nMobile: [[PHONE|+91 98450 31276]], landline [[PHONE|080 2839 4417]]\n[[PERSON|Venky]] asked for INR billing, an {{18% GST}} invoice and integration with {{Tally ERP 9}}. His colleague [[PERSON|Anjali Deshmukh]] from purchase will negotiate. Last visit IP [[IP|49.207.182.36]] ({{Bengaluru}}, {{India}}).",
    ),
    (
        "lead_summary",
        "hebrew/ethiopian-israeli",
        'סכם את הליד בקצרה ותן ציון 1-10:\nשם מלא: [[PERSON|טספאיה וורקו]]\nתפקיד: {{מנהל רכש}}\nחברה: {{אלמז לוגיסטיקה בע"מ}}\nעיר: {{רחובות}}\nנייד: [[PHONE|054-6128834]]\nמייל: [[EMAIL|tesfaye.w@almaz-log.co.il]]\nת.ז.: [[IL_ID|508665437]]\nהערות הנציג: [[PERSON|טספאיה]] פנה אלינו דרך {{פייסבוק}}, מתעניין ב{{חבילת Pro}} ל-25 משתמשים. ביקש שנדבר גם עם [[PERSON|אבבה]] מהכספים. פגישה נקבעה ל{{יום שלישי}} ב-{{10:30}}. תקציב משוער {{₪38,000}} לשנה.',
    ),
    (
        "lead_summary",
        "hebrew/russian-israeli",
        "ליד חדש מהאתר, תכין תקציר ל{{מנהלת הצוות}}:\nשם: [[PERSON|יבגני קוזלוב]] ([[PERSON|Evgeny Kozlov]])\nחברה: {{קוזלוב מערכות מיזוג}}\nכתובת: [[ADDRESS|רחוב הרצל 12, ראשון לציון]]\nטלפון: [[PHONE|052-7741096]]\nIP: [[IP|212.143.70.18]] ({{ראשון לציון}}, {{ישראל}})\n[[PERSON|ז'ניה]] (ככה הוא מבקש שיקראו לו) רוצה לחבר את ה-CRM ל{{פריוריטי}}. אשתו [[PERSON|סבטלנה]] מנהלת את החשבונות. הצעת מחיר {{Q-2025-0412}} נשלחה ב-{{3.2.25}} על סך {{₪12,900}}.",
    ),
    (
        "lead_summary",
        "hebrew/druze",
        "תסכם לי את הליד של [[PERSON|סאמר חלבי]] מ{{דלית אל-כרמל}}:\n- {{בעלים}} של {{חלבי תיירות והסעדה}}\n- נייד [[PHONE|050-8823417]], משרד [[PHONE|04-8391256]]\n- מייל [[EMAIL|samer@halabi-tours.co.il]]\n- מתעניין ב{{מודול הזמנות}} + {{WhatsApp Business API}}\n- שותפה: [[PERSON|נזיה קבלאן]]\n- [[PERSON|סאמר]] אמר שיחליטו אחרי {{חג הנביא שועייב}}\n- הגיע מקמפיין {{גוגל}} של {{אפריל 2025}}, עלות ליד {{₪64}}",
    ),
    (
        "lead_summary",
        "arabic/saudi",
        "لخّص هذا العميل المحتمل في ثلاث نقاط:\nالاسم: [[PERSON|عبدالعزيز بن فهد القحطاني]]\nالمسمى الوظيفي: {{مدير المبيعات الإقليمي}}\nالشركة: {{شركة القحطاني للتجارة والمقاولات}}\nالعنوان: [[ADDRESS|طريق الملك فهد، حي العليا، مبنى 7421، الرياض 12214]]\nالجوال: [[PHONE|+966 55 318 4470]]\nالبريد: [[EMAIL|a.alqahtani@qahtani-trading.sa]]\nملاحظات: تواصل معنا أبو [[PERSON|فهد]] بعد معرض {{LEAP 2025}}. يريد {{الباقة المؤسسية}} لـ 60 مستخدم مع فوترة بـ{{الريال السعودي}}. مساعده [[PERSON|سعيد]] سيرسل أمر الشراء {{PO-77821}} يوم {{الأحد}}. الميزانية حوالي {{SAR 210,000}}.",
    ),
    (
        "lead_summary",
        "arabic/egyptian",
        "عايز ملخص سريع للعميل ده قبل الاجتماع:\nالاسم: [[PERSON|محمود عبد الحليم السيد]]\nالوظيفة: {{مدير تكنولوجيا المعلومات}}\nالشركة: {{النيل للصناعات الغذائية}}\nالعنوان: [[ADDRESS|١٤ شارع جامعة الدول العربية، المهندسين، الجيزة]]\nموبايل: [[PHONE|0100 245 7813]]\nواتساب: [[PHONE|+20 122 690 3154]]\nالـIP: [[IP|41.35.118.207]] ({{القاهرة}}، {{مصر}})\nالأستاذ [[PERSON|محمود]] بيقارن بينا وبين {{Odoo}}، وعايز خصم {{20%}} لو دفع سنوي. المحاسبة [[PERSON|أمل فاروق]] قالت إن الميزانية {{EGP 350,000}} وآخر ميعاد {{30 يونيو}}.",
    ),
    (
        "lead_summary",
        "arabic/moroccan",
        "لخص ليا هاد الليد:\nالسمية: [[PERSON|يوسف بنعلي]]\nالخدمة: {{مسير}} ف{{شركة الأطلس للنقل}}\nالعنوان: [[ADDRESS|45 زنقة ابن تومرت، حي المعاريف، الدار البيضاء]]\nالتيليفون: [[PHONE|0661-427385]]\nالإيميل: [[EMAIL|y.benali@atlas-transport.ma]]\nملاحظات: [[PERSON|يوسف]] بغا {{الباقة المتوسطة}} ب{{1.200 درهم}} فالشهر، وبغا الواجهة بالفرنسية. خوه [[PERSON|كريم]] هو اللي كيوقع العقود. الموعد الجاي {{نهار الخميس}}.",
    ),
    # ------------------------------------------------------------------ call_notes
    (
        "call_notes",
        "english/british",
        "Turn these call notes into a CRM activity log entry (bullets, past tense).\n\ncall w/ [[PERSON|Will Ashworth]] + [[PERSON|Bill Pemberton]] ({{Harrow & Finch Ltd}}), 25 min\n- [[PERSON|will]] = {{Commercial Director}}, [[PERSON|bill]] = {{Head of IT}}\n- [[PERSON|Bill]]'s worried about {{GDPR}} + data residency, wants EU hosting ({{Frankfurt}})\n- [[PERSON|Will]] pushed for {{15%}} off the {{Scale plan}}; I said max {{10%}} if signed by {{end of March}}\n- their office moves to [[ADDRESS|27 Old Gloucester Street, London WC1N 3AX]] in {{April}}\n- [[PERSON|Bill]]'s mobile [[PHONE|07823 441 906]]\n- next: send {{DPA}} + security pack, book a demo w/ [[PERSON|Rose]] (their ops lead) {{Wed 12th}}",
    ),
    (
        "call_notes",
        "english/filipino",
        "Call notes — [[PERSON|Ma. Cristina Dela Cruz]] ([[PERSON|Tina]]), {{Operations Manager}}, {{Bayanihan BPO Solutions}}, {{Makati}}\nDate: {{Nov 21}}, 4:15pm PHT\nNumber dialled: [[PHONE|+63 917 845 2203]]\n\n[[PERSON|Tina]] says their team of 140 agents uses {{Zendesk}} + spreadsheets. Pain: no shared pipeline view. Her boss [[PERSON|Ramon Villanueva]] ({{COO}}) approves anything above {{PHP 500k}}. She asked if we support {{Tagalog}} templates (no, roadmap {{v4.2}}). Follow-up email to [[EMAIL|cristina.delacruz@bayanihanbpo.ph]]; cc [[EMAIL|rvillanueva@bayanihanbpo.ph]].\nAction: please draft 3 next steps.",
    ),
    (
        "call_notes",
        "english/chinese",
        "Summarize the call and extract action items as JSON.\n\n({{09:02}}) Connected with [[PERSON|Zhang Wei]] ([[PERSON|张伟]]), {{Procurement Lead}}, {{Shenzhen Huaxin Electronics}}.\n(09:05) [[PERSON|Zhang]] confirmed the PO for 3,000 units of {{SKU HX-220-BLK}} at {{USD 4.15}}/unit.\n(09:11) Ship to [[ADDRESS|Room 1805, Tower B, Kexing Science Park, Nanshan District, Shenzhen 518057]].\n(09:14) His colleague [[PERSON|Li Na]] handles the {{L/C}}; reach her on [[PHONE|+86 138 2651 9047]] or {{WeChat}}.\n(09:20) {{UPS}} tracking {{1Z999AA10123456784}} was for the wrong shipment; new one expected {{Friday}}.\nEnd of call.",
    ),
    (
        "call_notes",
        "english/brazilian",
        "Notes from discovery call (clean up and translate the Portuguese bits):\nContact: [[PERSON|João Pedro Albuquerque]], {{Gerente Comercial}} at {{Grupo Sol Nascente}} ({{São Paulo}})\nCell: [[PHONE|+55 11 98734-2210]]\n- [[PERSON|João]] disse que o orçamento é {{R$ 180 mil}} para {{2025}}\n- they use {{RD Station}} today, contract ends {{31/01}}\n- decision maker: Dra. [[PERSON|Fernanda Ribeiro]]\n- [[PERSON|Fernanda]]'s assistant [[PERSON|Luana]] sends the NDA\n- billing address [[ADDRESS|Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200]]\n- next: demo {{Tuesday}} 10h BRT",
    ),
    (
        "call_notes",
        "hebrew/ashkenazi-israeli",
        "סכם את השיחה ורשום משימות המשך:\nשיחה עם [[PERSON|שחר]] ו[[PERSON|טל]] מ{{גולדברג את שטרן עורכי דין}}, {{יום ראשון}} 11:00\n[[PERSON|שחר גולדברג]] - {{שותף מנהל}}, [[PERSON|טל שטרן]] - {{מנהלת משרד}}\n- ל[[PERSON|שחר]] חשוב שהנתונים יישמרו בארץ ({{AWS אזור תל אביב}})\n- [[PERSON|טל]] שאלה על חיבור ל{{Outlook}} ול{{גוגל קלנדר}}\n- לאור הבקשה שלהם נכין הצעה ל-12 רישיונות ב{{חבילת Business}}, {{₪89}} למשתמש לחודש\n- הטלפון הישיר של [[PERSON|טל]]: [[PHONE|03-6093412]]\n- לשלוח עד {{יום חמישי}} חוזה + {{נספח אבטחת מידע}}",
    ),
    (
        "call_notes",
        "hebrew/mizrahi-israeli",
        'תעדכן את הכרטיס לפי הסיכום: דיברתי עם [[PERSON|משה אוחיון]] ועם אשתו [[PERSON|אורית]]. ל[[PERSON|משה]] יש רשת של 3 סניפים ({{אוחיון פלאפל}}) ב{{באר שבע}} וב{{אשדוד}}. הוא אמר ש[[PERSON|אורית]] מטפלת בספקים ו[[PERSON|משה]] בכסף. ביקשו שנחזור ב{{יום רביעי}} אחרי 16:00. הכתובת לשליחת החוזה: [[ADDRESS|שדרות רגר 47, באר שבע]]. נייד של [[PERSON|אורית]]: [[PHONE|058-4127730]]. מחיר שסגרנו: {{₪249}} לחודש ל{{מסופון}}, כולל {{מע"מ}}. תזכורת: לשלוח ל[[PERSON|מאיר]] (רואה החשבון שלהם) את חשבונית {{INV-88412}}.',
    ),
    (
        "call_notes",
        "hebrew/arab-israeli",
        "סיכום שיחה טלפונית - [[PERSON|ראמי ח'ורי]] ({{מנכ\"ל}}, {{ח'ורי הנדסה}}, {{נצרת}})\n- מס' עובדים: 48\n- [[PERSON|ראמי]] ביקש שנחבר את {{SAP Business One}} שלהם\n- הבת שלו [[PERSON|ג'ומאנה]] היא {{מנהלת השיווק}}, [[EMAIL|joumana@khoury-eng.co.il]]\n- כתובת המשרד: [[ADDRESS|שדרות פאולוס השישי 88, נצרת]]\n- נייד: [[PHONE|052-3346180]]\n- ח.פ. {{514872963}}\n- פולואפ ב{{יום שני}} הבא, לשלוח הצעה {{Q-3381}}",
    ),
    (
        "call_notes",
        "arabic/jordanian",
        "ملخص المكالمة مع [[PERSON|رامي الزعبي]] من {{شركة البتراء للأدوية}} ({{عمّان}}):\n- حكينا حوالي 20 دقيقة، [[PERSON|رامي]] هو {{مدير المشتريات}}\n- بدهم 35 رخصة من {{الخطة الاحترافية}}، السعر المتفق عليه {{JOD 9,800}} سنوياً\n- المديرة المالية د. [[PERSON|هالة العبادي]] بدها فاتورة باسم الشركة على العنوان [[ADDRESS|شارع مكة، عمارة 152، الطابق الرابع، عمّان]]\n- رقم [[PERSON|هالة]]: [[PHONE|0795 318 246]]\n- الخطوة الجاية: عرض تجريبي {{الثلاثاء}} الساعة 11",
    ),
    (
        "call_notes",
        "arabic/lebanese",
        "سجّل ملاحظات الاتصال:\nاتصلت بـ[[PERSON|نور]] ([[PERSON|نور الهدى حداد]]) من {{مطاعم الأرزة}}، {{بيروت}}.\nقالت [[PERSON|نور]] إنو عندن 6 فروع وبدن نظام ولاء للزبائن. جوزها [[PERSON|جورج]] هو صاحب القرار. رقمها [[PHONE|+961 3 284 517]]، ورقم المكتب [[PHONE|01 338 942]].\nالعنوان: [[ADDRESS|شارع الحمرا، بناية النجمة، الطابق 2، بيروت]]\nالسعر يلي طلبته: {{$1,450}} بالشهر فريش. منرجع نحكي {{الجمعة}}.",
    ),
    (
        "call_notes",
        "arabic/palestinian",
        "دوّن هاي الملاحظات في ملف العميل: حكيت مع [[PERSON|سائد عودة]] من {{شركة الزيتون الرقمية}} في {{رام الله}}. [[PERSON|سائد]] بدو يجرب النظام شهر ببلاش قبل ما يقرر. شريكه [[PERSON|جميل]] كان على الخط وحكى إنو الدفع بالشيكل، تقريباً {{₪4,500}} بالسنة، من حسابهم [[IBAN|PS61PALS000000000096992870642]]. جوال [[PERSON|سائد]]: [[PHONE|+970 599 417 283]]، وإيميل [[PERSON|جميل]]: [[EMAIL|jamil.odeh@zaytoun.ps]]. الموعد الجاي {{الاثنين}} الساعة 2.",
    ),
    # ------------------------------------------------------------------ email_draft
    (
        "email_draft",
        "english/german",
        "Draft a polite follow-up email in English to the contact below. Keep it under 120 words.\n\nTo: Dr. [[PERSON|Katharina Weiß]] <[[EMAIL|k.weiss@brandt-maschinenbau.de]]>\nCc: [[PERSON|Jonas Brandt]] <[[EMAIL|jonas.brandt@brandt-maschinenbau.de]]>\nCompany: {{Brandt Maschinenbau GmbH}}, [[ADDRESS|Industriestraße 14, 70565 Stuttgart]]\nContext: demo on {{Tuesday, 4 March}}; they asked for the {{ISO 27001}} certificate and a quote for {{CRM Pro}} (40 users, {{€32/user/month}}). [[PERSON|Jonas]] mentioned the budget is approved in {{Q2}}. Sign off as [[PERSON|Noa]] from our team, direct line [[PHONE|+972 54 312 0987]].",
    ),
    (
        "email_draft",
        "english/nigerian",
        "Rewrite this email to sound more professional:\n\nhi [[PERSON|tunde]],\n\nhope ur good. as discussed w/ Mrs [[PERSON|Folake Adeyemi-Bello]] we can do {{NGN 4.2m}} for the {{Starter bundle}}, 15 users, paid quarterly. pls send ur company's {{CAC}} cert + billing address (i have [[ADDRESS|12 Adeola Odeku Street, Victoria Island, Lagos]] — still correct?). payment details are in the attached invoice {{INV/NG/0932}} ({{Zenith Bank}}).\n\nalso [[PERSON|Folake]] said [[PERSON|Emeka]] from ur finance will call me on [[PHONE|0809 441 2758]] before {{Friday}}.\n\nthx\n[[PERSON|Bisi]]\n{{Account Executive}}, West Africa",
    ),
    (
        "email_draft",
        "english/ukrainian",
        "Draft a reply in English. Original from [[PERSON|Oleksandr Shevchuk]] <[[EMAIL|o.shevchuk@dniprosoft.com.ua]]>:\n> Hello, we relocated part of the team to {{Kraków}} and need to move 18 seats from the {{Team plan}} to {{Business}}. Please invoice our Polish entity. Billing contact: [[PERSON|Iryna Melnyk]], [[PHONE|+380 67 451 2290]]. Our old address [[ADDRESS|vul. Sichovykh Striltsiv 37, Kyiv 04053]] is no longer valid. — [[PERSON|Sasha]]\n\nPoints for the reply: confirm the upgrade from {{1 December}}, prorated credit {{$412.50}}, new invoice {{INV-UA-20931}}, ask [[PERSON|Iryna]] for the Polish {{NIP}} number.",
    ),
    (
        "email_draft",
        "english/french",
        "Write an email to [[PERSON|Amélie Rousseau]] ({{Directrice Commerciale}}, {{Maison Lefèvre & Fils}}, {{Lyon}}) confirming:\n- renewal of {{Enterprise}} at {{€54,000}}/year from {{01/07/2025}}\n- payment by SEPA direct debit from IBAN [[IBAN|FR2430006000012016378813089]]\n- her colleague [[PERSON|Théo Garnier]] becomes admin; his email is [[EMAIL|theo.garnier@maisonlefevre.fr]]\n- our CSM [[PERSON|Hope Mitchell]] runs onboarding on {{Thursday 3 July}}\nTone: warm but formal. [[PERSON|Amélie]] prefers English.",
    ),
    (
        "email_draft",
        "hebrew/ashkenazi-israeli",
        'תנסח מייל תודה אחרי פגישה:\nאל: ד"ר [[PERSON|יעל רוזנבלום]] <[[EMAIL|yael.r@rosenblum-clinic.co.il]]>\nנושא: המשך לפגישה ב{{מרפאות רוזנבלום}}\nנקודות: להודות ל[[PERSON|יעל]] ול[[PERSON|דור]] (מנהל ה-IT) על הפגישה ב{{יום שני}}; לצרף את הצעת המחיר {{HQ-1187}} על {{₪7,400}} לחודש; להזכיר שההטמעה לוקחת {{6 שבועות}}; לחתום בשם [[PERSON|גל לנדאו]], {{מנהל לקוחות}}, [[PHONE|054-2279163]].',
    ),
    (
        "email_draft",
        "hebrew/mizrahi-israeli",
        "כתוב מייל תזכורת תשלום בעברית, בנימוס:\nלקוח: {{ביטון שיווק והפצה}}\nאיש קשר: [[PERSON|חן ביטון]]\nמייל: [[EMAIL|chen@biton-dist.co.il]]\nחשבונית: {{INV-2025-0341}} מתאריך {{15/01/2025}}, סכום {{₪5,832}}\nאיחור: {{45 יום}}\nפרטי חשבון להעברה: {{בנק לאומי}}, [[IBAN|IL230108003586623122773]]\nאם יש שאלות - [[PERSON|ים]] מהנהלת חשבונות, [[PHONE|03-7684512]]. תזכיר ל[[PERSON|חן]] שבפעם הקודמת [[PERSON|אביטל]] אישרה הסדר תשלומים.",
    ),
    (
        "email_draft",
        "hebrew/ethiopian-israeli",
        "תכין מייל ברוכים הבאים ללקוחה חדשה.\nשם הלקוחה: [[PERSON|פנינה טגניה]]\nחברה: {{טגניה קייטרינג}}\nתוכנית: {{Starter}} ({{₪149}}/חודש)\nכתובת לשליחת ערכת פתיחה: [[ADDRESS|רחוב הרב קוק 5 דירה 3, קריית מלאכי]]\nמנהלת הלקוח אצלנו: [[PERSON|ליאת]]\nסיסמה זמנית לכניסה ראשונה: [[SECRET|Tg#2025!welcome]]\nיש לציין שהמנוי מתחיל ב-{{1 במרץ}} ו[[PERSON|פנינה]] יכולה לפנות ב{{וואטסאפ}} ל-[[PHONE|050-6631842]].",
    ),
    (
        "email_draft",
        "arabic/emirati",
        "اكتب رسالة بريد إلكتروني رسمية باللغة العربية إلى:\nالسيد [[PERSON|خليفة سالم المزروعي]]\n{{مدير العمليات}} – {{مجموعة المزروعي للضيافة}}\n[[EMAIL|khalifa.mazrouei@mazrouei-hospitality.ae]]\nالموضوع: تجديد الاشتراك السنوي\nالتفاصيل: الاشتراك الحالي ينتهي في {{31 ديسمبر 2025}}، قيمة التجديد {{AED 96,000}} مع خصم {{12%}} عند الدفع قبل {{15 نوفمبر}}. يمكن التحويل إلى [[IBAN|AE020333232102304082050]]. للتواصل: [[PERSON|شيخة]] من فريق نجاح العملاء على [[PHONE|+971 56 207 3318]]. العنوان المسجل: [[ADDRESS|فيلا 27، شارع 19، البطين، أبوظبي]].",
    ),
    (
        "email_draft",
        "arabic/egyptian",
        "صيغ إيميل اعتذار للعميل عن تأخير التفعيل:\nالعميل: م. [[PERSON|هشام الشناوي]] – {{شركة الدلتا للمقاولات}}\nالإيميل: [[EMAIL|hesham.elshenawy@delta-contracting.com.eg]]\nسبب التأخير: مراجعة المستندات من {{فريق الامتثال}}\nالتفعيل الجديد: {{الأحد 9 مارس}}\nالتعويض: شهر مجاني على {{باقة النمو}}\nاذكر إن زميلته [[PERSON|نادية]] بعتت السجل التجاري يوم {{الخميس}} وإن [[PERSON|كريم]] من عندنا هيتابع معاه على [[PHONE|01114872036]].",
    ),
    (
        "email_draft",
        "hebrew-english/israeli",
        "תכתוב מייל ל[[PERSON|עומר]] ({{Head of Sales}} ב{{CyberArk}}) — tell him the {{POC}} is extended to {{Jan 20}}, and that [[PERSON|Maya Ben-David]] from our SE team will join the call. הוא ביקש גם את ה-{{SOC2 report}}, אז attach it. sign as [[PERSON|Itay]], [[PHONE|+972-52-889-4410]]. btw המייל שלו [[EMAIL|omer.s@cyberark.com]], not the gmail one.",
    ),
    # ------------------------------------------------------------------ chat_history
    (
        "chat_history",
        "english/american",
        "[user] mark the {{Hollis Roofing}} deal as won pls\n[assistant] Done — deal {{D-30418}} ({{$18,750}}) moved to {{Closed Won}}. Should I notify the owner, [[PERSON|Mark Delgado]]?\n[user] yes and cc [[PERSON|Bill]] from finance. also [[PERSON|Dan Hollis]] wants the invoice sent to his personal email [[EMAIL|danhollis77@gmail.com]], not the office\n[assistant] Got it. Invoice {{INV-7781}} will go to [[EMAIL|danhollis77@gmail.com]]. His billing address on file is [[ADDRESS|1820 Maple Ridge Dr, Boise, ID 83709]] — still correct?\n[user] yep. and remind me to call [[PERSON|Dan]] on [[PHONE|(208) 713-4492]] {{next Monday}}",
    ),
    (
        "chat_history",
        "english/pakistani",
        "System: You are CRM Copilot.\nUser: who owns the {{Karachi}} leads this quarter?\nAssistant: {{Q3}} {{Karachi}} leads are split between [[PERSON|Ayesha Siddiqui]] (14) and [[PERSON|Faisal Qureshi]] (9).\nUser: move [[PERSON|Zainab Malik]] from [[PERSON|faisal]]'s list to [[PERSON|ayesha]]\nAssistant: [[PERSON|Zainab Malik]] ({{Indus Textiles}}, [[PHONE|+92 300 8214576]]) is now assigned to [[PERSON|Ayesha]]. Want me to send [[PERSON|Zainab]] an intro on {{WhatsApp}}?\nUser: yes, mention the {{Ramadan offer}} – {{25%}} off the {{Growth plan}} till {{March 30}}",
    ),
    (
        "chat_history",
        "english/kenyan",
        "### conversation so far\nuser: what did [[PERSON|Joy Achieng]] say in her last email?\nassistant: [[PERSON|Joy]] ({{Finance Manager}}, {{Tusker Agro Ltd}}) asked to move the renewal from {{monthly}} to {{annual}} billing and to update the card on file.\nuser: ok the new card is [[CARD|4580 6257 3989 3968]] exp 09/27, update it\nassistant: I can't store full card numbers in notes. Please use the secure payment link instead.\nuser: fine. send the link to her and to [[PERSON|Faith]] ([[EMAIL|faith.mwangi@tuskeragro.co.ke]])\nassistant: Link sent to [[PERSON|Joy]] and [[PERSON|Faith Mwangi]]. Annual billing saves them {{2 months}} ({{KES 96,000}}).\nuser: now summarise this thread for the account notes",
    ),
    (
        "chat_history",
        "english/japanese",
        "Previous messages:\n1. (user) Find contacts at {{Toyota Tsusho}} in our CRM.\n2. (assistant) Found 2: [[PERSON|Sato Kenji]] ({{Manager, Mobility Div.}}) and [[PERSON|Yamamoto Haruka]] ({{Purchasing}}).\n3. (user) what's [[PERSON|haruka]]'s number?\n4. (assistant) [[PERSON|Yamamoto]]-san: mobile [[PHONE|+81 80-3391-2847]], desk [[PHONE|052-584-7710]] ({{Nagoya}} office).\n5. (user) book a call with [[PERSON|Kenji]] and [[PERSON|Haruka]] on {{Wednesday}} 9am {{JST}}, and note that [[PERSON|佐藤]] prefers email ([[EMAIL|k.sato@ttc-mobility.jp]])\nNew message: (user) summarize everything we know about this account.",
    ),
    (
        "chat_history",
        "hebrew/israeli",
        "היסטוריית צ'אט:\nמשתמש: תראה לי את העסקאות של [[PERSON|דנה]] שנסגרו ב{{אוקטובר}}\nעוזר: ל[[PERSON|דנה כץ]] יש 3 עסקאות שנסגרו ב{{אוקטובר}}: {{גלובוס תעשיות}} ({{₪42,000}}), {{מעיין השרון}} ({{₪18,500}}), {{ש. לוי ובניו}} ({{₪9,900}}).\nמשתמש: ומה עם זו ש[[PERSON|רוני]] פתח?\nעוזר: העסקה ש[[PERSON|רוני אזולאי]] פתח עדיין ב{{שלב משא ומתן}}, {{₪65,000}}. הוא ביקש שנדבר עם [[PERSON|אבי]] לפני {{סוף החודש}}.\nמשתמש: תעביר את העסקה של [[PERSON|אבי]] ל[[PERSON|דנה]] ותשלח לו וואטסאפ ל-[[PHONE|053-7718204]]\nמשתמש: ותוסיף הערה ש[[PERSON|דנה]] מתקשרת אליו מחר",
    ),
    (
        "chat_history",
        "hebrew/russian-ethiopian-israeli",
        '[\n {"role": "system", "content": "אתה עוזר מכירות של {{SalesPulse}}."},\n {"role": "user", "content": "מי הלקוחות של [[PERSON|ולדימיר]] ב{{חיפה}}?"},\n {"role": "assistant", "content": "ל[[PERSON|ולדימיר פרלמן]] יש 4 לקוחות ב{{חיפה}}, הגדול מהם {{נמלי המפרץ}} עם {{₪120,000}} בשנה."},\n {"role": "user", "content": "תוסיף ליד חדש: [[PERSON|מסרט אבבה]], {{מנהלת משאבי אנוש}}, [[PHONE|052-4419375]], [[EMAIL|masrat.a@galilcare.org.il]]"},\n {"role": "assistant", "content": "הליד נוסף ושויך ל[[PERSON|ולדימיר]]. לקבוע ל[[PERSON|מסרט]] שיחה ב{{יום חמישי}}?"}\n]',
    ),
    (
        "chat_history",
        "hebrew/druze",
        "סשן קודם:\nנציג: מה הסטטוס של [[PERSON|ואיל]] מ{{עוספיא}}?\nבוט: [[PERSON|ואיל חסון]] ({{חסון חומרי בניין}}) ביקש הנחה של {{8%}} על {{חבילת Pro}}.\nנציג: תבדוק אם [[PERSON|רים]] אישרה\nבוט: [[PERSON|רים]] ({{מנהלת מכירות}}) אישרה ב-{{12/03}} עד {{6%}} בלבד.\nנציג: תשלח ל[[PERSON|ואיל]] הצעה מעודכנת למייל [[EMAIL|wael.hasson@gmail.com]] ותרשום שהכתובת למשלוח היא [[ADDRESS|רחוב הראשי 214, עוספיא]]\nבוט: בוצע. הצעה {{Q-1952}} נשלחה.",
    ),
    (
        "chat_history",
        "arabic/emirati",
        "سجل المحادثة:\nالمستخدم: شو آخر شي صار مع [[PERSON|حمد]]؟\nالمساعد: آخر تواصل مع [[PERSON|حمد الكعبي]] كان {{الأربعاء}}، طلب عرض سعر لـ {{باقة الأعمال}} لـ 30 مستخدم.\nالمستخدم: وأم [[PERSON|سلطان]]؟ قالت بتحول المبلغ؟\nالمساعد: السيدة [[PERSON|موزة]] (أم [[PERSON|سلطان]]) أكدت التحويل بقيمة {{AED 18,400}} للفاتورة {{INV-AE-5521}}، ورقمها [[PHONE|055 913 2274]].\nالمستخدم: زين، ذكّرني أتصل ب[[PERSON|حمد]] {{الأحد}} الصبح",
    ),
    (
        "chat_history",
        "arabic/jordanian",
        "المحادثة السابقة:\n👤: بدي كل الليدز يلي إجت من {{إنستغرام}} بـ{{شباط}}\n🤖: في 7 ليدز. أهمهم [[PERSON|لين خوري]] ({{صالون لين}}، {{عمّان}}) و👋[[PERSON|طارق]] ({{جيم القمة}}).\n👤: شو رقم [[PERSON|لين]]؟\n🤖: رقم [[PERSON|لين]]: [[PHONE|+962 79 664 1827]]. آخر IP دخلت منه [[IP|176.29.144.61]].\n👤: ابعتلها كود الخصم {{FEB25}} وقلها إنو [[PERSON|سميرة]]👍 رح تتصل فيها\n🤖: تم ✅",
    ),
    (
        "chat_history",
        "arabizi-english/lebanese",
        'chat log:\nuser: marhaba, fi shi jdid ma3 [[PERSON|Rami Khalil]]?\nbot: Yes — [[PERSON|Rami]] opened the proposal {{PRP-2210}} 3 times yesterday from [[IP|185.96.72.14]] ({{Beirut}}).\nuser: tayyeb ba3etlo msg 3al whatsapp [[PHONE|+961 71 482 390]] w 2ello eno [[PERSON|Nadine]] bte7ke ma3o l yom sa3a 5\nbot: Message drafted: "Hi [[PERSON|Rami]], [[PERSON|Nadine]] will call you today at 5pm about the {{Premium plan}} ({{$2,100/mo}})."\nuser: yalla tamem. w zid {{10%}} discount iza mada abel {{l jem3a}}',
    ),
    # ------------------------------------------------------------------ json_record
    (
        "json_record",
        "english/indian",
        'Generate a one-paragraph account brief from this CRM record:\n{\n  "lead": {\n    "id": "{{LD-0091827}}",\n    "name": "[[PERSON|Priyanka Raghunathan]]",\n    "title": "{{Chief People Officer}}",\n    "company": "{{Infosphere Analytics}}",\n    "email": "[[EMAIL|priyanka.r@infosphere.in]]",\n    "mobile": "[[PHONE|+91 97390 44128]]",\n    "address": "[[ADDRESS|17, 2nd Main Road, Indiranagar, Bengaluru 560038]]",\n    "ip_city": "{{Bengaluru}}",\n    "last_ip": "[[IP|106.51.79.220]]"\n  },\n  "owner": {"name": "[[PERSON|Rohit Sharma]]", "team": "{{APAC Mid-Market}}"},\n  "deal": {"stage": "{{Proposal}}", "amount": {{48000}}, "currency": "{{USD}}"}\n}',
    ),
    (
        "json_record",
        "english/american",
        'Explain in plain English why this account\'s sync is failing:\n{"account_id": "{{ACC-44120}}", "account_name": "{{Brightwater Dental Group}}", "owner": "[[PERSON|Rose Callahan]]", "assignee": "[[PERSON|Mark Ellison]]", "integrations": [{"type": "{{Stripe}}", "status": "error", "api_key": "[[SECRET|sk_live_51NzQe2KfL8xRw0TqB7vYp3mH]]", "last_error": "401 Unauthorized"}, {"type": "{{Mailchimp}}", "status": "ok", "list": "{{Spring Whitening 2025}}"}], "billing_contact": {"name": "[[PERSON|Hope Okafor]]", "email": "[[EMAIL|hope.okafor@brightwaterdental.com]]", "phone": "[[PHONE|+1 617-482-3091]]"}, "plan": "{{Professional}}", "mrr": "{{$1,240}}"}',
    ),
    (
        "json_record",
        "english/german-brazilian",
        'Record export for deal {{DL-88213}}:\n{"data":[{"contact_name":"[[PERSON|Lukas Hoffmann]]","role":"{{Einkaufsleiter}}","email":"[[EMAIL|l.hoffmann@nordwind-logistik.de]]","phone":"[[PHONE|+49 151 2398 4417]]","iban":"[[IBAN|DE59370400447390062047]]"},{"contact_name":"[[PERSON|Beatriz Costa]]","role":"{{Finance}}","email":"[[EMAIL|beatriz.costa@nordwind-logistik.de]]","phone":"[[PHONE|+55 21 99614-3382]]","iban":null}],"company":"{{Nordwind Logistik GmbH}}","city":"{{Hamburg}}"}\nWhich contact should receive the renewal invoice, and why?',
    ),
    (
        "json_record",
        "english/indian-emirati",
        '{"event":"lead.created","timestamp":"{{2025-02-17T08:41:09Z}}","lead":{"full_name":"[[PERSON|Mohammed Rafiq Shaikh]]","first_name":"[[PERSON|Mohammed]]","company":"{{Gulf Star Spare Parts Trading LLC}}","job_title":"{{Purchase Manager}}","phone":"[[PHONE|+971 52 684 1190]]","email":"[[EMAIL|rafiq@gulfstarparts.ae]]","address":"[[ADDRESS|Shop 14, Al Khabaisi, Deira, Dubai]]","geo":{"ip":"[[IP|2a02:2af8:1:210::3c]]","city":"{{Dubai}}","country":"{{AE}}"} },"utm":{"source":"{{google}}","campaign":"{{AE_Auto_Parts_Feb}}"} }\nClassify this lead (B2B/B2C) and suggest an owner.',
    ),
    (
        "json_record",
        "hebrew/mizrahi-israeli",
        'סכם את הרשומה הבאה בעברית:\n{"שם_מלא": "[[PERSON|אורטל מזרחי]]", "תפקיד": "{{סמנכ\\"לית שיווק}}", "חברה": "{{מזרחי אופנה בע\\"מ}}", "טלפון": "[[PHONE|054-9926314]]", "דוא\\"ל": "[[EMAIL|ortal@mizrahi-fashion.co.il]]", "כתובת": "[[ADDRESS|דרך מנחם בגין 132, תל אביב]]", "ת_ז": "[[IL_ID|342044278]]", "בעלים": "[[PERSON|אלון]]", "שלב": "{{הצעת מחיר}}", "סכום": "{{₪56,000}}", "הערות": "[[PERSON|אורטל]] רוצה להתחיל ב{{ינואר}}; לתאם עם [[PERSON|ליה]] מהרכש"}',
    ),
    (
        "json_record",
        "hebrew/ethiopian-israeli",
        '{\n  "lead": {"name": "[[PERSON|ביניאם גבריאל]]", "source": "{{טיקטוק}}", "city": "{{נתניה}}"},\n  "contact": {"mobile": "[[PHONE|+972 50-771-2648]]", "whatsapp": true},\n  "assignee": "[[PERSON|אור כהן]]",\n  "notes": ["[[PERSON|ביניאם]] שאל על {{חבילת סטודנטים}}", "ביקש שיחה ב{{יום ראשון}} אחרי 18:00", "אמר שאחותו [[PERSON|מזל]] גם מעוניינת"]\n}\nתנסח הודעת וואטסאפ ראשונה ל[[PERSON|ביניאם]] בשם [[PERSON|אור]].',
    ),
    (
        "json_record",
        "hebrew/moroccan-israeli",
        'נתח את אובייקט הלקוח ותגיד אם חסר משהו לפני הפקת חשבונית:\n{"customer_id": "{{C-20931}}", "contact_name": "[[PERSON|יוסי אברג\'יל]]", "id_number": "[[IL_ID|138320254]]", "company": "{{אברג\'יל שיפוצים}}", "bank": {"iban": "[[IBAN|IL080126340543658035381]]", "bank_name": "{{בנק הפועלים}}"}, "billing_address": "[[ADDRESS|רחוב ז\'בוטינסקי 33 דירה 12, רמת גן]]", "plan": "{{Business}}", "seats": 7, "vat_rate": "{{18%}}"}',
    ),
    (
        "json_record",
        "arabic/saudi",
        'حلل بيانات العميل التالية واقترح الخطوة التالية:\n{"الاسم": "[[PERSON|نورة بنت سعد العتيبي]]", "المسمى": "{{مديرة الموارد البشرية}}", "الشركة": "{{مجموعة العتيبي الطبية}}", "الجوال": "[[PHONE|0541 882 736]]", "البريد": "[[EMAIL|noura.alotaibi@otaibi-medical.sa]]", "المدينة": "{{جدة}}", "العنوان": "[[ADDRESS|شارع الأمير سلطان، حي الروضة، مبنى 3382، جدة 23435]]", "المسؤول": "[[PERSON|تركي]]", "المرحلة": "{{تفاوض}}", "القيمة": "{{SAR 145,000}}", "ملاحظة": "[[PERSON|نورة]] طلبت فاتورة ضريبية برقم {{300187452100003}}"}',
    ),
    (
        "json_record",
        "arabic/egyptian",
        '{"ticket_ref":"{{SR-66120}}","customer":{"name":"[[PERSON|كريم منصور]]","name_en":"[[PERSON|Karim Mansour]]","phone":"[[PHONE|+20 155 318 4402]]","email":"[[EMAIL|karim.mansour@outlook.com]]"},"payment":{"card_last4":"{{4417}}","method":"{{Visa}}"},"session":{"ip":"[[IP|156.213.40.77]]","geo":"{{الإسكندرية}}"},"plan":"{{الباقة الذهبية}}"}\nاكتب رد مختصر على العميل بالعامية المصرية.',
    ),
    (
        "json_record",
        "arabic/moroccan",
        '{"lead_id": "{{MA-3317}}", "nom_complet": "[[PERSON|Fatima Zahra El Idrissi]]", "الاسم": "[[PERSON|فاطمة الزهراء الإدريسي]]", "societe": "{{Argan Beauty SARL}}", "ville": "{{Marrakech}}", "adresse": "[[ADDRESS|12 Rue de la Liberté, Guéliz, Marrakech 40000]]", "tel": "[[PHONE|+212 6 61 23 48 95]]", "owner": "[[PERSON|Hicham]]", "note": "[[PERSON|Fatima Zahra]] bghat devis b {{MAD 24 000}} w demo nhar {{الثلاثاء}}"}\nلخّص هذا الليد بالعربية واقترح رد على [[PERSON|فاطمة الزهراء]].',
    ),
    # ------------------------------------------------------------------ csv_table
    (
        "csv_table",
        "english/british-irish",
        "Find duplicate contacts in this export and propose merges:\ncontact_id,full_name,email,phone,company,city\n{{C-1001}},[[PERSON|Grace O'Neill]],[[EMAIL|grace.oneill@finchley-ortho.co.uk]],[[PHONE|+44 7700 139 482]],{{Finchley Orthodontics}},{{London}}\n{{C-1002}},[[PERSON|G. O'Neill]],[[EMAIL|goneill@finchley-ortho.co.uk]],[[PHONE|07700 139482]],{{Finchley Ortho}},{{London}}\n{{C-1003}},[[PERSON|Rory McAllister]],[[EMAIL|rory@mcallister-joinery.com]],[[PHONE|+44 28 9024 6613]],{{McAllister Joinery}},{{Belfast}}\n{{C-1004}},\"[[PERSON|Patel, Nikhil]]\",[[EMAIL|nikhil.patel@leicesterpharm.co.uk]],[[PHONE|0116 254 9087]],{{Leicester Pharmacy Group}},{{Leicester}}\n{{C-1005}},[[PERSON|nikhil patel]],[[EMAIL|n.patel82@gmail.com]],[[PHONE|07824 661 305]],,{{Leicester}}",
    ),
    (
        "csv_table",
        "english/american",
        "Which reps are behind quota? Data:\nrep,region,deals_won,revenue,quota,top_account,top_contact\n[[PERSON|Will Turner]],{{West}},14,{{$412,000}},{{$450,000}},{{Cascade Health}},[[PERSON|Amy Lin]]\n[[PERSON|Summer Ortiz]],{{Southwest}},19,{{$538,500}},{{$500,000}},{{Mesa Solar}},[[PERSON|Hunter Reyes]]\n[[PERSON|Bill Okonkwo]],{{Northeast}},9,{{$287,250}},{{$400,000}},{{Harbor & Vine}},[[PERSON|Rose DiMarco]]\n[[PERSON|Destiny Brooks]],{{Southeast}},16,{{$466,000}},{{$450,000}},{{Peachtree Logistics}},[[PERSON|Mark Simmons]]\nAlso flag anyone whose top contact hasn't been called since {{January}}.",
    ),
    (
        "csv_table",
        "english/global",
        "Explain each failed payment and draft a customer message for row 3:\ninvoice,customer,email,card,amount,failure_code,ip\n{{INV-40211}},[[PERSON|Chen Jing]],[[EMAIL|chen.jing@lotusimports.com]],{{**** 4417}},{{$389.00}},{{card_declined}},[[IP|116.6.87.203]]\n{{INV-40212}},[[PERSON|Oluwaseun Balogun]],[[EMAIL|seun.balogun@yahoo.com]],{{**** 0923}},{{$1,120.00}},{{expired_card}},[[IP|102.89.33.140]]\n{{INV-40213}},[[PERSON|Hannah Schmidt]],[[EMAIL|hannah.schmidt@web.de]],[[CARD|5326 5785 0391 3668]],{{€740.00}},{{insufficient_funds}},[[IP|87.150.12.201]]\n{{INV-40214}},[[PERSON|Ana Paula Moreira]],[[EMAIL|anapaula.moreira@uol.com.br]],{{**** 8803}},{{R$ 2.150,00}},{{do_not_honor}},[[IP|177.37.214.9]]",
    ),
    (
        "csv_table",
        "english/south-asian-african",
        "Clean this TSV and normalise phone numbers to E.164:\nname\tphone\tcountry\tsource\n[[PERSON|Imran Butt]]\t[[PHONE|0321-4478123]]\t{{Pakistan}}\t{{Facebook Lead Ads}}\n[[PERSON|Rachelle Bautista]]\t[[PHONE|0917 552 8841]]\t{{Philippines}}\t{{webinar}}\n[[PERSON|Deepak Menon]]\t[[PHONE|98470 22915]]\t{{India}}\t{{IndiaMART}}\n[[PERSON|Adaeze Nwosu]]\t[[PHONE|0703 118 4472]]\t{{Nigeria}}\t{{referral}}\n[[PERSON|Brian Otieno]]\t[[PHONE|0711 203 948]]\t{{Kenya}}\t{{trade show}}\n[[PERSON|Mohammed Al-Harbi]]\t[[PHONE|050 771 3024]]\t{{Saudi Arabia}}\t{{LinkedIn}}",
    ),
    (
        "csv_table",
        "hebrew/israeli",
        'ייבוא אנשי קשר - תבדוק שגיאות:\nשם פרטי,שם משפחה,נייד,דוא"ל,עיר,מקור\n[[PERSON|גל]],[[PERSON|פרידמן]],[[PHONE|050-3318820]],[[EMAIL|gal.friedman@gmail.com]],{{הרצליה}},{{כנס Cyber Week}}\n[[PERSON|ים]],[[PERSON|אלמוג]],[[PHONE|0527710942]],[[EMAIL|yam.almog@walla.co.il]],{{אילת}},{{פייסבוק}}\n[[PERSON|חן]],[[PERSON|עזרא]],[[PHONE|054 663 1207]],[[EMAIL|chen.ezra@gmail.con]],{{בת ים}},{{אתר}}\n[[PERSON|אלכסנדר]],[[PERSON|ליבוביץ]],[[PHONE|+972-58-440-1735]],[[EMAIL|alex.leibovitz@hotmail.com]],{{קריית ביאליק}},{{הפניה}}\n[[PERSON|סלאם]],[[PERSON|עבאס]],[[PHONE|04-6552810]],[[EMAIL|salam.abbas@bezeqint.net]],{{שפרעם}},{{גוגל}}',
    ),
    (
        "csv_table",
        "hebrew/israeli",
        'עסקאות פתוחות ל{{רבעון 3}} - תן לי סיכום לפי נציג:\nמס\' עסקה,לקוח,איש קשר,נציג,סכום,שלב,תאריך סגירה צפוי\n{{D-5501}},{{אלקטרה צריכה}},[[PERSON|רונית שמואלי]],[[PERSON|דור]],{{₪120,000}},{{משא ומתן}},{{30.09.2025}}\n{{D-5502}},{{כהן את כהן נדל"ן}},[[PERSON|אבי כהן]],[[PERSON|שני]],{{₪45,500}},{{הצעה}},{{15.08.2025}}\n{{D-5503}},{{טבע}},ד"ר [[PERSON|נטלי לוין]],[[PERSON|דור]],{{₪310,000}},{{גילוי צרכים}},{{01.10.2025}}\n{{D-5504}},{{שופרסל}},[[PERSON|מוטי אזולאי]],[[PERSON|שני]],{{₪78,900}},{{נסגר - זכייה}},{{12.07.2025}}\nהערה: בישיבה ב{{יום שני}} [[PERSON|שני]] מציגה ראשונה.',
    ),
    (
        "csv_table",
        "hebrew/israeli-mixed",
        "רשימת לקוחות פרטיים לבדיקת אשראי (מופרד ב-;)\nשם;ת.ז.;טלפון;כתובת;מסלול\n[[PERSON|אליהו דהן]];[[IL_ID|886058932]];[[PHONE|052-6671903]];[[ADDRESS|רחוב ויצמן 21, כפר סבא]];{{מסלול פרימיום}}\n[[PERSON|תמר גולן]];[[IL_ID|622496172]];[[PHONE|03-5249918]];[[ADDRESS|שדרות רוטשילד 45, תל אביב-יפו]];{{מסלול בסיסי}}\n[[PERSON|ווסן עאמר]];[[IL_ID|537008658]];[[PHONE|054-8120476]];[[ADDRESS|רחוב אל-מותנבי 9, חיפה]];{{מסלול עסקי}}\n[[PERSON|ארקדי זלצמן]];[[IL_ID|840291082]];[[PHONE|077-4402318]];[[ADDRESS|רחוב הרקפת 3, מעלות-תרשיחא]];{{מסלול בסיסי}}\nמי מהם זכאי להנחת {{ותיק}} של {{10%}}?",
    ),
    (
        "csv_table",
        "arabic/saudi",
        "حلل هذا الملف واستخرج العملاء اللي ما تم التواصل معهم:\nالاسم,الجوال,البريد,المدينة,آخر تواصل,المندوب\n[[PERSON|سعيد الغامدي]],[[PHONE|0559 214 870]],[[EMAIL|saeed.ghamdi@hotmail.com]],{{الدمام}},{{12/01/2025}},[[PERSON|ريم]]\n[[PERSON|أمل الشهري]],[[PHONE|0503 667 129]],[[EMAIL|amal.alshehri@gmail.com]],{{الرياض}},—,[[PERSON|ريم]]\n[[PERSON|جميل الحربي]],[[PHONE|0566 410 382]],,{{المدينة المنورة}},{{03/02/2025}},[[PERSON|ماجد]]\n[[PERSON|نور العنزي]],[[PHONE|0538 905 417]],[[EMAIL|nour.anazi@outlook.sa]],{{تبوك}},—,[[PERSON|ماجد]]",
    ),
    (
        "csv_table",
        "arabic/egyptian",
        "ده تصدير الطلبات من المتجر، طلّعلي أعلى 3 عملاء:\nرقم الطلب;العميل;التليفون;العنوان;المبلغ\n{{ORD-100932}};[[PERSON|ياسمين عبد الرحمن]];[[PHONE|01006583214]];[[ADDRESS|٧ شارع مصطفى النحاس، مدينة نصر، القاهرة]];{{EGP 4,250}}\n{{ORD-100933}};[[PERSON|أحمد سمير]];[[PHONE|01227419038]];[[ADDRESS|عمارة 12، شارع 9، المقطم، القاهرة]];{{EGP 1,180}}\n{{ORD-100934}};[[PERSON|ياسمين عبد الرحمن]];[[PHONE|01006583214]];[[ADDRESS|٧ شارع مصطفى النحاس، مدينة نصر، القاهرة]];{{EGP 2,900}}\n{{ORD-100935}};[[PERSON|شريف]];[[PHONE|01551027746]];[[ADDRESS|15 طريق الحرية، جليم، الإسكندرية]];{{EGP 6,700}}",
    ),
    (
        "csv_table",
        "arabic/gulf-levantine",
        "جدول عمولات الشركاء لشهر {{مارس}} – تأكد من صحة البيانات:\nالشريك | رقم الآيبان | النسبة | المبلغ\n[[PERSON|عبدالله الشامسي]] | [[IBAN|AE250266770974492368153]] | {{7%}} | {{AED 12,600}}\n[[PERSON|ماجد العتيبي]] | [[IBAN|SA7880403234087595667097]] | {{5%}} | {{SAR 8,950}}\n[[PERSON|ليلى حداد]] | [[IBAN|LB89099972386255118487333113]] | {{6%}} | {{$3,200}}\n[[PERSON|خالد الزعبي]] | [[IBAN|JO39CBJO0010000000004527188635]] | {{5%}} | {{JOD 1,450}}\nملاحظة: [[PERSON|ليلى]] طلبت التحويل بالدولار.",
    ),
    # ------------------------------------------------------------------ tool_result
    (
        "tool_result",
        "english/irish",
        r'{"role": "tool", "tool_call_id": "call_8fK2mQxz", "content": "{\"contact\":{\"id\":\"{{ct_90412}}\",\"name\":\"[[PERSON|Declan Murphy]]\",\"title\":\"{{Head of Partnerships}}\",\"company\":\"{{Kestrel Aviation Services}}\",\"email\":\"[[EMAIL|declan.murphy@kestrel-aviation.ie]]\",\"phone\":\"[[PHONE|+353 87 214 6630]]\",\"notes\":\"Met at {{Web Summit}} in {{Lisbon}}.\\nWants {{SSO}} + {{SCIM}}.\\nAssistant: [[PERSON|Siobhan Kelly]]\"},\"open_deals\":[{\"id\":\"{{DL-4471}}\",\"amount\":{{72000}},\"stage\":\"{{Negotiation}}\"}]}"}'
        "\nUse the tool result to write a pre-call brief for the meeting with [[PERSON|Declan]] on {{Thursday}}.",
    ),
    (
        "tool_result",
        "english/british-american",
        'Tool result (search_contacts, query="[[PERSON|hope]]"):\n[{"name": "[[PERSON|Hope Williams]]", "company": "{{Hope & Anchor Brewing}}", "email": "[[EMAIL|hope.w@hopeanchorbrew.co.uk]]", "city": "{{Bristol}}"}, {"name": "[[PERSON|Esperanza Ruiz]]", "company": "{{Hopewell Dental}}", "email": "[[EMAIL|eruiz@hopewelldental.com]]", "city": "{{Austin}}"}, {"name": "[[PERSON|Hope]]", "company": null, "email": "[[EMAIL|hopeforever92@aol.com]]", "city": null}]\nThe user asked: "do we have [[PERSON|hope]] in the CRM? the one from the {{Bristol}} brewery". Answer using the result.',
    ),
    (
        "tool_result",
        "english/mexican-american",
        'Function `enrich_person` returned:\n{"input_email": "[[EMAIL|jmoreno@northbeamsolar.com]]", "person": {"full_name": "[[PERSON|Javier Moreno]]", "linkedin_title": "{{Director of Procurement}}", "location": "{{Phoenix, Arizona}}", "work_phone": "[[PHONE|+1 602-734-1185]]", "personal_address": "[[ADDRESS|2217 W Camelback Rd, Phoenix, AZ 85015]]"}, "company": {"name": "{{Northbeam Solar}}", "employees": "{{201-500}}", "funding": "{{Series C}}", "tech": ["{{HubSpot}}", "{{Gong}}", "{{Slack}}"]}, "confidence": {{0.87}} }\nWrite a 2-line intro for the rep about [[PERSON|Javier]]. Do NOT include the personal address.',
    ),
    (
        "tool_result",
        "english/ghanaian",
        r'{"role":"tool","name":"http_request","content":"request: GET /v1/leads/{{LD-7731}}\nheaders: {\"Authorization\": \"Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1XzQ0MTIiLCJyb2xlIjoiYWRtaW4ifQ.Qm9rZW5TaWduYXR1cmVYWFg]]\"}\nstatus: 200\nbody: {\"lead\":{\"name\":\"[[PERSON|Kwame Mensah]]\",\"phone\":\"[[PHONE|+233 24 418 9073]]\",\"company\":\"{{Accra Cocoa Exports}}\",\"stage\":\"{{MQL}}\",\"email\":null} }"}'
        "\nWhy does [[PERSON|Kwame]]'s lead have no email although the call returned 200? Also point out anything in this log that should not be stored.",
    ),
    (
        "tool_result",
        "hebrew/haredi-israeli",
        r'{"role": "tool", "tool_call_id": "call_Lq93", "content": "{\"שם_מלא\": \"[[PERSON|רבקה פרלמוטר]]\", \"טלפון\": \"[[PHONE|02-6523817]]\", \"כתובת\": \"[[ADDRESS|רחוב יפו 97, ירושלים]]\", \"הערות\": \"הרב [[PERSON|שמואל פרלמוטר]] ביקש שיחזרו אליו רק אחרי {{צאת השבת}}.\\nהזמנה {{#88120}}: {{120 ספרי קודש}} ל{{ישיבת נחלת יעקב}}\"}"}'
        "\nענה ל[[PERSON|רבקה]] בעברית: מתי יגיע המשלוח?",
    ),
    (
        "tool_result",
        "hebrew/israeli",
        "Tool message (raw):\n"
        r'{"role":"tool","tool_call_id":"call_0xRt","content":"{\"lead\":{\"name\":\"[[PERSON|\u05e9\u05d7\u05e8 \u05d1\u05e8\u05e7]]\",\"city\":\"{{\u05d7\u05d5\u05dc\u05d5\u05df}}\",\"phone\":\"[[PHONE|054-7380916]]\",\"plan\":\"{{Pro}}\",\"mrr\":{{890}},\"owner\":\"[[PERSON|\u05d0\u05d1\u05d9]]\"} }"}'
        "\nענה למשתמש בעברית: מי הליד, באיזו עיר, מי הבעלים ומה הצעד הבא.",
    ),
    (
        "tool_result",
        "hebrew/ashkenazi-israeli",
        'תוצאת הכלי get_deal_history:\n- {{2025-01-05}}: [[PERSON|מיכל אשכנזי]] יצרה את העסקה "{{הטמעת מערכת - קבוצת אשכנזי}}"\n- {{2025-01-19}}: שיחה עם [[PERSON|יובל]] ({{סמנכ"ל כספים}}), טל\' [[PHONE|054-3308172]]\n- {{2025-02-02}}: הוחלף איש קשר ל[[PERSON|טל בן-עמי]] ([[EMAIL|tal.benami@ashkenazi-group.co.il]])\n- {{2025-02-20}}: נשלחה חשבונית {{INV-5520}} על {{₪23,400}}; שולם בכרטיס [[CARD|4580 6224 6642 9108]]\n- {{2025-03-01}}: [[PERSON|מיכל]] העבירה את העסקה ל[[PERSON|בן]]\nשאלה: למה העסקה נתקעה, ומה [[PERSON|בן]] צריך לעשות השבוע?',
    ),
    (
        "tool_result",
        "arabic/kuwaiti",
        r'{"role":"tool","tool_call_id":"call_ar77","content":"{\"customer\":{\"name_ar\":\"[[PERSON|\u0633\u0627\u0631\u0629 \u0627\u0644\u0645\u0637\u064a\u0631\u064a]]\",\"name_en\":\"[[PERSON|Sara Al Mutairi]]\",\"mobile\":\"[[PHONE|+965 6634 2190]]\",\"city\":\"{{\u0627\u0644\u0643\u0648\u064a\u062a}}\",\"tier\":\"{{Gold}}\"},\"last_order\":\"{{KWD 215.500}}\",\"order_id\":\"{{KW-55102}}\"}"}'
        "\nاكتب رسالة شكر للعميلة [[PERSON|سارة]] بالعربي وذكّرها بنقاط الولاء.",
    ),
    (
        "tool_result",
        "arabic/emirati",
        'نتيجة الأداة lookup_by_phone للرقم [[PHONE|+971 58 330 4129]]:\n{"found": true, "contact": {"الاسم": "[[PERSON|جميلة الظاهري]]", "الشركة": "{{الظاهري للعطور}}", "العنوان": "[[ADDRESS|مكتب 604، برج الكمالة، شارع المرور، أبوظبي]]", "المالك": "[[PERSON|عمر]]", "آخر_نشاط": "{{2025-04-11}}"}, "deals": [{"id": "{{DL-9931}}", "value": "{{AED 38,000}}", "stage": "{{عرض سعر}}"}]}\nاكتب رسالة متابعة ل[[PERSON|جميلة]] من [[PERSON|عمر]].',
    ),
    (
        "tool_result",
        "arabic-english/egyptian",
        'tool_output = {"status":"ok","rows":[{"owner":"[[PERSON|Omar Farouk]]","lead":"[[PERSON|هبة الله محمد]]","phone":"[[PHONE|+20 106 991 2354]]","stage":"{{Qualified}}","note":"el client 3ayez {{demo}} yom {{el sabt}}, and [[PERSON|Heba]] asked for {{Arabic invoices}}"}]}\nPlease reply بالعربي المصري, mention the {{Pro plan}} price ({{EGP 1,999/month}}) وقول لـ[[PERSON|هبة]] إن [[PERSON|عمر]] هيكلمها.',
    ),
    # ------------------------------------------------------------------ transcript
    (
        "transcript",
        "english/british-indian",
        "Meeting transcript ({{Zoom}}, {{Thursday 14 Nov}}, 47 min). Extract objections and next steps.\n\n[00:00:12] [[PERSON|Priya Nair]]: Thanks for joining, everyone. [[PERSON|Oliver]], can you hear me?\n[00:00:15] [[PERSON|Oliver Hargreaves]]: Yes, loud and clear. I've got [[PERSON|Mark]] from procurement with me.\n[00:00:21] [[PERSON|Mark Fenwick]]: Morning.\n[00:01:40] [[PERSON|Priya Nair]]: So on the {{Growth plan}} you'd be at {{£18,000}} a year for 30 seats.\n[00:02:05] [[PERSON|Mark Fenwick]]: That's above what we budgeted. {{Pipedrive}} quoted us {{£11,500}}.\n[00:03:30] [[PERSON|Oliver Hargreaves]]: We also need the data hosted in the {{UK}}, not just the {{EU}}.\n[00:44:10] [[PERSON|Priya Nair]]: I'll send the revised quote {{Q-UK-2291}} by {{Monday}}. [[PERSON|Mark]], best number for you?\n[00:44:14] [[PERSON|Mark Fenwick]]: Mobile's [[PHONE|07723 908 144]].\n[00:46:55] [[PERSON|Oliver Hargreaves]]: Cheers, [[PERSON|Priya]].",
    ),
    (
        "transcript",
        "english/american",
        "Transcript (auto-generated, may contain errors):\nSPEAKER 1 ([[PERSON|Grace Holloway]]): ...so [[PERSON|Hunter]] will send the contract over by end of day.\nSPEAKER 2 ([[PERSON|Hunter Cole]]): Yeah I will, I just need [[PERSON|Will]] to sign off on the discount.\nSPEAKER 1: Will [[PERSON|Will]] be okay with {{12%}}?\nSPEAKER 2: He should. Last quarter he approved {{15%}} for {{Ridgeline Foods}}.\nSPEAKER 1: Great. And the billing contact is still [[PERSON|Sandy Park]], [[EMAIL|sandy.park@ridgelinefoods.com]]?\nSPEAKER 2: No, [[PERSON|Sandy]] left in {{August}}. Use [[PERSON|Joy Bennett]], [[PHONE|(312) 646-2270]].\nSPEAKER 1: Got it. We'll give a grace period of {{30 days}} on the first invoice, {{INV-US-7734}}.\nPlease produce clean meeting minutes.",
    ),
    (
        "transcript",
        "english/kenyan",
        "Voice memo transcription from rep [[PERSON|Wanjiku]] (uploaded via {{mobile app v5.3.1}}):\n\"okay so just left {{Safaricom}}... no, left [[PERSON|Otieno]]'s office in {{Westlands}}, um, [[PERSON|Peter Otieno]], the {{IT manager}} at {{Jamii Microfinance}}. he wants to pilot with 10 users, {{KES 150,000}} budget. his number is... wait no that's [[PERSON|Grace]]'s number, his is [[PHONE|0733 562 019]]. also his deputy [[PERSON|Mercy Chebet]], email [[EMAIL|mercy.chebet@jamiimfi.co.ke]]. follow up {{Tuesday}}.\"\nTurn this into a clean CRM note.",
    ),
    (
        "transcript",
        "english/chinese-japanese",
        "Transcript → summary. Participants: [[PERSON|Liu Yang]] ({{Sourcing}}, {{Guangzhou Brightlite}}), [[PERSON|Tanaka Mei]] ({{Buyer}}, {{Osaka Home Goods}}), our AE [[PERSON|Daniel Weiss]].\n\n[[PERSON|Daniel]]: ...so the {{SKU LT-4400}} lamps, 5,000 units, {{FOB Shenzhen}}.\n[[PERSON|Liu]]: Yes, {{USD 7.80}} each, delivery {{week 32}}.\n[[PERSON|Tanaka]]: We need the {{PSE mark}} for {{Japan}}. Can you ship to our warehouse at [[ADDRESS|3-5-12 Nanko-kita, Suminoe-ku, Osaka 559-0034]]?\n[[PERSON|Liu]]: OK. Send the PO to [[EMAIL|liuyang@gz-brightlite.cn]] and call [[PHONE|+86 139 2874 6610]] if urgent.\n[[PERSON|Daniel]]: Perfect, I'll log this under deal {{DL-JP-0087}}.",
    ),
    (
        "transcript",
        "hebrew/ashkenazi-israeli",
        "תמלול שיחת וידאו ({{גוגל מיט}}, {{יום ד'}} {{14:00}}):\n[[PERSON|אלה]]: היי [[PERSON|ירון]], שומע אותי?\n[[PERSON|ירון שפירא]]: כן, [[PERSON|אלה]], מצוין. אני עם [[PERSON|הדס]] מהכספים.\n[[PERSON|הדס ברגר]]: שלום לכולם.\n[[PERSON|אלה]]: אז כמו שדיברנו, {{חבילת Enterprise}} עולה {{₪9,800}} לחודש ל-50 משתמשים.\n[[PERSON|הדס ברגר]]: זה יותר ממה שתכננו. יש גמישות?\n[[PERSON|אלה]]: אם חותמים עד {{סוף מאי}} אפשר {{10%}}.\n[[PERSON|ירון שפירא]]: שלחי את ההסכם ל-[[EMAIL|yaron@shapira-tech.co.il]] ואני אעביר ל[[PERSON|הדס]].\nבקשה: כתוב סיכום ומשימות. אלה הנקודות החשובות.",
    ),
    (
        "transcript",
        "hebrew/mizrahi-israeli",
        "תמלול שיחת שירות:\nנציג: שלום, הגעת ל{{מוקד השירות של CRMate}}, מדבר [[PERSON|גיא]]. עם מי אני מדבר?\nלקוחה: היי, זאת [[PERSON|סיגל אוחנה]].\nנציג: [[PERSON|סיגל]], לצורך זיהוי אפשר מספר תעודת זהות?\nלקוחה: [[IL_ID|483264289]].\nנציג: תודה. במה אפשר לעזור?\nלקוחה: אני רוצה להחליף את כרטיס האשראי למנוי. המספר החדש [[CARD|5412 4638 8568 6403]], תוקף 11/28.\nנציג: עודכן. החיוב הבא ב-{{10 ביוני}} על סך {{₪199}}.\nלקוחה: ותעדכן גם כתובת: [[ADDRESS|רחוב הגפן 8, מושב בית יצחק]].\nמשימה: סכם את השיחה בלי לחשוף פרטים רגישים.",
    ),
    (
        "transcript",
        "hebrew/russian-ethiopian-israeli",
        "תמלול אוטומטי - ישיבת צוות מכירות {{צפון}}, {{יום ראשון}}:\n[[PERSON|מרינה גולדשטיין]]: בוקר טוב. [[PERSON|דימה]], מה עם {{אופטיקה עין טובה}}?\n[[PERSON|דמיטרי וולקוב]]: חתמו אתמול, {{₪84,000}} לשנתיים. [[PERSON|אייל]] מהצד שלהם ביקש הדרכה ב{{עכו}}.\n[[PERSON|מרינה גולדשטיין]]: יופי. [[PERSON|יעקב]], מה עם הליד של [[PERSON|אדיסו]]?\n[[PERSON|יעקב מלכה]]: [[PERSON|אדיסו טקלה]] מ{{טקלה מוסכים}} רוצה שנבוא ל[[ADDRESS|רחוב העצמאות 60, עפולה]] להדגמה. הטלפון שלו [[PHONE|050-2247619]].\n[[PERSON|מרינה גולדשטיין]]: מעולה, תקבע ל{{יום שלישי}}.\nבקשה: רשימת משימות לפי אחראי.",
    ),
    (
        "transcript",
        "arabic/emirati",
        "نص الاجتماع (مسجل عبر {{Microsoft Teams}}):\n[[PERSON|سلطان]]: السلام عليكم، معي [[PERSON|عائشة]] من {{إدارة المشتريات}}.\n[[PERSON|عائشة الكتبي]]: وعليكم السلام. شفنا العرض {{QT-2025-118}} وعندنا ملاحظات.\n[[PERSON|فيصل]] (من فريقنا): تفضلي.\n[[PERSON|عائشة الكتبي]]: السعر {{AED 220,000}} مرتفع، ونبغى الدفع على أربع دفعات.\n[[PERSON|فيصل]]: ممكن، بشرط التوقيع قبل {{نهاية الربع}}.\n[[PERSON|سلطان المنصوري]]: تمام. أرسلوا العقد على [[EMAIL|sultan.almansoori@alnoor-energy.ae]]، والتوقيع في مكتبنا [[ADDRESS|الطابق 18، برج الحصن، شارع الكورنيش، أبوظبي]].\nالمطلوب: ملخص ونقاط العمل.",
    ),
    (
        "transcript",
        "arabic/egyptian",
        "تفريغ مكالمة:\nالموظفة: أهلاً يا فندم، معاك [[PERSON|سلمى]] من {{خدمة العملاء}}.\nالعميل: أهلاً، أنا [[PERSON|شريف عادل]]، عندي مشكلة في الفاتورة {{INV-EG-30277}}.\nالموظفة: تمام يا أستاذ [[PERSON|شريف]]، ممكن رقم الموبايل المسجل؟\nالعميل: [[PHONE|٠١٢٢٨٤٥٣٩١٠]].\nالموظفة: الفاتورة طالعة بـ{{EGP 2,400}} بدل {{EGP 1,200}}؟\nالعميل: أيوة، اتخصم مرتين من الكارت.\nالموظفة: هنرجّع الفرق خلال {{7 أيام عمل}}. حاجة تانية؟\nالعميل: لا شكراً يا [[PERSON|سلمى]].\nاكتب ملخص المكالمة.",
    ),
    (
        "transcript",
        "hebrew-english/israeli",
        "transcript, חצי עברית חצי אנגלית, תסכם באנגלית:\n[[PERSON|Noam]]: okay אז בוא נעבור על ה-pipeline של {{Q4}}\n[[PERSON|Shira]]: יש לנו את {{Mobileye}} ב-{{negotiation}}, ה-champion שם זה [[PERSON|Eitan Mor]], he said they need {{SSO}} first\n[[PERSON|Noam]]: ו[[PERSON|דניאל]]? זה מ{{Check Point}}?\n[[PERSON|Shira]]: [[PERSON|Daniel]] ghosted us. ניסיתי [[PHONE|052-6148830]] פעמיים.\n[[PERSON|Noam]]: send him a breakup email. וגם תעדכני את ה-forecast של [[PERSON|Ronit]] ל-{{$240K}}",
    ),
    # ------------------------------------------------------------------ ticket
    (
        "ticket",
        "english/american-brazilian",
        "Ticket #{{SUP-20931}} | Priority: {{High}} | Channel: {{email}}\nFrom: [[PERSON|Nathan Cole]] <[[EMAIL|nathan.cole@bluepeak-hvac.com]]>\nSubject: can't log in after {{v8.2}} update\n\nHi, since the update on {{Tuesday}} none of my reps can log in. I reset my password to [[SECRET|BluePeak!2025]] and it still fails. Our admin [[PERSON|Carla Mendes]] is on leave until {{June 3}}. Account: {{BluePeak HVAC}}, plan {{Team}}. Please call me at [[PHONE|+1 (720) 418-3360]].\n\n---\nAgent instructions: classify the issue, suggest a fix, and draft a reply to [[PERSON|Nathan]].",
    ),
    (
        "ticket",
        "english/french",
        'New ticket from web form:\nType: {{Data deletion request (GDPR Art. 17)}}\nRequester: [[PERSON|Sophie Laurent]]\nEmail: [[EMAIL|sophie.laurent@orange.fr]]\nPhone: [[PHONE|06 71 28 44 19]]\nAddress: [[ADDRESS|18 rue des Lilas, 69003 Lyon]]\nMessage: "I was added to your customer\'s CRM ({{Atelier Dubois}}) without consent after a {{Salon du Chocolat}} visit. Please delete everything about me, including the notes [[PERSON|Marc Dubois]] wrote."\nAssign to: [[PERSON|Priya]] ({{DPO office}})\nSLA: {{30 days}}\nTask: draft an acknowledgment email.',
    ),
    (
        "ticket",
        "english/nigerian-japanese",
        "Jira-style ticket {{CRM-7712}}\nReporter: [[PERSON|Aisha Bello]]\nComponent: {{Webhooks}}\nEnvironment: {{prod-eu-west-1}}, app {{v3.14.2}}\nDescription: Webhook deliveries to the customer's endpoint fail with 403 since {{2025-05-06}}. The customer ({{Lumen Dental}}, admin Dr. [[PERSON|Kenji Watanabe]]) says they allow-listed our egress range {{18.200.14.0/24}}. [[PERSON|Watanabe]] last logged in from [[IP|81.102.33.17]].\nSigning secret copied from the payload log (rotate it!): [[SECRET|whsec_7Hq2LzP0mVxN4rT9bKc1eYdA]]\nTask: list likely causes and the next debugging step.",
    ),
    (
        "ticket",
        "english/indian-filipino",
        "Zendesk ticket {{#448120}}\nRequester: [[PERSON|Rajesh Kumar Yadav]] ([[EMAIL|rajesh.yadav@sunriseexports.in]])\nCC: [[PERSON|Maricel Santos]]\nSubject: double charged on card ending {{8820}}\nBody: Sir/Madam, our card was charged {{₹84,960}} twice on {{05-04-2025}} for invoice {{INV-IN-11820}}. GSTIN {{27AAPCS1234F1Z5}}. Kindly refund to the same card. Contact [[PERSON|Maricel]] at our Manila back office [[PHONE|+63 2 8812 4470]] or me on [[PHONE|+91 99201 47356]].\nInternal note from [[PERSON|Leah]]: {{Stripe}} shows 2 captures. Refund one.\nQuestion: write the reply.",
    ),
    (
        "ticket",
        "hebrew/haredi-israeli",
        "פנייה מס' {{48211}} | ערוץ: {{וואטסאפ}} | דחיפות: {{בינונית}}\nלקוח: הרב [[PERSON|יצחק פרידמן]]\nארגון: {{ישיבת אור החיים}}\nטלפון: [[PHONE|02-5387714]]\nתוכן: שלום, לא מצליחים לשלוח קבלות ל{{תורמים}} מאז {{יום חמישי}}. [[PERSON|מנחם]] מהמשרד ניסה גם ממחשב אחר. צריך את זה לפני {{ראש חודש}}.\nהערת נציג: בדקתי, חסר אישור {{סעיף 46}} בהגדרות. לוג: המשתמש [[EMAIL|office@orhachaim.org.il]] נכנס מ-[[IP|84.229.18.71]].\nבקשה: נסח תשובה מכבדת לרב.",
    ),
    (
        "ticket",
        "hebrew/mizrahi-israeli",
        "תלונה שהתקבלה בטופס 'צור קשר':\nשם: [[PERSON|בת-אל אסולין]]\nנייד: [[PHONE|053-3029187]]\nמייל: [[EMAIL|batel.asulin1990@gmail.com]]\nנושא: חויבתי אחרי ביטול\nפירוט: ביטלתי את המנוי ({{מסלול Plus}}) ב-{{02/04/2025}} מול נציג בשם [[PERSON|אליאב]], ובכל זאת ירדו לי {{₪79.90}} ב-{{10/05}}. אני דורשת החזר לחשבון [[IBAN|IL240205715167254492865]]. אם לא - אפנה ל{{רשות להגנת הצרכן}}.\nמשימה: סווג את הפנייה והצע פתרון.",
    ),
    (
        "ticket",
        "hebrew/moroccan-israeli",
        "קריאה {{INC-3390}} - אינטגרציה עם {{פריוריטי}} נופלת\nפותחת: [[PERSON|עדי וקנין]] ({{מנהלת IT}}, {{וקנין הנדסה}})\nתיאור: מאז עדכון {{גרסה 24.1}} הסנכרון נכשל. צירפתי את קובץ ההגדרות:\nPRIORITY_URL=https://erp.vaknin-eng.co.il/odata\nPRIORITY_USER=apiuser\nPRIORITY_PASSWORD=[[SECRET|Vk!n2024#sync]]\nCRM_API_KEY=[[SECRET|crm_live_9fA3kQ7xL2mN8pR4tV6wZ1]]\n[[PERSON|עדי]] ביקשה שנחזור אליה עד {{יום ראשון}} ל-[[PHONE|054-4471290]].\nהנחיה: נתח את השגיאה ותזכיר לה להחליף את הסיסמה ששלחה.",
    ),
    (
        "ticket",
        "arabic/saudi",
        "تذكرة رقم {{TCK-77120}}\nالعميل: [[PERSON|فهد الدوسري]]\nالجوال: [[PHONE|+966 50 214 8836]]\nالمشكلة: الرسائل النصية للعملاء ما توصل من {{يوم الاثنين}}. الموظفة [[PERSON|هيفاء]] جربت ترسل لرقمها [[PHONE|0532 771 409]] وما وصل شي.\nالباقة: {{الباقة المتقدمة}} – {{SAR 1,150}} شهرياً\nالموقع حسب IP: {{الخبر}} ([[IP|188.54.203.17]])\nالمطلوب: اقترح سبب المشكلة وخطوات الحل.",
    ),
    (
        "ticket",
        "arabic/algerian",
        "Ticket {{#DZ-2209}} – canal {{WhatsApp}}\nالعميل: [[PERSON|أمين بوزيد]]\nرقم الهاتف: [[PHONE|0770 41 28 63]]\nالرسالة: سلام، الفاكتورة {{FAC-2025-118}} فيها غلطة، كتبتو الاسم [[PERSON|Amine Bouzid]] ولكن الشركة هي {{Bouzid Import-Export SARL}}، والعنوان الصحيح [[ADDRESS|12 شارع ديدوش مراد، الجزائر العاصمة]]. حاب تصححوها قبل {{الخميس}} باش نخلص [[PERSON|مراد]] المحاسب.\nالمطلوب: اكتب رد بالدارجة.",
    ),
    (
        "ticket",
        "arabic/jordanian",
        "تذكرة دعم #{{J-5521}}\nمن: [[PERSON|ربى الحسيني]] <[[EMAIL|ruba.husseini@petra-edu.jo]]>\nالموضوع: تغيير مالك الحساب\nالنص: مرحبا، [[PERSON|وسيم]] ترك الشركة الأسبوع الماضي وبدنا ننقل كل الليدز تبعه إلي ولـأبو [[PERSON|خالد]]. كلمة السر القديمة لحساب [[PERSON|وسيم]] كانت [[SECRET|Wasim@Petra77]] ولازم تنلغى. رقمي [[PHONE|0788 412 390]].\nالباقة: {{الخطة المدرسية}} – {{JOD 2,400}} سنوياً\nالمطلوب: خطوات نقل الملكية.",
    ),
    # ------------------------------------------------------------------ slack
    (
        "slack",
        "english/irish-german",
        "#sales-emea thread, summarize for [[PERSON|Victoria]] who was off:\n\n[[PERSON|Tom Baker]] 9:14 AM\nanyone heard back from [[PERSON|Klaus]] @ {{Siemens Healthineers}}?\n[[PERSON|Aoife Byrne]] 9:20 AM\nyes!! he wants {{Enterprise}} for the {{Erlangen}} + {{Forchheim}} sites, ~{{€210k}}. sent him the {{MSA}}\n[[PERSON|Tom Baker]] 9:21 AM\n🔥 nice. [[PERSON|Aoife]] can you add [[PERSON|Klaus Richter]]'s mobile to the record? [[PHONE|+49 170 882 4419]]\n[[PERSON|Aoife Byrne]] 9:23 AM\ndone ✅ also his EA [[PERSON|Birgit]] → [[EMAIL|birgit.hahn@siemens-healthineers.com]]\n[[PERSON|Sam Okoye]] 9:40 AM\n@[[PERSON|Tom Baker]] fyi legal wants redlines by {{Friday}}",
    ),
    (
        "slack",
        "english/american",
        "Slack DM export:\n[[PERSON|jess]]: hey can u log into the {{LinkedIn Sales Navigator}} acct? user [[EMAIL|sales.team@northwind-demo.com]] pw [[SECRET|NavPass#8812]]\n[[PERSON|Marcus]]: got it thx. btw [[PERSON|Jess]], is [[PERSON|Summer]] still handling the {{Costco}} account?\n[[PERSON|jess]]: no, [[PERSON|Summer Davis]] moved to {{partnerships}} in {{July}}. [[PERSON|Hunter]] has it now\n[[PERSON|Marcus]]: ok. what's [[PERSON|hunter]]'s cell\n[[PERSON|jess]]: [[PHONE|415-806-2293]] but text first, he hates calls lol\n\nTask: find any security problems in this conversation.",
    ),
    (
        "slack",
        "english/indian-chinese",
        "Message in #deal-desk from {{DealBot}}:\n> :rotating_light: Discount approval needed\n> Deal: {{Acme Robotics – Renewal FY26}}\n> Owner: [[PERSON|Rohan Mehta]]\n> Customer contact: [[PERSON|Li Wei]] ([[EMAIL|li.wei@acmerobotics.com]])\n> List: {{$96,000}} → Proposed: {{$78,720}} ({{18%}} off)\n> Approver: [[PERSON|Grace Kim]]\n\nReplies:\n[[PERSON|Grace Kim]]: why 18? policy max is {{15%}} w/o VP\n[[PERSON|Rohan Mehta]]: [[PERSON|Li]] says {{Salesforce}} offered 20. I can get a 3-yr term\n[[PERSON|Grace Kim]]: ok if 3yr. loop in [[PERSON|Bill]]\nWrite the approval summary.",
    ),
    (
        "slack",
        "english/ghanaian-nigerian",
        "#west-africa-sales (last 24h)\n[[PERSON|Kofi Asante]]: guys [[PERSON|Ngozi]]'s lead from {{GITEX Nigeria}} just booked a demo 🎉\n[[PERSON|Ngozi Okeke]]: yesss. it's Alhaji [[PERSON|Musa Danjuma]] from {{Danjuma Agro Allied}}, 300 seats potentially\n[[PERSON|Kofi Asante]]: whoa. his office is [[ADDRESS|Plot 1145, Ahmadu Bello Way, Garki, Abuja]]?\n[[PERSON|Ngozi Okeke]]: yes. demo {{Thursday}} 11am WAT. his PA [[PERSON|Blessing]] is on [[PHONE|0803 612 4490]]\n[[PERSON|Tobi Adewale]]: remember the {{NGN}} price list changed on {{1 May}}\nSummarize the thread and list owners.",
    ),
    (
        "slack",
        "hebrew/mizrahi-israeli",
        "ערוץ #מכירות-צפון, תסכם לי מה פספסתי:\n[[PERSON|ליאור]] 08:12: בוקר! מישהו דיבר עם [[PERSON|נסים]] מ{{אלקטרוניקה בוכריס}}?\n[[PERSON|אורי פרץ]] 08:15: אני. הוא רוצה הצעה עד {{יום חמישי}}. ביקש שנשלח ל-[[EMAIL|nissim@bukris-elec.co.il]]\n[[PERSON|ליאור]] 08:16: 👍 [[PERSON|אורי]], תוודא ש[[PERSON|נסים]] יודע על העלייה ב{{מחירון 2025}}\n[[PERSON|מאיה]] 08:30: לידיעתכם - [[PERSON|נסים בוכריס]] פנה אלינו גם לפני שנה, ו[[PERSON|דוד]] טיפל בו. הטלפון של [[PERSON|נסים]]: [[PHONE|04-9915372]]\n[[PERSON|אורי פרץ]] 08:31: תודה [[PERSON|מאיה]]🙏",
    ),
    (
        "slack",
        "hebrew/ethiopian-israeli",
        "הודעה בערוץ #general מ[[PERSON|טליה]] (HR):\n🎉 ברוכים הבאים ל[[PERSON|יוסף מנגשה]] שמצטרף לצוות ה-{{SDR}} ב{{באר שבע}}! [[PERSON|יוסף]] הגיע אלינו מ{{סלקום}}, והוא ישב ליד [[PERSON|רחל]]. תגידו לו שלום 👋\nפרטים לצורך הקמת משתמש (אל תעבירו הלאה): ת.ז. [[IL_ID|932084676]], נייד [[PHONE|052-8897312]], כתובת [[ADDRESS|רחוב יהודה הלוי 18 דירה 4, באר שבע]].\nתכין לי גרסה לפרסום בלי פרטים אישיים.",
    ),
    (
        "slack",
        "hebrew/israeli",
        "שרשור ב-#dev-integrations:\n[[PERSON|עומר]]: מישהו יכול לבדוק למה ה-webhook של {{HubSpot}} נכשל?\n[[PERSON|נטע]]: שלח לי את ה-token\n[[PERSON|עומר]]: [[SECRET|pat-eu1-4f7a9c2e-81b3-4d6f-a0e5-93c1d7b24f88]]\n[[PERSON|נטע]]: 🤦‍♀️ [[PERSON|עומר]] לא בערוץ ציבורי! תחליף אותו מיד\n[[PERSON|עומר]]: אופס. החלפתי. גרסה {{3.8.0}} של הקונקטור, לקוח {{גרינברג אנרגיה}}\n[[PERSON|גיל]]: גם אני נתקלתי בזה אצל [[PERSON|שושנה]] מ{{קבוצת שטראוס}}\nסכם את השרשור והזהר מפני דליפת סודות.",
    ),
    (
        "slack",
        "arabic/saudi",
        "قناة #مبيعات-الخليج:\n[[PERSON|خالد]]: يا شباب، [[PERSON|الجوهرة]] من {{مستشفى الحياة}} ردّت؟\n[[PERSON|ريم السبيعي]]: إيه، تبي عرض لـ 80 مستخدم، وطلبت {{تكامل مع Oracle}}\n[[PERSON|خالد]]: ممتاز 👌 رقمها عندك؟\n[[PERSON|ريم السبيعي]]: [[PHONE|0504 382 119]] – بس تقول راسلوني واتساب\n[[PERSON|ماجد]]: لا تنسون إن [[PERSON|الجوهرة]] تعرف أبو [[PERSON|ناصر]] مدير {{مجموعة الحكير}}، وشكراً ل[[PERSON|ريم]] على المتابعة\nلخص المحادثة.",
    ),
    (
        "slack",
        "arabic/egyptian",
        "#support-egypt\n[[PERSON|مينا جرجس]]: يا جماعة العميلة [[PERSON|رحاب]] بتشتكي إن الـdashboard بطيء\n[[PERSON|أحمد]]: أنهي [[PERSON|رحاب]]؟ [[PERSON|رحاب السيد]] بتاعة {{سوبر ماركت الخير}}؟\n[[PERSON|مينا جرجس]]: أيوه، الـIP بتاعها [[IP|197.55.210.88]] وبتدخل من {{أسيوط}}\n[[PERSON|أحمد]]: هبعت لـ[[PERSON|كريم]] يشوف السيرفر. نسخة التطبيق عندها {{v2.9.4}} قديمة\n[[PERSON|مينا جرجس]]: تمام، هكلمها على [[PHONE|01092837461]]\nلخص المشكلة والخطوات.",
    ),
    (
        "slack",
        "arabizi-english/emirati-lebanese",
        "#uae-team (Arabizi + English):\n[[PERSON|Hamad]]: shabab meen 7ake ma3 [[PERSON|3abdallah]] mn {{Emaar}}?\n[[PERSON|Lara]]: ana, kellmto {{el a7ad}}. he wants the {{Enterprise}} w {{Arabic}} UI\n[[PERSON|Hamad]]: 7elo. ra2mo?\n[[PERSON|Lara]]: [[PHONE|+971 50 662 0914]], bas 2al ib3atolo {{WhatsApp}} awwal\n[[PERSON|Hamad]]: ok w [[PERSON|Nour]] bta3mel el quote {{AED 140k}}\n[[PERSON|Nour Haddad]]: 👍 sent to [[EMAIL|abdulla.alsuwaidi@emaar-demo.ae]]",
    ),
    # ------------------------------------------------------------------ calendar
    (
        "calendar",
        "english/british-nigerian",
        "Create a meeting agenda from this invite:\nBEGIN:VEVENT\nSUMMARY:{{QBR}} – {{Meridian Health}} x {{CloudPath}}\nDTSTART:{{20250612T150000Z}}\nLOCATION:[[ADDRESS|1 Canada Square, Level 29, London E14 5AB]]\nORGANIZER;CN=[[PERSON|Hannah Whitfield]]:mailto:[[EMAIL|hannah.whitfield@cloudpath.io]]\nATTENDEE;CN=Dr. [[PERSON|Samuel Adeyemi]]:mailto:[[EMAIL|s.adeyemi@meridianhealth.co.uk]]\nATTENDEE;CN=[[PERSON|Mark Lowe]]:mailto:[[EMAIL|mark.lowe@meridianhealth.co.uk]]\nDESCRIPTION:Review {{Q1}} adoption ({{62%}} active users)\\, renewal {{£140\\,000}}\\, dial-in [[PHONE|+44 20 3481 7726]]\nEND:VEVENT",
    ),
    (
        "calendar",
        "english/american",
        "Event: Lunch w/ [[PERSON|Rose]] & [[PERSON|Bill Chang]] ({{Pacific Crest Realty}})\nWhen: {{Fri, Oct 17}} · 12:30 – 1:45pm {{PDT}}\nWhere: {{Nopa}}, [[ADDRESS|560 Divisadero St, San Francisco, CA 94117]]\nGuests: [[EMAIL|rose.alvarez@pacificcrest.com]], [[EMAIL|bchang@pacificcrest.com]], [[PERSON|Mia]] (me)\nNotes: [[PERSON|Rose]] is {{VP Marketing}}; [[PERSON|Bill]] = {{CFO}}, just closed their {{Series B}}. Bring the {{Marketing Cloud}} case study. Table reserved under [[PERSON|Mia Torres]], [[PHONE|(415) 932-4418]].\nAsk: write a prep brief.",
    ),
    (
        "calendar",
        "english/american",
        "Invite details (Outlook):\nSubject: {{Pricing review}} – {{Sunbelt Logistics}}\nOrganizer: [[PERSON|Ashley Brooks]]\nRequired: [[PERSON|Darnell Washington]]; [[PERSON|Ming Zhao]]; [[PERSON|Will Foster]]\nTime: {{Monday, March 10, 2025}} 2:00 PM–3:00 PM ({{UTC-06:00}}) {{Central Time}}\n{{Microsoft Teams}} meeting ID: {{284 913 776 051}} Passcode: [[SECRET|Xb7Qe2]]\nOr call in: [[PHONE|+1 469-210-4478]],,{{284913776#}}\nPlease summarize who needs to prepare what: [[PERSON|Ming]] owns the margin model, [[PERSON|Will]] the carrier contracts.",
    ),
    (
        "calendar",
        "english/pakistani-indian",
        "Reschedule request — please propose 3 new slots in {{IST}}:\nOriginal: {{Demo: CRM for Clinics}}, {{Wed 22 Jan}}, 4:00 PM IST\nWith: Dr. [[PERSON|Sana Farooqui]] ({{Medical Director}}, {{Karachi Family Clinics}}) and [[PERSON|Arjun Khanna]] ({{IT consultant}}, {{Delhi}})\nDr. [[PERSON|Farooqui]] can't do {{Wednesdays}}; [[PERSON|Arjun]] is off {{26-28 Jan}}.\nContacts: [[PHONE|+92 321 7745 802]] / [[EMAIL|arjun@khannaitconsulting.in]]",
    ),
    (
        "calendar",
        "hebrew/ashkenazi-israeli",
        "זמן פגישה: {{יום שלישי}}, {{18 במרץ}}, 10:00-11:00\nנושא: {{הדגמת מערכת}} ל{{קבוצת עזריאלי}}\nמיקום: [[ADDRESS|דרך מנחם בגין 132, מגדל עגול, קומה 27, תל אביב]]\nמשתתפים: [[PERSON|שירה כהן-לוי]] (מארגנת), [[PERSON|אביעד]], [[PERSON|רון]] מ{{עזריאלי}}\nטלפון לתיאום חניה: [[PHONE|03-6081990]]\nהערה: [[PERSON|רון]] ביקש שנביא את {{מצגת ה-ROI}}.\nמשימה: כתוב הזמנה רשמית.",
    ),
    (
        "calendar",
        "hebrew/mizrahi-israeli",
        'תזכורת מ{{Google Calendar}}: "שיחת היכרות - [[PERSON|גלית]] / ד"ר [[PERSON|עמוס בן-שושן]]"\n📅 {{יום ה\'}} {{3.4}} בשעה 09:30\n📍 [[ADDRESS|רחוב הנביאים 42, ירושלים]] (קומה 2, {{מרפאת בן-שושן}})\n📞 במקרה של איחור: [[PHONE|02-6247731]]\nהערות: ל[[PERSON|עמוס]] יש 4 מרפאות, מתעניין ב{{תזכורות SMS}}. [[PERSON|גלית]] תביא את {{הסכם ה-NDA}}.\nבקשה: תכין לי 5 שאלות לפגישה.',
    ),
    (
        "calendar",
        "hebrew/arab-israeli",
        "אירוע ביומן: ביקור לקוח - {{מפעלי נחאס}}, {{כפר יאסיף}}\nתאריך: {{ראשון}} {{9/2}} 13:00\nכתובת: [[ADDRESS|רחוב ראשי 117, כפר יאסיף]]\nאיש קשר: [[PERSON|פאדי נחאס]] ([[PHONE|050-7723184]])\nמלווה: [[PERSON|אמל]] ({{מנהלת אזור צפון}})\nהערות: [[PERSON|פאדי]] ו[[PERSON|אמל]] מכירים מ{{הטכניון}}; להביא {{מחירון 2025}}.\nסכם בשורה אחת.",
    ),
    (
        "calendar",
        "arabic/emirati",
        "دعوة اجتماع:\nالعنوان: {{مراجعة العقد}} – {{هيئة كهرباء ومياه دبي}}\nالتاريخ: {{الأربعاء 14 مايو 2025}}، الساعة 10 صباحاً ({{توقيت الخليج}})\nالمكان: [[ADDRESS|مكتب 2104، أبراج الإمارات للمكاتب، شارع الشيخ زايد، دبي]]\nالمنظم: [[PERSON|مريم الشامسي]] <[[EMAIL|maryam.shamsi@nexagulf.ae]]>\nالحضور: الدكتور [[PERSON|أحمد بن سعيد]]، [[PERSON|راجيش]] (المالية)\nرابط {{Zoom}}: معرف الاجتماع {{833 1209 4471}} – كلمة المرور: [[SECRET|DEWA2025!]]\nجهّز جدول أعمال.",
    ),
    (
        "calendar",
        "arabic/egyptian",
        "من التقويم:\n{{الأحد 2 فبراير}} – 11:00 ص\nمكالمة مع أ. [[PERSON|منى الجمال]] و م. [[PERSON|طارق حسنين]] ({{مجموعة حسنين للتطوير العقاري}})\nالمكان: [[ADDRESS|٩٠ شارع التسعين الشمالي، التجمع الخامس، القاهرة الجديدة]]\nموبايل [[PERSON|منى]]: [[PHONE|01226409183]]\nملاحظة: [[PERSON|طارق]] عايز يشوف {{تقارير المبيعات}} و{{تكامل فوري}}.\nاقترح أسئلة للمكالمة.",
    ),
    (
        "calendar",
        "hebrew-english/israeli-russian",
        'Calendar sync payload (he/en):\ntitle: "פגישת kick-off עם [[PERSON|Yossi]] ו[[PERSON|Natasha]]"\nstart: {{2025-09-07 09:00 IDT}}\nlocation: "[[ADDRESS|HaBarzel St 30, Tel Aviv]]" / [[ADDRESS|רחוב הברזל 30, תל אביב]]\nattendees: [[EMAIL|yossi.mizrahi@fintrek.co.il]], [[EMAIL|natasha.k@fintrek.co.il]]\nnotes: [[PERSON|יוסי]] wants onboarding לפני {{ראש השנה}}; [[PERSON|Natasha]]\'s team (8 ppl) uses {{Jira}}\nTask: write a kick-off agenda in English.',
    ),
    # ------------------------------------------------------------------ system_prompt
    (
        "system_prompt",
        "english/american-south-african",
        "SYSTEM: You are {{DealCoach}}, an assistant inside {{Orbit CRM}}. Be concise. Never reveal internal pricing floors.\nCurrent user: [[PERSON|Megan O'Connell]] ({{Senior AE}}, team {{Enterprise East}}), [[EMAIL|megan.oconnell@orbitcrm.io]]\nAccount in focus: {{Harborline Shipping}} (ARR {{$310,000}}, renewal {{2025-11-30}})\nKey contacts:\n- [[PERSON|Daniel Kowalski]], {{CIO}}, [[PHONE|+1 917-604-2281]]\n- [[PERSON|Precious Mahlangu]], {{Procurement}}, [[EMAIL|precious.m@harborline.com]]\nOpen risks: champion [[PERSON|Daniel]] may leave in {{Q4}}; {{Gong}} shows [[PERSON|Precious]] mentioned {{Dynamics 365}} twice.\nInternal API key for the pricing service (never output it): [[SECRET|ps_live_8HkT2vQ9xR4mL7nB]]",
    ),
    (
        "system_prompt",
        "english/african-american",
        "You are a helpful assistant for the support team of {{FleetNow}}.\nContext for this conversation:\n• Customer: [[PERSON|Aaliyah Johnson]] — {{Fleet Manager}} at {{Lone Star Couriers}}\n• Account #: {{FN-00841}}  • Plan: {{Fleet Pro}} ({{$18/vehicle/mo}})\n• Address on file: [[ADDRESS|7701 Burnet Rd, Austin, TX 78757]]\n• Phone: [[PHONE|(512) 637-0914]]\n• Payment: {{Visa ending 4417}}\n• Previous agent: [[PERSON|Marco]]\nRules: verify identity by asking for the last 4 digits of the card before discussing billing. Address the customer as Ms. [[PERSON|Johnson]].",
    ),
    (
        "system_prompt",
        "english/turkish-french-indian-ukrainian",
        "## Role\nYou route inbound leads to reps.\n## Team\n| rep | territory | languages | inbox |\n|---|---|---|---|\n| [[PERSON|Yusuf Demir]] | {{Turkey}}, {{Azerbaijan}} | {{TR}}, {{EN}} | [[EMAIL|yusuf.demir@routeiq.com]] |\n| [[PERSON|Chloé Martin]] | {{France}}, {{Belgium}}, {{Morocco}} | {{FR}}, {{EN}} | [[EMAIL|chloe.martin@routeiq.com]] |\n| [[PERSON|Ravi Shankar]] | {{India}}, {{Sri Lanka}} | {{EN}}, {{HI}} | [[EMAIL|ravi.shankar@routeiq.com]] |\n| [[PERSON|Olena Kravets]] | {{Ukraine}}, {{Poland}} | {{UK}}, {{PL}}, {{EN}} | [[EMAIL|olena.kravets@routeiq.com]] |\n## Rules\n- Leads from the {{GCC}} go to [[PERSON|Yusuf]] until [[PERSON|Hessa]] returns on {{1 September}}.\n- Never assign to [[PERSON|Olena]] on {{Fridays}}.\n## Input\nLead: [[PERSON|Jean-Baptiste Moreau]], {{Casablanca}}, [[PHONE|+212 5 22 48 71 30]]",
    ),
    (
        "system_prompt",
        "english/scottish",
        "<system>\nYou are the AI assistant for [[PERSON|Callum Reid]]'s sales workspace.\nUser profile: [[PERSON|Callum Reid]], {{Regional Manager}}, {{Glasgow}} office, mobile [[PHONE|07412 553 890]], home [[ADDRESS|14 Hyndland Road, Glasgow G12 9UP]] (for expense claims only).\nPreferences: British spelling; amounts in {{GBP}}; week starts {{Monday}}.\nTeam: [[PERSON|Isla]], [[PERSON|Fraser]], [[PERSON|Hope Mackenzie]].\nDo not share the user's home address.\n</system>\n<user>what's on [[PERSON|Isla]]'s plate this week? and is [[PERSON|Hope]] still on the {{Tennent's}} renewal?</user>",
    ),
    (
        "system_prompt",
        "hebrew/israeli",
        "הנחיות מערכת: אתה עוזר מכירות של {{סלינק}}. ענה תמיד בעברית.\nהמשתמשת המחוברת: [[PERSON|קרן אלון]], {{ראש צוות מכירות}}, סניף {{חיפה}}.\nלקוחות פעילים של הצוות:\n1. {{מוסך אבוטבול}} - איש קשר [[PERSON|שלום אבוטבול]], [[PHONE|04-8527716]]\n2. {{פרחי השרון}} - [[PERSON|ורד]], [[PHONE|054-6003281]]\n3. {{דניאל עיצובים}} - [[PERSON|דניאל יוסף]], [[PHONE|052-9981370]]\nכללים: אל תציג מספרי ת.ז. או פרטי אשראי. הלקוחה [[PERSON|ורד]] ביקשה לא לקבל שיחות ב{{שישי}}.",
    ),
    (
        "system_prompt",
        "hebrew/ethiopian-israeli",
        '### מערכת\nאתה הבוט של {{מרכז שירות בית-חכם}}. עליך לאמת את זהות הלקוח לפני שינוי פרטים.\nנתוני הלקוח (מה-CRM):\nשם: [[PERSON|אברהם טסמה]] (מכונה [[PERSON|אבי]])\nת"ז: [[IL_ID|995416401]]\nכתובת: [[ADDRESS|רחוב בר אילן 14 דירה 9, אשקלון]]\nטלפון: [[PHONE|08-6712290]]\nמנוי: {{מסלול משפחה}} - {{₪59}} לחודש, מאז {{2022}}\nהערה: [[PERSON|אבי]] מעדיף שיחה בשעות הערב. בתו [[PERSON|הילה]] מורשית לדבר בשמו.\nהודעה ראשונה מהמשתמשת: "שלום, אני הבת. אבי ביקש שאעדכן את מספר הטלפון שלו."',
    ),
    (
        "system_prompt",
        "hebrew/mizrahi-israeli",
        'אתה מודל דירוג לידים. החזר JSON עם score ו-reason.\nדוגמה:\nקלט: [[PERSON|נועה שטרית]], {{מנהלת רכש}}, {{תנובה}}, 200 עובדים\nפלט: {"score": 82, "reason": "חברה גדולה, תפקיד מקבל החלטות"}\nקלט: [[PERSON|עמית]], סטודנט, [[EMAIL|amit1999@walla.com]]\nפלט: {"score": 12, "reason": "אין תקציב"}\nעכשיו:\nקלט: [[PERSON|ספיר אלמוג]], {{סמנכ"לית תפעול}}, {{אלמוג לוגיסטיקה}}, 60 עובדים, [[PHONE|052-3317460]]',
    ),
    (
        "system_prompt",
        "arabic/saudi",
        "تعليمات النظام: أنت مساعد مبيعات لشركة {{تقنية الريادة}}. أجب باللغة العربية الفصحى.\nالمستخدم الحالي: [[PERSON|عبدالرحمن الزهراني]] – {{مدير حسابات رئيسية}} – فرع {{جدة}}\nالعملاء المخصصون له:\n- {{مجموعة باعشن القابضة}}: م. [[PERSON|وليد باعشن]]، [[PHONE|+966 12 653 2210]]\n- {{مستشفيات السعودي الألماني}}: د. [[PERSON|سارة القرني]]، [[EMAIL|s.alqarni@sgh-demo.sa]]\n- {{شركة الراجحي للصناعات}}: أبو [[PERSON|عبدالله]]، [[PHONE|0551 207 384]]\nلا تذكر أسعار التكلفة الداخلية. مفتاح الـAPI: [[SECRET|sk-proj-Rz81kLmQw2Tx9VbN4cHy]]",
    ),
    (
        "system_prompt",
        "arabic/jordanian",
        "أنت مساعد لفريق المبيعات في {{مدارس المستقبل}}. المستخدمة: [[PERSON|دانا الخطيب]]، {{مسؤولة القبول}}.\nأولياء الأمور المهتمون:\n١. أم [[PERSON|يزن]]، [[PHONE|0796 512 338]]، مهتمة بـ{{الصف الأول}}\n٢. [[PERSON|سامر عبيدات]]، [[EMAIL|samer.obeidat@yahoo.com]]، {{الروضة}}\n٣. [[PERSON|رنا]] و[[PERSON|ماهر حدّاد]]، [[ADDRESS|شارع وصفي التل، بناية 41، عمّان]]\nالرسوم: {{JOD 3,200}} سنوياً، خصم الإخوة {{10%}}.\nلا تشارك أرقام أولياء الأمور مع بعضهم.",
    ),
    (
        "system_prompt",
        "arabic-english/saudi",
        'SYSTEM (EN): You are SalesGPT for {{Noon Partners}} in {{Riyadh}}. Reply in the customer\'s language (Arabic or English).\nCUSTOMER CONTEXT:\nname: [[PERSON|Turki Al-Shammari]] / [[PERSON|تركي الشمري]]\nrole: {{مدير المشتريات}} ({{Procurement Director}})\nmobile: [[PHONE|+966 59 441 7720]]\nlast message (AR): "السلام عليكم، أبغى أعرف متى يوصل الطلب {{PO-5532}}؟ كلمت [[PERSON|Ahmed]] من عندكم وما رد"\nCRM note (EN): [[PERSON|Ahmed Nasser]] on leave till {{Sunday}}; escalate to [[PERSON|Hind]].',
    ),
    # ------------------------------------------------------------------ deal_note
    (
        "deal_note",
        "english/scandinavian-american",
        "Deal note – {{Opportunity #OPP-23817}} – {{Cascadia Timber Co.}}\nStage moved {{Proposal}} → {{Negotiation}} on {{5/14/25}}.\nChampion: [[PERSON|Brooke Halvorsen]] ({{Dir. Ops}}). Economic buyer: [[PERSON|Gary Lindqvist]] ({{CFO}}) — [[PERSON|Gary]]'s assistant [[PERSON|Dawn]] controls his calendar.\nPricing: {{Scale}} tier, 75 seats × {{$55}}/mo = {{$49,500}}/yr, {{net 45}}.\nCompetitor: {{Freshsales}} at ~{{$38k}}.\nRisk: [[PERSON|Brooke]] is interviewing elsewhere (per [[PERSON|Dawn]]).\nNext: exec sponsor call, [[PERSON|Gary]] + our VP [[PERSON|Angela Ruiz]], {{next Thu}}.\nAsk AI: what's the win probability and what should I do this week?",
    ),
    (
        "deal_note",
        "english/indian",
        "deal notes pasted from rep's phone (messy):\n[[PERSON|sharma]]ji deal ({{Mahindra Logistics}} pilot): verbal yes!! [[PERSON|Anand Sharma]] ({{GM Ops}}) ok w/ {{₹18L}} for yr1. needs PO from [[PERSON|Kavita]] in procurement, [[PERSON|kavita]] on leave till {{12th}}. send revised {{SOW v3}} to [[EMAIL|anand.sharma@mahindralog-demo.in]]. his wife [[PERSON|Meera]] came up in convo, she runs {{Meera Designs}} - maybe upsell later. office: [[ADDRESS|Arena Space, Plot 20, Jogeshwari Vikhroli Link Road, Mumbai 400060]]",
    ),
    (
        "deal_note",
        "english/british-chinese",
        "Internal note on {{DL-7720}} ({{Lotus Garden Restaurants}}, 14 sites, {{Manchester}} + {{Leeds}}):\n- Owner Mr [[PERSON|Wong]] ([[PERSON|Wong Kar Lok]], goes by [[PERSON|Kenny]]) signed {{Order Form OF-2291}} on {{Friday}}.\n- Go-live {{1 Aug}}; POS integration with {{Lightspeed}}.\n- Billing: direct debit from [[IBAN|GB57NWBK60578982716759]], first collection {{£2,310}}.\n- Site contacts: [[PERSON|Cherry Lam]] ([[PHONE|0161 832 4471]]), [[PERSON|Jade]] ([[PHONE|0113 244 9017]])\nPlease write the handoff note for onboarding.",
    ),
    (
        "deal_note",
        "english/brazilian",
        "Closed-lost analysis request. Deal: {{Vértice Engenharia}} ({{Curitiba}}), {{R$ 420.000}}, owner [[PERSON|Felipe]].\nNotes over time:\n{{03/02}} – [[PERSON|Felipe Araújo]]: first call w/ Eng. [[PERSON|Carolina Bittencourt]].\n{{17/02}} – demo went well, [[PERSON|Carol]] loved the {{mobile app}}.\n{{02/03}} – procurement (Sr. [[PERSON|Otávio]]) asked for {{30%}} off.\n{{21/03}} – lost to {{Pipedrive}} on price.\n{{22/03}} – [[PERSON|Carolina]] wrote from her personal email [[EMAIL|carolbitt@gmail.com]] saying she'd push to revisit in {{2026}}.\nWhat could we have done differently?",
    ),
    (
        "deal_note",
        "hebrew/bukharian-israeli",
        'הערת עסקה - {{קבוצת יוחננוף}}, עודכן ע"י [[PERSON|אלינור]] ב-{{12.6}}:\nאיש הקשר [[PERSON|מרדכי יוחננוף]] ("[[PERSON|מוטי]]") אישר בעל פה {{₪230,000}} לשלוש שנים. הבן שלו [[PERSON|אליאור]] אחראי על ה-IT ורוצה {{SSO}} מול {{Azure AD}}. צריך חתימה של [[PERSON|מוטי]] עד {{סוף יוני}}, אחרת נכנסים לתקציב {{2026}}. שימו לב: ל[[PERSON|אליאור]] יש קשר ל{{SAP}}, אז לדבר איתו בזהירות. הצעה: {{HQ-4410}}.',
    ),
    (
        "deal_note",
        "hebrew/israeli",
        "סטטוס עסקה - [[PERSON|יונתן]] מ{{סטארט-אפ נובה}}:\n• שלב: {{ניסיון חינם}} (יום 11 מתוך 14)\n• משתמשים פעילים: 6/10\n• [[PERSON|יונתן גרוס]] ({{CEO}}) אמר ש[[PERSON|עדן]] (ה-{{CTO}}) עוד לא השתכנע\n• נקודת כאב: חיבור ל{{Slack}} ול{{Gmail}}\n• כרטיס לחיוב אחרי הניסיון: [[CARD|4916 0690 8958 3843]]\n• לחזור ל[[PERSON|עדן]] ב-[[PHONE|050-9132284]] עד {{יום רביעי}}\nמה הסיכוי שהם ימירו?",
    ),
    (
        "deal_note",
        "hebrew/russian-israeli",
        "הערה פנימית: הלקוחה [[PERSON|אולגה ברקוביץ']] ביקשה לפצל את העסקה {{D-8830}} לשתי חברות: {{ברקוביץ' יבוא}} ({{ח.פ. 515902871}}) ו{{אולגה ב. ייעוץ}} (עוסק מורשה, ת.ז. [[IL_ID|532195534]]). שתי חשבוניות: {{₪14,000}} + {{₪6,500}}. כתובת למשלוח: [[ADDRESS|רחוב סוקולוב 77, חולון]]. בעלה [[PERSON|ולדי]] יחתום על החלק של היבוא. תבדוק אם זה תקין מבחינת {{מע\"מ}}.",
    ),
    (
        "deal_note",
        "arabic/saudi",
        "ملاحظة الصفقة {{OPP-KSA-1190}}:\nالعميل: {{شركة نجد للتموين}}\nصاحب القرار: الشيخ [[PERSON|سعد بن ناصر الدوسري]]، ومدير مكتبه [[PERSON|ياسر]] ([[PHONE|0569 308 214]])\nالقيمة: {{SAR 385,000}} لثلاث سنوات، الدفع {{ربع سنوي}}.\nتمت الموافقة المبدئية في اجتماع {{الثلاثاء}}، وطلب الشيخ [[PERSON|سعد]] ضمان بنكي. حساب الشركة للتحويل: [[IBAN|SA7710270543846765428038]].\nالمخاطر: منافس ({{Salesforce}}) عرض سعراً أقل بـ{{15%}}.\nما التوصية؟",
    ),
    (
        "deal_note",
        "arabic/egyptian",
        "نوت على الصفقة: {{فارما نيل}} ({{الإسكندرية}})\n- اتكلمت مع د. [[PERSON|رانيا شوقي]] {{مديرة المبيعات}}، موافقة مبدئياً على {{50 رخصة}}.\n- [[PERSON|رانيا]] قالت إن [[PERSON|حسام]] بتاع الـIT قلقان من الـ{{data residency}}.\n- عايزين الفاتورة بالجنيه، السعر النهائي {{EGP 1,150,000}}.\n- العنوان للعقد: [[ADDRESS|٢٢ طريق الجيش، سيدي جابر، الإسكندرية]]\n- رقم [[PERSON|حسام]]: [[PHONE|01287 334 905]]\nعايز منك نقاط الخطوة الجاية.",
    ),
    (
        "deal_note",
        "arabic/tunisian",
        "ملاحظة على الصفقة {{TN-0082}} – {{شركة قرطاج للسياحة}} ({{تونس}}):\nتلاقيت مع [[PERSON|سنية بن عمر]] {{المديرة التجارية}}. [[PERSON|سنية]] حبّت {{الباقة الاحترافية}} أما [[PERSON|منصف]] (المدير المالي) يلقى فيها غالية: {{TND 18 000}}. قالي نعاودو نتكلمو بعد {{رمضان}}. تليفون [[PERSON|منصف]]: [[PHONE|+216 98 417 203]]. العنوان: [[ADDRESS|15 نهج ابن خلدون، تونس 1001]].\nاقترح خطة متابعة.",
    ),
    # ------------------------------------------------------------------ whatsapp
    (
        "whatsapp",
        "english/indian",
        "WhatsApp export (business number) – summarise and suggest a reply:\n[12/03/25, 9:41 am] [[PERSON|Sunita Reddy]]: Good morning sir, this is [[PERSON|Sunita]] from {{Hyderabad Pearls & Jewels}} 🙏\n[12/03/25, 9:42 am] [[PERSON|Sunita Reddy]]: we saw ur ad on {{Instagram}}. price for 5 users?\n[12/03/25, 9:58 am] [[PERSON|Vikram]] (Sales): Hi [[PERSON|Sunita]] ji, {{Starter}} is {{₹1,499}}/user/month + {{GST}}\n[12/03/25, 10:03 am] [[PERSON|Sunita Reddy]]: ok. my husband [[PERSON|Ramesh]] will decide. his no. [[PHONE|+91 90004 71825]]\n[12/03/25, 10:04 am] [[PERSON|Sunita Reddy]]: shop address [[ADDRESS|Shop 7, Pathergatti Road, Charminar, Hyderabad 500002]]\n[12/03/25, 10:20 am] [[PERSON|Vikram]] (Sales): 👍",
    ),
    (
        "whatsapp",
        "english/nigerian",
        "chat from WhatsApp Business:\n[[PERSON|Chiamaka]] 💅🏾: hello pls is this {{BeautyHub CRM}}?\nAgent: Yes! How can we help?\n[[PERSON|Chiamaka]] 💅🏾: I run {{Glow by Chi}} salon in {{Lekki}}, I want the booking feature. my name is [[PERSON|Chiamaka Nwachukwu]]\nAgent: Lovely. Which email should we use?\n[[PERSON|Chiamaka]] 💅🏾: [[EMAIL|glowbychi.ng@gmail.com]] or call [[PHONE|0816 220 4471]]\n[[PERSON|Chiamaka]] 💅🏾: also my sis [[PERSON|Precious]] has a spa in {{Ikeja}}, she'll join too\nAgent: Great, the {{Salon plan}} is {{₦15,000}}/month. Sending a payment link now.\nAgent draft needed: a friendly follow-up for tomorrow.",
    ),
    (
        "whatsapp",
        "english/filipino",
        'WhatsApp group "{{Cebu Dealers}}" messages about reseller onboarding:\n~ [[PERSON|Jun-Jun Tan]]: good pm po! ate [[PERSON|Grace]] saan po ipapadala yung {{dealer kit}}?\n~ [[PERSON|Grace Lim]]: Hi [[PERSON|Jun-Jun]]! Send to [[ADDRESS|Unit 5B, Ayala Center Cebu, Cardinal Rosales Ave, Cebu City 6000]] 📦\n~ [[PERSON|Jun-Jun Tan]]: noted po. invoice {{DLR-2025-044}} paid via {{GCash}} [[PHONE|0917 338 2041]]\n~ [[PERSON|Grace Lim]]: salamat! Kuya [[PERSON|Ben]] will call you {{Monday}} about the {{Silver tier}}\nSummarize in English and list action items.',
    ),
    (
        "whatsapp",
        "english/british-pakistani",
        'Forwarded WhatsApp from a lead (rep asked: is this legit? draft a reply):\n"Hi, [[PERSON|Bilal]] here from {{Crescent Motors}} in {{Bradford}}. Got your number from [[PERSON|Hamza]] at the {{Leeds Auto Expo}}. We\'ve got 3 branches and need a CRM for test-drive bookings. My mob [[PHONE|07862 441 930]], email [[EMAIL|bilal@crescentmotors.co.uk]]. Showroom is [[ADDRESS|221 Leeds Road, Bradford BD3 9LX]]. Can someone come {{Thurs}}? Cheers"\nAdd to CRM with lead owner [[PERSON|Sophie]].',
    ),
    (
        "whatsapp",
        "hebrew/israeli",
        "צ'אט וואטסאפ עם לקוחה, תכתוב לי תשובה:\n[[PERSON|מורן]]: היי, זאת [[PERSON|מורן]] מ{{סטודיו מורן פילאטיס}} 😊 רציתי לשאול על המערכת לניהול מנויים\nאני: היי [[PERSON|מורן]]! בשמחה. כמה מתאמנות יש לך?\n[[PERSON|מורן]]: בערך 180. עכשיו עובדת עם {{אקסל}} ו{{ביט}}\n[[PERSON|מורן]]: השותפה שלי [[PERSON|ליאל]] גם רוצה להיות בשיחה\n[[PERSON|מורן]]: הסטודיו ב[[ADDRESS|רחוב אחד העם 9, הוד השרון]]\nאני: מעולה, {{חבילת סטודיו}} זה {{₪189}} לחודש. מתי נוח לך ול[[PERSON|ליאל]]?\n[[PERSON|מורן]]: {{יום שישי}} בבוקר? או תתקשרי [[PHONE|054-7162093]]",
    ),
    (
        "whatsapp",
        "hebrew/arab-israeli",
        "שרשור וואטסאפ עם [[PERSON|ג'מאל]] (לקוח, {{מסעדת אל-בירווה}}), תסכם:\n[[PERSON|ג'מאל]]: אחי, ה{{מסופון}} לא מדפיס קבלות 😡\nנציג: היי [[PERSON|ג'מאל]], אני בודק. איזה דגם?\n[[PERSON|ג'מאל]]: {{PAX A920}}, גרסה {{4.1.7}}\n[[PERSON|ג'מאל]]: תדבר עם הבן שלי [[PERSON|כרים]], הוא מבין בזה [[PHONE|052-4783019]]\nנציג: בסדר, נשלח טכנאי ל[[ADDRESS|רחוב הגליל 15, ג'דיידה-מכר]] ב{{יום ראשון}}\n[[PERSON|ג'מאל]]: תודה🙏",
    ),
    (
        "whatsapp",
        "hebrew/russian-israeli",
        'הודעות וואטסאפ מהלקוחה (חלק ברוסית), תרגם ותסכם בעברית:\n[[PERSON|לודמילה]]: שלום, זאת [[PERSON|לודמילה כוגן]] מ{{כוגן קוסמטיקס}}. Спасибо за демо!\n[[PERSON|לודמילה]]: הבת שלי [[PERSON|קטיה]] תנהל את המערכת, המייל שלה [[EMAIL|katya.kogan@kogan-cosmetics.co.il]]\n[[PERSON|לודמילה]]: אנחנו ב[[ADDRESS|רחוב הנשיאים 22, אשדוד]], תשלחו לשם את החוזה\n[[PERSON|לודמילה]]: и ещё: אפשר לשלם ב-3 תשלומים? סה"כ {{₪7,200}}\nנציג: בטח [[PERSON|לודמילה]], עד {{12 תשלומים}} בכרטיס.',
    ),
    (
        "whatsapp",
        "arabic/emirati-indian",
        "محادثة واتساب مع عميل:\nبو [[PERSON|راشد]]: السلام عليكم، وين وصل عرض السعر؟\nنحن: وعليكم السلام، أرسلناه أمس على [[EMAIL|rashid.alnuaimi@nuaimi-group.ae]]\nبو [[PERSON|راشد]]: ما وصلني. أرسلوه لـ[[PERSON|سونيل]] المحاسب [[PHONE|+971 54 771 2309]]\nنحن: تم، {{عرض رقم QT-AE-7781}} بقيمة {{AED 64,500}} شامل {{ضريبة القيمة المضافة 5%}}\nبو [[PERSON|راشد]]: زين. الاجتماع {{الخميس}} في مكتبنا [[ADDRESS|فيلا 12، شارع 31، الصفا 2، دبي]]\nلخّص المحادثة.",
    ),
    (
        "whatsapp",
        "arabic/palestinian",
        'واتساب:\n[[PERSON|محمد أبو شرخ]]: مرحبا، أنا من {{مخابز الأقصى}} في {{الخليل}}\n[[PERSON|محمد أبو شرخ]]: 🎤 رسالة صوتية (تفريغ): "بدنا نظام للطلبات، عنا 4 فروع، وابني [[PERSON|عبد الرحمن]] رح يتابع معكم على [[PHONE|0598 221 374]]"\nالمندوب: أهلين حج [[PERSON|محمد]]، السعر {{₪350}} بالشهر للفرع\n[[PERSON|محمد أبو شرخ]]: غالي شوي 😅 بس ماشي، ابعتوا العقد\nالمطلوب: اكتب رد قصير.',
    ),
    (
        "whatsapp",
        "arabic/moroccan",
        "ميساجات واتساب من كليان:\n[[PERSON|سكينة]]: السلام، أنا [[PERSON|سكينة العلوي]] من {{تعاونية أركان الأطلس}}\n[[PERSON|سكينة]]: بغيت نعرف الثمن ديال {{البرنامج}} ل 3 ديال الناس\nالمندوب: مرحبا لالة [[PERSON|سكينة]]، الثمن {{450 درهم}} للشهر\n[[PERSON|سكينة]]: واخا. صيفط ليا الفاتورة ل [[EMAIL|sakina.alaoui@gmail.com]] ولا عيط ليا [[PHONE|0612-784530]]\n[[PERSON|سكينة]]: المحل ديالنا ف[[ADDRESS|23 زنقة محمد الخامس، الصويرة]]\nالمطلوب: رد بالدارجة.",
    ),
    # ------------------------------------------------------------------ form
    (
        "form",
        "english/british",
        'New form submission – "{{Request a Demo}}" (form id {{8f3c-demo}})\nFirst name: [[PERSON|Olivia]]\nLast name: [[PERSON|Bennett-Shaw]]\nWork email: [[EMAIL|olivia.bennettshaw@thamesvalleyhomes.co.uk]]\nPhone: [[PHONE|0118 958 2730]]\nCompany: {{Thames Valley Homes}}\nJob title: {{Sales & Lettings Director}}\nCompany size: {{51-200}}\nCountry: {{United Kingdom}}\nHow did you hear about us?: {{Podcast – The SaaS Show}}\nMessage: "Hi, [[PERSON|Tom Fielding]] recommended you. We need to replace {{Reapit}} by {{September}}."\nConsent: yes | IP: [[IP|86.12.155.203]]\nTask: qualify this lead (BANT).',
    ),
    (
        "form",
        "english/polish-american",
        'Contract signature form (e-sign envelope {{ENV-55A8-21}}):\nSigner 1: [[PERSON|Robert Kaminski]] ("[[PERSON|Bob]]")\nTitle: {{President}}\nEntity: {{Kaminski Bros. Plumbing Inc.}}\nAddress: [[ADDRESS|3390 N Milwaukee Ave, Chicago, IL 60641]]\nSSN (sole-prop fallback for credit check): [[SSN|412-68-3907]]\nSigner 2: [[PERSON|Patricia Nowak]], {{Office Manager}}\nPlan: {{Field Service Pro}} – 22 techs – {{$1,430}}/mo – {{24-month}} term\nSigned: {{04/22/2025 3:17 PM CDT}}\nExplain the contract terms to the rep in plain language.',
    ),
    (
        "form",
        "english/american",
        "Partner application (raw POST body, decoded):\ncompany_name={{Summit Peak IT Solutions}}\ncontact_first=[[PERSON|Hunter]]\ncontact_last=[[PERSON|Morales]]\nemail=[[EMAIL|hunter@summitpeakit.com]]\nphone=[[PHONE|+1 303 860 2217]]\nstreet=[[ADDRESS|1550 Wewatta St, Suite 200, Denver, CO 80202]]\nein={{84-2917735}}\nreferral_code={{PARTNER-Q3-SUMMIT}}\nexpected_deals_per_year=12\nvertical={{Healthcare}},{{Legal}}\nnotes=ex-{{Zoho}} partner; [[PERSON|Hunter]] and his cofounder [[PERSON|Willow Grant]] previously resold {{Zendesk}}\nQuestion: approve as {{Silver}} or {{Gold}} partner?",
    ),
    (
        "form",
        "english/emirati-indian",
        "Onboarding form – {{UAE}} merchant\nLegal name: {{Al Noor Perfumes Trading LLC}}\nTrade licence: {{DED 804211}}\nAuthorised signatory: [[PERSON|Fatima Al Zaabi]]\nSignatory mobile: [[PHONE|+971 50 903 6614]]\nOffice: [[ADDRESS|Office 305, Al Ghurair Centre, Al Rigga Road, Deira, Dubai, P.O. Box 64770]]\nSettlement IBAN: [[IBAN|AE330354083785295178993]]\nFinance contact: [[PERSON|Anil Varghese]], [[EMAIL|anil.v@alnoorperfumes.ae]]\nCorporate card for fees: [[CARD|3782 349102 78620]]\nExpected monthly volume: {{AED 250,000}}\nCheck for missing fields and summarise.",
    ),
    (
        "form",
        "hebrew/mizrahi-israeli",
        'טופס הצטרפות שמולא באתר:\nשם פרטי: [[PERSON|הודיה]]\nשם משפחה: [[PERSON|ביטון-אברהם]]\nתעודת זהות: [[IL_ID|243301231]]\nטלפון נייד: [[PHONE|055-6671204]]\nדוא"ל: [[EMAIL|hodaya.ba@gmail.com]]\nכתובת: [[ADDRESS|רחוב השקד 4, נתיבות]]\nשם העסק: {{הודיה עיצוב שיער}}\nמסלול: {{Basic}} ({{₪99}} לחודש)\nאמצעי תשלום: כרטיס [[CARD|4024 1427 8286 1896]]\nאיך שמעת עלינו: דרך [[PERSON|שגיא]] מ{{BNI נתיבות}}\nבדוק שהטופס תקין וסכם.',
    ),
    (
        "form",
        "hebrew/ethiopian-israeli",
        'תשובות לסקר שביעות רצון ({{NPS}}) - נתח את המשוב:\nמשיבה: [[PERSON|יהודית נגוסה]] | חברה: {{נגוסה הסעות}} | ציון: 6\n"הנציג [[PERSON|אריאל]] היה נחמד אבל לקח שבוע לחזור אליי. גם [[PERSON|שלומית]] מהתמיכה אמרה שיתקנו את הבאג בגרסה {{5.2}} ועוד לא."\nמשיב: [[PERSON|גיל]] ({{גיל את גל פרסום}}) | ציון: 9\n"ממליץ! רק חבל שאין אפליקציה ל{{אייפון}}"\nמשיב: אנונימי | ציון: 3\n"המחיר עלה ב-{{20%}} בלי הודעה. תחזרו אליי: [[PHONE|050-3847162]]"',
    ),
    (
        "form",
        "hebrew/yemenite-israeli",
        "בקשה לפתיחת משתמש ב-CRM:\nשם העובד/ת: [[PERSON|רותם שרעבי]]\nמחלקה: {{מכירות שטח}}\nמנהל/ת ישיר/ה: [[PERSON|אהרון גבאי]]\nמייל ארגוני: [[EMAIL|rotem.sharabi@megatech.co.il]]\nסיסמה ראשונית: [[SECRET|Mt@2025rotem]]\nהרשאות: {{צפייה בלידים}}, {{עריכת עסקאות}}, ללא {{ייצוא}}\nטלפון לשליחת קוד אימות: [[PHONE|052-2938416]]\nתאריך תחילה: {{1.9.2025}}\nתכתוב ל[[PERSON|רותם]] מייל ברוכים הבאים בלי הסיסמה.",
    ),
    (
        "form",
        "arabic/saudi",
        "نموذج طلب عرض سعر:\nالاسم الكامل: [[PERSON|بدر بن خالد السبيعي]]\nالمنصب: {{مدير تقنية المعلومات}}\nالجهة: {{جامعة الملك سعود}}\nالجوال: [[PHONE|0555 108 347]]\nالبريد الإلكتروني: [[EMAIL|bader.alsubaie@ksu-demo.edu.sa]]\nالعنوان الوطني: [[ADDRESS|8228 طريق الملك عبدالله، حي الملقا، الرياض 13521، 3117]]\nعدد المستخدمين: 250\nالميزانية التقديرية: {{SAR 600,000 – 750,000}}\nملاحظات: يفضل التواصل بعد {{صلاة العصر}} أو عبر السكرتيرة [[PERSON|لمى]] على [[PHONE|011 467 2201]]\nحلل الطلب.",
    ),
    (
        "form",
        "arabic/egyptian",
        "استمارة تسجيل في الويبينار:\nالاسم: [[PERSON|ندى حسن مصطفى]]\nالشركة: {{مصطفى للاستيراد والتصدير}}\nالمسمى: {{مسؤولة تسويق}}\nرقم الموبايل: [[PHONE|+20 10 2847 3196]]\nالإيميل: [[EMAIL|nada.hassan.m@gmail.com]]\nالمدينة: {{المنصورة}}\nعايزة تعرفي إيه؟: إزاي أربط الـCRM بـ{{فيسبوك}} و{{إنستجرام}}\nزميلة: [[PERSON|آية]] عايزة تحضر معايا، إيميلها [[EMAIL|aya.elsayed@mostafa-trade.com]]\nرد عليها بتأكيد التسجيل لويبينار {{الثلاثاء 18 مارس}}.",
    ),
    (
        "form",
        "arabic/lebanese",
        "استمارة فتح حساب تاجر:\nاسم صاحب الحساب: [[PERSON|جورج نصرالله]]\nالاسم التجاري: {{حلويات نصرالله}}\nالعنوان: [[ADDRESS|شارع مار مخايل، بناية عبود، الطابق الأول، الأشرفية، بيروت]]\nالهاتف: [[PHONE|+961 76 318 402]]\nالآيبان: [[IBAN|LB28001494580730215736819303]]\nالبطاقة للاشتراك: [[CARD|5500 6476 9346 4267]]\nالمسؤولة عن التواصل: [[PERSON|ريتا]]، [[EMAIL|rita@nasrallah-sweets.com]]\nالمدينة: {{بيروت}}\nالنشاط: {{حلويات ومعجنات}}\nالاشتراك: {{الباقة التجارية}}، {{$180}} شهرياً\nتحقق من اكتمال الاستمارة.",
    ),
]
