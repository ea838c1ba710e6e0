"""Glue for `diplomat ingest`: items from the sources, extracted and stored (in worker
processes), counted in a summary."""

import multiprocessing
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy.engine import Engine

from app.db import is_sqlite, make_engine
from app.ingest.discovery import Failure
from app.ingest.process import (
    NO_LIMITS,
    Extracted,
    Item,
    Limits,
    Outcome,
    extract_file,
    extract_item,
    store_extracted,
)
from app.ingest.sources.dumps import field_map
from app.ingest.sources.local import local_items
from app.ingest.workers import ordered_map, warm_up
from app.words import plural

__all__ = ["Limits", "Summary", "extract_file", "ingest", "ingest_items"]


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    speaker_ids: set[int] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    not_english: int = 0  # stored without extraction (counted in new/updated/unchanged too)
    skipped: int = 0  # already stored, so not fetched again
    interrupted: bool = False

    @property
    def speakers(self) -> int:
        return len(self.speaker_ids)

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def seen(self) -> int:
        """Items met, whatever became of them."""
        return self.new + self.updated + self.unchanged + self.failed + self.skipped

    def line(self) -> str:
        parts = [
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed",
            f"{plural(self.quotes, 'quote')}, {plural(self.speakers, 'speaker')}",
        ]
        if self.not_english:
            parts.append(f"{self.not_english} not in English (stored, not extracted)")
        if self.skipped:
            parts.append(f"{self.skipped} already stored (not fetched)")
        return ("interrupted: " if self.interrupted else "") + "; ".join(parts)

    def record(self, outcome: Outcome) -> str:
        """Count one item's outcome; returns its status word."""
        if outcome.skipped:
            self.skipped += 1
            return "skipped"
        if outcome.result is None:
            self.failures.append(Failure(outcome.source, outcome.error or "unknown error"))
            return "failed"
        result = outcome.result
        setattr(self, result.status, getattr(self, result.status) + 1)
        self.quotes += result.quotes
        self.speaker_ids |= result.speaker_ids
        self.not_english += not outcome.english
        return result.status


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    workers: int = 1,
    on_file: Callable[[str, str], None] | None = None,
    on_start: Callable[[int | None], None] | None = None,
    limits: Limits = NO_LIMITS,
    shard: tuple[int, int] | None = None,
    fields: dict[str, str] | None = None,
) -> Summary:
    """Extract and store every article under `paths`, files and dumps (or shard K of N of
    them); failures are collected, not raised.

    Ctrl-C stops between articles' transactions: what was stored stays whole, the summary says
    `interrupted`, and running the same ingest again finishes the job.
    """
    items, total = local_items(list(paths), fields or field_map([]), limits.max_bytes, shard)
    if on_start:
        on_start(total)
    return ingest_items(items, engine, workers, on_file, limits)


def ingest_items(
    items: Iterable[Item],
    engine: Engine,
    workers: int = 1,
    on_item: Callable[[str, str], None] | None = None,
    limits: Limits = NO_LIMITS,
) -> Summary:
    """Extract and store `items` (from any source), in order; see `ingest`."""
    summary = Summary()
    try:
        with closing(stored(items, engine, workers, limits)) as outcomes:
            for outcome in outcomes:
                status = summary.record(outcome)
                if on_item:
                    on_item(outcome.source, status)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


# Items handed to a storing worker at a time. A worker whose next item is not yet due to be
# stored extracts its following one meanwhile, so the longer its batch, the less often it has
# nothing else to do: on 2,000 generated articles with two workers, waits for the writer fell
# from 2.3 s per worker with batches of 4 to 0.7 s with 32.
WORKER_BATCH = 32

# Each worker process's own writer engine and limits (set by `_start_worker`), and the number
# of the next item due to be stored, shared by the workers: articles are committed in the
# order given, as one process would, because which spelling of a speaker a database meets
# first decides that speaker's row (commits in the order the workers happened to finish gave
# 2,432 speakers for 2,426, and 244 quotes to another speaker, on 2,000 articles).
_worker_engine: Engine | None = None
_worker_limits = NO_LIMITS
_next_due: Any = None  # multiprocessing Value('q'), with its lock as a Condition
_turns: Any = None


def _start_worker(url: str, limits: Limits, next_due: Any = None, turns: Any = None) -> None:
    """Load the extractor's data and open this process's own writer connection."""
    global _worker_engine, _worker_limits, _next_due, _turns
    warm_up()
    _worker_engine = make_engine(url, writer=True)
    _worker_limits = limits
    _next_due, _turns = next_due, turns


def _extract_and_store(numbered: list[tuple[int, Item]]) -> list[Outcome]:
    """Extract and store numbered items in a worker. Each is stored when every item before it
    has been (`_due`); until then the worker extracts its next items instead of waiting."""
    assert _worker_engine is not None, "worker started without _start_worker"
    engine = _worker_engine
    outcomes: list[Outcome] = []
    extracted: list[tuple[int, Extracted]] = []
    try:
        for position, (number, item) in enumerate(numbered, 1):
            extracted.append((number, extract_item(item, _worker_limits)))
            last = position == len(numbered)
            while extracted and _due(extracted[0][0], wait=last):
                number, done = extracted.pop(0)
                try:
                    outcomes.append(store_extracted(engine, done))
                finally:
                    _stored(number + 1)
    finally:
        # A batch cut short (an error, an interrupt) must not leave later ones waiting.
        if numbered:
            _stored(numbered[-1][0] + 1)
    return outcomes


TURN_CHECK_S = 1.0  # a waiting worker looks again this often (and can be interrupted)


def _due(number: int, wait: bool) -> bool:
    """True when item `number` is the next to store (always, without shared numbering); with
    `wait`, blocks until it is."""
    if _next_due is None or _turns is None:
        return True
    with _turns:
        while _next_due.value < number:
            if not wait:
                return False
            _turns.wait(TURN_CHECK_S)
        return True


def _stored(following: int) -> None:
    """Item `following - 1` is done: the next is due (never moving back)."""
    if _next_due is None or _turns is None:
        return
    with _turns:
        if _next_due.value < following:
            _next_due.value = following
            _turns.notify_all()


def _extract(items: list[Item], limits: Limits) -> list[Extracted]:
    return [extract_item(item, limits) for item in items]


def stored(
    items: Iterable[Item], engine: Engine, workers: int, limits: Limits = NO_LIMITS
) -> Generator[Outcome, None, None]:
    """Store outcomes in input order. With workers, each process extracts *and* stores its
    articles through its own connection, so storing no longer waits on one process; an
    in-memory SQLite database cannot be shared, so there only extraction is spread out."""
    if workers <= 1:
        for item in items:
            yield store_extracted(engine, extract_item(item, limits))
        _checkpoint(engine)
        return
    url = engine.url.render_as_string(hide_password=False)
    window = workers * 4
    if not (is_sqlite(url) and engine.url.database in (None, "", ":memory:")):
        next_due = multiprocessing.Value("q", 0)
        turns = multiprocessing.Condition(next_due.get_lock())
        pool = ProcessPoolExecutor(
            workers, initializer=_start_worker, initargs=(url, limits, next_due, turns)
        )
        try:
            yield from ordered_map(
                pool, _extract_and_store, enumerate(items), batch=WORKER_BATCH, window=workers * 2
            )
        finally:
            # On an interrupt, queued articles are dropped rather than extracted for nobody.
            pool.shutdown(wait=True, cancel_futures=True)
        _checkpoint(engine)
        return
    pool = ProcessPoolExecutor(workers, initializer=warm_up)
    try:
        for extracted in ordered_map(pool, partial(_extract, limits=limits), items, window=window):
            yield store_extracted(engine, extracted)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the database and truncate it: worker processes end
    without closing their connections, and writers fold it in only every
    WRITER_CHECKPOINT_PAGES, which would otherwise leave it as large as that."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run in one
        try:
            driver = raw.driver_connection
            assert driver is not None  # a connection just checked out is open
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()
