"""Context-free ranking rules, on a small hand-written gazetteer: a district yields to its seat
spelt another way, a province known by another name to a city that owns it, a country's other
name to the division it names outright, a village to a metropolis of its name; division
adjectives ("Ohioans") and "Co." for County."""

from __future__ import annotations

import pytest

from frontwatch.geo import Geocoder, GeoContext
from frontwatch.geo.sources import PlaceRecord
from geo_support import gazetteer_of


@pytest.fixture(scope="module")
def geo(tmp_path_factory) -> Geocoder:
    root = tmp_path_factory.mktemp("ranking-rules")

    def records():
        yield PlaceRecord(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US",
                          population=310232863)
        yield PlaceRecord(6254930, "Palestinian Territory", 31.9, 35.2, "A", "PCLI", "PS",
                          population=4_500_000, names=["West Bank"])
        yield PlaceRecord(1036973, "Mozambique", -18.0, 35.0, "A", "PCLI", "MZ",
                          population=22_000_000)
        yield PlaceRecord(3996063, "Mexico", 23.0, -102.0, "A", "PCLI", "MX",
                          population=112_000_000)
        yield PlaceRecord(7303956, "West Bank", 32.0, 35.25, "A", "ADM1", "PS", "WE",
                          population=2_700_000)
        yield PlaceRecord(7303955, "Gaza Strip", 31.4, 34.4, "A", "ADM1", "PS", "GZ",
                          population=1_700_000)
        yield PlaceRecord(1046058, "Gaza Province", -23.7, 32.8, "A", "ADM1", "MZ", "02",
                          population=1_200_000, names=["Gaza"])
        yield PlaceRecord(281133, "Gaza", 31.5, 34.47, "P", "PPLA", "PS", "GZ",
                          population=410_000)
        yield PlaceRecord(7828733, "Jenin", 32.43, 35.24, "A", "ADM2", "PS", "WE", "Jenin",
                          population=105_357)
        yield PlaceRecord(283506, "Janin", 32.46, 35.30, "P", "PPL", "PS", "WE", "Jenin",
                          population=34_730, names=["Jenin"])
        yield PlaceRecord(5128581, "Ohio", 40.25, -83.0, "A", "ADM1", "US", "OH",
                          population=11_500_000)
        yield PlaceRecord(4769125, "Loudoun County", 39.09, -77.64, "A", "ADM2", "US", "VA",
                          "Loudoun County", population=312_311)
        yield PlaceRecord(5368361, "Los Angeles", 34.05, -118.24, "P", "PPL", "US", "CA",
                          population=3_820_914)
        yield PlaceRecord(3998001, "Los Angeles", 25.5, -108.5, "P", "PPL", "MX", "25",
                          population=2_000)

    return Geocoder(gazetteer_of(records, root / "g.sqlite"))


def top(geo: Geocoder, name: str, **ctx) -> int:
    return geo.resolve(name, GeoContext(**ctx))[0].id


def test_a_city_owns_its_name_over_a_province_known_by_it(geo):
    assert top(geo, "Gaza") == 281133  # not Mozambique's Gaza Province


def test_a_division_named_outright_beats_the_countrys_other_name(geo):
    assert top(geo, "West Bank") == 7303956


def test_a_district_yields_to_its_seat_known_by_another_name(geo):
    assert top(geo, "Jenin") == 283506


def test_a_metropolis_over_a_village_of_its_name(geo):
    # even where the article's other places point at the village's country
    assert top(geo, "Los Angeles", countries={"MX": 1.0, "US": 0.3}) == 5368361


def test_division_adjectives_and_county_abbreviations(geo):
    ohio = geo.gazetteer.candidates("Ohioans")
    assert [c.id for c in ohio] == [5128581] and ohio[0].match == "adjective"
    assert geo.gazetteer.profile("ohioans") is None  # weak: no place name on its own
    assert top(geo, "Loudoun Co.") == 4769125
