"""Test support for the store tests: hand-built records, a sentence-pattern extractor and a
corpus generator, so store behaviour is tested without depending on the NLP stages.

`PatternExtractor` reads sentences of one fixed shape, e.g.
    "On 2017-08-12 ISIS attacked SAA at Sukhna, killing 7, according to Amaq."
    "On 2017-08-13 SAA recaptured Sukhna from ISIS."
and builds the Mention/Event/Claim records the real pipeline would. The ingest subprocess
tests load it through FRONTWATCH_EXTRACTOR=store_support:PatternExtractor.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import subprocess
from pathlib import Path

from frontwatch.model import (
    ActorRef,
    Article,
    Claim,
    Count,
    Event,
    Evidence,
    Mention,
    disorder_type_of,
    interaction_code,
)
from frontwatch.pipeline import ArticleResult, make_article

# name -> (latitude, longitude, geonameid, admin1, admin2). Ids are made up for tests.
PLACES = {
    "Sukhna": (34.8858, 38.8689, 900001, "Homs", "Tadmur"),
    "Humaimah": (34.7800, 38.5200, 900002, "Homs", "Tadmur"),
    "Maadan": (35.7386, 39.6514, 900003, "Ar-Raqqah", "Ar-Raqqah"),
    "Ghanim Ali": (35.6500, 39.5200, 900004, "Ar-Raqqah", "Ar-Raqqah"),
    "Bir Rahum": (35.2000, 38.9000, 900005, "Ar-Raqqah", "Ar-Raqqah"),
    "Sukhna East": (34.8900, 38.8900, None, "Homs", "Tadmur"),  # 2 km from Sukhna, not geocoded
    "Palmyra": (34.5600, 38.2800, 900006, "Homs", "Tadmur"),
}
ACTORS = {
    "ISIS": ("Islamic State (Syria)", 2),
    "SAA": ("Military Forces of Syria (2000-)", 1),
    "SDF": ("SDF: Syrian Democratic Forces", 2),
    "Tribal fighters": ("Tribal Militia (Syria)", 4),
}
VERBS = {
    "attacked": ("Battles", "Armed clash"),
    "shelled": ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    "captured": ("Battles", "Non-state actor overtakes territory"),
    "recaptured": ("Battles", "Government regains territory"),
    "took over": ("Strategic developments", "Non-violent transfer of territory"),
}
_ACTOR = "|".join(sorted(map(re.escape, ACTORS), key=len, reverse=True))
_PLACE = "|".join(sorted(map(re.escape, PLACES), key=len, reverse=True))
SENTENCE = re.compile(
    rf"On (?P<date>\d{{4}}-\d\d-\d\d) (?P<a1>{_ACTOR}) (?P<verb>attacked|shelled|recaptured"
    rf"|captured|took over) (?:(?P<a2>{_ACTOR}) (?:at|in) )?(?P<place>{_PLACE})"
    rf"(?: from (?P<a2b>{_ACTOR}))?(?:, killing (?P<dead>\d+|dozens|several))?"
    rf"(?:, according to (?P<claimant>[A-Z][\w ]*?))?\."
)


def _count(text: str | None) -> Count | None:
    if text is None:
        return None
    return Count(value=int(text)) if text.isdigit() else Count(quantifier=text)


class PatternExtractor:
    """Deterministic stand-in for `frontwatch.pipeline.Extractor` (same `process` contract)."""

    def process(self, article: Article) -> ArticleResult:
        mentions, events = [], []
        for m in SENTENCE.finditer(article.text):
            sent = Evidence(article.id, m.start(), m.end(), m.group(0))
            etype, sub = VERBS[m["verb"]]
            a1, i1 = ACTORS[m["a1"]]
            a2name = m["a2"] or m["a2b"]
            a2, i2 = ACTORS[a2name] if a2name else ("", None)
            lat, lon, gid, adm1, adm2 = PLACES[m["place"]]
            dead = _count(m["dead"])
            date = dt.date.fromisoformat(m["date"])
            mentions.append(
                Mention(
                    article_id=article.id, sentence=sent, trigger=m["verb"], event_type=etype,
                    sub_event_type=sub, actor1=ActorRef(m["a1"], a1, i1),
                    actor2=ActorRef(a2name, a2, i2) if a2name else None, date=date,
                    time_precision=1, fatalities=dead, claimant=m["claimant"],
                )
            )
            claim = Claim(
                claimant=m["claimant"], claimant_kind="armed group" if m["claimant"] else None,
                fatalities=dead, evidence=[sent], article_id=article.id, outlet=article.outlet,
            )
            events.append(
                Event(
                    event_date=m["date"], time_precision=1,
                    disorder_type=disorder_type_of(etype, sub), event_type=etype,
                    sub_event_type=sub, actor1=a1, inter1=i1, actor2=a2, inter2=i2,
                    interaction=interaction_code(i1, i2), country="Syria", admin1=adm1,
                    admin2=adm2, location=m["place"], latitude=lat, longitude=lon,
                    geo_precision=1, fatalities=claim.fatalities.conservative() if dead else 0,
                    notes=m.group(0), source=article.outlet or "", article_id=article.id,
                    claims=[claim], evidence=[sent], geonameid=gid,
                )
            )
        return ArticleResult(article=article, mentions=mentions, events=events)


WORDS = (
    "analysts", "observers", "residents", "officials", "commanders", "reporters", "convoy",
    "checkpoint", "road", "bridge", "river", "desert", "village", "town", "district", "front",
    "line", "supply", "route", "hospital", "school", "market", "water", "electricity", "fuel",
    "prices", "winter", "harvest", "refugees", "return", "camp", "aid", "agency", "council",
    "talks", "ceasefire", "monitor", "statement", "briefing", "satellite", "images", "drone",
    "footage", "witnesses", "local", "radio", "curfew", "patrol", "mines", "engineers",
    "reconstruction", "governor", "delegation", "tribe", "elders", "militia", "volunteers",
    "airport", "highway", "phone", "network", "bakery", "flour", "clinic", "doctors",
)


def filler(seed: int, n_words: int = 40) -> str:
    """A paragraph of words that no other seed repeats in the same order."""
    rng = random.Random(seed)
    words = [rng.choice(WORDS) for _ in range(n_words)]
    return " ".join(words).capitalize() + "."


def article(text: str, outlet: str = "South Front", published: str = "2017-08-14") -> Article:
    return make_article(text, published=published, outlet=outlet)


def result_of(text: str, outlet: str = "South Front", published: str = "2017-08-14"):
    return PatternExtractor().process(article(text, outlet, published))


INCIDENTS = [
    "On 2017-08-{d:02d} ISIS attacked SAA at {p}, killing {k}, according to {c}.",
    "On 2017-08-{d:02d} SAA shelled ISIS in {p}.",
    "On 2017-08-{d:02d} SAA recaptured {p} from ISIS.",
    "On 2017-08-{d:02d} ISIS captured {p} from SAA, killing {k}.",
]
OUTLETS = ["South Front", "Amaq", "SANA", "Global Research", "SOHR"]
CLAIMANTS = ["Amaq", "the Syrian Ministry of Defense", "SOHR"]


def corpus_records(n: int, seed: int = 7) -> list[dict]:
    """`n` small articles: most tell one of a few incidents (so reports merge, with differing
    tolls), every fifth is a syndicated copy of an earlier one with a new headline."""
    rng = random.Random(seed)
    places = list(PLACES)
    records = []
    for i in range(n):
        if i % 5 == 4 and i > 5:
            src = records[rng.randrange(0, i - 1)]
            text = "Reposted: " + src["text"] + " Share this article."
            outlet = OUTLETS[(OUTLETS.index(src["outlet"]) + 1) % len(OUTLETS)]
        else:
            template = INCIDENTS[rng.randrange(len(INCIDENTS))]
            sentence = template.format(
                d=rng.randrange(1, 29), p=places[rng.randrange(len(places))],
                k=rng.choice([3, 5, 7, 12, 32]), c=rng.choice(CLAIMANTS),
            )
            text = f"Report {i}. {filler(seed * 100_000 + i)} {sentence} {filler(seed + i, 25)}"
            outlet = OUTLETS[i % len(OUTLETS)]
        records.append(
            {"id": f"a{i}", "outlet": outlet, "published": "2017-08-30", "text": text}
        )
    return records


def write_corpus(path: Path, n: int, seed: int = 7) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for r in corpus_records(n, seed):
            fh.write(json.dumps(r) + "\n")
    return path


# --- databases for tests: a fresh SQLite file, or a fresh PostgreSQL schema dropped after ---
import os  # noqa: E402
import uuid  # noqa: E402
from urllib.parse import quote  # noqa: E402

import pytest  # noqa: E402

PG_URL = os.environ.get("FRONTWATCH_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
# Columns that hold wall-clock times: the only thing two runs of one ingest may differ in.
CLOCK_COLUMNS = {"ingested_at", "applied_at"}


def _pg_admin():
    import psycopg

    try:
        return psycopg.connect(PG_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        pytest.skip(f"PostgreSQL at {PG_URL} not reachable ({reason}); set FRONTWATCH_TEST_PG")


def new_pg_url(request) -> str:
    """A URL whose search_path is a new schema; the schema is dropped when the test ends."""
    admin = _pg_admin()
    schema = "fw_test_" + uuid.uuid4().hex[:12]
    admin.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        admin.execute(f"DROP SCHEMA {schema} CASCADE")
        admin.close()

    request.addfinalizer(drop)
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema}')}"


def new_db_url(request, tmp_path: Path, backend: str, name: str = "fw") -> str:
    if backend == "postgres":
        return new_pg_url(request)
    return f"sqlite:///{tmp_path / (name + '.db')}"


def dump(url: str) -> dict[str, list[tuple]]:
    """Every table's rows (sorted, clock columns left out): equal dumps, equal databases."""
    from frontwatch.store.backends import connect

    db = connect(url)
    try:
        out = {}
        for table in db.tables():
            cols = [c for c in db.columns(table) if c not in CLOCK_COLUMNS]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = db.query(f"SELECT {quoted} FROM {table}")
            out[table] = sorted((tuple(r[c] for c in cols) for r in rows), key=repr)
        return out
    finally:
        db.close()


def pattern_env() -> dict[str, str]:
    """Environment for a `frontwatch` subprocess that uses PatternExtractor."""
    env = dict(os.environ)
    env["FRONTWATCH_EXTRACTOR"] = "store_support:PatternExtractor"
    here = str(Path(__file__).parent)
    env["PYTHONPATH"] = here + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_here(args: list[str], monkeypatch) -> subprocess.CompletedProcess:
    """The real CLI in this process (faster than a subprocess), with the pattern extractor."""
    from typer.testing import CliRunner

    from frontwatch.cli import app

    monkeypatch.setenv("FRONTWATCH_EXTRACTOR", "store_support:PatternExtractor")
    result = CliRunner().invoke(app, args)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)
