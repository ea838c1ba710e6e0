"""All routers, the Jinja helpers they rely on, and friendly error pages."""

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from app.names import country_name, long_date
from app.queries.filters import query_string
from app.queries.quotes import LOW_CONFIDENCE
from app.web.present.article_text import speaker_label
from app.web.present.highlight import highlight
from app.web.present.options import datalist_options, select_options
from app.web.present.wording import bare_words, spoken
from app.web.routes import (
    api,
    articles,
    compare,
    countries,
    docs,
    feeds,
    quotes,
    search,
    speakers,
    topics,
)
from app.web.security import security_headers
from app.web.templating import render, templates
from app.words import plural

ROUTERS = (quotes, speakers, countries, topics, articles, search, compare, feeds, api, docs)


def register(app: FastAPI) -> None:
    """Include every router and the HTML error handlers."""
    templates.env.filters.update(
        country_name=country_name,
        long_date=long_date,
        highlight=highlight,
        bare_words=bare_words,
        spoken=spoken,
        plural=plural,
    )
    templates.env.globals.update(
        low_confidence=LOW_CONFIDENCE,
        speaker_label=speaker_label,
        query_string=query_string,
        select_options=select_options,
        datalist_options=datalist_options,
    )
    for module in ROUTERS:
        # Only the JSON API belongs in the OpenAPI schema; pages are for people.
        app.include_router(module.router, include_in_schema=module is api)
    # Starlette types every handler as taking any Exception (encode/starlette#2417); this one
    # is only ever called with its own class.
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _server_error)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """A helpful HTML page for missing pages; JSON for the API and other statuses as usual."""
    if exc.status_code != 404 or request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    detail = exc.detail if exc.detail != "Not Found" else "There is no page at this address."
    words = request.url.path.rstrip("/").rsplit("/", 1)[-1].replace("-", " ")
    context = {"detail": detail, "suggestion": words}
    return render(request, "errors/404.html", None, context, status_code=404)


async def _server_error(request: Request, exc: Exception) -> Response:
    """Starlette calls this outside every middleware, so the security headers are added here."""
    if request.url.path.startswith("/api/"):
        response: Response = JSONResponse({"detail": "Internal server error"}, status_code=500)
    else:
        response = render(request, "errors/500.html", None, {}, status_code=500)
    for name, value in security_headers(request.url.path):
        response.headers[name.decode()] = value.decode()
    return response
