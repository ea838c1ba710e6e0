"""Atom feeds of the newest quotes per speaker, topic, country and search."""

import re
from datetime import UTC, datetime, time

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from app.names import country_name, is_country_code, long_date
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter
from app.queries.quotes import QuoteRow, quote_page
from app.queries.speakers import get_speaker
from app.queries.topics import get_topic
from app.web.deps import SessionDep
from app.web.present.article_text import speaker_label
from app.web.templating import link_for, templates

router = APIRouter()

FEED_SIZE = 50
ATOM = "application/atom+xml"


@router.get("/speakers/{slug}/feed.atom", name="speaker_feed")
def speaker_feed(request: Request, session: SessionDep, slug: str) -> Response:
    speaker = get_speaker(session, slug)
    if speaker is None and slug != UNKNOWN_SPEAKER:
        raise HTTPException(404, f"We have no speaker “{slug}”.")
    name = speaker.name if speaker else "Unknown speaker"
    page_url = str(link_for(request, "speaker", slug=slug))
    return _feed(request, session, QuoteFilter(speakers=(slug,)), f"Quotes: {name}", page_url)


@router.get("/topics/{slug}/feed.atom", name="topic_feed")
def topic_feed(request: Request, session: SessionDep, slug: str) -> Response:
    topic = get_topic(session, slug)
    if topic is None:
        raise HTTPException(404, f"We have no topic “{slug}”.")
    page_url = str(link_for(request, "topic", slug=slug))
    return _feed(request, session, QuoteFilter(topic=slug), f"Quotes on {topic.name}", page_url)


@router.get("/countries/{code}/feed.atom", name="country_feed")
def country_feed(request: Request, session: SessionDep, code: str) -> Response:
    if not is_country_code(code):
        raise HTTPException(404, f"“{code}” is not a country code we know.")
    code = code.upper()
    title = f"Quotes from {country_name(code)}"
    page_url = str(link_for(request, "country", code=code))
    return _feed(request, session, QuoteFilter(country=code), title, page_url)


@router.get("/search/feed.atom", name="search_feed")
def search_feed(request: Request, session: SessionDep) -> Response:
    """New quotes matching a search (and any filters), newest first."""
    f = QuoteFilter.from_params(request.query_params, sort="newest")
    if not f.q:
        raise HTTPException(404, "A search feed needs words to search for: add ?q=…")
    page_url = str(link_for(request, "search")) + f.query()
    return _feed(request, session, f, f"Quotes matching “{f.q}”", page_url)


def _feed(request: Request, session, f: QuoteFilter, title: str, page_url: str) -> Response:
    page = quote_page(session, f, FEED_SIZE)
    if page.error:
        raise HTTPException(400, page.error)
    entries = [_entry(request, q) for q in page.quotes]
    context = {
        "title": title,
        "self_url": str(request.url),
        "page_url": page_url,
        "updated": max((e["updated"] for e in entries), default="1970-01-01T00:00:00Z"),
        "entries": entries,
    }
    xml = templates.get_template("feeds/atom.xml").render(request=request, **context)
    return Response(xml_safe(xml), media_type=ATOM)


# Characters XML 1.0 forbids even escaped (control characters an article may carry, such as
# a bell or form feed); one would make the whole feed unreadable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML.sub("", text)


def _entry(request: Request, q: QuoteRow) -> dict:
    who = speaker_label(q)
    stamp = datetime.combine(q.published, time(), UTC) if q.published else q.article.ingested_at
    source = ", ".join(p for p in (q.article.outlet, long_date(q.published)) if p)
    return {
        "id": str(link_for(request, "quote", quote_id=q.id)),
        "title": f"{who}: {q.text.strip()}",
        "updated": stamp.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "summary": f"{who}: {q.text.strip()} ({source})",
        "topics": q.topics,
    }
