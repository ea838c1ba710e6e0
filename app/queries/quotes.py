"""Pages of quotes: filter conditions, keyset pagination and eager loading for the templates."""

from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, text
from sqlalchemy import select as core_select  # typed for any number of columns
from sqlalchemy.orm import selectinload
from sqlalchemy.sql import Subquery
from sqlmodel import Session, col, select

from app.models import Article, Quote, QuoteTopic, Speaker, Statement, Topic, attr
from app.queries import fts, tallies
from app.queries.facet_tallies import month_span
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter, decode_cursor, encode_cursor
from app.queries.keyset import dated_cursor, dated_rows, next_dated_cursor
from app.queries.prepared import run, values
from app.queries.slugs import speaker_ids, topic_id

# Quotes the extractor was less sure of than this are flagged wherever they are shown.
LOW_CONFIDENCE = 0.5


RANK_WINDOW = 5000  # matches ranked by relevance when a search has words alone


@dataclass(frozen=True, slots=True)
class SpeakerRef:
    id: int
    slug: str
    name: str
    country: str | None
    role: str | None


@dataclass(frozen=True, slots=True)
class ArticleRef:
    id: int
    title: str | None
    outlet: str | None
    published: date | None
    ingested_at: datetime


@dataclass(frozen=True, slots=True)
class TopicRef:
    slug: str
    name: str


@dataclass(frozen=True, slots=True)
class StatementRef:
    id: int
    reports: int
    outlets: int
    first_published: date | None


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """A quote as lists show it: plain values read in two statements, not ORM objects (a page
    of twenty cost 12 ms as objects with their speaker, article and topics loaded)."""

    id: int
    article_id: int
    text: str
    kind: str
    cue: str | None
    confidence: float
    published: date | None
    speaker_as_printed: str | None
    speaker: SpeakerRef | None
    article: ArticleRef
    topics: tuple[TopicRef, ...]
    via: str | None = None
    statement: "StatementRef | None" = None  # when others reported the same words


@dataclass
class QuotePage:
    quotes: list[QuoteRow]
    next_cursor: str | None = None
    snippets: dict[int, str] = field(default_factory=dict)  # see fts.snippets
    error: str | None = None
    # Words alone, sorted by relevance: only this many most recent matches were ranked.
    ranked_among: int | None = None


def conditions(
    session: Session, f: QuoteFilter, *, with_text: bool = True, counting: bool = False
) -> list:
    """WHERE clauses for every filter in `f` (the text query too, unless `with_text` is off).

    `counting` is for aggregates over every match rather than one page of them."""
    where: list[ColumnElement] = []
    if not f.reports:
        where.append(col(Quote.is_lead).is_(True))  # one line per statement: its lead report
    if f.speakers:
        slugs = [s for s in f.speakers if s != UNKNOWN_SPEAKER]
        # Ids first: with one speaker an equality walks their date index in order, where
        # `IN (subquery)` made SQLite sort every match (all 10,000 rows of an export).
        ids = speaker_ids(session, tuple(slugs))
        named = col(Quote.speaker_id) == ids[0] if len(ids) == 1 else col(Quote.speaker_id).in_(ids)
        unknown = UNKNOWN_SPEAKER in f.speakers
        where.append(or_(named, col(Quote.speaker_id).is_(None)) if unknown else named)
    if f.country:
        where.append(
            col(Quote.speaker_id).in_(
                select(col(Speaker.id)).where(col(Speaker.country) == f.country)
            )
        )
    dated_by_topic = False
    if f.topic:
        topic = topic_id(session, f.topic)
        if counting and not f.speakers:
            # Counting visits every match: the topic's quotes of the period come straight from
            # the index (topic, date, quote), 191 rows for a month of a million-quote topic
            # where walking the month's quotes tested 8,600 (8 ms, 33 ms when SQLite chose to
            # skip-scan the speakers' index instead).
            where.append(col(Quote.id).in_(topic_quotes(topic, f.date_from, f.date_to)))
            dated_by_topic = True
        else:
            # A correlated EXISTS lets the planner walk the date or speaker index in page order
            # and stop after one page; `id IN (topic's quotes)` first collected and sorted them
            # all. (Pages of a topic with no speaker are listed by `topic_walk` instead.)
            where.append(
                select(QuoteTopic.quote_id)
                .where(QuoteTopic.quote_id == Quote.id, QuoteTopic.topic_id == topic)
                .exists()
            )
    # Dates on the quote too would tempt the planner to walk the date index after all.
    if f.date_from and not dated_by_topic:
        where.append(col(Quote.published) >= f.date_from)
    if f.date_to and not dated_by_topic:
        where.append(col(Quote.published) <= f.date_to)
    if f.outlet:
        where.append(
            col(Quote.article_id).in_(
                select(col(Article.id)).where(col(Article.outlet) == f.outlet)
            )
        )
    if f.kind:
        where.append(col(Quote.kind) == f.kind)
    if with_text and f.q:
        where.append(fts.condition(session, f.q, index_within(session, f)))
    return where


# Words in no more quotes than this are narrowed by reading their quote rows: listing them
# and reading 1,300 rows costs about 1 ms, where merging their list with the commonest kind's
# (560,000 quotes) in the index took 1.5 ms to count and 12-19 to rank.
INDEX_WITHIN_FROM = 2000


def index_within(session: Session, f: QuoteFilter) -> fts.Within | None:
    """The share of `f` SQLite's search index narrows its words' matches by, when they are
    many: the kind, and the months of the dates (widened to whole months: the quote rows'
    dates decide the rest)."""
    if not f.q or not fts.is_sqlite(session) or fts.count(session, f.q) <= INDEX_WITHIN_FROM:
        return None
    dated = f.date_from or f.date_to
    return fts.within(f.kind, month_span(f.date_from, f.date_to, widen=True) if dated else None)


def topic_quotes(topic: int, start: date | None, end: date | None) -> Select:
    """The ids of a topic's quotes published from `start` to `end` (either open)."""
    tagged = select(QuoteTopic.quote_id).where(QuoteTopic.topic_id == topic)
    if start:
        tagged = tagged.where(col(QuoteTopic.published) >= start)
    if end:
        tagged = tagged.where(col(QuoteTopic.published) <= end)
    return tagged


def topic_walk(session: Session, f: QuoteFilter) -> Select | None:
    """For a topic with no speaker or words: its quote ids read from the index (topic, date,
    quote) in page order (sort by QuoteTopic.published and QuoteTopic.quote_id), each joined to
    its quote for the other filters. A page of a topic that has one quote in a hundred walked
    the date index through two thousand quotes to find twenty; a month of it, the whole
    month's. None when the filters call for another walk."""
    if not f.topic or f.speakers or f.q:
        return None
    others = conditions(session, replace(f, topic=None, date_from=None, date_to=None))
    tagged = topic_quotes(topic_id(session, f.topic), f.date_from, f.date_to)
    return tagged.join(Quote, col(Quote.id) == col(QuoteTopic.quote_id)).where(*others)


def quote_page(session: Session, f: QuoteFilter, limit: int) -> QuotePage:
    """One page of quotes after `f.after`, in `f.effective_sort` order, ready to render."""
    try:
        with fts.friendly_errors():
            rows, cut = _page_rows(session, f, limit + 1)
            page = QuotePage(load_quotes(session, [row[0] for row in rows[:limit]]))
            if cut:
                page.ranked_among = RANK_WINDOW  # the window left matches out
            if f.q:
                texts = {quote.id: quote.text for quote in page.quotes}
                page.snippets = fts.snippets(session, f.q, texts)
    except fts.SearchError as error:
        session.rollback()
        return QuotePage([], error=str(error))
    page.next_cursor = _next_cursor(rows, f.effective_sort, limit)
    return page


_ROW_COLUMNS: list[Any] = [
    Quote.id, Quote.article_id, Quote.text, Quote.kind, Quote.cue, Quote.confidence,
    Quote.published, Quote.speaker_as_printed,
    Speaker.id, Speaker.slug, Speaker.name, Speaker.country, Speaker.role,
    Article.title, Article.outlet, Article.published, Article.ingested_at,
    Quote.via, Statement.id, Statement.reports, Statement.outlets, Statement.first_published,
]  # fmt: skip


_QUOTE_ROWS = (
    core_select(*_ROW_COLUMNS)
    .join(Article, col(Article.id) == col(Quote.article_id))
    .outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    .outerjoin(Statement, col(Statement.id) == col(Quote.statement_id))
    .where(col(Quote.id).in_(values("ids")))
)
_QUOTE_TOPICS = (
    select(QuoteTopic.quote_id, Topic.slug, Topic.name)
    .join(Topic, col(Topic.id) == col(QuoteTopic.topic_id))
    .where(col(QuoteTopic.quote_id).in_(values("ids")))
    .order_by(col(Topic.name))
)


def load_quotes(session: Session, ids: list[int]) -> list[QuoteRow]:
    """Quotes by id, in the order given, with their speaker, article and topics."""
    if not ids:
        return []
    rows = run(session, _QUOTE_ROWS, ids=ids).all()
    topics: dict[int, list[TopicRef]] = {}
    for quote_id, slug, name in run(session, _QUOTE_TOPICS, ids=ids):
        topics.setdefault(quote_id, []).append(TopicRef(slug, name))
    by_id = {}
    for r in rows:
        speaker = SpeakerRef(r[8], r[9], r[10], r[11], r[12]) if r[8] is not None else None
        article = ArticleRef(r[1], r[13], r[14], r[15], r[16])
        quote_topics = tuple(topics.get(r[0], ()))
        statement = StatementRef(r[18], r[19], r[20], r[21]) if r[19] and r[19] > 1 else None
        by_id[r[0]] = QuoteRow(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], speaker, article, quote_topics,
            r[17], statement,
        )  # fmt: skip
    return [by_id[i] for i in ids if i in by_id]


# SQLite: "the quote with this id is a report, not its statement's lead", looked up in the
# small index of the reports rather than in the quote's row (most quotes are leads).
A_REPORT = (
    "EXISTS (SELECT 1 FROM quote AS report INDEXED BY ix_quote_reports"
    " WHERE report.id = {} AND NOT report.is_lead)"
)

# A search whose words are in more than this share of the quotes is answered by walking the
# quotes in order and probing the index for each (fts.contains): a page of matches comes
# within a few hundred probes. Rarer words are listed from the index first.
COMMON_SHARE = 0.03
# The walk finds a page within a few hundred probes when the matches are spread over time; a
# word whose matches bunch in years far from where the walk starts ("ceasefire" in one war)
# would probe every quote in between, so past this budget the matches are listed instead.
WALK_BUDGET_MS = 40
# Words alone (or with dates) in more quotes than this are found in date order by walking
# the date index, their matches held as a list of ids: 6-10 ms a page where listing and
# sorting 10,000-90,000 matches took 13-53, and probing the index per quote more.
DATE_WALK_FROM = 5000
# Filters that leave at least this many of the newest RANK_WINDOW matches are ranked within
# that window, as words alone are; fewer, and every match is ranked.
WINDOW_HITS = 200


def _page_rows(session: Session, f: QuoteFilter, limit: int) -> tuple[list[tuple[int, Any]], bool]:
    """(id, sort key) rows for the page after the filter's cursor, and whether relevance was
    ranked among the newest RANK_WINDOW matches only, leaving others out."""
    if f.effective_sort == "relevance":
        cursor = decode_cursor(f.after, "relevance") if f.after else None
        if fts.is_postgres(session) and (not _narrowed(f) or _kind_in_window(session, f)):
            return _postgres_window(session, f, cursor, limit)
        base = select(Quote.id).where(*conditions(session, f, with_text=False))
        found, windowed, by_index = _ranked_matches(session, f, base)
        rows = _relevance_rows(session, base, f, cursor, limit, found, windowed, by_index)
        return rows, windowed and fts.more_than(session, f.q or "", RANK_WINDOW)
    walk = _date_walk(session, f)
    if walk is not None:
        try:
            with fts.time_limit(session, WALK_BUDGET_MS):
                return _dated_rows(session, f, limit, walk), False
        except fts.TooSlow:
            pass  # the matches bunch away from where the walk starts: list them instead
    return _dated_rows(session, f, limit, None), False


def _date_walk(session: Session, f: QuoteFilter) -> str | None:
    """How a page of `f`'s words in date order is best found on SQLite: "dates", walking the
    date index and keeping the ids in the list of matches (words and dates alone, more than
    DATE_WALK_FROM matches); "probe", walking the quotes and probing the index for each
    (common words, other filters); None, listing the matches first and sorting them."""
    if not f.q or not fts.is_sqlite(session):
        return None
    if (
        _words_and_dates_alone(f)
        and fts.count(session, f.q, index_within(session, f)) > DATE_WALK_FROM
    ):
        return "dates"
    return "probe" if _common(session, f.q) else None


def _dated_rows(session: Session, f: QuoteFilter, limit: int, walk: str | None) -> list[tuple]:
    """A page in date order, found as `_date_walk` says."""
    if walk == "dates":
        where = conditions(session, replace(f, q=None, reports=True))  # the dates, if any
        matching = fts.matching_ids(session, f.q or "", index_within(session, f))
        where.append((col(Quote.id) + 0).in_(matching))
        if not f.reports:
            where.append(text("NOT " + A_REPORT.format("quote.id")))
    elif walk == "probe":
        where = [*conditions(session, f, with_text=False), fts.contains(f.q or "")]
    else:
        where = conditions(session, f)
    base = select(Quote.id).where(*where)
    cursor = dated_cursor(f.after, f.effective_sort)
    newest = f.effective_sort == "newest"
    by_topic = topic_walk(session, f)
    if by_topic is not None:
        day, ident = col(QuoteTopic.published), col(QuoteTopic.quote_id)
        return dated_rows(session, by_topic, day, ident, cursor, newest=newest, limit=limit)
    return dated_rows(session, base, Quote.published, Quote.id, cursor, newest=newest, limit=limit)


def _common(session: Session, q: str) -> bool:
    """True when `q` matches more than COMMON_SHARE of the quotes (SQLite's index only)."""
    if not fts.is_sqlite(session):
        return False
    return fts.count(session, q) > COMMON_SHARE * max(1, tallies.all_quotes(session))


def _ranked_matches(session: Session, f: QuoteFilter, base: Select) -> tuple[Subquery, bool, bool]:
    """The matches to rank, (id, rank) rows; whether they are those of the newest RANK_WINDOW
    matches of the words only; and whether they need no other filter but the reports (the
    index held them all)."""
    q = f.q or ""
    if not _narrowed(f):
        return fts.matches(session, q, RANK_WINDOW), True, True
    inside = index_within(session, f)
    if inside is not None and index_answers(f, inside):
        # The window is the matches stored since the RANK_WINDOW-th newest: those of them
        # inside the kind or months are counted, then ranked, by the index alone (a common
        # word's year: 2 ms to decide, where reading the window's quote rows took 6).
        start = fts.window_start(session, q, RANK_WINDOW)
        windowed = start is not None and _window_keeps(session, f, inside, start)
        return fts.matches(session, q, None, inside, start if windowed else None), windowed, True
    windowed = _window_holds(session, base, q)
    # Every match ranked: only those inside what the index holds of the filters.
    found = (
        fts.matches(session, q, RANK_WINDOW) if windowed else fts.matches(session, q, None, inside)
    )
    return found, windowed, False


def _postgres_window(
    session: Session, f: QuoteFilter, cursor: tuple | None, limit: int
) -> tuple[list[tuple[int, Any]], bool]:
    """PostgreSQL, words alone (or with a kind, `_kind_in_window`): their newest RANK_WINDOW
    matches, ranked. The walk that finds them reads one more, which says whether the window
    left matches out (asked apart, that walked a common word's matches again: 40 ms); a page
    after the last cannot tell, and has nothing to say it about."""
    window = fts.newest_window(f.q or "", RANK_WINDOW, _walk_back(session, f.q or ""))
    stmt = core_select(window.c.id, window.c.rank, window.c.n).where(window.c.k <= RANK_WINDOW)
    if not f.reports:
        stmt = stmt.where(window.c.is_lead)
    if f.kind:
        stmt = stmt.where(window.c.kind == f.kind)
    if cursor is not None and isinstance(cursor[0], int | float):
        stmt = stmt.where(after_in_relevance(window.c.rank, window.c.id, cursor))
    rows = session.execute(
        stmt.order_by(*by_relevance(window.c.rank, window.c.id)).limit(limit)
    ).all()
    return [(ident, rank) for ident, rank, _ in rows], bool(rows) and rows[0][2] > RANK_WINDOW


def _kind_in_window(session: Session, f: QuoteFilter) -> bool:
    """PostgreSQL, words and a kind, no other filter: ranked within the words' newest
    RANK_WINDOW matches, as on SQLite, when the words are common enough to be walked back to
    (`_walk_back`) and the kind is common enough to leave WINDOW_HITS of the window, were its
    quotes spread evenly (judged from the tallies, so every page of a search is ranked the
    same way). Ranking every match of the kind read each one's row: 113-142 ms for a 5 % word
    in direct quotes, where its window took 45."""
    if not f.kind or _narrowed(replace(f, kind=None)):
        return False
    if not _walk_back(session, f.q or ""):
        return False
    kinds = tallies.kind_quotes(session)
    share = kinds.get(f.kind, 0) / max(1, sum(kinds.values()))
    return share * RANK_WINDOW >= 2 * WINDOW_HITS


# Reading a match from the index's list cost about three times testing a quote on the walk
# back (a 5 % word: its 53,000 matches listed 140-420 ms, its newest 5,001 walked 50-90).
LISTED_MATCH_COST = 3


def _walk_back(session: Session, q: str) -> bool:
    """PostgreSQL: whether the newest RANK_WINDOW matches are found sooner by walking back
    through the quotes than from the list of every match: when the walk, were the matches
    spread evenly, would test fewer quotes than LISTED_MATCH_COST times the matches (words
    in more than about 4 % of a million quotes). Matches bunched in older quotes make the
    walk longer, never the list."""
    matches = max(1, fts.estimate(session, q))
    walked = (RANK_WINDOW + 1) * tallies.all_quotes(session) / matches
    return walked < LISTED_MATCH_COST * matches


def _window_keeps(session: Session, f: QuoteFilter, inside: fts.Within, start: int) -> bool:
    """True when WINDOW_HITS of the words' matches stored since `start` are inside the kind
    or months (and leads of their statements, unless reports are shown)."""
    ids = fts.matching_ids(session, f.q or "", inside, start).subquery("recent")
    kept = select(ids.c.id)
    if not f.reports:
        kept = kept.where(text("NOT " + A_REPORT.format("recent.id")))
    counted = select(func.count()).select_from(kept.limit(WINDOW_HITS).subquery())
    return session.execute(counted).scalar_one() >= WINDOW_HITS


def _window_holds(session: Session, base: Select, q: str) -> bool:
    """True when the words have more than RANK_WINDOW matches and the filters keep WINDOW_HITS
    of the newest RANK_WINDOW: then ranking those (as for words alone) fills pages, and
    ranking every match (90,000 for a common word under a speaker's country: 60 ms; 30 ms
    for a word in 1-3 % of the quotes) is not needed. Decided per filter, so every page of a
    search is ranked the same way."""
    if not fts.is_sqlite(session) or not fts.more_than(session, q, RANK_WINDOW):
        return False  # PostgreSQL ranks on the rows the filters select; or nothing to cut
    window = fts.newest_matches(session, q, RANK_WINDOW)
    kept = base.join(window, window.c.id == Quote.id).limit(WINDOW_HITS).subquery()
    return session.execute(select(func.count()).select_from(kept)).scalar_one() >= WINDOW_HITS


def _relevance_rows(
    session: Session,
    base: Select,
    f: QuoteFilter,
    cursor: tuple | None,
    limit: int,
    found: Subquery,
    windowed: bool,
    alone: bool,
) -> list[tuple[int, Any]]:
    """Rows of `base` (the quotes `f` selects but for its words) ranked by relevance to them:
    `found`, the matches to rank (every one, or the newest RANK_WINDOW when `windowed`; in
    the filters already when `alone`)."""
    if not windowed and fts.is_postgres(session):
        return _ranked_in_place(session, base, f.q or "", cursor, limit)
    if base.whereclause is None:
        stmt = core_select(found.c.id, found.c.rank)
    elif fts.is_sqlite(session) and (alone or _few_dated(session, f, windowed)):
        # The index's rowids are quote ids (triggers keep it in step): words alone (or with
        # the kind and months the index holds) need no quote rows, where joining them doubled
        # the ranking's time (5,000 lookups; a common word in a kind it never has: nothing
        # found in 3 ms, not 40; a year of it 9-13 ms, not 35-56). Reports are probed in
        # their small index (a rare word's ranking 4.8 -> 2.8 ms), and dates narrower than
        # the matches are a list of the ids they hold (a common word in two weeks; `+ 0`
        # keeps the index from probing once per id listed).
        stmt = core_select(found.c.id, found.c.rank)
        if not f.reports:
            stmt = stmt.where(text("NOT " + A_REPORT.format(f"{found.name}.id")))
        if not alone:
            dated = conditions(session, replace(f, q=None, reports=True))
            stmt = stmt.where((found.c.id + 0).in_(select(Quote.id).where(*dated)))
    else:
        stmt = base.add_columns(found.c.rank).join(found, found.c.id == Quote.id)
    if cursor is not None and isinstance(cursor[0], int | float):
        stmt = stmt.where(after_in_relevance(found.c.rank, found.c.id, cursor))
    stmt = stmt.order_by(*by_relevance(found.c.rank, found.c.id)).limit(limit)
    return [tuple(r) for r in session.execute(stmt)]


def _few_dated(session: Session, f: QuoteFilter, windowed: bool) -> bool:
    """True when `f` is words and dates alone, every match is to be ranked, and the dates
    hold fewer quotes than twice the words' matches (a year of a million quotes is 100,000:
    listing them cost more than reading each match's row)."""
    if windowed or not (f.date_from or f.date_to) or not _words_and_dates_alone(f):
        return False
    months = month_span(f.date_from, f.date_to, widen=True)
    return tallies.all_quotes(session, months) < 2 * fts.count(session, f.q or "")


def index_answers(f: QuoteFilter, inside: fts.Within | None) -> bool:
    """True when `inside` (SQLite's index) holds every filter of `f` but the words and the
    reports: a kind, whole months it lists."""
    if inside is None or f.speakers or f.country or f.topic or f.outlet:
        return False
    dated = f.date_from or f.date_to
    return not dated or (
        inside.months is not None and month_span(f.date_from, f.date_to, False) == inside.months
    )


def _words_and_dates_alone(f: QuoteFilter) -> bool:
    """No filter but the words and dates (and whether reports are shown)."""
    undated = replace(f, q=None, date_from=None, date_to=None, sort=None, after=None)
    return replace(undated, fixed=frozenset(), reports=False) == QuoteFilter()


def _ranked_in_place(
    session: Session, base: Select, q: str, cursor: tuple | None, limit: int
) -> list[tuple[int, Any]]:
    """PostgreSQL, every match ranked: the words tested and ranked on the quote rows the
    other filters select, so the planner can combine the search index with theirs (a common
    word in one quarter: 230 ms when its 60,000 matches were listed first, then joined)."""
    rank = fts.rank_here(q)
    stmt = base.add_columns(rank).where(fts.condition(session, q))
    if cursor is not None and isinstance(cursor[0], int | float):
        stmt = stmt.where(after_in_relevance(rank, col(Quote.id), cursor))
    stmt = stmt.order_by(*by_relevance(rank, col(Quote.id))).limit(limit)
    return [tuple(r) for r in session.execute(stmt)]


def _narrowed(f: QuoteFilter) -> bool:
    """Filters beyond the words (the page's own included)."""
    dates = f.date_from or f.date_to
    return bool(f.speakers or f.country or f.topic or dates or f.outlet or f.kind)


def by_relevance(rank: Any, ident: Any) -> tuple[Any, Any]:
    """Relevance order: the best first (lower rank), and among equals the newest (PostgreSQL's
    ts_rank gives every quote of the same length and word count the same score: ordered by
    id ascending, a search showed the archive's oldest quotes first)."""
    return rank, ident.desc()


def after_in_relevance(rank: Any, ident: Any, cursor: tuple) -> ColumnElement[bool]:
    """Past `cursor` (rank, id) in `by_relevance` order. Scores round-trip exactly through
    the cursor's JSON, so the tie on rank is reliable."""
    score = float(cursor[0])
    return or_(rank > score, and_(rank == score, ident < cursor[1]))


def _next_cursor(rows: list[tuple[int, Any]], sort: str, limit: int) -> str | None:
    if sort != "relevance":
        return next_dated_cursor(rows, sort, limit)
    if len(rows) <= limit:
        return None
    ident, rank = rows[limit - 1]
    return encode_cursor(sort, rank, ident)


def statement_reports(session: Session, statement_id: int) -> list[QuoteRow]:
    """Every report of a statement, earliest first."""
    ids = session.exec(
        select(Quote.id)
        .where(col(Quote.statement_id) == statement_id)
        .order_by(col(Quote.published), col(Quote.id))
    ).all()
    return load_quotes(session, [i for i in ids if i is not None])


def get_quote(session: Session, quote_id: int) -> Quote | None:
    """One quote with its full article (for the sentence and paragraph) and speaker aliases."""
    stmt = (
        select(Quote)
        .where(Quote.id == quote_id)
        .options(
            selectinload(attr(Quote.speaker)).selectinload(attr(Speaker.aliases)),
            selectinload(attr(Quote.article)),
            selectinload(attr(Quote.topics)),
        )
    )
    return session.exec(stmt).first()
