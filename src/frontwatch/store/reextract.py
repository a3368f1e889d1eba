"""Re-extract stored articles with the current extractor, replacing what they contributed.

Each article is extracted first, outside any transaction; only then, in one transaction per
batch, is its old contribution deleted (`articles.delete_article`) and the new one written,
with its stored copies after it. An article the extractor fails on keeps what it had: nothing
stored is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from frontwatch.pipeline import ArticleResult
from frontwatch.store.articles import delete_article, family_rows, roots_in_order
from frontwatch.store.database import EventStore
from frontwatch.store.loader import Extraction
from frontwatch.store.rows import article_from_row

BATCH = 16


@dataclass(slots=True)
class ReextractReport:
    articles: int = 0
    copies: int = 0
    failed: int = 0
    events_before: int = 0
    events_after: int = 0

    def summary(self) -> str:
        return (
            f"{self.articles} articles re-extracted ({self.copies} stored copies re-linked),"
            f" {self.failed} failed and kept as they were; events in the store:"
            f" {self.events_before} before, {self.events_after} after"
        )


def reextract(
    store: EventStore,
    ids: list[str] | None,
    extractor: str | None = None,
    jobs: int = 1,
    on_error: Callable[[str], None] = lambda message: None,
    on_progress: Callable[[int], None] = lambda done: None,
) -> ReextractReport:
    """Re-extract the articles `ids` (ids, prefixes or input ids; a copy stands for the text it
    repeats), or every stored article when `ids` is None."""
    db = store.db
    report = ReextractReport(events_before=int(db.scalar("SELECT count(*) FROM events")))
    roots = roots_in_order(db, ids)
    runner = Extraction(jobs, extractor)
    try:
        for i in range(0, len(roots), BATCH):
            families = [family_rows(db, root) for root in roots[i : i + BATCH]]
            firsts = [article_from_row(rows[0]) for rows in families]
            results = runner.submit(firsts)()
            with store.batch():
                writer = store.writer
                for rows, first, result in zip(families, firsts, results, strict=True):
                    if isinstance(result, str):
                        report.failed += 1
                        on_error(f"{first.source_path or first.id}: {result}; kept as stored")
                        continue
                    delete_article(writer, first.id, with_copies=True)
                    writer.add(result)
                    for row in rows[1:]:
                        writer.add(ArticleResult(article_from_row(row)))
                        report.copies += 1
                    report.articles += 1
            on_progress(report.articles + report.failed)
    finally:
        runner.close()
    report.events_after = int(db.scalar("SELECT count(*) FROM events"))
    return report
