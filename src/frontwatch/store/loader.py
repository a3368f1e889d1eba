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
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from frontwatch.errors import ConfigError, InputError
from frontwatch.model import Article
from frontwatch.pipeline import ArticleResult
from frontwatch.store.database import EventStore
from frontwatch.store.write import Triage

DEFAULT_BATCH = 16
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

    @property
    def errors(self) -> int:
        return self.failed + self.input_errors

    def summary(self) -> str:
        return (
            f"{self.read} articles read: {self.new} new, {self.copies} copies of stored articles,"
            f" {self.known} already stored, {self.errors} errors; events: {self.events_created}"
            f" new, {self.events_merged} merged into existing"
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
    writer = store.writer
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
                triaged.append((item, writer.triage(item)))
            # Extraction of this batch runs in the workers while the previous one is written.
            collect = runner.submit([a for a, t in triaged if t.status == "new"])
            if pending is not None:
                _write(store, *pending, report, on_error)
                on_commit(report)
            pending = (triaged, collect)
        if pending is not None:
            _write(store, *pending, report, on_error)
            on_commit(report)
    finally:
        runner.close()
    return report


def _write(
    store: EventStore,
    triaged: list[tuple[Article, Triage]],
    collect: Callable[[], list[ArticleResult | str]],
    report: IngestReport,
    on_error: Callable[[str], None],
) -> None:
    extracted = iter(collect())
    writer = store.writer
    failed: set[str] = set()
    with store.batch():
        for article, t in triaged:
            where = article.source_path or article.id
            if t.status == "new":
                result = next(extracted)
                if isinstance(result, str):
                    report.failed += 1
                    failed.add(article.id)
                    writer.forget(article)
                    on_error(f"{where}: {result}")
                    continue
            else:
                root = t.copy_of.article_id if t.copy_of else t.root
                if root in failed:
                    report.failed += 1
                    on_error(f"{where}: not stored: the article it repeats ({root}) failed")
                    continue
                result = ArticleResult(article)
            outcome = store.add_article(result, t)
            if outcome.status == "new":
                report.new += 1
            elif outcome.status == "copy":
                report.copies += 1
            else:
                report.known += 1
            report.events_created += outcome.events_created
            report.events_merged += outcome.events_merged
    report.batches += 1
