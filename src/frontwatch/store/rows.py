"""Database rows back to `model.py` records (the merge rules work on records, not rows)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from frontwatch.model import Article, Claim, Count, Event


def event_from_row(row: dict[str, Any]) -> Event:
    return Event(
        event_date=row["event_date"],
        time_precision=row["time_precision"],
        disorder_type=row["disorder_type"],
        event_type=row["event_type"],
        sub_event_type=row["sub_event_type"],
        actor1=row["actor1"],
        assoc_actor_1=row["assoc_actor_1"],
        inter1=row["inter1"],
        actor2=row["actor2"],
        assoc_actor_2=row["assoc_actor_2"],
        inter2=row["inter2"],
        interaction=row["interaction"],
        civilian_targeting=row["civilian_targeting"],
        country=row["country"],
        admin1=row["admin1"],
        admin2=row["admin2"],
        location=row["location"],
        latitude=row["latitude"],
        longitude=row["longitude"],
        geo_precision=row["geo_precision"],
        fatalities=row["fatalities"],
        notes=row["notes"],
        source=row["source"],
        article_id=row["first_article_id"],
        injuries=row["injuries"],
        contested=bool(row["contested"]),
        confidence=row["confidence"] if row["confidence"] is not None else 0.5,
        geonameid=row["geonameid"],
        event_id=row["event_id_cnty"],
    )


def count_from_row(row: dict[str, Any]) -> Count | None:
    if (
        row["fatalities_value"] is None
        and row["fatalities_low"] is None
        and not row["fatalities_quantifier"]
    ):
        return None
    return Count(
        value=row["fatalities_value"],
        low=row["fatalities_low"],
        high=row["fatalities_high"],
        quantifier=row["fatalities_quantifier"],
        approximate=bool(row["fatalities_approximate"]),
    )


def claim_from_row(row: dict[str, Any]) -> Claim:
    return Claim(
        claimant=row["claimant"],
        claimant_kind=row["claimant_kind"],
        fatalities=count_from_row(row),
        injuries=Count(value=row["injuries"]) if row["injuries"] is not None else None,
        hedged=bool(row["hedged"]),
        denies=bool(row.get("denies", 0)),
        updates=bool(row.get("updates", 0)),
        article_id=row["article_id"],
        outlet=row["outlet"],
    )


# Columns stored as 0/1 integers (both backends) and as JSON text, given back to JSON readers
# as true/false and as lists, the way `frontwatch extract -f json` prints them.
_FLAG_COLUMNS = ("contested", "hedged", "denies", "updates", "fatalities_approximate")
_JSON_COLUMNS = ("materiel",)


def json_ready(row: dict[str, Any]) -> dict[str, Any]:
    """A copy of an events, claims or mentions row with flags as bools and JSON text decoded."""
    out = dict(row)
    for col in _FLAG_COLUMNS:
        if col in out and out[col] is not None:
            out[col] = bool(out[col])
    for col in _JSON_COLUMNS:
        if col in out:
            out[col] = json.loads(out[col] or "[]")
    return out


def article_from_row(row: dict[str, Any]) -> Article:
    """The article as it was read, from its stored row (for re-extraction)."""
    published = dt.date.fromisoformat(row["published"]) if row["published"] else None
    return Article(
        id=row["article_id"],
        text=row["text"],
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=published,
        source_path=row["source_path"],
        source_id=row.get("source_id"),
    )
