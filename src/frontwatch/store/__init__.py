"""The event database: one schema on SQLite or PostgreSQL, written by ingest, read by queries.

    store = open_store("sqlite:///frontwatch.db")
    store.add_article(result)          # inside `with store.batch():`
    store.events(EventFilter(country="Syria"))
"""

from frontwatch.store.backends import DEFAULT_URL, connect
from frontwatch.store.database import EventStore, open_store
from frontwatch.store.query import EventFilter

__all__ = ["DEFAULT_URL", "EventFilter", "EventStore", "connect", "open_store"]
