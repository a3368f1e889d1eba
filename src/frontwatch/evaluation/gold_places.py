"""Coordinates for gold places that coders named but did not locate.

Coders write a place as their source spells it ("Jenin", "Azaz"); the extractor names the
gazetteer's place ("Janīn", "I‘zāz"). Compared by name, the same town counts as two places.
The scorer's 25 km test needs coordinates on both sides, so a gold place without them is
looked up in the bundled gazetteer, only within the event's country (and its province when
the coder gave one); a name the gazetteer does not know keeps the name test alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from frontwatch.evaluation.gold import GoldDoc


@dataclass(slots=True)
class GoldLocator:
    """Looks gold places up in a geocoder's gazetteer, each name once."""

    geocoder: Any
    _codes: dict[str, str | None] = field(default_factory=dict)
    _points: dict[tuple[str, str, str], tuple[float, float] | None] = field(default_factory=dict)

    @classmethod
    def default(cls) -> GoldLocator | None:
        """The bundled gazetteer's locator, or None where the geocoder cannot run."""
        try:
            from frontwatch.geo.geocoder import Geocoder

            return cls(Geocoder.default())
        except (ImportError, OSError, RuntimeError):
            return None

    def country_code(self, country: str) -> str | None:
        if country not in self._codes:
            found = [c for c in self.geocoder.resolve(country) if c.is_country]
            self._codes[country] = found[0].country_code if found else None
        return self._codes[country]

    def point(self, location: str, country: str, admin1: str = "") -> tuple[float, float] | None:
        key = (location, country, admin1)
        if key not in self._points:
            self._points[key] = self._lookup(location, country, admin1)
        return self._points[key]

    def _lookup(self, location: str, country: str, admin1: str) -> tuple[float, float] | None:
        code = self.country_code(country) if country else None
        if not location or code is None:
            return None  # a place anywhere in the world is no evidence of the coder's
        names = [location]
        if admin1 and location.strip().lower() == admin1.strip().lower():
            found = self.geocoder.admin1_candidates(location, code)
            # "Jenin" in Jenin governorate: where the gazetteer's first-level division has
            # another name (West Bank), the coder's admin1 is a lower one and the location
            # its town
            best = found[0] if found else self.geocoder.resolve_place(names, code)
        else:
            best = self.geocoder.resolve_place(names, code, admin1 or None)
            if best is None and admin1:
                best = self.geocoder.resolve_place(names, code)
        if best is None:
            return None
        return best.latitude, best.longitude

    def locate(self, docs: Iterable[GoldDoc]) -> None:
        """Give every gold event that names a place but no coordinates the gazetteer's."""
        for doc in docs:
            for event in doc.events:
                if event.latitude is not None or not event.location:
                    continue
                found = self.point(event.location, event.country, event.admin1)
                if found is not None:
                    event.latitude, event.longitude = found
