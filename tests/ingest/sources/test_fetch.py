"""The fetcher against a local server: failures fail alone with a reason, politely and fast."""

import time

import pytest

from app.ingest.sources.fetch import Fetcher, FetchError, Policy
from tests.support.web_server import LocalServer, Route

QUICK = Policy(timeout_s=0.5, retries=1, backoff_s=0.01, delay_s=0.0, proxies_from_env=False)


@pytest.fixture
def server():
    with LocalServer() as server:
        server.routes["/robots.txt"] = Route(b"User-agent: *\nDisallow: /private/\n")
        yield server


def fetch(server, path, policy=QUICK, **kwargs):
    with Fetcher(policy) as fetcher:
        return fetcher.get(server.url(path), **kwargs)


def test_fetch_page_with_its_validators_and_user_agent(server):
    server.routes["/a"] = Route(
        b"<p>hello</p>",
        headers={"Content-Type": "text/html; charset=windows-1252", "Last-Modified": "x"},
        etag='"v1"',
    )
    response = fetch(server, "/a")
    assert (response.status, response.body) == (200, b"<p>hello</p>")
    assert (response.media_type, response.charset) == ("text/html", "windows-1252")
    assert (response.etag, response.last_modified) == ('"v1"', "x")
    sent = [r for r in server.requests if r.path == "/a"][0].headers
    assert sent["User-Agent"].startswith("diplomat/")


def test_fetch_conditional_request_answers_304(server):
    server.routes["/a"] = Route(b"<p>hello</p>", etag='"v1"')
    assert fetch(server, "/a", etag='"v1"').status == 304
    assert fetch(server, "/a", etag='"v0"').status == 200


def test_fetch_404_fails_with_its_status(server):
    with pytest.raises(FetchError, match="^HTTP 404 Not Found$"):
        fetch(server, "/missing")
    assert server.hits("/missing") == 1  # not retried: it will not get better


def test_fetch_slow_host_times_out_after_its_retries(server):
    server.routes["/slow"] = Route(b"late", delay_s=3)
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"timed out after 0.5 s \(2 attempts\)"):
        fetch(server, "/slow")
    assert time.monotonic() - started < 2.5


def test_fetch_temporary_failures_retried_with_backoff(server):
    server.routes["/flaky"] = Route(b"ok", failures=[503, 502])
    policy = Policy(retries=2, backoff_s=0.01, delay_s=0.0, proxies_from_env=False)
    assert fetch(server, "/flaky", policy).body == b"ok"
    assert server.hits("/flaky") == 3


def test_fetch_too_many_failures_reported(server):
    server.routes["/down"] = Route(b"", failures=[503, 503, 503])
    with pytest.raises(FetchError, match="HTTP 503"):
        fetch(server, "/down")


def test_fetch_10mb_page_refused_by_its_declared_length(server):
    server.routes["/big"] = Route(b"<p>" + b"x" * 10_000_000 + b"</p>")
    with pytest.raises(FetchError, match=r"too large \(10.0 MB; the limit is 5.0 MB\)"):
        fetch(server, "/big")


def test_fetch_10mb_stream_cut_at_the_limit(server):
    """A body without Content-Length is read only up to the limit."""
    server.routes["/stream"] = Route(chunks=iter([b"x" * 100_000] * 100))
    with pytest.raises(FetchError, match=r"^too large \(over 5.0 MB; the limit is 5.0 MB\)$"):
        fetch(server, "/stream", Policy(timeout_s=60, delay_s=0, proxies_from_env=False))


def test_fetch_redirect_followed(server):
    server.routes["/old"] = Route(status=301, headers={"Location": "/new"})
    server.routes["/new"] = Route(b"moved here")
    response = fetch(server, "/old")
    assert (response.url, response.body) == (server.url("/new"), b"moved here")


def test_fetch_redirect_loop_refused(server):
    server.routes["/loop-a"] = Route(status=302, headers={"Location": "/loop-b"})
    server.routes["/loop-b"] = Route(status=302, headers={"Location": "/loop-a"})
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(server, "/loop-a")
    assert server.hits("/loop-a") == 1


def test_fetch_redirect_to_other_scheme_refused(server):
    server.routes["/odd"] = Route(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="non-web address"):
        fetch(server, "/odd")


def test_fetch_robots_txt_respected(server):
    server.routes["/private/a"] = Route(b"secret")
    with pytest.raises(FetchError, match="disallowed by robots.txt"):
        fetch(server, "/private/a")
    assert server.hits("/private/a") == 0


def test_fetch_unreadable_robots_txt_allows_nothing(server):
    server.routes["/robots.txt"] = Route(b"", failures=[500, 500])
    server.routes["/a"] = Route(b"page")
    with pytest.raises(FetchError, match=r"robots.txt could not be read \(HTTP 500\)"):
        fetch(server, "/a")
    assert server.hits("/a") == 0


def test_fetch_missing_robots_txt_allows_everything(server):
    del server.routes["/robots.txt"]
    server.routes["/a"] = Route(b"page")
    assert fetch(server, "/a").body == b"page"


def test_fetch_waits_between_requests_to_one_host(server):
    server.routes["/a"] = Route(b"a")
    server.routes["/b"] = Route(b"b")
    policy = Policy(delay_s=0.3, proxies_from_env=False)
    with Fetcher(policy) as fetcher:
        fetcher.get(server.url("/a"))
        fetcher.get(server.url("/b"))
        fetcher.get(server.url("/a", host="localhost"))  # another host: no wait
    at = {r.path + " " + r.headers["Host"].split(":")[0]: r.at for r in server.requests}
    assert at["/b 127.0.0.1"] - at["/a 127.0.0.1"] >= 0.29
    assert at["/robots.txt localhost"] - at["/b 127.0.0.1"] < 0.25


def test_fetch_crawl_delay_from_robots_txt(server):
    server.routes["/robots.txt"] = Route(b"User-agent: diplomat\nCrawl-delay: 1\nAllow: /\n")
    server.routes["/a"] = Route(b"a")
    server.routes["/b"] = Route(b"b")
    with Fetcher(QUICK) as fetcher:
        fetcher.get(server.url("/a"))
        fetcher.get(server.url("/b"))
    at = {r.path: r.at for r in server.requests}
    assert at["/b"] - at["/a"] >= 0.99
