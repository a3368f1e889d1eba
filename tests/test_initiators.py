"""Who opened a fight (docs/coding.md: the initiator first): an attack that was repelled is its
author's, a subject that launched attacks made them; counts of forces are people."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline import make_article

MONDAY = dt.date(2020, 6, 29)


def clash(extractor, text: str):
    events = [e for e in extractor.process(make_article(text, published=MONDAY)).events
              if e.sub_event_type == "Armed clash"]
    assert len(events) == 1, [(e.sub_event_type, e.actor1, e.actor2) for e in events]
    return events[0]


@pytest.mark.parametrize("text, attacker, defender", [
    ("Nigerian troops repelled a Boko Haram attack on Maiduguri on Sunday.",
     "Boko Haram", "Military Forces of Nigeria"),
    ("Iraqi Security Forces defeated four separate ISIL attacks in Anbar on Sunday.",
     "Islamic State", "Military Forces of Iraq"),
    ("An attempt by 20 Islamic State fighters to attack al Asad Air Base in Iraq was "
     "repulsed by Iraqi security forces on Sunday.", "Islamic State", "Military Forces of Iraq"),
    ("Kurdish fighters repulsed an Islamic State offensive on Kobani on Sunday.",
     "Islamic State", "YPG"),
    ("Ukrainian forces repelled Russian assaults near Bakhmut on Sunday.",
     "Military Forces of Russia", "Military Forces of Ukraine"),
    ("Iraqi forces repelled several coordinated attacks in the Tigris River Valley on Sunday.",
     "Unidentified Armed Group", "Military Forces of Iraq"),
])
def test_a_repelled_attack_is_its_authors(extractor, text, attacker, defender):
    e = clash(extractor, text)
    assert e.actor1.startswith(attacker)
    assert e.actor2.startswith(defender)


def test_the_side_that_repelled_fighters_it_met_is_told_first(extractor):
    # no attack of theirs is named: the subject fought them
    e = clash(extractor, "Syrian troops repelled ISIS militants near Deir Ezzor on Sunday.")
    assert e.actor1.startswith("Military Forces of Syria")


def test_the_subject_that_launched_attacks_made_them(extractor):
    e = clash(extractor, "Russian forces launched two attacks near Bakhmut on Sunday.")
    assert e.actor1.startswith("Military Forces of Russia")


def test_forces_and_police_counted_are_people(extractor):
    e = clash(extractor, "Taliban fighters killed nine Afghan forces in Ghazni province on "
                         "Sunday.")
    assert (e.actor1, e.fatalities) == ("Taliban", 9)
    events = extractor.process(make_article(
        "Gunmen killed two police in Quetta on Sunday.", published=MONDAY)).events
    assert [e.fatalities for e in events] == [2]


@pytest.mark.parametrize("text, group", [
    ("On Sunday, suspected members of ISIS-GS attacked a military base in Chinagodrar, Niger, "
     "killing 89 soldiers.", "Islamic State Sahel Province"),
    ("On Sunday, 300 ISIS-WA jihadists attacked military positions in Darak, Cameroon, "
     "killing 8 soldiers.", "ISWAP: Islamic State West Africa Province"),
])
def test_the_islamic_states_african_provinces_by_their_short_names(extractor, text, group):
    assert clash(extractor, text).actor1 == group


@pytest.mark.parametrize("group", ["Boko Haram", "JNIM", "The RSF", "ISWAP"])
def test_a_group_that_killed_people_on_a_day_at_a_place_is_news(extractor, group):
    """A sentence that dates its act to a day, places and counts it stays an event, however
    little the coder makes of a group's name before "killed N people"."""
    events = extractor.process(make_article(f"{group} killed 10 people in Gwoza on Sunday.",
                                            published=MONDAY)).events
    assert [e.fatalities for e in events] == [10]


def test_the_accused_acted_not_the_accuser(extractor):
    events = extractor.process(make_article(
        "Turkish forces are being accused by Kurdish security forces of carrying out a drone "
        "attack on Sunday in Qamishli that killed three civilians.", published=MONDAY)).events
    assert [e.actor1 for e in events] == ["Military Forces of Turkey (2016-)"]


@pytest.mark.parametrize("text", [
    "Pakistani security forces killed eight militants in a raid in North Waziristan on Sunday.",
    "Eight militants were killed by Pakistani security forces in North Waziristan on Sunday.",
])
def test_forces_that_killed_unnamed_militants_opened_the_fight(extractor, text):
    # not ACLED's order for fighting told without an initiator (the unnamed group first)
    e = clash(extractor, text)
    assert (e.actor1, e.actor2) == ("Military Forces of Pakistan",
                                    "Unidentified Armed Group (Pakistan)")


@pytest.mark.parametrize("text, actor1", [
    ("Burundian troops killed five rebels in South Kivu on Sunday.", "Military Forces of Burundi"),
    ("Eritrean troops clashed with rebels in Adigrat on Sunday.", "Military Forces of Eritrea"),
])
def test_a_foreign_army_is_its_states_not_the_hosts(extractor, text, actor1):
    assert clash(extractor, text).actor1.startswith(actor1)


def test_gendarmes_are_state_forces_and_bandits_fighters(extractor):
    e = clash(extractor, "Separatist fighters killed two gendarmes in Bamenda on Sunday.")
    assert e.actor2.startswith("Police Forces of")
    # troops who killed armed men fought them: no violence against civilians
    e = clash(extractor, "Nigerian troops killed 15 bandits in Zamfara State on Sunday.")
    assert (e.actor1, e.actor2) == ("Military Forces of Nigeria",
                                    "Unidentified Armed Group (Nigeria)")


def test_the_act_said_not_the_saying_when_the_source_comes_last(extractor):
    """A sentence only the coder reads: the clause the source says ("Ukrainian drones hit a
    refinery ..., officials said") is the act, and its subject the one acting."""
    events = extractor.process(make_article(
        "Ukrainian drones hit a refinery in Ryazan on Sunday, officials said.",
        published=MONDAY)).events
    assert [(e.sub_event_type, e.actor1) for e in events] == [
        ("Air/drone strike", "Military Forces of Ukraine (2019-)")]


def test_a_headline_taking_a_township(extractor):
    events = extractor.process(make_article("Arakan Army seizes Paletwa township",
                                            published=MONDAY)).events
    assert [(e.sub_event_type, e.location) for e in events] == [
        ("Non-state actor overtakes territory", "Paletwa")]
