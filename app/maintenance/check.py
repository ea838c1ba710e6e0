"""What `diplomat db check` verifies: integrity, foreign keys, the full-text index, the
tallies and statements against a recount, the schema."""

import sqlite3
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.db import is_postgres, make_engine
from app.maintenance import postgres, statement_check, tallies
from app.maintenance.backup import connect, sqlite_file
from app.schema import is_current


@dataclass(frozen=True)
class Finding:
    check: str
    problem: str | None  # None = passed


def check(url: str) -> list[Finding]:
    """Integrity, foreign keys, the full-text index against the quotes, the tallies, the
    statements and the schema (on PostgreSQL: constraints, foreign keys, the search column,
    the id sequences, the tallies, the statements and the schema)."""
    if is_postgres(url):
        findings = [Finding(name, problem) for name, problem in postgres.run_checks(url)]
        return [*findings, *_recounts(url), _schema(url)]
    conn = connect(sqlite_file(url))
    try:
        findings = [
            _guarded("integrity", _integrity, conn),
            _guarded("foreign keys", _foreign_keys, conn),
            _guarded("full-text index", _fts, conn),
        ]
    finally:
        conn.close()
    return [*findings, *_recounts(url), _schema(url)]


def _recounts(url: str) -> list[Finding]:
    return [
        _recounted("tallies", tallies.differences, url),
        _recounted("statements", statement_check.differences, url),
    ]


def _recounted(name: str, differences, url: str) -> Finding:
    """What the database keeps (tallies, statements) against a recount of the quotes."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            found = differences(conn)
    except SQLAlchemyError as error:
        reason = error.orig if isinstance(error, DBAPIError) else error
        return Finding(name, f"unreadable ({reason})")
    finally:
        engine.dispose()
    return Finding(name, "; ".join(found) or None)


def _schema(url: str) -> Finding:
    try:
        current = is_current(url)
    except SQLAlchemyError as error:
        # Only the driver's errors (DBAPIError) carry `orig`; other SQLAlchemy errors have none.
        reason = error.orig if isinstance(error, DBAPIError) else None
        return Finding("schema", f"unreadable ({reason or error})")
    return Finding("schema", None if current else "not at the newest revision")


def _guarded(name: str, run, conn: sqlite3.Connection) -> Finding:
    """A check that a damaged file makes SQLite refuse outright reports that, not a traceback."""
    try:
        return run(conn)
    except sqlite3.DatabaseError as error:
        return Finding(name, str(error))


def _integrity(conn: sqlite3.Connection) -> Finding:
    rows = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
    return Finding("integrity", None if rows == ["ok"] else "; ".join(rows))


def _foreign_keys(conn: sqlite3.Connection) -> Finding:
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    if not rows:
        return Finding("foreign keys", None)
    table, rowid, parent, _ = rows[0]
    return Finding(
        "foreign keys", f"{len(rows)} broken (first: {table} row {rowid} points at no {parent})"
    )


def _fts(conn: sqlite3.Connection) -> Finding:
    # rank 1 also compares the index with the quote table it indexes (plain
    # 'integrity-check' only checks the index against itself). It is written as an INSERT, so
    # take the write lock first: a deferred transaction that read before a concurrent writer
    # committed cannot upgrade and fails at once with "database is locked", busy timeout or not.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)")
        return Finding("full-text index", None)
    except sqlite3.DatabaseError as error:
        return Finding("full-text index", f"out of step with the quotes ({error})")
    finally:
        conn.execute("ROLLBACK")
