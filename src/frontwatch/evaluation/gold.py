"""Gold documents: load, validate and anchor the hand-coded events of `tests/gold/**.json`.

The format is described in `docs/gold-format.md`. Loading checks every evidence offset against
the text it points into, so a gold file that has drifted from its text fails loudly instead of
scoring silently wrong.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import FrontwatchError
from frontwatch.evaluation.sources import SharedDataMissing, SharedTexts
from frontwatch.model import EVENT_TYPES, SUB_EVENT_TO_TYPE

# Shared texts may carry at most this much of each evidence span, as a drift check: enough to
# see a shifted offset, too little to republish the text.
MAX_SHARED_QUOTE = 40


class GoldError(FrontwatchError):
    """A gold file is malformed: the message names the file and the event."""


@dataclass(slots=True)
class GoldClaim:
    claimant: str
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(slots=True)
class GoldSpan:
    start: int
    end: int


@dataclass(slots=True)
class GoldEvent:
    event_date: dt.date | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str = ""
    assoc_actor_1: str = ""
    assoc_actor_2: str = ""
    location: str = ""
    admin1: str = ""
    country: str = ""
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int = 0
    contested: bool = False
    claims: list[GoldClaim] = field(default_factory=list)
    evidence: list[GoldSpan] = field(default_factory=list)
    # An event a careful coder may or may not code: matching it is neither credited nor punished.
    optional: bool = False
    notes: str = ""


@dataclass(slots=True)
class GoldDoc:
    id: str
    path: Path
    text: str
    published: dt.date | None
    events: list[GoldEvent]
    title: str | None = None
    outlet: str | None = None
    corpus: str | None = None  # shared corpus name; None for project-written texts
    duplicate_of: str | None = None
    cases: list[str] = field(default_factory=list)

    def sentence_of(self, event: GoldEvent, width: int = 200) -> str:
        """The event's first evidence span, for reports."""
        if not event.evidence:
            return ""
        span = event.evidence[0]
        return " ".join(self.text[span.start : span.end].split())[:width]


@dataclass(slots=True)
class GoldSet:
    docs: list[GoldDoc]
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (file, why)


def _fail(path: Path, where: str, reason: str) -> GoldError:
    return GoldError(f"{path}: {where}: {reason}")


def read_source(raw: dict, path: Path, shared: SharedTexts) -> tuple[str, dict]:
    """The document's text and what its source says about it (title, outlet, published)."""
    source = raw.get("source")
    if not isinstance(source, dict):
        raise _fail(path, "source", "missing: give {'text': ...}, {'path': ...} or a corpus ref")
    if "text" in source:
        return source["text"], {}
    if "path" in source and "corpus" not in source:
        file = (path.parent / source["path"]).resolve()
        if not file.is_file():
            raise _fail(path, "source.path", f"{file} not found")
        return file.read_text(encoding="utf-8"), {}
    found = shared.text_of(source)
    return found.text, {
        "title": found.title,
        "outlet": found.outlet,
        "published": found.published,
    }


def _date(value: object, path: Path, where: str) -> dt.date | None:
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise _fail(path, where, f"{value!r} is not a YYYY-MM-DD date") from exc


def _spans(raw: list, text: str, path: Path, where: str, shared_text: bool) -> list[GoldSpan]:
    spans = []
    for j, item in enumerate(raw or []):
        here = f"{where}.evidence[{j}]"
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            raise _fail(path, here, "start and end must be integers (run `evaluate anchor`)")
        if not 0 <= start < end <= len(text):
            raise _fail(
                path, here, f"offsets {start}:{end} out of range for a text of {len(text)} chars"
            )
        quote = item.get("quote")
        if quote:
            if shared_text and len(quote) > MAX_SHARED_QUOTE:
                raise _fail(
                    path, here, f"quote longer than {MAX_SHARED_QUOTE} chars for a shared text"
                )
            actual = text[start : start + len(quote)]
            if actual != quote:
                raise _fail(
                    path, here, f"text has drifted: expected {quote!r} at {start}, found {actual!r}"
                )
        spans.append(GoldSpan(start, end))
    return spans


def _event(raw: dict, text: str, path: Path, where: str, shared_text: bool) -> GoldEvent:
    etype, sub = raw.get("event_type", ""), raw.get("sub_event_type", "")
    if etype not in EVENT_TYPES:
        raise _fail(path, where, f"unknown event_type {etype!r}")
    if SUB_EVENT_TO_TYPE.get(sub) != etype:
        raise _fail(path, where, f"sub_event_type {sub!r} is not a sub-type of {etype!r}")
    precision = raw.get("time_precision", 1)
    if precision not in (1, 2, 3):
        raise _fail(path, where, f"time_precision must be 1, 2 or 3, not {precision!r}")
    if not raw.get("actor1"):
        raise _fail(path, where, "actor1 is required")
    claims = [
        GoldClaim(c.get("claimant", ""), c.get("fatalities"), c.get("injuries"))
        for c in raw.get("claims", [])
    ]
    lat, lon = raw.get("latitude"), raw.get("longitude")
    if (lat is None) != (lon is None):
        raise _fail(path, where, "give both latitude and longitude, or neither")
    return GoldEvent(
        event_date=_date(raw.get("event_date"), path, f"{where}.event_date"),
        time_precision=precision,
        event_type=etype,
        sub_event_type=sub,
        actor1=raw["actor1"],
        actor2=raw.get("actor2", "") or "",
        assoc_actor_1=raw.get("assoc_actor_1", "") or "",
        assoc_actor_2=raw.get("assoc_actor_2", "") or "",
        location=raw.get("location", "") or "",
        admin1=raw.get("admin1", "") or "",
        country=raw.get("country", "") or "",
        latitude=lat,
        longitude=lon,
        fatalities=int(raw.get("fatalities", 0) or 0),
        contested=bool(raw.get("contested", False)),
        claims=claims,
        evidence=_spans(raw.get("evidence", []), text, path, where, shared_text),
        optional=bool(raw.get("optional", False)),
        notes=raw.get("notes", "") or "",
    )


def load_gold_file(path: Path | str, shared: SharedTexts | None = None) -> GoldDoc:
    """One gold document, validated. Raises GoldError (or SharedDataMissing) with the reason."""
    path = Path(path)
    shared = shared or SharedTexts()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise GoldError(f"{path}: not valid JSON: {exc}") from exc
    if not isinstance(raw, dict) or not raw.get("id"):
        raise GoldError(f"{path}: a gold file is a JSON object with an 'id'")
    text, meta = read_source(raw, path, shared)
    corpus = raw["source"].get("corpus")
    published = _date(raw.get("published") or meta.get("published"), path, "published")
    events = [
        _event(e, text, path, f"events[{i}]", corpus is not None)
        for i, e in enumerate(raw.get("events", []))
    ]
    return GoldDoc(
        id=raw["id"],
        path=path,
        text=text,
        published=published,
        events=events,
        title=raw.get("title") or meta.get("title"),
        outlet=raw.get("outlet") or meta.get("outlet"),
        corpus=corpus,
        duplicate_of=raw.get("duplicate_of"),
        cases=list(raw.get("cases", [])),
    )


def gold_files(gold_dir: Path | str) -> list[Path]:
    """Every gold file under a folder (recursively), in a stable order."""
    root = Path(gold_dir)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise GoldError(f"{root}: no such gold folder")
    return sorted(p for p in root.rglob("*.json") if p.name != "floor.json")


def load_gold_dir(gold_dir: Path | str, shared: SharedTexts | None = None) -> GoldSet:
    """All gold documents under a folder; those whose shared corpus is absent are skipped."""
    shared = shared or SharedTexts()
    docs, skipped = [], []
    for path in gold_files(gold_dir):
        try:
            docs.append(load_gold_file(path, shared))
        except SharedDataMissing as exc:
            skipped.append((path, str(exc)))
    ids = [d.id for d in docs]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise GoldError(f"{gold_dir}: gold ids used twice: {', '.join(sorted(dupes))}")
    return GoldSet(docs=docs, skipped=skipped)


def anchor_file(path: Path | str, shared: SharedTexts | None = None) -> int:
    """Fill evidence offsets from quotes: the coder writes the words, the tool finds them.

    An evidence item written as {"quote": "..."} (optionally with "after": "..." to pick the
    occurrence following some other words) gets "start" and "end"; for shared texts the quote is
    then cut to MAX_SHARED_QUOTE characters so the repository holds no copy of the text.
    Returns the number of spans anchored.
    """
    path = Path(path)
    shared = shared or SharedTexts()
    raw = json.loads(path.read_text(encoding="utf-8"))
    text, _ = read_source(raw, path, shared)
    is_shared = raw["source"].get("corpus") is not None
    count = 0
    for i, event in enumerate(raw.get("events", [])):
        for j, item in enumerate(event.get("evidence", [])):
            if isinstance(item.get("start"), int) and isinstance(item.get("end"), int):
                continue
            quote = item.get("quote", "")
            origin = 0
            if item.get("after"):
                origin = text.find(item["after"])
                if origin < 0:
                    raise _fail(path, f"events[{i}].evidence[{j}]", "'after' text not found")
            start = text.find(quote, origin) if quote else -1
            if start < 0:
                raise _fail(path, f"events[{i}].evidence[{j}]", f"quote not found: {quote!r}")
            anchored = {"start": start, "end": start + len(quote)}
            anchored["quote"] = quote[:MAX_SHARED_QUOTE] if is_shared else quote
            event["evidence"][j] = anchored
            count += 1
    path.write_text(json.dumps(raw, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return count
