"""Extraction with the geocoder on (the embedded gazetteer, built once into the user cache on
first use, ~40 s): behaviour that depends on where places resolve."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from frontwatch.pipeline import Extractor, make_article

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
PUBLISHED = dt.date(2017, 3, 6)


@pytest.fixture(scope="module")
def geocoding_extractor():
    return Extractor()


@pytest.fixture(scope="module")
def geocoding_rules_extractor():
    """The rules engine, geocoded: for a case the learned coder does not yet keep."""
    return Extractor(engine="rules")


def events_in(extractor, text: str, published=PUBLISHED):
    return extractor.process(make_article(text, published=published)).events


def events_of(extractor, name: str):
    return events_in(extractor, (FIXTURES / name).read_text("utf-8"))


def test_headline_of_two_stories_province_summary_and_each(geocoding_extractor):
    events = events_of(geocoding_extractor, "headline_two_stories_and_summary.txt")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    # the province-wide lead ("pounded villages in Idlib province, killing 10") is the sum of
    # the villages the next sentence names: ACLED codes the villages only
    assert [e.location for e in strikes] == ["Kafranbel", "Maarat Hurma"]
    assert [e.fatalities for e in strikes] == [5, 5]  # "five people in each"
    # a listed village the gazetteer lacks is placed near its neighbour, as its own event
    assert strikes[1].geo_precision == 2 and strikes[1].latitude is not None
    assert all(e.actor1 == "Military Forces of Russia (2000-)" for e in strikes)
    # the headline's other story (three soldiers near Daraa) lends nothing to the strikes
    assert all(e.actor2 == "Civilians (Syria)" for e in strikes)
    protest = [e for e in events if e.sub_event_type == "Peaceful protest"]
    assert protest and protest[0].event_date == "2017-03-04"  # "marched peacefully"


def test_sources_and_datelines_do_not_place_events(geocoding_extractor):
    events = events_of(geocoding_extractor, "yemen_coalition_and_sources.txt")
    clash = events[0]
    assert clash.admin1 != "Aden"  # "according to medical sources in Aden", "ADEN (...) -"
    assert clash.country == "Yemen"


def test_unplaced_events_claim_no_precision(geocoding_extractor):
    text = ("BEIRUT, March 6 (Levant Wire) - Gunmen shot dead a teacher in the village of "
            "Xqwzzyt on Sunday, activists said.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.latitude is None and e.geo_precision == 3  # not 1 for a point it does not have
    assert e.location == "Xqwzzyt"


def test_a_province_named_in_the_sentence_keeps_out_namesakes(geocoding_extractor):
    text = ("HAMA, Syria, May 22, 2019 (Levant Wire) - Syrian government forces recaptured the "
            "villages of Kafr Nabudah, al-Hawash and Tal Sakhr in the northern Hama countryside "
            "on Tuesday after heavy clashes with Hayat Tahrir al-Sham fighters.")
    events = events_in(geocoding_extractor, text, "2019-05-22")
    hawash = [e for e in events if e.location.lower().endswith("hawash")]
    # the only al-Hawash the gazetteer knows is in Homs: the sentence says Hama
    assert hawash and hawash[0].admin1 == "Hama"


def test_one_name_one_province_across_the_article(geocoding_extractor):
    text = ("HAMA, Syria, May 22, 2019 (Levant Wire) - Syrian government forces recaptured the "
            "villages of Kafr Nabudah, al-Hawash and Tal Sakhr in the northern Hama countryside "
            "on Tuesday after heavy clashes with Hayat Tahrir al-Sham fighters.\n\n"
            "Hayat Tahrir al-Sham said in a statement that its fighters had withdrawn from "
            "al-Hawash to avoid being encircled.")
    events = events_in(geocoding_extractor, text, "2019-05-22")
    hawash = [e for e in events if e.location.lower().endswith("hawash")]
    # the later sentence alone would read the Homs namesake; the event's own sentence says Hama
    assert hawash and all(e.admin1 == "Hama" for e in hawash)


def test_seized_weapons_are_disrupted_weapons_use(geocoding_extractor):
    """Weapons taken with no fight told are ACLED's disrupted weapons use, not a "grenade"
    event nor ground taken; government forces in a Syrian village are Syria's, whatever
    country the rest of the article is about."""
    events = events_of(geocoding_extractor, "weapons_seized.txt")
    by_place = {e.location: e for e in events}
    mosul = by_place["Mosul"]
    assert mosul.sub_event_type == "Disrupted weapons use"
    assert mosul.actor1 == "Police Forces of Iraq"
    assert next(e for e in events if e.location.startswith("Ar-Raqq")).sub_event_type == \
        "Disrupted weapons use"
    village = next(e for e in events if e.location.startswith("Tall Aby"))
    assert village.sub_event_type == "Government regains territory"
    assert village.actor1 == "Military Forces of Syria (2000-)"
    kirkuk = by_place["Kirkuk"]
    assert kirkuk.sub_event_type == "Arrests"  # caught with grenades: not everyday policing
    assert not any(e.sub_event_type == "Grenade" for e in events)


def test_drones_downed_kill_nobody_and_a_loose_name_is_no_country(geocoding_extractor):
    """Missiles shot down are counted as materiel, not dead, however many words describe
    them; "the Galilee", which the gazetteer knows only by loose spellings of villages in
    Mexico and Spain, casts no vote for Mexico and is not placed there."""
    text = ("U.S. forces shot down two Houthi anti-ship cruise missiles over the Red Sea on "
            "Tuesday.\n\nIsraeli forces shot down two Hezbollah drones over the Galilee on "
            "Tuesday.")
    events = events_in(geocoding_extractor, text)
    assert [e.sub_event_type for e in events] == ["Disrupted weapons use"] * 2
    assert all(e.fatalities == 0 for e in events)
    assert all(e.country != "Mexico" for e in events)


def test_opening_place_frames_and_bare_lists_continue(geocoding_extractor):
    """"In Deir ez-Zor, ... near Mayadin": the act's own place wins over the opening frame; a
    list headed by a bare name ("struck Saraqib and Ariha") gives one event per place; a titled
    person ("Maj. Gen. Ali Mayhoub said") is the claimant."""
    events = events_of(geocoding_extractor, "framing_lists_and_titles.txt")
    clash = events[0]
    assert clash.location.startswith("Al May")
    assert any(c.claimant == "Maj. Gen. Ali Mayhoub" for c in clash.claims)
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [e.location for e in strikes] == ["Saraqib", "Arīḩā"]
    assert all(e.country == "Syria" for e in strikes)


def test_red_team_regressions(geocoding_rules_extractor):
    """A city's neighbourhood stays in the city the sentence opens on; a rumour denied in the
    same sentence is no capture; "this comes one day after" dates backwards; a Turkish border
    town is in Turkey; the capital a protest accuses is not where it was."""
    events = events_of(geocoding_rules_extractor, "red_team_regressions.txt")
    by_place = {e.location: e for e in events}
    assert "Aleppo" in by_place and by_place["Aleppo"].geo_precision == 1
    assert not any("Zayt" in e.location for e in events)
    assert by_place["Kafr Nabudah"].event_date == "2017-03-03"
    akcakale = next(e for e in events if e.location.startswith("Ak"))
    assert akcakale.country == "Turkey" and akcakale.latitude is not None
    assert akcakale.actor2 == "Civilians (Turkey)"
    protest = next(e for e in events if e.event_type == "Protests")
    assert protest.location == "Ouagadougou"


def test_a_town_across_the_border_named_by_its_country_adjective(geocoding_extractor):
    text = ("KYIV (Levant Wire) - Russian missiles struck Kharkiv on Saturday, killing two. "
            "Ukrainian shelling wounded two civilians in the Russian town of Shebekino on "
            "Saturday, regional governor Vyacheslav Gladkov said.")
    events = events_in(geocoding_extractor, text)
    shebekino = next(e for e in events if e.location == "Shebekino")
    assert shebekino.country == "Russia" and shebekino.latitude is not None
    assert shebekino.actor1 == "Military Forces of Ukraine (2019-)"
    assert shebekino.actor2 == "Civilians (Russia)" and shebekino.injuries == 2


def test_a_listed_village_lies_by_the_others(geocoding_extractor):
    """"near Kreminna, Terny and Bilohorivka": the small Terny by Kreminna, not the town of
    28,000 of the same name 330 km away."""
    text = ("KYIV (Levant Wire) - Russian and Ukrainian forces clashed near Kreminna, Terny, and "
            "Bilohorivka in Ukraine on March 4, the General Staff said.")
    events = events_in(geocoding_extractor, text)
    terny = next(e for e in events if e.location == "Terny")
    kreminna = next(e for e in events if e.location == "Kreminna")
    assert abs(terny.latitude - kreminna.latitude) < 0.5
    assert abs(terny.longitude - kreminna.longitude) < 0.5


def test_a_neighbours_city_in_the_same_story(geocoding_extractor):
    text = ("ERBIL (Levant Wire) - Turkish drones struck PKK positions in Iraq's Duhok province on "
            "Saturday. Police detained 12 suspected PKK members in Diyarbakir on Saturday.")
    events = events_in(geocoding_extractor, text)
    arrest = next(e for e in events if e.sub_event_type == "Arrests")
    assert arrest.country == "Turkey" and arrest.actor1 == "Police Forces of Turkey"
    assert arrest.latitude is not None


def test_a_post_that_opens_on_a_place_is_about_that_place(geocoding_extractor):
    """Officials' posts open on the town they are about, as a line of its own; "the town" after
    it is that town, and where the wounded were treated is not where it happened."""
    text = ("Kupiansk again. Russian artillery shelled the town's market on Monday morning. "
            "Two women were killed and five people were wounded; the wounded were rushed to "
            "hospital in Kharkiv.")
    events = events_in(geocoding_extractor, text)
    assert [e.location for e in events] in (["Kupiansk"], ["Kupyansk"])
    assert events[0].country == "Ukraine"
    # A heading that is not a place heads nothing.
    text = ("Update. Russian artillery shelled the town's market on Monday morning, killing "
            "two women. The wounded were taken to hospital in Kharkiv.")
    events = events_in(geocoding_extractor, text)
    assert all(e.location not in ("Update",) for e in events)


def test_the_hospital_the_wounded_reached_does_not_place_the_strike(geocoding_extractor):
    text = ("Israeli aircraft struck a house in Beit Lahia on Sunday. Four people were killed "
            "and eleven wounded were taken to a hospital in Gaza City, medics said.")
    events = events_in(geocoding_extractor, text)
    assert [e.location for e in events] in (["Bayt Lāhiyā"], ["Beit Lahia"])


def test_a_sides_losses_are_the_toll_of_the_incident_told(geocoding_extractor):
    """Bulletins count the enemy's dead as its losses, in a sentence of their own."""
    text = ("Army units repelled an assault by militants near Kidal on Tuesday. The terrorists "
            "lost more than 25 fighters and four pickups, the general staff said.")
    (e,) = events_in(geocoding_extractor, text)
    assert [c.fatalities.conservative() for c in e.claims if c.fatalities] == [25]
    text = ("Our forces struck enemy positions near Huliaipole on Tuesday. Russian losses "
            "amounted to 30 occupiers.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.fatalities == 30
    # Losing ground counts no one.
    text = ("Army units repelled an assault by militants near Kidal on Tuesday. The militants "
            "lost control of two villages, the general staff said.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.fatalities == 0


def test_a_states_forces_named_by_the_state_after_them(geocoding_extractor):
    """Official statements name the state after its forces; those are that state's forces,
    not the forces of the country the article is about."""
    text = ("On Monday the Armed Forces of the Russian Federation struck a fuel depot of the "
            "Ukrainian army near Kramatorsk with Kalibr missiles, the ministry said.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.actor1.startswith("Military Forces of Russia")
    text = ("The army of Mali struck a JNIM convoy near Niono on Monday, killing 12 militants.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.actor1.startswith("Military Forces of Mali")


def test_a_time_zones_city_does_not_place_the_event(geocoding_extractor):
    text = ("At about 23:00 (Kyiv time) on Sunday, Russian forces shelled the centre of "
            "Nikopol, killing two residents, the regional governor said.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.location == "Nikopol"


def test_whom_a_denial_answers_is_not_a_party_to_the_act(geocoding_extractor):
    """'rejected the claim by X that Y shelled...': X accuses; the act is Y's, and the denial
    is a claim about it, not an act of X's."""
    text = ("A Defence Ministry spokesman on Monday rejected the claim by the Kiev regime that "
            "Russian artillery had shelled a school in Kostiantynivka on Sunday.")
    events = events_in(geocoding_extractor, text)
    assert events and all(c.denies for e in events for c in e.claims)
    assert not any((name or "").startswith("Military Forces of Ukraine")
                   for e in events for name in (e.actor1, e.actor2))


def test_where_in_the_city_the_act_struck_is_the_same_act(geocoding_extractor):
    """A strike on a city, then the district it hit in the next sentence: one event."""
    text = ("On Saturday night Russian drones attacked Kharkiv. One of them hit a private house "
            "in the Saltivskyi district, killing a woman.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.fatalities == 1 and e.location == "Kharkiv"
    assert e.actor1.startswith("Military Forces of Russia")  # the drones named, not a stand-in


def ascii_name(name: str) -> str:
    """The gazetteer's spelling without its diacritics and hamzas (Arīḩā -> Ariha)."""
    folded = unicodedata.normalize("NFKD", name)
    return "".join(c for c in folded if c.isascii() and c not in "'`")


def test_toll_shared_out_by_place_gives_each_place_its_figure(geocoding_extractor):
    """ "killed nine, including four in A, three in B and two in C": one event per place,
    each with its own share, not the total divided evenly."""
    text = ("Government shelling killed nine civilians in Idlib province on Tuesday, including "
            "four in Ariha, three in Saraqib town and two in Maarat al-Numan.")
    events = events_in(geocoding_extractor, text)
    got = {(ascii_name(e.location)[:6], e.fatalities) for e in events}
    assert got == {("Ariha", 4), ("Saraqi", 3), ("Maarra", 2)}  # Ma`arrat an Nu`man


def test_a_toll_shared_out_by_place_over_two_days_is_one_event_a_place(geocoding_extractor):
    text = ("On 28 and 29 January, initial reports indicate that 12 Palestinians were killed by "
            "Israeli forces in the West Bank, including one in Jenin city, one in Tulkarm city "
            "and 10 in Tammun town in Tubas.")
    events = events_in(geocoding_extractor, text, "2025-01-30")
    got = sorted((ascii_name(e.location)[:3], e.fatalities) for e in events)
    assert got == [("Jan", 1), ("Tam", 10), ("Tul", 1)]  # Janin, Tammun, Tulkarm
    assert {(e.event_date, e.time_precision) for e in events} == {("2025-01-28", 2)}


def test_shares_that_do_not_fit_the_toll_are_not_deaths(geocoding_extractor):
    text = ("Airstrikes on Tuesday wounded eleven people, two in Ariha and nine in Saraqib, "
            "and killed one child in Ariha.")
    events = events_in(geocoding_extractor, text)
    assert sorted((ascii_name(e.location), e.injuries) for e in events) == [
        ("Ariha", 2), ("Saraqib", 9)]


def test_opening_places_stay_the_acts_when_a_wider_area_follows(geocoding_extractor):
    """ "In A and B villages, the worst-hit in X County, ...": A and B are where it happened,
    the county only places them."""
    text = ("In Gumuruk and Likuangole villages, the worst-hit places in Pibor County, attackers "
            "burned down houses, a school and a clinic on Saturday.")
    events = events_in(geocoding_extractor, text)
    assert sorted(ascii_name(e.location) for e in events) == ["Gumuruk", "Likuangole"]


def test_a_passive_act_without_by_has_no_author_among_what_it_destroyed(geocoding_extractor):
    text = "In Akobo, government offices, civilian houses and shops were burnt down on Saturday."
    (e,) = events_in(geocoding_extractor, text)
    assert not e.actor1.startswith("Civilians") and e.actor2.startswith("Civilians")


def test_a_quantifier_opening_a_bullet_is_no_place(geocoding_extractor):
    text = "• More than 45 people were killed in an attack by armed men in Duk County on Friday."
    (e,) = events_in(geocoding_extractor, text, dt.date(2017, 12, 10))
    assert e.location != "More"


def test_a_group_styled_as_the_state_in_its_own_media(geocoding_extractor):
    """The outlet decides what a name means: in a Houthi outlet "the Yemeni armed forces" are
    Ansar Allah's; in a wire report they are the recognised government's army."""
    text = ("The Yemeni armed forces shot down a hostile reconnaissance drone over Marib on "
            "Tuesday with a surface-to-air missile, a military spokesman said.")
    published = dt.date(2023, 4, 5)
    own = geocoding_extractor.process(
        make_article(text, published=published, outlet="Houthi-run television")).events
    wire = geocoding_extractor.process(
        make_article(text, published=published, outlet="Wire")).events
    assert own and wire
    assert any("Ansar Allah" in (e.actor1, e.actor2) for e in own)
    assert not any("Ansar Allah" in (e.actor1, e.actor2) for e in wire)
    assert any((e.actor1 or "").startswith("Military Forces of Yemen") for e in wire)
    # the recognised government's forces, or the army the group fights, stay the state's
    for told in ("Yemeni government forces shelled a market in Marib on Tuesday, a military "
                 "spokesman said.",
                 "Houthi fighters attacked Yemeni army positions in Marib on Tuesday, a "
                 "military spokesman said."):
        events = geocoding_extractor.process(
            make_article(told, published=published, outlet="Houthi-run television")).events
        assert events and all(e.actor1 != e.actor2 for e in events)
        assert any((a or "").startswith("Military Forces of Yemen")
                   for e in events for a in (e.actor1, e.actor2))


@pytest.mark.parametrize(("text", "places"), [
    # "Hilmand" is the UN's spelling of Helmand: the plural kind word after the list makes
    # each name a province, which lets the loose spelling resolve.
    ("Clashes continued on Thursday in Uruzgan, Hilmand, Zabul and Kandahar provinces.",
     ["Helm", "Kand", "Oruz", "Zabu"]),
    # OCHA's bulletins list areas district by district: the district after "areas in" holds
    # the names before it and is no place of the act; the list goes on after it.
    ("In Kandahar province, fighting was reported on Monday in the Arghandab district, "
     "Charkhab, Zalakhan and Shekh Qalandar areas in Panjwayi district and the Pashmol and "
     "Ashoghi areas in Zheray district.",
     ["Argh", "Asho", "Char", "Pāsh", "Shek", "Zala"]),
    ("Clashes were also reported on Monday in Hays and At Tuhayat districts in Al Hudaydah, "
     "as well as in Hayran District and Haradh Town in neighboring Hajjah Governorate.",
     ["At T", "Hayr", "Ḩara", "Ḩays"]),
])
def test_a_list_of_places_is_one_event_in_each(geocoding_extractor, text, places):
    events = events_in(geocoding_extractor, text)
    names = sorted((e.admin1 if "provinces" in text else e.location)[:4] for e in events)
    assert names == places
    assert {e.sub_event_type for e in events} == {"Armed clash"}


def test_a_title_cased_headline_names_its_place_and_is_quoted_as_written(
        geocoding_extractor):
    text = "Protesters Clash With Police In Nairobi Over Tax Bill"
    (e,) = events_in(geocoding_extractor, text)
    assert e.location == "Nairobi" and e.country == "Kenya"
    assert e.evidence[0].text == text
    (e,) = events_in(geocoding_extractor,
                     "Clashes Between Army And Rebels Kill 30 In Eastern Congo")
    assert "Congo" in e.country and e.fatalities == 30


def test_a_day_to_come_dates_nothing_told_after_it(geocoding_extractor):
    # an alert of 12 July: "July 13" is the next day, not a July a year back, and what the
    # alert reports as happening is dated by the alert
    text = ("Event: Spontaneous demonstrations throughout Bamako are possible on July 13. "
            "The U.S. Embassy has received reports of protests and small arms fire in "
            "Bamako.")
    events = events_in(geocoding_extractor, text, published=dt.date(2020, 7, 12))
    assert events and all(e.event_date == "2020-07-12" for e in events)


def test_a_building_is_placed_at_its_town(geocoding_extractor):
    (e,) = events_in(geocoding_extractor,
                     "An explosion injured a dozen students at the University of Buea on Friday.")
    assert e.location == "Buea" and e.country == "Cameroon"
    (e,) = events_in(geocoding_extractor,
                     "Regime artillery shelled the Al-Atareb Surgical Hospital on Sunday, "
                     "killing six patients.")
    assert e.location.startswith("Al At") and e.latitude is not None
    # a hotel named for no town leaves the sentence's town
    (e,) = events_in(geocoding_extractor,
                     "A bomb exploded outside the Grand Hotel in Bahir Dar on Sunday.")
    assert e.location == "Bahir Dar"


def test_a_heading_in_capitals_names_no_place_with_its_words(geocoding_extractor):
    text = ("BURKINA FASO\n\nELEVEN KILLED IN ARMED RAID\n\nArmed men on 21 July raided "
            "several villages in Dablo area in the country's Centre-Nord region, killing 11 "
            "people.")
    events = events_in(geocoding_extractor, text, published=dt.date(2019, 7, 30))
    assert [e.location for e in events] == ["Dablo"]


def test_the_day_a_spell_began_is_not_the_day_it_goes_on(geocoding_extractor):
    text = ("Event: Demonstrations that began on April 13 continue throughout Yerevan and "
            "Gyumri with no set end date.")
    events = events_in(geocoding_extractor, text, published=dt.date(2018, 4, 27))
    assert sorted(e.location for e in events) == ["Gyumri", "Yerevan"]
    assert {e.event_date for e in events} == {"2018-04-27"}


@pytest.mark.parametrize("text", [
    "Fighting near Lashkargah city that started on 11 October continued with clashes "
    "reported in Babaje.",
    "Heavy fighting between government forces and the Taliban has continued across Kunduz "
    "province since 22 May, with clashes reported in Khanabad.",
])
def test_a_spell_told_as_going_on_is_dated_by_the_report(geocoding_extractor, text):
    events = events_in(geocoding_extractor, text, published=dt.date(2021, 10, 25))
    assert events and all(e.event_date != "2021-10-11" and e.event_date != "2021-05-22"
                          for e in events)


def test_an_embassy_alert_places_unlisted_quarters_at_its_city(geocoding_extractor):
    text = ("Security Alert – U.S. Embassy Niamey, Niger\n\nLocation:  Niamey, Niger\n\n"
            "Event: The National Guard used tear gas on Friday to disperse protesters in "
            "Goudel.")
    (e,) = events_in(geocoding_extractor, text, published=dt.date(2020, 4, 17))
    assert e.location == "Goudel" and e.geo_precision == 2
    assert e.latitude is not None and abs(e.latitude - 13.51) < 0.1


def test_a_documents_day_is_not_the_day_it_tells_of(geocoding_extractor):
    text = ("The March 26 report stated that on March 18, members of the Malian Armed Forces "
            "summarily executed two men in Boni.")
    (e,) = events_in(geocoding_extractor, text, published=dt.date(2021, 4, 10))
    assert e.event_date == "2021-03-18" and e.location == "Boni"


def test_a_world_region_is_no_place(geocoding_extractor):
    text = ("Speaking from a command post in the Middle East, a coalition spokesman said "
            "aircraft struck Islamic State fighters near Mosul on Tuesday.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.location == "Mosul"


def test_a_list_that_goes_on_is_still_a_list(geocoding_extractor):
    text = ("Protesters have implemented roadblocks in La Paz, Santa Cruz, and other Bolivian "
            "cities on Thursday.")
    events = events_in(geocoding_extractor, text)
    # (Santa Cruz is the city, Santa Cruz de la Sierra, not its department)
    assert [e.location[:10] for e in sorted(events, key=lambda e: e.location)] == \
        ["La Paz", "Santa Cruz"]
    assert {e.country for e in events} == {"Bolivia"}


def test_an_institution_is_no_place(geocoding_extractor):
    text = ("On Thursday morning Peruvian police dispersed a small contingent of demonstrators "
            "at Congress in Lima.")
    (e,) = events_in(geocoding_extractor, text)
    assert e.location == "Lima" and e.sub_event_type == "Protest with intervention"


def test_a_namesake_abroad_does_not_vouch_for_its_own_country(geocoding_extractor):
    # Salahuddin is a district of Tripoli and a province of Iraq; the report is on Libya
    text = ("OCHA Libya | Tripoli Clashes Situation Report\n\nFighting went on south of "
            "Tripoli, Libya, on Tuesday. Overnight, indiscriminate shelling was reported in a "
            "residential area in Salahuddin district, the Libyan health ministry said.")
    events = events_in(geocoding_extractor, text)
    assert events and all(e.country == "Libya" for e in events)
    assert not any("Iraq" in e.actor1 + e.actor2 for e in events)


def test_a_province_in_a_country_is_the_place(geocoding_extractor):
    text = ("In southern Yemen, in mountainous al-Bayda province, heavy fighting has continued "
            "between Houthi rebels and Sunni tribesmen.")
    (e,) = events_in(geocoding_extractor, text)
    assert (e.location, e.admin1, e.country) == ("Al Bayda", "Al Bayda", "Yemen")


def test_a_country_wide_lede_and_the_placed_attack_are_one_event(geocoding_extractor):
    """The lede places the attack in a whole country and gives the toll; the body names the
    town (Nara, a Japanese prefecture too, which the town's own name must not make the
    story's country)."""
    text = ("Suspected Islamist fighters attacked a military camp in western Mali before dawn "
            "Saturday, and three soldiers and nine attackers were killed, the Defense "
            "Ministry said.\n\nResidents of a nearby village hid in their homes.\n\n"
            "The Defense Ministry statement said the gunmen attacked a military camp in\n"
            "Nara, though an army spokesman said they also targeted a bank.\n")
    (e,) = events_in(geocoding_extractor, text, "2015-06-27")
    assert (e.location, e.admin1, e.country) == ("Nara", "Koulikoro", "Mali")
    assert e.fatalities == 12


def test_headline_words_and_adjectives_are_no_places(geocoding_extractor):
    text = ("3 Indian Soldiers Killed in Renewed Kashmir Clashes\n\n"
            "FILE - An Indian soldier patrols along the border near Jammu, Aug. 14, 2019.\n\n"
            "Three Indian soldiers were killed in clashes with militants in the disputed "
            "Himalayan region of Kashmir, officials said.\n")
    events = events_in(geocoding_extractor, text, "2020-05-04")
    assert events and all("Kashmir" in e.location for e in events)
    # the archive photo's day is not the day of the clash told after it
    assert {e.event_date for e in events} == {"2020-05-04"}


def test_where_the_displaced_stay_is_not_where_the_fighting_was(geocoding_extractor):
    text = ("• In Chin State, clashes continued in and around Mindat Township over the course "
            "of July and more than 18,100 persons remain internally displaced in over 100 "
            "sites in Chin State and in neighboring Magway and Sagaing regions.")
    (e,) = events_in(geocoding_extractor, text, "2021-07-15")
    assert e.admin1 == "Chin State"  # the township, placed in its state; not Magway, Sagaing


def test_in_the_province_is_the_province_its_officials_speak_for(geocoding_extractor):
    text = ("Meanwhile, officials in Herat confirmed a late-night Taliban raid against a "
            "security checkpoint in the province killed nine Afghan forces.")
    (e,) = events_in(geocoding_extractor, text, "2018-09-09")
    assert (e.location, e.admin1) == ("Herat", "Herat")


def test_a_province_wide_summary_beside_its_district_and_an_archive_caption(
        geocoding_extractor):
    """The caption's province places nothing; the raids "in Maidan Wardak, Herat and Baghlan
    provinces" sum up the incidents the article then places, district by district."""
    text = ("Dozens of Afghan Forces Killed in Taliban Attacks\n\n"
            "FILE - Taliban fighters gather in Surkhroad district of Nangarhar province.\n\n"
            "A district police chief was among dozens of security forces killed in "
            "Afghanistan in overnight attacks by the Taliban, officials said Sunday.\n\n"
            "The insurgent raids occurred in the central eastern Maidan Wardak, western Herat "
            "and northern Baghlan provinces, the officials said.\n\n"
            "A provincial government spokesman in Maidan Wardak told VOA Taliban fighters "
            "stormed the Day Mirdad district center late Saturday, killing its police chief.\n")
    events = events_in(geocoding_extractor, text, "2018-09-09")
    assert "Nangarhar" not in {e.admin1 for e in events}
    assert "Day Mirdad" in {e.location for e in events}
    assert "Maidan Wardak" not in {e.location for e in events}


def test_a_place_known_only_as_the_country_is_no_location(geocoding_extractor):
    """The codebook's convention (docs/coding.md): the country column says where; no country
    centroid is written as the event's spot."""
    text = ("The U.S. military said its forces destroyed eight aerial drones late Wednesday in "
            "Yemen.")
    (e,) = events_in(geocoding_extractor, text)
    assert (e.location, e.admin1, e.country) == ("", "", "Yemen")
    assert e.latitude is None and e.longitude is None and e.geonameid is None
    assert "in Yemen" in e.notes


def test_counties_in_one_state_are_places_of_their_own(geocoding_extractor):
    text = ("In Juba County, Central Equatoria, fighting between cattle keepers and host "
            "communities displaced some 10,000 people. Fighting between rival factions in "
            "Manyo County, Upper Nile, displaced some 2,000 people. Fighting between armed "
            "factions in Yei County, Central Equatoria, displaced 700 people.")
    events = events_in(geocoding_extractor, text)
    assert sorted(e.location for e in events) == ["Juba", "Manyo County", "Yei"]


def test_a_date_told_in_another_section_is_not_the_acts(geocoding_extractor):
    """A bulletin's section heading starts another story: the floods' days in the section
    before are not the clashes' day, which the bulletin does not tell."""
    text = ("Weekly Situation Update as of 14 February 2025\n\n"
            "SOUTH AMERICA: HEAVY RAINFALL\n\n"
            "Ecuador has faced intense rainfall between 6 and 13 February, affecting over 455 "
            "homes.\n\n"
            "COLOMBIA: CONFLICT & VIOLENCE\n\n"
            "Clashes between two non-state armed groups in the department of Chocó have "
            "affected at least 2,326 people across the municipalities of Medio San Juan and "
            "Nóvita.")
    events = events_in(geocoding_extractor, text, "2025-02-14")
    assert sorted(e.location for e in events) == ["Medio San Juan", "Nóvita"]
    assert {(e.event_date, e.time_precision) for e in events} == {("2025-02-14", 2)}


def test_weekday_abbreviations_and_aid_groups_are_no_places(geocoding_extractor):
    text = ("A third clash between the army and ISWAP fighters is continuing on Wed 14 April "
            "in Damasak, Borno State, the Red Cross said.")
    events = events_in(geocoding_extractor, text, "2021-04-14")
    assert [e.location for e in events] == ["Damasak"]


def test_a_district_named_after_its_province_seat_is_the_place(geocoding_extractor):
    """Ghazni is a province and its seat; the district told after it is where it was."""
    text = ("Central Region: In Ghazni, fighting in Andar district locally displaced up to "
            "14,000 people, according to partners.")
    (e,) = events_in(geocoding_extractor, text)
    assert (ascii_name(e.location)[:5], e.admin1) == ("Andar", "Ghazni")
    text = "In Ghazni city, fighting in Andar district displaced 14,000 people."
    (e,) = events_in(geocoding_extractor, text)
    assert e.location == "Ghazni"


def test_wire_prose_telling_the_toll_first_gives_its_event(geocoding_extractor):
    """The coder reads "died ... after a bomb exploded" as no event; the rules keep it."""
    text = "Ten people died in Kidal on Sunday after a bomb exploded in a market."
    (e,) = events_in(geocoding_extractor, text, "2019-05-06")
    assert (e.sub_event_type, e.location, e.fatalities) == \
        ("Remote explosive/landmine/IED", "Kidal", 10)


def test_officials_of_a_province_speak_of_it(geocoding_extractor):
    text = ("14 Killed in Attacks in Afghanistan\n\n"
            "Seven police officers have been killed in a northern Afghanistan province after "
            "their checkpoint came under attack by insurgents.\n\n"
            "Police officials in Jawzjan province say five other police officers were wounded "
            "in the attack late Saturday.")
    events = events_in(geocoding_extractor, text, "2014-12-21")
    assert [(e.sub_event_type, e.admin1, e.fatalities) for e in events] == \
        [("Armed clash", "Jowzjan", 7)]
    assert "Attacks" not in {e.location for e in events}


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("On 3 May, a burial team was attacked by armed men in Beni.", "Attack"),
    ("On 3 May, armed men attacked an army checkpoint in Beni.", "Armed clash"),
])
def test_an_attack_with_no_armed_side_hit_is_on_the_unarmed(geocoding_extractor, text,
                                                              sub_event_type):
    (e,) = events_in(geocoding_extractor, text, "2020-05-05")
    assert e.sub_event_type == sub_event_type


def test_a_sea_or_gulf_is_the_place_not_the_port_it_is_named_for(geocoding_extractor):
    text = ("CENTCOM also reported destroying three Houthi drones early Wednesday over the "
            "Gulf of Aden.")
    (e,) = events_in(geocoding_extractor, text, "2024-04-11")
    assert (e.location, e.country) == ("Gulf of Aden", "Yemen")


def test_a_later_act_of_another_kind_is_another_event(geocoding_extractor):
    text = ("A series of bombings rocked Baghdad on Saturday.\n\n"
            "Investigators say a suicide car bombing at a checkpoint in Baghdad killed at least "
            "seven people.\n\n"
            "Later, at least three bombings occurred within an hour across the city, killing at "
            "least 15 people.")
    events = events_in(geocoding_extractor, text, "2014-07-19")
    assert sorted((e.sub_event_type, e.fatalities) for e in events) == \
        [("Remote explosive/landmine/IED", 15), ("Suicide bomb", 7)]


@pytest.mark.parametrize(("text", "sub_event_type", "actor1"), [
    ("The YPG claimed to have captured the village of Ayn Daqn in Syria on Sunday.",
     "Non-state actor overtakes territory", "YPG: People's Protection Units"),
    ("Islamic State claimed to have killed 12 soldiers in an attack near Kirkuk on Monday.",
     "Armed clash", "Islamic State (Iraq)"),
])
def test_an_armed_claimant_of_its_own_act_is_its_author(geocoding_extractor, text,
                                                         sub_event_type, actor1):
    (e,) = events_in(geocoding_extractor, text, "2016-02-15")
    assert (e.sub_event_type, e.actor1) == (sub_event_type, actor1)


def test_a_name_after_a_given_name_and_an_initial_is_a_person(geocoding_extractor):
    # (the coder reads "have struck at a militia that launched rocket attacks against U.S.
    # bases" as no event, 0.00, and the event is dropped: docs/model.md, known failure modes)
    text = ("American forces struck an Iranian-backed militia in eastern Syria on Thursday, "
            "Pentagon Press Secretary John F. Kirby told reporters traveling with Secretary of "
            "Defense Lloyd J. Austin.")
    events = events_in(geocoding_extractor, text, "2021-02-26")
    assert events and "Austin" not in {e.location for e in events}


def test_a_retelling_joins_the_act_told_at_the_district_of_its_name(geocoding_extractor):
    text = ("Taliban fighters captured the remote Kohistan district in northern Afghanistan "
            "after a fierce fight with police forces that left five policemen dead.\n\n"
            "A provincial council member said the Taliban then fired rockets at a police "
            "building in the district, destroying it.\n\n"
            "The Taliban took control of Kohistan shortly after a government watchdog "
            "reported that the insurgents controlled 59 districts.")
    events = events_in(geocoding_extractor, text, "2018-05-02")
    captures = [e for e in events if e.sub_event_type == "Non-state actor overtakes territory"]
    assert len(captures) == 1


def test_two_perpetrators_of_one_day_and_town_are_two_events(geocoding_extractor):
    text = ("On 10 March, Israeli forces shot and killed two Palestinians in Jenin city.\n\n"
            "On 10 March, Palestinian forces shot and killed a 16-year-old Palestinian child "
            "in Jenin city.")
    events = events_in(geocoding_extractor, text, "2025-03-14")
    assert sorted(e.actor1 for e in events) == [
        "Military Forces of Israel", "Police Forces of Palestine (2007-) West Bank"]


def test_the_place_told_after_the_act_places_it(geocoding_extractor):
    text = ("In other violence in western Afghanistan, a soldier shot dead three fellow "
            "soldiers and escaped.\n\n"
            "A spokesperson for the governor said the soldiers belonged to a discipline unit.\n\n"
            "The incident took place in Shindand district of Herat province.")
    events = events_in(geocoding_extractor, text, "2018-05-02")
    assert [ascii_name(e.location) for e in events] == ["Shindand"]


@pytest.mark.parametrize(("text", "city"), [
    ("A suicide bomber killed five people at a checkpoint in the Somali capital on Sunday.",
     "Mogadishu"),
    ("Suicide bomber kills 5 at checkpoint in Somalia's capital", "Mogadishu"),
    ("Protesters marched through the capital of Mali on Friday.", "Bamako"),
])
def test_a_capital_named_by_its_country_is_that_city(geocoding_extractor, text, city):
    (event,) = events_in(geocoding_extractor, text)
    assert event.location == city and event.geo_precision == 1


def test_a_capital_no_country_owns_is_no_place(geocoding_extractor):
    mentions = geocoding_extractor.geocoder.find_toponyms(
        "The rebel capital was shelled on Sunday, and capital punishment was debated.")
    assert not any(m.lookup for m in mentions)


def test_a_capitalised_point_of_the_compass_is_part_of_the_name(geocoding_extractor):
    """"in South Lebanon", "in West Darfur": a division's name; "in southern Lebanon" is a
    part of the country told by its direction."""
    (e,) = events_in(geocoding_extractor, "On Sunday, five civilians were killed in two Israeli "
                                          "airstrikes in South Lebanon.")
    assert (e.country, e.admin1 or e.location) == ("Lebanon", "South Governorate")
    (e,) = events_in(geocoding_extractor, "On Sunday, RSF fighters killed five civilians in "
                                          "West Darfur.")
    assert e.location in ("Western Darfur", "West Darfur")
    (e,) = events_in(geocoding_extractor, "On Sunday, five civilians were killed in two Israeli "
                                          "airstrikes in southern Lebanon.")
    assert (e.country, e.location) == ("Lebanon", "")


def test_a_place_that_ends_a_clause_before_its_source_is_still_a_place(geocoding_extractor):
    """"in Chibok, according to police", "in Chibok, said a police officer": the source
    follows the place; only a name that itself speaks ("Dillon said") is a person."""
    for text in ("On Sunday, gunmen killed 20 people in Chibok, according to police.",
                 "On Sunday, gunmen killed 20 people in Chibok, said a police officer."):
        (e,) = events_in(geocoding_extractor, text)
        assert (e.location, e.country) == ("Chibok", "Nigeria")
        # the police of a country the text has not named yet are "police" as written
        assert [c.claimant for c in e.claims] in (["police"], ["police officer"])


def test_foreigners_named_by_nationality_do_not_move_the_event(geocoding_extractor):
    """"three Afghan nationals in Quetta", "two Chinese nationals in Karachi", "two Turkish
    engineers in Kano": where the people come from, not where the act was."""
    for text, country in [
            ("Gunmen killed three Afghan nationals in Quetta on Sunday.", "Pakistan"),
            ("A suicide bomber killed two Chinese nationals in Karachi on Sunday.", "Pakistan"),
            ("Gunmen kidnapped two Turkish engineers in Kano on Sunday.", "Nigeria")]:
        (e,) = events_in(geocoding_extractor, text)
        assert e.country == country, text


def test_a_place_named_with_its_countrys_possessive(geocoding_extractor):
    """"in Somalia's Mogadishu": the city, the country its owner; "labourers from Punjab in
    Gwadar": where they came from is not where they were killed."""
    (e,) = events_in(geocoding_extractor, "Gunmen killed seven people in Somalia's Mogadishu "
                                          "on Sunday.")
    assert (e.location, e.country) == ("Mogadishu", "Somalia")
    (e,) = events_in(geocoding_extractor, "Gunmen killed seven labourers from Punjab in Gwadar "
                                          "on Sunday.")
    assert e.location == "Gwadar"


def test_gaza_and_its_neighbours_by_their_own_names(geocoding_extractor):
    """"Deir al-Balah" is Gaza's, not Deir ez-Zor's Syria; fire "from Gaza" that hits
    Ashkelon does not put the event in Gaza; settlers and peacekeepers are who they are."""
    (e,) = events_in(geocoding_extractor, "An Israeli strike killed eight people in Deir "
                                          "al-Balah on Sunday.")
    assert e.country == "Palestinian Territory" and e.actor2 == "Civilians (Palestinian Territory)"
    for e in events_in(geocoding_extractor, "Rockets fired from Gaza hit Ashkelon on Sunday, "
                                            "injuring two people."):
        assert e.country != "Palestinian Territory"
    (e,) = events_in(geocoding_extractor, "Israeli settlers shot and killed a Palestinian man "
                                          "near Ramallah on Sunday.")
    assert e.actor1 == "Settlers (Israel)"
    (e,) = events_in(geocoding_extractor, "On Sunday, gunmen attacked peacekeepers near Beni, "
                                          "killing two peacekeepers.")
    assert (e.sub_event_type, e.actor2, e.fatalities) == ("Armed clash", "UN: United Nations", 2)


def test_a_state_taking_ground_abroad_overtakes_it(geocoding_extractor):
    # No country is named: only the gazetteer knows Avdiivka is in Ukraine, so only after
    # geocoding can Russia's capture be told from a government retaking its own town.
    abroad = events_in(geocoding_extractor, "Russian forces captured Avdiivka on 17 February.",
                       published=dt.date(2024, 2, 19))
    assert [(e.sub_event_type, e.country) for e in abroad] == [
        ("Non-state actor overtakes territory", "Ukraine")]
    home = events_in(geocoding_extractor, "Iraqi forces recaptured Tal Afar on Sunday.")
    assert [e.sub_event_type for e in home] == ["Government regains territory"]


def test_somalia_regions_name_somalia_not_juba(geocoding_extractor):
    # "Middle Juba" is a Somali region, not South Sudan's capital: read as Juba, the release's
    # assessment sentence was told in another country and made a second strike.
    events = events_in(
        geocoding_extractor,
        "U.S. Africa Command conducted an airstrike near Jilib, Middle Juba region, on April 4. "
        "The initial assessment is that the strike killed two al-Shabaab militants.",
        published=dt.date(2024, 4, 6))
    assert [(e.sub_event_type, e.country, e.fatalities, e.actor2) for e in events] == [
        ("Air/drone strike", "Somalia", 2, "Al Shabaab")]


def test_south_sudans_army_and_a_name_holding_a_city(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "South Sudan's army clashed with SPLA-IO fighters in "
                     "Malakal on Sunday, killing 12 people.")
    assert (e.actor1, e.country) == ("Military Forces of South Sudan (2011-)", "South Sudan")
    # "Aden" in a police commissioner's name says nothing of Yemen
    (e,) = events_in(geocoding_extractor, "Police commissioner Abdifatah Aden Hassan said "
                     "gunmen killed four people in Beledweyne on Sunday.")
    assert e.country == "Somalia"


def test_the_attackers_adjective_does_not_veto_the_place(geocoding_extractor):
    # "Ukrainian" is whose drones, not where they struck: the only country word of the text
    # cannot move Tuapse out of Russia
    (e,) = events_in(geocoding_extractor, "Ukrainian drones struck an oil refinery in Tuapse "
                     "on Sunday, regional officials said.")
    assert (e.location, e.country) == ("Tuapse", "Russia") and e.latitude is not None


def test_one_aircraft_or_missile_of_a_state(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "A Russian drone hit a bus in Bilozerske on Monday, "
                     "killing two people.", published=dt.date(2024, 5, 14))
    assert (e.actor1, e.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Ukraine)")


def test_states_that_speak_or_fight_by_their_capitals_are_not_places(geocoding_extractor):
    # the UK condemning is no clue to where the village is
    (e,) = events_in(geocoding_extractor, "The UK condemns the attack on the village of "
                     "Mangu Halle on Sunday, which killed 30 people.")
    assert e.country != "United Kingdom" and e.actor2 != "Civilians (United Kingdom)"
    # nor are the condemning states the looters
    (e,) = events_in(geocoding_extractor, "The governments of the United Kingdom, Norway and "
                     "the United States condemn the looting of El Geneina by fighters of the "
                     "Rapid Support Forces on Sunday.")
    assert e.actor1 == "Rapid Support Forces"
    (e,) = events_in(geocoding_extractor, "Russian troops attacked Vovchansk on Sunday as "
                     "Moscow's forces pressed their offensive.")
    assert (e.location, e.country) == ("Vovchansk", "Ukraine")


def test_ships_seized_at_sea_are_abductions_off_a_town(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "Pirates seized a fishing vessel and its crew off Eyl "
                     "on Sunday.")
    assert (e.sub_event_type, e.location) == ("Abduction/forced disappearance", "Eyl")
    (e,) = events_in(geocoding_extractor, "Pirates hijacked a Yemeni-flagged dhow off the coast "
                     "of Eyl on Sunday.")
    assert e.sub_event_type == "Abduction/forced disappearance"


def test_who_announces_a_capture_made_it(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "The Russian Ministry of Defence announced the capture "
                     "of Soledar on Friday.", published=dt.date(2023, 1, 14))
    assert (e.sub_event_type, e.actor1, e.event_date) == (
        "Non-state actor overtakes territory", "Military Forces of Russia (2000-)", "2023-01-13")
    (e,) = events_in(geocoding_extractor, "On 13 January, the Islamic State claimed the capture "
                     "of Palma.", published=dt.date(2023, 1, 14))
    assert (e.sub_event_type, e.actor1) == ("Non-state actor overtakes territory",
                                            "Islamic State (Mozambique)")
    # a people fighting names no place
    (e,) = events_in(geocoding_extractor, "Clashes broke out between Dinka and Shilluk youths "
                     "on Sunday, killing 12 people.")
    assert e.location != "Dinka"


def test_a_people_counted_by_name_are_civilians(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "At least 5 Tigrayans were killed in Mai Kadra by "
                     "Amhara militias on 10 November.", published=dt.date(2020, 11, 20))
    assert (e.sub_event_type, e.actor2) == ("Attack", "Civilians (Ethiopia)")
    # a force's members named so stay that force
    (e,) = events_in(geocoding_extractor, "Saudi-led strikes killed five Houthis in Saada on "
                     "Monday.", published=dt.date(2020, 11, 20))
    assert e.actor2 == "Ansar Allah"


def test_a_bombing_at_a_place_has_an_author_though_unnamed(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "Coordinated attacks occurred on 21 April 2019, "
                     "Easter Sunday, when three churches across Sri Lanka and three luxury hotels "
                     "in the commercial capital Colombo were targeted in a series of suicide "
                     "bombings.", published=dt.date(2019, 4, 25))
    assert (e.sub_event_type, e.location) == ("Suicide bomb", "Colombo")
    assert e.actor1.startswith("Unidentified Armed Group")


def test_an_encyclopedia_lead_telling_its_day_and_place_is_the_incident(geocoding_extractor):
    text = ("The Mai Kadra massacre was a massacre and ethnic cleansing carried out during the "
            "Tigray War on 9–10 November 2020 in the town of Mai Kadra in northwestern Ethiopia, "
            "near the Sudanese border. The victims have been described as civilians.")
    events = geocoding_extractor.process(make_article(
        text, published=dt.date(2021, 3, 1), outlet="Wikipedia")).events
    # the war's name is no place; the lead is no reference to an incident told before
    assert [(e.sub_event_type, e.location, e.event_date) for e in events] == [
        ("Attack", "Mai Kadra", "2020-11-09")]


def test_a_force_named_by_example_is_no_other_side(geocoding_extractor):
    (e,) = events_in(geocoding_extractor, "Rights groups said at least 5 Tigrayans were killed in "
                     "Mai Kadra by Amhara militias such as Fano on 10 November.",
                     published=dt.date(2020, 11, 20))
    assert (e.actor1, e.actor2) == ("Amhara Ethnic Militia (Ethiopia)", "Civilians (Ethiopia)")
