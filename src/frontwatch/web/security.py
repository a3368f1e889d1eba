"""Headers that keep hostile article text inert, and the write token check.

Article text comes from anywhere: the page sets it as text, never as markup, and the
Content-Security-Policy forbids inline script and every origin but this one, so even a
rendering mistake cannot run a script or leak data to another host."""

from __future__ import annotations

import hmac

from fastapi import HTTPException, Request
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.responses import Response

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


class SecurityHeaders(BaseHTTPMiddleware):
    def __init__(self, app: object, settings: Settings) -> None:
        super().__init__(app)  # type: ignore[arg-type]
        self.headers = {
            "Content-Security-Policy": content_security_policy(settings),
            "X-Content-Type-Options": "nosniff",
            "X-Frame-Options": "DENY",
            "Referrer-Policy": "no-referrer",
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Resource-Policy": "same-origin",
        }

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        response = await call_next(request)
        for name, value in self.headers.items():
            response.headers.setdefault(name, value)
        return response


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
