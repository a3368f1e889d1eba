"""Agreement of the second coder with the first on the checked sample of synthetic sentences.

    .venv/bin/python tools/synthetic_agreement.py [check/second_coder_syn13.jsonl]

Reads corpus/synthetic/check/second_coder.jsonl, or the check file named (the second coder's
blind annotations), and the
first coder's annotations of the same sentences (corpus/synthetic/syn*.jsonl), and prints:
sentences that agree exactly on the set of sub-event types, micro F1 over (sentence, sub-type)
pairs, event detection agreement, and place-span F1 (exact substrings, case-insensitive).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path("corpus/synthetic")


def first_coder() -> dict[str, dict]:
    out = {}
    for path in sorted(ROOT.rglob("syn*.jsonl")):  # unused/ too: its checks stay comparable
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                out[f"{row['doc']}#{row['i']}"] = row
    return out


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def main() -> int:
    first = first_coder()
    name = sys.argv[1] if len(sys.argv) > 1 else "check/second_coder.jsonl"
    second = [json.loads(x) for x in (ROOT / name).read_text(
        encoding="utf-8").splitlines() if x.strip()]
    exact = 0
    sub = Counter()
    det = Counter()
    place = Counter()
    for row in second:
        a = first.get(row["key"])
        if a is None:
            print(f"{row['key']}: not in the first coder's files", file=sys.stderr)
            continue
        sa = Counter(e["sub_event_type"] for e in a["events"] if not e.get("negated"))
        sb = Counter(e["sub_event_type"] for e in row["events"])
        exact += set(sa) == set(sb)
        common = sum((sa & sb).values())
        sub.update(tp=common, fp=sum(sb.values()) - common, fn=sum(sa.values()) - common)
        det.update(tp=bool(sa) and bool(sb), fp=bool(sb) and not sa, fn=bool(sa) and not sb)
        pa = {p.lower() for e in a["events"] for p in e.get("place", [])}
        pb = {p.lower() for e in row["events"] for p in e.get("place", [])}
        place.update(tp=len(pa & pb), fp=len(pb - pa), fn=len(pa - pb))
    n = len(second)
    print(f"sentences checked: {n}")
    print(f"same set of sub-event types: {exact}/{n} ({exact / n:.3f})")
    print(f"sub-type micro F1: {f1(sub['tp'], sub['fp'], sub['fn']):.3f}")
    print(f"event detection F1: {f1(det['tp'], det['fp'], det['fn']):.3f}")
    print(f"place span F1: {f1(place['tp'], place['fp'], place['fn']):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
