"""Every quote matching a filter as plain rows, streamed by one query, for the CSV export.

Pages of ORM objects cost ≈ 120 µs a quote. An export is one statement here (dated quotes in
order, then undated ones, as the lists show them), read as it goes; its rows are used as they
come (≈ 0.2 µs a row over the driver's own tuples), with no object built per row.
"""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, SQLColumnExpression, String, select, type_coerce
from sqlmodel import Session, col

from app.models import Article, Quote, Speaker, Topic
from app.queries import fts
from app.queries.filters import QuoteFilter
from app.queries.prepared import stream
from app.queries.quotes import by_relevance, conditions
from app.queries.topics import topic_list

TOPIC_SEPARATOR = "; "

# What each exported row holds, in order: the one list of the export's columns (the CSV's
# header is made from it). `published` is an ISO date (a string on SQLite, whose date parsing
# is skipped; a date on PostgreSQL); `topics` is the quote's topic names, alphabetical, joined
# by TOPIC_SEPARATOR (named here from the ids the quote lists: looking its links up and
# joining their names took a quarter of the statement's time); speaker columns are None for
# a quote with none.
_SELECTED: dict[str, Any] = {
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
    "topics": Quote.topic_ids,
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
    named = _TopicNames(session)
    with fts.friendly_errors():
        stmt = _COLUMNS.where(*conditions(session, f, with_text=sort != "relevance"))
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
                if listed := row[TOPICS]:
                    row = (*row[:TOPICS], named(listed), *row[TOPICS + 1 :])
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


# The export's columns and joins, built once (building them took a tenth of a short export's
# time).
_COLUMNS = (
    select(*_SELECTED.values())
    .join(Article, col(Article.id) == col(Quote.article_id))
    .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
)


class _TopicNames:
    """A quote's topic ids ("3,17") as its topic names, alphabetical, joined by
    TOPIC_SEPARATOR; each list named once an export (quotes share a few hundred of them)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._names = {row.id: row.name for row, _ in topic_list(session)}
        self._named: dict[str, str] = {}

    def __call__(self, listed: str) -> str:
        found = self._named.get(listed)
        if found is None:
            ids = [int(ident) for ident in listed.split(",")]
            if not self._names.keys() >= set(ids):  # a topic stored since the list was read
                rows = self._session.execute(select(col(Topic.id), col(Topic.name))).all()
                self._names = {ident: name for ident, name in rows}
            names = sorted(self._names.get(ident, str(ident)) for ident in ids)
            found = self._named[listed] = TOPIC_SEPARATOR.join(names)
        return found
