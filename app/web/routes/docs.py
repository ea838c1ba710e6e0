"""The API's documentation page, served from our own static files (no CDN), and the icon."""

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from app.web.templating import link_for, render

router = APIRouter(include_in_schema=False)


@router.get("/docs", name="docs")
def docs(request: Request) -> Response:
    """Swagger UI on /openapi.json, with its script and styles vendored under static/docs."""
    return render(request, "docs.html", None, {})


@router.get("/favicon.ico", name="favicon")
def favicon(request: Request) -> Response:
    return RedirectResponse(str(link_for(request, "static", path="favicon.svg")), status_code=301)
