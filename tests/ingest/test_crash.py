"""Crashes and interrupts: SIGKILL and Ctrl-C mid-ingest lose nothing and leave nothing half."""

import signal
import threading
import time

import pytest
from sqlmodel import Session, select

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.maintenance.check import check
from app.models import Article, Quote
from tests.conftest import TOPIC_NAMES, quote_in
from tests.support import faults

pytestmark = pytest.mark.sqlite_only(
    reason="kills and re-reads a SQLite file; PostgreSQL recovery is the server's own"
)


def assert_consistent(url: str) -> None:
    """integrity_check, foreign keys, FTS against quotes, schema: all pass."""
    assert [f for f in check(url) if f.problem] == []


def test_crash_sigkill_twice_then_rerun_matches_clean_run(app_settings):
    url, folder = app_settings.database_url, faults.corpus()
    db, clean = faults.db_file(url), faults.reference()
    stored_at_kill = []
    for fraction in (0.25, 0.6):
        proc = faults.start_ingest(url, folder)
        try:
            faults.signal_when_stored(proc, db, int(faults.CORPUS_SIZE * fraction), signal.SIGKILL)
            proc.wait(timeout=60)
        finally:
            faults.stop(proc)
        assert proc.returncode == -signal.SIGKILL
        assert_consistent(url)
        assert faults.half_stored(db, clean) == []
        stored_at_kill.append(faults.article_count(db))
    assert stored_at_kill[0] < stored_at_kill[1] < faults.CORPUS_SIZE
    result = faults.run_ingest(url, folder)
    assert result.returncode == 0, result.stderr
    assert f"{stored_at_kill[1]} unchanged" in result.stdout
    assert_consistent(url)
    assert faults.dump(db) == clean
    print(f"faults: 2 SIGKILLs at {stored_at_kill} of {faults.CORPUS_SIZE} articles; rows lost: 0")


def test_crash_sigint_stops_cleanly_and_rerun_completes(app_settings):
    url, folder = app_settings.database_url, faults.corpus()
    db, clean = faults.db_file(url), faults.reference()
    proc = faults.start_ingest(url, folder)
    try:
        faults.signal_when_stored(proc, db, faults.CORPUS_SIZE // 3, signal.SIGINT)
        out, err = proc.communicate(timeout=120)
    finally:
        faults.stop(proc)
    assert proc.returncode == 130
    assert out.startswith("interrupted: ") and " new, " in out
    assert "Traceback" not in out + err and "KeyboardInterrupt" not in out + err
    assert_consistent(url)
    assert faults.half_stored(db, clean) == []
    result = faults.run_ingest(url, folder)
    assert result.returncode == 0, result.stderr
    assert faults.dump(db) == clean


def _version(n: int) -> ExtractedArticle:
    text = f"Version {n}\n\n" + " ".join(f'"Point {n}.{k}," Berg said.' for k in range(5))
    quotes = tuple(quote_in(text, f'"Point {n}.{k},"') for k in range(5))
    return ExtractedArticle(text=text, title=None, outlet=None, date=None, quotes=quotes)


def test_crash_changed_article_swaps_quotes_atomically(engine):
    store_article(engine, "a.txt", _version(0), TOPIC_NAMES)
    seen, done = [], threading.Event()

    def read() -> None:
        with Session(engine) as session:
            while not done.is_set():
                with session.begin():
                    article = session.exec(select(Article).where(Article.source == "a.txt")).one()
                    texts = session.exec(select(Quote.text).where(Quote.article_id == article.id))
                    seen.append(set(texts))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(1, 41):
            store_article(engine, "a.txt", _version(n % 3), TOPIC_NAMES)
            wanted, deadline = len(seen) + 2, time.monotonic() + 10
            while len(seen) < wanted and time.monotonic() < deadline:
                time.sleep(0.001)  # let the reader look between every two writes
    finally:
        done.set()
        reader.join()
    allowed = [{q.text for q in _version(n).quotes} for n in range(3)]
    assert len(seen) >= 80
    assert [t for t in seen if t not in allowed] == []
    assert sum(1 for version in allowed if version in seen) == 3
