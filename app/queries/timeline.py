"""Quotes per month, for the speaker and topic timelines (from the tallies)."""

from sqlmodel import Session

from app.queries import tallies


def monthly_counts(session: Session, speaker_id: int | None) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} for this speaker's dated quotes (None: unattributed ones)."""
    return tallies.speaker_months(session, tallies.NO_SPEAKER if speaker_id is None else speaker_id)
