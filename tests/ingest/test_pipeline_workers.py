"""Ingest with worker processes that extract and store: same outcome as one process."""

import multiprocessing
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from app.db import make_engine
from app.ingest import pipeline
from app.ingest.pipeline import ingest
from app.models import Article, Quote, Speaker
from app.schema import upgrade

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _ingest_into(path: Path, workers: int) -> tuple:
    url = f"sqlite:///{path}"
    upgrade(url)
    engine = make_engine(url, writer=True)
    summary = ingest([EXAMPLES], engine, workers)
    with Session(engine) as session:
        counts = tuple(
            session.exec(select(func.count()).select_from(model)).one()
            for model in (Article, Quote, Speaker)
        )
        texts = sorted(session.exec(select(Quote.text)).all())
    engine.dispose()
    return (summary.new, summary.failed, summary.quotes), counts, texts


def _speakers_and_order(path: Path) -> tuple:
    """Each quote's speaker (by article source and position), the speaker rows with their
    aliases, and the articles' sources in the order they were committed."""
    engine = make_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        speakers = conn.execute(
            text(
                "SELECT a.source, q.position, s.slug, s.name, s.kind, s.country FROM quote q"
                " JOIN article a ON a.id = q.article_id LEFT JOIN speaker s ON s.id = q.speaker_id"
                " ORDER BY 1, 2"
            )
        ).all()
        aliases = conn.execute(
            text(
                "SELECT s.slug, sa.alias FROM speaker_alias sa JOIN speaker s"
                " ON s.id = sa.speaker_id ORDER BY 1, 2"
            )
        ).all()
        order = conn.execute(text("SELECT source FROM article ORDER BY id")).scalars().all()
    engine.dispose()
    return [tuple(r) for r in speakers], [tuple(r) for r in aliases], order


def test_ingest_workers_store_what_one_process_stores(tmp_path, monkeypatch):
    # Batches of two, so the examples go to both workers, and the first batch slowed, so
    # the second would be committed first if the workers did not take turns in input order.
    monkeypatch.setattr(pipeline, "WORKER_BATCH", 2)
    real_extract = pipeline.extract_item

    slowed = tmp_path / "slowed"

    def slow_first(item, limits):
        if Path(str(getattr(item, "source", ""))).name.startswith("01_"):
            slowed.touch()  # in the worker process: the parent sees the file
            time.sleep(1.0)
        return real_extract(item, limits)

    one = _ingest_into(tmp_path / "one.db", 1)
    monkeypatch.setattr(pipeline, "extract_item", slow_first)
    two = _ingest_into(tmp_path / "two.db", 2)
    assert one[1][0] > 0 and one[1][1] > 0 and slowed.exists()
    assert two == one
    # The same speakers, with the same names, aliases and quotes, committed in the same order.
    assert _speakers_and_order(tmp_path / "two.db") == _speakers_and_order(tmp_path / "one.db")
    assert not (tmp_path / "two.db-wal").exists() or (tmp_path / "two.db-wal").stat().st_size == 0


def _shared_numbering(monkeypatch, first_due: int):
    next_due = multiprocessing.Value("q", first_due)
    monkeypatch.setattr(pipeline, "_next_due", next_due)
    monkeypatch.setattr(pipeline, "_turns", multiprocessing.Condition(next_due.get_lock()))
    return next_due


def _recording(monkeypatch) -> list[str]:
    calls: list[str] = []
    monkeypatch.setattr(pipeline, "_worker_engine", object())
    monkeypatch.setattr(
        pipeline, "extract_item", lambda item, limits: calls.append(f"x{item}") or item
    )
    monkeypatch.setattr(
        pipeline, "store_extracted", lambda engine, item: calls.append(f"s{item}") or item * 10
    )
    return calls


def test_worker_stores_each_item_as_soon_as_it_is_due(monkeypatch):
    calls = _recording(monkeypatch)
    next_due = _shared_numbering(monkeypatch, first_due=3)
    assert pipeline._extract_and_store([(3, 1), (4, 2), (5, 3)]) == [10, 20, 30]
    assert calls == ["x1", "s1", "x2", "s2", "x3", "s3"]
    assert next_due.value == 6


def test_worker_extracts_ahead_until_its_items_are_due(monkeypatch):
    """While the items before its own are being stored by another worker, a worker extracts
    its next items instead of waiting; then it waits, and stores them in order."""
    calls = _recording(monkeypatch)
    next_due = _shared_numbering(monkeypatch, first_due=0)
    monkeypatch.setattr(pipeline, "TURN_CHECK_S", 0.05)
    other = threading.Timer(0.3, pipeline._stored, args=(3,))  # items 0-2 stored elsewhere
    other.start()
    assert pipeline._extract_and_store([(3, 1), (4, 2), (5, 3)]) == [10, 20, 30]
    other.join()
    assert calls == ["x1", "x2", "x3", "s1", "s2", "s3"]
    assert next_due.value == 6


def test_a_batch_cut_short_lets_the_next_ones_go_on(monkeypatch):
    calls = _recording(monkeypatch)
    next_due = _shared_numbering(monkeypatch, first_due=0)

    def failing(engine, item):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pipeline, "store_extracted", failing)
    with pytest.raises(RuntimeError):
        pipeline._extract_and_store([(0, 1), (1, 2)])
    assert calls == ["x1"] and next_due.value == 2
