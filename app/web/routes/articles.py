"""Articles: the list, and one article's full text with every quote marked."""

from fastapi import APIRouter, HTTPException, Request
from starlette.responses import Response

from app.queries.articles import article_page, get_article
from app.web.deps import RowId, SessionDep
from app.web.paging import page_links
from app.web.present.article_text import marked_paragraphs
from app.web.templating import link_for, render

router = APIRouter()


@router.get("/articles", name="articles")
def articles(
    request: Request, session: SessionDep, after: str | None = None, outlet: str | None = None
) -> Response:
    """Articles newest first, optionally from one outlet."""
    page = article_page(session, after, request.app.state.settings.page_size, outlet)
    base = str(link_for(request, "articles"))
    context = {
        "page": page,
        "outlet": outlet,
        **page_links(base, [("outlet", outlet or "")], page.next_cursor, after),
    }
    return render(request, "articles/index.html", "articles/_list.html", context)


@router.get("/articles/{article_id}", name="article")
def article_detail(request: Request, session: SessionDep, article_id: RowId) -> Response:
    """The article's paragraphs, each quote in a <mark id="q…"> labelled with its speaker."""
    article = get_article(session, article_id)
    if article is None:
        raise HTTPException(404, f"There is no article number {article_id}.")

    def permalink(quote) -> str:
        return str(link_for(request, "quote", quote_id=quote.id))

    context = {
        "article": article,
        "paragraphs": marked_paragraphs(
            article.text, article.quotes, href=permalink, title=article.title
        ),
    }
    return render(request, "articles/detail.html", None, context)
