"""Facet counts answered from the tallies (app.queries.tallies) instead of counted quote by
quote, for the filters they can answer: any mix of one speaker, one country and one topic,
dates that take whole months and, with a topic, a kind; no words or outlet (those need the
quotes themselves); the outlet counts under any of these but a topic with a speaker or a
country and some months or a kind. These are most of the pages readers open: a speaker, a
country, a topic, each with one more choice, and a month, quarter or year of them."""

import calendar
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

from sqlmodel import Session, col, select

from app.models import Speaker
from app.queries import slugs, tallies, topic_tallies
from app.queries.cache import cached
from app.queries.filters import UNKNOWN_SPEAKER, QuoteFilter
from app.queries.prepared import run, values


@dataclass(frozen=True)
class Scope:
    """A filter the tallies can answer; None fields mean "any"."""

    speaker_id: int | None = None  # tallies.NO_SPEAKER: the quotes with no speaker
    country: str | None = None
    topic_id: int | None = None
    months: tallies.Months | None = None  # dated quotes of these months only
    kind: str | None = None  # answered with a topic only

    @property
    def topic_detail(self) -> bool:
        """True when only the tallies by topic and month (migration 0012) hold the counts."""
        return self.topic_id is not None and (self.months is not None or self.kind is not None)


def scope_of(session: Session, f: QuoteFilter, widen: bool = False) -> Scope | None:
    """The tally scope of `f`, or None when only counting the quotes can answer it. With
    `widen`, dates that cut a month take all of it: a scope for an upper bound."""
    if f.q or f.outlet or len(f.speakers) > 1:
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
    return Scope(speaker_id, f.country, topic_id, months, f.kind)


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
    if scope.kind is not None and scope.topic_id is None:
        # The tallies by speaker and month hold each kind's total, but no facet by kind.
        return name == "total"
    if name == "outlet" and scope.topic_id is not None:
        # A topic's outlets by month and kind, or by speaker over all months and kinds
        everyone = scope.speaker_id is None and scope.country is None
        return everyone or (scope.months is None and scope.kind is None)
    return True


def total(session: Session, scope: Scope) -> int:
    ids = _speaker_ids(session, scope)
    if scope.topic_detail and (ids is not None or scope.kind is not None):
        assert scope.topic_id is not None
        by_speaker = topic_tallies.topic_speakers(
            session, scope.topic_id, scope.months, scope.kind, ids
        )
        return sum(by_speaker.values())
    if scope.kind is not None and scope.topic_id is None:
        by_kind = tallies.kind_quotes(session, ids, scope.months) if ids != [] else {}
        return by_kind.get(scope.kind, 0)
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
    if scope.topic_detail or (scope.topic_id is not None and name in ("kind", "outlet")):
        return _topic_detail_counts(session, scope, name, top)
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
        if ids is not None and months is not None:
            per_topic = topic_tallies.speakers_topics(session, ids, months)
        else:
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
    elif name == "outlet":
        rows = _outlet_rows(tallies.outlet_quotes(session, ids, months))
    else:
        raise LookupError(f"the tallies do not count {name}")
    return _most(rows, top)


def _topic_detail_counts(session: Session, scope: Scope, name: str, top: int) -> list[tuple]:
    """Counts of a topic in some months or of one kind (and a topic's kinds and outlets), from
    the tallies by topic (migration 0012)."""
    assert scope.topic_id is not None
    ids = _speaker_ids(session, scope)
    topic, months = scope.topic_id, scope.months
    rows: list[tuple]
    if name == "kind":
        per_kind = topic_tallies.topic_kinds(session, topic, months, ids)
        rows = [(kind, kind, n) for kind, n in per_kind.items()]
    elif name == "outlet" and ids is not None:  # all months and kinds (see `answers`)
        rows = _outlet_rows(topic_tallies.speakers_outlets(session, topic, ids))
    elif name == "outlet":
        rows = _outlet_rows(topic_tallies.topic_outlets(session, topic, months, scope.kind))
    elif name in ("speaker", "country"):
        per_speaker = topic_tallies.topic_speakers(session, topic, months, scope.kind, ids)
        if name == "speaker":
            return top_named(session, per_speaker, top)
        countries = speaker_countries(session)
        per_country: dict[str, int] = {}
        for speaker, n in per_speaker.items():
            if (country := countries.get(speaker)) is not None:
                per_country[country] = per_country.get(country, 0) + n
        rows = [(code, code, n) for code, n in per_country.items()]
    else:
        raise LookupError(f"the tallies do not count {name} within one topic")
    return _most(rows, top)


def _outlet_rows(per_outlet: dict[str, int]) -> list[tuple]:
    # '' is no outlet: None, left out of the facet as when counted
    return [(outlet or None, outlet or None, n) for outlet, n in per_outlet.items()]


def _most(rows: list[tuple], top: int) -> list[tuple]:
    return sorted((row for row in rows if row[2] > 0), key=lambda row: -row[2])[:top]


_SPEAKER_LABELS = select(col(Speaker.id), col(Speaker.slug), col(Speaker.name)).where(
    col(Speaker.id).in_(values("ids"))
)


def top_named(session: Session, counts: Mapping[Any, int], top: int) -> list[tuple]:
    """(slug, name, count) of the `top` speakers most counted in {speaker id: count} (None or
    NO_SPEAKER: the quotes with no speaker, slug and name None), ties by name: names are read
    for those and for any tied with the last of them, not for every speaker."""
    by_id = {(None if ident == tallies.NO_SPEAKER else ident): n for ident, n in counts.items()}
    ranked = sorted((n for n in by_id.values() if n > 0), reverse=True)
    least = ranked[top - 1] if len(ranked) >= top else 1
    ids = [ident for ident, n in by_id.items() if n >= least]
    named: dict[int | None, tuple] = {None: (None, None)}
    named.update(
        (ident, (slug, name))
        for ident, slug, name in run(session, _SPEAKER_LABELS, ids=[i for i in ids if i])
    )
    rows = [(*named[ident], by_id[ident]) for ident in ids if ident in named]
    rows.sort(key=lambda row: (-row[2], row[1] or ""))
    return rows[:top]


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
    if scope.topic_detail:
        assert scope.topic_id is not None
        among = ids if scope.country is None else _speaker_ids(session, scope)
        per_speaker = topic_tallies.topic_speakers(
            session, scope.topic_id, scope.months, scope.kind, among
        )
        named = {ident: n for ident, n in per_speaker.items() if ident != tallies.NO_SPEAKER}
        return top_named(session, named, limit)
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
