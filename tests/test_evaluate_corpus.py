"""Scoring a manifest-driven corpus: per split, country, outlet and sub-type, lenient and strict,
beside the two coders' agreement. A three-article corpus built in a temporary folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from frontwatch.cli import app
from frontwatch.evaluation import evaluate_corpus
from frontwatch.evaluation.corpus import load_manifest
from frontwatch.evaluation.gold import GoldError

runner = CliRunner()

TEXTS = {
    "a1": "Militants attacked an army post in Tessit on Monday, killing 4 soldiers, the army said.",
    "a2": "An air strike hit Sarmada on Tuesday. Separately, shelling struck Atarib.",
    "a3": "Ministers met in Geneva to discuss aid.",
}


def event(sub: str, etype: str, place: str, quote: str, **kw) -> dict:
    return {
        "event_date": kw.pop("date", "2024-03-04"),
        "time_precision": 1,
        "event_type": etype,
        "sub_event_type": sub,
        "actor1": kw.pop("actor1", "Unidentified Armed Group (Mali)"),
        "location": place,
        "fatalities": kw.pop("fatalities", 0),
        "evidence": [{"quote": quote}],
        **kw,
    }


CLASH = ("Armed clash", "Battles")
AIR = ("Air/drone strike", "Explosions/Remote violence")
SHELL = ("Shelling/artillery/missile attack", "Explosions/Remote violence")


def write_doc(path: Path, doc_id: str, text_rel: str, events: list[dict], text: str) -> None:
    for e in events:
        for ev in e["evidence"]:
            ev["start"] = text.index(ev["quote"])
            ev["end"] = ev["start"] + len(ev["quote"])
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {"id": doc_id, "source": {"path": text_rel}, "published": "2024-03-05",
             "events": events}
        ),
        encoding="utf-8",
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "real"
    (root / "texts").mkdir(parents=True)
    golds = {
        "a1": [event(*CLASH, "Tessit", "attacked an army post in Tessit", fatalities=4)],
        "a2": [
            event(*AIR, "Sarmada", "An air strike hit Sarmada", actor1="Russia"),
            event(*SHELL, "Atarib", "shelling struck Atarib", actor1="Russia"),
        ],
        "a3": [],
    }
    # Coder B saw the Atarib shelling as an air strike: the coders disagree on one event.
    coder_b = {
        "a1": golds["a1"],
        "a2": [golds["a2"][0], event(*AIR, "Atarib", "shelling struck Atarib", actor1="Russia")],
        "a3": [],
    }
    rows = []
    for (doc_id, text), split, country in zip(
        TEXTS.items(), ("train", "dev", "test"), ("Mali", "Syria", "Switzerland"), strict=True
    ):
        (root / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        write_doc(root / "gold" / f"{doc_id}.json", doc_id, f"../texts/{doc_id}.txt",
                  json.loads(json.dumps(golds[doc_id])), text)
        for coder, events in (("a", golds[doc_id]), ("b", coder_b[doc_id])):
            write_doc(root / "coding" / coder / f"{doc_id}.json", doc_id,
                      f"../../texts/{doc_id}.txt", json.loads(json.dumps(events)), text)
        rows.append({
            "id": doc_id, "path": f"texts/{doc_id}.txt", "gold": f"gold/{doc_id}.json",
            "coding": [f"coding/a/{doc_id}.json", f"coding/b/{doc_id}.json"],
            "url": f"https://example.org/{doc_id}", "outlet": "VOA",
            "license": "public domain (US government work)", "published": "2024-03-05",
            "country": country, "conflict": "x", "split": split,
        })
    (root / "manifest.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8"
    )
    return root


def predictions(tmp_path: Path) -> Path:
    """Right on Tessit; Sarmada right; Atarib found but typed an air strike; one invention."""
    lines = [
        {"article_id": "a1", "event_date": "2024-03-04", "event_type": "Battles",
         "sub_event_type": "Armed clash", "location": "Tessit", "fatalities": 4},
        {"article_id": "a2", "event_date": "2024-03-04", "event_type":
         "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "location": "Sarmada"},
        {"article_id": "a2", "event_date": "2024-03-04", "event_type":
         "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
         "location": "Atarib"},
        {"article_id": "a3", "event_date": "2024-03-04", "event_type": "Protests",
         "sub_event_type": "Peaceful protest", "location": "Geneva"},
    ]
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    return path


def test_corpus_scores_lenient_strict_and_agreement(corpus: Path, tmp_path: Path):
    report = evaluate_corpus(corpus, pred=predictions(tmp_path))
    assert (report.lenient.true_positives, report.lenient.false_positives,
            report.lenient.false_negatives) == (3, 1, 0)
    # Strict: the mistyped Atarib event is a miss and an invention.
    assert (report.strict.true_positives, report.strict.false_positives,
            report.strict.false_negatives) == (2, 2, 1)
    # Coders: agree on 2 of 3 events.
    assert report.agreement is not None
    assert report.agreement.f1 == pytest.approx(2 * 2 / (2 * 2 + 1 + 1))
    splits = {g.value: g for g in report.groups["split"]}
    assert list(splits) == ["train", "dev", "test"]
    assert splits["dev"].strict.f1 == pytest.approx(2 * 1 / (2 * 1 + 1 + 1))
    assert splits["dev"].agreement.f1 == pytest.approx(0.5)
    assert splits["test"].gold_events == 0 and splits["test"].strict.fp == 1
    assert splits["train"].agreement.f1 == 1.0
    subs = {g.value: g for g in report.groups["sub_type"]}
    assert subs["Shelling/artillery/missile attack"].strict.fn == 1
    assert subs["Air/drone strike"].strict.tp == 1
    countries = {g.value for g in report.groups["country"]}
    assert countries == {"Mali", "Syria", "Switzerland"}


def test_corpus_split_filter(corpus: Path, tmp_path: Path):
    report = evaluate_corpus(corpus, splits=["dev"], pred=predictions(tmp_path))
    assert [g.value for g in report.groups["split"]] == ["dev"]
    assert report.strict.true_positives == 1


def test_corpus_cli_json(corpus: Path, tmp_path: Path):
    result = runner.invoke(
        app,
        ["evaluate", "events", str(corpus), "--pred", str(predictions(tmp_path)),
         "--format", "json", "--by", "split,country"],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert set(data["groups"]) == {"split", "country"}
    assert data["strict"]["events"]["true_positives"] == 2
    assert data["agreement_strict"]["events"]["true_positives"] == 2


def test_corpus_cli_table_names_the_agreement(corpus: Path, tmp_path: Path):
    result = runner.invoke(
        app, ["evaluate", "events", str(corpus), "--pred", str(predictions(tmp_path))]
    )
    assert result.exit_code == 0, result.output
    assert "agreement" in result.output and "By split" in result.output


def test_manifest_errors_name_the_line(corpus: Path):
    manifest = corpus / "manifest.jsonl"
    lines = manifest.read_text().splitlines()
    bad = json.loads(lines[1])
    bad["split"] = "holdout"
    manifest.write_text(lines[0] + "\n" + json.dumps(bad) + "\n")
    with pytest.raises(GoldError, match=r"manifest.jsonl:2: split 'holdout'"):
        load_manifest(corpus)
    result = runner.invoke(app, ["evaluate", "events", str(corpus), "--pred", "/dev/null"])
    assert result.exit_code == 2
    assert "manifest.jsonl:2" in result.output


@pytest.mark.parametrize("admin1", [{}, {"admin1": "Jenin"}])
def test_gold_places_named_without_coordinates_are_located_in_the_gazetteer(
        tmp_path: Path, admin1: dict):
    """The coders wrote "Jenin", the extractor names the gazetteer's "Janīn" at its
    coordinates: the same town, matched by distance once the gold place is located; also
    when the coders' admin1 is the governorate named like its town, which the gazetteer
    has as a second-level division (its first level is the West Bank)."""
    root = tmp_path / "real"
    (root / "texts").mkdir(parents=True)
    text = "Israeli forces shot and killed a man in Jenin on Monday."
    (root / "texts" / "p1.txt").write_text(text, encoding="utf-8")
    gold = [event("Attack", "Violence against civilians", "Jenin", "shot and killed a man in "
                  "Jenin", country="Palestine", actor1="Military Forces of Israel", **admin1)]
    for rel in ("gold/p1.json", "coding/a/p1.json", "coding/b/p1.json"):
        up = "../" * rel.count("/")
        write_doc(root / rel, "p1", f"{up}texts/p1.txt", json.loads(json.dumps(gold)), text)
    (root / "manifest.jsonl").write_text(json.dumps({
        "id": "p1", "path": "texts/p1.txt", "gold": "gold/p1.json",
        "coding": ["coding/a/p1.json", "coding/b/p1.json"], "url": "https://example.org/p1",
        "outlet": "OCHA", "license": "CC BY IGO 3.0", "published": "2024-03-05",
        "country": "Palestine", "conflict": "x", "split": "dev"}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({
        "article_id": "p1", "event_date": "2024-03-04", "event_type":
        "Violence against civilians", "sub_event_type": "Attack", "location": "Janīn",
        "latitude": 32.46, "longitude": 35.30}) + "\n", encoding="utf-8")
    located = evaluate_corpus(root, pred=pred)
    assert (located.strict.true_positives, located.strict.false_negatives) == (1, 0)
    by_name = evaluate_corpus(root, pred=pred, gold_places="names")
    assert (by_name.strict.true_positives, by_name.strict.false_negatives) == (0, 1)
    with pytest.raises(GoldError):
        evaluate_corpus(root, pred=pred, gold_places="guess")
