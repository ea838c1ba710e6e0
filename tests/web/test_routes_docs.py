"""The API documentation works offline, and the schema describes the API only."""


def test_docs_page_uses_only_our_own_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/static/docs/swagger-ui-bundle.js" in page.text and "/static/docs/init.js" in page.text
    assert "cdn" not in page.text.lower() and "<script>" not in page.text  # no inline script
    assert "script-src 'self';" in page.headers["content-security-policy"]
    assert client.get("/static/docs/swagger-ui-bundle.js").status_code == 200
    assert client.get("/redoc").status_code == 404


def test_openapi_schema_lists_the_api_not_the_pages(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert paths and all(path.startswith("/api/") for path in paths)
    assert "/api/quotes" in paths and "/api/speakers/search" in paths


def test_favicon_is_served(client):
    icon = client.get("/favicon.ico", follow_redirects=False)
    assert icon.status_code == 301 and icon.headers["location"].endswith("/static/favicon.svg")
    assert client.get("/static/favicon.svg").headers["content-type"].startswith("image/svg")
    assert 'rel="icon"' in client.get("/").text
