"""The home page (all quotes, filterable) and one quote's permalink."""

from fastapi import APIRouter, HTTPException, Request
from slugify import slugify
from sqlmodel import Session
from starlette.responses import Response, StreamingResponse

from app.names import country_name, long_date
from app.queries.export import export_rows
from app.queries.filters import QuoteFilter
from app.queries.fts import SearchError
from app.queries.quotes import get_quote, quote_page, statement_reports
from app.queries.speakers import speakers_by_slug
from app.web.deps import RowId, SessionDep
from app.web.listing import BROWSE_FRAGMENT, browse_context, quote_filter, render_browse
from app.web.present.article_text import marked_paragraphs, paragraph_of, speaker_label
from app.web.present.csv import csv_chunks, csv_line
from app.web.present.wording import bare_words, differences
from app.web.saved import saved_slugs
from app.web.templating import link_for, render, url_pattern

router = APIRouter()

# Latest quotes from the reader's saved speakers shown above the full list.
SAVED_LATEST = 5


@router.get("/", name="home")
def home(request: Request, session: SessionDep) -> Response:
    """All quotes, newest first, narrowed by whatever filters are in the URL."""
    f = quote_filter(request)
    saved = speakers_by_slug(session, saved_slugs(request))
    slugs = tuple(row.speaker.slug for row in saved)
    latest = quote_page(session, QuoteFilter(speakers=slugs), SAVED_LATEST).quotes if saved else []
    context = browse_context(
        request,
        session,
        f,
        str(link_for(request, "home")),
        saved=saved,
        saved_latest=latest,
        home=True,
    )
    return render_browse(request, "quotes/index.html", BROWSE_FRAGMENT, context)


@router.get("/quotes/{quote_id}", name="quote")
def quote_detail(request: Request, session: SessionDep, quote_id: RowId) -> Response:
    """One quote with its sentence, paragraph, source and a ready-made citation."""
    quote = get_quote(session, quote_id)
    if quote is None:
        raise HTTPException(404, f"There is no quote number {quote_id}.")
    text = quote.article.text
    span = paragraph_of(text, quote.start)
    # Every report of the statement, earliest first, each worded against the earliest.
    reports = statement_reports(session, quote.statement_id) if quote.statement_id else []
    context = {
        "quote": quote,
        "reports": [(r, differences(reports[0].text, r.text)) for r in reports[1:]],
        "first_report": reports[0] if reports else None,
        "who": speaker_label(quote),
        "sentence": text[quote.sentence_start : quote.sentence_end].strip(),
        "paragraph": marked_paragraphs(text, [quote], span=span)[0],
        "citation": citation(quote, str(link_for(request, "quote", quote_id=quote.id))),
    }
    return render(request, "quotes/detail.html", None, context)


def citation(quote, url: str) -> str:
    """Who (with role and country), the words, and where: outlet, headline, date, the
    original article's address when known, and this quote's permalink; ready to paste."""
    speaker = quote.speaker
    who = speaker_label(quote)
    if speaker is not None:
        about = ", ".join(part for part in (speaker.role, country_of(speaker.country)) if part)
        who = f"{who} ({about})" if about else who
    article = quote.article
    headline = f"“{article.title}”" if article.title else None
    date = long_date(article.published) if article.published else "undated"
    source = ", ".join(part for part in (article.outlet, headline, date) if part)
    original = f" {article.url}" if getattr(article, "url", None) else ""
    return f"{who}: “{bare_words(quote.text)}” {source}.{original} Permalink: {url}"


def country_of(code: str | None) -> str | None:
    return country_name(code) if code else None


@router.get("/quotes.csv", name="quotes_csv")
def quotes_csv(request: Request) -> StreamingResponse:
    """Every quote matching the filters, as CSV, streamed in batches (no cap)."""
    f = quote_filter(request)
    engine = request.app.state.engine
    quote_url = url_pattern(request, "quote", "quote_id")
    article_url = url_pattern(request, "article", "article_id")
    assert quote_url is not None and article_url is not None  # both routes exist and take digits

    def chunks():
        # Own session: the stream outlives the request's dependency-managed one.
        with Session(engine) as session:
            try:
                yield from csv_chunks(export_rows(session, f), quote_url, article_url)
            except SearchError as error:
                yield csv_line(f"Error: {error}")

    headers = {"Content-Disposition": f'attachment; filename="{csv_filename(f)}"'}
    return StreamingResponse(chunks(), media_type="text/csv; charset=utf-8", headers=headers)


def csv_filename(f: QuoteFilter) -> str:
    """ "quotes-sergey-lavrov-venezuela.csv": the export named after its filters."""
    words = [value for name, value in f.full_params() if name not in ("sort", "reports")]
    return "-".join(filter(None, ["quotes", slugify("-".join(words))[:80].strip("-")])) + ".csv"
