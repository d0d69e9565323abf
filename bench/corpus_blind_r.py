# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind evaluation pool R for the CRM -> OpenAI privacy-proxy PII detector.

Written blind: without looking at the proxy, its tests, policies, benches or any
other corpus. Sales-CRM content for teams in Israel, the UAE and beyond.

Records: 150, as (kind, culture, marked_text) tuples; 15 kinds x 10 each:
  procurement_vendor_onboarding, post_webinar_followup, insurance_quote_lead,
  legal_redline_comments, logistics_shipment_exception, education_enrollment_lead,
  property_tenant_request, partner_deal_registration, product_feedback_synthesis,
  field_sales_route_plan, sales_call_coaching_feedback, account_org_chart_mapping,
  venue_or_event_lead, government_tender_bid_notes, crm_import_error_report.

Languages (culture prefix): 60 English (en), 38 Hebrew (he), 37 Arabic (ar: MSA
plus Gulf, Levantine, Egyptian, Maghrebi, Iraqi, Sudanese and Yemeni registers),
15 other (de, pt-BR, es-MX, fr, tr, hi-en, nl, pl, uk, tl-en, id, vi, sw-en,
es-CO, yo-en), one other-language record per kind.

Cultures: Ashkenazi, Mizrahi, Yemeni-Israeli, Ethiopian-Israeli, Russian-speaking
Israeli, Druze, Bedouin, Arab-Israeli, Haredi, French-Israeli; Emirati, Saudi,
Omani, Kuwaiti, Qatari, Bahraini, Yemeni, Jordanian, Palestinian, Lebanese,
Syrian, Egyptian, Moroccan, Algerian, Tunisian, Sudanese, Somali, Iraqi, Kurdish;
Yoruba, Igbo, Hausa, Ghanaian, Kenyan, South African; North Indian, Punjabi/Sikh,
Bengali, Tamil, Telugu, Malayali, Marathi, Gujarati, Pakistani, Sri Lankan,
Nepali; Filipino, Indonesian/Javanese, Malaysian/Malay, Singaporean, Chinese,
Japanese, Korean, Vietnamese, Thai; Turkish, Azerbaijani, Iranian, Armenian,
Georgian, Ukrainian, Polish, Greek, Portuguese, Brazilian, Mexican, Colombian,
Dutch, Surinamese, German, Swedish/Scandinavian, Anglo/American/Canadian,
Australian/Maori, Irish, Scottish, Welsh, Jamaican.

Formats: prose notes, emails with signatures and forwarded headers, JSON and
tool-call payloads, CSV/TSV, YAML, log lines, chat transcripts, markdown tables,
ALL-CAPS form fields, key: value dumps.

Marked values: PERSON 985 (838 distinct), PHONE 197, EMAIL 132, ADDRESS 113,
IBAN 17, IP_ADDRESS 16, IL_ID 15, CREDIT_CARD 8, SECRET 7, US_SSN 3
(508 structured values); 1,706 control phrases (about 11 per record).

Identifiers are valid but invented: phones pass libphonenumber for their
country (44 regions, local and international formats, some in Arabic-Indic
digits), cards pass Luhn, IBANs pass mod-97 with the right country length,
Israeli IDs carry a valid check digit, US SSNs are in range, IPs parse as IPv4
or IPv6. Controls include look-alikes: PO, invoice, ticket, tender, licence,
registration and tracking numbers, company VAT/TRN numbers, version strings,
dates (Gregorian, Hebrew, Hijri), amounts, percentages, streets, towns and
companies named after people, and words that are given names elsewhere
(will, grace, hope, faith, amber, frank; שלום, גיל, אור, דור, שקד, לינה;
نور, أمل, سعيد, كريم, هدى).

[[TYPE|value]] marks a personal value, {{value}} a control phrase.
Titles and honorifics (Dr., Mr., Pak, Bu, Khun, ד"ר, עו"ד, ר', الشيخ, م., كاك) stay
outside the PERSON mark. Check with check_r.py.
"""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- procurement_vendor_onboarding
    (
        "procurement_vendor_onboarding",
        "en/yoruba+scottish",
        """Subject: Vendor onboarding – {{Lagos Cold Chain Ltd}} (PO {{PO-2024-11873}})

Hi [[PERSON|Ewan MacLeod]],

Attaching the supplier master form for {{Lagos Cold Chain Ltd}}. Their finance contact is [[PERSON|Adebayo "Bayo" Olanrewaju]] ([[EMAIL|bayo.olanrewaju@lagoscoldchain.ng]], [[PHONE|+234 806 492 9459]]). Remittance details as sent by them:

  Beneficiary account name: {{Lagos Cold Chain Ltd}}
  Correspondent IBAN (London): [[IBAN|GB47 BARC 6909 3555 3500 44]]
  Registered office: [[ADDRESS|14 Adeola Odeku Street, Victoria Island, Lagos 101241]]

Payment terms {{Net 45}}, credit limit {{USD 120,000}}, tax ID {{TIN 20948811-0001}}. [[PERSON|Bayo]] says the CAC certificate ({{RC 1458823}}) follows by {{Thursday}}; their ops lead [[PERSON|Funmilayo Adeyemi-Cole]] can be reached on [[PHONE|0905 332 4138]] if the warehouse audit needs rescheduling.

Can you approve in {{Coupa}} before {{30 November}}? [[PERSON|Ewan]], if you need the sanctions screening report it's in the shared drive under {{VND-0931}}.

Thanks,
[[PERSON|Morag Whitelaw]]
{{Procurement Lead}}, EMEA""",
    ),
    (
        "procurement_vendor_onboarding",
        "en/korean+anglo",
        """Tool call → crm.create_vendor_record
{ "vendor": "{{Hanbit Precision Co., Ltd.}}",
  "category": "{{CNC machined parts}}",
  "registration_no": "{{BRN 214-86-30571}}",
  "contacts": [
    { "role": "{{Export Sales Manager}}", "name": "[[PERSON|Seo-yeon Baek]]", "email": "[[EMAIL|sy.baek@hanbitprecision.co.kr]]", "mobile": "[[PHONE|010-8903-3748]]" },
    { "role": "{{Finance}}", "name": "[[PERSON|Ryu Dong-hyun]]", "email": "[[EMAIL|dh.ryu@hanbitprecision.co.kr]]", "phone": "[[PHONE|+82 10-945-8591]]" }
  ],
  "remit_to": "[[ADDRESS|38 Gasan digital 1-ro, Geumcheon-gu, Seoul 08594]]",
  "requested_by": "[[PERSON|Tom Ashworth]]",
  "po_reference": "{{PO-55-30917}}",
  "incoterms": "{{FOB Busan}}",
  "notes": "[[PERSON|Seo-yeon]] asked that invoices go to [[PERSON|Dong-hyun]] directly; {{ISO 9001:2015}} cert expires {{2026-02-14}}. [[PERSON|Tom]] to confirm {{USD}} vs {{KRW}} billing."
}""",
    ),
    (
        "procurement_vendor_onboarding",
        "he/ethiopian-israeli+ashkenazi",
        """קליטת ספק חדש: {{אופק הובלות}} – עוסק מורשה | מספר ספק {{V-40218}}
בעלים: [[PERSON|מלקמו טספאי]] (ע.מ. = ת"ז [[IL_ID|213732530]])
טלפון: [[PHONE|053-862-5511]] | מייל: [[EMAIL|malkamu.tesfay@gmail.com]]
כתובת למשלוח צ'קים: [[ADDRESS|רחוב הרצל 41, רחובות]]
חשבון בנק: [[IBAN|IL51 0200 5178 0102 9815 950]]

הערות: [[PERSON|גדעון רוזנצווייג]] מהרכש ביקש אישור ניכוי מס במקור בתוקף עד {{31.03.2025}} ואישור ניהול ספרים. תנאי תשלום {{שוטף + 60}}. הזמנה ראשונה {{PO-7781}} על סך {{18,400 ₪}} להובלת ציוד מהמחסן ב{{שדרות בן גוריון}} לסניף ב{{קריית גת}}.
[[PERSON|מלקמו]] ציין שבימי {{שישי}} הוא עובד רק עד 13:00, ושאשתו [[PERSON|אביבה]] עונה לטלפון כשהוא בנסיעה.
[[PERSON|גדעון]]: לוודא שהשם על החשבון תואם לתעודת עוסק, אחרת {{הנהלת חשבונות}} לא תאשר.""",
    ),
    (
        "procurement_vendor_onboarding",
        "he/russian-israeli+druze",
        """# רשומת ספק – ייבוא מ-{{Priority}}
vendor_id: {{SUP-30984}}
company: {{פלדות הכרמל בע"מ}}
company_reg: {{ח.פ. 515732901}}
contacts:
  - name: [[PERSON|אלכסנדר קוגן]]
    nickname: [[PERSON|סשה]]
    role: {{מנהל מכירות}}
    mobile: [[PHONE|054-907-1960]]
    email: [[EMAIL|sasha.kogan@carmel-steel.co.il]]
  - name: [[PERSON|ראמי חלבי]]
    role: {{חשב}}
    mobile: "[[PHONE|+972 53-003-8699]]"
    email: [[EMAIL|rami.h@carmel-steel.co.il]]
address: [[ADDRESS|דרך העצמאות 77, דלית אל-כרמל]]
bank_iban: [[IBAN|IL17 0100 2127 5135 3556 791]]
payment_terms: {{שוטף + 90}}
approved_by: [[PERSON|ד. פרידמן]]
notes: >
  [[PERSON|סשה]] ביקש להעביר את ההזמנות דרך ל[[PERSON|ראמי]] החל מ{{ינואר}}.
  מחירון {{2025 גרסה 3}} מצורף, הנחת כמות {{4%}} מעל {{20 טון}}.""",
    ),
    (
        "procurement_vendor_onboarding",
        "he/haredi+mizrahi",
        """צ'אט רכש – קליטת ספק דפוס
[09:14] [[PERSON|יעל בוזגלו]]: {{בוקר טוב}}, ספק הדפוס החדש מבני ברק – מי איש הקשר?
[09:16] [[PERSON|שמעון אלמליח]]: [[PERSON|מנחם מענדל גרינפלד]], הבעלים של {{דפוס אור החיים}}. נייד [[PHONE|052-7614833]], אין לו מייל אישי, רק [[EMAIL|m.greenfeld@orhachaim-print.co.il]]
[09:17] [[PERSON|יעל בוזגלו]]: מעולה. כתובת לאיסוף הסחורה?
[09:18] [[PERSON|שמעון אלמליח]]: [[ADDRESS|רחוב רבי עקיבא 112, בני ברק]], קומה 2. חניה רק מ{{ז'בוטינסקי}}. הם סגורים ב{{יום שישי}} אחרי 12
[09:20] [[PERSON|יעל בוזגלו]]: ומספר עוסק?
[09:21] [[PERSON|שמעון אלמליח]]: עוסק מורשה = ת"ז [[IL_ID|109432773]]. הצעת מחיר {{Q-2291}} על {{4,750 ₪}} לפני מע"מ {{18%}}
[09:22] [[PERSON|שמעון אלמליח]]: אגב [[PERSON|מענדי]] ביקש שנשלח לו הכל בפקס או בוואטסאפ ל[[PHONE|03-6452087]], הוא לא בודק מיילים
[09:23] [[PERSON|יעל]]: תודה [[PERSON|שמעון]], פותחת לו כרטיס ב-{{SAP}} היום ומעדכנת את [[PERSON|אורי]] מהכספים.""",
    ),
    (
        "procurement_vendor_onboarding",
        "ar/emirati",
        """الموضوع: تسجيل مورّد جديد – {{مؤسسة الريم للتجهيزات الفندقية}} | طلب رقم {{VR-2024-0913}}

السيد [[PERSON|حمدان سيف المزروعي]] المحترم،
تحية طيبة وبعد،

نرجو استكمال بيانات التسجيل التالية قبل {{الخميس 12 ديسمبر}}:
- رقم الرخصة التجارية: {{CN-1120458}} (صادرة من {{دائرة الاقتصاد والسياحة}})
- الرقم الضريبي: {{100384920600003}}
- الحساب المصرفي باسم المؤسسة: [[IBAN|AE65 0509 4109 1938 1610 807]]
- عنوان المستودع: [[ADDRESS|مستودع 14، شارع 27، القوز الصناعية 3، دبي]]

للتواصل بخصوص الفواتير يرجى مراسلة [[PERSON|نور الهدى البلوشي]] على [[EMAIL|noor.albalushi@alreem-hospitality.ae]] أو الاتصال على [[PHONE|٠٥٨ ٨٢٣ ٠٩٢٣]].
على {{أمل}} إدراجكم في قائمة الموردين المعتمدين لدى {{فنادق جميرا}} مطلع {{يناير}}، علماً بأن شروط الدفع {{60 يوماً}} من تاريخ الفاتورة.

مع خالص التحية،
[[PERSON|ريم الكتبي]]
{{مسؤولة المشتريات}} – [[PHONE|+971 4 388 2190]]""",
    ),
    (
        "procurement_vendor_onboarding",
        "ar/egyptian",
        """ملاحظة داخلية – تسجيل مورّد الكرتون (طلب {{SR-4471}})
كلمت النهاردة الحاج [[PERSON|عبد الرحمن الشناوي]] صاحب {{مصنع النيل للكرتون المضلّع}} في {{العاشر من رمضان}}.
قال إن ابنه [[PERSON|كريم]] هو اللي هيتابع معانا الفواتير، رقمه [[PHONE|٠١٢ ٦٤٣٠٧٦١٧]] وإيميله [[EMAIL|karim.elshenawy@nilecarton.com.eg]].
العنوان الرسمي: [[ADDRESS|قطعة 27، المنطقة الصناعية B3، مدينة العاشر من رمضان، الشرقية]]
السجل التجاري {{س.ت 148273}} والبطاقة الضريبية {{538-219-604}}.
التحويل هيكون على حساب الشركة [[IBAN|EG17 5654 8206 4901 8789 6210 6633 6]].
الحاج [[PERSON|أبو كريم]] طالب دفعة مقدمة {{30%}} والباقي بعد التسليم خلال {{45 يوم}}. قلتله إن ده محتاج موافقة مدام [[PERSON|سماح]] من الحسابات، وهو قال "ربنا {{كريم}}" 😅
لو في أي تأخير، [[PERSON|كريم]] ممكن يتكلم على الأرضي [[PHONE|02 27948813]] من {{الأحد}} لـ{{الخميس}}.""",
    ),
    (
        "procurement_vendor_onboarding",
        "de/german+turkish",
        """Betreff: Lieferantenanlage {{Kessler & Söhne Industriebedarf GmbH}} – BANF {{4500021877}}

Hallo [[PERSON|Hülya]],

anbei die Stammdaten für die Anlage in {{SAP S/4HANA}}:

Ansprechpartner Vertrieb: [[PERSON|Jörg-Peter Wendland]], Tel. [[PHONE|+49 89 43026230]], Mobil [[PHONE|0151 47283916]]
E-Mail: [[EMAIL|j.wendland@kessler-soehne.de]]
Buchhaltung: [[PERSON|Anneliese Vogt-Brückner]] ([[EMAIL|a.vogt-brueckner@kessler-soehne.de]])
Anschrift: [[ADDRESS|Landsberger Straße 214, 80687 München]]
Bankverbindung: [[IBAN|DE09 2002 0962 5748 3138 16]]
USt-IdNr.: {{DE287114603}}
Zahlungsziel: {{30 Tage netto}}, {{2 % Skonto}} bei Zahlung innerhalb von {{10 Tagen}}.

Herr [[PERSON|Wendland]] meinte, die erste Lieferung kann ab {{KW 7}} starten; Frau [[PERSON|Vogt-Brückner]] schickt die Freistellungsbescheinigung nach. Bitte bis {{Freitag}} freigeben, sonst verschiebt sich die Bestellung auf {{März}}.

Viele Grüße
[[PERSON|Hülya Demirtaş-Krause]]
{{Einkauf}} | [[PHONE|089 324913379]]""",
    ),
    (
        "procurement_vendor_onboarding",
        "en/tamil+dutch+kenyan",
        """vendor_import_batch_{{2024-10-17}}.csv (rows 1-3 of 212)
vendor_code,company,contact_name,contact_email,contact_phone,remit_address,bank_iban,terms
{{VN-10442}},{{Sundaram Textiles Pvt Ltd}},[[PERSON|Karthikeyan Sundaramoorthy]],[[EMAIL|karthik.s@sundaramtex.in]],[[PHONE|+91 98316 40149]],"[[ADDRESS|No. 17, Avinashi Road, Peelamedu, Coimbatore 641004]]",,{{Net 60}}
{{VN-10443}},{{Van Leeuwen Verpakkingen B.V.}},[[PERSON|Maarten van der Heijden]],[[EMAIL|m.vanderheijden@vanleeuwen-verpakking.nl]],[[PHONE|+31 6 34604214]],"[[ADDRESS|Industrieweg 42, 3044 AS Rotterdam]]",[[IBAN|NL04ABNA1943711999]],{{Net 30}}
{{VN-10444}},{{Gulf Pallet Trading LLC}},[[PERSON|Faith Mwangi-Otieno]],[[EMAIL|faith.otieno@gulfpallet.ae]],[[PHONE|052 363 3215]],"[[ADDRESS|Warehouse 9, Plot 598-314, Dubai Investments Park 1, Dubai]]",[[IBAN|AE47 0507 4485 7983 0395 067]],{{Net 45}}

Reviewer note ([[PERSON|Priya]]): [[PERSON|Sundaramoorthy]]'s cancelled cheque is still pending, so IBAN left blank. [[PERSON|Maarten]] asked that POs quote their VAT {{NL812345678B01}}. Gulf Pallet paid a good {{faith}} deposit of {{AED 5,000}} – [[PERSON|Faith]] will send the trade licence copy.""",
    ),
    (
        "procurement_vendor_onboarding",
        "en/filipino+irish",
        """[SUPPLIER-PORTAL] ticket {{SUP-88213}} opened {{2024-11-04 08:12 UTC}}
submitted_by=[[PERSON|Maricel Dimaculangan]] <[[EMAIL|maricel.dimaculangan@islandfreshfoods.ph]]> ip=[[IP_ADDRESS|112.198.73.41]]
company={{Island Fresh Foods Corp.}} sec_reg={{CS201712845}} tin={{008-441-293-000}}
phone=[[PHONE|+63 917 762 2543]] alt=[[PHONE|0918 615 1702]]
address=[[ADDRESS|Unit 1507, Robinsons Equitable Tower, ADB Avenue, Ortigas Center, Pasig City 1605]]
status=PENDING_KYC reviewer=[[PERSON|Niamh Ní Bhriain]]
---
comment ([[PERSON|Niamh]]): portal upload of the {{BIR 2303}} failed twice ({{HTTP 413}}), [[PERSON|Maricel]] re-sent it by email. Onboarding fee waived per {{Enterprise Plus}} contract; first PO {{PO-IE-20931}} value {{EUR 42,600}}.
comment ([[PERSON|Cathal]]): she also pasted the portal API key into the ticket body ([[SECRET|sp_live_7Hq2xVnR4kLw9cTz83PaYd1M]]) – rotated on {{Tuesday}}, please scrub before export.""",
    ),
    # ---------------------------------------------------------------- post_webinar_followup
    (
        "post_webinar_followup",
        "en/igbo+english",
        """Subject: Thanks for joining "{{Forecasting Without Spreadsheets}}" – recording + next steps

Hi [[PERSON|Chiamaka]],

Great question in the Q&A about multi-currency pipelines! The recording and slides are linked below (link expires {{December 15}}).

You mentioned your team at {{Okonkwo & Partners Advisory}} is still reconciling deals by hand every {{Friday}}. I've booked a 30-min slot with our {{Solutions Engineer}}, [[PERSON|Will Hargreaves]], for {{Wednesday 11 Dec}} at {{14:00 WAT}}. If that doesn't suit, reply here or WhatsApp me on [[PHONE|+44 7438 204471]].

Registration details we have on file:
Name: [[PERSON|Chiamaka Nwosu-Eze]]
Title: {{Head of Revenue Operations}}
Email: [[EMAIL|chiamaka.nwosueze@okonkwopartners.com]]
Mobile: [[PHONE|0813 056 9812]]
Attended from: {{Lagos}}, NG (IP [[IP_ADDRESS|105.112.45.203]])
Poll answer: "We {{will}} migrate off {{Salesforce}} in {{Q2}}"

[[PERSON|Will]] will bring the {{FX revaluation}} demo.

Best,
[[PERSON|Grace O'Donoghue]]
{{Account Executive}}, West Africa""",
    ),
    (
        "post_webinar_followup",
        "en/bengali+american",
        """webinar_id,attendee_name,email,phone,company,title,minutes_watched,ip
{{WBN-0412}},[[PERSON|Arindam Chattopadhyay]],[[EMAIL|arindam.c@kolkatafintech.in]],[[PHONE|+91 88480 85199]],{{Kolkata FinTech Labs}},{{CTO}},52,[[IP_ADDRESS|49.37.142.18]]
{{WBN-0412}},[[PERSON|Hope Delacroix-Barnes]],[[EMAIL|hope.db@meridianhealth.us]],[[PHONE|(617) 942-1229]],{{Meridian Health Partners}},{{VP Sales}},38,[[IP_ADDRESS|73.214.9.166]]
{{WBN-0412}},[[PERSON|Sreeja Bandyopadhyay]],[[EMAIL|sreeja.bandyo@gmail.com]],[[PHONE|098924 59293]],Freelance,{{Consultant}},61,[[IP_ADDRESS|2405:201:8005:a0b2::1c]]

Follow-up plan ([[PERSON|Derek]]):
- [[PERSON|Arindam]] asked for the API rate-limit doc – send with the {{v3.8}} release notes.
- [[PERSON|Hope]] dropped at minute 38, but there's still {{hope}}: she opened the recap email twice. Offer the {{Growth}} plan at {{15%}} off.
- [[PERSON|Sreeja]] is an independent consultant; route to the {{Partner team}} and tag {{PRT-221}}.""",
    ),
    (
        "post_webinar_followup",
        "en/scottish+chinese",
        """#webinar-followups  {{Thu 14 Nov}}
10:02 [[PERSON|Fiona Drummond]]: 212 registered, 97 live for the {{HR Analytics 101}} session. Hot leads 👇
10:03 [[PERSON|Fiona Drummond]]: 1) [[PERSON|Zhou Weiming]] ({{Shenzhen Brightway Electronics}}) asked about {{SSO}} + {{SCIM}}. [[EMAIL|weiming.zhou@brightway-sz.cn]], mobile [[PHONE|+86 137 7426 8382]]
10:04 [[PERSON|Callum Reid]]: I'll take [[PERSON|Weiming]], met him at the {{Canton Fair}}
10:05 [[PERSON|Fiona Drummond]]: 2) [[PERSON|Amber-Lee Fraser]], {{Director of People}} at {{Dunmore Logistics}}, [[PHONE|07586 015580]], wants pricing for {{250 seats}}
10:06 [[PERSON|Callum Reid]]: ha, her poll answer for "dashboard theme" was {{amber}} 😂 ok [[PERSON|Amber-Lee]] to [[PERSON|Iona]]
10:07 [[PERSON|Iona MacAskill]]: got it. cal link going out today, trial code {{HRA-TRIAL-30}}
10:09 [[PERSON|Fiona Drummond]]: also someone pasted their login in the chat 🙈 user [[EMAIL|t.kerr@dunmorelogistics.co.uk]] pw [[SECRET|Dunm0re!Fleet24]] – told [[PERSON|Tam]] to reset it""",
    ),
    (
        "post_webinar_followup",
        "en/ghanaian+australian",
        """### Post-webinar tracker – "{{Channel Sales in APAC}}" ({{21 Nov 2024}})

| Lead | Company | Contact | Owner | Next step |
|---|---|---|---|---|
| [[PERSON|Kwabena Asante-Mensah]] | {{Accra Agritech Ltd}} | [[EMAIL|kwabena@accraagritech.com.gh]] / [[PHONE|+233 24 181 9978]] | [[PERSON|Shannon]] | demo {{Tue}} |
| [[PERSON|Efua Boateng]] | {{GoldCoast Payments}} | [[PHONE|054 707 6928]] | [[PERSON|Shannon]] | send {{ROI calculator}} |
| [[PERSON|Lachlan O'Rourke]] | {{Brisbane Marine Supplies}} | [[EMAIL|lachlan.orourke@bnemarine.com.au]] / [[PHONE|0427 242 721]] | [[PERSON|Bec Tran]] | proposal {{Q-7731}} |

Notes: [[PERSON|Kwabena]] asked whether we support {{GHS}} invoicing (yes, since {{v5.2}}). [[PERSON|Lachlan]]'s office is [[ADDRESS|Unit 4, 18 Hercules Street, Hamilton QLD 4007]]; he wants an on-site in {{January}}. [[PERSON|Efua]] missed the last {{15 minutes}} – send the recording.""",
    ),
    (
        "post_webinar_followup",
        "he/french-israeli+mizrahi",
        """נושא: תודה שהשתתפת בוובינר "{{אוטומציה לצוותי מכירות 2025}}"

היי [[PERSON|אוריאל]],

תודה שהצטרפת אתמול ({{יום שלישי}}, {{כ"ג בחשוון}}) לוובינר שלנו.
ראיתי ששאלת על אינטגרציה ל-{{Monday.com}} – [[PERSON|שחר בן-חמו]] מצוות ה-{{Customer Success}} יחזור אליך עד {{סוף השבוע}}.

הפרטים שמילאת בהרשמה:
שם מלא: [[PERSON|אוריאל אטיאס-לוין]]
חברה: {{קבוצת אלון נדל"ן}}
תפקיד: {{סמנכ"ל שיווק}}
נייד: [[PHONE|+972 54-618-2037]]
דוא"ל: [[EMAIL|ouriel.attias@alon-re.co.il]]

אגב, [[PERSON|פאני]] מהמשרד שלנו בפריז ביקשה להזכיר שיש תמיכה מלאה בצרפתית, אם הצוות ב{{נתניה}} מעדיף.
ההקלטה זמינה {{30 יום}}, והמצגת מצורפת.

בברכה,
[[PERSON|טל מרציאנו]]
{{מנהלת לקוחות}} | {{SalesPilot}}""",
    ),
    (
        "post_webinar_followup",
        "he/arab-israeli+ashkenazi",
        """לוג פעילות – {{וובינר CRM לקמעונאות}} ({{04/12/2024}})
12:01 | נרשמה: [[PERSON|ג'ומאנה עודה]] | [[EMAIL|jumana.odeh@albustan-markets.co.il]] | [[PHONE|04-6578820]]
12:01 | IP: [[IP_ADDRESS|79.177.23.140]] | מיקום: {{נצרת}}, ישראל
12:37 | שאלה בצ'אט: "אפשר לסנכרן את {{כרטיס המועדון}} עם ה-CRM?"
12:55 | סקר: {{רמת עניין 4/5}}, חבילה מבוקשת: {{Pro}}
מעקב: [[PERSON|אבי גרינברג]] התקשר ב-{{14:20}}. [[PERSON|ג'ומאנה]] ביקשה פגישה בסניף [[ADDRESS|שדרות פאולוס השישי 88, נצרת]] ביום {{חמישי}}.
הערה של [[PERSON|אבי]]: פרטי הכניסה לסביבת הניסיון נשלחו אליה בטעות עם סיסמה זמנית [[SECRET|Bustan#2024temp]] – לבקש איפוס. הצעת מחיר ראשונית {{₪ 890 לחודש}} ל-{{12 משתמשים}}.""",
    ),
    (
        "post_webinar_followup",
        "ar/saudi",
        """الموضوع: شكراً لحضوركم ندوة "{{التحول الرقمي في المبيعات}}"

الأستاذ [[PERSON|فيصل بن عبدالعزيز القحطاني]] المحترم،

نشكركم على حضور الندوة الإلكترونية يوم {{الثلاثاء 17 جمادى الأولى 1446هـ}} الموافق {{19 نوفمبر 2024}}.
بناءً على سؤالكم حول الربط مع {{منصة اعتماد}} ونظام {{ZATCA}} للفوترة الإلكترونية، سيتواصل معكم الزميل [[PERSON|سعيد الغامدي]] خلال {{48 ساعة}}.

بياناتكم المسجلة لدينا:
الجوال: [[PHONE|+966 55 630 2439]]
البريد: [[EMAIL|f.alqahtani@najdtech.sa]]
الجهة: {{شركة نجد للتقنية}}
العنوان الوطني: [[ADDRESS|7421 طريق الملك فهد، حي العليا، الرياض 12244، الرقم الإضافي 3318]]

كما ذكر [[PERSON|أبو فهد]] أثناء النقاش أن الفريق يعمل من {{طريق الملك عبدالله}} والدمام، لذا نقترح باقة {{Enterprise}}.
نتمنى لكم يوماً {{سعيداً}}.

[[PERSON|منى العتيبي]]
{{مديرة تطوير الأعمال}}""",
    ),
    (
        "post_webinar_followup",
        "ar/jordanian+palestinian",
        """[10:12] [[PERSON|رامي حدّاد]]: صباح الخير [[PERSON|لينا]]، في ليدين حلوين من ويبينار {{إدارة الفرق الميدانية}}
[10:13] [[PERSON|لينا الخطيب]]: قول
[10:14] [[PERSON|رامي حدّاد]]: الأول [[PERSON|يزن أبو غوش]] من {{مجموعة البتراء للأدوية}}، بدو عرض سعر لـ{{80 مستخدم}}. رقمه [[PHONE|٠٧٩ ٧٣٦ ٢١٦٩]] وإيميله [[EMAIL|yazan.aboghosh@petra-pharma.jo]]
[10:15] [[PERSON|لينا الخطيب]]: تمام، وين مكتبهم؟
[10:16] [[PERSON|رامي حدّاد]]: [[ADDRESS|شارع مكة، عمارة 153، الطابق الرابع، عمّان]]. التاني [[PERSON|هدى نصّار]] من {{رام الله}}، رقمها [[PHONE|+970 599 473 386]]، سألت عن الفوترة بـ{{الشيكل}}
[10:18] [[PERSON|لينا الخطيب]]: [[PERSON|يزن]] بعرفه، كان معنا بمعرض {{جيتكس}}. بحكي معه {{الأحد}}. و[[PERSON|هدى]] خليها لـ[[PERSON|أبو سامر]]
[10:19] [[PERSON|رامي حدّاد]]: ماشي، وبنبعتلهم التسجيل مع خصم {{10%}} لحد {{آخر الشهر}}""",
    ),
    (
        "post_webinar_followup",
        "ar/moroccan+algerian",
        """متابعة بعد الويبينار "{{التجارة الإلكترونية فالمغرب الكبير}}" – {{الجمعة 6 دجنبر}}
1) [[PERSON|ياسين بنعبد الله]]، {{مدير المبيعات}} ف{{أطلس ديستريبوسيون}} ({{الدار البيضاء}}). قال ليا بغا ديمو ديال {{وحدة الفوترة}} قبل {{راس العام}}. النمرة ديالو [[PHONE|06 36 40 08 23]]، الإيميل [[EMAIL|y.benabdellah@atlas-distrib.ma]]. المكتب: [[ADDRESS|45 زنقة ابن منير، المعاريف، الدار البيضاء 20330]].
2) [[PERSON|أمينة بوزيان]] من {{وهران}}، كتخدم ف{{مطاحن سيدي بلعباس}}. تفرجت غير {{20 دقيقة}} وسولات على الدفع ب{{الدينار}}. الهاتف [[PHONE|0671 67 17 23]]، الـIP ديالها [[IP_ADDRESS|41.111.203.77]].
ملاحظة من [[PERSON|سفيان]]: [[PERSON|ياسين]] مستعجل، نعيطو ليه {{الاثنين}}. [[PERSON|أمينة]] نصيفطو ليها التسجيل بالفرنسية.""",
    ),
    (
        "post_webinar_followup",
        "pt/brazilian",
        """Assunto: Obrigado por participar do webinar "{{Vendas B2B com IA}}"

Olá [[PERSON|Luíza]],

Foi ótimo ter você conosco na {{quinta-feira}}! Segue o link da gravação (disponível até {{20/12}}) e o material sobre {{previsão de receita}}.

Você comentou que a {{Construtora Horizonte}} está avaliando trocar o {{Pipedrive}} até {{março}}. Nosso especialista [[PERSON|João Pedro "JP" Nascimento]] pode apresentar o módulo {{Obras & Contratos}} na sua sede:

[[PERSON|Luíza Albuquerque de Souza]] – {{Gerente Comercial}}
Celular: [[PHONE|(11) 96772-9051]]
E-mail: [[EMAIL|luiza.souza@construtorahorizonte.com.br]]
Endereço: [[ADDRESS|Av. Brigadeiro Faria Lima, 3477 – 14º andar, Itaim Bibi, São Paulo – SP, 04538-133]]

O [[PERSON|JP]] também atende a filial de Belo Horizonte, perto da {{Praça da Liberdade}}, se for mais prático.

Abraços,
[[PERSON|Renata Kowalski Prado]]
{{Executiva de Contas}} | [[PHONE|+55 11 98653-1935]]""",
    ),
    # ---------------------------------------------------------------- insurance_quote_lead
    (
        "insurance_quote_lead",
        "en/punjabi-sikh+american",
        """LEAD FORM – COMMERCIAL AUTO QUOTE  (source: {{Web form v4.2}})
FULL NAME: [[PERSON|HARPREET SINGH DHILLON]]
BUSINESS: {{DHILLON FREIGHT LINES INC.}}
OWNER SSN (FOR CREDIT CHECK): [[US_SSN|401-42-7827]]
PHONE: [[PHONE|(512) 331-4046]]
EMAIL: [[EMAIL|harpreet@dhillonfreight.com]]
GARAGING ADDRESS: [[ADDRESS|4410 E BEN WHITE BLVD, AUSTIN, TX 78741]]
FLEET: 14 TRACTORS, 22 TRAILERS | USDOT {{3318842}} | {{MC-1190457}}
CURRENT CARRIER: {{PROGRESSIVE COMMERCIAL}} – RENEWAL {{03/01/2025}}
REQUESTED LIMITS: {{$1,000,000 CSL}}, CARGO {{$100,000}}

AGENT NOTES ([[PERSON|Marisol Ortega]]): [[PERSON|Harpreet]] prefers WhatsApp after 6pm. His son [[PERSON|Jasdeep]] handles the paperwork ([[EMAIL|jasdeep.dhillon@dhillonfreight.com]], [[PHONE|+1 512-660-2817]]). Two drivers have tickets from {{I-35}}; quote ref {{QTE-TX-558201}}, target bind date {{Feb 20}}.""",
    ),
    (
        "insurance_quote_lead",
        "en/kenyan+south-african",
        """From: [[PERSON|Wanjiru Kamau-Ndegwa]] <[[EMAIL|wanjiru.kamau@savannahroasters.co.ke]]>
To: {{Group Benefits Desk}}
Subject: RE: Group medical cover – 46 staff, {{Nairobi}} + {{Mombasa}}

Hi [[PERSON|Pieter]],

Thanks for the call on {{Monday}}. As discussed we'd like quotes for {{Plan B (Inpatient KES 2M)}} and {{Plan C (Inpatient KES 5M)}}, with outpatient at {{KES 100,000}} per family.

Our HR lead, [[PERSON|Otieno Odhiambo]], will send the census file ({{ages only}}) by {{Friday}}. He's on [[PHONE|0726 803728]].
Billing address: [[ADDRESS|Savannah Roasters Ltd, 3rd Floor, Mirage Towers, Chiromo Road, Westlands, Nairobi 00800]]
Current insurer policy no. {{GMC/2023/004417}} expires {{31 January}}.

Regards,
[[PERSON|Wanjiru]]
{{Finance Director}} | [[PHONE|+254 782 527073]]

> On {{Mon 2 Dec}}, [[PERSON|Pieter van Rensburg]] <[[EMAIL|pieter.vr@karooassure.co.za]]> wrote:
> Could you confirm headcount and whether dependants are included? Cell [[PHONE|+27 83 509 5260]].""",
    ),
    (
        "insurance_quote_lead",
        "en/irish+polish",
        """Call transcript (auto) – Home & Contents quote, case {{HC-2024-77310}}
[14:02:11] Agent [[PERSON|Siobhán Ó Floinn]]: Thanks for calling {{Shamrock Home Cover}}, who am I speaking with?
[14:02:15] Caller: It's [[PERSON|Tomasz Wiśniewski]], I got a renewal at €1,140 and that's mad.
[14:02:40] Agent: I can look at that. What's the property address?
[14:02:44] Caller: [[ADDRESS|27 Ballymun Road, Glasnevin, Dublin 9, D09 F2X6]]
[14:03:05] Agent: And a contact number, [[PERSON|Tomasz]]?
[14:03:09] Caller: [[PHONE|087 689 6985]], or my wife [[PERSON|Agnieszka]] on [[PHONE|085 437 8777]].
[14:05:50] Agent: I can do {{€865}} with a {{€250 excess}}, {{monitored alarm discount 10%}}. Want to pay the deposit now?
[14:06:02] Caller: Yeah, card is [[CREDIT_CARD|4862 2256 3357 1486]], expiry {{09/27}}.
[14:06:30] Agent: Grand, policy {{SHC-HC-0093315}} starts {{1 January}}. Confirmation goes to [[EMAIL|tomasz.wisniewski@eircom.net]].
[system] PCI redaction FAILED for segment 14:06:02 – ticket {{SEC-4471}} raised.""",
    ),
    (
        "insurance_quote_lead",
        "en/japanese+american",
        """POST /v1/leads/quote  (source: {{partner widget}}, ip [[IP_ADDRESS|2601:646:8e00:5a10:b1c3:77ff:fe02:19d4]])
{ "product": "{{Term Life 20}}",
  "coverage_amount": "{{$750,000}}",
  "applicant": { "first_name": "[[PERSON|Kenji]]", "last_name": "[[PERSON|Morishita-Callahan]]", "ssn": "[[US_SSN|827-49-7599]]",
    "email": "[[EMAIL|kenji.mc@protonmail.com]]", "phone": "[[PHONE|+1 206-718-3342]]",
    "address": "[[ADDRESS|1820 NE Ravenna Blvd Apt 3B, Seattle, WA 98105]]" },
  "beneficiary": { "name": "[[PERSON|Emiko Morishita]]", "relation": "{{spouse}}" },
  "tobacco": false, "rate_class": "{{Preferred Plus}}",
  "referrer": "Dr. [[PERSON|Lauren Whitfield]]",
  "campaign": "{{FALL-LIFE-24}}",
  "consent_version": "{{TCPA-2023.2}}"
}
Routing note: assign to [[PERSON|Graham]] ({{Pacific NW}} team). SSN shouldn't be collected at quote stage – flag to compliance ({{CMP-882}}).""",
    ),
    (
        "insurance_quote_lead",
        "he/mizrahi",
        """ליד חדש – ביטוח דירה | מקור: {{קמפיין פייסבוק נובמבר}}
שם: [[PERSON|אורנה דהן-אבוטבול]]
ת"ז: [[IL_ID|035546373]]
נייד: [[PHONE|050-7328814]]
מייל: [[EMAIL|orna.dahan77@walla.co.il]]
כתובת הנכס: [[ADDRESS|רחוב יהודה הלוי 14, דירה 9, באר שבע]]
סוג: {{מבנה + תכולה}}, {{85 מ"ר}}, קומה 3 מתוך 4
משועבד ל{{בנק מזרחי טפחות}}: כן, משכנתא {{מספר 441-87720}}

שיחה עם [[PERSON|אורנה]] ({{יום ראשון}}, 11:40): רוצה הצעה עד {{₪ 1,600 לשנה}}. בעלה [[PERSON|ניסים]] כבר מבוטח ב{{הראל}} בפוליסת רכב, אולי אפשר לאחד. ביקשה שלא נתקשר אליה בזמן העבודה – עדיף אחרי 17:00 או לטלפון של הבית [[PHONE|08-6280431]].
הערת נציג [[PERSON|דור]]: לשלוח הצעה {{PR-55730}} ב{{וואטסאפ}}. להזכיר {{הנחת מיגון 5%}}.""",
    ),
    (
        "insurance_quote_lead",
        "he/ethiopian-israeli",
        """הצעת מחיר – ביטוח רכב חובה + מקיף | פנייה {{INS-CAR-98113}}
מבוטח ראשי: [[PERSON|יהודית (ג'ודי) ברהנו]], ת"ז [[IL_ID|391257391]]
נהג נוסף: [[PERSON|אשנפי ברהנו]], ת"ז [[IL_ID|267191401]], ותק נהיגה {{3 שנים}}
רכב: {{מאזדה 3}} {{2021}}, מספר רישוי {{57-412-83}}
טלפון: [[PHONE|054-2281693]] | מייל: [[EMAIL|judy.berhanu@gmail.com]]
מקום חניה קבוע: [[ADDRESS|רחוב שלום עליכם 22, קריית מלאכי]]

הצעה: חובה {{₪ 2,310}}, מקיף {{₪ 3,480}}, השתתפות עצמית {{₪ 1,650}}.
[[PERSON|ג'ודי]] ביקשה לשלם ב-{{10 תשלומים}} בכרטיס [[CREDIT_CARD|4580 6209 6654 2875]] (תוקף {{11/26}}).
הערה של [[PERSON|נועה]] מהמוקד: הבן [[PERSON|אשנפי]] נהג צעיר, לבדוק תוספת. {{שלום}} מהמשרד בקריית מלאכי – הם מבקשים לסגור עד {{ט"ו בכסלו}}.""",
    ),
    (
        "insurance_quote_lead",
        "he/russian-israeli+georgian",
        """| שם נוסע | ת"ז | גיל | כיסוי |
|---|---|---|---|
| [[PERSON|ולדימיר (וולודיה) צ'רניאבסקי]] | [[IL_ID|324777564]] | 58 | {{בסיסי + ספורט חורף}} |
| [[PERSON|תמרה ג'פרידזה]] | [[IL_ID|316723170]] | 55 | {{בסיסי + מחלה קיימת}} |
| [[PERSON|נינו צ'רניאבסקי]] | [[IL_ID|325016335]] | 19 | {{בסיסי}} |

ביטוח נסיעות לחו"ל – {{גאורגיה}}, {{12.01–02.02}}
איש קשר: [[PERSON|וולודיה]], נייד [[PHONE|+972 52-845-3120]], מייל [[EMAIL|v.chernyavsky@bezeqint.net]]
כתובת למשלוח פוליסה: [[ADDRESS|רחוב ז'בוטינסקי 105, אשדוד]]
הערות: [[PERSON|תמרה]] נוטלת תרופות ללחץ דם – נדרשת הצהרת בריאות. פרמיה משוערת {{$412}}. סוכנת: [[PERSON|ליאורה קפלן]], הצעה {{TRV-2025-0042}}.""",
    ),
    (
        "insurance_quote_lead",
        "ar/kuwaiti",
        """طلب عرض سعر – تأمين سيارات شامل | رقم الطلب {{KW-MTR-40917}}
الاسم: [[PERSON|مشاري عبدالله العنزي]]
الجوال: [[PHONE|+965 9670 7189]]
الإيميل: [[EMAIL|mishari.alenezi@outlook.com]]
السيارة: {{لكزس LX600}} موديل {{2023}}، القيمة التقديرية {{28,500 د.ك}}
العنوان: [[ADDRESS|قطعة 4، شارع 12، جادة 3، منزل 21، الجابرية، الكويت]]

ملاحظات المكالمة ({{الأربعاء}}):
[[PERSON|بو عبدالله]] يبي تغطية داخل الكويت و{{دول الخليج}}، ويسأل عن سيارة بديلة. قال إن ولده [[PERSON|عبدالعزيز]] يسوق السيارة أحياناً ورقمه [[PHONE|6769 8847]].
عرضنا {{الباقة الذهبية}} بقسط {{640 د.ك}} سنوياً مع تحمّل {{100 د.ك}}. قال "خل أشاور [[PERSON|أم عبدالله]]" ويرد علينا {{الأحد}}.
الموظف المسؤول: [[PERSON|دانة الرشيدي]]""",
    ),
    (
        "insurance_quote_lead",
        "ar/sudanese+yemeni",
        """مذكرة داخلية – طلب تأمين صحي جماعي لعمال {{شركة الوادي للمقاولات}} (أبوظبي)
تواصل معنا المهندس [[PERSON|عثمان الطيب محمد أحمد]] ({{مدير الموارد البشرية}})، سوداني الجنسية، من مكتبهم في [[ADDRESS|مبنى 12، المنطقة الصناعية مصفح M-26، أبوظبي]].
عدد الموظفين: {{134}}، منهم {{92}} بفئة {{الباقة الأساسية}} المطلوبة لإصدار الإقامة.
التواصل: [[PHONE|+971 56 214 7738]] / [[EMAIL|osman.eltayeb@alwadi-contracting.ae]]
نائبه اليمني [[PERSON|صالح عبده الحُميري]] يتابع الدفعات – رقمه [[PHONE|٠٥٠ ٣٩٤ ٦٦٢١]].
طلبوا الدفع عبر تحويل بنكي من الحساب [[IBAN|AE70 0332 0280 3447 0630 646]]، والقسط التقديري {{AED 1,150}} للفرد.
ملاحظة من [[PERSON|سلمى]]: الأستاذ [[PERSON|عثمان]] يفضّل الاتصال بعد صلاة {{العصر}}، والعرض يجب أن يصل قبل {{نهاية ديسمبر}}.""",
    ),
    (
        "insurance_quote_lead",
        "es/mexican",
        """Solicitud de cotización – {{Seguro de Gastos Médicos Mayores}} | folio {{GMM-MX-20931}}
Prospecto: [[PERSON|María Guadalupe "Lupita" Hernández de la Garza]]
Correo: [[EMAIL|lupita.hdzgarza@gmail.com]]
Celular: [[PHONE|+52 81 1384 8819]]
Domicilio: [[ADDRESS|Calle Padre Mier 1420 Pte., Col. Obispado, 64060 Monterrey, N.L.]]
Asegurados: ella, su esposo [[PERSON|Rodrigo Treviño Salinas]] y dos hijos.
Suma asegurada solicitada: {{$25,000,000 MXN}}, deducible {{$30,000}}, coaseguro {{10%}}.

Notas del asesor ([[PERSON|Iñaki Zubiría]]): [[PERSON|Lupita]] ya tiene póliza con {{GNP}} que vence el {{15 de febrero}}; quiere comparar. Prefiere llamada el {{sábado}} por la mañana. [[PERSON|Rodrigo]] tiene hipertensión controlada, pedir cuestionario médico. Pago anual con tarjeta [[CREDIT_CARD|5197 7050 4435 7701]] para obtener {{5% de descuento}}.""",
    ),
    # ---------------------------------------------------------------- legal_redline_comments
    (
        "legal_redline_comments",
        "en/anglo+greek",
        """MSA_{{Helix-Orbis}}_v7_redline.docx – comment export
[C1] [[PERSON|Eleni Papadopoulou-Grant]] ({{Orbis Legal}}), {{12 Nov}}: §4.2 – we can't accept uncapped liability for data breaches. Propose {{2x annual fees}} super-cap.
[C2] [[PERSON|Marcus Whitby]] ({{Helix}}), {{13 Nov}}: [[PERSON|Eleni]], {{2x}} is fine if the cap excludes gross negligence. Also, §9 notices should go to me, not the generic inbox.
[C3] [[PERSON|Eleni Papadopoulou-Grant]]: Accepted. Notices for Orbis: Attn. [[PERSON|Eleni Papadopoulou-Grant]], [[ADDRESS|Level 6, 40 Bernard Street, London WC1N 1LE]], [[EMAIL|e.papadopoulou@orbis-legal.co.uk]].
[C4] [[PERSON|Marcus Whitby]]: Helix notices: [[ADDRESS|221 Grace Avenue, Suite 410, Portland, OR 97204]], [[EMAIL|mwhitby@helixsystems.io]]. Don't read too much into the street name – no {{grace}} period on payment, §6.1 stays at {{Net 30}}.
[C5] [[PERSON|Dimitris K.]] ({{Orbis Finance}}): Can we move to {{Net 45}}? Our AP run is the {{third Thursday}}.
[C6] [[PERSON|Marcus]]: Meet at {{Net 40}}? Version {{v7.3}} to follow.""",
    ),
    (
        "legal_redline_comments",
        "en/hausa+english",
        """DPA redline – {{Northwind Data Processing Addendum}} rev {{2024-11}}
Reviewer: [[PERSON|Aminu Bello Yakubu]] (counsel for {{Kano Agro Exports Ltd}})

Clause 3.1 (Sub-processors): Add 30 days' prior notice. Current list names {{AWS eu-west-1}} only; please confirm no transfer to {{us-east-1}}.
Clause 7 (Breach notification): "without undue delay" → "within {{48 hours}}". Notification contact: [[PERSON|Hauwa Abdullahi]], {{Data Protection Officer}}, [[EMAIL|hauwa.abdullahi@kanoagro.com.ng]], [[PHONE|+234 803 551 2076]].
Clause 9 (Audit): one audit per {{calendar year}}, {{10 business days}}' notice.
Annex II: the sample record you attached contains a real customer's test IP ([[IP_ADDRESS|197.210.54.118]]) – please replace with a dummy.
Signature block: strike "Mr. [[PERSON|Yakubu]]" → "[[PERSON|Aminu Bello Yakubu]], {{Company Secretary}}".
Note to [[PERSON|Rebecca Thornbury]] (Northwind): happy to close on {{Friday 6 Dec}} if clause 7 is agreed.""",
    ),
    (
        "legal_redline_comments",
        "en/iranian+american",
        """## NDA review – {{Cobalt Ridge Capital}} ↔ {{Farsi Tech Holdings}}

| # | Clause | Their text | Our comment | Owner |
|---|---|---|---|---|
| 1 | Parties | "[[PERSON|Dariush Tehrani-Moghaddam]], individually" | Remove – NDA should bind the company only | [[PERSON|Ashley]] |
| 2 | Term | {{5 years}} | Counter {{3 years}}, trade secrets survive | [[PERSON|Ashley]] |
| 3 | Notices | [[ADDRESS|1600 Ventura Blvd, Suite 900, Encino, CA 91436]] | Fine | – |
| 4 | Non-solicit | {{24 months}} | Strike; not in an NDA | [[PERSON|Omid]] |
| 5 | Governing law | {{Delaware}} | OK | – |

[[PERSON|Ashley Brennan-Cho]]: [[PERSON|Dariush]] called me directly on [[PHONE|(305) 282-2117]] to push row 4. I told him we'd revert by {{Monday}}. [[PERSON|Omid Rahimi]] – you know him from {{Stanford}}, can you take the call? Draft {{v2.1}} attached.""",
    ),
    (
        "legal_redline_comments",
        "en/telugu+swedish",
        """Re: Order Form {{OF-2025-0117}} – tracked changes summary

[[PERSON|Lakshmi Venkataramana Reddy]] wrote:
> 1. Pricing table: {{1,200 seats}} at {{$18.50}}/seat/month, annual prepay. We struck the {{7% uplift}} in year 2.
> 2. Billing contact: [[PERSON|Karin Lindqvist]], {{AP Manager}}, [[EMAIL|karin.lindqvist@nordvik-logistik.se]], [[PHONE|+46 70 776 27 87]].
> 3. Ship-to for hardware tokens: [[ADDRESS|Kungsgatan 44, 111 35 Stockholm]].

[[PERSON|Björn Åkesson]] replied:
[[PERSON|Lakshmi]] – 1 is OK only if we remove the {{Premier Support}} line. On 2, [[PERSON|Karin]] is leaving in {{March}}; put [[PERSON|Sven-Erik Dahl]] ([[EMAIL|sven-erik.dahl@nordvik-logistik.se]]) as backup.
Also: please don't put the signer's personal mobile in §11. Use the switchboard.

Signed (pending): [[PERSON|L. V. Reddy]], {{VP Commercial}}, {{Hyderabad}}.""",
    ),
    (
        "legal_redline_comments",
        "he/ashkenazi+haredi",
        """הערות עו"ד לטיוטת הסכם הפצה – {{גרסה 4}} ({{כ"ה באדר א' תשפ"ד}})
מאת: עו"ד [[PERSON|נחמה ליכטנשטיין]], משרד {{ליכטנשטיין, ברגר ושות'}}
אל: [[PERSON|אהרון יוסף וייס]], {{מנכ"ל}} {{ספרי אור המאיר}}

1. סעיף 2.3 – בלעדיות: מבקשים לצמצם ל{{ירושלים}}, {{בית שמש}} ו{{ביתר עילית}} בלבד.
2. סעיף 5 – תמורה: {{22%}} מהמחיר לצרכן, תשלום {{שוטף + 45}}.
3. סעיף 9 – הודעות: כתובת המפיץ תתוקן ל-[[ADDRESS|רחוב סורוצקין 18, ירושלים]].
4. פרטי ההתקשרות של [[PERSON|ר' אהרון]] בנספח א' – נא להוריד את המספר הפרטי ([[PHONE|02-5370148]]) ולהשאיר רק את מייל המשרד [[EMAIL|a.weiss@ohr-hameir.co.il]].
5. חתימה: מורשה חתימה נוסף – [[PERSON|שרה רבקה וייס]], ת"ז [[IL_ID|027740273]].
[[PERSON|נחמה]]: אם אין הערות נוספות נוכל לחתום אחרי {{פורים}}.""",
    ),
    (
        "legal_redline_comments",
        "he/druze+french-israeli",
        """תגובות בגוגל דוקס – הסכם SaaS מול {{מלונות הגליל}} (הסכם {{SaaS-HG-2025}})
[[PERSON|סלמאן קבלאן]] ({{יועץ משפטי}}): סעיף 7.1 – אחריות: לא מקובל עלינו סייג של {{12 חודשי דמי מנוי}}. מבקשים {{24}}.
[[PERSON|ז'ראלדין אזולאי]]: [[PERSON|סלמאן]], {{12}} זה הסטנדרט שלנו. אפשר {{18}} אם מסירים את סעיף השיפוי 7.4.
[[PERSON|סלמאן קבלאן]]: מקובל. בנוסף, נא לעדכן את כתובת ההודעות: [[ADDRESS|רחוב הגפן 3, עוספיא]], לידי [[PERSON|וסים חסון]], [[EMAIL|wassim.hasson@galilhotels.co.il]].
[[PERSON|ז'ראלדין אזולאי]]: עודכן ב-{{v5}}. מזכירה ש[[PERSON|וסים]] ביקש לשמור על ה-{{SLA 99.9%}}.
[[PERSON|גיל]] (כספים): שימו לב – בלי קשר ל{{גיל}} הלקוח, ההנחה של {{15%}} תקפה רק לשנה הראשונה.
[[PERSON|ז'ראלדין]]: נסגור עד {{יום רביעי}}.""",
    ),
    (
        "legal_redline_comments",
        "he/bedouin+mizrahi",
        """סיכום הערות משפטיות – הסכם שכירות משרדים ({{תיק 2024-318}})
שוכר: {{אבו-רביעה הנדסה ובנייה בע"מ}}; נציג: [[PERSON|עאטף אבו-רביעה]]
משכיר: {{חברת מגדלי הנגב}}; עו"ד המשכיר: [[PERSON|רונית בן-שושן]]

- סעיף 4: דמי שכירות {{₪ 14,200}} לחודש + מע"מ, הצמדה ל{{מדד}} מ{{ינואר}}.
- סעיף 6: ערבות בנקאית {{3 חודשים}} – [[PERSON|עאטף]] מבקש ערבות אישית במקום. הערת [[PERSON|רונית]]: רק עם ת"ז ערב, [[PERSON|מוסא אבו-רביעה]], [[IL_ID|204911028]].
- סעיף 9: הנכס – [[ADDRESS|שדרות דוד טוביהו 125, קומה 7, באר שבע]].
- סעיף 14: יציאה מוקדמת אחרי {{24 חודשים}} בהודעה של {{90 יום}}.
טלפון [[PERSON|עאטף]]: [[PHONE|052-3918406]]. הוא ביקש לא לשלוח לו קבצים ב{{שבת}}.""",
    ),
    (
        "legal_redline_comments",
        "ar/qatari",
        """ملاحظات على مسودة عقد التوريد – {{الإصدار 3}} – مرجع {{QA-CTR-2024-552}}
من: المستشار القانوني [[PERSON|خليفة جاسم آل ثاني]]
إلى: [[PERSON|نورة المهندي]]، {{إدارة المشتريات}}

البند 5 (التسليم): نقترح تعديل المدة إلى {{90 يوماً}} بدلاً من {{60}}، بسبب إجراءات الجمارك في {{ميناء حمد}}.
البند 8 (الغرامات): سقف الغرامة {{10%}} من قيمة العقد كحد أقصى.
البند 12 (الإخطارات): يُرسل أي إخطار إلى العنوان [[ADDRESS|مبنى 57، شارع 340، منطقة 66، الدفنة، الدوحة]] وعلى البريد [[EMAIL|k.althani@dohatrade.qa]].
البند 15: حساب التحويل المعتمد [[IBAN|QA25 QNBA 2375 7192 3155 4670 9375 8]].
يرجى من [[PERSON|نورة]] مراجعة الملحق (ب) قبل اجتماع {{الأحد}}، والتواصل معي على [[PHONE|+974 6667 3139]] عند الحاجة.""",
    ),
    (
        "legal_redline_comments",
        "ar/tunisian+lebanese",
        """تعليقات على اتفاقية الشراكة – نسخة {{v2.4}} ({{Track Changes}})
[[PERSON|وسيم الخوري]]: المادة 3 – بدنا نحدد الحصرية بـ{{لبنان}} و{{قبرص}} بس، مش كل {{الشرق الأوسط}}.
[[PERSON|مريم بن سالم]]: يا [[PERSON|وسيم]]، هذا برشا. نقبلو بـ{{لبنان}} و{{الأردن}} على شرط هدف مبيعات {{250,000 دولار}}.
[[PERSON|وسيم الخوري]]: منيح. المادة 7 – العنوان للإشعارات: [[ADDRESS|بناية الريحاني، شارع الحمرا 214، بيروت]].
[[PERSON|مريم بن سالم]]: وعنوانا: [[ADDRESS|12 نهج ابن خلدون، المنزه 6، تونس 2091]]. الاتصال على [[PHONE|+216 24 950 991]].
[[PERSON|سامي عيّاد]] (مالية): الدفع بالـ{{EUR}}، و{{30 يوم}} من الفاتورة.
[[PERSON|مريم]]: باهي، نبعثو النسخة النهائية {{الثلاثاء}} إن شاء الله.""",
    ),
    (
        "legal_redline_comments",
        "fr/french+moroccan",
        """Objet : Commentaires sur le contrat-cadre {{CC-2025-014}} – version {{révisée 3}}

Bonjour Maître [[PERSON|Fontaine-Delorme]],

Voici nos remarques sur le projet de contrat avec {{Atlas Clim SARL}} :

Article 4 – Prix : nous demandons une révision annuelle plafonnée à {{3 %}}.
Article 6 – Responsabilité : plafond à {{100 % du montant annuel}}, hors faute lourde.
Article 11 – Notifications : à l'attention de M. [[PERSON|Youssef El Amrani]], [[ADDRESS|27 rue Ibn Battouta, 20250 Casablanca]], [[EMAIL|y.elamrani@atlasclim.ma]].
Annexe 2 – RIB du prestataire : [[IBAN|FR64 2280 1460 41JJ 047C 6C24 H68]].

[[PERSON|Youssef]] souhaite signer avant le {{15 janvier}}. Vous pouvez le joindre au [[PHONE|+212 6 20 17 53 51]].

Bien cordialement,
[[PERSON|Camille Rousseau-Benali]]
{{Directrice juridique}}, {{Groupe Horizon Froid}}""",
    ),
    # ---------------------------------------------------------------- logistics_shipment_exception
    (
        "logistics_shipment_exception",
        "en/chinese+dutch",
        """2024-11-18T06:41:07Z WARN  carrier-sync  shipment={{SHP-0098812}} container={{MSKU 7730914}} event=CUSTOMS_HOLD port={{NLRTM}}
2024-11-18T06:41:07Z INFO  carrier-sync  consignee="{{Delta Bloom Horticulture B.V.}}" contact="[[PERSON|Liu Xiaoting]]" phone="[[PHONE|+31 20 154 2389]]"
2024-11-18T06:41:08Z INFO  carrier-sync  notify_party="[[PERSON|Joost van Wijngaarden]]" email="[[EMAIL|joost.vanwijngaarden@deltabloom.nl]]"
2024-11-18T06:41:09Z ERROR carrier-sync  reason="HS code {{0603.11}} mismatch vs commercial invoice {{CI-88-2041}}" hold_days=2 demurrage_eur={{145/day}}
2024-11-18T06:52:30Z INFO  crm-notes     author="[[PERSON|Tessa Hoogendoorn]]" text="Called [[PERSON|Xiaoting]] – broker will re-file by {{Wed 20 Nov}}. [[PERSON|Joost]] asked us to deliver to the {{Aalsmeer}} site instead of the {{Naaldwijk}} depot: [[ADDRESS|Legmeerdijk 313, 1431 GB Aalsmeer]]."
2024-11-18T06:52:31Z DEBUG api-gateway   caller_ip=[[IP_ADDRESS|185.107.56.23]] route=/v2/shipments/{{SHP-0098812}}/notes status=201""",
    ),
    (
        "logistics_shipment_exception",
        "en/somali+british",
        """Subject: URGENT – AWB {{176-48392017}} held at {{Heathrow}} (missing EORI)

Hi [[PERSON|Abdirahman]],

Your shipment of {{48 cartons}} (medical consumables, PO {{PO-MOG-3317}}) was held by {{HMRC}} last night. The broker says the consignee EORI on the airway bill is blank.

Can you confirm:
1. EORI for {{Horn Medical Supplies UK Ltd}} (should start {{GB}});
2. Delivery address is still [[ADDRESS|Unit 12, Riverside Industrial Estate, 58 Bridge Road, Southall UB2 4AB]];
3. Who signs on site – [[PERSON|Abdirahman Yusuf Warsame]] or [[PERSON|Hodan]]?

Storage charges start after {{72 hours}} ({{£38}}/day). You can call me on [[PHONE|07521 303912]] or the desk on [[PHONE|020 8110 9052]].

Thanks,
[[PERSON|Nicola Pembridge]]
{{Customer Exceptions Team}}, {{SwiftLane Freight}}

---
Reply from [[PERSON|Hodan Ali Farah]] ([[EMAIL|hodan.farah@hornmedical.co.uk]]): I'll sign. [[PERSON|Abdirahman]] is travelling to {{Mogadishu}} until {{Friday}}; his number there is [[PHONE|+252 61 695 3008]].""",
    ),
    (
        "logistics_shipment_exception",
        "en/vietnamese+american",
        """Webhook received {{2024-12-03 19:22:54 PST}} – source: {{ParcelStream}} v{{3.14.2}}
{ "event": "DELIVERY_EXCEPTION",
  "tracking": "{{1Z4F83W90349218874}}",
  "code": "{{EX-07 Address not found}}",
  "recipient": { "name": "[[PERSON|Nguyen Thi Bich Ngoc]]", "phone": "[[PHONE|(404) 707-2862]]", "email": "[[EMAIL|ngoc.nguyen@sweetlotusbakery.com]]",
    "address": "[[ADDRESS|5150 Buford Hwy NE, Ste 210, Doraville, GA 30340]]" },
  "driver_note": "Suite 210 does not exist, building ends at 200. Customer not answering.",
  "attempts": 2,
  "next_attempt": "{{2024-12-04}}"
}
CRM note ([[PERSON|Tyler Brooks]]): spoke with [[PERSON|Ngoc]]'s husband [[PERSON|Danny Tran]] – correct unit is {{Ste 201}}. Updated the order {{SO-55012}} and asked the carrier to re-route. [[PERSON|Ngoc]] wants a {{10%}} credit for the spoiled {{mooncake molds}}; escalate to [[PERSON|Jasmine]].""",
    ),
    (
        "logistics_shipment_exception",
        "en/sri-lankan+german",
        """#ops-exceptions  {{Tue 26 Nov}}
08:10 [[PERSON|Ruwan Jayasuriya]]: heads up – reefer {{CMAU 5518209}} from {{Colombo}} showing temp excursion {{+9°C}} for 4h. cargo: {{22 t}} pineapples for {{Frischwelt Handels GmbH}}
08:12 [[PERSON|Katharina Schulze]]: ugh. their buyer is [[PERSON|Matthias Gröning]], [[PHONE|+49 40 3861 9942]]. he'll want the logger data before accepting
08:13 [[PERSON|Ruwan Jayasuriya]]: I'll pull it. [[PERSON|Dilani]] in Colombo has the packing list, [[PHONE|+94 77 572 8690]]
08:20 [[PERSON|Katharina Schulze]]: [[PERSON|Matthias]] says divert to their cold store [[ADDRESS|Am Moldauhafen 8, 20457 Hamburg]] and they'll inspect {{Thursday}}
08:21 [[PERSON|Ruwan Jayasuriya]]: ok. claim ref {{CLM-HH-20417}}, insurer {{Allianz}}. [[PERSON|Dilani Wickramasinghe]] will send the phyto cert {{PC-LK-99821}}
08:22 [[PERSON|Katharina Schulze]]: 👍 logging it in the account timeline""",
    ),
    (
        "logistics_shipment_exception",
        "he/russian-israeli",
        """חריגת משלוח – הזמנה {{ORD-IL-662019}} | סטטוס: {{נכשלה מסירה}}
לקוח: [[PERSON|יבגניה (ז'ניה) פרלמוטר]]
טלפון: [[PHONE|058-6217740]]
כתובת: [[ADDRESS|רחוב טשרניחובסקי 17, דירה 12, חיפה]]
שליח: {{צ'יטה שליחויות}}, מספר משלוח {{CH-4471920}}

תיאור: השליח הגיע ב-{{יום שני}} ב-{{19:40}}, אין מענה באינטרקום. לפי [[PERSON|ז'ניה]] היא עברה ל[[ADDRESS|שדרות מוריה 51, חיפה]] לפני חודש ולא עדכנה באתר.
שיחה עם הבן שלה [[PERSON|קוליה]] ([[PHONE|053-7718240]]): ביקש שנשאיר ב{{נקודת איסוף}} ב{{גרנד קניון}}.
פעולה: [[PERSON|אלה רבינוביץ']] עדכנה כתובת ב-{{Shopify}}, משלוח חוזר ב{{יום רביעי}} ללא עלות. פיצוי: קופון {{₪ 30}}.""",
    ),
    (
        "logistics_shipment_exception",
        "he/yemeni-israeli+ashkenazi",
        """[16:02] [[PERSON|הדס צדוק]]: יש בעיה עם המשטח של {{יקבי הגליל}} – הגיע שבור למחסן ב{{מודיעין}}
[16:03] [[PERSON|יונתן שפירא]]: כמה בקבוקים?
[16:03] [[PERSON|הדס צדוק]]: {{38}} מתוך {{240}}. תעודת משלוח {{DN-2024-11-3381}}
[16:05] [[PERSON|יונתן שפירא]]: תתקשרי ל[[PERSON|סעדיה]] מההובלות, [[PHONE|054-9316072]]
[16:06] [[PERSON|הדס צדוק]]: דיברתי עם [[PERSON|סעדיה גמליאל]], הוא אומר שהנהג העמיס ב{{אור}} ראשון בלי רצועות 🙄
[16:08] [[PERSON|יונתן שפירא]]: לפתוח תביעה בביטוח {{CLM-7712}} ולשלוח ל[[EMAIL|saadia.g@galil-trans.co.il]]. ושתעדכני את [[PERSON|אביטל]] בקבלת הסחורה, [[ADDRESS|רחוב המלאכה 6, חבל מודיעין]]
[16:09] [[PERSON|הדס]]: בוצע. נזק מוערך {{₪ 3,420}}""",
    ),
    (
        "logistics_shipment_exception",
        "ar/omani",
        """الموضوع: تأخير شحنة – بوليصة الشحن {{MSCU-OM-884120}} – {{ميناء صحار}}

الأخ [[PERSON|سالم بن حمد الحارثي]] المحترم،

نود إفادتكم بأن الحاوية {{TGHU 2284017}} المحمّلة بـ{{قطع غيار مكيفات}} لم تُفرغ بعد بسبب نقص شهادة المنشأ.
يرجى إرسال الشهادة إلى المخلّص الجمركي [[PERSON|محمود البلوشي]] على [[EMAIL|m.albalushi@sohar-clearing.om]] أو الاتصال على [[PHONE|+968 9219 6512]].
رسوم التخزين تبدأ بعد {{5 أيام}} بقيمة {{12 ر.ع}} يومياً.

عنوان التسليم النهائي حسب الطلب: [[ADDRESS|مبنى 1124، طريق 3815، المنطقة الصناعية بالرسيل، مسقط]].
نرجو التأكيد قبل {{الخميس}}، علماً بأن [[PERSON|أبو حمد]] أبلغنا هاتفياً بأنه في {{صلالة}} حتى نهاية الأسبوع.

مع التحية،
[[PERSON|شيماء الرواحية]]
{{خدمة العملاء – الشحن البحري}}""",
    ),
    (
        "logistics_shipment_exception",
        "ar/iraqi+kurdish",
        """ملاحظة بالسيستم – شحنة {{IQ-EBL-40218}} (أربيل ← البصرة)
اتصل بيه [[PERSON|كاروان عمر]] من {{شركة زاگروس للتجارة}} وكال الشاحنة واكفة بسيطرة {{الصفرة}} من يومين لأن أوراق المنفست ناقصة.
رقمه: [[PHONE|0750 070 3592]]
المستلم بالبصرة: [[PERSON|حيدر عبد الأمير الساعدي]]، [[PHONE|٠٧٨٠ ٨٢٣ ٥٩٣٠]]، عنوان المخزن: [[ADDRESS|حي الجزائر، شارع 14، مخزن رقم 7، البصرة]]
[[PERSON|حيدر]] زعلان، كال إذا ما توصل قبل {{الجمعة}} راح يلغي الطلبية {{PO-BSR-1183}} ({{42 مليون دينار}}).
كاك [[PERSON|كاروان]] كال يدز صورة الأوراق على الواتساب. تابعها [[PERSON|زينب]] من مكتب بغداد، ويرجى إبلاغ {{مدير العمليات}} إذا تأخرت أكثر من {{48 ساعة}}.""",
    ),
    (
        "logistics_shipment_exception",
        "ar/bahraini",
        """| رقم الشحنة | العميل | جهة الاتصال | الهاتف | المشكلة | الإجراء |
|---|---|---|---|---|---|
| {{BH-77120}} | {{مطاعم اللؤلؤة}} | [[PERSON|جعفر عبدالحسين]] | [[PHONE|3238 5827]] | تلف {{6 كراتين}} | إعادة شحن |
| {{BH-77133}} | {{صيدلية النور}} | [[PERSON|فاطمة الستراوي]] | [[PHONE|+973 1727 1337]] | عنوان غير مكتمل | تأكيد العنوان |
| {{BH-77141}} | {{مؤسسة الخليفة للتجارة}} | [[PERSON|عيسى بوحجي]] | [[PHONE|+973 1790 5221]] | رفض الاستلام | مراجعة المبيعات |

ملاحظة: [[PERSON|فاطمة]] أكدت العنوان الصحيح [[ADDRESS|مبنى 2231، طريق 4562، مجمع 345، المنامة]]. [[PERSON|عيسى]] يقول إن الفاتورة {{INV-9920}} فيها سعر خطأ. المسؤول: [[PERSON|حسين المرباطي]] – المتابعة يوم {{السبت}}.""",
    ),
    (
        "logistics_shipment_exception",
        "tr/turkish+azerbaijani",
        """Konu: Sevkiyat istisnası – {{TIR 34 KLM 882}} / CMR {{TR-2024-55019}}

Merhaba [[PERSON|Elvin]] Bey,

{{Kapıkule}} gümrüğünde aracınız {{2 gündür}} bekliyor; {{T1}} belgesindeki ağırlık ({{18.400 kg}}) kantar ile uyuşmuyor ({{19.120 kg}}).
Gümrük müşaviri [[PERSON|Serkan Öztürkmen]] düzeltme beyanı hazırlıyor, kendisine [[PHONE|0532 436 59 63]] numarasından ulaşabilirsiniz.

Alıcı firmanın teslimat adresi değişti: [[ADDRESS|Atatürk Bulvarı No: 112, Kat 3, 06640 Çankaya/Ankara]]. [[PERSON|Ayşegül Karabağ]] Hanım teslimatı {{Cuma}} günü saat 10:00'da bekliyor ([[EMAIL|aysegul.karabag@anadolu-gida.com.tr]]).

Bekleme ücreti günlük {{€120}}; fatura {{FT-2024-1187}} ile yansıtılacak.

Saygılarımla,
[[PERSON|Deniz Akyol]]
{{Operasyon Sorumlusu}}, {{Marmara Lojistik A.Ş.}}
Sürücü [[PERSON|Elvin Məmmədov]] için yedek hat: [[PHONE|+90 542 377 01 37]]""",
    ),
    # ---------------------------------------------------------------- education_enrollment_lead
    (
        "education_enrollment_lead",
        "en/nepali+american",
        """Lead: {{Executive MBA – Weekend Cohort (Jan intake)}}
Source: {{LinkedIn Lead Gen}} | Lead ID {{EL-2025-00418}} | Score {{82}}

Name: [[PERSON|Sushila Gurung-Thapa]]
Current role: {{Operations Manager}}, {{Himalayan Trails Pvt. Ltd.}}
Email: [[EMAIL|sushila.gurung@himalayantrails.com.np]]
Mobile: [[PHONE|+977 984-6960511]]
Location from IP: {{Kathmandu}} ([[IP_ADDRESS|27.34.68.201]])

Advisor notes ([[PERSON|Bradley Kowalczyk]]):
- [[PERSON|Sushila]] has a {{GMAT}} waiver request pending; undergrad from {{Tribhuvan University}}.
- Wants to know if the {{$4,500}} deposit can be split. Told her the {{scholarship committee}} meets {{Dec 10}}.
- Her husband [[PERSON|Pemba]] may also apply next year.
- Best time to call: {{7:30 AM ET}} (evening in Nepal).
Next step: send the {{Financing FAQ}} + schedule a call with admissions director Dr. [[PERSON|Olivia Ferris]].""",
    ),
    (
        "education_enrollment_lead",
        "en/malaysian+chinese",
        """{"form": "{{Foundation in Engineering – Feb 2025}}",
 "submitted_at": "{{2024-11-29T03:14:55+08:00}}",
 "student": { "full_name": "[[PERSON|Muhammad Haziq bin Roslan]]", "preferred_name": "[[PERSON|Haziq]]", "mobile": "[[PHONE|016-283 7941]]", "email": "[[EMAIL|haziq.roslan07@gmail.com]]" },
 "guardian": { "full_name": "[[PERSON|Roslan bin Abdul Hamid]]", "relationship": "{{father}}", "mobile": "[[PHONE|+60 19-7811 9480]]" },
 "address": "[[ADDRESS|No. 23, Jalan SS 2/64, 47300 Petaling Jaya, Selangor]]",
 "spm_results": "{{7A 2B}}",
 "campus": "{{Subang Jaya}}",
 "scholarship_interest": true,
 "counsellor": "[[PERSON|Tan Mei Ling]]",
 "utm_campaign": "{{SPM-RESULTS-2024}}" }
Counsellor log: [[PERSON|Mei Ling]] called {{Sat}} – Encik [[PERSON|Roslan]] asked about the {{RM 2,000}} early-bird discount and the {{PTPTN}} loan.""",
    ),
    (
        "education_enrollment_lead",
        "en/ghanaian+welsh",
        """From: [[PERSON|Abena Owusu-Ansah]] <[[EMAIL|abena.owusuansah@yahoo.com]]>
To: Admissions, {{Cardiff Bay International School}}
Subject: Year 9 place for my son – {{September 2025}}

Dear Admissions Team,

My son [[PERSON|Kojo Mensah]] is currently in {{Grade 8}} at a school in {{Accra}}. We are relocating to Cardiff in {{July}} for my husband's job at {{University Hospital of Wales}}.

Could you please tell me whether there are places in {{Year 9}}, the fees for boarders vs. day pupils, and whether you accept {{WAEC}}-based transcripts? Our new address will be [[ADDRESS|14 Plasturton Gardens, Pontcanna, Cardiff CF11 9HF]].

You can reach me on [[PHONE|+233 54 604 9463]] until we move, and afterwards on [[PHONE|07489 087426]].

Kind regards,
[[PERSON|Abena]]

---
Internal ([[PERSON|Rhian Price-Llewellyn]], {{Registrar}}): Lead {{ADM-9-2025-061}}. Send the {{bursary}} form. [[PERSON|Kojo]] plays violin – copy Mr. [[PERSON|Evans]]? No, Mr. [[PERSON|Gethin Evans]] has left; copy [[PERSON|Dafydd]].""",
    ),
    (
        "education_enrollment_lead",
        "en/thai+english",
        """student_leads_export_{{20241202}}.tsv
lead_id	student	parent	phone	email	programme	status
{{TH-ENR-5501}}	[[PERSON|Pimchanok "Ploy" Srisawat]]	[[PERSON|Wichai Srisawat]]	[[PHONE|081 134 8856]]	[[EMAIL|wichai.srisawat@siamtextile.co.th]]	{{IB Diploma}}	{{Visit booked}}
{{TH-ENR-5502}}	[[PERSON|Thanawat Chaiyaporn]]	[[PERSON|Sunee Chaiyaporn]]	[[PHONE|+66 94 829 5435]]	[[EMAIL|sunee.c@hotmail.com]]	{{IGCSE}}	{{Application sent}}
{{TH-ENR-5503}}	[[PERSON|Oliver Pennington-Smythe]]	[[PERSON|Harriet Pennington]]	[[PHONE|+44 7438 905112]]	[[EMAIL|harriet.pennington@btinternet.com]]	{{Year 7}}	{{Waitlist}}

Notes from Khun [[PERSON|Nok]] (admissions, {{Bangkok}} campus):
[[PERSON|Ploy]]'s visit is {{Friday 13 Dec}}, 10:00. [[PERSON|Harriet]] asked whether the {{THB 780,000}} annual fee includes the {{Hua Hin}} residential trip – it doesn't ({{THB 18,500}} extra).""",
    ),
    (
        "education_enrollment_lead",
        "he/arab-israeli",
        """פנייה חדשה – {{קורס הכנה לפסיכומטרי}} | מחזור {{אביב 2025}}
שם התלמידה: [[PERSON|ראניה מסארווה]]
טלפון: [[PHONE|050-4472918]]
מייל: [[EMAIL|rania.massarwa@gmail.com]]
עיר: {{טייבה}}
ת"ז (לצורך מלגה): [[IL_ID|256485814]]
מקור: {{אינסטגרם}}

סיכום שיחה ([[PERSON|מור אלפסי]], {{יום ראשון}}): [[PERSON|ראניה]] בכיתה י"ב, רוצה ללמוד סיעוד ב{{אוניברסיטת תל אביב}}. מתלבטת בין הקורס המרוכז ({{₪ 5,990}}) לקורס הרגיל. אבא שלה, [[PERSON|מחמוד מסארווה]], ישלם – ביקש שנחזור אליו למספר [[PHONE|052-6649301]] אחרי {{18:00}}.
יש זכאות ל{{מלגת מפעל הפיס}} – לשלוח טופס. הכיתה הקרובה: [[ADDRESS|רחוב אחוזה 128, רעננה]] או זום.""",
    ),
    (
        "education_enrollment_lead",
        "he/ethiopian-israeli+russian-israeli",
        """ליד מקמפיין {{תואר ראשון במדעי המחשב – לימודי ערב}}
| שדה | ערך |
|---|---|
| שם מלא | [[PERSON|דור טגניה]] |
| נייד | [[PHONE|+972 54-3320871]] |
| אימייל | [[EMAIL|dor.tegegne@outlook.co.il]] |
| מוסד | {{המכללה האקדמית אשקלון}} |
| מועד פתיחה | {{אוקטובר 2025}}, {{תשרי תשפ"ו}} |
| ממליץ | [[PERSON|סבטלנה וולקובה]] (בוגרת {{2022}}) |

הערת יועצת ([[PERSON|נטע אורבך]]): [[PERSON|דור]] עובד במשמרות ב{{אינטל}} {{קריית גת}}, שואל על הכרה בקורס {{Python}} שעשה ב{{צה"ל}}. מבקש פריסת שכר לימוד ל-{{12 תשלומים}}. [[PERSON|סבטלנה]] הפנתה אותו, להעביר לה {{בונוס הפניה}} של {{₪ 500}} אם ירשם.
ל[[PERSON|דור]] {{חשוב}} ללמוד עם חברים מאותו {{דור}} – אולי לשבץ בקבוצה של {{ימי שלישי}}.""",
    ),
    (
        "education_enrollment_lead",
        "ar/emirati",
        """نموذج تسجيل – {{برنامج البكالوريوس في إدارة الأعمال}} – فصل {{خريف 2025}}
اسم الطالبة: [[PERSON|شمّة سلطان النعيمي]]
رقم الهاتف: [[PHONE|+971 58 880 0114]]
البريد الإلكتروني: [[EMAIL|shamma.alnuaimi@hotmail.com]]
الإمارة: {{عجمان}}
العنوان: [[ADDRESS|فيلا 17، شارع 8، منطقة الروضة 2، عجمان]]
ولي الأمر: [[PERSON|سلطان راشد النعيمي]] – [[PHONE|٠٥٥ ٧٣١ ٤٤٠٩]]
المعدل في الثانوية: {{94.6%}} – المسار {{المتقدم}}

ملاحظات المرشد الأكاديمي [[PERSON|أحمد يوسف]]:
تواصلت مع [[PERSON|شمّة]] يوم {{الأربعاء}}، مهتمة بمنحة {{الشيخ حمدان}} للتميز وتريد معرفة إذا كانت الدراسة مسائية. والدها طلب اجتماعاً في الحرم الجامعي في {{شارع الشيخ خليفة}} يوم {{الاثنين}}.
الرسوم: {{AED 68,000}} سنوياً، خصم الإخوة {{10%}} لأن أخاها [[PERSON|راشد]] طالب لدينا.""",
    ),
    (
        "education_enrollment_lead",
        "ar/egyptian",
        """[[PERSON|مروة]] – تسجيلات كورس {{Digital Marketing Diploma}} (دفعة {{يناير}})
١) [[PERSON|أحمد حسن عبد الحليم]] – خريج {{تجارة عين شمس}}، شغال في {{فودافون}}. رقمه [[PHONE|٠١١ ٥٩٩٦٠٣١٢]]، إيميله [[EMAIL|ahmed.hassan.abdelhalim@gmail.com]]. عايز يعرف لو فيه تقسيط على {{6 شهور}}.
٢) [[PERSON|نورهان سامي]] – بتسأل على الكورس أونلاين ولا حضوري في فرع [[ADDRESS|١٤ شارع جامعة الدول العربية، المهندسين، الجيزة]]. رقمها [[PHONE|+20 12 49481015]].
٣) الأستاذة [[PERSON|منى عبد الرؤوف]] – عايزة تسجل لبنتها [[PERSON|هدى]] وبتسأل على خصم المجموعات ({{15%}} لـ{{3 أفراد}}).
ملحوظة: سعر الكورس {{12,500 جنيه}}، والـ{{early bird}} لحد {{20 ديسمبر}}. [[PERSON|أحمد]] طلب مكالمة يوم {{السبت}} بعد {{الضهر}}.""",
    ),
    (
        "education_enrollment_lead",
        "ar/syrian+palestinian",
        """[[PERSON|لانا]]: مرحبا [[PERSON|أبو جورج]]، أنا من {{أكاديمية المستقبل}} بخصوص تسجيل [[PERSON|جورج]] بدورة {{البرمجة للأطفال}}
[[PERSON|جورج حنا شمّاس]] (الأب): أهلين، ابني اسمه [[PERSON|كريم]] مش [[PERSON|جورج]] 😄 عمره {{11}} سنة
[[PERSON|لانا]]: عفواً! تمام، [[PERSON|كريم شمّاس]]. بتفضلوا الدوام {{السبت}} الصبح؟
[[PERSON|جورج حنا شمّاس]]: إيه السبت. كم القسط؟
[[PERSON|لانا]]: {{180 دينار}} للفصل، وفي خصم إذا سجلتوا أخوه كمان
[[PERSON|جورج حنا شمّاس]]: منيح، ابعتيلي التفاصيل عالإيميل [[EMAIL|george.shammas@gmail.com]]، ورقمي [[PHONE|+962 7 9926 8685]]. وإذا ما رديت كلمي مرتي [[PERSON|ريم]] على [[PHONE|0777 936 215]]
[[PERSON|لانا]]: أكيد. الصفوف بـ[[ADDRESS|شارع وصفي التل، مجمع الحسيني، الطابق 2، عمّان]]. بيبدا الكورس {{1 شباط}} إن شاء الله""",
    ),
    (
        "education_enrollment_lead",
        "hi-en/north-indian+punjabi",
        """WhatsApp export – {{Sharda Coaching Centre}} enquiries
[02/12, 18:04] [[PERSON|Rohit Malhotra]]: Namaste ma'am, mujhe apne beta ke liye {{JEE Advanced}} crash course ke baare mein poochna tha
[02/12, 18:05] [[PERSON|Anjali Mishra]]: Ji sir, beta ka naam aur class bata dijiye
[02/12, 18:06] [[PERSON|Rohit Malhotra]]: [[PERSON|Arjun Malhotra]], {{Class 12}}, {{CBSE}}. Abhi {{Chandigarh}} mein hain, [[ADDRESS|House No. 1147, Sector 21-B, Chandigarh 160022]]
[02/12, 18:08] [[PERSON|Anjali Mishra]]: Fees {{₹1,85,000}} hai, {{3 installments}} mein de sakte hain. Batch {{6 January}} se start
[02/12, 18:09] [[PERSON|Rohit Malhotra]]: Theek hai. Mera number yahi hai, aur [[PERSON|Arjun]] ki mummy [[PERSON|Simran]] ka [[PHONE|+91 98316 40735]]. Email [[EMAIL|rohit.malhotra.chd@gmail.com]]
[02/12, 18:10] [[PERSON|Anjali Mishra]]: Perfect sir, demo class {{Sunday}} 11 baje. Main [[PERSON|Gurpreet]] sir ko bhi inform kar deti hoon""",
    ),
    # ---------------------------------------------------------------- property_tenant_request
    (
        "property_tenant_request",
        "en/brazilian+english",
        """Maintenance request {{MR-24-3381}} – {{Harbourside Lofts}}
Submitted via tenant portal {{Wed 27 Nov, 21:47}}
Tenant: [[PERSON|Thiago Carvalho Mendes]]
Unit: [[ADDRESS|Flat 7C, Harbourside Lofts, 9 Wapping Wall, London E1W 3SS]]
Phone: [[PHONE|07438 611402]]
Category: {{Plumbing – urgent}}

"Hi, water is coming through the ceiling in the bathroom from the flat above (8C I think). It started around 9pm. I've put towels down but it's getting worse. I'm home all evening; my partner [[PERSON|Rose]] will be in tomorrow morning if someone needs access."

Property manager note ([[PERSON|Imogen Hartley-Shaw]]): called [[PERSON|Thiago]] at 22:05, emergency plumber from {{Aquafix}} booked ({{job #AQ-66120}}). Upstairs tenant [[PERSON|Declan Moss]] not answering – left voicemail on [[PHONE|+44 7489 215530]]. Insurance excess {{£250}}; log against policy {{HL-BLD-0042}}. Follow up {{Thursday}} re ceiling repaint; tenant asked if the {{rose}}-pattern tiles can be matched.""",
    ),
    (
        "property_tenant_request",
        "en/malayali+emirati",
        """Subject: Lease renewal – Apartment 1806, {{Marina Pinnacle}} – contract {{EJ-RNW-2025-3312}}

Dear Ms. [[PERSON|Al Shamsi]],

My lease for [[ADDRESS|Apartment 1806, Marina Pinnacle, Al Marsa Street, Dubai Marina, Dubai]] expires on {{14 February 2025}}. I would like to renew for another year.

The renewal notice shows {{AED 118,000}}, up from {{AED 105,000}}. According to the {{RERA rental index}} the maximum increase for my unit should be {{10%}}. Could you please review?

I can pay by {{4 cheques}} as before. My {{Ejari}} number is {{0301202412}}.

Regards,
[[PERSON|Jijo Mathew Kuruvilla]]
[[PHONE|+971 52 845 6995]] | [[EMAIL|jijo.kuruvilla@gmail.com]]

---
Internal ([[PERSON|Maitha Al Shamsi]], {{Leasing}}): Index allows {{AED 115,500}} max. Offer that. [[PERSON|Jijo]] is a good tenant, no late payments since {{2021}}.""",
    ),
    (
        "property_tenant_request",
        "en/georgian+armenian",
        """ticket: {{PT-40117}}
type: {{lease_assignment_request}}
property: {{Riverside Commons}}, [[ADDRESS|4100 Van Nuys Blvd, Unit 312, Sherman Oaks, CA 91403]]
current_tenant:
  name: [[PERSON|Nino Beridze]]
  email: [[EMAIL|nino.beridze@gmail.com]]
  phone: "[[PHONE|(212) 318-7596]]"
proposed_assignee:
  name: [[PERSON|Aram Hovhannisyan]]
  email: [[EMAIL|aram.hovhannisyan@outlook.com]]
  ssn_for_screening: "[[US_SSN|357-05-0786]]"
  monthly_income: {{$9,400}}
reason: "Relocating to {{Tbilisi}} for work from {{March 1}}"
fees: { assignment: {{$350}}, screening: {{$45}} }
agent_notes: |
  [[PERSON|Nino]] and [[PERSON|Aram]] are colleagues. Screening via {{TransUnion SmartMove}}.
  Owner [[PERSON|Gregory Paulsen]] must approve; he's in {{Vail}} until {{Jan 6}}.""",
    ),
    (
        "property_tenant_request",
        "en/korean+scottish",
        """Noise complaint – {{Kelvin Court}} residents' portal
[{{2024-12-01 23:58}}] [[PERSON|Ji-woo Kang]] (Flat 2/1): Music from upstairs again, third night this week. I have an exam at {{Strathclyde}} on {{Tuesday}}.
[{{2024-12-02 00:10}}] Concierge [[PERSON|Hamish]]: Logged as {{NC-0912}}. Buzzed 3/1, no answer.
[{{2024-12-02 09:15}}] [[PERSON|Eilidh Campbell]] (Factor): Spoke to the tenant in 3/1, [[PERSON|Ross McGillivray]]. He says it was a one-off birthday. Issued first written warning per clause {{14.3}}.
[{{2024-12-02 09:20}}] [[PERSON|Ji-woo Kang]]: Thank you. For the record my address for the letter is [[ADDRESS|Flat 2/1, 27 Kelvin Drive, Glasgow G20 8QG]]. Please don't share my name with him.
[{{2024-12-02 09:31}}] [[PERSON|Eilidh Campbell]]: Understood, anonymised. If it happens again call the out-of-hours line, not my mobile ([[PHONE|07586 442019]]) – thanks [[PERSON|Ji-woo]].""",
    ),
    (
        "property_tenant_request",
        "he/french-israeli",
        """פנייה מדייר – {{מגדלי הים התיכון}}, בניין B
שם: [[PERSON|לורן בן-סימון]]
דירה: [[ADDRESS|רחוב הרברט סמואל 58, דירה 24, תל אביב-יפו]]
טלפון: [[PHONE|+33 6 63 64 02 77]] (צרפתי, בארץ רק בחגים) / [[PHONE|054-6120938]]
מייל: [[EMAIL|lauren.bensimon@free.fr]]

תוכן הפנייה: "{{שלום}}, המזגן בסלון לא עובד מאז {{יום חמישי}}. אני בפריז ואחי [[PERSON|יונתן]] נמצא בדירה. אפשר לתאם טכנאי מול [[PERSON|יונתן]]? המספר שלו [[PHONE|052-9903417]]."

טיפול: [[PERSON|אורית]] (ניהול נכס) פתחה קריאה {{SRV-11820}} מול {{תדיראן}}, ביקור ב-{{יום ראשון}} 10:00–14:00. האחריות על המזגן בתוקף עד {{08/2025}}. [[PERSON|לורן]] ביקשה חשבונית על שמה לצורך מס בצרפת.""",
    ),
    (
        "property_tenant_request",
        "he/haredi",
        """מכתב דייר – בקשה לפריסת תשלום שכר דירה
לכבוד: {{חברת נכסי ירושלים}}, מחלקת גבייה
מאת: [[PERSON|יוסף חיים שטרנבוך]]
כתובת הדירה: [[ADDRESS|רחוב מלכי ישראל 31, דירה 5, ירושלים]]
ת"ז: [[IL_ID|057607590]]
טלפון (כשר): [[PHONE|052-7655112]]

שלום רב,
בשל מצב כלכלי לא פשוט לאחר הולדת בננו, אבקש לפרוס את חוב השכירות ({{₪ 9,600}}, חודשים {{חשוון}}–{{כסלו}}) ל-{{6 תשלומים}}.
את התשלומים אשלם מחשבון [[IBAN|IL51 0110 0542 8944 0769 533]] בהוראת קבע, החל מ-{{ר"ח טבת}}.
אשתי [[PERSON|מרים]] תוכל לחתום על כל מסמך נדרש.
בכבוד רב ובתודה מראש,
[[PERSON|י. ח. שטרנבוך]]

---
הערה פנימית ([[PERSON|צביקה]]): לאשר {{5 תשלומים}}, לא 6. הדייר משלם בזמן מאז {{2019}}.""",
    ),
    (
        "property_tenant_request",
        "he/mizrahi+ukrainian",
        """[[PERSON|מורן אוחיון]] (מנהלת נכס), {{יום שני}}:
התקשרה הדיירת [[PERSON|אולנה סידורנקו]] מ-[[ADDRESS|רחוב יצחק רגר 40, דירה 11, באר שבע]]. מבקשת לסיים חוזה מוקדם – היא עוברת ל{{חיפה}} לעבודה ב{{רמב"ם}}.
לפי החוזה ({{חוזה 2023-BS-117}}) נדרשת הודעה של {{60 יום}} ודייר חלופי.
היא הציעה את חברה שלה, [[PERSON|ליאור שטרית]], [[PHONE|050-3118247]], [[EMAIL|lior.shitrit@gmail.com]].
[[PERSON|אולנה]] ביקשה להחזיר את הפיקדון ({{₪ 7,500}}) לחשבון חדש – [[IBAN|IL79 0542 4741 5259 7047 486]]. לבדוק מול [[PERSON|אליהו]] בכספים לפני שמעבירים.
[[PERSON|אולנה]] זמינה בטלפון [[PHONE|053-4471062]] אחרי {{16:00}}. להזכיר לה להחזיר {{2 מפתחות}} ו{{שלט חניה}}.""",
    ),
    (
        "property_tenant_request",
        "ar/saudi",
        """طلب صيانة – {{مجمع الياسمين السكني}} – رقم الطلب {{MNT-RUH-7719}}
اسم المستأجر: [[PERSON|عبدالمجيد بن ناصر الدوسري]]
الوحدة: [[ADDRESS|فيلا 12، مجمع الياسمين، 3187 شارع الأمير سلطان، حي الياسمين، الرياض 13325]]
الجوال: [[PHONE|٠٥٣ ٤٦٢ ٣٢٥٠]]
نوع الطلب: تسرب مياه من خزان السطح

وصف المستأجر: "السلام عليكم، الخزان يسرّب من {{يومين}} والماء نازل على جدار المجلس. أرجو إرسال فني بأسرع وقت. إذا ما رديت كلموا أخوي [[PERSON|فهد]] على [[PHONE|+966 54 742 7948]]."

ملاحظات الإدارة ([[PERSON|هيفاء القرني]]): تم تحويل الطلب إلى {{شركة الريادة للصيانة}}، الزيارة {{الأحد 8 جمادى الآخرة}} بعد {{صلاة العصر}}. تكلفة تقديرية {{850 ريال}} على المالك حسب العقد {{إيجار 10294837}}.""",
    ),
    (
        "property_tenant_request",
        "ar/lebanese+syrian",
        """[[PERSON|كارين أبي نادر]]: مرحبا، أنا ساكنة بـ[[ADDRESS|شقة 604، بناية 7، البرشاء 1، دبي]] وبدي أسأل إذا فيني جيب قطة؟ العقد ما بيذكر شي
[[PERSON|مازن الحلبي]] (إدارة العقار): أهلا مدام [[PERSON|كارين]]. حسب قوانين البناية الحيوانات الصغيرة مسموحة بس لازم تعبّي نموذج {{PET-02}} وتدفعي تأمين {{1,000 درهم}}
[[PERSON|كارين أبي نادر]]: تمام. وكمان المكيّف بغرفة النوم بيعمل صوت، ممكن حدا يشوفه؟
[[PERSON|مازن الحلبي]]: أكيد، فتحتلك طلب {{AC-5531}}، الفني بيجي {{الخميس}} بين 2 و5. مين بيكون بالبيت؟
[[PERSON|كارين أبي نادر]]: أنا بالشغل، بس جوزي [[PERSON|إيلي]] بيكون موجود، رقمه [[PHONE|+971 50 772 1846]]
[[PERSON|مازن الحلبي]]: وصلت. ولا تنسي التجديد بـ{{شباط}} – القيمة الجديدة {{72,000 درهم}}""",
    ),
    (
        "property_tenant_request",
        "nl/dutch+surinamese",
        """Onderwerp: Reparatieverzoek – schimmel in badkamer ({{melding RV-2024-8812}})

Beste [[PERSON|Sanne]],

Ik woon sinds {{april 2022}} op [[ADDRESS|Jan Evertsenstraat 188-2, 1056 EM Amsterdam]]. Sinds een paar weken zit er zwarte schimmel op het plafond van de badkamer; de ventilator doet het niet meer.

Mijn dochter [[PERSON|Djenna]] heeft astma, dus ik zou het fijn vinden als er snel iemand komt. Ik ben bereikbaar op [[PHONE|06 41837265]] of via [[EMAIL|r.kromodimedjo@ziggo.nl]].

Met vriendelijke groet,
[[PERSON|Rosita Kromodimedjo]]

---
Interne notitie ([[PERSON|Sanne de Groot-Visser]], {{Woonstichting De Key}}): {{Jan Evertsenstraat}} is al bekend bij {{Ventilatie Noord}}. Afspraak ingepland {{dinsdag 10 december}} tussen 8 en 12 uur. Huurverlaging niet van toepassing (score onder {{40 punten}}). [[PERSON|Rosita]] bellen als de monteur onderweg is.""",
    ),
    # ---------------------------------------------------------------- partner_deal_registration
    (
        "partner_deal_registration",
        "en/gujarati+american",
        """DEAL REGISTRATION FORM – PARTNER PORTAL
PARTNER: {{BRIGHTPATH SOLUTIONS LLC}} ({{Gold tier}}, partner ID {{PRT-00871}})
PARTNER REP: [[PERSON|NIRAV PATEL]] | [[EMAIL|nirav.patel@brightpath-solutions.com]] | [[PHONE|+1 713-482-0148]]
END CUSTOMER: {{LONE STAR DENTAL GROUP}}
CUSTOMER CONTACT: DR. [[PERSON|KRISTEN HALVORSEN]], {{COO}}
CUSTOMER ADDRESS: [[ADDRESS|2200 POST OAK BLVD, SUITE 1400, HOUSTON, TX 77056]]
OPPORTUNITY: {{340 seats}}, {{Enterprise annual}}, est. {{$211,000 ARR}}
EXPECTED CLOSE: {{2025-03-31}}
COMPETITION: {{HubSpot}}, {{Zoho}}

Channel manager review ([[PERSON|Courtney Blake]]): approved {{12 Dec}}, protection {{90 days}}. [[PERSON|Nirav]] already ran a POC with [[PERSON|Kristen]]'s team in {{November}}. Conflict check: direct AE [[PERSON|Mateo Ruiz]] had a {{2023}} touch but no open opp – partner wins. Reg no. {{DR-US-2024-5512}}.""",
    ),
    (
        "partner_deal_registration",
        "en/singaporean+australian",
        """POST /partner-api/v3/deal-registrations
Authorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJwYXJ0bmVyIjoiUFJULTAwMzE0In0.Qm9fVx2kR7lLpA1cZ8nW4tYe]]
{ "partner_id": "{{PRT-00314}}",
  "submitted_by": { "name": "[[PERSON|Goh Wei Jie]]", "email": "[[EMAIL|weijie.goh@lionbridge-it.sg]]", "mobile": "[[PHONE|+65 9391 7753]]" },
  "customer": { "legal_name": "{{Coral Coast Resorts Pty Ltd}}", "abn": "{{51 824 753 556}}",
    "contact": "[[PERSON|Bronwyn McAllister]]", "title": "{{IT Director}}", "phone": "[[PHONE|(07) 4051 2298]]",
    "site": "[[ADDRESS|Level 2, 15 Lake Street, Cairns City QLD 4870]]" },
  "products": ["{{Guest CRM Pro}}", "{{Loyalty Add-on}}"],
  "value_aud": {{186000}},
  "close_quarter": "{{FY25-Q3}}"
}
→ 409 CONFLICT: customer already registered by {{PRT-00122}} on {{2024-10-02}}. Notify [[PERSON|Wei Jie]] and channel lead [[PERSON|Ashleigh]].""",
    ),
    (
        "partner_deal_registration",
        "en/german+irish",
        """From: [[PERSON|Ciarán Mac Giolla Phádraig]] <[[EMAIL|ciaran.macgp@emeraldcloud.ie]]>
To: {{Partner Desk}}
Subject: Deal reg dispute – {{Brauhaus Lindner AG}} ({{DR-DE-0931}})

Hi team,

We registered {{Brauhaus Lindner}} on {{4 October}} (screenshot attached). Today your German AE, [[PERSON|Friederike Albrecht]], told their CFO [[PERSON|Konrad Lindner]] that they can buy direct at {{18%}} less. That's not how {{Platinum}} protection is supposed to work.

Customer HQ: [[ADDRESS|Brauereistraße 12, 86150 Augsburg]]. [[PERSON|Konrad]]'s number is [[PHONE|+49 151 28894413]] if you need to verify who he's been talking to.

Please escalate to [[PERSON|Grace]] in channel ops. We've put {{120 hours}} of pre-sales into this.

[[PERSON|Ciarán]]
[[PHONE|+353 87 753 0599]]

---
Channel ops ([[PERSON|Grace Adeyemi]]): confirmed partner registration valid until {{2 January}}. Reminded [[PERSON|Friederike]] of the {{RoE policy v4}}.""",
    ),
    (
        "partner_deal_registration",
        "en/egyptian-american+colombian",
        """deal_registration:
  id: {{DR-LATAM-2025-0044}}
  status: {{pending_review}}
  partner:
    company: {{Andina Digital S.A.S.}}
    rep: [[PERSON|Valentina Restrepo Ocampo]]
    rep_email: [[EMAIL|valentina.restrepo@andinadigital.co]]
    rep_phone: "[[PHONE|+57 310 9742143]]"
  customer:
    company: {{Clínica Santa María del Lago}}
    champion: Dr. [[PERSON|Andrés Felipe Gaviria]]
    address: "[[ADDRESS|Carrera 7 # 71-21, Torre B, Piso 9, Bogotá]]"
  deal:
    product: {{Patient Engagement Suite}}
    seats: {{75}}
    amount_usd: {{64,800}}
    close_date: {{2025-02-28}}
  reviewer: [[PERSON|Karim Mansour]]
  reviewer_note: >
    [[PERSON|Valentina]] says [[PERSON|Gaviria]] signed the {{LOI}} last week. Need the partner's
    {{NIT 901.442.718-3}} on file before approval.""",
    ),
    (
        "partner_deal_registration",
        "he/ashkenazi+arab-israeli",
        """רישום עסקה – שותף: {{נקסט-טק פתרונות}} ({{שותף זהב}})
נציג השותף: [[PERSON|עמית ברקוביץ]], [[EMAIL|amit.berkovich@nexttech.co.il]], [[PHONE|052-4418867]]
לקוח קצה: {{מרכז רפואי אל-אמל}}, {{שפרעם}}
איש קשר אצל הלקוח: ד"ר [[PERSON|סאמר ח'ורי]], {{מנהל מערכות מידע}}
כתובת הלקוח: [[ADDRESS|שדרות אל-אמל 2, שפרעם]]
היקף: {{220 משתמשים}}, {{₪ 396,000}} לשנה
תאריך סגירה צפוי: {{סוף רבעון 1}}

הערות מנהלת הערוץ ([[PERSON|נויה פרץ]]): [[PERSON|עמית]] ו[[PERSON|סאמר]] נפגשו פעמיים, יש {{POC}} פעיל. לוודא מול ה-{{AE}} הישיר שאין הזדמנות פתוחה; גם {{עמיתים}} מהצוות של [[PERSON|אושרת]] נפגשו עם הלקוח ב{{אוקטובר}}.
אושר ל-{{90 יום}}, מספר רישום {{DR-IL-3391}}.""",
    ),
    (
        "partner_deal_registration",
        "he/mizrahi+ethiopian-israeli",
        """[11:02] [[PERSON|רועי אזולאי]]: [[PERSON|ביניאם]], קיבלתי את רישום העסקה של {{קבוצת הראל-טק}} לחברת {{שופרסל}}?
[11:04] [[PERSON|ביניאם אדמסו]]: כן, הגשתי אתמול. איש הקשר שם זה [[PERSON|שגיא מלכה]], {{ראש מטה דיגיטל}}, הנייד שלו [[PHONE|054-3309158]]
[11:05] [[PERSON|רועי אזולאי]]: יש בעיה – [[PERSON|מיכל]] מהצוות הישיר כבר פתחה הזדמנות {{OPP-77120}} בספטמבר
[11:06] [[PERSON|ביניאם אדמסו]]: אבל היא לא נפגשה איתם. אני הבאתי את [[PERSON|שגיא]] לכנס ב{{אקספו}}
[11:08] [[PERSON|רועי אזולאי]]: אוקיי, אני מעלה את זה ל[[PERSON|אורנית]] ב-{{Partner Council}} של {{יום חמישי}}. תשלח לי את סיכום הפגישה ל[[EMAIL|roie.azulay@salesgrid.co.il]]
[11:09] [[PERSON|ביניאם אדמסו]]: שולח. סכום העסקה {{₪ 1.2M}} ל-{{3 שנים}}""",
    ),
    (
        "partner_deal_registration",
        "ar/emirati+indian",
        """طلب تسجيل صفقة – بوابة الشركاء
الشريك: {{حلول الخليج الذكية ش.ذ.م.م}} – رقم الشريك {{PRT-AE-0219}}
مقدّم الطلب: [[PERSON|راجيش نامبيار]] – [[EMAIL|rajesh.nambiar@gulfsmart.ae]] – [[PHONE|+971 54 082 6926]]
العميل: {{هيئة الطرق والمواصلات}} (قطاع المشتريات)
جهة الاتصال: [[PERSON|عائشة عبيد المهيري]]، {{مديرة التحول الرقمي}}
العنوان: [[ADDRESS|مبنى 8، المقر الرئيسي، شارع الرباط، أم الرمول، دبي]]
القيمة التقديرية: {{AED 2,400,000}}، المدة {{36 شهراً}}
ملاحظات [[PERSON|خالد بن سعيد الكعبي]] ({{مدير قنوات البيع}}): راجعنا الطلب يوم {{الإثنين}}. [[PERSON|راجيش]] سجّل الفرصة قبل {{مناقصة RTA-2025-117}} بأسبوعين، لذا الحماية سارية. الأخت [[PERSON|عائشة]] طلبت عرضاً تقنياً في {{الربع الأول}}.""",
    ),
    (
        "partner_deal_registration",
        "ar/saudi+egyptian",
        """تسجيل صفقة رقم {{DR-SA-2025-0087}} – حالة: {{قيد المراجعة}}
الشريك: {{دار المعرفة للأنظمة}} – المندوب [[PERSON|تامر صلاح الدين]]، جوال [[PHONE|+20 10 2274 8816]]، بريد [[EMAIL|tamer.salah@daralmaarifa-sys.com]]
العميل النهائي: {{جامعة الأمير سطام}}، {{الخرج}}
صاحب القرار: د. [[PERSON|عبدالإله بن محمد الشهري]]، {{عميد تقنية المعلومات}}
العنوان الوطني للعميل: [[ADDRESS|2418 طريق الملك عبدالعزيز، حي الراشدية، الخرج 16278]]
المنتجات: {{نظام إدارة علاقات الطلاب}} – {{5,000 ترخيص}}
القيمة: {{1,850,000 ريال}}
رأي مدير القناة [[PERSON|ريم الحربي]]: [[PERSON|تامر]] موجود في الرياض من {{ربيع الأول}}، والعميل طلب عرضاً يشمل {{الاستضافة المحلية}} وفق متطلبات {{NCA}}. نوافق على الحماية لمدة {{120 يوماً}} بشرط تقديم الخطة قبل {{الأحد}}.""",
    ),
    (
        "partner_deal_registration",
        "ar/kuwaiti+jordanian",
        """[[PERSON|بشار العمري]]: [[PERSON|بو يوسف]]، سجلت صفقة {{بنك الخليج}} على البوابة؟
[[PERSON|يوسف عبدالرحمن المطيري]]: إي سجلتها أمس، رقمها {{DR-KW-0412}}. بس النظام طلع لي رسالة إن في شريك ثاني مسجّل نفس العميل
[[PERSON|بشار العمري]]: غريبة. مين جهة الاتصال عندك؟
[[PERSON|يوسف عبدالرحمن المطيري]]: [[PERSON|أمل الصباح]] من إدارة المخاطر، رقمها [[PHONE|9630 5464]]، وإيميلها [[EMAIL|amal.alsabah@gbk-risk.com.kw]]. مكتبها في [[ADDRESS|برج بنك الخليج، شارع مبارك الكبير، قطعة 3، الشرق، الكويت]]
[[PERSON|بشار العمري]]: تمام. الشريك الثاني سجّل {{مشروع الامتثال}} مو {{مشروع CRM}}، يعني ما في تعارض على {{أمل}} إن شاء الله 😄 بحكي مع [[PERSON|سارة]] بقسم القنوات اليوم
[[PERSON|يوسف عبدالرحمن المطيري]]: مشكور، القيمة {{95,000 د.ك}}""",
    ),
    (
        "partner_deal_registration",
        "pl/polish+ukrainian",
        """Temat: Rejestracja szansy sprzedaży – {{Mleczarnia Pod Lasem Sp. z o.o.}} ({{REJ-PL-2025-019}})

Dzień dobry Pani [[PERSON|Agnieszko]],

zgłaszamy nową szansę w ramach programu partnerskiego ({{poziom Srebrny}}):

Klient: {{Mleczarnia Pod Lasem Sp. z o.o.}}, [[ADDRESS|ul. Kościuszki 47, 34-100 Wadowice]]
NIP: {{551-238-40-17}}
Osoba decyzyjna: [[PERSON|Bogdan Wróblewski]], {{Prezes Zarządu}}, tel. [[PHONE|669 933 263]]
Zakres: {{CRM dla 45 przedstawicieli handlowych}}, wartość ok. {{180 000 zł}} netto
Przewidywane zamknięcie: {{koniec marca}}

Po stronie partnera szansę prowadzi [[PERSON|Oksana Melnyk]] ([[EMAIL|oksana.melnyk@integrasoft.pl]], [[PHONE|+48 506 662 682]]). Pan [[PERSON|Bogdan]] prosi o demo w {{czwartek}} w Krakowie.

Z poważaniem,
[[PERSON|Paweł Zieliński-Nowak]]
{{Dyrektor Sprzedaży}}, {{IntegraSoft}}""",
    ),
    # ---------------------------------------------------------------- product_feedback_synthesis
    (
        "product_feedback_synthesis",
        "en/mixed-anglo+yoruba+japanese",
        """# Feedback synthesis – {{Mobile App 6.x}}, {{Q4 2024}}
Prepared by [[PERSON|Harriet Olusegun-Banks]] ({{Product Ops}}) for the {{Roadmap Council}}, {{9 Dec}}.

## Theme 1 – Offline mode (14 accounts)
"Our reps lose the whole visit note when they go through the {{Blackwall Tunnel}}." – [[PERSON|Gareth Pryce]], {{Field Sales Lead}}, {{Medisure UK}}
"We need offline for rural {{Kyushu}}." – [[PERSON|Takumi Arakawa]], {{Nishi Pharma}} (ticket {{SUP-55120}})

## Theme 2 – Call logging (9 accounts)
[[PERSON|Folake Adeyemi]] ({{Lagos}}) sent a screen recording showing duplicate call logs on {{Android 14}}. Her contact for the follow-up interview: [[EMAIL|folake.adeyemi@paystack-partners.ng]].

## Theme 3 – Pricing
Three admins said the {{Teams}} plan jump ({{$39 → $65}}) is too steep. [[PERSON|Gareth]] will churn at renewal ({{March}}) unless we offer a mid tier.

Next: [[PERSON|Harriet]] + [[PERSON|Ravi]] to size offline mode ({{EPIC-812}}) by {{Jan 15}}.""",
    ),
    (
        "product_feedback_synthesis",
        "en/irish+filipino+emirati",
        """| Customer | Quote / request | Segment | ARR | Owner |
|---|---|---|---|---|
| {{Shannon Foods}} – [[PERSON|Orla Ní Dhomhnaill]] | "The {{pipeline board}} freezes above 2,000 cards." | {{Mid-market}} | {{€84k}} | [[PERSON|Conor]] |
| {{Manila Water Tech}} – [[PERSON|Jericho Bautista]] | "Let us set quotas per {{barangay}} territory." | {{SMB}} | {{$22k}} | [[PERSON|Ana Reyes]] |
| {{Al Masaood Trading}} – [[PERSON|Saeed Al Hammadi]] | "Arabic PDF quotes still render right-to-left wrong." | {{Enterprise}} | {{AED 410k}} | [[PERSON|Conor]] |

Summary ([[PERSON|Conor Fitzgibbon]]): right-to-left rendering ({{BUG-3317}}) is the only item tied to revenue at risk – [[PERSON|Saeed]] mentioned it on three calls and his team now exports to {{Excel}} instead. [[PERSON|Orla]]'s performance issue is reproducible on {{v6.4.1}}. [[PERSON|Jericho]] offered to join a design session; his number is [[PHONE|+63 918 701 5390]]. Everyone was {{frank}} about pricing, but nobody threatened to leave over it.""",
    ),
    (
        "product_feedback_synthesis",
        "en/american+korean",
        """JIRA {{PFB-2291}} – "Customers want AI call summaries in the contact timeline"
Reporter: [[PERSON|Danielle Okafor-Simmons]] | Priority: {{P2}} | Component: {{Conversation Intelligence}}
Linked tickets: {{ZD-88120}}, {{ZD-88131}}, {{ZD-88402}}

Evidence:
- {{Crestline Realty}}: [[PERSON|Min-jun Seo]] ([[EMAIL|minjun.seo@crestlinerealty.com]]) – "my agents won't read a {{40-minute}} transcript, give me 5 bullets".
- {{Oakhurst Insurance}}: admin [[PERSON|Bill Hendricks]] asked that summaries skip anything said before the recording disclaimer. (He also mentioned his {{bill}} went up {{12%}} – separate thread.)
- Gong-style export requested by 6/11 interviewees.

Privacy note: the sample transcript [[PERSON|Min-jun]] attached contains a customer's card number ([[CREDIT_CARD|4020 8723 3552 5135]]) read aloud – deleted from {{S3}} bucket {{feedback-raw}}, see {{SEC-1092}}.
Owner: [[PERSON|Priyanka]].""",
    ),
    (
        "product_feedback_synthesis",
        "en/south-african+scandinavian",
        """Interview notes – {{Churn risk}} synthesis, {{Nordics + ZA}} ({{Nov 2024}})

1. [[PERSON|Sipho Dlamini]], {{Head of Sales Ops}}, {{Karoo Solar}} ({{Cape Town}})
   - Loves {{territory maps}}, hates the mobile sync ("{{15 min}} delay is a deal-breaker").
   - {{Will}} share his screen again {{Thursday}}; cell [[PHONE|083 807 5092]].
2. [[PERSON|Ingrid Solberg-Haugen]], {{CRO}}, {{Fjordline Marine AS}}
   - Needs {{Norwegian}} date formats; current export uses {{MM/DD}}.
   - Considering {{Pipedrive}} at renewal ({{1 April}}).
3. [[PERSON|Lars Kjærgaard]], {{RevOps}}, {{Nordhavn Logistik}}
   - Asked for {{SAML}} group sync. "[[PERSON|Ingrid]] told me you have it – do you?" (we don't).

Synthesis by [[PERSON|Thandiwe Nkosi]]: mobile sync and localisation are the two fixable churn drivers. [[PERSON|Sipho]] and [[PERSON|Lars]] both willing to beta {{v7.0}}.""",
    ),
    (
        "product_feedback_synthesis",
        "he/ashkenazi+mizrahi",
        """סיכום משובים – {{מודול הצעות מחיר}}, רבעון {{Q4}}
נכתב ע"י [[PERSON|שקד ויינברג]] ({{מנהלת מוצר}})

1. ביצועים: {{7 לקוחות}} התלוננו שהפקת PDF לוקחת מעל {{20 שניות}}. [[PERSON|אבי חדד]] מ{{חדד מיזוג אוויר}} אמר: "הטכנאים מחכים בבית של הלקוח כמו פראיירים".
2. עברית ומספרים: כשיש מק"ט כמו {{AC-12/5}} בתוך טקסט בעברית, הכיוון מתהפך. [[PERSON|רונית טולדנו]] שלחה צילומי מסך ל[[EMAIL|shaked.w@quotewise.co.il]].
3. מחיר: {{חבילת Business}} ב-{{₪ 149}} למשתמש נתפסת כיקרה. עם זאת, [[PERSON|אבי]] מוכן לשלם יותר אם תהיה חתימה דיגיטלית.
4. בקשה חוזרת: שמות מוצרים ארוכים כמו "{{שקד}} קלוי בדבש" בקטלוג של {{שקדיה – פיצוחים}} נחתכים אחרי {{30 תווים}}.

המלצה: לתעדף את באג הכיוון ({{BUG-4410}}) לפני {{פסח}}. [[PERSON|שקד]] תתאם ראיונות המשך עם [[PERSON|רונית]].""",
    ),
    (
        "product_feedback_synthesis",
        "he/russian-israeli+druze",
        """פלט ממערכת ניתוח שיחות – תגיות משוב, {{דצמבר 2024}}
| לקוח | דובר | ציטוט | תגית |
|---|---|---|---|
| {{מאפיית לחם הארץ}} | [[PERSON|דמיטרי פולקוב]] | "הסנכרון עם {{Priority}} נופל כל לילה" | {{אינטגרציות}} |
| {{יקב הר הכרמל}} | [[PERSON|נזיה אבו-רוקן]] | "אנחנו צריכים את הממשק גם בערבית" | {{לוקליזציה}} |
| {{סטודיו דיזנגוף}} | [[PERSON|דניאל ליברמן]] | "הדשבורד מעולה, אבל הדוחות איטיים" | {{ביצועים}} |

הערות האנליסט ([[PERSON|מרינה גולדשטיין]]):
- [[PERSON|דמיטרי]] ביקש שנחזור אליו ל-[[PHONE|054-7712390]]; הוא שקל לעבור ל{{Salesforce}}.
- [[PERSON|נזיה]] מוכנה להשתתף בבטא של {{ממשק ערבית v2}}.
- {{דיזנגוף}} כאן זה שם הסטודיו, לא הרחוב. [[PERSON|דניאל]] רוצה ייצוא ל-{{Excel}} עם {{RTL}} תקין.""",
    ),
    (
        "product_feedback_synthesis",
        "he/ethiopian-israeli+french-israeli",
        """שרשור סלאק #voice-of-customer
[[PERSON|אור טקלה]] 10:14: מישהו ראה את המשוב של {{רשת אופטיקה עין טובה}}?
[[PERSON|מאיה אטלן]] 10:16: כן, [[PERSON|ז'קלין בוחבוט]] (מנהלת הרשת) שלחה מייל ארוך. בקצרה: {{תזכורות SMS}} לא נשלחות ללקוחות עם מספר חו"ל, למשל [[PHONE|+33 6 72 47 29 12]] של לקוחה צרפתייה שלהם
[[PERSON|אור טקלה]] 10:18: אוי. זה הבאג של {{E.164}} ({{BUG-5120}}). ומה עוד?
[[PERSON|מאיה אטלן]] 10:19: היא רוצה {{יומן תורים}} משותף ל-{{12 סניפים}}. ו[[PERSON|ז'קלין]] אמרה שה{{אור}} בממשק הכהה "מסנוור" 😅
[[PERSON|אור טקלה]] 10:21: חח לא אני. אוסיף לסיכום החודשי. [[PERSON|מאיה]], תשלחי לי את המייל המקורי? [[EMAIL|or.tekle@clinicflow.co.il]]
[[PERSON|מאיה אטלן]] 10:22: שלחתי. היא מבקשת תשובה עד {{יום חמישי}}""",
    ),
    (
        "product_feedback_synthesis",
        "ar/emirati+pakistani",
        """ملخص ملاحظات العملاء – {{تطبيق المندوب الميداني}} – {{الربع الرابع}}
أعدّه: [[PERSON|حمد الشامسي]]، {{مدير المنتج}}

١. اللغة العربية: قالت [[PERSON|مريم الظاهري]] من {{مجموعة العين للأغذية}}: "الأرقام تظهر بالإنجليزية حتى لو الواجهة عربية". العميل يطلب خيار الأرقام الهندية.
٢. المزامنة: [[PERSON|عمران شاهد]] ({{مشرف المبيعات}}، {{دبي}}) أرسل سجلات تثبت فقدان زيارات عند ضعف الشبكة في {{حتا}}. رقمه للمتابعة [[PHONE|+92 333 1512235]] (في إجازة في {{لاهور}} حتى {{15 يناير}}).
٣. التسعير: {{الباقة المتقدمة}} بسعر {{AED 95}} للمستخدم مقبولة، لكن [[PERSON|مريم]] تريد خصماً لـ{{200 مستخدم}}.
٤. فكرة جميلة من [[PERSON|عمران]]: إضافة زر "{{نور}}" لتشغيل فلاش الكاميرا عند تصوير الرفوف.

التوصية: معالجة الأرقام ({{FEAT-2208}}) قبل {{رمضان}}.""",
    ),
    (
        "product_feedback_synthesis",
        "ar/levantine+iraqi",
        """[[PERSON|سلمى قبّاني]]: جمعت ملاحظات المقابلات التسعة عن {{لوحة التقارير الجديدة}}، هي الخلاصة:
- [[PERSON|أبو رامي]] (صاحب {{محلات الشام للإلكترونيات}}) بيقول "التقارير حلوة بس ما بعرف صدّرها PDF"
- [[PERSON|علي كاظم الموسوي]] من {{بغداد}} كال إن الـ{{dashboard}} بطيء كلش وقت الذروة، وطلب نرجعله على [[EMAIL|ali.almousawi@rafidain-trading.iq]]
- [[PERSON|رنا]] من {{عمّان}} حبّت الفلاتر، بس بدها فلتر حسب {{المحافظة}}
[[PERSON|طارق نصر الله]]: منيح. شو أولويتنا؟
[[PERSON|سلمى قبّاني]]: التصدير PDF أولاً ({{FEAT-901}})، بعدين الأداء ({{PERF-77}}). [[PERSON|علي]] مستعد يجرّب النسخة التجريبية {{v2.3-beta}} الأسبوع الجاي
[[PERSON|طارق نصر الله]]: تمام، حطيها بـ{{Roadmap}} تبع {{شباط}}""",
    ),
    (
        "product_feedback_synthesis",
        "uk/ukrainian",
        """Тема: Зведення відгуків клієнтів – {{мобільний CRM}}, {{листопад 2024}}

Колеги,

коротко про головне з {{23 інтерв'ю}}:

1. Офлайн-режим – найчастіший запит. [[PERSON|Олександра Коваленко-Шевчук]] ({{Агро-Світанок}}, {{Вінниця}}) каже, що торгові представники в полях втрачають нотатки.
2. Українська локалізація дат: [[PERSON|Тарас Бондар]] ({{Львівські Пекарні}}) надіслав скріншоти на [[EMAIL|taras.bondar@lvivbakery.ua]]; просить формат {{ДД.ММ.РРРР}}.
3. Ціна: тариф {{Стандарт}} ({{€29}} за користувача) прийнятний, але потрібна знижка для {{50+}} ліцензій.
4. [[PERSON|Тарас]] готовий до бета-тесту {{v5.1}}; його мобільний [[PHONE|+380 67 958 6366]].

Пропоную обговорити в {{четвер}} на {{Product Review}}. [[PERSON|Олександра]] теж хоче приєднатися онлайн.

З повагою,
[[PERSON|Ірина Мельничук]]
{{Product Manager}}""",
    ),
    # ---------------------------------------------------------------- field_sales_route_plan
    (
        "field_sales_route_plan",
        "en/american+mexican",
        """Route plan – [[PERSON|Carlos Ibarra-Whitman]] – {{Tuesday, Jan 14}} – territory {{TX-CENTRAL-04}}

| # | Time | Account | Contact | Address | Goal |
|---|---|---|---|---|---|
| 1 | 08:30 | {{Hill Country Vet Clinic}} | Dr. [[PERSON|Amy Reinholt]] | [[ADDRESS|1207 W Anderson Ln, Austin, TX 78757]] | renewal, {{12 seats}} |
| 2 | 10:15 | {{Lockhart Feed & Supply}} | [[PERSON|Jesús "Chuy" Balderas]] | [[ADDRESS|315 S Commerce St, Lockhart, TX 78644]] | demo {{Inventory add-on}} |
| 3 | 13:00 | {{San Marcos Outfitters}} | [[PERSON|Brynn Tollefson]] | {{Hopkins St}} store (no appt) | drop-in |
| 4 | 15:30 | {{Kyle Family Dental}} | [[PERSON|Maya Guerrero]] | [[ADDRESS|5300 Kyle Center Dr, Kyle, TX 78640]] | close {{Q-2207}} |

Mileage est. {{118 mi}}. [[PERSON|Chuy]] only answers his cell: [[PHONE|(512) 398-4471]]. [[PERSON|Brynn]] is a cold drop-in, bring the {{spring promo}} flyer. Manager: [[PERSON|Denise Yarbrough]].""",
    ),
    (
        "field_sales_route_plan",
        "en/kenyan+indian",
        """Field plan {{Week 7}} – {{Nairobi East}} route (rep: [[PERSON|Brian Kiprotich]])
Mon
 - {{Eastleigh}}: {{Amana Pharmacy}}, ask for [[PERSON|Hodan Mohamed]], [[PHONE|0711 482 903]]. Restock {{SKU PX-2210}}.
 - {{Industrial Area}}: {{Patel Hardware Ltd}}, [[PERSON|Mehul Patel]], [[ADDRESS|Enterprise Road, Plot 209/8341, Nairobi]]. Collect cheque {{KES 184,500}} (invoice {{INV-KE-7781}}).
Tue
 - {{Thika}}: {{Blue Post Hotel}} – meet [[PERSON|Grace Wambui]], procurement; she asked for the {{hotel amenities}} catalogue.
 - {{Juja}}: new lead from the {{JKUAT}} fair, [[PERSON|Njeri Kamau]], [[PHONE|+254 111 891845]].
Wed – office, {{CRM}} updates, call [[PERSON|Mehul]] if the cheque bounced.
Notes ([[PERSON|Anita Sharma]], {{Regional Manager}}): fuel allowance {{KES 6,000}}/week. Check in via app, GPS last seen at [[IP_ADDRESS|41.90.64.217]] (Safaricom) – fine.""",
    ),
    (
        "field_sales_route_plan",
        "en/greek+australian",
        """From: [[PERSON|Stavros Kalogeropoulos]] <[[EMAIL|stavros.k@aegeanfoods.com.au]]>
To: [[PERSON|Mia Thompson]]
Subject: Thursday route – {{Melbourne}} north

Hi [[PERSON|Mia]],

Here's what I've planned for {{Thursday 23 Jan}}:

7:45  {{Preston Market}} – {{Kalamata Deli}}, [[PERSON|Yiannis Papas]] (owner). Stall B14. Taste test for the new {{feta line}}.
9:30  [[ADDRESS|412 Sydney Road, Brunswick VIC 3056]] – {{Olive & Vine Grocers}}, [[PERSON|Leila Haddad]]. She wants {{10%}} off on {{20+ cases}}.
12:00 {{Epping Plaza}} – {{Woolworths}} category manager [[PERSON|Josh]]. Confirm planogram {{PLN-VIC-88}}.
14:30 [[ADDRESS|3/27 Commercial Drive, Thomastown VIC 3074]] – warehouse, collect samples.

If anything moves I'm on [[PHONE|0468 624 425]]. [[PERSON|Yiannis]] said his son [[PERSON|Nick]] might be there instead.

Cheers,
[[PERSON|Stavros]]""",
    ),
    (
        "field_sales_route_plan",
        "en/polish+scottish+pakistani",
        """route_optimizer_output ({{v2.6.0}}) rep_id={{REP-UK-0912}} rep="[[PERSON|Zofia Malinowska]]" date={{2025-01-16}}
stop_01 eta=08:40 account={{Clyde Valley Garden Centre}} contact="[[PERSON|Alasdair Crichton]]" addr="[[ADDRESS|Lanark Road, Crossford, Carluke ML8 5QF]]" dwell=45m
stop_02 eta=10:05 account={{Hamilton Tile Warehouse}} contact="[[PERSON|Imran Qureshi]]" addr="[[ADDRESS|48 Burnbank Road, Hamilton ML3 9AA]]" dwell=30m phone="[[PHONE|07586 337120]]"
stop_03 eta=11:30 account={{Wallace Arms Hotel}} contact="[[PERSON|Kirsty]]" addr="{{Main St}}, {{Bothwell}}" dwell=20m
stop_04 eta=13:45 account={{Glasgow Fort}} kiosk contact=none dwell=15m
total_distance={{94.2 km}} fuel_est={{£14.70}}
warnings: stop_03 missing house number, geocoded to street centroid
manager_note ([[PERSON|Gordon Baird]]): [[PERSON|Zofia]], [[PERSON|Imran]] asked for the {{porcelain range}} price list before you arrive.""",
    ),
    (
        "field_sales_route_plan",
        "he/mizrahi+druze",
        """תכנית סיור – [[PERSON|אופיר עזרא]] | {{יום רביעי}} | אזור {{צפון}}
07:30 יציאה מ{{חיפה}}
08:30 {{מרכולי הכפר}}, {{דלית אל-כרמל}} – פגישה עם [[PERSON|נאיף חלבי]], [[PHONE|050-6682413]]. להציג מבצע {{חנוכה}}.
10:00 {{סופר גולן}}, [[ADDRESS|רחוב הנשיא 21, קריית שמונה]] – [[PERSON|אורלי בן דוד]] (מנהלת רכש). לגבות צ'ק {{₪ 12,300}} עבור חשבונית {{INV-5512}}.
12:30 ארוחת צהריים ב{{ראש פינה}}
13:30 {{מחסני מג'דל שמס}} – [[PERSON|ווסים אבו-סאלח]], [[PHONE|054-8823104]]. הוא ביקש שנדבר עם [[PERSON|אבו-סאלח]] האב לגבי {{הנחת כמות}}.
15:30 {{בית הכרם}} – ביקור ללא תיאום
הערות המנהל ([[PERSON|דורון]]): לדווח ב{{אפליקציה}} אחרי כל ביקור. [[PERSON|נאיף]] לקוח ותיק מאז {{2016}}, לא להתווכח על מחיר.""",
    ),
    (
        "field_sales_route_plan",
        "he/haredi+ethiopian-israeli",
        """מסלול שבועי – נציג: [[PERSON|אליעזר (לייזר) פרידמן]] | אזור {{ירושלים}} ו{{בית שמש}}
| יום | לקוח | איש קשר | כתובת | מטרה |
|---|---|---|---|---|
| ראשון | {{ספרי חכמה}} | ר' [[PERSON|נפתלי ברוייאר]] | [[ADDRESS|רחוב חגי 14, ירושלים]] | הזמנה ל{{פסח}} |
| שני | {{מעדני שמחה}} | [[PERSON|טל בירהנו]] | [[ADDRESS|רחוב נהר הירדן 9, בית שמש]] | הצגת {{קו כשר למהדרין}} |
| שלישי | משרד – עבודה במערכת | | | |
| רביעי | {{אופטיקה ברחוב יפו}} | [[PERSON|חיה שרה גולדברג]] | {{רחוב יפו}}, ללא מספר בית | ליד חם מ{{כנס}} |
הערה של [[PERSON|לייזר]]: [[PERSON|טל]] מעדיפה וואטסאפ, [[PHONE|053-2270419]]. לא לקבוע פגישות ב{{ערב שבת}}. דמי חניה {{₪ 45}} ליום.""",
    ),
    (
        "field_sales_route_plan",
        "ar/saudi",
        """خطة الزيارات الأسبوعية – المندوب: [[PERSON|تركي بن سعد العتيبي]] – المنطقة الشرقية
الأحد:
• {{الدمام}} – {{مستودعات الخليج الطبية}} – المسؤول: م. [[PERSON|هشام الغامدي]] – العنوان: [[ADDRESS|8123 طريق الملك سعود، حي الفيصلية، الدمام 32272]] – الهدف: تجديد عقد {{CTR-EP-2291}}
• {{الخبر}} – {{صيدليات الدواء}} فرع {{الكورنيش}} – بدون موعد
الاثنين:
• {{الجبيل}} – {{شركة سدير للمقاولات}} – [[PERSON|عبدالرحمن الخالدي]] – جوال [[PHONE|٠٥٥ ٨٩٠ ٠٩٤٧]] – عرض {{نظام إدارة الأسطول}}
الثلاثاء:
• {{الأحساء}} – لقاء مع [[PERSON|أبو ناصر]] صاحب {{مزارع النخيل الذهبية}} لمتابعة الطلب {{PO-2025-118}}
ملاحظة مدير المبيعات [[PERSON|ماجد القحطاني]]: بدل السكن {{350 ريال}} لليلة في الأحساء، والرجاء تحديث النظام قبل {{الخميس}}.""",
    ),
    (
        "field_sales_route_plan",
        "ar/egyptian+sudanese",
        """خط سير المندوب [[PERSON|محمود السيد عبد العال]] – {{الأربعاء 15 يناير}}
٨:٣٠ – {{صيدلية الشفاء}}، [[ADDRESS|٢٣ شارع عباس العقاد، مدينة نصر، القاهرة]] – دكتورة [[PERSON|هبة]] عايزة عرض على {{خط الفيتامينات}}
١٠:٣٠ – {{مستشفى النيل التخصصي}} – مقابلة مع مدير المشتريات [[PERSON|عادل منصور]]، موبايله [[PHONE|٠١٥ ٥٩٦٦٦٢٦٤]]
١:٠٠ – غدا في {{روكسي}}
٢:٣٠ – {{شركة الخرطوم للأدوية}} فرع مصر – [[PERSON|عوض الكريم محمد نور]]، سوداني، بيتابع توريد {{3,000 علبة}}، رقمه السوداني [[PHONE|+249 91 226 1020]]
ملاحظات: شارع {{عباس العقاد}} زحمة جداً بعد الضهر، ابدأ بيه بدري. خلي بالك إن {{نور}} الشارع بيقطع ساعات، اركن قدام البنك. [[PERSON|عادل]] عايز خصم {{12%}}، مسموح لحد {{8%}} بس.""",
    ),
    (
        "field_sales_route_plan",
        "ar/moroccan+tunisian",
        """برنامج الزيارات – [[PERSON|هشام الإدريسي]] – أسبوع {{3 فبراير}}
| النهار | المدينة | الكليان | الاتصال | الملاحظة |
|---|---|---|---|---|
| الاثنين | {{طنجة}} | {{مطاحن البوغاز}} | [[PERSON|عبد اللطيف الشاوني]] – [[PHONE|06 05 20 78 13]] | عرض {{الباقة الصناعية}} |
| الثلاثاء | {{تطوان}} | {{أسواق الريف}} | [[PERSON|سهام البقالي]] | [[ADDRESS|18 شارع محمد الخامس، تطوان 93000]] |
| الأربعاء | {{فاس}} | {{تعاونية زيتون سايس}} | [[PERSON|مراد بن يوسف]] (تونسي، شريك) – [[PHONE|+216 53 838 936]] | توقيع العقد {{CT-MA-204}} |
| الخميس | الرجوع ل{{الدار البيضاء}} | – | – | تقرير |
ملاحظة من [[PERSON|نادية]]: {{شارع محمد الخامس}} كاين فكل مدينة، تأكد من الرقم. [[PERSON|سهام]] بغات تخفيض {{5%}}.""",
    ),
    (
        "field_sales_route_plan",
        "tl-en/filipino",
        """Route plan for {{Friday}} – [[PERSON|Jhun-Jhun Macaraeg]] ({{Area Sales Supervisor}}, {{Cavite–Laguna}})

7:00 AM – alis from {{Imus}} hub
8:00 AM – {{Puregold}} {{Dasmariñas}}: meet Ma'am [[PERSON|Liza Pangilinan]], store manager. Follow up yung {{PO #PG-88120}}, kulang pa ng {{24 cases}}.
10:30 AM – {{Sari-sari cluster}} sa {{Barangay Salitran}} – 6 stores, cash sales only
1:00 PM – [[ADDRESS|Blk 12 Lot 7, Mabini St., Brgy. Poblacion, Sta. Rosa, Laguna 4026]] – {{Aling Nena's Carinderia}}, bagong account. Contact: [[PERSON|Nenita "Aling Nena" Salazar]], [[PHONE|0927 352 7675]]
3:30 PM – {{SM Calamba}} – quick check sa display, kausapin si [[PERSON|Kevin]] from merchandising
5:00 PM – update sa {{CRM}} at i-send kay Sir [[PERSON|Paolo]] ang {{DSR}}

Notes: Target today {{₱85,000}}. Kung traffic sa {{Aguinaldo Highway}}, i-swap ang stop 3 and 4. Aling [[PERSON|Nena]] prefers text, wag tawagan before 9.""",
    ),
    # ---------------------------------------------------------------- sales_call_coaching_feedback
    (
        "sales_call_coaching_feedback",
        "en/igbo+american",
        """Coaching scorecard – call {{REC-20250114-0932}} ({{Gong}})
Rep: [[PERSON|Faith Okonkwo]] | Coach: [[PERSON|Derrick Lamontagne]] | Prospect: [[PERSON|Steve Ambrosini]], {{VP Operations}}, {{Midwest Cold Storage}}

Discovery – {{3/5}}: Good open question on their {{WMS}} pain. You jumped to pricing at 11:40 before confirming budget owner.
Talk ratio – {{68%}} rep / {{32%}} prospect. Target is under {{50%}}.
Objection handling – {{4/5}}: When [[PERSON|Steve]] said "we tried this with {{Manhattan Associates}}", you stayed calm and asked what broke. Great.
Next steps – {{2/5}}: No date booked. You said you'd "send something over" – always book the follow-up live.

Compliance: at 18:22 [[PERSON|Steve]] read out his direct line [[PHONE|(312) 642-7743]] and his assistant's email [[EMAIL|k.mbeki@midwestcold.com]]. That's fine in the CRM, but please don't paste call snippets with numbers into {{Slack}}.

[[PERSON|Faith]], keep the {{faith}} – this was your best discovery call yet. – [[PERSON|Derrick]]""",
    ),
    (
        "sales_call_coaching_feedback",
        "en/indian-tamil+canadian",
        """1:1 notes – [[PERSON|Will Thibodeau]] (coach) ↔ [[PERSON|Kavya Raghunathan]] (SDR), {{Fri 10 Jan}}

Reviewed 3 cold calls from {{Tuesday}}:
• Call to [[PERSON|Marc-André Gagnon]] ({{Groupe Laurentide}}): opener too long ({{42 s}}). Try the {{15-second}} pattern: name, reason, question.
• Call to [[PERSON|Priya Sundar]] ({{Maple Leaf Clinics}}): you nailed the referral hook ("Dr. [[PERSON|Osei]] suggested I call"). She booked a demo for {{Jan 21}}.
• Voicemail for [[PERSON|Tom Kowalski]]: you left your number wrong – said [[PHONE|416-792-3381]] instead of your desk line [[PHONE|+1 416-792-3318]]. Fix in the template.

Goals for next week: {{60 dials}}, {{8 conversations}}, {{3 meetings}}. We {{will}} role-play pricing objections on {{Wednesday}}.
[[PERSON|Kavya]] asked for {{MEDDICC}} training – added to the {{Q1 enablement}} plan.""",
    ),
    (
        "sales_call_coaching_feedback",
        "en/ghanaian+english+chinese",
        """Call review thread – #coaching-emea
[[PERSON|Yaw Darko-Boateng]] 09:12: Can someone review my call with {{Thames Valley Housing}}? Link in {{Chorus}}, call {{CH-77120}}. I think I lost them at pricing.
[[PERSON|Helen Marsh]] 09:40: Listened. Positives: your agenda at the start was crisp, and you handled [[PERSON|Colin]]'s GDPR question well.
[[PERSON|Helen Marsh]] 09:42: Improve: when [[PERSON|Colin Ashdown]] said "{{£40k}} is more than we budgeted", you immediately offered {{15%}} off. Ask what budget they DO have first.
[[PERSON|Yaw Darko-Boateng]] 09:45: Fair. He did say their finance lead [[PERSON|Wen Li]] signs off anything over {{£25k}}.
[[PERSON|Helen Marsh]] 09:47: Then get [[PERSON|Wen Li]] on the next call. Her email's in the account already? [[EMAIL|wen.li@tvhousing.org.uk]]
[[PERSON|Yaw Darko-Boateng]] 09:48: Yep. Booking for {{Thursday}}.
[[PERSON|Helen Marsh]] 09:49: 👍 and next time don't mention the {{Q4}} discount on a first call.""",
    ),
    (
        "sales_call_coaching_feedback",
        "en/brazilian+irish",
        """{"call_id": "{{CALL-88120}}",
 "rep": "[[PERSON|Rafaela Bittencourt]]",
 "reviewer": "[[PERSON|Seán Ó Riordáin]]",
 "prospect": {"name": "[[PERSON|Gustavo Henrique Lacerda]]", "company": "{{Logística Rio Verde}}", "phone": "[[PHONE|+55 31 97264-0897]]"},
 "scores": {"opening": {{4}}, "discovery": {{3}}, "demo": {{5}}, "close": {{2}}},
 "strengths": "Tailored the demo to their {{fleet tracking}} use case; [[PERSON|Gustavo]] laughed twice, good rapport.",
 "improve": "Didn't ask about decision process. He mentioned his boss Dona [[PERSON|Cláudia]] – we need to know her role.",
 "ai_summary_flags": ["prospect_shared_card_on_call"],
 "ai_summary_note": "Prospect read card [[CREDIT_CARD|5326 2393 7045 0520]] to 'reserve the discount' – rep correctly stopped him. Audio segment purged per {{PCI-DSS 4.0}}.",
 "follow_up_due": "{{2025-01-22}}"}""",
    ),
    (
        "sales_call_coaching_feedback",
        "he/ashkenazi+mizrahi",
        """משוב שיחה – נציג: [[PERSON|נועם גרוסמן]] | מאמנת: [[PERSON|הילה אוחנה]] | שיחה {{CALL-IL-5512}}
לקוח פוטנציאלי: [[PERSON|משה (מוטי) אלקיים]], {{מנכ"ל}} {{אלקיים שיווק והפצה}}

מה עבד:
- פתיחה טובה, הזכרת את הכנס ב{{אילת}} ו[[PERSON|מוטי]] מיד נפתח.
- שאלת על מספר הסוכנים בשטח ({{34}}) לפני שדיברת על מחיר. מצוין.

לשיפור:
- כש[[PERSON|מוטי]] אמר "אנחנו עובדים עם {{אקסל}} כבר {{15 שנה}}", עברת להדגמה. עדיף לשאול מה הכי מתסכל אותו באקסל.
- לא קבעת צעד הבא. הוא נתן לך את הנייד שלו [[PHONE|050-2238716]] – תשתמש בזה היום.
- מדברים יותר מדי: {{71%}} זמן דיבור.

ציון כולל: {{72/100}}. [[PERSON|נועם]], אתה בכיוון הנכון. {{שלום}} ותודה – [[PERSON|הילה]]""",
    ),
    (
        "sales_call_coaching_feedback",
        "he/arab-israeli+russian-israeli",
        """סיכום אימון שבועי – צוות {{SMB}}
| נציג | שיחה | נקודה חזקה | לשיפור | ציון |
|---|---|---|---|---|
| [[PERSON|מוחמד ג'בארין]] | {{פיצריית נאפולי}} | התאים את ההדגמה לבעלים | לא סגר על תאריך | {{78}} |
| [[PERSON|אנה פרידמן]] | {{מספרת קרן}} | שאלות גילוי מצוינות | דיברה מהר מדי | {{81}} |
| [[PERSON|אור לוי]] | {{מוסך השרון}} | טיפול בהתנגדות מחיר | לא בירר מקבל החלטות | {{69}} |

הערות של המאמן [[PERSON|ולרי קרסנוב]]:
[[PERSON|מוחמד]] – בעלת הפיצרייה [[PERSON|רוזה]] אמרה פעמיים שהיא רוצה להתחיל ב{{ראשון לחודש}}, תחזור אליה.
[[PERSON|אנה]] – לשים לב לקצב.
[[PERSON|אור]] – ב{{אור}} היום, לא בלילה: תקבע שיחות בבוקר, בעל המוסך זמין רק עד 11.
שיחה עם [[PERSON|רוזה]] מוקלטת ב-{{Gong}}, קוד {{G-4471}}.""",
    ),
    (
        "sales_call_coaching_feedback",
        "he/french-israeli+ethiopian-israeli",
        """מייל משוב אחרי הקלטה

היי [[PERSON|יעל]],

הקשבתי לשיחה שלך עם [[PERSON|פרנסואה אזולאי]] מ{{אופטיק פריז-תל אביב}} (שיחה מ{{יום שני}}, {{27 דקות}}).

שלושה דברים:
1. היה רגע מצוין כשזיהית שהוא דובר צרפתית ועברת ל-"{{bonjour}}". בנית אמון.
2. כשהוא שאל על {{אינטגרציה לקופות}}, אמרת "אני אבדוק". עדיף: "שאלה מעולה, אני מצרפת את [[PERSON|אבבה]] מהצוות הטכני לשיחה הבאה".
3. הוא נתן כתובת לפגישה פרונטלית – [[ADDRESS|רחוב דיזנגוף 142, תל אביב]] – אבל לא קבעת שעה.

דבר קטן: הקראת בשיחה את המייל הפרטי שלו ([[EMAIL|francois.azoulay@gmail.com]]) – מעולה שעדכנת ב-CRM, רק לא לחזור על זה בהקלטה.

ממשיכה לעקוב, כל הכבוד!
[[PERSON|אבבה טספאיה]] – {{Sales Enablement}}""",
    ),
    (
        "sales_call_coaching_feedback",
        "ar/egyptian+emirati",
        """تقييم مكالمة – المندوب: [[PERSON|عمرو السيد]] – المدرّب: [[PERSON|لطيفة الزعابي]] – رقم التسجيل {{REC-AE-3318}}
العميل المحتمل: [[PERSON|خالد المنصوري]]، {{مدير العمليات}} في {{مجموعة الواحة للضيافة}}

نقاط القوة:
• بداية ممتازة، ذكرت لقاءكم في {{معرض سوق السفر العربي}}.
• أسئلة الاكتشاف كانت واضحة: عدد الفنادق ({{7}})، النظام الحالي ({{Opera}}).

نقاط للتحسين:
• عندما قال [[PERSON|خالد]] "الميزانية مقفلة حتى {{أبريل}}"، انتقلت مباشرة للخصم. الأفضل أن تسأل عن أولويات الربع الثاني.
• لم تؤكد موعد العرض التالي. أعطاك رقمه المباشر [[PHONE|+971 2 644 1872]] فاستخدمه.
• نسبة حديثك {{65%}} – الهدف أقل من {{50%}}.

التقييم العام: {{3.5 من 5}}. [[PERSON|عمرو]]، مستواك يتحسن، وإن شاء الله الصفقة الجاية {{سعيدة}}. – [[PERSON|لطيفة]]""",
    ),
    (
        "sales_call_coaching_feedback",
        "ar/gulf-omani+yemeni",
        """[[PERSON|سالم]]: يا [[PERSON|أبو عمار]]، سمعت مكالمتي مع {{شركة ظفار للأسماك}}؟
[[PERSON|عمار الحضرمي]] (مشرف): سمعتها أمس. بصراحة البداية قوية، بس لما سألك [[PERSON|أحمد المعشني]] عن {{الربط مع نظام الفواتير}} سكتّ {{8 ثواني}}
[[PERSON|سالم الحارثي]]: صح، ما كنت متأكد
[[PERSON|عمار الحضرمي]]: عادي، قول "سؤال ممتاز، أرجع لك بالتفاصيل {{الثلاثاء}}". والنقطة الثانية: [[PERSON|أحمد]] قال إن القرار عند الوالد الشيخ [[PERSON|سعيد المعشني]]، لازم نرتب زيارة في {{صلالة}}
[[PERSON|سالم الحارثي]]: تمام، [[PERSON|أحمد]] عطاني رقم مكتب الوالد [[PHONE|+968 23 291 447]]
[[PERSON|عمار الحضرمي]]: زين. سجّلها في {{CRM}} تحت الفرصة {{OPP-OM-0219}}، وقيمتها التقديرية {{18,000 ر.ع}}
[[PERSON|سالم الحارثي]]: إن شاء الله. مشكور يا [[PERSON|أبو عمار]]""",
    ),
    (
        "sales_call_coaching_feedback",
        "id/indonesian+javanese",
        """Catatan coaching – {{Kamis, 16 Januari 2025}}
Sales: [[PERSON|Dimas Prasetyo Wibowo]] | Coach: Bu [[PERSON|Ratna Sari]] | Rekaman: {{REC-ID-7712}}
Prospek: Pak [[PERSON|Hendra Gunawan]], {{Direktur Operasional}}, {{PT Sinar Abadi Logistik}} ({{Surabaya}})

Yang sudah bagus:
- Pembukaan ramah, menyebut rekomendasi dari Mbak [[PERSON|Sekar]] di {{Jakarta Fair}}.
- Menggali kebutuhan: {{120 armada}}, masih pakai {{Excel}} untuk rute.

Perlu diperbaiki:
- Saat Pak [[PERSON|Hendra]] bilang "harga {{Rp 45 juta}} per tahun terlalu mahal", [[PERSON|Dimas]] langsung kasih diskon {{20%}}. Tanyakan dulu anggarannya.
- Belum ada jadwal demo. Nomor WA beliau sudah ada: [[PHONE|0812-0867-8539]].
- Durasi bicara sales {{70%}}, idealnya di bawah {{50%}}.

Nilai: {{7/10}}. Semangat, [[PERSON|Dimas]]! – [[PERSON|Ratna]]""",
    ),
    # ---------------------------------------------------------------- account_org_chart_mapping
    (
        "account_org_chart_mapping",
        "en/american+nigerian+korean",
        """Account map – {{Brightwater Health System}} ({{ACC-00412}}) – updated {{Jan 9}} by [[PERSON|Lindsay Carrow]]

{{CEO}}: Dr. [[PERSON|Raymond Oyelaran]] – not engaged; {{economic buyer}} only above {{$500k}}
 └─ {{CFO}}: [[PERSON|Patricia "Trish" Vandermolen]] – {{blocker}}; prefers the incumbent ({{Epic}} add-on)
 └─ {{CIO}}: [[PERSON|Sung-min Hwang]] – {{champion}}; met at {{HIMSS}}, [[EMAIL|sungmin.hwang@brightwaterhealth.org]], cell [[PHONE|(617) 874-2290]]
     └─ {{Director, Clinical Apps}}: [[PERSON|Olu Bankole]] – {{technical evaluator}}; runs the POC
     └─ {{IT Procurement}}: [[PERSON|Brenda Hale]] – {{gatekeeper}}
 └─ {{CNO}}: [[PERSON|Marguerite Doyle]] – {{influencer}}; nurses hate current paging tool

Notes: [[PERSON|Trish]] reports to the board's finance committee chair, [[PERSON|Howard Feld]] (ex-{{McKinsey}}). [[PERSON|Sung-min]] says [[PERSON|Olu]] will present to the {{CIO council}} on {{Feb 3}}. Risk: {{budget freeze}} if {{Medicaid}} rates drop.""",
    ),
    (
        "account_org_chart_mapping",
        "en/indian-bengali+british",
        """Stakeholder,Title,Role in deal,Sentiment,Email,Reports to
[[PERSON|Sanjay Mukherjee]],{{Group CFO}},{{Economic buyer}},{{Neutral}},[[EMAIL|sanjay.mukherjee@tatvagroup.in]],{{CEO}}
[[PERSON|Ishita Bose]],{{Head of Sales Excellence}},{{Champion}},{{Positive}},[[EMAIL|ishita.bose@tatvagroup.in]],[[PERSON|Sanjay Mukherjee]]
[[PERSON|Rupert Haddington]],{{Regional MD – UK}},{{Influencer}},{{Negative}},[[EMAIL|rupert.haddington@tatvagroup.co.uk]],{{CEO}}
[[PERSON|Debjani Sen-Gupta]],{{IT Security Lead}},{{Technical evaluator}},{{Unknown}},,[[PERSON|Ishita Bose]]

Account owner note ([[PERSON|Oliver Brightman]]): [[PERSON|Rupert]] pushed {{Microsoft Dynamics}} last year and lost; expect resistance. [[PERSON|Ishita]] can get us 30 min with [[PERSON|Sanjay]] in {{Kolkata}} in {{February}}. [[PERSON|Debjani]]'s email bounced – ask [[PERSON|Ishita]]. HQ visit: [[ADDRESS|Tatva House, 22 Camac Street, Kolkata 700016]].""",
    ),
    (
        "account_org_chart_mapping",
        "en/dutch+turkish+german",
        """## Org chart – {{Vanderbilt-Koç Logistics B.V.}} (target account, {{Tier 1}})

- **[[PERSON|Pieter-Jan de Vries]]** – {{Managing Director}}. Final signatory. Only meets after {{procurement}} shortlists.
  - **[[PERSON|Elif Kaya-Schmitt]]** – {{Head of Commercial}}. Our champion, ex-customer at {{DHL}}. Mobile [[PHONE|06 2847 1193]]; switchboard {{ext. 200}}.
  - **[[PERSON|Bram Hoekstra]]** – {{IT Manager}}. Skeptical of cloud; wants {{ISO 27001}} + data in {{EU}}.
  - **[[PERSON|Mustafa Yıldırım]]** – {{Purchasing}}. Runs RFPs, {{tender ref VKL-2025-07}}.
- **[[PERSON|Sabine Kröger]]** – {{Finance Director}} (Duisburg entity), [[EMAIL|s.kroeger@vk-logistics.de]].

Next: [[PERSON|Elif]] hosts a lunch at their {{Venlo}} site on {{12 March}}; [[PERSON|Bram]] confirmed attendance. Note: the company name comes from the founding families – there's no contact called "{{Vanderbilt}}" here.""",
    ),
    (
        "account_org_chart_mapping",
        "en/filipino+australian+maori",
        """{ "account": "{{Pacifica Mining Ltd}}",
  "last_updated_by": "[[PERSON|Jasmine Torres-Aldana]]",
  "nodes": [
    { "id": 1, "name": "[[PERSON|Hemi Walker]]", "title": "{{Chief Operating Officer}}", "parent": null, "stance": "{{supporter}}" },
    { "id": 2, "name": "[[PERSON|Rhiannon Beaumont]]", "title": "{{GM Procurement}}", "parent": 1, "stance": "{{neutral}}", "email": "[[EMAIL|rhiannon.beaumont@pacificamining.com.au]]" },
    { "id": 3, "name": "[[PERSON|Ramon Dizon]]", "title": "{{Site IT Lead, Kalgoorlie}}", "parent": 1, "stance": "{{champion}}", "mobile": "[[PHONE|0436 103 798]]" },
    { "id": 4, "name": "Dr. [[PERSON|Fiona Letts]]", "title": "{{Head of Safety}}", "parent": 1, "stance": "{{unknown}}" }
  ],
  "notes": "[[PERSON|Ramon]] says [[PERSON|Hemi]] decides anything under {{AUD 250k}}. [[PERSON|Rhiannon]] needs {{3 quotes}}. Site address for visit: [[ADDRESS|Lot 88 Great Eastern Highway, Kalgoorlie WA 6430]]."
}""",
    ),
    (
        "account_org_chart_mapping",
        "he/ashkenazi+russian-israeli",
        """מיפוי ארגוני – {{בנק הפועלים}}, חטיבת עסקים קטנים (הזדמנות {{OPP-IL-8812}})
מקבלת החלטה: [[PERSON|רחל זילברמן-הורוביץ]], {{סמנכ"לית}} ו{{ראש החטיבה}} – לא פגשנו עדיין.
  ↳ אלוף: [[PERSON|איגור שפירו]], {{מנהל חדשנות}}. פגשנו ב{{Cyber Week}}. נייד [[PHONE|054-6618302]], מייל [[EMAIL|igor.shapiro@poalim-biz.co.il]].
  ↳ משפיע: [[PERSON|טל כהן-ארזי]], {{ראש צוות מכירות}}, {{80 בנקאים}} תחתיה. אוהבת את ההדגמה.
  ↳ חוסם: ד"ר [[PERSON|אלכסנדר (סשה) ברגר]], {{אבטחת מידע}} – דורש {{ISO 27701}} ואירוח בישראל.
  ↳ רכש: [[PERSON|שרון אזולאי]], מכרז {{2025/044}}.
הערות ([[PERSON|גלעד]]): [[PERSON|איגור]] אמר ש[[PERSON|רחל]] מחליטה עד {{ל"ג בעומר}}. [[PERSON|סשה]] חשדן אבל הוגן. פגישה הבאה: [[ADDRESS|שדרות רוטשילד 50, תל אביב]], {{קומה 12}}.""",
    ),
    (
        "account_org_chart_mapping",
        "he/mizrahi+druze+ethiopian-israeli",
        """| שם | תפקיד | תפקיד בעסקה | יחס | מדווח ל |
|---|---|---|---|---|
| [[PERSON|אבי שושן]] | {{מנכ"ל}} | מקבל החלטה | {{ניטרלי}} | {{דירקטוריון}} |
| [[PERSON|סוהא חלבי]] | {{סמנכ"לית תפעול}} | אלופה | {{חיובי}} | [[PERSON|אבי שושן]] |
| [[PERSON|ירון אבבה]] | {{מנהל IT}} | מעריך טכני | {{חשדן}} | [[PERSON|סוהא חלבי]] |
| [[PERSON|נועה שרעבי]] | {{מנהלת רכש}} | שומרת סף | {{לא ידוע}} | [[PERSON|אבי שושן]] |

חשבון: {{רשת מלונות הגליל והכרמל}} ({{ACC-3390}})
הערות ([[PERSON|שני]]): [[PERSON|סוהא]] דוחפת מהצד שלהם, היא רוצה {{מערכת אחת}} ל-{{9 מלונות}}. [[PERSON|ירון]] ביקש מסמך ארכיטקטורה. המייל של [[PERSON|נועה]]: [[EMAIL|noa.sharabi@galilcarmel-hotels.co.il]]. [[PERSON|אבי]] מגיע רק לישיבה האחרונה.""",
    ),
    (
        "account_org_chart_mapping",
        "ar/emirati+jordanian",
        """خريطة أصحاب القرار – {{مجموعة الإمارات للتطوير العقاري}} – الحساب {{ACC-AE-1120}}
• الرئيس التنفيذي: سعادة [[PERSON|محمد عبيد الفلاسي]] – صاحب القرار النهائي، لا يحضر إلا الاجتماع الأخير
  ◦ المدير المالي: [[PERSON|باسل الزعبي]] (أردني) – متحفظ على التكلفة، يريد عائد استثمار خلال {{18 شهراً}}
  ◦ مدير تقنية المعلومات: [[PERSON|ميثاء الكعبي]] – داعمة قوية، هاتفها [[PHONE|+971 50 446 2819]]
     ▪ مهندس الأنظمة: [[PERSON|رامي عبيدات]] – يقيّم التكامل مع {{SAP}}
  ◦ مدير المبيعات: [[PERSON|أبو سيف]] ([[PERSON|سيف المري]]) – يستخدم {{Excel}} ولا يحب التغيير
ملاحظات [[PERSON|حنان]]: [[PERSON|ميثاء]] رتبت لنا زيارة يوم {{الثلاثاء}} في مكتبهم [[ADDRESS|الطابق 21، برج الإمارات، شارع الشيخ زايد، دبي]]. [[PERSON|باسل]] طلب عرض {{TCO}} قبل الاجتماع.""",
    ),
    (
        "account_org_chart_mapping",
        "ar/saudi+sudanese",
        """{ "الحساب": "{{شركة المراعي الذهبية}}",
  "آخر_تحديث": "{{2025-01-12}}",
  "جهات_الاتصال": [
    { "الاسم": "[[PERSON|عبدالله بن فهد السبيعي]]", "المنصب": "{{نائب الرئيس للمبيعات}}", "الدور": "{{صاحب القرار}}" },
    { "الاسم": "[[PERSON|نور الدين عثمان الأمين]]", "المنصب": "{{مدير التخطيط}}", "الدور": "{{داعم}}", "الجوال": "[[PHONE|+966 58 788 5480]]" },
    { "الاسم": "[[PERSON|هدى الشهراني]]", "المنصب": "{{مديرة المشتريات}}", "الدور": "{{بوابة}}", "البريد": "[[EMAIL|huda.alshahrani@golden-pastures.sa]]" }
  ],
  "ملاحظات": "[[PERSON|نور الدين]] سوداني ويعمل معهم منذ {{2012}}، وهو من اقترح اسمنا. [[PERSON|هدى]] تحتاج {{3 عروض}} حسب اللائحة. لا نعرف بعد من يحل محل [[PERSON|أبو فهد]] في {{لجنة التحول}}."
}""",
    ),
    (
        "account_org_chart_mapping",
        "ar/iraqi+kurdish+lebanese",
        """[[PERSON|زياد فرنجية]]: شباب، لازم نرسم الهيكل تبع {{آسياسيل}} قبل اجتماع {{الخميس}}
[[PERSON|دلشاد كريم]]: من طرفهم: المدير التجاري كاك [[PERSON|هيوا عبدالله]]، هو صاحب القرار. بعدين [[PERSON|سروة]] مسؤولة {{CRM}} الحالي
[[PERSON|زياد فرنجية]]: و{{المشتريات}}؟
[[PERSON|دلشاد كريم]]: [[PERSON|مصطفى الجبوري]] من بغداد، هذا يدوّر على أرخص سعر. رقمه [[PHONE|0770 229 0827]]
[[PERSON|زياد فرنجية]]: منيح. [[PERSON|سروة]] معنا؟
[[PERSON|دلشاد كريم]]: إي، [[PERSON|سروة]] تحبنا 😄 شافت الديمو بمعرض {{أربيل}} الدولي. إيميلها [[EMAIL|sarwa.hassan@asiacell-biz.iq]]
[[PERSON|زياد فرنجية]]: تمام. حطّ كل شي بالـ{{Account Plan}} تحت {{ACC-IQ-0077}}، وعلّم [[PERSON|هيوا]] كـ{{Economic Buyer}}""",
    ),
    (
        "account_org_chart_mapping",
        "vi/vietnamese",
        """Sơ đồ tổ chức khách hàng – {{Công ty CP Thực phẩm Sao Mai}} (mã {{KH-VN-2291}})

Người ra quyết định: ông [[PERSON|Trần Quốc Bảo]], {{Tổng Giám đốc}}. Chỉ gặp ở buổi chốt hợp đồng.
  ├─ Người ủng hộ: chị [[PERSON|Nguyễn Thị Thu Hà]], {{Giám đốc Kinh doanh}}, ĐT [[PHONE|0938 513 850]], email [[EMAIL|ha.nguyen@saomaifood.vn]]
  ├─ Người đánh giá kỹ thuật: anh [[PERSON|Lê Minh Khôi]], {{Trưởng phòng CNTT}}, lo ngại tích hợp với {{MISA}}
  └─ Mua hàng: bà [[PERSON|Phạm Thị Lan]], yêu cầu {{3 báo giá}}

Ghi chú ([[PERSON|Võ Hoàng Nam]], {{ngày 14/01}}): chị [[PERSON|Hà]] hẹn demo tại văn phòng [[ADDRESS|Tầng 8, 235 Nguyễn Văn Cừ, Phường 4, Quận 5, TP. Hồ Chí Minh]] vào {{thứ Năm}}. Anh [[PERSON|Khôi]] cần tài liệu {{API v2}}. Ngân sách dự kiến {{1,2 tỷ đồng}}.""",
    ),
    # ---------------------------------------------------------------- venue_or_event_lead
    (
        "venue_or_event_lead",
        "en/anglo+sikh+irish",
        """New event enquiry – {{Hilton London Bankside}} (via {{Cvent}}, RFP {{RFP-2025-00318}})

Organiser: [[PERSON|Jaswinder Kaur Bains]], {{Events Manager}}, {{Northstar Pharma UK}}
Email: [[EMAIL|jaswinder.bains@northstarpharma.co.uk]] | Mobile: [[PHONE|07489 552036]]
Event: {{Sales Kick-off 2025}} – {{180 delegates}}, {{2 nights}}, {{3–5 March}}
Requirements: plenary for {{200 theatre-style}}, 8 breakouts, gala dinner, AV with live stream
Budget: {{£145,000}} incl. VAT

Sales manager notes ([[PERSON|Declan Rooney]]):
- [[PERSON|Jaswinder]] also asked {{Marriott County Hall}} and {{The Shard}}; we're {{12%}} over on rooms.
- Her boss [[PERSON|Gemma Whitlock]] (VP Sales) has final say; [[PERSON|Gemma]] stayed with us in {{2023}}.
- Offer {{complimentary}} upgrade for 10 VIPs + {{1:40}} comp room ratio.
- Deposit {{30%}} on contract; invoice address [[ADDRESS|Northstar House, 7 Grace Lane, Reading RG1 2BZ]].
- Site visit proposed {{Thursday 23 Jan}}, 11:00.""",
    ),
    (
        "venue_or_event_lead",
        "en/american+vietnamese+mexican",
        """Lead from website chat – {{Lakeside Pavilion}} weddings & events
[18:02] Visitor ([[IP_ADDRESS|98.207.114.52]], {{San Jose}}, CA): hi, looking for a venue for 140 guests on {{Oct 18}}
[18:02] Bot: Great! May I have your name?
[18:03] Visitor: [[PERSON|Vanessa Pham]]. my fiancé is [[PERSON|Diego Alvarado-Cruz]]
[18:03] Bot: Thanks [[PERSON|Vanessa]]! Best email and phone?
[18:04] Visitor: [[EMAIL|vanessa.pham.sj@gmail.com]] / [[PHONE|(408) 921-6637]]
[18:05] Visitor: is the {{Garden Terrace}} available? budget around {{$38k}}
[18:06] Bot: {{Garden Terrace}} is on hold for that date. I'll ask our coordinator [[PERSON|Amber]] to call you tomorrow.
[18:07] Visitor: ok. can I put a deposit now to hold it? card [[CREDIT_CARD|4121 9510 7246 3821]]
[18:07] Bot: Please don't share card details in chat – [[PERSON|Amber]] will send a secure link.
Coordinator note ([[PERSON|Amber Castellanos]]): called {{Wed}}, hold placed till {{Feb 1}}, link {{PAY-LS-2209}} sent. The {{amber}} uplighting package quoted at {{$1,200}}.""",
    ),
    (
        "venue_or_event_lead",
        "en/nigerian-yoruba+scottish",
        """From: [[PERSON|Olumide Fashola]] <[[EMAIL|olumide@eventsbyolu.com.ng]]>
Subject: Availability – 60th birthday, {{Edinburgh}}, {{August}}

Hello,

I'm planning a surprise 60th for my mother, Chief (Mrs) [[PERSON|Adunni Fashola]], who will be visiting Scotland during the {{Festival}}. About {{90 guests}}, Nigerian and Scottish families, Saturday {{16 August}}, evening.

We'd need {{halal}} options, a live band, and space for a {{Yoruba}} drummer group.

I'm in {{Lagos}} until June – [[PHONE|+234 816 454 6264]] – but my cousin [[PERSON|Kirsty Fashola-MacRae]] lives locally: [[PHONE|07438 290811]], [[ADDRESS|14 Marchmont Crescent, Edinburgh EH9 1HN]].

Best,
[[PERSON|Olu]]

---
CRM ({{The Caledonian Rooms}}): lead {{EV-2025-0091}}, owner [[PERSON|Fraser Lindsay]]. Quote {{£16,500}} for {{Ballroom}} + dinner. Festival surcharge {{20%}}. Note: "Chief" is a title – record name as [[PERSON|Adunni Fashola]].""",
    ),
    (
        "venue_or_event_lead",
        "en/japanese+german+brazilian",
        """venue_leads:
  - id: {{VL-8812}}
    venue: {{Messe Frankfurt – Hall 4.1}}
    company: {{Kiyomizu Robotics GmbH}}
    contact: [[PERSON|Haruka Nishimura-Becker]]
    email: [[EMAIL|h.nishimura-becker@kiyomizu-robotics.de]]
    phone: "[[PHONE|+49 69 871320]]"
    dates: {{2025-09-09}} to {{2025-09-12}}
    stand_sqm: {{120}}
    status: {{proposal_sent}}
  - id: {{VL-8813}}
    venue: {{Centro de Convenções Frei Caneca}}
    company: {{Grupo Ipê Eventos}}
    contact: [[PERSON|Thaís Vasconcelos]]
    phone: "[[PHONE|(11) 91476-7102]]"
    address: "[[ADDRESS|Rua Frei Caneca, 569, Consolação, São Paulo – SP, 01307-001]]"
    pax: {{600}}
    status: {{negotiation}}
notes: |
  [[PERSON|Haruka]] wants to bundle the {{Hannover}} show as well. [[PERSON|Thaís]] asked for payment in {{BRL}}; finance ([[PERSON|Ulrike]]) to confirm. "{{Frei Caneca}}" is the street/venue name, not a person in this deal.""",
    ),
    (
        "venue_or_event_lead",
        "he/mizrahi+ashkenazi",
        """פנייה לאולם – {{גני התערוכה}} / {{אולמי הדר}}
שם: [[PERSON|שירן ביטון]]
טלפון: [[PHONE|052-8836104]]
מייל: [[EMAIL|shiran.biton@gmail.com]]
סוג אירוע: {{בר מצווה}} לבן, [[PERSON|אריאל]]
תאריך מבוקש: {{ערב ראש חודש אדר}}, או {{יום חמישי}} שאחריו
מוזמנים: {{320}}
תקציב: {{₪ 170,000}}

סיכום שיחה ([[PERSON|דודו שטרן]], {{מנהל אירועים}}): [[PERSON|שירן]] ראתה את האולם באירוע של חברה. רוצה {{תפריט בשרי}}, {{כשרות בד"ץ}}, ודי.ג'יי משלה. סבא של [[PERSON|אריאל]], [[PERSON|שלמה ביטון]], ישלם מקדמה – ביקשה שנשלח לו הצעה ל-[[EMAIL|shlomo.biton1952@walla.com]].
מקדמה {{10%}} בכרטיס. נקבעה פגישה ב-[[ADDRESS|רחוב הברזל 30, תל אביב]] ({{קומה 2}}), {{יום ראשון}} 18:00.""",
    ),
    (
        "venue_or_event_lead",
        "he/arab-israeli+french-israeli",
        """ליד מאתר {{Eventer}} – כנס חברה
חברה: {{סייבר-נט טכנולוגיות}}
מזמינה: [[PERSON|לינה עבאסי]], {{מנהלת משאבי אנוש}}
טלפון: [[PHONE|+972 4-8531046]] | נייד: [[PHONE|050-2817733]]
אירוע: {{כנס שנתי לעובדים}}, {{250 משתתפים}}, {{יום וחצי}} כולל {{לינה}}
אזור: {{ים המלח}} או {{אילת}}
IP של הפונה: [[IP_ADDRESS|212.143.88.19]] ({{חיפה}})

הערות נציגה ([[PERSON|אלודי כהן]]): [[PERSON|לינה]] השוותה אותנו ל{{מלון דניאל}} ו{{ישרוטל}}. המנכ"ל שלהם, [[PERSON|ז'אק בן-חמו]], רוצה ערב גאלה עם מופע. הצעת מחיר {{Q-ES-4410}}: {{₪ 1,180}} לאדם.
לחזור ל[[PERSON|לינה]] עד {{יום רביעי}}, היא יוצאת לחופשה אחרי.""",
    ),
    (
        "venue_or_event_lead",
        "ar/emirati+filipino",
        """طلب حجز قاعة – {{فندق قصر الإمارات}} – رقم الطلب {{EVT-AUH-3310}}
الجهة: {{دائرة الصحة – أبوظبي}} (ملتقى التمريض السنوي)
المنسّقة: [[PERSON|عفراء سالم الظاهري]] – [[EMAIL|afra.aldhaheri@doh-events.ae]] – [[PHONE|٠٥٦ ٤١٨ ٢٧٠٣]]
العدد: {{450 مشاركاً}} – التاريخ: {{12-13 مايو 2025}}
المتطلبات: قاعة رئيسية + {{6 قاعات فرعية}} + ترجمة فورية عربي/إنجليزي
الميزانية: {{AED 620,000}}
ملاحظات مديرة المبيعات [[PERSON|جوانا ريّس]]: الأستاذة [[PERSON|عفراء]] طلبت زيارة الموقع يوم {{الأربعاء}}. نائبها [[PERSON|يوسف الحمادي]] سيتولى العقود. العربون {{25%}} يدفع عبر تحويل إلى [[IBAN|AE10 0359 4897 8149 5769 665]]. لا تضيفوا {{قاعة الأمل}} – محجوزة لحفل زفاف.""",
    ),
    (
        "venue_or_event_lead",
        "ar/egyptian+levantine",
        """[[PERSON|ريهام]] (مبيعات {{فندق النيل ريتز}}): مساء الخير، حضرتك سألت على قاعة لمؤتمر؟
[[PERSON|باسل قطّان]]: أهلين، إيه. نحن شركة {{أدوية الشام}}، بدنا مؤتمر لـ{{200 طبيب}} بالقاهرة بـ{{أبريل}}
[[PERSON|ريهام]]: تمام يا فندم. ممكن الاسم بالكامل والإيميل؟
[[PERSON|باسل قطّان]]: [[PERSON|باسل جورج قطّان]]، [[EMAIL|basel.kattan@shampharma.com]]، ورقمي المصري [[PHONE|+20 11 47302815]]
[[PERSON|ريهام]]: متشكرة يا أستاذ [[PERSON|باسل]]. الباكدج الأساسي {{3,200 جنيه}} للفرد في اليوم، شامل الغدا والكوفي بريك
[[PERSON|باسل قطّان]]: والإقامة؟
[[PERSON|ريهام]]: الأوضة {{185 دولار}} الليلة. هبعتلك العرض {{Q-CAI-7718}} النهاردة. ومديرتي [[PERSON|دينا عبد المجيد]] هتتابع معاك
[[PERSON|باسل قطّان]]: ممتاز. ابعتي كمان على زميلتي [[PERSON|أمل]]، [[EMAIL|amal.h@shampharma.com]]""",
    ),
    (
        "venue_or_event_lead",
        "ar/gulf-qatari+indian",
        """بيانات العميل المحتمل – {{قاعة اللؤلؤة}}، {{الدوحة}}
| الحقل | القيمة |
|---|---|
| الاسم | [[PERSON|جاسم بن علي الكواري]] |
| الجوال | [[PHONE|+974 5833 2118]] |
| نوع المناسبة | {{حفل عشاء لشركة}} – {{120 ضيفاً}} |
| التاريخ | {{ليلة 27 رمضان}}؟ لا، بعد العيد: {{10 أبريل}} |
| العنوان للفاتورة | [[ADDRESS|مبنى 31، شارع 920، منطقة 25، الخليج الغربي، الدوحة]] |
| جهة اتصال ثانية | [[PERSON|ساندهيا مينون]] (سكرتيرة)، [[EMAIL|sandhya.menon@alkuwari-holding.qa]] |

ملاحظة [[PERSON|فهد]]: [[PERSON|أبو علي]] يريد بوفيه {{قطري}} وهندي، وفرقة {{عرضة}}. السعر المبدئي {{QAR 285}} للشخص. [[PERSON|ساندهيا]] طلبت الفاتورة باسم {{الكواري القابضة}}.""",
    ),
    (
        "venue_or_event_lead",
        "sw-en/kenyan",
        """Lead: {{Lake Naivasha Country Club}} – corporate retreat
Mteja: [[PERSON|Wairimu Njoroge-Otieno]], {{HR Manager}}, {{Jamii Savings & Credit Sacco}}
Simu: [[PHONE|+254 756 955495]] | Barua pepe: [[EMAIL|wairimu.njoroge@jamiisacco.co.ke]]
Ofisi: [[ADDRESS|Jamii House, 4th Floor, Haile Selassie Avenue, Nairobi]]

Maelezo ya simu ({{Jumanne}}): Wanahitaji chumba cha mkutano kwa watu {{65}}, usiku {{2}}, tarehe {{13–15 Machi}}. Wanataka team-building activities na boat ride. Bajeti ni karibu {{KES 1.4M}}.
Bi. [[PERSON|Wairimu]] alisema mkurugenzi wao Mzee [[PERSON|Kiprono arap Sang]] anapenda {{nyama choma}} jioni ya pili. Msaidizi wake, [[PERSON|Baraka]], atatuma orodha ya washiriki – simu yake [[PHONE|0711 624 918]].
Next step ([[PERSON|Achieng]]): tuma quote {{QT-NV-2025-019}} kabla ya {{Ijumaa}}. Deposit {{50%}} kwa {{M-Pesa Paybill 522522}}.""",
    ),
    # ---------------------------------------------------------------- government_tender_bid_notes
    (
        "government_tender_bid_notes",
        "en/american+armenian",
        """Bid/No-bid notes – RFP {{DOT-IT-2025-0417}} ({{State of Georgia DOT}}, {{CRM & Case Management}})
Due: {{March 14, 2025, 2:00 PM ET}} | Est. value {{$4.2M}} over {{5 years}} | Set-aside: {{none}}

Team: [[PERSON|Garrett Lindqvist]] ({{capture lead}}), [[PERSON|Ani Petrosyan]] ({{proposal manager}}), [[PERSON|Marcus Bell]] ({{solutions}})
Procurement officer: [[PERSON|Lorraine Whitaker]], [[EMAIL|lwhitaker@dot.ga.gov]] – questions due {{Feb 21}}.
Incumbent: {{Tyler Technologies}} – contract {{47800-DOT-0000112}} ends {{June 30}}.

Notes ([[PERSON|Ani]]): Section {{L.4}} requires key personnel résumés – [[PERSON|Marcus]] qualifies as {{PMP}}. We need a {{Georgia-registered}} subcontractor for {{15%}} participation; [[PERSON|Tamika Ruffin]] at {{Peachtree Data Partners}} is interested ([[PHONE|(404) 888-5565]]). Mailing address for hard copy: [[ADDRESS|One Georgia Center, 600 West Peachtree NW, Atlanta, GA 30308]].
Decision: {{BID}} (7 of 10 criteria met).""",
    ),
    (
        "government_tender_bid_notes",
        "en/british+pakistani+welsh",
        """Tender clarification log – {{Crown Commercial Service}} lot {{RM6259/3}}
| # | Date | From | Question | Status |
|---|---|---|---|---|
| 1 | {{07/01}} | [[PERSON|Hamza Siddiqui]] | Is {{Cyber Essentials Plus}} mandatory at bid or at award? | {{Answered – bid}} |
| 2 | {{09/01}} | [[PERSON|Hamza Siddiqui]] | Can social value ({{10%}} weighting) include apprenticeships in {{Wales}}? | {{Answered – yes}} |
| 3 | {{13/01}} | [[PERSON|Bethan Pugh]] | Page limit for {{Q3.2}}? | {{Open}} |

Internal notes ([[PERSON|Bethan]]): buyer contact is [[PERSON|Nigel Ashcroft]] via the {{Jaggaer}} portal only – do NOT email him directly (his address [[EMAIL|nigel.ashcroft@crowncommercial.gov.uk]] was shared by mistake in a webinar). [[PERSON|Hamza]] is drafting the {{£2.1M}} pricing schedule; deadline {{31 January}}, 17:00. Hard copy of the {{Form of Tender}} signed by our MD, [[PERSON|Gareth Llewellyn-Jones]].""",
    ),
    (
        "government_tender_bid_notes",
        "en/ghanaian+indian",
        """Subject: GPPA tender {{GH/MoH/ICT/2025/007}} – bid security and submission

Team,

Quick status on the {{Ministry of Health}} patient-records CRM tender:

- Bid security: {{2%}} of bid value ({{GHS 380,000}}) via bank guarantee from {{Ecobank}}. [[PERSON|Akosua Frimpong]] is chasing; her number [[PHONE|020 191 1289]].
- Local partner: {{Kumasi Digital Services}}, signatory [[PERSON|Kofi Ampofo-Twumasi]].
- Our India delivery centre lead [[PERSON|Venkatesh Iyer]] ([[EMAIL|venkatesh.iyer@medicore-global.com]]) confirmed {{8 FTE}} onsite.
- Submission: sealed, two envelopes, to [[ADDRESS|Procurement Unit, Ministry of Health, Castle Road, Ridge, Accra]] by {{10:00 GMT, 28 February}}.
- Pre-bid meeting {{Tuesday}} at the Ministry; [[PERSON|Akosua]] and [[PERSON|Kofi]] attend.

Watch out: the {{tender number}} looks like a phone number in some templates – don't let autocorrect format it.

[[PERSON|Daniel Osei-Bonsu]]
{{Bid Manager}}, {{MediCore Global}}""",
    ),
    (
        "government_tender_bid_notes",
        "en/singaporean+malay",
        """gebiz_bid_tracker.csv
tender_no,agency,title,closing,value_sgd,owner,agency_contact,contact_email,status
{{HDB000ETT25000012}},{{Housing & Development Board}},{{Customer Engagement Platform}},{{2025-02-27 16:00}},{{1,800,000}},[[PERSON|Chua Boon Keat]],[[PERSON|Nurul Aisyah binte Rahmat]],[[EMAIL|nurul_aisyah_rahmat@hdb.gov.sg]],{{drafting}}
{{MOM000ETQ25000044}},{{Ministry of Manpower}},{{Call Centre CRM Support}},{{2025-03-10 16:00}},{{420,000}},[[PERSON|Priscilla Low]],[[PERSON|Ravi Shankar s/o Krishnan]],,{{no-bid}}

Notes ([[PERSON|Boon Keat]]): [[PERSON|Nurul]] confirmed site briefing on {{Monday 3 Feb}}, {{HDB Hub}}, {{Toa Payoh}}. Bring ID for {{2 pax}}. Pricing must be in {{SGD}}, {{GST 9%}} shown separately. [[PERSON|Priscilla]] decided no-bid on MOM – we lack the {{IM8}} certification. Escalations: [[PERSON|Boon Keat]] on [[PHONE|+65 9533 1648]].""",
    ),
    (
        "government_tender_bid_notes",
        "he/ashkenazi+mizrahi",
        """סיכום ישיבת הכנה – מכרז {{12/2025}} של {{עיריית חולון}}: {{מערכת CRM למוקד 106}}
נוכחים: [[PERSON|אילנה רוזנטל]] ({{מנהלת הצעה}}), [[PERSON|יוסי (יוסף) חדד]] ({{מכירות}}), [[PERSON|דנה פישר]] ({{משפטית}})

1. מועד הגשה: {{24.02.2025}} עד {{12:00}}, תיבת המכרזים ב[[ADDRESS|רחוב ויצמן 58, חולון]].
2. ערבות הגשה: {{₪ 50,000}} – [[PERSON|דנה]] מתאמת מול {{בנק לאומי}}.
3. תנאי סף: {{3 פרויקטים}} ברשויות מקומיות ב-{{5 השנים}} האחרונות. יש לנו {{בת ים}}, {{ראשון לציון}} ו{{רמלה}}.
4. כנס ספקים: {{יום שני}}, איש קשר בעירייה – [[PERSON|מרדכי (מוטי) שבתאי]], [[EMAIL|motis@holon.muni.il]].
5. [[PERSON|יוסי]] יבדוק אם [[PERSON|שלום אברג'ל]] עדיין ב{{אגף המחשוב}} – הוא היה איתנו בפרויקט ב{{רמלה}} ויכול לתת {{מכתב המלצה}}.
משימות ל[[PERSON|אילנה]]: טבלת עמידה בדרישות עד {{יום חמישי}}.""",
    ),
    (
        "government_tender_bid_notes",
        "he/russian-israeli+bedouin",
        """הערות הצעה – מכרז {{משרד הבריאות 2025-117}}: שירותי מוקד טלפוני רב-לשוני
- דרישה: מוקדנים בעברית, ערבית, רוסית, אמהרית ואנגלית. כמות: {{40 עמדות}}.
- שותף ערבית: {{מוקד הנגב}} בבעלות [[PERSON|סלימאן אלעוקבי]], {{רהט}}. נייד [[PHONE|052-5127849]]. ח.פ. {{514882730}} (לא ת"ז!).
- מורשה חתימה שלנו: [[PERSON|ויקטוריה לבדב]], ת"ז [[IL_ID|138746417]] – נדרשת בנספח ג'.
- ערבות ביצוע {{5%}}; הוגשה בקשה ל{{הפניקס}}.
- שאלות הבהרה: [[PERSON|ויקה]] שלחה {{14 שאלות}} ל-[[EMAIL|michrazim@moh.gov.il]] ב-{{2 בפברואר}}.
- מחיר לשעת מוקדן: מתכננים {{₪ 118}}.
- [[PERSON|סלימאן]] ביקש שהחוזה מולו יהיה חתום לפני הגשה, וש[[PERSON|ויקטוריה]] תגיע ל{{רהט}} לפגישה.""",
    ),
    (
        "government_tender_bid_notes",
        "he/haredi+arab-israeli",
        """פרוטוקול שיחה – מכרז {{רשות מקרקעי ישראל 44/2024}} (מערכת ניהול פניות ציבור)
משתתפים: [[PERSON|חיים מאיר לנדאו]] (יועץ מכרזים חיצוני), [[PERSON|רביע זועבי]] ({{מנהל פרויקט}}), [[PERSON|נטע]] (אצלנו)

[[PERSON|חיים]]: לשים לב לסעיף {{7.3}} – נדרש תצהיר עם ת"ז של מורשה החתימה. אצלכם זה [[PERSON|רביע]]?
[[PERSON|רביע]]: כן, ת"ז [[IL_ID|035326131]]. אני אחתום מול עו"ד ב{{נצרת עילית}}.
[[PERSON|נטע]]: לוח זמנים: שאלות עד {{ט"ו בשבט}}, הגשה עד {{1 במרץ}}.
[[PERSON|חיים]]: וההצעה הכספית – {{₪ 2.8 מיליון}} ל-{{36 חודשים}} זה בתוך האומדן של {{₪ 3.1 מיליון}}.
[[PERSON|רביע]]: אני גם מציע להוסיף כתובת למשלוח מסמכים: [[ADDRESS|רחוב המלאכה 17, נוף הגליל]].
[[PERSON|נטע]]: מסוכם. [[PERSON|חיים]] ישלח טיוטה ל-[[EMAIL|hml.michrazim@gmail.com]].""",
    ),
    (
        "government_tender_bid_notes",
        "ar/saudi+egyptian",
        """ملاحظات فريق المنافسة – منافسة رقم {{250139007112}} على منصة {{اعتماد}}
الجهة: {{أمانة منطقة الرياض}} – {{منصة إدارة علاقات المواطنين}}
آخر موعد لتقديم العروض: {{الأحد 14 رمضان 1446هـ}}
قيمة الكراسة: {{5,000 ريال}} | الضمان الابتدائي: {{2%}}

الفريق: م. [[PERSON|أيمن فوزي عبد الغني]] (مدير العرض)، [[PERSON|نايف الشمري]] (العلاقات الحكومية)
ملاحظات:
١. [[PERSON|نايف]] تواصل مع مكتب {{إدارة المشتريات}}، والمسؤول [[PERSON|سعد العمري]] أكد أن الأسئلة عبر المنصة فقط.
٢. الضمان البنكي سيصدر من الحساب [[IBAN|SA54 0550 0265 1109 9490 1368]].
٣. نسبة المحتوى المحلي المطلوبة {{40%}} – لازم شريك سعودي.
٤. رقم [[PERSON|أيمن]] للطوارئ: [[PHONE|+966 54 812 3407]].
القرار: {{المشاركة}}.""",
    ),
    (
        "government_tender_bid_notes",
        "ar/tunisian+algerian",
        """محضر اجتماع – طلب عروض عدد {{06/2025}} – {{وزارة التجارة}} (تونس): {{منظومة متابعة شكاوى المستهلكين}}
الحضور: [[PERSON|منير الطرابلسي]]، [[PERSON|خديجة بن عمار]]، [[PERSON|كريم بلقاسمي]] (شريك من الجزائر)

- آخر أجل لقبول العروض: {{17 مارس 2025}} على الساعة {{10:00}} عبر منظومة {{TUNEPS}}.
- الضمان الوقتي: {{15,000 دينار}}.
- [[PERSON|خديجة]] تحضّر الوثائق الإدارية، والعنوان المعتمد للمراسلات: [[ADDRESS|15 نهج الهادي نويرة، الطابق 3، تونس 1001]].
- [[PERSON|كريم]] يوفّر مرجعيات من مشروع {{وزارة الداخلية}} في الجزائر، رقمه [[PHONE|0789 75 73 29]].
- نهج {{الهادي نويرة}} وشارع {{الحبيب بورقيبة}} مذكورين في الكراس كمواقع التسليم، ماهمش أشخاص متعاملين معانا.
- القرار: نشاركو، و[[PERSON|منير]] يمضي على التصريح على الشرف.""",
    ),
    (
        "government_tender_bid_notes",
        "es/colombian",
        """Notas de licitación – Proceso {{SDH-LP-004-2025}} (SECOP II)
Entidad: {{Secretaría Distrital de Hacienda de Bogotá}}
Objeto: {{Plataforma CRM para atención al contribuyente}}
Presupuesto oficial: {{COP 3.850.000.000}}
Cierre: {{miércoles 12 de marzo}}, {{9:00 a.m.}}

Equipo: [[PERSON|Juliana Marcela Ospina Restrepo]] (gerente de propuesta), [[PERSON|Hernán Darío Quintero]] (preventa)
- Garantía de seriedad: {{10%}} – [[PERSON|Juliana]] la gestiona con {{Seguros Bolívar}}.
- Experiencia habilitante: {{3 contratos}} con entidades públicas; tenemos {{Gobernación de Antioquia}} y {{Alcaldía de Cali}}.
- Observaciones al pliego: enviadas por [[PERSON|Hernán]] el {{lunes}}; contacto de la entidad [[PERSON|Doris Amparo Beltrán]], [[EMAIL|dbeltran@shd.gov.co]].
- Entrega física de la póliza en [[ADDRESS|Carrera 30 # 25-90, piso 14, Bogotá D.C.]]
- Celular de [[PERSON|Hernán]] para el cierre: [[PHONE|+57 300 3533720]].""",
    ),
    # ---------------------------------------------------------------- crm_import_error_report
    (
        "crm_import_error_report",
        "en/mixed-american+igbo+polish",
        """Import job {{IMP-2025-01-0917}} – {{contacts_q4_tradeshow.csv}} – finished with errors
Started {{2025-01-17 14:02 UTC}} by [[PERSON|Kelsey Brandt]] | rows: {{1,284}} | imported: {{1,251}} | failed: {{33}}

Sample failures:
row 18  DUPLICATE_EMAIL   [[EMAIL|chinedu.okafor@lagosbuild.ng]] already on contact {{C-448120}} ([[PERSON|Chinedu Okafor]])
row 47  FIELD_TOO_LONG    "title" > 80 chars: "{{Senior Vice President, Global Strategic Partnerships & Alliances (EMEA, APAC, LATAM)}}"
row 112 INVALID_DATE      "{{31/02/2024}}" in column {{last_contacted}}
row 203 PII_IN_NOTES      notes contains card-like number [[CREDIT_CARD|6011 8316 0086 9939]] (contact [[PERSON|Marta Wójcik-Lambert]])
row 388 MISSING_REQUIRED  {{company}} empty for [[PERSON|Dale Pruitt]], [[PHONE|+1 305-417-9036]]
row 901 ENCODING          name "[[PERSON|ZoÃ« Harrington]]" looks double-encoded (should be [[PERSON|Zoë Harrington]])

Action ([[PERSON|Kelsey]]): fix and re-run with mapping template {{TS-MAP-v3}}; delete row 203's note before re-import. [[PERSON|Marta]] confirmed by phone the card was for a hotel booking, not for us.""",
    ),
    (
        "crm_import_error_report",
        "en/indian-marathi+australian",
        """{ "job_id": "{{bulk-8f21c0}}",
  "object": "{{Lead}}",
  "api_version": "{{v58.0}}",
  "state": "{{JobComplete}}",
  "numberRecordsProcessed": {{640}},
  "numberRecordsFailed": {{3}},
  "errors": [
    { "row": 77, "code": "{{INVALID_EMAIL_ADDRESS}}", "fields": ["Email"], "message": "{{double @ in address}}", "name": "[[PERSON|Aditya Kulkarni]]" },
    { "row": 212, "code": "{{STRING_TOO_LONG}}", "fields": ["Street"], "value": "[[ADDRESS|Flat 502, Shivneri Heights, Baner-Pashan Link Road, Pashan, Pune, Maharashtra 411021]]" },
    { "row": 529, "code": "{{FIELD_CUSTOM_VALIDATION_EXCEPTION}}", "message": "Mobile must be E.164", "value": "[[PHONE|0412 886 307]]", "name": "[[PERSON|Kirra Donovan]]" }
  ],
  "createdBy": "[[PERSON|Siddharth Joshi]]",
  "integration_user_token": "[[SECRET|00D5j000000XyZ2!AQ0AQHx9kP_rT8mLqW3vN7cB2fJ]]"
}
Note: [[PERSON|Aditya]]'s correct address is [[EMAIL|aditya.kulkarni@punelogix.in]]; [[PERSON|Kirra]]'s number should be sent as [[PHONE|+61 412 886 307]].""",
    ),
    (
        "crm_import_error_report",
        "en/british+jamaican+chinese",
        """Subject: FW: Data migration – error summary (batch {{7 of 12}})

---------- Forwarded message ---------
From: {{Migration Bot}} ({{MigrateFlow}})
Date: {{Mon, 20 Jan 2025 03:14}}
To: [[PERSON|Desmond Campbell-Reid]] <[[EMAIL|desmond.campbellreid@harbourlightsolicitors.co.uk]]>

Batch 7 ({{Accounts}}): {{2,117}} rows, {{14}} errors
- {{ERR-302}} Parent account not found: {{ACC-77812}} ({{Harbour Light Solicitors LLP – Croydon}})
- {{ERR-118}} Owner user inactive: [[PERSON|Mei-Lin Chau]]
- {{ERR-410}} Billing address failed geocoding: [[ADDRESS|Flat 3, 11 Hope Street, Liverpool L1 9BQ]]
- {{ERR-221}} Phone format: [[PHONE|0161 151 3818]] saved without country code

[[PERSON|Desmond]] wrote:
> [[PERSON|Hope]], can you look at these before {{Friday}}? The {{Hope Street}} one is our own Liverpool office, so it's not a client record. [[PERSON|Mei-Lin]] left in {{December}} – reassign her accounts to [[PERSON|Winston]].""",
    ),
    (
        "crm_import_error_report",
        "en/south-african+portuguese",
        """2025-01-21 09:14:02,118 ERROR importer.rows  row=56  reason="duplicate IBAN on two contacts" iban=[[IBAN|PT80 4830 9780 6687 4151 9627 9]] contacts=[{{C-1120}}, {{C-1187}}]
2025-01-21 09:14:02,120 WARN  importer.rows  row=56  names="[[PERSON|Inês Carvalho Ferreira]]" / "[[PERSON|Ines Ferreira]]" -> probable same person, merge suggested
2025-01-21 09:14:02,341 ERROR importer.rows  row=91  reason="phone in email column" email="[[PHONE|+27 72 878 1091]]" name="[[PERSON|Thabo Mokoena]]"
2025-01-21 09:14:02,342 INFO  importer.rows  row=91  fallback email from signature: [[EMAIL|thabo.mokoena@capepeninsulafoods.co.za]]
2025-01-21 09:14:03,007 ERROR importer.rows  row=140 reason="address too short" value="{{Long Street}}, {{Cape Town}}" (no number)
2025-01-21 09:14:03,912 INFO  importer.summary total={{412}} ok={{409}} failed={{3}} duration={{1.8s}} operator="[[PERSON|Lerato Dube]]" source_ip=[[IP_ADDRESS|196.25.1.200]]""",
    ),
    (
        "crm_import_error_report",
        "he/ashkenazi+ethiopian-israeli",
        """דוח שגיאות ייבוא – קובץ {{לידים_תערוכת_בנייה_2025.xlsx}}
הועלה ע"י: [[PERSON|רוני אקרמן]] | {{20.01.2025 11:32}} | {{960}} שורות, {{21}} שגיאות

| שורה | שם | שדה | שגיאה |
|---|---|---|---|
| 14 | [[PERSON|ברוך מנגשה]] | טלפון | [[PHONE|0527304419]] נשמר בלי מקף – תקין, אזהרה בלבד |
| 37 | [[PERSON|מיכל שוורץ-דיין]] | ת"ז | הוזן [[IL_ID|244105284]] בשדה "{{מספר עוסק}}" |
| 88 | [[PERSON|עדי נגוסה]] | מייל | כפילות עם איש קשר {{C-20931}} – [[EMAIL|adi.negusa@binuy-plus.co.il]] |
| 112 | — | עיר | "{{ראשל"צ}}" לא מזוהה, להמיר ל{{ראשון לציון}} |

הערה של [[PERSON|רוני]]: [[PERSON|מיכל]] ביקשה שלא נשמור את תעודת הזהות שלה בכלל – למחוק לפני ייבוא חוזר. לגבי [[PERSON|עדי]]: זה אותו אדם, למזג. {{גרסת תבנית}} המיפוי: {{v2.4}}.""",
    ),
    (
        "crm_import_error_report",
        "he/russian-israeli+arab-israeli",
        """[ERROR] import_id={{IL-IMP-5531}} שורה 204: כתובת לא נמצאה בגיאוקודר
  ערך: "{{ויצמן}}, {{כפר סבא}}" – חסר מספר בית
  איש קשר: [[PERSON|גנאדי פולישצ'וק]] | [[EMAIL|gena.p@kfarsaba-metal.co.il]]
[ERROR] שורה 311: מספר טלפון עם קידומת כפולה "+972 972..." – תוקן אוטומטית ל-[[PHONE|+972 54-551-8093]]
  איש קשר: [[PERSON|ח'אלד מסארווה]]
[WARN] שורה 318: שם פרטי = שם משפחה ("[[PERSON|כהן כהן]]") – לבדוק ידנית
[ERROR] שורה 402: שדה {{הערות}} כולל פרטי כרטיס אשראי [[CREDIT_CARD|3747 174292 47411]] – השורה נחסמה
  איש קשר: [[PERSON|סבטלנה (סבטה) גורביץ']]
[INFO] סיכום: {{1,120}} שורות, {{1,116}} יובאו. מפעיל: [[PERSON|ליאת]]. שרת: [[IP_ADDRESS|10.20.4.17]]""",
    ),
    (
        "crm_import_error_report",
        "he/mizrahi+druze+ukrainian",
        """שלום [[PERSON|אורטל]],

עברתי על דוח הייבוא מ-{{HubSpot}} (משימה {{MIG-HS-0042}}). שלוש בעיות עיקריות:

1. {{412}} אנשי קשר ללא חברה משויכת. רובם לידים מ{{כנס ספטמבר}}.
2. שמות דרוזיים עם "{{אבו}}" נשברו לשני שדות – למשל [[PERSON|נביה אבו-חמדה]] נשמר כשם פרטי "[[PERSON|נביה אבו]]" ושם משפחה "[[PERSON|חמדה]]". [[PERSON|נביה]] עצמו התקשר להתלונן ([[PHONE|04-9961022]]).
3. מספר חשבון בנק הוזן בעמודה של טלפון אצל [[PERSON|אולקסנדר טקצ'נקו]]: [[IBAN|IL53 0126 4400 0025 8149 722]] – לא רלוונטי ל-CRM, למחוק ולהודיע ל[[PERSON|סשה]] (כך הוא חותם).

בנוסף, ה-API key של {{HubSpot}} שמופיע בלוג ([[SECRET|pat-eu1-4f7c2a91-88d3-4b0e-a1f6-93c2d7e0b5aa]]) – צריך להחליף היום.

תודה,
[[PERSON|מאור עמר]]
{{מנהל מערכות CRM}}""",
    ),
    (
        "crm_import_error_report",
        "ar/emirati+egyptian",
        """تقرير أخطاء الاستيراد – ملف {{عملاء_معرض_جيتكس_2024.csv}}
تاريخ التشغيل: {{19 يناير 2025}} | المنفّذ: [[PERSON|محمد عاطف]] | إجمالي الصفوف: {{2,340}} | الأخطاء: {{17}}

الصف ٤٢: البريد الإلكتروني مكرر – [[EMAIL|hessa.alsuwaidi@alnoor-holding.ae]] موجود مسبقاً باسم [[PERSON|حصة السويدي]]
الصف ٩٠: رقم الهاتف بالأرقام الهندية لم يُحوّل: [[PHONE|٠٥٠ ٧٧٢ ١٨٤٦]] – العميل [[PERSON|راشد بن حميد]]
الصف ١٥٥: اسم الشركة "{{النور القابضة}}" و"{{مجموعة النور}}" – يُرجّح أنها نفس الجهة
الصف ٢٠٣: حقل العنوان يحتوي رقم {{الرخصة التجارية 774512}} بدلاً من العنوان
الصف ٣١١: الاسم بالإنجليزية فقط "[[PERSON|Abdulla Al Mansoori]]" – يلزم الاسم بالعربية

ملاحظة من [[PERSON|محمد]]: راجعت الصف ٩٠ يدوياً، والرقم صحيح. سنعيد الاستيراد بعد {{صلاة الجمعة}}.""",
    ),
    (
        "crm_import_error_report",
        "ar/moroccan+yemeni+saudi",
        """[[PERSON|عبد الصمد]]: السلام، الإمبورت ديال {{leads_riyadh.xlsx}} طاح ف{{38}} سطر
[[PERSON|وفاء اليافعي]]: شو الخطأ؟
[[PERSON|عبد الصمد]]: أغلبهم العنوان الوطني مكتوب غلط. مثلاً [[PERSON|سلطان الدوسري]]: كاتبين "{{RRRD2929}}" بوحدو بلا الرقم الإضافي. الصحيح [[ADDRESS|2929 طريق الملك عبدالله، حي الملك فهد، الرياض 12272، الرقم الإضافي 7811]]
[[PERSON|وفاء اليافعي]]: طيب، والباقي؟
[[PERSON|عبد الصمد]]: {{12}} سطر فيهم رقم الجوال بلا {{966}}. و سطر واحد فيه الـ{{signing secret}} ديال الـwebhook ملصوق ف{{الملاحظات}}: [[SECRET|whsec_Zt7pQ2mXv9LkR4cN8bWd1YeH]]
[[PERSON|وفاء اليافعي]]: يا ساتر، امسحه وقول لـ[[PERSON|أبو محمد]] يغيّره. رقمه [[PHONE|+967 774 555 886]] هو في {{عدن}} هالأسبوع
[[PERSON|عبد الصمد]]: واخا، غادي نعاود الإمبورت غدا {{الصباح}}""",
    ),
    (
        "crm_import_error_report",
        "yo-en/yoruba+hausa",
        """Import log – {{Abuja Tech Expo}} leads (file {{ATE_leads_final_final.csv}})
Operator: [[PERSON|Temitope "Tope" Adebanjo]] | {{Jan 22, 2025}}

ERR row 12: Name field has honorific – "Alhaji [[PERSON|Musa Danjuma Bello]]"; move "Alhaji" to {{salutation}}.
ERR row 19: Email domain typo ({{gmial.com}}) for [[PERSON|Ngozi Eze]] → fixed to [[EMAIL|ngozi.eze@gmail.com]]
ERR row 33: Duplicate phone [[PHONE|0806 070 1960]] on [[PERSON|Babatunde Ogunleye]] and [[PERSON|Bisi Ogunleye]] (husband & wife – keep both)
ERR row 41: Address missing city: [[ADDRESS|Plot 1127, Adetokunbo Ademola Crescent, Wuse II]] – add {{Abuja}}
WARN row 57: "{{Oluwaseun}}" stored as company name – it's the name of the bakery ({{Oluwaseun Bakery & Confectionery}}), not a person, keep.

[[PERSON|Tope]]: E ku ise o! Pls [[PERSON|Aisha]] check row 12 with Alhaji's PA before {{Monday}}. O se.""",
    ),
]
