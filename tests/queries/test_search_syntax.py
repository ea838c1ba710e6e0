"""What the reader types in the search box, turned into FTS5 queries (fts.prepare)."""

import pytest
from sqlalchemy import text

from app.queries.fts import ONLY_EXCLUSIONS, SearchError, prepare


@pytest.mark.parametrize(
    ("typed", "fts"),
    [
        ("sanctions", '"sanctions"'),
        ("U.S. don't", '"U.S." "don\'t"'),
        ("sanction*", '"sanction"*'),
        ('"not a policy"', '"not a policy"'),
        ('"not a pol"*', '"not a pol"*'),
        ("iran OR venezuela", '"iran" OR "venezuela"'),
        ("iran or venezuela", '"iran" "or" "venezuela"'),  # operators are capitals, as in FTS5
        ("sanctions -oil", '("sanctions") NOT "oil"'),
        ('-"oil price" sanctions -gas', '("sanctions") NOT "oil price" NOT "gas"'),
        ("nuclear* -iran", '("nuclear"*) NOT "iran"'),
        ("e-mail", '"e-mail"'),
        ("- sanctions", '"-" "sanctions"'),
        ('"unclosed', '"unclosed'),  # left malformed on purpose: FTS5 rejects it, we explain
    ],
)
def test_prepare_translates_reader_syntax(typed, fts):
    assert prepare(typed) == fts


@pytest.mark.parametrize("typed", ["-oil", '-oil -"gas price"', "-oil*"])
def test_prepare_refuses_a_search_of_only_exclusions(typed):
    with pytest.raises(SearchError, match="Add a word to look for"):
        prepare(typed)
    assert "-oil" in ONLY_EXCLUSIONS


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("sanctions", {1, 2}),
        ("sanct*", {1, 2, 3}),
        ("sanctions -oil", {2}),
        ('sanctions -"on oil"', {2}),
        ("sanct* -gas -oil", {3}),
        ('"sanctions on" -gas', {1}),
        ("(oil OR gas) -sanctions", {4}),
    ],
)
@pytest.mark.sqlite_only(reason="runs FTS5; test_postgres_fts.py covers PostgreSQL's translation")
def test_prepare_queries_run_in_fts5(session, typed, found):
    rows = {
        1: "sanctions on oil",
        2: "sanctions on gas",
        3: "sanctuary for banks",
        4: "oil and gas prices",
    }
    session.execute(text("CREATE VIRTUAL TABLE t USING fts5(text, tokenize='porter unicode61')"))
    for rowid, words in rows.items():
        session.execute(
            text("INSERT INTO t(rowid, text) VALUES (:i, :t)"), {"i": rowid, "t": words}
        )
    hits = session.execute(text("SELECT rowid FROM t WHERE t MATCH :q"), {"q": prepare(typed)})
    assert {rowid for (rowid,) in hits} == found
