"""Geocoding figures: accuracy on LGL / TR-News / UCDP, speed, gazetteer build time and size.

    .venv/bin/python bench/geo.py              # everything (about 3-5 minutes)
    .venv/bin/python bench/geo.py --quick      # skip the fresh build and end-to-end runs

Reads ../shared/data (skips what is absent); the product itself never needs it.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from frontwatch.geo import Gazetteer, Geocoder, GeoContext
from frontwatch.geo import evaluate as ev
from frontwatch.geo.index import Layers, build_index

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
GEOPARSING = SHARED / "geoparsing"
UCDP = SHARED / "ucdp-ged-syria" / "ged191_syria_2016-01-01_2019-11-30.csv"
ADMIN1_DIR = SHARED / "geonames"  # admin1CodesASCII.txt: a user layer of real division ids


def section(title: str) -> None:
    print(f"\n== {title}")


def bench_build() -> None:
    section("gazetteer build (embedded default, fresh)")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.sqlite"
        wall, cpu = time.perf_counter(), time.process_time()
        meta = build_index(Layers(), path)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"  {meta['places']} places, {meta['names']} names; {wall:.1f} s wall, "
              f"{cpu:.1f} s CPU; index {path.stat().st_size / 1e6:.1f} MB on disk")


def bench_speed(geo: Geocoder) -> None:
    section("speed (one core)")
    names: list[str] = []
    if GEOPARSING.is_dir():
        for f in ("lgl.xml", "TR-News.xml"):
            for art in ev.read_geoparsing_xml(GEOPARSING / f):
                names += [art.text[t.start:t.end] for t in art.toponyms]
    if UCDP.exists():
        names += [ev.ucdp_place_names(r["where_coordinates"])[0]
                  for r in ev.read_ucdp_village_events(UCDP)]
    if not names:
        names = ["Homs", "Tal Afar", "Deir Ezzor", "Maadan", "Sukhna", "Aleppo"] * 1000
    ctx = GeoContext(countries={"SY": 1.0, "US": 0.5})
    geo.gazetteer.candidates.cache_clear()
    t = time.perf_counter()
    for n in names:
        geo.resolve(n, ctx)
    cold = len(names) / (time.perf_counter() - t)
    t = time.perf_counter()
    for n in names:
        geo.resolve(n, ctx)
    warm = len(names) / (time.perf_counter() - t)
    print(f"  resolve(name, context): {len(names)} names ({len(set(names))} distinct), "
          f"{cold:,.0f}/s first pass (SQLite), {warm:,.0f}/s cached")

    sentences: list[str] = []
    reports = SHARED / "usgov-reports" / "articles.jsonl"
    if reports.exists():
        import json

        for line in reports.open(encoding="utf-8"):
            sentences += re.split(r"(?<=[.!?])\s+", json.loads(line)["text"])
    if sentences:
        t = time.perf_counter()
        n_found = sum(len(geo.find_toponyms(s)) for s in sentences)
        rate = len(sentences) / (time.perf_counter() - t)
        print(f"  find_toponyms: {len(sentences)} sentences of usgov-reports, "
              f"{rate:,.0f} sentences/s ({n_found} place mentions)")


def bench_geoparsing(geo: Geocoder, label: str, end_to_end: bool) -> None:
    if not GEOPARSING.is_dir():
        print(f"  {GEOPARSING} absent: skipped")
        return
    for f in ("lgl.xml", "TR-News.xml"):
        modes = ("gold_spans", "end_to_end") if end_to_end else ("gold_spans",)
        for mode in modes:
            scores = ev.evaluate_geoparsing(GEOPARSING / f, mode=mode, geocoder=geo)
            print(f"  [{label}] " + "\n  ".join(scores.lines()))


def bench_ucdp(geo: Geocoder) -> None:
    section("UCDP GED Syria: village-level place names within 5 km")
    if not UCDP.exists():
        print(f"  {UCDP} absent: skipped")
        return
    events = ev.read_ucdp_village_events(UCDP)
    print("  all 2016-2019 village-level events, embedded gazetteer only:")
    print("  " + "\n  ".join(ev.evaluate_ucdp(UCDP, geocoder=geo, events=events).lines()))
    early, late = ev.split_ucdp_by_date(events)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "ucdp_2016_2017_places.csv"
        n = ev.write_ucdp_local_csv(early, csv_path)
        print(f"  user CSV layer: {n} places from the 2016-2017 events; scored on the "
              f"{len(late)} events of 2018-2019:")
        print("  " + "\n  ".join(ev.evaluate_ucdp(UCDP, geocoder=geo, events=late).lines()))
        path = Path(tmp) / "g.sqlite"
        build_index(Layers(local_csvs=[csv_path]), path)
        layered = Geocoder(Gazetteer(path))
        print("  " + "\n  ".join(ev.evaluate_ucdp(UCDP, local_csv=csv_path, geocoder=layered,
                                                  events=late).lines()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="no fresh build, no end-to-end")
    args = parser.parse_args()
    if not args.quick:
        bench_build()
    geo = Geocoder.default()
    stats = geo.gazetteer.stats()
    print(f"\ngazetteer in use: {stats['path']} ({stats['size_mb']} MB, {stats['places']} places)")
    bench_speed(geo)
    section("LGL / TR-News (Gritta et al. 2019), embedded gazetteer")
    bench_geoparsing(geo, "embedded", end_to_end=not args.quick)
    if ADMIN1_DIR.is_dir():
        section(f"LGL / TR-News with the user layer --gazetteer {ADMIN1_DIR}")
        bench_geoparsing(Geocoder.default(gazetteer_dir=ADMIN1_DIR), "embedded+admin1",
                         end_to_end=False)
    bench_ucdp(geo)
    return 0


if __name__ == "__main__":
    sys.exit(main())
