"""Requests an attacker or a careless user can send: forged hosts, forged cursors, NULs, huge
searches, cross-site forms, failing routes, HEAD and OPTIONS. Each used to get a 500, a
poisoned page or a silent change; see issue 14."""

import base64
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient

from app.settings import Settings
from app.web.app import create_app
from tests.support import hostile_web

LIST_PAGES = ["/", "/search?q=sanctions", "/speakers", "/articles", "/api/quotes", "/api/speakers"]


@pytest.fixture
def site(engine, client):
    hostile_web.seed(engine)
    return client


def _token(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


def _app(app_settings: Settings, **changes) -> TestClient:
    return TestClient(create_app(app_settings.model_copy(update=changes)))


def test_hostile_forged_host_never_reaches_another_visitor(site):
    evil = site.get("/search?q=sanctions", headers={"host": "evil.example"})
    assert evil.status_code == 200
    honest = site.get("/search?q=sanctions")
    assert "evil.example" not in honest.text
    assert 'href="http://testserver/static/app.css' in honest.text


def test_hostile_base_url_fixes_every_absolute_link(app_settings, engine):
    hostile_web.seed(engine)
    with _app(app_settings, base_url="https://quotes.example.org") as client:
        page = client.get("/search?q=sanctions", headers={"host": "evil.example"})
        feed = client.get("/speakers/sergey-lavrov/feed.atom", headers={"host": "evil.example"})
    assert "evil.example" not in page.text and "evil.example" not in feed.text
    assert '<link rel="canonical" href="https://quotes.example.org/search?q=sanctions">' in (
        page.text
    )


def test_hostile_allowed_hosts_refuse_others(app_settings):
    with _app(app_settings, allowed_hosts="quotes.example.org, localhost") as client:
        refused = client.get("/", headers={"host": "evil.example"})
        fine = client.get("/", headers={"host": "localhost:8000"})
    assert refused.status_code == 400 and "content-security-policy" in refused.headers
    assert fine.status_code == 200


def test_hostile_base_url_must_be_a_site_root(app_settings):
    with pytest.raises(ValueError, match="root"):
        create_app(app_settings.model_copy(update={"base_url": "https://x.example/sub/"}))


@pytest.mark.parametrize(
    "cursor",
    [
        _token(["newest", "2019-01-01", 2**70]),
        _token(["newest", 2**70, 3]),
        _token(["relevance", "x", 2**64]),
        _token(["newest", float("inf"), 3]),
        base64.urlsafe_b64encode(b"[" * 2250).decode(),
        _token(["name", "a\u0000b", 1]),
        "A" * 5000,
    ],
)
def test_hostile_forged_cursor_is_the_first_page(site, cursor):
    for page in LIST_PAGES:
        sep = "&" if "?" in page else "?"
        response = site.get(f"{page}{sep}after={cursor}")
        assert response.status_code < 500, page


def test_hostile_nul_in_parameters_is_dropped(site):
    for url in ["/search?q=a%00b", "/?speaker=%00", "/api/quotes?q=%00", "/speakers?after=%00"]:
        assert site.get(url).status_code < 500, url
    export = site.get("/quotes.csv?speaker=%00")
    assert export.status_code == 200 and export.text.startswith('"id","published",')
    assert site.get("/speakers/a%00b").status_code == 400


def test_hostile_long_or_deep_search_is_a_friendly_error(site):
    words = " ".join(f"word{n}" for n in range(95))
    for q in [words, "(" * 60 + "oil" + ")" * 60, "AND " * 300]:
        page = site.get("/search", params={"q": q})
        assert page.status_code < 500
        api = site.get("/api/quotes", params={"q": q})
        assert api.status_code < 500


def test_hostile_server_error_has_headers_and_api_errors_are_json(app_settings, monkeypatch):
    from app.web import listing
    from app.web.routes import api

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(listing, "quote_page", broken)
    monkeypatch.setattr(api, "quote_page", broken)
    with TestClient(create_app(app_settings), raise_server_exceptions=False) as client:
        page = client.get("/?speaker=x")
        data = client.get("/api/quotes")
    assert page.status_code == 500 and "content-security-policy" in page.headers
    assert "Traceback" not in page.text and page.headers["content-type"].startswith("text/html")
    assert data.status_code == 500 and data.json() == {"detail": "Internal server error"}
    assert data.headers["x-frame-options"] == "DENY"


def test_hostile_cross_site_form_cannot_change_saved_speakers(site):
    forged = site.post(
        "/speakers/sergey-lavrov/save",
        headers={"origin": "http://evil.example", "sec-fetch-site": "cross-site"},
        follow_redirects=False,
    )
    assert forged.status_code == 403 and "set-cookie" not in forged.headers
    no_fetch_metadata = site.post(
        "/speakers/sergey-lavrov/save",
        headers={"origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert no_fetch_metadata.status_code == 403
    own = site.post(
        "/speakers/sergey-lavrov/save",
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
        follow_redirects=False,
    )
    assert own.status_code == 303 and "saved_speakers=" in own.headers["set-cookie"]


def test_hostile_saved_cookie_is_secure_behind_https(app_settings, engine):
    hostile_web.seed(engine)
    with _app(app_settings, base_url="https://quotes.example.org") as client:
        response = client.post("/speakers/sergey-lavrov/save", follow_redirects=False)
    assert "secure" in response.headers["set-cookie"].lower()


def test_hostile_control_characters_keep_feeds_valid_xml(engine, client):
    from app.extract.article import ExtractedArticle
    from app.ingest.store import store_article
    from tests.conftest import TOPIC_NAMES, quote_in

    text = 'Bells\n\n"We ring \x07 the \x1b[31m bell \x0c now," said Ana Lima.'
    quote = quote_in(text, '"We ring \x07 the \x1b[31m bell \x0c now,"', speaker="Ana Lima")
    article = ExtractedArticle(text, "Bells", None, None, (quote,))
    store_article(engine, "bell.txt", article, TOPIC_NAMES)
    feed = client.get("/speakers/ana-lima/feed.atom")
    assert feed.status_code == 200
    ET.fromstring(feed.content)  # raises on a character XML forbids
    assert "We ring" in feed.text


def test_hostile_head_and_options_on_every_page(site):
    for route in hostile_web.routes():
        if "GET" not in route.methods:
            continue
        url = hostile_web.fill(route.path)
        get, head = site.get(url), site.head(url)
        assert head.status_code == get.status_code, url
        assert head.content == b""
        options = site.options(url)
        assert options.status_code == 204, url
        assert set(options.headers["allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    save = site.options("/speakers/sergey-lavrov/save")
    assert save.headers["allow"] == "OPTIONS, POST"
