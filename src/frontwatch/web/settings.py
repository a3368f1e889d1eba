"""What `frontwatch serve` was started with: the database, the write token, the tile server."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

TILES_ENV = "FRONTWATCH_TILES"


@dataclass(slots=True, frozen=True)
class Settings:
    db_url: str | None = None
    # None: no write endpoint at all; otherwise POST /api/articles needs this bearer token.
    write_token: str | None = None
    # A Leaflet tile URL template ("https://tiles.example.org/{z}/{x}/{y}.png"); None keeps
    # the offline Natural Earth basemap only.
    tiles_url: str | None = None
    tiles_attribution: str = ""

    @property
    def writable(self) -> bool:
        return bool(self.write_token)

    def tile_origin(self) -> str | None:
        """The tile server's origin for the Content-Security-Policy ("{s}." becomes "*.")."""
        if not self.tiles_url:
            return None
        parts = urlsplit(self.tiles_url.replace("{s}", "*"))
        if parts.scheme not in ("http", "https") or not parts.netloc:
            return None
        return f"{parts.scheme}://{parts.netloc}"


def check_tiles_url(url: str) -> str | None:
    """Why a tile URL template cannot be used, or None when it can."""
    parts = urlsplit(url.replace("{s}", "a"))
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{url!r}: expected an http(s) URL template such as https://host/{{z}}/{{x}}/{{y}}.png"
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        return f"{url!r}: the template needs {{z}}, {{x}} and {{y}}"
    if any(c in url for c in "\"' ;"):
        return f"{url!r}: quotes, spaces and semicolons are not allowed"
    return None
