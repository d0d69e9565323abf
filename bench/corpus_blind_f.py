# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind pool F: everyday OCR cards, signatures, voice notes, SMS, forms, invoices, logs and configs.

Written without reading the detector or the other corpora; English, Hebrew (with Russian) and
Arabic (with Arabizi and French) records from Gulf, Israeli, South Asian, East Asian and other staff.
[[TYPE|value]] marks a personal value, {{value}} a control phrase."""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # --- English: cards, signatures, voice notes, forms, logs, configs -------------------------
    (
        "business_card_ocr",
        "south_asian",
        "[[PERSON|RAMESH KRISHNAN NAIR]]\n{{Regional Sales Manager}} - GCC\n{{Falcon Ridge Technologies}} LLC\nM: [[PHONE|+971 50 418 2276]] | T: [[PHONE|+971 4 298 1150]]\nE: [[EMAIL|ramesh.nair@falconridge-tech.ae]]\n[[ADDRESS|Office 1807, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]]\nwww.falconridge-tech.ae",
    ),
    (
        "email_signature",
        "anglo",
        "Thanks again for your time today, really useful.\n\n--\n[[PERSON|Tom Hughes-Whitfield]]\n{{Head of Partnerships}}, EMEA | {{Brightwell Analytics}} Ltd\nDirect: [[PHONE|+44 (0)20 7946 0958]] | Mobile: [[PHONE|07700 900412]]\n[[ADDRESS|3rd Floor, 22 Bishopsgate Court, London EC2N 4AJ]]\nThis email and any attachments are confidential.",
    ),
    (
        "voice_transcript",
        "anglo",
        "voice note {{14:32}} hey it's [[PERSON|dana]] calling about the renewal for {{northwind logistics}} they want the {{growth plan}} not enterprise so can you redo the quote for {{forty two seats}} call me back on [[PHONE|six four six five five five zero one eight three]] or just email [[EMAIL|dana dot whitaker at gmail dot com]] thanks bye",
    ),
    (
        "sms",
        "south_asian",
        "Salam bhai, [[PERSON|Usman]] here from {{Jebel Ali}} warehouse. Pls send PO copy to [[EMAIL|usman.tariq82@yahoo.com]], my new no. is [[PHONE|055 771 3402]]. Thx",
    ),
    (
        "whatsapp_export",
        "filipino",
        "[{{09/04/24}}, 8:15 AM] [[PERSON|Ma. Cristina Dela Cruz]]: Good morning sir! Ill be late today, heavy traffic in {{Al Qusais}} 😅\n[{{09/04/24}}, 8:16 AM] [[PERSON|Ma. Cristina Dela Cruz]]: if urgent pls call my other sim [[PHONE|0917 845 2210]] (PH roaming)\n[{{09/04/24}}, 8:20 AM] [[PERSON|Rowena delos Santos]]: noted ate, I'll tell sir [[PERSON|Khalid]] ✅",
    ),
    (
        "invoice",
        "anglo",
        "INVOICE {{INV-2024-08817}}\nDate: {{March 14, 2024}}\nBill to: [[PERSON|Jessica Moreno-Alvarez]], {{Harbor Point Dental Group}}\n[[ADDRESS|1418 Maple Ave, Suite 200, Evanston, IL 60201]]\n\n{{Pipeline Pro}} seat licence x 12 ........ {{$4,680.00}}\nOnboarding package ........ {{$950.00}}\nTotal due: {{$5,630.00}} by {{April 13, 2024}}",
    ),
    (
        "web_form",
        "anglo",
        "Checkout form submission\nname_on_card: [[PERSON|Michael O'Donnell]]\ncard_number: [[CREDIT_CARD|4954 2555 0349 1068]]\nexpiry: 09/27\nbilling_address: [[ADDRESS|77 Prospect St, Apt 4, Cambridge, MA 02139]]\nplan: {{Team Annual}}\namount: {{USD 1,188.00}}",
    ),
    (
        "hr_onboarding",
        "south_asian",
        "EMPLOYEE ONBOARDING FORM\nFull name: [[PERSON|Priya Venkataraman]]\nPosition: {{Senior Accountant}}\nStart date: {{1 July 2024}}\nNationality: {{India}}\nUAE mobile: [[PHONE|+971 56 203 8817]]\nEmergency contact: [[PERSON|Arjun Venkataraman]] (spouse) [[PHONE|+91 98450 21734]]\nPersonal email: [[EMAIL|priya.venkat@outlook.com]]\nSalary IBAN: [[IBAN|AE750332318645983659128]]\nResidence: [[ADDRESS|Flat 1104, Marina Heights Tower, Dubai Marina, Dubai]]",
    ),
    (
        "meeting_minutes",
        "mixed",
        "Minutes – Q3 pipeline review ({{Tuesday}} {{10 Sept}})\nAttendees: [[PERSON|Sarah O'Connell]], [[PERSON|Rajiv Menon]], [[PERSON|Li Wen]], [[PERSON|Mark Devlin]] (notes)\n\nAction items\n- [[PERSON|Sarah]] to send revised quote to the {{Emirates Steel}} contact ([[PERSON|Faisal Al Hammadi]]) by {{Thursday}}\n- [[PERSON|Rajiv]] to chase {{PO 45-7781}}, still unpaid ({{AED 212,400}})\n- [[PERSON|Li Wen]] to book the {{Riyadh}} roadshow venue for {{November}}",
    ),
    (
        "support_macro",
        "east_asian",
        "Hi [[PERSON|Kevin]],\n\nThanks for contacting {{Lumio}} Support. I've reset two-factor authentication on your account ([[EMAIL|k.liu@jadeharbour-trading.com]]), so you can log in again from the {{Lumio Desktop 5.2}} app.\n\nYour ticket number is {{#TK-558213}}. If anything else comes up, just reply to this email.\n\nBest,\n[[PERSON|Aisha]] from the {{Lumio}} team",
    ),
    (
        "calendar_invite",
        "east_asian",
        "Invitation: Demo – {{Orbit CRM}} x {{Seoul Bio}}\nWhen: {{Wednesday 18 Sep 2024}} {{10:00}} – {{10:45}} (GST)\nWhere: Zoom https://zoom.us/j/83312045521\nOrganizer: [[EMAIL|nadia.haddad@orbitcrm.io]]\nGuests: [[PERSON|Park Ji-hoon]] <[[EMAIL|jihoon.park@seoulbio.co.kr]]>, [[PERSON|Kim Soo-yeon]] <[[EMAIL|sooyeon.kim@seoulbio.co.kr]]>\nAgenda: pipeline dashboards, {{Arabic}} UI, pricing for {{Enterprise}}",
    ),
    (
        "audit_log",
        "anglo",
        '2024-09-12T08:41:17Z user=[[EMAIL|m.rahman@gulfline.ae]] action=contact.update id=CT-20931 field=phone old="[[PHONE|+971 50 112 3345]]" new="[[PHONE|+971 52 998 1276]]" src_ip=[[IP_ADDRESS|185.93.244.17]]\n2024-09-12T08:41:19Z user=[[EMAIL|m.rahman@gulfline.ae]] action=deal.stage_change id={{DL-7712}} from=Qualified to=Proposal src_ip=[[IP_ADDRESS|185.93.244.17]]',
    ),
    (
        "config_yaml",
        "anglo",
        "Can you check why the sync job fails? here's my config:\n\ncrm_sync:\n  base_url: https://api.orbitcrm.io/v2\n  api_key: [[SECRET|sk-proj-lxutnrYecpJbsNaUXkFVi3CzOkvgsOM5LsE1zKLiSpYMZElL]]\n  batch_size: 200\n  retry: 3\nnotify:\n  email: [[EMAIL|devops.lead@harborpoint.io]]",
    ),
    (
        "config_ini",
        "anglo",
        "[database]\nhost = [[IP_ADDRESS|10.20.4.17]]\nport = 5432\nname = crm_prod\nuser = crm_app\npassword = [[SECRET|Tr0ub4dor&3x!Kw]]\n\n[smtp]\nhost = smtp.sendgrid.net\nusername = apikey\npassword = [[SECRET|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]]",
    ),
    (
        "marketing_list",
        "mixed",
        "first_name,last_name,email,phone,company,city\n[[PERSON|Oliver]],[[PERSON|Brennan]],[[EMAIL|oliver.brennan@castlegate.co.uk]],[[PHONE|+44 161 496 0123]],{{Castlegate Foods}},{{Manchester}}\n[[PERSON|Mehmet Ali]],[[PERSON|Yıldırım]],[[EMAIL|mehmet.yildirim@anadolutex.com.tr]],[[PHONE|+90 532 418 27 63]],{{Anadolu Tekstil}},{{Istanbul}}\n[[PERSON|Shirin]],[[PERSON|Ghasemi]],[[EMAIL|shirin.g@tehranpack.com]],[[PHONE|+971 55 302 7718]],{{Pars Packaging FZE}},{{Sharjah}}\n[[PERSON|Karim]],[[PERSON|Benjelloun]],[[EMAIL|k.benjelloun@atlasdistrib.ma]],[[PHONE|+33 6 12 48 90 37]],{{Atlas Distribution}},{{Lyon}}",
    ),
    (
        "event_registration",
        "persian",
        "Registration {{#EV-3391}} — {{GITEX Global 2024}}\nName: Dr. [[PERSON|Farhad Rezaei-Nejad]]\nCompany: {{Parsian Smart Systems}} FZE\nJob title: {{CTO}}\nEmail: [[EMAIL|f.rezaei@parsiansmart.ae]]\nMobile: [[PHONE|00971 55 640 2291]]\nDays attending: {{Monday}}, {{Tuesday}}\nBadge type: Visitor",
    ),
    (
        "web_form",
        "east_asian",
        "New lead from website contact form\nfirst_name: [[PERSON|Xiaoling]]\nlast_name: [[PERSON|Chen]]\ncompany: {{Golden Lotus General Trading}} LLC\nemail: [[EMAIL|chen.xl@goldenlotus-trading.com]]\nphone: [[PHONE|+971 4 334 5812]]\ninterested_in: {{Starter}} plan, 5 users\nmessage: We import LED lighting from {{Shenzhen}}, need CRM with WhatsApp and {{Chinese}} support",
    ),
    (
        "hr_onboarding",
        "anglo",
        "New hire paperwork (US entity)\nLegal name: [[PERSON|Brianna L. Whitcombe]]\nSSN: [[US_SSN|512-48-3390]]\nHome address: [[ADDRESS|2207 Oak Hollow Dr, Austin, TX 78745]]\nCell: [[PHONE|(512) 555-0147]]\nTitle: {{Account Executive}}\nManager: [[PERSON|Greg Kowalski]]\nStart: {{Monday, Oct 7}}\nDirect deposit routing/acct on file",
    ),
    (
        "business_card_ocr",
        "turkish",
        "ANADOLU TEKSTİL A.Ş.\n[[PERSON|Ayşe Gül Öztürk]]\n{{Export Manager}}\nTel: [[PHONE|+90 (212) 345 67 89]]\nGSM: [[PHONE|0533 271 40 98]]\n[[EMAIL|aysegul.ozturk@anadolutex.com.tr]]\n[[ADDRESS|Bağdat Caddesi No:214 D:5, Kadıköy, İstanbul 34728]]",
    ),
    (
        "email_signature",
        "maghreb",
        "Merci et bonne journée,\n\n[[PERSON|Yasmine El Idrissi]]\n{{Responsable Grands Comptes}} | {{Atlas Distribution}}\nTél. : [[PHONE|+33 (0)1 45 67 89 10]] – Port. : [[PHONE|06 71 22 48 90]]\n[[ADDRESS|12 rue des Lilas, 69003 Lyon]]\nBureau {{Casablanca}} : [[PHONE|+212 522 47 18 30]]",
    ),
    (
        "sms",
        "anglo",
        "Hi it's [[PERSON|Ellie]] from the {{Chelsea}} showroom - the sample pack is ready, collect any time before {{6pm}} {{Friday}} or text me on [[PHONE|07700 900 871]] x",
    ),
    (
        "voice_transcript",
        "south_asian",
        "ok so this is for the lead from yesterday the guy is [[PERSON|mohammed shafeeq]] he works for {{al noor trading}} in {{sharjah}} he said they have {{twenty two}} sales staff and they use {{excel}} now his number is [[PHONE|zero five zero three three one four seven seven two]] best time after {{four pm}} his email is [[EMAIL|shafeeq.kp@alnoortrading.ae]]",
    ),
    (
        "receipt",
        "anglo",
        "{{Costa Coffee}} - Dubai Mall\nReceipt {{#004417}}  {{12/09/2024}} {{13:07}}\n2x Flat White ......... {{AED 42.00}}\n1x Croissant ......... {{AED 14.00}}\nTOTAL {{AED 56.00}}\nVISA ************0585\nCardholder: [[PERSON|S. PATEL]]\nThank you for visiting!",
    ),
    (
        "support_macro",
        "filipino",
        "Hello [[PERSON|Jose Rizaldo Bautista]],\n\nWe received your request to update the billing contact on account {{ACC-44810}}. The invoices will now go to [[EMAIL|jr.bautista@manilabayexport.ph]] and the phone on file is [[PHONE|+63 917 555 0192]].\n\nYour next invoice ({{INV-9913}}, {{PHP 38,500}}) is due on {{October 1}}.\n\nRegards,\n{{Billing Team}}",
    ),
    (
        "crm_note",
        "east_asian",
        "Met [[PERSON|Lee Dong-hyun]] ({{Hanbit Electronics}} {{Dubai}} branch) at the {{Dragon Mart}} expo. He wants 15 seats of {{Orbit CRM Business}}. Korean office HQ line [[PHONE|+82 2 3456 7812]], his UAE mobile [[PHONE|058 931 2240]]. Send deck in {{Korean}} if possible.",
    ),
    (
        "invoice",
        "south_asian",
        "TAX INVOICE {{TRN 100348271600003}}\nInvoice No: {{SI-2024-1187}}   Date: {{05-Aug-2024}}\nCustomer: {{Karachi Fabrics Trading}} LLC\nAttn: [[PERSON|Ayesha Siddiqa Qureshi]]\n[[ADDRESS|Shop 14, Al Rigga Road, Deira, Dubai]]\nPayment to: [[IBAN|AE922601118518576135824]]\nSubtotal {{AED 18,000.00}}  VAT 5% {{AED 900.00}}  Total {{AED 18,900.00}}",
    ),
    (
        "meeting_minutes",
        "anglo",
        "Weekly sales sync – {{Monday 2 Dec}}\nPresent: [[PERSON|Hannah Price]], [[PERSON|Callum Reid]], [[PERSON|Deepak Sharma]]\n1. {{Q4}} target at {{87%}}.\n2. [[PERSON|Callum]] lost the {{Brightwell}} deal to {{HubSpot}}.\nACTION [[PERSON|Deepak]]: send the {{Enterprise}} contract to [[PERSON|Nora Fitzgerald]] at [[EMAIL|nora.fitz@eastbridge-legal.co.uk]] before {{Friday}}",
    ),
    (
        "web_form",
        "maghreb",
        "Formulaire de contact\nnom: [[PERSON|Nour-Eddine Bouazza]]\nsociété: {{Sahara Logistique}} SARL\ntéléphone: [[PHONE|+213 550 41 27 88]]\ncourriel: [[EMAIL|n.bouazza@saharalog.dz]]\nmessage: Bonjour, we need a demo of the {{Pro}} plan for our {{Algiers}} and {{Oran}} teams.",
    ),
    (
        "config_yaml",
        "anglo",
        '# staging.yaml (don\'t commit!!)\naws:\n  region: me-central-1\n  access_key_id: [[SECRET|AKIA3K7MHU26VGSL2MY6]]\n  secret_access_key: [[SECRET|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]]\nslack:\n  bot_token: [[SECRET|xoxb-738782496745-4623040781461-KFIfNhqrWO9BzG9db057ANuH]]\n  channel: "#sales-alerts"',
    ),
    (
        "audit_log",
        "south_asian",
        "[{{2024-10-02}} {{09:14:55}}] LOGIN_OK user=[[EMAIL|vikram.iyer@desertpeak.ae]] ip=[[IP_ADDRESS|94.200.17.86]] agent=Chrome/128\n[{{2024-10-02}} {{09:15:31}}] EXPORT contacts.csv rows=1240 user=[[EMAIL|vikram.iyer@desertpeak.ae]]\n[{{2024-10-02}} {{09:20:02}}] LOGIN_FAIL user=[[EMAIL|admin@desertpeak.ae]] ip=[[IP_ADDRESS|41.33.152.9]]",
    ),
    (
        "business_card_ocr",
        "east_asian",
        "GOLDEN LOTUS\nGENERAL TRADING L.L.C\n[[PERSON|Zhang Haoran]] ([[PERSON|Kevin]])\n{{General Manager}}\nMob: [[PHONE|+971 52 718 9934]]\nWeChat: zhr_dubai88\nTel: [[PHONE|04 266 4410]]\n[[ADDRESS|P.O. Box 238811, Dubai]]\n[[EMAIL|zhang.hr@goldenlotus-trading.com]]",
    ),
    (
        "sms",
        "anglo",
        "Reminder: your {{Orbit CRM}} onboarding call with [[PERSON|Jordan]] is {{tomorrow}} at {{11:30}}. Reply STOP to opt out.",
    ),
    (
        "calendar_invite",
        "anglo",
        "Subject: Contract review – {{Meridian Health}}\nDate: {{Thursday, 21 November 2024}}\nTime: {{15:00}} – {{16:00}} GMT\nLocation: [[ADDRESS|Meridian House, 14 Wharf Lane, Bristol BS1 6QA]]\nAttendees: [[PERSON|Catherine Ashworth-Lee]] ([[EMAIL|c.ashworth-lee@meridianhealth.co.uk]]), [[PERSON|Daniel Oyelaran]]\nNotes: bring the {{v3.4}} SLA draft",
    ),
    (
        "hr_onboarding",
        "filipino",
        "STAFF INFO SHEET\nName: [[PERSON|Rowena M. delos Santos]]\nPosition: {{Sales Coordinator}}\nPassport nationality: {{Philippines}}\nMobile (UAE): [[PHONE|+971 50 664 1872]]\nMobile (PH): [[PHONE|+63 928 441 0936]]\nAddress in PH: [[ADDRESS|Unit 1203, 88 Jupiter St, Bel-Air, Makati City 1209]]\nNext of kin: [[PERSON|Eduardo delos Santos]] (father)",
    ),
    (
        "marketing_list",
        "mixed",
        "Segment: GCC webinar no-shows ({{June}})\n- [[PERSON|Anil Kapoor-Shah]] | [[EMAIL|anil.ks@bluedunes.qa]] | [[PHONE|+974 5512 3846]] | {{Doha}}\n- [[PERSON|Fatima-Zahra Alaoui]] | [[EMAIL|fz.alaoui@gmail.com]] | [[PHONE|+965 9988 2174]] | {{Kuwait City}}\n- [[PERSON|Grace O'Neill]] | [[EMAIL|grace@oneill-consulting.ie]] | [[PHONE|+973 3612 5590]] | {{Manama}}\n- [[PERSON|Imran Chaudhry]] | [[EMAIL|imran.chaudhry@indusfoods.pk]] | [[PHONE|0300 8123467]] | {{Lahore}}",
    ),
    (
        "support_ticket",
        "anglo",
        "Ticket {{#SR-20417}} (priority: high)\nFrom: [[PERSON|Rachel Goldberg]] <[[EMAIL|rgoldberg@lakeshorerealty.com]]>\nSubject: charged twice for {{Growth}} plan\n\nHi, my card [[CREDIT_CARD|5175-1656-1405-3238]] was charged {{$299}} twice on {{Sept 3}}. Please refund one. You can reach me at [[PHONE|415.555.0199]].",
    ),
    (
        "voice_transcript",
        "anglo",
        "reminder for myself call [[PERSON|bob mcallister]] at {{eastbridge}} about the {{q1}} renewal his cell is [[PHONE|312 555 0186]] and his assistant [[PERSON|jenny]] said to send the paperwork to [[ADDRESS|400 north lasalle street suite 1200 chicago]]",
    ),
    (
        "invoice",
        "european",
        "RECHNUNG Nr. {{RE-2024-0457}}\nDatum: {{15.10.2024}}\nKunde: {{Nordlicht Maschinenbau}} GmbH, z. Hd. [[PERSON|Katrin von Stetten]]\n[[ADDRESS|Hauptstraße 41, 10827 Berlin]]\nTel. [[PHONE|+49 30 2758 4410]]\nPosition: {{Orbit CRM Enterprise}}, 25 Nutzer ........ {{EUR 7.500,00}}\nBankverbindung Kunde: [[IBAN|DE93370400445439661871]]",
    ),
    (
        "chat_snippet",
        "south_asian",
        "[[PERSON|Sanjay]]: bro can u share [[PERSON|Deepa]]'s number, need her for the {{Abu Dhabi}} demo\n[[PERSON|Faraz]]: [[PHONE|+971-55-218-0473]]\n[[PERSON|Sanjay]]: 🙏 and the login for the demo tenant?\n[[PERSON|Faraz]]: user [[EMAIL|demo@orbitcrm.io]] pass [[SECRET|Demo!2024Gulf]]",
    ),
    (
        "web_form",
        "anglo",
        "Partner application\nFull Name: [[PERSON|Marcus J. Ellington III]]\nCompany: {{Ellington Digital}}\nWebsite: ellingtondigital.com\nPhone: [[PHONE|+1 (646) 555-0123]]\nEmail: [[EMAIL|marcus@ellingtondigital.com]]\nCountry: {{United States}}\nExpected deals per quarter: {{10-20}}",
    ),
    (
        "email_signature",
        "south_asian",
        "Regards,\n[[PERSON|Muhammad Usman Tariq]]\n{{Logistics Supervisor}}\n{{Indus Foods}} (Pvt.) Ltd.\nPh: [[PHONE|+92 42 3571 2345]] Ext. 214\nCell: [[PHONE|+92 321 4478 019]]\n[[ADDRESS|House 27, Street 9, F-7/2, Islamabad 44000]]",
    ),
    (
        "crm_note",
        "european",
        "Call with [[PERSON|Jean-Baptiste Lefèvre]] ({{Saveurs du Sud}}). Based in {{Marseille}}, opening {{Dubai}} office in {{January}}. Mobile [[PHONE|06 12 34 56 78]], office [[PHONE|+33 4 91 22 35 17]]. Wants {{Business}} plan, 8 seats, {{monthly}} billing.",
    ),
    (
        "support_macro",
        "anglo",
        "Dear Mr. [[PERSON|Hassan]],\n\nYour refund of {{GBP 120.00}} for order {{#ORD-77120}} has been processed to the card ending 3238. It may take {{5-7 business days}}.\n\nKind regards,\n[[PERSON|Olivia]]\n{{Customer Care}}",
    ),
    (
        "hr_onboarding",
        "anglo",
        "IT access request\nEmployee: [[PERSON|Daniel Oyelaran]]\nDepartment: {{Sales Ops}}\nLaptop: {{MacBook Pro 14}}\nTemp password issued: [[SECRET|Welcome#48Gx]]\nVPN IP assigned: [[IP_ADDRESS|172.16.40.112]]\nManager approval: [[PERSON|Hannah Price]]",
    ),
    (
        "receipt",
        "south_asian",
        "CARREFOUR CITY CENTRE DEIRA\nTRN {{100234567800003}}\n{{22/09/2024}} {{19:42}}  Till 07\nRice basmati 5kg  {{AED 39.95}}\nTOTAL  {{AED 39.95}}\nLoyalty member: [[PERSON|RAJESH KUMAR]] ({{SHARE}} no. {{LY-55201}})\nMastercard ****3012",
    ),
    (
        "event_registration",
        "turkish",
        "Attendee list – {{Istanbul}} dealer meetup ({{Saturday 12 Oct}})\n1. [[PERSON|Emre Çelik]] – {{Çelik Otomotiv}} – [[PHONE|0532 614 22 81]]\n2. [[PERSON|Şebnem Karaoğlu]] – {{Marmara Gıda}} – [[EMAIL|sebnem@marmaragida.com.tr]]\n3. [[PERSON|Kourosh Mohammadi]] – {{Pars Packaging}} – [[PHONE|+90 535 907 1432]]",
    ),
    (
        "voice_transcript",
        "filipino",
        "hi maam its [[PERSON|jonalyn]] just to update you the client from {{al ain}} wants to reschedule to {{sunday}} morning her name is doctor [[PERSON|rania saleh]] sorry [[PERSON|rania al saleh]] and her mobile is [[PHONE|oh five six, two two one, eight nine four zero]]. ok thank you po",
    ),
    (
        "meeting_minutes",
        "persian",
        "Board call notes ({{15 Jan}})\n- [[PERSON|Dariush Tehrani]] will sign the {{Silver}} partnership on behalf of {{Caspian Imports}}.\n- Wire from [[IBAN|GB52NWBK60161337780452]] expected {{next week}}, {{GBP 24,000}}.\n- [[PERSON|Leila]] to update the {{Farsi}} landing page.",
    ),
    (
        "sms",
        "east_asian",
        "Mr [[PERSON|Wang]], your container {{MSKU 4471208}} cleared at {{Jebel Ali}}. Driver [[PERSON|Abdul Rehman]] will call from [[PHONE|052 334 8190]]. Pickup {{Thursday}} {{8am}}.",
    ),
    (
        "config_ini",
        "east_asian",
        "; webhook relay – shared by [[PERSON|Kim Min-jae]] for debugging\n[relay]\nlisten = [[IP_ADDRESS|203.0.113.48]]:8443\ngithub_token = [[SECRET|ghp_9YGP6SxWw4iUiE6LapkRgRsaITgqLpaKoJce]]\nstripe_key = [[SECRET|sk_live_lwF5SEvPMZUIKK6Q4O5W3zCV]]\nlog_level = info",
    ),
    (
        "web_form",
        "south_asian",
        "Demo request\nName: [[PERSON|R. K. Sharma]]\nOrganisation: {{Sharma Pharma Distributors}}\nCity: {{Mumbai}}\nPhone: [[PHONE|022 2345 6789]]\nMobile: [[PHONE|+91-98201-55437]]\nEmail: [[EMAIL|rk.sharma@sharmapharma.in]]\nTeam size: {{35}}\nPreferred time: {{Wednesday}} afternoon IST",
    ),
    (
        "json_record",
        "anglo",
        '{"contact_id": "{{CT-88123}}", "name": "[[PERSON|Emily Zhang-Harris]]", "title": "{{VP Marketing}}", "company": "{{Lakeshore Realty}}", "phones": ["[[PHONE|+1 617 555 0134]]", "[[PHONE|617-555-0178]]"], "email": "[[EMAIL|emily.zh@lakeshorerealty.com]]", "stage": "Negotiation", "value": {{48000}}}',
    ),
    (
        "payroll_email",
        "anglo",
        "Hi payroll team,\n\nPlease update the W-4 for [[PERSON|Tyrone Jackson]] (SSN [[US_SSN|231-67-4402]]), he moved to [[ADDRESS|5530 Willow Creek Ln, Apt 12, Charlotte, NC 28210]]. Effective from the {{October 15}} payroll.\n\nAlso new hire [[PERSON|Megan Kowalczyk]], SSN [[US_SSN|404-52-1186]], starts {{Monday}} as {{Sales Development Rep}}.\n\nThanks,\n[[PERSON|Lisa]]",
    ),
    (
        "invoice",
        "turkish",
        "PROFORMA INVOICE {{PI-2024/331}}\nSeller: {{Marmara Gıda}} San. ve Tic. A.Ş., [[ADDRESS|Atatürk Cd. No:57, Nilüfer, Bursa 16140]]\nContact: [[PERSON|Şebnem Karaoğlu]], [[PHONE|+90 224 443 18 50]]\nBuyer: {{Gulf Fresh Foodstuff}} LLC, {{Dubai}}\nGoods: dried apricots 12 t, {{USD 46,800}} {{FOB Gemlik}}\nBeneficiary IBAN: [[IBAN|TR650006106475320885673241]]",
    ),
    # --- Hebrew (and Russian-speaking Israelis): same everyday formats --------------------------
    (
        "business_card_ocr",
        "russian_israeli",
        "[[PERSON|דמיטרי קוגן]]\n[[PERSON|Дмитрий Коган]]\n{{מנהל פיתוח עסקי}}\n{{אורביט מערכות}} בע\"מ\nנייד: [[PHONE|052-3847166]]\nמשרד: [[PHONE|03-6142278]]\n[[EMAIL|dima.kogan@orbit-sys.co.il]]\n[[ADDRESS|רח' ז'בוטינסקי 33, קומה 12, רמת גן 5251108]]",
    ),
    (
        "email_signature",
        "hebrew",
        "בברכה,\n[[PERSON|אורטל בן-שושן]]\n{{מנהלת תיקי לקוחות}} | {{סייברנט פתרונות}} בע\"מ\nטל': [[PHONE|077-4123456]] | נייד: [[PHONE|054 771 2093]]\n[[ADDRESS|דרך מנחם בגין 132, מגדל עזריאלי העגול, קומה 31, תל אביב]]\nהודעה זו עשויה להכיל מידע חסוי.",
    ),
    (
        "voice_transcript",
        "russian_israeli",
        "היי זה [[PERSON|אלכס]] מהמחסן ב{{חולון}} לגבי ההזמנה של {{ספקטרום פלסט}} הם רוצים להקדים את האספקה ליום {{חמישי}} תחזור אליי למספר [[PHONE|אפס חמש ארבע שבע שבע אחת שתיים אפס תשע שלוש]] או שתדבר עם [[PERSON|סבטה]] היא יודעת הכל",
    ),
    (
        "sms",
        "hebrew",
        "היי [[PERSON|מיכל]], זה [[PERSON|יוסי אלמוג]] מ{{מגה-טק}}. ההצעה על {{מסלול עסקי}} ל-20 משתמשים נשלחה למייל [[EMAIL|michal.sharabi@gmail.com]]. תעדכני אם מתאים לפגישה ב{{יום ראשון}} 🙂",
    ),
    (
        "whatsapp_export",
        "ethiopian_israeli",
        "[{{14.10.2024}}, {{09:12}}] [[PERSON|ורקנש טדסה]]: בוקר טוב, אני עדיין מחכה לחשבונית מספר {{20451}}\n[{{14.10.2024}}, {{09:30}}] [[PERSON|שלמה גטהון]]: היי [[PERSON|ורקנש]], שלחתי לך עכשיו ל[[EMAIL|workenesh.t@walla.co.il]]\n[{{14.10.2024}}, {{09:31}}] [[PERSON|ורקנש טדסה]]: תודה רבה! אם משהו תתקשר ל[[PHONE|050-6627145]]",
    ),
    (
        "invoice",
        "hebrew",
        'חשבונית מס / קבלה מס\' {{30877}}\nתאריך: {{03/09/2024}}\nלכבוד: [[PERSON|רונית אוחיון]], {{אוחיון שיווק ופרסום}}\n[[ADDRESS|רחוב הרצל 45 דירה 7, ראשון לציון 7526311]]\nעבור: מנוי שנתי {{חבילת פרו}} – {{₪4,200}}\nמע"מ 17%: {{₪714}}\nסה"כ לתשלום: {{₪4,914}}\nשולם בהעברה בנקאית לחשבון [[IBAN|IL770108003430671458713]]',
    ),
    (
        "hr_onboarding",
        "hebrew",
        "טופס קליטת עובד\nשם מלא: [[PERSON|עמית פרידמן]]\nמס' ת.ז.: [[IL_ID|756136644]]\nתפקיד: {{נציג מכירות}}\nתאריך תחילת עבודה: {{1.11.2024}}\nכתובת: [[ADDRESS|סמטת הנרקיס 4, אופקים]]\nטלפון נייד: [[PHONE|0524417703]]\nדוא\"ל: [[EMAIL|amit.fr@gmail.com]]\nחשבון בנק למשכורת: [[IBAN|IL20 0126 0036 1950 2384 704]]",
    ),
    (
        "hr_onboarding",
        "russian_israeli",
        "טופס 101 – פרטי עובדת\nשם פרטי: [[PERSON|יבגניה]] ([[PERSON|ז'ניה]])\nשם משפחה: [[PERSON|לוין]]\nת.ז. [[IL_ID|442787792]]\nשנת עלייה: {{1999}}\nמצב משפחתי: נשואה\nבן/בת זוג: [[PERSON|ויאצ'סלב לוין]], ת.ז. [[IL_ID|558940912]]\nכתובת: [[ADDRESS|רחוב החשמונאים 18 דירה 3, אשדוד 7740123]]\nנייד: [[PHONE|+972-54-218-6630]]",
    ),
    (
        "meeting_minutes",
        "mixed",
        "סיכום פגישה – {{יום שלישי}} {{8.10}}\nמשתתפים: [[PERSON|שירה בר-און]], [[PERSON|סאמר חסון]], [[PERSON|אלכסיי ויינשטיין]], [[PERSON|הדס טל]]\nהחלטות:\n1. עוברים ל{{מסלול אנטרפרייז}} החל מ{{ינואר}}.\n2. תקציב שיווק {{רבעון ראשון}}: {{₪180,000}}.\nמשימות:\n- [[PERSON|סאמר]] – לתאם דמו עם {{מועצה מקומית דלית אל-כרמל}} עד {{יום חמישי}}\n- [[PERSON|אלכסיי]] – לשלוח ל[[PERSON|שירה]] את דוח ההמרות\n- [[PERSON|הדס]] – לבדוק עם {{פריוריטי}} את האינטגרציה",
    ),
    (
        "support_macro",
        "hebrew",
        "שלום [[PERSON|גלעד]],\nתודה שפנית לתמיכה של {{אורביט CRM}}. עדכנו את כתובת המייל בחשבון שלך ל-[[EMAIL|gilad.mizrahi@mizrahi-law.co.il]] ואת מספר הטלפון ל-[[PHONE|02-6523190]].\nמספר הפנייה שלך: {{148823}}.\nיום טוב,\n[[PERSON|נטע]], {{צוות התמיכה}}",
    ),
    (
        "calendar_invite",
        "hebrew",
        "זימון: הדגמת מערכת ל{{קבוצת אלון}}\nמתי: {{יום רביעי}}, {{16 באוקטובר 2024}}, {{14:00}}–{{15:00}}\nאיפה: [[ADDRESS|רחוב הברזל 30, תל אביב 6971005]], חדר ישיבות {{ירדן}}\nמשתתפים: [[PERSON|אסתר ויסמן]] <[[EMAIL|esther.w@alon-group.co.il]]>, [[PERSON|איתי ד. לוי]] <[[EMAIL|itay.levi@orbit-sys.co.il]]>\nהערה: להביא את המצגת של {{גרסה 4.2}}",
    ),
    (
        "audit_log",
        "hebrew",
        '{{2024-09-30}} {{11:02:44}} משתמש [[EMAIL|ronit@ohayon-marketing.co.il]] עדכן איש קשר {{#55210}}: שם "[[PERSON|בני אוחיון]]", טלפון [[PHONE|08-9412765]] (כתובת IP [[IP_ADDRESS|79.181.44.203]])\n{{2024-09-30}} {{11:05:10}} משתמש [[EMAIL|ronit@ohayon-marketing.co.il]] ייצא דוח עסקאות {{ספטמבר}}',
    ),
    (
        "web_form",
        "arab_israeli",
        "טופס \"צור קשר\" מהאתר\nשם: [[PERSON|רנין ח'ורי]]\nחברה: {{ח'ורי הנדסה}}\nעיר: {{נצרת}}\nטלפון: [[PHONE|04-6012288]]\nנייד: [[PHONE|050.773.1924]]\nמייל: [[EMAIL|raneen.khoury@khoury-eng.co.il]]\nהודעה: מעוניינת בהצעת מחיר ל-12 משתמשים, {{חבילה בסיסית}}",
    ),
    (
        "marketing_list",
        "mixed",
        "רשימת משתתפים – כנס לקוחות {{אילת}} ({{נובמבר}})\nשם | חברה | נייד | מייל\n[[PERSON|טספאיה אלמו]] | {{אלמו הובלות}} | [[PHONE|053-4412876]] | [[EMAIL|tesfaye@almo-trans.co.il]]\n[[PERSON|נג'לא עאמר]] | {{עאמר קוסמטיקה}} | [[PHONE|052-6610249]] | [[EMAIL|najla.amer@gmail.com]]\n[[PERSON|יוליה רבינוביץ']] | {{רבינוביץ' ייעוץ}} | [[PHONE|054-3380715]] | [[EMAIL|julia.r@rabinovich-consult.co.il]]\n[[PERSON|מוחמד מחאג'נה]] | {{מחאג'נה בניה}} | [[PHONE|+972 50 918 4427]] | [[EMAIL|m.mahajna@mahajna-build.co.il]]",
    ),
    (
        "receipt",
        "hebrew",
        '{{ארומה}} – סניף {{הרצליה פיתוח}}\nקבלה {{#7781}}  {{12/09/24}} {{08:47}}\nהפוך גדול {{₪17.00}}\nכריך טונה {{₪36.00}}\nסה"כ {{₪53.00}}\nכרטיס ויזה [[CREDIT_CARD|4549-1210-3503-4465]]\nמועדון: [[PERSON|הדס כהן-זילברמן]]',
    ),
    (
        "event_registration",
        "druze",
        'הרשמה לסדנה: "מכירות ב-{{WhatsApp Business}}"\nשם: [[PERSON|ויסאם פארס]]\nישוב: {{עוספיא}}\nטלפון: [[PHONE|+972 4 839 1156]]\nנייד: [[PHONE|972528871234]]\nמייל: [[EMAIL|wisam.fares@carmel-olive.co.il]]\nתאריך: {{יום שני}}, {{25.11}}\nתפקיד: {{בעלים}}, {{שמן זית הכרמל}}',
    ),
    (
        "config_yaml",
        "hebrew",
        "תבדוק למה הסנכרון לא עובד, זה הקובץ:\nintegration:\n  provider: {{monday.com}}\n  token: [[SECRET|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.YkWpmcxWZYdJlMP8fjx78VEYbwNaXVKtYLRV.1ipLUYykCwvVbI2fcZpddioUgImdhCEImzQf6CKbD5F]]\n  board_id: 1842207731\n  owner: [[EMAIL|yoni.g@cybernet.co.il]]",
    ),
    (
        "voice_transcript",
        "hebrew",
        "תזכורת לעצמי להתקשר ל[[PERSON|רונן אזולאי]] מ{{אזולאי ובניו}} בקשר לחידוש החוזה הוא ביקש שנחזור אליו אחרי {{החגים}} הטלפון שלו [[PHONE|052 718 40 36]] והכתובת למשלוח ההסכם [[ADDRESS|רחוב הגפן 12 קריית מוצקין]]",
    ),
    (
        "crm_note",
        "druze",
        "שיחה עם [[PERSON|נביהה חלבי]] מ{{חלבי מזון}}, {{דלית אל-כרמל}}. מעוניינים ב{{מסלול פרימיום}} ל-8 משתמשים. ביקשה לשלוח הצעה למייל [[EMAIL|nabiha@halabi-food.co.il]] ולתאם פגישה ב{{יום ראשון}} הבא. נייד: [[PHONE|054-9920318]]",
    ),
    (
        "sms",
        "russian_israeli",
        "[[PERSON|Оля]], привет! Это [[PERSON|Аня Гольдфарб]]. Передай [[PERSON|Диме]] что договор с {{Электра}} подписан, клиент ждёт звонка на [[PHONE|053-228-4471]]. Спасибо!",
    ),
    (
        "business_card_ocr",
        "arab_israeli",
        "{{ג'בארין ייבוא ושיווק}}\n[[PERSON|עביר ג'בארין]]\n{{סמנכ\"ל כספים}}\nTel: [[PHONE|(04) 6312 440]]\nMobile: [[PHONE|050-8813092]]\n[[EMAIL|abeer@jabareen-import.co.il]]\n[[ADDRESS|ת.ד. 2117, אום אל-פחם 3001000]]",
    ),
    (
        "support_ticket",
        "russian_israeli",
        "פנייה {{#TK-90214}}\nמאת: [[PERSON|סבטלנה גורביץ']] ([[EMAIL|sveta.gurevich@gmail.com]])\nנושא: חיוב כפול בכרטיס אשראי\nתוכן: שלום, חויבתי פעמיים על {{חבילת פרו}} בחודש {{אוגוסט}}. מספר הכרטיס [[CREDIT_CARD|5252 6915 9564 1903]]. ת.ז. [[IL_ID|102086048]]. אנא החזירו {{₪349}}. אפשר להשיג אותי ב-[[PHONE|052-5519047]] אחרי {{17:00}}.",
    ),
    (
        "meeting_minutes",
        "hebrew",
        'פרוטוקול ישיבת צוות מכירות, {{יום ראשון}} {{6.10.2024}}\nנכחו: [[PERSON|רונית]], [[PERSON|עמית]], [[PERSON|מלסה ולדה]], ד"ר [[PERSON|אסף ברגר]] (יועץ)\n- {{יעד רבעוני}} הושג ב-{{92%}}\n- הלקוח {{טבע}} ביקש להעביר את החשבוניות ל[[EMAIL|ap.invoices@teva-partner.co.il]]\n- [[PERSON|מלסה]] תיסע ל{{באר שבע}} ב{{יום רביעי}} לפגישה עם [[PERSON|אבי דהן]]',
    ),
    (
        "web_form",
        "hebrew",
        "name: [[PERSON|שני לוי-ביטון]]\nphone: [[PHONE|+972-52-384-7166]]\nemail: [[EMAIL|shani.lb@hotmail.com]]\ncompany: {{ביטון אירועים}}\ncity: {{קריית גת}}\nplan: {{Starter}}\ncomments: אשמח שיחזרו אליי אחרי {{השעה 16:00}}",
    ),
    (
        "invoice",
        "druze",
        "חשבון עסקה {{2024/118}}\nמאת: {{סאמר חסון הפקות}}, [[ADDRESS|רחוב הראשי 51, בית ג'ן 2499000]]\nלקוח: {{קבוצת אלון}}\nשירות: הפקת כנס {{ספטמבר}} – {{₪22,500}} + מע\"מ\nלתשלום לחשבון: [[IBAN|IL38 0108 0079 9201 5052 747]]",
    ),
    (
        "chat_snippet",
        "mixed",
        "[[PERSON|ליאור]]: מי מכיר את [[PERSON|ויקטור פרלמן]]? הוא ביקש דמו\n[[PERSON|סאמר]]: כן, הוא מ{{פרלמן לוגיסטיקה}} ב{{חיפה}}, הנייד שלו [[PHONE|054-6638102]]\n[[PERSON|ליאור]]: תודה, ואיזה מייל?\n[[PERSON|סאמר]]: [[EMAIL|victor@perlman-log.co.il]]",
    ),
    (
        "hr_onboarding",
        "ethiopian_israeli",
        'פרטי עובד חדש – מחסן {{מודיעין}}\nשם: [[PERSON|אבבה מקונן]]\nת"ז: [[IL_ID|692844129]]\nתאריך לידה: 12.03.1994\nכתובת: [[ADDRESS|רחוב הנביאים 9, קריית מלאכי 8302110]]\nטלפון: [[PHONE|08-8504417]]\nאיש קשר לחירום: [[PERSON|ברכה וונדימו]] (אחות) [[PHONE|058-7720193]]\nתפקיד: {{מלקט}}',
    ),
    (
        "support_macro",
        "arab_israeli",
        "היי [[PERSON|אחמד]],\nקיבלנו את בקשתך לשנות את שיטת התשלום. הכרטיס החדש שמור במערכת והחשבונית הבאה ({{#INV-30551}}, {{₪590}}) תחויב ב-{{1 בדצמבר}}.\nאם יש שאלות, אפשר לכתוב לנו בוואטסאפ או להתקשר ל{{מוקד}} {{*5590}}.\nצוות {{אורביט}}",
    ),
    (
        "calendar_invite",
        "russian_israeli",
        "Встреча: презентация {{Orbit CRM}} для {{Техно-Авто}}\nДата: {{четверг}}, {{17 октября}}, {{10:30}}\nАдрес: [[ADDRESS|רחוב המלאכה 6, חולון 5881005]]\nУчастники: [[PERSON|Ольга Ставицкая]] ([[EMAIL|olga.st@techno-auto.co.il]]), [[PERSON|Вячеслав Перельман]]\nТелефон для связи: [[PHONE|+972 54 803 2265]]",
    ),
    (
        "audit_log",
        "mixed",
        "time=2024-10-14T06:22:08Z tenant=megatech-il actor=[[EMAIL|yossi.almog@mega-tech.co.il]] event=api_key.created key_prefix=orb_live_ ip=[[IP_ADDRESS|2a00:a040:197:4b2::15]]\ntime=2024-10-14T06:22:40Z tenant=megatech-il actor=[[EMAIL|yossi.almog@mega-tech.co.il]] event=user.invited target=[[EMAIL|liat.dahan@mega-tech.co.il]] role={{Admin}}",
    ),
    (
        "whatsapp_export",
        "hebrew",
        '[{{21:04}}] אבא: [[PERSON|נוי]] תשלחי לי את הפרטים של הרו"ח\n[{{21:06}}] [[PERSON|נוי]]: [[PERSON|מאיר שטרן]] [[PHONE|03-5271194]] , משרד ב[[ADDRESS|אבן גבירול 88 תל אביב]]\n[{{21:06}}] אבא: 👍',
    ),
    (
        "config_ini",
        "hebrew",
        "# הגדרות של השרת הישן, [[PERSON|יוני]] ביקש שנעביר ל{{AWS}}\n[server]\nip = [[IP_ADDRESS|192.168.10.44]]\nadmin_user = yoni\nadmin_pass = [[SECRET|Gz!8qTm#2024]]\n[openai]\napi_key = [[SECRET|sk-TCPPAwVv82BHZO0vk3ZdjYYCfrpx8IH5vbljomsx29WujczU]]",
    ),
    (
        "lead_summary",
        "arab_israeli",
        "ליד חם: [[PERSON|סמאח זועבי]], {{מנהלת רכש}} ב{{רשת פארם הגליל}}, {{עפולה}}. 14 סניפים, עובדים כרגע עם {{אקסל}}. רוצה הצעה עד {{סוף החודש}}. טלפון ישיר [[PHONE|04-6593310]], נייד [[PHONE|052-4470918]].",
    ),
    (
        "voice_transcript",
        "ethiopian_israeli",
        "הודעה קולית מ[[PERSON|מלסה]] שלום רציתי להגיד שהלקוח [[PERSON|ישי אדמסו]] מ{{נתניה}} מבקש שנתקשר אליו מחר בבוקר המספר שלו [[PHONE|אפס חמישים ושלוש שש אחת שתיים שבע שמונה אפס ארבע]] תודה",
    ),
    (
        "sms",
        "hebrew",
        "{{ביטוח ישיר}}: [[PERSON|דנה]], הפוליסה שלך חודשה. פרטים ב{{אזור האישי}}. לבירורים {{*6464}}",
    ),
    (
        "business_card_ocr",
        "hebrew",
        "עו\"ד [[PERSON|גלעד מזרחי]]\n{{שותף}}\n{{מזרחי ושות'}} – עורכי דין\n[[ADDRESS|מגדל המוזיאון, רח' ברקוביץ 4, קומה 18, תל אביב 6423806]]\nטל. [[PHONE|03-6091770]] פקס [[PHONE|03-6091771]]\n[[EMAIL|gilad@mizrahi-law.co.il]]",
    ),
    (
        "standing_order_form",
        "hebrew",
        'הוראת קבע בכרטיס אשראי – {{אורביט מערכות}} בע"מ\nשם בעל הכרטיס: [[PERSON|אליהו (אלי) שמעוני]]\nת.ז.: [[IL_ID|017015231]]\nמספר כרטיס: [[CREDIT_CARD|4382 6060 5865 1674]]\nתוקף: 03/28\nסכום חודשי: {{₪249}}\nיום חיוב: {{10}} בכל חודש\nכתובת לחשבוניות: [[ADDRESS|רחוב יהודה הלוי 21, בני ברק 5126112]]',
    ),
    (
        "voice_transcript",
        "russian_israeli",
        "תעדכן בבקשה בכרטיס של [[PERSON|ולדימיר גרינברג]] את התעודת זהות שלו [[IL_ID|975921743]] והכתובת החדשה [[ADDRESS|שדרות הנשיא 40 דירה 12 חיפה]] והוא אמר שהוא עבר ל{{סלקום}} אז הטלפון החדש [[PHONE|050 246 81 97]]",
    ),
    (
        "csv_export",
        "mixed",
        "שם,ת.ז.,נייד,עיר,סטטוס\n[[PERSON|מרינה קצנלסון]],[[IL_ID|167885870]],[[PHONE|054-2239081]],{{נתניה}},פעיל\n[[PERSON|מוסא עזאם]],[[IL_ID|177578192]],[[PHONE|052-8810374]],{{שפרעם}},ממתין\n[[PERSON|טגיסט בלאי]],[[IL_ID|979053741]],[[PHONE|058-4401296]],{{רחובות}},פעיל",
    ),
    # --- Arabic (Gulf, Levant, Egypt, Maghreb, Arabizi): same everyday formats -------------------
    (
        "business_card_ocr",
        "arab_gulf",
        "{{مجموعة الريادة القابضة}}\n[[PERSON|خالد بن سعيد الغامدي]]\n{{مدير المبيعات الإقليمي}}\nجوال: [[PHONE|055 318 2764]]\nهاتف: [[PHONE|+966 11 465 2211]]\nالبريد: [[EMAIL|k.alghamdi@alriyada-holding.sa]]\n[[ADDRESS|7421 طريق الملك فهد، حي العليا، الرياض 12333]]",
    ),
    (
        "email_signature",
        "arab_gulf",
        "مع خالص التحية،\nم. [[PERSON|فيصل الهاشمي]]\n{{رئيس قسم المشتريات}} | {{موانئ الخليج للخدمات اللوجستية}}\nهاتف المكتب: [[PHONE|04 331 2200]] تحويلة 118\nمتحرك: [[PHONE|+971 50 722 4419]]\n[[ADDRESS|ص.ب 44521، أبوظبي]]",
    ),
    (
        "voice_transcript",
        "arab_gulf",
        "رسالة صوتية من [[PERSON|نورة]] السلام عليكم بخصوص عرض السعر حق {{الباقة الذهبية}} العميل [[PERSON|عبدالرحمن المطيري]] يبي يأجل الاجتماع ليوم {{الأحد}} ورقمه [[PHONE|صفر خمسة خمسة تسعة واحد اثنين ثلاثة أربعة ثمانية سبعة]] كلمه بعد {{العصر}}",
    ),
    (
        "sms",
        "egyptian",
        "أستاذ [[PERSON|محمود]]، معاك [[PERSON|منى الشريف]] من {{شركة النيل للتوريدات}}. عرض السعر اتبعت على [[EMAIL|mahmoud.abdelghaffar@gmail.com]]، ولو في أي استفسار كلمني على [[PHONE|010 1234 8765]]. شكراً",
    ),
    (
        "whatsapp_export",
        "arabizi",
        "[{{10/09/2024}}, {{18:22}}] [[PERSON|Omar]]: salam ya [[PERSON|Rami]], ana 3and el client fi {{Dubai Mall}} hala2\n[{{10/09/2024}}, {{18:23}}] [[PERSON|Rami]]: tamam, ba3atlak ra2mo: [[PHONE|0501439276]], esmo [[PERSON|Hisham Khoury]]\n[{{10/09/2024}}, {{18:25}}] [[PERSON|Omar]]: w el email? [[PERSON|Hisham]] bi2ool ma wasalo shi\n[{{10/09/2024}}, {{18:26}}] [[PERSON|Rami]]: [[EMAIL|hisham.k@cedarline.ae]] ✌️",
    ),
    (
        "invoice",
        "arab_gulf",
        "فاتورة ضريبية رقم {{INV-KSA-20931}}\nالتاريخ: {{15/09/2024}}\nالرقم الضريبي للمورد: {{310122393500003}}\nالعميل: [[PERSON|نورة عبدالله القحطاني]] – {{مؤسسة الواحة للتجارة}}\nالعنوان: [[ADDRESS|8228 طريق الأمير سلطان، حي الروضة، جدة 23435]]\nالوصف: اشتراك سنوي {{الباقة الاحترافية}} – 10 مستخدمين\nالمبلغ: {{12,000 ريال}} + ضريبة القيمة المضافة 15% {{1,800 ريال}}\nالدفع إلى: [[IBAN|SA6480528154237518078375]]",
    ),
    (
        "hr_onboarding",
        "arab_gulf",
        "نموذج بيانات موظف جديد\nالاسم الكامل: [[PERSON|هيا فهد الكندري]]\nالمسمى الوظيفي: {{أخصائية تسويق}}\nتاريخ المباشرة: {{1 أكتوبر 2024}}\nالهاتف: [[PHONE|+965 6621 8840]]\nهاتف المنزل: [[PHONE|2245 6789]]\nالعنوان: [[ADDRESS|قطعة 3، شارع 12، منزل 7، السالمية]]\nرقم الحساب البنكي: [[IBAN|KW37NBOK6880860506600707305390]]",
    ),
    (
        "meeting_minutes",
        "levantine",
        "محضر اجتماع – {{الثلاثاء}} {{3 أيلول}}\nالحضور: [[PERSON|ريم حداد]]، [[PERSON|جورج أبي نادر]]، [[PERSON|سامر العلي]]\nالبنود:\n1. تجديد عقد {{بنك الاعتماد}} بقيمة {{45,000 دولار}}.\n2. إطلاق {{النسخة 3.1}} من التطبيق في {{تشرين الأول}}.\nالمهام:\n- [[PERSON|جورج]]: إرسال العقد إلى [[EMAIL|g.abinader@cedarline.com.lb]] قبل {{الجمعة}}\n- [[PERSON|ريم]]: التنسيق مع مكتب {{عمّان}} على [[PHONE|+962 6 551 2349]]",
    ),
    (
        "support_macro",
        "arab_gulf",
        "مرحباً [[PERSON|سلطان]]،\nشكراً لتواصلك مع دعم {{أوربت}}. تم تحديث رقم جوالك إلى [[PHONE|+968 9123 4871]] والبريد الإلكتروني إلى [[EMAIL|sultan.almamari@omantel-partners.om]].\nرقم التذكرة: {{#44712}}\nمع تحيات،\n[[PERSON|آمنة]] – {{فريق الدعم}}",
    ),
    (
        "calendar_invite",
        "arab_gulf",
        "دعوة: عرض توضيحي لنظام {{Orbit CRM}} – {{شركة الدوحة للأغذية}}\nالموعد: {{الأربعاء}} {{9 أكتوبر 2024}} الساعة {{11:00}} صباحاً\nالمكان: [[ADDRESS|مبنى 34، شارع 920، منطقة 56، الدوحة]]\nالمشاركون: [[PERSON|محمد جاسم الكواري]] <[[EMAIL|m.alkuwari@dohafoods.qa]]>، [[PERSON|لطيفة السليطي]]\nللتواصل: [[PHONE|+974 3312 4455]]",
    ),
    (
        "audit_log",
        "arabic",
        "{{2024-09-18}} {{14:03:22}} المستخدم [[EMAIL|a.shamsi@gulfline.ae]] حذف جهة الاتصال {{#CT-4410}} ([[PERSON|أحمد عبدالله الشامسي]]) من العنوان [[IP_ADDRESS|94.56.211.38]]\n{{2024-09-18}} {{14:05:01}} المستخدم [[EMAIL|a.shamsi@gulfline.ae]] صدّر تقرير المبيعات لشهر {{أغسطس}}",
    ),
    (
        "web_form",
        "egyptian",
        "الاسم: [[PERSON|ياسمين فاروق]]\nالشركة: {{دلتا للأدوية}}\nالمدينة: {{الإسكندرية}}\nالموبايل: [[PHONE|+20 12 2587 4410]]\nالتليفون الأرضي: [[PHONE|03 4872 215]]\nالبريد: [[EMAIL|yasmin.farouk@deltapharma.com.eg]]\nعدد المستخدمين: 25\nملاحظات: محتاجين الواجهة بالعربي ونظام {{فوري}} للدفع",
    ),
    (
        "marketing_list",
        "arab_gulf",
        "قائمة حضور ورشة {{الرياض}} – {{نوفمبر}}\nالاسم، الجهة، الجوال، البريد\n[[PERSON|عبدالعزيز الدوسري]]، {{أرامكس}}، [[PHONE|0553109847]]، [[EMAIL|aziz.dosari@outlook.sa]]\n[[PERSON|سارة بوزيد]]، {{مجموعة الفطيم}}، [[PHONE|+971 52 448 1906]]، [[EMAIL|sara.bouzid@gmail.com]]\n[[PERSON|راجيش كومار]]، {{لولو هايبرماركت}}، [[PHONE|+966 54 772 0318]]، [[EMAIL|rajesh.kumar@lulu-partner.com]]\n[[PERSON|ماريا سانتوس]]، {{فندق المها}}، [[PHONE|+973 3912 6647]]، [[EMAIL|maria.santos@almaha-hotel.bh]]",
    ),
    (
        "receipt",
        "arab_gulf",
        "{{كارفور}} – {{مول الإمارات}}\nإيصال رقم {{88213}} بتاريخ {{20/09/2024}} {{20:15}}\nالمجموع: {{245.50 درهم}}\nطريقة الدفع: بطاقة ماستركارد [[CREDIT_CARD|5369 7844 3682 1444]]\nعضو شير: [[PERSON|ليلى منصور]]",
    ),
    (
        "event_registration",
        "levantine",
        "تسجيل في {{معرض جايتكس}} – جناح {{Orbit CRM}}\nالاسم: [[PERSON|طارق الزعبي]]\nالشركة: {{الزعبي للتجارة العامة}}\nالمنصب: {{مدير تنفيذي}}\nالجوال: [[PHONE|079 512 4480]]\nالبريد: [[EMAIL|tareq@zoubi-trading.jo]]\nالدولة: {{الأردن}}",
    ),
    (
        "config_yaml",
        "arabic",
        'هذا ملف الإعدادات، ليش ما يشتغل الربط؟\nwhatsapp:\n  phone_number_id: "109283746501"\n  access_token: [[SECRET|EAAGm0PX4ZCpsBAKZCx8ZAZBhL2kqw7ZD9mZCn1ZBvQZAe0rT5Yx]]\ncrm:\n  api_key: [[SECRET|AIza-5SApYXfE_1ds3vbgqMMvFuz4zf3ATNeY2P]]\n  admin_email: [[EMAIL|it.support@alriyada-holding.sa]]',
    ),
    (
        "crm_note",
        "egyptian",
        "مكالمة مع [[PERSON|محمود عبد الغفار]] من {{شركة النيل للتوريدات}}. عنده فريق مبيعات 18 شخص، مهتم بـ{{الباقة المتقدمة}}. عنوان الشركة: [[ADDRESS|14 شارع محمد مظهر، الزمالك، القاهرة]]. تليفون المكتب [[PHONE|02 2735 1184]]. الخطوة الجاية: عرض سعر قبل {{الخميس}}.",
    ),
    (
        "sms",
        "arab_gulf",
        "عميلنا العزيز [[PERSON|بدر]]، تم استلام دفعتك بمبلغ {{3,150 درهم}} للفاتورة {{INV-7741}}. شكراً لاختيارك {{أوربت}}.",
    ),
    (
        "whatsapp_export",
        "arab_gulf",
        "[{{٠٩:٤٠}}] [[PERSON|أبو فهد]]: يا [[PERSON|سالم]] أرسل لي رقم المندوب الهندي\n[{{٠٩:٤١}}] [[PERSON|سالم]]: [[PERSON|شفيق]] رقمه [[PHONE|٠٥٠٣٣١٤٧٧٢]]\n[{{٠٩:٤١}}] [[PERSON|أبو فهد]]: مشكور 🌹",
    ),
    (
        "hr_onboarding",
        "levantine",
        "استمارة موظف\nالاسم: [[PERSON|جورج أبي نادر]]\nالوظيفة: {{مدير حسابات}}\nالهاتف الخلوي: [[PHONE|+961 71 234 587]]\nهاتف المنزل: [[PHONE|01 345 672]]\nالعنوان: [[ADDRESS|شارع الحمرا، بناية 88، الطابق الثالث، بيروت]]\nالحساب المصرفي: [[IBAN|LB94099998012538255156711506]]",
    ),
    (
        "meeting_minutes",
        "arab_gulf",
        "ملخص اجتماع فريق المبيعات – {{الإثنين}}\n- [[PERSON|عبدالله الحربي]] أغلق صفقة {{الواحة}} بقيمة {{280 ألف ريال}}.\n- العميل [[PERSON|حمد بن ناصر العتيبي]] يطلب زيارة لمكتبه في [[ADDRESS|شارع التحلية، مبنى 12، حي الأندلس، جدة]]، والمراسلات على [[ADDRESS|ص.ب 2345 جدة 21451]]\n- مطلوب من [[PERSON|نورة]] تحديث عرض {{الربع الرابع}}",
    ),
    (
        "support_ticket",
        "arab_gulf",
        "تذكرة {{#TK-61023}}\nمن: [[PERSON|عائشة يوسف البلوشي]] ([[EMAIL|aisha.balushi@hotmail.com]])\nالموضوع: لم أستلم الفاتورة\nالنص: السلام عليكم، دفعت اشتراك {{الباقة الأساسية}} من بطاقة فيزا [[CREDIT_CARD|4637956309454631]] ولم تصلني الفاتورة. رقمي [[PHONE|+968 9540 2218]]، عنواني [[ADDRESS|سكة 3019، منزل 1122، الخوير، مسقط]].",
    ),
    (
        "web_form",
        "arab_gulf",
        "name: [[PERSON|حسن علي المحميد]]\ncompany: {{مطاعم البحرين الذهبية}}\nphone: [[PHONE|+973 1753 2290]]\nmobile: [[PHONE|3612 4407]]\nemail: [[EMAIL|hasan.mahmeed@goldenbh.com]]\naddress: [[ADDRESS|شقة 21، مبنى 1455، طريق 3621، مجمع 436، السيف]]\nplan: {{Business}}",
    ),
    (
        "invoice",
        "levantine",
        "فاتورة رقم {{2024-0913}}\nالتاريخ: {{13/09/2024}}\nإلى: [[PERSON|سامر العلي]]، {{مؤسسة العلي للمقاولات}}\n[[ADDRESS|شارع الملكة رانيا 155، عمّان]]\nالبند: {{Orbit CRM Business}} – 6 مستخدمين – {{1,440 دينار}}\nالحساب: [[IBAN|JO56ARAB1130113610867705461441]]",
    ),
    (
        "voice_transcript",
        "egyptian",
        "يا [[PERSON|أحمد]] فكرني بكرة نكلم الحاج [[PERSON|سيد منصور]] بتاع {{مصنع الأمل}} رقمه [[PHONE|صفر واحد صفر واحد اتنين اربعة خمسة سبعة تمانية تسعة]] وعايز العرض يكون بالجنيه مش بالدولار",
    ),
    (
        "chat_snippet",
        "maghreb",
        "[[PERSON|Karim]]: salam [[PERSON|Yassine]], tu peux m'envoyer le contact du client de {{Casablanca}} ?\n[[PERSON|Yassine]]: oui, [[PERSON|Fatima-Zahra Alaoui]], [[PHONE|06 61 42 87 35]], [[EMAIL|fz.alaoui@maroctex.ma]]\n[[PERSON|Karim]]: merci, elle veut le plan {{Pro}} ou {{Enterprise}} ?\n[[PERSON|Yassine]]: {{Pro}}, 12 utilisateurs",
    ),
    (
        "business_card_ocr",
        "arabic",
        "{{شركة الأمل للصناعات الغذائية}}\nد. [[PERSON|سيد منصور]]\n{{رئيس مجلس الإدارة}}\nت: [[PHONE|+20 2 2735 1190]]\nم: [[PHONE|0100 725 8813]]\n[[EMAIL|sayed.mansour@alamal-food.com.eg]]\n[[ADDRESS|27 شارع عباس العقاد، مدينة نصر، القاهرة]]",
    ),
    (
        "lead_summary",
        "arab_gulf",
        "عميل محتمل: [[PERSON|مريم راشد الفلاسي]]، {{مديرة العمليات}} في {{عقارات النخبة}}، {{دبي}}. الفريق 30 وسيط عقاري. الميزانية حوالي {{60,000 درهم}} سنوياً. تفضل التواصل على الواتساب [[PHONE|+971 55 906 3381]] أو الإيميل [[EMAIL|maryam.falasi@elite-realestate.ae]].",
    ),
    (
        "audit_log",
        "arab_gulf",
        "[{{2024-10-01}} {{07:55:12}}] تسجيل دخول ناجح: [[EMAIL|nasser.otaibi@alwaha-trading.sa]] من [[IP_ADDRESS|188.54.22.141]]\n[{{2024-10-01}} {{07:58:40}}] تغيير كلمة المرور للمستخدم [[EMAIL|nasser.otaibi@alwaha-trading.sa]]\n[{{2024-10-01}} {{08:02:03}}] محاولة دخول فاشلة: [[EMAIL|admin@alwaha-trading.sa]] من [[IP_ADDRESS|45.146.164.110]]",
    ),
    (
        "config_ini",
        "arab_gulf",
        "; إعدادات بوابة الدفع – لا تشاركها!\n[payment]\nmerchant_id = {{MID-558201}}\nsecret_key = [[SECRET|rk_live_FBZSntMY467o6hHdeHHwJwRJ]]\nwebhook_ip = [[IP_ADDRESS|185.132.76.9]]\n[notify]\nsms_to = [[PHONE|+966 50 338 2219]]",
    ),
    (
        "hr_onboarding",
        "south_asian",
        "بيانات العامل\nالاسم: [[PERSON|محمد عمران شودري]]\nالجنسية: {{باكستان}}\nالمهنة: {{سائق توصيل}}\nرقم الجوال: [[PHONE|050 774 1920]]\nرقم في باكستان: [[PHONE|+92 300 841 2267]]\nالحساب البنكي في باكستان: [[IBAN|PK03HABB8915947449477573]]",
    ),
    (
        "sms",
        "levantine",
        "[[PERSON|ريم]]، الاجتماع مع {{بنك الاعتماد}} صار {{الساعة 3}} بدل {{الساعة 2}}. [[PERSON|سامر]] رح يتصل فيكِ من رقمه الجديد [[PHONE|03 512 447]]",
    ),
    (
        "support_macro",
        "egyptian",
        "أهلاً أستاذة [[PERSON|ياسمين]]،\nتم تفعيل حسابك على {{الباقة المتقدمة}} بنجاح. بيانات الدخول اتبعتت على [[EMAIL|yasmin.farouk@deltapharma.com.eg]]. كلمة المرور المؤقتة: [[SECRET|Dlt@Pharma#71]] (يرجى تغييرها بعد أول دخول).\nفريق {{أوربت}} – {{مصر}}",
    ),
    (
        "whatsapp_export",
        "arabic",
        "[{{15/10/2024}} {{22:10}}] [[PERSON|Ahmed Al Shamsi]]: [[PERSON|حمدان]] هذا آيبان الشركة الجديد للتحويل\n[{{15/10/2024}} {{22:10}}] [[PERSON|Ahmed Al Shamsi]]: [[IBAN|AE90 0335 8219 1182 0598 181]]\n[{{15/10/2024}} {{22:12}}] [[PERSON|حمدان]]: وصل، بحوّل {{الأحد}} إن شاء الله",
    ),
    (
        "calendar_invite",
        "egyptian",
        "موعد: زيارة مصنع {{الأمل}} – {{العاشر من رمضان}}\n{{الأحد}} {{20 أكتوبر}} {{10:00}} ص\nالحضور: [[PERSON|سيد منصور]]، [[PERSON|منى الشريف]]، [[PERSON|Li Wei]] ({{Shanghai Packtech}})\nالسائق: عم [[PERSON|رمضان]] [[PHONE|0111 482 9063]]",
    ),
    (
        "web_form",
        "arab_gulf",
        "نموذج طلب عرض سعر\nالاسم: [[PERSON|عبدالرحمن يوسف]]\nالجهة: {{بلدية الشارقة}}\nالهاتف: [[PHONE|06 556 1123]]\nالمتحرك: [[PHONE|٠٥٦ ٧٨١ ٢٢٣٤]]\nالبريد: [[EMAIL|a.yousef@shj-partner.ae]]\nعدد المستخدمين: {{50}}\nالموعد المفضل: {{الثلاثاء}} صباحاً",
    ),
    (
        "lead_summary",
        "maghreb",
        "Prospect : [[PERSON|Mehdi Benali]], {{directeur commercial}} chez {{Atlas Agro}} ({{Tunis}}). Tél. [[PHONE|+216 71 842 339]], mobile [[PHONE|+216 98 447 120]]. Intéressé par {{Orbit CRM}} en arabe et en français, 20 licences, démarrage {{janvier}}.",
    ),
    (
        "web_form",
        "arab_gulf",
        "طلب اشتراك – الدفع بالبطاقة\nالاسم على البطاقة: [[PERSON|جاسم محمد المري]]\nرقم البطاقة: [[CREDIT_CARD|3406 430742 24607]]\nالبريد: [[EMAIL|jassim.almarri@pearl-logistics.qa]]\nالجوال: [[PHONE|+974 5581 2290]]\nالباقة: {{Enterprise}} – {{سنوي}}\nالمبلغ: {{36,400 ريال قطري}}\nحساب الاسترداد: [[IBAN|QA88QNBA234632026874965100790]]",
    ),
    (
        "business_card_ocr",
        "arab_gulf",
        "{{شركة البحرين للأنظمة الذكية}}\n[[PERSON|Rashid Abdulla Al-Nouri]]\n[[PERSON|راشد عبدالله النوري]]\n{{Business Development Manager}}\nT: [[PHONE|+973 1729 4410]]  M: [[PHONE|+973 3944 1287]]\n[[EMAIL|rashid.nouri@bsmart.bh]]\n[[ADDRESS|Flat 12, Building 2105, Road 2832, Block 428, Seef]]",
    ),
]
