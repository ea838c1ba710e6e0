"""Counts read from the tallies the database keeps (migration 0004) instead of counted from a
million quotes per request: per speaker, per speaker and topic, per speaker and month (and
kind), per topic and month. Speaker id 0 stands for quotes with no speaker."""

from functools import partial
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models import Speaker, TallySpeaker, TallySpeakerMonth, TallySpeakerTopic, TallyTopicMonth
from app.queries.cache import cached, memo

NO_SPEAKER = 0
Months = tuple[int, int]  # YYYYMM to YYYYMM, both included: dated quotes only


def _within(column, months: Months):
    return col(column).between(months[0], months[1])


def speaker_quotes(
    session: Session, speaker_ids: list[int], months: Months | None = None
) -> dict[int, int]:
    """{speaker id: quotes} for these speakers (0 for no speaker), in some months or
    overall; absent ids have none."""
    if not speaker_ids:
        return {}
    # A page asks several times (its total, the bounds of its counts, its header).
    key = ("speaker_quotes", tuple(speaker_ids), months)
    return memo(session, key, partial(_speaker_quotes, session, speaker_ids, months))


def _speaker_quotes(
    session: Session, speaker_ids: list[int], months: Months | None = None
) -> dict[int, int]:
    if months is not None:
        stmt = (
            select(TallySpeakerMonth.speaker_id, func.sum(TallySpeakerMonth.quotes))
            .where(col(TallySpeakerMonth.speaker_id).in_(speaker_ids))
            .where(_within(TallySpeakerMonth.month, months))
            .group_by(col(TallySpeakerMonth.speaker_id))
        )
        return {ident: int(n) for ident, n in session.execute(stmt)}
    stmt = select(TallySpeaker.speaker_id, TallySpeaker.quotes).where(
        col(TallySpeaker.speaker_id).in_(speaker_ids)
    )
    return {ident: n for ident, n in session.execute(stmt)}


def top_speakers(
    session: Session,
    limit: int,
    topic_id: int | None = None,
    country: str | None = None,
    speaker_ids: list[int] | None = None,
    months: Months | None = None,
) -> list[tuple[str, str, int]]:
    """(slug, name, quotes) of the most quoted speakers, overall, on one topic or in some
    months (not both), of one country or among some speakers; quotes with no speaker are
    left out."""
    count: Any
    if months is not None:
        assert topic_id is None, "no tally has speaker, topic and month together"
        count = func.sum(TallySpeakerMonth.quotes)
        stmt = (
            select(col(Speaker.slug), col(Speaker.name), count)
            .join(Speaker, col(Speaker.id) == col(TallySpeakerMonth.speaker_id))
            .where(_within(TallySpeakerMonth.month, months))
            .group_by(col(Speaker.id))
        )
    else:
        tally = TallySpeakerTopic if topic_id is not None else TallySpeaker
        count = col(tally.quotes)
        stmt = select(col(Speaker.slug), col(Speaker.name), count).join(
            Speaker, col(Speaker.id) == col(tally.speaker_id)
        )
    if topic_id is not None:
        stmt = stmt.where(col(TallySpeakerTopic.topic_id) == topic_id)
    if country is not None:
        stmt = stmt.where(col(Speaker.country) == country)
    if speaker_ids is not None:
        stmt = stmt.where(col(Speaker.id).in_(speaker_ids))
    stmt = stmt.order_by(count.desc(), col(Speaker.name)).limit(limit)
    return [(slug, name, n) for slug, name, n in session.execute(stmt)]


def speaker_topic_quotes(session: Session, speaker_id: int) -> dict[int, int]:
    """{topic id: quotes} of one speaker (NO_SPEAKER: of quotes with none)."""
    stmt = select(TallySpeakerTopic.topic_id, TallySpeakerTopic.quotes).where(
        col(TallySpeakerTopic.speaker_id) == speaker_id
    )
    return {topic: n for topic, n in session.execute(stmt)}


def topic_quotes(
    session: Session, speaker_ids: list[int] | None = None, months: Months | None = None
) -> dict[int, int]:
    """{topic id: quotes} overall, of some speakers, or in some months (not both)."""
    if speaker_ids is None:
        per_month = select(TallyTopicMonth.topic_id, func.sum(TallyTopicMonth.quotes))
        if months is not None:
            per_month = per_month.where(_within(TallyTopicMonth.month, months))
        stmt = per_month.group_by(col(TallyTopicMonth.topic_id))
    else:
        assert months is None, "no tally has speaker, topic and month together"
        total = func.sum(TallySpeakerTopic.quotes)
        stmt = (
            select(TallySpeakerTopic.topic_id, total)
            .where(col(TallySpeakerTopic.speaker_id).in_(speaker_ids))
            .group_by(col(TallySpeakerTopic.topic_id))
        )
    return {topic: int(n) for topic, n in session.execute(stmt)}


def kind_quotes(
    session: Session, speaker_ids: list[int] | None = None, months: Months | None = None
) -> dict[str, int]:
    """{kind: quotes} overall, or of some speakers, in some months or all."""
    stmt = select(TallySpeakerMonth.kind, func.sum(TallySpeakerMonth.quotes))
    if months is not None:
        stmt = stmt.where(_within(TallySpeakerMonth.month, months))
    if speaker_ids is not None:
        stmt = stmt.where(col(TallySpeakerMonth.speaker_id).in_(speaker_ids))
    stmt = stmt.group_by(col(TallySpeakerMonth.kind))
    return {kind: int(n) for kind, n in session.execute(stmt)}


def all_quotes(session: Session, months: Months | None = None) -> int:
    """Every quote, or those of some months (a sum over every speaker: kept until the data
    changes when it is every quote, which each search asks to tell a common word)."""
    if months is None:
        return cached(session, "all_quotes", partial(_all_quotes, session), lasting=True)
    # A year is 35,000 tally rows to add up (5 ms on PostgreSQL); every month's total, added
    # up once until the data changes, answers any period.
    per_month = cached(
        session, "quotes_per_month", partial(_quotes_per_month, session), lasting=True
    )
    return sum(n for month, n in per_month.items() if months[0] <= month <= months[1])


def _all_quotes(session: Session) -> int:
    total = select(func.coalesce(func.sum(TallySpeaker.quotes), 0))
    return int(session.execute(total).scalar_one())


def _quotes_per_month(session: Session) -> dict[int, int]:
    total = func.sum(TallySpeakerMonth.quotes)
    stmt = select(TallySpeakerMonth.month, total).group_by(col(TallySpeakerMonth.month))
    return {month: int(n) for month, n in session.execute(stmt)}


def country_counts(
    session: Session,
    speaker_ids: list[int] | None = None,
    topic_id: int | None = None,
    months: Months | None = None,
) -> dict[str, int]:
    """{country: quotes} of some speakers (None: all), on one topic or in some months (not
    both; None: any)."""
    if months is not None and speaker_ids is None:
        return _country_months(session, months)
    tally: type[TallySpeaker] | type[TallySpeakerTopic] | type[TallySpeakerMonth]
    if months is not None:
        assert topic_id is None, "no tally has speaker, topic and month together"
        tally = TallySpeakerMonth
    else:
        tally = TallySpeaker if topic_id is None else TallySpeakerTopic
    total = func.sum(tally.quotes)
    stmt = (
        select(col(Speaker.country), total)
        .join(tally, col(tally.speaker_id) == col(Speaker.id))
        .where(col(Speaker.country).is_not(None))
        .group_by(col(Speaker.country))
    )
    if months is not None:
        stmt = stmt.where(_within(TallySpeakerMonth.month, months))
    if topic_id is not None:
        stmt = stmt.where(col(TallySpeakerTopic.topic_id) == topic_id)
    if speaker_ids is not None:
        stmt = stmt.where(col(Speaker.id).in_(speaker_ids))
    return {code: int(n) for code, n in session.execute(stmt)}


def _country_months(session: Session, months: Months) -> dict[str, int]:
    """Every country's quotes in some months: the sum of each month's counts, which are
    kept until the data changes (a year of a million quotes is 35,000 tally rows to group;
    its twelve months, once counted, serve every period that holds them)."""
    total: dict[str, int] = {}
    for month in _months_held(session, months):
        per_month = cached(
            session,
            ("country_month", month),
            partial(_country_month, session, month),
            lasting=True,
        )
        for code, n in per_month.items():
            total[code] = total.get(code, 0) + n
    return total


def _months_held(session: Session, months: Months) -> list[int]:
    """The months between `months` that have dated quotes (month 0 holds the undated)."""
    held = cached(session, ("months_held",), partial(_all_months, session), lasting=True)
    return [month for month in held if months[0] <= month <= months[1]]


def _all_months(session: Session) -> list[int]:
    stmt = select(TallyTopicMonth.month).where(col(TallyTopicMonth.month) > 0).distinct()
    topics = set(session.execute(stmt).scalars())
    stmt = select(TallySpeakerMonth.month).where(col(TallySpeakerMonth.month) > 0).distinct()
    return sorted(topics | set(session.execute(stmt).scalars()))


def _country_month(session: Session, month: int) -> dict[str, int]:
    stmt = (
        select(col(Speaker.country), func.sum(TallySpeakerMonth.quotes))
        .join(TallySpeakerMonth, col(TallySpeakerMonth.speaker_id) == col(Speaker.id))
        .where(col(Speaker.country).is_not(None), col(TallySpeakerMonth.month) == month)
        .group_by(col(Speaker.country))
    )
    return {code: int(n) for code, n in session.execute(stmt)}


def country_quotes(session: Session) -> dict[str, tuple[int, int]]:
    """{country: (speakers, quotes)} for every country a speaker has."""
    stmt = (
        select(
            col(Speaker.country),
            func.count(col(Speaker.id)),
            func.coalesce(func.sum(TallySpeaker.quotes), 0),
        )
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .where(col(Speaker.country).is_not(None))
        .group_by(col(Speaker.country))
    )
    return {code: (speakers, int(n)) for code, speakers, n in session.execute(stmt)}


def speaker_months(session: Session, speaker_id: int) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} of one speaker's dated quotes."""
    total = func.sum(TallySpeakerMonth.quotes)
    stmt = (
        select(TallySpeakerMonth.month, total)
        .where(col(TallySpeakerMonth.speaker_id) == speaker_id, col(TallySpeakerMonth.month) > 0)
        .group_by(col(TallySpeakerMonth.month))
    )
    return {divmod(month, 100): int(n) for month, n in session.execute(stmt)}


def topic_months(session: Session, topic_id: int) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} of one topic's dated quotes."""
    stmt = select(TallyTopicMonth.month, TallyTopicMonth.quotes).where(
        col(TallyTopicMonth.topic_id) == topic_id, col(TallyTopicMonth.month) > 0
    )
    return {divmod(month, 100): n for month, n in session.execute(stmt)}
