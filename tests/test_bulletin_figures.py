"""Tolls as military communiques word them (issue 12): a rival account with no figure read is
merged but not seen as disagreeing. Sentences of their own, not the rivals corpus's."""

from __future__ import annotations

import datetime as dt

from extract_support import events_of
from frontwatch.model import Event

MONDAY = dt.date(2024, 5, 6)


def events(extractor, text: str) -> list[Event]:
    return events_of(extractor, text, MONDAY)


def test_the_loss_of_soldiers_is_the_incidents_toll(extractor):
    (e,) = events(extractor, "On Sunday, army units repelled an attack by terrorists on the "
                             "garrison of Arbinda. The army deplores the loss of 7 soldiers.")
    assert e.fatalities == 7


def test_the_loss_of_a_town_is_no_toll(extractor):
    for e in events(extractor, "Terrorists attacked Arbinda on Sunday. The army denied the loss "
                               "of the town."):
        assert e.fatalities == 0


def test_what_a_riposte_made_possible(extractor):
    (e,) = events(extractor, "On Sunday, army units repelled an attack by terrorists on the "
                             "garrison of Arbinda. The riposte made it possible to neutralise "
                             "more than 40 terrorists.")
    assert e.fatalities >= 40


def test_a_result_still_hoped_for_is_no_toll(extractor):
    for e in events(extractor, "The reinforcements will make it possible to neutralise 40 "
                               "terrorists around Arbinda, the minister said."):
        assert e.fatalities == 0


def test_people_destroyed_along_with_materiel(extractor):
    (e,) = events(extractor, "Russian missiles struck a training centre in Ochakiv on Sunday, "
                             "where hangars were destroyed along with up to 30 foreign "
                             "instructors, the ministry said.")
    assert e.fatalities == 30



def test_fighters_destroyed_in_a_sentence_of_their_own(extractor):
    # "destroyed" said of fighters is a bulletin's killing, and the toll joins the strike
    (e,) = events(extractor, "Russian missiles struck a training centre in Ochakiv on Sunday. "
                             "Hangars and boats were destroyed, along with up to 25 foreign "
                             "mercenaries.")
    assert e.fatalities == 25


def test_materiel_destroyed_is_no_killing(extractor):
    for e in events(extractor, "Artillery units destroyed two tanks and a fuel depot near "
                               "Robotyne on Sunday, the ministry said."):
        assert e.fatalities == 0


def test_fighters_hit_in_a_bulletin_are_its_toll(extractor):
    (e,) = events(extractor, "On Sunday evening attack drones struck a deployment point of a "
                             "brigade in Huliaipole, the ministry said. Up to 35 servicemen of "
                             "the brigade were hit.")
    assert e.fatalities == 35


def test_people_hit_by_shrapnel_or_civilians_hit_are_no_deaths(extractor):
    for text in ("Shelling struck Huliaipole on Sunday. Three soldiers were hit by shrapnel.",
                 "Shelling struck Huliaipole on Sunday and three civilians were hit."):
        for e in events(extractor, text):
            assert e.fatalities == 0, text


def test_the_loss_of_aircraft_is_no_event(extractor):
    assert events(extractor, "The army confirmed the loss of 2 helicopters near Arbinda on "
                             "Sunday.") == []


def test_fighters_hit_and_wounded_are_no_deaths(extractor):
    for text in ("Two soldiers were hit and wounded by sniper fire near Arbinda on Sunday.",
                 "Militants attacked a checkpoint near Arbinda on Sunday. Four soldiers were "
                 "hit and evacuated to hospital."):
        for e in events(extractor, text):
            assert e.fatalities == 0, text
