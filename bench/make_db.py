"""Build a migrated SQLite database full of synthetic quotes, fast, for benchmarks.

    .venv/bin/python -m bench.make_db /tmp/bench/quotes-1m.db --quotes 1000000 --seed 1

Rows go straight into the tables with executemany in large transactions (not through the
ingest pipeline); the indexes, the FTS index and its triggers are built once at the end.
Prints rows, seconds, the database size and the raw article text size.
"""

import argparse
import sqlite3
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from app.extract.speakers.names import normalise_name, sort_key
from app.ingest.store import content_hash, listed_topics
from app.schema import upgrade
from bench.bulk import connect, finish, indexes_deferred
from bench.compose import Article
from bench.corpus import World, article_path

TABLES = ("article", "speaker", "speaker_alias", "topic", "quote", "quote_topic", "statement")
BATCH = 2000  # articles per transaction
INSERT = {
    "article": "INSERT INTO article (id, content_hash, source, title, outlet, published, text, "
    "ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "quote": "INSERT INTO quote (id, article_id, speaker_id, speaker_as_printed, text, start, "
    '"end", kind, cue, confidence, position, sentence_start, sentence_end, published, '
    "topic_ids) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "quote_topic": "INSERT INTO quote_topic (quote_id, topic_id, published) VALUES (?, ?, ?)",
}


def load_people_and_topics(conn: sqlite3.Connection, world: World) -> dict[str, int]:
    """Insert speakers, their aliases and the topics; returns topic row ids by slug."""
    speakers = sorted(world.speakers, key=lambda s: s.id)
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO speaker (id, slug, name, country, role, sort_key) VALUES (?, ?, ?, ?, ?, ?)",
        [(s.id, s.slug, s.name, s.country, s.role, sort_key(s.name)) for s in speakers],
    )
    conn.executemany(
        "INSERT INTO speaker_alias (speaker_id, alias, key) VALUES (?, ?, ?)",
        [(s.id, alias, normalise_name(alias)) for s in speakers for alias in s.aliases],
    )
    topic_ids = {t.id: n for n, t in enumerate(world.topics, 1)}
    conn.executemany(
        "INSERT INTO topic (id, slug, name) VALUES (?, ?, ?)",
        [(topic_ids[t.id], t.id, t.name) for t in world.topics],
    )
    conn.execute("COMMIT")
    return topic_ids


class Rows:
    """Row tuples for a batch of articles, with ids assigned here (the database is new)."""

    def __init__(self, topic_ids: dict[str, int], ingested_at: str):
        self.topic_ids, self.ingested_at = topic_ids, ingested_at
        self.quote_id = 0
        self.clear()

    def clear(self) -> None:
        self.tables: dict[str, list[tuple]] = {name: [] for name in INSERT}

    def add(self, number: int, article: Article) -> None:
        article_id, published = number + 1, article.published.isoformat()
        self.tables["article"].append(
            (
                article_id,
                content_hash(article.text),
                f"synthetic/{article_path(number)}",
                article.title,
                article.outlet,
                published,
                article.text,
                self.ingested_at,
            )
        )
        for position, q in enumerate(article.quotes):
            self.quote_id += 1
            self.tables["quote"].append(
                (
                    self.quote_id,
                    article_id,
                    q.speaker.id if q.speaker else None,
                    q.mention,
                    q.text,
                    q.start,
                    q.end,
                    q.kind,
                    q.cue,
                    q.confidence,
                    position,
                    q.sentence_start,
                    q.sentence_end,
                    published,
                    listed_topics(self.topic_ids[t] for t in q.topics),
                )
            )
            self.tables["quote_topic"].extend(
                (self.quote_id, self.topic_ids[topic], published) for topic in q.topics
            )

    def flush(self, conn: sqlite3.Connection) -> None:
        conn.execute("BEGIN")
        for table, rows in self.tables.items():
            conn.executemany(INSERT[table], rows)
        conn.execute("COMMIT")
        self.clear()


def load_articles(
    conn: sqlite3.Connection, world: World, quotes: int, topic_ids: dict[str, int]
) -> tuple[int, int]:
    """Insert articles until `quotes` quotes are stored; returns (articles, text bytes)."""
    ingested_at = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    rows, text_bytes, count = Rows(topic_ids, ingested_at), 0, 0
    for number, article in world.articles():
        rows.add(number, article)
        text_bytes += len(article.text.encode("utf-8"))
        count = number + 1
        if count % BATCH == 0:
            rows.flush(conn)
            print(f"\r{count} articles, {rows.quote_id} quotes", end="", file=sys.stderr)
        if rows.quote_id >= quotes:
            break
    rows.flush(conn)
    print(file=sys.stderr)
    return count, text_bytes


def give_statements(conn: sqlite3.Connection) -> None:
    """Every attributed quote a statement of its own, as ingest leaves a quote no other outlet
    reported (`db check` expects one). Without them, and with ANALYZE's statistics saying every
    quote shares one empty statement, the store's look-up of a statement's reports scanned the
    million quotes of each article ingested into the database."""
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO statement (id, speaker_id, lead_quote_id, reports, outlets, first_published)"
        " SELECT id, speaker_id, id, 1, 1, published FROM quote WHERE speaker_id IS NOT NULL"
    )
    conn.execute("UPDATE quote SET statement_id = id WHERE speaker_id IS NOT NULL")
    conn.execute("COMMIT")


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def build(path: Path, quotes: int, seed: int) -> None:
    timings: dict[str, float] = {}
    started = last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        timings[name], last = time.perf_counter() - last, time.perf_counter()

    upgrade(f"sqlite:///{path}")
    conn = connect(str(path))
    world = World(seed)
    lap("migrate")
    with indexes_deferred(conn, TABLES):
        topic_ids = load_people_and_topics(conn, world)
        articles, text_bytes = load_articles(conn, world, quotes, topic_ids)
        give_statements(conn)
        lap("insert rows")
    lap("indexes + FTS rebuild")
    finish(conn)
    lap("check + ANALYZE")
    report(conn, path, timings, time.perf_counter() - started, text_bytes)
    conn.close()


def report(
    conn: sqlite3.Connection, path: Path, timings: dict[str, float], total: float, text_bytes: int
) -> None:
    for table, n in table_counts(conn).items():
        print(f"{table:<14} {n:>10,} rows")
    for name, seconds in timings.items():
        print(f"{name:<22} {seconds:7.1f} s")
    print(f"{'total':<22} {total:7.1f} s")
    size = path.stat().st_size
    print(
        f"database {size / 1e6:,.0f} MB; raw article text {text_bytes / 1e6:,.0f} MB; "
        f"ratio {size / text_bytes:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("db_path", type=Path)
    parser.add_argument(
        "--quotes",
        type=int,
        default=1_000_000,
        help="quotes to store (the last article may add a few)",
    )
    parser.add_argument("--seed", type=int, default=1, help="same seed, same database")
    parser.add_argument("--replace", action="store_true", help="overwrite an existing file")
    args = parser.parse_args()
    if args.quotes < 1:
        parser.error("--quotes must be at least 1")
    if args.db_path.exists() and not args.replace:
        parser.error(f"{args.db_path} exists; pass --replace to overwrite it")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{args.db_path}{suffix}").unlink(missing_ok=True)
    args.db_path.parent.mkdir(parents=True, exist_ok=True)
    build(args.db_path, args.quotes, args.seed)


if __name__ == "__main__":
    main()
