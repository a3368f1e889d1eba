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
