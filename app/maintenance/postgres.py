"""`db check` and `db backup` on PostgreSQL, where SQLite's PRAGMAs and online backup do not
exist: the same questions asked of the catalogue and the tables, and pg_dump for the copy."""

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from app.db import make_engine
from app.maintenance import MaintenanceError

# Every foreign key of the schema as (table, column, parent table).
FOREIGN_KEYS = (
    ("quote", "article_id", "article"),
    ("quote", "speaker_id", "speaker"),
    ("quote_topic", "quote_id", "quote"),
    ("quote_topic", "topic_id", "topic"),
    ("speaker_alias", "speaker_id", "speaker"),
)
TABLES = ("article", "speaker", "speaker_alias", "topic", "quote")


def libpq_url(url: str) -> str:
    """The URL as pg_dump and psql read it (no SQLAlchemy driver name)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def checks() -> list[tuple[str, Callable[[Connection], str | None]]]:
    """(name, check) pairs; a check returns None when all is well, else the problem."""
    return [
        ("constraints", _constraints),
        ("foreign keys", _orphans),
        ("search column", _search_column),
        ("id sequences", _sequences),
    ]


def run_checks(url: str) -> list[tuple[str, str | None]]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return [(name, _guarded(run, conn)) for name, run in checks()]
    finally:
        engine.dispose()


def _guarded(run: Callable[[Connection], str | None], conn: Connection) -> str | None:
    try:
        return run(conn)
    except SQLAlchemyError as error:
        conn.rollback()
        return str(getattr(error, "orig", None) or error).strip().splitlines()[0]


def _constraints(conn: Connection) -> str | None:
    """Constraints left NOT VALID (added without checking the rows already there)."""
    names = conn.execute(
        text(
            "SELECT conrelid::regclass::text || '.' || conname FROM pg_constraint"
            " WHERE NOT convalidated AND connamespace = current_schema()::regnamespace"
        )
    ).scalars()
    found = sorted(names)
    return f"not validated: {', '.join(found)}" if found else None


def _orphans(conn: Connection) -> str | None:
    """Rows pointing at no parent (possible when a load ran with triggers disabled)."""
    broken = []
    for table, column, parent in FOREIGN_KEYS:
        count = conn.execute(
            text(
                f"SELECT count(*) FROM {table} t WHERE t.{column} IS NOT NULL"
                f" AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = t.{column})"
            )
        ).scalar_one()
        if count:
            broken.append(f"{count} {table}.{column} pointing at no {parent}")
    return "; ".join(broken) or None


def _search_column(conn: Connection) -> str | None:
    """The search column holds what the quote's text gives (it is generated; a different
    text search configuration on a restored copy would make searches miss)."""
    stale = conn.execute(
        text(
            "SELECT count(*) FROM quote"
            " WHERE search_vector IS DISTINCT FROM to_tsvector('english'::regconfig, text)"
        )
    ).scalar_one()
    return f"{stale} quotes whose search column differs from their text" if stale else None


def _sequences(conn: Connection) -> str | None:
    """Each table's id sequence is past its highest id (else the next insert fails)."""
    behind = []
    for table in TABLES:
        row = conn.execute(
            text(
                f"SELECT (SELECT max(id) FROM {table}),"
                f" (SELECT last_value FROM {_sequence(conn, table)})"
            )
        ).one()
        if row[0] is not None and row[1] < row[0]:
            behind.append(f"{table} (sequence at {row[1]}, highest id {row[0]})")
    return f"behind the data: {', '.join(behind)}" if behind else None


def _sequence(conn: Connection, table: str) -> str:
    name = conn.execute(text(f"SELECT pg_get_serial_sequence('{table}', 'id')")).scalar_one()
    if name is None:
        raise MaintenanceError(f"{table}.id has no sequence")
    return name


def dump(url: str, target: Path) -> None:
    """pg_dump's custom format into `target` (written beside it, then renamed into place)."""
    command = ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", libpq_url(url)]
    shown = " ".join([*command[:-1], f"'{make_url(url).set(drivername='postgresql')}'"])
    if shutil.which("pg_dump") is None:
        raise MaintenanceError(
            f"PostgreSQL databases are backed up with pg_dump, which is not installed: {shown}"
        )
    partial = target.with_name(f".{target.name}.partial")
    command[3] = f"--file={partial}"
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        partial.unlink(missing_ok=True)
        reason = (done.stderr.strip().splitlines() or ["no reason given"])[-1]
        raise MaintenanceError(f"pg_dump failed: {reason} (command: {shown})")
    partial.replace(target)
