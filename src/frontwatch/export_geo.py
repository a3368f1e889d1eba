"""Stored events and control periods as GeoJSON (RFC 7946); stored events as Parquet.

GeoJSON: one Point feature per located event (longitude, latitude order), ACLED's columns as
properties; QGIS, geopandas and ogr2ogr read it as is. Events without coordinates are left out
of GeoJSON (GeoJSON features may have null geometry, but QGIS then drops them silently).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import asdict
from typing import Any, BinaryIO, TextIO

from frontwatch.control import ControlPeriod


def _feature(lon: float, lat: float, props: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
        "properties": props,
    }


def write_events_geojson(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Stream a FeatureCollection; returns the number of features written."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = skipped = 0
    for row in rows:
        if row.get("latitude") is None or row.get("longitude") is None:
            skipped += 1
            continue
        props = {k: v for k, v in row.items() if k not in ("materiel",)}
        props["contested"] = bool(props.get("contested"))
        if n:
            out.write(",\n")
        feature = _feature(row["longitude"], row["latitude"], props)
        out.write(json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    if skipped:
        # A point is what a map needs; say how many events had none rather than drop them
        # silently (the other formats keep them).
        logging.getLogger("frontwatch.export").warning(
            "warning: GeoJSON: %d of %d events left out: no coordinates (the CSV, JSON and "
            "Parquet exports keep them)", skipped, skipped + n)
    return n


def write_control_geojson(periods: Iterable[ControlPeriod], out: TextIO) -> int:
    features = []
    for p in periods:
        if p.latitude is None or p.longitude is None:
            continue
        props = asdict(p)
        props["evidence"] = " | ".join(p.evidence)
        features.append(_feature(p.longitude, p.latitude, props))
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


# Column types for Parquet, so an empty export still has a schema that tools can read.
_INT_COLUMNS = {
    "year", "time_precision", "inter1", "inter2", "interaction", "geo_precision", "fatalities",
    "fatalities_high", "injuries", "geonameid", "n_articles", "n_claims",
}
_FLOAT_COLUMNS = {"latitude", "longitude", "confidence"}


def write_events_parquet(
    rows: Iterable[dict[str, Any]], out: BinaryIO | str, columns: list[str]
) -> int:
    """Parquet through pyarrow, written in row groups of 50,000 events."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fields = []
    for c in columns:
        if c in _INT_COLUMNS:
            fields.append(pa.field(c, pa.int64()))
        elif c in _FLOAT_COLUMNS:
            fields.append(pa.field(c, pa.float64()))
        elif c == "contested":
            fields.append(pa.field(c, pa.bool_()))
        else:
            fields.append(pa.field(c, pa.string()))
    schema = pa.schema(fields)
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            if "contested" in row:
                row = {**row, "contested": bool(row["contested"])}
            batch.append(row)
            if len(batch) >= 50_000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
