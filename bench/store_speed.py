"""Store speed alone: articles extracted once (cached), then stored into a fresh SQLite file.

    .venv/bin/python -m bench.store_speed /tmp/bench/articles --limit 1000
    .venv/bin/python -m bench.store_speed /tmp/bench/articles --limit 1000 --dump rows.txt
    .venv/bin/python -m bench.store_speed /tmp/bench/articles --limit 1000 --profile

The extraction is cached beside the articles' list in --cache (a pickle), so repeated runs time
the store only. `--dump` writes every stored row (ids included, ingest times left out) in a
stable order: two versions of the store that write the same rows write the same dump.
"""

import argparse
import hashlib
import pickle
import tempfile
import time
from pathlib import Path

from sqlalchemy import text

from app.db import make_engine
from app.extract.article import ExtractedArticle, load_resources
from app.ingest.pipeline import extract_file
from app.ingest.store import store_article
from app.schema import upgrade

# Each table's columns in a stable order; article.ingested_at differs from run to run.
DUMP = {
    "article": "id, content_hash, source, title, outlet, published, text",
    "speaker": "id, slug, name, country, role",
    "speaker_alias": "id, speaker_id, alias, key",
    "topic": "id, slug, name",
    "quote": 'id, article_id, speaker_id, speaker_as_printed, text, start, "end", kind, cue, '
    "confidence, position, sentence_start, sentence_end, published",
    "quote_topic": "quote_id, topic_id, published",
    "quote_fts": "rowid, text",
}


def extracted(files: list[Path], cache: Path) -> list[tuple[str, ExtractedArticle]]:
    """The extraction of `files`, from `cache` when it holds exactly these files."""
    key = hashlib.sha256("\n".join(map(str, files)).encode()).hexdigest()
    if cache.exists():
        saved_key, articles = pickle.loads(cache.read_bytes())
        if saved_key == key:
            return articles
    articles = []
    for path, article, error in map(extract_file, files):
        if article is None:
            raise SystemExit(f"{path}: {error}")
        articles.append((str(path), article))
    cache.write_bytes(pickle.dumps((key, articles)))
    return articles


def store_all(url: str, articles: list[tuple[str, ExtractedArticle]]) -> tuple[float, float]:
    """Store every article through a writer engine; returns the seconds taken, wall and CPU."""
    engine = make_engine(url, writer=True)
    names = load_resources().taxonomy.names()
    started, cpu = time.perf_counter(), time.process_time()
    for source, article in articles:
        store_article(engine, source, article, names)
    seconds = time.perf_counter() - started, time.process_time() - cpu
    engine.dispose()
    return seconds


def dump(url: str, out: Path) -> None:
    engine = make_engine(url)
    with engine.connect() as conn, out.open("w", encoding="utf-8") as f:
        for table, columns in DUMP.items():
            for row in conn.execute(text(f"SELECT {columns} FROM {table} ORDER BY 1, 2")):
                f.write(f"{table}\t{tuple(row)!r}\n")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("articles_dir", type=Path)
    parser.add_argument("--limit", type=int, default=1000, help="use the first N articles")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/store-speed-articles.pickle"))
    parser.add_argument("--dump", type=Path, help="write the stored rows to this file")
    parser.add_argument("--profile", action="store_true", help="print a pyinstrument profile")
    args = parser.parse_args()
    files = sorted(args.articles_dir.rglob("*.txt"))[: args.limit]
    articles = extracted(files, args.cache)
    quotes = sum(len(a.quotes) for _, a in articles)
    with tempfile.TemporaryDirectory(prefix="store-speed-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'store.db'}"
        upgrade(url)
        if args.profile:
            from pyinstrument import Profiler

            with Profiler() as profiler:
                wall, cpu = store_all(url, articles)
            profiler.print(show_all=False)
        else:
            wall, cpu = store_all(url, articles)
        if args.dump:
            dump(url, args.dump)
    per_article = 1000 / len(articles)
    print(
        f"stored {len(articles)} articles ({quotes} quotes) in {wall:.2f} s: "
        f"{wall * per_article:.2f} ms per article ({cpu * per_article:.2f} ms CPU)"
    )


if __name__ == "__main__":
    main()
