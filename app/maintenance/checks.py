"""Database upkeep behind `diplomat db backup` and `diplomat db check` (SQLite)."""

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.db import BUSY_TIMEOUT_MS, is_sqlite
from app.schema import is_current


class MaintenanceError(Exception):
    """A problem with the request itself (not SQLite, no such file); one line for the user."""


@dataclass(frozen=True)
class Finding:
    check: str
    problem: str | None  # None = passed


def sqlite_file(url: str) -> Path:
    """The file behind a SQLite URL; refuses other databases and missing files."""
    if not is_sqlite(url):
        raise MaintenanceError("only SQLite databases are supported here")
    database = make_url(url).database
    if not database or database == ":memory:":
        raise MaintenanceError("the database is in memory; there is no file")
    path = Path(database)
    if not path.is_file():
        raise MaintenanceError(f"no database at {path}")
    return path


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    uri = f"file:{path}?mode=ro" if read_only else f"file:{path}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


def backup(url: str, target: Path, overwrite: bool = False) -> int:
    """Copy the database to `target` while it is in use; returns the copy's size in bytes.

    The copy is made in one step of SQLite's online backup API: one read transaction, so it is
    a consistent snapshot, and under WAL the site and an ingest keep writing meanwhile (a
    step-by-step copy would restart on every write and might never finish). It is written
    beside `target` and renamed into place, so a crash never leaves half a backup there.
    """
    source_path = sqlite_file(url)
    if target.exists() and not overwrite:
        raise MaintenanceError(f"{target} exists; pass --overwrite to replace it")
    if target.resolve() == source_path.resolve():
        raise MaintenanceError("the backup cannot replace the database itself")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source, copy = _connect(source_path, read_only=True), sqlite3.connect(partial)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        verdict = copy.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        source.close()
        copy.close()
    if verdict != "ok":
        partial.unlink(missing_ok=True)
        raise MaintenanceError(f"the copy failed its check: {verdict}")
    os.replace(partial, target)
    return target.stat().st_size


def check(url: str) -> list[Finding]:
    """Integrity, foreign keys, the full-text index against the quotes, and the schema."""
    conn = _connect(sqlite_file(url))
    try:
        findings = [
            _guarded("integrity", _integrity, conn),
            _guarded("foreign keys", _foreign_keys, conn),
            _guarded("full-text index", _fts, conn),
        ]
    finally:
        conn.close()
    try:
        current = is_current(url)
    except SQLAlchemyError as error:
        return [*findings, Finding("schema", f"unreadable ({error.orig or error})")]
    return [*findings, Finding("schema", None if current else "not at the newest revision")]


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
