"""`frontwatch evaluate`: score event extraction against gold events, and geoparsing against
toponym benchmarks. A thin layer: the work is in `frontwatch.evaluation`."""

from __future__ import annotations

import json
from dataclasses import asdict, is_dataclass
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console

from frontwatch.errors import FrontwatchError

evaluate_app = typer.Typer(
    help="Score extraction against gold data (events) or geoparsing benchmarks (geo).",
    no_args_is_help=True,
)


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


def _fail(message: str) -> None:
    Console(stderr=True).print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code=2)


@evaluate_app.command("events")
def events_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON files (searched recursively)."),
    pred: Path | None = typer.Option(
        None, "--pred", help="Score these predictions (JSONL, one event a line) instead."
    ),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
    shared: Path | None = typer.Option(
        None, "--shared", help="The shared data folder (default: $FRONTWATCH_SHARED or ../shared)."
    ),
    split: list[str] = typer.Option(
        [], "--split", help="A corpus with a manifest: score only this split (repeatable)."
    ),
    by: str = typer.Option(
        "split,country,outlet,language,sub_type",
        "--by",
        help="A corpus with a manifest: break scores down by these (comma-separated).",
    ),
    articles: bool = typer.Option(
        False, "--articles", help="A corpus with a manifest: also list each article's errors."
    ),
    strict: bool = typer.Option(
        False, "--strict", help="A gold folder: match only the same sub-type at the same place."
    ),
    engine: str | None = typer.Option(
        None, "--engine", help="model or rules (default: the pipeline's, model)."
    ),
    gold_places: str = typer.Option(
        "gazetteer", "--gold-places",
        help="A corpus with a manifest: locate places its coders named without coordinates "
             "in the bundled gazetteer (gazetteer), or compare them by name only (names).",
    ),
) -> None:
    """Event precision, recall, F1, per-field accuracy and per-article errors.

    A folder holding manifest.jsonl (corpus/real) is scored per split, country, outlet and
    sub-type, lenient and strict, beside the two coders' agreement.

    Examples: frontwatch evaluate events tests/gold/dev;
    frontwatch evaluate events corpus/real --split dev
    """
    from frontwatch.evaluation import evaluate_corpus, evaluate_events, is_corpus
    from frontwatch.evaluation.predictions import load_extractor
    from frontwatch.evaluation.report import print_corpus_report, print_event_report
    from frontwatch.pipeline import ENGINES

    if engine is not None and engine not in ENGINES:
        _fail(f"--engine must be model or rules, not {engine!r}")
        return
    extractor = None
    if pred is None:
        try:
            extractor = load_extractor(engine=engine)
        except FrontwatchError as exc:
            _fail(str(exc))
            return

    corpus = is_corpus(gold_dir)
    try:
        if corpus:
            dims = [d.strip() for d in by.split(",") if d.strip()]
            result = evaluate_corpus(gold_dir, splits=split or None, pred=pred,
                                     extractor=extractor, dimensions=dims,
                                     gold_places=gold_places)
        else:
            result = evaluate_events(gold_dir, pred=pred, shared=shared, extractor=extractor,
                                     strict=strict)
    except FrontwatchError as exc:
        _fail(str(exc))
        return
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    elif corpus:
        print_corpus_report(result, articles=articles)
    else:
        print_event_report(result)


@evaluate_app.command("anchor")
def anchor_command(
    gold: list[Path] = typer.Argument(..., help="Gold JSON files whose evidence gives quotes."),
    shared: Path | None = typer.Option(None, "--shared", help="The shared data folder."),
) -> None:
    """Fill evidence offsets from quotes (for coders writing gold by hand).

    Example: frontwatch evaluate anchor tests/gold/dev/seed-isis-retreat.json
    """
    from frontwatch.evaluation.gold import anchor_file
    from frontwatch.evaluation.sources import SharedTexts

    texts = SharedTexts(shared)
    for path in gold:
        try:
            n = anchor_file(path, texts)
        except FrontwatchError as exc:
            _fail(str(exc))
            return
        typer.echo(f"{path}: {n} spans anchored")


@evaluate_app.command("geo")
def geo_command(
    xml_path: Path = typer.Argument(..., help="A geoparsing benchmark (LGL or TR-News XML)."),
    mode: str = typer.Option(
        "gold_spans", "--mode", help="gold_spans (resolution only) or end_to_end."
    ),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N articles."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
) -> None:
    """Toponym resolution (and recognition, end to end) on a geoparsing benchmark.

    Example: frontwatch evaluate geo ../shared/data/geoparsing/TR-News.xml --mode end_to_end
    """
    if not xml_path.is_file():
        _fail(f"{xml_path}: no such benchmark file")
        return
    try:
        from frontwatch.geo.evaluate import evaluate_geoparsing
    except ImportError as exc:
        _fail(f"geoparsing evaluation is not available in this build ({exc})")
        return
    try:
        result = evaluate_geoparsing(xml_path, mode=mode, limit=limit)
    except (FrontwatchError, ValueError) as exc:
        _fail(str(exc))
        return
    if fmt is OutputFormat.json:
        data = asdict(result) if is_dataclass(result) else result
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    elif hasattr(result, "lines"):
        for line in result.lines():
            typer.echo(line)
    else:
        typer.echo(str(result))


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(evaluate_app, name="evaluate")
