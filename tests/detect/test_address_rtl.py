from __future__ import annotations

from proxy.detect.address_rtl import rtl_regions, rtl_spans


def _chains(text: str) -> list[str]:
    return [text[s:e] for s, e in rtl_spans(text, rtl_regions(text))]


def test_only_lines_in_hebrew_or_arabic_script_are_regions() -> None:
    text = "Notes in English only\nהאלון 3, כפר סבא\nmore English"
    regions = rtl_regions(text)
    assert regions
    assert all(text.find("האלון") < end for _, end in regions)
    assert [] == rtl_regions("Notes in English only, 12 Main St, Boston")


def test_a_chain_of_typed_parts_in_any_order() -> None:
    assert ["الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤"] == _chains(
        "الطلب بيوصل على الشارقة، منطقة الخان، بناية ٧، شقة ٣٠٤"
    )
    assert ["האלון 3, כפר סבא"] == _chains("נפגשים מחר במשרד, האלון 3, כפר סבא.")


def test_prose_with_commas_is_not_a_chain() -> None:
    assert [] == _chains("على طريق النجاح، منطقة الشرق الأوسط، شكراً")


def test_a_thousands_comma_does_not_separate_parts() -> None:
    # "for the Cairo branch, valued at 48,000 pounds": a city, then an amount.
    assert [] == _chains("عرض السعر لفرع القاهرة، بقيمة 48,000 جنيه سنويًا.")


def test_a_po_box_in_each_spelling_with_a_prefix_letter_opens_a_chain() -> None:
    # "to PO box 4417, Haifa 3104301": the prefix letter is not part of the address.
    for box in ("ת.ד. 4417", 'ת"ד 4417', "ת״ד 4417", "ת ד 4417", "ת. ד. 4417"):
        text = f"הלקוח מבקש לשלוח ל{box}, חיפה 3104301 ולא לכתובת שבמערכת."
        assert [f"{box}, חיפה 3104301"] == _chains(text)
    for box in ("ص.ب ٣٣٢١", "ص. ب ٣٣٢١", "ص ب ٣٣٢١"):
        assert [f"{box}، الخبر ٣١٩٥٢"] == _chains(f"أرسلوها و{box}، الخبر ٣١٩٥٢ شكراً")


def test_a_prefix_letter_on_the_house_number_and_a_maghreb_city_of_two_words() -> None:
    # "our shop is at 7 Zankat Ibn Battuta, Tetouan": "ف" (at) is glued to the number.
    assert ["7 زنقة ابن بطوطة، تطوان"] == _chains("المحل ديالنا ف7 زنقة ابن بطوطة، تطوان")
    # "the correct address is 40 Larbi Ben M'hidi street, Algiers (the capital). Thanks".
    assert ["40 شارع العربي بن مهيدي، الجزائر العاصمة"] == _chains(
        "العنوان الصحيح 40 شارع العربي بن مهيدي، الجزائر العاصمة. شكرا"
    )


def test_a_street_on_which_something_is_sent_opens_a_chain() -> None:
    # "على شارع الحمرا" (to Hamra Street): only "على طريق" is a way, not a road.
    assert ["شارع الحمرا، بناية الصيفي، الطابق 2، بيروت"] == _chains(
        "تبعتلو العقد على شارع الحمرا، بناية الصيفي، الطابق 2، بيروت\nالمساعد: تمّ."
    )


def test_a_tunisian_street_and_a_four_digit_postcode_after_the_city() -> None:
    assert ["12 نهج الحبيب بورقيبة، المنزه 6، أريانة 2091"] == _chains(
        "بالعنوان الصحيح: 12 نهج الحبيب بورقيبة، المنزه 6، أريانة 2091. والتحويل"
    )
    assert [] == _chains("نحتاج نهج جديد، الرياض")


def test_a_persian_address_with_a_landmark_between_its_parts() -> None:
    # (Found from both separators around the last part: the same chain twice.)
    assert {"تهران، خیابان ولیعصر، بالاتر از پارک ساعی، پلاک ۲۱۴۰"} == set(
        _chains("در تهران، خیابان ولیعصر، بالاتر از پارک ساعی، پلاک ۲۱۴۰، تلفن 021 8505 2862")
    )


def test_a_district_with_its_postcode_is_a_part_of_a_saudi_address() -> None:
    text = "والموقع طريق أنس بن مالك، حي الملقا 13521، الرياض\n2025/03/03"
    assert ["طريق أنس بن مالك، حي الملقا 13521، الرياض"] == _chains(text)
    assert [] == _chains("الدفعة في حي العليا 12211 اليوم")


def test_an_urdu_address_with_its_house_number_lane_and_city() -> None:
    text = "ہمارا دفتر مکان نمبر 27، گلی 4، ماڈل ٹاؤن، لاہور میں ہے"
    assert ["مکان نمبر 27، گلی 4، ماڈل ٹاؤن، لاہور"] == _chains(text)


def test_a_postcode_before_a_city_and_a_village_named_by_its_postcode() -> None:
    # Tunisia writes its four-digit postcode first; an Israeli seven-digit postcode names a
    # village the gazetteer may lack, and ends a CSV cell.
    assert ["٤٥ شارع الحبيب بورقيبة، الطابق الثاني، ١٠٠١ تونس"] == _chains(
        "قرطاج للتوزيع\n٤٥ شارع الحبيب بورقيبة، الطابق الثاني، ١٠٠١ تونس\nالهاتف"
    )
    assert ["רחוב 5 מס' 12, בית ג'ן 2499000"] == _chains(
        "וג'די זהר,בית ג'ן,רחוב 5 מס' 12, בית ג'ן 2499000,050-6624071"
    )
    assert ["רחוב בעלי המלאכה 9, אזור תעשייה, אופקים 8765511"] == _chains(
        "שלחתי: רחוב בעלי המלאכה 9, אזור תעשייה, אופקים 8765511"
    )


def test_common_words_before_seven_digits_are_not_a_village() -> None:
    assert [] == _chains("מספר הזמנה 2499000, סכום 1,500")


def test_a_bahraini_flat_building_road_block_chain_ends_in_its_area() -> None:
    assert ["شقة ٢٢، مبنى ١٤٥٨، طريق ٤٢٣١، مجمع ٣٤٢، الجفير"] == _chains(
        "العين المؤجرة: شقة ٢٢، مبنى ١٤٥٨، طريق ٤٢٣١، مجمع ٣٤٢، الجفير\nالإيجار: ٤٥٠ دينار"
    )
    assert [] == _chains("شقة 4، طابق 2، مبنى 12، سارة قالت")
