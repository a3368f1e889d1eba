"""Ingest: articles in, extraction in N worker processes, writes from this process in batches.

Each batch of articles is one transaction, so a killed ingest loses at most the batch in
flight and never leaves half an article. Articles are written in input order and every id is
derived from content, so re-running the same inputs converges on the database a clean run
gives: stored articles are recognised by id and skipped.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from frontwatch.errors import ConfigError, InputError
from frontwatch.model import Article
from frontwatch.pipeline import ArticleResult
from frontwatch.store.backends import is_transient
from frontwatch.store.database import EventStore, busy_message
from frontwatch.store.write import Triage

DEFAULT_BATCH = 16


class StoreBusy(ConfigError):
    """The store stayed locked (or unreachable) through every retry."""

# `module:callable` returning an object with `process(article) -> ArticleResult`; lets a
# deployment (or a test) plug in its own extractor. Default: frontwatch.pipeline.Extractor.
EXTRACTOR_ENV = "FRONTWATCH_EXTRACTOR"


@dataclass(slots=True)
class IngestReport:
    read: int = 0
    new: int = 0
    known: int = 0
    copies: int = 0
    failed: int = 0
    input_errors: int = 0
    events_created: int = 0
    events_merged: int = 0
    batches: int = 0
    retries: int = 0  # transactions run again after a transient error
    lock_wait: float = 0.0  # seconds waiting for other writers' transactions

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def summary(self) -> str:
        return (
            f"{self.read} articles read: {self.new} new, {self.copies} copies of stored articles,"
            f" {self.known} already stored, {self.errors} errors; events: {self.events_created}"
            f" new, {self.events_merged} merged into existing"
            + (f"; {self.retries} transactions retried after a transient error"
               if self.retries else "")
            + (f"; {self.lock_wait:.1f} s waiting for other writers"
               if self.lock_wait >= 0.1 else "")
        )


def build_extractor(spec: str | None = None) -> object:
    spec = spec or os.environ.get(EXTRACTOR_ENV) or "frontwatch.pipeline:Extractor"
    module_name, _, attr = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr or "Extractor")
        return factory()
    except (ImportError, AttributeError, OSError, RuntimeError) as exc:
        # RuntimeError: the model engine without its trained coder (CoderUnavailable)
        raise ConfigError(f"cannot load the extractor {spec}: {exc}") from exc


def _extract_one(extractor: object, article: Article) -> ArticleResult | str:
    try:
        return extractor.process(article)  # type: ignore[attr-defined]
    except Exception as exc:  # one article's failure must not end a long run
        return f"extraction failed: {type(exc).__name__}: {exc}"


_worker: object | None = None


def _init_worker(spec: str | None) -> None:
    global _worker
    _worker = build_extractor(spec)


def _worker_extract(articles: list[Article]) -> list[ArticleResult | str]:
    assert _worker is not None
    return [_extract_one(_worker, a) for a in articles]


class Extraction:
    """Runs the extractor here (jobs=1) or in a pool of `jobs` processes."""

    def __init__(self, jobs: int, spec: str | None) -> None:
        self.jobs = jobs
        self.spec = spec
        self.local: object | None = None
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, articles: list[Article]) -> Callable[[], list[ArticleResult | str]]:
        if not articles:
            return lambda: []
        if self.jobs <= 1:
            if self.local is None:
                self.local = build_extractor(self.spec)
            local = self.local
            return lambda: [_extract_one(local, a) for a in articles]
        if self.pool is None:
            # spawn: workers start clean, without the parent's threads or open database.
            self.pool = ProcessPoolExecutor(
                self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_init_worker,
                initargs=(self.spec,),
            )
        size = max(1, -(-len(articles) // self.jobs))
        futures: list[Future] = [
            self.pool.submit(_worker_extract, articles[i : i + size])
            for i in range(0, len(articles), size)
        ]
        return lambda: [r for f in futures for r in f.result()]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def ingest(
    store: EventStore,
    sources: Iterable[Article | InputError],
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    extractor: str | None = None,
    on_error: Callable[[str], None] = lambda message: None,
    on_commit: Callable[[IngestReport], None] = lambda report: None,
) -> IngestReport:
    """Extract and store every article of `sources`; bad inputs go to `on_error` as one line."""
    report = IngestReport()
    runner = Extraction(jobs, extractor)
    # First copies that could not be stored in this run (extraction or write failed).
    lost: set[str] = set()
    try:
        pending: tuple[list[tuple[Article, Triage]], Callable] | None = None
        for chunk in _chunks(sources, batch_size):
            triaged: list[tuple[Article, Triage]] = []
            for item in chunk:
                if isinstance(item, InputError):
                    report.input_errors += 1
                    on_error(str(item))
                    continue
                report.read += 1
                # `store.writer`, not one kept from the start: a rolled-back batch replaces
                # the writer, and the old one's copy index is never brought up to date again.
                triaged.append((item, store.writer.triage(item)))
            # Extraction of this batch runs in the workers while the previous one is written.
            collect = runner.submit([a for a, t in triaged if t.status == "new"])
            if pending is not None:
                _write(store, *pending, report, on_error, runner, lost)
                on_commit(report)
            pending = (triaged, collect)
        if pending is not None:
            _write(store, *pending, report, on_error, runner, lost)
            on_commit(report)
    finally:
        runner.close()
        report.lock_wait = store.lock_wait
    return report


# A transaction that meets a transient error (lock timeout, deadlock, lost connection) is
# rolled back and run again, up to this many times, after 0.1, 0.2, 0.4 ... seconds.
RETRIES = 6
_Item = tuple[Article, Triage, "ArticleResult | str | None"]


def _write(
    store: EventStore,
    triaged: list[tuple[Article, Triage]],
    collect: Callable[[], list[ArticleResult | str]],
    report: IngestReport,
    on_error: Callable[[str], None],
    runner: Extraction,
    lost: set[str],
) -> None:
    extracted = iter(collect())
    items: list[_Item] = [
        (article, t, next(extracted) if t.status == "new" else None) for article, t in triaged
    ]
    items = _retriage(store, items, runner, lost)
    try:
        tally = _with_retries(store, items, report, lost)
    except Exception as exc:  # noqa: BLE001 - the batch cannot be written whole
        if is_transient(exc):
            # Still locked or disconnected after every retry: no later batch would fare
            # better. What was committed stays; the run stops with one line.
            raise StoreBusy(f"{store.url}: {busy_message(exc)}") from exc
        # One article at a time, so only the one that cannot be stored is reported.
        tally = _Tally()
        rest = list(items)
        while rest:
            item = rest.pop(0)
            try:
                tally.add(_with_retries(store, [item], report, tally.failed | lost))
            except Exception as one:  # noqa: BLE001 - persistent: report it, go on
                tally.failed.add(item[0].id)
                tally.failed_n += 1
                tally.errors.append(f"{_where(item[0])}: not stored: {_reason(one)}")
                if item[1].status == "new":
                    # Its copies, here and in the next batch, are triaged again.
                    lost.add(item[0].id)
                    rest = _retriage(store, rest, runner, lost)
    tally.apply(report)
    for message in tally.errors:
        on_error(message)
    report.batches += 1


@dataclass(slots=True)
class _Tally:
    """What one transaction did; applied to the report only once it committed."""

    new: int = 0
    copies: int = 0
    known: int = 0
    failed_n: int = 0
    created: int = 0
    merged: int = 0
    errors: list[str] = field(default_factory=list)
    failed: set[str] = field(default_factory=set)

    def add(self, other: _Tally) -> None:
        self.new += other.new
        self.copies += other.copies
        self.known += other.known
        self.failed_n += other.failed_n
        self.created += other.created
        self.merged += other.merged
        self.errors += other.errors
        self.failed |= other.failed

    def apply(self, report: IngestReport) -> None:
        report.new += self.new
        report.copies += self.copies
        report.known += self.known
        report.failed += self.failed_n
        report.events_created += self.created
        report.events_merged += self.merged


def _where(article: Article) -> str:
    return article.source_path or article.id


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def _root(t: Triage) -> str | None:
    """The first copy a copy or an already triaged text is filed under (None if new)."""
    return t.copy_of.article_id if t.copy_of else t.root


def _retriage(
    store: EventStore, items: list[_Item], runner: Extraction, lost: set[str]
) -> list[_Item]:
    """`items` with every copy of a first copy in `lost` triaged again (extracted here if it
    is now new); failed extractions join `lost`.

    Triage runs before extraction, and a batch ahead of the writes: a repost may have been
    triaged as a copy of an article whose extraction or write then failed. Written as that
    copy it would break the foreign key to its first copy, and its events would be lost.
    """
    writer = store.writer
    for article, t, result in items:
        if t.status == "new" and isinstance(result, str):
            lost.add(article.id)
            writer.forget(article)  # out of the copy index before the others are triaged
    out: list[_Item] = []
    # In input order: a text triaged again comes before any repeat of it.
    for article, t, result in items:
        # (A repeat of a failed text itself is not tried again: reported as failed.)
        if article.id not in lost and _root(t) in lost:
            t = writer.retriage(article)
            result = runner.submit([article])()[0] if t.status == "new" else None
            if isinstance(result, str):
                lost.add(article.id)
                writer.forget(article)
        out.append((article, t, result))
    return out


def _with_retries(
    store: EventStore, items: list[_Item], report: IngestReport,
    failed_before: set[str] | None = None,
) -> _Tally:
    delay = 0.1
    for attempt in range(RETRIES + 1):
        try:
            return _write_batch(store, items, set(failed_before or ()))
        except Exception as exc:
            if attempt == RETRIES or not is_transient(exc):
                raise
            report.retries += 1
            time.sleep(delay)
            delay *= 2
            store.db.reconnect()
    raise AssertionError("unreachable")  # pragma: no cover


def _write_batch(store: EventStore, items: list[_Item], failed: set[str]) -> _Tally:
    tally = _Tally(failed=failed)
    with store.batch():
        writer = store.writer
        for article, t, result in items:
            if t.status == "new":
                assert result is not None
                if isinstance(result, str):
                    tally.failed_n += 1
                    tally.failed.add(article.id)
                    writer.forget(article)
                    tally.errors.append(f"{_where(article)}: {result}")
                    continue
            else:
                root = _root(t)
                if root in tally.failed:
                    tally.failed_n += 1
                    tally.errors.append(
                        f"{_where(article)}: not stored: the article it repeats ({root}) failed"
                    )
                    continue
                result = ArticleResult(article)
            outcome = store.add_article(result, t)
            if outcome.status == "new":
                tally.new += 1
            elif outcome.status == "copy":
                tally.copies += 1
            else:
                tally.known += 1
            tally.created += outcome.events_created
            tally.merged += outcome.events_merged
    return tally
