"""Sentences labelled with the ACLED sub-event types they tell, for the learned event coder.

Three sources: the project's synthetic articles (`corpus/synthetic/*.jsonl`, one annotated
sentence a line, written for the project and never scored as real); the real corpus's
**train split** (`corpus/real`), whose gold evidence spans label the sentences that tell each
event; and, when asked for (`--silver`), **silver** pages (`corpus/silver/*.jsonl`, see
tools/silver.py): real reporting from the train split's kinds of source, labelled sentence by
sentence by one coder, from no held-out country or outlet. Dev and test sentences are read
only to measure, never to train.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.extraction.sentences import split_sentences
from frontwatch.model import SUB_EVENT_TO_TYPE

LABELS: tuple[str, ...] = tuple(SUB_EVENT_TO_TYPE)
# The role spans the coder learns to mark, token by token (the synthetic sentences carry
# them; associated actors are too rare there to learn: 135 spans in 12,000 sentences).
ROLE_LABELS: tuple[str, ...] = (
    "actor1", "actor2", "place", "date", "fatalities", "injuries", "materiel", "claimant",
)


@dataclass(slots=True)
class Example:
    text: str
    labels: frozenset[str]
    source: str  # "synthetic" or "real"
    group: str  # the document it comes from: examples of one document share a fold
    # A sentence a careful coder may or may not code (optional gold, details of a told event):
    # kept out of training rather than taught either way.
    ambiguous: bool = False
    meta: dict = field(default_factory=dict)
    # Role spans (start, end, role) in characters of `text`; `has_spans` says the example
    # was annotated for them, so a sentence without any teaches "no role here".
    spans: tuple[tuple[int, int, str], ...] = ()
    has_spans: bool = False

    def target(self) -> list[float]:
        return [1.0 if label in self.labels else 0.0 for label in LABELS]


class DataError(ValueError):
    """A training file is malformed: the message names the file and the line."""


def json_lines(paths: Iterable[Path]) -> Iterator[tuple[Path, int, dict]]:
    """(file, line number, object) of every non-blank line of JSON-lines files."""
    for path in paths:
        for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield Path(path), n, json.loads(line)
            except json.JSONDecodeError as exc:
                raise DataError(f"{path}:{n}: not JSON ({exc.msg})") from exc


def synthetic_examples(paths: Iterable[Path], hygiene: bool = False) -> list[Example]:
    """One example a line. With `hygiene`, a negative that names a placed act in a
    condemnation or a heading is left out (`_names_an_act`)."""
    out: list[Example] = []
    for path, n, row in json_lines(paths):
        text = row.get("text")
        if not isinstance(text, str) or not text.strip():
            raise DataError(f"{path}:{n}: no text")
        labels = set()
        spans: set[tuple[int, int, str]] = set()
        for event in row.get("events") or []:
            sub = event.get("sub_event_type")
            if sub not in SUB_EVENT_TO_TYPE:
                raise DataError(f"{path}:{n}: unknown sub_event_type {sub!r}")
            if not event.get("negated"):
                labels.add(sub)
                # A denied act's parties are not roles of an event the sentence tells.
                spans.update(role_spans(text, event))
        out.append(Example(
            text=text,
            labels=frozenset(labels),
            source="synthetic",
            group=str(row.get("doc") or f"{path.name}:{n}"),
            ambiguous=not labels and (row.get("negative_kind") == "detail"
                                      or hygiene and _names_an_act(
                                          text, row.get("negative_kind"))),
            meta={"style": row.get("style", ""), "country": row.get("country", "")},
            spans=tuple(sorted(spans)),
            has_spans=True,
        ))
    return out


_LEFT_PREPOSITION = re.compile(r"(?:\b(?:on|in|at|between|from|since|during|by|late|early)\s+)+$",
                               re.IGNORECASE)


def undated_copies(examples: Iterable[Example], share: float = 0.5) -> list[Example]:
    """Copies of event sentences with their date phrases cut out, labels kept.

    Written sentences date most events ("on Saturday", "On 29 January,"), so a coder trained
    on them learns that an undated sentence tells nothing, and reads a headline, a wire lede
    or a one-line item as no event. A stable `share` of the dated event sentences (by a hash
    of the text, so every run takes the same ones) is shown again without its dates."""
    out: list[Example] = []
    for ex in examples:
        dates = sorted((a, b) for a, b, role in ex.spans if role == "date")
        if not ex.labels or not dates or ex.ambiguous:
            continue
        if zlib.crc32(ex.text.encode("utf-8")) % 1000 >= share * 1000:
            continue
        text = ex.text
        for a, b in reversed(dates):
            head = _LEFT_PREPOSITION.sub("", text[:a])
            text = head.rstrip() + " " + text[b:].lstrip()
        text = re.sub(r"\s+([,.;:])", r"\1", text)
        text = re.sub(r",\s*([,.;:])", r"\1", text)
        text = re.sub(r"([;:])\s*,", r"\1", text)
        lead = re.match(r"^([^\w]*?)\s*,\s*", text)
        if lead:
            rest = text[lead.end():]
            text = lead.group(1) + (" " if lead.group(1) else "") + rest[:1].upper() + rest[1:]
        text = re.sub(r"\s{2,}", " ", text).strip()
        if len(text) < 20 or text == ex.text:
            continue
        out.append(Example(text=text, labels=ex.labels, source=ex.source,
                           group=ex.group, meta={**ex.meta, "undated": True}))
    return out


# An act word and a place ("the attack on a military base in Arauca"), in a sentence the
# synthetic sets call a condemnation or a heading.
_AT_PLACE = re.compile(r"\b(?:in|on|at|near)\s+(?:the\s+)?(?:[a-z]+\s+)?[A-Z][\w'-]+")


def _names_an_act(text: str, kind: str | None) -> bool:
    """A synthetic negative that names a placed act: a condemnation ("condemned the missile
    strike on an apartment block in Dnipro") or a heading ("Press Statement: Attack on the
    Kaaj Education Center in Kabul"). The sets mark them "no event" because their article
    tells the act in another sentence, but the real gold codes such a statement when it is
    the only account, and a headline is asked to give its event: taught either way they
    contradict the real sentences, so they are left out."""
    return kind in ("condemnation", "boilerplate") and bool(
        _ACT_WORD.search(text) and _AT_PLACE.search(text))


def role_spans(text: str, event: dict) -> list[tuple[int, int, str]]:
    """Every whole-word occurrence in `text` of each role string of an annotated event (the
    annotation gives strings, not offsets; a name said twice plays its role twice)."""
    out = []
    for role in ROLE_LABELS:
        for phrase in event.get(role) or []:
            if not isinstance(phrase, str) or not phrase.strip():
                continue
            pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
            out.extend((m.start(), m.end(), role) for m in re.finditer(pattern, text))
    return out


def real_examples(root: Path, splits: Iterable[str], hygiene: bool = False) -> list[Example]:
    """Sentences of the real corpus's articles in `splits`, labelled by the gold events whose
    evidence they hold; a sentence holding only optional events is ambiguous, and so, with
    `hygiene`, is one that may restate a coded event (`_restates`)."""
    from frontwatch.evaluation.corpus import load_corpus_docs

    entries, docs = load_corpus_docs(root, list(splits))
    out: list[Example] = []
    for entry in entries:
        if entry.row.get("language", "en") != "en":
            continue
        doc = docs[entry.id]
        places = _event_places(doc.events) if hygiene else []
        for n, sent in enumerate(split_sentences(doc.text)):
            labels: set[str] = set()
            optional = False
            for event in doc.events:
                if any(sp.start < sent.end and sent.start < sp.end for sp in event.evidence):
                    if event.optional:
                        optional = True
                    else:
                        labels.add(event.sub_event_type)
            restated = hygiene and not labels and _restates(sent.text, n == 0, places)
            out.append(Example(
                text=sent.text,
                labels=frozenset(labels),
                source="real",
                group=entry.id,
                ambiguous=(optional or restated) and not labels,
                meta={"split": entry.split, "country": entry.country},
            ))
    return out


# Words that tell a sentence speaks of a violent or political act (not which, nor whether it
# happened): enough to tell a restatement from a sentence about something else.
_ACT_WORD = re.compile(
    r"\b(?:kill|attack|strike|struck|airstrike|clash|fight|shell|bomb|explo|seiz|captur|"
    r"retak|retook|protest|demonstrat|riot|abduct|kidnap|arrest|loot|raid|ambush|fire|fired|"
    r"wound|injur|dead|died|assault|offensive|storm|gunmen|militant)", re.IGNORECASE)


def _event_places(events: Iterable) -> list[re.Pattern[str]]:
    names = {e.location.split(",")[0].strip() for e in events if not e.optional}
    return [re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.IGNORECASE)
            for n in sorted(names) if len(n) >= 4]


def _restates(text: str, is_title: bool, places: list[re.Pattern[str]]) -> bool:
    """A sentence the gold gives no event, which may well tell one the coders took from
    another sentence: the title, or a sentence naming a coded event's place, that speaks of an
    act. The coders put each event's evidence on the sentence that tells it best, so the
    headline and the lede that restate it carry none; taught as "no event" they would teach
    the coder that headlines and undated ledes tell nothing. Kept out of training instead."""
    if not _ACT_WORD.search(text):
        return False
    return (is_title and bool(places)) or any(p.search(text) for p in places)


def silver_label_problems(labels: object, sentences: int) -> list[str]:
    """What is wrong with a silver page's labels for its `sentences` sentences: one entry a
    sentence, each a list of known sub-types or "unsure" (empty: nothing)."""
    if not isinstance(labels, list) or len(labels) != sentences:
        given = len(labels) if isinstance(labels, list) else "no"
        return [f"{sentences} sentences but {given} label lists"]
    problems = []
    for i, lab in enumerate(labels):
        if lab == "unsure":
            continue
        if not isinstance(lab, list):
            problems.append(f"sentence {i}: labels must be a list or 'unsure'")
            continue
        bad = [x for x in lab if x not in SUB_EVENT_TO_TYPE]
        if bad:
            problems.append(f"sentence {i}: unknown sub-types {bad}")
    return problems


def silver_examples(paths: Iterable[Path]) -> list[Example]:
    """Sentences of silver pages, labelled by their sentence labels ("unsure": ambiguous)."""
    out: list[Example] = []
    for path, n, row in json_lines(paths):
        if row.get("language", "en") != "en":
            continue  # the extractor reads English only, as with the real corpus
        sents = split_sentences(str(row.get("text") or ""))
        labels = row.get("labels")
        problems = silver_label_problems(labels, len(sents))
        if problems:
            raise DataError(f"{path}:{n}: {problems[0]}")
        for sent, lab in zip(sents, labels, strict=True):
            unsure = lab == "unsure"
            subs = frozenset() if unsure else frozenset(lab)
            out.append(Example(
                text=sent.text,
                labels=subs,
                source="silver",
                group=str(row.get("id") or f"{path.name}:{n}"),
                ambiguous=unsure,
                meta={"country": row.get("country", ""), "outlet": row.get("outlet", "")},
            ))
    return out


def fold_of(group: str, folds: int = 10) -> int:
    """A stable fold per document, so no document's sentences sit on both sides of a split."""
    return int(hashlib.sha256(group.encode()).hexdigest(), 16) % folds


def data_hash(examples: list[Example]) -> str:
    h = hashlib.sha256()
    for ex in examples:
        h.update(ex.text.encode())
        h.update("|".join(sorted(ex.labels)).encode())
    return h.hexdigest()[:16]


def data_arguments(description: str) -> argparse.ArgumentParser:
    """A training command's parser with the arguments every trainer shares: where the model
    goes and where the synthetic and real data are."""
    repo = Path(__file__).resolve().parents[3]
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--out", type=Path, default=repo / "src/frontwatch/data/coder")
    parser.add_argument("--synthetic", type=Path, default=repo / "corpus/synthetic")
    parser.add_argument("--real", type=Path, default=repo / "corpus/real")
    parser.add_argument("--silver", type=Path,
                        help="add the silver pages of this folder (corpus/silver: real text, "
                             "sentence labels); measured and not in the default recipe, see "
                             "docs/model.md")
    parser.add_argument("--hygiene", action="store_true",
                        help="leave out of training the sentences whose 'no event' label "
                             "contradicts the real gold: real sentences that may restate a "
                             "coded event, synthetic condemnations and headings naming a placed "
                             "act (measured and not in the default recipe, see docs/model.md)")
    return parser
