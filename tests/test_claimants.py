"""Who a figure is claimed by: sources named as the text names them, never an actor's name for
a witness; a group that claimed an attack; a source told again as "the same organization"."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline import make_article

MONDAY = dt.date(2021, 10, 25)


@pytest.fixture(scope="module")
def geocoding_extractor():
    from frontwatch.pipeline import Extractor

    return Extractor()


def claimants(extractor, text: str) -> list[set[str]]:
    events = extractor.process(make_article(text, published=MONDAY)).events
    return [{c.claimant for c in e.claims} for e in events]


@pytest.mark.parametrize("text, source", [
    ("Human rights organizations reported 11 civilians killed by soldiers in Buea on Sunday.",
     "Human rights organizations"),
    ("Media outlets reported two deaths and multiple injuries during yesterday's "
     "demonstrations in Lima.",
     "Media outlets"),
    ("Rights groups said security forces killed three protesters in Khartoum on Sunday.",
     "Rights groups"),
])
def test_sources_named_by_their_kind(extractor, text, source):
    assert source in set().union(*claimants(extractor, text))


def test_witnesses_are_a_source_as_written_not_the_civilians_actor(extractor):
    found = claimants(extractor, "On Sunday, an airstrike hit Mekelle. Health workers and "
                                 "community members confirmed that three children were killed "
                                 "in the airstrike.")
    assert "Health workers and community members" in set().union(*found)
    found = claimants(extractor, "On Sunday, soldiers shot dead five young men near Mugi, "
                                 "according to a local journalist.")
    assert found == [{"local journalist"}]


def test_the_group_that_claimed_an_attack_claims_it(extractor):
    found = claimants(extractor, "The United States condemns Sunday's bombing claimed by "
                                 "Da'esh of a market in Sadr City, Baghdad, which killed over 70 "
                                 "people.")
    assert [any(c.startswith("Islamic State") for c in f) for f in found] == [True]


def test_the_same_organization_is_the_one_named_before(extractor):
    found = claimants(extractor, "According to a credible organization, soldiers killed a "
                                 "nurse in Bamenda on Saturday. The same organization reported "
                                 "that on Sunday soldiers burned alive 13 civilians in Ndu.")
    assert found and all(f == {"credible organization"} for f in found)


@pytest.mark.parametrize("text, source", [
    ("Gunmen killed six people in Katsina State on Sunday, the military said.", "military"),
    ("Soldiers killed 12 civilians in Djibo on Sunday, Human Rights Watch said.",
     "Human Rights Watch"),
    ("Gunmen killed six people in Katsina State on Sunday, the ICRC said.", "ICRC"),
    ("Gunmen killed six people in Katsina State on Sunday, prosecutors said.", "prosecutors"),
])
def test_a_body_that_said_it_is_the_source_as_named(extractor, text, source):
    assert claimants(extractor, text) == [{source}]


def test_a_countrys_own_body_named_generically_is_that_countrys_only_there(geocoding_extractor):
    """SANA is Syria's state media and the White Helmets its civil defence: "state media" in
    Somalia and "the civil defence" in Gaza are those countries' own, kept as written."""
    assert claimants(geocoding_extractor, "Gunmen killed six people in Mogadishu on Sunday, "
                                          "state media said.") == [{"state media"}]
    assert claimants(geocoding_extractor, "An Israeli air strike killed 15 people in Nuseirat "
                                          "on Sunday, the civil defence said.") == [
        {"civil defence"}]
    assert claimants(geocoding_extractor, "Government shelling killed six people in Idlib on "
                                          "Sunday, state media said.") == [{"SANA"}]
    assert claimants(geocoding_extractor, "A bomb killed 20 people in Mogadishu, Somalia, on "
                                          "Sunday, police said.") == [{"Somali police"}]


def test_an_army_speaking_before_its_country_is_known_is_that_countrys(geocoding_extractor):
    found = claimants(geocoding_extractor, "Two soldiers were killed when their vehicle hit a "
                                           "landmine in Kidal region on Sunday, the army said.")
    assert len(found) == 1 and all("Unknown" not in c and "Mali" in c for c in found[0])


def test_a_source_named_after_according_to_is_named_not_anaphoric(geocoding_extractor):
    assert claimants(geocoding_extractor, "An Israeli strike killed eight people in Deir "
                                          "al-Balah on Sunday, according to the Ministry of "
                                          "Health.") == [{"Ministry of Health"}]
    assert claimants(geocoding_extractor, "Gunmen killed six people in Tawila on Sunday, "
                                          "according to a statement by the Darfur Bar "
                                          "Association.") == [{"Darfur Bar Association"}]
    # a nationality written before the police is theirs, whatever the story's country
    assert claimants(geocoding_extractor, "Gunmen killed two shepherds in Hebron on Sunday, "
                                          "Israeli police said.") == [{"Israeli police"}]


def test_a_period_toll_is_no_incidents(geocoding_extractor):
    events = geocoding_extractor.process(make_article(
        "Israeli air strikes killed two people in Rafah on Sunday.\n\n• Between 23 and 24 "
        "October, 195 Palestinians "
        "were reportedly killed, according to the Ministry of Health.",
        published=MONDAY)).events
    assert [e.fatalities for e in events] == [2]


def test_a_range_of_people_is_not_a_span_of_days(geocoding_extractor):
    # "Between 20 and 30 people": a toll given as a range, not a period's toll
    events = geocoding_extractor.process(make_article(
        "Gunmen attacked the town of Kidal on Sunday. Between 20 and 30 people were killed, "
        "officials said.", published=MONDAY)).events
    assert [e.fatalities for e in events] == [20]


@pytest.mark.parametrize("text, source", [
    ("Medical sources said an air strike killed nine people in Saada on Monday.",
     "Medical sources"),
    ("Two soldiers died when a roadside bomb hit their vehicle near Kismayo on Sunday, a "
     "security source said.", "security source"),
    ("Gunmen killed eleven villagers in Tillia on Sunday, local officials said.",
     "local officials"),
])
def test_sources_of_a_kind_are_kept_as_written(extractor, text, source):
    # (not all "local sources": the coders write them as the text does)
    assert source in set().union(*claimants(extractor, text))


@pytest.mark.parametrize("text, source", [
    ("The district commissioner said ADF rebels killed 22 civilians in Beni territory on "
     "Sunday.", "district commissioner"),
    ("Gunmen killed four people at a hospital in Kumba on Sunday, hospital staff said.",
     "hospital staff"),
    ("Fano representatives said the army killed 40 civilians in Gondar on Sunday.",
     "Fano representatives"),
    ("The head of the regional military administration wrote on Telegram that Russian "
     "shelling killed two people in Kherson on Sunday.",
     "head of the regional military administration"),
    # the source an agency cites does not hide the agency
    ("State news agency SANA, citing a military source, said Israeli missiles struck a site "
     "near Damascus on Sunday, killing two soldiers.", "SANA"),
])
def test_more_speakers_and_an_agency_citing_another(extractor, text, source):
    assert source in set().union(*claimants(extractor, text))


def test_a_war_monitor_is_the_syrian_observatory_only_in_syria(extractor):
    assert claimants(extractor, "A war monitor said gunmen killed six people in Tumaco, "
                                "Colombia, on Sunday.") == [{"war monitor"}]
    assert claimants(extractor, "A war monitor said an air strike killed nine people in "
                                "Idlib, Syria, on Sunday.") == [{"SOHR"}]


@pytest.mark.parametrize("text, source", [
    ("Seven soldiers were killed in an ambush near Gao on Monday. The army confirmed the toll "
     "on Tuesday.", "Military Forces of Mali"),
    ("Gunmen killed 22 worshippers at a church in Ondo on Sunday. Police spokesman Ibrahim "
     "Adamu confirmed the attack.", "Police spokesman Ibrahim Adamu"),
])
def test_a_source_confirming_the_act_just_told_claims_it_with_its_figures(
        geocoding_extractor, text, source):
    events = geocoding_extractor.process(make_article(text, published=MONDAY)).events
    (e,) = events
    claims = {c.claimant: c.fatalities.value for c in e.claims if c.fatalities}
    assert claims[source] == e.fatalities


def test_a_rival_toll_given_as_the_number_is_its_own_claim(extractor):
    (e,) = extractor.process(make_article(
        "Ethiopian officials said 15 people were killed in clashes in Gondar on Tuesday, but "
        "Fano representatives said the number was at least 40.", published=MONDAY)).events
    figures = {c.claimant: c.fatalities.value for c in e.claims if c.fatalities}
    assert figures == {"Ethiopian officials": 15, "Fano representatives": 40}


def test_a_claim_the_other_side_denied(extractor):
    (e,) = extractor.process(make_article(
        "Houthi officials said a US air strike killed eight people in Hodeidah on Friday, a "
        "claim the US Central Command denied.", published=MONDAY)).events
    by = {c.claimant: c for c in e.claims}
    assert by["Houthi officials"].fatalities.value == 8 and not by["Houthi officials"].denies
    assert by["US military"].denies


@pytest.mark.parametrize("text, actor, source", [
    ("FAMa units repelled an attack by JNIM near Boni on Monday, killing 12 terrorists, the "
     "army said.", "Military Forces of Mali", None),
    ("ISPR said security forces killed five khwarij in an intelligence-based operation in "
     "North Waziristan on Monday.", "TTP: Tehreek-i-Taliban Pakistan", "ISPR"),
    ("An ISKP suicide bomber killed 12 people at a mosque in Kunduz on Monday.",
     "Islamic State (Afghanistan)", None),
    ("The General Staff of the Armed Forces of Ukraine said Russian forces shelled Nikopol "
     "on Monday, killing two civilians.", "Military Forces of Russia (2000-)",
     "Ukrainian General Staff"),
])
def test_bulletins_names_of_forces_and_sources(geocoding_extractor, text, actor, source):
    (e,) = geocoding_extractor.process(make_article(text, published=MONDAY)).events
    assert actor in (e.actor1, e.actor2)
    if source:
        assert source in {c.claimant for c in e.claims}


def test_the_owner_of_equipment_struck_suffers_the_strike(geocoding_extractor):
    (e,) = geocoding_extractor.process(make_article(
        "U.S. forces struck a Houthi missile launcher near Hodeidah on Monday.",
        published=MONDAY)).events
    assert e.actor1.startswith("Military Forces of the United States")
    assert e.actor2 == "Ansar Allah"


def test_khwarij_killed_in_an_operation_are_counted(geocoding_extractor):
    (e,) = geocoding_extractor.process(make_article(
        "Security forces conducted an intelligence-based operation in Tank district on "
        "Monday, and seven khwarij were killed, ISPR said.", published=MONDAY)).events
    assert e.fatalities == 7 and e.actor2.startswith("TTP")


@pytest.mark.parametrize("text, author", [
    ("A drone attack attributed to the CJNG dropped explosives on homes in Aguililla on "
     "Monday.", "CJNG: Jalisco New Generation Cartel"),
    ("A drone operated by FARC dissidents struck a police post in Jamundi on Monday.",
     "FARC-EP Dissidents"),
])
def test_an_author_named_by_a_description_of_the_act(geocoding_extractor, text, author):
    (e,) = geocoding_extractor.process(make_article(text, published=MONDAY)).events
    assert e.actor1 == author


def test_gunmen_loyal_to_a_group_are_the_group(geocoding_extractor):
    (e,) = geocoding_extractor.process(make_article(
        "Gunmen loyal to the G9 coalition attacked residents of Carrefour-Feuilles on Monday, "
        "killing four.", published=MONDAY)).events
    assert e.actor1 == "G9 Family and Allies"
