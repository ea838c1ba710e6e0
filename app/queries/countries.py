"""Countries, as the ISO codes stored on speakers."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Speaker, TallySpeaker
from app.names import country_name
from app.queries import tallies
from app.queries.cache import cached


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str
    speakers: int
    quotes: int


def country_list(session: Session) -> list[CountryRow]:
    """Countries that have speakers, by name, with speaker and quote counts (cached)."""
    return cached(session, "country_list", lambda: _country_counts(session), lasting=True)


def _country_counts(session: Session) -> list[CountryRow]:
    counts = tallies.country_quotes(session)
    rows = [CountryRow(code, country_name(code), s, q) for code, (s, q) in counts.items()]
    return sorted(rows, key=lambda row: row.name)


def country_row(session: Session, code: str) -> CountryRow:
    """Counts for one country (zeros when no speaker has it)."""
    stmt = (
        select(func.count(col(Speaker.id)), func.coalesce(func.sum(TallySpeaker.quotes), 0))
        .select_from(Speaker)
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .where(Speaker.country == code)
    )
    speakers, quotes = session.execute(stmt).one()
    return CountryRow(code, country_name(code), speakers, int(quotes))
