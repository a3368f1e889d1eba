"""The sentence gate: which sentences the rules do not hold still go to the coder."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontwatch.extraction.gate import GateUnavailable, SentenceGate, features
from frontwatch.learn.data import Example


@given(st.text(max_size=300))
def test_features_are_a_unit_vector_of_stable_buckets(text):
    feats = features(text, buckets=1024)
    assert all(0 <= k < 1024 for k in feats)
    if feats:
        assert abs(sum(v * v for v in feats.values()) - 1.0) < 1e-6
    assert features(text, buckets=1024) == feats


def test_committed_gate_lets_events_through_and_stops_small_talk():
    gate = SentenceGate()
    events = [
        "Gunmen stormed a police post in the north of the province overnight, leaving six dead.",
        "Militants ambushed an army convoy near the border town on Tuesday.",
        "Troops and rebels exchanged fire for hours outside the district capital.",
    ]
    quiet = [
        "The minister will travel to Geneva next week for talks on the budget.",
        "Aid agencies said the harvest was better than last year in most provinces.",
        "The museum reopened to visitors after a long renovation.",
    ]
    assert all(gate.maybe_event(events))
    assert not any(gate.maybe_event(quiet))
    assert 0.0 < gate.threshold < 1.0 and gate.card["scores"]["held_out"]["event_recall"] >= 0.95


def test_missing_gate_is_named(tmp_path):
    with pytest.raises(GateUnavailable, match="gate.npz"):
        SentenceGate(tmp_path)


def test_training_sets_the_threshold_for_recall(tmp_path):
    pytest.importorskip("sklearn")
    from frontwatch.learn.gate import train_gate

    def ex(text: str, event: bool, n: int) -> Example:
        labels = frozenset({"Armed clash"}) if event else frozenset()
        return Example(text, labels, "synthetic", f"d{n}")

    fights = ["Rebels and soldiers clashed near {}.", "Fighting broke out in {} overnight.",
              "Militants attacked troops in {}."]
    calm = ["The council met in {} to discuss roads.", "A new school opened in {}.",
            "Farmers in {} sold their crops at market."]
    towns = ["Abyei", "Kadugli", "Bor", "Malakal", "Wau", "Yei", "Torit", "Rumbek"]
    train = [ex(f.format(t), True, i) for i, t in enumerate(towns[:6]) for f in fights] + \
            [ex(c.format(t), False, i) for i, t in enumerate(towns[:6]) for c in calm]
    held = [ex(f.format(t), True, 9) for t in towns[6:] for f in fights] + \
           [ex(c.format(t), False, 9) for t in towns[6:] for c in calm]
    card = train_gate(train, held, tmp_path, recall=1.0, c=10.0, buckets=4096)
    gate = SentenceGate(tmp_path)
    assert gate.threshold == pytest.approx(card["threshold"], abs=1e-3)
    assert len(gate.weights) == 4096
    held_events = [e.text for e in held if e.labels]
    assert all(gate.maybe_event(held_events))  # recall 1.0 on the held-out events
    scores = gate.scores([e.text for e in held])
    events = np.array([bool(e.labels) for e in held])
    assert np.mean(np.array(scores)[events]) > np.mean(np.array(scores)[~events])
    json.dumps(card)  # the card is plain data
