"""HEAD and OPTIONS for every page: HEAD answers as GET without the body, OPTIONS lists the
methods a path allows. FastAPI routes declare GET only, so both got 405 before."""

from starlette.routing import Match, Mount
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class MethodsMiddleware:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method") if scope["type"] == "http" else None
        if method == "HEAD":
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
        elif method == "OPTIONS":
            await self._options(scope, receive, send)
        else:
            await self.app(scope, receive, send)

    async def _options(self, scope: Scope, receive: Receive, send: Send) -> None:
        allowed = _allowed_methods(scope)
        if not allowed:  # no such page: let the app say so (404)
            await self.app({**scope, "method": "GET"}, receive, _without_body(send))
            return
        allow = ", ".join(sorted(allowed | {"OPTIONS"}))
        headers = [(b"allow", allow.encode()), (b"content-length", b"0")]
        await send({"type": "http.response.start", "status": 204, "headers": headers})
        await send({"type": "http.response.body", "body": b""})


def _allowed_methods(scope: Scope) -> set[str]:
    methods: set[str] = set()
    for route in scope["app"].router.routes:
        if isinstance(route, Mount):  # static files: read-only
            if route.matches(scope)[0] == Match.FULL:
                methods.add("GET")
            continue
        for probe in ("GET", "POST"):
            match, _ = route.matches({**scope, "method": probe})
            if match == Match.FULL:
                methods.add(probe)
    if "GET" in methods:
        methods.add("HEAD")
    return methods


def _without_body(send: Send) -> Send:
    """Pass the start (with its Content-Length) on; send an empty body, once."""
    done = False

    async def send_head(message: Message) -> None:
        nonlocal done
        if message["type"] == "http.response.start":
            await send(message)
        elif message["type"] == "http.response.body" and not done:
            if not message.get("more_body", False):
                done = True
                await send({"type": "http.response.body", "body": b""})
        else:
            await send(message)

    return send_head
