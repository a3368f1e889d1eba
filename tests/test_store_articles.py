"""`frontwatch articles`: stored articles listed, shown, deleted (events recounted), redone."""

from __future__ import annotations

import json

import pytest

from frontwatch.model import event_id_of
from frontwatch.store import open_store
from frontwatch.store.articles import (
    ArticleNotFound,
    HasCopies,
    article_detail,
    delete_article,
    list_articles,
)
from frontwatch.store.reextract import reextract
from store_support import dump, new_db_url, result_of
from test_store_ingest import run_here

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

AMAQ = "Report one. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7, according to Amaq."
SANA = ("Army repels attack. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 2, according"
        " to SANA. On 2017-08-13 SAA shelled ISIS in Maadan.")
LATER = "Third report. On 2017-08-12 ISIS attacked SAA at Sukhna, killing 3, according to SOHR."


def _event_at(store, place: str) -> dict:
    rows = [e for e in store.events() if e["location"] == place]
    assert len(rows) == 1, rows
    return rows[0]


def _no_dangling_rows(store) -> None:
    db = store.db
    assert db.query(
        "SELECT claim_id FROM claims WHERE article_id NOT IN (SELECT article_id FROM articles)"
        " OR event_id NOT IN (SELECT event_id_cnty FROM events)"
    ) == []
    assert db.query(
        "SELECT claim_id FROM evidence WHERE claim_id NOT IN (SELECT claim_id FROM claims)"
    ) == []
    assert db.query(
        "SELECT event_id_cnty FROM events WHERE first_article_id NOT IN"
        " (SELECT article_id FROM articles) OR event_id_cnty NOT IN"
        " (SELECT event_id FROM claims)"
    ) == []
    assert db.query(
        "SELECT event_id FROM event_changes WHERE article_id NOT IN"
        " (SELECT article_id FROM articles)"
    ) == []


def test_delete_a_later_report_recounts_the_event(store):
    a, b = result_of(AMAQ, "Amaq", "2017-08-13"), result_of(SANA, "SANA", "2017-08-14")
    store.add_results([a, b])
    sukhna = _event_at(store, "Sukhna")
    assert sukhna["n_articles"] == 2 and sukhna["contested"] == 1 and sukhna["fatalities"] == 2
    with store.batch():
        done = delete_article(store.writer, b.article.id)
    assert done.claims == 2 and len(done.events_deleted) == 1  # Maadan told by SANA alone
    after = _event_at(store, "Sukhna")
    assert after["event_id_cnty"] == sukhna["event_id_cnty"]
    assert after["n_articles"] == 1 and after["n_claims"] == 1
    assert after["fatalities"] == 7 and after["contested"] == 0
    assert [e["location"] for e in store.events()] == ["Sukhna"]
    _no_dangling_rows(store)


def test_delete_the_first_report_hands_the_event_to_the_next(store):
    a, b, c = (result_of(AMAQ, "Amaq", "2017-08-13"), result_of(SANA, "SANA", "2017-08-14"),
               result_of(LATER, "SOHR", "2017-08-15"))
    store.add_results([c, b, a])  # arrival order does not matter: publication order does
    before = _event_at(store, "Sukhna")
    assert before["first_article_id"] == a.article.id and before["n_articles"] == 3
    with store.batch():
        delete_article(store.writer, a.article.id[:8])  # a prefix names it
    after = _event_at(store, "Sukhna")
    # The earliest report left is the event's first report now, and names it.
    assert after["first_article_id"] == b.article.id
    assert after["event_id_cnty"] == event_id_of(b.article.id, 0)
    assert after["n_articles"] == 2 and after["fatalities"] == 2 and after["contested"] == 1
    assert "Amaq" not in after["source"]
    _no_dangling_rows(store)


def test_a_copy_leaves_only_its_outlet_and_a_first_copy_needs_with_copies(store):
    a = result_of(AMAQ + " Fighting went on into the night around the town.", "Amaq")
    store.add_results([a])
    copy = result_of(AMAQ + " Fighting went on into the night around the town. Share this.",
                     "Global Research")
    outcome = store.add_results([copy])[0]
    assert outcome.status == "copy"
    assert "Global Research" in _event_at(store, "Sukhna")["source"]
    with pytest.raises(HasCopies), store.batch():
        delete_article(store.writer, a.article.id)
    with store.batch():
        delete_article(store.writer, copy.article.id)
    assert _event_at(store, "Sukhna")["source"] == "Amaq"
    store.add_results([copy])
    with store.batch():
        done = delete_article(store.writer, a.article.id, with_copies=True)
    assert done.copies == [copy.article.id]
    assert store.events() == [] and list_articles(store.db) == []
    _no_dangling_rows(store)


def test_a_deleted_text_may_be_stored_again_as_new(store):
    a = result_of(AMAQ, "Amaq")
    store.add_results([a])
    with store.batch():
        delete_article(store.writer, a.article.id)
    assert store.add_results([result_of(AMAQ, "Amaq")])[0].status == "new"
    assert len(store.events()) == 1


def test_unknown_and_input_ids(store):
    from frontwatch.pipeline import make_article
    from store_support import PatternExtractor

    art = make_article(AMAQ, published="2017-08-14", outlet="Amaq")
    art.source_id = "feed-42"
    store.add_results([PatternExtractor().process(art)])
    assert article_detail(store.db, "feed-42").article["article_id"] == art.id
    assert list_articles(store.db)[0]["source_id"] == "feed-42"
    with pytest.raises(ArticleNotFound):
        article_detail(store.db, "no-such-article")


def test_reextract_equals_a_fresh_ingest(tmp_path, request, backend, monkeypatch):
    monkeypatch.setenv("FRONTWATCH_EXTRACTOR", "store_support:PatternExtractor")
    first = new_db_url(request, tmp_path, backend, "one")
    fresh = new_db_url(request, tmp_path, backend, "two")
    results = [result_of(AMAQ, "Amaq"), result_of(SANA, "SANA")]
    with open_store(first) as s:
        s.add_results(results)
        report = reextract(s, None)
        assert report.articles == 2 and report.failed == 0
    with open_store(fresh) as s:
        s.add_results(results)
    one, two = dump(first), dump(fresh)
    assert one["events"] == two["events"] and one["places"] == two["places"]
    assert len(one["claims"]) == len(two["claims"])


class Failing:
    def process(self, article):
        raise RuntimeError("model exploded")


def test_reextract_failure_keeps_what_was_stored(store, monkeypatch):
    store.add_results([result_of(AMAQ, "Amaq")])
    before = dump(store.url)
    errors: list[str] = []
    report = reextract(store, None, extractor="test_store_articles:Failing",
                       on_error=errors.append)
    assert report.failed == 1 and report.articles == 0
    assert "model exploded" in errors[0] and "kept as stored" in errors[0]
    assert dump(store.url) == before


# --- the command --------------------------------------------------------------------------
def test_articles_command(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fw.db'}"
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        json.dumps({"id": "amaq-1", "outlet": "Amaq", "published": "2017-08-14", "text": AMAQ})
        + "\n"
        + json.dumps({"id": "sana-1", "outlet": "SANA", "published": "2017-08-14", "text": SANA})
        + "\n",
        encoding="utf-8",
    )
    assert run_here(["ingest", str(feed), "--db", url], monkeypatch).returncode == 0
    listed = run_here(["articles", "list", "--db", url, "-f", "jsonl"], monkeypatch)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["source_id"] for r in rows] == ["amaq-1", "sana-1"]
    assert run_here(["articles", "list", "--db", url, "--outlet", "sana", "--count"],
                monkeypatch).stdout.strip() == "1"
    shown = run_here(["articles", "show", "sana-1", "--db", url], monkeypatch)
    assert shown.returncode == 0 and "Maadan" in shown.stdout and "contested" in shown.stdout
    missing = run_here(["articles", "show", "nope", "--db", url], monkeypatch)
    assert missing.returncode == 1 and missing.stderr.startswith("error: no stored article")
    deleted = run_here(["articles", "delete", "sana-1", "nope", "--db", url, "--yes"], monkeypatch)
    assert deleted.returncode == 1  # one of two failed, the other went through
    assert "1 events deleted" in deleted.stderr and "error: nope:" in deleted.stderr
    count = run_here(["events", "--db", url, "--count"], monkeypatch)
    assert count.stdout.strip() == "1"
    redo = run_here(["articles", "reextract", "--all", "--db", url], monkeypatch)
    assert redo.returncode == 0 and "1 articles re-extracted" in redo.stderr
    both = run_here(["articles", "reextract", "amaq-1", "--all", "--db", url], monkeypatch)
    assert both.returncode == 2
