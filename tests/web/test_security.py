"""Security headers, request bounds, helpful 404s, and a site that visitors cannot change."""

import re

import pytest

from tests.support import faults, hostile_web

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
COOKIE_ROUTES = {"/speakers/{slug}/save", "/speakers/{slug}/forget"}


@pytest.fixture
def site(engine, client):
    hostile_web.seed(engine)
    return client


def test_security_headers_on_pages_api_static_and_errors(site):
    for url in ["/", "/api/quotes", "/static/app.css", "/no/such-page", "/quotes/1"]:
        headers = site.get(url).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp, url
        assert "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert headers["x-frame-options"] == "DENY"


def test_security_templates_have_no_inline_script_or_handlers(seeded_client):
    """Checked on harmless data, where any handler found must come from a template."""
    site = seeded_client

    for url in [
        "/",
        "/speakers",
        "/speakers/sergey-lavrov",
        "/search?q=lavrov",
        "/compare",
        "/articles/1",
        "/quotes/1",
        "/topics",
        "/countries/RU",
    ]:
        html = site.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert not re.search(r"\son[a-z]+\s*=", html), url
        assert "style=" not in html and "<style" not in html, url


def test_security_long_url_is_a_friendly_414(site):
    page = site.get("/search", params={"q": "x" * 5000})
    assert page.status_code == 414
    assert "That address is too long" in page.text
    api = site.get("/api/quotes", params={"q": "x" * 5000})
    assert api.status_code == 414 and api.json()["detail"].startswith("That address")


def test_security_large_or_unsized_body_refused(site):
    big = site.post("/speakers/sergey-lavrov/save", content=b"x" * 70_000)
    assert big.status_code == 413
    chunked = site.post("/speakers/sergey-lavrov/save", content=iter([b"x"] * 3))
    assert chunked.status_code == 411


@pytest.mark.parametrize(
    "url, says",
    [
        ("/speakers/nobody-at-all", "We have no speaker “nobody-at-all”"),
        ("/topics/no-such-topic", "no-such-topic"),
        ("/countries/ZZ", "ZZ"),
        ("/articles/999999", None),
        ("/quotes/999999", None),
        ("/speakers?country=a%2Fb", "There is no country “A/B”"),
    ],
)
def test_security_unknown_ids_get_a_helpful_404(site, url, says):
    response = site.get(url)
    assert response.status_code == 404
    assert "<h1>Not found</h1>" in response.text and 'role="search"' in response.text
    if says:
        assert says in response.text


@pytest.mark.sqlite_only(reason="compares the SQLite file's rows before and after")
def test_security_site_is_read_only_to_visitors(site, app_settings):
    """Every route, every method: only the saved-speaker routes accept a write, and even they
    change no row (they set a cookie)."""
    db = faults.db_file(app_settings.database_url)
    before = faults.dump(db)
    accepted = set()
    for route in hostile_web.routes():
        url = hostile_web.fill(route.path)
        for method in METHODS:
            response = site.request(method, url, follow_redirects=False)
            assert response.status_code < 500, (method, url)
            if method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
                accepted.add(route.path)
                assert "saved_speakers" in response.headers.get("set-cookie", "")
    assert accepted == COOKIE_ROUTES
    assert faults.dump(db) == before
