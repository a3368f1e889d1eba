"""The gazetteer's on-disk index: one SQLite file built from the sources, cached per version.

The file name carries a hash of the schema, the embedded packages' versions and every layer
file's path, size and modification time, so a changed source gives a new index and an unchanged
one is opened, not rebuilt. The file is a plain SQLite database (tables `places`, `names`,
`meta`) that opens in Datasette, DuckDB or QGIS.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import ConfigError
from frontwatch.geo import sources
from frontwatch.geo.names import base_key, division_short_names, loose_of_key, name_key
from frontwatch.geo.sources import PlaceRecord

SCHEMA_VERSION = "6"
ENV_DIR = "FRONTWATCH_GAZETTEER_DIR"
ENV_CSV = "FRONTWATCH_GAZETTEER_CSV"
ENV_CACHE = "FRONTWATCH_CACHE_DIR"
# Each layer set has its own index (~73 MB with the embedded default); a few are kept.
KEEP_INDEXES = 4

_SCHEMA = """
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL, fclass TEXT, fcode TEXT,
    cc TEXT, admin1 TEXT, admin2 TEXT, population INTEGER, layer INTEGER
);
CREATE TABLE names (
    key TEXT NOT NULL, id INTEGER NOT NULL, loose TEXT NOT NULL, main INTEGER NOT NULL,
    PRIMARY KEY (key, id)
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


@dataclass(slots=True)
class Layers:
    """What a gazetteer is built from, besides (or instead of) the embedded default."""

    embedded: bool = True
    gazetteer_dir: Path | None = None
    local_csvs: list[Path] = field(default_factory=list)

    @classmethod
    def from_env(cls, gazetteer_dir: str | Path | None = None,
                 local_csv: str | Path | Iterable[str | Path] | None = None,
                 embedded: bool = True) -> Layers:
        gdir = gazetteer_dir or os.environ.get(ENV_DIR) or None
        csvs: list[Path] = []
        if local_csv is None:
            local_csv = os.environ.get(ENV_CSV) or None
        if isinstance(local_csv, str | Path):
            csvs = [Path(local_csv)]
        elif local_csv is not None:
            csvs = [Path(p) for p in local_csv]
        return cls(embedded, Path(gdir) if gdir else None, csvs)

    def files(self) -> list[Path]:
        found = list(self.local_csvs)
        if self.gazetteer_dir is not None:
            kinds = sources.classify_dump_dir(self.gazetteer_dir)
            found += [p for paths in kinds.values() for p in paths]
        return sorted(found)

    def fingerprint(self) -> str:
        h = hashlib.sha1(f"schema={SCHEMA_VERSION};embedded={self.embedded}".encode())
        for name in ALIAS_FILES:
            h.update(data_file(name).read_bytes())
        # The keys and readers are part of what an index is: new code, new index.
        for module in ("names.py", "sources.py"):
            h.update((Path(__file__).parent / module).read_bytes())
        if self.embedded:
            h.update(sources.embedded_version().encode())
        for path in self.files():
            if not path.exists():
                raise ConfigError(f"{path}: gazetteer file not found")
            st = path.stat()
            h.update(f"|{path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode())
        return h.hexdigest()[:16]


# names.main: 1 the place's own name, 0 an alternate, 2 an adjective ("Syrian"), 3 a base name:
# a village without its Arabic qualifier ("Baghuz" for Al Baghuz Fawqani), a division without
# its kind word ("Abyan" for Abyan Governorate). Recognition uses 0 and 1 only.
NAME_BASE = 3

ALIAS_FILES = ("country_aliases.csv", "admin1_aliases.csv", "admin1_adjectives.csv",
               "country_points.csv")


def data_file(name: str) -> Path:
    """A file of frontwatch's geo data (aliases, stoplist), shipped in the package."""
    return Path(__file__).resolve().parent.parent / "data" / "geo" / name


def read_data_csv(name: str) -> list[dict[str, str]]:
    """A shipped CSV with '#' comment lines before its header."""
    import csv

    with open(data_file(name), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(line for line in fh if not line.startswith("#")))


def cache_dir() -> Path:
    env = os.environ.get(ENV_CACHE)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("frontwatch"))


def index_path(layers: Layers) -> Path:
    return cache_dir() / f"gazetteer-{layers.fingerprint()}.sqlite"


def ensure_index(layers: Layers, rebuild: bool = False) -> Path:
    """The index for these layers, built first if it is missing (or `rebuild`)."""
    path = index_path(layers)
    if path.exists() and not rebuild:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    # The first run sits here for half a minute: say why.
    logging.getLogger("frontwatch.geo").warning(
        "note: building the gazetteer index at %s (once; about half a minute)", path)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        build_index(layers, tmp)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    prune_cache(path.parent)
    return path


def prune_cache(directory: Path, keep: int = KEEP_INDEXES) -> list[Path]:
    """Remove all but the `keep` most recently built indexes (old versions, old layer sets)."""
    indexes = sorted(directory.glob("gazetteer-*.sqlite"), key=lambda p: p.stat().st_mtime,
                     reverse=True)
    removed = []
    for old in indexes[keep:]:
        try:
            old.unlink()
            removed.append(old)
        except OSError:
            pass  # in use elsewhere or already gone: the next build tries again
    return removed


class _Writer:
    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.places = 0

    def add(self, records: Iterable[PlaceRecord], replace: bool = False) -> None:
        verb = "INSERT OR REPLACE" if replace else "INSERT OR IGNORE"
        place_rows, name_rows = [], []
        for r in records:
            place_rows.append((r.id, r.name, r.latitude, r.longitude, r.fclass, r.fcode,
                               r.country, r.admin1, r.admin2, r.population, r.layer))
            seen = set()
            names = [r.name, *r.names]
            for i, n in enumerate(names):
                key = name_key(n)
                if key and key not in seen:
                    seen.add(key)
                    name_rows.append((key, r.id, loose_of_key(key), int(i == 0)))
            if r.fcode in ("ADM1", "ADM2"):
                # "Abyan Governorate" is "Abyan" in text: a weaker key (not to outrank Gaza
                # City with Mozambique's "Gaza Province"); so is "Cook" for Cook County.
                shorts = {s for n in names for s in division_short_names(n)}
                if r.fcode == "ADM2":
                    shorts.update(s for n in names if (s := sources.admin2_short_name(n)))
                for short in shorts:
                    key = name_key(short)
                    if key and key not in seen:
                        seen.add(key)
                        name_rows.append((key, r.id, loose_of_key(key), NAME_BASE))
            if r.fclass == "P":
                # "Al Baghuz Fawqani" (Upper Baghuz) is "Baghuz" in the press: a weaker key.
                for key in list(seen):
                    base = base_key(key)
                    if base and base not in seen:
                        seen.add(base)
                        name_rows.append((base, r.id, loose_of_key(base), NAME_BASE))
            if len(place_rows) >= 50_000:
                self._flush(verb, place_rows, name_rows)
                place_rows, name_rows = [], []
        self._flush(verb, place_rows, name_rows)

    def _flush(self, verb: str, place_rows: list, name_rows: list) -> None:
        self.db.executemany(f"{verb} INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", place_rows)
        self.db.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?,?)", name_rows)
        self.places += len(place_rows)

    def add_names(self, pairs: Iterable[tuple[int, str]], kind: int = 0) -> None:
        """Alternate names (kind 0) or adjectives (kind 2: 'Syrian' names Syria, weakly)."""
        rows = []
        for gid, n in pairs:
            key = name_key(n)
            if key:
                rows.append((key, gid, loose_of_key(key), kind))
            if len(rows) >= 100_000:
                self._insert_names(rows)
                rows = []
        self._insert_names(rows)

    def _insert_names(self, rows: list) -> None:
        # Only names of places the index holds: an alternateNames file covers the whole world.
        self.db.executemany(
            "INSERT OR IGNORE INTO names SELECT ?, ?, ?, ? WHERE EXISTS "
            "(SELECT 1 FROM places WHERE id = ?)", [(*r, r[1]) for r in rows])


def build_index(layers: Layers, path: Path) -> dict[str, str]:
    """Write a fresh index for `layers` at `path`; returns its meta rows."""
    started = time.perf_counter()
    if path.exists():
        path.unlink()
    # Built in memory and copied to disk in one go: many small writes to a file are slower.
    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    writer = _Writer(db)
    described = []
    if layers.embedded:
        writer.add(sources.read_embedded())
        described.append(f"embedded ({sources.embedded_version()})")
    if layers.gazetteer_dir is not None:
        kinds = sources.classify_dump_dir(layers.gazetteer_dir)
        admin2: dict[str, str] = {}
        for p in kinds["admin2"]:
            admin2.update({k: v[0] for k, v in sources.read_admin_codes(p).items()})
        for p in kinds["admin1"]:
            _add_admin1_codes(db, writer, sources.read_admin_codes(p))
        for p in kinds["places"]:
            writer.add(sources.read_geonames_dump(p, admin2), replace=True)
        for p in kinds["alternates"]:
            writer.add_names(sources.read_alternate_names(p))
        layers.local_csvs = sorted({*layers.local_csvs, *kinds["csv"]})
        described.append(f"GeoNames dumps in {layers.gazetteer_dir}: "
                         + ", ".join(p.name for ps in kinds.values() for p in ps))
    _add_aliases(db, writer)
    if layers.local_csvs:
        countries = {name_key(n): cc for n, cc in
                     db.execute("SELECT name, cc FROM places WHERE fcode LIKE 'PCL%'")}
        admin1 = {(cc, name_key(n)): code for n, cc, code in
                  db.execute("SELECT name, cc, admin1 FROM places WHERE fcode = 'ADM1'")}
        for p in layers.local_csvs:
            writer.add(sources.read_local_csv(p, countries, admin1), replace=True)
        described.append("local CSV: " + ", ".join(str(p) for p in layers.local_csvs))
    db.execute("CREATE INDEX names_loose ON names(loose)")
    meta = {
        "schema": SCHEMA_VERSION,
        "fingerprint": layers.fingerprint(),
        "sources": "; ".join(described) or "(empty)",
        "places": str(db.execute("SELECT count(*) FROM places").fetchone()[0]),
        "names": str(db.execute("SELECT count(*) FROM names").fetchone()[0]),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "build_seconds": f"{time.perf_counter() - started:.1f}",
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.commit()
    db.execute("ANALYZE")
    disk = sqlite3.connect(path)
    db.backup(disk)
    disk.close()
    db.close()
    return meta


def _add_admin1_codes(db: sqlite3.Connection, writer: _Writer,
                      codes: dict[str, tuple[str, int]]) -> None:
    """Divisions from admin1CodesASCII.txt take over the embedded ones (real GeoNames ids)."""
    old = {(cc, code): (pid, lat, lon, name, pop) for pid, lat, lon, name, pop, cc, code in
           db.execute("SELECT id, lat, lon, name, population, cc, admin1 FROM places "
                      "WHERE fcode = 'ADM1'")}
    old_names: dict[int, list[str]] = {}
    for key, pid in db.execute("SELECT key, id FROM names WHERE id IN "
                               "(SELECT id FROM places WHERE fcode = 'ADM1')"):
        old_names.setdefault(pid, []).append(key)
    centres = {(cc, code): (lat, lon) for cc, code, lat, lon in
               db.execute("SELECT cc, admin1, avg(lat), avg(lon) FROM places "
                          "WHERE fclass = 'P' GROUP BY cc, admin1")}
    records, replaced = [], []
    for full_code, (name, gid) in codes.items():
        cc, _, code = full_code.partition(".")
        lat, lon = centres.get((cc, code), (0.0, 0.0))
        names: list[str] = []
        population = 0
        if (cc, code) in old:
            old_id, lat, lon, old_name, population = old[(cc, code)]
            names = [*old_names.get(old_id, []), old_name]
            replaced.append(old_id)
        records.append(PlaceRecord(gid, name, lat, lon, "A", "ADM1", cc, code,
                                   population=population or 0, layer=sources.DUMP_LAYER,
                                   names=names))
    db.executemany("DELETE FROM places WHERE id = ?", [(i,) for i in replaced])
    gone = set(replaced)
    db.execute("CREATE TEMP TABLE gone (id INTEGER PRIMARY KEY)")
    db.executemany("INSERT INTO gone VALUES (?)", [(i,) for i in gone])
    db.execute("DELETE FROM names WHERE id IN (SELECT id FROM gone)")
    db.execute("DROP TABLE gone")
    writer.add(records, replace=True)


def _add_aliases(db: sqlite3.Connection, writer: _Writer) -> None:
    """Names from the shipped alias files, attached to the countries and divisions they name."""
    pairs, adjectives = [], []
    countries = dict(db.execute("SELECT cc, id FROM places WHERE fcode = 'PCLI'"))
    continents = {name: gid for name, gid in
                  db.execute("SELECT name, id FROM places WHERE fcode = 'CONT'")}
    for row in read_data_csv("country_aliases.csv"):
        if row["country"] in countries:
            target = pairs if row["kind"] == "name" else adjectives
            target.append((countries[row["country"]], row["alias"]))
        elif row["kind"] == "continent" and row["country"] in continents:
            adjectives.append((continents[row["country"]], row["alias"]))
    writer.add_names(adjectives, kind=2)
    divisions = {(cc, code): gid for gid, cc, code in
                 db.execute("SELECT id, cc, admin1 FROM places WHERE fcode = 'ADM1'")}
    for row in read_data_csv("admin1_aliases.csv"):
        gid = divisions.get((row["country"], row["admin1"]))
        if gid is not None:
            pairs.append((gid, row["alias"]))
    writer.add_names(pairs)
    division_adjectives = [(divisions[(r["country"], r["admin1"])], r["alias"])
                           for r in read_data_csv("admin1_adjectives.csv")
                           if (r["country"], r["admin1"]) in divisions]
    writer.add_names(division_adjectives, kind=2)
    for row in read_data_csv("country_points.csv"):
        db.execute("UPDATE places SET lat = ?, lon = ? WHERE cc = ? AND fcode = 'PCLI' "
                   "AND layer = 0", (float(row["latitude"]), float(row["longitude"]),
                                     row["country"]))
