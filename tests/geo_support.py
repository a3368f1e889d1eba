"""A small geocoder on the hand-written gazetteer files of tests/fixtures/geo (built once)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import pytest

from frontwatch.geo import Gazetteer, Geocoder, sources
from frontwatch.geo.index import Layers, build_index
from frontwatch.geo.sources import PlaceRecord
from frontwatch.model import Article, Evidence, Mention, PlaceMention

GEO_FIXTURES = Path(__file__).parent / "fixtures" / "geo"
DUMPS = GEO_FIXTURES / "dumps"
LOCAL_CSV = GEO_FIXTURES / "local_places.csv"


@lru_cache(maxsize=4)
def small_geocoder(with_csv: bool = True) -> Geocoder:
    layers = Layers(embedded=False, gazetteer_dir=DUMPS,
                    local_csvs=[LOCAL_CSV] if with_csv else [])
    path = Path(tempfile.mkdtemp(prefix="frontwatch-geo-")) / "gazetteer.sqlite"
    build_index(layers, path)
    return Geocoder(Gazetteer(path))


def gazetteer_of(records: Callable[[], Iterable[PlaceRecord]], path: Path) -> Gazetteer:
    """An index built the way the embedded default is, from `records` instead of the packages'
    data (alias files and the rest of the build run as in the product)."""
    mp = pytest.MonkeyPatch()
    mp.setattr(sources, "read_embedded", records)
    try:
        build_index(Layers(), path)
    finally:
        mp.undo()
    return Gazetteer(path)


def mention_for(article: Article, sentence: str, *places: PlaceMention) -> Mention:
    start = article.text.index(sentence)
    return Mention(article_id=article.id,
                   sentence=Evidence(article.id, start, start + len(sentence), sentence),
                   trigger="attack", event_type="Battles", sub_event_type="Armed clash",
                   places=list(places))


def place_mention(article: Article, written: str, role: str = "at", after: int = 0,
                  **kw) -> PlaceMention:
    start = article.text.index(written, after)
    return PlaceMention(written, start, start + len(written), role, **kw)
