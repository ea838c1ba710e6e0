"""The map of each article's outlet that counts a search's matches by outlet."""

from collections import Counter
from datetime import date

import pytest
from sqlmodel import Session, col, select

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from app.models import Article
from app.queries import outlets
from tests.conftest import TOPIC_NAMES, quote_in


def _store(engine, number: int, outlet: str | None) -> None:
    text = f'Item {number}\n\n"We talk on day {number}," the minister said.'
    quote = quote_in(text, f'"We talk on day {number},"', speaker="Minister One")
    article = ExtractedArticle(
        text=text, title=f"Item {number}", outlet=outlet, date=date(2020, 1, 1 + number),
        quotes=(quote,),
    )  # fmt: skip
    store_article(engine, f"item-{number}.txt", article, TOPIC_NAMES)


@pytest.mark.parametrize("sparse", [False, True])
def test_outlets_count_articles_by_their_outlet(engine, monkeypatch, sparse):
    """Article ids become outlet numbers, and their counts {outlet: n}, articles with no outlet
    (or unknown ids, past the highest or not) as None, whether ids are looked up in an array
    or, when sparse, a dict."""
    if sparse:
        monkeypatch.setattr(outlets, "_SPARSE", -(10**6))  # every id range counts as sparse
    for number, outlet in enumerate(["North Wire", "South Post", "North Wire", None]):
        _store(engine, number, outlet)
    with Session(engine) as session:
        ids = session.exec(select(col(Article.id)).order_by(col(Article.id))).all()
        found = outlets.article_outlets(session)
    assert isinstance(found.numbers, dict) == sparse
    articles = [ident for position, ident in enumerate(ids) for _ in range(10**position)]

    def named(article_ids: list[int]) -> dict:
        return found.named(Counter(found.numbers_of(article_ids)))

    assert named(articles) == {"North Wire": 101, "South Post": 10, None: 1000}
    assert named(articles + [10**9] * 7) == {"North Wire": 101, "South Post": 10, None: 1007}
    assert named([0, ids[1]]) == {None: 1, "South Post": 1}  # never stored, below the highest
    assert named([]) == {}
