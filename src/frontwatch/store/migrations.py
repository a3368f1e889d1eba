"""Bring a database to the latest schema, one recorded migration at a time.

`schema_version` holds one row per applied migration; each migration runs in its own
transaction with its row, so an interrupted upgrade leaves the database at the last whole
version (PostgreSQL and SQLite both have transactional DDL).
"""

from __future__ import annotations

import datetime as dt

from frontwatch.errors import ConfigError
from frontwatch.store.backends import Backend
from frontwatch.store.schema import LATEST, MIGRATIONS, statements

_VERSION_TABLE = """
CREATE TABLE IF NOT EXISTS schema_version (
    version {int} PRIMARY KEY,
    description {text} NOT NULL,
    applied_at {text} NOT NULL
)
"""


def current_version(db: Backend) -> int:
    if not db.table_exists("schema_version"):
        return 0
    return int(db.scalar("SELECT coalesce(max(version), 0) FROM schema_version") or 0)


def upgrade(db: Backend) -> list[int]:
    """Apply every pending migration; return the versions applied. Processes that open one
    database at once queue on a lock (PostgreSQL's advisory lock, SQLite's write lock), so
    each migration runs once."""
    with db.schema_lock():
        return _upgrade(db)


def _upgrade(db: Backend) -> list[int]:
    db.begin()
    db.execute(_VERSION_TABLE.format(**db.dialect.types))
    db.commit()
    have = current_version(db)
    if have > LATEST:
        raise ConfigError(
            f"{db.url}: schema version {have} is newer than this frontwatch ({LATEST}); upgrade"
            " frontwatch"
        )
    applied = []
    for migration in MIGRATIONS:
        if migration.version <= have:
            continue
        db.begin()
        try:
            # Re-check inside the write transaction: another process may have just upgraded.
            if current_version(db) >= migration.version:
                db.rollback()
                continue
            for stmt in statements(migration.ddl_for(db.dialect.name), db.dialect.types):
                db.execute(stmt)
            db.execute(
                "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                (migration.version, migration.description, _now()),
            )
            db.commit()
        except Exception:
            db.rollback()
            raise
        applied.append(migration.version)
    return applied


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
