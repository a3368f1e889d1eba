"""`frontwatch gazetteer build|info|lookup` against small gazetteer files."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from frontwatch.cli import app
from geo_support import DUMPS, LOCAL_CSV

runner = CliRunner()


def test_build_info_lookup(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    args = ["--gazetteer", str(DUMPS), "--local-csv", str(LOCAL_CSV)]
    result = runner.invoke(app, ["gazetteer", "build", "--no-embedded", *args])
    assert result.exit_code == 0, result.output
    assert "places" in result.output and str(tmp_path) in result.output

    result = runner.invoke(app, ["gazetteer", "lookup", "Tal-Afar", "--json", "--no-embedded",
                                 *args])
    # lookup has no --no-embedded: Typer says so with a usage error.
    assert result.exit_code != 0


def test_lookup_and_info_on_layers(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("FRONTWATCH_GAZETTEER_DIR", str(DUMPS))
    from frontwatch.geo.geocoder import Geocoder
    from frontwatch.geo.index import Layers

    # Point Geocoder.default() at the small layers only (no embedded build in tests).
    monkeypatch.setattr(Layers, "from_env", classmethod(
        lambda cls, d=None, c=None, e=True: Layers(False, DUMPS, [LOCAL_CSV])))
    monkeypatch.setattr("frontwatch.geo.geocoder._instances", {})
    assert Geocoder.default().gazetteer.country_name("IQ") == "Iraq"

    result = runner.invoke(app, ["gazetteer", "lookup", "Tal-Afar", "--json", "-n", "1"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.output.strip().splitlines()[0])
    assert row["geonameid"] == 90393 and row["admin1"] == "Nineveh" and row["country"] == "Iraq"

    result = runner.invoke(app, ["gazetteer", "lookup", "Buwayr", "--country", "SY"])
    assert result.exit_code == 0 and "Al Buwayr" in result.output

    result = runner.invoke(app, ["gazetteer", "lookup", "Nowhereville"])
    assert result.exit_code == 1

    result = runner.invoke(app, ["gazetteer", "info"])
    assert result.exit_code == 0 and "GeoNames dumps" in result.output


def test_missing_directory_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setenv("FRONTWATCH_CACHE_DIR", str(tmp_path))
    result = runner.invoke(app, ["gazetteer", "build", "--no-embedded", "--gazetteer",
                                 str(tmp_path / "nope")])
    assert result.exit_code == 2 and "not found" in result.output
