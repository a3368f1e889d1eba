"""POST /api/articles: ingest one article through the API. Only mounted when the server was
started with --write-token; every request must carry that token."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import JSONResponse

from frontwatch.errors import InputError
from frontwatch.ingest.jsonl import article_from_record
from frontwatch.model import Article
from frontwatch.pipeline import ArticleResult
from frontwatch.store.database import EventStore, open_store
from frontwatch.store.loader import build_extractor
from frontwatch.web.security import check_token
from frontwatch.web.settings import Settings

# Larger bodies are refused before they are parsed (the CLI's reader allows 20 MB a line;
# an article posted by hand is far smaller).
MAX_BODY = 5_000_000

EXAMPLE = {"id": "wire-0001", "published": "2017-08-14", "outlet": "South Front",
           "title": "Army recaptures Sukhna", "url": "https://example.org/report",
           "text": "On Saturday the Syrian army recaptured the town of Sukhna from ISIS..."}


class ArticleWriter:
    """Owns the one writable connection and the loaded extractor, both used from a single
    thread (SQLite connections must stay in the thread that opened them; writes queue)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fw-writer")
        self._store: EventStore | None = None
        self._extractor: object | None = None

    def _write(self, article: Article) -> dict[str, Any]:
        if self._store is None:
            self._store = open_store(self.settings.db_url, create=False)
        if self._extractor is None:
            self._extractor = build_extractor()
        store = self._store
        triage = store.writer.triage(article)
        if triage.status == "new":
            result = self._extractor.process(article)  # type: ignore[attr-defined]
        else:
            result = ArticleResult(article)
        with store.batch():
            outcome = store.add_article(result, triage)
        return {"article_id": outcome.article_id, "status": outcome.status,
                "duplicate_of": outcome.duplicate_of, "events_created": outcome.events_created,
                "events_merged": outcome.events_merged}

    async def write(self, article: Article) -> dict[str, Any]:
        return await asyncio.get_running_loop().run_in_executor(self.thread, self._write,
                                                                article)

    def close(self) -> None:
        def shut() -> None:
            if self._store is not None:
                self._store.close()

        self.thread.submit(shut).result()
        self.thread.shutdown()


def write_router(settings: Settings, writer: ArticleWriter) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["write"])

    @router.post(
        "/articles", status_code=201,
        summary="Ingest one article (a JSON-lines input record); needs the write token",
        openapi_extra={"requestBody": {"required": True, "content": {"application/json": {
            "schema": {"type": "object"}, "example": EXAMPLE}}}},
    )
    async def post_article(request: Request) -> JSONResponse:
        # The token first, then the size, then the body: nobody without the token gets a
        # large body read or parsed.
        check_token(request, settings)
        try:
            size = int(request.headers.get("content-length") or 0)
        except ValueError:
            raise HTTPException(400, "bad Content-Length") from None
        if size > MAX_BODY:
            raise HTTPException(413, f"article larger than {MAX_BODY} bytes")
        body = await request.body()
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"article larger than {MAX_BODY} bytes")
        try:
            record = json.loads(body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise HTTPException(422, f"body: not JSON ({exc})") from None
        try:
            article = article_from_record(record, "POST /api/articles", 1)
        except InputError as exc:
            raise HTTPException(422, str(exc)) from None
        return JSONResponse(await writer.write(article), status_code=201)

    return router
