"""The event database schema as an ordered list of migrations, one DDL text each.

Both servers run the same statements: `{text}`, `{int}`, `{float}`, `{bigint}` are replaced by
the backend's type names; where the servers have no common way (full-text search), a migration
also carries DDL for each one. Never edit a released migration; append a new one (see
docs/schema.md, "Changing the schema").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    description: str
    ddl: str
    # Run after `ddl`, on that server only (dialect name -> DDL).
    by_dialect: tuple[tuple[str, str], ...] = ()

    def ddl_for(self, dialect: str) -> str:
        return self.ddl + "".join(ddl for name, ddl in self.by_dialect if name == dialect)


_V1 = """
CREATE TABLE articles (
    article_id {text} PRIMARY KEY,          -- hash of the normalised text
    url {text},
    outlet {text},
    title {text},
    published {text},                       -- ISO date
    source_path {text},
    n_chars {int} NOT NULL,
    duplicate_of {text} REFERENCES articles(article_id),
    similarity {float},                     -- estimated Jaccard with duplicate_of
    n_mentions {int} NOT NULL DEFAULT 0,
    n_events {int} NOT NULL DEFAULT 0,
    ingest_seq {bigint} NOT NULL,           -- order of ingestion, 1, 2, 3...
    ingested_at {text} NOT NULL,            -- UTC, ISO 8601
    text {text} NOT NULL
);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
CREATE INDEX articles_published ON articles(published);

CREATE TABLE article_signatures (
    article_id {text} PRIMARY KEY REFERENCES articles(article_id),
    num_perm {int} NOT NULL,
    minhash {text} NOT NULL                 -- hex of the MinHash values (uint32, little-endian)
);

CREATE TABLE article_outlets (
    article_id {text} NOT NULL REFERENCES articles(article_id),  -- the first copy
    outlet {text} NOT NULL,
    copy_id {text} NOT NULL,                -- the article that outlet ran (may be article_id)
    url {text},
    source_path {text},
    published {text},
    seq {int} NOT NULL,                     -- 1 for the first copy, then in order of arrival
    PRIMARY KEY (article_id, outlet, copy_id)
);

CREATE TABLE places (
    place_id {text} PRIMARY KEY,            -- 'gn:<geonameid>' or 'h:<hash of name+coords>'
    geonameid {bigint},
    name {text} NOT NULL,
    latitude {float},
    longitude {float},
    feature_code {text},
    admin1 {text},
    admin2 {text},
    country {text},
    geo_precision {int}
);
CREATE INDEX places_geonameid ON places(geonameid);

CREATE TABLE events (
    event_id_cnty {text} PRIMARY KEY,
    event_date {text} NOT NULL,             -- ISO date; '' when no report dates it
    year {int},
    time_precision {int} NOT NULL,
    disorder_type {text} NOT NULL,
    event_type {text} NOT NULL,
    sub_event_type {text} NOT NULL,
    actor1 {text} NOT NULL,
    assoc_actor_1 {text} NOT NULL DEFAULT '',
    inter1 {int},
    actor2 {text} NOT NULL DEFAULT '',
    assoc_actor_2 {text} NOT NULL DEFAULT '',
    inter2 {int},
    interaction {int},
    civilian_targeting {text} NOT NULL DEFAULT '',
    country {text} NOT NULL DEFAULT '',
    admin1 {text} NOT NULL DEFAULT '',
    admin2 {text} NOT NULL DEFAULT '',
    location {text} NOT NULL DEFAULT '',
    latitude {float},
    longitude {float},
    geo_precision {int},
    source {text} NOT NULL DEFAULT '',
    notes {text} NOT NULL DEFAULT '',
    fatalities {int} NOT NULL DEFAULT 0,
    -- frontwatch's own columns after ACLED's
    fatalities_high {int},
    injuries {int},
    contested {int} NOT NULL DEFAULT 0,     -- 1 when claims disagree
    confidence {float},
    geonameid {bigint},
    place_id {text} REFERENCES places(place_id),
    family {text} NOT NULL,                 -- merge family of the event type (merge.py)
    first_article_id {text} NOT NULL REFERENCES articles(article_id),
    n_articles {int} NOT NULL DEFAULT 1,
    n_claims {int} NOT NULL DEFAULT 0,
    materiel {text} NOT NULL DEFAULT '[]'   -- JSON list from the first report
);
CREATE INDEX events_date ON events(event_date);
CREATE INDEX events_type_date ON events(event_type, event_date);
CREATE INDEX events_family_date ON events(family, event_date);
CREATE INDEX events_country_date ON events(country, event_date);
CREATE INDEX events_actor1 ON events(lower(actor1));
CREATE INDEX events_actor2 ON events(lower(actor2));
CREATE INDEX events_lat_lon ON events(latitude, longitude);
CREATE INDEX events_contested ON events(contested, event_date);

CREATE TABLE mentions (
    mention_id {text} PRIMARY KEY,          -- <article_id>:<start>-<end>:<n>
    article_id {text} NOT NULL REFERENCES articles(article_id),
    event_id {text} REFERENCES events(event_id_cnty),
    sentence_start {int} NOT NULL,
    sentence_end {int} NOT NULL,
    sentence {text} NOT NULL,
    trigger {text} NOT NULL,
    event_type {text} NOT NULL,
    sub_event_type {text} NOT NULL,
    actor1 {text},
    actor2 {text},
    place_text {text},
    place_id {text} REFERENCES places(place_id),
    event_date {text},
    time_precision {int},
    fatalities {int},                       -- conservative reading of the sentence's figure
    claimant {text},
    hedged {int} NOT NULL DEFAULT 0,
    confidence {float}
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_event ON mentions(event_id);

CREATE TABLE claims (
    claim_id {text} PRIMARY KEY,            -- <event_id>/<article_id>/<n>
    event_id {text} NOT NULL REFERENCES events(event_id_cnty),
    article_id {text} NOT NULL REFERENCES articles(article_id),
    outlet {text},
    claimant {text},
    claimant_kind {text},
    fatalities {int},                       -- conservative figure (ACLED rule), NULL = none given
    fatalities_value {int},
    fatalities_low {int},
    fatalities_high {int},
    fatalities_quantifier {text},
    fatalities_approximate {int} NOT NULL DEFAULT 0,
    injuries {int},
    hedged {int} NOT NULL DEFAULT 0,
    materiel {text} NOT NULL DEFAULT '[]',  -- JSON list of (category, count, fate, side)
    event_date {text},                      -- what this report said, before merging
    sub_event_type {text},
    location {text},
    actor1 {text},
    actor2 {text},
    merge_reason {text} NOT NULL,           -- why this report joined the event
    claim_seq {bigint} NOT NULL             -- order of arrival
);
CREATE INDEX claims_event ON claims(event_id);
CREATE INDEX claims_article ON claims(article_id);

CREATE TABLE evidence (
    claim_id {text} NOT NULL REFERENCES claims(claim_id),
    n {int} NOT NULL,
    article_id {text} NOT NULL REFERENCES articles(article_id),
    start {int} NOT NULL,
    "end" {int} NOT NULL,
    text {text} NOT NULL,
    PRIMARY KEY (claim_id, n)
);

CREATE TABLE event_changes (
    event_id {text} NOT NULL REFERENCES events(event_id_cnty),
    seq {int} NOT NULL,
    article_id {text} NOT NULL REFERENCES articles(article_id),
    field {text} NOT NULL,                  -- 'created', 'claim', or a column name
    old_value {text},
    new_value {text},
    reason {text} NOT NULL,
    PRIMARY KEY (event_id, seq)
);
CREATE INDEX event_changes_article ON event_changes(article_id);
"""

# A claimant who denies the incident ("the army denied the report") is a claim of its own.
_V2 = """
ALTER TABLE claims ADD COLUMN denies {int} NOT NULL DEFAULT 0;
"""

# A toll that grew ("has risen to nine") replaces earlier figures instead of rivalling them.
_V3 = """
ALTER TABLE claims ADD COLUMN updates {int} NOT NULL DEFAULT 0;
"""

# The input's own id (a JSON-lines `id`), so a user can join stored articles to their records.
_V4 = """
ALTER TABLE articles ADD COLUMN source_id {text};
CREATE INDEX articles_source_id ON articles(source_id);
"""

# Each report (one article's reading of one incident) as extracted, so events can be derived
# from the reports by a rule that does not depend on the order they arrived in (write.py).
_V5 = """
CREATE TABLE reports (
    report_id {text} PRIMARY KEY,           -- <article_id>:<index>
    article_id {text} NOT NULL REFERENCES articles(article_id),
    idx {int} NOT NULL,
    family {text} NOT NULL,
    event_date {text} NOT NULL,
    latitude {float},                       -- place columns narrow the search for partners
    longitude {float},
    admin2 {text} NOT NULL DEFAULT '',
    location {text} NOT NULL DEFAULT '',
    sort_key {text} NOT NULL,               -- canonical order: publication date, article, index
    event_id {text},                        -- the event the report is grouped into
    data {text} NOT NULL                    -- the event as extracted, with its claims (JSON)
);
CREATE INDEX reports_family_date ON reports(family, event_date);
CREATE INDEX reports_event ON reports(event_id);
CREATE INDEX reports_article ON reports(article_id);
ALTER TABLE mentions ADD COLUMN report_idx {int};
"""

# Filtering by sub-event type (`--type "air/drone strike"`, the dashboard) from an index.
_V6 = """
CREATE INDEX events_sub_type_date ON events(sub_event_type, event_date);
"""

# The text the words filter (`q`) searches: what a reader scans for a name or a word.
SEARCH_COLUMNS = ("notes", "location", "admin1", "admin2", "country", "actor1", "actor2",
                  "assoc_actor_1", "assoc_actor_2", "source")

# Words search from a full-text index instead of LIKE over ten columns of every row (a words
# filter on 100,000 events was the dashboard's slowest change). The map's clusters count
# events by type and position: both indexes the map reads from hold those columns, so a view
# of the whole store or of a date range is counted without reading a row (a four-month range
# of 100,000 events: 120 -> 2 ms). Each replaces an index it extends. Countries are matched
# in any case (`lower(country) = ?`), which the index on the stored spelling never served.
_V7 = """
DROP INDEX events_lat_lon;
CREATE INDEX events_lat_lon_type ON events(latitude, longitude, event_type);
DROP INDEX events_date;
CREATE INDEX events_date_geo ON events(event_date, latitude, longitude, event_type);
DROP INDEX events_country_date;
CREATE INDEX events_country_lower_date ON events(lower(country), event_date);
"""


def _document(row: str) -> str:
    """The searched columns of a trigger's `new` or `old` row as one text, as PostgreSQL's
    index reads them: a phrase ("Ar-Raqqah") then matches alike on both servers."""
    return " || ' ' || ".join(f"{row}.{c}" for c in SEARCH_COLUMNS)


# SQLite: a contentless FTS5 index of that text (the text is not stored twice), kept in step
# by triggers, so every writer (ingest, re-extraction, article deletion, a user's own SQL)
# keeps it right; its rowid is the event's. Diacritics are kept, as PostgreSQL's 'simple'
# configuration keeps them, so both servers find the same events.
_V7_SQLITE = f"""
CREATE VIRTUAL TABLE events_fts USING fts5(
    text, content='', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO events_fts (rowid, text) SELECT rowid, {_document("events")} FROM events;
CREATE TRIGGER events_fts_ai AFTER INSERT ON events BEGIN
    INSERT INTO events_fts (rowid, text) VALUES (new.rowid, {_document("new")});
END;
CREATE TRIGGER events_fts_ad AFTER DELETE ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, text)
    VALUES ('delete', old.rowid, {_document("old")});
END;
CREATE TRIGGER events_fts_au AFTER UPDATE OF {", ".join(SEARCH_COLUMNS)} ON events BEGIN
    INSERT INTO events_fts (events_fts, rowid, text)
    VALUES ('delete', old.rowid, {_document("old")});
    INSERT INTO events_fts (rowid, text) VALUES (new.rowid, {_document("new")});
END;
"""

# PostgreSQL: the searched text as a tsvector expression with a GIN index on it (an
# expression, not a generated column, so `SELECT *` and the exports gain no column). ASCII
# punctuation becomes space first: PostgreSQL's parser would otherwise keep "air/drone" or
# "sana.sy" as one token where SQLite's has two. Queries must repeat this exact expression
# for the index to serve them (store/search.py uses this constant).
PG_SEARCH_DOCUMENT = (
    "to_tsvector('simple'::regconfig, regexp_replace("
    + " || ' ' || ".join(SEARCH_COLUMNS) + ", '[[:punct:]]', ' ', 'g'))"
)
_V7_POSTGRES = f"""
CREATE INDEX events_search ON events USING gin ({PG_SEARCH_DOCUMENT});
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, outlets, places, events, mentions, claims, evidence, changes", _V1),
    Migration(2, "claims.denies: a claimant denying the incident", _V2),
    Migration(3, "claims.updates: a grown toll replacing earlier figures", _V3),
    Migration(4, "articles.source_id: the input's own id", _V4),
    Migration(5, "reports: each article's events as extracted; events derived from them", _V5),
    Migration(6, "index on events(sub_event_type, event_date)", _V6),
    Migration(7, "full-text index of the events' words; indexes for the map and any-case country",
              _V7, (("sqlite", _V7_SQLITE), ("postgresql", _V7_POSTGRES))),
)

LATEST = MIGRATIONS[-1].version


def statements(ddl: str, types: dict[str, str]) -> list[str]:
    """Split a migration into statements, with the backend's type names filled in. A
    trigger's body (BEGIN ... END) holds semicolons of its own and stays one statement."""
    text = ddl.format(**types)
    lines = [line.split("--", 1)[0] for line in text.splitlines()]
    out: list[str] = []
    for piece in "\n".join(lines).split(";"):
        piece = piece.strip()
        if not piece:
            continue
        if out and out[-1].startswith("CREATE TRIGGER") and not out[-1].endswith("END"):
            out[-1] += ";\n" + piece
        else:
            out.append(piece)
    return out
