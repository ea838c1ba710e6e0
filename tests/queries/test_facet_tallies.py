"""Counts read from the tallies agree with counting the quotes, for every filter the tallies
claim to answer, dates in whole months included; and a page's counts are either tried or
sent to the background according to what the tallies say they would cost."""

import os
import time
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import Session
from starlette.datastructures import QueryParams

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.queries import facet_tallies, facets, tallies
from app.queries.cache import peek
from app.queries.filters import QuoteFilter
from app.queries.slugs import topic_id
from tests.conftest import TOPIC_NAMES, quote_in

SPEAKERS = [
    ("Sergey Lavrov", "RU"),
    ("Mike Pompeo", "US"),
    ("Ingrid Valen", "NO"),
    (None, None),
]
TOPICS = [("sanctions",), ("iran", "sanctions"), ("venezuela",), ()]


def _corpus(engine) -> None:
    """Quotes spread over months, speakers, kinds, topics and outlets (and one undated)."""
    number = 0
    for month in range(1, 13):
        turned = TOPICS[month % 4 :] + TOPICS[: month % 4]
        for (speaker, country), topics in zip(SPEAKERS, turned, strict=True):
            number += 1
            text = f'Report {number}\n\n"Words number {number} matter," someone said.'
            quote = quote_in(
                text,
                f'"Words number {number} matter,"',
                speaker=speaker,
                speaker_country=country,
                topics=topics,
                kind="direct" if number % 3 else "indirect",
            )
            article = ExtractedArticle(
                text=text,
                title=f"Report {number}",
                outlet=["North Wire", "South Post", "North Wire", None][number % 4],
                date=None if number == 7 else date(2019, month, 10 + month),
                quotes=(quote,),
            )
            store_article(engine, f"r{number}.txt", article, TOPIC_NAMES)


FILTERS = [
    "from=2019-03-01&to=2019-05-31",
    "from=2019-06-01",
    "to=2019-02-28",
    "from=2019-01-01&to=2019-12-31&country=RU",
    "from=2019-02-01&to=2019-04-30&speaker=mike-pompeo",
    "from=2019-02-01&to=2019-07-31&topic=sanctions",
    "from=2019-04-01&to=2019-04-30&speaker=unknown",
    "country=US&topic=iran",
    "speaker=sergey-lavrov",
    "country=NO",
    "",
    # A topic by month, kind, speaker and country (migration 0012's tallies), and a
    # country's or a speaker's topics in some months.
    "topic=sanctions",
    "topic=sanctions&kind=direct",
    "topic=sanctions&kind=indirect&from=2019-01-01&to=2019-06-30",
    "topic=iran&from=2019-03-01&to=2019-12-31&country=US",
    "topic=sanctions&from=2019-01-01&to=2019-09-30&speaker=sergey-lavrov",
    "topic=sanctions&kind=direct&speaker=unknown",
    "topic=venezuela&kind=direct&country=NO",
    # A speaker's or a country's outlets on a topic (migration 0018's tally).
    "topic=sanctions&speaker=sergey-lavrov",
    "topic=sanctions&speaker=unknown",
    "topic=sanctions&country=RU",
    "country=RU&from=2019-02-01&to=2019-08-31",
    # A kind without a topic: its total only (the tallies by speaker and month).
    "kind=direct",
    "kind=indirect&country=RU&from=2019-02-01&to=2019-10-31",
    "kind=direct&speaker=unknown",
    "kind=indirect&country=ZZ",
]


@pytest.mark.parametrize("query", FILTERS)
def test_tallies_agree_with_counting_the_quotes(engine, query):
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    answered = 0
    with Session(engine) as session:
        scope = facet_tallies.scope_of(session, f)
        assert scope is not None
        if facet_tallies.answers(scope, "total"):
            assert facet_tallies.total(session, scope) == facets._count_quotes(session, f)
            answered += 1
        for name in facets.FACETS:
            others = facets._others(f, name)
            others_scope = facet_tallies.scope_of(session, others)
            if not facet_tallies.answers(others_scope, name):
                continue
            assert others_scope is not None
            rows = facet_tallies.counts(session, others_scope, name, top=20)
            from_tallies = {v.value: v.count for v in facets._values(name, rows)}
            counted = {v.value: v.count for v in facets._facet(session, f, name, top=20)}
            assert from_tallies == counted, name
            answered += 1
    assert answered >= 2  # each filter here has the total or facets in the tallies


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("from=2019-01-01&to=2019-06-30", {"North Wire", "South Post"}),
        ("speaker=mike-pompeo", {"North Wire"}),
        ("country=NO", set()),  # Ingrid Valen's articles have no outlet
    ],
)
def test_outlet_counts_come_from_the_tallies_and_leave_out_no_outlet(engine, query, shown):
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        scope = facet_tallies.scope_of(session, f)
        assert scope is not None and facet_tallies.answers(scope, "outlet")
        rows = facet_tallies.counts(session, scope, "outlet", top=8)
    assert {v.label for v in facets._values("outlet", rows)} == shown
    # A topic's outlets by speaker are tallied over all months and kinds only; no tally
    # has kinds without a topic.
    assert facet_tallies.answers(facet_tallies.Scope(speaker_id=1, topic_id=1), "outlet")
    in_months = facet_tallies.Scope(speaker_id=1, topic_id=1, months=(201901, 201906))
    assert not facet_tallies.answers(in_months, "outlet")
    of_kind = facet_tallies.Scope(country="RU", topic_id=1, kind="direct")
    assert not facet_tallies.answers(of_kind, "outlet")
    assert not facet_tallies.answers(facet_tallies.Scope(kind="direct"), "speaker")


def test_dates_that_cut_a_month_are_not_answered_but_bound(engine):
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams("from=2019-03-05&to=2019-05-31"))
    with Session(engine) as session:
        assert facet_tallies.scope_of(session, f) is None
        wide = facet_tallies.scope_of(session, f, widen=True)
        assert wide is not None and wide.months == (201903, 201905)
        assert facet_tallies.total(session, wide) >= facets._count_quotes(session, f)


def test_counts_known_to_be_too_many_are_not_tried(engine, monkeypatch):
    _corpus(engine)
    monkeypatch.setattr(facets, "COUNT_NOW_AT_MOST", 5)
    tried = []
    monkeypatch.setattr(facets, "_within", lambda *args: tried.append(args) or None)
    monkeypatch.setattr(facets, "_count_later", lambda *args: None)
    with Session(engine) as session:
        # Kind and outlet facets need the quotes; the tallies say there are 48 of them.
        assert facets.facet_counts(session, QuoteFilter(kind="direct"), 25) is None
        assert tried == []
        # Pompeo in April: one quote, so the count is tried.
        few = QuoteFilter.from_params(
            QueryParams("speaker=mike-pompeo&kind=direct&from=2019-04-01&to=2019-04-30")
        )
        facets.facet_counts(session, few, 25)
        assert len(tried) == 1


@pytest.mark.skipif(not hasattr(os, "setpriority"), reason="no per-thread priority here")
def test_background_counts_run_at_a_lower_priority_than_pages():
    """Under load the pages asked for go first; the counts thread takes the time they leave."""
    import threading

    def own_priority() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    page = own_priority()
    counts = facets._background.submit(own_priority).result(timeout=10)
    assert counts == min(19, page + facets.COUNTS_NICE) > page


def test_the_counting_thread_rests_as_long_as_a_count_took_before_the_next(engine, monkeypatch):
    """Counts take at most about half of what the pages leave: the next queued count starts
    no sooner than the last one's time after it ended, and the first is reported done (its
    counts stored) before its rest."""
    spans: list[tuple[float, float]] = []

    def slow_count(session) -> None:
        start = time.monotonic()
        time.sleep(0.2)
        spans.append((start, time.monotonic()))

    monkeypatch.setattr(facets, "MAX_REST_S", 0.3)
    monkeypatch.setattr(facets, "_pages_busy", lambda: True)
    facets._later(engine, "first", slow_count)
    facets._later(engine, "second", slow_count)
    deadline = time.monotonic() + 10
    while not spans and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.02)  # the first has ended and rests; the second waits
    with facets._queued_lock:
        assert facets._queued == {"second"}
    assert facets.wait_for_background(timeout=10)
    (_, first_end), (second_start, _) = spans
    assert second_start - first_end >= 0.2


def test_waiting_for_the_background_waits_out_the_rest_and_the_session(engine, monkeypatch):
    """A count is reported done before its rest, but waiting for the background also waits
    out the rest: until then the thread holds a connection (on PostgreSQL, the counts' turn),
    which disposing of the engine would leave open."""
    rested = []

    def rest(seconds: float) -> None:
        time.sleep(0.2)
        rested.append(engine.pool.checkedout())

    monkeypatch.setattr(facets, "_pages_busy", lambda: True)
    monkeypatch.setattr(facets, "_rest", rest)
    facets._later(engine, "counted", lambda session: session.execute(text("SELECT 1")))
    assert facets.wait_for_background(timeout=10)
    assert rested and engine.pool.checkedout() == 0


def test_the_counting_thread_does_not_rest_while_no_page_is_built(engine, monkeypatch):
    """A reader searching one word after another on an otherwise idle server gets each
    search's counts without waiting out the last one's rest."""
    spans: list[tuple[float, float]] = []

    def slow_count(session) -> None:
        start = time.monotonic()
        time.sleep(0.2)
        spans.append((start, time.monotonic()))

    monkeypatch.setattr(facets, "_pages_busy", lambda: False)
    facets._later(engine, "first", slow_count)
    facets._later(engine, "second", slow_count)
    assert facets.wait_for_background(timeout=10)
    (_, first_end), (second_start, _) = spans
    assert second_start - first_end < 0.1


@pytest.mark.postgres
def test_postgresql_counts_rest_holding_the_turn_of_every_process(engine, monkeypatch):
    """On PostgreSQL another process's count waits out the rest too (its server's work is
    not niced): the turn is held until the rest ends."""
    monkeypatch.setattr(facets, "_pages_busy", lambda: True)
    elsewhere = create_engine(engine.url)
    facets._later(engine, "rests", lambda session: time.sleep(0.3))
    time.sleep(0.4)  # counted; resting
    with elsewhere.connect() as other:
        lock = f"SELECT pg_try_advisory_lock({facets.COUNTS_LOCK_KEY})"
        during = other.execute(text(lock)).scalar_one()
        assert facets.wait_for_background(timeout=10)
        time.sleep(0.4)
        after = other.execute(text(lock)).scalar_one()
        other.execute(text("SELECT pg_advisory_unlock_all()"))
        other.commit()
    elsewhere.dispose()
    assert not during and after


def test_a_relaxation_count_over_the_budget_is_finished_in_the_background(engine, monkeypatch):
    """A zero-result page offers to drop each filter, with the count that would show. One
    count over the budget leaves the others shown, and is finished in the background for the
    next page that offers it, rather than run out of time again on every such page."""
    _corpus(engine)
    f = QuoteFilter(q="matter", kind="indirect", country="NO")
    slow = replace(f, q=None)  # "drop the words": every indirect quote from Norway
    counted = facets._count
    timed_out = []

    def count(session, g):
        if g == slow and not timed_out:
            timed_out.append(g)
            raise facets.fts.TooSlow()
        return counted(session, g)

    monkeypatch.setattr(facets, "_count", count)
    with Session(engine) as session:
        any_kind = replace(f, kind=None)
        # Counted for another page: "drop the outlet" of the same words from one outlet.
        known = facets.counts_without(session, replace(any_kind, outlet="North Wire"), 25)
        assert known["outlet"] == counted(session, any_kind) > 0
        known = known["outlet"]
        first = facets.counts_without(session, f, 25)
    assert timed_out == [slow]
    assert first == {"kind": known}  # counted before, so shown; the rest ran out
    assert facets.wait_for_background(timeout=10)
    with Session(engine) as session:
        again = facets.counts_without(session, f, 25)
        assert again["q"] == counted(session, slow) > 0
        assert again["country"] == counted(session, replace(f, country=None)) > 0
    assert again["kind"] == first["kind"] > 0


@pytest.mark.postgres
def test_background_counts_take_turns_across_processes_on_postgresql(engine):
    """PostgreSQL counts in its server, at the pages' priority: a worker's background count
    waits while another's runs (here, another connection holding the turn)."""
    _corpus(engine)
    f = QuoteFilter(kind="direct")
    names = list(facets.FACETS)
    elsewhere = create_engine(engine.url)  # not the tests' engine, whose transactions write
    with elsewhere.connect() as other:
        other.execute(text(f"SELECT pg_advisory_lock({facets.COUNTS_LOCK_KEY})"))
        try:
            facets._count_later(engine, f, names, 8)
            waited = not facets.wait_for_background(timeout=0.5)
        finally:
            other.execute(text(f"SELECT pg_advisory_unlock({facets.COUNTS_LOCK_KEY})"))
        other.commit()
    elsewhere.dispose()
    assert facets.wait_for_background(timeout=10)
    with Session(engine) as session:
        assert facets.counts_or_start(session, f) is not None
    assert waited


def test_topic_counts_rank_by_quotes_then_name_and_keep_the_top(engine):
    _corpus(engine)
    with Session(engine) as session:
        every = facets._facet(session, QuoteFilter(), "topic", top=20)
        top_two = facets._facet(session, QuoteFilter(), "topic", top=2)
    assert len(every) >= 3
    assert every == sorted(every, key=lambda v: (-v.count, v.label))
    assert top_two == every[:2]
    assert all(v.label != v.value for v in every)  # named from the topic list, not slugs


def test_a_topics_country_counts_are_kept_until_the_data_changes(engine):
    _corpus(engine)
    with Session(engine) as session:
        sanctions = topic_id(session, "sanctions")
        before = tallies.country_counts(session, topic_id=sanctions)
        counted = {
            v.value: v.count
            for v in facets._facet(session, QuoteFilter(topic="sanctions"), "country", 20)
        }
    assert before == counted and before["RU"] > 0
    text = 'Late news\n\n"One more word," said Sergey Lavrov.'
    quote = quote_in(text, '"One more word,"', speaker="Sergey Lavrov", speaker_country="RU",
                     topics=("sanctions",))  # fmt: skip
    store_article(
        engine, "late.txt", ExtractedArticle(text, None, None, None, (quote,)), TOPIC_NAMES
    )
    with Session(engine) as session:
        assert tallies.country_counts(session, topic_id=sanctions) == {
            **before,
            "RU": before["RU"] + 1,
        }


@pytest.mark.parametrize("top", [8, 2])
@pytest.mark.parametrize(
    "query",
    ["q=matter", "q=words&kind=direct", "q=number&outlet=North+Wire", "q=matter&from=2019-05-01"],
)
def test_one_pass_counts_agree_with_each_facet_counted_alone(engine, query, top):
    """The one grouped scan of a search gives the same counts, ranks and ties (by name) as
    counting each facet on its own, speakers named and countries mapped from their ids,
    topics gathered per match (quotes with none, one and two of them)."""
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    shared = [name for name in facets._ONE_PASS if facets._others(f, name) == f]
    with Session(engine) as session:
        facets._count_in_one_pass(session, f, list(facets.FACETS), top)
        for name in shared:
            alone = facets._facet(session, f, name, top)
            assert peek(session, facets._key(name, f, top)) == alone
            assert alone
        assert peek(session, facets._key("total", f)) == facets._count(session, f) > 0
    assert "speaker" in shared and "country" in shared and "topic" in shared


@pytest.mark.parametrize("query", ["q=matter", "q=matter&reports=all", "q=matter&kind=direct"])
def test_one_pass_topics_leave_out_the_matches_it_does_not_count(engine, query):
    """The pass's topic counts are those of the quotes it counts: a statement's other reports
    match the words too, and their topic links are left out unless reports are asked for."""
    _corpus(engine)
    with engine.begin() as conn:  # some matches become other outlets' reports of a statement
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        facets._count_in_one_pass(session, f, list(facets.FACETS), 20)
        passed = peek(session, facets._key("topic", f, 20))
        alone = facets._facet(session, f, "topic", 20)
    assert passed == alone and sum(v.count for v in alone) > 0


@pytest.mark.sqlite_only
@pytest.mark.parametrize("query", ["q=words", "q=words&from=2019-05-01", "q=matter&kind=direct"])
def test_sqlite_gathers_the_topics_of_many_matches_in_the_pass(engine, monkeypatch, query):
    """Words in more quotes than INDEX_WITHIN_FROM: their topics are gathered in the one pass
    too (it reads their rows for the other facets), and agree with the index's count of them
    from the topic links."""
    _corpus(engine)
    monkeypatch.setattr(facets, "INDEX_WITHIN_FROM", 0)
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        assert facets._many(session, f.q)
        facets._count_in_one_pass(session, f, list(facets.FACETS), 8)
        passed = peek(session, facets._key("topic", f, 8))
        apart = facets._topic_facet(session, f, 8)
    assert passed == apart and sum(v.count for v in apart) > 0


@pytest.mark.parametrize("reports", [False, True])
def test_counts_of_words_alone_leave_out_other_reports_unless_asked(engine, reports):
    """Words alone count their matches and topics from the index and the topic links,
    telling a statement's other reports apart by the partial index: the same counts as
    reading each matching quote."""
    _corpus(engine)
    with engine.begin() as conn:  # some matches become other outlets' reports of a statement
        conn.execute(text("UPDATE quote SET is_lead = false WHERE id % 3 = 0"))
        expected = conn.execute(
            text(
                "SELECT t.slug, count(*) FROM quote q JOIN quote_topic qt ON qt.quote_id = q.id"
                " JOIN topic t ON t.id = qt.topic_id WHERE q.text LIKE '%matter%'"
                + ("" if reports else " AND q.is_lead")
                + " GROUP BY t.slug"
            )
        ).all()
        matches = conn.execute(
            text(
                "SELECT count(*) FROM quote WHERE text LIKE '%matter%'"
                + ("" if reports else " AND is_lead")
            )
        ).scalar_one()
    f = QuoteFilter.from_params(QueryParams("q=matter" + ("&reports=all" if reports else "")))
    with Session(engine) as session:
        counted = facets._topic_facet(session, f, top=20)
        total = facets._count(session, f)
    assert {v.value: v.count for v in counted} == dict(expected)
    assert total == matches  # the index's count less the other reports, probed the same way
    assert sum(v.count for v in counted) > 0


@pytest.mark.parametrize(
    "query",
    [
        "topic=sanctions&kind=indirect&from=2019-01-01&to=2019-06-30",
        "topic=iran&kind=direct",
        "topic=sanctions&from=2019-04-01&to=2019-04-30",
    ],
)
def test_a_topic_by_months_and_kind_needs_no_count_of_the_quotes(engine, query):
    """A topic page's counts (its topic fixed) come from the tallies whatever its months and
    kind: none is left for counting the quotes or for the background."""
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        known = facets.known_counts(session, replace(f, fixed=frozenset({"topic"})))
        assert known.complete and known.total == facets._count_quotes(session, f)


@pytest.mark.parametrize("query", ["kind=direct", "kind=indirect&country=US", ""])
def test_a_relaxation_count_the_tallies_answer_reads_no_quote(engine, monkeypatch, query):
    """ "Drop the words" from a search of one kind is every quote of that kind: the tallies
    give it, where counting the quotes took 130 ms of a background thread on 1 M quotes."""
    _corpus(engine)
    f = QuoteFilter.from_params(QueryParams(query))
    with Session(engine) as session:
        expected = facets._count_quotes(session, f)

        def refuse(session, g):
            raise AssertionError(f"counted the quotes of {g}")

        monkeypatch.setattr(facets, "_count_quotes", refuse)
        assert facets._count(session, f) == expected > 0
