"""Event-database benchmark: ingest throughput, query time on 1M synthetic events, bytes/event.

    .venv/bin/python bench/store.py                       # SQLite and PostgreSQL, 1M events
    .venv/bin/python bench/store.py --events 100000 --backends sqlite
    FRONTWATCH_BENCH_PG=postgresql://postgres@127.0.0.1:5432/test (default) picks the server;
    the benchmark works in its own schema and drops it afterwards.

Ingest is measured with the tests' pattern extractor (tests/store_support.py), so the figure is
the store's own cost (triage, MinHash, merging, writes), not the NLP's; `--real N` also ingests
the first N articles of ../shared/data/usgov-reports with the real pipeline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from frontwatch.pipeline import make_article  # noqa: E402
from frontwatch.store import EventFilter, open_store  # noqa: E402
from frontwatch.store.loader import ingest  # noqa: E402
from store_support import corpus_records  # noqa: E402

PG = os.environ.get("FRONTWATCH_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")

COUNTRIES = {  # name: (west, south, east, north)
    "Syria": (35.7, 32.3, 42.4, 37.3), "Iraq": (38.8, 29.1, 48.6, 37.4),
    "Yemen": (42.5, 12.6, 53.1, 19.0), "Libya": (9.3, 19.5, 25.2, 33.2),
    "Somalia": (41.0, -1.7, 51.4, 12.0), "Mali": (-12.2, 10.1, 4.3, 25.0),
    "Nigeria": (2.7, 4.3, 14.7, 13.9), "Afghanistan": (60.5, 29.4, 74.9, 38.5),
    "Ukraine": (22.1, 44.4, 40.2, 52.4), "Sudan": (21.8, 8.7, 38.6, 22.2),
}
TYPES = [
    ("Battles", "Armed clash"), ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"), ("Strategic developments", "Looting/property destruction"),
]
ACTORS = [f"Actor {i:03d}" for i in range(200)]
COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
    "longitude", "geo_precision", "source", "notes", "fatalities", "contested", "family",
    "first_article_id", "n_articles", "n_claims",
)


def synthetic_rows(n: int, seed: int = 1):
    from frontwatch.merge import family_of
    from frontwatch.model import disorder_type_of

    rng = random.Random(seed)
    start = dt.date(2012, 1, 1)
    names = list(COUNTRIES)
    for i in range(n):
        country = names[rng.randrange(len(names))]
        w, s, e, north = COUNTRIES[country]
        etype, sub = TYPES[rng.randrange(len(TYPES))]
        day = start + dt.timedelta(days=rng.randrange(4700))
        yield (
            f"SY{i:09d}", day.isoformat(), day.year, rng.choice((1, 1, 1, 2, 3)),
            disorder_type_of(etype, sub), etype, sub, rng.choice(ACTORS),
            rng.choice(ACTORS) if rng.random() < 0.7 else "", country, f"{country} province",
            f"Place {rng.randrange(5000)}", round(rng.uniform(s, north), 5),
            round(rng.uniform(w, e), 5), rng.choice((1, 2, 3)), "Outlet A; Outlet B",
            "Synthetic event for the benchmark.", rng.choice((0, 0, 0, 1, 2, 5, 12)),
            int(rng.random() < 0.05), family_of(etype, sub), "synthetic", 1, 2,
        )


def seed_article(db) -> None:
    db.execute(
        "INSERT INTO articles (article_id, n_chars, ingest_seq, ingested_at, text)"
        " VALUES ('synthetic', 0, 1, '2024-01-01T00:00:00', '')"
    )


def load_sqlite(store, n: int) -> float:
    db = store.db
    t = time.perf_counter()
    db.begin()
    seed_article(db)
    marks = ", ".join("?" for _ in COLUMNS)
    sql = f"INSERT INTO events ({', '.join(COLUMNS)}) VALUES ({marks})"
    rows = synthetic_rows(n)
    while chunk := [r for _, r in zip(range(50_000), rows, strict=False)]:
        db.conn.executemany(sql, chunk)
    db.commit()
    db.conn.execute("ANALYZE")
    return time.perf_counter() - t


def load_postgres(store, n: int) -> float:
    db = store.db
    t = time.perf_counter()
    seed_article(db)
    with db.conn.cursor() as cur, cur.copy(f"COPY events ({', '.join(COLUMNS)}) FROM STDIN") as cp:
        for row in synthetic_rows(n):
            cp.write_row(row)
    db.commit()
    db.conn.execute("ANALYZE events")
    db.commit()
    return time.perf_counter() - t


def timed(fn, repeat: int = 5) -> float:
    fn()  # warm the cache: the figure is for a database in use
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


QUERIES = {
    "page: Syria, Battles, 3 months": EventFilter(
        country="Syria", event_type="Battles", since="2016-01-01", until="2016-03-31", limit=50
    ),
    "page: actor, any date": EventFilter(actor="actor 042", limit=50),
    "page: bbox around Aleppo, 1 year": EventFilter(
        bbox=(36.5, 35.8, 37.8, 36.6), since="2016-01-01", until="2016-12-31", limit=50
    ),
    "page: newest 50, no filter": EventFilter(limit=50),
    "page: contested in 2020": EventFilter(contested=True, since="2020-01-01",
                                           until="2020-12-31", limit=50),
}


def query_bench(store) -> list[tuple[str, float, float, int]]:
    out = []
    for name, flt in QUERIES.items():
        page = timed(lambda f=flt: store.events(f))
        count = timed(lambda f=flt: store.count(f))
        out.append((name, page, count, store.count(flt)))
    return out


def ingest_bench(url: str, n: int, jobs: int = 1) -> float:
    os.environ["FRONTWATCH_EXTRACTOR"] = "store_support:PatternExtractor"
    records = corpus_records(n, seed=3)
    articles = [
        make_article(r["text"], published=r["published"], outlet=r["outlet"]) for r in records
    ]
    store = open_store(url)
    t = time.perf_counter()
    report = ingest(store, articles, jobs=jobs)
    elapsed = time.perf_counter() - t
    store.close()
    assert report.read == n
    return n / elapsed


def real_ingest_bench(url: str, n: int, jobs: int) -> float | None:
    path = ROOT.parent / "shared" / "data" / "usgov-reports" / "articles.jsonl"
    if not path.exists():
        print(f"  {path} absent: real-pipeline ingest skipped")
        return None
    from frontwatch.ingest import read_paths

    os.environ.pop("FRONTWATCH_EXTRACTOR", None)
    items = [a for a in read_paths([str(path)]) if not isinstance(a, Exception)][:n]
    store = open_store(url)
    t = time.perf_counter()
    ingest(store, items, jobs=jobs)
    elapsed = time.perf_counter() - t
    store.close()
    return len(items) / elapsed


def pg_url(schema: str) -> str:
    return f"{PG}{'&' if '?' in PG else '?'}options={quote(f'-csearch_path={schema}')}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--articles", type=int, default=1000, help="articles for the ingest figure")
    ap.add_argument("--backends", default="sqlite,postgres")
    ap.add_argument("--real", type=int, default=0, help="also ingest N real articles")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="fw-bench-"))
    for backend in args.backends.split(","):
        print(f"== {backend}")
        admin = None
        urls: dict[str, str] = {}
        if backend == "postgres":
            import psycopg

            admin = psycopg.connect(PG, autocommit=True)
            for key in ("ingest", "real", "query"):
                schema = f"fw_bench_{key}_{uuid.uuid4().hex[:8]}"
                admin.execute(f"CREATE SCHEMA {schema}")
                urls[key] = pg_url(schema)
        else:
            urls = {k: f"sqlite:///{tmp / (k + '.db')}" for k in ("ingest", "real", "query")}
        try:
            rate = ingest_bench(urls["ingest"], args.articles)
            print(f"  ingest (store cost, pattern extractor): {rate:.0f} articles/s"
                  f" over {args.articles} articles")
            store = open_store(urls["ingest"])
            n_ev = store.count()
            if backend == "sqlite":
                store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = os.path.getsize(tmp / "ingest.db")
            else:
                size = store.db.scalar(
                    "SELECT sum(pg_total_relation_size(quote_ident(table_name)))"
                    " FROM information_schema.tables WHERE table_schema = current_schema()"
                )
            store.close()
            print(f"  ingested db: {n_ev} events, {size / max(n_ev, 1):.0f} bytes/event"
                  " (all tables: articles with text, claims, evidence, mentions, changes)")
            if args.real:
                real = real_ingest_bench(urls["real"], args.real, args.jobs)
                if real:
                    print(f"  ingest (real pipeline, --jobs {args.jobs}): {real:.2f} articles/s")
            store = open_store(urls["query"])
            loader = load_sqlite if backend == "sqlite" else load_postgres
            took = loader(store, args.events)
            print(f"  loaded {args.events} synthetic events in {took:.1f}s")
            for name, page, count, n in query_bench(store):
                print(f"  {name:38s} page {page * 1000:7.1f} ms   count {count * 1000:7.1f} ms"
                      f"   ({n} matching)")
            if backend == "sqlite":
                store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                size = os.path.getsize(tmp / "query.db")
                table = size
            else:
                size = store.db.scalar("SELECT pg_total_relation_size('events')")
                table = store.db.scalar("SELECT pg_relation_size('events')")
            store.close()
            print(f"  events table with indexes: {size / args.events:.0f} bytes/event"
                  f" (rows alone {table / args.events:.0f} bytes/event)" if backend != "sqlite"
                  else f"  database file: {size / args.events:.0f} bytes/event (rows + 9 indexes)")
        finally:
            if admin is not None:
                for url in urls.values():
                    schema = url.rsplit("%3D", 1)[-1]
                    admin.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                admin.close()


if __name__ == "__main__":
    main()
