"""Event-level scores: precision, recall and F1 over matched events, per-field accuracy over the
matched pairs, a sub-event-type confusion matrix, and per article what was missed or invented.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from frontwatch.evaluation.gold import GoldDoc, GoldEvent
from frontwatch.evaluation.match import PLACE_RADIUS_KM, Scorable, assign, distance_km
from frontwatch.evaluation.names import claimants_agree, normalise, same_actor, same_place_name

NONE_LABEL = "(none)"

# Reported in this order; each is the share of matched pairs where the field agrees.
FIELDS = (
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "date_exact",
    "fatalities_exact",
    "claimant",
    "contested",
    "location_25km",
)


def scorable_from_gold(doc: GoldDoc, event: GoldEvent) -> Scorable:
    return Scorable(
        event_date=event.event_date,
        time_precision=event.time_precision,
        event_type=event.event_type,
        sub_event_type=event.sub_event_type,
        actor1=event.actor1,
        actor2=event.actor2,
        location=event.location,
        latitude=event.latitude,
        longitude=event.longitude,
        fatalities=event.fatalities,
        contested=event.contested,
        claimants=[c.claimant for c in event.claims],
        sentence=doc.sentence_of(event),
        optional=event.optional,
    )


def _parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# What the pipeline calls a claim told in the article's own voice (reconcile's fallback).
OWN_VOICE = "reporting outlet"


def _attributed(claims: list, own_outlet: str | None) -> list[str]:
    """Claimants other than the article itself: gold records attributed claims only, so a
    claim in the outlet's own voice ('Voice of America', 'reporting outlet') is not compared."""
    own = {normalise(x) for x in (OWN_VOICE, own_outlet) if x}
    out = []
    for c in claims:
        if not isinstance(c, dict) or not c.get("claimant"):
            continue
        name = normalise(c["claimant"])
        if name in own or (c.get("outlet") and name == normalise(c["outlet"])):
            continue
        out.append(c["claimant"])
    return out


def scorable_from_event(event: Any, own_outlet: str | None = None) -> Scorable:
    """From a predicted `frontwatch.model.Event` or its `to_dict()` form (a JSONL line).

    `own_outlet` is the article's outlet, whose own narration is not a claim.
    """
    d = event if isinstance(event, dict) else event.to_dict()
    evidence = d.get("evidence") or []
    sentence = ""
    if evidence and isinstance(evidence[0], dict):
        sentence = " ".join(str(evidence[0].get("text", "")).split())[:200]
    claims = d.get("claims") or []
    return Scorable(
        event_date=_parse_date(d.get("event_date")),
        time_precision=int(d.get("time_precision") or 1),
        event_type=d.get("event_type", "") or "",
        sub_event_type=d.get("sub_event_type", "") or "",
        actor1=d.get("actor1", "") or "",
        actor2=d.get("actor2", "") or "",
        location=d.get("location", "") or "",
        latitude=d.get("latitude"),
        longitude=d.get("longitude"),
        fatalities=int(d.get("fatalities") or 0),
        contested=bool(d.get("contested")),
        claimants=_attributed(claims, own_outlet),
        sentence=sentence or (d.get("notes", "") or "")[:200],
    )


@dataclass(slots=True)
class Tally:
    correct: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.total if self.total else None


@dataclass(slots=True)
class Counts:
    """True positives, false positives and false negatives of one group of events."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """2TP / (2TP + FP + FN); 1.0 when both sides hold nothing (nothing to find, nothing
        invented), which is how an agreed negative article counts."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "true_positives": self.tp,
            "false_positives": self.fp,
            "false_negatives": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class DocResult:
    doc_id: str
    n_gold: int
    n_pred: int
    true_positives: int
    pairs: list[tuple[Scorable, Scorable]] = field(default_factory=list)
    missed: list[Scorable] = field(default_factory=list)
    spurious: list[Scorable] = field(default_factory=list)

    @property
    def counts(self) -> Counts:
        return Counts(self.true_positives, len(self.spurious), len(self.missed))


@dataclass(slots=True)
class EventScores:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    fields: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})
    location_errors_km: list[float] = field(default_factory=list)
    confusion: Counter = field(default_factory=Counter)  # (gold sub-type, pred sub-type) -> n
    docs: list[DocResult] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (gold file, why)
    strict: bool = False
    # Per sub-event type: a pair counts for its sub-type only when both sides give it.
    by_sub_type: dict[str, Counts] = field(default_factory=dict)

    @property
    def counts(self) -> Counts:
        return Counts(self.true_positives, self.false_positives, self.false_negatives)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def mean_location_error_km(self) -> float | None:
        errs = self.location_errors_km
        return sum(errs) / len(errs) if errs else None

    @property
    def median_location_error_km(self) -> float | None:
        """Less swayed than the mean by one place resolved on the wrong continent."""
        return statistics.median(self.location_errors_km) if self.location_errors_km else None

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable report (`--format json`)."""
        return {
            "matching": "strict" if self.strict else "lenient",
            "documents": len(self.docs),
            "skipped": [{"file": f, "reason": r} for f, r in self.skipped],
            "events": {
                "gold": self.true_positives + self.false_negatives,
                "predicted": self.true_positives + self.false_positives,
                "true_positives": self.true_positives,
                "false_positives": self.false_positives,
                "false_negatives": self.false_negatives,
                "precision": round(self.precision, 4),
                "recall": round(self.recall, 4),
                "f1": round(self.f1, 4),
            },
            "fields": {
                name: {
                    "accuracy": None if t.accuracy is None else round(t.accuracy, 4),
                    "correct": t.correct,
                    "total": t.total,
                }
                for name, t in self.fields.items()
            },
            "mean_location_error_km": (
                None
                if self.mean_location_error_km is None
                else round(self.mean_location_error_km, 2)
            ),
            "median_location_error_km": (
                None
                if self.median_location_error_km is None
                else round(self.median_location_error_km, 2)
            ),
            "by_sub_type": {k: c.to_dict() for k, c in sorted(self.by_sub_type.items())},
            "confusion": [
                {"gold": g, "predicted": p, "count": n}
                for (g, p), n in sorted(self.confusion.items())
            ],
            "articles": [
                {
                    "id": d.doc_id,
                    "gold": d.n_gold,
                    "predicted": d.n_pred,
                    "true_positives": d.true_positives,
                    "missed": [_brief(e) for e in d.missed],
                    "spurious": [_brief(e) for e in d.spurious],
                }
                for d in self.docs
            ],
        }


def _brief(e: Scorable) -> dict[str, Any]:
    out = asdict(e)
    out["event_date"] = e.event_date.isoformat() if e.event_date else None
    for key in ("optional", "claimants", "contested", "time_precision"):
        out.pop(key, None)
    return out


def _tally_pair(scores: EventScores, gold: Scorable, pred: Scorable) -> None:
    f = scores.fields
    f["event_type"].add(gold.event_type == pred.event_type)
    f["sub_event_type"].add(gold.sub_event_type == pred.sub_event_type)
    f["actor1"].add(same_actor(gold.actor1, pred.actor1))
    f["actor2"].add(same_actor(gold.actor2, pred.actor2))
    if gold.event_date is not None:
        f["date_exact"].add(gold.event_date == pred.event_date)
    f["fatalities_exact"].add(gold.fatalities == pred.fatalities)
    f["claimant"].add(claimants_agree(gold.claimants, pred.claimants))
    f["contested"].add(gold.contested == pred.contested)
    km = distance_km(gold, pred)
    if km is not None:
        scores.location_errors_km.append(km)
    if gold.has_coords:
        # A prediction without coordinates was not geocoded: wrong, whatever its name.
        f["location_25km"].add(km is not None and km <= PLACE_RADIUS_KM)
    elif gold.location:
        f["location_25km"].add(same_place_name(gold.location, pred.location))
    scores.confusion[(gold.sub_event_type, pred.sub_event_type)] += 1


def sub_type_counts(result: DocResult) -> dict[str, Counts]:
    """One document's counts per sub-event type: a matched pair is a true positive of its
    sub-type only when both sides give it, else a miss of the gold's and an invention of the
    prediction's."""
    out: dict[str, Counts] = {}

    def get(label: str) -> Counts:
        return out.setdefault(label or "?", Counts())

    for g, p in result.pairs:
        if g.sub_event_type == p.sub_event_type:
            get(g.sub_event_type).tp += 1
        else:
            get(g.sub_event_type).fn += 1
            get(p.sub_event_type).fp += 1
    for g in result.missed:
        get(g.sub_event_type).fn += 1
    for p in result.spurious:
        get(p.sub_event_type).fp += 1
    return out


def score_documents(
    docs: list[tuple[str, list[Scorable], list[Scorable]]],
    skipped: list[tuple[str, str]] | None = None,
    strict: bool = False,
) -> EventScores:
    """Score (doc id, gold events, predicted events) triples; micro-averaged over all events.

    `strict` matches only events of the same sub-type at the same place (see match.can_match).
    """
    scores = EventScores(skipped=list(skipped or []), strict=strict)
    for doc_id, gold, pred in docs:
        pairs = assign(gold, pred, strict)
        matched_gold = {i for i, _ in pairs}
        matched_pred = {j for _, j in pairs}
        result = DocResult(
            doc_id=doc_id,
            n_gold=sum(not g.optional for g in gold),
            n_pred=len(pred),
            true_positives=0,
        )
        for i, j in pairs:
            if gold[i].optional:
                # Neither credit nor penalty: the prediction is simply not spurious.
                continue
            result.true_positives += 1
            result.pairs.append((gold[i], pred[j]))
            _tally_pair(scores, gold[i], pred[j])
        for i, g in enumerate(gold):
            if i not in matched_gold and not g.optional:
                result.missed.append(g)
                scores.confusion[(g.sub_event_type, NONE_LABEL)] += 1
        for j, p in enumerate(pred):
            if j not in matched_pred:
                result.spurious.append(p)
                scores.confusion[(NONE_LABEL, p.sub_event_type or "?")] += 1
        scores.true_positives += result.true_positives
        scores.false_negatives += len(result.missed)
        scores.false_positives += len(result.spurious)
        scores.docs.append(result)
        for label, counts in sub_type_counts(result).items():
            scores.by_sub_type.setdefault(label, Counts()).add(counts)
    return scores


def score_gold(
    gold_docs: list[GoldDoc],
    predictions: dict[str, list[Any]],
    skipped: list[tuple[str, str]] | None = None,
    strict: bool = False,
) -> EventScores:
    """Score predicted events (Event objects or dicts, keyed by gold doc id) against gold docs."""
    triples = [
        (
            doc.id,
            [scorable_from_gold(doc, e) for e in doc.events],
            [scorable_from_event(e, doc.outlet) for e in predictions.get(doc.id, [])],
        )
        for doc in gold_docs
    ]
    return score_documents(triples, skipped, strict)
