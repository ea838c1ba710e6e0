"""Full-text search over quotes, with the same filters as the home page."""

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.db import SessionDep
from app.queries.facets import top_speakers
from app.queries.speakers import find_by_name
from app.routes._listing import browse_context, quote_filter, render_browse
from app.templating import render

router = APIRouter()


@router.get("/search", name="search")
def search(request: Request, session: SessionDep) -> Response:
    """Search quote text; a speaker's exact name offers their page first."""
    f = quote_filter(request)
    if not f.q:
        return render(request, "search/index.html", "search/_empty.html", {"filter": f})
    context = browse_context(
        request,
        session,
        f,
        str(request.url_for("search")),
        speaker_match=find_by_name(session, f.q),
        leaders=top_speakers(session, f, limit=5),
        feed_url=str(request.url_for("search_feed")) + f.query(sort=None),
    )
    return render_browse(request, "search/results.html", "search/_results.html", context)
