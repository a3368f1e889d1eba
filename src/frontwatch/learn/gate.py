"""Train the sentence gate (`frontwatch.extraction.gate`): a hashed n-gram logistic
regression that tells which sentences could hold an event, so the coder skips the rest.

The threshold is set on held-out documents (one tenth of the synthetic and of the real train
documents, by a hash of their id) for a recall of `--recall` on event sentences: the gate only
spares the encoder sentences it is sure of. Needs scikit-learn and scipy (the `train` extra).

    .venv/bin/python -m frontwatch.learn.gate --out src/frontwatch/data/coder   # `make model`
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from frontwatch.extraction.gate import BUCKETS, SentenceGate, features
from frontwatch.learn.data import (
    Example,
    data_arguments,
    data_hash,
    fold_of,
    real_examples,
    silver_examples,
    synthetic_examples,
)


def matrix(texts: list[str], buckets: int = BUCKETS):
    from scipy.sparse import csr_matrix

    rows, cols, vals = [], [], []
    for i, text in enumerate(texts):
        for k, v in features(text, buckets).items():
            rows.append(i)
            cols.append(k)
            vals.append(v)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), buckets), dtype=np.float32)


def threshold_for(scores: np.ndarray, events: np.ndarray, recall: float) -> float:
    """The highest threshold that keeps `recall` of the event sentences."""
    positive = np.sort(scores[events])
    if not len(positive):
        return 0.5
    k = int(np.floor((1.0 - recall) * len(positive)))
    # a hair below the last kept score: the runtime sums in another order
    return float(positive[k]) - 1e-6


def rates(gate_scores: list[float], examples: list[Example], threshold: float
          ) -> dict[str, Any]:
    events = np.array([bool(e.labels) for e in examples])
    passed = np.array(gate_scores) >= threshold
    return {
        "sentences": len(examples),
        "event_recall": round(float(passed[events].mean()), 4) if events.any() else None,
        "non_event_pass_rate": round(float(passed[~events].mean()), 4)
        if (~events).any() else None,
        "pass_rate": round(float(passed.mean()), 4),
    }


def train_gate(train: list[Example], held: list[Example], out: Path, recall: float = 0.995,
               c: float = 4.0, buckets: int = BUCKETS) -> dict[str, Any]:
    """Fit, set the threshold on `held`, write gate.npz; returns what the card records."""
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    y = np.array([bool(e.labels) for e in train])
    model = LogisticRegression(C=c, class_weight="balanced", solver="liblinear", max_iter=200)
    model.fit(matrix([e.text for e in train], buckets), y)
    # stored as float16: the threshold is set on the weights the runtime will read
    weights = model.coef_[0].astype(np.float16).astype(np.float32)
    bias = float(model.intercept_[0])
    held_scores = 1.0 / (1.0 + np.exp(-(matrix([e.text for e in held], buckets) @ weights
                                         + bias)))
    held_events = np.array([bool(e.labels) for e in held])
    threshold = threshold_for(held_scores, held_events, recall)
    out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out / "gate.npz", weights=weights.astype(np.float16),
                        bias=np.float32(bias), threshold=np.float32(threshold))
    return {"threshold": round(threshold, 4), "recall_target": recall, "C": c,
            "buckets": buckets, "train_sentences": len(train),
            "training_seconds": round(time.perf_counter() - started, 1),
            "data_hash": data_hash(train)}


def main(argv: list[str] | None = None) -> int:
    parser = data_arguments(__doc__.splitlines()[0])
    parser.add_argument("--recall", type=float, default=0.995)
    parser.add_argument("--c", type=float, default=4.0)
    args = parser.parse_args(argv)

    synthetic = [e for e in synthetic_examples(sorted(args.synthetic.glob("*.jsonl")),
                                               args.hygiene)
                 if not e.ambiguous]
    real_train = [e for e in real_examples(args.real, ["train"], args.hygiene)
                  if not e.ambiguous]
    silver = [e for e in silver_examples(sorted(args.silver.glob("*.jsonl")))
              if not e.ambiguous] if args.silver else []
    pool = synthetic + real_train + silver
    train = [e for e in pool if fold_of(e.group) != 0]
    held = [e for e in pool if fold_of(e.group) == 0]
    card = train_gate(train, held, args.out, recall=args.recall, c=args.c)
    gate = SentenceGate(args.out)
    real_dev = [e for e in real_examples(args.real, ["dev"]) if not e.ambiguous]
    card["scores"] = {
        "held_out": rates(gate.scores(e.text for e in held), held, gate.threshold),
        "real_dev": rates(gate.scores(e.text for e in real_dev), real_dev, gate.threshold),
    }
    card["trained"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    (args.out / "gate.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(card, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
