"""Resolving all toponyms of an article together: the provinces and counties its other places
lie in, and what the words right after a name say ("Mansfield, La.", "Becker and Clay
counties"). On a small hand-written gazetteer of US namesakes."""

from __future__ import annotations

import pytest

from frontwatch.geo import Geocoder
from frontwatch.geo.resolve import resolve_article_names
from frontwatch.geo.sources import PlaceRecord
from geo_support import gazetteer_of


@pytest.fixture(scope="module")
def geo(tmp_path_factory) -> Geocoder:
    root = tmp_path_factory.mktemp("article-context")

    def records():
        yield PlaceRecord(6252001, "United States", 39.76, -98.5, "A", "PCLI", "US",
                          population=310232863)
        yield PlaceRecord(390903, "Greece", 39.0, 22.0, "A", "PCLI", "GR", population=11000000)
        for gid, name, code, lat, lon, alias in [
                (4331987, "Louisiana", "LA", 31.0, -92.0, "La."),
                (4736286, "Texas", "TX", 31.25, -99.25, "Tex."),
                (4197000, "Georgia", "GA", 32.75, -83.5, "Ga."),
                (5037779, "Minnesota", "MN", 46.25, -94.25, "Minn.")]:
            yield PlaceRecord(gid, name, lat, lon, "A", "ADM1", "US", code,
                              population=4_000_000, names=[alias])
        counties = [(4669828, "Henderson County", "TX", 32.21, -95.85, 78532),
                    (4470566, "Henderson County", "NC", 35.34, -82.48, 106740),
                    (5017670, "Becker County", "MN", 46.93, -95.67, 32504),
                    (5020845, "Clay County", "MN", 46.89, -96.49, 58999),
                    (4252976, "Becker County", "GA", 31.0, -84.0, 900)]
        for gid, name, a1, lat, lon, pop in counties:
            yield PlaceRecord(gid, name, lat, lon, "A", "ADM2", "US", a1, name, pop)
        towns = [(4709013, "Mansfield", "TX", "Tarrant County", 32.56, -97.14, 64274),
                 (4332494, "Mansfield", "LA", "De Soto Parish", 32.04, -93.70, 4946),
                 (4341513, "Shreveport", "LA", "Caddo Parish", 32.53, -93.75, 187593),
                 (4180386, "Athens", "GA", "Clarke County", 33.96, -83.38, 127315),
                 (4671545, "Athens", "TX", "Henderson County", 32.20, -95.85, 12788),
                 (4470778, "Hendersonville", "NC", "Henderson County", 35.32, -82.46, 13137),
                 (5017660, "Becker", "MN", "Sherburne County", 45.39, -93.88, 4700),
                 (4140963, "Washington", "DC", "", 38.90, -77.04, 689545)]
        for gid, name, a1, a2, lat, lon, pop in towns:
            yield PlaceRecord(gid, name, lat, lon, "P", "PPL" if gid != 4140963 else "PPLC",
                              "US", a1, a2, pop, names=["D.C."] if gid == 4140963 else [])
        yield PlaceRecord(264371, "Athens", 37.98, 23.73, "P", "PPLC", "GR", "ESYE31",
                          population=664046)

    return Geocoder(gazetteer_of(records, root / "g.sqlite"))


def _ids(places):
    return [c.id if c is not None else None for c in places]


def test_a_name_in_capitals_is_no_context_for_itself(geo):
    # "MANSFIELD -- Mansfield Mayor ...": the dateline's reading must not vouch for the town.
    out = resolve_article_names(geo.gazetteer, ["MANSFIELD", "Mansfield", "Shreveport"])
    assert _ids(out) == [4332494, 4332494, 4341513]


def test_the_county_of_another_name_picks_the_town(geo):
    # Henderson County is in Texas and North Carolina; Athens in Georgia, Texas and Greece:
    # only the Texan readings share a county.
    out = resolve_article_names(geo.gazetteer, ["Athens", "Henderson County", "Athens"])
    assert _ids(out) == [4671545, 4669828, 4671545]
    assert resolve_article_names(geo.gazetteer, ["Athens"])[0].id != 4671545


def test_a_state_written_after_a_town_is_its_state(geo):
    text = "Mansfield, La. -- The mayor of Mansfield spoke."
    spans = [(0, 9, "Mansfield"), (11, 14, "La."), (37, 46, "Mansfield")]
    out = geo.resolve_text_names(text, spans)
    assert _ids(out) == [4332494, 4331987, 4332494]
    plain = geo.resolve_text_names("The mayor of Mansfield spoke.", [(13, 22, "Mansfield")])
    assert plain[0].id == 4709013  # no state written: the bigger town


def test_names_before_counties_are_counties(geo):
    text = "Roads closed in Becker and Clay counties, Minn., and in Becker itself."
    spans = [(16, 22, "Becker"), (27, 31, "Clay"), (56, 62, "Becker")]
    out = geo.resolve_text_names(text, spans)
    assert _ids(out)[:2] == [5017670, 5020845]
    assert out[2].id == 5017660  # the town: no county word after it

