"""Rival-accounts benchmark: does the store merge opposing sides' reports of one incident into
one contested event, and keep near-miss incidents (same place, another incident) apart?

    .venv/bin/python bench/rivals.py                        # model engine, temp SQLite
    .venv/bin/python bench/rivals.py --engine rules --verbose
    .venv/bin/python bench/rivals.py --db postgresql://127.0.0.1/test   # in a schema of its own
    .venv/bin/python bench/rivals.py --check                # exit 1 when a target is unmet

The set is corpus/rivals/ (README there; docs/rivals.md explains the figures). All articles go
into one store through the library's ingest (`frontwatch.store.loader.ingest`, what `frontwatch
ingest` runs). An incident's claims are found by the articles that tell it (the claims table's
`article_id`), kept only where the claim's own report fits the incident: its date within
`--date-slack` days of the incident's, its event located at the incident's place (the
anchor's GeoNames id, within the incident's radius, or one of its names), and its event
family among the incident's. Then, per rival incident:

- merged: exactly one event holds claims from every side's articles (and contested or not);
- split: every side has a claim, but they sit in more than one event;
- side missing: some side's articles gave no fitting claim (nothing extracted, wrong place,
  date or family).

A near-miss pair is falsely merged when one event holds fitting claims of both incidents from
articles that tell only one of them. The order check ingests the set again into the same
store (nothing may change), in reversed order into a new store, and with `--jobs 2` into
another, and compares the events id-free (date, type, place, actors, figures, and each claim's
article, claimant and figure).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
RIVALS = ROOT / "corpus" / "rivals"

TARGET_MERGED = 0.90     # share of rival incidents: one contested event with every side's claim
TARGET_FALSE_MERGE = 0.05  # share of near-miss pairs merged


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def fold(name: str | None) -> str:
    from anyascii import anyascii

    text = anyascii(name or "").lower()
    return "".join(ch for ch in text if ch.isalnum())


# -- stores ---------------------------------------------------------------------------------
class Stores:
    """Fresh databases for the runs: temp SQLite files, or schemas in one PostgreSQL database
    (dropped at the end)."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.tmp = tempfile.TemporaryDirectory(prefix="fw-rivals-")
        self.schemas: list[str] = []

    def new(self, label: str) -> str:
        if not self.base or self.base.startswith("sqlite"):
            return f"sqlite:///{Path(self.tmp.name) / (label + '.db')}"
        import psycopg

        schema = f"rivals_{label}_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(self.base, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        self.schemas.append(schema)
        sep = "&" if "?" in self.base else "?"
        return f"{self.base}{sep}options={quote('-csearch_path=' + schema)}"

    def close(self) -> None:
        if self.schemas:
            import psycopg

            with psycopg.connect(self.base, autocommit=True) as conn:
                for schema in self.schemas:
                    conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
        self.tmp.cleanup()


def run_ingest(url: str, path: Path, engine: str, jobs: int = 1) -> tuple[float, str]:
    from frontwatch.ingest import read_paths
    from frontwatch.pipeline import extractor_spec
    from frontwatch.store import open_store
    from frontwatch.store.loader import ingest

    errors: list[str] = []
    t = time.perf_counter()
    with open_store(url) as store:
        report = ingest(store, read_paths([str(path)]), jobs=jobs,
                        extractor=extractor_spec(engine), on_error=errors.append)
    for e in errors:
        print(f"  ingest error: {e}", file=sys.stderr)
    return time.perf_counter() - t, report.summary()


def article_ids(path: Path) -> dict[str, str]:
    """Store article id (hash of the text) -> the set's article id (the JSON-lines `id`)."""
    from frontwatch.ingest import read_paths

    return {a.id: a.source_id for a in read_paths([str(path)]) if hasattr(a, "source_id")}


def claim_rows(url: str) -> list[dict]:
    from frontwatch.store import open_store

    with open_store(url, migrate=False) as store:
        return store.db.query(
            "SELECT c.claim_id, c.event_id, c.article_id, c.claimant, c.fatalities, c.denies,"
            " c.hedged, c.event_date AS claim_date, c.sub_event_type AS claim_sub,"
            " c.location AS claim_location, e.event_date, e.event_type, e.sub_event_type,"
            " e.location, e.latitude, e.longitude, e.geonameid, e.contested, e.family,"
            " e.actor1, e.actor2, e.fatalities AS event_fatalities, e.fatalities_high"
            " FROM claims c JOIN events e ON e.event_id_cnty = c.event_id"
        )


def canonical_events(url: str, ids: dict[str, str]) -> list[str]:
    """The events without their ids (which name the first article, so depend on order)."""
    events: dict[str, dict] = {}
    for r in claim_rows(url):
        ev = events.setdefault(r["event_id"], {
            "date": r["event_date"], "type": r["event_type"], "sub": r["sub_event_type"],
            "place": r["location"], "gn": r["geonameid"], "actors": [r["actor1"], r["actor2"]],
            "fatalities": r["event_fatalities"], "high": r["fatalities_high"],
            "contested": bool(r["contested"]), "claims": []})
        ev["claims"].append([ids.get(r["article_id"], r["article_id"]), r["claimant"],
                             r["fatalities"], bool(r["denies"])])
    out = []
    for ev in events.values():
        ev["claims"].sort(key=lambda c: json.dumps(c))
        out.append(json.dumps(ev, sort_keys=True, default=str))
    return sorted(out)


# -- matching -------------------------------------------------------------------------------
def _days(a: str | None, b: str) -> int | None:
    import datetime as dt

    try:
        return abs((dt.date.fromisoformat(str(a)[:10]) - dt.date.fromisoformat(b)).days)
    except ValueError:
        return None


def fits(row: dict, inc: dict, slack: int) -> bool:
    """Whether a stored claim tells this incident: its date, place and family."""
    when = row["claim_date"] or row["event_date"]
    gap = _days(when, inc["date"])
    if gap is None or gap > slack:
        return False
    if inc["families"] and row["family"] not in inc["families"]:
        return False
    anchor = inc["anchor"]
    if row["geonameid"] and str(row["geonameid"]) == str(anchor["geonameid"]):
        return True
    if row["latitude"] is not None and row["longitude"] is not None:
        km = haversine_km(row["latitude"], row["longitude"], anchor["latitude"],
                          anchor["longitude"])
        if km <= inc["radius_km"]:
            return True
    names = {fold(n) for n in [*inc["places"], anchor["name"], anchor["as_written"]]}
    return any(fold(x) in names for x in (row["claim_location"], row["location"]) if x)


@dataclass
class IncidentResult:
    incident: dict
    sides: dict[str, set[str]] = field(default_factory=dict)  # side -> event ids
    events: set[str] = field(default_factory=set)
    contested: dict[str, bool] = field(default_factory=dict)
    unfit: dict[str, list[str]] = field(default_factory=dict)  # side -> what its claims said

    @property
    def missing(self) -> list[str]:
        return sorted(s for s, evs in self.sides.items() if not evs)

    @property
    def merged(self) -> bool:
        if self.missing or len(self.events) != 1:
            return False
        return all(self.events == evs for evs in self.sides.values())

    @property
    def ok(self) -> bool:
        return self.merged and all(self.contested.values())


def side_articles(inc: dict) -> dict[str, set[str]]:
    """Side -> the set's articles that carry that side's claim (its own or quoted)."""
    out: dict[str, set[str]] = defaultdict(set)
    for c in inc["claims"]:
        if not c.get("background"):  # told in passing: the article tells it, no side needs it
            out[c["side"]].add(c["article"])
    return out


def assess(incidents: list[dict], rows: list[dict], ids: dict[str, str], slack: int
           ) -> dict[str, IncidentResult]:
    by_article: dict[str, list[dict]] = defaultdict(list)
    for r in rows:
        by_article[ids.get(r["article_id"], r["article_id"])].append(r)
    results = {}
    for inc in incidents:
        res = IncidentResult(inc)
        for side, arts in side_articles(inc).items():
            evs: set[str] = set()
            for art in arts:
                for r in by_article.get(art, []):
                    if fits(r, inc, slack):
                        evs.add(r["event_id"])
                        res.contested[r["event_id"]] = bool(r["contested"])
                    else:
                        res.unfit.setdefault(side, []).append(
                            f"{art}: {r['claim_date'] or r['event_date']} {r['sub_event_type']}"
                            f" @ {r['location'] or '?'} ({r['claimant'] or 'no claimant'},"
                            f" {r['fatalities']})")
            res.sides[side] = evs
            res.events |= evs
        results[inc["id"]] = res
    return results


def false_merges(pairs: list[dict], incidents: dict[str, dict],
                 results: dict[str, IncidentResult], rows: list[dict], ids: dict[str, str],
                 slack: int) -> list[tuple[dict, str]]:
    merged = []
    for p in pairs:
        a, b = incidents[p["a"]], incidents[p["b"]]
        only_a = set(a["articles"]) - set(b["articles"])
        only_b = set(b["articles"]) - set(a["articles"])
        ev_a = {r["event_id"] for r in rows
                if ids.get(r["article_id"]) in only_a and fits(r, a, slack)}
        ev_b = {r["event_id"] for r in rows
                if ids.get(r["article_id"]) in only_b and fits(r, b, slack)}
        for ev in sorted(ev_a & ev_b):
            merged.append((p, ev))
            break
    return merged


# -- report ---------------------------------------------------------------------------------
def pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.0f}%)" if d else "0/0"


def describe(res: IncidentResult, rows_by_event: dict[str, list[dict]],
             ids: dict[str, str]) -> list[str]:
    inc = res.incident
    lines = [f"{inc['id']} ({inc['date']}, {inc['anchor']['name']}; {', '.join(inc['hard'])}):"
             f" {inc['note']}"]
    for side, evs in sorted(res.sides.items()):
        lines.append(f"    {side}: " + (", ".join(sorted(evs)) or "no fitting claim"))
        for u in res.unfit.get(side, [])[:4]:
            lines.append(f"      not fitting: {u}")
    for ev in sorted(res.events):
        rs = rows_by_event[ev]
        r = rs[0]
        claims = "; ".join(
            f"{ids.get(x['article_id'], '?')}:{x['claimant'] or '-'}={x['fatalities']}"
            + (" denies" if x["denies"] else "") for x in rs)
        lines.append(f"    {ev} {r['event_date']} {r['sub_event_type']} @ {r['location']}"
                     f" [{r['actor1']} / {r['actor2']}] contested={bool(r['contested'])}"
                     f" claims: {claims}")
    return lines


def bench(engine: str, db: str | None, slack: int, verbose: bool, order_check: bool) -> bool:
    articles_path = RIVALS / "articles.jsonl"
    incidents = load_jsonl(RIVALS / "incidents.jsonl")
    pairs = load_jsonl(RIVALS / "near_misses.jsonl")
    by_id = {i["id"]: i for i in incidents}
    rivals = [i for i in incidents if i["kind"] == "rival"]
    ids = article_ids(articles_path)
    stores = Stores(db)
    try:
        url = stores.new("main")
        secs, summary = run_ingest(url, articles_path, engine)
        print(f"engine {engine}: {len(ids)} articles ingested in {secs:.0f} s; {summary}")
        rows = claim_rows(url)
        results = assess(incidents, rows, ids, slack)
        rows_by_event: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            rows_by_event[r["event_id"]].append(r)

        rr = [results[i["id"]] for i in rivals]
        ok = [r for r in rr if r.ok]
        merged_uncontested = [r for r in rr if r.merged and not r.ok]
        split = [r for r in rr if not r.missing and not r.merged]
        missing = [r for r in rr if r.missing]
        fm = false_merges(pairs, by_id, results, rows, ids, slack)
        n_events = len(rows_by_event)
        n_contested = sum(1 for rs in rows_by_event.values() if rs[0]["contested"])

        print(f"\nRival incidents ({len(rr)}):")
        print(f"  one contested event with every side's claim  {pct(len(ok), len(rr))}"
              f"   target >= {TARGET_MERGED:.0%}")
        uncontested = pct(len(merged_uncontested), len(rr))
        print(f"  one event, every side, but not contested     {uncontested}")
        print(f"  split into several events                    {pct(len(split), len(rr))}")
        print(f"  a side's claim missing                       {pct(len(missing), len(rr))}")
        hard: dict[str, list[bool]] = defaultdict(list)
        for r in rr:
            for h in r.incident["hard"]:
                hard[h].append(r.ok)
        print("  by hard case: " + ", ".join(
            f"{h} {sum(v)}/{len(v)}" for h, v in sorted(hard.items())))
        wars: dict[str, list[bool]] = defaultdict(list)
        for r in rr:
            wars[r.incident["war"]].append(r.ok)
        print("  by war: " + ", ".join(f"{w} {sum(v)}/{len(v)}" for w, v in sorted(wars.items())))
        print(f"\nNear-miss pairs ({len(pairs)}):")
        print(f"  merged into one event (false merges)         {pct(len(fm), len(pairs))}"
              f"   target <= {TARGET_FALSE_MERGE:.0%}")
        print(f"\nStore: {n_events} events, {n_contested} contested, {len(rows)} claims")

        same = True
        if order_check:
            before = canonical_events(url, ids)
            run_ingest(url, articles_path, engine)
            twice = canonical_events(url, ids) == before
            rev_path = Path(stores.tmp.name) / "reversed.jsonl"
            rev_path.write_text("".join(reversed(
                articles_path.read_text(encoding="utf-8").splitlines(keepends=True))),
                encoding="utf-8")
            rev_url = stores.new("reversed")
            run_ingest(rev_url, rev_path, engine)
            reversed_same = canonical_events(rev_url, ids) == before
            jobs_url = stores.new("jobs2")
            run_ingest(jobs_url, articles_path, engine, jobs=2)
            jobs_same = canonical_events(jobs_url, ids) == before
            same = twice and reversed_same and jobs_same
            yn = {True: "yes", False: "NO"}
            print("\nSame events when ingested: twice "
                  f"{yn[twice]}, in reversed order {yn[reversed_same]}, with --jobs 2 "
                  f"{yn[jobs_same]}")
            if not reversed_same and verbose:
                a, b = set(before), set(canonical_events(rev_url, ids))
                print(f"  reversed order: {len(a - b)} events only in input order,"
                      f" {len(b - a)} only in reversed order")

        if verbose:
            failing = [r for r in rr if not r.ok]
            if failing:
                print("\nFailing incidents:")
                for r in failing:
                    kind = ("not contested" if r.merged else "split" if not r.missing
                            else "missing " + ", ".join(r.missing))
                    print(f"  [{kind}] " + "\n".join(describe(r, rows_by_event, ids)))
            if fm:
                print("\nFalse merges:")
                for p, ev in fm:
                    rs = rows_by_event[ev]
                    print(f"  {p['a']} + {p['b']} ({p['kind']}: {p['why']}) in {ev}"
                          f" {rs[0]['event_date']} {rs[0]['sub_event_type']} @ {rs[0]['location']}:"
                          " " + "; ".join(f"{ids.get(x['article_id'], '?')}:"
                                          f"{x['claimant'] or '-'}={x['fatalities']}" for x in rs))
        met = (len(ok) >= TARGET_MERGED * len(rr) and len(fm) <= TARGET_FALSE_MERGE * len(pairs)
               and same)
        print(f"\nTargets {'met' if met else 'not met'}.")
        return met
    finally:
        stores.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=("model", "rules"), default="model")
    parser.add_argument("--db", default=os.environ.get("FRONTWATCH_BENCH_DB"),
                        help="sqlite (default: temp files) or a postgresql:// URL "
                        "(the bench works in schemas of its own and drops them)")
    parser.add_argument("--date-slack", type=int, default=2,
                        help="days a claim's own date may lie from the incident's (default 2)")
    parser.add_argument("--no-order-check", action="store_true",
                        help="skip the twice / reversed / --jobs 2 ingests")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="list every failing incident and false merge")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is unmet")
    args = parser.parse_args()
    met = bench(args.engine, args.db, args.date_slack, args.verbose, not args.no_order_check)
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
