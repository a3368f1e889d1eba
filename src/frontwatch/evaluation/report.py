"""Printing event scores for a developer: the totals, the fields, the confusions, then article by
article what was missed and what was invented, with the sentence that tells it.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from frontwatch.evaluation.corpus import CorpusReport
from frontwatch.evaluation.match import Scorable
from frontwatch.evaluation.scoring import NONE_LABEL, Counts, EventScores
from frontwatch.model import SUB_EVENT_TO_TYPE


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


# Short unique codes so a matrix of 25 sub-types fits a terminal; a legend follows the matrix.
ABBREVIATIONS = {
    "Government regains territory": "GRT",
    "Non-state actor overtakes territory": "NSO",
    "Armed clash": "AC",
    "Chemical weapon": "CW",
    "Air/drone strike": "ADS",
    "Suicide bomb": "SB",
    "Shelling/artillery/missile attack": "SAM",
    "Remote explosive/landmine/IED": "IED",
    "Grenade": "GR",
    "Sexual violence": "SV",
    "Attack": "ATT",
    "Abduction/forced disappearance": "ABD",
    "Excessive force against protesters": "EXF",
    "Protest with intervention": "PWI",
    "Peaceful protest": "PP",
    "Violent demonstration": "VD",
    "Mob violence": "MOB",
    "Agreement": "AGR",
    "Arrests": "ARR",
    "Change to group/activity": "CHG",
    "Disrupted weapons use": "DWU",
    "Headquarters or base established": "HQ",
    "Looting/property destruction": "LPD",
    "Non-violent transfer of territory": "NVT",
    "Other": "OTH",
    NONE_LABEL: "-",
}


def _abbrev(sub_event_type: str) -> str:
    return ABBREVIATIONS.get(sub_event_type, sub_event_type[:4] or "?")


def _one_line(e: Scorable) -> str:
    date = e.event_date.isoformat() if e.event_date else "????-??-??"
    actors = e.actor1 + (f" v {e.actor2}" if e.actor2 else "")
    where = e.location or "?"
    deaths = f", {e.fatalities} dead" if e.fatalities else ""
    return f"{date} {e.sub_event_type} | {actors} | {where}{deaths}"


def _label_order(label: str) -> tuple[int, str]:
    """ACLED's order (battles first, strategic developments last), unknown labels after."""
    order = list(SUB_EVENT_TO_TYPE)
    return (order.index(label) if label in order else len(order) + (label == NONE_LABEL), label)


def _print_confusion(scores: EventScores, console: Console) -> None:
    """Gold sub-types down, predicted across, as plain fixed-width text that never wraps."""
    gold_labels = sorted({g for g, _ in scores.confusion}, key=_label_order)
    pred_labels = sorted({p for _, p in scores.confusion}, key=_label_order)
    console.print(
        "[bold]Sub-event types[/bold]: gold (rows) x predicted (columns); '-' = no match"
    )
    header = "gold\\pred " + "".join(f"{_abbrev(p):>5}" for p in pred_labels)
    console.print(header, highlight=False, soft_wrap=True, markup=False)
    for g in gold_labels:
        cells = "".join(f"{scores.confusion.get((g, p), 0) or '.':>5}" for p in pred_labels)
        console.print(f"{_abbrev(g):<10}{cells}", highlight=False, soft_wrap=True)
    legend = sorted({*gold_labels, *pred_labels} - {NONE_LABEL}, key=_label_order)
    console.print(
        "  " + "; ".join(f"{_abbrev(x)} {x}" for x in legend), highlight=False, markup=False
    )


def print_event_report(
    scores: EventScores, console: Console | None = None, articles: bool = True
) -> None:
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
    median = scores.median_location_error_km
    fields.add_row(
        "median location error (km)",
        "-" if median is None else f"{median:.1f}",
        str(len(scores.location_errors_km)),
    )
    console.print(fields)

    if scores.confusion:
        _print_confusion(scores, console)

    if not articles:
        return
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


def _f1(counts: Counts | None) -> str:
    return "-" if counts is None else _pct(counts.f1)


def print_corpus_report(
    report: CorpusReport, console: Console | None = None, articles: bool = False
) -> None:
    """The lenient report (fields, confusions), then per split, country, outlet and sub-type:
    lenient and strict scores beside the coders' strict agreement on the same articles."""
    if console is None:
        console = Console()
        # The group tables have ten columns: never squeeze them into an 80-column pipe.
        console.width = max(console.width, 130)
    print_event_report(report.lenient, console, articles=articles)
    s = report.strict
    console.print(
        f"[bold]Strict match[/bold] (same sub-type, same place): P {_pct(s.precision)} "
        f"R {_pct(s.recall)} F1 {_pct(s.f1)}"
        + (
            f"; coders' agreement F1 {_pct(report.agreement.f1)}"
            if report.agreement is not None
            else ""
        ),
        highlight=False,
    )
    for dim, groups in report.groups.items():
        table = Table(title=f"By {dim.replace('_', '-')}")
        table.add_column(dim)
        for col in ("docs", "gold", "P", "R", "F1", "strict P", "strict R", "strict F1",
                    "coders F1"):
            table.add_column(col, justify="right")
        for g in groups:
            table.add_row(
                g.value,
                str(g.docs) if g.docs else "-",
                str(g.gold_events),
                _pct(g.lenient.precision),
                _pct(g.lenient.recall),
                _pct(g.lenient.f1),
                _pct(g.strict.precision),
                _pct(g.strict.recall),
                _pct(g.strict.f1),
                _f1(g.agreement),
            )
        console.print(table)
