"""Quotes as CSV text (RFC 4180), in chunks for a streamed response.

Lines are written here rather than by the csv module: it looks at every character of every
cell, 25 ms for a 10,000-quote export, where quoting only the free-text cells with
str.replace takes 9 ms (bench.profile_pages). The other cells are numbers, ISO dates, slugs,
codes and our own URLs, which never hold a comma, quote or line break.
"""

from collections.abc import Iterable, Iterator
from itertools import islice

from app.queries.export import EXPORT_COLUMNS

# The export's columns, with the quote's words headed "quote" and the article id replaced by
# links to the quote and the article (csv_lines writes them in this order).
CSV_COLUMNS = (
    *("quote" if name == "text" else name for name in EXPORT_COLUMNS if name != "article_id"),
    "quote_url",
    "article_url",
)
CSV_BATCH = 1000  # rows per chunk sent: ≈ 300 kB, one thread hop each

# A cell starting with one of these is run as a formula by spreadsheets.
_FORMULA_STARTS = frozenset("=+-@")


def csv_chunks(rows: Iterable[tuple], quote_url: str, article_url: str) -> Iterator[str]:
    """The header line, then `rows` (in EXPORT_COLUMNS order) as CSV, CSV_BATCH rows a chunk.
    `quote_url` and `article_url` hold '{}' where the id goes."""
    yield csv_line(*CSV_COLUMNS)
    lines = csv_lines(rows, quote_url, article_url)
    while chunk := "".join(islice(lines, CSV_BATCH)):
        yield chunk


def csv_line(*cells: str) -> str:
    return ",".join(map(text_cell, cells)) + "\r\n"


def csv_lines(rows: Iterable[tuple], quote_url: str, article_url: str) -> Iterator[str]:
    quote_link, article_link = text_cell(quote_url).format, text_cell(article_url).format
    for (id_, published, speaker, slug, as_printed, country, text, kind, cue, confidence,
         topics, outlet, title, article_id) in rows:  # fmt: skip
        yield (
            f"{id_},{published or ''},{text_cell(speaker)},{slug or ''},"
            f"{text_cell(as_printed)},{country or ''},{text_cell(text)},{kind},"
            f"{text_cell(cue)},{confidence:.2f},{text_cell(topics)},{text_cell(outlet)},"
            f"{text_cell(title)},{quote_link(id_)},{article_link(article_id)}\r\n"
        )


def text_cell(value: str | None) -> str:
    """Free text, quoted; a leading apostrophe keeps a spreadsheet from running it."""
    if not value:
        return ""
    if value[0] in _FORMULA_STARTS:
        value = "'" + value
    return '"' + value.replace('"', '""') + '"'
