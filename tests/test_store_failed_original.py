"""A repost of an article whose extraction failed: stored as a first copy, with its events.

Reposts are triaged as copies of the original before it is extracted (and a batch ahead of its
write), so when the original then fails they must be triaged again in the same run: the first
of them in canonical order becomes the first copy, the others its copies. Real SQLite and
PostgreSQL (the foreign key from a copy to its first copy is what refused them before).
"""

from __future__ import annotations

import pytest

from fake_extractor import FakeExtractor
from frontwatch.model import Article
from frontwatch.pipeline import ArticleResult, make_article
from store_support import dump, filler, new_db_url

pytest_plugins = ["store_fixtures"]  # the db_url and backend fixtures

ORIGINAL = "Wire report. " + filler(4242, 60)


class FailsOnTheOriginal(FakeExtractor):
    """One event per article, except the original wire text (not its reposts): that fails."""

    def process(self, article: Article) -> ArticleResult:
        if article.text == ORIGINAL:
            raise ValueError("told to fail on the original")
        return super().process(article)


def failing_factory() -> FailsOnTheOriginal:
    return FailsOnTheOriginal()


SPEC = f"{__name__}:failing_factory"


def _articles() -> dict[str, Article]:
    # Dated so that canonical order is the input order: r1 comes before r2.
    return {
        "x": make_article("Unrelated. " + filler(1, 60), "2017-08-13", "SANA", source_path="x.txt"),
        "a": make_article(ORIGINAL, "2017-08-14", "AFP", source_path="a.txt"),
        "r1": make_article("Reposted: " + ORIGINAL + " Share this.", "2017-08-15", "Amaq",
                           source_path="r1.txt"),
        "r2": make_article("Via AFP: " + ORIGINAL + " More soon.", "2017-08-16", "SOHR",
                           source_path="r2.txt"),
        "y": make_article("Other news. " + filler(2, 60), "2017-08-17", "SANA",
                          source_path="y.txt"),
    }


def _ingest(url: str, names: list[str], batch_size: int) -> tuple[object, list[str]]:
    from frontwatch.store import open_store
    from frontwatch.store.loader import ingest

    arts = _articles()
    errors: list[str] = []
    with open_store(url) as store:
        report = ingest(store, [arts[n] for n in names], batch_size=batch_size,
                        extractor=SPEC, on_error=errors.append)
    return report, errors


# 1: the reposts are read while the original is written; 2: both reposts triaged against it a
# batch ahead; 3: one repost in the original's batch, the other in the next.
@pytest.mark.parametrize("batch_size", [1, 2, 3, 5])
def test_repost_of_a_failed_original_is_stored_as_first_copy(
    tmp_path, request, backend, batch_size
):
    from frontwatch.store.backends import connect

    url = new_db_url(request, tmp_path, backend, "run")
    report, errors = _ingest(url, ["x", "a", "r1", "r2", "y"], batch_size)

    # Only the original is reported, in one line naming its file and why.
    assert errors == [
        "a.txt: extraction failed: ValueError: told to fail on the original"
    ], errors
    assert (report.read, report.failed, report.new, report.copies) == (5, 1, 3, 1)

    arts = _articles()
    db = connect(url)
    try:
        rows = {r["article_id"]: r for r in db.query(
            "SELECT article_id, duplicate_of, n_events FROM articles")}
        events = db.query("SELECT first_article_id FROM events")
    finally:
        db.close()
    assert arts["a"].id not in rows
    r1, r2 = arts["r1"].id, arts["r2"].id
    assert rows[r1]["duplicate_of"] is None and rows[r1]["n_events"] == 1
    assert rows[r2]["duplicate_of"] == r1
    assert sorted(e["first_article_id"] for e in events) == sorted(
        [arts["x"].id, r1, arts["y"].id])

    # The same database as a run that never saw the original.
    clean = new_db_url(request, tmp_path, backend, "clean")
    _ingest(clean, ["x", "r1", "r2", "y"], batch_size)
    assert dump(url) == dump(clean)

    # And a second run changes nothing: the original fails again, the rest is known.
    again, errors = _ingest(url, ["x", "a", "r1", "r2", "y"], batch_size)
    assert (again.failed, again.known, again.new, again.copies) == (1, 4, 0, 0)
    assert dump(url) == dump(clean)


@pytest.mark.parametrize("batch_size", [2, 3, 5])
def test_repost_of_an_original_that_cannot_be_written_is_stored(
    tmp_path, request, backend, batch_size, monkeypatch
):
    """The same when the original is extracted but its write fails (the batch is then written
    one article at a time): its reposts in that batch and the next are triaged again."""
    from frontwatch.store.write import Writer

    original = make_article(ORIGINAL, "2017-08-14", "AFP")
    add_new = Writer._add_new

    def refuse_the_original(self, article, result, t):
        if article.id == original.id:
            raise ValueError("refused")
        return add_new(self, article, result, t)

    url = new_db_url(request, tmp_path, backend, "run")
    clean = new_db_url(request, tmp_path, backend, "clean")
    _ingest(clean, ["x", "r1", "r2", "y"], batch_size)
    monkeypatch.setattr(FailsOnTheOriginal, "process", FakeExtractor.process)
    monkeypatch.setattr(Writer, "_add_new", refuse_the_original)
    report, errors = _ingest(url, ["x", "a", "r1", "r2", "y"], batch_size)
    assert errors == ["a.txt: not stored: ValueError: refused"], errors
    assert (report.failed, report.new, report.copies) == (1, 3, 1)
    assert dump(url) == dump(clean)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 7])
def test_repeated_inputs_around_a_failed_original(tmp_path, request, backend, batch_size):
    """The original and a repost each read twice: the original fails each time, the repost's
    second reading is known (filed under the repost, not under the failed original)."""
    url = new_db_url(request, tmp_path, backend, "run")
    report, errors = _ingest(url, ["x", "a", "r1", "a", "r1", "r2", "y"], batch_size)
    assert len(errors) == 2 and all(e.startswith("a.txt: ") for e in errors), errors
    assert (report.failed, report.new, report.copies, report.known) == (2, 3, 1, 1)
    clean = new_db_url(request, tmp_path, backend, "clean")
    _ingest(clean, ["x", "r1", "r1", "r2", "y"], batch_size)
    assert dump(url) == dump(clean)
