"""Concurrent writers into one PostgreSQL store: articles/s with 1, 2 and 4 `frontwatch ingest`
processes, lock waits and retries per 1,000 articles.

    .venv/bin/python bench/writers.py                    # 600 articles, 1/2/4 writers
    .venv/bin/python bench/writers.py --articles 2000 --writers 1 2 4 8
    FRONTWATCH_BENCH_PG=postgresql://postgres@127.0.0.1:5432/test (default) picks the server;
    each run works in a schema of its own, dropped afterwards.

Each writer gets an equal share of the corpus (disjoint slices, so the total work is the same
for every writer count), published 40 a day in input order as a stream is. The articles are
extracted with the tests' pattern extractor
(tests/store_support.py): the figure is the store's cost (triage, MinHash, merging, writes)
under contention, not the NLP's, which runs outside the write lock and scales with cores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from store_support import corpus_records, pattern_env  # noqa: E402

PG = os.environ.get("FRONTWATCH_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _schema_url(schema: str) -> str:
    sep = "&" if "?" in PG else "?"
    return f"{PG}{sep}options={quote(f'-csearch_path={schema}')}"


def run(records: list[dict], writers: int, tmp: Path) -> dict:
    import psycopg

    schema = "fw_bench_" + uuid.uuid4().hex[:10]
    admin = psycopg.connect(PG, autocommit=True)
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        url = _schema_url(schema)
        paths = []
        for w in range(writers):
            part = records[w::writers]
            path = tmp / f"w{writers}-{w}.jsonl"
            path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
            paths.append(path)
        cmd = [sys.executable, "-m", "frontwatch.cli", "ingest", "--db", url]
        start = time.perf_counter()
        procs = [subprocess.Popen(cmd + [str(p)], env=pattern_env(), stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, text=True) for p in paths]
        errs = [p.communicate()[1] for p in procs]
        seconds = time.perf_counter() - start
        codes = [p.returncode for p in procs]
        retries = sum(int(m) for e in errs for m in re.findall(r"(\d+) transactions retried", e))
        waits = sum(float(m) for e in errs
                    for m in re.findall(r"([\d.]+) s waiting for other writers", e))
        with psycopg.connect(url) as conn:
            events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
            articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        return dict(writers=writers, seconds=seconds, codes=codes, retries=retries,
                    waits=waits, events=events, articles=articles)
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=600)
    ap.add_argument("--writers", type=int, nargs="+", default=[1, 2, 4])
    args = ap.parse_args()
    records = corpus_records(args.articles)
    # A stream: publication dates rise with the input (40 articles a day), as news arrives.
    start = dt.date(2017, 8, 13)
    for i, r in enumerate(records):
        r["published"] = (start + dt.timedelta(days=i // 40)).isoformat()
    print(f"{args.articles} articles into PostgreSQL ({PG}), {os.cpu_count()} cores")
    print(f"{'writers':>7} {'seconds':>8} {'articles/s':>10} {'lock wait s/1k':>14}"
          f" {'retries/1k':>10} {'articles':>8} {'events':>7}  exit codes")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.writers:
            r = run(records, n, Path(tmp))
            per_k = 1000 / args.articles
            print(f"{n:>7} {r['seconds']:>8.1f} {args.articles / r['seconds']:>10.1f}"
                  f" {r['waits'] * per_k:>14.2f} {r['retries'] * per_k:>10.2f}"
                  f" {r['articles']:>8} {r['events']:>7}  {r['codes']}")


if __name__ == "__main__":
    main()
