"""The FTS5-to-tsquery translation and the excerpt widening, which need no server; the search
routes themselves run on PostgreSQL in the --backend=postgres pass."""

import pytest

from app.queries.fts import HIT_CLOSE, HIT_OPEN, _with_ellipses, prepare
from app.queries.fts_postgres import Malformed, Op, Term, check_syntax, parse


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ('"U.S." "sanctions"', Op("and", Term("U.S."), Term("sanctions"))),
        ("carac*", Term("carac", prefix=True)),
        ('"not a policy"', Term("not a policy")),
        ("a OR b NOT c", Op("or", Term("a"), Op("not", Term("b"), Term("c")))),
        ("(a OR b) AND c", Op("and", Op("or", Term("a"), Term("b")), Term("c"))),
        ("NEAR(a b, 5)", Op("and", Term("a"), Term("b"))),
        ("text:iran", Term("iran")),
        ('"say ""no"""', Term('say "no"')),
    ],
)
def test_parse_follows_fts5_precedence(query, tree):
    assert parse(query) == tree


@pytest.mark.parametrize("query", ['"unclosed', "sanctions AND", "NEAR(", "((("])
def test_check_syntax_refuses_what_fts5_refuses(query):
    with pytest.raises(Malformed):
        check_syntax(prepare(query))


@pytest.mark.parametrize("query", ["U.S.", "don't", "100%", "carac*", '"a b" OR c', "a:b:c"])
def test_check_syntax_accepts_plain_words_and_syntax(query):
    check_syntax(prepare(query))


def test_with_ellipses_keeps_punctuation_and_marks_cuts():
    full = 'He said: "Sanctions are not a policy," and left the room at once.'
    excerpt = f"{HIT_OPEN}Sanctions{HIT_CLOSE} are not a policy"
    assert _with_ellipses(full, excerpt) == f'…"{HIT_OPEN}Sanctions{HIT_CLOSE} are not a policy,"…'
    whole = full.replace("Sanctions", f"{HIT_OPEN}Sanctions{HIT_CLOSE}")
    assert _with_ellipses(full, whole) == whole
