# ruff: noqa: E501  (data tables: long marked strings read better unbroken)
"""Blind evaluation pool P for the sales-CRM privacy proxy: 150 realistic texts that a CRM used by sales teams in Israel, the UAE, the wider Gulf and worldwide would send to an LLM, spread evenly over fifteen kinds that earlier pools lacked (contract excerpts, CVs and candidate profiles, real-estate deals, field visit reports, expense reports, commission statements, lead-routing rules, trade-show badge scans, win/loss interviews, GDPR and PDPL data requests, travel bookings, Telegram group chats, HTML email bodies, Jira/GitHub issues and sales leaderboard announcements), written in English (60), Hebrew (38), Arabic (37: Emirati, Saudi, Kuwaiti, Qatari, Bahraini, Omani, Levantine, Palestinian, Jordanian, Egyptian, Iraqi, Moroccan, Algerian, Tunisian, Sudanese, Yemeni and MSA registers) and 15 other languages or mixes (French, Hinglish, Spanish, Indonesian, German, Brazilian Portuguese, Russian, Turkish, Italian, Dutch, Persian, Lebanese Arabizi, Polish, Hebrew/English tech slang, Amharic); people come from dozens of cultures (Ashkenazi, Mizrahi, Ethiopian, Russian-speaking, Druze, Bedouin, Arab-Israeli, Haredi, Yemenite, Georgian and Bukharan Israelis, Gulf Arabs, Levantines, Egyptians, Maghrebis, Sudanese, Somalis, Yoruba, Igbo, Hausa, Ghanaians, Kenyans, South Africans, South Asians, Southeast and East Asians, Turks, Iranians, Armenians, Georgians, Slavs, Western Europeans, Latin Americans, Anglo, Irish, Scottish and Greek names) and appear with particles (bin, bint, Al, El, Abu, ben, van der, de la, dos, von, Mac, O'), hyphens, apostrophes, Hebrew geresh, initials, titles, kunyas, nicknames, chat handles, ALL CAPS form fields, lower-case chat mentions and inside emails, JSON, CSV and HTML; identifiers follow real conventions and are valid (phones per libphonenumber in local and international formats, sometimes in Arabic-Indic digits; Luhn-valid cards; mod-97 IBANs from IL, AE, SA, QA, KW, GB, DE and FR; check-digit-valid Israeli IDs; in-range SSNs; IPv4 and IPv6; API keys, tokens, webhook secrets and passwords), and addresses use local formats with units, floors, PO boxes, postcodes and Hebrew or Arabic script; the hard controls are companies and institutions named after people that sit next to people with the same surname (Strauss, Rami Levy, Abdul Latif Jameel, Talal Abu-Ghazaleh, Hilton, Ferrari, Bajaj, Dangote, Alghanim), streets, airports and universities named after people but mentioned without a number, towns that are also given names, name-like ordinary words (Hebrew חן, טל, גיל, אור, שלום, מזל, עמית; Arabic أمل, نور, كريم, سلام, سعيد, صالح, مبارك; English will, grace, hope, bill, mark, patience, chase), Gregorian, Hebrew and Hijri dates, holidays, amounts in many currencies, percentages and ticket, invoice, deal, SKU, build and version numbers shaped like phones, IDs or IP addresses.
[[TYPE|value]] marks a personal value, {{value}} a control phrase.
"""

from __future__ import annotations

RECORDS: list[tuple[str, str, str]] = [
    # ------------------------------------------------------------------ contract_excerpt
    (
        "contract_excerpt",
        "en/IL-Ashkenazi",
        """CONTRACT EXCERPT – summarise obligations and flag anything unusual for the deal desk.\n\n§1 Parties. This Master Services Agreement is made on {{14 March 2025}} between {{Strauss Group Ltd.}} ("Customer"), represented by [[PERSON|Michal Strauss-Hirsch]], {{Head of Procurement}}, and {{Lumen Ops Ltd.}} ("Vendor"), represented by [[PERSON|Avraham "Avi" Rosenblum]], {{CEO}}. Notices to Customer: [[ADDRESS|Hasivim St 49, Petah Tikva 4959504]], attn. [[PERSON|Michal]]; copy to Adv. [[PERSON|Yehuda Katzenelson]] ([[EMAIL|y.katzenelson@kz-law.co.il]]).\n§4 Fees. Annual subscription of {{₪412,000}} plus VAT, invoiced quarterly from {{INV-SG-2025-0031}} onwards, {{net 45}}. Payments to Vendor account [[IBAN|IL710128001145084187031]] at {{Bank Leumi}}.\n§9 Term. {{36 months}}; either party may terminate on {{90 days}} notice. Renewal reminder owner: [[PERSON|Avi]]. Customer's contract manager [[PERSON|Noa Grinshpan]] ([[PHONE|052-781-4406]]) must countersign change orders.\nNote from [[PERSON|Rosenblum]]: {{Strauss}} legal wants to strike §11.3 (uncapped indemnity) and [[PERSON|Grinshpan]] hinted they {{will}} accept a 2x cap.""",
    ),
    (
        "contract_excerpt",
        "en/AE-Emirati",
        """Extract from Distribution Agreement {{DA-UAE-0447}} — need a plain-English summary for [[PERSON|Hamdan]] before the {{Thursday}} call.\n\nClause 2 (Appointment): {{Al Tayer Trading LLC}} appoints {{Nordvik Audio FZE}} as exclusive distributor for {{Dubai}}, {{Sharjah}} and {{Ajman}}. Principal contact: [[PERSON|Hamdan Saeed Al Mazrouei]], {{General Manager}}, [[ADDRESS|P.O. Box 11907, Office 1204, Al Moosa Tower 2, Sheikh Zayed Road, Dubai]], mobile [[PHONE|+971 50 117 7774]]. Distributor contact: [[PERSON|Fatma bint Khalfan Al Suwaidi]] ([[EMAIL|fatma.alsuwaidi@nordvik-audio.ae]]).\nClause 5 (Minimum purchase): {{AED 2,750,000}} in year one; a shortfall above {{15%}} triggers a review.\nClause 14 (Governing law): {{DIFC}} courts. Witnesses: [[PERSON|Rashid Obaid Al Ketbi]] and [[PERSON|Sreekumar Pillai]].\nSide note: [[PERSON|Fatma]] says {{Ramadan}} shipments slow down and asks to shift the Q2 target to {{Shawwal}}. Also cc [[PERSON|Hamdan]]'s assistant [[PERSON|Joy Dizon]] ([[PHONE|055 903 4418]]), not the whole {{Al Tayer}} legal team.""",
    ),
    (
        "contract_excerpt",
        "en/NG-Yoruba",
        """Can you check this NDA excerpt against our standard template? Flag differences only.\n\nMUTUAL NON-DISCLOSURE AGREEMENT — effective {{1 February 2025}}\nBetween {{Dangote Industries Limited}} ("Disclosing Party"), acting through [[PERSON|Oluwaseun Adeyemi-Bakare]], {{Group Head, Digital}}, and {{Kestrel Analytics Ltd}}, acting through [[PERSON|Chinedu Okafor]], {{Managing Director}}.\n3.1 Confidential Information excludes information already lawfully known to the Receiving Party.\n7.2 Term: {{two (2) years}} after the last disclosure.\n11. Notices: [[ADDRESS|1 Alfred Rewane Road, Falomo, Ikoyi, Lagos 106104]], for the attention of Mrs. [[PERSON|Folake Ogundipe]] ([[EMAIL|folake.ogundipe@dangote-ind.ng]], [[PHONE|0803 409 3056]]).\nSigned: [[PERSON|O. ADEYEMI-BAKARE]] / [[PERSON|C. OKAFOR]]. Witness: [[PERSON|Aisha Bello]], {{Legal Counsel}}.\nInternal comment: [[PERSON|Seun]] wants {{Dangote}} legal to sign first; [[PERSON|Chinedu]] is travelling to {{Abuja}} until {{Wednesday}}, so e-signature via {{DocuSign}} is fine.""",
    ),
    (
        "contract_excerpt",
        "en/US-African-American",
        """Summarize the payment terms in this Statement of Work and list any missing fields.\n\nSOW #{{SOW-2025-118}} under MSA dated {{June 3, 2024}}\nClient: {{Hilton Grand Vacations}} – sponsor [[PERSON|Darnell Washington]], {{Director, Revenue Operations}}\nContractor (individual, 1099): [[PERSON|Keisha M. Robinson-Hayes]], SSN [[US_SSN|422-48-2166]], [[ADDRESS|2217 Peachtree Rd NE, Apt 4B, Atlanta, GA 30309]], cell [[PHONE|(404) 872-3319]]\nRate: {{$145/hour}}, not to exceed {{$58,000}}. Invoices go to [[PERSON|Emily Hilton]] in AP ([[EMAIL|emily.hilton@hgv-ops.com]]) — same surname as the client, no relation.\nDeliverables: {{Salesforce CPQ}} cleanup by {{Labor Day}}; weekly status to [[PERSON|Darnell]] every {{Friday}}. There is no {{grace}} period on late deliverables.\nTermination: either party on {{10 business days}} notice. [[PERSON|Keisha]] asked that her SSN be removed from the PDF before it goes to [[PERSON|Trevon Jackson]] in procurement.""",
    ),
    (
        "contract_excerpt",
        "he/IL-Haredi",
        """תקציר חוזה – תבדוק בבקשה אם סעיף הקנס סביר ותנסח תשובה קצרה.\n\nהסכם שירותי הפצה שנחתם ב{{בני ברק}} ביום {{ט"ו בשבט תשפ"ה}} ({{13.02.2025}})\nבין: {{ספרי אור החיים בע"מ}}, באמצעות הרב [[PERSON|יעקב מאיר גולדשמידט]], ת.ז. [[IL_ID|386605547]], מ[[ADDRESS|רחוב רבי עקיבא 112, בני ברק]]\nלבין: {{דפוס שפירא}} באמצעות [[PERSON|שמואל שפירא]] (בן הבעלים, לא החברה עצמה).\nאיש קשר לתפעול: [[PERSON|מנחם מענדל ויסברג]], טל' [[PHONE|053-312-0478]].\nסעיף 6: קנס איחור של {{₪350}} לכל יום עיכוב במשלוח. הסעיף נוסף לבקשת [[PERSON|יענקי]].\nסעיף 8: אין משלוחים ב{{ערב שבת}} ובימי {{חול המועד פסח}}.\nהערה: ר' [[PERSON|שמואל]] אמר שקיבלנו {{אור ירוק}} מהוועד, ושאם [[PERSON|גולדשמידט]] יחתום עד {{ראש חודש אדר}} נוכל לצאת עם {{500}} עותקים ראשונים.""",
    ),
    (
        "contract_excerpt",
        "he/IL-Druze",
        """חוזה הפצה – נספח ב' (תמצית). צריך טבלה מסודרת של ההתחייבויות לכל צד.\n\nהצדדים: {{יקבי רמת הגולן}} ו{{חלבי שיווק והפצה בע"מ}}, המיוצגת ע"י מר [[PERSON|סלמאן חלבי]], {{מנכ"ל}}, מ[[ADDRESS|רחוב הראשי 27, דאלית אל-כרמל 3005600]], טלפון משרד [[PHONE|04-839-1276]].\n1. המפיץ יחזיק מלאי מינימלי של {{1,200}} בקבוקים במחסן ב{{עוספיא}}.\n2. יין שגיל ה{{בציר}} שלו מעל שלוש שנים יאוחסן בקירור. ({{גיל}} היין נקבע לפי שנת הבציר על התווית.)\n3. עמלת הפצה: {{12%}} מהמחיר לצרכן.\n4. בגלל ה{{טל}} והלחות בלילות ב{{רמת הגולן}}, המחסן יהיה ממוזג כל השנה.\nאנשי קשר: [[PERSON|ואיל קבלאן]] (לוגיסטיקה), [[PERSON|נג'לא טאפש]] (הנהלת חשבונות, [[EMAIL|najla.t@halabi-dist.co.il]]).\n[[PERSON|סלמאן]] ביקש לא לקבוע אספקות בחג {{נבי שועייב}}, ו[[PERSON|נג'לא]] תשלח את החשבונית הראשונה עד {{סוף אפריל}}. [[PERSON|אבו-ראמי]] מהיקב מאשר.""",
    ),
    (
        "contract_excerpt",
        "he/IL-Ethiopian",
        """נספח ג' – תנאי תשלום. בקשה: לנסח מייל תזכורת קצר ומנומס ללקוח על בסיס הסעיפים.\n\nהלקוח: {{אלמו לוגיסטיקה בע"מ}}, ח.פ. {{515338214}}, מיוצגת ע"י [[PERSON|טספאיה אלמו]] ({{סמנכ"ל כספים}}) – שימו לב, אחיו [[PERSON|ברהנו אלמו]] הוא הבעלים אבל לא חתום.\n1. התמורה: {{₪186,400}} + מע"מ, {{שוטף + 60}}.\n2. התשלום יבוצע להעברה לחשבון [[IBAN|IL090206125084376481766]].\n3. איחור מעל {{14 יום}} יחויב בריבית {{1.5%}} לחודש.\nאנשי קשר נוספים: [[PERSON|אבבה ורקנה]], [[PERSON|מזל טגניה]] ([[PHONE|058-624-9013]]).\nמהשטח: [[PERSON|מזל]] ביקשה לדחות את התשלום השני לאחרי {{סיגד}}, ואמרה "{{מזל טוב}} על החוזה". [[PERSON|טספאיה]] ביקש שכל המיילים ילכו ל[[EMAIL|tesfaye.alemu@alemu-log.co.il]].""",
    ),
    (
        "contract_excerpt",
        "ar/SA-MSA",
        """مقتطف من عقد توريد – المطلوب: تلخيص الالتزامات المالية في نقاط.\n\nحُرر هذا العقد في مدينة {{الرياض}} بتاريخ {{12 شعبان 1446هـ}} الموافق {{11 فبراير 2025م}} بين:\nالطرف الأول: {{شركة عبد اللطيف جميل للتجارة}}، ويمثلها الأستاذ [[PERSON|فيصل بن عبدالرحمن العتيبي]] بصفته {{مدير المشتريات}}، وعنوانها [[ADDRESS|٧٢٣١ طريق الملك فهد، حي العليا، الرياض ١٢٢١٤]].\nالطرف الثاني: {{مؤسسة نور الخليج للتجهيزات}}، ويمثلها م. [[PERSON|سلطان بن مبارك القحطاني]]، جوال [[PHONE|٠٥٥٤٣٢٨٩١٠]]، بريد [[EMAIL|s.alqahtani@noor-gulf.sa]].\nالبند الخامس: قيمة العقد {{٣٬٤٥٠٬٠٠٠ ريال سعودي}} تُدفع على ثلاث دفعات.\nالبند التاسع: غرامة تأخير {{٠٫٥٪}} أسبوعياً بحد أقصى {{١٠٪}}.\nالشهود: [[PERSON|عبدالله بن سعد الدوسري]] و[[PERSON|نورة الشهري]].\nملاحظة من [[PERSON|أبو خالد]]: الأستاذ [[PERSON|فيصل]] طلب إضافة بند ضمان، على {{أمل}} أن يتم التوقيع قبل {{عيد الفطر}}.""",
    ),
    (
        "contract_excerpt",
        "ar/KW-Kuwaiti",
        """شلونك [[PERSON|بو فهد]]، هذا ملخص ملحق عقد الصيانة اللي وصلنا من [[PERSON|مشاري]]، أبيك تكتب لي رد رسمي بالعربي.\n\nملحق رقم {{KW-MNT-2291}} لعقد الصيانة مع {{شركة يوسف أحمد الغانم وأولاده}}\nممثل الشركة: [[PERSON|مشاري الغانم]] (مو من العائلة المالكة للشركة، بس نفس الاسم)، مدير المرافق.\nالموقع: [[ADDRESS|قطعة ٣، شارع ١٥، مبنى ٤٢، الشويخ الصناعية، الكويت]].\nالقيمة السنوية: {{١٨٬٥٠٠ د.ك}}، والدفع كل ربع سنة على حساب [[IBAN|KW03NBOK1844120548573806374311]].\nزيارات وقائية كل {{أسبوعين}}، وما في زيارات يوم {{الجمعة}}.\nللتواصل: م. [[PERSON|دلال العنزي]] [[PHONE|+965 9901 4476]]، و[[PERSON|جاسم الرشيدي]] [[EMAIL|jasem.r@kw-facilities.com]].\n[[PERSON|مشاري]] يقول إذا وقعنا قبل {{العيد الوطني}} يعطينا خصم {{٥٪}}، و[[PERSON|دلال]] تبي نسخة من الملحق قبل {{الأحد}}.""",
    ),
    (
        "contract_excerpt",
        "fr/DZ-Algerian",
        """Extrait du contrat de distribution – peux-tu me préparer un résumé des pénalités et des délais ?\n\nEntre la {{SARL Benali Frères Distribution}}, représentée par M. [[PERSON|Lyes Ait-Mouhoub]], gérant, domicilié au [[ADDRESS|12 rue Didouche Mourad, Alger-Centre 16000]], tél. [[PHONE|0550 42 34 68]],\net la société {{Condor Electronics}}, représentée par Mme [[PERSON|Nassima Boudiaf]], directrice commerciale.\nArticle 4 : chiffre d'affaires minimum de {{4 800 000 DA}} par trimestre.\nArticle 7 : pénalité de {{2 %}} par semaine de retard, plafonnée à {{30 %}}.\nArticle 9 : paiements des commandes export en euros sur le compte [[IBAN|FR3020041010056766836989080]].\nArticle 12 : litiges devant le tribunal de {{Sétif}}.\nContact technique : [[PERSON|Mohamed-Amine Zerrouki]] ([[EMAIL|ma.zerrouki@benali-freres.dz]]).\nNote : M. [[PERSON|Karim Benali]] (le client, pas la société) veut signer après {{Yennayer}} ; [[PERSON|Lyes]] préfère avant le {{15 janvier 2025}}.""",
    ),
    # ------------------------------------------------------------------ cv_or_candidate_profile
    (
        "cv_or_candidate_profile",
        "en/IN-Tamil",
        """Candidate profile — SDR, Dubai office. Please write a 3-line summary for the hiring manager, [[PERSON|Grace Mwangi]].\n\nName: [[PERSON|R. KARTHIKEYAN]] (goes by [[PERSON|Karthik]])\nPhone: [[PHONE|+91 81918 36236]] / UAE [[PHONE|056 742 1193]]\nEmail: [[EMAIL|karthik.r.91@gmail.com]]\nExperience: 4 yrs at {{Zoho}} ({{Chennai}}), inside sales for {{Zoho CRM}} and {{Bigin}}, quota attainment {{112%}} in FY24. Before that {{Tata Consultancy Services}} as {{Associate Consultant}}.\nEducation: B.E., {{Anna University}}, 2016.\nReferences: [[PERSON|Meenakshi Sundaram]] (ex-manager at {{Zoho}}), [[PERSON|Vignesh Balasubramanian]] ([[PHONE|+91 74701 07375]]).\nNotes: [[PERSON|Grace]] met him at {{GITEX}}; he can join after {{Pongal}}, notice period {{60 days}}, expected {{AED 14,000}} per month. [[PERSON|Karthik]] mentioned his cousin [[PERSON|S. Lakshmi Priya]] already works in our {{Abu Dhabi}} team.""",
    ),
    (
        "cv_or_candidate_profile",
        "en/PH-Filipino",
        """Please reformat this CV into our internal template (Summary / Experience / Skills / References).\n\n[[PERSON|MARIA THERESA "TESS" DELA CRUZ-VILLANUEVA]]\n[[ADDRESS|Unit 12B, Tower 2, Avida Towers, 1 Sen. Gil Puyat Ave, Makati City 1200]] | [[PHONE|0909 784 6493]] | [[EMAIL|tess.dcvillanueva@yahoo.com]]\nSummary: Customer success lead, 7 years in {{BPO}} and {{SaaS}}.\n2021–present: {{Ayala Land}}, {{CRM Manager}} — cut churn by {{18%}}.\n2017–2021: {{Jollibee Foods Corporation}}, loyalty programme analyst.\nSkills: {{HubSpot}}, {{Zendesk}}, Tagalog, Cebuano.\nReferences: [[PERSON|Rodel Bautista]] ([[PHONE|+63 906 578 7200]]), [[PERSON|Ma. Cristina Macapagal]], [[PERSON|Jun-Jun Reyes]].\nRecruiter note: [[PERSON|Tess]] is open to {{Dubai}}; her sister [[PERSON|Angelica Villanueva]] referred her. Interview panel: [[PERSON|Paolo Ayala]] (no link to {{Ayala Land}}) and [[PERSON|Hope Santos]]. We {{hope}} to close before {{Holy Week}}.""",
    ),
    (
        "cv_or_candidate_profile",
        "en/US-Irish",
        """Background-check form for our new {{Account Executive}} hire — please list what is still missing before we submit it to {{Sterling}}.\n\nLEGAL NAME: [[PERSON|SIOBHÁN ÁINE O'SULLIVAN-KAVANAGH]]\nPreferred name: [[PERSON|Shiv]]\nSSN: [[US_SSN|105-99-9679]]\nCurrent address: [[ADDRESS|88 Dorchester Ave, Unit 3, South Boston, MA 02127]]\nMobile: [[PHONE|617-464-2290]]\nPrior employers: {{McKinsey & Company}} (2018–2021), {{Dell Technologies}} (2021–now, {{Senior Account Manager}}).\nReferences: [[PERSON|Ciarán Mac Giolla Bhríde]] ({{Dell}}), [[PERSON|Bill Donnelly]] ([[EMAIL|bdonnelly@bdonnelly-consulting.com]]).\nHiring manager: [[PERSON|Will Brennan]]. Start date {{May 12}}; she {{will}} need a laptop shipped to Boston. [[PERSON|Siobhán]] asked us not to contact her current manager [[PERSON|Maeve Quinlan]] until the offer is signed. The {{bill}} for the check goes to cost center {{CC-4410}}.""",
    ),
    (
        "cv_or_candidate_profile",
        "en/GH-Ghanaian",
        """Summarise this candidate for the {{West Africa}} expansion shortlist and rate fit 1-5.\n\nCandidate: [[PERSON|Kwame Asante-Mensah]]\nLocation: {{Accra}}, open to {{Lagos}} or {{Dubai}}\nContact: [[PHONE|+233 23 400 5717]] · [[EMAIL|kwame.asantemensah@outlook.com]]\nCurrent: {{Regional Sales Manager}}, {{MTN Ghana}} (enterprise data), 2019–present; grew the {{Kumasi}} book from {{GHS 1.2M}} to {{GHS 3.9M}}.\nPrevious: {{Unilever Ghana}}, key account executive.\nEducation: BSc Marketing, {{KNUST}}.\nReferees: [[PERSON|Patience Owusu]] (former director), [[PERSON|Kofi Boateng]], [[PERSON|Gifty Ampofo-Larbi]] ([[PHONE|030 749 0606]]).\nPanel notes: [[PERSON|Ama]] liked his discovery questions; [[PERSON|Yaw Darko]] wants a second call after {{Independence Day}} ({{6 March}}). Thanks to [[PERSON|Patience]] for her {{patience}} with our slow scheduling. [[PERSON|Kwame]] asked for a {{USD 4,500}} monthly base.""",
    ),
    (
        "cv_or_candidate_profile",
        "he/IL-Russian",
        """תכין לי בבקשה סיכום של קורות החיים בשלוש שורות לשליחה ל[[PERSON|אורית]] מגיוס.\n\n[[PERSON|יבגניה קוזלובה]] (כולם קוראים לה [[PERSON|ז'ניה]])\n[[ADDRESS|רח' הרצל 112 דירה 9, אשדוד 7724201]] | [[PHONE|054-716-2280]] | [[EMAIL|zhenya.kozlova@gmail.com]]\n{{גיל}}: 34 | שפות: רוסית, עברית, אנגלית, אוקראינית\nניסיון:\n• {{2020–היום}}: {{מנהלת לקוחות}} ב{{Check Point}}, תיק של {{₪6.5 מיליון}} בשנה.\n• {{2016–2020}}: מכירות {{B2B}} ב{{אלביט מערכות}}.\nהשכלה: תואר ראשון בכלכלה, {{אוניברסיטת בן-גוריון}}.\nממליצים: [[PERSON|דמיטרי וולקוב]] ([[PHONE|+972 52-304-8817]]), [[PERSON|אולגה ברקוביץ']].\nהערות: [[PERSON|ז'ניה]] עלתה מ{{חרקוב}} ב-2009. [[PERSON|אורית]] אמרה שהיא מתאימה לצוות של [[PERSON|סשה]] ב{{אשקלון}}, אבל {{עמית}} לעבודה שלה טוען שהיא מעדיפה עבודה היברידית.""",
    ),
    (
        "cv_or_candidate_profile",
        "he/IL-Yemenite",
        """{{שלום}} [[PERSON|שלום]], מצרף פרופיל מועמדת לתפקיד {{נציגת מכירות טלפונית}}. תנסח לה מייל הזמנה לראיון ב{{יום שלישי}}.\n\nשם: [[PERSON|הדסה צדוק-גמליאל]]\nת.ז.: [[IL_ID|933222978]]\nכתובת: [[ADDRESS|רחוב הרב קאפח 14, ראש העין]]\nנייד: [[PHONE|0523180447]]\nניסיון: 3 שנים ב{{בזק}} שירות לקוחות, שנתיים ב{{שופרסל}} מועדון לקוחות.\nממליצים: [[PERSON|זכריה עראקי]] (מנהל משמרת לשעבר), [[PERSON|יונה שרעבי]].\nהערות: [[PERSON|הדסה]] ביקשה לא לקבוע ב{{תשעה באב}}. אחיה [[PERSON|יחיאל צדוק]] עובד אצלנו במחלקת {{שיווק}}. [[PERSON|שלום]] – אם אתה לא זמין, [[PERSON|מזל]] מגיוס תתאם. שיהיה לנו {{מזל}} עם הגיוס הזה.""",
    ),
    (
        "cv_or_candidate_profile",
        "ar/EG-Egyptian",
        """عايزك تعملّي ملخص للسيرة الذاتية دي في ٥ نقط عشان أبعته لـم. [[PERSON|هشام]].\n\nالاسم: [[PERSON|محمود عبد الفتاح السيد]]\nالموبايل: [[PHONE|010 4333 7761]] — واتساب [[PHONE|+20 10 40931925]]\nالإيميل: [[EMAIL|mahmoud.abdelfattah88@gmail.com]]\nالعنوان: [[ADDRESS|١٤ شارع عباس العقاد، الدور الخامس، شقة ١٢، مدينة نصر، القاهرة]]\nالخبرة: ٦ سنين مندوب مبيعات في {{مجموعة منصور}} (قسم السيارات)، وقبلها سنتين في {{فودافون مصر}}.\nالمهارات: بيع استشاري، {{Salesforce}}، التفاوض.\nالمراجع: [[PERSON|هاني منصور]] (مديره المباشر، مش من عيلة أصحاب الشركة)، و[[PERSON|أم يوسف]] من الـHR.\nملاحظات: الراجل ده شاطر جداً، باع خط {{كريم}} ترطيب كامل لسلسلة صيدليات في {{المنصورة}}. [[PERSON|محمود]] عايز يبدأ بعد {{شم النسيم}}، والمرتب المتوقع {{٣٥٬٠٠٠ جنيه}}. [[PERSON|هشام]] قال نكلم [[PERSON|دعاء الشربيني]] قبل ما نبعت العرض.""",
    ),
    (
        "cv_or_candidate_profile",
        "ar/JO-Jordanian",
        """بدي تقييم سريع لهاد المرشح لوظيفة {{مدير حسابات رئيسية}} بعمّان، مع أسئلة للمقابلة.\n\nالمرشحة: [[PERSON|رزان أبو غزالة]]\nالهاتف: [[PHONE|07 9982 9657]]\nالبريد: [[EMAIL|razan.aboughazaleh@hotmail.com]]\nالخبرة الحالية: {{مجموعة طلال أبوغزاله}} – {{مستشارة مبيعات}} (٢٠٢٠–الآن). [[PERSON|رزان]] مش قريبة العيلة، بس كل حدا بيسألها.\nقبل: {{زين الأردن}}، مبيعات الشركات.\nالتعليم: بكالوريوس إدارة أعمال، {{الجامعة الأردنية}}.\nالمراجع: د. [[PERSON|باسل الخصاونة]]، و[[PERSON|لينا حدّاد]] ([[PHONE|+962 7 9492 0868]]).\nملاحظة من [[PERSON|أبو زيد]]: [[PERSON|رزان]] بتحكي إنجليزي ممتاز، وعندها {{أمل}} تنتقل على {{دبي}} بعد سنة. بدنا نخلص قبل {{عيد الأضحى}}. [[PERSON|نور]] من الـHR رح تبعت العرض، والراتب المقترح {{١٬٨٠٠ دينار}}.""",
    ),
    (
        "cv_or_candidate_profile",
        "ar/MA-Moroccan",
        """عافاك دير ليا ملخص ديال هاد السيفي باش نصيفطو لـ[[PERSON|سي عبد الإله]] قبل الانترفيو.\n\nالسمية: [[PERSON|سكينة بنجلون التويمي]]\nالتيليفون: [[PHONE|06 57 18 74 63]]\nالإيميل: [[EMAIL|sakina.bj@gmail.com]]\nالعنوان: [[ADDRESS|زنقة ابن منير، إقامة الياسمين، عمارة ٣، شقة ١٤، المعاريف، الدار البيضاء ٢٠٣٣٠]]\nالتجربة: ٥ سنين كـ{{مسؤولة مبيعات}} فـ{{مرجان}}، وعامين فـ{{اتصالات المغرب}}.\nاللغات: الدارجة، الفرنسية، الإنجليزية، شوية ديال الأمازيغية.\nالمراجع: [[PERSON|يوسف العلمي]]، [[PERSON|فاطمة الزهراء بناني]] ([[PHONE|+212 6 59 84 15 37]]).\nملاحظة: [[PERSON|سكينة]] قالت بلي ماعندها حتى علاقة مع {{حلويات بنجلون}} اللي فالمعاريف. [[PERSON|عبد الإله]] بغا يشوفها نهار {{الخميس}} من بعد {{عيد العرش}}، و{{سلام}} على [[PERSON|حميد]] اللي عطانا السيفي.""",
    ),
    (
        "cv_or_candidate_profile",
        "hi/IN-Hinglish",
        """Bhai, ye candidate ka profile dekh lo aur ek short summary bana do [[PERSON|Rohit]] sir ke liye, Dubai role ke liye.\n\nName: [[PERSON|HARPREET KAUR SANDHU]]\nMob: [[PHONE|+91 98140 22637]]\nMail: [[EMAIL|harpreet.sandhu92@rediffmail.com]]\nCurrent: {{Bajaj Finserv}}, {{Area Sales Manager}}, {{Ludhiana}}, CTC {{₹14.5 LPA}}\nPrevious: {{Mahindra Finance}}, 3 saal, two-wheeler loans\nReferrals: [[PERSON|Neha Bajaj]] (hamari team mein hai, {{Bajaj}} wali company se koi connection nahi), [[PERSON|Gurpreet]] bhaiya from {{Chandigarh}} office\nNotes: [[PERSON|Harpreet]] ji {{Diwali}} ke baad join kar sakti hain, notice period {{90 days}} hai but buyout possible. [[PERSON|Rohit]] bol rahe the ki [[PERSON|Ankit Agarwal]] bhi interview lega on {{Monday}}. Unke husband [[PERSON|Jaspreet Singh Sandhu]] pehle se {{Dubai}} mein hain, so relocation koi issue nahi. Expected {{AED 16,000}} + commission.""",
    ),
    # ------------------------------------------------------------------ real_estate_deal
    (
        "real_estate_deal",
        "en/AE-Emirati",
        """Draft a reservation-summary email for this off-plan deal and list the documents still missing.\n\nProject: {{Emaar Beachfront}} – {{The Address Residences}}, {{Tower 2, Unit 3907}}, 2BR, {{1,204 sq ft}}\nPrice: {{AED 3,480,000}}; payment plan {{60/40}}, {{10%}} on booking\nBuyer: [[PERSON|Mariam Ahmed Bin Hamoodah]], mobile [[PHONE|050 385 2808]], [[EMAIL|mariam.binhamoodah@gmail.com]]\nJoint buyer: [[PERSON|Khalid Rashid Bin Hamoodah]] (husband)\nMailing address: [[ADDRESS|Villa 17, Street 22B, Al Barsha 2, Dubai]]\nBooking transfer from [[IBAN|AE750334900923565845754]]\nBroker: [[PERSON|Priyanka Menon]] ({{Betterhomes}}), co-broker [[PERSON|Oleksandr Hrytsenko]]\nDeveloper sales manager: [[PERSON|Yousef Haddad]]; {{DLD}} fee {{4%}}; handover {{Q4 2027}}.\nNotes: [[PERSON|Mariam]] prefers to sign after {{Eid Al Adha}}; [[PERSON|Priyanka]] says [[PERSON|Khalid]] will wire the balance from his {{Emirates NBD}} account. Passport copy for [[PERSON|Oleksandr]]'s file still pending.""",
    ),
    (
        "real_estate_deal",
        "en/GB-Scottish",
        """Heads of terms – office lease, Edinburgh. Please turn this into a one-page summary for [[PERSON|Fiona]] and highlight the break clause.\n\nLandlord: {{Morrison Property Holdings Ltd}}, agent [[PERSON|Alasdair MacLeod]] of {{Knight Frank}}\nTenant: {{Skerry Analytics Ltd}}, signatory [[PERSON|Fiona McIntyre]], {{COO}} — [[PHONE|07434 419792]], [[EMAIL|fiona.mcintyre@skerry.io]]\nPremises: [[ADDRESS|3rd Floor, 14 Queen Street, Edinburgh EH2 1JE]], two minutes from {{Rose Street}}\nRent: {{£38,500 p.a.}} exclusive of VAT; {{6 months}} rent free; tenant break at year {{3}}\nEntry: {{Whitsunday}} 2025\nTenant's solicitor: [[PERSON|Hamish Drummond-Murray]], {{Burness Paull}}\nComments: [[PERSON|Euan Morrison]] from our finance team is no relation to the landlord. [[PERSON|Alasdair]] confirmed the ground-floor event space is shared for {{Burns Night}}. [[PERSON|Hamish]] wants the dilapidations schedule before {{Friday}}; [[PERSON|Morag Sinclair]] in facilities will send photos.""",
    ),
    (
        "real_estate_deal",
        "en/IL-Georgian-Jewish",
        """Summarise this office purchase for the board deck (3 bullets + risks).\n\nBuyer: {{Mikhaelashvili Holdings Ltd.}}, signing through [[PERSON|Eliko Mikhaelashvili]] (the founder's nephew, {{CFO}})\nSeller: [[PERSON|Nodar Batoshvili]], ID [[IL_ID|024145997]]\nProperty: [[ADDRESS|Rothschild Blvd 22, 7th floor, Tel Aviv-Yafo 6688218]], 410 sqm, facing {{Habima Square}}\nPrice: {{₪14.2M}} + VAT; {{10%}} deposit held in trust by Adv. [[PERSON|Tamar Davitashvili]] ([[PHONE|+972-54-622-7193]])\nMortgage: {{Mizrahi-Tefahot}}, {{60%}} LTV\nTimeline: signing before {{Tu B'Av}}, possession {{1 October 2025}}\nNotes: [[PERSON|Nodar]]'s daughter [[PERSON|Lali]] handles keys; [[PERSON|Eliko]] wants the parking spots on {{Rothschild Boulevard}} included. Surveyor [[PERSON|Giorgi "Gogi" Tsitsishvili]] found minor damp on the roof.""",
    ),
    (
        "real_estate_deal",
        "en/QA-Qatari",
        """Prepare a WhatsApp-friendly lease summary for the tenant and a reminder schedule for renewals.\n\nTenant: [[PERSON|Jassim Nasser Al-Kuwari]], mobile [[PHONE|+974 3372 3268]]\nLandlord representative: [[PERSON|Ahmed Yousef Fakhroo]]; his PA [[PERSON|Salwa]] ([[PHONE|5512 8840]]) handles cheques\nUnit: [[ADDRESS|Apartment 1502, Building 45, Fox Hills, Lusail, Qatar]]\nRent: {{QAR 9,500}} per month, 12 post-dated cheques, {{QNB}}\nTerm: {{1 Dhu al-Qadah 1446}} ({{29 April 2025}}) for one year\nBroker: [[PERSON|Sunil Varghese]] ({{Cushman & Wakefield}}), commission {{QAR 4,750}}\nNotes: [[PERSON|Jassim]] currently lives off {{Salwa Road}} and commutes to {{Hamad International Airport}}, so he wants early access for movers. [[PERSON|Sunil]] says [[PERSON|Ahmed]] will repaint before handover. Contact [[PERSON|Salwa]] only on weekdays before {{Maghrib}}.""",
    ),
    (
        "real_estate_deal",
        "he/IL-Mizrahi",
        """תסכם לי את העסקה לטבלה (מוכרים, קונים, תשלומים, מועדים) ותנסח הודעה ללקוחות.\n\nנכס: [[ADDRESS|רחוב סוקולוב 58 דירה 12, חולון]], 4 חדרים, קומה 3 עם מעלית\nמוכרים: [[PERSON|שלמה ביטון]], ת.ז. [[IL_ID|543013544]], ו[[PERSON|אסתר ביטון]]\nקונים: [[PERSON|אבי אוחיון]] ו[[PERSON|מורן אוחיון]], טל' [[PHONE|050-948-2199]]\nמחיר: {{₪2,870,000}}; {{10%}} בחתימה, יתרה בשלושה תשלומים\nחשבון נאמנות: [[IBAN|IL260106639233214688197]] (עו"ד [[PERSON|רונית אלמקייס]])\nמשכנתא: {{בנק מזרחי טפחות}}\nמועדים: חתימה לפני {{ל"ג בעומר}}, מסירה ב{{1.9.2025}}\nהערות: [[PERSON|אסתר]] רוצה להשאיר את המזגנים. [[PERSON|מורן]] ביקשה שהמתווך [[PERSON|ששון]] לא יתקשר אליה ב{{שבת}}. ה{{שמאי}} [[PERSON|יגאל דהן]] יגיע ב{{יום ראשון}}.""",
    ),
    (
        "real_estate_deal",
        "he/IL-Bukharan",
        """צריך סיכום קצר של חוזה השכירות לחנות + רשימת פעולות לפני החתימה.\n\nמשכיר: {{יצחקוב נכסים בע"מ}} באמצעות [[PERSON|רפאל יצחקוב]] (הבן של המייסד)\nשוכרת: [[PERSON|שושנה אמינוב]], בעלת {{תכשיטי שושנה}}\nנכס: [[ADDRESS|רחוב הרצל 38, חנות 4, אור יהודה]]\nשכירות: {{₪9,800}} לחודש + מע"מ, {{36 חודשים}}, אופציה לעוד {{24}}\nערבות: [[PERSON|בוריס (ברוך) מוסאייב]], [[PHONE|03-533-7841]]\nהערות: [[PERSON|שושנה]] מבקשת חודש גרייס עד אחרי {{פורים}}. [[PERSON|רפאל]] אמר שאחיו [[PERSON|יוסף יצחקוב]] יחתום אם הוא בחו"ל. הבת שלה [[PERSON|ילנה]] תנהל את החנות. [[PERSON|מוסאייב]] ביקש עותק ל[[EMAIL|b.musaev@gmail.com]]. להזכיר שהחנות ליד {{קניון אור יהודה}} ולא ב{{רחוב הרצל}} של {{תל אביב}}.""",
    ),
    (
        "real_estate_deal",
        "he/IL-Arab-Israeli",
        """בבקשה תכתוב סיכום בעברית לעסקת המגרש בנצרת ותציין מה חסר לטאבו.\n\nמוכרים: האחים [[PERSON|ח'אלד זועבי]] ו[[PERSON|מחמוד זועבי]]\nקונה: {{עבוד בנייה ופיתוח בע"מ}}, מיוצגת ע"י [[PERSON|רנא עבוד]] ({{מנהלת פרויקטים}})\nכתובת לתכתובת: [[ADDRESS|שדרות פאולוס השישי 132, נצרת 1600000]]\nמגרש: {{גוש 16542 חלקה 87}}, 1.2 דונם, ליד {{נוף הגליל}}\nמחיר: {{₪3,650,000}}\nעו"ד: [[PERSON|ג'ורג' חביב]], [[PHONE|04-657-1124]], [[EMAIL|george.habib.law@gmail.com]]\nהערות: [[PERSON|אבו-סאמר]] (האבא) רוצה להיות בחתימה. [[PERSON|רנא]] אמרה שהיא לא קשורה משפחתית ל{{עבוד}} החברה, רק שם משפחה זהה. [[PERSON|ח'אלד]] ביקש לא לקבוע בזמן {{עיד אל-פיטר}}.""",
    ),
    (
        "real_estate_deal",
        "ar/BH-Bahraini",
        """أبيك تسوي لي ملخص لعقد إيجار الشقة وتطلع التواريخ المهمة.\n\nالمؤجر: {{كانو للعقارات}}، ويمثلها [[PERSON|محمد جاسم كانو]] (مو من عائلة الشركة، بس نفس اللقب)\nالمستأجر: [[PERSON|عيسى يوسف الجودر]]، موبايل [[PHONE|3604 0008]]\nالعين المؤجرة: [[ADDRESS|شقة ٢٢، مبنى ١٤٥٨، طريق ٤٢٣١، مجمع ٣٤٢، الجفير]]\nالإيجار: {{٤٥٠ دينار}} شهرياً شامل الكهرباء إلى حد {{٣٠ دينار}}\nالمدة: سنة من {{١ محرم ١٤٤٧}}\nالوسيط: [[PERSON|راجيش ناير]]، عمولة نصف شهر\nملاحظات: [[PERSON|أم علي]] (زوجة [[PERSON|عيسى]]) تبي تشوف الشقة يوم {{السبت}}. [[PERSON|زهراء العريض]] من المكتب بتجهز العقد. [[PERSON|محمد]] قال المالك يبي شيكات من {{بنك البحرين الوطني}} وما يبي نقد.""",
    ),
    (
        "real_estate_deal",
        "ar/PS-Palestinian",
        """بدي منك تلخص عرض استئجار المكتب بنقاط وتكتبلي رد مهذب للمالك.\n\nالمكتب: [[ADDRESS|عمارة النتشة، الطابق الرابع، شارع الإرسال، رام الله]]، ١٨٠ متر، قريب من {{دوار المنارة}} و{{شارع ركب}}\nالمالك: [[PERSON|سامر حنانيا]]، جوال [[PHONE|+970 599 412 687]]\nالمستأجر: {{شركة بيت لحم للبرمجيات}}، ممثلها [[PERSON|رولا خوري]] ({{مديرة العمليات}})\nالإيجار: {{١٤٠٠ دولار}} بالشهر، أو {{٥٠٠٠ شيكل}} حسب سعر الصرف، دفعة كل ٣ شهور عبر {{بنك فلسطين}}\nالمحامي: أ. [[PERSON|جورج سابا]]، [[EMAIL|g.saba@saba-law.ps]]\nملاحظات: [[PERSON|أبو العبد]] الحارس بيقول الموقف تحت العمارة مش مشمول. [[PERSON|رولا]] بدها تنقل الفريق بعد {{عيد الميلاد}}. [[PERSON|سامر]] وافق على {{شهرين}} مجاناً إذا وقعنا قبل {{نيسان}}. {{سلام}} كتير لـ[[PERSON|أم جريس]] اللي دلتنا عالمكتب.""",
    ),
    (
        "real_estate_deal",
        "es/MX-Mexican",
        """Hazme un resumen de esta operación de arrendamiento para el comité y una lista de pendientes.\n\nArrendador: {{Inmobiliaria Garza Sada}}, representada por [[PERSON|José Luis de la Garza Treviño]] (sin relación con la familia del grupo)\nArrendataria: {{Colibrí Software S.A. de C.V.}}, firma [[PERSON|Guadalupe "Lupita" Hernández Ortiz]], {{directora general}}\nInmueble: [[ADDRESS|Av. Presidente Masaryk 111, Piso 2, Polanco V Secc., Miguel Hidalgo, 11560 Ciudad de México]], a dos cuadras de {{Liverpool Polanco}}\nRenta: {{$185,000 MXN}} mensuales + IVA, depósito de {{2 meses}}\nPlazo: {{3 años}}, inicio {{1 de junio de 2025}}\nContacto del corredor: [[PERSON|Ximena Valdés]], cel. [[PHONE|55 4162 8890]], [[EMAIL|ximena.valdes@cbre-mx.com]]\nNotas: [[PERSON|Lupita]] quiere mudarse antes del {{Día de Muertos}}. [[PERSON|Pepe]] (así le dicen a [[PERSON|José Luis]]) pide aval de [[PERSON|Rodrigo Hernández]], el socio. Evitar juntas cerca de {{Paseo de la Reforma}} por las marchas.""",
    ),
    # ------------------------------------------------------------------ field_visit_report
    (
        "field_visit_report",
        "en/KE-Kenyan",
        """Turn my visit notes into a proper report with next steps, for [[PERSON|Otieno]] and the {{East Africa}} channel team.\n\nVisit: {{Twiga Distributors Ltd}}, [[ADDRESS|Plot 209/8451, Enterprise Road, Industrial Area, Nairobi]]\nDate: {{Tuesday 27 May}} (day before {{Madaraka Day}})\nMet: [[PERSON|Wanjiru Kamau]] ({{Procurement Lead}}, [[PHONE|0712 611695]]), [[PERSON|Mercy Chebet]] (warehouse), and the owner's son [[PERSON|Brian Mutua]].\nFindings: stock of {{POS-X200}} terminals down to {{40 units}}; they owe {{KES 2.4M}} on invoice {{INV-KE-77812}}. [[PERSON|Wanjiru]] says they are at the {{mercy}} of port delays in {{Mombasa}}.\n[[PERSON|Mercy]] wants {{M-Pesa}} till integration before reordering.\nNext steps: I {{will}} send a revised price list by {{Friday}}; [[PERSON|Faith Njeri]] from finance to agree a payment plan in good {{faith}}. [[PERSON|Otieno Odhiambo]] to join the {{June}} visit.""",
    ),
    (
        "field_visit_report",
        "en/ZA-South-African",
        """Rewrite this field visit as a short CRM note (max 150 words) and suggest a follow-up email.\n\nAccount: {{Groot Constantia}}-region liquor retail group, head office [[ADDRESS|Unit 5, 21 Bell Crescent, Westlake Business Park, Cape Town 7945]]\nWho: [[PERSON|Pieter van der Merwe]] ({{Operations Director}}), [[PERSON|Thandiwe Nkosi]] ({{Category Buyer}}), [[PERSON|Annelie du Plessis]] (store manager, [[PHONE|071 995 8225]])\nContext: they also supply {{Woolworths}} and {{Pick n Pay}}; shelf audit showed our {{Fynbos Gin 750ml}} out of stock in 3 of 5 stores.\nLoad-shedding stage {{4}} killed their fridges twice this week.\nAsk: [[PERSON|Thandiwe]] wants a {{R 185,000}} co-op marketing budget before {{Heritage Day}}.\n[[PERSON|Pieter]] hinted that [[PERSON|Sipho Dlamini]] from a competitor offered {{12%}} off. [[PERSON|Annelie]] said to email her at [[EMAIL|annelie.dp@westlakeliquor.co.za]], not [[PERSON|Pieter]].""",
    ),
    (
        "field_visit_report",
        "en/IL-Bedouin",
        """Summarise my visit to the Negev pharmacies for the weekly ops email; keep names of the people I met.\n\nRoute: {{Beersheba}} → {{Rahat}} → {{Hura}} → {{Lakiya}}, {{Sunday}}\n1) {{Super-Pharm}} franchise, {{Rahat}}: owner [[PERSON|Suleiman Abu Kaf]] ([[PHONE|050-597-9711]]) agreed to trial the {{SmartShelf}} kit. His pharmacist [[PERSON|Amal al-Huzayel]] asked for Arabic labels.\n2) Independent pharmacy, {{Hura}}: met [[PERSON|Abu Yousef]] (real name [[PERSON|Ibrahim al-Atawneh]]); he buys through {{Salomon, Levin & Elstein}}, so we need the wholesaler on board.\n3) Clinic in {{Lakiya}}: [[PERSON|Nasra al-Sana]] manages procurement, prefers calls after {{Maghrib}} during {{Ramadan}}.\nIssues: pricing {{₪1,190}} per kit is too high for small shops; [[PERSON|Suleiman]] suggested {{₪950}}.\nNext: I'll ask [[PERSON|Yael]] in marketing for Arabic-Hebrew flyers, and bring [[PERSON|Amal]] samples next {{Thursday}}.""",
    ),
    (
        "field_visit_report",
        "en/SA-Pakistani",
        """Please clean up this visit report and flag anything the regional manager should escalate.\n\nCustomer: {{Zamil Industrial}} supplier hub, Eastern Province\nLocation: [[ADDRESS|Building 3187, King Saud Street, Al Adamah, Dammam 32241]]\nVisited by: [[PERSON|Muhammad Usman Tariq]] with [[PERSON|Zubair]] (driver) on {{Monday 10 March}}\nMet: Eng. [[PERSON|Abdulaziz Al-Zamil]] — note: a procurement engineer, not from the owning family — and [[PERSON|Hafiz Imran Qureshi]] (stores)\nPhones: [[PHONE|+966 53 118 4402]] ([[PERSON|Abdulaziz]]), [[PHONE|0309 2396937]] ([[PERSON|Imran]]'s Pakistan number, WhatsApp only)\nFindings: they want {{SAR 640,000}} of cable trays before {{Ramadan}}, delivery via {{King Fahd Causeway}} warehouse is too slow.\nCompetitor: {{Al Rajhi Steel}} quoted {{7%}} less.\nEscalate: credit limit {{SAR 500,000}} blocks the order; [[PERSON|Usman]] asked Mr. [[PERSON|Farhan Siddiqui]] in credit for an exception.""",
    ),
    (
        "field_visit_report",
        "he/IL-Ashkenazi",
        """תהפוך את הסיכום הזה לדו"ח ביקור מסודר ב-CRM, עם משימות ואחראים.\n\nלקוח: {{פלסטיק כרמל בע"מ}}, מפעל ב{{חוף הכרמל}}\nתאריך: {{יום רביעי}}, {{כ"ב בניסן}}\nנכחו: [[PERSON|דורון וייסברג]] ({{מנהל ייצור}}), [[PERSON|כרמל פרידמן]] מהרכש, [[PERSON|חנה גולדברג]] ({{סמנכ"לית כספים}}), ומהצד שלנו אני ו[[PERSON|רותם]].\nעיקרי הדברים:\n• יצאנו עם {{שחר}} כי [[PERSON|דורון]] רצה להראות את קו 3 לפני המשמרת.\n• הבקר הישן ({{PLC-S7}}) נופל פעמיים בשבוע; הצעה לשדרוג ב{{₪96,000}}.\n• [[PERSON|כרמל]] מבקשת {{שוטף + 90}}, [[PERSON|חנה]] מוכנה ל{{שוטף + 60}}.\nמשימות: [[PERSON|רותם]] שולחת הצעת מחיר עד {{יום חמישי}}; אני מתאם הדגמה עם [[PERSON|איציק שטרנברג]] ([[PHONE|04-824-6613]]). לא לשכוח שהם סגורים ב{{יום העצמאות}}.""",
    ),
    (
        "field_visit_report",
        "he/IL-French-Olim",
        """סכם בבקשה את הביקור במלון בנתניה, בעברית פשוטה, ותציע שלושה צעדים הבאים.\n\nמקום: מלון {{Le Rivage}}, [[ADDRESS|שדרות ניצה 12, נתניה]]\nפגשתי את [[PERSON|ז'ולי אזולאי]] ({{מנהלת רכש}}) ואת [[PERSON|ז'אן-מישל בן-שושן]] ({{מנהל מזון ומשקאות}}). [[PERSON|ז'ולי]] עברה מ{{מרסיי}} לפני שנתיים.\nהם קונים היום ירקות מ{{רמי לוי}} סיטונאות, אבל [[PERSON|סטפן לוי]] (אין קשר לרשת) מהצוות שלנו הציע חוזה ישיר.\nנקודות:\n1. נפח: כ-{{₪38,000}} בחודש, עולה ב{{קיץ}} בגלל התיירים מ{{צרפת}}.\n2. [[PERSON|ז'אן-מישל]] רוצה תפריט {{כשר למהדרין}} לקראת {{ראש השנה}}.\n3. טלפונים: [[PERSON|ז'ולי]] [[PHONE|054-488-1937]], ובצרפת [[PHONE|+33 6 14 67 27 20]].\nהמלצה: ש[[PERSON|סטפן]] ו[[PERSON|אורלי]] יחזרו ב{{יום ראשון}} עם דוגמאות.""",
    ),
    (
        "field_visit_report",
        "ar/OM-Omani",
        """لو سمحت رتب تقرير الزيارة هذا بشكل رسمي للإدارة في مسقط.\n\nالعميل: {{مصنع صحار للألمنيوم}} – قسم المشتريات\nالعنوان البريدي: [[ADDRESS|ص.ب ٧٤٢، الرمز البريدي ٣١١، صحار، سلطنة عُمان]]\nالتاريخ: {{الاثنين ٣ رجب ١٤٤٦}}\nالحضور: الفاضل [[PERSON|سالم بن سعيد البلوشي]] ({{رئيس قسم المشتريات}})، والمهندسة [[PERSON|ريا الحارثية]]، ومن طرفنا [[PERSON|هيثم المعمري]].\nالنقاط:\n- [[PERSON|سالم]] يحتاج عرض سعر لـ{{٢٠٠}} وحدة تكييف صناعي قبل نهاية {{الربع الثالث}}.\n- المنافس {{مجموعة سهيل بهوان}} قدم خصم {{٨٪}}؛ [[PERSON|خالد بهوان]] عندنا في المبيعات ما له علاقة بالمجموعة.\n- [[PERSON|ريا]] طلبت جدول صيانة شهري، رقمها [[PHONE|9240 7224]].\nالخلاصة: كان يوم {{سعيد}} والاجتماع إيجابي. [[PERSON|هيثم]] يتابع بعد {{العيد الوطني}}، و{{سالمين}} إن شاء الله نرجع بعقد.""",
    ),
    (
        "field_visit_report",
        "ar/IQ-Iraqi",
        """رتبلي هاي الملاحظات كتقرير زيارة ميداني، وطلعلي المخاطر بنقاط.\n\nالزيارة: {{مخازن الرافدين للأجهزة}}، [[ADDRESS|محلة ٩١٥، زقاق ١٢، دار ٧، الكرادة، بغداد]]\nاليوم: {{الأربعاء}}، بعد {{الأربعينية}} بيومين\nالتقيت: الحاج [[PERSON|حيدر عبد الأمير]] (صاحب المخزن)، وابنه [[PERSON|مصطفى]]، والمحاسبة [[PERSON|زينب الساعدي]].\nشكو ماكو: [[PERSON|أبو مصطفى]] يريد ياخذ {{٣٠٠}} مبردة قبل الصيف، بس الدفع بالآجل {{٩٠ يوم}} والمبلغ تقريباً {{٤٥ مليون دينار}}.\n[[PERSON|زينب]] گالت الحوالات من {{أربيل}} تتأخر هواية.\nالتلفونات: [[PHONE|+964 770 412 8853]] (الحاج)، و[[PERSON|مصطفى]] على [[PHONE|+964 796 882 6372]].\nالمخاطر: السيولة ضعيفة، والمنافس {{شركة بابل}} يعطي ضمان سنتين.\nالتوصية: [[PERSON|كرار]] من فرع {{البصرة}} يزورهم {{الأحد}} الجاي.""",
    ),
    (
        "field_visit_report",
        "ar/SD-Sudanese",
        """يا زول اكتب لي تقرير زيارة مرتب من الملاحظات دي، وضيف توصيات للمدير الإقليمي.\n\nالمكان: مخازن {{مجموعة دال}} في {{بورتسودان}}، ولقينا كمان ناس من {{سوداني}} للاتصالات.\nالناس القابلناهم: الأستاذ [[PERSON|عوض الكريم عثمان]] (مدير المشتريات)، و[[PERSON|ست البنات محمد نور]] (المحاسبة)، و[[PERSON|مجدي الطيب]] من المخازن.\nالنقاط:\n- [[PERSON|عوض الكريم]] راجل {{كريم}} شديد، عزمنا غدا وقال الطلبية الجاية حتكون {{٢٥٠}} جهاز طاقة شمسية.\n- [[PERSON|ست البنات]] عايزة الفواتير بالدولار، والمبلغ حوالي {{١٨٠ ألف دولار}}.\n- الترحيل من {{عطبرة}} صعب بعد الحرب.\nالتلفونات: [[PHONE|+249 91 433 7211]] ([[PERSON|مجدي]])، و[[PERSON|عوض الكريم]] على واتساب [[PHONE|+249 15 279 5849]].\nالتوصيات: [[PERSON|ود النعيم]] من فريقنا يمشي ليهم بعد {{المولد}}، ونرسل عينة قبل {{رمضان}}.""",
    ),
    (
        "field_visit_report",
        "id/ID-Indonesian",
        """Tolong rapikan catatan kunjungan ini jadi laporan singkat untuk Bu [[PERSON|Ratna]] dan tim {{Jawa Timur}}.\n\nLokasi: distributor {{CV Maju Bersama}}, [[ADDRESS|Jl. Rungkut Industri III No. 27, Surabaya 60293]]\nTanggal: {{Kamis}}, seminggu sebelum {{Lebaran}}\nHadir: Pak [[PERSON|Hendra Wijaya]] (pemilik), Mbak [[PERSON|Dewi Kusumawati]] (admin gudang), [[PERSON|Budi Santoso]] dari tim kami\nTemuan:\n1. Stok {{Indomie}} dan {{Teh Botol}} aman, tapi produk kita {{SKU 88-2140}} kosong sejak {{Maret}}.\n2. Pak [[PERSON|Hendra]] minta diskon {{5%}} kalau order di atas {{Rp 450 juta}}.\n3. [[PERSON|Dewi]] minta semua PO dikirim ke WhatsApp [[PHONE|+62 812-3344-9021]].\nTindak lanjut: [[PERSON|Budi]] kirim penawaran hari {{Senin}}; [[PERSON|Ratna Sari]] setujui diskon. Salam dari Koh [[PERSON|Acong]] di gudang, dan titip {{oleh-oleh}} buat [[PERSON|Hendra]].""",
    ),
    # ------------------------------------------------------------------ expense_report
    (
        "expense_report",
        "en/AE-Indian",
        """Check this expense claim against policy (meals cap {{AED 400}}/person) and write a short approval note for [[PERSON|Deepa]].\n\nClaim {{EXP-2025-04418}} — [[PERSON|Anil Kumar Nair]], {{Senior Account Executive}}, Dubai\nTrip: {{Riyadh}}, {{14–16 April}}\nCorporate card: [[CREDIT_CARD|4742 0780 2345 8889]]\n1. {{Nusr-Et Riyadh}} dinner with [[PERSON|Turki Al-Shammari]] and [[PERSON|Nawaf Al-Otaibi]] ({{Saudi Aramco}} contractors): {{SAR 1,240}}\n2. {{Al Baik}} lunch, team of 3 incl. [[PERSON|Rizwan]] and [[PERSON|Joseph Thomas]]: {{SAR 96}}\n3. Hotel, 2 nights: {{SAR 1,580}}\n4. {{Careem}} rides: {{SAR 212}}\nTotal: {{AED 3,115.50}}\nNotes: the dinner is over cap because [[PERSON|Turki]] brought his manager [[PERSON|Abu Faisal]]. Approver: [[PERSON|Deepa Raghavan]] ([[EMAIL|deepa.raghavan@falconsys.ae]]). [[PERSON|Anil]] says the receipt from {{Nusr-Et}} is in Arabic only.""",
    ),
    (
        "expense_report",
        "en/SG-Chinese",
        """Please summarise these expenses by category and tell me which lines need receipts. Policy ref {{FIN-POL-7.2}}.\n\nEmployee: [[PERSON|Tan Wei Ming]] ({{APAC Partner Manager}})\nApprover: [[PERSON|Lim Hui Min]]\nCard: Amex [[CREDIT_CARD|3477 862593 04075]]\n• {{3 Feb}} – {{Ya Kun Kaya Toast}}, breakfast with [[PERSON|Jeremy Ong]] ({{Grab}}): {{SGD 18.40}}\n• {{4 Feb}} – {{Jumbo Seafood}}, dinner with [[PERSON|Nurul Aisyah binti Rahman]] and [[PERSON|Rajesh Pillay]] ({{DBS}}): {{SGD 486.30}}\n• {{5 Feb}} – taxi to {{Changi}}: {{SGD 32.10}}\n• {{5 Feb}} – gifts for {{Chinese New Year}} (pineapple tarts ×6): {{SGD 96.00}}\nComment from [[PERSON|Wei Ming]]: [[PERSON|Hui Min]] pre-approved the dinner on {{Slack}}. [[PERSON|Aunty Mei]] at reception has the paper receipts. Reimburse via payroll on {{28 Feb}}.""",
    ),
    (
        "expense_report",
        "en/GB-Pakistani",
        """Can you turn this into the finance template and flag anything that looks like a policy breach?\n\nClaimant: [[PERSON|Imran Chaudhry]], {{Enterprise Sales}}, London\nLine manager: [[PERSON|Sana Malik-Hussain]]\nPeriod: {{March 2025}}\n- {{Dishoom King's Cross}}: client lunch with [[PERSON|Rupert Ashworth-Hale]] ({{Marks & Spencer}}) and [[PERSON|Priya Venkatesh]] — {{£148.75}}\n- {{Hawksmoor}}: dinner for {{Q1}} close, 6 people incl. [[PERSON|Tom O'Brien]] and [[PERSON|Kemi Adebayo]] — {{£612.00}}\n- {{Fortnum & Mason}} hamper for [[PERSON|Rupert]]'s team ({{Eid}} / {{Easter}}) — {{£95.00}}\n- Mileage {{Reading}} ↔ {{Slough}}, 84 miles @ {{45p}} — {{£37.80}}\nNotes: [[PERSON|Imran]] says [[PERSON|Sana]] approved the {{Hawksmoor}} dinner verbally. Reimburse to [[IBAN|GB40BARC20267874862570]]. Send queries to [[EMAIL|imran.chaudhry@northgate-sw.co.uk]].""",
    ),
    (
        "expense_report",
        "en/US-Mexican-American",
        """Audit this report: duplicates, missing itemised receipts, alcohol over {{$75}}. Output a table.\n\nReport {{ER-88310}} | [[PERSON|Alejandro "Alex" Gutiérrez Ramos]] | Chicago, {{NRF}} follow-up\nCard: MC [[CREDIT_CARD|5168-4407-4142-2070]]\n{{05/06}} {{Lou Malnati's}} — deep dish with [[PERSON|Marcus Chen]] and [[PERSON|Shannon Kowalski]] ({{Walgreens}}): {{$164.20}}\n{{05/06}} {{Lou Malnati's}} — {{$164.20}} (posted twice?)\n{{05/07}} {{Chicago Marriott Marquis}}: {{$612.88}}\n{{05/07}} Cubs game at {{Wrigley Field}}, 4 tix, guests [[PERSON|Marcus]] and [[PERSON|Darius Freeman]]: {{$388.00}}\n{{05/08}} {{Uber}} to {{O'Hare}}: {{$61.14}}\nApprover: [[PERSON|Dana Whitfield]]. [[PERSON|Alex]] notes [[PERSON|Shannon]] paid the tip in cash. Questions to [[EMAIL|agutierrez@brightlane.io]] or [[PHONE|+1 312-847-2261]].""",
    ),
    (
        "expense_report",
        "he/IL-Russian",
        """תבדוק את דוח ההוצאות מול הנוהל (ארוחה עד {{₪250}} לאדם) ותכתוב הערות לאישור.\n\nעובד: [[PERSON|ולדימיר גורביץ']] (בצוות קוראים לו [[PERSON|וובה]]), ת.ז. [[IL_ID|632146593]]\nמחלקה: {{מכירות אנטרפרייז}}, {{חיפה}}\nמאשרת: [[PERSON|אירינה שפירו]]\nהוצאות {{מאי 2025}}:\n1. {{מחניודה}}, ירושלים – ארוחה עם [[PERSON|אלכסנדר פישמן]] ו[[PERSON|לנה טרכטנברג]] מ{{הראל ביטוח}}: {{₪1,140}}\n2. {{ארומה}} – פגישת בוקר עם [[PERSON|סרגיי]]: {{₪84}}\n3. חניה ב{{אחוזת חוף}}: {{₪62}}\n4. דלק: {{₪410}}\nהערה של [[PERSON|וובה]]: [[PERSON|אירינה]] אישרה בוואטסאפ את הארוחה כי [[PERSON|פישמן]] הביא עוד שני מנהלים. הקבלות נשלחו ל[[EMAIL|v.gurevich@tzafon-tech.co.il]].""",
    ),
    (
        "expense_report",
        "he/IL-Mizrahi",
        """צריך לסדר את ההוצאות מהכנס באילת לפי קטגוריות, ולסמן מה חורג.\n\nמגיש: [[PERSON|ז'קי (יעקב) אטיאס]], {{מנהל אזור דרום}}\nמשתתפים: [[PERSON|מורן אלבז]], [[PERSON|קובי חדד]], [[PERSON|שני פתאל]] (כן, כמו הרשת – אין קשר)\nכרטיס חברה: [[CREDIT_CARD|4580443437902028]]\n• מלון {{לאונרדו}} של {{פתאל}}, 2 לילות × 3 חדרים: {{₪5,820}}\n• {{ארקפה}} {{נמל אילת}}: {{₪212}}\n• ארוחת ערב עם הלקוח [[PERSON|רפי אוחנה]] מ{{ישרוטל}}: {{₪1,390}}\n• טיסה {{ארקיע}} ל{{רמון}}: {{₪1,164}}\nהערות: [[PERSON|ז'קי]] מבקש אישור חריגה כי [[PERSON|רפי]] סגר עסקה של {{₪240,000}}. [[PERSON|מורן]] כתבה "תודה ו{{חן חן}} על הארגון". אישור סופי: [[PERSON|אבי]] מהכספים.""",
    ),
    (
        "expense_report",
        "he/IL-Georgian-Jewish",
        """בבקשה תכין טבלת החזר הוצאות לנסיעה לטביליסי, כולל המרה לשקלים לפי שער {{1 GEL = ₪1.33}}.\n\nנוסע: [[PERSON|ניקו יוסבשווילי]], {{מנהל פיתוח עסקי}}\nמלווה: [[PERSON|תמרי כהן-ג'אפרידזה]]\nלקוח: {{ג'ורג'יאן פורניצ'ר}}, בעלים [[PERSON|לבן קיקנאדזה]] ([[PHONE|+995 555 41 63 62]])\nהוצאות:\n1. מלון, 3 לילות: {{GEL 1,020}}\n2. ארוחה עם [[PERSON|לבן]] ו[[PERSON|נאטו]] (המנהלת שלו): {{GEL 340}}\n3. ביקור במפעל – ריהוט מעץ {{ארז}} ו{{אלון}}, דוגמאות: {{GEL 180}}\n4. מוניות {{Bolt}}: {{GEL 96}}\nהערות: [[PERSON|ניקו]] מבקש לשלם ל[[PERSON|אליקו]] מהמשרד בטביליסי {{$50}} מזומן על תרגום. [[PERSON|תמרי]] מבקשת שההחזר ייכנס לפני {{חנוכה}}.""",
    ),
    (
        "expense_report",
        "ar/AE-Emirati",
        """لو سمحت راجع مطالبة المصاريف وقول لي إذا فيها شي مخالف للسياسة قبل لا أرفعها لـ[[PERSON|بو راشد]].\n\nالموظف: [[PERSON|حمد سيف الكعبي]]، {{مدير حسابات رئيسية}}\nالمعتمِد: [[PERSON|شما المهيري]]\nالبطاقة: [[CREDIT_CARD|2221980453547186]]\n١) عشاء في {{مطعم الفنر}} مع العميل [[PERSON|سلطان بن حميد الشامسي]] وأخوه [[PERSON|مايد]]: {{١٬٢٥٠ درهم}}\n٢) غداء في {{جميرا}} مع [[PERSON|أنوشا]] من {{اتصالات}}: {{٤٨٠ درهم}}\n٣) مواقف {{دبي مول}}: {{٦٠ درهم}}\n٤) هدية {{عيد مبارك}} للعميل (تمر وقهوة): {{٣٥٠ درهم}}\nملاحظة: إيصال البند ٣ غير {{صالح}} لأنه بدون رقم ضريبي. [[PERSON|شما]] قالت العشاء ينقبل لأن [[PERSON|سلطان]] وقع العقد. للتواصل: [[PHONE|٠٥٠٦٣٣٨٧٥٠]].""",
    ),
    (
        "expense_report",
        "ar/TN-Tunisian",
        """عيشك، نحب ملخص لمصاريف الخرجة متاع صفاقس وسوسة، وقلي شنوّة ناقص باش نبعثها للمحاسبة.\n\nالموظف: [[PERSON|سامي بن يوسف]]\nالمسؤولة: [[PERSON|ألفة الشابي]]\nالمصاريف:\n- كراء كرهبة من {{تونس}} لـ{{صفاقس}}: {{٣٤٠ دينار}}\n- عشاء مع الحريف [[PERSON|منير القرقوري]] و[[PERSON|نرجس]] متاع المشتريات في {{سوسة}}: {{١٨٥ دينار}}\n- قهوة مع [[PERSON|حمّة العياري]]: {{١٢ دينار}}\n- إيصال الأوتيل ضايع، [[PERSON|سامي]] باش يطلب نسخة من [[PERSON|وداد]] في الاستقبال\nالتلفون متاع [[PERSON|منير]]: [[PHONE|+216 20 055 613]]\nملاحظة: [[PERSON|ألفة]] تحب كل شي يوصل قبل {{عيد الجلاء}}، والمجموع ما يفوتش {{٦٠٠ دينار}}. حريف {{دليس}} استنى الطلبية {{نهار الإثنين}}.""",
    ),
    (
        "expense_report",
        "de/DE-Turkish",
        """Bitte prüfe diese Reisekostenabrechnung auf Vollständigkeit und formuliere eine kurze Rückfrage an den Mitarbeiter.\n\nMitarbeiter: [[PERSON|Mehmet Yılmaz-Schröder]], {{Key Account Manager}} Süd\nGenehmigung: [[PERSON|Katrin Bauer]]\nReise: München → Frankfurt, {{19.–20. Juni}} ({{Fronleichnam}} am 19.!)\n1. {{ICE 577}}, 1. Klasse: {{189,90 €}}\n2. Hotel {{Steigenberger Frankfurter Hof}}: {{312,00 €}}\n3. Geschäftsessen mit Dr. [[PERSON|Friedrich von Ahlen]] und [[PERSON|Aylin Öztürk]] ({{Merck}}): {{246,70 €}}\n4. {{Dallmayr}} Kaffee & Präsente für Frau [[PERSON|Öztürk]]: {{38,00 €}}\nErstattung auf [[IBAN|DE15370400449957689117]]\nAnmerkung: [[PERSON|Mehmet]] fragt, ob Reisetage im {{Kurban Bayramı}} als Urlaub zählen. [[PERSON|Katrin]] erreicht man unter [[PHONE|0151 04319554]]. Summe: {{786,60 €}}.""",
    ),
    # ------------------------------------------------------------------ commission_statement
    (
        "commission_statement",
        "en/IL-Mixed",
        """Generate individual commission emails from this Q2 statement (one short paragraph each, friendly tone).\n\nQ2 2025 COMMISSION STATEMENT — {{Israel Enterprise}} team, plan {{SPIFF-Q2-IL}}\nRep | Quota | Closed | Attain. | Payout\n[[PERSON|Lior Ben-David]] ([[EMAIL|lior.bd@keshet-sw.com]]) | {{₪1.8M}} | {{₪2.13M}} | {{118%}} | {{₪46,200}}\n[[PERSON|Tigist Mekonen]] ([[EMAIL|tigist.m@keshet-sw.com]]) | {{₪1.5M}} | {{₪1.41M}} | {{94%}} | {{₪27,900}}\n[[PERSON|Yuval Shwartz]] | {{₪2.0M}} | {{₪2.6M}} | {{130%}} | {{₪61,750}}\n[[PERSON|Rana Khoury]] | {{₪1.2M}} | {{₪1.22M}} | {{102%}} | {{₪24,100}}\nPayroll reference for [[PERSON|Yuval]]: ID [[IL_ID|647281153]], paid to [[IBAN|IL420113699356327295181]].\nNotes: [[PERSON|Tigist]]'s {{Elbit}} deal slipped to {{July}}, so her accelerator is paused. [[PERSON|Rana]] split the {{Shufersal}} deal 50/50 with [[PERSON|Ohad]]. Questions to [[PERSON|Dalia Rubinstein]] in RevOps.""",
    ),
    (
        "commission_statement",
        "en/US-Anglo",
        """Explain this 1099 agent commission statement in plain English and check the math.\n\nAgent: [[PERSON|Bradley "Brad" Kettering]]\nTax ID (SSN): [[US_SSN|431-36-5597]]\nMailing: [[ADDRESS|4410 Oak Hollow Dr, Plano, TX 75093]]\nPeriod: {{April 2025}} | Plan: {{Referral Partner – Gold}}\n1. {{Johnson & Johnson}} renewal — {{$84,000}} × {{8%}} = {{$6,720}}\n2. {{Wells Fargo}} pilot — {{$22,500}} × {{10%}} = {{$2,250}}\n3. {{Dr Pepper}} upsell — {{$9,800}} × {{10%}} = {{$980}} (clawback pending)\nTotal due: {{$9,950}}, paid by ACH from our {{Chase}} account.\nNotes: [[PERSON|Chase Whitman]] in finance will {{mark}} line 3 as disputed; [[PERSON|Mark Sullivan]] (partner manager) approved lines 1–2. [[PERSON|Brad]] can reach [[PERSON|Chase]] at [[EMAIL|cwhitman@ridgeway-partners.com]] or [[PHONE|972-381-2048]].""",
    ),
    (
        "commission_statement",
        "en/AU-Greek",
        """Please draft the monthly commission email to the {{ANZ}} reps from this table, and flag the split deal.\n\nCommission run {{CR-2025-05}} (paid {{15 June}})\n• [[PERSON|Konstantinos "Kosta" Papadopoulos]] — {{Harvey Norman}} POS rollout, {{A$412,000}} TCV, {{6%}} → {{A$24,720}}\n• [[PERSON|Eleni Georgiou-Walsh]] — {{Bunnings}} renewal, {{A$188,000}}, {{4%}} → {{A$7,520}}\n• [[PERSON|Sophie Norman]] (no relation to {{Harvey Norman}}) — split 50/50 with [[PERSON|Kosta]] on {{JB Hi-Fi}}, {{A$96,000}}, {{5%}} → {{A$2,400}} each\n• [[PERSON|Dimitri Karalis]] — below threshold, {{A$0}}\nContacts: [[PERSON|Kosta]] [[PHONE|0418 716 168]], [[PERSON|Eleni]] [[EMAIL|eleni.gw@southcross.com.au]]\nNotes: [[PERSON|Sophie]] asked whether the {{ANZAC Day}} public holiday delays the payment run. Approver [[PERSON|Nikos Andreou]]. [[PERSON|Dimitri]] will be coached by [[PERSON|Eleni]] in {{July}}.""",
    ),
    (
        "commission_statement",
        "en/NG-Igbo",
        """Check these commission lines for errors and write a memo to the Lagos sales team.\n\nCOMMISSION STATEMENT — {{H1 2025}}, {{Lagos & South-East}}\n[[PERSON|Chukwuemeka Nwosu]] | {{Innoson Motors}} fleet telematics | {{₦148,000,000}} | {{3%}} | {{₦4,440,000}}\n[[PERSON|Ngozi Eze]] | {{Zenith Bank}} branch kiosks | {{₦92,500,000}} | {{3%}} | {{₦2,775,000}}\n[[PERSON|Adaeze Okonkwo-Uche]] | {{Access Bank}} upsell | {{₦31,000,000}} | {{2.5%}} | {{₦775,000}}\n[[PERSON|Obinna]] (new hire) | ramp guarantee | {{₦600,000}}\nNotes: [[PERSON|Emeka]] asked for the {{Innoson}} payout before the {{New Yam Festival}}. [[PERSON|Ngozi]]'s line needs sign-off from Mr. [[PERSON|Ifeanyi Obi]]; call him on [[PHONE|0805 827 9401]]. Send statements to [[EMAIL|c.nwosu@eastbridge.ng]] and [[EMAIL|ngozi.eze@eastbridge.ng]]. [[PERSON|Ada]] disputes the {{2.5%}} rate.""",
    ),
    (
        "commission_statement",
        "he/IL-Ashkenazi",
        """תכין לכל נציג מייל אישי עם סיכום העמלה שלו ל{{רבעון 1}}, בטון חיובי.\n\nדוח עמלות – {{Q1 2025}} – צוות {{קמעונאות}}\n1. [[PERSON|גל פרידמן]] – {{אושר עד}}, חוזה שנתי {{₪780,000}}, עמלה {{5%}} = {{₪39,000}}\n2. [[PERSON|אלון יוחננוף]] – רשת {{יוחננוף}}, {{₪420,000}}, עמלה {{4%}} = {{₪16,800}} ([[PERSON|אלון]] לא מהמשפחה של הרשת)\n3. [[PERSON|נעמה קרמר]] – {{ויקטורי}}, {{₪150,000}}, עמלה {{4%}} = {{₪6,000}}\n4. [[PERSON|ברק]] – מתחת לסף, {{₪0}}\nמיילים: [[EMAIL|gal.f@retailx.co.il]], [[EMAIL|alon.y@retailx.co.il]], [[EMAIL|naama.kramer@retailx.co.il]]\nהערות: [[PERSON|נעמה]] ביקשה לפצל את העסקה של {{ויקטורי}} עם {{עמיתה}} מהצוות, [[PERSON|שירי]]. התשלום יועבר ב{{10 באפריל}}, לפני {{פסח}}. לשאלות: [[PERSON|דבורה אייזנברג]] מהשכר.""",
    ),
    (
        "commission_statement",
        "he/IL-Druze",
        """בדוק בבקשה את החישוב ותכתוב הסבר קצר לכל נציג, בעברית.\n\nדוח עמלות – צוות {{צפון}} – {{אפריל 2025}}\n• [[PERSON|כמאל עזאם]] – {{מחלבות גד}}, {{₪240,000}}, {{6%}} → {{₪14,400}}\n• [[PERSON|רים חסון]] – {{עיריית כרמיאל}}, {{₪180,000}}, {{6%}} → {{₪10,800}}\n• [[PERSON|סמיח אבו-ריש]] – ביטול עסקה, {{קיזוז}} של {{₪3,200}}\nתשלום ל[[PERSON|רים]]: ת.ז. [[IL_ID|417376365]], טלפון לעדכון [[PHONE|052-640-1187]].\nהערות: [[PERSON|כמאל]] ביקש שהתשלום ייכנס לפני {{עיד אל-אדחא}}. [[PERSON|נביה]] מהכספים אמרה ש[[PERSON|סמיח]] יכול לערער עד {{סוף החודש}}. המנהל, [[PERSON|ראמז חלבי]], רוצה לדבר עם [[PERSON|רים]] על הקידום.""",
    ),
    (
        "commission_statement",
        "ar/SA-Saudi",
        """ممكن تشرح لي كشف العمولة هذا وتتأكد إن الحسبة صحيحة؟\n\nكشف عمولة – {{الربع الأول ١٤٤٦}}\nالموظف: [[PERSON|ريان بن عبدالله الزهراني]]\nالحساب البنكي: [[IBAN|SA3380000512255260068061]] ({{مصرف الراجحي}})\nالصفقات:\n- {{أسواق عبدالله العثيم}}: عقد {{١٬٢٠٠٬٠٠٠ ريال}}، عمولة {{٣٪}} = {{٣٦٬٠٠٠ ريال}}\n- {{مستشفى الملك فيصل التخصصي}}: عقد {{٦٥٠٬٠٠٠ ريال}}، عمولة {{٤٪}} = {{٢٦٬٠٠٠ ريال}}\nالمجموع: {{٦٢٬٠٠٠ ريال}}\nملاحظات: صفقة {{العثيم}} قسمناها مع [[PERSON|أريج الغامدي]]، و[[PERSON|سعد العثيم]] عندنا في الفريق ما له دخل بالشركة. اعتماد الصرف من [[PERSON|أبو نواف]]، ويصرف بعد {{اليوم الوطني}}. [[PERSON|ريان]] يبي نسخة على [[EMAIL|rayan.zahrani@najdtech.sa]].""",
    ),
    (
        "commission_statement",
        "ar/QA-Qatari",
        """أبي ملخص قصير لكشف العمولات هذا مع رسالة تهنئة لـ{{نجم الشهر}}.\n\nكشف عمولات {{مايو ٢٠٢٥}} – فريق {{الدوحة}}\n[[PERSON|عبدالعزيز المناعي]]: عقد {{بلدية الريان}}، {{٨٥٠٬٠٠٠ ر.ق}}، عمولة {{٥٪}} = {{٤٢٬٥٠٠ ر.ق}}\n[[PERSON|موزة الكواري]]: {{مجموعة الفردان}}، {{٣٢٠٬٠٠٠ ر.ق}}، عمولة {{٥٪}} = {{١٦٬٠٠٠ ر.ق}}\n[[PERSON|نجم الدين حسن]]: تجديد {{أوريدو}}، عمولة {{٢٪}} = {{٤٬١٠٠ ر.ق}}\nالتحويل لحساب [[PERSON|موزة]]: [[IBAN|QA58QNBA583025191956737624165]]\nملاحظات: [[PERSON|عبدالعزيز]] هو {{نجم الشهر}} بعد ما سكّر صفقة {{الريان}}. [[PERSON|نايف الهاجري]] يسأل ليش عمولته ما طلعت، رقمه [[PHONE|3302 4264]]. [[PERSON|أم حمد]] من المالية تقول الصرف بعد {{عيد الأضحى}}. [[PERSON|فهد الفردان]] (موظف عندنا) ما له علاقة بـ{{مجموعة الفردان}}.""",
    ),
    (
        "commission_statement",
        "ar/LB-Levantine",
        """فيك تراجعلي كشف العمولات وتكتبلي إيميل لكل واحد؟ بدي ياه بالعربي.\n\nكشف العمولات – {{الفصل الأول}} – فرع {{بيروت}}\n- [[PERSON|جو الحاج]] ([[PERSON|جوزيف]]): عقد مع {{بنك عودة}}، {{١٢٠٬٠٠٠ دولار}}، عمولة {{٧٪}} = {{٨٬٤٠٠ دولار}} فريش\n- [[PERSON|ريتا عقيقي]]: {{مستشفى أوتيل ديو}}، {{٥٥٬٠٠٠ دولار}}، {{٧٪}} = {{٣٬٨٥٠ دولار}}\n- [[PERSON|طوني نصّار]]: ولا صفقة هالفصل\nملاحظات: [[PERSON|مارون عودة]] عنا بالفريق، ما إلو علاقة بالبنك ولا بسيارات {{أودي}}. [[PERSON|كارلا صفير]] من المحاسبة بتقول الدفع بيكون قبل {{عيد مار مارون}}. إذا في سؤال، [[PERSON|ريتا]] على [[PHONE|+961 71 827 852]] أو [[EMAIL|rita.akiki@cedarsoft.lb]]. [[PERSON|أبو طوني]] بيسلّم عليكن.""",
    ),
    (
        "commission_statement",
        "pt/BR-Brazilian",
        """Pode resumir esse extrato de comissões e escrever uma mensagem de parabéns para o time de {{São Paulo}}?\n\nExtrato de comissões – {{abril de 2025}}\n• [[PERSON|João Pedro dos Santos Oliveira]] — {{Magazine Luiza}}, contrato {{R$ 920.000,00}}, comissão {{4%}} = {{R$ 36.800,00}}\n• [[PERSON|Ana Beatriz Souza]] — {{Natura}}, {{R$ 410.000,00}}, {{4%}} = {{R$ 16.400,00}}\n• [[PERSON|Luiza Ferreira]] (sem relação com a {{Magazine Luiza}}) — dividiu a venda com [[PERSON|Thiago Nakamura]], {{R$ 9.225,00}} cada\nChave Pix do [[PERSON|JP]]: [[EMAIL|joaopedro.oliveira@gmail.com]]; da [[PERSON|Ana]]: [[PHONE|(11) 98432-7716]]\nObservações: pagamento depois do {{Carnaval}}, no dia {{5 de março}}. A [[PERSON|Bia]] pediu para revisar a taxa da {{Natura}}. Aprovação final: [[PERSON|Marcelo Bittencourt]].""",
    ),
    # ------------------------------------------------------------------ lead_routing_rules
    (
        "lead_routing_rules",
        "en/IL-Tech",
        """Review this routing config and explain in plain English who gets which leads. Also tell me if anything in it is risky to keep in the file.\n\n{\n  "version": "{{v3.2.1}}",\n  "webhook": {"url": "https://hooks.routr.io/in/il-smb", "secret": "[[SECRET|whsec_9fK2mQx7LpV4tR8bN1cZ6yH3wE5u]]"},\n  "rules": [\n    {"if": {"country": "{{IL}}", "employees": "<50"}, "assign": "[[PERSON|moran.levi]]", "backup": "[[PERSON|oz.shalev]]"},\n    {"if": {"industry": "{{Fintech}}"}, "assign": "[[EMAIL|shir.abutbul@routr.io]]"},\n    {"if": {"company_contains": "{{Levi Strauss}}"}, "assign": "[[PERSON|Yaakov Strauss]]"},\n    {"if": {"source": "{{Cybertech 2025}}"}, "round_robin": ["[[PERSON|tamar_k]]", "[[PERSON|eyal.b]]", "[[PERSON|Daniel Ohana]]"]}\n  ],\n  "fallback": "[[PERSON|Noa]]",\n  "blocklist_ips": ["[[IP_ADDRESS|185.220.101.47]]"]\n}\n\nContext: [[PERSON|Moran]] is on maternity leave from {{August}}, so [[PERSON|Oz]] covers. [[PERSON|Yaakov]] asked to get {{Levi Strauss}} because of his surname, which is a joke, not a rule.""",
    ),
    (
        "lead_routing_rules",
        "en/AE-Gulf",
        """Turn these Gulf territory rules into a decision table (condition → owner → backup) for the {{FY25}} kickoff.\n\n1. {{UAE}} enterprise (>{{1,000}} employees): [[PERSON|Rashid Al Falasi]] ([[EMAIL|rashid.alfalasi@gulfstack.ae]]); when on leave → [[PERSON|Neha Kapoor]].\n2. {{KSA}} public sector: [[PERSON|Abdulmajeed Al-Harbi]]. Arabic-only leads from {{Jeddah}} go to [[PERSON|Lama Al-Ghamdi]] ([[PHONE|+966 51 862 0579]]).\n3. {{Qatar}} and {{Bahrain}}: [[PERSON|Ali Redha Hasan]].\n4. {{Oman}}: [[PERSON|Said Al-Rawahi]]. [[PERSON|Said]] {{said}} he can also cover {{Salalah}} during {{Khareef}}.\n5. {{Kuwait}}: [[PERSON|Dana Al-Mutawa]], backup [[PERSON|Ali]].\n6. Any lead from {{Al-Futtaim}} or {{Majid Al Futtaim}} goes to strategic accounts, owner [[PERSON|Julian Marsh]].\n7. Leads created on {{Friday}} in KSA are held until {{Sunday}} 9:00.\n8. Duplicate check on email domain; never assign two reps to {{Emirates NBD}}.\nNote from [[PERSON|Rashid]]: [[PERSON|Neha]] should own all {{GITEX}} scans this year.""",
    ),
    (
        "lead_routing_rules",
        "en/US-Korean",
        """Debug: leads from the West Coast are landing in the wrong queue. Here is the assignment script — what's wrong?\n\n# routing.py ({{build 4.12.0.118}})\nHUBSPOT_TOKEN = "[[SECRET|pat-na1-7c2e9a41-5b3d-4f8e-a0c6-19d2b7e4f35a]]"\nOWNERS = {\n    "west": "[[PERSON|jihoon.park]]",      # [[PERSON|Ji-hoon Park]], {{LA}}\n    "east": "[[PERSON|minji.kim]]",        # [[PERSON|Min-ji Kim]], {{New York}}\n    "korea_accounts": "[[PERSON|seoyeon.lee]]",\n    "default": "[[PERSON|Charlotte Kim]]",\n}\ndef route(lead):\n    if lead.state in ("CA", "OR", "WA"): return OWNERS["east"]   # bug?\n    if "{{Lotte}}" in lead.company or "{{Samsung}}" in lead.company: return OWNERS["korea_accounts"]\n    return OWNERS["default"]\n\n[[PERSON|Ji-hoon]] says he got zero leads since {{March 3}}, while [[PERSON|Min-ji]] got {{212}}. [[PERSON|Charlotte]] (no relation to {{Lotte}}, she asked me to say that) wants a fix before {{Chuseok}} travel. Ping [[PERSON|Daniel Cho]] if the token needs rotating.""",
    ),
    (
        "lead_routing_rules",
        "en/GB-Nigerian",
        """We're merging the UK and Nigeria routing sheets. Please rewrite as one clean rule list and highlight conflicts.\n\nUK SHEET\n- Retail leads ({{Sainsbury's}}, {{Tesco}}, {{John Lewis}}) → [[PERSON|Oliver Pemberton]]; backup [[PERSON|Hannah Sainsbury]] (no relation, she gets teased)\n- Public sector → [[PERSON|Zainab Bello-Yusuf]] ([[EMAIL|zainab.by@meridianhq.co.uk]], [[PHONE|07476 092603]])\n- Web form leads from office IPs [[IP_ADDRESS|2a02:c7c:5d20:1a00::1f]] are test data, drop them\nNIGERIA SHEET\n- {{Kano}} and {{Kaduna}} → [[PERSON|Abubakar Sani Danjuma]] ([[PHONE|+234 804 310 3993]])\n- {{Lagos}} banks → [[PERSON|Hauwa Musa]]; backup [[PERSON|Aminu]]\n- Public sector (federal) → also [[PERSON|Zainab]] (conflict!)\nNotes: [[PERSON|Abubakar]] is off for {{Sallah}}; [[PERSON|Hauwa]] covers. [[PERSON|Oliver]] wants all {{Marks & Spencer}} leads too. Go-live {{Monday 2 June}}.""",
    ),
    (
        "lead_routing_rules",
        "he/IL-Yemenite",
        """תנסח מחדש את כללי הניתוב האלה כטבלה ברורה, ותבדוק שאין כפילויות.\n\nכללי ניתוב לידים – {{מרכז}} ו{{שפלה}}, גרסה {{2.4}}\n1. לידים מ{{ראש העין}}, {{אלעד}} ו{{פתח תקווה}} → [[PERSON|יוסי צנעני]] ([[PHONE|050-402-6859]])\n2. לידים עם יותר מ-{{200}} עובדים → [[PERSON|אורית נגר]], גיבוי [[PERSON|מרגלית שרעבי]]\n3. אם שם החברה מכיל "{{אור}}" (למשל {{אור תעשיות}} או {{אור-טק}}) – לא להעביר אוטומטית ל[[PERSON|אור טביב]], זה באג ישן בחוק של [[PERSON|יוסי]].\n4. לידים מ{{תערוכת ביטחון}} → [[PERSON|זכריה]], שבוע אחרי כל תערוכה.\n5. בימי {{שישי}} ו{{ערבי חג}} – הכל ל[[PERSON|מרגלית]].\nהערה: [[PERSON|אורית]] ביקשה לקבל התראות ל[[EMAIL|orit.nagar@shfela-crm.co.il]] ולא לוואטסאפ. [[PERSON|אור]] בחופשה עד אחרי {{שבועות}}.""",
    ),
    (
        "lead_routing_rules",
        "he/IL-Russian",
        """תבדוק בבקשה את החוקים ותגיד לי למה לידים דוברי רוסית לא מגיעים ל[[PERSON|סבטלנה]].\n\nחוקי שיוך – {{Salesforce}} – עודכן ב{{2.3.2025}} ע"י [[PERSON|מקסים ליברמן]]\nא. שפת ליד = רוסית → תור "{{RU-IL}}" → [[PERSON|סבטלנה קוגן]] ([[EMAIL|svetlana.kogan@mishpaha-ins.co.il]])\nב. עיר = {{אשדוד}} / {{בת ים}} / {{נתניה}} → [[PERSON|אלכס פרידמן]], גיבוי [[PERSON|דימה]]\nג. מקור = {{פייסבוק}} → תור כללי, חלוקה סבבית בין [[PERSON|יוליה]], [[PERSON|ארקדי רבינוביץ']] ו[[PERSON|אנה]]\nד. ליד עם {{גיל}} מעל {{67}} → מוצר "{{פנסיה פלוס}}" → [[PERSON|סבטלנה]]\nסדר עדיפויות: ב' לפני א' (!)\nהערה: [[PERSON|מקסים]] אמר שחוק ב' נכתב לפני ש[[PERSON|סבטלנה]] הצטרפה. [[PERSON|דימה]] זמין ב[[PHONE|053-771-2904]] אם צריך לשנות ב{{סוף שבוע}}.""",
    ),
    (
        "lead_routing_rules",
        "he/IL-Bedouin",
        """צריך לעדכן את חלוקת הלידים לדרום. תכתוב את החוקים החדשים בצורה מסודרת.\n\nמצב קיים:\n• {{רהט}}, {{תל שבע}}, {{חורה}} → [[PERSON|עאטף אל-עוקבי]]\n• {{באר שבע}} עסקים קטנים → [[PERSON|שני ביטון]]\n• {{ערערה בנגב}}, {{כסייפה}} → אין בעלים (!)\nשינויים מבוקשים:\n1. [[PERSON|סלים אבו-רקייק]] מצטרף ב{{1 ביוני}} ומקבל את {{ערערה בנגב}} ו{{כסייפה}}. טלפון: [[PHONE|+972-58-633-1840]].\n2. [[PERSON|עאטף]] מעביר את {{חורה}} ל[[PERSON|סלים]].\n3. לידים בערבית בלבד → [[PERSON|עאטף]] או [[PERSON|סלים]], לפי {{עומס}}.\n4. בזמן {{הרמדאן}} – לא לנתב לידים אחרי {{16:00}}.\nהערות: [[PERSON|שני]] ביקשה שכל לידים מ{{סופר-פארם}} יישארו אצלה. מנהל האזור [[PERSON|אבו-עלי]] מאשר.""",
    ),
    (
        "lead_routing_rules",
        "ar/AE-Emirati",
        """ساعدني أرتب قواعد توزيع العملاء المحتملين هذي في جدول، وشوف إذا فيها تعارض.\n\nقواعد التوزيع – فريق {{أبوظبي}} و{{العين}}\n١) العملاء الحكوميين → [[PERSON|مريم الظاهري]]، والبديل [[PERSON|عبيد الكتبي]]\n٢) إذا اسم الشركة فيه "{{نور}}" مثل {{نور للأثاث}} أو {{بنك نور}} → لا تتحول تلقائياً لـ[[PERSON|نور الهاشمي]]؛ هذا خطأ قديم في النظام.\n٣) الشركات العائلية ({{مجموعة الفطيم}}، {{الحبتور}}) → [[PERSON|بو خالد]] شخصياً\n٤) العملاء من {{مصدر}} → [[PERSON|فاطمة الرميثي]] ([[EMAIL|f.alremeithi@falconcrm.ae]])\n٥) الاتصالات الواردة من [[PHONE|+971 2 275 2882]] هي من مكتبنا، لا تتسجل كعميل\nملاحظات: [[PERSON|مريم]] في إجازة أمومة من {{سبتمبر}}، و[[PERSON|عبيد]] يغطي. [[PERSON|نور]] تبي كل عملاء {{العين}} لأنها من هناك. نطبق القواعد من {{أول محرم}}.""",
    ),
    (
        "lead_routing_rules",
        "ar/DZ-Algerian",
        """خويا، عاوني نكتب قواعد التوزيع هادو بطريقة واضحة للفريق، بالعربية الفصحى شوية.\n\nالقواعد الحالية:\n- ولايات {{الغرب}} ({{وهران}}، {{تلمسان}}، {{سيدي بلعباس}}) → [[PERSON|ياسين بلقاسمي]]\n- {{الجزائر العاصمة}} و{{البليدة}} → [[PERSON|أمينة مزيان]]، والاحتياط [[PERSON|رياض]]\n- {{الشرق}} ({{قسنطينة}}، {{عنابة}}، {{سطيف}}) → [[PERSON|سي الهاشمي بوزيد]]\n- الشركات العمومية ({{سوناطراك}}، {{سونلغاز}}) → [[PERSON|أمينة]] برك\n- إذا الزبون جا من معرض {{FIA}} → [[PERSON|ياسين]]\nملاحظات: [[PERSON|رياض]] قال بلي [[PERSON|أمينة]] {{أمينة}} بزاف في الأرقام وما تضيعش حتى ليد. [[PERSON|الهاشمي]] يحب الإشعارات على [[PHONE|0553 56 06 88]]. نبداو بعد {{عيد الاستقلال}}، و{{عيد سعيد}} للجميع.""",
    ),
    (
        "lead_routing_rules",
        "ru/IL-Russian",
        """Помоги переписать правила распределения лидов для израильского офиса — коротко и по пунктам, на русском.\n\nТекущие правила (версия {{1.7}}):\n1. Лиды из {{Хайфы}} и {{Кирьят-Бялика}} → [[PERSON|Аркадий Рабинович]]\n2. Русскоязычные лиды по {{страхованию жизни}} → [[PERSON|Светлана Коган]], резерв — [[PERSON|Миша Гольдфарб]]\n3. Всё, что пришло с выставки в {{Эйлате}} → [[PERSON|Жанна]]\n4. Уведомления в Slack, бот-токен [[SECRET|xoxb-2214658309-5561237790241-QmZ8kTtV4nRyB2wLsHj7pX9c]]\n5. Если в названии компании есть «{{Элит}}» — это {{Strauss}}, отдавать [[PERSON|Мише]]\nКомментарии: [[PERSON|Света]] просит, чтобы ей не падали лиды в {{Шаббат}}. [[PERSON|Аркадий]] доступен по [[PHONE|+972 54 713 2250]] и [[EMAIL|arkady.r@haifa-ins.co.il]]. Ввести с {{1 сентября}}.""",
    ),
    # ------------------------------------------------------------------ trade_show_badge_scans
    (
        "trade_show_badge_scans",
        "en/AE-GITEX",
        """Clean up these {{GITEX}} badge scans: dedupe, fix capitalisation, and give each a follow-up priority (A/B/C) with one line of reasoning.\n\nscan_id,full_name,title,company,email,phone,notes\n{{GX25-00187}},[[PERSON|AHMED KHALFAN AL SHAMSI]],{{IT Director}},{{Dubai Holding}},[[EMAIL|a.alshamsi@dhit-group.ae]],[[PHONE|+971 50 202 9729]],wants demo\n{{GX25-00188}},[[PERSON|priya ramanathan]],{{Procurement Manager}},{{Lulu Group}},[[EMAIL|priya.r@lulu-procure.com]],[[PHONE|0505116372]],needs Arabic UI\n{{GX25-00191}},Dr. [[PERSON|Layla El-Masri]],{{CIO}},{{Al Habtoor Group}},,[[PHONE|04 388 1270]],"knows [[PERSON|Wassim]] from our team"\n{{GX25-00193}},[[PERSON|Hope Adeyemi]],{{Solutions Architect}},{{Abdul Latif Jameel}},[[EMAIL|hope.adeyemi@alj-digital.com]],,"said she'd {{hope}} for a pilot in {{Q3}}"\n{{GX25-00194}},[[PERSON|Ahmed Al Shamsi]],,,,[[PHONE|+971502029729]],duplicate of 00187?\n{{GX25-00202}},[[PERSON|Kenji Watanabe]],{{Country Manager}},{{Jashanmal}},,,"card only, call [[PERSON|Yuki]] his PA"\nNotes from the stand: [[PERSON|Priya]] asked for pricing in {{AED}}. [[PERSON|Wassim Haddad]] and [[PERSON|Layla]] studied together in {{Beirut}}.""",
    ),
    (
        "trade_show_badge_scans",
        "en/DE-Hannover",
        """Here are yesterday's {{Hannover Messe}} lead-retrieval exports. Group them by country, flag hot leads, and draft a 2-line follow-up for each hot one.\n\n1. [[PERSON|Maximilian von Hohenberg]] — {{Head of Automation}}, {{Liebherr}}, [[EMAIL|m.vonhohenberg@lh-components.de]], [[PHONE|+49 15654 610735]] — HOT, asked about {{Profinet}} gateway\n2. [[PERSON|Anouk van der Berg]] — {{Philips}} ({{Eindhoven}}), [[PHONE|+31 6 19919220]] — warm\n3. [[PERSON|Łukasz Wiśniewski]] — {{Solaris Bus}}, [[EMAIL|lukasz.wisniewski@solaris-ops.pl]] — HOT, budget {{€220k}}\n4. [[PERSON|Giulia Ferrari]] — yes, from {{Ferrari S.p.A.}}, {{Maranello}}, [[PHONE|+39 318 739 4983]] — warm\n5. [[PERSON|Jonas Bosch]] — {{Siemens}} (not {{Bosch}}!), [[EMAIL|jonas.bosch@sie-partner.de]] — cold\n6. Dr. [[PERSON|Ingrid Müller-Lüdenscheidt]] — {{Porsche Consulting}} — HOT\nStand notes: [[PERSON|Łukasz]] wants a call after {{Pfingsten}}. [[PERSON|Giulia]] said her colleague [[PERSON|Marco Bianchi]] decides. [[PERSON|Ingrid]] prefers German; [[PERSON|Katja]] from our {{Munich}} office can take it.""",
    ),
    (
        "trade_show_badge_scans",
        "en/US-LasVegas",
        """Our lead-retrieval app synced these {{CES}} scans with broken encoding. Fix names, tag the persona, and ignore the integration block at the bottom.\n\n[[PERSON|Nguyen Thi Thu Trang]] | {{VP Merchandising}} | {{Best Buy}} | [[EMAIL|trang.nguyen@bby-partners.com]] | [[PHONE|(612) 455-8130]]\n[[PERSON|DeShawn Carter]] | {{Category Manager}} | {{Walmart}} | [[PHONE|479-802-6617]]\n[[PERSON|María José Castillo-Ruiz]] | {{Head of Retail Innovation}} | {{Dell}} | [[EMAIL|mj.castillo@dellretail-latam.com]]\n[[PERSON|Grace Ford]] | {{Fleet Program Lead}} | {{Ford Motor Company}} | no relation to the founder, she jokes\n[[PERSON|Tomasz "Tom" Nowak]] | {{Buyer}} | {{Costco}} | [[PHONE|+1 425-313-7742]]\n[[PERSON|Big Mike]] (real name [[PERSON|Michael Okonkwo]]) | {{Store Ops}} | {{McDonald's}} franchisee\nNotes: [[PERSON|Trang]] and [[PERSON|DeShawn]] attended the {{Thursday}} keynote together. [[PERSON|Grace]] asked for a {{grace}} period on the pilot invoice.\n---\nlead_api_key=[[SECRET|lrk_live_4Hq9ZtW2mB7xN1cVp8Ks3Ye6]] (app: {{Cvent LeadCapture}} {{v7.3}})""",
    ),
    (
        "trade_show_badge_scans",
        "en/IN-Bangalore",
        """From the {{Nasscom}} summit in Bengaluru — please enrich these scans with likely company size and write a WhatsApp opener for the top 3.\n\n• [[PERSON|Venkata Subramanyam Chittoor]] ("[[PERSON|VS]]"), {{CTO}}, {{Birlasoft}} — [[PHONE|+91 81078 85261]]\n• [[PERSON|Anjali Deshpande]], {{Head of Sales Ops}}, {{Infosys BPM}} — [[EMAIL|anjali.deshpande@infy-bpm.com]]\n• [[PERSON|Mohammed Rafiq Siddiqui]], {{Founder}}, {{Kirana Cloud}} — [[PHONE|081491 31677]]\n• [[PERSON|Nimal Perera]], {{Director}}, {{Dialog Axiata}} ({{Colombo}}) — [[PHONE|+94 71 383 4492]]\n• [[PERSON|Farhana Akter]], {{Product Lead}}, {{bKash}} ({{Dhaka}}) — [[PHONE|+880 1835-341213]]\n• [[PERSON|Rohan Bajaj]] — works at {{Tata Elxsi}}, not {{Bajaj Auto}}, no family link — [[EMAIL|rohan.bajaj@tataelxsi-mail.in]]\nNotes: [[PERSON|Anjali]] wants the deck before {{Ugadi}}. [[PERSON|Nimal]] said his colleague [[PERSON|Kumari Jayasinghe]] owns budget. [[PERSON|Rafiq]] only replies after {{Jummah}} on Fridays.""",
    ),
    (
        "trade_show_badge_scans",
        "he/IL-Cybertech",
        """תעבור על הסריקות מ{{סייברטק}} ותחלק ללידים חמים/פושרים, עם הודעת מעקב קצרה לכל חם.\n\nשם | תפקיד | חברה | טלפון | מייל | הערות\n[[PERSON|אביטל שמעוני]] | {{CISO}} | {{בנק דיסקונט}} | [[PHONE|050-760-1895]] | [[EMAIL|avital.shimoni@dsc-sec.co.il]] | חם, רוצה POC\n[[PERSON|רפאל אזולאי]] | {{ראש צוות}} | {{רפאל}} | [[PHONE|054-922-3018]] | – | כן, [[PERSON|רפאל]] מ{{רפאל}}\n[[PERSON|Yoni Ben-Ami]] | {{VP R&D}} | {{Check Point}} | – | [[EMAIL|yoni.benami@cp-research.io]] | פושר\n[[PERSON|שירן]] (לא השאירה שם משפחה) | {{מנהלת רכש}} | {{תעשייה אווירית}} | [[PHONE|058-319-4406]] | – | חם\n[[PERSON|בוריס גלוזמן]] | {{SOC Manager}} | {{אלביט}} | – | – | ביקש שנתקשר אחרי {{סוכות}}\nהערות מהדוכן: [[PERSON|אביטל]] מכירה את [[PERSON|גיא]] מהצוות שלנו מ{{8200}}. [[PERSON|רפאל]] ביקש לא לשלוח מייל לכתובת של {{רפאל}}, רק לנייד.""",
    ),
    (
        "trade_show_badge_scans",
        "he/IL-Mixed",
        """סריקות מתערוכת {{Israfood 2025}} – תסדר לפי עדיפות ותנסח הודעת וואטסאפ קצרה לכל אחד.\n\n1. [[PERSON|ליאת בן-חמו]], {{מנהלת קטגוריה}}, {{תנובה}}, [[PHONE|052-233-0792]] – מתעניינת במקררי תצוגה\n2. [[PERSON|חן]] מ{{אסם}} (רק שם פרטי על התג), [[EMAIL|chen.l@osem-trade.co.il]] – אמרה "{{חן חן}}" ולקחה קטלוג\n3. [[PERSON|ויקטור אברמוב]], {{בעלים}}, {{מאפיית אברמוב}} – כן, המאפייה על שמו, [[PHONE|03-618-2290]]\n4. [[PERSON|נאדיה ח'טיב]], {{רכש}}, {{רמי לוי}}, [[EMAIL|nadia.khatib@rl-procure.co.il]]\n5. [[PERSON|אליעזר (לייזר) פרלמוטר]], {{משגיח כשרות}}, {{בד"ץ}} – לא ליד, רק איש קשר\n6. [[PERSON|טל]] ו[[PERSON|גפן]] מ{{וילי-פוד}} – ביקשו הדגמה ב{{יום שני}}\nהערות: [[PERSON|ליאת]] תהיה ב{{חופשת לידה}} מ{{אוגוסט}}. [[PERSON|ויקטור]] רוצה מחיר ב{{₪}} כולל מע"מ.""",
    ),
    (
        "trade_show_badge_scans",
        "ar/SA-LEAP",
        """هذي مسحات البطاقات من معرض {{ليب ٢٠٢٥}} في {{الرياض}}. رتبها حسب الأولوية واكتب رسالة متابعة قصيرة لكل عميل مهم.\n\n- [[PERSON|عبدالرحمن بن سعود القحطاني]] | {{مدير التحول الرقمي}} | {{stc}} | [[PHONE|٠٥١٩١٨٠٥٨٨]] | مهتم بالذكاء الاصطناعي\n- [[PERSON|هيفاء الدباغ]] | {{رئيسة المشتريات}} | {{مجموعة صافولا}} | [[EMAIL|haifa.dabbagh@savola-proc.sa]]\n- م. [[PERSON|تركي العنزي]] | {{أرامكو السعودية}} | [[PHONE|+966 51 726 1675]] | يبي عرض قبل {{رمضان}}\n- [[PERSON|جود الشهري]] | {{مؤسسة الملك عبدالله}} | بطاقة بدون جوال\n- [[PERSON|Arjun Mehta]] | {{NEOM}} | [[EMAIL|arjun.mehta@neom-partners.com]]\n- [[PERSON|أبو سلطان]] (ما عطانا اسمه الكامل) | {{شركة العليان}} | [[PHONE|011 524 2731]]\nملاحظات: [[PERSON|هيفاء]] تعرف [[PERSON|ريم]] من فريقنا. [[PERSON|تركي]] قال إن القرار عند م. [[PERSON|سعد]]؛ نتابع بعد {{يوم التأسيس}}. مدير الجناح [[PERSON|فهد الدوسري]] يبي التقرير يوم {{الأحد}}.""",
    ),
    (
        "trade_show_badge_scans",
        "ar/EG-CairoICT",
        """دي قايمة الناس اللي عدّت على البوث في {{Cairo ICT}}. عايزك تفرزهم حسب القطاع وتكتب إيميل متابعة واحد ينفع للكل.\n\n١. [[PERSON|أحمد مصطفى عبد الحميد]] – {{مجموعة طلعت مصطفى}} (مش قريبهم، تشابه أسماء) – [[PHONE|010 08374071]]\n٢. م. [[PERSON|منة الله الشاذلي]] – {{البنك الأهلي المصري}} – [[EMAIL|menna.elshazly@nbe-digital.eg]]\n٣. [[PERSON|كيرلس منير]] – {{فوري}} – [[PHONE|+20 10 13748477]] – عايز ديمو يوم {{الأحد}}\n٤. [[PERSON|شيماء عبد الرازق]] – {{المصرية للاتصالات}} – كارت بس\n٥. [[PERSON|Omar Farouk]] – {{Swvl}} – [[EMAIL|omar.farouk@swvl-ops.com]]\n٦. الحاج [[PERSON|سيد أبو العينين]] – مورد أجهزة في {{العتبة}} – [[PHONE|02 38818174]]\nملاحظات: [[PERSON|منة]] بتقول القرار عند د. [[PERSON|هشام زكي]]. [[PERSON|كيرلس]] هيسافر بعد {{عيد القيامة}}. [[PERSON|مصطفى]] من فريقنا هو اللي جاب [[PERSON|أحمد]] للبوث.""",
    ),
    (
        "trade_show_badge_scans",
        "ar/MA-GITEX-Africa",
        """هادو الناس لي سكانينا البادجات ديالهم فـ{{GITEX Africa}} ف{{مراكش}}. صنفهم وكتب ليا ميساج متابعة بالفرنسية لكل واحد.\n\n- [[PERSON|Youssef El Amrani]] – {{DSI}} – {{OCP}} – [[EMAIL|y.elamrani@ocp-digital.ma]] – [[PHONE|06 51 83 41 70]]\n- [[PERSON|غيثة بنسودة]] – {{Directrice Achats}} – {{مجموعة أكوا}} – [[PHONE|+212 6 56 02 07 76]]\n- [[PERSON|Mamadou Diallo]] – {{Orange Sénégal}} – [[EMAIL|mamadou.diallo@orange-sn-ent.com]]\n- [[PERSON|حمزة الإدريسي]] – ستارتاب {{Chari}} – بغا ديمو نهار {{الثلاثاء}}\n- [[PERSON|Salma Tazi]] – {{Attijariwafa Bank}} – بطاقة فقط\nملاحظات: [[PERSON|غيثة]] كتعرف [[PERSON|سي محمد]] من الفريق ديالنا. [[PERSON|Mamadou]] غادي يرجع لـ{{Dakar}} قبل {{عيد الأضحى}}. [[PERSON|حمزة]] قال {{سلام}} لـ[[PERSON|كريمة]] لي كانت فالستاند.""",
    ),
    (
        "trade_show_badge_scans",
        "tr/TR-Istanbul",
        """{{CeBIT Eurasia}} fuarında taradığımız kartvizitler aşağıda. Lütfen sektöre göre grupla ve her sıcak müşteri için kısa bir takip e-postası yaz.\n\n1. [[PERSON|Ayşe Nur Çelik]] — {{Satın Alma Müdürü}}, {{Arçelik}} — [[EMAIL|aysenur.celik@arc-procure.com.tr]] — sıcak\n2. [[PERSON|Mehmet Ali Koç]] — {{Koç Holding}} (aileden değil, sadece soyadı aynı) — [[PHONE|+90 506 112 56 51]]\n3. [[PERSON|Zeynep Yıldırım-Aksoy]] — {{Turkcell}} — [[PHONE|0508 800 21 58]] — ılık\n4. [[PERSON|Arman Kasparyan]] — {{Kuyumcukent}}'te mağaza sahibi — [[EMAIL|arman.kasparyan@gmail.com]]\n5. [[PERSON|Hakan]] (soyadı yok) — {{Migros}} — sadece kartvizit\nNotlar: [[PERSON|Ayşe Nur]] {{Kurban Bayramı}}'ndan sonra demo istiyor. [[PERSON|Mehmet Ali]] bütçenin [[PERSON|Selin]] Hanım'da olduğunu söyledi. Teklifler {{₺}} ve {{€}} olarak hazırlansın; son tarih {{Cuma}}.""",
    ),
    # ------------------------------------------------------------------ win_loss_interview
    (
        "win_loss_interview",
        "en/IL-Ethiopian",
        """Summarise this loss interview into: reasons we lost, quotes worth sharing, and what product should hear. Keep it under 200 words.\n\nDeal: {{D-44190}} – {{Hatzor Logistics}} – lost to {{Monday.com}} on {{12 May 2025}}\nInterviewer: [[PERSON|Dana Weiss]] | Interviewee: [[PERSON|Avraham Negussie]], {{Operations Manager}}\n[[PERSON|Dana]]: What made you choose the other vendor?\n[[PERSON|Avraham]]: Honestly, the {{bill}}. Your quote was {{₪96,000}} a year; theirs was {{₪61,000}}. Our CFO, [[PERSON|Shula Mekonen]], would not sign above {{₪70,000}}.\n[[PERSON|Dana]]: Anything about the product?\n[[PERSON|Avraham]]: Your rep [[PERSON|Yossi]] was great, but the Amharic support my drivers needed wasn't there. [[PERSON|Worku]], our dispatcher, tested both.\n[[PERSON|Dana]]: Would you consider us again?\n[[PERSON|Avraham]]: Maybe after {{Sigd}}, when the contract review comes. Tell [[PERSON|Yossi Ben-Haim]] to call me, not email.\nFollow-up owner: [[PERSON|Dana]]; CC [[PERSON|Tsega Berhanu]] in product.""",
    ),
    (
        "win_loss_interview",
        "en/JP-Japanese",
        """Turn this win interview into a one-page case-study draft (Challenge / Why us / Results). Use family names with -san as in the notes.\n\nAccount: {{Suzuki Motor}} regional parts distributor, {{Osaka}}\nInterviewee: [[PERSON|Suzuki Aiko]] ({{Procurement Lead}}; not related to the company founders — it's the second most common surname in Japan)\nAlso present: [[PERSON|Sato Kenji]] ({{IT}}), [[PERSON|Ito Haruka]] ({{Finance}})\nOur side: [[PERSON|Ethan Brooks]], [[PERSON|Mariko Lindqvist]]\nKey quotes:\n– [[PERSON|Suzuki]]-san: "The {{Honda}} pilot convinced us. Your Japanese UI was ready in {{two weeks}}."\n– [[PERSON|Sato]]-san: "Integration with {{SAP S/4HANA}} took less time than {{Golden Week}}."\n– [[PERSON|Ito]]-san: "Price {{¥18M}} per year was acceptable because of the {{3-year}} lock."\nResults: order processing time down {{42%}}. [[PERSON|Mariko]] will send the draft to [[EMAIL|a.suzuki@szk-parts.co.jp]] by {{Friday}}; [[PERSON|Ethan]] asks if [[PERSON|Aiko]] can join a webinar in {{October}}.""",
    ),
    (
        "win_loss_interview",
        "en/IE-Irish",
        """Please analyse this loss interview: top 3 reasons, competitor strengths, and one thing we could have done differently.\n\nProspect: {{Guinness Storehouse}} events team, {{Dublin}} — lost to {{Eventbrite}}\nInterviewee: [[PERSON|Niamh Ó Briain]], {{Head of Partnerships}}\nInterviewer: [[PERSON|Pat Gallagher]]\n[[PERSON|Pat]]: Was it price?\n[[PERSON|Niamh]]: Partly. But [[PERSON|Conor Guinness]] in our finance team — no relation to the family, before you ask — wanted monthly billing, and you only offered annual.\n[[PERSON|Pat]]: And the demo?\n[[PERSON|Niamh]]: The demo was grand. [[PERSON|Seán]] showed the {{St Patrick's Day}} use case really well. Give him a {{pat}} on the back from me.\n[[PERSON|Pat]]: Who else was involved?\n[[PERSON|Niamh]]: [[PERSON|Róisín McCarthy]] from IT and our CFO, [[PERSON|Declan Fitzgerald-Byrne]].\nFollow-up: [[PERSON|Niamh]] is happy to talk again in {{Q1}}; reach her on [[PHONE|085 837 8058]].""",
    ),
    (
        "win_loss_interview",
        "en/BD-Bangladeshi",
        """Extract the decision criteria and the buying committee from this win interview, as a table.\n\nAccount: {{Square Pharmaceuticals}} distribution arm, {{Dhaka}} — WON, {{BDT 2.4 crore}} 3-year deal\nInterviewee: Md. [[PERSON|Abdur Rahim Chowdhury]], {{GM Sales Operations}}\nInterviewer: [[PERSON|Farzana Haque]] (our {{CSM}})\nQ: Why did you pick us over {{Salesforce}}?\nA: Bangla support, and your partner [[PERSON|Tanvir Ahmed]] visited {{Chattogram}} twice. Our MD, [[PERSON|Tahmina Akhter]], liked that.\nQ: Who else decided?\nA: [[PERSON|Shakib Hasan]] from IT, and [[PERSON|Rumana]] apa from finance. [[PERSON|Nusrat Jahan]] ran the pilot during {{Pohela Boishakh}}.\nQ: Anything we should improve?\nA: Invoices in {{BDT}}, not {{USD}}. And please do not schedule anything during {{Eid-ul-Fitr}}.\nContacts: [[PERSON|Rahim]] bhai at [[PHONE|+880 1712-448390]] and [[EMAIL|rahim.chowdhury@sqpharma-dist.com]].""",
    ),
    (
        "win_loss_interview",
        "he/IL-Ashkenazi",
        """תסכם את ראיון ההפסד הזה לשלוש נקודות ותציע מה לשפר בתהליך המכירה.\n\nעסקה: {{מרכז רפואי שיבא}} – מחלקת רכש – הפסד ל{{Salesforce}}\nמראיינת: [[PERSON|מיכל ליבוביץ']]\nמרואיין: ד"ר [[PERSON|אהרון גרינברג]], {{מנהל מערכות מידע}}\n[[PERSON|מיכל]]: מה הכריע?\n[[PERSON|גרינברג]]: האינטגרציה עם {{קמיליון}}. אצלכם זה היה בגרסה {{2.9}} רק בבטא.\n[[PERSON|מיכל]]: והמחיר?\n[[PERSON|גרינברג]]: המחיר היה סביר, {{₪1.2 מיליון}} לשלוש שנים. אבל [[PERSON|רחל זילברשטיין]] מהכספים רצתה ספק "בטוח".\n[[PERSON|מיכל]]: איך הייתה החוויה מול הנציג?\n[[PERSON|גרינברג]]: [[PERSON|עידו]] היה מצוין, אבל הוא עזב באמצע. [[PERSON|שמוליק]] שהחליף אותו לא הכיר את התיק.\nהמשך: [[PERSON|אהרון]] מוכן לדבר שוב אחרי {{ראש השנה}}. הטלפון שלו: [[PHONE|03-530-8842]].""",
    ),
    (
        "win_loss_interview",
        "he/IL-Mizrahi",
        """תכין לי מזה ציטוטים לשקף "למה ניצחנו" למצגת של {{יום ראשון}}.\n\nלקוח: {{רשת אופטיקנה}} – זכייה, {{₪340,000}} לשנה\nמרואיינת: [[PERSON|סיגל אברג'ל]], {{סמנכ"לית שיווק}}\nמראיין: [[PERSON|אליאור מזרחי]]\n[[PERSON|אליאור]]: למה בחרתם בנו?\n[[PERSON|סיגל]]: בגלל [[PERSON|מאיר]]. הוא בא לסניף ב{{באר שבע}} ב{{חול המועד}} וישב עם [[PERSON|פנינה]], מנהלת הסניף, שלוש שעות.\n[[PERSON|אליאור]]: מה עוד?\n[[PERSON|סיגל]]: הדשבורד של ה{{מבצעים}}. ו[[PERSON|אבי דהן]] שלנו אמר שאצלכם רואים את {{גיל}} הלקוח ואת ההיסטוריה בלחיצה אחת.\n[[PERSON|אליאור]]: היו מתחרים?\n[[PERSON|סיגל]]: {{Priority}} ו{{Monday}}. [[PERSON|מנדי]] מהרכש שלנו צחק כל הפגישה שהשם שלו כמעט כמו {{Monday}}.\nלהמשך: [[PERSON|סיגל]] מוכנה להיות רפרנס, הטלפון [[PHONE|054-623-9185]]. [[PERSON|מאיר אלמליח]] יתאם.""",
    ),
    (
        "win_loss_interview",
        "he/IL-Georgian-Jewish",
        """נתח בבקשה את ראיון ההפסד ותן המלצה אחת למוצר ואחת למכירות.\n\nעסקה: {{אשקלון מתכות}} – אבדה ל{{Priority}}, {{אפריל 2025}}\nמרואיין: [[PERSON|גבריאל (גאגי) נטנאלשווילי]], {{מנכ"ל}}\nמראיינת: [[PERSON|נינו]] מהצוות שלנו\n[[PERSON|נינו]]: מה היה החסר העיקרי?\n[[PERSON|גאגי]]: מודול המלאי. אצל {{Priority}} כבר יש התאמה ל{{מכס}}. שלכם ב{{רבעון 4}}.\n[[PERSON|נינו]]: והאנשים?\n[[PERSON|גאגי]]: [[PERSON|עמית רוזן]] מכם היה בסדר גמור. הבעיה שהבן שלי, [[PERSON|דוד]], שמנהל את הרכש, כבר עבד עם {{Priority}}. וגם [[PERSON|מזל]] אשתי, שעושה את הנהלת החשבונות, רצתה משהו מוכר.\n[[PERSON|נינו]]: נוכל לחזור?\n[[PERSON|גאגי]]: אחרי {{סוכות}}, אם יהיה לכם מלאי. תתקשרי ל[[PHONE|08-675-2241]], לא לנייד.\nהערה: {{עמית}} לעבודה של [[PERSON|עמית]] אמר שהם כבר חתמו לשלוש שנים.""",
    ),
    (
        "win_loss_interview",
        "ar/JO-Jordanian",
        """لخّصلي مقابلة الفوز هاي بثلاث نقاط، وطلعلي اقتباس منيح للموقع.\n\nالعميل: {{مستشفى الخالدي}} – {{عمّان}} – ربحنا الصفقة بـ{{١٢٠ ألف دينار}}\nالمقابَلة: د. [[PERSON|سهى الطراونة]]، {{مديرة الجودة}}\nالمقابِل: [[PERSON|زيد العبادي]] من فريقنا\n[[PERSON|زيد]]: ليش اخترتونا؟\n[[PERSON|سهى]]: بصراحة الدعم بالعربي، و[[PERSON|أبو عمر]] ضل معنا لحد ما خلص التدريب. كمان د. [[PERSON|رامي الخالدي]] – مش من عيلة أصحاب المستشفى – جرّب النظام وحبه.\n[[PERSON|زيد]]: وشو كان التحدي؟\n[[PERSON|سهى]]: الربط مع نظام {{حكيم}}. [[PERSON|ليلى]] من الـIT تعبت عليه.\n[[PERSON|زيد]]: بتقبلي تكوني مرجع؟\n[[PERSON|سهى]]: أكيد، بس بعد {{رمضان}}. تواصلوا على [[EMAIL|suha.tarawneh@khalidi-hosp.jo]].""",
    ),
    (
        "win_loss_interview",
        "ar/YE-Yemeni",
        """اشتي منك تحلل هذه المقابلة عن الصفقة اللي خسرناها، وتكتب الدروس المستفادة.\n\nالصفقة: توريد أنظمة نقاط بيع لـ{{مجموعة هائل سعيد أنعم}} – فرع {{عدن}} – خسرناها\nالمقابَل: الأستاذ [[PERSON|عبدالملك الأرياني]]، {{مدير المشتريات}}\nالمقابِلة: [[PERSON|أروى الحكيمي]]\n[[PERSON|أروى]]: ايش السبب الرئيسي؟\n[[PERSON|عبدالملك]]: السعر يا أستاذة. عرضكم كان {{٨٥ ألف دولار}} والمنافس {{٦٠ ألف}}.\n[[PERSON|أروى]]: والخدمة؟\n[[PERSON|عبدالملك]]: المهندس [[PERSON|سعيد باوزير]] كان ممتاز، وكنا {{سعيدين}} بالتجربة. بس [[PERSON|أبو هشام]] في الإدارة المالية قرر.\n[[PERSON|أروى]]: نقدر نرجع؟\n[[PERSON|عبدالملك]]: بعد {{عيد الأضحى}} نراجع العقود. كلمني على [[PHONE|+967 718 155 166]].\nملاحظة: [[PERSON|سعيد]] مش قريب لأصحاب {{مجموعة هائل سعيد أنعم}}.""",
    ),
    (
        "win_loss_interview",
        "it/IT-Italian",
        """Riassumi questa intervista win/loss in tre punti e suggerisci una azione per il team vendite di {{Milano}}.\n\nTrattativa: {{Ferrero}} – fornitore terzo di logistica, {{Alba}} – PERSA contro {{SAP}}\nIntervistato: [[PERSON|Paolo Ferrero]] (omonimo, nessun legame con la famiglia {{Ferrero}}), {{Responsabile Acquisti}}\nIntervistatrice: [[PERSON|Chiara De Luca]]\n[[PERSON|Chiara]]: Perché avete scelto l'altro fornitore?\n[[PERSON|Paolo]]: Il prezzo era simile, {{€145.000}} l'anno. Ma il nostro direttore, l'ing. [[PERSON|Giuseppe "Peppe" Esposito]], conosceva già il loro team.\n[[PERSON|Chiara]]: E la demo?\n[[PERSON|Paolo]]: Ottima. [[PERSON|Matteo Russo]] ha spiegato bene il modulo {{WMS 4.0}}. Però [[PERSON|Francesca Galli]] dell'IT voleva l'hosting in {{Italia}}.\n[[PERSON|Chiara]]: Possiamo ricontattarvi?\n[[PERSON|Paolo]]: Dopo {{Ferragosto}}. Scrivete a [[EMAIL|p.ferrero@langhe-logistica.it]] o chiamate [[PHONE|+39 315 032 6245]].""",
    ),
    # ------------------------------------------------------------------ gdpr_data_request
    (
        "gdpr_data_request",
        "en/GB-Anglo",
        """Draft our reply to this subject access request (UK GDPR, {{one month}} deadline) and list which systems we must search.\n\nFrom: [[PERSON|Eleanor Whitcombe]] <[[EMAIL|eleanor.whitcombe@btinternet.com]]>\nReceived: {{3 March 2025}} | Ticket {{DSAR-2025-0117}}\n"Under Article 15 I request a copy of all personal data you hold about me, including call recordings and the notes your rep [[PERSON|Gareth]] made after our demo. I also want to know who you shared my details with. My address is [[ADDRESS|Flat 4, 27 Belsize Park Gardens, London NW3 4JH]]. I logged in from [[IP_ADDRESS|81.2.69.142]] and, on my phone, [[IP_ADDRESS|2a00:23c7:8e81:6a01:5c3f:11ff:fe2a:9b10]]."\nInternal notes: CRM owner was [[PERSON|Gareth Llewellyn]]; he left in {{January}}. [[PERSON|Priyanka Shah]] from marketing confirms [[PERSON|Eleanor]] is on the {{Spring Webinar}} list. DPO [[PERSON|Rajiv Menon]] wants the draft by {{Friday}}. Check {{HubSpot}}, {{Gong}}, {{Zendesk}}.""",
    ),
    (
        "gdpr_data_request",
        "en/FR-French",
        """We received this erasure request through the web form. Tell me if it is valid and what we must delete vs. keep for accounting.\n\nRequester: [[PERSON|Amélie Dufresne-Laurent]]\nEmail: [[EMAIL|amelie.dufresne@orange.fr]] | Phone: [[PHONE|06 19 04 54 40]]\nSubmitted from IP [[IP_ADDRESS|90.84.153.201]] on {{14/04/2025}}\nMessage: "I attended your stand at {{VivaTech}} and your colleague [[PERSON|Louis Martin]] scanned my badge without asking. I work for {{Louis Vuitton}}, not as a buyer, and I do not want any more emails. Please delete everything and confirm in writing. If not, I will complain to the {{CNIL}}."\nInternal: [[PERSON|Louis]] says [[PERSON|Amélie]] asked for the brochure. There is an open invoice {{FAC-2025-0932}} for {{€2,400}} under her manager, [[PERSON|Stéphane Girard]]. Our DPO [[PERSON|Claire Benoît-Moreau]] must sign off. Deadline: {{14 May}}.""",
    ),
    (
        "gdpr_data_request",
        "en/IL-Russian",
        """Help me answer this deletion request under Israel's Privacy Protection Law ({{Amendment 13}}). Short, polite, English.\n\nFrom: [[PERSON|Anastasia Volkova-Peretz]]\nID number provided for verification: [[IL_ID|863791414]]\nPhone on file: [[PHONE|054-817-3360]]\n"Hi, I was a lead in your system since {{2022}}. Your agent [[PERSON|Roman]] keeps calling me about {{Pro Plan}} even after I said no. I want my phone, email and notes deleted. My husband [[PERSON|Eitan Peretz]] also got calls — please delete him too. Do not contact us during {{Pesach}}."\nInternal notes:\n- [[PERSON|Roman Feldman]] logged {{14}} calls; last one {{2 April}}.\n- [[PERSON|Eitan]] has an active support ticket {{SUP-88412}}, so we may need to keep his record.\n- Legal contact: Adv. [[PERSON|Orly Ben-Shimol]]. Ask [[PERSON|Nastya]] (she signs like that) whether she wants confirmation by SMS.""",
    ),
    (
        "gdpr_data_request",
        "en/US-Vietnamese",
        """{{CCPA}} "right to know" request below. The requester pasted way too much. Tell me what to redact from our records and draft a reply.\n\nName: [[PERSON|Pham Minh Tuan]] (goes by [[PERSON|Tony Pham]])\nAddress: [[ADDRESS|1847 Story Rd, Apt 12, San Jose, CA 95122]]\nSSN (sent "to verify identity"): [[US_SSN|107-70-1630]]\nCard used for the trial: [[CREDIT_CARD|4331232146166823]]\nEmail: [[EMAIL|tony.pham.sj@gmail.com]]\nRequest: "Tell me what data you sold or shared. Your rep [[PERSON|Kayla]] said you work with {{ZoomInfo}}. Also my wife [[PERSON|Nguyen Thi Lan]] got your emails at her work."\nInternal: The account is linked to {{Phở Hòa}} restaurant group (franchise named after the founder's wife). [[PERSON|Kayla Robinson]] is our SDR. Compliance lead [[PERSON|Marcus Delgado]] says verify via the {{last 4}} only and purge the SSN and full card from the ticket {{CCPA-0442}}.""",
    ),
    (
        "gdpr_data_request",
        "he/IL-Yemenite",
        """התקבלה בקשת עיון במידע. תנסח תשובה רשמית בעברית ותפרט אילו מערכות נבדקו.\n\nמאת: [[PERSON|נעמי עוזרי-כהן]] <[[EMAIL|naomi.ozeri@walla.co.il]]>\nכתובת: [[ADDRESS|רחוב הגפן 9, כרם התימנים, תל אביב]]\nתאריך: {{ב' בסיוון תשפ"ה}}\n"{{שלום}}, לפי {{חוק הגנת הפרטיות}} אני מבקשת לקבל את כל המידע שיש לכם עליי. הנציג [[PERSON|שלום מדהלה]] התקשר אליי מספר [[PHONE|03-685-2217]] ואמר שיש לכם את מספר תעודת הזהות שלי. גם אמא שלי, [[PERSON|יונה עוזרי]], קיבלה שיחות."\nהערות פנימיות: [[PERSON|שלום]] אומר שהליד הגיע מ{{כנס הנדל"ן}}. ממונה הגנת הפרטיות, [[PERSON|אסנת]], מבקשת לבדוק גם ב{{Priority}}. מועד אחרון: {{30 יום}}. לכתוב {{שלום}} בפתיחה, לא "לכבוד".""",
    ),
    (
        "gdpr_data_request",
        "he/IL-Ethiopian",
        """קיבלנו בקשת מחיקה. תגיד לי אם אפשר למחוק הכל או שחלק צריך לשמור, ותכתוב טיוטת תשובה.\n\nמבקש: [[PERSON|ברהנו טספאי]]\nמייל: [[EMAIL|berhanu.tesfay@gmail.com]] | נייד: [[PHONE|+972-52-918-4470]]\nנשלח מכתובת IP [[IP_ADDRESS|79.179.42.118]] ב{{18.5.2025}}\nתוכן: "שלום, השארתי פרטים באתר שלכם לפני שנה בשביל הצעה ל{{מנוי עסקי}}. לא רוצה יותר פניות. גם הבת שלי [[PERSON|אסתר טספאי]] מקבלת מכם SMS. תמחקו את שנינו. תודה, [[PERSON|ברהנו]]."\nהערות פנימיות:\n• הליד שויך ל[[PERSON|ירון]] ואחר כך ל[[PERSON|אדיסו מלקו]].\n• יש חשבונית פתוחה {{INV-77120}} על שם העסק שלו, {{טספאי הסעות}} – לשמור לצורכי מס.\n• [[PERSON|אדיסו]] אומר ש[[PERSON|אסתר]] בכלל לא ברשימה, רק מספר דומה.\nלהחזיר תשובה לפני {{סיגד}}.""",
    ),
    (
        "gdpr_data_request",
        "ar/AE-Emirati",
        """وصلنا طلب من عميل بموجب {{قانون حماية البيانات الشخصية}} الإماراتي يوم {{الاثنين}}. ساعدني أكتب رد رسمي وحدد المدة القانونية.\n\nمقدم الطلب: [[PERSON|عائشة راشد الزعابي]]\nالبريد: [[EMAIL|aisha.alzaabi@eim.ae]]\nالهاتف: [[PHONE|+971 50 474 3957]]\nالعنوان: [[ADDRESS|فيلا ٢٣، شارع ١٤، منطقة المشرف، أبوظبي]]\nنص الطلب: "أطلب نسخة من كل البيانات اللي عندكم عني، ومن شاركتوها معه. مندوبكم [[PERSON|بو سعيد]] قال إن بياناتي وصلتكم من معرض {{جيتكس}}، وأنا ما سجلت. وأبي تمسحون رقم أختي [[PERSON|موزة]] بعد."\nملاحظات داخلية: [[PERSON|سعيد الحمادي]] ([[PERSON|بو سعيد]]) يقول المسح كان عن طريق [[PERSON|سارة الفلاسي]]. مسؤول حماية البيانات [[PERSON|Kevin D'Souza]] يبي الرد قبل {{عيد الاتحاد}}. تم الدخول للبوابة من [[IP_ADDRESS|94.200.118.34]].""",
    ),
    (
        "gdpr_data_request",
        "ar/SA-Saudi",
        """جانا طلب تصحيح بيانات حسب نظام حماية البيانات الشخصية. أبي رد رسمي ونقاط للفريق الداخلي.\n\nصاحب الطلب: [[PERSON|منيرة بنت فهد السبيعي]]\nالجوال: [[PHONE|٠٥٣٢٢٧٨٩٤١]]\nالبريد: [[EMAIL|munirah.alsubaie@outlook.sa]]\nالطلب: "اسمي مكتوب عندكم غلط ([[PERSON|منيره]] بدل [[PERSON|منيرة]])، ومسجلين إني أشتغل في {{شركة الحكير}} وأنا تركتها من {{رجب}}. وفيه عنوان قديم لازم ينشال."\nملاحظات داخلية:\n- المندوب [[PERSON|ماجد العمري]] يقول إن [[PERSON|منيرة]] كانت مسؤولة المشتريات عند {{الحكير}}، ونقلت لـ{{مجموعة السيف}}.\n- [[PERSON|نوف القرني]] من التسويق تحدّث الاسم.\n- مديرة الامتثال د. [[PERSON|هالة الفارس]] تراجع قبل الإرسال.\n- المهلة {{٣٠ يوماً}} من {{١ ذو القعدة ١٤٤٦}}.""",
    ),
    (
        "gdpr_data_request",
        "ar/SY-Levantine",
        """إجانا طلب حذف بيانات من مشترك بألمانيا (لأنو عايش هونيك بينطبق عليه الـGDPR). ساعدني بالرد وبقائمة الأنظمة اللي لازم ننظفها.\n\nالاسم: [[PERSON|باسل قباني]]\nالإيميل: [[EMAIL|basel.kabbani@web.de]]\nالموبايل: [[PHONE|+49 1520 7348816]]\nالعنوان: [[ADDRESS|Sonnenallee 112, 12045 Berlin]]\nالرسالة: "مرحبا، أنا كنت عميل عندكن لما كنت بـ{{حلب}}، وهلق صرت بـ{{برلين}}. بدي تمحوا كل شي عني وعن مرتي [[PERSON|رشا]]. موظفكن [[PERSON|أبو فادي]] بعدو عم يبعتلي عروض على الواتساب."\nملاحظات داخلية: [[PERSON|فادي الحلبي]] ([[PERSON|أبو فادي]]) بيقول إنو [[PERSON|باسل]] عندو رصيد {{٣٤٠ يورو}} لازم يترجعلو أول. [[PERSON|لمى]] من المالية بدها رقم الفاتورة {{INV-DE-2291}}. مسؤول حماية البيانات [[PERSON|Jens Hoffmann]] بدو الرد قبل {{الأحد}}. وما تنسوا {{رمضان كريم}} بأول الإيميل.""",
    ),
    (
        "gdpr_data_request",
        "nl/NL-Dutch",
        """Kun je een antwoord opstellen op dit inzageverzoek (AVG artikel 15) en aangeven welke gegevens we moeten aanleveren?\n\nVan: [[PERSON|Sanne van der Linden]] <[[EMAIL|sanne.vdlinden@ziggo.nl]]>\nTelefoon: [[PHONE|+31 10 006 3943]]\nIP-adres bij indiening: [[IP_ADDRESS|145.53.212.9]]\nOntvangen: {{Koningsdag}} ({{27 april}}), ticket {{AVG-2025-061}}\n"Goedendag, jullie accountmanager [[PERSON|Pieter-Jan de Vries]] belde me op mijn werk bij {{Albert Heijn}}. Ik wil weten welke gegevens jullie over mij hebben en waar die vandaan komen. Ook mijn collega [[PERSON|Joris Heijn]] (geen familie van de oprichter) werd gebeld."\nIntern: [[PERSON|Pieter-Jan]] zegt dat de lead uit {{Cognism}} komt. Onze FG, [[PERSON|Marloes Bakker]], wil het antwoord vóór {{Hemelvaartsdag}}. [[PERSON|Sanne]] wil de gegevens per post, niet per mail.""",
    ),
    # ------------------------------------------------------------------ travel_booking
    (
        "travel_booking",
        "en/AE-Filipino",
        """Please check these bookings for the {{Riyadh}} roadshow against the travel policy (economy under 4h) and write a confirmation message to each traveller.\n\nPNR {{K7XQ2M}} — {{EK 819}} DXB→RUH, {{Sun 18 May}} 07:40\n 1. [[PERSON|DELA ROSA/MARIA CRISTINA]] MS — economy\n 2. [[PERSON|SANTOS/JOSE MIGUEL]] MR — business (!)\n 3. [[PERSON|ALHASHIMI/NOOR]] MS — economy\nPNR {{T4WB9L}} — {{SV 553}} RUH→DXB, {{Wed 21 May}}\nHotel: {{Hilton Riyadh Hotel & Residences}}, 3 rooms × 3 nights, {{SAR 1,150}}/night\nPaid with travel card [[CREDIT_CARD|5583 7246 2488 7476]]\nTraveller contacts: [[PERSON|Cristina]] [[PHONE|+971 50 148 5253]], [[PERSON|Miggy]] ([[PERSON|Jose Miguel]]) [[PHONE|052 611 3074]], [[PERSON|Noor]] [[PHONE|054 229 8160]]\nNotes: [[PERSON|Jose Miguel]] says Ms. [[PERSON|Hilton]] from our finance team approved business class — please check with [[PERSON|Rebecca Hilton]] directly. Return before {{Eid}} rush. [[PERSON|Noor]] needs a prayer-friendly schedule; no meetings at {{noon}} on {{Friday}}.""",
    ),
    (
        "travel_booking",
        "en/IL-Ashkenazi",
        """Summarise this {{Web Summit}} travel plan as a one-screen itinerary per person, and flag anything that conflicts with {{Shabbat}}.\n\nFlights: {{El Al LY 375}} TLV→LIS, {{Sun 9 Nov}} 06:10; return {{LY 376}} {{Thu 13 Nov}} 14:55\nPassengers (as on passports):\n- [[PERSON|GOLDSTEIN/YONATAN]] MR\n- [[PERSON|BEN-ARI/MICHAL]] MS\n- [[PERSON|ABU-HUSSEIN/SAMI]] MR\n- [[PERSON|LEVINSON-KATZ/HADAS]] MS (kosher meal)\nHotel: {{Hotel Castilho Lisboa}}, [[ADDRESS|Rua Castilho 149, 1099-034 Lisboa]], 4 rooms, {{€212}}/night\nCard on file: Amex [[CREDIT_CARD|379637843478399]] (in [[PERSON|Yonatan]]'s name)\nNotes: [[PERSON|Hadas]] lands back on {{Thursday}} so fine for {{Shabbat}}. [[PERSON|Sami]] asked to extend to {{Porto}} on his own cost. [[PERSON|Michal]]'s mobile for the hotel: [[PHONE|+972 50 390 9960]]. Travel agent: [[PERSON|Ronit Shaked]] at {{Issta}}, [[EMAIL|ronit.shaked@issta-biz.co.il]].""",
    ),
    (
        "travel_booking",
        "en/KE-Somali",
        """Book the cheapest sensible option for this Nairobi → Hargeisa trip and draft the visa letter text.\n\nTravellers:\n• [[PERSON|Abdirahman Mohamed Farah]] ({{Regional Sales Lead}}) — [[PHONE|+254 710 536630]]\n• [[PERSON|Hodan Warsame Ali]] ({{Solutions Engineer}}) — [[PHONE|+252 7 1749325]]\nDates: out {{Mon 7 July}}, back {{Fri 11 July}}\nOptions from [[PERSON|Wanjiku]] at the agency: {{Kenya Airways}} via {{Addis}} ({{USD 640}}) or {{flydubai}} via {{Dubai}} ({{USD 910}}).\nClient: {{Dahabshiil}}'s retail arm — note the company is named after its founder's family; our contact is [[PERSON|Ayaan Dahir]], no relation.\nHotel in Hargeisa: [[ADDRESS|Ambassador Hotel, Airport Road, Hargeisa]]\nPayment: company Visa [[CREDIT_CARD|4036 0144 4588 8689]]\nNotes: [[PERSON|Hodan]] is staying with her uncle [[PERSON|Abdi Warsame]] in {{Eastleigh}} the night before. [[PERSON|Abdirahman]] wants an aisle seat. Approval by [[PERSON|Njoki Kariuki]].""",
    ),
    (
        "travel_booking",
        "en/GB-Sri-Lankan",
        """Can you turn this into a clean itinerary email for the London team going to Colombo? Mention {{Vesak}} closures.\n\nTravellers: [[PERSON|Dilani Wickramasinghe]], [[PERSON|Suresh Ratnayake]], [[PERSON|Oliver Bennett-Clarke]]\nFlights: {{SriLankan UL 504}} LHR→CMB {{10 May}}; return {{UL 503}} {{17 May}}\nHotel: {{Cinnamon Grand}}, near {{Galle Face Green}}, 3 rooms, {{LKR 38,000}}/night\nMeetings: {{Hayleys}} (Tue), {{John Keells}} (Wed) — both conglomerates named after founders; our contact at {{John Keells}} is [[PERSON|Keshini Fernando]], and at {{Hayleys}} [[PERSON|Ruwan de Silva]].\nDriver: [[PERSON|Sunil]], [[PHONE|+94 77 218 4403]]\nNotes: [[PERSON|Dilani]]'s mum lives in {{Kandy}}; she'll take {{Friday}} off. [[PERSON|Suresh]] must be back for the {{Bank Holiday}}. [[PERSON|Oliver]]'s UK mobile for the agent: [[PHONE|07401 415618]].""",
    ),
    (
        "travel_booking",
        "he/IL-Mizrahi",
        """תארגן לי את פרטי הטיסה ל{{דובאי}} בטבלה, ותנסח הודעה לקבוצת הוואטסאפ של הצוות.\n\nטיסה: {{פליידובאי FZ 1126}} {{ת"א}}→{{דובאי}}, {{יום שני}} {{23.6}} 10:35; חזרה {{FZ 1125}} {{יום חמישי}}\nנוסעים:\n1. [[PERSON|מאיר אסולין]] – ת.ז. [[IL_ID|974409302]], טלפון [[PHONE|050-233-8917]]\n2. [[PERSON|רוית בוזגלו]]\n3. [[PERSON|שמעון (שימי) אוחנה]]\n4. [[PERSON|אורטל]] מהשיווק\nמלון: {{Rove Downtown}} ליד {{בורג' ח'ליפה}}, 4 חדרים\nפגישות: {{מג'יד אל פוטאים}} ב{{יום שלישי}}; הנציג שלהם, [[PERSON|Omar Siddiqui]], ביקש שנביא דוגמאות.\nהערות: [[PERSON|שימי]] רוצה לחזור לפני {{שבת}} כי יש לו {{בר מצווה}} של הבן. [[PERSON|רוית]] צריכה אוכל כשר. [[PERSON|אורטל]] אחראית על המצגת.""",
    ),
    (
        "travel_booking",
        "he/IL-Bukharan",
        """צריך לבדוק אפשרויות טיסה לטשקנט ולנסח מייל ללקוח בסמרקנד על מועד הפגישה.\n\nנוסע: [[PERSON|אהרון קלונטרוב]], {{מנהל ייצוא}}\nמלווה: [[PERSON|מרים יוספוב]] (מתורגמנית, מדברת בוכרית ורוסית)\nלקוח: {{ייבוא-יצוא סמרקנד}}, איש קשר [[PERSON|רוסטם אלימוב]], [[PHONE|+998 90 318 44 27]]\nאפשרויות: {{אוזבקיסטן איירווייז HY 812}} ישיר ({{$690}}) או דרך {{איסטנבול}} ({{$480}})\nתאריכים: אחרי {{שבועות}}, לפני {{ט' באב}}\nהערות: [[PERSON|אהרון]] רוצה לבקר בבית הכנסת ב{{בוכרה}}. [[PERSON|מרים]] צריכה ויזה? (דרכון ישראלי – לא). [[PERSON|רוסטם]] אמר שהשותף שלו [[PERSON|דילשוד]] יאסוף אותם מהשדה. לשלוח עותק ל[[PERSON|בלה קלונטרוב]], אשתו של [[PERSON|אהרון]], שמנהלת את היומן.""",
    ),
    (
        "travel_booking",
        "he/IL-Druze",
        """תכין לוח זמנים לנסיעה של הצוות לעמאן, כולל מעבר הגבול, ותנסח הודעה ללקוח.\n\nנוסעים: [[PERSON|פאדי נסר א-דין]], [[PERSON|ויאם ח'יר]], [[PERSON|ג'יהאד זהר א-דין]]\nמעבר: {{גשר אלנבי}} – לא {{מעבר יצחק רבין}}, כי הלקוח ב{{עמאן}} ולא ב{{עקבה}}\nתאריכים: {{יום ראשון}} עד {{יום שלישי}}, אחרי {{עיד אל-אדחא}}\nמלון: {{Le Royal Amman}}, 3 חדרים\nלקוח: {{שירין פודס}} (על שם אמא של המייסד), איש קשר [[PERSON|Tariq Haddadin]], [[PHONE|+962 7 9617 4833]]\nהערות: [[PERSON|ויאם]] צריכה חדר נפרד. [[PERSON|פאדי]] ביקש שנחזור עד {{יום שלישי}} בערב כי יש לו אירוע ב{{מג'דל שמס}}. נהג: [[PERSON|אבו-נאיף]], טלפון [[PHONE|050-684-2684]].""",
    ),
    (
        "travel_booking",
        "ar/KW-Kuwaiti",
        """أبيك ترتب لي حجوزات الوفد لمعرض {{لندن}} في جدول، وتكتب إيميل تأكيد للفندق بالإنجليزي.\n\nالوفد:\n١. [[PERSON|عبدالله فيصل المطيري]] – {{مدير المبيعات}}\n٢. [[PERSON|شيخة البدر]] – {{مسؤولة التسويق}}\n٣. [[PERSON|يعقوب بهبهاني]]\nالطيران: {{الخطوط الجوية الكويتية KU 101}} من {{الكويت}} إلى {{هيثرو}}، {{الأحد ١٤ سبتمبر}}\nالفندق: {{The Dorchester}}، ٣ غرف، {{£480}} لليلة\nالدفع: بطاقة الشركة [[CREDIT_CARD|2720 6619 1858 8660]]\nللتواصل: [[PERSON|بو فيصل]] [[PHONE|+965 501 41931]]، [[PERSON|شيخة]] [[PHONE|9663 2871]]\nملاحظات: [[PERSON|يعقوب]] يبي يمر على [[ADDRESS|45 Park Lane, London W1K 1PN]] يستلم عينات من الوكيل [[PERSON|Edward Harrington]]. [[PERSON|شيخة]] تقول الاجتماع مع {{هارودز}} يوم {{الثلاثاء}}. [[PERSON|عبدالله]] يبي يرجع قبل {{المولد النبوي}}.""",
    ),
    (
        "travel_booking",
        "ar/OM-Omani",
        """رتب لي الرحلة لصلالة في موسم {{الخريف}} وأرسل ملخص للفريق.\n\nالمسافرون: [[PERSON|خالد بن حمد الرواحي]]، [[PERSON|بشرى البوسعيدية]]، [[PERSON|Vikram Iyer]]\nالطيران: {{الطيران العماني WY 903}} من {{مسقط}} إلى {{صلالة}}، {{الأربعاء ٢٠ أغسطس}}، والعودة {{السبت}}\nالفندق: {{فندق كراون بلازا صلالة}}، ثلاث غرف\nالسيارة: دفع رباعي من {{بدجت}}، السائق [[PERSON|مسلم الشحري]] [[PHONE|9204 3520]]\nالعميل: {{مجموعة الزبير}} – {{فرع ظفار}}، المسؤول [[PERSON|أحمد الزبير]] (موظف عندهم، مو من العائلة)\nملاحظات: [[PERSON|بشرى]] تبي تزور {{عين رزات}} بعد الاجتماع. [[PERSON|Vikram]] يحتاج تأشيرة؟ لا، مقيم في {{عُمان}}. [[PERSON|خالد]] يقول الدفع على حساب المشروع {{PRJ-OM-442}}. رقم [[PERSON|أحمد]] المكتبي [[PHONE|+968 2321 8840]].""",
    ),
    (
        "travel_booking",
        "fa/IR-Persian",
        """لطفاً این برنامه سفر را مرتب کن و یک پیام تأیید برای هتل در دبی بنویس.\n\nمسافران: [[PERSON|مهسا رضایی]]، [[PERSON|علیرضا کاظمی‌نژاد]]، [[PERSON|نرگس]] (کارآموز)\nپرواز: {{ماهان ایر W5 116}} {{تهران}} ← {{دبی}}، {{۱۵ فروردین ۱۴۰۴}} (بعد از {{نوروز}})\nهتل: {{Rove Trade Centre}}، ۳ اتاق، {{AED 520}} هر شب\nمشتری: شرکت {{پارس‌تجارت}}، مسئول خرید [[PERSON|آرش مقدم]]\nتماس: [[PERSON|مهسا]] [[PHONE|+۹۸ ۹۱۲ ۴۷۳ ۲۲۱۸]]، [[PERSON|آرش]] [[PHONE|+971 55 706 3319]]\nیادداشت‌ها: [[PERSON|علیرضا]] می‌خواهد یک روز بیشتر بماند تا دایی [[PERSON|جمشید]] را ببیند. [[PERSON|نرگس]] باید قبل از {{سیزده‌بدر}} برگردد. پرداخت از حساب شرکت در {{دبی}}.""",
    ),
    # ------------------------------------------------------------------ telegram_group_chat
    (
        "telegram_group_chat",
        "en/IL-Mixed",
        """Summarise this Telegram thread from our "{{IL Sales 🔥}}" group: decisions, owners, deadlines. Ignore the jokes.\n\n[09:02] [[PERSON|yael_m]]: morning! who's taking the {{Teva}} renewal? [[PERSON|Gil]] is out till {{Sunday}}\n[09:03] [[PERSON|Gil Harari]]: I'm here lol, just back from my nephew's {{bar mitzvah}} 😂\n[09:05] [[PERSON|avi.d]]: I'll take {{Teva}}. [[PERSON|Yael]] can you send me the {{Q3}} price sheet?\n[09:07] [[PERSON|yael_m]]: sent. also [[PERSON|Hila Shitrit]] from their procurement called, number [[PHONE|054-3390-172]] (sorry, [[PHONE|054-339-0172]])\n[09:09] [[PERSON|tomer]]: guys I {{will}} need help with the {{Rami Levy}} demo on {{Tuesday}}, anyone speak to [[PERSON|Rami]] from their IT? he's not related to the {{Rami Levy}} chain btw\n[09:11] [[PERSON|ksenia_ru]]: me. [[PERSON|Rami Azoulay]], I have him on [[PHONE|+972 52 711 0846]]\n[09:12] [[PERSON|avi.d]]: 👍 [[PERSON|Ksenia]] you're the best\n[09:15] [[PERSON|Gil Harari]]: reminder: no calls on {{Yom Kippur}} eve, {{Elul}} is crazy anyway""",
    ),
    (
        "telegram_group_chat",
        "en/AE-Indian",
        """Pull out every commitment from this Telegram chat (who / what / by when) as a checklist.\n\n"{{UAE Channel Partners}}" group\n[10:14] [[PERSON|sanjay.menon]]: @[[PERSON|faisal_k]] did {{Sharaf DG}} confirm the PO for {{SKU 5502-971-4410}}?\n[10:15] [[PERSON|faisal_k]]: not yet bro, [[PERSON|Rajan]] sir said after {{Onam}}\n[10:15] [[PERSON|sanjay.menon]]: 🙄 ok. [[PERSON|Deepika]] pls {{chase}} {{Jumbo Electronics}} also\n[10:17] [[PERSON|Deepika Nair]]: on it. their buyer [[PERSON|Thomas Kurian]] is on leave, backup is [[PERSON|Mariam]] — [[PHONE|055 903 2271]]\n[10:20] [[PERSON|faisal_k]]: fyi {{Jumbo}} is the company not a person 😂 [[PERSON|Mariam Al Hammadi]] is the backup\n[10:22] [[PERSON|priya_s]]: i {{will}} send the {{AED 96,500}} quote to {{Emax}} by {{Thursday}}\n[10:23] [[PERSON|sanjay.menon]]: 👍 and [[PERSON|Priya]], call [[PERSON|Anoop]] at {{Lulu}} — [[PHONE|+971 50 633 2917]]\n[10:25] [[PERSON|Deepika Nair]]: [[PERSON|Sanjay]] chetta, holiday {{Eid}} week, no deliveries 🙏""",
    ),
    (
        "telegram_group_chat",
        "en/NG-Hausa",
        """Summarise this group chat for our weekly pipeline review. One line per deal, with owner.\n\n"{{Naija Enterprise Squad}}" 🇳🇬\n[[PERSON|aliyu_kano]]: Good morning team. {{BUA Foods}} meeting moved to {{Wednesday}}, [[PERSON|Hadiza]] abeg confirm the room\n[[PERSON|Hadiza Garba]]: Confirmed. Their CFO Alhaji [[PERSON|Musa Danladi]] will attend\n[[PERSON|femi.o]]: Oga [[PERSON|Aliyu]], {{MTN}} renewal signed!!! {{₦48M}} 🎉\n[[PERSON|aliyu_kano]]: Ah! That one na {{blessing}} o. Well done [[PERSON|Femi]]\n[[PERSON|Blessing Okoro]]: 😂 I dey here o, no use my name like that\n[[PERSON|femi.o]]: lol [[PERSON|Blessing]] you know what he meant. Send me Chief [[PERSON|Emeka]]'s number for {{Innoson}}\n[[PERSON|Blessing Okoro]]: [[PHONE|0803 118 4726]], call after {{Jumu'ah}}\n[[PERSON|Hadiza Garba]]: Also {{Sallah}} is next week, {{Abuja}} office closed {{Monday–Tuesday}}""",
    ),
    (
        "telegram_group_chat",
        "en/UA-Ukrainian",
        """Translate the Ukrainian bits and summarise action items from this {{EMEA SDR}} chat.\n\n[[PERSON|oksana.k]]: Hi all, {{Nova Poshta}} lead came back — [[PERSON|Taras Melnyk]], their {{Head of IT}}. Number [[PHONE|+380 312 506 710]]\n[[PERSON|bohdan]]: nice! дякую [[PERSON|Оксана]] 🙌 I'll book the demo\n[[PERSON|Mykola Shevchuk]]: careful, [[PERSON|Taras]] wants {{UAH}} pricing, not {{EUR}}\n[[PERSON|oksana.k]]: [[PERSON|Nadiya]] from finance can do that. btw her name literally means {{hope}} 😄\n[[PERSON|Nadiya Bondarenko]]: I'm in this chat, [[PERSON|Oksana]] 🙃 send me the deal id\n[[PERSON|oksana.k]]: {{DL-2025-3319}}\n[[PERSON|bohdan]]: also {{Monobank}} asked for security docs, [[PERSON|Iryna]] has them\n[[PERSON|Mykola Shevchuk]]: reminder: {{Independence Day}} on {{24 August}}, Kyiv team off""",
    ),
    (
        "telegram_group_chat",
        "he/IL-Ashkenazi",
        """תסכם את השרשור הזה מקבוצת הטלגרם של צוות הצפון: מה סוכם, מי אחראי ועד מתי.\n\n[[PERSON|רוני_ק]]: בוקר טוב, אין {{אור}} במשרד ב{{יקנעם}}, הפסקת חשמל 🙄\n[[PERSON|טל בר-און]]: אני מהבית, היה {{טל}} כבד על השמשה ולא רציתי לנהוג. מי לוקח את הלקוח מ{{אלביט}}?\n[[PERSON|noam.s]]: אני. [[PERSON|טל]] תשלחי לי את ההצעה של {{גרסה 4.2}}\n[[PERSON|טל בר-און]]: שלחתי. וגם [[PERSON|מיכאל פרנקל]] מהרכש שלהם ביקש שנתקשר ב{{יום חמישי}}, [[PHONE|04-993-1180]]\n[[PERSON|רוני_ק]]: [[PERSON|נועם]] שים לב שהם סגורים ב{{חול המועד}}\n[[PERSON|dganit]]: מישהו דיבר עם [[PERSON|אלון]] מ{{רפאל}}? אמר שיחזור אחרי {{סוכות}}\n[[PERSON|noam.s]]: דיברתי, [[PERSON|אלון שגיא]] רוצה הדגמה של מודול ה{{טלמטריה}}, ושאלה אם יש לנו {{עמית}} לעבודה בחיפה שיכול להגיע 😂\n[[PERSON|רוני_ק]]: חחח. יעד הרבעון: {{₪2.4M}}, אנחנו ב-{{71%}}""",
    ),
    (
        "telegram_group_chat",
        "he/IL-Mizrahi",
        """תוציא מהצ'אט הזה רשימת משימות פתוחות עם שם האחראי, ותנסח תזכורת קצרה לקבוצה.\n\nקבוצה: "{{מכירות דרום 💪}}"\n[08:31] [[PERSON|מוטי אלקבץ]]: אחים, מי סוגר את {{יוחננוף}} {{באר שבע}}?\n[08:33] [[PERSON|סהר]]: אני, אבל [[PERSON|ששון יוחננוף]] מהסניף (אין קשר לבעלים 😂) לא עונה\n[08:34] [[PERSON|מוטי אלקבץ]]: תנסה את [[PERSON|ליאור]] מהרכש, [[PHONE|058-412-6690]]\n[08:40] [[PERSON|אתי_ביטון]]: חבר'ה, {{שלום}} [[PERSON|שלום]] הצטרף לצוות! ברוך הבא [[PERSON|שלום דיין]] 🎉\n[08:41] [[PERSON|שלום דיין]]: תודה {{חברים}}!\n[08:45] [[PERSON|סהר]]: [[PERSON|אתי]] את יכולה לשלוח ל[[PERSON|שלום]] את המצגת של {{פסח}}?\n[08:46] [[PERSON|אתי_ביטון]]: שלחתי ל[[EMAIL|shalom.dayan@darom-sales.co.il]]\n[08:50] [[PERSON|מוטי אלקבץ]]: תזכורת: {{ל"ג בעומר}} יום קצר, יעד החודש {{₪850,000}}, ואנחנו ב{{62%}}. {{מזל}} שיש עוד שבועיים""",
    ),
    (
        "telegram_group_chat",
        "ar/AE-Emirati",
        """لخص لي هالمحادثة من قروب التلقرام وطلع المهام مع أسماء المسؤولين.\n\nقروب "{{فريق مبيعات دبي}}"\n[[PERSON|بو خليفة]]: صباح الخير شباب، عقد {{إعمار}} وصل؟\n[[PERSON|hessa_m]]: صباح النور. لا للحين، م. [[PERSON|راشد]] قال بعد {{اليوم الوطني}}\n[[PERSON|سيف النعيمي]]: [[PERSON|حصة]] طرشي لي رقم [[PERSON|ميثاء]] من {{الفطيم}}\n[[PERSON|hessa_m]]: [[PHONE|٠٥٦٧٤٠٢٢٣٨]] بس لا تتصل بعد الساعة ٣\n[[PERSON|بو خليفة]]: [[PERSON|سيف]] ترى [[PERSON|ميثاء الفطيم]] موظفة عندهم مو من العائلة 😅\n[[PERSON|سيف النعيمي]]: ههههه أدري. {{عيد مبارك}} مقدماً\n[[PERSON|Arun_P]]: guys the {{AED 1.2M}} quote for {{دو}} is ready, who sends?\n[[PERSON|بو خليفة]]: أنت يا [[PERSON|Arun]]، وسوّ نسخة لـ[[PERSON|حصة]]""",
    ),
    (
        "telegram_group_chat",
        "ar/EG-Egyptian",
        """لخّصلي الشات ده من جروب التليجرام في نقط: مين هيعمل إيه وإمتى.\n\nجروب "{{تيم مبيعات القاهرة}}"\n[[PERSON|tarek.elsayed]]: يا جماعة صفقة {{منصور شيفروليه}} اتقفلت؟\n[[PERSON|نهى]]: لسه، الأستاذ [[PERSON|كريم منصور]] (ملوش علاقة بـ{{مجموعة منصور}} خالص 😂) عايز خصم {{١٠٪}}\n[[PERSON|tarek.elsayed]]: قوليله إحنا ناس {{كرماء}} بس مش للدرجة دي\n[[PERSON|أبو حميد]]: [[PERSON|نهى]] ابعتيلي رقم [[PERSON|كريم]]\n[[PERSON|نهى]]: [[PHONE|01149920707]]، وإيميله [[EMAIL|karim.mansour@delta-motors.eg]]\n[[PERSON|mina_adel]]: أنا هكلم {{فودافون}} بكرة، [[PERSON|سارة عبد الوهاب]] هناك طلبت العرض قبل {{شم النسيم}}\n[[PERSON|أبو حميد]]: تمام يا [[PERSON|مينا]]. التارجت {{٤ مليون جنيه}} ولسه فاضل {{٣٥٪}}\n[[PERSON|نهى]]: {{ربنا يسهل}} 🙏""",
    ),
    (
        "telegram_group_chat",
        "ar/SA-Hejazi",
        """ممكن تطلع لي من هالمحادثة قائمة متابعات؟ مع الأسماء والمواعيد.\n\nقروب "{{مبيعات جدة والمنطقة الغربية}}"\n[[PERSON|ابو_عمر]]: السلام عليكم، إيش صار مع {{أسواق بن داود}}؟\n[[PERSON|رهف]]: وعليكم السلام، أستاذ [[PERSON|وليد بن داود]] قال دحين مشغول، بعد {{العمرة}}\n[[PERSON|ابو_عمر]]: [[PERSON|رهف]] تراه مو من ملاك {{بن داود}}، هو مدير فرع بس\n[[PERSON|هتان الغامدي]]: أنا أكلمه، عطوني رقمه\n[[PERSON|رهف]]: [[PHONE|+966 51 434 8395]]\n[[PERSON|فارس]]: وعميل {{الحرمين}} م. [[PERSON|عبدالإله]] يبي زيارة يوم {{السبت}} الجاي\n[[PERSON|ابو_عمر]]: تمام يا [[PERSON|فارس]]. و[[PERSON|هتان]] لا تنسى عرض {{١٨٠ ألف ريال}}\n[[PERSON|هتان الغامدي]]: أبشر، يوصل قبل {{الخميس}} إن شاء الله""",
    ),
    (
        "telegram_group_chat",
        "arabizi/LB-Lebanese",
        """Summarise this Arabizi group chat in English: who promised what, and any numbers we need to save in the CRM.\n\n"{{Beirut Sales Squad}}"\n[[PERSON|jad_h]]: sabe7 el 5er ya shabeb, ba3ed ma fi khabar men {{Bank Audi}}?\n[[PERSON|maya.k]]: la2 ba3ed, [[PERSON|Marwan Audi]] (ma elo 3ala2a b {{Bank Audi}} 😅) 2al ba3ed {{el 3id}}\n[[PERSON|jad_h]]: ok. [[PERSON|Maya]] eb3atile ra2mo please\n[[PERSON|maya.k]]: [[PHONE|+961 1 199 059]] bas ma tde22 aba3ed el 5\n[[PERSON|Rami Nassar]]: shabeb {{ABC Verdun}} bado demo {{nhar el arba3a}}, meen {{fadi}}?\n[[PERSON|jad_h]]: ana. w [[PERSON|Rami]] 5od [[PERSON|Celine]] ma3ak\n[[PERSON|celine_b]]: ok bas lezem nkoun 5ales 2abel {{Mar Elias}} 3a2t el sayr 😂\n[[PERSON|Rami Nassar]]: ya [[PERSON|Celine]] khalas, w target el shaher {{$240K}}, we're at {{58%}}\n[[PERSON|maya.k]]: inshallah {{khair}}. w salem 3a [[PERSON|Abou Georges]] bl {{Achrafieh}} store""",
    ),
    # ------------------------------------------------------------------ html_email_body
    (
        "html_email_body",
        "en/US-Chinese-American",
        """Rewrite this HTML email as plain text, shorter and warmer. Keep the meeting details.\n\n<html><body style="font-family:Arial">\n<p>Hi <b>[[PERSON|Wei]]</b>,</p>\n<p>Great meeting you and [[PERSON|Kevin Liu]] at {{Shoptalk}}. As promised, here is the pilot proposal for {{Marriott Bonvoy}} partner hotels in {{Orlando}} — and yes, my colleague [[PERSON|Lily Marriott]] has no connection to the hotel family 🙂</p>\n<table><tr><td>Pilot fee</td><td>{{$24,000}}</td></tr><tr><td>Duration</td><td>{{90 days}}</td></tr><tr><td>Kickoff</td><td>{{Tuesday, June 10}}</td></tr></table>\n<p>[[PERSON|Jennifer Wu-Hartman]] from our solutions team will join. Please loop in Mr. [[PERSON|Zhang]]'s assistant, [[PERSON|Grace Huang]], if easier.</p>\n<p>Best,<br>[[PERSON|Andrew Chen]]<br>{{Account Director}}<br><a href="mailto:[[EMAIL|andrew.chen@loopline.io]]">[[EMAIL|andrew.chen@loopline.io]]</a> | <a href="tel:[[PHONE|+12066683645]]">[[PHONE|+1 206-668-3645]]</a></p>\n</body></html>""",
    ),
    (
        "html_email_body",
        "en/IL-Armenian",
        """Convert this HTML invitation into a WhatsApp-length message and a short SMS. Keep the RSVP contact.\n\n<div dir="ltr" style="max-width:600px">\n<h2>You're invited: {{Ceramics & Commerce}} evening</h2>\n<p>Dear [[PERSON|Ani]],</p>\n<p>[[PERSON|Hagop Kahvedjian]] and the {{Jerusalem}} partners team invite you to a small client evening at the workshop on {{Armenian Patriarchate Road}}, inside the {{Jaffa Gate}}, on {{Thursday 19 June}} at 18:30.</p>\n<ul><li>Guest speaker: Dr. [[PERSON|Ani Sahakyan]], {{Hebrew University}}</li><li>Live demo of our {{B2B Marketplace 3.0}}</li><li>Armenian coffee by [[PERSON|Garo]]</li></ul>\n<p>RSVP to [[PERSON|Nairi Tashjian]]: <a href="mailto:[[EMAIL|nairi.t@zion-ceramics.com]]">[[EMAIL|nairi.t@zion-ceramics.com]]</a> or [[PHONE|02-628-4417]]</p>\n<p style="font-size:11px">Closed on {{Armenian Christmas}} ({{6 January}}). {{Zion Ceramics Ltd.}}</p>\n</div>""",
    ),
    (
        "html_email_body",
        "en/GB-Greek",
        """This is the HTML of an email a rep sent to a prospect. Tell me if anything in it should never have been sent, and rewrite it safely.\n\n<p>Hi [[PERSON|Yiannis]],</p>\n<p>Thanks for the call with [[PERSON|Eleni Papadaki]] and [[PERSON|Stavros]]. Your trial workspace for {{Christodoulou Shipping}} is live (yes, I know the company is your grandfather's name — nice touch).</p>\n<table border="1"><tr><th>Item</th><th>Price</th></tr><tr><td>{{Fleet Tracker Pro}} × 40</td><td>{{£11,600}}</td></tr><tr><td>Onboarding</td><td>{{£1,500}}</td></tr></table>\n<p>Login: <code>[[EMAIL|y.christodoulou@chr-shipping.gr]]</code><br>Temporary password: <code>[[SECRET|Tq7#vR2m!Lx9pW]]</code></p>\n<p>Our {{Piraeus}} engineer [[PERSON|Kostas]] can visit after {{Orthodox Easter}}.</p>\n<p>Kind regards,<br>[[PERSON|Helen Marsh]] · {{Senior AE}} · [[PHONE|07492 600267]]</p>""",
    ),
    (
        "html_email_body",
        "en/AE-Malaysian",
        """Fix the broken HTML in this webinar invite and give me a plain-text version. Also: is the hidden comment a problem?\n\n<!-- send-log: batch {{WB-0611}} from relay [[IP_ADDRESS|203.106.93.17]], owner [[PERSON|lim.kokwai]] -->\n<table width="100%"><tr><td>\n<h1>{{Ramadan Retail Readiness}} webinar</h1>\n<p>Assalamualaikum [[PERSON|Siti Hajar]],</p>\n<p>Join [[PERSON|Ahmad Faizal bin Hashim]] ({{Regional Director}}) and [[PERSON|Lim Kok Wai]] on {{Wednesday 5 March}}, 11:00 {{GST}} / 15:00 {{MYT}}.<p>\n<p>Featuring a case study from {{Al-Futtaim IKEA}} and {{AEON}} — presented by [[PERSON|Priya Raman]].</td>\n<p>Questions? WhatsApp [[PERSON|Faizal]] on [[PHONE|+60 12-114 3670]] or email <a href="mailto:[[EMAIL|faizal.hashim@kiralab.ae]]">[[PERSON|Faizal]]</a>.</p>\n<p>Selamat berpuasa, {{Salam}} from the {{Dubai}} team</p>\n</tr></table>""",
    ),
    (
        "html_email_body",
        "he/IL-Haredi",
        """תמיר את המייל הזה לטקסט רגיל, בלי HTML, ותקצר לחצי.\n\n<div dir="rtl" style="font-family:David">\n<p>לכבוד הרב [[PERSON|אליעזר פרידמן]] שליט"א,</p>\n<p>בהמשך לשיחה עם ר' [[PERSON|חיים]] מהמשרד, מצורפת הצעת המחיר למערכת ניהול התלמידים עבור {{ישיבת אור יעקב}} ב{{מודיעין עילית}}.</p>\n<table border="1"><tr><td>רישוי שנתי</td><td>{{₪18,000}}</td></tr><tr><td>הטמעה</td><td>{{₪4,500}}</td></tr></table>\n<p>ההדרכה תתקיים אחרי {{בין הזמנים}}, בעזרת ה'. אחראית ההדרכה: הגב' [[PERSON|פערל ווינר]].</p>\n<p>לשאלות: [[PERSON|יהודה לייב קרליבך]], [[PHONE|052-765-4409]] · <a href="mailto:[[EMAIL|yl.carlebach@torah-tech.co.il]]">[[EMAIL|yl.carlebach@torah-tech.co.il]]</a></p>\n<p>בברכת {{כתיבה וחתימה טובה}},<br>[[PERSON|מרדכי (מוטי) שטרן]]<br>{{מנהל מכירות}}</p>\n</div>""",
    ),
    (
        "html_email_body",
        "he/IL-Arab-Israeli",
        """תחלץ מהמייל הזה את כל הפרטים לעדכון ב-CRM (שם, תפקיד, חברה, טלפון, מועד), ותציע תשובה קצרה.\n\n<html dir="rtl"><body>\n<p>שלום [[PERSON|נדים]],</p>\n<p>כאן [[PERSON|סמאח עודה-ג'בארין]], {{מנהלת רכש}} ב{{ג'בארין מזון ומשקאות}} ב{{אום אל-פחם}}. כן, החברה של המשפחה, אבל אני רק עובדת שם 🙂</p>\n<p>אנחנו מעוניינים בהצעה ל-{{12}} מסופונים ולמערכת מלאי. אפשר להיפגש ב{{יום שלישי}} אחרי {{עיד אל-פיטר}}? תתאם מול [[PERSON|מוחמד]] אחי, [[PHONE|050-590-1092]].</p>\n<p>בנוסף, ד"ר [[PERSON|ראאד מחאמיד]] מהמרפאה השכנה ביקש לקבל גם הוא הצעה.</p>\n<p>בברכה,<br>[[PERSON|סמאח]]<br><a href="mailto:[[EMAIL|samah.jabareen@jabareen-food.co.il]]">[[EMAIL|samah.jabareen@jabareen-food.co.il]]</a></p>\n</body></html>""",
    ),
    (
        "html_email_body",
        "he/IL-Russian",
        """זה מייל HTML שנשלח מהמערכת ללקוחה. תבדוק אם יש בו בעיות פרטיות ותנסח גרסה מתוקנת.\n\n<div dir="rtl">\n<p>שלום [[PERSON|אלנה]],</p>\n<p>תודה שנרשמת לתוכנית {{VIP Business}}! להלן פרטי ההזמנה שלך:</p>\n<table><tr><td>שם מלא:</td><td>[[PERSON|ELENA GRINBERG]]</td></tr><tr><td>כתובת למשלוח:</td><td>[[ADDRESS|רחוב ז'בוטינסקי 33, קומה 5, רמת גן 5251108]]</td></tr><tr><td>טלפון:</td><td>[[PHONE|+972-50-937-8657]]</td></tr><tr><td>מסלול:</td><td>{{₪349}} לחודש, {{12 חודשים}}</td></tr></table>\n<p>מנהל הלקוח שלך הוא [[PERSON|איגור שוורץ]]. הוא יצור קשר עד {{יום רביעי}}.</p>\n<p>קוד ההפניה של [[PERSON|אנדריי]] (שהמליץ עלייך): {{REF-2291-VIP}}</p>\n<p style="color:#888">המשרד סגור ב{{יום הזיכרון}}. לשאלות: [[EMAIL|igor.schwartz@vipbiz.co.il]]</p>\n</div>""",
    ),
    (
        "html_email_body",
        "ar/QA-Qatari",
        """حوّل هذا الإيميل من HTML إلى نص عادي مرتب، واقترح سطر موضوع مناسب.\n\n<div dir="rtl" style="font-family:Tahoma">\n<p>السيد [[PERSON|جاسم]] المحترم،</p>\n<p>تحية طيبة وبعد، يسعدنا دعوتكم لحضور إطلاق منصة {{سوق الأعمال}} في {{فندق الشيراتون}} بـ{{الدوحة}} يوم {{الثلاثاء ١٢ نوفمبر}}، بحضور السيدة [[PERSON|العنود بنت خليفة المسند]] والمهندس [[PERSON|Faisal Qureshi]].</p>\n<table border="1"><tr><td>التسجيل</td><td>٦:٣٠ مساءً</td></tr><tr><td>العرض</td><td>{{٧:٠٠ مساءً}}</td></tr></table>\n<p>للتأكيد يرجى التواصل مع [[PERSON|نوف الكبيسي]]: <a href="tel:[[PHONE|+97444113114]]">[[PHONE|4411 3114]]</a> أو <a href="mailto:[[EMAIL|nouf.alkubaisi@doha-biz.qa]]">[[EMAIL|nouf.alkubaisi@doha-biz.qa]]</a></p>\n<p>مع خالص التحية،<br>[[PERSON|حمد المري]]<br>{{مدير تطوير الأعمال}}</p>\n<p style="font-size:10px">عرض الإطلاق: خصم {{٢٠٪}} للمسجلين قبل {{اليوم الوطني}}</p>\n</div>""",
    ),
    (
        "html_email_body",
        "ar/BH-Bahraini",
        """هذا كود HTML لرسالة تسويقية. شيك إذا الروابط والأسماء صحيحة وقلي وش المشاكل.\n\n<div dir="rtl">\n<h3>عرض خاص لعملاء {{مجموعة جاشنمال}} و{{يوسف بن أحمد كانو}}</h3>\n<p>عزيزي [[PERSON|علي]]،</p>\n<p>بمناسبة {{عيد الأضحى المبارك}} نقدم لك خصم {{١٥٪}} على باقة {{CRM Plus}} حتى {{٣٠ يونيو}}.</p>\n<p>مديرة حسابك: [[PERSON|زينب عبدالحسين الموسوي]] – <a href="https://wa.me/[[PHONE|97317678684]]">[[PHONE|1767 8684]]</a></p>\n<p>شهادة عميل: "النظام وفر علينا وقت كثير" – [[PERSON|يوسف كانو]]، {{مدير مشتريات}} (ما له علاقة بمجموعة {{كانو}})</p>\n<p>لإلغاء الاشتراك راسل [[PERSON|حسين]] على <a href="mailto:[[EMAIL|hussain.alaradi@bh-crm.com]]">[[EMAIL|hussain.alaradi@bh-crm.com]]</a></p>\n<p>{{مبارك}} عليكم العيد، وكل عام وأنتم بخير – فريق {{المنامة}}</p>\n</div>""",
    ),
    (
        "html_email_body",
        "pl/PL-Polish",
        """Przepisz ten e-mail HTML na krótką wiadomość tekstową i sprawdź, czy nie ma w nim danych, których nie powinniśmy wysyłać.\n\n<html><body>\n<p>Dzień dobry Pani [[PERSON|Agnieszko]],</p>\n<p>dziękuję za rozmowę w {{czwartek}}. W załączniku oferta na {{System Magazynowy 5.1}} dla {{Wedel}} — tak, wiem, że firma nosi nazwisko założyciela, a Pani kolega [[PERSON|Tomasz Wedel]] nie ma z nią nic wspólnego 🙂</p>\n<table><tr><td>Licencja</td><td>{{48 000 zł}}</td></tr><tr><td>Wdrożenie</td><td>{{12 000 zł}}</td></tr></table>\n<p>Do projektu dołączy [[PERSON|Łukasz Zieliński-Nowicki]] oraz [[PERSON|Kasia]] z działu wsparcia. Panel testowy: https://demo.magazyn.pl, token API: <code>[[SECRET|sk-live-7Hd92LqPzX4vN8sKe1Rt6Wm3]]</code></p>\n<p>Pozdrawiam serdecznie,<br>[[PERSON|Marek Kowalczyk]]<br>{{Key Account Manager}}<br>[[PHONE|+48 511 192 520]] · [[EMAIL|marek.kowalczyk@logisoft.pl]]</p>\n<p style="font-size:10px">Biuro nieczynne w {{Boże Ciało}}.</p>\n</body></html>""",
    ),
    # ------------------------------------------------------------------ jira_or_github_issue
    (
        "jira_or_github_issue",
        "en/IL-Tech",
        """Summarise this GitHub issue for the weekly security review and suggest a severity.\n\n### Webhook logs contain raw lead data (#{{2291}})\nOpened by [[PERSON|eyalz]] · assignee [[PERSON|Shira Golan]] · labels: {{security}}, {{P1}}, {{v5.8.0}}\n\nSteps: create a lead via the {{Zapier}} connector, then open {{/var/log/routr/webhook.log}}.\nActual:\n```\n2025-06-02T08:14:55Z POST /in/leads from [[IP_ADDRESS|31.154.88.207]]\nAuthorization: Bearer [[SECRET|eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJyb3V0ci1zdmMiLCJleHAiOjE3NDg4NTI0MDB9.mX4p9Qk2bV7wLrT1cN8sY3hZ6aE0uJ5dF2gH7jK9lPo]]\n{"name":"[[PERSON|Orna Ben-Tzur]]","email":"[[EMAIL|orna.bt@galil-plast.co.il]]","phone":"[[PHONE|+972-4-993-2278]]"}\n```\nExpected: payload redacted.\n\n**[[PERSON|Shira Golan]]** commented: reproduced on {{staging}}; [[PERSON|dvir-m]] please rotate the service token.\n**[[PERSON|dvir-m]]** commented: rotated. [[PERSON|Orna]] is a real customer, so we need to notify [[PERSON|Tal]] from legal. Not urgent before {{Shavuot}}, but before the {{July}} audit.""",
    ),
    (
        "jira_or_github_issue",
        "en/IN-Telugu",
        """Write a clear bug description and acceptance criteria from this Jira ticket. Keep the sample rows, they are the test cases.\n\n{{CRM-7734}} · Lead import drops rows with apostrophes and particles\nReporter: [[PERSON|Lakshmi Prasanna Vemula]] · Assignee: [[PERSON|Srinivas Reddy Gaddam]] · Sprint {{24.11}} · Fix version {{3.14.2}}\n\nSample CSV (rows 2, 4, 5 fail):\nname,email,phone\n[[PERSON|Seán O'Connor]],[[EMAIL|sean.oconnor@clarehealth.ie]],[[PHONE|+353 85 391 2207]]\n[[PERSON|Fatima D'Souza]],[[EMAIL|fatima.dsouza@mangalore-ex.in]],[[PHONE|+91 81449 45443]]\n[[PERSON|Hendrik van der Walt]],[[EMAIL|h.vanderwalt@capeagri.co.za]],[[PHONE|+27 71 282 1167]]\n[[PERSON|Nguyễn Văn An]],,\n[[PERSON|Abdul Rahman bin Khalid Al-Jameel]],,\n\n[[PERSON|Srinivas]]: the regex strips the apostrophe and then the {{dedupe}} step merges [[PERSON|Fatima]] with an old "[[PERSON|Fatima Dsouza]]" record.\n[[PERSON|Lakshmi]]: also row 6 ([[PERSON|Abdul Rahman]]) gets fuzzy-matched to our {{Abdul Latif Jameel}} account and imported as a company. Please fix before {{Sankranti}} release.""",
    ),
    (
        "jira_or_github_issue",
        "en/BR-Brazilian",
        """Triage this GitHub issue: is it a bug or a feature request? Propose a fix in 3 bullets.\n\n### Brazilian mobile numbers lose the 9th digit on WhatsApp sync (#{{4410}})\n**[[PERSON|rafael-nogueira]]** opened this issue · {{v2.7.3}} · label {{i18n}}\n\nWhen a contact is saved as [[PHONE|(11) 97215-3380]] the sync drops the leading 9 and WhatsApp rejects the number. Landlines like the second test contact must round-trip unchanged.\nTest contacts:\n- [[PERSON|Thaís Albuquerque]] — [[PHONE|+55 11 99127-4408]]\n- [[PERSON|Caio Figueiredo]] — [[PHONE|(21) 3952-8100]]\n- Dona [[PERSON|Conceição]] (how the customer is saved in the CRM) — no number\n\n**[[PERSON|thais-alb]]** commented: confirmed on {{Android 14}}. Also the {{Boticário}} import has {{1,200}} affected rows.\n**[[PERSON|Rafael]]** commented: PR incoming after {{Carnaval}}. cc [[PERSON|Beatriz Lins]] for QA.""",
    ),
    (
        "jira_or_github_issue",
        "en/US-Anglo",
        """Turn this Jira incident into a short post-mortem (what happened, impact, fix, follow-ups).\n\n{{SEC-1182}} · Sensitive data pasted into opportunity notes · Priority {{Highest}} · Status {{In Progress}}\nReporter: [[PERSON|Megan Holloway]] · Assignee: [[PERSON|Bill Kaminski]]\n\nDescription: During a {{QBR}} prep, rep [[PERSON|Tyler Beaumont]] pasted a customer's W-9 details into the notes of opportunity {{OPP-2025-00871}} ({{Kellogg's}} distributor). The note contains the owner's SSN [[US_SSN|608-33-6359]] and his name, [[PERSON|Randall P. Whitaker]]. The same note also had our old AWS key [[SECRET|AKIAZ7QH4M2LX9RVT3KD]] from a pasted script.\n\nComments:\n[[PERSON|Bill Kaminski]]: note purged, key revoked {{Thursday}} 16:40 ET. The {{bill}} from {{AWS}} shows no unusual usage.\n[[PERSON|Megan Holloway]]: we need DLP on notes. {{Will}} check with [[PERSON|Will Ortega]] if {{Salesforce Shield}} covers it.\n[[PERSON|Tyler Beaumont]]: sorry all. [[PERSON|Randall]]'s office manager [[PERSON|Peggy]] asked us to confirm deletion in writing.""",
    ),
    (
        "jira_or_github_issue",
        "he/IL-Ashkenazi",
        """תכתוב תיאור באג מסודר (צעדים, תוצאה בפועל, תוצאה צפויה) מהטיקט הזה, בעברית.\n\n{{CRM-5120}} · שמות עם גרש נשמרים לא נכון · עדיפות {{גבוהה}} · גרסה {{4.9.1}}\nמדווחת: [[PERSON|הילה רוזנטל]] · מטפל: [[PERSON|אסף קליין]]\n\nתיאור: כשמזינים איש קשר בשם [[PERSON|ז'אק אבוטבול]] או [[PERSON|צ'רלי גולדמן]], הגרש מוחלף ב-&#39; והחיפוש לא מוצא אותם. גם [[PERSON|ג'ורג' נסאר]] נשמר כ"[[PERSON|ג&#39;ורג&#39;]]".\nלוג מהשרת:\nuser=[[PERSON|hila.r]] ip=[[IP_ADDRESS|2a0d:6fc0:7a3:1e00:4d1:9bff:fe21:c08a]] action=update contact_id={{884120}}\ndb_url=postgres://crm_app:[[SECRET|Gal1l33#Prod!2025]]@db-prod-01:5432/crm\n\n[[PERSON|אסף]]: משחזר. זה מה-{{sanitizer}} ששודרג ב{{ניסן}}. [[PERSON|הילה]], את הסיסמה בלוג צריך להחליף מיד – אני מעדכן את [[PERSON|גיל]] מ-DevOps.\n[[PERSON|גיל ברק]]: הוחלף. ב{{גיל}} שלי כבר לא מתרגשים מזה 😅""",
    ),
    (
        "jira_or_github_issue",
        "he/IL-Mizrahi",
        """תעזור לי לכתוב הערת סגירה לטיקט הזה, ולהסביר למה המיזוג נכשל.\n\n{{CRM-6047}} · כפילויות אנשי קשר אחרי ייבוא מ{{Priority}} · סטטוס {{בבדיקה}}\nמדווח: [[PERSON|שגיא אלמוג]] · מטפלת: [[PERSON|רונית חזן]]\n\nדוגמאות לכפילויות:\n1. [[PERSON|יעקב (קובי) עמר]] / [[PERSON|קובי עמר]] / [[PERSON|YAAKOV AMAR]] – אותו טלפון [[PHONE|052-874-3316]]\n2. [[PERSON|אורנה דהן]] ו[[PERSON|אורנה דהאן]] – מיילים שונים\n3. [[PERSON|מרדכי חזן]] – לא כפילות! זה אבא של [[PERSON|רונית]], לקוח אמיתי של {{חזן הובלות}}\n\n[[PERSON|רונית]]: כלל המיזוג לפי שם משפחה בלבד איחד את {{חזן הובלות}} (החברה) עם [[PERSON|מרדכי]] (איש הקשר). צריך כלל לפי ח.פ. ולא לפי שם.\n[[PERSON|שגיא]]: מסכים. ו[[PERSON|קובי]] ביקש שנשמור את השם העברי כראשי. לשחרר ב{{ספרינט 42}} לפני {{ראש השנה}}.""",
    ),
    (
        "jira_or_github_issue",
        "ar/JO-Jordanian",
        """اكتبلي وصف واضح لهالـissue على GitHub مع حالات اختبار، بالعربي.\n\n### توحيد كتابة الأسماء العربية قبل البحث (#{{318}})\nفتحها [[PERSON|zaid-obeidat]] · الإصدار {{v1.9.0}} · الوسم {{i18n}}\n\nالمشكلة: البحث عن "[[PERSON|عبدالله]]" ما بيلاقي "[[PERSON|عبد الله العمري]]"، والبحث عن "[[PERSON|أسامة]]" ما بيلاقي "[[PERSON|اسامه]]". كمان "[[PERSON|أبو محمود]]" بينحفظ كاسم عائلة.\nحالات للاختبار:\n- [[PERSON|محمد عبد الرحيم الزعبي]] ↔ [[PERSON|محمد عبدالرحيم الزعبي]]\n- [[PERSON|هبة الله النسور]] (اسم مركّب، مش شخصين)\n- شركة {{عبد الله الغرير}} لازم تضل شركة مش شخص\n\n[[PERSON|رنا حداد]] علّقت: نفس المشكلة مع "{{نور}} للتجارة" بينربط بـ[[PERSON|نور الخطيب]].\n[[PERSON|زيد]] علّق: رح أضيف تطبيع للهمزات والتاء المربوطة. المراجعة عند [[PERSON|أبو يزن]] بعد {{العيد}}.""",
    ),
    (
        "jira_or_github_issue",
        "ar/EG-Egyptian",
        """لخصلي التيكت ده واكتب خطوات إعادة المشكلة بشكل واضح للـQA.\n\n{{WA-2207}} · رسايل واتساب بتروح لرقم غلط · أولوية {{عالية}}\nالمبلّغة: [[PERSON|ياسمين فؤاد]] · المسؤول: [[PERSON|أحمد سمير]]\n\nالوصف: العميل عم [[PERSON|صابر]] (صاحب {{محلات صابر للأدوات}}) مسجل برقم [[PHONE|01027735940]] لكن الرسايل بتروح لـ[[PHONE|+20 10 49920707]] اللي هو رقم ابنه [[PERSON|صابر الصغير]]. السيستم بيدمج الاتنين عشان الاسم واحد.\nالتعليقات:\n[[PERSON|أحمد سمير]]: المشكلة في الـmatching بالاسم. لازم نطابق بالرقم بس. [[PERSON|ياسمين]] ممكن تبعتي الـlogs؟\n[[PERSON|ياسمين فؤاد]]: بعتهم على [[EMAIL|yasmine.fouad@nile-crm.com]]. وم. [[PERSON|شريف]] عايز الحل قبل {{المولد النبوي}}.\n[[PERSON|أحمد سمير]]: تمام، الإصلاح في {{v3.2}}.""",
    ),
    (
        "jira_or_github_issue",
        "ar/TN-Tunisian",
        """عاوني نكتب ملخص للتيكت هذا ونقترح حل، بالعربية الفصحى.\n\n{{INV-933}} · الفاتورة بالعربي تطلع مقلوبة في PDF · الأولوية {{متوسطة}}\nالمبلّغ: [[PERSON|وجدي الهمامي]] · المكلّفة: [[PERSON|إيناس بن عمر]]\n\nالوصف: كي نطلعو فاتورة للحريف [[PERSON|الهادي الجلاصي]] ({{شركة الجلاصي للنسيج}})، الاسم والعنوان يطلعو بالمقلوب والأرقام تتخلط. مثال: {{فاتورة ٢٠٢٥/٠٤١٢}} بمبلغ {{٣٬٢٤٠٫٥٠٠ د.ت}}.\nاللوغ: user=[[PERSON|wajdi.h]] from [[IP_ADDRESS|197.15.42.119]] template={{invoice_ar_v2}}\nالتعليقات:\n[[PERSON|إيناس]]: المشكلة في الخط، {{Amiri}} ما يدعمش الأرقام الهندية. [[PERSON|وجدي]] تنجم تبعثلي نسخة من فاتورة [[PERSON|الجلاصي]]؟\n[[PERSON|وجدي]]: باهي، ونزيد نسخة من فاتورة [[PERSON|سنية]] متاع {{صفاقس}}.\n[[PERSON|منجي]] (مدير المشروع): لازم يتصلح قبل {{عيد الشغل}}.""",
    ),
    (
        "jira_or_github_issue",
        "he-en/IL-Tech",
        """תסכם את ה-PR הזה ואת הדיון, ותגיד אם אפשר למרג'.\n\nPR #{{877}}: fix(enrichment): don't overwrite owner on {{re-import}}\nAuthor: [[PERSON|nadav-p]] · Reviewers: [[PERSON|lihi.c]], [[PERSON|Matan Ezra]]\n\n[[PERSON|lihi.c]]: יש פה בעיה — ב-{{config.yaml}} נשאר ה-token: `GITHUB_TOKEN=[[SECRET|ghp_R8kT2vNq7LwX4mZ9pC1sY6hB3jD5fG0aE2uQ]]`. תוריד ותעשה rotate\n[[PERSON|nadav-p]]: אוי. done, revoked. תודה [[PERSON|ליהי]]\n[[PERSON|Matan Ezra]]: חוץ מזה, ה-test עם [[PERSON|Avi Chen]] ו-[[PERSON|Chen Avisror]] נכשל — ה-matcher מחליף ביניהם כי הוא לא מבדיל בין שם פרטי לשם משפחה\n[[PERSON|nadav-p]]: ה-fuzzy match הזה כתוב עם הרבה {{חן}} ומעט לוגיקה 😅 מתקן ב-{{commit a3f9c21}}\n[[PERSON|lihi.c]]: LGTM אחרי התיקון. [[PERSON|Matan]], תבדוק גם את [[PERSON|Chen Li]] מ-{{Tencent}}\n[[PERSON|Matan Ezra]]: ✅ אפשר למרג' לפני {{Sprint 38}} demo ב{{יום חמישי}}""",
    ),
    # ------------------------------------------------------------------ sales_leaderboard_announcement
    (
        "sales_leaderboard_announcement",
        "en/AE-Multinational",
        """Make this leaderboard announcement punchier for our {{MENA}} Slack channel, keep all names and numbers.\n\n🏆 {{May 2025}} LEADERBOARD — MENA Enterprise\n1. [[PERSON|Fatima Zahra Benkirane]] — {{AED 4.1M}} closed, {{164%}} of quota 🔥\n2. [[PERSON|Omar Al-Khatib]] — {{AED 3.3M}}, incl. the {{Al Ghurair}} renewal\n3. [[PERSON|Rohan D'Mello]] — {{AED 2.9M}}\n4. [[PERSON|Ji-woo Han]] — {{AED 2.2M}}, first {{Korea Trade Centre}} deal\n5. [[PERSON|Chiamaka Obi-Ibrahim]] — {{AED 1.9M}}\nRookie of the month: [[PERSON|Aigerim Nurlanovna]] 🌟\nShout-outs: [[PERSON|Fatima Zahra]] closed on the last day of {{Ramadan}}; [[PERSON|Omar]] and [[PERSON|Rohan]] co-sold with [[PERSON|Rashed Al Ghurair]] — no relation to {{Al Ghurair}}, he's our partner manager.\nTop 3 qualify for {{President's Club}} at the {{Ritz-Carlton}} {{Ras Al Khaimah}}. Questions to [[PERSON|Leila Farouk]] in Sales Ops.""",
    ),
    (
        "sales_leaderboard_announcement",
        "en/US-Mixed",
        """Draft the {{Q2}} leaderboard email from these notes — upbeat but not cheesy, under 180 words.\n\n• #1 [[PERSON|Jamal Whitfield]] — {{$2.4M}} new ARR, landed {{Morgan Stanley}}\n• #2 [[PERSON|Rosa Delgado-Park]] — {{$1.9M}}, biggest deal {{Dr Pepper}}\n• #3 [[PERSON|Chase Morgan]] — {{$1.6M}} (yes, [[PERSON|Chase]] sold to {{Morgan Stanley}}'s competitor AND to {{JPMorgan Chase}}, the jokes write themselves)\n• Most improved: [[PERSON|Summer Nguyen]] — from {{61%}} to {{118%}} attainment\n• Best teamwork: [[PERSON|Hope Kingsley]] and [[PERSON|Eli Abramowitz]] on {{Walgreens}}\nNotes: our {{summer}} SPIFF starts {{July 1}}; we {{hope}} to see [[PERSON|Summer]] on top next quarter. VP [[PERSON|Dana K. Okafor]] will host the celebration {{Friday}} at 4 pm ET. Don't forget to {{mark}} your calendars.""",
    ),
    (
        "sales_leaderboard_announcement",
        "en/IL-Mixed",
        """Write a short, celebratory all-hands post from this leaderboard. Mix in a little Hebrew flavour but keep it in English.\n\n{{H1 2025}} — Israel Sales Leaderboard\n🥇 [[PERSON|Tzipi Ohayon]] — {{₪5.8M}}, incl. {{Ariel University}} (and no, she's not from {{Ariel}})\n🥈 [[PERSON|Mahmoud Abu-Ras]] — {{₪4.9M}}, {{Maccabi Healthcare}} expansion\n🥉 [[PERSON|Yonatan "Yoni" Kaplan]] — {{₪4.1M}}\n4. [[PERSON|Ariel Mizrahi]] — {{₪3.7M}}. Yes, [[PERSON|Ariel]] closed {{Ariel University}}'s dorms too\n5. [[PERSON|Adisu Mengistu]] — {{₪3.2M}}\nRookie: [[PERSON|Sveta Kaganovich]] ({{₪1.4M}} in her first 4 months!)\nPrize: team offsite in {{Eilat}} after {{Shavuot}}; top 3 also get the {{Rosh Hashanah}} bonus. Huge thanks to [[PERSON|Orly]] in RevOps and to [[PERSON|Mahmoud]]'s SE partner, [[PERSON|Nir Ben-Yosef]]. {{Mazal tov}} everyone!""",
    ),
    (
        "sales_leaderboard_announcement",
        "en/GB-Mixed",
        """Polish this UK&I leaderboard post for LinkedIn (internal version). Keep it human.\n\n📈 {{UK&I}} — {{March}} top performers\n1. [[PERSON|Callum MacKenzie]] — {{£1.2M}}, signed {{Sainsbury's}} Argos stores\n2. [[PERSON|Aoife Byrne]] — {{£980k}}, first public-sector win in {{Belfast}}\n3. [[PERSON|Harpreet Gill]] — {{£860k}}\n4. [[PERSON|Olamide Bakare]] — {{£710k}}, all net-new\n5. [[PERSON|Sydney Clarke]] — {{£640k}}\nFun fact: [[PERSON|Sydney]] wins the trip to our {{Sydney}} office for the {{APAC}} kickoff 🇦🇺\nShout-out to [[PERSON|Aoife]] and her SE [[PERSON|Fionnuala Ní Bhriain]] for a flawless POC, and to [[PERSON|Callum]]'s manager [[PERSON|Graham Sutherland-Hay]] for unblocking legal before {{Easter}}. Celebration drinks at {{The Ivy}}, {{Thursday}} 6 pm. Contact [[PERSON|Jess]] on [[PHONE|07405 656304]] if you're coming.""",
    ),
    (
        "sales_leaderboard_announcement",
        "he/IL-Mixed",
        """תכתוב הודעת ניצחון קצרה לקבוצת הוואטסאפ של המכירות על סמך הטבלה, עם קצת הומור.\n\n🏆 טבלת המכירות – {{אדר ב' תשפ"ד}}\n1. [[PERSON|שיר לוי-נחום]] – {{₪1.9M}}, כולל {{רמי לוי תקשורת}} (אין קשר משפחתי, היא נשבעת)\n2. [[PERSON|עומר חורי]] – {{₪1.6M}}\n3. [[PERSON|דנה אברמוביץ']] – {{₪1.3M}}\n4. [[PERSON|אדהם]] – {{₪1.1M}} בחודש הראשון שלו!\nמצטיין השירות: [[PERSON|אביתר]] מ{{באר שבע}}\nהערות להודעה: להזכיר ש[[PERSON|שיר]] ביקשה שישמיעו את {{שיר}} הניצחון במשרד 🎶. ארוחת צוות ב{{פורים}} בחסות [[PERSON|אלי]], {{סמנכ"ל המכירות}}. לא לשכוח לתייג את [[PERSON|עומר]] ו[[PERSON|דנה]]. {{חג שמח}}!""",
    ),
    (
        "sales_leaderboard_announcement",
        "he/IL-Ethiopian",
        """נסח בבקשה הודעה חגיגית לכל החברה על תוצאות הרבעון, בטון חם.\n\nתוצאות {{רבעון 3}} – צוות {{רחובות}}\n🥇 [[PERSON|אלמז טקלה]] – {{₪2.2 מיליון}}, {{128%}} מהיעד\n🥈 [[PERSON|יעקב (ג'קי) וורקו]] – {{₪1.9 מיליון}}\n🥉 [[PERSON|טליה בירהנו]] – {{₪1.7 מיליון}}\nהכי משתפר: [[PERSON|מולוגטה אסרס]] – מ-{{54%}} ל-{{102%}}\nתודה מיוחדת ל[[PERSON|ענבל]] מהתפעול ול[[PERSON|אברהם]] שעזר בהדרכות באמהרית.\nהשבוע גם {{סיגד}}, ו[[PERSON|אלמז]] מזמינה את כולם לאכול אינג'רה. {{מזל טוב}} ל[[PERSON|טליה]] שהתארסה! הפרסים יחולקו ע"י [[PERSON|רוני שגיא]], {{מנהל האזור}}, ב{{יום שלישי}}.""",
    ),
    (
        "sales_leaderboard_announcement",
        "he/IL-Druze",
        """תעזור לי לנסח הודעה לצוות על הזוכים בתחרות המכירות של {{החודש}}, בעברית, קצר ומכבד.\n\nזוכים – צוות {{גליל וכרמל}}:\n1. [[PERSON|רביע חלבי]] – {{₪980,000}}, כולל {{עיריית כרמיאל}}\n2. [[PERSON|סוהא קבלאן-עזאם]] – {{₪870,000}}\n3. [[PERSON|נאיף אבו-ריש]] – {{₪760,000}}\nאזכור מיוחד: [[PERSON|כמאל]] מ{{בית ג'ן}} שסגר את הלקוח הראשון שלנו ב{{רמת הגולן}}.\nהערות: [[PERSON|רביע]] ביקש להודות ל[[PERSON|אבו-וסים]] על העזרה. הטקס יתקיים אחרי {{זיארת נבי שועייב}}. פרס: סופ"ש ב{{חוף הכרמל}}. [[PERSON|סוהא]] תגיע עם [[PERSON|נג'יב]], בעלה. {{ברכות}} לכולם מ[[PERSON|נביה]], {{מנהלת המחוז}}.""",
    ),
    (
        "sales_leaderboard_announcement",
        "ar/SA-Saudi",
        """ساعدني أكتب تغريدة داخلية (منشور على {{Yammer}}) لإعلان أبطال المبيعات، بأسلوب حماسي.\n\n🏆 أبطال {{الربع الثاني}} – فريق {{الرياض}}\n١. [[PERSON|عبدالعزيز بن فهد الحربي]] – {{٤٫٢ مليون ريال}}، أكبر صفقة مع {{مجموعة الحربي للتجارة}} (نفس الاسم بس ما له علاقة بالشركة)\n٢. [[PERSON|نوف العتيبي]] – {{٣٫٦ مليون ريال}}\n٣. [[PERSON|محمد صالح الشهري]] – {{٢٫٩ مليون ريال}}\nأفضل موظف جديد: [[PERSON|ليان القحطاني]]\nشكر خاص لـ[[PERSON|أبو تركي]] على دعم الفريق، ولـ[[PERSON|Imran Sheikh]] من فريق الحلول.\nملاحظات: العرض {{صالح}} حتى نهاية {{ذو الحجة}}، والجوائز تُسلّم بعد {{اليوم الوطني}}. نبارك لـ[[PERSON|نوف]] على الترقية، و{{مبروك}} للجميع.""",
    ),
    (
        "sales_leaderboard_announcement",
        "ar/KW-Kuwaiti",
        """أبيك تكتب رسالة تهنئة للفريق على الواتساب، كويتي وخفيفة، من هالنتايج.\n\nنتايج شهر {{فبراير}} – فريق {{الكويت}}:\n🥇 [[PERSON|حصة بوحمد]] – {{٢٢٠ ألف د.ك}}\n🥈 [[PERSON|عبدالرحمن الصقر]] – {{١٨٥ ألف د.ك}}، منها صفقة {{الشايع}}\n🥉 [[PERSON|Joseph Mathew]] – {{١٤٠ ألف د.ك}}\nالنجمة الصاعدة: [[PERSON|دانة]] من {{الفروانية}}\nملاحظات: [[PERSON|بو يوسف]] (المدير) يبي يعزم الكل عشا بعد {{العيد الوطني}} و{{عيد التحرير}}. [[PERSON|عبدالرحمن]] يقول شكراً لـ[[PERSON|مشعل الشايع]] – موظف عندنا مو من {{الشايع}} – لأنه فتح له الباب. {{مبارك}} للجميع و[[PERSON|حصة]] تستاهل.""",
    ),
    (
        "sales_leaderboard_announcement",
        "am/ET-Amharic",
        """ይህን የሽያጭ ውጤት ማስታወቂያ ለቡድኑ የቴሌግራም ቻናል አጭር እና አስደሳች አድርገህ ጻፈው።\n\n{{ሰላም}} ቡድን! የ{{ሚያዝያ}} ወር ምርጥ ሻጮች፦\n1. [[PERSON|ሰላም ተስፋዬ]] – {{2.4 ሚሊዮን ብር}}፣ ከ{{ኢትዮ ቴሌኮም}} ጋር ትልቅ ውል\n2. [[PERSON|አበበ ከበደ]] – {{1.9 ሚሊዮን ብር}}\n3. [[PERSON|ፍቅርተ ገብረመድህን]] – {{1.6 ሚሊዮን ብር}}፣ {{ሳፋሪኮም}}\nአዲስ ኮከብ፦ [[PERSON|ዮናስ]] ከ{{ሀዋሳ}} ቅርንጫፍ\nማስታወሻ፦ [[PERSON|ሰላም]] ሽልማቷን ከ{{ፋሲካ}} በኋላ ትቀበላለች። ለወ/ሮ [[PERSON|ትዕግስት አለሙ]] ልዩ ምስጋና። ጥያቄ ካለ [[PERSON|አበበ]]ን በ[[PHONE|+251 91 134 5564]] ያግኙ።\nየቡድን መሪ [[PERSON|ዳዊት በቀለ]] እንዳሉት የ{{ግንቦት}} ግብ {{3 ሚሊዮን ብር}} ነው። [[PERSON|ፍቅርተ]] ሁላችንም በ{{ፍቅር}} እና በትጋት ከ{{መስቀል}} በፊት ግባችንን እንድናሳካ አበረታታለች። {{እንኳን ደስ አላችሁ}}!""",
    ),
]
