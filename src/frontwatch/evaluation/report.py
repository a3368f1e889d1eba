"""Printing event scores for a developer: the totals, the fields, the confusions, then article by
article what was missed and what was invented, with the sentence that tells it.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from frontwatch.evaluation.match import Scorable
from frontwatch.evaluation.scoring import NONE_LABEL, EventScores


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def _abbrev(sub_event_type: str) -> str:
    """Initials, so a confusion matrix of 25 sub-types fits a terminal ('Air/drone strike': ADS)."""
    if sub_event_type == NONE_LABEL:
        return "none"
    words = sub_event_type.replace("/", " ").split()
    return "".join(w[0].upper() for w in words if w[0].isalpha())


def _one_line(e: Scorable) -> str:
    date = e.event_date.isoformat() if e.event_date else "????-??-??"
    actors = e.actor1 + (f" v {e.actor2}" if e.actor2 else "")
    where = e.location or "?"
    deaths = f", {e.fatalities} dead" if e.fatalities else ""
    return f"{date} {e.sub_event_type} | {actors} | {where}{deaths}"


def print_event_report(scores: EventScores, console: Console | None = None) -> None:
    console = console or Console()
    console.print(f"[bold]Event scores[/bold] over {len(scores.docs)} documents")
    for file, why in scores.skipped:
        console.print(f"[yellow]skipped[/yellow] {file}: {why}")

    totals = Table(title="Events")
    for col in ("gold", "predicted", "TP", "FP", "FN", "precision", "recall", "F1"):
        totals.add_column(col, justify="right")
    totals.add_row(
        str(scores.true_positives + scores.false_negatives),
        str(scores.true_positives + scores.false_positives),
        str(scores.true_positives),
        str(scores.false_positives),
        str(scores.false_negatives),
        _pct(scores.precision),
        _pct(scores.recall),
        _pct(scores.f1),
    )
    console.print(totals)

    fields = Table(title="Fields over matched events")
    fields.add_column("field")
    fields.add_column("accuracy %", justify="right")
    fields.add_column("correct/total", justify="right")
    for name, tally in scores.fields.items():
        fields.add_row(name, _pct(tally.accuracy), f"{tally.correct}/{tally.total}")
    mean = scores.mean_location_error_km
    fields.add_row(
        "mean location error (km)",
        "-" if mean is None else f"{mean:.1f}",
        str(len(scores.location_errors_km)),
    )
    console.print(fields)

    if scores.confusion:
        gold_labels = sorted({g for g, _ in scores.confusion}, key=lambda s: (s == NONE_LABEL, s))
        pred_labels = sorted({p for _, p in scores.confusion}, key=lambda s: (s == NONE_LABEL, s))
        matrix = Table(title="Sub-event types: gold (rows) x predicted (columns)")
        matrix.add_column("gold \\ pred")
        for label in pred_labels:
            matrix.add_column(_abbrev(label), justify="right")
        for g in gold_labels:
            cells = [str(scores.confusion.get((g, p), "")) or "." for p in pred_labels]
            matrix.add_row(f"{g} ({_abbrev(g)})", *cells)
        console.print(matrix)

    console.print("[bold]Per article[/bold] (only articles with an error)")
    for doc in scores.docs:
        if not doc.missed and not doc.spurious:
            continue
        console.print(
            f"[bold]{doc.doc_id}[/bold]: gold {doc.n_gold}, predicted {doc.n_pred}, "
            f"matched {doc.true_positives}"
        )
        for e in doc.missed:
            console.print(f"  [red]MISSED[/red]   {_one_line(e)}", highlight=False)
            if e.sentence:
                console.print(f"           « {e.sentence} »", highlight=False)
        for e in doc.spurious:
            console.print(f"  [magenta]SPURIOUS[/magenta] {_one_line(e)}", highlight=False)
            if e.sentence:
                console.print(f"           « {e.sentence} »", highlight=False)
