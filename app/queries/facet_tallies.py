"""Facet counts answered from the tallies (app.queries.tallies) instead of counted quote by
quote, for the filters they can answer: any mix of one speaker, one country and one topic,
and dates that take whole months, with no words, kind or outlet (those need the quotes
themselves); the outlet counts under any of these but a topic. These are most of the pages
readers open: a speaker, a country, a topic, each with one more choice, and a month, quarter
or year of them."""

import calendar
from dataclasses import dataclass
from datetime import date
from functools import partial

from sqlmodel import Session, col, select

from app.models import Speaker
from app.queries import slugs, tallies
from app.queries.cache import cached
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter


@dataclass(frozen=True)
class Scope:
    """A filter the tallies can answer; None fields mean "any"."""

    speaker_id: int | None = None  # tallies.NO_SPEAKER: the quotes with no speaker
    country: str | None = None
    topic_id: int | None = None
    months: tallies.Months | None = None  # dated quotes of these months only


def scope_of(session: Session, f: QuoteFilter, widen: bool = False) -> Scope | None:
    """The tally scope of `f`, or None when only counting the quotes can answer it. With
    `widen`, dates that cut a month take all of it: a scope for an upper bound."""
    if f.q or f.kind or f.outlet or len(f.speakers) > 1:
        return None
    if f.reports:  # the tallies count statements, not every report
        return None
    months = None
    if f.date_from or f.date_to:
        months = month_span(f.date_from, f.date_to, widen)
        if months is None:
            return None
    speaker_id = topic_id = None
    if f.speakers == (UNKNOWN_SPEAKER,):
        speaker_id = tallies.NO_SPEAKER
    elif f.speakers:
        speaker_id = slugs.speaker_id(session, f.speakers[0])
    if f.topic:
        topic_id = slugs.topic_id(session, f.topic)
    return Scope(speaker_id, f.country, topic_id, months)


def month_span(start: date | None, end: date | None, widen: bool) -> tallies.Months | None:
    """The months from `start` to `end` (open ends: every month); None if a date cuts a
    month, unless `widen`."""
    if not widen:
        if start is not None and start.day != 1:
            return None
        if end is not None and end.day != calendar.monthrange(end.year, end.month)[1]:
            return None
    low = start.year * 100 + start.month if start else 1  # month 0 holds the undated
    high = end.year * 100 + end.month if end else 999912
    return (low, high)


def answers(scope: Scope | None, name: str) -> bool:
    """True when the tallies can count facet `name` (or "total") under `scope`."""
    if scope is None:
        return False
    if name == "outlet":  # the outlet tally has speakers and months, not topics
        return scope.topic_id is None
    if scope.months is not None:  # no tally has speaker, topic and month together
        if scope.topic_id is not None:
            return name == "total" and scope.speaker_id is None and scope.country is None
        if name == "topic":
            return scope.speaker_id is None and scope.country is None
    return name != "kind" or scope.topic_id is None


def total(session: Session, scope: Scope) -> int:
    ids = _speaker_ids(session, scope)
    if scope.topic_id is not None and ids is None:
        return tallies.one_topic_quotes(session, scope.topic_id, scope.months)
    if scope.topic_id is not None:
        by_topic = tallies.topic_quotes(session, ids, scope.months)
        return by_topic.get(scope.topic_id, 0)
    if ids is None:
        return tallies.all_quotes(session, scope.months)
    return sum(tallies.speaker_quotes(session, ids, scope.months).values())


def counts(session: Session, scope: Scope, name: str, top: int) -> list[tuple]:
    """(value, label, count) of facet `name` under `scope`, most first. The scope must leave
    out the facet's own filter; a value of None is the quotes with no speaker."""
    ids = _speaker_ids(session, scope)
    rows: list[tuple]
    months = scope.months
    if name == "speaker":
        rows = list(
            tallies.top_speakers(session, top, scope.topic_id, scope.country, months=months)
        )
        if scope.country is None:  # quotes with no speaker have no country either
            rows.append((None, None, _unknown(session, scope.topic_id, months)))
    elif name == "topic":
        per_topic = tallies.topic_quotes(session, ids, months)
        labels = slugs.topic_ids(session)
        rows = [(slug, label, per_topic.get(ident, 0)) for slug, (ident, label) in labels.items()]
    elif name == "country":
        if ids is None and months is None and scope.topic_id is not None:
            per_country = _topic_countries(session, scope.topic_id)
        else:
            per_country = tallies.country_counts(session, ids, scope.topic_id, months)
        rows = [(code, code, n) for code, n in per_country.items()]
    elif name == "kind":
        per_kind = tallies.kind_quotes(session, ids, months)
        rows = [(kind, kind, n) for kind, n in per_kind.items()]
    elif name == "outlet":  # '' is no outlet: None, left out of the facet as when counted
        per_outlet = tallies.outlet_quotes(session, ids, months)
        rows = [(outlet or None, outlet or None, n) for outlet, n in per_outlet.items()]
    else:
        raise LookupError(f"the tallies do not count {name}")
    return sorted((row for row in rows if row[2] > 0), key=lambda row: -row[2])[:top]


def _topic_countries(session: Session, topic_id: int) -> dict[str, int]:
    """{country: quotes} on a topic: its speakers' tally rows summed by the kept map of their
    countries (joining each of 5,000 speakers to the tally took 10-20 ms a topic); kept
    until the data changes, as every page of the topic shows it."""

    def count() -> dict[str, int]:
        countries, found = speaker_countries(session), dict[str, int]()
        for speaker, n in tallies.topic_speaker_quotes(session, topic_id).items():
            if (country := countries.get(speaker)) is not None:
                found[country] = found.get(country, 0) + n
        return found

    return cached(session, ("topic_countries", topic_id), count, lasting=True)


def leaders(session: Session, scope: Scope, limit: int) -> list[tuple[str, str, int]]:
    """(slug, name, quotes) of the speakers most quoted under `scope` (its speaker, if it
    names one), quotes with no speaker left out."""
    ids = None if scope.speaker_id is None else [scope.speaker_id]
    return tallies.top_speakers(session, limit, scope.topic_id, scope.country, ids, scope.months)


def _speaker_ids(session: Session, scope: Scope) -> list[int] | None:
    """The speakers in scope (None: every speaker, and the quotes with none)."""
    if scope.country is None:
        return None if scope.speaker_id is None else [scope.speaker_id]
    ids = list(_speakers_by_country(session).get(scope.country, ()))
    return ids if scope.speaker_id is None else [i for i in ids if i == scope.speaker_id]


def _speakers_by_country(session: Session) -> dict[str, tuple[int, ...]]:
    """{country: its speakers' ids}, kept until the data changes: a country's page asks for
    them for its total, each of its counts and its bounds."""
    return cached(session, "speakers_by_country", partial(_country_speakers, session), lasting=True)


def speaker_countries(session: Session) -> dict[int, str]:
    """{speaker id: country} of the speakers with one, kept until the data changes: counts
    grouped by speaker id give their countries' counts without joining each quote's speaker."""
    return cached(session, "speaker_countries", partial(_by_speaker, session), lasting=True)


def _by_speaker(session: Session) -> dict[int, str]:
    by_country = _speakers_by_country(session)
    return {ident: country for country, ids in by_country.items() for ident in ids}


def _country_speakers(session: Session) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    stmt = select(col(Speaker.country), col(Speaker.id)).where(col(Speaker.country).is_not(None))
    for country, ident in session.execute(stmt):
        found.setdefault(country, []).append(ident)
    return {country: tuple(ids) for country, ids in found.items()}


def _unknown(session: Session, topic_id: int | None, months: tallies.Months | None) -> int:
    """Quotes with no speaker (on one topic, or in some months)."""
    if topic_id is None:
        by_speaker = tallies.speaker_quotes(session, [tallies.NO_SPEAKER], months)
        return by_speaker.get(tallies.NO_SPEAKER, 0)
    return tallies.topic_quotes(session, [tallies.NO_SPEAKER]).get(topic_id, 0)
