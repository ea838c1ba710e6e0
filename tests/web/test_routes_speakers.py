"""Routes: the speaker directory and speaker pages (including "Unknown speaker")."""

import re
from datetime import date

from app.extract.article import ExtractedArticle
from app.ingest.store import store_article
from tests.conftest import quote_in

HTMX = {"HX-Request": "true"}


def test_speakers_lists_names_countries_and_counts(seeded_client):
    response = seeded_client.get("/speakers")
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    assert re.search(r"Sergey Lavrov</a>\s*<span class=\"country\">Russia</span>", html)
    assert "2 quotes" in html
    assert html.index("Sergey Lavrov") < html.index("Mike Pompeo")  # by surname
    assert "Unknown speaker" in seeded_client.get("/speakers?kind=group").text


def test_speakers_fragment_and_cursor(seeded_client):
    seeded_client.app.state.settings.page_size = 0  # the directory shows 5 × page size
    first = seeded_client.get("/speakers", headers=HTMX)
    assert "<html" not in first.text and 'id="speaker-list"' in first.text
    seeded_client.app.state.settings.page_size = 1
    html = seeded_client.get("/speakers").text
    assert "Mike Pompeo" in html and 'rel="next"' not in html


def test_speakers_filter_by_country(seeded_client):
    html = seeded_client.get("/speakers?country=us").text
    assert "Mike Pompeo" in html and "Sergey Lavrov" not in html
    assert "from United States" in html


def test_speakers_empty_database(client):
    assert "No speakers of this kind yet" in client.get("/speakers").text


def test_speaker_page_names_the_speaker_everywhere(seeded_client):
    response = seeded_client.get("/speakers/sergey-lavrov")
    assert response.status_code == 200
    html = response.text
    assert "<title>Sergey Lavrov · diplomat</title>" in html
    assert '<link rel="canonical" href="http://testserver/speakers/sergey-lavrov">' in html
    assert '<meta property="og:title" content="Sergey Lavrov — quotes">' in html
    assert "Foreign Minister" in html and "Russia" in html
    assert "Also written as: Sergei Lavrov" in html
    assert "<strong>2</strong> quotes" in html


def test_speaker_page_topics_filter_the_list(seeded_client):
    html = seeded_client.get("/speakers/sergey-lavrov").text
    assert 'href="http://testserver/speakers/sergey-lavrov?topic=sanctions"' in html
    assert html.count('class="quote-item') == 2
    narrowed = seeded_client.get("/speakers/sergey-lavrov?topic=sanctions", headers=HTMX)
    assert "<html" not in narrowed.text and 'id="results"' in narrowed.text
    assert narrowed.text.count('class="quote-item') == 1
    assert "Sanctions are not a policy" in narrowed.text


def test_speaker_page_search_within_their_quotes(seeded_client):
    html = seeded_client.get("/speakers/sergey-lavrov?q=caracas").text
    assert html.count('class="quote-item') == 1 and "<mark>Caracas</mark>" in html
    # The speaker is fixed by the path: the form does not repeat it, but the export keeps it.
    assert 'name="speaker"' not in html
    assert 'href="http://testserver/quotes.csv?speaker=sergey-lavrov&amp;q=caracas"' in html


def test_speaker_page_unknown_lists_unattributed_quotes(seeded_client):
    response = seeded_client.get("/speakers/unknown")
    assert response.status_code == 200
    assert "<title>Unknown speaker · diplomat</title>" in response.text
    assert "Nobody can be sure" in response.text
    assert response.text.count('class="quote-item') == 1


def test_speaker_page_missing_slug_is_helpful_404(seeded_client):
    response = seeded_client.get("/speakers/nobody-at-all")
    assert response.status_code == 404
    assert "We have no speaker" in response.text
    assert 'value="nobody at all"' in response.text  # a search is offered instead


def test_speaker_page_timeline_is_an_accessible_svg(seeded_client, engine):
    html = seeded_client.get("/speakers/sergey-lavrov").text
    assert "<svg" not in html and "May 2019 (1), Jun 2019 (1)" in html  # two months: in words
    for n, day in enumerate((date(2019, 8, 1), date(2020, 1, 5))):
        text_ = f'"We are still here {n}," said Sergey Lavrov.'
        quote = quote_in(text_, f'"We are still here {n},"', speaker="Sergey Lavrov",
                         speaker_country="RU")  # fmt: skip
        store_article(
            engine, f"more{n}.txt", ExtractedArticle(text_, None, None, day, (quote,)), {}
        )
    html = seeded_client.get("/speakers/sergey-lavrov").text
    svg = html.split("<svg")[1].split("</svg>")[0]
    assert 'role="img"' in svg and '<title id="timeline-t">' in svg
    assert svg.count("<rect") == 4
    assert "<title>May 2019: 1 quote</title>" in svg and "<title>Jan 2020: 1 quote</title>" in svg
    assert "<td>Jun 2019</td><td>1</td>" in html


def test_speaker_save_sets_cookie_and_redirects_back(seeded_client):
    response = seeded_client.post(
        "/speakers/mike-pompeo/save?next=/speakers/mike-pompeo", follow_redirects=False
    )
    assert response.status_code == 303 and response.headers["location"] == "/speakers/mike-pompeo"
    assert "saved_speakers=mike-pompeo" in response.headers["set-cookie"]
    page = seeded_client.get("/speakers/mike-pompeo").text
    assert "Remove from your speakers" in page and "/speakers/mike-pompeo/forget" in page


def test_speaker_save_lists_your_speakers_on_home(seeded_client):
    seeded_client.post("/speakers/mike-pompeo/save")
    seeded_client.post("/speakers/sergey-lavrov/save")
    home = seeded_client.get("/").text
    saved = home.split("Your speakers")[1].split("</section>")[0]
    assert saved.index("Sergey Lavrov") < saved.index("Mike Pompeo")
    assert "?speaker=sergey-lavrov&amp;speaker=mike-pompeo" in saved


def test_speaker_saved_ones_show_their_latest_quotes_on_home(seeded_client):
    seeded_client.post("/speakers/mike-pompeo/save")
    home = seeded_client.get("/").text
    saved = home.split("Your speakers")[1].split("</section>")[0]
    assert "Their latest quotes" in saved and saved.count('class="quote-item') == 1
    assert "that sanctions on Iran would stay in place" in saved
    assert "Sanctions are not a policy" not in saved  # Lavrov is not saved


def test_speaker_forget_removes_it(seeded_client):
    seeded_client.post("/speakers/mike-pompeo/save")
    response = seeded_client.post("/speakers/mike-pompeo/forget", follow_redirects=False)
    assert response.status_code == 303
    assert "Your speakers" not in seeded_client.get("/").text


def test_speaker_save_refuses_offsite_redirects_and_unknown_slugs(seeded_client):
    response = seeded_client.post(
        "/speakers/mike-pompeo/save?next=//evil.example/x", follow_redirects=False
    )
    assert response.headers["location"] == "http://testserver/speakers/mike-pompeo"
    assert seeded_client.post("/speakers/nobody/save").status_code == 404


def test_speaker_save_form_works_without_javascript(seeded_client):
    html = seeded_client.get("/speakers/sergey-lavrov").text
    assert (
        '<form class="save" method="post" '
        'action="http://testserver/speakers/sergey-lavrov/save?next=%2Fspeakers%2Fsergey-lavrov">'
        in html
    )


def test_speaker_page_scoped_search_is_labelled_and_works_as_fragment(seeded_client):
    html = seeded_client.get("/speakers/sergey-lavrov").text
    assert '<label for="f-q">Search Sergey Lavrov’s quotes</label>' in html
    fragment = seeded_client.get("/speakers/sergey-lavrov?q=sanctions+-iran", headers=HTMX).text
    assert "<html" not in fragment and fragment.count('class="quote-item') == 1
    assert "<mark>Sanctions</mark> are not a policy" in fragment
    # Nothing of theirs matches: the way out drops the words, staying on their page.
    empty = seeded_client.get("/speakers/sergey-lavrov?q=iran").text
    assert 'href="http://testserver/speakers/sergey-lavrov" hx-get=' in empty
    assert "remove the words “iran”</a> to see 2 quotes" in empty


def test_speaker_page_links_to_compare_on_their_topics(seeded_client):
    html = seeded_client.get("/speakers/sergey-lavrov").text
    links = html.split('class="compare-links"')[1].split("</section>")[0]
    assert (
        'href="http://testserver/compare?topic=sanctions&amp;speakers=sergey-lavrov,mike-pompeo">'
        "Sergey Lavrov and Mike Pompeo on Sanctions</a>" in links
    )
    assert "Venezuela" not in links  # nobody else spoke on it: nothing to compare
    target = seeded_client.get("/compare?topic=sanctions&speakers=sergey-lavrov,mike-pompeo")
    assert target.text.count("<blockquote") == 2


def test_speaker_page_meta_description(seeded_client):
    html = seeded_client.get("/speakers/mike-pompeo").text
    assert (
        '<meta name="description" content="What Mike Pompeo said: 1 quote from news articles,'
        ' on Iran, Sanctions.">' in html
    )
    assert '<meta property="og:site_name" content="diplomat">' in html


def test_speakers_directory_tabs_letters_and_kinds(seeded_client, engine):
    from sqlalchemy import text

    with engine.begin() as conn:
        conn.execute(text("UPDATE speaker SET kind = 'organisation' WHERE slug = 'mike-pompeo'"))
    people = seeded_client.get("/speakers").text
    assert "Sergey Lavrov" in people and "Mike Pompeo" not in people
    tabs = people.split('aria-label="Kinds of speaker"')[1].split("</nav>")[0]
    assert 'aria-current="page">People <span class="count">1</span>' in tabs
    assert 'Organisations <span class="count">1</span>' in tabs
    assert "Mike Pompeo" in seeded_client.get("/speakers?kind=organisation").text
    assert "Sergey Lavrov" not in seeded_client.get("/speakers?letter=M").text
    assert "Sergey Lavrov" in seeded_client.get("/speakers?letter=L").text
    assert seeded_client.get("/speakers?kind=nonsense&letter=%F0%9F%98%80").status_code == 200


def test_speaker_other_spellings_redirect_to_one_page(seeded_client):
    for spelling in ("sergei-lavrov", "Sergey-Lavrov", "SERGEI-LAVROV"):
        response = seeded_client.get(
            f"/speakers/{spelling}?topic=sanctions", follow_redirects=False
        )
        assert response.status_code == 301, spelling
        assert response.headers["location"] == (
            "http://testserver/speakers/sergey-lavrov?topic=sanctions"
        )
    assert seeded_client.get("/speakers/lavrov-sergei", follow_redirects=False).status_code == 404


def test_speaker_spellings_officials_toml_knows_redirect_too(seeded_client):
    # No article printed "Serguéi Lavrov"; the officials file lists it as his name.
    response = seeded_client.get("/speakers/serguei-lavrov", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "http://testserver/speakers/sergey-lavrov"
    page = seeded_client.get("/speakers/sergey-lavrov").text
    also = page.split("Also written as:")[1].split("</p>")[0].strip().split(", ")
    assert "Serguéi Lavrov" in also and "Sergei Lavrov" in also
    assert "Lavrov" not in also  # not the surname alone
    # A spelling of someone no article quotes names no page.
    assert seeded_client.get("/speakers/antony-blinken", follow_redirects=False).status_code == 404


def test_speaker_named_by_a_given_name_alone_says_which_article_names_them(engine, client):
    text = 'Her husband, Tom, moved the cattle. "The animals are safe," Tom said.'
    quote = quote_in(text, '"The animals are safe,"', speaker="Tom", named_alone=True)
    article = ExtractedArticle(text, "Flood waters recede", None, None, (quote,))
    stored = store_article(engine, "farm.txt", article, {})
    html = client.get("/speakers/tom").text
    assert "Named only as “Tom” in" in html
    assert f'/articles/{stored.article_id}">Flood waters recede</a>' in html
    listed = client.get("/speakers").text
    assert re.search(r'Tom</a>\s*<span class="muted">named by given name in one article', listed)
    (api,) = client.get("/api/speakers").json()["speakers"]
    assert api["named_only_in_article"] == stored.article_id
