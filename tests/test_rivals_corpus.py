"""The rival-accounts set (corpus/rivals/) is well-formed: data checks only, no scores.

bench/rivals.py measures the merging on it; these tests keep the data honest: every file
parses, ids are unique, every rival incident is told by >= 2 articles from >= 2 opposing
sides, near misses point at incidents that exist, every synthetic article says so, and the
JSON lines match their YAML sources.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
RIVALS = ROOT / "corpus" / "rivals"
REDISTRIBUTABLE = ("MIT", "public domain", "CC BY 2.5", "CC BY IGO", "OGL v3", "CC BY-SA")
VICTIMS = {"civilians", "servicemen", "fighters", "mixed", None}
HARD_CASES = {"victims", "transliteration", "day_apart", "typed", "denial", "hedged", "quoted"}
NEAR_MISS_KINDS = {"same_place_week_later", "capture_vs_previous_day",
                   "same_city_same_day_other_district", "same_place_other_actors"}


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in
            (RIVALS / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def articles() -> dict[str, dict]:
    rows = _jsonl("articles.jsonl")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate article ids"
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def incidents() -> dict[str, dict]:
    rows = _jsonl("incidents.jsonl")
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate incident ids"
    return {r["id"]: r for r in rows}


@pytest.fixture(scope="module")
def near_misses() -> list[dict]:
    return _jsonl("near_misses.jsonl")


def test_articles_are_ingest_records(articles):
    for a in articles.values():
        assert a["text"].strip(), a["id"]
        assert a["title"] and a["outlet"], a["id"]
        dt.date.fromisoformat(a["published"])
        assert a["side"], a["id"]
        assert any(a["licence"].startswith(x) for x in REDISTRIBUTABLE), a["id"]


def test_synthetic_articles_are_marked(articles):
    for a in articles.values():
        assert isinstance(a["synthetic"], bool), a["id"]
        if a["synthetic"]:
            assert a["outlet"].startswith("synthetic:"), a["id"]
        else:  # a real text keeps where it came from
            assert a.get("source_url"), a["id"]


def test_article_texts_are_distinct(articles):
    texts = [a["text"] for a in articles.values()]
    assert len(texts) == len(set(texts)), "two articles share a text (the store would skip one)"


def test_every_rival_incident_has_two_sides(incidents, articles):
    rivals = [i for i in incidents.values() if i["kind"] == "rival"]
    for inc in rivals:
        arts = inc["articles"]
        assert len(arts) >= 2, inc["id"]
        own_sides = {articles[a]["side"] for a in arts} - {"neutral"}
        assert len(own_sides) >= 2, f"{inc['id']}: articles from one side only"
        claim_sides = {c["side"] for c in inc["claims"] if not c.get("background")}
        assert len(claim_sides) >= 2, inc["id"]


def test_rival_claims_disagree(incidents):
    """A rival incident is expected to be contested: figures differ or a side denies."""
    for inc in incidents.values():
        if inc["kind"] != "rival":
            continue
        claims = [c for c in inc["claims"] if not c.get("background")]
        figures = {c["fatalities"].lower() for c in claims if c["fatalities"]}
        assert len(figures) > 1 or any(c["denies"] for c in claims), inc["id"]


def test_claims_refer_to_articles_and_are_complete(incidents, articles):
    for inc in incidents.values():
        dt.date.fromisoformat(inc["date"])
        assert inc["places"] and all(p.strip() for p in inc["places"]), inc["id"]
        anchor = inc["anchor"]
        assert anchor["name"] and anchor["geonameid"], inc["id"]
        assert -90 <= anchor["latitude"] <= 90 and -180 <= anchor["longitude"] <= 180
        assert inc["families"], inc["id"]
        assert set(inc["hard"]) <= HARD_CASES, inc["id"]
        assert set(inc["articles"]) == {c["article"] for c in inc["claims"]}, inc["id"]
        for c in inc["claims"]:
            assert c["article"] in articles, f"{inc['id']}: unknown article {c['article']}"
            assert c["side"], inc["id"]
            assert c["place"], inc["id"]
            assert c["victims"] in VICTIMS, inc["id"]
            assert isinstance(c["denies"], bool) and isinstance(c["hedged"], bool)
            assert c["sub_event_type"], inc["id"]


def test_claimed_figures_are_in_the_text(incidents, articles):
    """A figure 'as the text states it' must be found in the article (parts split by ...)."""
    for inc in incidents.values():
        for c in inc["claims"]:
            if not c["fatalities"]:
                continue
            text = articles[c["article"]]["text"].lower()
            for part in c["fatalities"].split("..."):
                assert part.strip().lower() in text, (inc["id"], c["article"], part)


def test_near_misses_refer_to_incidents(near_misses, incidents):
    pairs = set()
    for n in near_misses:
        assert n["a"] in incidents and n["b"] in incidents, n
        assert n["a"] != n["b"], n
        assert n["kind"] in NEAR_MISS_KINDS, n
        a, b = incidents[n["a"]], incidents[n["b"]]
        # Each side of a pair has an article of its own, or a merge could not be told apart.
        assert set(a["articles"]) - set(b["articles"]), n
        assert set(b["articles"]) - set(a["articles"]), n
        pairs.add(frozenset((n["a"], n["b"])))
    assert len(pairs) == len(near_misses), "a near-miss pair is listed twice"


def test_counts(incidents, near_misses):
    rivals = [i for i in incidents.values() if i["kind"] == "rival"]
    assert len(rivals) >= 40
    assert len(near_misses) >= 20
    for case in HARD_CASES:  # each hard case several times
        assert sum(case in i["hard"] for i in rivals) >= 3, case
    assert {n["kind"] for n in near_misses} == NEAR_MISS_KINDS


def test_jsonl_matches_yaml_sources(articles, incidents, near_misses):
    """The JSON lines are built from src/*.yaml by tools/rivals_build.py (anchors aside,
    which it resolves with the gazetteer); an edit to one must reach the other."""
    src_articles, src_incidents, src_near = {}, {}, []
    for path in sorted((RIVALS / "src").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        src_articles.update({a["id"]: a for a in data["articles"]})
        src_incidents.update({i["id"]: i for i in data["incidents"]})
        src_near += data.get("near_misses", [])
    assert set(src_articles) == set(articles)
    assert set(src_incidents) == set(incidents)
    assert len(src_near) == len(near_misses)
    for aid, a in src_articles.items():
        assert articles[aid]["text"] == a["text"].strip() + "\n", aid
    for iid, i in src_incidents.items():
        assert incidents[iid]["claims"] == [{**c, "when": c.get("when")} for c in i["claims"]]
