"""Jinja2 set-up and the one helper that decides between a full page and an htmx fragment."""

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from markupsafe import Markup
from starlette.datastructures import URL
from starlette.responses import Response
from starlette.routing import NoMatchFound, Router

from app.queries.facets import RETRY_SKIPPED_S
from app.settings import ROOT

templates = Jinja2Templates(directory=Path(ROOT / "templates"))
# Templates change only with a deploy (which restarts the server). Jinja's default checks each
# template file's mtime on every render, a stat per template and include: 15% of a page's time.
templates.env.auto_reload = False

_MARK = 987_654_321_000  # stands for a path parameter while a route's URL pattern is built


@pass_context
def url_for(context: dict[str, Any], name: str, /, **params: Any) -> URL:
    """link_for in templates, which ask for a hundred links a page."""
    return link_for(context["request"], name, **params)


def link_for(request: Request, name: str, /, **params: Any) -> URL:
    """request.url_for without walking the routes each time: Starlette tries every route in
    turn (an exception per miss), 15% of a rebuilt page's time."""
    values = [str(value) for value in params.values()]
    pattern = url_pattern(request, name, *params)
    if pattern is None or any(not v or "/" in v for v in values):
        return request.url_for(name, **params)  # its checks and errors
    return URL(pattern.format(*values))


def url_pattern(request: Request, name: str, *keys: str) -> str | None:
    """The route's absolute URL with {0}, {1}… where the parameters `keys` go, built once per
    route and parameter names (None: see _path_pattern), and with this request's base URL once
    per request (a page asks for a few hundred links)."""
    per_request = request.scope.setdefault("diplomat.url_patterns", {})
    if (name, keys) in per_request:
        return per_request[name, keys]
    state = request.app.state
    if not hasattr(state, "url_patterns"):
        state.url_patterns = {}
    if (name, keys) not in state.url_patterns:
        state.url_patterns[name, keys] = _path_pattern(request.app.router, name, keys)
    path = state.url_patterns[name, keys]
    if path is not None:
        base = str(request.base_url).rstrip("/").replace("{", "{{").replace("}", "}}")
        path = base + path
    per_request[name, keys] = path
    return path


def _path_pattern(router: Router, name: str, keys: tuple[str, ...]) -> str | None:
    """The route's path with {0}, {1}… where the parameters go (None: no such route, or one
    whose convertors do not take digits; the caller then asks Starlette)."""
    try:
        path: str = router.url_path_for(name, **{key: str(_MARK + i) for i, key in enumerate(keys)})
    except (NoMatchFound, AssertionError, ValueError):
        return None
    path = path.replace("{", "{{").replace("}", "}}")
    for i in range(len(keys)):
        path = path.replace(str(_MARK + i), f"{{{i}}}")
    return path


templates.env.globals["url_for"] = url_for


class LinkPrefixes:
    """`to.speaker`, `to.quote`…: the absolute URL of a route with one parameter, up to where
    the parameter goes, for links written twenty times a page (each quote's speaker, permalink,
    article, topics). Concatenating a prefix costs a tenth of a url_for call. For routes
    whose one parameter is a slug or an id, which need no quoting."""

    _ROUTES = {"speaker": "slug", "quote": "quote_id", "article": "article_id", "topic": "slug"}

    def __init__(self, request: Request) -> None:
        self._request = request

    def __getattr__(self, name: str) -> Markup:
        key = self._ROUTES.get(name)
        pattern = url_pattern(self._request, name, key) if key else None
        if pattern is None or not pattern.endswith("{0}"):
            raise AttributeError(f"no link prefix for the route {name!r}")
        prefix = Markup.escape(pattern[:-3].replace("{{", "{").replace("}}", "}"))
        setattr(self, name, prefix)  # once per request
        return prefix


def wants_fragment(request: Request) -> bool:
    """True for an htmx swap; history restores and boosted links need the whole page."""
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-History-Restore-Request") != "true"
        and headers.get("HX-Boosted") != "true"
    )


def render(
    request: Request,
    page: str,
    fragment: str | None,
    context: dict[str, Any],
    status_code: int = 200,
) -> Response:
    """Render `page`, or `fragment` for htmx requests; always varies on HX-Request."""
    name = fragment if fragment and wants_fragment(request) else page
    # A fragment carries its page's <title>, which htmx puts in place of the old one.
    context = {**context, "as_fragment": name != page, "to": LinkPrefixes(request)}
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    if context.get("incomplete"):  # counts skipped: kept only until they are tried again
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Page-Cache-TTL"] = str(RETRY_SKIPPED_S)
    return response
