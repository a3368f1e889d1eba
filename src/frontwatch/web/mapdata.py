"""What the map draws for a filter, a zoom level and the visible area: every event as a point
when there are few, else grid clusters counted by the database, in compact arrays."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from frontwatch.store.aggregate import grid_cells, located_points
from frontwatch.store.backends import Backend
from frontwatch.store.query import EventFilter, parse_bbox

# Up to this many located events the map gets each one; above, clusters. A canvas draws a few
# thousand circles in a frame; the JSON for them stays under ~150 kB.
POINT_LIMIT = 2000
# A cluster covers about this many screen pixels square (256-pixel tiles).
CELL_PIXELS = 48


def cell_degrees(zoom: int) -> float:
    return 360 / (2**zoom) / 256 * CELL_PIXELS


def view_box(text: str) -> tuple[float, float, float, float] | None:
    """The map's visible area as a bbox the store accepts: latitudes clamped, longitudes
    wrapped; None when the view spans the whole world (no spatial filter then)."""
    w, s, e, n = (float(x) for x in text.split(","))
    if not all(math.isfinite(v) for v in (w, s, e, n)) or e - w >= 360:
        return None
    s, n = max(-90.0, min(s, n)), min(90.0, max(s, n))

    def wrap(x: float) -> float:
        return ((x + 180) % 360) - 180 if not -180 <= x <= 180 else x

    return parse_bbox(f"{wrap(w)},{s},{wrap(e)},{n}")


def intersect(a: tuple[float, float, float, float], b: tuple[float, float, float, float]
              ) -> tuple[float, float, float, float] | None:
    """The overlap of two boxes that do not cross the antimeridian; None if they don't meet.
    A box crossing it is returned as the other (the filter then narrows enough)."""
    if a[0] > a[2]:
        return b
    if b[0] > b[2]:
        return a
    w, s, e, n = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (w, s, e, n) if w <= e and s <= n else None


def map_data(db: Backend, flt: EventFilter, zoom: int, view: str | None) -> dict[str, Any]:
    area = flt.bbox
    if view:
        seen = view_box(view)
        if seen is not None:
            area = intersect(area, seen) if area else seen
            if area is None:  # the filter's box is off screen
                return {"mode": "points", "located": 0, "types": [], "points": [],
                        "cells": []}
    scoped = replace(flt, bbox=area, limit=None, offset=0)
    # The grid query is cheap (coordinates and type, from one index) and its counts add up to
    # the located events, so it also decides between points and clusters.
    cells = grid_cells(db, scoped, cell_degrees(zoom))
    located = sum(c.events for c in cells)
    types: list[str] = []

    def type_index(name: str) -> int:
        if name not in types:
            types.append(name)
        return types.index(name)

    if located <= POINT_LIMIT:
        points = [[r["event_id_cnty"], round(r["latitude"], 5), round(r["longitude"], 5),
                   type_index(r["event_type"]), int(r["fatalities"] or 0),
                   int(bool(r["contested"]))]
                  for r in located_points(db, scoped, POINT_LIMIT)]
        return {"mode": "points", "located": located, "types": types, "points": points,
                "cells": []}
    # [lat, lon, events, [[type index, events], ...] most first]: the page colours a cluster
    # by its mix of types.
    out = [[round(c.latitude, 4), round(c.longitude, 4), c.events,
            [[type_index(t), n] for t, n in c.types.items()]] for c in cells]
    return {"mode": "cells", "located": located, "types": types, "points": [], "cells": out}
