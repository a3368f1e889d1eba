"""Where a gold document's text comes from: inline, a file beside the gold, or a shared corpus.

Texts from `../shared` are never copied into the repository (their licences and the house rules
forbid it); a gold file names them by corpus and id and they are read from the shared folder at
scoring time.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from frontwatch.errors import FrontwatchError

# Corpora a gold file may reference, and what their reference must name.
SHARED_CORPORA = {
    "usgov-reports": "id",
    "re3d": "document_id",
    "seed": "path",
}


class SharedDataMissing(FrontwatchError):
    """A gold document names a shared corpus that is not on this machine."""


@dataclass(slots=True)
class SourceText:
    text: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


def default_shared_dir() -> Path:
    """`$FRONTWATCH_SHARED`, else `../shared` beside the repository (or the working directory)."""
    env = os.environ.get("FRONTWATCH_SHARED")
    if env:
        return Path(env)
    repo_sibling = Path(__file__).resolve().parents[3].parent / "shared"
    if repo_sibling.is_dir():
        return repo_sibling
    return Path("../shared")


def shared_root(path: Path | str | None) -> Path:
    """Accept either the shared folder itself or its `data/` subfolder."""
    root = Path(path) if path is not None else default_shared_dir()
    if root.name == "data" and not (root / "data").is_dir():
        return root.parent
    return root


class SharedTexts:
    """Reads shared corpora lazily and caches them: a gold run opens each file once."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = shared_root(root)
        self._usgov: dict[str, dict] | None = None
        self._re3d: dict[str, dict] | None = None

    def available(self, corpus: str) -> bool:
        return self._corpus_path(corpus).exists()

    def _corpus_path(self, corpus: str) -> Path:
        if corpus == "usgov-reports":
            return self.root / "data" / "usgov-reports" / "articles.jsonl"
        if corpus == "re3d":
            return self.root / "data" / "re3d"
        if corpus == "seed":
            return self.root / "seed"
        raise FrontwatchError(
            f"unknown corpus {corpus!r}: expected one of {', '.join(SHARED_CORPORA)}"
        )

    def text_of(self, ref: dict) -> SourceText:
        corpus = ref.get("corpus", "")
        key = SHARED_CORPORA.get(corpus)
        if key is None:
            raise FrontwatchError(
                f"unknown corpus {corpus!r}: expected one of {', '.join(SHARED_CORPORA)}"
            )
        if not ref.get(key):
            raise FrontwatchError(f"a {corpus} reference needs {key!r}")
        path = self._corpus_path(corpus)
        if not path.exists():
            raise SharedDataMissing(f"{path} absent: shared corpus {corpus!r} is not available")
        if corpus == "usgov-reports":
            row = self._usgov_rows().get(ref["id"])
            if row is None:
                raise FrontwatchError(f"{path}: no article with id {ref['id']!r}")
            return SourceText(
                text=row["text"],
                title=row.get("title"),
                outlet=row.get("outlet"),
                published=row.get("published") or None,
                url=row.get("url"),
            )
        if corpus == "re3d":
            row = self._re3d_rows().get(ref["document_id"])
            if row is None:
                raise FrontwatchError(f"{path}: no document with _id {ref['document_id']!r}")
            return SourceText(
                text=row["text"],
                title=row.get("title"),
                outlet=row.get("sourceName"),
                url=row.get("sourceUrl"),
            )
        file = path / ref["path"]
        if not file.is_file():
            raise FrontwatchError(f"{file}: seed text not found")
        return SourceText(text=file.read_text(encoding="utf-8"))

    def _usgov_rows(self) -> dict[str, dict]:
        if self._usgov is None:
            path = self._corpus_path("usgov-reports")
            with path.open(encoding="utf-8") as fh:
                rows = [json.loads(line) for line in fh if line.strip()]
            self._usgov = {r["id"]: r for r in rows}
        return self._usgov

    def _re3d_rows(self) -> dict[str, dict]:
        if self._re3d is None:
            self._re3d = {}
            # One documents.json (mongoexport: one JSON object a line) per source folder.
            for file in sorted(self._corpus_path("re3d").glob("*/documents.json")):
                with file.open(encoding="utf-8-sig") as fh:
                    for line in fh:
                        if line.strip():
                            row = json.loads(line)
                            self._re3d[row["_id"]] = row
        return self._re3d
