"""A manifest-driven gold corpus (`corpus/real/`): real articles with their split, country and
outlet, the adjudicated gold, and the two coders' independent codings.

Scoring a corpus gives the usual event scores, lenient and strict, and the same figures per
split, country, outlet and sub-event type, each beside the two coders' agreement on the same
articles (coder B scored against coder A with the strict match): the ceiling a score is read
against.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontwatch.evaluation.gold import GoldDoc, GoldError, load_gold_file
from frontwatch.evaluation.gold_places import GoldLocator
from frontwatch.evaluation.scoring import (
    Counts,
    DocResult,
    EventScores,
    scorable_from_event,
    scorable_from_gold,
    score_documents,
    sub_type_counts,
)
from frontwatch.evaluation.sources import SharedTexts

MANIFEST = "manifest.jsonl"
SPLITS = ("train", "dev", "test", "fresh")
# The dimensions a corpus report breaks scores down by, and how to read one from an entry.
DIMENSIONS = ("split", "country", "outlet", "language", "sub_type")
# The licences a text in the corpus may carry (docs/data.md): redistributable, recorded per text.
LICENSES = frozenset({
    "public domain (US government work)",
    "CC BY 2.5",
    "OGL v3",
    "CC BY IGO 3.0",
    "CC BY-SA 4.0",
})
REQUIRED = ("id", "path", "gold", "url", "outlet", "license", "published", "country", "split")


@dataclass(slots=True)
class CorpusEntry:
    """One article of the manifest, with its gold and the coders' files resolved."""

    id: str
    split: str
    country: str
    outlet: str
    conflict: str
    gold_path: Path
    coder_paths: tuple[Path, ...]
    row: dict[str, Any]


def is_corpus(path: Path | str) -> bool:
    return (Path(path) / MANIFEST).is_file()


def load_manifest(root: Path | str) -> list[CorpusEntry]:
    """The manifest's entries; a malformed line raises GoldError naming the line."""
    root = Path(root)
    manifest = root / MANIFEST
    entries: list[CorpusEntry] = []
    seen: set[str] = set()
    for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{manifest}:{n}: not a JSON object: {exc.msg}") from exc
        missing = [k for k in REQUIRED if not row.get(k)]
        if missing:
            raise GoldError(f"{manifest}:{n}: missing {', '.join(missing)}")
        if row["split"] not in SPLITS:
            raise GoldError(f"{manifest}:{n}: split {row['split']!r} is not one of {SPLITS}")
        if row["id"] in seen:
            raise GoldError(f"{manifest}:{n}: id {row['id']!r} used twice")
        seen.add(row["id"])
        coders = tuple(root / p for p in row.get("coding", []) if p)
        entries.append(
            CorpusEntry(
                id=row["id"],
                split=row["split"],
                country=row["country"],
                outlet=row["outlet"],
                conflict=row.get("conflict", ""),
                gold_path=root / row["gold"],
                coder_paths=coders,
                row=row,
            )
        )
    return entries


@dataclass(slots=True)
class Group:
    """Scores of one value of one dimension (split=dev, country=Mali, sub_type=Attack)."""

    dimension: str
    value: str
    docs: int = 0
    gold_events: int = 0
    lenient: Counts = field(default_factory=Counts)
    strict: Counts = field(default_factory=Counts)
    agreement: Counts | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "dimension": self.dimension,
            "value": self.value,
            "documents": self.docs,
            "gold_events": self.gold_events,
            "lenient": self.lenient.to_dict(),
            "strict": self.strict.to_dict(),
            "agreement_strict": None if self.agreement is None else self.agreement.to_dict(),
        }


@dataclass(slots=True)
class CorpusReport:
    lenient: EventScores
    strict: EventScores
    agreement: EventScores | None
    groups: dict[str, list[Group]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "lenient": self.lenient.to_dict(),
            "strict": self.strict.to_dict(),
            "agreement_strict": None if self.agreement is None else self.agreement.to_dict(),
            "groups": {dim: [g.to_dict() for g in rows] for dim, rows in self.groups.items()},
        }


def load_corpus_docs(
    root: Path | str, splits: Iterable[str] | None = None
) -> tuple[list[CorpusEntry], dict[str, GoldDoc]]:
    """The manifest's entries (of the chosen splits) and their loaded gold documents."""
    wanted = set(splits or SPLITS)
    unknown = wanted - set(SPLITS)
    if unknown:
        raise GoldError(f"unknown split(s) {', '.join(sorted(unknown))}; choose from {SPLITS}")
    entries = [e for e in load_manifest(root) if e.split in wanted]
    texts = SharedTexts()
    docs = {e.id: load_gold_file(e.gold_path, texts) for e in entries}
    for e in entries:
        if docs[e.id].id != e.id:
            raise GoldError(f"{e.gold_path}: id {docs[e.id].id!r} is not the manifest's {e.id!r}")
    return entries, docs


def coder_agreement(
    entries: list[CorpusEntry], docs: dict[str, GoldDoc], locator: GoldLocator | None = None
) -> dict[str, DocResult]:
    """Per article, coder B scored against coder A with the strict match (articles with both).

    With a locator, both coders' places get coordinates as the gold's do (see gold_places)."""
    out: dict[str, DocResult] = {}
    texts = SharedTexts()
    for e in entries:
        if len(e.coder_paths) < 2:
            continue
        a, b = (load_gold_file(p, texts) for p in e.coder_paths[:2])
        if locator is not None:
            locator.locate([a, b])
        scores = score_documents(
            [(e.id, _gold_side(a), [scorable_from_gold(b, ev) for ev in b.events])], strict=True
        )
        out[e.id] = scores.docs[0]
    return out


def _gold_side(doc: GoldDoc) -> list:
    return [scorable_from_gold(doc, ev) for ev in doc.events]


def score_corpus(
    entries: list[CorpusEntry],
    docs: dict[str, GoldDoc],
    predictions: dict[str, list[Any]],
    dimensions: Iterable[str] = DIMENSIONS,
    locator: GoldLocator | None = None,
) -> CorpusReport:
    """Lenient and strict scores overall and per group, each beside the coders' agreement.

    With a locator, gold places the coders named without coordinates are located in the
    gazetteer first, so a place spelt two ways is still one place (see gold_places)."""
    if locator is not None:
        locator.locate(docs[e.id] for e in entries)
    triples = [
        (
            e.id,
            _gold_side(docs[e.id]),
            [scorable_from_event(p, docs[e.id].outlet) for p in predictions.get(e.id, [])],
        )
        for e in entries
    ]
    lenient = score_documents(triples)
    strict = score_documents(triples, strict=True)
    agreed = coder_agreement(entries, docs, locator)
    agreement = None
    if agreed:
        agreement = EventScores(strict=True)
        for result in agreed.values():
            agreement.docs.append(result)
            agreement.true_positives += result.true_positives
            agreement.false_positives += len(result.spurious)
            agreement.false_negatives += len(result.missed)
            for label, counts in sub_type_counts(result).items():
                agreement.by_sub_type.setdefault(label, Counts()).add(counts)
    lenient_by_id = {d.doc_id: d for d in lenient.docs}
    strict_by_id = {d.doc_id: d for d in strict.docs}
    groups: dict[str, list[Group]] = {}
    for dim in dimensions:
        if dim not in DIMENSIONS:
            raise GoldError(f"unknown dimension {dim!r}; choose from {DIMENSIONS}")
        if dim == "sub_type":
            groups[dim] = _sub_type_groups(entries, lenient_by_id, strict_by_id, agreed)
        else:
            groups[dim] = _entry_groups(
                dim, entries, _KEYS[dim], lenient_by_id, strict_by_id, agreed
            )
    return CorpusReport(lenient=lenient, strict=strict, agreement=agreement, groups=groups)


_KEYS: dict[str, Callable[[CorpusEntry], str]] = {
    "split": lambda e: e.split,
    "country": lambda e: e.country,
    "outlet": lambda e: e.outlet,
    "language": lambda e: str(e.row.get("language") or "en"),
}


def _entry_groups(
    dim: str,
    entries: list[CorpusEntry],
    key: Callable[[CorpusEntry], str],
    lenient: dict[str, DocResult],
    strict: dict[str, DocResult],
    agreed: dict[str, DocResult],
) -> list[Group]:
    by_value: dict[str, Group] = {}
    for e in entries:
        g = by_value.setdefault(key(e), Group(dim, key(e)))
        g.docs += 1
        g.gold_events += strict[e.id].n_gold
        g.lenient.add(lenient[e.id].counts)
        g.strict.add(strict[e.id].counts)
        if e.id in agreed:
            if g.agreement is None:
                g.agreement = Counts()
            g.agreement.add(agreed[e.id].counts)
    order = {s: i for i, s in enumerate(SPLITS)} if dim == "split" else {}
    return sorted(by_value.values(), key=lambda g: (order.get(g.value, 99), -g.docs, g.value))


def _sub_type_groups(
    entries: list[CorpusEntry],
    lenient: dict[str, DocResult],
    strict: dict[str, DocResult],
    agreed: dict[str, DocResult],
) -> list[Group]:
    by_value: dict[str, Group] = {}

    def group(label: str) -> Group:
        return by_value.setdefault(label, Group("sub_type", label))

    for e in entries:
        for label, counts in sub_type_counts(lenient[e.id]).items():
            group(label).lenient.add(counts)
        for label, counts in sub_type_counts(strict[e.id]).items():
            g = group(label)
            g.strict.add(counts)
            g.gold_events += counts.tp + counts.fn
        if e.id in agreed:
            for label, counts in sub_type_counts(agreed[e.id]).items():
                g = group(label)
                if g.agreement is None:
                    g.agreement = Counts()
                g.agreement.add(counts)
    return sorted(by_value.values(), key=lambda g: (-g.gold_events, g.value))
