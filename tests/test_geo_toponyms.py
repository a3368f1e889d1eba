"""The NER-free recogniser: cue words give roles, the gazetteer vouches for bare names."""

from __future__ import annotations

from geo_support import small_geocoder


def found(text):
    return [(m.text, m.role) for m in small_geocoder().find_toponyms(text)]


def test_offsets_from_an_anchor():
    [m] = small_geocoder().find_toponyms("Clashes erupted 40 km east of Tal Afar on Monday.")
    assert (m.role, m.offset_km, m.direction, m.anchor) == ("offset", 40.0, "east", "Tal Afar")
    assert m.text == "40 km east of Tal Afar"


def test_village_east_of_anchor():
    text = "shelling near al-Bwair village east of Tal-Afar town"
    mentions = small_geocoder().find_toponyms(text)
    bwair = next(m for m in mentions if m.text == "al-Bwair")
    assert bwair.anchor == "Tal-Afar" and bwair.direction == "east"
    assert bwair.role == "near"


def test_cue_words_and_roles():
    assert ("Khirbet Makman", "at") in found("They liberated Khirbet Makman village.")
    assert ("Maadan", "at") in found("pressuring ISIS in the town of Maadan near the river")
    assert ("Sukhna", "near") in found("ISIS conducted raids near Sukhna on Friday.")
    assert ("Raqqah", "countryside") in found("flown to the eastern Raqqah countryside")
    assert ("Hama", "region") in found("Shelling hit villages in southern Hama.")
    assert ("Shaer fields", "at") in found("ISIS attacked at the Shaer fields.")
    [homs] = small_geocoder().find_toponyms("In the province of Homs, ISIS raided posts.")
    assert (homs.text, homs.role, homs.admin_hint) == ("Homs", "region", "Homs")


def test_lists_after_a_cue():
    text = "troops liberated Khirbet Makman village, Al-Qadir town and Bir Rahum."
    assert [t for t, _ in found(text)] == ["Khirbet Makman", "Al-Qadir", "Bir Rahum"]
    assert [t for t, _ in found("ISIS attacked near Ghanim Ali and al-Kadir.")] == [
        "Ghanim Ali", "al-Kadir"]


def test_names_listed_before_a_plural_kind():
    text = ("fighting was reported in Charkhab, Zalakhan and Shekh Qalandar areas of the "
            "district.")
    assert [(t, r) for t, r in found(text) if t != "Shekh Qalandar"] == [
        ("Charkhab", "near"), ("Zalakhan", "near")]
    # a single name before the kind is no list: nothing new is vouched for
    assert ("Zalakhan", "near") not in found("people fled from Zalakhan areas.")


def test_lists_go_on_past_a_kind_word_and_as_well_as():
    # (after a word that says what the first name is: "in X" alone vouches only for names the
    # gazetteer knows)
    text = "clashes in the town of Arghandab, Charkhab village as well as the Pashmol area."
    names = [t for t, _ in found(text)]
    assert names[:3] == ["Arghandab", "Charkhab", "Pashmol"]


def test_common_words_are_not_places():
    text = "On Sunday, according to Amaq, Of the fighters many fled. Near the end it stopped."
    assert found(text) == []


def test_bare_known_names_and_organisations():
    assert ("Aleppo", "at") in found("Fighting in Aleppo and Mosul continued.")
    assert ("Mosul", "at") in found("Fighting in Aleppo and Mosul continued.")
    # Part of an organisation's name: only a country or province inside it counts.
    assert found("The Syrian Ministry of Defense said.") == []


def test_offsets_point_into_the_text():
    text = "Later, 12 miles north of Mosul, a convoy was hit."
    [m] = small_geocoder().find_toponyms(text)
    assert text[m.start:m.end] == m.text
    assert round(m.offset_km) == 19


def test_offset_without_direction():
    text = "Troops are now deployed about 40 km from the recently liberated town of Sukhna."
    [m] = small_geocoder().find_toponyms(text)
    assert (m.role, m.offset_km, m.direction, m.anchor) == ("offset", 40.0, None, "Sukhna")


def test_a_part_of_a_city_is_the_place_named_by_its_city():
    """'The Jabal Awliya locality of Khartoum', 'the Kyivskyi district of Kharkiv': the part
    is where the act was, and lies by its city (a namesake elsewhere is not it); a locality
    named alone is a region, as a district is."""
    [part, city] = small_geocoder().find_toponyms(
        "Shells landed on a market in the Jabal Awliya locality of Khartoum.")
    assert (part.text, part.role, part.anchor) == ("Jabal Awliya", "at", "Khartoum")
    assert (city.text, city.role) == ("Khartoum", "region")
    [part, _] = small_geocoder().find_toponyms(
        "A missile hit the Shevchenkivskyi district of the city of Kharkiv.")
    assert (part.text, part.anchor) == ("Shevchenkivskyi", "Kharkiv")
    assert ("Um Bada", "region") in found("Fighting raged in Um Bada locality on Friday.")
    # a district of a province is a division, not a part of a town
    assert all(m.anchor is None for m in small_geocoder().find_toponyms(
        "Clashes erupted in the Tadmur district of Homs province."))


def test_a_sector_of_the_front_is_not_where_the_act_was():
    """Bulletins name front sectors for towns ('in the Kharkiv direction'): the place of the
    attacks is the one named with them ('near Vovchansk')."""
    places = found("In the Homs direction the enemy attacked twice near Palmyra on Monday.")
    assert ("Homs", "region") in places and ("Palmyra", "near") in places


def test_a_language_or_a_holder_is_no_part_of_a_place():
    assert found("an uneasy calm in Syria's French-speaking towns") == [("Syria", "at")]
    assert ("Raqqah", "at") in found("fighting in the Kurdish-held town of Raqqah")
    assert all("speaking" not in t for t, _ in found("in the English-speaking regions"))


def test_a_name_that_speaks_is_a_persons_not_a_place_before_its_source():
    from frontwatch.geo.toponyms import person_context

    text = "The strike hit Dillon, a town in Montana. Dillon said the army had left."
    at = text.rindex("Dillon")
    assert person_context(text, at, at + len("Dillon"))
    for text in ("Gunmen killed 20 people in Chibok, according to police.",
                 "Gunmen killed 20 people in Chibok, said a police officer."):
        at = text.index("Chibok")
        assert not person_context(text, at, at + len("Chibok"))


def test_a_place_held_by_a_side_and_a_township_by_its_name():
    from frontwatch.geo.geocoder import Geocoder

    finder = Geocoder.default()
    for text, name in [("Government forces shelled rebel-held Ariha on Sunday.", "Ariha"),
                       ("Clashes erupted in government-controlled Aleppo on Sunday.", "Aleppo"),
                       ("Rebels seized Paletwa township on Sunday.", "Paletwa")]:
        assert [p.text for p in finder.find_toponyms(text)] == [name], text
