"""Reading events back: filters, a page, a count, one event with its claims and history."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from frontwatch.errors import FrontwatchError
from frontwatch.store.backends import POSTGRES, Backend
from frontwatch.store.search import phrases_clause, text_clause


class QueryError(FrontwatchError):
    """A filter value the user can fix (a bad date, a malformed bbox)."""


@dataclass(slots=True)
class EventFilter:
    since: str | None = None  # ISO date, inclusive
    until: str | None = None  # ISO date, inclusive
    event_type: str | None = None  # ACLED event type or sub-event type, case-insensitive
    # actor1, actor2 or an associated actor holds this from a word's start, case-insensitive
    actor: str | None = None
    country: str | None = None  # case-insensitive
    bbox: tuple[float, float, float, float] | None = None  # W, S, E, N
    contested: bool = False
    limit: int | None = None
    offset: int = 0
    # words that must all start a word of the notes, place names, actors or sources (the
    # dashboard's search box, `frontwatch events --q`); punctuation-only words are ignored
    text: str | None = None

    def where(self, db: Backend | None = None) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.since:
            clauses.append("event_date >= ?")
            params.append(_iso(self.since, "--since"))
        if self.until:
            clauses.append("event_date <= ?")
            params.append(_iso(self.until, "--until"))
        if self.event_type:
            names = type_names(self.event_type)
            if not names:
                raise QueryError(f"--type {self.event_type!r}: no ACLED event or sub-event type "
                                 "has that name or word")
            # Stored names are ACLED's own spelling: matching them exactly lets the database
            # use its (event_type, event_date) and (sub_event_type, event_date) indexes.
            from frontwatch.model import EVENT_TYPES, SUB_EVENT_TO_TYPE

            types = [t for t in EVENT_TYPES if t.lower() in names]
            subs = [t for t in SUB_EVENT_TO_TYPE if t.lower() in names]
            ors = []
            if types:
                ors.append(f"event_type IN ({', '.join('?' for _ in types)})")
            if subs:
                ors.append(f"sub_event_type IN ({', '.join('?' for _ in subs)})")
            clauses.append("(" + " OR ".join(ors) + ")")
            params += types + subs
        if self.actor:
            # A name's start or a run of its words is enough ("SDF" or "Syrian Dem" find "SDF:
            # Syrian Democratic Forces"), and associated actors count: people search for the
            # force they read about.
            # SQLite's LIKE ignores ASCII case already: calling lower() on every row made a
            # count on a million events four times slower. PostgreSQL's LIKE is exact, and
            # lower() there measured faster than ILIKE.
            # An abbreviation or alias finds the actor's canonical name too ("rsf").
            pg = db is not None and db.dialect is POSTGRES
            column = "lower({})" if pg else "{}"
            names = actor_names(self.actor)
            # The full-text index first narrows to events holding a name from a word's start
            # anywhere (LIKE alone read every row: 0.75 s for an actor on 100,000 events in
            # the dashboard); LIKE then keeps those where an actor column holds it.
            narrow = phrases_clause(names, db)
            if narrow is not None:
                clauses.append(narrow[0])
                params += narrow[1]
            ors = []
            for name in names:
                pattern = "%" + _like_escape(name.lower() if pg else name) + "%"
                ors += [f"{column.format(c)} LIKE ? ESCAPE '!'" for c in _ACTOR_COLUMNS]
                params += [pattern] * len(_ACTOR_COLUMNS)
            clauses.append("(" + " OR ".join(ors) + ")")
        if self.country:
            clauses.append("lower(country) = ?")
            params.append(self.country.lower())
        if self.bbox:
            w, s, e, n = self.bbox
            # SQLite has no statistics on how much of a store a box holds and prefers the
            # (latitude, ...) index for it, reading every row of a latitude band; beside dates,
            # a country or the contested flag (the map's view beside the user's filters) it is
            # rarely the narrower condition: unary + leaves it to be checked row by row (a
            # contested map of 100,000 events: 135 -> 12 ms).
            pg = db is not None and db.dialect is POSTGRES
            narrower = self.since or self.until or self.country or self.contested
            mark = "+" if narrower and not pg else ""
            clauses.append(f"{mark}latitude BETWEEN ? AND ?")
            params += [s, n]
            if w <= e:
                clauses.append(f"{mark}longitude BETWEEN ? AND ?")
                params += [w, e]
            else:  # crosses the antimeridian
                clauses.append(f"({mark}longitude >= ? OR {mark}longitude <= ?)")
                params += [w, e]
        if self.contested:
            clauses.append("contested = 1")
        if self.text:
            # Every word must start a word of the notes, places, actors or sources, from the
            # full-text index (migration 7).
            found = text_clause(self.text, db)
            if found is not None:
                clauses.append(found[0])
                params += found[1]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    try:
        w, s, e, n = (float(x) for x in text.split(","))
    except ValueError as exc:
        raise QueryError(
            f"--bbox {text!r}: expected W,S,E,N in degrees, e.g. 35.5,32.3,42.4,37.3"
        ) from exc
    if not (-90 <= s <= n <= 90 and -180 <= w <= 180 and -180 <= e <= 180):
        raise QueryError(f"--bbox {text!r}: south must be <= north, all within degree ranges")
    return w, s, e, n


_ACTOR_COLUMNS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")


def type_names(text: str) -> list[str]:
    """The ACLED event and sub-event types (lower case) a user's words name: the exact name,
    else every type whose name holds the words ("drone strike" -> "air/drone strike")."""
    from frontwatch.model import SUB_EVENT_TO_TYPE

    wanted = " ".join(text.lower().split())
    names = {n.lower() for n in (*SUB_EVENT_TO_TYPE, *SUB_EVENT_TO_TYPE.values())}
    if wanted in names:
        return [wanted]
    return sorted(n for n in names if wanted and wanted in n)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    """Alias (lower case) -> the catalogue's canonical names it stands for (data/actors.yaml),
    read without the NLP pipeline."""
    from importlib import resources

    import yaml

    data = yaml.safe_load(
        resources.files("frontwatch.data").joinpath("actors.yaml").read_text("utf-8"))
    out: dict[str, set[str]] = {}
    for entry in data.get("actors") or []:
        # "Islamic State ({country})" is stored as "Islamic State (Syria)": search its stem
        name = entry.get("name", "").split("{")[0].rstrip(" (")
        if not name:
            continue
        for alias in [name, *(entry.get("aliases") or [])]:
            out.setdefault(str(alias).lower(), set()).add(name)
    return {k: tuple(sorted(v)) for k, v in out.items()}


def actor_names(text: str) -> list[str]:
    """What to look for when a user asks for an actor: the text itself and the canonical
    names it is an alias of."""
    return list(dict.fromkeys([text, *_aliases().get(text.strip().lower(), ())]))


def _like_escape(text: str) -> str:
    """Text matched literally inside a LIKE pattern (escape character '!')."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def _iso(text: str, option: str) -> str:
    from frontwatch.days import parse_day

    try:
        return parse_day(text).isoformat()
    except ValueError as exc:
        raise QueryError(f"{option} {exc}") from exc


_ORDER = " ORDER BY event_date DESC, event_id_cnty"


def list_events(db: Backend, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = flt.where(db)
    sql = "SELECT * FROM events" + where + _ORDER
    if flt.limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params += [flt.limit, flt.offset]
    return db.query(sql, params)


def iter_events(db: Backend, flt: EventFilter, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    """All matching events, fetched in chunks (keyset paging) so exports stay small in memory."""
    where, params = flt.where(db)
    remaining = flt.limit
    last: tuple[str, str] | None = None
    skip = flt.offset
    while remaining is None or remaining > 0:
        size = chunk if remaining is None else min(chunk, remaining)
        extra, extra_params = "", []
        if last is not None:
            joiner = " AND " if where else " WHERE "
            extra = joiner + "(event_date < ? OR (event_date = ? AND event_id_cnty > ?))"
            extra_params = [last[0], last[0], last[1]]
        rows = db.query(
            "SELECT * FROM events" + where + extra + _ORDER + " LIMIT ? OFFSET ?",
            params + extra_params + [size, skip],
        )
        skip = 0
        if not rows:
            return
        yield from rows
        if remaining is not None:
            remaining -= len(rows)
        if len(rows) < size:
            return
        last = (rows[-1]["event_date"], rows[-1]["event_id_cnty"])


def count_events(db: Backend, flt: EventFilter) -> int:
    where, params = flt.where(db)
    return int(db.scalar("SELECT count(*) FROM events" + where, params))


@dataclass(slots=True)
class ClaimView:
    claim: dict[str, Any]
    evidence: list[dict[str, Any]] = field(default_factory=list)
    article: dict[str, Any] = field(default_factory=dict)
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class EventDetail:
    event: dict[str, Any]
    claims: list[ClaimView]
    mentions: list[dict[str, Any]]
    changes: list[dict[str, Any]]


def event_detail(db: Backend, event_id: str) -> EventDetail | None:
    from frontwatch.model import normal_event_id

    event_id = normal_event_id(event_id)  # any case, as `frontwatch extract` printed it
    rows = db.query("SELECT * FROM events WHERE event_id_cnty = ?", (event_id,))
    if not rows:
        return None
    claims = []
    for c in db.query("SELECT * FROM claims WHERE event_id = ? ORDER BY claim_seq", (event_id,)):
        ev = db.query(
            'SELECT n, start, "end", text FROM evidence WHERE claim_id = ? ORDER BY n',
            (c["claim_id"],),
        )
        art = db.query(
            "SELECT article_id, url, outlet, title, published, source_path FROM articles"
            " WHERE article_id = ?",
            (c["article_id"],),
        )
        outlets = [
            r["outlet"]
            for r in db.query(
                "SELECT DISTINCT outlet FROM article_outlets WHERE article_id = ? ORDER BY outlet",
                (c["article_id"],),
            )
            if r["outlet"]
        ]
        claims.append(ClaimView(c, ev, art[0] if art else {}, outlets))
    mentions = db.query(
        "SELECT * FROM mentions WHERE event_id = ? ORDER BY article_id, sentence_start", (event_id,)
    )
    changes = db.query("SELECT * FROM event_changes WHERE event_id = ? ORDER BY seq", (event_id,))
    return EventDetail(rows[0], claims, mentions, changes)


def claims_of_events(db: Backend, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Claims (with their evidence text) of many events, in a few queries."""
    out: dict[str, list[dict[str, Any]]] = {e: [] for e in event_ids}
    for i in range(0, len(event_ids), 500):
        ids = event_ids[i : i + 500]
        marks = ", ".join("?" for _ in ids)
        claims = db.query(
            # The article's own id, URL and file travel with each claim: users join on them.
            "SELECT c.*, a.source_id, a.url AS article_url, a.source_path FROM claims c"
            f" JOIN articles a ON a.article_id = c.article_id WHERE c.event_id IN ({marks})"
            " ORDER BY c.event_id, c.claim_seq",
            ids,
        )
        texts: dict[str, list[str]] = {}
        for r in db.query(
            "SELECT e.claim_id, e.text FROM evidence e JOIN claims c ON c.claim_id = e.claim_id"
            f" WHERE c.event_id IN ({marks}) ORDER BY e.claim_id, e.n",
            ids,
        ):
            texts.setdefault(r["claim_id"], []).append(r["text"])
        for c in claims:
            c["evidence"] = texts.get(c["claim_id"], [])
            out[c["event_id"]].append(c)
    return out
