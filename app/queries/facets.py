"""Counts beside the filters, and "who speaks most" rankings, within a time budget."""

import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from functools import partial
from typing import Any, cast

from sqlalchemy import Select, func, text
from sqlalchemy import select as core_select  # typed for any number of columns
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.models import Article, Quote, QuoteTopic, Speaker
from app.names import country_name
from app.queries import facet_tallies, fts, indexed
from app.queries.cache import cached, peek, store
from app.queries.filters import KINDS, UNKNOWN_SPEAKER, QuoteFilter
from app.queries.outlets import article_outlets
from app.queries.prepared import stream
from app.queries.quotes import (
    A_REPORT,
    INDEX_WITHIN_FROM,
    conditions,
    index_answers,
    index_within,
)
from app.queries.topics import topic_list


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    param: str
    title: str
    values: list[FacetValue]


@dataclass(frozen=True)
class Facets:
    total: int
    facets: list[Facet]


# Counts that ran over the page's budget are finished in the background; pages that had to
# go without them are rebuilt after this long, by when they are usually there.
RETRY_SKIPPED_S = 5.0
MAX_QUEUED = 16  # distinct filters waiting for background counts, per process

# One thread, so background counting never takes more than one core from the pages; and a
# lower scheduling priority (Linux: a thread's nice value is its own), so that under load the
# pages being asked for go first and the counts take the time they leave.
COUNTS_NICE = 10  # added to the process's own: a weight of about a tenth under contention


def _lower_priority() -> None:
    try:
        thread = threading.get_native_id()
        nice = os.getpriority(os.PRIO_PROCESS, thread)
        os.setpriority(os.PRIO_PROCESS, thread, min(19, nice + COUNTS_NICE))
    except (OSError, AttributeError):
        pass  # not Linux, or not allowed: the counts run at the pages' priority


_background = ThreadPoolExecutor(
    max_workers=1, thread_name_prefix="counts", initializer=_lower_priority
)
_queued: set[Hashable] = set()
_queued_lock = threading.Lock()
_unfinished = 0  # counts submitted whose thread has not yet closed its session and rested


def facet_counts(session: Session, f: QuoteFilter, budget_ms: int, top: int = 8) -> Facets | None:
    """Total and per-value counts for each filter not fixed by the page; None if counting the
    quotes would run over the budget, in which case it goes on in the background and the
    next request gets it.

    Each count is cached on its own, until the data changes, keyed by the filters it depends
    on: the speaker facet of "Lavrov" and of "Pompeo" is the same count (every speaker,
    under no other filter). Counts the tallies can answer (facet_tallies) cost a millisecond;
    the others (words, dates, kind, outlet) count the quotes.
    """
    names = [name for name in FACETS if name not in f.fixed]
    cached_value = _cached_facets(session, f, names, top)
    if cached_value is not None:
        return cached_value
    if _too_many(session, f):
        value = None
    else:
        value = _within(session, f, names, top, budget_ms)
    if value is None:
        _count_later(_engine(session), f, names, top)
    return value


# Counting more matches than this, or walking more quotes to find them, seldom fits a
# page's budget: when the tallies or the index already say so, the counts go to the
# background without being tried (a try that runs out of time costs the whole budget).
COUNT_NOW_AT_MOST = 5_000
WALK_NOW_AT_MOST = 12_000


def _too_many(session: Session, f: QuoteFilter) -> bool:
    """True when an upper bound on the quotes matching `f` is over COUNT_NOW_AT_MOST (the
    count of the part of `f` the tallies answer: leaving filters out only adds quotes; or of
    its words alone), or, with words, the quotes a count would walk are over WALK_NOW_AT_MOST
    (a topic's quotes of some months come straight from its index: that bound is the walk)."""
    if f.reports:  # the tallies and the index count reports differently; just try
        return False
    part = replace(f, q=None, kind=None, outlet=None)
    scope = facet_tallies.scope_of(session, part, widen=True)
    if scope is not None and facet_tallies.answers(scope, "total"):
        walk = facet_tallies.total(session, scope)
        if walk <= COUNT_NOW_AT_MOST or (f.q and walk <= WALK_NOW_AT_MOST):
            return False
        if not f.q:
            return True
    if f.q:
        try:
            with fts.friendly_errors():
                # The index's count within the filters' months (not their kind: the kind
                # facet counts every kind).
                within = index_within(session, replace(f, kind=None))
                return fts.likely_more_than(session, f.q, COUNT_NOW_AT_MOST, within)
        except fts.SearchError:
            session.rollback()
    return False


def _within(
    session: Session, f: QuoteFilter, names: list[str], top: int, budget_ms: int
) -> Facets | None:
    try:
        with fts.friendly_errors(), fts.time_limit(session, budget_ms, cpu=_few(session, f.q)):
            value = _counted_facets(session, f, names, top)
    except fts.SearchError:
        session.rollback()
        return None
    return value


FACETS = ("speaker", "country", "topic", "kind", "outlet")


def _key(kind: str, f: QuoteFilter, top: int = 0) -> Hashable:
    """Cache key of one count: only the filters it depends on, not the page or the order."""
    return (kind, replace(f, after=None, sort=None, fixed=frozenset(), problems=()), top)


def _others(f: QuoteFilter, name: str) -> QuoteFilter:
    """`f` without the facet's own filter (so its values stay combinable)."""
    cleared: dict[str, Any] = {_FIELD[name]: () if name == "speaker" else None}
    return replace(f, **cleared)


def _cached_facets(session: Session, f: QuoteFilter, names: list[str], top: int) -> Facets | None:
    """Every count of the page from the cache or the tallies; None if one of them must be
    counted from the quotes."""
    known = _known(session, f, names, top)
    if not known.complete or known.total is None:
        return None
    return Facets(known.total, [facet for facet in known.facets if facet.values])


@dataclass(frozen=True)
class KnownCounts:
    """What is known while the rest is counted: the total, if so, and the ready facets."""

    total: int | None
    facets: list[Facet]
    complete: bool


def known_counts(session: Session, f: QuoteFilter, top: int = 8) -> KnownCounts:
    """The counts the cache and the tallies give for `f` now, nothing counted from the
    quotes: what a page shows while facet_counts finishes the others in the background."""
    return _known(session, f, [name for name in FACETS if name not in f.fixed], top)


def _known(session: Session, f: QuoteFilter, names: list[str], top: int) -> KnownCounts:
    """The total and facets of `f` from the cache or the tallies (storing what the tallies
    give); `complete` is False when some must be counted from the quotes."""
    complete = True
    total = cast(int | None, peek(session, _key("total", f)))
    if total is None:
        total = _tallied_total(session, f)
        if total is not None:
            store(session, _key("total", f), total)
        else:
            complete = False
    facets = []
    for name in names:
        others = _others(f, name)
        values = cast(list[FacetValue] | None, peek(session, _key(name, others, top)))
        if values is None:
            others_scope = facet_tallies.scope_of(session, others)
            if not facet_tallies.answers(others_scope, name):
                complete = False
                continue
            assert others_scope is not None
            values = _values(name, facet_tallies.counts(session, others_scope, name, top))
            store(session, _key(name, others, top), values)
        facets.append(_selected(f, name, values))
    return KnownCounts(total, [facet for facet in facets if facet.values], complete)


def count_now(session: Session, f: QuoteFilter, top: int = 8) -> Facets:
    """Every count of `f`'s page as a page finds them (from the cache or the tallies first),
    the rest counted in this thread however long it takes, as the background does for a page
    over its budget: for benchmarks of that work."""
    names = [name for name in FACETS if name not in f.fixed]
    return _cached_facets(session, f, names, top) or _counted_facets(session, f, names, top)


def _counted_facets(session: Session, f: QuoteFilter, names: list[str], top: int) -> Facets:
    """Every count of the page, counting the quotes where the cache has none (each count is
    stored as soon as it is known, so time spent on one before a timeout is not lost)."""
    _count_in_one_pass(session, f, names, top)
    total = cached(session, _key("total", f), lambda: _count(session, f))
    facets = []
    for name in names:
        others = _others(f, name)
        values = cached(session, _key(name, others, top), partial(_facet, session, f, name, top))
        facets.append(_selected(f, name, values))
    return Facets(total, [facet for facet in facets if facet.values])


# Facets one read of the matching quotes counts together with the total, topics included:
# each match's topic ids are listed on its row (and in SQLite's facts index: migration 0017),
# which the pass reads anyway. PostgreSQL apart read every match's row again to test its
# vector and joined all the topic links (a 5 % word: 164 ms for the pass, 415 for the topics;
# 294 together). SQLite apart searched the index again and probed the reports' index once per
# topic link: 14-45 ms of a common word's matches (a year of them, or all), where splitting
# the ids the pass read cost 0-8 (bench/optimisations.md).
_ONE_PASS = ("speaker", "country", "kind", "outlet", "topic")
_ROWS_AT_ONCE = 4096


def _count_in_one_pass(session: Session, f: QuoteFilter, names: list[str], top: int) -> None:
    """The total and every facet whose own filter is not set count the same quotes (those
    matching `f`): when the cache lacks two or more of them, one read of the matches gives
    them all, instead of one count each (for a rare word's 2,000 matches: 6 ms instead of
    21, and 3 since they are counted by article rather than joined to it)."""
    alone = replace(f, q=None, sort=None, after=None, fixed=frozenset()) == QuoteFilter()
    if f.q and alone and fts.is_sqlite(session) and fts.more_than(session, f.q, COUNT_NOW_AT_MOST):
        # A common word alone, counted in the background: SQLite's index counts the total
        # first, so that a page waiting for the facets can already say how many match.
        # (PostgreSQL would read every match's row for it, as the pass below does again.)
        cached(session, _key("total", f), lambda: _count(session, f))
    shared = [n for n in names if n in _ONE_PASS and _others(f, n) == f]
    keys = {name: _key(name, f, top) for name in shared} | {"total": _key("total", f)}
    missing = [name for name, key in keys.items() if peek(session, key) is None]
    if len(missing) < 2:
        return
    # The matches' speaker ids, kinds and article ids, neither grouped nor joined: speakers'
    # countries and articles' outlets come from maps kept until the data changes, and names
    # only for the speakers shown. Joining each match to its article for the outlet, and
    # grouping in SQL, took 7 ms of a rare word's thousand matches; these rows 3.
    columns: list[Any] = [col(Quote.speaker_id), col(Quote.kind), col(Quote.article_id)]
    if "topic" in shared:
        columns.append(col(Quote.topic_ids))
    matching = indexed.counting(
        core_select(*columns).where(*conditions(session, f, counting=True)), f
    )
    # Counted by C-coded Counters rather than row by row, a few thousand rows at a time: a
    # common word's 90,000 matches held at once grew the server by tens of megabytes.
    # Each column is counted, and mapped to countries and outlets, by C code (zip, map, a
    # Counter): a Python loop per row, or per speaker and article, was a tenth of the pass.
    by_speaker, by_kind, by_topic = Counter[int | None](), Counter[str](), Counter[int]()
    by_country, by_outlet = Counter[str | None](), Counter[int]()
    countries = cast(dict[int | None, str], facet_tallies.speaker_countries(session))
    outlets = article_outlets(session)
    total = 0
    for rows in stream(session, matching, _ROWS_AT_ONCE):
        speakers, kinds, articles, *listed = zip(*rows, strict=True)
        by_speaker.update(speakers)
        by_country.update(map(countries.get, speakers))  # None (no speaker) is never a key
        by_kind.update(kinds)
        by_outlet.update(outlets.numbers_of(articles))
        if listed and (joined := ",".join(filter(None, listed[0]))):  # "3,17" and "5": "3,17,5"
            by_topic.update(map(int, joined.split(",")))
        total += len(rows)
    tallies: dict[str, Mapping[Any, int]] = {
        "speaker": by_speaker,
        "country": by_country,
        "kind": by_kind,
        "outlet": outlets.named(by_outlet),
    }
    store(session, keys["total"], total)
    for name in shared:
        if name == "topic":
            store(session, keys[name], _named_topics(session, by_topic, top))
            continue
        if name == "speaker":
            named = facet_tallies.top_named(session, tallies[name], top)
        else:
            # The order SQL gives them in _facet: most quoted first, then by label.
            ranked = sorted(tallies[name].items(), key=lambda item: (-item[1], item[0] or ""))
            named = [(value, value, n) for value, n in ranked[:top]]
        store(session, keys[name], _values(name, named))


def _selected(f: QuoteFilter, name: str, values: list[FacetValue]) -> Facet:
    """The facet with the values `f` has chosen marked (counts are shared between filters)."""
    chosen = f.speakers if name == "speaker" else (getattr(f, _FIELD[name]),)
    marked = [
        v if v.selected == (v.value in chosen) else replace(v, selected=not v.selected)
        for v in values
    ]  # values are frozen and shared: copied only where the mark changes (a few a page)
    return Facet(name, _TITLES[name], marked)


def _engine(session: Session) -> Engine:
    """The engine a background count opens its own session on."""
    engine = session.get_bind()
    assert isinstance(engine, Engine)  # sessions are opened on the engine (web/deps.py)
    return engine


def _count_later(engine: Engine, f: QuoteFilter, names: list[str], top: int) -> None:
    _later(engine, _key("later", f, top), partial(_counted_facets, f=f, names=names, top=top))


def _total_later(engine: Engine, f: QuoteFilter) -> None:
    """Count the quotes matching `f` in the background (a relaxation's count, `counts_without`)."""
    key = _key("total", f)
    _later(
        engine, ("later", key), lambda session: cached(session, key, partial(_count, session, f))
    )


def _later(engine: Engine, key: Hashable, work: Callable[[Session], object]) -> None:
    """Run `work` on a session of its own in the counting thread, unless the same work is
    queued or running already, or too much is queued (the pages that need it ask again)."""
    global _unfinished
    with _queued_lock:
        if key in _queued or len(_queued) >= MAX_QUEUED:
            return
        _queued.add(key)
        _unfinished += 1

    def count() -> None:
        global _unfinished
        try:
            with Session(engine) as session:
                _one_at_a_time(session)
                started = time.monotonic()
                work(session)
                _done(key)  # its counts are stored: pages can have them
                rest = min(COUNTS_REST * (time.monotonic() - started), MAX_REST_S)
                if fts.is_postgres(session):
                    _rest(rest)  # holding the turn, so that every process rests
                    rest = 0
            _rest(rest)  # SQLite: after the session's snapshot is let go
        finally:
            _done(key)
            with _queued_lock:
                _unfinished -= 1

    _background.submit(count)


def _done(key: Hashable) -> None:
    with _queued_lock:
        _queued.discard(key)


# After each background count its thread rests COUNTS_REST times as long as the count took
# (at most MAX_REST_S), so that counts take at most about half of what the pages leave. The
# niced thread still shares its process's interpreter lock with the pages, and PostgreSQL
# counts in a server process at the pages' priority. When the pages are busy a count takes
# longer, and so does its rest. Counts queued meanwhile wait; a page that needs one asks
# again. Quick runs of the common-word tail, alternated (bench/optimisations.md): SQLite at
# one connection 51.8 / 49.7 -> 57.9 / 59.5 req/s; PostgreSQL at eight, p99 294 / 286 -> 252
# / 275 ms.
COUNTS_REST = 1.0
MAX_REST_S = 2.0
# The rest ends as soon as no page is being built: a reader searching one common word after
# another on an otherwise idle server (each page, then its counts part) waited 172 ms for both
# without rests, 224 with rests regardless, 174 with this (medians of 15 words).
REST_LOOK_S = 0.005
_pages_busy: Callable[[], bool] = lambda: True  # noqa: E731  (until the web app says)


def rest_while(pages_busy: Callable[[], bool]) -> None:
    """Tell the counts thread how to know that pages are being built (the web app's page
    threads); it rests only while they are."""
    global _pages_busy
    _pages_busy = pages_busy


def _rest(seconds: float) -> None:
    until = time.monotonic() + seconds
    while (left := until - time.monotonic()) > 0 and _pages_busy():
        time.sleep(min(left, REST_LOOK_S))


# PostgreSQL: one background count at a time across the site's processes. Each web worker
# has its own counting thread, and SQLite's runs niced in the worker; PostgreSQL's work runs
# in a server process at the pages' priority, so two workers' counts (a common word's: 140-520
# ms each) took both cores of a two-core machine from the pages waiting behind them.
COUNTS_LOCK_KEY = 0x636F756E  # "coun"; the writers' lock is app.db.WRITER_LOCK_KEY


def _one_at_a_time(session: Session) -> None:
    """Wait for the other processes' background counts (PostgreSQL; released when the
    count's transaction ends)."""
    if fts.is_postgres(session):
        session.execute(text(f"SELECT pg_advisory_xact_lock({COUNTS_LOCK_KEY})"))


def counts_or_start(session: Session, f: QuoteFilter, top: int = 8) -> Facets | None:
    """The counts of `f` if the background has them; otherwise None, with their count started
    (once: a count already queued or running is not queued again). A cache read, not a count:
    the web waits for the counts in its event loop (app/web/counts_wait.py), not here."""
    names = [name for name in FACETS if name not in f.fixed]
    value = _cached_facets(session, f, names, top)
    if value is None:
        _count_later(_engine(session), f, names, top)
    return value


def wait_for_background(timeout: float = 30) -> bool:
    """True once no background count is queued, running or resting: its connection is back
    in the engine's pool, so the engine can be disposed (for tests and benchmarks)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _queued_lock:
            if not _unfinished:  # counts every queued count too
                return True
        time.sleep(0.01)
    return False


def top_speakers(session: Session, f: QuoteFilter, limit: int = 10) -> list[FacetValue]:
    """Speakers with the most quotes matching `f`, most first; unattributed quotes are left out.

    Cached until the data changes.
    """
    scope = facet_tallies.scope_of(session, f)
    if facet_tallies.answers(scope, "speaker"):
        assert scope is not None
        if scope.speaker_id is None and scope.months is None:
            # A topic's or a country's leaders: asked by each of its speakers' pages (their
            # rivals), few enough to keep until the data changes.
            rows = cached(
                session,
                ("leaders", scope, limit),
                partial(facet_tallies.leaders, session, scope, limit),
            )
        else:
            rows = facet_tallies.leaders(session, scope, limit)
        return [FacetValue(slug, name, n, slug in f.speakers) for slug, name, n in rows]
    return cached(session, _key("top_speakers", f, limit), lambda: _top_speakers(session, f, limit))


def _top_speakers(session: Session, f: QuoteFilter, limit: int) -> list[FacetValue]:
    try:
        with fts.friendly_errors():  # PostgreSQL checks the search as the statement is built
            stmt = (
                select(col(Speaker.slug), col(Speaker.name), func.count(col(Quote.id)))
                .join(Speaker, col(Speaker.id) == col(Quote.speaker_id))
                .where(*conditions(session, f, counting=True))
                .group_by(col(Speaker.id))
                .order_by(func.count(col(Quote.id)).desc(), col(Speaker.name))
                .limit(limit)
            )
            rows = session.connection().execute(stmt).all()
    except fts.SearchError:
        session.rollback()
        return []
    return [FacetValue(slug, name, count, slug in f.speakers) for slug, name, count in rows]


def outlet_names(session: Session, limit: int = 200) -> tuple[str, ...]:
    """Outlets with the most quotes, by name, for the outlet field's suggestions (every listing
    page shows them: cached until the data changes)."""
    return cached(
        session, ("outlet_names", limit), lambda: _outlet_names(session, limit), lasting=True
    )


def _outlet_names(session: Session, limit: int) -> tuple[str, ...]:
    stmt = (
        select(Article.outlet)
        .join(Quote, col(Quote.article_id) == col(Article.id))
        .where(col(Article.outlet).is_not(None))
        .group_by(Article.outlet)
        .order_by(func.count(col(Quote.id)).desc())
        .limit(limit)
    )
    outlets = session.exec(stmt).all()
    # `is not None` only tells the type checker what the WHERE already made sure of.
    return tuple(sorted((o for o in outlets if o is not None), key=str.lower))


# Each filter a reader can drop, as the QuoteFilter fields it clears (the dates go together).
RELAXATIONS: dict[str, dict[str, Any]] = {
    "q": {"q": None},
    "speaker": {"speakers": ()},
    "country": {"country": None},
    "topic": {"topic": None},
    "date": {"date_from": None, "date_to": None},
    "outlet": {"outlet": None},
    "kind": {"kind": None},
}


def active_filters(f: QuoteFilter) -> list[str]:
    """The RELAXATIONS the reader has set (filters fixed by the page cannot be dropped)."""
    fixed = {"speakers" if name == "speaker" else name for name in f.fixed}
    return [
        name
        for name, fields in RELAXATIONS.items()
        if any(getattr(f, field) for field in fields) and not fixed & set(fields)
    ]


def counts_without(session: Session, f: QuoteFilter, budget_ms: int) -> dict[str, int]:
    """For each active filter, how many quotes match once it is dropped: those counted within
    the budget. The others are finished in the background, for the next page that offers the
    same: a zero-result search of one kind offers "drop the words", the count of every quote
    of that kind (hundreds of thousands: over the budget), and every such page spent the whole
    budget on it again, for nothing."""
    relaxed = {name: replace(f, **RELAXATIONS[name]) for name in active_filters(f)}
    # Kept as any page's total is: the words alone, dropped from a search of one kind, are the
    # total of that word's own page. Those known already are shown whatever the others cost.
    known = {name: peek(session, _key("total", g)) for name, g in relaxed.items()}
    found = {name: n for name, n in known.items() if isinstance(n, int)}
    try:
        with fts.friendly_errors(), fts.time_limit(session, budget_ms):
            for name, g in relaxed.items():
                if name not in found:
                    found[name] = cached(session, _key("total", g), partial(_count, session, g))
    except fts.SearchError:
        session.rollback()
        for name, g in relaxed.items():
            if name not in found:
                _total_later(_engine(session), g)
    return found


def _count(session: Session, f: QuoteFilter) -> int:
    """The quotes matching `f`: from the tallies where they answer (a relaxation's count of
    every quote of one kind, counted quote by quote, took 130 ms of a background thread)."""
    total = _tallied_total(session, f)
    return _count_quotes(session, f) if total is None else total


def _tallied_total(session: Session, f: QuoteFilter) -> int | None:
    """The quotes matching `f` as the tallies give them (None: they cannot)."""
    scope = facet_tallies.scope_of(session, f)
    if not facet_tallies.answers(scope, "total"):
        return None
    assert scope is not None
    return facet_tallies.total(session, scope)


def _count_quotes(session: Session, f: QuoteFilter) -> int:
    alone = replace(f, q=None, sort=None, after=None, fixed=frozenset(), reports=False)
    inside = index_within(session, f)
    if f.q and (alone == QuoteFilter() or index_answers(f, inside)):
        # Words alone, or with what the index holds beside them: the index counts them.
        reports = fts.count(session, f.q, inside)
        return reports if f.reports else reports - _other_reports(session, f.q, inside)
    stmt = select(func.count(col(Quote.id))).where(*conditions(session, f, counting=True))
    return session.connection().execute(indexed.counting(stmt, f)).scalar_one()


def _other_reports(session: Session, q: str, inside: fts.Within | None = None) -> int:
    """Matches that are not their statement's lead (few: ix_quote_reports holds just them).
    SQLite probes that index for each match: looking up each matching quote's row instead
    took 55 ms for a common word's 60,000 matches, the probes 11."""
    if fts.is_sqlite(session):
        sql = text(
            "SELECT count(*) FROM quote_fts WHERE quote_fts MATCH :fts_query AND "
            + A_REPORT.format("quote_fts.rowid")
        ).bindparams(fts_query=fts.expression(q, inside))
        return session.connection().execute(sql).scalar_one()
    stmt = select(func.count(col(Quote.id))).where(~col(Quote.is_lead), fts.condition(session, q))
    return session.connection().execute(stmt).scalar_one()


def _facet(session: Session, f: QuoteFilter, name: str, top: int) -> list[FacetValue]:
    """Counts for one facet, under every other filter (so choices stay combinable)."""
    cleared: dict[str, Any] = {_FIELD[name]: () if name == "speaker" else None}
    others = replace(f, **cleared)
    if name == "topic":
        return _topic_facet(session, others, top)
    if name == "kind" and _index_counts(session, others) and _many(session, others.q):
        return _index_kinds(session, others, top)
    value, label = _COLUMNS[name]
    stmt = select(value, label, func.count(col(Quote.id))).where(
        *conditions(session, others, counting=True)
    )
    if name in ("speaker", "country"):
        stmt = stmt.outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    elif name == "outlet":
        stmt = stmt.join(Article, col(Article.id) == col(Quote.article_id))
    stmt = (
        stmt.group_by(value, label)
        .order_by(func.count(col(Quote.id)).desc(), label.asc().nulls_first())
        .limit(top)
    )
    return _values(name, list(session.connection().execute(stmt)))


def _topic_facet(session: Session, f: QuoteFilter, top: int) -> list[FacetValue]:
    """Quotes per topic id, named from the cached topic list: joining the topic table for
    every matching quote cost more than the count (topics are a few dozen rows)."""
    if f.q and _index_counts(session, f):
        stmt = _words_topics(session, f.q, f.reports, index_within(session, f))
    else:
        stmt = (
            core_select(col(QuoteTopic.topic_id), func.count())
            .join(Quote, col(Quote.id) == col(QuoteTopic.quote_id))
            .where(*conditions(session, f, counting=True))
            .group_by(col(QuoteTopic.topic_id))
        )
    counts = {ident: n for ident, n in session.connection().execute(stmt)}
    return _named_topics(session, counts, top)


def _named_topics(session: Session, counts: Mapping[int, int], top: int) -> list[FacetValue]:
    """The `top` topics by quotes counted per topic id, most first, then by name."""
    named = {row.id: row for row, _ in topic_list(session)}
    counted = [(named[ident], n) for ident, n in counts.items() if ident in named]
    counted.sort(key=lambda item: (-item[1], item[0].name))
    return _values("topic", [(topic.slug, topic.name, n) for topic, n in counted[:top]])


# A quote that is not its statement's lead is in the small partial index of those: probing
# it tells a match's topic links apart without reading the quote's row.
_NOT_A_REPORT = text("NOT " + A_REPORT.format("quote_topic.quote_id"))


def _index_counts(session: Session, f: QuoteFilter) -> bool:
    """SQLite, words with no filter or only those the index holds beside them (a kind,
    whole months): the index lists the matches, no quote row needed."""
    if not f.q or not fts.is_sqlite(session):
        return False
    alone = replace(f, q=None, sort=None, after=None, fixed=frozenset(), reports=False)
    return alone == QuoteFilter() or index_answers(f, index_within(session, f))


def _few(session: Session, q: str | None) -> bool:
    """Words in so few quotes that counting under them is bounded small work (a few ms)."""
    return bool(q) and fts.is_sqlite(session) and fts.count(session, q or "") <= INDEX_WITHIN_FROM


def _many(session: Session, q: str | None) -> bool:
    """Words in more quotes than the index narrows by kind or month (fewer: their rows)."""
    return bool(q) and fts.count(session, q or "") > INDEX_WITHIN_FROM


def _words_topics(session: Session, q: str, reports: bool, inside: fts.Within | None) -> Select:
    """SQLite: quotes per topic among the matches of words (inside what the index holds), from
    the topic links and the index, when the one pass has not gathered them (it reads the
    match's rows for the other facets: its topic ids come with them)."""
    stmt = core_select(col(QuoteTopic.topic_id), func.count()).where(
        col(QuoteTopic.quote_id).in_(fts.matching_ids(session, q, inside))
    )
    if not reports:
        stmt = stmt.where(_NOT_A_REPORT)
    return stmt.group_by(col(QuoteTopic.topic_id))


def _index_kinds(session: Session, f: QuoteFilter, top: int) -> list[FacetValue]:
    """SQLite: quotes per kind among the matches of words (in whole months) from the index:
    its count of each kind's matches, less the reports among them, read in one pass over
    their small index. A common word's 30,000 matches: 11 ms, where grouping their quote
    rows by kind took 36."""
    months = index_within(session, f)
    within = months.months if months else None
    counted = Counter[str]()
    for kind in KINDS:
        counted[kind] = fts.count(session, f.q or "", fts.Within(kind, within))
    if not f.reports:
        reports = text(
            "SELECT report.kind, count(*) FROM quote_fts JOIN quote AS report"
            " INDEXED BY ix_quote_reports ON report.id = quote_fts.rowid AND NOT report.is_lead"
            " WHERE quote_fts MATCH :fts_query GROUP BY report.kind"
        ).bindparams(fts_query=fts.expression(f.q or "", months))
        counted.subtract(dict(session.connection().execute(reports).all()))
    ranked = sorted(((k, n) for k, n in counted.items() if n > 0), key=lambda kn: (-kn[1], kn[0]))
    return _values("kind", [(kind, kind, n) for kind, n in ranked[:top]])


def _values(name: str, rows: list) -> list[FacetValue]:
    values = [_value(name, v, label, n) for v, label, n in rows]
    return [v for v in values if v is not None]


def _value(name: str, value, label, count: int) -> FacetValue | None:
    if name == "speaker":
        return FacetValue(value or UNKNOWN_SPEAKER, label or "Unknown speaker", count, False)
    if value is None:
        return None
    if name == "country":
        label = country_name(value)
    return FacetValue(value, label, count, False)


_FIELD = {
    "speaker": "speakers",
    "country": "country",
    "topic": "topic",
    "kind": "kind",
    "outlet": "outlet",
}
_TITLES = {
    "speaker": "Speaker",
    "country": "Speaker’s country",
    "topic": "Topic",
    "kind": "Kind",
    "outlet": "Outlet",
}
_COLUMNS = {
    "speaker": (col(Speaker.slug), col(Speaker.name)),
    "country": (col(Speaker.country), col(Speaker.country)),
    "kind": (col(Quote.kind), col(Quote.kind)),
    "outlet": (col(Article.outlet), col(Article.outlet)),
}
