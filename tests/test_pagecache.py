"""Rendered pages kept until the data changes, with ETags (app/pagecache.py)."""

from app.ingest.store import store_article
from app.ingest.topics import load_taxonomy
from tests.conftest import quote_in

TOPIC_NAMES = load_taxonomy().names()


def _new_article(text: str, speaker: str):
    from app.ingest.extract import ExtractedArticle

    fragment = text.split("\n\n")[1]
    quote = quote_in(text, fragment, speaker=speaker, speaker_country="FR")
    return ExtractedArticle(text=text, title=text.split("\n")[0], outlet=None, date=None,
                            quotes=(quote,))


def test_pagecache_second_request_is_the_same_page_with_an_etag(seeded_client):
    first = seeded_client.get("/speakers")
    second = seeded_client.get("/speakers")
    assert first.status_code == second.status_code == 200
    assert first.text == second.text
    assert first.headers["etag"] == second.headers["etag"]
    assert second.headers["vary"] == "HX-Request"
    assert "content-security-policy" in second.headers  # security headers on cached pages too


def test_pagecache_matching_etag_gets_304(seeded_client):
    etag = seeded_client.get("/speakers").headers["etag"]
    again = seeded_client.get("/speakers", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    other = seeded_client.get("/speakers", headers={"If-None-Match": 'W/"stale"'})
    assert other.status_code == 200


def test_pagecache_new_import_is_seen_at_once(seeded_client, engine):
    before = seeded_client.get("/speakers")
    assert "Camille Roux" not in before.text
    text = "Paris talks\n\n\"We expect an answer before the summit,\" Camille Roux said."
    store_article(engine, "roux.txt", _new_article(text, "Camille Roux"), TOPIC_NAMES)
    after = seeded_client.get("/speakers")
    assert "Camille Roux" in after.text
    assert after.headers["etag"] != before.headers["etag"]
    revalidated = seeded_client.get("/speakers", headers={"If-None-Match": before.headers["etag"]})
    assert revalidated.status_code == 200


def test_pagecache_fragment_and_page_are_kept_apart(seeded_client):
    page = seeded_client.get("/", params={"speaker": "sergey-lavrov"})
    fragment = seeded_client.get("/", params={"speaker": "sergey-lavrov"},
                                 headers={"HX-Request": "true"})
    again = seeded_client.get("/", params={"speaker": "sergey-lavrov"})
    assert "<html" in page.text and "<html" not in fragment.text
    assert again.text == page.text


def test_pagecache_pages_depend_on_the_saved_speakers_cookie(seeded_client):
    plain = seeded_client.get("/")
    saved = seeded_client.post("/speakers/sergey-lavrov/save", follow_redirects=False)
    assert "set-cookie" in saved.headers
    with_cookie = seeded_client.get("/")
    assert "Your speakers" in with_cookie.text and "Your speakers" not in plain.text


def test_pagecache_skipped_counts_kept_only_until_retried(seeded_client, monkeypatch):
    import time

    import app.pagecache as pagecache
    from app.queries.facets import RETRY_SKIPPED_S

    monkeypatch.setattr("app.routes._listing.facet_counts", lambda *args: None)
    skipped = seeded_client.get("/", params={"country": "RU"})
    assert "Counts skipped" in skipped.text
    assert skipped.headers.get("cache-control") == "no-cache" and "etag" not in skipped.headers
    assert "x-page-cache-ttl" not in skipped.headers  # internal, never sent
    monkeypatch.undo()
    assert "Counts skipped" in seeded_client.get("/", params={"country": "RU"}).text  # kept
    later = time.monotonic() + RETRY_SKIPPED_S + 1
    monkeypatch.setattr(pagecache, "monotonic", lambda: later)
    counted = seeded_client.get("/", params={"country": "RU"})
    assert "Counts skipped" not in counted.text and "etag" in counted.headers


def test_pagecache_keeps_at_most_its_byte_budget():
    from app.pagecache import PageCache

    cache = PageCache(app=None, max_entries=10, max_total_bytes=25)
    start = {"status": 200, "headers": []}
    for n in range(4):
        cache._store(("page", n), start, b"x" * 10, 0.0)
    assert list(cache._entries) == [("page", 2), ("page", 3)]  # least recent went first
    assert cache._total == 20
