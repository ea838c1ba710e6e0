"""Routes: full-text search, its highlighting, sorting and friendly errors."""

import re

import pytest

HTMX = {"HX-Request": "true"}


def test_search_without_query_shows_the_form(seeded_client):
    response = seeded_client.get("/search")
    assert response.status_code == 200
    assert '<form class="search-form" action="http://testserver/search" method="get"' in (
        response.text
    )
    assert 'class="quote-item' not in response.text


def test_search_highlights_matches_safely(seeded_client):
    response = seeded_client.get("/search?q=sanction")
    assert response.status_code == 200 and response.headers["Vary"] == "HX-Request"
    html = response.text
    assert html.count('class="quote-item') == 2  # porter stemming: sanction ~ sanctions
    assert "<mark>Sanctions</mark> are not a policy" in html
    assert "&#34;<mark>Sanctions</mark>" in html or "&quot;<mark>Sanctions</mark>" in html


def test_search_fragment_for_htmx(seeded_client):
    response = seeded_client.get("/search?q=caracas", headers=HTMX)
    assert "<html" not in response.text and response.text.lstrip().startswith('<div id="results"')
    assert response.text.count('class="quote-item') == 1


def test_search_sort_links_are_plain_links(seeded_client):
    html = seeded_client.get("/search?q=sanctions").text
    assert 'href="http://testserver/search?q=sanctions&amp;sort=newest"' in html
    assert 'href="http://testserver/search?q=sanctions&amp;sort=oldest"' in html
    oldest = seeded_client.get("/search?q=sanctions&sort=oldest").text
    assert oldest.index("sanctions</mark> on Iran") < oldest.index("are not a policy")


@pytest.mark.parametrize("q", ['"unclosed', "sanctions AND", "NEAR(", "(((", "a:b:c"])
def test_search_malformed_syntax_gets_one_friendly_line(seeded_client, q):
    response = seeded_client.get("/search", params={"q": q})
    assert response.status_code == 200
    assert "We could not understand that search" in response.text
    assert "Traceback" not in response.text and "fts5" not in response.text


@pytest.mark.parametrize("q", ["U.S.", "don't", "Iran's", "e-mail", "<script>", "100%", "_"])
def test_search_odd_characters_are_plain_words(seeded_client, q):
    response = seeded_client.get("/search", params={"q": q})
    assert response.status_code == 200
    assert "We could not understand" not in response.text
    assert "<script>" not in response.text.split("<main")[1]


def test_search_phrase_and_prefix_syntax_work(seeded_client):
    assert seeded_client.get('/search?q="not+a+policy"').text.count('class="quote-item') == 1
    assert seeded_client.get("/search?q=carac*").text.count('class="quote-item') == 1


def test_search_no_results_says_what_to_do(seeded_client):
    html = seeded_client.get("/search?q=penguins").text
    assert "No quotes match" in html and "Try fewer filters or other words" in html


def test_search_exact_speaker_name_offers_their_page_first(seeded_client):
    html = seeded_client.get("/search?q=sergei+lavrov").text
    assert 'class="callout"' in html
    callout = html.split('class="callout"')[1]
    assert 'href="http://testserver/speakers/sergey-lavrov"' in callout.split("</p>")[0]
    assert html.index('class="callout"') < html.index("No quotes match")


def test_search_combines_with_filters(seeded_client):
    assert seeded_client.get("/search?q=sanctions&country=US").text.count("quote-item") == 1


def test_search_relevance_cursor_visits_each_match_once(seeded_client):
    seeded_client.app.state.settings.page_size = 1
    seen, url = [], "/search?q=sanctions+OR+caracas"
    while url:
        html = seeded_client.get(url, headers=HTMX).text
        seen += re.findall(r"/quotes/(\d+)\">Permalink", html)
        found = re.search(r'rel="next" href="http://testserver(/[^"]+)"', html)
        url = found.group(1).replace("&amp;", "&") if found else None
    assert len(seen) == 3 and len(set(seen)) == 3
