"""What the long-tail URLs are made from, read out of the database once (read-only sqlite3).

Speakers with their quote counts, the speaker-topic pairs, the months each country and topic has
quotes in, and the FTS vocabulary (`fts5vocab`); cursor keys and search matches are looked up
one by one, only for the URLs a run needs.
"""

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

# Indexed words (Porter stems) a reader might type: in the text (not a kind or month token),
# letters only, five or more of them.
WORDS = "FROM temp.tail_vocab WHERE col = 'text' AND length(term) >= 5 AND term NOT GLOB '*[^a-z]*'"
TOKENIZE = re.compile(r"tokenize\s*=\s*'([^']*)'")
# Not searched for (nor their stems): the stop words of five letters or more that PostgreSQL's
# english configuration drops (tsearch_data/english.stop), so a search for one finds nothing.
STOP_WORDS = frozenset(
    "myself ourselves yours yourself yourselves himself herself itself their theirs themselves "
    "which these those being having doing because until while about against between through "
    "during before after above below under again further there where other should".split()
)


@dataclass(frozen=True)
class Speaker:
    id: int
    slug: str
    country: str | None
    dated: int  # quotes with a date: what the newest-first list pages through


@dataclass
class Facts:
    db_name: str  # Datasette's name for the database: the file's stem
    quotes: int
    speakers: list[Speaker]  # those with at least one quote, by id
    topics: dict[int, str]  # id -> slug
    speaker_topics: list[tuple[int, int, int]]  # (speaker id, topic id, quotes), by both ids
    country_months: dict[str, set[str]]  # country -> "YYYY-MM" months with quotes
    topic_months: dict[int, set[str]]
    vocabulary: list[tuple[str, int]]  # (term, quotes holding it), commonest first
    conn: sqlite3.Connection

    def cursor_key(self, speaker_id: int, offset: int) -> tuple[str, int] | None:
        """(published, id) of the row at `offset` in the speaker's newest-first dated list."""
        row = self.conn.execute(
            "SELECT published, id FROM quote WHERE speaker_id = ? AND published IS NOT NULL "
            "ORDER BY published DESC, id DESC LIMIT 1 OFFSET ?",
            (speaker_id, offset),
        ).fetchone()
        return (row[0], row[1]) if row else None

    def matches_any(self, words: tuple[str, ...]) -> bool:
        """True when some quote holds every one of `words`."""
        query = " ".join(f'"{word}"' for word in words)
        sql = "SELECT 1 FROM quote_fts WHERE quote_fts MATCH ? LIMIT 1"
        return self.conn.execute(sql, (query,)).fetchone() is not None


def read_facts(db: Path) -> Facts:
    """Read everything but the lazy look-ups; the connection stays open for those."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    (quotes,) = conn.execute("SELECT count(*) FROM quote").fetchone()
    speakers = [
        Speaker(*row)
        for row in conn.execute(
            "SELECT s.id, s.slug, s.country, count(q.published) FROM speaker s "
            "JOIN quote q ON q.speaker_id = s.id GROUP BY s.id ORDER BY s.id"
        )
    ]
    topics = dict(conn.execute("SELECT id, slug FROM topic ORDER BY id").fetchall())
    speaker_topics = conn.execute(
        "SELECT q.speaker_id, qt.topic_id, count(*) FROM quote_topic qt "
        "JOIN quote q ON q.id = qt.quote_id WHERE q.speaker_id IS NOT NULL "
        "GROUP BY q.speaker_id, qt.topic_id ORDER BY q.speaker_id, qt.topic_id"
    ).fetchall()
    country_months = _months(
        conn,
        "SELECT DISTINCT s.country, substr(q.published, 1, 7) FROM quote q "
        "JOIN speaker s ON s.id = q.speaker_id "
        "WHERE s.country IS NOT NULL AND q.published IS NOT NULL",
    )
    topic_months = _months(
        conn,
        "SELECT DISTINCT qt.topic_id, substr(q.published, 1, 7) FROM quote_topic qt "
        "JOIN quote q ON q.id = qt.quote_id WHERE q.published IS NOT NULL",
    )
    conn.execute("CREATE VIRTUAL TABLE temp.tail_vocab USING fts5vocab(main, quote_fts, col)")
    terms = conn.execute(f"SELECT term, doc {WORDS} ORDER BY doc DESC, term").fetchall()
    typed = _typed_words(conn, [t for t, _ in terms])
    vocabulary = [(t, n) for t, n in terms if t in typed]
    return Facts(
        db.stem, quotes, speakers, topics, speaker_topics, country_months, topic_months,
        vocabulary, conn,
    )  # fmt: skip


def _typed_words(conn: sqlite3.Connection, terms: list[str]) -> set[str]:
    """The terms a reader's search finds as they are: left alone by the index's tokenizer
    ("propos", the stem of "proposal", is itself stemmed to "propo"), and not a stop word's
    stem."""
    stems = _stems(conn, [*terms, *STOP_WORDS])
    stopped = set(stems[len(terms) :])
    return {t for t, stem in zip(terms, stems, strict=False) if stem == t and t not in stopped}


def _stems(conn: sqlite3.Connection, words: list[str]) -> list[str | None]:
    """What the index's tokenizer makes of each word, through a scratch FTS5 table."""
    (schema,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quote_fts'").fetchone()
    tokenize = (m := TOKENIZE.search(schema)) and m[1] or "porter unicode61"
    conn.execute("DROP TABLE IF EXISTS temp.tail_stem")
    conn.execute(f"CREATE VIRTUAL TABLE temp.tail_stem USING fts5(t, tokenize='{tokenize}')")
    conn.executemany("INSERT INTO temp.tail_stem (rowid, t) VALUES (?, ?)", enumerate(words))
    conn.execute("CREATE VIRTUAL TABLE temp.tail_stems USING fts5vocab(temp, tail_stem, instance)")
    stems = dict(conn.execute("SELECT doc, term FROM temp.tail_stems"))
    conn.execute("DROP TABLE temp.tail_stems")
    return [stems.get(n) for n in range(len(words))]


def _months(conn: sqlite3.Connection, sql: str) -> dict:
    found: dict = {}
    for key, month in conn.execute(sql):
        found.setdefault(key, set()).add(month)
    return found
