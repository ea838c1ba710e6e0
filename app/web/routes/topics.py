"""Topics, and each topic's quotes with who speaks most on it."""

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from app.queries.topics import get_topic, topic_list, topic_monthly_counts
from app.web.deps import SessionDep
from app.web.listing import browse_context, leaders, quote_filter, render_browse
from app.web.present.timeline import timeline
from app.web.templating import render

router = APIRouter()
LEADERS = 10  # who speaks most, shown above the list


@router.get("/topics", name="topics")
def topics(request: Request, session: SessionDep) -> Response:
    """Every topic with its number of quotes."""
    return render(request, "topics/index.html", None, {"topics": topic_list(session)})


@router.get("/topics/{slug}", name="topic")
def topic_detail(request: Request, session: SessionDep, slug: str) -> Response:
    """Quotes on one topic, and the speakers quoted most on it (under the same filters)."""
    topic = get_topic(session, slug)
    if topic is None:
        raise HTTPException(404, f"We have no topic “{slug}”. See the list of topics.")
    f = quote_filter(request, topic=slug)
    url = str(request.url_for("topic", slug=slug))
    context = browse_context(
        request,
        session,
        f,
        url,
        topic=topic,
        timeline=timeline(topic_monthly_counts(session, topic.id)),
        canonical=url,
        feed_url=str(request.url_for("topic_feed", slug=slug)),
    )
    context["leaders"] = leaders(context, f, LEADERS)
    return render_browse(request, "topics/detail.html", "topics/_results.html", context)
