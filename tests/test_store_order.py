"""The events a store holds do not depend on the order articles arrive in (docs/concurrency.md)."""

from __future__ import annotations

import random

import pytest

from frontwatch.pipeline import make_article
from frontwatch.store import open_store
from store_support import PatternExtractor, corpus_records, dump

# What arrival order may change: when and in which sequence rows were written.
ORDER_FREE = ("events", "claims", "evidence", "reports", "places")


def _ingest(url: str, records: list[dict], order: list[int], batch: int) -> dict:
    extractor = PatternExtractor()
    results = [
        extractor.process(make_article(records[i]["text"], published=records[i]["published"],
                                       outlet=records[i]["outlet"]))
        for i in order
    ]
    with open_store(url) as store:
        for k in range(0, len(results), batch):
            store.add_results(results[k : k + batch])
    tables = dump(url)
    return {t: tables[t] for t in ORDER_FREE}


@pytest.mark.parametrize("seed", [1, 2])
def test_any_order_and_batching_gives_the_same_events(tmp_path, seed):
    rng = random.Random(seed)
    records = corpus_records(45, seed=seed)
    # Published over a few days, some on the same day. One text is one article: a text two
    # outlets ran word for word keeps the date it was first stored with (a known limit).
    dates: dict[str, str] = {}
    for r in records:
        r["published"] = dates.setdefault(r["text"], f"2017-08-{rng.randrange(28, 31)}")
    base = list(range(len(records)))
    reference = _ingest(f"sqlite:///{tmp_path / 'ref.db'}", records, base, 16)
    assert reference["events"] and reference["claims"]
    for k in range(3):
        order = base[:]
        rng.shuffle(order)
        got = _ingest(f"sqlite:///{tmp_path / f'o{k}.db'}", records, order, rng.choice([1, 5]))
        for table in ORDER_FREE:
            assert got[table] == reference[table], (table, order)
