"""A listing's counts part waited for in the event loop (app/web/counts_wait.py)."""

import asyncio

from app.web.counts_wait import CountsWait
from app.web.listing import PENDING_HEADER


def _app(pending_answers: int):
    """An app whose counts are ready from its (`pending_answers` + 1)th answer on."""
    calls = []

    async def app(scope, receive, send):
        calls.append(scope["query_string"])
        pending = len(calls) <= pending_answers
        headers = [(b"content-type", b"text/html")] + ([(PENDING_HEADER, b"1")] if pending else [])
        await send({"type": "http.response.debug", "info": {}})  # as Starlette's test client asks
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"counting" if pending else b"counts"})

    return app, calls


def _get(app, query: bytes) -> list[dict]:
    sent = []

    async def send(message):
        sent.append(message)

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    scope = {"type": "http", "method": "GET", "path": "/", "query_string": query, "headers": []}
    asyncio.run(app(scope, receive, send))
    return sent


def test_counts_part_is_asked_again_until_the_counts_are_there():
    app, calls = _app(pending_answers=3)
    sent = _get(CountsWait(app, wait_s=5), b"q=x&part=counts")
    assert len(calls) == 4
    assert [m["type"] for m in sent][1:] == ["http.response.start", "http.response.body"]
    assert sent[2]["body"] == b"counts"
    assert all(name != PENDING_HEADER for name, _ in sent[1]["headers"])


def test_counts_part_still_pending_after_the_wait_is_sent_as_it_is_without_the_mark():
    app, calls = _app(pending_answers=10**6)
    sent = _get(CountsWait(app, wait_s=0.2), b"part=counts")
    assert 2 <= len(calls) <= 10  # asked every 50 ms, not in a busy loop
    assert sent[2]["body"] == b"counting"
    assert all(name != PENDING_HEADER for name, _ in sent[1]["headers"])


def test_other_requests_pass_straight_through():
    app, calls = _app(pending_answers=10**6)
    sent = _get(CountsWait(app, wait_s=5), b"q=part%3Dcounts")
    assert len(calls) == 1 and sent[2]["body"] == b"counting"


def test_requests_run_while_a_counts_part_waits():
    """The wait sleeps in the event loop: a page asked meanwhile is answered at once."""
    app, _ = _app(pending_answers=10**6)
    middleware = CountsWait(app, wait_s=0.5)
    finished = []

    async def ask(query: bytes, name: str):
        async def send(message):
            if message["type"] == "http.response.body":
                finished.append(name)

        async def receive():
            return {"type": "http.request", "body": b"", "more_body": False}

        scope = {"type": "http", "method": "GET", "path": "/", "query_string": query}
        await middleware(scope, receive, send)

    async def both():
        await asyncio.gather(ask(b"part=counts", "counts"), ask(b"", "page"))

    asyncio.run(both())
    assert finished == ["page", "counts"]
