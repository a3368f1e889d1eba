"""`frontwatch extract`: articles from files, directories or stdin to events on stdout.

Bad inputs are reported one line each on stderr and skipped; the run goes on and exits 1.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import Annotated

import typer

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.model import Article, Event

# A progress bar appears on a terminal once this many articles are done: short runs stay quiet.
PROGRESS_AFTER = 20


class Engine(StrEnum):
    """Which extractor decides what an event is (see frontwatch.pipeline.Extractor)."""

    model = "model"
    rules = "rules"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from frontwatch.days import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


class _Reporter:
    """Error lines and the progress bar, both on stderr, without garbling each other."""

    def __init__(self, total: int | None = None) -> None:
        self.total = total
        from rich.console import Console

        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.failures = 0
        self.done = 0
        self._progress = None
        self._task = None

    def error(self, message: str) -> None:
        self.failures += 1
        self.console.print(f"error: {message}", markup=False)

    def advance(self) -> None:
        self.done += 1
        if self._progress is None and self.done >= PROGRESS_AFTER and self.console.is_terminal:
            self._progress = progress_bar(self.console, self.total)
            self._progress.start()
            self._task = self._progress.add_task("extract", total=self.total,
                                                 completed=self.done)
        elif self._progress is not None:
            self._progress.update(self._task, completed=self.done)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None


def progress_bar(console, total: int | None):
    """A transient progress display on stderr: with a known total, a bar, done/total and the
    time left; without, a count and the time spent."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if total:
        columns = (SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TextColumn("articles"),
                   TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn())
    else:
        columns = (SpinnerColumn(), TextColumn("{task.completed} articles"), TimeElapsedColumn())
    return Progress(*columns, console=console, transient=True)


def _readable(items: Iterator[Article | InputError], reporter: _Reporter) -> Iterator[Article]:
    """The articles among the reader's output; each unreadable input becomes an error line."""
    for item in items:
        if isinstance(item, InputError):
            reporter.error(str(item))
        else:
            yield item


def _write(fmt: OutputFormat, events: Iterator[Event]) -> None:
    from frontwatch import export

    out = sys.stdout
    if fmt is OutputFormat.jsonl:
        for event in events:  # streamed: results show up as articles finish
            export.write_jsonl([event], out)
            out.flush()
    elif fmt is OutputFormat.csv:
        writer = export.csv_writer(out)
        for event in events:
            writer.writerow(export.event_to_acled_row(event))
            out.flush()
    elif fmt is OutputFormat.json:
        export.write_json(list(events), out)
    else:
        from rich.console import Console

        # Piped tables get a generous width rather than rich's 80 columns.
        console = Console(width=None if out.isatty() else 160)
        export.render_table(list(events), console)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's exit-time flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def extract_command(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files (.txt, .html, .jsonl), directories (read recursively) or - for stdin.",
            metavar="PATH...",
            show_default=False,
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD; anchors relative dates. Overrides the input's.",
            metavar="YYYY-MM-DD",
        ),
    ] = None,
    outlet: Annotated[
        str | None, typer.Option(help="Outlet name for every article. Overrides the input's.")
    ] = None,
    url: Annotated[
        str | None, typer.Option(help="Source URL for every article. Overrides the input's.")
    ] = None,
    fmt: Annotated[
        OutputFormat,
        typer.Option("--format", "-f", help="table for people; json, jsonl or csv (ACLED)."),
    ] = OutputFormat.table,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, help="Worker processes; output keeps input order.")
    ] = 1,
    engine: Annotated[
        Engine | None,
        typer.Option(help="model: the learned coder finds events, rules read their details "
                     "(the default); rules: the rule grammar alone."),
    ] = None,
) -> None:
    """Extract ACLED-style events from news articles.

    Example: frontwatch extract examples/ --format csv > events.csv
    """
    from frontwatch.batch import process_articles
    from frontwatch.ingest import read_paths
    from frontwatch.ingest.paths import count_articles

    published_date = _parse_date(published)
    reporter = _Reporter(count_articles(paths) if sys.stderr.isatty() else None)

    def events() -> Iterator[Event]:
        articles = _readable(
            read_paths(paths, published=published_date, outlet=outlet, url=url), reporter
        )
        chosen = engine.value if engine is not None else None
        for outcome in process_articles(articles, jobs=jobs, engine=chosen):
            reporter.advance()
            if outcome.error:
                reporter.error(f"{outcome.article.source_path}: {outcome.error}")
            yield from outcome.events

    try:
        _write(fmt, events())
    except FrontwatchError as exc:  # the pipeline cannot run at all: say why, in one line
        reporter.close()
        reporter.error(str(exc))
        raise typer.Exit(1) from None
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly, as cat does
        _silence_stdout()
        raise typer.Exit(reporter.failures and 1) from None
    finally:
        reporter.close()
    if reporter.failures:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("extract", no_args_is_help=True)(extract_command)
