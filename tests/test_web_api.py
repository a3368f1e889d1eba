"""The dashboard's REST API on a small store: filters, paging, errors, headers, writes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from frontwatch.web import Settings, create_app
from web_support import WRITE_TOKEN

pytest_plugins = ["web_fixtures"]  # web_store, client, live_server


def events(client, **params) -> dict:
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_events_list_has_total_and_newest_first(client):
    body = events(client, limit=5)
    assert body["total"] >= 20  # the pattern corpus's events (the seed adds some where present)
    assert len(body["events"]) == 5
    dates = [e["event_date"] for e in body["events"]]
    assert dates == sorted(dates, reverse=True)
    assert isinstance(body["events"][0]["contested"], bool)


def test_paging_walks_every_event_once(client):
    total = events(client, limit=1)["total"]
    seen = []
    for offset in range(0, total, 7):
        seen += [e["event_id_cnty"] for e in events(client, limit=7, offset=offset)["events"]]
    assert len(seen) == len(set(seen)) == total


@pytest.mark.parametrize("params", [
    {"type": "Battles"}, {"type": "armed clash"}, {"actor": "Military Forces of Syria"},
    {"country": "syria"},
    {"since": "2017-08-10", "until": "2017-08-20"}, {"contested": "true"},
    {"bbox": "38.0,34.0,39.0,35.0"}, {"q": "Palmyra"},
])
def test_filters_match_the_store(client, web_store, params):
    """The API selects what the CLI's EventFilter selects (the same store query)."""
    from frontwatch.store import EventFilter, open_store
    from frontwatch.store.query import parse_bbox

    body = events(client, limit=1000, **params)
    flt = EventFilter(
        since=params.get("since"), until=params.get("until"), event_type=params.get("type"),
        actor=params.get("actor"), country=params.get("country"),
        bbox=parse_bbox(params["bbox"]) if "bbox" in params else None,
        contested="contested" in params, text=params.get("q"))
    with open_store(web_store.url, create=False) as store:
        expected = [r["event_id_cnty"] for r in store.events(flt)]
    assert [e["event_id_cnty"] for e in body["events"]] == expected
    assert body["total"] == len(expected)
    # Every filter selects something; without ../shared (no seed) every event is in Syria.
    assert 0 < body["total"] <= events(client, limit=0)["total"]


def test_text_search_needs_every_word(client):
    both = events(client, q="Palmyra Amaq", limit=1000)["total"]
    assert both <= events(client, q="Palmyra", limit=1000)["total"]
    assert events(client, q="Palmyra zzzznotthere")["total"] == 0


@pytest.mark.parametrize("params, words", [
    ({"since": "2017-13-01"}, "since"),
    ({"until": "yesterday"}, "until"),
    ({"since": "2017-08-20", "until": "2017-08-01"}, "after"),
    ({"type": "nonsense"}, "type"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "0,80,10,10"}, "bbox"),
    ({"limit": "-1"}, "limit"),
    ({"limit": "100000"}, "limit"),
    ({"limit": "ten"}, "limit"),
    ({"offset": "-5"}, "offset"),
    ({"contested": "maybe"}, "contested"),
    ({"q": "x" * 500}, "q"),
    ({"q": " ".join("w" * 9)}, "q"),
])
def test_bad_parameters_are_422_with_a_message(client, params, words):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    assert words in r.json()["detail"]


@pytest.mark.parametrize("path", [
    "/api/stats?by=year", "/api/map?zoom=99", "/api/map?view=a,b,c,d",
    "/api/control?date=2017-02-30", "/api/events.csv?since=nope",
])
def test_bad_parameters_elsewhere_are_422(client, path):
    r = client.get(path)
    assert r.status_code == 422, r.text
    assert isinstance(r.json()["detail"], str)


def test_event_detail_has_claims_sentences_and_articles(client, web_store):
    r = client.get(f"/api/events/{web_store.hostile_event.lower()}")  # any case, as the CLI
    assert r.status_code == 200
    e = r.json()
    assert e["event_id_cnty"] == web_store.hostile_event
    claim = next(c for c in e["claims"] if c["article_id"] == web_store.hostile_article)
    assert claim["claimant"].endswith("Amaq")
    assert claim["fatalities"] == 5
    assert claim["evidence"][0]["text"].startswith("On 2017-08-20 ISIS attacked")
    assert claim["article"]["article_id"] == web_store.hostile_article


@pytest.mark.parametrize("path", ["/api/events/FW000000000000", "/api/articles/0000000000000000"])
def test_unknown_ids_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert "no " in r.json()["detail"]


def test_odd_ids_are_422_not_500(client):
    assert client.get("/api/events/%3Cscript%3E").status_code == 422
    assert client.get("/api/articles/a%20b").status_code == 422


def test_article_text_with_evidence_offsets(client, web_store):
    r = client.get(f"/api/articles/{web_store.hostile_article}")
    assert r.status_code == 200
    a = r.json()
    for ev in a["evidence"]:
        assert a["text"][ev["start"]:ev["end"]] == ev["text"]
    assert a["evidence"][0]["event_id"] == web_store.hostile_event


def test_seed_contested_event_has_both_claims(client, web_store):
    if not web_store.seed_loaded:
        pytest.skip("../shared/seed absent: the seed article is not available here")
    found = events(client, actor="United States", contested="true")["events"]
    (event,) = found
    detail = client.get(f"/api/events/{event['event_id_cnty']}").json()
    figures = {c["claimant"]: c["fatalities"] for c in detail["claims"] if c["fatalities"]}
    assert figures == {"US military": 2, "Amaq": 4}


def test_stats_counts_by_period_and_type(client):
    total = events(client, limit=0)["total"]
    for by in ("day", "week", "month", "auto"):
        s = client.get("/api/stats", params={"by": by}).json()
        assert sum(sum(v) for v in s["events"].values()) == s["total"]
        assert all(len(v) == len(s["periods"]) for v in s["events"].values())
    assert client.get("/api/stats", params={"by": "month"}).json()["periods"] == ["2017-08-01"]
    # every stored event here is dated
    assert client.get("/api/stats").json()["total"] == total
    battles = client.get("/api/stats", params={"type": "Battles"}).json()
    assert battles["types"] == ["Battles"]


def test_map_points_and_clusters_count_the_same_events(client):
    points = client.get("/api/map", params={"zoom": 8}).json()
    assert points["mode"] == "points"
    assert len(points["points"]) == points["located"] > 0
    from frontwatch.web import mapdata

    old = mapdata.POINT_LIMIT
    mapdata.POINT_LIMIT = 3  # force clusters on this small store
    try:
        cells = client.get("/api/map", params={"zoom": 2}).json()
    finally:
        mapdata.POINT_LIMIT = old
    assert cells["mode"] == "cells"
    assert sum(c[2] for c in cells["cells"]) + len(cells["points"]) == points["located"]
    # Each cluster counts its events by type, most first, and the counts add up.
    located_types = {p[3] for p in points["points"]}
    by_type: dict[str, int] = {}
    for _, _, n, mix in cells["cells"]:
        assert sum(k for _, k in mix) == n
        assert [k for _, k in mix] == sorted((k for _, k in mix), reverse=True)
        for t, k in mix:
            by_type[cells["types"][t]] = by_type.get(cells["types"][t], 0) + k
    assert set(by_type) == {points["types"][t] for t in located_types}
    for name, n in by_type.items():
        assert n == client.get("/api/map", params={"zoom": 8, "type": name}).json()["located"]


def test_map_view_limits_to_the_visible_area(client):
    everything = client.get("/api/map").json()["located"]
    nowhere = client.get("/api/map", params={"view": "-80,-50,-70,-40"}).json()["located"]
    world = client.get("/api/map", params={"view": "-400,-95,400,95"}).json()["located"]
    assert nowhere == 0 and world == everything


def test_control_on_a_date(client):
    body = client.get("/api/control", params={"date": "2017-08-31"}).json()
    assert body["date"] == "2017-08-31"
    assert body["periods"]
    assert {"location", "controller", "since", "event_id"} <= set(body["periods"][0])
    assert client.get("/api/control", params={"date": "2000-01-01"}).json()["periods"] == []


def test_csv_download_is_the_selection(client):
    n = events(client, type="Battles", limit=0)["total"]
    r = client.get("/api/events.csv", params={"type": "Battles"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == n and all(row["event_type"] == "Battles" for row in rows)
    acled = client.get("/api/events.acled.csv", params={"type": "Battles", "limit": 2})
    assert len(list(csv.DictReader(io.StringIO(acled.text)))) == 2


def test_geojson_and_jsonl_downloads(client):
    n = events(client, limit=0)["total"]
    geo = client.get("/api/events.geojson").json()
    assert geo["type"] == "FeatureCollection"
    assert 0 < len(geo["features"]) <= n
    lines = client.get("/api/events.jsonl", params={"limit": 3}).text.splitlines()
    assert len(lines) == 3 and "claims" in json.loads(lines[0])


def test_security_headers_on_page_api_and_static(client):
    for path in ("/", "/api/events?limit=1", "/static/js/app.js", "/docs"):
        r = client.get(path)
        assert r.status_code == 200, path
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"


def test_page_has_no_inline_script_or_handlers(client):
    import re

    html = client.get("/").text
    for tag in re.findall(r"<script\b[^>]*>", html):
        assert "src=" in tag, tag
    assert all(not body.strip() for body in re.findall(r"<script\b[^>]*>(.*?)</script>", html,
                                                         re.S))
    assert not re.search(r"\son[a-z]+\s*=", html)


def test_openapi_documents_the_filters(client):
    spec = client.get("/openapi.json").json()
    names = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"since", "until", "type", "actor", "country", "bbox", "contested", "q", "limit",
            "offset"} <= names
    assert "/api/articles" not in spec["paths"] or "post" not in spec["paths"]["/api/articles"]


def test_read_only_server_has_no_write_endpoint(client):
    r = client.post("/api/articles", json={"text": "On 2017-08-20 SAA shelled ISIS in Palmyra."})
    assert r.status_code in (404, 405)


def test_tile_server_is_allowed_by_the_policy(web_store):
    from fastapi.testclient import TestClient

    app = create_app(Settings(db_url=web_store.url, tiles_url="https://{s}.tiles.test/{z}/{x}/{y}.png"))
    with TestClient(app) as c:
        assert "https://*.tiles.test" in c.get("/").headers["content-security-policy"]
        assert c.get("/api/config").json()["tiles"].startswith("https://{s}.tiles.test")


@pytest.fixture()
def writable(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    from web_support import build_store

    monkeypatch.setenv("FRONTWATCH_EXTRACTOR", "store_support:PatternExtractor")
    made = build_store(tmp_path / "w.db", with_seed=False)
    with TestClient(create_app(Settings(db_url=made.url, write_token=WRITE_TOKEN))) as c:
        yield c


RECORD = {"id": "api-1", "published": "2017-08-30", "outlet": "Test Wire", "title": "Raid",
          "text": "Report. On 2017-08-29 SDF attacked ISIS at Maadan, killing 9, according to "
                  "SOHR. More words follow here."}


def test_write_needs_the_token(writable):
    assert writable.post("/api/articles", json=RECORD).status_code == 401
    wrong = {"Authorization": "Bearer not-the-token"}
    assert writable.post("/api/articles", json=RECORD, headers=wrong).status_code == 403
    basic = {"Authorization": f"Basic {WRITE_TOKEN}"}
    assert writable.post("/api/articles", json=RECORD, headers=basic).status_code == 401


def test_write_with_the_token_ingests_the_record(writable):
    auth = {"Authorization": f"Bearer {WRITE_TOKEN}"}
    before = writable.get("/api/events", params={"limit": 0}).json()["total"]
    r = writable.post("/api/articles", json=RECORD, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["status"] == "new" and r.json()["events_created"] == 1
    assert writable.get("/api/events", params={"limit": 0}).json()["total"] == before + 1
    assert writable.get(f"/api/articles/{r.json()['article_id']}").json()["title"] == "Raid"
    again = writable.post("/api/articles", json=RECORD, headers=auth)
    assert again.json()["status"] == "known"


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"id": "x"}',
                                  b'{"text": "x", "published": "soon"}'])
def test_write_rejects_bad_records_with_422(writable, body):
    auth = {"Authorization": f"Bearer {WRITE_TOKEN}", "Content-Type": "application/json"}
    r = writable.post("/api/articles", content=body, headers=auth)
    assert r.status_code == 422
    assert isinstance(r.json()["detail"], str)


def test_serve_refuses_a_missing_database_and_a_short_token(tmp_path):
    from typer.testing import CliRunner

    from frontwatch.cli import app

    runner = CliRunner()
    missing = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}"])
    assert missing.exit_code == 2 and "no such database" in missing.output
    short = runner.invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'none.db'}",
                                "--write-token", "abc"])
    assert short.exit_code == 2 and "16 characters" in short.output
    tiles = runner.invoke(app, ["serve", "--tiles", "javascript:alert(1)"])
    assert tiles.exit_code == 2 and "--tiles" in tiles.output


def test_loopback_hosts():
    from frontwatch.cli_serve import _is_loopback

    assert _is_loopback("127.0.0.1") and _is_loopback("localhost") and _is_loopback("::1")
    assert not _is_loopback("0.0.0.0") and not _is_loopback("example.org")
