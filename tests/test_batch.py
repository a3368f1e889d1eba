"""Batch runs: outcomes in input order with one or several worker processes; one article's
failure does not end the run."""

from __future__ import annotations

import pytest

from fake_extractor import FakeExtractor, fake_factory
from frontwatch.batch import process_articles
from frontwatch.errors import ConfigError
from frontwatch.pipeline import make_article


def _articles(n: int) -> list:
    return [make_article(f"Report number {i}.", source_path=f"a{i}.txt") for i in range(n)]


def test_single_process_keeps_order_and_reports_failures() -> None:
    articles = _articles(5)
    articles[2] = make_article("EXPLODE", source_path="bad.txt")
    outcomes = list(process_articles(articles, jobs=1, extractor_factory=fake_factory))
    assert [o.article.source_path for o in outcomes] == [a.source_path for a in articles]
    assert outcomes[2].error == "extraction failed: ValueError: fake extractor was told to fail"
    assert [len(o.events) for o in outcomes] == [1, 1, 0, 1, 1]


def test_articles_go_in_batches_and_a_failing_batch_is_redone_one_by_one() -> None:

    fake = FakeExtractor()
    articles = _articles(10)
    articles[7] = make_article("EXPLODE", source_path="bad.txt")
    outcomes = list(process_articles(articles, chunk_size=4, extractor_factory=lambda: fake))
    assert fake.batches == [4, 4, 2]  # the second batch failed and was redone one by one
    assert [o.error is not None for o in outcomes] == [i == 7 for i in range(10)]
    assert [o.article.id for o in outcomes] == [a.id for a in articles]


def test_worker_processes_keep_input_order() -> None:
    articles = _articles(23)
    outcomes = list(
        process_articles(articles, jobs=2, chunk_size=3, extractor_factory=fake_factory)
    )
    assert [o.article.id for o in outcomes] == [a.id for a in articles]
    assert [o.events[0].article_id for o in outcomes] == [a.id for a in articles]


def test_no_articles_loads_no_extractor() -> None:
    def explode() -> None:
        raise AssertionError("extractor loaded for nothing")

    assert list(process_articles([], jobs=1, extractor_factory=explode)) == []
    assert list(process_articles([], jobs=2, extractor_factory=explode)) == []


def test_unloadable_extractor_is_a_config_error() -> None:
    def missing() -> None:
        raise ConfigError("cannot load the extraction pipeline: no model")

    with pytest.raises(ConfigError):
        list(process_articles(_articles(1), extractor_factory=missing))
