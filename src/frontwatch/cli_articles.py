"""`frontwatch articles`: stored articles listed, shown with their events, deleted, re-extracted."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import typer

from frontwatch.cli_store import DbOption, _date, _fail, _open
from frontwatch.errors import FrontwatchError

app = typer.Typer(help="Stored articles: list, show, delete, re-extract.", no_args_is_help=True)

_LIST_FIELDS = ("article_id", "source_id", "published", "outlet", "title", "n_events",
                "duplicate_of", "url", "source_path")


@app.command("list")
def list_cmd(
    db: str | None = DbOption,
    since: str | None = typer.Option(None, "--since", help="Published on or after (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Published on or before."),
    outlet: str | None = typer.Option(None, "--outlet", help="Run by this outlet (any case)."),
    q: str | None = typer.Option(None, "--q", help="Words in the title or text."),
    copies: bool = typer.Option(True, "--copies/--no-copies", help="Include syndicated copies."),
    limit: int | None = typer.Option(None, "--limit", min=1, help="At most this many."),
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many first."),
    count: bool = typer.Option(False, "--count", help="Print only how many match."),
    fmt: str = typer.Option("table", "--format", "-f", help="table | csv | jsonl"),
) -> None:
    """Stored articles in order of ingestion.

    Example: frontwatch articles list --db sqlite:///syria.db --outlet VOA --since 2024-01-01
    """
    from frontwatch.store.articles import ArticleFilter, count_articles, list_articles

    if fmt not in ("table", "csv", "jsonl"):
        _fail(f"--format {fmt!r}: choose table, csv or jsonl")
    flt = ArticleFilter(since=_date(since, "--since"), until=_date(until, "--until"),
                        outlet=outlet, q=q, copies=copies, limit=limit, offset=offset)
    store = _open(db)
    try:
        if count:
            typer.echo(count_articles(store.db, flt))
            return
        rows = list_articles(store.db, flt)
    finally:
        store.close()
    if fmt == "jsonl":
        for r in rows:
            typer.echo(json.dumps({k: r[k] for k in _LIST_FIELDS}, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(_LIST_FIELDS), extrasaction="ignore",
                                lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(rows)} articles")
        # Ids and dates are copied into other commands: never wrapped or cut. Columns no
        # article fills are left out so the title keeps room on a narrow terminal.
        cols: list[tuple[str, str, dict[str, Any]]] = [
            ("id", "article_id", {"no_wrap": True}),
            ("input id", "source_id", {"overflow": "fold", "max_width": 16}),
            ("published", "published", {"no_wrap": True}),
            ("outlet", "outlet", {"min_width": 8}),
            ("title", "title", {"ratio": 1, "min_width": 12}),
            ("events", "n_events", {"justify": "right", "no_wrap": True}),
            ("copy of", "duplicate_of", {"no_wrap": True}),
        ]
        cols = [c for c in cols if c[1] in ("article_id", "title", "n_events")
                or any(r[c[1]] for r in rows)]
        for name, _, style in cols:
            table.add_column(name, **style)
        for r in rows:
            cells = []
            for _, key, _ in cols:
                value = r[key]
                if key == "title":
                    value = _short(r["title"] or r["source_path"] or r["url"])
                cells.append("" if value is None else str(value))
            table.add_row(*cells)
        Console().print(table)


def _short(text: str | None, width: int = 60) -> str:
    text = (text or "").replace("\n", " ")
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command("show")
def show(
    article_id: str = typer.Argument(..., help="Article id, a prefix of 6+ digits, or input id."),
    db: str | None = DbOption,
    text: bool = typer.Option(False, "--text", help="Also print the article's text."),
    as_json: bool = typer.Option(False, "--json", help="As JSON."),
) -> None:
    """One stored article: where it came from, who ran it, the events it told.

    Example: frontwatch articles show 3f2a9c --db sqlite:///syria.db
    """
    from frontwatch.store.articles import article_detail

    store = _open(db)
    try:
        detail = article_detail(store.db, article_id)
    except FrontwatchError as exc:
        _fail(f"{exc} in {store.url}", code=1)
    finally:
        store.close()
    a = detail.article
    if as_json:
        out: dict[str, Any] = {k: v for k, v in a.items() if k != "text" or text}
        out.update(outlets=detail.outlets, copies=detail.copies, events=detail.events)
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2, default=str))
        return
    lines = [
        f"article {a['article_id']}" + (f"  (input id {a['source_id']})" if a["source_id"] else ""),
        f"  title:      {a['title'] or ''}",
        f"  published:  {a['published'] or ''}",
        f"  outlet:     {a['outlet'] or ''}",
        f"  url:        {a['url'] or ''}",
        f"  file:       {a['source_path'] or ''}",
        f"  stored:     {a['ingested_at']} (#{a['ingest_seq']}), {a['n_chars']} characters",
    ]
    if a["duplicate_of"]:
        lines.append(f"  a copy of {a['duplicate_of']} (similarity {a['similarity']:.2f});"
                     " its events are those of the first copy")
    runs = [f"{o['outlet'] or '?'} ({o['copy_id']})" for o in detail.outlets]
    if runs:
        lines.append("  run by:     " + "; ".join(runs))
    lines.append(f"  events:     {len(detail.events)}")
    for ev in detail.events:
        mark = " contested" if ev["contested"] else ""
        lines.append(
            f"    {ev['event_id_cnty']}  {ev['event_date']}  {ev['sub_event_type']}  "
            f"{ev['actor1']}{' vs ' + ev['actor2'] if ev['actor2'] else ''}  "
            f"{ev['location']}  fatalities {ev['fatalities']}{mark}"
            f"  ({ev['n_articles']} articles)"
        )
        for c in ev["claims"]:
            who = c["claimant"] or c["outlet"] or "report"
            toll = "" if c["fatalities"] is None else f": {c['fatalities']} killed"
            lines.append(f"        claim by {who}{toll}{' (denies)' if c['denies'] else ''}")
    typer.echo("\n".join(lines))
    if text:
        typer.echo("\n" + a["text"])


@app.command("delete")
def delete(
    article_ids: list[str] = typer.Argument(..., help="Article ids (or 6+ digit prefixes)."),
    db: str | None = DbOption,
    with_copies: bool = typer.Option(
        False, "--with-copies", help="Also delete stored copies of a first copy."
    ),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask."),
) -> None:
    """Delete articles: their claims leave the events they supported, which are recounted;
    an event with no claim left is deleted.

    Example: frontwatch articles delete 3f2a9c1b0d4e5f67 --db sqlite:///syria.db --yes
    """
    from frontwatch.store.articles import delete_article

    store = _open(db)
    try:
        if not yes and sys.stdin.isatty():
            typer.confirm(f"Delete {len(article_ids)} article(s) from {store.url}?", abort=True)
        failed = 0
        for given in article_ids:
            try:
                with store.batch():
                    done = delete_article(store.writer, given, with_copies=with_copies)
            except FrontwatchError as exc:
                failed += 1
                typer.echo(f"error: {given}: {exc}", err=True)
                continue
            typer.echo(done.summary(), err=True)
    finally:
        store.close()
    if failed:
        raise typer.Exit(1)


@app.command("reextract")
def reextract_cmd(
    article_ids: list[str] = typer.Argument(None, help="Article ids; none with --all."),
    db: str | None = DbOption,
    all_articles: bool = typer.Option(False, "--all", help="Every stored article."),
    engine: str | None = typer.Option(None, "--engine", help="model (the default) or rules."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Extraction worker processes."),
) -> None:
    """Extract stored articles again with the current extractor and replace what they told.

    Example: frontwatch articles reextract --all --db sqlite:///syria.db --jobs 2
    """
    from frontwatch.pipeline import ENGINES, extractor_spec
    from frontwatch.store.reextract import reextract

    if engine is not None and engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if bool(article_ids) == all_articles:
        _fail("give article ids or --all (not both)")
    store = _open(db)
    errors: list[str] = []

    def on_error(message: str) -> None:
        errors.append(message)
        typer.echo(f"error: {message}", err=True)

    try:
        report = reextract(store, None if all_articles else list(article_ids),
                           extractor=extractor_spec(engine), jobs=jobs, on_error=on_error)
    except FrontwatchError as exc:
        _fail(str(exc), code=1)
    finally:
        store.close()
    typer.echo(report.summary(), err=True)
    if report.failed:
        raise typer.Exit(1)


def register(main: typer.Typer) -> None:
    main.add_typer(app, name="articles")
