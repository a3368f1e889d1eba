"""`frontwatch gazetteer build|info|lookup`: build, describe and query the geocoder's gazetteer."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from frontwatch.errors import FrontwatchError

gazetteer_app = typer.Typer(
    help="Build, describe and query the gazetteer (GeoNames places, offline).",
    no_args_is_help=True,
)

DirOption = typer.Option(
    None, "--gazetteer", "-g", envvar="FRONTWATCH_GAZETTEER_DIR",
    help="Directory of GeoNames dump files (SY.txt, allCountries.txt, admin1CodesASCII.txt, "
         "alternateNames.txt) and local-places CSVs, layered over the embedded gazetteer.")
CsvOption = typer.Option(
    None, "--local-csv", envvar="FRONTWATCH_GAZETTEER_CSV",
    help="CSV of local places: name, latitude, longitude, country, admin1, aliases.")


def _fail(exc: Exception) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(2)


@gazetteer_app.command("build")
def build(gazetteer: Path = DirOption, local_csv: Path = CsvOption,
          no_embedded: bool = typer.Option(False, "--no-embedded",
                                           help="Only the given layers, not the default."),
          force: bool = typer.Option(False, "--force", help="Rebuild even if cached.")) -> None:
    """Build the gazetteer index (done automatically at first use; cached afterwards).

    Example: frontwatch gazetteer build --gazetteer ~/geonames --local-csv villages.csv
    """
    from frontwatch.geo.gazetteer import Gazetteer
    from frontwatch.geo.index import Layers, ensure_index

    try:
        layers = Layers.from_env(gazetteer, local_csv, embedded=not no_embedded)
        path = ensure_index(layers, rebuild=force)
        stats = Gazetteer(path).stats()
    except FrontwatchError as exc:
        _fail(exc)
    typer.echo(f"{path}: {stats['places']} places, {stats['names']} names, "
               f"{stats['size_mb']} MB, built in {stats['build_seconds']} s")


@gazetteer_app.command("info")
def info(gazetteer: Path = DirOption, local_csv: Path = CsvOption) -> None:
    """Describe the gazetteer in use: sources, size, where its index lives.

    Example: frontwatch gazetteer info
    """
    from frontwatch.geo import Geocoder

    try:
        stats = Geocoder.default(gazetteer, local_csv).gazetteer.stats()
    except FrontwatchError as exc:
        _fail(exc)
    for key in ("path", "sources", "places", "names", "size_mb", "built_at", "build_seconds"):
        typer.echo(f"{key:14} {stats.get(key, '')}")


@gazetteer_app.command("lookup")
def lookup(name: str = typer.Argument(..., help="A place name as written, e.g. 'Deir Ezzor'."),
           country: str = typer.Option(None, "--country", "-c",
                                       help="ISO code of the country context, e.g. SY."),
           admin1: str = typer.Option(None, "--admin1", help="Province named nearby."),
           limit: int = typer.Option(10, "--limit", "-n"),
           as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
           gazetteer: Path = DirOption, local_csv: Path = CsvOption) -> None:
    """Candidate places for a name, best first, with their scores.

    Example: frontwatch gazetteer lookup "Tal Afar" --country IQ
    """
    from frontwatch.geo import Geocoder, GeoContext

    try:
        geo = Geocoder.default(gazetteer, local_csv)
    except FrontwatchError as exc:
        _fail(exc)
    ctx = GeoContext()
    if country:
        ctx.countries = {country.upper(): 1.0}
    if admin1:
        ctx.admin1 = {(c.country_code, c.admin1_code): 1.0
                      for c in geo.admin1_candidates(admin1, country and country.upper())}
    ranked = geo.resolve(name, ctx)
    if not ranked:
        typer.echo(f"no place named {name!r} in the gazetteer", err=True)
        raise typer.Exit(1)
    g = geo.gazetteer
    for c in ranked[:limit]:
        row = {"geonameid": c.geonameid, "name": c.name, "latitude": c.latitude,
               "longitude": c.longitude, "feature_code": c.fcode,
               "admin1": g.admin1_name(c.country_code, c.admin1_code), "admin2": c.admin2,
               "country": g.country_name(c.country_code), "population": c.population,
               "match": c.match, "score": round(c.score, 3)}
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(f"{c.score:6.2f}  {c.name} ({row['admin1'] or '-'}, {row['country']})  "
                       f"{c.latitude:.4f},{c.longitude:.4f}  {c.fcode} pop {c.population}  "
                       f"id {c.geonameid or '-'}  [{c.match}]")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.add_typer(gazetteer_app, name="gazetteer")
