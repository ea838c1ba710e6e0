"""The counts part of a listing (`?part=counts`), waited for in the event loop.

A page whose counts were not ready in time asks for them again with part=counts, and that request
waits up to COUNTS_WAIT_S for the background count to finish. Waiting in its thread, it held one
of the worker's few page threads (PAGE_THREADS) the whole time, and two such waits stopped the
worker. Here the route answers at once, marking an answer without the counts with
PENDING_HEADER, and this middleware asks it again every POLL_S, sleeping in the event loop in
between, until the counts are there or the time is up; only the last answer is sent.
"""

import asyncio
from time import monotonic
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.web.listing import COUNTS_PART, COUNTS_WAIT_S, PENDING_HEADER

POLL_S = 0.05


class CountsWait:
    """ASGI middleware: GET requests for a listing's counts part, retried until complete."""

    def __init__(self, app: ASGIApp, wait_s: float = COUNTS_WAIT_S) -> None:
        self.app = app
        self.wait_s = wait_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not _asks_counts(scope):
            await self.app(scope, receive, send)
            return
        deadline = monotonic() + self.wait_s
        while True:
            messages: list[Message] = []
            await self.app(scope, _no_body, _collect_into(messages))
            # Not always the first message: Starlette's test client asks templates for a
            # debug message before it.
            start = next((m for m in messages if m["type"] == "http.response.start"), None)
            headers = start.get("headers", []) if start is not None else []
            pending = any(name.lower() == PENDING_HEADER for name, _ in headers)
            if not pending or monotonic() >= deadline:
                break
            await asyncio.sleep(POLL_S)
        if start is not None:
            start["headers"] = [(k, v) for k, v in headers if k.lower() != PENDING_HEADER]
        for message in messages:
            await send(message)


def _asks_counts(scope: Scope) -> bool:
    query: bytes = scope.get("query_string", b"")
    if b"part=" not in query:
        return False
    return ("part", COUNTS_PART) in parse_qsl(query.decode("latin-1"))


def _collect_into(messages: list[Message]) -> Send:
    async def send(message: Message) -> None:
        messages.append(message)

    return send


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}
