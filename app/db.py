"""Engine and sessions: the one place that knows how SQLite is configured."""

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Request
from fastapi import Path as PathParam
from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

BUSY_TIMEOUT_MS = 10_000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(url: str, *, writer: bool = False) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    A `writer` engine starts SQLite transactions with BEGIN IMMEDIATE, so concurrent writers wait
    on the busy timeout instead of failing when a read lock cannot be upgraded.
    """
    if not is_sqlite(url):
        return create_engine(url, pool_pre_ping=True)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", _configure_sqlite)
    # Take transaction control from pysqlite so BEGIN is ours (SQLAlchemy's documented recipe).
    event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
    return engine


def _begin_deferred(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def _begin_immediate(conn) -> None:
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def _configure_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
    dbapi_connection.isolation_level = None


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]
# A row id in a URL: SQLite integers are 64-bit, and a larger number would overflow the driver.
RowId = Annotated[int, PathParam(ge=1, le=2**63 - 1)]
