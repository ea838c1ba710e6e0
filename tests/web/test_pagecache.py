"""Rendered pages kept until the data changes, with ETags (app/web/pagecache.py)."""

import sqlite3

import pytest

from app.extract.topics import load_taxonomy
from app.ingest.store import store_article
from tests.conftest import quote_in

TOPIC_NAMES = load_taxonomy().names()


def _new_article(text: str, speaker: str):
    from app.extract.article import ExtractedArticle

    fragment = text.split("\n\n")[1]
    quote = quote_in(text, fragment, speaker=speaker, speaker_country="FR")
    return ExtractedArticle(
        text=text, title=text.split("\n")[0], outlet=None, date=None, quotes=(quote,)
    )


def test_pagecache_second_request_is_the_same_page_with_an_etag(seeded_client):
    first = seeded_client.get("/speakers")
    second = seeded_client.get("/speakers")
    assert first.status_code == second.status_code == 200
    assert first.text == second.text
    assert first.headers["etag"] == second.headers["etag"]
    assert second.headers["vary"] == "HX-Request, Accept-Encoding"
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
    text = 'Paris talks\n\n"We expect an answer before the summit," Camille Roux said.'
    store_article(engine, "roux.txt", _new_article(text, "Camille Roux"), TOPIC_NAMES)
    after = seeded_client.get("/speakers")
    assert "Camille Roux" in after.text
    assert after.headers["etag"] != before.headers["etag"]
    revalidated = seeded_client.get("/speakers", headers={"If-None-Match": before.headers["etag"]})
    assert revalidated.status_code == 200


def test_pagecache_fragment_and_page_are_kept_apart(seeded_client):
    page = seeded_client.get("/", params={"speaker": "sergey-lavrov"})
    fragment = seeded_client.get(
        "/", params={"speaker": "sergey-lavrov"}, headers={"HX-Request": "true"}
    )
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

    import app.web.pagecache as pagecache
    from app.queries.facets import RETRY_SKIPPED_S

    monkeypatch.setattr("app.web.listing.facet_counts", lambda *args: None)
    skipped = seeded_client.get("/", params={"country": "RU"})
    assert "counts-skipped" in skipped.text
    assert skipped.headers.get("cache-control") == "no-cache" and "etag" not in skipped.headers
    assert "x-page-cache-ttl" not in skipped.headers  # internal, never sent
    monkeypatch.undo()
    assert "counts-skipped" in seeded_client.get("/", params={"country": "RU"}).text  # kept
    later = time.monotonic() + RETRY_SKIPPED_S + 1
    monkeypatch.setattr(pagecache, "monotonic", lambda: later)
    counted = seeded_client.get("/", params={"country": "RU"})
    assert "counts-skipped" not in counted.text and "etag" in counted.headers


@pytest.mark.parametrize("gzip_first", [True, False], ids=["gzip built", "gzip cached"])
def test_pagecache_sends_gzip_only_to_clients_that_take_it(seeded_client, gzip_first):
    """Built or from the cache, a page goes out gzipped to a client that accepts gzip and
    plain to one that does not; the two are the same page."""
    plain_headers = {"Accept-Encoding": "identity"}
    gzip_headers = {"Accept-Encoding": "gzip, br"}
    first, second = (gzip_headers, plain_headers) if gzip_first else (plain_headers, gzip_headers)
    answers = [seeded_client.get("/speakers", headers=first)]
    answers.append(seeded_client.get("/speakers", headers=second))
    zipped, plain = answers if gzip_first else answers[::-1]
    assert "content-encoding" not in plain.headers and "<html" in plain.text
    assert zipped.headers["content-encoding"] == "gzip"
    assert int(zipped.headers["content-length"]) < len(plain.content) / 2
    assert zipped.text == plain.text  # httpx unzipped it
    assert zipped.headers["vary"] == plain.headers["vary"] == "HX-Request, Accept-Encoding"
    refused = seeded_client.get("/speakers", headers={"Accept-Encoding": "gzip;q=0, deflate"})
    assert "content-encoding" not in refused.headers and refused.text == plain.text


def test_pagecache_keeps_pages_gzipped():
    import asyncio
    import zlib
    from types import SimpleNamespace

    from app.web.pagecache import PageCache

    page = b"<p>a quote that says the same thing again</p>" * 400

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": page})

    cache = PageCache(app)
    scope = {"type": "http", "method": "GET", "path": "/p", "query_string": b"",
             "headers": [], "app": SimpleNamespace(state=SimpleNamespace(engine=None))}  # fmt: skip
    cache._current_generation = _fixed_generation  # type: ignore[method-assign]

    async def ask() -> bytes:
        sent: list = []

        async def send(message):
            sent.append(message)

        await cache(scope, None, send)
        return b"".join(m.get("body", b"") for m in sent[1:])

    assert asyncio.run(ask()) == page  # built
    assert asyncio.run(ask()) == page  # from the cache, unzipped for a client without gzip
    (entry,) = cache._entries.values()
    assert zlib.decompress(entry[2], 31) == page
    assert cache._total == len(entry[2]) < len(page) / 10
    # The page last sent plain is also kept plain, until the page is stored again.
    (key,) = cache._entries
    assert cache._unzipped == {key: page}
    cache._store(key, {"status": 200, "headers": []}, entry[2], 0.0)
    assert not cache._unzipped
    assert asyncio.run(ask()) == page


async def _fixed_generation(engine) -> tuple:
    return (1,)


def test_pagecache_keeps_at_most_its_byte_budget():
    from app.web.pagecache import PageCache

    cache = PageCache(app=None, max_entries=10, max_total_bytes=25)
    start = {"status": 200, "headers": []}
    for n in range(4):
        cache._store(("page", n), start, b"x" * 10, 0.0)
    assert list(cache._entries) == [("page", 2), ("page", 3)]  # least recent went first
    assert cache._total == 20


def test_pagecache_builds_a_page_once_for_requests_arriving_together(engine):
    """A cold server under load: eight requests for the same page wait for one build."""
    import asyncio
    from types import SimpleNamespace

    from app.web.pagecache import PageCache

    builds = 0

    async def slow_page(scope, receive, send):
        nonlocal builds
        builds += 1
        await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"the page"})

    cache = PageCache(slow_page)
    app = SimpleNamespace(state=SimpleNamespace(engine=engine))
    scope = {
        "type": "http",
        "method": "GET",
        "path": "/p",
        "query_string": b"",
        "headers": [],
        "app": app,
    }

    async def request() -> bytes:
        sent = []

        async def send(message):
            sent.append(message)

        await cache(scope, None, send)
        assert sent[0]["status"] == 200
        return b"".join(m.get("body", b"") for m in sent[1:])

    async def together():
        try:
            return await asyncio.gather(*(request() for _ in range(8)))
        finally:
            await cache._postgres.close()  # a server closes it at shutdown

    assert asyncio.run(together()) == [b"the page"] * 8
    assert builds == 1


def test_cached_value_is_computed_once_while_threads_wait_for_it(engine):
    import threading
    import time

    from sqlmodel import Session

    from app.queries.cache import cached

    computed = 0

    def slow():
        nonlocal computed
        computed += 1
        time.sleep(0.2)
        return 42

    answers = []

    def ask():
        with Session(engine) as session:
            answers.append(cached(session, ("test-single-flight", id(engine)), slow))

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [42] * 6 and computed == 1


@pytest.mark.sqlite_only(reason="data_version is SQLite's change counter")
def test_pagecache_sees_a_commit_made_by_another_process(seeded_client, engine):
    """Cached pages are checked against SQLite's data_version: a write from elsewhere (here a
    plain sqlite3 connection, as another process would) makes the next request rebuild."""
    before = seeded_client.get("/speakers")
    assert seeded_client.get("/speakers").headers["etag"] == before.headers["etag"]
    with sqlite3.connect(engine.url.database) as other:
        other.execute("UPDATE speaker SET name = 'Renamed Person' WHERE slug = 'sergey-lavrov'")
        other.execute("INSERT INTO speaker (slug, name) VALUES ('new-person', 'New Person')")
    after = seeded_client.get("/speakers")
    assert "New Person" in after.text and after.headers["etag"] != before.headers["etag"]


def test_cached_shared_values_outlast_the_long_tail_of_single_filters(engine, monkeypatch):
    """A value every page shares (lasting) stays while more single-filter counts than the
    cache holds come and go; a single-filter count is pushed out by them."""
    from sqlmodel import Session

    from app.queries import cache

    monkeypatch.setattr(cache, "MAX_ENTRIES", 8)
    computed: list[str] = []

    def compute(name: str):
        computed.append(name)
        return name

    with Session(engine) as session:
        cache.cached(session, "shared", lambda: compute("shared"), lasting=True)
        cache.cached(session, "first filter", lambda: compute("first filter"))
        for n in range(20):
            cache.cached(session, ("filter", n), lambda n=n: compute(f"filter {n}"))
        cache.cached(session, "shared", lambda: compute("shared"), lasting=True)
        cache.cached(session, "first filter", lambda: compute("first filter"))
    assert computed.count("shared") == 1
    assert computed.count("first filter") == 2


@pytest.mark.postgres
def test_pagecache_on_postgresql_reads_the_generation_on_its_own_connection(seeded_client, engine):
    """A cache hit on PostgreSQL reads the generation in the event loop, the value a session
    reads, and takes no pooled connection; an import changes it at once."""
    import asyncio

    from sqlalchemy import event
    from sqlmodel import Session

    from app.queries.cache import generation
    from app.web.pagecache import _PostgresGeneration

    async def read() -> tuple | None:
        reader = _PostgresGeneration()
        try:
            return await reader.read(engine)
        finally:
            await reader.close()

    with Session(engine) as session:
        assert asyncio.run(read()) == generation(session)
    seeded_client.get("/speakers")
    app_engine = seeded_client.app.state.engine
    checkouts = []
    event.listen(app_engine, "checkout", lambda *args: checkouts.append(1))
    hit = seeded_client.get("/speakers")
    assert hit.status_code == 200 and checkouts == []
    before = asyncio.run(read())
    text = 'Paris talks\n\n"We expect an answer before the summit," Camille Roux said.'
    store_article(engine, "roux.txt", _new_article(text, "Camille Roux"), TOPIC_NAMES)
    assert asyncio.run(read()) != before
    assert "Camille Roux" in seeded_client.get("/speakers").text
