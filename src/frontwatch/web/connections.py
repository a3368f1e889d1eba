"""Read-only database connections for the web server, one per worker thread.

sqlite3 connections belong to the thread that made them and FastAPI runs handlers in a pool
of threads, so each thread keeps its own; the server only reads, and says so to the database
(`query_only`, a read-only transaction) so a bug cannot write."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from frontwatch.store.backends import POSTGRES, Backend, connect
from frontwatch.store.database import EventStore


class ReadOnlyStores:
    def __init__(self, url: str | None) -> None:
        self.url = url
        self._local = threading.local()
        self._all: list[Backend] = []
        self._lock = threading.Lock()

    def _open(self) -> Backend:
        db = connect(self.url, must_exist=True)
        if db.dialect is POSTGRES:
            db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            db.commit()
        else:
            db.execute("PRAGMA query_only = ON")
            # Map the file and keep more pages: the dashboard's group-bys scan the events
            # table, and each thread's connection has its own cache.
            db.execute("PRAGMA mmap_size = 268435456")
            db.execute("PRAGMA cache_size = -65536")
        with self._lock:
            self._all.append(db)
        return db

    @contextmanager
    def store(self) -> Iterator[EventStore]:
        """This thread's store, its transaction ended afterwards (PostgreSQL would otherwise
        sit idle in a transaction between requests). Used inside a handler's body, not as a
        FastAPI dependency: those may run in another thread than the handler."""
        db: Backend | None = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = self._open()
        try:
            yield EventStore(db)
        finally:
            db.rollback()

    def close(self) -> None:
        with self._lock:
            for db in self._all:
                # sqlite3 refuses a close from another thread; at shutdown that is harmless.
                with suppress(Exception):
                    db.close()
            self._all.clear()
