"""Schema, migrations and concurrency: one schema on both servers, readers never blocked."""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.errors import ConfigError
from frontwatch.store import open_store
from frontwatch.store.backends import connect
from frontwatch.store.migrations import current_version, upgrade
from frontwatch.store.schema import LATEST
from store_support import result_of

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

TABLES = {
    "articles", "article_outlets", "article_signatures", "places", "events", "mentions", "claims",
    "evidence", "event_changes", "schema_version", "reports",
}


def test_open_applies_migrations_once(db_url):
    s = open_store(db_url)
    assert set(s.db.tables()) == TABLES
    assert current_version(s.db) == LATEST
    assert upgrade(s.db) == []  # nothing pending
    cols = s.db.columns("events")
    assert cols[:6] == ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
                        "event_type"]
    s.close()


def test_db_upgrade_command(db_url):
    def cli():
        return CliRunner().invoke(app, ["db", "upgrade", "--db", db_url])

    first = cli()
    assert first.exit_code == 0 and "applied migrations 1" in first.stdout
    assert "already at version" in cli().stdout


def test_readers_query_while_a_batch_is_being_written(db_url):
    writer = open_store(db_url)
    writer.add_results([result_of("On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.")])
    reader = open_store(db_url)
    with writer.batch():
        writer.add_article(result_of("On 2017-08-20 SAA shelled ISIS in Maadan."))
        # The reader sees the last committed state, without waiting for the writer.
        assert reader.count() == 1
    assert reader.count() == 2
    reader.close()
    writer.close()


def test_sqlite_file_is_plain_sqlite_in_wal_mode(tmp_path):
    path = tmp_path / "plain.db"
    s = open_store(f"sqlite:///{path}")
    s.add_results([result_of("On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.")])
    s.close()
    con = sqlite3.connect(path)  # what Datasette and sqlite-utils do
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    row = con.execute("SELECT location, fatalities, source FROM events").fetchone()
    assert row == ("Sukhna", 7, "South Front")
    con.close()


def test_sqlite_file_opens_in_duckdb(tmp_path):
    duckdb = pytest.importorskip("duckdb", reason="duckdb not installed: DuckDB check skipped")
    path = tmp_path / "duck.db"
    s = open_store(f"sqlite:///{path}")
    s.add_results([result_of("On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.")])
    s.close()
    con = duckdb.connect()
    try:
        con.execute("INSTALL sqlite; LOAD sqlite;")
    except duckdb.Error as exc:  # offline: DuckDB downloads its sqlite extension on first use
        pytest.skip(f"DuckDB's sqlite extension cannot be installed here: {str(exc)[:120]}")
    assert con.execute(f"SELECT count(*) FROM sqlite_scan('{path}', 'events')").fetchone()[0] == 1


def test_bad_urls_say_what_to_do(tmp_path):
    with pytest.raises(ConfigError, match="unknown database URL"):
        connect("mysql://x")
    with pytest.raises(ConfigError, match="does not exist"):
        connect(f"sqlite:///{tmp_path}/no/such/dir/x.db")


def test_newer_schema_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'future.db'}"
    open_store(url).close()
    con = sqlite3.connect(tmp_path / "future.db")
    con.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    con.commit()
    con.close()
    with pytest.raises(ConfigError, match="newer than this frontwatch"):
        open_store(url)
