"""Tables. Alembic owns the schema; these classes describe it for queries."""

from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ForeignKey, Index, Integer, Table, UniqueConstraint
from sqlalchemy.orm import QueryableAttribute
from sqlmodel import Field, Relationship, SQLModel


class Article(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    content_hash: str = Field(unique=True, max_length=64)
    source: str = Field(index=True)
    title: str | None = None
    outlet: str | None = Field(default=None, index=True)
    published: date | None = Field(default=None, index=True)
    text: str
    ingested_at: datetime = Field(index=True)
    # Where the article was published (an http(s) URL; the article page links to it), its
    # author, and its language (ISO 639-1; articles not in English are stored unextracted).
    url: str | None = Field(default=None, index=True)
    author: str | None = None
    language: str | None = Field(default=None, max_length=16)

    quotes: list["Quote"] = Relationship(
        back_populates="article", sa_relationship_kwargs={"order_by": "Quote.position"}
    )


class FetchState(SQLModel, table=True):
    """What the last fetch of a feed or web page returned: the validators that let the next
    fetch be conditional (ETag, Last-Modified), and for a feed item the fingerprint of its
    entry, so an unchanged item is not fetched again."""

    __tablename__ = "fetch_state"

    url: str = Field(primary_key=True)
    etag: str | None = None
    last_modified: str | None = None
    fingerprint: str | None = Field(default=None, max_length=64, index=True)
    fetched_at: datetime


class Speaker(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    name: str
    country: str | None = Field(default=None, max_length=2, index=True)
    role: str | None = None

    aliases: list["SpeakerAlias"] = Relationship(back_populates="speaker")
    quotes: list["Quote"] = Relationship(back_populates="speaker")


class SpeakerAlias(SQLModel, table=True):
    __tablename__ = "speaker_alias"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="CASCADE"), nullable=False)
    )
    alias: str
    key: str = Field(index=True)  # normalised spelling, for matching

    speaker: Speaker = Relationship(back_populates="aliases")


class QuoteTopic(SQLModel, table=True):
    __tablename__ = "quote_topic"

    quote_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quote.id", ondelete="CASCADE"), primary_key=True)
    )
    topic_id: int = Field(
        sa_column=Column(Integer, ForeignKey("topic.id", ondelete="CASCADE"), primary_key=True)
    )
    # A topic's quotes straight from the index (migration 0003).
    __table_args__ = (Index("ix_quote_topic_topic_quote", "topic_id", "quote_id"),)


class Topic(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)
    name: str

    quotes: list["Quote"] = Relationship(back_populates="topics", link_model=QuoteTopic)


class Quote(SQLModel, table=True):
    __table_args__ = (
        Index("ix_quote_speaker_published", "speaker_id", "published", "id"),
        Index("ix_quote_published", "published", "id"),
        Index("ix_quote_article_position", "article_id", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(
        sa_column=Column(Integer, ForeignKey("article.id", ondelete="CASCADE"), nullable=False)
    )
    speaker_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("speaker.id", ondelete="SET NULL"), nullable=True),
    )
    speaker_as_printed: str | None = None
    text: str
    start: int
    end: int
    kind: str = Field(max_length=8)  # direct | indirect | mixed
    cue: str | None = None
    confidence: float
    position: int  # order within the article
    sentence_start: int
    sentence_end: int
    # Copied from the article so lists sort and page on one indexed table.
    published: date | None = None

    article: Article = Relationship(back_populates="quotes")
    speaker: Speaker | None = Relationship(back_populates="quotes")
    topics: list[Topic] = Relationship(back_populates="quotes", link_model=QuoteTopic)


def attr(attribute: object) -> QueryableAttribute[Any]:
    """A model attribute as loader options take it (`selectinload`, `load_only`), where SQLModel
    types it as its value; the relationship counterpart of `sqlmodel.col`."""
    assert isinstance(attribute, QueryableAttribute)
    return attribute


def table(model: type[SQLModel]) -> Table:
    """The Core table of a table model, for plain SQL statements built once."""
    # SQLModel sets __table__ on every table model but does not declare it.
    return model.__table__  # type: ignore[attr-defined]
