"""CLI commands over the event database: ingest, events, event, split-event, join-events,
control, db upgrade."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import typer

from frontwatch.errors import ConfigError, FrontwatchError

DB_HELP = "Database URL: sqlite:///path.db (default sqlite:///frontwatch.db) or postgresql://..."
DbOption = typer.Option(None, "--db", help=DB_HELP, envvar="FRONTWATCH_DB", show_envvar=True)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    from frontwatch.days import parse_day

    try:
        return parse_day(value)
    except ValueError as exc:
        _fail(f"{option} {exc}")
    return None


def _open(db: str | None, create: bool = False):
    """The store; only a writer (ingest) may create it."""
    from frontwatch.store import open_store

    try:
        return open_store(db, create=create)
    except ConfigError as exc:
        _fail(str(exc))


def ingest(
    paths: list[str] = typer.Argument(..., help="Files, directories or - (stdin)."),
    db: str | None = DbOption,
    published: str | None = typer.Option(
        None, "--published", help="Publication date (YYYY-MM-DD) for inputs that carry none."
    ),
    outlet: str | None = typer.Option(None, "--outlet", help="Outlet name for every input."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extraction worker processes."),
    batch_size: int = typer.Option(
        16, "--batch-size", min=1, help="Articles per committed transaction."
    ),
    progress: bool = typer.Option(
        True, "--progress/--no-progress", help="Progress on stderr (only on a terminal)."
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One stderr line per commit."),
    engine: str | None = typer.Option(
        None, "--engine", help="model (the learned coder finds events; the default) or rules."
    ),
) -> None:
    """Extract events from articles and store them, merging reports of the same incident.

    Example: frontwatch ingest news/ --db sqlite:///syria.db --published 2017-08-14 --jobs 2
    """
    from frontwatch.ingest import read_paths
    from frontwatch.pipeline import ENGINES, extractor_spec
    from frontwatch.store.loader import ingest as run_ingest

    if engine is not None and engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")

    when = _date(published, "--published")
    store = _open(db, create=True)
    errors: list[str] = []

    def on_error(message: str) -> None:
        errors.append(message)
        # The same "error: path: reason" line as `frontwatch extract`.
        typer.echo(f"error: {message}", err=True)

    bar = None
    if progress and sys.stderr.isatty() and not verbose:
        from rich.console import Console

        from frontwatch.cli_extract import progress_bar
        from frontwatch.ingest.paths import count_articles

        total = count_articles(list(paths))
        bar = progress_bar(Console(stderr=True), total)
        task = bar.add_task("ingesting", total=total)
        bar.start()
    last: list = []  # the latest committed report, for a summary if the run is interrupted

    def on_commit(report) -> None:
        last[:] = [report]
        if bar is not None:
            bar.update(task, completed=report.read)
        if verbose:
            # report.read runs a batch ahead (the next batch is read while this one is
            # written), so count the articles this commit has settled.
            done = report.new + report.copies + report.known + report.failed
            typer.echo(f"committed batch {report.batches}: {done} articles done", err=True)

    try:
        report = run_ingest(
            store,
            read_paths(list(paths), published=when, outlet=outlet),
            jobs=jobs,
            batch_size=batch_size,
            extractor=extractor_spec(engine),
            on_error=on_error,
            on_commit=on_commit,
        )
    except FrontwatchError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        if bar is not None:
            bar.stop()
            bar = None
        done = last[0] if last else None
        stored = f"{done.new + done.copies} articles stored" if done else "nothing stored yet"
        typer.echo(f"interrupted: {stored}, every batch committed; run the same command again "
                   "to go on (stored articles are skipped)", err=True)
        raise typer.Exit(130) from None
    finally:
        if bar is not None:
            bar.stop()
        store.close()
    typer.echo(report.summary(), err=True)
    if report.errors:
        raise typer.Exit(1)


def events(
    db: str | None = DbOption,
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    event_type: str | None = typer.Option(
        None, "--type", help="ACLED event type or sub-event type, any case, e.g. Battles."
    ),
    actor: str | None = typer.Option(
        None, "--actor",
        help="Actor 1, 2 or an associated actor; part of the name, any case, e.g. SDF.",
    ),
    country: str | None = typer.Option(
        None, "--country", help="Country name, any case, e.g. Syria."
    ),
    bbox: str | None = typer.Option(None, "--bbox", help="W,S,E,N in degrees."),
    contested: bool = typer.Option(False, "--contested", help="Only events whose claims disagree."),
    q: str | None = typer.Option(
        None, "--q", help="Words, each starting a word of the notes, places, actors or sources "
        "(all must appear), e.g. 'Raqq SDF'."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many events."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many (newest first)."),
    fmt: str = typer.Option(
        "table", "--format", "-f", help="table | jsonl | csv | acled-csv | geojson | parquet"
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to a file."),
    count: bool = typer.Option(False, "--count", help="Print only the number of events."),
) -> None:
    """Query stored events, newest first.

    Example: frontwatch events --country Syria --since 2017-08-01 --format acled-csv -o out.csv
    """
    from rich.console import Console

    from frontwatch.export_store import FORMATS, TABLE_LIMIT, write_events
    from frontwatch.store import EventFilter
    from frontwatch.store.query import QueryError, parse_bbox

    if fmt not in FORMATS:
        _fail(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "parquet" and output is None and sys.stdout.isatty():
        _fail("--format parquet writes binary: give --output FILE.parquet or redirect stdout")
    try:
        flt = EventFilter(
            since=since, until=until, event_type=event_type, actor=actor, country=country,
            bbox=parse_bbox(bbox) if bbox else None, contested=contested, text=q,
            limit=limit, offset=offset,
        )
        flt.where()  # validates dates
    except QueryError as exc:
        _fail(str(exc))
    store = _open(db)
    try:
        if count:
            typer.echo(store.count(flt))
            return
        if fmt == "table":
            if flt.limit is None:
                flt.limit = TABLE_LIMIT
            total = store.count(flt)
            rows = store.events(flt)
            write_events(fmt, store.db, rows, sys.stdout, None, [], Console())
            if total > len(rows) + flt.offset:
                typer.echo(
                    f"{len(rows)} of {total} events shown; use --limit/--offset or a file format.",
                    err=True,
                )
            return
        columns = store.db.columns("events")
        rows_iter = store.iter_events(flt)
        if fmt == "parquet":
            target = str(output) if output else sys.stdout.buffer
            n = write_events(fmt, store.db, rows_iter, sys.stdout, target, columns)
        elif output is not None:
            with open(output, "w", encoding="utf-8", newline="") as fh:
                n = write_events(fmt, store.db, rows_iter, fh, None, columns)
        else:
            n = write_events(fmt, store.db, rows_iter, sys.stdout, None, columns)
        if output is not None:
            typer.echo(f"{n} events written to {output}", err=True)
    finally:
        store.close()


def event(
    event_id: str = typer.Argument(..., help="Event id (event_id_cnty), e.g. FW1A2B3C4D5E6F."),
    db: str | None = DbOption,
    as_json: bool = typer.Option(False, "--json", help="The event, claims and history as JSON."),
) -> None:
    """One event: its columns, every claim side by side with its sentence, why reports merged.

    Example: frontwatch event FW1A2B3C4D5E6F --db sqlite:///syria.db
    """
    from rich.console import Console

    from frontwatch.store.explain import event_json, print_event

    store = _open(db)
    try:
        detail = store.event(event_id)
        if detail is None:
            _fail(f"no event {event_id!r} in {store.url}", code=1)
        if as_json:
            import json

            typer.echo(json.dumps(event_json(detail), ensure_ascii=False, indent=2))
        else:
            print_event(detail, Console())
    finally:
        store.close()


def split_event(
    event_id: str = typer.Argument(..., help="The event to split, e.g. FW1A2B3C4D5E6F."),
    articles: list[str] = typer.Option(
        ..., "--article", "-a", help="An article whose reports leave the event (id or 6+ "
        "character prefix, as `frontwatch event` shows); repeat for several."
    ),
    db: str | None = DbOption,
) -> None:
    """Take an article's reports out of an event the merge rule got wrong. They stay apart
    from the event's other reports in every later regroup; `join-events` undoes it.

    Example: frontwatch split-event FW1A2B3C4D5E6F --article 3f2a9c1b --db sqlite:///syria.db
    """
    from frontwatch.store.split import split_event as run

    _regroup_command(db, lambda writer: run(writer, event_id, list(articles)))


def join_events(
    event_ids: list[str] = typer.Argument(..., help="Two or more events a split keeps apart."),
    db: str | None = DbOption,
) -> None:
    """Undo a split: the events' reports may merge again, as the merge rule decides.

    Example: frontwatch join-events FW1A2B3C4D5E6F FW6F5E4D3C2B1A --db sqlite:///syria.db
    """
    from frontwatch.store.split import join_events as run

    _regroup_command(db, lambda writer: run(writer, list(event_ids)))


def _regroup_command(db: str | None, action) -> None:
    store = _open(db)
    try:
        with store.batch():
            done = action(store.writer)
    except FrontwatchError as exc:
        _fail(str(exc), code=1)
    finally:
        store.close()
    typer.echo(done.summary())


def control(
    db: str | None = DbOption,
    date: str | None = typer.Option(None, "--date", help="On this date (default: today)."),
    country: str | None = typer.Option(None, "--country", help="Only places in this country."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | geojson"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to a file."),
) -> None:
    """Who controls each place on a date, since when, on what evidence.

    Example: frontwatch control --db sqlite:///syria.db --date 2017-08-31 --format geojson
    """
    from rich.console import Console

    from frontwatch.export_geo import write_control_geojson
    from frontwatch.store.explain import print_control
    from frontwatch.store.territory import control_on

    if fmt not in ("table", "geojson"):
        _fail(f"--format {fmt!r}: choose table or geojson")
    day = _date(date, "--date") or dt.date.today()
    store = _open(db)
    try:
        periods = control_on(store.db, day.isoformat(), country=country)
    finally:
        store.close()
    if fmt == "geojson":
        if output is not None:
            with open(output, "w", encoding="utf-8") as fh:
                write_control_geojson(periods, fh)
        else:
            write_control_geojson(periods, sys.stdout)
        return
    print_control(periods, day.isoformat(), Console())


def upgrade(db: str | None = DbOption) -> None:
    """Apply pending schema migrations (opening a database also does this).

    Example: frontwatch db upgrade --db postgresql://postgres@127.0.0.1:5432/frontwatch
    """
    from frontwatch.store.backends import connect
    from frontwatch.store.migrations import current_version
    from frontwatch.store.migrations import upgrade as run_upgrade
    from frontwatch.store.schema import LATEST

    try:
        backend = connect(db)
        applied = run_upgrade(backend)
        version = current_version(backend)
        backend.close()
    except ConfigError as exc:
        _fail(str(exc))
    if applied:
        typer.echo(f"applied migrations {', '.join(map(str, applied))}; schema version {version}")
    else:
        typer.echo(f"schema already at version {version} (latest {LATEST})")


def stats(
    db: str | None = DbOption,
    by: str = typer.Option(
        "country", "--by", help="country | admin1 | type | sub-type | actor | week | month"
    ),
    since: str | None = typer.Option(None, "--since", help="From this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    event_type: str | None = typer.Option(None, "--type", help="As `events --type`."),
    actor: str | None = typer.Option(None, "--actor", help="As `events --actor`."),
    country: str | None = typer.Option(None, "--country", help="Country name, any case."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | json"),
    plot: Path | None = typer.Option(
        None, "--plot", help="Also draw events and fatalities over time by type (.png or .svg)."
    ),
) -> None:
    """Events, fatalities and the contested share, grouped.

    Example: frontwatch stats --db sqlite:///syria.db --by month --plot syria.png
    """
    import csv
    import json

    from frontwatch.store import EventFilter
    from frontwatch.store.query import QueryError
    from frontwatch.store.stats import DIMENSIONS, group_events, plot_time_series, time_series

    if by not in DIMENSIONS:
        _fail(f"--by {by!r}: choose one of {', '.join(DIMENSIONS)}")
    if fmt not in ("table", "csv", "json"):
        _fail(f"--format {fmt!r}: choose table, csv or json")
    if plot is not None and plot.suffix.lower() not in (".png", ".svg"):
        _fail(f"--plot {plot}: give a .png or .svg file")
    try:
        flt = EventFilter(since=since, until=until, event_type=event_type, actor=actor,
                          country=country)
        flt.where()
    except QueryError as exc:
        _fail(str(exc))
    store = _open(db)
    try:
        rows = list(store.iter_events(flt))
    finally:
        store.close()
    groups = group_events(rows, by)
    records = [g.to_dict(by) for g in groups]
    if fmt == "json":
        typer.echo(json.dumps(records, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=[by, "events", "fatalities", "contested",
                                                        "contested_share"])
        writer.writeheader()
        writer.writerows(records)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} events by {by}")
        for col in (by, "events", "fatalities", "contested %"):
            table.add_column(col, justify="left" if col == by else "right")
        for g in groups:
            table.add_row(g.key or "(none)", str(g.events), str(g.fatalities),
                          f"{100 * g.contested_share:.0f}")
        Console().print(table)
    if plot is not None:
        try:
            plot_time_series(time_series(rows, "week" if by == "week" else "month"), str(plot))
        except RuntimeError as exc:
            _fail(str(exc))
        typer.echo(f"chart written to {plot}", err=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("ingest")(ingest)
    app.command("events")(events)
    app.command("stats")(stats)
    app.command("event")(event)
    app.command("split-event")(split_event)
    app.command("join-events")(join_events)
    app.command("control")(control)
    db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
    db_app.command("upgrade")(upgrade)
    app.add_typer(db_app, name="db")

