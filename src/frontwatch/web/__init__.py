"""`frontwatch serve`: a read-only web dashboard and REST API over the event database.

`create_app(Settings(...))` builds the FastAPI app; the page and its assets are package data
under `static/`, so nothing is fetched from the internet at run time."""

from frontwatch.web.settings import Settings

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings):  # noqa: ANN201 - FastAPI is an optional dependency
    from frontwatch.web.app import create_app as build

    return build(settings)
