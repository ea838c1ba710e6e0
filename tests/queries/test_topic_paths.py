"""A topic's quotes are found through its links, which carry their quote's date (migration
0011): pages of a topic walk its index in page order, counts read the links of the period.
Both must give what the quotes themselves say, and the dates must stay their quotes'."""

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.maintenance import tallies
from app.maintenance.check import check
from app.queries import export, facets, quotes
from app.queries.cache import clear
from app.queries.filters import QuoteFilter
from tests.conftest import TOPIC_NAMES, quote_in

SPEAKERS = [("Ana Lima", "BR"), ("Jon Berg", "NO"), ("Li Wei", "CN"), (None, None)]


def _corpus(engine) -> None:
    """48 articles of two quotes, on one, two or no topics; one in eight undated; dates
    repeat, so the order falls back on the quote id."""
    for number in range(48):
        body = f'Item {number}\n\n"We act now on item {number}," one said. "And later," said two.'
        tagged = [("iran",), ("iran", "sanctions"), ("sanctions",), ()][number % 4]
        made = []
        for n, fragment in enumerate((f'"We act now on item {number},"', '"And later,"')):
            name, country = SPEAKERS[(number + n) % 4]
            made.append(quote_in(
                body, fragment, speaker=name, speaker_country=country, topics=tagged[n:] or tagged,
                kind="direct" if (number + n) % 3 else "indirect",
            ))  # fmt: skip
        day = None if number % 8 == 7 else date(2019 + number % 3, 1 + number % 12, 1 + number % 5)
        outlet = "Wire" if number % 2 else "Herald"
        article = ExtractedArticle(body, f"Item {number}", outlet, day, tuple(made))
        store_article(engine, f"item-{number}.txt", article, TOPIC_NAMES)


def _expected(engine, f: QuoteFilter) -> list[int]:
    """The ids `f` matches in its order (undated last), from the quotes themselves."""
    sql = """SELECT q.id, q.published, q.kind, s.country, a.outlet FROM quote q
        JOIN article a ON a.id = q.article_id LEFT JOIN speaker s ON s.id = q.speaker_id
        WHERE q.is_lead AND EXISTS (SELECT 1 FROM quote_topic qt JOIN topic t ON t.id = qt.topic_id
                                    WHERE qt.quote_id = q.id AND t.slug = :topic)"""
    with engine.connect() as conn:
        rows = conn.execute(text(sql), {"topic": f.topic}).all()
    wanted = [
        (ident, day)
        for ident, day, kind, country, outlet in rows
        if (f.date_from is None or (day is not None and str(day) >= str(f.date_from)))
        and (f.date_to is None or (day is not None and str(day) <= str(f.date_to)))
        and f.kind in (None, kind)
        and f.country in (None, country)
        and f.outlet in (None, outlet)
    ]
    dated = sorted(((str(day), ident) for ident, day in wanted if day is not None))
    undated = sorted(ident for ident, day in wanted if day is None)
    if f.sort != "oldest":
        return [ident for _, ident in reversed(dated)] + undated[::-1]
    return [ident for _, ident in dated] + undated


def _pages(engine, f: QuoteFilter, size: int = 4) -> list[int]:
    """Every page of `f`, following the cursors."""
    found: list[int] = []
    with Session(engine) as session:
        while True:
            page = quotes.quote_page(session, f, size)
            assert page.error is None
            found += [q.id for q in page.quotes]
            if page.next_cursor is None:
                return found
            f = replace(f, after=page.next_cursor)


FILTERS = [
    "topic=iran",
    "topic=iran&sort=oldest",
    "topic=sanctions&from=2019-03-01&to=2020-06-30",
    "topic=iran&from=2020-02-01&to=2020-02-29",
    "topic=iran&kind=indirect&sort=oldest",
    "topic=sanctions&country=CN",
    "topic=iran&outlet=Wire&to=2020-12-31",
    "topic=nothing-here",
]


@pytest.mark.parametrize("query", FILTERS)
def test_a_topics_pages_are_its_quotes_in_order(engine, query):
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    expected = _expected(engine, f)
    assert _pages(engine, f) == expected
    assert expected or f.topic == "nothing-here"


@pytest.mark.parametrize("query", FILTERS)
def test_a_topics_counts_are_its_quotes(engine, query):
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    clear()
    with Session(engine) as session:
        counted = facets.facet_counts(session, f, budget_ms=10_000)
    assert counted is not None and counted.total == len(_expected(engine, f))


def test_topic_links_carry_their_quotes_date(engine, app_settings):
    _corpus(engine)
    misdated = (
        "SELECT count(*) FROM quote_topic qt JOIN quote q ON q.id = qt.quote_id"
        " WHERE qt.published IS DISTINCT FROM q.published"
    )
    with engine.begin() as conn:
        assert conn.execute(text(misdated)).scalar_one() == 0
        assert conn.execute(text("SELECT count(published) FROM quote_topic")).scalar_one() > 40
        # A link written without a date gets its quote's; a quote redated takes its links along.
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id = 1"))
        conn.execute(text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, 1)"))
        conn.execute(text("UPDATE quote SET published = '2024-02-29' WHERE id = 2"))
        assert conn.execute(text(misdated)).scalar_one() == 0
        dated = "SELECT published FROM quote_topic WHERE quote_id = :id"
        assert str(conn.execute(text(dated), {"id": 2}).scalars().first()) == "2024-02-29"
        assert conn.execute(text(dated), {"id": 1}).scalar_one() is not None
        conn.execute(text("UPDATE quote_topic SET published = '1999-01-01' WHERE quote_id = 2"))
    problems = {finding.check: finding.problem for finding in check(app_settings.database_url)}
    assert problems["tallies"] == "quote_topic: 1 topic links dated unlike their quote"
    with engine.begin() as conn:
        tallies.rebuild(conn)
        assert conn.execute(text(misdated)).scalar_one() == 0


def test_quotes_list_their_topic_links(engine, app_settings):
    """Each quote lists its topic ids as its links do, ascending, as ingest writes them and as
    the links' triggers follow them; `db check` finds a list that strays, `rebuild` mends it."""
    _corpus(engine)
    links = (
        "SELECT q.id, q.topic_ids, (SELECT count(*) FROM quote_topic WHERE quote_id = q.id)"
        " FROM quote q"
    )
    listed = "SELECT topic_ids FROM quote WHERE id = :id"
    with engine.begin() as conn:
        stored = conn.execute(text(links)).all()
        assert sum(1 for _, ids, n in stored if n > 1) > 0  # some quotes have several topics
        for ident, ids, _ in stored:
            expected = conn.execute(
                text("SELECT topic_id FROM quote_topic WHERE quote_id = :id ORDER BY topic_id"),
                {"id": ident},
            ).scalars()
            assert ids == (",".join(map(str, expected)) or None)
        topic_ids = conn.execute(text("SELECT id FROM topic ORDER BY id")).scalars().all()
        # Links added, removed and moved to another quote are followed.
        conn.execute(text("DELETE FROM quote_topic WHERE quote_id IN (1, 2)"))
        assert conn.execute(text(listed), {"id": 1}).scalar_one() is None
        for topic in (topic_ids[1], topic_ids[0]):
            conn.execute(
                text("INSERT INTO quote_topic (quote_id, topic_id) VALUES (1, :t)"), {"t": topic}
            )
        assert (
            conn.execute(text(listed), {"id": 1}).scalar_one() == f"{topic_ids[0]},{topic_ids[1]}"
        )
        conn.execute(
            text("UPDATE quote_topic SET quote_id = 2 WHERE quote_id = 1 AND topic_id = :t"),
            {"t": topic_ids[1]},
        )
        assert conn.execute(text(listed), {"id": 1}).scalar_one() == str(topic_ids[0])
        assert conn.execute(text(listed), {"id": 2}).scalar_one() == str(topic_ids[1])
        tallies.rebuild(conn)  # the tallies do not follow a link moved (ingest never does)
        conn.execute(text("UPDATE quote SET topic_ids = '999' WHERE id = 3"))
    problems = {finding.check: finding.problem for finding in check(app_settings.database_url)}
    assert problems["tallies"] == "quote: 1 quotes list other topics than their links"
    with engine.begin() as conn:
        tallies.rebuild(conn)
        assert tallies.mislisted_topics(conn) == []


def test_an_export_names_each_quotes_topics_as_its_links_do(engine):
    """The CSV export's topics column: each quote's topic names, alphabetical, from the ids it
    lists; a topic missing from the list read at the start (stored since) is read again."""
    _corpus(engine)
    with engine.begin() as conn:
        links = conn.execute(
            text(
                "SELECT qt.quote_id, t.name FROM quote_topic qt JOIN topic t ON t.id = qt.topic_id"
            )
        ).all()
    expected: dict[int, list[str]] = {}
    for quote_id, name in links:
        expected.setdefault(quote_id, []).append(name)
    with Session(engine) as session:
        rows = list(export.export_rows(session, QuoteFilter(reports=True)))
        named = export._TopicNames(session)
        named._names = {}  # as if every topic were stored after the export started
        listed = "SELECT id, topic_ids FROM quote WHERE topic_ids LIKE '%,%'"
        several = session.execute(text(listed)).first()
        assert several is not None
        names = named(several[1])
    got = {row[0]: row[export.TOPICS] for row in rows}
    assert got == {
        ident: export.TOPIC_SEPARATOR.join(sorted(expected[ident])) if ident in expected else None
        for ident in got
    }
    assert names == export.TOPIC_SEPARATOR.join(sorted(expected[several[0]]))
