"""Real sentences labelled for the coder (`corpus/silver/`): split a page, check a batch.

    .venv/bin/python tools/silver.py split PAGE.txt       # the sentences, numbered, as the
                                                          # extractor splits them
    .venv/bin/python tools/silver.py check BATCH.jsonl    # every page well formed, counts
    .venv/bin/python tools/silver.py sample BATCH.jsonl... --out BLIND.jsonl  # a tenth of
                                                          # the pages, labels removed
    .venv/bin/python tools/silver.py agree BLIND_CODED.jsonl  # a second coder's labels of
                                                          # the sample against the first's

A batch holds one JSON object a line, one page each: its licence and source, the text exactly
as stored (an excerpt of the page's opening), and one label list per sentence, aligned with
the sentences `split` prints. These are real reporting labelled by one coder at the sentence
level (which sub-types each sentence tells), not event gold: they train the coder and are never
scored as the yardstick. Labels follow docs/coding.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

from frontwatch.extraction.sentences import split_sentences
from frontwatch.learn.data import json_lines, silver_label_problems

REQUIRED = ("id", "url", "outlet", "licence", "retrieved", "country", "text", "labels")
# The real corpus's held-out outlets and countries (corpus/real/splits.json): text from them
# would leak the test split's sources and conflicts into training.
SPLITS = Path(__file__).resolve().parents[1] / "corpus" / "real" / "splits.json"


def sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def check_page(row: dict, held_out: dict) -> list[str]:
    """The reasons a page cannot be used (empty when it can)."""
    problems = [f"no {key}" for key in REQUIRED if key not in row]
    if problems:
        return problems
    problems += silver_label_problems(row["labels"], len(sentences(row["text"])))
    if row["country"] in held_out.get("test_countries", []) + held_out.get("dev_countries", []):
        problems.append(f"country {row['country']} is held out (dev or test)")
    if row["outlet"] in held_out.get("test_outlets", []):
        problems.append(f"outlet {row['outlet']} is held out (test)")
    return problems


def sampled(page_id: str, share: float) -> bool:
    """A stable draw: the same pages are sampled however the batches are ordered."""
    return int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 1000 < share * 1000


def agreement(first: list[list[str] | str], second: list[list[str] | str]) -> dict[str, int]:
    """Counts over aligned sentences, "unsure" on either side left out."""
    c = {"sentences": 0, "same": 0, "tp": 0, "fp": 0, "fn": 0, "det_tp": 0, "det_fp": 0,
         "det_fn": 0}
    for a, b in zip(first, second, strict=True):
        if a == "unsure" or b == "unsure":
            continue
        sa, sb = set(a), set(b)
        c["sentences"] += 1
        c["same"] += sa == sb
        c["tp"] += len(sa & sb)
        c["fp"] += len(sb - sa)
        c["fn"] += len(sa - sb)
        c["det_tp"] += bool(sa) and bool(sb)
        c["det_fp"] += bool(sb) and not sa
        c["det_fn"] += bool(sa) and not sb
    return c


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


def _rows(paths: list[Path]) -> list[dict]:
    return [row for _, _, row in json_lines(paths)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sp = sub.add_parser("split", help="print a page's sentences, numbered")
    sp.add_argument("page", type=Path)
    ck = sub.add_parser("check", help="check a batch file")
    ck.add_argument("batch", type=Path, nargs="+")
    sa = sub.add_parser("sample", help="a share of the pages, labels removed, for a blind "
                        "second coder")
    sa.add_argument("batch", type=Path, nargs="+")
    sa.add_argument("--share", type=float, default=0.1)
    sa.add_argument("--out", type=Path, required=True)
    ag = sub.add_parser("agree", help="a second coder's labels against the first's")
    ag.add_argument("second", type=Path)
    ag.add_argument("--first", type=Path, nargs="+",
                    default=sorted((SPLITS.parents[1] / "silver").glob("sv*.jsonl")))
    args = parser.parse_args(argv)
    if args.cmd == "sample":
        picked = [
            {k: v for k, v in row.items() if k != "labels"}
            | {"sentences": sentences(row["text"])}
            for row in _rows(args.batch) if sampled(row["id"], args.share)
        ]
        args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in picked),
                            encoding="utf-8")
        print(f"{len(picked)} pages, {sum(len(r['sentences']) for r in picked)} sentences "
              f"-> {args.out}")
        return 0
    if args.cmd == "agree":
        first = {row["id"]: row for row in _rows(args.first)}
        total: Counter[str] = Counter()
        for row in _rows([args.second]):
            if row["id"] not in first:
                print(f"{row['id']}: not among the first coder's pages", file=sys.stderr)
                return 1
            total.update(agreement(first[row["id"]]["labels"], row["labels"]))
        n = total["sentences"]
        print(f"sentences compared: {n} (unsure on either side left out)")
        print(f"same set of sub-types: {total['same'] / max(n, 1):.1%}")
        print(f"sub-type micro F1: {_f1(total['tp'], total['fp'], total['fn']):.3f}")
        print(f"event detection F1: "
              f"{_f1(total['det_tp'], total['det_fp'], total['det_fn']):.3f}")
        return 0
    if args.cmd == "split":
        for i, s in enumerate(sentences(args.page.read_text(encoding="utf-8"))):
            print(f"[{i}] {s}")
        return 0
    held_out = json.loads(SPLITS.read_text(encoding="utf-8"))
    known_urls = {
        json.loads(line)["url"]
        for line in (SPLITS.parent / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    }
    failed = 0
    tally: Counter[str] = Counter()
    for path in args.batch:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"{path}:{n}: not JSON ({exc.msg})", file=sys.stderr)
                failed += 1
                continue
            problems = check_page(row, held_out)
            if row.get("url") in known_urls:
                problems.append("already in the real corpus")
            if problems:
                print(f"{path}:{n}: {row.get('id')}: {'; '.join(problems)}", file=sys.stderr)
                failed += 1
                continue
            tally["pages"] += 1
            for lab in row["labels"]:
                tally["sentences"] += 1
                if lab == "unsure":
                    tally["unsure"] += 1
                elif lab:
                    tally["event sentences"] += 1
                    tally.update(f"  {x}" for x in lab)
                else:
                    tally["no-event sentences"] += 1
    for key, value in sorted(tally.items(), key=lambda kv: (kv[0].startswith(" "), kv[0])):
        print(f"{key}: {value}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
