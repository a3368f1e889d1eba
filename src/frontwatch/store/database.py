"""`EventStore`: an open database at the latest schema, with batch transactions and queries."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

from frontwatch.errors import ConfigError
from frontwatch.pipeline import ArticleResult
from frontwatch.store import query
from frontwatch.store.backends import Backend, connect, is_transient
from frontwatch.store.migrations import upgrade
from frontwatch.store.query import EventDetail, EventFilter
from frontwatch.store.write import ArticleOutcome, Triage, Writer


class EventStore:
    """The library's face of the database; the CLI is a thin layer over it."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self._writer: Writer | None = None
        # Seconds spent waiting for the write lock (other writers), for reports and benches.
        self.lock_wait = 0.0

    @property
    def url(self) -> str:
        return self.db.url

    # -- writing ---------------------------------------------------------------------------
    @property
    def writer(self) -> Writer:
        if self._writer is None:
            self._writer = Writer(self.db)
        return self._writer

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction: every article written inside is committed together or not at all."""
        started = time.perf_counter()
        self.db.begin()
        try:
            self.db.lock_writes()
            self.lock_wait += time.perf_counter() - started
            if self._writer is not None:
                self._writer.sync()
            yield
        except BaseException:
            # A lost connection cannot roll back; the caller reconnects and retries.
            with suppress(Exception):
                self.db.rollback()
            # The writer's in-memory copy index may hold rolled-back articles: rebuild it.
            self._writer = None
            raise
        self.db.commit()

    def add_article(self, result: ArticleResult, triage: Triage | None = None) -> ArticleOutcome:
        return self.writer.add(result, triage)

    def add_results(self, results: list[ArticleResult]) -> list[ArticleOutcome]:
        with self.batch():
            return [self.writer.add(r) for r in results]

    # -- reading ---------------------------------------------------------------------------
    def events(self, flt: EventFilter | None = None) -> list[dict[str, Any]]:
        return query.list_events(self.db, flt or EventFilter())

    def iter_events(self, flt: EventFilter | None = None) -> Iterator[dict[str, Any]]:
        return query.iter_events(self.db, flt or EventFilter())

    def count(self, flt: EventFilter | None = None) -> int:
        return query.count_events(self.db, flt or EventFilter())

    def event(self, event_id: str) -> EventDetail | None:
        return query.event_detail(self.db, event_id)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(url: str | None = None, migrate: bool = True, create: bool = True
               ) -> EventStore:
    """Open the database at `url` (creating it if needed and `create`) and bring its schema
    up to date."""
    db = connect(url, must_exist=not create)
    if migrate:
        try:
            upgrade(db)
        except Exception as exc:
            db.close()
            if is_transient(exc):
                raise ConfigError(f"{url}: {busy_message(exc)}") from exc
            raise
    return EventStore(db)


def busy_message(exc: BaseException) -> str:
    """One line for a store another process holds too long (or a connection that keeps
    dropping)."""
    first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return f"{first} (another process holds it; waited and retried, then gave up)"
