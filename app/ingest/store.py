"""Writes extracted articles to the database: one transaction per article, safe to re-run."""

import hashlib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from app.db import writer_turn
from app.extract.article import ExtractedArticle
from app.extract.speakers.names import is_description
from app.ingest import statements
from app.ingest.speaker_rows import ATTEMPTS, SpeakerRows
from app.models import Article, Quote, QuoteTopic, Topic, table
from app.names import country_name

Status = Literal["new", "updated", "unchanged"]

_BY_HASH = select(col(Article.id)).where(col(Article.content_hash) == bindparam("digest"))
_BY_SOURCE = select(col(Article.id)).where(col(Article.source) == bindparam("source"))
_QUOTE_IDS = select(col(Quote.position), col(Quote.id)).where(
    col(Quote.article_id) == bindparam("article_id")
)
# The table's own columns: a stored topic's id is never None (the model's `int | None` is for
# a topic not yet saved).
_TOPIC = table(Topic).c
_TOPIC_IDS = select(_TOPIC.slug, _TOPIC.id).where(
    _TOPIC.slug.in_(bindparam("slugs", expanding=True))
)
# Built once: building a statement costs several times more than running it.
_INSERT_ARTICLE = insert(table(Article))
_UPDATE_ARTICLE = update(table(Article)).where(col(Article.id) == bindparam("article_id"))
_DELETE_QUOTES = delete(table(Quote)).where(col(Quote.article_id) == bindparam("article_id"))
_INSERT_QUOTE = insert(table(Quote))
_INSERT_QUOTE_TOPIC = insert(table(QuoteTopic))
# ON CONFLICT DO NOTHING: a topic another writer just created is used, not duplicated.
_INSERT_TOPIC = {
    name: dialect.insert(table(Topic)).on_conflict_do_nothing(index_elements=["slug"])
    for name, dialect in (("postgresql", postgresql), ("sqlite", sqlite))
}


@dataclass(frozen=True)
class Origin:
    """Where an article came from, beyond its source name: the URL it was published at, its
    author and language, and whether the source name identifies it for good (a file path, a
    URL, a dump record's id) so that a changed text from it replaces the stored one. A dump's
    line number does not: the next dump may hold another article on that line."""

    url: str | None = None
    author: str | None = None
    language: str | None = None
    stable: bool = True


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


def listed_topics(ids: Iterable[int]) -> str | None:
    """A quote's `topic_ids` ("3,17"), as the topic links' triggers list them (migration
    0017): written with the quote, the triggers find nothing to change."""
    return ",".join(map(str, sorted(ids))) or None


def has_articles(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.execute(select(col(Article.id)).limit(1)).first() is not None


def totals(engine: Engine) -> tuple[int, int, int]:
    """Articles, quotes and quoted speakers in the whole database."""
    from sqlalchemy import func

    with engine.connect() as conn:
        articles = conn.execute(select(func.count()).select_from(Article)).scalar_one()
        quotes = conn.execute(select(func.count()).select_from(Quote)).scalar_one()
        speakers = conn.execute(
            select(func.count(func.distinct(col(Quote.speaker_id))))
        ).scalar_one()
    return articles, quotes, speakers


def store_article(
    engine: Engine,
    source: str,
    article: ExtractedArticle,
    topic_names: dict[str, str],
    origin: Origin = Origin(),
) -> StoreResult:
    """Store one article and its quotes atomically; a concurrent duplicate is retried."""
    digest = content_hash(article.text)  # before our turn: other writers need not wait for it
    for attempt in range(1, ATTEMPTS + 1):
        try:
            with writer_turn(engine), engine.begin() as conn:
                return _store_once(conn, source, digest, article, topic_names, origin)
        except IntegrityError:
            # Another process stored the same article between our read and write.
            if attempt == ATTEMPTS:
                raise
    raise AssertionError("unreachable")


def _store_once(
    conn: Connection,
    source: str,
    digest: str,
    article: ExtractedArticle,
    topic_names: dict[str, str],
    origin: Origin,
) -> StoreResult:
    same = conn.execute(_BY_HASH, {"digest": digest}).scalar()
    if same is not None:
        return StoreResult("unchanged", same, 0)
    article_id = conn.execute(_BY_SOURCE, {"source": source}).scalar() if origin.stable else None
    values = _article_values(digest, article, origin)
    if article_id is None:
        status: Status = "new"
        inserted = conn.execute(_INSERT_ARTICLE, {"source": source, **values})
        new_key = inserted.inserted_primary_key
        assert new_key is not None  # always set by a one-row insert
        article_id = new_key[0]
    else:
        status = "updated"
        replaced = statements.statements_of_article(conn, article_id)
        conn.execute(_DELETE_QUOTES, {"article_id": article_id})
        conn.execute(_UPDATE_ARTICLE, {"article_id": article_id, **values})
    # Speakers first, in quote order: the same rows, created in the same order, as resolving
    # them quote by quote.
    speakers = SpeakerRows(conn)
    sources = [_source(speakers, q, article_id) for q in article.quotes]
    speaker_ids = [speaker_id for speaker_id, _ in sources]
    _insert_quotes(conn, article_id, article, sources, topic_names)
    touched = statements.group_article(conn, article_id)
    if status == "updated":
        touched |= statements.split_apart(conn, replaced)
    statements.settle(conn, touched)
    found = frozenset(i for i in speaker_ids if i is not None)
    return StoreResult(status, article_id, len(article.quotes), found)


def _article_values(digest: str, article: ExtractedArticle, origin: Origin) -> dict:
    return {
        "content_hash": digest,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.date,
        "text": article.text,
        "ingested_at": _now(),
        "url": origin.url,
        "author": origin.author,
        "language": origin.language,
    }


def _source(speakers: SpeakerRows, quote, article_id: int) -> tuple[int | None, str | None]:
    """(speaker row id, channel) of a quote. An outlet is never the speaker, only the
    channel its words came through ("via France 24"); a country or capital named as the
    speaker ("Britain said") stands for its government; someone never named is filed with
    the groups and unnamed speakers, not among the people; someone named by a given name
    alone ("Tom") is this article's own speaker, never another article's Tom."""
    kind = getattr(quote, "speaker_type", None) or "person"
    name, via = quote.speaker, getattr(quote, "via", None)
    if kind == "outlet":
        return None, via or name
    if kind == "place":
        if not quote.speaker_country:
            return None, via
        name, kind = f"Government of {country_name(quote.speaker_country)}", "organisation"
    if kind == "person" and name and is_description(name):
        kind = "group"  # "a Venezuelan businessman": filed with groups and unnamed speakers
    local = article_id if getattr(quote, "named_alone", False) else None
    speaker = speakers.row_for(name, quote.speaker_country, quote.speaker_role, kind, local)
    return (speaker.id if speaker else None), via


def _insert_quotes(
    conn: Connection,
    article_id: int,
    article: ExtractedArticle,
    sources: list[tuple[int | None, str | None]],
    topic_names: dict[str, str],
) -> None:
    """All of the article's quotes in one statement, then their topics in another."""
    if not article.quotes:
        return
    topics = [list(dict.fromkeys(q.topics)) for q in article.quotes]
    wanted = [t for slugs in topics for t in slugs]
    topic_ids = _topic_ids(conn, wanted, topic_names) if wanted else {}
    rows = [
        {
            "article_id": article_id,
            "speaker_id": speaker_id,
            "speaker_as_printed": q.speaker_mention,
            "text": q.text,
            "start": q.start,
            "end": q.end,
            "kind": q.kind,
            "cue": q.cue,
            "confidence": q.confidence,
            "position": position,
            "sentence_start": q.sentence_start,
            "sentence_end": q.sentence_end,
            "published": article.date,
            "via": via,
            "topic_ids": listed_topics(topic_ids[t] for t in slugs),
        }
        for position, (q, (speaker_id, via), slugs) in enumerate(
            zip(article.quotes, sources, topics, strict=True)
        )
    ]
    conn.execute(_INSERT_QUOTE, rows)
    if not any(topics):
        return
    quote_ids = dict(conn.execute(_QUOTE_IDS, {"article_id": article_id}).all())
    links = [
        {"quote_id": quote_ids[position], "topic_id": topic_ids[slug], "published": article.date}
        for position, slugs in enumerate(topics)
        for slug in slugs
    ]
    conn.execute(_INSERT_QUOTE_TOPIC, links)


def _topic_ids(conn: Connection, slugs: Iterable[str], names: dict[str, str]) -> dict[str, int]:
    """Ids of the topics `slugs`, each created on first use, in the order first used."""
    wanted = list(dict.fromkeys(slugs))
    ids = dict(conn.execute(_TOPIC_IDS, {"slugs": wanted}).all())
    missing = [slug for slug in wanted if slug not in ids]
    for slug in missing:
        values = {"slug": slug, "name": names.get(slug, slug)}
        conn.execute(_INSERT_TOPIC[conn.dialect.name], values)
    if missing:
        ids.update(conn.execute(_TOPIC_IDS, {"slugs": missing}).all())
    return ids


def _now() -> datetime:
    return datetime.now(UTC)
