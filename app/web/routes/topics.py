"""Topics, and each topic's quotes with who speaks most on it."""

from functools import partial

from fastapi import APIRouter, HTTPException, Request
from sqlmodel import Session
from starlette.responses import Response

from app.queries.cache import cached
from app.queries.topics import get_topic, topic_list, topic_monthly_counts
from app.web.deps import SessionDep
from app.web.listing import browse_context, leaders, quote_filter, render_browse
from app.web.present.timeline import Timeline, timeline
from app.web.templating import link_for, render

router = APIRouter()
LEADERS = 10  # who speaks most, shown above the list


@router.get("/topics", name="topics")
def topics(request: Request, session: SessionDep) -> Response:
    """Every topic with its number of quotes."""
    return render(request, "topics/index.html", None, {"topics": topic_list(session)})


def topic_timeline(session: Session, topic_id: int) -> Timeline | None:
    """The topic's chart, the same on each of its pages (filters narrow the list, not the
    chart): drawn once until the data changes rather than for every page (a tenth of one)."""
    draw = partial(_draw_timeline, session, topic_id)
    return cached(session, ("topic_timeline", topic_id), draw, lasting=True)


def _draw_timeline(session: Session, topic_id: int) -> Timeline | None:
    chart = timeline(topic_monthly_counts(session, topic_id))
    if chart is not None:
        chart.rects(), chart.rows()  # made now, once, not by the first pages showing it at once
    return chart


@router.get("/topics/{slug}", name="topic")
def topic_detail(request: Request, session: SessionDep, slug: str) -> Response:
    """Quotes on one topic, and the speakers quoted most on it (under the same filters)."""
    topic = get_topic(session, slug)
    if topic is None:
        raise HTTPException(404, f"We have no topic “{slug}”. See the list of topics.")
    f = quote_filter(request, topic=slug)
    url = str(link_for(request, "topic", slug=slug))
    context = browse_context(
        request,
        session,
        f,
        url,
        topic=topic,
        timeline=topic_timeline(session, topic.id),
        canonical=url,
        feed_url=str(link_for(request, "topic_feed", slug=slug)),
    )
    context["leaders"] = leaders(context, f, LEADERS)
    return render_browse(request, "topics/detail.html", "topics/_results.html", context)
