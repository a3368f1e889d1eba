"""The learned sentence event coder at run time: an int8 ONNX model read with onnxruntime and
a WordPiece tokenizer read with tokenizers. No torch, no network.

`SentenceCoder.probabilities(texts)` gives, per sentence, the probability of each of ACLED's
25 sub-event types (`LABELS` order); the extractor decides with them which sentences tell
events and of which type (see `frontwatch.extraction.mentions`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_DIR = Path(__file__).resolve().parents[1] / "data" / "coder"


class CoderUnavailable(RuntimeError):
    """The model files or onnxruntime are missing: the rules engine still works."""


@dataclass(frozen=True, slots=True)
class Coding:
    """What the coder says of one sentence: each sub-type's probability, and the
    probability that it tells no event (None for a model without that output)."""

    probs: dict[str, float]
    none: float | None = None

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
                 batch_size: int = 4) -> None:
        folder = Path(model_dir) if model_dir else DEFAULT_DIR
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
        # Small batches: on one core the int8 graph ran 2-3 times faster at 4 sentences a
        # batch (~300/s) than at 32 (~100-180/s), lengths sorted either way (bench/coder_speed.py).
        self.batch_size = batch_size

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """An array (len(texts), 25) of sub-type probabilities; similar lengths are batched."""
        return self._run(texts)[:, -len(self.labels):]

    def _run(self, texts: list[str]) -> np.ndarray:
        width = len(self.labels) + (1 if self.softmax else 0)
        out = np.zeros((len(texts), width), dtype=np.float32)
        if not texts:
            return out
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for start in range(0, len(order), self.batch_size):
            idx = order[start : start + self.batch_size]
            enc = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            (logits,) = self.session.run(["logits"], {"input_ids": ids, "attention_mask": mask})
            if self.softmax:
                e = np.exp(logits - logits.max(axis=1, keepdims=True))
                out[idx] = e / e.sum(axis=1, keepdims=True)
            else:
                out[idx] = 1.0 / (1.0 + np.exp(-logits))
        return out

    def code(self, texts: list[str]) -> list[Coding]:
        raw = self._run(texts)
        probs = raw[:, -len(self.labels):]
        return [
            Coding(dict(zip(self.labels, map(float, row), strict=True)),
                   float(full[0]) if self.softmax else None)
            for row, full in zip(probs, raw, strict=True)
        ]
