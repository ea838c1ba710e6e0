"""What every page needs, computed when a server process starts rather than by its first
readers: the form's lists, the counts under no filter (the speaker counts of every speaker
filter page, among others), each month's countries and outlets, which any period's page
sums (the first pages of a year paid for its twelve months: 40-50 ms), and the articles'
outlets that searches count their matches by (60 ms for the first search)."""

from sqlmodel import Session

from app.queries import tallies
from app.queries.countries import country_list
from app.queries.facets import facet_counts, outlet_names
from app.queries.filters import QuoteFilter
from app.queries.outlets import article_outlets
from app.queries.topics import topic_list


def warm_caches(session: Session) -> None:
    country_list(session)
    topic_list(session)
    outlet_names(session)
    facet_counts(session, QuoteFilter(), budget_ms=0)  # no budget: counted now, once
    every_month = (1, 999912)
    tallies.all_quotes(session, every_month)  # every month's total, for any period's
    tallies.country_counts(session, months=every_month)
    tallies.outlet_quotes(session, months=every_month)
    article_outlets(session)
