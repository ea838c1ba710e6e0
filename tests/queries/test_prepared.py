"""Statements built once per shape (app/queries/prepared.py) and the generation a session is
given by the page cache (app/queries/cache.py)."""

from datetime import date

import pytest
from sqlalchemy import Integer, bindparam, event, or_, select, text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, col

from app.ingest.store import store_article
from app.models import Quote, Speaker, SpeakerAlias
from app.queries import cache, fts, quotes, tallies
from app.queries import prepared as prepared_module
from app.queries.prepared import fetch, prepared, run, stream, values
from app.queries.speakers import get_speaker, speaker_names
from tests.conftest import TOPIC_NAMES, sample_articles

BUILT: list[bool] = []


@pytest.fixture
def seeded_session(engine, session) -> Session:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    return session


@prepared
def _names(by_slug: bool):
    BUILT.append(by_slug)
    stmt = select(col(Speaker.name)).order_by(col(Speaker.name))
    return stmt.where(col(Speaker.slug).in_(values("slugs"))) if by_slug else stmt


def test_prepared_builds_each_shape_once_and_binds_values_at_run(seeded_session):
    first = run(seeded_session, _names(True), slugs=["sergey-lavrov"]).scalars().all()
    other = run(seeded_session, _names(True), slugs=["nobody", "mike-pompeo"]).scalars().all()
    everyone = run(seeded_session, _names(False)).scalars().all()
    assert first == ["Sergey Lavrov"] and other == ["Mike Pompeo"]
    assert {"Sergey Lavrov", "Mike Pompeo"} <= set(everyone)
    assert BUILT == [True, False]  # the second question reused the first statement


def test_prepared_queries_answer_lists_of_any_length(seeded_session):
    assert speaker_names(seeded_session, ["sergey-lavrov"]) == {"sergey-lavrov": "Sergey Lavrov"}
    many = [f"nobody-{i}" for i in range(300)] + ["mike-pompeo"]
    assert speaker_names(seeded_session, many) == {"mike-pompeo": "Mike Pompeo"}


def _through_sqlalchemy(session: Session, stmt, **params) -> list[tuple]:
    return [tuple(row) for row in session.connection().execute(stmt, params)]


def test_run_reads_the_rows_sqlalchemy_reads(seeded_session):
    """run() executes on the driver's connection: the same values, dates and floats converted
    as SQLAlchemy converts them, lists expanded, a built-in LIMIT bound."""
    ids = list(seeded_session.scalars(select(Quote.id).order_by(col(Quote.id))))
    assert len(ids) >= 3
    rows = run(seeded_session, quotes._QUOTE_ROWS, ids=ids)
    assert rows == _through_sqlalchemy(seeded_session, quotes._QUOTE_ROWS, ids=ids)
    assert any(isinstance(row[6], date) for row in rows)  # published: a date, not text
    assert all(isinstance(row[5], float) for row in rows)  # confidence
    top = tallies._top_speakers_stmt(False, False, False, False)
    assert run(seeded_session, top, limit=2) == _through_sqlalchemy(seeded_session, top, limit=2)
    assert len(run(seeded_session, top, limit=2)) == 2
    assert run(seeded_session, _names(True), slugs=[]).scalars() == []


def test_one_off_statements_of_one_shape_are_compiled_once_with_their_own_values(
    seeded_session, monkeypatch
):
    """stream() reuses the plan of a statement of the same shape, bound with the values of
    the statement it is given: its own rows, never those of the first."""
    compiled: list[object] = []
    original = prepared_module._Plan.__init__

    def counting(self, stmt, dialect, key=None):
        compiled.append(stmt)
        original(self, stmt, dialect, key)

    monkeypatch.setattr(prepared_module._Plan, "__init__", counting)
    monkeypatch.setattr(prepared_module, "_shapes", {})

    def names(slugs: list[str], after: str) -> list[str]:
        stmt = (
            select(col(Speaker.name))
            .where(col(Speaker.slug).in_(slugs), col(Speaker.name) > after)
            .order_by(col(Speaker.name))
        )
        return [row[0] for rows in stream(seeded_session, stmt, 10) for row in rows]

    assert names(["sergey-lavrov", "mike-pompeo"], "") == ["Mike Pompeo", "Sergey Lavrov"]
    assert names(["sergey-lavrov", "mike-pompeo"], "N") == ["Sergey Lavrov"]
    assert names(["mike-pompeo"], "") == ["Mike Pompeo"]  # lists of any length: one shape
    assert names(["nobody"], "") == []
    assert len(compiled) == 1
    other_shape = select(col(Speaker.slug)).where(col(Speaker.slug) == "mike-pompeo")
    assert [row for rows in stream(seeded_session, other_shape, 10) for row in rows] == [
        ("mike-pompeo",)
    ]
    assert len(compiled) == 2


def test_fetch_reads_a_one_off_statement_as_sqlalchemy_does(seeded_session):
    """fetch() runs a statement built with its values in it on the driver's connection: the
    rows SQLAlchemy reads, dates converted, each statement with its own values (one plan per
    shape), and an empty list for IN answered as SQLAlchemy answers it."""

    def dated(speaker_ids: list[int], before: date):
        return (
            select(col(Quote.id), col(Quote.published))
            .where(col(Quote.speaker_id).in_(speaker_ids), col(Quote.published) < before)
            .order_by(col(Quote.published).desc(), col(Quote.id).desc())
            .limit(5)
        )

    ids = list(seeded_session.scalars(select(Speaker.id)))
    for speakers, before in ((ids, date(2100, 1, 1)), (ids[:1], date(2100, 1, 1)), ([], date.min)):
        stmt = dated(speakers, before)
        assert fetch(seeded_session, stmt) == _through_sqlalchemy(seeded_session, stmt)
    rows = fetch(seeded_session, dated(ids, date(2100, 1, 1)))
    assert rows and all(isinstance(day, date) for _, day in rows)
    older = dated(ids, rows[-1][1])  # the same shape with another date: its own rows
    assert fetch(seeded_session, older) == _through_sqlalchemy(seeded_session, older)
    assert rows[-1] not in fetch(seeded_session, older)


def test_run_binds_a_list_used_twice_and_values_written_into_the_sql(seeded_session):
    slugs = values("slugs")
    either = select(col(Speaker.name)).where(
        or_(col(Speaker.slug).in_(slugs), col(Speaker.name).in_(slugs))
    )
    asked = ["sergey-lavrov", "Mike Pompeo", "nobody"]
    assert sorted(run(seeded_session, either, slugs=asked).scalars()) == [
        "Mike Pompeo", "Sergey Lavrov"
    ]  # fmt: skip
    literal = select(col(Speaker.name)).where(
        col(Speaker.slug) == bindparam("slug", literal_execute=True)
    )
    assert run(seeded_session, literal, slug="sergey-lavrov").scalars() == ["Sergey Lavrov"]


def test_run_raises_what_sqlalchemy_raises_so_time_limits_hold(seeded_session):
    slow = text(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < :n)"
        " SELECT count(*) FROM c"
    ).bindparams(bindparam("n", type_=Integer))
    assert run(seeded_session, slow, n=10).scalar_one() == 10
    with pytest.raises(fts.TooSlow):
        with fts.time_limit(seeded_session, 50):
            run(seeded_session, slow, n=10**9)
    seeded_session.rollback()
    wrong = text("SELECT no_such_column FROM speaker")
    with pytest.raises(DBAPIError) as sqlalchemy_raised:
        _through_sqlalchemy(seeded_session, wrong)
    seeded_session.rollback()
    with pytest.raises(type(sqlalchemy_raised.value)):  # OperationalError, ProgrammingError…
        run(seeded_session, wrong)


def _generation_reads(engine) -> list[str]:
    seen: list[str] = []

    def note(conn, cursor, statement, *args) -> None:
        if "max(quote.id)" in statement:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", note)
    return seen


def test_generation_given_by_the_page_cache_is_not_read_again(engine, seeded_session):
    real = cache.generation(seeded_session)
    seeded_session.rollback()
    reads = _generation_reads(engine)
    with Session(engine) as session:
        cache.assume_generation(session, real)
        assert cache.generation(session) == real
        assert cache.generation(session) == real
        assert reads == []
        session.rollback()  # a new transaction reads it from the database again
        assert cache.generation(session) == real
        assert len(reads) == 1


def test_a_speaker_is_read_with_every_recorded_spelling_in_one_statement(engine, seeded_session):
    lavrov = seeded_session.scalars(select(Speaker).where(Speaker.slug == "sergey-lavrov")).one()
    aliases = select(SpeakerAlias.alias).where(SpeakerAlias.speaker_id == lavrov.id)
    recorded = set(seeded_session.scalars(aliases))
    assert len(recorded) >= 2  # the join gives a row per spelling: still one profile
    asked: list[str] = []
    event.listen(engine, "before_cursor_execute", lambda *a: asked.append(a[2]))
    profile = get_speaker(seeded_session, "sergey-lavrov")
    assert len(asked) == 1
    assert profile is not None and profile.id == lavrov.id and profile.name == "Sergey Lavrov"
    assert set(profile.aliases) == recorded
    assert get_speaker(seeded_session, "nobody-at-all") is None


@pytest.mark.sqlite_only(reason="PostgreSQL's statement_timeout is the server's wall clock")
def test_a_time_limit_for_small_work_counts_the_cpu_of_its_thread(seeded_session, monkeypatch):
    # On a busy server the requests beside a count slow its wall time, not its CPU time: a
    # count within its budget of CPU finishes however long it waits.
    slow = text(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < :n)"
        " SELECT count(*) FROM c"
    ).bindparams(bindparam("n", type_=Integer))
    monkeypatch.setattr(fts.time, "thread_time", lambda: 0.0)  # a thread that never runs
    with fts.time_limit(seeded_session, 1, cpu=True):
        assert run(seeded_session, slow, n=300_000).scalar_one() == 300_000
    with pytest.raises(fts.TooSlow), fts.time_limit(seeded_session, 1):  # the clock, by default
        run(seeded_session, slow, n=300_000)
    seeded_session.rollback()
