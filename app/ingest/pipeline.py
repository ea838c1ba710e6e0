"""Glue for `diplomat ingest`: find files, extract (in worker processes), store, report."""

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.engine import Engine

from app.ingest.extract import ExtractedArticle, extract_article, load_resources
from app.ingest.read import UnreadableArticle, read_article
from app.ingest.store import store_article

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


def extracted(
    paths: list[Path], workers: int
) -> Iterator[tuple[Path, ExtractedArticle | None, str | None]]:
    """Extraction results in input order, from `workers` processes (1 = this process)."""
    if workers <= 1:
        yield from map(extract_file, paths)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=_warm_up) as pool:
        yield from pool.map(extract_file, paths, chunksize=4)


def ingest(
    paths: Iterable[Path],
    engine: Engine,
    workers: int = 1,
    on_file: Callable[[Path, str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    shard: tuple[int, int] | None = None,
) -> Summary:
    """Extract and store every article under `paths` (or shard K of N of them); failures are
    collected, not raised."""
    paths = list(paths)
    files, failures = discover(paths)
    if shard is not None:
        files = in_shard(files, paths, shard)
    summary = Summary(failures=failures)
    topic_names = load_resources().taxonomy.names()
    if on_start:
        on_start(len(files))
    for path, article, error in extracted(files, workers):
        if article is None:
            summary.failures.append(Failure(str(path), error or "unknown error"))
            status = "failed"
        else:
            result = store_article(engine, str(path), article, topic_names)
            status = result.status
            setattr(summary, status, getattr(summary, status) + 1)
            summary.quotes += result.quotes
            summary.speaker_ids |= result.speaker_ids
        if on_file:
            on_file(path, status)
    return summary
