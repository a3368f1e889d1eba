"""Connections to the two databases behind one small interface: SQLite and PostgreSQL.

SQL in frontwatch is written once, with `?` placeholders and a portable subset of types; the
backend translates placeholders and type names so both servers run the same statements.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from frontwatch.errors import ConfigError

DEFAULT_URL = "sqlite:///frontwatch.db"

# PostgreSQL advisory locks are keyed (hash of the schema, purpose): stores in other schemas
# of one database never wait for each other.
SCHEMA_LOCK = 0x6677001
WRITE_LOCK = 0x6677002

# SQLSTATEs a retry can cure: serialization failure, deadlock, lock not available,
# connection failures (class 08), the server shutting down or restarting (57P01-57P03).
_TRANSIENT_STATES = ("40001", "40P01", "55P03", "57P01", "57P02", "57P03")


@dataclass(slots=True)
class Dialect:
    name: str  # sqlite | postgresql
    # Type names used in the DDL templates (`{text}`, `{int}`, `{float}`, `{bigint}`).
    types: dict[str, str]


SQLITE = Dialect("sqlite", {"text": "TEXT", "int": "INTEGER", "float": "REAL", "bigint": "INTEGER"})
POSTGRES = Dialect(
    "postgresql",
    {"text": "TEXT", "int": "INTEGER", "float": "DOUBLE PRECISION", "bigint": "BIGINT"},
)


class Backend:
    """A DB-API connection plus the few things that differ between the two servers."""

    dialect: Dialect

    def __init__(self, url: str) -> None:
        self.url = url

    # -- statements ------------------------------------------------------------------------
    def sql(self, statement: str) -> str:
        return statement

    def execute(self, statement: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self.sql(statement), tuple(params))

    def executemany(self, statement: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [tuple(r) for r in rows]
        if rows:
            self.conn.cursor().executemany(self.sql(statement), rows)

    def query(self, statement: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(self.sql(statement), tuple(params))
        names = [d[0] for d in cur.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def scalar(self, statement: str, params: Sequence[Any] = ()) -> Any:
        row = self.conn.execute(self.sql(statement), tuple(params)).fetchone()
        return row[0] if row else None

    def table_exists(self, name: str) -> bool:
        raise NotImplementedError

    def columns(self, table: str) -> list[str]:
        raise NotImplementedError

    def tables(self) -> list[str]:
        raise NotImplementedError

    # -- transactions ----------------------------------------------------------------------
    def begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.conn.commit()

    def lock_writes(self) -> None:
        """Inside a write transaction: wait until no other process writes (see write.py)."""
        return None

    @contextmanager
    def schema_lock(self) -> Iterator[None]:
        """Held while migrating, so processes opening a fresh database at once queue."""
        yield

    def reconnect(self) -> None:
        """After a lost connection: a new one to the same database."""
        return None

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


class SQLiteBackend(Backend):
    dialect = SQLITE

    def __init__(self, url: str, path: str) -> None:
        super().__init__(url)
        self.path = path
        # isolation_level=None: we issue BEGIN/COMMIT ourselves so a batch is one transaction.
        # A second writer waits this long for the lock (then the loader retries, then it says
        # the file is locked).
        wait = float(os.environ.get("FRONTWATCH_SQLITE_TIMEOUT") or 30.0)
        self.conn = sqlite3.connect(path, isolation_level=None, timeout=wait)
        # WAL lets readers (Datasette, `frontwatch events`) query while an ingest writes;
        # synchronous=NORMAL in WAL mode never corrupts the file, it can only lose the very
        # last commit on power loss (not on a process kill).
        self.conn.execute(f"PRAGMA busy_timeout={int(wait * 1000)}")
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.execute("PRAGMA foreign_keys=ON")

    def begin(self) -> None:
        # IMMEDIATE takes the write lock up front, so two writers queue instead of failing
        # half-way through a batch.
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def table_exists(self, name: str) -> bool:
        return bool(
            self.scalar("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?", (name,))
        )

    def tables(self) -> list[str]:
        # Plain tables only: the full-text index (a virtual table and its shadow tables) is
        # an index, as PostgreSQL's GIN index is, not data.
        rows = self.query(
            "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return [r["name"] for r in rows]

    def columns(self, table: str) -> list[str]:
        return [r["name"] for r in self.query(f'PRAGMA table_info("{table}")')]


class PostgresBackend(Backend):
    dialect = POSTGRES

    def __init__(self, url: str) -> None:
        super().__init__(url)
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - psycopg is a dependency
            raise ConfigError("PostgreSQL needs psycopg 3: pip install 'psycopg[binary]'") from exc
        try:
            self.conn = psycopg.connect(url, autocommit=False)
        except psycopg.OperationalError as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConfigError(f"{_redact(url)}: cannot connect: {first}") from exc
        self.schema = self.scalar("SELECT current_schema()")

    def sql(self, statement: str) -> str:
        # Our SQL never holds a literal '%' or '?' inside strings, so a plain swap is safe.
        return statement.replace("%", "%%").replace("?", "%s")

    def begin(self) -> None:
        # psycopg opens a transaction on the first statement; nothing to do.
        return None

    def lock_writes(self) -> None:
        # One writer at a time: the "same incident as a stored event?" decisions and the
        # copy index then see every earlier commit, and no two writers can deadlock. The lock
        # is released by COMMIT or ROLLBACK; extraction, the slow part, runs outside it.
        self.execute("SELECT pg_advisory_xact_lock(hashtext(current_schema()), ?)", (WRITE_LOCK,))

    @contextmanager
    def schema_lock(self) -> Iterator[None]:
        self.execute("SELECT pg_advisory_lock(hashtext(current_schema()), ?)", (SCHEMA_LOCK,))
        self.conn.commit()
        try:
            yield
        finally:
            self.conn.rollback()
            self.execute("SELECT pg_advisory_unlock(hashtext(current_schema()), ?)", (SCHEMA_LOCK,))
            self.conn.commit()

    def reconnect(self) -> None:
        import psycopg

        with suppress(psycopg.Error):
            self.conn.close()
        self.conn = psycopg.connect(self.url, autocommit=False)

    def table_exists(self, name: str) -> bool:
        return bool(
            self.scalar(
                "SELECT count(*) FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_name = ?",
                (name,),
            )
        )

    def tables(self) -> list[str]:
        rows = self.query(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type='BASE TABLE' ORDER BY table_name"
        )
        return [r["table_name"] for r in rows]

    def columns(self, table: str) -> list[str]:
        rows = self.query(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [r["column_name"] for r in rows]


def is_transient(exc: BaseException) -> bool:
    """An error a retry of the same transaction may cure (a lock, a deadlock, a dropped
    connection), as opposed to one in the data or the SQL."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        return "locked" in text or "busy" in text
    state = getattr(exc, "sqlstate", None)
    if state is None:
        try:
            import psycopg
        except ImportError:  # pragma: no cover - psycopg is a dependency
            return False
        # A connection lost mid-statement carries no SQLSTATE.
        return isinstance(exc, psycopg.OperationalError)
    return state in _TRANSIENT_STATES or state.startswith("08")


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def connect(url: str | None = None, must_exist: bool = False) -> Backend:
    """Open `sqlite:///path.db` (default `frontwatch.db` here) or `postgresql://...`.

    `must_exist`: a reader's SQLite file must be there already (a mistyped path is an error,
    not a new empty database)."""
    url = url or os.environ.get("FRONTWATCH_DB") or DEFAULT_URL
    scheme = urlsplit(url).scheme.lower()
    if scheme == "sqlite":
        path = url[len("sqlite://") :]
        # sqlite:///rel.db -> "/rel.db" is relative; sqlite:////abs.db -> "//abs.db" absolute.
        path = path[1:] if path.startswith("/") else path
        if not path:
            raise ConfigError(f"{url}: no file name; use sqlite:///frontwatch.db")
        if path != ":memory:":
            parent = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(parent):
                raise ConfigError(f"{url}: directory {parent} does not exist")
            if must_exist and not os.path.exists(path):
                raise ConfigError(f"{url}: no such database ({os.path.abspath(path)}); "
                                  "`frontwatch ingest` creates one")
        try:
            return SQLiteBackend(url, path)
        except sqlite3.Error as exc:
            raise ConfigError(f"{url}: {exc}") from exc
    if scheme in ("postgresql", "postgres"):
        return PostgresBackend(url)
    raise ConfigError(f"{url}: unknown database URL; use sqlite:///path.db or postgresql://...")
