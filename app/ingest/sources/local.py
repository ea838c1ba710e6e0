"""Articles on disk: the files under the paths given (read in a worker) and dataset dumps
(streamed), each named by its path relative to what was given, never by a server path."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from app.ingest.discovery import Failure, discover, shard_key, shard_of
from app.ingest.files import HTML_SUFFIXES, UnreadableArticle, read_file_text, source_name
from app.ingest.sources.document import Document
from app.ingest.sources.dumps import DUMP_SUFFIXES, read_dump
from app.ingest.sources.html import read_html
from app.ingest.sources.markdown import markdown_to_text


@dataclass(frozen=True)
class ArticleFile:
    """An article file still to be read: `source` is its stored name, `path` where it is."""

    path: Path
    source: str


def local_items(
    paths: list[Path],
    fields: dict[str, str],
    max_bytes: int | None = None,
    shard: tuple[int, int] | None = None,
) -> tuple[Iterator[ArticleFile | Document | Failure], int | None]:
    """Work for the pipeline from files, folders and dumps, and how many items there are
    (None when a dump is among them: its records are counted only as they are read)."""
    files, failures = discover(paths)
    if shard is not None:
        number, count = shard
        files = [f for f in files if shard_of(shard_key(f, paths), count) == number]
    dumps = any(f.suffix.lower() in DUMP_SUFFIXES for f in files)

    def items() -> Iterator[ArticleFile | Document | Failure]:
        yield from failures
        for path in files:
            source = source_of(path, paths)
            if path.suffix.lower() not in DUMP_SUFFIXES:
                yield ArticleFile(path, source)
                continue
            for record in read_dump(path, source, fields, max_bytes):
                if shard is None or isinstance(record, Failure):
                    yield record
                elif shard_of(record.source, shard[1]) == shard[0]:
                    yield record

    return items(), None if dumps else len(failures) + len(files)


def source_of(path: Path, roots: list[Path]) -> str:
    """How a file is named in the database: relative to the folder it was found under, after
    that folder's own name ("examples/05_iran.html"); a file given by itself, by its name."""
    for root in roots:
        if root.is_dir() and path.is_relative_to(root):
            return source_name(Path(root.resolve().name) / path.relative_to(root))
    return source_name(Path(path.name))


MARKDOWN_SUFFIXES = {".md", ".markdown"}


def read_document(item: ArticleFile, max_bytes: int | None = None) -> Document:
    """Read one article file; HTML pages give their metadata too, Markdown becomes prose."""
    text = read_file_text(item.path, max_bytes)
    suffix = item.path.suffix.lower()
    if suffix in MARKDOWN_SUFFIXES:
        return Document(item.source, markdown_to_text(text))
    if suffix not in HTML_SUFFIXES:
        return Document(item.source, text)
    text, meta = read_html(text)
    if not text.strip():
        raise UnreadableArticle("no article text in the HTML")
    return Document(item.source, text, meta)
