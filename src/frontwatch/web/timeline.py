"""Events per period and type for the dashboard's timeline: days from the store, gathered into
weeks or months when a day per bar would be too many bars to see."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontwatch.store.aggregate import DayTypeCount

BUCKETS = ("auto", "day", "week", "month")
# Past this many days a bar per day is under a pixel wide on a laptop screen.
MAX_DAILY = 400
MAX_WEEKLY = 3000


def period_start(day: str, by: str) -> str:
    """The first day of the period (a Monday for weeks), so every key is a plain date."""
    d = dt.date.fromisoformat(day[:10])
    if by == "week":
        d -= dt.timedelta(days=d.weekday())
    elif by == "month":
        d = d.replace(day=1)
    return d.isoformat()


def choose_bucket(first: str, last: str) -> str:
    span = (dt.date.fromisoformat(last[:10]) - dt.date.fromisoformat(first[:10])).days
    if span <= MAX_DAILY:
        return "day"
    return "week" if span <= MAX_WEEKLY else "month"


def series(counts: list[DayTypeCount], by: str = "auto") -> dict[str, Any]:
    """{"by", "periods": [start dates], "types": [most events first], "events": {type: [n]},
    "fatalities": [per period], "total"}; periods without events are left out."""
    if by not in BUCKETS:
        raise ValueError(f"by {by!r}: choose one of {', '.join(BUCKETS)}")
    if not counts:
        return {"by": "day" if by == "auto" else by, "periods": [], "types": [], "events": {},
                "fatalities": [], "total": 0}
    if by == "auto":
        by = choose_bucket(counts[0].day, counts[-1].day)
    per: dict[str, dict[str, int]] = {}
    deaths: dict[str, int] = {}
    totals: dict[str, int] = {}
    for c in counts:
        key = period_start(c.day, by)
        row = per.setdefault(key, {})
        row[c.event_type] = row.get(c.event_type, 0) + c.events
        deaths[key] = deaths.get(key, 0) + c.fatalities
        totals[c.event_type] = totals.get(c.event_type, 0) + c.events
    periods = sorted(per)
    types = sorted(totals, key=lambda t: (-totals[t], t))
    return {
        "by": by,
        "periods": periods,
        "types": types,
        "events": {t: [per[p].get(t, 0) for p in periods] for t in types},
        "fatalities": [deaths[p] for p in periods],
        "total": sum(totals.values()),
    }
