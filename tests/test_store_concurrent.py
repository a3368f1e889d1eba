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

from store_support import corpus_records, filler, new_db_url, pattern_env, result_of

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


def _text_and_repost() -> tuple[str, str]:
    """A report and a syndicated repost of it (one copy group), published the same day, so
    their canonical order is that of their ids."""
    text = (f"Report 1. {filler(11)} On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7,"
            f" according to Amaq. {filler(12, 25)}")
    return text, "Reposted: " + text + " Share this article."


def _copy_groups(store) -> tuple[list[str], list[tuple[str, str]]]:
    """The first copies, and (copy, first copy) pairs."""
    firsts = [r["article_id"] for r in store.db.query(
        "SELECT article_id FROM articles WHERE duplicate_of IS NULL ORDER BY article_id")]
    copies = [(r["article_id"], r["duplicate_of"]) for r in store.db.query(
        "SELECT article_id, duplicate_of FROM articles WHERE duplicate_of IS NOT NULL"
        " ORDER BY article_id")]
    return firsts, copies


@pytest.mark.parametrize("after", [1, 2])
@pytest.mark.parametrize("other_writes", ["text", "repost"])
def test_a_writer_opened_while_another_commits(db_url, after, other_writes):
    """A writer's copy index is read outside the write lock. Another writer commits the
    first copy of a text right after the `after`-th statement of that reading; the copy
    the opener then stores must still be filed with it, whichever of the two comes first in
    canonical order. (The opener once read the first copies, then the sequence watermark:
    a commit between the two was counted as seen but never entered its index, and two
    first copies of one text were stored.)"""
    from frontwatch.store import open_store

    text, repost = _text_and_repost()
    theirs, mine = (text, repost) if other_writes == "text" else (repost, text)
    other = open_store(db_url)
    opener = open_store(db_url)
    try:
        db = opener.db
        plain = {"query": db.query, "scalar": db.scalar}
        seen = [0]

        def commit_other_after(name: str):
            def run(*args, **kwargs):
                out = plain[name](*args, **kwargs)
                seen[0] += 1
                if seen[0] == after:
                    other.add_results([result_of(theirs)])
                return out
            return run

        db.query, db.scalar = commit_other_after("query"), commit_other_after("scalar")
        try:
            writer = opener.writer  # as `ingest` does before its first batch: no lock held
        finally:
            db.query, db.scalar = plain["query"], plain["scalar"]
        assert seen[0] >= after, "the other writer never committed"
        assert writer is opener.writer
        [outcome] = opener.add_results([result_of(mine)])
        ids = sorted(result_of(t).article.id for t in (text, repost))
        firsts, copies = _copy_groups(opener)
        # Same publication date: the smaller id is the first copy, however they arrived.
        assert firsts == [ids[0]]
        assert copies == [(ids[1], ids[0])]
        assert outcome.status == ("copy" if result_of(mine).article.id == ids[1] else "new")
    finally:
        opener.close()
        other.close()


def test_a_writer_rebuilt_after_a_rollback_knows_what_it_writes(db_url):
    """`ingest` triages a batch, the batch is rolled back (a transient error) and written
    again by a new writer; an article stored then must be in that writer's copy index, so a
    repost of it that comes later is filed under it (or takes its place)."""
    from frontwatch.store import open_store

    text, repost = _text_and_repost()
    store = open_store(db_url)
    try:
        first = result_of(text)
        triage = store.writer.triage(first.article)
        with pytest.raises(RuntimeError), store.batch():
            raise RuntimeError("deadlock detected")  # what a retried transaction meets
        with store.batch():
            store.add_article(first, triage)
        store.add_results([result_of(repost)])
        ids = sorted(result_of(t).article.id for t in (text, repost))
        assert _copy_groups(store) == ([ids[0]], [(ids[1], ids[0])])
    finally:
        store.close()


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
