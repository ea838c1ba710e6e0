"""The templates' url_for and the routes' link_for build the same URLs as Starlette's, for every
named route."""

import pytest
from markupsafe import escape
from starlette.requests import Request
from starlette.routing import NoMatchFound

from app.web.templating import LinkPrefixes, link_for, url_for


def _routes(routes):
    for route in routes:
        inner = getattr(route, "original_router", None)  # an included router
        yield from _routes(inner.routes) if inner else [route]


def _request(app, host: str = "example.org") -> Request:
    scope = {
        "type": "http", "scheme": "https", "method": "GET", "path": "/", "root_path": "",
        "query_string": b"", "server": (host, 443), "headers": [(b"host", host.encode())],
        "app": app, "router": app.router,
    }  # fmt: skip
    return Request(scope)


def test_every_named_route_gets_starlettes_url(client):
    request = _request(client.app)
    checked = 0
    for route in _routes(client.app.routes):
        params = {
            key: 42 if "Integer" in type(convertor).__name__ else f"{key}-x"
            for key, convertor in getattr(route, "param_convertors", {}).items()
        }
        if not route.name or route.name == "static":
            continue
        expected = str(request.url_for(route.name, **params))
        for _ in range(2):  # built, then from the stored pattern
            assert str(url_for({"request": request}, route.name, **params)) == expected
            assert str(link_for(request, route.name, **params)) == expected
        checked += 1
    assert checked > 20


def test_static_paths_values_with_braces_and_bad_values(client):
    request = _request(client.app, "ex{0}ample.org")
    context = {"request": request}
    assert (
        str(url_for(context, "static", path="app.css")) == "https://ex{0}ample.org/static/app.css"
    )
    assert str(url_for(context, "static", path="img/a.png")).endswith("/static/img/a.png")
    assert str(url_for(context, "speaker", slug="a{1}b")).endswith("/speakers/a{1}b")
    assert url_for(context, "speaker", slug="x").path == "/speakers/x"  # still a URL object
    with pytest.raises(NoMatchFound):
        url_for(context, "no_such_route")
    with pytest.raises(AssertionError):  # Starlette's own check on a slug holding a slash
        url_for(context, "speaker", slug="a/b")


@pytest.mark.parametrize("host", ["example.org", "ex{0}am&ple.org"])
def test_link_prefixes_end_where_starlettes_url_puts_the_parameter(client, host):
    request = _request(client.app, host)
    to = LinkPrefixes(request)
    routes = [("speaker", "slug", "ana-diaz"), ("quote", "quote_id", 7),
              ("article", "article_id", 12), ("topic", "slug", "trade")]  # fmt: skip
    for name, key, value in routes:
        assert str(getattr(to, name)) + str(value) == str(
            escape(request.url_for(name, **{key: value}))
        )
    with pytest.raises(AttributeError):
        to.home  # noqa: B018  # no parameter: url_for it is
