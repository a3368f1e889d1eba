"""Counts computed by the database for maps and charts: events per day and type, and events
gathered into grid cells. On 100,000 events a map or a timeline must not fetch every row, so
these group in SQL, under the same `EventFilter` as every other query."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontwatch.store.backends import POSTGRES, Backend
from frontwatch.store.query import EventFilter


@dataclass(slots=True)
class PeriodTypeCount:
    period: str  # ISO date the period starts on (a Monday for weeks, the 1st for months)
    event_type: str
    events: int


PERIODS = ("day", "week", "month")


def _period_sql(by: str, db: Backend) -> str:
    if by == "month":
        return "substr(event_date, 1, 7) || '-01'"
    if by == "week":
        if db.dialect is POSTGRES:
            return "to_char(date_trunc('week', event_date::date), 'YYYY-MM-DD')"
        # SQLite's %w is 0 for Sunday; step back to the Monday of the ISO week.
        return "date(event_date, '-' || ((CAST(strftime('%w', event_date) AS INTEGER) + 6) % 7)" \
               " || ' days')"
    return "event_date"


def date_span(db: Backend) -> tuple[str, str] | None:
    """The first and last event dates in the store (two index look-ups)."""
    first = db.scalar("SELECT min(event_date) FROM events WHERE event_date <> ''")
    last = db.scalar("SELECT max(event_date) FROM events")
    return (first, last) if first and last else None


def period_type_counts(db: Backend, flt: EventFilter, by: str) -> list[PeriodTypeCount]:
    """Events per period and ACLED event type; undated events left out. Counts only: with no
    other column the (event_type, event_date) index answers it without reading rows."""
    if by not in PERIODS:
        raise ValueError(f"by {by!r}: choose one of {', '.join(PERIODS)}")
    where, params = flt.where(db)
    dated = (" AND " if where else " WHERE ") + "event_date <> ''"
    period = _period_sql(by, db)
    rows = db.query(
        f"SELECT {period} AS period, event_type, count(*) AS n FROM events" + where + dated
        + " GROUP BY 1, 2 ORDER BY 1, 2",
        params,
    )
    return [PeriodTypeCount(r["period"], r["event_type"], int(r["n"])) for r in rows]


@dataclass(slots=True)
class GridCell:
    """Located events falling in one grid cell, at their mean position, with their count per
    ACLED event type (most first)."""

    gx: int
    gy: int
    events: int
    latitude: float
    longitude: float
    types: dict[str, int] = field(default_factory=dict)


def grid_cells(db: Backend, flt: EventFilter, cell_degrees: float) -> list[GridCell]:
    """Located events counted per square grid cell of `cell_degrees` and event type. Only
    coordinates and the type are read, so the (latitude, longitude, event_type) index answers
    an unfiltered map without touching rows (migration 7)."""
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
        f"SELECT {gx} AS gx, {gy} AS gy, event_type, count(*) AS n, sum(latitude) AS lat,"
        " sum(longitude) AS lon FROM events" + where + located
        + " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3"  # the same answer from both servers
    )
    rows: list[dict[str, Any]] = db.query(sql, [cell_degrees, cell_degrees, *params])
    # Sums, not means, per type: the cell's mean position is then exact whatever the mix.
    cells: dict[tuple[int, int], tuple[GridCell, list[float]]] = {}
    for r in rows:
        key = (int(r["gx"]), int(r["gy"]))
        if key not in cells:
            cells[key] = (GridCell(key[0], key[1], 0, 0.0, 0.0), [0.0, 0.0])
        cell, sums = cells[key]
        n = int(r["n"])
        cell.events += n
        cell.types[r["event_type"]] = n
        sums[0] += float(r["lat"])
        sums[1] += float(r["lon"])
    out = []
    for cell, (lat, lon) in cells.values():
        cell.latitude, cell.longitude = lat / cell.events, lon / cell.events
        cell.types = dict(sorted(cell.types.items(), key=lambda kv: (-kv[1], kv[0])))
        out.append(cell)
    return out


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
