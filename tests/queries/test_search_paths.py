"""A search takes different paths by how common its words are (probing the index per quote
in date order, or listing the matches first; ranking the newest matches, or all): every path
must give the same quotes in the same order."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import pytest
from sqlalchemy import event, func, select, text
from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.models import Quote
from app.queries import cache, facets, fts, indexed, quotes
from app.queries.filters import QuoteFilter
from tests.conftest import TOPIC_NAMES, quote_in
from tests.support.statements import statements_naming


def _corpus(engine) -> None:
    for number in range(40):
        words = "sanctions will stay" if number % 2 else "sanctions and talks go on"
        text = f'Item {number}\n\n"Our {words} for {number} weeks," the minister said.'
        fragment = f'"Our {words} for {number} weeks,"'
        quote = quote_in(
            text,
            fragment,
            speaker=f"Minister {number % 5}",
            kind="direct" if number % 3 else "indirect",
        )
        article = ExtractedArticle(
            text=text,
            title=f"Item {number}",
            outlet="Wire",
            date=date(2019, 1 + number % 12, 1 + number % 28),
            quotes=(quote,),
        )
        store_article(engine, f"item-{number}.txt", article, TOPIC_NAMES)


def _ids(engine, query: str) -> list[int]:
    with Session(engine) as session:
        page = quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), 50)
    assert page.error is None
    return [quote.id for quote in page.quotes]


def test_likely_more_than_guesses_from_the_statistics_where_counting_costs(engine):
    """Whether a count is worth trying: SQLite's index counts; PostgreSQL's planner estimates
    from the search column's statistics, close enough to tell a common word from a rare one."""
    _corpus(engine)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE quote"))
    with Session(engine) as session:
        assert fts.likely_more_than(session, "stay", 10)  # in 20 of the 40 quotes
        assert not fts.likely_more_than(session, "stay", 30)
        assert not fts.likely_more_than(session, "sanctions stay nowhere", 5)


@pytest.mark.parametrize(
    "query",
    ["q=sanctions&sort=newest", "q=sanctions&sort=oldest", "q=talks&kind=direct&sort=newest"],
)
def test_probing_the_index_in_date_order_finds_what_listing_finds(engine, monkeypatch, query):
    _corpus(engine)
    monkeypatch.setattr(quotes, "COMMON_SHARE", 2.0)  # never common: list the matches
    listed = _ids(engine, query)
    monkeypatch.setattr(quotes, "COMMON_SHARE", 0.0)  # always common: probe per quote
    assert _ids(engine, query) == listed and listed


@pytest.mark.sqlite_only(reason="the index probe and the ranking window are SQLite's")
def test_ranking_within_the_window_when_filters_keep_enough(engine, monkeypatch):
    """A narrowed search whose words have more matches than the window ranks those of the
    newest matches its filters keep, in the order ranking them all gives, and says so."""
    _corpus(engine)
    query = "q=sanctions&kind=direct"
    monkeypatch.setattr(quotes, "WINDOW_HITS", 10**6)  # too few kept: every match is ranked
    everything = _ids(engine, query)
    with Session(engine) as session:
        page = quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), 50)
        matching = session.execute(
            text("SELECT rowid FROM quote_fts WHERE quote_fts MATCH 'sanctions'")
        )
        newest = set(sorted(matching.scalars())[-30:])
    assert page.ranked_among is None
    monkeypatch.setattr(quotes, "WINDOW_HITS", 1)
    monkeypatch.setattr(quotes, "RANK_WINDOW", 30)  # the newest 30 of the 40 matches
    assert _ids(engine, query) == [i for i in everything if i in newest]
    assert 0 < len(newest & set(everything)) < len(everything)
    with Session(engine) as session:
        page = quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), 50)
    assert page.ranked_among == 30  # the reader is told
    monkeypatch.setattr(quotes, "RANK_WINDOW", 40)  # the window holds every match: not told
    assert _ids(engine, query) == everything
    with Session(engine) as session:
        page = quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), 50)
    assert page.ranked_among is None


def test_more_than_says_whether_a_word_is_in_more_quotes_than_a_limit(engine):
    # PostgreSQL stops counting after the limit: the answer must still be exact at its edge.
    _corpus(engine)
    with Session(engine) as session:
        stay = fts.count(session, "stay")
        assert stay == 20
        assert fts.more_than(session, "stay", 19)
        assert not fts.more_than(session, "stay", 20)
        assert not fts.more_than(session, "nowhere", 0)


@pytest.mark.parametrize("query", ["q=sanctions&kind=direct", "q=talks&from=2019-03-01"])
def test_every_match_ranked_pages_on_without_gaps_or_repeats(engine, query):
    """A narrowed search ranks every match (on PostgreSQL on the rows the filters select):
    its pages, cursor after cursor, are the one long list, and hold what the filters match."""
    _corpus(engine)
    whole = _ids(engine, query)
    paged, after = [], None
    with Session(engine) as session:
        for _ in range(20):
            f = QuoteFilter.from_params(QueryParams(query + (f"&after={after}" if after else "")))
            page = quotes.quote_page(session, f, 4)
            paged += [quote.id for quote in page.quotes]
            after = page.next_cursor
            if after is None:
                break
    assert paged == whole and len(whole) > 4
    assert set(whole) == set(_ids(engine, query + "&sort=newest"))


@pytest.mark.parametrize("window", [True, False])
@pytest.mark.parametrize("reports", [False, True])
def test_ranked_words_alone_leave_out_other_reports_unless_asked(
    engine, monkeypatch, window, reports
):
    """Words alone are ranked from the index without reading the quotes: a statement's other
    reports are still left out (told apart by their partial index), or kept when asked for,
    in or out of the ranking window."""
    _corpus(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
        wanted = conn.execute(
            text(
                "SELECT id FROM quote WHERE text LIKE '%sanctions%'"
                + ("" if reports else " AND is_lead")
            )
        ).scalars()
        wanted = set(wanted)
    monkeypatch.setattr(quotes, "COMMON_SHARE", 0.0 if window else 2.0)
    query = "q=sanctions" + ("&reports=all" if reports else "")
    listed = _ids(engine, query)
    assert set(listed) == wanted and len(listed) == len(wanted)
    assert (len(wanted) == 40) == reports  # without reports, a third are left out
    assert set(_ids(engine, query + "&sort=newest")) == wanted  # the same matches, by date


@pytest.mark.parametrize("walk", [True, False])
def test_words_alone_are_ranked_within_their_newest_matches_page_after_page(
    engine, monkeypatch, walk
):
    """Words alone with more matches than the window rank their newest RANK_WINDOW (other
    reports among them, then left out), in the order ranking every match gives, cursor after
    cursor, and the reader is told; a window that holds every match is not told. PostgreSQL
    finds the window walking back through the quotes or from the list of every match, the
    same window either way."""
    monkeypatch.setattr(quotes, "LISTED_MATCH_COST", 10**9 if walk else 0)
    _corpus(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
        leads = set(conn.execute(text("SELECT id FROM quote WHERE is_lead")).scalars())
    query = "q=sanctions"  # in all 40 quotes

    def page_of(size: int) -> quotes.QuotePage:
        with Session(engine) as session:
            return quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), size)

    monkeypatch.setattr(quotes, "RANK_WINDOW", 10**6)
    everything = _ids(engine, query)
    assert set(everything) == leads and page_of(50).ranked_among is None
    monkeypatch.setattr(quotes, "RANK_WINDOW", 30)
    with engine.connect() as conn:
        newest = set(conn.execute(text("SELECT id FROM quote ORDER BY id DESC LIMIT 30")).scalars())
    windowed = [i for i in everything if i in newest]
    with statements_naming(engine, "quote.id + ") as listed:
        assert _ids(engine, query) == windowed and 0 < len(windowed) < len(everything)
    assert bool(listed) == (engine.dialect.name == "postgresql" and not walk)
    assert _paged_ids(engine, query, 4) == windowed
    assert page_of(4).ranked_among == 30
    monkeypatch.setattr(quotes, "RANK_WINDOW", 40)
    assert _ids(engine, query) == everything and page_of(50).ranked_among is None


@pytest.mark.sqlite_only(reason="the walk in date order is SQLite's")
def test_a_walk_over_its_budget_gives_way_to_listing_the_matches(engine, monkeypatch):
    """Matches bunched far from where the walk starts would have it probe every quote in
    between: past its budget the page lists the matches instead, and shows the same."""
    _corpus(engine)
    query = "q=talks&sort=newest"
    monkeypatch.setattr(quotes, "COMMON_SHARE", 2.0)  # never common: list the matches
    listed = _ids(engine, query)
    monkeypatch.setattr(quotes, "COMMON_SHARE", 0.0)  # always common: walk
    monkeypatch.setattr(quotes, "WALK_BUDGET_MS", 0.000001)
    monkeypatch.setattr(fts, "PROGRESS_STEPS", 1)  # the clock looked at every step
    with statements_naming(engine, "quote_fts.rowid = quote.id") as walks:
        assert _ids(engine, query) == listed and listed
    assert walks  # the walk was tried first


@pytest.mark.sqlite_only(reason="the list of dated ids is SQLite's path")
@pytest.mark.parametrize("reports", [False, True])
@pytest.mark.parametrize("dates", ["from=2019-03-01", "from=2019-02-03&to=2019-04-20"])
def test_words_and_narrow_dates_ranked_from_the_index_as_from_the_quotes(
    engine, monkeypatch, dates, reports
):
    """Words within dates that hold few quotes are ranked from the index and a list of the
    dates' ids: the same quotes in the same order as reading every match's row."""
    _corpus(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
    query = f"q=sanctions&{dates}" + ("&reports=all" if reports else "")
    with statements_naming(engine, "fts.id + ? IN (SELECT quote.id") as listed:
        from_index = _ids(engine, query)
    assert listed  # the dates. ids were listed
    monkeypatch.setattr(quotes, "_few_dated", lambda *args: False)
    assert _ids(engine, query) == from_index and from_index


@contextmanager
def index_queries(engine) -> Iterator[list[str]]:
    """The FTS5 queries the engine runs inside the block (they are bound parameters)."""
    found: list[str] = []

    def record(conn, cursor, statement, parameters, *args) -> None:
        if "quote_fts MATCH" in statement:
            found.extend(p for p in parameters if isinstance(p, str) and "text : (" in p)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield found
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _without_index_filters(monkeypatch) -> None:
    """Searches read the quote rows for every filter, as before the index held kinds and
    months beside the words (migration 0013)."""
    monkeypatch.setattr(quotes, "index_within", lambda *args: None)
    monkeypatch.setattr(facets, "index_within", lambda *args: None)
    monkeypatch.setattr(facets, "_index_counts", lambda *args: False)


def _page_and_counts(engine, query: str) -> tuple[list[int], object]:
    cache.clear()
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        facet_values = facets.facet_counts(session, f, budget_ms=60_000)
    return _paged_ids(engine, query), facet_values


@pytest.mark.sqlite_only(reason="the kind and month columns are SQLite's index")
@pytest.mark.parametrize("reports", [False, True])
@pytest.mark.parametrize("window", [False, True])
@pytest.mark.parametrize(
    "query",
    [
        "q=sanctions&kind=indirect",
        "q=talks&kind=indirect",
        "q=stay&kind=mixed",  # no quote of the kind: nothing found
        "q=sanctions&from=2019-02-01&to=2019-04-30",
        "q=talks&from=2019-01-01&to=2019-06-30&kind=direct",
        "q=sanctions OR minister&from=2019-12-01&to=2019-12-31",
    ],
)
def test_the_index_narrows_by_kind_and_months_as_the_quote_rows_do(
    engine, monkeypatch, query, window, reports
):
    """Words with a kind or whole months are ranked and counted from the index alone: the
    same quotes, in the same order, page after page, and the same counts (total, kinds,
    topics, speakers) as reading every match's row."""
    _corpus(engine)
    monkeypatch.setattr(quotes, "INDEX_WITHIN_FROM", 0)  # 40 quotes: every word is "many"
    monkeypatch.setattr(facets, "INDEX_WITHIN_FROM", 0)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 7 = 0"))
    if window:  # the newest 12 matches of the words, when the filters keep 2 of them
        monkeypatch.setattr(quotes, "RANK_WINDOW", 12)
        monkeypatch.setattr(quotes, "WINDOW_HITS", 2)
    query += "&reports=all" if reports else ""
    with index_queries(engine) as asked:
        from_index, counted = _page_and_counts(engine, query)
    narrowed = "kind : " if "kind=" in query else "month : ("
    assert any(narrowed in asked_query for asked_query in asked)
    _without_index_filters(monkeypatch)
    with index_queries(engine) as asked:
        assert _page_and_counts(engine, query) == (from_index, counted)
    assert asked and not any(narrowed in asked_query for asked_query in asked)
    assert from_index or "stay&kind=mixed" in query


@pytest.mark.sqlite_only(reason="the kind and month columns are SQLite's index")
def test_the_index_keeps_kind_and_month_when_a_quote_changes(engine, monkeypatch):
    """A quote's kind and date, changed after it was stored, are what its search finds."""
    _corpus(engine)
    monkeypatch.setattr(quotes, "INDEX_WITHIN_FROM", 0)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET kind = 'mixed', published = '2021-05-06' WHERE id = 4"))
    assert _ids(engine, "q=sanctions&kind=mixed") == [4]
    assert _ids(engine, "q=sanctions&from=2021-05-01&to=2021-05-31") == [4]
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM quote WHERE id = 4"))
        conn.execute(text("INSERT INTO quote_fts(quote_fts, rank) VALUES ('integrity-check', 1)"))
    assert _ids(engine, "q=sanctions&kind=mixed") == []


@pytest.mark.parametrize(
    "dates", ["from=2019-05-01&to=2019-02-28", "from=2016-01-01&to=2019-12-31"]
)
def test_dates_the_index_cannot_list_are_left_to_the_quote_rows(engine, monkeypatch, dates):
    """Reversed dates (no month at all) and spans of many months are not narrowed in the
    index: the first finds nothing, without an error; the second what the rows say."""
    _corpus(engine)
    monkeypatch.setattr(quotes, "INDEX_WITHIN_FROM", 0)
    found = _ids(engine, f"q=sanctions&{dates}")
    assert found == ([] if dates.startswith("from=2019-05") else _ids(engine, "q=sanctions"))


def test_a_typed_word_never_meets_a_kind_or_month_token(engine):
    """The reader's words are looked for in the text alone: a prefix that begins every kind
    or month token finds nothing it should not."""
    _corpus(engine)
    assert _ids(engine, "q=k*") == _ids(engine, "q=zzzz") == []
    assert _ids(engine, "q=m2*") == []


def _paged_ids(engine, query: str, size: int = 4) -> list[int]:
    """Every quote of `query`, page after page of `size` by the cursors."""
    paged, after = [], None
    with Session(engine) as session:
        for _ in range(40):
            f = QuoteFilter.from_params(QueryParams(query + (f"&after={after}" if after else "")))
            page = quotes.quote_page(session, f, size)
            paged += [quote.id for quote in page.quotes]
            if (after := page.next_cursor) is None:
                break
    return paged


@pytest.mark.sqlite_only(reason="the walks in date order are SQLite's")
@pytest.mark.parametrize("reports", [False, True])
@pytest.mark.parametrize(
    "query",
    [
        "q=sanctions&sort=newest",
        "q=sanctions&sort=oldest",
        "q=sanctions&from=2019-03-01&to=2019-09-30&sort=newest",
    ],
)
def test_walking_the_date_index_finds_what_listing_finds(engine, monkeypatch, query, reports):
    """Words (and dates) alone in many quotes walk the date index, keeping the ids in their
    list of matches and leaving out other reports: page after page, what listing the
    matches and sorting them gives."""
    _corpus(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
    query += "&reports=all" if reports else ""
    monkeypatch.setattr(quotes, "COMMON_SHARE", 2.0)
    monkeypatch.setattr(quotes, "DATE_WALK_FROM", 10**9)  # never: list the matches
    listed = _paged_ids(engine, query)
    monkeypatch.setattr(quotes, "DATE_WALK_FROM", 0)  # always walk the dates
    with statements_naming(engine, "quote.id + ? IN (SELECT") as walks:
        assert _paged_ids(engine, query) == listed and len(listed) > 4
    assert walks


def test_a_words_match_count_is_kept_until_the_data_changes(engine):
    """Every page of the same words (sorted, by kind, by dates) asks how many quotes they
    match: counted by the first, then kept until an import changes the data."""
    _corpus(engine)
    sqlite = engine.dialect.name == "sqlite"
    counting = "count(*) FROM quote_fts" if sqlite else "websearch_to_tsquery"
    with statements_naming(engine, counting) as counts:
        with Session(engine) as session:
            first = fts.count(session, "sanctions")
        with Session(engine) as session:
            assert fts.count(session, "sanctions") == first == 40
        assert len(counts) == 1
        text_ = 'Late\n\n"Our sanctions stay," the minister said.'
        quote = quote_in(text_, '"Our sanctions stay,"', speaker="Minister 1")
        late = ExtractedArticle(text_, "Late", "Wire", date(2020, 1, 1), (quote,))
        store_article(engine, "late.txt", late, TOPIC_NAMES)
        with Session(engine) as session:
            assert fts.count(session, "sanctions") == 41
        assert len(counts) == 2


@pytest.mark.parametrize("kind", ["direct", "indirect"])
def test_common_words_of_a_kind_are_ranked_within_the_newest_window(engine, monkeypatch, kind):
    """Words and a kind: when the window of the words' newest matches holds enough of the
    kind, its quotes of that kind are ranked, in the same order as the words alone, and the
    reader is told so; on both backends, PostgreSQL without ranking every match of the kind."""
    _corpus(engine)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("ANALYZE quote"))  # the planner's count of the words' matches
    monkeypatch.setattr(quotes, "RANK_WINDOW", 30)
    monkeypatch.setattr(quotes, "WINDOW_HITS", 2)
    with engine.connect() as conn:
        kinds = {i: k for i, k in conn.execute(text("SELECT id, kind FROM quote"))}
    alone = _ids(engine, "q=sanctions")
    expected = [i for i in alone if kinds[i] == kind]
    assert 0 < len(expected) < len(alone)

    def everything(*args):
        raise AssertionError("every match of the kind was ranked")

    monkeypatch.setattr(quotes, "_ranked_in_place", everything)
    query = f"q=sanctions&kind={kind}"
    assert _ids(engine, query) == expected and expected
    assert _paged_ids(engine, query, 4) == expected
    with Session(engine) as session:
        page = quotes.quote_page(session, QuoteFilter.from_params(QueryParams(query)), 4)
    assert page.ranked_among == 30


@pytest.mark.parametrize(
    "query", ["q=sanctions", "q=sanctions&kind=direct", "q=sanctions&from=2019-01-01"]
)
def test_equally_relevant_quotes_come_newest_first(engine, query):
    """Quotes the words fit equally well (same length, same count of the word) are listed
    newest first, page after page: not the archive's oldest first."""
    names = ("Anna Berg", "Pavel Kron", "Ines Duarte", "Omar Haddad", "Lena Vogt", "Kofi Mensah")
    for n, name in enumerate(names, start=10):
        text = f'Item {n}\n\n"Our sanctions stay for {n} more weeks," {name} said.'
        quote = quote_in(text, f'"Our sanctions stay for {n} more weeks,"', speaker=name)
        article = ExtractedArticle(text, f"Item {n}", "Wire", date(2019, 3, n), (quote,))
        store_article(engine, f"item-{n}.txt", article, TOPIC_NAMES)
    found = _ids(engine, query)
    assert len(found) == 6 and found == sorted(found, reverse=True)
    assert _paged_ids(engine, query, 4) == found


@pytest.mark.sqlite_only(reason="SQLite is told which index to read; PostgreSQL's planner chooses")
@pytest.mark.parametrize("query", ["q=sanctions", "q=sanctions&from=2019-03-01&to=2019-08-31"])
def test_a_words_matches_are_counted_through_the_index_of_what_counts_read(engine, query):
    """Each match is looked up in ix_quote_facts, not in the table, whose rows carry the text;
    the counts are those of the quote rows."""
    _corpus(engine)
    cache.clear()
    f = QuoteFilter.from_params(QueryParams(query))
    run: list[tuple[str, object]] = []

    def record(conn, cursor, statement, parameters, *args) -> None:
        run.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", record)
    try:
        with Session(engine) as session:
            counted = facets.facet_counts(session, f, budget_ms=60_000)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    hinted = [(sql, params) for sql, params in run if "INDEXED BY ix_quote_facts" in sql]
    assert hinted
    with engine.connect() as conn:
        for sql, params in hinted:
            plan = " ".join(
                row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)
            )
            assert "COVERING INDEX ix_quote_facts (id=?" in plan, plan
        leads = conn.exec_driver_sql("SELECT count(*) FROM quote WHERE is_lead").scalar()
    assert counted is not None and counted.total == len(_paged_ids(engine, query)) <= leads
    speakers = {value.label: value.count for value in counted.facets[0].values}
    assert sum(speakers.values()) == counted.total


def test_only_a_count_of_listed_ids_names_the_index():
    """A speaker's or a country's quotes come from their own index: naming ix_quote_facts,
    in no order but the id's, would have SQLite read all of it."""
    stmt = select(func.count()).select_from(Quote)
    assert indexed.counting(stmt, QuoteFilter(q="talks")) is not stmt
    assert indexed.counting(stmt, QuoteFilter(topic="trade")) is not stmt
    assert indexed.counting(stmt, QuoteFilter(topic="trade", speakers=("a-b",))) is stmt
    assert indexed.counting(stmt, QuoteFilter(speakers=("a-b",), kind="direct")) is stmt
    assert indexed.counting(stmt, QuoteFilter(country="FR", date_from=date(2020, 1, 1))) is stmt
