"""Topics with their quote counts."""

from sqlalchemy import func
from sqlmodel import Session, select

from app.models import QuoteTopic, Topic
from app.queries.cache import cached


def topic_list(session: Session) -> list[tuple[Topic, int]]:
    """Every topic with its number of quotes, most quoted first (topics are a short list).

    The counts are cached until the data changes; the topics are fresh unattached rows.
    """
    rows = cached(session, "topic_list", lambda: _topic_counts(session))
    return [(Topic(id=ident, slug=slug, name=name), n) for ident, slug, name, n in rows]


def _topic_counts(session: Session) -> list[tuple[int, str, str, int]]:
    # Counting the (topic_id, quote_id) index alone never touches the quote table.
    count = func.count(QuoteTopic.quote_id)
    stmt = (
        select(Topic.id, Topic.slug, Topic.name, count)
        .outerjoin(QuoteTopic, QuoteTopic.topic_id == Topic.id)
        .group_by(Topic.id)
        .order_by(count.desc(), Topic.name)
    )
    return [tuple(row) for row in session.execute(stmt)]


def get_topic(session: Session, slug: str) -> Topic | None:
    return session.exec(select(Topic).where(Topic.slug == slug)).first()
