"""Query parameters shared by the API's list endpoints: the filters of `frontwatch events`,
parsed into the store's own `EventFilter` so the API and the CLI select the same events."""

from __future__ import annotations

from typing import Annotated

from fastapi import HTTPException, Query

from frontwatch.days import parse_day
from frontwatch.store.query import EventFilter, QueryError, parse_bbox

# Long search strings become many LIKE clauses; nobody types more than this into a filter.
MAX_TEXT = 200
MAX_WORDS = 8
PAGE_DEFAULT = 100
PAGE_MAX = 1000


class BadParameter(HTTPException):
    """A 422 whose detail is one sentence naming the parameter and what it should be."""

    def __init__(self, message: str) -> None:
        super().__init__(status_code=422, detail=message)


def event_filter(
    since: Annotated[str | None, Query(description="From this date, YYYY-MM-DD.",
                                       max_length=40)] = None,
    until: Annotated[str | None, Query(description="Up to this date, inclusive.",
                                       max_length=40)] = None,
    type: Annotated[str | None, Query(  # noqa: A002 - the CLI's option is --type
        description="ACLED event type or sub-event type, any case, e.g. Battles.",
        max_length=MAX_TEXT)] = None,
    actor: Annotated[str | None, Query(
        description="Part of actor 1, 2 or an associated actor, any case, e.g. SDF.",
        max_length=MAX_TEXT)] = None,
    country: Annotated[str | None, Query(description="Country name, any case.",
                                         max_length=MAX_TEXT)] = None,
    bbox: Annotated[str | None, Query(description="W,S,E,N in degrees.",
                                      max_length=100)] = None,
    contested: Annotated[bool, Query(description="Only events whose claims disagree.")] = False,
    q: Annotated[str | None, Query(
        description="Words found in the notes, places, actors or sources (all must appear).",
        max_length=MAX_TEXT)] = None,
) -> EventFilter:
    """The filter as the store reads it; a value the store rejects is a 422, not a 500."""
    # Empty form fields arrive as "": they mean "no filter", as an absent parameter does.
    since, until, type, actor, country, bbox, q = (
        (v.strip() or None) if isinstance(v, str) else v
        for v in (since, until, type, actor, country, bbox, q)
    )
    if q is not None and len(q.split()) > MAX_WORDS:
        raise BadParameter(f"q: at most {MAX_WORDS} words")
    try:
        flt = EventFilter(
            since=since, until=until, event_type=type, actor=actor, country=country,
            bbox=parse_bbox(bbox) if bbox else None, contested=contested, text=q,
        )
        flt.where()  # validates dates and types now, before any query runs
    except QueryError as exc:
        # The store words its messages for the CLI ("--since ..."); the API's names have no
        # dashes.
        raise BadParameter(str(exc).removeprefix("--")) from None
    if flt.since and flt.until and parse_day(flt.since) > parse_day(flt.until):
        raise BadParameter(f"since {since} is after until {until}")
    return flt


def paged(flt: EventFilter, limit: int, offset: int) -> EventFilter:
    flt.limit = limit
    flt.offset = offset
    return flt
