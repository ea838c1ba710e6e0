"""Engines and the writer lock: the one place that knows how SQLite and PostgreSQL are set up."""

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import create_engine

BUSY_TIMEOUT_MS = 10_000
# Key of the PostgreSQL advisory lock writers hold for a transaction (ASCII "dipl").
WRITER_LOCK_KEY = 0x6469706C


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def make_engine(url: str, *, writer: bool = False) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout on every connection.

    A `writer` engine starts SQLite transactions with BEGIN IMMEDIATE, so concurrent writers wait
    on the busy timeout instead of failing when a read lock cannot be upgraded. On PostgreSQL a
    writer transaction takes one advisory lock first, the same one-writer-at-a-time guarantee:
    the store reads speakers and then creates them, which is only safe if no one else writes.
    """
    if not is_sqlite(url):
        return _postgres_engine(url, writer=writer)
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
    event.listen(engine, "connect", _configure_sqlite)
    role = _configure_sqlite_writer if writer else _configure_sqlite_reader
    event.listen(engine, "connect", role)
    # Take transaction control from pysqlite so BEGIN is ours (SQLAlchemy's documented recipe).
    event.listen(engine, "begin", _begin_immediate if writer else _begin_deferred)
    return engine


def postgres_conninfo(engine: Engine) -> str:
    """The libpq connection string of a PostgreSQL engine (password included), for a
    connection made outside its pool."""
    return engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def _postgres_engine(url: str, *, writer: bool) -> Engine:
    # Several web workers each hold a small pool; pre-ping survives server restarts and
    # recycling keeps idle connections from being cut by proxies between machines.
    engine = create_engine(
        url,
        pool_size=5,
        max_overflow=5,
        pool_pre_ping=True,
        pool_recycle=1800,
        connect_args={
            "connect_timeout": 10,
            "application_name": "diplomat",
            # A page's statements are small and many run at once: starting parallel workers
            # for one cost more than they save (a rare word's search 57 ms instead of 75 on a
            # million quotes and two cores), and took the cores other pages were waiting for.
            # Compiling a statement (JIT, for those the planner costs over 100,000) took
            # 31 ms of a common word's counts, which run in a few hundred without it.
            "options": "-c max_parallel_workers_per_gather=0 -c jit=off",
        },
    )
    if writer:
        event.listen(engine, "begin", _take_writer_lock)
    return engine


def _take_writer_lock(conn) -> None:
    # Released by the database at COMMIT or ROLLBACK, so a crashed writer never holds it.
    # Never streamed, even when the statement that began the transaction asked for yield_per.
    conn.exec_driver_sql(
        f"SELECT pg_advisory_xact_lock({WRITER_LOCK_KEY})",
        execution_options={"stream_results": False},
    ).close()


@contextmanager
def writer_turn(engine: Engine) -> Iterator[None]:
    """Wait for this writer's turn on a SQLite file: an exclusive lock on `<database>.lock`,
    held until the transaction inside has committed or rolled back.

    Waiters wake the moment the lock is released, where SQLite's busy handler sleeps in steps
    of up to 100 ms and so oversleeps. BEGIN IMMEDIATE and the busy timeout still protect
    against writers that do not take this lock (backup, db check, db copy). The kernel drops the
    lock when its process dies. PostgreSQL writers take their advisory lock inside the
    transaction instead (see make_engine).
    """
    path = lock_path(engine)
    if path is None:
        yield
        return
    # Read-only is enough for flock, so a lock file another user created still serves.
    fd = os.open(path, os.O_RDONLY | os.O_CREAT, 0o666)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def lock_path(engine: Engine) -> Path | None:
    """The file writers lock to take turns, beside a SQLite database; None when there is none."""
    database = engine.url.database
    if engine.dialect.name != "sqlite" or database in (None, "", ":memory:"):
        return None
    return Path(f"{database}.lock")


# Pages of write-ahead log a writer lets accumulate before folding them into the database
# (SQLite's default is 1,000). An article's signature bands land on pages all over their
# index, so the same pages are written again and again; folding them in less often copies
# each once for many articles: storing took 15.0 ms an article with 1,000, 13.6 with 8,192
# (bench: 300 generated articles onto 1,700). The log is folded in and truncated at the end
# of an ingest. A process that dies loses nothing committed either way; a power cut may take
# back the last transactions not yet folded in (synchronous=NORMAL), now up to 32 MB of them.
WRITER_CHECKPOINT_PAGES = 8192


def _configure_sqlite_writer(dbapi_connection, _record) -> None:
    dbapi_connection.execute(f"PRAGMA wal_autocheckpoint={WRITER_CHECKPOINT_PAGES}")


# SQLite's page cache for each reading connection, in KiB (its default is 2,000). A web worker
# holds a connection per busy thread, and their caches were most of its growth under a long
# tail of pages; the database file stays in the system's cache, which all of them share. With
# 512 the server's peak RSS went 361 -> 329 MB (two workers, long tail); in-process timings
# of speaker filters, rare-word searches and topic pages, alternated with 2,000, were the same.
READER_CACHE_KIB = 512


def _configure_sqlite_reader(dbapi_connection, _record) -> None:
    dbapi_connection.execute(f"PRAGMA cache_size=-{READER_CACHE_KIB}")


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
