"""Test support for the dashboard: a small store built by ingesting fixtures, and a live
server on a free port in a thread of the test process.

The store holds: a corpus of pattern-extracted reports (August 2017, several event types,
merged and contested), a hostile article whose title, body, claimant, place and notes carry
markup and script, and, where ../shared is present, the seed article read by the real
pipeline (its US-soldiers event is contested: the US military says 2, Amaq 4).
"""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from frontwatch.pipeline import make_article
from frontwatch.store import open_store
from frontwatch.store.loader import ingest
from store_support import PatternExtractor, corpus_records

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / \
    "isis-retreat-syria-2017-08.txt"

# Every way article text could try to run: each sets window.__pwned if it ever executes.
HOSTILE_TITLE = '<script>window.__pwned="title"</script><img src=x onerror="window.__pwned=1">'
HOSTILE_TEXT = (
    "<script>window.__pwned='body'</script> Read <a href=\"javascript:window.__pwned=3\">"
    "the report</a>. <style>body{display:none !important}</style>"
    "<img src=x onerror=\"window.__pwned=4\"> "
    "On 2017-08-20 ISIS attacked SAA at Palmyra, killing 5, according to Amaq. "
    "<iframe src=\"javascript:window.__pwned=8\"></iframe><div style=\"background:url("
    "javascript:window.__pwned=9)\">x</div>"
)
HOSTILE_PLACE = '<svg onload="window.__pwned=6">Palmyra'
HOSTILE_CLAIMANT = '<img src=x onerror="window.__pwned=5">Amaq'
HOSTILE_NOTES = "<script>window.__pwned='notes'</script> clash at Palmyra"
HOSTILE_URL = "javascript:window.__pwned=7"
WRITE_TOKEN = "test-token-0123456789abcdef"


@dataclass(slots=True)
class TestStore:
    url: str
    hostile_event: str
    hostile_article: str
    seed_loaded: bool


def _hostile_result():
    article = make_article(HOSTILE_TEXT, published="2017-08-21", outlet="<b>Evil</b> Wire",
                           url=HOSTILE_URL, title=HOSTILE_TITLE)
    result = PatternExtractor().process(article)
    (event,) = result.events
    event.location = HOSTILE_PLACE
    event.notes = HOSTILE_NOTES
    event.actor2 = '<img src=x onerror="window.__pwned=10">'
    event.claims[0].claimant = HOSTILE_CLAIMANT
    return result


def build_store(path: Path | str, with_seed: bool = True) -> TestStore:
    """The test store in a SQLite file (a path) or at a database URL."""
    url = path if isinstance(path, str) else f"sqlite:///{path}"
    store = open_store(url)
    try:
        articles = [make_article(r["text"], published=r["published"], outlet=r["outlet"])
                    for r in corpus_records(40, seed=11)]
        ingest(store, articles, extractor="store_support:PatternExtractor")
        hostile = _hostile_result()
        store.add_results([hostile])
        seed_loaded = False
        if with_seed and SEED.is_file():
            from frontwatch.pipeline import Extractor

            seed = make_article(SEED.read_text("utf-8"), published="2017-08-14",
                                outlet="South Front", title="ISIS Retreat in Syria")
            store.add_results([Extractor().process(seed)])
            seed_loaded = True
        hostile_id = store.db.scalar(
            "SELECT event_id FROM claims WHERE article_id = ?", (hostile.article.id,))
    finally:
        store.close()
    return TestStore(url, hostile_id, hostile.article.id, seed_loaded)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a thread; `stop()` asks it to exit and waits."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LiveServer:
        self.thread.start()
        # Bounded wait for the socket (not a timing assertion: a server that never starts
        # fails here with a message).
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.05)
        raise RuntimeError("the test server did not start within 10 s")

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
