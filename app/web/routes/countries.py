"""Countries (from speakers' ISO codes) and each country's speakers and quotes."""

from functools import lru_cache

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import RedirectResponse, Response

from app.extract.speakers.officials import Officials
from app.names import country_name, is_country_code
from app.queries.countries import country_list, country_row
from app.queries.speakers import top_of_country
from app.web.deps import SessionDep
from app.web.listing import BROWSE_FRAGMENT, browse_context, quote_filter, render_browse
from app.web.templating import link_for, render

router = APIRouter()


@lru_cache(maxsize=1)
def _officials() -> Officials:
    """app/data/officials.toml, read once: how each country's people and places are named."""
    return Officials.load()


@router.get("/countries", name="countries")
def countries(request: Request, session: SessionDep) -> Response:
    """Every country that has a speaker, with counts."""
    return render(request, "countries/index.html", None, {"countries": country_list(session)})


@router.get("/countries/{code}", name="country")
def country_detail(request: Request, session: SessionDep, code: str) -> Response:
    """A country's most quoted speakers and all their quotes."""
    if not is_country_code(code):
        raise HTTPException(404, f"“{code}” is not a country code we know (try RU, US, FR).")
    if code != code.upper():
        upper = link_for(request, "country", code=code.upper()).include_query_params(
            **request.query_params
        )
        return RedirectResponse(str(upper), status_code=301)
    f = quote_filter(request, country=code)
    url = str(link_for(request, "country", code=code))
    context = browse_context(
        request,
        session,
        f,
        url,
        country=country_row(session, code),
        speakers=top_of_country(session, code),
        canonical=url,
        feed_url=str(link_for(request, "country_feed", code=code)),
    )
    return render_browse(request, "countries/detail.html", BROWSE_FRAGMENT, context)


@router.get("/countries/{code}/about", name="country_about")
def country_about(request: Request, session: SessionDep, code: str) -> Response:
    """Quotes about a country: anyone's words that name it or its people (the country page
    itself lists what its own officials said)."""
    if not is_country_code(code) or code != code.upper():
        raise HTTPException(404, f"“{code}” is not a country code we know (try RU, US, FR).")
    words = _officials().naming.get(code) or [country_name(code)]
    f = quote_filter(request, q=" OR ".join(f'"{word}"' for word in words))
    url = str(link_for(request, "country_about", code=code))
    context = browse_context(
        request,
        session,
        f,
        url,
        country=country_row(session, code),
        about=words,
        canonical=url,
    )
    return render_browse(request, "countries/about.html", BROWSE_FRAGMENT, context)
