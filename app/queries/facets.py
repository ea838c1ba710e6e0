"""Counts beside the filters, and "who speaks most" rankings, within a time budget."""

import threading
import time
from collections.abc import Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from app.models import Article, Quote, QuoteTopic, Speaker, Topic
from app.queries import fts
from app.queries.cache import cached, store
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter
from app.queries.names import country_name
from app.queries.quotes import conditions


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

# One thread, so background counting never takes more than one core from the pages.
_background = ThreadPoolExecutor(max_workers=1, thread_name_prefix="counts")
_queued: set[Hashable] = set()
_queued_lock = threading.Lock()


def facet_counts(session: Session, f: QuoteFilter, budget_ms: int, top: int = 8) -> Facets | None:
    """Total and per-value counts for each filter not fixed by the page; None if over budget,
    in which case they are counted without a limit in the background for the next request.

    Cached until the data changes (the page cursor and sort order do not change the counts).
    """
    key = ("facets", replace(f, after=None, sort=None), top)
    value = cached(
        session,
        key,
        lambda: _facet_counts(session, f, budget_ms, top),
        ttl=lambda value: RETRY_SKIPPED_S if value is None else None,
    )
    if value is None:
        engine = session.get_bind()
        assert isinstance(engine, Engine)  # sessions are opened on the engine (web/deps.py)
        _count_later(engine, key, f, top)
    return value


def _count_later(engine: Engine, key: Hashable, f: QuoteFilter, top: int) -> None:
    with _queued_lock:
        if key in _queued or len(_queued) >= MAX_QUEUED:
            return
        _queued.add(key)

    def count() -> None:
        try:
            with Session(engine) as session:
                value = _facet_counts(session, f, 0, top)
                if value is not None:
                    store(session, key, value)
        finally:
            with _queued_lock:
                _queued.discard(key)

    _background.submit(count)


def wait_for_background(timeout: float = 30) -> bool:
    """True once no background count is queued or running (for tests and benchmarks)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _queued_lock:
            if not _queued:
                return True
        time.sleep(0.01)
    return False


def _facet_counts(session: Session, f: QuoteFilter, budget_ms: int, top: int) -> Facets | None:
    try:
        with fts.friendly_errors(), fts.time_limit(session, budget_ms):
            total = _count(session, f)
            facets = [
                _facet(session, f, name, top)
                for name in ("speaker", "country", "topic", "kind", "outlet")
                if name not in f.fixed
            ]
    except fts.SearchError:
        session.rollback()
        return None
    return Facets(total, [facet for facet in facets if facet.values])


def top_speakers(session: Session, f: QuoteFilter, limit: int = 10) -> list[FacetValue]:
    """Speakers with the most quotes matching `f`, most first; unattributed quotes are left out.

    Cached until the data changes.
    """
    key = ("top_speakers", replace(f, after=None, sort=None), limit)
    return cached(session, key, lambda: _top_speakers(session, f, limit))


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
            rows = session.execute(stmt).all()
    except fts.SearchError:
        session.rollback()
        return []
    return [FacetValue(slug, name, count, slug in f.speakers) for slug, name, count in rows]


def outlet_names(session: Session, limit: int = 200) -> tuple[str, ...]:
    """Outlets with the most quotes, by name, for the outlet field's suggestions (every listing
    page shows them: cached until the data changes)."""
    return cached(session, ("outlet_names", limit), lambda: _outlet_names(session, limit))


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


def counts_without(session: Session, f: QuoteFilter, budget_ms: int) -> dict[str, int] | None:
    """For each active filter, how many quotes match once it is dropped; None if over budget."""
    try:
        with fts.friendly_errors(), fts.time_limit(session, budget_ms):
            return {
                name: _count(session, replace(f, **RELAXATIONS[name])) for name in active_filters(f)
            }
    except fts.SearchError:
        session.rollback()
        return None


def _count(session: Session, f: QuoteFilter) -> int:
    stmt = select(func.count(col(Quote.id))).where(*conditions(session, f, counting=True))
    return session.execute(stmt).scalar_one()


def _facet(session: Session, f: QuoteFilter, name: str, top: int) -> Facet:
    """Counts for one facet, under every other filter (so choices stay combinable)."""
    cleared: dict[str, Any] = {_FIELD[name]: () if name == "speaker" else None}
    others = replace(f, **cleared)
    value, label = _COLUMNS[name]
    stmt = select(value, label, func.count(col(Quote.id))).where(
        *conditions(session, others, counting=True)
    )
    if name in ("speaker", "country"):
        stmt = stmt.outerjoin(Speaker, col(Speaker.id) == col(Quote.speaker_id))
    elif name == "topic":
        stmt = stmt.join(QuoteTopic, col(QuoteTopic.quote_id) == col(Quote.id)).join(
            Topic, col(Topic.id) == col(QuoteTopic.topic_id)
        )
    elif name == "outlet":
        stmt = stmt.join(Article, col(Article.id) == col(Quote.article_id))
    stmt = stmt.group_by(value, label).order_by(func.count(col(Quote.id)).desc(), label).limit(top)
    values = [_value(f, name, v, lab, n) for v, lab, n in session.execute(stmt)]
    return Facet(name, _TITLES[name], [v for v in values if v is not None])


def _value(f: QuoteFilter, name: str, value, label, count: int) -> FacetValue | None:
    if name == "speaker":
        value, label = value or UNKNOWN_SPEAKER, label or "Unknown speaker"
        return FacetValue(value, label, count, value in f.speakers)
    if value is None:
        return None
    if name == "country":
        label = country_name(value)
    return FacetValue(value, label, count, getattr(f, _FIELD[name]) == value)


_FIELD = {
    "speaker": "speakers",
    "country": "country",
    "topic": "topic",
    "kind": "kind",
    "outlet": "outlet",
}
_TITLES = {
    "speaker": "Speaker",
    "country": "Country",
    "topic": "Topic",
    "kind": "Kind",
    "outlet": "Outlet",
}
_COLUMNS = {
    "speaker": (col(Speaker.slug), col(Speaker.name)),
    "country": (col(Speaker.country), col(Speaker.country)),
    "topic": (col(Topic.slug), col(Topic.name)),
    "kind": (col(Quote.kind), col(Quote.kind)),
    "outlet": (col(Article.outlet), col(Article.outlet)),
}
