"""Datelines: where a story was filed, not what it tells (wire datelines and the bracketed
datelines of rights groups' and agencies' releases); nor where attackers came from, nor the
country across a border."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.extraction.background import dateline_spans
from frontwatch.extraction.countries import country_hits
from frontwatch.geo.toponyms import in_dateline, in_release_dateline
from frontwatch.pipeline import Extractor, make_article


@pytest.fixture(scope="module")
def geo_extractor() -> Extractor:
    return Extractor()


@pytest.mark.parametrize("text", [
    "(Nairobi, February 25, 2020) - Government forces killed",
    "(Washington, DC, March 3, 2022) – Russian forces shelled",
    "(Geneva, 12 May 2023) – The",
    "(Beirut, June 10, 2023) - Syrian government forces",
])
def test_a_release_dateline_is_a_dateline(text):
    ((start, end),) = dateline_spans(text)
    assert start == 0 and text[end - 2 : end].strip() in ("-", "–", "")
    assert in_release_dateline(text, 1) and in_dateline(text, 1)
    assert not in_release_dateline(text, end + 1)


def test_a_bracket_that_is_no_dateline_is_text():
    text = "(Reuters) - Gunmen killed five people."
    assert dateline_spans(text) == []
    assert not in_release_dateline(text, 1)


def test_a_release_datelines_city_names_no_country():
    text = "(Nairobi, June 12, 2024) - Fighting in Sudan killed 12 people."
    assert [c for _, c in country_hits(text)] == ["Sudan"]
    # a wire dateline in the story's own country still tells it
    assert "Iraq" in [c for _, c in country_hits("Baghdad, Iraq (Reuters) - A bomb exploded.")]


def test_the_sides_of_a_sentence_behind_a_wire_dateline(extractor):
    # parsed with the dateline, the forces were an apposition of "(Reuters)" and the victims
    (e,) = extractor.process(make_article(
        "NAIROBI, Feb 25 (Reuters) - Government forces killed at least 21 civilians in "
        "Ngarbuh, Cameroon, on February 14, 2020.", published=dt.date(2020, 2, 25))).events
    assert e.actor1.startswith("Military Forces of Cameroon")
    assert e.actor2 == "Civilians (Cameroon)"


def test_a_release_is_dated_and_placed_by_what_it_tells(geo_extractor):
    text = ("(Nairobi, June 12, 2024) - The Rapid Support Forces (RSF) killed at least 100 people "
            "in an attack on Wad al-Nourah village in Gezira state on June 5, 2024, Human Rights "
            "Watch said today.")
    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 12))).events
    assert str(e.event_date) == "2024-06-05"
    assert e.country == "Sudan"
    assert e.actor2 == "Civilians (Sudan)"
    assert e.location != "Nairobi"


def test_a_dateline_of_two_cities_is_a_dateline():
    text = "YEREVAN/BAKU (Reuters) - Ethnic Armenian forces agreed on Wednesday to disarm."
    ((_, end),) = dateline_spans(text)
    assert text[end:].startswith("Ethnic")
    assert in_dateline(text, text.index("BAKU"))


@pytest.mark.parametrize("text", [
    "SRINAGAR: Two militants were killed in an encounter in Kulgam on Friday, police said.",
    "Maiduguri — Gunmen killed 12 farmers in Gwoza on Thursday, police said.",
])
def test_a_city_before_a_colon_or_a_long_dash_is_a_dateline(text):
    ((_, end),) = dateline_spans(text)
    assert text[end:].startswith(("Two", "Gunmen"))


def test_a_kicker_in_capitals_is_no_dateline():
    assert dateline_spans("UPDATE: Gunmen killed 12 farmers in Gwoza.") == []


def test_a_region_named_after_a_country_names_no_country():
    hits = country_hits("Bandits killed 10 in Kuta, Niger State, and rebels in the Niger "
                        "Delta; fighting in northern Shan State.")
    assert [c for _, c in hits] == ["Myanmar"]


def test_the_place_after_a_framing_region_is_the_acts(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Meanwhile in Katsina State, bandits killed 12 villagers in Faskari on Thursday.",
        published=dt.date(2024, 5, 10))).events
    assert e.location == "Faskari"


def test_an_arrest_of_a_politician_by_an_unnamed_service_is_the_states(extractor):
    (e,) = extractor.process(make_article(
        "The National Intelligence Agency arrested opposition MP Salomon Kalonda in "
        "Kinshasa, DR Congo, on Sunday.", published=dt.date(2024, 2, 12))).events
    assert e.sub_event_type == "Arrests"
    assert e.actor1.startswith("Police Forces of")


@pytest.mark.parametrize("kind", ["Local Government Area", "LGA", "local government area"])
def test_a_nigerian_districts_name_is_without_its_kind(geo_extractor, kind):
    (e,) = geo_extractor.process(make_article(
        f"Gunmen killed 12 people in Gidan Jaja village of Zurmi {kind} of Zamfara State on "
        "Thursday.", published=dt.date(2024, 5, 10))).events
    assert e.admin2 == "Zurmi"


def test_a_persons_home_is_not_where_it_happened(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Gunmen abducted a trader from Kano in Kaduna on Sunday.",
        published=dt.date(2024, 4, 22))).events
    assert e.location == "Kaduna"
    (e,) = geo_extractor.process(make_article(
        "Gunmen killed five farmers from Kukawa on Sunday.", published=dt.date(2024, 4, 22))).events
    assert e.location == "Kukawa"  # named alone, their home is all the text gives


@pytest.mark.parametrize("text, place", [
    ("BOGOTÁ — Gunmen shot dead a social leader in Tierralta on Wednesday night, local "
     "officials said.", "Tierralta"),
    ("CULIACÁN, June 12 (Reuters) - Gunmen killed six men in Navolato on Tuesday, police "
     "said.", "Navolato"),
])
def test_a_dateline_in_accented_capitals_is_a_dateline(geo_extractor, text, place):
    assert dateline_spans(text) and in_dateline(text, 1)
    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 15))).events
    assert e.location == place


@pytest.mark.parametrize("text", [
    "A drone struck a car near the border with Turkey in the town of Darbasiyah.",
    "Fighters coming from Burkina Faso attacked an army post.",
    "Shelling hit Vovchansk near the Russian border.",
])
def test_a_country_across_a_border_or_left_behind_is_not_named_here(text):
    assert country_hits(text) == []


def test_where_attackers_travelled_from_is_not_where_they_attacked(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Militants who had travelled from Jilib attacked a police station in Afgoye on "
        "Monday.", published=dt.date(2024, 6, 15))).events
    assert e.location == "Afgooye"


@pytest.mark.parametrize("text, city", [
    ("Gunmen shot dead two traders in Mogadishu's Hodan district on Monday.", "Mogadishu"),
    ("A bomb killed four people in the Gwange area of Maiduguri on Monday.", "Maiduguri"),
])
def test_a_quarter_the_gazetteer_lacks_is_placed_at_its_city(geo_extractor, text, city):
    from frontwatch.geodesy import haversine_km

    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 15))).events
    (home,) = geo_extractor.geocoder.resolve(city, None)[:1] or [None]
    assert e.latitude is not None and e.geo_precision == 2
    assert haversine_km(e.latitude, e.longitude, home.latitude, home.longitude) < 25


@pytest.mark.parametrize("text, place", [
    ("- In Daraa countryside, unidentified gunmen shot dead a former rebel commander in the "
     "town of Jasim on Monday.", "Jāsim"),
    ("In the occupied West Bank, Israeli forces killed two Palestinians in Balata camp in "
     "Nablus on Monday.", "Balata camp"),
])
def test_a_bulleted_or_qualified_frame_gives_way_to_the_acts_place(geo_extractor, text, place):
    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 15))).events
    assert e.location == place


def test_a_town_named_first_as_what_befell_it_is_its_place(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Djibo came under attack on Sunday, and at least 20 soldiers were killed, the army "
        "said.", published=dt.date(2024, 6, 15))).events
    assert e.location == "Djibo" and e.latitude is not None


@pytest.mark.parametrize("text, place", [
    ("An army spokesman told journalists in Abuja that troops killed 12 insurgents at Gwoza "
     "on Sunday.", "Gwoza"),
    ("Speaking to reporters in Mogadishu, the regional governor said al-Shabaab fighters "
     "attacked a base in Bulo Burde on Sunday.", "Bulo Burde"),
    ("The junta said in a statement from Naypyitaw that troops recaptured Lashio on Sunday.",
     "Lashio"),
])
def test_where_a_source_spoke_is_not_where_the_act_was(geo_extractor, text, place):
    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 15))).events
    assert e.location == place


def test_a_checkpoint_named_for_a_place_is_at_it(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Israeli forces shot dead a Palestinian man at the Huwara checkpoint south of Nablus on "
        "Monday.", published=dt.date(2024, 6, 15))).events
    assert e.location == "Huwara"


def test_a_missions_release_dateline_in_title_case(geo_extractor):
    text = ("Kinshasa, 14 June 2024 - MONUSCO strongly condemns the attack by CODECO militiamen "
            "on a displacement site in Djugu territory on the night of 11 June, which killed 12 "
            "civilians.")
    assert dateline_spans(text)
    (e,) = geo_extractor.process(make_article(text, published=dt.date(2024, 6, 15))).events
    assert (e.event_date, e.location) == ("2024-06-11", "Djugu")


def test_a_place_named_with_and_is_one_place(geo_extractor):
    (e,) = geo_extractor.process(make_article(
        "Gunmen killed nine pilgrims in Reasi, Jammu and Kashmir, on Sunday, police said.",
        published=dt.date(2024, 6, 15))).events
    assert e.fatalities == 9 and e.country == "India"


@pytest.mark.parametrize("text, country", [
    ("Police clashed with gangs in Guayaquil.", "Ecuador"),
    ("Gunmen attacked a village in Yahukimo.", "Indonesia"),
    ("Riots broke out in the National Capital District of Papua New Guinea.", None),
])
def test_more_countries_named_by_their_places(text, country):
    named = {c for _, c in country_hits(text)}
    assert (country in named) if country else "Indonesia" not in named
