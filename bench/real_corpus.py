"""The extractor on the real corpus (corpus/real): scores per split beside the coders' agreement.

    .venv/bin/python bench/real_corpus.py                      # dev and test, tables
    .venv/bin/python bench/real_corpus.py --split train --split dev
    .venv/bin/python bench/real_corpus.py --predict OUT.jsonl  # only write predictions

`--predict` uses nothing but the pipeline's public calls, so an older checkout can write
predictions (PYTHONPATH=old/src) that this checkout then scores with `--pred`: that is how the
baseline of a change is measured on the same gold. The test split is reported, never tuned on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "real"


def predict(out: Path, splits: list[str], engine: str | None) -> None:
    from frontwatch.pipeline import Extractor, make_article

    rows = [json.loads(line) for line in (ROOT / "manifest.jsonl").read_text().splitlines()]
    rows = [r for r in rows if r["split"] in splits]
    # An old checkout's Extractor has no engine: ask for one only when told to.
    extractor = Extractor(engine=engine) if engine else Extractor()
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            text = (ROOT / r["path"]).read_text(encoding="utf-8")
            article = make_article(text, published=r["published"], outlet=r["outlet"])
            for event in extractor.process(article).events:
                d = event.to_dict()
                d["article_id"] = r["id"]
                fh.write(json.dumps(d, ensure_ascii=False, default=str) + "\n")
    took = time.perf_counter() - started
    print(f"{len(rows)} articles in {took:.1f} s ({len(rows) / took:.1f} articles/s)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", action="append",
                        choices=["train", "dev", "test", "fresh"])
    parser.add_argument("--predict", type=Path, help="write predictions (JSONL) and stop")
    parser.add_argument("--pred", type=Path, help="score these predictions instead of running")
    parser.add_argument("--by", default="split,language", help="breakdowns to print")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--engine", choices=["model", "rules"], help="default: the pipeline's")
    args = parser.parse_args()
    splits = args.split or ["dev", "test"]
    if args.predict:
        predict(args.predict, splits, args.engine)
        return 0

    from frontwatch.evaluation import evaluate_corpus
    from frontwatch.evaluation.predictions import load_extractor
    from frontwatch.evaluation.report import print_corpus_report

    extractor = None if args.pred else load_extractor(engine=args.engine)
    report = evaluate_corpus(
        ROOT, splits=splits, pred=args.pred, extractor=extractor, dimensions=args.by.split(",")
    )
    if args.json:
        print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        print_corpus_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
