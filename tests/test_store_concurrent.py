"""Several `frontwatch ingest` processes on one store at once (real PostgreSQL and SQLite):
a fresh database opened by many, overlapping inputs, a writer killed midway.

What is guaranteed (docs/concurrency.md): every process ends with exit 0; every article is
stored exactly once, whole; and the events equal a serial ingest's, field for field, except for
the file each claim's article was read from (the writers read other files).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store_support import corpus_records, new_db_url, pattern_env

pytest_plugins = ["store_fixtures"]  # the db_url and backend fixtures

FRONTWATCH = [sys.executable, "-m", "frontwatch.cli"]


def _start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(FRONTWATCH + args, env=pattern_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _finish(procs: list[subprocess.Popen]) -> list[tuple[int, str]]:
    out = []
    for p in procs:
        _, err = p.communicate(timeout=300)
        out.append((p.returncode, err))
    return out


def _slices(tmp: Path, n_articles: int, writers: int) -> tuple[Path, list[Path]]:
    """The whole corpus, and `writers` overlapping slices of it in different orders."""
    records = corpus_records(n_articles)
    whole = tmp / "all.jsonl"
    whole.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    size = n_articles // 2
    slices = []
    for w in range(writers):
        start = w * n_articles // writers
        part = [records[(start + k) % n_articles] for k in range(size)]
        if w % 2:
            part.reverse()
        path = tmp / f"slice{w}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in part), encoding="utf-8")
        slices.append(path)
    return whole, slices


def _events(url: str) -> list[str]:
    """The sorted JSON-lines export, without the input file each claim's article came from."""
    proc = subprocess.run(FRONTWATCH + ["events", "--db", url, "--format", "jsonl"],
                          env=pattern_env(), capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    out = []
    for line in proc.stdout.splitlines():
        event = json.loads(line)
        for claim in event["claims"]:
            claim.pop("source_path")
        out.append(json.dumps(event, sort_keys=True))
    return sorted(out)


def _facts(url: str) -> dict:
    """What a store holds, as a serial ingest would have it."""
    from frontwatch.store.backends import connect

    db = connect(url)
    try:
        return {
            "events": _events(url),
            "articles": sorted(r["article_id"]
                               for r in db.query("SELECT article_id FROM articles")),
            "copies": db.scalar("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"),
            "outlets": sorted((r["article_id"], r["outlet"], r["copy_id"])
                              for r in db.query("SELECT * FROM article_outlets")),
            "claims": db.scalar("SELECT sum(n_claims) FROM events"),
            "claim_rows": db.scalar("SELECT count(*) FROM claims"),
            "mentions": db.scalar("SELECT count(*) FROM mentions"),
            "whole": db.query(
                "SELECT a.article_id FROM articles a WHERE a.n_mentions <>"
                " (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id)"
            ),
        }
    finally:
        db.close()


def _serial(tmp: Path, request, backend: str, whole: Path) -> dict:
    url = new_db_url(request, tmp, backend, "serial")
    p = _start(["ingest", str(whole), "--db", url, "--batch-size", "4"])
    [(code, err)] = _finish([p])
    assert code == 0, err
    return _facts(url)


def test_a_fresh_database_opened_by_four_processes(tmp_path, request, backend):
    from frontwatch.store.backends import connect
    from frontwatch.store.schema import LATEST

    url = new_db_url(request, tmp_path, backend, "fresh")
    results = _finish([_start(["db", "upgrade", "--db", url]) for _ in range(4)])
    assert all(code == 0 for code, _ in results), results
    db = connect(url)
    try:
        assert [r["version"] for r in db.query(
            "SELECT version FROM schema_version ORDER BY version")] == list(range(1, LATEST + 1))
    finally:
        db.close()


def test_four_writers_with_overlapping_inputs(tmp_path, request, backend):
    whole, slices = _slices(tmp_path, 60, 4)
    url = new_db_url(request, tmp_path, backend, "many")
    # Every writer also creates the (fresh) database: migrations and writes race together.
    # Two of them also extract in two worker processes each (`--jobs 2`).
    results = _finish([_start(["ingest", str(s), "--db", url, "--batch-size", "3"]
                              + (["--jobs", "2"] if k % 2 else []))
                       for k, s in enumerate(slices)])
    assert all(code == 0 for code, _ in results), "\n---\n".join(err for _, err in results)
    assert not any("Traceback" in err for _, err in results)
    # The slices cover the corpus twice over: what is missing, a last pass adds.
    final = _finish([_start(["ingest", str(whole), "--db", url])])
    assert final[0][0] == 0, final[0][1]
    many = _facts(url)
    assert many["whole"] == []
    serial = _serial(tmp_path, request, backend, whole)
    for key in ("articles", "copies", "outlets", "claims", "claim_rows", "mentions", "events"):
        assert many[key] == serial[key], key


def test_a_writer_killed_midway_among_others(tmp_path, request, backend):
    whole, slices = _slices(tmp_path, 48, 3)
    url = new_db_url(request, tmp_path, backend, "killed")
    others = [_start(["ingest", str(s), "--db", url, "--batch-size", "3"]) for s in slices[1:]]
    victim = subprocess.Popen(
        FRONTWATCH + ["ingest", str(slices[0]), "--db", url, "--batch-size", "3", "--verbose"],
        env=pattern_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    assert victim.stderr is not None
    for line in victim.stderr:
        if line.startswith("committed batch"):
            os.kill(victim.pid, signal.SIGKILL)
            break
    victim.wait(timeout=120)
    results = _finish(others)
    assert all(code == 0 for code, _ in results), [err for _, err in results]
    rerun = _finish([_start(["ingest", str(slices[0]), "--db", url]),
                     _start(["ingest", str(whole), "--db", url])])
    assert all(code == 0 for code, _ in rerun), rerun
    facts = _facts(url)
    assert facts["whole"] == []
    serial = _serial(tmp_path, request, backend, whole)
    for key in ("articles", "copies", "outlets", "claims", "claim_rows", "mentions", "events"):
        assert facts[key] == serial[key], key


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_second_writer_waits_or_says_locked(tmp_path, backend):
    """A writer that cannot get SQLite's lock in time says so in one line, no traceback."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'locked.db'}"
    whole, _ = _slices(tmp_path, 6, 1)
    first = _finish([_start(["ingest", str(whole), "--db", url])])
    assert first[0][0] == 0
    holder = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        env = pattern_env() | {"FRONTWATCH_SQLITE_TIMEOUT": "0.5"}
        proc = subprocess.run(FRONTWATCH + ["ingest", str(whole), "--db", url], env=env,
                              capture_output=True, text=True, timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "locked" in proc.stderr and "locked.db" in proc.stderr
