"""`frontwatch ingest` as a real subprocess: idempotent, crash-safe, bad input reported."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from store_support import dump, new_db_url, pattern_env, run_here, write_corpus

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

FRONTWATCH = [sys.executable, "-m", "frontwatch.cli"]


def run(args: list[str], env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        FRONTWATCH + args, env=env or pattern_env(), capture_output=True, text=True, timeout=300
    )


def check_whole_articles(url: str) -> None:
    """No half-written article: each stored article has every mention and claim it counts."""
    from frontwatch.store.backends import connect

    db = connect(url)
    try:
        bad = db.query(
            "SELECT a.article_id FROM articles a WHERE a.n_mentions <>"
            " (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id)"
            " OR (a.duplicate_of IS NULL AND a.n_events > 0 AND NOT EXISTS"
            " (SELECT 1 FROM claims c WHERE c.article_id = a.article_id))"
        )
        assert bad == []
    finally:
        db.close()


def test_ingest_twice_changes_nothing(tmp_path, db_url, monkeypatch):
    corpus = write_corpus(tmp_path / "news.jsonl", 40)
    first = run_here(["ingest", str(corpus), "--db", db_url], monkeypatch)
    assert first.returncode == 0, first.stderr
    before = dump(db_url)
    assert len(before["events"]) > 5 and len(before["articles"]) > 30
    again = run_here(["ingest", str(corpus), "--db", db_url], monkeypatch)
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr
    assert dump(db_url) == before


def test_bad_inputs_one_line_each_rest_processed(tmp_path, db_url, monkeypatch):
    corpus = write_corpus(tmp_path / "news.jsonl", 6)
    with open(corpus, "a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    proc = run_here(["ingest", str(corpus), str(tmp_path / "binary.txt"), "--db", db_url],
                    monkeypatch)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    errors = [line for line in lines if "news.jsonl:7" in line or "binary" in line]
    assert len(errors) == 2
    # The same "error: path: reason" lines as `frontwatch extract`.
    assert all(line.startswith("error: ") for line in errors)
    assert "6 articles read" in proc.stderr


def test_verbose_counts_the_articles_each_commit_settled(tmp_path, db_url, monkeypatch):
    corpus = write_corpus(tmp_path / "news.jsonl", 5)
    proc = run_here(["ingest", str(corpus), "--db", db_url, "--batch-size", "2", "-v"],
                    monkeypatch)
    assert proc.returncode == 0, proc.stderr
    commits = [line for line in proc.stderr.splitlines() if line.startswith("committed")]
    # Not the articles read so far, which run a batch ahead of the writes.
    assert commits == [
        "committed batch 1: 2 articles done",
        "committed batch 2: 4 articles done",
        "committed batch 3: 5 articles done",
    ]


def test_jobs_give_the_same_database(tmp_path, request, backend):
    corpus = write_corpus(tmp_path / "news.jsonl", 20)
    one = new_db_url(request, tmp_path, backend, "one")
    two = new_db_url(request, tmp_path, backend, "two")
    assert run(["ingest", str(corpus), "--db", one]).returncode == 0
    proc = run(["ingest", str(corpus), "--db", two, "--jobs", "2", "--batch-size", "5"])
    assert proc.returncode == 0, proc.stderr
    assert dump(one) == dump(two)


def ingest_and_kill(corpus: Path, url: str, after_commits: int) -> None:
    """Start an ingest, SIGKILL it just after its n-th commit, while it works on the next."""
    proc = subprocess.Popen(
        FRONTWATCH + ["ingest", str(corpus), "--db", url, "--batch-size", "3", "--verbose"],
        env=pattern_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
    )
    commits = 0
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith("committed batch"):
            commits += 1
            if commits == after_commits:
                os.kill(proc.pid, signal.SIGKILL)
                break
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL, "ingest ended before it could be killed"


def test_sigkill_mid_run_then_rerun_converges(tmp_path, request, backend):
    corpus = write_corpus(tmp_path / "news.jsonl", 100)
    clean = new_db_url(request, tmp_path, backend, "clean")
    assert run(["ingest", str(corpus), "--db", clean]).returncode == 0
    crashed = new_db_url(request, tmp_path, backend, "crashed")
    ingest_and_kill(corpus, crashed, after_commits=4)
    check_whole_articles(crashed)
    partial = dump(crashed)
    assert 0 < len(partial["articles"]) < len(dump(clean)["articles"])
    ingest_and_kill(corpus, crashed, after_commits=9)  # killed again, further on
    check_whole_articles(crashed)
    final = run(["ingest", str(corpus), "--db", crashed])
    assert final.returncode == 0, final.stderr
    assert dump(crashed) == dump(clean)


@pytest.mark.slow
def test_real_extractor_ingest_is_idempotent(tmp_path):
    """Integration: the real pipeline, SQLite, the seed-like corpus; run twice."""
    corpus = write_corpus(tmp_path / "news.jsonl", 12)
    url = f"sqlite:///{tmp_path / 'real.db'}"
    env = {k: v for k, v in os.environ.items() if k != "FRONTWATCH_EXTRACTOR"}
    first = run(["ingest", str(corpus), "--db", url], env=env)
    if first.returncode == 2 and "cannot load" in first.stderr:
        pytest.skip(f"the extraction pipeline cannot be loaded here: {first.stderr.strip()}")
    assert first.returncode == 0, first.stderr
    before = dump(url)
    assert run(["ingest", str(corpus), "--db", url], env=env).returncode == 0
    assert dump(url) == before
    check_whole_articles(url)


def test_ctrl_c_says_what_was_stored_and_how_to_go_on(tmp_path, request, backend):
    corpus = write_corpus(tmp_path / "news.jsonl", 100)
    url = new_db_url(request, tmp_path, backend, "interrupted")
    proc = subprocess.Popen(
        FRONTWATCH + ["ingest", str(corpus), "--db", url, "--batch-size", "3", "--verbose"],
        env=pattern_env(), stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True,
        # a shell's background job inherits SIGINT ignored, and Python then never raises
        # KeyboardInterrupt: give the child the default a user's terminal gives
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stderr is not None
    lines = []
    for line in proc.stderr:
        lines.append(line)
        if line.startswith("committed batch 2"):
            os.kill(proc.pid, signal.SIGINT)
            break
    lines += proc.stderr.readlines()
    proc.wait(timeout=60)
    assert proc.returncode == 130, "".join(lines)
    summary = [x for x in lines if x.startswith("interrupted: ")]
    assert summary and "articles stored" in summary[0] and "run the same command again" in \
        summary[0]
    assert not any("Traceback" in x for x in lines)
    check_whole_articles(url)


def test_count_articles_for_the_progress_total(tmp_path):
    from frontwatch.ingest.paths import count_articles

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "b.html").write_text("<p>x</p>")
    (tmp_path / "c.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    assert count_articles([str(tmp_path)]) == 5
    assert count_articles([str(tmp_path / "c.jsonl"), "-"]) is None
