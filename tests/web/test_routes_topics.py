"""Routes: topics and a topic's quotes with who speaks most."""

import re
from datetime import date

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from tests.conftest import TOPIC_NAMES, quote_in

HTMX = {"HX-Request": "true"}


def test_topics_lists_counts_most_first(seeded_client):
    html = seeded_client.get("/topics").text
    assert re.search(r"Sanctions</a> <span class=\"count\">2 quotes</span>", html)
    assert html.index("Sanctions") < html.index("Venezuela")


def test_topics_empty_database(client):
    assert "No topics yet" in client.get("/topics").text


def test_topic_page_lists_quotes_and_leaders(seeded_client):
    response = seeded_client.get("/topics/sanctions")
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    assert "<title>Sanctions · diplomat</title>" in html
    assert html.count('class="quote-item') == 2
    leaders = html.split("Who speaks most")[1].split("</ol>")[0]
    assert "Mike Pompeo" in leaders and "Sergey Lavrov" in leaders
    assert "Unknown" not in leaders


def test_topic_page_fragment_updates_leaders_with_filters(seeded_client):
    response = seeded_client.get("/topics/sanctions?country=US", headers=HTMX)
    html = response.text
    assert "<html" not in html and html.lstrip().startswith('<div id="results"')
    leaders = html.split("Who speaks most")[1].split("</ol>")[0]
    assert "Mike Pompeo" in leaders and "Sergey Lavrov" not in leaders


def test_topic_page_missing_is_404(seeded_client):
    response = seeded_client.get("/topics/knitting")
    assert response.status_code == 404 and "We have no topic" in response.text


def test_topic_page_leaders_filter_in_place_and_link_to_compare(seeded_client):
    html = seeded_client.get("/topics/sanctions").text
    leaders = html.split('class="leaders"')[1].split("</section>")[0]
    href = "http://testserver/topics/sanctions?speaker=mike-pompeo"
    assert f'href="{href}" hx-get="{href}"' in leaders
    compare = "http://testserver/compare?topic=sanctions&amp;speakers=mike-pompeo,sergey-lavrov"
    assert f'<a href="{compare}">Compare Mike Pompeo, Sergey Lavrov on Sanctions' in html
    narrowed = seeded_client.get(href, headers=HTMX).text
    assert narrowed.count('class="quote-item') == 1 and "Compare" not in narrowed


def test_topic_page_has_timeline_and_meta(seeded_client):
    html = seeded_client.get("/topics/sanctions").text
    assert "timeline-t" not in html  # two months: no chart worth drawing
    assert '<meta name="description" content="Who said what on Sanctions: ' in html


def test_topic_chart_drawn_once_until_the_data_changes(seeded_client, engine, monkeypatch):
    from app.web.routes import topics

    def add(words: str, day: date) -> None:
        text_ = f'"{words}," said Sergey Lavrov.'
        said = f'"{words},"'
        quote = quote_in(text_, said, speaker="Sergey Lavrov", topics=("sanctions",))
        article = ExtractedArticle(text_, None, None, day, (quote,))
        store_article(engine, f"{day}.txt", article, TOPIC_NAMES)

    add("The sanctions will stay in place", date(2020, 3, 2))
    drawn: list[int] = []
    real = topics.timeline
    monkeypatch.setattr(topics, "timeline", lambda counts: drawn.append(1) or real(counts))
    first = seeded_client.get("/topics/sanctions").text
    assert "<svg" in first and "<title>Mar 2020: 1 quote</title>" in first
    seeded_client.get("/topics/sanctions?country=RU")
    seeded_client.get("/topics/sanctions?kind=direct")
    assert drawn == [1]  # three pages of the topic, one chart
    add("New sanctions would hurt farmers most of all", date(2020, 3, 9))
    after = seeded_client.get("/topics/sanctions?country=RU").text
    assert drawn == [1, 1] and "<title>Mar 2020: 2 quotes</title>" in after
