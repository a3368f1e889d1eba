"""Events per period and type for the dashboard's timeline: a bar per day when the store
spans up to about a year, per week up to about eight years, else per month."""

from __future__ import annotations

import datetime as dt
from typing import Any

from frontwatch.store.aggregate import PeriodTypeCount

BUCKETS = ("auto", "day", "week", "month")
# Past this many days a bar per day is under a pixel wide on a laptop screen.
MAX_DAILY = 400
MAX_WEEKLY = 3000


def choose_bucket(span: tuple[str, str] | None) -> str:
    if span is None:
        return "day"
    first, last = (dt.date.fromisoformat(d[:10]) for d in span)
    days = (last - first).days
    if days <= MAX_DAILY:
        return "day"
    return "week" if days <= MAX_WEEKLY else "month"


def series(counts: list[PeriodTypeCount], by: str) -> dict[str, Any]:
    """{"by", "periods": [start dates], "types": [most events first], "events": {type: [n]},
    "total"}; periods without events are left out."""
    per: dict[str, dict[str, int]] = {}
    totals: dict[str, int] = {}
    for c in counts:
        per.setdefault(c.period, {})[c.event_type] = c.events
        totals[c.event_type] = totals.get(c.event_type, 0) + c.events
    periods = sorted(per)
    types = sorted(totals, key=lambda t: (-totals[t], t))
    return {
        "by": by,
        "periods": periods,
        "types": types,
        "events": {t: [per[p].get(t, 0) for p in periods] for t in types},
        "total": sum(totals.values()),
    }
