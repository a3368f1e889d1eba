"""The dashboard's API over PostgreSQL answers as over SQLite (the same store built in both)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the web extra: pip install -e '.[web]'")

from frontwatch.web import Settings, create_app  # noqa: E402
from store_support import PG_URL, _pg_admin  # noqa: E402
from web_support import build_store  # noqa: E402

pytest_plugins = ["web_fixtures"]  # web_store, client

REQUESTS = [
    "/api/events?limit=500",
    "/api/events?type=battles&limit=500",
    "/api/events?actor=isis&contested=true",
    "/api/events?country=Syria&since=2017-08-10&until=2017-08-20&limit=100",
    "/api/events?q=palmyra",
    "/api/events?q=PALM%20amaq",
    "/api/events?q=ar-raqq",
    "/api/events?q=%22NEAR(%20OR%20*%20%27",
    "/api/events?q=Sukhna%22%3B%20--",
    "/api/stats?q=palm",
    "/api/events?bbox=38.5,34.5,39.0,35.0",
    "/api/events?limit=5&offset=5",
    "/api/stats",
    "/api/stats?by=week",
    "/api/map?zoom=3",
    "/api/map?zoom=9",
    "/api/control?date=2017-08-31",
]


@pytest.fixture(scope="module")
def pg_client() -> Iterator[object]:
    from fastapi.testclient import TestClient

    admin = _pg_admin()
    schema = "fw_web_" + uuid.uuid4().hex[:10]
    admin.execute(f"CREATE SCHEMA {schema}")
    try:
        sep = "&" if "?" in PG_URL else "?"
        url = f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"
        build_store(url)
        with TestClient(create_app(Settings(db_url=url))) as c:
            yield c
    finally:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()


def _normal(body: object) -> object:
    """Floats to 6 places (the servers round differently in the last digits)."""
    if isinstance(body, dict):
        return {k: _normal(v) for k, v in body.items()}
    if isinstance(body, list):
        return [_normal(v) for v in body]
    if isinstance(body, float):
        return round(body, 6)
    return body


@pytest.mark.parametrize("path", REQUESTS)
def test_postgres_answers_as_sqlite(pg_client, client, path):
    lite, pg = client.get(path), pg_client.get(path)
    assert lite.status_code == pg.status_code == 200, (lite.text, pg.text)
    assert _normal(pg.json()) == _normal(lite.json())


def test_postgres_event_detail_and_downloads(pg_client, client):
    events = client.get("/api/events?contested=true&limit=3").json()["events"]
    assert events
    for e in events:
        path = f"/api/events/{e['event_id_cnty']}"
        assert _normal(pg_client.get(path).json()) == _normal(client.get(path).json())
    for path in ("/api/events.csv?type=battles", "/api/events.geojson?contested=true"):
        assert pg_client.get(path).text == client.get(path).text


def test_postgres_clusters_as_sqlite(pg_client, client, monkeypatch):
    from frontwatch.web import mapdata

    monkeypatch.setattr(mapdata, "POINT_LIMIT", 3)  # clusters on this small store
    for path in ("/api/map?zoom=2", "/api/map?zoom=6&view=35,32,42,37", "/api/map?zoom=4&q=amaq"):
        lite, pg = client.get(path).json(), pg_client.get(path).json()
        assert lite["mode"] == "cells"
        assert _normal(pg) == _normal(lite)
