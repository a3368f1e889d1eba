"""geocode_mentions: the right place with ACLED precision, never a far namesake."""

from __future__ import annotations

import datetime as dt

from frontwatch.geo.resolve import distance_km, offset_point
from frontwatch.model import Article
from geo_support import mention_for, place_mention, small_geocoder

TEXT = (
    "On Saturday, Tiger Forces carried out an air landing at the administrative border between "
    "Homs and Raqqah provinces. "
    "Troops were flown to the eastern Raqqah countryside and liberated Khirbet Makman village, "
    "Al-Qadir town and Bir Rahum. "
    "Meanwhile, the SAA continued pressuring ISIS in the town of Maadan near the Euphrates. "
    "In the province of Homs, ISIS conducted raids near Sukhna and at the Shaer fields. "
    "Amaq claimed shelling near al-Bwair village east of Tal-Afar town in Iraq."
)


def article(text=TEXT):
    return Article(id="a1", text=text, published=dt.date(2017, 8, 14))


def geocode(art, sentence, *places, with_csv=True):
    m = mention_for(art, sentence, *places)
    small_geocoder(with_csv).geocode_mentions(art, [m])
    return m.place


def test_town_named_in_the_text_is_exact():
    art = article()
    s = "Meanwhile, the SAA continued pressuring ISIS in the town of Maadan near the Euphrates."
    place = geocode(art, s, place_mention(art, "Maadan"))
    assert place.geonameid == 900002 and place.geo_precision == 1
    assert (place.country, place.admin1) == ("Syria", "Ar-Raqqah")
    assert place.written == "Maadan" and art.text[place.start:place.end] == "Maadan"


def test_near_a_town_is_precision_two():
    art = article()
    s = "In the province of Homs, ISIS conducted raids near Sukhna and at the Shaer fields."
    place = geocode(art, s, place_mention(art, "Sukhna", "near"))
    assert place.name == "As Sukhnah" and place.geo_precision == 2
    assert place.admin1 == "Homs"


def test_unknown_village_is_not_a_far_namesake():
    art = article()
    s = ("Troops were flown to the eastern Raqqah countryside and liberated Khirbet Makman "
         "village, Al-Qadir town and Bir Rahum.")
    # Without the local CSV: "Khirbet Makman" must not become "Al Makman" (far away).
    place = geocode(art, s, place_mention(art, "Khirbet Makman"), with_csv=False)
    assert place is None or place.geonameid != 900003
    assert place is not None and place.geo_precision in (2, 3)


def test_local_csv_layer_places_the_village():
    art = article()
    s = ("Troops were flown to the eastern Raqqah countryside and liberated Khirbet Makman "
         "village, Al-Qadir town and Bir Rahum.")
    place = geocode(art, s, place_mention(art, "Al-Qadir"))
    assert place.name == "Al-Qadir" and place.geo_precision == 1 and place.geonameid is None


def test_village_east_of_anchor_falls_back_to_anchor():
    art = article()
    s = "Amaq claimed shelling near al-Bwair village east of Tal-Afar town in Iraq."
    place = geocode(art, s, place_mention(art, "al-Bwair", "near", anchor="Tal-Afar"))
    # Syria's Al Buwayr is not it; the event is near Tal Afar.
    assert place.geonameid == 90393 and place.geo_precision == 2
    assert place.country == "Iraq" and place.admin1 == "Nineveh"


def test_offset_uses_its_anchor_with_precision_two():
    text = "A convoy was hit 40 km east of Tal Afar on Monday."
    art = article(text)
    pm = small_geocoder().find_toponyms(text)[0]
    place = geocode(art, text, pm)
    assert place.geonameid == 90393 and place.geo_precision == 2


def test_province_only_is_precision_three():
    text = "Shelling hit villages in southern Hama on Friday."
    art = article(text)
    place = geocode(art, text, place_mention(art, "Hama", "region", admin_hint="Hama"))
    assert place.geo_precision == 3 and place.feature_code == "ADM1" and place.admin1 == "Hama"


def test_mention_without_places_takes_the_nearest_before_it():
    text = "Fighting raged in Deir Ezzor. Five soldiers were killed."
    art = article(text)
    m = mention_for(art, "Five soldiers were killed.")
    small_geocoder().geocode_mentions(art, [m])
    assert m.place is not None and m.place.name == "Deir ez-Zor" and m.place.geo_precision == 2


def test_resolve_ranks_with_context():
    from frontwatch.geo import GeoContext

    geo = small_geocoder()
    ranked = geo.resolve("Buwayr", GeoContext(countries={"SY": 1.0}))
    assert ranked[0].id == 900005 and ranked[0].score > 0


def test_geometry():
    assert round(distance_km(34.72682, 36.72339, 35.13, 36.75)) == 45
    lat, lon = offset_point(36.379, 42.448, 40, "east")
    assert round(distance_km(36.379, 42.448, lat, lon)) == 40 and lon > 42.448


def test_unknown_place_in_a_province_takes_a_town_of_its_sentence():
    text = "In the province of Homs, ISIS conducted raids near Sukhna, in the area of Humaimah."
    art = article(text)
    place = geocode(art, text, place_mention(art, "Humaimah", "near"),
                    place_mention(art, "Homs", "region", after=3, admin_hint="Homs"))
    assert place.name == "As Sukhnah" and place.geo_precision == 2
    assert place.written == "Humaimah"
