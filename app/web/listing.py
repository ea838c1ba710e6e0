"""The filterable quote list shared by the home, speaker, country, topic and search pages."""

from dataclasses import dataclass
from typing import Any

from fastapi import Request
from sqlmodel import Session
from starlette.responses import Response

from app.queries.countries import country_list
from app.queries.facets import (
    RELAXATIONS,
    active_filters,
    counts_without,
    facet_counts,
    outlet_names,
)
from app.queries.filters import KINDS, UNKNOWN_SPEAKER, QuoteFilter
from app.queries.names import country_name
from app.queries.quotes import quote_page
from app.queries.speakers import speaker_choices, speaker_names
from app.queries.topics import topic_list
from app.web.paging import page_links
from app.web.templating import render

BROWSE_FRAGMENT = "quotes/_browse.html"


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
    page = quote_page(session, f, settings.page_size)
    facets = None if page.error else facet_counts(session, f, settings.facet_budget_ms)
    stuck = not page.quotes and not page.error and not f.after
    return {
        "filter": f,
        "page": page,
        "facets": facets,
        "incomplete": facets is None,  # counts skipped: not to be cached (see render)
        "base_url": base_url,
        **page_links(base_url, f.params(), page.next_cursor, f.after),
        "choices": _choices(session, f),
        "relaxations": relaxations(request, session, f, base_url) if stuck else [],
        **extra,
    }


def render_browse(request: Request, page: str, fragment: str, context: dict) -> Response:
    """Render a listing page; htmx pushes the tidy URL (a GET form also sends empty fields)."""
    response = render(request, page, fragment, context)
    f: QuoteFilter = context["filter"]
    tidy = f.page_query(f.after) if f.after else f.query()
    response.headers["HX-Push-Url"] = context["base_url"] + tidy
    return response


def relaxations(request: Request, session: Session, f: QuoteFilter, base_url: str) -> list:
    """Each filter the reader set, with a link that drops it and how many quotes that shows
    (counts within the facet time budget; without them the links are still offered)."""
    counts = counts_without(session, f, request.app.state.settings.facet_budget_ms) or {}
    found = []
    for name in active_filters(f):
        # Without words a search page has nothing to show: the same filters on the home page do.
        base = str(request.url_for("home")) if name == "q" and "/search" in base_url else base_url
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
        country = f.country if "country" in f.fixed else None
        choices["speaker"] = list(speaker_choices(session, country))
        named = speaker_names(session, f.speakers)
        named[UNKNOWN_SPEAKER] = "Unknown speaker"
        choices["chosen"] = [(slug, named.get(slug, slug)) for slug in f.speakers]
    return choices
