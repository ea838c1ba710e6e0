"""A topic's statements counted by month, speaker, kind and outlet, read from the tallies of
migrations 0012 and 0018 instead of counted from its quotes: the counts of a topic's page over some
months or of one kind, and the topics of some speakers' months (a country's quarter).
Speaker id 0 stands for statements with no speaker; an outlet of '' for articles with none."""

from functools import partial

from sqlalchemy import Select, func
from sqlmodel import Session, col, select

from app.models import (
    TallyTopicKind,
    TallyTopicOutlet,
    TallyTopicSpeaker,
    TallyTopicSpeakerOutlet,
)
from app.queries.cache import memo
from app.queries.prepared import prepared, run, value, values

Months = tuple[int, int]  # YYYYMM to YYYYMM, both included: dated quotes only


def topic_speakers(
    session: Session,
    topic_id: int,
    months: Months | None = None,
    kind: str | None = None,
    speaker_ids: list[int] | None = None,
) -> dict[int, int]:
    """{speaker id: statements} on a topic, in some months or all, of one kind or all, among
    some speakers or all. A page asks for its total, speakers and countries: one read."""
    among = None if speaker_ids is None else tuple(speaker_ids)
    key = ("topic_speakers", topic_id, months, kind, among)
    return memo(session, key, partial(_topic_speakers, session, topic_id, months, kind, among))


def _topic_speakers(
    session: Session,
    topic_id: int,
    months: Months | None,
    kind: str | None,
    among: tuple[int, ...] | None,
) -> dict[int, int]:
    if among is not None and not among:
        return {}
    stmt = _grouped("speaker", months is not None, kind is not None, among is not None)
    given = _given(months, kind) | ({} if among is None else {"ids": list(among)})
    return {ident: int(n) for ident, n in run(session, stmt, topic=topic_id, **given)}


def topic_kinds(
    session: Session,
    topic_id: int,
    months: Months | None = None,
    speaker_ids: list[int] | None = None,
) -> dict[str, int]:
    """{kind: statements} on a topic, in some months or all, among some speakers or all."""
    if speaker_ids is not None and not speaker_ids:
        return {}
    stmt = _grouped("kind", months is not None, False, speaker_ids is not None)
    given = _given(months, None) | ({} if speaker_ids is None else {"ids": speaker_ids})
    return {kind: int(n) for kind, n in run(session, stmt, topic=topic_id, **given)}


def topic_outlets(
    session: Session, topic_id: int, months: Months | None = None, kind: str | None = None
) -> dict[str, int]:
    """{outlet: statements} on a topic, in some months or all, of one kind or all."""
    stmt = _outlets_stmt(months is not None, kind is not None)
    rows = run(session, stmt, topic=topic_id, **_given(months, kind))
    return {outlet: int(n) for outlet, n in rows}


def speakers_outlets(session: Session, topic_id: int, speaker_ids: list[int]) -> dict[str, int]:
    """{outlet: statements} of some speakers (one, or a country's) on a topic, all months and
    kinds (migration 0018): the speakers' ranges of the tally's key."""
    if not speaker_ids:
        return {}
    rows = run(session, _SPEAKERS_OUTLETS, topic=topic_id, ids=speaker_ids)
    return {outlet: int(n) for outlet, n in rows}


def speakers_topics(session: Session, speaker_ids: list[int], months: Months) -> dict[int, int]:
    """{topic id: statements} of some speakers (a country's) in some months, by the tally's
    index of speakers (a country's quarter: its speakers' rows of three months)."""
    if not speaker_ids:
        return {}
    rows = run(session, _SPEAKERS_TOPICS, ids=speaker_ids, low=months[0], high=months[1])
    return {topic: int(n) for topic, n in rows}


def _given(months: Months | None, kind: str | None) -> dict[str, object]:
    given: dict[str, object] = {} if kind is None else {"kind": kind}
    return given if months is None else given | {"low": months[0], "high": months[1]}


@prepared
def _grouped(by: str, in_months: bool, of_kind: bool, among: bool) -> Select:
    """Statements on topic= grouped by speaker or kind (`by`), within low= and high= months,
    of kind= and among the speakers ids= when asked. Over all months, the tally without
    months has a few thousand rows a topic where the monthly one has up to 66,000."""
    tally = TallyTopicSpeaker if in_months else TallyTopicKind
    column = col(tally.speaker_id if by == "speaker" else tally.kind)
    stmt = select(column, func.sum(tally.quotes)).where(col(tally.topic_id) == value("topic"))
    if in_months:
        stmt = stmt.where(col(TallyTopicSpeaker.month).between(value("low"), value("high")))
    if of_kind:
        stmt = stmt.where(col(tally.kind) == value("kind"))
    if among:
        stmt = stmt.where(col(tally.speaker_id).in_(values("ids")))
    return stmt.group_by(column)


@prepared
def _outlets_stmt(in_months: bool, of_kind: bool) -> Select:
    stmt = select(TallyTopicOutlet.outlet, func.sum(TallyTopicOutlet.quotes)).where(
        col(TallyTopicOutlet.topic_id) == value("topic")
    )
    if in_months:
        stmt = stmt.where(col(TallyTopicOutlet.month).between(value("low"), value("high")))
    if of_kind:
        stmt = stmt.where(col(TallyTopicOutlet.kind) == value("kind"))
    return stmt.group_by(col(TallyTopicOutlet.outlet))


_SPEAKERS_OUTLETS = (
    select(TallyTopicSpeakerOutlet.outlet, func.sum(TallyTopicSpeakerOutlet.quotes))
    .where(col(TallyTopicSpeakerOutlet.topic_id) == value("topic"))
    .where(col(TallyTopicSpeakerOutlet.speaker_id).in_(values("ids")))
    .group_by(col(TallyTopicSpeakerOutlet.outlet))
)
_SPEAKERS_TOPICS = (
    select(TallyTopicSpeaker.topic_id, func.sum(TallyTopicSpeaker.quotes))
    .where(col(TallyTopicSpeaker.speaker_id).in_(values("ids")))
    .where(col(TallyTopicSpeaker.month).between(value("low"), value("high")))
    .group_by(col(TallyTopicSpeaker.topic_id))
)
