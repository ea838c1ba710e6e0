"""Side-by-side comparison of what two to four speakers said, aligned by date."""

from datetime import date

from fastapi import APIRouter, Request
from starlette.responses import RedirectResponse, Response

from app.queries.facets import top_speakers
from app.queries.filters import QuoteFilter, query_string
from app.queries.quotes import QuoteRow, quote_page
from app.queries.speakers import find_speakers, speakers_by_slug
from app.queries.topics import get_topic, topic_list
from app.web.deps import SessionDep
from app.web.templating import link_for, render, wants_fragment

router = APIRouter()

MAX_SPEAKERS = 4
PER_SPEAKER = 30


@router.get("/compare", name="compare")
def compare(
    request: Request,
    session: SessionDep,
    topic: str | None = None,
    speakers: str = "",
    who: str = "",
) -> Response:
    """Columns per speaker, rows per date: `/compare?topic=iran&speakers=a,b`. Speakers are
    added by name (`who`, with type-ahead), and removed from their chips."""
    listed = [*speakers.split(","), *request.query_params.getlist("speaker")]
    slugs = list(dict.fromkeys(s.strip().lower() for s in listed if s.strip()))
    typed = " ".join(who.split())
    matches = find_speakers(session, typed) if typed else []
    exact = [m for m in matches if m.exact]
    if len(exact) == 1 or exact and exact[0].name.lower() == typed.lower():
        slugs = list(dict.fromkeys([*slugs, exact[0].slug]))
        typed, matches = "", []  # resolved
        if not wants_fragment(request):
            return RedirectResponse(compare_url(request, topic, slugs), status_code=303)
    chosen = speakers_by_slug(session, slugs[:MAX_SPEAKERS])
    missing = [s for s in slugs[:MAX_SPEAKERS] if s not in {r.speaker.slug for r in chosen}]
    topic_row = get_topic(session, topic) if topic else None
    columns = [
        quote_page(
            session, QuoteFilter(speakers=(row.speaker.slug,), topic=topic), PER_SPEAKER
        ).quotes
        for row in chosen
    ]
    shown = [row.speaker.slug for row in chosen]
    context = {
        "topic": topic_row,
        "topic_slug": topic or "",
        "chosen": [
            (row, compare_url(request, topic, [s for s in shown if s != row.speaker.slug]))
            for row in chosen
        ],  # fmt: skip
        "missing": missing,
        "who": typed,  # typed and not resolved to one speaker
        "who_matches": [(m, compare_url(request, topic, [*shown, m.slug])) for m in matches],
        "unknown_topic": bool(topic) and topic_row is None,
        "too_many": len(slugs) > MAX_SPEAKERS,
        "rows": by_date(columns) if len(chosen) >= 2 else [],
        "topics": topic_list(session),
        "suggestions": [
            (v, compare_url(request, topic, [*shown, v.value]))
            for v in top_speakers(session, QuoteFilter(topic=topic), limit=12)
            if v.value not in shown
        ][:8],
        "max_speakers": MAX_SPEAKERS,
        "can_add": len(chosen) < MAX_SPEAKERS,
    }
    response = render(request, "compare/index.html", "compare/_table.html", context)
    response.headers["HX-Push-Url"] = compare_url(request, topic, shown)
    return response


def compare_url(request: Request, topic: str | None, slugs: list[str]) -> str:
    """The comparison of these speakers on this topic (the tidy, shareable form)."""
    pairs = [("topic", topic or ""), ("speakers", ",".join(slugs))]
    return str(link_for(request, "compare")) + query_string(pairs)


def by_date(columns: list[list[QuoteRow]]) -> list[tuple[date | None, list[list[QuoteRow]]]]:
    """Rows (date, one list of quotes per column), newest date first, undated last."""
    days = {q.published for column in columns for q in column}
    ordered = sorted((d for d in days if d), reverse=True) + ([None] if None in days else [])
    return [
        (day, [[q for q in column if q.published == day] for column in columns]) for day in ordered
    ]
