"""The speaker directory and each speaker's bookmarkable page (including "Unknown speaker")."""

from fastapi import APIRouter, HTTPException, Request
from sqlmodel import Session
from starlette.responses import RedirectResponse, Response

from app.names import country_name
from app.queries.facets import FacetValue, top_speakers
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter
from app.queries.slugs import known_speaker
from app.queries.speakers import (
    KINDS,
    SpeakerProfile,
    find_speakers,
    get_speaker,
    kind_counts,
    other_spellings,
    quote_count,
    slug_for_spelling,
    speaker_page,
    speaker_topics,
)
from app.queries.timeline import monthly_counts
from app.queries.topics import TopicRow
from app.web.deps import SessionDep
from app.web.listing import browse_context, quote_filter, render_browse
from app.web.paging import page_links
from app.web.present.timeline import months_in_words, timeline
from app.web.saved import MAX_SAVED, from_this_site, saved_redirect, saved_slugs
from app.web.templating import link_for, render

router = APIRouter()


@router.get("/speakers", name="speakers")
def speaker_list(
    request: Request,
    session: SessionDep,
    after: str | None = None,
    country: str | None = None,
    kind: str = "person",
    letter: str | None = None,
) -> Response:
    """People A–Z by surname (organisations and groups one tab away), with their quote
    counts, optionally of one country, from a letter on."""
    country = country.upper() if country else None
    if country and not country.isalpha():  # "a/b" cannot be a country code, nor be linked to
        raise HTTPException(404, f"There is no country “{country}”. Try the list of countries.")
    kind = kind if kind in KINDS else "person"
    letter = letter[:1].upper() if letter and letter[:1].isalpha() and letter.isascii() else None
    size = request.app.state.settings.page_size * 5
    page = speaker_page(session, after, size, country, kind, letter)
    base = str(link_for(request, "speakers"))
    params = [("country", country or ""), ("kind", "" if kind == "person" else kind)]
    kinds = kind_counts(session, country)
    context = {
        "page": page,
        "country": country,
        "country_label": country_name(country) if country else None,
        "kind": kind,
        "letter": letter,
        "tabs": [(k, kinds.get(k, 0)) for k in KINDS],
        "params": params,
        "unknown_quotes": quote_count(session, None)
        if not after and not country and not letter and kind == "group"
        else 0,
        **page_links(base, [*params, ("letter", letter or "")], page.next_cursor, after),
    }
    return render(request, "speakers/index.html", "speakers/_list.html", context)


@router.get("/speakers/suggest", name="speaker_suggestions")
def speaker_suggestions(request: Request, session: SessionDep, who: str = "") -> Response:
    """Speakers whose name fits what is typed, as the <option>s of a <datalist> (the filter
    form's and the compare page's type-ahead); a page of links without htmx."""
    matches = find_speakers(session, who) if who.strip() else []
    context = {"matches": matches, "who": who}
    return render(request, "speakers/suggestions.html", "speakers/_suggestions.html", context)


@router.get("/speakers/{slug}", name="speaker")
def speaker_detail(request: Request, session: SessionDep, slug: str) -> Response:
    """Who they are, what they talk about, and their quotes (filterable by topic and text)."""
    speaker = get_speaker(session, slug)
    if speaker is None and slug != UNKNOWN_SPEAKER:
        # Another spelling of a known speaker ("sergei-lavrov", "Sergey-Lavrov"): one page.
        canonical = slug_for_spelling(session, slug)
        if canonical is None:
            raise HTTPException(404, f"We have no speaker “{slug}”. Try the list of speakers.")
        target = link_for(request, "speaker", slug=canonical).include_query_params(
            **request.query_params
        )
        return RedirectResponse(str(target), status_code=301)
    speaker_id = speaker.id if speaker else None
    known_speaker(session, slug, speaker_id)
    f = quote_filter(request, speakers=(slug,))
    url = str(link_for(request, "speaker", slug=slug))
    topics = speaker_topics(session, speaker_id)
    months = monthly_counts(session, speaker_id)
    total = quote_count(session, speaker_id)
    chart = timeline(months)
    context = browse_context(
        request,
        session,
        f,
        url,
        speaker=speaker,
        canonical=url,
        feed_url=str(link_for(request, "speaker_feed", slug=slug)),
        aliases=other_spellings(speaker) if speaker else [],
        quote_total=total,
        undated=max(0, total - sum(months.values())),
        months_text="" if chart else months_in_words(months),
        topics=topics,
        rivals=rivals(session, speaker, [topic for topic, _ in topics[:3]]) if speaker else [],
        timeline=chart,
        saved=slug in saved_slugs(request),
    )
    return render_browse(request, "speakers/detail.html", "speakers/_results.html", context)


def rivals(
    session: Session, speaker: SpeakerProfile, topics: list[TopicRow]
) -> list[tuple[TopicRow, FacetValue]]:
    """For the compare links: on each of these topics, the other speaker quoted most on it."""
    found = []
    for topic in topics:
        leaders = top_speakers(session, QuoteFilter(topic=topic.slug), limit=2)
        other = next((v for v in leaders if v.value != speaker.slug), None)
        if other is not None:
            found.append((topic, other))
    return found


@router.post("/speakers/{slug}/save", name="save_speaker")
def save_speaker(request: Request, session: SessionDep, slug: str) -> Response:
    """Remember this speaker in a cookie, then go back to where the form was."""
    refuse_other_sites(request)
    if get_speaker(session, slug) is None:
        raise HTTPException(404, f"We have no speaker “{slug}”.")
    slugs = [s for s in saved_slugs(request) if s != slug]
    return saved_redirect(request, slug, [slug, *slugs][:MAX_SAVED])


@router.post("/speakers/{slug}/forget", name="forget_speaker")
def forget_speaker(request: Request, slug: str) -> Response:
    """Drop this speaker from the saved ones."""
    refuse_other_sites(request)
    return saved_redirect(request, slug, [s for s in saved_slugs(request) if s != slug])


def refuse_other_sites(request: Request) -> None:
    if not from_this_site(request):
        raise HTTPException(403, "That form can only be sent from this site's own pages.")
