"""The dashboard in a real browser (Debian's Chromium driven by Playwright) against a live
server on a small store: loading, filters, brushing, the claim panel, hostile text, offline.

Chromium must be there: `make test` installs it. Without it these tests fail, they do not
skip, so CI cannot pass without having run them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

pytest_plugins = ["web_fixtures"]  # web_store, client, live_server

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
WAIT = 20_000  # ms: upper bound for a page to settle, never a timing assertion


def chromium_path() -> str:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and shutil.which(candidate):
            return candidate
    pytest.fail("Chromium not found: the dashboard's browser tests need Debian's chromium "
                "(apt-get install -y chromium; `make test` does this)", pytrace=False)
    raise AssertionError  # unreachable: pytest.fail raises


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: pip install -e '.[dev]'", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Watched:
    """A page with every request, page error and dialog recorded."""

    def __init__(self, browser, origin: str) -> None:
        self.origin = origin
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

        def on_dialog(dialog) -> None:
            self.dialogs.append(dialog.message)
            dialog.dismiss()

        self.page.on("dialog", on_dialog)

    def open(self, path: str = "/") -> object:
        self.page.goto(self.origin + path)
        self.page.wait_for_selector("body[data-state=ready]", timeout=WAIT)
        return self.page

    def query(self) -> dict[str, list[str]]:
        return parse_qs(urlsplit(self.page.url).query)

    def map_attr(self, name: str) -> str:
        return self.page.get_attribute("#map", f"data-{name}")

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser, live_server) -> Iterator[Watched]:
    w = Watched(browser, live_server.origin)
    yield w
    w.close()


def api(live_server, path: str, **params) -> dict:
    return httpx.get(live_server.origin + path, params=params).json()


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-state=ready]", timeout=WAIT)
    page.wait_for_selector("#map[data-state=ready]", timeout=WAIT)


def test_page_loads_with_events_and_nothing_from_outside(watched, live_server):
    page = watched.open("/")
    total = api(live_server, "/api/events", limit=0)["total"]
    assert page.get_attribute("#total", "data-total") == str(total)
    assert int(watched.map_attr("points")) == api(live_server, "/api/map")["located"] > 0
    assert page.locator("#event-list li").count() == min(total, 50)
    assert int(page.get_attribute("#timeline", "data-periods")) > 0
    page.wait_for_selector(".leaflet-pane canvas, .leaflet-overlay-pane path", state="attached",
                           timeout=WAIT)
    page.goto(live_server.origin + "/docs")
    page.wait_for_selector(".opblock", timeout=WAIT)
    outside = [u for u in watched.requests if not u.startswith(live_server.origin)
               and not u.startswith("data:")]
    assert outside == []
    assert watched.errors == []


def test_a_filter_changes_the_markers_and_the_url(watched, live_server):
    page = watched.open("/")
    before = int(watched.map_attr("points"))
    page.select_option("#f-type", "Explosions/Remote violence")
    page.wait_for_url(lambda url: "type=" in urlsplit(url).query, timeout=WAIT)
    wait_ready(page)
    expected = api(live_server, "/api/map", type="Explosions/Remote violence")["located"]
    assert watched.query()["type"] == ["Explosions/Remote violence"]
    assert int(watched.map_attr("points")) == expected < before
    # Back to where we were: the URL is the state.
    page.go_back()
    page.wait_for_url(lambda url: "type=" not in urlsplit(url).query, timeout=WAIT)
    wait_ready(page)
    assert int(watched.map_attr("points")) == before


def test_a_permalink_restores_the_filters(watched, live_server):
    page = watched.open("/?type=Battles&contested=true&q=Sukhna")
    assert page.input_value("#f-type") == "Battles"
    assert page.is_checked("#f-contested")
    assert page.input_value("#f-q") == "Sukhna"
    total = api(live_server, "/api/events", type="Battles", contested="true", q="Sukhna",
                limit=0)["total"]
    assert page.get_attribute("#total", "data-total") == str(total)


def test_a_permalink_with_a_view_settles_every_time(watched):
    """Fitting the map to the link's view asks for the map again and aborts the first answer,
    sometimes while its body is being read: that abort must not be drawn as an empty answer
    (it was, in about two loads of three: "data.cells is not iterable")."""
    page = watched.page
    for _ in range(5):
        page.goto(watched.origin + "/?control=2017-08-31&view=37.5,34.0,40.5,36.6")
        page.wait_for_selector("body[data-state=ready], body[data-state=error]", timeout=WAIT)
        assert page.get_attribute("body", "data-state") == "ready", page.inner_text("#error")
        wait_ready(page)
    assert watched.errors == []


def test_the_timeline_brush_filters_the_map(watched, live_server):
    page = watched.open("/")
    everything = int(watched.map_attr("points"))
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.15, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.30, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)
    page.mouse.up()
    page.wait_for_url(lambda url: "since=" in urlsplit(url).query, timeout=WAIT)
    wait_ready(page)
    q = watched.query()
    since, until = q["since"][0], q["until"][0]
    assert since < until
    assert page.input_value("#f-since") == since and page.input_value("#f-until") == until
    expected = api(live_server, "/api/map", since=since, until=until)["located"]
    assert int(watched.map_attr("points")) == expected
    assert 0 < expected < everything
    page.dblclick("#timeline")
    page.wait_for_url(lambda url: "since=" not in urlsplit(url).query, timeout=WAIT)
    wait_ready(page)
    assert int(watched.map_attr("points")) == everything


def test_the_timeline_bar_size_can_be_chosen(watched, live_server):
    page = watched.open("/")
    auto = api(live_server, "/api/stats")
    assert page.input_value("#timeline-by") == auto["by"]
    assert int(page.get_attribute("#timeline", "data-periods")) == len(auto["periods"])
    page.select_option("#timeline-by", "week")
    page.wait_for_url(lambda url: "by=week" in urlsplit(url).query, timeout=WAIT)
    page.wait_for_selector("#timeline[data-by=week]", timeout=WAIT)
    weeks = api(live_server, "/api/stats", by="week")["periods"]
    assert int(page.get_attribute("#timeline", "data-periods")) == len(weeks) < len(
        auto["periods"])
    page.reload()  # a permalink keeps it
    page.wait_for_selector("#timeline[data-by=week]", timeout=WAIT)
    assert page.input_value("#timeline-by") == "week"
    assert watched.errors == []


def test_the_claim_panel_shows_the_seed_contested_event(watched, live_server, web_store):
    if not web_store.seed_loaded:
        pytest.skip("../shared/seed absent: the seed article is not available here")
    (event,) = api(live_server, "/api/events", actor="United States", contested="true")["events"]
    eid = event["event_id_cnty"]
    page = watched.open(f"/?event={eid}")
    page.wait_for_selector("#detail[data-state=ready]", timeout=WAIT)
    assert page.is_visible("#contested-flag")
    cards = page.locator(".claim")
    figures = {cards.nth(i).locator(".claimant").inner_text():
               cards.nth(i).locator(".fatalities").inner_text() for i in range(cards.count())}
    assert figures["US military"] == "2" and figures["Amaq"] == "4"
    # Each claim's sentence is highlighted in the article text.
    marked = " ".join(page.locator("mark.this-event").all_inner_texts())
    detail = api(live_server, f"/api/events/{eid}")
    for claim in detail["claims"]:
        for ev in claim["evidence"]:
            assert ev["text"] in marked
    assert watched.query()["event"] == [eid]


def test_clicking_an_event_in_the_list_opens_it(watched):
    page = watched.open("/")
    first = page.locator("#event-list li").first
    eid = first.get_attribute("data-id")
    first.click()
    page.wait_for_selector("#detail[data-state=ready]", timeout=WAIT)
    assert page.get_attribute(".event-head", "data-id") == eid
    assert watched.query()["event"] == [eid]
    page.click("#detail-close")
    assert page.is_visible("#event-list")
    assert "event" not in watched.query()


def test_hostile_article_renders_as_text_and_runs_nothing(watched, web_store):
    from web_support import HOSTILE_CLAIMANT, HOSTILE_PLACE, HOSTILE_TITLE

    page = watched.open(f"/?q=Palmyra&event={web_store.hostile_event}")
    page.wait_for_selector("#detail[data-state=ready]", timeout=WAIT)
    page.wait_for_selector(".article-text", timeout=WAIT)
    page.wait_for_timeout(300)  # let any injected handler (onerror, onload) fire if it could
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watched.dialogs == []
    detail = page.inner_text("#detail")
    assert HOSTILE_CLAIMANT in detail and HOSTILE_PLACE in detail and HOSTILE_TITLE in detail
    assert "<script>window.__pwned='body'</script>" in page.inner_text(".article-text")
    assert HOSTILE_PLACE in page.inner_text("#event-list")
    # No element came from the data: no iframes, images, styles or scripts beyond the page's.
    injected = "#side iframe, #side img, #side script, #side style, #side svg"
    assert page.locator(injected).count() == 0
    assert page.locator("script:not([src])").count() == 0
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    assert all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert page.is_visible("body")  # the article's CSS did not hide the page
    assert watched.errors == []


def test_the_control_layer_follows_its_date(watched, live_server):
    page = watched.open("/")
    page.fill("#control-date", "2017-08-31")
    page.check("#control-on")
    page.wait_for_selector("#map[data-control]", state="attached", timeout=WAIT)
    periods = api(live_server, "/api/control", date="2017-08-31")["periods"]
    assert int(watched.map_attr("control")) == len([p for p in periods if p["latitude"]])
    assert watched.query()["control"] == ["2017-08-31"]



def _type_colours() -> dict[str, str]:
    """The page's colour per event type (static/js/colors.js), as computed styles say them."""
    from frontwatch.web.app import STATIC

    text = (STATIC / "js" / "colors.js").read_text("utf-8")
    out = {}
    for name, hexa in re.findall(r'"([^"]+)": "#([0-9a-f]{6})"', text):
        out[name] = "rgb({}, {}, {})".format(*(int(hexa[i:i + 2], 16) for i in (0, 2, 4)))
    return out


def test_clusters_are_coloured_by_their_types(watched, monkeypatch):
    from frontwatch.web import mapdata

    # Clusters on this small store: the server runs in this process, so it sees the change.
    monkeypatch.setattr(mapdata, "POINT_LIMIT", 3)
    answers = []
    watched.page.on("response", lambda r: answers.append(r) if "/api/map" in r.url else None)
    page = watched.open("/?view=30,25,50,45")
    wait_ready(page)
    assert watched.map_attr("mode") == "cells"
    data = answers[-1].json()
    colours = _type_colours()
    clusters = page.locator(".cluster")
    assert clusters.count() == len(data["cells"]) == int(watched.map_attr("cells")) > 0
    drawn: dict[tuple[int, str], list[str]] = {}
    for i in range(clusters.count()):
        ring = clusters.nth(i)
        key = int(ring.get_attribute("data-events")), ring.get_attribute("data-dominant")
        drawn.setdefault(key, []).append(
            ring.evaluate("el => getComputedStyle(el).backgroundImage"))
    for _, _, n, mix in data["cells"]:
        dominant = data["types"][mix[0][0]]
        # A ring of the cluster's types, the most frequent first, in the legend's colours.
        assert any(b.startswith("conic-gradient(" + colours[dominant])
                   and all(colours[data["types"][t]] in b for t, _ in mix)
                   for b in drawn[n, dominant]), (mix, drawn[n, dominant])
    assert watched.errors == []
