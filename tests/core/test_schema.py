import warnings
from collections.abc import Callable, Iterator

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, create_engine, text
from sqlmodel import SQLModel

import app.models  # noqa: F401
from app.db import READER_CACHE_KIB, WRITER_CHECKPOINT_PAGES, make_engine
from app.schema import alembic_config, is_current

# What the migrations add beside the models: full-text machinery (SQLite's FTS5 tables,
# PostgreSQL's generated tsvector column and its GIN index, migration 0002) and the aliases'
# surname index, on an expression each dialect spells its own way (migration 0014),
# PostgreSQL's prefix index of slugs, and SQLite's index of what counts read.
MIGRATION_ONLY = {
    ("column", "search_vector"),
    ("index", "ix_quote_search_vector"),
    ("index", "ix_speaker_alias_surname"),
    ("index", "ix_speaker_slug_pattern"),  # PostgreSQL only (migration 0015)
    ("index", "ix_quote_facts"),  # SQLite only, named by the counts (migration 0016)
}


def _in_models(name, type_, *_args) -> bool:
    if type_ == "table" and name.startswith("quote_fts"):
        return False
    return (type_, name) not in MIGRATION_ONLY


def test_schema_migrations_match_models(engine):
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": _in_models}
        )
        with warnings.catch_warnings():  # SQLite's reflection cannot read it, and says so
            warnings.filterwarnings("ignore", "Skipped unsupported reflection of expression-based")
            assert compare_metadata(context, SQLModel.metadata) == []


def test_schema_is_current_after_upgrade(app_settings):
    assert is_current(app_settings.database_url)


@pytest.mark.sqlite_only(reason="PRAGMAs exist only in SQLite")
def test_schema_sqlite_pragmas_are_set(engine):
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10_000


@pytest.mark.sqlite_only(reason="PRAGMAs exist only in SQLite")
def test_schema_readers_keep_a_small_page_cache_and_writers_a_long_log(tmp_path):
    url = f"sqlite:///{tmp_path / 'pragmas.db'}"
    reader, writer = make_engine(url), make_engine(url, writer=True)
    with reader.connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -READER_CACHE_KIB
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 1000
    with writer.connect() as conn:
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -2000
        assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == WRITER_CHECKPOINT_PAGES
    reader.dispose()
    writer.dispose()


@pytest.mark.sqlite_only(
    reason="FTS5 table; tests/core/test_postgres.py checks the tsvector column"
)
def test_schema_fts_follows_quote_rows(engine, seeded_client):
    with engine.connect() as conn:
        hits = conn.execute(
            text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'caracas'")
        ).all()
        assert len(hits) == 1
        conn.execute(text("DELETE FROM quote WHERE id = :id"), {"id": hits[0][0]})
        after = conn.execute(
            text("SELECT count(*) FROM quote_fts WHERE quote_fts MATCH 'caracas'")
        ).scalar()
        assert after == 0


@pytest.fixture
def migrated(backend, tmp_path, pg_databases) -> Iterator[Callable[[str], Engine]]:
    """A fresh database, brought to the revision each call names."""
    url = pg_databases.create() if backend == "postgres" else f"sqlite:///{tmp_path / 'm.db'}"
    engine = create_engine(url)

    def to(revision: str) -> Engine:
        command.upgrade(alembic_config(url), revision)
        return engine

    yield to
    engine.dispose()


def test_schema_0006_keeps_no_server_path_in_sources(migrated):
    engine = migrated("0003")
    insert = text(
        "INSERT INTO article (content_hash, source, text, ingested_at) "
        "VALUES (:hash, :source, 'words', CURRENT_TIMESTAMP)"
    )
    with engine.begin() as conn:
        for n, source in enumerate(["/srv/corpus/examples/05.html", "/a.txt", "seeds/1.txt"]):
            conn.execute(insert, {"hash": str(n), "source": source})
    migrated("head")
    with engine.connect() as conn:
        sources = conn.execute(text("SELECT source FROM article ORDER BY content_hash")).scalars()
        assert list(sources) == ["examples/05.html", "a.txt", "seeds/1.txt"]


def test_schema_0008_files_unnamed_people_with_groups(migrated):
    engine = migrated("0007")
    insert = text(
        "INSERT INTO speaker (slug, name, kind, sort_key) VALUES (:slug, :name, 'person', '')"
    )
    with engine.begin() as conn:
        for name in ("a Venezuelan businessman", "Ana Lima"):
            conn.execute(insert, {"slug": name.lower().replace(" ", "-"), "name": name})
    migrated("head")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT name, kind, sort_key FROM speaker"))
        assert sorted(map(tuple, rows)) == [
            ("Ana Lima", "person", ""),
            ("a Venezuelan businessman", "group", "venezuelan businessman"),
        ]


def _article_with_quotes(conn, outlet: str | None, quotes: list[tuple]) -> None:
    """Article 1 and its quotes (id, date, is_lead), written as raw rows at an old revision."""
    conn.execute(
        text(
            "INSERT INTO article (id, content_hash, source, text, outlet, ingested_at)"
            " VALUES (1, 'h', 'a.txt', 'words', :outlet, CURRENT_TIMESTAMP)"
        ),
        {"outlet": outlet},
    )
    for ident, day, lead in quotes:
        conn.execute(
            text(
                'INSERT INTO quote (id, article_id, text, start, "end", kind, confidence,'
                " position, sentence_start, sentence_end, published, is_lead)"
                " VALUES (:id, 1, 'w', 0, 1, 'direct', 0.9, :id, 0, 1, :day, :lead)"
            ),
            {"id": ident, "day": day, "lead": lead},
        )


def test_schema_0011_dates_the_topic_links_already_stored(migrated):
    engine = migrated("0010")
    with engine.begin() as conn:
        _article_with_quotes(conn, None, [(1, "2020-05-04", True), (2, None, True)])
        conn.execute(text("INSERT INTO topic (id, slug, name) VALUES (7, 'iran', 'Iran')"))
        conn.execute(text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, 7), (2, 7)"))
    migrated("head")
    with engine.connect() as conn:
        links = conn.execute(text("SELECT quote_id, published FROM quote_topic ORDER BY 1"))
        assert [(ident, day and str(day)) for ident, day in links] == [(1, "2020-05-04"), (2, None)]
    command.downgrade(alembic_config(str(engine.url)), "0010")
    migrated("head")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(published) FROM quote_topic")).scalar_one() == 1


def test_schema_0012_counts_the_topic_links_already_stored(migrated):
    engine = migrated("0011")
    with engine.begin() as conn:
        quotes = [(1, "2020-05-04", True), (2, None, True), (3, None, False)]
        _article_with_quotes(conn, "Example Wire", quotes)
        conn.execute(text("INSERT INTO topic (id, slug, name) VALUES (7, 'iran', 'Iran')"))
        conn.execute(
            text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, 7), (2, 7), (3, 7)")
        )
    migrated("head")
    with engine.connect() as conn:
        by_speaker = conn.execute(text("SELECT * FROM tally_topic_speaker ORDER BY month"))
        assert list(map(tuple, by_speaker)) == [(7, 0, 0, "direct", 1), (7, 202005, 0, "direct", 1)]
        by_kind = conn.execute(text("SELECT * FROM tally_topic_kind")).all()
        assert list(map(tuple, by_kind)) == [(7, "direct", 0, 2)]
        by_outlet = conn.execute(text("SELECT * FROM tally_topic_outlet ORDER BY month"))
        assert list(map(tuple, by_outlet)) == [
            (7, 0, "direct", "Example Wire", 1),
            (7, 202005, "direct", "Example Wire", 1),
        ]
    command.downgrade(alembic_config(str(engine.url)), "0011")
    migrated("head")
    with engine.begin() as conn:  # the triggers are back: a link taken off is taken off
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id = 1"))
        left = conn.execute(text("SELECT month, quotes FROM tally_topic_speaker")).all()
    assert list(map(tuple, left)) == [(0, 1)]


@pytest.mark.sqlite_only(reason="the kind and month columns are SQLite's search index")
def test_schema_0013_indexes_the_kind_and_month_of_quotes_already_stored(migrated):
    engine = migrated("0012")
    with engine.begin() as conn:
        _article_with_quotes(conn, None, [(1, "2020-05-04", True), (2, None, True)])
    migrated("head")
    match = text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH :q ORDER BY rowid")
    with engine.begin() as conn:
        assert conn.execute(match, {"q": 'text : ("w")'}).scalars().all() == [1, 2]
        assert conn.execute(match, {"q": 'text : ("w") AND month : m202005'}).scalars().all() == [1]
        assert conn.execute(match, {"q": 'kind : "kdirect"'}).scalars().all() == [1, 2]
        conn.execute(text("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)"))
    command.downgrade(alembic_config(str(engine.url)), "0012")
    with engine.begin() as conn:  # the text-only index, as it was, still finds the words
        assert conn.execute(match, {"q": "w"}).scalars().all() == [1, 2]
        conn.execute(text("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)"))
    migrated("head")


def test_schema_0017_lists_the_topics_of_quotes_already_stored(migrated):
    engine = migrated("0016")
    with engine.begin() as conn:
        _article_with_quotes(
            conn, None, [(1, "2020-05-04", True), (2, None, True), (3, None, True)]
        )
        conn.execute(text("INSERT INTO topic (id, slug, name) VALUES (7, 'iran', 'Iran')"))
        conn.execute(text("INSERT INTO topic (id, slug, name) VALUES (3, 'syria', 'Syria')"))
        conn.execute(
            text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, 7), (1, 3), (2, 7)")
        )
    listed = text("SELECT id, topic_ids FROM quote ORDER BY id")
    migrated("head")
    with engine.connect() as conn:
        assert list(map(tuple, conn.execute(listed))) == [(1, "3,7"), (2, "7"), (3, None)]
    command.downgrade(alembic_config(str(engine.url)), "0016")
    with engine.connect() as conn:
        assert "topic_ids" not in conn.execute(text("SELECT * FROM quote")).keys()
    migrated("head")
    with engine.begin() as conn:  # listed again, and the triggers follow the links
        conn.execute(text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (3, 3)"))
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id = 1 AND topic_id = 7"))
        assert list(map(tuple, conn.execute(listed))) == [(1, "3"), (2, "7"), (3, "3")]


def test_schema_0018_counts_a_topics_speakers_outlets_already_stored(migrated):
    engine = migrated("0017")
    with engine.begin() as conn:
        _article_with_quotes(
            conn, None, [(1, "2020-05-04", True), (2, None, True), (3, None, False)]
        )
        conn.execute(text("INSERT INTO topic (id, slug, name) VALUES (7, 'iran', 'Iran')"))
        conn.execute(
            text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, 7), (2, 7), (3, 7)")
        )
    tallied = text("SELECT * FROM tally_topic_speaker_outlet")
    migrated("head")
    with engine.connect() as conn:  # the lead quotes' links, no speaker and no outlet
        assert list(map(tuple, conn.execute(tallied))) == [(7, 0, "", 2)]
    command.downgrade(alembic_config(str(engine.url)), "0017")
    migrated("head")
    with engine.begin() as conn:  # the triggers are back: an outlet set moves the links
        conn.execute(text("UPDATE article SET outlet = 'Example Wire' WHERE id = 1"))
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id = 1"))
        assert list(map(tuple, conn.execute(tallied))) == [(7, 0, "Example Wire", 1)]


def test_schema_0019_transliterates_stored_name_keys(migrated):
    engine = migrated("0018")
    with engine.begin() as conn:  # as the old folding stored them: letters dropped
        conn.execute(
            text(
                "INSERT INTO speaker (id, slug, name, kind, sort_key) VALUES "
                "(1, 'selim-aydn', 'Selim Aydın', 'person', 'aydn selim'), "
                "(2, 'ana-lima', 'Ana Lima', 'person', 'lima ana')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO speaker_alias (speaker_id, alias, key) VALUES "
                "(1, 'Selim Aydın', 'selim aydn'), (1, 'Aydın', 'aydn'), "
                "(2, 'Ana Lima', 'ana lima')"
            )
        )
    migrated("head")
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT alias, key FROM speaker_alias ORDER BY id")).all()
        speakers = conn.execute(text("SELECT slug, sort_key FROM speaker ORDER BY id")).all()
    assert list(map(tuple, keys)) == [
        ("Selim Aydın", "selim aydin"),
        ("Aydın", "aydin"),
        ("Ana Lima", "ana lima"),
    ]
    # The slug is in bookmarks and stays; the directory files him under A.
    assert list(map(tuple, speakers)) == [("selim-aydn", "aydin selim"), ("ana-lima", "lima ana")]


def test_schema_0020_keeps_a_surname_that_is_a_title_in_the_key(migrated):
    engine = migrated("0019")
    with engine.begin() as conn:  # as the old keys were: every title word dropped
        conn.execute(
            text(
                "INSERT INTO speaker (id, slug, name, kind, sort_key) VALUES "
                "(1, 'angus-king', 'Angus King', 'person', 'king angus')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO speaker_alias (speaker_id, alias, key) VALUES "
                "(1, 'Angus King', 'angus'), (1, 'Sen. Angus King', 'angus'), (1, 'King', 'king')"
            )
        )
    migrated("head")
    with engine.connect() as conn:
        keys = conn.execute(text("SELECT alias, key FROM speaker_alias ORDER BY id")).all()
    assert list(map(tuple, keys)) == [
        ("Angus King", "angus king"),
        ("Sen. Angus King", "angus king"),
        ("King", "king"),
    ]


def test_schema_0021_keeps_stored_speakers_and_gives_them_no_article(migrated):
    engine = migrated("0020")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO speaker (id, slug, name, kind, sort_key) VALUES "
                "(1, 'tom', 'Tom', 'person', 'tom'), (2, 'ana-lima', 'Ana Lima', 'person', 'lima')"
            )
        )
    migrated("head")
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT slug, article_id FROM speaker ORDER BY id")).all()
    assert list(map(tuple, rows)) == [("tom", None), ("ana-lima", None)]
