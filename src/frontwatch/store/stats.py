"""Counts of stored events grouped by country, province, type, actor, week or month: events,
fatalities (ACLED's conservative figures) and the share of contested events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

DIMENSIONS = ("country", "admin1", "type", "sub-type", "actor", "week", "month")


@dataclass(slots=True)
class StatRow:
    key: str
    events: int = 0
    fatalities: int = 0
    contested: int = 0

    @property
    def contested_share(self) -> float:
        return self.contested / self.events if self.events else 0.0

    def to_dict(self, by: str) -> dict[str, Any]:
        return {by: self.key, "events": self.events, "fatalities": self.fatalities,
                "contested": self.contested, "contested_share": round(self.contested_share, 4)}


def key_of(row: dict[str, Any], by: str) -> str:
    """The group an event row falls in; '' when the row does not say (no date, no country)."""
    date = str(row.get("event_date") or "")
    if by == "month":
        return date[:7]
    if by == "week":
        if not date:
            return ""
        year, week, _ = dt.date.fromisoformat(date[:10]).isocalendar()
        return f"{year}-W{week:02d}"
    if by == "admin1":
        return " / ".join(x for x in (row.get("country") or "", row.get("admin1") or "") if x)
    column = {"type": "event_type", "sub-type": "sub_event_type", "actor": "actor1"}.get(by, by)
    return str(row.get(column) or "")


def group_events(rows: Iterable[dict[str, Any]], by: str) -> list[StatRow]:
    """Rows grouped by `by`; time groups in time order, the others by events (most first)."""
    if by not in DIMENSIONS:
        raise ValueError(f"--by {by!r}: choose one of {', '.join(DIMENSIONS)}")
    groups: dict[str, StatRow] = {}
    for row in rows:
        key = key_of(row, by)
        g = groups.setdefault(key, StatRow(key))
        g.events += 1
        g.fatalities += int(row.get("fatalities") or 0)
        g.contested += int(bool(row.get("contested")))
    if by in ("week", "month"):
        return sorted(groups.values(), key=lambda g: g.key)
    return sorted(groups.values(), key=lambda g: (-g.events, g.key))


def time_series(rows: Iterable[dict[str, Any]], by: str = "month"
                ) -> dict[str, dict[str, tuple[int, int]]]:
    """Event type -> period -> (events, fatalities), for the chart."""
    out: dict[str, dict[str, tuple[int, int]]] = {}
    for row in rows:
        period = key_of(row, by)
        if not period:
            continue
        per = out.setdefault(str(row.get("event_type") or ""), {})
        n, f = per.get(period, (0, 0))
        per[period] = (n + 1, f + int(row.get("fatalities") or 0))
    return out


def plot_time_series(series: dict[str, dict[str, tuple[int, int]]], path: str) -> None:
    """Events and fatalities over time by event type, stacked bars, to PNG or SVG."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as exc:
        raise RuntimeError("--plot needs matplotlib: pip install 'frontwatch[plot]'") from exc
    periods = sorted({p for per in series.values() for p in per})
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True)
    base_n = [0] * len(periods)
    base_f = [0] * len(periods)
    for event_type in sorted(series):
        per = series[event_type]
        n = [per.get(p, (0, 0))[0] for p in periods]
        f = [per.get(p, (0, 0))[1] for p in periods]
        top.bar(periods, n, bottom=base_n, label=event_type)
        bottom.bar(periods, f, bottom=base_f, label=event_type)
        base_n = [a + b for a, b in zip(base_n, n, strict=True)]
        base_f = [a + b for a, b in zip(base_f, f, strict=True)]
    top.set_ylabel("events")
    bottom.set_ylabel("fatalities")
    top.legend(fontsize=7, loc="upper left")
    bottom.tick_params(axis="x", labelrotation=60, labelsize=7)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
