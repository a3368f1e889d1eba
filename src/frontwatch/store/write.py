"""Writing one article's extraction into the database: copies, events, claims, changes.

Every id is derived from content (article text hash, article id + event index), never from a
sequence, so a run interrupted at any point and re-run writes exactly what a clean run writes.
Articles must arrive in the same order for that: the loader keeps input order.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import math
from dataclasses import asdict, dataclass
from typing import Any

from frontwatch.dedup import CopyIndex, CopyOf, from_hex, signature, to_hex
from frontwatch.merge import (
    SPELLING_KM,
    MergeDecision,
    conservative_fatalities,
    conservative_injuries,
    family_of,
    figure_of,
    highest_fatalities,
    is_contested,
    kindred_families,
)
from frontwatch.model import (
    Article,
    Claim,
    Count,
    Event,
    Evidence,
    disorder_type_of,
    interaction_code,
)
from frontwatch.pipeline import ArticleResult
from frontwatch.store.backends import Backend
from frontwatch.store.reports import (
    UNDATED,
    Group,
    Report,
    component,
    group_reports,
    may_merge,
    report_data,
    report_from_row,
)
from frontwatch.store.rows import claim_from_row

# Widest date window any precision allows (merge.DATE_SLACK_DAYS); narrows the SQL candidates.
_CANDIDATE_DAYS = 31


@dataclass(slots=True)
class Triage:
    """What an article is before extraction: new, already stored, or a copy of a stored one."""

    status: str  # new | known | copy
    copy_of: CopyOf | None = None
    signature_hex: str | None = None
    root: str | None = None  # for known articles: the first copy they belong to
    # For a new article: the stored first copy it repeats but precedes in canonical order; it
    # becomes a copy of this one.
    replaces: CopyOf | None = None


@dataclass(slots=True)
class ArticleOutcome:
    article_id: str
    status: str
    duplicate_of: str | None = None
    events_created: int = 0
    events_merged: int = 0
    events_changed: int = 0


def place_id_of(ev: Event) -> str | None:
    if ev.geonameid:
        return f"gn:{ev.geonameid}"
    if not ev.location and ev.latitude is None:
        return None
    key = f"{ev.location}|{ev.latitude}|{ev.longitude}|{ev.country}|{ev.admin1}"
    return "h:" + hashlib.sha1(key.encode()).hexdigest()[:12]


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def _claim_summary(c: Claim) -> str:
    who = c.claimant or c.outlet or "report"
    fig = figure_of(c.fatalities)
    said = f"{fig} killed" if fig is not None else "no toll"
    if c.fatalities and c.fatalities.quantifier and c.fatalities.value is None:
        said = f"{c.fatalities.quantifier} killed (counted {fig})"
    return f"{who}: {said}"


class Writer:
    """Writes articles inside the caller's transaction (`EventStore.batch`)."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.copies = CopyIndex()
        # Opened outside the write lock, while other processes may commit: the watermark is
        # read first and only first copies up to it are loaded, so a batch committed between
        # the two reads is left for `sync` (it has higher sequence numbers) instead of being
        # counted as seen without its first copies entering the index.
        self.seq = self._watermark()
        self._load_first_copies(after_seq=0, upto_seq=self.seq)
        # Articles triaged in this session but perhaps not written yet (later in the batch).
        self._triaged: dict[str, Triage] = {}
        # Stored reports already read, with the length of their stored data: they change only
        # in their event id and by a split or join, which lengthens the data (reports.py).
        self._parsed: dict[str, Report] = {}
        self._sizes: dict[str, int] = {}

    def sync(self) -> None:
        """At the start of a write transaction, under the write lock: catch up with what other
        processes committed since (their first copies, the sequence counter)."""
        seq = self._watermark()
        if seq <= self.seq:
            return
        self._load_first_copies(after_seq=self.seq, upto_seq=seq)
        self.seq = seq

    def _watermark(self) -> int:
        """The highest ingest sequence committed. Sequence numbers are handed out under the
        write lock, so every article at or below it is committed and visible, and every
        later commit lies above it."""
        return int(self.db.scalar("SELECT coalesce(max(ingest_seq), 0) FROM articles"))

    def _load_first_copies(self, after_seq: int, upto_seq: int) -> None:
        """Stored first copies with `after_seq < ingest_seq <= upto_seq` into the copy index."""
        for row in self.db.query(
            "SELECT s.article_id, s.minhash, s.num_perm, a.published FROM article_signatures s"
            " JOIN articles a ON a.article_id = s.article_id WHERE a.duplicate_of IS NULL"
            " AND a.ingest_seq > ? AND a.ingest_seq <= ? ORDER BY a.ingest_seq",
            (after_seq, upto_seq),
        ):
            self.copies.add(row["article_id"], from_hex(row["minhash"], row["num_perm"]),
                            article_key(row["article_id"], row["published"]))

    def _stored_root(self, article_id: str) -> str | None:
        """The first copy a stored article is filed under now (itself if it is one); None
        when it is not stored (yet)."""
        row = self.db.query(
            "SELECT duplicate_of FROM articles WHERE article_id = ?", (article_id,)
        )
        if not row:
            return None
        return row[0]["duplicate_of"] or article_id

    def _recheck(self, article: Article, t: Triage) -> Triage:
        """A triage made before extraction, checked again under the write lock: another
        process may have stored the same text, a first copy this article repeats, or filed a
        first copy under an earlier one."""
        stored = self._stored_root(article.id)
        if t.status == "known":
            # Its first copy may have been filed under an earlier one since.
            return Triage("known", root=stored or t.root)
        if stored is not None:
            return Triage("known", root=stored)
        if t.status == "copy":
            assert t.copy_of is not None
            root = self._stored_root(t.copy_of.article_id) or t.copy_of.article_id
            return Triage("copy", copy_of=CopyOf(root, t.copy_of.similarity))
        if t.signature_hex is None:
            return t
        sig = from_hex(t.signature_hex, self.copies.num_perm)
        mine = article_key(article.id, _iso(article.published))
        # Only stored first copies count (not pending texts, nor ones filed under another).
        best = self.copies.find(sig, accept=lambda key: key != article.id
                                and self._stored_root(key) == key)
        if best is None:
            return Triage("new", signature_hex=t.signature_hex)
        if self.copies.order[best.article_id] < mine:
            self.copies.remove(article.id)
            return Triage("copy", copy_of=best)
        return Triage("new", signature_hex=t.signature_hex, replaces=best)

    # -- triage ----------------------------------------------------------------------------
    def triage(self, article: Article, stored_only: bool = False) -> Triage:
        """Decide before extraction whether the article needs it; remembers the decision.
        `stored_only`: it may repeat only first copies already stored."""
        if article.id in self._triaged:
            first = self._triaged[article.id]
            root = first.copy_of.article_id if first.copy_of else article.id
            return Triage("known", root=root)
        stored = self._stored_root(article.id)
        if stored is not None:
            return Triage("known", root=stored)
        sig = signature(article)
        accept = (lambda key: self._stored_root(key) == key) if stored_only else None
        found = self.copies.find(sig, accept=accept) if sig is not None else None
        mine = article_key(article.id, _iso(article.published))
        if found is not None and self.copies.order[found.article_id] < mine:
            t = Triage("copy", copy_of=found)
        else:
            # Either no stored text is like it, or it comes first in canonical order: then it
            # is extracted and takes the place of the one it repeats (`replaces`).
            t = Triage("new", signature_hex=to_hex(sig) if sig is not None else None,
                       replaces=found)
            if sig is not None:
                self.copies.add(article.id, sig, mine)
        self._triaged[article.id] = t
        return t

    def forget(self, article: Article) -> None:
        """An article triaged as new will not be written (extraction failed)."""
        t = self._triaged.pop(article.id, None)
        if t is not None and t.status == "new":
            self.copies.remove(article.id)

    def retriage(self, article: Article) -> Triage:
        """Triage again an article triaged against a first copy that will not be stored (its
        extraction or its write failed; `forget` took it out of the copy index)."""
        t = self._triaged.get(article.id)
        if t is not None and t.status == "copy":
            del self._triaged[article.id]
        # Only stored first copies count: texts still waiting may be a batch ahead, or fail
        # too. The write (`_recheck`) files it under one stored since, if any.
        return self.triage(article, stored_only=True)

    def forget_stored(self, article_id: str) -> None:
        """A stored article was deleted: later texts may no longer be copies of it."""
        self._triaged.pop(article_id, None)
        if article_id in self.copies.signatures:
            self.copies.remove(article_id)

    # -- writing ---------------------------------------------------------------------------
    def add(self, result: ArticleResult, triage: Triage | None = None) -> ArticleOutcome:
        """Write one article (its triage from `triage()`, else triaged now)."""
        article = result.article
        cached = self._triaged.pop(article.id, None)
        t = self._recheck(article, triage or cached or self.triage(article))
        self._triaged.pop(article.id, None)
        if t.status == "known":
            changed = self._record_outlet(t.root or article.id, article)
            return ArticleOutcome(article.id, "known", events_changed=changed)
        if t.status == "copy":
            assert t.copy_of is not None
            self._insert_article(article, result, duplicate=t.copy_of)
            changed = self._record_outlet(t.copy_of.article_id, article)
            return ArticleOutcome(
                article.id, "copy", duplicate_of=t.copy_of.article_id, events_changed=changed
            )
        return self._add_new(article, result, t)

    def _insert_article(
        self, article: Article, result: ArticleResult, duplicate: CopyOf | None = None
    ) -> None:
        self.seq += 1
        self.db.execute(
            "INSERT INTO articles (article_id, url, outlet, title, published, source_path, n_chars,"
            " duplicate_of, similarity, n_mentions, n_events, ingest_seq, ingested_at, text,"
            " source_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article.id,
                article.url,
                article.outlet,
                article.title,
                article.published.isoformat() if article.published else None,
                article.source_path,
                len(article.text),
                duplicate.article_id if duplicate else None,
                duplicate.similarity if duplicate else None,
                0 if duplicate else len(result.mentions),
                0 if duplicate else len(result.events),
                self.seq,
                _now(),
                article.text,
                article.source_id,
            ),
        )

    def _record_outlet(self, root: str, article: Article) -> int:
        """Note that `article`'s outlet ran the report first stored as `root`; refresh sources."""
        existing = self.db.scalar(
            "SELECT count(*) FROM article_outlets"
            " WHERE article_id = ? AND outlet = ? AND copy_id = ?",
            (root, article.outlet or "", article.id),
        )
        if existing:
            return 0
        self._insert_outlet(root, article)
        changed = 0
        for row in self.db.query(
            "SELECT DISTINCT event_id FROM claims WHERE article_id = ? ORDER BY event_id", (root,)
        ):
            if self.refresh(row["event_id"], article.id, f"also run by {article.outlet or '?'}"):
                changed += 1
        return changed

    def _insert_outlet(self, root: str, article: Article) -> None:
        seq = self.db.scalar(
            "SELECT coalesce(max(seq), 0) + 1 FROM article_outlets WHERE article_id = ?", (root,)
        )
        self.db.execute(
            "INSERT INTO article_outlets (article_id, outlet, copy_id, url, source_path, published,"
            " seq) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                root,
                article.outlet or "",
                article.id,
                article.url,
                article.source_path,
                article.published.isoformat() if article.published else None,
                seq,
            ),
        )

    def _add_new(self, article: Article, result: ArticleResult, t: Triage) -> ArticleOutcome:
        self._insert_article(article, result)
        if t.signature_hex:
            self.db.execute(
                "INSERT INTO article_signatures (article_id, num_perm, minhash) VALUES (?, ?, ?)",
                (article.id, self.copies.num_perm, t.signature_hex),
            )
            # Usually there already, from `triage`; but a writer rebuilt after a rollback
            # writes articles another writer triaged, and `sync` never loads this writer's
            # own rows (they are at or below its sequence counter).
            self.copies.add(article.id, from_hex(t.signature_hex, self.copies.num_perm),
                            article_key(article.id, _iso(article.published)))
        self._insert_outlet(article.id, article)
        outcome = ArticleOutcome(article.id, "new")
        published = article.published.isoformat() if article.published else None
        reports = []
        for index, ev in enumerate(result.events):
            ev = copy.copy(_dated(ev, article))
            ev.claims = _claims_of(ev, article)
            report = Report(article.id, index, published,
                            family_of(ev.event_type, ev.sub_event_type), ev)
            self.db.execute(
                "INSERT INTO reports (report_id, article_id, idx, family, event_date, latitude,"
                " longitude, admin2, location, sort_key, event_id, data)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?)",
                (report.report_id, article.id, index, report.family, ev.event_date,
                 ev.latitude, ev.longitude, ev.admin2 or "", (ev.location or "").lower(),
                 report.sort_key, report_data(report)),
            )
            self.remember(report)
            reports.append(report)
        replaced: list[Report] = []
        leaving: str | None = None
        old = t.replaces
        if old is not None and self._stored_root(old.article_id) == old.article_id:
            replaced = self._file_under(old, article.id)
            leaving = old.article_id
        groups = self.regroup(reports + replaced, leaving=leaving)
        if leaving is not None:
            self.drop_reading(leaving)  # its reading gives way to this one's, as a copy's
        event_ids = []
        for report in reports:
            event_id, size = groups[report.report_id]
            event_ids.append(event_id)
            if size > 1:
                outcome.events_merged += 1
            else:
                outcome.events_created += 1
        self._insert_mentions(article, result, event_ids)
        return outcome

    def drop_reading(self, article_id: str) -> None:
        """An article's extraction (its sentences and reports) leaves the store, after its
        reports were regrouped without it."""
        self.db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM reports WHERE article_id = ?", (article_id,))

    def _file_under(self, old: CopyOf, root: str) -> list[Report]:
        """A stored first copy becomes a copy of `root`, which precedes it in canonical order:
        its outlets and copies move over; its reports are returned to be regrouped."""
        moved = self.db.query(
            "SELECT * FROM article_outlets WHERE article_id = ? ORDER BY seq", (old.article_id,)
        )
        seq = int(self.db.scalar(
            "SELECT coalesce(max(seq), 0) FROM article_outlets WHERE article_id = ?", (root,)
        ))
        for o in moved:
            seq += 1
            self.db.execute(
                "INSERT INTO article_outlets (article_id, outlet, copy_id, url, source_path,"
                " published, seq) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (root, o["outlet"], o["copy_id"], o["url"], o["source_path"], o["published"],
                 seq),
            )
        self.db.execute("DELETE FROM article_outlets WHERE article_id = ?", (old.article_id,))
        self.db.execute("UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?",
                        (root, old.article_id))
        self.db.execute(
            "UPDATE articles SET duplicate_of = ?, similarity = ?, n_mentions = 0, n_events = 0"
            " WHERE article_id = ?",
            (root, old.similarity, old.article_id),
        )
        self.db.execute("DELETE FROM article_signatures WHERE article_id = ?", (old.article_id,))
        self.copies.remove(old.article_id)
        return [report_from_row(r) for r in self.db.query(
            "SELECT * FROM reports WHERE article_id = ? ORDER BY idx", (old.article_id,)
        )]

    # -- events ----------------------------------------------------------------------------
    def neighbours(self, report: Report) -> list[Report]:
        """Stored reports that may tell the same incident (same or kindred family, dates
        within the widest slack); `reports.may_merge` decides."""
        try:
            day = dt.date.fromisoformat(report.event.event_date)
        except ValueError:
            return []
        lo = (day - dt.timedelta(days=_CANDIDATE_DAYS)).isoformat()
        hi = (day + dt.timedelta(days=_CANDIDATE_DAYS)).isoformat()
        families = sorted(kindred_families(report.family))
        marks = ", ".join("?" for _ in families)
        ev = report.event
        # A superset of merge.place_reason's places: near by coordinates (a box wider than
        # SPELLING_KM, within which two spellings of one name may lie), the same admin2, the
        # same name, or, for a report not located, any named one (its name may be spelled
        # otherwise or name a spot in the other's place).
        places = ["(admin2 <> '' AND admin2 = ?)", "(location <> '' AND location = ?)"]
        params: list[Any] = [ev.admin2 or "", (ev.location or "").lower()]
        if ev.latitude is not None and ev.longitude is not None:
            dlat = SPELLING_KM / 110.0
            dlon = dlat / max(math.cos(math.radians(ev.latitude)), 0.05)
            places.append("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)")
            params += [ev.latitude - dlat, ev.latitude + dlat, ev.longitude - dlon,
                       ev.longitude + dlon]
            if ev.location:
                places.append("(latitude IS NULL AND location <> '')")
        elif ev.location:
            places.append("(location <> '')")
        rows = self.db.query(
            f"SELECT report_id, event_id, length(data) AS size FROM reports WHERE family IN"
            f" ({marks}) AND event_date BETWEEN ? AND ? AND ({' OR '.join(places)})"
            f" ORDER BY sort_key",
            (*families, lo, hi, *params),
        )
        missing = [r["report_id"] for r in rows
                   if self._sizes.get(r["report_id"]) != r["size"]]
        for i in range(0, len(missing), 500):
            ids = missing[i : i + 500]
            for row in self.db.query(
                f"SELECT * FROM reports WHERE report_id IN ({', '.join('?' for _ in ids)})", ids
            ):
                self._remember_row(row)
        out = []
        for r in rows:
            cached = self._parsed[r["report_id"]]
            cached.event_id = r["event_id"]
            out.append(cached)
        return out

    def remember(self, report: Report) -> None:
        """Cache a report as stored now (after it was written or its marks changed)."""
        self._parsed[report.report_id] = report
        self._sizes[report.report_id] = len(report_data(report))

    def _remember_row(self, row: dict[str, Any]) -> Report:
        cached = self._parsed.get(row["report_id"])
        if cached is not None and self._sizes.get(row["report_id"]) == len(row["data"]):
            cached.event_id = row["event_id"]
            return cached
        report = report_from_row(row)
        self._parsed[report.report_id] = report
        self._sizes[report.report_id] = len(row["data"])
        return report

    def regroup(self, start: list[Report], leaving: str | None = None, stored: bool = False
                ) -> dict[str, tuple[str, int]]:
        """Derive again the events of every report linked to `start` (reports.component):
        their old events go, the groups are made by the canonical rule and written. Reports of
        the article `leaving` (being deleted) take part in finding the linked reports only;
        `stored`: the start reports are already grouped (a split or join), so the shortcut for
        new reports does not apply. Returns report id -> (event id, number of reports in its
        event)."""
        if leaving is None and not stored:
            quick = self._place_new(start)
            if quick is not None:
                return quick
        linked = component(start, self.neighbours)
        kept = [r for r in linked if r.article_id != leaving]
        groups = group_reports(kept)
        # Only events whose reports changed are rewritten: an event is a function of its
        # reports, so one that keeps them all stays as stored.
        stored: dict[str, set[str]] = {}
        for r in linked:
            if r.event_id:
                stored.setdefault(r.event_id, set()).add(r.report_id)
        out: dict[str, tuple[str, int]] = {}
        same: set[str] = set()
        for group in groups:
            event_id = group.event_id
            if stored.get(event_id) == {m.report_id for m in group.members}:
                same.add(event_id)
                for member in group.members:
                    out[member.report_id] = (event_id, len(group.members))
        self._drop_events(sorted(set(stored) - same))
        stubs: dict[str, Article] = {}
        for group in groups:
            if group.event_id in same:
                continue
            event_id = self._write_group(group, stubs)
            for member in group.members:
                out[member.report_id] = (event_id, len(group.members))
        return out

    def _place_new(self, new: list[Report]) -> dict[str, tuple[str, int]] | None:
        """The usual case, decided without regrouping the linked reports: each new report
        either joins an earlier anchor (then no other report's choice changes: they choose
        among anchors only) or starts an event and no stored report it may merge with comes
        after it in canonical order (none could prefer it). The groups are those the full rule
        gives; None when the full rule must run."""
        ids = {r.report_id for r in new}
        joins: dict[str, list[Report]] = {}  # anchor event id -> new members
        alone: list[Report] = []
        for r in sorted(new, key=lambda x: x.sort_key):
            best: tuple[tuple[float, str], str] | None = None
            for n in self.neighbours(r):
                if n.report_id in ids:
                    continue
                decision = may_merge(n, r)
                if decision is None:
                    continue
                if n.sort_key > r.sort_key:
                    return None  # r might take over later reports: the full rule decides
                anchor_id = n.anchored_event_id
                if n.event_id != anchor_id:
                    continue  # a member, not an anchor
                if any(m.article_id == r.article_id for m in joins.get(anchor_id, [])):
                    continue  # that event already holds one of this article's reports
                key = (decision.score, n.sort_key)
                if best is None or key < best[0]:
                    best = (key, anchor_id)
            if best is None:
                alone.append(r)
            else:
                joins.setdefault(best[1], []).append(r)
        out: dict[str, tuple[str, int]] = {}
        stubs: dict[str, Article] = {}
        groups: list[Group] = [Group([r], [None]) for r in alone]
        for event_id, members in sorted(joins.items()):
            stored = [self._remember_row(row) for row in self.db.query(
                          "SELECT * FROM reports WHERE event_id = ? ORDER BY sort_key",
                          (event_id,))]
            everyone = sorted(stored + members, key=lambda x: x.sort_key)
            anchor = everyone[0]
            groups.append(Group(everyone, [None] + [may_merge(anchor, m) for m in everyone[1:]]))
            self._drop_events([event_id])
        for group in groups:
            event_id = self._write_group(group, stubs)
            for member in group.members:
                out[member.report_id] = (event_id, len(group.members))
        return out

    def _drop_events(self, event_ids: list[str]) -> None:
        for event_id in event_ids:
            self.db.execute(
                "DELETE FROM evidence WHERE claim_id IN"
                " (SELECT claim_id FROM claims WHERE event_id = ?)",
                (event_id,),
            )
            self.db.execute("DELETE FROM claims WHERE event_id = ?", (event_id,))
            self.db.execute("DELETE FROM event_changes WHERE event_id = ?", (event_id,))
            self.db.execute("UPDATE mentions SET event_id = NULL WHERE event_id = ?", (event_id,))
            self.db.execute("DELETE FROM events WHERE event_id_cnty = ?", (event_id,))

    def _stub(self, article_id: str, stubs: dict[str, Article]) -> Article:
        """The article's id and outlet, all an event's rows need of it."""
        if article_id not in stubs:
            outlet = self.db.scalar(
                "SELECT outlet FROM articles WHERE article_id = ?", (article_id,)
            )
            stubs[article_id] = Article(id=article_id, outlet=outlet)
        return stubs[article_id]

    def _write_group(self, group: Group, stubs: dict[str, Article]) -> str:
        """One event from its reports: the anchor's reading, then each other report merged in
        canonical order, exactly as if they had arrived in that order."""
        anchor = group.anchor
        ev = anchor.event
        event_id = group.event_id
        self._create_event(event_id, self._stub(anchor.article_id, stubs), ev, anchor.family,
                           self._upsert_place(ev), ev.claims)
        for member, decision in zip(group.members[1:], group.decisions[1:], strict=True):
            assert decision is not None
            row = self.db.query("SELECT * FROM events WHERE event_id_cnty = ?", (event_id,))[0]
            m = member.event
            self._merge_into(row, self._stub(member.article_id, stubs), m,
                             self._upsert_place(m), m.claims, decision)
        for member in group.members:
            if member.apart:  # a user's split shapes this event: say so where merges are told
                self._change(event_id, member.article_id, "split", None,
                             ", ".join(sorted(member.apart)),
                             f"report {member.report_id} {member.history[-1]}"
                             " (frontwatch split-event; undo: frontwatch join-events)"
                             if member.history else f"report {member.report_id} kept apart")
        for member in group.members:  # the reports, and the sentences that told them
            self.db.execute("UPDATE reports SET event_id = ? WHERE report_id = ?",
                            (event_id, member.report_id))
            self.db.execute(
                "UPDATE mentions SET event_id = ? WHERE article_id = ? AND report_idx = ?",
                (event_id, member.article_id, member.idx),
            )
        return event_id

    def _upsert_place(self, ev: Event) -> str | None:
        place_id = place_id_of(ev)
        if place_id is None:
            return None
        self.db.execute(
            "INSERT INTO places (place_id, geonameid, name, latitude, longitude, feature_code,"
            " admin1, admin2, country, geo_precision) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (place_id) DO NOTHING",
            (
                place_id,
                ev.geonameid,
                ev.location or "",
                ev.latitude,
                ev.longitude,
                None,
                ev.admin1,
                ev.admin2,
                ev.country,
                ev.geo_precision,
            ),
        )
        return place_id

    def _create_event(
        self,
        event_id: str,
        article: Article,
        ev: Event,
        family: str,
        place_id: str | None,
        claims: list[Claim],
    ) -> None:
        disorder = ev.disorder_type or disorder_type_of(ev.event_type, ev.sub_event_type)
        interaction = ev.interaction or interaction_code(ev.inter1, ev.inter2)
        self.db.execute(
            "INSERT INTO events (event_id_cnty, event_date, year, time_precision, disorder_type,"
            " event_type, sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2,"
            " inter2, interaction, civilian_targeting, country, admin1, admin2, location,"
            " latitude, longitude, geo_precision, source, notes, fatalities, fatalities_high,"
            " injuries, contested, confidence, geonameid, place_id, family, first_article_id,"
            " n_articles, n_claims, materiel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                ev.event_date,
                _year(ev.event_date),
                ev.time_precision,
                disorder,
                ev.event_type,
                ev.sub_event_type,
                ev.actor1,
                ev.assoc_actor_1,
                ev.inter1,
                ev.actor2,
                ev.assoc_actor_2,
                ev.inter2,
                interaction,
                ev.civilian_targeting,
                ev.country,
                ev.admin1,
                ev.admin2,
                ev.location,
                ev.latitude,
                ev.longitude,
                ev.geo_precision,
                article.outlet or ev.source or "",
                ev.notes,
                conservative_fatalities(claims),
                highest_fatalities(claims),
                conservative_injuries(claims),
                int(ev.contested or is_contested(claims)),
                ev.confidence,
                ev.geonameid,
                place_id,
                family,
                article.id,
                1,
                len(claims),
                json.dumps([asdict(m) for m in ev.materiel], sort_keys=True),
            ),
        )
        self._insert_claims(event_id, article, ev, claims, "first report")
        self._change(
            event_id,
            article.id,
            "created",
            None,
            f"{ev.sub_event_type} at {ev.location or '?'} on {ev.event_date}",
            "first report",
        )
        # Sources from copies already stored (an earlier repost) join in now.
        self.refresh(event_id, article.id, "first report")

    def _merge_into(
        self,
        row: dict[str, Any],
        article: Article,
        ev: Event,
        place_id: str | None,
        claims: list[Claim],
        decision: MergeDecision,
    ) -> None:
        event_id = row["event_id_cnty"]
        reason = decision.explain()
        self._insert_claims(event_id, article, ev, claims, reason)
        for c in claims:
            self._change(event_id, article.id, "claim", None, _claim_summary(c), reason)
        updates: dict[str, Any] = {}
        # A more precise date or place from the new report improves the event.
        if ev.time_precision < row["time_precision"] and ev.event_date != row["event_date"]:
            updates.update(
                event_date=ev.event_date, year=_year(ev.event_date),
                time_precision=ev.time_precision,
            )
        elif ev.time_precision < row["time_precision"]:
            updates["time_precision"] = ev.time_precision
        if (
            ev.latitude is not None
            and (ev.geo_precision or 3) < (row["geo_precision"] or 3)
        ):
            updates.update(
                location=ev.location, latitude=ev.latitude, longitude=ev.longitude,
                geo_precision=ev.geo_precision, geonameid=ev.geonameid, place_id=place_id,
                admin1=ev.admin1, admin2=ev.admin2, country=ev.country or row["country"],
            )
        known = {row["actor1"].lower(), row["actor2"].lower()}
        if not row["actor2"] and ev.actor2 and ev.actor2.lower() not in known:
            updates.update(actor2=ev.actor2, inter2=ev.inter2,
                           interaction=interaction_code(row["inter1"], ev.inter2))
        elif not row["actor2"] and ev.actor1 and ev.actor1.lower() not in known:
            updates.update(actor2=ev.actor1, inter2=ev.inter1,
                           interaction=interaction_code(row["inter1"], ev.inter1))
        if ev.confidence is not None and ev.confidence > (row["confidence"] or 0):
            updates["confidence"] = ev.confidence
        self.update(event_id, article.id, row, updates, reason)
        self.refresh(event_id, article.id, reason)

    def update(
        self,
        event_id: str,
        article_id: str,
        row: dict[str, Any],
        updates: dict[str, Any],
        reason: str,
    ) -> bool:
        updates = {k: v for k, v in updates.items() if row.get(k) != v}
        if not updates:
            return False
        cols = sorted(updates)
        self.db.execute(
            "UPDATE events SET " + ", ".join(f"{c} = ?" for c in cols)
            + " WHERE event_id_cnty = ?",
            [updates[c] for c in cols] + [event_id],
        )
        for c in cols:
            if c in ("n_claims", "n_articles", "year", "place_id", "confidence"):
                continue  # bookkeeping that follows from other recorded changes
            self._change(event_id, article_id, c, row.get(c), updates[c], reason)
        return True

    def refresh(self, event_id: str, article_id: str, reason: str, recount: bool = False
                ) -> bool:
        """Recompute what follows from the claims (toll, contested, sources); record changes.

        `recount`: claims were taken away, so contested follows from the claims left alone
        (otherwise it only ever turns on: a report may have marked it for reasons of its own).
        """
        row = self.db.query("SELECT * FROM events WHERE event_id_cnty = ?", (event_id,))[0]
        claim_rows = self.db.query(
            "SELECT * FROM claims WHERE event_id = ? ORDER BY claim_seq", (event_id,)
        )
        claims = [claim_from_row(r) for r in claim_rows]
        outlets: list[str] = []
        for r in self.db.query(
            "SELECT o.outlet FROM claims c JOIN article_outlets o ON o.article_id = c.article_id"
            # The first copy's outlet, then other outlets by name (not by arrival).
            " WHERE c.event_id = ? ORDER BY c.claim_seq,"
            " CASE WHEN o.seq = 1 THEN 0 ELSE 1 END, o.outlet, o.copy_id",
            (event_id,),
        ):
            if r["outlet"] and r["outlet"] not in outlets:
                outlets.append(r["outlet"])
        updates = {
            "fatalities": conservative_fatalities(claims),
            "fatalities_high": highest_fatalities(claims),
            "injuries": conservative_injuries(claims),
            "contested": int((bool(row["contested"]) and not recount) or is_contested(claims)),
            "source": "; ".join(outlets) or row["source"],
            "n_claims": len(claims),
            "n_articles": len({c.article_id for c in claims}),
        }
        return self.update(event_id, article_id, row, updates, reason)

    def _insert_claims(
        self, event_id: str, article: Article, ev: Event, claims: list[Claim], reason: str
    ) -> None:
        # Order within the event: events are derived in canonical order, so this is too.
        seq = int(self.db.scalar(
            "SELECT coalesce(max(claim_seq), 0) FROM claims WHERE event_id = ?", (event_id,)
        ))
        for n, c in enumerate(claims):
            seq += 1
            claim_id = f"{event_id}/{article.id}/{n}"
            f = c.fatalities or Count()
            self.db.execute(
                "INSERT INTO claims (claim_id, event_id, article_id, outlet, claimant,"
                " claimant_kind, fatalities, fatalities_value, fatalities_low, fatalities_high,"
                " fatalities_quantifier, fatalities_approximate, injuries, hedged, denies,"
                " updates, materiel, event_date, sub_event_type, location, actor1, actor2,"
                " merge_reason, claim_seq)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    claim_id,
                    event_id,
                    article.id,
                    c.outlet or article.outlet,
                    c.claimant,
                    c.claimant_kind,
                    figure_of(c.fatalities),
                    f.value,
                    f.low,
                    f.high,
                    f.quantifier,
                    int(f.approximate),
                    figure_of(c.injuries),
                    int(c.hedged),
                    int(c.denies),
                    int(c.updates),
                    json.dumps([asdict(m) for m in c.materiel], sort_keys=True),
                    ev.event_date,
                    ev.sub_event_type,
                    ev.location,
                    ev.actor1,
                    ev.actor2,
                    reason,
                    seq,
                ),
            )
            spans = c.evidence or ev.evidence
            self.db.executemany(
                'INSERT INTO evidence (claim_id, n, article_id, start, "end", text)'
                " VALUES (?, ?, ?, ?, ?, ?)",
                [(claim_id, k, article.id, e.start, e.end, e.text) for k, e in enumerate(spans)],
            )

    def _change(
        self,
        event_id: str,
        article_id: str,
        field: str,
        old: Any,
        new: Any,
        reason: str,
    ) -> None:
        seq = int(
            self.db.scalar(
                "SELECT coalesce(max(seq), 0) + 1 FROM event_changes WHERE event_id = ?",
                (event_id,),
            )
        )
        self.db.execute(
            "INSERT INTO event_changes (event_id, seq, article_id, field, old_value, new_value,"
            " reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                event_id,
                seq,
                article_id,
                field,
                None if old is None else str(old),
                None if new is None else str(new),
                reason,
            ),
        )

    # -- mentions --------------------------------------------------------------------------
    def _insert_mentions(
        self, article: Article, result: ArticleResult, event_ids: list[str]
    ) -> None:
        spans: list[tuple[int, int, int]] = []
        for idx, ev in enumerate(result.events):
            for e in _spans_of(ev):
                spans.append((e.start, e.end, idx))
        rows = []
        for k, m in enumerate(result.mentions):
            s = m.sentence
            # The report the sentence belongs to, so regrouping can re-point it.
            report_idx = next((i for a, b, i in spans if a < s.end and s.start < b), None)
            event_id = event_ids[report_idx] if report_idx is not None else None
            place_id = None
            if m.place is not None:
                place_id = self._upsert_place(
                    Event(
                        event_date="", time_precision=3, disorder_type="", event_type="",
                        sub_event_type="", actor1="", location=m.place.name,
                        latitude=m.place.latitude, longitude=m.place.longitude,
                        geonameid=m.place.geonameid, admin1=m.place.admin1 or "",
                        admin2=m.place.admin2 or "", country=m.place.country or "",
                        geo_precision=m.place.geo_precision,
                    )
                )
            rows.append(
                (
                    f"{article.id}:{s.start}-{s.end}:{k}",
                    article.id,
                    event_id,
                    s.start,
                    s.end,
                    s.text,
                    m.trigger,
                    m.event_type,
                    m.sub_event_type,
                    m.actor1.name if m.actor1 else None,
                    m.actor2.name if m.actor2 else None,
                    m.places[0].text if m.places else None,
                    place_id,
                    m.date.isoformat() if m.date else None,
                    m.time_precision,
                    figure_of(m.fatalities),
                    m.claimant,
                    int(m.hedged),
                    m.confidence,
                    report_idx,
                )
            )
        self.db.executemany(
            "INSERT INTO mentions (mention_id, article_id, event_id, sentence_start, sentence_end,"
            " sentence, trigger, event_type, sub_event_type, actor1, actor2, place_text, place_id,"
            " event_date, time_precision, fatalities, claimant, hedged, confidence, report_idx)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )


def article_key(article_id: str, published: str | None) -> str:
    """Canonical order of articles: publication date (undated last), then id."""
    return f"{published or UNDATED}|{article_id}"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


def _dated(ev: Event, article: Article) -> Event:
    """An event the extractor could not date takes the article's date, at month precision."""
    try:
        dt.date.fromisoformat(ev.event_date)
        return ev
    except (TypeError, ValueError):
        pass
    fixed = copy.copy(ev)
    if article.published is not None:
        fixed.event_date, fixed.time_precision = article.published.isoformat(), 3
    else:
        fixed.event_date, fixed.time_precision = "", 3
    return fixed


def _spans_of(ev: Event) -> list[Evidence]:
    spans = list(ev.evidence)
    for c in ev.claims:
        spans.extend(c.evidence)
    return spans


def _claims_of(ev: Event, article: Article) -> list[Claim]:
    """The event's claims, each tied to this article; one plain report claim if it has none."""
    claims = []
    for c in ev.claims:
        claims.append(
            Claim(
                claimant=c.claimant,
                claimant_kind=c.claimant_kind,
                fatalities=c.fatalities,
                injuries=c.injuries,
                materiel=list(c.materiel),
                hedged=c.hedged,
                denies=c.denies,
                updates=c.updates,
                evidence=list(c.evidence),
                article_id=article.id,
                outlet=c.outlet or article.outlet,
            )
        )
    has_figure = any(figure_of(c.fatalities) is not None for c in claims)
    if not claims or (ev.fatalities and not has_figure):
        # The article's own reading (no attributed claimant) counts as one claim, so the
        # event's toll always follows from its claims.
        claims.append(
            Claim(
                claimant=None,
                claimant_kind=None,
                fatalities=Count(value=ev.fatalities) if ev.fatalities else None,
                injuries=Count(value=ev.injuries) if ev.injuries else None,
                materiel=list(ev.materiel),
                evidence=list(ev.evidence),
                article_id=article.id,
                outlet=article.outlet,
            )
        )
    return claims
