"""FastAPI dependencies the routes share: a database session per request, a row id in a URL."""

from collections.abc import AsyncIterator
from typing import Annotated

from anyio import CancelScope, CapacityLimiter, to_thread
from fastapi import Depends, Request
from fastapi import Path as PathParam
from sqlmodel import Session

from app.queries.cache import assume_generation
from app.web.pagecache import GENERATION


async def get_session(request: Request) -> AsyncIterator[Session]:
    """A session for the request. Made in the event loop (no database work until the page's
    first statement) and closed there on SQLite (a read transaction ends in microseconds):
    a sync dependency cost two more trips to a worker thread, and its start waited for one
    of the PAGE_THREADS like a page. On PostgreSQL, where closing is a round trip, the close
    goes to a thread of its own."""
    engine = request.app.state.engine
    session = Session(engine)
    known = getattr(request.state, GENERATION, None)  # set by the page cache
    if known is not None:
        assume_generation(session, known)
    try:
        yield session
    finally:
        if engine.dialect.name == "sqlite":
            session.close()
        else:
            # Never waiting for a page thread: a page waiting for the connection this close
            # frees would wait for ever (FastAPI closes sync dependencies the same way).
            with CancelScope(shield=True):
                await to_thread.run_sync(session.close, limiter=CapacityLimiter(1))


SessionDep = Annotated[Session, Depends(get_session)]
# A row id in a URL: ids are 32-bit integer columns on PostgreSQL (64-bit on SQLite), and a
# larger number would overflow the database; no such row can exist.
RowId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
