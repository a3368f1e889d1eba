"""News and what is not: a wire lead that gives the toll without a day and the next sentence
that tells the same incident's day and village (one event, on that day, at that village); an
act the story dated months back; a pattern of acts."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline import Extractor, make_article

PUBLISHED = dt.date(2024, 6, 15)  # a Saturday


@pytest.fixture(scope="module")
def geocoding_extractor() -> Extractor:
    return Extractor()


def test_the_retelling_gives_the_lead_its_day_and_village(geocoding_extractor):
    text = ("At least 17 people were killed when armed youth raided cattle camps in Tonj North "
            "County, officials said.\n\nThe raid took place early on Thursday at Alabek, the "
            "county commissioner said.")
    (e,) = geocoding_extractor.process(make_article(text, published=PUBLISHED)).events
    assert (e.event_date, e.time_precision, e.location, e.fatalities) == (
        "2024-06-13", 1, "Alabek", 17)


def test_a_day_only_inherited_by_the_retelling_is_not_its_own(extractor):
    # "The attack was repelled" tells no day: the lead's report day stands (the villages'
    # Sunday is another incident's)
    text = ("HOMS, March 6 (Levant Wire) - Government troops captured the village of Arak on "
            "Sunday, a military source said.\n\nMeanwhile, ISIS units attacked army positions "
            "near the T4 pumping station. The attack was repelled and 6 militants were killed, "
            "the source added.")
    found = extractor.process(make_article(text, published=dt.date(2017, 3, 6))).events
    (station,) = [e for e in found if e.sub_event_type == "Armed clash"]
    assert (station.event_date, station.time_precision) == ("2017-03-06", 2)


def test_an_act_dated_by_an_earlier_sentence_months_back_is_history(extractor):
    text = ("In August 2014, Islamic State fighters overran Sinjar. In Kocho alone, IS "
            "fighters executed several hundred men. On Tuesday, gunmen killed two shepherds "
            "near Sinjar, local officials said.")
    found = extractor.process(make_article(text, published=PUBLISHED)).events
    assert [(e.event_date, e.fatalities) for e in found] == [("2024-06-11", 2)]


@pytest.mark.parametrize("text", [
    "Turkish drones have repeatedly struck targets in Sinjar that Ankara says belong to the "
    "PKK.",
    "Police stations in Dera Ismail Khan have been attacked repeatedly with rifles and "
    "grenades.",
    "Looting of humanitarian supplies continues to be reported in Darfur and Kordofan.",
])
def test_a_pattern_of_acts_is_no_incident(extractor, text):
    assert extractor.process(make_article(text, published=PUBLISHED)).events == []


def test_an_incident_beside_a_pattern_still_is_one(extractor):
    (e,) = extractor.process(make_article(
        "Turkish drones struck a car in Sinjar on Monday, killing two PKK fighters, after "
        "repeatedly targeting the area.", published=PUBLISHED)).events
    assert e.sub_event_type == "Air/drone strike" and e.fatalities == 2


def test_a_quarters_toll_is_no_toll_of_the_fighting_told_next(extractor):
    found = extractor.process(make_article(
        "At least 1,200 people were killed in Myanmar in the first quarter of 2024, according "
        "to a local monitoring group. In Rakhine State, fighting spread to Buthidaung and "
        "Maungdaw townships on Tuesday.", published=PUBLISHED)).events
    assert found and all(e.fatalities == 0 for e in found)


def test_an_attack_on_a_convoy_borrows_no_side_from_the_bullet_before(extractor):
    text = ("• On 10 June, clashes between the SSPDF and the SPLA-IO were reported in Nasir, "
            "displacing about 2,000 people.\n• On 12 June, armed men attacked a humanitarian "
            "convoy near Gumuruk, wounding two drivers.")
    found = extractor.process(make_article(text, published=PUBLISHED, outlet="OCHA")).events
    (convoy,) = [e for e in found if e.event_date == "2024-06-12"]
    assert convoy.sub_event_type == "Attack" and convoy.actor2.startswith("Civilians")


def test_a_dated_bullet_does_not_take_the_place_of_the_bullet_before(extractor):
    text = ("• On 13 June, Israeli settlers attacked herders in Masafer Yatta, injuring two.\n"
            "• On 14 June, Israeli forces shot and killed a 17-year-old boy at the entrance of "
            "Beita.")
    found = extractor.process(make_article(text, published=PUBLISHED, outlet="OCHA")).events
    assert not [e for e in found if e.event_date == "2024-06-14" and
                e.location == "Masafer Yatta"]


def test_an_ambush_of_a_truck_is_an_attack_on_civilians(extractor):
    (e,) = extractor.process(make_article(
        "Gunmen ambushed a commercial truck near Kajo-Keji on Monday, killing the driver.",
        published=PUBLISHED)).events
    assert e.sub_event_type == "Attack" and e.actor2.startswith("Civilians")


@pytest.mark.parametrize("text, events", [
    ("Thousands of mourners marched through the streets of Jenin on Wednesday for the "
     "funerals of four Palestinians.", 0),
    ("Mourners chanting slogans against the army marched through Jenin on Wednesday.", 1),
])
def test_a_funeral_march_is_no_protest_unless_it_protests(extractor, text, events):
    assert len(extractor.process(make_article(text, published=PUBLISHED)).events) == events


@pytest.mark.parametrize("text, events", [
    ("A military court on Thursday sentenced two officers to death over the killing of more "
     "than 50 protesters in Khartoum last August.", 0),
    ("Gunmen killed a judge who had convicted two militants, in Peshawar on Thursday.", 1),
])
def test_a_trial_is_not_the_act_it_tries(extractor, text, events):
    assert len(extractor.process(make_article(text, published=PUBLISHED)).events) == events


def test_the_day_of_a_condemnation_is_no_day_of_the_act(extractor):
    (e,) = extractor.process(make_article(
        "Regional leaders on Friday condemned a suicide bombing at a market in Maiduguri that "
        "killed 12 people.", published=PUBLISHED)).events
    assert (e.event_date, e.time_precision) == ("2024-06-14", 2)  # on or before Friday


def test_the_next_paragraph_names_the_village_of_the_leads_province(geocoding_extractor):
    text = ("Armed youths killed at least 17 people in a raid on a village in South Sudan's "
            "Jonglei state early Thursday, local officials said.\n\nThe attackers struck the "
            "village of Pakeer, south of the state capital Bor.")
    (e,) = geocoding_extractor.process(make_article(text, published=PUBLISHED)).events
    assert (e.sub_event_type, e.fatalities, e.admin1) == ("Attack", 17, "Jonglei")
    assert e.location != "Jonglei"
    # a village with its own dead is an incident of its own, not the lead's
    text = ("Gunmen killed 17 people in raids in South Sudan's Jonglei state early Thursday, "
            "officials said. The attackers struck the village of Pakeer, killing four more.")
    events = geocoding_extractor.process(make_article(text, published=PUBLISHED)).events
    assert len(events) == 2


def test_a_village_the_gazetteer_lacks_beats_the_headlines_province(geocoding_extractor):
    text = ("Gunmen Abduct Dozens of Students in Nigeria's Kaduna State\n\nGunmen abducted at "
            "least 137 pupils from a school in the town of Kurigawa in northwestern Nigeria's "
            "Kaduna state on Thursday morning, officials said.")
    (e,) = geocoding_extractor.process(make_article(text, published=PUBLISHED)).events
    assert (e.location, e.admin1, e.geo_precision) == ("Kurigawa", "Kaduna State", 3)
