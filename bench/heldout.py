"""The extractor on the blind held-out synthetic sets (corpus/heldout): strict and lenient F1.

The sets are text the project wrote itself in the genres of the real test split's outlets,
coded blind from docs/coding.md by writers who never ran frontwatch: a check that a change
generalises to text written after it. Synthetic, never counted as real, and like the real
test split never tuned on (report the totals, do not read the articles one by one).

    .venv/bin/python bench/heldout.py [--set a --set b] [--engine model|rules]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "heldout"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", choices=["a", "b"])
    parser.add_argument("--engine", choices=["model", "rules"], help="default: the pipeline's")
    args = parser.parse_args()

    from frontwatch.evaluation.gold import load_gold_dir
    from frontwatch.evaluation.gold_places import GoldLocator
    from frontwatch.evaluation.scoring import score_gold
    from frontwatch.pipeline import Extractor, make_article

    extractor = Extractor(engine=args.engine) if args.engine else Extractor()
    locator = GoldLocator.default()
    print(f"{'set':<4} {'docs':>5} {'gold':>5} {'match':<8} {'TP':>4} {'FP':>4} {'FN':>4} "
          f"{'P':>6} {'R':>6} {'F1':>6}")
    for name in args.set or ["a", "b"]:
        gold = load_gold_dir(ROOT / name)
        docs = gold.docs if hasattr(gold, "docs") else gold
        if locator is not None:
            locator.locate(docs)
        started = time.perf_counter()
        predicted = {d.id: extractor.process(make_article(d.text, published=d.published,
                                                          outlet=d.outlet)).events
                     for d in docs}
        took = time.perf_counter() - started
        n_gold = sum(not e.optional for d in docs for e in d.events)
        for strict in (True, False):
            s = score_gold(docs, predicted, strict=strict)
            tp, fp, fn = s.true_positives, s.false_positives, s.false_negatives
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            f1 = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{name:<4} {len(docs):>5} {n_gold:>5} {'strict' if strict else 'lenient':<8} "
                  f"{tp:>4} {fp:>4} {fn:>4} {100 * p:>6.1f} {100 * r:>6.1f} {100 * f1:>6.1f}")
        print(f"     ({len(docs) / took:.1f} articles/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
