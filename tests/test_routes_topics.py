"""Routes: topics and a topic's quotes with who speaks most."""

import re

HTMX = {"HX-Request": "true"}


def test_topics_lists_counts_most_first(seeded_client):
    html = seeded_client.get("/topics").text
    assert re.search(r"Sanctions</a> <span class=\"count\">2 quotes</span>", html)
    assert html.index("Sanctions") < html.index("Venezuela")


def test_topics_empty_database(client):
    assert "No topics yet" in client.get("/topics").text


def test_topic_page_lists_quotes_and_leaders(seeded_client):
    response = seeded_client.get("/topics/sanctions")
    assert response.status_code == 200 and response.headers["Vary"] == "HX-Request"
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
