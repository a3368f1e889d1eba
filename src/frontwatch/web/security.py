"""Headers that keep hostile article text inert, and the write token check.

Article text comes from anywhere: the page sets it as text, never as markup, and the
Content-Security-Policy forbids inline script and every origin but this one, so even a
rendering mistake cannot run a script or leak data to another host."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from frontwatch.web.settings import Settings


def content_security_policy(settings: Settings) -> str:
    images = "'self' data:"
    origin = settings.tile_origin()
    if origin:
        images += f" {origin}"
    return "; ".join([
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        f"img-src {images}",
        "connect-src 'self'",
        "font-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ])


class SecurityHeaders:
    """A plain ASGI middleware (Starlette's BaseHTTPMiddleware costs a task per request):
    adds the headers to every HTTP response that does not set its own."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.headers = [
            (b"content-security-policy", content_security_policy(settings).encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"x-frame-options", b"DENY"),
            (b"referrer-policy", b"no-referrer"),
            (b"cross-origin-opener-policy", b"same-origin"),
            (b"cross-origin-resource-policy", b"same-origin"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *((k, v) for k, v in self.headers if k not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


def check_token(request: Request, settings: Settings) -> None:
    """401 without a bearer token, 403 with a wrong one (compared in constant time)."""
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise HTTPException(401, "this endpoint needs 'Authorization: Bearer TOKEN' (the "
                                 "--write-token the server was started with)",
                            headers={"WWW-Authenticate": "Bearer"})
    expected = settings.write_token or ""
    if not expected or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise HTTPException(403, "wrong write token")
