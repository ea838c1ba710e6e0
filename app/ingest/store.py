"""Writes extracted articles to the database: one transaction per article, safe to re-run."""

import hashlib
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import delete, or_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.ingest.extract import ExtractedArticle, ExtractedQuote
from app.ingest.speakers import normalise_name, same_person, speaker_slug
from app.models import Article, Quote, Speaker, SpeakerAlias, Topic

Status = Literal["new", "updated", "unchanged"]
# Writers on a `writer` engine take turns (app.db), so a conflict only comes from a writer that
# does not; each attempt re-reads what that writer committed.
ATTEMPTS = 3


@dataclass(frozen=True)
class StoreResult:
    status: Status
    article_id: int
    quotes: int
    speaker_ids: frozenset[int] = frozenset()


def content_hash(text: str) -> str:
    """Hash of the text with Unicode and whitespace normalised, so re-saved copies match."""
    normalised = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def has_articles(engine: Engine) -> bool:
    with Session(engine) as session:
        return session.exec(select(Article.id).limit(1)).first() is not None


def store_article(
    engine: Engine, source: str, article: ExtractedArticle, topic_names: dict[str, str]
) -> StoreResult:
    """Store one article and its quotes atomically; a concurrent duplicate is retried."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return _store_once(engine, source, article, topic_names)
        except IntegrityError:
            # Another process stored the same article between our read and write.
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _store_once(
    engine: Engine, source: str, article: ExtractedArticle, topic_names: dict[str, str]
) -> StoreResult:
    digest = content_hash(article.text)
    with Session(engine) as session, session.begin():
        same = session.exec(select(Article).where(Article.content_hash == digest)).first()
        if same is not None:
            return StoreResult("unchanged", same.id, 0)
        row = session.exec(select(Article).where(Article.source == source)).first()
        status: Status = "updated" if row else "new"
        if row is None:
            row = Article(content_hash=digest, source=source, text="", ingested_at=_now())
        else:
            session.exec(delete(Quote).where(Quote.article_id == row.id))
        _fill_article(row, digest, article)
        session.add(row)
        session.flush()
        topics = _TopicCache(session, topic_names)
        rows = []
        for position, quote in enumerate(article.quotes):
            rows.append(_quote_row(session, row, position, quote))
            session.add(rows[-1])
            # Topics attach after the quote joins the session, so autoflush sees it.
            rows[-1].topics = [topics.get(t) for t in dict.fromkeys(quote.topics)]
        speakers = frozenset(q.speaker_id for q in rows if q.speaker_id is not None)
        return StoreResult(status, row.id, len(rows), speakers)


def _fill_article(row: Article, digest: str, article: ExtractedArticle) -> None:
    row.content_hash = digest
    row.title = article.title
    row.outlet = article.outlet
    row.published = article.date
    row.text = article.text
    row.ingested_at = _now()


def _quote_row(session: Session, article: Article, position: int, q: ExtractedQuote) -> Quote:
    speaker = resolve_speaker(session, q.speaker, q.speaker_country, q.speaker_role)
    return Quote(
        article_id=article.id,
        speaker_id=speaker.id if speaker else None,
        speaker_as_printed=q.speaker_mention,
        text=q.text,
        start=q.start,
        end=q.end,
        kind=q.kind,
        cue=q.cue,
        confidence=q.confidence,
        position=position,
        sentence_start=q.sentence_start,
        sentence_end=q.sentence_end,
        published=article.published,
    )


class _TopicCache:
    """Topic rows by taxonomy id, created on first use."""

    def __init__(self, session: Session, names: dict[str, str]):
        self.session, self.names, self.rows = session, names, {}

    def get(self, topic_id: str) -> Topic:
        if topic_id not in self.rows:
            row = self.session.exec(select(Topic).where(Topic.slug == topic_id)).first()
            if row is None:
                self._insert(topic_id)
                row = self.session.exec(select(Topic).where(Topic.slug == topic_id)).one()
            self.rows[topic_id] = row
        return self.rows[topic_id]

    def _insert(self, topic_id: str) -> None:
        # ON CONFLICT DO NOTHING: a topic another writer just created is used, not duplicated.
        dialect = postgresql if self.session.get_bind().dialect.name == "postgresql" else sqlite
        values = {"slug": topic_id, "name": self.names.get(topic_id, topic_id)}
        stmt = (
            dialect.insert(Topic).values(**values).on_conflict_do_nothing(index_elements=["slug"])
        )
        self.session.exec(stmt)


def resolve_speaker(
    session: Session, name: str | None, country: str | None, role: str | None
) -> Speaker | None:
    """Find the speaker `name` refers to across articles, or create them; None stays unknown."""
    if not name or not normalise_name(name):
        return None
    key = normalise_name(name)
    speaker = _find_or_create(session, name, key, country, role)
    speaker.country = speaker.country or country
    speaker.role = speaker.role or role
    if len(name.split()) > len(speaker.name.split()):
        speaker.name = name  # "Duarte" seen first, "Helena Duarte" later: show the fuller name
    _remember_alias(session, speaker, name, key)
    return speaker


def _find_or_create(
    session: Session, name: str, key: str, country: str | None, role: str | None
) -> Speaker:
    for attempt in range(1, ATTEMPTS + 1):
        found = _by_alias(session, key, country) or _by_surname(session, name, key, country)
        if found is not None:
            return found
        speaker = Speaker(slug=_free_slug(session, name), name=name, country=country, role=role)
        try:
            # A savepoint, so losing a race for the slug undoes this insert only; the next
            # attempt sees the winner's row and resolves to it (or picks the next free slug).
            with session.begin_nested():
                session.add(speaker)
                session.flush()
            return speaker
        except IntegrityError:
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _by_alias(session: Session, key: str, country: str | None) -> Speaker | None:
    rows = session.exec(
        select(Speaker).join(SpeakerAlias).where(SpeakerAlias.key == key).distinct()
    ).all()
    for speaker in rows:
        if not country or not speaker.country or speaker.country == country:
            return speaker
    return None


def _by_surname(session: Session, name: str, key: str, country: str | None) -> Speaker | None:
    surname = key.split()[-1]
    candidates = session.exec(
        select(Speaker)
        .join(SpeakerAlias)
        .where(or_(SpeakerAlias.key == surname, SpeakerAlias.key.like(f"% {surname}")))
        .distinct()
    ).all()
    matches = [s for s in candidates if same_person(name, country, s.name, s.country)]
    # Two different people fit: a guess would put words in the wrong mouth.
    return matches[0] if len(matches) == 1 else None


def _remember_alias(session: Session, speaker: Speaker, alias: str, key: str) -> None:
    known = session.exec(
        select(SpeakerAlias).where(
            SpeakerAlias.speaker_id == speaker.id, SpeakerAlias.alias == alias
        )
    ).first()
    if known is None:
        session.add(SpeakerAlias(speaker_id=speaker.id, alias=alias, key=key))
        session.flush()


def _free_slug(session: Session, name: str) -> str:
    base = speaker_slug(name) or "speaker"
    taken = set(
        session.exec(
            select(Speaker.slug).where(or_(Speaker.slug == base, Speaker.slug.like(f"{base}-%")))
        ).all()
    )
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _now() -> datetime:
    return datetime.now(UTC)
