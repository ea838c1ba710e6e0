"""FastAPI dependencies the routes share: a database session per request, a row id in a URL."""

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi import Path as PathParam
from sqlmodel import Session

from app.queries.cache import assume_generation
from app.web.pagecache import GENERATION


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        known = getattr(request.state, GENERATION, None)  # set by the page cache
        if known is not None:
            assume_generation(session, known)
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
# A row id in a URL: ids are 32-bit integer columns on PostgreSQL (64-bit on SQLite), and a
# larger number would overflow the database; no such row can exist.
RowId = Annotated[int, PathParam(ge=1, le=2**31 - 1)]
