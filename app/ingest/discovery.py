"""Which files an ingest reads: article files under the paths given (folders recursively,
symlink loops walked once, unreadable folders reported), and the shard K of N a file is in."""

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.ingest.files import source_name

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}


@dataclass
class Failure:
    path: str
    reason: str


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Failure]]:
    """Article files under `paths` (folders recursively, symlink loops ignored), sorted."""
    found: list[Path] = []
    failures: list[Failure] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path, failures))
        elif path.is_file():
            found.append(path)
        else:
            failures.append(Failure(source_name(path), "no such file or folder"))
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


def _walk(folder: Path, failures: list[Failure]) -> Iterator[Path]:
    """Article files under `folder`; a sub-folder that cannot be read is a failure, not a
    silent gap."""
    seen: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        where = source_name(Path(error.filename or folder))
        failures.append(Failure(where, f"folder not read: {error.strerror or error}"))

    for root, dirs, files in os.walk(folder, onerror=unreadable, followlinks=True):
        stat = os.stat(root)
        if (stat.st_dev, stat.st_ino) in seen:
            dirs.clear()  # a symlink loop: this folder was already walked
            continue
        seen.add((stat.st_dev, stat.st_ino))
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in ARTICLE_SUFFIXES:
                yield Path(root) / name
