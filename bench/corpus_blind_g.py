# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool G: prompts exactly as the CRM's AI features assemble them (JSON/YAML records, CSV and markdown tables, email threads, transcripts, tool results, enrichment payloads, logs, system prompts).

Written without reading the detector or the other corpora; Hebrew, Arabic and English plus Russian, Ukrainian, Persian, Turkish, European, Latin American, South/East/Southeast Asian and African names and numbers.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    (
        "lead_summary",
        "hebrew",
        """Summarize this lead for the account executive. Keep it under 120 words, answer in Hebrew.

{
  "lead_id": "L-20931",
  "שם_מלא": "[[PERSON|אורטל מזרחי]]",
  "תפקיד": "{{סמנכ״לית תפעול}}",
  "חברה": "{{נטו מערכות בע״מ}}",
  "נייד": "[[PHONE|052-6634187]]",
  "אימייל": "[[EMAIL|ortal.m@neto-sys.co.il]]",
  "lead_src": "webinar",
  "assigned_to": { "name": "[[PERSON|עידו ברק]]", "team": "Enterprise" },
  "notes": [
    "ביקשה הצעת מחיר ל-40 משתמשים",
    "מעדיפה שיחה ביום {{רביעי}} אחרי 16:00"
  ],
  "cf_decision_maker": false,
  "poc": "[[PERSON|שגיא]] (מנהל IT)"
}""",
    ),
    (
        "email_thread",
        "hebrew",
        """סכם את השרשור הבא ותן לי 3 נקודות פעולה:

היי [[PERSON|מיכל]],
מצרף את ההסכם המעודכן. שינינו את סעיף התשלום לשוטף+60 כפי שביקשתם.
נשמח לסגור עד סוף {{ספטמבר}}.

בברכה,
[[PERSON|יוסי אלמוג]] | מנהל מכירות
{{קלאודטק ישראל}}
נייד: [[PHONE|054-8821930]]

בתאריך יום ב׳, 2 בספט׳ 2024 ב-14:37, מאת [[PERSON|מיכל דהן]] <[[EMAIL|michal.dahan@orbit-log.co.il]]>:
> [[PERSON|יוסי]] שלום,
> עברנו על ההצעה. הסכום של {{₪86,400}} לשנה מקובל, אבל תנאי התשלום שוטף+30 לא עובדים אצלנו.
> אפשר לעדכן?
> תודה, [[PERSON|מיכל]]

הודעה זו עשויה להכיל מידע חסוי. אם קיבלת אותה בטעות, אנא מחק אותה והודע לשולח.""",
    ),
    (
        "chat_turn",
        "hebrew",
        """system: אתה העוזר של מערכת ה-CRM של {{פייפליין פרו}}. ענה בקצרה ובעברית.
user: מי אחראי על החשבון של {{מגדלי אופק}} ב{{רמת גן}}?
tool[get_account_owner] → {"account": "מגדלי אופק – רמת גן", "owner": "[[PERSON|הדס וקנין]]", "owner_phone": "[[PHONE|03-7514420]]", "backup": "[[PERSON|נתנאל אסרף]]", "tier": "Gold"}
assistant:""",
    ),
    (
        "csv_export",
        "hebrew",
        """נתח את רשימת אנשי הקשר ותגיד לי למי כדאי להתקשר השבוע. הקובץ יצא מהמערכת בלי שורת כותרת, העמודות הן שם, נייד, מייל, עיר, סטטוס, קשר אחרון.

[[PERSON|אביטל גבריאלי]],[[PHONE|050-7723016]],[[EMAIL|avital.g@gmail.com]],{{חיפה}},חם,12/08/2024
[[PERSON|מרדכי ביטון]],[[PHONE|058-4419372]],,{{באר שבע}},קר,03/06/2024
[[PERSON|יבגניה קוגן]],[[PHONE|053-3390218]],[[EMAIL|zhenya.kogan@walla.co.il]],{{אשדוד}},פושר,29/08/2024
[[PERSON|מלכה טקלה]],[[PHONE|052-9086411]],[[EMAIL|malka.tekle@bezeqint.net]],{{רחובות}},חם,01/09/2024
[[PERSON|ראמי חלבי]],[[PHONE|054-6612785]],,{{דלית אל-כרמל}},חם,26/08/2024""",
    ),
    (
        "meeting_transcript",
        "hebrew",
        """להלן תמלול אוטומטי של שיחת גילוי. תוציא ממנו כאבים, תקציב ולוח זמנים.

[00:00] [[PERSON|ליאור]]: בוקר טוב, תודה שמצאתם זמן ב{{יום ראשון}}.
[00:04] [[PERSON|רונית שטרן]]: בשמחה. אני מכניסה גם את [[PERSON|דור]] מהכספים.
[00:07] [[PERSON|דור]]: היי, שומע אתכם.
[00:11] [[PERSON|ליאור]]: מעולה. כמה נציגים יש לכם היום בצוות המכירות?
[00:15] [[PERSON|רונית שטרן]]: בערך {{35}}, ועד סוף השנה אנחנו מגייסים עוד עשרה.
[00:22] [[PERSON|דור]]: התקציב שאושר הוא עד {{₪150,000}} לשנה, לא יותר.
[00:30] [[PERSON|ליאור]]: ומה הכאב העיקרי?
[00:33] [[PERSON|רונית שטרן]]: אין לנו שום תמונה של הפייפליין. כל נציג מנהל אקסל משלו.""",
    ),
    (
        "system_prompt",
        "hebrew",
        """אתה עוזר ל[[PERSON|שירן אוחיון]], נציגת מכירות בכירה ב-{{סייברגארד}}. היא מטפלת בלקוחות אנטרפרייז באזור המרכז.
כתוב בשמה מייל פולו-אפ קצר ל[[PERSON|ערן גולדשטיין]] ({{CTO}}, {{פינטק גלובל}}) אחרי הדמו של {{יום שלישי}}.
הזכר שההנחה של {{15%}} בתוקף עד סוף החודש. חתום בשם [[PERSON|שירן]], טלפון [[PHONE|050-3127764]].""",
    ),
    (
        "webhook_payload",
        "hebrew",
        """Classify this inbound form submission as spam / lead / support and extract intent:

POST /hooks/forms/landing-il
{
  "form_id": "frm_88213",
  "submitted_at": "2024-09-05T07:42:13Z",
  "fields": {
    "שם פרטי": "[[PERSON|אלעד]]",
    "שם משפחה": "[[PERSON|שושן]]",
    "טלפון": "[[PHONE|0546230917]]",
    "ת.ז.": "[[IL_ID|072386253]]",
    "מה תרצו לשפר?": "אנחנו צריכים חיבור לוואטסאפ ודוחות לפי סניף"
  },
  "utm_source": "google",
  "utm_campaign": "{{brand_he_sept}}"
}""",
    ),
    (
        "call_notes",
        "hebrew",
        """תסכם את הערות השיחה לשלוש שורות לעדכון בכרטיס הלקוח:

דיברתי עם [[PERSON|וג׳די קבלאן]] מ{{כרמל טק}}. הוא {{מנהל רכש}}, אבל מי שמחליט בסוף זה אחיו [[PERSON|נביה]]. הם בודקים גם את {{Salesforce}}.
ביקש שנחזור אליו אחרי החגים, מספר ישיר [[PHONE|04-8393215]]. המשרד שלהם ב[[ADDRESS|רחוב הכרמל 14, עוספיא]].
ה{{עמית}} שלו לעבודה כבר עובד איתנו בחברה אחרת, שווה להזכיר.""",
    ),
    (
        "deal_insights",
        "hebrew",
        """להלן העסקאות הפתוחות של הרבעון. תן תובנות: מה בסיכון, מה קרוב לסגירה, ואיפה כדאי למקד מאמץ.

| עסקה | איש קשר | בעלים | שלב | סכום | סגירה צפויה |
| --- | --- | --- | --- | --- | --- |
| {{אופק לוגיסטיקה}} – הרחבה | [[PERSON|גל פרידמן]] | [[PERSON|עומרי]] | משא ומתן | {{₪120,000}} | {{30/09/2024}} |
| {{בית ספר לנהיגה שלום}} | [[PERSON|שלום אזולאי]] | [[PERSON|מאיה]] | הצעת מחיר | {{₪18,500}} | {{15/10/2024}} |
| {{סטודיו נגה}} | [[PERSON|נגה רוזנברג]] | [[PERSON|עומרי]] | דמו | {{₪42,000}} | {{31/10/2024}} |
| {{מרכולי הצפון}} | [[PERSON|יוסף מנסור]] | [[PERSON|מאיה]] | נתקע | {{₪260,000}} | {{30/11/2024}} |""",
    ),
    (
        "ip_enrichment",
        "hebrew",
        """Use the enrichment result to tell the rep where the visitor is and whether to call now.

Lead: [[PERSON|נועה בן דוד]] <[[EMAIL|noa.bendavid@kfarsaba-print.co.il]]>
Enrichment (ipinfo):
{
  "ip": "[[IP_ADDRESS|79.177.42.118]]",
  "city": "{{Kfar Saba}}",
  "region": "Central District",
  "country": "IL",
  "org": "AS8551 Bezeq International",
  "timezone": "Asia/Jerusalem"
}
Local time at request: {{16:52}}. Rep on duty: [[PERSON|אסף]].""",
    ),
    (
        "error_trace",
        "hebrew",
        """המשתמש ביקש: "למה הסנכרון עם היומן נכשל? תסביר בעברית פשוטה"
לוג שגיאה מצורף:

2024-09-08 11:02:44,913 ERROR calendar_sync.google: token refresh failed for user [[EMAIL|tomer.hazan@shaked-fin.co.il]]
Traceback (most recent call last):
  File "/app/sync/google.py", line 211, in refresh
    creds.refresh(Request())
google.auth.exceptions.RefreshError: ('invalid_grant: Token has been expired or revoked.', {'error': 'invalid_grant'})
context: refresh_token=[[SECRET|1//0gXk4Tq9Lr2VbCgYIARAAGBASNwF-L9IrPq7w0sGd3mYhZ1bQe8uJkV]] owner=[[PERSON|תומר חזן]] account={{שקד פיננסים}}""",
    ),
    (
        "lead_summary_yaml",
        "hebrew",
        """תכין סיכום ליד לפגישה של מחר, כולל שאלות פתיחה מומלצות.

lead:
  id: 77120
  name: [[PERSON|סלימאן אלעוקבי]]
  company: {{אלעוקבי הובלות}}
  city: {{רהט}}
  mobile: "[[PHONE|050-6219843]]"
  lead_src: כנס {{אקספו נגב}}
  owner:
    name: [[PERSON|ענבל שרעבי]]
    email: [[EMAIL|inbal@salesdesk.co.il]]
  custom:
    cf_fleet_size: 22
    cf_decision_maker: true
    cf_preferred_lang: ערבית / עברית
  timeline:
    - 2024-08-14: שיחה ראשונה, מתעניין במעקב GPS למשאיות
    - 2024-08-29: נשלחה הצעה, {{₪3,200}} לחודש
    - 2024-09-03: ביקש לדבר עם הבן שלו [[PERSON|חמזה]] שמנהל את הצי""",
    ),
    (
        "whatsapp_export",
        "hebrew",
        """תסכם את השיחה מוואטסאפ ותגיד אם הלקוח מוכן לחתום:

[12/09/2024, 09:14] [[PERSON|אבי כהן]]: בוקר טוב, קיבלתי את ההצעה
[12/09/2024, 09:15] [[PERSON|אבי כהן]]: יש בעיה עם מספר הרישיונות, צריך 12 ולא 10
[12/09/2024, 09:31] [[PERSON|טל]]: {{בוקר אור}} [[PERSON|אבי]]! מתקנת ושולחת שוב עד הצהריים
[12/09/2024, 13:02] [[PERSON|טל]]: שלחתי, המחיר החדש {{₪1,140}} לחודש
[12/09/2024, 13:40] [[PERSON|אבי כהן]]: סגור. תשלחי לי לינק לחתימה, ואת החשבונית ל[[EMAIL|hanhalat.heshbonot@cohen-bros.co.il]]
wa_number: [[PHONE|+972 52-771-4036]]""",
    ),
    (
        "calendar_invite",
        "hebrew",
        """Write a short prep brief for this meeting from the invite below.

BEGIN:VEVENT
SUMMARY:דמו – {{מערכות אלפא}} / {{פייפליין פרו}}
DTSTART;TZID=Asia/Jerusalem:20240917T110000
LOCATION:[[ADDRESS|דרך מנחם בגין 132, קומה 18, תל אביב]]
ORGANIZER;CN=[[PERSON|רז לוי]]:mailto:[[EMAIL|raz.levi@pipelinepro.io]]
ATTENDEE;CN=[[PERSON|אלכסנדר גורביץ']];ROLE=REQ-PARTICIPANT:mailto:[[EMAIL|a.gurevich@alpha-sys.co.il]]
ATTENDEE;CN=[[PERSON|פנינה טמנו]];ROLE=OPT-PARTICIPANT:mailto:[[EMAIL|pnina.t@alpha-sys.co.il]]
DESCRIPTION:[[PERSON|סשה]] ביקש לראות את מודול התחזיות. להביא את [[PERSON|יעל]] מצוות ההטמעה.
END:VEVENT""",
    ),
    (
        "tool_result",
        "hebrew",
        """user: תביא לי את כל אנשי הקשר ב{{מלונות ים}} שלא דיברנו איתם כבר חודש
tool_result (search_contacts, 3 results):
1. [[PERSON|שמעון פרץ]] – {{מנהל אירועים}} – [[PHONE|052-3301478]] – קשר אחרון 02/07/2024
2. [[PERSON|מעיין רחמים]] – {{אחראית רכש}} – [[EMAIL|maayan.r@yam-hotels.co.il]] – קשר אחרון 18/07/2024
3. [[PERSON|אור אברג'יל]] – {{מנהל מלון אילת}} – [[PHONE|08-6367012]] – קשר אחרון 30/06/2024
assistant: מצאתי שלושה אנשי קשר שלא עודכנו מעל 30 יום:""",
    ),
    (
        "user_request",
        "hebrew",
        """תכין טיוטת מייל ל[[PERSON|שמוליק]] שהמחיר עולה ב-{{5%}} מ{{ינואר}}, תהיה נחמד כי הוא לקוח ותיק מ-2019""",
    ),
    (
        "lead_summary",
        "hebrew",
        """Summarize for the AE in 4 bullets:
חברה: {{הוצאת כנרת}} (ספרים)
איש קשר: [[PERSON|נחמה אלבז]], {{עורכת ראשית}}
טלפון משרד: [[PHONE|03-6344919]]
הערות: הם מתכננים {{להוציא לאור}} כ-40 כותרים בשנה הבאה ורוצים לנהל את כל הסופרים והסוכנים במערכת אחת. כרגע עובדים עם {{Monday}} ו-Google Sheets.
מקור: הפניה מ[[PERSON|דבורה]] (לקוחה קיימת)""",
    ),
    (
        "support_ticket",
        "hebrew",
        """נסח תשובה מנומסת ללקוחה שביקשה החזר כספי. פרטי הבקשה מתוך טיקט {{#45521}}:
שם: [[PERSON|רבקה אשכנזי]]
ת"ז: [[IL_ID|331138792]]
IBAN להחזר: [[IBAN|IL290128006388534532524]]
סכום: {{₪2,340}} (חיוב כפול בחודש {{אוגוסט}})
הערת נציג ([[PERSON|קובי]]): אושר ע"י [[PERSON|חן]] מהכספים, להעביר תוך 5 ימי עסקים.""",
    ),
    (
        "deal_notes",
        "hebrew",
        """סכם את ההערות בכרטיס העסקה, בלי לחזור על פרטי תשלום:
- 03/09 [[PERSON|אלון]]: הלקוח נתן כרטיס לתשלום ראשון [[CREDIT_CARD|4580 2220 0386 9963]] תוקף 11/26, על שם [[PERSON|ישראל שפירא]]
- 04/09 [[PERSON|אלון]]: החיוב עבר, {{₪4,990}}. שלחתי קבלה ל[[EMAIL|israel.shapira@shapira-law.co.il]]
- 06/09 [[PERSON|מורן]]: ביקש להוסיף עוד 3 משתמשים ב{{אוקטובר}}, לבדוק מחיר""",
    ),
    (
        "email_thread",
        "hebrew",
        """תסכם בעברית מה הלקוחה רוצה:

From: [[PERSON|Efrat Nachmani]] <[[EMAIL|efrat@hadar-clinics.co.il]]>
Sent: Sunday, September 8, 2024 9:20 AM
To: [[PERSON|Guy Segal]] <[[EMAIL|guy.segal@medisales.co.il]]>
Subject: RE: חידוש חוזה {{מרפאות הדר}}

[[PERSON|גיא]], תודה. אנחנו מעוניינים לחדש אבל רק לשנה אחת ולא לשלוש.

-----Original Message-----
From: [[PERSON|Guy Segal]]
Sent: Thursday, September 5, 2024 4:02 PM
To: [[PERSON|Efrat Nachmani]]
Subject: חידוש חוזה מרפאות הדר

שלום [[PERSON|אפרת]],
החוזה שלכם מסתיים ב-{{31/10/2024}}. מצרף הצעה לחידוש לשלוש שנים עם {{10%}} הנחה.
[[PERSON|גיא סגל]]
{{מדיסיילס}} | [[PHONE|054-2290617]]""",
    ),
    (
        "lead_summary",
        "hebrew",
        """סכם את הליד לנציג הבא בתור, כולל המלצה אם לבקר פיזית:
שם: [[PERSON|חיים יצחקי]]
עסק: {{נגריית יצחקי}}
כתובת: [[ADDRESS|רח' הרצל 23 דירה 4, ראשון לציון 7526414]]
נייד: [[PHONE|050-8841207]]
הערות: עסק משפחתי, 6 עובדים. הבת [[PERSON|הילה]] מנהלת את המשרד ואת ההזמנות. רוצים הצעות מחיר אוטומטיות ללקוחות.""",
    ),
    (
        "log_explain",
        "hebrew",
        """תסביר ללקוח בשפה פשוטה למה ההודעה לא נשלחה:
[2024-09-10 08:15:02] WARN sms.gateway send failed to=[[PHONE|+972549930214]] reason=BLOCKED_BY_CARRIER campaign={{חגים_2024}} contact=[[PERSON|אורית נחום]]
[2024-09-10 08:15:02] INFO retry scheduled in {{15m}}
[2024-09-10 08:30:03] WARN sms.gateway send failed to=[[PHONE|+972549930214]] reason=BLOCKED_BY_CARRIER attempt=2""",
    ),
    (
        "meeting_notes",
        "hebrew",
        """הפוך את סיכום הפגישה למשימות עם אחראים ותאריכים:

סיכום פגישה – {{עיריית נתניה}}, מחלקת רכש, {{יום שני}} 09/09
משתתפים: [[PERSON|גדי יברקן]] (ראש המחלקה), [[PERSON|אולגה פרלמן]], [[PERSON|אלמז]] מהמחשוב, ומצדנו [[PERSON|ניר]].
- [[PERSON|גדי]] צריך אישור ועדת מכרזים, מעריך {{נובמבר}}.
- [[PERSON|אולגה]] תשלח את דרישות האבטחה עד סוף השבוע.
- [[PERSON|אלמז]] ביקשה גישת ניסיון ל-{{SSO}}.
- [[PERSON|ניר]] ישלח הצעה מעודכנת ב{{₪78,000}}.""",
    ),
    (
        "user_request",
        "hebrew",
        """תנסח הודעה קצרה לכל הצוות: ה{{גל}} הבא של לידים מהקמפיין מגיע ב{{יום חמישי}}. [[PERSON|שירה]] מחלקת אותם לפי אזורים ו[[PERSON|נתן]] אחראי על הצפון. מי שלא מעדכן סטטוס תוך 24 שעות, הליד עובר הלאה.""",
    ),
    (
        "order_note",
        "hebrew",
        """Customer note on deal {{D-3390}} (florist chain, {{רשת פרחי השרון}}): "צריכים 300 ענפי {{הדס}} ו-200 לולבים לפני {{סוכות}}, משלוח לסניף ב{{הוד השרון}}". Rep: [[PERSON|יהודית מזרחי]]. Draft an order confirmation in Hebrew with the delivery window.""",
    ),
    (
        "profile_enrichment",
        "hebrew",
        """תכתוב פסקת פתיחה אישית לפנייה קרה על סמך הפרופיל:

{
  "full_name": "[[PERSON|יונתן אשכנזי]]",
  "headline": "{{סמנכ״ל מכירות}} ב-{{נובה רובוטיקה}}",
  "location": "{{הרצליה}}, ישראל",
  "experience": [
    { "title": "{{VP Sales}}", "company": "{{נובה רובוטיקה}}", "from": "2021" },
    { "title": "{{Head of Partnerships}}", "company": "{{Check Point}}", "from": "2016", "to": "2021" }
  ],
  "education": "{{אוניברסיטת תל אביב}}, MBA",
  "email_guess": "[[EMAIL|yonatan@nova-robotics.ai]]"
}""",
    ),
    (
        "lead_summary",
        "arabic",
        """Summarize this lead for the account executive:
{
  "id": "AE-L-5521",
  "الاسم": "[[PERSON|حمدان سعيد المنصوري]]",
  "المسمى_الوظيفي": "{{مدير المشتريات}}",
  "الشركة": "{{مجموعة الخليج للتبريد}}",
  "الجوال": "[[PHONE|+971 50 412 7783]]",
  "البريد": "[[EMAIL|h.almansoori@gulfcool.ae]]",
  "wa_number": "[[PHONE|971504127783]]",
  "lead_src": "GITEX 2024",
  "assigned_to": "[[PERSON|Ritika Menon]]",
  "المدينة": "{{أبوظبي}}",
  "notes": ["يريد عرض سعر قبل نهاية {{أكتوبر}}", "يفضّل التواصل عبر واتساب"]
}""",
    ),
    (
        "email_thread",
        "arabic",
        """لخّص المراسلة التالية واقترح رداً مناسباً:

أهلاً [[PERSON|عبدالله]]،
وصلني العرض، شكراً. عندنا ملاحظة على مدة التنفيذ، نحتاجها خلال {{6 أسابيع}} بدل 8.
مع التحية،
[[PERSON|نورة القحطاني]]
{{مديرة التحول الرقمي}} – {{شركة رواسي للتطوير}}
جوال: [[PHONE|0551843926]]

في الأحد، ١ سبتمبر ٢٠٢٤ في ١١:٠٥ ص، كتب [[PERSON|عبدالله الشهري]] <[[EMAIL|a.alshehri@salesbridge.sa]]>:
> الأستاذة [[PERSON|نورة]]، تحية طيبة
> مرفق عرض السعر لمنصة إدارة العملاء بقيمة {{١٨٠٬٠٠٠ ريال}} سنوياً، شاملاً التدريب.
> تحياتي""",
    ),
    (
        "call_notes",
        "arabic",
        """اكتب ملخص المكالمة في 3 نقاط:
كلمت أ. [[PERSON|محمود عبد الفتاح]] من {{شركة النيل للأدوية}}، قال إن الميزانية اتعتمدت بس مستني موافقة د. [[PERSON|هبة]] مديرة المشتريات. رقمه الشخصي [[PHONE|01012847763]] ومكتبه في [[ADDRESS|١٤ شارع جامعة الدول العربية، المهندسين، الجيزة]]. هنكلمه تاني يوم {{الخميس}} الساعة 12، وهو مش فاضي الأسبوع ده عشان عنده {{فرح}} أخوه.""",
    ),
    (
        "deal_insights",
        "arabic",
        """حلّل الصفقات التالية وحدد أيها معرّض للخطر:

| الصفقة | جهة الاتصال | المرحلة | القيمة (USD) | آخر تواصل |
|---|---|---|---|---|
| {{مطاعم الأرز}} | [[PERSON|جورج حداد]] | تفاوض | {{45,000}} | منذ 3 أيام |
| {{صيدليات البلسم}} | [[PERSON|ريتا خوري]] | عرض سعر | {{12,800}} | منذ 19 يوماً |
| {{مدارس الفجر}} | [[PERSON|علي حمادة]] | عرض توضيحي | {{30,000}} | منذ 41 يوماً |

ملاحظة من المدير [[PERSON|سامي]]: [[PERSON|ريتا]] طلبت الاتصال على [[PHONE|+961 3 218 447]] بعد الساعة 5.""",
    ),
    (
        "csv_export",
        "arabic",
        """هذا تصدير لجهات الاتصال من معرض عمّان. رتّبهم حسب الأولوية واقترح رسالة متابعة لكل واحد:

الاسم,الجوال,البريد الإلكتروني,المدينة,المصدر,ملاحظات
[[PERSON|ليث العبادي]],[[PHONE|0791234870]],[[EMAIL|laith.abbadi@petra-logix.jo]],{{عمّان}},معرض,مهتم جداً
[[PERSON|دانة الزعبي]],[[PHONE|0785521046]],,{{إربد}},معرض,تحتاج موافقة المدير
[[PERSON|رامي الخطيب]],[[PHONE|+962 77 640 9218]],[[EMAIL|rami.k@zarqa-steel.com]],{{الزرقاء}},إحالة,طلب عرض سعر
[[PERSON|سلمى حدادين]],[[PHONE|0796603175]],[[EMAIL|salma.h@gmail.com]],{{مادبا}},معرض,""",
    ),
    (
        "whatsapp_export",
        "arabic",
        """لخّص هذه المحادثة من واتساب وقل لي هل العميل جاهز للتوقيع:

[09/09/2024 10:02] [[PERSON|يوسف بنعلي]]: السلام عليكم، واش العرض باقي صالح؟
[09/09/2024 10:05] [[PERSON|سكينة]]: وعليكم السلام سي [[PERSON|يوسف]]، إيه صالح حتى {{30 شتنبر}}
[09/09/2024 10:07] [[PERSON|يوسف بنعلي]]: مزيان. بغيت نزيد 5 ديال المستخدمين للفرع ديال {{طنجة}}
[09/09/2024 10:12] [[PERSON|سكينة]]: واخا، الثمن غادي يولي {{4 200 درهم}} فالشهر
رقم الواتساب: [[PHONE|+212 661-384029]]""",
    ),
    (
        "webhook_payload",
        "arabic",
        """صنّف هذا الطلب الوارد من نموذج الموقع (عميل جديد / دعم / غير مهم):
{
  "event": "form.submitted",
  "site": "crm-il-ar",
  "data": {
    "الاسم_الكامل": "[[PERSON|أحمد محاميد]]",
    "رقم_الهوية": "[[IL_ID|397626003]]",
    "الهاتف": "[[PHONE|052-4417390]]",
    "البلدة": "{{أم الفحم}}",
    "الرسالة": "عندي محل أدوات كهربائية وبدي نظام لمتابعة الزبائن والفواتير"
  },
  "received": "2024-09-11 18:22:07"
}""",
    ),
    (
        "chat_turn",
        "arabic",
        """user: مين مسؤول عن حساب {{دبي مول}} عندنا؟ وأبغى رقمه
tool[lookup_account] → {"account": "Dubai Mall Retail Ops", "owner": "[[PERSON|خالد الفلاسي]]", "owner_mobile": "[[PHONE|+971 55 903 2174]]", "secondary": "[[PERSON|Anjali Pillai]]", "region": "Dubai"}
assistant: المسؤول عن الحساب هو""",
    ),
    (
        "system_prompt",
        "arabic",
        """أنت مساعد مبيعات ذكي تعمل لـ[[PERSON|ريم الهاشمي]]، مديرة حسابات في {{شركة أفق للحلول}} بالرياض. اكتب دائماً بالعربية الفصحى وبأسلوب مهني.
المهمة: جهّز رسالة متابعة إلى م. [[PERSON|فيصل العتيبي]] بعد اجتماع {{الثلاثاء}} حول تجديد العقد، وذكّره بأن الخصم {{12%}} ينتهي في {{30 سبتمبر}}.
بيانات التوقيع: [[PERSON|ريم الهاشمي]] | [[PHONE|+966 50 318 6629]] | [[EMAIL|reem.hashemi@ofoq-solutions.sa]]""",
    ),
    (
        "meeting_transcript",
        "arabic",
        """استخرج من النص التالي: صاحب القرار، الميزانية، والخطوة القادمة.

[[PERSON|عائشة الكتبي]]: مرحبا، معاكم [[PERSON|عائشة]] من {{هيئة الشارقة للاستثمار}}.
[[PERSON|Vikram Rao]]: Hello, thanks for joining. Shall we do it in English or Arabic?
[[PERSON|عائشة الكتبي]]: عادي، خلنا إنجليزي وعربي. المدير [[PERSON|سلطان]] بيدخل بعد شوي.
[[PERSON|Vikram Rao]]: Perfect. What budget are we working with?
[[PERSON|عائشة الكتبي]]: تقريباً {{250 ألف درهم}} للسنة الأولى.
[[PERSON|سلطان بن حميد]]: آسف على التأخير. القرار عندي، بس أبغى عرض قبل {{الأحد}}.""",
    ),
    (
        "user_request",
        "arabic",
        """اكتب رسالة تهنئة بالعيد لكل العملاء في القائمة، ابدأها بـ"عيد {{سعيد}}" واختمها بـ"على {{أمل}} أن نواصل النجاح معاً". وقّعها باسم [[PERSON|جميل الراشد]]، {{مدير المبيعات الإقليمي}}. لا تذكر الأسعار.""",
    ),
    (
        "payment_details",
        "arabic",
        """ساعدني أكتب إيميل للعميل أؤكد فيه استلام بيانات التحويل، ولا تكرر رقم الحساب كاملاً:

العميل: [[PERSON|تركي بن سعد الدوسري]]
الشركة: {{مؤسسة الدوسري للمقاولات}}
الآيبان: [[IBAN|SA1580722079455142256079]]
المبلغ: {{٤٥٬٠٠٠ ريال}}
الفاتورة: {{INV-2024-0912}}
المحاسب المسؤول: [[PERSON|منيرة]]""",
    ),
    (
        "calendar_invite",
        "arabic",
        """Prepare talking points in Arabic for this meeting:

Subject: عرض توضيحي – {{منصة تواصل}} لـ{{مجموعة الفطيم}}
When: {{Wednesday, 18 September 2024}} 10:00–11:00 (GMT+04:00) Abu Dhabi, Muscat
Where: [[ADDRESS|Office 1204, Tower B, Business Bay, Dubai]]
Organizer: [[PERSON|شيخة المهيري]] <[[EMAIL|shaikha.m@tawasul.ae]]>
Required: [[PERSON|مريم الظاهري]]; [[PERSON|Rahul Nair]]
Optional: [[PERSON|Omar Farouk]]
Notes: [[PERSON|مريم]] هي صاحبة القرار، [[PERSON|Rahul]] من فريق IT وسيسأل عن التكامل مع {{SAP}}.""",
    ),
    (
        "lead_summary_yaml",
        "arabic",
        """Summarize this lead in Arabic for the sales manager:

contact:
  الاسم: [[PERSON|هاني الطراونة]]
  المنصب: {{رئيس قسم المبيعات}}
  الشركة: {{الكرك للصناعات الغذائية}}
  الهاتف: "[[PHONE|+962 79 552 1807]]"
  العنوان: "[[ADDRESS|شارع المدينة المنورة 112، تلاع العلي، عمّان]]"
owner: [[PERSON|بشرى]]
lead_src: LinkedIn Ads
stage: qualified
notes:
  - "يستخدمون {{Zoho}} حالياً وغير راضين"
  - "طلب تجربة مجانية لمدة {{14 يوم}}"
""",
    ),
    (
        "profile_enrichment",
        "arabic",
        """اكتب رسالة تعارف قصيرة بناءً على هذا الملف:

{
  "name": "[[PERSON|ياسمين عبد الرحمن]]",
  "headline": "{{Head of Growth}} | {{فوري}}",
  "location": "{{القاهرة}}، مصر",
  "summary": "أكثر من 10 سنين في المدفوعات الرقمية",
  "past_roles": ["{{Vodafone Egypt}}", "{{Careem}}"],
  "contact": { "email": "[[EMAIL|yasmine.ar@outlook.com]]", "phone": "[[PHONE|+20 122 784 3310]]" }
}""",
    ),
    (
        "whatsapp_export",
        "arabic",
        """لخّص المحادثة دي ونبهني لو فيه حاجة مهمة:

[[PERSON|نور]]: صباح الخير يا أستاذ [[PERSON|كريم]]، الديمو جاهز؟
[[PERSON|كريم منصور]]: صباح النور، أيوه، بس محتاجين نأجله لبعد الضهر
[[PERSON|نور]]: تمام، الساعة {{3}}؟
[[PERSON|كريم منصور]]: ماشي. وابعتي اللينك على الإيميل الشخصي [[EMAIL|karim.mansour88@yahoo.com]]
[[PERSON|نور]]: حاضر. على فكرة النسخة الجديدة هتشوف {{النور}} في {{نوفمبر}}""",
    ),
    (
        "payment_details",
        "arabic",
        """راجع بيانات التحويل دي وقول لي لو في حاجة ناقصة قبل ما نبعتها للمالية:
المستفيد: [[PERSON|عمر الحوراني]]
البنك: {{البنك العربي}} – فرع {{الشميساني}}
IBAN: [[IBAN|JO83CBJO0010025721284415840244]]
رقم العقد: {{CN-7781}}
المبلغ: {{3,250 دينار}}""",
    ),
    (
        "error_trace",
        "arabic",
        """اشرح للعميل سبب فشل الاستيراد بلغة بسيطة:

ImportError at row 37: duplicate key (email)="[[EMAIL|fatima.zahra@marsa-trade.ma]]"
  existing contact id=88120 name="[[PERSON|فاطمة الزهراء العلوي]]" owner="[[PERSON|Hicham]]"
  new row: name="[[PERSON|فاطمة الزهراء علوي]]", phone="[[PHONE|0661-903318]]"
webhook_secret=[[SECRET|whsec_7fQ2mLk9ZpX4vR8tN1yB3cW6]] (redacted in UI only)
job_id=imp_20240912_0931 status=PARTIAL imported=214 failed=1""",
    ),
    (
        "email_thread",
        "arabic",
        """لخّص الإيميل في سطرين وحدد الخطوة التالية:

مرحباً [[PERSON|طوني]]،
بعد اجتماعنا مع السيدة [[PERSON|رلى]] قررنا نمشي بالباقة {{Business}} بدل {{Enterprise}} حالياً. بدنا نبلّش من أول {{تشرين الأول}}.
بتمنى تبعتلي العقد المعدّل.
[[PERSON|كارلا عون]]
{{مديرة العمليات}} | {{فنادق الشاطئ}}، {{جونيه}}
[[PHONE|+961 71 552 903]]

تنويه: هذه الرسالة وأي مرفقات بها سرية ومخصصة فقط للمرسل إليه. إذا وصلتك عن طريق الخطأ يرجى إبلاغ المرسل وحذفها.""",
    ),
    (
        "tool_result",
        "arabic",
        """user: اعطني جهات الاتصال في {{الدمام}} اللي ما تواصلنا معهم من شهرين
tool_result: [
  {"name": "[[PERSON|ماجد الغامدي]]", "title": "{{مدير عام}}", "mobile": "[[PHONE|0503392871]]", "last_touch": "2024-07-02"},
  {"name": "[[PERSON|أمل الزهراني]]", "title": "{{مسؤولة مشتريات}}", "mobile": "[[PHONE|0569031487]]", "last_touch": "2024-06-21"},
  {"name": "[[PERSON|بدر السبيعي]]", "title": "{{مهندس مشاريع}}", "email": "[[EMAIL|badr.s@eastern-pipes.com.sa]]", "last_touch": "2024-07-09"}
]
assistant:""",
    ),
    (
        "chat_turn",
        "mixed",
        """user: can you check מה הסטטוס של הדיל עם [[PERSON|Dana]] מ-{{Wix}}? she {{said}} she'd sign by {{Thursday}}
tool[get_deal] → {"deal": "Wix – Sales Hub seats", "contact": "[[PERSON|Dana Katz]]", "contact_email": "[[EMAIL|danak@wix.com]]", "stage": "Contract Sent", "amount": 38400, "owner": "[[PERSON|Amit Peretz]]"}
user: ותזכיר ל[[PERSON|עמית]] לעשות פולואפ אם אין חתימה עד {{יום חמישי}}""",
    ),
    (
        "email_thread",
        "mixed",
        """summarize pls, the client writes in franco:

"ya [[PERSON|Mostafa]] el 3ard el gdid weslak? el se3r ba2a {{EGP 9,500}} fel shahr. kalemny 3la [[PHONE|01142287730]] aw ab3atly 3la [[EMAIL|m.elsayed@deltafoods.com.eg]]. - [[PERSON|Sherif]]"

reply from [[PERSON|Mostafa El-Sayed]]: "tamam ya basha, bas lazem a5od ra2y Eng. [[PERSON|Walid]] el awel, howa elly bymdy. ne2dar netkalem el {{sabt}}?"
""",
    ),
    (
        "lead_summary",
        "mixed",
        """סכם את הליד. שים לב שהלקוח מעדיף ערבית.
שם (עברית): [[PERSON|סאמר עאזם]]
الاسم (عربي): [[PERSON|سامر عازم]]
עיר: {{טייבה}}
נייד: [[PHONE|054-3871026]]
הערות: בעל רשת מאפיות, 3 סניפים. אשתו [[PERSON|רנא]] מנהלת את הכספים. قال: "بدنا نظام بسيط بالعربي وما بدنا نتعلم كتير".""",
    ),
    (
        "email_draft",
        "mixed",
        """Translate to Arabic and make it more formal:

Dear Mr. [[PERSON|Al Nuaimi]],
Thank you for meeting [[PERSON|Fatima]] and me on {{Monday}}. As discussed, the {{Enterprise}} tier includes Arabic RTL support and WhatsApp Business integration. I've attached the proposal for {{AED 96,000}}.
Best regards,
[[PERSON|Daniel Okafor]]
Senior Account Executive, {{Pipeline Pro MENA}}
[[PHONE|+971 52 660 3491]]""",
    ),
    (
        "call_notes",
        "mixed",
        """Переведи на иврит и сделай короче:
Встреча с [[PERSON|Мариной Левиной]] из {{Ашдод Порт Сервис}} прошла хорошо. Она хочет тест на {{30 дней}} и скидку для второго склада. Её мобильный [[PHONE|054-9102374]], звонить после обеда.
הערה של [[PERSON|דמיטרי]]: לשלוח לה חוזה בעברית וברוסית עד {{יום ראשון}}.""",
    ),
    (
        "email_thread",
        "mixed",
        """Résume ce mail en arabe, en 3 lignes:

Bonjour [[PERSON|Mehdi]],
Suite à notre call de {{mardi}}, je vous confirme que {{Atlas Distribution}} souhaite passer à l'offre {{Pro}}. Merci d'envoyer la facture à Mme [[PERSON|Khadija Benjelloun]] ([[EMAIL|k.benjelloun@atlas-distri.ma]]).
Cordialement,
[[PERSON|Rachid Amrani]]
[[PHONE|+212 522-274913]] (fixe) — {{Casablanca}}

ملاحظة داخلية من [[PERSON|مهدي]]: [[PERSON|خديجة]] هي المسؤولة عن الدفع، لا ترسلوا الفواتير لغيرها.""",
    ),
    (
        "csv_export",
        "mixed",
        """deal insights please, which of these should I prioritize this week?
שם איש קשר,חברה,שלב,סכום ($),בעלים
[[PERSON|Michael Rosen]],{{Tabula Bio}},Proposal,{{54,000}},[[PERSON|אורי]]
[[PERSON|Sarah O'Connell]],{{Greenfield Capital}},Negotiation,{{120,000}},[[PERSON|נטע]]
[[PERSON|Haruto Sato]],{{Kaizen Labs}},Discovery,{{9,600}},[[PERSON|אורי]]
[[PERSON|Lerato Dlamini]],{{Umoja Pay}},Closed Won,{{22,500}},[[PERSON|נטע]]""",
    ),
    (
        "tool_result",
        "mixed",
        """assistant context: rep = [[PERSON|Mohammed Irfan]] (Riyadh office)
user: اعرض لي آخر 3 أنشطة على حساب {{المراعي}}
tool_result:
- 2024-09-01 call by [[PERSON|Mohammed Irfan]] with [[PERSON|سعود الحربي]]: discussed renewal, wants Arabic invoices
- 2024-09-04 email from [[EMAIL|saud.alharbi@almarai-partner.sa]]: requested {{SLA}} document
- 2024-09-09 meeting note: [[PERSON|Saud]] introduced [[PERSON|Lina Qasem]] ({{Procurement}}), next step pricing call""",
    ),
    (
        "lead_summary",
        "anglo",
        """Summarize this lead for the account executive:
{
  "lead": {
    "id": 918273,
    "contact": {
      "first_name": "[[PERSON|Hope]]",
      "last_name": "[[PERSON|Whitfield]]",
      "title": "{{Director of Revenue Operations}}",
      "email": "[[EMAIL|hope.whitfield@brightline-hvac.com]]",
      "mobile": "[[PHONE|(512) 847-2290]]"
    },
    "company": { "name": "{{Brightline HVAC}}", "hq": "{{Austin, TX}}", "employees": 340 },
    "owner": { "name": "[[PERSON|Marcus Bell]]", "region": "US-Central" },
    "cf_decision_maker": "yes",
    "lead_src": "G2 review page",
    "notes": ["Currently on {{HubSpot Starter}}", "Asked about Spanish-language templates"]
  }
}""",
    ),
    (
        "email_thread",
        "anglo",
        """Summarise this thread and tell me what [[PERSON|Ciarán]] is actually blocked on.

Hi [[PERSON|Aoife]],

Thanks, that works. Legal just need the DPA signed before we can go live, nothing else outstanding on our side.

Cheers,
[[PERSON|Ciarán]]

On Tue, 3 Sep 2024 at 10:12, [[PERSON|Aoife Brennan]] <[[EMAIL|aoife.brennan@leadwell.ie]]> wrote:
> Hi [[PERSON|Ciarán]],
> Following up on the onboarding call. Are we still good for a {{1 October}} launch?
> Kind regards,
> [[PERSON|Aoife]]
>
> On Fri, 30 Aug 2024 at 16:45, [[PERSON|Ciarán Ó Súilleabháin]] <[[EMAIL|ciaran.osullivan@corkfreight.ie]]> wrote:
>> Hi both, looping in [[PERSON|Siobhán]] from finance. Mobile if needed: [[PHONE|087 412 6630]].

--
This email and any attachments are confidential. {{Cork Freight Ltd}}, registered in Ireland.""",
    ),
    (
        "meeting_transcript",
        "anglo",
        """Turn this call transcript into a MEDDICC summary.

Speaker 1 ([[PERSON|Callum Fraser]]): Right, so we've got about forty folk on the team across {{Glasgow}} and {{Aberdeen}}.
Speaker 2 ([[PERSON|Eilidh]]): And what are you on just now?
Speaker 1 ([[PERSON|Callum Fraser]]): Spreadsheets, mostly. [[PERSON|Hamish]] built us a wee Access database years back but he's retired.
Speaker 2 ([[PERSON|Eilidh]]): Who signs off on something like this?
Speaker 1 ([[PERSON|Callum Fraser]]): That'd be our {{MD}}, [[PERSON|Morag Sinclair]]. She'll want to see the numbers before {{Q4}}.
Speaker 2 ([[PERSON|Eilidh]]): Grand, I'll send a business case by {{Friday}}.""",
    ),
    (
        "chat_turn",
        "anglo",
        """user: whos got the Bondi Beach Surf Co account and whats their number
tool_result (crm.search_accounts): {"name": "{{Bondi Beach Surf Co}}", "owner": "[[PERSON|Jess Nguyen]]", "primary_contact": {"name": "[[PERSON|Brodie McKenzie]]", "phone": "[[PHONE|0412 558 903]]", "role": "{{Owner}}"}, "state": "NSW"}
assistant: That one's with [[PERSON|Jess Nguyen]]. The main contact is""",
    ),
    (
        "system_prompt",
        "anglo",
        """You are helping [[PERSON|Tyler Brooks]], a sales rep at {{Northwind Robotics}}, prepare for renewal calls. Be concise, never invent discounts, and always address contacts by their first name.
Today's first call: [[PERSON|Grace Okoye-Martin]] ({{VP Operations}}, {{Lakeshore Foods}}), contract ends {{November 30}}. She mentioned the 30-day {{grace period}} on late invoices last time.
Booking link for the rep: https://cal.northwind.io/r/8f2k1""",
    ),
    (
        "log_lines",
        "anglo",
        """Why are these API calls failing? Explain for a non-technical admin.

2024-09-09T14:02:11.203Z INFO  outbound POST https://api.pipelinepro.io/v2/contacts by=[[EMAIL|will.harrington@summitdental.com]] status=401
2024-09-09T14:02:11.204Z DEBUG headers={"Authorization": "Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfNDQ4MiJ9.q3n8Zs0bKfW1aTjV7xYpR2c]]"}
2024-09-09T14:02:11.205Z WARN  token expired at 2024-09-09T13:59:00Z; user=[[PERSON|Will Harrington]] org={{Summit Dental Group}}""",
    ),
    (
        "deal_insights",
        "anglo",
        """Give me deal insights: what's slipping, what needs exec help.

| Deal | Contact | Owner | Stage | ARR | Close date | Next step |
|------|---------|-------|-------|-----|------------|-----------|
| {{Acme Freight}} expansion | [[PERSON|Rose Delgado]] | [[PERSON|Chance Porter]] | Negotiation | {{$84,000}} | {{Sep 27}} | pricing {{rose}} again, needs VP call |
| {{Pinecrest Schools}} | [[PERSON|Bill Kowalczyk]] | [[PERSON|Penny]] | Proposal | {{$19,500}} | {{Oct 15}} | send revised {{bill of materials}} |
| {{Harbor Credit Union}} | [[PERSON|Frank Moreau]] | [[PERSON|Chance Porter]] | Legal | {{$132,000}} | {{Sep 30}} | redlines back {{Monday}} |

Note: "rose" in row 1 means the price went up; there's no {{chance}} we hit {{Sep 27}} without a concession.""",
    ),
    (
        "calendar_invite",
        "anglo",
        """Write a 5-line prep note from this invite.

Invitation: Discovery call – {{Redwood Analytics}} x {{Pipeline Pro}}
{{Thu Sep 19, 2024}} 1pm – 1:45pm (PDT)
Joining info: https://zoom.us/j/93817462051 (Passcode: [[SECRET|Rw7!kq29]])
Organizer: [[PERSON|Kayla Jefferson]] – [[EMAIL|kjefferson@pipelinepro.io]]
Guests:
[[PERSON|Derek Liu]] – [[EMAIL|derek.liu@redwoodanalytics.com]]
[[PERSON|Savannah Price]] – [[EMAIL|sprice@redwoodanalytics.com]]
Description: [[PERSON|Derek]] found us via the {{SaaStr}} talk. [[PERSON|Savannah]] runs RevOps, probably the real buyer.""",
    ),
    (
        "user_request",
        "anglo",
        """draft a quick note to the {{Keller Roofing}} account: we {{hope}} to have the {{v4.2}} release out by {{mid-October}}, and I will personally make sure their SSO issue is fixed first. sign it from me, [[PERSON|Mark]]. cc [[PERSON|Hope Adeyemi]] on the support side""",
    ),
    (
        "webhook_payload",
        "anglo",
        """A payment webhook came in for one of our accounts. Tell me in one sentence what happened and whether the rep needs to act.

{
  "type": "invoice.payment_failed",
  "created": 1725955200,
  "data": {
    "customer_name": "[[PERSON|Jennifer Alvarez-Stone]]",
    "customer_email": "[[EMAIL|jen@stonecreekvet.com]]",
    "card": { "brand": "amex", "number": "[[CREDIT_CARD|371434578688642]]", "exp": "04/27" },
    "amount_due": 24900,
    "currency": "usd",
    "invoice": "{{in_1PxQ8sL2}}",
    "billing_address": "[[ADDRESS|4821 Old Settlers Blvd, Round Rock, TX 78665]]"
  }
}""",
    ),
    (
        "csv_export",
        "anglo",
        """Clean this list up and flag duplicates before I import it:

Full Name,Email,Mobile,State,Source
[[PERSON|Liam O'Brien]],[[EMAIL|liam.obrien@coastalbuild.com.au]],[[PHONE|0423 118 740]],QLD,Expo
[[PERSON|Matilda Hughes]],[[EMAIL|tilly.hughes@gmail.com]],[[PHONE|+61 438 902 615]],VIC,Website
[[PERSON|Liam OBrien]],[[EMAIL|liam.obrien@coastalbuild.com.au]],,QLD,Referral
[[PERSON|Jarrah Wilson]],[[EMAIL|jarrah@redgumtimber.com.au]],[[PHONE|0409 771 352]],WA,Expo""",
    ),
    (
        "invoice_query",
        "anglo",
        """Customer replied to our dunning email. Draft a polite answer confirming we'll refund the duplicate charge to the account below.

"Hi, this is [[PERSON|Niamh Gallagher]] from {{Gallagher Pharmacy}}. You charged us twice for {{August}}. Please refund to [[IBAN|IE89AIBK93115266660330]], account name [[PERSON|Niamh Gallagher]]. Ta, [[PERSON|Niamh]] ([[PHONE|+353 86 204 9917]])"
Ticket: {{SUP-20914}}""",
    ),
    (
        "error_trace",
        "anglo",
        """The nightly sync to the data warehouse crashed. Tell me what's wrong in plain English.

Traceback (most recent call last):
  File "/srv/etl/export_contacts.py", line 88, in <module>
    engine = create_engine(os.environ["DW_URL"])
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "dw.internal" failed: FATAL: password authentication failed for user "etl_svc"
DW_URL=postgresql://etl_svc:[[SECRET|Xk2#pLq8vNr4]]@dw.internal:5432/crm
Last row processed: contact_id=55102 ([[PERSON|Brandon Mitchell]], [[EMAIL|bmitchell@tristatelogistics.com]])""",
    ),
    (
        "email_thread",
        "european",
        """Resume este hilo en español y dime si hay riesgo de perder la cuenta.

Hola [[PERSON|Álvaro]]:
Seguimos sin recibir la factura rectificada. Si no llega antes del {{viernes}}, tendré que escalarlo a {{dirección financiera}}.
Un saludo,
[[PERSON|Inmaculada Ferrer Roig]]
{{Responsable de Compras}} · {{Grupo Levante Frío}}
Tel. [[PHONE|+34 963 52 18 40]]

El mar, 3 sept 2024 a las 10:12, [[PERSON|Álvaro Jiménez]] (<[[EMAIL|alvaro.jimenez@pipelinepro.es]]>) escribió:
> Hola [[PERSON|Inma]], te la reenvío hoy mismo, disculpa el retraso.
> [[PERSON|Álvaro]]""",
    ),
    (
        "lead_summary_yaml",
        "european",
        """Resume el lead para el comercial que lo hereda:

lead:
  nombre: [[PERSON|Paloma Etxeberria]]
  empresa: {{Conservas del Cantábrico}}
  cargo: {{Directora Comercial}}
  movil: "[[PHONE|688 214 907]]"
  email: [[EMAIL|p.etxeberria@conservascantabrico.es]]
  direccion_facturacion: "[[ADDRESS|Calle Ercilla 24, 3º izda, 48011 Bilbao]]"
  iban_domiciliacion: [[IBAN|ES9621000418283454088183]]
  asignado_a: [[PERSON|Jordi]]
  notas: quiere migrar desde {{Salesforce}} antes de {{enero}}""",
    ),
    (
        "meeting_transcript",
        "european",
        """Faz um resumo desta reunião em português com próximos passos.

[[PERSON|João Pedro]] (vendas): Bom dia a todos. Obrigado, Dona [[PERSON|Fernanda]], por nos receber.
[[PERSON|Fernanda Carvalho]]: De nada. Está também o [[PERSON|Rui]], que trata da parte informática.
[[PERSON|Rui Antunes]]: Olá. A nossa dúvida principal é a integração com o {{PHC}}.
[[PERSON|João Pedro]] (vendas): Temos conector nativo. O piloto pode começar em {{outubro}}.
[[PERSON|Fernanda Carvalho]]: Ótimo. O orçamento máximo é {{18 000 €}} por ano.""",
    ),
    (
        "webhook_payload",
        "european",
        """Classifica este pedido recebido pelo formulário e sugere o próximo passo:
{
  "event": "lead.created",
  "payload": {
    "nome": "[[PERSON|Beatriz Sousa Mendes]]",
    "telemovel": "[[PHONE|+351 912 447 308]]",
    "email": "[[EMAIL|bia.mendes@sapo.pt]]",
    "empresa": "{{Padaria Flor do Minho}}",
    "morada": "[[ADDRESS|Rua de Santa Catarina 512, 4000-446 Porto]]",
    "mensagem": "Temos 4 lojas e queremos fidelizar clientes por SMS."
  }
}""",
    ),
    (
        "call_notes",
        "european",
        """Riassumi la chiamata in 3 punti per il CRM:
Parlato con il dott. [[PERSON|Lorenzo Bianchi]] ({{Farmacie Riunite Lombarde}}). Vuole una demo con la sua vice, [[PERSON|Chiara]], {{giovedì}} prossimo alle 15. Sede: [[ADDRESS|Via Giuseppe Garibaldi 18, 20121 Milano]]. Cellulare diretto [[PHONE|347 821 9034]]. Budget circa {{25.000 €}}, decisione entro {{novembre}}.""",
    ),
    (
        "chat_turn",
        "european",
        """user: chi segue il cliente {{Pastificio Rana d'Oro}} a {{Bologna}}?
tool[crm.get_owner] → {"account": "Pastificio Rana d'Oro", "owner": "[[PERSON|Giulia Esposito]]", "owner_email": "[[EMAIL|giulia.esposito@pipelinepro.it]]", "contatto": "[[PERSON|Salvatore Greco]]", "tel": "[[PHONE|+39 051 644 2187]]"}
user: e mandagli un reminder per la firma, grazie""",
    ),
    (
        "email_thread",
        "european",
        """Summarize in English:

Καλησπέρα κ. [[PERSON|Παπαδόπουλε]],
Σας στέλνω την προσφορά για το πακέτο {{Business}}, {{4.800 €}} ετησίως για 10 χρήστες.
Με εκτίμηση,
[[PERSON|Ελένη Γεωργίου]]
[[PHONE|+30 694 512 8873]]

Στις Δευ, 2 Σεπ 2024 στις 11:20 π.μ., ο/η [[PERSON|Νίκος Παπαδόπουλος]] <[[EMAIL|n.papadopoulos@aegeanferries.gr]]> έγραψε:
> Κυρία [[PERSON|Γεωργίου]], θα θέλαμε μια προσφορά μέχρι την {{Παρασκευή}}.""",
    ),
    (
        "csv_export",
        "european",
        """Which of these Greek leads should we call first? Export has no header, columns are name,mobile,city,score.

[[PERSON|Δημήτρης Αντωνίου]],[[PHONE|6977 384 120]],{{Θεσσαλονίκη}},82
[[PERSON|Κατερίνα Βλάχου]],[[PHONE|6944 207 561]],{{Αθήνα}},67
[[PERSON|Stavros Kyriakidis]],[[PHONE|+30 697 118 4402]],{{Patra}},91
[[PERSON|Ειρήνη]],,{{Ηράκλειο}},40""",
    ),
    (
        "system_prompt",
        "european",
        """Jesteś asystentem sprzedaży dla [[PERSON|Katarzyny Wójcik]], handlowca w firmie {{Pipeline Pro Polska}}. Odpowiadaj po polsku, krótko.
Przygotuj maila do pana [[PERSON|Tomasza Zielińskiego]] z {{Transbud Sp. z o.o.}} z przypomnieniem o ofercie na {{12 licencji}}, ważnej do {{30 września}}.
Podpis: [[PERSON|Katarzyna Wójcik]], tel. [[PHONE|+48 512 334 870]]""",
    ),
    (
        "payment_details",
        "european",
        """Sprawdź, czy dane do przelewu zwrotnego są kompletne:
Klient: [[PERSON|Agnieszka Nowak-Lis]]
Firma: {{Drukarnia Lis}}
NIP: {{5213457789}}
Rachunek: [[IBAN|PL36136397345315799726762200]]
Kwota: {{1 230,00 zł}}
Zgłoszenie: {{#PL-7720}}, obsługuje [[PERSON|Marek]]""",
    ),
    (
        "log_lines",
        "european",
        """Leg aan de klant uit waarom de WhatsApp-berichten niet zijn verstuurd:

[2024-09-10 09:41:17] ERROR wa.send to=[[PHONE|+31 6 41872093]] contact="[[PERSON|Sanne de Vries]]" code=131026 "Receiver is incapable of receiving this message"
[2024-09-10 09:41:18] ERROR wa.send to=[[PHONE|+31 6 28394617]] contact="[[PERSON|Joost van Dijk]]" code=131026
[2024-09-10 09:41:18] INFO  campaign={{najaar-actie-2024}} sent=212 failed=2""",
    ),
    (
        "deal_insights",
        "european",
        """Geef inzichten over deze pijplijn, kort en in het Nederlands:

| Deal | Contactpersoon | Eigenaar | Fase | Waarde |
|---|---|---|---|---|
| {{Bakkerij Bol}} | [[PERSON|Henk Bol]] | [[PERSON|Lotte]] | Offerte | {{€ 6.400}} |
| {{Rijnmond Zorg}} | [[PERSON|Fatma Yılmaz]] | [[PERSON|Daan]] | Onderhandeling | {{€ 48.000}} |
| {{TechHaven B.V.}} | [[PERSON|Pieter-Jan Mulder]] | [[PERSON|Lotte]] | Demo | {{€ 21.500}} |""",
    ),
    (
        "email_thread",
        "european",
        """Bitte fasse den Verlauf zusammen und nenne offene Punkte.

Hallo Frau [[PERSON|Becker]],
vielen Dank für die Rückmeldung. Wir können den Vertrag gern auf {{24 Monate}} anpassen.
Beste Grüße
[[PERSON|Jonas Hoffmann]]
{{Pipeline Pro GmbH}} | Mobil [[PHONE|0151 23847610]]

Am Di., 3. Sept. 2024 um 10:12 Uhr schrieb [[PERSON|Sabine Becker]] <[[EMAIL|s.becker@stadtwerke-fulda.de]]>:
> Sehr geehrter Herr [[PERSON|Hoffmann]],
> wir würden eine Laufzeit von 24 statt 36 Monaten bevorzugen. Außerdem brauchen wir einen AV-Vertrag.
> Mit freundlichen Grüßen
> [[PERSON|Sabine Becker]]""",
    ),
    (
        "lead_summary",
        "european",
        """Summarize this lead for the account executive (German market):
{
  "kontakt": {
    "vorname": "[[PERSON|Lukas]]",
    "nachname": "[[PERSON|Schäfer]]",
    "position": "{{Geschäftsführer}}",
    "telefon": "[[PHONE|+49 89 21093845]]",
    "email": "[[EMAIL|l.schaefer@alpenblick-hotels.de]]"
  },
  "firma": "{{Alpenblick Hotels GmbH}}",
  "adresse": "[[ADDRESS|Leopoldstraße 77, 80802 München]]",
  "sepa_iban": "[[IBAN|DE54370400441863390719]]",
  "zugewiesen_an": "[[PERSON|Mia Wagner]]",
  "notizen": ["will Angebot bis {{Freitag}}", "nutzt derzeit {{Pipedrive}}"]
}""",
    ),
    (
        "calendar_invite",
        "european",
        """Prépare 4 questions de découverte à partir de cette invitation :

Objet : Démo {{Pipeline Pro}} – {{Maison Lefèvre Traiteur}}
Date : {{jeudi 19 septembre 2024}}, 14h00–15h00 (heure de Paris)
Lieu : [[ADDRESS|12 rue des Archives, 75004 Paris]]
Organisateur : [[PERSON|Camille Girard]] <[[EMAIL|camille.girard@pipelinepro.fr]]>
Participants : [[PERSON|Antoine Lefèvre]] ; [[PERSON|Margaux]] (compta) ; [[PERSON|Yanis Benali]]
Note : [[PERSON|Antoine]] joignable au [[PHONE|06 72 18 44 93]] en cas de retard.""",
    ),
    (
        "ip_enrichment",
        "european",
        """Based on this visitor enrichment, should the Lyon rep reach out? Answer in French.

visitor:
  email: [[EMAIL|sebastien.morel@vinsdurhone.fr]]
  name: [[PERSON|Sébastien Morel]]
  ip: [[IP_ADDRESS|2a01:cb1d:84a:5e00:9d4:3c1f:b27a:41e6]]
  geo: {{Lyon}}, Auvergne-Rhône-Alpes, FR
  isp: Orange S.A.
  pages: /pricing, /integrations/sage, /pricing
  session_start: {{2024-09-10 17:04}}""",
    ),
    (
        "email_thread",
        "cyrillic",
        """Підсумуй листування українською, 3 пункти:

Добрий день, пане [[PERSON|Андрію]]!
Надсилаю оновлену пропозицію: {{Pro}}, 15 користувачів, {{₴ 96 000}} на рік. Чекаю на ваше рішення до {{п'ятниці}}.
З повагою,
[[PERSON|Олена Коваленко]]
[[PHONE|+380 67 418 2295]]

пн, 2 вер. 2024 р. о 10:12 [[PERSON|Андрій Шевчук]] <[[EMAIL|a.shevchuk@agrolan.com.ua]]> пише:
> Пані [[PERSON|Олено]], нам потрібно ще інтеграцію з {{1С}} та {{Нова Пошта}}. Це можливо?""",
    ),
    (
        "lead_summary",
        "cyrillic",
        """Summarize this lead for the account executive:
{
  "name": "[[PERSON|Тарас Бондаренко]]",
  "name_latin": "[[PERSON|Taras Bondarenko]]",
  "company": "{{ТОВ Карпати Логістик}}",
  "role": "{{Комерційний директор}}",
  "mobile": "[[PHONE|050 733 1948]]",
  "email": "[[EMAIL|taras.b@karpaty-log.ua]]",
  "office": "[[ADDRESS|вул. Городоцька 174, Львів, 79022]]",
  "lead_src": "partner_referral",
  "referrer": "[[PERSON|Ірина Мельник]]",
  "notes": ["has 60 trucks", "wants Ukrainian UI", "call after {{14:00}} Kyiv time"]
}""",
    ),
    (
        "meeting_transcript",
        "cyrillic",
        """Склади короткий звіт про зустріч і наступні кроки:

[[PERSON|Дмитро]]: Доброго ранку, колеги. Зі мною [[PERSON|Оксана Ткаченко]], наш {{фінансовий директор}}.
[[PERSON|Оксана Ткаченко]]: Вітаю. Нас цікавить ціна за {{40 місць}} і чи є знижка для {{ФОП}}.
[[PERSON|Богдан]] (Pipeline Pro): Так, до кінця {{жовтня}} діє знижка {{20%}}.
[[PERSON|Дмитро]]: Добре. [[PERSON|Оксано]], ти підготуєш бюджет?
[[PERSON|Оксана Ткаченко]]: До {{середи}}.""",
    ),
    (
        "call_notes",
        "cyrillic",
        """Сделай краткое резюме звонка для карточки клиента:
Звонил [[PERSON|Леонид Рабинович]], владелец сети {{Оптика Визион}} ({{Хайфа}}, {{Кармиэль}}). Хочет оформить договор на себя, дал теудат зеут [[IL_ID|107569006]] и мобильный [[PHONE|052-8804317]]. Жена, [[PERSON|Светлана]], ведёт бухгалтерию, счета слать ей на [[EMAIL|sveta.rabinovich@gmail.com]]. Перезвонить в {{воскресенье}}.""",
    ),
    (
        "chat_turn",
        "cyrillic",
        """user: покажи сделки [[PERSON|Юлии Гринберг]] которые застряли больше месяца
tool_result: [{"deal":"{{Стройматериалы Негев}}","contact":"[[PERSON|Виктор Эдельштейн]]","stage":"Proposal","days_in_stage":47,"amount":"{{₪36,000}}"},{"deal":"{{Клиника Доктор Шапиро}}","contact":"[[PERSON|Анна Шапиро]]","stage":"Demo","days_in_stage":33,"amount":"{{₪12,500}}"}]
assistant:""",
    ),
    (
        "email_thread",
        "latin",
        """Resuma essa conversa e sugira a próxima ação:

Oi [[PERSON|Rafa]], tudo bem?
Fechamos internamente. Pode mandar o contrato para a Dra. [[PERSON|Luciana]] assinar? O e-mail dela é [[EMAIL|luciana.mota@clinicavidasaudavel.com.br]].
Abs,
[[PERSON|Thiago Nascimento]]
[[PHONE|(11) 98472-3310]]

Em ter., 3 de set. de 2024 às 10:12, [[PERSON|Rafael Oliveira]] <[[EMAIL|rafael.oliveira@pipelinepro.com.br]]> escreveu:
> [[PERSON|Thiago]], conseguiram avaliar a proposta de {{R$ 3.900/mês}}?""",
    ),
    (
        "whatsapp_export",
        "latin",
        """Resume essa conversa do WhatsApp em 2 linhas:

[10/09/24 08:47] Dona [[PERSON|Cida]]: bom dia moço, o boleto venceu ontem, ainda dá pra pagar?
[10/09/24 08:52] [[PERSON|Gabriel]] (Pipeline Pro): Bom dia, Dona [[PERSON|Cida]]! Dá sim, te mando um novo agora
[10/09/24 08:53] Dona [[PERSON|Cida]]: obrigada. manda tbm pro meu filho [[PERSON|Wellington]] no [[PHONE|+55 31 99284-6710]]
número do contato: [[PHONE|+55 31 98817-2045]]""",
    ),
    (
        "deal_insights",
        "latin",
        """Me dá insights sobre esse pipeline, o que priorizar?

| Negócio | Contato | Responsável | Etapa | Valor |
| --- | --- | --- | --- | --- |
| {{Supermercados Boa Praça}} | [[PERSON|Adriana Figueiredo]] | [[PERSON|Caio]] | Negociação | {{R$ 210.000}} |
| {{Escola Sementinha}} | [[PERSON|Josué dos Santos]] | [[PERSON|Bruna]] | Proposta | {{R$ 14.800}} |
| {{Transportes Guanabara}} | [[PERSON|Kleber Souza]] | [[PERSON|Caio]] | Demo | {{R$ 56.000}} |""",
    ),
    (
        "lead_summary_yaml",
        "latin",
        """Resume este prospecto para el ejecutivo de cuenta, en español de México:

prospecto:
  nombre: [[PERSON|Guadalupe Hernández Rosales]]
  apodo: [[PERSON|Lupita]]
  puesto: {{Gerente de Ventas}}
  empresa: {{Muebles Artesanales del Bajío}}
  celular: "[[PHONE|+52 477 318 2096]]"
  correo: [[EMAIL|lupita.hdz@mueblesbajio.mx]]
  domicilio: "[[ADDRESS|Blvd. Adolfo López Mateos 2215, Col. Jardines del Moral, 37160 León, Gto.]]"
  responsable: [[PERSON|Iván]]
  notas: quiere cotización para 8 usuarios antes del {{15 de octubre}}""",
    ),
    (
        "meeting_transcript",
        "latin",
        """Saca los pendientes de esta llamada:

[[PERSON|Ximena]] (ventas): ¿Qué tal, Lic. [[PERSON|Carrasco]]? Gracias por el tiempo.
[[PERSON|Rodrigo Carrasco]]: Qué onda, [[PERSON|Ximena]]. Oye, está aquí [[PERSON|Pepe]], el de sistemas.
[[PERSON|José Luis Méndez]]: Buenas. Necesitamos que se integre con {{CONTPAQi}}, si no, no jala.
[[PERSON|Ximena]] (ventas): Sí tenemos conector. Te mando la documentación hoy.
[[PERSON|Rodrigo Carrasco]]: Y la propuesta en pesos, por favor, antes del {{jueves}}.""",
    ),
    (
        "webhook_payload",
        "latin",
        """Explícale al vendedor qué pasó con este pago y si tiene que llamar al cliente:

{
  "evento": "cargo.rechazado",
  "cliente": {
    "nombre": "[[PERSON|Fernando Aguilar Treviño]]",
    "correo": "[[EMAIL|faguilar@aceroslaregia.com.mx]]",
    "telefono": "[[PHONE|81 8344 7290]]"
  },
  "tarjeta": "[[CREDIT_CARD|5326473097100205]]",
  "monto": "{{MXN 12,450.00}}",
  "motivo": "fondos insuficientes",
  "referencia": "{{CHG-88213-MX}}"
}""",
    ),
    (
        "lead_summary",
        "south_asian",
        """Summarize this lead for the account executive:
{
  "lead_id": "IN-40917",
  "contact": {
    "name": "[[PERSON|Amit Verma]]",
    "designation": "{{Head - Sales Operations}}",
    "mobile": "[[PHONE|+91 98110 47326]]",
    "email": "[[EMAIL|amit.verma@shreeramtextiles.in]]"
  },
  "company": "{{Shree Ram Textiles Pvt Ltd}}",
  "city": "{{Ludhiana}}",
  "assigned_to": "[[PERSON|Neha Kapoor]]",
  "lead_src": "IndiaMART",
  "cf_gst_registered": true,
  "activity": [
    {"date": "2024-08-30", "type": "call", "by": "[[PERSON|Neha Kapoor]]", "note": "wants Hindi + Punjabi WhatsApp templates"},
    {"date": "2024-09-06", "type": "demo", "note": "brought his cousin [[PERSON|Rohit]] who handles dealers"}
  ]
}""",
    ),
    (
        "email_thread",
        "south_asian",
        """Summarize this and tell me if [[PERSON|Priyanka]] has agreed to the price.

Hi [[PERSON|Saurabh]],
Thik hai, we can go ahead at {{₹4,20,000}} per annum, but onboarding must finish before {{Diwali}}. Please share the PO format.
Regards,
[[PERSON|Priyanka Chaturvedi]]
{{AGM - Procurement}}, {{Jaipur Gems House}}
M: [[PHONE|098290 61437]]

On Mon, 2 Sept 2024 at 15:40, [[PERSON|Saurabh Mishra]] <[[EMAIL|saurabh.m@pipelinepro.in]]> wrote:
> Dear Ma'am, as discussed, final price is ₹4.2 lakh for 25 users. Kindly confirm.""",
    ),
    (
        "meeting_transcript",
        "south_asian",
        """Extract action items with owners from this transcript:

[[PERSON|Karthik Subramanian]]: Good morning, sir. Shall we start? [[PERSON|Lakshmi]] ma'am is also joining.
[[PERSON|Lakshmi Narayanan]]: Yes, I'm here. Sorry, I was on another call with {{Chennai}} branch.
[[PERSON|Senthil Kumar]]: [[PERSON|Karthik]], we need Tamil language support for field staff, that is must.
[[PERSON|Karthik Subramanian]]: Noted, sir. I will send the localisation roadmap by {{Wednesday}}.
[[PERSON|Lakshmi Narayanan]]: Also send revised quote to my mail, [[EMAIL|lakshmi.n@kaveriagro.co.in]].""",
    ),
    (
        "call_notes",
        "south_asian",
        """Convert these rough notes to a clean CRM update:
spoke to [[PERSON|Sreejith Nair]] ({{Malabar Spices Export}}, {{Kochi}}) - interested in 10 seats. his boss [[PERSON|Deepa Menon]] will decide by {{month end}}. landline [[PHONE|0484 240 3317]], she prefers email [[EMAIL|deepa.menon@malabarspices.com]]. also [[PERSON|Raghavendra Hegde]] from their {{Mangaluru}} unit called separately, same requirement.""",
    ),
    (
        "tool_result",
        "south_asian",
        """user: list the open tickets for {{Deccan Pharma}}
tool_result (helpdesk.search):
#{{T-55120}} "Invoice mismatch" raised by [[PERSON|Venkata Ramana Reddy]] ([[EMAIL|vr.reddy@deccanpharma.in]]) - open 6 days
#{{T-55187}} "Login OTP not coming" raised by [[PERSON|Srinivas]] ([[PHONE|+91 90004 71825]]) - open 2 days
#{{T-55201}} "Add user" raised by [[PERSON|Sai Keerthana]] - open today
assistant:""",
    ),
    (
        "whatsapp_export",
        "south_asian",
        """summarize this whatsapp chat for the deal record:

[11/09/2024, 7:02 pm] [[PERSON|Bilal Qureshi]]: Assalam o alaikum, rates final kar dein please
[11/09/2024, 7:05 pm] [[PERSON|Hina]] (Pipeline Pro): Walaikum salam [[PERSON|Bilal]] sahab, {{PKR 85,000}} monthly final hai
[11/09/2024, 7:09 pm] [[PERSON|Bilal Qureshi]]: theek hai, agreement mere bhai [[PERSON|Usman]] ko bhej dein, unka number [[PHONE|0321 4478190]]
[11/09/2024, 7:10 pm] [[PERSON|Hina]] (Pipeline Pro): ji zaroor, kal {{Lahore}} office se bhej deti hoon""",
    ),
    (
        "system_prompt",
        "south_asian",
        """You are helping [[PERSON|Zainab Siddiqui]], a sales rep at {{Pipeline Pro Pakistan}} ({{Karachi}}). Write in English unless the contact writes in Urdu.
Task: draft a renewal reminder to [[PERSON|Syed Ahsan Raza]] at {{Indus Motors Dealers}}. Their plan is {{Growth}}, renewal date {{15 October 2024}}. Remind him that the rate is locked only if he renews before {{30 September}}.
Sign off: [[PERSON|Zainab]], [[PHONE|+92 300 2219 874]]""",
    ),
    (
        "email_thread",
        "south_asian",
        """Give me a two-line summary and the next step.

Dear [[PERSON|Dilshan]],
Further to our discussion, we are keen to proceed but require the Sinhala SMS module. Kindly confirm availability.
Thanks & regards,
[[PERSON|Nadeeka Jayawardena]]
{{Manager - CRM}}, {{Lanka Tea Traders}}
[[ADDRESS|No. 45/2, Galle Road, Colombo 03]]
Tel: [[PHONE|+94 77 318 6402]]

On Thu, Sep 5, 2024 at 9:30 AM [[PERSON|Dilshan Perera]] <[[EMAIL|dilshan.p@pipelinepro.lk]]> wrote:
> Hi Madam, please find attached the proposal.""",
    ),
    (
        "csv_export",
        "south_asian",
        """rank these leads by likely deal size, no header row in the export (name, company, city, employees, phone):

[[PERSON|Tharshini Sivakumar]],{{Jaffna Fresh Foods}},{{Jaffna}},45,[[PHONE|0771 904 286]]
[[PERSON|Mohamed Rizwan]],{{Kandy Hardware Mart}},{{Kandy}},120,[[PHONE|0712 655 038]]
[[PERSON|Chamari Wickramasinghe]],{{Ceylon Batik House}},{{Galle}},18,
[[PERSON|Ruwan Bandara]],{{Serendib Motors}},{{Kurunegala}},260,[[PHONE|0764 120 987]]""",
    ),
    (
        "email_thread",
        "east_asian",
        """Summarize in English, the customer wrote in Chinese:

[[PERSON|王]]经理您好，
我们已经内部讨论过，决定先采购 {{20 个席位}}，希望能在 {{10月1日}} 之前上线。合同请发给我们法务 [[PERSON|刘芳]]（[[EMAIL|liufang@huaxin-tech.cn]]）。
谢谢！
[[PERSON|陈建国]]
{{华信科技}} {{销售总监}}
手机：[[PHONE|138 1762 4590]]

在 2024年9月2日 周一 15:08，[[PERSON|Kevin Wang]] <[[EMAIL|kevin.wang@pipelinepro.com]]> 写道：
> [[PERSON|陈]]总，附件是报价单，请查收。""",
    ),
    (
        "csv_export",
        "east_asian",
        """这是展会收集的名单，请帮我按意向排序并写一句跟进话术:

姓名,公司,职位,手机,城市,意向
[[PERSON|张伟]],{{深圳云启物流}},{{运营总监}},[[PHONE|13922874015]],{{深圳}},高
[[PERSON|李娜]],{{杭州绿源食品}},{{采购经理}},[[PHONE|+86 158 6731 2094]],{{杭州}},中
[[PERSON|黄志强]],{{广州恒达五金}},{{老板}},[[PHONE|186 2045 7731]],{{广州}},高
[[PERSON|Lily Zhou]],{{Shanghai Bloom Cosmetics}},{{Marketing Lead}},,{{上海}},低""",
    ),
    (
        "meeting_transcript",
        "east_asian",
        """Summarize this Korean/English sales call into next steps (in English):

[[PERSON|김민준]]: 안녕하세요, 오늘 시간 내주셔서 감사합니다.
[[PERSON|Sarah Kim]] (Pipeline Pro): 안녕하세요 [[PERSON|민준]] 님! Let's go through the pricing first.
[[PERSON|김민준]]: 네, 저희 팀장님 [[PERSON|박서연]] 님도 곧 들어오실 거예요.
[[PERSON|박서연]]: 늦어서 죄송합니다. 예산은 연 {{3천만 원}} 정도로 잡고 있어요.
[[PERSON|Sarah Kim]] (Pipeline Pro): Great, I'll send a proposal to [[EMAIL|seoyeon.park@hanbit-mobility.kr]] by {{Friday}}.""",
    ),
    (
        "lead_summary",
        "east_asian",
        """Summarize this lead for the account executive:
{
  "contact_name": "[[PERSON|이지훈]]",
  "contact_name_en": "[[PERSON|Ji-hoon Lee]]",
  "title": "{{구매팀 과장}}",
  "company": "{{대성정밀}}",
  "mobile": "[[PHONE|010-4827-3391]]",
  "office_addr": "[[ADDRESS|서울특별시 강남구 테헤란로 152, 12층]]",
  "lead_src": "kotra_expo",
  "owner": "[[PERSON|Daniel Cho]]",
  "next_action": "send Korean datasheet before {{추석}}"
}""",
    ),
    (
        "email_thread",
        "east_asian",
        """Please summarize this Japanese thread in English and suggest a reply.

[[PERSON|佐藤]]様

お世話になっております。{{株式会社ミドリ商事}}の[[PERSON|高橋]]です。
ご提案いただいたプラン（{{月額 ¥180,000}}）で社内稟議を通しました。契約書のご送付をお願いいたします。

[[PERSON|高橋 美咲]]
営業企画部 {{課長}}
TEL: [[PHONE|03-5412-8890]] / 携帯: [[PHONE|090-2741-6635]]

2024年9月3日(火) 10:12 [[PERSON|Sato Kenji]] <[[EMAIL|k.sato@pipelinepro.jp]]>:
> [[PERSON|高橋]]様
> 先日はありがとうございました。お見積りを添付いたします。""",
    ),
    (
        "system_prompt",
        "east_asian",
        """You are helping [[PERSON|Yuki Tanaka]], an account manager at {{Pipeline Pro Japan}}. Always write polite Japanese (keigo) when addressing customers.
Today's task: remind [[PERSON|山本 健太]] ([[PERSON|Yamamoto Kenta]] is how he signs in English) at {{アサヒ物流}} that the trial ends on {{9月30日}}, and propose a call with [[PERSON|Yuki]] next {{Tuesday}}.""",
    ),
    (
        "call_notes",
        "southeast_asian",
        """Tóm tắt ghi chú cuộc gọi này thành 3 ý cho CRM:
Gọi cho chị [[PERSON|Nguyễn Thị Thu Hà]] ({{Công ty TNHH Cà Phê Cao Nguyên}}), chị muốn dùng thử {{14 ngày}}. Người quyết định là anh [[PERSON|Trần Minh Quân]], {{Giám đốc}}. SĐT chị [[PERSON|Hà]]: [[PHONE|0903 418 276]]. Gửi báo giá qua [[EMAIL|thuha.nguyen@caphecaonguyen.vn]] trước {{thứ Sáu}}.""",
    ),
    (
        "ip_enrichment",
        "southeast_asian",
        """Tell the rep whether this website visitor is worth a call (answer in English):

{
  "visitor_email": "[[EMAIL|phamducanh@vinasteel.com.vn]]",
  "resolved_name": "[[PERSON|Phạm Đức Anh]]",
  "ip": "[[IP_ADDRESS|113.161.74.202]]",
  "geo": { "city": "{{Ho Chi Minh City}}", "country": "VN" },
  "asn": "AS45899 VNPT Corp",
  "pages_viewed": ["/pricing", "/case-studies/manufacturing"],
  "visits_last_7d": 4
}""",
    ),
    (
        "whatsapp_export",
        "southeast_asian",
        """Ringkas chat WhatsApp ini dan tulis langkah selanjutnya:

[09/09/24 14.10] [[PERSON|Budi Santoso]]: Siang mbak, jadi demo hari {{Kamis}}?
[09/09/24 14.12] [[PERSON|Putri]] (Pipeline Pro): Siang pak [[PERSON|Budi]], jadi. Jam {{10.00}} WIB ya
[09/09/24 14.15] [[PERSON|Budi Santoso]]: Oke. Tolong undang juga bu [[PERSON|Sri Wahyuni]] dari keuangan, emailnya [[EMAIL|sri.wahyuni@majujayaprinting.co.id]]
nomor WA kontak: [[PHONE|+62 812-3390-4471]]""",
    ),
    (
        "lead_summary_yaml",
        "southeast_asian",
        """Summarize this lead for the account executive in Bahasa Indonesia:

lead:
  name: [[PERSON|Dewi Lestari Kusuma]]
  company: {{PT Nusantara Agro Lestari}}
  title: {{Kepala Divisi Penjualan}}
  hp: "[[PHONE|0813 1844 2907]]"
  email: [[EMAIL|dewi.kusuma@nusantara-agro.co.id]]
  alamat: "[[ADDRESS|Jl. Jenderal Sudirman Kav. 52-53, Jakarta Selatan 12190]]"
  owner: [[PERSON|Agus]]
  lead_src: webinar_sept
  notes: butuh integrasi dengan {{Jurnal.id}}""",
    ),
    (
        "email_thread",
        "filipino",
        """Can you summarize this? Client writes in Taglish.

Hi Sir [[PERSON|Paolo]],
Okay na po kami sa {{Starter plan}}, pero pwede po ba na monthly muna ang bayad? Medyo tight ang budget this quarter.
Salamat po!
[[PERSON|Maria Concepcion dela Cruz]] ([[PERSON|Connie]])
{{HR & Admin Officer}}, {{Bayanihan Logistics Inc.}}
[[PHONE|0917 824 3316]]

On Wed, Sep 4, 2024, 3:15 PM [[PERSON|Paolo Reyes]] <[[EMAIL|paolo.reyes@pipelinepro.ph]]> wrote:
> Hi Ma'am [[PERSON|Connie]], following up po sa quote natin last week.""",
    ),
    (
        "tool_result",
        "filipino",
        """user: sino yung mga contacts natin sa {{Cebu}} na hindi pa na-follow up?
tool_result (contacts.filter city=Cebu, last_touch>21d):
- [[PERSON|Jericho Santos]], {{Island Brew Coffee}}, [[PHONE|+63 917 551 2048]]
- [[PERSON|Princess Mae Villanueva]], {{Sugbo Dental Clinic}}, [[EMAIL|princessmae.v@sugbodental.ph]]
- [[PERSON|Joy Tan-Lim]], {{Visayas Hardware}}, [[PHONE|0922 781 4460]]
assistant: May tatlo po:""",
    ),
    (
        "system_prompt",
        "filipino",
        """You are helping [[PERSON|Angelica Bautista]], a sales rep at {{Pipeline Pro Philippines}} ({{Makati}}). Reply in friendly Taglish.
The customer, [[PERSON|Ramon "Jun-Jun" Aquino]], asked if there's a discount for NGOs. Policy: {{15%}} off annual plans for registered non-profits. It's a {{joy}} to work with him, keep the tone warm. Include [[PERSON|Angelica]]'s number [[PHONE|0998 214 5573]].""",
    ),
    (
        "email_thread",
        "african",
        """Summarise the thread below and list what [[PERSON|Chukwuemeka]] is asking for.

From: [[PERSON|Chukwuemeka Obi]] <[[EMAIL|emeka.obi@lagosfreshfarms.ng]]>
Sent: Tuesday, 10 September 2024 11:48
To: [[PERSON|Funmilayo Adebayo]] <[[EMAIL|funmi.adebayo@pipelinepro.africa]]>
Cc: [[PERSON|Aisha Bello]] <[[EMAIL|aisha.bello@lagosfreshfarms.ng]]>
Subject: RE: Proposal – {{Growth plan}} for {{Lagos Fresh Farms}}

Good morning [[PERSON|Funmi]],
We're fine with the scope. Kindly quote in naira, not dollars, and add two extra seats for our {{Abuja}} depot. [[PERSON|Aisha]] will raise the PO once approved.
Regards,
[[PERSON|Emeka]]
[[PHONE|0803 412 7765]]""",
    ),
    (
        "tool_result",
        "african",
        """user: who are the decision makers at {{Kano Agro Mills}}?
tool_result (crm.contacts where account="Kano Agro Mills"):
[
  {"name": "Alhaji [[PERSON|Musa Danjuma]]", "role": "{{Chairman}}", "phone": "[[PHONE|+234 803 551 2094]]", "cf_decision_maker": true},
  {"name": "[[PERSON|Zainab Yusuf]]", "role": "{{Finance Manager}}", "email": "[[EMAIL|zainab.yusuf@kanoagromills.com]]", "cf_decision_maker": true},
  {"name": "[[PERSON|Ikechukwu]]", "role": "{{IT Officer}}", "cf_decision_maker": false}
]""",
    ),
    (
        "webhook_payload",
        "african",
        """An M-Pesa payment callback came in. Match it to a customer and tell me if the invoice is fully paid.

{
  "Body": {
    "stkCallback": {
      "ResultCode": 0,
      "ResultDesc": "The service request is processed successfully.",
      "CallbackMetadata": {
        "Amount": 15000,
        "MpesaReceiptNumber": "{{SIC4X7TQ2B}}",
        "PhoneNumber": "[[PHONE|254722613408]]",
        "PayerName": "[[PERSON|Wanjiru Kamau]]"
      }
    }
  },
  "invoice_ref": "{{INV-KE-0931}}",
  "invoice_total_kes": 15000
}""",
    ),
    (
        "meeting_transcript",
        "african",
        """Summarise this discovery call in 5 bullets:

[[PERSON|Otieno]] (Pipeline Pro): Habari, Mama [[PERSON|Njeri]]! Thanks for having us.
[[PERSON|Njeri Wambui]]: Karibu. We have 12 agents selling solar kits across {{Nakuru}} and {{Eldoret}}.
[[PERSON|Otieno]] (Pipeline Pro): How do you track them now?
[[PERSON|Njeri Wambui]]: WhatsApp groups and a notebook. [[PERSON|Kiprono]] compiles it every {{Friday}}.
[[PERSON|Kiprono Rotich]]: And it takes me the whole day, honestly.
[[PERSON|Otieno]] (Pipeline Pro): Understood. I'll send a quote for 12 users to [[EMAIL|njeri@jua-power.co.ke]] today.""",
    ),
    (
        "call_notes",
        "african",
        """Clean up these call notes for the CRM (mixed Amharic/English):
ከአቶ [[PERSON|አበበ በቀለ]] ጋር ተነጋገርን ({{Habesha Coffee Exporters}}). He wants a demo next week with ወ/ሮ [[PERSON|ሰላማዊት ተስፋዬ]], their {{finance head}}. Mobile [[PHONE|+251 911 408 275]]. Office near {{Bole}}, [[ADDRESS|Bole Road, Friendship Building 3rd floor, Addis Ababa]]. Budget ~{{ETB 400,000}}.""",
    ),
    (
        "csv_export",
        "african",
        """Deduplicate and summarize these Ethiopian distributor contacts:

Name,Region,Phone,Email
[[PERSON|Tigist Haile]],{{Oromia}},[[PHONE|0911 624 093]],[[EMAIL|tigist.haile@gmail.com]]
[[PERSON|Yonas Girma]],{{Amhara}},[[PHONE|+251 918 330 742]],
[[PERSON|Tigist Haile]],{{Oromia}},[[PHONE|+251 911 624 093]],
[[PERSON|Meron Alemu]],{{Addis Ababa}},[[PHONE|0922 147 580]],[[EMAIL|meron.a@shebagoods.et]]""",
    ),
    (
        "lead_summary",
        "african",
        """Summarize this lead for the account executive:
{
  "contact": {
    "full_name": "[[PERSON|Thandiwe Nkosi]]",
    "preferred_name": "[[PERSON|Thandi]]",
    "title": "{{Head of Sales Enablement}}",
    "cell": "[[PHONE|082 417 6093]]",
    "email": "[[EMAIL|thandi.nkosi@ubuntuinsure.co.za]]"
  },
  "company": "{{Ubuntu Insure}}",
  "address": "[[ADDRESS|14 Fredman Drive, Sandton, Johannesburg, 2196]]",
  "owner": "[[PERSON|Pieter van der Merwe]]",
  "lead_src": "referral",
  "referred_by": "[[PERSON|Sipho Dlamini]]",
  "notes": ["Load-shedding: needs offline mobile app", "Evaluating {{Zoho}} and us", "Decision by {{end of October}}"]
}""",
    ),
    (
        "log_lines",
        "african",
        """Explain what went wrong with the nightly SMS job:

2024-09-11 02:00:04 INFO  sms.batch start campaign={{winter-renewals-za}} size=318
2024-09-11 02:00:05 ERROR provider=clickatell auth failed api_key=[[SECRET|ZqT4m9Lk2xWpV7cR1sNd8YbE]]
2024-09-11 02:00:05 ERROR first failed recipient=[[PHONE|+27 83 552 1940]] name="[[PERSON|Johannes Botha]]"
2024-09-11 02:00:05 INFO  sms.batch aborted sent=0 failed=318""",
    ),
    (
        "email_thread",
        "persian",
        """این ایمیل را به انگلیسی خلاصه کن:

سلام آقای [[PERSON|رضایی]]،
پیشنهاد شما را با مدیرعامل، خانم [[PERSON|مریم احمدی]]، بررسی کردیم. با قیمت {{۴۸۰ میلیون تومان}} موافقیم به شرط اینکه پشتیبانی فارسی داشته باشد.
با احترام،
[[PERSON|نوید کریمی]]
{{مدیر فروش}}، {{شرکت پارس داده}}
موبایل: [[PHONE|0912 384 7106]]""",
    ),
    (
        "lead_summary",
        "persian",
        """Summarize this lead for the account executive:
{
  "name": "[[PERSON|Dariush Farahani]]",
  "company": "{{Farahani Trading LLC}}",
  "city": "{{Dubai}}",
  "mobile": "[[PHONE|+971 56 224 8190]]",
  "email": "[[EMAIL|dariush@farahanitrading.ae]]",
  "languages": ["Farsi", "English"],
  "assigned_to": "[[PERSON|Shirin Tehrani]]",
  "notes": "Imports saffron and pistachios. His daughter [[PERSON|Parisa]] runs the e-commerce side and asked for the demo."
}""",
    ),
    (
        "meeting_transcript",
        "persian",
        """Pull out objections and next steps from this transcript:

[[PERSON|Shirin Tehrani]]: Thanks for joining, [[PERSON|Navid]]. Is [[PERSON|Golnaz]] coming?
[[PERSON|Navid Hosseini]]: She's stuck in traffic, she'll join late. Honestly, our worry is price. {{AED 4,000}} a month is a lot for us.
[[PERSON|Shirin Tehrani]]: Understood. If you commit annually it drops to {{AED 3,300}}.
[[PERSON|Golnaz Moradi]]: Hi, sorry. Can we get Persian-language invoices?
[[PERSON|Shirin Tehrani]]: Yes, that's on the roadmap for {{Q1}}.""",
    ),
    (
        "email_thread",
        "turkish",
        """Bu yazışmayı özetle ve müşterinin ne istediğini yaz:

Merhaba [[PERSON|Emre]] Bey,
Teklifi inceledik, {{Kurumsal}} paket uygun görünüyor ancak {{%10}} ek indirim rica ediyoruz.
Saygılarımla,
[[PERSON|Zeynep Aydın]]
{{Satın Alma Müdürü}}, {{Ege Tekstil A.Ş.}}
Cep: [[PHONE|0532 418 27 90]]

3 Eyl 2024 Sal 10:12 tarihinde [[PERSON|Emre Yıldız]] <[[EMAIL|emre.yildiz@pipelinepro.com.tr]]> şunu yazdı:
> [[PERSON|Zeynep]] Hanım merhaba, teklifimizi ekte bulabilirsiniz.""",
    ),
    (
        "webhook_payload",
        "turkish",
        """Bu ödeme bildirimini kontrol et, fatura ile eşleşiyor mu?

{
  "olay": "havale.alindi",
  "gonderen": "[[PERSON|Mehmet Ali Kaya]]",
  "iban": "[[IBAN|TR690006100205748781468197]]",
  "tutar": "{{₺42.500,00}}",
  "aciklama": "Fatura {{FTR-2024-0877}} ödemesi",
  "tarih": "{{2024-09-09}}"
}""",
    ),
    (
        "chat_turn",
        "turkish",
        """user: {{Bursa}}'daki {{Uludağ Mobilya}} hesabının sahibi kim, son görüşme ne zaman?
tool[get_account] → {"owner": "[[PERSON|Burak Şahin]]", "contact": "[[PERSON|Ayşe Demir]]", "contact_phone": "[[PHONE|+90 224 443 18 72]]", "last_meeting": "2024-08-28", "note": "[[PERSON|Ayşe]] Hanım fiyat listesini {{Eylül}} sonuna kadar bekliyor"}
assistant:""",
    ),
]
