"""Security headers and request bounds for every response, as one pure ASGI middleware.

The site is public and read-only: pages may run only our own scripts and styles (no inline
script, so an injected `<script>` or `onerror=` cannot run even if escaping ever failed), may not
be framed, and requests with overlong URLs or large bodies are refused before any route runs.
"""

import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
# FastAPI's /docs and /redoc pages load Swagger UI / ReDoc from a CDN with an inline start-up
# script; they show only our OpenAPI schema, never reader-supplied text.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; "
    "worker-src 'self' blob:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
REFUSALS = {
    411: ("Length required", "Send a Content-Length with a request body."),
    413: ("Request too large", "This site only reads short requests."),
    414: ("Address too long", "That address is too long. Try a shorter search."),
}
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} · diplomat</title><link rel="stylesheet" href="/static/app.css"></head>
<body><main class="wrap"><h1>{title}</h1><p>{detail}</p>
<p><a href="/">Go to the latest quotes</a> or <a href="/search">search</a>.</p></main></body></html>
"""


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, max_url_bytes: int, max_body_bytes: int):
        self.app, self.max_url, self.max_body = app, max_url_bytes, max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = self._refusal(scope)
        if status:
            await _refuse(scope, send, status, self._headers(scope))
            return
        extra = self._headers(scope)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> int | None:
        if len(scope.get("raw_path") or b"") + len(scope.get("query_string", b"")) > self.max_url:
            return 414
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is None:
            return 411 if b"chunked" in headers.get(b"transfer-encoding", b"") else None
        if not length.isdigit() or int(length) > self.max_body:
            return 413
        return None

    def _headers(self, scope: Scope) -> list[tuple[bytes, bytes]]:
        docs = scope["path"].startswith(DOCS_PATHS)
        return [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()), *HEADERS]


async def _refuse(scope: Scope, send: Send, status: int, headers: list) -> None:
    """A short page (or JSON under /api/) explaining the refusal; no route has run."""
    title, detail = REFUSALS[status]
    if scope["path"].startswith("/api/"):
        body, kind = json.dumps({"detail": detail}).encode(), b"application/json"
    else:
        body, kind = PAGE.format(title=title, detail=detail).encode(), b"text/html; charset=utf-8"
    start_headers = [(b"content-type", kind), (b"content-length", str(len(body)).encode())]
    await send(
        {"type": "http.response.start", "status": status, "headers": start_headers + headers}
    )
    await send({"type": "http.response.body", "body": body})
