"""Stored events out in every format of `frontwatch events`: table, jsonl, csv, acled-csv,
geojson, parquet. Rows come from the database as dicts; ACLED's columns and the table come
from `export.py` so `extract` and `events` print events the same way."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO, TextIO

from frontwatch.export import csv_writer, event_to_acled_row, render_table
from frontwatch.export_geo import write_events_geojson, write_events_parquet
from frontwatch.model import Count
from frontwatch.store.backends import Backend
from frontwatch.store.query import claims_of_events
from frontwatch.store.rows import claim_from_row, event_from_row, json_ready

FORMATS = ("table", "jsonl", "csv", "acled-csv", "geojson", "parquet")
# The table is for people: past this many events it says to use a file format instead.
TABLE_LIMIT = 200


def _chunks(rows: Iterable[dict[str, Any]], size: int = 1000) -> Iterator[list[dict[str, Any]]]:
    it = iter(rows)
    while chunk := list(islice(it, size)):
        yield chunk


def with_claims(db: Backend, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for chunk in _chunks(rows):
        claims = claims_of_events(db, [r["event_id_cnty"] for r in chunk])
        for r in chunk:
            out = json_ready(r)
            out["claims"] = [json_ready(c) for c in claims[r["event_id_cnty"]]]
            yield out


def write_jsonl(db: Backend, rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in with_claims(db, rows):
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


def write_csv(rows: Iterable[dict[str, Any]], out: TextIO, columns: list[str]) -> int:
    """Every column of the events table, in table order."""
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    n = 0
    for r in rows:
        writer.writerow(r)
        n += 1
    return n


def write_acled_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    writer = csv_writer(out)
    n = 0
    for r in rows:
        writer.writerow(event_to_acled_row(event_from_row(r)))
        n += 1
    return n


def write_table(db: Backend, rows: list[dict[str, Any]], console: Any) -> None:
    claims = claims_of_events(db, [r["event_id_cnty"] for r in rows])
    events = []
    for r in rows:
        e = event_from_row(r)
        e.claims = [claim_from_row(c) for c in claims[r["event_id_cnty"]]]
        for c, row in zip(e.claims, claims[r["event_id_cnty"]], strict=True):
            if c.fatalities is None and row["fatalities"] is not None:
                c.fatalities = Count(value=row["fatalities"])
        events.append(e)
    render_table(events, console)


def write_events(
    fmt: str,
    db: Backend,
    rows: Iterable[dict[str, Any]],
    text_out: TextIO,
    binary_out: BinaryIO | str | None,
    columns: list[str],
    console: Any = None,
) -> int:
    if fmt == "jsonl":
        return write_jsonl(db, rows, text_out)
    if fmt == "csv":
        return write_csv(rows, text_out, columns)
    if fmt == "acled-csv":
        return write_acled_csv(rows, text_out)
    if fmt == "geojson":
        return write_events_geojson(rows, text_out)
    if fmt == "parquet":
        assert binary_out is not None
        return write_events_parquet(rows, binary_out, columns)
    rows = list(rows)
    write_table(db, rows, console)
    return len(rows)
