"""SQLite: statements that read quotes through the index of what counts read (ix_quote_facts).

Counting a word's matches looks each one up by id. SQLite's planner takes the table's own
id for that, whose rows carry the quote's text; the index of the few columns counts read is
cheaper to seek through by a third, so the counts name it. SQLAlchemy's SQLite compiler
drops table hints, SQLite's only one being INDEXED BY: this module passes them on.
"""

from typing import Any, TypeVar

from sqlalchemy import Select
from sqlalchemy.dialects.sqlite.base import SQLiteCompiler

from app.models import Quote, table
from app.queries.filters import QuoteFilter

FACTS_INDEX = "ix_quote_facts"
S = TypeVar("S", bound=Select[Any])


def _hint_text(self: SQLiteCompiler, from_: Any, text: str | None) -> str | None:
    return text


SQLiteCompiler.get_from_hint_text = _hint_text  # type: ignore[method-assign,assignment]


def through_facts(stmt: S) -> S:
    """`stmt`, its quote rows read through ix_quote_facts on SQLite (it must read no other
    column of the quote table). Other databases choose for themselves."""
    return stmt.with_hint(table(Quote), f"INDEXED BY {FACTS_INDEX}", "sqlite")


def counting(stmt: S, f: QuoteFilter) -> S:
    """A count over `conditions(f, counting=True)` with no join, read through the index when
    its matches come as a list of ids, each looked up: a search's words, or a topic's quotes
    (without a speaker, whose own index goes first). Filters the table's other indexes walk
    (a speaker, a country's speakers, dates alone) are left to the planner: this index is in
    no order but the id's, and naming it would scan all of it."""
    by_ids = bool(f.q) or bool(f.topic and not f.speakers)
    return through_facts(stmt) if by_ids else stmt
