"""The learned sentence event coder at run time: an int8 ONNX model read with onnxruntime and
a WordPiece tokenizer read with tokenizers. No torch, no network.

`SentenceCoder.probabilities(texts)` gives, per sentence, the probability of each of ACLED's
25 sub-event types (`LABELS` order); the extractor decides with them which sentences tell
events and of which type (see `frontwatch.extraction.mentions`). A model with a role head also
marks, token by token, who acts (actor1), who is acted on (actor2), places, dates, figures,
materiel and claimants (`Coding.roles`).

The model is read from `frontwatch/data/coder`, or from the folder `$FRONTWATCH_CODER_DIR`
names (another coder, e.g. one being measured; its gate, when it has one, beside it).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from tokenizers import Encoding

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "coder"
CODER_DIR_ENV = "FRONTWATCH_CODER_DIR"


def default_dir() -> Path:
    """The coder's folder when not told: $FRONTWATCH_CODER_DIR, else the shipped coder."""
    return Path(os.environ.get(CODER_DIR_ENV) or DEFAULT_DIR)


class CoderUnavailable(RuntimeError):
    """The model files or onnxruntime are missing: the rules engine still works."""


@dataclass(frozen=True, slots=True)
class RoleReading:
    """The role head's reading of one sentence: per word piece, its characters in the
    sentence and the probability of each role."""

    labels: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]
    probs: np.ndarray  # (pieces, roles)

    def score(self, role: str, start: int, end: int) -> float | None:
        """Mean probability of `role` over the pieces inside characters [start, end); None
        when no piece is (a span cut off by the length limit)."""
        j = self.labels.index(role)
        inside = [i for i, (a, b) in enumerate(self.offsets) if a < b and a < end and start < b]
        if not inside:
            return None
        return float(self.probs[inside, j].mean())

    def spans(self, role: str, threshold: float = 0.5) -> list[tuple[int, int, float]]:
        """Runs of pieces marked `role` (probability >= threshold), as character spans with
        their mean probability; pieces of one word, or words a space apart, join a run."""
        j = self.labels.index(role)
        out: list[tuple[int, int, float]] = []
        run: list[int] = []
        for i, (a, b) in enumerate(self.offsets):
            if a < b and self.probs[i, j] >= threshold:
                if run and a - self.offsets[run[-1]][1] > 1:
                    out.append(self._span(run, j))
                    run = []
                run.append(i)
            elif run:
                out.append(self._span(run, j))
                run = []
        if run:
            out.append(self._span(run, j))
        return out

    def _span(self, run: list[int], j: int) -> tuple[int, int, float]:
        return (self.offsets[run[0]][0], self.offsets[run[-1]][1],
                float(self.probs[run, j].mean()))


@dataclass(frozen=True, slots=True)
class Coding:
    """What the coder says of one sentence: each sub-type's probability, the probability
    that it tells no event (None for a model without that output) and, from a model with a
    role head, its role reading."""

    probs: dict[str, float]
    none: float | None = None
    roles: RoleReading | None = None

    @property
    def best(self) -> tuple[str, float]:
        return max(self.probs.items(), key=lambda kv: kv[1])

    @property
    def event_probability(self) -> float:
        if self.none is not None:
            return 1.0 - self.none
        return max(self.probs.values(), default=0.0)


class SentenceCoder:
    def __init__(self, model_dir: Path | str | None = None, threads: int = 1,
                 batch_size: int = 1) -> None:
        folder = Path(model_dir) if model_dir else default_dir()
        model = folder / "coder.onnx"
        if not model.is_file():
            raise CoderUnavailable(f"{model}: no trained coder (run `make model`)")
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - both are dependencies
            raise CoderUnavailable(
                f"the model engine needs onnxruntime and tokenizers: {exc}") from exc
        card = json.loads((folder / "card.json").read_text(encoding="utf-8")) \
            if (folder / "card.json").is_file() else {}
        from frontwatch.learn.data import LABELS

        self.labels: tuple[str, ...] = tuple(card.get("labels") or LABELS)
        self.role_labels: tuple[str, ...] = tuple(card.get("role_labels") or ())
        self.max_len = int(card.get("max_len", 96))
        # "no event" first, through a softmax (the current trainer); else a sigmoid per type
        self.softmax = str(card.get("output", "sigmoid")).startswith("softmax")
        self.card = card
        self.card_dir = folder
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=self.max_len)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        # The same word pieces without padding (tokenizer.json asks for a fixed 128)
        self._unpadded = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self._unpadded.enable_truncation(max_length=self.max_len)
        self._unpadded.no_padding()
        # One sentence a run by default. The int8 graph quantises activations with scales
        # taken over the whole input, so in a batch a sentence's reading would depend on its
        # neighbours and their padding (the same sentence read differently in two articles,
        # or in two ingest orders); alone, it is always read the same. On one core this is
        # also faster than batches of 32 (bench/coder_speed.py).
        self.batch_size = batch_size

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """An array (len(texts), 25) of sub-type probabilities; similar lengths are batched."""
        return self._run(texts)[0][:, -len(self.labels):]

    def _run(self, texts: list[str], roles: bool = False
             ) -> tuple[np.ndarray, list[RoleReading | None]]:
        width = len(self.labels) + (1 if self.softmax else 0)
        out = np.zeros((len(texts), width), dtype=np.float32)
        readings: list[RoleReading | None] = [None] * len(texts)
        if not texts:
            return out, readings
        roles = roles and bool(self.role_labels)
        outputs = ["logits", "roles"] if roles else ["logits"]
        # A sentence read alone is always read the same (see __init__), so a text met twice
        # (a wire paragraph in two articles of a batch) is run once and its reading shared.
        where: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            where.setdefault(text, []).append(i)
        for batch, enc in self._encoded(sorted(where, key=len)):
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            result = self.session.run(outputs, {"input_ids": ids, "attention_mask": mask})
            logits = result[0]
            if self.softmax:
                e = np.exp(logits - logits.max(axis=1, keepdims=True))
                scores = e / e.sum(axis=1, keepdims=True)
            else:
                scores = 1.0 / (1.0 + np.exp(-logits))
            probs = 1.0 / (1.0 + np.exp(-result[1])) if roles else None
            for row, text in enumerate(batch):
                reading = None
                if probs is not None:
                    n = int(mask[row].sum())
                    reading = RoleReading(self.role_labels, tuple(enc[row].offsets[:n]),
                                          probs[row, :n])
                for i in where[text]:
                    out[i] = scores[row]
                    readings[i] = reading
        return out, readings

    def _encoded(self, texts: list[str]) -> list[tuple[list[str], list[Encoding]]]:
        """The texts in batches of `batch_size` with their word pieces, each batch padded to
        its longest text. One sentence a run (the default) needs no padding, so then every
        text is encoded in a single call of the tokenizer rather than one call each."""
        if self.batch_size == 1:
            return [([text], [enc]) for text, enc in
                    zip(texts, self._unpadded.encode_batch(texts), strict=True)]
        batches = [texts[i : i + self.batch_size] for i in range(0, len(texts), self.batch_size)]
        return [(batch, self.tokenizer.encode_batch(batch)) for batch in batches]

    def code(self, texts: list[str], roles: bool = True) -> list[Coding]:
        raw, readings = self._run(texts, roles)
        probs = raw[:, -len(self.labels):]
        return [
            Coding(dict(zip(self.labels, map(float, row), strict=True)),
                   float(full[0]) if self.softmax else None, reading)
            for row, full, reading in zip(probs, raw, readings, strict=True)
        ]
