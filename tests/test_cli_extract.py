"""`frontwatch extract` through the real CLI: bad inputs give one stderr line each and exit 1
while good inputs are still processed; formats; stdin; flags."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import frontwatch.batch
from fake_extractor import fake_factory
from frontwatch.cli import app
from frontwatch.errors import ConfigError
from frontwatch.export import ACLED_COLUMNS

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

GOOD = (
    "Suicide bomber kills four soldiers\n\n"
    "BAGHDAD, June 27, 2019 (Example Wire) - A suicide bomber blew himself up at an army "
    "checkpoint in Tarmiyah on Thursday, killing four soldiers and wounding seven, the Iraqi "
    "military said.\n"
)


def _real_extractor_available() -> bool:
    try:
        frontwatch.batch.load_extractor()
    except ConfigError:
        return False
    return True


@pytest.fixture
def fake(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the CLI with the stand-in extractor (one event per article)."""
    monkeypatch.setattr(frontwatch.batch, "load_extractor", fake_factory)


@pytest.fixture
def bad_and_good(tmp_path: Path) -> list[str]:
    (tmp_path / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(64)))
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "latin1.txt").write_bytes(
        "Café bombing in Aleppo killed the café's owner, residents said.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "x1", "text": "Clashes near Raqqa on Monday.", "published": "2019-01-07"}\n'
        '{"id": "x2", "text": oops}\n',
        encoding="utf-8",
    )
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    names = ["binary.txt", "empty.txt", "latin1.txt", "lines.jsonl", "good.txt"]
    return [str(tmp_path / n) for n in names]


def _run(args: list[str], stdin: str | bytes | None = None):
    return CliRunner().invoke(app, ["extract", *args], input=stdin)


def test_bad_inputs_one_line_each_exit_1_good_ones_still_processed(
    fake: None, bad_and_good: list[str]
) -> None:
    result = _run([*bad_and_good, "--format", "json"])
    assert result.exit_code == 1
    binary, empty, latin1, jsonl, good = bad_and_good
    assert result.stderr.splitlines() == [
        f"error: {binary}: binary file, not text",
        f"error: {empty}: empty file",
        f"warning: {latin1}: not UTF-8; read as windows-1252 (a guess)",
        f"error: {jsonl}:2: malformed JSON: Expecting value at column 22",
    ]
    assert "Traceback" not in result.output
    events = json.loads(result.stdout)["events"]
    assert len(events) == 3
    assert events[0]["location"].endswith("latin1.txt") and events[1]["location"] == "x1"
    assert events[2]["location"].endswith("good.txt")
    assert events[2]["event_date"] == "2019-06-27"  # from the dateline


def test_extraction_failure_is_one_line_and_the_run_goes_on(fake: None, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("EXPLODE please", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    result = _run([str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1
    reason = "extraction failed: ValueError: fake extractor was told to fail"
    assert result.stderr.splitlines() == [f"error: {tmp_path / 'a.txt'}: {reason}"]
    assert len(result.stdout.splitlines()) == 1


def test_unloadable_pipeline_is_one_line_without_traceback(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def missing() -> None:
        raise ConfigError("cannot load the extraction pipeline: no model 'xx'")

    monkeypatch.setattr(frontwatch.batch, "load_extractor", missing)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = _run([str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "error: cannot load the extraction pipeline: no model 'xx'"
    ]


def test_csv_has_acled_columns(fake: None, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = _run([str(tmp_path / "a.txt"), "-f", "csv", "--outlet", "Example Wire"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == list(ACLED_COLUMNS)
    assert rows[0]["source"] == "Example Wire"
    assert rows[0]["iso"] == "760"


def test_table_is_the_default(fake: None, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = _run([str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert "1 events" in result.stdout and "Armed clash" in result.stdout


def test_stdin_and_published_flag(fake: None) -> None:
    result = _run(["-", "--published", "2020-02-02", "-f", "jsonl"], stdin="Clashes in Homs.\n")
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert json.loads(line)["event_date"] == "2020-02-02"


def test_stdin_jsonl_and_html_are_sniffed(fake: None) -> None:
    lines = '{"id": "s1", "text": "One."}\n{"id": "s2", "text": "Two."}\n'
    result = _run(["-", "-f", "jsonl"], stdin=lines)
    assert [json.loads(ln)["location"] for ln in result.stdout.splitlines()] == ["s1", "s2"]
    html = (FIXTURES / "page_with_boilerplate.html").read_bytes()
    result = _run(["-", "-f", "jsonl"], stdin=html)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["event_date"] == "2019-04-07"


def test_bad_published_value_is_a_usage_error(fake: None) -> None:
    result = _run(["-", "--published", "14/08/2017"], stdin="x")
    assert result.exit_code == 2
    assert "is not a date: use YYYY-MM-DD" in result.output


def test_a_day_that_does_not_exist_says_so(fake: None) -> None:
    result = _run(["-", "--published", "2024-02-30"], stdin="x")
    assert result.exit_code == 2
    assert "'2024-02-30' is no such day" in result.output


def test_examples_all_read_without_errors(fake: None) -> None:
    result = _run([str(EXAMPLES), "-f", "jsonl"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(ln) for ln in result.stdout.splitlines()]
    assert len(events) == 6
    assert all(e["event_date"] for e in events)  # every sample carries its date
    assert not any("All rights reserved" in e["notes"] for e in events)


@pytest.mark.slow
def test_real_extractor_on_bad_and_good_inputs(bad_and_good: list[str]) -> None:
    if not _real_extractor_available():
        pytest.skip("extraction pipeline not importable yet (frontwatch.extraction.mentions)")
    result = _run([*bad_and_good, "--format", "json"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    # three errors and the Latin-1 file's warning (a first run adds the gazetteer note)
    assert len([x for x in lines if x.startswith("error: ")]) == 3
    assert len([x for x in lines if x.startswith("warning: ")]) == 1
    assert "Traceback" not in result.output
    events = json.loads(result.stdout)["events"]
    assert any(e["fatalities"] == 4 and e["event_date"] == "2019-06-27" for e in events)


@pytest.mark.slow
def test_real_extractor_jobs_keep_order() -> None:
    if not _real_extractor_available():
        pytest.skip("extraction pipeline not importable yet (frontwatch.extraction.mentions)")
    one = _run([str(EXAMPLES), "-f", "jsonl"])
    two = _run([str(EXAMPLES), "-f", "jsonl", "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout


def test_version() -> None:
    from typer.testing import CliRunner

    from frontwatch.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("frontwatch ") and result.output.strip() != "frontwatch"
