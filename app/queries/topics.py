"""Topics with their quote counts."""

from sqlalchemy import extract, func, or_
from sqlmodel import Session, col, select

from app.models import Quote, QuoteTopic, Topic
from app.queries.cache import cached


def topic_list(session: Session) -> list[tuple[Topic, int]]:
    """Every topic with its number of quotes, most quoted first (topics are a short list).

    The counts are cached until the data changes; the topics are fresh unattached rows.
    """
    rows = cached(session, "topic_list", lambda: _topic_counts(session))
    return [(Topic(id=ident, slug=slug, name=name), n) for ident, slug, name, n in rows]


def _topic_counts(session: Session) -> list[tuple[int, str, str, int]]:
    # Counting the (topic_id, quote_id) index alone never touches the quote table.
    count = func.count(col(QuoteTopic.quote_id))
    stmt = (
        select(Topic.id, Topic.slug, Topic.name, count)
        .outerjoin(QuoteTopic, col(QuoteTopic.topic_id) == col(Topic.id))
        .group_by(col(Topic.id))
        .order_by(count.desc(), Topic.name)
    )
    return [tuple(row) for row in session.execute(stmt)]


def get_topic(session: Session, slug: str) -> Topic | None:
    return session.exec(select(Topic).where(Topic.slug == slug)).first()


def find_topic(session: Session, name: str) -> Topic | None:
    """The topic whose name or slug is exactly `name` (ignoring case)."""
    wanted = " ".join(name.split()).lower()
    stmt = select(Topic).where(
        or_(func.lower(col(Topic.name)) == wanted, col(Topic.slug) == wanted)
    )
    return session.exec(stmt).first()


def topic_monthly_counts(session: Session, topic_id: int) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} on this topic, dated ones only (the shape `timeline` takes);
    cached until the data changes (a big topic's months take ≈ 200 ms to count)."""
    return cached(session, ("topic_monthly", topic_id), lambda: _monthly(session, topic_id))


def _monthly(session: Session, topic_id: int) -> dict[tuple[int, int], int]:
    year, month = extract("year", col(Quote.published)), extract("month", col(Quote.published))
    stmt = (
        select(year, month, func.count(col(Quote.id)))
        .join(QuoteTopic, col(QuoteTopic.quote_id) == col(Quote.id))
        .where(col(QuoteTopic.topic_id) == topic_id, col(Quote.published).is_not(None))
        .group_by(year, month)
    )
    return {(int(y), int(m)): n for y, m, n in session.execute(stmt)}
