"""Dashboard benchmark: first paint and filter changes in Chromium on a 100,000-event store.

    .venv/bin/python bench/dashboard.py                 # 100k events, 5 runs of each
    .venv/bin/python bench/dashboard.py --events 20000 --runs 3 --keep /tmp/dash.db

The store is synthetic rows loaded the way bench/store.py loads them (10 countries, 8 event
types, 2012-2024), plus the seed-shaped test corpus is not needed: the figures are about the
page's queries and drawing. The server runs in this process (uvicorn in a thread); the
browser is Debian's Chromium driven by Playwright. "First paint" is navigation start to the
page saying it is ready (map, timeline, list and count drawn); a filter change is the form
change to the same state; each figure is the median of --runs, with the slowest beside it.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from frontwatch.store import open_store  # noqa: E402
from frontwatch.web import Settings, create_app  # noqa: E402
from web_support import LiveServer  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT = 60_000


def store_bench_module():
    """bench/store.py's synthetic loader, reused rather than copied."""
    spec = importlib.util.spec_from_file_location("bench_store", ROOT / "bench" / "store.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(path: Path, n: int) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        # As `frontwatch serve` does: a store kept from an older frontwatch is upgraded.
        open_store(url, create=False).close()
        return url
    store = open_store(url)
    took = store_bench_module().load_sqlite(store, n)
    store.close()
    print(f"built {n} synthetic events in {took:.1f}s: {path}")
    return url


def ready(page) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=WAIT)
    page.wait_for_selector("#map[data-state=ready]", timeout=WAIT)


def first_paint(browser, origin: str) -> float:
    context = browser.new_context(viewport={"width": 1400, "height": 850})  # a cold cache
    page = context.new_page()
    t = time.perf_counter()
    page.goto(origin + "/")
    ready(page)
    took = time.perf_counter() - t
    context.close()
    return took


def changes(browser, origin: str, runs: int
            ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Per filter: the time the driver sees (action to ready, with its polling) and the
    page's own measure (change to first frame drawn)."""
    context = browser.new_context(viewport={"width": 1400, "height": 850})
    page = context.new_page()
    page.goto(origin + "/")
    ready(page)
    out: dict[str, list[float]] = {"type": [], "dates": [], "text": [], "contested": [],
                                   "actor": [], "country": []}
    inpage: dict[str, list[float]] = {k: [] for k in out}
    last_measure = ("() => { const m = performance.getEntriesByName('fw-refresh');"
                    " return m.length ? m[m.length - 1].duration : null; }")

    def timed(name: str, action, key: str) -> None:
        t = time.perf_counter()
        action()
        page.wait_for_url(lambda url: key in urlsplit(url).query, timeout=WAIT)
        ready(page)
        out[name].append(time.perf_counter() - t)
        # The page's own measure: change to first frame drawn, without the driver's polling.
        inpage[name].append(page.evaluate(last_measure) / 1000)

    types = ["Battles", "Protests", "Riots", "Explosions/Remote violence"]
    for i in range(runs):
        kind = types[i % len(types)]
        timed("type", lambda k=kind: page.select_option("#f-type", k), "type=")
        page.select_option("#f-type", "")
        ready(page)
        year = 2014 + i
        page.fill("#f-since", f"{year}-03-01")
        timed("dates", lambda y=year: (page.fill("#f-until", f"{y}-06-30"),
                                       page.dispatch_event("#f-until", "change")), "until=")
        page.click("#f-clear")
        ready(page)
        word = ["Syria", "Actor 042", "Place 17", "Mali"][i % 4]
        timed("text", lambda w=word: (page.fill("#f-q", w), page.press("#f-q", "Enter")), "q=")
        page.click("#f-clear")
        ready(page)
        timed("contested", lambda: page.check("#f-contested"), "contested=")
        page.click("#f-clear")
        ready(page)
        name = ["Actor 042", "actor 1", "Actor 250", "Actor 7"][i % 4]
        timed("actor", lambda a=name: (page.fill("#f-actor", a), page.press("#f-actor", "Enter")),
              "actor=")
        page.click("#f-clear")
        ready(page)
        country = ["Syria", "mali", "Yemen", "Nigeria"][i % 4]
        timed("country", lambda c=country: (page.fill("#f-country", c),
                                            page.press("#f-country", "Enter")), "country=")
        page.click("#f-clear")
        ready(page)
    context.close()
    return out, inpage


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", type=Path, help="build (or reuse) the store at this path")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="fw-dash-bench-"))
    url = build(args.keep or tmp / "events.db", args.events)
    server = LiveServer(create_app(Settings(db_url=url))).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            first_paint(browser, server.origin)  # warm the server and the OS file cache
            paints = [first_paint(browser, server.origin) for _ in range(args.runs)]
            moves, inpage = changes(browser, server.origin, args.runs)
            browser.close()
    finally:
        server.stop()
    print(f"dashboard on {args.events:,} events (SQLite), Chromium headless, {args.runs} runs")
    print(f"  first paint (cold browser cache)  median {statistics.median(paints) * 1000:6.0f} ms"
          f"   slowest {max(paints) * 1000:6.0f} ms")
    for name, times in moves.items():
        own = inpage[name]
        print(f"  filter change: {name:17s}  median {statistics.median(times) * 1000:6.0f} ms"
              f"   slowest {max(times) * 1000:6.0f} ms   (in the page: median"
              f" {statistics.median(own) * 1000:4.0f} ms, slowest {max(own) * 1000:4.0f} ms)")


if __name__ == "__main__":
    main()
