"""What a server process computes when it starts: afterwards the counts every period's page
sums (each month's countries and outlets) are read without a statement."""

from collections import Counter

from sqlmodel import Session

from app.ingest.store import store_article
from app.queries import tallies
from app.queries.outlets import article_outlets
from app.queries.warmup import warm_caches
from tests.conftest import TOPIC_NAMES, sample_articles
from tests.support.statements import statements_naming


def test_after_the_warm_up_a_periods_countries_and_outlets_need_no_statement(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        warm_caches(session)
    with statements_naming(engine, "tally") as tally_reads, Session(engine) as session:
        countries = tallies.country_counts(session, months=(201901, 201912))
        outlets = tallies.outlet_quotes(session, months=(201901, 201912))
    assert tally_reads == []
    assert sum(countries.values()) > 0 and sum(outlets.values()) > 0


def test_after_the_warm_up_a_search_counts_by_outlet_without_reading_the_articles(engine):
    for source, article in sample_articles():
        store_article(engine, source, article, TOPIC_NAMES)
    with Session(engine) as session:
        warm_caches(session)
    with statements_naming(engine, "article.outlet") as article_reads, Session(engine) as session:
        found = article_outlets(session)
        counted = found.named(Counter(found.numbers_of([1])))
    assert article_reads == []
    assert sum(counted.values()) == 1
