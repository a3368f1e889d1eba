"""Fixtures shared by the dashboard tests: one test store per session (ingesting fixtures),
a TestClient over it, and a live server for the browser tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytest.importorskip("fastapi", reason="the dashboard needs the web extra: pip install -e '.[web]'")

from frontwatch.web import Settings, create_app  # noqa: E402
from web_support import LiveServer, TestStore, build_store  # noqa: E402


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> TestStore:
    return build_store(tmp_path_factory.mktemp("web") / "events.db")


@pytest.fixture(scope="session")
def client(web_store: TestStore) -> Iterator[object]:
    from fastapi.testclient import TestClient

    with TestClient(create_app(Settings(db_url=web_store.url))) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(web_store: TestStore) -> Iterator[LiveServer]:
    server = LiveServer(create_app(Settings(db_url=web_store.url))).start()
    yield server
    server.stop()
