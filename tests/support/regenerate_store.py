"""Rewrite tests/fixtures/store/: extracted articles (the store's input) and the rows the store
writes for them, ids included.

articles.json follows the extractor (examples/ and a synthetic corpus rich in respellings and
shared surnames); rows.json follows the store, whose output should not change when it is only
made faster: review the diff before committing.

    .venv/bin/python -m tests.support.regenerate_store
"""

import datetime
import json
import tempfile
from dataclasses import asdict, replace
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.db import make_engine
from app.extract.article import ExtractedArticle, ExtractedQuote, load_resources
from app.ingest.discovery import discover
from app.ingest.pipeline import extract_file
from app.ingest.store import store_article
from app.schema import upgrade
from bench.corpus import World

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "store"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# A small world, so its people recur across articles under several spellings.
SYNTHETIC, PEOPLE = 20, 30
# Every column but article text (its hash stands for it) and ingest time, in id order.
TABLES = {
    "article": "SELECT id, content_hash, source, title, outlet, published FROM article",
    "speaker": "SELECT id, slug, name, country, role FROM speaker",
    "speaker_alias": "SELECT id, speaker_id, alias, key FROM speaker_alias",
    "topic": "SELECT id, slug, name FROM topic",
    "quote": """SELECT id, article_id, speaker_id, speaker_as_printed, text, start, "end", kind,
        cue, confidence, position, sentence_start, sentence_end, published FROM quote""",
    "quote_topic": "SELECT quote_id, topic_id FROM quote_topic",
}


def load_articles() -> list[tuple[str, ExtractedArticle]]:
    records = json.loads((FIXTURES / "articles.json").read_text(encoding="utf-8"))
    return [(r["source"], _article(r["article"])) for r in records]


def _article(record: dict) -> ExtractedArticle:
    quotes = tuple(ExtractedQuote(**{**q, "topics": tuple(q["topics"])}) for q in record["quotes"])
    date = datetime.date.fromisoformat(record["date"]) if record["date"] else None
    return ExtractedArticle(**{**record, "date": date, "quotes": quotes})


def store_all(engine: Engine, articles: list[tuple[str, ExtractedArticle]]) -> list[str]:
    """Store every article, then a changed first article and a copy under another name;
    returns each store's status."""
    names = load_resources().taxonomy.names()
    source, first = articles[0]
    changed = replace(first, text=first.text + "\n\nA late paragraph.", quotes=first.quotes[1:])
    work = [*articles, (source, changed), ("copies/second.txt", articles[1][1])]
    return [store_article(engine, s, a, names).status for s, a in work]


def stored_rows(engine: Engine) -> dict[str, list[list]]:
    with engine.connect() as conn:
        return {
            table: [[_plain(v) for v in row] for row in conn.execute(text(f"{sql} ORDER BY 1, 2"))]
            for table, sql in TABLES.items()
        }


def _plain(value):
    return value.isoformat() if isinstance(value, datetime.date) else value


def _extract_inputs() -> list[tuple[str, ExtractedArticle]]:
    files, _ = discover([EXAMPLES])
    found = [(f"examples/{p.name}", extract_file(p)[1]) for p in files]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        for number, article in World(seed=3, speakers=PEOPLE).articles(SYNTHETIC):
            path.write_text(article.text, encoding="utf-8")  # read as `diplomat ingest` reads
            found.append((f"synthetic/{number:03d}.txt", extract_file(path)[1]))
    return found


def _write(path: Path, data: list | dict) -> None:
    """JSON with one record (or row) a line, so a review sees which ones changed."""
    if isinstance(data, dict):
        body = ",\n".join(f"{json.dumps(k)}: [\n" + _lines(v) + "\n]" for k, v in data.items())
        out = "{\n" + body + "\n}\n"
    else:
        out = "[\n" + _lines(data) + "\n]\n"
    path.write_text(out, encoding="utf-8")


def _lines(items: list) -> str:
    return ",\n".join(json.dumps(item, ensure_ascii=False, default=str) for item in items)


def main() -> None:
    FIXTURES.mkdir(parents=True, exist_ok=True)
    inputs = _extract_inputs()
    records = [{"source": s, "article": asdict(a)} for s, a in inputs]
    _write(FIXTURES / "articles.json", records)
    db = FIXTURES / "regenerate.db"
    url = f"sqlite:///{db}"
    upgrade(url)
    engine = make_engine(url, writer=True)
    try:
        expected = {"statuses": store_all(engine, load_articles()), **stored_rows(engine)}
    finally:
        engine.dispose()
        for path in FIXTURES.glob("regenerate.db*"):
            path.unlink()
    _write(FIXTURES / "rows.json", expected)
    print(f"wrote {FIXTURES}/articles.json ({len(records)} articles) and rows.json")


if __name__ == "__main__":
    main()
