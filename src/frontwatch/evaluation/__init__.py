"""Scoring extraction against hand-coded gold events (`frontwatch evaluate`).

gold.py loads and validates gold files, sources.py finds their texts, predictions.py reads or
makes predictions, gold_places.py locates places coders named without coordinates, match.py
pairs events one to one, scoring.py counts, report.py prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontwatch.evaluation.corpus import (
    DIMENSIONS,
    CorpusReport,
    is_corpus,
    load_corpus_docs,
    score_corpus,
)
from frontwatch.evaluation.gold import GoldDoc, GoldError, GoldSet, load_gold_dir, load_gold_file
from frontwatch.evaluation.gold_places import GoldLocator
from frontwatch.evaluation.predictions import read_predictions, run_extractor
from frontwatch.evaluation.scoring import EventScores, score_gold
from frontwatch.evaluation.sources import SharedTexts


def evaluate_events(
    gold_dir: Path | str,
    pred: Path | str | None = None,
    shared: Path | str | None = None,
    extractor: Any = None,
    strict: bool = False,
) -> EventScores:
    """Score the extractor (or a predictions JSONL file) on every gold document under a folder.

    Documents whose shared corpus is absent are skipped and listed in `EventScores.skipped`.
    """
    gold = load_gold_dir(gold_dir, SharedTexts(shared))
    skipped = [(str(p), why) for p, why in gold.skipped]
    if pred is not None:
        predictions, unmatched = read_predictions(pred, gold.docs)
        if unmatched:
            skipped.append((str(pred), f"{unmatched} predicted events name no gold article"))
    else:
        predictions = run_extractor(gold.docs, extractor)
    return score_gold(gold.docs, predictions, skipped, strict)


def evaluate_corpus(
    root: Path | str,
    splits: list[str] | None = None,
    pred: Path | str | None = None,
    extractor: Any = None,
    dimensions: list[str] | None = None,
    gold_places: str = "gazetteer",
) -> CorpusReport:
    """Score the extractor (or predictions) on a manifest-driven corpus such as `corpus/real`,
    per split, country, outlet and sub-type, beside the two coders' agreement.

    `gold_places`: "gazetteer" locates places the coders named without coordinates in the
    bundled gazetteer (a place spelt two ways is one place, within 25 km); "names" compares
    such places by name only."""
    if gold_places not in ("gazetteer", "names"):
        raise GoldError(f"gold places are located by 'gazetteer' or 'names', not {gold_places!r}")
    entries, docs = load_corpus_docs(root, splits)
    ordered = [docs[e.id] for e in entries]
    if pred is not None:
        predictions, _ = read_predictions(pred, ordered)
    else:
        predictions = run_extractor(ordered, extractor)
    locator = GoldLocator.default() if gold_places == "gazetteer" else None
    return score_corpus(entries, docs, predictions, dimensions or DIMENSIONS, locator)


__all__ = [
    "CorpusReport",
    "evaluate_corpus",
    "is_corpus",
    "EventScores",
    "GoldDoc",
    "GoldError",
    "GoldSet",
    "evaluate_events",
    "load_gold_dir",
    "load_gold_file",
    "score_gold",
]
