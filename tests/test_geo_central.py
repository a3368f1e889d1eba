""""Central X" (issue 12): the heart of a district named for its town is the town, as the side
that fought there and its rival, who names a quarter of it, both mean; a province's centre
stays the province. With the embedded gazetteer; sentences of their own."""

from __future__ import annotations

import datetime as dt

import pytest

from frontwatch.pipeline import Extractor, make_article

TUESDAY = dt.date(2015, 10, 20)


@pytest.fixture(scope="module")
def geocoding_extractor():
    return Extractor()


def place(extractor, text: str) -> tuple[str, int]:
    (e,) = extractor.process(make_article(text, published=TUESDAY)).events
    return e.admin2 if e.geo_precision == 3 else e.location, e.geo_precision


@pytest.mark.parametrize("town", ["Tal Afar", "Hit"])
def test_the_centre_of_a_district_town_is_the_town(geocoding_extractor, town):
    _, precision = place(geocoding_extractor, f"Police clashed with gunmen in central {town} "
                                              "on Monday, killing three of them.")
    assert precision == 1


def test_a_side_of_the_district_is_still_the_district(geocoding_extractor):
    _, precision = place(geocoding_extractor, "Police clashed with gunmen in northern Tal Afar "
                                              "on Monday, killing three of them.")
    assert precision == 3
