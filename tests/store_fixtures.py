"""Pytest fixtures for the store tests (loaded with `pytest_plugins = ["store_fixtures"]`):
every store test runs on SQLite and on PostgreSQL (skipped with a message when no server)."""

from __future__ import annotations

import pytest

from store_support import new_db_url


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request) -> str:
    return request.param


@pytest.fixture
def db_url(request, tmp_path, backend) -> str:
    return new_db_url(request, tmp_path, backend)


@pytest.fixture
def store(db_url):
    from frontwatch.store import open_store

    s = open_store(db_url)
    yield s
    s.close()
