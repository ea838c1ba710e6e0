"""Full-text search: the only module that writes FTS SQL, so another backend can slot in here.

SQLite uses the FTS5 external-content table `quote_fts(text, kind, month)` kept in sync by
triggers: the reader's words are looked for in `text` only; `kind` and `month` hold a token each
(migration 0013) so that a search within a kind or some months is narrowed by the index itself
(`Within`).
PostgreSQL uses the generated `quote.search_vector` column and its GIN index (app.queries.
fts_postgres translates the query). Other databases fall back to a plain case-insensitive
substring match (no ranking, no snippets).
"""

import json
import math
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Float,
    Integer,
    Select,
    bindparam,
    func,
    literal,
    select,
    text,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql import Subquery, TextClause
from sqlmodel import Session, col

from app.models import Quote
from app.queries import fts_postgres as pg
from app.queries.cache import cached
from app.queries.fts_snippets import page_snippets

# Snippets mark each hit between these two private-use characters (never in article text);
# the web layer turns them into <mark> tags after escaping.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"
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
# Bounds on what one search may hold: a query of hundreds of words or brackets nested hundreds
# deep is never a reader's search, and would nest the query (and its parser) that deep.
MAX_TERMS, MAX_DEPTH = 40, 8
TOO_LONG = f"Searches can hold up to {MAX_TERMS} words; try fewer."
TOO_DEEP = f"Brackets can nest up to {MAX_DEPTH} deep; try fewer."


# Spans of more months than this are left to the quote rows: the index merges one list of
# quotes per month (a year, twelve: 2-3 ms), and a decade's would be most of the index.
WITHIN_MONTHS_AT_MOST = 24
# The reader's words are weighed; the kind and month tokens, there to narrow, are not.
BM25 = "bm25(quote_fts, 1.0, 0.0, 0.0)"


@dataclass(frozen=True)
class Within:
    """What SQLite's index holds beside a quote's words: its kind and the months it may be
    published in (yyyymm, inclusive). A search narrowed by them lists only the matches
    inside: a common word in a kind it never has is nothing found in 2 ms, where reading each
    match's quote row took 40; a year of it 9-13 ms, where it took 35-56. Other databases
    ignore it (the quote rows' own conditions always apply too)."""

    kind: str | None = None
    months: tuple[int, int] | None = None

    def tokens(self) -> str:
        """The FTS5 conditions on the kind and month columns, each preceded by AND."""
        found = ""
        if self.kind:
            found += ' AND kind : "k' + self.kind.replace('"', '""') + '"'
        if self.months:
            listed = " OR ".join(f"m{month}" for month in _months(*self.months))
            found += f" AND month : ({listed})"
        return found


def _months(low: int, high: int) -> list[int]:
    """Every yyyymm from `low` to `high`."""
    found = []
    year, month = divmod(low, 100)
    while year * 100 + month <= high:
        found.append(year * 100 + month)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def within(kind: str | None, months: tuple[int, int] | None) -> Within | None:
    """The index's share of a filter: its kind, and its months (yyyymm, as
    facet_tallies.month_span gives them) when both ends are set and they are few enough."""
    if months is not None:
        (low_year, low), (high_year, high) = divmod(months[0], 100), divmod(months[1], 100)
        spanned = (high_year * 12 + high) - (low_year * 12 + low) + 1
        if low_year < 1000 or high_year > 9000 or not 1 <= spanned <= WITHIN_MONTHS_AT_MOST:
            months = None  # an open end, too many months to list, or none (dates reversed)
    return Within(kind, months) if kind or months else None


def expression(q: str, within: Within | None = None) -> str:
    """The FTS5 query for what the reader typed, in the text column, narrowed by `within`."""
    return f"text : ({prepare(q)})" + (within.tokens() if within else "")


class SearchError(Exception):
    """A search the database refused; the message is fit to show the reader as is."""


class TooSlow(Exception):
    """A query ran past its time budget and was interrupted."""


def is_sqlite(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def is_postgres(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def prepare(q: str) -> str:
    """Turn what the reader typed into a safe FTS5 query.

    Each plain word becomes a quoted phrase, because `U.S.` or `don't` would be FTS5 syntax
    errors. "Phrases", `prefix*`, brackets and AND/OR/NOT keep their meaning; `-word` or
    `-"a phrase"` (which FTS5 lacks) leaves matches out: the rest is wrapped and followed by
    NOT for each. Malformed syntax (an unclosed quote or bracket) is left for FTS5 to reject.
    Raises SearchError for a search that only leaves words out.
    """
    _check_size(q)
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


def _check_size(q: str) -> None:
    tokens = _TOKEN.findall(q)
    if len(tokens) > MAX_TERMS * 2:  # words, operators and brackets
        raise SearchError(TOO_LONG)
    depth = deepest = 0
    for char in q:
        depth += (char == "(") - (char == ")")
        deepest = max(deepest, depth)
    if deepest > MAX_DEPTH:
        raise SearchError(TOO_DEEP)
    if sum(1 for token in _TOKEN.finditer(q) if token["word"] or token["phrase"]) > MAX_TERMS:
        raise SearchError(TOO_LONG)


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


def matches(
    session: Session,
    q: str,
    window: int | None = None,
    within: Within | None = None,
    since: int | None = None,
) -> Subquery:
    """Rows (id, rank) of quotes matching `q`; lower rank is more relevant. With `window`,
    only the `window` most recently stored matches are ranked: relevance is computed for every
    row it covers, and a common word is in ninety thousand quotes (60 ms to rank them all).
    SQLite narrows them by `within` and to quotes stored `since` an id (`window_start`)."""
    if is_sqlite(session):
        newest = f" ORDER BY rowid DESC LIMIT {int(window)}" if window else ""
        stored = f" AND rowid >= {int(since)}" if since is not None else ""
        if within is not None and since is not None:
            # A window narrowed by kind or months: the words' few thousand matches since its
            # start are ranked on the words alone, kept if the index lists them inside
            # (3-6 ms); ranking on the whole query weighed its kind or month lists too
            # (8-15 ms).
            sql = text(
                f"SELECT rowid AS id, {BM25} AS rank FROM quote_fts"
                f" WHERE quote_fts MATCH :fts_query{stored} AND (rowid + 0) IN"
                f" (SELECT rowid FROM quote_fts WHERE quote_fts MATCH :fts_within{stored})"
            ).bindparams(fts_query=expression(q), fts_within=expression(q, within))
            return sql.columns(id=Integer, rank=Float).subquery("fts")
        sql = text(
            f"SELECT rowid AS id, {BM25} AS rank FROM quote_fts"
            f" WHERE quote_fts MATCH :fts_query{stored}{newest}"
        ).bindparams(fts_query=expression(q, within))
        return sql.columns(id=Integer, rank=Float).subquery("fts")
    if is_postgres(session):
        return _postgres_matches(q, window)
    pattern: BindParameter[str] = bindparam(
        "fts_pattern", "%" + q.replace("%", r"\%").replace("_", r"\_") + "%"
    )
    stmt: Select[int, float] = select(col(Quote.id).label("id"), literal(0.0).label("rank")).where(
        col(Quote.text).ilike(pattern, escape="\\")
    )
    return stmt.subquery("fts")


def newest_matches(session: Session, q: str, window: int, within: Within | None = None) -> Subquery:
    """SQLite: rows (id) of the `window` most recently stored quotes matching `q`, unranked."""
    sql = text(
        "SELECT rowid AS id FROM quote_fts WHERE quote_fts MATCH :fts_query"
        f" ORDER BY rowid DESC LIMIT {int(window)}"
    ).bindparams(fts_query=expression(q, within))
    return sql.columns(id=Integer).subquery("newest")


def snippets(session: Session, q: str, texts: dict[int, str]) -> dict[int, str]:
    """Excerpts of the matching quotes among `texts` ({id: text}), hits between HIT_OPEN and
    HIT_CLOSE."""
    if texts and is_postgres(session):
        return _postgres_snippets(session, q, list(texts))
    if not texts or not is_sqlite(session):
        return {}
    return page_snippets(expression(q), texts, (HIT_OPEN, HIT_CLOSE))


def _postgres_query(q: str):
    """The tsquery for `q`, refusing what SQLite's FTS5 would refuse (checked on its parser)."""
    fts5_query = prepare(q)
    try:
        pg.check_syntax(fts5_query)
    except pg.Malformed:
        raise SearchError(_MALFORMED) from None
    return pg.tsquery(pg.parse(fts5_query))


def _postgres_matches(q: str, window: int | None = None) -> Subquery:
    """Every match, ranked (the window of words alone is `newest_window`'s)."""
    assert not window, "PostgreSQL's window is newest_window"
    query = _postgres_query(q)
    stmt = select(col(Quote.id).label("id"), pg.rank(query).label("rank")).where(
        pg.SEARCH_VECTOR.op("@@")(query)
    )
    return stmt.subquery("fts")


def newest_window(q: str, window: int, walk: bool = True) -> Subquery:
    """PostgreSQL: the `window` + 1 most recently stored matches of `q`, ranked. Columns id,
    is_lead, kind, rank, k (1 for the newest) and n (how many there are: `window` + 1 when
    more match than the window holds).

    With `walk`, found in one walk back through the quotes' ids, each quote's vector tested
    (a 5 % word's 5,000 newest matches are 90,000 quotes, about 50 ms). Without, from the
    index's list of every match, newest first (`id + 0` keeps the planner from walking): the
    cost of a word's matches, not of how far back its newest lie. A word mostly in older
    quotes walked most of the table (one of 1 % of the quotes: 203 ms walked, 33 listed)."""
    query = _postgres_query(q)
    order = col(Quote.id) if walk else col(Quote.id) + 0
    newest = (
        select(col(Quote.id), col(Quote.is_lead), col(Quote.kind), pg.SEARCH_VECTOR.label("vector"))
        .where(pg.SEARCH_VECTOR.op("@@")(query))
        .order_by(order.desc())
        .limit(window + 1)
        .subquery("newest")
    )
    return select(
        newest.c.id,
        newest.c.is_lead,
        newest.c.kind,
        pg.rank(query, newest.c.vector).label("rank"),
        func.row_number().over(order_by=newest.c.id.desc()).label("k"),
        func.count().over().label("n"),
    ).subquery("window")


def matching_ids(
    session: Session, q: str, within: Within | None = None, since: int | None = None
) -> Select:
    """The ids of the quotes matching `q`, unranked: for filtering and counting, where
    relevance would be computed for every match for nothing. SQLite leaves out those `within`
    excludes, and those stored before `since`; elsewhere the caller's conditions on the quote
    rows do."""
    if is_sqlite(session):
        stored = f" AND rowid >= {int(since)}" if since is not None else ""
        sql = text(f"SELECT rowid AS id FROM quote_fts WHERE quote_fts MATCH :fts_query{stored}")
        bound = sql.bindparams(fts_query=expression(q, within))
        found = bound.columns(id=Integer).subquery("fts_ids")
        return select(found.c.id)
    if is_postgres(session):
        return select(col(Quote.id)).where(pg.SEARCH_VECTOR.op("@@")(_postgres_query(q)))
    return select(matches(session, q).c.id)


def condition(session: Session, q: str, within: Within | None = None) -> ColumnElement[bool]:
    """WHERE the quote matches `q`. PostgreSQL tests the quote's own search column, so a
    count reads each matching row once (`id IN (matching ids)` read them twice: a rare
    word's topic counts 19 → 11 ms); SQLite's index is a table of its own."""
    if is_postgres(session):
        return pg.SEARCH_VECTOR.op("@@")(_postgres_query(q))
    return col(Quote.id).in_(matching_ids(session, q, within))


def rank_here(q: str) -> ColumnElement[float]:
    """PostgreSQL: the relevance of the quote row being selected to `q` (lower is more
    relevant, as `matches` gives it)."""
    return pg.rank(_postgres_query(q))


def contains(q: str) -> TextClause:
    """SQLite: "this quote matches `q`", one index probe per quote the query visits. For a
    word in a large share of the quotes, a walk in date order meets a page of matches within
    a few hundred probes, where listing every match first (`matching_ids`) costs them all."""
    probe = text(
        "EXISTS (SELECT 1 FROM quote_fts WHERE quote_fts MATCH :fts_probe"
        " AND quote_fts.rowid = quote.id)"
    )
    return probe.bindparams(fts_probe=expression(q))


def count(session: Session, q: str, within: Within | None = None, since: int | None = None) -> int:
    """How many quotes match `q` (SQLite: within `within`, stored `since` an id), from the
    index alone (no ranking, no quote rows); asked several times a page (is the word common?
    too many to count now?) and by every page of the same words, counted once until the data
    changes."""
    key = ("fts_count", q, within, since)
    return cached(session, key, lambda: _count(session, q, None, within, since))


def window_start(session: Session, q: str, window: int) -> int | None:
    """SQLite: the id of the `window`-th most recently stored quote matching `q` (None when
    fewer match): the `window` newest matches are those stored since."""
    sql = text(
        "SELECT rowid FROM quote_fts WHERE quote_fts MATCH :fts_query"
        f" ORDER BY rowid DESC LIMIT 1 OFFSET {int(window) - 1}"
    ).bindparams(fts_query=expression(q))
    return cached(session, ("fts_window", q, window), lambda: session.execute(sql).scalar())


def more_than(session: Session, q: str, limit: int, within: Within | None = None) -> bool:
    """True when over `limit` quotes match `q` (SQLite: within `within`). SQLite's index
    counts a common word's 90,000 matches in a few milliseconds; PostgreSQL visits each
    (120 ms), so there it stops at the first `limit` + 1."""
    if is_sqlite(session):
        return count(session, q, within) > limit
    key = ("fts_more_than", q, limit)
    return cached(session, key, lambda: _count(session, q, limit + 1) > limit)


def likely_more_than(session: Session, q: str, limit: int, within: Within | None = None) -> bool:
    """`more_than` where a guess will do: whether counting the matches is worth trying now.
    PostgreSQL asks its planner, whose statistics of the search column hold each common
    word's share (under a millisecond), where stopping at the `limit` + 1-th match still read
    thousands of quotes (a 5 % word's first 5,001: 2,500 heap pages, 40 ms). A wrong guess
    costs no more than a count's time budget."""
    if not is_postgres(session):
        return more_than(session, q, limit, within)
    return estimate(session, q) > limit


def estimate(session: Session, q: str) -> int:
    """PostgreSQL: the planner's estimate of the quotes matching `q` (once until the data
    changes)."""
    return cached(session, ("fts_estimate", q), lambda: _postgres_estimate(session, q))


def _postgres_estimate(session: Session, q: str) -> int:
    """The planner's estimate of the quotes matching `q`."""
    stmt = matching_ids(session, q)
    compiled = stmt.compile(dialect=session.get_bind().dialect)
    explain = "EXPLAIN (FORMAT JSON) " + str(compiled)
    plan = session.connection().exec_driver_sql(explain, compiled.params).scalar_one()
    plan = json.loads(plan) if isinstance(plan, str) else plan
    return int(plan[0]["Plan"]["Plan Rows"])


def _count(
    session: Session,
    q: str,
    at_most: int | None = None,
    within: Within | None = None,
    since: int | None = None,
) -> int:
    if is_sqlite(session):
        stored = f" AND rowid >= {int(since)}" if since is not None else ""
        sql = text(f"SELECT count(*) FROM quote_fts WHERE quote_fts MATCH :fts_query{stored}")
        return session.execute(sql, {"fts_query": expression(q, within)}).scalar_one()
    found = matching_ids(session, q).limit(at_most).subquery()
    return session.execute(select(func.count()).select_from(found)).scalar_one()


def _postgres_snippets(session: Session, q: str, ids: list[int]) -> dict[int, str]:
    # MaxFragments=1 centres the excerpt on the best hit, as FTS5's snippet() does.
    options = f"StartSel={HIT_OPEN}, StopSel={HIT_CLOSE}, MaxWords=24, MinWords=12, ShortWord=0"
    headline = func.ts_headline(
        pg.TS_CONFIG, Quote.text, _postgres_query(q), options + ", MaxFragments=1"
    )
    rows = session.execute(
        select(col(Quote.id), col(Quote.text), headline).where(col(Quote.id).in_(ids))
    )
    return {ident: _with_ellipses(full, excerpt) for ident, full, excerpt in rows}


def _with_ellipses(full: str, excerpt: str) -> str:
    """The excerpt widened to whole whitespace-separated words (ts_headline drops the quotation
    marks and commas around its first and last word), with '…' where it cuts, as in FTS5."""
    plain = excerpt.replace(HIT_OPEN, "").replace(HIT_CLOSE, "")
    at = full.find(plain) if plain.strip() else -1
    if at < 0:
        return excerpt
    start, end = at, at + len(plain)
    while start > 0 and not full[start - 1].isspace():
        start -= 1
    while end < len(full) and not full[end].isspace():
        end += 1
    body = full[start:at] + excerpt + full[at + len(plain) : end]
    return (
        ("…" if full[:start].strip() else "") + body.strip() + ("…" if full[end:].strip() else "")
    )


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Turn the database's complaints about a query into a SearchError with one readable line."""
    try:
        yield
    except TooSlow:
        raise SearchError("That search took too long. Try fewer or more specific words.") from None
    except OperationalError as error:
        if _timed_out(error):
            raise SearchError(
                "That search took too long. Try fewer or more specific words."
            ) from None
        raise SearchError(_MALFORMED) from None


_MALFORMED = (
    "We could not understand that search. Check quotation marks and brackets are"
    " paired, or search for plain words."
)


def _timed_out(error: OperationalError) -> bool:
    """SQLite's progress-handler interrupt, or PostgreSQL's statement_timeout cancellation."""
    return "interrupted" in str(error.orig) or "statement timeout" in str(error.orig)


# SQLite looks at the clock every this many virtual-machine steps of a statement: often enough
# to stop within a millisecond, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 1000


@contextmanager
def time_limit(session: Session, ms: int, cpu: bool = False) -> Iterator[None]:
    """Interrupt statements that run longer than `ms` (raises TooSlow). With `cpu`, SQLite's
    are timed in the CPU time of the thread running them, for work known to be small: on a
    busy server the requests beside it stretch its wall time, and timed so it was interrupted
    and done again in the background (at eight connections, 941 of 1,500 rare-word pages'
    counts). Larger work keeps wall time: a page does not wait for it on a busy server."""
    if ms > 0 and is_postgres(session):
        with _postgres_time_limit(session, ms):
            yield
        return
    if not is_sqlite(session) or ms <= 0:
        yield
        return
    connection = session.connection().connection.driver_connection
    assert connection is not None  # the session's connection is open: it was just checked out
    clock = time.thread_time if cpu else time.monotonic
    deadline = clock() + ms / 1000
    connection.set_progress_handler(lambda: clock() > deadline, PROGRESS_STEPS)
    try:
        yield
    except OperationalError as error:
        if "interrupted" in str(error.orig):
            raise TooSlow() from None
        raise
    finally:
        connection.set_progress_handler(None, PROGRESS_STEPS)


_SWAP_TIMEOUT = text(
    "SELECT before FROM (SELECT current_setting('statement_timeout') AS before OFFSET 0) AS s,"
    " LATERAL (SELECT set_config('statement_timeout', :ms, true) WHERE s.before IS NOT NULL)"
    " AS changed"
)


@contextmanager
def _postgres_time_limit(session: Session, ms: int) -> Iterator[None]:
    """statement_timeout for this transaction only; the caller rolls back after TooSlow."""
    limit = f"{max(1, math.ceil(ms))}ms"  # 0 would mean no limit at all
    # One round trip: the setting is read in a subquery kept apart (OFFSET 0) that the set
    # depends on (LATERAL … s.before), so it is read before it is set.
    before = session.execute(_SWAP_TIMEOUT, {"ms": limit}).scalar_one()
    try:
        yield
    except OperationalError as error:
        if _timed_out(error):
            raise TooSlow() from None  # the transaction is aborted; rollback restores the setting
        raise
    session.execute(text("SELECT set_config('statement_timeout', :v, true)"), {"v": before})
