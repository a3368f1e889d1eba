"""One event per means of violence a sentence lists side by side (ACLED: one per sub-type)."""

from __future__ import annotations

import datetime as dt

import pytest

from extract_support import events_of
from frontwatch.extraction.means import listed_means

SHELL, AIR, CLASH = "Shelling/artillery/missile attack", "Air/drone strike", "Armed clash"


@pytest.mark.parametrize(("text", "means"), [
    ("Intense artillery shelling and airstrikes in At Tuhayat continue.", [SHELL, AIR]),
    ("The RSF launched artillery, drone and ground attacks on Zamzam camp.", [SHELL, AIR]),
    ("Military clashes, including airstrikes, continued in Alishang.", [CLASH, AIR]),
    ("Clearing operations supported by frequent airstrikes and fighting went on.", [AIR, CLASH]),
    ("Gunmen raided the village, killing 15 people and kidnapping 8 others.",
     ["Attack", "Abduction/forced disappearance"]),
    ("Three people were killed by an IED explosion and rocket attack in Hilmand.",
     ["Remote explosive/landmine/IED", SHELL]),
])
def test_means_listed_side_by_side(text, means):
    assert listed_means(text) == means


@pytest.mark.parametrize("text", [
    "Fighters with rocket-propelled grenades and machine guns clashed with soldiers.",
    "Soldiers shot down two drones after clashes with rebels near Kidal.",
    "Airstrikes hit the town on Monday. Residents said shelling resumed later.",
    "The army said fighting had ended, days after the airstrike that killed the commander "
    "in the hills north of the town.",
])
def test_one_means_or_means_apart_are_no_list(text):
    assert listed_means(text) == []


def test_each_means_is_its_own_event(extractor):
    text = "On 12 July, intense artillery shelling and airstrikes hit Zabid district, Yemen."
    events = events_of(extractor, text, dt.date(2018, 7, 13))
    assert sorted(e.sub_event_type for e in events) == [AIR, SHELL]


def test_the_toll_stays_with_the_act_the_sentence_tells(extractor):
    text = ("On Thursday, gunmen attacked Gakara village in Bubanza province, killing 15 "
            "people and kidnapping 8 others.")
    events = events_of(extractor, text, dt.date(2017, 8, 26))
    by_type = {e.sub_event_type: e for e in events}
    assert set(by_type) == {"Attack", "Abduction/forced disappearance"}
    assert by_type["Attack"].fatalities == 15
    assert by_type["Abduction/forced disappearance"].fatalities == 0
