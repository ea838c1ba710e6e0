"""Articles: the paged list, and one article with its quotes and their speakers."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from app.models import Article, Quote, attr
from app.queries.keyset import dated_cursor, dated_rows, next_dated_cursor


@dataclass(frozen=True)
class ArticleRow:
    id: int
    title: str | None
    outlet: str | None
    published: date | None
    quotes: int


@dataclass
class ArticlePage:
    rows: list[ArticleRow]
    next_cursor: str | None


def article_page(
    session: Session, after: str | None, limit: int, outlet: str | None = None
) -> ArticlePage:
    """Articles newest first (undated last) with quote counts, keyset-paged."""
    base = select(Article.id)
    if outlet:
        base = base.where(Article.outlet == outlet)
    cursor = dated_cursor(after, "newest")
    rows = dated_rows(
        session, base, Article.published, Article.id, cursor, newest=True, limit=limit + 1
    )
    ids = [ident for ident, _ in rows[:limit]]
    counts = dict(
        session.execute(
            select(col(Quote.article_id), func.count(col(Quote.id)))
            .where(col(Quote.article_id).in_(ids))
            .group_by(col(Quote.article_id))
        ).all()
    )
    stmt = select(
        col(Article.id), col(Article.title), col(Article.outlet), col(Article.published)
    ).where(col(Article.id).in_(ids))
    by_id = {row.id: row for row in session.execute(stmt)}
    items = [
        ArticleRow(i, by_id[i].title, by_id[i].outlet, by_id[i].published, counts.get(i, 0))
        for i in ids
    ]
    return ArticlePage(items, next_dated_cursor(rows, "newest", limit))


def get_article(session: Session, article_id: int) -> Article | None:
    """An article with its quotes (in order), their speakers and topics."""
    stmt = (
        select(Article)
        .where(Article.id == article_id)
        .options(
            selectinload(attr(Article.quotes)).selectinload(attr(Quote.speaker)),
            selectinload(attr(Article.quotes)).selectinload(attr(Quote.topics)),
        )
    )
    return session.exec(stmt).first()
