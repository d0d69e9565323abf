# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool I: a global sales team's CRM prompts (lead summaries, call notes, email drafts,
chat history, JSON records, CSV tables, tool results, meeting transcripts, support tickets,
Slack messages, calendar invites and system prompts with account context).

Written without reading the detector or the other corpora. Mostly English (~75%), the rest
Hebrew and Arabic plus a handful in Spanish, Portuguese, French, German, Turkish and Russian.
People are West/East/Southern African, South/Southeast/East Asian (romanised and native
script), Latin American, Turkish, Persian, Central Asian, Eastern European, Nordic, Greek,
Pacific Islander, Anglo, Jewish/Israeli and Arab (Gulf, Levantine, Egyptian, Maghrebi).
Israeli IDs carry valid check digits, IBANs valid mod-97 checksums, card numbers pass Luhn.
The culture field is "<language>/<origin of the people named>".
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------------ lead_summary
    (
        "lead_summary",
        "english/yoruba-igbo",
        "Summarize this lead for the account executive in 3 bullet points.\n\nLead: [[PERSON|Adebola Ogunleye-Bankole]]\nTitle: {{Head of Procurement}}\nCompany: {{Lagos Freight Terminals}}\nSource: {{LinkedIn Ads}} – {{Q3 West Africa campaign}}\nPhone: [[PHONE|+234 803 417 2290]]\nEmail: [[EMAIL|adebola.bankole@lft-ng.com]]\nNotes: Downloaded the {{pricing PDF}} twice on {{12 August}}. [[PERSON|Adebola]] asked whether the {{Growth plan}} supports naira invoicing. Her deputy [[PERSON|Chinedu Eze]] is the technical evaluator.",
    ),
    (
        "lead_summary",
        "english/tamil",
        "Write a short lead summary. Rep notes (raw): met [[PERSON|Karthikeyan Sundaralingam]] (goes by [[PERSON|Karthik]]) at {{SaaStr Europa}} in {{Barcelona}}. cto at {{Vellore Agritech}}, 85 seats, currently on {{Pipedrive}}. wants {{WhatsApp}} integration + {{Hindi}} and {{Tamil}} templates. budget ~{{$40k}}/yr. follow up {{next Thursday}}. mobile [[PHONE|+91 98401 63257]]. his cofounder [[PERSON|priya natarajan]] signs contracts.",
    ),
    (
        "lead_summary",
        "english/japanese",
        "Lead summary request\n---\nName: [[PERSON|Haruto Kobayashi]] ([[PERSON|小林 陽翔]])\nRole: {{General Manager, Overseas Sales}}\nAccount: {{Shimizu Precision Co., Ltd.}}\nOffice: [[ADDRESS|2-14-7 Nihonbashi Muromachi, Chuo-ku, Tokyo 103-0022]]\nTel: [[PHONE|03-6214-8830]] / mobile [[PHONE|+81 90-4418-2763]]\nHistory: Trial of {{Enterprise Edition 5.2}} started {{Oct 3}}; 14 of 20 licences activated. [[PERSON|Kobayashi]]-san wants a {{Japanese UI}} before signing. His assistant [[PERSON|Yui Matsuda]] handles scheduling.\nTask: Summarise status and propose the next step.",
    ),
    (
        "lead_summary",
        "hebrew/mizrahi-israeli",
        "סכם את הליד הבא בשלוש שורות עבור {{מנהל המכירות}}:\nשם: [[PERSON|נגה אלמליח]]\nחברה: {{אלמליח ובניו הובלות}}\nתפקיד: {{מנהלת כספים}}\nטלפון: [[PHONE|052-738-4419]]\nמייל: [[EMAIL|noga@almaliah-sons.co.il]]\nהערות: ביקשה הדגמה של {{מודול החשבוניות}} לפני {{ראש השנה}}. [[PERSON|נגה]] אמרה שהמתחרה ({{Monday.com}}) הציע {{15%}} הנחה. האחראי הטכני אצלם: [[PERSON|אביתר]].",
    ),
    (
        "lead_summary",
        "arabic/emirati",
        "لخّص هذا العميل المحتمل لفريق المبيعات في {{دبي}}:\nالاسم: [[PERSON|حمدان سعيد بن سلطان الكتبي]]\nالمنصب: {{مدير المشتريات}}\nالشركة: {{مجموعة الكتبي القابضة}}\nالجوال: [[PHONE|+971 50 318 6642]]\nالبريد: [[EMAIL|h.alketbi@alketbi-holding.ae]]\nملاحظات: مهتم بـ{{الباقة الاحترافية}} لـ{{60 مستخدم}}، يريد عرض سعر بالدرهم قبل {{نهاية سبتمبر}}. مساعده [[PERSON|فيصل]] ينسق المواعيد.",
    ),
    (
        "lead_summary",
        "english/filipino",
        "Generate a 2-sentence lead summary.\nLead: [[PERSON|Precious Dimaculangan]], {{Operations Manager}} at {{Visayas Cargo Solutions}}\nContact: [[PHONE|+63 917 552 8841]], [[EMAIL|precious.d@visayascargo.ph]]\nActivity: attended {{webinar: Pipeline Hygiene 101}} on {{May 22}}, opened 4 of 5 nurture emails. Replied 'pls call after lunch PH time'. Referred by [[PERSON|Joy Macaraeg]] from {{Ayala Logistics}}.",
    ),
    (
        "lead_summary",
        "spanish/mexican",
        "Resume este lead para el equipo de {{Ciudad de México}}:\nNombre: [[PERSON|María José Fernández-Ortega]]\nCargo: {{Directora Comercial}}\nEmpresa: {{Grupo Fernández Distribuciones}}\nTeléfono: [[PHONE|+52 55 4187 2306]]\nCorreo: [[EMAIL|mjfernandez@grupofd.mx]]\nNotas: Pidió cotización del {{Plan Business}} para {{35 usuarios}}. [[PERSON|María José]] quiere integrar con {{SAP Business One}} antes de {{diciembre}}. Su jefe, don [[PERSON|Rogelio Ibarra]], aprueba compras mayores a {{MXN 500,000}}.",
    ),
    (
        "lead_summary",
        "english/korean-persian",
        "You are a sales assistant. Summarize the lead below and flag risks.\n\n{{Hanbit Semiconductor}} — inbound demo request\nPrimary: [[PERSON|Seo-yeon Park]] ([[PERSON|박서연]]), {{IT Director}}\nSecondary: [[PERSON|Dariush Farahani]], {{Procurement Lead}} (based in {{Frankfurt}})\n[[PERSON|Dariush]] phone: [[PHONE|+49 151 2378 4490]]\n[[PERSON|Seo-yeon]] email: [[EMAIL|sy.park@hanbit-semi.co.kr]]\nDeal size: {{$126,000}} ARR, {{3-year term}}\nRisk notes: legal wants data residency in {{Seoul}}; [[PERSON|Park]] mentioned a competing bid from {{Zoho CRM}}.",
    ),
    (
        "lead_summary",
        "english/kenyan-somali-amharic",
        "Lead digest for {{Nairobi}} pod – {{week 38}}\n1. [[PERSON|Wanjiru Kamau]] – {{Safari Agro Exports}} – hot. Wants {{Starter → Pro upgrade}}, call [[PHONE|+254 712 408 335]].\n2. [[PERSON|Abdirahman Warsame]] – {{Horn Remit Ltd}} – warm, asked about {{M-Pesa}} integration, [[EMAIL|abdirahman.w@hornremit.co.ke]].\n3. [[PERSON|Tsion Bekele]] – {{Addis Coffee Traders}} – cold since {{July}}; last touch by [[PERSON|Otieno]].\n4. [[PERSON|Blessing Mwangi]] – {{Kilele Health}} – demo booked {{Friday 10:00 EAT}}.\nSummarize in one line each and suggest who [[PERSON|Otieno]] should call first.",
    ),
    (
        "lead_summary",
        "english/pacific-islander",
        'Summarise: inbound lead from {{Auckland}} webform.\nFull name: [[PERSON|Sione Tuipulotu-Fifita]]\nPreferred name: "[[PERSON|Sio]]"\nCompany: {{Moana Freight NZ}}\nJob title: {{Fleet Coordinator}}\nMobile: [[PHONE|+64 21 448 9173]]\nMessage: "Kia ora, we run 40 trucks between Auckland and {{Tauranga}}, need a CRM that talks to {{Xero}}. My manager [[PERSON|Grace Whitlock]] will join any call."',
    ),
    (
        "lead_summary",
        "english/kazakh-turkish",
        "Lead: [[PERSON|Aizhan Nurlanovna Bekova]] | {{Almaty}} | {{Qazaq Retail Group}} | {{CFO}} | [[PHONE|+7 701 384 2219]] | [[EMAIL|a.bekova@qazaqretail.kz]] | Score {{82/100}} | Last activity: pricing page visit {{2024-09-16}}. Intro via [[PERSON|Emre Yıldırım]] (partner, {{Istanbul}} office, [[PHONE|+90 532 714 08 63]]). Write a one-paragraph summary for the AE.",
    ),
    (
        "lead_summary",
        "english/emirati-egyptian",
        "Prepare a lead brief before tomorrow's call.\nCRM record {{L-20931}}\nContact: [[PERSON|Maitha Obaid Al Nuaimi]], {{Head of Customer Experience}}, {{Ajman Bank}}\nDirect: [[PHONE|06 701 4482]] · Mobile: [[PHONE|+971 56 220 9137]]\nOffice: [[ADDRESS|Al Jurf 2, Sheikh Khalifa Bin Zayed St, Ajman, UAE]]\nChampion: [[PERSON|Tarek El-Sayed]] (ex-{{Emirates NBD}}, knows our {{Service Cloud}} competitor well)\nBlockers: procurement freeze until {{Q1 2025}}; [[PERSON|Maitha]] prefers an Arabic-first UI.",
    ),
    # ------------------------------------------------------------------ call_notes
    (
        "call_notes",
        "english/igbo",
        "Call notes – {{Tue 14 May}}, 25 min\nSpoke with [[PERSON|Chukwuemeka Obiora]] ({{VP Sales}}, {{Obiora & Sons Pharma}}). He's unhappy with the current {{Freshsales}} setup, reps not logging calls. Wants {{auto call logging}} + {{Power Dialer}} add-on. [[PERSON|Emeka]]'s team (that's what everyone calls him) is 22 reps across {{Lagos}} and {{Abuja}}. Decision by end of {{June}}. Next step: send {{ROI calculator}} and book demo with his ops lead [[PERSON|Ngozi]]. Call him on [[PHONE|0809 551 3374]], not the office line.",
    ),
    (
        "call_notes",
        "english/vietnamese",
        "Extract action items from these call notes:\n\ncalled chị [[PERSON|Nguyễn Thị Thu Hằng]] at {{Saigon Textile JSC}}. she's {{purchasing manager}}. they're comparing us with {{Bitrix24}}. price is main issue — quoted {{$18/user/month}}, she wants under {{$15}}. [[PERSON|Hằng]] will forward to director Mr. [[PERSON|Trần Văn Phúc]] on {{Monday}}. whatsapp: [[PHONE|+84 903 718 244]]. email [[EMAIL|hang.nguyen@saigontex.vn]]",
    ),
    (
        "call_notes",
        "hebrew/ethiopian-israeli",
        "סיכום שיחה עם [[PERSON|אליה טסמה]] מ{{קבוצת יוחננוף}}, {{מנהל רכש}}. הוא משתמש היום ב-{{Priority}} ורוצה חיבור ל-CRM שלנו. שאל על {{תוכנית Enterprise}} ועל מחיר ל-{{120 משתמשים}}. ביקש שנשלח הצעה עד {{יום ראשון}}. הנייד שלו [[PHONE|054-6639102]]. לצורך פתיחת כרטיס לקוח כעוסק מורשה מסר ת.ז. [[IL_ID|267415909]]. לחזור גם ל[[PERSON|שירה]] מהכספים.",
    ),
    (
        "call_notes",
        "english/bengali-punjabi",
        "Call summary needed. Raw notes from [[PERSON|Harpreet]]:\n- spoke to [[PERSON|Tanvir Hossain Chowdhury]] @ {{Dhaka Knitwear Ltd}}\n- also on call: [[PERSON|Simran Kaur Dhillon]], their consultant from {{Toronto}}\n- they export to {{H&M}} and {{Primark}}, need multi-currency quotes ({{BDT}}, {{EUR}}, {{GBP}})\n- [[PERSON|Tanvir]]'s number [[PHONE|+880 1711-482935]], [[PERSON|Simran]]: [[PHONE|+1 (647) 318-2290]]\n- agreed on pilot of {{CPQ module}} from {{1 November}}, {{10 seats}}\n- [[PERSON|harpreet]] to send MSA draft {{v2.3}}",
    ),
    (
        "call_notes",
        "arabic/egyptian",
        "ملاحظات المكالمة مع الأستاذ [[PERSON|شريف عبد الفتاح]] من {{شركة النيل للأدوية}} في {{القاهرة}}: مهتم بنظام إدارة المبيعات الميدانية لـ{{45 مندوب}}. طلب عرض تجريبي يوم {{الأحد}} الساعة {{11 صباحاً}}. رقمه [[PHONE|+20 100 482 7731]]. قال إن مدام [[PERSON|هبة]] من الحسابات هي اللي بتوافق على الميزانية. الميزانية حوالي {{300 ألف جنيه}}.",
    ),
    (
        "call_notes",
        "english/nordic-german",
        "Notes from discovery call ({{Zoom}}), {{2024-10-08}}\nAttendees: [[PERSON|Solveig Haugland]] ({{Head of RevOps}}, {{Fjordline Software AS}}), [[PERSON|Jens-Uwe Brandstätter]] (their {{Salesforce}} admin), me.\nPain: duplicate contacts after {{HubSpot}} migration, ~{{12%}} of records. [[PERSON|Jens-Uwe]] has a cleanup script but it's fragile.\n[[PERSON|Solveig]] asked for EU hosting ({{Frankfurt}} region) and SSO via {{Okta}}.\nNext: security questionnaire → send to [[EMAIL|solveig.haugland@fjordline.no]]; [[PERSON|Jens-Uwe]] direct [[PHONE|+49 30 2089 6614]].",
    ),
    (
        "call_notes",
        "english/akan",
        "quick call notes – spoke w/ [[PERSON|Hope Adjei]] ({{COO}}, {{Adjei Cocoa Processing}}, {{Kumasi}}). [[PERSON|Kwabena]] is travelling so [[PERSON|Hope]] is deciding. they need offline mode for field agents, asked if {{Android app 4.8}} supports it. i said yes from {{v4.6}}. she'll loop in [[PERSON|Will Asante]] (IT). send proposal by {{Wednesday}}. her cell [[PHONE|+233 24 418 6603]]",
    ),
    (
        "call_notes",
        "english/indonesian-malay",
        "Call log – {{Jakarta}} team\nContact: Bapak [[PERSON|Hendra Wijayakusuma]], {{Direktur Operasional}}, {{PT Sinar Nusantara Logistik}}\nPhone: [[PHONE|+62 812-8834-1972]]\nDuration: {{18 min}}\nSummary: Pak [[PERSON|Hendra]] confirmed budget for {{Q4}}, around {{IDR 450 juta}}. Wants Bahasa Indonesia UI and invoices in rupiah. His coordinator [[PERSON|Nurul Aini binti Kamaruddin]] in the {{Kuala Lumpur}} office handles paperwork: [[EMAIL|nurul.aini@sinarnusa.co.id]].",
    ),
    (
        "call_notes",
        "hebrew/russian-israeli",
        "שיחה עם [[PERSON|ולרי גורדייב]] ({{CTO}} ב{{סייברארט מערכות}}). מעוניינים ב-API שלנו, ישתמשו ב-{{Zapier}}. [[PERSON|ולרי]] ביקש שנדבר גם עם [[PERSON|אדיסו]] מהתמיכה. טלפון משרד [[PHONE|03-7614482]], נייד [[PHONE|+972 52-419-8830]]. פגישת המשך ב{{יום שלישי}} ב-{{10:30}}.",
    ),
    (
        "call_notes",
        "portuguese/brazilian",
        "Notas da ligação com [[PERSON|Thaís Nogueira Albuquerque]] ({{Gerente de Vendas}}, {{Albuquerque Alimentos Ltda.}}, {{Recife}}). Ela quer migrar do {{RD Station}} até {{março}}. Time de {{28 vendedores}}. Preocupação: integração com {{WhatsApp Business API}}. Celular: [[PHONE|+55 81 99734-2186]]. Pediu para copiar o [[PERSON|Júnior]] (TI) em tudo: [[EMAIL|junior.ti@albuquerquealimentos.com.br]]. Próximo passo: demo na {{quinta-feira}}.",
    ),
    (
        "call_notes",
        "english/zulu",
        "Call notes (auto-transcribed, cleaned):\nRep: [[PERSON|Lerato]]\nProspect: [[PERSON|Sibusiso Ndlovu]], {{National Sales Manager}}, {{Ubuntu Beverages}} ({{Durban}})\n- Current tool: spreadsheets + {{WhatsApp}} groups\n- 60 reps, wants route planning\n- [[PERSON|Sibusiso]] mentioned [[PERSON|Thandeka Mthembu]] ran a similar rollout at {{Tiger Brands}}\n- Budget: {{R1.2m}} approved for {{FY25}}\n- Callback: [[PHONE|082 664 1093]] after {{15:00 SAST}}",
    ),
    (
        "call_notes",
        "english/taiwanese-singaporean",
        "Notes: call w/ [[PERSON|Lin Wei-Ting]] ([[PERSON|林蔚婷]]), {{Regional Director APAC}} at {{Formosa Medtech}}, {{Taipei}}. Their {{Singapore}} team (lead: [[PERSON|Jasper Goh]]) trialled {{Sales Hub Pro}} last year & churned. [[PERSON|Wei-Ting]] says the reason was reporting. Showed {{Analytics 3.0}} dashboards – positive. She wants pricing in {{TWD}} and {{SGD}}. Contact: [[EMAIL|weiting.lin@formosamedtech.com.tw]], [[PHONE|+886 912 338 407]].",
    ),
    # ------------------------------------------------------------------ email_draft
    (
        "email_draft",
        "english/yoruba",
        "Draft a follow-up email based on this thread:\n\nHi [[PERSON|Oluwaseun]],\n\nThanks for the time on {{Thursday}}. As promised, attached is the proposal for {{Sales Cloud Growth}} ({{25 seats}}, {{$1,875/month}}, billed annually). I've also copied [[PERSON|Funmilayo Adeyemi-Cole]] from our solutions team, who can walk [[PERSON|Tunde]] through the {{Paystack}} integration.\n\nHappy to adjust the term if {{Lekki Foods}} prefers quarterly billing.\n\nBest regards,\n[[PERSON|Ifeoluwa Ogundipe]]\n{{Account Executive}}, {{Lumen CRM}}\n[[PHONE|+234 909 771 4052]] | [[EMAIL|ifeoluwa.ogundipe@lumencrm.io]]",
    ),
    (
        "email_draft",
        "english/punjabi-hindi",
        'Rewrite this email to sound more professional:\n\n"hey [[PERSON|Gurpreet]] ji, sorry for the delay on invoice {{INV-2024-0873}}. our finance guy [[PERSON|Rohit Malhotra]] says the GST number was missing. can u send it to [[EMAIL|rohit.malhotra@lumencrm.io]] or just whatsapp me on [[PHONE|+91 99153 07728]]. the amount is {{₹2,45,000}} for the {{annual Pro plan}}. thx, [[PERSON|Anjali]]"',
    ),
    (
        "email_draft",
        "english/lebanese-pakistani",
        "Write an email to [[PERSON|Rami Haddad]] confirming the onsite workshop.\nDetails:\n- Date: {{Wednesday 6 November}}, {{9:30–13:00}}\n- Venue: [[ADDRESS|Office 1204, Boulevard Plaza Tower 2, Sheikh Mohammed bin Rashid Blvd, Downtown Dubai]]\n- Attendees from his side: [[PERSON|Rami]], [[PERSON|Layal Khoury]], [[PERSON|Ziad Abou Jaoude]]\n- Our side: [[PERSON|Nadia]] and me\n- Agenda: {{Pipeline review}}, {{Forecasting module}} setup\nSign as: [[PERSON|Omar Farouk Siddiqui]], {{Senior Solutions Consultant}}, [[PHONE|+971 4 388 2610]]",
    ),
    (
        "email_draft",
        "hebrew/mizrahi-israeli",
        "נסח מייל תודה ל[[PERSON|רעות בן שושן]] אחרי הפגישה.\n\nהיי [[PERSON|רעות]],\nתודה על הפגישה היום במשרדי {{בזק בינלאומי}} ב{{פתח תקווה}}. כמו שסיכמנו, אני שולח את ההצעה ל{{חבילת Business}} עבור {{50 משתמשים}} ב-{{₪9,800}} לחודש. אשמח אם תעבירי גם ל[[PERSON|דורון]] מהרכש.\n\nבברכה,\n[[PERSON|עידן שטרית]]\n{{מנהל לקוחות}}\n[[PHONE|050-882-4107]]\n[[EMAIL|idan.shitrit@lumencrm.co.il]]",
    ),
    (
        "email_draft",
        "arabic/saudi",
        "اكتب رداً على هذا البريد بشكل رسمي:\n\nالأستاذ [[PERSON|عبدالعزيز بن فهد الشمري]] المحترم،\nالسلام عليكم ورحمة الله،\nنشكركم على اهتمامكم بـ{{منصة المبيعات السحابية}}. يسعدنا تحديد موعد للعرض التوضيحي يوم {{الثلاثاء}} القادم في مكتبكم بـ{{الرياض}}. سيحضر معي الزميل [[PERSON|ماجد العتيبي]]، {{مدير الحلول التقنية}}.\nمع خالص التحية،\n[[PERSON|نورة القحطاني]]\n{{مديرة حسابات}}\nجوال: [[PHONE|+966 55 827 3019]]\n[[EMAIL|noura.alqahtani@lumencrm.sa]]",
    ),
    (
        "email_draft",
        "english/polish-czech",
        'Draft an email confirming we will refund {{€2,340.00}} for the duplicate charge on {{INV-55120}}.\nTo: Ms. [[PERSON|Katarzyna Wróblewska-Nowak]] ({{Finance Controller}}, {{Baltic Parcel Sp. z o.o.}}, {{Gdańsk}})\nRefund to the IBAN she provided: [[IBAN|DE59 4579 3750 3903 5825 89]]\nExpected value date: {{5–7 business days}}\nGreeting: "Dear Ms. [[PERSON|Wróblewska-Nowak]],"\nSign off:\n[[PERSON|Milan Dvořák]]\n{{Billing Specialist}}, {{Lumen CRM}} {{Prague}}\n[[EMAIL|milan.dvorak@lumencrm.io]]',
    ),
    (
        "email_draft",
        "english/amharic-akan",
        "Subject: Re: {{Onboarding}} schedule for {{Habesha Logistics}}\n\nHi [[PERSON|Bright]],\n\nJust confirming: [[PERSON|Meron Tesfaye]] will run the admin training on {{Monday 18th}} and [[PERSON|Yonas Gebremedhin]] the end-user session on {{Tuesday}}. Both via {{Microsoft Teams}}; invites come from [[EMAIL|meron.tesfaye@lumencrm.io]].\n\nCould you share the user list as CSV by {{Friday}}?\n\nThanks,\n[[PERSON|Sunny Osei-Bonsu]]\n{{Customer Success Manager}}\nM: [[PHONE|+44 7911 482 630]]\n---\nPlease polish this draft and keep it short.",
    ),
    (
        "email_draft",
        "french/senegalese",
        "Rédige un e-mail de relance poli.\nDestinataire : Mme [[PERSON|Aïssatou Diallo-Mbaye]], {{Directrice des Achats}}, {{Sénégal Télécom Services}} ({{Dakar}})\nContexte : devis {{DV-2024-311}} envoyé le {{3 octobre}} pour l'offre {{Premium}} ({{14 900 €}} / an), pas de réponse. Son collègue [[PERSON|Jean-Baptiste Lefèvre]] à {{Lyon}} semblait favorable.\nSignature : [[PERSON|Camille Rousseau-Benali]], {{Responsable Grands Comptes}}, [[PHONE|+33 6 48 21 75 09]]",
    ),
    (
        "email_draft",
        "english/thai",
        'Write a short email to [[PERSON|Siriporn Chaiyaphum]] (nickname "[[PERSON|Ploy]]") thanking her for the referral and confirming we\'ll ship the welcome kit to:\n[[ADDRESS|88/12 Soi Sukhumvit 39\nKhlong Tan Nuea, Watthana\nBangkok 10110\nThailand]]\nMention that {{Kasem Import Co.}} qualifies for the {{Partner Referral Bonus}} ({{10%}} of first-year ACV). Sign off as [[PERSON|Daniel Okafor-Reyes]].',
    ),
    (
        "email_draft",
        "english/moroccan",
        "Hi [[PERSON|Youssef]],\n\nGreat speaking with you and [[PERSON|Salma Benjelloun]] yesterday. Recap:\n• {{Atlas Maroc Distribution}} will start on the {{Team plan}} ({{15 users}}) in {{January}}\n• Data migration from {{Zoho}} handled by our partner {{Benali Consulting}}\n• Arabic + French UI confirmed\n\n[[PERSON|Youssef El Amrani]], if you can send the signed order form by {{20/12}} we can hold {{2024 pricing}}.\n\nCordialement / Saludos,\n[[PERSON|Lucía Herrera]]\n{{Sales Manager MENA}}\n[[PHONE|+34 612 48 37 90]]\n\n(Please translate this draft into French.)",
    ),
    (
        "email_draft",
        "english/anglo-korean",
        "Draft a reply to this inbound email, decline politely (we don't support on-prem):\n\nFrom: [[PERSON|Richard \"Rich\" Youngblood]] <[[EMAIL|rich.youngblood@patriotfleet.com]]>\nSubject: On-prem option?\n\nHey team — we're a defense contractor in {{Norfolk, VA}}, need the CRM on our own servers ({{RHEL 9}}). Can you do that? My colleague [[PERSON|Young-ho Shin]] can share specs. Reach me at [[PHONE|(757) 318-4402]].\n\n[[PERSON|Rich]]\n{{Fleet IT Manager}}, {{Patriot Fleet Services}}",
    ),
    (
        "email_draft",
        "english/persian-greek",
        "Compose a congratulations email to [[PERSON|Shirin Mahdavi-Rad]] on her promotion to {{Chief Revenue Officer}} at {{Parsis Analytics}}. Mention our {{renewal}} in {{April}} and that [[PERSON|Nikos Papadakis]] from our {{Athens}} office will be her new point of contact ([[EMAIL|nikos.papadakis@lumencrm.io]], [[PHONE|+30 694 518 2270]]). Keep it warm, under 120 words, and sign it from [[PERSON|Hannah Rosenfeld]], {{VP Customer Success}}.",
    ),
    # ------------------------------------------------------------------ chat_history
    (
        "chat_history",
        "english/ugandan",
        'user: who\'s the contact at {{Makerere Agro}}?\nassistant: The primary contact is [[PERSON|Nakato Ssempijja]], {{Procurement Officer}}, based in {{Kampala}}. Last activity: email opened on {{3 September}}.\nuser: ok draft a whatsapp msg to [[PERSON|nakato]], mention the {{Harvest Promo}} ends {{30 Sept}}\nassistant: Sure — "Hi [[PERSON|Nakato]], quick reminder that our Harvest Promo ({{20% off}} the {{Growth plan}}) ends 30 Sept. Happy to set it up this week!"\nuser: also cc [[PERSON|mukasa]] his number is [[PHONE|+256 772 481 903]]',
    ),
    (
        "chat_history",
        "english/tamil",
        '[{"role": "system", "content": "You are the {{Lumen CRM}} assistant."}, {"role": "user", "content": "summarize my last call with [[PERSON|Aditi Raghavan]]"}, {"role": "assistant", "content": "Call on {{Monday}} with [[PERSON|Aditi]] ({{Head of Growth}}, {{Kanmani Foods}}): interested in the {{Marketing Hub}} add-on, concerned about {{INR}} pricing. Follow-up due {{Oct 21}}."}, {"role": "user", "content": "add her colleague [[PERSON|Sathish Kumar]] as a contact, email [[EMAIL|sathish.k@kanmanifoods.in]], phone [[PHONE|+91 44 4287 6610]]"}, {"role": "assistant", "content": "Done. [[PERSON|Sathish]] is now linked to {{Kanmani Foods}}."}]',
    ),
    (
        "chat_history",
        "hebrew/israeli",
        "user: תן לי את הטלפון של [[PERSON|מורן אזולאי]] מ{{אלקון מערכות}}\nassistant: הנייד של [[PERSON|מורן]] הוא [[PHONE|052-6641873]]. המשרד ב{{חיפה}}: [[PHONE|04-8317720]].\nuser: תשלח לה תזכורת על הפגישה ב{{יום רביעי}} ותוסיף את [[PERSON|בני]] מהצוות שלי\nassistant: בוצע. נשלחה תזכורת ל-[[EMAIL|moran.az@alcon-sys.co.il]] עם העתק ל[[PERSON|בני רוזנטל]].",
    ),
    (
        "chat_history",
        "arabic/jordanian",
        "user: شو آخر شي صار مع [[PERSON|رنا الخطيب]]؟\nassistant: آخر تواصل كان مكالمة يوم {{الخميس}} مع [[PERSON|رنا]] ({{مديرة التسويق}} في {{شركة الشرق للتجزئة}}، {{عمّان}}). طلبت عرض سعر لـ{{باقة النمو}}.\nuser: ابعتلها العرض على الواتساب [[PHONE|+962 79 548 3107]] وحط [[PERSON|أبو سامي]] بالنسخة\nassistant: تم إرسال العرض، وأضفت [[PERSON|سامر الخطيب]] ([[PERSON|أبو سامي]]) بالنسخة.",
    ),
    (
        "chat_history",
        "english/polish",
        "user: the hubspot sync is failing again\nassistant: I can check the integration. Can you share the error from {{Settings → Integrations}}?\nuser: it says 401. here's the key we use: [[SECRET|pat-na1-7f3c9b2e-41d8-4a6f-b0e5-92c1d84a7e60]]\nassistant: Thanks. A 401 usually means the private app token was revoked. Please ask your {{HubSpot}} super admin to regenerate it — and please don't paste tokens in chat.\nuser: ok, admin is [[PERSON|Tomasz Zieliński]], ill ask him. also [[PERSON|bogdan]] says the same happened in {{v3.14}}",
    ),
    (
        "chat_history",
        "english/chinese",
        'user: can you translate this for the {{Shenzhen}} distributor? "Please confirm the PO with Mr. [[PERSON|Zhang Haoran]] before {{Friday}}; the shipment to {{Rotterdam}} depends on it."\nassistant: 请在{{周五}}之前与[[PERSON|张浩然]]先生确认采购订单；发往{{鹿特丹}}的货物取决于此。\nuser: perfect. also who is [[PERSON|Xiaoyu]]?\nassistant: [[PERSON|Chen Xiaoyu]] ([[PERSON|陈晓雨]]) is the {{export coordinator}} at {{Pearl River Components}}, email [[EMAIL|chenxiaoyu@prcomponents.cn]].',
    ),
    (
        "chat_history",
        "russian/tatar-russian",
        "user: Напомни, кто у нас контакт в {{Казань Агро}}?\nassistant: Основной контакт — [[PERSON|Гульназ Рашидовна Хабибуллина]], {{коммерческий директор}}. Телефон: [[PHONE|+7 917 284-51-63]].\nuser: Отправь ей письмо про продление {{тарифа Бизнес}} до {{31 декабря}}, и добавь в копию [[PERSON|Диму Соколова]]\nassistant: Готово, письмо отправлено на [[EMAIL|g.khabibullina@kazanagro.ru]], копия — [[PERSON|Дмитрий Соколов]].",
    ),
    (
        "chat_history",
        "english/kenyan-swazi",
        "user: did [[PERSON|grace]] reply?\nassistant: Yes — [[PERSON|Grace Achieng]] replied on {{Tuesday}}: she's approved the {{Pro plan}} upgrade but wants the {{SSO add-on}} waived.\nuser: lol no. tell her we can do {{50% off}} SSO for year 1. and ping [[PERSON|lucky]] to prep the order form\nassistant: Drafted. Should I send it from your address or [[PERSON|Lucky Dlamini]]'s?\nuser: mine",
    ),
    (
        "chat_history",
        "english/pakistani",
        "user: we got a login alert for [[PERSON|Farhan Qureshi]]'s account from [[IP|185.220.101.47]], is that him?\nassistant: His usual sign-ins come from [[IP|39.45.118.212]] ({{Lahore}}). The flagged session used {{Chrome 129}} on {{Linux}}, which he hasn't used before.\nuser: lock it and text him at [[PHONE|+92 300 481 2276]]\nassistant: Account locked. I can't send SMS directly; I've created task {{TASK-8841}} for [[PERSON|Farhan]]'s manager [[PERSON|Ayesha Siddiqa Malik]].",
    ),
    (
        "chat_history",
        "english/colombian",
        "user: resumen rápido in english pls of [[PERSON|Juan Pablo Restrepo]]'s account\nassistant: {{Andes Café Export}} ({{Medellín}}): {{Enterprise}} customer since {{2022}}, ARR {{$96,000}}, renewal {{March 2025}}. Main contacts: [[PERSON|Juan Pablo]] ({{CEO}}) and [[PERSON|Valentina Ocampo]] ({{Head of Sales}}). Open ticket {{SUP-4410}} about invoice currency.\nuser: what's [[PERSON|valentina]]'s cell\nassistant: [[PHONE|+57 310 772 4418]]",
    ),
    (
        "chat_history",
        "english/norwegian-swedish-greek",
        '{"messages": [{"role": "user", "content": "Log a note on {{Nordvik Marine}}: met [[PERSON|Eirik Sæther]] and [[PERSON|Astrid Lindqvist]] at {{Nor-Shipping}} in {{Oslo}}, they want a quote for {{40 seats}} by {{June 14}}"}, {"role": "assistant", "content": "Note logged on {{Nordvik Marine}}. Should I create a task for the quote?"}, {"role": "user", "content": "yes assign to [[PERSON|kostas]]"}, {"role": "assistant", "content": "Task created and assigned to [[PERSON|Konstantinos Georgiou]], due {{June 12}}."}]}',
    ),
    (
        "chat_history",
        "english/turkish-persian",
        "user: [[PERSON|Elif]] from {{Anadolu Tekstil}} called, she wants the contract in Turkish\nassistant: Noted. [[PERSON|Elif Karaca]] is the {{legal counsel}} on the {{Anadolu Tekstil}} deal ({{OPP-3302}}, {{€54,000}}). Should I request a translation from {{Legal Ops}}?\nuser: yes. and send her number to [[PERSON|Babak]], he's doing the call tomorrow: [[PHONE|+90 212 483 17 60]]\nassistant: Sent to [[PERSON|Babak Tehrani]] via {{Slack}}.",
    ),
    # ------------------------------------------------------------------ json_record
    (
        "json_record",
        "english/igbo",
        '{"lead_id": "{{LD-448120}}", "first_name": "[[PERSON|Chiamaka]]", "last_name": "[[PERSON|Okonkwo]]", "company": "{{Okonkwo Textiles Ltd}}", "title": "{{Managing Director}}", "email": "[[EMAIL|chiamaka@okonkwotextiles.ng]]", "mobile": "[[PHONE|+2348034417729]]", "city": "{{Onitsha}}", "source": "{{Trade Fair Lagos 2024}}", "owner": "[[PERSON|Ikenna Nwachukwu]]", "status": "{{MQL}}"}',
    ),
    (
        "json_record",
        "english/vietnamese-australian",
        '{"contact": {"name": {"given": "[[PERSON|Bao]]", "family": "[[PERSON|Tran]]"}, "preferred_name": "[[PERSON|Bobby]]", "role": "{{Store Manager}}", "employer": "{{Footscray Fresh Markets}}", "phones": [{"type": "mobile", "number": "[[PHONE|0412 773 058]]"}, {"type": "work", "number": "[[PHONE|(03) 9687 2214]]"}], "address": {"line1": "[[ADDRESS|14 Hopkins Street, Footscray VIC 3011]]"}, "tags": ["{{Melbourne}}", "{{Retail}}", "{{Q2 promo}}"]}}',
    ),
    (
        "json_record",
        "english/emirati-malayali",
        '{"deal_id": "{{D-90331}}", "deal_name": "{{Al Mansoori Fleet CRM rollout}}", "stage": "{{Negotiation}}", "amount_aed": {{185000}}, "close_date": "{{2024-12-15}}", "decision_maker": "[[PERSON|Khalifa Rashed Al Mansoori]]", "champion": "[[PERSON|Priyanka Menon]]", "champion_phone": "[[PHONE|+971 55 603 1847]]", "notes": "[[PERSON|Priyanka]] (ops, {{Abu Dhabi}}) is pushing for the {{Fleet Telematics}} add-on; [[PERSON|Khalifa]] wants {{10%}} off"}',
    ),
    (
        "json_record",
        "hebrew/moroccan-israeli",
        '{"customer": {"full_name": "[[PERSON|שלומית אבוטבול]]", "id_number": "[[IL_ID|252897582]]", "phone": "[[PHONE|050-3317942]]", "address": "[[ADDRESS|רחוב ז\'בוטינסקי 45, רמת גן]]", "company": "{{אבוטבול הנדסה בע\\"מ}}", "plan": "{{Pro}}", "notes": "[[PERSON|שלומית]] ביקשה חשבונית על שם החברה ולא על שמה הפרטי. לחדש ב{{ינואר}}"}}',
    ),
    (
        "json_record",
        "arabic/saudi",
        '{"الاسم": "[[PERSON|سلطان بن ناصر الهاجري]]", "الجوال": "[[PHONE|0551739028]]", "المدينة": "{{الدمام}}", "الشركة": "{{مؤسسة الهاجري للمقاولات}}", "المرحلة": "{{عرض سعر}}", "القيمة": "{{SAR 92,000}}", "IBAN": "[[IBAN|SA1780704208892373309624]]", "ملاحظات": "العميل [[PERSON|سلطان]] طلب التقسيط على {{4 دفعات}}"}',
    ),
    (
        "json_record",
        "english/vietnamese-sinhala-edo",
        '[{"contactName": "[[PERSON|Phạm Anh Thư]]", "contactEmail": "[[EMAIL|thu.pham@mekongseafood.vn]]", "account": "{{Mekong Seafood Corp}}", "jobTitle": "{{Export Manager}}"}, {"contactName": "[[PERSON|Kiran Wickramasinghe]]", "contactEmail": "[[EMAIL|kiran.w@ceylonteahouse.lk]]", "account": "{{Ceylon Tea House}}", "jobTitle": "{{Director}}", "phone": "[[PHONE|+94 77 318 4402]]"}, {"contactName": "[[PERSON|Amen Okoro]]", "contactEmail": "[[EMAIL|amen@okorofarms.com]]", "account": "{{Okoro Farms}}", "jobTitle": "{{Owner}}"}]',
    ),
    (
        "json_record",
        "english/salvadoran-american",
        '{"partner_id": "{{PRT-2291}}", "legal_name": "[[PERSON|Marisol Quintanilla-Vega]]", "dba": "{{Quintanilla Consulting LLC}}", "tax_id_type": "SSN", "tax_id": "[[SSN|529-41-7783]]", "commission_rate": "{{12.5%}}", "mailing_address": "[[ADDRESS|2210 W Alameda Ave, Apt 3B, Denver, CO 80223]]", "phone": "[[PHONE|(720) 441-9036]]", "region": "{{Mountain West}}"}',
    ),
    (
        "json_record",
        "english/turkish",
        '{"invoice": "{{INV-77812}}", "status": "payment_failed", "amount": "{{€1,180.00}}", "card_holder": "[[PERSON|Zeynep Arslan Öztürk]]", "card_number": "[[CARD|4537455598603629]]", "billing_email": "[[EMAIL|zeynep.ozturk@egeyazilim.com.tr]]", "account": "{{Ege Yazılım A.Ş.}}", "retry_on": "{{Thursday}}"}',
    ),
    (
        "json_record",
        "spanish/mexican",
        '{"id_cliente": "{{CL-3391}}", "nombre": "[[PERSON|Guadalupe Cárdenas Villarreal]]", "apodo": "[[PERSON|Lupita]]", "empresa": "{{Villarreal Hermanos S.A. de C.V.}}", "puesto": "{{Gerente de Compras}}", "telefono": "[[PHONE|+52 81 8342 1907]]", "direccion": "[[ADDRESS|Av. Constitución 1450 Pte, Col. Centro, 64000 Monterrey, N.L.]]", "etapa": "{{Propuesta enviada}}", "monto": "{{MXN 310,000}}"}',
    ),
    (
        "json_record",
        "english/anglo-american",
        '{"properties": {"firstname": "[[PERSON|Summer]]", "lastname": "[[PERSON|Blackwood]]", "email": "[[EMAIL|summer.blackwood@tidewaterhealth.org]]", "phone": "[[PHONE|+1 843-557-2109]]", "company": "{{Tidewater Health Partners}}", "jobtitle": "{{Director of Patient Access}}", "hs_lead_status": "{{OPEN_DEAL}}", "lifecyclestage": "{{salesqualifiedlead}}", "hubspot_owner_id": "{{41877201}}", "notes_last_contacted": "{{2024-10-02T14:31:00Z}}"}}',
    ),
    (
        "json_record",
        "english/japanese",
        '{"account_name": "{{Nakagawa Shoji K.K.}}", "hq": "{{Osaka}}", "arr_jpy": {{18400000}}, "stakeholders": [{"n": "[[PERSON|中川 健一]]", "romaji": "[[PERSON|Kenichi Nakagawa]]", "pos": "{{代表取締役}}"}, {"n": "[[PERSON|佐々木 美咲]]", "romaji": "[[PERSON|Misaki Sasaki]]", "pos": "{{営業部長}}", "tel": "[[PHONE|06-6341-7725]]"}], "next_action": "{{renewal call}} {{11月5日}}"}',
    ),
    (
        "json_record",
        "english/south-african",
        '{"event": "login", "user": {"id": "{{usr_30918}}", "display_name": "[[PERSON|Chance Moloi-Walters]]", "email": "[[EMAIL|chance.mw@capeventures.co.za]]"}, "ip": "[[IP|102.132.218.44]]", "ip_v6": "[[IP|2c0f:f4c0:1a2b:7e::31]]", "client": "{{Lumen CRM iOS 6.2.1}}", "location": "{{Cape Town}}", "ts": "{{2024-11-04T07:12:55+02:00}}"}',
    ),
    # ------------------------------------------------------------------ csv_table
    (
        "csv_table",
        "english/yoruba-akan",
        "Clean up this export and dedupe by email:\nname,email,phone,company,title,city\n[[PERSON|Folake Adesanya]],[[EMAIL|folake.adesanya@gmail.com]],[[PHONE|+234 802 331 4478]],{{Ibadan Agro Mills}},{{CFO}},{{Ibadan}}\n[[PERSON|Folake Adesanya]],[[EMAIL|FOLAKE.ADESANYA@GMAIL.COM]],[[PHONE|08023314478]],{{Ibadan Agro Mills}},{{Chief Financial Officer}},{{Ibadan}}\n[[PERSON|Kofi Boateng]],[[EMAIL|kofi@accrasolar.com.gh]],[[PHONE|+233 20 771 5582]],{{Accra Solar}},{{Founder}},{{Accra}}\n[[PERSON|Ama Serwaa Mensah]],[[EMAIL|ama.mensah@accrasolar.com.gh]],,{{Accra Solar}},{{Head of Sales}},{{Accra}}",
    ),
    (
        "csv_table",
        "german/german-turkish-austrian",
        "Bitte fasse diese Liste zusammen (Top-Chancen {{Q4}}):\nName;Firma;Position;Telefon;Potenzial\nDr. [[PERSON|Henrike Vogelsang]];{{Vogelsang Medizintechnik GmbH}};{{Geschäftsführerin}};[[PHONE|+49 89 4521 7730]];{{120.000 €}}\n[[PERSON|Mehmet Kaya]];{{Rhein-Ruhr Logistik AG}};{{Einkaufsleiter}};[[PHONE|0211 55 83 019]];{{85.000 €}}\n[[PERSON|Lukas Oberhuber]];{{Alpen Software KG}};{{CTO}};[[PHONE|+43 664 218 5593]];{{40.000 €}}",
    ),
    (
        "csv_table",
        "hebrew/israeli",
        "נא למיין לפי סטטוס ולהחזיר טבלה:\nשם,טלפון,מייל,חברה,ת.ז.,סטטוס\n[[PERSON|אושרת יעקובי]],[[PHONE|052-4471089]],[[EMAIL|oshrat.y@gmail.com]],{{יעקובי נכסים}},[[IL_ID|026466573]],{{ליד חם}}\n[[PERSON|סאמר חסון]],[[PHONE|054-8823016]],[[EMAIL|samer@hasson-build.co.il]],{{חסון בנייה}},,{{משא ומתן}}\n[[PERSON|ברוך (ברוכי) וקנין]],[[PHONE|058-3306172]],,{{מאפיית וקנין}},[[IL_ID|249202037]],{{לחזור אחרי החגים}}\n[[PERSON|אלינה]],[[PHONE|050-2281947]],,{{סטודיו אלינה}},,{{קר}}",
    ),
    (
        "csv_table",
        "arabic/gulf-tunisian",
        "الاسم,الجوال,الشركة,المدينة,المرحلة\n[[PERSON|مريم الزعابي]],[[PHONE|+971 50 771 2046]],{{الزعابي للتجارة العامة}},{{الشارقة}},{{عرض سعر}}\n[[PERSON|خالد بن عبدالله المري]],[[PHONE|+974 5531 8820]],{{شركة المري للإنشاءات}},{{الدوحة}},{{تفاوض}}\n[[PERSON|ياسمين بن علي]],[[PHONE|+216 98 441 207]],{{تونس للبرمجيات}},{{تونس}},{{مؤهل}}\nلخّص الفرص المفتوحة حسب المدينة.",
    ),
    (
        "csv_table",
        "english/global",
        'Geocode these shipping addresses for the swag kits:\ncontact,address,country\n"[[PERSON|Rosa Mamani Quispe]]","[[ADDRESS|Calle Sagárnaga 213, La Paz]]",{{Bolivia}}\n"[[PERSON|Ngozi Eze-Okafor]]","[[ADDRESS|17 Admiralty Way, Lekki Phase 1, Lagos 106104]]",{{Nigeria}}\n"[[PERSON|Björn Åkesson]]","[[ADDRESS|Götgatan 48, 118 26 Stockholm]]",{{Sweden}}\n"[[PERSON|Dilnoza Yusupova]]","[[ADDRESS|Amir Temur ko\'chasi 107, Tashkent 100084]]",{{Uzbekistan}}\n"[[PERSON|Kalani Kahananui]]","[[ADDRESS|1450 Ala Moana Blvd, Suite 2100, Honolulu, HI 96814]]",{{USA}}',
    ),
    (
        "csv_table",
        "english/indian-colombian-british",
        "Pipeline export ({{Oct 2024}}), explain the drop in stage 3:\nOwner\tAccount\tContact\tStage\tAmount\n[[PERSON|Raghav Iyer]]\t{{Chennai Auto Parts}}\t[[PERSON|Meenakshi Sundaram]]\t{{3 - Proposal}}\t{{$42,000}}\n[[PERSON|Raghav Iyer]]\t{{Coimbatore Mills}}\t[[PERSON|Senthil Murugan]]\t{{2 - Discovery}}\t{{$18,500}}\n[[PERSON|Carmen Ruiz]]\t{{Bogotá Farma}}\t[[PERSON|Andrés Felipe Gaviria]]\t{{3 - Proposal}}\t{{$67,000}}\n[[PERSON|Will Thornbury]]\t{{Leeds Build Supply}}\t[[PERSON|Joy Ibekwe]]\t{{4 - Negotiation}}\t{{£31,000}}\n[[PERSON|Will Thornbury]]\t{{Harrogate Print Co}}\t[[PERSON|Young Kim]]\t{{3 - Proposal}}\t{{£12,400}}",
    ),
    (
        "csv_table",
        "english/japanese-polish-igbo",
        "Reconcile failed payments vs. the {{Stripe}} export:\ncustomer,card,amount,error\n[[PERSON|Tatsuya Mori]],[[CARD|4048 0940 8463 6637]],{{¥128,000}},{{card_declined}}\n[[PERSON|Ewa Kowalczyk]],[[CARD|5406 0020 0625 3350]],{{€890}},{{expired_card}}\n[[PERSON|Obinna Uchenna]],[[CARD|3723 507222 77869]],{{$2,400}},{{insufficient_funds}}\nAll three are on the {{Pro Annual}} plan; draft dunning notes.",
    ),
    (
        "csv_table",
        "english/filipino-malay-thai",
        "Event: {{Lumen Connect Manila 2024}}\nWrite personalised thank-you notes for each attendee.\nfirst,last,email,mobile,company\n[[PERSON|Ma. Luisa]],[[PERSON|Dela Cruz-Santos]],[[EMAIL|luisa.santos@islandbpo.ph]],[[PHONE|0917 664 2093]],{{Island BPO Inc.}}\n[[PERSON|Jericho]],[[PERSON|Bautista]],[[EMAIL|jericho.bautista@luzonutil.com.ph]],[[PHONE|+63 928 441 7765]],{{Luzon Utilities}}\n[[PERSON|Ahmad Faizal]],[[PERSON|bin Ismail]],[[EMAIL|faizal.ismail@kltech.my]],[[PHONE|+60 12-338 4471]],{{KL Tech Sdn Bhd}}\n[[PERSON|Chalerm]],[[PERSON|Srisawat]],[[EMAIL|chalerm.s@siamfoods.co.th]],[[PHONE|+66 81 734 2290]],{{Siam Foods Public Co.}}",
    ),
    (
        "csv_table",
        "english/american-tamil-akan",
        "Partner payout file for {{November}} — check the totals:\npartner_name,ssn,state,deals_closed,payout_usd\n[[PERSON|DeShawn Whitfield]],[[SSN|412-67-3309]],{{GA}},4,{{3,200.00}}\n[[PERSON|Lakshmi Venkataraman]],[[SSN|078-35-9124]],{{NJ}},7,{{5,950.00}}\n[[PERSON|Bright Owusu]],[[SSN|531-08-2276]],{{WA}},2,{{1,100.00}}",
    ),
    (
        "csv_table",
        "english/israeli-arab-israeli",
        'Import preview (rows 1-4) from {{Priority ERP}}:\nCustomerName,IDNumber,Mobile,Address,Plan\n[[PERSON|Avital Ben-Ami]],[[IL_ID|213853880]],[[PHONE|054-7719326]],"[[ADDRESS|Sokolov 38, Herzliya]]",{{Pro}}\n[[PERSON|Yehuda Tzadok]],[[IL_ID|258878230]],[[PHONE|052-6604418]],"[[ADDRESS|HaGalil 5 apt 12, Kiryat Shmona]]",{{Starter}}\n[[PERSON|Rawan Zoabi]],[[IL_ID|021000112]],[[PHONE|050-9914025]],"[[ADDRESS|Paulus VI St 71, Nazareth]]",{{Pro}}\n[[PERSON|Dmitri Abramov]],[[IL_ID|064259575]],[[PHONE|053-3382710]],"[[ADDRESS|Rager Blvd 120, Be\'er Sheva]]",{{Business}}\nFlag rows where the plan doesn\'t match the seat count in {{Salesforce}}.',
    ),
    (
        "csv_table",
        "english/turkish-samoan-yoruba",
        "user,email,last_ip,last_login,role\n[[PERSON|Kemal Aydın]],[[EMAIL|kemal.aydin@lumencrm.io]],[[IP|88.247.130.19]],{{2024-11-02 08:14}},{{Sales Rep}}\n[[PERSON|Leilani Fonoti]],[[EMAIL|leilani.f@lumencrm.io]],[[IP|203.86.204.55]],{{2024-11-02 09:40}},{{SDR}}\n[[PERSON|Olumide Bakare]],[[EMAIL|olumide.b@lumencrm.io]],[[IP|2a02:c7c:5c3e:1100:9d4:e2ff:fe31:8a07]],{{2024-11-01 22:03}},{{Admin}}\nWhich of these users logged in from outside {{Turkey}}?",
    ),
    # ------------------------------------------------------------------ tool_result
    (
        "tool_result",
        "english/quebecois",
        '{"tool": "enrich_contact", "status": "ok", "result": {"name": "[[PERSON|Ren\\u00e9e Dub\\u00e9-Tremblay]]", "title": "{{VP Marketing}}", "company": "{{Qu\\u00e9bec Sant\\u00e9 Num\\u00e9rique}}", "location": "{{Montr\\u00e9al}}", "work_email": "[[EMAIL|renee.dube@qcsante.ca]]", "direct_dial": "[[PHONE|+1 514-872-3361]]", "employees": "{{201-500}}", "tech_stack": ["{{Salesforce}}", "{{Marketo}}", "{{Slack}}"], "confidence": 0.87}}',
    ),
    (
        "tool_result",
        "english/turkish",
        '{"role": "tool", "tool_call_id": "{{call_7Hq2xN}}", "name": "crm_search", "content": "{\\"total\\": 2, \\"results\\": [{\\"contact\\": \\"[[PERSON|G\\u00f6khan \\u00c7elik]]\\", \\"account\\": \\"{{Marmara Lojistik}}\\", \\"phone\\": \\"[[PHONE|+90 216 574 33 18]]\\", \\"stage\\": \\"{{Demo scheduled}}\\"}, {\\"contact\\": \\"[[PERSON|Ay\\u015fe Demirta\\u015f]]\\", \\"account\\": \\"{{Marmara Lojistik}}\\", \\"email\\": \\"[[EMAIL|ayse.demirtas@marmaralojistik.com.tr]]\\", \\"stage\\": \\"{{Demo scheduled}}\\"}]}"}',
    ),
    (
        "tool_result",
        "english/akan-norwegian",
        '{"tool": "get_availability", "attendees": [{"name": "[[PERSON|Kwame Asante-Darko]]", "email": "[[EMAIL|kwame.ad@goldcoastmining.com]]", "tz": "{{Africa/Accra}}", "free": ["{{2024-11-12T10:00}}", "{{2024-11-12T15:00}}"]}, {"name": "[[PERSON|Ingrid Solberg]]", "email": "[[EMAIL|ingrid.solberg@lumencrm.io]]", "tz": "{{Europe/Oslo}}", "free": ["{{2024-11-12T15:00}}"]}], "note": "[[PERSON|Kwame]]\\u2019s assistant [[PERSON|Efua]] manages his calendar"}',
    ),
    (
        "tool_result",
        "english/malian",
        '{"tool": "web_search", "query": "{{Sahel Solar Partners}} CEO", "results": [{"title": "Leadership | {{Sahel Solar Partners}}", "url": "https://www.sahelsolarpartners.com/team", "snippet": "[[PERSON|Moussa Ba\\u00efd\\u00e9 Kon\\u00e9]], Chief Executive Officer, founded the company in {{2016}} in {{Bamako}} after a decade at {{TotalEnergies}}\\u2026"}, {"title": "{{Sahel Solar}} eyes {{Burkina Faso}} expansion", "url": "https://www.energyafrica-news.com/2024/03/sahel-solar", "snippet": "\\u2026 [[PERSON|Kon\\u00e9]] told reporters the firm would open an office in {{Ouagadougou}} by {{Q3}}, with COO [[PERSON|Aminata Traor\\u00e9]] leading \\u2026"}]}',
    ),
    (
        "tool_result",
        "arabic/emirati",
        '{"tool": "lookup_customer", "result": {"name_ar": "[[PERSON|عائشة محمود الفلاسي]]", "name_en": "[[PERSON|Aisha Mahmoud Al Falasi]]", "mobile": "[[PHONE|+971 52 946 3018]]", "emirate": "{{أبوظبي}}", "segment": "{{VIP}}", "open_tickets": ["{{TCK-10442}}"], "iban": "[[IBAN|AE37 0332 9219 7300 2284 060]]", "notes": "طلبت [[PERSON|عائشة]] استرداد مبلغ {{1,250 درهم}} عن فاتورة {{أكتوبر}}"}}',
    ),
    (
        "tool_result",
        "english/kenyan",
        '{"tool": "ip_lookup", "input": "[[IP|41.203.72.118]]", "output": {"country": "{{Kenya}}", "city": "{{Mombasa}}", "asn": "{{AS36866}}", "org": "{{Jamii Telecommunications}}", "linked_contact": "[[PERSON|Zawadi Achieng Odhiambo]]", "linked_account": "{{Pwani Fresh Produce}}", "last_seen": "{{2024-10-29}}"}}',
    ),
    (
        "tool_result",
        "english/chilean",
        '{"tool": "gmail.get_thread", "thread_id": "{{18c2f9a0b7e4d3c1}}", "messages": [{"from": "[[PERSON|Tom\\u00e1s Ib\\u00e1\\u00f1ez]] <[[EMAIL|tomas.ibanez@vinosdelsur.cl]]>", "date": "{{Mon, 4 Nov 2024 09:12}}", "body": "Hola [[PERSON|Kate]],\\nWe\\u2019re ready to move forward with the {{Team plan}}. Please send the contract to our lawyer, [[PERSON|Francisca Undurraga]].\\n\\nSaludos,\\n[[PERSON|Tom\\u00e1s]]\\n{{Gerente General}} | {{Vinos del Sur}}\\n[[PHONE|+56 9 8741 2260]]"}]}',
    ),
    (
        "tool_result",
        "hebrew/israeli",
        '{"tool": "search_leads", "query": "{{לידים מאוקטובר}}", "results": [{"שם": "[[PERSON|עדי בן דוד]]", "טלפון": "[[PHONE|052-3318047]]", "חברה": "{{בן דוד שיווק}}", "עיר": "{{נתניה}}"}, {"שם": "[[PERSON|יוסף (ג\'ו) עמר]]", "טלפון": "[[PHONE|03-5279914]]", "חברה": "{{עמר פתרונות אחסון}}", "עיר": "{{חולון}}"}, {"שם": "[[PERSON|אורטל שמש]]", "טלפון": "[[PHONE|+972-54-771-2093]]", "חברה": "{{שמש אנרגיות}}", "עיר": "{{באר שבע}}", "ת.ז.": "[[IL_ID|010828465]]"}]}',
    ),
    (
        "tool_result",
        "english/vietnamese",
        '{"tool": "ocr_extract", "file": "{{order_form_HanoiPrint_v2.pdf}}", "fields": {"customer_name": "[[PERSON|V\\u0169 Ng\\u1ecdc Anh]]", "company": "{{Hanoi Print & Packaging JSC}}", "plan": "{{Business Annual}}", "seats": "30", "card_number": "[[CARD|5359 9755 1935 3543]]", "billing_address": "[[ADDRESS|S\\u1ed1 18 Ng\\u00f5 45 Tr\\u1ea7n Duy H\\u01b0ng, C\\u1ea7u Gi\\u1ea5y, H\\u00e0 N\\u1ed9i]]", "signature_date": "{{15/10/2024}}"}, "warnings": ["card number detected \\u2013 mask before storing"]}',
    ),
    (
        "tool_result",
        "english/tamil-brazilian-akan",
        '{"tool": "slack.search", "query": "{{Kente Digital}} demo", "matches": [{"user": "[[PERSON|priya.raman]]", "channel": "{{#sales-africa}}", "ts": "{{1731052800.001200}}", "text": "can someone cover [[PERSON|Akosua]]\\u2019s demo with {{Kente Digital}} on {{Thu}}? she\\u2019s out sick"}, {"user": "[[PERSON|mateus.barbosa]]", "channel": "{{#sales-africa}}", "ts": "{{1731053711.004500}}", "text": "I can. Is it still {{Pro}} vs {{Enterprise}}? Her contact there is [[PERSON|Yaw]], right?"}]}',
    ),
    (
        "tool_result",
        "english/ukrainian",
        '{"tool": "http_request", "status": 401, "request": {"method": "POST", "url": "https://api.pipedrive.com/v1/persons?api_token=[[SECRET|8f3c1a7e9b2d4f60c5e8a1b3d7f9e2c4a6b8d0e1]]", "body": {"name": "[[PERSON|Oksana Melnychuk]]", "email": ["[[EMAIL|oksana.melnychuk@kyivagro.ua]]"], "phone": ["[[PHONE|+380 67 412 8833]]"], "org_name": "{{Kyiv Agro Holding}}", "label": "{{Hot lead}}", "visible_to": "{{Sales – CEE}}"}}, "response": {"success": false, "error": "You need to be authorized to make this request."}}',
    ),
    (
        "tool_result",
        "english/korean",
        '{"tool": "translate", "source_lang": "ko", "target_lang": "en", "input": "[[PERSON|이지훈]] 부장님께 {{금요일}}까지 견적서를 보내주세요. 연락처: [[PHONE|010-4827-3316]]", "output": "Please send the quote to General Manager [[PERSON|Lee Ji-hoon]] by {{Friday}}. Contact: [[PHONE|010-4827-3316]]", "account": "{{Hanul Bio}}", "chars": 52}',
    ),
    # ------------------------------------------------------------------ meeting_transcript
    (
        "meeting_transcript",
        "english/urhobo-swedish-norwegian",
        "Summarize this meeting transcript and list action items:\n\n[00:00:04] [[PERSON|Oghenekaro Edewor]]: Okay, we're recording. Thanks everyone for joining the {{QBR}} for {{Delta Energy Services}}.\n[00:00:11] [[PERSON|Marcus Lindgren]]: Thanks [[PERSON|Karo]]. Quick agenda: adoption numbers, the {{Forecasting}} rollout, and renewal.\n[00:01:37] [[PERSON|Oghenekaro Edewor]]: Adoption is at {{71%}}, up from {{58%}} in {{Q2}}. [[PERSON|Efe]]'s team in {{Warri}} is still on spreadsheets.\n[00:02:05] [[PERSON|Marcus Lindgren]]: I can get [[PERSON|Sunniva]] to run a session for them. [[PERSON|Efe]], what's your best number?\n[00:02:12] [[PERSON|Efe Akpofure]]: [[PHONE|0805 773 2914]], WhatsApp preferred.\n[00:03:40] [[PERSON|Marcus Lindgren]]: Great. Renewal is {{1 February}}; we're proposing a {{7%}} uplift.",
    ),
    (
        "meeting_transcript",
        "english/pacific-islander",
        "Transcript – {{Zoom}} – {{Pacific Rim Foods}} pricing call\n\nAE ([[PERSON|Taini Robertson]]): So the {{Growth}} tier is {{$65}} per seat.\n[[PERSON|Lagi Faleolo]]: And we'd need it for both the {{Apia}} and {{Suva}} offices?\nAE: Yes, same workspace.\n[[PERSON|Lagi Faleolo]]: Okay. [[PERSON|Mele]], can you send [[PERSON|Taini]] our entity details?\n[[PERSON|Mele Tupou]]: Sure, I'll email from [[EMAIL|mele.tupou@pacrimfoods.fj]].\nAE: Perfect, and I'll loop in [[PERSON|Semisi Vakacegu]] from our {{Sydney}} partner team.",
    ),
    (
        "meeting_transcript",
        "hebrew/israeli",
        "תמלול ישיבת צוות מכירות, {{יום שני}}:\n[[PERSON|מיכל]]: בוקר טוב, נתחיל מהפייפליין. [[PERSON|ארז]], מה עם {{שופרסל}}?\n[[PERSON|ארז לנדאו]]: דיברתי עם [[PERSON|חיים בוזגלו]], {{מנהל הרכש}} שלהם. הוא רוצה הצעה ל-{{200 רישיונות}} עד {{סוף החודש}}.\n[[PERSON|מיכל]]: מעולה. תשלח לו גם את המצגת של {{גרסה 4.2}}.\n[[PERSON|סתיו]]: אני יכולה להצטרף לדמו, רק תעדכן אותי. הנייד של [[PERSON|חיים]] זה [[PHONE|052-9947130]]?\n[[PERSON|ארז לנדאו]]: כן.",
    ),
    (
        "meeting_transcript",
        "arabic/moroccan",
        "محضر اجتماع — {{الأربعاء}} {{13 نوفمبر}}\n[[PERSON|كريم بنعلي]]: أهلاً بالجميع. نبدأ بمراجعة صفقة {{مجموعة الأطلس}}.\n[[PERSON|فاطمة الزهراء العلوي]]: تواصلت مع السيد [[PERSON|إدريس التازي]]، يريد عرضاً لـ{{120 مستخدم}} مع واجهة فرنسية.\n[[PERSON|كريم بنعلي]]: ممتاز. ما هي الميزانية؟\n[[PERSON|فاطمة الزهراء العلوي]]: حوالي {{900 ألف درهم}} سنوياً. رقم [[PERSON|إدريس]] المباشر [[PHONE|+212 661 48 27 93]].\n[[PERSON|سعيد]]: سأجهز العقد بحلول {{الجمعة}}.",
    ),
    (
        "meeting_transcript",
        "turkish/turkish",
        "Toplantı notu – {{Teams}} – {{Salı}}\n[[PERSON|Burak Şahin]]: Arkadaşlar, {{Boğaziçi Gıda}} teklifini konuşalım.\n[[PERSON|Deniz Aksoy]]: [[PERSON|Hülya]] Hanım dün aradı, {{Kurumsal paket}} için {{%12}} indirim istiyor.\n[[PERSON|Burak Şahin]]: {{%8}}'e kadar çıkabiliriz. Telefonu [[PHONE|0532 418 77 06]] değil mi?\n[[PERSON|Deniz Aksoy]]: Evet. E-postası da [[EMAIL|hulya.erdem@bogazicigida.com.tr]].\n[[PERSON|Burak Şahin]]: Tamam, teklifi {{Cuma}} gönderelim. [[PERSON|Can]], sözleşme taslağı sende.",
    ),
    (
        "meeting_transcript",
        "english/zulu-afrikaner-gujarati",
        "Auto transcript (speaker diarization may be wrong):\nSpeaker 1 ([[PERSON|Nomvula Khumalo]]): hi everyone can you hear me\nSpeaker 2 ([[PERSON|Arjun Mehta]]): yes loud and clear [[PERSON|nomvula]]\nSpeaker 1: so the main thing from {{Highveld Chemicals}} is they want the {{Field Sales app}} in {{Zulu}} and {{Afrikaans}}\nSpeaker 2: we have afrikaans in {{v5.1}}, zulu is on the roadmap for {{Q3}}\nSpeaker 1: ok and [[PERSON|pieter]] asked about pricing for {{300 seats}}\nSpeaker 2: i'll send him the volume tier, whats his email\nSpeaker 1: [[EMAIL|pieter.vandermerwe@highveldchem.co.za]]\nSpeaker 2: got it. and [[PERSON|Van der Merwe]] is the final approver?\nSpeaker 1: no thats mrs [[PERSON|Ntombi Sithole]], {{Group Procurement}}",
    ),
    (
        "meeting_transcript",
        "english/indian-japanese-indonesian-korean",
        "Meeting: {{Weekly forecast}} – {{APAC}}\n00:12 [[PERSON|Deepika Rao]]: [[PERSON|Hiroshi]], your {{Q4}} commit looks light.\n00:19 [[PERSON|Hiroshi Takeda]]: Yes, {{Mitsuwa Foods}} slipped to {{January}}. [[PERSON|Tanaka]]-san is on leave until the {{15th}}.\n00:31 [[PERSON|Deepika Rao]]: And {{Jaya Retail}}?\n00:35 [[PERSON|Wahyu Pratama]]: Signed yesterday! {{IDR 1.2 billion}}. Bu [[PERSON|Ratna]] sent the PO this morning.\n00:41 [[PERSON|Deepika Rao]]: Amazing. [[PERSON|Min-jun]], {{Korea}}?\n00:44 [[PERSON|Kim Min-jun]]: Two deals at {{90%}}, total {{₩240M}}.",
    ),
    (
        "meeting_transcript",
        "english/israeli-egyptian",
        "Recording transcript – internal deal review\n[[PERSON|Noa Peretz]]: So where are we on {{Gulf Star Shipping}}?\n[[PERSON|Amir Haddad]]: Their {{CTO}}, [[PERSON|Hesham Abdelrahman]], wants an on-site in {{Jebel Ali}}. I'd take [[PERSON|Shai]].\n[[PERSON|Noa Peretz]]: Fine. Budget?\n[[PERSON|Amir Haddad]]: {{$210K}} over {{two years}}. [[PERSON|Hesham]]'s cell is [[PHONE|+971 50 446 1820]] if you want to join.\n[[PERSON|Shai Ben-Haim]]: I'm in {{Dubai}} on the {{18th}} anyway.",
    ),
    (
        "meeting_transcript",
        "english/global",
        "Webinar Q&A export – {{Scaling Outbound in 2025}}\nHost ([[PERSON|Charlotte Pemberton-Hale]]): First question from [[PERSON|Amara Nwosu]] in {{Lagos}}: does the {{Sequences}} feature support {{WhatsApp}}?\nPanelist ([[PERSON|Diego Alvarado]]): Yes, since {{version 8}}.\nHost: Next, [[PERSON|Rustam Karimov]] asks about {{GDPR}}.\nPanelist: We're hosted in {{Frankfurt}}, and the DPA is available on request.\nHost: And [[PERSON|Stella]] from {{Nairobi}} asks about pricing.\nPanelist: {{Starter}} is {{$25}} per user per month.\nHost: If you have follow-ups, email me at [[EMAIL|charlotte.ph@lumencrm.io]].",
    ),
    (
        "meeting_transcript",
        "english/british-pakistani-irish",
        "Standup {{Mon 9:05}}\n[[PERSON|Tariq]]: closed {{Hussain Traders}} yesterday, {{£8k}}. next up is Mrs [[PERSON|Begum]]'s referral in {{Bradford}}.\n[[PERSON|Siobhan]]: demo with {{Murphy & Kerr Solicitors}} at {{2pm}}, [[PERSON|Declan]]'s joining.\n[[PERSON|Declan O'Shaughnessy]]: yep. also [[PERSON|Precious]] from the {{Manchester}} office is out sick.\n[[PERSON|Tariq]]: noted",
    ),
    (
        "meeting_transcript",
        "english/greek-persian",
        "Minutes – partner kickoff, {{Athens}}, {{7 Oct}}\nPresent: [[PERSON|Eleni Konstantinidou]] ({{Hellenic Retail Systems}}), [[PERSON|Kaveh Rostami]] ({{Lumen CRM}}), [[PERSON|Yannis]] (notes)\n[[PERSON|Eleni Konstantinidou]]: We'll resell {{Lumen Pro}} to our 40 retail clients in {{Greece}} and {{Cyprus}}.\n[[PERSON|Kaveh Rostami]]: Margin is {{25%}} in year one. Should contracts go to your registered office?\n[[PERSON|Eleni Konstantinidou]]: Yes, [[ADDRESS|Leoforos Kifisias 124, 115 26 Athina]], attention [[PERSON|Giorgos Mavridis]].\n[[PERSON|Yannis]]: Noted.",
    ),
    # ------------------------------------------------------------------ support_ticket
    (
        "support_ticket",
        "english/igbo",
        "Ticket {{#SUP-20418}} | Priority: {{High}} | Product: {{Lumen Mobile 6.1}}\nFrom: [[PERSON|Chidinma Okeke]] <[[EMAIL|chidinma.okeke@primefoods.ng]]>\nSubject: Can't sync contacts on {{Android 14}}\n\nHello, since the update on {{Saturday}} none of my reps can sync. [[PERSON|Uche]] and [[PERSON|Adaeze]] both see 'Error 502'. We have a pitch to {{Shoprite}} on {{Monday}} so this is urgent. Call me on [[PHONE|+234 817 220 4153]].\n\n[[PERSON|Chidinma]]\n{{Regional Sales Lead}}, {{Prime Foods}}\n\nPlease classify this ticket and draft a first response.",
    ),
    (
        "support_ticket",
        "english/danish",
        "Summarize this ticket for tier-2:\n{{TCK-55902}} – SSO login loop\nCustomer: {{Nordhavn Shipping A/S}}\nReporter: [[PERSON|Mads Kjærgaard]] ({{IT Manager}})\nDetails: Users are redirected back to the {{Azure AD}} login endlessly. Started {{Nov 3}} after a cert rotation. Affected user example: [[EMAIL|freja.holm@nordhavn.dk]] from [[IP|80.62.117.203]]. [[PERSON|Mads]] attached a HAR file; it contains the session token [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmaG9sbSIsImlhdCI6MTczMDcxMjAwMH0.Qk3vR8mZt2yXwP7uH1nLcA5dE9fJ0sK4gB6iT8oV2rU]] — please scrub before escalating.",
    ),
    (
        "support_ticket",
        "hebrew/israeli",
        'פנייה {{#48213}} – בעיה בחיוב\nשם הלקוחה: [[PERSON|יעל אוחנה]]\nחברה: {{אוחנה שיווק ישיר}}\nטלפון: [[PHONE|053-7720418]]\nתיאור: חויבתי פעמיים על {{חבילת Pro}} בחודש {{אוקטובר}}, סה"כ {{₪1,180}}. הכרטיס שלי הוא [[CARD|4793 7052 3736 1537]]. אבקש זיכוי. מי שטיפל בי קודם זה [[PERSON|אלון]] והוא לא חזר אליי.\nנא לנסח תשובה אמפתית.',
    ),
    (
        "support_ticket",
        "arabic/egyptian",
        "تذكرة دعم {{#AR-7731}}\nالعميلة: [[PERSON|منى عبد الرحيم السيد]]\nالشركة: {{مصنع الدلتا للملابس}}\nالهاتف: [[PHONE|01224718306]]\nالمشكلة: لا تظهر التقارير الشهرية منذ تحديث {{الإصدار 7.3}}. زميلي [[PERSON|أحمد فتحي]] جرب من جهاز آخر بنفس النتيجة. عنوان IP الخاص بمكتبنا [[IP|196.219.45.12]].\nأرجو الرد قبل {{الاثنين}}.",
    ),
    (
        "support_ticket",
        "english/welsh",
        "Customer request – update billing details\nAccount: {{Kestrel Outdoor Ltd}} ({{ACC-00918}})\nRequested by: [[PERSON|Siân Pritchard-Evans]], {{Finance Director}}\nNew billing address:\n[[ADDRESS|Unit 4, Llanishen Business Park\nCardiff CF14 5GX\nUnited Kingdom]]\nNew card: [[CARD|5148 4594 8463 7392]]\nOld contact [[PERSON|Gareth]] has left the company, remove him from invoices. Reference {{PO-55821}}.\nAgent: please confirm the changes and reply to [[PERSON|Siân]].",
    ),
    (
        "support_ticket",
        "portuguese/brazilian",
        "Chamado {{#BR-30917}} – Prioridade {{Média}}\nCliente: [[PERSON|Luiz Fernando Carvalho Mendes]]\nEmpresa: {{Mendes & Filhos Transportes}}\nE-mail: [[EMAIL|luizfernando@mendesfilhos.com.br]]\nTelefone: [[PHONE|(11) 98347-2210]]\nDescrição: A integração com o {{RD Station}} parou de funcionar depois da atualização de {{terça-feira}}. O [[PERSON|Rafa]] (nosso TI) disse que a chave de API [[SECRET|rdst_9c4e7a1f0b3d8e62a5c9f1b7d4e0a8c3]] ainda está válida. Por favor, verifiquem.",
    ),
    (
        "support_ticket",
        "english/sinhala-italian",
        "Ticket {{#PRIV-0192}} – Data deletion request ({{GDPR Art. 17}})\nRequester: [[PERSON|Nimali Perera Jayasuriya]]\nEmail on file: [[EMAIL|nimali.jayasuriya@outlook.com]]\nPhone on file: [[PHONE|+44 20 7946 0812]]\nAddress on file: [[ADDRESS|Flat 9, 31 Chalton Street, London NW1 1JD]]\nShe says a rep from {{Brightline Insurance}} (one of our customers) keeps emailing her through our {{Sequences}} tool. Please draft a reply confirming deletion within {{30 days}} and notifying Brightline's admin [[PERSON|Olivia Marchetti]].",
    ),
    (
        "support_ticket",
        "english/mexican-american",
        'Escalation: customer pasted sensitive data in a note field.\nTicket {{#SEC-3318}}\nAccount: {{Sunbelt Home Loans}}\nRep [[PERSON|Jesús Alberto Treviño]] logged this note on contact [[PERSON|Marybeth Caldwell]]: "borrower SSN [[SSN|467-22-9015]], DOB on file, call back at [[PHONE|(214) 660-3187]]".\nAsk: write guidance to [[PERSON|Jesús]] on why SSNs can\'t go in {{Lumen CRM}} notes, and what the {{Data Handling Policy v2.4}} says.',
    ),
    (
        "support_ticket",
        "hebrew/israeli",
        "קריאה {{#48377}}: לקוחה לא מצליחה להתחבר\nפרטי הלקוחה: [[PERSON|רותם קרסנטי]], {{מנהלת משרד}} ב{{קרסנטי עורכי דין}}\nמייל: [[EMAIL|rotem@krasenti-law.co.il]]\nמחשב עם {{Windows 11}}, דפדפן {{Edge}}. כתובת IP: [[IP|212.143.88.201]]\nלדבריה [[PERSON|עומר]] מהמשרד שלהם הצליח להתחבר מהבית. לבדוק חסימה גאוגרפית ולעדכן אותה עד {{12:00}}.",
    ),
    (
        "support_ticket",
        "english/kazakh",
        "Bug report from the customer portal\nSubmitted by: [[PERSON|Yerlan Tokhtarov]] ({{Astana}})\nEmail: [[EMAIL|y.tokhtarov@steppeenergy.kz]]\nSeverity: {{S2}}\nSteps: 1) Open deal {{DL-7740}} 2) Click {{Generate Quote}} 3) PDF shows the wrong currency ({{USD}} instead of {{KZT}}).\nHe also pasted his webhook URL: https://hooks.slack.com/services/[[SECRET|T04KX9P2L/B07AB3CD4EF/q8ZxR2mVt6LpN1sKj7Yh3WcD]]\nHis colleague [[PERSON|Aigerim]] can reproduce it too.",
    ),
    (
        "support_ticket",
        "english/pakistani",
        "Phone support log – {{2024-11-06 16:42 PKT}}\nCaller: [[PERSON|Zainab Rizvi]], {{Indus Pharma Distributors}}, {{Karachi}}\nCallback: [[PHONE|+92 321 2284719]]\nIssue: annual renewal failed ({{INV-88310}}, {{$3,960}}). Caller read out the full card number [[CARD|6011 6164 6304 9368]] before the agent could stop her — redact from the recording.\nAlso asked to add [[PERSON|Hamza]] ({{Finance}}) as billing contact: [[EMAIL|hamza.q@indusphd.pk]].\nNext: retry the charge on {{Friday}}.",
    ),
    (
        "support_ticket",
        "english/vietnamese",
        "Ticket {{#NET-1207}} – IP allowlist request\nCustomer: {{Lotus Fintech}} ({{Ho Chi Minh City}})\nRequester: [[PERSON|Đỗ Minh Khoa]], {{Security Engineer}}\nPlease allowlist: [[IP|113.161.72.40]], [[IP|113.161.72.41]] and IPv6 [[IP|2402:800:6314:1c7a::20]]\nApproval by {{CISO}} [[PERSON|Lê Thị Bích Ngọc]] attached. [[PERSON|Khoa]] asks for completion by {{Wednesday}}.",
    ),
    # ------------------------------------------------------------------ slack_message
    (
        "slack_message",
        "english/yoruba",
        "#sales-emea heads up, [[PERSON|Olamide]] from {{Zenith Agro}} just replied — they want the {{Enterprise}} quote by {{Friday}}. @[[PERSON|tolu]] can you own it? her direct line is [[PHONE|+234 701 338 2260]]",
    ),
    (
        "slack_message",
        "english/global",
        "@channel {{Q4}} leaderboard 🎉 1. [[PERSON|Nasrin Chowdhury]] {{$412K}} 2. [[PERSON|Rafael Bittencourt]] {{$388K}} 3. [[PERSON|Hye-jin Cho]] {{$351K}}. Shoutout to [[PERSON|Kofi]] for the {{Ashanti Gold}} save. Drinks at {{The Alchemist}} on {{Thursday}}!",
    ),
    (
        "slack_message",
        "hebrew/israeli",
        "מישהו יכול לעזור ל[[PERSON|דנה]]? הלקוח [[PERSON|אבישי גבאי]] מ{{גבאי אחזקות}} מבקש שנתקשר אליו דחוף ל-[[PHONE|054-5528813]] לגבי חשבונית {{INV-6621}}. אני ב{{אילת}} עד {{יום חמישי}}",
    ),
    (
        "slack_message",
        "arabic/saudi",
        "@[[PERSON|سارة]] ممكن تتابعي مع [[PERSON|محمد الحربي]] من {{شركة الحربي للتجارة}}؟ طلب تجربة مجانية لمدة {{14 يوم}} وإيميله [[EMAIL|m.alharbi@alharbi-trading.sa]]. أنا مسافرة {{جدة}} بكرة",
    ),
    (
        "slack_message",
        "english/egyptian",
        "ugh the {{Zapier}} zap broke again. [[PERSON|ahmed]] here's the openai key we used, can u swap it in: [[SECRET|sk-proj-Xb7Qd2LmR9vT4wKc8NpZ1yHs6FgJ3uAe0oVi5BnM]] (pls delete this msg after lol). it's for the {{Lead Scoring v2}} zap in {{#revops}}",
    ),
    (
        "slack_message",
        "english/korean-japanese-zambian",
        "thread in #deal-desk:\n[[PERSON|Sunny Park]]: need approval for {{22%}} discount on {{Meridian Health}} ({{OPP-5512}})\n[[PERSON|Hope Nakamura]]: what's the justification?\n[[PERSON|Sunny Park]]: they're choosing between us and {{Salesforce}}, Dr. [[PERSON|Faith Mwale]] (their {{CMO}}) said price is the tie-breaker\n[[PERSON|Hope Nakamura]]: ok approved up to {{18%}}. cc [[PERSON|will]]",
    ),
    (
        "slack_message",
        "hebrew/israeli",
        "היי צוות, [[PERSON|ליאור]] ו[[PERSON|מאיה]] מתחילים מחר כ-{{SDR}}. תוסיפו אותם ל-{{HubSpot}} ול-{{Gong}}. המייל של [[PERSON|מאיה]]: [[EMAIL|maya.tzur@lumencrm.io]]. [[PERSON|שחר]], תעשה להם אונבורדינג ב-{{10:00}}.",
    ),
    (
        "slack_message",
        "arabic/emirati",
        "تنبيه: العميل [[PERSON|راشد المهيري]] اتصل وقال إن الفاتورة {{INV-9034}} فيها خطأ في المبلغ ({{AED 14,700}} بدل {{AED 12,600}}). رقمه [[PHONE|055 298 4471]]. [[PERSON|ليلى]]، ممكن تراجعين مع الحسابات؟",
    ),
    (
        "slack_message",
        "english/tanzanian-peruvian-igbo-swedish",
        "handoff while i'm on PTO (back {{Nov 25}}):\n• {{Kilimanjaro Tours}} – [[PERSON|Baraka Mollel]] wants to sign, contract is in {{DocuSign}}\n• {{Banco Andino}} – [[PERSON|Ximena Quispe]] asked for the {{SOC 2}} report\n• send the welcome pack to [[PERSON|Ifeanyi]] at [[ADDRESS|Plot 12, Ahmadu Bello Way, Victoria Island, Lagos]]\n@[[PERSON|mira.svensson]] you're backup. call me only if something's on fire [[PHONE|+1 (917) 482-6630]]",
    ),
    (
        "slack_message",
        "english/akan",
        '🔔 *New inbound lead* (via {{Website form}})\n*Name:* [[PERSON|Akua Ofori-Amankwah]]\n*Company:* {{Tema Port Services}}\n*Email:* [[EMAIL|akua.ofori@temaport.com.gh]]\n*Phone:* [[PHONE|+233 30 221 9940]]\n*Message:* "Looking for a CRM for 50 agents, need it before {{January}}."\n*Assigned to:* [[PERSON|Kwesi]] (round-robin, {{West Africa}})',
    ),
    (
        "slack_message",
        "english/jewish-ukrainian",
        "@[[PERSON|shira]] did [[PERSON|Levi Abramowitz]] ever sign? [[PERSON|Natasha]] from the {{Kyiv}} office says {{Abramowitz & Partners}} has a budget freeze till {{March}}. also his assistant [[PERSON|Halyna Kovalenko]] changed her email to [[EMAIL|h.kovalenko@abramowitzpartners.com]]",
    ),
    (
        "slack_message",
        "english/igbo",
        "can someone send [[PERSON|Amaka]] the {{Growth}} price sheet before {{3pm}}? she's on {{WhatsApp}} [[PHONE|+44 7700 918 432]]",
    ),
    # ------------------------------------------------------------------ calendar_invite
    (
        "calendar_invite",
        "english/brazilian",
        "Summarize this invite for the rep:\nBEGIN:VEVENT\nSUMMARY:{{Demo}} – {{Lumen Pro}} for {{Bahia Cacau}}\nDTSTART:{{20241119T140000Z}}\nDTEND:{{20241119T150000Z}}\nORGANIZER;CN=[[PERSON|Beatriz Assunção]]:mailto:[[EMAIL|beatriz.assuncao@lumencrm.io]]\nATTENDEE;CN=[[PERSON|Caetano Figueiredo]]:mailto:[[EMAIL|caetano@bahiacacau.com.br]]\nATTENDEE;CN=[[PERSON|Iara Santos]]:mailto:[[EMAIL|iara.santos@bahiacacau.com.br]]\nLOCATION:{{Google Meet}}\nDESCRIPTION:Agenda: pipeline view, {{WhatsApp}} inbox, pricing. [[PERSON|Caetano]]'s mobile if the link fails: [[PHONE|+55 71 99812-4409]]\nEND:VEVENT",
    ),
    (
        "calendar_invite",
        "english/emirati-indian-egyptian",
        "Create a calendar invite:\nTitle: {{Contract review}} – {{Sahara Logistics}}\nWhen: {{Sunday 24 Nov}}, {{11:00–12:00}} {{GST}}\nWhere: [[ADDRESS|Floor 17, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]]\nAttendees: [[PERSON|Abdulla Al Mazrouei]] ([[EMAIL|abdulla.mazrouei@saharalog.ae]]), [[PERSON|Deepak Nair]] ({{Legal}}), [[PERSON|Rania Aziz]]\nNotes: bring printed {{MSA v3}}; [[PERSON|Abdulla]] prefers Arabic copies.",
    ),
    (
        "calendar_invite",
        "hebrew/israeli",
        "זימון לפגישה: {{הדגמת מערכת}} ל{{רשת שפע שוק}}\nמתי: {{יום שלישי}}, {{12.11}}, {{14:00}}\nאיפה: [[ADDRESS|דרך מנחם בגין 132, תל אביב, קומה 28]]\nמשתתפים: [[PERSON|גלעד פרידמן]], [[PERSON|אסנת ביטון-לוי]], [[PERSON|ראמי]] מהצוות הטכני\nלאשר הגעה מול [[PERSON|אסנת]] בטלפון [[PHONE|052-8813426]]",
    ),
    (
        "calendar_invite",
        "arabic/saudi-pakistani",
        "دعوة اجتماع: {{مراجعة الربع الثالث}} — {{شركة الخليج للأغذية}}\nالموعد: {{الاثنين}} {{18 نوفمبر}} الساعة {{10:00}} بتوقيت {{الرياض}}\nالمكان: {{Microsoft Teams}}\nالحضور: [[PERSON|بدر السبيعي]]، [[PERSON|هيفاء الدوسري]]، [[PERSON|Imran Sheikh]]\nللتواصل: [[EMAIL|haifa.aldosari@gulffoods.com.sa]]",
    ),
    (
        "calendar_invite",
        "arabic/lebanese",
        "موعد: زيارة ميدانية لـ{{مستودعات الأرز}} في {{بيروت}}\nالتاريخ: {{الخميس 21 تشرين الثاني}}\nالعنوان: [[ADDRESS|شارع الحمرا، بناية السلام، الطابق 3، بيروت]]\nالمنظّم: [[PERSON|جورج حداد]]\nالضيوف: [[PERSON|لينا عيتاني]]، [[PERSON|طوني]]\nملاحظة: [[PERSON|لينا]] طلبت عرض {{باقة المؤسسات}}. هاتف: [[PHONE|+961 3 418 227]]",
    ),
    (
        "calendar_invite",
        "english/argentinian",
        '{"summary": "{{Discovery call}}: {{Pampas Agro}} x {{Lumen}}", "start": {"dateTime": "{{2024-11-20T15:00:00-03:00}}"}, "end": {"dateTime": "{{2024-11-20T15:45:00-03:00}}"}, "attendees": [{"email": "[[EMAIL|facundo.ledesma@pampasagro.com.ar]]", "displayName": "[[PERSON|Facundo Ledesma]]"}, {"email": "[[EMAIL|martina.sosa@pampasagro.com.ar]]", "displayName": "[[PERSON|Martina \\"Tina\\" Sosa]]"}, {"email": "[[EMAIL|gabriel.weiss@lumencrm.io]]", "displayName": "[[PERSON|Gabriel Weiss]]"}], "description": "[[PERSON|Facundo]] asked for a {{Spanish}} UI demo. Budget in {{ARS}} vs {{USD}} TBD."}',
    ),
    (
        "calendar_invite",
        "english/maori-samoan",
        "Subject: {{Lumen CRM}} onboarding – Week 1\nOrganizer: [[PERSON|Aroha Ngata]]\nRequired: [[PERSON|Tavita Leota]]; [[PERSON|Losa Sapolu]]; [[PERSON|Ben Whitcombe]]\nOptional: [[PERSON|Kahurangi]]\nWhen: {{Monday, 2 December 2024}} {{9:00 AM}}-{{10:30 AM}} ({{UTC+13:00}}) {{Auckland}}, {{Wellington}}\nWhere: {{Zoom}} / [[ADDRESS|Level 3, 55 Shortland Street, Auckland 1010]]\nNotes: Please install {{Lumen Desktop 3.8}} beforehand.",
    ),
    (
        "calendar_invite",
        "english/tamil",
        "Reschedule request → please update the invite\nOld: {{Thu 14 Nov 16:00 IST}}\nNew: {{Fri 15 Nov 11:30 IST}}\nWith: [[PERSON|Lakshmi Narayanan]] ({{CIO}}, {{Tirupur Exports}}), [[PERSON|Karthika]] (her EA)\n[[PERSON|Lakshmi]]'s mobile [[PHONE|+91 94433 18270]], EA's desk [[PHONE|0421 423 7781]]\nMeeting link unchanged.",
    ),
    (
        "calendar_invite",
        "english/japanese-anglo",
        "Invite: {{Quarterly Business Review}} – {{Daiwa Logistics}}\nDate: {{2024年12月3日}} ({{火}}) {{15:00 JST}}\nAttendees: [[PERSON|山本 大輔]] ([[PERSON|Daisuke Yamamoto]]), [[PERSON|Aiko Fujimoto]], [[PERSON|Olivia Hart]]\nLocation: [[ADDRESS|8F, 1-9-3 Marunouchi, Chiyoda-ku, Tokyo 100-0005]]\nPrep: {{renewal}} at {{¥14.6M}}; [[PERSON|Yamamoto]]-san wants {{SLA}} revisions.",
    ),
    (
        "calendar_invite",
        "english/somali-amharic",
        "Book 30 min with [[PERSON|Hodan Abdullahi Farah]] and [[PERSON|Mekdes]] next {{Tuesday}} after {{2pm EAT}}, title '{{Pricing walkthrough}} – {{Juba River Cargo}}', and add [[EMAIL|hodan.farah@jubarivercargo.so]].",
    ),
    (
        "calendar_invite",
        "english/polish-african-american",
        "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:{{Lunch & learn}} w/ {{Lakeshore Dental Group}}\nDTSTART;TZID=America/Chicago:{{20241205T120000}}\nLOCATION:[[ADDRESS|1120 N Lake Shore Dr, Suite 400, Chicago, IL 60611]]\nORGANIZER;CN=[[PERSON|Agnieszka Wiśniewska]]:mailto:[[EMAIL|agnieszka.w@lumencrm.io]]\nATTENDEE;CN=Dr. [[PERSON|Malik Jefferson]]:mailto:[[EMAIL|mjefferson@lakeshoredental.com]]\nDESCRIPTION:Intro to {{Lumen Health Edition}}. [[PERSON|Malik]]'s office manager [[PERSON|Krystyna]] confirmed. Parking validated.\nEND:VEVENT\nEND:VCALENDAR",
    ),
    # ------------------------------------------------------------------ system_prompt
    (
        "system_prompt",
        "english/zimbabwean",
        "You are {{Lumen Copilot}}, a sales assistant for {{Atlas Freight Group}}. The current user is [[PERSON|Tendai Moyo]] ({{Account Executive}}, {{Harare}}). Their manager is [[PERSON|Chipo Mutasa]]. Answer in English and keep replies under 150 words. Account context: open opportunities {{OPP-1182}} ({{$54,000}}, {{Proposal}}) and {{OPP-1190}} ({{$12,500}}, {{Discovery}}). Primary customer contact: [[PERSON|Farai Chikwanha]], [[EMAIL|farai.c@zimagri.co.zw]], [[PHONE|+263 77 241 8803]]. Never reveal pricing floors.",
    ),
    (
        "system_prompt",
        "english/portuguese",
        'SYSTEM: You draft emails on behalf of the signed-in rep. Use only the context below; do not invent facts.\nCONTEXT = {"rep": {"name": "[[PERSON|Isabela Cruz Monteiro]]", "title": "{{Senior AE}}", "signature_phone": "[[PHONE|+351 912 448 307]]"}, "account": {"name": "{{Lisboa Digital Lda}}", "tier": "{{Gold}}", "renewal": "{{2025-02-28}}"}, "contact": {"name": "[[PERSON|Duarte Vasconcelos]]", "email": "[[EMAIL|duarte.v@lisboadigital.pt]]"}}\nTONE: friendly, concise.',
    ),
    (
        "system_prompt",
        "hebrew/israeli",
        "אתה עוזר המכירות של {{Lumen CRM}}. המשתמשת המחוברת: [[PERSON|הילה גבריאלי]], {{מנהלת תיק לקוח}} בסניף {{ירושלים}}. לקוח פעיל: {{מרקוביץ ושות' רואי חשבון}}. איש קשר: עו\"ד [[PERSON|נתן מרקוביץ]], טלפון [[PHONE|02-6243318]], מייל [[EMAIL|natan@markovich-cpa.co.il]]. ענה תמיד בעברית, ואל תציג בתשובות את מספר תעודת הזהות של איש הקשר ([[IL_ID|028692374]]).",
    ),
    (
        "system_prompt",
        "arabic/saudi-hadrami",
        "أنت مساعد مبيعات ذكي لـ{{شركة الأفق للتقنية}}. المستخدم الحالي: [[PERSON|عمر الشهري]]، {{مدير مبيعات إقليمي}} في {{جدة}}. العميل: د. [[PERSON|لطيفة العمودي]]، {{مستشفى السلام التخصصي}}، جوال [[PHONE|+966 50 913 2274]]. الآيبان الخاص بالمرتجعات: [[IBAN|SA44 1036 3036 0209 6174 8651]]. أجب باللغة العربية الفصحى ولا تذكر الآيبان إلا إذا طُلب.",
    ),
    (
        "system_prompt",
        "english/polish-german",
        "### System\nYou are an agent that can call tools: `crm.search`, `crm.update`, `email.send`.\nEnvironment:\n- tenant: {{acme-eu-2}}\n- HUBSPOT_TOKEN=[[SECRET|pat-eu1-0c4f7d2a-93b1-4e8e-a6c5-17fd28b94e31]]\n- SENDER: [[PERSON|Marta Kowalczyk-Brandt]] <[[EMAIL|marta.kb@lumencrm.io]]>\n- Default region: {{Warsaw}}\nRules: never send email to more than {{50}} recipients; log every update to {{#crm-audit}}.",
    ),
    (
        "system_prompt",
        "english/aboriginal-irish-vietnamese-australian",
        'You are the {{Lumen}} call-prep assistant. Produce a one-page brief for the rep before the meeting.\n\nREP: [[PERSON|Kalinda Martin]] ({{Enterprise AE}}, {{Perth}})\nMEETING: {{Thursday 28 Nov}}, {{10:00 AWST}}, onsite\nACCOUNT: {{Pilbara Minerals Services}} ({{ACC-44120}})\n  Industry: {{Mining services}}, 1,800 employees\n  Current stack: {{Microsoft Dynamics 365}}, {{Power BI}}\n  ARR with us: {{AUD 0}} (net new)\nSTAKEHOLDERS:\n  - [[PERSON|Bradley "Brad" O\'Connell]], {{GM Commercial}}, [[PHONE|+61 417 228 903]] — economic buyer, ex-{{BHP}}\n  - [[PERSON|Nguyen Van Hieu]], {{IT Architect}} — concerned about {{Azure AD}} sync\n  - [[PERSON|Jarrah Wilson]], {{Sales Ops}} — our champion; met at {{Dreamforce}}\nADDRESS: [[ADDRESS|Level 12, 140 St Georges Terrace, Perth WA 6000]]\nHISTORY: [[PERSON|Brad]] took a call on {{Oct 30}} and asked for references in mining. [[PERSON|Jarrah]] shared the org chart; [[PERSON|Hieu]] wants a sandbox by {{December}}.\nCOMPETITION: {{Salesforce}} (incumbent at two {{Rio Tinto}} subsidiaries).\nOUTPUT: Brief with goals, risks and 3 discovery questions.',
    ),
    (
        "system_prompt",
        "english/igbo",
        "System: You are a helpful CRM assistant. The user's name is [[PERSON|Blessing Chukwu]]; address them as [[PERSON|Blessing]]. Today is {{Monday, 11 November 2024}}. Their timezone is {{Africa/Lagos}}. Workspace: {{Konga Retail Sales}}. Default currency: {{NGN}}.",
    ),
    (
        "system_prompt",
        "hebrew/russian-israeli-arab-israeli",
        "הוראות מערכת: אתה מנסח הודעות WhatsApp ללקוחות. הנציג: [[PERSON|אלכסנדר (סשה) פישמן]], {{צוות מכירות צפון}}. הלקוחה: [[PERSON|ג'ומאנה סעב]] מ{{סעב קוסמטיקס}} ב{{עכו}}, נייד [[PHONE|052-4416093]]. היסטוריה: ביקשה מחיר ל{{חבילת Basic}} ב-{{8 באוקטובר}} ולא ענתה מאז. כתוב הודעה קצרה וחמה בשם [[PERSON|סשה]], בלי להזכיר הנחות.",
    ),
    (
        "system_prompt",
        "english/malay",
        "System context (do not disclose): requesting user [[PERSON|Ahmad Zaki bin Yusof]] (role: {{Regional Admin}}, {{Kuala Lumpur}}), session IP [[IP|175.139.44.210]], MFA verified. The user may export up to {{5,000}} records. Deny exports of the {{Customers}} segment to non-admins. Escalations go to [[PERSON|Nurul Huda]] ([[EMAIL|nurul.huda@lumencrm.io]]).",
    ),
    (
        "system_prompt",
        "english/ivorian-guinean-french-jewish",
        "You summarize WhatsApp conversations for the CRM timeline. Participants in this chat: [[PERSON|Mariam Touré]] (customer, {{Abidjan}}), [[PERSON|Sékou Camara]] (customer's {{procurement}}), [[PERSON|Benjamin Lévy]] (rep). Customer company: {{Côte d'Ivoire Céréales SA}}. Deal: {{OPP-7781}}, {{XOF 42,000,000}}. Write in English even if messages are in French. The timeline is internal.",
    ),
    (
        "system_prompt",
        "english/british-nigerian",
        "You are the invoicing assistant for {{Lumen CRM Ltd}}. When a customer asks about payments, use the customer record below; never use another customer's data.\nCustomer: [[PERSON|Oliver Bennett-Achebe]]\nCompany: {{Thameside Architects LLP}}\nRefund account (customer-provided): [[IBAN|GB26 BARC 4031 8869 5678 65]]\nOpen invoices: {{INV-3307}} ({{£2,150}}), {{INV-3342}} ({{£2,150}})\nPreferred contact: [[EMAIL|oliver@thamesidearch.co.uk]], [[PHONE|020 7946 0331]]",
    ),
]
