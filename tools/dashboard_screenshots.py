"""Screenshots of the dashboard's main views for docs/ (PNG), taken in Debian's Chromium.

    .venv/bin/python tools/dashboard_screenshots.py                  # the tests' small store
    .venv/bin/python tools/dashboard_screenshots.py --big /tmp/dash.db   # also clusters on a
                                                                     # bench/dashboard.py store

The small store is the one the browser tests build (tests/web_support.py): pattern-extracted
reports, a hostile article, and the seed article from ../shared when present.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from frontwatch.web import Settings, create_app  # noqa: E402
from web_support import LiveServer, build_store  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
WAIT = 60_000


def shoot(browser, origin: str, path: str, out: Path, detail: bool = False) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 860})
    page.goto(origin + path)
    page.wait_for_selector("body[data-state=ready]", timeout=WAIT)
    if detail:
        page.wait_for_selector("#detail[data-state=ready]", timeout=WAIT)
    page.wait_for_timeout(600)  # the basemap's provinces arrive after the events
    page.screenshot(path=str(out))
    page.close()
    print(f"wrote {out.relative_to(ROOT)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--big", type=Path, help="a 100k-event store from bench/dashboard.py --keep")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    small = build_store(Path(tempfile.mkdtemp(prefix="fw-shots-")) / "events.db")
    contested = "?actor=United+States&contested=true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        server = LiveServer(create_app(Settings(db_url=small.url))).start()
        try:
            shoot(browser, server.origin, "/", ROOT / "docs" / "dashboard-map.png")
            import httpx

            found = httpx.get(server.origin + "/api/events" + contested).json()["events"]
            if found:
                shoot(browser, server.origin, f"/?event={found[0]['event_id_cnty']}",
                      ROOT / "docs" / "dashboard-event.png", detail=True)
            shoot(browser, server.origin, "/?control=2017-08-31&view=37.5,34.0,40.5,36.6",
                  ROOT / "docs" / "dashboard-control.png")
        finally:
            server.stop()
        if args.big:
            server = LiveServer(create_app(Settings(db_url=f"sqlite:///{args.big}"))).start()
            try:
                shoot(browser, server.origin, "/?since=2016-01-01&until=2016-12-31",
                      ROOT / "docs" / "dashboard-100k.png")
            finally:
                server.stop()
        browser.close()


if __name__ == "__main__":
    main()
