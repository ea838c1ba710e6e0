"""Speakers: the paged directory, one speaker with aliases, their topics and their months."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Select, func, or_, tuple_
from sqlalchemy import select as core_select
from sqlmodel import Session, col, select

from app.extract.speakers.names import normalise_name
from app.extract.speakers.officials import default_officials
from app.models import Article, Speaker, SpeakerAlias, TallySpeaker
from app.queries import tallies
from app.queries.cache import cached
from app.queries.filters import decode_cursor, encode_cursor
from app.queries.prepared import prepared, run, value, values
from app.queries.topics import TopicRow, topic_list


@dataclass(frozen=True)
class SpeakerRow:
    speaker: Speaker
    quotes: int


@dataclass
class SpeakerPage:
    rows: list[SpeakerRow]
    next_cursor: str | None


# The directory's tabs: people, organisations, groups (outlets are channels, never speakers).
KINDS = ("person", "organisation", "group")


def speaker_page(
    session: Session,
    after: str | None,
    limit: int,
    country: str | None = None,
    kind: str | None = "person",
    letter: str | None = None,
) -> SpeakerPage:
    """Speakers of one kind (None: every kind), filed A–Z (people by surname) with their
    quote counts, from `letter` on; keyset-paged on (sort key, id)."""
    count = func.coalesce(col(TallySpeaker.quotes), 0)
    stmt = (
        select(Speaker, count)
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .order_by(col(Speaker.sort_key), col(Speaker.id))
        .limit(limit + 1)
    )
    if kind:
        stmt = stmt.where(col(Speaker.kind) == kind)
    if country:
        stmt = stmt.where(Speaker.country == country)
    if letter:
        stmt = stmt.where(col(Speaker.sort_key) >= letter.lower())
    cursor = decode_cursor(after, "name") if after else None
    if cursor is not None and isinstance(cursor[0], str):
        stmt = stmt.where(tuple_(Speaker.sort_key, Speaker.id) > tuple_(cursor[0], cursor[1]))
    rows = [SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)]
    next_cursor = None
    if len(rows) > limit:
        last = rows[limit - 1].speaker
        assert last.id is not None  # a stored speaker
        next_cursor = encode_cursor("name", last.sort_key, last.id)
    return SpeakerPage(rows[:limit], next_cursor)


def kind_counts(session: Session, country: str | None = None) -> dict[str, int]:
    """How many speakers of each kind (for the directory's tabs)."""
    stmt = select(Speaker.kind, func.count(col(Speaker.id))).group_by(col(Speaker.kind))
    if country:
        stmt = stmt.where(Speaker.country == country)
    return {kind: n for kind, n in session.execute(stmt)}


def top_of_country(session: Session, country: str, limit: int = 30) -> list[SpeakerRow]:
    """A country's speakers, most quoted first."""
    count = func.coalesce(col(TallySpeaker.quotes), 0)
    stmt = (
        select(Speaker, count)
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .where(Speaker.country == country)
        .order_by(count.desc(), Speaker.name)
        .limit(limit)
    )
    return [SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)]


@dataclass(frozen=True)
class SpeakerProfile:
    """One speaker as their page shows them: plain values, read without the ORM (a speaker
    page is asked for once or twice each, and loading a Speaker with its aliases cost two
    statements and a millisecond of object building)."""

    id: int
    slug: str
    name: str
    country: str | None
    role: str | None
    kind: str
    aliases: tuple[str, ...]  # spellings recorded from the articles, the name among them
    # Named by a given name alone in this one article ("Tom"), which their name belongs to.
    article_id: int | None = None
    article_title: str | None = None


def get_speaker(session: Session, slug: str) -> SpeakerProfile | None:
    rows = run(session, _GET_SPEAKER, slug=slug).all()
    if not rows:
        return None
    ident, slug, name, country, role, kind, _, article_id, title = rows[0]
    aliases = tuple(sorted({r[6] for r in rows if r[6] is not None}))
    return SpeakerProfile(ident, slug, name, country, role, kind, aliases, article_id, title)


_GET_SPEAKER = (
    core_select(
        col(Speaker.id),
        col(Speaker.slug),
        col(Speaker.name),
        col(Speaker.country),
        col(Speaker.role),
        col(Speaker.kind),
        col(SpeakerAlias.alias),
        col(Speaker.article_id),
        col(Article.title),
    )
    .outerjoin(SpeakerAlias, col(SpeakerAlias.speaker_id) == col(Speaker.id))
    .outerjoin(Article, col(Article.id) == col(Speaker.article_id))
    .where(col(Speaker.slug) == value("slug"))
)  # one round trip, built once: see app.queries.prepared


def quote_count(session: Session, speaker_id: int | None) -> int:
    """Quotes by this speaker; None counts the unattributed ones."""
    ident = tallies.NO_SPEAKER if speaker_id is None else speaker_id
    return tallies.speaker_quotes(session, [ident]).get(ident, 0)


def speaker_topics(session: Session, speaker_id: int | None) -> list[tuple[TopicRow, int]]:
    """Topics this speaker talks about, most quoted first."""
    ident = tallies.NO_SPEAKER if speaker_id is None else speaker_id
    counts = tallies.speaker_topic_quotes(session, ident)
    rows = [(topic, counts[topic.id]) for topic, _ in topic_list(session) if topic.id in counts]
    return sorted(rows, key=lambda row: (-row[1], row[0].name))


def slug_for_spelling(session: Session, slug: str) -> str | None:
    """The slug of the one speaker a URL's other spelling names: another case
    ("Sergey-Lavrov"), an alias recorded from the articles, or one officials.toml gives
    ("sergei-lavrov"); None if none or several."""
    if slug.lower() != slug:
        found = session.execute(select(Speaker.slug).where(Speaker.slug == slug.lower()))
        if (lower := found.scalar()) is not None:
            return lower
    key = normalise_name(slug.replace("-", " "))
    if not key:
        return None
    stmt = (
        select(Speaker.slug)
        .join(SpeakerAlias, col(SpeakerAlias.speaker_id) == col(Speaker.id))
        .where(col(SpeakerAlias.key) == key)
        .distinct()
        .limit(2)
    )
    slugs = session.execute(stmt).scalars().all()
    if not slugs:  # a spelling no article printed, but officials.toml knows ("sergei-lavrov")
        official = default_officials().find(slug.replace("-", " "))
        if official is not None:
            named = select(Speaker.slug).where(col(Speaker.name) == official.name).limit(2)
            slugs = session.execute(named).scalars().all()
    return slugs[0] if len(slugs) == 1 else None


def other_spellings(speaker: SpeakerProfile) -> list[str]:
    """Other spellings of the speaker's name, printed in the articles or known from
    officials.toml (whole names, not a surname alone), sorted."""
    known = [a for a in default_officials().aliases_of(speaker.name) if " " in a]
    spellings = set(speaker.aliases) | set(known)
    return sorted(spellings - {speaker.name})


def speakers_by_slug(session: Session, slugs: list[str]) -> list[SpeakerRow]:
    """These speakers with their quote counts, in the order given; unknown slugs are skipped."""
    if not slugs:
        return []
    stmt = (
        select(Speaker, func.coalesce(col(TallySpeaker.quotes), 0))
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .where(col(Speaker.slug).in_(slugs))
    )
    rows = {speaker.slug: SpeakerRow(speaker, n) for speaker, n in session.execute(stmt)}
    return [rows[slug] for slug in slugs if slug in rows]


def speaker_names(session: Session, slugs: Iterable[str]) -> dict[str, str]:
    """slug -> name of these speakers (unknown slugs left out); no counting, for labels."""
    slugs = list(slugs)
    if not slugs:
        return {}
    return {slug: name for slug, name in run(session, _SPEAKER_NAMES, slugs=slugs)}


_SPEAKER_NAMES = select(col(Speaker.slug), col(Speaker.name)).where(
    col(Speaker.slug).in_(values("slugs"))
)


@dataclass(frozen=True)
class SpeakerMatch:
    slug: str
    name: str
    country: str | None
    role: str | None
    quotes: int
    exact: bool  # every word typed matches the name (or a recorded spelling)
    kind: str = "person"  # person | organisation | group | outlet
    whole: bool = False  # every word of the name (or spelling) was typed


MAX_NAME_CHARS = 80
_CANDIDATES = 200


def find_speakers(
    session: Session, typed: str, limit: int = 8, whole_words: bool = False
) -> list[SpeakerMatch]:
    """Speakers whose name or a recorded spelling fits what was typed: accents, case and
    titles ignored, words matched as prefixes ("lav" finds Lavrov; `whole_words`: only whole
    words, for text that was not typed as a name) or as close spellings ("Sergei" finds
    Sergey). Best fits first, then the most quoted. Kept until the data changes: a search's
    words are looked up again by each of its refinements (a kind, a year, the next page), and
    the look-up reads every spelling of every speaker (1.3 ms of a rare word's page)."""
    typed = typed[:MAX_NAME_CHARS]
    key = ("find_speakers", typed, limit, whole_words)
    found = cached(session, key, lambda: tuple(_find_speakers(session, typed, limit, whole_words)))
    return list(found)


def may_name(session: Session, text: str) -> bool:
    """False when some word of `text` is neither a word of any speaker's name or recorded
    spelling nor a close spelling of one: then no speaker fits it exactly, as
    `find_speakers(whole_words=True)` fits them. Most search words name nobody, and looking
    them up read every spelling (1.3 ms of a rare word's page); these are kept in memory."""
    words = normalise_name(text[:MAX_NAME_CHARS]).split()[:4]
    if not any(len(word) >= 2 for word in words):
        return False
    known = cached(session, "name_words", lambda: _name_words(session), lasting=True)
    for word in words:
        if word in known[0]:
            continue
        # _close with whole words: a length within one, and fuzz.ratio >= 80 (C-coded scans).
        near = [known[1].get(n, ()) for n in (len(word) - 1, len(word), len(word) + 1)]
        if len(word) < 5 or not any(
            process.extractOne(word, some, scorer=fuzz.ratio, score_cutoff=CLOSE) for some in near
        ):
            return False
    return True


def _name_words(session: Session) -> tuple[frozenset[str], dict[int, tuple[str, ...]]]:
    """Every word of the speakers' spellings, and the same by length (for close spellings)."""
    words = {part for key in run(session, _alias_keys()).scalars() for part in key.split()}
    by_length: dict[int, list[str]] = {}
    for word in sorted(words):
        by_length.setdefault(len(word), []).append(word)
    return frozenset(words), {n: tuple(some) for n, some in by_length.items()}


@prepared
def _alias_keys() -> Select:
    return core_select(col(SpeakerAlias.key))


def _find_speakers(
    session: Session, typed: str, limit: int, whole_words: bool
) -> list[SpeakerMatch]:
    words = normalise_name(typed).split()[:4]
    if not words or not any(len(word) >= 2 for word in words):
        return []
    prefixes = [w[:3] for w in words if len(w) >= 2]
    starts = {f"p{i}": f"{w}%" for i, w in enumerate(prefixes)}
    inside = {f"w{i}": f"% {w}%" for i, w in enumerate(prefixes)}
    stmt = _candidates(len(prefixes))
    best: dict[int, tuple[float, SpeakerMatch]] = {}
    for ident, slug, name, country, role, kind, key, n in run(session, stmt, **starts, **inside):
        score = _fit(words, key.split(), whole_words)
        if score < 0.5:
            continue
        whole = set(key.split()) <= set(words)
        match = SpeakerMatch(slug, name, country, role, n, score == 1.0, kind, whole)
        if ident not in best or (score, whole) > (best[ident][0], best[ident][1].whole):
            best[ident] = (score, match)
    ranked = sorted(best.values(), key=lambda pair: (-pair[0], -pair[1].quotes, pair[1].name))
    matches = [match for _, match in ranked]
    exact = [match for match in matches if match.exact]
    return (exact or matches)[:limit]  # near misses only when nothing fits every word


@prepared
def _candidates(words: int) -> Select:
    """Aliases with a word starting as one of `words` typed words does (bound as p0, w0…),
    most quoted speakers first: built once per number of words."""
    near = or_(
        *(col(SpeakerAlias.key).like(value(f"p{i}")) for i in range(words)),
        *(col(SpeakerAlias.key).like(value(f"w{i}")) for i in range(words)),
    )
    quotes = func.coalesce(col(TallySpeaker.quotes), 0)
    columns: list[Any] = [Speaker.id, Speaker.slug, Speaker.name, Speaker.country, Speaker.role]
    columns += [Speaker.kind, SpeakerAlias.key, quotes]
    return (
        core_select(*columns)
        .join(SpeakerAlias, col(SpeakerAlias.speaker_id) == col(Speaker.id))
        .outerjoin(TallySpeaker, col(TallySpeaker.speaker_id) == col(Speaker.id))
        .where(near)
        .order_by(quotes.desc())
        .limit(_CANDIDATES)
    )


def _fit(typed: list[str], name: list[str], whole_words: bool = False) -> float:
    """Share of the typed words that match a word of the name: as a prefix (or the whole
    word), or (for words of five letters or more) as a close spelling."""
    found = 0
    for word in typed:
        if any(part == word or not whole_words and part.startswith(word) for part in name):
            found += 1
        elif len(word) >= 5 and any(_close(word, part, whole_words) for part in name):
            found += 1
    return found / len(typed)


CLOSE = 80  # fuzz.ratio of a close spelling


def _close(word: str, part: str, whole_words: bool) -> bool:
    """A close spelling ("Sergei" for "Sergey"). In text not typed as a name, only one of
    about the same length: "sanctions" is not a misspelt "Santos"."""
    if whole_words and abs(len(word) - len(part)) > 1:
        return False
    return fuzz.ratio(word, part) >= CLOSE
