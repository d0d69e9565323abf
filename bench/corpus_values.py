"""Value lists for the evaluation corpus: one TUNE pool and one HELDOUT pool, never mixed.

The held-out pool has other names, other companies, other templates and other wording; the
detector is never tuned on it (see bench/make_corpus.py and README "Detection").
"""

from __future__ import annotations

# culture -> (given names, surnames); Latin-script unless the culture says otherwise.
NAMES: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "tune": {
        "anglo": (
            ["Emily", "Jacob", "Hannah", "Tyler", "Megan", "Connor", "Brianna", "Logan"],
            ["Thompson", "Walker", "Harris", "Bennett", "Fletcher", "Sullivan", "Hughes", "Parker"],
        ),
        "israeli": (
            ["Noa", "Yossi", "Tamar", "Itay", "Shira", "Eyal", "Michal", "Amit"],
            ["Mizrahi", "Friedman", "Peretz", "Biton", "Avraham", "Ohana", "Katz", "Shapira"],
        ),
        "arab": (
            ["Khalid", "Fatima", "Omar", "Layla", "Youssef", "Mariam", "Hamad", "Noura"],
            [
                "Al Mansouri",
                "Haddad",
                "Al Nuaimi",
                "Khoury",
                "Al Suwaidi",
                "Nasser",
                "Saleh",
                "Al Falasi",
            ],
        ),
        "south_asian": (
            ["Priya", "Rahul", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan"],
            ["Sharma", "Patel", "Iyer", "Reddy", "Nair", "Gupta", "Menon", "Desai"],
        ),
        "east_asian": (
            ["Wei", "Hiroshi", "Min-jun", "Yuki", "Jing", "Takeshi", "Seo-yeon", "Lan"],
            ["Zhang", "Tanaka", "Park", "Nguyen", "Chen", "Yamamoto", "Choi", "Tran"],
        ),
        "european": (
            ["Lukas", "Camille", "Matteo", "Zofia", "Anders", "Chiara", "Pieter", "Inès"],
            [
                "Schneider",
                "Dubois",
                "Rossi",
                "Kowalski",
                "Johansson",
                "Bianchi",
                "de Vries",
                "Lefebvre",
            ],
        ),
        "african": (
            ["Chinedu", "Amara", "Kwame", "Nneka", "Tendai", "Abebe", "Zanele", "Oluwaseun"],
            ["Okafor", "Mensah", "Adeyemi", "Mwangi", "Nkosi", "Okonkwo", "Banda", "Diallo"],
        ),
        "latin_american": (
            ["Valentina", "Santiago", "Camila", "Mateo", "Lucía", "Joaquín", "Ximena", "Diego"],
            [
                "González",
                "Ramírez",
                "Fernández",
                "Castillo",
                "Morales",
                "Vargas",
                "Herrera",
                "Rojas",
            ],
        ),
        "hebrew": (
            ["נועה", "יוסי", "תמר", "איתי", "שירה", "אייל", "מיכל", "עמית"],
            ["מזרחי", "פרידמן", "פרץ", "ביטון", "אברהם", "אוחנה", "כץ", "שפירא"],
        ),
        "arabic": (
            ["خالد", "فاطمة", "عمر", "ليلى", "يوسف", "مريم", "حمد", "نورة"],
            ["المنصوري", "حداد", "النعيمي", "خوري", "السويدي", "ناصر", "صالح", "الفلاسي"],
        ),
        "cyrillic": (
            ["Иван", "Ольга", "Дмитрий", "Анна", "Сергей", "Мария"],
            ["Петров", "Смирнова", "Кузнецов", "Попова", "Волков", "Соколова"],
        ),
    },
    "heldout": {
        "anglo": (
            ["Madison", "Caleb", "Abigail", "Wyatt", "Savannah", "Colton"],
            ["Dawson", "Whitaker", "Carmichael", "Pritchard", "Holloway", "Brennan"],
        ),
        "israeli": (
            ["Liron", "Oren", "Hila", "Gilad", "Keren", "Nadav"],
            ["Ben-David", "Levinson", "Dahan", "Goldberg", "Azoulay", "Rosenthal"],
        ),
        "arab": (
            ["Tariq", "Huda", "Saif", "Aisha", "Rashid", "Salma"],
            ["Al Hashimi", "Barakat", "Al Qasimi", "Jaber", "Al Ketbi", "Farouk"],
        ),
        "south_asian": (
            ["Aditya", "Meera", "Siddharth", "Pooja", "Karthik", "Divya"],
            ["Chatterjee", "Kulkarni", "Bhatt", "Pillai", "Joshi", "Malhotra"],
        ),
        "east_asian": (
            ["Jun", "Mei", "Haruto", "Ji-woo", "Xiaoming", "Sakura"],
            ["Liu", "Suzuki", "Kang", "Pham", "Huang", "Watanabe"],
        ),
        "european": (
            ["Sebastian", "Margaux", "Lorenzo", "Agnieszka", "Henrik", "Elodie"],
            ["Hoffmann", "Moreau", "Esposito", "Nowak", "Lindqvist", "Girard"],
        ),
        "african": (
            ["Emeka", "Ama", "Kofi", "Chiamaka", "Thabo", "Wanjiru"],
            ["Eze", "Asante", "Babatunde", "Kamau", "Dlamini", "Ndlovu"],
        ),
        "latin_american": (
            ["Sofía", "Alejandro", "Renata", "Emiliano", "Florencia", "Tomás"],
            ["Gutiérrez", "Mendoza", "Sandoval", "Aguilar", "Navarro", "Cabrera"],
        ),
        "hebrew": (
            ["לירון", "אורן", "הילה", "גלעד", "קרן", "נדב"],
            ["לוינסון", "דהן", "גולדברג", "אזולאי", "רוזנטל", "בן דוד"],
        ),
        "arabic": (
            ["طارق", "هدى", "سيف", "عائشة", "راشد", "سلمى"],
            ["الهاشمي", "بركات", "القاسمي", "جابر", "الكتبي", "فاروق"],
        ),
        "cyrillic": (
            ["Алексей", "Наталья", "Михаил", "Елена"],
            ["Морозов", "Васильева", "Новиков", "Федорова"],
        ),
    },
}

# A third pool, written after tuning had ended and measured once, untouched ("fresh").
NAMES["fresh"] = {
    "anglo": (
        ["Brooke", "Declan", "Paige", "Gavin", "Harriet", "Rhys"],
        ["Ashworth", "Kilpatrick", "Ellery", "Thornbury", "McAllister", "Radcliffe"],
    ),
    "israeli": (
        ["Adi", "Roni", "Yael", "Omri", "Maya", "Dvir"],
        ["Halevi", "Elbaz", "Weiss", "Sasson", "Grinberg", "Amsalem"],
    ),
    "arab": (
        ["Yazan", "Rania", "Faisal", "Dina", "Majid", "Lina"],
        ["Al Mazrouei", "Tamimi", "Al Shamsi", "Darwish", "Abu Khalil", "Zayani"],
    ),
    "south_asian": (
        ["Ishaan", "Nandini", "Harpreet", "Farhan", "Lakshmi", "Tanvir"],
        ["Venkataraman", "Sandhu", "Chowdhury", "Rao", "Ahluwalia", "Banerjee"],
    ),
    "east_asian": (
        ["Thi Mai", "Kenji", "Yoon-ah", "Zhiwei", "Akiko", "Minh"],
        ["Hoang", "Kobayashi", "Jeong", "Xu", "Matsumoto", "Vu"],
    ),
    "european": (
        ["Małgorzata", "Dimitrios", "Annika", "Bartosz", "Eleni", "Joaquim"],
        ["Wiśniewski", "Papadopoulos", "Bergström", "Zieliński", "Georgiou", "Carvalho"],
    ),
    "african": (
        ["Olumide", "Akosua", "Tsegaye", "Nomvula", "Babajide", "Wairimu"],
        ["Oyelaran", "Boateng", "Tesfaye", "Mahlangu", "Ogunleye", "Njoroge"],
    ),
    "latin_american": (
        ["Guadalupe", "Rodrigo", "Marisol", "Esteban", "Paola", "Leandro"],
        ["Villalobos", "Quintero", "Espinoza", "Carrasco", "Bustamante", "Saavedra"],
    ),
    "hebrew": (
        ["עדי", "רוני", "יעל", "עומרי", "מאיה", "דביר"],
        ["הלוי", "אלבז", "וייס", "ששון", "גרינברג", "אמסלם"],
    ),
    "arabic": (
        ["يزن", "رانيا", "فيصل", "دينا", "ماجد", "لينا"],
        ["المزروعي", "التميمي", "الشامسي", "درويش", "أبو خليل", "الزياني"],
    ),
    "cyrillic": (
        ["Андрей", "Татьяна", "Никита", "Ксения"],
        ["Лебедев", "Орлова", "Зайцев", "Павлова"],
    ),
}

COMPANIES = {
    "tune": [
        "Acme Logistics",
        "Brightpath",
        "Northwind Traders",
        "Globex",
        "Initech",
        "Umbrella Health",
    ],
    "heldout": [
        "Contoso",
        "Fabrikam",
        "Tailspin Toys",
        "Wingtip Solutions",
        "Litware",
        "Proseware",
    ],
}
PRODUCTS = {
    "tune": [
        "Pro plan",
        "Enterprise tier",
        "Growth Suite",
        "Analytics Add-on",
        "Starter plan",
        "Premium Support",
    ],
    "heldout": [
        "Business Plus",
        "Team edition",
        "Insights module",
        "Platinum bundle",
        "Scale plan",
        "Advanced Reporting",
    ],
}
SOFTWARE = {
    "tune": ["Salesforce", "HubSpot", "Microsoft Teams", "Google Sheets", "Slack"],
    "heldout": ["Monday.com", "Zendesk", "Pipedrive", "Zoom", "Outlook"],
    "fresh": ["Microsoft Dynamics", "Google Meet", "Intercom", "Jira", "Gong"],
}
STREETS = {
    "tune": [
        ("en", "{n} Maple Avenue, Springfield, IL 62704"),
        ("en", "{n} High Street, Manchester M1 1AE"),
        ("en", "Suite {u}, {n} Market Street, San Francisco, CA 94105"),
        ("de", "Lindenstraße {n}, 10969 Berlin"),
        ("fr", "{n} rue de Rivoli, 75001 Paris"),
        ("au", "{n} George St, Sydney NSW 2000"),
        ("ae", "Villa {n}, Street {u}, Al Barsha, Dubai"),
        ("en", "PO Box {n5}, Abu Dhabi"),
        ("he", "רחוב הרצל {n}, חיפה"),
        ("ar", "شارع الملك فهد {n}، الرياض"),
    ],
    "heldout": [
        ("en", "{n} Oak Ridge Drive, Austin, TX 78701"),
        ("en", "{n} Kings Road, London SW3 4NB"),
        ("de", "Goethestraße {n}, 60313 Frankfurt"),
        ("fr", "{n} avenue Victor Hugo, 69002 Lyon"),
        ("au", "{n} Collins Street, Melbourne VIC 3000"),
        ("ae", "Office {u}, Street {n}, Jumeirah, Dubai"),
        ("he", "רח' ויצמן {n}, רחובות"),
        ("ar", "شارع الشيخ زايد {n}، دبي"),
    ],
    "fresh": [
        ("en", "{n} Lakeshore Blvd, Chicago, IL 60611"),
        ("en", "Flat {u}, {n} Victoria Road, Leeds LS6 1AB"),
        ("de", "Schillerstraße {n}, 80336 München"),
        ("fr", "{n} boulevard Haussmann, 75009 Paris"),
        ("au", "Unit {u}, {n} Queen Street, Brisbane QLD 4000"),
        ("ae", "Villa {n}, Street {u}, Mirdif, Dubai"),
        ("en", "P.O. Box {n5}, Sharjah"),
        ("he", "שדרות רוטשילד {n}, תל אביב"),
        ("ar", "شارع الملك عبدالعزيز {n}، جدة"),
    ],
}

COMPANIES["fresh"] = [
    "Blue Yonder Airlines",
    "Adventure Works",
    "Coho Winery",
    "Lucerne Publishing",
    "Datum Corp",
]
PRODUCTS["fresh"] = [
    "Sales Cloud Lite",
    "Unlimited tier",
    "Forecasting add-on",
    "Core plan",
    "Elite package",
]
STREETS["fresh"] = [
    ("en", "{n} Lakeshore Blvd, Chicago, IL 60611"),
    ("en", "Flat {u}, {n} Victoria Road, Leeds LS6 1AB"),
    ("de", "Schillerstraße {n}, 80336 München"),
    ("fr", "{n} boulevard Haussmann, 75009 Paris"),
    ("au", "Unit {u}, {n} Queen Street, Brisbane QLD 4000"),
    ("ae", "Villa {n}, Street {u}, Mirdif, Dubai"),
    ("en", "P.O. Box {n5}, Sharjah"),
    ("he", "שדרות רוטשילד {n}, תל אביב"),
    ("ar", "شارع الملك عبدالعزيز {n}، جدة"),
]
