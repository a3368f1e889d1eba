"""How far the learned coder should override the rules: strict event F1 on the real corpus's
dev split for a grid of `CoderPolicy` thresholds (never on test).

    .venv/bin/python bench/coder_policy.py [--coder DIR] [--split dev] [--write]

Prints one line per policy, best last: first a grid of when the coder adds, confirms and
drops events, then, with the best of those, a grid of when its sub-type replaces the rules',
then (for a coder with a role head) when its actor1/actor2 and places replace the parse's,
with the accuracy of actor1 and actor2 over the matched events (lenient pairs) beside F1.
The coder runs once per sentence (its readings are cached); each policy then re-runs the rules
on every article. Gold places are located as `frontwatch evaluate` does. `--write` stores the
best policy (on dev only) in the coder's card.json, which the extractor then reads
(`CoderPolicy.for_coder`): a retrained coder carries the thresholds tuned for it.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "corpus" / "real"


class CachedCoder:
    """The coder's readings memoised by sentence text, so a grid costs one pass of it."""

    def __init__(self, coder) -> None:
        self.coder = coder
        self.cache: dict = {}

    def code(self, texts: list[str]):
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        for text, coding in zip(todo, self.coder.code(todo), strict=True):
            self.cache[text] = coding
        return [self.cache[t] for t in texts]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coder", type=Path, help="model folder (default: the packaged one)")
    parser.add_argument("--split", default="dev", choices=["train", "dev"])
    parser.add_argument("--write", action="store_true",
                        help="store the best policy in the coder's card.json (dev only)")
    args = parser.parse_args()
    if args.write and args.split != "dev":
        parser.error("--write tunes on dev only")

    from frontwatch.evaluation.corpus import load_corpus_docs, score_corpus
    from frontwatch.evaluation.gold_places import GoldLocator
    from frontwatch.evaluation.predictions import run_extractor
    from frontwatch.extraction.coder import SentenceCoder, default_dir
    from frontwatch.extraction.coder_policy import CoderPolicy
    from frontwatch.pipeline import Extractor

    entries, docs = load_corpus_docs(ROOT, [args.split])
    ordered = [docs[e.id] for e in entries]
    extractor = Extractor(engine="model", coder_dir=str(args.coder) if args.coder else None)
    extractor.mentions.coder = CachedCoder(SentenceCoder(args.coder))
    locator = GoldLocator.default()

    def score(policy: CoderPolicy) -> tuple:
        extractor.mentions.policy = policy
        report = score_corpus(entries, docs, run_extractor(ordered, extractor), ["split"],
                              locator)
        s, le = report.strict, report.lenient
        a1, a2 = (le.fields[f].accuracy or 0.0 for f in ("actor1", "actor2"))
        return (s.f1, s.precision, s.recall, le.f1, a1, a2, policy)

    rows = [score(CoderPolicy(new_event=new, confirm=confirm, drop=drop))
            for new, confirm, drop in itertools.product((0.6, 0.8, 1.01), (0.5, 0.7, 0.9),
                                                        (0.2, 0.3, 0.5))]
    best = max(rows, key=lambda r: r[0])[-1]
    rows += [score(CoderPolicy(new_event=best.new_event, confirm=best.confirm, drop=best.drop,
                               retype_at=retype, doubt=doubt))
             for retype, doubt in itertools.product((0.5, 0.6, 0.75, 0.9), (0.05, 0.2))]
    if getattr(extractor.mentions.coder.coder, "role_labels", ()):
        best = max(rows, key=lambda r: r[0])[-1]
        rows += [score(replace(best, role_at=role_at, place_at=place_at))
                 for role_at, place_at in itertools.product((1.01, 0.5, 0.7), (0.0, 0.2, 0.4))]
    rows.sort(key=lambda r: (round(r[0], 4), r[4]))
    if args.write:
        folder = Path(args.coder) if args.coder else default_dir()
        card_path = folder / "card.json"
        card = json.loads(card_path.read_text(encoding="utf-8"))
        top = rows[-1]
        card["policy"] = {k: getattr(top[-1], k) for k in
                          ("new_event", "confirm", "drop", "retype_at", "doubt")}
        card["policy_dev_strict_f1"] = round(top[0], 4)
        card_path.write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        print(f"wrote the best policy to {card_path}")
    for f1, p, r, lf1, a1, a2, pol in rows:
        print(f"new_event {pol.new_event:.2f} confirm {pol.confirm:.2f} drop {pol.drop:.2f} "
              f"retype_at {pol.retype_at:.2f} doubt {pol.doubt:.2f} role_at {pol.role_at:.2f} "
              f"place_at {pol.place_at:.2f}: strict P {p:.3f} R {r:.3f} F1 {f1:.3f} | "
              f"lenient F1 {lf1:.3f} actor1 {a1:.3f} actor2 {a2:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
