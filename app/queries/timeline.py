"""Quotes per month, for the speaker and topic timelines."""

from sqlalchemy import extract, func
from sqlmodel import Session, col, select

from app.models import Quote
from app.queries.cache import cached


def monthly_counts(session: Session, speaker_id: int | None) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} for this speaker's dated quotes (None: unattributed ones)."""
    return cached(session, ("monthly", speaker_id), lambda: _monthly(session, speaker_id))


def _monthly(session: Session, speaker_id: int | None) -> dict[tuple[int, int], int]:
    year, month = extract("year", col(Quote.published)), extract("month", col(Quote.published))
    match = (
        col(Quote.speaker_id).is_(None)
        if speaker_id is None
        else col(Quote.speaker_id) == speaker_id
    )
    stmt = (
        select(year, month, func.count(col(Quote.id)))
        .where(match, col(Quote.published).is_not(None))
        .group_by(year, month)
    )
    return {(int(y), int(m)): n for y, m, n in session.execute(stmt)}
