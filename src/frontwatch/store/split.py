"""Undoing a merge: split an event's reports apart, and join them back.

The merge rule (merge.py) can be wrong; a user who finds two incidents in one event takes an
article's reports out of it (`frontwatch split-event`). The split is recorded on the reports
themselves (`Report.apart`, both ways), so every later regroup, whatever the order reports
arrive in, keeps them apart; `frontwatch join-events` removes those marks and lets the rule
decide again, which restores the event the split undid.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from frontwatch.errors import FrontwatchError
from frontwatch.model import normal_event_id
from frontwatch.store.reports import Report, report_data, report_from_row
from frontwatch.store.write import Writer


@dataclass(slots=True)
class Regrouped:
    """What a split or a join did: the events before and after, by id."""

    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    reports: int = 0  # reports whose marks changed

    def summary(self) -> str:
        return (f"{self.reports} report(s) marked; events before: {', '.join(self.before)};"
                f" after: {', '.join(self.after)}")


def _reports_of(writer: Writer, event_id: str) -> list[Report]:
    rows = writer.db.query(
        "SELECT * FROM reports WHERE event_id = ? ORDER BY sort_key", (event_id,)
    )
    if not rows:
        raise FrontwatchError(f"no event {event_id!r} in the store (or it holds no reports)")
    return [report_from_row(r) for r in rows]


def _matches(article_id: str, given: str) -> bool:
    return article_id == given or (len(given) >= 6 and article_id.startswith(given))


def _save(writer: Writer, reports: list[Report]) -> None:
    for r in reports:
        writer.db.execute("UPDATE reports SET data = ? WHERE report_id = ?",
                          (report_data(r), r.report_id))
        writer.remember(r)


def _regroup(writer: Writer, reports: list[Report], before: list[str]) -> Regrouped:
    groups = writer.regroup(reports, stored=True)
    after = sorted({event_id for event_id, _ in groups.values()})
    return Regrouped(before=before, after=after, reports=len(reports))


def split_event(writer: Writer, event_id: str, article_ids: list[str]) -> Regrouped:
    """Take the reports of `article_ids` (ids or 6+ character prefixes) out of the event: they
    are kept apart from its other reports from now on, and both sides are regrouped."""
    event_id = normal_event_id(event_id)
    reports = _reports_of(writer, event_id)
    out = [r for r in reports if any(_matches(r.article_id, a) for a in article_ids)]
    stay = [r for r in reports if r not in out]
    unknown = [a for a in article_ids if not any(_matches(r.article_id, a) for r in reports)]
    if unknown:
        raise FrontwatchError(
            f"event {event_id} holds no report of article(s) {', '.join(unknown)}")
    if not stay:
        raise FrontwatchError(
            f"those are all of event {event_id}'s reports: nothing to split from")
    out_ids = frozenset(r.report_id for r in out)
    stay_ids = frozenset(r.report_id for r in stay)
    note = f"split from event {event_id}"
    for r in out:
        r.apart = r.apart | stay_ids
        r.history = (*r.history, f"{note}: kept apart from {', '.join(sorted(stay_ids))}")
    for r in stay:
        r.apart = r.apart | out_ids
        r.history = (*r.history, f"{note}: kept apart from {', '.join(sorted(out_ids))}")
    _save(writer, reports)
    return _regroup(writer, reports, [event_id])


def join_events(writer: Writer, event_ids: list[str]) -> Regrouped:
    """Undo splits between these events: the marks that keep their reports apart from each
    other go, and the merge rule decides again (joining them where it finds one incident)."""
    ids = [normal_event_id(e) for e in event_ids]
    if len(set(ids)) < 2:
        raise FrontwatchError("give two or more events to join")
    reports = [r for e in ids for r in _reports_of(writer, e)]
    mine = {r.report_id for r in reports}
    changed = []
    for r in reports:
        # Marks against reports of other events stay: those splits are not undone here.
        kept = frozenset(x for x in r.apart if x not in mine)
        if kept != r.apart:
            again = sorted(r.apart - kept)
            r.apart = kept
            r.history = (*r.history, f"joined back with {', '.join(again)}")
            changed.append(r)
    if not changed:
        raise FrontwatchError(f"no split keeps {', '.join(ids)} apart")
    _save(writer, changed)
    result = _regroup(writer, reports, ids)
    result.reports = len(changed)
    return result
