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
# The API documentation (/docs) runs Swagger UI from our own static files; it sets style
# attributes as it draws, so only its styles may be inline.
DOCS_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs",)
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
REFUSALS = {
    400: ("Bad request", "This site could not read that request."),
    403: ("Not allowed here", "That form can only be sent from this site's own pages."),
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
            await send_refusal(scope, send, status, security_headers(scope["path"]))
            return
        extra = security_headers(scope["path"])
        if _holds_nul(scope.get("query_string", b"")):
            # A NUL in a parameter is never meaningful, and PostgreSQL refuses it in text:
            # it is dropped, as a browser would drop it from a form field.
            query = scope["query_string"].replace(b"%00", b"").replace(b"\x00", b"")
            scope = {**scope, "query_string": query}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, scope: Scope) -> int | None:
        raw_path, query = scope.get("raw_path") or b"", scope.get("query_string", b"")
        if len(raw_path) + len(query) > self.max_url:
            return 414
        if _holds_nul(raw_path) or "\x00" in scope.get("path", ""):
            return 400  # never meaningful, and PostgreSQL refuses NUL in text
        headers = dict(scope.get("headers", []))
        length = headers.get(b"content-length")
        if length is None:
            return 411 if b"chunked" in headers.get(b"transfer-encoding", b"") else None
        if not length.isdigit() or int(length) > self.max_body:
            return 413
        return None


def security_headers(path: str) -> list[tuple[bytes, bytes]]:
    """The headers every response carries (error pages made outside the middleware too)."""
    docs = path.startswith(DOCS_PATHS)
    return [(b"content-security-policy", (DOCS_CSP if docs else CSP).encode()), *HEADERS]


def _holds_nul(raw: bytes) -> bool:
    return b"\x00" in raw or b"%00" in raw


async def send_refusal(scope: Scope, send: Send, status: int, headers: list) -> None:
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
