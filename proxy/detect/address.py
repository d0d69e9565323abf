"""Street addresses in many countries' styles, and PO boxes.

An address is found from an anchor, then stretched over the parts written around it.

Anchors:
- a street word next to a house number, in English order (221B Baker Street), number-after
  order (Herzl St. 15, Mariahilfer Straße 1, Turkish Bağdat Cad. No: 214), with a leading
  street word (Via Roma 12, Calle de Alcalá 45, C/ Mayor 5, ul. Marszałkowska 10, Derech
  Begin 132, ул. Тверская, д. 7), as a German/Dutch/Nordic compound (Friedrichstraße 43,
  Keizersgracht 123), in Hebrew (רחוב הרצל 12) or Arabic (شارع الملك فهد), as Japanese
  chome-banchi-go numbers (2-7-3 Hamamatsucho) or a Korean road (Teheran-ro 427), a
  numbered Turkish street (3. Cad. No: 12), a Thai soi after its road (88 Sukhumvit Soi 21);
- a house number, words and a street word written in lower case, as speech-to-text gives
  them (400 north lasalle street); a Saudi short national address after the words that name
  it (DKBA4521); a Hebrew or Arabic street without its street word, its number and a known
  city after it (אבן גבירול 88 תל אביב);
- a numbered part before a postcode and city (Am Kupfergraben 6, 10117 Berlin);
- a unit or villa number, or a street without a number, leading comma-separated parts that end
  in a known city or a postcode (Flat 402, Al Reem Tower, Al Reem Island, Abu Dhabi), or, after
  a unit, three short named parts with another unit among them (Plot 22, Block C, Adum, Kumasi);
- in Hebrew and Arabic, a chain of typed parts separated by "," or "،" in any order (street,
  unit or floor, district or named building, known city, postcode, PO box, name and number:
  "האלון 3, כפר סבא", "الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤"), with Arabic-Indic digits;
- a label or key (Address:, "shipping_address":, כתובת למשלוח:, العنوان الوطني:), whose value
  is taken whole;
- PO boxes (P.O. Box 48210-00100, GPO Box, Postfach, Caixa Postal...).

Stretching: back over "No. ", over unit, floor and building parts ("Flat B, 12/F, Tower 2,
Harbour Crest, ", "4th Floor, ", "Bât. B, 3e étage, "), over a district and its number before
a street that has none ("Al Jurf 2, "), and over a building's name opening a line or a value
before its unit ("Arena Space, "); forward over units written after the number ("lok. 12",
"D:7", "int. 3"), the rest of a part the anchor stopped inside ("Dublin| 2"), comma-separated
unit, district, city, state, postcode and country parts in any case ("apto 52", "Roma Nte.",
"06700 Ciudad de México", " - SP"), and a following "City, ST 12345" line of a written address
block. An escaped "\\," (iCalendar) separates parts like ",". A part that reads as a date or
weekday, or as ordinary words, stops it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import NamedTuple

from proxy.detect.address_rtl import (
    HE_WORD,
    city_after,
    prose_way,
    rtl_numbered_streets,
    rtl_regions,
    rtl_spans,
)
from proxy.detect.automaton import Automaton
from proxy.detect.casing import lower_same_length
from proxy.detect.context import PARTICLES
from proxy.detect.gates import LeadFinder, matches_at
from proxy.detect.lexicon import load_lexicon
from proxy.detect.places import PLACES
from proxy.detect.spans import EntityType, Span

_CAP = r"(?:[A-Z\u00c0-\u024f][\w'’.-]*|\d+(?:st|nd|rd|th))"
_SUFFIX = (
    r"Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|"
    r"Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq|Close|Crescent|Cres|Row|Circle|Cir|Trail|"
    r"Mews|Gardens|Grove|Hill|Walk|Parade|Esplanade|Quay|Wharf|Alley|Broadway|Loop|Heights|"
    r"Rise|Ridge|Expressway|Expy|Freeway|Fwy|Pike|Turnpike|Plaza|Marg|Nagar|Estate|Crossing|"
    r"Vale|Green|Gate|Path|Park|Mall"
)
_UNIT = (
    r"(?:,?\s*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|Fl|Level|Office|Bldg|Building|#)"
    r"\.?\s*#?[\w-]{1,6})"
)
# A town's word: capitalised, maybe with a capital inside ("Migdal HaEmek", "McAllen").
_LOWER = r"[a-z\u00e0-\u024f'’]+"
_TOWN_WORD = rf"[A-Z]{_LOWER}(?:[A-Z]{_LOWER})?(?:-[A-Za-z\u00e0-\u024f'’]+)*"
_CITY_TAIL = (
    rf"(?:,\s*(?:{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,2}}))?"
    r"(?:,?\s*(?:[A-Z]{2,3}\s+)?(?:\d{4,5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}))?"
)
ENGLISH = re.compile(
    rf"\d(?<![A-Za-z0-9_-]\d)\d{{0,4}}[A-Za-z]?(?:-\d{{1,4}})?,?\s+(?:{_CAP}\s+){{1,4}}(?:{_SUFFIX})\b\.?"
    rf"(?:\s+(?:North|South|East|West|NW|NE|SW|SE|N|S|E|W)\b)?{_UNIT}?{_CITY_TAIL}"
    r"(?:\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?)?"
)
# Name first, number after ("Rothschild Blvd 22, Tel Aviv", "Herzl St. 15", "Mariahilfer
# Straße 1", Turkish "Bağdat Cad. No: 214"): found from the street word + number, then
# extended back over the street's name.
_SUFFIX_AFTER = (
    r"Straße|Strasse|Str|Allee|Gasse|Weg|Platz|Cad|Caddesi|Cadde|Cd|Sok|Sokak|Sokağı|Sk|"
    r"Bulvarı|Blv|Bulv|Mah|Mahallesi|Mh|Yolu|Soi"
)
_AFTER_TAIL = (
    # A range, a second number or a floor may follow the house number ("15-17", "15/3", "1-III").
    r"(?:\.\s*|\s+)(?:No\s*[:.]?\s*)?\d{1,4}[A-Za-z]?"
    rf"(?:[-/](?:\d{{1,4}}[A-Za-z]?|[IVX]{{1,4}})\b)?\b{_UNIT}?"
    rf"(?:,\s*{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,2}})?"
    r"(?:,?\s*\d{4,7})?"
)
NUMBER_AFTER = re.compile(rf"(?:{_SUFFIX}){_AFTER_TAIL}")
NUMBER_AFTER_OTHER = re.compile(rf"(?:{_SUFFIX_AFTER}){_AFTER_TAIL}")
# The street's name before its street word: capitalised words, with
# particles ("Sheikh Mohammed bin Rashid Blvd") and a number last ("Atatürk Mah. 1234 Sok.").
_NAME_BEFORE = re.compile(
    r"[A-Z\u00c0-\u024f][\w'’.-]*\s+"
    r"(?:(?:[A-Z\u00c0-\u024f][\w'’.-]*|bin|bint|ibn|al|el|de|del|da|di|van|von)\s+){0,3}"
    r"(?:\d{1,5}[ \t]+)?$"
)
# Turkish streets are often numbered, not named: "İncilipınar Mah. 3. Cad. No: 12".
_ORDINAL_BEFORE = re.compile(r"(?<![\w.])\d{1,4}\.[ \t]+$")
_THAI_HOUSE_NUMBER = re.compile(r"(?<![^\s])\d{1,4}(?:/\d{1,4})?[ \t]+$")
# A leading street word (Romance, Slavic, transliterated Hebrew and Arabic...), then the
# street's name and its number. The words that are also ordinary English ("Via Zoom 2",
# "Plaza 3") only count when a city or postcode follows (`_WEAK_LEADS`).
_LEADS = (
    "Via|Viale|Vicolo|Piazza|Piazzale|Corso|Largo|Calle|Carrer|Avenida|Avda\\.?|Av\\.|Paseo|"
    "Camino|Carretera|Rua|Travessa|Praça|Alameda|Estrada|Rodovia|ul\\.|ulica|al\\.|Aleja|"
    "Rehov|Rechov|Rehob|Derech|Sderot|Shderot|Sharia|Jalan|Jl\\.|Ulitsa|Prospekt|Strada|"
    "Bulevardul|Calea|Rue|Avenue|C/|Cl\\.|Rambla|Ronda|Travesía|Vía|Rruga|Bulevar|"
    "Leoforos|Leof\\.|Odos|Plateia|Thanon|Soi|Duong|Đường|Phố|"
    "vul\\.|Vul\\.|Vulytsia|Vulytsya|Prosp\\.|prosp\\.|Provulok|Naberezhna|Ploshcha|Bulvar|Shosse|"
    "Str\\.|Aleea|Șos\\.|Şos\\.|Sos\\.|Bd\\.|B-dul|Splaiul"
)
_WEAK_LEADS = frozenset(
    [
        "via",
        "corso",
        "largo",
        "paseo",
        "camino",
        "plaza",
        "alameda",
        "estrada",
        "al.",
        "aleja",
        "strada",
        "calea",
        "avenue",
        "rambla",
        "ronda",
    ]
)
_ARTICLE = r"(?:de|del|della|delle|dei|degli|di|da|das|dos|do|du|la|las|los|le|des)"
PREFIX_STREET = re.compile(
    rf"(?P<lead>{_LEADS})(?:\s+|(?<=/))(?:{_ARTICLE}\s+)*"
    rf"[A-Z\u00c0-\u024f][\w'’.-]*(?:\s+(?:{_ARTICLE}\s+)?[A-Z\u00c0-\u024f\d][\w'’.-]*){{0,3}}?"
    r",?\s*(?:n[º°o]\.?\s*|No\.?\s*|[Nn]r\.?\s*|#\s*)?\d{1,4}[A-Za-z]?(?:[-/]\d{1,4})?\b"
)
# German, Dutch and Nordic street words are compounds ("Hauptstraße 12", "Keizersgracht 123"):
# found from the suffix + number, then extended back to the start of the capitalised word.
_GERMAN_WORDS = (
    r"straße|strasse|str\.|weg|allee|platz|gasse|ring|damm|ufer|chaussee|graben|markt|steig|"
    r"stieg|straat|gracht|burgwal|laan|plein|kade|singel|dijk|steeg|dreef|gatan|vägen|gade|vej|"
    r"veien|gata"
)
# What a house number carries after it: a letter ("7A", "5 a"), a range or a second number
# ("12-14", "3/1"), or, in Dutch, the floor or the ground floor ("482-III", "12-hs", "7 hg").
_HOUSE_NUMBER_SUFFIX = (
    r"(?:[-/](?:\d{1,4}[A-Za-z]?|[IVX]{1,4}|[A-Za-z]{1,3})\b|[ \t](?:[IVX]{2,4}|hs|hg)\b|"
    r"\s?[a-z]\b|[A-Z]\b)?"
)
GERMAN = re.compile(
    rf"(?:{_GERMAN_WORDS})\s+(?P<number>\d{{1,4}}){_HOUSE_NUMBER_SUFFIX}\b"
    r"(?P<tail>,?\s*\d{4,5}(?:\s?[A-Z]{2})?\s+[A-ZÄÖÜ][\wäöüß-]+)?"
)
# A year after a word in -ring, -markt... ("Spring 2024", "Weihnachtsmarkt 2025") is a date.
_YEAR = re.compile(r"(?:19|20)\d\d")
_WORD_BEFORE = re.compile(r"[A-ZÄÖÜ][\wäöüß-]*$")
# A month (and maybe a day) right before a year: the number is a date's year.
_DATE_BEFORE_YEAR = re.compile(
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
    r"(?: \d{1,2}(?:st|nd|rd|th)?,?)? $"
)
# The adjective or preposition a compound street's name may open with ("Oudezijds Voorburgwal",
# "Lange Voorhout", "Alte Gasse", "Am Kupfergraben").
_WORD_BEFORE_STREET = re.compile(
    r"(?:Oude|Nieuwe|Oudezijds|Nieuwezijds|Lange|Korte|Hoge|Lage|Grote|Kleine|Binnen|Buiten|"
    r"Alte|Neue|Große|Grosse|Obere|Untere|Am|An der|Auf dem|Im|In der|Unter den|Zum|Zur|Sint)"
    r"[ \t]+$"
)
_FRENCH_WORDS = (
    *("rue", "avenue", "av.", "boulevard", "bd", "place", "chemin", "allée", "impasse", "quai"),
    *("route", "cours"),
)
FRENCH = re.compile(
    r"\d(?<![A-Za-z0-9_]\d)\d{0,3}(?:\s?(?:bis|ter))?,?\s+(?:"
    + "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in _FRENCH_WORDS)
    + r")\s+(?:(?:de|du|des|la|le|l'|d')\s*)?[\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){0,3}"
    r"(?:,?\s*\d{5}\s+[A-ZÉ][\w'’-]+)?"
)
# HEBREW and ARABIC start at the street word itself, so `re` skips ahead to its first letters
# instead of trying the pattern at every position; the optional lead (a Hebrew prefix letter,
# an Arabic villa/flat number) is added back by `_HEBREW_LEAD` / `_ARABIC_LEAD`.
HEBREW = re.compile(
    r"(?:רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|כיכר)\s+"
    rf"{HE_WORD}(?:\s+{HE_WORD}){{0,2}}?\s*\d{{1,4}}[א-ת]?"
    r"(?:\s*,?\s*(?:דירה|קומה)\s*\d+)*"
    rf"(?:\s*,\s*{HE_WORD}(?:[ -]{HE_WORD}){{0,2}})?(?:[ \t]+\d{{5,7}}\b)?"
)
# Prefix letters before the street word: "ברחוב", "לרחוב", "הרחוב הראשי", "ושדרות".
_HEBREW_LEAD = "הבלמו"
_ARABIC_LEAD = re.compile(r"(?:فيلا|شقة|مبنى|بناية|عمارة)\s+(?:رقم\s+)?\d+\s*[،,]?\s*$")
# An Arabic street word alone is an address only with its number ("شارع الملك فهد 12"): it is
# also "way" ("عن طريق حملة" by way of a campaign); districts ("منطقة الخليج", the Gulf region)
# and streets without a number count as parts of a chain (`address_rtl.rtl_spans`).
_AR_WORD = r"[\u0621-\u063a\u0641-\u064a\u0671-\u06d3][\u0621-\u063a\u0640-\u065f\u0670-\u06d3]*"
ARABIC = re.compile(
    rf"(?:شارع|طريق)[ \t]+(?:رقم[ \t]*)?(?:\d{{1,4}}|{_AR_WORD}(?:[ \t]+{_AR_WORD}){{0,3}}?[ \t]+"
    r"(?:رقم[ \t]*)?\d{1,5})(?!\w)"
)
# Japan: chome-banchi-go numbers and the district, in either order ("2-7-3 Hamamatsucho",
# "Shiba 1-2-3"), kept only when a ward, a Japanese postcode or Japan follows. The pattern
# starts at the first hyphen (a literal, which `re` skips to); the chome is added back by
# `_JAPAN_CHOME` and a district written first by `_JAPAN_DISTRICT`.
JAPAN = re.compile(r"-(?:chome-)?\d{1,3}-\d{1,3}\b(?P<district>,?\s+[A-Z][a-z]+(?:-[a-z]+)?)?")
_JAPAN_CHOME = re.compile(r"(?<![\w-])\d{1,2}$")
_JAPAN_DISTRICT = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?\s+$")
_JAPAN_TAIL = re.compile(r"-(?:ku|shi|ken|gun|cho|machi|mura)\b|\b\d{3}-\d{4}\b")
# Korean road names: "123 Teheran-ro", "Teheran-ro 427", "Bongeunsa-ro 68-gil 12". Found
# from the hyphen of the road word (a literal), then extended back over the road's name
# (`_KOREAN_NAME`) and a house number written first (`_NUMBER_BEFORE`).
KOREAN = re.compile(r"-(?:ro|gil|daero)\b(?:\s+\d{1,3}(?:beon)?-gil)?(?:\s+\d{1,4}(?:-\d{1,4})?)?")
_KOREAN_NAME = re.compile(r"[A-Z][a-z]+(?:-?\d{1,3})?$")
_NUMBER_BEFORE = re.compile(r"(?<![^\s])\d{1,4}(?:-\d{1,4})?,?\s+$")
_PLOT_BEFORE = re.compile(r"(?<![^\s])\d{1,4}/\d{1,4}\s+$")
# Russian/Ukrainian street words, then the name and the house number ("ул. Тверская, д. 7"); a
# Hebrew or Arabic street's article stays in lower case ("ул. ха-Таасия 9").
_CYRILLIC_WORDS = (
    r"ул\.|улица|вул\.|вулиця|просп\.|пр-т|проспект|пер\.|переулок|наб\.|набережная|"
    r"бул\.|б-р|бульвар|ш\.|шоссе|пл\.|площадь"
)
CYRILLIC = re.compile(
    rf"(?:{_CYRILLIC_WORDS})\s*(?:[а-я]{{1,3}}-)?[А-ЯЁІЇЄҐ\d][\w.-]*"
    r"(?:\s+[А-ЯЁІЇЄҐ][\w.-]*){0,2},?\s*(?:д\.|дом|буд\.)?\s*\d{1,4}[а-я]?(?:/\d{1,4})?\b"
)
_UAE_WORDS = "Villa|Flat|Apartment|Apt|Office|Unit|Shop|Building|Bldg|Plot"
# A Gulf address by numbers: a villa or building, its street's number (Oman numbers its
# streets "Way 3019"), then the district and the city, and an Omani postal code.
UAE = re.compile(
    rf"(?:{_UAE_WORDS})\s+(?:No\.?\s*)?"
    r"[\w-]{1,5},\s*(?:Street|St|Road|Rd|Way)\.?\s+\d{1,4}[A-Z]?"
    r"(?:,\s*[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}){0,3}(?:[ \t]+\d{3,6}\b)?"
)
# PO boxes; a box number may carry its post office's code ("P.O. Box 48210-00100").
# Then an Omani or Gulf postal code ("PC 133") and up to two places ("Al Khuwair, Muscat").
_BOX_PLACE = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"
_BOX_NUMBER = (
    r"\s*:?\s*(?:No\.?\s*)?\d{1,7}(?:-\d{3,5})?"
    r"(?:,?[ \t]*(?:PC|P\.C\.|Postal Code|Post Code|ZIP)[ \t]*:?[ \t]*\d{3,6})?"
    rf"(?:,?[ \t]*{_BOX_PLACE})?(?:,[ \t]*(?=[A-Z][a-z]){_BOX_PLACE})?"  # not "AK 99509": a tail
)
PO_BOX = re.compile(
    r"(?:P\.?\s?O\.?\s?(?:Box|BOX|box)|Post Office Box|P\.?O\.?B\.|POB|PMB|"
    rf"ת\.?\s?ד\.?|ת[\"״]ד|ص\.?\s?ب\.?|صندوق بريد){_BOX_NUMBER}"
)
# Other languages' box words, a separate pattern so the common one keeps few first letters.
PO_BOX_WORDS = re.compile(
    r"(?:Locked Bag|Postfach|Caixa Postal|Apartado(?: de Correos| Postal)?|"
    rf"Casilla(?: de Correos?)?|B\.P\.){_BOX_NUMBER}"
)
# A postcode and its city (DE/FR/IT/ES 5 digits, NL "1015 CJ", PL "00-590", PT "1100-053",
# AT/CH/BE/DK 4 digits): an address when a numbered street part and a comma come right before
# it. The pattern starts at that comma, a literal `re` skips to (digits are ten times as many).
POSTCODE_CITY = re.compile(
    r",[ \t]*\d(?:\d{4}|\d{3} ?[A-Z]{2}|\d-\d{3}|\d{3}-\d{3}|\d{3})"
    r"\s+[A-Z\u00c0-\u024f][\w'’-]+(?:[ -][A-Z\u00c0-\u024f][\w'’-]+)?"
)
_NUMBERED_PART = re.compile(
    r"(?:(?:[A-Z\u00c0-\u024f][\w'’.-]*|ul\.|al\.|pl\.|am|an|im|auf|unter|den|der|dem|"
    rf"{_ARTICLE}|van|ter|op)[ \t]+){{1,5}}\d{{1,4}}(?:[-/]\d{{1,3}})?\s?[A-Za-z]?\s*,\s*$"
)
# A unit, villa or plot number, or a street written without its number, leading parts that
# end in a known city or a postcode.
_UNIT_WORDS = (
    "Villa|Flat|Apartment|Apt|Office|Unit|Shop|Suite|Building|Bldg|Plot|Block|House|Door|"
    "Sector|Phase|Warehouse|Godown"
)
UNIT_CHAIN = re.compile(rf"(?:{_UNIT_WORDS})\.?\s*(?:No\.?\s*)?#?\d[\w/-]{{0,6}}(?=\s*,)")
STREET_CHAIN = re.compile(rf"(?:{_SUFFIX})\b\.?(?=[ \t]*,)")
# A label or key whose value is an address, taken whole up to the end of its line or quote.
LABEL = re.compile(
    r"(?:(?:home|work|office|billing|shipping|mailing|postal|delivery|street|"
    r"physical|business|residential|registered|site|pickup|return|correspondence|permanent|"
    r"current|company|customer|client)[ _-]?address(?:[ _-]?(?:line)?[ _-]?[123])?|"
    r"address(?:[ _-]?(?:line)?[ _-]?[123])?|addr|street[ _-]?address|street|"
    r"ship(?:ping)?[ _-]to|deliver(?:y)?[ _-]to|adresse|direcci[oó]n|indirizzo|endere[cç]o|"
    r"anschrift|domicilio|morada|adres|adresa|адрес|alamat|anwani|pata(?=[\"'])|पता|پتہ|آدرس|نشانی|"
    r"አድራሻ[\u1200-\u137f]{0,3}|ที่อยู่|地址|住所|주소|địa chỉ|διεύθυνση|"
    r"ה?כתובת(?:[ \t]+(?!(?:ה|ל)?(?:מייל|אימייל|דוא\"ל|אתר|אינטרנט|דואר אלקטרוני))"
    r"[\u05d0-\u05ea][\u05d0-\u05ea\"'׳-]*){0,2}|"
    r"(?:ال)?عنوان(?:[ \t]+(?:ال)?(?:وطني|مسجل|شحن|توصيل|تسليم|استلام|مكتب|فاتورة|فوترة|سكن|"
    r"منزل|عمل|شركة|بريدي|جديد|قديم|كامل|حالي|مراسلة|مقر|عميل|فرع|مستودع|محل|مختصر|"
    r"الفعلي|فعلي|التجاري|تجاري|الرئيسي|رئيسي)){0,2}|"
    # ... or whose ("عنوان غيث"): a word without the article ("عنوان الاجتماع" is a meeting's
    # title), and not an email's, a website's or an IP's.
    r"عنوان[ \t]+(?!ال|بريد|ايميل|إيميل|ميل|موقع|ويب|اي(?![\u0621-\u064a])|آي)"
    r"[\u0621-\u064a]{2,12}|"
    # Where a meeting or a delivery is: a place as often as an address (see `_WEAK_VALUE`).
    # A bill-to value opens with the customer's name as often ("Bill to: Jessica Moreno,
    # Harbor Point Dental").
    r"(?P<weak>where|location|venue|meeting[ _-]?point|(?:ال)?موقع|מיקום|"
    r"(?:ship|bill)(?:ping|ing)?/(?:ship|bill)[ _-]to|bill(?:ing)?[ _-]to))"
    r"[\"']?[ \t]*[:=：][ \t]*(?P<q>[\"']?)"
)
# An address written all in lower case, as speech-to-text gives it ("send it to 400 north
# lasalle street suite 1200 chicago"): a house number, a direction, one to three words and a
# street word spelled out, found from that word (by `str.find`: an alternation of common
# first letters is tried all over the text). One of the words must be a place or no ordinary
# word ("40 units down the road" is not an address).
_LOWER_STREET_WORDS = (
    *(" street", " avenue", " road", " boulevard", " drive", " lane", " parkway", " highway"),
    " terrace",
)
_LOWER_STREET_BEFORE = re.compile(
    r"(?<![\w.,-])\d{1,5}[a-z]?[ \t]+(?:(?:north|south|east|west)[ \t]+)?"
    r"((?:[a-z][a-z'’-]*[ \t]+){1,3})$"
)
_LOWER_UNIT_AFTER = re.compile(r"[ \t]+(?:suite|apartment|apt|unit|floor)[ \t]+\d{1,5}[a-z]?\b")
_LOWER_PLACE_AFTER = re.compile(r"[ \t]+([a-z]+)(?:[ \t]+([a-z]+))?")


def _lower_street_words(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each street word written in lower case, after a space."""
    for word in _LOWER_STREET_WORDS:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if end == len(text) or not (text[end].isalnum() or text[end] in "-_"):
                yield at + 1, end
            at = text.find(word, end)


def _lower_case_spans(text: str) -> Iterator[tuple[int, int]]:
    """Addresses written in lower case, each from its house number to its unit and city."""
    lexicon = load_lexicon()
    for word_start, word_end in _lower_street_words(text):
        if _DIGIT.search(text, max(0, word_start - 60), word_start) is None:
            continue
        before = _LOWER_STREET_BEFORE.search(text, max(0, word_start - 60), word_start)
        if before is None:
            continue
        words = before.group(1).split()
        if all(w in lexicon.common and w not in PLACES for w in words):
            continue
        end = word_end
        unit = _LOWER_UNIT_AFTER.match(text, end)
        end = unit.end() if unit else end
        place = _LOWER_PLACE_AFTER.match(text, end)
        if place is not None:
            if place.group(2) and f"{place.group(1)} {place.group(2)}" in PLACES:
                end = place.end()
            elif place.group(1) in PLACES:
                end = place.end(1)
        yield before.start(), end


# A Saudi national address in its short form, four letters and four digits ("RRRD2929"),
# after the words that name it ("عنوانها المختصر DKBA4521", "short address: RAQA6352"); alone,
# such a code is as often a SKU.
_SHORT_ADDRESS_CUES = ("مختصر", "short address", "national address", "العنوان الوطني")
_SHORT_ADDRESS = re.compile(r"(?<![\w-])[A-Z]{4}\d{4}(?![\w-])")


def _short_address_spans(text: str, cues: list[int]) -> Iterator[tuple[int, int]]:
    """The short addresses after the `cues` (where each cue ends)."""
    for end in cues:
        m = _SHORT_ADDRESS.search(text, end, end + 32)
        if m is not None:
            yield m.span()


# A vCard's address line, "ADR;TYPE=work:;;Main St 5;Springfield;;12345;US": its components,
# from the first non-empty one to the last (the semicolons between them stay inside).
VCARD_ADR = re.compile(r"^ADR(?:;[^:\n]*)?:[; \t]*(?P<value>[^;\n][^\n]*?)[; \t]*$", re.MULTILINE)
_LABEL_KEYS = (
    *("address", "addr", "street", "ship", "deliver", "adresse", "direcci", "indirizzo"),
    *("endere", "anschrift", "כתובת", "הכתובת", "العنوان", "عنوان"),
    *("domicilio", "morada", "adres", "адрес"),
    *("alamat", "anwani", "pata", "पता", "پتہ", "آدرس", "نشانی", "አድራሻ", "ที่อยู่", "地址", "住所"),
    *("주소", "địa chỉ", "διεύθυνση", "bill", "where", "location", "venue", "meeting"),
    *("موقع", "מיקום"),
)
_LABEL_WORDS = Automaton((word, None) for word in _LABEL_KEYS)
_WORD_END = re.compile(r"\w+$")
_LABEL_END = re.compile(r"[:=：]")
_LABEL_VALUE = re.compile(r"[^\n\"|;\t{}\[\]<>\\]{4,160}")
# A full stop and a capital end a sentence, unless the word before is an abbreviation.
_FULL_STOP = re.compile(r"(\w+)\.\s+(?=[A-Z\u0590-\u06ff])")
_ABBREVIATIONS = frozenset(
    [
        "st",
        "rd",
        "ave",
        "dr",
        "no",
        "blvd",
        "ln",
        "ct",
        "apt",
        "ste",
        "mt",
        "ft",
        "fl",
        "bldg",
        "pl",
        "sq",
        "hwy",
        "pkwy",
        "cres",
        "av",
        "bd",
        "str",
        "ul",
        "al",
        # Mexican colonia and orientation, Turkish neighbourhood, street and avenue
        *("col", "ote", "pte", "nte", "mah", "sok", "sk", "cad", "cd", "blv"),
    ]
)
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")
# A last part in lower case after an address's comma is a note about it, not a part of it.
_LOWER_LAST_PART = re.compile(r"[ \t]*[,،][ \t]*[a-z][^,،]*$")
# The value of a label that names a place or a customer as often as an address ("Where:
# Zoom", "Location: Dubai, UAE") is one only when it opens with a house or plot number ("2
# Kingsway, Cardiff", "88/12 Sukhumvit Soi 31, ...", "Plot S30514, Jebel Ali") and has a
# comma; not a time.
_WEAK_VALUE = re.compile(
    r"(?:\d{1,5}[A-Za-z]?(?:/\d{1,4})?(?![\w:.])|"
    rf"(?:{_UNIT_WORDS}|No\.?)[ \t]*#?[A-Z]{{0,2}}\d)[^,،]*[,،]"
)
_NOT_AN_ADDRESS = re.compile(r"(?i)@|https?:|www\.|^(?:n/?a|none|null|tbd|unknown|same\b)")

_CAPITAL = "A-Z\u00c0-\u024f\u0400-\u042f"
# A part's words are separated by single spaces only (a hyphen or slash stays inside a word:
# "Minato-ku", "Kadıköy/İstanbul"), so a part has one way to match and backtracking stays
# linear. An abbreviation's full stop is kept before a number or at the part's end ("Int. 5",
# "Roma Nte."), never before a word, which would run into the next sentence.
_PART_WORD = rf"(?:[{_CAPITAL}][\w'’/-]*|\d[\w/º°ª-]*)(?:\.(?=[ \t]\d))?"
# "on" joins a place's words ("Southend on Sea"), not a day or month ("Nairobi on Tuesday").
_ON = (
    r"on(?![ \t]+(?i:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
)
_PART = (
    r"(?:(?:г|м)\.[ \t]*)?"
    rf"{_PART_WORD}(?:[ \t](?:{_PART_WORD}|{_ARTICLE}|al|el|{_ON}|upon|bin|ibn))*\.?"
)
# Unit, floor and door parts, in any case ("apto 52", "lok. 12", "Int. 5", "D:7", "12/F",
# "4th Floor", "3e étage", "2. OG", "2º B").
_UNIT_WORD = (
    r"(?i:apt|apartment|apto|appt|app|suite|ste|unit|flat|floor|fl|level|lvl|office|room|rm|"
    r"bldg|building|block|blk|tower|wing|villa|shop|plot|house|door|no|nr|int|interior|interno|"
    r"sector|phase|warehouse|godown|"
    r"depto|dpto|dept|departamento|piso|puerta|pta|andar|sala|conjunto|conj|cj|bloco|casa|"
    r"lote|lok|ap|bl|bloc|sc|scara|etaj|"
    r"lokal|kat|daire|bât|bat|bâtiment|batiment|escalier|esc|étage|etage|whg|wohnung|stiege|"
    r"top|bus|bte|boîte|scala|piano|lgh|кв|квартира|корп|корпус|стр|строение|офис|оф|"
    r"ghorofa|jengo|nyumba|chumba)"  # Swahili floor, building, house and room ("Ghorofa ya 2")
)
_FLOOR = (
    r"(?:\d{1,3}[ \t]*(?:st|nd|rd|th|e|er|ère|ème|º|ª|°|\.|/)?[ \t]*"
    r"(?i:floor|fl|f|étage|etage|og|eg|ug|stock|obergeschoss|piso|andar|kat|piano|verdieping)|"
    r"(?:Ground|Upper|Lower|Top|Mezzanine|First|Second|Third)[ \t]+(?i:floor))\b"
)
_DOOR = (
    r"(?:\d{1,2}[ \t]*[º°ª](?:[ \t]*(?:[A-Z]\b|(?i:izq|izda|izqda|dcha|dch|dr|der|dra|esq|dto|"
    r"ctro|centro)\b\.?))?|D[ \t]*:[ \t]*\d{1,4}|m\.[ \t]*\d{1,4}|\d{1,2}[ \t]?(?:hg|hoog)\b)"
)
_UNIT_PART = (
    rf"(?:{_UNIT_WORD}\.?[ \t]*(?:[:#]|No\.?|n[º°o]\.?|ya)?[ \t]*(?:\d[\w/-]{{0,7}}|[A-Z]\b)|"
    rf"{_FLOOR}|{_DOOR})"
)
# What may follow a part: a separator, the end of a line or quote, an escaped ("\,") separator.
_END = r"(?=[ \t]*(?:[,.;:)\n\r|\"'،\\]|[-–][ \t]|$))"
_SEP = r"(?:[ \t]*\\?[,،]|[ \t]+[-–])[ \t]*"
# A part is taken when a separator or the end follows it, or when it names a known place.
# A named part may end in its floor or unit ("Mega Building 5th floor").
_TAIL_PART = re.compile(
    rf"{_SEP}(?:({_UNIT_PART}){_END}|({_PART}(?:[ \t]+{_UNIT_PART})?){_END}|({_PART}))"
)
_SEPARATOR = re.compile(_SEP)
_INLINE_UNIT = re.compile(rf"[ \t]+{_UNIT_PART}")
_UNIT_ONLY = re.compile(_UNIT_PART)
_FLOOR_ONLY = re.compile(rf"{_FLOOR}{_END}")
# The rest of a part an anchor stopped inside ("..., Dublin| 2, D02 K283", "Al Olaya| Dist.").
_PART_REST = re.compile(
    rf"(?:[ \t]+(?:\d{{1,2}}|[{_CAPITAL}][a-z\u00e0-\u024f\u0430-\u045f'’-]+)){{1,3}}\.?{_END}"
)
_STATE_POSTCODE = re.compile(rf"[ \t]+\d{{4,6}}{_END}")
# The next line of a written address block; a JSON-escaped "\n" counts as a line break.
_NEXT_LINE = re.compile(
    rf"[ \t]*(?:\r?\n|\\n)[ \t]*({_PART}(?:[ \t]*,[ \t]*{_PART})*)[ \t]*(?=\r?\n|\\n|$|\")"
)
# Postcodes written last (US ZIP+4, UK, NL, PL, PT, BR, JP, CA, IE Eircode, IL 7 digits...)
# and first ("06700 Ciudad de México", "90-004 Łódź"; not four digits alone, which read as years).
_POSTCODE = re.compile(
    r"(?:\d{4,7}(?:-\d{3,4})?|\d{3}-\d{4}|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|\d{4} ?[A-Z]{2}|"
    r"\d{2}-\d{3}|[A-Z]\d[A-Z] ?\d[A-Z]\d|[A-Z]\d[\dW] ?[A-Z\d]{4}|\d{3} \d{2})$"
)
_POSTCODE_FIRST = re.compile(
    r"(?:\d{5,6}|\d{2}-\d{3}|\d{3}-\d{3,4}|\d{4,5}-\d{3}|\d{3} \d{2}|\d{4} ?[A-Z]{2})"
    rf" [{_CAPITAL}]"
)
# Wards and districts written with their kind ("Minato-ku", "Gangnam-gu", "Osaka-shi").
_WARD = re.compile(r"-(?:ku|shi|gu|ken|fu|gun)$")
_BUILDING = (
    r"(?:Tower|Towers|Building|Plaza|House|Court|Centre|Center|Residence|Residences|Heights|"
    r"Complex|Mall|Block|Estate|Gardens|Apartments|Wing|Annex|Hinterhaus|Vorderhaus|"
    r"Seitenflügel|Gartenhaus|Hinterhof)"
)
# Building words written before the building's name ("Immeuble Zénith", "Edificio Torre Sol").
_BUILDING_FIRST = (
    r"(?:Immeuble|Imm\.|Résidence|Bâtiment|Tour|Centre|Edificio|Edif\.|Edifício|Torre|"
    r"Palazzo|Palazzina|Centro|Complexo|Complejo|Conjunto|Gebäude|Bina)"
)
_LEFT_PART = re.compile(
    rf"(?:{_UNIT_WORD}\.?\s*(?:No\.?\s*|:\s*)?#?[\w/-]{{1,8}}|{_FLOOR}|{_DOOR}|"
    r"[A-Z]-?\d{1,5}[A-Z]?|"
    rf"(?:[{_CAPITAL}][\w'’-]*\s+){{0,3}}{_BUILDING}(?:\s+(?:\d{{1,3}}|[A-Z]\b))?|"
    rf"{_BUILDING_FIRST}(?:\s+[{_CAPITAL}][\w'’-]*){{1,3}})"
    r"\s*\\?[,،]\s*$"
)
# A named part (an estate, a compound) between unit parts: "Tower 2, Harbour Crest, 8 ...".
_NAMED_LEFT_PART = re.compile(rf"[{_CAPITAL}][\w'’-]*(?:\s+[{_CAPITAL}][\w'’-]*){{0,2}}\s*\\?,\s*$")
# A district's name before its number, the first part of an address ("Al Jurf 2, ...").
_NUMBER_THEN_COMMA = re.compile(r"\d{1,2},")
_AREA_BEFORE = re.compile(r"(?<![^\s:\"'])(?:[A-Z][\w'’-]*[ \t]+){1,3}$")
# A building's or compound's name opening the address, before its unit part: at the start
# of a line or a value ("office: Arena Space, Plot 20, ...").
_OPENING_NAME = re.compile(
    r"(?:(?<=[\n:\"'])|^)[ \t]*(?!(?:Hi|Hello|Hey|Dear|Thanks|Regards|Cheers|Attn|To|Re)\b)"
    rf"([{_CAPITAL}][\w'’-]*(?:[ \t]+[{_CAPITAL}][\w'’-]*){{0,2}})"
    r"[ \t]*,[ \t]*$"
)
# "No. " before a house number ("No. 1 Jianguomenwai Avenue"), and a lot or plot number
# where land is numbered so (Australia, the Philippines, Nigeria: "Lot 88 Great Eastern
# Highway", "Blk 12 Lot 7, Mabini St.", "Plot 1127, Adetokunbo Ademola Crescent").
_NUMBER_WORD_BEFORE = re.compile(
    r"(?:No|Nr|N[º°o]|Nº|#|\b(?:(?:Blk|Block) \d{1,4}[A-Z]?,? )?(?:Lot|Plot))\.?\s*$"
)
# A unit before the house number: "Suite 4, ", "Unit 5/", or a bare flat number "3/" (3/15).
_UNIT_BEFORE = re.compile(
    r"(?:(?:Suite|Apt|Unit|Flat|Level)\s*\w{1,5}(?:,?\s+|/)|(?<![\w/.-])\d{1,4}[A-Za-z]?/)$"
)
_MAX_PARTS = 6


def _literals(alternation: str) -> tuple[str, ...]:
    """The text each branch of an alternation of words opens with ("Avda\\.?" gives "Avda")."""
    return tuple(branch.split("\\.?")[0].replace("\\", "") for branch in alternation.split("|"))


_CALENDAR = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thurs",
        "fri",
        "sat",
        "sun",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "q1",
        "q2",
        "q3",
        "q4",
    ]
)


@lru_cache(maxsize=4096)
def _names_place(part: str) -> bool:
    """True when the part is, or ends in, a known city or country ("Downtown Dubai")."""
    words = part.rstrip(".").casefold().split()
    return any(" ".join(words[i:]) in PLACES for i in range(len(words)))


def _placeish(part: str) -> bool:
    """True when the part names a known place, a ward, or holds a postcode."""
    part = part.rstrip(".")
    last = part.split()[-1] if part.strip() else ""
    return (
        _names_place(part)
        or _POSTCODE.search(part) is not None
        or _POSTCODE_FIRST.match(part) is not None
        or _WARD.search(last) is not None
        or (last[:1].isdigit() and len(last) >= 4)
    )


# A line of a postal block ("Khlong Tan Nuea, Watthana", "Cardiff CF14 5GX", "Thailand"):
# short, no label, link, email or list of places ("Dubai | Riyadh"), and not a phone's digits.
_BLOCK_LINE = re.compile(r"\n[ \t]*(?P<line>[^\n:@|·•]{2,60}?)[ \t]*(?=\n|$)")
_BLOCK_WORD = re.compile(r"[^\W\d_][\w'’.-]*")


def _lines_after(text: str, end: int) -> int:
    """The end of the postal block's lines after `end`, the end of an address's line: up to
    four short lines of capitalised words, postcodes and numbers, taken up to the last one
    that holds a digit or names a known place (a title or a name under it stays out)."""
    while end < len(text) and text[end] in " \t,":
        end += 1
    best = end
    pos = end
    for _ in range(4):
        m = _BLOCK_LINE.match(text, pos)
        if m is None or not _block_line(m.group("line")):
            break
        pos = m.end()
        line = m.group("line")
        if any(c.isdigit() for c in line) or _names_place(line.replace(",", " ")):
            best = pos
    return best


def _block_under(text: str, end: int) -> Iterator[tuple[int, int]]:
    """The postal block on the lines under a label that ends its line ("New billing
    address:"), from its first line with a number (a recipient's name above it stays out)."""
    pos = end
    for _ in range(2):
        m = _BLOCK_LINE.match(text, pos)
        if m is None or not _block_line(m.group("line")):
            return
        if any(c.isdigit() for c in m.group("line")):
            yield m.start("line"), _lines_after(text, m.end())
            return
        pos = m.end()


def _block_line(line: str) -> bool:
    """True for a line shaped like one of an address block's."""
    if "http" in line or "www." in line or ". " in line or line.lstrip().startswith("+"):
        return False
    if sum(c.isdigit() for c in line) >= 7:
        return False  # a phone or an account number, not a postcode
    words = _BLOCK_WORD.findall(line)
    return 0 < len(words) <= 7 and all(
        w[0].isupper() or w.casefold() in PARTICLES or not w[0].isalpha() for w in words
    )


def _tail(text: str, end: int) -> tuple[int, bool]:
    """The end of the address after `end` (its unit and comma-separated parts), and whether
    the last part taken is a city, country, ward or postcode."""
    placed = False
    for _ in range(3):
        m = _INLINE_UNIT.match(text, end) if text[end : end + 1] in (" ", "\t") else None
        if m is None:
            break
        end = m.end()
    if end and text[end - 1].isalnum():
        m = _PART_REST.match(text, end) or (
            _STATE_POSTCODE.match(text, end) if text[end - 1].isupper() else None
        )
        if m is not None and m.group().split()[0].casefold() not in _CALENDAR:
            start = text.rfind(",", max(0, end - 60), end) + 1
            end, placed = m.end(), _placeish(text[start : m.end()].strip())
    for _ in range(_MAX_PARTS):
        sep = _SEPARATOR.match(text, end)
        box = sep and PO_BOX.match(text, sep.end())
        if box:
            end, placed = box.end(), True  # "..., Deira, Dubai, P.O. Box 64770": postal
            break
        m = _TAIL_PART.match(text, end)
        if m is None:
            break
        unit, bounded, loose = m.groups()
        part = unit or bounded or loose
        words = part.split()
        if not unit and (len(words) > 5 or words[0].casefold().rstrip(".") in _CALENDAR):
            break
        known = not unit and _placeish(part)
        if loose and not known:
            break
        end, placed = m.end(), known
        if part[-1].isdigit():
            # "Hinterhaus 2. OG": the part's number opens a floor that the part stopped before.
            floor = _FLOOR_ONLY.match(text, end - (len(part) - len(part.rstrip("0123456789"))))
            if floor is not None and floor.end() > end:
                end = floor.end()
    m = _NEXT_LINE.match(text, end)
    if m is not None:
        line = m.group(1)
        last = line.split(",")[-1].strip()
        postcode = _POSTCODE.search(last.rstrip(".")) is not None
        if (postcode or ("," in line and _placeish(last))) and (
            line.split()[0].casefold() not in _CALENDAR
        ):
            end, placed = m.end(), True
    return end, placed


def _head(text: str, start: int) -> int:
    """The start of the address before `start`: "No. " before a house number, then unit,
    floor and building parts ("Flat B, 12/F, Tower 2, Harbour Crest, ")."""
    if text[start : start + 1].isdigit():
        m = _NUMBER_WORD_BEFORE.search(text, max(0, start - 18), start)
        if m is not None and not _glued_before(text, m.start()):
            start = m.start()
    for _ in range(6):
        if not text[max(0, start - 3) : start].rstrip().endswith((",", "،")):
            break  # every part before the street ends in a separator: skip the searches
        m = _LEFT_PART.search(text, max(0, start - 60), start)
        if m is None:
            named = _NAMED_LEFT_PART.search(text, max(0, start - 50), start)
            m = named and _LEFT_PART.search(text, max(0, named.start() - 60), named.start())
        if (
            m is None
            or _glued_before(text, m.start())
            or text[m.start() - 1 : m.start()] in ("-", "+")
        ):
            opening = _OPENING_NAME.search(text, max(0, start - 50), start)
            if opening is not None and UNIT_CHAIN.match(text, start):
                start = opening.start(1)
            break
        start = m.start()
    if text[start - 1 : start] == " " and not text[start : start + 1].isdigit():
        # A unit written before its building without a comma ("Unit 1203 Tower 2, 88 ...").
        unit = _UNIT_BEFORE.search(text, max(0, start - 24), start)
        if unit is not None and not _glued_before(text, unit.start()):
            start = unit.start()
    return start


def _glued_before(text: str, start: int) -> bool:
    """True when a word runs into `start`; a Hebrew prefix letter ("ב60 Kings Road") does not."""
    before = text[start - 1] if start else " "
    return before.isalnum() and not "\u0590" <= before <= "\u05ff"


_HEBREW_LETTER = re.compile(r"[\u05d0-\u05ea]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3]")


def _box_inside_word(text: str, start: int) -> bool:
    """True when a Hebrew or Arabic box abbreviation ends a longer word ("כיתת ד 25" grade 4,
    "خاص ب 5"); a prefix letter or two written onto it ("לת.ד." to PO box, "وص.ب") are not
    a word."""
    letter = _HEBREW_LETTER if text[start] == "ת" else _ARABIC_LETTER
    prefixes = "ובלמהש" if text[start] == "ת" else "وبلف"
    at = start
    while at and letter.match(text, at - 1) and text[at - 1] in prefixes and start - at < 2:
        at -= 1
    return at > 0 and letter.match(text, at - 1) is not None


def _street_spans(
    text: str, rx: re.Pattern[str], matches: Iterable[re.Match[str]]
) -> Iterator[tuple[int, int]]:
    """(start, end) of the numbered street anchors among the `matches` of `rx`."""
    for m in matches:
        start = m.start()
        value = m.group().rstrip(" ,.،")
        if rx is HEBREW:
            for _ in range(2):
                if start and text[start - 1] in _HEBREW_LEAD:
                    start -= 1
        elif rx is ARABIC:
            if prose_way(text, start):
                continue
            lead = _ARABIC_LEAD.search(text, max(0, start - 40), start)
            start = lead.start() if lead else start
        elif rx is PO_BOX and text[start - 1 : start] == "G":
            start -= 1  # "GPO Box": G is not a letter of a preceding word
        glued = _glued_before(text, start)
        if rx is PO_BOX and text[start] in "תص":
            if _box_inside_word(text, start):
                continue
            glued = False
        if glued and rx not in (ENGLISH, NUMBER_AFTER, NUMBER_AFTER_OTHER, GERMAN, JAPAN, KOREAN):
            continue
        if rx is ENGLISH:
            if _DATE_BEFORE_YEAR.search(text, max(0, start - 16), start) and _YEAR.match(
                text, m.start()
            ):
                continue  # "On 3 April 2025, Rachel Green wrote": a date, then a name
            unit = _UNIT_BEFORE.search(text, max(0, start - 24), start)
            start = unit.start() if unit else start
            if unit is None and _NUMBER_THEN_COMMA.match(text, start):
                # The number is a district's, the street has none ("Al Jurf 2, Sheikh
                # Khalifa Bin Zayed St, Ajman").
                area = _AREA_BEFORE.search(text, max(0, start - 40), start)
                start = area.start() if area else start
        elif rx is GERMAN:
            word = _WORD_BEFORE.search(text, max(0, start - 40), start)
            if word is None or _glued_before(text, word.start()):
                continue
            if _YEAR.fullmatch(m.group("number")) and not m.group("tail"):
                continue
            start = word.start()
            lead = _WORD_BEFORE_STREET.search(text, max(0, start - 12), start)
            if lead is not None and not _glued_before(text, lead.start()):
                start = lead.start()
        elif rx is NUMBER_AFTER or rx is NUMBER_AFTER_OTHER:
            if glued:
                continue
            name = _NAME_BEFORE.search(text, max(0, start - 60), start)
            if name is None and rx is NUMBER_AFTER_OTHER:
                name = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
            if name is None:
                continue
            start = name.start()
            if m.group().startswith("Soi"):
                # A Thai house number comes first ("88 Sukhumvit Soi 21").
                number = _THAI_HOUSE_NUMBER.search(text, max(0, start - 12), start)
                if number is not None and not _glued_before(text, number.start()):
                    start = number.start()
        elif rx is PREFIX_STREET:
            if m.group("lead").casefold() in _WEAK_LEADS and not _tail(text, m.end())[1]:
                continue
            # A house number and its plot may stand before the lead ("88/12 Soi Sukhumvit 39").
            number = _PLOT_BEFORE.search(text, max(0, start - 12), start)
            if number is not None and not _glued_before(text, number.start()):
                start = number.start()
        elif rx is JAPAN:
            chome = _JAPAN_CHOME.search(text, max(0, start - 3), start)
            if chome is None:
                continue
            start = chome.start()
            before = _JAPAN_DISTRICT.search(text, max(0, start - 30), start)
            after = m.group("district")
            tail = text[m.end() : _tail(text, m.end())[0]]
            warded = _JAPAN_TAIL.search(tail) is not None
            # The district is named next to the numbers; a city there ("12-05-24 Tokyo") is
            # a date or a code written before a place, unless a ward or a postcode follows
            # ("3-12-1 Shibuya, Shibuya-ku").
            if after is not None and _names_place(after.strip(", \t")) and not warded:
                after = None
            if before is not None and not _glued_before(text, before.start()):
                start = before.start()
            elif after is None:
                continue
            if not warded and (after is None or "Japan" not in tail):
                continue
        elif rx is KOREAN:
            name = _KOREAN_NAME.search(text, max(0, start - 30), start)
            if name is None or _glued_before(text, name.start()):
                continue
            start = name.start()
            number = _NUMBER_BEFORE.search(text, max(0, start - 12), start)
            if number is not None and not _glued_before(text, number.start()):
                start = number.start()
        end = m.start() + len(value)
        if (rx is HEBREW and "," not in value) or (rx is PO_BOX and text[start] in "תص"):
            # "רחוב הגפן 12 קריית מוצקין", "ص.ب 2345 جدة 21451": the city, with no comma
            end = city_after(text, end)
            postcode = _RTL_POSTCODE_AFTER.match(text, end)
            end = postcode.end() if postcode and rx is PO_BOX else end
        if any(ch.isdigit() for ch in text[start:end]):
            yield start, end


_RTL_POSTCODE_AFTER = re.compile(r"[ \t]+\d{5,7}\b")


_MONTH_DAY = re.compile(
    r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?$"
)


def _postcode_spans(text: str) -> Iterator[tuple[int, int]]:
    """A numbered street part, a comma, then a postcode and city ("Am Kupfergraben 6, 10117
    Berlin")."""
    for m in POSTCODE_CITY.finditer(text):
        part = _NUMBERED_PART.search(text, max(0, m.start() - 60), m.start() + 1)
        if part is None or _glued_before(text, part.start()):
            continue
        if _MONTH_DAY.search(text, max(0, m.start() - 16), m.start()):
            continue  # "June 30, 2025\nThanks": a date, its year read as a postcode
        yield part.start(), m.end()


# An Indian address ends in its state or city and a six-digit PIN code ("TC 14/1123,
# Vazhuthacaud, Thiruvananthapuram, Kerala 695014", "Andheri East, Mumbai - 400069"): the
# comma-separated parts before it, back to the house number, are its street, area and town.
_PIN = re.compile(r"[1-8]\d{2} ?\d{3}(?![\d-])")
_INDIAN_STATES = frozenset(
    [
        *("andhra pradesh", "arunachal pradesh", "assam", "bihar", "chhattisgarh", "goa"),
        *("gujarat", "haryana", "himachal pradesh", "jharkhand", "karnataka", "kerala"),
        *("madhya pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland"),
        *("odisha", "orissa", "punjab", "rajasthan", "sikkim", "tamil nadu", "telangana"),
        *("tripura", "uttar pradesh", "uttarakhand", "west bengal", "delhi", "puducherry"),
        *("chandigarh", "jammu and kashmir", "ladakh"),
    ]
)
_HOUSE_NUMBER_FIRST = re.compile(r"(?:[A-Z]{1,3}[ .-]?|No\.? ?|#)?\d{1,5}(?:[/-]\d{1,5})?[A-Z]?\b")


def _pin_code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Indian addresses, found from the state or city and PIN code that end them."""
    for m in _PIN.finditer(text):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "+/."):
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        pos = text.rfind(",", line_start, m.start())
        place = text[pos + 1 if pos >= 0 else line_start : m.start()].strip(" \t-–").casefold()
        if pos < 0 or (place not in _INDIAN_STATES and place not in PLACES):
            continue
        start, taken = -1, 0
        while taken < 4:
            prev = text.rfind(",", line_start, pos)
            raw = text[prev + 1 : pos]
            part = raw.strip()
            if not part or len(part) > 40 or ":" in part or len(part.split()) > 5:
                break
            start, taken = prev + 1 + len(raw) - len(raw.lstrip()), taken + 1
            if any(ch.isdigit() for ch in part):
                if _HOUSE_NUMBER_FIRST.match(part) is None:
                    taken = 0  # "Invoice 2025, Mumbai 400001": no house number
                break
            if prev < 0:
                break
            pos = prev
        if taken >= 2 or (taken == 1 and text[start : start + 1].isdigit()):
            yield start, m.end()


def _chain_spans(
    text: str, rx: re.Pattern[str], parts: int, matches: Iterable[re.Match[str]]
) -> Iterator[tuple[int, int]]:
    """Anchors without a house number (the `matches` of `rx`): kept only when at least `parts`
    parts follow and the last is a known city, country or postcode."""
    for m in matches:
        start = m.start()
        if rx is STREET_CHAIN and start and text[start - 1].isalnum():
            continue
        end, placed = _tail(text, m.end())
        crossed = text.count(",", m.end(), end) + text.count("،", m.end(), end)
        if not (
            (placed and crossed >= parts) or (rx is UNIT_CHAIN and _short_parts(text, m.end(), end))
        ):
            continue
        if rx is STREET_CHAIN:
            name = _NAME_BEFORE.search(text, max(0, start - 60), start)
            if name is None:
                continue
            start = name.start()
        if not (_glued_before(text, start) or text[start - 1 : start] == "-"):
            yield start, end


def _short_parts(text: str, start: int, end: int) -> bool:
    """True for three or more short parts after a unit, another numbered or unit part among
    them, and a name last ("Plot 22, Block C, Adum, Kumasi"): a written address even when its
    town is not a known one ("Suite 5, Enterprise, Pro, Starter" is a list)."""
    parts = [p.strip() for p in text[start:end].replace("\\,", ",").split(",")[1:]]
    return (
        len(parts) >= 3
        and all(0 < len(part.split()) <= 3 and part[0].isupper() for part in parts)
        and any(_UNIT_ONLY.fullmatch(part) or _DIGIT.search(part) for part in parts[:-1])
        and not _DIGIT.search(parts[-1])
    )


def _runs_on(before: str) -> bool:
    """True when a label word preceded by `before` is the end of a longer word; Chinese and
    Japanese write words together ("送货地址", delivery address)."""
    return before.isalnum() and not "\u3040" <= before <= "\u9fff"


def _label_spans(
    text: str, lowered: str | None = None, hits: list[tuple[int, int]] | None = None
) -> Iterator[tuple[int, int]]:
    """The whole value after an address label or key (`lowered`: the text in lower case;
    `hits`: where the label words start and end in it, when already found)."""
    lowered = lower_same_length(text) if lowered is None else lowered
    if len(lowered) != len(text):
        lowered, hits = text, None  # a letter whose lower case is longer: offsets must hold
    tried: set[int] = set()
    found = [(s, e) for _, s, e in _LABEL_WORDS.find(lowered)] if hits is None else hits
    for at, end in found:
        last = end - 1
        # Cheap refusals first: a word that runs on from letters before it ("relationship"),
        # or no ":" or "=" close enough after it to end a label.
        if at and _runs_on(lowered[at - 1]):
            continue
        if _LABEL_END.search(lowered, last, last + 48) is None:
            continue
        # The label may open one word earlier ("home address", "billing_address").
        word = _WORD_END.search(lowered, max(0, at - 16), max(0, at - 1))
        starts = (word.start(), at) if word and at and lowered[at - 1] in " _-" else (at,)
        m = next((m for m in map(lambda c: LABEL.match(lowered, c), starts) if m), None)
        if m is None or m.end() in tried or (m.start() and _runs_on(lowered[m.start() - 1])):
            continue
        tried.add(m.end())
        v = _LABEL_VALUE.match(text, m.end())
        if v is None:
            if not m.group("q") and text[m.end() : m.end() + 1] == "\n":
                yield from _block_under(text, m.end())
            continue
        value = v.group()
        if m.start() and lowered[m.start() - 1] in "?&":
            # A URL query parameter: its value ends at the next parameter or space.
            value = re.split(r"[&\s]", value, maxsplit=1)[0]
        elif m.group("q"):
            close = value.find(m.group("q"))
            value = value[:close] if close >= 0 else value
        else:
            for stop in _FULL_STOP.finditer(value):
                if stop.group(1).casefold() not in _ABBREVIATIONS:
                    value = value[: stop.end(1)]
                    break
        # A quoted value is whole: its last dot ends an abbreviation ("León, Gto."), as does
        # that of initials ("Monterrey, N.L.").
        value = value.rstrip(" ,،")
        if not m.group("q") and not _INITIALS_END.search(value):
            value = value.rstrip(" ,.،።।")
        if _NOT_AN_ADDRESS.search(value) or not (
            any(ch.isdigit() for ch in value) or "," in value or "،" in value
        ):
            continue
        if m.group("weak"):
            if not _WEAK_VALUE.match(value):
                continue
            value = _LOWER_LAST_PART.sub("", value)  # "..., Cardiff CF10 3FD, room 'Nelson'"
        yield m.end(), m.end() + len(value)


# Every pattern but the number-led ones (ENGLISH, FRENCH) opens with one of a few words: two
# Aho-Corasick passes find where they occur, and each pattern is tried there only
# (`matches_at`), not at every place of the text as `finditer` would. ENGLISH and FRENCH are
# tried at the numbers just before their street words (`_number_starts`). The capitalised words
# are looked for in the text as written, the lower-case ones in the lower-cased text (a capital
# there is one more place to try, never one fewer), with the labels and gates below: an
# automaton is slower the more first letters its words have, and lower-case letters are common.
_LEAD_GROUPS = (
    _literals(_LEADS),  # PREFIX_STREET
    _literals(_SUFFIX),  # NUMBER_AFTER, STREET_CHAIN, ENGLISH's street words
    _literals(_SUFFIX_AFTER),  # NUMBER_AFTER_OTHER
    _literals(_GERMAN_WORDS),  # GERMAN
    _literals(_UAE_WORDS),  # UAE
    _literals(_UNIT_WORDS),  # UNIT_CHAIN
    _FRENCH_WORDS,  # FRENCH, either case
    _literals(_CYRILLIC_WORDS),  # CYRILLIC
    ("Locked Bag", "Postfach", "Caixa Postal", "Apartado", "Casilla", "B.P."),  # PO_BOX_WORDS
)
(_AT_PREFIX, _AT_STREET_WORD, _AT_AFTER_WORD, _AT_GERMAN, _AT_UAE, _AT_UNIT) = range(6)
(_AT_FRENCH, _AT_CYRILLIC, _AT_BOX) = range(6, 9)
_WORDS = LeadFinder([[w for w in group if not w[0].islower()] for group in _LEAD_GROUPS])
# Cues without which NUMBER_AFTER_OTHER, UAE and PO_BOX are not tried, in the lower-cased text.
# (The gates of the three are narrower than their patterns: "Mh 5" alone is not tried. They are
# kept as they are, so that no span changes.)
_GATE_CUES = (
    (
        *("straße", "strasse", "str.", "str ", "allee", "gasse", "weg ", "platz", "cad", "cd."),
        *("sok", "sk.", "sk ", "bulvar", "blv", "mah.", "mah ", "mahalle", "mh.", "yolu"),
        "soi ",
    ),
    ("villa", "flat", "apartment", "apt", "office", "unit", "shop", "building", "bldg", "plot"),
    (
        *("box", "pmb", "o.b.", "pob", "ת.ד", "ת. ד", "ת ד", "תד", 'ת"ד', "ת״ד"),
        *("ص.ب", "ص. ب", "ص ب", "صب", "صندوق"),
    ),
)
# What each word of the lower-case pass stands for: a gate's cue (its index), a label word
# (-1), a short address's cue (-2), or a lower-case lead (`_LEAD` + its group).
_LEAD = len(_GATE_CUES)
_ROLES: dict[str, set[int]] = {}
for _index, _cues in enumerate(_GATE_CUES):
    for _cue in _cues:
        _ROLES.setdefault(_cue, set()).add(_index)
for _word in _LABEL_KEYS:
    _ROLES.setdefault(_word, set()).add(-1)
for _word in _SHORT_ADDRESS_CUES:
    _ROLES.setdefault(_word, set()).add(-2)
for _index, _group in enumerate(_LEAD_GROUPS):
    for _word in _group:
        if _word[0].islower():
            _ROLES.setdefault(_word, set()).add(_LEAD + _index)
_LOWER_SCAN = Automaton((word, tuple(sorted(roles))) for word, roles in _ROLES.items())
_GATED = (NUMBER_AFTER_OTHER, UAE, PO_BOX)  # in the order of `_GATE_CUES`
# A number where ENGLISH or FRENCH may start: a digit after no ASCII digit (both patterns'
# look-behinds refuse one).
_NUMBER_START = re.compile(r"(?<![0-9])\d")
_DIGIT = re.compile(r"\d")


def _number_starts(text: str, words: list[int], runs: int) -> list[int]:
    """Where ENGLISH (`runs` 5) or FRENCH (`runs` 2) may start, in order: the numbers in the
    `runs` whitespace-separated runs of characters before a street word that follows a space.

    ENGLISH reads "number, space, up to four words and spaces, street word", and FRENCH
    "number (and "bis"), space, street word": no run of either holds a space, so the number
    lies in those runs."""
    starts: list[int] = []
    done = 0  # the places before it have been looked at
    for word in words:
        if not word or not text[word - 1].isspace():
            continue
        width = 64
        while True:
            lo = max(0, word - width)
            # More runs in the slice than `runs`: its first one is not among them.
            if lo == 0 or len(text[lo:word].split()) > runs:
                break
            width *= 4
        starts.extend(m.start() for m in _NUMBER_START.finditer(text, max(lo, done), word))
        done = word
    return starts


class WordsFound(NamedTuple):
    """What the two word passes found (`word_starts`)."""

    at: list[list[int]]  # where each group of `_LEAD_GROUPS` occurs, sorted starts
    labels: list[tuple[int, int]]  # (start, end) of the label words in the lowered text
    opened: set[re.Pattern[str]]  # the gated patterns whose cues occur
    short_cues: list[int]  # where a short address's cue ends


def word_starts(text: str, lowered: str) -> WordsFound:
    """Where the address words occur in `text` and in `lowered`, its lower case."""
    at = _WORDS.starts(text)
    lower: list[set[int]] = [set() for _ in _LEAD_GROUPS]
    labels: list[tuple[int, int]] = []
    short_cues: list[int] = []
    opened: set[re.Pattern[str]] = set()
    roles_of = _LOWER_SCAN.values
    for key, start, end in _LOWER_SCAN.find(lowered):
        for role in roles_of[key]:
            if role == -1:
                labels.append((start, end))
            elif role == -2:
                short_cues.append(end)
            elif role < _LEAD:
                opened.add(_GATED[role])
            else:
                lower[role - _LEAD].add(start)
    for index, starts in enumerate(lower):
        if starts:
            at[index] = sorted(starts.union(at[index]))
    return WordsFound(at, labels, opened, short_cues)


def word_led_matches(
    text: str, at: list[list[int]]
) -> list[tuple[re.Pattern[str], Iterator[re.Match[str]]]]:
    """Each numbered street or box pattern led by words, with the matches `finditer` gives,
    found from where its words occur (`at`, from `word_starts`)."""
    return [
        (ENGLISH, matches_at(ENGLISH, text, _number_starts(text, at[_AT_STREET_WORD], 5))),
        (NUMBER_AFTER, matches_at(NUMBER_AFTER, text, at[_AT_STREET_WORD])),
        (PREFIX_STREET, matches_at(PREFIX_STREET, text, at[_AT_PREFIX])),
        (FRENCH, matches_at(FRENCH, text, _number_starts(text, at[_AT_FRENCH], 2))),
        (GERMAN, matches_at(GERMAN, text, at[_AT_GERMAN])),
        (NUMBER_AFTER_OTHER, matches_at(NUMBER_AFTER_OTHER, text, at[_AT_AFTER_WORD])),
        (UAE, matches_at(UAE, text, at[_AT_UAE])),
        (CYRILLIC, matches_at(CYRILLIC, text, at[_AT_CYRILLIC])),
        (PO_BOX_WORDS, matches_at(PO_BOX_WORDS, text, at[_AT_BOX])),
    ]


# A US or Australian address whose street has no street word ("600 West Peachtree NW,
# Atlanta, GA 30308", "Lot 88 Great Eastern, Kalgoorlie WA 6430"): a house number, one to four
# capitalised words and a direction, then the town, the state's code and its postcode. The
# state and postcode tail is what makes it sure; it is looked for first.
_STATE_POSTCODE_TAIL = r"(?:[A-Z]{2} \d{5}(?:-\d{4})?|(?:NSW|VIC|QLD|WA|SA|TAS|ACT|NT) \d{4})\b"
_STATE_AND_POSTCODE = re.compile(rf"\b{_STATE_POSTCODE_TAIL}")
_STATE_CODE_ADDRESS = re.compile(
    rf"\d(?<![\w.-]\d)\d{{0,4}}[A-Za-z]?\s+(?:{_CAP}\s+){{0,3}}{_CAP}"
    r"(?:\s+(?:NW|NE|SW|SE|N|S|E|W))?,\s*"
    rf"{_TOWN_WORD}(?:[ ]{_TOWN_WORD}){{0,2}},?\s+{_STATE_POSTCODE_TAIL}"
)


def _state_code_spans(text: str) -> Iterator[tuple[int, int]]:
    """Addresses that end in a town, a state's code and a postcode (see above)."""
    for tail in _STATE_AND_POSTCODE.finditer(text):
        line = text.rfind("\n", 0, tail.start()) + 1
        lo = max(line, tail.start() - 90)
        for m in _STATE_CODE_ADDRESS.finditer(text, lo, tail.end()):
            if m.end() == tail.end():
                yield m.span()
                break


def find_addresses(text: str) -> Iterator[Span]:
    """Street addresses and PO boxes in the supported styles."""
    lowered = lower_same_length(text)
    digits = _DIGIT.search(text) is not None  # only chains and labels can do without one
    separated = "," in text or "،" in text
    at, labels, opened, short_cues = word_starts(text, lowered)
    closed = set(_GATED) - opened
    # The Hebrew and Arabic patterns are run on the lines in those scripts only.
    rtl = rtl_regions(text)
    found: list[tuple[int, int]] = []
    anchors: list[tuple[int, int]] = []  # Hebrew and Arabic streets
    if digits:
        for rx, matches in word_led_matches(text, at):
            if rx not in closed:
                found.extend(_street_spans(text, rx, matches))
        for rx in (JAPAN, KOREAN, PO_BOX):
            if rx not in closed:
                found.extend(_street_spans(text, rx, rx.finditer(text)))
        for rx in (HEBREW, ARABIC):
            matches = (m for lo, hi in rtl for m in rx.finditer(text, lo, hi))
            anchors.extend(_street_spans(text, rx, matches))
        anchors.extend(rtl_numbered_streets(text, rtl))
        found.extend(anchors)
        found.extend(_postcode_spans(text))
        found.extend(_pin_code_spans(text))
        found.extend(_state_code_spans(text))
        units = matches_at(UNIT_CHAIN, text, at[_AT_UNIT])
        found.extend(_chain_spans(text, UNIT_CHAIN, 2, units))
    if separated:
        streets = matches_at(STREET_CHAIN, text, at[_AT_STREET_WORD])
        found.extend(_chain_spans(text, STREET_CHAIN, 1, streets))
    if labels:
        found.extend(_label_spans(text, lowered, labels))
    if digits:
        found.extend(_short_address_spans(text, short_cues))
        found.extend(_lower_case_spans(text))
    if "ADR" in text:
        found.extend(m.span("value") for m in VCARD_ADR.finditer(text))
    # A Hebrew or Arabic chain is whole already: it is not stretched.
    stretched = list(rtl_spans(text, rtl, anchors)) if rtl and separated else []
    for start, end in found:
        end = _tail(text, end)[0]
        if "\n" in text[end : end + 3]:
            end = _lines_after(text, end)
        start = _head(text, start)
        while end > start and text[end - 1] in " ,.،":
            if text[end - 1] == "." and (
                text[end : end + 1] in ('"', "'") or _INITIALS_END.search(text, end - 8, end)
            ):
                break  # the last dot ends an abbreviation ("León, Gto.", "Monterrey, N.L.")
            end -= 1
        stretched.append((start, end))
    # Two anchors of one address (its label and its street) become one span.
    merged: list[list[int]] = []
    for start, end in sorted(stretched):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    for start, end in merged:
        yield Span(start, end, EntityType.ADDRESS, 1.0, "address")
