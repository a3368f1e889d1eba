"""A cheap first reader: which sentences the learned coder need not read.

The coder (a MiniLM encoder) costs about as much per sentence as the parser; most sentences of
a report tell no event. Sentences the rules already hold as candidates are always coded (the
coder confirms, retypes or drops their events); for the rest the coder's only use is to find
an event the rules' triggers miss, and a hashed n-gram linear model, trained on the same data
(`frontwatch.learn.gate`), tells which of them could hold one. Its threshold is set for high
recall on event sentences, so it spares the encoder the clearly eventless, not the doubtful.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np

from frontwatch.extraction.coder import default_dir

BUCKETS = 1 << 20
_WORD = re.compile(r"[^\W_]+|\d+", re.UNICODE)


def features(text: str, buckets: int = BUCKETS) -> dict[int, float]:
    """Hashed word unigrams and bigrams and in-word character 3-5-grams, L2-normalised.

    crc32 rather than `hash()`: the same bucket in every process and Python version, so the
    committed weights keep their meaning."""
    words = [w.lower() for w in _WORD.findall(text)]
    counts: dict[int, float] = {}
    for key in _keys([f"b {a} {b}" for a, b in zip(words, words[1:], strict=False)], buckets):
        counts[key] = counts.get(key, 0.0) + 1.0
    for w in words:
        for key in _word_keys(w, buckets):
            counts[key] = counts.get(key, 0.0) + 1.0
    norm = math.sqrt(sum(v * v for v in counts.values())) or 1.0
    return {k: v / norm for k, v in counts.items()}


def _keys(grams: list[str], buckets: int) -> list[int]:
    return [zlib.crc32(gram.encode("utf-8")) % buckets for gram in grams]


@lru_cache(maxsize=65536)
def _word_keys(word: str, buckets: int) -> tuple[int, ...]:
    """A word's own bucket and its character n-grams' (words recur: cached)."""
    padded = f"<{word}>"
    grams = [f"w {word}"] + [f"c {padded[i:i + n]}" for n in (3, 4, 5)
                             for i in range(len(padded) - n + 1)]
    return tuple(_keys(grams, buckets))


class GateUnavailable(RuntimeError):
    """No trained gate beside the coder."""


class SentenceGate:
    """`maybe_event(text)`: whether the coder should read a sentence the rules do not hold."""

    def __init__(self, model_dir: Path | str | None = None) -> None:
        folder = Path(model_dir) if model_dir else default_dir()  # the coder's folder
        path = folder / "gate.npz"
        if not path.is_file():
            raise GateUnavailable(f"{path}: no trained gate (run `make model`)")
        data = np.load(path)
        self.weights = data["weights"].astype(np.float32)
        self.bias = float(data["bias"])
        self.threshold = float(data["threshold"])
        card = folder / "gate.json"
        self.card = json.loads(card.read_text(encoding="utf-8")) if card.is_file() else {}

    def scores(self, texts: Iterable[str]) -> list[float]:
        out = []
        buckets = len(self.weights)
        for text in texts:
            feats = features(text, buckets)
            z = self.bias + sum(self.weights[k] * v for k, v in feats.items())
            out.append(1.0 / (1.0 + math.exp(-z)))
        return out

    def maybe_event(self, texts: list[str]) -> list[bool]:
        return [s >= self.threshold for s in self.scores(texts)]
