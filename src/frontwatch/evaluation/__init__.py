"""Scoring extraction against hand-coded gold events (`frontwatch evaluate`).

gold.py loads and validates gold files, sources.py finds their texts, predictions.py reads or
makes predictions, match.py pairs events one to one, scoring.py counts, report.py prints.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from frontwatch.evaluation.gold import GoldDoc, GoldError, GoldSet, load_gold_dir, load_gold_file
from frontwatch.evaluation.predictions import read_predictions, run_extractor
from frontwatch.evaluation.scoring import EventScores, score_gold
from frontwatch.evaluation.sources import SharedTexts


def evaluate_events(
    gold_dir: Path | str,
    pred: Path | str | None = None,
    shared: Path | str | None = None,
    extractor: Any = None,
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
    return score_gold(gold.docs, predictions, skipped)


__all__ = [
    "EventScores",
    "GoldDoc",
    "GoldError",
    "GoldSet",
    "evaluate_events",
    "load_gold_dir",
    "load_gold_file",
    "score_gold",
]
