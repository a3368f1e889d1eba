"""README's library snippets run as written (on an example article), so the README stays true."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_readme_python_snippets_run(capsys):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    assert blocks, "README has no python snippet"
    text = (ROOT / "examples" / "baghuz-contested-claims.txt").read_text(encoding="utf-8")
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {"text": text})  # noqa: S102
    printed = capsys.readouterr().out
    assert re.search(r"\d{4}-\d{2}-\d{2} \S", printed), printed[:500]


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    # `serve` runs until stopped: tests/test_web_api.py and test_web_browser.py run it.
    return [
        line.strip().removeprefix(".venv/bin/")
        for line in readme.splitlines()
        if line.startswith("    .venv/bin/frontwatch ")
        and not line.startswith("    .venv/bin/frontwatch serve")
    ]


def _workspace(tmp: Path) -> None:
    """The files README's commands name, made from the bundled examples."""
    import shutil

    examples = ROOT / "examples"
    shutil.copytree(examples, tmp / "examples")
    shutil.copytree(examples, tmp / "news")
    shutil.copy(examples / "baghuz-contested-claims.txt", tmp / "report.txt")
    shutil.copy(examples / "coalition-strikes-hajin.html", tmp / "report.html")
    shutil.copy(examples / "iraq-syria-wire.jsonl", tmp / "feed.jsonl")
    (tmp / "tests" / "gold").mkdir(parents=True)
    (tmp / "tests" / "gold" / "dev").symlink_to(ROOT / "tests" / "gold" / "dev")


def test_readme_commands_run(tmp_path, monkeypatch):
    """Every `.venv/bin/frontwatch ...` line of README runs and succeeds, in README's order,
    on files made from the examples (EVENT_ID: an event the ingest stored)."""
    import json
    import shlex

    from typer.testing import CliRunner

    from frontwatch.cli import app

    commands = _readme_commands()
    assert len(commands) >= 10
    _workspace(tmp_path)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for line in commands:
        line = line.split("  #", 1)[0].strip()
        words = shlex.split(line)[1:]
        out_file = None
        if ">" in words:
            at = words.index(">")
            words, out_file = words[:at], words[at + 1]
        if "EVENT_ID" in words:
            listed = runner.invoke(app, ["events", "--db", "sqlite:///syria.db", "--format",
                                         "jsonl", "--limit", "1"])
            event_id = json.loads(listed.stdout.splitlines()[0])["event_id_cnty"]
            words = [event_id if w == "EVENT_ID" else w for w in words]
        result = runner.invoke(app, words)
        assert result.exit_code == 0, f"{line}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"
        if out_file:
            Path(out_file).write_text(result.stdout, encoding="utf-8")
            assert result.stdout.strip(), line
    assert (tmp_path / "syria.png").stat().st_size > 0
    assert (tmp_path / "events.csv").read_text(encoding="utf-8").startswith("event_id_cnty")
