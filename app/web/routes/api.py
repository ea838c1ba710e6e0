"""JSON API: the same filters and cursors as the pages, as documented response models."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel

from app.models import Quote
from app.queries.articles import get_article
from app.queries.countries import country_list
from app.queries.quotes import QuoteRow, quote_page
from app.queries.speakers import find_speakers, speaker_page
from app.queries.topics import topic_list
from app.web.deps import RowId, SessionDep
from app.web.listing import quote_filter
from app.web.templating import link_for

router = APIRouter(prefix="/api", tags=["api"])


class SpeakerRef(BaseModel):
    slug: str
    name: str
    country: str | None
    url: str


class TopicRef(BaseModel):
    slug: str
    name: str


class ArticleRef(BaseModel):
    id: int
    title: str | None
    outlet: str | None
    published: date | None
    url: str


class QuoteOut(BaseModel):
    id: int
    text: str
    kind: str
    cue: str | None
    confidence: float
    published: date | None
    speaker: SpeakerRef | None
    speaker_as_printed: str | None
    article: ArticleRef
    topics: list[TopicRef]
    url: str


class QuotesOut(BaseModel):
    quotes: list[QuoteOut]
    next_cursor: str | None
    next: str | None
    warnings: list[str]


class SpeakerOut(SpeakerRef):
    role: str | None
    kind: str  # person, organisation, group
    quotes: int
    # The one article that names them, by a given name alone ("Tom"); None for a name that
    # holds across articles.
    named_only_in_article: int | None = None


class SpeakerMatchOut(BaseModel):
    slug: str
    name: str
    country: str | None
    quotes: int
    url: str


class SpeakersOut(BaseModel):
    speakers: list[SpeakerOut]
    next_cursor: str | None
    next: str | None


class TopicOut(TopicRef):
    quotes: int
    url: str


class CountryOut(BaseModel):
    code: str
    name: str
    speakers: int
    quotes: int
    url: str


class ArticleQuoteOut(QuoteOut):
    start: int
    end: int


class ArticleOut(ArticleRef):
    source: str
    text: str
    quotes: list[ArticleQuoteOut]


class Problem(BaseModel):
    detail: str


@router.get(
    "/quotes",
    name="api_quotes",
    responses={400: {"model": Problem, "description": "A search the database cannot run"}},
)
def api_quotes(request: Request, session: SessionDep) -> QuotesOut:
    """Quotes filtered like the home page (`speaker`, `country`, `topic`, `q`, `from`, `to`,
    `outlet`, `kind`, `sort`); follow `next` for the following page."""
    f = quote_filter(request)
    page = quote_page(session, f, request.app.state.settings.page_size)
    if page.error:
        raise HTTPException(400, page.error)
    base = str(link_for(request, "api_quotes"))
    return QuotesOut(
        quotes=[quote_out(request, q) for q in page.quotes],
        next_cursor=page.next_cursor,
        next=base + f.page_query(page.next_cursor) if page.next_cursor else None,
        warnings=list(f.problems),
    )


@router.get("/speakers", name="api_speakers")
def api_speakers(
    request: Request,
    session: SessionDep,
    after: str | None = None,
    country: str | None = None,
    kind: Literal["person", "organisation", "group", "outlet"] | None = None,
) -> SpeakersOut:
    """Speakers A–Z (people by surname) with quote counts; `country` and `kind` narrow,
    `after` continues. Names typed as you go: /api/speakers/search?q=…"""
    country = country.upper() if country else None
    size = request.app.state.settings.page_size * 5
    page = speaker_page(session, after, size, country, kind)
    nxt = link_for(request, "api_speakers").include_query_params(after=page.next_cursor)
    if country:
        nxt = nxt.include_query_params(country=country)
    if kind:
        nxt = nxt.include_query_params(kind=kind)
    speakers = [
        SpeakerOut(
            **_speaker_ref(request, row.speaker),
            role=row.speaker.role,
            kind=row.speaker.kind,
            quotes=row.quotes,
            named_only_in_article=row.speaker.article_id,
        )
        for row in page.rows
    ]
    return SpeakersOut(
        speakers=speakers,
        next_cursor=page.next_cursor,
        next=str(nxt) if page.next_cursor else None,
    )


@router.get("/speakers/search", name="api_speaker_search")
def api_speaker_search(
    request: Request, session: SessionDep, q: Annotated[str, Query(max_length=80)] = ""
) -> list[SpeakerMatchOut]:
    """Speakers whose name or a recorded spelling fits `q` (accents, case, titles and close
    spellings forgiven), best fits first: for type-ahead."""
    return [
        SpeakerMatchOut(
            slug=m.slug,
            name=m.name,
            country=m.country,
            quotes=m.quotes,
            url=str(link_for(request, "speaker", slug=m.slug)),
        )  # fmt: skip
        for m in find_speakers(session, q)
    ]


@router.get("/topics", name="api_topics")
def api_topics(request: Request, session: SessionDep) -> list[TopicOut]:
    """Every topic with its number of quotes."""
    return [
        TopicOut(
            slug=t.slug, name=t.name, quotes=n, url=str(link_for(request, "topic", slug=t.slug))
        )
        for t, n in topic_list(session)
    ]


@router.get("/countries", name="api_countries")
def api_countries(request: Request, session: SessionDep) -> list[CountryOut]:
    """Countries that have speakers, with counts."""
    return [
        CountryOut(**vars(row), url=str(link_for(request, "country", code=row.code)))
        for row in country_list(session)
    ]


@router.get(
    "/articles/{article_id}",
    name="api_article",
    responses={404: {"model": Problem, "description": "No article with this number"}},
)
def api_article(request: Request, session: SessionDep, article_id: RowId) -> ArticleOut:
    """One article's text and its quotes, with character offsets into the text."""
    article = get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article number {article_id}.")
    quotes = [
        ArticleQuoteOut(**quote_out(request, q).model_dump(), start=q.start, end=q.end)
        for q in article.quotes
    ]
    return ArticleOut(
        **_article_ref(request, article).model_dump(),
        source=article.source,
        text=article.text,
        quotes=quotes,
    )


def quote_out(request: Request, q: Quote | QuoteRow) -> QuoteOut:
    assert q.id is not None  # a stored quote
    return QuoteOut(
        id=q.id,
        text=q.text,
        kind=q.kind,
        cue=q.cue,
        confidence=q.confidence,
        published=q.published,
        speaker=SpeakerRef(**_speaker_ref(request, q.speaker)) if q.speaker else None,
        speaker_as_printed=q.speaker_as_printed,
        article=_article_ref(request, q.article),
        topics=[TopicRef(slug=t.slug, name=t.name) for t in q.topics],
        url=str(link_for(request, "quote", quote_id=q.id)),
    )


def _speaker_ref(request: Request, speaker) -> dict:
    url = str(link_for(request, "speaker", slug=speaker.slug))
    return dict(slug=speaker.slug, name=speaker.name, country=speaker.country, url=url)


def _article_ref(request: Request, article) -> ArticleRef:
    return ArticleRef(
        id=article.id,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=str(link_for(request, "article", article_id=article.id)),
    )
