"""A consistent copy of the database while it is in use (`diplomat db backup`): SQLite's
online backup API, or pg_dump for PostgreSQL."""

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.db import BUSY_TIMEOUT_MS, is_postgres, is_sqlite
from app.maintenance import MaintenanceError, postgres


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


def connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
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
    if target.exists() and not overwrite:
        raise MaintenanceError(f"{target} exists; pass --overwrite to replace it")
    if is_postgres(url):
        target.parent.mkdir(parents=True, exist_ok=True)
        postgres.dump(url, target)
        return target.stat().st_size
    source_path = sqlite_file(url)
    if target.resolve() == source_path.resolve():
        raise MaintenanceError("the backup cannot replace the database itself")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    source, copy = connect(source_path, read_only=True), sqlite3.connect(partial)
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
