"""Dataset dumps: one article a record, in JSON Lines or CSV, read as a stream.

A record has `text` (required) and any of `title`, `url`, `outlet`, `published`, `author`,
`language` and `id`; a dump that names them otherwise is mapped (`--field text=body`). Records
are read one at a time, so a dump of any size ingests in constant memory, and a bad record
(not JSON, no text, a date that is not one) fails alone, named by its line number.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

from app.ingest.discovery import Failure
from app.ingest.sources.document import Document, Metadata
from app.ingest.sources.values import BadValue, date_value, text_value, url_value

DUMP_SUFFIXES = {".jsonl", ".csv"}
FIELDS = ("text", "title", "url", "outlet", "published", "author", "language", "id")
# A record holds one article plus its metadata: the article limit and this much more.
RECORD_SLACK = 64_000


class BadFieldMap(ValueError):
    """A --field option that cannot be used; the message says why."""


def field_map(options: Iterable[str]) -> dict[str, str]:
    """Our field name -> the dump's, from options such as "text=body"."""
    names = {name: name for name in FIELDS}
    for option in options:
        ours, sep, theirs = option.partition("=")
        ours, theirs = ours.strip(), theirs.strip()
        if not sep or not theirs:
            raise BadFieldMap(f"--field {option!r}: expected FIELD=NAME, e.g. --field text=body")
        if ours not in names:
            raise BadFieldMap(f"--field {option!r}: {ours!r} is not one of {', '.join(FIELDS)}")
        names[ours] = theirs
    return names


def read_dump(
    path: Path, source: str, fields: dict[str, str], max_bytes: int | None = None
) -> Iterator[Document | Failure]:
    """The dump's articles in order, each bad record as a Failure naming its line."""
    reader = read_csv if path.suffix.lower() == ".csv" else read_jsonl
    try:
        with path.open("rb") as stream:
            yield from reader(stream, source, fields, max_bytes)
    except OSError as error:
        yield Failure(source, error.strerror or str(error))


def read_jsonl(
    stream: IO[bytes], source: str, fields: dict[str, str], max_bytes: int | None
) -> Iterator[Document | Failure]:
    for number, line in _lines(stream, (max_bytes or 0) + RECORD_SLACK if max_bytes else None):
        where = f"{source}:{number}"
        if line is None:
            yield Failure(where, "record too large for one article (MAX_ARTICLE_MB)")
            continue
        if not line.strip():
            continue
        try:
            record = json.loads(line.removeprefix(b"\xef\xbb\xbf").strip())
        except (ValueError, UnicodeDecodeError) as error:
            yield Failure(where, f"not a JSON record ({error})")
            continue
        if not isinstance(record, dict):
            yield Failure(where, f"not a JSON object but {type(record).__name__}")
            continue
        yield _document(record, fields, source, number)


def read_csv(
    stream: IO[bytes], source: str, fields: dict[str, str], max_bytes: int | None
) -> Iterator[Document | Failure]:
    # The limit is per process; one article's text must fit in a field.
    csv.field_size_limit(max(csv.field_size_limit(), (max_bytes or 0) + RECORD_SLACK))
    reader = csv.reader(_decoded(stream))
    try:
        header = [name.strip() for name in next(reader)]
    except (StopIteration, csv.Error):
        yield Failure(source, "no CSV header line")
        return
    if fields["text"] not in header:
        yield Failure(
            source,
            f"no {fields['text']!r} column (columns: {', '.join(header)}); "
            "name the text column with --field text=COLUMN",
        )
        return
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield Failure(f"{source}:{start}", f"not a CSV record ({error})")
            continue
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            reason = f"{len(row)} fields where the header has {len(header)}"
            yield Failure(f"{source}:{start}", reason)
            continue
        yield _document(dict(zip(header, row, strict=True)), fields, source, start)


def _document(record: dict, fields: dict[str, str], source: str, number: int) -> Document | Failure:
    """The record as a Document; given metadata is checked, a bad value fails the record."""
    where = f"{source}:{number}"
    try:
        text = text_value(record.get(fields["text"]), fields["text"])
        if not text or not text.strip():
            return Failure(where, f"no text (field {fields['text']!r})")
        key = text_value(record.get(fields["id"]), fields["id"], numbers=True)
        meta = Metadata(
            title=text_value(record.get(fields["title"]), fields["title"]),
            url=url_value(record.get(fields["url"]), fields["url"]),
            outlet=text_value(record.get(fields["outlet"]), fields["outlet"]),
            published=date_value(record.get(fields["published"]), fields["published"]),
            author=text_value(record.get(fields["author"]), fields["author"]),
            language=text_value(record.get(fields["language"]), fields["language"]),
        )
    except BadValue as error:
        return Failure(where, str(error))
    if key:
        return Document(f"{source}#{key}", text, meta)
    return Document(where, text, meta, stable=False)


def _lines(stream: IO[bytes], limit: int | None) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) pairs; a line longer than `limit` is skipped unread (None)."""
    number = 0
    while True:
        line = stream.readline(limit + 1) if limit else stream.readline()
        if not line:
            return
        number += 1
        if limit and len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def _decoded(stream: IO[bytes]) -> Iterator[str]:
    """Lines of a CSV file as text: UTF-8 (with or without BOM), else cp1252, line by line,
    so one badly encoded record does not stop the rest."""
    for number, line in enumerate(stream):
        if number == 0:
            line = line.removeprefix(b"\xef\xbb\xbf")
        try:
            yield line.decode("utf-8")
        except UnicodeDecodeError:
            yield line.decode("cp1252", errors="replace")
