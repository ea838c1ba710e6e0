"""Jinja2 set-up and the one helper that decides between a full page and an htmx fragment."""

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from app.queries.facets import RETRY_SKIPPED_S
from app.settings import ROOT

templates = Jinja2Templates(directory=Path(ROOT / "templates"))
# Templates change only with a deploy (which restarts the server). Jinja's default checks each
# template file's mtime on every render, a stat per template and include: 15% of a page's time.
templates.env.auto_reload = False


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
    response = templates.TemplateResponse(request, name, context, status_code=status_code)
    response.headers["Vary"] = "HX-Request"
    if context.get("incomplete"):  # counts skipped: kept only until they are tried again
        response.headers["Cache-Control"] = "no-cache"
        response.headers["X-Page-Cache-TTL"] = str(RETRY_SKIPPED_S)
    return response
