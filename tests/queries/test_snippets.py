"""Search excerpts made over an index of the page's quotes alone are the ones the search
index itself makes: the same words marked in the same stretch of each quote."""

import sqlite3
from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import Session

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.queries import fts
from app.queries.fts_snippets import TOKENIZE, page_snippets
from tests.conftest import TOPIC_NAMES, quote_in

pytestmark = pytest.mark.sqlite_only(reason="FTS5's snippet(); PostgreSQL uses ts_headline")

_SAID = [
    "The sanctions on Caracas will stay until the talks resume, and the talks will be long.",
    "Ministers said sanctioning banks works better than sanctions on oil, for now.",
    "Économie first: the minister's economic plan comes before any talk of sanctions.",
    "Nothing here matches the words, only the filler about weather and ports in spring.",
    "A long one: " + "the delegations met again and " * 12 + "agreed that sanctions stay.",
]


def _corpus(engine) -> None:
    for number, said in enumerate(_SAID):
        body = f'Item {number}\n\n"{said}" the minister said.'
        article = ExtractedArticle(
            text=body,
            title=f"Item {number}",
            outlet="Wire",
            date=date(2020, 1, 1 + number),
            quotes=(quote_in(body, f'"{said}"', speaker="Ana Lima"),),
        )
        store_article(engine, f"item-{number}.txt", article, TOPIC_NAMES)


@pytest.mark.parametrize(
    "q", ["sanctions", "sanction*", '"the talks"', "talks OR economie", "sanctions -oil", "U.S."]
)
def test_excerpts_are_those_the_search_index_makes(engine, q):
    _corpus(engine)
    query = fts.expression(q)
    with Session(engine) as session:
        texts = dict(session.execute(text("SELECT id, text FROM quote")).all())
        made = session.execute(
            text(
                f"SELECT rowid, snippet(quote_fts, 0, '{fts.HIT_OPEN}', '{fts.HIT_CLOSE}',"
                f" '…', 24) FROM quote_fts WHERE quote_fts MATCH :q"
            ),
            {"q": query},
        ).all()
        assert fts.snippets(session, q, texts) == dict(made)
    if q != "U.S.":
        assert made  # the comparison compared something


def test_the_page_index_tokenizes_as_the_search_index_does(engine):
    with Session(engine) as session:
        schema = session.execute(
            text("SELECT sql FROM sqlite_master WHERE name = 'quote_fts'")
        ).scalar_one()
    assert f"tokenize='{TOKENIZE}'" in schema


def test_the_page_index_is_left_empty_for_the_next_page():
    hit = (fts.HIT_OPEN, fts.HIT_CLOSE)
    first = page_snippets('text : ("oil")', {1: "Oil prices rose.", 2: "Gas too."}, hit)
    assert first == {1: f"{fts.HIT_OPEN}Oil{fts.HIT_CLOSE} prices rose."}
    assert page_snippets('text : ("gas")', {3: "No gas here."}, hit) == {
        3: f"No {fts.HIT_OPEN}gas{fts.HIT_CLOSE} here."
    }


def test_a_failed_page_leaves_the_page_index_empty_too():
    hit = (fts.HIT_OPEN, fts.HIT_CLOSE)
    with pytest.raises(sqlite3.OperationalError):
        page_snippets('text : ("oil"', {1: "Oil prices rose."}, hit)  # unbalanced: refused
    assert page_snippets('text : ("prices")', {2: "Gas prices fell."}, hit) == {
        2: f"Gas {fts.HIT_OPEN}prices{fts.HIT_CLOSE} fell."
    }  # the first page's quote is not found again: its rows were rolled back
