"""The statements an engine runs inside a block, for tests that a value is read without one."""

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, event


@contextmanager
def statements_naming(engine: Engine, word: str) -> Iterator[list[str]]:
    """The statements run inside the block whose SQL holds `word` (a table's name)."""
    found: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        if word in statement:
            found.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", record)
