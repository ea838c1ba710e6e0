"""SQLite bulk loading: fast pragmas, and indexes and triggers set aside while rows go in.

The indexes and the FTS triggers are read back from sqlite_master before they are dropped, so
they return exactly as the migration created them.
"""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from app.maintenance import tallies

LOAD_PRAGMAS = ("journal_mode=WAL", "synchronous=OFF", "cache_size=-262144", "temp_store=MEMORY")


def connect(path: str) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), tuned for loading."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in LOAD_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _schema_objects(conn: sqlite3.Connection, tables: tuple[str, ...]) -> list[tuple[str, ...]]:
    marks = ",".join("?" * len(tables))
    return conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        f"AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY type, name",
        tables,
    ).fetchall()


@contextmanager
def indexes_deferred(conn: sqlite3.Connection, tables: tuple[str, ...]) -> Iterator[None]:
    """Drop the indexes and triggers on `tables`; afterwards rebuild the quote FTS index and
    the tallies from the quote table and create them again (indexes built once, sorted, are
    much faster)."""
    saved = _schema_objects(conn, tables)
    for kind, name, _ in saved:
        conn.execute(f'DROP {kind} "{name}"')
    yield
    conn.execute("BEGIN")
    for kind, _, sql in saved:
        if kind == "index":
            conn.execute(sql)
    conn.execute("INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')")
    for statement in tallies.rebuild_sql("sqlite"):  # their triggers were off too
        conn.execute(statement)
    for kind, _, sql in saved:
        if kind == "trigger":
            conn.execute(sql)
    conn.execute("COMMIT")


def finish(conn: sqlite3.Connection) -> None:
    """Check the foreign keys, gather planner statistics and fold the WAL into the file."""
    broken = conn.execute("PRAGMA foreign_key_check").fetchmany(5)
    if broken:
        raise RuntimeError(f"foreign key violations, e.g. {broken}")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
