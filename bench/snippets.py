"""The extractor on one-line real news items (corpus/snippets): detection, sub-type, false events.

    .venv/bin/python bench/snippets.py                   # the pipeline's default engine
    .venv/bin/python bench/snippets.py --engine rules -v # list the items it gets wrong
    .venv/bin/python bench/snippets.py --json
    .venv/bin/python bench/snippets.py --items corpus/headlines/headlines.jsonl  # synthetic

Each item (a headline, a story's first sentence or a one-sentence brief) is run alone through
`Extractor().process(make_article(text, published=...))`. Reported:

- detection: event items (gold sub-types not empty) giving >= 1 event;
- sub-type: of the detected items, those whose events' sub-types include a gold sub-type;
- quiet on non-events: non-event items (gold []) giving no event;
- the same per kind (headline, lede, brief).

A TEST-ONLY yardstick: never train or tune on these items (corpus/snippets/README.md).
`--items` scores another file of the same form, such as the synthetic development set of
headlines (corpus/headlines/README.md), which is never counted as real.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "snippets"
KINDS = ("headline", "lede", "brief")


def load_items(path: Path = ROOT / "snippets.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def run(items: list[dict], engine: str | None) -> list[dict]:
    """One result per item: the sub-types of the events the extractor gives for it alone."""
    from frontwatch.pipeline import Extractor, make_article

    extractor = Extractor(engine=engine) if engine else Extractor()
    out = []
    for item in items:
        article = make_article(item["text"], published=item.get("published") or None,
                               outlet=item.get("outlet"))
        events = extractor.process(article).events
        out.append({"id": item["id"], "predicted": sorted({e.sub_event_type for e in events}),
                    "n_events": len(events)})
    return out


def _share(num: int, den: int) -> dict:
    return {"n": num, "of": den, "pct": round(100.0 * num / den, 1) if den else None}


def score(items: list[dict], results: list[dict]) -> dict:
    """Detection, sub-type accuracy and quiet-on-negatives, overall and per kind."""
    by_id = {r["id"]: r for r in results}
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    failures = []
    for item in items:
        r = by_id[item["id"]]
        gold = set(item["sub_event_types"])
        pred = set(r["predicted"])
        for group in ("all", item["kind"]):
            c = counts[group]
            if gold:
                c["events"] += 1
                if pred:
                    c["detected"] += 1
                    if pred & gold:
                        c["subtype_ok"] += 1
            else:
                c["negatives"] += 1
                if not pred:
                    c["quiet"] += 1
        if gold and not pred:
            why = "missed"
        elif gold and not pred & gold:
            why = "wrong sub-type"
        elif not gold and pred:
            why = "false event"
        else:
            continue
        failures.append({"id": item["id"], "kind": item["kind"], "why": why, "text": item["text"],
                         "gold": sorted(gold), "predicted": sorted(pred)})
    report = {}
    for group in ("all", *KINDS):
        c = counts.get(group)
        if not c:
            continue
        report[group] = {
            "detection": _share(c["detected"], c["events"]),
            "subtype_of_detected": _share(c["subtype_ok"], c["detected"]),
            "subtype_of_all": _share(c["subtype_ok"], c["events"]),
            "quiet_on_negatives": _share(c["quiet"], c["negatives"]),
        }
    return {"items": len(items), "groups": report, "failures": failures}


def _fmt(s: dict) -> str:
    return f"{s['n']:>3}/{s['of']:<3} {s['pct']:5.1f}%" if s["of"] else "   -/0        "


def print_report(report: dict, verbose: bool) -> None:
    print(f"{report['items']} items")
    print(f"{'group':<9} {'detection':<15} {'sub-type|det':<15} {'sub-type|all':<15} "
          f"{'quiet on neg':<15}")
    for group, s in report["groups"].items():
        print(f"{group:<9} {_fmt(s['detection']):<15} {_fmt(s['subtype_of_detected']):<15} "
              f"{_fmt(s['subtype_of_all']):<15} {_fmt(s['quiet_on_negatives']):<15}")
    if verbose:
        print()
        for f in report["failures"]:
            print(f"{f['id']} [{f['kind']}] {f['why']}: gold {f['gold']} got {f['predicted']}")
            print(f"    {f['text']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", choices=["model", "rules"], help="default: the pipeline's")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the failures")
    parser.add_argument("--items", type=Path, help="another file of items (default: the real "
                        "snippets)")
    args = parser.parse_args()
    items = load_items(args.items) if args.items else load_items()
    started = time.perf_counter()
    results = run(items, args.engine)
    took = time.perf_counter() - started
    report = score(items, results)
    report["engine"] = args.engine or "default"
    report["seconds"] = round(took, 1)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        print_report(report, args.verbose)
        print(f"({took:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
