"""Words around names: cues that announce a person, and words that are never names."""

from __future__ import annotations

import re

# Titles right before a name: any capitalised word after them is a name.
HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Madam|Mme|Mlle|Herr|Frau|Sr|Sra|Srta|Dott|Dra|Shri|Smt|"
    r"Sheikh|Sheikha|Eng|Capt|Rabbi|Rev"
)
# Phrases after which the next word(s) are a person.
_CUES_EN = (
    r"dear|hi|hello|hey|thanks|thank you|greetings|spoke (?:with|to)|talked (?:with|to)|"
    r"speaking (?:with|to)|met (?:with)?|meeting with|call(?:ed)? with|calls? (?:from|to)|"
    r"chat(?:ted)? with|e-?mailed|emailing|texted|ping(?:ed)?|cc|attn|attention|assigned to|"
    r"owned by|handled by|introduced (?:me )?to|reached out to|follow(?:ed)? up with|"
    r"according to|ask|asked|tell|told|signed by|approved by|contact(?: person)?|rep|"
    r"sales rep|account manager|owner|manager|champion|decision maker|lead|customer|client|"
    r"prepared by|from|by|with|and|for|per|via"
)
_CUES_HE = r"מר|גב['׳]|גברת|ד\"ר|ד״ר|עו\"ד|עו״ד|פרופ['׳]|הרב|לכבוד|שלום|היי|עם|אצל|מאת|את|ל|נציג|נציגה"
_CUES_AR = (
    r"السيد|السيدة|الأستاذ|الأستاذة|الاستاذ|الدكتور|الدكتورة|د\.|المهندس|المهندسة|الشيخ|"
    r"الشيخة|الآنسة|عزيزي|عزيزتي|مرحبا|مرحباً|مع|من|إلى|الى|تحدثت مع|اتصلت ب|المندوب"
)
# Weak cues (with, and, for, from...) only vouch for a lexicon name; strong ones for any word.
WEAK_CUES = frozenset(
    "from by with and for per via ask asked tell told lead customer client owner manager "
    "contact rep מאת את ל עם אצל נציג נציגה مع من إلى الى المندوب".split()
)
CUE = re.compile(
    rf"(?:(?<![\w.])(?:{HONORIFICS})\.?|(?i:(?<!\w)(?:{_CUES_EN}))\s*[:,-]?"
    rf"|(?<![\w\u0590-\u05ff])(?:{_CUES_HE})|(?<![\w\u0600-\u06ff])(?:{_CUES_AR}))\s+"
)
_TITLES_HE_AR = (
    r"מר|גב['׳]|גברת|ד\"ר|ד״ר|עו\"ד|עו״ד|פרופ['׳]|הרב|לכבוד|السيد|السيدة|الأستاذ|الأستاذة|الاستاذ|"
    r"الدكتور|الدكتورة|د\.|المهندس|المهندسة|الشيخ|الشيخة|الآنسة|عزيزي|عزيزتي"
)
HONORIFIC = re.compile(rf"(?:{HONORIFICS})\.?$|^(?:{_TITLES_HE_AR})$")
SIGN_OFF = re.compile(
    r"(?im)(?:regards|best|thanks|thank you|cheers|sincerely|yours|warmly|בברכה|תודה|"
    r"مع التحية|تحياتي|شكرا|شكراً)[,!.]?[ \t]*\r?\n[ \t]*(?:--\s*)?"
)

# Particles inside multi-part names (Arabic, Dutch, Spanish, Hebrew...).
PARTICLES = frozenset(
    "al el bin ben bint ibn abu abd abdul van von der den de del della di da dos das du le la "
    "y bar bat ben- עבד בן בת אבו بن ابن بنت أبو ابو عبد آل".split()
)

_NEVER = """
monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow yesterday tonight
q1 q2 q3 q4 am pm eod eow asap fyi crm erp api sdk ui ux
salesforce hubspot microsoft google apple amazon aws azure oracle sap zoom slack teams monday.com
pipedrive zendesk intercom stripe paypal shopify notion asana jira atlassian github gitlab openai
chatgpt gpt linkedin facebook meta instagram whatsapp twitter youtube gmail outlook excel word
powerpoint dropbox twilio mailchimp zapier tableau snowflake datadog cisco ibm dell hp lenovo
samsung intel nvidia tesla uber airbnb netflix spotify adobe docusign calendly gong outreach
freshworks zoho odoo dynamics workday servicenow okta cloudflare wix wordpress
inc ltd llc gmbh corp co plc sa ag bv pty group holdings solutions technologies systems labs
global international partners ventures capital consulting services software traders trading
logistics health healthcare industries enterprises motors media foods pharma energy bank insurance
realty properties networks digital studio studios agency works supplies retail store stores
airlines hotels hotel resorts school academy university college hospital clinic institute
sales marketing support finance legal procurement operations engineering product hr it admin
team deal lead leads contact contacts account accounts opportunity pipeline forecast quote invoice
order orders renewal upsell demo trial pilot proposal contract budget discount price pricing
plan plans pro plus premium basic starter enterprise business standard professional ultimate
gold silver platinum bronze free lite growth scale essentials advanced
ceo cto cfo coo cmo vp svp evp director head manager engineer analyst consultant founder
customer client user admin owner rep agent buyer seller vendor partner prospect champion
hi hello dear thanks regards best cheers subject re fw fwd note notes summary action items
next steps follow up meeting call email phone mobile address
north south east west street avenue road city
israel dubai abu dhabi uae usa uk london paris berlin tel aviv jerusalem haifa riyadh
""".split()
_NEVER_HE = """
ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר ראשון שני שלישי
רביעי חמישי שישי שבת היום מחר אתמול לקוח לקוחה עסקה הצעה מחיר פגישה שיחה חברה מנהל מנהלת
תודה שלום בברכה יום שבוע חודש שנה הזמנה חשבונית מוצר תוכנית מכירות שיווק תמיכה
""".split()
_NEVER_AR = """
يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر الاثنين الثلاثاء
الأربعاء الخميس الجمعة السبت الأحد اليوم غدا أمس العميل العميلة صفقة عرض سعر اجتماع مكالمة
شركة مدير مديرة شكرا مرحبا تحياتي التحية طلب فاتورة منتج خطة مبيعات تسويق دعم دبي أبوظبي الرياض
""".split()
_TITLES = """
mr mrs ms miss mx dr prof sir madam mme mlle herr frau sr sra srta dott dra shri smt sheikh sheikha
eng capt rabbi rev מר גב גברת הרב עו״ד ד״ר פרופ לכבוד נציג נציגה السيد السيدة الأستاذ الأستاذة
الاستاذ الدكتور الدكتورة المهندس المهندسة الشيخ الشيخة الآنسة عزيزي عزيزتي المندوب
""".split()
# Places: cities and countries CRM text names all the time, several of them also surnames.
_PLACES = """
afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus
belgium bolivia brazil bulgaria cambodia cameroon canada chile china colombia croatia cyprus czechia
denmark ecuador egypt estonia ethiopia finland france georgia germany ghana greece guatemala hungary
iceland india indonesia iran iraq ireland italy jamaica japan jordan kazakhstan kenya korea kuwait
latvia lebanon libya lithuania luxembourg malaysia malta mexico morocco nepal netherlands nigeria
norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia
rwanda saudi senegal serbia singapore slovakia slovenia spain sweden switzerland syria taiwan
tanzania thailand tunisia turkey uganda ukraine uruguay uzbekistan venezuela vietnam yemen zambia
zimbabwe emirates america europe africa asia
lagos abuja accra nairobi cairo casablanca johannesburg cape town durban kinshasa addis ababa dakar
medellín medellin bogotá bogota lima santiago quito caracas montevideo buenos aires são paulo
rio janeiro mexico guadalajara monterrey havana madrid barcelona valencia sevilla lisbon porto rome
milan milano turin naples florence venice munich münchen hamburg frankfurt cologne köln stuttgart
vienna zurich geneva basel bern brussels antwerp amsterdam rotterdam utrecht copenhagen stockholm
oslo helsinki warsaw kraków krakow prague budapest bucharest sofia athens istanbul ankara moscow
kyiv kiev minsk riga tallinn vilnius dublin edinburgh glasgow manchester liverpool birmingham leeds
bristol oxford cambridge york boston chicago houston dallas austin denver seattle portland phoenix
atlanta miami orlando detroit philadelphia washington baltimore nashville memphis toronto montreal
vancouver calgary ottawa sydney melbourne brisbane perth adelaide auckland wellington tokyo osaka
kyoto seoul busan beijing shanghai shenzhen guangzhou hong kong taipei manila jakarta bangkok hanoi
saigon kuala lumpur mumbai delhi bangalore bengaluru chennai hyderabad pune kolkata ahmedabad karachi
lahore islamabad dhaka colombo kathmandu tehran baghdad damascus beirut amman doha manama muscat
kuwait sharjah ajman fujairah jeddah dammam mecca medina eilat netanya ashdod herzliya raanana
petah tikva rishon lezion beersheba nazareth ramallah
""".split()
PLACES = frozenset(_PLACES)  # ambiguous when also a name (Santiago, Sofia): a second signal needed
NEVER_NAMES = frozenset(_TITLES) | frozenset(_NEVER) | frozenset(_NEVER_HE) | frozenset(_NEVER_AR)
