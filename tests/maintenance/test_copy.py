"""`diplomat db copy` between SQLite and PostgreSQL, both ways, verified by counts and checksums;
the tallies and triggers of the copy, and a copy that fails half way."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from typer.testing import CliRunner

from app.cli import app
from app.db import make_engine
from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.maintenance.copy import checksum, copy_database, tables, verify_table
from app.schema import upgrade
from app.settings import Settings
from app.web.app import create_app
from tests.conftest import TOPIC_NAMES, quote_in, sample_articles


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    """A SQLite database holding the sample corpus."""
    url = f"sqlite:///{tmp_path / 'source.db'}"
    upgrade(url)
    engine = make_engine(url, writer=True)
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    engine.dispose()
    return url


@pytest.fixture(params=[pytest.param("postgres", marks=pytest.mark.postgres), "sqlite"])
def empty_url(request, pg_databases, tmp_path) -> str:
    """An empty database of each backend (the copy migrates it)."""
    if request.param == "postgres":
        return pg_databases.create()
    return f"sqlite:///{tmp_path / 'copy.db'}"


def _new_article() -> ExtractedArticle:
    """An article the sample corpus does not hold: one quote of Mike Pompeo's, on Iran."""
    body = 'New round\n\n"We are still talking," Mike Pompeo said.'
    quote = quote_in(body, '"We are still talking,"', speaker="Mike Pompeo", topics=("iran",))
    return ExtractedArticle(text=body, title="New round", outlet=None, date=None, quotes=(quote,))


def _pompeo_tallies(url: str) -> tuple[int, int]:
    """Mike Pompeo's statements, and his statements on Iran, as the tallies hold them."""
    engine = make_engine(url)
    with engine.connect() as conn:
        counts = conn.execute(
            text(
                "SELECT (SELECT quotes FROM tally_speaker WHERE speaker_id = s.id),"
                " (SELECT t.quotes FROM tally_speaker_topic t JOIN topic ON topic.id = t.topic_id"
                "  WHERE t.speaker_id = s.id AND topic.slug = 'iran')"
                " FROM speaker s WHERE s.name = 'Mike Pompeo'"
            )
        ).one()
    engine.dispose()
    return counts[0], counts[1]


def _db_check(url: str, monkeypatch) -> str:
    monkeypatch.setenv("DATABASE_URL", url)
    result = CliRunner().invoke(app, ["db", "check"])
    assert result.exit_code == 0, result.output
    return result.stdout


def _checksums(url: str) -> dict[str, tuple[int, str]]:
    engine = make_engine(url)
    try:
        return {table.name: checksum(engine, table) for table in tables()}
    finally:
        engine.dispose()


def _search_hits(url: str, q: str) -> int:
    web = create_app(Settings(database_url=url))
    with TestClient(web) as client:
        html = client.get("/search", params={"q": q}).text
    web.state.engine.dispose()
    return html.count('class="quote-item')


@pytest.mark.postgres
def test_dbcopy_sqlite_to_postgres_and_back(sqlite_url, pg_databases, tmp_path):
    postgres_url = pg_databases.create()  # empty: the copy migrates it
    checks = copy_database(sqlite_url, postgres_url)
    assert [c.table for c in checks] == [t.name for t in tables()]
    assert all(c.ok for c in checks)
    assert {c.table: c.copied_rows for c in checks}["quote"] == 4
    assert _checksums(postgres_url) == _checksums(sqlite_url)
    assert _search_hits(postgres_url, "sanction") == 2  # the tsvector column followed the rows

    back_url = f"sqlite:///{tmp_path / 'back.db'}"
    assert all(c.ok for c in copy_database(postgres_url, back_url))
    assert _checksums(back_url) == _checksums(sqlite_url)
    engine = make_engine(back_url)
    with engine.connect() as conn:
        hits = conn.execute(text("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'caracas'"))
        assert hits.scalar() == 1  # FTS5 rebuilt
    engine.dispose()


@pytest.mark.postgres
def test_dbcopy_postgres_copy_is_vacuumed_so_counts_can_read_indexes_alone(
    sqlite_url, pg_databases
):
    postgres_url = pg_databases.create()
    copy_database(sqlite_url, postgres_url)
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        visible = conn.execute(
            text(
                "SELECT relname, relallvisible, relpages FROM pg_class"
                " WHERE relname IN ('quote', 'quote_topic', 'article')"
            )
        ).all()
    engine.dispose()
    assert len(visible) == 3
    # VACUUM marks the pages of rows every transaction sees; a copy only analysed has none.
    assert all(all_visible == pages > 0 for _, all_visible, pages in visible), visible


@pytest.mark.postgres
def test_dbcopy_postgres_sequences_continue_after_copied_ids(sqlite_url, pg_databases):
    postgres_url = pg_databases.create()
    copy_database(sqlite_url, postgres_url)
    engine = make_engine(postgres_url, writer=True)
    result = store_article(engine, "samples/new.txt", _new_article(), TOPIC_NAMES)
    engine.dispose()
    assert (result.status, result.article_id) == ("new", 3)


@pytest.mark.postgres
def test_dbcopy_verify_notices_a_changed_value(sqlite_url, pg_databases):
    postgres_url = pg_databases.create()
    copy_database(sqlite_url, postgres_url)
    source, target = make_engine(sqlite_url), make_engine(postgres_url)
    with target.begin() as conn:
        conn.execute(text("UPDATE quote SET confidence = confidence + 0.001 WHERE id = 1"))
    quote = next(t for t in tables() if t.name == "quote")
    check = verify_table(source, target, quote)
    source.dispose()
    target.dispose()
    assert check.source_rows == check.copied_rows == 4
    assert not check.ok and check.source_checksum != check.copied_checksum


@pytest.mark.postgres
def test_dbcopy_cli_prints_each_table_and_refuses_a_filled_target(sqlite_url, pg_databases):
    postgres_url = pg_databases.create()
    runner = CliRunner()
    first = runner.invoke(app, ["db", "copy", sqlite_url, postgres_url])
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert lines[0].split()[0] == "table" and len(lines) == len(tables()) + 2
    assert all(line.endswith(" ok") for line in lines[1:-1])
    assert "every table verified" in lines[-1]
    again = runner.invoke(app, ["db", "copy", sqlite_url, postgres_url])
    assert again.exit_code == 2
    assert "already has rows" in again.stderr and "Traceback" not in again.output


def test_dbcopy_tallies_equal_a_recount_and_triggers_count_new_quotes(
    sqlite_url, empty_url, monkeypatch
):
    copy_database(sqlite_url, empty_url)
    assert "tallies" in _db_check(empty_url, monkeypatch)  # tallies against a recount
    assert _pompeo_tallies(empty_url) == (1, 1)
    engine = make_engine(empty_url, writer=True)
    store_article(engine, "samples/new.txt", _new_article(), TOPIC_NAMES)
    engine.dispose()
    assert _pompeo_tallies(empty_url) == (2, 2)  # the triggers fire again, on both tables
    _db_check(empty_url, monkeypatch)  # SQLite: the new quote is in the full-text index too


def test_dbcopy_failing_half_way_leaves_the_target_empty_and_its_triggers_on(
    sqlite_url, empty_url, monkeypatch
):
    def lose_the_connection(table: str, rows: int) -> None:
        if table == "quote_topic":  # the last table: every row in, the triggers still held
            raise ConnectionError("connection lost")

    with pytest.raises(ConnectionError):
        copy_database(sqlite_url, empty_url, on_table=lose_the_connection)
    engine = make_engine(empty_url, writer=True)
    with engine.connect() as conn:
        counts = {t.name: conn.execute(text(f"SELECT count(*) FROM {t.name}")).scalar_one()
                  for t in tables()}  # fmt: skip
    assert set(counts.values()) == {0}, counts
    for source, article in [*sample_articles(), ("samples/new.txt", _new_article())]:
        store_article(engine, source, article, TOPIC_NAMES)
    engine.dispose()
    assert _pompeo_tallies(empty_url) == (2, 2)
    _db_check(empty_url, monkeypatch)
