"""The tallies the triggers keep (migrations 0005, 0010, 0012 and 0018) agree with a recount after
every kind of write: new articles, a changed article replacing its quotes, deletions, a quote
moved to another speaker, a topic taken off a quote, an article's outlet changed. Both
backends."""

from datetime import date

from sqlalchemy import text

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.maintenance import tallies
from app.maintenance.check import check
from tests.conftest import TOPIC_NAMES, quote_in, sample_articles


def _fill(engine) -> None:
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)


def _rows(engine, table: str) -> set[tuple]:
    with engine.connect() as conn:
        return {tuple(row) for row in conn.execute(text(f"SELECT * FROM {table}"))}


def _differences(engine) -> list[str]:
    with engine.connect() as conn:
        return tallies.differences(conn)


def test_tallies_count_new_articles(engine):
    _fill(engine)
    assert _differences(engine) == []
    with engine.connect() as conn:
        lavrov = conn.execute(text("SELECT id FROM speaker WHERE slug = 'sergey-lavrov'")).scalar()
        sanctions = conn.execute(text("SELECT id FROM topic WHERE slug = 'sanctions'")).scalar()
    assert (lavrov, 2) in _rows(engine, "tally_speaker")
    assert (0, 1) in _rows(engine, "tally_speaker")  # the quote with no speaker
    assert (lavrov, 201905, "direct", 1) in _rows(engine, "tally_speaker_month")
    assert (lavrov, sanctions, 1) in _rows(engine, "tally_speaker_topic")
    assert (sanctions, 201906, 1) in _rows(engine, "tally_topic_month")
    outlets = _rows(engine, "tally_speaker_outlet")
    assert sum(row[3] for row in outlets if row[0] == lavrov) == 2
    assert {row[2] for row in outlets} == {"Example Wire", "Other Herald"}
    by_topic = _rows(engine, "tally_topic_speaker")
    assert (sanctions, 201906, lavrov, "direct", 1) in by_topic
    assert (sanctions, "direct", lavrov, 1) in _rows(engine, "tally_topic_kind")
    topic_outlets = _rows(engine, "tally_topic_outlet")
    assert (sanctions, 201906, "direct", "Other Herald", 1) in topic_outlets
    assert sum(row[4] for row in topic_outlets) == sum(row[4] for row in by_topic)
    by_speaker_outlet = _rows(engine, "tally_topic_speaker_outlet")
    assert (sanctions, lavrov, "Other Herald", 1) in by_speaker_outlet
    assert sum(row[3] for row in by_speaker_outlet) == sum(row[4] for row in by_topic)


def test_outlet_tally_follows_an_articles_outlet(engine):
    _fill(engine)
    before = _rows(engine, "tally_speaker_outlet")
    with engine.begin() as conn:
        conn.execute(text("UPDATE article SET outlet = 'Renamed Wire' WHERE id = 1"))
    assert _differences(engine) == []
    moved = _rows(engine, "tally_speaker_outlet")
    assert moved != before and "Renamed Wire" in {row[2] for row in moved}
    assert "Renamed Wire" in {row[3] for row in _rows(engine, "tally_topic_outlet")}
    assert "Renamed Wire" in {row[2] for row in _rows(engine, "tally_topic_speaker_outlet")}
    with engine.begin() as conn:
        conn.execute(text("UPDATE article SET outlet = NULL WHERE id = 1"))
        conn.execute(text("UPDATE article SET title = 'Retitled' WHERE id = 2"))
    assert _differences(engine) == []
    assert "Renamed Wire" not in {row[2] for row in _rows(engine, "tally_speaker_outlet")}
    assert "Renamed Wire" not in {row[3] for row in _rows(engine, "tally_topic_outlet")}
    assert "Renamed Wire" not in {row[2] for row in _rows(engine, "tally_topic_speaker_outlet")}


def test_tallies_follow_a_changed_article_and_drop_empty_rows(engine):
    _fill(engine)
    text_ = 'Oil and pressure\n\n"Prices will rise," said Ana Lima.'
    changed = ExtractedArticle(
        text_, "Oil and pressure", "Other Herald", date(2021, 3, 1),
        (quote_in(text_, '"Prices will rise,"', speaker="Ana Lima", topics=("iran",)),),
    )  # fmt: skip
    store_article(engine, "samples/oil.txt", changed, TOPIC_NAMES)
    assert _differences(engine) == []
    assert not any(row[1] == 201906 for row in _rows(engine, "tally_topic_month"))
    assert all(row[-1] > 0 for table in tallies.TALLY_TABLES for row in _rows(engine, table))


def test_tallies_follow_deletes_and_updates(engine):
    _fill(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET speaker_id = NULL WHERE id = 1"))
        conn.execute(text("UPDATE quote SET published = '2020-02-02' WHERE id = 2"))
        conn.execute(text("UPDATE quote SET published = NULL WHERE id = 3"))
        conn.execute(text("UPDATE quote SET kind = 'mixed' WHERE id = 4"))
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id = 5"))
        conn.execute(text("UPDATE quote SET article_id = 1 WHERE id = 6"))
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id = 2 AND topic_id ="
                          " (SELECT id FROM topic WHERE slug = 'iran')"))  # fmt: skip
    assert _differences(engine) == []
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM article WHERE source = 'samples/sochi.txt'"))
    assert _differences(engine) == []
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM quote"))
    assert all(_rows(engine, table) == set() for table in tallies.TALLY_TABLES)


def test_tallies_rebuild_and_db_check(engine, app_settings):
    _fill(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE tally_speaker SET quotes = quotes + 5"))
    problems = {f.check: f.problem for f in check(app_settings.database_url)}
    assert problems["tallies"] == "tally_speaker: 6 rows differ from a recount"
    with engine.begin() as conn:
        tallies.rebuild(conn)
    assert _differences(engine) == []
    assert {f.check: f.problem for f in check(app_settings.database_url)}["tallies"] is None
