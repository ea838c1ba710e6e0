"""Speakers: the paged directory, one speaker with aliases, their topics and their months."""

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, or_, tuple_
from sqlalchemy.orm import selectinload
from sqlmodel import Session, col, select

from app.models import Quote, QuoteTopic, Speaker, SpeakerAlias, Topic, attr
from app.queries.cache import cached
from app.queries.filters import decode_cursor, encode_cursor


@dataclass(frozen=True)
class SpeakerRow:
    speaker: Speaker
    quotes: int


@dataclass
class SpeakerPage:
    rows: list[SpeakerRow]
    next_cursor: str | None


def speaker_page(
    session: Session, after: str | None, limit: int, country: str | None = None
) -> SpeakerPage:
    """Speakers A–Z with their quote counts, keyset-paged on (name, id)."""
    count = func.count(col(Quote.id))
    stmt = (
        select(Speaker, count)
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .group_by(col(Speaker.id))
        .order_by(col(Speaker.name), col(Speaker.id))
        .limit(limit + 1)
    )
    if country:
        stmt = stmt.where(Speaker.country == country)
    cursor = decode_cursor(after, "name") if after else None
    if cursor is not None and isinstance(cursor[0], str):
        stmt = stmt.where(tuple_(Speaker.name, Speaker.id) > tuple_(cursor[0], cursor[1]))
    rows = [SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1].speaker
        assert last.id is not None  # a stored speaker
        next_cursor = encode_cursor("name", last.name, last.id)
    return SpeakerPage(rows[:limit], next_cursor)


def top_of_country(session: Session, country: str, limit: int = 30) -> list[SpeakerRow]:
    """A country's speakers, most quoted first."""
    count = func.count(col(Quote.id))
    stmt = (
        select(Speaker, count)
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .where(Speaker.country == country)
        .group_by(col(Speaker.id))
        .order_by(count.desc(), Speaker.name)
        .limit(limit)
    )
    return [SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)]


def get_speaker(session: Session, slug: str) -> Speaker | None:
    stmt = select(Speaker).where(Speaker.slug == slug).options(selectinload(attr(Speaker.aliases)))
    return session.exec(stmt).first()


def quote_count(session: Session, speaker_id: int | None) -> int:
    """Quotes by this speaker; None counts the unattributed ones."""
    match = (
        col(Quote.speaker_id).is_(None)
        if speaker_id is None
        else col(Quote.speaker_id) == speaker_id
    )
    return session.execute(select(func.count(col(Quote.id))).where(match)).scalar_one()


def speaker_topics(session: Session, speaker_id: int | None) -> list[tuple[Topic, int]]:
    """Topics this speaker talks about, most quoted first (counts cached)."""
    rows = cached(session, ("speaker_topics", speaker_id), lambda: _topics(session, speaker_id))
    return [(Topic(id=ident, slug=slug, name=name), n) for ident, slug, name, n in rows]


def _topics(session: Session, speaker_id: int | None) -> list[tuple[int, str, str, int]]:
    match = (
        col(Quote.speaker_id).is_(None)
        if speaker_id is None
        else col(Quote.speaker_id) == speaker_id
    )
    count = func.count(col(Quote.id))
    stmt = (
        select(Topic.id, Topic.slug, Topic.name, count)
        .join(QuoteTopic, col(QuoteTopic.topic_id) == col(Topic.id))
        .join(Quote, col(Quote.id) == col(QuoteTopic.quote_id))
        .where(match)
        .group_by(col(Topic.id))
        .order_by(count.desc(), Topic.name)
    )
    return [tuple(row) for row in session.execute(stmt)]


def find_by_name(session: Session, name: str) -> Speaker | None:
    """The speaker whose name or a recorded spelling is exactly `name` (ignoring case)."""
    wanted = " ".join(name.split()).lower()
    if not wanted:
        return None
    stmt = (
        select(Speaker)
        .outerjoin(SpeakerAlias, col(SpeakerAlias.speaker_id) == col(Speaker.id))
        .where(or_(func.lower(Speaker.name) == wanted, func.lower(SpeakerAlias.alias) == wanted))
        .order_by(col(Speaker.id))
    )
    return session.exec(stmt).first()


def other_spellings(speaker: Speaker) -> list[str]:
    """Aliases that differ from the canonical name, sorted."""
    return sorted({a.alias for a in speaker.aliases if a.alias != speaker.name})


def speakers_by_slug(session: Session, slugs: list[str]) -> list[SpeakerRow]:
    """These speakers with their quote counts, in the order given; unknown slugs are skipped."""
    if not slugs:
        return []
    stmt = (
        select(Speaker, func.count(col(Quote.id)))
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .where(col(Speaker.slug).in_(slugs))
        .group_by(col(Speaker.id))
    )
    rows = {speaker.slug: SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)}
    return [rows[slug] for slug in slugs if slug in rows]


def speaker_names(session: Session, slugs: Iterable[str]) -> dict[str, str]:
    """slug -> name of these speakers (unknown slugs left out); no counting, for labels."""
    slugs = list(slugs)
    if not slugs:
        return {}
    rows = session.execute(
        select(col(Speaker.slug), col(Speaker.name)).where(col(Speaker.slug).in_(slugs))
    )
    return {slug: name for slug, name in rows}


def speaker_choices(
    session: Session, country: str | None, limit: int = 300
) -> tuple[tuple[str, str], ...]:
    """(slug, name) of the most-quoted speakers (of `country` when given), by name, for the
    speaker picker on every listing page: cached until the data changes, and plain tuples
    (building 300 ORM rows per request cost a quarter of the home page's time)."""
    return cached(
        session, ("speaker_choices", country, limit), lambda: _choices(session, country, limit)
    )


def _choices(session: Session, country: str | None, limit: int) -> tuple[tuple[str, str], ...]:
    top = (
        select(Quote.speaker_id, func.count().label("n"))
        .join(Speaker, col(Speaker.id) == col(Quote.speaker_id))
        .where(col(Speaker.country) == country if country else col(Quote.speaker_id).is_not(None))
        .group_by(col(Quote.speaker_id))
        .order_by(func.count().desc())
        .limit(limit)
        .subquery()
    )
    stmt = select(Speaker.slug, Speaker.name).join(top, top.c.speaker_id == Speaker.id)
    return tuple(sorted((tuple(row) for row in session.execute(stmt)), key=lambda r: r[1].lower()))
