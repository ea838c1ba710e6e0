"""`diplomat db copy`: a whole database moved between SQLite and PostgreSQL, then verified.

The destination is migrated to the newest schema and must be empty. Rows are copied parents
before children, in one transaction (all or nothing): with COPY into PostgreSQL, in batches into
SQLite, the triggers that keep the tallies (and SQLite's FTS5 index) held off and what they keep
rebuilt once at the end (app.maintenance.bulk); PostgreSQL's id sequences are moved past the
copied ids. Each table is then read back on both sides in id order and compared by row count and
a checksum of its values.
"""

import hashlib
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Connection, Table, func, select, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

import app.models  # noqa: F401  (registers the tables)
from app.db import is_sqlite, make_engine
from app.maintenance import bulk, tallies
from app.schema import is_current, upgrade

BATCH = 1000


class CopyError(Exception):
    """The copy cannot start; the message says why."""


@dataclass(frozen=True)
class TableCheck:
    table: str
    source_rows: int
    copied_rows: int
    source_checksum: str
    copied_checksum: str

    @property
    def ok(self) -> bool:
        same_rows = self.source_rows == self.copied_rows
        return same_rows and self.source_checksum == self.copied_checksum


def tables() -> list[Table]:
    """The app's tables, parents before the tables whose foreign keys point at them."""
    return list(SQLModel.metadata.sorted_tables)


def copy_database(
    source_url: str, target_url: str, on_table: Callable[[str, int], None] | None = None
) -> list[TableCheck]:
    """Copy every row from `source_url` into the empty database at `target_url`; verify."""
    _check_source(source_url)
    upgrade(target_url)
    source, target = make_engine(source_url), make_engine(target_url, writer=True)
    try:
        if any(_count(target, table) for table in tables()):
            raise CopyError(f"{_safe(target_url)} already has rows; copy into an empty database")
        with source.connect() as read, target.begin() as write:
            with bulk.triggers_held(write):
                for table in tables():
                    if table.name in tallies.TALLY_TABLES:
                        continue  # recounted from the copied quotes: exact even if the source's
                        # were not, and verify_table then says so
                    copied = _copy_table(read, write, table)
                    if on_table:
                        on_table(table.name, copied)
            _finish(write)
        _vacuum(target)
        return [verify_table(source, target, table) for table in tables()]
    finally:
        source.dispose()
        target.dispose()


def _check_source(url: str) -> None:
    if is_sqlite(url):
        database = make_url(url).database
        if not database or not Path(database).is_file():
            raise CopyError(f"{_safe(url)}: no such database file")
    if not is_current(url):
        raise CopyError(f"{_safe(url)} is not at the newest schema; run `diplomat db upgrade`")


def _copy_table(read: Connection, write: Connection, table: Table) -> int:
    # A server-side cursor on PostgreSQL: only one batch is in memory at a time.
    with closing(_ordered_rows(read, table)) as rows:
        return bulk.write_rows(write, table, rows.partitions())


def _ordered_rows(conn: Connection, table: Table):
    return conn.execution_options(yield_per=BATCH).execute(select(table).order_by(*_key(table)))


def _finish(write: Connection) -> None:
    """Make the copy behave like a database grown in place (tallies and the FTS5 index are
    rebuilt by bulk.triggers_held)."""
    if write.dialect.name == "sqlite":
        return
    for table in tables():
        if "id" in table.c and table.c.id.primary_key:
            # The next id the sequence hands out must follow the copied ones.
            write.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f' COALESCE(MAX(id), 1), MAX(id) IS NOT NULL) FROM "{table.name}"'
                )
            )


def _vacuum(engine: Engine) -> None:
    """PostgreSQL: VACUUM (ANALYZE) the copy, outside the copy's transaction as VACUUM must
    be. The statistics give the planner the copy's sizes; the visibility map lets counts read
    indexes alone (a rare word's topic counts fetched 1,288 heap rows the index held, and
    autovacuum gets to a table filled at once only later)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.execute(text("VACUUM (ANALYZE)"))


def verify_table(source: Engine, target: Engine, table: Table) -> TableCheck:
    """Row counts and checksums of one table on both sides."""
    source_rows, source_sum = checksum(source, table)
    copied_rows, copied_sum = checksum(target, table)
    return TableCheck(table.name, source_rows, copied_rows, source_sum, copied_sum)


def checksum(engine: Engine, table: Table) -> tuple[int, str]:
    """(rows, sha256) over every value in id order, written the same way on both backends."""
    digest, rows = hashlib.sha256(), 0
    with engine.connect() as conn, closing(_ordered_rows(conn, table)) as result:
        for row in result:
            digest.update("\x1f".join(map(_canonical, row)).encode("utf-8") + b"\x1e")
            rows += 1
    return rows, digest.hexdigest()


def _canonical(value: object) -> str:
    if value is None:
        return "\x00"
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    if isinstance(value, date | float):
        return value.isoformat() if isinstance(value, date) else repr(value)
    return str(value)


def _key(table: Table) -> list:
    return list(table.primary_key.columns)


def _count(engine: Engine, table: Table) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def _safe(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)
