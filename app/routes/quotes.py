"""The home page (all quotes, filterable) and one quote's permalink."""

import csv
import io

from fastapi import APIRouter, HTTPException, Request
from sqlmodel import Session
from starlette.responses import Response, StreamingResponse

from app.db import RowId, SessionDep
from app.queries.article_text import marked_paragraphs, paragraph_of, speaker_label
from app.queries.export import ExportRow, export_rows
from app.queries.filters import QuoteFilter
from app.queries.fts import SearchError
from app.queries.names import long_date
from app.queries.quotes import get_quote, quote_page
from app.queries.speakers import speakers_by_slug
from app.routes._listing import BROWSE_FRAGMENT, browse_context, quote_filter, render_browse
from app.routes.speakers import saved_slugs
from app.templating import render

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
        request, session, f, str(request.url_for("home")), saved=saved, saved_latest=latest
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
    context = {
        "quote": quote,
        "who": speaker_label(quote),
        "sentence": text[quote.sentence_start : quote.sentence_end].strip(),
        "paragraph": marked_paragraphs(text, [quote], span=span)[0],
        "citation": citation(quote, str(request.url_for("quote", quote_id=quote.id))),
    }
    return render(request, "quotes/detail.html", None, context)


def citation(quote, url: str) -> str:
    """Speaker, quote, outlet, date and link, in one line ready to paste."""
    source = ", ".join(
        part for part in (quote.article.outlet, long_date(quote.article.published)) if part
    )
    words = quote.text.strip().strip('"“”')
    return f"{speaker_label(quote)}: “{words}” ({source}). {url}"


CSV_COLUMNS = (
    "id",
    "published",
    "speaker",
    "speaker_slug",
    "speaker_as_printed",
    "country",
    "quote",
    "kind",
    "cue",
    "confidence",
    "topics",
    "outlet",
    "article_title",
    "quote_url",
    "article_url",
)


@router.get("/quotes.csv", name="quotes_csv")
def quotes_csv(request: Request) -> StreamingResponse:
    """Every quote matching the filters, as CSV, streamed in batches (no cap)."""
    f = quote_filter(request)
    engine = request.app.state.engine
    quote_url, article_url = _url_pattern(request, "quote"), _url_pattern(request, "article")

    def rows():
        # Own session: the stream outlives the request's dependency-managed one.
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(CSV_COLUMNS)
        with Session(engine) as session:
            try:
                for n, row in enumerate(export_rows(session, f), 1):
                    writer.writerow(_csv_row(row, quote_url, article_url))
                    if n % CSV_BATCH == 0:
                        yield buffer.getvalue()
                        buffer.seek(0)
                        buffer.truncate()
            except SearchError as error:
                writer.writerow([f"Error: {error}"])
        yield buffer.getvalue()

    headers = {"Content-Disposition": 'attachment; filename="quotes.csv"'}
    return StreamingResponse(rows(), media_type="text/csv; charset=utf-8", headers=headers)


CSV_BATCH = 250  # rows per chunk sent
_ID = 987654321012  # stands for the id in a URL built once per export


def _url_pattern(request: Request, name: str) -> str:
    """'http://host/quotes/{}': url_for once per export rather than twice per row."""
    param = "quote_id" if name == "quote" else "article_id"
    return str(request.url_for(name, **{param: _ID})).replace(str(_ID), "{}")


def _csv_row(q: ExportRow, quote_url: str, article_url: str) -> tuple:
    return (
        q.id,
        q.published or "",
        _defused(q.speaker),
        q.speaker_slug or "",
        _defused(q.speaker_as_printed),
        q.country or "",
        _defused(q.text),
        q.kind,
        _defused(q.cue),
        f"{q.confidence:.2f}",
        _defused(q.topics),
        _defused(q.outlet),
        _defused(q.article_title),
        quote_url.format(q.id),
        article_url.format(q.article_id),
    )


def _defused(cell: str | None) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (the other cells
    are numbers, dates, slugs, codes and our own URLs)."""
    if not cell:
        return ""
    return "'" + cell if cell[0] in "=+-@" else cell
