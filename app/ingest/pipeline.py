"""Glue for `diplomat ingest`: find files, extract and store (in worker processes), report."""

from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DataError

from app.db import is_sqlite, make_engine
from app.extract.article import ExtractedArticle, extract_article, load_resources
from app.ingest.discovery import Failure, discover, in_shard
from app.ingest.files import UnreadableArticle, read_article, source_name
from app.ingest.store import StoreResult, store_article
from app.ingest.workers import OverBudget, time_budget, warm_up


@dataclass(frozen=True)
class Limits:
    """What one article may cost: file size in bytes and extraction time in seconds."""

    max_bytes: int | None = None
    seconds: float | None = None


@dataclass
class Summary:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    quotes: int = 0
    speaker_ids: set[int] = field(default_factory=set)
    failures: list[Failure] = field(default_factory=list)
    interrupted: bool = False

    @property
    def speakers(self) -> int:
        return len(self.speaker_ids)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return ("interrupted: " if self.interrupted else "") + (
            f"{self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.failed} failed; {self.quotes} quotes, {self.speakers} speakers"
        )


def extract_file(
    path: Path, limits: Limits = Limits()
) -> tuple[Path, ExtractedArticle | None, str | None]:
    """Read and extract one file; an unreadable, failing or too slow article reports why."""
    try:
        with time_budget(limits.seconds):
            return path, extract_article(read_article(path, limits.max_bytes)), None
    except OverBudget:
        return path, None, f"took longer than {limits.seconds:g} s to extract (time budget)"
    except UnreadableArticle as error:
        return path, None, str(error)
    except OSError as error:
        return path, None, error.strerror or str(error)
    except Exception as error:  # one broken article fails alone; its reason is reported
        return path, None, f"extraction failed: {type(error).__name__}: {error}"


# Each worker process's own writer engine and limits (set by `_start_worker`).
_worker_engine: Engine | None = None
_worker_limits = Limits()


def _start_worker(url: str, limits: Limits) -> None:
    """Load the extractor's data and open this process's own writer connection."""
    global _worker_engine, _worker_limits
    warm_up()
    _worker_engine = make_engine(url, writer=True)
    _worker_limits = limits


def _extract_and_store(path: Path) -> tuple[Path, StoreResult | None, str | None]:
    """Extract and store one file in a worker; its transaction waits its turn (writer_turn)."""
    path, article, error = extract_file(path, _worker_limits)
    if article is None:
        return path, None, error
    assert _worker_engine is not None, "worker started without _start_worker"
    return store_one(_worker_engine, path, article)


def store_one(
    engine: Engine, path: Path, article: ExtractedArticle
) -> tuple[Path, StoreResult | None, str | None]:
    """Store one extracted article; an article the database refuses fails alone, with why.

    Errors about the database itself (unreachable, locked, full) are not caught: every other
    article would fail the same way, and the caller reports them once."""
    names = load_resources().taxonomy.names()
    try:
        return path, store_article(engine, source_name(path), article, names), None
    except (UnicodeError, ValueError, DataError) as error:
        return path, None, f"could not be stored: {type(error).__name__}: {error}"


def extracted(
    paths: list[Path], workers: int, limits: Limits = Limits()
) -> Iterator[tuple[Path, ExtractedArticle | None, str | None]]:
    """Extraction results in input order, from `workers` processes (1 = this process)."""
    work = partial(extract_file, limits=limits)
    if workers <= 1:
        yield from map(work, paths)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=warm_up)
    try:
        yield from pool.map(work, paths, chunksize=4)
    finally:
        # On an interrupt, queued articles are dropped rather than extracted for nobody.
        pool.shutdown(wait=True, cancel_futures=True)


def stored(
    paths: list[Path], engine: Engine, workers: int, limits: Limits = Limits()
) -> Generator[tuple[Path, StoreResult | None, str | None], None, None]:
    """Store results in input order. With workers, each process extracts *and* stores its
    articles through its own connection, so storing no longer waits on one process; an
    in-memory SQLite database cannot be shared, so there only extraction is spread out."""
    url = engine.url.render_as_string(hide_password=False)
    if workers > 1 and not (is_sqlite(url) and engine.url.database in (None, "", ":memory:")):
        pool = ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(url, limits)
        )
        try:
            yield from pool.map(_extract_and_store, paths, chunksize=4)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        _checkpoint(engine)
        return
    for path, article, error in extracted(paths, workers, limits):
        if article is None:
            yield path, None, error
        else:
            yield store_one(engine, path, article)


def _checkpoint(engine: Engine) -> None:
    """Fold the write-ahead log into the database: worker processes end without closing
    their connections, which would otherwise leave the log as large as the work they did."""
    if engine.dialect.name == "sqlite":
        raw = engine.raw_connection()  # outside any transaction: a checkpoint cannot run in one
        try:
            driver = raw.driver_connection
            assert driver is not None  # a connection just checked out is open
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    workers: int = 1,
    on_file: Callable[[Path, str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    limits: Limits = Limits(),
    shard: tuple[int, int] | None = None,
) -> Summary:
    """Extract and store every article under `paths` (or shard K of N of them); failures are
    collected, not raised.

    Ctrl-C stops between articles' transactions: what was stored stays whole, the summary says
    `interrupted`, and running the same ingest again finishes the job.
    """
    paths = list(paths)
    files, failures = discover(paths)
    if shard is not None:
        files = in_shard(files, paths, shard)
    summary = Summary(failures=failures)
    if on_start:
        on_start(len(files))
    try:
        with closing(stored(files, engine, workers, limits)) as results:
            for path, result, error in results:
                status = _record(summary, path, result, error)
                if on_file:
                    on_file(path, status)
    except KeyboardInterrupt:
        summary.interrupted = True
    return summary


def _record(summary: Summary, path: Path, result: StoreResult | None, error: str | None) -> str:
    if result is None:
        summary.failures.append(Failure(source_name(path), error or "unknown error"))
        return "failed"
    setattr(summary, result.status, getattr(summary, result.status) + 1)
    summary.quotes += result.quotes
    summary.speaker_ids |= result.speaker_ids
    return result.status
