"""Every quote matching a filter as plain rows, streamed by one query, for the CSV export.

Pages of ORM objects cost ≈ 120 µs a quote. An export is one statement here (dated quotes in
order, then undated ones, as the lists show them), read as it goes; its rows are used as they
come (≈ 0.2 µs a row over the driver's own tuples), with no object built per row.
"""

from collections.abc import Iterator
from functools import cache
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, String, func, select, type_coerce
from sqlmodel import Session, col

from app.models import Article, Quote, QuoteTopic, Speaker, Topic
from app.queries import fts
from app.queries.filters import QuoteFilter
from app.queries.prepared import stream
from app.queries.quotes import by_relevance, conditions

TOPIC_SEPARATOR = "; "
_JOINED = "\x1f"  # joins topic names in the query: no name holds it

# What each exported row holds, in order: the one list of the export's columns (the CSV's
# header is made from it). `published` is an ISO date (a string on SQLite, whose date parsing
# is skipped; a date on PostgreSQL); `topics` is the quote's topic names, alphabetical, joined
# by TOPIC_SEPARATOR; speaker columns are None for a quote with none.
_TOPIC_NAMES = object()  # stands for the topic-names subquery, built per database
_SELECTED: dict[str, Any] = {  # column expressions and the _TOPIC_NAMES stand-in
    "id": Quote.id,
    "published": type_coerce(Quote.published, String),
    "speaker": Speaker.name,
    "speaker_slug": Speaker.slug,
    "speaker_as_printed": Quote.speaker_as_printed,
    "country": Speaker.country,
    "text": Quote.text,
    "kind": Quote.kind,
    "cue": Quote.cue,
    "confidence": Quote.confidence,
    "topics": _TOPIC_NAMES,
    "outlet": Article.outlet,
    "article_title": Article.title,
    "article_id": Quote.article_id,
}
EXPORT_COLUMNS = tuple(_SELECTED)
TOPICS = EXPORT_COLUMNS.index("topics")


def export_rows(session: Session, f: QuoteFilter) -> Iterator[tuple]:
    """Every quote matching `f` in the list's order, as tuples in EXPORT_COLUMNS order
    (raises fts.SearchError on a bad search)."""
    sort = f.effective_sort
    with fts.friendly_errors():
        stmt = _columns_for(fts.is_postgres(session)).where(
            *conditions(session, f, with_text=sort != "relevance")
        )
        if sort == "relevance":
            found = fts.matches(session, f.q or "")
            order = by_relevance(found.c.rank, col(Quote.id))
            parts = [stmt.join(found, found.c.id == Quote.id).order_by(*order)]
        else:
            day: tuple[SQLColumnExpression[Any], ...] = (col(Quote.published), col(Quote.id))
            if sort == "newest":
                day = (col(Quote.published).desc(), col(Quote.id).desc())
            parts = [
                stmt.where(col(Quote.published).is_not(None)).order_by(*day),
                stmt.where(col(Quote.published).is_(None)).order_by(day[1]),
            ]
        row: tuple[Any, ...]
        for part in parts:
            for row in _rows(session, part):
                joined = row[TOPICS]
                if joined and _JOINED in joined:
                    row = (*row[:TOPICS], _sorted_names(joined), *row[TOPICS + 1 :])
                yield row


def _rows(session: Session, stmt: Select) -> Iterator[tuple]:
    """The statement's rows as they come. SQLite's are read from the driver's cursor: every
    column is already a plain value, and SQLAlchemy's handling of each row was a fifth of an
    export's time; the statement is run there too, compiled once per shape (`stream`):
    SQLAlchemy's execution of it was a fifth of a short export's time. PostgreSQL's come
    through SQLAlchemy's server-side cursor (the driver's default one would hold the whole
    export at once)."""
    if fts.is_sqlite(session):
        for rows in stream(session, stmt, _ROWS_AT_ONCE):
            yield from rows
        return
    connection = session.connection().execution_options(
        stream_results=True, yield_per=_ROWS_AT_ONCE
    )
    yield from connection.execute(stmt)


_ROWS_AT_ONCE = 500


@cache
def _columns_for(postgres: bool) -> Select:
    """The export's columns and joins, built once per kind of database (building them took
    a tenth of a short export's time)."""
    names = (
        select(_joined(postgres, Topic.name))
        .join(QuoteTopic, col(QuoteTopic.topic_id) == col(Topic.id))
        .where(col(QuoteTopic.quote_id) == col(Quote.id))
        .scalar_subquery()
    )
    columns = [names if column is _TOPIC_NAMES else column for column in _SELECTED.values()]
    return (
        select(*columns)
        .join(Article, col(Article.id) == col(Quote.article_id))
        .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    )


def _joined(postgres: bool, column):
    # Sorted in Python: neither database promises an order inside the aggregate without
    # syntax SQLite only has from 3.44.
    if postgres:
        return func.string_agg(column, _JOINED)
    return func.group_concat(column, _JOINED)


def _sorted_names(joined: str) -> str:
    return TOPIC_SEPARATOR.join(sorted(joined.split(_JOINED)))
