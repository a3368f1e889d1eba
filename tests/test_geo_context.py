"""Context rules of the geocoder: the area a sentence names beats a far transliteration, short
names need an exact key, "X Governorate" is the division, "near X" is the town, and what the
recogniser must not take for a place (people, outlets, acronyms, all-caps headings)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile
from functools import lru_cache
from pathlib import Path

from frontwatch.geo import Gazetteer, Geocoder
from frontwatch.geo.index import Layers, build_index
from frontwatch.geo.names import base_key, division_short_names, name_key, short_key
from frontwatch.model import Article
from geo_support import GEO_FIXTURES, mention_for, place_mention

KOBANI, HISH, DEIR_EZ_ZOR, BAGHUZ, MARIB_TOWN = 172256, 910005, 170794, 910008, 910011


@lru_cache(maxsize=1)
def geo() -> Geocoder:
    layers = Layers(embedded=False, gazetteer_dir=GEO_FIXTURES / "context")
    path = Path(tempfile.mkdtemp(prefix="frontwatch-geo-ctx-")) / "gazetteer.sqlite"
    build_index(layers, path)
    return Geocoder(Gazetteer(path))


def geocode(text: str, sentence: str, *places):
    art = Article(id="a", text=text, published=dt.date(2019, 5, 21))
    m = mention_for(art, sentence, *[place_mention(art, *p[:2], **(p[2] if len(p) > 2 else {}))
                                     for p in places])
    geo().geocode_mentions(art, [m])
    return m.place


def found(text: str) -> list[str]:
    return [p.text for p in geo().find_toponyms(text)]


# --- 1. a transliteration far from the area the sentence names loses -------------------------
def test_far_transliteration_loses_to_the_named_area():
    s = "A shell hit the village of Kabani in the Latakia mountains on Sunday."
    text = "LATAKIA, Syria, May 21 (Levant Wire) - " + s
    place = geocode(text, s, ("Kabani", "at"), ("Latakia mountains", "at"))
    assert place is not None and place.geonameid != KOBANI
    assert place.admin1 == "Latakia" and place.geo_precision in (2, 3)
    assert place.written == "Kabani"


def test_area_first_then_unknown_village_keeps_the_village_name():
    s = "Rebels clashed on the Kabani front in the Latakia mountains."
    place = geocode(s, s, ("Latakia mountains", "at"), ("Kabani", "at"))
    assert place is not None and place.geonameid != KOBANI
    assert place.admin1 == "Latakia" and place.written == "Kabani"


def test_recogniser_reads_mountains_as_the_province():
    mentions = geo().find_toponyms("hit the village of Kabani in the Latakia mountains")
    latakia = next(p for p in mentions if p.text == "Latakia")
    assert latakia.role == "region" and latakia.admin_hint == "Latakia"


# --- 2. short names need an exact key ---------------------------------------------------------
def test_short_names_do_not_loosely_match_other_short_names():
    assert all(c.id != HISH for c in geo().gazetteer.candidates("Hass"))
    assert short_key(name_key("Hamah")) == short_key(name_key("Hama"))
    assert short_key("hass") != short_key("hish")


def test_unknown_short_village_falls_back_to_its_province():
    s = ("Russian warplanes struck the villages of Kafr Nabl, Hass and Maarat Hurma in "
         "southern Idlib.")
    place = geocode(s, s, ("Hass", "at"), ("Idlib", "region", {"admin_hint": "Idlib"}))
    assert place is not None and place.geonameid != HISH
    assert place.admin1 == "Idlib" and place.geo_precision == 2 and place.written == "Hass"


# --- 3. "X Governorate" is the division ------------------------------------------------------
def test_governorate_names_resolve_to_the_division():
    assert division_short_names("Abyan Governorate") == ["Abyan"]
    assert division_short_names("Eastern Province") == []
    for sentence, written in [
        ("A strike killed two AQAP operatives in the Abyan Governorate near the coast.",
         "Abyan Governorate"),
        ("A strike killed two AQAP operatives in the Marib Governorate.", "Marib Governorate"),
        ("One strike killed an AQAP operative in the al-Baydah Governorate.",
         "al-Baydah Governorate"),
    ]:
        place = geocode(sentence + " Yemen", sentence, (written, "at"))
        assert place is not None and place.feature_code == "ADM1", written
        assert place.geo_precision == 3 and place.country == "Yemen"
        assert place.geonameid != MARIB_TOWN
    place = geocode("Clashes in Abyan, Yemen.", "Clashes in Abyan, Yemen.", ("Abyan", "at"))
    assert place.name == "Abyan" and place.admin1 == "Abyan Governorate"


# --- 4. city or governorate of the same name ---------------------------------------------------
def test_near_a_city_named_like_its_governorate_is_the_city():
    s = "-- Near Dayr Az Zawr, 11 strikes destroyed 20 oil tanker trucks."
    place = geocode("Strikes in Syria\n" + s, s, ("Dayr Az Zawr", "near"))
    assert place.geonameid == DEIR_EZ_ZOR and place.geo_precision == 2
    assert found(s) == ["Dayr Az Zawr"]


def test_province_word_makes_the_governorate_and_bare_name_the_city():
    s = "Fighting raged in Deir ez-Zor province, Syria."
    place = geocode(s, s, ("Deir ez-Zor", "at"))
    assert place.feature_code == "ADM1" and place.geo_precision == 3
    ranked = geo().resolve("Deir ez-Zor")
    assert ranked[0].id == DEIR_EZ_ZOR


# --- 5. what is no place --------------------------------------------------------------------
def test_people_outlets_acronyms_and_headings_are_not_places():
    assert found("said Army Maj. Michael N. Meyer, a spokesman") == []
    assert found("said Maj. Gen. Patrick Roberson in Idlib") == ["Idlib"]
    assert found("The SAC continues to hold their defensive line.") == []
    assert found("DEIR EZZOR, Syria, Feb. 11 (Levant Wire) - Fighting") == ["DEIR EZZOR", "Syria"]
    assert "Levant Wire" not in found("a military source told Levant Wire.")
    assert found("FOR IMMEDIATE RELEASE: SOUTHWEST ASIA — Since the start") == []
    assert found("the Alleged Civilian Mass Casualty Incident") == []
    assert "Sacramento" not in found("SDF spokesman Mustafa Bali said the advance")


def test_junk_places_from_the_extractor_are_dropped():
    s = "Strikes put pressure on the network, said Army Maj. Michael N. Meyer in Yemen."
    place = geocode(s, s, ("Michael", "at"), ("Yemen", "region"))
    assert place is not None and place.country == "Yemen"


# --- 6. a village known by its name without qualifier -----------------------------------------
def test_village_without_its_qualifier():
    assert base_key(name_key("Al Bāghūz al Fawqānī")) == "baghuz"
    s = "Fighting on the edge of the village of Baghouz, the militants' last pocket."
    place = geocode("DEIR EZZOR, Syria - " + s, s, ("Baghouz", "near"))
    assert place.geonameid == BAGHUZ and place.geo_precision == 2


# --- 7. ranking returns scored copies ------------------------------------------------------
def test_with_score_matches_dataclasses_replace():
    c = geo().gazetteer.candidates("Latakia")[0]
    assert c.with_score(1.5) == dataclasses.replace(c, score=1.5)
