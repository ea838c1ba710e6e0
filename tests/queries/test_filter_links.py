"""Links built from a filter: the fast path of QuoteFilter.query (each field encoded once per
filter) gives exactly the query string of its parameters, for every change a page makes."""

from datetime import date

import pytest
from starlette.datastructures import QueryParams

from app.queries.filters import QuoteFilter, query_string

FILTERS = [
    "",
    "speaker=sergey-lavrov&speaker=mike-pompeo&kind=direct",
    "q=a%26b+%22c%22&sort=oldest&reports=all",
    "country=ru&topic=sanctions&from=2019-01-01&to=2019-06-30&outlet=North+Wire%2FEast",
    "q=caf%C3%A9+%C3%BCber&outlet=Le+Monde&after=abc",
]
CHANGES = [
    {},
    {"speakers": ()},
    {"speakers": ("a-b", "c")},
    {"country": "US"},
    {"country": None},
    {"topic": "iran & co"},
    {"q": None},
    {"date_from": None, "date_to": None},
    {"date_from": date(2020, 2, 3)},
    {"outlet": "A+B=C"},
    {"kind": None},
    {"sort": "newest"},
    {"reports": True},
    {"reports": False},
]


@pytest.mark.parametrize("query", FILTERS)
@pytest.mark.parametrize("fixed", [{}, {"speakers": ("sergey-lavrov",)}, {"topic": "sanctions"}])
def test_links_equal_the_encoded_parameters(query, fixed):
    f = QuoteFilter.from_params(QueryParams(query), **fixed)
    for changes in CHANGES:
        assert f.query(**changes) == query_string(f.params(**changes)), changes
    # Asked again (from the encoded parts kept on the filter), the same; equality unchanged.
    assert f.query(country="FR") == query_string(f.params(country="FR"))
    assert f == QuoteFilter.from_params(QueryParams(query), **fixed)
    assert hash(f) == hash(QuoteFilter.from_params(QueryParams(query), **fixed))


def test_toggling_a_speaker_adds_or_removes_only_that_one():
    f = QuoteFilter.from_params(QueryParams("speaker=a&speaker=b&kind=direct"))
    assert f.toggle_speaker("a") == "?speaker=b&kind=direct"
    assert f.toggle_speaker("c") == "?speaker=a&speaker=b&speaker=c&kind=direct"
