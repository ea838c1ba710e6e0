"""The filterable quote list shared by the home, speaker, country, topic and search pages."""

from dataclasses import dataclass, replace
from typing import Any

from fastapi import Request
from sqlmodel import Session
from starlette.responses import RedirectResponse, Response

from app.names import country_name
from app.queries.countries import country_list
from app.queries.facets import (
    RELAXATIONS,
    Facets,
    FacetValue,
    KnownCounts,
    active_filters,
    counts_or_start,
    counts_without,
    facet_counts,
    known_counts,
    outlet_names,
)
from app.queries.filters import KINDS, UNKNOWN_SPEAKER, QuoteFilter, query_string
from app.queries.quotes import quote_page
from app.queries.speakers import SpeakerMatch, find_speakers, speaker_names
from app.queries.topics import topic_list
from app.web.offers import page_offers
from app.web.paging import page_links
from app.web.present.describe import chips, describe
from app.web.templating import link_for, render, wants_fragment

BROWSE_FRAGMENT = "quotes/_browse.html"
# Counts that were not ready when a page was sent are fetched by the page itself (htmx) from
# the same URL with part=counts, which waits up to COUNTS_WAIT_S for them.
COUNTS_PART, COUNTS_FRAGMENT, COUNTS_WAIT_S = "counts", "quotes/_counts.html", 5.0
# On a counts part sent without its counts: the wait is done in the event loop, by asking again
# (app/web/counts_wait.py), not in the request's thread.
PENDING_HEADER = b"x-counts-pending"


@dataclass(frozen=True)
class Relaxation:
    """A filter to drop when nothing matches: "remove the date filter" and what it would show."""

    label: str
    url: str
    count: int | None


def quote_filter(request: Request, **fixed: Any) -> QuoteFilter:
    """The reader's filters from the URL, with the page's own dimension fixed."""
    return QuoteFilter.from_params(request.query_params, **fixed)


def browse_context(
    request: Request, session: Session, f: QuoteFilter, base_url: str, **extra: Any
) -> dict[str, Any]:
    """Everything `quotes/_browse.html` shows: form choices, facets, one page of quotes."""
    settings = request.app.state.settings
    if request.query_params.get("part") == COUNTS_PART:
        counts = counts_or_start(session, f)  # waited for in counts_wait.py
        position = {"start": _number(request, "n") or 1, "shown": _number(request, "shown")}
        return {"filter": f, "facets": counts, "incomplete": counts is None, "who": "",
                "base_url": base_url, "counts_only": True, **extra, **position}  # fmt: skip
    f, who_matches = resolve_who(request, session, f)
    page = quote_page(session, f, settings.page_size)
    facets = None if page.error else facet_counts(session, f, settings.facet_budget_ms)
    known = known_counts(session, f) if facets is None and not page.error else None
    stuck = not page.quotes and not page.error and not f.after
    choices = _choices(session, f)
    speakers = dict(choices.get("chosen", [])) or speaker_names(session, f.speakers)
    topics = {topic.slug: topic.name for topic, _ in topic_list(session)}
    start = _start(request) if f.after else 1
    return {
        "filter": f,
        "page": page,
        "facets": facets,
        "incomplete": facets is None,  # counts skipped: not to be cached (see render)
        "known": known,  # meanwhile, the total and the facets already counted
        "base_url": base_url,
        "start": start,
        "description": describe(f, speakers, topics),
        "chips": chips(f, base_url, speakers, topics),
        **page_links(base_url, f.params(), page.next_cursor, f.after, start, len(page.quotes)),
        "choices": choices,
        "relaxations": relaxations(request, session, f, base_url) if stuck else [],
        "counts_url": counts_url(base_url, f, start, len(page.quotes)),
        "who": request.query_params.get("who", "") if who_matches is not None else "",
        "who_matches": who_matches or [],
        "offers": page_offers(request, session, f.q, f.speakers) if f.q and not f.after else [],
        **extra,
    }


def _start(request: Request) -> int:
    """The position of the page's first quote, as the link to it said (n=…)."""
    return _number(request, "n")


def _number(request: Request, name: str) -> int:
    """A positive whole number from the URL; 0 when absent or not one."""
    n = request.query_params.get(name, "")
    return min(int(n), 10**9) if n.isdigit() and int(n) > 0 else 0


def counts_url(base_url: str, f: QuoteFilter, start: int, shown: int) -> str:
    """Where a page whose counts were not ready fetches them: with the page's position and
    length, so the answer can also give the list's count phrase ("21–40 of 1,234 quotes")."""
    position = [("n", str(start)), ("shown", str(shown))] if start and shown else []
    return base_url + query_string([*f.params(), *position, ("part", COUNTS_PART)])


def resolve_who(
    request: Request, session: Session, f: QuoteFilter
) -> tuple[QuoteFilter, list[SpeakerMatch] | None]:
    """A speaker typed by name in the form's `who` field, added to the filter when the name
    fits one speaker; otherwise the filter as it was and the speakers it could mean (None when
    nothing was typed)."""
    typed = " ".join(request.query_params.get("who", "").split())
    if not typed or "speaker" in f.fixed:
        return f, None
    matches = find_speakers(session, typed)
    exact = [m for m in matches if m.exact]
    same = [m for m in exact if m.name.lower() == typed.lower()]
    chosen = same[0] if same else exact[0] if len(exact) == 1 else None
    if chosen is None:
        return f, matches
    return replace(f, speakers=tuple(dict.fromkeys((*f.speakers, chosen.slug)))), None


def leaders(context: dict[str, Any], f: QuoteFilter, limit: int) -> list[FacetValue]:
    """Who speaks most under the reader's filters (the chosen speakers, if any), read off the
    speaker counts the page already has: the full counts, or while they are being counted,
    the speaker count already known (none if that too is being counted)."""
    facets: Facets | KnownCounts | None = context["facets"] or context.get("known")
    if facets is None:
        return []
    values = next((facet.values for facet in facets.facets if facet.param == "speaker"), [])
    named = [value for value in values if value.value != UNKNOWN_SPEAKER]
    return [v for v in named if v.selected][:limit] if f.speakers else named[:limit]


def render_browse(request: Request, page: str, fragment: str, context: dict) -> Response:
    """Render a listing page. A GET form sends its empty fields too (and a typed speaker name):
    a browser is sent on to the tidy URL, so what it bookmarks and shares is that; htmx pushes
    the tidy URL instead."""
    if context.get("counts_only"):
        response = render(request, COUNTS_FRAGMENT, COUNTS_FRAGMENT, context)
        if context["facets"] is None:
            response.headers[PENDING_HEADER.decode()] = "1"
        return response
    f: QuoteFilter = context["filter"]
    tidy = context["base_url"] + (f.page_query(f.after) if f.after else f.query())
    if not wants_fragment(request) and _untidy(request) and not context["who"]:
        return RedirectResponse(tidy, status_code=303)
    response = render(request, page, fragment, context)
    response.headers["HX-Push-Url"] = tidy
    return response


def _untidy(request: Request) -> bool:
    """The query names a speaker by name, or holds empty fields."""
    pairs = request.query_params.multi_items()
    return any(key == "who" or not value.strip() for key, value in pairs)


def relaxations(request: Request, session: Session, f: QuoteFilter, base_url: str) -> list:
    """Each filter the reader set, with a link that drops it and how many quotes that shows
    (counts within the facet time budget; without them the links are still offered)."""
    counts = counts_without(session, f, request.app.state.settings.facet_budget_ms)
    found = []
    for name in active_filters(f):
        # Without words a search page has nothing to show: the same filters on the home page do.
        base = str(link_for(request, "home")) if name == "q" and "/search" in base_url else base_url
        url = base + f.query(**RELAXATIONS[name])
        found.append(Relaxation(_relaxation_label(f, name), url, counts.get(name)))
    return sorted(found, key=lambda r: -(r.count or 0))


def _relaxation_label(f: QuoteFilter, name: str) -> str:
    """'the date filter', 'the words “oil”', 'the country filter (Brazil)', …"""
    if name == "q":
        return f"the words “{f.q}”"
    if name == "country" and f.country:
        return f"the country filter ({country_name(f.country)})"
    if name in ("outlet", "kind"):
        return f"the {name} filter ({getattr(f, name)})"
    return f"the {name} filter"


def _choices(session: Session, f: QuoteFilter) -> dict[str, list[tuple[str, str]]]:
    """Options for the form's selects (countries and topics are short lists)."""
    choices: dict[str, list[tuple[str, str]]] = {"kind": [(k, k.title()) for k in KINDS]}
    if "country" not in f.fixed:
        choices["country"] = [(row.code, row.name) for row in country_list(session)]
        if f.country and f.country not in {code for code, _ in choices["country"]}:
            # Keep a chosen country nobody speaks for, so submitting the form does not drop it.
            choices["country"].insert(0, (f.country, country_name(f.country)))
    if "topic" not in f.fixed:
        choices["topic"] = [(topic.slug, topic.name) for topic, _ in topic_list(session)]
    # The empty default means "best match when searching, else newest", so a search typed into
    # a form rendered before any words were entered still ranks by relevance.
    choices["sort"] = [
        ("", "Best match, or newest"),
        ("relevance", "Best match"),
        ("newest", "Newest first"),
        ("oldest", "Oldest first"),
    ]
    choices["outlet"] = [(name, name) for name in outlet_names(session)]
    if "speaker" not in f.fixed:
        named = speaker_names(session, f.speakers)
        named[UNKNOWN_SPEAKER] = "Unknown speaker"
        choices["chosen"] = [(slug, named.get(slug, slug)) for slug in f.speakers]
    return choices
