"""Build corpus/rivals/*.jsonl from the hand-written sources in corpus/rivals/src/*.yaml.

    .venv/bin/python tools/rivals_build.py            # write articles, incidents, near_misses
    .venv/bin/python tools/rivals_build.py --check    # exit 1 if the JSON lines are stale

The YAML files are where the set is written and edited (block text is easier to write than
JSON strings); the JSON lines are what `frontwatch ingest` and bench/rivals.py read. Each
incident's anchor place is resolved once here with the project's gazetteer (country given),
so the bench needs no geocoding of its own and its figures do not move with the ranking.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RIVALS = ROOT / "corpus" / "rivals"
SYNTHETIC_LICENCE = "MIT (written for frontwatch; see corpus/rivals/README.md)"


def _date(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _anchor(spec: dict, geocoder) -> dict:
    from frontwatch.geo import GeoContext

    ctx = GeoContext(countries={spec["country"]: 1.0})
    ranked = [c for c in geocoder.resolve(spec["name"], ctx)
              if c.country_code == spec["country"] and c.fclass == "P"]
    if not ranked:
        raise SystemExit(f"anchor {spec['name']!r} ({spec['country']}): not in the gazetteer")
    best = ranked[0]
    return {"name": best.name, "as_written": spec["name"], "country": spec["country"],
            "geonameid": best.geonameid, "latitude": round(best.latitude, 4),
            "longitude": round(best.longitude, 4)}


def build() -> dict[str, str]:
    from frontwatch.geo import Geocoder

    geocoder = Geocoder.default()
    articles: list[dict] = []
    incidents: list[dict] = []
    near: list[dict] = []
    for src in sorted((RIVALS / "src").glob("*.yaml")):
        data = yaml.safe_load(src.read_text(encoding="utf-8"))
        war = data["war"]
        for a in data["articles"]:
            row = {
                "id": a["id"], "text": a["text"].strip() + "\n", "url": a.get("url"),
                "title": a["title"], "published": _date(a["published"]), "outlet": a["outlet"],
                "synthetic": a.get("synthetic", True), "side": a["side"], "war": war,
                "licence": a.get("licence", SYNTHETIC_LICENCE),
            }
            if a.get("source_url"):
                row["source_url"] = a["source_url"]
            articles.append(row)
        for inc in data["incidents"]:
            claims = [{**c, "when": c.get("when")} for c in inc["claims"]]
            incidents.append({
                "id": inc["id"], "war": war, "kind": inc.get("kind", "rival"),
                "date": _date(inc["date"]), "places": inc["places"],
                "anchor": _anchor(inc["anchor"], geocoder),
                "radius_km": inc.get("radius_km", 10), "families": inc["families"],
                "hard": inc.get("hard", []), "note": inc["note"],
                "articles": sorted({c["article"] for c in claims}, key=[
                    a["id"] for a in data["articles"]].index),
                "claims": claims,
            })
        for n in data.get("near_misses", []):
            near.append({"a": n["a"], "b": n["b"], "kind": n["kind"], "why": n["why"],
                         "war": war})

    def jsonl(rows: list[dict]) -> str:
        return "".join(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n" for r in rows)

    return {"articles.jsonl": jsonl(articles), "incidents.jsonl": jsonl(incidents),
            "near_misses.jsonl": jsonl(near)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="Only compare; exit 1 if stale.")
    args = parser.parse_args()
    stale = []
    for name, text in build().items():
        path = RIVALS / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)} ({text.count(chr(10))} lines)")
    if stale:
        print("stale: " + ", ".join(stale) + "; run tools/rivals_build.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
