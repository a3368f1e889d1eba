"""The blind held-out synthetic sets (corpus/heldout) load as gold and stay synthetic: every
article says so, and none of them is a training batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.evaluation.gold import load_gold_dir

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "heldout"


@pytest.mark.parametrize("name", ["a", "b"])
def test_each_set_loads_as_gold_and_is_marked_synthetic(name: str) -> None:
    gold = load_gold_dir(ROOT / name)
    docs = gold.docs if hasattr(gold, "docs") else gold
    assert len(docs) == 40
    for path in (ROOT / name).glob("*.json"):
        assert json.loads(path.read_text("utf-8"))["notes"].startswith("synthetic"), path
    assert sum(not e.optional for d in docs for e in d.events) >= 70


def test_no_held_out_article_is_in_the_training_batches() -> None:
    training = Path(__file__).resolve().parents[1] / "corpus" / "synthetic"
    held = {p.stem for p in ROOT.glob("*/*.json")}
    assert held and not any(p.stem in held for p in training.rglob("*.json*"))
