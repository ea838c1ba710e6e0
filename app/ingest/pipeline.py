"""Glue for `diplomat ingest`: find files, extract and store (in worker processes), report."""

import hashlib
import os
import signal
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from sqlalchemy.engine import Engine

from app.db import is_sqlite, make_engine
from app.extract.article import ExtractedArticle, extract_article, load_resources
from app.ingest.files import UnreadableArticle, read_article
from app.ingest.store import StoreResult, store_article

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass(frozen=True)
class Limits:
    """What one article may cost: file size in bytes and extraction time in seconds."""

    max_bytes: int | None = None
    seconds: float | None = None


class OverBudget(BaseException):
    """Raised by the alarm in the middle of extraction; a BaseException so that no broad
    `except Exception` inside the extractor can swallow it."""


@dataclass
class Failure:
    path: str
    reason: str


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


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Article files under `paths` (folders recursively, symlink loops ignored), sorted."""
    found: list[Path] = []
    failures: list[Failure] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path))
        elif path.is_file():
            found.append(path)
        else:
            failures.append(Failure(str(path), "no such file or folder"))
    return sorted(dict.fromkeys(found)), failures


def shard_of(key: str, count: int) -> int:
    """The shard (1..count) a file belongs to: a stable hash, the same on every machine."""
    digest = hashlib.sha256(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def shard_key(path: Path, roots: Iterable[Path]) -> str:
    """The file's path relative to the folder it was found under (its name if given directly),
    so machines that mount the corpus in different places still agree on the split."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return path.relative_to(root).as_posix()
    return path.name


def in_shard(files: list[Path], roots: list[Path], shard: tuple[int, int]) -> list[Path]:
    """The files that shard K of N (1-based) ingests; together the N shards cover every file."""
    number, count = shard
    return [path for path in files if shard_of(shard_key(path, roots), count) == number]


def _walk(folder: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for root, dirs, files in os.walk(folder, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()  # a symlink loop: this folder was already walked
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name


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


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise OverBudget in this thread after `seconds` (SIGALRM; main thread only).

    The alarm interrupts Python code; a single long call into C is only interrupted when it
    returns, which is why the parser is never given overlong sentences (see nlp.parseable).
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    over = False

    def expire(_signum, _frame):
        if not over:
            raise OverBudget()

    previous = signal.signal(signal.SIGALRM, expire)
    # The alarm repeats every 0.1 s after the budget: an exception raised while Python runs a
    # finalizer is reported as "unraisable" and dropped, and the next alarm tries again.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.1)
    try:
        yield
    finally:
        over = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _warm_up() -> None:
    # Ctrl-C reaches the whole process group; the parent alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_resources()


# Each worker process's own writer engine and limits (set by `_start_worker`).
_worker_engine: Engine | None = None
_worker_limits = Limits()


def _start_worker(url: str, limits: Limits) -> None:
    """Load the extractor's data and open this process's own writer connection."""
    global _worker_engine, _worker_limits
    _warm_up()
    _worker_engine = make_engine(url, writer=True)
    _worker_limits = limits


def _extract_and_store(path: Path) -> tuple[Path, StoreResult | None, str | None]:
    """Extract and store one file in a worker; its transaction waits its turn (writer_turn)."""
    path, article, error = extract_file(path, _worker_limits)
    if article is None:
        return path, None, error
    assert _worker_engine is not None, "worker started without _start_worker"
    names = load_resources().taxonomy.names()
    return path, store_article(_worker_engine, str(path), article, names), None


def extracted(
    paths: list[Path], workers: int, limits: Limits = Limits()
) -> Iterator[tuple[Path, ExtractedArticle | None, str | None]]:
    """Extraction results in input order, from `workers` processes (1 = this process)."""
    work = partial(extract_file, limits=limits)
    if workers <= 1:
        yield from map(work, paths)
        return
    pool = ProcessPoolExecutor(max_workers=workers, initializer=_warm_up)
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
    names = load_resources().taxonomy.names()
    for path, article, error in extracted(paths, workers, limits):
        if article is None:
            yield path, None, error
        else:
            yield path, store_article(engine, str(path), article, names), None


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
        summary.failures.append(Failure(str(path), error or "unknown error"))
        return "failed"
    setattr(summary, result.status, getattr(summary, result.status) + 1)
    summary.quotes += result.quotes
    summary.speaker_ids |= result.speaker_ids
    return result.status
