"""Topics with their quote counts."""

from sqlalchemy import func, or_
from sqlmodel import Session, select

from app.models import QuoteTopic, Topic


def topic_list(session: Session) -> list[tuple[Topic, int]]:
    """Every topic with its number of quotes, most quoted first (topics are a short list)."""
    count = func.count(QuoteTopic.quote_id)
    stmt = (
        select(Topic, count)
        .outerjoin(QuoteTopic, QuoteTopic.topic_id == Topic.id)
        .group_by(Topic.id)
        .order_by(count.desc(), Topic.name)
    )
    return [(topic, n) for topic, n in session.execute(stmt)]


def get_topic(session: Session, slug: str) -> Topic | None:
    return session.exec(select(Topic).where(Topic.slug == slug)).first()


def find_topic(session: Session, name: str) -> Topic | None:
    """The topic whose name or slug is exactly `name` (ignoring case)."""
    wanted = " ".join(name.split()).lower()
    stmt = select(Topic).where(or_(func.lower(Topic.name) == wanted, Topic.slug == wanted))
    return session.exec(stmt).first()
