"""Full-text search over quotes, with the same filters as the home page."""

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.web.deps import SessionDep
from app.web.listing import browse_context, leaders, quote_filter, render_browse
from app.web.templating import link_for, render

router = APIRouter()
LEADERS = 5  # who speaks most, shown above the list


@router.get("/search", name="search")
def search(request: Request, session: SessionDep) -> Response:
    """Search quote text; an exact speaker, country or topic name offers its page first."""
    f = quote_filter(request)
    if not f.q:
        return render(request, "search/index.html", "search/_empty.html", {"filter": f})
    context = browse_context(
        request,
        session,
        f,
        str(link_for(request, "search")),
        feed_url=str(link_for(request, "search_feed")) + f.query(sort=None),
    )
    context["leaders"] = leaders(context, f, LEADERS)
    return render_browse(request, "search/results.html", "search/_results.html", context)
