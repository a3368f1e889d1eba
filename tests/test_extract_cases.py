"""Extraction behaviour, one hand-written article per case (tests/fixtures/extract/)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from frontwatch.model import EVENT_TYPES, SUB_EVENT_TO_TYPE
from frontwatch.pipeline import make_article

FIXTURES = Path(__file__).parent / "fixtures"

PUBLISHED = dt.date(2017, 3, 6)  # a Monday


def events_of(extractor, name: str, published: dt.date = PUBLISHED):
    text = (FIXTURES / "extract" / name).read_text("utf-8")
    article = make_article(text, published=published)
    result = extractor.process(article)
    for e in result.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text
    return result.events


def test_several_villages_give_one_event_each(extractor):
    events = events_of(extractor, "several_villages_regained.txt")
    assert [e.location for e in events] == ["Rasm al-Abd", "Tell Saman", "Umm Miyal"]
    for e in events:
        assert e.sub_event_type == "Government regains territory"
        assert e.event_type == "Battles"
        assert e.actor1 == "Military Forces of Syria (2000-)"
        assert e.actor2 == "Islamic State (Syria)"
        assert e.event_date == "2017-03-04" and e.time_precision == 1


def test_contested_fatalities_are_one_event_with_both_claims(extractor):
    events = events_of(extractor, "contested_fatalities.txt")
    assert len(events) == 1
    e = events[0]
    assert e.sub_event_type == "Air/drone strike"
    assert e.contested
    claimants = {c.claimant for c in e.claims}
    assert {"SOHR", "SANA"} <= claimants
    assert e.fatalities == 12  # the conservative (lowest) figure
    assert e.event_date == "2017-02-28"


def test_passive_voice_fatalities_and_injuries(extractor):
    (e,) = events_of(extractor, "passive_voice_fatalities.txt")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor2 == "Military Forces of Iraq (2014-)"
    assert e.actor1.startswith("Unidentified Armed Group")
    assert e.fatalities == 7
    assert e.injuries == 11
    assert e.location == "Tarmiyah"


def test_negation_and_future_make_no_event(extractor):
    events = events_of(extractor, "negation_and_future.txt")
    # "denied that its jets had bombed Tal Rifaat": the denied act is kept as the ministry's
    # claim against it (issue 12), never as a strike that happened; the planned attack on
    # Manbij and "no one was killed" make no event
    assert [e.location for e in events] == ["Tal Rifaat"]
    assert all(c.denies for c in events[0].claims) and not events[0].contested
    assert events[0].fatalities == 0


def test_number_words_and_vague_quantities(extractor):
    (e,) = events_of(extractor, "number_words_and_vague.txt")
    assert e.fatalities == 19
    assert e.actor1 == "Islamic State (Iraq)"
    assert e.actor2 == "Military Forces of Iraq (2014-)"
    assert e.sub_event_type == "Armed clash"


def test_abduction_of_civilians(extractor):
    (e,) = events_of(extractor, "abduction.txt")
    assert e.sub_event_type == "Abduction/forced disappearance"
    assert e.event_type == "Violence against civilians"
    assert e.actor2.startswith("Civilians")


def test_protest_dispersed_is_protest_with_intervention(extractor):
    (e,) = events_of(extractor, "protest_dispersed.txt")
    assert e.sub_event_type == "Protest with intervention"
    assert e.actor1.startswith("Protesters")
    assert e.actor2.startswith("Police Forces")
    assert e.disorder_type == "Demonstrations"
    assert e.location == "Basra"


def test_suicide_bombing(extractor):
    (e,) = events_of(extractor, "suicide_bombing.txt")
    assert e.sub_event_type == "Suicide bomb"
    assert e.fatalities == 8
    assert e.claims[0].claimant == "activists"


def test_arrests(extractor):
    (e,) = events_of(extractor, "arrests.txt")
    assert e.sub_event_type == "Arrests"
    assert e.event_type == "Strategic developments"
    assert e.actor1 == "Military Forces of Iraq (2014-)"


def test_materiel_with_fate_and_owner(extractor):
    (e,) = events_of(extractor, "materiel_destroyed.txt")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1 == "Operation Inherent Resolve"
    got = {(m.category, m.count, m.fate) for m in e.materiel}
    assert ("tank", 2, "destroyed") in got
    assert ("vehicle", 5, "destroyed") in got
    assert ("ammunition depot", 1, "destroyed") in got
    assert all(m.side == "Islamic State (Syria)" for m in e.materiel)


def test_boilerplate_gives_no_event(extractor):
    assert events_of(extractor, "boilerplate_only.txt") == []


@pytest.mark.parametrize("sub", sorted(SUB_EVENT_TO_TYPE))
def test_acled_sub_event_names_are_complete(sub):
    assert sum(len(v) for v in EVENT_TYPES.values()) == 25
    assert SUB_EVENT_TO_TYPE[sub] in EVENT_TYPES


def test_unknown_armed_group_is_kept_as_written(extractor):
    (e,) = events_of(extractor, "unknown_armed_group.txt")
    assert e.actor1 == "Liwa Suqour al-Jabal Brigade"
    assert e.actor2 == "Military Forces of Syria (2000-)"
    assert e.fatalities == 4


def test_denial_is_a_contesting_claim(extractor):
    (e,) = events_of(extractor, "denial_contests_claim.txt")
    assert e.contested
    denial = [c for c in e.claims if c.denies]
    # the army speaks under its party's one claimant name
    assert denial and denial[0].claimant == "Syrian Ministry of Defense"
    assert e.fatalities == 3
    assert e.actor1 == "Military Forces of Syria (2000-)"


def test_blamed_party_is_the_perpetrator(extractor):
    (e,) = events_of(extractor, "blamed_party_is_actor.txt")
    assert e.actor1 == "Military Forces of Saudi Arabia (2015-)"
    assert e.actor2 == "Civilians (Yemen)"
    assert any(c.claimant == "Houthi officials" for c in e.claims)


def test_headline_and_follow_up_sentences_join_one_event(extractor):
    (e,) = events_of(extractor, "headline_and_follow_up.txt")
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.fatalities == 9 and e.injuries == 20
    assert e.location == "Tuz Khurmatu"
    assert all(c.claimant != "no group" for c in e.claims)


def test_strike_report_lines_one_event_per_place(extractor):
    events = events_of(extractor, "strike_report_lines.txt")
    assert [e.location for e in events] == ["Abu Kamal", "Raqqa"]
    for e in events:
        assert e.sub_event_type == "Air/drone strike"
        assert e.actor1 == "Operation Inherent Resolve"
        assert e.geo_precision == 2  # "near"
    assert {(m.category, m.count) for m in events[0].materiel} == {("tank", 1), ("position", 3)}


OCT_14 = dt.date(2019, 10, 14)


def test_allies_are_associated_actors_and_denied_strikes_are_contested(extractor):
    events = events_of(extractor, "allies_strikes_and_denial.txt", OCT_14)
    regained = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert len(regained) == 3
    for e in regained:
        assert e.actor1 == "Military Forces of Syria (2000-)"
        assert "NDF: National Defence Forces" in e.assoc_actor_1
        assert e.actor2 == "HTS: Hayat Tahrir al-Sham"
    assert sum(e.fatalities for e in regained) == 12  # "dozens" divided among three villages
    (strike,) = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strike.actor1 == "Military Forces of Russia (2000-)"
    assert strike.contested and strike.fatalities == 5  # "5 civilians, including two children"
    assert any(c.denies for c in strike.claims)


def test_speakers_are_not_actors_and_supporting_strikes_do_not_name_the_event(rules_extractor):
    events = events_of(rules_extractor, "speakers_and_supporting_strikes.txt", OCT_14)
    bomb, operation, kidnap = events
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert bomb.actor1 == "Unidentified Armed Group (Iraq)"  # not the police who reported it
    assert bomb.fatalities == 7 and bomb.injuries == 23
    assert operation.sub_event_type == "Armed clash"
    assert operation.actor1 == "Military Forces of Iraq (2014-)"
    assert operation.fatalities == 15
    assert kidnap.sub_event_type == "Abduction/forced disappearance"
    assert len(events) == 3  # "similar bombings in the past" is no event


def test_foreign_forces_overtake_territory_and_adjectives_name_shelling(extractor):
    events = events_of(extractor, "foreign_forces_capture.txt", OCT_14)
    capture = events[0]
    assert capture.sub_event_type == "Non-state actor overtakes territory"
    assert capture.actor1 == "Military Forces of Turkey (2016-)"
    assert capture.inter1 == 8
    assert capture.fatalities == 28  # 20 SDF and 8 Turkish-backed fighters
    shelling = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert shelling and shelling[0].actor1 == "Military Forces of Turkey (2016-)"
    assert any(e.sub_event_type == "Peaceful protest" for e in events)


def test_everyday_crime_and_history_are_no_events(extractor):
    # a mixed news stream: policing, court charges, anniversaries and garden shows
    assert events_of(extractor, "everyday_crime_news.txt") == []


def test_attempts_conducted_strikes_and_background(rules_extractor):
    events = events_of(rules_extractor, "attempts_and_background.txt", dt.date(2016, 12, 10))
    assert [e.sub_event_type for e in events] == ["Armed clash", "Air/drone strike"]
    clash, strike = events
    assert clash.actor1 == "Military Forces of Iraq (2014-)"  # an attempt to seize is a clash
    assert clash.location == "Hammam al-Alil"  # not the hospital's name
    assert strike.actor1 == "Operation Inherent Resolve"  # the supported side is associated
    assert "Military Forces of Iraq (2014-)" in strike.assoc_actor_1
    assert strike.event_date == "2016-12-07"


def test_repelled_attack_hills_and_vague_headline_figures(extractor):
    events = events_of(extractor, "repelled_attack_and_hills.txt", dt.date(2018, 9, 5))
    attack = events[0]
    assert attack.actor1 == "Islamic State (Syria)"
    assert attack.actor2 == "Military Forces of Syria (2000-)"
    figures = {c.claimant: c.fatalities.value for c in attack.claims
               if c.fatalities and c.fatalities.value}
    assert figures["pro-government sources"] == 40  # "eliminated"
    assert figures["Amaq"] == 27
    assert attack.fatalities == 27  # the headline's "dozens" does not undercut the figures
    hills = [e.location for e in events if e.sub_event_type == "Government regains territory"]
    assert hills == ["Tal Sayyad", "Tal Malah"]


def test_gunmen_shooting_an_official_and_taking_to_the_streets(extractor):
    events = events_of(extractor, "officials_shot_and_streets.txt")
    killing = [e for e in events if e.sub_event_type == "Attack"]
    assert len(killing) == 1
    assert killing[0].actor1 == "Unidentified Armed Group (Syria)"  # the subject shot
    assert killing[0].actor2 == "Civilians (Syria)"  # a mayor is a civilian
    assert killing[0].fatalities == 1  # "shot dead the mayor": one person
    assert killing[0].event_date == "2017-03-05"
    protest = [e for e in events if e.sub_event_type == "Peaceful protest"]
    assert [e.event_date for e in protest] == ["2017-03-04"]
    # a man's record ("responsible for several attacks") is no incident of its own
    assert len(events) == 2


def test_clash_between_two_sides_defused_mines_and_a_foreign_warplane(extractor):
    events = events_of(extractor, "between_sides_and_defused_mines.txt")
    by_type = {e.sub_event_type: e for e in events}
    clash = by_type["Armed clash"]
    assert clash.actor1 == "Military Forces of Yemen"
    assert clash.actor2 == "Ansar Allah"
    assert clash.fatalities == 14
    defused = by_type["Disrupted weapons use"]  # not a landmine explosion
    assert defused.actor1 == "Military Forces of Yemen"
    assert "Remote explosive/landmine/IED" not in by_type
    strike = by_type["Air/drone strike"]
    assert strike.actor1.startswith("Military Forces of Saudi Arabia")  # "a Saudi warplane"
    assert strike.fatalities == 5


def test_helpers_targets_and_victims_counted_without_figures(extractor):
    events = events_of(extractor, "backed_by_and_counted_victims.txt")
    town, routes, barrel, car = events
    assert town.sub_event_type == "Government regains territory"
    assert town.actor1 == "Military Forces of Syria (2000-)"
    assert town.assoc_actor_1 == "Hezbollah"  # "supported by Hezbollah fighters"
    assert town.actor2 == "HTS: Hayat Tahrir al-Sham"  # Jabhat Fatah al-Sham
    # "bombed the militants' supply routes": the militants suffer, they do not act
    assert routes.actor1 == "Military Forces of Syria (2000-)"
    assert routes.assoc_actor_1 == ""
    assert routes.actor2 == "HTS: Hayat Tahrir al-Sham"
    assert routes.location != "Lebanese"  # a nationality is no place
    assert barrel.fatalities == 4  # "a man and his three sons"
    assert barrel.actor2 == "Civilians (Syria)"
    assert car.sub_event_type == "Remote explosive/landmine/IED"
    assert car.actor2 == "Civilians (Syria)"  # not the police who report it
    assert car.fatalities == 6


def test_wire_idioms_roles_and_forecasts(extractor):
    events = events_of(extractor, "wire_idioms_roles_and_forecasts.txt")
    assert [e.sub_event_type for e in events] == [
        "Armed clash", "Government regains territory", "Headquarters or base established",
        "Remote explosive/landmine/IED", "Disrupted weapons use", "Remote explosive/landmine/IED"]
    storm, regain, posts, roadside, cache, car = events
    assert storm.location.startswith("Kafr Z")  # not "Led" (by the Tiger Forces)
    assert storm.actor2 == "HTS: Hayat Tahrir al-Sham"  # not al-Qaida, which it is linked to
    assert regain.event_date == "2017-03-04"  # "restored security and stability on Saturday"
    assert posts.actor1 == "Military Forces of Turkey (2016-)"
    # the army's car was hit: the army suffers, an unknown group acts; one officer wounded
    assert roadside.actor2 == "Military Forces of Syria (2000-)"
    assert roadside.actor1.startswith("Unidentified Armed Group")
    assert roadside.injuries == 1
    assert cache.actor1 == "Military Forces of Syria (2000-)"  # engineering units
    assert car.actor1 == "HTS: Hayat Tahrir al-Sham"  # "HTS/Nusra militants": one actor
    assert car.actor2 == "Civilians (Syria)"
    assert car.contested and any(c.denies for c in car.claims)  # "denied any involvement"
    # "will likely try to step up attacks" is a forecast: no event


def test_yemen_coalition_sources_and_coordinated_figures(extractor):
    events = events_of(extractor, "yemen_coalition_and_sources.txt")
    clash, house, positions = events
    assert clash.sub_event_type == "Armed clash"
    assert clash.fatalities == 25  # "18 rebels and seven loyalist fighters"
    assert clash.actor2 == "Ansar Allah"  # Yemen's "rebels" are the Houthis
    assert clash.location != "Aden"  # where the medical sources are, and the dateline
    # "the coalition" in Yemen is the Saudi-led one, as actor and as claimant
    assert house.actor1 == "Military Forces of Saudi Arabia (2015-)"
    assert house.actor2 == "Civilians (Yemen)"  # not the Huthis who hold Sanaa
    assert house.fatalities == 3
    assert house.contested
    assert {"Saudi-led coalition"} <= {c.claimant for c in house.claims}
    assert positions.actor1 == "Military Forces of Saudi Arabia (2015-)"
    assert positions.actor2 == "Ansar Allah"  # "Huthi positions"



def test_quotes_acronyms_and_unclaimed_rockets(extractor):
    events = events_of(extractor, "quotes_acronyms_and_rockets.txt")
    rockets, village, susah = events
    assert rockets.sub_event_type == "Shelling/artillery/missile attack"
    assert rockets.location == "Baghdad"  # "Baghdad's Green Zone" is in Baghdad
    assert rockets.fatalities == 2  # "a police officer and a civilian"
    assert rockets.actor1 == "Unidentified Armed Group (Iraq)"  # rockets from no named hand
    # "Our fighters have liberated ...," the SDF spokesman said: the speaker's side acts
    assert village.actor1 == "SDF: Syrian Democratic Forces"
    assert village.sub_event_type == "Non-state actor overtakes territory"
    assert village.actor2 == ""  # not Iraq's police from the story before
    assert village.location != "Twitter"
    # "IS fighters attacked": the acronym read as the verb "is" still reports an attack
    assert susah.actor1 == "Islamic State (Syria)" and susah.fatalities == 3


def test_two_days_of_fighting_are_two_events(extractor):
    events = events_of(extractor, "two_days_of_fighting.txt")
    assert [(e.event_date, e.fatalities) for e in events] == [
        ("2017-03-04", 6), ("2017-03-05", 5)]  # one event a day, the remainder to the first
    assert all(e.location == "Latamneh" and e.sub_event_type == "Armed clash" for e in events)


def test_a_party_speaks_under_one_name(extractor):
    text = ("DEIR EZZOR, March 6 (Levant Wire) - The SDF said on Sunday it had captured the "
            "town of Hajin from the Islamic State group. \"Our forces killed 40 militants,\" "
            "SDF spokesman Mustafa Bali said.")
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert {c.claimant for c in e.claims} - {"reporting outlet"} == {"SDF"}


def test_meanwhile_starts_another_incident(extractor):
    events = events_of(extractor, "meanwhile_another_incident.txt")
    villages = [e for e in events if e.sub_event_type == "Government regains territory"]
    assert [e.fatalities for e in villages] == [7, 7]  # the 6 of the other attack stay apart
    (station,) = [e for e in events if e.sub_event_type == "Armed clash"]
    assert station.location == "T4 pumping station"
    assert station.actor1 == "Islamic State (Syria)" and station.fatalities == 6
    # told without its day: on or before the report, not the villages' Sunday
    assert (station.event_date, station.time_precision) == ("2017-03-06", 2)


def test_more_verbs_of_control_and_air_forces(extractor):
    events = events_of(extractor, "more_verbs_of_control.txt", dt.date(2017, 11, 20))
    regained = [e for e in events if e.sub_event_type == "Government regains territory"]
    # "retook" (tagged as a base form by the parser) and "took A, B and C": one event each
    assert [e.location for e in regained] == ["al-Bukamal", "Hatla", "Marat", "Mazlum"]
    assert [e.event_date for e in regained] == ["2017-11-19"] + ["2017-11-18"] * 3
    strike = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert strike and strike[0].actor1 == "Military Forces of Russia (2000-)"  # Aerospace Forces
    hq = [e for e in events if e.sub_event_type == "Headquarters or base established"]
    assert hq and hq[0].actor1 == "Hezbollah"
    # "took part", "took place": no ground changes hands
    assert len(events) == 6


def test_title_case_datelines_and_denials_with_a_subject(extractor):
    text = ("Beirut (AFP) - Russian warplanes struck the town of Saqba in Syria on Sunday, "
            "killing 12 people, the Syrian Observatory for Human Rights said. Russia's Defense "
            "Ministry denied its aircraft had carried out any strikes in the area.")
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert e.location == "Saqba"  # not the dateline's Beirut
    assert e.contested and any(c.denies and c.claimant == "Russian Ministry of Defense"
                               for c in e.claims)


def test_another_source_toll_contests_a_crackdown(extractor):
    text = ("BAGHDAD, March 6 (Levant Wire) - Security forces shot dead at least 18 protesters in "
            "Baghdad on Sunday, police said. Iraq's parliamentary human rights commission said "
            "21 people had been killed.")
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert e.sub_event_type == "Excessive force against protesters"
    assert e.contested and e.fatalities == 18  # the lowest of the two accounts
    assert {c.fatalities.value for c in e.claims if c.fatalities} == {18, 21}


def test_a_grown_toll_replaces_the_first_figure(extractor):
    """ACLED updates an event's fatalities as its toll mounts: "has risen to nine" is no rival
    account of the first "five", while "put the toll at three" is one."""
    events = events_of(extractor, "toll_rises.txt")
    bomb = next(e for e in events if e.location.startswith("Tikr"))
    assert bomb.fatalities == 9 and not bomb.contested
    assert {c.fatalities.value for c in bomb.claims if c.fatalities} == {5, 9}
    assert any(c.updates and c.fatalities.value == 9 for c in bomb.claims if c.fatalities)
    assert bomb.injuries == 30
    shepherds = next(e for e in events if e is not bomb)
    assert shepherds.contested and shepherds.fatalities == 2



def test_where_the_losers_went_is_not_the_place_of_the_fighting(extractor):
    events = events_of(extractor, "retreat_destinations.txt")
    assert [e.location for e in events] == ["Maadan", "Qaim"]  # not Deir ez-Zor, Albu Kamal
    assert all(e.sub_event_type == "Armed clash" for e in events)


def test_rival_sources_in_one_sentence_and_running_totals(extractor):
    """"X said, while Y reported ..." and "..., but Y denied ..." are two claims about one
    incident; the other side in "killed in clashes with ISIS" is the attacker; running totals
    ("since the start of the operation", "has killed hundreds of thousands") are no events."""
    events = events_of(extractor, "rival_accounts_and_totals.txt")
    assert [e.location for e in events] == ["Hajin", "Makhmour"]
    hajin, makhmour = events
    assert hajin.actor1 == "Islamic State (Syria)"
    assert hajin.contested and hajin.fatalities == 2
    assert {(c.claimant, c.fatalities.value) for c in hajin.claims if c.fatalities} == {
        ("SOHR", 4), ("SDF-affiliated media", 2)}
    assert makhmour.actor1 == "Islamic State (Iraq)" and makhmour.fatalities == 10
    assert makhmour.contested
    assert any(c.denies and c.claimant == "Iraqi Joint Operations Command"
               for c in makhmour.claims)
    assert any(c.claimant == "Kurdish officials" and not c.denies for c in makhmour.claims)


def test_sahel_wire_vehicle_on_a_bomb_air_force_and_background(extractor):
    """A vehicle striking a roadside bomb is the bomb going off; "air force strikes" are the
    state's; a quoted figure still counts; one mention of a neighbour in the background does
    not move the article there; "more than 10,000 have been killed" is a running total."""
    events = events_of(extractor, "sahel_wire.txt")
    assert [e.location for e in events] == ["Sebba", "Djibo"]
    bomb, strike = events
    assert bomb.sub_event_type == "Remote explosive/landmine/IED" and bomb.fatalities == 2
    assert bomb.actor2 == "Military Forces of Burkina Faso"
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.actor1 == "Military Forces of Burkina Faso"
    assert strike.fatalities == 36  # "several dozen": three dozen, as docs/coding.md says
    assert all(e.country == "Burkina Faso" for e in events)


def test_wire_actor_idioms(extractor):
    """"SNA" in Somalia is its army; a command's acronym names its state; suicide VBIEDs are
    suicide bombs; "Iraqi F-16s" strike from the air; "Wadi Houran, Anbar" is one place in its
    province; "the Turkish occupation army" is Turkey's."""
    events = events_of(extractor, "wire_actor_idioms.txt")
    by_place = {e.location: e for e in events}
    assert set(by_place) == {"Adan Yabaal", "Jilib", "Tikrit", "Wadi Houran", "Hoshan"}
    assert by_place["Adan Yabaal"].sub_event_type == "Government regains territory"
    assert by_place["Adan Yabaal"].actor1 == "Military Forces of Somalia"
    assert by_place["Jilib"].actor1.startswith("Military Forces of the United States")
    assert by_place["Tikrit"].sub_event_type == "Suicide bomb"
    strike = by_place["Wadi Houran"]
    assert strike.sub_event_type == "Air/drone strike" and strike.fatalities == 5
    assert strike.actor1 == "Military Forces of Iraq (2014-)"
    assert by_place["Hoshan"].actor1 == "Military Forces of Turkey (2016-)"


def test_targets_lists_and_tolls(extractor):
    events = events_of(extractor, "targets_lists_and_tolls.txt")
    by_place = {e.location: e for e in events}
    assert "Tal Rifat" not in by_place  # where the rockets came from
    assert by_place["Marea"].fatalities == 2
    regained = [e.location for e in events if e.sub_event_type == "Government regains territory"]
    assert regained == ["Qalaat al-Madiq", "Karkat"]
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.location for e in strikes][:3] == ["Khan Shaykhun", "Kafr Zita", "Lataminah"]
    maarat = by_place["Maarat al-Numan"]
    assert maarat.actor1 == "Military Forces of Russia (2000-)"
    assert maarat.actor2 == "Civilians (Syria)" and maarat.fatalities == 2
    assert maarat.event_date == "2017-03-03" and maarat.time_precision == 2
    assert by_place["Kirkuk"].fatalities == 1  # the three abducted are not all dead
    # Russia's jets over Syria lend nothing to a drone strike in Lebanon
    assert not any("Lebanon" in e.location and e.actor1.startswith("Military Forces of Russia")
                   for e in events)


def test_states_as_subjects_reactions_and_quiet_takeovers(extractor):
    """"Russia launched drones at X" and "Ukrainian forces destroyed a tank" name the states
    that acted; who condemns an attack did not carry it out (the group that claimed it did,
    typographic apostrophe and all); a tribal sheikh shot dead is a civilian; a town entered
    "without a fight" changed hands peacefully."""
    events = events_of(extractor, "states_and_reactions.txt")
    by_place = {e.location: e for e in events}
    assert by_place["Odesa"].sub_event_type == "Air/drone strike"
    assert by_place["Odesa"].actor1 == "Military Forces of Russia (2000-)"
    assert by_place["Robotyne"].actor1.startswith("Military Forces of Ukraine")
    mosque = next(e for e in events if e.location in ("Shulaa", "Baghdad"))
    assert mosque.actor1 == "Islamic State (Iraq)"
    assert not any(e.actor1.startswith("Military Forces of the United States") for e in events)
    sheikh = next(e for e in events if "Deir" in e.location)
    assert sheikh.sub_event_type == "Attack" and sheikh.actor2 == "Civilians (Syria)"
    assert by_place["Moqokori"].sub_event_type == "Non-violent transfer of territory"
    assert by_place["Moqokori"].actor1 == "Al Shabaab"


def test_claims_denials_and_ministries(extractor):
    """A force named by its members' count ("killed 12 Peshmerga"); a spokesman who denies a
    claim contests it; "denied that X had fallen" contests a capture; enemies a ministry's
    forces "neutralized" were its forces' doing; "warplanes believed to be Russian"."""
    events = events_of(extractor, "claims_denials_and_ministries.txt")
    by_place = {e.location: e for e in events}
    attack = by_place["Makhmour"]
    assert attack.actor1 == "Islamic State (Iraq)" and attack.fatalities == 12
    assert attack.contested and any(c.denies for c in attack.claims)
    capture = by_place["Tal Abyad"]
    assert capture.sub_event_type == "Non-state actor overtakes territory"
    assert capture.contested and any(c.denies for c in capture.claims)
    neutralized = by_place["Ras al-Ain"]
    assert neutralized.actor1 == "Military Forces of Turkey (2016-)"
    assert neutralized.fatalities == 14
    market = by_place["Ariha"]
    assert market.actor1 == "Military Forces of Russia (2000-)" and market.fatalities == 9


def test_a_paragraph_opening_on_another_place_does_not_inherit_the_day(extractor):
    text = ("On Saturday, hundreds of people demonstrated in Dhiban against the SDF.\n\n"
            "In Hajin, two children were killed when a landmine left by ISIS exploded.\n\n"
            "Syrian troops shelled the town of Saraqib on Sunday. The shelling killed three "
            "civilians.")
    events = extractor.process(make_article(text, published=PUBLISHED)).events
    dates = {e.location: (e.event_date, e.time_precision) for e in events}
    assert dates["Dhiban"] == ("2017-03-04", 1)
    assert dates["Hajin"] == ("2017-03-06", 2)  # on or before the report, that week
    assert dates["Saraqib"] == ("2017-03-05", 1)  # same paragraph: the day carries


def test_front_line_update_sides(rules_extractor):
    """"Ukrainian positions", "repelled Russian assaults": the other side by its state's
    adjective; fighting told without sides ("positional engagements continued") is between
    the article's two belligerents."""
    events = events_of(rules_extractor, "front_line_update.txt")
    sides = {e.location: {e.actor1, e.actor2} for e in events}
    war = {"Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"}
    assert set(sides) == {"Bakhmut", "Avdiivka", "Kreminna", "Bilohorivka"}
    assert all(s == war for s in sides.values())
    assert all(e.sub_event_type == "Armed clash" for e in events)


def test_outlets_offices_and_army_denials(extractor):
    """An outlet that "put the death toll at 22" and a media office that "put the number of dead
    at seven" are rival sources, not the first source's update; an army that denies an
    accusation speaks for itself and contests it."""
    events = events_of(extractor, "outlets_offices_and_army_denials.txt")
    by_place = {e.location: e for e in events}
    market = by_place["Zabid"]
    assert market.contested and market.fatalities == 14
    assert {c.claimant for c in market.claims} == {"local health officials",
                                                   "Houthi-run Al Masirah television"}
    clash = by_place["Tuz Khurmatu"]
    assert clash.contested and clash.fatalities == 3
    assert any(c.claimant == "PMF media office" and c.fatalities.value == 7
               for c in clash.claims if c.fatalities)
    mali = by_place["Diallassagou"]
    assert mali.contested and any(c.denies for c in mali.claims)


def test_totals_and_history_are_no_incidents(extractor):
    """A year's toll, a country-wide daily count and a war's start two years before the report
    are background: only the abduction and the shooting are events, with their own figures."""
    events = events_of(extractor, "totals_and_history.txt")
    assert [(e.location, e.fatalities) for e in events] == [("Lere", 0), ("Tafas", 1)]


def test_sahel_somalia_afghanistan_wire(extractor):
    events = events_of(extractor, "sahel_somalia_afghanistan_wire.txt")
    by_place = {e.location: e for e in events}
    assert "Mirage" not in by_place  # an aircraft, not a place
    assert by_place["Gossi"].actor1 == "Military Forces of France (2017-)"
    assert by_place["Moqokori"].sub_event_type == "Non-violent transfer of territory"
    assert any(c.claimant == "Somali police" for c in by_place["Mogadishu"].claims)
    # "killed seven people and abducted four women": an attack and an abduction
    kuchi = {e.sub_event_type: e for e in events if e.location == "Kuchi"}
    assert set(kuchi) == {"Attack", "Abduction/forced disappearance"}
    assert kuchi["Attack"].fatalities == 7
    assert all(e.country == "Nigeria" for e in kuchi.values())  # not Niger
    assert by_place["Ghormach"].sub_event_type == "Non-state actor overtakes territory"
    tajoura = by_place["Tajoura"]
    assert tajoura.sub_event_type == "Shelling/artillery/missile attack"
    assert tajoura.fatalities == 3


def test_local_forces_and_unnamed_jihadists(extractor):
    text = ("OUAGADOUGOU (Levant Wire) - Suspected jihadists attacked a VDP position near Arbinda "
            "in Burkina Faso on Sunday, killing ten VDP fighters. In Iraq, a Turkish drone strike "
            "killed two YBS members in Sinjar on Sunday. Army troops repelled an attack near "
            "Marte in Nigeria on Sunday, neutralising 15 fighters.")
    events = extractor.process(make_article(text, published=PUBLISHED)).events
    by_place = {e.location: e for e in events}
    arbinda = by_place["Arbinda"]
    # "jihadists" name no particular group where none is named
    assert arbinda.actor1 == "Unidentified Armed Group (Burkina Faso)"
    assert arbinda.actor2 == "VDP: Volunteers for the Defense of the Homeland"
    assert by_place["Sinjar"].actor2 == "YBS: Sinjar Resistance Units"
    assert by_place["Marte"].fatalities == 15  # "neutralising 15 fighters"


def test_a_protest_met_by_force_later_in_the_story(extractor):
    """"Police fired tear gas to disperse them" after the protest sentence: one protest event,
    with intervention, the police as the other side."""
    text = ("BAMAKO (Levant Wire) - Several hundred people demonstrated outside the French "
            "embassy in Bamako, Mali, on Friday. Police fired tear gas to disperse them.")
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert e.sub_event_type == "Protest with intervention"
    assert e.actor1 == "Protesters (Mali)" and e.actor2 == "Police Forces of Mali"


def test_ground_taken_without_a_named_place_in_the_object(extractor):
    text = "JNIM fighters took control of two villages near Gao in Mali on Sunday."
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert e.sub_event_type == "Non-state actor overtakes territory" and e.location == "Gao"


def test_notables_are_civilians_and_sana_is_syrian(extractor):
    text = ("Gunmen shot dead a tribal dignitary in Deir ez-Zor on Sunday. The troops liberated "
            "Kafr Nabudah on Sunday, SANA said.")
    events = extractor.process(make_article(text, published=PUBLISHED)).events
    by_place = {e.location: e for e in events}
    assert by_place["Deir ez-Zor"].sub_event_type == "Attack"
    assert by_place["Deir ez-Zor"].actor2 == "Civilians (Syria)"
    assert by_place["Kafr Nabudah"].actor1 == "Military Forces of Syria (2000-)"


def test_a_claim_of_responsibility_joins_the_attack(extractor):
    """A group that claims an attack the day after is a claim about that attack (dated by the
    attack, not by the claim) and names who the gunmen were."""
    events = events_of(extractor, "responsibility_claims.txt")
    assert [e.location for e in events] == ["Bourzanga", "Azaz"]
    attack, bomb = events
    assert attack.event_date == "2017-03-04"
    assert attack.actor1 == "JNIM: Group for Support of Islam and Muslims"
    assert attack.contested and attack.fatalities == 12
    assert any(c.claimant.startswith("JNIM") and c.fatalities.value == 30
               for c in attack.claims if c.fatalities)
    assert bomb.actor1 == "Islamic State (Syria)" and bomb.event_date == "2017-03-04"


def test_sana_idioms_zero_tolls_and_statement_days(extractor):
    events = events_of(extractor, "sana_idioms_and_zero_tolls.txt")
    by_place = {e.location: e for e in events}
    kiswah = by_place["al-Kiswah"]
    assert kiswah.sub_event_type == "Air/drone strike"
    assert kiswah.actor1.startswith("Military Forces of Israel")
    assert {"Maarat al-Numan", "Kafr Nabl"} <= set(by_place)  # "bombed A and B"
    assert by_place["Kafr Nabl"].contested  # "the Russian side denied"
    sirwah = by_place["Sirwah"]
    assert sirwah.contested and sirwah.fatalities == 0  # "killed no one" is a toll of none
    assert by_place["Jilib"].event_date == "2017-03-05"  # the strike's day, not the statement's


def test_tolls_pronouns_and_definitions(extractor):
    """"had risen to seven by Sunday" updates the toll (Sunday is when it was counted); "He died"
    and "a soldier was martyred" are one dead each; "one man" counts; a statement that "put
    the death toll at three" contests; a definition of a word and a war's toll are no events."""
    events = events_of(extractor, "tolls_pronouns_and_definitions.txt")
    by_place = {e.location: e for e in events}
    assert set(by_place) == {"Maiduguri", "Tafas", "Zap", "Gao"}
    assert by_place["Maiduguri"].fatalities == 7 and not by_place["Maiduguri"].contested
    assert by_place["Maiduguri"].event_date == "2017-03-04"
    assert by_place["Tafas"].fatalities == 1 and by_place["Zap"].fatalities == 1
    gao = by_place["Gao"]
    assert gao.contested and gao.fatalities == 3
    assert {c.fatalities.value for c in gao.claims if c.fatalities} == {5, 3}


def test_security_services_and_a_ministrys_own_forces(extractor):
    text = ("KYIV (Levant Wire) - Ukraine's SBU security service said it had detained a man in "
            "Odesa on Saturday suspected of passing information to Russian intelligence. Russia's "
            "defence ministry claimed its forces had liberated the village of Vremivka in Ukraine "
            "on Saturday. In Syria, the Observatory documented the death of a child by the "
            "explosion of a landmine in Jasim on Saturday.")
    events = extractor.process(make_article(text, published=PUBLISHED)).events
    by_place = {e.location: e for e in events}
    assert by_place["Odesa"].sub_event_type == "Arrests"
    assert by_place["Odesa"].actor1 == "Police Forces of Ukraine"
    assert by_place["Vremivka"].actor1 == "Military Forces of Russia (2000-)"
    assert by_place["Jasim"].actor2 == "Civilians (Syria)"


def test_dead_told_as_also_killed_add_up(extractor):
    text = ("MAIDUGURI (Levant Wire) - ISWAP fighters attacked a military base in Marte, Nigeria, "
            "on Sunday, killing seven soldiers, the army said. Ten assailants were also killed, "
            "it said.")
    (e,) = extractor.process(make_article(text, published=PUBLISHED)).events
    assert e.fatalities == 17 and not e.contested


def test_a_span_of_days_is_one_event_a_day(extractor):
    text = ("MOGADISHU, 20 July 2024 - Clan militias fought in Luuq district of Gedo region "
            "between 5 and 7 July, killing four people, local elders said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 7, 20))).events
    # the dateline's place and day are the report's, not the fighting's; "5" is a day, not
    # a toll
    assert [(e.event_date, e.time_precision, e.fatalities) for e in events] == [
        ("2024-07-05", 1, 2), ("2024-07-06", 1, 1), ("2024-07-07", 1, 1)]
    assert {e.location for e in events} == {"Luuq"}


def test_a_span_longer_than_a_week_stays_one_event(extractor):
    text = ("Clan militias fought in Luuq district of Gedo region between 1 and 20 June, "
            "killing four people, local elders said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 7, 20))).events
    assert [(e.event_date, e.time_precision, e.fatalities) for e in events] == [
        ("2024-06-01", 2, 4)]


def test_a_reporting_window_or_a_single_act_is_not_split_by_day(extractor):
    text = ("Between 11 and 13 February, fighting flared in Tulkarm camp, residents said. "
            "Soldiers shot and killed a man in Sa'ir between 11 and 13 February, officials "
            "said.")
    events = extractor.process(make_article(text, published=dt.date(2025, 2, 18))).events
    assert events and all(e.time_precision == 2 for e in events)


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Gunmen kill 12 villagers in central Mali", "Attack"),
        ("Gunmen kill 12 villagers in central Mali.", "Attack"),
        ("Army retakes villages near Bakhmut", "Government regains territory"),
    ],
)
def test_a_one_line_snippet_with_or_without_a_full_stop_gives_its_event(extractor, text,
                                                                        sub_event_type):
    events = extractor.process(make_article(text, published=dt.date(2024, 3, 8))).events
    assert [e.sub_event_type for e in events] == [sub_event_type]


def test_present_tense_in_a_full_sentence_is_still_no_event(extractor):
    text = "Gunmen often kill villagers in central Mali during the dry season."
    assert extractor.process(make_article(text, published=dt.date(2024, 3, 8))).events == []


def test_an_acronym_means_a_group_of_the_war_the_article_tells(extractor):
    text = ("NIAMEY - Niger's Defence and Security Forces (SDF) killed 12 jihadists near "
            "Tillaberi on Monday, the army said.")
    (e,) = extractor.process(make_article(text, published=dt.date(2024, 3, 8))).events
    assert e.actor1 == "Military Forces of Niger"
    assert "Syrian" not in e.actor1 + e.actor2 + e.assoc_actor_1 + e.assoc_actor_2
    text = "RAQQA - The SDF said it captured the village of Jarniyah from Islamic State."
    (e,) = extractor.process(make_article(text, published=dt.date(2017, 3, 8))).events
    assert e.actor1 == "SDF: Syrian Democratic Forces"


def test_a_day_that_names_the_act_is_its_date_even_after_a_speech_verb(extractor):
    text = ("ANKARA - The prime minister confirmed the overnight Saturday artillery barrage on "
            "Azaz and demanded that Kurdish fighters vacate the air base they seized last week. "
            "The governor said on Sunday that a car bomb had killed three people in Kilis.")
    events = extractor.process(make_article(text, published=dt.date(2016, 2, 14))).events
    by_type = {e.sub_event_type: e for e in events}
    assert by_type["Shelling/artillery/missile attack"].event_date == "2016-02-13"
    # "said on Sunday": the statement's day, the bombing on or before it
    assert by_type["Remote explosive/landmine/IED"].time_precision == 2


def test_unnamed_soldiers_in_a_territory_without_an_army_are_the_forces_operating_there():
    from frontwatch.pipeline import Extractor

    # geocoded: the territory is known from the place
    text = ("GAZA - Soldiers stormed a school in Jabalia on Tuesday, killing three people, the "
            "health ministry said.")
    (e,) = Extractor().process(make_article(text, published=dt.date(2024, 5, 16))).events
    assert e.actor1 == "Military Forces of Israel"
    assert "Palestinian Territory" in e.actor2


def test_a_vague_since_is_no_day_of_the_act_but_a_named_day_is(extractor):
    published = dt.date(2020, 3, 6)
    text = "Fighting between soldiers and armed youths has continued in Akobo since early February."
    (e,) = extractor.process(make_article(text, published=published)).events
    assert e.event_date == "2020-03-06"  # on or before the report, not "mid-February"
    text = "Clashes between the army and rebels in Akobo have persisted since 11 February."
    (e,) = extractor.process(make_article(text, published=published)).events
    # a spell still going on is the report's, as the coders date it (docs/coding.md)
    assert e.event_date == "2020-03-06"
    text = "Clashes between the army and rebels broke out in Akobo on 11 February."
    (e,) = extractor.process(make_article(text, published=published)).events
    assert e.event_date == "2020-02-11"  # the day told for the act


def test_the_victims_are_never_the_side_that_strikes(extractor):
    """'Six villagers were killed when aggression aircraft of the enemy struck ...': however
    the sentence is read, civilians are ACLED's second actor in a strike, and the US named as
    Houthi media name it ('American aggression aircraft') is the one that struck."""
    text = ("SANAA - Four farmers were killed on Friday when American aggression aircraft bombed "
            "a water well in the Bani Hushaish district, the health ministry said.")
    events = extractor.process(make_article(text, published=dt.date(2025, 5, 3))).events
    strike = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert strike.actor1.startswith("Military Forces of the United States")
    assert strike.actor2.startswith("Civilians")


def test_dozo_hunters_are_a_militia_of_their_own(extractor):
    """West Africa's hunters' brotherhoods fight as communal militias: not unidentified."""
    text = ("MOPTI, Mali - Armed Dozo hunters raided a Fulani camp near Djenne on Wednesday, "
            "killing four herders and stealing cattle, a local official said.")
    events = extractor.process(make_article(text, published=dt.date(2022, 6, 3))).events
    assert any(e.actor1 == "Dozo Communal Militia (Mali)" for e in events)


@pytest.mark.parametrize("text, dead", [
    ("GAO, Mali - Gunmen ambushed a convoy of traders near Ansongo on Friday, killing 14 of "
     "them and burning three trucks, officials said.", 14),
    ("ADEN, Yemen - Six citizens were martyred on Friday in an air raid on a village near "
     "Mocha, a local source said.", 6),
])
def test_the_dead_counted_as_of_them_or_as_citizens(extractor, text, dead):
    events = extractor.process(make_article(text, published=dt.date(2023, 3, 4))).events
    assert any(e.fatalities == dead for e in events), [(e.sub_event_type, e.fatalities)
                                                       for e in events]


def test_the_sudanese_army_names_the_rsf_by_its_commander(extractor):
    text = ("KHARTOUM, Sudan - The Dagalo militia shelled a clinic in Karrari on Monday, killing "
            "four civilians, the army said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 1, 10))).events
    assert any(e.actor1 == "Rapid Support Forces" for e in events)


def test_the_only_side_named_as_the_dead_of_a_bombing_is_its_target(extractor):
    """'Soldiers of the Givati Brigade were killed when a bomb went off': the brigade (a unit
    of the IDF) lost its dead; it did not set off the bomb."""
    text = ("TEL AVIV, Israel - Three soldiers of the Givati Brigade were killed when a roadside "
            "bomb exploded near their vehicle in Rafah on Monday, the army said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 6, 11))).events
    bomb = next(e for e in events if e.event_type == "Explosions/Remote violence")
    assert bomb.actor2 == "Military Forces of Israel"
    assert bomb.actor1 != "Military Forces of Israel"


def test_the_day_before_a_denial_is_the_statements_when_the_act_has_its_own(extractor):
    """'The rebels on Thursday rejected claims that the town had been retaken on Wednesday':
    the act's day is Wednesday, the rejection's Thursday."""
    text = ("KABUL, Afghanistan - The Taliban on Thursday rejected government claims that Musa "
            "Qala had been recaptured by the army on Wednesday, saying their fighters had killed "
            "30 soldiers.")
    events = extractor.process(make_article(text, published=dt.date(2017, 3, 10))).events
    assert events and all(e.event_date == "2017-03-08" for e in events), [
        (e.sub_event_type, e.event_date) for e in events]


def test_a_repelled_advance_by_an_unnamed_militia_is_the_incident_just_told():
    """'The Dagalo militia shelled the hospital ... The division said its forces repelled an
    attempt by the militia to advance': the militia the second sentence does not name again
    (a stand-in, unidentified) does not make it another incident."""
    from frontwatch.pipeline import Extractor

    text = ("The Dagalo militia shelled the Al Daman Hospital in El Obeid on Friday with heavy "
            "artillery, killing six civilians, the 5th Infantry Division said in a statement. The "
            "division said its forces repelled an attempt by the militia to advance from the "
            "southern axis of the city and inflicted heavy losses on it.")
    events = Extractor().process(make_article(text, published=dt.date(2024, 8, 3))).events
    assert len(events) == 1 and events[0].actor1 == "Rapid Support Forces"


def test_a_completed_liberation_is_a_change_of_territory(extractor):
    text = ("MOSCOW - Units of the Dnepr group of forces completed the liberation of the village "
            "of Rabotino in the Zaporozhye region on Tuesday, the Defence Ministry said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 3, 6))).events
    assert any(e.sub_event_type in ("Government regains territory",
                                    "Non-state actor overtakes territory") for e in events)


def test_a_sides_dead_claimed_for_a_day_stand_as_its_fight():
    """A bulletin that gives only the enemy's dead ('up to 70 servicemen were eliminated near
    Kupyansk on Thursday, the ministry said'): the day's fighting, as that side tells it; a
    week's tally is not an incident."""
    from frontwatch.pipeline import Extractor

    extractor = Extractor()

    def events(text: str):
        return extractor.process(make_article(text, published=dt.date(2024, 3, 8))).events

    [e] = events("MOSCOW - Up to 70 Ukrainian servicemen were eliminated near Kupyansk on "
                 "Thursday, the Defence Ministry said.")
    assert (e.sub_event_type, e.actor2, e.fatalities) == (
        "Armed clash", "Military Forces of Ukraine (2019-)", 70)
    assert events("MOSCOW - Up to 300 Ukrainian servicemen were eliminated near Kupyansk over "
                  "the past week, the Defence Ministry said.") == []


@pytest.mark.parametrize("text, dead", [
    # people heading a list of materiel, "destroyed" said of them all
    ("MOSCOW - Near Kupyansk on Monday up to 45 Ukrainian servicemen, a tank and three pickup "
     "trucks were destroyed, the ministry said.", 45),
    # a part of the dead told between commas is not more dead
    ("DAMASCUS - On Tuesday five soldiers, three of them officers, were killed in Deraa.", 5),
])
def test_the_dead_heading_a_list_or_with_a_part_between_commas(text, dead):
    from frontwatch.pipeline import Extractor

    events = Extractor().process(make_article(text, published=dt.date(2024, 3, 8))).events
    assert [e.fatalities for e in events] == [dead]


@pytest.mark.parametrize("text, sub", [
    ("A police officer was shot and killed by a sniper in Tibu on Saturday.", "Armed clash"),
    ("Gunmen killed two soldiers at a checkpoint in Tibu on Saturday.", "Armed clash"),
    ("Suspected rebels shot dead two police officers in Tibu on Saturday.", "Armed clash"),
    ("Gunmen killed two farmers in Tibu on Saturday.", "Attack"),
])
def test_soldiers_or_police_shot_by_an_armed_group_is_a_battle(extractor, text, sub):
    """ACLED's violence against civilians needs civilian victims: an armed group killing
    soldiers or police is an armed clash, however one-sided."""
    (e,) = extractor.process(make_article(text, published=dt.date(2024, 5, 13))).events
    assert e.sub_event_type == sub


@pytest.mark.parametrize("text, sub, actor1", [
    # an air force's attack is a strike from the air
    ("The Israeli air force attacked several sites in Gaza City on Friday.",
     "Air/drone strike", "Military Forces of Israel"),
    # demonstrators clashing with the state's forces riot; no armed group fought
    ("Weekly demonstrations at the fence east of Khan Younis continued on Friday, and clashes "
     "with Israeli troops left two Palestinians dead.", "Violent demonstration", "Rioters"),
    # demonstrators' own violence, and a weapon's name is no place
    ("Hundreds of protesters threw Molotov cocktails at riot police in Minsk on Sunday.",
     "Violent demonstration", "Rioters"),
    ("Thousands of protesters marched peacefully through Minsk on Sunday.",
     "Peaceful protest", "Protesters"),
])
def test_who_acts_decides_strikes_and_riots(extractor, text, sub, actor1):
    events = extractor.process(make_article(text, published=dt.date(2018, 11, 3))).events
    assert [e.sub_event_type for e in events] == [sub]
    assert events[0].actor1.startswith(actor1)
    assert all(e.location != "Molotov" for e in events)


def test_demonstrators_fired_upon_meet_excessive_force(extractor):
    text = ("Fighting broke out on Tuesday when protesters marched on the ministry in Sanaa and "
            "were fired upon by security forces, leaving seven dead.")
    (e,) = extractor.process(make_article(text, published=dt.date(2014, 9, 12))).events
    assert e.sub_event_type == "Excessive force against protesters"
    assert e.actor1.startswith("Protesters")  # ACLED: the demonstrators first



def test_an_archive_photo_caption_is_no_new_event(extractor):
    text = ("Gunmen attacked a checkpoint in Aden on Monday, killing two soldiers, officials said."
            "\n\nFILE - Security forces gather outside a clinic after it was attacked by gunmen in "
            "the port city of Mukalla, Yemen.")
    events = extractor.process(make_article(text, published=dt.date(2016, 4, 20))).events
    assert len(events) == 1 and "FILE" not in events[0].evidence[0].text


def test_a_states_authorities_are_its_government_and_speak_without_fighting():
    from frontwatch.pipeline import Extractor

    extractor = Extractor()  # geocoded: the state is known from the place
    text = "Homes were demolished by Israeli authorities in Masafer Yatta on Monday."
    (e,) = extractor.process(make_article(text, published=dt.date(2025, 2, 14))).events
    assert e.actor1 == "Government of Israel"
    text = "Israeli authorities said two soldiers were attacked near Hebron on Monday."
    (e,) = extractor.process(make_article(text, published=dt.date(2025, 2, 14))).events
    assert "Government" not in e.actor1 + e.actor2  # the speaker is not a side


def test_a_day_to_come_is_not_the_day_of_what_follows(extractor):
    text = ("The next situation update will be issued on 18 February.\n\n"
            "Gunmen killed three villagers in Kalaye and burned their houses.")
    (e,) = extractor.process(make_article(text, published=dt.date(2025, 2, 14))).events
    assert e.event_date == "2025-02-14"


@pytest.mark.parametrize("text", [
    "Heavy hostilities between the army and rebels broke out in Hpakant on Monday.",
    "Armed confrontations between the army and rebels were reported in Hpakant on Monday.",
])
def test_hostilities_and_confrontations_are_fighting(rules_extractor, text):
    """Humanitarian reports' words for fighting: a trigger for the rules themselves."""
    events = rules_extractor.process(make_article(text, published=dt.date(2021, 6, 15))).events
    assert [e.sub_event_type for e in events] == ["Armed clash"]


def test_the_day_beside_the_act_not_the_background_one(extractor):
    text = ("Although leaders of the communities signed an agreement on the cessation of "
            "violence in early August, renewed clashes were reported on 1 and 2 September "
            "2022 in Ar Rusayris locality.")
    events = extractor.process(make_article(text, published="2022-10-03")).events
    assert sorted(e.event_date for e in events) == ["2022-09-01", "2022-09-02"]


@pytest.mark.parametrize("outlet", ["US Embassy", "VOA"])
def test_who_condemns_an_attack_is_not_its_target_either(extractor, outlet):
    """A state that condemns an act neither did it nor suffered it, even when the sentence
    names no other party: the victims' side is what the sentence gives, or nobody."""
    for text in ("The United States condemns the vicious attack today in Kabul that killed "
                 "dozens of people.",
                 "The United States condemns the vicious attack today in Kabul."):
        (event,) = extractor.process(make_article(text, published="2016-07-23",
                                                  outlet=outlet)).events
        assert event.location == "Kabul"
        assert "United States" not in event.actor1 + event.actor2


@pytest.mark.parametrize("text", [
    "RAF Typhoons struck a Daesh position near Hajin on 18 February.",
    "Two F-35s struck a Daesh position near Hajin on 18 February.",
    "An MQ-9 Reaper struck a Daesh position near Hajin on 18 February.",
])
def test_aircraft_named_by_model_make_a_strike_an_air_strike(extractor, text):
    (event,) = extractor.process(make_article(text, published="2018-02-22",
                                              outlet="UK government")).events
    assert event.sub_event_type == "Air/drone strike"


@pytest.mark.parametrize(("headline", "sub_type"), [
    ("Protesters Clash With Police in Nairobi Over Tax Hike", "Violent demonstration"),
    ("Protesters Storm Parliament in Nairobi", "Violent demonstration"),
    ("Police Arrest Dozens of Protesters in Dakar", "Protest with intervention"),
])
def test_a_headlines_present_tense_says_how_a_protest_went(extractor, headline, sub_type):
    (event,) = extractor.process(make_article(headline, published="2024-06-26",
                                              outlet="VOA")).events
    assert event.sub_event_type == sub_type


def test_a_speaker_named_by_surname_is_the_person_named_in_full_before(extractor):
    """"Warren said" after "Army Col. Steve Warren told Pentagon reporters": the colonel, not
    the army in his title nor the Pentagon he spoke to; a bare capitalised subject the article
    never names in full ("Moscow said") is no person."""
    text = ("WASHINGTON, March 2, 2016 - Iraqi forces cleared Karmah on Monday, Army Col. "
            "Steve Warren told Pentagon reporters.\n"
            "Coalition airstrikes killed 20 ISIL fighters near Fallujah on Tuesday, Warren said.\n"
            "Coalition airstrikes killed 12 ISIL fighters near Ramadi on Tuesday, Moscow said.")
    events = extractor.process(make_article(text, published="2016-03-02", outlet="DoD")).events
    claimants = {e.location: [c.claimant for c in e.claims] for e in events}
    assert claimants["Karmah"] == ["Army Col. Steve Warren"]
    assert next(v for k, v in claimants.items() if "Fall" in k) == ["Army Col. Steve Warren"]
    assert "Moscow" not in claimants["Ramadi"]


def test_evidence_quotes_a_wrapped_sentence_as_one_line_and_a_headline_as_written(extractor):
    # A title-cased headline is read in sentence case; every quote still has the initials as
    # written, and a hard-wrapped line reads as a space in it as in the splitter's sentence.
    text = ("Militants Seize Town Of Mahas In Central Somalia\n\nAl-Shabaab militants seized "
            "the town of Mahas in Hiraan region on\nMonday after clashes that killed 12 "
            "soldiers, officials said.")
    events = extractor.process(make_article(text, published=dt.date(2024, 3, 5))).events
    quotes = {ev.text for e in events for ev in e.evidence}
    assert any(q.startswith("Al-Shabaab militants seized") for q in quotes)
    for e in events:
        for ev in e.evidence:
            assert "\n" not in ev.text
            assert text[ev.start : ev.end].replace("\n", " ") == ev.text
