"""Topics with their quote counts."""

from dataclasses import dataclass

from sqlalchemy import func, or_
from sqlmodel import Session, col, select

from app.models import Topic
from app.queries import tallies
from app.queries.cache import cached


@dataclass(frozen=True)
class TopicRow:
    id: int
    slug: str
    name: str


def topic_list(session: Session) -> list[tuple[TopicRow, int]]:
    """Every topic with its number of quotes, most quoted first (topics are a short list);
    cached until the data changes, as plain rows every request can share."""
    return cached(session, "topic_list", lambda: _topic_counts(session))


def _topic_counts(session: Session) -> list[tuple[TopicRow, int]]:
    counts = tallies.topic_quotes(session)
    topics = session.execute(select(Topic.id, Topic.slug, Topic.name)).all()
    rows = [(TopicRow(ident, slug, name), counts.get(ident, 0)) for ident, slug, name in topics]
    return sorted(rows, key=lambda row: (-row[1], row[0].name))


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
    """{(year, month): quotes} on this topic, dated ones only (the shape `timeline` takes)."""
    return tallies.topic_months(session, topic_id)
