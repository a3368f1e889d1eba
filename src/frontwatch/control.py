"""Territorial control timeline: who holds each place since when, from territory events.

ACLED codes a change of hands as one of three sub-event types, each with the actor that gains
the place as actor1: "Government regains territory", "Non-state actor overtakes territory",
"Non-violent transfer of territory". Each such event starts a control period for its place
that lasts until the next one there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontwatch.merge import TERRITORY_SUB_EVENTS


@dataclass(slots=True)
class ControlPeriod:
    """`controller` holds `location` from `since` (until the next period, if any)."""

    place_key: str
    location: str
    country: str
    admin1: str
    latitude: float | None
    longitude: float | None
    controller: str
    since: str
    time_precision: int
    event_id: str
    sub_event_type: str
    previous: str = ""  # who held it before, as the event or the previous period says
    until: str | None = None
    contested: bool = False
    evidence: list[str] = field(default_factory=list)


def place_key(row: dict[str, Any]) -> str:
    if row.get("geonameid"):
        return f"gn:{row['geonameid']}"
    return f"{(row.get('location') or '').strip().lower()}|{(row.get('country') or '').lower()}"


def timeline(rows: list[dict[str, Any]]) -> dict[str, list[ControlPeriod]]:
    """Control periods per place from territory events (any order; sorted here)."""
    periods: dict[str, list[ControlPeriod]] = {}
    ordered = sorted(
        # a capture placed nowhere finer than its country says who holds no place
        (r for r in rows if r["sub_event_type"] in TERRITORY_SUB_EVENTS and r.get("actor1")
         and (r.get("location") or r.get("geonameid"))),
        key=lambda r: (r["event_date"], r["event_id_cnty"]),
    )
    for r in ordered:
        key = place_key(r)
        history = periods.setdefault(key, [])
        before = history[-1] if history else None
        if before is not None and before.controller == r["actor1"]:
            # The same side reported taking a place it already held: more evidence, no change.
            before.evidence.extend(r.get("evidence", []))
            continue
        if before is not None:
            before.until = r["event_date"]
        history.append(
            ControlPeriod(
                place_key=key,
                location=r.get("location") or "",
                country=r.get("country") or "",
                admin1=r.get("admin1") or "",
                latitude=r.get("latitude"),
                longitude=r.get("longitude"),
                controller=r["actor1"],
                since=r["event_date"],
                time_precision=r.get("time_precision") or 1,
                event_id=r["event_id_cnty"],
                sub_event_type=r["sub_event_type"],
                previous=r.get("actor2") or (before.controller if before else ""),
                contested=bool(r.get("contested")),
                evidence=list(r.get("evidence", [])),
            )
        )
    return periods


def control_at(rows: list[dict[str, Any]], date: str) -> list[ControlPeriod]:
    """Who controls each place on `date` (ISO), by the latest change on or before it."""
    current = []
    for history in timeline([r for r in rows if r["event_date"] <= date]).values():
        last = history[-1]
        last.until = None
        current.append(last)
    return sorted(current, key=lambda p: (p.country, p.location, p.place_key))
