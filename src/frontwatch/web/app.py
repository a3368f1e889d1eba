"""The FastAPI application: the read-only API, the page and its static files, security
headers on every response, and the write endpoint only when a token was given."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from frontwatch.errors import ConfigError
from frontwatch.model import EVENT_TYPES
from frontwatch.web import routes_events, routes_views
from frontwatch.web.connections import ReadOnlyStores
from frontwatch.web.routes_write import ArticleWriter, write_router
from frontwatch.web.security import SecurityHeaders
from frontwatch.web.settings import Settings

STATIC = Path(str(resources.files("frontwatch.web").joinpath("static")))

DESCRIPTION = """Events read from war reporting, ACLED's columns plus who claims each figure.

Every list takes the filters of `frontwatch events` (`since`, `until`, `type`, `actor`,
`country`, `bbox`, `contested`, `q`) and pages with `limit`/`offset`. A bad parameter is a 422
with a message saying what to send instead; an unknown id is a 404.
"""


def create_app(settings: Settings) -> FastAPI:
    stores = ReadOnlyStores(settings.db_url)
    writer = ArticleWriter(settings) if settings.writable else None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()
        if writer is not None:
            writer.close()

    app = FastAPI(
        title="frontwatch", description=DESCRIPTION, version="1",
        docs_url=None, redoc_url=None,  # /docs is served from package files below (no CDN)
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.add_middleware(SecurityHeaders, settings=settings)
    app.include_router(routes_events.router)
    app.include_router(routes_views.router)
    if writer is not None:
        app.include_router(write_router(settings, writer))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # One sentence per bad parameter ("limit: Input should be ..."), as our own 422s
        # say, with FastAPI's structured list kept beside it for programs.
        errors = jsonable_encoder(exc.errors())
        words = "; ".join(
            f"{'.'.join(str(x) for x in e.get('loc', ())[1:]) or 'request'}: {e.get('msg')}"
            for e in errors)
        return JSONResponse({"detail": words, "errors": errors}, status_code=422)

    @app.exception_handler(ConfigError)
    async def unavailable(request: Request, exc: ConfigError) -> JSONResponse:
        # The database went away or cannot be opened: the server's problem, said plainly.
        return JSONResponse({"detail": str(exc)}, status_code=503)

    @app.get("/api/config", tags=["views"], summary="What the page needs to know at start")
    def config() -> dict[str, Any]:
        return {
            "tiles": settings.tiles_url,
            "tiles_attribution": settings.tiles_attribution,
            "writable": settings.writable,
            "event_types": {t: list(subs) for t, subs in EVENT_TYPES.items()},
        }

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
