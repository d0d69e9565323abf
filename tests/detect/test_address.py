from __future__ import annotations

import random

import pytest

from proxy.detect.address import find_addresses, word_led_matches, word_starts


@pytest.mark.parametrize(
    "address",
    [
        "1600 Pennsylvania Avenue NW, Washington, DC 20500",
        "221B Baker Street, London NW1 6XE",
        "Suite 400, 55 Collins St, Melbourne VIC 3000",
        "Hauptstraße 12, 10115 Berlin",
        "12 rue de la Paix, 75002 Paris",
        "רחוב הרצל 15, תל אביב",
        "شارع الشيخ زايد 12، دبي",
        "Villa 12, Street 5, Al Barsha, Dubai",
        "PO Box 12345, Dubai",
        "Rothschild Blvd 22, Tel Aviv",
        "Herzl St. 15, Haifa",
    ],
)
def test_street_addresses_in_each_style(address: str) -> None:
    text = f"Address: {address}. Thanks"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_numbers_next_to_ordinary_words_are_not_addresses() -> None:
    assert [] == list(find_addresses("We sold 12 seats on Monday and 3 licences in March"))


@pytest.mark.parametrize(
    "address",
    [
        "Am Kupfergraben 6, 10117 Berlin",
        "Keizersgracht 123, 1015 CJ Amsterdam",
        # Compound street words with a floor, the ground floor, a letter or a range after the
        # house number (NL, DE, AT).
        "Keizersgracht 482-III, 1017 EG Amsterdam",
        "Herengracht 12-hs, 1015 BZ Amsterdam",
        "Zeedijk 7A, 1012 AN Amsterdam",
        "Oudezijds Voorburgwal 185 hg, 1012 EX Amsterdam",
        "Neumarkt 3-5, 50667 Köln",
        "Kurfürstendamm 21, 10719 Berlin",
        "Mariahilfer Straße 12-III, 1060 Wien",
        "Via Roma 12, 00184 Roma",
        "Calle de Alcalá 45, 28014 Madrid",
        "Rua Augusta 100, 1100-053 Lisboa",
        "ul. Marszałkowska 10, 00-590 Warszawa",
        "Avenida Paulista, 1578 - Bela Vista, São Paulo",
        "Derech Menachem Begin 132, Tel Aviv-Yafo",
        "Flat 402, Al Reem Tower, Al Reem Island, Abu Dhabi",
        "Apartment 12, Building 5, Jumeirah Lakes Towers, Dubai",
        # A plot and a numbered road (Gulf industrial areas), no city needed.
        "Plot 598, Road 12",
        "Plot No. 7, Rd 3",
        "Plot 23, Admiralty Way, Lekki Phase 1, Lagos",
        "B-204, Prestige Towers, MG Road, Bengaluru 560001",
        "King Fahd Road, Al Olaya, Riyadh 12211",
        "8 Chapel Lane, Little Snoring, Norfolk NR21 0AX",
        "1 Infinite Loop Cupertino CA 95014",
        "Unit 5/18 George St, Parramatta NSW 2150",
        # A town with a capital inside its word, and Israel's seven-digit postcode.
        "Tzela HaHar St 7, Migdal HaEmek 2310501",
    ],
)
def test_addresses_of_more_countries_and_their_whole_tail(address: str) -> None:
    text = f"Please ship to {address}. Thanks"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Address: 44 Kings Road, Chelsea, London SW3 4ND. She wants Pro.", None),
        ('{"shipping_address": "Herzl 15, Haifa", "plan": "Pro"}', "Herzl 15, Haifa"),
        ("הכתובת: אבן גבירול 30 תל אביב", "אבן גבירול 30 תל אביב"),
        ("العنوان: عمارة 5، الحي الثالث، عمّان", "عمارة 5، الحي الثالث، عمّان"),
    ],
)
def test_a_labelled_value_is_taken_whole(text: str, address: str | None) -> None:
    expected = address or "44 Kings Road, Chelsea, London SW3 4ND"
    assert [expected] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ('Where: 2 Kingsway, Cardiff CF10 3FD, room "Nelson"', "2 Kingsway, Cardiff CF10 3FD"),
        ("Location: Plot S30514, Jebel Ali Free Zone South, Dubai\n", "Plot S30514, Jebel Ali"),
        ('"location":"88/12 Sukhumvit Soi 31, Watthana, Bangkok 10110",', "88/12 Sukhumvit Soi 31"),
        ("Ship/bill to: No. 42, 3rd Cross, Gandhi Bazaar, Bengaluru 560004\n", "No. 42, 3rd Cross"),
    ],
)
def test_a_where_or_location_label_holds_an_address_that_opens_with_a_number(
    text: str, address: str
) -> None:
    found = [text[s.start : s.end] for s in find_addresses(text)]
    assert len(found) == 1 and found[0].startswith(address)
    assert not found[0].endswith(("room", "\n", '"'))


@pytest.mark.parametrize(
    "text",
    [
        "Where: Zoom, 10:00",
        "Where: 10:00, Zoom",
        "IP location: Dubai, UAE",
        "Location: Room 4, Building B",
        "Bill to: Jessica Moreno-Alvarez, Harbor Point Dental Group",
    ],
)
def test_a_where_or_location_label_with_a_place_or_a_customer_is_no_address(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Dirección: Av. Constitución 1420 Ote., Col. Centro, 64000 Monterrey, N.L.\nMensaje",
            "Av. Constitución 1420 Ote., Col. Centro, 64000 Monterrey, N.L.",
        ),
        (
            "Adres: Atatürk Mah. Ertuğrul Gazi Sok. No:12/4, 34758 Ataşehir/İstanbul\nTel",
            "Atatürk Mah. Ertuğrul Gazi Sok. No:12/4, 34758 Ataşehir/İstanbul",
        ),
    ],
)
def test_mexican_and_turkish_abbreviations_do_not_end_a_labelled_value(
    text: str, address: str
) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_written_address_block_takes_its_city_line() -> None:
    text = "Ship to:\nDana Levi\n12 Main St\nSpringfield, IL 62701\nThanks"
    assert ["12 Main St\nSpringfield, IL 62701"] == [
        text[s.start : s.end] for s in find_addresses(text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Via Zoom 2 people joined on Monday.",
        "Shipping address: same as billing",
        "Address: see the CRM record",
        "Renewal for 1200 Berlin seats, 2026 Paris launch",
        "Order 12345 Munich shipped on Tuesday",
        # A year after a word that ends like a street word.
        "Spring 2024 campaign and Weihnachtsmarkt 2025 stands",
        # Dubai's Makani building locator: public, not the person's address.
        "Dubai Silicon Oasis, Dubai (Makani 31758 94520).",
    ],
)
def test_ordinary_text_is_not_an_address(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_date_before_the_next_line_is_not_a_postcode_and_city() -> None:
    text = "QUOTE #Q-31877 | valid until June 30, 2025\nFrom: Ridgeway Analytics"
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


def test_the_tail_stops_at_a_date() -> None:
    text = "Shipping from 12 Main St, Boston, Monday, June 3."
    assert ["12 Main St, Boston"] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "address",
    [
        # Interior numbers, abbreviated districts, a postcode before a multi-word city (MX).
        "Av. Álvaro Obregón 182, Int. 5, Roma Nte., 06700 Ciudad de México, CDMX",
        # Lowercase units, " - SP" states, a trailing CEP (BR) or a floor and door (ES, PT).
        "Rua Oscar Freire 1120, apto 52, Jardins, São Paulo - SP, 01426-001",
        "C/ Mayor 5, 2º B, 28013 Madrid",
        "Calle de Alcalá 45, 3º Izq., 28014 Madrid",
        "Via Garibaldi 5, int. 3, 20121 Milano",
        "Via Roma 12 int. 3, 00184 Roma",
        "ul. Piotrkowska 104 lok. 12, 90-004 Łódź",
        "ul. Złota 44 m. 12, 00-120 Warszawa",
        "Wetstraat 16 bus 3, 1040 Brussel",
        "12 rue de la Paix, Bât. B, 3e étage, 75002 Paris",
        "Hauptstraße 12, Hinterhaus, 2. OG, 10115 Berlin",
        # Unit, floor and building parts before the street.
        "4th Floor, 18 Finsbury Square, London EC2A 1AH",
        "Ground Floor, 5 High Street, Oxford OX1 4AB",
        "Flat B, 12/F, Tower 2, Harbour Crest, 8 Hoi Wang Road, Kowloon",
        "Bât. B, 3e étage, 12 rue de la Paix, 75002 Paris",
        "Hinterhaus, 2. OG, Hauptstraße 12, 10115 Berlin",
        "Level 12, 1 Martin Pl",
        "No. 1 Jianguomenwai Avenue, Chaoyang District, Beijing 100004",
        "Unit 12B, 8th Floor, Ayala Tower One, 6750 Ayala Avenue, Makati City, Metro Manila 1226",
        # Units and named parts leading to a town, known or not.
        "Plot 22, Block C, Adum, Kumasi",
        "Flat No. 12, 3rd Cross, Indiranagar, Bengaluru 560038",
        "House 12, Road 5, Gulshan 2, Dhaka 1212",
        # PO boxes.
        "P.O. Box 48210-00100, Nairobi",
        "PO Box 2291, Boise, ID 83701",
        "GPO Box 1234, Sydney NSW 2001",
        "Caixa Postal 1234, Curitiba - PR",
        # Japanese, Korean, Turkish, Russian styles.
        "1-1-2 Oshiage, Sumida-ku, Tokyo 131-0045",
        "Shiba 1-2-3, Minato-ku, Tokyo 105-0014",
        "123 Teheran-ro, Gangnam-gu, Seoul 06236",
        "Teheran-ro 427, Gangnam-gu, Seoul",
        "Bağdat Cad. No: 214 D:7, Kadıköy, İstanbul",
        "Atatürk Mah. 1234 Sok. No:5 D:3, 35000 Konak/İzmir",
        "ул. Тверская, д. 7, кв. 12, Москва, 125009",
        # Postcodes and districts: Eircode, "Dublin 2", Canada, Saudi, Israel 7 digits.
        "12 Dawson Street, Dublin 2, D02 K283",
        "1055 W Georgia St, Suite 2400, Vancouver, BC V6E 3P3",
        "8228 King Fahd Rd, Al Olaya Dist., Riyadh 12214 - 3456",
        "Derech Menachem Begin 132, Azrieli Center, Tel Aviv 6701101",
        "Mariahilfer Straße 1, 1060 Wien",
        "Sheikh Mohammed bin Rashid Blvd, Downtown Dubai, Dubai",
    ],
)
def test_units_districts_and_postcodes_of_more_countries(address: str) -> None:
    text = f"Please send it to {address}. Thanks"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_an_ics_escaped_comma_separates_parts() -> None:
    text = "LOCATION:Room 5F\\, 2-7-3 Hamamatsucho\\, Minato-ku\\, Tokyo 105-0013\nEND:VEVENT"
    assert ["Room 5F\\, 2-7-3 Hamamatsucho\\, Minato-ku\\, Tokyo 105-0013"] == [
        text[s.start : s.end] for s in find_addresses(text)
    ]


def test_the_tail_does_not_run_into_the_next_sentence() -> None:
    text = "Send it to Via Roma 12, 00184 Roma. Thanks for the help, Dana."
    assert ["Via Roma 12, 00184 Roma"] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Q3 2025 pipeline review, Floor plan attached, see page 4.",
        "Tower 2 of the product is down, Block C of the contract is signed.",
        "Block C, Tower 2 and Floor 3 were discussed.",
        "Floor 3, Meeting Room B, Marketing, Sales.",
        "Suite 5, Enterprise, Pro, Starter.",
        "Unit 5, Phase 2, Stage 3, Step 4.",
        "Room 4, Building 2, will be used on Tuesday, June 3.",
        "The 4th floor meeting, 18 people, London office.",
        "We won 2-1 Arsenal, London fans cheered.",
        "Release 2-7-3 Hotfix, Build 5, Tokyo team.",
        "Score 12-05-24 Tokyo, Japan",
        "call 03-1234-5678, Minato-ku office",
        "Geo Enrichment add-on v1.9.2, Teheran-ro API",
        "Version 4.12.3, build 2291, order #12345 shipped.",
        "Interest rate No. 5 applies.",
        "Int. 5 errors were logged, Dist. 2 lines.",
        "GET /api?address=Dubai+Marina&key=abc123 -> 403",
    ],
)
def test_unit_floor_and_number_words_in_ordinary_text_are_not_addresses(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_url_query_address_stops_at_the_next_parameter() -> None:
    text = "GET /geocode?address=12+Main+St%2C+Boston&key=abc → 403"
    assert ["12+Main+St%2C+Boston"] == [text[s.start : s.end] for s in find_addresses(text)]
    text = "GET /api?address=Dubai+Marina&key=AIzaSyQ9 → 403"
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


H = "ברחוב הנביאים 7, כניסה ב', דירה 4, ירושלים 9514207"
HAIFA = "דרך העצמאות 45, קומה 3, חיפה 3303318"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A name and a number, then a known city; after a place cue.
        ("נפגשים מחר אצלך במשרד, האלון 3, כפר סבא. אביא את הטאבלט", "האלון 3, כפר סבא"),
        ("שלחו ל: אבן גבירול 30, תל אביב", "אבן גבירול 30, תל אביב"),
        # The definite street word, a hyphenated city and a 7-digit postcode.
        (
            "כתובת לחשבונית: הרחוב הראשי 114, דלית אל-כרמל 3005600. תודה",
            "הרחוב הראשי 114, דלית אל-כרמל 3005600",
        ),
        (f"{H} גרה דנה", H),
        (f"מנהל פיתוח\n{HAIFA}", HAIFA),
        # Settlements, neighbourhoods and towers: moshav, farm number, postcode.
        (
            "הכתובת למשלוח: מושב בני ציון, משק 54, 6091000. אפשר לחזור",
            "מושב בני ציון, משק 54, 6091000",
        ),
        ("שכונת רמות, בניין 12, דירה 5, ירושלים", "שכונת רמות, בניין 12, דירה 5, ירושלים"),
        ("קריית המדע, מגדל ב', קומה 4, רחובות", "קריית המדע, מגדל ב', קומה 4, רחובות"),
        # A PO box, its city and postcode; a transliterated street and a hyphenated city.
        ("C-1002;Mohammad;ת.ד. 412, רהט 8530000;050-4471289", "ת.ד. 412, רהט 8530000"),
        # Glued to a prefix letter, in its other spellings.
        ("לשלוח לת.ד. 4417, חיפה 3104301 ולא", "ת.ד. 4417, חיפה 3104301"),
        ('משלוח לת"ד 4417 בלבד', 'ת"ד 4417'),
        ("משלוח לת ד 4417 בלבד", "ת ד 4417"),
        (
            "Sergey;HaBarzel St 31, Tel Aviv-Yafo 6971045;+972",
            "HaBarzel St 31, Tel Aviv-Yafo 6971045",
        ),
    ],
)
def test_hebrew_addresses(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


AMMAN = "جبل عمّان، شارع الرينبو، عمارة ١٢، عمّان ١١١٨١"
RAMALLAH = "عمارة الريحان، الطابق ٣، الماصيون، رام الله"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Arabic-Indic digits in house, building, flat numbers and postcodes; parts in any order.
        (
            "الاجتماع في مكتب العميل: شارع مكة، عمارة ٤٥، الطابق الثالث، عمّان",
            "شارع مكة، عمارة ٤٥، الطابق الثالث، عمّان",
        ),
        (
            "العنوان الوطني: ٨٢٢٨ طريق الملك فهد، حي العليا، الرياض ١٢٢١٤، ٣٤٥٦\nالآيبان",
            "٨٢٢٨ طريق الملك فهد، حي العليا، الرياض ١٢٢١٤، ٣٤٥٦",
        ),
        (
            "الطلب بيوصل بإذن الله على الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤\nأم خالد",
            "الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤",
        ),
        ("هاتف: 013 887 4410\nص.ب ٣٣٢١، الخبر ٣١٩٥٢", "ص.ب ٣٣٢١، الخبر ٣١٩٥٢"),
        ("أرسلوها على ص. ب 3321 لو سمحت", "ص. ب 3321"),
        ("أرسلوها وص ب 3321 لو سمحت", "ص ب 3321"),
        (
            "طلبت نغيّر عنوان الشحن إلى ١٥ شارع التحرير، الدقي، الجيزة بدل عنوان المكتب",
            "١٥ شارع التحرير، الدقي، الجيزة",
        ),
        (
            "المندوب ما وصل. حي النرجس، شارع الأمير محمد بن سعد، مبنى ٤٢١٧، الرياض ١٣٣٢٧. رقم",
            "حي النرجس، شارع الأمير محمد بن سعد، مبنى ٤٢١٧، الرياض ١٣٣٢٧",
        ),
        # Jordan, Palestine, Lebanon, a street and a city only.
        (f"سكن: {AMMAN}", AMMAN),
        (f"المكتب: {RAMALLAH}", RAMALLAH),
        ("نحن في شارع الحمرا، بناية ٢٢، بيروت منذ سنة", "شارع الحمرا، بناية ٢٢، بيروت"),
        ("التسليم في طريق الملك عبدالله، الرياض صباحاً", "طريق الملك عبدالله، الرياض"),
        # Latin digits in an Arabic address.
        ("العنوان المسجل: فيلا 12، شارع 4، جميرا 1، دبي", "فيلا 12، شارع 4، جميرا 1، دبي"),
    ],
)
def test_arabic_addresses(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text",
    [
        # Street, region and way words in prose.
        "בדרך למשרד נתקעתי בפקק, אחזור אליך",
        "על הדרך, נדבר מחר",
        "على طريق النجاح، نعمل معاً",
        "وصل عن طريق حملة فيسبوك. يستخدم حالياً Odoo",
        "وصل عن طريق ٣ حملات، الرياض",
        "مديرة تطوير الأعمال – منطقة الخليج\n+971 52 918 4470",
        "نتوسع في منطقة الشرق الأوسط، دبي والرياض",
        "عرض حي للنظام، دبي",
        "שדרוג לחבילת Pro, תל אביב",
        # Cities alone, dates, amounts, versions, phones, counts.
        "יש לנו לקוחות בתל אביב, חיפה, באר שבע",
        "لدينا فروع في دبي، أبوظبي، الشارقة",
        "הפגישה ב-12 במרץ, תל אביב",
        "מרץ 2025, תל אביב",
        "مارس ١٥، الرياض",
        "הנחה 20, תל אביב",
        "خصم ٢٠٪، الرياض",
        "גרסה 3, שלב 4",
        'סה"כ 1,250 ש"ח, תל אביב',
        "القيمة SAR 1,380، الرياض",
        "טלפון: 052-782-1384, מייל: dana@x.co.il",
        "קומה 3, חדר 4",
        "الطابق الثالث، دبي",
        "עכשיו 3 משתמשים, 5 רישיונות, חיפה",
        # Lists of cities with a year, instalments, branches: a number is not a house number.
        "نعمل في دبي، أبوظبي، والرياض منذ ٢٠١٥.",
        "الدفعة الأولى ٥٠٠٠، الدفعة الثانية ٣٠٠٠، جدة",
        "תשלום 3, תשלום 4, חיפה",
        "הזמנה 55127, חיפה, נשלחה אתמול",
        "טל: 03-5551234, פקס: 03-5551235, תל אביב",
        "تم الشحن عن طريق أرامكس، الرياض، خلال ٣ أيام.",
        "منطقة الخليج، الرياض، ١٢ عميل جديد هذا الشهر.",
        # Box letters ending a longer word: "in grade 4, 25 pupils", "special for 5".
        "בכיתת ד 25 תלמידים",
        "عرض خاص ب 5 اشخاص",
        # A Makani number locates a Dubai building's entrance: a public locator, not the
        # person's address.
        "رقم مكاني: ٣٠٥٧٦ ٩٤٥٢١ للمستودع",
        "(رقم مكاني 2687391054)",
    ],
)
def test_hebrew_and_arabic_prose_is_not_an_address(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text",
    ["כתובת המייל: dana@example.co.il", "عنوان الاجتماع: مراجعة الربع ٣"],
)
def test_labels_that_are_not_address_labels(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_flat_number_written_before_the_house_number() -> None:
    text = "Pick up at 3/15 Rothschild Blvd, Tel Aviv 6688101 today"
    assert ["3/15 Rothschild Blvd, Tel Aviv 6688101"] == [
        text[s.start : s.end] for s in find_addresses(text)
    ]


def test_a_dotted_capital_i_before_a_label_keeps_the_offsets() -> None:
    text = "İİ note. Address: Herzl 15, Haifa"
    assert ["Herzl 15, Haifa"] == [text[s.start : s.end] for s in find_addresses(text)]


def test_patterns_tried_at_their_words_give_the_matches_finditer_gives() -> None:
    # Street words, numbers and near misses of each family of patterns, packed and glued.
    spaces = [" ", " ", "  ", ", ", "\n", "\t", "-", "x", "(", "٣"]
    families = [
        ["Street", "St", "St.", "Road", "Hill", "Park", "Baker", "Old", "de", "N", "1st", "Mah"],
        ["12 Old", " Baker", " St", " Street", "Elm", " Hill", "221B ", "Park", "Road", "West"],
        ["12 ", "Kingsbridgeworthington ", "Sheikh-Mohammed-Al-Maktoum ", "Street", "Rd", " "],
        ["rue", "Rue", "bis", "ter", "place", "Place", "Av.", "la", "Paix", "Bd", "cours"],
        ["12 bis", " rue", "12 ", "4ter, ", " Place", "place ", "de", " la", " Paix", " Quai"],
        ["12", " bis", ",", " ", "rue", "Quai", "Kingsbridgeworthington", "Saint-Germain-des-Prés"],
        ["Via", "Rua", "ul.", "C/", "straße", "Str.", "weg", "gracht", "Cad.", "No:", "Roma"],
        ["Villa", "Flat", "Plot", "Street", "Rd", "ул.", "д.", "Тверская", "Postfach", "B.P."],
        ["Villa 3, ", "Flat A1,", "Plot", "Street 5", " Rd. 7", "Villa", "ул. ", "д. 7"],
        ["Dubai", "Berlin", "Al", "Barsha", "10115"],
    ]
    numbers = ["12", "221B", "5", "7", "1-2", "12345", "a1"]
    # Numbers far before their street words (the runs of characters before it are counted).
    long = "Kingsbridgeworthington"
    texts = [
        f"{long} 1234 {long} {long} Abcdefghijkl Cd Street",
        f"{long} 12 bis,{' ' * 58}rue Cler",
    ]
    rnd = random.Random(5)
    for family in families:
        pieces = family + numbers + spaces
        for _ in range(1500):
            texts.append("".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 24))))
    for text in texts:
        at = word_starts(text, text.lower())[0]
        for rx, matches in word_led_matches(text, at):
            assert [m.span() for m in rx.finditer(text)] == [m.span() for m in matches], text


def test_a_hebrew_address_inside_a_json_string_stops_before_its_closing_quote() -> None:
    text = '{"lead":{"city":"חיפה","address":"רחוב הנביאים 12, חיפה"}}'
    found = [text[s.start : s.end] for s in find_addresses(text)]
    assert ["רחוב הנביאים 12, חיפה"] == found
    text = 'נפגשנו ברחוב צה"ל 4, ת"א'  # quotes between letters are the words' own
    assert ['ברחוב צה"ל 4, ת"א'] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Office: Bole Road, Mega Building 5th floor, Addis Ababa. Follow up Monday.",
            "Bole Road, Mega Building 5th floor, Addis Ababa",
        ),
        (
            "hosting us at Westlands Business Park, Block C, Chiromo Road, Nairobi on Tuesday.",
            "Westlands Business Park, Block C, Chiromo Road, Nairobi",
        ),
        ("الفرع في فيلا 14، شارع 27ب، البرشاء 2، دبي.", "فيلا 14، شارع 27ب، البرشاء 2، دبي"),
    ],
)
def test_parts_with_a_floor_a_day_after_the_city_and_lettered_numbers(
    text: str, address: str
) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_year_after_a_month_is_no_house_number() -> None:
    assert [] == list(find_addresses("> On 3 April 2025, Rachel Green wrote:"))
    text = "2025 Main Street, Springfield, IL 62704"
    assert [text] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("והכתובת למשלוח ההסכם רחוב הגפן 12 קריית מוצקין", "רחוב הגפן 12 קריית מוצקין"),
        ("הכתובת החדשה שדרות הנשיא 40 דירה 12 חיפה והוא אמר", "שדרות הנשיא 40 דירה 12 חיפה"),
        ("מאת: סאמר הפקות, רחוב הראשי 51, בית ג'ן 2499000", "רחוב הראשי 51, בית ג'ן 2499000"),
        ("נפגשנו ברחוב הרצל 5 אתמול בערב", "ברחוב הרצל 5"),
    ],
)
def test_a_hebrew_city_after_the_number_without_a_comma(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Seller: Marmara Gıda, Atatürk Cd. No:57, Nilüfer, Bursa 16140",
            "Atatürk Cd. No:57, Nilüfer, Bursa 16140",
        ),
        ("والمراسلات على ص.ب 2345 جدة 21451", "ص.ب 2345 جدة 21451"),
        ("ת.ד. 4417 חיפה 3104301", "ת.ד. 4417 חיפה 3104301"),
        ("عنواني سكة 3019، منزل 1122، الخوير، مسقط.", "سكة 3019، منزل 1122، الخوير، مسقط"),
    ],
)
def test_turkish_cd_boxes_with_their_city_and_omani_ways(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_street_part_does_not_reach_back_over_the_line_above() -> None:
    text = "Kunde: Nordlicht GmbH, z. Hd. Katrin von Stetten\nHauptstraße 41, 10827 Berlin"
    assert ["Hauptstraße 41, 10827 Berlin"] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Spanish and Portuguese labels; a quoted value keeps the dot of its abbreviation.
        (
            'domicilio: "Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 CDMX, Méx."',
            "Av. Insurgentes Sur 1602, Col. Crédito Constructor, 03940 CDMX, Méx.",
        ),
        ("morada: Rua Augusta 210, 1100-053 Lisboa", "Rua Augusta 210, 1100-053 Lisboa"),
        # A vCard's ADR line: its components, semicolons and all.
        ("ADR;TYPE=home:;;Herzl 14;Haifa;;3303514;Israel", "Herzl 14;Haifa;;3303514;Israel"),
        # A Gulf PO box with its postal code and two places.
        ("P.O. Box 3391, PC 112, Ruwi, Muscat", "P.O. Box 3391, PC 112, Ruwi, Muscat"),
        # A Moroccan street word.
        ("نرسل الطلبية إلى 7 زنقة فاس، أكدال، الرباط غدا", "7 زنقة فاس، أكدال، الرباط"),
    ],
)
def test_more_labels_vcards_gulf_boxes_and_moroccan_streets(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Transliterated Greek and Thai street words, a plot number before the lead.
        (
            "Yes, Leoforos Syngrou 210, 176 72 Kallithea, attention",
            "Leoforos Syngrou 210, 176 72 Kallithea",
        ),
        ("deliver to 41/7 Soi Ari 5, Bangkok 10400", "41/7 Soi Ari 5, Bangkok 10400"),
        # A postal block on the lines under its street, up to its postcode or country.
        (
            "kit goes to:\n41/7 Soi Ari 5\nPhaya Thai\nBangkok 10400\nThailand\nMention the promo.",
            "41/7 Soi Ari 5\nPhaya Thai\nBangkok 10400\nThailand",
        ),
        # A label with its value on the lines under it.
        (
            "New billing address:\nUnit 9, Cathays Park\nCardiff CF10 3NQ\nUnited Kingdom\nCard: x",
            "Unit 9, Cathays Park\nCardiff CF10 3NQ\nUnited Kingdom",
        ),
    ],
)
def test_more_street_words_and_postal_blocks_over_lines(text: str, address: str) -> None:
    assert address in [text[s.start : s.end] for s in find_addresses(text)]


def test_a_postal_block_stops_before_a_title_a_phone_or_a_list_of_offices() -> None:
    text = "12 Main Street\nSpringfield, IL 62701\nSales Director\n+1 217 555 0199"
    assert ["12 Main Street\nSpringfield, IL 62701"] == [
        text[s.start : s.end] for s in find_addresses(text)
    ]
    text = "8 Hoi Wang Road, Kowloon\nHong Kong | Singapore | Shanghai"
    assert ["8 Hoi Wang Road, Kowloon"] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_po_box_after_the_city_ends_the_address_and_keeps_it() -> None:
    text = (
        "Office: Suite 1402, Bay Square Tower, Al Abraj Street, Business Bay, Dubai,"
        " P.O. Box 11822\nSettlement IBAN: on file"
    )
    assert [
        "Suite 1402, Bay Square Tower, Al Abraj Street, Business Bay, Dubai, P.O. Box 11822"
    ] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text, address",
    [
        ("old office vul. Velyka Vasylkivska 72, Kyiv 03150 closed", "vul. Velyka Vasylkivska 72"),
        ("Ship to Prosp. Nauky 14, Kharkiv.", "Prosp. Nauky 14"),
    ],
)
def test_transliterated_ukrainian_and_russian_street_words(text: str, address: str) -> None:
    assert any(address in text[s.start : s.end] for s in find_addresses(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A Japanese district that is also a city name, with its ward after it.
        (
            "Reseller office: 3-12-1 Shibuya, Shibuya-ku, Tokyo 150-0002\nNext",
            "3-12-1 Shibuya, Shibuya-ku, Tokyo 150-0002",
        ),
        # A Turkish street named by its number, after the neighbourhood.
        (
            "على عنوان المكتب İncilipınar Mah. 3. Cad. No: 12, Şehitkamil, Gaziantep، والتحويل",
            "İncilipınar Mah. 3. Cad. No: 12, Şehitkamil, Gaziantep",
        ),
        # A Thai soi after its road, the house number first.
        (
            "our Bangkok office, 88 Sukhumvit Soi 21, Khlong Toei Nuea, Watthana, Bangkok 10110.",
            "88 Sukhumvit Soi 21, Khlong Toei Nuea, Watthana, Bangkok 10110",
        ),
        # An Indian sector and a Gulf warehouse leading their parts.
        (
            '"office":"B-14, Sector 62, Noida, Uttar Pradesh 201309","x":1',
            "B-14, Sector 62, Noida, Uttar Pradesh 201309",
        ),
        (
            "Bu Khalid: Warehouse 5, Al Qusais Industrial Area 2, Dubai\n",
            "Warehouse 5, Al Qusais Industrial Area 2, Dubai",
        ),
        # A Saudi short national address after the words that name it.
        ("سجّلت في التجربة؛ عنوانها المختصر DKBA4521.", "DKBA4521"),
    ],
)
def test_addresses_written_in_more_countries_ways(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Step 3. Road 5 is closed for works", []),
        ("booked 12-05-24 Tokyo trip", []),
        ("SKU ABCD1234 in stock", []),
        # A phone's last digits on the line above a street are not its house number.
        ("Mobil: 0157 3390 1826\nSchönhauser Allee 180", ["Schönhauser Allee 180"]),
    ],
)
def test_numbers_near_those_ways_are_not_taken(text: str, found: list[str]) -> None:
    assert found == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # A district's number, then a street with none.
        (
            "Office: Al Jurf 2, Sheikh Khalifa Bin Zayed St, Ajman, UAE\nChampion: Tarek",
            "Al Jurf 2, Sheikh Khalifa Bin Zayed St, Ajman, UAE",
        ),
        # A building's name opening a value, before its unit part; a greeting does not.
        (
            "office: Arena Space, Plot 20, Jogeshwari Vikhroli Link Road, Mumbai 400060",
            "Arena Space, Plot 20, Jogeshwari Vikhroli Link Road, Mumbai 400060",
        ),
        ("Hi Sam, Villa 12, Street 5, Al Barsha, Dubai", "Villa 12, Street 5, Al Barsha, Dubai"),
        # Speech-to-text writes everything in lower case.
        (
            "said to send the paperwork to 400 north lasalle street suite 1200 chicago",
            "400 north lasalle street suite 1200 chicago",
        ),
        # A Hebrew street without its street word, its city after it and no comma between.
        ("מאיר 03-5271194 , משרד באבן גבירול 88 תל אביב", "באבן גבירול 88 תל אביב"),
    ],
)
def test_where_an_address_starts_when_its_first_part_is_no_street(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text",
    [
        "we sold 40 units down the road",
        "2 new street lamps",
        # A day's plan, a count: a word of prose before the number.
        "יום 3 ירושלים",
        "קיבלנו 40 הזמנות תל אביב",
    ],
)
def test_numbers_in_lower_case_or_hebrew_prose_are_not_addresses(text: str) -> None:
    assert [] == list(find_addresses(text))


@pytest.mark.parametrize(
    ("text", "address"),
    [
        # Amharic "our address:", its full stop left out.
        (
            "አድራሻችን: ቦሌ ክፍለ ከተማ፣ ወረዳ 03፣ የቤት ቁጥር 1245፣ አዲስ አበባ።\nፍቅር",
            "ቦሌ ክፍለ ከተማ፣ ወረዳ 03፣ የቤት ቁጥር 1245፣ አዲስ አበባ",
        ),
        # Hindi's word for address, as a JSON key in Latin letters.
        ('{"pata":"B-4, Sector 5, Noida","owner":"x"}', "B-4, Sector 5, Noida"),
        # Chinese writes the label onto the word before it, with a full-width colon.
        ("送货地址：上海市浦东新区世纪大道100号", "上海市浦东新区世纪大道100号"),
        ("Alamat: Jl. Sudirman Kav. 52-53, Jakarta", "Jl. Sudirman Kav. 52-53, Jakarta"),
    ],
)
def test_address_labels_in_more_languages(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


def test_a_word_that_is_a_label_only_as_a_key_is_no_label_in_prose() -> None:
    # Spanish "pata" (a leg).
    assert [] == list(find_addresses("La pata: 3 kilos"))


def test_a_russian_street_whose_name_opens_with_a_lower_case_article() -> None:
    text = "Адрес склада: ул. ха-Таасия 9, Ашдод"
    assert ["ул. ха-Таасия 9, Ашдод"] == [text[s.start : s.end] for s in find_addresses(text)]


def test_an_egyptian_governorate_after_the_town_ends_the_address() -> None:
    text = "الفرع في 42 شارع الجمهورية، المنصورة، الدقهلية، شكرا"
    found = [text[s.start : s.end] for s in find_addresses(text)]
    assert ["42 شارع الجمهورية، المنصورة، الدقهلية"] == found


def test_a_unit_before_its_building_without_a_comma_opens_the_address() -> None:
    text = "Jun's office: Unit 1203 Tower 2, 88 Kalayaan Ave, Diliman, Quezon City 1101\nNotes"
    found = [text[s.start : s.end] for s in find_addresses(text)]
    assert ["Unit 1203 Tower 2, 88 Kalayaan Ave, Diliman, Quezon City 1101"] == found


def test_swahili_building_and_floor_parts_inside_an_address() -> None:
    text = "Ofisi ya Hamisi: Nkrumah Road, Jengo la Bahari Plaza, Ghorofa ya 2, Mombasa. Zawadi"
    found = [text[s.start : s.end] for s in find_addresses(text)]
    assert ["Nkrumah Road, Jengo la Bahari Plaza, Ghorofa ya 2, Mombasa"] == found


@pytest.mark.parametrize(
    "address",
    [
        # Oman numbers its streets ("Way 3019") and ends with a postal code.
        "Building 1284, Way 3019, Al Khuwair, Muscat 133",
        # A house number with a flat after a dash (NL), a floor after a part's number (DE),
        # a building named after its building word (FR).
        "Westzijde 148-2, 1506 EK Zaandam",
        "Oranienstraße 185, Hinterhaus 2. OG, 10999 Berlin",
        "Immeuble Zénith, 8e étage, 290 boulevard Abdelmoumen, 20360 Casablanca",
    ],
)
def test_gulf_numbered_ways_and_european_flats_floors_and_buildings(address: str) -> None:
    text = f"Lieu: {address}\nOrganizer: Youssef"
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Endereço: Rua Oscar Freire, 1987, conj. 42, Pinheiros, São Paulo - SP, 05409-011.",
            "Rua Oscar Freire, 1987, conj. 42, Pinheiros, São Paulo - SP, 05409-011",
        ),
        (
            "Adresă notificare: Str. Avram Iancu nr. 27, ap. 4, 400089 Cluj-Napoca",
            "Str. Avram Iancu nr. 27, ap. 4, 400089 Cluj-Napoca",
        ),
        (
            "Adresă: Bd. Unirii nr. 15, bl. 4, sc. 2, ap. 31, sector 3, București 030823",
            "Bd. Unirii nr. 15, bl. 4, sc. 2, ap. 31, sector 3, București 030823",
        ),
        (
            "mother: +91 94471 28530, TC 14/1123, Vazhuthacaud, Thiruvananthapuram, Kerala 695014",
            "TC 14/1123, Vazhuthacaud, Thiruvananthapuram, Kerala 695014",
        ),
    ],
)
def test_brazilian_romanian_and_indian_addresses(text: str, address: str) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text", ["Invoice 2025, Mumbai 400001", "we have 3 stores, Pune 411001 soon"]
)
def test_a_pin_code_after_a_city_needs_a_house_number_or_two_parts(text: str) -> None:
    assert [] == list(find_addresses(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "عنوان غيث: Şehitkamil, İbrahimli Mah. 81021 Sk. No:9 D:5, Gaziantep.",
            ["Şehitkamil, İbrahimli Mah. 81021 Sk. No:9 D:5, Gaziantep"],
        ),
        ("عنوان البريد الإلكتروني: ghaith@example.com", []),
    ],
)
def test_an_arabic_label_names_whose_address_it_is(text: str, found: list[str]) -> None:
    assert found == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "Site address for visit: Lot 88 Great Eastern Highway, Kalgoorlie WA 6430.",
            "Lot 88 Great Eastern Highway, Kalgoorlie WA 6430",
        ),
        (
            "Missing city: Plot 1127, Adetokunbo Ademola Crescent, Wuse",
            "Plot 1127, Adetokunbo Ademola Crescent, Wuse",
        ),
        (
            "Send to 600 West Peachtree NW, Atlanta, GA 30308 today",
            "600 West Peachtree NW, Atlanta, GA 30308",
        ),
    ],
)
def test_lot_and_plot_numbers_and_a_street_without_its_word_before_a_state_and_zip(
    text: str, address: str
) -> None:
    assert [address] == [text[s.start : s.end] for s in find_addresses(text)]


@pytest.mark.parametrize(
    "text", ["Invoice 4521 Net 30, Austin, TX 78701 office", "we closed 12 deals, Dallas, TX 75201"]
)
def test_a_number_and_ordinary_words_before_a_state_and_zip_are_no_address(text: str) -> None:
    assert [] == [text[s.start : s.end] for s in find_addresses(text)]
