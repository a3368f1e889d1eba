"""Renamed places and their namesakes (issue 12): a former name a belligerent's media keep
("Artemovsk", "Krasnoarmeysk") and a state's adjective on an actor ("Russian artillery") must
not move a town to another country. With the embedded gazetteer, as extraction uses it."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.geo.resolve import name_country_votes
from frontwatch.geo.toponyms import in_dateline
from frontwatch.pipeline import Extractor, make_article

MONDAY = dt.date(2024, 11, 4)


@pytest.fixture(scope="module")
def geocoding_extractor():
    return Extractor()


def places(extractor, text: str) -> list[tuple[str, str]]:
    events = extractor.process(make_article(text, published=MONDAY)).events
    return [(e.location, e.country) for e in events]


def test_an_attackers_adjective_does_not_move_the_town(geocoding_extractor):
    # Pokrovsk is a town's own name in Ukraine; Engels (Russia) only bore it once
    ((_, country),) = places(geocoding_extractor, "Russian artillery shelled Pokrovsk on "
                                                   "Sunday, wounding four residents, the "
                                                   "regional governor said.")
    assert country == "Ukraine"


def test_a_former_name_with_a_nearby_place_stays_in_the_war(geocoding_extractor):
    ((_, country),) = places(geocoding_extractor, "Russian troops captured Artemovsk near "
                                                   "Donetsk on Sunday, the Russian Defence "
                                                   "Ministry said.")
    assert country == "Ukraine"


def test_a_town_in_the_attackers_country_named_as_such_stays_there(geocoding_extractor):
    ((_, country),) = places(geocoding_extractor, "Ukrainian drones struck an oil depot in "
                                                   "the Russian city of Bryansk on Sunday.")
    assert country == "Russia"


def test_a_former_bearer_adds_no_vote_where_the_name_is_a_towns_own(geocoding_extractor):
    gazetteer = geocoding_extractor.geocoder.gazetteer
    # Russia has a village Artemovsk and a town once called so; Ukraine's Bakhmut was Artemovsk
    votes = name_country_votes(gazetteer, "Artemovsk")
    assert votes["UA"] > votes.get("RU", 0.0)
    # Russia's own Pokrovsk (Yakutia) votes for Russia; Engels, once Pokrovsk, adds nothing
    assert name_country_votes(gazetteer, "Pokrovsk")["UA"] > 0.5


def test_a_dateline_closed_by_a_full_stop():
    text = "KHARTOUM, Dec. 3. The army said it repelled an attack."
    assert in_dateline(text, 0)
    assert not in_dateline(text, text.index("army"))
    assert not in_dateline("Khartoum said on Dec. 3. Nothing else.", 0)
