"""GET endpoints for events: a page of them, one with its claims, and downloads of a
selection in the formats of `frontwatch events`."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import StreamingResponse

from frontwatch.export_store import write_events
from frontwatch.store.explain import event_json
from frontwatch.store.query import EventFilter
from frontwatch.store.rows import json_ready
from frontwatch.web.connections import ReadOnlyStores
from frontwatch.web.params import PAGE_DEFAULT, PAGE_MAX, event_filter, paged

router = APIRouter(prefix="/api", tags=["events"])

Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=0, le=PAGE_MAX, description=f"At most {PAGE_MAX}.")]
Offset = Annotated[int, Query(ge=0, le=2**62, description="Skip this many (newest first).")]
EventId = Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$",
                              description="event_id_cnty, any case")]
# A download is a whole selection; past this the CLI (`frontwatch events -o`) is the tool.
EXPORT_MAX = 1_000_000

# format -> (media type, file suffix)
DOWNLOADS = {
    "csv": ("text/csv; charset=utf-8", "csv"),
    "acled-csv": ("text/csv; charset=utf-8", "acled.csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


def stores(request: Request) -> ReadOnlyStores:
    return request.app.state.stores


@router.get("/events", summary="A page of events, newest first, with the total matching")
def list_events(request: Request, flt: Filter, limit: Limit = PAGE_DEFAULT,
                offset: Offset = 0) -> dict[str, Any]:
    with stores(request).store() as store:
        total = store.count(flt)
        rows = store.events(paged(flt, limit, offset))
    return {"events": [json_ready(r) for r in rows], "total": total, "limit": limit,
            "offset": offset}


def _download(request: Request, flt: EventFilter, fmt: str, limit: int | None,
              offset: int) -> StreamingResponse:
    media, suffix = DOWNLOADS[fmt]
    flt.limit, flt.offset = limit, offset
    # Written to a spooled file inside this thread (SQLite connections stay in theirs), then
    # streamed: small selections never touch the disk.
    out: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115 - closed by _chunks
        max_size=8 << 20, mode="w+", encoding="utf-8", newline="")
    with stores(request).store() as store:
        columns = store.db.columns("events")
        write_events(fmt, store.db, store.iter_events(flt), out, None, columns)
    out.seek(0)
    return StreamingResponse(
        _chunks(out), media_type=media,
        headers={"Content-Disposition": f'attachment; filename="events.{suffix}"'})


def _chunks(fh: IO[str], size: int = 1 << 16) -> Iterator[bytes]:
    try:
        while chunk := fh.read(size):
            yield chunk.encode("utf-8")
    finally:
        fh.close()


DownloadLimit = Annotated[int | None, Query(ge=0, le=EXPORT_MAX,
                                            description=f"At most {EXPORT_MAX}.")]


@router.get("/events.csv", summary="The selection as CSV: every column of the events table")
def download_csv(request: Request, flt: Filter, limit: DownloadLimit = None,
                 offset: Offset = 0) -> StreamingResponse:
    return _download(request, flt, "csv", limit if limit is not None else EXPORT_MAX, offset)


@router.get("/events.acled.csv", summary="The selection as ACLED's 31 columns")
def download_acled(request: Request, flt: Filter, limit: DownloadLimit = None,
                   offset: Offset = 0) -> StreamingResponse:
    return _download(request, flt, "acled-csv", limit if limit is not None else EXPORT_MAX,
                     offset)


@router.get("/events.geojson", summary="The selection's located events as GeoJSON points")
def download_geojson(request: Request, flt: Filter, limit: DownloadLimit = None,
                     offset: Offset = 0) -> StreamingResponse:
    return _download(request, flt, "geojson", limit if limit is not None else EXPORT_MAX,
                     offset)


@router.get("/events.jsonl", summary="The selection as JSON lines, each event with its claims")
def download_jsonl(request: Request, flt: Filter, limit: DownloadLimit = None,
                   offset: Offset = 0) -> StreamingResponse:
    return _download(request, flt, "jsonl", limit if limit is not None else EXPORT_MAX, offset)


@router.get("/events/{event_id}",
            summary="One event with every claim: claimant, figures, sentences, article")
def get_event(request: Request, event_id: EventId) -> dict[str, Any]:
    with stores(request).store() as store:
        detail = store.event(event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return event_json(detail)
