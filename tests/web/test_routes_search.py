"""Routes: full-text search, its highlighting, sorting and friendly errors."""

import re

import pytest

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from tests.conftest import TOPIC_NAMES, quote_in

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
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
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


@pytest.mark.parametrize("q", ['"unclosed', "sanctions AND", "NEAR(", "(((", "a OR -b"])
def test_search_malformed_syntax_gets_one_friendly_line(seeded_client, q):
    response = seeded_client.get("/search", params={"q": q})
    assert response.status_code == 200
    assert "We could not understand that search" in response.text
    assert "Traceback" not in response.text and "fts5" not in response.text


@pytest.mark.parametrize(
    "q", ["U.S.", "don't", "Iran's", "e-mail", "<script>", "100%", "_", "a:b:c", "-", "x^2", "{a}"]
)
def test_search_odd_characters_are_plain_words(seeded_client, q):
    response = seeded_client.get("/search", params={"q": q})
    assert response.status_code == 200
    assert "We could not understand" not in response.text
    assert "<script>" not in response.text.split("<main")[1]


def test_search_phrase_and_prefix_syntax_work(seeded_client):
    assert seeded_client.get('/search?q="not+a+policy"').text.count('class="quote-item') == 1
    assert seeded_client.get("/search?q=carac*").text.count('class="quote-item') == 1


def test_search_no_results_offers_the_other_filters_without_the_words(seeded_client):
    html = seeded_client.get("/search?q=penguins&country=RU").text
    assert "No quotes match" in html
    # Dropping the words leads to the home page with the other filters kept (2 Russian quotes).
    assert 'href="http://testserver/?country=RU"' in html
    assert "remove the words “penguins”</a> to see 2 quotes" in html
    assert 'href="http://testserver/search?q=penguins"' in html  # drop the country instead


def test_search_exclusion_leaves_matches_out(seeded_client):
    def count(q):
        return seeded_client.get("/search", params={"q": q}).text.count('class="quote-item')

    assert count("sanctions") == 2
    assert count("sanctions -iran") == 1
    assert count('sanctions -"stay in place"') == 1
    assert count("sanctions -iran -policy") == 0
    assert count('"not a policy" -oil') == 1
    html = seeded_client.get("/search?q=sanctions+-iran").text
    assert "<mark>Sanctions</mark> are not a policy" in html and "on Iran" not in html


def test_search_prefix_matches_word_starts(seeded_client):
    html = seeded_client.get("/search?q=sanct*").text
    assert html.count('class="quote-item') == 2
    assert "<mark>Sanctions</mark> are not a policy" in html


def test_search_only_exclusions_gets_one_friendly_line(seeded_client):
    html = seeded_client.get("/search?q=-iran+-oil").text
    assert 'role="alert">Add a word to look for' in html
    assert 'class="quote-item' not in html and "Who says" not in html


@pytest.mark.parametrize(
    ("q", "kind", "href", "detail"),
    [
        (
            "sergei lavrov",
            "Speaker",
            "/speakers/sergey-lavrov",
            "Foreign Minister, Russia · 2 quotes",
        ),
        ("Sergey  LAVROV", "Speaker", "/speakers/sergey-lavrov", "2 quotes"),
        ("Russia", "Country", "/countries/RU", "1 speaker, 2 quotes"),
        ("United States", "Country", "/countries/US", "1 speaker, 1 quote"),
        ("US", "Country", "/countries/US", "1 speaker"),
        ("sanctions", "Topic", "/topics/sanctions", "who speaks most"),
    ],
)
def test_search_exact_name_offers_its_page_first(seeded_client, q, kind, href, detail):
    html = seeded_client.get("/search", params={"q": q}).text
    card = html.split('class="callout offer"')[1].split("</p>")[0]
    assert f"{kind}:" in card and f'href="http://testserver{href}"' in card and detail in card
    assert html.index('class="callout offer"') < html.index('class="summary"')


def test_words_typed_on_any_list_offer_the_speaker_but_not_the_one_chosen(seeded_client):
    home = seeded_client.get("/", params={"q": "lavrov"}).text
    assert 'class="callout offer"' in home
    assert "/speakers/sergey-lavrov" in home.split("callout offer")[1]
    own = seeded_client.get("/speakers/sergey-lavrov", params={"q": "lavrov"}).text
    assert 'class="callout offer"' not in own


def test_search_offers_nothing_for_ordinary_words(seeded_client):
    for q in ("us", "lavrov said", "policy"):
        assert "callout offer" not in seeded_client.get("/search", params={"q": q}).text


def test_search_offer_is_in_the_htmx_fragment(seeded_client):
    html = seeded_client.get("/search?q=Sergey+Lavrov", headers=HTMX).text
    assert "<html" not in html and "Speaker:" in html


def test_search_who_says_it_most_links_apply_the_speaker_filter(seeded_client):
    html = seeded_client.get("/search?q=sanctions").text
    leaders = html.split('class="leaders"')[1].split("</section>")[0]
    assert "Who says “sanctions” the most" in leaders
    href = "http://testserver/search?speaker=sergey-lavrov&amp;q=sanctions"
    assert f'href="{href}" hx-get="{href}"' in leaders
    assert leaders.index("Sergey Lavrov") > 0 and "1 quote" in leaders
    assert 'href="http://testserver/speakers/mike-pompeo">page' in leaders
    # Following it narrows the results and marks that speaker as chosen (link now removes it).
    narrowed = seeded_client.get("/search?q=sanctions&speaker=sergey-lavrov", headers=HTMX).text
    assert narrowed.count('class="quote-item') == 1
    leaders = narrowed.split('class="leaders"')[1].split("</section>")[0]
    assert 'aria-current="true"><span class="visually-hidden">Remove filter: </span>' in leaders


def test_search_who_says_it_most_stays_while_the_counts_are_deferred(seeded_client, monkeypatch):
    # A slow count goes to the background; the speaker count already known (here, from the
    # unfiltered search) still says who says it most, with the chosen speaker marked.
    seeded_client.get("/search?q=sanctions")
    monkeypatch.setattr("app.web.listing.facet_counts", lambda *args: None)
    html = seeded_client.get("/search?q=sanctions&speaker=sergey-lavrov", headers=HTMX).text
    assert "Counting the other counts" in html or "counts-skipped" in html
    leaders = html.split('class="leaders"')[1].split("</section>")[0]
    assert '<li class="selected">' in leaders and "Sergey Lavrov" in leaders
    assert "Mike Pompeo" not in leaders


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


def test_search_feed_and_export_understand_exclusions(seeded_client):
    feed = seeded_client.get("/search/feed.atom?q=sanctions+-iran").text
    assert feed.count("<entry>") == 1 and "Sanctions are not a policy" in feed
    csv_lines = seeded_client.get("/quotes.csv?q=sanctions+-iran").text.strip().splitlines()
    assert len(csv_lines) == 2 and "Sanctions are not a policy" in csv_lines[1]
    assert "Download these quotes as CSV" not in seeded_client.get("/search?q=penguins").text


def test_search_offers_the_speaker_a_name_means(seeded_client):
    def offers(q: str) -> str:
        html = seeded_client.get("/search", params={"q": q}).text
        return "".join(part.split("</p>")[0] for part in html.split('class="callout offer"')[1:])

    assert "Mike Pompeo" in offers("Pompeo") and "1 quote" in offers("Pompeo")
    assert "Sergey Lavrov" in offers("Sergei Lavrov")  # another spelling
    assert "Sergey Lavrov" in offers("lavrov")
    assert "Speaker:" not in offers("sanctions") and offers("lav") == ""  # words, not names


def test_bodies_and_groups_are_offered_by_their_whole_name_only(engine, client):
    """A person is offered for a surname; a body or group only when its whole name is typed:
    "talks" and "commission" are words, not the names of "diplomats familiar with the talks"
    or the "European Commission"."""
    text = (
        "Brussels\n\n"
        '"Nothing is agreed," diplomats familiar with the talks said.\n\n'
        '"We are ready," the European Commission said.'
    )
    quotes = (
        quote_in(text, '"Nothing is agreed,"', speaker="diplomats familiar with the talks",
                 speaker_type="group"),
        quote_in(text, '"We are ready,"', speaker="European Commission",
                 speaker_type="organisation"),
    )  # fmt: skip
    article = ExtractedArticle(text, "Brussels", None, None, quotes)
    store_article(engine, "brussels.txt", article, TOPIC_NAMES)

    def offered(q: str) -> str:
        html = client.get("/search", params={"q": q}).text
        return "".join(part.split("</p>")[0] for part in html.split('class="callout offer"')[1:])

    assert "Speaker:" not in offered("talks") and "Speaker:" not in offered("commission")
    assert "European Commission" in offered("European Commission")
    assert "diplomats familiar with the talks" in offered("diplomats familiar with the talks")
