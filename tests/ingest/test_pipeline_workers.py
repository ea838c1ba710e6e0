"""Ingest with worker processes that extract and store: same outcome as one process."""

from pathlib import Path

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


def test_ingest_workers_store_what_one_process_stores(tmp_path):
    one = _ingest_into(tmp_path / "one.db", 1)
    two = _ingest_into(tmp_path / "two.db", 2)
    assert one[1][0] > 0 and one[1][1] > 0
    # Which spelling of a person is met first can differ with two writers: compare the
    # articles and quotes exactly, and only require speakers to be found.
    assert two[0] == one[0] and two[2] == one[2]
    assert two[1][:2] == one[1][:2] and two[1][2] > 0
    assert not (tmp_path / "two.db-wal").exists() or (tmp_path / "two.db-wal").stat().st_size == 0


def test_worker_extracts_its_next_item_while_the_writer_is_busy(monkeypatch):
    """Items are stored in order, but while another worker holds the writer's turn this one
    extracts ahead instead of waiting; its last items are stored whatever the turn."""
    calls: list[str] = []
    busy = iter([True, True, False, True, True])
    monkeypatch.setattr(pipeline, "_worker_engine", object())
    monkeypatch.setattr(pipeline, "writer_busy", lambda engine: next(busy))
    monkeypatch.setattr(
        pipeline, "extract_item", lambda item, limits: calls.append(f"x{item}") or item
    )
    monkeypatch.setattr(
        pipeline, "store_extracted", lambda engine, item: calls.append(f"s{item}") or item * 10
    )
    assert pipeline._extract_and_store([1, 2, 3, 4, 5]) == [10, 20, 30, 40, 50]
    assert calls == ["x1", "x2", "x3", "s1", "s2", "s3", "x4", "x5", "s4", "s5"]
