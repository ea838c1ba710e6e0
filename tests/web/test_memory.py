"""Freed heap pages go back to the system every so many answers (app/web/memory.py)."""

import asyncio

from app.web import memory
from app.web.memory import TrimMemory


async def _answer(scope, receive, send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"ok"})


def _ask(app, kind: str = "http") -> None:
    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message) -> None:
        pass

    asyncio.run(app({"type": kind, "method": "GET", "path": "/"}, receive, send))


def test_trim_memory_every_so_many_answers():
    app = TrimMemory(_answer, every=3)
    trims = []
    app._trim = lambda: trims.append(1)
    for _ in range(7):
        _ask(app)
    assert len(trims) == 2  # after the 3rd and the 6th answer


def test_trim_memory_finds_glibc_here():
    """This machine (and the Docker image) run glibc: the trim is there and runs."""
    trim = memory._malloc_trim()
    assert trim is not None
    trim()
