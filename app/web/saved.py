"""The reader's saved speakers: a cookie of slugs, read by any page and written by the
save/forget forms."""

import re

from fastapi import Request
from starlette.responses import RedirectResponse, Response

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
        target = str(request.url_for("speaker", slug=slug))
    response = RedirectResponse(target, status_code=303)
    if slugs:
        response.set_cookie(
            SAVED_COOKIE, ".".join(slugs), max_age=400 * 24 * 3600, httponly=True, samesite="lax"
        )
    else:
        response.delete_cookie(SAVED_COOKIE)
    return response
