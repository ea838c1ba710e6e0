"""Countries, as the ISO codes stored on speakers."""

from dataclasses import dataclass

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Quote, Speaker
from app.queries.cache import cached
from app.queries.names import country_name


@dataclass(frozen=True)
class CountryRow:
    code: str
    name: str
    speakers: int
    quotes: int


def country_list(session: Session) -> list[CountryRow]:
    """Countries that have speakers, by name, with speaker and quote counts (cached)."""
    return cached(session, "country_list", lambda: _country_counts(session))


def _country_counts(session: Session) -> list[CountryRow]:
    stmt = (
        select(
            Speaker.country,
            func.count(func.distinct(Speaker.id)),
            func.count(col(Quote.id)),
        )
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .where(col(Speaker.country).is_not(None))
        .group_by(Speaker.country)
    )
    rows = [CountryRow(code, country_name(code), s, q) for code, s, q in session.execute(stmt)]
    return sorted(rows, key=lambda row: row.name)


def country_row(session: Session, code: str) -> CountryRow:
    """Counts for one country (zeros when no speaker has it)."""
    stmt = (
        select(func.count(func.distinct(col(Speaker.id))), func.count(col(Quote.id)))
        .select_from(Speaker)
        .outerjoin(Quote, col(Quote.speaker_id) == col(Speaker.id))
        .where(Speaker.country == code)
    )
    speakers, quotes = session.execute(stmt).one()
    return CountryRow(code, country_name(code), speakers, quotes)
