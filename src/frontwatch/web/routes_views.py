"""GET endpoints behind the page's views: map clusters, the timeline, territorial control,
one article with its cited sentences."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from frontwatch.days import parse_day
from frontwatch.store.aggregate import date_span, period_type_counts
from frontwatch.store.articles import article_for_reading
from frontwatch.store.query import EventFilter, QueryError
from frontwatch.store.territory import control_on
from frontwatch.web.connections import ReadOnlyStores
from frontwatch.web.mapdata import map_data
from frontwatch.web.params import BadParameter, event_filter
from frontwatch.web.timeline import choose_bucket, series

router = APIRouter(prefix="/api", tags=["views"])

Filter = Annotated[EventFilter, Depends(event_filter)]


def stores(request: Request) -> ReadOnlyStores:
    return request.app.state.stores


@router.get("/stats", summary="Events per day (or week, month) and type, for the timeline")
def stats(request: Request, flt: Filter,
          by: Annotated[str, Query(pattern="^(auto|day|week|month)$",
                                   description="auto picks day, week or month by the span"
                                   )] = "auto") -> dict[str, Any]:
    with stores(request).store() as store:
        if by == "auto":
            # By the span of the whole store, not of the filter: the answer needs no scan,
            # and the timeline keeps one scale while filters change.
            by = choose_bucket(date_span(store.db))
        counts = period_type_counts(store.db, flt, by)
    return series(counts, by)


@router.get("/map", summary="Points or grid clusters of located events for a map view")
def map_view(request: Request, flt: Filter,
             zoom: Annotated[int, Query(ge=0, le=22)] = 2,
             view: Annotated[str | None, Query(max_length=200,
                                               description="Visible area W,S,E,N")] = None,
             ) -> dict[str, Any]:
    with stores(request).store() as store:
        try:
            return map_data(store.db, flt, zoom, view)
        except (ValueError, QueryError) as exc:
            raise BadParameter(f"view {view!r}: expected W,S,E,N in degrees ({exc})") from None


@router.get("/control", summary="Who controls each place on a date, since when, on what evidence")
def control(request: Request,
            date: Annotated[str | None, Query(max_length=40,
                                              description="YYYY-MM-DD; default today")] = None,
            country: Annotated[str | None, Query(max_length=200)] = None) -> dict[str, Any]:
    try:
        day = parse_day(date).isoformat() if date else dt.date.today().isoformat()
    except ValueError as exc:
        raise BadParameter(f"date {exc}") from None
    with stores(request).store() as store:
        periods = control_on(store.db, day, country=country or None)
    return {"date": day, "periods": [asdict(p) for p in periods]}


@router.get("/articles/{article_id}",
            summary="One article's text and every sentence a claim cites in it")
def get_article(request: Request, article_id: Annotated[
        str, Path(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_:.-]+$")]
                ) -> dict[str, Any]:
    with stores(request).store() as store:
        article = article_for_reading(store.db, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article
