# ruff: noqa: E501  (data tables: long marked records read better unbroken)
"""Blind evaluation pool A: English CRM content, names of many cultures in Latin script.

Written without looking at the detector or the other corpora. Markup as in corpus_handwritten.py:
[[TYPE|value]] marks a personal value, {{value}} a control phrase that must survive.
"""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- call notes
    (
        "call_notes",
        "israeli",
        "Spoke with [[PERSON|Oshrat Malka]] ({{Head of Procurement}}, {{Strauss Group}}) for 20 min. She wants the "
        "{{Enterprise}} tier quoted in shekels before {{Sunday}}; budget is around {{₪180,000}} for {{FY25}}. "
        "Her mobile is [[PHONE|054-771-2093]], prefers WhatsApp. Send the deck to [[EMAIL|oshrat.m@strauss-group.co.il]] "
        "and cc [[PERSON|Itamar Zilberstein]] from their IT side.",
    ),
    (
        "call_notes",
        "arab_gulf",
        "Call w/ [[PERSON|Hamdan Al Mazrouei]] – {{Emaar}} facilities team. Wants 40 seats of {{Pipeline Pro}} from "
        "{{1 September}}. Said to route the contract via his EA [[PERSON|Shamma]] on [[PHONE|+971 55 318 4402]]. "
        "Follow up after {{GITEX}} week.\nOffice: [[ADDRESS|Office 2204, Building 7, The Boulevard, Downtown Dubai]]",
    ),
    (
        "call_notes",
        "nigerian",
        "cold call 11:05 — reached [[PERSON|Chukwuemeka Obi]] at {{Dangote Cement}}, he's the {{IT Manager}}. not the "
        "decision maker, pointed me to [[PERSON|Adaeze Nwachukwu]] ({{CFO}}). her line: [[PHONE|0803 512 7746]]. "
        "[[PERSON|emeka]]'s direct: [[PHONE|+234 (0) 909 441 2038]]. they're on {{SAP Business One}} today, renewal in "
        "{{March}}. callback {{Tue}}.",
    ),
    (
        "call_notes",
        "persian",
        "Left voicemail for [[PERSON|Dariush Moghaddam]] twice, got through on the third try ({{Wednesday}} 4pm). He is "
        "comparing us with {{HubSpot}} and {{Pipedrive}}; main blocker is right-to-left support. Asked for a trial "
        "extension to {{30 June}}. His wife [[PERSON|Shirin]] runs their {{Toronto}} branch – reach her at "
        "[[EMAIL|shirin@moghaddam-logistics.ca]] or [[PHONE|(416) 820-3317]].",
    ),
    (
        "call_notes",
        "ukrainian",
        "Discovery call, {{Friday}} 10:30 CET. [[PERSON|Oleksandr Hnatyuk]] ({{CTO}}) – agency of 14 reps in Lviv, on "
        "{{Bitrix24}} and unhappy with it. Budget sign-off sits with [[PERSON|Kateryna Bondarenko]], {{COO}}.\n"
        "Numbers: [[PHONE|+380 67 412 58 30]] ([[PERSON|Oleksandr]], Viber ok), [[PHONE|+380 50 977 2104]] ([[PERSON|Kateryna]]).\n"
        "Next: send the {{SOC 2}} report and our DPA by {{EOW}}.",
    ),
    (
        "call_notes",
        "south_african",
        "Called [[PERSON|Thandiwe Nkosi]] back re the {{Discovery Health}} pilot. She moves from {{Johannesburg}} to the "
        "{{Cape Town}} office in {{August}}; new desk line [[PHONE|021 447 9130]], cell unchanged [[PHONE|082 663 1874]]. "
        "[[PERSON|Pieter du Plessis]] takes over her Joburg accounts. Pilot extended to {{31 July}}, 25 seats at "
        "{{R1,150}} per user per month.",
    ),
    (
        "call_notes",
        "latam",
        "Call recap (Spanglish, sorry): [[PERSON|Lupita]] – i.e. [[PERSON|Guadalupe Ortega Ruiz]], {{Gerente de Compras}} "
        "at {{Grupo Bimbo}} – está de acuerdo con el precio, {{MXN 310,000}} anual. Wants the invoice sent to "
        "[[EMAIL|g.ortega.ruiz@grupobimbo.com]]. Cel: [[PHONE|+52 55 4187 2290]]. Hardware goes to "
        "[[ADDRESS|Av. Álvaro Obregón 182, Int. 5, Roma Nte., 06700 Ciudad de México, CDMX]].",
    ),
    (
        "call_notes",
        "turkish",
        "[[PERSON|Gökhan Aydoğdu]] ({{Turkcell}}) called in: wants the pilot kickoff moved from {{Monday}} to "
        "{{Wednesday 10:00}} Istanbul time. Asked if [[PERSON|Zeynep Karaağaç]] can join – her cell is "
        "[[PHONE|0532 418 77 60]]. He also asked for {{KVKK}} wording in the contract; legal has the template "
        "({{DOC-1182}}).",
    ),
    (
        "call_notes",
        "chinese",
        "Dinner debrief – [[PERSON|Chen Haoran]] ({{VP Sales}}, {{Lenovo}} Middle East) and his deputy "
        "[[PERSON|Tsai Mei-Ling]]. [[PERSON|Chen]] wants one price list in AED for the whole Gulf; [[PERSON|Mei-Ling]] "
        "worries about {{VAT}} on the {{Saudi}} entity. [[PERSON|Chen]]'s numbers: [[PHONE|+86 138 1047 6629]] (China) and "
        "[[PHONE|+971 50 662 7718]] (Dubai). Target close {{end of Q3}}, about {{AED 420,000}}.",
    ),
    (
        "call_notes",
        "greek",
        "Call w/ [[PERSON|Dimitrios Papanikolaou]], {{Aegean Airlines}} loyalty team. His assistant "
        "[[PERSON|Eleni Karagianni]] does scheduling: [[PHONE|+30 694 812 3371]]; office landline "
        "[[PHONE|210 3248 770]]. Interested in the {{WhatsApp}} channel, {{200}} seats, decision in {{Q4}}.",
    ),
    (
        "call_notes",
        "dutch",
        "Notes from [[PERSON|Joost van Houten]]'s call: {{Rabobank}} innovation team wants a sandbox before "
        "{{Koningsdag}}. [[PERSON|Willemijn ter Horst]] (legal) will review the DPA – mobile [[PHONE|06-41 87 22 19]]. "
        "[[PERSON|Joost]] is out {{29 April}} – {{3 May}}.",
    ),
    (
        "call_notes",
        "vietnamese",
        "Spoke to [[PERSON|Trần Minh Khoa]] at {{Vingroup}} – he handles the {{Hanoi}} showroom CRM rollout. Wants "
        "Vietnamese UI by {{v5.0}}. Direct line [[PHONE|+84 903 418 227]]. His boss, Ms [[PERSON|Nguyễn Thị Thu Hà]], "
        "signs anything over {{US$50k}}.",
    ),
    (
        "call_notes",
        "anglo",
        "Applicant [[PERSON|Bronwyn Castellanos]] called about the {{Premier Credit}} line. She gave her SSN "
        "[[US_SSN|493-51-2030]] for the soft pull and asked us to mail the agreement to "
        "[[ADDRESS|2218 NW Everett St, Apt 4B, Portland, OR 97210]]. Please do not paste the SSN into summaries. "
        "Case {{CR-55310}}, review {{Monday}}.",
    ),
    (
        "call_notes",
        "kenyan",
        "[[PERSON|Wanjiru Kamau]] ({{Safaricom}} enterprise) – wants {{M-Pesa}} payments inside the deal view. "
        "Technical contact is [[PERSON|Kiprono Rotich]], [[PHONE|0722 118 450]]; [[PERSON|Wanjiru]] herself on "
        "[[PHONE|+254 712 409 386]]. They need a quote in {{KES}} and {{USD}} by {{Thursday}}.",
    ),
    (
        "call_notes",
        "polish",
        "Short call with [[PERSON|Przemysław Nowicki]] ({{Allegro}}). Contract copy to "
        "[[ADDRESS|ul. Mokotowska 17/4, 00-640 Warszawa]], attn. [[PERSON|Agnieszka Wróblewska]]. "
        "Tel. [[PHONE|+48 512 384 906]]. Discount approved: {{15%}} on year one only, go-live {{Q3}}.",
    ),
    # ---------------------------------------------------------------- email drafts
    (
        "email_draft",
        "german",
        "Subject: Your {{Atlas}} renewal – quote {{Q-2024-0412}}\n\nHi [[PERSON|Friederike]],\n\n"
        "thanks for the call with [[PERSON|Jörg Hainbuch]] on {{Monday}}. As promised, the renewal for "
        "{{Atlas Analytics}} comes to {{€24,600}} per year ({{12%}} below list). I'll post the signed copy to "
        "[[ADDRESS|Bergmannstraße 112, 10961 Berlin]] – or should it go to your {{Munich}} office instead?\n\n"
        "Best,\n[[PERSON|Callum McIlroy]]\n{{Account Executive}}, DACH",
    ),
    (
        "email_draft",
        "french",
        "Hi [[PERSON|Margaux Lecoeur]],\n\nApologies for the double charge on {{INV-2024-00871}}. Our billing lead "
        "[[PERSON|Thibault Vasseur]] has issued a refund of {{€1,180.00}} to [[IBAN|FR11 3000 4008 1943 0671 4587 132]]; "
        "it should land within {{5 business days}}. If you'd rather talk it through, [[PERSON|Thibault]] is on "
        "[[PHONE|+33 6 48 27 91 05]].\n\nBien à vous,\n[[PERSON|Aurélien Dufresne]]",
    ),
    (
        "email_draft",
        "arab_levant",
        "Dear Mr. [[PERSON|Ziad Nassar]],\n\nFurther to our meeting at the {{Amman}} office, please find the revised "
        "proposal for {{Aramex}} attached ({{PRP-0937}}). The unused balance of {{JOD 3,200}} will be returned to the "
        "account on file, [[IBAN|JO94 CBJO 0010 0000 0000 0131 0003 02]].\n\nKind regards,\n"
        "[[PERSON|Layal Sabbagh]]\n{{Customer Success Manager}}",
    ),
    (
        "email_draft",
        "nordic",
        "Draft – please polish:\n\nHej [[PERSON|Henrik]],\nGreat to meet you at {{Slush}}. As discussed, {{Maersk}} "
        "could start with the {{Growth}} plan ({{DKK 18,000}}/month) and move to {{Enterprise}} in {{January}}. "
        "I've copied my colleague [[PERSON|Bjørn Halvorsen]] ([[EMAIL|bjorn.halvorsen@ourcrm.io]], "
        "[[PHONE|+47 915 62 384]]) who covers the Nordics.\nBest, [[PERSON|Sigrid Lindqvist]]",
    ),
    (
        "email_draft",
        "italian",
        "Ciao [[PERSON|Chiara]],\n\nas promised, the onboarding kit is on its way to [[ADDRESS|Via dei Serpenti 42, "
        "00184 Roma]]. Tracking {{1Z 999 AA1 01 2345 6784}}. [[PERSON|Federico Lo Iacono]] will run the "
        "{{Tuesday}} training for your team of {{18 people}}. Any issue, text me on [[PHONE|+39 347 218 5530]].\n\n"
        "A presto,\n[[PERSON|Ludovica Ferrandi]]",
    ),
    (
        "email_draft",
        "spanish",
        'Write a friendlier version of this:\n"[[PERSON|Ainhoa Etxeberria]] – the {{Iberdrola}} pilot ends {{15 May}}. '
        "We need the PO ({{PO-77812}}) or we switch you to {{Starter}}. Call me: [[PHONE|688 41 27 90]]. – "
        '[[PERSON|Íñigo Sanjuán]]"',
    ),
    (
        "email_draft",
        "portuguese",
        "Olá [[PERSON|Thiago]],\n\nthanks for choosing {{Pipeline Pro}}! Your {{Nubank}} workspace ({{12 seats}}) is live. For the "
        "NF-e we still need the billing address – is it still [[ADDRESS|Rua Oscar Freire 1120, apto 52, Jardins, "
        "São Paulo - SP, 01426-001]]? WhatsApp me at [[PHONE|+55 11 98473-2210]] if quicker.\n\n"
        "Abraço,\n[[PERSON|Inês Magalhães]]",
    ),
    (
        "email_draft",
        "arab_maghreb",
        "Hello [[PERSON|Youssef Benjelloun]],\n\nFollowing {{Thursday}}'s demo, here is the pricing for {{OCP Group}}: "
        "{{MAD 96,000}} per year for 30 users, {{v3.4}} with French and Arabic UI. My colleague "
        "[[PERSON|Imane El Idrissi]] in our {{Casablanca}} office can meet you in person – "
        "[[PHONE|+212 661-482037]].\n\nRegards",
    ),
    (
        "email_draft",
        "anglo",
        "G'day [[PERSON|Imogen]],\n\nConfirming the hardware bundle ({{SKU HW-220}}) ships {{Monday}} to "
        "[[ADDRESS|Unit 5/88 Glebe Point Rd, Glebe NSW 2037]]. Courier will ring [[PHONE|0412 839 557]] before "
        "delivery. Invoice {{INV-AU-3391}} is {{A$4,280}} incl. GST.\n\nCheers,\n[[PERSON|Torin Blackwood]]",
    ),
    (
        "email_draft",
        "kenyan",
        "Dear [[PERSON|Otieno Ochieng]],\n\nThank you for renewing with us for {{2025}}. The signed contract "
        "({{CTR-2291}}) has been couriered to [[ADDRESS|P.O. Box 48210-00100, Nairobi]]. Your account manager from "
        "{{1 July}} is [[PERSON|Njeri Mwangi]] ([[EMAIL|njeri.mwangi@ourcrm.io]]).\n\nWarm regards,\n"
        "{{Customer Success}} team",
    ),
    (
        "email_draft",
        "japanese",
        "Reply to [[PERSON|Ryosuke Tanabe]] in polite business English: thank him for the {{Toyota Tsusho}} meeting "
        "in {{Nagoya}}, confirm the {{¥2,400,000}} annual quote, and say that [[PERSON|Aoi Fujisawa]] "
        "([[EMAIL|aoi.fujisawa@ourcrm.jp]]) will send the {{NDA}} by {{Friday}}.",
    ),
    (
        "email_draft",
        "israeli",
        "Hi [[PERSON|Amitai Rozenblum]],\n\nYour colleague [[PERSON|מורן ביטון]] mentioned you're taking over the "
        "{{Wix}} account from {{June}}. I've moved the open deals ({{DL-4471}}, {{DL-4475}}) to you. Her last note "
        "says to reach you on [[PHONE|052-394-8172]] rather than the office number.\n\nThanks, [[PERSON|Dvir]]",
    ),
    # ---------------------------------------------------------------- signatures
    (
        "email_signature",
        "anglo",
        "--\n[[PERSON|Philippa Ashdown-Kerr]]\n{{Regional Director, EMEA}} | {{Northwind Traders}}\n"
        "M: [[PHONE|+44 7911 284 630]] | T: [[PHONE|+44 (0)20 3872 1190]] ext. 214\n"
        "[[ADDRESS|4th Floor, 18 Finsbury Square, London EC2A 1AH]]\n[[EMAIL|p.ashdown-kerr@northwind.co.uk]]\n"
        "Out of office {{22–26 July}}. This email and any attachments are confidential.",
    ),
    (
        "email_signature",
        "israeli",
        "Thanks!\n\n[[PERSON|Hila Peretz-Gonen]] | {{VP Marketing}}\n{{Check Point Software}}\n"
        "Mobile: [[PHONE|+972-52-631-0478]] | Office: [[PHONE|+972-3-753-4400]]\n"
        "[[ADDRESS|94 Yigal Alon St, Floor 22, Tel Aviv 6789139]]\nMeet us at {{Cyber Week 2024}}, booth {{B12}}",
    ),
    (
        "email_signature",
        "arab_gulf",
        "Best regards,\n[[PERSON|Noura Al Ketbi]]\n{{Senior Business Analyst}} – {{Abu Dhabi Commercial Bank}}\n"
        "جوال: [[PHONE|+971 56 224 9015]]\n[[ADDRESS|PO Box 939, Abu Dhabi, UAE]]\n{{Ramadan}} working hours: {{9am–3pm}}",
    ),
    (
        "email_signature",
        "south_asian",
        "Regards,\n[[PERSON|Harpreet Sandhu]]\n{{Director – Channel Sales}}, {{Infosys}}\n"
        "Cell: [[PHONE|98110 43276]] | Desk: [[PHONE|080-4116 7720]] Extn 3318\n"
        "[[EMAIL|harpreet.sandhu@infosys.com]]\n{{Bengaluru}} | {{Pune}} | {{Hyderabad}}",
    ),
    (
        "email_signature",
        "nigerian",
        "Warm regards,\n\n[[PERSON|Folasade Ogunleye]] (Mrs)\n{{Head, Corporate Partnerships}}\n{{Access Bank}} Plc\n"
        "[[ADDRESS|14 Adeola Odeku Street, Victoria Island, Lagos]]\nTel: [[PHONE|0706 224 8913]]\nRC {{125384}} | {{Mon–Fri}}, 8am–5pm WAT",
    ),
    (
        "email_signature",
        "french",
        "[[PERSON|Clémence Aubert]]\n{{Directrice commerciale}} – {{L'Oréal Luxe}}\n"
        "[[PHONE|+33 (0)1 42 68 53 00]] / [[PHONE|07 81 22 90 45]]\n[[ADDRESS|14 rue Royale, 75008 Paris]]\nRetrouvez-nous à {{VivaTech}}, {{22–25 mai}}",
    ),
    (
        "email_signature",
        "chinese",
        "Best,\n[[PERSON|Wong Ka-Wai]] ([[PERSON|Kelvin]])\n{{Senior Account Manager}} | {{Cathay Pacific}} Cargo\n"
        "M [[PHONE|+852 9123 4417]]\n[[ADDRESS|Flat B, 12/F, Tower 2, Harbour Crest, 8 Hoi Wang Road, Kowloon]]\n{{Hong Kong}} | {{Singapore}} | {{Shanghai}}",
    ),
    (
        "email_signature",
        "korean",
        "[[PERSON|Seo Yeon-woo]] · {{Partner Manager, North America}}\n{{Hyundai Capital}}\n"
        "o. [[PHONE|(206) 838-2041]]  c. [[PHONE|(425) 291-7763]]\n"
        "[[ADDRESS|1201 Third Ave, Suite 2950, Seattle, WA 98101]]\nPartner summit: {{September 17–18}}, {{Las Vegas}}",
    ),
    # ---------------------------------------------------------------- forwarded headers
    (
        "forwarded_header",
        "ethiopian",
        "---------- Forwarded message ---------\nFrom: [[PERSON|Yonas Tesfaye]] <[[EMAIL|yonas.tesfaye@ethiotelecom.et]]>\n"
        "Date: {{Thu, 14 Mar 2024}} at {{09:12}}\nSubject: Re: {{SO-778120}} delivery to Addis\n"
        "To: [[PERSON|Selamawit Gebremedhin]] <[[EMAIL|selam.g@habeshabrew.com]]>\n\n"
        "Please summarise this thread and draft a reply confirming the {{April}} slot.",
    ),
    (
        "forwarded_header",
        "german",
        "-----Original Message-----\nFrom: [[PERSON|Annegret Schlüter]] [mailto:[[EMAIL|a.schlueter@boschrexroth.de]]]\n"
        "Sent: {{Tuesday, 4 June 2024}} 08:17\nTo: Sales DACH\nSubject: AW: Angebot {{AN-2024-1187}}\n\n"
        "Guten Morgen, wir brauchen die Preise für {{Bosch Rexroth}} bis {{Freitag}}. Rückfragen gern an "
        "[[PERSON|Matthias Quandt-Reuter]], [[PHONE|+49 (0)9352 18-4470]].",
    ),
    (
        "forwarded_header",
        "russian",
        'Begin forwarded message:\n\nFrom: "[[PERSON|Volkova]], [[PERSON|Anastasia]]" <[[EMAIL|a.volkova@severstal.com]]>\n'
        "Subject: {{Severstal}} – pilot scope\nDate: {{12 February 2024}} at {{16:40:11 GMT+3}}\n"
        'To: "[[PERSON|Sokolov]], [[PERSON|Dmitriy]]" <[[EMAIL|dsokolov@ourcrm.io]]>\n\n'
        "[[PERSON|Dima]], see below – they want {{150}} licences, not {{100}}.",
    ),
    (
        "forwarded_header",
        "arab_gulf",
        "From: [[PERSON|Fahad bin Khalid Al Qasimi]] <[[EMAIL|fahad.alqasimi@rakbank.ae]]>\n"
        "Sent: {{Sunday, 9 June 2024}} {{8:02 AM}}\nTo: [[PERSON|Sultan Al Nuaimi]] <[[EMAIL|s.alnuaimi@rakbank.ae]]>; "
        "[[PERSON|Mariam Al Falasi]] <[[EMAIL|mariam.falasi@ourcrm.ae]]>\nSubject: FW: {{RAKBANK}} – {{Insights Add-on}} trial\n\n"
        "Summarise what RAKBANK asked for and who owns each action.",
    ),
    (
        "forwarded_header",
        "spanish",
        "De: [[PERSON|Montserrat Vidal Puig]] <[[EMAIL|mvidal@caixabank-partners.es]]>\nEnviado el: {{lunes, 3 de junio de 2024}} 12:31\n"
        "Para: [[PERSON|Rocío Cabañas]] <[[EMAIL|rocio.cabanas@ourcrm.io]]>\nCC: [[EMAIL|jordi.puig.ferrer@gmail.com]]\n"
        "Asunto: RE: Renovación {{2024-2025}}\n\nTranslate to English and pull out the dates for the {{CaixaBank}} renewal.",
    ),
    (
        "forwarded_header",
        "nordic",
        "> On {{Mon, 22 Apr 2024}}, [[PERSON|Eirik Solberg]] <[[EMAIL|eirik.solberg@equinor.com]]> wrote:\n"
        ">> On {{Fri, 19 Apr 2024}}, [[PERSON|Aino Virtanen]] <[[EMAIL|aino.virtanen@kone.fi]]> wrote:\n"
        ">> Could we push the {{Kone}} workshop to {{week 18}}?\n> Fine by {{Equinor}}. [[PERSON|Aino]], use my mobile "
        "[[PHONE|+47 928 14 602]] on the day.",
    ),
    # ---------------------------------------------------------------- lead summaries
    (
        "lead_summary",
        "korean",
        "Lead: [[PERSON|Park Ji-hoon]] ({{Samsung SDS}}, {{Senior Manager, Cloud Partnerships}}). Source: web form on "
        "{{2024-05-02}}, IP [[IP_ADDRESS|121.134.77.208]]. Score {{82/100}}. Interested in expanding to "
        "{{Saudi Arabia}}. Phone [[PHONE|+82 10-4417-2089]]; prefers email: [[EMAIL|jihoon.park@samsung.com]]. "
        "Next step: demo with our {{Head of Sales}} [[PERSON|Ziad Nassar]] on {{Thursday}}.",
    ),
    (
        "lead_summary",
        "israeli",
        "Summarise this lead for the {{Monday}} pipeline review:\nName: [[PERSON|Tzachi Abergel]]\nCompany: "
        "{{Shufersal}} (retail, 300+ branches)\nRole: {{Director of Digital}}\nID (for the tender form): "
        "[[IL_ID|305250300]]\nMobile: [[PHONE|050 718 2264]]\nLast touch: {{28/05/2024}}, asked for pricing for "
        "{{120}} users.",
    ),
    (
        "lead_summary",
        "arab_maghreb",
        "[[PERSON|Meriem Trabelsi]] – {{Tunisie Telecom}}, {{Marketing Director}}. Came via the {{Paris}} roadshow. Warm: "
        "opened {{4}} of {{5}} emails, clicked pricing twice. Mobile [[PHONE|+216 98 417 330]], email "
        "[[EMAIL|meriem.trabelsi@tunisietelecom.tn]]. Asks for French-language onboarding.",
    ),
    (
        "lead_summary",
        "south_asian",
        "Inbound lead {{#L-99021}}: [[PERSON|Saad Qureshi]], founder of a Lahore fintech (seed stage). Signed up "
        "from [[IP_ADDRESS|39.40.118.7]] on {{Saturday}}. WhatsApp [[PHONE|+92 300 4172219]]. Budget under "
        "{{$500/mo}}; fit for {{Starter}}. Low priority unless he mentions {{Stripe}} integration again.",
    ),
    (
        "lead_summary",
        "persian",
        "Lead insight request – [[PERSON|Parisa Rostami]] ({{Digikala}} alumni, now {{Head of Growth}} at a {{Berlin}} startup). "
        "Visited pricing {{7}} times from [[IP_ADDRESS|2a02:8108:1a40:3c9e:9d1:5e7f:c2a0:41b6]]. Email "
        "[[EMAIL|parisa@rostami.io]]. Suggest an angle for outreach.",
    ),
    (
        "lead_summary",
        "ghanaian",
        "Lead recap: [[PERSON|Akosua Mensah-Bonsu]], {{Ecobank}} Ghana, {{Head of Retail Banking}}. Met at the "
        "{{Accra}} fintech summit. Wants {{SMS}} + email sequences. Phone [[PHONE|+233 24 417 9902]]. Her colleague "
        "[[PERSON|Yaw Boateng]] handles IT ([[EMAIL|yaw.boateng@ecobank.com]]). Potential {{GHS 250,000}}.",
    ),
    (
        "lead_summary",
        "nordic",
        "Give me a 3-bullet summary: [[PERSON|Aino Virtanen]] (Procurement, {{Kone}}), mobile [[PHONE|040 739 2281]], "
        "evaluating {{Salesforce}} and us; liked our {{Power BI}} connector; next call {{Tuesday 14:00 EET}}.",
    ),
    (
        "lead_summary",
        "anglo",
        "Top 3 warm leads this week:\n1. [[PERSON|Grace Ng]] – {{Marks & Spencer}}, wants {{Atlas}} for 60 reps.\n"
        "2. [[PERSON|Summer Whitfield]] – {{Johnson & Johnson}} MedTech, trial ends {{June 21}}.\n"
        "3. [[PERSON|Hope Mensah-Dartey]] – {{Morgan Stanley}} wealth desk, asked for {{SOC 2}} report.",
    ),
    (
        "lead_summary",
        "latam",
        "LEAD: [[PERSON|Camila Fuentes-Arriagada]] | {{LATAM Airlines}} | {{Gerente Comercial}} | Santiago\n"
        "Cel [[PHONE|+56 9 8412 3307]] · [[EMAIL|cfuentes@latam.com]]\nNotes: wants Spanish + Portuguese; "
        "{{CLP}} pricing; decision {{September}}.",
    ),
    (
        "lead_summary",
        "portuguese",
        "Write a lead summary: [[PERSON|João Pedro Figueiredo]], {{EDP}} ({{Lisbon}}), asked on {{WhatsApp}} about "
        "multi-currency deals. Number [[PHONE|+351 912 406 381]]. Colleague [[PERSON|Tiago Vasconcelos]] "
        "forwarded our deck internally. Last seen at [[IP_ADDRESS|85.244.19.203]].",
    ),
    # ---------------------------------------------------------------- chat histories
    (
        "chat_history",
        "latam",
        "user: summarise my last 3 touches with [[PERSON|Valentina Urquiza]]\nassistant: 1) {{Feb 12}} – intro call, "
        "she asked about {{Mercado Libre}} integration. 2) {{Feb 20}} – you sent the {{Growth}} quote ({{US$9,400}}/yr). "
        "3) {{Mar 1}} – she replied from [[EMAIL|vurquiza@andeslogistica.com.ar]] asking to loop in "
        "[[PERSON|Joaquín Barrientos]].\nuser: ok draft a reply, cc [[PERSON|joaquín]]\nassistant: Sure – addressed to "
        "[[PERSON|Valentina]], cc [[PERSON|Joaquín]]:",
    ),
    (
        "chat_history",
        "kenyan",
        "user: customer [[PERSON|Kiprono Rotich]] read his card over the phone, [[CREDIT_CARD|4549 1210 3503 4465]], "
        "can you log it on deal {{D-20931}}?\nassistant: I shouldn't store full card numbers in deal notes. I can "
        "record that payment details were received on {{11 June}} and that [[PERSON|Kiprono]] chose the "
        "{{annual}} plan ({{KES 185,000}}).",
    ),
    (
        "chat_history",
        "israeli",
        "user: write a follow up to [[PERSON|Yehonatan Kessler]], we met at {{Cybertech}} in {{Tel Aviv}}\n"
        "assistant: Happy to. Should I mention the {{Insights Add-on}} demo or the {{₪2,900}}/month pricing?\n"
        "user: both. and tell him [[PERSON|Noa Ben-Haim]] from our team will call him on [[PHONE|053-441-7709]] "
        "on {{Sunday}}",
    ),
    (
        "chat_history",
        "nigerian",
        "user: who at {{Flutterwave}} have we spoken to?\nassistant: Three contacts: [[PERSON|Babatunde Adeyemi-Coker]] "
        "({{Head of Partnerships}}, [[EMAIL|tunde.ac@flutterwavego.com]]), [[PERSON|Ifeoma Eze]] ({{Product Lead}}, "
        "[[PHONE|0813 977 2450]]) and [[PERSON|Hauwa Abdullahi]] ({{Legal}}). Last activity: {{May 29}}, "
        "[[PERSON|Ifeoma]] asked for the {{v2.6}} API docs.\nuser: remind me what [[PERSON|Tunde]] wanted",
    ),
    (
        "chat_history",
        "turkish",
        'user: translate for my notes: "[[PERSON|Ayşe Demirtaş]] hanım {{Pazartesi}} toplantıya katılamıyor"\n'
        'assistant: "Ms [[PERSON|Ayşe Demirtaş]] cannot attend the meeting on {{Monday}}." Do you want me to move '
        "the {{Koç Holding}} meeting and notify [[PERSON|Serkan Öztürk]] as well?",
    ),
    (
        "chat_history",
        "vietnamese",
        "user: clean up this contact: name=[[PERSON|le van duc]] phone=[[PHONE|0912 384 775]] company={{FPT Software}}\n"
        "assistant: Name: [[PERSON|Lê Văn Đức]] (likely), phone: [[PHONE|+84 912 384 775]], company: {{FPT Software}}. "
        "Want me to save it under the {{Vietnam}} {{SMB}} segment?",
    ),
    (
        "chat_history",
        "south_asian",
        "user: Draft a polite nudge to [[PERSON|Tharindu Wickramasinghe]] – he hasn't signed the {{Dialog Axiata}} "
        "order form ({{OF-3318}}) since {{May 14}}.\nassistant: Subject: Quick check on {{OF-3318}}\nHi "
        "[[PERSON|Tharindu]], I hope the {{Vesak}} holidays went well...",
    ),
    (
        "chat_history",
        "mixed",
        "user: which of my deals are stuck in {{Negotiation}} for more than {{30 days}}?\nassistant: 4 deals: "
        "{{Noon}} ({{AED 88,000}}, owner [[PERSON|Mariam Al Falasi]]), {{Careem}} ({{AED 41,500}}, owner "
        "[[PERSON|Rowan Pettigrew]]), {{Talabat}} ({{AED 120,000}}, owner [[PERSON|Kavya Iyer]]) and {{Aldar}} "
        "({{AED 64,000}}, owner [[PERSON|Khalifa Al Mheiri]]).",
    ),
    (
        "chat_history",
        "russian",
        "user: Can you make this sound less blunt: \"[[PERSON|Vsevolod]], we can't do {{40%}} off. Max is {{20%}}. "
        'Call [[PERSON|Yulia Tkachenko]] on [[PHONE|+7 916 204-37-81]] if you want to argue."\n'
        'assistant: "Hi [[PERSON|Vsevolod]], thanks for your patience on the {{Kaspersky}} proposal..."',
    ),
    (
        "chat_history",
        "german",
        "user: log a call: [[PERSON|Annegret]] from {{Bosch Rexroth}}, 15 min, wants the {{Q3}} quote in EUR, "
        "callback [[PHONE|0171 4482093]]\nassistant: Logged on {{AN-2024-1187}}: call with [[PERSON|Annegret Schlüter]] "
        "({{15 min}}) – requests {{Q3}} quote in EUR; callback on [[PHONE|0171 4482093]].",
    ),
    # ---------------------------------------------------------------- meeting notes
    (
        "meeting_notes",
        "mixed",
        "Weekly pipeline sync – {{Monday 10 June}}\nAttendees: [[PERSON|Mariam Al Falasi]], [[PERSON|Rowan Pettigrew]], "
        "[[PERSON|Kavya Iyer]], [[PERSON|Dvir Shalev]]\n- {{Dubai}}: 3 new logos, {{AED 310k}} weighted\n"
        "- {{Tel Aviv}}: [[PERSON|Dvir]] chasing {{Teva}} legal\n- Action: [[PERSON|Kavya]] to send {{Q2}} forecast by "
        "{{Wednesday}}",
    ),
    (
        "meeting_notes",
        "japanese",
        "QBR with {{Rakuten}} – {{18 June}}\nPresent: [[PERSON|Haruka Nishiyama]] (client), [[PERSON|Takeshi Morimoto]] "
        "(client), [[PERSON|Rowan Pettigrew]] (us)\n1. Adoption at {{71%}}, target {{85%}} by {{Q4}}\n2. "
        "[[PERSON|Morimoto]]-san asked for SSO via {{Okta}}\n3. Renewal {{¥9.6M}}, decision in {{September}}",
    ),
    (
        "meeting_notes",
        "ghanaian",
        "Site visit notes (Kumasi warehouse)\n- Host: [[PERSON|Efua Quaye]], ops manager, [[PHONE|020 718 4432]]\n"
        "- Address for the install: [[ADDRESS|Plot 22, Block C, Adum, Kumasi]]\n- They run {{Odoo 16}}; need "
        "migration of {{12,000}} contacts\n- Next visit {{Thursday 4 July}}",
    ),
    (
        "meeting_notes",
        "french",
        "Compte rendu / minutes – {{Carrefour}} onboarding\nWith [[PERSON|Aurélien Dufresne]] and "
        "[[PERSON|Margaux Lecoeur]]\n• Go-live moved to {{1 October}}\n• [[PERSON|Margaux]] to share the "
        "{{SIRET}} list for the {{42}} stores\n• Open: {{GDPR}} DPA signature (legal, {{week 27}})",
    ),
    (
        "meeting_notes",
        "arab_levant",
        "Meeting w/ {{Zain}} Jordan digital team, {{Amman}}, {{Sunday}}.\n[[PERSON|Rasha Abu-Ghazaleh]] (sponsor) "
        "wants Arabic lead summaries; [[PERSON|Fadi Kanaan]] worried about data residency – asked if we host in "
        "{{Bahrain}}. [[PERSON|Hiba Toukan]]: budget {{JOD 40,000}}. Follow-up call {{next Tuesday}}, "
        "[[PERSON|Rasha]]'s mobile [[PHONE|+962 79 614 2087]].",
    ),
    (
        "meeting_notes",
        "south_asian",
        "Standup notes {{12/06}}\n[[PERSON|Rohit Deshpande]]: closed {{Tata Motors}} renewal ({{₹38 lakh}}).\n"
        "[[PERSON|Kavya Iyer]]: blocked on {{Infosys}} procurement portal.\n[[PERSON|Farzana Chowdhury]]: "
        "demo for {{Grameenphone}} {{Thursday}}; needs Bangla slides.",
    ),
    (
        "meeting_notes",
        "south_african",
        "Board prep w/ [[PERSON|Lerato Mokoena]] & [[PERSON|Johan van Wyk]]:\n* ARR {{R 14.2m}} (+{{18%}} YoY)\n"
        "* Churn in {{Durban}} region – [[PERSON|Sipho Dlamini]] to investigate\n* [[PERSON|Precious Dube]] starts as "
        "{{SDR}} on {{1 August}}",
    ),
    (
        "meeting_notes",
        "italian",
        "Kick-off {{Ferrari}} dealer network – {{Maranello}}, {{23 May}}\nCustomer side: [[PERSON|Gianluca Bertolazzi]] "
        "({{CIO}}), [[PERSON|Chiara Santangelo]] (project lead).\nDecisions: pilot in {{6}} dealers, {{€58,000}} "
        "fixed fee. [[PERSON|Gianluca]] to send dealer list by {{Friday}}.",
    ),
    # ---------------------------------------------------------------- support tickets
    (
        "support_ticket",
        "south_asian",
        "Ticket {{#SUP-30417}} | Priority: {{P2}} | Product: {{Insights Add-on}} {{v2.8.0}}\nReporter: "
        "[[PERSON|Priyanka Venkataraman]] <[[EMAIL|priyanka.v@naukri-partners.in]]>\nCustomer phone: "
        "[[PHONE|+91 98450 22713]]\nIssue: lead summary for [[PERSON|Anirudh Chakraborty]] shows the wrong deal value "
        "({{₹4,50,000}} instead of {{₹45,00,000}}). Started after {{Tuesday}}'s deploy.",
    ),
    (
        "support_ticket",
        "anglo",
        "{{ZD-88213}} — Login loop after password reset\nRequester: [[PERSON|Tamsin Hargreave]] ([[EMAIL|tamsin.h@brightwell-law.co.uk]])\n"
        "Browser: {{Chrome 125}} on {{macOS 14.5}}\nShe says the temporary password we sent, [[SECRET|Brightwell!2024x]], "
        "stopped working. Last login from [[IP_ADDRESS|86.14.201.77]]. Please summarise and suggest next steps.",
    ),
    (
        "support_ticket",
        "arab_gulf",
        "Customer: {{Majid Al Futtaim Retail}}\nContact: [[PERSON|Sultan Al Nuaimi]] – [[PHONE|04 294 8810]] ext 12\n"
        "Subject: {{WhatsApp}} sync stopped on {{8 June}}\nDetails: messages from [[PHONE|+971 58 902 3316]] (their "
        "store manager [[PERSON|Reem Al Shamsi]]) are not attached to the lead. Workspace {{mafr-prod}}, plan "
        "{{Enterprise}}.",
    ),
    (
        "support_ticket",
        "german",
        "Bug report from [[PERSON|Jörg Hainbuch]]: CSV import of {{4,812}} rows fails at row {{2,207}}. Row content "
        "(pasted by customer): [[PERSON|Möllenkamp]], [[PERSON|Friederike]];[[EMAIL|f.moellenkamp@hainbuch-gmbh.de]];"
        "[[PHONE|+49 160 97321844]];[[ADDRESS|Schillerstraße 8a, 70173 Stuttgart]]\nError: {{E_ENCODING_UTF8}}. "
        "Version {{v4.12.3}}.",
    ),
    (
        "support_ticket",
        "mixed",
        "Escalation {{ESC-0042}} – API key leaked in a support chat.\nThe customer ([[PERSON|Kaveh Jafarzadeh]], "
        "{{Snapp}}) pasted: OPENAI_API_KEY=[[SECRET|sk-proj-Zqumpm08hsE8JNpjJOQGa2rb19FlY0mG1ylvuhfJT3BlbkFJXqIEnomef2mSJ5CMTIeg]] "
        "into ticket {{#77120}}. Rotate and tell him by email: [[EMAIL|kaveh.j@snapp.cab]].",
    ),
    (
        "support_ticket",
        "chinese",
        "Ticket {{T-5521}} ({{P1}})\nCustomer [[PERSON|Huang Zixuan]] reports the {{Android}} app {{v3.1.4}} crashes "
        "when opening contact [[PERSON|Liang Xiaowen]]. Device {{Xiaomi 13}}. User IP "
        "[[IP_ADDRESS|223.104.63.12]]. Callback [[PHONE|+86 186 2173 4490]].",
    ),
    (
        "support_ticket",
        "polish",
        "Case {{#41877}}: invoice {{FV/2024/06/118}} shows the wrong billing address. Customer "
        "[[PERSON|Małgorzata Dąbrowska]] says it should be [[ADDRESS|ul. Piotrkowska 104 lok. 12, 90-004 Łódź]]. "
        "Refund of {{PLN 740}} to [[IBAN|PL31 0730 5390 2503 7406 0955 6911]] requested.",
    ),
    (
        "support_ticket",
        "ethiopian",
        "From the web widget ({{Sat 15 Jun}}, 21:14): \"Hi this is [[PERSON|Tigist Bekele]], I can't export my "
        'leads to {{Excel}}, the button is grey. my number [[PHONE|0911 482 630]]" – plan {{Starter}}, {{Addis Ababa}} '
        "region.",
    ),
    # ---------------------------------------------------------------- slack
    (
        "slack",
        "israeli",
        "[[PERSON|Liat Ohana]]  10:42\nanyone know why the {{Tel Aviv}} pipeline report shows 0 for {{June}}? @here\n"
        "[[PERSON|Dvir Shalev]]  10:44\nprob the {{v4.2.1}} sync bug, same as {{JIRA-2291}}. ping [[PERSON|moran]] "
        "she fixed it last time\n[[PERSON|Liat Ohana]]  10:45\nthx 🙏",
    ),
    (
        "slack",
        "anglo",
        "#deal-desk\n*[[PERSON|Rowan P]].*: need approval for {{22%}} discount on {{Amazon}} Ads deal ({{OPP-11802}})\n"
        "*[[PERSON|Wendell Okafor]]*: who's the champion?\n*[[PERSON|Rowan P]].*: [[PERSON|Declan Featherstone]], their {{Head of "
        "Media}}. mobile [[PHONE|+1 (312) 847-2290]] if you want to hear it from him\n*[[PERSON|Wendell Okafor]]*: "
        "approved to {{18%}}",
    ),
    (
        "slack",
        "mixed",
        "[[PERSON|Kavya Iyer]] 3:02 PM\nfyi staging DB creds got pasted in #general by mistake: "
        "postgres://crm_stage:[[SECRET|Wq9v!xR2pLm]]@db-staging.internal:5432/crm – rotating now, tracked in {{SEC-2041}}\n"
        "[[PERSON|Rohit Deshpande]] 3:05 PM\nalso revoke the {{GitHub}} token from the same paste and move both to {{HashiCorp Vault}}: "
        "[[SECRET|ghp_I5QfecJUyGTelVEnIKXVuuEomFKB8KyVQ3JY]]",
    ),
    (
        "slack",
        "arab_levant",
        "[[PERSON|Bassel Qassis]]: the {{Beirut}} dinner is confirmed for {{Thursday}} at 8\n[[PERSON|Bassel Qassis]]: "
        "guest list: [[PERSON|Tarek Chamoun]] ({{Bank Audi}}), [[PERSON|Nour El-Khatib]] ({{Anghami}}), maybe "
        "[[PERSON|Joelle Karam]]\n[[PERSON|Layal Sabbagh]]: I'll bring the {{Q2}} case study",
    ),
    (
        "slack",
        "dutch",
        "*thread in #benelux*\n[[PERSON|Femke Brouwer]]: {{Philips}} asked if we support {{iDEAL}} for self-serve\n"
        "[[PERSON|Maarten van der Veen]]: not yet, roadmap {{Q1 2025}}\n[[PERSON|Femke Brouwer]]: ok, I'll tell "
        "[[PERSON|Sanne]]. her new number is [[PHONE|+31 6 2847 1930]] btw, update the CRM pls",
    ),
    (
        "slack",
        "persian",
        "[[PERSON|Niloufar Esfandiari]] (she/her): reminder that {{Nowruz}} week the {{Istanbul}} team is off\n"
        "[[PERSON|Babak Sadeghian]]: noted. [[PERSON|Niloufar]] can you take the {{Arçelik}} call on {{20 March}}? "
        "contact is [[PERSON|Serkan Öztürk]], [[EMAIL|serkan.ozturk@arcelik.com]]",
    ),
    (
        "slack",
        "chinese",
        "bot: New lead assigned to you 🎉\n> *[[PERSON|Zhou Yiming]]* – {{Alibaba Cloud}} (MENA)\n"
        "> 📞 [[PHONE|+971 52 884 1206]]  ✉️ [[EMAIL|yiming.zhou@alibaba-inc.com]]\n> Source: {{LEAP}} {{Riyadh}} booth "
        "scan, {{4 March}}",
    ),
    (
        "slack",
        "nigerian",
        "[[PERSON|Blessing Okoro]]: @channel the {{Lagos}} office wifi pwd changed, it's "
        "[[SECRET|Ikoyi#Fibre2024]] now (pls don't paste in tickets), old one dies {{Monday}}\n[[PERSON|Goodluck Eze]]: thanks! is it the same "
        "for the {{Abuja}} guest network?",
    ),
    (
        "slack",
        "spanish",
        "[[PERSON|Rocío Cabañas]] 9:14\n{{CaixaBank}} wants the call {{Friday}} instead of {{Thursday}}, can someone "
        "cover? [[PERSON|Íñigo]] is at {{Mobile World Congress}}\n[[PERSON|Ainhoa Etxeberria]] 9:20\nI can. send me "
        "[[PERSON|Montse]]'s number\n[[PERSON|Rocío Cabañas]] 9:21\n[[PHONE|+34 634 902 117]]",
    ),
    (
        "slack",
        "ukrainian",
        "[[PERSON|Kateryna Bondarenko]]: quick one – {{Monobank}} renewal is {{UAH 1.2M}} for {{Q3}}, [[PERSON|Oleksandr]] says "
        "go\n[[PERSON|Kateryna Bondarenko]]: posting the AWS keys here was a mistake, deleting: "
        "[[SECRET|AKIAF7UUMRX47Z68ZQY9]] / [[SECRET|NkJnsrUgBhcpqIuRhWlMkU6ag5t+Zj3aoeWqeHGw]]",
    ),
    # ---------------------------------------------------------------- calendar invites
    (
        "calendar_invite",
        "japanese",
        "BEGIN:VEVENT\nSUMMARY:{{Quarterly Business Review}} – {{Rakuten}}\nDTSTART:{{20240618T010000Z}}\n"
        "ORGANIZER;CN=[[PERSON|Haruka Nishiyama]]:mailto:[[EMAIL|h.nishiyama@rakuten-partners.jp]]\n"
        "ATTENDEE;CN=[[PERSON|Takeshi Morimoto]];ROLE=REQ-PARTICIPANT:mailto:[[EMAIL|t-morimoto@rakuten-partners.jp]]\n"
        "LOCATION:Room 5F\\, [[ADDRESS|2-7-3 Hamamatsucho\\, Minato-ku\\, Tokyo 105-0013]]\nEND:VEVENT",
    ),
    (
        "calendar_invite",
        "arab_gulf",
        "Invitation: {{Emirates NBD}} – {{Atlas}} demo @ {{Wed 12 Jun 2024}} {{11am - 12pm}} (GST)\n"
        "Organizer: [[EMAIL|khalifa.almheiri@ourcrm.ae]]\nGuests: [[PERSON|Khalifa Al Mheiri]], "
        "[[PERSON|Shamma Al Suwaidi]] ([[EMAIL|shamma.alsuwaidi@emiratesnbd.com]]), [[PERSON|Rowan Pettigrew]]\n"
        "Where: [[ADDRESS|Villa 12, Street 4, Jumeirah 1, Dubai]]",
    ),
    (
        "calendar_invite",
        "anglo",
        "Meeting: Contract walkthrough\nWhen: {{Thursday, 20 June}} {{15:00–15:45}} BST\nWho: [[PERSON|Maisie Trevelyan]], "
        "[[PERSON|Hollis Fairweather]], [[PERSON|Imogen Sayle]]\nWhere: {{Microsoft Teams}} (meeting ID {{382 551 908 774}})\n"
        "Notes: [[PERSON|Hollis]] to bring the {{MSA v3}} redlines.",
    ),
    (
        "calendar_invite",
        "south_african",
        "📅 Lunch – [[PERSON|Pieter du Plessis]] x [[PERSON|Sipho Dlamini]]\n{{Fri 5 July}}, {{12:30}}\n"
        "📍 [[ADDRESS|22 Kloof Street, Gardens, Cape Town 8001]]\nAgenda: {{Old Mutual}} expansion, {{Q3}} quota",
    ),
    (
        "calendar_invite",
        "turkish",
        'Calendar: "{{Arçelik}} – {{Pipeline Pro}} onboarding (2/3)"\nDate: {{25.06.2024}} {{14:00}} (GMT+3)\n'
        "Organizer: [[PERSON|Elif Yıldırım]]\nParticipants: [[PERSON|Burak Çelikkaya]], [[PERSON|Serkan Öztürk]]\n"
        "Location: [[ADDRESS|Bağdat Cad. No: 214 D:7, Kadıköy, İstanbul]]",
    ),
    (
        "calendar_invite",
        "greek",
        "Subject: Accepted: {{Cosmote}} – renewal pricing\nFrom: [[PERSON|Stavros Kouris]] <[[EMAIL|skouris@cosmote-business.gr]]>\n"
        "When: {{Tuesday 9 July}} {{10:00}} (EEST)\nAlso invited: [[PERSON|Athina Lamprou]]\nAgenda: {{5G}} bundle for {{1,400}} lines",
    ),
    (
        "calendar_invite",
        "mixed",
        "Can you suggest a slot that works for everyone? [[PERSON|Tigist Bekele]] is in {{Addis Ababa}} (EAT), "
        "[[PERSON|Eirik Solberg]] in {{Oslo}} (CEST), [[PERSON|Kiprono Rotich]] in {{Nairobi}}, "
        "[[PERSON|Seo Yeon-woo]] in {{Seattle}}. Avoid {{Friday}}, keep it under {{45 minutes}}.",
    ),
    # ---------------------------------------------------------------- structured: JSON
    (
        "json_record",
        "ghanaian",
        '{"contact_name": "[[PERSON|Kwabena Asante]]", "company": "{{MTN Ghana}}", "title": "{{Procurement Lead}}", '
        '"mobile": "[[PHONE|+233 24 681 5507]]", "email": "[[EMAIL|kwabena.asante@mtn.com.gh]]", '
        '"deal_stage": "{{Negotiation}}", "amount": {{68000}}, "currency": "{{USD}}"}',
    ),
    (
        "json_record",
        "arab_gulf",
        '{\n  "account": "{{e& enterprise}}",\n  "primaryContact": {\n    "fullName": "[[PERSON|Mariam Al Falasi]]",\n'
        '    "jobTitle": "{{Head of CX}}",\n    "mobile": "[[PHONE|+971 50 318 2271]]"\n  },\n'
        '  "billing": {\n    "iban": "[[IBAN|AE040336928441201701523]]",\n    "address": "[[ADDRESS|Villa 27, Street 14b, Al Barsha 2, Dubai]]"\n'
        '  },\n  "plan": "{{Enterprise}}",\n  "renewal": "{{2025-01-31}}"\n}',
    ),
    (
        "json_record",
        "mixed",
        '[{"deal": "{{Siemens Healthineers}} EMEA", "value_eur": {{142000}}, "rep": "[[PERSON|Matthias Quandt-Reuter]]", '
        '"stage": "{{Proposal}}"}, {"deal": "{{Tesla}} Gigafactory Berlin", "value_eur": {{38500}}, '
        '"rep": "[[PERSON|Friederike Möllenkamp]]", "stage": "{{Discovery}}"}, {"deal": "{{Porsche}} Digital", '
        '"value_eur": {{77000}}, "rep": "[[PERSON|Callum McIlroy]]", "assignee": "[[PERSON|Jörg Hainbuch]]", "stage": "{{Won}}"}]',
    ),
    (
        "json_record",
        "mixed",
        '{"event": "{{Dubai expo}} debrief", "date": "{{2024-03-07}}", "attendees": ["[[PERSON|Hamdan Al Mazrouei]]", '
        '"[[PERSON|Chen Haoran]]", "[[PERSON|Wanjiru Kamau]]", "[[PERSON|Kaveh Jafarzadeh]]"], "owner": '
        '"[[PERSON|Noura Al Ketbi]]", "next_step": "send {{Atlas}} one-pager by {{Sunday}}"}',
    ),
    (
        "tool_result",
        "french",
        'Tool result (crm.search_contacts):\n{"results": [{"id": "{{c_48812}}", "name": "[[PERSON|Ren\\u00e9e Lef\\u00e8vre]]", '
        '"email": "[[EMAIL|renee.lefevre@credit-agricole.fr]]", "city": "Lyon", "phone": "[[PHONE|+33 4 78 92 41 06]]"}, '
        '{"id": "{{c_48813}}", "name": "[[PERSON|Fran\\u00e7ois Gu\\u00e9rin]]", "email": "[[EMAIL|f.guerin@credit-agricole.fr]]", '
        '"city": "Lyon", "phone": null}], "total": {{2}}}',
    ),
    (
        "tool_result",
        "turkish",
        '{"tool": "get_deal", "output": {"deal_id": "{{D-70215}}", "title": "{{Migros}} loyalty CRM", "contact": '
        '"[[PERSON|Ay\\u015fe Demirta\\u015f]]", "contact_phone": "[[PHONE|+90 532 418 2297]]", "owner": '
        '"[[PERSON|Burak \\u00c7elikkaya]]", "amount_try": {{1850000}}, "close_date": "{{2024-09-30}}"}}',
    ),
    (
        "json_record",
        "south_asian",
        '{"lead_id": "{{L-20240611-0042}}", "firstName": "[[PERSON|Farzana]]", "lastName": "[[PERSON|Chowdhury]]", '
        '"company": "{{Grameenphone}}", "phone": "[[PHONE|+880 1711-482903]]", "signup_ip": "[[IP_ADDRESS|103.4.145.22]]", '
        '"utm_campaign": "{{ramadan_2024_bd}}", "score": {{67}}}',
    ),
    (
        "json_record",
        "anglo",
        '{"payment_method": {"type": "card", "brand": "{{Mastercard}}", "number": "[[CREDIT_CARD|5138 2606 0586 5165]]", '
        '"cardholder": "[[PERSON|HOLLIS J FAIRWEATHER]]"}, "invoice": "{{INV-2024-06-0193}}", "amount": "{{$1,249.00}}", '
        '"billing_address": "[[ADDRESS|77 Beacon St, Boston, MA 02108]]"}',
    ),
    (
        "tool_result",
        "mixed",
        'webhook config returned by integrations.list():\n{"name": "{{Zapier}} → {{Slack}}", "url": '
        '"https://hooks.example-crm.io/v1/in/{{wh_7781}}", "headers": {"Authorization": "Bearer '
        '[[SECRET|eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzQ0MTkiLCJ0ZW5hbnQiOiJhY21lIn0.Qv3h8kZr2Lw9PbXo1sYtNcE4uGm7dFjA6HpVxTqR0yk]]"}, '
        '"slack_token": "[[SECRET|xoxb-44787909165-5491552172207-Ksvw8f46QqXYilvBSbELgGOB]]", "created_by": '
        '"[[PERSON|Rohit Deshpande]]", "version": "{{2.3.0}}"}',
    ),
    (
        "json_record",
        "korean",
        '{"contacts":[{"nm":"[[PERSON|Kim Dasom]]","tel":"[[PHONE|010-3928-4417]]","org":"{{Naver}}"},'
        '{"nm":"[[PERSON|Hwang In-sook]]","tel":"[[PHONE|02-2187-6630]]","org":"{{Kakao}}"}],"region":"{{APAC}}","page":1}',
    ),
    (
        "json_record",
        "israeli",
        '{"customer": {"name_he": "[[PERSON|שירה בן עמי]]", "name_en": "[[PERSON|Shira Ben-Ami]]", "teudat_zehut": '
        '"[[IL_ID|045224375]]", "phone": "[[PHONE|+972 58-772-0413]]", "bank_iban": "[[IBAN|IL360108006952940756136]]"}, '
        '"product": "{{Pipeline Pro}}", "seats": {{12}}, "price_ils": {{4680}}}',
    ),
    # ---------------------------------------------------------------- structured: CSV / TSV
    (
        "csv",
        "mixed",
        "name,email,phone,country,plan,mrr\n"
        "[[PERSON|Sigrid Lindqvist]],[[EMAIL|sigrid.lindqvist@northvolt.se]],[[PHONE|+46 70 384 12 96]],Sweden,{{Starter}},{{490}}\n"
        "[[PERSON|Chidi Okafor]],[[EMAIL|chidi.okafor@paystack-hq.com]],[[PHONE|+234 805 331 9024]],Nigeria,{{Growth}},{{1200}}\n"
        "[[PERSON|Harini Subramanian]],[[EMAIL|harini.s@zohocorp-partners.in]],[[PHONE|+91 73388 20415]],India,{{Growth}},{{980}}\n"
        "[[PERSON|Lachlan O'Dwyer]],[[EMAIL|lachlan@odwyer-agri.com.au]],[[PHONE|+61 438 207 615]],Australia,{{Enterprise}},{{4300}}",
    ),
    (
        "csv",
        "german",
        "Nachname;Vorname;Firma;Telefon;Ort;Umsatz\n"
        "[[PERSON|Schlüter]];[[PERSON|Annegret]];{{Bosch Rexroth}};[[PHONE|09352 18-4470]];Lohr am Main;{{€ 84.000}}\n"
        "[[PERSON|Quandt-Reuter]];[[PERSON|Matthias]];{{Siemens Healthineers}};[[PHONE|0151 24871936]];Erlangen;{{€ 142.000}}\n"
        "[[PERSON|Yılmaz]];[[PERSON|Deniz]];{{Lufthansa Cargo}};[[PHONE|+49 69 696 44871]];Frankfurt;{{€ 39.500}}",
    ),
    (
        "csv",
        "anglo",
        '"Contact","Address","Phone","Owner","Stage","Value"\n'
        '"[[PERSON|Abernethy]], [[PERSON|Moira]]","[[ADDRESS|Flat 3, 27 Pembroke Road, Clifton, Bristol BS8 3BA]]","[[PHONE|07384 552 901]]","[[PERSON|Torin Blackwood]]","{{Qualified}}","{{£18,000}}"\n'
        '"[[PERSON|O\'Sullivan]], [[PERSON|Cathal]]","[[ADDRESS|12 Dawson Street, Dublin 2, D02 K283]]","[[PHONE|+353 87 412 3390]]","[[PERSON|Torin Blackwood]]","{{Proposal}}","{{€42,500}}"',
    ),
    (
        "csv",
        "israeli",
        "full_name,id_number,mobile,city,deal_value_ils,stage\n"
        "[[PERSON|Moran Biton]],[[IL_ID|517889150]],[[PHONE|0547712093]],Rishon LeZion,{{18500}},{{won}}\n"
        "[[PERSON|Yael Sasson-Harari]],[[IL_ID|076357672]],[[PHONE|052-6634418]],Be'er Sheva,{{7200}},{{lost}}\n"
        "[[PERSON|Eitan Abramov]],[[IL_ID|554396614]],[[PHONE|+972544019287]],Haifa,{{32000}},{{proposal}}",
    ),
    (
        "tsv",
        "mixed",
        "timestamp\tuser\tip\taction\n"
        "{{2024-06-11T08:14:22Z}}\t[[EMAIL|a.fujisawa@ourcrm.jp]]\t[[IP_ADDRESS|126.15.233.41]]\t{{export_leads}}\n"
        "{{2024-06-11T08:19:03Z}}\t[[EMAIL|gokhan.aydogdu@turkcell.com.tr]]\t[[IP_ADDRESS|2a02:ff0:3309:1c::7a]]\t{{login}}\n"
        "{{2024-06-11T09:02:47Z}}\t[[EMAIL|n.mwangi@ourcrm.io]]\t[[IP_ADDRESS|41.90.64.117]]\t{{delete_contact}}",
    ),
    (
        "tsv",
        "nordic",
        "Rep\tAccount\tContact\tMobile\tARR\n"
        "[[PERSON|Bjørn Halvorsen]]\t{{Equinor}}\t[[PERSON|Eirik Solberg]]\t[[PHONE|928 14 602]]\t{{NOK 960 000}}\n"
        "[[PERSON|Sigrid Lindqvist]]\t{{IKEA}}\t[[PERSON|Linnéa Åkesson]]\t[[PHONE|073-518 22 64]]\t{{SEK 1 450 000}}\n"
        "[[PERSON|Bjørn Halvorsen]]\t{{Novo Nordisk}}\t[[PERSON|Henrik Østergaard]]\t[[PHONE|+45 20 48 19 73]]\t{{DKK 2 100 000}}",
    ),
    # ---------------------------------------------------------------- structured: key: value
    (
        "key_value",
        "arab_levant",
        "Contact card\nName: [[PERSON|Rasha Abu-Ghazaleh]]\nTitle: {{Chief Digital Officer}}\nCompany: {{Zain Jordan}}\n"
        "Mobile: [[PHONE|0796142087]]\nEmail: [[EMAIL|rasha.aboghazaleh@jo.zain.com]]\nAddress: "
        "[[ADDRESS|Building 15, King Abdullah II Street, Amman 11195]]\nSegment: {{Telco}} / {{Tier 1}}",
    ),
    (
        "key_value",
        "nigerian",
        'lead:\n  full_name: [[PERSON|Ifeoma Eze]]\n  company: {{Flutterwave}}\n  phone: "[[PHONE|+2348139772450]]"\n'
        "  email: [[EMAIL|ifeoma.eze@flutterwavego.com]]\n  source: {{Webinar}} ({{14 May}})\n  owner: [[PERSON|Goodluck Eze]]\n"
        "  stage: {{MQL}}",
    ),
    (
        "key_value",
        "mixed",
        "# .env pasted by customer into ticket {{#80314}} – tell them what is wrong\nCRM_BASE_URL=https://api.ourcrm.io/{{v2}}\n"
        "OPENAI_API_KEY=[[SECRET|sk-1ZTVnVv2fgKD0f6YYIgrCOX6Jhw7Hd11XzWL8MHpoKEzViXZ]]\n"
        "SENDGRID_KEY=[[SECRET|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]]\n"
        "DB_PASSWORD=[[SECRET|r7#Lq2!vNz8@Kd]]\nTIMEZONE={{Asia/Dubai}}\nMAX_SEATS={{250}}",
    ),
    (
        "key_value",
        "ethiopian",
        "Name - [[PERSON|Dawit Alemayehu]] | Role - {{Country Manager}} | Co - {{Ethiopian Airlines}} Holidays | "
        "Tel - [[PHONE|+251 91 146 2087]] | Email - [[EMAIL|dawit.alemayehu@ethiopianholidays.com]] | Deal - {{ETB 2.4M}}",
    ),
    # ---------------------------------------------------------------- structured: markdown tables
    (
        "markdown_table",
        "mixed",
        "Summarise this pipeline:\n\n| Deal | Owner | Contact | Value | Close |\n|---|---|---|---|---|\n"
        "| {{Aramco}} Digital | [[PERSON|Kavya Iyer]] | [[PERSON|Faisal Al-Otaibi]] | {{SAR 1.1M}} | {{Q3}} |\n"
        "| {{Amazon}} MENA | [[PERSON|Rowan Pettigrew]] | [[PERSON|Ximena Castañeda]] | {{$310k}} | {{July}} |\n"
        "| {{Apple}} Retail UAE | [[PERSON|Mariam Al Falasi]] | [[PERSON|Nikhil Bhattacharya]] | {{AED 540k}} | {{August}} |",
    ),
    (
        "markdown_table",
        "anglo",
        "| Attendee | Company | Mobile | Dietary |\n|:--|:--|:--|:--|\n"
        "| [[PERSON|Declan Featherstone]] | {{Amazon Ads}} | [[PHONE|(312) 847-2290]] | none |\n"
        "| [[PERSON|Rose Abiodun]] | {{Unilever}} | [[PHONE|+44 7458 310 992]] | vegetarian |\n"
        "| [[PERSON|Will Ashby]] | {{Deloitte}} | [[PHONE|646.839.2274]] | halal |",
    ),
    (
        "markdown_table",
        "israeli",
        "KYC checklist for {{Bank Hapoalim}} onboarding:\n\n| Field | Value |\n|---|---|\n| Signatory | "
        "[[PERSON|Yehonatan Kessler]] |\n| Teudat Zehut | [[IL_ID|947449476]] |\n| Payout IBAN | "
        "[[IBAN|IL39 0126 4564 4427 8779 558]] |\n| Address | [[ADDRESS|רחוב הרצל 41, דירה 6, חיפה]] |\n| Plan | {{Enterprise}} |\n| Start date | {{1 July 2024}} |",
    ),
    (
        "markdown_table",
        "mixed",
        "### Support queue – {{Monday}}\n| Ticket | Customer | Reporter | Summary |\n|---|---|---|---|\n"
        "| {{#SUP-30511}} | {{Careem}} | [[PERSON|Mohammed Saleh Bakr]] | export stuck at {{99%}} |\n"
        "| {{#SUP-30514}} | {{Jumia}} | [[PERSON|Adaeze Nwachukwu]] | can't merge duplicates |\n"
        "| {{#SUP-30520}} | {{Yandex}} Go | [[PERSON|Dmitriy Sokolov]] | SSO error {{AADSTS50011}} |",
    ),
    # ---------------------------------------------------------------- more mixed identifiers
    (
        "email_draft",
        "anglo",
        "Hi [[PERSON|Brett Kowalczyk]],\n\nYour {{American Express}} card [[CREDIT_CARD|3779 622490 80751]] was declined "
        "for the {{March}} renewal ({{INV-US-22017}}, {{$3,600.00}}). Could you update it in the billing portal "
        "by {{Friday, April 5}}? Otherwise the {{Growth}} workspace drops to read-only.\n\n– Billing, on behalf of "
        "[[PERSON|Maisie Trevelyan]]",
    ),
    (
        "support_ticket",
        "mixed",
        "Security review {{SR-118}}: found two live credentials in call transcripts synced from {{Gong}}.\n"
        "1. Stripe key read aloud by the customer's dev ([[PERSON|Nikhil Bhattacharya]]): "
        "[[SECRET|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]]\n"
        "2. Hugging Face token in a pasted notebook: [[SECRET|hf_gCWBn1Bue6bsBu4RstbtSPrwfm74O5bFGE]]\n"
        "Both revoked on {{12 June}}. Draft the customer notice.",
    ),
    (
        "lead_summary",
        "german",
        "Converted lead: [[PERSON|Annika Vogelsang]] ({{Zalando}} SE, {{Team Lead CRM}}). Chose monthly SEPA direct debit "
        "– mandate {{MND-004117}}, IBAN [[IBAN|DE47 3704 0044 1775 7819 97]]. Phone [[PHONE|+49 176 2281 5043]]. "
        "First debit {{1 July}}, {{€ 1.290}}.",
    ),
    (
        "call_notes",
        "anglo",
        "Finance callback: [[PERSON|Callum McIlroy]] confirmed the commission overpayment ({{£2,140}}) should be "
        "returned to [[IBAN|GB54 BARC 2004 1556 2372 24]] – that's [[PERSON|Imogen Sayle]]'s account, she left in "
        "{{April}}. Her personal mobile on file: [[PHONE|07458 310 992]]. Ref {{HR-PAY-0917}}.",
    ),
    (
        "chat_history",
        "mixed",
        "user: why does the sync fail? here's my config\nMONGO_URI=mongodb+srv://sync_user:[[SECRET|T8mQ2vX9pL4w]]@cluster0.ab12c.mongodb.net/crm?retryWrites=true\n"
        "assistant: The URI itself looks fine for {{MongoDB Atlas}} {{7.0}}. The error {{E11000}} means a duplicate key – "
        "two contacts share the same external id. You should also rotate that password, since it's now in this chat.",
    ),
    (
        "meeting_notes",
        "arab_gulf",
        "Riyadh visit – {{Tuesday 21 May}}\nMet [[PERSON|Faisal Al-Otaibi]] and [[PERSON|Lamia Al-Harbi]] at {{STC}}.\n"
        "- They pay by bank transfer only; refunds to [[IBAN|SA17 8034 6320 2687 4965 1007]]\n- [[PERSON|Lamia]]: "
        "[[PHONE|+966 55 318 2740]]\n- Need {{Arabic}} UI and {{ZATCA}} e-invoicing before {{Ramadan}}",
    ),
    (
        "slack",
        "mixed",
        "#security-alerts\n🚨 {{Cloudflare}} blocked 412 login attempts on {{Saturday}} for [[EMAIL|r.pettigrew@ourcrm.io]] "
        "from [[IP_ADDRESS|185.220.101.34]] and [[IP_ADDRESS|2001:67c:e60:c0c:192:42:116:16]]. Last good login: "
        "[[IP_ADDRESS|94.200.17.88]] ({{Dubai}}). [[PERSON|Rowan]] please reset your password.",
    ),
    (
        "lead_summary",
        "anglo",
        "Background check summary for the {{Premier Credit}} application:\nApplicant: [[PERSON|Wendell Okafor]]\n"
        "SSN: [[US_SSN|168 65 9384]]\nAddress: [[ADDRESS|4410 Greenwood Ave N, Seattle, WA 98103]]\nCredit tier: {{B}}, "
        "limit {{$25,000}}.",
    ),
    (
        "email_signature",
        "anglo",
        "Cheers,\n[[PERSON|Rory MacAskill]]\n{{Solutions Engineer}}, {{Shopify}} Plus\n[[PHONE|(604) 688-3120]] x402\nSee you at {{Shopify Editions}} {{Summer '24}}\n"
        "[[ADDRESS|1055 W Georgia St, Suite 2400, Vancouver, BC V6E 3P3]]",
    ),
    (
        "call_notes",
        "mixed",
        "Zurich call: [[PERSON|Léonie Brunner]] ({{UBS}} procurement). Prefers invoices in {{CHF}}; "
        "our refund for the overbilled {{Q1}} goes to [[IBAN|CH52 0076 2361 0867 7054 6]]. Mobile "
        "[[PHONE|+41 79 418 22 07]]. Her manager [[PERSON|Urs Zimmermann]] signs above {{CHF 50,000}}.",
    ),
    (
        "json_record",
        "latam",
        '{"ticket":"{{#CS-6120}}","assignee":"[[PERSON|Thiago Rezende]]","customer":{"nome":"[[PERSON|Luíza Cardoso Meireles]]",'
        '"cpf_masked":"***.***.***-**","cartao":"[[CREDIT_CARD|4030-1592-5953-8767]]","celular":"[[PHONE|(21) 99743-1180]]"},'
        '"produto":"{{Pipeline Pro}}","valor":"{{R$ 2.390,00}}"}',
    ),
    (
        "chat_history",
        "japanese",
        "user: [[PERSON|Morimoto]] emailed his JCB card for the deposit, [[CREDIT_CARD|3528697844368217]]. charge "
        "{{¥300,000}}?\nassistant: Please don't process cards sent by email – ask [[PERSON|Takeshi]] to pay through "
        "the {{Stripe}} checkout link for {{INV-JP-0442}} instead.",
    ),
    (
        "support_ticket",
        "anglo",
        "Billing ticket {{BIL-20457}}: [[PERSON|Marisol Quintanilla-Reyes]] was charged twice for {{Pipeline Pro}} "
        "({{$149.00}} on {{May 3}}). Please refund the second charge to her Discover card [[CREDIT_CARD|6011-1656-1405-3234]] "
        "and reply to [[EMAIL|marisol.qr@sunbeltsupply.us]] – she's in {{Texas}}, prefers calls after 4pm CT at "
        "[[PHONE|(512) 874-3309]].",
    ),
    (
        "call_notes",
        "anglo",
        "Partner payouts: new referral partner [[PERSON|Desmond Achterberg]] sent his W-9 – SSN [[US_SSN|320-09-8498]], "
        "mailing address [[ADDRESS|PO Box 2291, Boise, ID 83701]]. First commission {{$2,750}} for the {{Costco}} "
        "referral ({{REF-3310}}), payable {{15 July}}.",
    ),
    (
        "chat_history",
        "mixed",
        "user: [[PERSON|Nikos Alexandropoulos]] wants to pay the {{Athens}} workshop by card, he sent two: a Mastercard "
        "[[CREDIT_CARD|2221 5803 3558 6087]] and a Diners [[CREDIT_CARD|3644 832665 3671]]. which one do we accept?\n"
        "assistant: Our {{Stripe}} account accepts {{Mastercard}}; {{Diners Club}} is disabled for {{EUR}} invoices. "
        "Please send [[PERSON|Nikos]] the payment link rather than keying card numbers into the CRM.",
    ),
    (
        "key_value",
        "anglo",
        "Onboarding form ({{Premier Credit}} co-applicant)\nFull name ..... [[PERSON|Keisha Montgomery-Oduya]]\n"
        "SSN# .......... [[US_SSN|742362160]]\nHome phone .... [[PHONE|404-872-1190]]\nStreet ........ "
        "[[ADDRESS|318 Auburn Ave NE, Atlanta, GA 30303]]\nProduct ....... {{Gold Line}} / {{APR 21.9%}}",
    ),
    (
        "support_ticket",
        "mixed",
        "Customer's integration log (ticket {{#SUP-30602}}, {{Geo Enrichment}} add-on {{v1.9.2}}):\n"
        "GET /maps/api/geocode/json?address=Dubai+Marina&key=[[SECRET|AIzaSyQ9UODdfdFd2lA2D-FNQEoQ-_xZ90txdeg]] → {{403}}\n"
        "POST /repos/sync  Authorization: token [[SECRET|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]] → {{201}}\n"
        "Reported by [[PERSON|Omid Karimi-Nejad]]. Explain the {{403}} in plain English.",
    ),
]
