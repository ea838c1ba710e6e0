"""Glue for `diplomat ingest`: find files, extract and store (in worker processes), report."""

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from app.db import is_sqlite, make_engine
from app.ingest.extract import ExtractedArticle, extract_article, load_resources
from app.ingest.read import UnreadableArticle, read_article
from app.ingest.store import StoreResult, store_article

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


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

    @property
    def speakers(self) -> int:
        return len(self.speaker_ids)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def line(self) -> str:
        return (
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


def extract_file(path: Path) -> tuple[Path, ExtractedArticle | None, str | None]:
    """Read and extract one file; an unreadable or failing article reports its reason."""
    try:
        return path, extract_article(read_article(path)), None
    except UnreadableArticle as error:
        return path, None, str(error)
    except OSError as error:
        return path, None, error.strerror or str(error)
    except Exception as error:  # one broken article fails alone; its reason is reported
        return path, None, f"extraction failed: {type(error).__name__}: {error}"


def _warm_up() -> None:
    load_resources()


# Each worker process's own writer engine (set by `_start_worker`).
_worker_engine: Engine | None = None


def _start_worker(url: str) -> None:
    """Load the extractor's data and open this process's own writer connection."""
    global _worker_engine
    load_resources()
    _worker_engine = make_engine(url, writer=True)


def _extract_and_store(path: Path) -> tuple[Path, StoreResult | None, str | None]:
    """Extract and store one file in a worker; its transaction waits its turn (BEGIN IMMEDIATE)."""
    path, article, error = extract_file(path)
    if article is None:
        return path, None, error
    assert _worker_engine is not None, "worker started without _start_worker"
    names = load_resources().taxonomy.names()
    return path, store_article(_worker_engine, str(path), article, names), None


def extracted(
    paths: list[Path], workers: int
) -> Iterator[tuple[Path, ExtractedArticle | None, str | None]]:
    """Extraction results in input order, from `workers` processes (1 = this process)."""
    if workers <= 1:
        yield from map(extract_file, paths)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        yield from pool.map(extract_file, paths, chunksize=4)


def stored(
    paths: list[Path], engine: Engine, workers: int
) -> Iterator[tuple[Path, StoreResult | None, str | None]]:
    """Store results in input order. With workers, each process extracts *and* stores its
    articles through its own connection, so storing no longer waits on one process; an
    in-memory SQLite database cannot be shared, so there only extraction is spread out."""
    url = engine.url.render_as_string(hide_password=False)
    if workers > 1 and not (is_sqlite(url) and engine.url.database in (None, "", ":memory:")):
        with ProcessPoolExecutor(
            max_workers=workers, initializer=_start_worker, initargs=(url,)
        ) as pool:
            yield from pool.map(_extract_and_store, paths, chunksize=4)
        _checkpoint(engine)
        return
    names = load_resources().taxonomy.names()
    for path, article, error in extracted(paths, workers):
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
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            raw.close()


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    workers: int = 1,
    on_file: Callable[[Path, str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Summary:
    """Extract and store every article under `paths`; failures are collected, not raised."""
    files, failures = discover(paths)
    summary = Summary(failures=failures)
    if on_start:
        on_start(len(files))
    for path, result, error in stored(files, engine, workers):
        if result is None:
            summary.failures.append(Failure(str(path), error or "unknown error"))
            status = "failed"
        else:
            status = result.status
            setattr(summary, status, getattr(summary, status) + 1)
            summary.quotes += result.quotes
            summary.speaker_ids |= result.speaker_ids
        if on_file:
            on_file(path, status)
    return summary
