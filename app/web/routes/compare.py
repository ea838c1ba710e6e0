"""Side-by-side comparison of what two to four speakers said, aligned by date."""

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import Response

from app.queries.facets import top_speakers
from app.queries.filters import QuoteFilter
from app.queries.quotes import QuoteRow, quote_page
from app.queries.speakers import speakers_by_slug
from app.queries.topics import get_topic, topic_list
from app.web.deps import SessionDep
from app.web.templating import render

router = APIRouter()

MAX_SPEAKERS = 4
PER_SPEAKER = 30


@router.get("/compare", name="compare")
def compare(
    request: Request, session: SessionDep, topic: str | None = None, speakers: str = ""
) -> Response:
    """Columns per speaker, rows per date: `/compare?topic=iran&speakers=a,b`."""
    slugs = list(dict.fromkeys(s.strip().lower() for s in speakers.split(",") if s.strip()))
    chosen = speakers_by_slug(session, slugs[:MAX_SPEAKERS])
    missing = [s for s in slugs[:MAX_SPEAKERS] if s not in {r.speaker.slug for r in chosen}]
    topic_row = get_topic(session, topic) if topic else None
    columns = [
        quote_page(
            session, QuoteFilter(speakers=(row.speaker.slug,), topic=topic), PER_SPEAKER
        ).quotes
        for row in chosen
    ]
    context = {
        "topic": topic_row,
        "topic_slug": topic or "",
        "speakers_text": ", ".join(slugs),
        "chosen": chosen,
        "missing": missing,
        "unknown_topic": bool(topic) and topic_row is None,
        "too_many": len(slugs) > MAX_SPEAKERS,
        "rows": by_date(columns) if len(chosen) >= 2 else [],
        "topics": topic_list(session),
        "suggestions": top_speakers(session, QuoteFilter(topic=topic), limit=30),
        "max_speakers": MAX_SPEAKERS,
    }
    return render(request, "compare/index.html", "compare/_table.html", context)


def by_date(columns: list[list[QuoteRow]]) -> list[tuple[date | None, list[list[QuoteRow]]]]:
    """Rows (date, one list of quotes per column), newest date first, undated last."""
    days = {q.published for column in columns for q in column}
    ordered = sorted((d for d in days if d), reverse=True) + ([None] if None in days else [])
    return [
        (day, [[q for q in column if q.published == day] for column in columns]) for day in ordered
    ]
