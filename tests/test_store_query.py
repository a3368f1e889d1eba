"""Queries and exports of stored events, and the territorial control timeline."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.export import ACLED_COLUMNS
from frontwatch.store import EventFilter
from store_support import result_of

pytest_plugins = ["store_fixtures"]  # the store, db_url and backend fixtures

REPORTS = [
    ("On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7.", "South Front"),
    ("Amaq: On 2017-08-12 ISIS attacked SAA at Sukhna, killing 32, according to Amaq.", "Amaq"),
    ("On 2017-08-05 SAA shelled ISIS in Maadan.", "SANA"),
    ("On 2017-08-01 ISIS captured Sukhna from SAA, killing 3.", "Amaq"),
    ("On 2017-08-13 SAA recaptured Sukhna from ISIS.", "SANA"),
    ("On 2017-08-20 SDF took over Ghanim Ali.", "SOHR"),
    ("On 2017-08-25 Tribal fighters attacked SDF at Palmyra.", "SOHR"),
]


@pytest.fixture
def filled(store):
    # Published a day apart, in this order: the canonical order of their reports.
    store.add_results([result_of(t, o, published=f"2017-08-{21 + k}")
                       for k, (t, o) in enumerate(REPORTS)])
    return store


def test_filters(filled):
    s = filled
    assert s.count() == 6
    assert s.count(EventFilter(since="2017-08-12", until="2017-08-13")) == 2
    assert s.count(EventFilter(event_type="Battles")) == 4
    assert s.count(EventFilter(event_type="Government regains territory")) == 1
    assert s.count(EventFilter(actor="sdf: syrian democratic forces")) == 2
    assert s.count(EventFilter(country="Syria")) == 6 and s.count(EventFilter(country="Iraq")) == 0
    assert s.count(EventFilter(bbox=(38.5, 34.7, 39.0, 35.0))) == 3  # around Sukhna
    [c] = s.events(EventFilter(contested=True))
    assert c["location"] == "Sukhna" and c["fatalities"] == 7
    page = s.events(EventFilter(limit=2, offset=1))
    assert [r["event_date"] for r in page] == ["2017-08-20", "2017-08-13"]
    assert [r["event_id_cnty"] for r in s.iter_events(EventFilter())] == [
        r["event_id_cnty"] for r in s.events()
    ]


def test_filters_forgive_case_and_take_part_of_an_actor_name(filled):
    s = filled
    # Stored as "SDF: Syrian Democratic Forces": what people type finds it.
    assert s.count(EventFilter(actor="SDF")) == 2
    assert s.count(EventFilter(actor="syrian DEMOCRATIC")) == 2
    # LIKE wildcards in the text are matched literally, not as wildcards.
    assert s.count(EventFilter(actor="%")) == 0 and s.count(EventFilter(actor="_")) == 0
    assert s.count(EventFilter(country="syria")) == 6
    assert s.count(EventFilter(event_type="battles")) == 4
    assert s.count(EventFilter(event_type="GOVERNMENT REGAINS TERRITORY")) == 1


def test_bad_date_names_its_option(filled, db_url):
    bad = cli(["events", "--db", db_url, "--until", "2019-13-01"])
    assert bad.returncode == 2
    assert bad.stderr.decode().strip() == \
        "error: --until '2019-13-01' is no such day (month must be in 1..12)"


class Ran:
    """The real CLI run in this process (typer's runner): exit code, stdout and stderr bytes."""

    def __init__(self, args: list[str]) -> None:
        result = CliRunner().invoke(app, args)
        self.returncode = result.exit_code
        self.stdout = result.stdout_bytes
        self.stderr = result.stderr_bytes or b""
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception


def cli(args: list[str]) -> Ran:
    return Ran(args)


def test_exports(filled, db_url, tmp_path):
    acled = cli(["events", "--db", db_url, "--format", "acled-csv"])
    assert acled.returncode == 0, acled.stderr
    rows = list(csv.DictReader(io.StringIO(acled.stdout.decode())))
    assert tuple(rows[0].keys()) == ACLED_COLUMNS and len(rows) == 6
    assert {r["iso"] for r in rows} == {"760"}

    gj = cli(["events", "--db", db_url, "--format", "geojson", "--contested"])
    doc = json.loads(gj.stdout)
    assert doc["type"] == "FeatureCollection" and len(doc["features"]) == 1
    feature = doc["features"][0]
    assert feature["geometry"] == {"type": "Point", "coordinates": [38.8689, 34.8858]}
    assert feature["properties"]["contested"] is True

    out = tmp_path / "events.parquet"
    pq_run = cli(["events", "--db", db_url, "--format", "parquet", "-o", str(out)])
    assert pq_run.returncode == 0, pq_run.stderr
    table = pq.read_table(out)
    assert table.num_rows == 6 and "event_id_cnty" in table.column_names

    jl = cli(["events", "--db", db_url, "--format", "jsonl", "--type", "Battles"])
    lines = [json.loads(x) for x in jl.stdout.decode().splitlines()]
    sukhna = next(e for e in lines if e["contested"])
    assert all(c["fatalities_approximate"] in (True, False) for c in sukhna["claims"])
    assert [c["claimant"] for c in sukhna["claims"]] == [None, "Amaq"]
    assert sukhna["claims"][1]["evidence"][0].startswith("On 2017-08-12")

    table_run = cli(["events", "--db", db_url, "--since", "2017-08-12"])
    assert table_run.returncode == 0 and b"Sukhna" in table_run.stdout
    bad = cli(["events", "--db", db_url, "--bbox", "1,2,3"])
    assert bad.returncode == 2 and b"W,S,E,N" in bad.stderr and b"Traceback" not in bad.stderr


def test_event_explains_claims_and_merge(filled, db_url):
    [e] = filled.events(EventFilter(contested=True))
    shown = cli(["event", e["event_id_cnty"], "--db", db_url])
    text = shown.stdout.decode()
    assert shown.returncode == 0, shown.stderr
    assert "Amaq" in text and "same GeoNames id 900001" in text and "32" in text
    as_json = json.loads(cli(["event", e["event_id_cnty"], "--db", db_url, "--json"]).stdout)
    assert len(as_json["claims"]) == 2 and as_json["changes"][0]["field"] == "created"
    # Flags are JSON booleans and materiel a list, as in `events -f jsonl` and `extract -f json`.
    assert as_json["contested"] is True and isinstance(as_json["materiel"], list)
    for claim in as_json["claims"]:
        assert claim["hedged"] is False and claim["fatalities_approximate"] in (True, False)
        assert isinstance(claim["materiel"], list)
    assert all(m["hedged"] in (True, False) for m in as_json["mentions"])
    missing = cli(["event", "FWNOPE", "--db", db_url])
    assert missing.returncode == 1 and b"no event" in missing.stderr


def test_control_timeline(filled, db_url):
    from frontwatch.store.territory import control_on

    early = {p.location: p for p in control_on(filled.db, "2017-08-10")}
    assert early["Sukhna"].controller == "Islamic State (Syria)"
    assert early["Sukhna"].since == "2017-08-01"
    late = {p.location: p for p in control_on(filled.db, "2017-08-31")}
    assert late["Sukhna"].controller == "Military Forces of Syria (2000-)"
    assert late["Sukhna"].previous == "Islamic State (Syria)"
    assert "recaptured Sukhna" in late["Sukhna"].evidence[0]
    assert late["Ghanim Ali"].controller == "SDF: Syrian Democratic Forces"
    gj = cli(["control", "--db", db_url, "--date", "2017-08-31", "--format", "geojson"])
    doc = json.loads(gj.stdout)
    assert {f["properties"]["location"] for f in doc["features"]} == {"Sukhna", "Ghanim Ali"}
    table = cli(["control", "--db", db_url, "--date", "2017-08-31"])
    assert table.returncode == 0 and b"Sukhna" in table.stdout


def test_reading_a_missing_sqlite_file_is_an_error_and_creates_nothing(tmp_path):
    typo = tmp_path / "typo.db"
    result = cli(["events", "--db", f"sqlite:///{typo}", "--count"])
    assert result.returncode == 2
    assert f"no such database ({typo})" in result.stderr.decode()
    assert not typo.exists()


def test_types_and_actors_as_people_type_them(filled):
    from frontwatch.store.query import QueryError, actor_names

    s = filled
    assert s.count(EventFilter(event_type="regains territory")) == 1  # a word of the sub-type
    assert s.count(EventFilter(event_type="  battles ")) == 4
    with pytest.raises(QueryError, match="no ACLED event or sub-event type"):
        s.count(EventFilter(event_type="skirmish"))
    # an abbreviation from the actor catalogue finds the canonical name
    assert actor_names("rsf") == ["rsf", "Rapid Support Forces"]
    assert s.count(EventFilter(actor="isis")) == s.count(EventFilter(actor="Islamic State"))


def test_control_country_forgives_case(filled):
    from frontwatch.store.territory import control_on

    assert control_on(filled.db, "2017-08-31", country="syria") == \
        control_on(filled.db, "2017-08-31", country="Syria") != []


def test_stats_by_country_month_and_a_chart(filled, db_url, tmp_path):
    by_country = cli(["stats", "--db", db_url, "--by", "country", "-f", "json"])
    assert by_country.returncode == 0, by_country.stderr
    [syria] = json.loads(by_country.stdout)
    assert syria["country"] == "Syria" and syria["events"] == 6
    assert syria["contested"] == 1 and syria["contested_share"] == round(1 / 6, 4)
    months = json.loads(cli(["stats", "--db", db_url, "--by", "month", "-f", "json"]).stdout)
    assert [m["month"] for m in months] == sorted(m["month"] for m in months)
    assert sum(m["events"] for m in months) == 6
    assert sum(m["fatalities"] for m in months) == syria["fatalities"]
    as_csv = cli(["stats", "--db", db_url, "--by", "type", "-f", "csv"]).stdout.decode()
    assert as_csv.splitlines()[0] == "type,events,fatalities,contested,contested_share"
    chart = tmp_path / "chart.png"
    drawn = cli(["stats", "--db", db_url, "--by", "week", "--plot", str(chart)])
    assert drawn.returncode == 0, drawn.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    bad = cli(["stats", "--db", db_url, "--by", "planet"])
    assert bad.returncode == 2 and "--by 'planet'" in bad.stderr.decode()


def test_a_capture_placed_only_in_its_country_holds_no_place():
    from frontwatch.control import control_at

    def row(event_id: str, location: str, geonameid: int | None) -> dict:
        return {"event_id_cnty": event_id, "event_date": "2017-08-02", "location": location,
                "country": "Syria", "geonameid": geonameid, "actor1": "Islamic State (Syria)",
                "sub_event_type": "Non-state actor overtakes territory"}

    held = control_at([row("FW1", "Sukhna", 900001), row("FW2", "", None)], "2017-08-31")
    assert [p.location for p in held] == ["Sukhna"]
