"""Counts read from the tallies the database keeps (migration 0004) instead of counted from a
million quotes per request: per speaker, per speaker and topic, per speaker and month (and
kind), per topic and month. Speaker id 0 stands for quotes with no speaker."""

from functools import partial
from typing import Any

from sqlalchemy import Select, func
from sqlmodel import Session, col, select

from app.models import (
    Speaker,
    TallySpeaker,
    TallySpeakerMonth,
    TallySpeakerOutlet,
    TallySpeakerTopic,
    TallyTopicMonth,
)
from app.queries.cache import cached, memo
from app.queries.prepared import prepared, run, value, values

NO_SPEAKER = 0
Months = tuple[int, int]  # YYYYMM to YYYYMM, both included: dated quotes only


def _within(column):
    """The month range, bound at `run` as low= and high=."""
    return col(column).between(value("low"), value("high"))


def _months(months: Months | None) -> dict[str, int]:
    return {} if months is None else {"low": months[0], "high": months[1]}


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
    stmt = _speaker_quotes_stmt(months is not None)
    rows = run(session, stmt, ids=speaker_ids, **_months(months))
    return {ident: int(n) for ident, n in rows}


@prepared
def _speaker_quotes_stmt(in_months: bool) -> Select:
    if in_months:
        return (
            select(TallySpeakerMonth.speaker_id, func.sum(TallySpeakerMonth.quotes))
            .where(col(TallySpeakerMonth.speaker_id).in_(values("ids")))
            .where(_within(TallySpeakerMonth.month))
            .group_by(col(TallySpeakerMonth.speaker_id))
        )
    return select(TallySpeaker.speaker_id, TallySpeaker.quotes).where(
        col(TallySpeaker.speaker_id).in_(values("ids"))
    )


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
    assert months is None or topic_id is None, "no tally has speaker, topic and month together"
    shape = (months is not None, topic_id is not None, country is not None)
    stmt = _top_speakers_stmt(*shape, speaker_ids is not None)
    given = {"topic": topic_id, "country": country, "ids": speaker_ids, **_months(months)}
    rows = run(session, stmt, limit=limit, **{k: v for k, v in given.items() if v is not None})
    return [(slug, name, int(n)) for slug, name, n in rows]


@prepared
def _top_speakers_stmt(in_months: bool, on_topic: bool, of_country: bool, among: bool) -> Select:
    count: Any
    if in_months:
        count = func.sum(TallySpeakerMonth.quotes)
        stmt = (
            select(col(Speaker.slug), col(Speaker.name), count)
            .join(Speaker, col(Speaker.id) == col(TallySpeakerMonth.speaker_id))
            .where(_within(TallySpeakerMonth.month))
            .group_by(col(Speaker.id))
        )
    else:
        tally = TallySpeakerTopic if on_topic else TallySpeaker
        count = col(tally.quotes)
        stmt = select(col(Speaker.slug), col(Speaker.name), count).join(
            Speaker, col(Speaker.id) == col(tally.speaker_id)
        )
    if on_topic:
        stmt = stmt.where(col(TallySpeakerTopic.topic_id) == value("topic"))
    if of_country:
        stmt = stmt.where(col(Speaker.country) == value("country"))
    if among:
        stmt = stmt.where(col(Speaker.id).in_(values("ids")))
    return stmt.order_by(count.desc(), col(Speaker.name)).limit(value("limit"))


def speaker_topic_quotes(session: Session, speaker_id: int) -> dict[int, int]:
    """{topic id: quotes} of one speaker (NO_SPEAKER: of quotes with none)."""
    return {topic: n for topic, n in run(session, _SPEAKER_TOPICS, speaker=speaker_id)}


_SPEAKER_TOPICS = select(TallySpeakerTopic.topic_id, TallySpeakerTopic.quotes).where(
    col(TallySpeakerTopic.speaker_id) == value("speaker")
)


def topic_quotes(
    session: Session, speaker_ids: list[int] | None = None, months: Months | None = None
) -> dict[int, int]:
    """{topic id: quotes} overall, of some speakers, or in some months (not both)."""
    assert speaker_ids is None or months is None, "no tally has speaker, topic and month together"
    stmt = _topic_quotes_stmt(speaker_ids is not None, months is not None)
    ids = {} if speaker_ids is None else {"ids": speaker_ids}
    return {topic: int(n) for topic, n in run(session, stmt, **ids, **_months(months))}


def one_topic_quotes(session: Session, topic_id: int, months: Months | None = None) -> int:
    """Quotes on one topic, in some months or all: its own tally rows (grouping every topic's
    rows of a year took 1.5 ms, and a page asked twice)."""
    stmt = _ONE_TOPIC if months is None else _ONE_TOPIC_MONTHS
    return int(run(session, stmt, topic=topic_id, **_months(months)).scalar_one())


_ONE_TOPIC = select(func.coalesce(func.sum(TallyTopicMonth.quotes), 0)).where(
    col(TallyTopicMonth.topic_id) == value("topic")
)
_ONE_TOPIC_MONTHS = _ONE_TOPIC.where(_within(TallyTopicMonth.month))


@prepared
def _topic_quotes_stmt(of_speakers: bool, in_months: bool) -> Select:
    if of_speakers:
        total = func.sum(TallySpeakerTopic.quotes)
        return (
            select(TallySpeakerTopic.topic_id, total)
            .where(col(TallySpeakerTopic.speaker_id).in_(values("ids")))
            .group_by(col(TallySpeakerTopic.topic_id))
        )
    per_month = select(TallyTopicMonth.topic_id, func.sum(TallyTopicMonth.quotes))
    if in_months:
        per_month = per_month.where(_within(TallyTopicMonth.month))
    return per_month.group_by(col(TallyTopicMonth.topic_id))


def kind_quotes(
    session: Session, speaker_ids: list[int] | None = None, months: Months | None = None
) -> dict[str, int]:
    """{kind: quotes} overall, or of some speakers, in some months or all."""
    stmt = _kind_quotes_stmt(speaker_ids is not None, months is not None)
    ids = {} if speaker_ids is None else {"ids": speaker_ids}
    return {kind: int(n) for kind, n in run(session, stmt, **ids, **_months(months))}


@prepared
def _kind_quotes_stmt(of_speakers: bool, in_months: bool) -> Select:
    stmt = select(TallySpeakerMonth.kind, func.sum(TallySpeakerMonth.quotes))
    if in_months:
        stmt = stmt.where(_within(TallySpeakerMonth.month))
    if of_speakers:
        stmt = stmt.where(col(TallySpeakerMonth.speaker_id).in_(values("ids")))
    return stmt.group_by(col(TallySpeakerMonth.kind))


def outlet_quotes(
    session: Session, speaker_ids: list[int] | None = None, months: Months | None = None
) -> dict[str, int]:
    """{outlet: quotes} ('' for articles with none) of some speakers or all, in some months or
    all. Every speaker's are summed from each month's, kept until the data changes."""
    if speaker_ids is not None:
        stmt = _outlet_quotes_stmt(months is not None)
        rows = run(session, stmt, ids=speaker_ids, **_months(months))
        return {outlet: int(n) for outlet, n in rows}
    total: dict[str, int] = {}
    for month in _months_held(session, months or (0, 999912), undated=months is None):
        per_month = cached(
            session, ("outlet_month", month), partial(_outlet_month, session, month), lasting=True
        )
        for outlet, n in per_month.items():
            total[outlet] = total.get(outlet, 0) + n
    return total


@prepared
def _outlet_quotes_stmt(in_months: bool) -> Select:
    stmt = select(TallySpeakerOutlet.outlet, func.sum(TallySpeakerOutlet.quotes)).where(
        col(TallySpeakerOutlet.speaker_id).in_(values("ids"))
    )
    if in_months:
        stmt = stmt.where(_within(TallySpeakerOutlet.month))
    return stmt.group_by(col(TallySpeakerOutlet.outlet))


def _outlet_month(session: Session, month: int) -> dict[str, int]:
    stmt = (
        select(TallySpeakerOutlet.outlet, func.sum(TallySpeakerOutlet.quotes))
        .where(col(TallySpeakerOutlet.month) == month)
        .group_by(col(TallySpeakerOutlet.outlet))
    )
    return {outlet: int(n) for outlet, n in session.execute(stmt)}


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
    assert months is None or topic_id is None, "no tally has speaker, topic and month together"
    if speaker_ids is None and months is None and topic_id is None:
        # Every speaker's: the same for every page until the data changes. (A topic's are
        # summed from its own tally rows: facet_tallies._topic_countries.)
        count = partial(_country_counts, session, None, None, None)
        return cached(session, ("country_counts", None), count, lasting=True)
    return _country_counts(session, speaker_ids, topic_id, months)


def topic_speaker_quotes(session: Session, topic_id: int) -> dict[int, int]:
    """{speaker id: quotes} on one topic (0: quotes with no speaker), read off the index
    (topic, quotes, speaker) alone."""
    return {speaker: n for speaker, n in run(session, _TOPIC_SPEAKERS, topic=topic_id)}


_TOPIC_SPEAKERS = select(TallySpeakerTopic.speaker_id, TallySpeakerTopic.quotes).where(
    col(TallySpeakerTopic.topic_id) == value("topic")
)


def _country_counts(
    session: Session, speaker_ids: list[int] | None, topic_id: int | None, months: Months | None
) -> dict[str, int]:
    stmt = _country_counts_stmt(speaker_ids is not None, topic_id is not None, months is not None)
    params: dict[str, Any] = _months(months)
    if speaker_ids is not None:
        params["ids"] = speaker_ids
    if topic_id is not None:
        params["topic"] = topic_id
    return {code: int(n) for code, n in run(session, stmt, **params)}


@prepared
def _country_counts_stmt(of_speakers: bool, on_topic: bool, in_months: bool) -> Select:
    tally: type[TallySpeaker] | type[TallySpeakerTopic] | type[TallySpeakerMonth]
    if in_months:
        tally = TallySpeakerMonth
    else:
        tally = TallySpeakerTopic if on_topic else TallySpeaker
    stmt = (
        select(col(Speaker.country), func.sum(tally.quotes))
        .join(tally, col(tally.speaker_id) == col(Speaker.id))
        .where(col(Speaker.country).is_not(None))
        .group_by(col(Speaker.country))
    )
    if in_months:
        stmt = stmt.where(_within(TallySpeakerMonth.month))
    if on_topic:
        stmt = stmt.where(col(TallySpeakerTopic.topic_id) == value("topic"))
    if of_speakers:
        stmt = stmt.where(col(Speaker.id).in_(values("ids")))
    return stmt


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


def _months_held(session: Session, months: Months, undated: bool = False) -> list[int]:
    """The months between `months` that have dated quotes, and month 0 (the undated) too if
    `undated`."""
    held = cached(session, ("months_held",), partial(_all_months, session), lasting=True)
    return [0] * undated + [month for month in held if months[0] <= month <= months[1]]


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
    rows = run(session, _SPEAKER_MONTHS, speaker=speaker_id)
    return {divmod(month, 100): int(n) for month, n in rows}


_SPEAKER_MONTHS = (
    select(TallySpeakerMonth.month, func.sum(TallySpeakerMonth.quotes))
    .where(col(TallySpeakerMonth.speaker_id) == value("speaker"), col(TallySpeakerMonth.month) > 0)
    .group_by(col(TallySpeakerMonth.month))
)


def topic_months(session: Session, topic_id: int) -> dict[tuple[int, int], int]:
    """{(year, month): quotes} of one topic's dated quotes (every page of the topic draws
    them: kept until the data changes)."""
    key = ("topic_months", topic_id)
    return cached(session, key, partial(_topic_months, session, topic_id), lasting=True)


def _topic_months(session: Session, topic_id: int) -> dict[tuple[int, int], int]:
    rows = run(session, _TOPIC_MONTHS, topic=topic_id)
    return {divmod(month, 100): n for month, n in rows}


_TOPIC_MONTHS = select(TallyTopicMonth.month, TallyTopicMonth.quotes).where(
    col(TallyTopicMonth.topic_id) == value("topic"), col(TallyTopicMonth.month) > 0
)
