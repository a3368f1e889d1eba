"""The geocoder on the shared data: the seed article and samples of LGL, TR-News and UCDP.

These use the embedded default gazetteer (built once into the user cache, ~25 s the first
time) and skip with a message where ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.model import Article, Evidence, Mention, PlaceMention

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "isis-retreat-syria-2017-08.txt"
GEOPARSING = SHARED / "data" / "geoparsing"
UCDP = SHARED / "data" / "ucdp-ged-syria" / "ged191_syria_2016-01-01_2019-11-30.csv"

pytestmark = pytest.mark.shared


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} absent: shared development data is not available here")
    return path


@pytest.fixture(scope="module")
def geo():
    from frontwatch.geo import Geocoder

    return Geocoder.default(gazetteer_dir=None, local_csv=None)


def seed_mention(text: str, sentence: str, *written: tuple[str, str]) -> Mention:
    start = text.index(sentence)
    places = []
    for w, role in written:
        s = text.index(w, start)
        places.append(PlaceMention(w, s, s + len(w), role))
    return Mention("seed", Evidence("seed", start, start + len(sentence), sentence), "x",
                   "Battles", "Armed clash", places=places)


def test_seed_places(geo):
    text = need(SEED).read_text(encoding="utf-8")
    art = Article(id="seed", text=text)
    maadan = seed_mention(text, "Meanwhile, the SAA and tribal forces continued pressuring ISIS "
                          "in the town of Maadan", ("Maadan", "at"))
    sukhna = seed_mention(text, "In the province of Homs, ISIS conducted raids near Sukhna",
                          ("Homs", "region"), ("Sukhna", "near"), ("Shaer fields", "at"))
    bwair = seed_mention(text, "The ISIS-linked news agency Amaq released a statement",
                         ("US", "at"), ("al-Bwair", "near"), ("Tal-Afar", "near"))
    landing = seed_mention(text, "Government troops led by Tiger Forces Commander",
                           ("Khirbet Makman", "at"), ("Raqqah", "countryside"))
    geo.geocode_mentions(art, [maadan, sukhna, bwair, landing])
    assert maadan.place.name == "Ma‘dān" and maadan.place.geo_precision == 1
    assert maadan.place.admin1 == "Ar-Raqqah"
    assert sukhna.place.name == "As Sukhnah" and sukhna.place.geo_precision == 2
    assert bwair.place.name == "Tall ‘Afar" and bwair.place.geo_precision == 2
    assert bwair.place.country == "Iraq"
    # Unknown villages: the province they are in, never a namesake far away.
    assert landing.place.country == "Syria" and landing.place.geo_precision in (2, 3)


def test_lgl_and_tr_news_samples(geo):
    from frontwatch.geo.evaluate import evaluate_geoparsing

    for name in ("lgl.xml", "TR-News.xml"):
        scores = evaluate_geoparsing(need(GEOPARSING / name), geocoder=geo, limit=40)
        assert scores.gold_toponyms > 100
        # Well above chance; the full figures are in bench/geo.py.
        assert scores.exact_id > 0.5 and scores.within_161km > 0.5


def test_ucdp_sample(geo):
    from frontwatch.geo.evaluate import evaluate_ucdp, read_ucdp_village_events, sample

    events = sample(read_ucdp_village_events(need(UCDP)), 500)
    scores = evaluate_ucdp(UCDP, geocoder=geo, events=events)
    assert scores.events == 500 and scores.within_5km > 0.3
