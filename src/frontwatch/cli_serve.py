"""`frontwatch serve`: the web dashboard and its REST API over the event database."""

from __future__ import annotations

import ipaddress

import typer

from frontwatch.cli_store import DbOption, _fail


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: str | None = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (this machine "
                             "only by default; 0.0.0.0 for every interface)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Port to listen on."),
    write_token: str | None = typer.Option(
        None, "--write-token", envvar="FRONTWATCH_WRITE_TOKEN", show_envvar=True,
        help="Enable POST /api/articles for clients sending 'Authorization: Bearer TOKEN'. "
             "Without it the server has no write endpoint."),
    tiles: str | None = typer.Option(
        None, "--tiles", envvar="FRONTWATCH_TILES", show_envvar=True,
        help="A tile server URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png, drawn "
             "under the events (default: the offline Natural Earth borders only)."),
    tiles_attribution: str = typer.Option(
        "", "--tiles-attribution", help="Credit line for the tile server, shown on the map."),
) -> None:
    """A web dashboard (map, timeline, claims side by side) and a read-only REST API.

    Example: frontwatch serve --db sqlite:///syria.db   (then open http://127.0.0.1:8000/)
    """
    try:
        import uvicorn

        from frontwatch.web import Settings, create_app
    except ImportError:
        _fail("frontwatch serve needs FastAPI and uvicorn: pip install 'frontwatch[web]'")
        return
    from frontwatch.errors import ConfigError
    from frontwatch.store import open_store
    from frontwatch.web.settings import check_tiles_url

    if tiles:
        problem = check_tiles_url(tiles)
        if problem:
            _fail(f"--tiles {problem}")
    if write_token is not None and len(write_token) < 16:
        _fail("--write-token: use at least 16 characters (e.g. from `openssl rand -hex 16`)")
    try:
        # Checked now, so a wrong path fails here and not on the first request; this also
        # brings an older schema up to date, as every other command does.
        open_store(db, create=False).close()
    except ConfigError as exc:
        _fail(str(exc))
    if not _is_loopback(host):
        typer.echo(f"note: listening on {host}: other machines can read this database"
                   + ("" if not write_token else " and, with the token, write to it"), err=True)
    app = create_app(Settings(db_url=db, write_token=write_token, tiles_url=tiles,
                              tiles_attribution=tiles_attribution))
    typer.echo(f"frontwatch dashboard on http://{host}:{port}/ (API docs at /docs); "
               "Ctrl-C stops it", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
