# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool E: the everyday CRM mix (lead summaries, notes, threads, tool JSON, CSV) in English, Hebrew and Arabic. Written without reading the detector or the other corpora.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- English
    (
        "lead_summary",
        "ethiopian",
        "Generate AI insights for this lead.\nName: [[PERSON|Tigist Alemayehu]]\nRole: {{Head of Procurement}}\nCompany: {{Addis Fresh Logistics}}\nMobile: [[PHONE|+251 91 144 7823]]\nEmail: [[EMAIL|tigist.alemayehu@addisfresh.et]]\nLast seen: Signed in from [[IP_ADDRESS|197.156.84.22]] ({{Addis Ababa}}) on {{Tuesday}}\nStage: {{Proposal sent}} | Value: {{$38,400}}\nGive me 3 talking points for the next call.",
    ),
    (
        "call_notes",
        "filipino",
        "Call w/ [[PERSON|Maricel Dizon-Reyes]] ({{Operations Manager}}, {{Cebu Cargo Partners}}) - wants {{Growth plan}} for 25 seats but budget caps at {{$9,000}}/yr. Her boss [[PERSON|Rodel Bautista]] signs off. [[PERSON|Maricel]] said call back {{next Thursday}} after 3pm Manila time, mobile [[PHONE|+63 917 482 3391]].",
    ),
    (
        "email_draft",
        "indonesian",
        "Draft a follow-up to [[PERSON|Putu Ayu Wardhani]] at {{Bali Serenity Resorts}}. Thank her for the demo on {{14 March}}, attach the {{Enterprise}} pricing ({{15%}} off if signed by {{end of Q2}}) and cc their CFO [[PERSON|Bambang Sutrisno]] <[[EMAIL|bambang.s@baliserenity.co.id]]>. Keep it short and friendly.",
    ),
    (
        "meeting_transcript",
        "thai",
        "[00:00] [[PERSON|Somchai]]: ok let's start, is [[PERSON|Nok]] joining?\n[00:06] [[PERSON|Kanokwan]]: she's off today, I'll brief her\n[00:14] [[PERSON|Somchai]]: fine. so the {{Bangkok}} warehouse goes live {{June 3}}, we need 40 users on {{Pro}}\n[01:02] [[PERSON|Daniel Levin]]: we can do {{$14}} per seat on an annual\n[01:10] [[PERSON|Kanokwan]]: send it to me, [[EMAIL|kanokwan.s@siamfreight.co.th]]\n\nSummarise action items with owners.",
    ),
    (
        "support_ticket",
        "pakistani",
        "Ticket {{#48213}} | Priority: {{High}}\nFrom: [[PERSON|Muhammad Usman Qureshi]] <[[EMAIL|usman.qureshi@indus-textiles.pk]]>\nSubject: CSV export empty since {{v4.2}}\n\nHi team, since {{Monday}} the export from {{Reports > Billing}} comes back empty. Our accountant Mrs. [[PERSON|Farzana Iqbal]] needs it for month-end. Please call me on [[PHONE|+92 300 845 1276]].\nThanks, [[PERSON|Usman]]",
    ),
    (
        "slack",
        "bangladeshi",
        "#sales-apac\n[[PERSON|Tanvir Hossain]]: anyone talked to [[PERSON|Nusrat Jahan Chowdhury]] from {{Meghna Pharma}}? she's asking for our {{SOC 2}} report\n[[PERSON|Dana Shapiro]]: yep sent it {{yesterday}}, her cell is [[PHONE|+880 1711-593028]] if u need\n[[PERSON|Tanvir Hossain]]: thx, will ping her {{Sunday}}",
    ),
    (
        "chat_history",
        "iranian",
        'user: pull up the contact for [[PERSON|Dariush]] at {{Persepolis Trading}}\nassistant: [calling search_contacts]\ntool: {"id": 88412, "full_name": "[[PERSON|Dariush Farahani]]", "title": "{{VP Sales}}", "company": "{{Persepolis Trading GmbH}}", "phone": "[[PHONE|+98 912 304 7781]]", "email": "[[EMAIL|d.farahani@persepolis-trading.de]]", "city": "{{Hamburg}}"}\nassistant: Found him: [[PERSON|Dariush Farahani]], {{VP Sales}} at {{Persepolis Trading GmbH}}. Want me to draft an intro?\nuser: yes and mention that [[PERSON|Shirin Moradi]] referred us',
    ),
    (
        "json_record",
        "turkish",
        '{"contact": {"name": "[[PERSON|Ay\\u015fe G\\u00fcl Y\\u0131ld\\u0131r\\u0131m]]", "title": "{{Purchasing Lead}}", "company": "{{Anadolu Gida A.S.}}", "mobile": "[[PHONE|+90 532 418 77 02]]", "email": "[[EMAIL|aysegul.yildirim@anadolugida.com.tr]]", "owner": "[[PERSON|\\u00c7a\\u011flar \\u00d6zt\\u00fcrk]]", "stage": "{{Qualified}}", "amount": 24000}}',
    ),
    (
        "csv_export",
        "russian_israeli",
        "name,title,company,mobile,email,city\n[[PERSON|Evgeny Kogan]],{{CTO}},{{Nanovia Ltd}},[[PHONE|054-661-2093]],[[EMAIL|evgeny@nanovia.io]],{{Haifa}}\n[[PERSON|Olga Rabinovich]],{{Finance Director}},{{Ashdod Port Logistics}},[[PHONE|+972 52 730 4418]],[[EMAIL|olga.r@apl.co.il]],{{Ashdod}}\n[[PERSON|Marina Zaitseva]],{{Office Manager}},{{Nanovia Ltd}},[[PHONE|0528841937]],[[EMAIL|marina.z@nanovia.io]],{{Haifa}}",
    ),
    (
        "signature",
        "georgian",
        "Thanks again for the quick turnaround!\n\nBest regards,\n[[PERSON|Nino Beridze]]\n{{Regional Sales Director}} | {{Caucasus Wine Export}}\n[[ADDRESS|12 Rustaveli Avenue, Tbilisi 0108, Georgia]]\nM: [[PHONE|+995 599 41 27 83]]\n[[EMAIL|nino.beridze@cwexport.ge]]",
    ),
    (
        "chat_history",
        "armenian",
        "assistant: Who should own the {{Yerevan}} renewal?\nuser: [[PERSON|Anahit]]\nassistant: Done, assigned to [[PERSON|Anahit Sargsyan]] ({{Account Executive}}). Due {{Friday}}. Should I notify [[PERSON|Hovhannes Petrosyan]] too?\nuser: no",
    ),
    (
        "email_thread",
        "nigerian",
        'From: "[[PERSON|Chukwuemeka Okafor]]" <[[EMAIL|emeka.okafor@lagosbridge.ng]]>\nTo: [[EMAIL|billing@yourcrm.io]]\nSubject: RE: Invoice {{INV-2025-0417}}\n\nHi [[PERSON|Rachel]],\nPayment will come from our UK entity, account [[IBAN|GB50 NWBK 1246 4511 6220 97]], by {{Friday}}. Please update the PO to {{PO-77120}}.\n\nRegards,\n[[PERSON|Emeka]]\n\n> On {{3 April 2025}}, [[PERSON|Rachel Green]] wrote:\n> Kindly find attached invoice {{INV-2025-0417}} for {{$18,750}}.',
    ),
    (
        "whatsapp_export",
        "kenyan",
        "[{{12/04/2025}}, 09:14] [[PERSON|Wanjiru Kamau]]: Morning! did the {{Starter}} trial get extended?\n[{{12/04/2025}}, 09:20] [[PERSON|Yossi Mizrahi]]: Yes till {{30 April}} 👍\n[{{12/04/2025}}, 09:21] [[PERSON|Wanjiru Kamau]]: Asante. pls also add my colleague [[PERSON|Otieno Ochieng]] [[PHONE|+254 722 418 905]]\n[{{12/04/2025}}, 09:30] [[PERSON|Yossi Mizrahi]]: done",
    ),
    (
        "deal_notes",
        "brazilian",
        "Deal: {{Sao Paulo}} expansion / {{Verde Agro S.A.}}\nChampion: [[PERSON|João Pedro Nascimento]] ({{Diretor Comercial}})\nEconomic buyer: [[PERSON|Fernanda Albuquerque]]\nAmount: {{$62,000}} ARR | Stage: {{Negotiation}} | Close: {{30/06/2025}}\nNext step: [[PERSON|João]] wants a call {{Wednesday}} with their legal, send the DPA before.",
    ),
    (
        "support_ticket",
        "anglo",
        "Ticket {{#50917}}: customer [[PERSON|Brittany Coleman]] pasted her SSN [[US_SSN|521-44-8073]] into the notes of the {{Onboarding}} form by mistake, please purge it. Billing address on file: [[ADDRESS|4418 Maple Ridge Dr, Apt 12B, Austin, TX 78745]]. She's on the {{Team}} plan since {{January}}.",
    ),
    (
        "chat_history",
        "anglo",
        "user: the {{Salesforce}} sync keeps failing with 401, here's our env, what's wrong?\nOPENAI_API_KEY=[[SECRET|sk-proj-ECDimuWALxCIN865mM3EPRaQUcf5TLyEsyjjbE4v3dqKrLW3]]\nSLACK_BOT_TOKEN=[[SECRET|xoxb-247879019832-1077409639274-p5lrkhiqfTXJFsMnKDqqPSmK]]\nSYNC_INTERVAL=300\nassistant: A 401 from Salesforce usually means an expired refresh token...",
    ),
    (
        "chat_history",
        "pakistani",
        "user: customer [[PERSON|Ahmed Raza]] wants to pay the {{Q3}} invoice by card, [[CREDIT_CARD|4389 4005 2802 0063]] exp 09/27, can you mark invoice {{INV-3391}} as paid?\nassistant: I can't process card payments here, but I can mark {{INV-3391}} as pending. Want me to email [[PERSON|Ahmed]] a payment link?",
    ),
    (
        "calendar_invite",
        "anglo",
        "Invitation: {{Quarterly Business Review}} - {{Northwind Health}}\nWhen: {{Thursday}} {{May 22}}, 10:00-11:00 (GMT+3)\nWhere: [[ADDRESS|350 Fifth Avenue, Suite 4210, New York, NY 10118]] / Zoom\nOrganizer: [[PERSON|Megan O'Connor]] <[[EMAIL|megan.oconnor@northwindhealth.com]]>\nGuests: [[PERSON|Avi Ben-David]], [[PERSON|Priya Raghunathan]], [[EMAIL|procurement@northwindhealth.com]]\nAgenda: renewal of {{Enterprise}} (240 seats), {{v5}} roadmap, open ticket {{#49211}}",
    ),
    (
        "lead_summary",
        "indian",
        "Lead: [[PERSON|Ananya Krishnamurthy]], {{Director of Sales Ops}} at {{Trivandrum Softworks}}. Phone [[PHONE|+91 98470 21356]]. Came from the {{webinar}} on {{10 Feb}}, downloaded the {{pricing guide}} twice. Signed in from [[IP_ADDRESS|49.207.181.64]] ({{Bengaluru}}). Suggest next best action.",
    ),
    (
        "email_draft",
        "anglo",
        "Write a polite chaser to [[PERSON|Tom Hendricks]] - he promised the signed order form for {{SO-44812}} by {{last Friday}}. Mention that the {{20%}} launch discount ends {{March 31}}. Sign as [[PERSON|Liat]] from the {{CRM}} team.",
    ),
    (
        "call_notes",
        "ethiopian",
        "Spoke to [[PERSON|Dawit]] ([[PERSON|Dawit Tesfaye]], IT lead at {{Habesha Coffee Exports}}). They use {{Zoho}} today, unhappy with reporting. Wants a sandbox for himself and [[PERSON|Selamawit Girma]]. Office: [[ADDRESS|Bole Road, Mega Building 5th floor, Addis Ababa]]. Follow up {{Monday}}.",
    ),
    (
        "meeting_transcript",
        "eritrean",
        "Speaker 1 ([[PERSON|Yonas Haile]]): The pilot in {{Asmara}} went fine, but we need Tigrinya in the UI.\nSpeaker 2 ([[PERSON|Shira Katz]]): That's on the {{Q4}} roadmap, {{version 6.1}}.\nSpeaker 1 ([[PERSON|Yonas Haile]]): And [[PERSON|Senait]] asked about SSO.\nSpeaker 2 ([[PERSON|Shira Katz]]): {{SAML}} is included in {{Enterprise}}.",
    ),
    (
        "tool_result",
        "filipino",
        'assistant: Here are the open tickets for that account.\ntool: [{"ticket": "{{T-20931}}", "requester": "[[PERSON|Jhun-Jhun Villanueva]]", "email": "[[EMAIL|jvillanueva@pinoyretail.ph]]", "status": "{{Open}}"}, {"ticket": "{{T-20977}}", "requester": "[[PERSON|Rowena Macaraeg]]", "email": "[[EMAIL|rowena.m@pinoyretail.ph]]", "status": "{{Pending}}"}]\nuser: reply to [[PERSON|Rowena]]\'s first',
    ),
    (
        "lead_summary",
        "anglo",
        "Summarize: [[PERSON|Kevin Walsh]] ({{Head of RevOps}}, {{Bluefin Analytics}}), [[PHONE|(415) 555-0148]], [[EMAIL|kwalsh@bluefinanalytics.com]]. Trial started {{Feb 3}}, 12 active users, hit the {{API}} limit twice. Last login from [[IP_ADDRESS|2601:646:8d00:4f20::1a7]] ({{San Francisco}}).",
    ),
    (
        "support_ticket",
        "anglo",
        "Subject: Locked out after password reset\nHi, this is [[PERSON|Gregory Pham]] from {{Harbor Dental Group}}. I reset my password to [[SECRET|Harbor!Dental2025]] but still can't get in. Username is [[EMAIL|greg.pham@harbordental.com]]. Please help asap, we have a {{board meeting}} {{tomorrow}}.",
    ),
    (
        "deal_notes",
        "turkish",
        "{{Istanbul}} deal update: [[PERSON|Emre Demirci]] confirmed budget ({{€45,000}}), but their {{CFO}} [[PERSON|Zeynep Arslan]] wants {{net 60}} terms. [[PERSON|Demirci]] will send the PO once legal approves. Stage -> {{Commit}}. Office line [[PHONE|+90 212 355 48 90]].",
    ),
    (
        "email_thread",
        "russian_israeli",
        "From: [[PERSON|Dmitry Volkov]] <[[EMAIL|dmitry.volkov@kinetica.co.il]]>\nSubject: quote for 50 seats\n\nHi, can you send quote for {{Business}} plan? Please address to our {{CEO}} Mrs. [[PERSON|Svetlana Gurevich]]. Our office moved to [[ADDRESS|HaBarzel St 34, Tel Aviv-Yafo 6971031]].\n\n--\n[[PERSON|Dmitry Volkov]] | {{Head of IT}} | [[PHONE|+972-54-318-9027]]",
    ),
    (
        "slack",
        "anglo",
        "[[PERSON|Jess]]: who has the {{Acme Corp}} login for the demo env?\n[[PERSON|Marcus Bell]]: user [[EMAIL|demo@acme-sandbox.io]] pw [[SECRET|Tr0ub4dor&3-sbx]]\n[[PERSON|Jess]]: ty! will rotate after {{Wednesday}}",
    ),
    (
        "chat_history",
        "indonesian",
        "user: Summarize my call with Pak [[PERSON|Hendra Gunawan]]\nassistant: Sure, paste the notes.\nuser: [[PERSON|hendra]] is {{GM}} at {{Nusantara Logistik}} {{Surabaya}}, they want 3 warehouses on {{Pro}}, ok with {{Rp 450 juta}}, his assistant [[PERSON|Sri Wahyuni]] will send NDA, contact [[PHONE|0812-3456-7790]]",
    ),
    (
        "csv_export",
        "mixed",
        "Full Name,Company,Country,Phone,Deal Size\n[[PERSON|Ifeoma Nwosu]],{{Eko Payments}},{{Nigeria}},[[PHONE|+234 803 417 2290]],{{$12,000}}\n[[PERSON|Kamal Uddin]],{{Dhaka Textiles}},{{Bangladesh}},[[PHONE|+880 1819-442761]],{{$8,500}}\n[[PERSON|Siriporn Chaiyaporn]],{{Chiang Mai Crafts}},{{Thailand}},[[PHONE|+66 81 934 2207]],{{$4,200}}\n[[PERSON|Reza Tehrani]],{{Caspian Foods}},{{Germany}},[[PHONE|+49 171 5529304]],{{$21,000}}",
    ),
    (
        "email_draft",
        "kenyan",
        "Hi AI, write a thank you note to [[PERSON|Grace Wambui Njoroge]] for hosting us at [[ADDRESS|Westlands Business Park, Block C, Chiromo Road, Nairobi]] on {{Tuesday}}. Mention that [[PERSON|Brian Kiprop]] will follow up on the {{M-Pesa}} integration and that the {{Growth}} quote is valid for {{30 days}}.",
    ),
    (
        "lead_summary",
        "brazilian",
        "Lead insight request. Contact: [[PERSON|Thaís Carvalho]] | {{Marketing Manager}} | {{Lojas Aurora}} | [[PHONE|+55 11 98734-2210]] | [[EMAIL|thais.carvalho@lojasaurora.com.br]] | Signed in from [[IP_ADDRESS|177.92.40.118]] ({{Sao Paulo}}). Interested in {{WhatsApp}} campaigns and the {{Marketing Hub}} add-on.",
    ),
    (
        "one_word_reply",
        "nigerian",
        "assistant: Which contact at {{Lagos Bridge Capital}} should receive the renewal quote?\nuser: [[PERSON|Adaeze]]",
    ),
    (
        "call_notes",
        "anglo",
        "Quick notes - spoke w/ [[PERSON|Sarah]] at {{Pinecrest Realty}}, she's the new {{VP Marketing}} replacing [[PERSON|Mike Donnelly]]. Wants to cut seats from 30 to 18 in {{July}}. Risk: churn. Her direct line [[PHONE|+1 617-555-0193]]. [[PERSON|Mike]]'s moving to {{Boston}} office.",
    ),
    (
        "tool_result",
        "anglo",
        'tool: {"payment_method": {"brand": "{{Visa}}", "number": "[[CREDIT_CARD|4044348743991757]]", "holder": "[[PERSON|Linda Morales]]"}, "invoice": "{{INV-88213}}", "amount_due": "{{$1,240.00}}", "status": "{{past_due}}"}\nassistant: The invoice is past due; the card on file belongs to [[PERSON|Linda Morales]].',
    ),
    (
        "email_thread",
        "german",
        "From: [[PERSON|Katrin Hoffmann]] <[[EMAIL|k.hoffmann@rheinlogistik.de]]>\nSubject: SEPA mandate\n\nHello, please debit our account [[IBAN|DE58 2022 4690 1030 8826 26]] for the {{annual}} licence. Invoices to [[ADDRESS|Friedrichstraße 112, 10117 Berlin]], attention Herr [[PERSON|Lukas Brandt]].\n\nMit freundlichen Grüßen\n[[PERSON|Katrin Hoffmann]]\n{{Leiterin Einkauf}}",
    ),
    (
        "chat_history",
        "south_asian",
        'user: log a call with [[PERSON|Sana Mirza]], 20 min, she\'s evaluating us vs {{Pipedrive}}\nassistant: [calling log_activity]\ntool: {"ok": true, "activity_id": "{{act_7781}}", "contact": "[[PERSON|Sana Mirza]]", "owner": "[[PERSON|Roni Avraham]]"}\nassistant: Logged. Want a reminder for {{next Tuesday}}?\nuser: yes 10am',
    ),
    (
        "meeting_transcript",
        "mixed",
        "Transcript - {{Weekly pipeline}} - {{Monday}}\n[[PERSON|Omer]]: {{Emirates Steel}} is at {{Negotiation}}, {{AED 310,000}}.\n[[PERSON|Fatima Al Zaabi]]: I'll meet their {{procurement head}} in {{Abu Dhabi}} {{Wednesday}}.\n[[PERSON|Omer]]: and the Filipino distributor?\n[[PERSON|Angelica Santos]]: [[PERSON|Ramon]] went silent, I'll try his wife's shop number [[PHONE|+63 2 8817 4420]].",
    ),
    (
        "support_ticket",
        "russian_israeli",
        "Ticket {{#51102}} from [[PERSON|Yulia Shapiro-Belenky]]: can't connect {{Gmail}} integration. Error started after {{update 7.3}}. Her IP [[IP_ADDRESS|37.142.8.203]], browser {{Chrome 124}}. Callback: [[PHONE|058-774-1209]].",
    ),
    (
        "lead_summary",
        "thai",
        "Lead: [[PERSON|Pimchanok Wongsawat]] ({{Procurement}}, {{Siam Hospitality Group}}), email [[EMAIL|pimchanok.w@siamhg.co.th]], phone [[PHONE|+66 2 254 8890]]. Budget {{THB 1.2M}}. Decision by {{end of September}}. Competitor: {{Freshworks}}.",
    ),
    (
        "email_draft",
        "iranian",
        "Draft an apology email to Dr. [[PERSON|Arash Kazemi]] about the outage on {{Sunday}} ({{incident INC-3312}}). Offer 1 month credit on {{Pro}}. His assistant [[PERSON|Leila Ahmadi]] should be cc'd: [[EMAIL|leila.ahmadi@kazemiclinic.com]].",
    ),
    (
        "json_record",
        "anglo",
        '{"lead": {"first_name": "[[PERSON|Hannah]]", "last_name": "[[PERSON|Whitfield]]", "company": "{{Oakline Insurance}}", "job_title": "{{Claims Director}}", "phone": "[[PHONE|+44 20 7946 0321]]", "email": "[[EMAIL|hannah.whitfield@oakline.co.uk]]", "source": "{{LinkedIn}}", "score": 82}}',
    ),
    (
        "slack",
        "mixed",
        "[[PERSON|Gal]]: FYI {{Gulf Horizon Trading}} just signed! {{AED 96k}} 🎉\n[[PERSON|Mariam Haddad]]: amazing, who's the main contact?\n[[PERSON|Gal]]: [[PERSON|Rashid Al Nuaimi]], {{Head of IT}}, [[EMAIL|rashid.alnuaimi@gulfhorizon.ae]]\n[[PERSON|Mariam Haddad]]: adding him to onboarding for {{Sunday}}",
    ),
    (
        "chat_history",
        "anglo",
        "user: admin here. rotating keys, old github token was [[SECRET|ghp_OY4gZabCtKcE5YaxqftNQ1iyHbDzJtu0aj4p]] and aws [[SECRET|AKIAG3M27CU8NLOT3VJW]] / [[SECRET|3LUov+b9WSO5RZLi3B2TQhwC7605R8U3claDNn/z]] - write me a checklist for rotating them in our {{Kubernetes}} secrets\nassistant: Here's a rotation checklist...",
    ),
    (
        "call_notes",
        "georgian",
        "Spoke to [[PERSON|Giorgi Kapanadze]] ({{COO}}, {{Tbilisi Tea House}}). They have 3 shops + online. Interested in {{POS integration}}. His partner [[PERSON|Tamar Lomidze]] handles finance. Next step demo {{Thursday}} 14:00. Cell [[PHONE|+995 577 20 48 16]].",
    ),
    (
        "signature",
        "anglo",
        "Cheers,\n[[PERSON|Olivia Bennett-Clarke]]\n{{Senior Customer Success Manager}}\n{{Brightpath Software}}\n[[ADDRESS|1200 Market Street, Suite 300, Philadelphia, PA 19107]]\nDirect: [[PHONE|215-555-0172]]",
    ),
    (
        "tool_result",
        "indonesian",
        'tool: {"results": [{"name": "[[PERSON|Dewi Lestari Santoso]]", "role": "{{Finance Manager}}", "company": "{{Java Textile Group}}", "phone": "[[PHONE|+62 21 5795 3321]]"}, {"name": "[[PERSON|Agus Prasetyo]]", "role": "{{IT Director}}", "company": "{{Java Textile Group}}", "phone": "[[PHONE|+62 811 902 4476]]"}], "total": 2}\nuser: who is the decision maker?',
    ),
    (
        "deal_notes",
        "anglo",
        "Opportunity {{OPP-2291}}: {{Redwood Clinics}}, 3 locations. Contact Dr. [[PERSON|Alana Brooks]], {{Medical Director}}. {{$27,600}}/yr, {{Closed Won}} {{Feb 27}}. Paid by Amex [[CREDIT_CARD|3782 703506 95576]].",
    ),
    (
        "email_thread",
        "mixed",
        "From: [[PERSON|Layla Farouk]] <[[EMAIL|layla.farouk@nilesoft.com.eg]]>\nTo: [[PERSON|Ido Peretz]] <[[EMAIL|ido@yourcrm.io]]>\nSubject: Re: {{Arabic}} UI\n\nHi [[PERSON|Ido]], thanks! We tested {{version 5.8}} in {{Cairo}} and RTL looks good. My mobile if needed: [[PHONE|+20 100 482 3317]].\n[[PERSON|Layla]]",
    ),
    (
        "lead_summary",
        "ghanaian",
        "Score this lead 1-10: [[PERSON|Kwame Asante-Boateng]], {{Founder}}, {{Accra Solar Ltd}}, [[PHONE|+233 24 418 3307]], 4 employees, asked for {{Free}} plan twice, no budget. Signed in from [[IP_ADDRESS|154.160.23.91]].",
    ),
    (
        "chat_history",
        "anglo",
        "user: what did [[PERSON|Whitaker]] say in the last email?\nassistant: [[PERSON|Jonathan Whitaker]] from {{Crestview Partners}} said they'll decide after their {{board meeting}} on {{June 12}} and asked whether the {{Enterprise}} plan includes {{SSO}}.\nuser: ok remind me {{June 13}}",
    ),
    (
        "support_ticket",
        "turkish",
        "From: [[PERSON|Burak Çelik]]\nCompany: {{Ege Marin}}\nIssue: invoices show wrong VAT ({{18%}} instead of {{20%}}). Please correct {{INV-2025-1104}} and {{INV-2025-1131}}. Our billing address: [[ADDRESS|Atatürk Cad. No: 145 D: 6, 35210 Alsancak/İzmir]].",
    ),
    (
        "email_draft",
        "anglo",
        "Write a short note to [[PERSON|Marcus Johnson]] confirming his contractor onboarding for the {{Denver}} office starts {{Monday, June 2}}. His W-9 came through with SSN [[US_SSN|287-61-4490]], tell him we got it and finance ([[PERSON|Tricia]]) will set up the {{net 30}} payments.",
    ),
    # ---------------------------------------------------------------- Hebrew
    (
        "lead_summary",
        "hebrew",
        "תן לי insights על הליד הזה:\nשם: [[PERSON|אורית שמואלי]]\nתפקיד: {{מנהלת רכש}}\nחברה: {{גלבוע תעשיות}}\nנייד: [[PHONE|054-7712398]]\nמייל: [[EMAIL|orit.s@gilboa-ind.co.il]]\nפעילות אחרונה: התחברה מ-[[IP_ADDRESS|85.130.77.41]] ({{תל אביב}}) ב{{יום שלישי}}\nשלב: {{הצעת מחיר}} | סכום: {{₪48,000}}",
    ),
    (
        "call_notes",
        "hebrew",
        "שיחה עם [[PERSON|רועי אלמוג]] מ{{ווליו דיגיטל}} - מעוניינים ב-{{Pro plan}} ל-15 משתמשים, אבל ה{{סמנכ\"ל כספים}} שלהם, [[PERSON|שירן דהן]], רוצה הנחה של {{10%}}. [[PERSON|רועי]] ביקש שנחזור אליו {{ביום ה'}} אחרי 16:00 לנייד [[PHONE|052-331-8476]].",
    ),
    (
        "email_draft",
        "hebrew",
        "תנסח מייל follow up ל[[PERSON|הדס נחמיאס]] אחרי הדמו של {{אתמול}}. תזכיר שההצעה ל-{{Business}} בתוקף עד {{סוף מרץ}} ותוסיף את [[PERSON|איתי רוזנברג]] ב-cc, המייל שלו [[EMAIL|itai.rosenberg@nahmiasgroup.co.il]]. טון קליל, בלי חנופה.",
    ),
    (
        "meeting_transcript",
        "hebrew",
        "[[PERSON|טל]]: בוקר טוב, [[PERSON|אבי]] מצטרף?\n[[PERSON|אבי בן דוד]]: כן כן אני פה\n[[PERSON|טל]]: מעולה. אז לגבי {{שופרסל}}, ה-deal תקוע ב{{משא ומתן}} כבר שלושה שבועות\n[[PERSON|אבי בן דוד]]: דיברתי עם [[PERSON|גבאי]] שלהם, הוא אמר שהתקציב מאושר ל-{{Q3}}\n[[PERSON|טל]]: אז נקבע פגישה ב{{יום ראשון}}",
    ),
    (
        "support_ticket",
        "hebrew",
        "פנייה {{#58231}} | דחיפות: {{גבוהה}}\nמאת: [[PERSON|יעל כהן-טנא]] <[[EMAIL|yael.ct@tenalaw.co.il]]>\nנושא: לא מצליחה לייבא אנשי קשר מ-{{Excel}}\nהיי, מאז העדכון ל-{{גרסה 4.2}} הייבוא נתקע ב-{{80%}}. אפשר שמישהו יחזור אליי? משרד: [[PHONE|03-5617420]], נייד [[PHONE|050-6634918]]. תודה, [[PERSON|יעל]]",
    ),
    (
        "whatsapp_export",
        "hebrew",
        "[{{14.5.2025}}, 10:02] [[PERSON|עידן מלכה]]: אחי שלחת ל[[PERSON|מורן]] את החוזה?\n[{{14.5.2025}}, 10:05] [[PERSON|ליאור שטרן]]: עוד לא, מחכה שתאשר את ה-{{SLA}}\n[{{14.5.2025}}, 10:06] [[PERSON|עידן מלכה]]: מאושר. המייל שלה [[EMAIL|moran@shaharlog.co.il]]\n[{{14.5.2025}}, 10:07] [[PERSON|ליאור שטרן]]: 👍",
    ),
    (
        "json_record",
        "hebrew",
        '{"contact_id": 44120, "full_name": "[[PERSON|\\u05de\\u05d9\\u05db\\u05dc \\u05d0\\u05d6\\u05d5\\u05dc\\u05d0\\u05d9]]", "title": "{{\\u05de\\u05e0\\u05d4\\u05dc\\u05ea \\u05e8\\u05db\\u05e9}}", "phone": "[[PHONE|+972-52-3318476]]", "email": "[[EMAIL|michal.azulay@ofek-med.co.il]]", "stage": "{{Demo}}"}',
    ),
    (
        "csv_export",
        "hebrew",
        'שם מלא,חברה,תפקיד,טלפון,עיר,סכום עסקה\n[[PERSON|נועם פרידמן]],{{אקווה טק}},{{מנכ"ל}},[[PHONE|0549983211]],{{נתניה}},{{₪36,000}}\n[[PERSON|שני ביטון]],{{מעדני הגליל}},{{מנהלת שיווק}},[[PHONE|04-6921187]],{{כרמיאל}},{{₪12,500}}\n[[PERSON|אלון חדד]],{{סייבר-נט}},{{CTO}},[[PHONE|+972 58 441 2290]],{{הרצליה}},{{₪90,000}}',
    ),
    (
        "lead_summary",
        "russian_israeli",
        "סכם לי את הליד: [[PERSON|יבגניה קרסנוב]], {{סמנכ\"לית תפעול}} ב{{אלקטרה לוג'יסטיקס}}, טלפון [[PHONE|053-4412907]], מייל [[EMAIL|evgenia.k@electralog.co.il]]. נכנסה לדף ה-pricing שלוש פעמים השבוע, הורידה את ה-{{case study}}. הבוס שלה [[PERSON|ולדימיר ליבוביץ]] חתום על התקציב.",
    ),
    (
        "chat_history",
        "russian_israeli",
        'user: מה המצב עם [[PERSON|סבטלנה]]?\nassistant: [calling get_deal]\ntool: {"deal": "{{D-7712}}", "contact": "[[PERSON|סבטלנה פרידמן]]", "company": "{{בית מרקחת אופק}}", "amount": "{{₪22,000}}", "stage": "{{Proposal}}", "next_step": "{{שיחת סגירה}}"}\nassistant: העסקה עם [[PERSON|סבטלנה פרידמן]] ב{{שלב הצעה}}, {{₪22,000}}. הצעד הבא: שיחת סגירה.\nuser: תזכיר לי {{ביום רביעי}}',
    ),
    (
        "call_notes",
        "ethiopian_israeli",
        "דיברתי עם [[PERSON|אבבה טספאיה]], {{מנהל אחזקה}} ב{{מלונות ים המלח}}. רוצים מערכת tickets לצוות של 40 איש. הוא ביקש שנדבר גם עם [[PERSON|יעל גטהון]] מה-IT. נייד שלו [[PHONE|052-8817743]]. לחזור אליו {{אחרי החגים}}.",
    ),
    (
        "email_thread",
        "ethiopian_israeli",
        'מאת: [[PERSON|ביניאם וורקו]] <[[EMAIL|biniam.worku@negevsolar.co.il]]>\nאל: [[PERSON|שרית לוי]]\nנושא: חשבונית {{INV-2025-0288}}\n\nשלום [[PERSON|שרית]],\nהתשלום יעבור מחשבון [[IBAN|IL67 0749 4454 4929 1374 882]] עד {{ה-10 לחודש}}. אנא שלחי חשבונית מס על שם {{נגב סולאר בע"מ}}.\nתודה,\n[[PERSON|ביניאם]]',
    ),
    (
        "support_ticket",
        "druze",
        "פנייה מ[[PERSON|ואיל חלבי]] ({{חלבי שיווק}}, {{דלית אל-כרמל}}): הסנכרון עם {{Google Calendar}} לא עובד מ{{יום ראשון}}. כתובת לשליחת הראוטר החדש: [[ADDRESS|רח' הראשי 118, דלית אל-כרמל 3005600]]. טלפון [[PHONE|04-8391122]].",
    ),
    (
        "lead_summary",
        "druze",
        "ליד חם! [[PERSON|סמר קבלאן]], {{מנהלת פיתוח עסקי}} ב{{כרמל טק}}, {{עספיא}}. נייד [[PHONE|050-2271904]]. הגיעה מה-{{webinar}} של {{מרץ}}, מעוניינת ב-{{Enterprise}} ל-120 משתמשים. התחברה מ-[[IP_ADDRESS|79.179.221.15]] ({{חיפה}}).",
    ),
    (
        "call_notes",
        "bedouin",
        "פגישה ב{{רהט}} עם [[PERSON|סלים אבו קוידר]], {{בעלים}} של {{אבו קוידר הובלות}}. 12 משאיות, רוצים CRM פשוט בעברית וערבית. הבן שלו [[PERSON|מוחמד]] ינהל את המערכת. כתובת המשרד: [[ADDRESS|שכונה 5, בית 112, רהט]]. הצעת מחיר עד {{יום חמישי}}.",
    ),
    (
        "deal_notes",
        "bedouin",
        "עסקה: {{מועצה אזורית נווה מדבר}} | איש קשר: [[PERSON|אמל אלהוזייל]] ({{רכזת פרויקטים}}) | {{₪64,000}} | שלב: {{מכרז}} | הערה: [[PERSON|אלהוזייל]] ביקשה את המסמכים עד {{15 ביוני}}, טלפון [[PHONE|08-6223091]].",
    ),
    (
        "chat_history",
        "hebrew",
        'user: מי זה [[PERSON|גולדשטיין]]?\nassistant: [[PERSON|אריאל גולדשטיין]] הוא {{סמנכ"ל מכירות}} ב{{פריזמה ביטוח}}, איש קשר ראשי בעסקה {{D-8120}}.\nuser: תשלח לו תזכורת על הפגישה {{מחר}} ב-11',
    ),
    (
        "slack",
        "hebrew",
        "#sales-il\n[[PERSON|ענבל]]: מישהו יודע מה הסיסמה לחשבון ה-demo של {{Monday}}?\n[[PERSON|דור קליין]]: [[SECRET|Demo!2025#Sales]] אבל תחליפי אחרי הפגישה\n[[PERSON|ענבל]]: תודה!! 🙏",
    ),
    (
        "tool_result",
        "hebrew",
        'tool: {"customer": "[[PERSON|רונית בן חיים]]", "id_number": "[[IL_ID|332137710]]", "address": "[[ADDRESS|הרצל 45 דירה 7, ראשון לציון]]", "plan": "{{Basic}}", "balance": "{{₪1,180}}"}\nassistant: ללקוחה [[PERSON|רונית בן חיים]] יש יתרת חוב של {{₪1,180}} על מסלול {{Basic}}.',
    ),
    (
        "email_draft",
        "hebrew",
        'כתוב מייל ל[[PERSON|עמית]] ([[EMAIL|amit.g@solel-build.co.il]]) שהחוזה מוכן לחתימה. תציין שצריך ת"ז של מורשה החתימה, [[PERSON|יוסף גרינברג]], ת"ז [[IL_ID|558654539]], ושהתשלום הראשון הוא {{₪18,000}} + מע"מ.',
    ),
    (
        "calendar_invite",
        "hebrew",
        "הזמנה: {{פגישת היכרות}} - {{עיריית חולון}}\nמתי: {{יום שני}}, {{12 במאי}}, 09:30-10:30\nאיפה: [[ADDRESS|דרך מנחם בגין 132, קומה 18, תל אביב]]\nמארגן: [[PERSON|נעמה אשכנזי]] <[[EMAIL|naama.a@yourcrm.io]]>\nמשתתפים: [[PERSON|רפי אוחיון]], [[PERSON|דנה לב]]",
    ),
    (
        "support_ticket",
        "hebrew",
        "שלום, אני [[PERSON|משה דוד]] מ{{אופטיקה הדר}}. חייבו אותי פעמיים על {{ינואר}}! הכרטיס [[CREDIT_CARD|5312-8209-6598-0819]]. תחזירו בבקשה את החיוב הכפול של {{₪349}}. טלפון לחזרה [[PHONE|054 771 2398]].",
    ),
    (
        "chat_history",
        "mixed",
        "user: תעשה לי סיכום של ה-pipeline של [[PERSON|ליאת]] לרבעון\nassistant: ל[[PERSON|ליאת מזרחי]] יש 9 עסקאות פתוחות בסך {{₪410,000}}. הגדולה: {{אל על}} ({{₪120,000}}, {{Negotiation}}).\nuser: ומה עם הלקוח מ{{דובאי}}?\nassistant: {{Gulf Horizon Trading}}, איש קשר [[PERSON|Rashid Al Nuaimi]], ב{{Proposal}}.",
    ),
    (
        "lead_summary",
        "hebrew",
        "ליד: [[PERSON|שחר]] (בלי שם משפחה במערכת), {{בעל עסק}}, {{פיצה שחר}} ב{{אשדוד}}. מילא טופס באתר, ביקש מחיר ל-{{Starter}}. נייד [[PHONE|0587712398]]. IP: [[IP_ADDRESS|2a02:ed0:5a21:9c00::17]].",
    ),
    (
        "whatsapp_export",
        "mixed",
        "[{{3/6/25}}, 18:40] [[PERSON|Nir]]: תגיד ל[[PERSON|Joyce]] שהמשלוח יגיע מחר\n[{{3/6/25}}, 18:41] [[PERSON|Rina Aharoni]]: היא המטפלת של אבא שלי, [[PERSON|Joyce dela Cruz]], הטלפון שלה [[PHONE|053-9920417]]\n[{{3/6/25}}, 18:45] [[PERSON|Nir]]: סגור",
    ),
    (
        "meeting_transcript",
        "ethiopian_israeli",
        "דובר 1 ([[PERSON|טגיסט מלקו]]): אנחנו צריכים דוחות לפי סניף, יש לנו 6 סניפים מ{{קריית גת}} עד {{אילת}}.\nדובר 2 ([[PERSON|אופיר שגיא]]): זה קיים ב-{{Advanced Reports}}, חלק מ-{{Pro}}.\nדובר 1 ([[PERSON|טגיסט מלקו]]): ו[[PERSON|מסרשה]] שאלה על הרשאות.\nדובר 2 ([[PERSON|אופיר שגיא]]): יש role-based מ-{{גרסה 5}}.",
    ),
    (
        "tool_result",
        "russian_israeli",
        'tool: [{"name": "[[PERSON|אנה גורביץ\']]", "role": "{{מנהלת חשבונות}}", "mobile": "[[PHONE|054-2209183]]"}, {"name": "[[PERSON|ולדימיר ליבוביץ]]", "role": "{{CEO}}", "mobile": "[[PHONE|054-2209100]]"}]\nuser: תשלח ל[[PERSON|אנה]] את הצעת המחיר ל-{{Business}}',
    ),
    (
        "deal_notes",
        "hebrew",
        'עדכון {{יום חמישי}}: [[PERSON|קרן אברהמי]] אישרה {{₪75,000}} לשנה הראשונה. ה-{{legal}} שלהם (עו"ד [[PERSON|גיל שפירא]]) מבקש שינויים ב-{{DPA}}. צפי סגירה: {{סוף יוני}}. {{Commit}}.',
    ),
    (
        "signature",
        "hebrew",
        "בברכה,\n[[PERSON|מאיה רוזן]]\n{{ראש צוות מכירות}} | {{סייל-פלוס בע\"מ}}\n[[ADDRESS|רח' יפו 97, ירושלים 9434101]]\nנייד: [[PHONE|+972-50-441-7783]] | משרד: [[PHONE|02-6254410]]",
    ),
    (
        "csv_export",
        "druze",
        "שם,כפר,טלפון,תעודת זהות,סטטוס\n[[PERSON|נביה עאמר]],{{ג'וליס}},[[PHONE|050-7718234]],[[IL_ID|952224970]],{{פעיל}}\n[[PERSON|רנין חסון]],{{בית ג'ן}},[[PHONE|052-6603115]],[[IL_ID|339325086]],{{ממתין}}",
    ),
    (
        "chat_history",
        "hebrew",
        "user: תוציא לי את כל הלקוחות מ{{באר שבע}} שלא פתחו מייל {{בחודש האחרון}}\nassistant: מצאתי 14 לקוחות. שלושת הראשונים: [[PERSON|חן גבאי]], [[PERSON|דוד אוחנה]], [[PERSON|ספיר עמר]]. להכין קמפיין re-engagement?\nuser: כן, עם הנחה של {{15%}} ל-{{Pro}}",
    ),
    (
        "email_thread",
        "hebrew",
        'From: "[[PERSON|אסף בירנבאום]]" <[[EMAIL|asaf@birnbaum-cpa.co.il]]>\nSubject: העברה בנקאית\n\nהיי, העברנו {{₪9,360}} מחשבון [[IBAN|IL66 0417 3401 5744 2843 552]]. אסמכתא {{884213}}. תעדכנו את [[PERSON|נטע]] בהנה"ח.\n[[PERSON|אסף]]',
    ),
    (
        "support_ticket",
        "mixed",
        "משתמש: [[PERSON|רז]] | ארגון: {{Wix}} partner | בעיה: ה-API מחזיר 403 אחרי שהחלפנו מפתח. הנה המפתח החדש: [[SECRET|sk_live_CnzJkX6cgHs4HxZ5GYOdopC4]]. גרסה {{2.14.0}}.",
    ),
    (
        "call_notes",
        "hebrew",
        "[[PERSON|עוזי]] מ{{מוסך העמק}} התקשר, כועס על החשבונית של {{אפריל}}. הוא רוצה לדבר עם [[PERSON|ברק]] (ה-{{account manager}}). חזרתי אליו מהנייד, [[PHONE|054.662.1903]]. להציע חודש חינם?",
    ),
    (
        "lead_summary",
        "bedouin",
        'תכין תקציר ל[[PERSON|מוחמד אלעוברה]] לפני הפגישה: {{מנכ"ל}} {{אלעוברה סחר}} ב{{חורה}}, 25 עובדים, משתמשים היום ב-{{Excel}}. מייל [[EMAIL|m.alobra@alobra-trade.co.il]], טלפון [[PHONE|+972 (0)52 540 1187]].',
    ),
    (
        "one_word_reply",
        "hebrew",
        "assistant: למי להעביר את הליד מ{{רמת גן}}?\nuser: ל[[PERSON|אושרת]]",
    ),
    (
        "chat_history",
        "russian_israeli",
        "user: [[PERSON|Дмитрий]] מ{{קבוצת אלפא}} ביקש שנדבר ברוסית, תכתוב לו הודעה קצרה\nassistant: Здравствуйте, [[PERSON|Дмитрий]]! Спасибо за интерес к тарифу {{Pro}}...\nuser: תוסיף שהפגישה ב{{יום שלישי}} ב-10, ושהמספר שלי [[PHONE|052-9014477]]",
    ),
    (
        "deal_notes",
        "druze",
        'לקוח: {{מרכז רפואי כרמל}} | איש קשר: ד"ר [[PERSON|פאדי חלבי]] | שלב: {{חוזה}} | {{₪140,000}} | הערות: ד"ר [[PERSON|חלבי]] ביקש הדרכה לצוות ב{{יום ב\'}}, המזכירה [[PERSON|לינא]] תתאם.',
    ),
    (
        "tool_result",
        "hebrew",
        'tool: {"invoice": "{{INV-44017}}", "customer": "[[PERSON|\\u05e2\\u05d5\\u05de\\u05e8 \\u05d2\\u05d5\\u05dc\\u05df]]", "total": "\\u20aa2,340", "card_last4": "{{4821}}"}\nassistant: החשבונית של [[PERSON|עומר גולן]] על סך {{₪2,340}}.',
    ),
    (
        "support_ticket",
        "hebrew",
        "לקוח: [[PERSON|דניאל אזרזר]] | ביקש לעדכן אמצעי תשלום לכרטיס [[CREDIT_CARD|2223 4622 1720 1721]], ת.ז. [[IL_ID|561040668]] | מסלול {{Pro}} שנתי, {{₪3,480}} | להחיל מ{{יולי}}",
    ),
    (
        "lead_summary",
        "hebrew",
        "פרטי ליד מטופס ההרשמה:\nשם: [[PERSON|ליאורה בן שושן]]\nת.ז.: [[IL_ID|280737768]]\nכתובת: [[ADDRESS|שדרות רוטשילד 22, תל אביב]]\nנייד: [[PHONE|+972 54-880-1276]]\nמקור: {{Facebook Ads}} | קמפיין {{פסח 2025}}\nתסכם ותציע פתיח לשיחה",
    ),
    # ---------------------------------------------------------------- Arabic
    (
        "lead_summary",
        "emirati",
        "أعطني insights عن هذا الـ lead:\nالاسم: [[PERSON|خالد سعيد المنصوري]]\nالمسمى الوظيفي: {{مدير المشتريات}}\nالشركة: {{مجموعة الأفق الخليجي}}\nالجوال: [[PHONE|+971 50 734 2281]]\nالبريد: [[EMAIL|khaled.almansoori@ufuqgroup.ae]]\nآخر نشاط: تسجيل دخول من [[IP_ADDRESS|94.200.13.88]] ({{دبي}}) يوم {{الأحد}}\nالمرحلة: {{عرض سعر}} | القيمة: {{AED 120,000}}",
    ),
    (
        "call_notes",
        "emirati",
        "مكالمة مع الأستاذة [[PERSON|مريم الشامسي]] من {{دائرة التنمية الاقتصادية}}، مهتمة بباقة {{Enterprise}} لـ 60 مستخدم. طلبت demo يوم {{الخميس القادم}} الساعة 11، وتبي نضيف زميلها [[PERSON|حمدان الكتبي]] للدعوة. رقمها [[PHONE|050 418 9023]].",
    ),
    (
        "email_draft",
        "saudi",
        "اكتب إيميل متابعة للأستاذ [[PERSON|عبدالله القحطاني]] بعد اجتماع {{أمس}} في {{الرياض}}. اذكر أن العرض بقيمة {{SAR 75,500}} صالح حتى {{نهاية الشهر}}، وأن [[PERSON|نورة العتيبي]] من فريقنا بترسل العقد. إيميله [[EMAIL|a.alqahtani@najdlogistics.sa]].",
    ),
    (
        "meeting_transcript",
        "saudi",
        "[[PERSON|فيصل الدوسري]]: السلام عليكم، نبدأ؟\n[[PERSON|Noa Katz]]: أهلاً [[PERSON|فيصل]]، yes let's start\n[[PERSON|فيصل الدوسري]]: عندنا 4 فروع في {{جدة}} و{{الدمام}}، نبي الـ CRM يدعم العربي كامل\n[[PERSON|Noa Katz]]: {{Arabic UI}} متوفر من {{version 5}}\n[[PERSON|ريم الغامدي]]: وكم السعر لـ 80 مستخدم؟\n[[PERSON|Noa Katz]]: {{SAR 96,000}} سنوياً",
    ),
    (
        "support_ticket",
        "egyptian",
        "تذكرة {{#60215}} | الأولوية: {{عاجلة}}\nمن: [[PERSON|محمد عبد الحليم]] <[[EMAIL|m.abdelhalim@delta-foods.com.eg]]>\nالموضوع: التقارير مش بتفتح\nمن يوم {{السبت}} صفحة {{Reports}} بتدي error 500. محتاجين التقرير ضروري للمدير المالي أ/ [[PERSON|منى السيد]]. كلموني على [[PHONE|+20 122 734 8812]].",
    ),
    (
        "whatsapp_export",
        "lebanese",
        "[{{2/5/2025}}, 14:10] [[PERSON|Rami Khoury]]: مرحبا، بعتلي الفاتورة عالإيميل؟\n[{{2/5/2025}}, 14:12] [[PERSON|Tamar Golan]]: أكيد، على [[EMAIL|rami.khoury@cedarmedia.com.lb]]\n[{{2/5/2025}}, 14:15] [[PERSON|Rami Khoury]]: شكراً. و[[PERSON|ريتا]] بدها نسخة كمان\n[{{2/5/2025}}, 14:16] [[PERSON|Tamar Golan]]: شو إيميلها؟\n[{{2/5/2025}}, 14:20] [[PERSON|Rami Khoury]]: [[EMAIL|rita.haddad@cedarmedia.com.lb]] ورقمها [[PHONE|+961 3 418 227]]",
    ),
    (
        "json_record",
        "emirati",
        '{"contact": {"name": "[[PERSON|\\u0639\\u0627\\u0626\\u0634\\u0629 \\u0627\\u0644\\u0643\\u0639\\u0628\\u064a]]", "city": "{{\\u062f\\u0628\\u064a}}", "mobile": "[[PHONE|+971561290374]]", "email": "[[EMAIL|aisha.alkaabi@rawabi-hr.ae]]", "plan": "{{Growth}}", "mrr": 4200}}',
    ),
    (
        "csv_export",
        "arab_gulf",
        "الاسم,الشركة,المسمى,الجوال,المدينة\n[[PERSON|شما المهيري]],{{روابي للموارد البشرية}},{{مديرة التسويق}},[[PHONE|055-418-9023]],{{أبوظبي}}\n[[PERSON|سلطان الهاشمي]],{{الخليج للتجارة}},{{الرئيس التنفيذي}},[[PHONE|+971-4-332-1100]],{{دبي}}\n[[PERSON|بدر الزعابي]],{{نجمة الشارقة}},{{مدير تقنية المعلومات}},[[PHONE|00971 6 556 2290]],{{الشارقة}}",
    ),
    (
        "chat_history",
        "palestinian",
        'user: شو صار مع [[PERSON|سامر]]؟\nassistant: [calling get_contact]\ntool: {"name": "[[PERSON|سامر عودة]]", "company": "{{رام الله للبرمجيات}}", "stage": "{{Negotiation}}", "amount": "{{$15,000}}", "last_ip": "[[IP_ADDRESS|188.161.20.7]]"}\nassistant: [[PERSON|سامر عودة]] من {{رام الله للبرمجيات}} في مرحلة التفاوض، {{$15,000}}.\nuser: تمام، ذكرني {{الاثنين}}',
    ),
    (
        "tool_result",
        "saudi",
        'tool: {"customer": "[[PERSON|فيصل الدوسري]]", "iban": "[[IBAN|SA7054445908351973318836]]", "company": "{{الدوسري القابضة}}", "address": "[[ADDRESS|٣٤٥١ طريق الملك فهد، حي العليا، الرياض ١٢٢١٤]]", "invoice": "{{INV-SA-2231}}"}\nassistant: تم تحديث بيانات الدفع للعميل [[PERSON|فيصل الدوسري]].',
    ),
    (
        "email_thread",
        "emirati",
        'From: "[[PERSON|Hamad Al Ketbi]]" <[[EMAIL|hamad.alketbi@sandsprop.ae]]>\nSubject: RE: Renewal\n\nDear [[PERSON|Yael]],\nنرجو تحويل الفاتورة على حساب الشركة [[IBAN|AE12 4244 4780 7534 3486 789]] لدى {{Emirates NBD}}. العنوان: [[ADDRESS|Office 907, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]].\nRegards,\n[[PERSON|Hamad]]',
    ),
    (
        "call_notes",
        "moroccan",
        "اتصلت بـ [[PERSON|يوسف بنعلي]] من {{أطلس للتوزيع}} في {{الدار البيضاء}}. عندهم 30 مندوب مبيعات، يبغيو CRM بالفرنسية والعربية. المديرة المالية [[PERSON|فاطمة الزهراء العلوي]] هي اللي كتقرر. الهاتف [[PHONE|+212 661 48 20 93]]. موعد جديد {{الثلاثاء}}.",
    ),
    (
        "arabizi_chat",
        "arabizi",
        "[[PERSON|Khaled]]: salam, 3ndak wa2t bukra el sa3a 10 for the {{demo}}?\n[[PERSON|Shai Ben Ami]]: ahlan [[PERSON|Khaled]], yes sure\n[[PERSON|Khaled]]: tamam, ba3tlak el rakam taba3 [[PERSON|Abu Omar]] kaman, huwe el boss: [[PHONE|0796 552 180]]",
    ),
    (
        "support_ticket",
        "jordanian",
        "الاسم: [[PERSON|عمر الزعبي]]\nالشركة: {{البتراء للسياحة}}\nالمشكلة: ما بقدر أدخل على الحساب، عملت reset للباسوورد وصارت [[SECRET|Petra@2025!x]] وما زبطت. رقمي [[PHONE|+962 79 552 1804]]، IP [[IP_ADDRESS|176.29.101.54]].",
    ),
    (
        "deal_notes",
        "egyptian",
        "صفقة: {{نيل سوفت}} | جهة الاتصال: م. [[PERSON|أحمد فتحي شاكر]] ({{مدير تقنية المعلومات}}) | القيمة: {{EGP 250,000}} | المرحلة: {{Proposal}} | الخطوة التالية: زيارة لمكتبهم في [[ADDRESS|١٢ شارع شهاب، المهندسين، الجيزة]] يوم {{الأربعاء}}.",
    ),
    (
        "lead_summary",
        "lebanese",
        "Lead: [[PERSON|جورج أبي نادر]]، {{Founder}} بـ {{Beirut Bytes}}، هاتف [[PHONE|+961 71 203 448]]، إيميل [[EMAIL|georges@beirutbytes.com]]. حضر الـ webinar تبع {{نيسان}}، مهتم بالـ {{API}}. سجل دخول من [[IP_ADDRESS|185.89.218.40]] ({{بيروت}}).",
    ),
    (
        "chat_history",
        "mixed",
        "user: حضّر لي ملخص عن الـ account تبع {{Careem}}\nassistant: الـ account owner هو [[PERSON|Yonatan Erez]]. جهة الاتصال الرئيسية [[PERSON|Dana Al-Hayari]] ({{Head of Partnerships}})، [[EMAIL|dana.hayari@careem-partners.com]]. {{AED 410,000}} ARR، renewal في {{سبتمبر}}.\nuser: ابعث لـ[[PERSON|Dana]] تذكير بالـ QBR",
    ),
    (
        "email_draft",
        "saudi",
        "صغ رسالة شكر للشيخ [[PERSON|سعود بن فهد الشمري]] على استضافته لنا في {{حائل}}، وأرفق عرض {{باقة Pro}} بخصم {{10%}}. انسخ مدير مكتبه [[PERSON|تركي الحربي]] على [[EMAIL|turki.alharbi@shammari-group.sa]].",
    ),
    (
        "signature",
        "egyptian",
        "مع خالص التحية،\n[[PERSON|ياسمين عادل]]\n{{مديرة المبيعات الإقليمية}} - {{مصر للبرمجيات}}\n[[ADDRESS|٤٥ شارع التسعين، التجمع الخامس، القاهرة الجديدة]]\nموبايل: [[PHONE|01098821430]]\nأرضي: [[PHONE|02 2537 4410]]",
    ),
    (
        "whatsapp_export",
        "emirati",
        "[{{10/3/2025}}, 20:31] [[PERSON|أبو راشد]]: الله يعطيك العافية، الدفعة حولناها\n[{{10/3/2025}}, 20:33] [[PERSON|Eyal Tzur]]: شكراً، ممكن ترسل رقم الحساب اللي حولت منه؟\n[{{10/3/2025}}, 20:40] [[PERSON|أبو راشد]]: [[IBAN|AE116558383175773825989]] باسم [[PERSON|راشد عبيد الظاهري]]",
    ),
    (
        "tool_result",
        "egyptian",
        'tool: [{"name": "[[PERSON|منى السيد]]", "title": "{{CFO}}", "phone": "[[PHONE|+20 10 0412 7783]]"}, {"name": "[[PERSON|كريم مصطفى]]", "title": "{{Sales Manager}}", "phone": "[[PHONE|+20 111 208 4451]]"}]\nassistant: لقيت اتنين في {{دلتا فودز}}: [[PERSON|منى السيد]] و[[PERSON|كريم مصطفى]].',
    ),
    (
        "call_notes",
        "palestinian_israeli",
        "حكيت مع [[PERSON|رنا مصاروة]] من {{الطيبة}}، {{مديرة}} مكتب محاسبة. بدها CRM بالعربي والعبري. رقم الهوية للعقد [[IL_ID|839346509]]، التلفون [[PHONE|054-3318902]]. الأسعار بالشيكل: {{₪290}} بالشهر.",
    ),
    (
        "calendar_invite",
        "arab_gulf",
        "دعوة: {{اجتماع مراجعة ربعية}} - {{طيران الخليج}}\nالموعد: {{الثلاثاء}} {{٢٠ مايو}}، ١٠:٠٠ صباحاً بتوقيت {{الرياض}}\nالمكان: [[ADDRESS|مكتب 1204، برج الكرامة، شارع الشيخ زايد، دبي]]\nالمنظم: [[PERSON|ليلى حداد]] <[[EMAIL|layla.haddad@yourcrm.io]]>\nالحضور: [[PERSON|محمد الكواري]]، [[PERSON|Ronen Weiss]]",
    ),
    (
        "support_ticket",
        "saudi",
        "السلام عليكم، تم خصم المبلغ مرتين من البطاقة [[CREDIT_CARD|5455 3770 9627 7828]] لاشتراك {{أبريل}}. المبلغ {{SAR 1,150}}. أرجو الاسترجاع. [[PERSON|نواف العنزي]] - [[PHONE|0558124409]]",
    ),
    (
        "chat_history",
        "emirati",
        "user: admin: حطيت مفتاح الـ SendGrid الجديد [[SECRET|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]] بس الإيميلات ما توصل، ليش؟\nassistant: تأكد إن الـ sender domain موثّق في {{SendGrid}} وإن الـ API key عنده صلاحية {{Mail Send}}.",
    ),
    (
        "lead_summary",
        "moroccan",
        "ملخص الليد: [[PERSON|مهدي التازي]]، {{Directeur Commercial}} في {{Maghreb Retail}}، [[EMAIL|mehdi.tazi@maghrebretail.ma]]، [[PHONE|0522 48 33 10]]. العنوان: [[ADDRESS|45 شارع محمد الخامس، الدار البيضاء 20250]]. Budget {{MAD 300,000}}، القرار في {{يونيو}}.",
    ),
    (
        "deal_notes",
        "lebanese",
        "تحديث: [[PERSON|ريتا حداد]] وافقت على {{Growth}} لـ 25 مستخدم، {{$11,400}} بالسنة. المدير [[PERSON|Khoury]] بدو فاتورة باسم {{Cedar Media SAL}}. العنوان: [[ADDRESS|بناية الريحاني، الطابق الرابع، شارع الحمرا، بيروت]].",
    ),
    (
        "meeting_transcript",
        "egyptian",
        "المتحدث 1 ([[PERSON|هبة الشريف]]): إحنا عايزين integration مع {{Fawry}}.\nالمتحدث 2 ([[PERSON|Gil Mor]]): ده موجود في {{Marketplace}}، {{version 3.4}}.\nالمتحدث 1 ([[PERSON|هبة الشريف]]): وأستاذ [[PERSON|عصام]] سأل عن الـ {{SLA}}.\nالمتحدث 2 ([[PERSON|Gil Mor]]): {{99.9%}} في {{Enterprise}}.",
    ),
    (
        "one_word_reply",
        "emirati",
        "assistant: مين المسؤول عن حساب {{موانئ الشرق}}؟\nuser: [[PERSON|حمدان]]",
    ),
    (
        "email_thread",
        "saudi",
        "من: [[PERSON|ريم الغامدي]] <[[EMAIL|reem.ghamdi@jeddahmed.sa]]>\nإلى: [[EMAIL|support@yourcrm.io]]\nالموضوع: تغيير الحساب البنكي\n\nالسلام عليكم،\nنرجو تحديث الـ IBAN الخاص بنا إلى [[IBAN|SA66 8322 6877 5687 6121 9863]] ابتداءً من فاتورة {{يونيو}}.\nشكراً،\n[[PERSON|ريم]]\n{{مستشفى جدة الطبي}}",
    ),
    (
        "tool_result",
        "kuwaiti",
        'tool: {"lead": {"name": "[[PERSON|Abdulaziz Fahad Al-Mutairi]]", "title": "{{Procurement Manager}}", "company": "{{Kuwait Cold Chain}}", "mobile": "[[PHONE|+965 9904 2217]]", "ip": "[[IP_ADDRESS|2001:16a2:c0a1:4e2::3b]]"}}\nuser: اكتب له رسالة LinkedIn قصيرة',
    ),
    (
        "support_ticket",
        "mixed",
        "Ticket {{#61877}}\nالعميل: [[PERSON|Rajesh Kumar Nair]] ({{IT Admin}}, {{Al Noor Hospital}} {{أبوظبي}})\nالمشكلة: Twilio integration stopped. هذا الـ SID [[SECRET|AC8bbd566c273899b5b9b4de9830313526]] والـ token [[SECRET|36156cc24312c2f3fecb9a3640ab4804c6623b0b]]\nموبايل: [[PHONE|+971 52 771 3094]]",
    ),
    (
        "call_notes",
        "arab_gulf",
        "زيارة لـ {{الدوحة}}: قابلت [[PERSON|جاسم الكواري]] و[[PERSON|نوف المري]] من {{قطر للضيافة}}. مهتمين بالـ {{Enterprise}}، بس يبون hosting محلي. [[PERSON|جاسم]] بيرسل الـ RFP قبل {{نهاية الأسبوع}}. رقمه [[PHONE|+974 5512 8830]].",
    ),
    (
        "chat_history",
        "arabizi",
        "user: summarize: [[PERSON|Nour]] 2alet enno el {{Pro}} ghali, bas [[PERSON|Tarek Saab]] el CEO mawfe2 3al {{$9k}}. btesta3mlo {{HubSpot}} halla2. raqam [[PERSON|Tarek]]: [[PHONE|+961 70 552 913]]\nassistant: Summary: price concern from [[PERSON|Nour]]; CEO [[PERSON|Tarek Saab]] approves {{$9k}}; currently on {{HubSpot}}.",
    ),
    (
        "lead_summary",
        "south_asian",
        "العميل المحتمل: [[PERSON|عمران شيخ]]، {{مدير العمليات}} في {{الإمارات للمقاولات}}، [[PHONE|٠٥٠ ٧٣٤ ٩٩١٢]]، البريد [[EMAIL|imran.sheikh@emiratescontracting.ae]]. الفرع في [[ADDRESS|فيلا 14، شارع 27ب، البرشاء 2، دبي]].",
    ),
    (
        "csv_export",
        "mixed",
        "الاسم,البريد,الهاتف,IBAN,الحالة\n[[PERSON|Ahmad Jaber]],[[EMAIL|ahmad.jaber@kafrqasem-tech.co.il]],[[PHONE|052-4419380]],[[IBAN|IL55 0250 3228 7904 9851 808]],{{نشط}}\n[[PERSON|هالة ناصر]],[[EMAIL|hala.nasser@kafrqasem-tech.co.il]],[[PHONE|050-8812076]],[[IBAN|IL98 0845 2160 0093 8668 505]],{{معلق}}",
    ),
    (
        "email_draft",
        "emirati",
        "Draft in Arabic please: رسالة إلى سعادة [[PERSON|شما بنت سلطان المزروعي]] لتأكيد موعد الـ demo يوم {{الأربعاء}} {{١٤ مايو}} في {{أبوظبي}}، مع ذكر أن الباقة تشمل {{Arabic NLP}} و{{WhatsApp}} integration.",
    ),
    (
        "tool_result",
        "palestinian",
        'tool: {"payment": {"card": "[[CREDIT_CARD|4604 1282 0980 1597]]", "holder": "[[PERSON|Lina Al-Khatib]]", "amount": "{{$499}}", "plan": "{{Team}}"}, "billing_address": "[[ADDRESS|Al-Irsal Street 22, Ramallah]]"}\nassistant: تم تجديد اشتراك [[PERSON|لينا الخطيب]].',
    ),
    (
        "slack",
        "mixed",
        "#mena-sales\n[[PERSON|Adi Cohen]]: who owns {{Aramco}} digital?\n[[PERSON|Mohammed Al Ghamdi]]: أنا، تكلمت مع [[PERSON|Abdulrahman]] من فريقهم {{أمس}}، بيرجع لنا بعد {{العيد}}\n[[PERSON|Adi Cohen]]: 🙏 ping me if you need legal",
    ),
    (
        "support_ticket",
        "emirati",
        "العميل [[PERSON|سيف الظاهري]] يبي يغير البطاقة إلى [[CREDIT_CARD|4175 9094 0619 8658]]، الاشتراك {{Business}} بقيمة {{AED 2,940}} سنوياً، التجديد {{١ يوليو}}. إيميله [[EMAIL|saif.aldhaheri@falconfreight.ae]].",
    ),
]
