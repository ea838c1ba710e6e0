"""Rounds over feeds and pages against a local server: new items stored, repeated ones not
fetched again, changed ones updated, broken ones failing alone."""

import time

import pytest
from sqlmodel import Session, select

from app.ingest.rounds import Plan, every, ingest_sources
from app.ingest.sources.feeds import Feed
from app.ingest.sources.fetch import Policy
from app.models import Article, FetchState
from tests.support.web_server import LocalServer, Route, html_page, rss

POLICY = Policy(timeout_s=0.5, retries=1, backoff_s=0.01, delay_s=0.0, proxies_from_env=False)
PLACES = ["Tallinn", "Lisbon", "Accra", "Hanoi", "Quito", "Tbilisi", "Dakar", "Perth"]
SPANISH = [
    "Los cancilleres de los dos países se reunieron el lunes en la capital para hablar de la "
    "frontera, del comercio y de los puentes que unen a las dos orillas del río.",
    "«Hemos venido a escuchar y a ser escuchados», dijo la ministra de Relaciones Exteriores, "
    "Lucía Ferreyra, al final de una reunión que duró más de seis horas.",
]


def story(place: str, extra: str = "") -> tuple[str, list[str]]:
    """A short English news story of our own about a meeting in `place`."""
    return f"Ministers meet in {place} to talk about ports", [
        f"{place.upper()} — Foreign ministers from six coastal states met in {place} on Monday "
        "to discuss shared ports, fishing rules and the cost of dredging their harbours.",
        f"“We came to listen and to be heard,” said Foreign Minister Ada Lindqvist after the "
        f"talks in {place}. “Nobody leaves this room with everything they wanted.”",
        "Lindqvist said that a second meeting would follow in the autumn. " + extra,
    ]


@pytest.fixture
def server():
    with LocalServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nAllow: /\n")
        yield server


def page(server, path: str, place: str, extra: str = "", **route) -> dict[str, str]:
    """Serve a story at `path`; returns its feed item."""
    title, paragraphs = story(place, extra)
    html = html_page(title, paragraphs).encode()
    server.routes[path] = Route(html, headers={"Content-Type": "text/html; charset=utf-8"}, **route)
    return {"link": server.url(path), "title": title, "description": paragraphs[0][:80]}


def feed(server, items: list[dict[str, str]], etag: str | None = None) -> Feed:
    server.routes["/rss.xml"] = Route(
        rss(items), headers={"Content-Type": "application/rss+xml"}, etag=etag
    )
    return Feed(server.url("/rss.xml"))


def run(engine, *targets: Feed):
    return ingest_sources(Plan(targets=list(targets), policy=POLICY), engine)


def articles(engine) -> list[Article]:
    """Stored articles, their quotes loaded."""
    with Session(engine) as session:
        found = list(session.exec(select(Article).order_by(Article.id)))
        for article in found:
            article.quotes  # noqa: B018 (loads them while the session is open)
        return found


def test_web_feed_new_items_stored_with_their_metadata(engine, server):
    items = [page(server, f"/a{n}", place) for n, place in enumerate(PLACES[:3])]
    items[0]["pubDate"] = "Tue, 04 Mar 2025 10:00:00 GMT"
    summary = run(engine, feed(server, items))
    assert (summary.new, summary.failed, summary.skipped) == (3, 0, 0)
    assert summary.quotes >= 3
    first = articles(engine)[0]
    assert (first.source, first.url) == (items[0]["link"], items[0]["link"])
    assert first.published.isoformat() == "2025-03-04"  # the feed's date
    assert first.outlet == "Test Gazette"  # the page's site name (before the feed's title)
    assert first.language == "en"
    assert "Share on Facebook" not in first.text and "Tallinn" in first.text


def test_web_repeated_items_not_fetched_again(engine, server):
    items = [page(server, f"/a{n}", place) for n, place in enumerate(PLACES[:3])]
    run(engine, feed(server, items))
    items.append(page(server, "/a3", PLACES[3]))
    summary = run(engine, feed(server, items))
    assert (summary.new, summary.skipped, summary.failed) == (1, 3, 0)
    assert [server.hits(f"/a{n}") for n in range(4)] == [1, 1, 1, 1]
    assert "3 already stored (not fetched)" in summary.line()


def test_web_unchanged_feed_answers_304(engine, server):
    target = feed(server, [page(server, "/a0", PLACES[0])], etag='"feed-1"')
    run(engine, target)
    summary = run(engine, target)
    assert (summary.new, summary.skipped, summary.failed) == (0, 0, 0)
    feed_requests = [r for r in server.requests if r.path == "/rss.xml"]
    assert feed_requests[1].headers.get("If-None-Match") == '"feed-1"'
    assert server.hits("/a0") == 1


def test_web_changed_item_fetched_again_and_updated(engine, server):
    target = feed(server, [page(server, "/a0", PLACES[0], etag='"p1"')])
    run(engine, target)
    item = page(server, "/a0", PLACES[0], extra="The ministers also agreed a budget.", etag='"p2"')
    item["title"] = "Ministers meet again"
    summary = run(engine, feed(server, [item]))
    assert (summary.updated, summary.new) == (1, 0)
    second = [r for r in server.requests if r.path == "/a0"][1]
    assert second.headers.get("If-None-Match") == '"p1"'
    assert "agreed a budget" in articles(engine)[0].text


def test_web_changed_item_with_unchanged_page_is_not_downloaded(engine, server):
    item = page(server, "/a0", PLACES[0], etag='"p1"')
    run(engine, feed(server, [item]))
    item["description"] = "A corrected summary."
    summary = run(engine, feed(server, [item]))
    assert (summary.skipped, summary.new, summary.updated) == (1, 0, 0)
    assert [r.path for r in server.requests].count("/a0") == 2  # the second answered 304


def test_web_same_item_under_a_new_link_not_fetched(engine, server):
    item = page(server, "/a0", PLACES[0])
    run(engine, feed(server, [item]))
    moved = {**item, "link": server.url("/a0?utm_source=rss")}
    summary = run(engine, feed(server, [moved]))
    assert (summary.skipped, server.hits("/a0?utm_source=rss")) == (1, 0)
    assert len(articles(engine)) == 1


def test_web_broken_items_fail_alone(engine, server):
    good = page(server, "/a0", PLACES[0])
    items = [
        good,
        {"title": "No link at all", "description": "nothing"},
        {"title": "A script", "link": "javascript:alert(1)"},
        {"title": "Gone", "link": server.url("/gone")},
        page(server, "/loop", PLACES[1]) | {"link": server.url("/loop-a")},
    ]
    server.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    server.routes["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
    summary = run(engine, feed(server, items, etag='"f1"'))
    assert summary.new == 1
    reasons = sorted(f.reason for f in summary.failures)
    assert reasons == [
        "HTTP 404 Not Found",
        "link 'javascript:alert(1)' is not an http(s) URL",
        "no link",
        f"redirect loop (back to {server.url('/loop-a')})",
    ]
    # The feed's validators are not kept, so the failed items are tried again next round.
    with Session(engine) as session:
        assert session.get(FetchState, server.url("/rss.xml")) is None


def test_web_slow_and_huge_pages_fail_alone_in_time(engine, server):
    items = [
        page(server, "/slow", PLACES[0], delay_s=3),
        page(server, "/a1", PLACES[1]),
        {"title": "Huge", "link": server.url("/huge")},
    ]
    server.routes["/huge"] = Route(b"<p>" + b"word " * 2_000_000 + b"</p>")
    started = time.monotonic()
    summary = run(engine, feed(server, items))
    assert time.monotonic() - started < 15
    assert summary.new == 1
    reasons = sorted(f.reason for f in summary.failures)
    assert reasons[0].startswith("timed out after 0.5 s")
    assert reasons[1].startswith("too large (10.0 MB")


def test_web_non_english_item_stored_not_extracted(engine, server):
    html = html_page("Reunión de cancilleres en la frontera", SPANISH).encode()
    server.routes["/es"] = Route(html, headers={"Content-Type": "text/html; charset=utf-8"})
    items = [page(server, "/a0", PLACES[0]), {"title": "Reunión", "link": server.url("/es")}]
    summary = run(engine, feed(server, items))
    assert (summary.new, summary.not_english) == (2, 1)
    assert "1 not in English (stored, not extracted)" in summary.line()
    spanish = articles(engine)[1]
    assert (spanish.language, spanish.quotes) == ("es", [])
    assert "Lucía Ferreyra" in spanish.text


def test_web_non_utf8_pages_decoded(engine, server):
    title, paragraphs = story("Café Société")
    cp1252 = html_page(title, paragraphs).replace("charset='utf-8'", "")
    server.routes["/cp1252"] = Route(
        cp1252.encode("cp1252"), headers={"Content-Type": "text/html; charset=windows-1252"}
    )
    russian = html_page(
        "Министры встретились в Казани",
        [
            "Министры иностранных дел шести стран встретились в понедельник в Казани, чтобы "
            "обсудить порты, правила рыболовства и стоимость работ в гаванях.",
            "«Мы приехали, чтобы слушать и быть услышанными», — сказала министр Анна Лебедева.",
        ],
    ).replace("charset='utf-8'", "charset='windows-1251'")
    server.routes["/ru"] = Route(russian.encode("cp1251"), headers={"Content-Type": "text/html"})
    items = [{"title": "a", "link": server.url(p)} for p in ("/cp1252", "/ru")]
    summary = run(engine, feed(server, items))
    assert (summary.new, summary.failed, summary.not_english) == (2, 0, 1)
    french, russian_article = articles(engine)
    assert "“We came to listen and to be heard,”" in french.text
    assert "Café Société" in french.text and french.quotes
    assert "Анна Лебедева" in russian_article.text and russian_article.language == "ru"


def test_web_page_url_ingested_and_not_stored_twice(engine, server):
    page(server, "/story", PLACES[0], etag='"s1"')
    target = Feed(server.url("/story"))
    first = run(engine, target)
    again = run(engine, target)
    assert (first.new, again.new, again.skipped) == (1, 0, 1)
    stored = articles(engine)
    assert len(stored) == 1 and stored[0].url == server.url("/story")


def test_web_page_url_over_the_article_limit_refused(engine, server):
    server.routes["/huge"] = Route(b"<html><p>" + b"word " * 1_400_000 + b"</p></html>")
    summary = run(engine, Feed(server.url("/huge")))
    assert [f.reason for f in summary.failures] == ["too large (the limit is 5.0 MB)"]


def test_web_robots_txt_keeps_pages_out(engine, server):
    server.routes["/robots.txt"] = Route(b"User-agent: diplomat\nDisallow: /a1\n")
    items = [page(server, "/a0", PLACES[0]), page(server, "/a1", PLACES[1])]
    summary = run(engine, feed(server, items))
    assert summary.new == 1
    assert [f.reason for f in summary.failures] == ["not fetched: disallowed by robots.txt"]
    assert server.hits("/a1") == 0


def test_web_every_runs_rounds_with_one_line_each(engine, server):
    target = feed(server, [page(server, "/a0", PLACES[0])])
    lines, waits = [], []
    plan = Plan(targets=[target], policy=POLICY)
    every(plan, engine, 900, lambda n, s, t: lines.append((n, s.line())), 2, waits.append)
    assert [n for n, _ in lines] == [1, 2]
    assert lines[0][1].startswith("1 new") and "1 already stored" in lines[1][1]
    assert len(waits) == 1 and 0 < waits[0] <= 900
