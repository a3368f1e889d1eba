"""Building and querying the gazetteer index from GeoNames dump files and a local CSV."""

from __future__ import annotations

import pytest

from frontwatch.errors import ConfigError
from frontwatch.geo.index import Layers, build_index, ensure_index, index_path
from frontwatch.geo.sources import classify_dump_dir
from geo_support import DUMPS, LOCAL_CSV, small_geocoder


def test_dump_dir_is_sorted_by_file_kind():
    kinds = classify_dump_dir(DUMPS)
    assert [p.name for p in kinds["places"]] == ["IQ.txt", "SY.txt"]
    assert [p.name for p in kinds["admin1"]] == ["admin1CodesASCII.txt"]


def test_places_admin1_and_countries_are_indexed():
    g = small_geocoder().gazetteer
    assert g.country_name("SY") == "Syria"
    assert g.admin1_name("SY", "11") == "Homs"
    homs = g.place(169577)
    assert homs is not None and homs.fcode == "PPLA"
    # The division from admin1CodesASCII.txt keeps its GeoNames id.
    assert g.admin1[("IQ", "15")].geonameid == 98227


def test_alternate_and_transliterated_names_find_the_place():
    g = small_geocoder().gazetteer
    assert g.candidates("Tal-Afar")[0].id == 90393
    assert g.candidates("Deir Ezzor")[0].id == 900008
    assert g.candidates("Maadan")[0].id == 900002
    sukhna = g.candidates("Sukhna")[0]
    assert sukhna.id == 900001 and sukhna.match in ("alt", "loose")


def test_local_csv_places_have_no_geonames_id_and_take_priority():
    geo = small_geocoder()
    qadir = geo.resolve("al-Kadir")[0]
    assert qadir.name == "Al-Qadir" and qadir.geonameid is None and qadir.layer == 2
    assert qadir.admin1_code == "11"  # "Homs" in the CSV, mapped to its code
    ghanim = geo.resolve("Ghanim Ali")[0]
    assert ghanim.country_code == "SY"  # "Syria" in the CSV, mapped to its code


def test_index_is_cached_by_fingerprint(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    layers = Layers(embedded=False, gazetteer_dir=DUMPS)
    path = ensure_index(layers)
    assert path == index_path(layers) and path.parent == tmp_path
    mtime = path.stat().st_mtime_ns
    assert ensure_index(layers).stat().st_mtime_ns == mtime  # opened, not rebuilt
    other = Layers(embedded=False, gazetteer_dir=DUMPS, local_csvs=[LOCAL_CSV])
    assert index_path(other) != path


def test_bad_inputs_say_what_is_wrong(tmp_path):
    with pytest.raises(ConfigError, match="not found"):
        Layers(embedded=False, gazetteer_dir=tmp_path / "missing").fingerprint()
    bad = tmp_path / "bad.csv"
    bad.write_text("place,lat\nX,1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="needs columns"):
        build_index(Layers(embedded=False, local_csvs=[bad]), tmp_path / "g.sqlite")
    dump = tmp_path / "dir"
    dump.mkdir()
    (dump / "XX.txt").write_text("1\tA\tA\t\tnot-a-number\t2\tP\tPPL\tXX\t\t01\t\t\t\t0\n",
                                 encoding="utf-8")
    with pytest.raises(ConfigError, match="XX.txt:1"):
        build_index(Layers(embedded=False, gazetteer_dir=dump), tmp_path / "h.sqlite")


def test_old_indexes_are_pruned(tmp_path):
    import os

    from frontwatch.geo.index import prune_cache

    for i in range(6):
        f = tmp_path / f"gazetteer-{i:016d}.sqlite"
        f.write_bytes(b"x")
        os.utime(f, (i, i))
    removed = prune_cache(tmp_path, keep=4)
    assert sorted(p.name for p in removed) == ["gazetteer-0000000000000000.sqlite",
                                                "gazetteer-0000000000000001.sqlite"]


def test_alternate_names_file_adds_names_to_known_places_only():
    g = small_geocoder().gazetteer
    assert g.candidates("Ninawa City")[0].id == 99072
    assert not g.candidates("Nowhere Town")  # its place is not in the index
    assert not g.candidates("https://en.wikipedia.org/wiki/Mosul")


def test_default_geocoder_is_shared_per_layer_set(tmp_path, monkeypatch):
    from frontwatch.geo import Geocoder
    from frontwatch.geo.index import Layers

    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(Layers, "from_env", classmethod(
        lambda cls, d=None, c=None, e=True: Layers(False, DUMPS, [])))
    monkeypatch.setattr("frontwatch.geo.geocoder._instances", {})
    assert Geocoder.default() is Geocoder.default()
