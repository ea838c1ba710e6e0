"""Routes: countries and a country's speakers and quotes."""

HTMX = {"HX-Request": "true"}


def test_countries_lists_names_with_counts(seeded_client):
    html = seeded_client.get("/countries").text
    assert 'href="http://testserver/countries/RU">Russia</a>' in html
    assert "1 speaker, 2 quotes" in html
    assert html.index("Russia") < html.index("United States")


def test_countries_empty_database(client):
    assert "No countries yet" in client.get("/countries").text


def test_country_page_shows_speakers_and_their_quotes(seeded_client):
    response = seeded_client.get("/countries/RU")
    assert response.status_code == 200 and "HX-Request" in response.headers["Vary"].split(", ")
    html = response.text
    assert "<title>Russia · diplomat</title>" in html
    assert 'href="http://testserver/speakers/sergey-lavrov"' in html
    assert html.count('class="quote-item') == 2 and "Mike Pompeo" not in html


def test_country_page_fragment_combines_filters(seeded_client):
    response = seeded_client.get("/countries/RU?topic=venezuela", headers=HTMX)
    assert "<html" not in response.text
    assert response.text.count('class="quote-item') == 1


def test_country_page_lowercase_code_redirects(seeded_client):
    response = seeded_client.get("/countries/ru?topic=sanctions", follow_redirects=False)
    assert response.status_code == 301
    assert response.headers["location"] == "http://testserver/countries/RU?topic=sanctions"


def test_country_page_known_code_without_speakers(seeded_client):
    response = seeded_client.get("/countries/FR")
    assert response.status_code == 200 and "no speakers from France" in response.text


def test_country_page_unknown_code_is_404(seeded_client):
    response = seeded_client.get("/countries/QQ")
    assert response.status_code == 404 and "not a country code" in response.text


def test_country_about_page_lists_what_anyone_said_about_it(seeded_client):
    own = seeded_client.get("/countries/RU").text
    assert (
        'href="http://testserver/countries/RU/about"' in own
        and "Speaker’s country" not in (own.split('aria-label="Refine"')[0].split("<form")[0])
    )
    about = seeded_client.get("/countries/VE/about")
    assert about.status_code == 200
    assert "We will not abandon <mark>Caracas</mark>" in about.text  # the capital, by a Russian
    assert "Nobody can be sure" not in about.text
    assert seeded_client.get("/countries/ru/about").status_code == 404
