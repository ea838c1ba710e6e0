"""Routes: the JSON API."""

from sqlmodel import select

from app.models import Article


def test_api_quotes_returns_filtered_quotes_with_links(seeded_client):
    response = seeded_client.get("/api/quotes?country=RU&topic=sanctions")
    assert response.status_code == 200
    body = response.json()
    assert [q["text"] for q in body["quotes"]] == ['"Sanctions are not a policy,"']
    quote = body["quotes"][0]
    assert quote["speaker"]["slug"] == "sergey-lavrov" and quote["speaker"]["country"] == "RU"
    assert quote["article"]["outlet"] == "Other Herald"
    assert quote["topics"] == [{"slug": "sanctions", "name": "Sanctions"}]
    assert quote["url"].endswith(f"/quotes/{quote['id']}")
    assert body["next"] is None and body["warnings"] == []


def test_api_quotes_cursor_walks_all_pages(seeded_client):
    seeded_client.app.state.settings.page_size = 3
    first = seeded_client.get("/api/quotes").json()
    assert len(first["quotes"]) == 3 and first["next"]
    second = seeded_client.get(first["next"]).json()
    assert len(second["quotes"]) == 1 and second["next"] is None
    ids = [q["id"] for q in first["quotes"] + second["quotes"]]
    assert len(set(ids)) == 4


def test_api_quotes_unattributed_have_null_speaker(seeded_client):
    body = seeded_client.get("/api/quotes?speaker=unknown").json()
    assert body["quotes"][0]["speaker"] is None


def test_api_quotes_bad_search_is_400_with_message(seeded_client):
    response = seeded_client.get('/api/quotes?q="oops')
    assert response.status_code == 400
    assert "could not understand" in response.json()["detail"]


def test_api_quotes_reports_ignored_parameters(seeded_client):
    body = seeded_client.get("/api/quotes?from=soon").json()
    assert len(body["quotes"]) == 4 and "dates look like" in body["warnings"][0]


def test_api_speakers_lists_counts_and_pages(seeded_client):
    body = seeded_client.get("/api/speakers").json()
    assert [(s["slug"], s["quotes"], s["kind"]) for s in body["speakers"]] == [
        ("sergey-lavrov", 2, "person"),  # by surname
        ("mike-pompeo", 1, "person"),
    ]
    assert body["next"] is None
    assert seeded_client.get("/api/speakers?country=ru").json()["speakers"][0]["name"] == (
        "Sergey Lavrov"
    )


def test_api_speaker_search_fits_names(seeded_client):
    found = seeded_client.get("/api/speakers/search", params={"q": "sergei lavrov"}).json()
    assert [(s["slug"], s["quotes"]) for s in found] == [("sergey-lavrov", 2)]
    assert seeded_client.get("/api/speakers/search", params={"q": "zzz"}).json() == []


def test_api_topics_and_countries(seeded_client):
    topics = {t["slug"]: t["quotes"] for t in seeded_client.get("/api/topics").json()}
    assert topics == {"sanctions": 2, "iran": 1, "venezuela": 1}
    countries = seeded_client.get("/api/countries").json()
    assert [(c["code"], c["name"], c["quotes"]) for c in countries] == [
        ("RU", "Russia", 2),
        ("US", "United States", 1),
    ]


def test_api_article_has_text_and_offsets(seeded_client, session):
    article = session.exec(select(Article).where(Article.title == "Talks in Sochi")).one()
    body = seeded_client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text
    for quote in body["quotes"]:
        assert body["text"][quote["start"] : quote["end"]] == quote["text"]


def test_api_missing_article_is_json_404(seeded_client):
    response = seeded_client.get("/api/articles/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "There is no article number 999."}


def test_api_empty_database(client):
    assert client.get("/api/quotes").json()["quotes"] == []
    assert client.get("/api/topics").json() == []
