"""The per-article function over many articles, in this process or in N worker processes,
results in input order. The CLI and the benchmark use it; a distributed run would too."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import islice

from frontwatch.errors import ConfigError
from frontwatch.model import Article, Event

# Set FRONTWATCH_DEBUG=1 to let an exception inside the extractor stop the run with its
# traceback instead of becoming one error line for that article.
DEBUG = os.environ.get("FRONTWATCH_DEBUG", "") not in ("", "0")


@dataclass(slots=True)
class Outcome:
    """What one article gave: its events, or why it failed."""

    article: Article
    events: list[Event] = field(default_factory=list)
    error: str | None = None


def load_extractor(engine: str | None = None) -> object:
    """A ready `Extractor` (of `engine`, default the pipeline's), or a ConfigError saying
    what is missing."""
    try:
        from frontwatch.pipeline import Extractor

        return Extractor(engine=engine)
    except (ImportError, OSError, RuntimeError) as exc:
        if DEBUG:
            raise
        raise ConfigError(f"cannot load the extraction pipeline: {exc}") from exc


def _events_of(extractor: object, article: Article) -> tuple[list[Event], str | None]:
    try:
        return extractor.process(article).events, None  # type: ignore[attr-defined]
    except ImportError as exc:  # a stage is missing: every article would fail the same way
        if DEBUG:
            raise
        raise ConfigError(f"cannot load the extraction pipeline: {exc}") from exc
    except Exception as exc:  # one article's failure must not end a long run
        if DEBUG:
            raise
        return [], f"extraction failed: {type(exc).__name__}: {exc}"


def _events_of_batch(
    extractor: object, articles: list[Article]
) -> list[tuple[list[Event], str | None]]:
    """All articles at once when the extractor can batch (spaCy parses faster in batches);
    if the batch fails, one by one, so only the article at fault is lost."""
    process_batch = getattr(extractor, "process_batch", None)
    if process_batch is not None and len(articles) > 1:
        try:
            return [(result.events, None) for result in process_batch(articles)]
        except ImportError as exc:
            if DEBUG:
                raise
            raise ConfigError(f"cannot load the extraction pipeline: {exc}") from exc
        except Exception:
            if DEBUG:
                raise
    return [_events_of(extractor, a) for a in articles]


# --- worker side: one Extractor per process, built once by the pool's initializer ---
_worker_extractor: object | None = None
_worker_error: str | None = None


def _init_worker(factory: Callable[[], object] | None) -> None:
    global _worker_extractor, _worker_error
    try:
        _worker_extractor = (factory or load_extractor)()
    except ConfigError as exc:
        _worker_error = str(exc)


def _process_chunk(articles: list[Article]) -> list[tuple[list[Event], str | None]]:
    if _worker_extractor is None:
        raise ConfigError(_worker_error or "worker has no extractor")
    return _events_of_batch(_worker_extractor, articles)


def _chunks(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while chunk := list(islice(it, size)):
        yield chunk


def process_articles(
    articles: Iterable[Article],
    jobs: int = 1,
    chunk_size: int = 16,
    extractor_factory: Callable[[], object] | None = None,
    engine: str | None = None,
) -> Iterator[Outcome]:
    """Run the extractor on each article, yielding outcomes in input order.

    Articles go to the extractor in chunks of `chunk_size` (its `process_batch` when it has
    one). With `jobs > 1` the chunks go to `jobs` processes; at most a few chunks per worker
    are in flight, so a long input is never all in memory. The extractor is only loaded once
    the first article arrives, so a run with nothing readable loads no model.
    `extractor_factory` (default `load_extractor`) builds one extractor per process; with
    `jobs > 1` it must be picklable (a module-level function).
    `engine` ("model" or "rules") picks the default factory's engine.
    Raises ConfigError when the extraction pipeline cannot be loaded.
    """
    if extractor_factory is None and engine is not None:
        extractor_factory = partial(load_extractor, engine)
    chunks = _chunks(articles, chunk_size)
    if jobs <= 1:
        extractor = None
        for chunk in chunks:
            if extractor is None:
                extractor = (extractor_factory or load_extractor)()
            for article, (events, error) in zip(
                chunk, _events_of_batch(extractor, chunk), strict=True
            ):
                yield Outcome(article, events, error)
        return

    first = next(chunks, None)
    if first is None:
        return
    # spawn: workers start clean, without the parent's threads (rich's progress refresher).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_init_worker, initargs=(extractor_factory,)
    ) as pool:
        pending: deque[tuple[list[Article], Future]] = deque()
        pending.append((first, pool.submit(_process_chunk, first)))
        for chunk in chunks:
            pending.append((chunk, pool.submit(_process_chunk, chunk)))
            while len(pending) >= 2 * jobs:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(chunk: list[Article], future: Future) -> Iterator[Outcome]:
    for article, (events, error) in zip(chunk, future.result(), strict=True):
        yield Outcome(article, events, error)
