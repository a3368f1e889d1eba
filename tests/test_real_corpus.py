"""The real corpus (`corpus/real/`): what it promises holds, and the extractor keeps its ground.

Counts, licences and the splits' separation are checked on the committed manifest; every gold
and coder file loads with its evidence anchored to the text; the extractor's strict event F1 on
the development split stays above the floor in corpus/real/floor.json (the test split is only
reported, never guarded or tuned on).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import pytest

from frontwatch.evaluation import load_corpus_docs, score_corpus
from frontwatch.evaluation.corpus import LICENSES, load_manifest
from frontwatch.evaluation.gold import load_gold_file
from frontwatch.evaluation.gold_places import GoldLocator
from frontwatch.evaluation.predictions import load_extractor, run_extractor
from frontwatch.model import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "real"


@pytest.fixture(scope="module")
def manifest() -> list:
    return load_manifest(ROOT)


def test_counts_hold(manifest):
    rows = [e.row for e in manifest]
    assert len(rows) >= 400
    assert len({r["country"] for r in rows}) >= 20
    assert len({r["outlet"] for r in rows}) >= 10
    assert sum(r["events"] == 0 for r in rows) >= 60
    assert Counter(r["split"] for r in rows).keys() == {"train", "dev", "test", "fresh"}


def test_fresh_batches_are_their_own_split(manifest):
    """The batches collected after dev was worn by tuning are scored apart, whatever their
    country or outlet, and none of their articles is in any other split."""
    batches = set(json.loads((ROOT / "splits.json").read_text(encoding="utf-8"))
                  ["fresh_batches"])
    for e in manifest:
        assert (e.split == "fresh") == (e.id.split("-")[0] in batches), e.id


def test_only_redistributable_licences_and_wikipedia_apart(manifest):
    for e in manifest:
        assert e.row["license"] in LICENSES, e.id
        assert e.row["url"].startswith("http"), e.id
        wiki = e.row["license"] == "CC BY-SA 4.0"
        assert wiki == e.row["path"].startswith("wikipedia/"), e.id
        assert wiki == e.row["gold"].startswith("wikipedia/"), e.id
    if any(e.row["path"].startswith("wikipedia/") for e in manifest):
        assert (ROOT / "wikipedia" / "LICENSE").is_file()


def test_texts_are_unchanged(manifest):
    for e in manifest:
        data = (ROOT / e.row["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == e.row["text_sha256"], e.id


def test_test_split_shares_no_country_or_outlet_with_train(manifest):
    train = [e for e in manifest if e.split == "train"]
    test = [e for e in manifest if e.split == "test"]
    assert not {e.country for e in train} & {e.country for e in test}
    assert not {e.outlet for e in train} & {e.outlet for e in test}


def test_every_event_type_is_in_the_gold():
    _, docs = load_corpus_docs(ROOT)
    types = {ev.event_type for d in docs.values() for ev in d.events}
    assert types == set(EVENT_TYPES)


def test_coder_files_load_and_agreement_is_recorded(manifest):
    for e in manifest:
        assert len(e.coder_paths) == 2, e.id
        for path in e.coder_paths:
            assert load_gold_file(path).id == e.id
        assert 0.0 <= e.row["agreement"] <= 1.0


def test_real_dev_strict_f1_stays_above_floor():
    floors = json.loads((ROOT / "floor.json").read_text(encoding="utf-8"))
    entries, docs = load_corpus_docs(ROOT, ["dev"])
    # Geocoded, as `frontwatch extract` and the README's figures run it.
    predictions = run_extractor([docs[e.id] for e in entries], load_extractor())
    # Gold places located as `frontwatch evaluate` locates them by default.
    report = score_corpus(entries, docs, predictions, ["split"], GoldLocator.default())
    strict, lenient = report.strict, report.lenient
    assert strict.f1 >= floors["dev"]["strict_f1"], (
        f"strict event F1 on real dev {strict.f1:.3f} fell below the floor "
        f"{floors['dev']['strict_f1']:.3f}; run `frontwatch evaluate events corpus/real "
        "--split dev --articles` to see what was missed"
    )
    assert lenient.f1 >= floors["dev"]["event_f1"]
