"""PostgreSQL machinery: the tsvector column, engine settings, writers taking turns, races
resolved by unique keys, and the search time limit. Runs in the --backend=postgres pass."""

import threading
import time

import pytest
from sqlalchemy import text
from sqlmodel import Session, func, select

from app.db import WRITER_LOCK_KEY, make_engine
from app.ingest.speaker_rows import SpeakerRows
from app.models import Speaker
from app.queries import fts

pytestmark = pytest.mark.postgres

CARACAS = "SELECT count(*) FROM quote WHERE search_vector @@ websearch_to_tsquery('english', :q)"


def test_postgres_search_vector_follows_quote_rows(engine, seeded_client):
    with engine.begin() as conn:
        assert conn.execute(text(CARACAS), {"q": "caracas"}).scalar() == 1
        conn.execute(text("UPDATE quote SET text = 'Caracas again' WHERE text LIKE '%Nobody%'"))
        assert conn.execute(text(CARACAS), {"q": "caracas"}).scalar() == 2
        conn.execute(text("DELETE FROM quote WHERE text ILIKE '%caracas%'"))
        assert conn.execute(text(CARACAS), {"q": "caracas"}).scalar() == 0


def test_postgres_search_uses_the_gin_index(engine, seeded_client):
    with engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(conn.execute(text("EXPLAIN " + CARACAS), {"q": "caracas"}).scalars())
    assert "ix_quote_search_vector" in plan


def test_postgres_engine_is_pooled_without_sqlite_settings(app_settings):
    engine = make_engine(app_settings.database_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT current_setting('application_name')")).scalar() == (
            "diplomat"
        )
    assert (engine.dialect.name, engine.pool.size(), engine.pool._pre_ping) == (
        "postgresql",
        5,
        True,
    )
    engine.dispose()


def test_postgres_writer_transactions_take_turns(app_settings):
    writer, plain = (
        make_engine(app_settings.database_url, writer=True),
        make_engine(app_settings.database_url),
    )
    probe = text(f"SELECT pg_try_advisory_xact_lock({WRITER_LOCK_KEY})")
    with writer.begin() as held:
        held.execute(text("SELECT 1"))
        with plain.connect() as other:
            assert other.execute(probe).scalar() is False  # a second writer would wait
    with plain.connect() as other:
        assert other.execute(probe).scalar() is True  # released at commit
    writer.dispose()
    plain.dispose()


def _wait_for_lock_wait(engine, timeout: float = 10.0) -> None:
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + timeout
    with engine.connect() as conn:
        while conn.execute(waiting).scalar() == 0:
            assert time.monotonic() < deadline, "the second writer never blocked"
            time.sleep(0.02)
            conn.rollback()


def test_postgres_speaker_race_ends_in_one_row(app_settings):
    """Two writers that do not take turns create the same speaker at once: the loser's insert
    hits the unique slug, rolls back to its savepoint and resolves to the winner's row."""
    engine = make_engine(app_settings.database_url)  # not a writer engine: no turn-taking
    results: dict[str, int] = {}

    def second() -> None:
        with engine.begin() as conn:
            results["second"] = SpeakerRows(conn).row_for("Ana Lima", "BR", None).id

    with engine.begin() as first:
        results["first"] = SpeakerRows(first).row_for("Ana Lima", "BR", "Foreign Minister").id
        thread = threading.Thread(target=second)
        thread.start()
        _wait_for_lock_wait(engine)  # blocked on our uncommitted slug
    thread.join(timeout=10)
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(Speaker)).one() == 1
    assert results["second"] == results["first"]
    engine.dispose()


def test_postgres_time_limit_cancels_a_slow_statement(session):
    with pytest.raises(fts.TooSlow):
        with fts.time_limit(session, 50):
            session.execute(text("SELECT pg_sleep(2)"))
    session.rollback()
    assert session.execute(text("SHOW statement_timeout")).scalar() == "0"
    with fts.time_limit(session, 5_000):
        session.execute(text("SELECT 1"))
    assert session.execute(text("SHOW statement_timeout")).scalar() == "0"


def test_postgres_time_limit_restores_the_transactions_own_timeout(session):
    session.execute(text("SET LOCAL statement_timeout = '7s'"))
    with fts.time_limit(session, 5_000):
        assert session.execute(text("SHOW statement_timeout")).scalar() == "5s"
    assert session.execute(text("SHOW statement_timeout")).scalar() == "7s"


def test_postgres_time_limit_message_is_friendly(session):
    with pytest.raises(fts.SearchError, match="took too long"):
        with fts.friendly_errors(), fts.time_limit(session, 50):
            session.execute(text("SELECT pg_sleep(2)"))
