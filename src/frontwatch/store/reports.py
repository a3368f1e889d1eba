"""Reports and the rule that groups them into events, independent of arrival order.

A report is one article's reading of one incident (an extracted `Event` with its claims). The
store keeps every report as extracted (table `reports`) and derives events from them:

- two reports may tell one incident when `merge.merge_decision` says so and they come from
  different articles (an article's own events were kept apart on purpose);
- reports are taken in canonical order (publication date, article id, index), never in order
  of arrival; each joins the closest earlier group whose first report (its anchor) it may be,
  the ties broken by the anchor's order; a group never holds two reports of one article;
- a new report can only change groups among the reports linked to it, directly or through
  others (its connected component under "may tell one incident"), so the store regroups just
  that component when a report arrives or leaves;
- reports a user split apart (`frontwatch split-event`) are never one incident: each carries
  the ids of the reports it was split from (`apart`, kept in its stored data), so a later
  regroup, in any order, does not merge them again until they are joined back.

So the events after ingesting a set of articles are the same whatever the order, the number of
writers or the batches they came in.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from frontwatch.merge import MergeDecision, merge_decision
from frontwatch.model import Claim, Count, Event, Evidence, Materiel, event_id_of, plain

# Sorts after every real date: an undated article's reports come last.
UNDATED = "9999-12-31"


@dataclass(slots=True)
class Report:
    article_id: str
    idx: int
    published: str | None  # ISO date of the article, for the canonical order
    family: str
    event: Event  # dated, with its claims tied to the article (write._claims_of)
    event_id: str | None = None  # the group it is stored in, if any
    apart: frozenset[str] = frozenset()  # report ids a user split this one from
    # Each split or join that changed `apart`, in order: it only grows, so a writer that
    # cached this report sees by the stored data's length that it changed (Writer.neighbours).
    history: tuple[str, ...] = ()

    @property
    def report_id(self) -> str:
        return f"{self.article_id}:{self.idx}"

    @property
    def sort_key(self) -> str:
        return f"{self.published or UNDATED}|{self.article_id}|{self.idx:05d}"

    @property
    def anchored_event_id(self) -> str:
        """The id of the event this report is the anchor of, when it is one."""
        return event_id_of(self.article_id, self.idx)


@dataclass(slots=True)
class Group:
    members: list[Report] = field(default_factory=list)
    decisions: list[MergeDecision | None] = field(default_factory=list)  # None: the anchor

    @property
    def anchor(self) -> Report:
        return self.members[0]

    @property
    def event_id(self) -> str:
        return self.anchor.anchored_event_id


def may_merge(a: Report, b: Report) -> MergeDecision | None:
    if a.article_id == b.article_id:
        return None
    if b.report_id in a.apart or a.report_id in b.apart:
        return None
    return merge_decision(a.event, b.event)


def group_reports(reports: Iterable[Report]) -> list[Group]:
    """Groups of one connected set of reports, by the rule in the module's note."""
    groups: list[Group] = []
    for r in sorted(reports, key=lambda x: x.sort_key):
        best: tuple[tuple[float, str], Group, MergeDecision] | None = None
        for g in groups:
            if any(m.article_id == r.article_id for m in g.members):
                continue
            decision = may_merge(g.anchor, r)
            if decision is None:
                continue
            key = (decision.score, g.anchor.sort_key)
            if best is None or key < best[0]:
                best = (key, g, decision)
        if best is None:
            groups.append(Group([r], [None]))
        else:
            best[1].members.append(r)
            best[1].decisions.append(best[2])
    return groups


def component(
    start: list[Report], neighbours: Callable[[Report], list[Report]]
) -> list[Report]:
    """Every report linked to `start` by "may tell one incident", directly or through others.
    `neighbours(r)` gives the stored reports that may merge with r (a superset is fine)."""
    seen: dict[str, Report] = {r.report_id: r for r in start}
    frontier = list(start)
    while frontier:
        r = frontier.pop()
        for other in neighbours(r):
            if other.report_id in seen or may_merge(r, other) is None:
                continue
            seen[other.report_id] = other
            frontier.append(other)
    return sorted(seen.values(), key=lambda x: x.sort_key)


# -- storage ---------------------------------------------------------------------------------
def to_json(event: Event) -> str:
    return json.dumps(plain(event), sort_keys=True, ensure_ascii=False)


def _count(d: dict | None) -> Count | None:
    return Count(**d) if d else None


def _evidence(items: list[dict]) -> list[Evidence]:
    return [Evidence(**e) for e in items]


def _materiel(items: list[dict]) -> list[Materiel]:
    return [Materiel(**m) for m in items]


# The keys under which a report's stored data keeps the reports it was split from, and the
# splits and joins that set them.
APART_KEY = "_apart"
HISTORY_KEY = "_splits"


def report_data(report: Report) -> str:
    """What `reports.data` holds: the event as extracted, and the split marks if any."""
    d = plain(report.event)
    if report.apart:
        d[APART_KEY] = sorted(report.apart)
    if report.history:
        d[HISTORY_KEY] = list(report.history)
    return json.dumps(d, sort_keys=True, ensure_ascii=False)


def event_from_json(text: str) -> Event:
    return _event_from_dict(json.loads(text))


def _event_from_dict(d: dict) -> Event:
    d.pop(APART_KEY, None)
    d.pop(HISTORY_KEY, None)
    d["materiel"] = _materiel(d.get("materiel") or [])
    d["evidence"] = _evidence(d.get("evidence") or [])
    claims = []
    for c in d.get("claims") or []:
        c["fatalities"] = _count(c.get("fatalities"))
        c["injuries"] = _count(c.get("injuries"))
        c["materiel"] = _materiel(c.get("materiel") or [])
        c["evidence"] = _evidence(c.get("evidence") or [])
        claims.append(Claim(**c))
    d["claims"] = claims
    return Event(**d)


def report_from_row(row: dict) -> Report:
    published, article_id, idx = row["sort_key"].split("|")
    d = json.loads(row["data"])
    apart = frozenset(d.get(APART_KEY) or ())
    history = tuple(d.get(HISTORY_KEY) or ())
    return Report(
        article_id=row["article_id"],
        idx=int(row["idx"]),
        published=None if published == UNDATED else published,
        family=row["family"],
        event=_event_from_dict(d),
        event_id=row["event_id"],
        apart=apart,
        history=history,
    )
