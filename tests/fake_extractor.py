"""A stand-in for `frontwatch.Extractor` in CLI and batch tests: one event per article, so the
readers, error handling, ordering and formats are tested without the spaCy pipeline."""

from __future__ import annotations

from frontwatch.model import Article, Event
from frontwatch.pipeline import ArticleResult


class FakeExtractor:
    def __init__(self) -> None:
        self.batches: list[int] = []  # sizes of the batches it was given

    def process(self, article: Article) -> ArticleResult:
        if "EXPLODE" in article.text:
            raise ValueError("fake extractor was told to fail")
        kept = " ".join(article.text[s:e] for s, e in article.kept) if article.kept else ""
        event = Event(
            event_date=article.published.isoformat() if article.published else "",
            time_precision=1,
            disorder_type="Political violence",
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Fake actor",
            country="Syria",
            location=(article.source_id or article.source_path or "")[-40:],
            source=article.outlet or "",
            notes=kept[:60],
            article_id=article.id,
        )
        return ArticleResult(article=article, events=[event])

    def process_batch(self, articles: list[Article]) -> list[ArticleResult]:
        self.batches.append(len(articles))
        return [self.process(a) for a in articles]  # one bad article fails the whole batch


def fake_factory() -> FakeExtractor:
    return FakeExtractor()
