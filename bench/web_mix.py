"""The web benchmark's request mix, chosen from the database itself so every run asks the same.

Each `Endpoint` is one of diplomat's pages; where Datasette can answer the same question (its
table view with the same filters, its FTS search, its row page, its CSV export) the equivalent
Datasette paths are attached, as HTML and as JSON. Choices are deterministic: the most quoted
speaker, that speaker's commonest topic, a year of their country's quotes, a common and a rare
indexed word, and the speaker whose quote count is nearest 10,000 for the CSV export.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from app.queries.filters import encode_cursor

PAGE_SIZE = 20  # diplomat's page size; Datasette is asked for the same with _size
CURSOR_PAGE = 1000  # or the speaker's last full page, in a smaller database
CSV_ROWS = 10_000
YEAR = ("2020-01-01", "2020-12-31")
# Datasette does not find quote_fts by itself (it looks for content="quote"; the schema says
# content='quote'): without these its _search is ignored and it lists every quote.
FTS = {"_fts_table": "quote_fts", "_fts_pk": "id"}


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    # Datasette's equivalent table-view query string (without format), or None.
    datasette: str | None = None
    kind: str = "list"  # list, search, speaker, export, other: which target applies


@dataclass(frozen=True)
class Picks:
    speaker_id: int
    slug: str
    second_slug: str
    country: str
    topic_id: int
    topic_slug: str
    common_word: str
    rare_word: str
    csv_speaker_id: int
    csv_slug: str
    csv_rows: int
    cursor_day: str
    cursor_id: int
    cursor_page: int = CURSOR_PAGE


def pick(db: Path) -> Picks:
    """Read the deterministic choices out of the database (read-only)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        top = conn.execute(
            "SELECT speaker_id, count(*) n FROM quote WHERE speaker_id IS NOT NULL "
            "GROUP BY speaker_id ORDER BY n DESC, speaker_id LIMIT 2"
        ).fetchall()
        (speaker_id, _), (second_id, _) = top
        slug, country = conn.execute(
            "SELECT slug, country FROM speaker WHERE id = ?", (speaker_id,)
        ).fetchone()
        (second_slug,) = conn.execute(
            "SELECT slug FROM speaker WHERE id = ?", (second_id,)
        ).fetchone()
        topic_id, topic_slug = conn.execute(
            "SELECT t.id, t.slug FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id "
            "JOIN topic t ON t.id = qt.topic_id WHERE q.speaker_id = ? "
            "GROUP BY t.id ORDER BY count(*) DESC, t.id LIMIT 1",
            (speaker_id,),
        ).fetchone()
        common, rare = _words(conn)
        csv_id, csv_slug, csv_rows = conn.execute(
            "SELECT s.id, s.slug, count(*) n FROM quote q JOIN speaker s ON s.id = q.speaker_id "
            "GROUP BY s.id ORDER BY abs(count(*) - ?), s.id LIMIT 1",
            (CSV_ROWS,),
        ).fetchone()
        # The last row of page 999 in the speaker's newest-first list: its key opens page 1,000.
        (dated,) = conn.execute(
            "SELECT count(published) FROM quote WHERE speaker_id = ?", (speaker_id,)
        ).fetchone()
        page = max(2, min(CURSOR_PAGE, dated // PAGE_SIZE))
        day, ident = conn.execute(
            "SELECT published, id FROM quote WHERE speaker_id = ? AND published IS NOT NULL "
            "ORDER BY published DESC, id DESC LIMIT 1 OFFSET ?",
            (speaker_id, (page - 1) * PAGE_SIZE - 1),
        ).fetchone()
    finally:
        conn.close()
    return Picks(
        speaker_id, slug, second_slug, country, topic_id, topic_slug, common, rare,
        csv_id, csv_slug, csv_rows, day, ident, page,
    )  # fmt: skip


def _words(conn: sqlite3.Connection) -> tuple[str, str]:
    """The indexed word (a Porter stem) of 5+ letters in the most quotes, and the one in the
    fewest (the synthetic vocabulary is small: even the rarest is in hundreds of quotes)."""
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, quote_fts, col)")
    words = "FROM temp.vocab WHERE col = 'text' AND length(term) >= 5 AND term NOT GLOB '*[^a-z]*'"
    common = conn.execute(f"SELECT term {words} ORDER BY doc DESC, term LIMIT 1").fetchone()
    rare = conn.execute(f"SELECT term {words} ORDER BY doc, term LIMIT 1").fetchone()
    return common[0], rare[0]


def _ds(**params: object) -> str:
    return urlencode({"_size": PAGE_SIZE, **params})


def endpoints(p: Picks) -> list[Endpoint]:
    """The mix: diplomat paths with their Datasette equivalents where one exists."""
    in_topic = f"id in (select quote_id from quote_topic where topic_id = {p.topic_id})"
    in_country = f"speaker_id in (select id from speaker where country = '{p.country}')"
    cursor = encode_cursor("newest", p.cursor_day, p.cursor_id)
    newest = {"_sort_desc": "published"}
    return [
        Endpoint("home", "/", _ds(**newest)),
        Endpoint("speaker filter", f"/?speaker={p.slug}", _ds(speaker_id=p.speaker_id, **newest)),
        Endpoint(
            "speaker + topic",
            f"/?speaker={p.slug}&topic={p.topic_slug}",
            _ds(speaker_id=p.speaker_id, _where=in_topic, **newest),
        ),
        Endpoint(
            "country + dates",
            f"/?country={p.country}&from={YEAR[0]}&to={YEAR[1]}",
            _ds(_where=in_country, published__gte=YEAR[0], published__lte=YEAR[1], **newest),
        ),
        Endpoint(
            "search common",
            f"/search?q={p.common_word}",
            _ds(_search=p.common_word, **FTS),
            "search",
        ),
        Endpoint(
            "search rare", f"/search?q={p.rare_word}", _ds(_search=p.rare_word, **FTS), "search"
        ),
        Endpoint(
            f"cursor page {p.cursor_page}",
            f"/?speaker={p.slug}&after={cursor}",
            _ds(speaker_id=p.speaker_id, _next=f"{p.cursor_day},{p.cursor_id}", **newest),
        ),
        Endpoint("speaker page", f"/speakers/{p.slug}", None, "speaker"),
        Endpoint("topic page", f"/topics/{p.topic_slug}", _ds(_where=in_topic, **newest)),
        Endpoint(
            "compare",
            f"/compare?speakers={p.slug},{p.second_slug}&topic={p.topic_slug}",
            None,
            "other",
        ),  # fmt: skip
        Endpoint(
            f"CSV {p.csv_rows:,} rows",
            f"/quotes.csv?speaker={p.csv_slug}",
            urlencode({"speaker_id": p.csv_speaker_id, "_stream": "on", "_size": "max"}),
            "export",
        ),
    ]


def datasette_path(db_name: str, endpoint: Endpoint, fmt: str) -> str:
    """Datasette's URL for `endpoint` as `fmt` ('html', 'json' or 'csv')."""
    suffix = "" if fmt == "html" else f".{fmt}"
    return f"/{quote(db_name)}/quote{suffix}?{endpoint.datasette}"


def datasette_row_path(db_name: str, speaker_id: int, fmt: str) -> str:
    """Datasette's row page for the speaker (it counts the rows that link to it)."""
    return f"/{quote(db_name)}/speaker/{speaker_id}{'' if fmt == 'html' else '.json'}"
