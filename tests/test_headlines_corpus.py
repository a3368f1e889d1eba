"""The synthetic headline set (corpus/headlines): well formed, ACLED's sub-types, marked
synthetic, and never part of the training data."""

from __future__ import annotations

import json
from pathlib import Path

from frontwatch.model import SUB_EVENT_TO_TYPE

ROOT = Path(__file__).resolve().parents[1]
ITEMS = ROOT / "corpus" / "headlines" / "headlines.jsonl"


def items() -> list[dict]:
    return [json.loads(line) for line in ITEMS.read_text("utf-8").splitlines() if line.strip()]


def test_items_are_well_formed_and_synthetic():
    rows = items()
    assert len({r["id"] for r in rows}) == len(rows) == len({r["text"] for r in rows})
    for r in rows:
        assert r["synthetic"] is True
        assert r["kind"] in ("headline", "lede", "brief")
        assert all(s in SUB_EVENT_TO_TYPE for s in r["sub_event_types"])
        assert r["published"][:2] == "20"
    assert sum(bool(r["sub_event_types"]) for r in rows) >= 100
    assert sum(not r["sub_event_types"] for r in rows) >= 30


def test_no_training_sentence_is_a_headline_of_the_set():
    from frontwatch.learn.data import synthetic_examples

    texts = {r["text"] for r in items()}
    # the training tools read corpus/synthetic/*.jsonl (learn.train, learn.gate)
    trained = {ex.text for ex in synthetic_examples(
        sorted((ROOT / "corpus" / "synthetic").glob("*.jsonl")))}
    assert not texts & trained


REAL = ROOT / "corpus" / "headlines" / "real.jsonl"
OFFICIAL_HOSTS = ("voanews.com", "unocha.org", "reliefweb.int", "gov.uk", "defense.gov",
                  "centcom.mil")


def test_real_headlines_are_licensed_sourced_and_second_coded():
    from urllib.parse import urlparse

    rows = [json.loads(line) for line in REAL.read_text("utf-8").splitlines() if line.strip()]
    assert len({r["id"] for r in rows}) == len(rows) >= 140
    for r in rows:
        assert r["synthetic"] is False and r["excerpt"] is True
        host = urlparse(r["url"]).netloc
        assert host.endswith(OFFICIAL_HOSTS), r["url"]
        assert r["license"] and r["license_check"] and r["retrieved"]
        assert all(s in SUB_EVENT_TO_TYPE for s in r["sub_event_types"])
        assert all(s in SUB_EVENT_TO_TYPE for s in r["second_coder"]["sub_event_types"])


def test_real_headlines_share_no_page_with_the_test_only_snippets():
    snippets = ROOT / "corpus" / "snippets" / "snippets.jsonl"
    theirs = [json.loads(line) for line in snippets.read_text("utf-8").splitlines()
              if line.strip()]
    ours = [json.loads(line) for line in REAL.read_text("utf-8").splitlines() if line.strip()]
    assert not {r["url"] for r in ours} & {r["url"] for r in theirs}
    assert not {r["text"] for r in ours} & {r["text"] for r in theirs}
