"""Rows loaded in bulk into an empty database (`db copy`): COPY on PostgreSQL, and the triggers
that keep derived data held off during the load, that data rebuilt once after it.

Row by row, the tally triggers (migration 0005) update the same few tally rows a million times
in one transaction, and SQLite's full-text triggers (0001) index every quote only for the
index to be rebuilt at the end; a copy of a million quotes took hours. Everything here runs
inside the caller's transaction, so a failure rolls back the rows and the trigger changes alike.
"""

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from psycopg import sql
from sqlalchemy import Column, Connection, Table, text

from app.maintenance import tallies

# The tables whose triggers keep derived data: the tallies (both backends; an article's outlet
# is its statements') and SQLite's FTS5 index of quote text. PostgreSQL's search column is
# generated, not kept by a trigger.
TRIGGERED_TABLES = ("article", "quote", "quote_topic")


@contextmanager
def triggers_held(conn: Connection) -> Iterator[None]:
    """Rows written inside the block fire none of the app's triggers on quote and quote_topic;
    at the end the tallies (and SQLite's full-text index) are rebuilt from the rows and the
    triggers work again. If the block raises, the caller's rollback restores the triggers.

    PostgreSQL: ALTER TABLE … DISABLE TRIGGER USER, which the table's owner may do (unlike
    session_replication_role, which needs a superuser); foreign keys are still checked.
    SQLite, which cannot disable a trigger: dropped, then created again from their own SQL.
    """
    if conn.dialect.name == "postgresql":
        _alter_triggers(conn, "DISABLE")
        yield
        tallies.rebuild(conn)
        _alter_triggers(conn, "ENABLE")
        return
    saved = conn.execute(
        text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN"
            f" ({', '.join(repr(t) for t in TRIGGERED_TABLES)}) ORDER BY name"
        )
    ).all()
    for name, _ in saved:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    tallies.rebuild(conn)
    conn.exec_driver_sql("INSERT INTO quote_fts(quote_fts) VALUES ('rebuild')")
    for _, create in saved:
        conn.exec_driver_sql(create)


def _alter_triggers(conn: Connection, action: str) -> None:
    for table in TRIGGERED_TABLES:
        conn.exec_driver_sql(f'ALTER TABLE "{table}" {action} TRIGGER USER')


def write_rows(conn: Connection, table: Table, batches: Iterable[Sequence[Sequence[Any]]]) -> int:
    """Write rows holding every column of `table`, in column order; returns how many.

    PostgreSQL: one COPY for the whole table, through the psycopg connection under `conn`
    (so inside its transaction), each value prepared as SQLAlchemy would bind it. Elsewhere:
    executemany INSERT, one batch at a time.
    """
    written = 0
    if conn.dialect.name != "postgresql":
        keys = table.c.keys()
        for batch in batches:
            conn.execute(table.insert(), [dict(zip(keys, row, strict=True)) for row in batch])
            written += len(batch)
        return written
    prepare = [_bind_processor(conn, column) for column in table.c]
    columns = sql.SQL(", ").join(sql.Identifier(column.name) for column in table.c)
    statement = sql.SQL("COPY {} ({}) FROM STDIN").format(sql.Identifier(table.name), columns)
    driver = conn.connection.driver_connection
    assert driver is not None  # a live connection inside the caller's transaction
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for batch in batches:
            for row in batch:
                copy.write_row([p(v) if p else v for p, v in zip(prepare, row, strict=True)])
            written += len(batch)
    return written


def _bind_processor(conn: Connection, column: Column[Any]) -> Any:
    """What SQLAlchemy does to a value of this column before the driver sees it (None: nothing);
    e.g. UTCDateTime's check that a datetime is aware."""
    return column.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
