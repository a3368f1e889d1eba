"""Syndicated copies: detected with MinHash/LSH, linked to the first copy, counted once."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.dedup import CopyIndex, signature
from frontwatch.pipeline import ArticleResult
from store_support import article, filler, result_of

SEED = Path(__file__).parent.parent.parent / "shared" / "seed" / "isis-retreat-syria-2017-08.txt"


pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures


def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared/seed/isis-retreat-syria-2017-08.txt absent: seed dedup test skipped")
    return SEED.read_text(encoding="utf-8")


def south_front_original(text: str) -> str:
    """The seed as South Front would have run it: its own headline, no Global Research footer."""
    body = text[: text.index("Articles by: South Front")]
    return "ISIS Retreat in Syria\n" + body.split("\n", 1)[1]


def test_seed_repost_is_a_copy_of_the_original():
    text = seed_text()
    index = CopyIndex()
    original = article(south_front_original(text), "South Front")
    index.add(original.id, signature(original), 1)
    found = index.find(signature(article(text, "Global Research")))
    assert found is not None and found.article_id == original.id and found.similarity > 0.6


def test_lightly_edited_copy_found_but_other_reports_are_not():
    text = seed_text()
    index = CopyIndex()
    original = article(text)
    index.add(original.id, signature(original), 1)
    paragraphs = text.split("\n\n")
    edited = "\n\n".join(paragraphs[:2] + paragraphs[3:]).replace("SAA", "Syrian Army")
    assert index.find(signature(article(edited, "Edited"))) is not None
    other = article(filler(1, 400), "Elsewhere")
    assert index.find(signature(other)) is None
    assert signature(article("Too short to compare.")) is None


def test_copies_link_to_first_copy_and_every_outlet_is_recorded(store):
    body = (
        f"{filler(11)} On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7, according to Amaq."
        f" {filler(12)}"
    )
    first = result_of(body, "South Front")
    repost = result_of("Reposted from South Front. " + body + " Support us.", "Global Research")
    exact = result_of(body, "Sputnik")  # the very same text: same article id
    store.add_results([first, repost, exact])
    [e] = store.events()
    assert e["n_claims"] == 1  # the copies add no claims: counted once
    assert e["source"] == "South Front; Global Research; Sputnik"
    rows = store.db.query(
        "SELECT article_id, duplicate_of, similarity FROM articles ORDER BY ingest_seq"
    )
    assert [r["article_id"] for r in rows] == [first.article.id, repost.article.id]
    assert rows[1]["duplicate_of"] == first.article.id and rows[1]["similarity"] > 0.5
    outlets = store.db.query(
        "SELECT outlet, copy_id FROM article_outlets WHERE article_id = ? ORDER BY outlet",
        (first.article.id,),
    )
    assert [o["outlet"] for o in outlets] == ["Global Research", "South Front", "Sputnik"]
    changes = store.event(e["event_id_cnty"]).changes
    assert [c["article_id"] for c in changes if c["field"] == "source"] == [repost.article.id,
                                                                            first.article.id]


def test_seed_and_its_repost_store_one_article(store):
    text = seed_text()
    original = ArticleResult(article(south_front_original(text), "South Front"))
    store.add_results([original])
    # The repost ran a day later: the original is the first copy, whatever arrives first.
    outcomes = store.add_results([ArticleResult(article(text, "Global Research", "2017-08-15"))])
    assert outcomes[0].status == "copy" and outcomes[0].duplicate_of == original.article.id
    assert store.db.scalar("SELECT count(*) FROM articles WHERE duplicate_of IS NULL") == 1


def test_an_earlier_copy_arriving_later_becomes_the_first_copy(store):
    """Copies are filed under the earliest-published text, not the first to arrive: the
    later text's reports give way to the earlier one's, its outlets and copies move over."""
    body = (f"{filler(21)} On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7, according to"
            f" Amaq. {filler(22)}")
    late = result_of("Reposted. " + body + " Share this.", "Global Research", "2017-08-16")
    later_still = result_of("Via Global Research. " + body, "Sputnik", "2017-08-17")
    early = result_of(body, "South Front", "2017-08-14")
    store.add_results([late])
    assert store.add_results([later_still])[0].duplicate_of == late.article.id
    outcome = store.add_results([early])[0]
    assert outcome.status == "new"
    rows = {r["article_id"]: r["duplicate_of"] for r in store.db.query(
        "SELECT article_id, duplicate_of FROM articles")}
    assert rows == {early.article.id: None, late.article.id: early.article.id,
                    later_still.article.id: early.article.id}
    [e] = store.events()
    assert e["first_article_id"] == early.article.id and e["n_claims"] == 1
    assert e["source"] == "South Front; Global Research; Sputnik"
    assert store.db.scalar("SELECT count(*) FROM reports") == 1
    assert store.db.scalar(
        "SELECT count(*) FROM mentions WHERE article_id <> ?", (early.article.id,)) == 0

