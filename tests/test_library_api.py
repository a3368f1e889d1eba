"""The library as a user meets it: `frontwatch.extract` stays a function, `Article` takes a
string date and computes its id, `Extractor.extract` reads text or an Article, and the
dateline dates the text as the CLI does."""

from __future__ import annotations

import datetime as dt

import frontwatch
from frontwatch import Article, Extractor

TEXT = ("BAGHDAD, June 28, 2019 (Levant Wire) - Gunmen killed four soldiers at a checkpoint "
        "in Tarmiyah on Thursday, police said.")


def test_extract_stays_a_function_after_the_stages_are_imported(extractor):
    import frontwatch.extraction.mentions  # noqa: F401  (once shadowed frontwatch.extract)

    first = frontwatch.extract(TEXT, extractor=extractor)
    second = frontwatch.extract(TEXT, extractor=extractor)
    assert callable(frontwatch.extract)
    assert [e.to_dict() for e in first] == [e.to_dict() for e in second]


def test_article_takes_a_string_date_and_hashes_its_own_id():
    a = Article(text="Clashes in Raqqa.", published="2024-01-23")
    assert a.published == dt.date(2024, 1, 23)
    assert a.id == frontwatch.make_article("Clashes in Raqqa.").id


def test_extractor_extract_reads_text_or_an_article(extractor: Extractor):
    from_text = extractor.extract(TEXT)
    from_article = extractor.extract(Article(text=TEXT))
    assert from_text and [e.event_date for e in from_text] == [e.event_date for e in from_article]


def test_the_dateline_dates_the_text_in_the_library_too(extractor: Extractor):
    (event,) = [e for e in extractor.extract(TEXT) if "Tarmiyah" in e.location or e.fatalities]
    assert event.event_date == "2019-06-27"  # the Thursday before the dateline's Friday


def test_events_carry_the_inputs_own_id_path_and_url(extractor: Extractor):
    article = Article(text=TEXT, source_id="rec-42", source_path="feed.jsonl:7",
                      url="https://example.org/a")
    events = extractor.extract(article)
    assert events
    assert {(e.source_id, e.source_path, e.url) for e in events} == {
        ("rec-42", "feed.jsonl:7", "https://example.org/a")}
    assert events[0].to_dict()["source_id"] == "rec-42"


def test_one_event_id_from_extract_to_the_store_in_any_case(tmp_path):
    import json as _json
    from pathlib import Path

    from typer.testing import CliRunner

    from frontwatch.cli import app

    example = str(Path(__file__).resolve().parents[1] / "examples" / "basra-protest.txt")
    db = f"sqlite:///{tmp_path / 'ids.db'}"
    runner = CliRunner()
    extracted = runner.invoke(app, ["extract", example, "-f", "jsonl"])
    assert extracted.exit_code == 0, extracted.output
    ids = [_json.loads(line)["event_id"] for line in extracted.stdout.splitlines()]
    assert ids and all(i.startswith("FW") for i in ids)
    assert runner.invoke(app, ["ingest", example, "--db", db, "--no-progress"]).exit_code == 0
    stored = runner.invoke(app, ["events", "--db", db, "-f", "jsonl"])
    assert sorted(_json.loads(x)["event_id_cnty"] for x in stored.stdout.splitlines()) == \
        sorted(ids)
    shown = runner.invoke(app, ["event", ids[0].lower(), "--db", db])
    assert shown.exit_code == 0 and ids[0] in shown.output
