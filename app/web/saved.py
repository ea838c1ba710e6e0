"""The reader's saved speakers: a cookie of slugs, read by any page and written by the
save/forget forms."""

import re

from fastapi import Request
from starlette.responses import RedirectResponse, Response

from app.web.templating import link_for

SAVED_COOKIE = "saved_speakers"
MAX_SAVED = 50
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def saved_slugs(request: Request) -> list[str]:
    """The reader's saved speakers, newest first (from the cookie; junk is ignored)."""
    raw = request.cookies.get(SAVED_COOKIE, "")
    return [s for s in raw.split(".") if _SLUG.fullmatch(s)][:MAX_SAVED]


def saved_redirect(request: Request, slug: str, slugs: list[str]) -> Response:
    """Store `slugs` in the cookie and go back to the page the form was on (same site only)."""
    # Only same-site paths: an open redirect would let other sites borrow our address.
    target = request.query_params.get("next", "")
    if not target.startswith("/") or target.startswith("//") or "\\" in target:
        target = str(link_for(request, "speaker", slug=slug))
    response = RedirectResponse(target, status_code=303)
    secure = request.url.scheme == "https"
    if slugs:
        response.set_cookie(
            SAVED_COOKIE,
            ".".join(slugs),
            max_age=400 * 24 * 3600,
            httponly=True,
            samesite="lax",
            secure=secure,
        )
    else:
        response.delete_cookie(SAVED_COOKIE, httponly=True, samesite="lax", secure=secure)
    return response


def from_this_site(request: Request) -> bool:
    """False for a form another site made the reader's browser send (cross-site request
    forgery). Browsers say where a request comes from: Sec-Fetch-Site, else Origin, else
    Referer. A request with none of them (curl, old browsers) is not a browser tricked by a
    page, and is let through."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    here = f"{request.url.scheme}://{request.url.netloc}"
    origin = request.headers.get("origin")
    if origin is not None:
        return origin == here
    referer = request.headers.get("referer")
    return referer is None or referer == here or referer.startswith(here + "/")
