"""Aggregate counts remembered in each server process until the data changes.

Counting a million quotes by topic or speaker takes hundreds of milliseconds, and the answer
only changes when articles are imported. Each entry is keyed on the database's *generation*:
the newest quote id, the newest import time and the newest speaker id, read through indexes in
well under a millisecond. An import, a re-import or a new speaker changes it, and every entry
made before is simply never asked for again (the least recently used fall out).

Cache plain values (tuples, numbers, frozen dataclasses), never ORM objects: entries are shared
by every request and thread of the process.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar, cast

from sqlalchemy import Engine, func, select
from sqlmodel import Session

from app.models import Article, Quote, Speaker

T = TypeVar("T")
MAX_ENTRIES = 512
# Values every page shares (each month's totals, the topic and country lists) are kept apart
# from the counts of one filter: under the long tail of filters readers ask, each page adds
# half a dozen counts, and in one shared list those pushed out the shared values within a
# hundred pages (a country page re-added up a year's tallies, 3 ms a month).
MAX_LASTING = 2048

_entries: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
_lasting: OrderedDict[Hashable, tuple[float, object]] = OrderedDict()
_lock = threading.Lock()
_in_flight: dict[Hashable, threading.Lock] = {}


_GENERATION = select(
    select(func.max(Quote.id)).scalar_subquery(),
    select(func.max(Article.ingested_at)).scalar_subquery(),
    select(func.max(Speaker.id)).scalar_subquery(),
)  # built once: see app.queries.prepared


def generation(session: Session) -> tuple:
    """Changes whenever quotes, articles or speakers are added, replaced or re-imported.

    Read once per transaction (a request; on SQLite its snapshot cannot change), however many
    cached values a page asks for."""
    transaction = session.get_transaction()
    known = session.info.get("generation")
    if known is not None and transaction is not None and known[0] is transaction:
        return known[1]
    given = session.info.pop("generation_given", None)
    if given is not None:
        session.connection()  # begins the transaction the value stands for
        session.info["generation"] = (session.get_transaction(), given)
        return given
    url = session.get_bind().engine.url.render_as_string(hide_password=True)
    value = (url, *session.connection().execute(_GENERATION).one())
    session.info["generation"] = (session.get_transaction(), value)
    return value


def generation_sql(engine: Engine) -> tuple[str, str]:
    """What `generation` reads, for a caller with a connection of its own: the statement as
    SQL text for `engine`'s database, and the URL that leads the value."""
    sql = str(_GENERATION.compile(dialect=engine.dialect))
    return sql, engine.url.render_as_string(hide_password=True)


def assume_generation(session: Session, value: tuple) -> None:
    """Take `value`, read just before `session` began (by the page cache), as the generation
    of its first transaction instead of reading it again (on PostgreSQL a round trip each).
    The data read afterwards can only be newer than `value`, and a count or page of newer
    data kept under an older generation is harmless: only requests that read that older
    generation, before the change, ever ask for it."""
    session.info["generation_given"] = value


def memo(session: Session, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`'s value for `key`, computed once per transaction: for what a page asks
    several times (a word's match count, a slug's id), where the database snapshot, and so
    the answer, cannot change."""
    known = session.info.get("memo")
    if known is not None and known[0] is session.get_transaction() and key in known[1]:
        return cast(T, known[1][key])
    value = compute()  # begins the transaction, if none had begun
    transaction = session.get_transaction()
    if known is None or known[0] is not transaction:
        values: dict[Hashable, object] = {}
        known = session.info["memo"] = (transaction, values)
    known[1][key] = value
    return value


def cached(
    session: Session,
    key: Hashable,
    compute: Callable[[], T],
    ttl: Callable[[T], float | None] | None = None,
    lasting: bool = False,
) -> T:
    """`compute()`'s value for `key` at the current generation, computed once per process.

    `ttl(value)` may give seconds after which a value is recomputed even if the data has not
    changed: for answers that depend on load, like counts skipped for running out of time.
    `lasting`: a value many pages share, kept apart from the counts of single filters.
    """
    full_key = (key, generation(session))
    entries = _lasting if lasting else _entries
    hit = _lookup(full_key, entries)
    if hit is not None:
        return cast(T, hit[0])  # entries hold any value; this key's is compute()'s
    # One thread computes; the others asking for the same key meanwhile wait for its answer
    # instead of each running the same seconds-long count (a cold server under load).
    with _lock:
        flight = _in_flight.setdefault(full_key, threading.Lock())
    with flight:
        hit = _lookup(full_key, entries)
        if hit is not None:
            return cast(T, hit[0])
        try:
            value = compute()
            seconds = ttl(value) if ttl else None
            expires = time.monotonic() + seconds if seconds is not None else 0
            _put(full_key, value, expires, entries)
        finally:
            with _lock:
                _in_flight.pop(full_key, None)
    return value


def peek(session: Session, key: Hashable) -> object | None:
    """The value cached for `key` at the current generation, or None (nothing is computed)."""
    hit = _lookup((key, generation(session)))
    return hit[0] if hit is not None else None


def store(session: Session, key: Hashable, value: object) -> None:
    """Remember `value` for `key` at the session's generation (computed elsewhere)."""
    _put((key, generation(session)), value, 0)


def _put(
    full_key: Hashable,
    value: object,
    expires: float,
    entries: OrderedDict[Hashable, tuple[float, object]] = _entries,
) -> None:
    most = MAX_LASTING if entries is _lasting else MAX_ENTRIES
    with _lock:
        entries[full_key] = (expires, value)
        entries.move_to_end(full_key)
        while len(entries) > most:
            entries.popitem(last=False)


def _lookup(
    full_key: Hashable, entries: OrderedDict[Hashable, tuple[float, object]] = _entries
) -> tuple[object] | None:
    """(value,) if a fresh entry is there."""
    with _lock:
        hit = entries.get(full_key)
        if hit is not None and (hit[0] == 0 or hit[0] > time.monotonic()):
            entries.move_to_end(full_key)
            return (hit[1],)
    return None


def clear(*, lasting: bool = True) -> None:
    """Forget every entry; with lasting=False, only the counts of one filter (what a long
    tail of pages churns through), keeping the values every page shares."""
    with _lock:
        _entries.clear()
        if lasting:
            _lasting.clear()
