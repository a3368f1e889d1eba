"""Counts computed by the database for maps and charts: events per day and type, and events
gathered into grid cells. On 100,000 events a map or a timeline must not fetch every row, so
these group in SQL, under the same `EventFilter` as every other query."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from frontwatch.store.backends import POSTGRES, Backend
from frontwatch.store.query import EventFilter


@dataclass(slots=True)
class DayTypeCount:
    day: str  # ISO date
    event_type: str
    events: int
    fatalities: int


def day_type_counts(db: Backend, flt: EventFilter) -> list[DayTypeCount]:
    """Events and fatalities per day and ACLED event type; undated events left out."""
    where, params = flt.where(db)
    dated = (" AND " if where else " WHERE ") + "event_date <> ''"
    rows = db.query(
        "SELECT event_date, event_type, count(*) AS n, coalesce(sum(fatalities), 0) AS f"
        " FROM events" + where + dated + " GROUP BY event_date, event_type"
        " ORDER BY event_date, event_type",
        params,
    )
    return [DayTypeCount(r["event_date"], r["event_type"], int(r["n"]), int(r["f"]))
            for r in rows]


@dataclass(slots=True)
class GridCell:
    """Events of one type falling in one grid cell; `event_id` is set when there is one."""

    gx: int
    gy: int
    event_type: str
    events: int
    latitude: float  # mean of the cell's events
    longitude: float
    fatalities: int
    contested: int
    event_id: str | None


def located_count(db: Backend, flt: EventFilter) -> int:
    where, params = flt.where(db)
    located = (" AND " if where else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    return int(db.scalar("SELECT count(*) FROM events" + where + located, params))


def grid_cells(db: Backend, flt: EventFilter, cell_degrees: float) -> list[GridCell]:
    """Located events grouped by a square grid of `cell_degrees`, and by event type within a
    cell (so the map can colour a cluster by what is in it)."""
    if cell_degrees <= 0:
        raise ValueError("cell_degrees must be positive")
    where, params = flt.where(db)
    located = (" AND " if where else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    # Shifted to be non-negative so truncation is floor on both servers; PostgreSQL rounds
    # on a cast, so it floors explicitly.
    if db.dialect is POSTGRES:
        gx, gy = "floor((longitude + 180) / ?)", "floor((latitude + 90) / ?)"
    else:
        gx, gy = "CAST((longitude + 180) / ? AS INTEGER)", "CAST((latitude + 90) / ? AS INTEGER)"
    sql = (
        f"SELECT {gx} AS gx, {gy} AS gy, event_type, count(*) AS n, avg(latitude) AS lat,"
        " avg(longitude) AS lon, coalesce(sum(fatalities), 0) AS f,"
        " coalesce(sum(contested), 0) AS c, min(event_id_cnty) AS first_id"
        " FROM events" + where + located + " GROUP BY 1, 2, 3"
    )
    rows: list[dict[str, Any]] = db.query(sql, [cell_degrees, cell_degrees, *params])
    return [
        GridCell(int(r["gx"]), int(r["gy"]), r["event_type"], int(r["n"]), float(r["lat"]),
                 float(r["lon"]), int(r["f"]), int(r["c"]),
                 r["first_id"] if int(r["n"]) == 1 else None)
        for r in rows
    ]


def located_points(db: Backend, flt: EventFilter, limit: int) -> list[dict[str, Any]]:
    """The few columns a map marker needs, for at most `limit` located events (newest first)."""
    where, params = flt.where(db)
    located = (" AND " if where else " WHERE ") + "latitude IS NOT NULL AND longitude IS NOT NULL"
    return db.query(
        "SELECT event_id_cnty, event_date, event_type, sub_event_type, location, latitude,"
        " longitude, fatalities, contested FROM events" + where + located
        + " ORDER BY event_date DESC, event_id_cnty LIMIT ?",
        [*params, limit],
    )
