"""Full-text search: the only module that writes FTS SQL, so another backend can slot in here.

SQLite uses the FTS5 external-content table `quote_fts(text)` kept in sync by triggers. Other
databases fall back to a plain case-insensitive substring match (no ranking, no snippets) until a
real backend is written.
"""

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from markupsafe import Markup, escape
from sqlalchemy import Float, Integer, bindparam, literal, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql import Subquery
from sqlmodel import Session

from app.models import Quote

# Private-use characters mark the hits in snippet(); they are swapped for <mark> after escaping.
_OPEN, _CLOSE = "\ue000", "\ue001"
# One piece of a typed search: an optional leading "-" (leave out), then a "phrase" (maybe
# unclosed, maybe with a trailing *), a bracket, or a run of anything else.
_TOKEN = re.compile(
    r"(?P<neg>-(?=[^\s()]))?"
    r'(?:"(?P<phrase>[^"]*)(?P<closed>"?)(?P<star>\*?)|(?P<paren>[()])|(?P<word>[^\s()"]+))'
)
_OPERATORS = ("AND", "OR", "NOT")
ONLY_EXCLUSIONS = (
    "Add a word to look for: a search cannot only leave words out (try sanctions -oil)."
)


class SearchError(Exception):
    """A search the database refused; the message is fit to show the reader as is."""


class TooSlow(Exception):
    """A query ran past its time budget and was interrupted."""


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def prepare(q: str) -> str:
    """Turn what the reader typed into a safe FTS5 query.

    Each plain word becomes a quoted phrase, because `U.S.` or `don't` would be FTS5 syntax
    errors. "Phrases", `prefix*`, brackets and AND/OR/NOT keep their meaning; `-word` or
    `-"a phrase"` (which FTS5 lacks) leaves matches out: the rest is wrapped and followed by
    NOT for each. Malformed syntax (an unclosed quote or bracket) is left for FTS5 to reject.
    Raises SearchError for a search that only leaves words out.
    """
    if "NEAR(" in q:
        return q
    keep: list[str] = []
    leave_out: list[str] = []
    for token in _TOKEN.finditer(q):
        (leave_out if token["neg"] else keep).append(_fts_term(token))
    if not keep:
        raise SearchError(ONLY_EXCLUSIONS)
    if not leave_out:
        return " ".join(keep)
    return "(" + " ".join(keep) + ") " + " ".join("NOT " + term for term in leave_out)


def _fts_term(token: re.Match) -> str:
    """One token as FTS5 syntax: operators and brackets as they are, words quoted."""
    if token["paren"]:
        return token["paren"]
    if token["phrase"] is not None:
        closed = token["closed"] + token["star"] if token["closed"] else ""
        return '"' + token["phrase"] + closed
    word = token["word"]
    if word in _OPERATORS and not token["neg"]:
        return word
    star = "*" if word.endswith("*") and word.strip("*") else ""
    word = word.rstrip("*") if star else word
    return '"' + word.replace('"', '""') + '"' + star


def matches(session: Session, q: str) -> Subquery:
    """Rows (id, rank) of quotes matching `q`; lower rank is more relevant."""
    if is_sqlite(session):
        sql = text(
            "SELECT rowid AS id, bm25(quote_fts) AS rank FROM quote_fts"
            " WHERE quote_fts MATCH :fts_query"
        ).bindparams(fts_query=prepare(q))
        return sql.columns(id=Integer, rank=Float).subquery("fts")
    pattern = bindparam("fts_pattern", "%" + q.replace("%", r"\%").replace("_", r"\_") + "%")
    stmt = select(Quote.id.label("id"), literal(0.0).label("rank")).where(
        Quote.text.ilike(pattern, escape="\\")
    )
    return stmt.subquery("fts")


def snippets(session: Session, q: str, ids: list[int]) -> dict[int, Markup]:
    """Highlighted, HTML-safe excerpts of the matching quotes with these ids."""
    if not ids or not is_sqlite(session):
        return {}
    sql = text(
        f"SELECT rowid, snippet(quote_fts, 0, '{_OPEN}', '{_CLOSE}', '…', 24) FROM quote_fts"
        " WHERE quote_fts MATCH :fts_query AND rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    rows = session.execute(sql, {"fts_query": prepare(q), "ids": ids})
    return {rowid: highlight(snippet) for rowid, snippet in rows}


def highlight(snippet: str) -> Markup:
    """Escape the snippet, then turn the sentinel characters into <mark> tags."""
    escaped = str(escape(snippet))
    return Markup(escaped.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>"))


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn the database's complaints about a query into a SearchError with one readable line."""
    try:
        yield
    except TooSlow:
        raise SearchError("That search took too long. Try fewer or more specific words.") from None
    except OperationalError as error:
        if "interrupted" in str(error.orig):
            raise SearchError(
                "That search took too long. Try fewer or more specific words."
            ) from None
        raise SearchError(
            "We could not understand that search. Check quotation marks and brackets are"
            " paired, or search for plain words."
        ) from None


@contextmanager
def time_limit(session: Session, ms: int) -> Iterator[None]:
    """Interrupt SQLite statements that run longer than `ms` (raises TooSlow)."""
    if not is_sqlite(session) or ms <= 0:
        yield
        return
    connection = session.connection().connection.driver_connection
    deadline = time.monotonic() + ms / 1000
    connection.set_progress_handler(lambda: time.monotonic() > deadline, 1000)
    try:
        yield
    except OperationalError as error:
        if "interrupted" in str(error.orig):
            raise TooSlow() from None
        raise
    finally:
        connection.set_progress_handler(None, 1000)
