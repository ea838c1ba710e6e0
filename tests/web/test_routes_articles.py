"""Routes: the article list and an article with its quotes marked."""

import re

from sqlmodel import select

from app.extract.article import ExtractedArticle
from app.ingest.store import Origin, store_article
from app.models import Article, Quote
from tests.conftest import TOPIC_NAMES, sample_articles

HTMX = {"HX-Request": "true"}


def test_articles_lists_newest_first_with_counts(seeded_client):
    response = seeded_client.get("/articles")
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    assert html.index("Oil and pressure") < html.index("Talks in Sochi")
    assert "2 quotes" in html


def test_articles_fragment_and_cursor(seeded_client):
    seeded_client.app.state.settings.page_size = 1
    first = seeded_client.get("/articles", headers=HTMX).text
    assert "<html" not in first and "Oil and pressure" in first
    after = re.search(r'rel="next" href="http://testserver(/[^"]+)"', first).group(1)
    second = seeded_client.get(after.replace("&amp;", "&")).text
    assert "Talks in Sochi" in second and "Oil and pressure" not in second


def test_articles_filter_by_outlet(seeded_client):
    html = seeded_client.get("/articles?outlet=Other+Herald").text
    assert "Oil and pressure" in html and "Talks in Sochi" not in html


def test_articles_empty_database(client):
    assert "No articles" in client.get("/articles").text


def test_article_page_marks_every_quote_with_its_speaker(seeded_client, session):
    article = session.exec(select(Article).where(Article.title == "Talks in Sochi")).one()
    ids = session.exec(select(Quote.id).where(Quote.article_id == article.id)).all()
    html = seeded_client.get(f"/articles/{article.id}").text
    for qid in ids:
        assert f'id="q{qid}"' in html
        assert f'href="http://testserver/quotes/{qid}">— ' in html
    assert "— Sergey Lavrov</a>" in html and "— Mike Pompeo</a>" in html
    assert html.count("<p>") >= 3  # one per paragraph
    assert "&#34;We will not abandon Caracas,&#34;</mark>" in html


def test_article_page_escapes_text_around_offsets(client, session, engine):
    from datetime import UTC, datetime

    text = "<b>Bold</b> claim: <script>x</script> said Someone & co."
    article = Article(content_hash="x", source="x.txt", text=text, ingested_at=datetime.now(UTC))
    session.add(article)
    session.flush()
    start = text.index("<script>")
    session.add(
        Quote(
            article_id=article.id,
            text="<script>x</script>",
            start=start,
            end=start + 18,
            kind="direct",
            confidence=1.0,
            position=0,
            sentence_start=0,
            sentence_end=len(text),
        )
    )
    session.commit()
    html = client.get(f"/articles/{article.id}").text
    assert "<script>x" not in html and "<b>Bold" not in html
    assert "&lt;script&gt;x&lt;/script&gt;</mark>" in html and "&amp; co." in html


def test_article_page_missing_is_404(seeded_client):
    response = seeded_client.get("/articles/424242")
    assert response.status_code == 404 and "no article number 424242" in response.text


def test_article_page_links_to_the_original_and_shows_no_server_path(client, engine):
    (source, article), (_, other) = sample_articles()
    url = "https://wire.example/2019/05/talks?a=1&b=2"
    first = store_article(engine, url, article, TOPIC_NAMES, Origin(url=url, author="Kari Nes"))
    second = store_article(engine, "samples/oil.txt", other, TOPIC_NAMES)
    html = client.get(f"/articles/{first.article_id}").text
    assert 'Original article: <a href="https://wire.example/2019/05/talks?a=1&amp;b=2"' in html
    assert "by Kari Nes" in html and "Source file" not in html
    assert "Source: samples/oil.txt" in client.get(f"/articles/{second.article_id}").text


def test_article_page_never_links_a_script_url(client, engine):
    source, article = sample_articles()[0]
    stored = store_article(engine, source, article, TOPIC_NAMES, Origin(url="javascript:x()"))
    html = client.get(f"/articles/{stored.article_id}").text
    assert "javascript:" not in html and "Source: samples/sochi.txt" in html


def test_article_page_does_not_repeat_the_title_line(client, engine):
    text = "# Ferry talks resume\n\nPort officials met on Monday.\n\nFerry talks resume soon.\n"
    article = ExtractedArticle(
        text=text, title="Ferry talks resume", outlet=None, date=None, quotes=()
    )
    stored = store_article(engine, "ferry.md", article, TOPIC_NAMES)
    html = client.get(f"/articles/{stored.article_id}").text
    body = html.split("Port officials met")[0].split("</h1>")[1]
    assert "Ferry talks resume</p>" not in body and "# Ferry" not in html
    assert "<p>Ferry talks resume soon.</p>" in html  # a later line that only starts alike stays
