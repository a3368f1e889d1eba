"""The `frontwatch evaluate` commands, run through the real CLI on a small fixture."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from frontwatch.cli import app

FIXTURES = Path(__file__).parent / "fixtures" / "evaluate"
runner = CliRunner()


def test_events_json_scores_a_predictions_file():
    result = runner.invoke(
        app,
        [
            "evaluate", "events", str(FIXTURES / "gold"),
            "--pred", str(FIXTURES / "predictions.jsonl"), "--format", "json",
        ],
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["events"]["true_positives"] == 2
    assert report["events"]["false_positives"] == 1
    assert report["events"]["false_negatives"] == 1
    assert report["events"]["f1"] == round(2 / 3, 4)
    article = report["articles"][0]
    assert [e["location"] for e in article["missed"]] == ["Tal Afar"]
    assert [e["location"] for e in article["spurious"]] == ["Baghdad"]
    assert report["fields"]["actor1"]["accuracy"] == 1.0


def test_events_table_shows_errors_with_sentences():
    result = runner.invoke(
        app,
        [
            "evaluate", "events", str(FIXTURES / "gold"),
            "--pred", str(FIXTURES / "predictions.jsonl"),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "MISSED" in result.output and "Tal Afar" in result.output
    assert "SPURIOUS" in result.output
    assert "near Tal Afar on Sunday" in result.output


def test_bad_gold_folder_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["evaluate", "events", str(tmp_path / "missing")])
    assert result.exit_code == 2
    assert "no such gold folder" in result.output


def test_bad_predictions_line_names_the_line(tmp_path):
    pred = tmp_path / "p.jsonl"
    pred.write_text('{"article_id": "x"}\nnot json\n', encoding="utf-8")
    result = runner.invoke(
        app, ["evaluate", "events", str(FIXTURES / "gold"), "--pred", str(pred)]
    )
    assert result.exit_code == 2
    assert "p.jsonl:2" in result.output


def test_anchor_command(tmp_path):
    text = "Rebels shelled Azaz on Thursday."
    gold = {
        "id": "a", "source": {"text": text}, "published": "2019-05-02",
        "events": [{
            "event_date": "2019-05-02", "time_precision": 1,
            "event_type": "Explosions/Remote violence",
            "sub_event_type": "Shelling/artillery/missile attack",
            "actor1": "Opposition Rebels (Syria)", "location": "Azaz",
            "evidence": [{"quote": "shelled Azaz"}],
        }],
    }
    path = tmp_path / "a.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "anchor", str(path)])
    assert result.exit_code == 0, result.output
    span = json.loads(path.read_text())["events"][0]["evidence"][0]
    assert text[span["start"] : span["end"]] == "shelled Azaz"


def test_geo_with_a_missing_benchmark_is_a_one_line_error(tmp_path):
    result = runner.invoke(app, ["evaluate", "geo", str(tmp_path / "none.xml")])
    assert result.exit_code == 2
    assert "no such benchmark file" in result.output


def test_store_event_rows_score_like_extract_output(tmp_path):
    # `frontwatch events -f jsonl` names an event's article `first_article_id`
    rows = [json.loads(line) for line in
            (FIXTURES / "predictions.jsonl").read_text("utf-8").splitlines() if line.strip()]
    for row in rows:
        row["first_article_id"] = row.pop("article_id")
    pred = tmp_path / "store.jsonl"
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "events", str(FIXTURES / "gold"), "--pred",
                                 str(pred), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["events"]["true_positives"] == 2
