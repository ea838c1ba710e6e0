"""Full-text search over quotes, with the same filters as the home page."""

from dataclasses import dataclass

from fastapi import APIRouter, Request
from sqlmodel import Session
from starlette.responses import Response

from app.names import country_code_for, country_name
from app.queries.countries import country_row
from app.queries.speakers import find_speakers
from app.queries.topics import find_topic
from app.web.deps import SessionDep
from app.web.listing import browse_context, leaders, quote_filter, render_browse
from app.web.templating import render

router = APIRouter()
LEADERS = 5  # who speaks most, shown above the list


@dataclass(frozen=True)
class Offer:
    """A page whose name the reader typed: shown above the results."""

    kind: str
    name: str
    url: str
    detail: str


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
        str(request.url_for("search")),
        offers=page_offers(request, session, f.q),
        feed_url=str(request.url_for("search_feed")) + f.query(sort=None),
    )
    context["leaders"] = leaders(context["facets"], f, LEADERS)
    return render_browse(request, "search/results.html", "search/_results.html", context)


def page_offers(request: Request, session: Session, q: str) -> list[Offer]:
    """Speakers whose name or spelling the words are (a surname alone will do, accents and
    close spellings forgiven), and the country (name or code) and topic named exactly `q`."""
    offers = []
    for speaker in [m for m in find_speakers(session, q, limit=3, whole_words=True) if m.exact]:
        n = speaker.quotes
        country = country_name(speaker.country) if speaker.country else None
        who = ", ".join(part for part in (speaker.role, country) if part)
        detail = " · ".join(part for part in (who, f"{n} quote{'' if n == 1 else 's'}") if part)
        url = str(request.url_for("speaker", slug=speaker.slug))
        offers.append(Offer("Speaker", speaker.name, url, detail))
    if code := country_code_for(q):
        row = country_row(session, code)
        detail = f"{row.speakers} speaker{'' if row.speakers == 1 else 's'}, {row.quotes} quote"
        detail += "" if row.quotes == 1 else "s"
        offers.append(
            Offer("Country", row.name, str(request.url_for("country", code=code)), detail)
        )
    if topic := find_topic(session, q):
        url = str(request.url_for("topic", slug=topic.slug))
        offers.append(Offer("Topic", topic.name, url, "who speaks most on it, and every quote"))
    return offers
