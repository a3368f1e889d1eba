"""Event scores of the extractor on both parts of the gold set, as a Markdown table for the README.

Run: .venv/bin/python bench/evaluate.py [--shared ../shared]
The development part (tests/gold/dev) is the one to develop against; the test part
(tests/gold/test) is only looked at to report. See docs/evaluation.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from frontwatch.evaluation import load_gold_dir, score_gold
from frontwatch.evaluation.predictions import load_extractor, run_extractor
from frontwatch.evaluation.sources import SharedTexts

ROOT = Path(__file__).resolve().parents[1]
PARTS = (("development", ROOT / "tests/gold/dev"), ("test (report only)", ROOT / "tests/gold/test"))
FIELDS = ("sub_event_type", "actor1", "actor2", "date_exact", "fatalities_exact", "location_25km")


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=None, help="shared data folder (default ../shared)")
    args = parser.parse_args()
    shared = SharedTexts(args.shared)
    extractor = load_extractor()
    header = (
        "| part | docs | gold events | predicted | precision | recall | F1 | "
        + " | ".join(FIELDS)
        + " | loc. error km mean / median |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for name, folder in PARTS:
        gold = load_gold_dir(folder, shared)
        start = time.perf_counter()
        scores = score_gold(gold.docs, run_extractor(gold.docs, extractor), [])
        secs = time.perf_counter() - start
        mean = scores.mean_location_error_km
        fields = " | ".join(pct(scores.fields[f].accuracy) for f in FIELDS)
        print(
            f"| {name} | {len(gold.docs)} | {scores.true_positives + scores.false_negatives} | "
            f"{scores.true_positives + scores.false_positives} | {pct(scores.precision)} | "
            f"{pct(scores.recall)} | {pct(scores.f1)} | {fields} | "
            f"{'-' if mean is None else f'{mean:.1f} / {scores.median_location_error_km:.1f}'} |"
        )
        if gold.skipped:
            print(f"<!-- {name}: {len(gold.skipped)} docs skipped, shared data absent -->")
        print(f"<!-- {name}: {secs:.1f} s -->")
    print(f"\nMeasured {dt.date.today().isoformat()} with `.venv/bin/python bench/evaluate.py`.")


if __name__ == "__main__":
    main()
