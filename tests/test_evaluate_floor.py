"""CI guard: the real extractor's event F1 on the development part stays above a floor.

The floors live in tests/gold/floor.json and move up with the measured scores (see
docs/evaluation.md). Only the development part is used here; the test part is for reporting.
"""

from __future__ import annotations

import json
from pathlib import Path

from frontwatch.evaluation import load_gold_dir, score_gold
from frontwatch.evaluation.predictions import load_extractor, run_extractor
from frontwatch.evaluation.sources import SharedTexts

GOLD = Path(__file__).parent / "gold"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_dev_event_f1_stays_above_floor(capsys):
    floors = json.loads((GOLD / "floor.json").read_text(encoding="utf-8"))
    gold = load_gold_dir(GOLD / "dev", SharedTexts(SHARED))
    if gold.skipped:
        # Score what we can: the project-written texts, against their own floor.
        with capsys.disabled():
            print(
                f"\n../shared/data absent: {len(gold.skipped)} shared gold docs skipped; "
                "scoring the project-written ones only"
            )
        floor = floors["dev_project_only"]["event_f1"]
    else:
        floor = floors["dev"]["event_f1"]
    assert gold.docs, "no gold documents to score"
    predictions = run_extractor(gold.docs, load_extractor())
    scores = score_gold(gold.docs, predictions)
    assert scores.f1 >= floor, (
        f"event F1 {scores.f1:.3f} fell below the floor {floor:.3f} "
        f"(P {scores.precision:.3f}, R {scores.recall:.3f}); run "
        "`frontwatch evaluate events tests/gold/dev` to see what was missed"
    )
