"""Every query parameter of every page fuzzed: no 500, no traceback, nothing unescaped."""

from collections import Counter
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.web.app import create_app
from tests.support import hostile_web
from tests.support.engines import dispose_after_counts

FUZZ = settings(
    max_examples=400,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SENT: Counter = Counter()
VALUES = st.one_of(
    st.sampled_from(hostile_web.HOSTILE_STRINGS),
    st.text(max_size=40),
    st.text(alphabet='"*^:()-+ ANDORNEARx', max_size=30),
)


@pytest.fixture(scope="module")
def client(tmp_path_factory, backend, pg_template) -> Iterator[TestClient]:
    """One seeded database for the whole module: every request here is read-only."""
    from app.settings import Settings

    folder = tmp_path_factory.mktemp("fuzz")
    with hostile_web.seeded_database(backend, pg_template, folder) as url:
        app = create_app(Settings(database_url=url))
        with TestClient(app) as client:
            yield client
        dispose_after_counts(app.state.engine)
    print(f"requests fuzzed on {backend}: {sum(SENT.values())} ({dict(SENT)})")


def get_paths(api: bool = False) -> list[str]:
    routes = hostile_web.routes()
    return sorted(
        r.path for r in routes if "GET" in r.methods and (api or not r.path.startswith("/api"))
    )


def check(response, label: str) -> None:
    SENT[label] += 1
    assert response.status_code < 500, (response.request.url, response.status_code)
    kind = response.headers.get("content-type", "")
    if kind.startswith("text/html"):
        hostile_web.assert_inert(response.text)
    else:
        assert "Traceback" not in response.text


@FUZZ
@given(
    path=st.sampled_from(get_paths(api=True)),
    params=st.dictionaries(st.sampled_from(hostile_web.QUERY_NAMES), VALUES, max_size=4),
    htmx=st.booleans(),
)
def test_fuzz_html_routes_query_parameters(client, path, params, htmx):
    headers = {"HX-Request": "true"} if htmx else {}
    response = client.get(hostile_web.fill(path), params=params, headers=headers)
    check(response, "query parameters")


@FUZZ
@given(path=st.sampled_from(get_paths()), value=VALUES)
def test_fuzz_html_routes_path_parameters(client, path, value):
    if "{" not in path:
        return
    response = client.get(hostile_web.fill(path, quote(value, safe="") or "x"))
    check(response, "path parameters")
    if response.status_code == 404 and response.headers["content-type"].startswith("text/html"):
        assert "<h1>Not found</h1>" in response.text and 'role="search"' in response.text


@FUZZ
@given(words=st.lists(st.sampled_from(hostile_web.FTS_SYNTAX), min_size=1, max_size=6))
def test_fuzz_fts_syntax_gets_a_friendly_page(client, words):
    q = " ".join(words)
    page = client.get("/search", params={"q": q})
    check(page, "search syntax")
    if page.status_code == 414:  # over MAX_URL_BYTES: refused with its own short page
        assert "That address is too long" in page.text
        return
    assert page.status_code == 200
    assert "Something went wrong" not in page.text
    api = client.get("/api/quotes", params={"q": q})
    check(api, "search syntax")
    assert api.status_code in (200, 400)
    if api.status_code == 400:
        assert api.json()["detail"].startswith("We could not understand that search")


@pytest.mark.parametrize("value", hostile_web.SQL_INJECTION)
def test_fuzz_sql_injection_is_inert(client, value):
    before = client.get("/api/topics").json()
    for path in get_paths():
        for name in hostile_web.QUERY_NAMES:
            check(client.get(hostile_web.fill(path), params={name: value}), "sql injection")
    assert client.get("/api/topics").json() == before
    assert client.get("/quotes/1").status_code == 200
