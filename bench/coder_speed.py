"""Sentences per second of the learned coder (int8 ONNX) by batch size, on one core.

The sentences are those of the real corpus's dev articles (corpus/real), 20+ characters, as
the extractor hands them to the coder; lengths are sorted within each run as the coder does.
Each batch size is timed `--repeat` times and the best run is printed, so a busy machine
shows less.

    .venv/bin/python bench/coder_speed.py [--batch 1 --batch 4 --batch 32] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "real"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--batch", type=int, action="append")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--split", default="dev")
    args = parser.parse_args()
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    from frontwatch.evaluation.corpus import load_corpus_docs
    from frontwatch.extraction.coder import SentenceCoder
    from frontwatch.extraction.sentences import split_sentences

    _, docs = load_corpus_docs(ROOT, [args.split])
    sentences = [s.text for d in docs.values() for s in split_sentences(d.text)
                 if len(s.text) >= 20]
    coder = SentenceCoder(threads=1)
    tokens = sum(sum(e.attention_mask) for e in coder.tokenizer.encode_batch(sentences))
    print(f"{len(sentences)} sentences of the {args.split} split, {tokens / len(sentences):.1f} "
          f"tokens each on average; one core; best of {args.repeat}")
    print(f"{'batch':>6} {'sentences/s':>12} {'tokens/s':>10}")
    for size in args.batch or [1, 4, 8, 16, 32]:
        coder.batch_size = size
        coder.probabilities(sentences[:20])  # warm the session for this shape
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            coder.probabilities(sentences)
            best = min(best, time.perf_counter() - start)
        print(f"{size:6d} {len(sentences) / best:12.0f} {tokens / best:10.0f}")


if __name__ == "__main__":
    main()
