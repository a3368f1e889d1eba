"""Predicted events for the gold documents: read from a JSONL file, or made by the extractor."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.evaluation.gold import GoldDoc
from frontwatch.pipeline import article_id_of, make_article


class ExtractorUnavailable(FrontwatchError):
    """The extraction stages cannot be loaded (not written yet, or a model is missing)."""


def read_predictions(path: Path | str, docs: list[GoldDoc]) -> tuple[dict[str, list], int]:
    """Events from a JSONL file, one `Event.to_dict()` a line, grouped by gold document.

    A line belongs to a gold document when its `article_id` is the document's gold id or the
    pipeline's id of its text (`article_id_of`), so the output of `frontwatch extract --format
    jsonl` can be scored as it is. Returns the grouping and how many lines matched no document.
    """
    path = Path(path)
    by_key: dict[str, str] = {}
    for doc in docs:
        by_key[doc.id] = doc.id
        by_key[article_id_of(doc.text)] = doc.id
    grouped: dict[str, list[dict[str, Any]]] = {doc.id: [] for doc in docs}
    unmatched = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(str(path), f"cannot read predictions: {exc.strerror}") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(str(path), f"not a JSON object: {exc.msg}", line=n) from exc
        if not isinstance(row, dict):
            raise InputError(str(path), "each line must be a JSON object (one event)", line=n)
        # `frontwatch extract` writes article_id; the store's events, first_article_id
        doc_id = by_key.get(str(row.get("article_id") or row.get("first_article_id") or ""))
        if doc_id is None:
            unmatched += 1
            continue
        grouped[doc_id].append(row)
    return grouped, unmatched


def load_extractor(geocode: bool = True, engine: str | None = None) -> Any:
    """The real pipeline (of `engine`, default the pipeline's), or ExtractorUnavailable
    saying why it cannot run."""
    try:
        from frontwatch.pipeline import Extractor

        return Extractor(geocode=geocode, engine=engine)
    except (ImportError, OSError, RuntimeError) as exc:
        raise ExtractorUnavailable(
            f"the extractor cannot run ({type(exc).__name__}: {exc}); "
            "score a predictions file instead with --pred FILE.jsonl"
        ) from exc


def run_extractor(docs: list[GoldDoc], extractor: Any = None) -> dict[str, list]:
    """Run extraction on each gold article on its own, as `frontwatch extract` would."""
    extractor = extractor or load_extractor()
    out: dict[str, list] = {}
    for doc in docs:
        article = make_article(
            doc.text, published=doc.published, outlet=doc.outlet, title=doc.title
        )
        out[doc.id] = list(extractor.process(article).events)
    return out
