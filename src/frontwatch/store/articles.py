"""Stored articles: list them, show one with its events, delete one, re-extract them.

Deleting an article takes its claims out of every event they supported. An event left with
no claim goes; an event that keeps claims from other articles is recounted (toll, contested,
sources, article count) and, when the deleted article was its first report, takes its date,
type, actors and place from the earliest report that remains. A syndicated copy only leaves
its outlet's line; deleting the first copy of a text that other outlets also ran needs
`with_copies` (their rows point at it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.merge import family_of
from frontwatch.model import SUB_EVENT_TO_TYPE, disorder_type_of
from frontwatch.store.backends import Backend
from frontwatch.store.reports import report_from_row
from frontwatch.store.write import Writer

# Shortest id prefix accepted for an article (ids are 16 hex digits).
MIN_PREFIX = 6


class ArticleNotFound(FrontwatchError):
    """No stored article has that id (or id prefix, or input id)."""


class AmbiguousArticle(FrontwatchError):
    """An id prefix or input id names several stored articles."""


class HasCopies(FrontwatchError):
    """The article is the first copy of a text other stored articles repeat."""


@dataclass(slots=True)
class ArticleFilter:
    since: dt.date | None = None  # publication date
    until: dt.date | None = None
    outlet: str | None = None
    q: str | None = None  # words in the title or text
    copies: bool = True  # False: first copies only
    limit: int | None = None
    offset: int = 0


@dataclass(slots=True)
class ArticleDetail:
    article: dict[str, Any]
    outlets: list[dict[str, Any]]  # every outlet that ran it, first copy first
    copies: list[str]  # stored articles that repeat it
    events: list[dict[str, Any]]  # events it holds claims of, with `claims` from this article


@dataclass(slots=True)
class Deleted:
    article_id: str
    copies: list[str] = field(default_factory=list)
    claims: int = 0
    events_deleted: list[str] = field(default_factory=list)
    events_recounted: list[str] = field(default_factory=list)

    def summary(self) -> str:
        copies = f" and {len(self.copies)} copies" if self.copies else ""
        return (
            f"deleted article {self.article_id}{copies}: {self.claims} claims withdrawn,"
            f" {len(self.events_deleted)} events deleted (no claim left),"
            f" {len(self.events_recounted)} events recounted"
        )


_LIST_COLUMNS = (
    "article_id, source_id, published, outlet, title, url, source_path, duplicate_of,"
    " n_mentions, n_events, ingest_seq, ingested_at, n_chars"
)


def _where(flt: ArticleFilter) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if flt.since:
        clauses.append("published >= ?")
        params.append(flt.since.isoformat())
    if flt.until:
        clauses.append("published <= ?")
        params.append(flt.until.isoformat())
    if flt.outlet:
        clauses.append(
            "(lower(outlet) = ? OR article_id IN (SELECT copy_id FROM article_outlets"
            " WHERE lower(outlet) = ?))"
        )
        params += [flt.outlet.lower(), flt.outlet.lower()]
    if flt.q:
        for word in flt.q.split():
            clauses.append("(lower(title) LIKE ? OR lower(text) LIKE ?)")
            params += [f"%{word.lower()}%"] * 2
    if not flt.copies:
        clauses.append("duplicate_of IS NULL")
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def list_articles(db: Backend, flt: ArticleFilter | None = None) -> list[dict[str, Any]]:
    """Stored articles in order of ingestion."""
    flt = flt or ArticleFilter()
    where, params = _where(flt)
    sql = f"SELECT {_LIST_COLUMNS} FROM articles{where} ORDER BY ingest_seq"
    if flt.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [flt.limit, flt.offset]
    elif flt.offset:
        sql += " LIMIT -1 OFFSET ?" if db.dialect.name == "sqlite" else " OFFSET ?"
        params.append(flt.offset)
    return db.query(sql, params)


def count_articles(db: Backend, flt: ArticleFilter | None = None) -> int:
    where, params = _where(flt or ArticleFilter())
    return int(db.scalar(f"SELECT count(*) FROM articles{where}", params))


def resolve_article_id(db: Backend, given: str) -> str:
    """The stored article that `given` names: its id, a unique prefix of it (6+ hex digits),
    or the input's own id (a JSON-lines `id`)."""
    text = given.strip()
    if db.scalar("SELECT count(*) FROM articles WHERE article_id = ?", (text.lower(),)):
        return text.lower()
    found: list[str] = []
    if len(text) >= MIN_PREFIX and all(ch in "0123456789abcdefABCDEF" for ch in text):
        found = [
            r["article_id"]
            for r in db.query(
                "SELECT article_id FROM articles WHERE article_id LIKE ? ORDER BY article_id",
                (text.lower() + "%",),
            )
        ]
    if not found:
        found = [
            r["article_id"]
            for r in db.query(
                "SELECT article_id FROM articles WHERE source_id = ? ORDER BY ingest_seq", (text,)
            )
        ]
    if not found:
        raise ArticleNotFound(f"no stored article {given!r}")
    if len(found) > 1:
        raise AmbiguousArticle(
            f"{given!r} names {len(found)} articles ({', '.join(found[:5])}); give more of the id"
        )
    return found[0]


def article_detail(db: Backend, article_id: str) -> ArticleDetail:
    article_id = resolve_article_id(db, article_id)
    row = db.query("SELECT * FROM articles WHERE article_id = ?", (article_id,))[0]
    root = row["duplicate_of"] or article_id
    outlets = db.query(
        "SELECT outlet, copy_id, url, source_path, published, seq FROM article_outlets"
        " WHERE article_id = ? ORDER BY seq",
        (root,),
    )
    copies = [
        r["article_id"]
        for r in db.query(
            "SELECT article_id FROM articles WHERE duplicate_of = ? ORDER BY ingest_seq", (root,)
        )
    ]
    events = db.query(
        "SELECT * FROM events WHERE event_id_cnty IN (SELECT event_id FROM claims"
        " WHERE article_id = ?) ORDER BY event_date, event_id_cnty",
        (root,),
    )
    for ev in events:
        ev["claims"] = db.query(
            "SELECT * FROM claims WHERE event_id = ? AND article_id = ? ORDER BY claim_seq",
            (ev["event_id_cnty"], root),
        )
    return ArticleDetail(row, outlets, copies, events)


def delete_article(writer: Writer, article_id: str, with_copies: bool = False) -> Deleted:
    """Delete one stored article inside the caller's transaction (see the module's note)."""
    db = writer.db
    article_id = resolve_article_id(db, article_id)
    row = db.query("SELECT article_id, duplicate_of FROM articles WHERE article_id = ?",
                   (article_id,))[0]
    if row["duplicate_of"]:
        return _delete_copy(writer, article_id, row["duplicate_of"])
    copies = [
        r["article_id"]
        for r in db.query(
            "SELECT article_id FROM articles WHERE duplicate_of = ? ORDER BY ingest_seq",
            (article_id,),
        )
    ]
    if copies and not with_copies:
        raise HasCopies(
            f"article {article_id} is the first copy of a text {len(copies)} other stored"
            " articles repeat; delete those first or delete them together (--with-copies)"
        )
    out = Deleted(article_id, copies=copies)
    _withdraw_reports(writer, article_id, out)
    # What is left: claims in events from before schema 5, which have no reports.
    touched = [
        r["event_id"]
        for r in db.query(
            "SELECT DISTINCT event_id FROM claims WHERE article_id = ? ORDER BY event_id",
            (article_id,),
        )
    ]
    out.claims += int(db.scalar("SELECT count(*) FROM claims WHERE article_id = ?",
                                (article_id,)))
    db.execute(
        "DELETE FROM evidence WHERE claim_id IN (SELECT claim_id FROM claims WHERE article_id = ?)",
        (article_id,),
    )
    db.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM event_changes WHERE article_id = ?", (article_id,))
    for event_id in touched:
        if _settle_event(writer, event_id, article_id):
            out.events_recounted.append(event_id)
        else:
            out.events_deleted.append(event_id)
    for copy_id in copies:
        db.execute("DELETE FROM event_changes WHERE article_id = ?", (copy_id,))
        db.execute("DELETE FROM articles WHERE article_id = ?", (copy_id,))
    db.execute("DELETE FROM article_outlets WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
    writer.forget_stored(article_id)
    return out


def _withdraw_reports(writer: Writer, article_id: str, out: Deleted) -> None:
    """The article's reports leave: the events of every report linked to them are derived
    again without them (reports.py), which recounts what stays and drops what none tells."""
    db = writer.db
    mine = [report_from_row(r) for r in db.query(
        "SELECT * FROM reports WHERE article_id = ? ORDER BY idx", (article_id,)
    )]
    if not mine:
        return
    before = {r.event_id for r in mine if r.event_id}
    out.claims += int(db.scalar(
        "SELECT count(*) FROM claims WHERE article_id = ? AND event_id IN"
        " (SELECT event_id FROM reports WHERE article_id = ?)", (article_id, article_id),
    ))
    groups = writer.regroup(mine, leaving=article_id)
    writer.drop_reading(article_id)
    after = {event_id for event_id, _ in groups.values()}
    out.events_recounted += sorted(before & after)
    out.events_deleted += sorted(before - after)


def _delete_copy(writer: Writer, article_id: str, root: str) -> Deleted:
    db = writer.db
    db.execute("DELETE FROM article_outlets WHERE copy_id = ?", (article_id,))
    # Its changes (the sources it added) are recounted below under the first copy.
    db.execute("DELETE FROM event_changes WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM articles WHERE article_id = ?", (article_id,))
    out = Deleted(article_id)
    for r in db.query(
        "SELECT DISTINCT event_id FROM claims WHERE article_id = ? ORDER BY event_id", (root,)
    ):
        writer.refresh(r["event_id"], root, f"copy {article_id} deleted")
        out.events_recounted.append(r["event_id"])
    return out


def _settle_event(writer: Writer, event_id: str, deleted: str) -> bool:
    """After `deleted`'s claims left the event: drop it if none remain, else recount it.
    Returns whether the event remains."""
    db = writer.db
    first = db.query(
        "SELECT * FROM claims WHERE event_id = ? ORDER BY claim_seq LIMIT 1", (event_id,)
    )
    if not first:
        db.execute("UPDATE mentions SET event_id = NULL WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM event_changes WHERE event_id = ?", (event_id,))
        db.execute("DELETE FROM events WHERE event_id_cnty = ?", (event_id,))
        return False
    claim = first[0]
    row = db.query("SELECT * FROM events WHERE event_id_cnty = ?", (event_id,))[0]
    reason = f"article {deleted} deleted"
    if row["first_article_id"] == deleted:
        _rebase(writer, row, claim, reason)
    writer.refresh(event_id, claim["article_id"], reason, recount=True)
    return True


def _rebase(writer: Writer, row: dict[str, Any], claim: dict[str, Any], reason: str) -> None:
    """The event's first report was deleted: its defining fields come from the earliest report
    left, as if that one had come first."""
    db = writer.db
    event_id = row["event_id_cnty"]
    updates: dict[str, Any] = {"first_article_id": claim["article_id"]}
    sub = claim["sub_event_type"] or row["sub_event_type"]
    if sub in SUB_EVENT_TO_TYPE and sub != row["sub_event_type"]:
        etype = SUB_EVENT_TO_TYPE[sub]
        updates.update(
            sub_event_type=sub, event_type=etype, family=family_of(etype, sub),
            disorder_type=disorder_type_of(etype, sub),
        )
    if claim["event_date"]:
        updates["event_date"] = claim["event_date"]
        year = claim["event_date"][:4]
        updates["year"] = int(year) if year.isdigit() else None
    if claim["actor1"]:
        updates["actor1"] = claim["actor1"]
    updates["actor2"] = claim["actor2"] or ""
    place = db.query(
        "SELECT p.* FROM mentions m JOIN places p ON p.place_id = m.place_id"
        " WHERE m.event_id = ? AND m.article_id = ? ORDER BY m.sentence_start LIMIT 1",
        (event_id, claim["article_id"]),
    )
    if place:
        p = place[0]
        updates.update(
            location=p["name"], latitude=p["latitude"], longitude=p["longitude"],
            geonameid=p["geonameid"], place_id=p["place_id"], admin1=p["admin1"] or "",
            admin2=p["admin2"] or "", country=p["country"] or row["country"],
            geo_precision=p["geo_precision"],
        )
    elif claim["location"]:
        updates["location"] = claim["location"]
    writer.update(event_id, claim["article_id"], row, updates, reason)


def roots_in_order(db: Backend, ids: Iterable[str] | None) -> list[str]:
    """First copies to re-extract: the given articles' roots (a copy stands for its first copy),
    or every first copy when `ids` is None; in order of ingestion, without repeats."""
    if ids is None:
        return [
            r["article_id"]
            for r in db.query(
                "SELECT article_id FROM articles WHERE duplicate_of IS NULL ORDER BY ingest_seq"
            )
        ]
    roots: dict[str, int] = {}
    for given in ids:
        article_id = resolve_article_id(db, given)
        r = db.query(
            "SELECT a.article_id, coalesce(b.ingest_seq, a.ingest_seq) AS seq,"
            " coalesce(a.duplicate_of, a.article_id) AS root FROM articles a"
            " LEFT JOIN articles b ON b.article_id = a.duplicate_of WHERE a.article_id = ?",
            (article_id,),
        )[0]
        roots.setdefault(r["root"], r["seq"])
    return sorted(roots, key=lambda a: roots[a])


def family_rows(db: Backend, root: str) -> list[dict[str, Any]]:
    """A first copy and the stored copies of it, in order of ingestion."""
    return db.query(
        "SELECT * FROM articles WHERE article_id = ? OR duplicate_of = ? ORDER BY ingest_seq",
        (root, root),
    )


_READING_COLUMNS = ("article_id", "url", "outlet", "title", "published", "source_path", "n_chars",
            "duplicate_of", "n_mentions", "n_events", "ingested_at", "text")


def article_for_reading(db: Backend, article_id: str) -> dict[str, Any] | None:
    """One stored article for reading (the dashboard): its text, the outlets that ran it, and
    every sentence a claim cites in it (character offsets into the text)."""
    rows = db.query(f"SELECT {', '.join(_READING_COLUMNS)} FROM articles WHERE article_id = ?",
                    (article_id.strip(),))
    if not rows:
        return None
    article = rows[0]
    article["outlets"] = db.query(
        "SELECT outlet, url, published, copy_id FROM article_outlets WHERE article_id = ?"
        " ORDER BY seq", (article["article_id"],))
    article["evidence"] = db.query(
        'SELECT e.claim_id, c.event_id, e.n, e.start, e."end", e.text, c.claimant, c.denies,'
        " c.hedged FROM evidence e JOIN claims c ON c.claim_id = e.claim_id"
        ' WHERE e.article_id = ? ORDER BY e.start, e."end", e.claim_id',
        (article["article_id"],))
    for ev in article["evidence"]:
        ev["denies"] = bool(ev["denies"])
        ev["hedged"] = bool(ev["hedged"])
    return article
