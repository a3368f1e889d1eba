"""The one-line real news set (corpus/snippets/) is well-formed: data checks only, no scores.

bench/snippets.py measures the extractor on it; these tests keep the data honest: every line
parses with the agreed fields, ids are unique, licences are among the redistributable ones,
sub-types are ACLED's (frontwatch.model.SUB_EVENT_TO_TYPE), and no item is an article already
in corpus/real.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from frontwatch.model import SUB_EVENT_TO_TYPE

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "corpus" / "snippets" / "snippets.jsonl"
FIELDS = {"id", "text", "kind", "sub_event_types", "place", "fatalities", "url", "outlet",
          "license", "license_check", "published", "retrieved", "excerpt"}
KINDS = {"headline", "lede", "brief"}
LICENSES = {"public domain (US government work)", "CC BY 2.5", "CC BY IGO", "OGL v3"}
OUTLET_LICENSE = {"VOA": "public domain (US government work)", "Wikinews": "CC BY 2.5",
                  "OCHA": "CC BY IGO", "gov.uk": "OGL v3"}


@pytest.fixture(scope="module")
def items() -> list[dict]:
    return [json.loads(line) for line in SNIPPETS.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def test_fields_and_types(items):
    assert len(items) >= 150
    for it in items:
        assert set(it) == FIELDS, it.get("id")
        assert re.fullmatch(r"snp-\d{3}", it["id"]), it["id"]
        assert it["text"].strip() == it["text"] and it["text"], it["id"]
        assert "\n" not in it["text"], it["id"]
        assert it["kind"] in KINDS, it["id"]
        assert isinstance(it["sub_event_types"], list), it["id"]
        assert isinstance(it["place"], str), it["id"]
        assert it["fatalities"] is None or (isinstance(it["fatalities"], int)
                                            and it["fatalities"] >= 0), it["id"]
        assert it["url"].startswith(("http://", "https://")), it["id"]
        assert it["license_check"].strip(), it["id"]
        if it["published"]:
            dt.date.fromisoformat(it["published"])
        dt.date.fromisoformat(it["retrieved"])
        assert it["excerpt"] is True, it["id"]


def test_ids_and_texts_unique(items):
    ids = [it["id"] for it in items]
    assert len(ids) == len(set(ids)), "duplicate ids"
    texts = [it["text"] for it in items]
    assert len(texts) == len(set(texts)), "duplicate texts"


def test_licences_redistributable(items):
    for it in items:
        assert it["license"] in LICENSES, it["id"]
        if it["outlet"] in OUTLET_LICENSE:
            assert it["license"] == OUTLET_LICENSE[it["outlet"]], it["id"]
        elif it["outlet"].startswith("US "):
            assert it["license"] == "public domain (US government work)", it["id"]
        if it["outlet"] == "VOA":
            # a VOA item is kept only when no wire service is credited with it
            assert not re.search(r"\b(AP|AFP|Reuters)\b", it["text"]), it["id"]


def test_sub_types_are_acleds(items):
    for it in items:
        for sub in it["sub_event_types"]:
            assert sub in SUB_EVENT_TO_TYPE, (it["id"], sub)
        assert len(set(it["sub_event_types"])) == len(it["sub_event_types"]), it["id"]


def test_both_event_and_non_event_items(items):
    negatives = [it for it in items if not it["sub_event_types"]]
    assert len(negatives) >= 30
    for it in negatives:
        assert it["fatalities"] is None, it["id"]
    for kind in KINDS:
        assert any(it["kind"] == kind and it["sub_event_types"] for it in items), kind


def test_not_in_the_real_corpus(items):
    manifest = ROOT / "corpus" / "real" / "manifest.jsonl"
    if not manifest.exists():
        pytest.skip("no corpus/real")
    real = {json.loads(line)["url"] for line in manifest.read_text().splitlines() if line}

    def norm(u: str) -> str:
        return re.sub(r"^https?://(www\.)?", "", u).rstrip("/")

    real_urls = {norm(u) for u in real}
    for it in items:
        assert norm(it["url"]) not in real_urls, it["id"]
