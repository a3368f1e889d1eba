"""Lookups on a built gazetteer index: name -> candidate places, with hot names kept in memory.

Countries and first-level divisions (a few thousand rows) are read into memory at open; places
are queried from SQLite by key and the answers cached, so a name seen once costs a dict lookup
the next time.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from frontwatch.errors import ConfigError
from frontwatch.geo.names import (
    descriptor_free_key,
    loose_key,
    name_key,
    short_key,
    strip_trailing_words,
)

# How much a kind of name match is worth (1 = the place's own name, spelt as written).
MATCH_MAIN, MATCH_ALT, MATCH_LOOSE, MATCH_PARTIAL = 1.0, 0.92, 0.72, 0.25
MATCH_ALT_SMALL, ALT_SMALL_POPULATION = 0.85, 10_000
MATCH_ADJECTIVE = 0.85  # "Syrian" for Syria: LGL and TR-News count such words as toponyms
MATCH_BASE = 0.8  # "Baghuz" for Al Baghuz Fawqani: the name without its qualifier
_KIND_OF_NAME = {1: ("main", MATCH_MAIN), 0: ("alt", MATCH_ALT), 2: ("adjective", MATCH_ADJECTIVE),
                 3: ("base", MATCH_BASE)}
# A name this short ("Hass", "Bab") has too few letters for a loose match to mean anything:
# "Hass" ~ "Hish" are two villages. Only doubled letters and a final h may differ.
SHORT_NAME_LETTERS = 4


@dataclass(slots=True, frozen=True)
class Candidate:
    """One gazetteer place a name may refer to, with how well the name matched it."""

    id: int
    name: str
    latitude: float
    longitude: float
    fclass: str
    fcode: str
    country_code: str
    admin1_code: str
    admin2: str
    population: int
    layer: int
    match: str  # main | alt | loose | partial | fuzzy
    match_score: float
    score: float = 0.0

    def with_score(self, score: float) -> Candidate:
        """A copy carrying `score` (positional: several times cheaper than dataclasses.replace)."""
        return Candidate(self.id, self.name, self.latitude, self.longitude, self.fclass,
                         self.fcode, self.country_code, self.admin1_code, self.admin2,
                         self.population, self.layer, self.match, self.match_score, score)

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def is_admin(self) -> bool:
        return self.fclass == "A" or self.fcode == "CONT"

    @property
    def is_country(self) -> bool:
        return self.fcode.startswith("PCL")

    @property
    def is_admin1(self) -> bool:
        return self.fcode == "ADM1"

    @property
    def is_division(self) -> bool:
        """A first- or second-level division (a province, a county)."""
        return self.fcode in ("ADM1", "ADM2")


@dataclass(slots=True, frozen=True)
class NameProfile:
    """What a gazetteer knows about a name, without choosing a place: used to spot toponyms."""

    max_population: int
    country: bool
    admin1: bool
    count: int
    main_name: bool  # some place has it as its own name (not only an alternate)


MANY_ADMIN1 = 100
_COUNTY_ABBREVIATION = re.compile(r"\s+Co\.?$")
_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fclass, p.fcode, p.cc, p.admin1, p.admin2, " \
           "p.population, p.layer"


class Gazetteer:
    """Read-only access to one gazetteer index file."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise ConfigError(f"{self.path}: gazetteer index not found (run `frontwatch "
                              "gazetteer build`)")
        # One connection per thread: sqlite3 objects may not cross threads.
        self._local = threading.local()
        db = self._db()
        self.meta = dict(db.execute("SELECT key, value FROM meta"))
        self.countries: dict[str, Candidate] = {}
        self.admin1: dict[tuple[str, str], Candidate] = {}
        for row in db.execute(f"SELECT {_COLUMNS} FROM places p WHERE p.fclass = 'A' AND "
                              "(p.fcode LIKE 'PCL%' OR p.fcode = 'ADM1')"):
            c = self._candidate(row, "main", MATCH_MAIN)
            if c.is_country:
                # A dependency (PCLD) must not shadow the sovereign state with the same code.
                if c.country_code not in self.countries or c.fcode == "PCLI":
                    self.countries[c.country_code] = c
            else:
                self.admin1[(c.country_code, c.admin1_code)] = c
        # Countries cut into very many small first-level units (Slovenia's 212 municipalities,
        # Latvia's 121): such a unit's name alone ("Grad" in "Grad rockets") is no well-known
        # place, unless it is a big one.
        per_country: dict[str, int] = {}
        for cc, _ in self.admin1:
            per_country[cc] = per_country.get(cc, 0) + 1
        self._fine_grained = tuple(sorted(cc for cc, n in per_country.items()
                                          if n > MANY_ADMIN1))
        self.candidates = lru_cache(maxsize=100_000)(self._candidates)
        self.profile = lru_cache(maxsize=200_000)(self._profile)

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    @staticmethod
    def _candidate(row: tuple, match: str, match_score: float) -> Candidate:
        return Candidate(row[0], row[1], row[2], row[3], row[4] or "", row[5] or "", row[6] or "",
                         row[7] or "", row[8] or "", row[9] or 0, row[10] or 0, match, match_score)

    def country_name(self, cc: str) -> str | None:
        c = self.countries.get(cc)
        return c.name if c else None

    def capital(self, cc: str) -> Candidate | None:
        """The country's capital (the populated place coded PPLC), if the gazetteer has one."""
        row = self._db().execute(
            f"SELECT {_COLUMNS} FROM places p WHERE p.cc = ? AND p.fcode = 'PPLC' "
            "ORDER BY p.population DESC LIMIT 1", (cc,)).fetchone()
        return self._candidate(row, "main", MATCH_MAIN) if row else None

    def admin1_name(self, cc: str, code: str) -> str | None:
        c = self.admin1.get((cc, code))
        return c.name if c else None

    def _rows(self, where: str, arg: str) -> list[tuple]:
        return self._db().execute(
            f"SELECT {_COLUMNS}, n.main, n.key FROM names n JOIN places p ON p.id = n.id "
            f"WHERE {where}", (arg,)).fetchall()

    def _candidates(self, name: str) -> tuple[Candidate, ...]:
        """Every place the name may be, best kind of match first for each place.

        Spelt-as-written matches first ("Kansas City" as such, then "Khirbet Makman village"
        without "village"); only when there are none, loose spellings; only when there are
        none either, the name without its descriptor ("Khirbet Makman" -> "Makman").
        """
        written = _COUNTY_ABBREVIATION.sub(" County", name.strip())  # "Loudon Co."
        key = name_key(written)
        if not key:
            return ()
        best: dict[int, Candidate] = {}

        def add(rows: list[tuple], kind: str | None, score: float | None) -> None:
            for row in rows:
                k, s = _KIND_OF_NAME[row[11]] if kind is None else (kind, score)
                if k == "alt" and (row[9] or 0) < ALT_SMALL_POPULATION:
                    # A small place's other name is often a historical one ("Washington" for
                    # Piqua, Ohio): weaker evidence than a big place's.
                    s = MATCH_ALT_SMALL
                if row[0] not in best or best[row[0]].match_score < s:
                    best[row[0]] = self._candidate(row, k, s)

        add(self._rows("n.key = ?", key), None, None)
        stripped = strip_trailing_words(written)
        if not best and stripped != written:
            written, key = stripped, name_key(stripped)
            add(self._rows("n.key = ?", key), None, None)
        if not best or all(c.fcode == "ADM2" for c in best.values()):
            # ("Hawija" is "Al-Hawija District" by its short name, and the town "Al Hawijah"
            # only by a loose spelling: a district alone does not stop the search.)
            # A loose key is a skeleton: weigh each loose match by how close the spellings
            # are, so "Bwair" ~ "Buwayr" counts but "Bwair" ~ "Berlin" does not.
            short = len(key.replace(" ", "")) <= SHORT_NAME_LETTERS
            for row in self._rows("n.loose = ?", loose_key(written)):
                if short and short_key(row[12]) != short_key(key):
                    continue
                similarity = fuzz.ratio(key, row[12]) / 100
                if similarity >= 0.6:
                    add([row], "loose", MATCH_LOOSE * similarity**4)
        if not best:
            bare = descriptor_free_key(written)
            if bare:
                add(self._rows("n.key = ?", bare), "partial", MATCH_PARTIAL)
        return tuple(sorted(best.values(), key=lambda c: (-c.match_score, -c.population)))

    def _profile(self, key: str) -> NameProfile | None:
        """Summary of the places with exactly this name key (no loose matching)."""
        row = self._db().execute(
            # A county's population is its places' sum, not a town's size: left out here.
            "SELECT max(CASE WHEN p.fcode = 'ADM2' THEN 0 ELSE p.population END), "
            "max(p.fcode LIKE 'PCL%'), "
            "max(p.fcode = 'ADM1' AND (p.population >= 50000 OR p.cc NOT IN "
            f"({','.join('?' * len(self._fine_grained))}))), "
            "count(*), max(n.main) FROM names n JOIN places p ON p.id = n.id "
            "WHERE n.key = ? AND n.main < 2",
            (*self._fine_grained, key)).fetchone()
        if not row or not row[3]:
            return None
        return NameProfile(row[0] or 0, bool(row[1]), bool(row[2]), row[3], bool(row[4]))

    def place(self, place_id: int) -> Candidate | None:
        row = self._db().execute(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?",
                                 (place_id,)).fetchone()
        return self._candidate(row, "main", MATCH_MAIN) if row else None

    def fuzzy_candidates(self, name: str, country_codes: tuple[str, ...],
                         cutoff: float = 88.0) -> list[Candidate]:
        """Close spellings among the names of the given countries (rapidfuzz), scored 0..1."""
        from rapidfuzz import process

        key = name_key(strip_trailing_words(name))
        out: list[Candidate] = []
        for cc in country_codes:
            keys, ids = self._country_names(cc)
            for _match, score, idx in process.extract(key, keys, scorer=fuzz.ratio,
                                                      score_cutoff=cutoff, limit=5):
                c = self.place(ids[idx])
                if c is not None:
                    out.append(replace(c, match="fuzzy", match_score=0.6 * score / 100))
        return out

    @lru_cache(maxsize=64)  # noqa: B019 - one gazetteer per process; the cache is the point
    def _country_names(self, cc: str) -> tuple[list[str], list[int]]:
        rows = self._db().execute("SELECT n.key, n.id FROM names n JOIN places p ON p.id = n.id "
                                  "WHERE p.cc = ?", (cc,)).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def stats(self) -> dict[str, str]:
        out = dict(self.meta)
        out["path"] = str(self.path)
        out["size_mb"] = f"{self.path.stat().st_size / 1e6:.1f}"
        return out
