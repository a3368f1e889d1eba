"""Scoring the geocoder: geoparsing benchmarks (LGL, TR-News) and UCDP's Syrian villages.

`evaluate_geoparsing(xml_path, mode)` reads Gritta et al.'s XML (articles with toponym spans,
GeoNames ids and coordinates). Mode "gold_spans" resolves the gold spans (Mordecai3's setting);
"end_to_end" finds toponyms in the raw text first, then resolves them: recognition is scored by
exact span, resolution by the share of gold toponyms found and placed within 161 km.
`evaluate_ucdp(csv_path)` geocodes UCDP GED's village-level place names (where_prec 1) and
counts those within 5 km of UCDP's coordinates.
"""

from __future__ import annotations

import csv
import random
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from frontwatch.geo.resolve import distance_km

ACCURACY_KM = 161.0  # 100 miles, the field's customary threshold


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    geonameid: int | None
    latitude: float | None
    longitude: float | None
    fcode: str | None = None


@dataclass(slots=True)
class GoldArticle:
    docid: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


@dataclass(slots=True)
class GeoScores:
    dataset: str
    mode: str
    articles: int = 0
    gold_toponyms: int = 0  # gold toponyms with a GeoNames id
    exact_id: float = 0.0  # share resolved to the gold GeoNames id
    within_161km: float = 0.0  # share placed within 161 km of the gold coordinates
    mean_error_km: float = 0.0  # over the toponyms placed (gold spans) or matched (end to end)
    in_gazetteer: float = 0.0  # share whose gold id the gazetteer holds (ceiling of exact_id)
    exact_id_when_in_gazetteer: float = 0.0
    precision: float | None = None  # recognition, exact span (end to end only)
    recall: float | None = None
    f1: float | None = None
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"{self.dataset} [{self.mode}] {self.articles} articles, "
               f"{self.gold_toponyms} gold toponyms with a GeoNames id",
               f"  exact GeoNames id      {self.exact_id:6.1%}",
               f"  within 161 km          {self.within_161km:6.1%}",
               f"  mean error (km)        {self.mean_error_km:8.1f}",
               f"  gold id in gazetteer   {self.in_gazetteer:6.1%}  (exact id among those: "
               f"{self.exact_id_when_in_gazetteer:.1%})"]
        if self.precision is not None:
            out.append(f"  recognition P/R/F1     {self.precision:.3f} / {self.recall:.3f} / "
                       f"{self.f1:.3f}")
        out.append(f"  time                   {self.seconds:.1f} s")
        return out


def read_geoparsing_xml(path: str | Path) -> Iterator[GoldArticle]:
    """Articles of LGL / TR-News (Gritta et al. 2019 format)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise ValueError(f"{path}: not a geoparsing benchmark XML file ({exc})") from exc
    for art in root.iter("article"):
        text = art.findtext("text") or ""
        gold = GoldArticle(art.get("docid", ""), text)
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            gid = lat = lon = fcode = None
            if g is not None and g.get("geonameid"):
                gid = int(g.get("geonameid"))
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
                fcode = g.findtext("fcode")
            start, end = int(t.findtext("start")), int(t.findtext("end"))
            phrase = t.findtext("phrase") or ""
            start, end = _realign(text, phrase, start, end)
            gold.toponyms.append(GoldToponym(start, end, phrase, gid, lat, lon, fcode))
        yield gold


def _realign(text: str, phrase: str, start: int, end: int) -> tuple[int, int]:
    """TR-News offsets drift in some articles (whitespace normalised after annotation): move a
    span whose text is not its phrase to the phrase's nearest occurrence."""
    if not phrase or text[start:end] == phrase:
        return start, end
    hits = [m.start() for m in re.finditer(re.escape(phrase), text)]
    if not hits:
        return start, end
    best = min(hits, key=lambda i: abs(i - start))
    return best, best + len(phrase)


def evaluate_geoparsing(xml_path: str | Path, mode: str = "gold_spans", geocoder=None,
                        limit: int | None = None) -> GeoScores:
    """Score the geocoder on a geoparsing benchmark; see the module docstring for the modes."""
    from frontwatch.geo.geocoder import Geocoder

    if mode not in ("gold_spans", "end_to_end"):
        raise ValueError(f"mode must be gold_spans or end_to_end, not {mode!r}")
    geo = geocoder or Geocoder.default()
    scores = GeoScores(Path(xml_path).stem, mode)
    started = time.perf_counter()
    exact = near = held = held_exact = 0
    errors: list[float] = []
    tp = n_pred = n_gold_spans = 0
    for art in read_geoparsing_xml(xml_path):
        if limit is not None and scores.articles >= limit:
            break
        scores.articles += 1
        golds = [t for t in art.toponyms if t.geonameid is not None]
        if mode == "gold_spans":
            spans = [(t.start, t.end, art.text[t.start:t.end] or t.phrase) for t in golds]
        else:
            spans = [(s, e, art.text[s:e]) for s, e in geo.recognise(art.text)]
            gold_spans = {(t.start, t.end) for t in art.toponyms}
            n_gold_spans += len(gold_spans)
            n_pred += len(spans)
            tp += sum(1 for s, e, _ in spans if (s, e) in gold_spans)
        resolved = geo.resolve_text_names(art.text, spans)
        by_span = {(s, e): c for (s, e, _), c in zip(spans, resolved, strict=True)}
        for t in golds:
            scores.gold_toponyms += 1
            if geo.gazetteer.place(t.geonameid) is not None:
                held += 1
            c = by_span.get((t.start, t.end))
            if c is None:
                continue
            d = distance_km(c.latitude, c.longitude, t.latitude, t.longitude)
            errors.append(d)
            near += d <= ACCURACY_KM
            if c.id == t.geonameid:
                exact += 1
                if geo.gazetteer.place(t.geonameid) is not None:
                    held_exact += 1
    n = max(1, scores.gold_toponyms)
    scores.exact_id, scores.within_161km = exact / n, near / n
    scores.in_gazetteer = held / n
    scores.exact_id_when_in_gazetteer = held_exact / max(1, held)
    scores.mean_error_km = sum(errors) / max(1, len(errors))
    if mode == "end_to_end":
        scores.precision = tp / max(1, n_pred)
        scores.recall = tp / max(1, n_gold_spans)
        p, r = scores.precision, scores.recall
        scores.f1 = 2 * p * r / (p + r) if p + r else 0.0
    scores.seconds = time.perf_counter() - started
    return scores


@dataclass(slots=True)
class UcdpScores:
    events: int = 0  # village-level events scored
    places: int = 0  # distinct place strings among them
    within_5km: float = 0.0  # share of events placed within 5 km
    within_25km: float = 0.0
    places_within_5km: float = 0.0  # share of distinct place strings within 5 km
    unresolved: float = 0.0
    layer: str = "embedded"
    seconds: float = 0.0

    def lines(self) -> list[str]:
        return [f"UCDP GED Syria, village-level (where_prec 1), gazetteer: {self.layer}",
                f"  events {self.events}, distinct place names {self.places}",
                f"  events within 5 km     {self.within_5km:6.1%}   (within 25 km "
                f"{self.within_25km:.1%}, unresolved {self.unresolved:.1%})",
                f"  place names within 5 km {self.places_within_5km:6.1%}",
                f"  time                   {self.seconds:.1f} s"]


# "Foah village", "Kafr Nabl town", "Khuwayn al Kabir village (Tell al-Khuwaiyn)".
_UCDP_KIND = re.compile(r"\s+(village|town|city|suburb|camp|farm|farms|area|hamlet)\b.*$", re.I)
_PAREN = re.compile(r"\(([^)]*)\)")


def ucdp_place_names(where: str) -> list[str]:
    """The spellings in a UCDP `where_coordinates` value, main one first."""
    names = [_PAREN.sub(" ", where)]
    names += _PAREN.findall(where)
    out = []
    for n in names:
        for part in n.split("/"):
            part = _UCDP_KIND.sub("", part.strip()).strip(" ,")
            if part and part not in out:
                out.append(part)
    return out


def read_ucdp_village_events(csv_path: str | Path) -> list[dict[str, str]]:
    with open(csv_path, encoding="utf-8", newline="") as fh:
        return [r for r in csv.DictReader(fh) if r["where_prec"] in ("1", "1.0")]


def write_ucdp_local_csv(events: list[dict[str, str]], out_path: str | Path) -> int:
    """A local-places CSV (the user layer format) from UCDP events; returns its row count."""
    seen = {}
    for r in events:
        names = ucdp_place_names(r["where_coordinates"])
        if names and names[0] not in seen:
            seen[names[0]] = (r["latitude"], r["longitude"], r["adm_1"], ";".join(names[1:]))
    with open(out_path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "latitude", "longitude", "country", "admin1", "aliases"])
        for name, (lat, lon, adm1, aliases) in seen.items():
            w.writerow([name, lat, lon, "SY", adm1.replace(" Governorate", ""), aliases])
    return len(seen)


def evaluate_ucdp(csv_path: str | Path, local_csv: str | Path | None = None, geocoder=None,
                  events: list[dict[str, str]] | None = None) -> UcdpScores:
    """Share of UCDP's village-level events geocoded within 5 km, from the place name alone
    (with Syria as the country and UCDP's governorate as the province named nearby)."""
    from frontwatch.geo.geocoder import Geocoder

    started = time.perf_counter()
    geo = geocoder or (Geocoder.default(local_csv=local_csv) if local_csv else Geocoder.default())
    rows = events if events is not None else read_ucdp_village_events(csv_path)
    out = UcdpScores(layer=f"embedded + {Path(local_csv).name}" if local_csv else "embedded")
    by_place: dict[str, bool] = {}
    n5 = n25 = none = 0
    for r in rows:
        where = r["where_coordinates"]
        admin = r["adm_1"].replace(" Governorate", "").replace(" governorate", "")
        c = geo.resolve_place(ucdp_place_names(where), country="SY", admin1=admin)
        out.events += 1
        if c is None:
            none += 1
            by_place.setdefault(where, False)
            continue
        d = distance_km(c.latitude, c.longitude, float(r["latitude"]), float(r["longitude"]))
        n5 += d <= 5
        n25 += d <= 25
        by_place[where] = by_place.get(where, False) or d <= 5
    out.places = len(by_place)
    n = max(1, out.events)
    out.within_5km, out.within_25km, out.unresolved = n5 / n, n25 / n, none / n
    out.places_within_5km = sum(by_place.values()) / max(1, len(by_place))
    out.seconds = time.perf_counter() - started
    return out


def split_ucdp_by_date(events: list[dict[str, str]], cutoff: str = "2018-01-01",
                       ) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Earlier events (to build a user's CSV from) and later ones (to score on)."""
    early = [r for r in events if r["date_start"] < cutoff]
    late = [r for r in events if r["date_start"] >= cutoff]
    return early, late


def sample(rows: list, n: int, seed: int = 0) -> list:
    return rows if len(rows) <= n else random.Random(seed).sample(rows, n)
