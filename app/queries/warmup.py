"""What every page needs, computed when a server process starts rather than by its first
readers: the form's lists and the counts under no filter (the speaker counts of every speaker
filter page, among others)."""

from sqlmodel import Session

from app.queries import tallies
from app.queries.countries import country_list
from app.queries.facets import facet_counts, outlet_names
from app.queries.filters import QuoteFilter
from app.queries.topics import topic_list


def warm_caches(session: Session) -> None:
    country_list(session)
    topic_list(session)
    outlet_names(session)
    facet_counts(session, QuoteFilter(), budget_ms=0)  # no budget: counted now, once
    tallies.all_quotes(session, (1, 999912))  # every month's total, for any period's
